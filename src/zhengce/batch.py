"""Batch extraction over files and folders: workers, progress, resume, streaming output."""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator


from .ingest import SUPPORTED_SUFFIXES
from .options import Options
from .output.writers import TableSink, atomic_write_text
from .process import FileResult, process_path
from .records import TABLES, ErrorRecord

MANIFEST = ".zhengce-manifest.json"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to process and the name its records carry."""

    path: Path
    source: str


@dataclass(slots=True)
class BatchSummary:
    """What a run did, for the one-screen summary and the exit code."""

    files: int = 0
    skipped: int = 0
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all good, 1 some files failed, 2 every file failed."""
        if not self.errors:
            return 0
        return 2 if len(self.errors) >= self.files else 1


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[ErrorRecord]]:
    """Files under the given paths (folders recursively), each named relative to its root."""
    files, missing = [], []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                rel = p.relative_to(root)
                if p.is_file() and not any(part.startswith(".") for part in rel.parts) \
                        and p.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(InputFile(p, rel.as_posix()))
        elif root.is_file():
            files.append(InputFile(root, root.name))
        else:
            missing.append(ErrorRecord(str(raw), "ingest", "ZC-E101", "file not found"))
    return files, missing


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _worker(args: tuple[Path, str, Options]) -> FileResult:
    return process_path(*args)


def iter_results(files: list[InputFile], options: Options, workers: int) -> Iterator[FileResult]:
    """Results in input order; `workers` > 1 uses a forkserver pool (fork is unsafe with native libs)."""
    jobs = [(f.path, f.source, options) for f in files]
    if workers <= 1 or len(files) <= 1:
        for job in jobs:
            yield _worker(job)
        return
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
        yield from pool.map(_worker, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8) or 1)))


def _load_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _carry_over(out: Path, sink: TableSink, keep: set[str]) -> None:
    """Copy the previous run's records of unchanged files into the new tables."""
    for name in (*TABLES, "errors"):
        old = out / f"{name}.jsonl"
        if not old.exists():
            continue
        with open(old, encoding="utf-8") as f:
            rows = (json.loads(line) for line in f if line.strip())
            sink.write(name, (r for r in rows if r.get("source") in keep))


def run_batch(paths: list[str], out: Path, options: Options, *, workers: int = 1, resume: bool = False,
              formats: tuple[str, ...] = ("jsonl",), progress: Callable[[int, int, float], None] | None = None,
              ) -> BatchSummary:
    """Extract every file under `paths` into tables in `out`."""
    t0 = time.perf_counter()
    files, missing = collect_inputs(paths)
    summary = BatchSummary(files=len(files) + len(missing), errors=list(missing))
    manifest_old = _load_manifest(out) if resume else {}
    fingerprint = options.fingerprint()
    digests = {f.source: _digest(f.path) for f in files}
    unchanged = {s for s, d in digests.items()
                 if resume and manifest_old.get("files", {}).get(s) == d and manifest_old.get("options") == fingerprint}
    todo = [f for f in files if f.source not in unchanged]
    summary.skipped = len(files) - len(todo)
    sink = TableSink(out, formats)
    try:
        _carry_over(out, sink, unchanged) if unchanged else None
        for err in missing:
            sink.error(err)
        for done, result in enumerate(iter_results(todo, options, workers), 1):
            _store(out, sink, result, summary)
            if progress:
                progress(done, len(todo), time.perf_counter() - t0)
        sink.commit()
    except BaseException:
        sink.abort()
        raise
    summary.counts = dict(sink.counts)
    ok = {s: d for s, d in digests.items() if s not in {e.source for e in summary.errors}}
    atomic_write_text(out / MANIFEST, json.dumps({"options": fingerprint, "files": ok}, ensure_ascii=False))
    summary.seconds = time.perf_counter() - t0
    return summary


def _store(out: Path, sink: TableSink, result: FileResult, summary: BatchSummary) -> None:
    if result.error:
        sink.error(result.error)
        summary.errors.append(result.error)
        return
    summary.chars += result.chars
    for name, records in result.tables().items():
        sink.write(name, records)
    if result.derived_text is not None:
        atomic_write_text(out / "texts" / f"{result.source}.txt", result.derived_text)


def progress_printer(stream=sys.stderr) -> Callable[[int, int, float], None]:
    """A one-line progress bar with files/s and ETA (only drawn on a terminal)."""
    def show(done: int, total: int, elapsed: float) -> None:
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files "
                     f"{rate:.1f} files/s ETA {eta:.0f}s")
        if done == total:
            stream.write("\n")
        stream.flush()
    return show


def default_workers() -> int:
    """All cores."""
    return os.cpu_count() or 1
