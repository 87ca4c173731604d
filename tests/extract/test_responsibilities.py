"""The responsibility extractor against tests/cases/responsibilities.yaml, plus API, offsets and data checks."""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import zhengce
import zhengce.api

from zhengce import rules
from zhengce.extract import actors, resp_predicate
from zhengce.extract.actor_scan import find_mentions
from zhengce.rules import trie_regex
from zhengce.extract.responsibilities import ResponsibilityMatch, find_responsibilities

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "responsibilities.yaml").read_text(encoding="utf-8"))
ROLES = {"lead", "support", "oversee", "fund", "execute"}


def _params():
    for section in ("dev", "bugs", "xfail"):
        for case in CASES[section]:
            marks = [pytest.mark.xfail(reason=case["reason"], strict=True)] if section == "xfail" else []
            yield pytest.param(case, id=f"{section}:{case['id']}", marks=marks)


@pytest.mark.parametrize("case", _params())
def test_case(case):
    found = find_responsibilities(case["text"], case.get("context", ""))
    got = [{"actor": r.actor, "role": r.role, "duty": r.duty, "deadline": r.deadline} for r in found]
    assert len(found) == len(case["expect"]), got
    for exp, r in zip(case["expect"], got):
        assert (r["actor"], r["role"]) == (exp["actor"], exp["role"]), got
        assert exp.get("duty", "") in r["duty"], got
        if "deadline" in exp:
            assert r["deadline"] == exp["deadline"], got


def test_case_table_ids_unique_and_roles_known():
    cases = [c for section in CASES.values() for c in section]
    assert len({c["id"] for c in cases}) == len(cases)
    assert {e["role"] for c in cases for e in c["expect"]} <= ROLES
    assert sum(1 for c in CASES["dev"] if not c["expect"]) >= 10  # negatives are part of the table


def test_public_api_shape():
    fields = [f.name for f in dataclasses.fields(ResponsibilityMatch)]
    assert fields == ["start", "end", "actor", "role", "duty", "deadline"]
    (r,) = find_responsibilities("财政局负责工作经费保障;")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.role = "lead"  # type: ignore[misc]


def test_offsets_cover_the_clause_in_the_given_text():
    text = "近日,省委印发通知。统一由市民政局会同市人社局组织招聘,街道统一管理。"
    for r in find_responsibilities(text):
        assert 0 <= r.start < r.end <= len(text)
        assert r.duty in text[r.start:r.end] or r.duty in text
    (first, *_) = find_responsibilities(text)
    assert text[first.start:first.end].startswith("统一由市民政局")  # the frame word opens the span


def test_every_record_has_a_known_role_and_a_duty():
    text = "市委组织部负责牵头抓总,市纪委负责推进反腐败工作,民政局负责指导社区建设,各部门密切配合。"
    found = find_responsibilities(text)
    assert [r.actor for r in found] == ["市委组织部", "市纪委", "民政局", "各部门"]
    assert all(r.role in ROLES and r.duty for r in found)


def test_generic_addressee_yields_to_a_specific_actor():
    (r,) = find_responsibilities("各街道和相关部门要加大宣传力度。")
    assert r.actor == "各街道"


def test_no_actor_fast_path():
    assert find_responsibilities("") == []
    assert find_responsibilities("深入挖掘和宣传一批先进典型和经验做法。") == []


def test_mentions_expand_levels_and_lists():
    got = {m.text: m.actors for m in find_mentions("街道、社区党组织和县(市、区)民政、财政等部门")}
    assert got["街道、社区党组织"] == ("街道党组织", "社区党组织")
    assert got["县(市、区)民政、财政等部门"] == ("县(市、区)民政部门", "县(市、区)财政部门")
    (m,) = find_mentions("乡村两级党组织书记")
    assert m.actors == ("乡村两级党组织书记",)  # an N级 group stays one actor


def test_trie_regex_prefers_the_longest_word_and_rejects_empty_lists():
    pat = re.compile(trie_regex(["党委", "党委书记", "党组织", "一", "二", "三", "四", "五"]))
    assert pat.match("党委书记要").group() == "党委书记"
    assert pat.match("党组织").group() == "党组织"
    with pytest.raises(rules.RuleError):
        trie_regex([])


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/zh that the loaders read instead of the package's."""
    src = Path(str(rules.data_path("actors.yaml"))).parent
    dst = tmp_path / "zh"
    shutil.copytree(src, dst)
    monkeypatch.setattr(rules, "data_path", lambda name: dst / name)
    caches = (rules.load_yaml, actors.lexicon, actors.duty_rules, actors.duty_grammar, resp_predicate.sanction_words)
    for cache in caches:
        cache.cache_clear()
    yield dst
    for cache in caches:
        cache.cache_clear()


@pytest.mark.parametrize("name,old,new", [
    ("actors.yaml", "standalone_posts:", "standalone_post:"),
    ("actors.yaml", "bracket_chars:", "bracket_char:"),
    ("duties.yaml", "light_verbs:", "light_verb:"),
    ("duties.yaml", "  oversee:\n", "  overseer:\n"),
    ("duties.yaml", "    anywhere: [配合责任, 给予支持, 予以支持, 配合做好]", "    everywhere: [配合责任, 给予支持, 予以支持, 配合做好]"),
    ("duties.yaml", "  support: [配合单位", "  helper: [配合单位"),
    ("duties.yaml", "penalty_patterns:", "penalty_pattern:"),
    ("duties.yaml", "seat_verbs:", "seat_verb:"),
])
def test_misspelt_key_is_an_error(data_copy, name, old, new):
    p = data_copy / name
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(rules.RuleError):
        actors.lexicon() if name == "actors.yaml" else actors.duty_grammar()


