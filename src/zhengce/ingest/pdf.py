"""PDF reader: page text with running headers, footers and page numbers dropped."""
from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

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
# A header/footer is an edge line (digits ignored) repeated on at least this
# share of the pages, and on 2 pages at least. 0.4, not 0.5, so that
# alternating odd/even running heads are caught too.
_REPEAT_SHARE = 0.4

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
    pages = _read_pdfium(path, check_fonts=True)
    return _read_plumber(path) if pages is None else pages


def _read_pdfium_only(path: Path) -> list[list[_Line]]:
    pages = _read_pdfium(path, check_fonts=False)
    assert pages is not None  # only a font check returns None
    return pages


def _read_pdfium(path: Path, check_fonts: bool) -> list[list[_Line]] | None:
    """Lines per page, or None when check_fonts finds a font pdfium cannot read alone."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PDFIUM_ENCRYPTED:
            raise ZhengceError("ZC-E201", "PDF is encrypted (password required)") from exc
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {exc}") from exc
    try:
        if check_fonts and any(_needs_system_font(doc[i]) for i in range(len(doc))):
            return None
        return [_pdfium_page(doc, i) for i in range(len(doc))]
    except pdfium.PdfiumError as exc:
        raise ZhengceError("ZC-E203", f"PDF is corrupt: {exc}") from exc
    finally:
        doc.close()


def _needs_system_font(page) -> bool:
    """True if the page draws text in a non-embedded font pdfium has no built-in for."""
    import pypdfium2.raw as raw

    checked: dict[int, bool] = {}

    def bad_font(obj) -> bool:
        font = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in checked:
            checked[key] = not raw.FPDFFont_GetIsEmbedded(font) and not _BUILTIN_FONT.match(_font_name(raw, font))
        return checked[key]

    def walk(count, get) -> bool:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT and bad_font(obj):
                return True
            if kind == raw.FPDF_PAGEOBJ_FORM and walk(
                raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k)
            ):
                return True
        return False

    try:
        return walk(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k))
    finally:
        page.close()


def _font_name(raw, font) -> str:
    size = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(size, 1))
    raw.FPDFFont_GetBaseFontName(font, buf, size)
    return buf.value.decode("latin-1")


def _pdfium_page(doc, index: int) -> list[_Line]:
    page = doc[index]
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
        page.close()


def _pdfium_y(textpage, index: int, count: int, height: float) -> float:
    if index >= count:  # surrogate pairs can shift indices; keep the order instead
        return height / 2
    _left, bottom, _right, top = textpage.get_charbox(index)
    return height - (bottom + top) / 2


def _read_plumber(path: Path) -> list[list[_Line]]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            return [_plumber_page(page) for page in pdf.pages]
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
    "pdfplumber": _read_plumber,
}


# --- page furniture ---


def _edge_lines(page: list[_Line]) -> list[int]:
    """Indices of the lines nearest the top and the bottom of one page."""
    by_y = sorted(range(len(page)), key=lambda j: page[j].y)
    return sorted(set(by_y[:_EDGE_LINES] + by_y[-_EDGE_LINES:]))


def _template(text: str) -> str:
    """A line with spaces removed and digits masked, so "第3页" matches "第4页"."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


def is_page_number(line: str) -> bool:
    """True for a bare page number line: "3", "- 3 -", "第3页", "3/10", "第3页 共10页"."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def _furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line) indices of running headers, footers and page numbers."""
    edges = [_edge_lines(page) for page in pages]
    seen: Counter[str] = Counter()
    for page, idx in zip(pages, edges):
        seen.update({_template(page[j].text) for j in idx})
    need = max(2, math.ceil(_REPEAT_SHARE * len(pages)))
    repeated = {t for t, n in seen.items() if n >= need and t.strip("#")}
    drop = set()
    for i, (page, idx) in enumerate(zip(pages, edges)):
        for j in idx:
            text = page[j].text
            if is_page_number(text) or _template(text) in repeated:
                drop.add((i, j))
    return drop


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


def _warnings(pages: list[list[_Line]], text: str) -> list[str]:
    out = [f"page {i + 1} has no text layer" for i, page in enumerate(pages) if not page]
    unmapped = sum(len(m.group()) for m in _UNMAPPED.finditer(text))
    visible = len(_SPACE.sub("", text))
    if visible and unmapped / visible > 0.05:
        out.append(f"{unmapped} of {visible} characters have no Unicode mapping (font without ToUnicode?)")
    return out
