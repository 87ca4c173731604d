"""Clause units, offsets back to the source, the vectorizer state, and match selection."""
from __future__ import annotations

import numpy as np

from zhengce.compare import align
from zhengce.compare.align import Vectorizer, clause_spans, fold_source, select, sim_text, source_positions


def test_clause_spans_respect_quotes_and_merge_short():
    text = "实行“一肩挑,两委交叉”制度,每个社区不少于350平方米;其他。"
    spans = clause_spans(text, 6)
    parts = [text[s:e] for s, e in spans]
    assert "".join(parts) == text
    assert parts[0].startswith("实行“一肩挑,两委交叉”制度")  # no split inside the quotes
    assert parts[-1].endswith("其他。")  # the short tail joined its neighbour
    assert len(parts) == 2


def test_source_positions_skip_line_breaks_and_fold_script():
    src = "每個社區不少于\n350平方米。"
    text = "每个社区不少于350平方米。"
    pos = source_positions(fold_source(src), text)
    assert len(pos) == len(text)
    assert src[pos[7]] == "3" and src[pos[0]] == "每" and src[pos[-1]] == "。"


def test_sim_text_drops_numbers_and_generic_words():
    assert "加强" not in sim_text("加强基层党组织建设,不少于350平方米")
    assert "350" not in sim_text("不少于350平方米")
    assert align.is_generic("良好氛围")  # a compound of two generic words


def test_vectorizer_state_round_trip():
    texts = ["落实社区党组织服务群众专项经费", "实行社区党组织书记、居委会主任一肩挑", "精简台账和材料报表"]
    v = Vectorizer().fit(texts)
    w = Vectorizer.from_state(v.state())
    assert np.allclose(v.transform(texts).toarray(), w.transform(texts).toarray())


def test_select_keeps_mutual_best_over_threshold(monkeypatch):
    cfg = dict(align.settings(), threshold=0.2, threshold_one_sided=0.9, margin=0.05)
    monkeypatch.setattr(align, "settings", lambda: cfg)
    s = np.array([[0.5, 0.1, 0.48],
                  [0.1, 0.15, 0.1],
                  [0.4, 0.1, 0.1]])
    got = {(i, j) for i, j, _ in select(s)}
    assert (0, 0) in got and (0, 2) in got  # one clause may pair with two
    assert (1, 1) not in got  # under the threshold
    assert (2, 0) not in got  # row 2's best, but column 0 prefers row 0 by more than the margin
