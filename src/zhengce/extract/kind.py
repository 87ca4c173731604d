"""Requirement vs statistic: a linear model over char n-grams and modality cues (SPEC: `kind`).

The model is plain JSON (models/kind.json, rebuilt by `python -m zhengce.learn.train_kind`):
an intercept and one weight per feature, so prediction needs no scikit-learn. The
local clause adds the modality cues of kind_cues.yaml (应 要 不少于 … vs 了 已 共 先后 …),
and a comparator that bounds the number (>=, <=, <, range) counts as a norm.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources
from itertools import repeat
from math import fsum
from operator import add
from pathlib import Path

from ..rules import RuleError, alternation, load_json_model, load_yaml
from .memo import text_cache

SCHEMA = frozenset({"requirement", "statistic", "cue_weight", "default", "bound_weight", "norm_bounds",
                    "plan_heading", "plan_heading_not", "report_heading", "plan_title"})
# the clause breaks of quantity_context.CLAUSE_END (a quantity's clause lies between two of them)
_BREAKS = ",;:。!?\n"
NGRAMS = (1, 2)  # unigrams and bigrams: features() and _sentence_score build exactly these
MODEL_KEYS = frozenset({"version", "ngrams", "intercept", "weights", "cv_accuracy", "n_train", "note"})
# zhengce/models links to the repository's models/ (so a wheel ships it); without it, cues alone decide
MODEL_PATH = Path(str(resources.files("zhengce").joinpath("models", "kind.json")))


@lru_cache(maxsize=1)
def cues() -> dict:
    """kind_cues.yaml with its cue words compiled into one regex per kind."""
    data = dict(load_yaml("kind_cues", SCHEMA))
    if data["default"] not in ("requirement", "statistic"):
        raise RuleError("kind_cues.yaml: default must be requirement or statistic")
    for key in ("requirement", "statistic"):  # longest first; no first-character gate: it would stop findall's
        words = sorted(data[key], key=len, reverse=True)  # own skip to likely starts (1.5x slower here)
        data[key + "_re"] = re.compile(alternation([re.escape(w) for w in words], key))
    # whether a clause's cues can be read off its sentence's (see _clause_score)
    data["clause_safe"] = not any(ch in _BREAKS for w in data["requirement"] + data["statistic"] for ch in w)
    data["norm_bounds"] = tuple(data["norm_bounds"])
    data["plan_heading_re"] = re.compile(data["plan_heading"])
    data["plan_heading_not_re"] = re.compile(data["plan_heading_not"])
    data["report_heading_re"] = re.compile(data["report_heading"])
    data["plan_title_re"] = re.compile(data["plan_title"])
    return data


def features(text: str) -> set[str]:
    """Char n-grams of `text` plus one token per modality cue it holds (shared with training)."""
    # map keeps the n-gram loop in C; NGRAMS is (1, 2), as _sentence_score assumes
    feats = set(text)
    feats.update(map(add, text, text[1:]))
    c = cues()
    feats.update("R:" + m.group() for m in c["requirement_re"].finditer(text))
    feats.update("S:" + m.group() for m in c["statistic_re"].finditer(text))
    return feats


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    """The JSON model (None when absent); unknown keys are an error."""
    p = Path(path) if path else MODEL_PATH
    model = load_json_model(p, MODEL_KEYS)
    if model is not None and tuple(model.get("ngrams", NGRAMS)) != NGRAMS:
        raise RuleError(f"{p.name}: built for n-grams {model['ngrams']}, runtime uses {NGRAMS}: rebuild it")
    return model


def quantity_features(sentence: str, clause: tuple[int, int], number_start: int, comparator: str,
                      per: str | None, unit: str | None, value: float | None) -> set[str]:
    """Features of one quantity in its sentence: own-clause cues, comparator, basis, unit, roundness."""
    feats = set(_clause_cues(sentence[clause[0]:clause[1]]))
    feats.update(("Q:cmp:" + comparator, "Q:unit:" + (unit or "-"),
                  "Q:left:" + sentence[max(clause[0], number_start - 2):number_start]))
    if per:
        feats.add("Q:per:" + per[:1])
    if value is not None:
        # norms use round or small numbers; reports give exact counts (233个, 63.7%)
        feats.add("Q:num:" + ("decimal" if value != int(value) else "small" if value <= 10
                              else "round" if value % 5 == 0 else "exact"))
    return feats


def score(feats: set[str], model: dict | None = None) -> float:
    """Log-odds of requirement for a feature set (model if loaded, else cue counts and bounds)."""
    model = model if model is not None else load_model()
    if model is None:
        c = cues()
        s = sum(1 for f in feats if f.startswith(("R:", "L:R:"))) - sum(
            1 for f in feats if f.startswith(("S:", "L:S:")))
        bound = any(f in feats for f in ("Q:cmp:>=", "Q:cmp:<=", "Q:cmp:<", "Q:cmp:range"))
        return c["cue_weight"] * s + c["bound_weight"] * bound + (0.5 if c["default"] == "requirement" else -0.5)
    # fsum is exactly rounded: the score does not depend on the set's (hash-seeded) order
    return model["intercept"] + fsum(map(model["weights"].get, feats, repeat(0.0)))


@text_cache(256)
def _clause_cues(local: str) -> tuple[str, ...]:
    """The modality cues of one clause as L:R:/L:S: features (cached: a clause often holds several numbers)."""
    c = cues()
    return (*("L:R:" + m.group() for m in c["requirement_re"].finditer(local)),
            *("L:S:" + m.group() for m in c["statistic_re"].finditer(local)))


def sentence_kind(sentence: str) -> str:
    """requirement | statistic for a whole sentence (no quantity features)."""
    return "requirement" if score(features(sentence)) > 0 else "statistic"


def classify(sentence: str, clause: tuple[int, int], number_start: int, comparator: str,
             per: str | None, unit: str | None, value: float | None) -> str:
    """Kind of one quantity: sentence n-grams and cues plus its own clause and number features."""
    fixed = _fixed_point()
    if fixed is None:
        qf = quantity_features(sentence, clause, number_start, comparator, per, unit, value)
        return "requirement" if score(features(sentence) | qf) > 0 else "statistic"
    # the same sum as over quantity_features(): the sentence part is shared by all its quantities and
    # the clause cues by all of the clause's (both cached); the Q: features are distinct by prefix, so
    # each is added once, as the set would (speed: no set per quantity)
    q = _quantity_weights()  # by feature name without its Q:cmp: (…) prefix: no string built per quantity
    s = (_sentence_score(sentence) + _clause_score(sentence, *clause)
         + q["cmp"].get(comparator, 0) + q["unit"].get(unit or "-", 0)
         + q["left"].get(sentence[max(clause[0], number_start - 2):number_start], 0))
    if per:
        s += q["per"].get(per[:1], 0)
    if value is not None:
        s += q["num"].get("decimal" if value != int(value) else "small" if value <= 10
                          else "round" if value % 5 == 0 else "exact", 0)
    return "requirement" if s > 0 else "statistic"


@lru_cache(maxsize=1)
def _quantity_weights() -> dict[str, dict[str, int]]:
    """The fixed-point weights of the Q: features, {"cmp": {">=": w}, "unit": …, "left", "per", "num"}."""
    tables: dict[str, dict[str, int]] = {"cmp": {}, "unit": {}, "left": {}, "per": {}, "num": {}}
    for f, w in _fixed_point()[1].items():
        if f.startswith("Q:"):
            group, _, value = f[2:].partition(":")
            tables.setdefault(group, {})[value] = w
    return tables


@text_cache(256)
def _clause_score(sentence: str, start: int, end: int) -> int:
    """The fixed-point weight of the distinct modality cues (L:R:/L:S: features) of one clause."""
    c = cues()
    if c["clause_safe"] and (start == 0 or sentence[start - 1] in _BREAKS) and (
            end == len(sentence) or sentence[end] in _BREAKS):
        # no cue word spans a clause break, so the clause's cues are the sentence's that lie in it
        feats = {f for s, e, f in _cue_matches(sentence) if start <= s and e <= end}
        return sum(map(_cue_weights()[1].__getitem__, feats))  # as L:R:/L:S: features
    return sum(map(_fixed_point()[1].get, set(_clause_cues(sentence[start:end])), repeat(0)))


@text_cache(64)
def _cue_matches(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """The cue words of a sentence as (start, end, R:word or S:word)."""
    c = cues()
    # list comprehensions, not generators unpacked into the tuple: once per sentence (speed)
    return tuple([(m.start(), m.end(), "R:" + m.group()) for m in c["requirement_re"].finditer(sentence)]
                 + [(m.start(), m.end(), "S:" + m.group()) for m in c["statistic_re"].finditer(sentence)])


@lru_cache(maxsize=1)
def _cue_weights() -> tuple[dict[str, int], dict[str, int]]:
    """The fixed-point weights of each cue feature of _cue_matches (R:word, S:word): as a sentence
    feature, and as the clause feature L:R:word (a small table: no string built per clause cue)."""
    weights, c = _fixed_point()[1], cues()
    feats = [f"{tag}:{w}" for tag, key in (("R", "requirement"), ("S", "statistic")) for w in c[key]]
    return ({f: weights.get(f, 0) for f in feats}, {f: weights.get("L:" + f, 0) for f in feats})


# The model's weights are stored with 5 decimals (learn/train_kind.ROUND): as integers in units of
# 1e-5 their sum is exact whatever the (hash-seeded) order of the set, and much faster than fsum.
FIXED_POINT = 100_000


@lru_cache(maxsize=4)
def _fixed_point(path: str | None = None) -> tuple[int, dict[str, int], dict[str, int]] | None:
    """(intercept, weights, bigram weights) of the model as integers in units of 1/FIXED_POINT."""
    model = load_model(path)
    if model is None:
        return None
    weights = {f: round(w * FIXED_POINT) for f, w in model["weights"].items()}
    return round(model["intercept"] * FIXED_POINT), weights, {f: w for f, w in weights.items() if len(f) == 2}


@text_cache(1024)
def _sentence_score(sentence: str) -> int:
    """The intercept plus the weights of features(sentence), in fixed point (cached per sentence).

    Unigrams (1 char), bigrams (2 chars) and cue tokens (R:/S: + word, >= 3 chars) never collide, so
    each kind is summed on its own: cheaper than building their union as features() does.
    """
    cue_feats = {f for _, _, f in _cue_matches(sentence)}
    return _fixed_point()[0] + _ngram_score(sentence) + sum(map(_cue_weights()[0].__getitem__, cue_feats))


_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"


def _ngram_score(sentence: str) -> int:
    """The weights of the distinct characters and bigrams of `sentence`.

    Read as UTF-16 code units through a memoryview, the characters and bigrams become ints (2 and
    4 bytes) without one string object per n-gram (speed); text outside the BMP takes the plain way.
    """
    b = sentence.encode(_UTF16, "surrogatepass")
    if len(b) != 2 * len(sentence) or len(sentence) < 2:
        _, weights, bigrams = _fixed_point()
        return (sum(map(weights.get, set(sentence), repeat(0)))
                + sum(map(bigrams.get, set(map(add, sentence, sentence[1:])), repeat(0))))
    units, pairs = _code_tables()
    view = memoryview(b)
    grams = set(view[:len(b) & ~3].cast("I"))  # the pairs starting at even positions
    grams.update(view[2:2 + ((len(b) - 2) & ~3)].cast("I"))  # and at odd ones
    # one-argument maps: a list indexed by code unit, and get() whose None (unknown pair) filter drops
    return sum(map(units.__getitem__, set(view.cast("H")))) + sum(filter(None, map(pairs.get, grams)))


@lru_cache(maxsize=1)
def _code_tables() -> tuple[list[int], dict[int, int]]:
    """The model's BMP unigram weights by UTF-16 code unit (0 when none) and bigram weights keyed by
    their two code units as one int."""
    _, weights, bigrams = _fixed_point()
    shift = (0, 16) if sys.byteorder == "little" else (16, 0)
    units = [0] * 0x10000
    for f, w in weights.items():
        if len(f) == 1 and ord(f) < 0x10000:
            units[ord(f)] = w
    pairs = {ord(f[0]) << shift[0] | ord(f[1]) << shift[1]: w for f, w in bigrams.items()
             if ord(f[0]) < 0x10000 and ord(f[1]) < 0x10000}
    return units, pairs
