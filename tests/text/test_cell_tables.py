"""Tables copied one cell per line are rejoined as tab-separated rows, length-preserving."""
import pytest
import zhengce
from hypothesis import given, strategies as st

from zhengce.text.cell_tables import tabulate_cell_lines
from zhengce.text.normalize import normalize, is_table_row

TABLE = "七、重点任务分工\n序号\n任务\n牵头单位\n配合单位\n完成时限\n1\n公开招聘专职网格员\n党建办\n综治中心、财政所\n2024年6月底前\n" \
        "2\n建设社区网格工作站\n社区事务办\n财政所、各社区\n2024年10月底前\n\n街道办事处\n"


def test_rows_rejoined_with_tabs():
    out = tabulate_cell_lines(TABLE)
    assert len(out) == len(TABLE)
    lines = out.split("\n")
    assert lines[1] == "序号\t任务\t牵头单位\t配合单位\t完成时限"
    assert lines[2] == "1\t公开招聘专职网格员\t党建办\t综治中心、财政所\t2024年6月底前"
    assert lines[3].startswith("2\t建设社区网格工作站\t")
    assert lines[5] == "街道办事处"
    assert all(is_table_row(line) for line in lines[1:4])


@pytest.mark.parametrize("text", [
    "序号\n任务\n1\n公开招聘\n",                              # two columns: no table
    "序号\n任务\n牵头单位\n公开招聘\n党建办\n2\n",              # a row opens with its running number
    "序号\n任务\n牵头单位\n1\n公开招聘\n\n",                    # a blank cell ends the table before the row
    "一、总体要求\n坚持党建引领。\n",                           # no table at all
])
def test_left_alone(text):
    assert tabulate_cell_lines(text) == text


def test_normalized_rows_map_back_to_source():
    norm = normalize(TABLE)
    row = next(line for line in norm.text.split("\n") if line.startswith("1\t"))
    start = norm.text.index(row)
    s, e = norm.offsets.to_source(start), norm.offsets.to_source(start + len(row))
    assert TABLE[s:e].split("\n") == row.split("\t")


@given(st.lists(st.sampled_from(["序号", "任务", "牵头单位", "1", "2", "党建办", "", "公开招聘,做好服务"]), max_size=30))
def test_length_preserved(cells):
    text = "\n".join(cells)
    assert len(tabulate_cell_lines(text)) == len(text)


def test_table_split_by_a_repeated_header_goes_on_counting_past_group_lines() -> None:
    """After a repeated header the running numbers go on (13, 14…), group lines (三、为民服务(6项)) stand
    between rows, and 责任科室 names a column."""
    text = ("说明\n序号\n任务内容\n责任科室\n完成时限\n三、为民服务(6项)\n13\n推进社区综合服务设施提档升级\n社区办、民生办\n"
            "2025年8月底前\n14\n推行一窗受理\n民生办、社区办\n2025年6月底前\n四、平安建设(6项)\n15\n健全矛盾纠纷多元化解机制\n"
            "平安办、司法所\n2025年12月底前\n结尾")
    out = tabulate_cell_lines(text)
    assert len(out) == len(text)
    assert out.split("\n") == ["说明", "序号\t任务内容\t责任科室\t完成时限", "三、为民服务(6项)",
                               "13\t推进社区综合服务设施提档升级\t社区办、民生办\t2025年8月底前",
                               "14\t推行一窗受理\t民生办、社区办\t2025年6月底前", "四、平安建设(6项)",
                               "15\t健全矛盾纠纷多元化解机制\t平安办、司法所\t2025年12月底前", "结尾"]


SPACED = ("附件\n重点任务分工表\n序号 任务 牵头单位 配合单位 完成时限\n"
          "1 企业开办全流程压缩至1个工作日以内 市市场监管局 市公安局、市税务局 2024年6月底前\n"
          "2 为新开办企业免费发放印章 市市场监管局 市财政局 2024年3月底前\n— 27 —\n某市人民政府公报  2024年第4期\n"
          "3 工程建设项目审批事项精简至60项以内 市住房城乡建设局 市数据资源局 2024年6月底前\n"
          "各部门要按照分工抓好落实。\n")


