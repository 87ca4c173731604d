"""Tables copied from web pages one cell per line, rejoined into tab-separated rows.

A copied HTML table often arrives as a header of column names on consecutive lines (序号 / 任务 /
牵头单位 / 配合单位 / 完成时限) and then every row's cells on as many lines. Left alone, line joining
reads each row as one run-on sentence. Here each row's line breaks become tabs (one character for
one, so offsets do not move) and the rows read like any table pasted as text.
"""
from __future__ import annotations

from functools import lru_cache

from ..rules import load_rules

MIN_COLUMNS = 3
_RUNNING_NUMBER = "序号"


@lru_cache(maxsize=1)
def _header_cells() -> frozenset[str]:
    return frozenset(load_rules("normalize")["cell_line_header"])


def tabulate_cell_lines(text: str) -> str:
    """`text` with the cell-per-line tables it holds rejoined as tab-separated rows (same length)."""
    if _RUNNING_NUMBER not in text:  # (every table read here has a 序号 column: one test for most texts)
        return text
    lines = text.split("\n")
    header_cells, i, changed = _header_cells(), 0, False
    while i < len(lines):
        if lines[i].strip() != _RUNNING_NUMBER:
            i += 1
            continue
        width = _header_width(lines, i, header_cells)
        if width < MIN_COLUMNS:
            i += 1
            continue
        rows = _row_count(lines, i + width, width)
        if rows:
            for start in range(i, i + width * (rows + 1), width):
                lines[start:start + width] = ["\t".join(lines[start:start + width])] + [None] * (width - 1)
            changed = True
        i += width * (rows + 1)
    return "\n".join(line for line in lines if line is not None) if changed else text


def _header_width(lines: list[str], i: int, header_cells: frozenset[str]) -> int:
    """How many consecutive lines from i are column names (序号 first)."""
    j = i
    while j < len(lines) and lines[j].strip() in header_cells:
        j += 1
    return j - i


def _row_count(lines: list[str], i: int, width: int) -> int:
    """How many rows of `width` lines follow from i, each opening with the next running number and
    holding no blank line."""
    n = 0
    while i + width <= len(lines) and lines[i].strip() == str(n + 1) \
            and all(line.strip() and line.strip() != str(n + 2) for line in lines[i + 1:i + width]):
        n, i = n + 1, i + width
    return n
