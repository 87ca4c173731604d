"""OffsetMap and normalize(): every normalized character maps back to the source character it came from.

Property tests (hypothesis) over text mixing simplified and traditional CJK, full-width ASCII,
punctuation, spaces (NBSP, ideographic), CR/LF line breaks, lines broken mid-sentence and HTML
entities; example tests for OpenCC's length preservation on the seeds.
"""
from __future__ import annotations

import html
import importlib.metadata
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zhengce.text import normalize as normalize_module
from zhengce.text.normalize import apply_edits, fold, normalize, to_simplified
from zhengce.text.offsets import OffsetMap

SIMPLIFIED = "中国政府关于加强基层治理体系建设的意见工作机制党委村社区发展会议"
TRADITIONAL = "關於加強基層治理體系發展國務院會議機構黨員幹部頭髮乾隆後臺裡麵"
PUNCT = "，。、；：！？（）《》“”—…～－∶％,.;:!?()"
SPACES = [" ", "\xa0", "\u3000", "\t", "  "]
BREAKS = ["\n", "\r\n", "\r", "\n\n"]
# Entities whose character needs no script conversion (see test_entity_of_traditional_char_is_simplified).
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#20013;", "&#x4e2d;", "&#12288;", "&#65288;",
            "&amp", "&bogus;", "&#;"]
# Pieces that steer the line joiner: heading labels, dates, continuation characters, sentence ends.
STRUCTURE = ["一、", "(一)", "（二）", "1.", "第三条", "2020年1月1日", "发布日期:", "的", "和", "。", "首页 >"]
FULLWIDTH = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)

_TOKEN = st.one_of(
    st.text(st.sampled_from(SIMPLIFIED), min_size=1, max_size=30),
    st.text(st.sampled_from(TRADITIONAL), min_size=1, max_size=12),
    st.text(FULLWIDTH, min_size=1, max_size=4),
    st.sampled_from(list(PUNCT)),
    st.sampled_from(SPACES),
    st.sampled_from(BREAKS),
    st.sampled_from(ENTITIES),
    st.sampled_from(STRUCTURE),
    st.text(st.sampled_from("0123456789abcXYZ"), min_size=1, max_size=4),
)
TEXTS = st.lists(_TOKEN, max_size=40).map("".join)
_ENTITY_TAIL = re.compile(r"(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _entity_at(src: str, j: int) -> str | None:
    """The complete entity starting at src[j] that decodes to one character, if any."""
    if src[j] != "&":
        return None
    m = _ENTITY_TAIL.match(src, j + 1)
    if not m:
        return None
    ent = src[j:m.end()]
    ch = html.unescape(ent)
    return ent if ch != ent and len(ch) == 1 else None


def _folds_to(src: str, whole: str, j: int, c: str) -> bool:
    """Whether normalized character c may come from source position j."""
    ent = _entity_at(src, j)
    if ent is not None and c == fold(html.unescape(ent)):
        return True
    if src[j] == "\r":
        return c in (" ", "\n")
    # t2s converts phrases, so a character's image may depend on its neighbours: accept either.
    return c in (fold(src[j]), whole[j])


def _deleted_run_ok(src: str, j: int, stop: int) -> bool:
    """The source characters between kept position j and the next kept one were legitimately deleted."""
    tail = src[j + 1:stop]
    if not tail:
        return True
    ent = _entity_at(src, j)
    if ent is not None:
        tail = tail[len(ent) - 1:] if tail.startswith(ent[1:]) else tail
    return fold(tail).strip() == ""


def _images(norm: str, om: OffsetMap) -> list[int]:
    return [om.to_source(i) for i in range(len(norm))]


@FAST
@given(TEXTS)
@example("先后建立了统筹城乡基层党建工作机制、村干部激励保障\n机制、基层党建责任机制等。")
@example("关于加強基層治理的實施意見\r\n的通知&amp;\n的")
@example("\u3000\u3000一、總體要求\xa0\xa0\r\n")
def test_every_normalized_char_maps_to_a_source_char_that_folds_to_it(src: str) -> None:
    n = normalize(src)
    norm, om = n.text, n.offsets
    assert (om.norm_len, om.src_len) == (len(norm), len(src))
    images = _images(norm, om)
    assert all(a < b for a, b in zip(images, images[1:])), "to_source must be strictly increasing"
    assert all(0 <= j < len(src) for j in images)
    assert om.to_source(len(norm)) == len(src)
    if src:
        assert images and images[0] == 0, "nothing before the first character is deleted"
    whole = fold(src)
    for i, j in enumerate(images):
        assert _folds_to(src, whole, j, norm[i]), (i, j, norm[i], src[j])
    for k, j in enumerate(images):
        stop = images[k + 1] if k + 1 < len(images) else len(src)
        assert _deleted_run_ok(src, j, stop), (j, src[j:stop])


@FAST
@given(TEXTS, st.data())
def test_spans_map_to_source_ranges_holding_exactly_their_characters(src: str, data) -> None:
    n = normalize(src)
    norm, om = n.text, n.offsets
    a = data.draw(st.integers(0, len(norm)), label="start")
    b = data.draw(st.integers(a, len(norm)), label="end")
    s, e = om.span_to_source(a, b)
    assert 0 <= s <= e <= len(src)
    if a == b:
        assert s == e
        return
    images = _images(norm, om)
    assert (s, e) == (images[a], images[b - 1] + 1)
    kept_inside = [j for j in images if s <= j < e]
    assert kept_inside == images[a:b], "the source range holds the span's characters and no other kept one"
    # The rest of src[s:e] is what normalization deleted: whitespace of joined breaks or entity tails.
    for k in range(a, b - 1):
        assert _deleted_run_ok(src, images[k], images[k + 1])


_DELETIONS = st.integers(0, 40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n), st.integers(0, 6)), max_size=8),
    )
)


