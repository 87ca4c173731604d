"""Execution engines: run one function over many work items, yielding results in input order.

An engine is a context manager with `imap(fn, items, on_error)`. It keeps a bounded number of items
in flight (so memory stays flat however many files there are), yields results in the order of
`items` (so the output does not depend on the engine or the number of workers), and turns a
failure outside `fn` (a crashed worker process, a lost Dask worker) into `on_error(item, exc)`
instead of stopping the batch.

- `local`: the calling process (1 worker) or a forkserver process pool on this machine.
- `dask`: a dask.distributed cluster (`--scheduler ADDRESS`, or a LocalCluster started here).
"""
from __future__ import annotations

from typing import Any, Callable, ContextManager, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
ENGINES = ("local", "dask")


class Engine(Protocol):
    """What run_batch needs from an engine."""

    def __enter__(self) -> "Engine": ...

    def __exit__(self, *exc: Any) -> None: ...

    def imap(self, fn: Callable[[T], R], items: Iterable[T], on_error: Callable[[T, BaseException], R],
             ) -> Iterator[R]:
        """fn(item) for every item, in input order."""
        ...


def make_engine(name: str = "local", *, workers: int = 1, scheduler: str | None = None) -> ContextManager:
    """An engine by name; `scheduler` is a Dask scheduler address (dask only)."""
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        from .local import LocalEngine

        return LocalEngine(workers)
    if name == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler, workers=workers)
    raise ValueError(f"unknown engine {name!r} ({', '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "make_engine"]
