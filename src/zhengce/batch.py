"""Batch extraction over files and folders: engines, progress, resume, streaming output.

Data flow: `collect_inputs` lists the files; an engine (engines/) runs `run_file` on each, in this
process, a local process pool or a Dask cluster, with a bounded number of files in flight; each
result comes back already encoded as JSON lines and is appended, in input order, to the tables of
a `TableSink`. Nothing holds more than the in-flight window of results, so memory stays flat as the
corpus grows, and the output is byte-identical whatever the engine or the number of workers.

`--resume` keeps, per file, the SHA-256 of its content in OUT/.zhengce-manifest.json together with
a fingerprint of the options and of the zhengce code and data; a file whose digest and fingerprint
are unchanged is not re-extracted: its records are copied from the previous tables (in input
order, so a resumed run writes the same bytes as a fresh one).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from .engines import Engine, make_engine
from .ingest import SUPPORTED_SUFFIXES
from .options import Options
from .output.db import check_db, write_db
from .output.writers import ALL_TABLES, TableSink, atomic_write_text, check_formats, encode_records
from .process import process_path
from .records import ErrorRecord

MANIFEST = ".zhengce-manifest.json"
MANIFEST_VERSION = 2
KEPT_ERRORS = 100  # error records kept in the summary for display (all go to errors.jsonl)
Progress = Callable[[int, int, float], None]


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to process and the name its records carry."""

    path: Path
    source: str


@dataclass(slots=True)
class Encoded:
    """One file's records as JSON lines per table, encoded in the worker that made them.

    The lines travel as UTF-8 bytes: encoded once, in parallel, by the worker; the main process
    (the serial part of a run) then only copies them to the tables instead of decoding a pickled
    str and encoding it again.
    """

    source: str
    lines: dict[str, bytes] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    chars: int = 0
    error: ErrorRecord | None = None
    derived_text: str | None = None  # plain text of html/pdf/docx, saved under OUT/texts/


@dataclass(slots=True)
class BatchSummary:
    """What a run did, for the one-screen summary and the exit code."""

    files: int = 0
    skipped: int = 0
    chars: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)  # the first KEPT_ERRORS
    failed: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all good, 1 some files failed, 2 every file failed."""
        if not self.failed:
            return 0
        return 2 if self.failed >= self.files else 1

    def add_error(self, err: ErrorRecord) -> None:
        """Count a failed file, keeping the first few records for display."""
        self.failed += 1
        if len(self.errors) < KEPT_ERRORS:
            self.errors.append(err)


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[ErrorRecord]]:
    """Files under the given paths (folders recursively), each named relative to its root, once."""
    files, missing = [], []
    seen_paths, seen_sources = set(), set()
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            found = [(p, p.relative_to(root)) for p in sorted(root.rglob("*"))]
            # A broken symlink (dangling, loop) is kept: reading it gives the file its error record.
            found = [(p, rel) for p, rel in found if (p.is_file() or p.is_symlink() and not p.is_dir())
                     and p.suffix.lower() in SUPPORTED_SUFFIXES and not any(part.startswith(".") for part in rel.parts)]
        elif root.is_file():
            found = [(root, Path(root.name))]
        else:
            missing.append(ErrorRecord(str(raw), "ingest", "ZC-E101", "file not found"))
            continue
        prefix = Path(os.path.realpath(root)).name
        for p, rel in found:
            real = os.path.realpath(p)  # unlike Path.resolve(), never raises on a symlink loop
            if real in seen_paths:
                continue
            # Two roots may hold the same relative name; ids are built from it, so keep it unique.
            source = next(s for s in (rel.as_posix(), f"{prefix}/{rel.as_posix()}", real)
                          if s not in seen_sources)
            seen_paths.add(real)
            seen_sources.add(source)
            files.append(InputFile(p, source))
    return files, missing


def run_file(job: tuple[str, str], options: Options) -> Encoded:
    """Extract one file (path, source) and encode its records; runs in a worker."""
    path, source = job
    result = process_path(Path(path), source, options)
    if result.error:
        return Encoded(source, error=result.error)
    tables = result.tables()
    return Encoded(source, {name: encode_records(recs).encode("utf-8") for name, recs in tables.items()},
                   {name: len(recs) for name, recs in tables.items()}, result.chars, None, result.derived_text)


def worker_failed(job: tuple[str, str], exc: BaseException) -> Encoded:
    """The result of a file whose worker died or whose result could not be returned."""
    message = f"worker failed: {type(exc).__name__}: {exc}"[:300]
    return Encoded(job[1], error=ErrorRecord(job[1], "worker", "ZC-E301", message))


def _digest(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:  # unreadable: the worker reports why; such a file is never "unchanged"
        return None
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 of zhengce's own code and data files: records change when either does."""
    h = hashlib.sha256()
    stack = [resources.files("zhengce")]
    while stack:
        for entry in sorted(stack.pop().iterdir(), key=lambda e: e.name):
            if entry.is_dir() and entry.name != "__pycache__":
                stack.append(entry)
            elif entry.is_file() and not entry.name.endswith((".pyc", ".pyo")):
                h.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return h.hexdigest()[:16]


