"""`compare(folder) -> rows`: one row per quantified measure, one column per jurisdiction.

Requirement quantities of every document are clustered into measures: the same unit, the
same basis (per) and similar subject text (TF-IDF over the subject and the words around the
number). A cell holds that jurisdiction's numbers for the measure: comparator, value, unit
and basis. Written as .csv, .parquet (pyarrow) or .xlsx (openpyxl) by the file extension.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .align import QuantityRef, Side, Vectorizer, canonical_unit, per_key
from .index import cluster_units, load_side

_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "~": "约", "range": ""}


@dataclass(slots=True)
class Row:
    """One measure: a label, its unit and basis, and the numbers per jurisdiction."""

    measure: str
    unit: str
    basis: str
    cells: dict[str, list[QuantityRef]] = field(default_factory=dict)

    def values(self, columns: list[str]) -> list[str]:
        """Cell strings in column order ('' where a jurisdiction sets no number)."""
        return ["; ".join(cell_text(r) for r in self.cells.get(c, [])) for c in columns]


def cell_text(ref: QuantityRef) -> str:
    """`≥10万元 (每个社区每年)`: comparator, value (or range), unit and basis."""
    q = ref.quantity
    if q.comparator == "range" or q.value is None:
        num = f"{_num(q.low)}–{_num(q.high)}" if q.low is not None else q.text
    else:
        num = _num(q.value)
    unit = q.unit if q.unit != "ratio" else ""
    basis = f" ({q.per})" if q.per else ""
    return f"{_SYMBOL.get(q.comparator, q.comparator)}{num}{unit}{basis}"


def _num(x: Optional[float]) -> str:
    if x is None:
        return "?"
    if x >= 10000 and x % 10000 == 0:
        return f"{x / 10000:g}万"
    return f"{x:g}"


def compare(folder: str | Path | Iterable[str | Path], *, min_docs: int = 2, workers: int = 1) -> tuple[list[str], list[Row]]:
    """(jurisdiction columns, rows) for every measure set by at least `min_docs` documents."""
    paths = [folder] if isinstance(folder, (str, Path)) else list(folder)
    return compare_side(load_side(paths, workers), min_docs=min_docs)


def compare_side(side: Side, *, min_docs: int = 2) -> tuple[list[str], list[Row]]:
    """Rows of an already loaded Side."""
    refs = [r for r in side.quantities if r.quantity.kind != "statistic" and r.quantity.unit not in (None, "ratio")]
    groups: dict[tuple, list[QuantityRef]] = {}
    for r in refs:
        scale, _, is_rate = per_key(r.quantity.per)
        groups.setdefault((canonical_unit(r.quantity.unit), scale, is_rate), []).append(r)
    rows: list[Row] = []
    for (unit, _, _), members in groups.items():
        rows.extend(_cluster_rows(side, unit, members, min_docs))
    columns = sorted({_column(side, r.quantity.doc_id) for row in rows for rs in row.cells.values() for r in rs})
    rows.sort(key=lambda row: (-len(row.cells), row.measure))
    return columns, rows


def _column(side: Side, doc_id: str) -> str:
    return side.jurisdictions.get(doc_id) or doc_id


def _descriptor(r: QuantityRef) -> str:
    return " ".join(filter(None, (r.quantity.subject, r.context, r.quantity.per)))


def _cluster_rows(side: Side, unit: str, members: list[QuantityRef], min_docs: int) -> list[Row]:
    texts = [_descriptor(r) or r.quantity.text for r in members]
    vec = Vectorizer().fit(texts)
    labels = cluster_units(vec.transform(texts))
    by_label: dict[int, list[QuantityRef]] = {}
    for r, lab in zip(members, labels):
        by_label.setdefault(int(lab), []).append(r)
    rows = []
    for group in by_label.values():
        if len({r.quantity.doc_id for r in group}) < min_docs:
            continue
        label = Counter(r.quantity.subject or r.context for r in group).most_common(1)[0][0]
        basis = Counter(r.quantity.per or "" for r in group).most_common(1)[0][0]
        row = Row(label, unit, basis)
        for r in group:
            row.cells.setdefault(_column(side, r.quantity.doc_id), []).append(r)
        rows.append(row)
    return rows


def write_table(columns: list[str], rows: list[Row], out: str | Path) -> Path:
    """Write the table as .csv, .parquet or .xlsx according to the extension of `out`."""
    out = Path(out)
    header = ["measure", "unit", "basis", *columns]
    body = [[r.measure, r.unit, r.basis, *r.values(columns)] for r in rows]
    suffix = out.suffix.lower()
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({h: [row[k] for row in body] for k, h in enumerate(header)}), out)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "measures"
        ws.append(header)
        for row in body:
            ws.append(row)
        wb.save(out)
    else:
        with open(out, "w", encoding="utf-8-sig", newline="") as f:  # the BOM lets Excel read UTF-8
            csv.writer(f).writerows([header, *body])
    return out
