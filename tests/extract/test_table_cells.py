"""Bare numbers in table cells under a unit-naming header (extract/table_cells.py)."""
from __future__ import annotations

import importlib

import pytest

import zhengce

# (zhengce.extract is the API function, so the submodule is imported by name)
table_cells = importlib.import_module("zhengce.extract.table_cells")

TITLE = "关于印发网格员考核办法的通知"
OPENING = "为加强网格员队伍管理,结合本街道实际,制定本办法。"
CLOSING = "考核结果作为网格员续聘、奖惩的重要依据。"


@pytest.mark.parametrize("cell, unit, per, time", [
    ("分值", "分", None, None),
    ("标准分", "分", None, None),
    ("城市低保(元/人·月)", "元", "每人每月", "每月"),
    ("农村低保(元/人·年)", "元", "每人每年", "每年"),
    ("补助标准(万元)", "元", None, None),  # (scaled: SPEC's canonical unit is 元)
    ("建筑面积(平方米)", "平方米", None, None),
    ("核定床位(张)", "张", None, None),
    ("综合得分", "分", None, None),  # a score got (reported or required as the caption says)
    ("签约人数(万人)", "人", None, None),  # (the figure is scaled: see below)
    ("较上年提高(个百分点)", "百分点", None, None),
    ("评价量(件)", "件", None, None),
    ("事故(起)", "起", None, None),
    ("地下车位(元/月·个)", "元", "每月每个", "每月"),
    ("培训(人次)", "人次", None, None),
])
def test_header_cells_name_their_unit(cell, unit, per, time) -> None:
    col = table_cells.column(cell)
    assert (col.unit, col.per, col.time) == (unit, per, time)


@pytest.mark.parametrize("page_break", [[], ["- 2 -"]], ids=["units on the next line", "a page number between"])
def test_units_on_the_line_under_the_column_names(page_break) -> None:
    """A header cell wrapped in two lines (签约人数 / (万人)): the units line gives the last columns their
    units, right-aligned (the row labels' column has none); 万人 counts ten thousands."""
    found = _quantities("区县 签约人数 常住人口 重点人群", *page_break, "(万人) 签约率(%) 签约率(%)", "武陵区 24.34 33.8 72.4")
    assert [(t, v, u, s) for t, v, u, _, s in found] == [
        ("24.34", 243400.0, "人", "武陵区签约人数"), ("33.8", 33.8, "%", "武陵区常住人口签约率"),
        ("72.4", 72.4, "%", "武陵区重点人群签约率")]


@pytest.mark.parametrize("cell", ["考核项目", "评分标准", "(元)", "金额(元/套)", "得分说明"])
def test_other_cells_name_no_unit(cell) -> None:
    assert table_cells.column(cell) is None


@pytest.mark.parametrize("line, cells", [
    ("信息采集\t20\t漏采每条扣0.5分\t\t", ["信息采集", "20", "漏采每条扣0.5分", "", ""]),
    ("顺庆区 795 6120", ["顺庆区", "795", "6120"]),
    ("县(市、区) 城市低保(元/人·月) 农村低保(元/人·年)", ["县(市、区)", "城市低保(元/人·月)", "农村低保(元/人·年)"]),
    ("3    开展村级换届    县委组织部", ["3", "开展村级换届", "县委组织部"]),
])
def test_split_cells(line, cells) -> None:
    assert [line[s:e] for s, e in table_cells.split_cells(line)] == cells


@pytest.mark.parametrize("line", ["坚持党的领导,全面加强基层治理。", "市委副书记 ×××, 讲话", "一段没有空格的文字"])
def test_sentences_are_no_rows(line) -> None:
    assert table_cells.split_cells(line) is None


def _quantities(*lines: str) -> list[tuple[str, float, str, str | None, str | None]]:
    """The quantities of an article with the table under its first numbered heading."""
    result = zhengce.extract("\n".join([TITLE, OPENING, "一、考核内容", *lines, "二、结果运用", CLOSING]) + "\n")
    return [(q.text, q.value, q.unit, q.per, q.subject) for q in result.quantities]


def test_scoring_table_cells_are_points() -> None:
    found = _quantities("考核项目\t分值\t评分标准\t得分", "信息采集\t20\t漏采、错采每条扣0.5分", "合计\t100")
    assert ("20", 20.0, "分", None, "信息采集分值") in found
    assert ("100", 100.0, "分", None, "合计分值") in found
    assert ("0.5分", 0.5, "分", "每条", "漏采、错采") in found  # (the grammar's own reading, in its cell: per item)


def test_standards_table_cells_take_unit_and_basis() -> None:
    found = _quantities("县(市、区)\u3000城市低保(元/人·月)\u3000农村低保(元/人·年)", "顺庆区\u3000795\u30006120")
    assert found == [("795", 795.0, "元", "每人每月", "顺庆区城市低保"), ("6120", 6120.0, "元", "每人每年", "顺庆区农村低保")]


