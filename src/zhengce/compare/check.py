"""`check(draft, against)`: a draft against a folder (or a saved index) of precedents.

For each draft provision: its closest precedent clauses and their jurisdictions; each draft
number that falls outside the range the precedents set for the same measure; and the
measures (clusters of clauses, built with the index) that most precedent documents state
and the draft does not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np

from .align import QuantityRef, Side, combine, compat, direction, settings, side_vectors
from .diff import Span, bound, default_direction
from .index import Index, load_side, open_index

_CHUNK = 20000  # index units scored at a time (bounds the dense block in memory)


@dataclass(frozen=True, slots=True)
class Precedent:
    """A precedent clause close to a draft provision."""

    span: Span
    score: float
    doc_id: str
    jurisdiction: Optional[str]

    def to_dict(self) -> dict[str, Any]:
        """Span fields plus score, doc_id and jurisdiction."""
        return {**self.span.to_dict(), "score": round(self.score, 4), "doc_id": self.doc_id,
                "jurisdiction": self.jurisdiction}


@dataclass(frozen=True, slots=True)
class OutOfRange:
    """A draft number outside [low, high] of the comparable precedent numbers."""

    quantity: QuantityRef
    value: float  # the draft's deciding number (see diff.bound)
    low: float
    high: float
    precedents: tuple[Precedent, ...]  # where the comparable numbers stand

    def to_dict(self) -> dict[str, Any]:
        """The draft quantity's span and value, the precedent range and where it comes from."""
        q = self.quantity.quantity
        return {"source": q.source, "start": q.start, "end": q.end, "text": q.text, "value": q.value,
                "low": q.low, "high": q.high, "unit": q.unit, "comparator": q.comparator,
                "precedent_low": self.low, "precedent_high": self.high,
                "side": "below" if self.value < self.low else "above",
                "precedents": [p.to_dict() for p in self.precedents]}


