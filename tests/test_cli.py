"""The command line through its real entry points (`python -m zhengce`, the `zhengce` script), and the
Python API entry points: help, tables, exit codes, error lines, atomic outputs, -j, --resume."""
from __future__ import annotations

import os
import shutil
import json
import subprocess
import sys
from pathlib import Path

import pytest

from zhengce import cli
from zhengce import process as process_module

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
TABLES = ("documents", "sections", "provisions", "quantities", "responsibilities")
GOOD = ("关于加强基层治理的实施意见\n为深入学习贯彻党的十九大精神,全面落实中央关于加强城市基层党建的决策部署,"
        "结合我市实际,提出如下意见。\n一、工作目标\n加强领导,健全机制。\n")


def zhengce(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m zhengce ARGS`."""
    return subprocess.run([sys.executable, "-m", "zhengce", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def outputs(out: Path) -> dict[str, bytes]:
    """Every file the run wrote, by name relative to OUT."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def temp_leftovers(out: Path) -> list[str]:
    return [p.name for p in out.rglob(".*") if p.name != ".zhengce-manifest.json"]


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory) -> dict[int, tuple[int, str, Path]]:
    """`zhengce extract corpus -o OUT -j N` for N = 1 and 2, run side by side once for the module:
    {N: (exit code, stderr, OUT)}."""
    base = tmp_path_factory.mktemp("cli")
    procs = {n: subprocess.Popen([sys.executable, "-m", "zhengce", "extract", str(CORPUS), "-o", str(base / f"j{n}"),
                                  "-j", str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "ZHENGCE_SMALL_BATCH_BYTES": "0"})  # -j 2 uses a real pool
             for n in (1, 2)}
    return {n: (p.wait(timeout=300), p.communicate()[1], base / f"j{n}") for n, p in procs.items()}


@pytest.fixture(scope="module")
def corpus_run(corpus_runs) -> tuple[int, str, Path]:
    return corpus_runs[1]


# --- help ---

def _subcommands() -> list[str]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(action.choices)


def test_top_level_help_lists_the_commands() -> None:
    proc = zhengce("--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage: zhengce")
    for name in _subcommands():
        assert name in proc.stdout


def test_every_subcommand_help_exits_0_and_explains() -> None:
    names = _subcommands()
    assert "extract" in names
    procs = {n: subprocess.Popen([sys.executable, "-m", "zhengce", n, "--help"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n in names}
    for name, p in procs.items():
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, (name, err)
        assert out.startswith(f"usage: zhengce {name}"), name
        description = out.split("\n\n")[1]
        assert len(description) >= 40 and not description.lstrip().startswith(("positional", "options")), name


def test_no_arguments_prints_help_and_exits_2() -> None:
    proc = zhengce()
    assert proc.returncode == 2
    assert "usage: zhengce" in proc.stderr


def test_extract_without_paths_exits_2() -> None:
    proc = zhengce("extract", "-o", "out")
    assert proc.returncode == 2
    assert "PATH" in proc.stderr


@pytest.mark.skipif(shutil.which("zhengce") is None, reason="the zhengce console script is not on PATH")
def test_console_script(tmp_path: Path) -> None:
    proc = subprocess.run(["zhengce", "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("zhengce ")
    (tmp_path / "a.txt").write_text("English only.\n", encoding="utf-8")
    proc = subprocess.run(["zhengce", "extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-j", "1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "a.txt" in proc.stderr
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").count("\n") == 1


# --- extract ---

def test_extract_writes_the_five_tables_and_errors(corpus_run) -> None:
    code, stderr, out = corpus_run
    assert code == 0, stderr
    written = outputs(out)
    for name in (*TABLES, "errors"):
        assert f"{name}.jsonl" in written
    assert written["errors.jsonl"] == b""
    assert written["documents.jsonl"].count(b"\n") >= len(list(CORPUS.glob("*.txt")))
    assert not temp_leftovers(out)


def test_exit_1_when_some_files_fail_with_one_line_naming_each(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "english.txt").write_text("English only.\n", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    proc = zhengce("extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    for name, code in (("english.txt", "ZC-E105"), ("empty.txt", "ZC-E102")):
        named = [line for line in lines if name in line]
        assert len(named) == 1 and code in named[0], proc.stderr
    assert (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").count("\n") == 2


def test_exit_2_when_every_file_fails(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("English only.\n", encoding="utf-8")
    proc = zhengce("extract", str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"),
                   "-j", "1")
    assert proc.returncode == 2
    assert "missing.txt" in proc.stderr and "bad.txt" in proc.stderr


def test_jobs_2_output_is_byte_identical_to_jobs_1(corpus_runs) -> None:
    (code1, _, out1), (code2, stderr2, out2) = corpus_runs[1], corpus_runs[2]
    assert code1 == code2 == 0, stderr2
    assert outputs(out2) == outputs(out1)


# --- atomic outputs ---

def test_interrupted_run_leaves_previous_outputs_untouched(tmp_path: Path, monkeypatch, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == 0
    before = outputs(out)
    # change the inputs so that a completed second run would write different tables
    first = sorted(src.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n新增一段内容,要求各地认真贯彻落实。\n", encoding="utf-8")
    real_read, calls = process_module.read_file, []

    def interrupted(path):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_read(path)

    monkeypatch.setattr(process_module, "read_file", interrupted)
    assert cli.main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == 130
    assert len(calls) == 3
    assert outputs(out) == before
    assert not temp_leftovers(out)
    assert "interrupted" in capsys.readouterr().err


def test_outputs_honour_the_umask(corpus_run) -> None:
    """Tables are made as temporary files (mode 0600) and moved into place: they must not stay private."""
    _, _, out = corpus_run
    old = os.umask(0o022)
    os.umask(old)
    mode = (out / "documents.jsonl").stat().st_mode & 0o777
    assert mode == 0o666 & ~old


# --- resume ---

def test_resume_skips_unchanged_files_and_matches_a_fresh_run(tmp_path: Path, capsys) -> None:
    """In-process through cli.main (the same argv path as the script, without three interpreter starts)."""
    src = tmp_path / "in"
    shutil.copytree(CORPUS, src)
    out = tmp_path / "out"
    assert cli.main(["extract", str(src), "-o", str(out), "-j", "1", "-q"]) == 0
    changed = sorted(src.glob("*.txt"))[1]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("一、", "一、新增", 1), encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["extract", str(src), "-o", str(out), "-j", "1", "--resume"]) == 0
    n = len(list(src.glob("*.txt")))
    assert f"{n} files ({n - 1} unchanged, skipped)" in capsys.readouterr().err
    fresh = tmp_path / "fresh"
    assert cli.main(["extract", str(src), "-o", str(fresh), "-j", "1", "-q"]) == 0
    resumed, expected = outputs(out), outputs(fresh)
    for name in (*TABLES, "errors"):
        assert resumed[f"{name}.jsonl"] == expected[f"{name}.jsonl"], name
    if "一、" in text:
        assert "新增".encode() in resumed["sections.jsonl"]


# --- Python API entry points ---

def test_public_extract_stays_callable_after_a_run() -> None:
    import importlib

    import zhengce

    importlib.import_module("zhengce.extract.run")  # what the pipeline's quantities stage imports
    assert callable(zhengce.extract), type(zhengce.extract)


def test_api_extract_of_one_long_line_of_text() -> None:
    from zhengce.api import extract

    result = extract("关于加强基层治理的通知。" * 30)
    assert result.articles


def test_grammar_roles_switches_the_role_model_off(tmp_path):
    """--grammar-roles: each record keeps the role the duties grammar read (the role model changes roles only)."""
    doc = tmp_path / "in" / "fuhe.txt"
    doc.parent.mkdir()
    doc.write_text("某县低保审核办法\n\n第八条 县民政局应当在收到申请之日起15个工作日内作出复核决定。\n", encoding="utf-8")
    rows = {}
    for name, flags in (("model", []), ("grammar", ["--grammar-roles"])):
        assert zhengce("extract", str(doc.parent), "-o", str(tmp_path / name), "-q", *flags).returncode == 0
        lines = (tmp_path / name / "responsibilities.jsonl").read_text(encoding="utf-8").splitlines()
        rows[name] = [json.loads(line) for line in lines]
    strip = lambda rs: [{k: v for k, v in r.items() if k != "role"} for r in rs]  # noqa: E731
    assert strip(rows["model"]) == strip(rows["grammar"]) and rows["model"]
    assert [r["role"] for r in rows["model"]] == ["oversee"] and [r["role"] for r in rows["grammar"]] == ["execute"]
