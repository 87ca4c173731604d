"""A number set for a year after the article's date is a target (extract/run.py _targets_after_date)."""
from __future__ import annotations

import pytest

import zhengce

PLAN = ("某市城市更新三年行动计划\n某市人民政府办公室\n{date}\n一、主要目标\n"
        "到2027年，全市累计改造城镇老旧小区312个，消除城市易涝积水点18处。\n"
        "到2027年，实现全市30个街道全覆盖。\n")


def _kinds(date: str) -> dict[str, str]:
    r = zhengce.extract(PLAN.format(date=date))
    return {q.text: q.kind for q in r.quantities}


@pytest.mark.parametrize("date, expected", [
    ("2025年3月11日", "requirement"),  # a plan signed before its target year sets targets
    ("2028年1月5日", "statistic"),  # a report written after the year counts what was done
])
def test_later_year_makes_a_target(date, expected):
    kinds = _kinds(date)
    assert kinds["312个"] == expected and kinds["18处"] == expected


def test_the_whole_scope_stays_a_fact():
    assert _kinds("2025年3月11日")["30个"] == "statistic"  # 全市30个街道: the count of the scope


REPORT = ("淮源镇2024年工作总结和2025年工作计划\n一、2024年工作总结\n"
          "完成农村户厕改造540户,农村生活垃圾无害化处理率保持100%。\n二、存在的问题\n项目储备不足。\n"
          "三、2025年工作计划\n(一)聚力城乡建设\n新建改建农村公路18公里,新铺设污水管网4公里。\n"
          "淮源镇人民政府\n2025年1月13日\n")


def test_a_report_reads_its_sections_by_the_year_they_name():
    kinds = {q.text: q.kind for q in zhengce.extract(REPORT).quantities}
    assert kinds["540户"] == "statistic" and kinds["100%"] == "statistic"  # 2024年工作总结: what was done
    assert kinds["18公里"] == "requirement" and kinds["4公里"] == "requirement"  # 2025年工作计划: targets


HALF_YEAR = ("桃川镇2025年上半年工作总结及下半年工作安排\n一、上半年工作完成情况\n"
             "新建高标准农田1500亩,改造提升农村公路12.8公里,优良天数比例达到93.6%。\n"
             "二、下半年工作安排\n完成农村户厕改造300户,新增市场主体80户。\n桃川镇人民政府\n2025年7月10日\n")


def test_a_half_year_report_reads_its_parts_by_the_half_they_name():
    kinds = {q.text: q.kind for q in zhengce.extract(HALF_YEAR).quantities}
    assert kinds["1500亩"] == "statistic" and kinds["12.8公里"] == "statistic"  # 上半年…完成情况: what was done
    assert kinds["300户"] == "requirement" and kinds["80户"] == "requirement"  # 下半年工作安排: targets
