"""Policy-concept overlap: a similarity channel for clauses that state one measure in other words.

Character n-grams see that 全科网格 and 网格化治理 share 网格, but not that 挂联社区 and 到社区挂职,
or 事项清单 and 准入清单, name the same kind of measure. data/zh/concepts.yaml maps the words of
grassroots-governance policy to field concepts; a clause is the set of concepts it names, each
weighted by its IDF over the clauses of both sides, and two clauses are compared by a cosine
damped by `concept_prior`, so one common concept shared says less than one rare concept.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import numpy as np
from scipy.sparse import csr_matrix

from ..rules import RuleError, load_yaml
from .align import Side, canonical_unit

LEXICON_KEYS = frozenset({"concepts", "ignore"})
_QUOTES = re.compile(r"[“”‘’「」『』\"']")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """word -> concept id, from data/zh/concepts.yaml ('' for the words of `ignore`)."""
    data = load_yaml("concepts", LEXICON_KEYS)
    return build_lexicon(data["concepts"], data["ignore"])


def build_lexicon(data: dict, ignore: Optional[list] = None) -> dict[str, str]:
    """word -> concept id of a {concept: [words]} mapping, '' for `ignore` words (names that hold a
    concept word but name no measure: 行政审批局); a short, repeated or non-string word is an error."""
    if not isinstance(data, dict) or not data:
        raise RuleError("concepts.yaml: `concepts` must be a non-empty mapping")
    out: dict[str, str] = {}
    for cid, members in data.items():
        if not isinstance(members, list) or not members:
            raise RuleError(f"concepts.yaml: {cid} must be a non-empty list of words")
        for w in members:
            if not isinstance(w, str) or len(w) < 2:
                raise RuleError(f"concepts.yaml: {cid}: {w!r} is not a word of two or more characters")
            if w in out:
                raise RuleError(f"concepts.yaml: {w!r} is in both {out[w]} and {cid}")
            out[w] = cid
    if not isinstance(ignore, (list, type(None))):
        raise RuleError("concepts.yaml: `ignore` must be a list of words")
    for w in ignore or []:
        if not isinstance(w, str) or len(w) < 2 or w in out:
            raise RuleError(f"concepts.yaml: ignore: {w!r} is short, not a string or already a concept word")
        out[w] = ""
    return out


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, lexicon()))


@lru_cache(maxsize=1 << 16)
def tag(text: str) -> tuple[str, ...]:
    """Concept ids a simplified text names, in order: longest member first, left to right, no overlaps."""
    lex, top = lexicon(), _longest()
    text = _QUOTES.sub("", text)  # 落实“三务”公开 names 三务公开
    out, i, n = [], 0, len(text)
    while i < n:
        for k in range(min(top, n - i), 1, -1):
            cid = lex.get(text[i:i + k])
            if cid is not None:
                if cid:  # '' = an ignored name: consumed so its concept word is not read
                    out.append(cid)
                i += k
                break
        else:
            i += 1
    return tuple(out)


def concept_matrix(texts: list[str], ids: dict[str, int]) -> csr_matrix:
    """Binary text x concept matrix (concepts outside `ids` ignored)."""
    rows, cols = [], []
    for r, t in enumerate(texts):
        for c in {ids[x] for x in tag(t) if x in ids}:
            rows.append(r)
            cols.append(c)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(ids)))


def idf_weights(m: csr_matrix) -> np.ndarray:
    """Smoothed IDF per concept column: ln((1 + n) / (1 + df)) + 1."""
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    return np.log((1 + m.shape[0]) / (1 + df)) + 1


def damped_cosine(x: csr_matrix, y: csr_matrix, prior: float) -> np.ndarray:
    """x·y / sqrt((|x|² + prior)(|y|² + prior)): a cosine that a single common concept cannot max out."""
    nx = np.asarray(x.multiply(x).sum(axis=1)).ravel() + prior
    ny = np.asarray(y.multiply(y).sum(axis=1)).ravel() + prior
    dot = (x @ y.T).toarray()
    return dot / np.sqrt(np.outer(nx, ny))


def unit_tokens(side: Side, skip: frozenset[str]) -> list[set[str]]:
    """Per clause, a token per canonical unit of its quantities (户, 平方米, 学时): two clauses that
    count the same thing are about the same measure even in other words. Statistics, and counters
    in `skip` (个, 次: they name no measure), are left out."""
    out: list[set[str]] = [set() for _ in side.units]
    for k, qs in side.by_unit.items():
        for x in qs:
            q = side.quantities[x].quantity
            unit = canonical_unit(q.unit)
            if unit and unit not in skip and q.kind != "statistic":
                out[k].add("unit:" + unit)
    return out


def concept_similarities(a: Side, b: Side, prior: float, units_skip: Optional[frozenset[str]] = None
                         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Concept similarity of every clause pair and of their provisions, and 1 where both clauses name
    concepts but none in common (each len(a.units) x len(b.units)); with `units_skip`, quantity
    units count as concepts of their clauses (unit_tokens)."""
    names = sorted(set(lexicon().values()) - {""})
    extra = [set() for _ in a.units] + [set() for _ in b.units]
    if units_skip is not None:
        extra = unit_tokens(a, units_skip) + unit_tokens(b, units_skip)
        names += sorted(set().union(*extra))
    ids = {c: k for k, c in enumerate(names)}
    units = [u.text for u in a.units] + [u.text for u in b.units]
    cm = concept_matrix(units, ids).tolil()
    for r, toks in enumerate(extra):
        for t in toks:
            cm[r, ids[t]] = 1.0
    cm = cm.tocsr()
    w = idf_weights(cm)
    cm = csr_matrix(cm.multiply(w[None, :]))
    na = len(a.units)
    clause = damped_cosine(cm[:na], cm[na:], prior)
    has_a, has_b = np.diff(cm[:na].indptr) > 0, np.diff(cm[na:].indptr) > 0
    mismatch = np.outer(has_a, has_b) & (clause == 0)  # each names measures, none the same
    prov = []
    for side in (a, b):
        pids = list(side.provisions)
        pm = csr_matrix(concept_matrix([side.provisions[p].text for p in pids], ids).multiply(w[None, :]))
        row = {p: i for i, p in enumerate(pids)}
        prov.append(pm[[row[u.provision_id] for u in side.units]])
    return clause, damped_cosine(prov[0], prov[1], prior), mismatch.astype(float)
