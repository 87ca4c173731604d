"""PDF reader: page text with running headers, footers and page numbers dropped."""
from __future__ import annotations

import ctypes
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from zhengce.errors import ZhengceError
from zhengce.ingest.base import ExtractedText

# "auto" (default) reads with pypdfium2, ~10x faster than pdfplumber with the same
# text (notes/pdf_bench.md), unless a page draws text in a non-embedded font that
# is not a standard Latin one: pdfium then needs the font installed on the machine
# and, without a CJK system font, silently drops text objects of one glyph (a lone
# "。" line, or whole lines typeset glyph by glyph). pdfplumber works from the
# PDF's own widths and CMaps, so such files go to it.
ENGINES = ("auto", "pypdfium2", "pdfplumber")
# Non-embedded fonts that pdfium renders from its built-in Latin fonts.
_BUILTIN_FONT = re.compile(
    r"^(?:[A-Z]{6}\+)?(?:Helvetica|Arial|Times|Courier|Symbol|ZapfDingbats|Wingdings)", re.I
)

# Lines looked at from the top and from the bottom of each page when hunting
# running headers/footers and page numbers; body lines rarely sit there twice.
_EDGE_LINES = 3
# A header/footer is an edge line (digits ignored) repeated in the same zone (top
# or bottom) on at least this share of the pages, and on 2 pages at least. Low
# enough for odd/even running heads after a plain first page (2 of 6 pages).
_REPEAT_SHARE = 0.3

