"""The HTML report: well-formed, self-contained, every text escaped."""
from __future__ import annotations

from html.parser import HTMLParser

from zhengce.compare.diff import diff_sides
from zhengce.compare.index import add_result
from zhengce.compare.align import Side
from zhengce.compare.report import render_diff

VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.ids, self.hrefs, self.external = [], [], set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag in {"script", "link", "img", "iframe"} or "src" in a or a.get("href", "#").split(":")[0] in {"http", "https"}:
            self.external.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def test_report_is_well_formed_and_self_contained(diffed):
    page = render_diff(diffed, "a.txt", "b.txt")
    c = _Checker()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack
    assert not c.external
    assert c.hrefs and set(c.hrefs) <= c.ids  # every link lands on a clause of the other side
    assert "<mark>" in page


def test_report_escapes_text(extract_text, doc_texts):
    evil = doc_texts[0].replace("不少于350平方米", "不少于350平方米(a<b、c>d&e\"f')")
    side = Side()
    result = extract_text(evil)
    add_result(side, result, evil)
    page = render_diff(diff_sides(side, side), "<a>.txt", "b.txt")
    assert "a&lt;b、c&gt;d&amp;e&quot;f&#x27;" in page
    assert "&lt;a&gt;.txt" in page
