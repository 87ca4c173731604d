"""The same document as .txt, .docx and .pdf extracts to the same records (issue 6)."""
from __future__ import annotations

import pytest

from zhengce.api import extract_path
from zhengce.options import default_options

from make_docs import build_corpus_docx, build_pdf, corpus_paragraphs

OPTIONS = default_options().with_(extract_responsibilities=False)


def _quantity_keys(result):
    return sorted(repr((q.value, q.low, q.high, q.unit, q.comparator)) for q in result.quantities)


@pytest.fixture(scope="module")
def as_text(tmp_path_factory):
    path = tmp_path_factory.mktemp("txt") / "doc.txt"
    path.write_text("\n\n".join(corpus_paragraphs()) + "\n", encoding="utf-8")
    return extract_path(path, options=OPTIONS)


def test_docx_gives_the_records_of_the_text(tmp_path, as_text):
    path = tmp_path / "doc.docx"
    build_corpus_docx(path, corpus_paragraphs())
    got = extract_path(path, options=OPTIONS)
    assert [a.title for a in got.articles] == [a.title for a in as_text.articles]
    assert [(s.label, s.level, s.title) for s in got.sections] == [(s.label, s.level, s.title) for s in as_text.sections]
    txt_provisions = [p.text for p in as_text.provisions]
    assert [p.text for p in got.provisions][: len(txt_provisions)] == txt_provisions  # the duty table follows
    assert set(_quantity_keys(as_text)) <= set(_quantity_keys(got))


def test_pdf_gives_the_records_of_the_text(tmp_path, as_text):
    path = tmp_path / "doc.pdf"
    build_pdf(path, corpus_paragraphs())
    got = extract_path(path, options=OPTIONS)
    assert [a.title for a in got.articles] == [a.title for a in as_text.articles]
    assert [(s.label, s.level, s.title) for s in got.sections] == [(s.label, s.level, s.title) for s in as_text.sections]
    assert [p.text for p in got.provisions] == [p.text for p in as_text.provisions]
    assert _quantity_keys(got) == _quantity_keys(as_text)
    assert all(p.page is not None and p.page >= 1 for p in got.provisions)
