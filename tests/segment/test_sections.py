"""Heading tree: label styles, levels by the styles an article uses, inline and run-in headings,
unnumbered heading lines and captions (SPEC, Sections)."""
from __future__ import annotations

import pytest

from zhengce.segment.sections import label_number

TITLE = "关于加强基层治理的实施意见"
OPENING = "为深入学习贯彻党的十九大精神,全面落实中央关于加强城市基层党建和基层治理的决策部署,结合我市实际,提出如下意见。"
BODY = "坚持党的领导,全面加强基层治理体系建设,推动各项工作落地见效。"


def _article(*lines: str) -> str:
    return "\n".join([TITLE, OPENING, *lines]) + "\n"


def _tree(result) -> list[tuple[str, int, str]]:
    return [(s.label, s.level, s.title) for s in result.sections]


# fmt: off
STYLES = [
    # (id, first label, second label)
    ("一、", "一、", "二、"),
    ("(一)", "(一)", "(二)"),
    ("（一） full width", "（一）", "（二）"),
    ("㈠", "㈠", "㈡"),
    ("1.", "1.", "2."),
    ("1、", "1、", "2、"),
    ("1.1", "1.1", "1.2"),
    ("(1)", "(1)", "(2)"),
    ("①", "①", "②"),
    ("第三条", "第三条 ", "第四条 "),
    ("第二章", "第二章 ", "第三章 "),
    ("十一、", "十一、", "十二、"),
]
# fmt: on


@pytest.mark.parametrize("first, second", [s[1:] for s in STYLES], ids=[s[0] for s in STYLES])
def test_label_styles(first: str, second: str, extract_text) -> None:
    result = extract_text(_article(first + "总体要求", BODY, second + "主要任务", BODY))
    fold = {"（": "(", "）": ")"}
    labels = ["".join(fold.get(c, c) for c in x).strip() for x in (first, second)]
    assert _tree(result) == [(labels[0], 1, "总体要求"), (labels[1], 1, "主要任务")]
    assert len(result.provisions) == 3  # headings are not provisions


# fmt: off
LEVELS = [
    ("一、/(一)/1.", ["一、总体要求", "(一)加强领导", "1.建强班子", "2.健全机制", "(二)完善制度", "二、保障措施"],
     [("一、", 1), ("(一)", 2), ("1.", 3), ("2.", 3), ("(二)", 2), ("二、", 1)]),
    ("一、/1.", ["一、总体要求", "1.建强班子", "2.健全机制", "二、保障措施"],
     [("一、", 1), ("1.", 2), ("2.", 2), ("二、", 1)]),
    ("(一)/1.", ["(一)加强领导", "1.建强班子", "(二)完善制度"], [("(一)", 1), ("1.", 2), ("(二)", 1)]),
    ("第X章/第X节/一、", ["第一章 总则", "第一节 一般规定", "一、适用范围", "第二章 附则"],
     [("第一章", 1), ("第一节", 2), ("一、", 3), ("第二章", 1)]),
    ("1./(1)/①", ["1.建强班子", "(1)选好书记", "①注重品德", "2.健全机制"],
     [("1.", 1), ("(1)", 2), ("①", 3), ("2.", 1)]),
    ("1 /1.1 (预案)", ["1 总则", "1.1 编制目的", "1.2 适用范围", "2 组织指挥体系", "2.1 指挥机构"],
     [("1", 1), ("1.1", 2), ("1.2", 2), ("2", 1), ("2.1", 2)]),
]
# fmt: on


@pytest.mark.parametrize("headings, expected", [c[1:] for c in LEVELS], ids=[c[0] for c in LEVELS])
def test_levels_rank_the_styles_the_article_uses(headings: list[str], expected, extract_text) -> None:
    lines = [x for h in headings for x in (h, BODY)]
    result = extract_text(_article(*lines))
    assert [(s.label, s.level) for s in result.sections] == expected


