"""End-to-end throughput of `zhengce extract`, written to benchmarks/results.md.

Measures, each in a fresh `zhengce extract` process:
- characters per second (wall clock) on the synthetic text corpus with -j 1 and -j 2, and the
  speed-up of two workers over one;
- peak RSS: of the main process (getrusage of children: forkserver workers are not waited for by
  the main process, so their rusage is lost) and the sum over the process tree (psutil, sampled
  every 0.1 s, with per-process CPU time), at two corpus sizes to show memory stays flat;
- pages per second on generated PDFs (tests/ingest/make_docs.py builders, STSong-Light);
- a per-stage breakdown and a cProfile of one worker over ~5 MB (top 15 by cumulative time).

    python benchmarks/make_corpus.py /tmp/zhengce-bench/corpus      # once (>= 50 MB)
    python benchmarks/bench_extract.py [--corpus DIR] [--jobs 1 2] [--pdfs 40] [--profile-mb 5]

This is a script, not a test: timings depend on the machine and on what else runs on it (the load
average at the start of each run is recorded next to it). Text after the marker line
`<!-- hand-written below -->` in results.md is kept when the file is rewritten.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
MARKER = "<!-- hand-written below -->"
TARGET_PER_CORE = 2_000_000  # chars/s


def child(cmd: list[str]) -> None:
    """Run `cmd` and print its wall time and the rusage of everything it waited for (one JSON line)."""
    t0 = time.perf_counter()
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"rc": rc, "wall": time.perf_counter() - t0, "maxrss_mb": ru.ru_maxrss / 1024,
                      "cpu": ru.ru_utime + ru.ru_stime}))


def _sample_tree(pid: int, stop: threading.Event, peak: list[float], cpu: dict) -> None:
    """Peak of the summed RSS of the process tree, and the last CPU time seen of each process in it
    (pool workers live as long as the run, so their last sample is within 0.1 s of their total)."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        total = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for p in procs[1:]:  # not the wrapper itself
            try:
                with p.oneshot():
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                    if p.ppid() == pid:  # the zhengce main process, child of the wrapper
                        cpu["main"] = cpu[p.pid]
            except psutil.NoSuchProcess:
                pass
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.1)


def measure(args: list[str], memo: bool = False) -> dict:
    """One `zhengce extract` run through the child wrapper, with the tree's peak RSS sampled.
    Without `memo` the extractors' memo of already-seen provision texts is off (ZHENGCE_MEMO=0)."""
    cmd = [sys.executable, "-m", "zhengce", "extract", *args, "-q"]
    load = os.getloadavg()[0]
    env = {**os.environ, "ZHENGCE_MEMO": "1" if memo else "0"}
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(cmd)], stdout=subprocess.PIPE, text=True,
                            env=env)
    stop, peak, cpu = threading.Event(), [0.0], {}
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, stop, peak, cpu), daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    result = json.loads(out.strip().splitlines()[-1])
    main_cpu = cpu.pop("main", 0.0)
    result.update(tree_peak_mb=peak[0], load=load, tree_cpu=sum(cpu.values()), main_cpu=main_cpu)
    return result


def corpus_parts(corpus: Path, mb: float | None) -> list[Path]:
    """The corpus's part folders (or the corpus itself), enough of them to hold `mb` megabytes."""
    parts = sorted(p for p in corpus.iterdir() if p.is_dir()) or [corpus]
    if mb is None:
        return parts
    chosen, size = [], 0
    for p in parts:
        chosen.append(p)
        size += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        if size >= mb * 1e6:
            break
    return chosen


def count(paths: list[Path]) -> tuple[int, int, int]:
    """(files, bytes, characters of extracted text) under `paths`, as zhengce reads them."""
    from zhengce.batch import collect_inputs
    from zhengce.ingest import read_file

    files, _ = collect_inputs(paths)
    chars = size = 0
    for f in files:
        size += f.path.stat().st_size
        try:
            chars += len(read_file(f.path).text)
        except Exception:  # noqa: BLE001 - a file zhengce rejects adds no characters
            pass
    return len(files), size, chars


