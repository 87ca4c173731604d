"""Bare numbers in the cells of a table pasted as text, under a header that names their unit.

A scoring table (考核项目 | 分值 | 评分标准) or a table of standards (县(市、区) | 城市低保(元/人·月) | …) gives
its rows bare numbers (信息采集\t20, 顺庆区 795 6120): the unit is in the header, so the clause grammar finds
no quantity there. Here each such cell becomes a quantity of the provision holding it: the value, the
column's unit and basis, comparator `=`, and its row's label with the column's name as subject.
Lexicons: data/zh/table_units.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from ..document import Document, Line
from ..rules import load_yaml
from .kind import sentence_kind
from .qty_types import QuantityMatch

Key = tuple[int, int]  # (article index, provision index), as in run.py
SCHEMA = frozenset({"score_headers", "scored_headers", "score_unit", "bracket_unit", "unit_scales", "unit_caption", "basis_words", "year_column",
                    "time_words", "min_cells", "header_comparators", "noun_caption", "count_headers",
                    "statistic_caption", "table_title"})
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")  # (a change column signs its figures: +3.2, -11.1)
_WIDE_GAP = re.compile(r" {2,}")
_ONE_SPACE = re.compile(" ")
_SENTENCE_PUNCTUATION = re.compile(r"[,。;:!?]")
_SKIPPED_ROLES = ("furniture", "tail")
_MAX_CELL_LINES = 3  # the lines a tab row's last cell may run on to (项目经理…; / 秩序维护…; / 公共区域每日清扫2次)


@dataclass(frozen=True, slots=True)
class Column:
    """What a header cell says of the numbers under it."""

    name: str
    unit: str
    per: Optional[str]
    time: Optional[str]
    score: bool
    scale: float = 1.0  # (签约人数(万人): the figure counts ten thousands)
    comparator: str = "="  # (收费上限(元/月·平方米): each figure is a cap, <=)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = dict(load_yaml("table_units", SCHEMA))
    data["bracket_re"] = re.compile(data["bracket_unit"])
    # ending a line (a title may run into it; a lead-in's colon may close it: …情况如下(单位:元/人·月):)
    data["caption_re"] = re.compile(f"(?:{data['unit_caption']}):?$")
    data["noun_caption_re"] = re.compile(data["noun_caption"])
    data["statistic_caption_re"] = re.compile(data["statistic_caption"])
    data["table_title_re"] = re.compile(data["table_title"])
    data["year_column_re"] = re.compile(data["year_column"])
    data["named_period_re"] = re.compile("每(?:" + "|".join(sorted(data["time_words"], key=len, reverse=True)) + ")")
    data["scores"] = frozenset(data["score_headers"])
    data["scored"] = frozenset(data["scored_headers"])
    return data


def split_cells(line: str, least: int = 2) -> Optional[list[tuple[int, int]]]:
    """Cell spans of a table row of at least `least` cells (tabs part cells, else runs of two spaces or more,
    else, in a line with no sentence punctuation, single spaces); None for a line that is no row."""
    if "\t" in line:
        bounds, pos = [], 0
        for cell in line.split("\t"):
            bounds.append((pos, pos + len(cell)))
            pos += len(cell) + 1
    elif " " in line and not _SENTENCE_PUNCTUATION.search(line):
        bounds = _between(line, _WIDE_GAP if "  " in line else _ONE_SPACE)
    else:
        return None
    spans = [_strip(line, s, e) for s, e in bounds]
    return spans if len(spans) >= least else None


_ANY_SPACE = re.compile(" +")


def _between(line: str, gap: re.Pattern) -> list[tuple[int, int]]:
    """The spans of `line` between the matches of `gap`."""
    cuts = [(m.start(), m.end()) for m in gap.finditer(line)]
    return list(zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(line)]))


def _strip(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s] == " ":
        s += 1
    while e > s and line[e - 1] == " ":
        e -= 1
    return s, e


def names_its_unit(cell: str) -> bool:
    """Whether a header cell ends in the unit of its column in brackets (追回工资(万元), 排查企业(户))."""
    return bool(_rules()["bracket_re"].search(cell))


def column(cell: str) -> Optional[Column]:
    """The unit a header cell gives its column (分值 -> 分; 城市低保(元/人·月) -> 元 per 每人每月), or None."""
    r = _rules()
    if cell in r["scores"] or cell in r["scored"]:
        return Column(cell, r["score_unit"], None, None, cell in r["scores"])
    m = r["bracket_re"].search(cell)
    if m and m.start() > 0:
        return _measured(cell[:m.start()], m)
    unit = next((u for end, u in r["count_headers"].items() if cell.endswith(end)), None)
    return Column(cell, unit, None, None, False) if unit else None  # 事故起数 -> 起


def table_unit(line: str) -> Optional[re.Match]:
    """The unit a table's caption line gives all its figures ((单位:元/月), also after the table's title), as a
    match, or None."""
    if "单位" in line:
        return _rules()["caption_re"].search(line)
    return _rules()["noun_caption_re"].search(line)  # 岗位等级系数表: every figure is a coefficient


def _measured(name: str, m: re.Match) -> Optional[Column]:
    """A column of figures named `name`, in the unit and basis `m` (groups unit, basis) says."""
    r = _rules()
    basis = [ch for ch in re.split(r"[·・/]", m.group("basis") or "") if ch]
    if not all(b in r["basis_words"] for b in basis):
        return None
    per = "".join("每" + b for b in basis) or None
    time = next(("每" + b for b in basis if b in r["time_words"]), None)
    if time is None and (period := r["named_period_re"].search(name)):
        time = period.group()
        per = (per or "") + time
    elif time is None and (year := r["year_column_re"].fullmatch(name)):
        time = year.group()  # 2024年(户) 150, 2025年(户) 160: each column a year's figure
    unit, scale = r["unit_scales"].get(m.group("unit"), (m.group("unit"), 1))
    comparator = next((c for word, c in r["header_comparators"].items() if word in name), "=")
    return Column(name, unit, per, time, False, float(scale), comparator)


def table_quantities(doc: Document) -> dict[Key, list[QuantityMatch]]:
    """Quantities of the bare-number cells of every table under a unit-naming header (or a (单位:…) caption
    line), by provision."""
    owners: Optional[dict] = None  # (built at the first table header: most documents have none)
    out: dict[Key, list[QuantityMatch]] = {}
    header: Optional[list[Optional[Column]]] = None
    finer: Optional[list[Optional[Column]]] = None  # the header split at every space
    caption, unit = "", None
    dated: Optional[str] = None  # the time the caption of the table being read names
    names: Optional[tuple[str, list[tuple[int, int]]]] = None  # a row naming columns whose units the next gives
    cell_lines = 0  # lines since the last tab row that may continue its last cell
    for line in doc.lines:
        if line.role == "furniture":
            continue  # (a page number inside a table, or between a header and its units, parts nothing)
        cells = None if line.role in _SKIPPED_ROLES else split_cells(line.text)
        if cells is None:
            if header is not None and cell_lines < _MAX_CELL_LINES and "\t" not in line.text \
                    and line.role not in _SKIPPED_ROLES:
                cell_lines += 1  # (a tab row's last cell set on several lines: the table goes on under it)
                continue
            if found := table_unit(line.text):
                unit = found
            else:
                caption, unit = line.text, None
            header = names = None
            continue
        cell_lines = 0 if "\t" in line.text else _MAX_CELL_LINES
        if (header is None or not any(_NUMBER.fullmatch(line.text, s, e) for s, e in cells)) \
                and (columns := _header(line.text, cells, unit, names)):
            # (a header under another table's: the second table starts, whatever lines part them)
            # (排名 乡镇   得分  事故起数: two labels a single space apart read as one cell; rows with one cell
            # more take the header split at every space)
            spaced = [c for c in _between(line.text, _ANY_SPACE) if c[1] > c[0]] \
                if "  " in line.text and not names else None
            finer = _header(line.text, spaced, unit) if spaced and len(spaced) > len(cells) else None
            header, kind, unit, names = columns, _caption_kind(caption), None, None
            dated = _caption_time(caption)
            owners = owners if owners is not None else _provisions_by_line(doc)
            continue
        if header is None:
            if _rules()["table_title_re"].match(line.text):
                caption, names = line.text, None  # (表1　2025年第一季度…统计表: a title parted from its number)
                continue
            names = None if any(_NUMBER.fullmatch(line.text, s, e) for s, e in cells) else (line.text, cells)
            continue
        columns = header if len(cells) <= len(header) or finer is None or len(cells) > len(finer) else finer
        if owners is None or len(cells) > len(columns) or line.index not in owners:
            continue  # (a row may end early: the text drops its trailing empty cells)
        label = "".join(_leading_labels(line.text, cells))
        for (s, e), col in zip(cells, columns):
            if col and _NUMBER.fullmatch(line.text, s, e):
                _add(out, owners[line.index], line.start + s, line.start + e, line.text[s:e], col, label,
                     "requirement" if col.score else kind, col.time or dated)
    return out


def _caption_time(caption: str) -> Optional[str]:
    """The time a table's caption dates its figures by (2025年第一季度各区…统计表), or None."""
    from .quantity_rules import grammar

    return m.group() if (m := grammar().time["absolute_re"].search(caption)) else None


