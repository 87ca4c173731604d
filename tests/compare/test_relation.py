"""Stricter or looser: tests/cases/diff_relations.yaml, and the one-to-one pairing of quantities."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zhengce.compare.align import QuantityRef, compat, per_compat, per_key, sim_text
from zhengce.compare.diff import compare_quantities, inherit_per, relation
from zhengce.records import Quantity

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "diff_relations.yaml").read_text(encoding="utf-8"))


def ref(value=None, unit="人", comparator="=", per=None, subject=None, context="", low=None, high=None,
        start=0, kind="requirement", text=None) -> QuantityRef:
    """A QuantityRef built by hand (the extractor is not needed to test comparisons)."""
    q = Quantity(f"q{start}", "d#1", "d#1/p1", "d.txt", start, start + 3, text or f"{value}{unit}", value, low, high,
                 unit, comparator, per, subject, None, kind)
    return QuantityRef(q, 0, sim_text(context))  # contexts are stored as similarity text


def _params():
    for section in ("dev", "bugs", "xfail"):
        for case in CASES[section] or []:
            marks = [pytest.mark.xfail(reason=case["reason"], strict=True)] if section == "xfail" else []
            yield pytest.param(case, id=f"{section}:{case['id']}", marks=marks)


@pytest.mark.parametrize("case", _params())
def test_relation_case(case):
    assert relation(ref(**case["a"]), ref(**case["b"])) == case["relation"]


def test_relation_is_antisymmetric():
    flip = {"a_stricter": "b_stricter", "b_stricter": "a_stricter", "same": "same", None: None}
    for case in CASES["dev"]:
        a, b = ref(**case["a"]), ref(**case["b"])
        assert relation(b, a) == flip[relation(a, b)], case["id"]


def test_per_basis():
    assert per_key("每百户居民")[:2] == (100, "户居民")
    assert per_key("每个社区每年")[:2] == (None, "社区")
    assert per_key("人均")[0] == 1
    assert per_compat("每百户居民", "每百户村(居)民") == 1.0
    assert per_compat("每万城镇常住人口", "每个社区") == 0.0  # a rate never compares with a total
    assert per_compat("人均", None) == 0.0
    assert per_compat(None, None) == 1.0
    assert 0.5 < per_compat("每个城市社区", "每个社区每年") < 1.0


@pytest.mark.parametrize("pa, pb, expected", [
    ("每年", "每年", 1.0),  # 每年培训不少于40学时 vs 每年…56学时: the same measure
    ("每季度", "每季度", 1.0),
    ("每年", "每季度", 0.0),  # different frequencies do not compare
    ("每年", None, 0.9),  # one states the frequency, the other leaves it implied
])
def test_frequency_bases(pa, pb, expected):
    assert per_key(pa) == (None, "", False)
    assert per_compat(pa, pb) == expected


@pytest.mark.parametrize("pa, pb, expected", [
    ("每人每月", "每月", 0.9),  # 每人每月200元 vs 每月200元 (per person left implied)
    ("每个村(社区)每月", "每月", 0.9),
    ("每个社区每年", "每个社区每季度", 0.0),  # same basis, different frequency
    ("每万名城镇常住人口", "每月", 0.0),  # a scaled rate never compares with an unscaled amount
    ("每人", "每户", 0.0),
])
def test_frequency_and_basis_compare_apart(pa, pb, expected):
    assert per_compat(pa, pb) == expected


@pytest.mark.parametrize("pa, pb", [
    ("每日", "每天"),  # one time basis spelled two ways (每日…不少于6小时 vs 每天在岗…不少于7小时)
    ("每季", "每季度"),
    ("每人每年", "每名网格员每年"),  # both count people: 每人 names them generically
    ("每位老年人", "每人"),
])
def test_same_basis_written_differently(pa, pb):
    assert per_compat(pa, pb) == per_compat(pb, pa) == 1.0


def test_people_do_not_compare_with_households():
    assert per_compat("每名网格员", "每户") == 0.0


def test_compat_needs_same_unit_and_direction():
    assert compat(ref(500, "平方米", ">="), ref(300, "平方米", ">=")) > 0
    assert compat(ref(500, "平方米", ">="), ref(300, "人", ">=")) == 0
    assert compat(ref(500, "平方米", ">="), ref(300, "平方米", "<=")) == 0
    assert compat(ref(1, "人", "=", per="名"), ref(1, "人", "=")) >= 0  # aliases never raise


def test_pairing_is_one_to_one_by_subject():
    # 002 vs 004 of the seeds: four area floors against five, paired by what they measure.
    a = [ref(500, "平方米", ">=", context="街道 标准配建", start=1),
         ref(35, "平方米", ">=", per="每百户居民", context="社区", start=2),
         ref(350, "平方米", ">=", per="每个社区", context="每个社区", start=3),
         ref(900, "平方米", ">=", subject="新建社区总面积", context="新建社区总面积", start=4)]
    b = [ref(300, "平方米", ">=", subject="已建成城市社区", context="已建成城市社区", start=11),
         ref(500, "平方米", ">=", subject="新建城市社区和农村社区中心村", context="新建城市社区和农村社区中心村", start=12),
         ref(100, "平方米", ">=", subject="非中心村", context="非中心村", start=13),
         ref(30, "平方米", ">=", per="每百户村(居)民", start=14)]
    got = {(c.a.quantity.value, c.b.quantity.value): c.relation for c in compare_quantities(a, b)}
    assert got[(35, 30)] == "a_stricter"
    assert got[(350, 300)] == "a_stricter"
    assert got[(900, 500)] == "a_stricter"
    assert len({x for x, _ in got}) == len(got) and len({y for _, y in got}) == len(got)


def test_one_number_may_govern_several():
    # 城乡低保标准不低于…人均消费支出30% against 城市…28% and 农村…38%: the one B floor is compared with both
    a = [ref(28, "%", ">=", subject="城市低保标准", start=1), ref(38, "%", ">=", subject="农村低保标准", start=2)]
    b = [ref(30, "%", ">=", subject="城乡低保标准", start=11)]
    got = {(c.a.quantity.value, c.b.quantity.value): c.relation for c in compare_quantities(a, b)}
    assert got == {(28, 30): "b_stricter", (38, 30): "a_stricter"}


def test_statistics_are_not_compared():
    a = [ref(12, "人", "=", kind="statistic")]
    b = [ref(10, "人", ">=")]
    assert compare_quantities(a, b) == []


def test_enumerated_amounts_pair_in_order_when_nothing_else_tells_them_apart():
    # 助理…每人每月200元、…每人每月300元、…每人每月500元 against 分别按照每月200元、300元、500元
    a = [ref(v, "元", per="每人每月", subject=s, start=i * 10)
         for i, (v, s) in enumerate([(200, "助理社会工作师"), (300, "社会工作师"), (500, "高级社会工作师")])]
    b = [ref(v, "元", per="每月", subject="发放职业资格补贴", start=i * 10) for i, v in enumerate([200, 300, 500])]
    pairs = compare_quantities(a, b)
    assert [(c.a.quantity.value, c.b.quantity.value, c.relation) for c in pairs] == [
        (200, 200, "same"), (300, 300, "same"), (500, 500, "same")]


def test_a_compatible_basis_is_pairing_evidence_only_inside_matched_clauses():
    x = ref(20, "万元", ">=", per="每个城市社区每年", subject="社区工作经费")
    y = ref(2000, "万元", ">=", per="每年", subject="专项资金")
    assert compat(x, y, within_pair=True) > compat(x, y)


def test_a_listed_amount_inherits_the_basis_stated_once():
    # 分别按照每月200元、300元、500元: the extractor gives 500元 no per; ref() ends a quantity at start + 3
    listed = [ref(200, "元", per="每月", start=0), ref(300, "元", per="每月", start=4), ref(500, "元", start=8)]
    assert [r.quantity.per for r in inherit_per(listed)] == ["每月"] * 3
    # 每百户不低于30平方米…且单处不少于300平方米: far apart, so no basis is carried over
    apart = [ref(30, "平方米", ">=", per="每百户", start=0), ref(300, "平方米", ">=", start=20)]
    assert inherit_per(apart)[1].quantity.per is None
    other_unit = [ref(2, "人", per="每村", start=0), ref(3, "元", start=4)]
    assert inherit_per(other_unit)[1].quantity.per is None


def test_inherited_basis_lets_the_last_listed_amount_be_compared():
    a = [ref(v, "元", per="每人每月", subject=s, start=i * 10)
         for i, (v, s) in enumerate([(200, "助理社会工作师"), (300, "社会工作师"), (500, "高级社会工作师")])]
    b = [ref(200, "元", per="每月", start=0), ref(300, "元", per="每月", start=4),
         ref(500, "元", subject="职业资格补贴", start=8)]
    assert [(c.a.quantity.value, c.b.quantity.value) for c in compare_quantities(a, b)] == [
        (200, 200), (300, 300), (500, 500)]
