"""Requirement vs statistic: a linear model over char n-grams and modality cues (SPEC: `kind`).

The model is plain JSON (models/kind.json, rebuilt by `python -m zhengce.learn.train_kind`):
an intercept and one weight per feature, so prediction needs no scikit-learn. The
local clause adds the modality cues of kind_cues.yaml (应 要 不少于 … vs 了 已 共 先后 …),
and a comparator that bounds the number (>=, <=, <, range) counts as a norm.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from itertools import repeat
from math import fsum
from pathlib import Path

from ..rules import RuleError, load_yaml
from .quantity_rules import gated_alt

SCHEMA = frozenset({"requirement", "statistic", "cue_weight", "default", "bound_weight"})
NGRAMS = (1, 2)
MODEL_KEYS = frozenset({"version", "ngrams", "intercept", "weights", "cv_accuracy", "n_train", "note"})
# zhengce/models links to the repository's models/ (so a wheel ships it); without it, cues alone decide
MODEL_PATH = Path(str(resources.files("zhengce").joinpath("models", "kind.json")))


@lru_cache(maxsize=1)
def cues() -> dict:
    """kind_cues.yaml with its cue words compiled into one regex per kind."""
    data = dict(load_yaml("kind_cues", SCHEMA))
    if data["default"] not in ("requirement", "statistic"):
        raise RuleError("kind_cues.yaml: default must be requirement or statistic")
    for key in ("requirement", "statistic"):
        data[key + "_re"] = re.compile(gated_alt(data[key], key))
    return data


def features(text: str) -> set[str]:
    """Char n-grams of `text` plus one token per modality cue it holds (shared with training)."""
    # zip/map keep the n-gram loop in C (this runs once per sentence holding a number)
    feats = set(text) if 1 in NGRAMS else set()
    for n in NGRAMS:
        if n > 1:
            feats.update(map("".join, zip(*(text[i:] for i in range(n)))))
    c = cues()
    feats.update("R:" + m.group() for m in c["requirement_re"].finditer(text))
    feats.update("S:" + m.group() for m in c["statistic_re"].finditer(text))
    return feats


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    """The JSON model (None when absent); unknown keys are an error."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    unknown = set(model) - MODEL_KEYS
    if unknown:
        raise RuleError(f"{p.name}: unknown keys {sorted(unknown)}")
    if tuple(model.get("ngrams", NGRAMS)) != NGRAMS:
        raise RuleError(f"{p.name}: built for n-grams {model['ngrams']}, runtime uses {NGRAMS}: rebuild it")
    return model


def quantity_features(sentence: str, clause: tuple[int, int], number_start: int, comparator: str,
                      per: str | None, unit: str | None, value: float | None) -> set[str]:
    """Features of one quantity in its sentence: own-clause cues, comparator, basis, unit, roundness."""
    c = cues()
    local = sentence[clause[0]:clause[1]]
    feats = {"L:R:" + m.group() for m in c["requirement_re"].finditer(local)}
    feats.update("L:S:" + m.group() for m in c["statistic_re"].finditer(local))
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


def sentence_kind(sentence: str) -> str:
    """requirement | statistic for a whole sentence (no quantity features)."""
    return "requirement" if score(features(sentence)) > 0 else "statistic"


def classify(sentence: str, clause: tuple[int, int], number_start: int, comparator: str,
             per: str | None, unit: str | None, value: float | None) -> str:
    """Kind of one quantity: sentence n-grams and cues plus its own clause and number features."""
    qf = quantity_features(sentence, clause, number_start, comparator, per, unit, value)
    model = load_model()
    if model is None:
        return "requirement" if score(features(sentence) | qf) > 0 else "statistic"
    # the sentence part is shared by all its quantities: summed once (quantity features are prefixed
    # L:/Q:, so they never collide with the sentence's n-grams and cue tokens)
    s = _sentence_score(sentence) + fsum(map(model["weights"].get, qf, repeat(0.0)))
    return "requirement" if s > 0 else "statistic"


@lru_cache(maxsize=1024)
def _sentence_score(sentence: str) -> float:
    return score(features(sentence))
