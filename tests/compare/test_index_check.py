"""The persisted index (JSON + npz, no pickle) and `check` against it."""
from __future__ import annotations

import json
import numpy as np
import pytest

from zhengce.compare.check import check
from zhengce.compare.index import build_index, cluster_units, load_index, load_provisions, save_index


@pytest.fixture(scope="session")
def precedents(tmp_path_factory, doc_texts):
    """A folder of four precedent documents: variants of the two test texts in other places."""
    a, b = doc_texts
    d = tmp_path_factory.mktemp("precedents")
    variants = [a.replace("35平方米", "40平方米").replace("城市社区", "甲市社区"),
                a.replace("10万元", "12万元"), b, b.replace("300平方米", "320平方米")]
    for k, text in enumerate(variants):
        (d / f"p{k}.txt").write_text(text, encoding="utf-8")
    return d


@pytest.fixture(scope="session")
def saved(precedents, tmp_path_factory):
    out = tmp_path_factory.mktemp("index")
    save_index(build_index([precedents]), out)
    return out


def test_index_files_load_without_pickle(saved):
    assert {p.name for p in saved.iterdir()} == {"index.json", "provisions.json", "vocab.json", "vectors.npz"}
    with np.load(saved / "vectors.npz", allow_pickle=False) as z:  # raises if anything needs pickle
        assert z["clause_shape"][0] > 0
    json.loads((saved / "index.json").read_text(encoding="utf-8"))


def test_round_trip_keeps_scores(precedents, saved):
    built, loaded = build_index([precedents]), load_index(saved)
    assert [u.text for u in built.side.units] == [u.text for u in loaded.side.units]
    assert len(built.side.quantities) == len(loaded.side.quantities)
    texts = [u.text for u in built.side.units[:5]]
    assert np.allclose(built.vectorizer.transform(texts).toarray(), loaded.vectorizer.transform(texts).toarray())
    assert (built.measures == loaded.measures).all()
    assert len(load_provisions(saved)) == len(built.side.provisions)


def test_check_against_index(two_docs, saved):
    draft = two_docs[0]
    result = check(draft, saved)
    out = result.to_dict()
    assert set(out) == {"draft", "provisions", "out_of_range", "missing"}
    with_precedents = [p for p in out["provisions"] if p["precedents"]]
    assert with_precedents
    assert all("jurisdiction" in q and q["score"] > 0 for p in with_precedents for q in p["precedents"])
    # every precedent comes from the index, never from the draft itself
    assert all(q["source"].startswith("p") for p in with_precedents for q in p["precedents"])


def test_check_folder_equals_index(two_docs, precedents, saved):
    a = check(two_docs[0], precedents).to_dict()
    b = check(two_docs[0], saved).to_dict()
    assert a == b


def test_out_of_range_and_missing(tmp_path, doc_texts, saved):
    draft = tmp_path / "draft.txt"
    draft.write_text(doc_texts[0].replace("不低于35平方米", "不低于5平方米").replace("每个社区不少于350平方米。", ""),
                     encoding="utf-8")
    result = check(draft, saved, min_share=0.5)
    low = [o for o in result.out_of_range if o.quantity.quantity.value == 5]
    assert low and low[0].to_dict()["side"] == "below"
    assert isinstance(result.missing, list)


def test_cluster_units_groups_identical_rows():
    from scipy.sparse import csr_matrix

    m = csr_matrix(np.array([[1.0, 0], [1.0, 0], [0, 1.0], [0.0, 1.0]]))
    labels = cluster_units(m)
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_cli_index_and_check(two_docs, precedents, tmp_path, capsys):
    from zhengce.cli import main  # in-process: the subprocess CLI path is covered by test_diff.py

    out = tmp_path / "idx"
    assert main(["index", str(precedents), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["check", str(two_docs[0]), "--against", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisions"]
    assert main(["check", str(two_docs[0]), "--against", str(out)]) == 0
    assert "Draft a.txt" in capsys.readouterr().out


def test_cli_compare_and_diff_views(two_docs, precedents, tmp_path, capsys):
    from zhengce.cli import main

    assert main(["compare", str(precedents), "-o", str(tmp_path / "t.csv"), "--min-docs", "1"]) == 0
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("measure,unit,basis")
    assert main(["diff", str(two_docs[0]), str(two_docs[1])]) == 0
    assert "matched pairs" in capsys.readouterr().out
    page = tmp_path / "d.html"
    assert main(["diff", str(two_docs[0]), str(two_docs[1]), "--format", "html", "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