def test_heading_naming_an_actor_is_the_subject_of_its_charges():
    """1.综合协调组 / 负责…: the working group named by the heading holds the charges below it."""
    text = ("社区防汛防台应急预案\n一、组织体系\n1.综合协调组\n组长:社区党委副书记。\n"
            "负责传达落实上级防汛防台指令,及时向街道防汛防台指挥部报告;负责收集汇总灾情信息。\n"
            "2.宣传信息组\n协助综合协调组统计灾情。\n三、预警分级\n负责解释本预案。\n")
    records = zhengce.api.extract(text).responsibilities
    got = {(r.actor, r.role) for r in records}
    assert {("综合协调组", "lead"), ("街道防汛防台指挥部", "oversee"), ("宣传信息组", "support")} <= got
    assert not any(r.actor.startswith("协助") or r.actor == "预警分级" for r in records)


@pytest.mark.parametrize("text, group", [("巡查预警组每天对重点部位巡查不少于2次。", "巡查预警组"),
                                         ("由考核组进行评分。", "考核组")])
def test_work_groups_are_actors(text, group):
    assert [r.actor for r in find_responsibilities(text)] == [group]


@pytest.mark.parametrize("text", ["按照三人一组开展巡查。", "成立综合协调组。", "社区社会组织积极参与。"])
def test_no_work_group_in(text):
    assert not any(r.actor.endswith("组") for r in find_responsibilities(text))


def test_run_in_actor_heading_is_the_subject_of_its_paragraph():
    """1.街道党建办。负责…,会同…开展督查 / 2.物业服务企业。要按照合同提供服务: the heading's actor acts."""
    text = ("关于推进小区治理的工作方案\n一、职责分工\n1.街道党建办。负责本方案的统筹推进和督促落实。\n"
            "2.物业服务企业。要按照物业服务合同约定提供服务。\n二、保障措施\n各社区要加强组织领导。\n")
    got = {(r.actor, r.role) for r in zhengce.api.extract(text).responsibilities}
    assert {("街道党建办", "lead"), ("物业服务企业", "execute")} <= got


def test_a_row_of_figures_is_no_task_row() -> None:
    """A data table's row (names and figures) assigns nothing: its names are no units of a task."""
    from zhengce.extract.resp_tables import row_assignments

    assert row_assignments("1\t长沙市雨花区社会福利中心\t公办\t洞井街道\t420\t912\t四级") is None
    assert row_assignments("1\t建立社区工作者职业体系\t市人社局\t市财政局\t2024年6月底前")  # a task row still reads


def test_named_villages_beside_a_post_are_its_area_not_actors() -> None:
    """东片区 | 王立军 | 镇党委书记 | 湖沟社区、湖沟村、胡桥村: the post leads; the villages are the area it covers."""
    from zhengce.extract.resp_tables import row_assignments

    row = row_assignments("东片区\t王立军\t镇党委书记\t湖沟社区、湖沟村、胡桥村、魏岗村")
    assert [(actor, role) for actor, role, _, _ in row] == [("镇党委书记", "lead")], row


@pytest.mark.parametrize("row, expected", [
    ("2\t蔺河镇\t×××(县长)、×××(县政协副主席)\t蔺河村、茶农村\t10",
     [("×××(县长)", "lead"), ("×××(县政协副主席)", "support")]),
    ("1\t龙潭水库\t石门镇\t陈晓东(副县长)\t县水利局\t县龙潭水库管理所",
     [("陈晓东(副县长)", "lead"), ("县水利局", "support"), ("县龙潭水库管理所", "support")]),
], ids=["leaders-of-a-town-and-their-villages", "a-reservoir-its-town-and-its-keepers"])
def test_people_named_with_their_posts_are_a_rows_actors_and_places_where_they_serve(row, expected) -> None:
    """A name with its post in brackets (×××(县长)) is a unit of the row; beside it, a cell of place names only (石门镇,
    蔺河村、茶农村) is where the person serves, no actor."""
    from zhengce.extract.resp_tables import row_assignments

    assert [(actor, role) for actor, role, _, _ in row_assignments(row)] == expected


def test_a_scoring_table_row_with_sentences_in_a_cell_reads_its_unit_column():
    """A row whose criteria cell holds several sentences (…得满分;每低1个百分点扣1分;…) is one piece, so its
    责任单位 column is read: the first unit leads, the next supports."""
    text = ("乡镇乡村振兴实绩考核细则\n\n一、共性指标\n考核内容\t分值\t评分标准\t责任单位\n"
            "粮食生产和耕地保护\t10分\t完成粮食播种面积任务得满分;每低于任务1个百分点扣1分;未完成复耕任务扣2分。"
            "\t县农业农村局、县自然资源局\n")
    got = [(r.actor, r.role) for r in zhengce.extract(text).responsibilities]
    assert got == [("县农业农村局", "lead"), ("县自然资源局", "support")], got


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="县局,;。()→ 负责", max_size=30))
def test_last_clause_is_the_clause_cut_read_from_the_end(text):
    """last_clause agrees with CLAUSE (a short bracket, commas and all, is one piece of its clause)."""
    from zhengce.extract.resp_subject import CLAUSE, DELIMITERS, last_clause

    assert last_clause(text) == (CLAUSE.findall(text.rstrip(DELIMITERS)) or [""])[-1]
