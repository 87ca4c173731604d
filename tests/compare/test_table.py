"""compare(folder): one row per measure, one column per jurisdiction; csv / xlsx / parquet."""
from __future__ import annotations

import csv

import pytest

from zhengce.compare.table import compare, write_table


@pytest.fixture(scope="session")
def folder(tmp_path_factory, doc_texts):
    a, _ = doc_texts
    d = tmp_path_factory.mktemp("places")
    for k, (place, area) in enumerate((("甲", 35), ("乙", 40), ("丙", 30))):
        text = a.replace("关于加强城市社区建设", f"{place}市关于加强城市社区建设").replace("35平方米", f"{area}平方米")
        (d / f"{k}.txt").write_text(text, encoding="utf-8")
    return d


def test_rows_and_columns(folder):
    columns, rows = compare(folder)
    assert len(columns) == 3 and rows
    area = [r for r in rows if r.unit == "平方米" and len(r.cells) == 3]
    cells = {"".join(r.values(columns)) for r in area}
    assert any("≥35平方米" in c and "≥40平方米" in c and "≥30平方米" in c for c in cells), cells


@pytest.mark.parametrize("ext", [".csv", ".xlsx", ".parquet"])
def test_write_formats(folder, tmp_path, ext):
    columns, rows = compare(folder)
    out = write_table(columns, rows, tmp_path / f"t{ext}")
    assert out.stat().st_size > 0
    if ext == ".csv":
        with open(out, encoding="utf-8-sig", newline="") as f:
            table = list(csv.reader(f))
        assert table[0][:3] == ["measure", "unit", "basis"] and len(table) == len(rows) + 1
    elif ext == ".xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        ws = openpyxl.load_workbook(out).active
        assert ws.max_row == len(rows) + 1
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        assert pq.read_table(out).num_rows == len(rows)
