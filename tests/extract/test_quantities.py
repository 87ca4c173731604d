"""The quantity grammar against tests/cases/quantities.yaml, plus API, offsets and rule-file checks."""
from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zhengce import rules
from zhengce.extract import quantity_rules
from zhengce.extract.quantities import QuantityMatch, find_quantities, parse_quantity

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "quantities.yaml").read_text(encoding="utf-8"))
FIELDS = ("value", "low", "high", "unit", "comparator", "per", "time", "kind", "subject")


def _params():
    for section in ("dev", "bugs", "xfail"):
        for case in CASES[section]:
            marks = [pytest.mark.xfail(reason=case["reason"], strict=True)] if section == "xfail" else []
            yield pytest.param(case, id=f"{section}:{case['id']}", marks=marks)


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and actual is not None:
        return math.isclose(expected, actual, rel_tol=1e-9)
    return expected == actual


@pytest.mark.parametrize("case", _params())
def test_case(case):
    text = case["text"]
    found = find_quantities(text)
    got = [{"number": text[q.number_start:q.number_end], **{f: getattr(q, f) for f in FIELDS}} for q in found]
    assert len(found) == len(case["expect"]), got
    for exp, q in zip(case["expect"], got):
        if "value" in exp:
            exp = {"low": None, "high": None, **exp}
        if "low" in exp:
            exp = {"value": None, **exp}
        wrong = {k: (v, q[k]) for k, v in exp.items() if not _same(v, q[k])}
        assert not wrong, (q, wrong)


def test_cases_table_is_large_and_ids_unique():
    ids = [c["id"] for section in CASES.values() for c in section]
    assert len(ids) == len(set(ids))
    assert sum(len(c["expect"]) for section in CASES.values() for c in section) >= 150


def test_expression_span_includes_comparator_words():
    text = "确保每人每年培训不少于56个学时。"
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == "不少于56个学时"
    assert text[q.number_start:q.number_end] == "56"


def test_offsets_are_relative_to_the_given_text():
    text = "其中,社区工作经费每千户不低于10万元以上。"
    (q,) = find_quantities(text)
    assert text[q.number_start:q.number_end] == "10万"  # the scale is part of the number
    assert text[q.start:q.end] == "不低于10万元以上"


def test_parse_quantity():
    q = parse_quantity("不少于56个学时")
    assert isinstance(q, QuantityMatch)
    assert (q.value, q.unit, q.comparator, q.start, q.end) == (56, "学时", ">=", 0, 8)
    assert parse_quantity("1500户至3000户").low == 1500
    assert parse_quantity("十九大") is None


def test_context_gives_an_opening_time_to_the_next_sentence():
    (q,) = find_quantities("23个村集体被评定为先进。", context="201*年,全县146个行政村当中,55个村被评定为五星级村。")
    assert q.time == "201*年"
    (q,) = find_quantities("二是设党小组23个。", context="目前,已建成阵地5个。")
    assert q.time is None  # an enumerator opens a new item


def test_later_parts_of_a_sentence_under_a_target_year_take_it():
    context = "到2027年底,城市交通拥堵状况明显改善。中心城区路网平均车速提高到25公里/小时以上;"
    assert [q.time for q in find_quantities("公交站点覆盖率达到100%;", context=context)] == ["到2027年底"]
    context = "截至2023年12月31日,项目资金全部拨付。其中建设补助支出612万元;"  # a report's date frames its first part only
    assert [q.time for q in find_quantities("运营补助支出356万元;", context=context)] == [None]


def test_a_qualifier_inside_a_dated_target_takes_the_target_year():
    qs = find_quantities("力争到2026年底,35岁以下的村党组织书记占比达到15%以上。")
    assert [(q.value, q.time) for q in qs] == [(35, "到2026年底"), (15, "到2026年底")]
    (q,) = find_quantities("2024年,人口规模1500人以上的村实现全覆盖。")
    assert q.time is None  # a year that is no target leaves a qualifier undated


def test_records_are_frozen():
    (q,) = find_quantities("配备1名")
    with pytest.raises(AttributeError):
        q.value = 2


def test_no_number_fast_path():
    assert find_quantities("加强党对基层治理的全面领导。") == []
    assert find_quantities("") == []


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/zh that the loaders read instead of the package's."""
    src = Path(str(rules.data_path("units.tsv"))).parent
    dst = tmp_path / "zh"
    shutil.copytree(src, dst)

    def path(name):
        return dst / name

    monkeypatch.setattr(rules, "data_path", path)
    monkeypatch.setattr(quantity_rules, "data_path", path)
    rules.load_yaml.cache_clear()
    quantity_rules.grammar.cache_clear()
    yield dst
    rules.load_yaml.cache_clear()
    quantity_rules.grammar.cache_clear()


