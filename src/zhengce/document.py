"""Document: the object stages pass along — source text, normalized text, offset map, layers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .ingest.base import ExtractedText
from .text.normalize import Normalized
from .text.offsets import OffsetMap


@dataclass(slots=True)
class Line:
    """One non-empty line of the normalized text (span excludes surrounding spaces)."""

    index: int
    start: int
    end: int
    text: str
    blank_before: int  # empty lines between this line and the previous non-empty one
    role: str = "body"  # body | furniture | meta | caption | title | signature


@dataclass(slots=True)
class Document:
    """One input file through the pipeline; spans are in normalized coordinates until output."""

    source: str  # path relative to the input root, as written in records
    extracted: ExtractedText
    norm: str
    offsets: OffsetMap
    lines: list[Line] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)  # stage name -> what it assigned

    @classmethod
    def build(cls, source: str, extracted: ExtractedText, normalized: Normalized) -> "Document":
        """A document with its non-empty lines split out."""
        doc = cls(source, extracted, normalized.text, normalized.offsets)
        doc.lines = split_lines(normalized.text)
        return doc

    @property
    def source_text(self) -> str:
        """The text SPEC offsets index into."""
        return self.extracted.text

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) of a normalized span."""
        return self.offsets.span_to_source(start, end)

    def page_of(self, norm_start: int) -> Optional[int]:
        """1-based page of a normalized position (PDFs), else None."""
        if not self.extracted.pages:
            return None
        return self.extracted.page_of(self.offsets.to_source(norm_start))


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their spans, stripped of surrounding whitespace."""
    lines: list[Line] = []
    pos, blanks = 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = raw.find(stripped[0])  # only blanks stand before it (lstrip would copy the line)
            start = pos + lead
            lines.append(Line(len(lines), start, start + len(stripped), stripped, blanks))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    return lines
