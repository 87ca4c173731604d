"""Articles of a file and their metadata: splits, titles, dates, issuers, jurisdictions (SPEC, Articles)."""
from __future__ import annotations

import pytest

from zhengce.segment.metadata import doc_type_of, find_date

OPENING = "为深入学习贯彻党的十九大精神,全面落实中央关于加强城市基层党建和基层治理的决策部署,结合我市实际,提出如下意见。"
NOTICE = "关于加强基层治理的实施意见\n" + OPENING + "\n一、工作目标\n加强领导,健全机制。\n"

EXTENDED = ("机制创新,推动基层政权建设情况\n"
            "×××乡党委在抓党的基层组织建设方面重点加强党的政治思想、组织作风、制度建设,坚持高标准、严要求的原则。\n"
            "一是加强理论学习,提高干部素质。思想政治工作是党的事业取得胜利的政治基础。\n"
            "扩展阅读:充分发挥组织部门职能作用的探索与思考\n"
            "充分发挥组织部门职能作用的探索与思考\n"
            "十七届五中全会指出,必须不断提高党领导经济社会发展能力和水平,使上层建筑更加适应经济基础发展变化。\n"
            "一、做法与成效\n(一)在创新选任机制下功夫。坚持德才兼备。\n"
            "友情提示:本文给出的范例仅供您参考拓展思维使用。\n")

DIGEST = ("首页 > 基层党建 > 其他\n提升能力,抓实城乡基层治理工作\n\n"
          "2020-06-18\xa0\xa0 来源:相关市<州>、县<市、区>党委组织部\n\n"
          "广元市昭化区“三化联动” 抓实城乡基层治理工作\n\n"
          "今年以来,广元市昭化区坚持以“基层治理奠基年”行动为抓手,高标准推进党建引领基层治理体制机制建设、村级建制调整改革等重点工作。\n\n"
          "“体系化”建强组织。一是高规格启动。组建委员会。\n\n"
          "屏山县实施“分类评星定级” 打造聚居点治理新样板\n\n"
          "屏山县针对283个易地扶贫搬迁聚居点建好后管理无序等问题,强化党建引领,大力探索推行分类评星定级,推动聚居点治理。\n\n"
          "分类评星定级 破解“主体责任缺位”的难题。一是分类创建强指导。以聚居点户数为标准。\n")

PRINTED = ("省委、省政府印發《關於加強基層治理體系和治理能力現代化建設的若干措施》\n\n"
           "發布日期:2022-01-20 16:46 來源:民政廳辦公室\n\n"
           "近日,省委、省政府印發《若干措施》,要求各地各部門認真貫徹落實。\n\n《若干措施》全文如下:\n\n"
           "為深入學習貫徹習近平新時代中國特色社會主義思想,借鑒河南省經驗,認真落實習近平總書記對山東工作的重要指示要求,"
           "結合山東實際,制定如下措施。\n一、健全基層治理領導協調機制\n山東省各級黨委要加強領導。\n")


def _meta(result) -> list[tuple]:
    return [(a.title, a.issuer, a.jurisdiction, a.date, a.doc_type, a.normative) for a in result.articles]


def test_a_bracketed_related_reading_label_opens_a_second_article(extract_text) -> None:
    text = ("滁州市引进人才生活补贴实施办法\n发布时间:2024-05-11  来源:市委人才办\n第一条 为吸引人才,制定本办法。\n第二条 本办法自2024年6月1日起施行。\n"
            "中共滁州市委人才工作领导小组办公室\n2024年5月10日\n【打印】 【关闭】\n【相关解读】\n"
            "《滁州市引进人才生活补贴实施办法》政策解读\n来源:滁州市人力资源和社会保障局  发布时间:2024-05-17\n"
            "近日,市委人才办印发《滁州市引进人才生活补贴实施办法》,现就有关内容解读如下。\n一、为什么出台《办法》?\n"
            "为进一步吸引人才,出台本办法。\n")
    articles = extract_text(text).articles
    assert [(a.title, a.date) for a in articles] == [("滁州市引进人才生活补贴实施办法", "2024-05-10"),
                                                      ("《滁州市引进人才生活补贴实施办法》政策解读", "2024-05-17")]


def test_a_news_headline_with_its_own_dateline_after_a_signed_rule_is_a_second_article(extract_text) -> None:
    """A 制度 signed and dated, a ———— rule, then a news headline with its own 发布时间/来源 line: two articles,
    though the headline names no document type."""
    text = ("白岩镇森林防火值班值守制度\n发布时间:2024-09-30 16:20  来源:白岩镇应急管理办公室\n"
            "为切实做好森林防火期值班值守工作,制定本制度。\n1.值班时段。每年10月1日至次年4月30日为森林防火期。\n"
            "2.人员配备。镇防火办每班值班人员不少于2人。\n潆溪县白岩镇人民政府\n2024年9月27日\n"
            "【打印本页】 【关闭窗口】\n————————————————————————\n"
            "白岩镇开展2024年森林防火应急演练\n发布时间:2024-11-15 10:08  来源:白岩镇党政办公室\n"
            "11月14日上午,白岩镇在青冈村组织开展2024年森林防火应急演练,县林业局有关负责同志到场观摩。\n"
            "本次演练参演人员120余人,出动车辆8台。\n")
    articles = extract_text(text).articles
    assert [a.title for a in articles] == ["白岩镇森林防火值班值守制度", "白岩镇开展2024年森林防火应急演练"]


def test_a_headline_over_its_own_dateline_opens_a_second_article_with_no_place_known(extract_text) -> None:
    """Two experience reports on one page, each headline over its own 来源/发布时间 line: two articles, though the
    gazetteer knows neither place the headlines lead with (so no digest-headline rule applies)."""
    text = ("经验交流两则\n"
            "青溪县:“积分制”激活乡村治理\n来源:青溪县委组织部  发布时间:2024-06-12\n"
            "近年来,青溪县坚持党建引领,把积分制作为推进乡村治理的重要抓手,全县120个行政村全部推行积分制管理。\n"
            "各村每季度评选一次“积分之星”。\n编辑:李婷\n"
            "桐川市柳河镇:“清单制”让村务运行明明白白\n来源:桐川市委组织部  发布时间:2024-06-11\n"
            "柳河镇地处桐川市北部,辖14个村、2个社区,今年以来推行村级事务“清单制”,实现村(社区)全覆盖。\n"
            "清单每年动态调整一次。\n")
    articles = extract_text(text).articles
    assert [(a.title, a.date) for a in articles] == [("青溪县:“积分制”激活乡村治理", "2024-06-12"),
                                                     ("桐川市柳河镇:“清单制”让村务运行明明白白", "2024-06-11")]


