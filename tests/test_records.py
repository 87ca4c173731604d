"""Records round-trip through dicts: `Record(**r.to_dict()) == r` (section_path stays a tuple)."""
from __future__ import annotations

import dataclasses
import json

import pytest

from zhengce.records import TABLES, Article, ErrorRecord, Provision, Quantity, Responsibility, Section

# fmt: off
EXAMPLES = [
    Article("a.txt#1", "a.txt", 0, 120, "关于加强基层治理的实施意见", "中共诸暨市委", "诸暨市", "2018-09-27", "实施意见", True),
    Article("b.pdf#2", "b.pdf", 5, 9, None, None, None, None, None, False, page=3),
    Section("a.txt#1/s1", "a.txt#1", "a.txt", 10, 16, "一、", 1, "工作目标"),
    Section("a.txt#1/s2", "a.txt#1", "a.txt", 20, 30, "(一)", 2, "强化政治功能", parent_id="a.txt#1/s1", page=1),
    Provision("a.txt#1/p1", "a.txt#1", "a.txt", 31, 60, "确保每人每年培训不少于56个学时。", "requirement",
              "a.txt#1/s2", ("工作目标", "强化政治功能"), 1),
    Provision("a.txt#1/p2", "a.txt#1", "a.txt", 61, 70, "背景。", "other"),
    Quantity("a.txt#1/p1/q1", "a.txt#1", "a.txt#1/p1", "a.txt", 40, 52, "不少于56个学时", 56.0, None, None, "学时",
             ">=", "每人每年", "社区党组织书记培训", "每年", "requirement"),
    Quantity("a.txt#1/p1/q2", "a.txt#1", "a.txt#1/p1", "a.txt", 1, 8, "50—100户", None, 50.0, 100.0, "户",
             "range", None, None, None, "statistic", page=2),
    Responsibility("a.txt#1/p1/r1", "a.txt#1", "a.txt#1/p1", "a.txt", 0, 11, "市委组织部", "lead", "牵头抓总"),
    Responsibility("a.txt#1/p1/r2", "a.txt#1", "a.txt#1/p1", "a.txt", 0, 11, "市财政局", "fund", "经费保障",
                   "2022年底前", 4),
    ErrorRecord("bad.txt", "ingest", "ZC-E105", "no Chinese text"),
]
# fmt: on


@pytest.mark.parametrize("record", EXAMPLES, ids=lambda r: f"{type(r).__name__}:{r.to_dict().get('start', '')}")
def test_round_trip(record) -> None:
    data = record.to_dict()
    assert type(record)(**data) == record
    if isinstance(record, Provision):
        assert isinstance(type(record)(**data).section_path, tuple)


@pytest.mark.parametrize("record", EXAMPLES, ids=lambda r: type(r).__name__)
def test_to_dict_is_json_ready_and_ordered(record) -> None:
    data = record.to_dict()
    assert list(data) == type(record).field_names()
    json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize("cls", [*TABLES.values(), ErrorRecord])
def test_records_are_frozen_and_slotted(cls) -> None:
    params = dataclasses.fields(cls)
    assert hasattr(cls, "__slots__") and params
    record = next(r for r in EXAMPLES if type(r) is cls)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, params[0].name, "x")


def test_table_fields_hold_what_the_scorer_reads() -> None:
    """SPEC, output tables: the fields the scorer reads exist under these exact names."""
    need = {
        "documents": "doc_id source start end title issuer jurisdiction date doc_type normative",
        "sections": "doc_id source start end label level title",
        "provisions": "provision_id doc_id source start end text kind",
        "quantities": "source start end value low high unit comparator per subject time kind",
        "responsibilities": "source start end actor role duty",
    }
    for table, names in need.items():
        assert set(names.split()) <= set(TABLES[table].field_names()), table


def test_seed_records_round_trip(seed_results) -> None:
    for result in seed_results.values():
        for records in result.tables().values():
            for r in records:
                assert type(r)(**r.to_dict()) == r
