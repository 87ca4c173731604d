"""Rebuild corpus/labels/diff_links.tsv: the links the aligner selects on hand-labelled document pairs,
with their pair-filter features (compare/pair_filter.py) and whether the labels pair the two clauses.

    python -m zhengce.learn.pair_rows [--out corpus/labels/diff_links.tsv]

Label sets: the diff gold of the seeds (../shared/gold/diff, documents in corpus/), the extra seed labels
(corpus/labels/diff_pairs.jsonl) and the checkset diff gold (tests/checkset/diff, documents in
tests/checkset/docs), all written by annotators, never by zhengce. A link counts when its A clause
overlaps a labelled A quote; it is 1 when its B clause overlaps one of that quote's counterparts.
The features depend on the aligner and the extractors: rebuild after changing them, then retrain
(python -m zhengce.learn.train_pairs).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from . import quote_start
from ..compare.align import combine, select
from ..compare.diff import score_parts
from ..compare.index import load_side
from ..compare.pair_filter import FEATURES, link_features
from ..ingest import read_file
from ..output.writers import atomic_write_text

HEADER = ("# Links selected by the aligner on hand-labelled document pairs (see zhengce.learn.pair_rows);\n"
          "# label 1: the annotators pair the two clauses.\n")


def label_sets(root: Path, shared_gold: Path) -> dict[tuple[str, str], tuple[Path, list[dict]]]:
    """{(a_file, b_file): (docs folder, [{a: quote, b: [quotes]}])} from every label source."""
    sets: dict[tuple[str, str], tuple[Path, list[dict]]] = {}
    sources = [(shared_gold, root / "corpus"), (root / "tests" / "checkset" / "diff", root / "tests" / "checkset" / "docs")]
    for gold_dir, docs in sources:
        for f in sorted(gold_dir.glob("*.json")):
            g = json.loads(f.read_text(encoding="utf-8"))
            items = [{"a": p["a"], "b": [p["b"]]} for p in g["pairs"]] + [{"a": q, "b": []} for q in g["only_a"]]
            sets.setdefault((g["a_files"][0], g["b_files"][0]), (docs, []))[1].extend(items)
    extra = defaultdict(list)
    for line in (root / "corpus" / "labels" / "diff_pairs.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        extra[(r["a"]["file"], r["b_file"])].append({"a": r["a"], "b": r["b"]})
    for key, items in extra.items():
        sets.setdefault(key, (root / "corpus", []))[1].extend(items)
    return sets


def _span(text: str, side: dict) -> tuple[int, int]:
    try:
        pos = quote_start(text, side)
    except ValueError as e:
        raise ValueError(f"{side['file']}: {e}") from None
    return pos, pos + len(side["quote"])


def rows_of(docs: Path, a_file: str, b_file: str, items: list[dict]) -> list[list[str]]:
    """[set, label, *features] for each selected link whose A clause is labelled."""
    a, b = load_side([docs / a_file]), load_side([docs / b_file])
    texts = {a_file: read_file(docs / a_file).text, b_file: read_file(docs / b_file).text}
    _, clause, provision, evidence, concept = score_parts(a, b)
    scores = combine(clause, provision, evidence, concept)
    links = select(scores)
    hit = lambda s, u: min(s[1], u.end) > max(s[0], u.start)  # noqa: E731
    refs = [(_span(texts[i["a"]["file"]], i["a"]), [_span(texts[x["file"]], x) for x in i["b"]]) for i in items]
    labelled, labels = [], []
    for i, j, s in links:
        on = [bs for ar, bs in refs if hit(ar, a.units[i])]
        if on:
            labelled.append((i, j, s))
            labels.append(int(any(hit(br, b.units[j]) for bs in on for br in bs)))
    x = link_features(a, b, labelled, scores, (clause, provision, concept)) if labelled else []
    name = f"{Path(a_file).stem}_vs_{Path(b_file).stem}"
    return [[name, str(y)] + [f"{v:.6g}" for v in row] for y, row in zip(labels, x)]


def main(argv=None) -> int:
    root = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared-gold", type=Path, default=root.parent / "shared" / "gold" / "diff")
    ap.add_argument("--out", type=Path, default=root / "corpus" / "labels" / "diff_links.tsv")
    a = ap.parse_args(argv)
    rows = []
    for (fa, fb), (docs, items) in sorted(label_sets(root, a.shared_gold).items()):
        rows += rows_of(docs, fa, fb, items)
    atomic_write_text(a.out, HEADER + "\t".join(("set", "label") + FEATURES) + "\n"
                      + "".join("\t".join(r) + "\n" for r in rows))
    print(f"{len(rows)} links ({sum(r[1] == '1' for r in rows)} paired) -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