def test_parents_follow_levels(extract_text) -> None:
    result = extract_text(_article("一、总体要求", "(一)加强领导", BODY, "(二)完善制度", BODY, "二、保障措施", BODY))
    s = result.sections
    assert [x.parent_id for x in s] == [None, s[0].section_id, s[0].section_id, None]
    under = [p for p in result.provisions if p.section_id == s[2].section_id]
    assert under and under[0].section_path == ("总体要求", "完善制度")


def test_article_numbering_with_chapters(extract_text) -> None:
    result = extract_text(_article("第一章 总则", "第一条 为了规范管理,制定本办法。", "第二条 本办法适用于全市。",
                                   "第二章 附则", "第三条 本办法自发布之日起施行。"))
    assert _tree(result) == [("第一章", 1, "总则"), ("第一条", 2, "为了规范管理,制定本办法"),
                             ("第二条", 2, "本办法适用于全市"), ("第二章", 1, "附则"),
                             ("第三条", 2, "本办法自发布之日起施行")]
    # a 第X条 sentence is a rule: its text is a provision too
    assert "本办法适用于全市。" in [p.text for p in result.provisions]


def test_title_runs_to_the_first_full_stop(extract_text) -> None:
    result = extract_text(_article("一、总体要求。坚持党的领导,加强建设。", BODY))
    assert _tree(result) == [("一、", 1, "总体要求")]
    assert "坚持党的领导,加强建设。" in [p.text for p in result.provisions]


@pytest.mark.parametrize("line, title", [
    # a 第X条 is titled to its 。 through its ; (the checkset's annotators: 247 of 247 such 条)
    ("第八条 社区服务站受理居民申请的事项,能够当场办理的应当当场办理;不能当场办理的,应当在5个工作日内办结。",
     "社区服务站受理居民申请的事项,能够当场办理的应当当场办理;不能当场办理的,应当在5个工作日内办结"),
    # with no 。 on its line (its items below) it stops at ; as other headings do
    ("第九条 违反本条例第十条规定,由市水务局责令改正,给予警告;逾期不改正的,处罚款:", "违反本条例第十条规定,由市水务局责令改正,给予警告"),
    ("一、总体要求;坚持党的领导,加强建设。", "总体要求"),
])
def test_an_article_is_titled_through_its_semicolons(line, title, extract_text) -> None:
    result = extract_text(_article(line, BODY))
    assert [s.title for s in result.sections][:1] == [title]
    assert all(p.text for p in result.provisions)


def test_labelled_and_table_lines_are_no_headings_nor_captions(extract_text) -> None:
    body = BODY + "\n牵头单位:市民政局;配合单位:市财政局\n序号\t重点任务\t责任单位\n" + BODY  # not the tail: no signature
    result = extract_text(_article("一、总体要求。坚持党的领导,加强建设。", body))
    assert _tree(result) == [("一、", 1, "总体要求")]
    texts = [p.text for p in result.provisions]
    assert "配合单位:市财政局" in texts and "序号\t重点任务\t责任单位" in texts


@pytest.mark.parametrize("paragraphs, titles", [
    ([  # bare phrase pairs join a run of ones followed by 一是…
        "夯实基础,让组织体系更加健全。一是完善组织设置。", "创新机制,让服务群众更加精准。一是推行网格服务。",
        "强化保障,让基层干部安心干事。全镇落实报酬待遇。"],
     ["夯实基础,让组织体系更加健全", "创新机制,让服务群众更加精准", "强化保障,让基层干部安心干事"]),
    ([  # the aim phrase (让…) may run past the pair-part length
        "织密网格体系,让服务触角延伸到“神经末梢”。区委将各类网格整合为一张综合网格。",
        "建强网格队伍,让网格员成为群众“贴心人”。专职网格员纳入社区工作者统一管理。",
        "压实走访责任,让干部沉到群众“家门口”。区委制定走访办法。"],
     ["织密网格体系,让服务触角延伸到“神经末梢”", "建强网格队伍,让网格员成为群众“贴心人”", "压实走访责任,让干部沉到群众“家门口”"]),
])
def test_phrase_pair_lead_ins(paragraphs, titles, extract_text) -> None:
    result = extract_text(_article(*[p + BODY for p in paragraphs]))
    assert [t for _, _, t in _tree(result)] == titles


