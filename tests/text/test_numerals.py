"""Numeral parsing: doctests plus a table of Chinese, Arabic and mixed numerals."""
from __future__ import annotations

import doctest

import pytest

from zhengce.text import numerals
from zhengce.text.numerals import is_bare_scale, is_chinese_numeral, parse_arabic, parse_chinese, parse_number

NUMBERS = [
    ("一", 1), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("一百", 100),
    ("一百零五", 105), ("一百一十", 110), ("两百", 200), ("三千五百", 3500), ("三千五", 3500),
    ("一万", 10000), ("一万五", 15000), ("两万三千", 23000), ("十万", 100000), ("三十万", 300000),
    ("一千二百万", 12000000), ("一亿五千万", 150000000), ("千", 1000), ("零", 0), ("〇", 0),
    ("二〇二〇", 2020), ("三点五", 3.5), ("半", 0.5),
    ("56", 56), ("63.7", 63.7), ("1.2万", 12000), ("3千", 3000), ("3千万", 30000000),
    ("2.3亿", 230000000), ("1,500", 1500), ("12,345,678", 12345678), ("百分之八十", 80),
    ("百分之12.5", 12.5),
]
NOT_NUMBERS = ["十四五", "三五", "万", "", "十几", "abc", "1.2.3"]


@pytest.mark.parametrize("text,value", NUMBERS, ids=[t for t, _ in NUMBERS])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text):
    assert parse_number(text) is None


def test_doctests():
    failures, tried = doctest.testmod(numerals)
    assert tried > 0 and failures == 0


def test_helpers():
    assert parse_chinese("五") == 5
    assert parse_arabic("5000万") == 50_000_000
    assert is_chinese_numeral("三千") and not is_chinese_numeral("3千")
    assert is_bare_scale("百") and is_bare_scale("半") and not is_bare_scale("一百")
