"""OffsetMap: positions in normalized text -> positions in the source text.

Normalization only ever replaces a character by one character (script, width,
punctuation) or deletes characters (joined line breaks, collapsed spaces), so
the map is a sorted list of breakpoints: from normalized position `n_i` on,
normalized text runs parallel to source text starting at `s_i`. Lookups are a
bisect; building costs one breakpoint per deletion, not one entry per char.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable


class OffsetMap:
    """Maps normalized offsets to source offsets; built by `from_deletions`."""

    __slots__ = ("_norm", "_src", "norm_len", "src_len")

    def __init__(self, norm_starts: list[int], src_starts: list[int], norm_len: int, src_len: int):
        if not norm_starts or norm_starts[0] != 0:
            raise ValueError("an OffsetMap starts with a breakpoint at normalized position 0")
        self._norm = norm_starts
        self._src = src_starts
        self.norm_len = norm_len
        self.src_len = src_len

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a text that normalization left the same length."""
        return cls([0], [0], length, length)

    @classmethod
    def from_deletions(cls, src_len: int, deleted: Iterable[tuple[int, int]]) -> "OffsetMap":
        """The map after deleting source ranges [start, end) (sorted, non-overlapping)."""
        norm_starts, src_starts = [0], [0]
        removed = 0
        for start, end in deleted:
            if end <= start:
                continue
            removed += end - start
            n = end - removed
            if norm_starts[-1] == n:
                src_starts[-1] = end
            else:
                norm_starts.append(n)
                src_starts.append(end)
        return cls(norm_starts, src_starts, src_len - removed, src_len)

    def to_source(self, pos: int) -> int:
        """Source position of normalized character `pos` (a start offset)."""
        if pos >= self.norm_len:
            return self.src_len if pos == self.norm_len else self._overflow(pos)
        i = bisect_right(self._norm, pos) - 1
        return self._src[i] + (pos - self._norm[i])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) of normalized [start, end): ends map after their last char."""
        if end <= start or end > self.norm_len:
            s = self.to_source(start)
            return (s, s) if end <= start else (s, self.to_source(end - 1) + 1)
        # Inlined to_source (both ends inside the text): every record maps a span, so the two
        # method calls it saves add up over a corpus.
        norm, src = self._norm, self._src
        if len(norm) == 1:  # no deletions: src and norm run parallel from 0
            return src[0] + start, src[0] + end
        i = bisect_right(norm, start) - 1
        j = bisect_right(norm, end - 1, i) - 1
        return src[i] + (start - norm[i]), src[j] + (end - 1 - norm[j]) + 1

    def deletions_within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(normalized position, source start, source end) of each source range deleted between normalized
        characters start..end-1: the text before `position` ends at source start, the text after resumes at
        source end."""
        out = []
        i = bisect_right(self._norm, start)
        while i < len(self._norm) and self._norm[i] < end:
            n = self._norm[i]
            before = self._src[i - 1] + (n - 1 - self._norm[i - 1]) + 1  # just after normalized char n-1
            if self._src[i] > before:
                out.append((n, before, self._src[i]))
            i += 1
        return out

    def _overflow(self, pos: int) -> int:
        raise IndexError(f"normalized offset {pos} beyond text of length {self.norm_len}")

    def __len__(self) -> int:
        return len(self._norm)