@pytest.mark.parametrize("opening", ["记者从《管理办法》中看到,积分分为基础积分和奖励积分两类。", "会议强调,积分评定要做到公开、公平、公正。"])
def test_reported_speech_openings_are_no_lead_ins(opening, extract_text) -> None:
    result = extract_text(_article(*[opening + BODY] * 3))
    assert _tree(result) == []

def test_wider_spaced_unnumbered_lines_are_parents(extract_text) -> None:
    text = "\n".join([TITLE, OPENING, "\n\n", "主要内容", "", BODY, "", "加强组织领导", "", BODY, "", "强化经费保障", "",
                      BODY, "\n\n", "工作要求", "", BODY, "", "压实工作责任", "", BODY]) + "\n"
    assert [(t, lv) for _, lv, t in _tree(extract_text(text))] == [
        ("主要内容", 1), ("加强组织领导", 2), ("强化经费保障", 2), ("工作要求", 1), ("压实工作责任", 2)]


def test_interview_questions_are_level_one_headings(extract_text) -> None:
    lines = ["问:这次改革的主要考虑是什么?", "答:" + BODY, "问:经费从哪里来?", "答:" + BODY]
    result = extract_text(_article(*lines))
    assert _tree(result) == [("", 1, "这次改革的主要考虑是什么?"), ("", 1, "经费从哪里来?")]


def test_press_conference_questions_answered_by_speakers_are_headings(extract_text) -> None:
    lines = ["扬州日报记者:社区工作者待遇如何提升?", "周海涛:" + BODY, "新华日报记者:下一步有哪些打算?",
             "孙晓燕:下一步,我们将重点做好三个方面工作。一是完善制度。二是加强保障。"]  # no run-in heading
    assert _tree(extract_text(_article(*lines))) == [("", 1, "社区工作者待遇如何提升?"), ("", 1, "下一步有哪些打算?")]


def test_the_hosts_turns_at_a_press_conference_are_no_headings(extract_text) -> None:
    lines = ["主持人:各位媒体朋友,大家上午好!欢迎参加今天的新闻发布会。", "扬州日报记者:社区工作者待遇如何提升?",
             "周海涛:" + BODY, "主持人:谢谢周局长。下面请继续提问。", "新华日报记者:下一步有哪些打算?",
             "孙晓燕:下一步,我们将重点做好三个方面工作。一是完善制度。二是加强保障。"]
    assert _tree(extract_text(_article(*lines))) == [("", 1, "社区工作者待遇如何提升?"), ("", 1, "下一步有哪些打算?")]


def test_questions_inside_numbered_parts_are_their_text(extract_text) -> None:
    """一、出台背景 / 问:… / 答:…: a policy explainer numbered by parts; the questions are the parts' text."""
    lines = ["一、出台背景", "问:为什么要出台《办法》?", "答:" + BODY, "二、缴费标准", "问:个人缴费标准是多少?",
             "答:" + BODY, "问:什么时候缴费?", "答:" + BODY]
    assert _tree(extract_text(_article(*lines))) == [("一、", 1, "出台背景"), ("二、", 1, "缴费标准")]


def test_an_interview_with_numbered_points_in_its_answers_keeps_its_questions(extract_text) -> None:
    lines = ["问:这次改革的主要考虑是什么?", "答:主要有三点。", "一、加强领导。" + BODY, "二、健全机制。" + BODY,
             "问:经费从哪里来?", "答:" + BODY]
    assert _tree(extract_text(_article(*lines))) == [("", 1, "这次改革的主要考虑是什么?"), ("一、", 2, "加强领导"),
                                                      ("二、", 2, "健全机制"), ("", 1, "经费从哪里来?")]


def test_asker_lines_without_answers_are_no_headings(extract_text) -> None:
    result = extract_text(_article("问:这次改革的主要考虑是什么?", BODY))
    assert _tree(result) == []


