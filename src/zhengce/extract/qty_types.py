"""The records of the quantity extractor: the frozen result and the mutable candidate."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import _fast_init


# one per quantity of the corpus: the slot-setting __init__ of the records, not the frozen one (speed)
@_fast_init
@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """One quantity expression; offsets are relative to the text given to find_quantities."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    comparator: str  # >= <= > < = range ~
    per: str | None
    subject: str | None
    time: str | None
    kind: str  # requirement | statistic


class Cand:
    """A quantity candidate while it is being built (mutable; frozen into QuantityMatch)."""

    __slots__ = ("start", "end", "nstart", "nend", "value", "low", "high", "unit", "category",
                 "chinese", "n1", "comparator", "suffix_cmp", "infix_cmp", "per", "drop", "unit_surface",
                 "bare_scale", "cmp_end", "vague", "prefix_cmp", "cl")

    def __init__(self, start: int, end: int, nstart: int, nend: int):
        self.start, self.end, self.nstart, self.nend = start, end, nstart, nend
        self.value = self.low = self.high = None
        self.unit = self.category = self.unit_surface = self.per = None
        self.suffix_cmp = self.infix_cmp = None
        self.chinese, self.n1, self.comparator, self.drop = False, "", "=", False
        self.bare_scale = self.vague = False
        self.prefix_cmp = None  # the comparator of a prefix word (不超过45人), shared along a tight list
        self.cmp_end = nstart  # end of the prefix comparator word, when there is one
