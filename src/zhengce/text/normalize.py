"""Normalization: script, widths, punctuation, whitespace and hard line breaks.

Every edit is either a one-to-one character replacement (OpenCC hk2s, width and
punctuation folding) or a deletion recorded in an OffsetMap, so any span of the
normalized text maps back to the exact source characters.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..rules import load_rules
from .cell_tables import tabulate_cell_lines
from .offsets import OffsetMap

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PROSE_MARK = re.compile("[,。;:!?、]")
# A hard-wrapped text: at least this many lines (and 30 % of the lines that end mid-sentence) cut at one
# length; shorter lines are headings and labels, not wraps. Without such a length the width stays _NO_WIDTH.
_MIN_BREAK_LENGTH = 20
_MIN_BROKEN_LINES = 10
_NO_WIDTH = 40


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and the map back to the source."""

    text: str
    offsets: OffsetMap


def _width_table() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0xFF61: "。"})
    table.update({0x200B: " ", 0xFEFF: " "})  # zero-width chars: replaced, not deleted, to keep offsets
    return table


_WIDTH = _width_table()
# str.translate walks every character through a dict (~4 M chars/s on CJK text); a regex over the
# characters that need folding touches only those (~50 M chars/s on typical text).
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]")


def _fold_widths(text: str) -> str:
    return _FOLDABLE.sub(lambda m: _WIDTH[ord(m.group())], text)


@lru_cache(maxsize=1)
def _converter():
    import opencc  # the official C++ wheel; imported lazily so spawn workers pay once

    return opencc.OpenCC("hk2s")  # t2s, plus the Hong Kong variants it leaves (衞生 -> 卫生, 衹 -> 只)


def to_simplified(text: str) -> str:
    """Traditional -> simplified, guaranteed length-preserving."""
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # Phrase conversion changed a length somewhere: convert line by line, and
    # char by char where a line still changes length (rare; keeps offsets exact).
    lines = text.split("\n")
    fixed = []
    for line in lines:
        c = conv.convert(line)
        if len(c) != len(line):
            c = "".join(ch2 if len(ch2 := conv.convert(ch)) == 1 else ch for ch in line)
        fixed.append(c)
    return "\n".join(fixed)


def fold(text: str) -> str:
    """Width and punctuation folding plus t2s; length-preserving."""
    return to_simplified(_fold_widths(text))


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def _entity_edits(text: str) -> list[tuple[int, int, str]]:
    """HTML entities left in scraped text: replace by the character they name."""
    edits = []
    for m in _ENTITY.finditer(text):
        ch = html.unescape(m.group())
        if ch != m.group() and len(ch) == 1:
            edits.append((m.start(), m.end(), to_simplified(_fold_widths(ch))))
    return edits


