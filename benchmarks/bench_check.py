"""Benchmark `zhengce index` + `zhengce check` on >= 1,000 synthetic documents.

The documents are built from corpus/*.txt: body lines shuffled and partly dropped, lines
borrowed from other seeds, every Arabic number scaled by a random factor and the place
names varied, so no two documents are alike. Prints the timings as a Markdown table.

    python benchmarks/bench_check.py [-n 1000] [-j 2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from zhengce.compare.check import check_side
from zhengce.compare.index import build_index, load_index, load_side, save_index

HERE = Path(__file__).resolve().parent.parent
PLACES = ("瑞安市", "诸暨市", "山东省", "昭化区", "屏山县", "绍兴市", "温州市", "临沂市", "德阳市", "宜宾市",
          "湖州市", "嘉兴市", "潍坊市", "济宁市", "绵阳市", "南充市", "金华市", "台州市", "烟台市", "泸州市")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACE = re.compile("|".join(PLACES[:6]))


def synthesize(seeds: list[str], n: int, rng: random.Random) -> list[str]:
    """n documents: a seed's title lines, its body shuffled, thinned and mixed with other seeds' lines."""
    bodies = [[ln for ln in s.splitlines() if ln.strip()] for s in seeds]
    docs = []
    for k in range(n):
        lines = bodies[k % len(bodies)]
        head, body = lines[:3], lines[3:]
        body = [ln for ln in body if rng.random() > 0.2]
        body += rng.sample(bodies[rng.randrange(len(bodies))], k=min(5, len(lines)))
        rng.shuffle(body)
        place = PLACES[rng.randrange(len(PLACES))]
        text = "\n".join(head + body)
        text = _PLACE.sub(place, text)
        text = _NUMBER.sub(lambda m: _scale(m.group(), rng), text)
        docs.append(text + "\n")
    return docs


def _scale(num: str, rng: random.Random) -> str:
    if len(num) == 4 and num.startswith(("19", "20")):  # a year: keep it
        return num
    x = float(num) * rng.uniform(0.6, 1.6)
    return f"{x:.1f}" if "." in num else str(max(1, round(x)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="documents to synthesize (default 1000)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="extraction workers (default 2)")
    ap.add_argument("--keep", type=Path, help="write documents and index here instead of a temporary folder")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus").glob("*.txt"))]
    root = args.keep or Path(tempfile.mkdtemp(prefix="zhengce-bench-"))
    docs_dir, index_dir = root / "docs", root / "index"
    docs_dir.mkdir(parents=True, exist_ok=True)
    docs = synthesize(seeds, args.n, rng)
    for k, text in enumerate(docs):
        (docs_dir / f"doc{k:05d}.txt").write_text(text, encoding="utf-8")
    chars = sum(len(d) for d in docs)
    draft = root / "draft.txt"
    draft.write_text(synthesize(seeds, 1, random.Random(args.seed + 1))[0], encoding="utf-8")

    t0 = time.perf_counter()
    index = build_index([docs_dir], workers=args.jobs)
    t1 = time.perf_counter()
    save_index(index, index_dir)
    t2 = time.perf_counter()
    loaded = load_index(index_dir)
    t3 = time.perf_counter()
    side = load_side([draft])
    t4 = time.perf_counter()
    runs = []
    for _ in range(3):
        s = time.perf_counter()
        result = check_side(side, loaded, draft.name)
        runs.append(time.perf_counter() - s)
    size = sum(p.stat().st_size for p in index_dir.iterdir())
    print(f"| documents | {args.n} ({chars / 1e6:.1f} M chars) |")
    print(f"| clauses / quantities indexed | {len(index.side.units)} / {len(index.side.quantities)} |")
    print(f"| build index (extract {args.jobs} workers + fit + cluster) | {t1 - t0:.1f} s |")
    print(f"| save index | {t2 - t1:.1f} s ({size / 1e6:.1f} MB) |")
    print(f"| load index | {t3 - t2:.2f} s |")
    print(f"| extract draft | {t4 - t3:.2f} s |")
    print(f"| check draft against index (median of 3) | {statistics.median(runs):.2f} s |")
    print(f"| check end to end (load + extract + check) | {t3 - t2 + t4 - t3 + statistics.median(runs):.2f} s |")
    print(f"| draft provisions with precedents / out of range / missing | "
          f"{sum(1 for _, p in result.provisions if p)} / {len(result.out_of_range)} / {len(result.missing)} |")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