def test_extended_reading_splits_articles(extract_text) -> None:
    result = extract_text(EXTENDED)
    assert [a.title for a in result.articles] == ["机制创新,推动基层政权建设情况", "充分发挥组织部门职能作用的探索与思考"]
    first, second = result.articles
    assert first.end <= second.start
    assert [s.doc_id for s in result.sections] == [second.doc_id] * 2
    texts = [p.text for p in result.provisions]
    assert not any("扩展阅读" in t or "友情提示" in t for t in texts)


def test_digest_headlines_split_articles_with_own_jurisdiction(extract_text) -> None:
    result = extract_text(DIGEST)
    assert [(a.title, a.jurisdiction, a.date) for a in result.articles] == [
        ("广元市昭化区“三化联动” 抓实城乡基层治理工作", "广元市昭化区", "2020-06-18"),
        ("屏山县实施“分类评星定级” 打造聚居点治理新样板", "屏山县", "2020-06-18"),
    ]
    assert all(a.doc_type == "经验交流" and not a.normative for a in result.articles)
    # crumbs and the collection title above the meta line belong to no article
    assert all("首页" not in p.text and "提升能力" not in p.text for p in result.provisions)


def test_digest_articles_take_issuer_from_their_closing_credit(extract_text) -> None:
    text = DIGEST.replace("以聚居点户数为标准。\n", "以聚居点户数为标准。\n(屏山县委组织部供稿)\n").replace(
        "组建委员会。\n\n", "组建委员会。\n(昭化区委组织部供稿)\n\n")
    assert [(a.issuer, a.jurisdiction) for a in extract_text(text).articles] == [
        ("昭化区委组织部", "广元市昭化区"), ("屏山县委组织部", "屏山县")]


def test_printed_title_names_the_document_and_its_issuer(extract_text) -> None:
    result = extract_text(PRINTED)
    assert _meta(result) == [("关于加强基层治理体系和治理能力现代化建设的若干措施", "省委、省政府", "山东省", "2022-01-20",
                              "若干措施", True)]


def test_level_only_issuer_takes_the_most_mentioned_province(extract_text) -> None:
    # 河南 is named first, 山东 most often: the jurisdiction is the latter
    assert extract_text(PRINTED).articles[0].jurisdiction == "山东省"


def test_signature_issuer_and_date(extract_text) -> None:
    text = ("首页\n关于加强基层治理的实施意见\n发布日期:2018-10-08 14:46 浏览次数:\n\n" + OPENING
            + "\n一、工作目标\n加强领导。\n中共诸暨市委\n2018年9月27日\n")
    assert _meta(extract_text(text)) == [("关于加强基层治理的实施意见", "中共诸暨市委", "诸暨市", "2018-09-27", "实施意见", True)]


def test_publication_date_when_no_signature_date(extract_text) -> None:
    text = "首页\n关于加强基层治理的实施意见\n发布日期:2018-10-08 14:46 浏览次数:\n\n" + OPENING + "\n一、工作目标\n加强领导。\n"
    assert extract_text(text).articles[0].date == "2018-10-08"


def test_own_date_meta_wins_over_publication_date(extract_text) -> None:
    text = ("索引号: 1137000000450218XQ/2022-00185\n主办单位: 省民政厅 制发日期: 2022-01-17\n\n"
            "关于加强基层治理的实施意见\n\n发布日期:2022-01-20 16:46 来源:民政厅办公室\n\n" + NOTICE)
    assert extract_text(text).articles[0].date == "2022-01-17"


def test_signature_date_in_chinese_numerals(extract_text) -> None:
    result = extract_text(NOTICE + "诸暨市人民政府\n二〇二一年三月十五日\n")
    assert (result.articles[0].issuer, result.articles[0].date) == ("诸暨市人民政府", "2021-03-15")


def test_dated_line_under_a_speech_title_wins_over_publication_date(extract_text) -> None:
    text = ("在全市基层治理工作推进会上的讲话\n发布时间:2024-04-02\n市委副书记 张三\n(2024年3月26日)\n\n"
            "同志们:今天召开会议,主要任务是部署工作。\n一、提高认识\n各县区要加强领导。\n")
    assert extract_text(text).articles[0].date == "2024-03-26"


def test_header_line_of_issuer_and_date_under_the_title(extract_text) -> None:
    text = ("崇阳县人民政府\n常务会议纪要\n〔2024〕第9期\n崇阳县人民政府办公室        2024年5月17日\n"
            "2024年5月14日上午,县长主持召开县政府常务会议,研究了以下事项。\n一、研究农村人居环境整治方案\n"
            "会议原则同意方案,由县农业农村局修改完善后印发实施。\n")
    article = extract_text(text).articles[0]
    assert (article.issuer, article.date) == ("崇阳县人民政府办公室", "2024-05-17")


def test_a_level_only_department_takes_the_most_named_place_of_its_level(extract_text) -> None:
    text = ("首页 > 新闻中心 > 工作动态\n我市养老服务体系建设取得新成效\n发布时间:2024-11-26 09:32 来源:市民政局\n\n"
            "今年以来,市民政局扎实推进居家社区养老服务网络建设。截至10月底,淄博市累计建成综合养老服务中心76处,"
            "淄博市张店区建成助餐点120个。\n")
    assert extract_text(text).articles[0].jurisdiction == "淄博市"


def test_a_level_only_issuer_takes_the_place_of_the_site_when_the_body_names_none(extract_text) -> None:
    text = ("嘉兴市委社会工作部\n首页 > 政务公开 > 通知公告\n关于加强新就业群体党建工作的若干措施\n"
            "发布时间:2024-07-16 09:30 来源:市委社会工作部\n\n为推动新就业群体融入基层治理,结合我市实际,制定如下措施。\n"
            "一、建强组织体系\n各县(市、区)要建立行业党委。\n")
    assert extract_text(text).articles[0].jurisdiction == "嘉兴市"


def test_a_red_head_title_set_on_the_organ_line_and_two_more(extract_text) -> None:
    text = ("常德市卫生健康委员会文件\n常卫通〔2024〕14号\n常德市卫生健康委员会\n关于2024年上半年全市家庭医生签约服务\n"
            "工作进展情况的通报\n各区县(市)卫生健康局:\n上半年,全市签约服务工作总体平稳有序。\n一、总体进展\n全市共组建家庭医生团队1862个。\n")
    assert extract_text(text).articles[0].title == "常德市卫生健康委员会关于2024年上半年全市家庭医生签约服务工作进展情况的通报"