def _is_continuation(prev: str, nxt: str, wrap_width: int, rules: dict) -> bool:
    """Whether the break between lines `prev` and `nxt` falls inside a sentence."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n:
        return False
    if p[-1] == ":" and len(p) > 1 and p[-2].isdigit() and n[0].isdigit():
        return True  # 按4:3:|3的标准, 14:|46: a ratio or a time broken at its colon
    if p[-1] in rules["sentence_end"] or (p[-1] in "”』」" and len(p) > 1 and p[-2] in rules["sentence_end"]):
        return False
    if _ROW_OPENING.match(p) and _wrapped_row(p, n):
        return True
    if _starts_block(n) or is_table_row(p) or is_table_row(n) or _meta_line(p.lstrip()):
        return False
    if _cell_row(p) and _cell_row(n):
        return False  # a table's header wrapped in two lines (签约人数 常住人口 … / (万人) 签约率(%) …)
    if n[0] in rules["continuation_start"] or p[-1] in rules["open_end"]:
        return True
    if len(nxt) - len(n) >= 2 and not prev[:1].isspace():
        return False  # an indented line after a flush one opens a paragraph (web and Word text)
    if p[0] == "(" and _bracketed(p):
        return False  # a note in brackets on its own line ((评分表中排在第一位的为牵头单位)) is complete
    return len(p) >= wrap_width and not _title_end(p)


_ROW_OPENING = re.compile(r"\d{1,3}\t")  # a numbered row of a table set as tab-separated cells


def _wrapped_row(p: str, n: str) -> bool:
    """Whether line n carries on numbered row p of a table (PDF text sets a long cell on two lines): the rest of
    its second cell and the cells after it (1\t耕地保有量…保护 / 面积、撂荒地整治\t18\t县自然资源局), or the rest of
    its last cell, a list of units (…县市场监管局、 / 县农业农村局; …县气象 / 局、县应急管理局)."""
    if _ROW_OPENING.match(n):
        return False
    if "\t" in n:
        return p.count("\t") == 1
    if len(n) > _WRAPPED_CELL_MAX or _SENTENCE_MARK.search(n):
        return False
    # after 、 the list goes on, organ line or not; a name cut short goes on to its 、 (…县气象 / 局、县应急管理局)
    cut = n.find("、")
    return p.endswith("、") or 0 < cut <= _NAME_TAIL and not _NUMERAL.fullmatch(n, 0, cut) \
        or cut > 0 and not _starts_block(n)


_WRAPPED_CELL_MAX = 20
_NAME_TAIL = 4
_NUMERAL = re.compile(r"[一二三四五六七八九十百零\d]+")  # (六、社会参与: a heading, no name's tail)
_SENTENCE_MARK = re.compile("[,。;:!?]")


def _bracketed(line: str) -> bool:
    """Whether `line` is one bracketed note: the bracket it opens with closes at its end and not before."""
    depth = 0
    for i, ch in enumerate(line):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return i == len(line) - 1
    return False


@lru_cache(maxsize=1)
def _compiled(rules_key: str = "normalize") -> tuple[re.Pattern, ...]:
    rules = load_rules(rules_key)
    block = re.compile("|".join(rules["block_start"]))
    title = re.compile("(?:" + "|".join(rules["title_end"]) + r")\W{0,2}$")
    page = re.compile(r"\s*(?:" + "|".join(rules["page_markers"]) + r")\s*")
    meta = re.compile("|".join(rules["meta_line"]))
    return block, title, page, re.compile(rules["table_cell_gap"]), meta


def is_table_row(line: str) -> bool:
    """Whether a line is a row of a table pasted as text: cells parted by a tab or a run of spaces, or a
    label and figures parted by single spaces."""
    if "\t" in line or "  " in line:  # (the test first: speed)
        return bool(_compiled()[3].search(line))
    return " " in line and _figure_row(line.split())


def _figure_row(cells: list[str]) -> bool:
    """Three short cells or more, at least two of them numbers: a row of figures parted by single spaces."""
    return _short_cells(cells) and sum(1 for c in cells if _NUMBER.fullmatch(c)) >= _figure_limits()[0]


def _cell_row(line: str) -> bool:
    """Three short cells or more parted by single spaces, with no sentence punctuation: a table's row of names
    or units (words of prose are not parted by spaces)."""
    return _short_cells(line.split()) and not _PROSE_MARK.search(line)


def _short_cells(cells: list[str]) -> bool:
    return len(cells) >= 3 and all(len(c) <= _figure_limits()[1] for c in cells)


@lru_cache(maxsize=1)
def _figure_limits() -> tuple[int, int]:
    rules = load_rules("normalize")
    return int(rules["figure_row_numbers"]), int(rules["figure_row_cell_len"])


def holds_page_marker(text: str) -> bool:
    """Whether deleted source text holds a page-number line (— 3 —, 第3页 共8页)."""
    page = _compiled()[2]
    return any(page.fullmatch(line) for line in text.split("\n") if line.strip())


def _starts_block(line: str) -> bool:
    return bool(_compiled()[0].match(line))


def _meta_line(line: str) -> bool:
    return bool(_compiled()[4].match(line))


def _title_end(line: str) -> bool:
    return bool(_compiled()[1].search(line))


def _wrap_width(stripped: list[str], sentence_end: str) -> int:
    """Line length at which a line without final punctuation counts as hard-wrapped (`stripped`: the
    text's lines stripped of surrounding whitespace)."""
    lengths = sorted(filter(None, map(len, stripped)))
    if not lengths:
        return 40
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    return min(max(20, min(40, int(0.8 * p90))), _common_break_length(stripped, sentence_end))


def _common_break_length(stripped: list[str], sentence_end: str) -> int:
    """Where text copied from a page breaks its lines: many lines cut mid-sentence at nearly one length
    (a few characters apart, as punctuation is narrower), however long the unbroken lines around are."""
    cut = Counter(len(s) for s in stripped if len(s) >= _MIN_BREAK_LENGTH and s[-1] not in sentence_end)
    best, length = 0, _NO_WIDTH
    for n in cut:
        band = cut[n] + cut.get(n + 1, 0) + cut.get(n + 2, 0)
        if band > best:
            best, length = band, n
    return length if best >= max(_MIN_BROKEN_LINES, 0.3 * sum(cut.values())) else _NO_WIDTH


def _join_edits(text: str, rules: dict) -> list[tuple[int, int, str]]:
    """Deletions that re-join lines broken inside a sentence (with the spaces around the break),
    and that drop page-number lines (a sentence broken around one is joined across it)."""
    lines = text.split("\n")
    stripped = list(map(str.strip, lines))  # each line stripped once: the tests below read it often
    width = _wrap_width(stripped, rules["sentence_end"])
    page = _compiled()[2].fullmatch
    marker = [bool(page(line)) for line in lines]
    starts = list(accumulate([len(line) + 1 for line in lines[:-1]], initial=0))
    edits = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if marker[i]:
            edits.append((starts[i], starts[i] + len(line), ""))
            continue
        if not stripped[i]:
            continue  # a blank line continues nothing
        # (the usual case inline: the next line has text and is no page number)
        j = i + 1 if i < last and not marker[i + 1] and stripped[i + 1] else _next_text_line(stripped, marker, i)
        if j is not None and _is_continuation(line, lines[j], width, rules):
            start = starts[i] + len(line.rstrip())
            stop = starts[j] + (len(lines[j]) - len(lines[j].lstrip()))
            edits.append((start, stop, ""))
    return edits


def _next_text_line(stripped: list[str], marker: list[bool], i: int) -> int | None:
    """The line a sentence ending line `i` may continue on: the next one, or the first after the
    page-number lines (and blank lines around them) that follow it (`stripped`: the lines, stripped)."""
    j, crossed = i + 1, False
    while j < len(stripped) and (marker[j] or not stripped[j]):
        crossed = crossed or marker[j]
        j += 1
    if crossed and j < len(stripped):
        return j
    return i + 1 if i + 1 < len(stripped) else None


def normalize(source: str, *, join_lines: bool = True) -> Normalized:
    """Normalize `source` (decoded file or extracted text) and keep the offset map."""
    rules = load_rules("normalize")
    raw = source.replace("\r\n", " \n").replace("\r", "\n")
    folded = tabulate_cell_lines(fold(raw))
    edits = _entity_edits(raw)  # (on the source: a full-width ； folds to ; but closes no entity, &amp；)
    if join_lines:
        edits.extend(_join_edits(folded, rules))
    edits.sort()
    return apply_edits(folded, edits)


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> Normalized:
    """Apply sorted, non-overlapping edits (start, end, replacement of <= end-start chars)."""
    parts, deleted, pos = [], [], 0
    for start, end, repl in edits:
        if start < pos:
            continue  # overlapping edit: the earlier one wins
        if len(repl) > end - start:
            raise ValueError("an edit may not lengthen the text")
        parts.append(text[pos:start])
        parts.append(repl)
        deleted.append((start + len(repl), end))
        pos = end
    parts.append(text[pos:])
    return Normalized("".join(parts), OffsetMap.from_deletions(len(text), deleted))
