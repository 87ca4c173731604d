"""models/kind.json is what learn/train_kind.py builds from corpus/labels (rebuilt in memory)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sklearn")

from zhengce.extract.kind import MODEL_PATH  # noqa: E402
from zhengce.learn import train_kind  # noqa: E402

LABELS = Path(__file__).resolve().parents[2] / "corpus" / "labels"


def test_committed_model_matches_a_rebuild():
    rows = train_kind.examples(train_kind.read_rows(LABELS))
    rebuilt = train_kind.build(rows)
    committed = json.loads(Path(MODEL_PATH).read_text(encoding="utf-8"))
    assert committed["n_train"] == rebuilt["n_train"], "labels changed: run python -m zhengce.learn.train_kind"
    assert committed["intercept"] == pytest.approx(rebuilt["intercept"], abs=1e-4)
    drift = {f for f in set(committed["weights"]) | set(rebuilt["weights"])
             if abs(committed["weights"].get(f, 0.0) - rebuilt["weights"].get(f, 0.0)) > 1e-4}
    assert not drift, f"{len(drift)} weights drifted: run python -m zhengce.learn.train_kind"


def test_label_files_are_well_formed(tmp_path):
    rows = train_kind.read_rows(LABELS)
    assert {label for label, _, _ in rows} == set(train_kind.LABELS)
    assert any(src == "synthetic" for _, src, _ in rows) and any(src != "synthetic" for _, src, _ in rows)
    bad = tmp_path / "kind.tsv"
    bad.write_text("label\tsource\ttext\nrequirment\tx\t每年1次\n", encoding="utf-8")
    with pytest.raises(ValueError):
        train_kind.read_rows(tmp_path)