def test_no_date_anywhere(extract_text) -> None:
    assert extract_text(NOTICE).articles[0].date is None


# fmt: off
ANONYMISED = [
    ("×××乡", "×××乡党委关于加强基层治理的工作总结\n×××乡党委在抓党的基层组织建设方面重点加强党的政治思想、组织作风、制度建设,坚持高标准。\n"),
    ("XX县", "XX县关于加强基层治理的实施意见\n" + OPENING + "\n"),
    ("某市", "关于加强基层治理的实施意见\n某市坚持以党建引领基层治理,全面落实中央关于加强城市基层党建的决策部署,提出如下意见。\n"),
]
# fmt: on


@pytest.mark.parametrize("text", [c[1] for c in ANONYMISED], ids=[c[0] for c in ANONYMISED])
def test_anonymised_place_has_no_jurisdiction(text: str, extract_text) -> None:
    assert extract_text(text).articles[0].jurisdiction is None


def test_a_town_issuer_names_the_jurisdiction_the_gazetteer_lacks(extract_text) -> None:
    text = ("关于做好2024年春耕生产工作的通知\n各村(社区):\n为切实做好春耕生产工作,确保粮食播种面积稳定,现将有关事项通知如下。\n"
            "一、加强组织领导。各村要成立工作专班,落实专人负责。\n二、做好农资保障。各村要提前摸排农资需求。\n"
            "青石铺镇人民政府\n2024年3月1日\n")
    assert extract_text(text).articles[0].jurisdiction == "青石铺镇"


# fmt: off
DATES = [
    ("2018年9月27日", "2018-09-27"),
    ("2018 年 9 月 27 日", "2018-09-27"),
    ("发布日期:2020-06-18 14:46", "2020-06-18"),
    ("2020/6/8", "2020-06-08"),
    ("2020年6月", "2020-06"),
    ("二〇二一年三月十五日", "2021-03-15"),
    ("二〇二一年十二月", "2021-12"),
    ("二?二四年十一月二十日", "2024-11-20"),  # a garbled zero in a signature
    ("2018年13月1日", None),
    ("1899年1月1日", None),
    ("近两年来", None),
]
# fmt: on


@pytest.mark.parametrize("text, iso", DATES)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


# fmt: off
DOC_TYPES = [
    ("德阳市社区议事协商工作规程", "工作规程"),
    ("遂宁市基本公共文化服务实施标准(2024—2027年)", "实施标准"),
    ("府山街道网格化服务管理工作手册", "工作手册"),
    ("余干县中小学校(幼儿园)2024年度校园安全工作目标责任书", "目标责任书"),
    ("关于加强基层治理的实施意见", "实施意见"),
    ("关于做好基层治理工作的通知", "通知"),
    ("贯彻落实〈意见〉的若干措施》", "若干措施"),
    ("解读《关于全面加强基层党建强化基层治理的决定》", "解读"),
    ("市民政局负责人就《办法》答记者问", "解读"),
    ("2021年基层治理工作总结", "工作总结"),
    ("充分发挥组织部门职能作用的探索与思考", "调研报告"),
    ("让党的旗帜在每一个基层阵地高高飘扬", None),
    ("黄坪村村规民约", "村规民约"),
    ("海山社区2024年防汛防台应急预案", "应急预案"),
    ("《辽宁省社区工作者管理办法》政策解读", "政策解读"),
    # a note after the name is not the name
    ("岳阳市社区党组织书记队伍建设三年培养计划(2024—2026年)", "计划"),
    ("吉林省城乡社区协商管理办法(试行)", "管理办法"),
    ("《某市养老服务条例(草案)》", "条例"),
    ("关于进一步加强社区建设的意见(征求意见稿)", "意见"),
    # a year's report ending with next year's plan is a report; a report itself too
    ("岭背镇2023年工作总结和2024年工作计划", "工作总结"),
    ("三河镇2024年上半年工作总结及下半年工作计划", "工作总结"),
    ("横车镇党委2024年度工作汇报", "工作报告"),
]
# fmt: on


@pytest.mark.parametrize("title, doc_type", DOC_TYPES)
def test_doc_type_of(title: str, doc_type: str | None) -> None:
    assert doc_type_of(title) == doc_type


def test_normative_follows_doc_type(extract_text) -> None:
    assert extract_text(NOTICE).articles[0].normative is True
    report = "关于基层治理的调研报告\n" + OPENING + "\n"
    assert extract_text(report).articles[0].normative is False


def test_full_text_cue_makes_a_news_page_normative(extract_text) -> None:
    text = ("基层治理新举措出台\n近日,市委办公室印发新举措,要求各地认真贯彻落实,全文如下:\n"
            + OPENING + "\n一、工作目标\n加强领导。\n")
    assert extract_text(text).articles[0].normative is True


def test_article_span_runs_from_title_to_last_provision(extract_text) -> None:
    text = "首页 > 通知公告\n" + NOTICE + "【打印此页】\n【关闭窗口】\n"
    a = extract_text(text).articles[0]
    assert text[a.start:].startswith("关于加强基层治理的实施意见")
    assert text[:a.end].endswith("加强领导,健全机制。")


def test_signature_inside_a_notice_that_carries_its_text(extract_text) -> None:
    text = ("嘉兴市人民政府办公室关于印发嘉兴市社区工作者管理办法的通知\n"
            "各县(市、区)人民政府,市政府各部门:\n"
            "《嘉兴市社区工作者管理办法》已经市政府同意,现印发给你们,请认真贯彻执行。\n\n"
            "嘉兴市人民政府办公室\n二〇二一年三月十五日\n\n"
            "嘉兴市社区工作者管理办法\n"
            "第一条 社区工作者按照每万城镇常住人口不少于18人的标准配备。\n")
    result = extract_text(text)
    (article,) = result.articles
    assert (article.issuer, article.date, article.jurisdiction) == ("嘉兴市人民政府办公室", "2021-03-15", "嘉兴市")
    assert not any("年" in p.text and "月" in p.text and len(p.text) < 14 for p in result.provisions)


def test_a_place_led_subheading_of_the_same_place_is_no_second_article(extract_text) -> None:
    text = ("让党的旗帜在基层高高飘扬\n\n近日,中共瑞安市第十三届九次全体会议通过决定,加强基层党组织建设,推动治理能力全面提升。\n\n"
            "瑞安市强化基层治理\n\n瑞安市按照标准配备专职人员,每个社区不少于5人,推动工作落地落实,切实提高基层治理水平。\n")
    result = extract_text(text)
    assert len(result.articles) == 1
    assert [s.title for s in result.sections] == ["瑞安市强化基层治理"]


