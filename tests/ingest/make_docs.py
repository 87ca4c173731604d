"""Build test PDFs and DOCX files from corpus text at test time (no binary fixtures)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

CORPUS_FILE = Path(__file__).resolve().parents[2] / "corpus" / "002_3473061c739e9016.txt"
FONT = "STSong-Light"  # a CID font every PDF reader knows; reportlab does not embed it
HEADER = "诸暨市人民政府办公室文件"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Page-number footers as Chinese PDFs print them; {n} page, {total} page count.
FOOTERS = {
    "dash": "- {n} -",
    "emdash": "—{n}—",
    "page_cn": "第{n}页 共{total}页",
    "slash": "{n}/{total}",
    "bare": "{n}",
}

# Heading labels of the corpus text and the numbering level Word would give them.
LEVEL_PATTERNS = (
    (0, re.compile(r"^[一二三四五六七八九十]+、")),
    (1, re.compile(r"^\([一二三四五六七八九十]+\)")),
    (2, re.compile(r"^\d+\.")),
)


def corpus_paragraphs() -> list[str]:
    """The body paragraphs of the corpus document: title to signature date, no web crumbs."""
    lines = [ln.strip() for ln in CORPUS_FILE.read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("关于坚持"))
    end = next(i for i, ln in enumerate(lines) if re.match(r"\d{4}年\d+月\d+日$", ln))
    return [ln for ln in lines[start : end + 1] if not ln.startswith("发布日期")]


def squeeze(text: str) -> str:
    """Text without any whitespace, for round-trip comparisons."""
    return re.sub(r"\s+", "", text)


# --- PDF ---


@dataclass
class BuiltPdf:
    path: Path
    pages: list[list[str]]  # body lines drawn on each page, in order


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(paragraph: str, width: int) -> list[str]:
    """Hard-break a paragraph every `width` chars; no last line of one char, as typesetters avoid."""
    lines = [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    if len(lines) > 1 and len(lines[-1]) == 1:
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]
    return lines


def build_pdf(
    path: Path,
    paragraphs: list[str],
    *,
    header: Optional[str] = HEADER,
    even_header: Optional[str] = None,
    footer: Optional[str] = FOOTERS["dash"],
    first_page_header: bool = True,
    width: int = 36,
    lines_per_page: int = 30,
    per_glyph: bool = False,
    encrypt=None,
) -> BuiltPdf:
    """A multi-page A4 PDF of `paragraphs` with running header and page-number footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    lines = [line for p in paragraphs for line in wrap(p, width)]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    page_w, page_h = A4
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for n, body in enumerate(pages, 1):
        head = even_header if even_header and n % 2 == 0 else header
        c.setFont(FONT, 9)
        if head and (first_page_header or n > 1):
            c.drawString(72, page_h - 50, head)
        if footer:
            c.drawCentredString(page_w / 2, 40, footer.format(n=n, total=len(pages)))
        c.setFont(FONT, 12)
        for k, line in enumerate(body):
            y = page_h - 90 - 20 * k
            if per_glyph:  # one text object per glyph, as some PDF printers write
                for j, ch in enumerate(line):
                    c.drawString(72 + 12 * j, y, ch)
            else:
                c.drawString(72, y, line)
        c.showPage()
    c.save()
    return BuiltPdf(Path(path), pages)


def build_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """An image-only PDF, like a scan without OCR."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for row in range(40, 520, 24):  # grey bars where the text lines would be
        draw.rectangle((40, row, 360, row + 10), fill=90)
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.drawImage(ImageReader(img), 50, 100, width=495, height=690)
        c.showPage()
    c.save()
    return Path(path)


# --- DOCX ---


def level_of(paragraph: str) -> Optional[tuple[int, str]]:
    """(numbering level, text after the label) of a corpus heading, None for body text."""
    for level, pattern in LEVEL_PATTERNS:
        m = pattern.match(paragraph)
        if m:
            return level, paragraph[m.end() :]
    return None


def lvl_xml(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """One <w:lvl> of an abstract numbering definition."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def add_abstract(doc, abstract_id: int, levels: list[str]) -> None:
    """Add a <w:abstractNum> (before the first <w:num>, as the schema orders them)."""
    from docx.oxml import parse_xml

    el = parse_xml(
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    root = doc.part.numbering_part.element
    first_num = root.find(f"{{{W_NS}}}num")
    if first_num is None:
        root.append(el)
    else:
        first_num.addprevious(el)


def add_num(doc, num_id: int, abstract_id: int, start_overrides: Optional[dict[int, int]] = None) -> None:
    """Add a <w:num> instance, optionally restarting levels with startOverride."""
    from docx.oxml import parse_xml

    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for lvl, v in (start_overrides or {}).items()
    )
    doc.part.numbering_part.element.append(
        parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def add_style(doc, style_id: str, num_id: Optional[int] = None, ilvl: Optional[int] = None) -> None:
    """A paragraph style, numbered through its own numPr when num_id is given."""
    from docx.oxml import parse_xml

    numpr = ""
    if num_id is not None:
        lvl = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        numpr = f'<w:pPr><w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    doc.styles.element.append(
        parse_xml(
            f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{style_id}">'
            f'<w:name w:val="{style_id}"/><w:basedOn w:val="Normal"/>{numpr}</w:style>'
        )
    )


def numbered(doc, text: str, num_id: Optional[int] = None, ilvl: Optional[int] = None, style: Optional[str] = None):
    """Add a paragraph numbered directly (numPr in its pPr) and/or through a style."""
    from docx.oxml import parse_xml

    p = doc.add_paragraph(text, style=style)
    if num_id is not None or ilvl is not None:
        parts = ("" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>') + (
            "" if num_id is None else f'<w:numId w:val="{num_id}"/>'
        )
        p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}">{parts}</w:numPr>'))
    return p


def build_corpus_docx(path: Path, paragraphs: list[str]) -> list[str]:
    """The corpus document as Word would hold it: heading labels are automatic numbering.

    一、 comes from a heading style bound to level 0, (一) and 1. from direct numPr;
    1. restarts only after 一、 (lvlRestart), so it runs 1-21 across (一)…(五).
    Returns the lines the reader should give back.
    """
    import docx

    doc = docx.Document()
    add_abstract(doc, 90, [
        lvl_xml(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="ZcHeading1"/>'),
        lvl_xml(1, "chineseCounting", "(%2)"),
        lvl_xml(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>'),
    ])
    add_num(doc, 91, 90)
    add_style(doc, "ZcHeading1", num_id=91)
    rows = _duty_rows(paragraphs)
    for paragraph in paragraphs:
        found = level_of(paragraph)
        if found is None:
            doc.add_paragraph(paragraph)
        elif found[0] == 0:
            numbered(doc, found[1], style="ZcHeading1")
        else:
            numbered(doc, found[1], num_id=91, ilvl=found[0])
    table = doc.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.save(str(path))
    return paragraphs + ["\t".join(cells) for cells in rows]


def _duty_rows(paragraphs: list[str]) -> list[tuple[str, str]]:
    """(unit, duty) pairs from the corpus sentence listing each department's duty."""
    source = next(p for p in paragraphs if "市委组织部负责" in p)
    rows = []
    for clause in source.split(";"):
        unit, sep, duty = clause.partition("负责")
        if sep and len(unit) <= 8:
            rows.append((unit, "负责" + duty.rstrip("。")))
    return rows
