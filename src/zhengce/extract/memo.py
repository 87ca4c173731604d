"""A bounded memo of extractor results, shared by the quantity and responsibility extractors.

Policy documents are reposted, so a batch meets the same provisions again; each extractor keys
its results by what they depend on and reads each key once. The memo empties itself when the
rule objects it was filled with are replaced (a reloaded lexicon or grammar). ZHENGCE_MEMO=0
turns it off (the results are the same, tested): benchmarks measure the extractors on unique
text that way, since a synthetic corpus repeats far more sentences than real folders do.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Callable, Generic, Hashable, Iterator, TypeVar

V = TypeVar("V")
ENABLED = os.environ.get("ZHENGCE_MEMO", "1") != "0"
_SIZE_OFF = 16  # with the memo off, enough for the calls made on one provision


def text_cache(size: int) -> Callable:
    """`functools.lru_cache` for a function of a provision's or sentence's text: `size` entries with the
    memo on; with it off only a few, so that a provision met again in another document is read again
    (the benchmarks measure unique text that way) while the calls made on one provision still share."""
    return lru_cache(maxsize=size if ENABLED else _SIZE_OFF)


class RuleMemo(Generic[V]):
    """First-in-first-out memo of at most `size` results, valid while `rules()` returns the same objects."""

    def __init__(self, rules: Callable[[], tuple], size: int = 8192):
        self._rules = rules
        self._size = size
        self._made_with: tuple = ()
        self._store: dict[Hashable, V] = {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The result for `key`, computed by `compute()` the first time (every time when off)."""
        if not ENABLED:
            return compute()
        rules = self._rules()
        if len(rules) != len(self._made_with) or any(a is not b for a, b in zip(rules, self._made_with)):
            self._store.clear()
            self._made_with = rules
        found = self._store.get(key)
        if found is None:
            if len(self._store) >= self._size:
                try:
                    del self._store[next(iter(self._store))]  # cheap and bounded
                except (KeyError, RuntimeError, StopIteration):  # another thread evicted it first
                    pass
            found = self._store[key] = compute()
        return found

    def clear(self) -> None:
        """Forget every result."""
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._store)