def test_numbers_read_by_the_grammar_in_a_row_take_their_subject_from_their_own_cell() -> None:
    found = _quantities("考核项目\t分值\t评分标准", "信息采集\t20\t漏采、错采每条扣0.5分")
    assert all("\t" not in (subject or "") for *_, subject in found)


def test_unit_caption_gives_every_column_its_unit() -> None:
    found = _quantities("(单位:元/月)", "岗位类别 一级 二级 三级", "社区正职 4650 4850 5050")
    assert found == [("4650", 4650.0, "元", "每月", "社区正职一级"), ("4850", 4850.0, "元", "每月", "社区正职二级"),
                     ("5050", 5050.0, "元", "每月", "社区正职三级")]


def test_a_lead_in_colon_after_the_unit_caption_still_captions_the_table() -> None:
    found = _quantities("具体调整情况如下(单位:元/人·月):", "项目\t调整前\t调整后", "城市低保标准\t760\t800")
    assert [(text, value, unit) for text, value, unit, *_ in found] == [("760", 760.0, "元"), ("800", 800.0, "元")]


def test_table_closing_the_page_with_two_label_cells_and_a_titled_caption() -> None:
    """A pay table as an attachment at the page's end: its title runs into the unit caption, each row has two
    label cells; the rows are content (not the page's signature block) and every figure is read."""
    text = "\n".join([TITLE, OPENING, "一、薪酬标准", CLOSING, "附件", "岗位等级薪酬标准表", "(单位:元/月)",
                      "岗位类别 岗位等级 基本报酬 绩效报酬", "一类岗位 一级 4200 1000", "一类岗位 二级 4350 1040"]) + "\n"
    found = [(q.text, q.unit, q.per, q.subject) for q in zhengce.extract(text).quantities]
    assert ("4200", "元", "每月", "一类岗位一级基本报酬") in found and ("1040", "元", "每月", "一类岗位二级绩效报酬") in found


def test_numbers_without_a_unit_header_stay_out() -> None:
    assert _quantities("序号\t工作任务\t责任单位", "1\t建立工作台账\t市民政局", "2\t开展专项督查\t市委组织部") == []


def test_signed_changes_and_a_concentration_column() -> None:
    """A monitoring table: a change column signs its figures (+3.2, -11.1), and a concentration's unit holds a slash
    of its own (微克/立方米: no basis)."""
    found = _quantities("排名  设区市    优良天数比例(%)  同比变化(百分点)  PM2.5浓度(微克/立方米)  同比变化(%)",
                        "1     上饶市    96.8    +3.2    24    -11.1")
    assert [(number, value, unit, per) for number, value, unit, per, _ in found] == [
        ("96.8", 96.8, "%", None), ("+3.2", 3.2, "百分点", None), ("24", 24.0, "微克/立方米", None),
        ("-11.1", -11.1, "%", None)]


def test_a_cap_column_bounds_its_figures() -> None:
    """收费上限(元/月·平方米): each figure under it is a cap (<=), per month per square metre."""
    found = _quantities("服务等级\t收费上限(元/月·平方米)\t主要服务标准", "一级\t2.20\t项目经理具有5年以上从业经历;")
    assert found[0][:4] == ("2.20", 2.2, "元", "每月每平方米")
    cap = table_cells.column("收费上限(元/月·平方米)")
    assert cap is not None and cap.comparator == "<="


def test_rows_after_a_cell_set_on_several_lines() -> None:
    """A tab row whose last cell runs on over the next lines: the rows after it are still the table's."""
    found = _quantities("服务等级\t收费上限(元/月·平方米)\t主要服务标准", "一级\t2.20\t项目经理具有5年以上从业经历;",
                        "秩序维护人员24小时值守;", "公共区域每日清扫2次", "二级\t1.80\t项目经理具有3年以上从业经历;",
                        "公共区域每日清扫1次")
    assert [(number, value) for number, value, *_ in found if number in ("2.20", "1.80")] == [("2.20", 2.2), ("1.80", 1.8)]
    assert ("2次", 2.0, "次") in [tuple(q[:3]) for q in found], found


def test_header_labels_a_single_space_apart_split_when_rows_have_more_cells() -> None:
    """排名 乡镇   得分 …: two label cells a single space apart in a header whose other cells are wider apart; the rows
    (1  白沙镇  96.5) have one cell more, so the header is read split at every space."""
    found = _quantities("排名 乡镇   得分  备注", "1  白沙镇  96.5  无", "2  龙潭镇  94.0  无")
    assert [(number, value, unit) for number, value, unit, _, _ in found] == [("96.5", 96.5, "分"), ("94.0", 94.0, "分")]


