"""The learned pair filter: its model is what the rebuild scripts make, and it only ever removes pairs."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from zhengce.compare import pair_filter
from zhengce.compare.diff import diff
from zhengce.learn import pair_rows, train_pairs

ROOT = Path(__file__).resolve().parents[2]
ROWS = ROOT / "corpus" / "labels" / "diff_links.tsv"
SEEDS = sorted((ROOT / "corpus").glob("00*.txt"))


def test_shipped_model_matches_its_features_and_loads():
    model = pair_filter.load_model()
    assert model is not None and tuple(model["features"]) == pair_filter.FEATURES
    assert len(model["coef"]) == len(model["mean"]) == len(model["scale"]) == len(pair_filter.FEATURES)
    assert 0.0 < model["threshold"] < 1.0


def test_model_is_what_train_pairs_builds_from_the_committed_rows():
    sets, y, x = train_pairs.read_rows(ROWS)
    built, shipped = train_pairs.fit(x, y), pair_filter.load_model()
    for key in ("mean", "scale", "coef"):
        assert np.allclose(built[key], shipped[key], atol=1e-4), key
    assert built["intercept"] == pytest.approx(shipped["intercept"], abs=1e-4)
    assert len(set(sets)) >= 20 and 0 < y.sum() < len(y)


def test_committed_rows_are_what_the_current_aligner_selects(tmp_path):
    """Rows go stale when the aligner or the extractors change: rebuild them (pair_rows), then retrain."""
    gold = ROOT.parent / "shared" / "gold" / "diff"
    if not gold.is_dir():
        pytest.skip("../shared/gold/diff absent")
    out = tmp_path / "rows.tsv"
    assert pair_rows.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ROWS.read_text(encoding="utf-8")


@pytest.mark.parametrize("x, expected", [(np.zeros((2, len(pair_filter.FEATURES))), 2)])
def test_probabilities_are_probabilities(x, expected):
    p = pair_filter.probabilities(pair_filter.load_model(), x)
    assert p.shape == (expected,) and np.all((p > 0) & (p < 1))


def _threshold(monkeypatch, value):
    model = dict(pair_filter.load_model(), threshold=value)
    monkeypatch.setattr("zhengce.compare.diff.load_model", lambda: model)
    monkeypatch.setattr("zhengce.compare.pair_filter.load_model", lambda path=None: model)


def test_filter_only_removes_pairs_and_frees_their_clauses(monkeypatch):
    a, b = SEEDS[2], SEEDS[4]
    _threshold(monkeypatch, 0.0)
    everything = diff(a, b)
    _threshold(monkeypatch, 1.01)
    nothing = diff(a, b)
    monkeypatch.undo()
    filtered = diff(a, b)
    key = lambda p: (p.a.start, p.a.end, p.b.start, p.b.end)  # noqa: E731
    assert everything.pairs and not nothing.pairs
    assert {key(p) for p in filtered.pairs} <= {key(p) for p in everything.pairs}
    covered = lambda r: sum(s.end - s.start for s in r.only_a)  # noqa: E731
    assert covered(everything) <= covered(filtered) <= covered(nothing)


def test_model_file_is_plain_json():
    json.loads(pair_filter.MODEL_PATH.read_text(encoding="utf-8"))
