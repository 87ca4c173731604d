"""The notebooks run top to bottom (their code cells, in order, in one namespace)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(notebook, capsys, monkeypatch):
    monkeypatch.chdir(notebook.parents[1])
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {"__name__": "__notebook__"}
    for n, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            code = "".join(cell["source"])
            exec(compile(code, f"{notebook.name}[{n}]", "exec"), namespace)  # noqa: S102 - our own notebook
    assert capsys.readouterr().out.strip(), "the notebook printed nothing"


def test_there_is_a_notebook():
    assert NOTEBOOKS and all(os.path.getsize(p) > 0 for p in NOTEBOOKS)