# A government "文件" as pasted from its PDF: masthead, document number, a title set on three
# lines, page-number lines inside sentences, joint signatories side by side, imprint (版记).
PASTED_NOTICE = (
    "中共临川区委办公室文件\n\n临办发〔2023〕12号\n\n"
    "中共临川区委办公室\n关于进一步加强社区党组织书记队伍建设\n的实施意见\n\n"
    "各乡镇党委,区直各单位党组(党委):\n"
    "为进一步加强社区党组织书记队伍建设,经区委同意,现提出如下意见。\n"
    "一、配强书记队伍\n"
    "社区党组织书记每年参加集中培训不少于40学时,由区委组织部牵头、区民政局配\n"
    "— 1 —\n"
    "合组织实施。\n\n"
    "中共临川区委办公室    临川区民政局\n2023年5月6日\n\n"
    "抄送:区人大常委会办公室。\n中共临川区委办公室          2023年5月8日印发\n"
)


def test_pasted_notice_title_issuers_and_furniture(extract_text) -> None:
    result = extract_text(PASTED_NOTICE)
    assert _meta(result) == [("中共临川区委办公室关于进一步加强社区党组织书记队伍建设的实施意见",
                              "中共临川区委办公室、临川区民政局", "临川区", "2023-05-06", "实施意见", True)]
    texts = [p.text for p in result.provisions]
    # the sentence broken around the page number is recorded in two pieces (…/p3, …/p3-2) whose spans
    # leave the page number out; together they are the sentence
    ids = [p.provision_id.rsplit("/", 1)[1] for p in result.provisions]
    k = ids.index("p3-2")
    assert ids[k - 1] == "p3" and texts[k - 1] + texts[k] == "社区党组织书记每年参加集中培训不少于40学时,由区委组织部牵头、区民政局配合组织实施。"
    assert not any("— 1 —" in PASTED_NOTICE[p.start:p.end] for p in result.provisions)
    assert not any("文件" in t or "印发" in t or "— 1 —" in t or "抄送" in t for t in texts), texts


def test_bracketed_page_tools_are_not_the_title(extract_text) -> None:
    text = ("首页 > 信息公开 > 政策文件\n【字号:大 中 小】 浏览次数:208\n\n"
            "德阳市社区专职工作者管理办法\n\n第一条 为规范社区专职工作者管理,制定本办法。\n"
            "苏ICP备12345678号-1  网站标识码:3200000000\n本文来源于网络,仅供学习参考,如有侵权请联系删除。\n")
    result = extract_text(text)
    assert result.articles[0].title == "德阳市社区专职工作者管理办法"
    assert [p.text for p in result.provisions] == ["为规范社区专职工作者管理,制定本办法。"]


def test_headline_above_a_dashed_subtitle_and_a_section_as_source(extract_text) -> None:
    text = ("衢州市人民政府门户网站\n首页 > 政策解读\n让社区服务更有温度\n——解读《衢州市社区服务体系建设实施意见》\n"
            "发布时间:2024-01-05  信息来源:市民政局基层政权处\n\n"
            "近日,市委办公室、市政府办公室印发《衢州市社区服务体系建设实施意见》,现解读如下。\n"
            "一、出台背景。社区是基层治理的基本单元,要求每个社区配备不少于5名社区工作者。\n")
    article = extract_text(text).articles[0]
    assert (article.title, article.issuer, article.doc_type, article.normative) == (
        "让社区服务更有温度", "市民政局", "解读", False)


@pytest.mark.parametrize("notice", ["遂宁市人民政府办公室关于印发《遂宁市城乡社区服务体系建设实施方案》的通知",
                                    "遂宁市人民政府办公室关于印发遂宁市城乡社区服务体系建设实施方案的通知"])
def test_a_notice_issuing_a_plan_is_titled_by_the_plan(notice: str, extract_text) -> None:
    text = (notice + "\n"
            "各县(市、区)人民政府,市级各部门:\n《遂宁市城乡社区服务体系建设实施方案》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
            "一、总体要求。到2025年,城乡社区综合服务设施实现全覆盖。\n遂宁市人民政府办公室\n2023年3月2日\n")
    article = extract_text(text).articles[0]
    assert (article.title, article.doc_type, article.normative) == ("遂宁市城乡社区服务体系建设实施方案", "实施方案", True)


def test_bracketed_byline_with_two_fields_is_furniture(extract_text) -> None:
    text = ("德阳市社区专职工作者管理办法\n\n第一条 为规范社区专职工作者管理,制定本办法。\n"
            "第二条 本办法自印发之日起施行。\n(责任编辑:李明  审核:王芳)\n")
    texts = [p.text for p in extract_text(text).provisions]
    assert not any("责任编辑" in t for t in texts), texts


def test_related_links_list_is_furniture(extract_text) -> None:
    """A 相关信息: header and the ·titles under it link other pages; a wrapped content line opening with ·
    (the rest of “最美·X”) ends in a sentence mark and stays."""
    text = ("关于公布2025年城乡低保标准的公告\n\n一、城市低保标准\n城市低保标准提高到每人每月810元。\n"
            "全县建成“最美\n·社区”示范点12个。\n【打印本页】【关闭窗口】\n相关信息:\n"
            "·市民政局关于做好春节期间困难群众走访慰问工作的通知\n·【政策解读】《2025年城乡低保标准》解读\n")
    texts = [p.text for p in extract_text(text).provisions]
    assert not any("走访慰问工作的通知" in t or "相关信息" in t or "政策解读" in t for t in texts), texts
    assert any("示范点12个" in t for t in texts), texts


def test_contributor_line_is_no_provision_nor_heading(extract_text) -> None:
    text = ("沂南县:“小网格”撬动“大治理”\n\n近年来,沂南县把网格作为基层治理的基本单元,全县划分网格1260个。\n"
            "(中共沂南县委组织部供稿)\n\n平邑县:“小微权力”清单化运行\n\n平邑县推行村级小微权力清单制度,梳理事项32项。\n")
    result = extract_text(text)
    assert not any("供稿" in p.text for p in result.provisions)
    assert not any("供稿" in s.title for s in result.sections)


