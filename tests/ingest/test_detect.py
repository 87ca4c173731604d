"""Decoding and type sniffing: each kind of file gives the right text or the right ZhengceError code."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from zhengce.errors import ZhengceError
from zhengce.ingest import read_file
from zhengce.ingest.detect import decode, has_chinese, sniff_kind

SIMPLIFIED = "为深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神,全面落实中央、省委关于加强城市基层党建的决策部署。"
TRADITIONAL = "為深入學習貫徹習近平新時代中國特色社會主義思想,全面貫徹落實黨的十九大和十九屆二中、三中全會精神。"


def _big5_paragraph(seeds: list[Path]) -> str:
    """A paragraph of seed 004 (traditional script) that Big5 can encode (unencodable chars dropped)."""
    seed = next((p for p in seeds if p.name.startswith("004_")), None)
    text = seed.read_text(encoding="utf-8") if seed else TRADITIONAL
    para = next(line for line in text.splitlines() if len(line) > 100)
    return para.encode("big5", errors="ignore").decode("big5")


# fmt: off
TEXT_CASES = [
    # (id, bytes, expected text, expected encoding)
    ("utf8", SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    ("utf8 BOM not counted", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    ("gb18030", SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    ("gbk", SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
    ("gb2312", SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030"),
    ("utf16 LE BOM", b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16"),
    ("utf16 BE BOM", b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
    ("crlf kept as decoded", ("一、总体要求\r\n" + SIMPLIFIED + "\r\n").encode("utf-8"),
     "一、总体要求\r\n" + SIMPLIFIED + "\r\n", "utf-8"),
    ("gbk crlf", ("一、总体要求\r\n" + SIMPLIFIED).encode("gbk"), "一、总体要求\r\n" + SIMPLIFIED, "gb18030"),
]

ERROR_CASES = [
    # (id, file name, bytes, error code)
    ("empty", "a.txt", b"", "ZC-E102"),
    ("whitespace only", "a.txt", b" \r\n\t\n  \n", "ZC-E102"),
    ("ideographic spaces only", "a.txt", "\u3000\u3000\n".encode("utf-8"), "ZC-E105"),
    ("binary NUL bytes", "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "ZC-E103"),
    ("no Chinese text", "a.txt", b"This policy document is in English only.\n", "ZC-E105"),
    ("one Chinese char", "a.txt", "Policy 策\n".encode("utf-8"), "ZC-E105"),
    ("legacy .doc (OLE)", "a.doc.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "ZC-E106"),
    ("legacy .doc named .docx", "a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "ZC-E106"),
    ("invalid utf8 after BOM", "a.txt", b"\xef\xbb\xbf\xff\xfe\xfd\xfc", "ZC-E104"),
    ("odd-length utf16", "a.txt", b"\xff\xfe" + "中文".encode("utf-16-le") + b"\x00", "ZC-E104"),
    ("undecodable bytes", "a.txt", "中文内容".encode("utf-8") + "中文内容".encode("gbk") + b"\xff\xff", "ZC-E104"),
]
# fmt: on


@pytest.mark.parametrize("data, text, encoding", [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_decode(data: bytes, text: str, encoding: str, tmp_path: Path) -> None:
    assert decode(data) == (text, encoding)
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    got = read_file(path)
    assert (got.text, got.kind, got.encoding) == (text, "txt", encoding)
    assert "\ufeff" not in got.text


def test_big5_seed_paragraph(seeds, tmp_path: Path) -> None:
    para = _big5_paragraph(seeds)
    data = para.encode("big5")
    assert decode(data) == (para, "big5")
    (tmp_path / "big5.txt").write_bytes(data)
    assert read_file(tmp_path / "big5.txt").text == para


def test_big5_short_title() -> None:
    assert decode("關於加強基層治理的意見".encode("big5")) == ("關於加強基層治理的意見", "big5")


@pytest.mark.parametrize("name, data, code", [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_bad_file_gives_error_code(name: str, data: bytes, code: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ZhengceError) as info:
        read_file(path)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ZhengceError) as info:
        read_file(tmp_path / "nope.txt")
    assert info.value.code == "ZC-E101"


def test_zip_that_is_not_docx(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data/readme.txt", "中文内容")
    path = tmp_path / "archive.txt"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ZhengceError) as info:
        read_file(path)
    assert info.value.code == "ZC-E106"


@pytest.mark.parametrize("charset, codec", [("gbk", "gbk"), ("gb2312", "gbk"), ("GB18030", "gb18030"),
                                            ("big5", "big5"), ("utf-8", "utf-8")])
def test_html_meta_charset(charset: str, codec: str, tmp_path: Path) -> None:
    body = TRADITIONAL if codec == "big5" else SIMPLIFIED
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{body[:4]}</title></head><body><p>{body}</p></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(codec))
    got = read_file(path)
    assert got.kind == "html"
    assert got.text.strip() == body


def test_html_wrong_meta_charset_falls_back_to_sniffing(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="utf-8"></head><body><p>{SIMPLIFIED}</p></body></html>'
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk"))
    assert read_file(path).text.strip() == SIMPLIFIED


# fmt: off
SNIFF = [
    ("pdf magic wins over .txt", b"%PDF-1.7\n...", ".txt", "pdf"),
    ("html by doctype", b"<!DOCTYPE html><html><body>x</body></html>", ".txt", "html"),
    ("html by extension", "正文".encode("utf-8"), ".shtml", "html"),
    ("plain text", "正文".encode("utf-8"), ".txt", "txt"),
    ("docx by extension", b"PK\x03\x04rest", ".docx", "docx"),
    ("docx by content", b"PK\x03\x04....word/document.xml", ".zip", "docx"),
]
# fmt: on


@pytest.mark.parametrize("data, suffix, kind", [c[1:] for c in SNIFF], ids=[c[0] for c in SNIFF])
def test_sniff_kind(data: bytes, suffix: str, kind: str) -> None:
    assert sniff_kind(data, suffix) == kind


def test_has_chinese() -> None:
    assert has_chinese("通知")
    assert not has_chinese("通")
    assert not has_chinese("ＡＢＣ。,、")
