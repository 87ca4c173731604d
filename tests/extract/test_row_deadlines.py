"""A task-table row's numbers are due by its deadline cell (extract/run.py _row_deadlines)."""
from __future__ import annotations

import zhengce

TABLE = ("某县农村饮水安全工作任务分解表\n"
         "序号\t工作任务\t目标要求\t完成时限\t牵头单位\t责任单位\n"
         "1\t规模化供水工程建设\t新建改造管网不少于180公里\t2025年11月底前\t县水利局\t县发展和改革委员会\n"
         "2\t水质检测\t每季度检测不少于1次\t长期坚持\t县卫生健康委\t县疾控中心\n")


def test_a_row_number_takes_the_rows_deadline():
    times = {q.text: q.time for q in zhengce.extract(TABLE).quantities}
    assert times["不少于180公里"] == "2025年11月底前"


def test_a_row_without_a_dated_cell_keeps_its_own_time():
    times = {q.text: q.time for q in zhengce.extract(TABLE).quantities}
    assert times["不少于1次"] != "2025年11月底前"