def test_signature_of_two_organs_side_by_side_closes_the_page(extract_text) -> None:
    """Organs set side by side (a wide gap, like a table row) sign the page: the attachment list above them
    stays in the closing block, not a numbered heading."""
    text = ("关于进一步规范村级组织工作事务的通知\n\n一、规范工作事务\n各乡镇要严格执行工作事务清单。\n\n"
            "附件:1.村级组织工作事务清单\n2.村级组织出具证明事项清单\n\n"
            "中共安福县委办公室\u3000\u3000\u3000\u3000安福县人民政府办公室\n2024年7月5日\n")
    assert [s.title for s in extract_text(text).sections] == ["规范工作事务"]


@pytest.mark.parametrize("lines, title", [
    (["XX县人民政府", "关于加强社区工作者队伍建设的通知"], "XX县人民政府关于加强社区工作者队伍建设的通知"),
    (["关于加强城乡社区协商", "工作的实施意见"], "关于加强城乡社区协商工作的实施意见"),
    # a news headline with a 关于… subtitle stays a headline with its subtitle
    (["我市出台新政激励社区工作者", "——关于提高社区工作者待遇的通知解读"], "我市出台新政激励社区工作者"),
    (["社区治理有了新抓手", "关于社区议事的几点做法"], "社区治理有了新抓手"),
], ids=["organ over 关于", "broken mid-phrase", "dash subtitle", "关于 under a headline"])
def test_titles_set_on_several_lines(lines: list[str], title: str, extract_text) -> None:
    text = "\n".join(lines) + "\n\n" + OPENING + "\n一、工作目标\n加强领导,健全机制。\n"
    assert extract_text(text).articles[0].title == title


def test_a_regulation_is_issued_by_the_legislature_that_adopted_it(extract_text) -> None:
    text = ("安徽省社区矫正工作条例\n\n(2021年11月19日安徽省第十三届人民代表大会常务委员会第三十次会议通过)\n\n"
            "第一章 总则\n第一条 为了规范社区矫正工作,制定本条例。\n")
    assert _meta(extract_text(text)) == [("安徽省社区矫正工作条例", "安徽省人民代表大会常务委员会", "安徽省",
                                          "2021-11-19", "条例", True)]


def test_an_editorial_note_after_the_title_is_dropped(extract_text) -> None:
    text = "某区“十四五”社区服务体系建设规划(节选)\n\n" + OPENING + "\n一、发展目标\n到2025年,社区综合服务设施覆盖率达到100%。\n"
    article = extract_text(text).articles[0]
    assert (article.title, article.doc_type, article.normative) == ("某区“十四五”社区服务体系建设规划", "规划", True)


def test_second_notice_after_the_page_footer_is_an_article(extract_text) -> None:
    """After 【打印本页】 and the footer, a headline over an addressee line opens the next article, even where
    the first article (numbered headings) would take a short line there for a caption."""
    first = ("中共某县委组织部关于村级组织运转情况的通报\n发布时间:2024-10-18\n一、检查情况\n"
             "全县共检查村(社区)120个,发现问题36个。\n二、整改要求\n各乡镇党委要在11月底前整改到位。\n"
             "中共某县委组织部\n2024年10月18日\n【打印本页】 【关闭窗口】\n主办:中共某县委组织部\n")
    second = ("某县民政局关于做好冬季取暖救助工作的通知\n发布时间:2024-10-25\n各乡镇人民政府、街道办事处:\n"
              "现就做好今冬取暖救助工作通知如下:对城乡低保对象按照每户500元的标准发放取暖补助。\n某县民政局\n2024年10月24日\n")
    titles = [a.title for a in extract_text(first + second).articles]
    assert titles == ["中共某县委组织部关于村级组织运转情况的通报", "某县民政局关于做好冬季取暖救助工作的通知"]


def test_source_line_naming_a_bare_section_gives_the_site_organ(extract_text) -> None:
    """来源:基层政权建设和社区治理处 on 辽宁省民政厅's site: the organ issues the page, not its section."""
    text = ("辽宁省民政厅\n首页 > 政务公开 > 政策解读\n《辽宁省社区工作者管理办法》政策解读\n"
            "发布时间:2024-10-22 09:30 来源:基层政权建设和社区治理处\n\n"
            "近日,省民政厅等五部门联合印发《办法》,现将有关内容解读如下。\n一、出台背景\n社区工作者是社区治理的骨干力量。\n")
    assert [a.issuer for a in extract_text(text).articles] == ["辽宁省民政厅"]


@pytest.mark.parametrize("line", ["字体:【大】【中】【小】　【打印】【关闭】", "— 2 —", "相关文件:关于开展社区社会组织公益创投活动的通知",
                                  "相关附件:2023年上半年工作情况通报.pdf", "声明:本站部分文章来源于网络,版权归原作者所有。",
                                  "您当前的位置:首页 >> 信息公开 >> 规范性文件", "港澳法规通 HKMLaw.net  首页 | 内地法规 | 医疗卫生",
                                  "【繁体】|【简体】  会员登录  免费注册",
                                  "本站為繁體鏡像站點,頁面內容由簡體原站自動轉換生成,如有出入以原站為準。",
                                  "轉載日期:2025-03-14  原文發佈日期:2025-03-11  來源:省人社廳網站",
                                  "原创 平安松湖 平安松湖 2024年11月06日 09:15", "以下文章来源于鄞州商务,作者鄞州商务",
                                  "分享 点赞 56 在看 41", "原文链接:https://mp.weixin.qq.com/s/Xk3pQv7", "◆ 电动自行车安全充电,这些事项要牢记",
                                  "附件下载:蚌埠市城市更新三年行动计划(2025—2027年).pdf", "相关法规:《湖南省实施〈城市绿化条例〉办法》"])
def test_more_page_furniture_is_no_provision(extract_text, line) -> None:
    """A font-size bar, a page number line, links to related files and a site's disclaimer are furniture."""
    text = f"关于加强社区工作者队伍建设的通知\n\n一、总体要求\n每个社区配备社区工作者不少于9名。\n{line}\n二、保障措施\n所需经费列入预算。\n"
    texts = [p.text for p in extract_text(text).provisions]
    assert not any(line[:4] in t for t in texts), texts
    assert any("不少于9名" in t for t in texts) and any("列入预算" in t for t in texts), texts


NOTICE_THEN_MINUTES = (
    "玉林北路社区居民委员会关于召开居民代表会议的公告\n\n各位居民代表:\n"
    "一、会议时间\n2024年6月12日下午召开,会期半天。\n二、会议议题\n审议社区公益金使用方案。\n特此公告。\n"
    "玉林北路社区居民委员会\n2024年6月5日\n\n"
    "玉林北路社区居民代表会议纪要\n\n2024年6月12日下午,社区居民代表会议在社区党群服务中心召开,会议审议了公益金使用方案。\n"
    "一、会议议定事项\n会议通过社区公益金使用方案,由社区居委会负责组织实施。\n"
    "玉林北路社区居民委员会\n2024年6月13日\n")