def _load_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else {}


class PreviousTables:
    """Byte ranges of each source's records in the previous run's JSONL tables (for --resume)."""

    def __init__(self, out: Path, keep: set[str]):
        self._files: dict[str, IO[bytes]] = {}
        self.ranges: dict[str, dict[str, list[list[int]]]] = {}
        for name in ALL_TABLES:
            if name == "errors":
                continue  # a file that failed is never carried over
            f = open(out / f"{name}.jsonl", "rb")
            self._files[name] = f
            self.ranges[name] = _index(f, keep)

    @staticmethod
    def complete(out: Path) -> bool:
        """Whether every table of a previous run is there to copy from."""
        return all((out / f"{name}.jsonl").is_file() for name in ALL_TABLES)

    def copy(self, source: str, sink: TableSink) -> None:
        """Append the previous records of `source` to the sink."""
        for name, f in self._files.items():
            for start, end in self.ranges[name].get(source, ()):
                f.seek(start)
                chunk = f.read(end - start)
                sink.write_lines(name, chunk, chunk.count(b"\n"))

    def close(self) -> None:
        """Close the previous tables."""
        for f in self._files.values():
            f.close()


_SOURCE_KEY = b'"source": "'


def _source_of(line: bytes) -> str | None:
    i = line.find(_SOURCE_KEY)
    if i < 0:
        return None
    j = line.find(b'"', i + len(_SOURCE_KEY))
    raw = line[i + len(_SOURCE_KEY):j]
    if b"\\" in raw:  # an escaped character in the name: let the JSON parser read it
        return json.loads(line).get("source")
    return raw.decode("utf-8")


def _index(f: IO[bytes], keep: set[str]) -> dict[str, list[list[int]]]:
    ranges: dict[str, list[list[int]]] = {}
    pos = 0
    for line in f:
        source = _source_of(line)
        if source in keep:
            spans = ranges.setdefault(source, [])
            if spans and spans[-1][1] == pos:
                spans[-1][1] = pos + len(line)
            else:
                spans.append([pos, pos + len(line)])
        pos += len(line)
    return ranges


def _plan(files: list[InputFile], out: Path, options: Options, resume: bool) -> tuple[dict, set[str], str]:
    """(digest per source, sources unchanged since the last run, fingerprint of this run)."""
    fingerprint = f"{options.fingerprint()};code={code_fingerprint()}"
    digests = {f.source: _digest(f.path) for f in files}
    old = _load_manifest(out) if resume else {}
    if not old or old.get("fingerprint") != fingerprint or not PreviousTables.complete(out):
        return digests, set(), fingerprint
    previous = old.get("files", {})
    return digests, {s for s, d in digests.items() if d is not None and previous.get(s) == d}, fingerprint


def run_batch(paths: list[str], out: Path, options: Options, *, workers: int = 1, resume: bool = False,
              formats: tuple[str, ...] = ("jsonl",), db: Path | None = None, engine: str | Engine = "local",
              scheduler: str | None = None, progress: Progress | None = None) -> BatchSummary:
    """Extract every file under `paths` into tables in `out` (and the database `db`, if given)."""
    t0 = time.perf_counter()
    out = Path(out)
    check_formats(formats)
    if db is not None:
        check_db(db)
    files, missing = collect_inputs(paths)
    files = _outside(files, out)
    summary = BatchSummary(files=len(files) + len(missing))
    digests, unchanged, fingerprint = _plan(files, out, options, resume)
    summary.skipped = len(unchanged)
    sink = TableSink(out, formats)
    previous = PreviousTables(out, unchanged) if unchanged else None
    if engine == "local":
        workers = _useful_workers(files, unchanged, workers)
    runner = make_engine(engine, workers=workers, scheduler=scheduler) if isinstance(engine, str) else engine
    try:
        for err in missing:
            sink.error(err)
            summary.add_error(err)
        with runner:
            _stream(files, unchanged, previous, runner, options, out, sink, summary, progress, t0)
        # The manifest must never describe other tables than those on disk: drop it before they
        # change; a crash before the new one is written then only costs a full re-run.
        (out / MANIFEST).unlink(missing_ok=True)
        sink.commit()
    except BaseException:
        sink.abort()
        raise
    finally:
        if previous:
            previous.close()
    summary.counts = {k: v for k, v in sink.counts.items() if k != "errors"}
    failed = {e.source for e in summary.errors} if summary.failed <= KEPT_ERRORS else _failed_sources(out)
    ok = {s: d for s, d in digests.items() if s not in failed and d is not None}
    atomic_write_text(out / MANIFEST, json.dumps({"version": MANIFEST_VERSION, "fingerprint": fingerprint,
                                                  "files": ok}, ensure_ascii=False))
    if db is not None:
        write_db(out, Path(db))
    summary.seconds = time.perf_counter() - t0
    return summary


