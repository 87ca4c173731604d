"""A second opinion on a responsibility's role: a linear model over the duty's characters, the record's clause
and the role the grammar gave (SPEC: `role`).

The grammar (duties.yaml markers) reads the role off one word; annotators judge the whole duty (作出复核决定,
完成初审 and 予以通报 are `oversee` though no marker opens them). The model is plain JSON (models/role.json,
rebuilt by `python -m zhengce.learn.train_role` from the checkset's hand-annotated roles): an intercept and a
weight vector per role for each feature, so prediction needs no scikit-learn. Without the file the grammar's
role stands.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..rules import RuleError, load_json_model
from .actors import ROLES
from .resp_receipt import is_receipt

MODEL_KEYS = frozenset({"version", "roles", "intercept", "weights", "cv_accuracy", "n_train", "min_count", "note"})
# zhengce/models links to the repository's models/ (so a wheel ships it)
MODEL_PATH = Path(str(resources.files("zhengce").joinpath("models", "role.json")))


def features(rule_role: str, duty: str, clause: str) -> list[str]:
    """The grammar's role, the duty's character uni- and bigrams and the clause's bigrams (shared with training)."""
    clause = clause.replace("\n", "")
    if is_receipt(duty):
        duty = clause  # (a receipt's duty is worded by the grammar, not the document: its clause speaks for it)
    return ["r:" + rule_role, *("d:" + c for c in set(duty)), *("d:" + a + b for a, b in set(zip(duty, duty[1:]))),
            *("q:" + a + b for a, b in set(zip(clause, clause[1:])))]


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    """The JSON model (None when absent); unknown keys or roles are an error."""
    p = Path(path) if path else MODEL_PATH
    model = load_json_model(p, MODEL_KEYS)
    if model is not None and sorted(model["roles"]) != sorted(ROLES):
        raise RuleError(f"{p.name}: roles {model['roles']} are not the record model's {list(ROLES)}: rebuild it")
    return model


# A lead the grammar read off SPEC's own lead markers (负责, 牵头, 主体责任, 任组长) stands: the model's changes of
# it were right no more often than wrong in cross-validation, and the one on the seeds was wrong.
KEPT = frozenset({"lead"})


def stands(rule_role: str, duty: str) -> bool:
    """Whether the grammar's role stands unasked: a KEPT role, or a body reported to (its duty 接收/听取/受理 + the
    matter is worded by the grammar, not the document, so its characters tell the model nothing)."""
    return rule_role in KEPT or rule_role == "oversee" and is_receipt(duty)


def apply(model_role: str, rule_role: str, duty: str = "") -> str:
    """The role a record gets: the grammar's where it is one the model does not override, else the model's."""
    return rule_role if stands(rule_role, duty) else model_role


def predict(rule_role: str, duty: str, clause: str, model: dict | None = None) -> str:
    """The role one record gets (the grammar's when no model is shipped)."""
    model = model if model is not None else load_model()
    if model is None or stands(rule_role, duty):
        return rule_role
    get = model["weights"].get
    found = [w for f in features(rule_role, duty, clause) if (w := get(f)) is not None]
    # (the weights summed a role at a time: one sum() per role, not a Python add per feature and role)
    scores = [b + sum(col) for b, col in zip(model["intercept"], zip(*found))] if found else model["intercept"]
    return model["roles"][max(range(len(scores)), key=scores.__getitem__)]


def refine_roles(matches: Iterable[Any], text: str) -> list[Any]:
    """ResponsibilityMatches of one provision (`text`) with the model's role; the grammar's where no model."""
    model = load_model()
    if model is None:
        return list(matches)
    out = []
    for m in matches:
        role = predict(m.role, m.duty or "", text[m.start:m.end], model)
        out.append(m if role == m.role else replace(m, role=role))
    return out