@dataclass(frozen=True, slots=True)
class Missing:
    """A measure most precedent documents state and the draft lacks."""

    example: Span
    share: float
    documents: int
    jurisdictions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Example clause, share of precedent documents and their jurisdictions."""
        return {"example": self.example.to_dict(), "share": round(self.share, 4), "documents": self.documents,
                "jurisdictions": list(self.jurisdictions)}


@dataclass(slots=True)
class CheckResult:
    """What `check` found for one draft."""

    draft: str
    provisions: list[tuple[Span, list[Precedent]]] = field(default_factory=list)
    out_of_range: list[OutOfRange] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"draft": self.draft,
                "provisions": [{**s.to_dict(), "precedents": [p.to_dict() for p in ps]} for s, ps in self.provisions],
                "out_of_range": [o.to_dict() for o in self.out_of_range],
                "missing": [m.to_dict() for m in self.missing]}


def check(draft: str | Path, against: str | Path | Index, *, top: int = 5, min_share: float = 0.5,
          workers: int = 1) -> CheckResult:
    """Check a draft file against a folder of precedents or an index built by `zhengce index`."""
    index = against if isinstance(against, Index) else open_index(against, workers)
    side = load_side([draft], strict=True)
    return check_side(side, index, Path(draft).name, top=top, min_share=min_share)


def check_side(side: Side, index: Index, name: str, *, top: int = 5, min_share: float = 0.5) -> CheckResult:
    """Check an already loaded draft Side against an index."""
    result = CheckResult(name)
    if not side.units or not index.side.units:
        return result
    links, covered = _links(side, index, name, keep=max(top, 10))
    by_prov: dict[str, dict[int, float]] = {}
    for i, cands in links.items():
        best = by_prov.setdefault(side.units[i].provision_id, {})
        for j, s in cands:
            best[j] = max(best.get(j, 0.0), s)
    for pid, prov in side.provisions.items():
        found = sorted(by_prov.get(pid, {}).items(), key=lambda js: -js[1])[:top]
        span = Span(prov.source, prov.start, prov.end, prov.text)
        result.provisions.append((span, [_precedent(index, j, s) for j, s in found]))
    result.out_of_range = _out_of_range(side, index, links)
    result.missing = _missing(index, covered, min_share, exclude=_own_docs(index, name))
    return result


def _own_docs(index: Index, name: str) -> set[str]:
    """Documents of the index that are the draft itself (same file name): never their own precedent."""
    pairs = {(u.source, u.doc_id) for u in index.side.units}
    return {doc for source, doc in pairs if Path(source).name == name}


def _links(side: Side, index: Index, name: str, keep: int) -> tuple[dict[int, list[tuple[int, float]]], set[int]]:
    """Per draft unit, its best index units at or over the threshold; and the measures matched.
    Clause cosines are computed in column chunks; provision cosines once per provision pair."""
    clause_d, prov_d, take_d = side_vectors(index.vectorizer, side)
    clause_i, prov_i, take_i = index.vectors
    own = _own_docs(index, name)
    skip = np.array([u.doc_id in own for u in index.side.units], dtype=bool)
    prov_sim = (prov_i @ prov_d.T).toarray().T[take_d]  # draft units x index provisions
    clause_t = clause_d.T.tocsr()
    threshold = settings()["check_threshold"]
    best: dict[int, list[tuple[int, float]]] = {}
    covered: set[int] = set()
    for lo in range(0, clause_i.shape[0], _CHUNK):
        hi = min(lo + _CHUNK, clause_i.shape[0])
        # (index rows x draft) then transposed: the small draft matrix is the one transposed
        scores = combine((clause_i[lo:hi] @ clause_t).toarray().T, prov_sim[:, take_i[lo:hi]])
        scores[:, skip[lo:hi]] = 0.0
        mask = scores >= threshold
        covered.update(int(c) for c in np.unique(index.measures[lo:hi][mask.any(axis=0)]))
        for i in np.nonzero(mask.any(axis=1))[0]:
            row = scores[i]
            cand = np.nonzero(mask[i])[0]
            if len(cand) > keep:
                cand = cand[np.argpartition(-row[cand], keep)[:keep]]
            best.setdefault(int(i), []).extend((lo + int(j), float(row[j])) for j in cand)
    return {i: sorted(c, key=lambda js: -js[1])[:keep] for i, c in best.items()}, covered


def _precedent(index: Index, j: int, score: float) -> Precedent:
    u = index.side.units[j]
    return Precedent(Span(u.source, u.start, u.end, u.text), score, u.doc_id, index.side.jurisdictions.get(u.doc_id))


def _out_of_range(side: Side, index: Index, links: dict[int, list[tuple[int, float]]]) -> list[OutOfRange]:
    """Draft requirement numbers below the smallest or above the largest comparable precedent number."""
    out = []
    floor = settings()["min_compat"]
    for qi in side.quantities:
        if qi.quantity.kind == "statistic" or qi.unit not in links:
            continue
        found = []  # (bound, precedent)
        for j, s in links[qi.unit]:
            for k in index.side.by_unit.get(j, []):
                qj = index.side.quantities[k]
                if qj.quantity.kind != "statistic" and compat(qi, qj) >= floor:
                    d = direction(qi.quantity) or direction(qj.quantity) or default_direction(qi, qj)
                    b = bound(qj.quantity, d)
                    if b is not None:
                        found.append((b, _precedent(index, j, s)))
        mine = bound(qi.quantity, direction(qi.quantity) or "up")
        if len(found) >= 2 and mine is not None:
            low, high = min(b for b, _ in found), max(b for b, _ in found)
            if mine < low or mine > high:
                out.append(OutOfRange(qi, mine, low, high, tuple(p for _, p in found)))
    return out


def _missing(index: Index, covered: set[int], min_share: float, exclude: set[str]) -> list[Missing]:
    """Measure clusters held by at least `min_share` of the precedent documents and not covered."""
    names, _ = index.unit_docs()
    docs = set(names) - exclude
    if not docs:
        return []
    out = []
    for c, holders in index.measure_docs(min_docs=max(2, int(min_share * len(docs)))).items():
        holders = holders - exclude
        share = len(holders) / len(docs)
        if c in covered or share < min_share or len(holders) < 2:
            continue
        u = index.side.units[int(np.argmax(index.measures == c))]  # the cluster's leader (first unit)
        places = sorted({index.side.jurisdictions.get(d) or d for d in holders})
        out.append(Missing(Span(u.source, u.start, u.end, u.text), share, len(holders), tuple(places)))
    return sorted(out, key=lambda m: -m.share)