# fmt: off
INLINE = [
    ("next number is a heading", "(二)", True),
    ("a skipped number is text", "(五)", False),
]
# fmt: on


@pytest.mark.parametrize("label, heading", [c[1:] for c in INLINE], ids=[c[0] for c in INLINE])
def test_inline_label_run_into_a_paragraph(label: str, heading: bool, extract_text) -> None:
    result = extract_text(_article("(一)加强领导", BODY + label + "健全机制。完善各项制度。"))
    labels = [s.label for s in result.sections]
    assert labels == (["(一)", "(二)"] if heading else ["(一)"])
    texts = [p.text for p in result.provisions]
    assert (label + "健全机制。" in texts) is not heading


def test_inline_label_of_an_unused_style_is_text(extract_text) -> None:
    result = extract_text(_article("(一)加强领导", OPENING + "1.健全机制,完善各项制度。"))
    assert [s.label for s in result.sections] == ["(一)"]


DIGEST = ("广元市昭化区“三化联动” 抓实城乡基层治理工作\n"
          "今年以来,广元市昭化区坚持以“基层治理奠基年”行动为抓手,高标准推进党建引领基层治理体制机制建设。\n"
          "“体系化”建强组织。一是高规格启动。组建城乡基层治理委员会。二是针对性推进。细化重点任务。\n"
          "“项目化”重点推进。一是村级建制调整改革全面完成。二是示范创建全面启动。\n")


def test_runin_lead_ins_head_a_digest(extract_text) -> None:
    result = extract_text(DIGEST)
    assert _tree(result) == [("", 1, "“体系化”建强组织"), ("", 1, "“项目化”重点推进")]
    texts = [p.text for p in result.provisions]
    # run-in enumerations 一是…二是… are provisions, not headings
    assert "一是高规格启动。" in texts and "二是示范创建全面启动。" in texts
    assert "“体系化”建强组织。" not in texts


def test_runin_lead_in_inside_a_numbered_article_is_innermost(extract_text) -> None:
    result = extract_text(_article("一、总体要求", "“体系化”建强组织。一是高规格启动。组建委员会。"))
    assert _tree(result) == [("一、", 1, "总体要求"), ("", 2, "“体系化”建强组织")]


def test_a_long_first_sentence_is_not_a_runin_heading(extract_text) -> None:
    result = extract_text(DIGEST.replace("“体系化”建强组织。", "“体系化”建强组织,全面推进各项工作,进一步夯实基层基础,确保落实。"))
    assert [s.title for s in result.sections] == ["“项目化”重点推进"]


@pytest.mark.parametrize("paragraphs, titles", [
    (["强化组织保障。成立领导小组,市民政局牵头负责日常工作。", "健全服务体系。按照每个社区不少于30平方米的标准建设议事空间。"],
     ["强化组织保障", "健全服务体系"]),
    (["强化组织保障。成立领导小组。"], []),  # one bare lead-in is no digest
    (["一要加强领导。成立领导小组。", "二要健全体系。建设议事空间。"], []),  # run-in enumerations are provisions
    (["到2022年底。实现全覆盖。", "每年2次。开展培训。"], []),  # numbers: not a heading phrase
    (["夯实组织基础,把支部建在网格上。全市划分网格1200个。", "创新服务方式,让群众少跑腿。推行代办服务。",
      "强化考核激励,激发干事热情。将网格工作纳入年度考核。"],
     ["夯实组织基础,把支部建在网格上", "创新服务方式,让群众少跑腿", "强化考核激励,激发干事热情"]),
    (["会议强调,要加强领导。各地要抓好落实。", "会议指出,要健全机制。各部门要密切配合。"], []),  # two pairs: ordinary sentences
], ids=["two-bare-lead-ins", "one-only", "enumerators", "with-numbers", "three-phrase-pairs", "two-pairs-only"])
def test_bare_runin_lead_ins_head_a_digest_when_several(extract_text, paragraphs, titles) -> None:
    head = "余姚市推进基层治理现代化\n今年以来,余姚市全面提升基层治理水平。\n"
    result = extract_text(head + "\n".join(paragraphs) + "\n")
    assert [s.title for s in result.sections] == titles


