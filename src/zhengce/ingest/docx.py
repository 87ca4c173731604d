"""DOCX reader: body paragraphs and tables in order, with Word list numbers rendered."""
from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from lxml import etree

from zhengce.errors import ZhengceError
from zhengce.ingest.base import ExtractedText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = _W + "val"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
# Block containers Word wraps around paragraphs, rows or cells.
_WRAPPERS = {_W + "sdt": _W + "sdtContent", _W + "customXml": None, _W + "smartTag": None}
_RUN_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# Subtrees whose text is not part of the paragraph's flow: properties, drawings and
# text boxes (their AlternateContent carries the same text twice), moved-away text.
_SKIP = {_W + "pPr", _W + "rPr", _W + "drawing", _W + "pict", _W + "object", _MC + "AlternateContent",
         _W + "moveFrom", _W + "del"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc, or an encrypted Office file


def read_docx(path: str | Path) -> ExtractedText:
    """Read a DOCX body: one line per paragraph or table row, list labels rendered."""
    path = Path(path)
    doc = _open(path)
    try:
        numbering = _Numbering(doc)
        lines = [line for line in _block_lines(doc.element.body, numbering) if line.strip()]
    except (ValueError, KeyError, AttributeError, etree.LxmlError) as exc:
        raise ZhengceError("ZC-E204", f"DOCX is corrupt: {exc!r}") from exc
    text = "\n".join(line.rstrip() for line in lines)
    warnings = [] if text.strip() else ["DOCX body has no text"]
    return ExtractedText(text=text, kind="docx", warnings=warnings)


def _open(path: Path):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise ZhengceError("ZC-E107" if path.exists() else "ZC-E101", f"not a readable file: {path}")
    if path.stat().st_size == 0:
        raise ZhengceError("ZC-E102", f"file is empty: {path}")
    try:
        return Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError) as exc:
        legacy = path.read_bytes()[:4] == _OLE_MAGIC
        hint = "legacy .doc or encrypted, not a DOCX" if legacy else repr(exc)
        raise ZhengceError("ZC-E204", f"DOCX is corrupt: {hint}") from exc


# --- body ---