@pytest.mark.parametrize("name,old,new", [
    ("comparators.yaml", "prefix_window:", "prefix_windw:"),
    ("quantity_grammar.yaml", "quote_max:", "quote_mx:"),
    ("quantity_time.yaml", "relative:", "relatives:"),
    ("quantity_per.yaml", "base_nouns:", "base_noun:"),
    ("quantity_subject.yaml", "tail_words:", "tail_word:"),
])
def test_misspelt_key_is_an_error(data_copy, name, old, new):
    p = data_copy / name
    p.write_text(p.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(rules.RuleError):
        quantity_rules.grammar()


def test_bad_units_rows_are_errors(data_copy):
    p = data_copy / "units.tsv"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("\tcategory\t", "\tcategry\t", 1), encoding="utf-8")
    with pytest.raises(rules.RuleError):
        quantity_rules.load_units()
    p.write_text(text + "人\t人\t1\tperson\tany\t\n", encoding="utf-8")
    with pytest.raises(rules.RuleError):
        quantity_rules.load_units()
    p.write_text(text + "打\t个\t12\tdozens\tany\t\n", encoding="utf-8")
    with pytest.raises(rules.RuleError):
        quantity_rules.load_units()


def test_unknown_comparator_is_an_error(data_copy):
    p = data_copy / "comparators.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace('"~": [约,', '"≈": [约,', 1), encoding="utf-8")
    with pytest.raises(rules.RuleError):
        quantity_rules.grammar()


_ALPHABET = list("0123456789.,-—~:∶%一二两三四五六七八九十百千万亿半零〇余多几来至到个名人户元年月日天次以上下内"
                 "左右不少于超过约近每平方米的、和“”《》()第届大级星分之起") + ["\n", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_any_text_gives_well_formed_matches(text):
    for q in find_quantities(text, context=text):
        assert 0 <= q.start <= q.number_start < q.number_end <= q.end <= len(text)
        assert q.comparator in (">=", "<=", ">", "<", "=", "range", "~")
        assert q.kind in ("requirement", "statistic")
        assert q.value is None or (q.low is None and q.high is None)


def test_fast_sentence_score_equals_the_model_sum():
    """kind._sentence_score (fixed point, per feature kind) sums exactly the weights of kind.features."""
    from math import fsum

    from zhengce.extract import kind

    model = kind.load_model()
    for case in CASES["dev"][:60]:
        text = case["text"]
        slow = model["intercept"] + fsum(model["weights"].get(f, 0.0) for f in kind.features(text))
        assert math.isclose(kind._sentence_score(text) / kind.FIXED_POINT, slow, abs_tol=1e-9)


_TIME_ALPHABET = _ALPHABET + list("近上下到在截至从自今年底前“”-:0129〇")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TIME_ALPHABET), max_size=40).map("".join))
def test_first_char_scan_finds_what_finditer_finds(text):
    G = quantity_rules.grammar()
    for p in (G.time["absolute_re"], G.time["year_list_re"], G.time["frame_re"], G.g["slogan_item_re"],
              G.g["date_like_re"]):
        plain = p.pattern if isinstance(p, quantity_rules.FirstCharScan) else p
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_first_char_scan_wraps_only_what_it_can():
    wrapped = quantity_rules.first_char_scan(re.compile(r"(?:到|至)?\d{4}年"))
    assert isinstance(wrapped, quantity_rules.FirstCharScan)
    assert [m.group() for m in wrapped.finditer("到2025年和2030年")] == ["到2025年", "2030年"]
    for plain in (r"x?", r"[^a]b", r".年", r"年\d"):  # may match empty, negated, any, literal start
        assert quantity_rules.first_char_scan(re.compile(plain)).__class__ is re.Pattern


def test_a_subject_never_ends_in_a_list_separator():
    """19个行政村(社区)、8.7万亩…: the second number's subject read before it stops short of the 、."""
    found = find_quantities("全镇19个行政村(社区)、8.7万亩小麦和水稻种植区域全部纳入网格化管理。")
    assert [q.value for q in found] == [19, 87000]
    assert all(q.subject and q.subject[-1] not in "、,和及与或" for q in found)


def test_an_aside_or_a_basis_after_the_number_is_no_subject():
    """100元|(原为80元) and 80—89周岁|每人每月: what follows the number there is not what it measures."""
    found = find_quantities("调整后的标准为:80—89周岁每人每月100元(原为80元)。")
    assert [q.value if q.low is None else (q.low, q.high) for q in found] == [(80, 89), 100, 80]
    assert not any(q.subject and (q.subject.startswith("(") or q.subject.startswith("每")) for q in found)


def test_a_number_alone_in_its_cell_measures_the_rows_item():
    """1 | 巩固拓展脱贫攻坚成果 | 15分 | …: the score a row's item is worth (found in blind round R78)."""
    found = find_quantities("1\t巩固拓展脱贫攻坚成果\t15分\t风险消除率达到60%以上得满分。")
    assert [(q.value, q.subject) for q in found][:2] == [(15, "巩固拓展脱贫攻坚成果"), (60, "风险消除率")]
