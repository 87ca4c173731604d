"""Passes that read a sentence's quantity candidates together: a tight list shares units and comparators,
and a lower and an upper bound back to back make one range."""
from __future__ import annotations

import re

from . import quantity_context as qc
from .qty_types import Cand


def inherit_units(text: str, cands: list[Cand]) -> None:
    """10、11条 / 2018、2019、2020年: a bare number in a tight list takes the next item's unit."""
    for a, b in zip(reversed(cands[:-1]), reversed(cands[1:])):
        if a.unit is None and b.unit is not None and text[a.end:b.start] in qc.TIGHT_GAP:
            a.unit, a.category, a.unit_surface = b.unit, b.category, b.unit_surface


# what stands between two counts one bound governs: the first count's noun, a coordinator, at most a short verb
# (不少于3个村民小组、30户农户; 至少聘用1名保洁员、明确1名巡河员), no clause break and no 每 (最多5次、每次2小时)
_NOUN_LIST_GAP = re.compile(r"[^\d,;。:!?每其]{1,12}?(?:、|和|及|与)[^\d,;。:!?每其]{0,2}")


def propagate_lists(text: str, cands: list[Cand]) -> None:
    """A tight list shares its last item's suffix comparator (70%、85%、100%以上; 10%和12%左右) and its first
    item's prefix comparator (分别不超过45人、50人)."""
    for a, b in zip(reversed(cands[:-1]), reversed(cands[1:])):
        if text[a.end:b.start] in qc.TIGHT_GAP and a.comparator == "=" and b.suffix_cmp in (">=", "<=", "~"):
            if a.unit == b.unit:
                a.comparator = a.suffix_cmp = b.suffix_cmp
    for a, b in zip(cands, cands[1:]):
        if a.prefix_cmp and a.comparator == a.prefix_cmp and b.comparator == "=" and b.prefix_cmp is None \
                and (b.unit == a.unit and text[a.end:b.start] in qc.TIGHT_GAP
                     or a.prefix_cmp in (">=", "<=") and not b.per and _NOUN_LIST_GAP.fullmatch(text, a.end, b.start)):
            b.comparator = b.prefix_cmp = a.prefix_cmp  # (至少配备1名社工和1名康复人员: the bound is both counts')


def join_bounds(cands: list[Cand]) -> list[Cand]:
    """处五万元以上二十万元以下罚款, 1倍以上3倍以下: a bound from 以上 and one from 以下 of the same unit, back to
    back and rising, are one range (the second is dropped into the first)."""
    out: list[Cand] = []
    for c in cands:
        a = out[-1] if out else None
        if a is not None and a.end == c.start and a.suffix_cmp == ">=" == a.comparator and c.suffix_cmp == "<=" \
                == c.comparator and a.unit == c.unit and a.value is not None and c.value is not None \
                and a.value < c.value:
            a.low, a.high, a.value, a.comparator = a.value, c.value, None, "range"
            a.end, a.nend, a.cmp_end = c.end, c.nend, c.cmp_end
            continue
        out.append(c)
    return out


# a 、-list right before a count (一级、二级、三级共三个等级; 全自理、半护理、全护理三档)
_LIST_BEFORE = re.compile(r"(?:[^\s\d,;。:、()“”]{1,10}、)+[^\s\d,;。:、()“”]{1,10}?共?$")


def counts_its_list(text: str, c: Cand) -> bool:
    """Whether a count in a slogan-like list counts the items listed right before it (A、B、C三类): the number of
    a set the text enumerates, a quantity (三个走遍 lists nothing before it)."""
    m = _LIST_BEFORE.search(text, max(0, c.nstart - 60), c.nstart)
    return bool(m) and c.category in ("class", "count") and c.value == m.group().count("、") + 1