def test_a_titled_document_after_a_signature_is_a_second_article(extract_text) -> None:
    result = extract_text(NOTICE_THEN_MINUTES)
    assert [(a.title, a.doc_type, a.date) for a in result.articles] == [
        ("玉林北路社区居民委员会关于召开居民代表会议的公告", "公告", "2024-06-05"),
        ("玉林北路社区居民代表会议纪要", "会议纪要", "2024-06-13")]
    assert [s.title for s in result.sections if s.doc_id == result.articles[1].doc_id] == ["会议议定事项"]


def test_a_second_notice_after_the_page_tools_under_a_signature(extract_text) -> None:
    """Two notices saved on one page: the first one's signed date, the page's share tools, then the second title
    with its own date line."""
    first, second = NOTICE_THEN_MINUTES.split("\n\n玉林北路社区居民代表会议纪要")
    text = first + "\n\n分享到:\n扫一扫在手机打开当前页\n\n玉林北路社区居民代表会议纪要" + second
    assert [a.title for a in extract_text(text).articles] == [
        "玉林北路社区居民委员会关于召开居民代表会议的公告", "玉林北路社区居民代表会议纪要"]


def test_the_text_an_issuing_notice_carries_stays_with_it(extract_text) -> None:
    text = ("某县民政局关于印发《村务公开办法》的通知\n\n各乡镇:\n现将《村务公开办法》印发给你们,请认真贯彻执行。\n"
            "某县民政局\n2024年3月1日\n\n村务公开办法\n\n第一条 为规范村务公开工作,制定本办法。\n"
            "第二条 村民委员会负责村务公开工作。\n")
    assert len(extract_text(text).articles) == 1


def test_a_charter_after_a_signed_village_compact_is_a_second_article(extract_text) -> None:
    text = ("楚东村村规民约\n\n为推进移风易俗,结合本村实际,制定本村规民约。\n1.村民应当自觉学法、守法、用法。\n"
            "2.本村规民约自公布之日起施行。\n\n楚东村村民委员会\n2024年3月5日\n\n楚东村红白理事会章程\n\n"
            "第一条 为规范红白喜事办理,制定本章程。\n第二条 理事会由9人组成。\n")
    assert [(a.title, a.doc_type) for a in extract_text(text).articles] == [
        ("楚东村村规民约", "村规民约"), ("楚东村红白理事会章程", "章程")]


def test_running_header_of_pdf_pages_is_furniture(extract_text) -> None:
    """A gazette's running header repeated on each page (宣城市人民政府公报     2024年第4期) is no provision."""
    header = "某市人民政府公报            2024年第4期"
    text = (f"关于优化营商环境的行动计划\n\n一、主要目标\n企业开办时间压缩至1个工作日以内。\n— 25 —\n{header}\n"
            f"二、重点任务\n全面推行告知承诺制。\n— 26 —\n{header}\n三、保障措施\n各部门要抓好落实。\n")
    texts = [p.text for p in extract_text(text).provisions]
    assert not any("公报" in t for t in texts), texts
    assert any("1个工作日以内" in t for t in texts) and any("抓好落实" in t for t in texts), texts


def test_link_list_and_footer_link_bar_close_the_page(extract_text) -> None:
    """相关链接: and the site names under it, and a footer line ending in a bar of site links, are furniture:
    neither is the page's signature (issuer) nor a provision."""
    text = ("关于城乡居民医保政策的解读\n发布时间:2024-05-20    来源:某市医疗保障局\n\n一、出台背景\n"
            "为进一步完善城乡居民医保制度,制定本办法。\n【打印本页】    【关闭窗口】\n相关链接:\n国家医疗保障局\n"
            "四川省医疗保障局\n某市人民政府\n医保服务热线:0816-12393    联系我们 | 网站地图 | 隐私声明\n")
    result = extract_text(text)
    assert result.articles[0].issuer == "某市医疗保障局"
    assert not any("医疗保障局" in p.text or "网站地图" in p.text for p in result.provisions)


def test_a_leading_group_signs_its_notice(extract_text) -> None:
    text = ("中共某县委农村工作领导小组文件\n某农组发〔2024〕2号\n中共某县委农村工作领导小组关于印发《乡村振兴考核细则》的通知\n"
            "各乡镇党委、人民政府:\n现将《乡村振兴考核细则》印发给你们,请认真对照执行。\n中共某县委农村工作领导小组\n2024年3月12日\n"
            "乡村振兴考核细则\n为压紧压实乡镇推进乡村振兴主体责任,制定本细则。\n一、考核对象\n全县22个乡镇。\n")
    result = extract_text(text)
    assert [(a.issuer, a.date) for a in result.articles] == [("中共某县委农村工作领导小组", "2024-03-12")]


def test_a_promulgation_notice_carries_its_regulation(extract_text) -> None:
    """人大常委会公告 / 《X条例》已由…通过,…现予公布 / signature / X条例 and its articles: one article, titled and
    typed by the regulation, dated by the 公告's signature."""
    text = ("某市人民代表大会常务委员会公告\n(第15号)\n《某市城镇排水与污水处理条例》已由某市第十届人民代表大会常务委员会"
            "第十六次会议于2023年6月28日通过,现予公布,自2024年1月1日起施行。\n某市人民代表大会常务委员会\n2023年10月12日\n"
            "某市城镇排水与污水处理条例\n第一章 总则\n第一条 为了加强城镇排水与污水处理的管理,制定本条例。\n"
            "第二条 市水务主管部门负责本市城镇排水与污水处理的监督管理工作。\n")
    result = extract_text(text)
    assert [(a.title, a.doc_type, a.date) for a in result.articles] == [
        ("某市城镇排水与污水处理条例", "条例", "2023-10-12")]


