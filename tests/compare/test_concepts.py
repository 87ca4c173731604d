"""Policy-concept channel: the lexicon, longest-match tagging, damped cosine, and its place in diff scores."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from zhengce.compare import align
from zhengce.compare.concepts import (build_lexicon, concept_similarities, damped_cosine, idf_weights, lexicon,
                                      tag, unit_tokens)
from zhengce.records import Provision
from zhengce.rules import RuleError


def test_lexicon_loads_and_words_are_simplified():
    lex = lexicon()
    assert lex["挂联"] == lex["挂职"]  # one concept: cadres sent down to a community
    assert lex["全科网格"] == lex["网格化"]
    assert lex["准入清单"] == lex["工作事项"]
    assert all(len(w) >= 2 for w in lex)


@pytest.mark.parametrize("data", [
    {"a": ["网格"], "b": ["网格"]},  # one word in two concepts
    {"a": ["网"]},  # a single character matches everywhere
    {"a": []},
    {"a": "网格"},
    [],
])
def test_build_lexicon_rejects_malformed(data):
    with pytest.raises(RuleError):
        build_lexicon(data)


def test_tag_longest_member_first():
    assert tag("以设区的市为单位组织制定便民服务事项清单") == ("service_list",)  # not 事项 -> access list
    assert tag("执行社区工作事项清单制度") == ("access_list",)
    assert tag("落实“三务”公开") == ("openness",)  # quotation marks do not split a term
    assert set(tag("建立市级机关部门挂联社区机制")) == set(tag("选派干部到社区挂职")) == {"cadre_dispatch"}
    assert tag("其他") == ()


def test_ignored_office_names_name_no_concept():
    # 行政审批局 is who acts, not an approval measure; 督查室 leads, it is no inspection
    assert tag("县行政审批局每年组织代办员集中业务培训") == ("service_list", "training")
    assert tag("县委督查室每半年开展1次专项督查") == ("inspection",)
    assert tag("简化审批程序") == ("business_approval",)


@pytest.mark.parametrize("data, ignore", [
    ({"a": ["网格"]}, ["网格"]),  # an ignored word that is also a concept word
    ({"a": ["网格"]}, ["局"]),  # too short
    ({"a": ["网格"]}, "审批局"),  # not a list
])
def test_build_lexicon_rejects_malformed_ignore(data, ignore):
    with pytest.raises(RuleError):
        build_lexicon(data, ignore)


@pytest.mark.parametrize("a, b", [
    ("于每季度末将工作进展报市民政局", "每月25日前报送工作进展情况"),  # progress reports
    ("于3月15日前报市民政局备案", "将实施方案报县行政审批局审核后上报"),  # filing upward
    ("所需经费列入本级财政预算", "区财政局负责保障规划实施所需经费"),  # budget
    ("任何单位不得截留、挤占、挪用", "各乡镇不得挤占挪用"),  # misuse of funds
    ("年龄一般不超过45周岁", "新招录社区工作者年龄原则上不超过35周岁"),  # age limits
    ("通过新建、改造、购置、置换等方式补足", "通过购置、租赁、置换等方式逐步补齐"),  # securing space
    ("纳入竣工联合验收范围", "在竣工验收环节把关"),  # building with housing
    ("社区工作者实行岗位等级序列薪酬制度", "按照“三岗十八级”逐级递增"),  # pay ladder
    ("安排社区服务经费", "保障社区运转经费"),  # running funds of a community
])
def test_field_concepts_meet_in_other_words(a, b):
    assert set(tag(a)) & set(tag(b))


def test_satisfaction_and_assessment_are_apart():
    assert set(tag("群众办事满意度达到95%以上")) == {"satisfaction"}
    assert set(tag("作为考核依据")) == {"assessment"}


def test_damped_cosine_rare_concept_says_more():
    w = np.array([1.0, 3.0])  # a common concept, a rare one
    m = csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0]]) * w)
    sim = damped_cosine(m, m, prior=2.0)
    assert sim[1, 1] > sim[0, 0] > 0
    assert sim[0, 1] == 0
    assert np.allclose(damped_cosine(m, m, prior=0.0).diagonal(), 1.0)


def test_idf_weights():
    m = csr_matrix(np.array([[1, 1], [1, 0], [1, 0]], dtype=float))
    w = idf_weights(m)
    assert w[1] > w[0] >= 1.0


def _side(texts: list[str]) -> align.Side:
    side = align.Side()
    for k, t in enumerate(texts):
        prov = Provision(provision_id=f"p{k}", doc_id="d", source="x.txt", start=0, end=len(t), text=t,
                         kind="requirement")
        side.add_provision(prov, t, [])
    return side


def test_concept_similarities_pair_synonyms_and_flag_mismatch():
    a = _side(["建立市级机关部门挂联社区机制。", "持证比例达到50%以上。"])
    b = _side(["探索推动各级党政机关选派干部到社区挂职或任职。", "健全完善社区专职工作者职业等级序列和薪酬体系。"])
    clause, prov, mismatch = concept_similarities(a, b, prior=2.0)
    assert clause.shape == prov.shape == mismatch.shape == (2, 2)
    assert clause[0, 0] > 0.3 and clause[0, 1] == 0
    assert mismatch[1, 1] == 1.0  # qualification vs pay: two measures of one actor
    assert mismatch[0, 0] == 0.0


def test_unit_tokens_skip_counters_and_statistics():
    class Q:  # the fields unit_tokens reads
        def __init__(self, unit, kind="requirement"):
            self.unit, self.kind = unit, kind

    side = align.Side(units=[None, None])
    side.quantities = [align.QuantityRef(Q("户"), 0, ""), align.QuantityRef(Q("个"), 1, ""),
                       align.QuantityRef(Q("平方米", "statistic"), 1, "")]
    side.by_unit = {0: [0], 1: [1, 2]}
    assert unit_tokens(side, frozenset({"个"})) == [{"unit:户"}, set()]


def test_combine_adds_concepts_and_subtracts_mismatch(monkeypatch):
    cfg = dict(align.settings(), clause_weight=0.5, concept_weight=0.2, concept_clause_weight=1.0,
               concept_mismatch=0.1)
    monkeypatch.setattr(align, "settings", lambda: cfg)
    z = np.zeros((1, 2))
    got = align.combine(z, z, None, (np.array([[1.0, 0.0]]), z, np.array([[0.0, 1.0]])))
    assert np.allclose(got, [[0.2, -0.1]])


def test_concepts_lift_synonym_pairs_in_diff_scores(monkeypatch):
    from zhengce.compare.diff import score_parts
    a = _side(["建立市级机关部门挂联社区机制。", "深化“全科网格”建设。", "建立大学生社区社会实践基地。"])
    b = _side(["探索推动各级党政机关选派干部到社区挂职或任职。", "加强党建引领基层网格化治理。",
               "每年至少组织1次综合应急预案演练。"])
    _, clause, provision, evidence, concept = score_parts(a, b)
    with_concepts = align.combine(clause, provision, evidence, concept)
    cfg = dict(align.settings(), concept_weight=0.0, concept_mismatch=0.0)
    monkeypatch.setattr(align, "settings", lambda: cfg)
    without = align.combine(clause, provision, evidence, concept)
    assert with_concepts[0].argmax() == 0 and with_concepts[1].argmax() == 1
    assert with_concepts[0, 0] - without[0, 0] > with_concepts[0, 2] - without[0, 2]
    assert with_concepts[1, 1] > without[1, 1]