def bench_text(corpus: Path, jobs: list[int], small_mb: float) -> list[dict]:
    """Runs on the whole corpus at each -j, plus the largest -j on a small part (memory flatness)."""
    runs = []
    for paths, label in ((corpus_parts(corpus, None), "all"), (corpus_parts(corpus, small_mb), "small")):
        files, size, chars = count(paths)
        # memo off: the extractors see every provision as new, as in a folder without reposted
        # documents; one run with it on shows what it saves on this corpus (which repeats a lot).
        settings = [(j, False) for j in jobs] + [(jobs[-1], True)] if label == "all" else [(jobs[-1], False)]
        for j, memo in settings:
            with tempfile.TemporaryDirectory() as tmp:
                r = measure([*map(str, paths), "-o", tmp, "-j", str(j)], memo=memo)
            r.update(label=label + (" (memo on)" if memo else ""), jobs=j, files=files, mb=size / 1e6, chars=chars,
                     cps=chars / r["wall"])
            print(f"text {label} -j {j}: {r['cps'] / 1e6:.3f} M chars/s, {r['wall']:.1f}s, "
                  f"peak {r['maxrss_mb']:.0f} MB / tree {r['tree_peak_mb']:.0f} MB", file=sys.stderr)
            runs.append(r)
    return runs


def build_pdfs(folder: Path, n: int, corpus: Path) -> int:
    """`n` PDFs from synthetic documents' paragraphs; returns the number of pages."""
    sys.path.insert(0, str(ROOT / "tests" / "ingest"))
    from make_docs import build_pdf  # noqa: E402

    texts = sorted(corpus.rglob("*.txt"))
    pages = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i, path in enumerate(texts[:n]):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            text = path.read_bytes().decode("gb18030")
        paragraphs = [ln.strip() for ln in text.splitlines() if ln.strip()][:60]
        pages += len(build_pdf(folder / f"doc-{i:03d}.pdf", paragraphs).pages)
    return pages


def bench_pdf(corpus: Path, n: int, jobs: list[int]) -> list[dict]:
    """Pages per second on generated PDFs at each -j."""
    from zhengce.ingest import read_file

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = build_pdfs(Path(tmp) / "pdf", n, corpus)
        t0 = time.perf_counter()
        for pdf in sorted((Path(tmp) / "pdf").glob("*.pdf")):
            read_file(pdf)
        ingest = time.perf_counter() - t0
        print(f"pdf ingest only: {pages / ingest:.1f} pages/s", file=sys.stderr)
        for j in jobs:
            r = measure([str(Path(tmp) / "pdf"), "-o", str(Path(tmp) / f"out{j}"), "-j", str(j)])
            r.update(jobs=j, files=n, pages=pages, pps=pages / r["wall"], ingest_pps=pages / ingest)
            print(f"pdf -j {j}: {r['pps']:.1f} pages/s ({pages} pages)", file=sys.stderr)
            runs.append(r)
    return runs


def profile_files(corpus: Path, mb: float) -> list:
    """InputFiles of about `mb` megabytes from the corpus."""
    from zhengce.batch import collect_inputs

    files, _ = collect_inputs(corpus_parts(corpus, mb))
    chosen, size = [], 0
    for f in files:
        chosen.append(f)
        size += f.path.stat().st_size
        if size >= mb * 1e6:
            break
    return chosen


