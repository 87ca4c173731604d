"""Rebuild models/pair_filter.json: the learned filter on aligned pairs (compare/pair_filter.py).

    python -m zhengce.learn.train_pairs [--rows corpus/labels/diff_links.tsv] [--out models/pair_filter.json]

Reads the links pair_rows.py wrote, fits a scikit-learn LogisticRegression on the standardized
features, reports leave-one-document-pair-out precision and recall of the links kept at THRESHOLD,
and writes means, scales and weights as JSON (never a pickle), so the runtime needs no scikit-learn.
THRESHOLD and C were chosen by leave-one-document-pair-out runs of the diff scorer over the first 22
labelled pairs (README, Diff), where 0.3 raised pair precision most at the same accuracy; with the 26 pairs of
session 15, 0.3 cost the seeds' gold one clause (002 vs 004) and the checkset three numeric relations, 0.2 none,
at +0.05 mean pair precision on the checkset pairs: 0.2.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ..compare.pair_filter import FEATURES, MODEL_PATH
from ..output.writers import atomic_write_text

C = 1.0
THRESHOLD = 0.2
ROUND = 6


def read_rows(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(set per row, labels, feature matrix); a header naming other features is an error."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    if tuple(lines[0].split("\t")) != ("set", "label") + FEATURES:
        raise ValueError(f"{path}: header is not set, label, {', '.join(FEATURES)}: rebuild it (pair_rows)")
    cells = [ln.split("\t") for ln in lines[1:]]
    return [c[0] for c in cells], np.array([int(c[1]) for c in cells]), np.array([[float(v) for v in c[2:]] for c in cells])


def fit(x: np.ndarray, y: np.ndarray) -> dict:
    """The JSON-ready model fitted on (x, y)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(x), y)
    r = lambda v: [round(float(t), ROUND) for t in v]  # noqa: E731
    return {"features": list(FEATURES), "mean": r(scaler.mean_), "scale": r(scaler.scale_), "coef": r(clf.coef_[0]),
            "intercept": round(float(clf.intercept_[0]), ROUND), "threshold": THRESHOLD}


def leave_one_pair_out(sets: list[str], y: np.ndarray, x: np.ndarray) -> dict[str, float]:
    """Precision and recall of the links kept, each document pair scored by a model fitted on the others."""
    from ..compare.pair_filter import probabilities

    names, keep = np.array(sets), np.zeros(len(y), bool)
    for name in sorted(set(sets)):
        out = names == name
        keep[out] = probabilities(fit(x[~out], y[~out]), x[out]) >= THRESHOLD
    return {"kept": int(keep.sum()), "precision": round(float(y[keep].mean()), 4),
            "recall": round(float(y[keep].sum() / y.sum()), 4), "precision_unfiltered": round(float(y.mean()), 4)}


def main(argv=None) -> int:
    root = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=Path, default=root / "corpus" / "labels" / "diff_links.tsv")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args(argv)
    sets, y, x = read_rows(a.rows)
    cv = leave_one_pair_out(sets, y, x)
    model = fit(x, y)
    model["trained_on"] = {"links": len(y), "paired": int(y.sum()), "document_pairs": len(set(sets)),
                           "leave_one_pair_out": cv}
    atomic_write_text(a.out, json.dumps(model, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(y)} links from {len(set(sets))} document pairs; leave-one-pair-out: kept {cv['kept']}, "
          f"precision {cv['precision']} (all links {cv['precision_unfiltered']}), recall {cv['recall']} -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
