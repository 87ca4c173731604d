"""A notice's addressee line and its instruction (extract/addressees.py)."""
from __future__ import annotations

import pytest

import zhengce
from zhengce.extract.addressees import addressee_groups, instruction


@pytest.mark.parametrize("line, groups", [
    ("各市(州)民政局,贵安新区社会事务局,各县(市、区、特区)民政局:",
     ["各市(州)民政局", "贵安新区社会事务局", "各县(市、区、特区)民政局"]),
    ("各县市区人民政府,市政府各局委办、各直属机构:", ["各县市区人民政府", "市政府各局委办、各直属机构"]),
    ("各社区党委、居委会,街道各科室、各站所:", ["各社区党委、居委会", "街道各科室、各站所"]),
    ("各县(区)文明办、民政局,漳州高新区、漳州开发区有关部门,市直有关单位:",
     ["各县(区)文明办、民政局", "漳州高新区、漳州开发区有关部门", "市直有关单位"]),
    ("县民政局负责以下工作:", []),  # a lead-in, not addressees
    ("第六条 报考社区工作者应当具备下列条件:", []),
    ("同志们:", []),
    ("各乡镇人民政府,县政府各有关部门", []),  # no colon
])
def test_addressee_line(line, groups):
    assert [line[s:e] for s, e in addressee_groups(line)] == groups


@pytest.mark.parametrize("text, duty", [
    ("《实施方案》已经县政府同意,现印发给你们,请认真贯彻执行。", "认真贯彻执行"),
    ("现将《办法》印发给你们,请结合实际认真抓好贯彻落实。", "结合实际认真抓好贯彻落实"),
    ("现将《方案》印发给你们,请结合实际,认真抓好贯彻落实。", "结合实际,认真抓好贯彻落实"),  # a comma in the manner words
    ("请各乡镇认真落实。", None),  # names its own actor: the clause reader's
    ("请各单位对照本通报要求,举一反三,认真抓好整改落实。", "对照本通报要求,举一反三,认真抓好整改落实"),  # all of them
    ("执行中遇到的问题,请及时向省民政厅反馈。", None),  # a request to report, no instruction to act
])
def test_instruction(text, duty):
    assert instruction(text) == duty


def test_addressees_become_execute_records():
    text = ("关于印发留守老人关爱服务工作实施方案的通知\n\n各乡镇人民政府、街道办事处,县政府各有关部门:\n"
            "《实施方案》已经县政府同意,现印发给你们,请认真贯彻执行。\n\n县人民政府办公室\n2024年5月20日\n\n"
            "一、工作目标\n到2025年底,每个乡镇建成1个互助养老服务点。\n")
    got = [(r.actor, r.role, r.duty) for r in zhengce.extract(text).responsibilities]
    assert ("各乡镇人民政府", "execute", "认真贯彻执行") in got  # (a 、 list of whole names: one record each)
    assert ("街道办事处", "execute", "认真贯彻执行") in got
    assert ("县政府各有关部门", "execute", "认真贯彻执行") in got


def test_a_group_sharing_its_level_is_one_addressee():
    text = ("关于印发社区工作者管理办法的通知\n\n各设区市委组织部、民政局,省直有关单位:\n"
            "现将《办法》印发给你们,请认真贯彻执行。\n\n一、总则\n社区工作者实行总量控制。\n")
    got = [r.actor for r in zhengce.extract(text).responsibilities]
    assert "各设区市委组织部、民政局" in got, got


def test_addressees_without_instruction_assign_nothing():
    text = ("关于开展基层减负专项检查的通知\n\n各乡镇人民政府,县政府各有关部门:\n"
            "为推进基层减负,现决定开展专项检查。\n\n一、检查内容\n检查村级组织挂牌情况。\n")
    assert not [r for r in zhengce.extract(text).responsibilities if "乡镇" in r.actor or "有关部门" in r.actor]