def stage_breakdown(files: list) -> list[tuple[str, float]]:
    """Seconds spent in each step of the worker (read, normalize, each stage, build, encode)."""
    from zhengce.build import build_records
    from zhengce.document import Document
    from zhengce.ingest import read_file
    from zhengce.options import default_options
    from zhengce.output.writers import encode_records
    from zhengce.process import pipeline
    from zhengce.text.normalize import normalize

    opts, spent = default_options(), {}
    from zhengce.batch import run_file

    run_file((str(files[0].path), files[0].source), opts)  # warm: rules and lexicons load on first use

    def timed(name, fn, *a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

    for f in files:
        try:
            ex = timed("read", read_file, f.path)
            norm = timed("normalize", normalize, ex.text, join_lines=opts.join_lines)
            doc = timed("document", Document.build, f.source, ex, norm)
            for stage in pipeline().stages:
                timed(f"stage {stage.name}", stage.run, doc, opts)
            result = timed("build records", build_records, doc)
            for records in result.tables().values():
                timed("encode JSON", encode_records, records)
        except Exception as e:  # noqa: BLE001 - rejected files are not part of the profile
            spent[f"(failed: {type(e).__name__})"] = spent.get(f"(failed: {type(e).__name__})", 0.0)
            continue
    return sorted(spent.items(), key=lambda kv: -kv[1])


def profile(files: list, top: int = 15) -> tuple[str, float, int]:
    """(markdown table of the top functions by cumulative time, seconds, chars) for run_file over files."""
    from zhengce.batch import run_file
    from zhengce.options import default_options

    opts = default_options()
    run_file((str(files[0].path), files[0].source), opts)  # warm: rule files, lexicons
    prof, chars = cProfile.Profile(), 0
    t0 = time.perf_counter()
    failed = 0
    prof.enable()
    for f in files:
        result = run_file((str(f.path), f.source), opts)
        chars, failed = chars + result.chars, failed + (result.error is not None)
    prof.disable()
    if failed:
        print(f"profile: {failed} of {len(files)} files failed (is the pipeline broken?)", file=sys.stderr)
    seconds = time.perf_counter() - t0
    stats = pstats.Stats(prof, stream=io.StringIO())
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][3])  # (cc, nc, tottime, cumtime, callers)
    lines = ["| # | function | calls | tottime s | cumtime s | cum % |", "|---|---|---|---|---|---|"]
    total = stats.total_tt
    for i, ((file, line, name), (cc, nc, tt, ct, _)) in enumerate(rows[:top], 1):
        where = _short(file)
        lines.append(f"| {i} | `{where}:{line}({name})` | {nc} | {tt:.2f} | {ct:.2f} | {100 * ct / total:.0f} |")
    own = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:10]
    lines += ["", "Top 10 by own time (tottime):", "", "| function | calls | tottime s |", "|---|---|---|"]
    lines += [f"| `{_short(f)}:{ln}({n})` | {v[1]} | {v[2]:.2f} |" for (f, ln, n), v in own]
    return "\n".join(lines), seconds, chars


def _short(file: str) -> str:
    if "/src/zhengce/" in file:
        return "zhengce/" + file.split("/src/zhengce/", 1)[1]
    if "/lib/python3" in file:
        return file.split("/lib/python3", 1)[1].split("/", 1)[-1]
    return file


