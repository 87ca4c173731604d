"""diff(): SPEC JSON shape, offsets into the source, numbers compared, and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys

from zhengce.compare.diff import diff_sides
from zhengce.compare.align import Side
from zhengce.text.normalize import fold

SPAN_KEYS = {"source", "start", "end", "text"}


def _check_shape(out: dict) -> None:
    assert set(out) == {"pairs", "only_a", "only_b"}
    for p in out["pairs"]:
        assert set(p) == {"a", "b", "score", "comparisons"}
        assert set(p["a"]) == SPAN_KEYS and set(p["b"]) == SPAN_KEYS
        assert isinstance(p["score"], float)
        for c in p["comparisons"]:
            assert set(c) == {"a", "b", "relation"}
            assert set(c["a"]) == {"start", "end"} and set(c["b"]) == {"start", "end"}
            assert c["relation"] in {"a_stricter", "b_stricter", "same"}
    for s in out["only_a"] + out["only_b"]:
        assert set(s) == SPAN_KEYS


def test_json_shape_is_spec(diffed):
    _check_shape(diffed.to_dict())
    explained = diffed.to_dict(explain=True)
    assert all("shared_terms" in p["explain"] for p in explained["pairs"])


def test_spans_point_into_the_source(diffed, two_docs):
    texts = {p.name: p.read_text(encoding="utf-8") for p in two_docs}
    out = diffed.to_dict()
    spans = [s for p in out["pairs"] for s in (p["a"], p["b"])] + out["only_a"] + out["only_b"]
    for s in spans:
        src = texts[s["source"]][s["start"]:s["end"]]
        assert fold(src).replace("\n", "") == s["text"]  # normalized text of exactly those characters


def test_pairs_and_relations(diffed):
    rel = {(c.a.quantity.value, c.b.quantity.value): c.relation for p in diffed.pairs for c in p.comparisons}
    assert rel.get((35, 30)) == "a_stricter"
    assert rel.get((350, 300)) == "a_stricter"
    assert rel.get((100000, 50000)) == "a_stricter"
    paired = " ".join(p.a.text for p in diffed.pairs)
    assert "一肩挑" in paired
    only = " ".join(s.text for s in diffed.only_a)
    assert "大学生社区社会实践基地" in only


def test_one_clause_may_pair_with_several(diffed):
    a_spans = [(p.a.start, p.a.end) for p in diffed.pairs]
    b_of = {}
    for p in diffed.pairs:
        b_of.setdefault((p.a.start, p.a.end), set()).add(p.b.start)
    assert len(a_spans) >= 3 and all(b_of.values())


def test_empty_side_gives_only_lists(diffed):
    out = diff_sides(diffed.a, Side())
    assert not out.pairs and out.only_a and not out.only_b


def test_cli_json(two_docs):
    a, b = two_docs
    proc = subprocess.run([sys.executable, "-m", "zhengce", "diff", str(a), str(b), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    _check_shape(out)
    assert out["pairs"]
