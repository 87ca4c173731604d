"""normalize(): hard-line-break joining and width/punctuation folding, as case tables."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhengce.text.normalize import fold, normalize

# A 36-character line without final punctuation: long enough to count as hard-wrapped.
WRAPPED = "加强党对城市基层治理的全面领导,努力实现以党组织为核心的城市社区组织体系"

# fmt: off
JOINS = [
    # (id, source, expected normalized text)
    ("mid-sentence wrap", WRAPPED + "\n更加健全,基层治理更加有效。", WRAPPED + "更加健全,基层治理更加有效。"),
    ("next line starts with 的", "短\n的", "短的"),
    ("next line starts with a comma", "短行\n,逗号开头", "短行,逗号开头"),
    ("line ends with 、", "短行、\n下一行", "短行、下一行"),
    ("line ends with an open bracket", "短行(\n下一行", "短行(下一行"),
    ("line ends with an open quote", WRAPPED + "“\n更加健全。", WRAPPED + "“更加健全。"),
    ("spaces around the break go too", "短行 \u3000\n\u3000 的内容", "短行的内容"),
    ("CRLF break", "测试\r\n的空格", "测试的空格"),
    ("ratio broken at its colon", "按4:3:\n3的标准发放。", "按4:3:3的标准发放。"),
]

KEEPS = [
    ("line ends with 。", WRAPPED + "。\n更加健全。"),
    ("line ends with ;", WRAPPED + ";\n更加健全。"),
    ("line ends with :", WRAPPED + ":\n更加健全。"),
    ("line ends with 。”", WRAPPED + "。”\n更加健全。"),
    ("blank line between", WRAPPED + "\n\n更加健全。"),
    ("heading 一、", WRAPPED + "\n一、工作目标"),
    ("heading (二)", WRAPPED + "\n(二)工作目标"),
    ("heading （二） full width", WRAPPED + "\n（二）工作目标"),
    ("heading 1.", "短行\n1.建强班子"),
    ("heading 1.1", "短行\n1.1 内容"),
    ("heading ①", "短行\n①内容"),
    ("heading 第一章", "短行\n第一章 总则"),
    ("a signing bureau under an attachment list", WRAPPED + "\n郑州市金水区教育局\n2023年8月25日"),
    ("heading 第十二条", "短行\n第十二条 内容"),
    ("date", WRAPPED + "\n2018年9月27日"),
    ("meta line", WRAPPED + "\n发布日期:2018-10-08"),
    ("after a meta line", "发布日期:2018-10-08 14:46 浏览次数:信息来源:办公室(调研室)\n" + WRAPPED + "。"),
    ("crumb", "短行\n> 内容"),
    ("furniture 首页", WRAPPED + "\n首页 > 新闻"),
    ("after a crumb trail", "您当前的位置:首页 > 政务公开 > 部门信息公开 > 区民政局 > 通知公告\n长沙市雨花区民政局关于评定结果的公示"),
    ("after a crumb without a colon", "政务公开 > 部门信息 > 通知公告\n关于评定结果的公示"),
    ("furniture 索引号", "短行\n索引号:123"),
    ("signature organ", WRAPPED + "\n诸暨市人民政府办公室"),
    ("title line before its first paragraph", "关于加强基层治理的意见\n为进一步加强基层治理,现提出如下意见。"),
    ("table rows (tabs)", "序号\t工作任务\t牵头单位\n1\t建立社区工作者职业体系\t市人社局\n2\t推进小区党组织全覆盖\t市委组织部"),
    ("table rows (runs of spaces)", WRAPPED + "\n3    开展村级换届    县委组织部    县民政局"),
    ("rows of figures (single spaces)", "岗位类别 岗位等级 基本报酬 绩效报酬 月薪酬合计\n一类岗位 一级 4200 1000 5200\n"
                                        "一类岗位 二级 4350 1040 5390"),
    ("a header wrapped in two lines (names, then units)", "区县(市) 签约人数 常住人口 较上年同期提高 重点人群\n"
                                                          "(万人) 签约率(%) (个百分点) 签约率(%)"),
]
# fmt: on


@pytest.mark.parametrize("source, expected", [c[1:] for c in JOINS], ids=[c[0] for c in JOINS])
def test_joins(source: str, expected: str) -> None:
    assert normalize(source).text == expected


@pytest.mark.parametrize("source", [c[1] for c in KEEPS], ids=[c[0] for c in KEEPS])
def test_keeps_the_break(source: str) -> None:
    out = normalize(source).text
    assert out.count("\n") == source.count("\n"), out


def test_seed_001_mid_word_break_joins(seeds) -> None:
    seed = next((p for p in seeds if p.name.startswith("001_")), None)
    if seed is None:
        pytest.skip("seed 001 absent")
    src = seed.read_text(encoding="utf-8")
    assert "村干部激励保障\n机制" in src and "村干部激励保障机制" not in src
    norm = normalize(src).text
    assert "村干部激励保障机制、基层党建责任机制" in norm
    # the second article's title is broken before 的; it joins into one title line
    assert "\n充分发挥组织部门在加强农村基层政权建设中的职能作用的探索与思考\n" in norm
    assert "充分调动村干部的工作积极性" in norm
    # headings keep their own lines
    assert "\n一、做法与成效\n" in norm and "\n(一)在创新选任机制下功夫" in norm


def test_text_wrapped_short_is_joined_though_other_lines_run_long() -> None:
    """A page copied at 26 characters a line, with long unbroken lines elsewhere (a pasted paragraph):
    the many lines cut mid-sentence at one length set the wrap width, not the long lines."""
    sentence = "各乡镇(街道)要建立健全网格化服务管理工作机制,每个网格配备1名专职网格员,每月走访网格内住户不少于1遍。"
    wrapped = "\n".join(sentence[i:i + 26] for i in range(0, len(sentence), 26))
    long_line = "为深入贯彻落实党中央关于加强基层治理体系和治理能力现代化建设的决策部署,结合本县实际,制定本方案。" * 2
    src = "\n".join([long_line, wrapped] * 6)
    assert normalize(src).text == "\n".join([long_line, sentence] * 6)


def test_no_join_lines_option_keeps_every_break() -> None:
    src = "短\n的\n" + WRAPPED + "\n更加健全。"
    assert normalize(src, join_lines=False).text == src


def test_crlf_is_kept_as_space_newline_when_not_joined() -> None:
    n = normalize("一、总体要求\r\n二、主要任务")
    assert n.text == "一、总体要求 \n二、主要任务"
    assert len(n.text) == len("一、总体要求\r\n二、主要任务")


_LINE = st.text(st.sampled_from("基层治理工作机制建设党委村的和"), min_size=1, max_size=45)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_LINE, st.sampled_from(["。", "!", "?", ";", ":", ""])), min_size=2, max_size=8))
def test_a_line_ending_a_sentence_never_joins(lines) -> None:
    src = "\n".join(body + end for body, end in lines)
    norm = normalize(src).text
    ends = sum(1 for body, end in lines[:-1] if end)
    assert norm.count("\n") >= ends
    for body, end in lines[:-1]:
        if end:
            assert body + end + "\n" in norm


# fmt: off
FOLDS = [
    ("ＡＢＣ１２３", "ABC123"),
    ("（一）：，；！？％", "(一):,;!?%"),
    ("～－", "~-"),
    ("∶—、。“”《》", "∶—、。“”《》"),
    ("\u3000\xa0", "  "),
    ("體係發展", "体系发展"),
    ("｡", "。"),
    ("＜＞＝＋", "<>=+"),
]
# fmt: on


@pytest.mark.parametrize("source, expected", FOLDS)
def test_fold_table(source: str, expected: str) -> None:
    assert fold(source) == expected
    assert len(fold(source)) == len(source)


def test_entities_are_decoded_in_place() -> None:
    n = normalize("基层&amp;治理&nbsp;体系&#20013;")
    assert n.text == "基层&治理 体系中"
    assert n.offsets.span_to_source(2, 3) == (2, 3)
    assert n.offsets.to_source(3) == 7


@pytest.mark.parametrize("source, expected", [
    ("社区工作者按照每300户配备1名的标准配备,所需经费由\n— 3 —\n县财政统筹保障。",
     "社区工作者按照每300户配备1名的标准配备,所需经费由县财政统筹保障。"),
    ("社区工作者按照每300户配备1名的标准配备,所需经费由\n\n- 12 -\n\n县财政统筹保障。",
     "社区工作者按照每300户配备1名的标准配备,所需经费由县财政统筹保障。"),
    ("一、目标\n第2页 共5页\n二、任务", "一、目标\n\n二、任务"),
    ("一、目标\n3/5\n二、任务", "一、目标\n\n二、任务"),
], ids=["dash page number inside a sentence", "with blank lines", "第N页 共M页", "N/M"])
def test_page_number_lines_are_dropped_and_joined_across(source: str, expected: str) -> None:
    out = normalize(source)
    assert out.text == expected
    folded = fold(source)
    assert all(folded[out.offsets.to_source(i)] == ch for i, ch in enumerate(out.text))


def test_a_number_in_a_sentence_line_is_no_page_marker() -> None:
    assert normalize("名额为 3/5\n二、任务").text == "名额为 3/5\n二、任务"


def test_an_indented_line_after_a_flush_meta_line_opens_a_paragraph() -> None:
    source = "来源:某县民政局  作者:张三  发布时间:2023-06-14 16:42  【字体:大 中 小】\n\u3000\u3000本网讯 6月13日,全县召开推进会。"
    assert normalize(source).text.count("\n") == 1
