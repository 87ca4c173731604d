"""The speed paths of the quantity extractor (memo, integer n-gram sums, clause cues) give exactly
what the plain computation gives."""
from __future__ import annotations

import re
from itertools import repeat
from operator import add

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhengce.extract import kind, memo, quantities, quantity_context
from zhengce.extract.quantities import find_quantities


def test_memo_equals_a_fresh_reading_on_the_seeds(seed_provisions, monkeypatch):
    """Every seed provision, asked in document order, again from the memo, and with the memo off."""
    pairs = seed_provisions
    quantities._MEMO.clear()
    first = [find_quantities(t, c) for t, c in pairs]
    assert any(first)
    assert [find_quantities(t, c) for t, c in pairs] == first
    monkeypatch.setattr(memo, "ENABLED", False)
    quantities._MEMO.clear()
    assert [find_quantities(t, c) for t, c in pairs] == first
    assert not quantities._MEMO


def test_inherited_time_is_per_context():
    """The memo holds one result per text; the time inherited from the context is applied per call."""
    text = "23个村集体经济收入超过10万元。"
    with_time = find_quantities(text, "2019年,全县共有村级党组织215个。")
    without = find_quantities(text, "")
    assert {q.time for q in with_time} == {"2019年"}
    assert {q.time for q in without} == {None}
    assert find_quantities(text, "2019年,全县共有村级党组织215个。") == with_time


@pytest.mark.parametrize("sentence", ["", "应", "应当", "每人每年不少于56个学时。", "𠀀应当𠀀", "a\ud800b",
                                      "全县已有87个村集体经济收入超过20万元,占村总数的63%。"])
def test_ngram_score_equals_string_sums(sentence):
    _, weights, bigrams = kind._fixed_point()
    expected = (sum(map(weights.get, set(sentence), repeat(0)))
                + sum(map(bigrams.get, set(map(add, sentence, sentence[1:])), repeat(0))))
    assert kind._ngram_score(sentence) == expected


def test_clause_score_equals_slice_cues():
    assert kind._BREAKS == quantity_context.CLAUSE_END
    sentence = "各村应当建立台账,已完成的不得少于3项;确保每年至少开展2次。"
    for pos in (9, 20, 30):
        cs, ce = quantity_context.clause(sentence, pos)
        expected = sum(map(kind._fixed_point()[1].get, set(kind._clause_cues(sentence[cs:ce])), repeat(0)))
        assert kind._clause_score(sentence, cs, ce) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="。!? \t\n年a2,", max_size=14))
def test_last_sentence_equals_split(tail):
    pieces = [s for s in re.split(r"(?<=[。!?])", tail) if s.strip()]
    assert quantity_context._last_sentence(tail) == (pieces[-1].strip() if pieces else None)
