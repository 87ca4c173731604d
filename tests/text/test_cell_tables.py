"""Tables copied one cell per line are rejoined as tab-separated rows, length-preserving."""
import pytest
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
    "序号\n任务\n牵头单位\n2\n公开招聘\n党建办\n",              # rows must count from 1
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
