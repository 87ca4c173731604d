"""`diff(a_paths, b_paths)`: which provisions of B state the measures of A, and who is stricter.

Clause pairs chosen by align.select are grouped per provision pair into runs of adjacent
clauses (the spans reported); the quantities of the two runs are paired one-to-one with
linear_sum_assignment over 1 - compatibility (same unit, same basis, similar subject) and
compared: for floors (>=, >) the larger number is stricter, for caps (<=, <) the smaller.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Optional

import numpy as np
from scipy.optimize import linear_sum_assignment

from .align import (QuantityRef, Side, Vectorizer, canonical_unit, combine, compat, direction, fit_vectors, quantity_evidence,
                    select, settings, similarities, unit_vectors, words)
from .concepts import concept_similarities
from .index import load_side
from .pair_filter import Parts, link_probabilities, load_model


@dataclass(frozen=True, slots=True)
class Span:
    """A run of adjacent clauses of one provision (source offsets) and its normalized text."""

    source: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The SPEC shape {source, start, end, text}."""
        return {"source": self.source, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two quantities stating the same measure, and which side is stricter."""

    a: QuantityRef
    b: QuantityRef
    relation: str  # a_stricter | b_stricter | same


@dataclass(frozen=True, slots=True)
class Pair:
    """A matched pair of spans with its score and its explanation."""

    a: Span
    b: Span
    score: float
    comparisons: tuple[Comparison, ...]
    shared: tuple[str, ...]  # shared terms, rarest first
    a_units: tuple[int, ...]
    b_units: tuple[int, ...]

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """SPEC shape; with `explain`, also the shared terms and the compared numbers."""
        out = {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": round(self.score, 4),
               "comparisons": [{"a": _qspan(c.a), "b": _qspan(c.b), "relation": c.relation}
                               for c in self.comparisons]}
        if explain:
            out["explain"] = {"shared_terms": list(self.shared),
                              "quantities": [[c.a.quantity.text, c.b.quantity.text] for c in self.comparisons]}
        return out


def _qspan(r: QuantityRef) -> dict[str, int]:
    return {"start": r.quantity.start, "end": r.quantity.end}


@dataclass(slots=True)
class DiffResult:
    """Pairs, clauses of A and of B with no counterpart, and the two sides they come from."""

    pairs: list[Pair] = field(default_factory=list)
    only_a: list[Span] = field(default_factory=list)
    only_b: list[Span] = field(default_factory=list)
    a: Side = field(default_factory=Side)
    b: Side = field(default_factory=Side)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """Exactly the JSON of SPEC (Diff); `explain` adds an `explain` object to each pair."""
        return {"pairs": [p.to_dict(explain) for p in self.pairs],
                "only_a": [s.to_dict() for s in self.only_a],
                "only_b": [s.to_dict() for s in self.only_b]}


def diff(a_paths: Iterable[str | Path] | str | Path, b_paths: Iterable[str | Path] | str | Path) -> DiffResult:
    """Align the provisions of A (files or folders) with those of B."""
    a, b = load_side(_paths(a_paths), strict=True), load_side(_paths(b_paths), strict=True)
    return diff_sides(a, b)


def _paths(p) -> list:
    return [p] if isinstance(p, (str, Path)) else list(p)


def diff_sides(a: Side, b: Side) -> DiffResult:
    """Diff two already loaded Sides."""
    if not a.units or not b.units:
        return DiffResult(only_a=_unmatched(a, set()), only_b=_unmatched(b, set()), a=a, b=b)
    vec, clause, provision, evidence, concept = score_parts(a, b)
    return diff_scored(a, b, vec, combine(clause, provision, evidence, concept), (clause, provision, concept))


def score_parts(a: Side, b: Side) -> tuple[Vectorizer, np.ndarray, np.ndarray, np.ndarray,
                                           tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Vectorizer fitted on both sides, clause and provision cosines, quantity evidence, and the
    concept parts (clause and provision similarity, mismatch: concepts.concept_similarities)."""
    vec, rows, n_a = fit_vectors(a, also=b)
    clause, provision = similarities(unit_vectors(vec, a, rows[:n_a]), unit_vectors(vec, b, rows[n_a:]))
    cfg = settings()
    skip = frozenset(cfg["concept_units_skip"]) if cfg["concept_units"] else None
    concept = concept_similarities(a, b, cfg["concept_prior"], skip)
    return vec, clause, provision, quantity_evidence(a, b), concept


def diff_scored(a: Side, b: Side, vec: Vectorizer, scores: np.ndarray, parts: Optional[Parts] = None) -> DiffResult:
    """The DiffResult of a clause-pair score matrix; with its `parts` (clause and provision cosines,
    concept parts), the learned pair filter (pair_filter.py) drops unlikely pairs."""
    links = select(scores)
    probs = link_probabilities(a, b, links, scores, parts) if parts is not None else None
    pairs, kept = build_pairs(a, b, links, vec, probs)
    return DiffResult(pairs, _unmatched(a, {i for i, _ in kept}), _unmatched(b, {j for _, j in kept}), a, b)


def build_pairs(a: Side, b: Side, links: list[tuple[int, int, float]], vec: Vectorizer,
                probs: Optional[dict[tuple[int, int], float]] = None) -> tuple[list[Pair], set[tuple[int, int]]]:
    """Group clause links per provision pair into runs of adjacent clauses; one Pair per run pair, kept
    when its best link's probability (`probs`, if given) reaches the filter's threshold. Also the links kept."""
    groups: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    for i, j, s in links:
        groups.setdefault((a.units[i].provision_id, b.units[j].provision_id), []).append((i, j, s))
    threshold = load_model()["threshold"] if probs is not None else 0.0
    pairs, kept = [], set()
    for group in groups.values():
        for run_a in _runs(sorted({i for i, _, _ in group})):
            for run_b in _runs(sorted({j for _, j, _ in group})):
                inside = [(i, j, s) for i, j, s in group if i in run_a and j in run_b]
                if inside and (probs is None or max(probs[i, j] for i, j, _ in inside) >= threshold):
                    pairs.append(_pair(a, b, run_a, run_b, max(s for _, _, s in inside), vec))
                    kept.update((i, j) for i, j, _ in inside)
    pairs.sort(key=lambda p: (p.a.source, p.a.start, p.b.source, p.b.start))
    return pairs, kept


def _runs(idx: list[int]) -> list[tuple[int, ...]]:
    """Consecutive unit indexes (adjacent clauses of one provision) grouped into runs."""
    runs: list[list[int]] = []
    for i in idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [tuple(r) for r in runs]


def _span(side: Side, run: tuple[int, ...]) -> Span:
    first, last = side.units[run[0]], side.units[run[-1]]
    return Span(first.source, first.start, last.end, "".join(side.units[k].text for k in run))


def _pair(a: Side, b: Side, run_a: tuple[int, ...], run_b: tuple[int, ...], score: float,
          vec: Vectorizer) -> Pair:
    """A Pair; its numbers may sit in a neighbouring clause of either provision (…专项经费,每个社区
    不低于5万元), so both whole provisions are searched and the runs widened to the numbers compared."""
    qa = [x for k in _provision_units(a, run_a) for x in a.by_unit.get(k, [])]
    qb = [y for k in _provision_units(b, run_b) for y in b.by_unit.get(k, [])]
    comparisons = compare_quantities([a.quantities[x] for x in qa], [b.quantities[y] for y in qb])
    run_a = _widen(run_a, [c.a.unit for c in comparisons])
    run_b = _widen(run_b, [c.b.unit for c in comparisons])
    sa, sb = _span(a, run_a), _span(b, run_b)
    return Pair(sa, sb, score, tuple(comparisons), shared_terms(sa.text, sb.text, vec), run_a, run_b)


def _provision_units(side: Side, run: tuple[int, ...]) -> range:
    """All unit indexes of the provision a run belongs to (units of a provision are consecutive)."""
    pid = side.units[run[0]].provision_id
    lo, hi = run[0], run[-1]
    while lo > 0 and side.units[lo - 1].provision_id == pid:
        lo -= 1
    while hi + 1 < len(side.units) and side.units[hi + 1].provision_id == pid:
        hi += 1
    return range(lo, hi + 1)


def _widen(run: tuple[int, ...], extra: list[int]) -> tuple[int, ...]:
    return tuple(range(min(run[0], *extra), max(run[-1], *extra) + 1)) if extra else run


def shared_terms(ta: str, tb: str, vec: Vectorizer, limit: int = 6) -> tuple[str, ...]:
    """Words both texts use, rarest first, without generic policy verbs."""
    generic = set(settings()["generic_terms"])
    common = (set(words(ta)) & set(words(tb))) - generic
    return tuple(sorted(common, key=lambda w: (-vec.idf_of(w), w))[:limit])


def compare_quantities(qa: list[QuantityRef], qb: list[QuantityRef]) -> list[Comparison]:
    """Pair quantities one-to-one (Hungarian method on 1 - compatibility) and compare each pair."""
    qa = inherit_per([q for q in qa if q.quantity.kind != "statistic"])
    qb = inherit_per([q for q in qb if q.quantity.kind != "statistic"])
    if not qa or not qb:
        return []
    compat_ab = np.array([[compat(x, y, within_pair=True) for y in qb] for x in qa])
    # Ties (分别按照每月200元、300元、500元 against three amounts named apart) go to the pairing that
    # keeps both texts' order: a cost far below any difference in compatibility.
    order_a = np.arange(len(qa))[:, None] / max(len(qa) - 1, 1)
    order_b = np.arange(len(qb))[None, :] / max(len(qb) - 1, 1)
    rows, cols = linear_sum_assignment(1.0 - compat_ab + 1e-3 * np.abs(order_a - order_b))
    least = settings()["min_compat"]
    # the only two numbers of the matched provisions that can be compared at all (same unit, basis and
    # direction) state the one measure the provisions share, however differently their clauses word it
    # (应当在15日内与业主委员会办理交接 against 自合同终止之日起十五日内退出), when both are time limits or both
    # bounds the same way (就餐座位不少于30个 against 餐位数不少于40个; not 建成示范点不少于30个 against 新建设施25个)
    timed = np.array([canonical_unit(x.quantity.unit) in settings()["alone_units"] for x in qa])[:, None]
    dir_a = np.array([direction(x.quantity) or "" for x in qa])[:, None]
    dir_b = np.array([direction(y.quantity) or "" for y in qb])[None, :]
    bounded = (dir_a != "") & (dir_a == dir_b)
    alone = (timed | bounded) & (compat_ab > 0) & ((compat_ab > 0).sum(axis=1, keepdims=True) == 1) \
        & ((compat_ab > 0).sum(axis=0, keepdims=True) == 1)
    compat_ab = np.where(alone, np.maximum(compat_ab, least), compat_ab)
    pairs = [(r, c) for r, c in zip(rows, cols) if compat_ab[r, c] >= least]
    # a number the assignment left alone, or gave only a partner it cannot be compared with, meets its best
    # match on the other side too: one number may govern several (城乡低保标准不低于…30% against 城镇…28% and
    # 农村…38%; 每月巡河不少于2次, 汛期每月不少于4次 against one 每月不少于1次)
    pairs += [(r, int(np.argmax(compat_ab[r]))) for r in sorted(set(range(len(qa))) - {r for r, _ in pairs})]
    pairs += [(int(np.argmax(compat_ab[:, c])), c) for c in sorted(set(range(len(qb))) - {c for _, c in pairs})]
    out = []
    for r, c in sorted(set(pairs), key=lambda rc: (qa[rc[0]].quantity.start, qb[rc[1]].quantity.start)):
        if compat_ab[r, c] >= least:
            rel = relation(qa[r], qb[c])
            if rel:
                out.append(Comparison(qa[r], qb[c], rel))
    return out


_LIST_GAP = 2  # characters between two listed amounts: 、 or 和, 及, 或 (with a space at most)


def inherit_per(refs: list[QuantityRef]) -> list[QuantityRef]:
    """A list of amounts in one clause states its basis once (分别按照每月200元、300元、500元): an
    amount with no per takes the per of the amount just before it (a separator apart: 、 和 或),
    when the units agree; 每百户30平方米, 且单处不少于300平方米 keeps its own (no) basis."""
    out: list[QuantityRef] = []
    for r in sorted(refs, key=lambda r: r.quantity.start):
        prev = out[-1] if out else None
        if (prev is not None and not r.quantity.per and prev.quantity.per and prev.unit == r.unit
                and r.quantity.start - prev.quantity.end <= _LIST_GAP
                and canonical_unit(prev.quantity.unit) == canonical_unit(r.quantity.unit)):
            r = QuantityRef(replace(r.quantity, per=prev.quantity.per), r.unit, r.context)
        out.append(r)
    return out


def relation(x: QuantityRef, y: QuantityRef) -> Optional[str]:
    """a_stricter | b_stricter | same for two compatible quantities; None when not comparable."""
    qa, qb = x.quantity, y.quantity
    da, db = direction(qa), direction(qb)
    if da and db and da != db:
        return None
    d = da or db or default_direction(x, y)
    ka, kb = bound(qa, d), bound(qb, d)
    if ka is None or kb is None:
        return None
    if math.isclose(ka, kb, rel_tol=1e-9, abs_tol=1e-12):
        sa, sb = qa.comparator in (">", "<"), qb.comparator in (">", "<")  # 超过 is stricter than 不少于
        return "same" if sa == sb else ("a_stricter" if sa else "b_stricter")
    a_stricter = ka > kb if d == "up" else ka < kb
    return "a_stricter" if a_stricter else "b_stricter"


def bound(q, d: str) -> Optional[float]:
    """The number that decides strictness: the value, or the range end facing the direction."""
    if q.value is not None:
        return float(q.value)
    end = q.low if d == "up" else q.high
    return float(end) if end is not None else None


def default_direction(x: QuantityRef, y: QuantityRef) -> str:
    """Neither side says floor or cap: read a cap only when the clause says so (不得, 上限...)."""
    cues = settings()["cap_cues"]
    text = x.context + y.context
    return "down" if any(c in text for c in cues) else "up"


def _unmatched(side: Side, matched: set[int]) -> list[Span]:
    """Runs of adjacent clauses of one provision that matched nothing."""
    out: list[Span] = []
    run: list[int] = []
    for k, u in enumerate(side.units):
        if k in matched or (run and side.units[run[-1]].provision_id != u.provision_id):
            if run:
                out.append(_span(side, tuple(run)))
            run = []
        if k not in matched:
            run.append(k)
    if run:
        out.append(_span(side, tuple(run)))
    return out