def test_a_table_titled_by_what_its_figures_are() -> None:
    """常德市社区工作者岗位等级系数表: a title naming its figures (系数) gives every column that unit."""
    text = "\n".join([TITLE, OPENING, "一、薪酬标准", CLOSING, "附件", "社区工作者岗位等级系数表",
                      "岗位类别  一级  二级  三级", "社区正职  1.60  1.70  1.80"]) + "\n"
    found = [(q.text, q.value, q.unit) for q in zhengce.extract(text).quantities]
    assert ("1.60", 1.6, "系数") in found and ("1.80", 1.8, "系数") in found


def test_a_count_header_names_its_counter() -> None:
    """一季度事故起数: the figures under a header ending in 起数 count 起."""
    found = _quantities("排名  乡镇  得分  事故起数", "1  白沙镇  96.5  1", "2  龙潭镇  94.0  2")
    assert [(number, unit) for number, _, unit, _, _ in found] == [("96.5", "分"), ("1", "起"), ("94.0", "分"), ("2", "起")]


def test_a_second_table_takes_its_own_header_and_a_report_caption_makes_statistics() -> None:
    """Two tables one after the other: the second header (数量(处)) replaces the first (检查单位(家)), whatever
    text parts them; a caption naming a count of what happened (…统计表, …分布情况) makes the figures
    statistics; 万元 figures are scaled to 元."""
    text = "\n".join([
        "关于10月份安全生产检查情况的通报", "现将10月份安全生产检查情况通报如下。", "一、检查情况",
        "表1 各社区安全生产检查情况统计表", "社区\t检查单位(家)\t罚款金额(万元)", "松湖社区\t58\t2.4",
        "表2 安全隐患类别分布情况", "隐患类别\t数量(处)\t占比", "消防安全\t428\t41.3%",
        "二、下步工作", "各社区要抓好整改。"]) + "\n"
    found = {q.text: (q.value, q.unit, q.kind) for q in zhengce.extract(text).quantities}
    assert found["58"] == (58.0, "家", "statistic")
    assert found["2.4"] == (24000.0, "元", "statistic")
    assert found["428"] == (428.0, "处", "statistic")


def test_a_numbered_title_parted_into_cells_is_the_caption_and_dates_the_figures() -> None:
    """表1　2025年第一季度…统计表: the numbered title (split into cells by its space) is the caption: its figures
    are statistics, dated by the caption's time, not read by the sentence before the table."""
    text = "\n".join([
        "关于2025年第一季度违法建设治理工作情况的通报", "各区治理情况见下表(排名按拆除率等指标综合计算)。",
        "表1 2025年第一季度各区违法建设治理情况统计表", "区名\t新增违建数(处)\t拆除面积(平方米)",
        "望湖区\t28\t38650", "二、下步工作", "各区要抓好整改。"]) + "\n"
    found = {q.text: (q.unit, q.kind, q.time) for q in zhengce.extract(text).quantities}
    assert found["28"] == ("处", "statistic", "2025年第一季度")
    assert found["38650"] == ("平方米", "statistic", "2025年第一季度")


def test_a_quota_column_and_its_part_count_in_places() -> None:
    """区 | 名额 | 其中定向: a bare 名额 header counts its figures in 名额, and a 其中… column, a part of the column
    before it, in the same unit."""
    text = "\n".join([
        "关于招聘社区工作者的公告", "一、招聘名额", "本次共招聘社区工作者260名,各区名额如下:",
        "区\t名额\t其中定向", "清溪区\t62\t12", "柳岸区\t55\t11", "二、报名条件", "年龄35周岁以下。"]) + "\n"
    found = {q.text: (q.value, q.unit) for q in zhengce.extract(text).quantities}
    assert found["62"] == (62.0, "名额") and found["12"] == (12.0, "名额")


def test_a_numbered_title_naming_a_state_of_affairs_makes_statistics() -> None:
    """表1　2025年5月份…“好差评”情况(按好评率排序): a ranking table in a report; its title, parted from its
    number by a space, names how things stood (…情况), so its figures are statistics dated by it."""
    text = "\n".join([
        "关于2025年5月份政务服务“好差评”情况的通报", "现将5月份全市政务服务“好差评”情况通报如下。", "一、总体情况",
        "5月份,全市共归集评价数据26.83万件。", "\u3000\u3000表1\u30002025年5月份市直部门政务服务“好差评”情况(按好评率排序)",
        "排名  单位  评价量(件)  好评率(%)  差评(件)", "1  市公安局  31862  99.92  12", "2  市税务局  14892  99.63  29",
        "二、下步工作", "各单位要于6月底前完成差评整改。"]) + "\n"
    found = [(q.text, q.unit, q.kind, q.time) for q in zhengce.extract(text).quantities]
    assert ("31862", "件", "statistic", "2025年5月") in found
    assert ("99.92", "%", "statistic", "2025年5月") in found and ("29", "件", "statistic", "2025年5月") in found