def test_division_labels_rank_above_the_styles_inside(extract_text) -> None:
    text = ("某市十四五社区建设规划\n第一部分 发展基础\n一、主要成效\n全市建成社区服务中心120个。\n"
            "第二部分 总体要求\n一、指导思想\n坚持以人民为中心。\n")
    assert _tree(extract_text(text)) == [("第一部分", 1, "发展基础"), ("一、", 2, "主要成效"),
                                         ("第二部分", 1, "总体要求"), ("一、", 2, "指导思想")]


UNNUMBERED = ("让党的旗帜 在每一个基层阵地高高飘扬\n\n改进基层社会治理\n\n抓基层打基础\n\n重视乡镇街道建设\n\n"
              "按照标准,积极选拔干部,完善议事规则和决策程序。\n\n加强村社区建设\n\n鼓励班子成员交叉兼职,提高党员的比例。\n\n"
              "构建大党建工作格局\n\n强化领导核心作用\n\n明确专职副书记分管党建工作。\n")


def test_unnumbered_heading_lines_take_their_level_from_layout(extract_text) -> None:
    result = extract_text(UNNUMBERED)
    # a heading line directly followed by another heading line is a parent
    assert _tree(result) == [("", 1, "改进基层社会治理"), ("", 1, "抓基层打基础"), ("", 2, "重视乡镇街道建设"),
                             ("", 2, "加强村社区建设"), ("", 1, "构建大党建工作格局"), ("", 2, "强化领导核心作用")]
    assert [p.section_path for p in result.provisions][:2] == [("抓基层打基础", "重视乡镇街道建设"),
                                                               ("抓基层打基础", "加强村社区建设")]


def test_document_title_is_not_a_heading(extract_text) -> None:
    result = extract_text(UNNUMBERED)
    assert "让党的旗帜 在每一个基层阵地高高飘扬" not in [s.title for s in result.sections]


def test_short_lines_in_a_numbered_article_are_captions(analyse_text, extract_text) -> None:
    text = _article("一、总体要求", BODY, "昭化区朝阳村活动阵地", "二、主要任务", BODY)
    result = extract_text(text)
    assert [s.label for s in result.sections] == ["一、", "二、"]
    assert all("活动阵地" not in p.text for p in result.provisions)
    doc = analyse_text(text)
    assert [line.role for line in doc.lines if line.text == "昭化区朝阳村活动阵地"] == ["caption"]


def test_name_lines_heading_restarted_lists_rank_between_the_styles(analyse_text, extract_text) -> None:
    """一、 group / a unit's name line / 1. 2. its duties / the next unit's name line / 1. …: the name lines are
    headings between the two numbered styles (the list restarts under each), not captions."""
    text = _article("一、综合监管部门", "县应急管理局", "1.负责安全生产综合监督管理。", "2.组织开展执法检查。",
                    "县消防救援大队", "1.负责消防监督检查。", "二、行业监管部门", "县公安局", "1.负责道路交通安全管理。")
    assert [(s.label, s.level, s.title) for s in extract_text(text).sections][:4] == [
        ("一、", 1, "综合监管部门"), ("", 2, "县应急管理局"), ("1.", 3, "负责安全生产综合监督管理"),
        ("2.", 3, "组织开展执法检查")]
    assert [s.title for s in extract_text(text).sections if s.level == 2] == ["县应急管理局", "县消防救援大队", "县公安局"]


def test_name_lines_at_the_top_level_head_their_lists(extract_text) -> None:
    """A duty list with no section over it (区应急管理局 / 1. 2. / 区教育局 / 1. …): three name lines over
    restarted lists show the pattern; they rank over the numbered items, and the items are their duties."""
    text = _article("区应急管理局", "1.负责安全生产综合监督管理。", "2.组织开展执法检查。", "区教育局", "1.负责学校安全管理。",
                    "区公安分局", "1.负责道路交通安全管理。")
    result = extract_text(text)
    assert [(s.label, s.level, s.title) for s in result.sections][:3] == [
        ("", 1, "区应急管理局"), ("1.", 2, "负责安全生产综合监督管理"), ("2.", 2, "组织开展执法检查")]


