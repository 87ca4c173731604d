"""The role model: models/role.json is what learn/train_role.py builds from the committed rows, the rows are
what the current grammar reads, and the model only ever changes a record's role."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from zhengce.extract import role_model
from zhengce.extract.actors import ROLES
from zhengce.extract.responsibilities import ResponsibilityMatch, find_responsibilities

ROOT = Path(__file__).resolve().parents[2]
ROWS = ROOT / "corpus" / "labels" / "role_checkset.tsv"


def test_shipped_model_loads_with_the_record_model_roles():
    model = role_model.load_model()
    assert model is not None and model["roles"] == list(ROLES)
    assert len(model["intercept"]) == len(ROLES)
    assert all(len(w) == len(ROLES) for w in model["weights"].values())
    json.loads(role_model.MODEL_PATH.read_text(encoding="utf-8"))  # plain JSON, no pickle


def test_committed_model_matches_a_rebuild():
    pytest.importorskip("sklearn")
    from zhengce.learn import train_role

    rows = [r for r in train_role.read_rows(ROWS) if r["set"] == train_role.TRAIN_SET]
    rebuilt, committed = train_role.fit(rows), role_model.load_model()
    assert committed["n_train"] == rebuilt["n_train"], "rows changed: run python -m zhengce.learn.train_role"
    assert committed["intercept"] == pytest.approx(rebuilt["intercept"], abs=1e-3)
    drift = {f for f in set(committed["weights"]) | set(rebuilt["weights"])
             if max(abs(a - b) for a, b in zip(committed["weights"].get(f, [0.0] * 5),
                                              rebuilt["weights"].get(f, [0.0] * 5))) > 1e-3}
    assert not drift, f"{len(drift)} weights drifted: run python -m zhengce.learn.train_role"


def test_committed_rows_are_what_the_current_grammar_reads(tmp_path):
    """Rows go stale when the responsibilities grammar changes: rebuild them (role_rows), then retrain."""
    if not (ROOT.parent / "shared" / "gold").is_dir():
        pytest.skip("../shared/gold absent")
    from zhengce.learn import role_rows

    out = tmp_path / "rows.tsv"
    assert role_rows.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == ROWS.read_text(encoding="utf-8")


def test_rows_are_labelled_with_known_roles(tmp_path):
    from zhengce.learn import train_role

    rows = train_role.read_rows(ROWS)
    assert {r["set"] for r in rows} >= {"checkset"} and {r["gold"] for r in rows} == set(ROLES)
    bad = tmp_path / "rows.tsv"
    bad.write_text("gold\trule\tset\tsource\tduty\tclause\noverseer\texecute\tcheckset\tx\ty\tz\n", encoding="utf-8")
    with pytest.raises(ValueError):
        train_role.read_rows(bad)


@pytest.mark.parametrize("rule_role", ROLES)
def test_without_a_model_the_grammar_role_stands(rule_role, monkeypatch):
    monkeypatch.setattr(role_model, "load_model", lambda path=None: None)
    assert role_model.predict(rule_role, "作出复核决定", "县民政局应当在10个工作日内作出复核决定") == rule_role


def test_a_lead_the_grammar_read_is_kept():
    assert role_model.predict("lead", "将年度目标完成情况向全体党员进行汇报", "由书记负责将年度目标完成情况向全体党员进行汇报") == "lead"


@pytest.mark.parametrize("clause, duty, expected", [
    # review decisions and enforcement with no SPEC marker next to the actor (the grammar says execute)
    ("县民政局应当在收到申请之日起15个工作日内作出复核决定", "在收到申请之日起15个工作日内作出复核决定", "oversee"),
    ("由县级以上卫生健康行政部门依照有关规定责令改正", "依照有关规定责令改正", "oversee"),
])
def test_model_reads_review_duties_as_oversee(clause, duty, expected):
    assert role_model.predict("execute", duty, clause) == expected


def test_refine_roles_changes_nothing_but_the_role():
    text = "县民政局应当在收到申请之日起15个工作日内作出复核决定。"
    found = find_responsibilities(text)
    refined = role_model.refine_roles(found, text)
    assert len(refined) == len(found) >= 1
    for a, b in zip(found, refined):
        assert {k: v for k, v in asdict(a).items() if k != "role"} == {k: v for k, v in asdict(b).items() if k != "role"}
        assert b.role in ROLES
    assert isinstance(refined[0], ResponsibilityMatch)
