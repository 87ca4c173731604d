"""Visible text of an HTML page saved from a government site."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .base import ExtractedText

_BLOCK = frozenset("""address article aside blockquote body br dd div dl dt fieldset figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul title""".split())
# <head> itself is not hidden: HTML5 lets a page omit </head>, which would then hide the body.
_HIDDEN = frozenset("script style noscript template title svg object iframe select option".split())
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Block-aware visible text: one line per block element, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    raw = "".join(collector.parts)
    lines = [line.strip(" ") for line in raw.split("\n")]
    out, blank = [], 0
    for line in lines:
        if line.strip():
            out.append(line)
            blank = 0
        elif blank == 0 and out:
            out.append("")
            blank = 1
    return "\n".join(out).strip("\n") + "\n"


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag declares, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def read_html(data: bytes, decode) -> ExtractedText:
    """Decode (declared charset first) and extract visible text."""
    charset = declared_charset(data)
    text = None
    if charset:
        try:
            text, enc = data.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(charset, charset)), charset
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, enc = decode(data)
    return ExtractedText(text=html_to_text(text), kind="html", encoding=enc)