def test_two_top_level_lines_over_lists_are_no_such_headings(extract_text) -> None:
    """Two titles over numbered lists at the text's top level (an attachment list, a notes list): too few."""
    text = _article("附件清单", "1.实施方案。", "2.任务分工表。", "有关说明", "1.本通知自印发之日起施行。")
    assert "附件清单" not in [s.title for s in extract_text(text).sections]


def test_one_line_over_a_list_is_no_such_heading(extract_text) -> None:
    """An attachment's title over its numbered list, once: not the pattern of name lines over restarted lists."""
    text = _article("一、总体要求", BODY, "二、工作措施", BODY, "村(社区)工作事务准入清单", "1.党组织建设。",
                    "2.村务公开。")
    assert "村(社区)工作事务准入清单" not in [s.title for s in extract_text(text).sections]


@pytest.mark.parametrize("line", [
    "每周开放不少于6天,每天开放不少于8小时",  # a scoring-table cell copied onto its own line
    "标识不规范的扣2分",
    "基础设施(20分)",  # a scoring table's category cell
    "(省民政厅牵头,省财政厅、省卫生健康委配合)",  # the duty list of the measure above
    "(省财政厅、省民政厅牵头)",
])
def test_short_lines_stating_a_rule_stay_provisions(analyse_text, extract_text, line) -> None:
    text = _article("一、总体要求", BODY, line, "二、主要任务", BODY)
    assert [s.label for s in extract_text(text).sections] == ["一、", "二、"]
    assert [l.role for l in analyse_text(text).lines if l.text == line] == ["body"]
    assert line in [p.text for p in extract_text(text).provisions]


@pytest.mark.parametrize("label, number", [
    ("三、", 3), ("(十二)", 12), ("7.", 7), ("十、", 10), ("二十一、", 21), ("㈢", 3), ("第十五条", 15),
    ("(11)", 11), ("", None),
    pytest.param("②", 2),
])
def test_label_number(label: str, number: int | None) -> None:
    assert label_number(label) == number


def test_inline_circled_label(extract_text) -> None:
    result = extract_text(_article("①注重品德", OPENING + "②加强监督。"))
    assert [s.label for s in result.sections] == ["①", "②"]


def test_section_offsets_cover_the_heading_line(extract_text) -> None:
    text = _article("（一）加强领导", BODY)
    s = extract_text(text).sections[0]
    assert text[s.start:s.end] == "（一）加强领导"


@pytest.mark.parametrize("line, title, provisions", [
    ("一、总体目标:到2025年,城乡社区综合服务设施实现全覆盖。", "总体目标", ["到2025年,城乡社区综合服务设施实现全覆盖。"]),
    ("二、申请人应当符合下列条件:", "申请人应当符合下列条件", []),
    # a title closed by 。 is a provision too (as before)
    ("三、加强经费保障。市财政每年安排专项资金。", "加强经费保障", ["加强经费保障。", "市财政每年安排专项资金。"]),
], ids=["short title then its text", "title ending in a colon", "sentence title"])
def test_a_colon_closes_a_short_title(extract_text, line, title, provisions) -> None:
    result = extract_text("某市关于加强社区服务的实施意见\n" + line + "\n")
    assert [s.title for s in result.sections] == [title]
    assert [p.text for p in result.provisions] == provisions


def test_heading_title_with_a_figure_is_also_a_provision(extract_text) -> None:
    """(一)80周岁以上的特困供养人员 / 班子建设(20分): the title states a rule, so its figures are read."""
    text = _article("一、补贴对象", BODY, "(一)80周岁以上的特困供养人员", BODY, "(二)高龄老年人", BODY)
    result = extract_text(text)
    assert "(一)" in [s.label for s in result.sections]
    texts = [p.text for p in result.provisions]
    assert "80周岁以上的特困供养人员" in texts
    assert "高龄老年人" not in texts and "补贴对象" not in texts


