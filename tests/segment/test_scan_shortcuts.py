"""The speed shortcuts of segmentation give what the plain regex scans they replace give."""
import re

import pytest

from zhengce.rules import trie_regex
from zhengce.segment.metadata import required_text
from zhengce.segment.places import gazetteer

TEXTS = ["广元市昭化区人民政府办公室关于印发", "北京北京市朝阳区", "山东省济南市历下区和广东", "市县区", "",
         "2021年,四川省成都市武侯区、青海", "中共六安市委组织部  六安市民政局", "湖北省宜昌市夷陵区"]


def _regex_find(text):
    g = gazetteer()
    return [(m.start(), m.end(), g.by_name[m.group()][0]) for m in re.finditer(trie_regex(g.by_name), text)]


@pytest.mark.parametrize("text", TEXTS)
def test_find_is_leftmost_longest_like_the_trie_regex(text):
    assert gazetteer().find(text) == _regex_find(text)


@pytest.mark.parametrize("text", TEXTS)
def test_chain_at_is_the_run_of_adjacent_names(text):
    hits = _regex_find(text[:40])
    end = 0
    for s, e, _ in hits:
        if s != end:
            break
        end = e
    assert gazetteer().chain_at(text) == (text[:end] or None)


@pytest.mark.parametrize("pattern, needed", [("abc", "abc"), ("(?i)abc", ""), ("ab|cd", ""), ("x+yz", "yz"),
                                             ("abc?", "ab"), ("(?:^|(?<=a))b第c", "b第c"), ("[a]bc", "abc")])
def test_required_text_is_in_every_match(pattern, needed):
    assert required_text(re.compile(pattern)) == needed
