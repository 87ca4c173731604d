"""Provision alignment: clause units, TF-IDF similarity (characters 2-4 + words), quantity evidence.

A provision often sets several measures, one a clause, so the unit of alignment is the
clause (split at , ; : 。 outside quotes and brackets). A clause pair is scored by the
cosine of the two clauses and of their two provisions (context), plus a bonus when both
hold a quantity of the same unit on the same basis, plus the overlap of the policy concepts
they name (compare.concepts); pairs under the calibrated threshold are "no match"
(data/zh/compare.yaml, work notes diff.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

import numpy as np
import rjieba
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_rows

from ..records import Provision, Quantity
from ..rules import RuleError, load_yaml
from ..text.normalize import fold

SETTINGS_KEYS = frozenset({
    "threshold", "check_threshold", "threshold_one_sided", "margin", "margin_b", "clause_weight", "quantity_bonus", "min_clause_chars", "short_clause", "min_compat", "alone_units",
    "concept_weight", "concept_clause_weight", "concept_prior", "concept_mismatch", "concept_units",
    "concept_units_skip",
    "generic_terms", "per_scales", "per_time", "per_time_same", "per_prefix", "rate_bases", "people_bases",
    "unit_aliases", "cap_cues"})
_OPEN, _CLOSE = "“《(「『‘[【", "”》)」』’]】"
_CLAUSE_END = ",;:。!?"
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """data/zh/compare.yaml (every key required; unknown keys or duplicated words are errors)."""
    cfg = load_yaml("compare", SETTINGS_KEYS)
    for key in ("generic_terms", "per_time", "per_prefix", "rate_bases", "cap_cues", "concept_units_skip"):
        dup = {w for w in cfg[key] if cfg[key].count(w) > 1}
        if dup:
            raise RuleError(f"compare.yaml: {key} repeats {sorted(dup)}")
    return cfg


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause of a provision: the unit of alignment; start/end index the source text."""

    source: str
    doc_id: str
    provision_id: str
    start: int
    end: int
    text: str  # normalized (simplified) clause text


@dataclass(frozen=True, slots=True)
class QuantityRef:
    """A quantity with the clause it sits in and the clause text before it (its local subject)."""

    quantity: Quantity
    unit: int
    context: str


@dataclass(slots=True)
class Side:
    """One side of a comparison: its clause units, provisions, quantities and jurisdictions."""

    units: list[Unit] = field(default_factory=list)
    provisions: dict[str, Provision] = field(default_factory=dict)
    quantities: list[QuantityRef] = field(default_factory=list)
    jurisdictions: dict[str, Optional[str]] = field(default_factory=dict)  # doc_id -> place
    by_unit: dict[int, list[int]] = field(default_factory=dict)  # unit -> quantity indexes

    def add_provision(self, provision: Provision, folded_source: str, quantities: list[Quantity]) -> None:
        """Split a provision into clause units and attach its quantities to them.
        `folded_source`: the source text through fold_source (same length as the source)."""
        self.provisions[provision.provision_id] = provision
        first = len(self.units)
        text = provision.text
        pos = source_positions(folded_source[provision.start:provision.end], text)
        spans = clause_spans(text, settings()["min_clause_chars"])
        for s, e in spans:
            self.units.append(Unit(provision.source, provision.doc_id, provision.provision_id,
                                   provision.start + pos[s], provision.start + pos[e - 1] + 1, text[s:e]))
        # normalized [start, end) of each quantity inside the provision text
        at = [(_index_at(pos, q.start - provision.start), _index_at(pos, q.end - provision.start), q)
              for q in sorted(quantities, key=lambda q: q.start)]
        for n, (qs, qe, q) in enumerate(at):
            k = next((i for i, (s, e) in enumerate(spans) if s <= qs < e), len(spans) - 1)
            left = max(spans[k][0], at[n - 1][1] if n else 0)
            right = min([spans[k][1]] + ([at[n + 1][0]] if n + 1 < len(at) else [])
                        + [i for i in range(qe, spans[k][1]) if text[i] in "、,;"][:1])
            context = sim_text(text[left:qs] + " " + text[qe:max(qe, right)])
            self.by_unit.setdefault(first + k, []).append(len(self.quantities))
            self.quantities.append(QuantityRef(q, first + k, context))