@pytest.mark.parametrize("lead_in", ["第五条 社区党委履行下列职责:", "第九条 网格员主要履行以下职责:",
                                     "一、街道办事处承担下列工作:"])
def test_a_lead_in_to_an_actors_duties_is_also_a_provision(extract_text, lead_in) -> None:
    """第五条 社区党委履行下列职责: assigns the listed duties to its actor, so it is read as a rule; a bare
    主要职责 caption is not."""
    text = _article(lead_in, "(一)统筹协调本辖区基层治理工作;", "(二)完成上级交办的其他事项。", "二、主要职责", BODY)
    result = extract_text(text)
    title = lead_in.split(" ")[-1].split("、")[-1].rstrip(":")
    texts = [p.text for p in result.provisions]
    assert title in [s.title for s in result.sections]
    assert any(t.startswith(title) for t in texts), texts
    assert "主要职责" not in texts


def test_colon_inside_brackets_does_not_end_a_title(extract_text) -> None:
    """12.耕地保护监督(牵头部门:县自然资源局): the whole line is the title, and a provision (it names a lead)."""
    text = _article("一、配合履职事项", BODY, "1.耕地保护监督(牵头部门:县自然资源局)", "2.森林防火(牵头部门:县林业局)", "二、工作要求", BODY)
    result = extract_text(text)
    assert "耕地保护监督(牵头部门:县自然资源局)" in [s.title for s in result.sections]
    assert "森林防火(牵头部门:县林业局)" in [p.text for p in result.provisions]


def test_colon_subheading_with_a_slogan_is_a_heading(extract_text) -> None:
    """规则量化:好行为“看得见” is a digest subheading; 牵头单位:市民政局 stays a field line."""
    text = ("“小积分”撬动乡村“大治理”\n\n" + BODY + "\n\n规则量化:好行为“看得见”\n\n" + BODY
                                 + "\n\n兑换激励:“积分”变“真金”\n\n" + BODY + "\n\n牵头单位:市民政局\n\n" + BODY + "\n")
    titles = [s.title for s in extract_text(text).sections]
    assert "规则量化:好行为“看得见”" in titles and "兑换激励:“积分”变“真金”" in titles
    assert "牵头单位:市民政局" not in titles


def test_note_items_under_a_table_are_no_headings(extract_text) -> None:
    """注:1.… then 2.…, 3.… on lines of their own are a note's items, not headings; 1. items elsewhere are."""
    text = ("泉城路街道2025年重点任务清单\n\n一、党建引领\n1.召开街道党建联席会议。\n2.推进社区“两委”成员培训全覆盖。\n"
            "注:1.完成时限为“长期坚持”的任务,每半年报送1次进展。\n2.各社区可结合实际细化任务清单,报街道备案。\n"
            "3.责任科室简称:党建办为党建工作办公室。\n")
    titles = [s.title for s in extract_text(text).sections]
    assert any("党建联席会议" in t for t in titles) and any("培训全覆盖" in t for t in titles), titles
    assert not any("细化任务清单" in t or "责任科室简称" in t for t in titles), titles


def test_attachment_list_items_are_no_headings(extract_text) -> None:
    """附件:1.… then 2.…, 3.… on lines of their own list the attachments, not sections."""
    text = ("南谯区招商引资优惠政策若干措施\n\n一、总则\n1.本措施适用于新引进项目。\n2.奖补资金纳入区级财政预算。\n"
            "附件:1.南谯区招商引资项目奖补资金申报表.docx\n   2.南谯区高层次人才认定标准(2023年版).pdf\n"
            "   3.南谯区招商引资优惠政策兑现流程图.jpg\n")
    titles = [s.title for s in extract_text(text).sections]
    assert any("新引进项目" in t for t in titles), titles
    assert not any("人才认定标准" in t or "流程图" in t for t in titles), titles


