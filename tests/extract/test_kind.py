"""Requirement vs statistic: the JSON model, the cue fallback, and typical sentences."""
from __future__ import annotations

import json

import pytest

from zhengce.extract import kind
from zhengce.extract.quantities import find_quantities
from zhengce.rules import RuleError

REQUIREMENT = ["每个社区至少配备1名专职党务工作者。", "到2025年底,全市90%以上的社区达到星级标准。",
               "社区主职干部办公室不得超过15平方米。", "每年至少组织1次综合应急预案演练。"]
STATISTIC = ["全县乡镇领导班子中女干部12人,少数民族干部18人。", "今年以来,共排查化解矛盾纠纷352件。",
             "先后选派55名大学生到村任职。", "全县已有87个村集体经济收入超过20万元,占村总数的63%。"]


@pytest.mark.parametrize("text", REQUIREMENT)
def test_requirement(text):
    assert {q.kind for q in find_quantities(text)} == {"requirement"}


@pytest.mark.parametrize("text", STATISTIC)
def test_statistic(text):
    assert {q.kind for q in find_quantities(text)} == {"statistic"}


def test_model_is_json_with_known_keys():
    model = kind.load_model()
    assert model is not None and set(model) <= kind.MODEL_KEYS
    assert model["weights"] and isinstance(model["intercept"], float)


def test_unknown_model_key_is_an_error(tmp_path):
    p = tmp_path / "kind.json"
    p.write_text(json.dumps({"intercept": 0.0, "weights": {}, "wieghts": {}}), encoding="utf-8")
    with pytest.raises(RuleError):
        kind.load_model(str(p))


def test_cues_decide_without_a_model(monkeypatch):
    monkeypatch.setattr(kind, "load_model", lambda path=None: None)
    feats = kind.features("每人每年培训不少于56个学时") | {"Q:cmp:>="}
    assert kind.score(feats) > 0
    assert kind.score(kind.features("共选派了55名大学生,已先后到村任职")) < 0


def test_sentence_kind():
    assert kind.sentence_kind("各地要确保每个行政村至少有1名大学生村官。") == "requirement"


def test_a_title_planning_the_year_makes_its_items_targets():
    """市政府公布2025年十大民生实事项目: the items under its headings are targets though no modal says so (found in
    blind round R74); in a report on the year's work the kind model decides."""
    import zhengce

    body = ("澜川市2月17日召开常务会议,审议通过民生实事项目。\n一、普惠托育扩容。新增普惠性托位3000个。\n"
            "二、教育学位供给。新增学位9600个。\n")
    plan = zhengce.extract("市政府公布2025年十大民生实事项目\n发布时间:2025-02-18\n" + body)
    report = zhengce.extract("2025年民生实事完成情况\n发布时间:2025-12-18\n" + body)
    kinds = lambda r: {q.value: q.kind for q in r.quantities}
    assert kinds(plan)[3000] == kinds(plan)[9600] == "requirement"
    assert kinds(report)[9600] == "statistic"  # (the rule leaves a report's items to the kind model)
