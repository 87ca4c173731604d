"""Short names a document gives its actors (extract/aliases.py)."""
from __future__ import annotations

import pytest

import zhengce
from zhengce.extract.aliases import aliases_in_force, document_aliases
from zhengce.extract.responsibilities import find_responsibilities


@pytest.mark.parametrize("text, aliases", [
    ("第三条 绵阳市住房公积金管理中心(以下简称管理中心)负责提取的审核。", ["管理中心"]),
    ("设立领导小组,领导小组办公室(以下简称“市营商办”)设在市发展改革委。", []),  # a level's office: the lexicon reads it
    ("设立领导小组,领导小组办公室(以下简称“营商办”)设在市发展改革委。", ["营商办"]),
    ("为扩大城乡居民基本养老保险(以下简称城乡居保)覆盖面。", []),  # no actor before the bracket
    ("《实施方案》(以下简称《方案》)", []),
    ("区住房和城乡建设局(以下简称区住建局)负责。", []),  # the lexicon reads 区住建局 anyway
    ("本办法自印发之日起施行。", []),
    ("县目标责任考核工作领导小组办公室(以下简称考核办)会同县直有关部门开展考核。", ["考核办"]),  # a long name
])
def test_document_aliases(text, aliases):
    assert [a for a, _, _ in document_aliases(text)] == aliases


def test_an_alias_is_an_actor_only_while_in_force():
    text = "管理中心审核提取申请。"  # (before a modal or 负责, 管理中心 is an open-class subject anyway)
    assert find_responsibilities(text) == []
    with aliases_in_force(document_aliases("市住房公积金管理中心(以下简称管理中心)")):
        assert [(r.actor, r.role) for r in find_responsibilities(text)] == [("管理中心", "oversee")]
    assert find_responsibilities(text) == []  # (the memo keys results by the aliases in force)


def test_a_documents_aliases_name_actors_throughout_it():
    text = ("住房公积金提取管理办法\n\n第三条 市住房公积金管理中心(以下简称管理中心)负责全市提取的审核和支付。\n"
            "第十五条 管理中心应当自受理申请之日起3个工作日内作出决定。\n"
            "第十八条 管理中心履行下列职责:\n(一)制定提取业务操作规程;\n(二)建立风险防控机制。\n")
    got = [(r.actor, r.duty) for r in zhengce.extract(text).responsibilities]
    assert ("管理中心", "制定提取业务操作规程") in got, got
    assert any(actor == "管理中心" and "作出决定" in duty for actor, duty in got), got


def test_a_short_name_opening_with_a_level_is_the_whole_actor():
    """县考核办 is the short name, not the level 县 followed by other words."""
    with aliases_in_force(document_aliases("县目标责任考核工作领导小组办公室(以下简称县考核办)")):
        got = [(r.actor, r.role) for r in find_responsibilities("整改情况报送县考核办备案;县考核办负责跟踪督办整改落实情况。")]
    assert ("县考核办", "oversee") in got and not any(actor == "县" for actor, _ in got), got

