"""The memo of the responsibility extractor gives exactly what a fresh reading gives, and the speed
paths of the actor grammar (departments as stems x suffixes, the test of a match's first two characters)
match the plain forms."""
from __future__ import annotations

import itertools
import re

from zhengce.extract import actors, memo, responsibilities
from zhengce.extract.responsibilities import find_responsibilities
from zhengce.ingest import read_file
from zhengce.rules import pair_test, trie_regex
from zhengce.text.normalize import normalize

PARAGRAPH = ["牵头单位:县委组织部;责任单位:县民政局、县财政局。", "负责做好经费保障。",
             "(县委组织部、县民政局按职责分工负责)", "街道党工委要履行主体责任,社区党组织具体落实。"]


def _fresh(text: str, context: str) -> list:
    return responsibilities._read(text, context)


def test_memo_equals_a_fresh_reading_on_the_seeds(seed_provisions):
    """Every seed provision, asked in document order, again from the memo, and with the memo off."""
    pairs = seed_provisions
    responsibilities._MEMO.clear()
    first = [find_responsibilities(t, c) for t, c in pairs]
    assert any(first)
    assert first == [_fresh(t, c) for t, c in pairs]
    assert [find_responsibilities(t, c) for t, c in pairs] == first


def test_memo_off_reads_afresh(monkeypatch):
    monkeypatch.setattr(memo, "ENABLED", False)
    responsibilities._MEMO.clear()
    assert find_responsibilities("财政局负责工作经费保障;")
    assert not responsibilities._MEMO


def test_memo_keys_on_the_context():
    """Texts that read their context (labels, asides, an opening marker) get one result per context."""
    responsibilities._MEMO.clear()
    for i, text in enumerate(PARAGRAPH):
        for context in ("", "".join(PARAGRAPH[:i]), "(一)加强社区建设。" + "".join(PARAGRAPH[:i])):
            assert find_responsibilities(text, context) == _fresh(text, context), (text, context)


def test_memo_is_emptied_when_the_rules_are_reloaded():
    find_responsibilities("财政局负责工作经费保障;")
    assert responsibilities._MEMO
    actors.duty_grammar.cache_clear()
    find_responsibilities("县民政局负责审核;")
    assert list(responsibilities._MEMO) == [("县民政局负责审核;", "", ())]  # (text, context, aliases in force)


def test_memo_returns_a_fresh_list():
    found = find_responsibilities("财政局负责工作经费保障;")
    found.clear()
    assert find_responsibilities("财政局负责工作经费保障;")


def _same_scans(fast: dict, plain: dict, texts: list[str]) -> None:
    """Both compiled actor grammars (and their scans without named bodies) match the same spans and groups."""
    for key in ("actor", "plain"):
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in fast[key].finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in plain[key].finditer(text)]


def test_department_product_scans_as_the_plain_trie(seeds, monkeypatch):
    """The actor regex with departments written as stems x suffixes matches exactly what it matches
    with the trie of all the department words (same spans, same branches) on the seeds."""
    texts = [normalize(read_file(p).text).text for p in seeds]
    fast = actors._patterns()
    lex = actors.lexicon()
    depts = [s + x for s in lex["department_stems"] for x in lex["department_suffixes"]]
    monkeypatch.setattr(actors, "_with_departments", lambda others: trie_regex(depts + others))
    actors._patterns.cache_clear()
    try:
        plain = actors._patterns()
        assert len(plain["actor"].pattern) > 2 * len(fast["actor"].pattern)
        _same_scans(fast, plain, texts)
    finally:
        actors._patterns.cache_clear()


def test_department_product_falls_back_to_the_trie_when_order_differs(monkeypatch):
    """A department that is a proper prefix of an `others` word (网信办 < 网信办公室), or a long stem with a
    short suffix before a short stem with a long one (司法行政+部 < 司法+行政部门), would be tried before the
    longer word; then the trie is used."""
    lex = dict(actors.lexicon(), department_stems=["网信"], department_suffixes=["办"])
    monkeypatch.setattr(actors, "lexicon", lambda: lex)
    assert actors._with_departments(["网信办公室"]) == trie_regex(["网信办", "网信办公室"])
    assert actors._with_departments(["党委"]) == "(?:网信办|党委)"
    lex.update(department_stems=["司法", "司法行政"], department_suffixes=["部", "行政部门"])
    assert actors._with_departments(["党委"]) == trie_regex(
        ["司法部", "司法行政部门", "司法行政部", "司法行政行政部门", "党委"])


def test_pair_test_keeps_every_match(seeds, monkeypatch):
    """The actor scans behind the test of the first two characters find what they find without it."""
    texts = [normalize(read_file(p).text).text for p in seeds]
    fast = actors._patterns()
    monkeypatch.setattr(actors, "pair_test", lambda pattern: "")
    actors._patterns.cache_clear()
    try:
        plain = actors._patterns()
        assert len(plain["actor"].pattern) < len(fast["actor"].pattern)
        _same_scans(fast, plain, texts)
    finally:
        actors._patterns.cache_clear()


def test_pair_test_admits_every_match_start():
    """On every short text over the patterns' characters, the test passes wherever the pattern matches; it
    gives up ("") where a match may be empty or start with any character."""
    patterns = ["(?:ab|ac(?:d|e)*|b)", "(?:x|y)?(?:ab|b[cd]{2,3})", "a(?=b)|c(?<=c)d", "(?:ab){0,3}c",
                "a(?P<g>b)?(?(g)c|d)"]
    for pattern in patterns:
        test = pair_test(pattern)
        assert test.startswith("(?=")
        for n in range(1, 5):
            for text in map("".join, itertools.product("abcdexy", repeat=n)):
                if re.match(pattern, text):
                    assert re.match(test, text), (pattern, text)
    assert pair_test("a*") == pair_test("(?:.b|ab)") == pair_test("(?i)ab") == ""
    assert pair_test("ab|cd") == "(?=[a][b]|[c][d])" and pair_test("a|bc") == "(?=[a]|[b][c])"
