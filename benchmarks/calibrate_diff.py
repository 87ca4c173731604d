"""Calibrate the diff no-match threshold (and margin, weights) on labelled provision pairs.

Labels: the gold diff files (../shared/gold/diff/*.json) and corpus/labels/diff_pairs.jsonl
(one labelled clause a line: `b` lists every acceptable counterpart, empty = no counterpart).
A labelled clause is right when some predicted pair covers it and one of its counterparts
(or, with none, when no pair covers it); precision counts predicted pairs on labelled clauses.

Scores include the learned pair filter (compare/pair_filter.py); after settling new settings, rebuild
its rows and model (python -m zhengce.learn.pair_rows; python -m zhengce.learn.train_pairs).

Objective: mean over the two label sets (gold, extra) of min(accuracy, pair precision).
Extra labels are per document pair (`set`); those of 000_vs_001, 003_vs_004 and 001_vs_004 came
first, those of 000_vs_003, 001_vs_002, 001_vs_003 and 002_vs_003 were added with the concept
channel (compare/concepts.py) to check it on pairs it was not tuned on.

    python benchmarks/calibrate_diff.py [--gold DIR] [--docs DIR] [--grid [--jobs N] [--dump FILE]]
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
from collections import defaultdict
from pathlib import Path

from zhengce.compare import align
from zhengce.compare.diff import diff_scored, score_parts
from zhengce.compare.index import load_side
from zhengce.ingest import read_file

HERE = Path(__file__).resolve().parent.parent
GRID = {"threshold": [round(0.13 + 0.01 * k, 2) for k in range(10)], "margin": [0.03, 0.04, 0.05],
        "margin_b": [0.04, 0.06], "threshold_one_sided": [0.3, 1.0], "clause_weight": [0.4],
        "quantity_bonus": [0.05], "concept_weight": [0.1, 0.15, 0.2, 0.25],
        "concept_clause_weight": [0.5, 0.7], "concept_mismatch": [0.0, 0.05, 0.1]}
# these change the parts (vectors, concept matrices): recomputed per setting, one process each with --jobs
OUTER = {"short_clause": [10], "concept_prior": [2.0, 6.0], "concept_units": [False, True]}


def load_labels(gold_dir: Path, labels: Path) -> dict[tuple[str, str], list[dict]]:
    """{(a_file, b_file): [{a, b: [..]}]} from the gold files and the extra labels."""
    sets: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        key = (g["a_files"][0], g["b_files"][0])
        sets[key] += [{"a": p["a"], "b": [p["b"]], "gold": True} for p in g["pairs"]]
        sets[key] += [{"a": q, "b": [], "gold": True} for q in g["only_a"]]
    for line in labels.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        sets[(r["a"]["file"], r["b_file"])].append({**r, "gold": False})
    return sets


def span(text: str, side: dict) -> tuple[int, int]:
    pos = -1
    for _ in range(side.get("occurrence", 1)):
        pos = text.find(side["quote"], pos + 1)
    if pos < 0:
        raise ValueError(f"quote not found: {side['quote']}")
    return pos, pos + len(side["quote"])


def evaluate(pred: dict, items: list[dict], texts: dict[str, str]) -> tuple[int, int, int, int]:
    """(correct, labelled, good pairs, judged pairs) for one document pair."""
    hit = lambda s, p: max(0, min(s[1], p["end"]) - max(s[0], p["start"])) > 0  # noqa: E731
    refs = [(span(texts[i["a"]["file"]], i["a"]), [span(texts[b["file"]], b) for b in i["b"]]) for i in items]
    correct = 0
    for a_ref, b_refs in refs:
        mine = [p for p in pred["pairs"] if hit(a_ref, p["a"])]
        correct += (not mine) if not b_refs else any(hit(b, p["b"]) for p in mine for b in b_refs)
    judged = good = 0
    for p in pred["pairs"]:
        on = [b_refs for a_ref, b_refs in refs if hit(a_ref, p["a"])]
        if on:
            judged += 1
            good += any(hit(b, p["b"]) for b_refs in on for b in b_refs)
    return correct, len(refs), good, judged


def run(sets, parts, texts, overrides: dict) -> dict:
    """Scores of one setting: pooled accuracy and pair precision, gold and extra apart."""
    cfg = align.settings()
    saved = dict(cfg)
    cfg.update(overrides)
    try:
        tot = defaultdict(lambda: [0, 0, 0, 0])
        for key, items in sets.items():
            a, b, vec, clause, provision, evidence, concept = parts[key]
            pred = diff_scored(a, b, vec, align.combine(clause, provision, evidence, concept),
                               (clause, provision, concept)).to_dict()
            for part in ("gold", "extra"):
                sel = [i for i in items if i["gold"] == (part == "gold")]
                if sel:
                    tot[part] = [x + y for x, y in zip(tot[part], evaluate(pred, sel, texts))]
    finally:
        cfg.clear()
        cfg.update(saved)
    out = {}
    for part, (c, n, g, j) in tot.items():
        out[part] = {"accuracy": round(c / n, 4), "pair_precision": round(g / j, 4) if j else None, "n": n}
    return out


def objective(res: dict) -> float:
    """Mean over label sets (gold, extra) of the smaller of accuracy and pair precision:
    the targets are floors on both, so a setting is as good as its weaker side."""
    return sum(min(r["accuracy"], r["pair_precision"] or 0) for r in res.values()) / len(res)


_STATE: tuple = ()  # (label sets, sides, texts), shared with forked grid workers


def _grid_outer(fixed: dict) -> list[tuple[float, dict, dict]]:
    """Every GRID setting under one OUTER setting (parts computed once)."""
    sets, sides, texts = _STATE
    align.settings().update(fixed)
    parts = {(fa, fb): (sides[fa], sides[fb], *score_parts(sides[fa], sides[fb])) for fa, fb in sets}
    out = []
    for combo in itertools.product(*GRID.values()):
        over = dict(zip(GRID, combo))
        res = run(sets, parts, texts, over)
        out.append((objective(res), {**fixed, **over}, res))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=HERE.parent / "shared" / "gold" / "diff")
    ap.add_argument("--docs", type=Path, default=HERE.parent / "shared" / "seeds")
    ap.add_argument("--labels", type=Path, default=HERE / "corpus" / "labels" / "diff_pairs.jsonl")
    ap.add_argument("--grid", action="store_true", help="search the grid instead of scoring the current settings")
    ap.add_argument("--jobs", type=int, default=1, help="with --grid: worker processes (one per OUTER setting)")
    ap.add_argument("--dump", type=Path, help="with --grid: write every setting and its scores here (JSON lines)")
    args = ap.parse_args()
    sets = load_labels(args.gold, args.labels)
    files = {f for pair in sets for f in pair}
    sides = {f: load_side([args.docs / f]) for f in files}
    texts = {f: read_file(args.docs / f).text for f in files}
    if not args.grid:
        parts = {(fa, fb): (sides[fa], sides[fb], *score_parts(sides[fa], sides[fb])) for fa, fb in sets}
        print(json.dumps(run(sets, parts, texts, {}), indent=1))
        return
    global _STATE
    _STATE = (sets, sides, texts)
    outers = [dict(zip(OUTER, o)) for o in itertools.product(*OUTER.values())]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            chunks = pool.map(_grid_outer, outers)
    else:
        chunks = [_grid_outer(o) for o in outers]
    results = sorted((r for c in chunks for r in c), key=lambda r: -r[0])
    if args.dump:
        args.dump.write_text("\n".join(json.dumps([o, over, res]) for o, over, res in results), encoding="utf-8")
    for obj, over, res in results[:20]:
        print(f"{obj:.4f} {over} {json.dumps(res)}")


if __name__ == "__main__":
    main()
