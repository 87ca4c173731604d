"""Batch runs: input order and byte-identity across -j, resume, errors.jsonl, progress, atomicity."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhengce import batch
from zhengce.batch import collect_inputs, run_batch
from zhengce.cli import main
from zhengce.options import default_options

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TABLES = ("documents", "sections", "provisions", "quantities", "responsibilities", "errors")
LINES_PER_FILE = 40  # short excerpts keep every run under a second or two


@pytest.fixture(autouse=True)
def always_use_the_pool(monkeypatch):
    """Small test folders would otherwise run in-process whatever -j says."""
    monkeypatch.setenv("ZHENGCE_SMALL_BATCH_BYTES", "0")


def test_small_batches_run_in_process(docs, monkeypatch):
    files, _ = collect_inputs([docs])
    monkeypatch.setenv("ZHENGCE_SMALL_BATCH_BYTES", "100000000")
    assert batch._useful_workers(files, set(), 2) == 1
    monkeypatch.setenv("ZHENGCE_SMALL_BATCH_BYTES", "1")
    assert batch._useful_workers(files, set(), 2) == 2


def test_a_few_pdfs_are_worth_a_pool(tmp_path, monkeypatch):
    """Two small PDFs (a few KB, about a second each to read) use the pool; two small texts do not."""
    monkeypatch.delenv("ZHENGCE_SMALL_BATCH_BYTES")
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / "pdf").mkdir(exist_ok=True)
        (tmp_path / "pdf" / name).write_bytes(b"%PDF-1.4 " + b"x" * 5000)
    for name in ("a.txt", "b.txt"):
        (tmp_path / "txt").mkdir(exist_ok=True)
        (tmp_path / "txt" / name).write_text("关于加强基层治理的通知。" * 100, encoding="utf-8")
    pdfs, _ = collect_inputs([tmp_path / "pdf"])
    texts, _ = collect_inputs([tmp_path / "txt"])
    assert batch._useful_workers(pdfs, set(), 2) == 2
    assert batch._useful_workers(texts, set(), 2) == 1


@pytest.fixture(autouse=True)
def fixed_code_fingerprint(monkeypatch):
    # Others edit the package while tests run; resume must not see that as a settings change here.
    monkeypatch.setattr(batch, "code_fingerprint", lambda: "test")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder of excerpts of the corpus, in two sub-folders, plus one empty file."""
    root = tmp_path / "in"
    for i, src in enumerate(sorted(CORPUS.glob("*.txt"))):
        lines = src.read_text(encoding="utf-8").splitlines()[:LINES_PER_FILE]
        target = root / ("b" if i % 2 else "a") / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "a" / "empty.txt").write_bytes(b"")
    return root


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.jsonl").read_bytes() for name in TABLES}


