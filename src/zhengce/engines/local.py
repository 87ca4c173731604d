"""The local engine: in-process for one worker, else a forkserver process pool with a bounded window."""
from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW_PER_WORKER = 4  # items in flight per worker: enough to hide latency, few enough to bound memory
# Imported once in the fork server, so that each worker starts from a warm interpreter with the
# rules already loaded (engines/warm.py runs the pipeline once on import).
PRELOAD = ["zhengce.batch", "zhengce.engines.warm"]


def _context():
    # fork is unsafe once native libraries (OpenCC, pdfium) have started threads; forkserver is
    # cheap because workers are forked from a server that has already imported zhengce.
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the main process should act on it (it cancels
    # the queue and leaves the previous outputs), not workers dying mid-file and looking like crashes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalEngine:
    """Runs items in this process (workers <= 1) or in a pool of `workers` processes."""

    def __init__(self, workers: int = 1, window: int | None = None):
        self.workers = max(1, int(workers))
        self.window = window or self.workers * WINDOW_PER_WORKER
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_ignore_sigint)

    def imap(self, fn: Callable[[T], R], items: Iterable[T], on_error: Callable[[T, BaseException], R],
             ) -> Iterator[R]:
        """fn(item) for every item, in input order; a failure outside fn becomes on_error(item, exc)."""
        if self.workers <= 1:
            for item in items:
                try:
                    yield fn(item)
                except Exception as e:  # noqa: BLE001 - reported through on_error, the batch goes on
                    yield on_error(item, e)
            return
        yield from self._pooled(fn, iter(items), on_error)

    def _pooled(self, fn, items: Iterator[T], on_error) -> Iterator[R]:
        if self._pool is None:
            self._pool = self._new_pool(self.workers)
        pending: deque[tuple[T, Future]] = deque()

        def fill() -> None:
            for item in items:
                pending.append((item, self._pool.submit(fn, item)))
                if len(pending) >= self.window:
                    return

        fill()
        while pending:
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker died (segfault in a native library, OOM kill); every item in flight died
                # with the pool. Rerun them one at a time to find the one that kills its worker.
                redo = [item, *(i for i, _ in pending)]
                pending.clear()
                self._shutdown()
                yield from self._isolate(fn, redo, on_error)
                self._pool = self._new_pool(self.workers)
                fill()
                continue
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be pickled
                result = on_error(item, e)
            yield result
            fill()

    def _isolate(self, fn, items: list[T], on_error) -> Iterator[R]:
        pool = self._new_pool(1)
        try:
            for item in items:
                try:
                    yield pool.submit(fn, item).result()
                except BrokenProcessPool as e:
                    yield on_error(item, e)
                    pool.shutdown(wait=True)
                    pool = self._new_pool(1)
                except Exception as e:  # noqa: BLE001
                    yield on_error(item, e)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
