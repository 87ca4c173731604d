"""Chinese and Arabic numerals: pure parsing functions and the regex fragments the grammar uses.

Input is normalized text (full-width digits already folded). Nothing here knows
about units or comparators; `extract/quantities.py` composes these fragments.
"""
from __future__ import annotations

import re

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
SCALES: dict[str, int] = {**SMALL_UNITS, **BIG_UNITS}

CN_CHARS = "".join(DIGITS) + "".join(SCALES)
_CHINESE_NUMERAL_CHARS = CN_CHARS + "点半"
# NOTE: keep these fragments in sync with parse_number(): every string they match must parse.
AR_NUM = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
CN_NUM = rf"[{CN_CHARS}]+(?:点[{''.join(DIGITS)}]+)?"
# The 千 that opens a unit (千瓦, 千米, 千克, 千伏): after an Arabic number it is no scale (120千瓦 is 120 千瓦).
UNIT_KILO = "千[瓦米克伏帕焦]"
# An Arabic number may carry a Chinese scale: 1.2万, 3千, 5000万.
MIXED_NUM = rf"(?:{AR_NUM})(?:(?!{UNIT_KILO})[{''.join(SCALES)}])*"
NUMBER = rf"(?:{MIXED_NUM}|{CN_NUM}|半)"

_AR_RE = re.compile(rf"^(?:{AR_NUM})$")
_MIXED_RE = re.compile(rf"^({AR_NUM})([{''.join(SCALES)}]*)$")


def parse_chinese(s: str) -> float | None:
    """Value of a Chinese numeral, or None when it is not a well-formed number.

    >>> parse_chinese("三千五百")
    3500
    >>> parse_chinese("十五"), parse_chinese("两万三千"), parse_chinese("一百零五")
    (15, 23000, 105)
    >>> parse_chinese("二〇二〇"), parse_chinese("三点五"), parse_chinese("半")
    (2020, 3.5, 0.5)
    >>> parse_chinese("一万五"), parse_chinese("三千五")
    (15000, 3500)
    >>> parse_chinese("十四五") is None, parse_chinese("三五") is None
    (True, True)
    """
    if not s:
        return None
    if s == "半":
        return 0.5
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_chinese(whole)
        if w is None or not frac or any(c not in DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(DIGITS[c]) for c in frac))
    if all(c in DIGITS for c in s):
        return _digit_string(s)
    if len(s) >= 3 and s[-1] in DIGITS and s[-2] in SCALES and s[-1] not in "〇零":
        # colloquial elision: 三千五 = 3500, 一万五 = 15000
        head = _positional(s[:-1])
        return None if head is None else head + DIGITS[s[-1]] * SCALES[s[-2]] // 10
    return _positional(s)


def _digit_string(s: str) -> int | None:
    """一 .. 九 alone, or a digit-by-digit string such as a year (二〇二〇); 三五 is not a number."""
    if len(s) == 1:
        return DIGITS[s]
    if len(s) >= 3 or any(c in "〇零" for c in s):
        return int("".join(str(DIGITS[c]) for c in s))
    return None


def _positional(s: str) -> int | None:
    """十/百/千 inside 万/亿 sections: 三千五百, 两万三千, 十五, 一百零五."""
    total, section, digit, last_small, pending_zero = 0, 0, None, 10_000, False
    for c in s:
        if c in DIGITS:
            if digit is not None and not pending_zero:
                return None  # two digits in a row without a unit: 十四五, 三五
            digit = DIGITS[c]
            pending_zero = digit == 0
            if pending_zero:
                digit = None
        elif c in SMALL_UNITS:
            unit = SMALL_UNITS[c]
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, pending_zero = None, unit, False
        elif c in BIG_UNITS:
            big = BIG_UNITS[c]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * big if big > total else total + section * big
            section, digit, last_small, pending_zero = 0, None, 10_000, False
        else:
            return None
    return total + section + (digit or 0)


def parse_arabic(s: str) -> float | None:
    """Value of an Arabic numeral with optional thousands commas and a Chinese scale suffix.

    >>> parse_arabic("1.2万"), parse_arabic("1,500"), parse_arabic("3千万"), parse_arabic("56")
    (12000.0, 1500.0, 30000000.0, 56.0)
    """
    m = _MIXED_RE.match(s)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    for c in m.group(2):
        value *= SCALES[c]
    return value


def parse_number(s: str) -> float | None:
    """Value of any numeral the grammar matches (Arabic, Chinese, mixed, 百分之N); None if malformed.

    >>> parse_number("1.2万"), parse_number("三千五百"), parse_number("百分之八十"), parse_number("300")
    (12000.0, 3500.0, 80.0, 300.0)
    >>> parse_number("十四五") is None
    True
    """
    s = s.strip()
    if s.startswith("百分之"):
        s = s[3:]
    if not s:
        return None
    if s[0].isdigit():
        return parse_arabic(s)
    v = parse_chinese(s)
    return None if v is None else float(v)


def is_chinese_numeral(s: str) -> bool:
    """True when `s` is written with Chinese numeral characters only.

    >>> is_chinese_numeral("两"), is_chinese_numeral("1.2万")
    (True, False)
    """
    return bool(s) and not s.strip(_CHINESE_NUMERAL_CHARS)  # strip: the test in C (speed)


def is_bare_scale(s: str) -> bool:
    """A bare scale word (百 千 万 半), as in 每百户, 每万人口: a basis, not an amount.

    >>> is_bare_scale("百"), is_bare_scale("两")
    (True, False)
    """
    return s in SCALES or s in ("半", "十万", "百万", "千万")