def sources(out: Path, table: str = "documents") -> list[str]:
    rows = [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
    return list(dict.fromkeys(r["source"] for r in rows))


def test_one_and_two_workers_write_identical_bytes_in_input_order(docs, tmp_path):
    opts = default_options()
    s1 = run_batch([docs], tmp_path / "j1", opts, workers=1)
    s2 = run_batch([docs], tmp_path / "j2", opts, workers=2)
    assert tables(tmp_path / "j1") == tables(tmp_path / "j2")
    assert s1.counts == s2.counts and s1.counts["provisions"] > 0
    files, _ = collect_inputs([docs])
    ok = [f.source for f in files if f.source != "a/empty.txt"]
    assert sources(tmp_path / "j1") == ok == sorted(ok)


def test_errors_are_reported_and_the_batch_goes_on(docs, tmp_path):
    (docs / "a" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    summary = run_batch([docs, tmp_path / "nowhere.txt"], tmp_path / "out", default_options(), workers=2)
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    by_source = {e["source"]: e for e in errors}
    assert set(by_source) == {str(tmp_path / "nowhere.txt"), "a/binary.txt", "a/empty.txt"}
    assert by_source["a/empty.txt"]["code"] == "ZC-E102"
    assert by_source[str(tmp_path / "nowhere.txt")]["code"] == "ZC-E101"
    assert all(set(e) == {"source", "stage", "code", "message"} for e in errors)
    assert summary.failed == 3 and summary.exit_code == 1
    assert len(sources(tmp_path / "out")) == 5


def test_every_file_failing_gives_exit_code_2(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"")
    assert run_batch([tmp_path / "x.txt"], tmp_path / "out", default_options()).exit_code == 2


def test_resume_skips_unchanged_files_and_reextracts_changed_ones(docs, tmp_path):
    out, opts = tmp_path / "out", default_options()
    run_batch([docs], out, opts, workers=1)
    first = tables(out)
    again = run_batch([docs], out, opts, workers=1, resume=True)
    assert again.skipped == 5 and tables(out) == first  # the empty file failed: it is retried
    changed = docs / "b" / sorted(p.name for p in (docs / "b").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("的", "之", 1), encoding="utf-8")
    third = run_batch([docs], out, opts, workers=2, resume=True)
    assert third.skipped == 4
    run_batch([docs], tmp_path / "fresh", opts, workers=1)
    assert tables(out) == tables(tmp_path / "fresh")  # carried-over records keep input order


def test_resume_reextracts_everything_when_settings_change(docs, tmp_path):
    out = tmp_path / "out"
    run_batch([docs], out, default_options(), workers=1)
    summary = run_batch([docs], out, default_options().with_(join_lines=False), workers=1, resume=True)
    assert summary.skipped == 0


def test_an_interrupted_run_leaves_the_previous_outputs(docs, tmp_path):
    out = tmp_path / "out"
    run_batch([docs], out, default_options(), workers=1)
    before = tables(out)

    def interrupt(done, total, elapsed):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch([docs], out, default_options().with_(join_lines=False), workers=2, progress=interrupt)
    assert tables(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_progress_forced_writes_a_bar_to_stderr(docs, tmp_path, capsys):
    assert main(["extract", str(docs / "a"), "-o", str(tmp_path / "out"), "-j", "1", "--progress"]) == 1
    err = capsys.readouterr().err
    assert "files/s" in err and "ETA" in err and "4/4 files" in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(docs, tmp_path, capsys):
    main(["extract", str(docs / "a"), "-o", str(tmp_path / "out"), "-j", "1"])
    assert "files/s" not in capsys.readouterr().err


def test_same_relative_name_under_two_roots_gets_distinct_sources(tmp_path):
    for root in ("x", "y"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "a.txt").write_text("通知", encoding="utf-8")
    files, missing = collect_inputs([tmp_path / "x", tmp_path / "y", tmp_path / "x" / "a.txt"])
    assert [f.source for f in files] == ["a.txt", "y/a.txt"] and not missing


def test_cli_writes_sqlite_beside_the_tables(docs, tmp_path):
    import sqlite3

    db = tmp_path / "out.sqlite"
    main(["extract", str(docs / "b"), "-o", str(tmp_path / "out"), "-j", "1", "-q", "--db", str(db)])
    n = sqlite3.connect(db).execute("select count(*) from provisions").fetchone()[0]
    assert n == len((tmp_path / "out" / "provisions.jsonl").read_text(encoding="utf-8").splitlines()) > 0


def test_broken_symlinks_in_a_folder_get_error_records(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "loop_a.txt").symlink_to("loop_b.txt")
    (folder / "loop_b.txt").symlink_to("loop_a.txt")
    summary = run_batch([folder], tmp_path / "out", default_options(), workers=1)
    errors = {json.loads(line)["source"]: json.loads(line)["code"]
              for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()}
    assert errors == {"dangling.txt": "ZC-E101", "loop_a.txt": "ZC-E107", "loop_b.txt": "ZC-E107"}
    assert summary.exit_code == 2


def test_the_output_folder_inside_an_input_folder_is_not_read(docs, tmp_path):
    out = docs / "out"
    first = run_batch([docs], out, default_options())
    (out / "texts").mkdir(exist_ok=True)
    (out / "texts" / "copy.txt").write_text((docs / "a" / "000_07a1961cffcfda3d.txt").read_text(encoding="utf-8"),
                                            encoding="utf-8")
    second = run_batch([docs], out, default_options())
    assert second.files == first.files
    assert "texts/copy.txt" not in sources(out)
