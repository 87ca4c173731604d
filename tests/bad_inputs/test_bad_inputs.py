"""Bad input never crashes a batch: each bad file yields one coded ErrorRecord (or valid records).

Every kind of bad input is generated at test time in one folder, beside good files; the folder
goes through `run_batch` once and each kind is then checked on its own.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from zhengce.batch import run_batch
from zhengce.options import default_options

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
SENTENCE = "为深入学习贯彻党的十九大精神,全面落实中央关于加强城市基层党建和基层治理的决策部署,结合我市实际,提出如下意见。"
ARTICLE = "关于加强基层治理的实施意见\n" + "\n".join([SENTENCE, "一、工作目标", SENTENCE, "二、主要任务", SENTENCE]) + "\n"


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: `make` writes it under a folder and returns its name."""

    name: str
    make: Callable[[Path], str]
    expect: str  # "error" | "error:ZC-Exxx" | "records" | "either" | "none"
    xfail: str | None = None


def _write(name: str, data: bytes | str | Callable[[], bytes | str]) -> Callable[[Path], str]:
    """A maker writing `data` (or what the callable returns: built only when the batch runs)."""
    def make(folder: Path) -> str:
        path = folder / name
        body = data() if callable(data) else data
        if isinstance(body, str):
            path.write_text(body, encoding="utf-8")
        else:
            path.write_bytes(body)
        return name
    return make


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf_bytes(text: str | None, encrypt: str | None = None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    if text:
        c.setFont("STSong-Light", 12)
        c.drawString(72, 720, text)
    else:
        c.rect(72, 600, 200, 100, fill=1)  # a "scan": drawing, no text layer
    c.showPage()
    c.save()
    return buf.getvalue()


def _zip_bytes(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buf.getvalue()


def _truncated_utf8() -> bytes:
    data = (SENTENCE * 20).encode("utf-8")
    return data[:len(data) // 2 + 1]  # ends inside a 3-byte character


def _directory(folder: Path) -> str:
    (folder / "x.txt").mkdir()
    return "x.txt"


def _symlink_loop(folder: Path) -> str:
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    return "loop_a.txt"


def _dangling_symlink(folder: Path) -> str:
    os.symlink("does_not_exist.txt", folder / "dangling.txt")
    return "dangling.txt"


def _unreadable(folder: Path) -> str:
    path = folder / "unreadable.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    return "unreadable.txt"


_RANDOM = random.Random(20240601)


def _base64_line() -> str:
    """~5 MB on one line: a sentence, then an inlined blob as scraped pages carry."""
    return "关于加强基层治理的通知。" + base64.b64encode(random.Random(7).randbytes(3_800_000)).decode()


_NESTED = "<html><body>" + "<div>" * 20000 + "<h1>关于加强基层治理的通知</h1><p>" + SENTENCE + "</p>" + "</div>" * 20000

# fmt: off
KINDS = [
    Kind("empty", _write("empty.txt", b""), "error:ZC-E102"),
    Kind("whitespace only", _write("whitespace.txt", b" \n\t\r\n   \n"), "error:ZC-E102"),
    Kind("NUL bytes", _write("nul.txt", "中文内容".encode() + b"\x00\x00\x01binary"), "error:ZC-E103"),
    Kind("png named .txt", _write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), "error:ZC-E103"),
    Kind("random bytes .txt", _write("random.txt", _RANDOM.randbytes(5000)), "error"),
    Kind("truncated utf8", _write("truncated_utf8.txt", _truncated_utf8()), "either"),
    Kind("mixed encodings", _write("mixed.txt", SENTENCE.encode("utf-8") + SENTENCE.encode("gbk") + b"\xff"), "error"),
    Kind("only punctuation", _write("punct.txt", "。,、;:!?……——“”《》()\n" * 20), "error:ZC-E105"),
    Kind("english only", _write("english.txt", "An English page about policy.\n" * 5), "error:ZC-E105"),
    Kind("digits and labels only", _write("numbers.txt", "\n".join(f"{i}." for i in range(1, 300))), "error:ZC-E105"),
    Kind("BOM only", _write("bom_only.txt", b"\xef\xbb\xbf"), "error"),
    Kind("BOM then garbage", _write("bom_garbage.txt", b"\xef\xbb\xbf\xff\xfe\xfd\xfc"), "error:ZC-E104"),
    Kind("odd-length utf16", _write("utf16_odd.txt", b"\xff\xfe" + SENTENCE.encode("utf-16-le") + b"\x00"), "error"),
    Kind("legacy .doc renamed .docx", _write("legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
         "error:ZC-E106"),
    Kind("OLE named .txt", _write("ole.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), "error:ZC-E106"),
    Kind("zip that is not docx", _write("archive.txt", _zip_bytes({"a/readme.txt": SENTENCE})), "error:ZC-E106"),
    Kind("zip named .docx", _write("notword.docx", _zip_bytes({"a/readme.txt": SENTENCE})), "error"),
    Kind("truncated docx", _write("truncated.docx", lambda: _docx_bytes([SENTENCE] * 5)[:300]), "error:ZC-E204"),
    Kind("docx without text", _write("blank.docx", lambda: _docx_bytes([])), "error"),
    Kind("zero-byte pdf", _write("zero.pdf", b""), "error:ZC-E102"),
    Kind("fake pdf", _write("fake.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF"), "error:ZC-E203"),
    Kind("truncated pdf", _write("truncated.pdf", lambda: _pdf_bytes("关于加强基层治理的通知")[:400]), "error:ZC-E203"),
    Kind("pdf without text layer", _write("scan.pdf", lambda: _pdf_bytes(None)), "error:ZC-E202"),
    Kind("encrypted pdf", _write("locked.pdf", lambda: _pdf_bytes("关于加强基层治理的通知", encrypt="secret")),
         "error:ZC-E201"),
    Kind("text named .pdf", _write("plain.pdf", ARTICLE), "records"),
    Kind("garbage named .pdf", _write("garbage.pdf", b"<html>404 Not Found</html>"), "error:ZC-E203"),
    Kind("garbage named .docx", _write("garbage.docx", b"not a word file at all"), "error:ZC-E204"),
    Kind("html without visible text", _write("scripts.html", "<html><script>var a='中文';</script>"
                                              "<style>p{}</style></html>"), "error:ZC-E105"),
    Kind("broken html", _write("broken.html", "<html><body><h1>关于加强基层治理的通知<p>" + SENTENCE
                                 + "<div><span>" + SENTENCE + "</scr"), "records"),
    Kind("deeply nested html", _write("nested.html", _NESTED), "records"),
    Kind("gbk html declaring utf-8", _write("liar.html", ("<meta charset='utf-8'><body><h1>关于加强基层治理的通知</h1>"
                                                         "<p>" + SENTENCE + "</p>").encode("gbk")), "records"),
    Kind("5 MB single line", _write("one_line.txt", _base64_line), "either"),
    Kind("very long lines", _write("long_lines.txt", "关于加强基层治理的通知\n" + (SENTENCE * 200 + "\n") * 10), "records"),
    Kind("control characters", _write("control.txt", ARTICLE.replace("实际", "实\x01\x1b[31m际\x7f")), "records"),
    Kind("old Mac CR line ends", _write("cr.txt", ARTICLE.replace("\n", "\r")), "records"),
    Kind("mixed line ends", _write("mixed_eol.txt", ARTICLE.replace("\n", "\r\n", 2)), "records"),
    Kind("bogus entities", _write("entities.txt", ARTICLE + "&bogus;&#99999999;&#xD800;&#0;&amp\n"), "records"),
    Kind("zero-width chars", _write("zw.txt", "\ufeff" + ARTICLE.replace("基层", "基\u200b层\ufeff")), "records"),
    Kind("utf16 with BOM", _write("utf16.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")), "records"),
    Kind("big5", _write("big5.txt", "關於加強基層治理的通知\n為深入學習貫徹黨的十九大精神,結合我市實際,提出如下意見。\n"
                          .encode("big5")), "records"),
    Kind("upper-case suffix", _write("UPPER.TXT", ARTICLE), "records"),
    Kind("space and CJK in name", _write("政策 文件.txt", ARTICLE), "records"),
    Kind("directory named x.txt", _directory, "none"),
    Kind("only boilerplate lines", _write("boiler.txt", "首页 > 新闻中心\n发布日期:2020-01-01\n【打印此页】\n【关闭窗口】\n"
                                           "分享至:\n"), "either"),
    Kind("only headings", _write("headings.txt", "一、总体要求\n二、主要任务\n(一)加强领导\n三、保障措施\n"), "either"),
    Kind("only a title", _write("title.txt", "关于加强基层治理的实施意见\n"), "either"),
    Kind("symlink loop", _symlink_loop, "error"),
    Kind("dangling symlink", _dangling_symlink, "error"),
    Kind("unreadable permissions", _unreadable, "error:ZC-E107"),
]
# fmt: on
GOOD = ["good_a.txt", "good_b.txt"]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int] | str]:
    """Every entry under folder: bytes digest and mode for files, the target for symlinks."""
    snap: dict[str, tuple[bytes, int] | str] = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            snap[rel] = os.readlink(p)
        elif p.is_file():
            mode = p.stat().st_mode
            data = hashlib.sha256(p.read_bytes()).digest() if mode & 0o444 else b"unreadable"
            snap[rel] = (data, mode)
        else:
            snap[rel] = "dir"
    return snap


@pytest.fixture(scope="module")
def batch(tmp_path_factory, seeds):
    """The bad-input folder, the run's output folder and its parsed tables."""
    folder = tmp_path_factory.mktemp("bad_inputs")
    names = {}
    for kind in KINDS:
        if kind.name == "unreadable permissions" and ROOT:
            continue
        names[kind.name] = kind.make(folder)
    for name, seed in zip(GOOD, seeds[:2]):
        (folder / name).write_bytes(seed.read_bytes())
    before = _snapshot(folder)
    out = tmp_path_factory.mktemp("bad_out")
    summary = run_batch([str(folder)], out, default_options(), workers=1)
    after = _snapshot(folder)
    tables = {p.stem: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
              for p in out.glob("*.jsonl")}
    for p in folder.rglob("*"):  # let pytest clean up
        if p.is_file() and not p.is_symlink():
            p.chmod(0o644)
    return {"folder": folder, "out": out, "names": names, "summary": summary, "tables": tables,
            "before": before, "after": after}


def test_there_are_at_least_30_kinds() -> None:
    assert len(KINDS) >= 30
    assert len({k.name for k in KINDS}) == len(KINDS)


def _params():
    for kind in KINDS:
        marks = [pytest.mark.xfail(reason=kind.xfail, strict=True)] if kind.xfail else []
        if kind.name == "unreadable permissions":
            marks.append(pytest.mark.skipif(ROOT, reason="root reads any file"))
        yield pytest.param(kind, id=kind.name, marks=marks)


@pytest.mark.parametrize("kind", list(_params()))
def test_each_bad_input_gives_one_reason_or_records(kind: Kind, batch) -> None:
    source = batch["names"][kind.name]
    errors = [e for e in batch["tables"]["errors"] if e["source"] == source]
    articles = [d for d in batch["tables"]["documents"] if d["source"] == source]
    assert all(e["code"] != "ZC-E301" for e in errors), f"internal error instead of a coded reason: {errors}"
    assert not (errors and articles), "a file gives an error or records, not both"
    if kind.expect == "none":
        assert not errors and not articles
    elif kind.expect.startswith("error"):
        assert len(errors) == 1, errors
        if ":" in kind.expect:
            assert errors[0]["code"] == kind.expect.split(":")[1], errors[0]
    elif kind.expect == "records":
        assert articles and not errors, errors
    else:
        assert len(errors) == 1 or (articles and not errors)


def test_error_lines_name_the_file_and_the_reason(batch) -> None:
    rows = batch["tables"]["errors"]
    assert rows
    known = set(batch["names"].values()) | {"loop_b.txt"}  # the loop's second link is a bad file too
    for row in rows:
        assert set(row) >= {"source", "stage", "code", "message"}
        assert row["source"] in known
        assert row["code"].startswith("ZC-E") and row["message"].strip()
        assert "\n" not in row["message"]
    assert batch["summary"].exit_code == 1  # some files failed, not all


def test_good_files_still_produce_records(batch) -> None:
    docs = {d["source"] for d in batch["tables"]["documents"]}
    provs = {p["source"] for p in batch["tables"]["provisions"]}
    for name in GOOD:
        assert name in docs and name in provs


def test_inputs_are_byte_identical_after_the_run(batch) -> None:
    assert batch["after"] == batch["before"]


def test_no_temporary_files_left(batch) -> None:
    names = [p.name for p in batch["out"].iterdir()]
    assert not [n for n in names if n.startswith(".") and n != ".zhengce-manifest.json"]


def test_long_single_line_is_not_all_title(extract_text) -> None:
    result = extract_text(SENTENCE * 300)  # ~18k characters, one line, real sentences
    assert result.provisions
    assert all(a.title is None or len(a.title) <= 200 for a in result.articles)


def test_one_line_page_starting_with_a_crumb_keeps_its_text(extract_text) -> None:
    result = extract_text("首页 > 通知公告 关于加强基层治理的通知 " + SENTENCE * 20)
    assert result.provisions
