# govcatalog — the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Two stamps in one virtual environment: the demo needs the runtime and the xlsx extra only;
# tests, lint, docs and benchmarks need the dev extras. Installing the dev extras touches both
# stamps (they include xlsx); `make test` after `make demo` still installs them.
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck fmt bench docs wheel clean mutation

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[xlsx]'
	touch $(RUNTIME)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench,docs]'
	touch $(STAMP) $(RUNTIME)

## demo: set up (runtime and xlsx only), then validate the shipped examples with the national pack
demo: $(RUNTIME)
	$(VENV)/bin/govcatalog validate --example city --lang zh
	@$(VENV)/bin/govcatalog validate --example city-errors --lang en; test $$? -eq 1
	@echo
	@echo "Demo complete: the first catalog conforms; the second carries typical mistakes on purpose, and the findings above (exit code 1) are the point."

## test: set up, then run the whole test suite
test: $(STAMP)
	$(PY) -m pytest -q

## lint: ruff, mypy --strict, the import layers (import-linter, [tool.importlinter]) and the
## size limits (tests/sizes.py prints modules over 400 lines and functions over 60 lines)
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(PY) tests/sizes.py
	$(PY) -m pytest -q -p no:cacheprovider tests/unit/test_sizes.py

typecheck: $(STAMP)
	$(VENV)/bin/mypy

fmt: $(STAMP)
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

## bench: throughput and peak memory of the main jobs (see benchmarks/README.md)
bench: $(STAMP)
	$(PY) benchmarks/run.py

## mutation: mutation testing of the core with mutmut, one group at a time (slow; not in CI).
## GROUPS=score compat … picks groups; each group's score is printed (tests/mutation/run.py).
mutation: $(STAMP)
	$(PY) -m pip install --quiet 'mutmut>=3.3,<4'
	$(PY) tests/mutation/run.py $(GROUPS)

## docs: regenerate the reference pages, then build the documentation site strictly
docs: $(STAMP)
	$(PY) -m govcatalog.docgen docs
	$(VENV)/bin/mkdocs build --strict

wheel: $(STAMP)
	$(PY) -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) dist build site .pytest_cache .mypy_cache .ruff_cache
