"""What every reader returns: the source text SPEC offsets point into."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional


@dataclass(slots=True)
class ExtractedText:
    """Plain text read from one file.

    `text` is the source text of SPEC (Offsets): for .txt the decoded file, for
    .html/.pdf/.docx the plain text zhengce extracted (saved beside the output).
    `pages` lists (start, end) character ranges of each page, 1-based page i at
    index i-1; empty for formats without pages.
    """

    text: str
    kind: str  # txt | html | pdf | docx
    encoding: Optional[str] = None
    pages: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def derived(self) -> bool:
        """True when `text` is not the file itself and must be saved beside the output."""
        return self.kind != "txt"

    def page_of(self, offset: int) -> Optional[int]:
        """1-based page holding `offset`, or None for formats without pages."""
        # Pages are sorted and disjoint: the last page starting at or before offset is the only
        # candidate (a bisect, since every record of a long PDF asks).
        i = bisect_right(self.pages, (offset, float("inf"))) - 1
        if i >= 0 and offset < self.pages[i][1]:
            return i + 1
        return None