def test_numbered_table_rows_and_clause_citations_are_no_headings(extract_text) -> None:
    body = ("第二十条第(一)项\n信息内容  本年制发件数  现行有效件数\n规章  0  0\n"
            "二、收到申请情况\n本年度办理情况  自然人  法人  总计\n"
            "一、本年新收申请数量  13  1  14\n(一)予以公开  6  1  7\n三、工作要求\n各科室要按时公开信息。\n")
    result = extract_text(_article("一、总体情况。全年主动公开信息286条。", body))
    assert _tree(result) == [("一、", 1, "总体情况"), ("二、", 1, "收到申请情况"), ("三、", 1, "工作要求")]


def test_subheadings_on_their_own_lines_outrank_short_opening_sentences(extract_text) -> None:
    """A news page with colon subheadings whose paragraphs open with short sentences (成效看得见。…): the
    subheadings are the headings, the opening sentences are text."""
    text = ("静升镇:小积分“撬动”乡村治理大变化\n\n" + BODY + "\n\n定规则:一本“积分账”管到底\n\n"
            "规则定得好。各村成立积分评议小组,每月评议1次。\n\n促参与:党员带头“跑在前”\n\n"
            "党员走在前。镇里对全镇党员实行积分管理。\n\n见成效:乡风文明“焕新颜”\n\n成效看得见。全镇矛盾纠纷数量明显下降。\n")
    titles = [s.title for s in extract_text(text).sections]
    assert titles == ["定规则:一本“积分账”管到底", "促参与:党员带头“跑在前”", "见成效:乡风文明“焕新颜”"], titles


def test_short_lines_over_the_paragraphs_of_one_numbered_section_are_its_subheadings(extract_text) -> None:
    text = ("湖沟镇秸秆禁烧工作方案\n一、工作目标\n全镇秸秆综合利用率达到95%以上,确保不出现火点。\n二、责任体系\n镇领导包片\n"
            "镇班子成员按片区包保,包片领导是所包片区秸秆禁烧第一责任人,每周督导不少于3次。\n村干部包组\n"
            "村干部按村民小组包保,每日巡查不少于2次,发现火情立即处置并报告。\n")
    titles = [(s.title, s.level) for s in extract_text(text).sections]
    assert ("镇领导包片", 2) in titles and ("村干部包组", 2) in titles, titles


def test_a_lone_short_line_in_a_numbered_section_stays_a_caption(extract_text) -> None:
    text = ("湖沟镇秸秆禁烧工作方案\n一、工作目标\n全镇秸秆综合利用率达到95%以上,确保不出现火点。\n二、责任体系\n镇领导包片\n"
            "镇班子成员按片区包保,包片领导是所包片区秸秆禁烧第一责任人,每周督导不少于3次。\n")
    assert [s.title for s in extract_text(text).sections] == ["工作目标", "责任体系"]


def test_top_headings_whose_word_numbers_were_lost(extract_text) -> None:
    """Word's list numbering left out of a paste: 行动目标 / 重点任务 / (一)… (二)… / 工作要求 / (一)…; the lists
    start again at one under each bare line, so those lines are the top level."""
    result = extract_text(_article("行动目标", BODY, "行动步骤", "(一)排查摸底阶段。" + BODY, "重点任务",
                                   "(一)全面排查隐患。" + BODY, "(二)快速处置案件。" + BODY,
                                   "工作要求", "(一)加强组织领导。" + BODY, "(二)强化督导考核。" + BODY))
    assert _tree(result) == [("", 1, "行动目标"), ("", 1, "行动步骤"), ("(一)", 2, "排查摸底阶段"), ("", 1, "重点任务"),
                             ("(一)", 2, "全面排查隐患"), ("(二)", 2, "快速处置案件"), ("", 1, "工作要求"),
                             ("(一)", 2, "加强组织领导"), ("(二)", 2, "强化督导考核")]


def test_a_ratio_colon_does_not_end_a_heading_title(extract_text) -> None:
    result = extract_text(_article("第八条 所需资金由省级与县级按6:4比例分担。", "第九条 本细则自发布之日起施行。"))
    assert ("第八条", 1, "所需资金由省级与县级按6:4比例分担") in _tree(result)