def _failed_sources(out: Path) -> set[str]:
    with open(out / "errors.jsonl", encoding="utf-8") as f:
        return {json.loads(line)["source"] for line in f if line.strip()}


def _stream(files: list[InputFile], unchanged: set[str], previous: PreviousTables | None, runner: Engine,
            options: Options, out: Path, sink: TableSink, summary: BatchSummary, progress: Progress | None,
            t0: float) -> None:
    """Write every file's records in input order: copied when unchanged, else from the engine."""
    jobs = [(os.path.abspath(f.path), f.source) for f in files if f.source not in unchanged]
    results: Iterator[Encoded] = runner.imap(partial(run_file, options=options), jobs, worker_failed)
    done = 0
    try:
        for f in files:
            if f.source in unchanged:
                previous.copy(f.source, sink)
                continue
            _store(out, sink, next(results), summary)
            done += 1
            if progress:
                progress(done, len(jobs), time.perf_counter() - t0)
    finally:
        results.close()


def _store(out: Path, sink: TableSink, result: Encoded, summary: BatchSummary) -> None:
    if result.error:
        sink.error(result.error)
        summary.add_error(result.error)
        return
    summary.chars += result.chars
    for name, lines in result.lines.items():
        sink.write_lines(name, lines, result.counts[name])
    if result.derived_text is not None:
        atomic_write_text(out / "texts" / f"{result.source}.txt", result.derived_text)


def progress_printer(stream=None, min_interval: float = 0.1) -> Progress:
    """A one-line progress bar with files/s and ETA, redrawn at most every `min_interval` s."""
    last = [-1.0]

    def show(done: int, total: int, elapsed: float) -> None:
        if done < total and elapsed - last[0] < min_interval:
            return
        last[0] = elapsed
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / rate if rate > 0 else 0.0
        width = 30
        filled = int(width * done / total) if total else width
        s = stream or sys.stderr
        s.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files "
                f"{rate:.1f} files/s ETA {_clock(eta)} ")
        if done >= total:
            s.write("\n")
        s.flush()
    return show


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds + 0.5), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# Below this much input a process pool's start-up (2-3 s: forkserver, warm-up run) costs more
# than the second core saves; the output is byte-identical either way. The environment variable
# ZHENGCE_SMALL_BATCH_BYTES overrides it (0: always use the pool, as the parity tests do).
SMALL_BATCH_BYTES = 2_000_000
# A PDF or Word file costs far more than its bytes: reading one ~8-page PDF took ~1 s here, as long as
# extracting ~1 MB of text. Each counts as this many bytes of text towards the limit above.
LAYOUT_FILE_BYTES = {".pdf": 1_000_000, ".docx": 200_000}


def _outside(files: list[InputFile], out: Path) -> list[InputFile]:
    """Files not under the output folder (`zhengce extract . -o out` must not read its own texts)."""
    root = os.path.realpath(out) + os.sep
    return [f for f in files if not os.path.realpath(f.path).startswith(root)]


def _useful_workers(files: list[InputFile], unchanged: set[str], workers: int) -> int:
    """`workers`, or 1 when the files still to extract are too little work to repay a pool (PDF and Word
    files weigh more than their bytes)."""
    limit = int(os.environ.get("ZHENGCE_SMALL_BATCH_BYTES", SMALL_BATCH_BYTES))
    if workers <= 1 or limit <= 0:
        return workers
    size = 0
    for f in files:
        if f.source not in unchanged:
            try:
                size += f.path.stat().st_size + LAYOUT_FILE_BYTES.get(f.path.suffix.lower(), 0)
            except OSError:
                continue
            if size >= limit:
                return workers
    return 1


def default_workers() -> int:
    """All cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
