"""Read any supported file into the source text that record offsets point into."""
from __future__ import annotations

from pathlib import Path

from ..errors import ZhengceError
from .base import ExtractedText
from .detect import decode, has_chinese, sniff_kind
from .html import read_html

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".pdf", ".docx")


def read_file(path: str | Path) -> ExtractedText:
    """Read one file; raises ZhengceError with a one-line reason for bad input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ZhengceError("ZC-E101") from None
    except OSError as e:
        raise ZhengceError("ZC-E107", f"cannot read file: {e.strerror or e}") from None
    if not data.strip():
        raise ZhengceError("ZC-E102")
    kind = sniff_kind(data, path.suffix.lower())
    if kind == "pdf":
        from .pdf import read_pdf

        extracted = read_pdf(path)
    elif kind == "docx":
        from .docx import read_docx

        extracted = read_docx(path)
    elif kind == "html":
        extracted = read_html(data, decode)
    else:
        text, encoding = decode(data)
        extracted = ExtractedText(text=text, kind="txt", encoding=encoding)
    if not has_chinese(extracted.text):
        if kind in ("txt", "html") and path.suffix.lower() in _FORMAT_SIGNATURES:  # (text named .pdf is read as text)
            code, what = _FORMAT_SIGNATURES[path.suffix.lower()]
            raise ZhengceError(code, f"{what}, and no Chinese text as plain text either")
        raise ZhengceError("ZC-E105")
    return extracted


# A file whose name promises a format its first bytes do not have: say so rather than "no Chinese text".
_FORMAT_SIGNATURES = {".pdf": ("ZC-E203", "PDF is corrupt: no %PDF- header"),
                      ".docx": ("ZC-E204", "DOCX is corrupt: not a zip archive")}


def read_text(text: str) -> ExtractedText:
    """Wrap text given directly (API use) as if read from a .txt file."""
    return ExtractedText(text=text, kind="txt", encoding=None)


__all__ = ["ExtractedText", "read_file", "read_text", "SUPPORTED_SUFFIXES"]