def test_a_promulgated_amendment_is_titled_by_the_regulation_it_publishes_amended(extract_text) -> None:
    """公告 / 《…关于修改〈X条例〉的决定》已由…通过,现予公布…修正后的《X条例》全文同时公布 / X条例 and its articles:
    titled and typed by X, not by the amending decision."""
    text = ("某省人民代表大会常务委员会公告\n(第四十二号)\n《某省人民代表大会常务委员会关于修改〈某省物业管理条例〉的决定》"
            "已由某省第十四届人民代表大会常务委员会第十八次会议于2025年9月26日通过,现予公布,自2026年1月1日起施行。"
            "修正后的《某省物业管理条例》全文同时公布。\n某省人民代表大会常务委员会\n2025年9月28日\n"
            "某省物业管理条例\n第一章 总则\n第一条 为了规范物业管理活动,制定本条例。\n"
            "第二条 县级以上人民政府住房城乡建设主管部门负责本行政区域内物业管理活动的监督管理工作。\n")
    result = extract_text(text)
    assert [(a.title, a.doc_type, a.date) for a in result.articles] == [("某省物业管理条例", "条例", "2025-09-28")]


def test_a_notice_signed_above_the_text_it_issues_is_issued_by_its_signers(extract_text) -> None:
    """关于印发《X》的通知 / 来源:组织二科 (a section, on a site that is no organ) / the notice signed by two 部 and dated /
    X and its articles: issued by the signers, a 社会工作部 among them."""
    text = ("某州组工网\n首页 > 政策文件\n关于印发《某州市社区党组织书记管理办法》的通知\n"
            "发布时间:2025-06-20 09:30 来源:组织二科\n各区委组织部,市直有关单位:\n"
            "现将《某州市社区党组织书记管理办法》印发给你们,请结合实际认真贯彻执行。\n"
            "中共某州市委组织部  中共某州市委社会工作部\n2025年6月16日\n某州市社区党组织书记管理办法\n第一章 总则\n"
            "第一条 为加强社区党组织书记队伍建设,制定本办法。\n第二条 市委组织部负责本办法的组织实施。\n")
    (article,) = extract_text(text).articles
    assert (article.issuer, article.date) == ("中共某州市委组织部、中共某州市委社会工作部", "2025-06-16")


def test_a_second_rule_filed_after_the_first_is_an_article_of_its_own(extract_text) -> None:
    """村规民约 / 第一条…第三条 / 红白理事会章程 / 第一条…: two rules on one notice board, two articles; a rule under
    附件 stays with the text it is attached to."""
    rules = ("某村村规民约\n第一条 本村规民约适用于本村全体村民。\n第二条 婚事宴席不超过15桌。\n第三条 村民委员会负责组织实施。\n"
             "{sep}某村红白理事会章程\n第一条 理事会由5至7人组成。\n第二条 理事会每年至少召开2次会议。\n某村村民委员会\n2025年12月18日\n")
    assert [a.title for a in extract_text(rules.format(sep="")).articles] == ["某村村规民约", "某村红白理事会章程"]
    assert [a.title for a in extract_text(rules.format(sep="附件:\n")).articles] == ["某村村规民约"]


def test_a_level_only_issuer_on_an_organ_site_of_an_unlisted_city_takes_the_site_place(extract_text) -> None:
    text = ("澧川市民政局\n首页 > 政务公开 > 政策解读\n关于提高城乡低保标准的政策解读\n"
            "发布时间:2025-12-22 10:30 来源:市民政局\n近日,经市人民政府同意,市民政局印发通知,提高城乡低保标准。\n"
            "一、调整的主要内容是什么?\n答:城市低保标准提高到每人每月800元。\n")
    (article,) = extract_text(text).articles
    assert (article.jurisdiction, article.issuer) == ("澧川市", "澧川市民政局")


REPORT = ("霍山新闻网 首页 > 时政要闻 > 霍山要闻\n\n政府工作报告(摘要)\n——2024年1月9日在霍山县第十八届人民代表大会第四次会议上\n"
          "霍山县人民政府代县长 陈卫东\n\n2024-01-12 09:15:36 来源:霍山县融媒体中心\n\n"
          "编者按:1月9日,霍山县第十八届人民代表大会第四次会议开幕,代县长陈卫东代表县人民政府作政府工作报告。现将报告摘要刊发如下。\n\n"
          "各位代表:\n现在,我代表县人民政府,向大会报告工作,请予审议。\n一、2023年工作回顾\n全县经济运行稳中有进、持续向好。\n")


def test_report_byline_is_no_headline_and_names_the_issuer(extract_text) -> None:
    # the speaker's byline under a report's title names a place, as a digest headline does: it is neither the
    # title nor a second article, and the government it speaks for issues the report (not the news site)
    assert [(a.title, a.issuer, a.jurisdiction, a.doc_type, a.normative) for a in extract_text(REPORT).articles] == [
        ("政府工作报告", "霍山县人民政府", "霍山县", "工作报告", False)]


def test_a_site_document_card_is_furniture_and_the_title_is_below_it(extract_text) -> None:
    text = ("首页 > 政务公开 > 规范性文件\n索 引 号:421224-08-2024-0037  主题分类:农业\n"
            "发文机关:通山县财政局  成文日期:2024年04月26日\n标  题:通山县村级项目资金管理办法\n"
            "文  号:通财发〔2024〕11号  发布日期:2024年05月08日\n有 效 性:有效\n"
            "通山县村级项目资金管理办法\n第一条 为规范村级项目资金管理,制定本办法。\n第二条 资金专款专用。\n")
    article = extract_text(text).articles[0]
    assert (article.title, article.doc_type, article.normative) == ("通山县村级项目资金管理办法", "管理办法", True)


def test_a_letter_spaced_joint_masthead_is_no_title(extract_text) -> None:
    text = ("浠 水 县 农 业 农 村 局\n中共浠水县纪律检查委员会　文件\n浠 水 县 监 察 委 员 会\n浠农发〔2024〕23号\n"
            "关于印发《浠水县村级财务公开规定》的通知\n各乡镇人民政府:\n现将《浠水县村级财务公开规定》印发给你们,请认真贯彻执行。\n")
    assert extract_text(text).articles[0].title == "浠水县村级财务公开规定"


def test_an_excerpted_regulation_under_its_promulgation_notice_is_one_article(extract_text) -> None:
    text = ("漯河市人民代表大会常务委员会\n公  告\n"
            "《漯河市志愿服务条例》已经2023年10月26日漯河市人民代表大会常务委员会会议通过,现予公布,自2024年3月5日起施行。\n"
            "漯河市人民代表大会常务委员会\n2023年12月5日\n漯河市志愿服务条例(节选)\n"
            "第一条 为了发展志愿服务事业,根据有关法律,结合本市实际,制定本条例。\n第二条 本条例适用于本市行政区域内的志愿服务。\n")
    assert len(extract_text(text).articles) == 1


