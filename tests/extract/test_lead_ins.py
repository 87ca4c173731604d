"""Lead-ins to a list of one actor's duties (extract/lead_ins.py)."""
from __future__ import annotations

import pytest

import zhengce
from zhengce.extract.lead_ins import lead_in_actor, own_subject


@pytest.mark.parametrize("text, actor", [
    ("村民选举委员会履行下列职责", "村民选举委员会"),
    ("第二十五条 村务监督委员会履行以下职责", "村务监督委员会"),
    ("班子成员联系社区的主要职责", "班子成员"),
    ("专职网格员在社区党委领导下开展工作,履行以下六个方面职责", "专职网格员"),
    ("会长行使下列职权", "会长"),  # a statute's officers hold powers (职权) as units hold duties
    ("理事会的职权是", "理事会"),
    ("社区的主要职责", None),  # a bare level leads in no list
    ("县民政局负责以下工作", None),  # tasks, not the unit's standing duties
    ("第十七条 街道社区办负责", "街道社区办"),  # a bare 负责 over a numbered list: the unit's duties
    ("理事会是会员大会的执行机构,对会员大会负责", None),  # a sentence ending in 负责 is no lead-in
    ("主要职责", None),
    # a regulated party's obligations listed the same way (SPEC: X应…, execute)
    ("第十六条 物业服务企业应当履行下列义务", "物业服务企业"),
    ("第十二条 停车场经营者应当遵守下列规定", "停车场经营者"),
    ("有下列情形之一的", None),  # a condition, no lead-in
    # a 条 titled whole to its 。 that happens to end like a lead-in is a rule of clauses, no lead-in
    ("村党组织书记人选应当具备下列基本条件:政治坚定;一般应具有高中以上文化程度;身体健康,能够正常履行职责", None),
])
def test_lead_in_actor(text, actor):
    assert lead_in_actor(text) == actor


@pytest.mark.parametrize("text, own", [
    ("(一)制定选举工作方案,报乡镇人民政府备案;", False),
    ("①负责网格内人口信息采集;", False),
    ("乡镇人民政府应当督促其在3日内补足。", True),
])
def test_own_subject(text, own):
    assert own_subject(text) is own


def _records(text: str):
    return zhengce.extract(text).responsibilities


def test_items_under_a_lead_in_heading_take_its_actor():
    text = ("村民委员会选举规定\n\n第五条 村民选举委员会履行下列职责:\n(一)制定选举工作方案,报乡镇人民政府备案;\n"
            "(二)宣传有关选举的法律法规和政策;\n(三)主持投票,公布选举结果。\n第六条 乡镇人民政府应当指导选举工作。\n")
    got = [(r.actor, r.duty) for r in _records(text)]
    assert ("村民选举委员会", "宣传有关选举的法律法规和政策") in got
    assert ("村民选举委员会", "主持投票") in got
    assert not any(a == "村民选举委员会" and "指导选举" in d for a, d in got)  # 第六条 is no item of 第五条


def test_a_whole_sentence_article_title_lists_no_duties():
    text = ("村党组织书记备案管理办法\n\n第五条 村党组织书记人选应当从本村致富能手中优先选拔,具备下列基本条件:政治坚定,遵纪守法;"
            "一般应具有高中以上文化程度;身体健康,能够正常履行职责。\n第六条 乡镇党委负责人选的考察。\n")
    assert not [r for r in _records(text) if "高中" in r.duty]


def test_items_after_a_lead_in_provision_take_its_actor():
    text = ("网格员工作手册\n\n一、网格员职责\n专职网格员在社区党委领导下开展工作,履行以下职责:\n(一)信息采集\n"
            "①负责网格内人口、房屋等基础信息的采集录入;\n②每季度走访网格内特殊群体1次。\n")
    got = [(r.actor, r.role) for r in _records(text)]
    assert ("专职网格员", "lead") in got and ("专职网格员", "execute") in got