def clause_spans(text: str, min_chars: int = 6) -> list[tuple[int, int]]:
    """Clause [start, end) spans of a provision text; short pieces join a neighbour."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _CLAUSE_END and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    elif spans:
        spans[-1] = (spans[-1][0], len(text))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (_content_len(text[s:e]) < min_chars or _content_len(text[slice(*merged[-1])]) < min_chars):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged or [(0, len(text))]


def _content_len(s: str) -> int:
    return len(_NOT_TEXT.sub("", s))


def fold_source(src: str) -> str:
    """The source with script, widths and punctuation folded as normalization does (same length)."""
    return fold(src.replace("\r\n", " \n").replace("\r", "\n")) if src else ""


def source_positions(folded: str, text: str) -> list[int]:
    """For each char of normalized `text`, its offset in the folded source slice (normalization
    only folds or deletes characters, so the text is a subsequence of the folded source)."""
    out, j = [], 0
    for ch in text:
        k = folded.find(ch, j, j + 16)
        if k < 0:  # an entity or a changed phrase: stay in step
            k = min(j, max(len(folded) - 1, 0))
        out.append(k)
        j = k + 1
    return out or [0]


def _index_at(pos: list[int], offset: int) -> int:
    """First normalized index whose source offset (relative) is at or after `offset`."""
    return next((i for i, p in enumerate(pos) if p >= offset), len(pos))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(settings()["generic_terms"])


@lru_cache(maxsize=1 << 16)
def is_generic(word: str) -> bool:
    """A generic policy word, or a compound of two (良好氛围 = 良好 + 氛围)."""
    generic = _generic()
    return word in generic or any(word[:k] in generic and word[k:] in generic for k in range(1, len(word)))


@lru_cache(maxsize=1 << 18)  # a text is cleaned for fitting, transforming and shrinking alike
def sim_text(text: str) -> str:
    """What similarity looks at: words without numbers, punctuation and generic policy words."""
    return "".join(" " if is_generic(w) else w for w in rjieba.cut(_NOT_TEXT.sub(" ", text))).strip()


@lru_cache(maxsize=1 << 18)
def words(text: str) -> tuple[str, ...]:
    """Word tokens (rjieba) of two or more characters."""
    return tuple(w for w in rjieba.cut(text) if len(w) > 1 and not _NOT_TEXT.search(w))


class Vectorizer:
    """TF-IDF over character 2-4-grams plus words; both halves L2-normalized, then the sum."""

    def __init__(self, min_df: int = 1):
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=min_df)
        self.words = TfidfVectorizer(analyzer=words, sublinear_tf=True, min_df=min_df)

    def fit(self, texts: list[str]) -> "Vectorizer":
        """Fit both vocabularies and IDF weights."""
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: list[str]) -> csr_matrix:
        """Fit, and return the rows of `texts` (one pass over the n-grams)."""
        cleaned = [sim_text(t) for t in texts]
        return self._join(self.chars.fit_transform(cleaned), self.words.fit_transform(cleaned))

    def transform(self, texts: list[str]) -> csr_matrix:
        """Rows of unit length (sparse)."""
        cleaned = [sim_text(t) for t in texts]
        return self._join(self.chars.transform(cleaned), self.words.transform(cleaned))

    @staticmethod
    def _join(chars: csr_matrix, words_: csr_matrix) -> csr_matrix:
        return l2_rows(hstack([l2_rows(chars), l2_rows(words_)]).tocsr())

    def idf_of(self, word: str) -> float:
        """IDF of a word (0 when unseen): ranks shared terms in explanations."""
        k = self.words.vocabulary_.get(word)
        return float(self.words.idf_[k]) if k is not None else 0.0

    def state(self) -> dict[str, Any]:
        """Vocabularies (JSON) and IDF arrays (npz): enough to rebuild without pickle."""
        return {"char_vocab": {k: int(v) for k, v in self.chars.vocabulary_.items()},
                "word_vocab": {k: int(v) for k, v in self.words.vocabulary_.items()},
                "char_idf": self.chars.idf_, "word_idf": self.words.idf_}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> "Vectorizer":
        """Rebuild a fitted vectorizer from `state()`."""
        v = cls()
        for part, key in ((v.chars, "char"), (v.words, "word")):
            part.vocabulary_ = dict(state[f"{key}_vocab"])
            part.idf_ = np.asarray(state[f"{key}_idf"], dtype=float)
        return v


def side_vectors(vec: Vectorizer, side: Side, fitted: Optional[csr_matrix] = None
                 ) -> tuple[csr_matrix, csr_matrix, np.ndarray]:
    """Clause rows, provision rows (one per provision) and each clause's provision row; both shrunk
    when short. `fitted`: rows of vec.fit_transform(units + provisions), so nothing is transformed twice."""
    pids = list(side.provisions)
    row = {p: i for i, p in enumerate(pids)}
    units = [u.text for u in side.units]
    provs = [side.provisions[p].text for p in pids]
    if fitted is None:
        fitted = vec.transform(units + provs)
    take = np.array([row[u.provision_id] for u in side.units], dtype=np.int64)
    return _shrunk(fitted[:len(units)], units), _shrunk(fitted[len(units):], provs), take


def unit_vectors(vec: Vectorizer, side: Side, fitted: Optional[csr_matrix] = None) -> tuple[csr_matrix, csr_matrix]:
    """Clause vectors and, row for row, the vectors of their provisions."""
    clause, prov, take = side_vectors(vec, side, fitted)
    return clause, prov[take]


def fit_vectors(side: Side, min_df: int = 1, also: Optional[Side] = None) -> tuple[Vectorizer, csr_matrix, int]:
    """A vectorizer fitted on the units and provisions of a side (and of `also`), and the fitted rows."""
    texts = [u.text for u in side.units] + [p.text for p in side.provisions.values()]
    extra = [u.text for u in also.units] + [p.text for p in also.provisions.values()] if also else []
    vec = Vectorizer(min_df=min_df)
    return vec, vec.fit_transform(texts + extra), len(texts)


def _shrunk(m: csr_matrix, texts: list[str]) -> csr_matrix:
    """Rows scaled by sqrt(n / (n + short_clause)), n = content characters."""
    k = settings()["short_clause"]
    if not k:
        return m
    n = np.array([len(sim_text(t).replace(" ", "")) for t in texts], dtype=float)
    return csr_matrix(diags(np.sqrt(n / np.maximum(n + k, 1e-9))) @ m)


def similarities(va: tuple[csr_matrix, csr_matrix], vb: tuple[csr_matrix, csr_matrix]) -> tuple[np.ndarray, np.ndarray]:
    """Cosines of clause pairs and of their provisions (dense, len(a) x len(b) each)."""
    return (va[0] @ vb[0].T).toarray(), (va[1] @ vb[1].T).toarray()


def combine(clause: np.ndarray, provision: np.ndarray, evidence: Optional[np.ndarray] = None,
            concept: Optional[tuple[np.ndarray, ...]] = None) -> np.ndarray:
    """The clause-pair score: weighted cosines, plus the quantity bonus and the concept overlap, less
    the concept mismatch (`concept`: compare.concepts.concept_similarities)."""
    cfg = settings()
    s = cfg["clause_weight"] * clause + (1 - cfg["clause_weight"]) * provision
    if evidence is not None:
        s = s + cfg["quantity_bonus"] * evidence
    if concept is not None and cfg["concept_weight"]:
        k = cfg["concept_clause_weight"]
        s = s + cfg["concept_weight"] * (k * concept[0] + (1 - k) * concept[1])
    if concept is not None and len(concept) > 2 and cfg["concept_mismatch"]:
        s = s - cfg["concept_mismatch"] * concept[2]
    return s


def quantity_evidence(a: Side, b: Side) -> np.ndarray:
    """Per clause pair, the best compatibility of their quantities (0 below `min_compat`)."""
    out = np.zeros((len(a.units), len(b.units)))
    floor = settings()["min_compat"]
    for i, qis in a.by_unit.items():
        for j, qjs in b.by_unit.items():
            best = max(compat(a.quantities[x], b.quantities[y]) for x in qis for y in qjs)
            if best >= floor:
                out[i, j] = best
    return out


def select(scores: np.ndarray) -> list[tuple[int, int, float]]:
    """Clause pairs near the best score of the A clause (within `margin`) and of the B clause
    (within `margin_b`) over `threshold`, or near the A clause's best over `threshold_one_sided`."""
    if scores.size == 0:
        return []
    cfg = settings()
    near_a = scores >= scores.max(axis=1, keepdims=True) - cfg["margin"]
    near_b = scores >= scores.max(axis=0, keepdims=True) - cfg["margin_b"]
    ok = near_a & ((near_b & (scores >= cfg["threshold"])) | (scores >= cfg["threshold_one_sided"]))
    return [(int(i), int(j), float(scores[i, j])) for i, j in zip(*np.nonzero(ok))]