def machine() -> str:
    """Machine facts for the results header."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return (f"nproc {os.cpu_count()} ({cpu}), Python {platform.python_version()}, {platform.system()} "
            f"{platform.release()}, {dt.datetime.now():%Y-%m-%d %H:%M}")


def report(data: dict) -> str:
    """results.md (the part above the hand-written marker) from the raw measurements."""
    text_runs, pdf_runs, stages, prof = data.get("text", []), data.get("pdf", []), data.get("stages", []), \
        data.get("profile", ("", 1.0, 0))
    out = ["# zhengce extract benchmark", "", f"Machine: {data['machine']}.", "",
           "## Text corpus (end to end, wall clock)", "",
           "The extractors' memo of already-seen provision texts is off (`ZHENGCE_MEMO=0`) except in the "
           "run marked memo on: the synthetic corpus repeats far more sentences than a real folder.", "",
           "| corpus | files | MB | chars | -j | wall s | M chars/s | per worker | main peak RSS MB "
           "| tree RSS MB | CPU s | main proc. CPU % | M chars/CPU-s | load avg |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in text_runs:
        out.append(f"| {r['label']} | {r['files']} | {r['mb']:.1f} | {r['chars']:,} | {r['jobs']} | {r['wall']:.1f} "
                   f"| {r['cps'] / 1e6:.3f} | {r['cps'] / r['jobs'] / 1e6:.3f} | {r['maxrss_mb']:.0f} "
                   f"| {r['tree_peak_mb']:.0f} | {r['tree_cpu']:.0f} | {100 * r['main_cpu'] / max(r['tree_cpu'], 1e-9):.0f} "
                   f"| {r['chars'] / max(r['tree_cpu'], 1e-9) / 1e6:.3f} "
                   f"| {r['load']:.1f} |")
    full = {r["jobs"]: r for r in text_runs if r["label"] == "all"}
    if 1 in full and 2 in full:
        f = full[2]["main_cpu"] / max(full[2]["tree_cpu"], 1e-9)
        out += ["", f"Speed-up -j 2 / -j 1 (wall): {full[2]['cps'] / full[1]['cps']:.2f}x (target >= 1.8x). "
                    f"Per core: {full[1]['cps'] / 1e6:.3f} M chars/s (target {TARGET_PER_CORE / 1e6:.1f}).",
                "", f"The serial part (main process: listing, hashing, writing) took {100 * f:.1f}% of the CPU "
                    f"at -j 2, so on two idle cores the Amdahl bound is {1 / (f + (1 - f) / 2):.2f}x; a wall "
                    "speed-up below it means the cores were not idle (see the load average)."]
    out += ["", "## PDF (generated, STSong-Light, ~30 lines a page)", "",
            "| files | pages | -j | wall s | pages/s | pages/s of PDF reading alone (1 process) |",
            "|---|---|---|---|---|---|"]
    out += [f"| {r['files']} | {r['pages']} | {r['jobs']} | {r['wall']:.1f} | {r['pps']:.1f} | {r['ingest_pps']:.1f} |"
            for r in pdf_runs]
    table, seconds, chars = prof
    total = sum(s for _, s in stages) or 1.0
    out += ["", f"## Where one worker spends its time ({chars:,} chars, {chars / seconds / 1e6:.3f} M chars/s "
                "under cProfile)", "", "| step | s | % |", "|---|---|---|"]
    out += [f"| {name} | {s:.2f} | {100 * s / total:.0f} |" for name, s in stages]
    out += ["", "Top 15 by cumulative time (cProfile, one process):", "", table, ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    """Command line entry."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "zhengce-bench" / "corpus")
    ap.add_argument("--mb", type=float, default=50.0, help="size of the corpus built when missing")
    ap.add_argument("--small-mb", type=float, default=10.0, help="the small run for the memory comparison")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--pdfs", type=int, default=40)
    ap.add_argument("--profile-mb", type=float, default=5.0)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--only", action="append", choices=["text", "pdf", "profile"],
                    help="rerun only this part (repeatable); the others come from results.json")
    args = ap.parse_args(argv)
    if args.child:
        return child(json.loads(args.child))
    os.environ.setdefault("ZHENGCE_MEMO", "0")  # the stage breakdown and profile: every text new
    if not args.corpus.is_dir():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(args.corpus), "--mb", str(args.mb)],
                       check=True)
    raw = args.out.with_suffix(".json")
    data = json.loads(raw.read_text(encoding="utf-8")) if args.only and raw.exists() else {}
    parts = args.only or ["text", "pdf", "profile"]
    if "text" in parts:
        data["text"] = bench_text(args.corpus, args.jobs, args.small_mb)
    if "pdf" in parts:
        data["pdf"] = bench_pdf(args.corpus, args.pdfs, args.jobs)
    if "profile" in parts:
        files = profile_files(args.corpus, args.profile_mb)
        data["stages"] = stage_breakdown(files)
        data["profile"] = profile(files)
    data["machine"] = machine()
    raw.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    body = report(data)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    kept = old.split(MARKER, 1)[1] if MARKER in old else "\n"
    args.out.write_text(body + "\n" + MARKER + kept, encoding="utf-8")
    print(f"-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