def _unwrap(container, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Children with one of `tags` in document order, looking through wrappers."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            inner = _WRAPPERS[child.tag]
            content = child if inner is None else child.find(inner)
            if content is not None:
                yield from _unwrap(content, tags)


def _block_lines(container, numbering: "_Numbering") -> Iterator[str]:
    for block in _unwrap(container, (_P, _TBL)):
        if block.tag == _P:
            yield _paragraph_line(block, numbering)
        else:
            yield from _table_lines(block, numbering)


def _table_lines(tbl, numbering: "_Numbering") -> list[str]:
    """One line per row, cells joined by a tab; a cell's own lines joined by spaces."""
    lines = []
    for row in _unwrap(tbl, (_TR,)):
        cells = []
        for cell in _unwrap(row, (_TC,)):
            parts = (part.strip() for part in _block_lines(cell, numbering))
            cells.append(re.sub(r"[\t\n]+", " ", " ".join(p for p in parts if p)))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _paragraph_line(p, numbering: "_Numbering") -> str:
    label, suffix = numbering.label(p)
    text = _paragraph_text(p)
    if not label:
        return text
    if suffix == "tab":
        # Word shows a tab; in plain text "一、工作目标" and "①安全" read as typed, while
        # a label ending in a digit, letter or ideograph ("第一章", "1") needs a space.
        return label + (" " if unicodedata.category(label[-1]) in ("Nd", "Lu", "Ll", "Lo") else "") + text
    return label + (" " if suffix == "space" else "") + text


def _paragraph_text(p) -> str:
    out: list[str] = []

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag in _RUN_CHARS:
                out.append(_RUN_CHARS[tag])
            elif tag == _W + "br":
                # Page and column breaks move text on; only a line break ends a line.
                out.append("" if child.get(_W + "type") in ("page", "column") else "\n")
            else:
                walk(child)

    walk(p)
    return "".join(out)


# --- numbering ---


def _int(value: Optional[str], default: Optional[int] = None) -> Optional[int]:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _child_val(el, tag: str) -> Optional[str]:
    if el is None:
        return None
    child = el.find(_W + tag)
    return None if child is None else child.get(_VAL)


def _on(el, tag: str) -> bool:
    child = None if el is None else el.find(_W + tag)
    return child is not None and child.get(_VAL, "1") not in ("0", "false", "off")


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"  # w:numFmt
    text: str = ""  # w:lvlText, "%1、" or "（%2）"
    start: int = 0  # w:start; the spec's default when absent is 0
    restart: Optional[int] = None  # w:lvlRestart; None = after any higher level, 0 = never
    legal: bool = False  # w:isLgl: every %n shown as decimal
    suffix: str = "tab"  # w:suff: tab | space | nothing

    @classmethod
    def parse(cls, lvl) -> "_Level":
        return cls(
            fmt=_child_val(lvl, "numFmt") or "decimal",
            text=_child_val(lvl, "lvlText") or "",
            start=_int(_child_val(lvl, "start"), 0) or 0,
            restart=_int(_child_val(lvl, "lvlRestart")),
            legal=_on(lvl, "isLgl"),
            suffix=_child_val(lvl, "suff") or "tab",
        )


@dataclass(slots=True)
class _Num:
    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # lvlOverride/lvl


class _Numbering:
    """Word's list numbering for one document: resolves numPr and keeps the counters."""

    def __init__(self, doc):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._level_style: dict[str, dict[str, int]] = {}  # abstract -> pStyle -> ilvl
        self._style_link: dict[str, str] = {}  # abstract -> numStyleLink style id
        self._nums: dict[str, _Num] = {}
        # Word keeps one running count per abstract definition: numIds sharing it
        # continue each other, a startOverride restarts it at the numId's first use.
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        self._styles = {s.get(_W + "styleId"): s for s in doc.styles.element.iter(_W + "style")}
        self._default_style = next((sid for sid, s in self._styles.items() if s.get(_W + "type")
                                    == "paragraph" and s.get(_W + "default") in ("1", "true", "on")), None)
        try:
            self._parse(doc.part.numbering_part.element)
        except (KeyError, NotImplementedError):  # no numbering part
            pass

    def _parse(self, root) -> None:
        for absn in root.iter(_W + "abstractNum"):
            aid = absn.get(_W + "abstractNumId")
            levels, styles = {}, {}
            for lvl in absn.iter(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                levels[ilvl] = _Level.parse(lvl)
                if (pstyle := _child_val(lvl, "pStyle")) is not None:
                    styles[pstyle] = ilvl
            self._abstract[aid], self._level_style[aid] = levels, styles
            if (link := _child_val(absn, "numStyleLink")) is not None:
                self._style_link[aid] = link
        for num in root.iter(_W + "num"):
            entry = _Num(_child_val(num, "abstractNumId") or "")
            for over in num.iter(_W + "lvlOverride"):
                ilvl = _int(over.get(_W + "ilvl"), 0)
                if (start := _int(_child_val(over, "startOverride"))) is not None:
                    entry.starts[ilvl] = start
                if (lvl := over.find(_W + "lvl")) is not None:
                    entry.levels[ilvl] = _Level.parse(lvl)
            self._nums[num.get(_W + "numId")] = entry

    def _style_numpr(self, style_id: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        """(numId, ilvl) a paragraph style gives, following basedOn."""
        seen = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            numpr = style.find(f"{_W}pPr/{_W}numPr")
            if numpr is not None and _child_val(numpr, "numId") is not None:
                return _child_val(numpr, "numId"), _int(_child_val(numpr, "ilvl"))
            style_id = _child_val(style, "basedOn")
        return None, None

    def _abstract_of(self, num_id: str) -> Optional[str]:
        """Abstract definition of a numId, through numStyleLink indirection."""
        aid = self._nums[num_id].abstract_id
        for _ in range(3):  # a link points to a style whose numId names the real definition
            link = self._style_link.get(aid)
            linked_num = self._style_numpr(link)[0] if link else None
            if linked_num is None or linked_num not in self._nums:
                break
            aid = self._nums[linked_num].abstract_id
        return aid if aid in self._abstract else None

    def _num_pr(self, p) -> Optional[tuple[str, int, str]]:
        ppr = p.find(_W + "pPr")
        style_id = _child_val(ppr, "pStyle") or self._default_style
        direct = None if ppr is None else ppr.find(_W + "numPr")
        num_id, ilvl = _child_val(direct, "numId"), _int(_child_val(direct, "ilvl"))
        if num_id is None:
            num_id, style_ilvl = self._style_numpr(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        elif ilvl is None:
            ilvl = 0
        if num_id in (None, "0") or num_id not in self._nums:  # numId 0 removes numbering
            return None
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        if ilvl is None:  # a style-numbered paragraph: the level that names its style
            ilvl = self._level_style[aid].get(style_id or "", 0)
        return num_id, ilvl, aid

    def label(self, p) -> tuple[str, str]:
        """(label, suffix) Word shows before paragraph `p`; counts it. ("", "") if unnumbered."""
        found = self._num_pr(p)
        if found is None:
            return "", ""
        num_id, ilvl, aid = found
        levels = {**self._abstract[aid], **self._nums[num_id].levels}
        if ilvl not in levels:
            return "", ""
        counters = self._count(aid, num_id, ilvl, levels)
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "", ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            return render_counter(counters.get(k, lv.start), "decimal" if level.legal else lv.fmt)

        return re.sub(r"%([1-9])", number, level.text), level.suffix

    def _count(self, aid: str, num_id: str, ilvl: int, levels: dict[int, _Level]) -> dict[int, int]:
        counters = self._counters.setdefault(aid, {})
        starts = self._nums[num_id].starts
        if ilvl in starts and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = levels[ilvl].start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            # lvlRestart n (1-based): restart after a level numbered n or higher is used.
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        return counters


# --- counter formats (ECMA-376 ST_NumberFormat) ---

_CN_LOWER = ("零一二三四五六七八九", "十百千", "万亿")
_CN_LEGAL = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万亿")
_CN_LEGAL_TRAD = ("零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬億")
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _cn_count(n: int, table: tuple[str, str, str], drop_leading_one: bool = True) -> str:
    """Chinese reading of n (< 10^12): 11 -> 十一, 105 -> 一百零五, 10010 -> 一万零一十."""
    digits, units, big = table
    groups, out = [], ""
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    for i in range(len(groups) - 1, -1, -1):
        if groups[i]:
            out += (digits[0] if out and groups[i] < 1000 else "") + _cn_group(groups[i], digits, units)
            out += big[i - 1] if i else ""
    if drop_leading_one and out.startswith(digits[1] + units[0]):
        out = out[1:]  # 一十二 -> 十二
    return out


def _cn_group(g: int, digits: str, units: str) -> str:
    out, zero = "", False
    for power in (3, 2, 1, 0):
        d = g // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        out += (digits[0] if zero else "") + digits[d] + (units[power - 1] if power else "")
        zero = False
    return out


def _digits(n: int, glyphs: str) -> str:
    return "".join(glyphs[int(d)] for d in str(n))


def _roman(n: int) -> str:
    out = ""
    for value, glyph in _ROMAN:
        count, n = divmod(n, value)
        out += glyph * count
    return out


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Y, Z, AA, BB: Word repeats


def _series(first: int, size: int) -> Callable[[int], str]:
    """Enclosed numbers (①, ⑴, ⒈, ㈠): `size` code points from `first`, then decimal."""
    return lambda n: chr(first + n - 1) if n <= size else str(n)


def _cycle(glyphs: str) -> Callable[[int], str]:
    """Cyclic signs (甲乙丙…), decimal past the end as Word has no rule for more."""
    return lambda n: glyphs[n - 1] if n <= len(glyphs) else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    # Word's chineseCounting: 十-style below 100, digit by digit from 100 on (一〇〇).
    "chineseCounting": lambda n: _cn_count(n, _CN_LOWER) if n < 100 else _digits(n, _IDEOGRAPH_DIGITS),
    "chineseCountingThousand": lambda n: _cn_count(n, _CN_LOWER),
    "chineseLegalSimplified": lambda n: _cn_count(n, _CN_LEGAL, drop_leading_one=False),
    "ideographLegalTraditional": lambda n: _cn_count(n, _CN_LEGAL_TRAD, drop_leading_one=False),
    "ideographDigital": lambda n: _digits(n, _IDEOGRAPH_DIGITS),
    "taiwaneseDigital": lambda n: _digits(n, _IDEOGRAPH_DIGITS),
    "decimalFullWidth": lambda n: _digits(n, _FULLWIDTH_DIGITS),
    "decimalFullWidth2": lambda n: _digits(n, _FULLWIDTH_DIGITS),
    "decimalEnclosedCircle": _series(0x2460, 20),
    "decimalEnclosedCircleChinese": _series(0x2460, 20),
    "decimalEnclosedParen": _series(0x2474, 20),
    "decimalEnclosedFullstop": _series(0x2488, 20),
    "ideographEnclosedCircle": _series(0x3220, 10),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "decimalZero": lambda n: f"{n:02d}",
}


def render_counter(n: int, num_fmt: str) -> str:
    """Word's display of counter value n in numbering format num_fmt (decimal if unknown)."""
    if num_fmt in ("none", "bullet"):
        return ""
    formatter = _FORMATS.get(num_fmt)
    return formatter(n) if formatter is not None and 0 < n < 10**12 else str(n)