# --- quantity evidence -------------------------------------------------------------------

def canonical_unit(unit: Optional[str]) -> Optional[str]:
    """The unit after aliases (名 -> 人); None stays None."""
    return settings()["unit_aliases"].get(unit, unit) if unit else unit


def per_key(per: Optional[str]) -> tuple[Optional[int], str, bool]:
    """(scale, basis, counts people) of a per phrase: 每百户居民 -> (100, '户居民', True);
    每个社区每年 -> (None, '社区', False); 人均 -> (1, '人', True)."""
    if not per:
        return None, "", False
    cfg = settings()
    text = re.sub(r"\([^()]*\)", "", per)  # 村(居)民 -> 村民
    for t in sorted(cfg["per_time"], key=len, reverse=True):
        text = text.replace(t, "")
    if not text:  # a time basis only (每年, 每季度): a frequency, not a rate of anything counted
        return None, "", False
    scale = None
    if text.endswith("均") and len(text) <= 3:  # 人均, 户均
        scale, text = 1, text[:-1]
    for p in sorted(cfg["per_prefix"], key=len, reverse=True):
        if text.startswith(p):
            text = text[len(p):]
            break
    for word, n in sorted(cfg["per_scales"].items(), key=lambda kv: -len(kv[0])):
        if text.startswith(word):
            scale, text = int(n), text[len(word):]
            break
    is_rate = any(text.endswith(b) for b in cfg["rate_bases"]) or (not text and per.startswith("每"))
    return scale, text, is_rate


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams inside words (0 when either has none)."""
    ga = {w[i:i + 2] for w in a.split() for i in range(len(w) - 1)}
    gb = {w[i:i + 2] for w in b.split() for i in range(len(w) - 1)}
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def frequency(per: Optional[str]) -> tuple[str, ...]:
    """The time words of a per phrase, one spelling each: 每人每年 -> ('每年',); 每天 -> ('每日',); 每个社区 -> ()."""
    same = settings()["per_time_same"]
    return tuple(same.get(w, w) for w in _time_words().findall(per)) if per else ()


@lru_cache(maxsize=1)
def _time_words() -> re.Pattern:
    """The per_time words, longest first (compared for every pair of quantities)."""
    return re.compile("|".join(map(re.escape, sorted(settings()["per_time"], key=len, reverse=True))))


def _people(basis: str) -> bool:
    """Whether a per basis counts people (人, 网格员, 党员, 老年人)."""
    return basis.endswith(tuple(settings()["people_bases"]))


def per_compat(pa: Optional[str], pb: Optional[str]) -> float:
    """1 for the same basis, 0 for incompatible ones (每万人口 vs 每个社区, 每年 vs 每季度), partial
    in between. The frequency (每年) and the counted basis (每个社区, 每百户) are compared apart."""
    fa, fb = frequency(pa), frequency(pb)
    if fa and fb and fa != fb:
        return 0.0
    (sa, ba, ra), (sb, bb, rb) = per_key(pa), per_key(pb)
    if not (ba or sa) and not (bb or sb):  # frequencies only: 每年 vs 每年, or vs one left implied
        return 1.0 if fa == fb else 0.9
    if sa or sb or (ra and rb):  # a rate: scale and counted basis must agree
        same_basis = set(ba) & set(bb) or _people(ba) and _people(bb)  # (每人 ~ 每名网格员)
        return 1.0 if ra == rb and (sa or 1) == (sb or 1) and same_basis else 0.0
    if not ba or not bb:  # 每个社区 / 每人 vs none: the basis usually restates the subject
        return 0.9
    return 1.0 if ba == bb else 0.4 + 0.6 * bigram_dice(ba, bb)  # (每餐 = 每餐: one character has no bigram)


def compat(x: QuantityRef, y: QuantityRef, *, within_pair: bool = False) -> float:
    """How surely two quantities state the same measure: 0 (never) .. 1. `within_pair`: the two
    clauses are already matched, so a compatible stated basis (每人每月 vs 每月) counts as evidence
    too; as evidence for matching clauses it needs the very same basis."""
    qa, qb = x.quantity, y.quantity
    if not qa.unit or canonical_unit(qa.unit) != canonical_unit(qb.unit) or qa.unit == "ratio":
        return 0.0
    if {direction(qa), direction(qb)} == {"up", "down"}:
        return 0.0
    basis = per_compat(qa.per, qb.per)
    if basis == 0.0:
        return 0.0
    subj = max(bigram_dice(sim_text(qa.subject or ""), sim_text(qb.subject or "")), bigram_dice(x.context, y.context),
               0.5 if qa.per and qb.per and basis >= (0.9 if within_pair else 1.0) else 0.0)
    return basis * (0.25 + 0.75 * subj)


def direction(q: Quantity) -> Optional[str]:
    """'up' for floors (>= >), 'down' for caps (<= <), None otherwise (=, ~, range)."""
    return {">=": "up", ">": "up", "<=": "down", "<": "down"}.get(q.comparator)
