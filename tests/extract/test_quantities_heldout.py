"""The quantity extractor on a held-out set of sentences that are not from the seeds.

Cases: tests/cases/quantities_heldout.yaml, split into `tune` (looked at while generalising the
grammar) and `check` (never tuned on). Scored like shared/eval/score.py: a prediction matches an
expected quantity when its [start, end) overlaps the expected number's characters (one-to-one,
greedy by overlap); `strict` also needs value/low/high, unit and comparator right. The floors are
pinned a little below the measured scores, so a regression fails and noise does not.

    python tests/extract/test_quantities_heldout.py [tune|check] [-v]   # scores (and, with -v, misses)
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
import yaml

from zhengce.extract.quantities import find_quantities
from heldout_scoring import contains_eq, greedy_pairs

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "quantities_heldout.yaml").read_text(encoding="utf-8"))
STRICT = ("value", "unit", "comparator")
OPTIONAL = ("per", "time", "kind")
# measured at the time of pinning minus a small margin: (matched F1, strict F1, kind accuracy)
FLOORS = {"tune": (0.98, 0.97, 0.88), "check": (0.97, 0.93, 0.87)}


def _num_eq(x, y) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return math.isclose(float(x), float(y), rel_tol=1e-6, abs_tol=1e-9)


def _spans(case: dict) -> list[tuple[int, int]]:
    """Where each expected number sits in the text (located left to right; `occurrence: k` skips
    to the k-th place after the previous number, as in the gold files)."""
    out, pos = [], 0
    for exp in case["expect"]:
        i = pos - 1
        for _ in range(exp.get("occurrence", 1)):
            i = case["text"].index(exp["number"], i + 1)
        out.append((i, i + len(exp["number"])))
        pos = i + len(exp["number"])
    return out


def _field_ok(field: str, exp: dict, q) -> bool:
    if field == "value":
        return all(_num_eq(exp.get(k), getattr(q, k)) for k in ("value", "low", "high"))
    if field in ("per", "time"):  # as score.py: equal, or one holds the other (>= 2 chars)
        return contains_eq(exp[field] or "", getattr(q, field) or "")
    return exp[field] == getattr(q, field)


def _match(spans, found) -> list[tuple[int, int]]:
    cands = sorted(((min(e, q.end) - max(s, q.start), gi, pi) for gi, (s, e) in enumerate(spans)
                    for pi, q in enumerate(found) if min(e, q.end) > max(s, q.start)), reverse=True)
    return greedy_pairs(cands)


def score(section: str) -> dict:
    """Matched and strict precision/recall/F1, field accuracies and the misses of one section."""
    n_pred = n_gold = tp = strict = 0
    fields = {f: [0, 0] for f in OPTIONAL}
    misses = []
    for case in CASES[section]:
        text, found = case["text"], find_quantities(case["text"])
        pairs = _match(_spans(case), found)
        n_pred, n_gold, tp = n_pred + len(found), n_gold + len(case["expect"]), tp + len(pairs)
        for gi, pi in pairs:
            exp, q = case["expect"][gi], found[pi]
            wrong = [f for f in STRICT if not _field_ok(f, {"value": None, "low": None, "high": None, **exp}, q)]
            strict += not wrong
            for f in OPTIONAL:
                if f in exp:
                    fields[f][0] += _field_ok(f, exp, q)
                    fields[f][1] += 1
                    if not _field_ok(f, exp, q):
                        wrong.append(f)
            if wrong:
                misses.append((case["id"], exp["number"], wrong, _show(text, q)))
        misses += [(case["id"], case["expect"][gi]["number"], ["missed"], "")
                   for gi in set(range(len(case["expect"]))) - {g for g, _ in pairs}]
        misses += [(case["id"], text[found[pi].number_start:found[pi].number_end], ["spurious"], _show(text, found[pi]))
                   for pi in set(range(len(found))) - {p for _, p in pairs}]
    return {"matched": _prf(tp, n_pred, n_gold), "strict": _prf(strict, n_pred, n_gold),
            "fields": {f: round(a / n, 4) if n else None for f, (a, n) in fields.items()}, "misses": misses}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _show(text: str, q) -> str:
    return (f"{text[q.start:q.end]!r} v={q.value} lo={q.low} hi={q.high} u={q.unit} c={q.comparator} "
            f"per={q.per} t={q.time} k={q.kind}")


def test_cases_are_well_formed():
    ids = [c["id"] for section in CASES.values() for c in section]
    assert len(ids) == len(set(ids)) and len(ids) >= 150
    assert set(CASES) == {"tune", "check"}
    for section in CASES.values():
        for case in section:
            _spans(case)  # every number is where the case says


@pytest.mark.parametrize("section", sorted(FLOORS))
def test_scores_stay_above_floors(section):
    res = score(section)
    f1, strict_f1, kind_acc = FLOORS[section]
    assert res["matched"]["f1"] >= f1, res["matched"]
    assert res["strict"]["f1"] >= strict_f1, res["strict"]
    assert res["fields"]["kind"] >= kind_acc, res["fields"]


if __name__ == "__main__":
    args = sys.argv[1:]
    for name in [a for a in args if a in CASES] or ["tune"]:
        result = score(name)
        print(name, "matched", result["matched"], "\n", name, "strict ", result["strict"], "\n", name,
              "fields ", result["fields"])
        if "-v" in args:
            for miss in result["misses"]:
                print("  ", *miss)
