"""Rebuild models/kind.json: requirement vs statistic over char n-grams and modality cues.

    python -m zhengce.learn.train_kind [--corpus corpus/labels] [--out models/kind.json]

Reads corpus/labels/kind.tsv (corpus sentences), kind_extra.tsv (synthetic ones) and kind_checkset.tsv
(sentences of tests/checkset documents labelled from their hand gold),
fits a scikit-learn LogisticRegression on `extract.kind.features`, reports 5-fold
cross-validated accuracy and writes the weights as JSON (never a pickle), so the
runtime scores sentences without importing scikit-learn.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..extract.kind import MODEL_PATH, NGRAMS, features, quantity_features
from ..extract.quantities import find_quantities
from ..extract.quantity_context import clause
from ..output.writers import atomic_write_text

LABELS = ("requirement", "statistic")
FILES = ("kind.tsv", "kind_extra.tsv", "kind_checkset.tsv")
C = 1.0  # inverse regularisation; LODO and 5-fold CV were flat for C in 0.1..3
ROUND = 5  # decimals kept in the JSON: stable diffs, negligible effect on scores


def read_rows(folder: Path) -> list[tuple[str, str, str]]:
    """(label, source, text) rows of the label files; an unknown label is an error."""
    rows = []
    for name in FILES:
        path = folder / name
        if not path.exists():
            continue
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        if lines[0].split("\t") != ["label", "source", "text"]:
            raise ValueError(f"{path}: header must be label, source, text")
        for ln in lines[1:]:
            label, source, text = ln.split("\t")
            if label not in LABELS:
                raise ValueError(f"{path}: unknown label {label!r}")
            rows.append((label, source, text))
    return rows


def examples(rows) -> list[tuple[str, str, set[str], int]]:
    """(label, source, features, sentence id) per quantity of each labelled sentence (or the sentence)."""
    out = []
    for sid, (label, source, text) in enumerate(rows):
        base = features(text)
        found = find_quantities(text)
        for q in found:
            cl = clause(text, q.number_start)
            value = q.value if q.value is not None else q.low
            out.append((label, source, base | quantity_features(text, cl, q.number_start, q.comparator,
                                                                q.per, q.unit, value), sid))
        if not found:
            out.append((label, source, base, sid))
    return out


def _matrix(rows):
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r[2]} for r in rows]).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)  # liblinear wants int32
    y = [1 if r[0] == "requirement" else 0 for r in rows]
    return vec, X, y


def cross_validate(rows, folds: int = 5) -> dict[str, float]:
    """Stratified k-fold accuracy on all rows and on the corpus rows only (synthetic rows train only)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    _, X, y = _matrix(rows)
    y = np.array(y)
    corpus = np.array([r[1] != "synthetic" for r in rows])
    # quantities of one sentence share its n-grams: keep a sentence's examples in one fold
    groups = [group for _, _, _, group in rows]
    hits_all = hits_corpus = 0
    for train, test in StratifiedGroupKFold(folds, shuffle=True, random_state=0).split(X, y, groups):
        clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(X[train], y[train])
        ok = clf.predict(X[test]) == y[test]
        hits_all += int(ok.sum())
        hits_corpus += int(ok[corpus[test]].sum())
    return {"all": round(hits_all / len(y), 4), "corpus": round(hits_corpus / int(corpus.sum()), 4)}


def build(rows) -> dict:
    """Fit on all rows; the model as a JSON-ready dict."""
    from sklearn.linear_model import LogisticRegression

    vec, X, y = _matrix(rows)
    clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(X, y)
    weights = {f: round(float(w), ROUND) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if round(float(w), ROUND) != 0.0}
    return {"version": 1, "ngrams": list(NGRAMS), "intercept": round(float(clf.intercept_[0]), ROUND),
            "weights": dict(sorted(weights.items())), "n_train": len(rows),
                    "note": "logistic regression over kind.features + kind.quantity_features (binary); score > 0 = requirement"}


def main(argv=None) -> int:
    """Train, cross-validate, write the JSON model."""
    root = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=root / "corpus" / "labels")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args(argv)
    rows = examples(read_rows(a.corpus))
    cv = cross_validate(rows)
    model = build(rows)
    model["cv_accuracy"] = cv
    atomic_write_text(a.out, json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"{len(rows)} quantity examples; 5-fold accuracy all={cv['all']} corpus={cv['corpus']}; "
          f"{len(model['weights'])} weights -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