def test_an_item_labelled_with_its_own_actor_is_that_actors():
    """指挥部成员单位职责: then (一)镇党政办:负责… — each item names its unit, which is the actor, not the lead-in's."""
    text = ("南坝镇防汛抗旱应急预案\n\n第八条 镇防汛抗旱指挥部履行下列职责:\n(一)镇党政办:负责防汛抗旱综合协调和值班值守工作。\n"
            "(二)镇水利站:负责水情、工情监测和堤防安全巡查。\n第九条 本预案自印发之日起施行。\n")
    got = [(r.actor, r.role) for r in _records(text)]
    assert ("镇党政办", "lead") in got and ("镇水利站", "lead") in got, got
    assert not any(actor == "镇防汛抗旱指挥部" and role == "lead" for actor, role in got), got


DUTY_LIST = ("县部门安全生产工作职责清单\n\n一、综合监管部门\n县应急管理局\n1.负责全县安全生产综合协调工作。\n"
             "2.每年组织开展2次综合应急演练。\n县消防救援大队\n1.负责消防工作的综合监督管理。\n"
             "2.指导乡镇开展消防安全网格化管理。\n二、行业领域监管部门\n县公安局\n1.负责道路交通安全管理。\n"
             "2.配合县应急管理局开展烟花爆竹专项整治。\n县教育局\n1.督促学校落实校园安全主体责任。\n")


def test_items_under_a_department_name_line_take_its_actor():
    """A 职责清单: department-name lines between 一、 groups and their numbered duties (the list restarts at 1
    under each) own the duties listed under them."""
    got = [(r.actor, r.role) for r in _records(DUTY_LIST)]
    assert ("县应急管理局", "lead") in got and ("县应急管理局", "execute") in got, got
    assert ("县消防救援大队", "oversee") in got, got
    assert ("县公安局", "support") in got and ("县教育局", "oversee") in got, got
    assert not any(actor == "县应急管理局" and "消防" in r.duty for r in _records(DUTY_LIST) for actor in [r.actor])


def test_unmarked_items_of_a_duty_list_are_the_units_duties():
    """Items with no role word (每月巡河不少于2次…) listed under a unit's name line or a lead-in are its duties
    (execute); a sub-heading's bare title (信息采集) is none."""
    text = ("镇河长制工作职责\n\n一、工作要求\n各村要落实河长制。\n附件\n镇级河长\n1.每月巡河不少于2次,如实填写巡河记录。\n"
            "2.负责督促问题整改。\n村级河长\n1.每周巡河不少于1次。\n")
    got = [(r.actor, r.role, r.duty) for r in _records(text)]
    assert ("镇级河长", "execute", "每月巡河不少于2次,如实填写巡河记录") in got, got
    assert ("村级河长", "execute", "每周巡河不少于1次") in got, got
    lead_in = ("网格员工作制度\n\n第五条 专职网格员履行下列职责:\n(一)信息采集\n(二)每月入户走访不少于80户。\n")
    got = [(r.actor, r.duty) for r in _records(lead_in)]
    assert ("专职网格员", "每月入户走访不少于80户") in got and not any(d == "信息采集" for _, d in got), got


def test_numbered_items_under_a_heading_naming_a_unit_are_its_duties():
    """(二)县住房和城乡建设局 / 1.… / 2.…: a numbered heading that is a unit's name alone over numbered items lists
    that unit's duties, items with no role word (对在建工程项目每月…巡查) too; a 第X条 under a chapter is no item."""
    text = ("县安全生产职责清单\n\n二、行业部门职责\n(一)县应急管理局\n1.负责全县安全生产综合监督管理。\n"
            "2.每年至少组织1次县级综合应急演练。\n(二)县住房和城乡建设局\n1.负责建筑施工安全监督管理。\n"
            "2.对在建工程项目每月至少开展1次安全巡查。\n")
    got = [(r.actor, r.duty) for r in _records(text)]
    assert ("县应急管理局", "每年至少组织1次县级综合应急演练") in got, got
    assert ("县住房和城乡建设局", "对在建工程项目每月至少开展1次安全巡查") in got, got
    assert not any(a == "县应急管理局" and "在建工程" in d for a, d in got), got


