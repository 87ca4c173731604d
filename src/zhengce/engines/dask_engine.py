"""The Dask engine: items run on a dask.distributed cluster, results come back in input order.

Why Dask rather than a home-made scheduler or Ray: see benchmarks/README.md. Workers read the
input files themselves, so a remote cluster needs the files at the same (absolute) paths, e.g. on
a shared file system; outputs are written by this process only.
"""
from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WINDOW_PER_THREAD = 4  # tasks in flight per worker thread; bounds memory on both sides


class DaskEngine:
    """Connects to `scheduler` (an address) or starts a LocalCluster of `workers` processes."""

    def __init__(self, scheduler: str | None = None, *, workers: int = 2):
        self.scheduler = scheduler
        self.workers = max(1, int(workers))
        self.client = None
        self._cluster = None

    def __enter__(self) -> "DaskEngine":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("--engine dask needs dask.distributed: pip install 'zhengce[dask]'") from None
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self._cluster = LocalCluster(n_workers=self.workers, processes=True, threads_per_worker=1,
                                         dashboard_address=None)
            self.client = Client(self._cluster)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client = self._cluster = None

    def imap(self, fn: Callable[[T], R], items: Iterable[T], on_error: Callable[[T, BaseException], R],
             ) -> Iterator[R]:
        """fn(item) for every item; gathered as they complete, yielded in input order."""
        from distributed import as_completed

        window = WINDOW_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        source = enumerate(items)
        meta: dict[str, tuple[int, T]] = {}  # future key -> (input index, item)
        done: dict[int, R] = {}  # results waiting for an earlier one
        queue = as_completed()
        next_out = submitted = 0
        while True:
            # Submit only while fewer than `window` results are in flight or waiting to be written.
            batch = list(islice(source, max(0, window - (submitted - next_out))))
            if batch:
                futures = self.client.map(fn, [item for _, item in batch], pure=False)
                meta.update((f.key, b) for f, b in zip(futures, batch))
                queue.update(futures)
                submitted += len(batch)
            if not meta:
                return
            future = next(queue)
            i, item = meta.pop(future.key)
            try:
                done[i] = future.result()
            except Exception as e:  # noqa: BLE001 - e.g. KilledWorker: reported, the batch goes on
                done[i] = on_error(item, e)
            future.release()
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
