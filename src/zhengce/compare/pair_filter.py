"""Learned filter on aligned pairs: drops the near-miss pairs the calibrated threshold lets through.

align.select keeps every clause pair near the best of its row over the threshold; on documents the
threshold was not tuned on, many kept pairs are a clause's best among unrelated ones (评估结果与补贴挂钩
against 开展能力综合评估). A logistic regression over a kept link's evidence (the score parts, how far
ahead of the row's runner-up it is, whether both clauses carry numbers and how many they share, word
overlap) gives the probability that the annotators would pair the two; a run of links (one reported
Pair) stays when its best link reaches the model's threshold. The model is plain JSON
(models/pair_filter.json, rebuilt by `python -m zhengce.learn.pair_rows` then
`python -m zhengce.learn.train_pairs`); without it, every selected pair stays.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

import numpy as np

from ..rules import RuleError, load_json_model
from .align import Side, sim_text, words

MODEL_PATH = Path(str(resources.files("zhengce").joinpath("models", "pair_filter.json")))
MODEL_KEYS = frozenset({"features", "mean", "scale", "coef", "intercept", "threshold", "trained_on"})
FEATURES = ("clause_cos", "provision_cos", "concept_clause", "concept_provision", "concept_mismatch",
            "gap_to_row_best", "row_best_lead", "log_chars_a", "both_quantities", "quantity_clauses",
            "log_units_b", "number_overlap", "numbers_missing", "word_jaccard")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

Parts = tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]  # clause and provision cosines, concept parts


@lru_cache(maxsize=4)
def load_model(path: Optional[str] = None) -> Optional[dict]:
    """The JSON model (None when absent); unknown keys or another feature list are errors."""
    p = Path(path) if path else MODEL_PATH
    model = load_json_model(p, MODEL_KEYS)
    if model is not None and tuple(model["features"]) != FEATURES:
        raise RuleError(f"{p.name}: built for features {model['features']}, runtime uses {FEATURES}: rebuild it")
    return model


def link_features(a: Side, b: Side, links: list[tuple[int, int, float]], scores: np.ndarray, parts: Parts
                  ) -> np.ndarray:
    """One row of FEATURES per link (i, j, score); `scores` is the combined matrix the links come from."""
    clause, provision, concept = parts
    rows = sorted({i for i, _, _ in links})
    best, lead = {}, {}
    for i in rows:
        r = scores[i]
        best[i] = float(r.max())
        lead[i] = best[i] - (float(np.partition(r, -2)[-2]) if r.size > 1 else 0.0)
    log_units_b = math.log(len(b.units))
    out = np.zeros((len(links), len(FEATURES)))
    for n, (i, j, s) in enumerate(links):
        ta, tb = a.units[i].text, b.units[j].text
        na, nb = set(_NUMBER.findall(ta)), set(_NUMBER.findall(tb))
        wa, wb = _content_words(ta), _content_words(tb)
        qa, qb = i in a.by_unit, j in b.by_unit
        out[n] = (clause[i, j], provision[i, j], concept[0][i, j], concept[1][i, j],
                  concept[2][i, j] if len(concept) > 2 else 0.0, s - best[i], lead[i],
                  math.log1p(len(sim_text(ta).replace(" ", ""))), float(qa and qb), float(qa) + float(qb),
                  log_units_b, len(na & nb) / len(na | nb) if na and nb else 0.0, float(not (na and nb)),
                  len(wa & wb) / len(wa | wb) if wa and wb else 0.0)
    return out


@lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(words(sim_text(text)))


def probabilities(model: dict, x: np.ndarray) -> np.ndarray:
    """P(the annotators pair the two clauses) per row of link features."""
    z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.asarray(model["coef"]) + model["intercept"])))


def link_probabilities(a: Side, b: Side, links: list[tuple[int, int, float]], scores: np.ndarray,
                       parts: Parts) -> Optional[dict[tuple[int, int], float]]:
    """{(i, j): probability} of the selected links, or None without a model (nothing is filtered)."""
    model = load_model()
    if model is None or not links:
        return None
    p = probabilities(model, link_features(a, b, links, scores, parts))
    return {(i, j): float(v) for (i, j, _), v in zip(links, p)}
