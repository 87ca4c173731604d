"""Engines: input order under uneven work, crash isolation, and Dask parity with the local run."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from zhengce import batch
from zhengce.batch import run_batch
from zhengce.engines import make_engine
from zhengce.engines.local import LocalEngine
from zhengce.options import default_options

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def slow_square(x: int) -> int:
    """Later items finish first, so that order must come from the engine."""
    time.sleep(0.02 * (5 - x % 5))
    return x * x


def die_on_three(x: int) -> int:
    """Kills its worker process on item 3, as a segfault in a native library would."""
    if x == 3:
        os._exit(1)
    return x


def failed(x: int, exc: BaseException) -> str:
    return f"failed {x}"


def test_local_pool_keeps_input_order():
    with LocalEngine(2, window=4) as engine:
        assert list(engine.imap(slow_square, range(12), failed)) == [x * x for x in range(12)]


def test_a_crashing_item_is_reported_and_the_others_still_run():
    with LocalEngine(2) as engine:
        results = list(engine.imap(die_on_three, range(8), failed))
    assert results == [0, 1, 2, "failed 3", 4, 5, 6, 7]


def test_serial_engine_reports_exceptions_through_on_error():
    with LocalEngine(1) as engine:
        assert list(engine.imap(lambda x: 1 // x, [1, 0], failed)) == [1, "failed 0"]


def test_unknown_engine_and_scheduler_without_dask_are_errors():
    with pytest.raises(ValueError):
        make_engine("spark")
    with pytest.raises(ValueError):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")


def _dump(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    names = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
    return {n: con.execute(f'select * from "{n}"').fetchall() for n in names}


def test_dask_local_cluster_writes_the_same_tables_as_the_local_run(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(batch, "code_fingerprint", lambda: "test")
    docs = tmp_path / "in"
    docs.mkdir()
    for src in sorted(CORPUS.glob("*.txt")):
        lines = src.read_text(encoding="utf-8").splitlines()[:40]
        (docs / src.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    opts = default_options()
    local = run_batch([docs], tmp_path / "local", opts, workers=1, db=tmp_path / "local.sqlite")
    dask = run_batch([docs], tmp_path / "dask", opts, workers=2, engine="dask", db=tmp_path / "dask.sqlite")
    for name in ("documents", "sections", "provisions", "quantities", "responsibilities", "errors"):
        assert (tmp_path / "local" / f"{name}.jsonl").read_bytes() == (tmp_path / "dask" / f"{name}.jsonl").read_bytes()
    assert _dump(tmp_path / "local.sqlite") == _dump(tmp_path / "dask.sqlite")
    assert local.counts == dask.counts and dask.failed == 1