_CN_DIGITS = "〇零一二三四五六七八九十百"
_PAGE_NUMBER = re.compile(
    r"""^(?:
        [-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*                         # 3  - 3 -  —3—
      | 第\s*[\d%(cn)s]{1,6}\s*页(?:\s*[,，/]?\s*共\s*[\d%(cn)s]{1,6}\s*页)?  # 第3页 共10页
      | 共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页               # 共10页 第3页
      | \d{1,4}\s*[/／]\s*\d{1,4}                                    # 3/10
      | (?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?             # Page 3 of 10
    )$"""
    % {"cn": _CN_DIGITS},
    re.X | re.I,
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]")  # a letter or CJK character
_SPACE = re.compile(r"\s+")
# pdfium marks a line-end hyphen as U+0002; other C0 controls and U+FFFE are noise.
_CONTROL = re.compile(r"[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Glyphs without a Unicode mapping: pdfplumber writes "(cid:123)", pdfium U+FFFD
# or private-use code points.
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")

# pdfium load error codes (fpdfview.h): FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY.
_PDFIUM_ENCRYPTED = {4, 6}


@dataclass(slots=True)
class _Line:
    text: str
    y: float  # distance of the line's middle from the top of the page, in points


def read_pdf(path: str | Path, *, engine: str = "auto") -> ExtractedText:
    """Read a PDF's text layer: pages joined by "\\n", page furniture dropped."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    path = Path(path)
    _check_file(path)
    pages = _READERS[engine](path)
    if not any(line.text.strip() for page in pages for line in page):
        raise ZhengceError("ZC-E202", "no text layer (scanned?)")
    drop = _furniture(pages)
    kept = [[ln.text for j, ln in enumerate(page) if (i, j) not in drop] for i, page in enumerate(pages)]
    if not any(t.strip() for page in kept for t in page):
        raise ZhengceError("ZC-E202", "no text layer besides page numbers (scanned?)")
    result = _assemble(kept)
    result.warnings.extend(_warnings(pages, result.text))
    return result


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ZhengceError("ZC-E101", f"file not found: {path}")
    if not path.is_file():
        raise ZhengceError("ZC-E107", f"not a regular file: {path}")
    if path.stat().st_size == 0:
        raise ZhengceError("ZC-E102", f"file is empty: {path}")


def _clean(text: str) -> str:
    """One line as extracted, without control characters and trailing spaces."""
    text = _CONTROL.sub("", text.replace("\x02", "-"))
    # CJK PDFs pad lines with spaces (justification, ideographic spaces).
    return text.rstrip()


# --- engines: each returns, per page, the lines in the engine's reading order ---


def _read_auto(path: Path) -> list[list[_Line]]:
    pages, suspect = _read_pdfium(path, check_fonts=True)
    if suspect:
        redo = _read_plumber(path, only=suspect)
        for i in suspect:
            # pdfminer lacks a few CMaps (and misreads some encrypted files): keep
            # pdfium's lines when pdfplumber decodes fewer glyphs.
            if _unmapped_share(redo[i]) <= _unmapped_share(pages[i]):
                pages[i] = redo[i]
    return pages


def _read_pdfium_only(path: Path) -> list[list[_Line]]:
    return _read_pdfium(path, check_fonts=False)[0]


def _read_pdfium(path: Path, check_fonts: bool) -> tuple[list[list[_Line]], set[int]]:
    """Lines per page, and (check_fonts) the pages whose fonts pdfium cannot read alone."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PDFIUM_ENCRYPTED:
            raise ZhengceError("ZC-E201", "PDF is encrypted (password required)") from exc
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {exc}") from exc
    pages, suspect = [], set()
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                if check_fonts and _needs_system_font(page.raw):
                    suspect.add(i)
                pages.append(_pdfium_lines(page))
            finally:
                page.close()
        return pages, suspect
    except pdfium.PdfiumError as exc:
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {exc}") from exc
    finally:
        doc.close()


def _needs_system_font(container, form: bool = False) -> bool:
    """True if a page (or form XObject) draws text in a non-embedded, non-built-in font."""
    import pypdfium2.raw as raw

    count = raw.FPDFFormObj_CountObjects(container) if form else raw.FPDFPage_CountObjects(container)
    get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
    for i in range(count):
        obj = get(container, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            font = raw.FPDFTextObj_GetFont(obj)
            # Embedded is the common case and costs one call; names only for the rest.
            if not raw.FPDFFont_GetIsEmbedded(font) and not _BUILTIN_FONT.match(_font_name(raw, font)):
                return True
        elif kind == raw.FPDF_PAGEOBJ_FORM and _needs_system_font(obj, form=True):
            return True
    return False


def _font_name(raw, font) -> str:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(size, 1))
    raw.FPDFFont_GetBaseFontName(font, buf, size)
    return buf.value.decode("latin-1")


def _pdfium_lines(page) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        height = page.get_height()
        lines = []
        # pdfium separates the lines it detects with "\r\n"; string indices equal
        # pdfium char indices (generated breaks count as chars), so a line's
        # first visible char gives its position on the page.
        for m in re.finditer(r"[^\r\n]+", text):
            clean = _clean(m.group())
            if not clean.strip():
                continue
            first = m.start() + len(m.group()) - len(m.group().lstrip())
            lines.append(_Line(clean, _pdfium_y(textpage, first, count, height)))
        return lines
    finally:
        textpage.close()


def _pdfium_y(textpage, index: int, count: int, height: float) -> float:
    if index >= count:  # surrogate pairs can shift indices; keep the order instead
        return height / 2
    _left, bottom, _right, top = textpage.get_charbox(index)
    return height - (bottom + top) / 2


def _read_plumber(path: Path, only: Optional[set[int]] = None) -> dict[int, list[_Line]]:
    """Lines of every page (or of the pages in `only`), by 0-based page index."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            return {i: _plumber_page(page) for i, page in enumerate(pdf.pages) if only is None or i in only}
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if "Password" in type(cause).__name__ or "Encrypt" in type(cause).__name__:
            raise ZhengceError("ZC-E201", "PDF is encrypted (password required)") from exc
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {cause!r}") from exc
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        # pdfminer raises plain errors on some broken object streams.
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {exc!r}") from exc


def _plumber_page(page) -> list[_Line]:
    lines = []
    for raw in page.extract_text_lines(return_chars=False):
        clean = _clean(raw["text"])
        if clean.strip():
            lines.append(_Line(clean, (raw["top"] + raw["bottom"]) / 2))
    return lines


_READERS: dict[str, Callable[[Path], list[list[_Line]]]] = {
    "auto": _read_auto,
    "pypdfium2": _read_pdfium_only,
    "pdfplumber": lambda path: list(_read_plumber(path).values()),
}


# --- page furniture ---


def _edge_lines(page: list[_Line]) -> list[tuple[int, str]]:
    """(index, "top"|"bottom") of the lines nearest the top and the bottom of one page."""
    by_y = sorted(range(len(page)), key=lambda j: page[j].y)
    return [(j, "top") for j in by_y[:_EDGE_LINES]] + [(j, "bottom") for j in by_y[-_EDGE_LINES:]]


def _template(text: str) -> str:
    """A line with spaces removed and digits masked, so "第3页" matches "第4页"."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


def is_page_number(line: str) -> bool:
    """True for a bare page number line: "3", "- 3 -", "第3页", "3/10", "第3页 共10页"."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def _furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line) indices of running headers, footers and page numbers."""
    edges = [_edge_lines(page) for page in pages]
    groups: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for i, (page, idx) in enumerate(zip(pages, edges)):
        for j, zone in idx:
            groups[(zone, _template(page[j].text))].setdefault(i, page[j].text)
    need = max(2, math.ceil(_REPEAT_SHARE * len(pages)))
    # Only lines with words count: a repeated row of figures at a page edge is a
    # table split over pages, not a running head.
    repeated = {key for key, members in groups.items()
                if len(members) >= need and _WORD.search(key[1]) and _running(members)}
    drop = set()
    for i, (page, idx) in enumerate(zip(pages, edges)):
        for j, zone in idx:
            if is_page_number(page[j].text) or (zone, _template(page[j].text)) in repeated:
                drop.add((i, j))
    return drop


def _running(members: dict[int, str]) -> bool:
    """True if edge lines alike but for digits are one running head on these pages.

    They are when the text is the same everywhere, or when only a page counter
    changes: one of their numbers minus the page index is constant ("第3页 共9页").
    A table row "合计 12 340" / "合计 15 120" at two page bottoms is not.
    """
    if len(set(members.values())) == 1:
        return True
    numbers = {i: [int(d) for d in _DIGITS.findall(text)] for i, text in members.items()}
    widths = {len(nums) for nums in numbers.values()}
    if len(widths) != 1:
        return False
    return any(len({nums[k] - i for i, nums in numbers.items()}) == 1 for k in range(widths.pop()))


def _assemble(pages: list[list[str]]) -> ExtractedText:
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    start = 0
    for lines in pages:
        body = "\n".join(lines)
        parts.append(body)
        ranges.append((start, start + len(body)))
        start += len(body) + 1  # the "\n" that joins pages
    return ExtractedText(text="\n".join(parts), kind="pdf", pages=ranges)


def _unmapped_share(lines: list[_Line]) -> float:
    """Share of a page's visible characters that are glyphs without a Unicode mapping."""
    text = "".join(line.text for line in lines)
    visible = len(_SPACE.sub("", text))
    return sum(len(m.group()) for m in _UNMAPPED.finditer(text)) / visible if visible else 0.0


def _warnings(pages: list[list[_Line]], text: str) -> list[str]:
    out = [f"page {i + 1} has no text layer" for i, page in enumerate(pages) if not page]
    unmapped = sum(len(m.group()) for m in _UNMAPPED.finditer(text))
    visible = len(_SPACE.sub("", text))
    if visible and unmapped / visible > 0.05:
        out.append(f"{unmapped} of {visible} characters have no Unicode mapping (font without ToUnicode?)")
    return out