def _caption_kind(caption: str) -> str:
    """The kind of a table's figures: statistic under a caption naming a count of what happened, else the
    caption's sentence kind."""
    return "statistic" if _rules()["statistic_caption_re"].search(caption) else sentence_kind(caption)


def _leading_labels(line: str, cells: list[tuple[int, int]]):
    """The row's label cells, those before its first figure (一类岗位, 一级)."""
    for s, e in cells:
        if _NUMBER.fullmatch(line, s, e):
            return
        yield line[s:e]


def _header(line: str, cells: list[tuple[int, int]], unit: Optional[re.Match],
            names: Optional[tuple[str, list[tuple[int, int]]]] = None) -> Optional[list[Optional[Column]]]:
    """The columns a header row names; under a (单位:…) caption every column but the row labels' first; under
    a row of `names`, the units of its last columns (a header cell wrapped in two lines)."""
    if names and (columns := _units_under(names, line, cells)):
        return columns
    if len(cells) < _rules()["min_cells"]:
        return None
    if unit and not any(_NUMBER.fullmatch(line, s, e) for s, e in cells):
        return [None] + [_measured(line[s:e], unit) for s, e in cells[1:]]
    columns = [column(line[s:e]) for s, e in cells]
    for k in range(1, len(columns)):  # 名额 | 其中定向: a part of the column before it counts in its unit
        if columns[k] is None and columns[k - 1] is not None and line.startswith("其中", cells[k][0]):
            columns[k] = replace(columns[k - 1], name=line[slice(*cells[k])])
    return columns if any(columns) else None


