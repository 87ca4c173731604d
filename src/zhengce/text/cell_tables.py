"""Tables copied from web pages one cell per line, rejoined into tab-separated rows.

A copied HTML table often arrives as a header of column names on consecutive lines (序号 / 任务 /
牵头单位 / 配合单位 / 完成时限) and then every row's cells on as many lines. Left alone, line joining
reads each row as one run-on sentence. Here each row's line breaks become tabs (one character for
one, so offsets do not move) and the rows read like any table pasted as text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..rules import load_rules

MIN_COLUMNS = 3
_RUNNING_NUMBER = "序号"
_GROUP_LINE = re.compile("[一二三四五六七八九十]+、")  # a group of rows: 三、为民服务(6项)


@lru_cache(maxsize=1)
def _header_cells() -> frozenset[str]:
    return frozenset(load_rules("normalize")["cell_line_header"])


def tabulate_cell_lines(text: str) -> str:
    """`text` with the cell-per-line tables it holds rejoined as tab-separated rows (same length)."""
    aligned = _RUN.search(text)
    if _RUNNING_NUMBER not in text and not aligned:  # (a 序号 column or a column-aligned header: one test each)
        return text
    lines = text.split("\n")
    header_cells, i, changed = _header_cells(), 0, False
    while i < len(lines):
        if lines[i].strip() != _RUNNING_NUMBER:
            if _spaced_header(lines[i], header_cells):
                i, found = _tabulate_spaced_rows(lines, i)
                changed = changed or found
            elif aligned and _aligned_header(lines[i], header_cells):
                i, found = _tabulate_aligned_rows(lines, i)
                changed = changed or found
            else:
                i += 1
            continue
        width = _header_width(lines, i, header_cells)
        if width < MIN_COLUMNS:
            i += 1
            continue
        starts = _row_starts(lines, i + width, width)
        if starts:
            for start in [i] + starts:
                lines[start:start + width] = ["\t".join(lines[start:start + width])] + [None] * (width - 1)
            changed = True
            i = starts[-1] + width
        else:
            i += width
    return "\n".join(line for line in lines if line is not None) if changed else text


def _header_width(lines: list[str], i: int, header_cells: frozenset[str]) -> int:
    """How many consecutive lines from i are column names (序号 first)."""
    j = i
    while j < len(lines) and lines[j].strip() in header_cells:
        j += 1
    return j - i


def _row_starts(lines: list[str], i: int, width: int) -> list[int]:
    """Where the rows of `width` lines that follow from i start: each opens with the next running number
    (the first may be any: a table split by a repeated header goes on counting) and holds no blank line;
    a group line between rows (三、为民服务(6项)) stays a line of its own."""
    starts: list[int] = []
    number = None
    while i + width <= len(lines):
        cell = lines[i].strip()
        if _GROUP_LINE.match(cell):
            i += 1
            continue
        if not cell.isdigit() or number is not None and int(cell) != number \
                or not all(line.strip() and line.strip() != str(int(cell) + 1) for line in lines[i + 1:i + width]):
            break
        starts.append(i)
        number, i = int(cell) + 1, i + width
    return starts


_SPACED_ROW = re.compile(r"\s*(\d{1,3}) +\S")
_INNER_SPACES = re.compile(r"(?<=\S) +(?=\S)")
_MAX_FURNITURE = 3  # lines a page break may set between two rows (page number, running header, blank)


def _spaced_header(line: str, header_cells: frozenset[str]) -> bool:
    """A header of column names parted by spaces (序号 任务 牵头单位 配合单位 完成时限), 序号 first."""
    cells = line.split()
    return len(cells) >= MIN_COLUMNS and cells[0] == _RUNNING_NUMBER and all(c in header_cells for c in cells)


def _tabulate_spaced_rows(lines: list[str], header: int) -> tuple[int, bool]:
    """The header at `header` and the rows under it, each on one line opening with the next running number,
    cells parted by spaces (PDF text of a table): their spaces become tabs (same length), so line joining
    leaves each row a line of its own and the rows read like any table pasted as text. A page break's lines
    may stand between rows. Returns where reading stopped and whether a row was found."""
    number, found, skipped, i = 1, False, 0, header + 1
    while i < len(lines):
        m = _SPACED_ROW.match(lines[i])
        if m and int(m.group(1)) == number and (len(lines[i].split()) >= MIN_COLUMNS or _wraps(lines, i)):
            lines[i] = _tabulated(lines[i])
            if len(lines[i].split("\t")) < MIN_COLUMNS:  # (its second cell runs on to the next line)
                i += 1
                lines[i] = _tabulated(lines[i])
            number, found, skipped = number + 1, True, 0
        elif skipped < _MAX_FURNITURE and found and not _SPACED_ROW.match(lines[i]):
            skipped += 1
        else:
            break
        i += 1
    if found:
        lines[header] = _tabulated(lines[header])
    return i - skipped, found


def _tabulated(line: str) -> str:
    """`line` with each space between its cells a tab (same length)."""
    return _INNER_SPACES.sub(lambda s: "\t" * len(s.group()), line)


def _wraps(lines: list[str], i: int) -> bool:
    """Whether the row at i, short of cells, runs on to the next line (1 耕地保有量、永久基本农田保护 / 面积、撂荒地
    整治 18 县自然资源局、县农业农村局): a line opening with no row number whose cells complete it."""
    if i + 1 >= len(lines) or _SPACED_ROW.match(lines[i + 1]) or not lines[i + 1].strip():
        return False
    return len(lines[i].split()) + len(lines[i + 1].split()) - 1 >= MIN_COLUMNS


_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")  # cells parted by a run of spaces (a table set by column in PDF text)


def _aligned_header(line: str, header_cells: frozenset[str]) -> bool:
    """A header of column names set by column (项目  分值  考核内容  扣分标准): at least three names, parted by
    runs of spaces, from the start of the line."""
    if not line or line[0] == " " or len(_RUN.findall(line)) < MIN_COLUMNS - 1:
        return False
    return all(cell in header_cells for cell in _RUN.split(line.strip()))


def _tabulate_aligned_rows(lines: list[str], header: int) -> tuple[int, bool]:
    """The header at `header` and the rows under it: a row opens at the line start and parts its cells by runs
    of spaces; a cell running on sets its next lines indented (they stay lines of the row). Each run of spaces
    becomes one tab and spaces (same length). Returns where reading stopped and whether a row was found."""
    i, found = header + 1, False
    while i < len(lines):
        line = lines[i]
        if line[:1] not in ("", " ") and _RUN.search(line):
            lines[i] = _RUN.sub(_one_tab, line)
            found = True
        elif not (found and line.startswith("  ") and line.strip()):
            break  # (an indented line before any row, or a line of prose: the table has ended)
        i += 1
    if found:
        lines[header] = _RUN.sub(_one_tab, lines[header])
    return i, found


def _one_tab(gap: re.Match) -> str:
    """A run of spaces as one cell break (a tab, then spaces a cell's strip drops): columns stay one cell each."""
    return "\t" + " " * (len(gap.group()) - 1)

