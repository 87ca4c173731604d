"""Quality gate: the scores of ../shared/eval/score.py stay above pinned floors, on two sets.

- `dev`: the seeds and their hand gold in ../shared (floors in tests/gate_baseline.json);
- `checkset`: four hundred and thirty-one documents in other places' styles and layouts (tests/checkset/docs), annotated
  by SPEC without looking at zhengce's output (tests/checkset/gold, decisions in
  ANNOTATION_NOTES.md), floors in tests/checkset_baseline.json. Segmentation rules were fixed on it
  since, so it guards generality against regressions; it is no held-out estimate.

Each baseline pins one floor per metric and the SHA-256 of the documents and gold the floors were
measured on. `pytest tests/test_gate.py --update-gate` re-pins to the current scores; it refuses to
lower a floor unless `--allow-regression` is given too. Baselines are written atomically. Skips
cleanly when ../shared (the scorer) is absent.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from zhengce.batch import run_batch
from zhengce.options import default_options

TESTS = Path(__file__).resolve().parent
BASELINE = TESTS / "gate_baseline.json"
SHARED = TESTS.parents[1] / "shared"
SEEDS, GOLD, SCORER = SHARED / "seeds", SHARED / "gold", SHARED / "eval" / "score.py"
SETS = {  # name -> (documents, gold, baseline)
    "dev": (SEEDS, GOLD, BASELINE),
    "checkset": (TESTS / "checkset" / "docs", TESTS / "checkset" / "gold", TESTS / "checkset_baseline.json"),
}
EPSILON = 0.0005  # absorbs rounding in the scorer's 4-decimal output


def folder_sha256(folder: Path, pattern: str) -> str:
    """One digest over the names and bytes of the files, in name order."""
    h = hashlib.sha256()
    for p in sorted(folder.glob(pattern)):
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def metrics(scores: dict) -> dict[str, float]:
    """The gated numbers: F1 per table, the article metadata fields, the quantities' kind, provision coverage, and
    1 - boilerplate leak rate."""
    out = {t: scores[t]["f1"] for t in ("headings", "articles", "quantities", "responsibilities")}
    out.update({f"article_{k}": v for k, v in scores["articles"]["fields"].items()})
    out["quantities_strict"] = scores["quantities"]["strict"]["f1"]
    out["quantities_kind"] = scores["quantities"]["fields"]["kind"]  # requirement vs reported statistic
    out["provision_coverage"] = scores["provision_coverage"] or 0.0
    leak = scores["boilerplate_leak_rate"]
    out["boilerplate_kept_out"] = 1.0 - (leak or 0.0)
    return out


def repin(baseline: dict, current: dict[str, float], allow_regression: bool, docs: Path = SEEDS,
          gold: Path = GOLD) -> dict:
    """The new baseline: floors at the current scores; lowering one needs allow_regression."""
    floors = baseline.get("floors", {})
    lowered = {k: (floors[k], v) for k, v in current.items() if k in floors and v < floors[k] - EPSILON}
    if lowered and not allow_regression:
        raise ValueError(f"refusing to lower floors {lowered} (old, new): pass --allow-regression")
    return {"seeds_sha256": folder_sha256(docs, "*.txt"), "gold_sha256": folder_sha256(gold, "*.json"),
            "epsilon": EPSILON, "floors": {k: round(v, 4) for k, v in sorted(current.items())}}


def save_atomically(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    os.replace(tmp, path)


@pytest.fixture(scope="module", params=sorted(SETS))
def scored_set(request, tmp_path_factory) -> tuple[str, dict]:
    name = request.param
    docs, gold, _ = SETS[name]
    if not (docs.is_dir() and gold.is_dir() and SCORER.is_file()):
        pytest.skip("../shared (seeds, gold, scorer) absent")
    out = tmp_path_factory.mktemp(f"gate-{name}")
    run_batch([str(docs)], out, default_options(), workers=1)
    proc = subprocess.run([sys.executable, str(SCORER), "extract", "--gold", str(gold), "--docs", str(docs),
                           "--pred", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return name, json.loads(proc.stdout)


def test_gate(scored_set, gate_flags) -> None:
    update, allow_regression = gate_flags
    name, scores = scored_set
    docs, gold, baseline_path = SETS[name]
    baseline = json.loads(baseline_path.read_text(encoding="utf-8")) if baseline_path.exists() else {}
    current = metrics(scores)
    if update:
        save_atomically(baseline_path, repin(baseline, current, allow_regression, docs, gold))
        pytest.skip(f"re-pinned {baseline_path.name}: {current}")
    assert baseline, f"tests/{baseline_path.name} missing: run pytest tests/test_gate.py --update-gate"
    assert baseline["seeds_sha256"] == folder_sha256(docs, "*.txt"), "documents changed: re-pin with --update-gate"
    assert baseline["gold_sha256"] == folder_sha256(gold, "*.json"), "gold changed: re-pin with --update-gate"
    below = {k: (v, current.get(k)) for k, v in baseline["floors"].items()
             if current.get(k, 0.0) < v - baseline.get("epsilon", EPSILON)}
    assert not below, f"{name}: below the pinned floor (floor, now): {below}"


def test_repin_refuses_to_lower_a_floor() -> None:
    if not (SEEDS.is_dir() and GOLD.is_dir()):
        pytest.skip("../shared absent")
    old = {"floors": {"headings": 0.9, "articles": 0.8}}
    with pytest.raises(ValueError, match="headings"):
        repin(old, {"headings": 0.5, "articles": 0.8}, allow_regression=False)
    assert repin(old, {"headings": 0.5, "articles": 0.8}, allow_regression=True)["floors"]["headings"] == 0.5
    assert repin(old, {"headings": 0.95, "articles": 0.8}, allow_regression=False)["floors"]["headings"] == 0.95
    assert repin(old, {"headings": 0.8996, "articles": 0.8}, allow_regression=False)  # within epsilon
