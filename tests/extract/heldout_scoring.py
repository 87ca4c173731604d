"""Scoring helpers shared by the held-out check sets, following ../shared/eval/score.py."""
from __future__ import annotations


def greedy_pairs(cands) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs from (priority, gold index, predicted index), best first."""
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def contains_eq(g: str, p: str) -> bool:
    """Equal, or one holds the other and the shorter has >= 2 characters (so 省 never matches 山东省)."""
    if not g or not p:
        return g == p
    short, long_ = sorted((g, p), key=len)
    return g == p or (len(short) >= 2 and short in long_)
