"""Sentence-level provisions of an article's body, each tied to its section."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..rules import load_rules
from ..text.normalize import is_table_row
from .articles import ArticleSpan
from .sections import Heading

# A sentence ends at 。!?; (and a closing quote/bracket right after); run-in 一是… stay inside.
_SENTENCE = re.compile(r"[ \t]*([^。!?;]*(?:[。!?;]+[”’」』)]*|$))")  # group 1: without leading blanks
_CONTENT = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


@dataclass(slots=True)
class ProvisionSpan:
    """One provision in normalized coordinates."""

    start: int
    end: int
    heading: int | None  # index into the article's headings
    paragraph_start: int  # normalized start of its paragraph (context for extractors)


def find_provisions(doc: Document, span: ArticleSpan, headings: list[Heading]) -> list[ProvisionSpan]:
    """Sentences of every body line; heading labels/titles are not provisions."""
    by_line: dict[int, list[tuple[int, Heading]]] = {}
    for k, h in enumerate(headings):
        by_line.setdefault(h.line, []).append((k, h))
    current: int | None = None
    out: list[ProvisionSpan] = []
    for line in doc.lines[span.first:span.stop]:
        heads = by_line.get(line.index, ())
        if line.role != "body" and not heads:
            continue
        cursor = line.start
        for k, h in heads:
            if h.start > cursor:
                out.extend(_sentences(doc.norm, cursor, h.start, current, line.start))
            current, cursor = k, h.body_start
            if h.style != "runin" and h.title_start >= 0 and (h.sentence or _rule_in_title().search(doc.norm, h.title_start, h.end)):
                # "第三条 社区工作者按…配备。", "(一)80周岁以上的特困人员", "班子建设(20分)": the title is a rule too
                out.extend(_sentences(doc.norm, h.title_start, h.body_start if h.sentence else h.end, current, line.start))
        if not heads and is_table_row(line.text) and (piece := _whole_line(doc.norm, line.start, line.end)):
            out.append(ProvisionSpan(*piece, current, line.start))  # a table row reads by column: one piece
        else:
            out.extend(_sentences(doc.norm, cursor, line.end, current, line.start))
    return out


def _whole_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line's span without surrounding blanks, if it holds any content."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return (start, end) if _CONTENT.search(text, start, end) else None


@lru_cache(maxsize=1)
def _rule_in_title() -> re.Pattern:
    """What makes a heading title a rule too (headings.yaml: rule_in_title)."""
    return re.compile("|".join(f"(?:{p})" for p in load_rules("headings")["rule_in_title"]))


def _sentences(text: str, start: int, end: int, heading: int | None, paragraph: int) -> list[ProvisionSpan]:
    out = []
    content, opening = _CONTENT.search, _CONTENT_OPENERS
    for m in _SENTENCE.finditer(text, start, end):
        s, e = m.span(1)
        if e > s:  # (the empty match at the end of every piece)
            while e > s and text[e - 1] in " \t":  # only a line's last piece can end in blanks
                e -= 1
            if e > s and (text[s] in opening or _has_content(text, s, e)):
                out.append(ProvisionSpan(s, e, heading, paragraph))
    return out


# Characters _CONTENT matches, as met at the start of a sentence: a set test settles most
# sentences (they open with one), where a search per sentence costs more than finding the sentences.
# (_CONTENT is one character class, so a character it matched once always matches.)
_CONTENT_OPENERS: set[str] = set()


def _has_content(text: str, start: int, end: int) -> bool:
    m = _CONTENT.search(text, start, end)
    if m and m.start() == start:
        _CONTENT_OPENERS.add(text[start])
    return m is not None