def _units_under(names: tuple[str, list[tuple[int, int]]], line: str,
                 cells: list[tuple[int, int]]) -> Optional[list[Optional[Column]]]:
    """签约人数 常住人口 … over (万人) 签约率(%) …: a line of bracketed units only, no more cells than the
    names row above it, gives the last columns their units (the first, the row labels', has none)."""
    above_line, above = names
    units = [_rules()["bracket_re"].search(line, s, e) for s, e in cells]
    if len(cells) > len(above) or not all(units):
        return None
    pad = len(above) - len(cells)
    return [None] * pad + [_measured(above_line[a:b] + line[s:m.start()], m)
                           for (a, b), (s, _), m in zip(above[pad:], cells, units)]


def _provisions_by_line(doc: Document) -> dict[int, list[tuple[Key, int, int]]]:
    """Line index -> (key, start, end) of the provisions on it."""
    starts = [line.start for line in doc.lines]
    owners: dict[int, list[tuple[Key, int, int]]] = {}
    for a, provisions in enumerate(doc.layers["provisions"]):
        for p, prov in enumerate(provisions):
            i = bisect_right(starts, prov.start) - 1
            if i >= 0:
                owners.setdefault(doc.lines[i].index, []).append(((a, p), prov.start, prov.end))
    return owners


def _add(out: dict, owners: list[tuple[Key, int, int]], s: int, e: int, number: str, col: Column, label: str,
         kind: str, time: Optional[str]) -> None:
    """A quantity for the cell [s, e) on the provision that holds it."""
    for key, ps, pe in owners:
        if ps <= s and e <= pe:
            out.setdefault(key, []).append(QuantityMatch(
                s - ps, e - ps, s - ps, e - ps, round(float(number) * col.scale, 6), None, None, col.unit, col.comparator, col.per,
                (label + col.name) or None, time, kind))
            return
