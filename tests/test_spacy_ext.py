"""The spaCy adapter: records become spans of a Doc at their exact characters."""
from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy
from spacy.tokens import Doc

from zhengce.records import Quantity, Responsibility

TEXT = (
    "关于加强社区工作者队伍建设的实施意见\n"
    "一、配备标准\n"
    "按照每300户至500户配备1名社区工作者的标准配齐。\n"
    "二、保障措施\n"
    "市委组织部负责牵头抓总,市财政局负责落实经费保障。每人每年培训不少于56个学时。\n"
)


@pytest.fixture(scope="module")
def char_nlp():
    nlp = spacy.blank("zh")  # character segmenter: every record falls on token boundaries
    nlp.add_pipe("zhengce")
    return nlp


def test_the_pipe_is_found_through_the_entry_point() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names.get("zhengce") == "zhengce.spacy_ext:make_component"


def test_spans_cover_exactly_the_record_characters(char_nlp) -> None:
    doc = char_nlp(TEXT)
    assert [s.text for s in doc.spans["zhengce_quantities"]] == ["300户至500户", "1名", "不少于56个学时"]
    for key in ("zhengce_sections", "zhengce_provisions", "zhengce_quantities", "zhengce_responsibilities"):
        assert len(doc.spans[key]) > 0, key
        for span in doc.spans[key]:
            record = span._.zhengce
            assert (span.start_char, span.end_char) == (record["start"], record["end"])
            assert TEXT[record["start"]:record["end"]] == span.text


def test_span_dicts_rebuild_the_typed_records(char_nlp) -> None:
    doc = char_nlp(TEXT)
    q = next(Quantity(**s._.zhengce) for s in doc.spans["zhengce_quantities"] if s._.zhengce["value"] == 56)
    assert (q.comparator, q.unit, q.kind) == (">=", "学时", "requirement")
    actors = {Responsibility(**s._.zhengce).actor for s in doc.spans["zhengce_responsibilities"]}
    assert {"市委组织部", "市财政局"} <= actors
    assert doc._.zhengce[0]["title"] == "关于加强社区工作者队伍建设的实施意见"


def test_tokens_that_cut_a_record_widen_its_span_instead_of_dropping_it(char_nlp) -> None:
    # Tokens cut inside "不少于56个学时" (as a word segmenter may): the span takes the covering tokens.
    words = ["每人每年培训不少于5", "6个学", "时。"]
    doc = Doc(char_nlp.vocab, words=words, spaces=[False] * len(words))
    doc = char_nlp.get_pipe("zhengce")(doc)
    (span,) = doc.spans["zhengce_quantities"]
    assert span.text == "每人每年培训不少于56个学时。"
    assert span._.zhengce["text"] == "不少于56个学时"
    assert doc.text[span._.zhengce["start"]:span._.zhengce["end"]] == "不少于56个学时"


def test_doc_with_spans_round_trips_through_bytes(char_nlp) -> None:
    doc = char_nlp(TEXT)
    again = Doc(char_nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.zhengce for s in again.spans["zhengce_quantities"]] == [s._.zhengce for s in doc.spans["zhengce_quantities"]]


def test_config_switches_off_extractors() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhengce", config={"quantities": False, "responsibilities": False})
    doc = nlp(TEXT)
    assert len(doc.spans["zhengce_quantities"]) == 0 and len(doc.spans["zhengce_responsibilities"]) == 0
    assert len(doc.spans["zhengce_provisions"]) > 0


def test_empty_text_gives_empty_span_groups(char_nlp) -> None:
    doc = char_nlp("   ")
    assert doc._.zhengce == [] and len(doc.spans["zhengce_provisions"]) == 0