def test_rows_of_pdf_text_parted_by_spaces_under_a_spaced_header():
    """PDF text of a task table: a header of column names and each row on one line, cells parted by single
    spaces, a page break between rows. The spaces become tabs; the rows stay lines of their own."""
    out = tabulate_cell_lines(SPACED)
    assert len(out) == len(SPACED)
    lines = out.split("\n")
    assert lines[2] == "序号\t任务\t牵头单位\t配合单位\t完成时限"
    assert lines[3] == "1\t企业开办全流程压缩至1个工作日以内\t市市场监管局\t市公安局、市税务局\t2024年6月底前"
    assert lines[7].startswith("3\t工程建设项目审批事项精简至60项以内\t")
    assert lines[8] == "各部门要按照分工抓好落实。"
    assert [line for line in normalize(SPACED).text.split("\n") if line[:2] in ("1\t", "2\t", "3\t")] == \
        [lines[3], lines[4], lines[7]]  # (no row joined to the next)


@pytest.mark.parametrize("text", [
    "序号 任务 牵头单位\n年 内完成 3 项任务\n",  # no running number
    "序号 任务 说明文字\n1 公开招聘 党建办\n",  # a header cell that names no column
])
def test_spaced_lines_left_alone(text):
    assert tabulate_cell_lines(text) == text


ALIGNED = ("具体评分标准如下:\n"
           "项目          分值  考核内容                          扣分标准\n"
           "生活垃圾治理  20    每30户配置1个以上垃圾收集点,     收集点不足的每处扣1分;发现\n"
           "                    垃圾日产日清,无积存垃圾          积存垃圾每处扣0.5分\n"
           "群众满意度    10    每村随机入户走访不少于20户,      满意率低于90%的扣2分\n"
           "合计          100\n"
           "获评县级以上荣誉的,每项加2分。\n")


def test_column_aligned_table_with_indented_running_cells():
    """A table set by column in PDF text (a scoring table): header and rows part their cells by runs of spaces, a
    cell running on indents its next lines. Each run becomes one tab and spaces, so every row splits into the
    header's columns; the indented lines and the prose after the table stay as they were."""
    out = tabulate_cell_lines(ALIGNED)
    assert len(out) == len(ALIGNED)
    lines = out.split("\n")
    assert [c.strip() for c in lines[1].split("\t")] == ["项目", "分值", "考核内容", "扣分标准"]
    assert [c.strip() for c in lines[2].split("\t")][:2] == ["生活垃圾治理", "20"]
    assert lines[3] == ALIGNED.split("\n")[3]  # (an indented line of the row above)
    assert [c.strip() for c in lines[5].split("\t")] == ["合计", "100"]
    assert lines[6] == "获评县级以上荣誉的,每项加2分。"


def test_scores_of_a_column_aligned_table_are_read_under_their_header():
    import zhengce

    result = zhengce.extract("某镇农村人居环境整治考核办法\n\n一、考核内容\n考核内容包括六个方面。\n" + ALIGNED)
    scores = sorted(q.value for q in result.quantities if q.unit == "分" and q.comparator == "=")
    assert {20.0, 10.0, 100.0} <= set(scores)


WRAPPED = ("附件\n考核评分表\n(评分表中责任单位排在第一位的为牵头单位,其余为配合单位)\n序号 考核内容 分值 责任单位\n"
           "1 耕地保有量、永久基本农田保护\n面积、撂荒地整治 18 县自然资源局、县农业农村局\n"
           "2 高标准农田建设 10 县农业农村局、县财政局、县水利局\n"
           "3 粮食应急保障和节粮减损 8 县发展改革委、县市场监管局、\n县农业农村局\n"
           "4 农田水利和防灾减灾 10 县水利局、县农业农村局、县气象\n局、县应急管理局\n合计 100\n")


def test_rows_whose_cells_run_on_to_a_second_line_are_rejoined():
    """PDF text sets a long cell on two lines: the rest of a row's task with the cells after it, or the rest of
    its unit list. The row still reads as one (a note in brackets above the header is no part of it)."""
    out = tabulate_cell_lines(WRAPPED)
    assert len(out) == len(WRAPPED)
    rows = normalize(WRAPPED).text.split("\n")
    assert "(评分表中责任单位排在第一位的为牵头单位,其余为配合单位)" in rows
    assert "1\t耕地保有量、永久基本农田保护面积、撂荒地整治\t18\t县自然资源局、县农业农村局" in rows
    assert "3\t粮食应急保障和节粮减损\t8\t县发展改革委、县市场监管局、县农业农村局" in rows
    assert "4\t农田水利和防灾减灾\t10\t县水利局、县农业农村局、县气象局、县应急管理局" in rows
    assert "合计 100" in rows


def test_units_of_wrapped_rows_are_read():
    got = [(r.actor, r.role) for r in zhengce.extract(WRAPPED).responsibilities]
    assert ("县自然资源局", "lead") in got and ("县农业农村局", "support") in got
    assert ("县应急管理局", "support") in got and ("县气象局", "support") in got
