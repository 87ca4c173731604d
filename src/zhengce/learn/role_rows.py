"""Rebuild corpus/labels/role_checkset.tsv: each responsibility the grammar finds in a hand-annotated document
that an annotated record matches, with the annotators' role, the grammar's role, the duty and the clause.

    python -m zhengce.learn.role_rows [--out corpus/labels/role_checkset.tsv]

Label sets: the checkset (tests/checkset/gold, documents in tests/checkset/docs) and the seeds' gold
(../shared/gold, documents in corpus/; left out when ../shared is absent), each row naming its set.

A record matches as the scorer matches (../shared/eval/score.py): the spans overlap, the actors are equal
after normalization or one holds the other, and each side is used once, largest overlap first. The labels
come from the gold files, never from zhengce; the grammar's role and duty are features, so the rows go
stale when the responsibilities grammar changes: rebuild them, then retrain (python -m zhengce.learn.train_role).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import quote_start
from ..extract.run import responsibilities_of
from ..ingest import read_file
from ..options import Options, default_options
from ..output.writers import atomic_write_text
from ..process import analyse

HEADER = ("# Responsibilities the grammar finds in tests/checkset documents, with the role their annotators gave\n"
          "# (tests/checkset/gold); written by python -m zhengce.learn.role_rows.\n"
          "gold\trule\tset\tsource\tduty\tclause\n")
_BRACKETS = str.maketrans("（）：，；　", "():,; ")


def _norm(s: str | None) -> str:
    return (s or "").translate(_BRACKETS).replace(" ", "").strip()


def same_actor(g: str | None, p: str | None) -> bool:
    """The scorer's loose equality: equal after normalization, or the shorter (2+ chars) inside the longer."""
    g, p = _norm(g), _norm(p)
    if not g or not p:
        return g == p
    short, long_ = sorted((g, p), key=len)
    return g == p or len(short) >= 2 and short in long_


def _gold_spans(text: str, records: list[dict]) -> list[tuple[int, int]]:
    return [(start, start + len(r["quote"])) for r in records for start in (quote_start(text, r),)]


def rows_of(path: Path, gold: dict, options: Options, label_set: str) -> list[tuple[str, ...]]:
    """(gold role, grammar role, label set, source, duty, clause) of each matched record of one document."""
    extracted = read_file(path)
    doc = analyse(path.name, extracted, options)
    found = []  # (source start, source end, match, clause text)
    for (a, p), records in responsibilities_of(doc, learned_roles=False).items():
        prov = doc.layers["provisions"][a][p]
        for m in records:
            start, end = doc.offsets.span_to_source(prov.start + m.start, prov.start + m.end)
            found.append((start, end, m, doc.norm[prov.start + m.start:prov.start + m.end]))
    annotated = gold.get("responsibilities", [])
    spans = _gold_spans(extracted.text, annotated)
    candidates = sorted(((min(ge, fe) - max(gs, fs), gi, fi) for gi, (gs, ge) in enumerate(spans)
                         for fi, (fs, fe, m, _) in enumerate(found)
                         if min(ge, fe) > max(gs, fs) and same_actor(annotated[gi]["actor"], m.actor)),
                        key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_f, rows = set(), set(), []
    for _, gi, fi in candidates:
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            m, clause = found[fi][2], found[fi][3]
            rows.append((fi, (annotated[gi]["role"], m.role, label_set, path.name, _cell(m.duty), _cell(clause))))
    return [r for _, r in sorted(rows)]  # (in the document's reading order)


def _cell(text: str | None) -> str:
    return (text or "").replace("\t", " ").replace("\n", " ")


def label_sets(root: Path) -> list[tuple[str, Path, Path]]:
    """(name, docs folder, gold folder) of each label set present."""
    sets = [("checkset", root / "tests" / "checkset" / "docs", root / "tests" / "checkset" / "gold")]
    if (shared := root.parent / "shared" / "gold").is_dir():
        sets.append(("seeds", root / "corpus", shared))
    return sets


def main(argv=None) -> int:
    root = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=root / "corpus" / "labels" / "role_checkset.tsv")
    args = ap.parse_args(argv)
    options = default_options().with_(extract_responsibilities=False)  # (read here, without the model)
    lines = [HEADER]
    for name, docs, gold_dir in label_sets(root):
        for g in sorted(gold_dir.glob("*.json")):
            doc = next(docs.glob(g.stem + ".*"), None)
            if doc is None:
                raise SystemExit(f"{g.name}: no document {g.stem}.* in {docs}")
            gold = json.loads(g.read_text(encoding="utf-8"))
            lines += ["\t".join(r) + "\n" for r in rows_of(doc, gold, options, name)]
    atomic_write_text(args.out, "".join(lines))
    print(f"{len(lines) - 1} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