@pytest.mark.parametrize("masthead, title", [
    # joint issuers one per line over 文件, the number, then the title set on three lines
    (["凤凰县乡村振兴局", "凤凰县财政局", "文件", "凤乡振联〔2023〕3号", "凤凰县乡村振兴局 凤凰县财政局",
      "关于做好2023年衔接推进乡村振兴补助资金", "使用管理工作的通知"],
     "凤凰县乡村振兴局 凤凰县财政局关于做好2023年衔接推进乡村振兴补助资金使用管理工作的通知"),
    # the issuing notice broken before its 《》
    (["洛阳市涧西区教育局文件", "涧教基〔2024〕58号", "洛阳市涧西区教育局关于印发", "《涧西区义务教育课后服务实施细则》的通知"],
     "涧西区义务教育课后服务实施细则"),
    # a title too long for a headline, on one line
    (["中共宁波市鄞州区百丈街道工作委员会文件", "鄞百党〔2024〕9号",
      "中共宁波市鄞州区百丈街道工作委员会 宁波市鄞州区人民政府百丈街道办事处关于印发《百丈街道网格员管理考核细则(试行)》的通知"],
     "百丈街道网格员管理考核细则(试行)"),
], ids=["joint masthead", "broken before 《", "long title"])
def test_a_red_head_documents_title_is_under_its_number(masthead: list[str], title: str, extract_text) -> None:
    text = "\n".join(masthead) + "\n各乡镇人民政府,县直有关单位:\n" + OPENING + "\n一、工作目标\n加强领导,健全机制。\n"
    assert extract_text(text).articles[0].title == title


def test_a_number_printed_under_a_web_pages_title_leaves_the_title(extract_text) -> None:
    text = ("运城市人民政府办公室关于落实文物安全责任制的实施意见\n运政办发〔2024〕19号\n各县(市、区)人民政府:\n"
            + OPENING + "\n一、总体要求\n加强领导,健全机制。\n")
    assert extract_text(text).articles[0].title == "运城市人民政府办公室关于落实文物安全责任制的实施意见"


def test_a_street_office_signing_issues_the_document(extract_text) -> None:
    text = ("关于印发《笔架山街道业主委员会工作规则》的通知\n各社区居委会:\n现将《笔架山街道业主委员会工作规则》印发给你们,请认真贯彻执行。\n"
            "合肥市蜀山区笔架山街道办事处\n2024年3月8日\n")
    assert extract_text(text).articles[0].issuer == "合肥市蜀山区笔架山街道办事处"


def test_a_signature_date_with_its_publication_note_dates_the_document(extract_text) -> None:
    text = ("关于印发《桃江县河道保洁考核办法》的通知\n各乡镇人民政府:\n现将《桃江县河道保洁考核办法》印发给你们,请认真贯彻执行。\n"
            "桃江县水利局\n2024年3月18日(此件主动公开)\n附件\n桃江县河道保洁考核办法\n"
            "第一条 为规范河道保洁工作,制定本办法。\n第二条 本办法自2024年4月1日起施行。\n")
    article = extract_text(text).articles[0]
    assert (article.date, article.issuer) == ("2024-03-18", "桃江县水利局")


@pytest.mark.parametrize("title, place", [
    ("护国街道网格员绩效考核办法", "护国街道"),
    ("楚东村村规民约", "楚东村"),
    ("桐川市餐厨垃圾管理办法", "桐川市"),
    ("《沅川市促进文化和旅游消费若干措施》政策解读", "沅川市"),
    ("2025年澜川县政府工作报告", "澜川县"),  # (after a year: blind round R79)
    ("关于加强新就业群体党建工作的若干措施", None),
    ("全县春季森林防灭火工作会议召开", None),
])
def test_a_place_the_title_opens_with_is_the_jurisdiction(extract_text, title, place) -> None:
    """A town, village or a place the gazetteer lacks, named at the head of the title, is the article's place; a
    title opening with 关于 or 全县 names none."""
    text = f"{title}\n为规范管理,结合实际,制定本办法。\n一、总体要求\n各单位要加强组织领导,确保工作落实。\n"
    assert extract_text(text).articles[0].jurisdiction == place


@pytest.mark.parametrize("head, decree, issuer", [
    ("发文机关:马鞍山市人民政府\n发布时间:2023-12-05 来源:市司法局\n", "", "马鞍山市人民政府"),
    ("发布时间:2023-06-16 来源:漳州市司法局\n", "漳州市人民政府令\n第6号\n", "漳州市人民政府"),
], ids=["the-metadata-table-names-the-issuing-organ", "a-decree-header-names-the-government"])
def test_a_regulation_is_issued_by_its_government_not_the_page_source(extract_text, head, decree, issuer) -> None:
    """A government regulation posted on the justice bureau's site: the 发文机关 field, or the decree line
    (漳州市人民政府令 / 第6号) above it, names the issuer; the 来源 line names only who posted the page."""
    text = (f"{head}\n民宿管理办法\n\n{decree}"
            "《民宿管理办法》已经2023年5月26日市人民政府第28次常务会议通过,现予公布,自2023年8月1日起施行。\n"
            "第一条 为规范民宿管理,制定本办法。\n第二条 民宿经营者应当依法办理登记。\n")
    assert extract_text(text).articles[0].issuer == issuer


def test_meeting_minutes_are_normative(extract_text) -> None:
    """A 常务会议纪要 records what the meeting decided and who is to do it (会议要求…由县财政局负责…): it prescribes."""
    text = ("鹤溪县人民政府常务会议纪要\n〔2025〕5号\n\n一、关于农村公路养护工作\n"
            "会议要求,由县交通运输局牵头,各乡镇配合,于6月底前完成县道养护。\n")
    article = extract_text(text).articles[0]
    assert (article.doc_type, article.normative) == ("会议纪要", True)


@pytest.mark.parametrize("issuer, jurisdiction, placed", [
    ("市政府新闻办", "扬州市", "扬州市政府新闻办"),
    ("县政府办公室", "攸县", "攸县政府办公室"),
    ("省委、省政府", "山东省", "省委、省政府"),  # a list: as written
    ("区委社会工作部", "南京市秦淮区", "南京市秦淮区委社会工作部"),
    ("省民政厅", "福建省", "福建省民政厅"),
    ("市民政局", None, "市民政局"),  # no place known: as written
    ("市民政局", "攸县", "市民政局"),  # no place of its level
    ("淄博市民政局", "淄博市", "淄博市民政局"),  # named already
])
def test_a_level_only_issuer_is_named_under_the_article_place(issuer, jurisdiction, placed) -> None:
    from zhengce.segment.metadata import _placed
    assert _placed(issuer, jurisdiction) == placed