def test_provisions_under_a_chapter_named_by_a_body_are_no_duty_list():
    """第二章 联席会议 names a body, but its articles are rules about it, not a list of its duties: an article
    naming no actor and no role word gives no record."""
    text = ("社区联席会议制度\n\n第一章 总则\n第一条 为规范议事,制定本制度。\n第二章 联席会议\n"
            "第二条 每月召开1次例会,特殊情况可临时召开。\n第三条 议定事项形成会议纪要。\n")
    assert not _records(text), _records(text)


@pytest.mark.parametrize("paragraph, expected", [
    ("区应急管理局:负责全区应急管理综合协调工作;承担自然灾害类突发事件应急救援的组织协调工作;依法开展安全生产执法检查。",
     # (承担…组织协调工作 has no marker: the role model reads a coordination charge as lead, as 统筹 is)
     [("区应急管理局", "lead"), ("区应急管理局", "lead"), ("区应急管理局", "oversee")]),
    ("区委宣传部(区政府新闻办):负责统筹突发事件新闻发布工作;指导事发地镇(街道)做好信息发布。",
     [("区委宣传部", "lead"), ("区委宣传部", "oversee")]),
])
def test_each_clause_of_a_units_duty_paragraph_is_its_duty(paragraph, expected):
    """区应急管理局:负责…;承担…;依法开展… — one unit's duties parted by semicolons: every clause is that unit's, marked
    or not, and a second name in brackets after the unit does not hide it."""
    text = "区突发事件总体应急预案\n\n一、成员单位职责\n" + paragraph + "\n"
    assert [(r.actor, r.role) for r in _records(text)] == expected


def test_items_under_a_bare_fuze_lead_in_are_what_its_actor_leads():
    text = ("社区工作者考核办法\n\n第十七条 街道社区办负责:\n(一)制定年度考核实施方案,组织开展年度综合测评;\n"
            "(二)审核各社区平时考核结果;\n(三)受理考核结果复核申请。\n第十八条 本办法自印发之日起施行。\n")
    got = [(r.actor, r.role, r.duty) for r in _records(text)]
    assert ("街道社区办", "lead", "制定年度考核实施方案") in got, got
    assert ("街道社区办", "oversee") in [(a, r) for a, r, _ in got], got


def test_items_under_an_obligation_lead_in_are_the_partys_duties():
    text = ("某市餐厨垃圾管理办法\n\n第八条 餐厨垃圾收运单位应当遵守下列规定:\n(一)每日至少收运1次;\n"
            "(二)建立收运台账,如实记录收运数量;\n(三)不得在收运途中随意倾倒餐厨垃圾。\n第九条 本办法自印发之日起施行。\n")
    got = [(r.actor, r.role, r.duty) for r in _records(text)]
    assert [a for a, _, _ in got] == ["餐厨垃圾收运单位"] * 3, got
    assert {role for _, role, _ in got} == {"execute"}, got


def test_an_implementing_body_label_under_an_item_takes_the_item_as_its_task():
    """1.村级重大事项决策 / 实施主体:村党组织、村民委员会 (a 小微权力清单's item): each named body leads the item."""
    text = ("村级小微权力清单\n\n说明:本清单所列办理流程为基本流程,各村不得减少环节。\n1.村级重大事项决策\n"
            "实施主体:村党组织、村民委员会\n时限:决议公开不少于5天。\n2.村级工程项目建设\n实施主体:村民委员会\n"
            "时限:自决议之日起10个工作日内办结。\n")
    got = [(r.actor, r.role, r.duty) for r in _records(text)]
    assert ("村党组织", "lead", "村级重大事项决策") in got
    assert ("村民委员会", "lead", "村级工程项目建设") in got

