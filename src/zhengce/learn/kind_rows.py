"""Rebuild corpus/labels/kind_checkset.tsv: sentences of hand-annotated documents, labelled with the kind
(requirement or statistic) most of their annotated quantities have.

    python -m zhengce.learn.kind_rows [--docs tests/checkset/docs --gold tests/checkset/gold] [--up-to 109] [--out ...]

The labels come from the annotators' gold files (format of ../shared/gold, SPEC), never from zhengce's
output; train_kind.py reads the file this writes.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from . import quote_start
from ..ingest import read_file
from ..output.writers import atomic_write_text
from ..text.normalize import normalize

# h110–h117 are left out: their training-course notice (培训…期 as requirements) turns SPEC's own statistic
# example 举办各类培训10余期 into a requirement (tests/cases/quantities.yaml, cmp-yu)
UP_TO = 109
_SENTENCE = re.compile(r"[^。;!?\n]*(?:[。;!?]+|\n|$)")
HEADER = ("# Sentences of tests/checkset documents holding a quantity, labelled with the majority `kind` of their\n"
          "# hand-annotated quantities (tests/checkset/gold); written by the annotators' gold, not by zhengce.\n"
          "label\tsource\ttext\n")


def _number_starts(text: str, quantities: list[dict]) -> list[tuple[int, str]]:
    """(source offset of the annotated number, kind) of each quantity: its quote's occurrence, then the number in it."""
    return [(quote_start(text, q) + max(q["quote"].find(q.get("number") or ""), 0), q["kind"]) for q in quantities]


def rows_of(path: Path, gold: dict) -> list[tuple[str, str, str]]:
    """(label, source, sentence) for each normalized sentence of one document holding annotated quantities."""
    source = read_file(path).text
    norm = normalize(source)
    numbers = _number_starts(source, gold.get("quantities", []))
    rows = []
    for m in _SENTENCE.finditer(norm.text):
        sentence = m.group().strip()
        s0, s1 = norm.offsets.to_source(m.start()), norm.offsets.to_source(m.end())
        if sentence and (kinds := [k for n, k in numbers if s0 <= n < s1]):
            rows.append((Counter(kinds).most_common(1)[0][0], "ck:" + path.name, sentence.replace("\t", " ")))
    return rows


def main(argv=None) -> int:
    root = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=root / "tests" / "checkset" / "docs")
    ap.add_argument("--gold", type=Path, default=root / "tests" / "checkset" / "gold")
    ap.add_argument("--out", type=Path, default=root / "corpus" / "labels" / "kind_checkset.tsv")
    ap.add_argument("--up-to", type=int, default=UP_TO, help="the last document number (h109) to take")
    a = ap.parse_args(argv)
    rows = []
    for g in sorted(a.gold.glob("*.json")):
        if (number := re.match(r"h(\d+)", g.name)) and int(number.group(1)) > a.up_to:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        rows += rows_of(a.docs / gold.get("file", g.stem + ".txt"), gold)
    atomic_write_text(a.out, HEADER + "".join("\t".join(r) + "\n" for r in rows))
    print(f"{len(rows)} sentences -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