def _sorted_ranges(n: int, raw: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) ranges inside [0, n) (some empty)."""
    out, pos = [], 0
    for start, length in sorted(raw):
        start = max(start, pos)
        end = min(n, start + length)
        if start > n:
            break
        out.append((start, end))
        pos = end
    return out


@FAST
@given(_DELETIONS)
def test_from_deletions_agrees_with_a_brute_force_model(case) -> None:
    n, raw = case
    ranges = _sorted_ranges(n, raw)
    deleted = {j for s, e in ranges for j in range(s, e)}
    kept = [j for j in range(n) if j not in deleted]
    om = OffsetMap.from_deletions(n, ranges)
    assert (om.norm_len, om.src_len) == (len(kept), n)
    assert [om.to_source(i) for i in range(len(kept))] == kept
    assert om.to_source(len(kept)) == n
    assert len(om) <= len(ranges) + 1, "one breakpoint per deletion at most"
    for a in range(len(kept) + 1):
        for b in range(a, len(kept) + 1):
            s, e = om.span_to_source(a, b)
            assert 0 <= s <= e <= n
            if b > a:
                assert (s, e) == (kept[a], kept[b - 1] + 1)
    with pytest.raises(IndexError):
        om.to_source(len(kept) + 1)


@FAST
@given(_DELETIONS)
def test_deletions_within_names_each_gap_between_kept_characters(case) -> None:
    n, raw = case
    ranges = _sorted_ranges(n, raw)
    deleted = {j for s, e in ranges for j in range(s, e)}
    kept = [j for j in range(n) if j not in deleted]
    om = OffsetMap.from_deletions(n, ranges)
    for a in range(len(kept)):
        for b in range(a + 1, len(kept) + 1):
            # brute force: a gap sits before every kept char k (a < k < b) whose source does not follow its neighbour's
            want = [(k, kept[k - 1] + 1, kept[k]) for k in range(a + 1, b) if kept[k] > kept[k - 1] + 1]
            assert om.deletions_within(a, b) == want


def test_offset_map_edges() -> None:
    assert OffsetMap.identity(5).span_to_source(1, 3) == (1, 3)
    assert OffsetMap.from_deletions(4, [(0, 2)]).to_source(0) == 2  # leading deletion
    assert OffsetMap.from_deletions(4, [(2, 4)]).span_to_source(0, 2) == (0, 2)  # trailing deletion excluded
    assert OffsetMap.from_deletions(6, [(1, 2), (2, 3)]).to_source(1) == 3  # adjacent deletions merge
    assert OffsetMap.from_deletions(5, [(3, 3)]).norm_len == 5  # empty deletion ignored
    with pytest.raises(ValueError):
        OffsetMap([1], [0], 3, 3)


def test_apply_edits_rejects_lengthening_and_skips_overlaps() -> None:
    with pytest.raises(ValueError):
        apply_edits("abc", [(0, 1, "xy")])
    n = apply_edits("abcdef", [(1, 3, ""), (2, 4, "")])  # the second overlaps: the first wins
    assert n.text == "adef"
    assert n.offsets.to_source(1) == 3


def test_entity_of_traditional_char_is_simplified() -> None:
    assert normalize("基層&#39636;系").text == "基层体系"  # &#39636; is 體


# --- OpenCC ---

def test_opencc_is_the_official_wheel() -> None:
    import opencc

    assert importlib.metadata.distribution("opencc").metadata["Name"].lower() == "opencc"
    assert hasattr(opencc, "OpenCC")


def test_t2s_is_length_preserving_on_the_seeds(seeds) -> None:
    import opencc

    conv = opencc.OpenCC("t2s")
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        assert len(conv.convert(text)) == len(text), path.name
        assert len(to_simplified(text)) == len(text), path.name


def test_traditional_seed_comes_out_simplified(seeds) -> None:
    trad = next((p for p in seeds if "貫徹" in p.read_text(encoding="utf-8")), None)
    if trad is None:
        pytest.skip("no traditional-script seed")
    norm = normalize(trad.read_text(encoding="utf-8")).text
    assert "贯彻落实" in norm and "貫徹" not in norm and "基層" not in norm


def test_to_simplified_falls_back_when_a_phrase_changes_length(monkeypatch) -> None:
    class PhraseShrinker:
        """A converter whose phrase table maps two characters to one (as some OpenCC tables can)."""

        def convert(self, s: str) -> str:
            return s.replace("發展", "发").replace("體", "体")

    monkeypatch.setattr(normalize_module, "_converter", lambda: PhraseShrinker())
    text = "基層發展\n體系"
    out = to_simplified(text)
    assert len(out) == len(text)
    assert out == "基層發展\n体系"  # the changed line is converted char by char, the rest normally
