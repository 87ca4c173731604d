"""HTML ingest: visible text only; script/style dropped, block tags give lines, entities decoded."""
from __future__ import annotations

from pathlib import Path

import pytest

from zhengce.ingest import read_file
from zhengce.ingest.html import declared_charset, html_to_text

# fmt: off
VISIBLE = [
    # (id, markup, expected text)
    ("script and style dropped", "<p>甲<script>var x='脚本';</script>乙</p><style>p{color:red}</style><p>丙</p>",
     "甲乙\n\n丙\n"),
    ("markup inside script is not text", '<p>a</p><script>document.write("<p>x</p>")</script><p>b</p>', "a\n\nb\n"),
    ("noscript, template, svg, select dropped",
     "<noscript>无脚本</noscript><template><p>模板</p></template><svg><text>图</text></svg>"
     "<select><option>选项</option></select><p>正文</p>", "正文\n"),
    ("iframe and object dropped", "<p>正文</p><iframe src=x>框</iframe><object data=x><p>对象</p></object><p>后文</p>",
     "正文\n\n后文\n"),
    ("head and title dropped", "<html><head><title>标题</title></head><body><p>正文</p></body></html>", "正文\n"),
    ("comments dropped", "<p>正文<!-- 注释 -->内容</p>", "正文内容\n"),
    ("block tags give lines", "<div>首页 &gt; 通知</div><h1>标题</h1><p>段落一</p><ul><li>甲</li><li>乙</li></ul>",
     "首页 > 通知\n\n标题\n\n段落一\n\n甲\n\n乙\n"),
    ("br gives a line", "<p>一行<br>二行<br/>三行</p>", "一行\n二行\n三行\n"),
    ("uppercase tags", "<P>大写<BR>换行</P><DIV>块</DIV>", "大写\n换行\n\n块\n"),
    ("inline tags do not split", "<p>中<span>文</span><a href='#'>链接</a><font>字</font><b>粗</b></p>",
     "中文链接字粗\n"),
    ("entities decoded", "<p>甲&amp;乙&lt;丙&gt;&#20013;&#x6587;&quot;</p>", '甲&乙<丙>中文"\n'),
    ("nbsp kept for normalization", "<p>第一段&nbsp;文字</p>", "第一段\xa0文字\n"),
    ("source newlines inside a paragraph collapse", "<p>第一行\n   第二行</p>", "第一行 第二行\n"),
    ("runs of blank lines collapse", "<p>前</p><br><br><br><br><p>后</p>", "前\n\n后\n"),
    ("table cells", "<table><tr><td>单元一</td><td>单元二</td></tr></table>", "\t单元一\t单元二\n"),
    ("unclosed tags", "<p>未闭合<b>粗体<p>下一段</i></span>", "未闭合粗体\n下一段\n"),
    ("unclosed script at the end", "<p>正文<script>var a = 1;", "正文\n"),
]
# fmt: on


@pytest.mark.parametrize("markup, expected", [c[1:] for c in VISIBLE], ids=[c[0] for c in VISIBLE])
def test_visible_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


@pytest.mark.parametrize("markup", [
    "<html><head><title>标题</title><body><p>正文内容</p></body></html>",
    "<html><head><meta charset=utf-8><title>标题</title>\n<p>正文内容</p>",
])
def test_unclosed_head_keeps_the_body(markup: str) -> None:
    assert "正文内容" in html_to_text(markup)


def test_deeply_nested_markup() -> None:
    markup = "<div>" * 20000 + "深层正文。" + "</div>" * 20000
    assert html_to_text(markup) == "深层正文。\n"


@pytest.mark.parametrize("head, charset", [
    (b'<meta charset="gbk">', "gbk"),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=GB2312'>", "gb2312"),
    (b"<META CHARSET=utf-8>", "utf-8"),
    (b"<title>x</title>", None),
])
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset


def test_read_html_file_is_derived_text(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='gbk'><script>x()</script></head><body>"
            "<div class='crumb'>首页 &gt; 通知公告</div><h1>关于加强基层治理的通知</h1>"
            "<p>各乡镇:</p><p>现将有关事项通知如下。</p></body></html>")
    path = tmp_path / "notice.html"
    path.write_bytes(page.encode("gbk"))
    got = read_file(path)
    assert got.kind == "html" and got.derived
    assert got.text == "首页 > 通知公告\n\n关于加强基层治理的通知\n\n各乡镇:\n\n现将有关事项通知如下。\n"
