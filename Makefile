# govcatalog — the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck fmt bench docs wheel clean mutation

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench,docs]'
	touch $(STAMP)

## demo: set up, then validate the shipped example catalogs with the national pack
demo: $(STAMP)
	$(VENV)/bin/govcatalog validate --example city --lang zh
	-$(VENV)/bin/govcatalog validate --example city-errors --lang en
	@echo "The second catalog carries typical mistakes on purpose: the findings above are the point."

## test: set up, then run the whole test suite
test: $(STAMP)
	$(PY) -m pytest -q

## lint: ruff, mypy --strict and the import layers (import-linter, [tool.importlinter])
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

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
