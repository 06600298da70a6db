"""The tutorial notebook in docs/ runs from top to bottom, executed by nbmake."""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "docs" / "tutorial.ipynb"


def test_tutorial_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ipykernel", reason="ipykernel (dev extra) runs the notebook's kernel")
    nb_run = pytest.importorskip("nbmake.nb_run", reason="nbmake (dev extra) executes the notebook")
    # The kernel starts in docs/: make this checkout's sources importable there.
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "src"), path])))
    result = nb_run.NotebookRun(NOTEBOOK, default_timeout=120).execute()
    assert result.error is None, result.error.summary if result.error else ""
    outputs = [o for cell in result.nb.cells if cell.cell_type == "code" for o in cell.outputs]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    # The report, the finding, the DataFrames, the pack, the catalog and the score show as HTML.
    assert len(html) >= 6
    assert any("gc-report" in o["data"]["text/html"] for o in html)
