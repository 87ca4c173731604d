"""Table writers and databases: atomic writes, CSV/Parquet round trips, SQLite/DuckDB schemas."""
from __future__ import annotations

import csv
import json
import sqlite3
import stat
from pathlib import Path

import pytest

from zhengce.output.db import PRIMARY_KEYS, write_db
from zhengce.output.writers import (
    ALL_TABLES, TableSink, atomic_path, atomic_write_text, check_formats, column_kinds, convert_table,
    encode_records, read_jsonl,
)
from zhengce.records import Article, ErrorRecord, Provision, Quantity, Responsibility, Section

DOC = "a.txt#1"
ARTICLE = Article(DOC, "a.txt", 0, 120, "关于印发《方案》的通知", "某市人民政府", "浙江省", "2021-03", "通知", True)
SECTION = Section(f"{DOC}/s1", DOC, "a.txt", 10, 16, "一、", 1, "工作目标")
PROVISIONS = [
    Provision(f"{DOC}/p1", DOC, "a.txt", 17, 40, "到2025年,覆盖率达到95%以上。", "requirement", f"{DOC}/s1",
              ("工作目标",)),
    Provision(f"{DOC}/p2", DOC, "a.txt", 41, 60, "去年全市GDP增长6.5%。", "statistic", None, (), 3),
]
QUANTITY = Quantity(f"{DOC}/p1/q1", DOC, f"{DOC}/p1", "a.txt", 25, 32, "95%以上", 95.0, 95.0, None, "%", ">=",
                    None, "覆盖率", "2025", "requirement")
RESPONSIBILITY = Responsibility(f"{DOC}/p1/r1", DOC, f"{DOC}/p1", "a.txt", 17, 40, "市卫健委", "lead", "推进覆盖")
ERROR = ErrorRecord("b.txt", "ingest", "ZC-E102", "file is empty")
RECORDS = {"documents": [ARTICLE], "sections": [SECTION], "provisions": PROVISIONS, "quantities": [QUANTITY],
           "responsibilities": [RESPONSIBILITY], "errors": [ERROR]}


def write_tables(out: Path, formats=("jsonl",)) -> dict[str, Path]:
    sink = TableSink(out, formats)
    for name, records in RECORDS.items():
        sink.write(name, records)
    return sink.commit()


def test_encoded_lines_are_utf8_json_with_lists_for_tuples():
    line = encode_records([PROVISIONS[0]])
    assert line.endswith("\n") and "覆盖率" in line
    assert json.loads(line)["section_path"] == ["工作目标"]


@pytest.mark.parametrize("record", [
    PROVISIONS[0], PROVISIONS[1], ARTICLE, ERROR, RESPONSIBILITY,
    Quantity("q\"1\\", "d", "p", "s\n\u2028", 0, 1, "约\t5万", 5e4, float("nan"), float("inf"), None, "~",
             None, None, None, "statistic", 2),
    Quantity("q", "d", "p", "s", 0, 1, "3", 3, -0.0, 1e-7, "个", "=", "每年", "主体", "2025", "requirement"),
], ids=lambda r: type(r).__name__)
def test_generated_line_encoder_writes_what_json_dumps_writes(record):
    expected = json.dumps({k: list(v) if isinstance(v, tuple) else v for k, v in record.to_dict().items()},
                          ensure_ascii=False) + "\n"
    assert encode_records([record]) == expected


def test_atomic_path_keeps_the_old_file_when_the_block_fails(tmp_path):
    target = tmp_path / "t.jsonl"
    atomic_write_text(target, "old\n")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["t.jsonl"]


def test_outputs_are_not_private_temp_files(tmp_path):
    write_tables(tmp_path)
    mode = stat.S_IMODE((tmp_path / "documents.jsonl").stat().st_mode)
    assert mode & stat.S_IRGRP or mode & stat.S_IROTH  # mkstemp's 0600 is not kept


def test_aborted_sink_leaves_previous_tables_and_no_temp_files(tmp_path):
    write_tables(tmp_path)
    before = (tmp_path / "provisions.jsonl").read_bytes()
    sink = TableSink(tmp_path)
    sink.write("provisions", PROVISIONS[:1])
    sink.abort()
    assert (tmp_path / "provisions.jsonl").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_jsonl_round_trips_to_records(tmp_path):
    written = write_tables(tmp_path)
    for name, records in RECORDS.items():
        rows = read_jsonl(written[name])
        rebuilt = [ALL_TABLES[name](**{k: tuple(v) if isinstance(v, list) else v for k, v in r.items()})
                   for r in rows]
        assert rebuilt == records


def test_csv_has_record_columns_and_round_trips(tmp_path):
    write_tables(tmp_path, ("jsonl", "csv"))
    with open(tmp_path / "provisions.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == Provision.field_names()
    assert [r["text"] for r in rows] == [p.text for p in PROVISIONS]
    assert rows[0]["section_path"] == "工作目标" and rows[1]["page"] == "3" and rows[0]["page"] == ""


def test_parquet_round_trips_with_typed_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    write_tables(tmp_path, ("jsonl", "parquet"))
    for name, records in RECORDS.items():
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.column_names == ALL_TABLES[name].field_names()
        assert table.to_pylist() == [json.loads(encode_records([r])) for r in records]
    assert str(pq.read_table(tmp_path / "quantities.parquet").schema.field("value").type) == "double"


def test_empty_tables_convert_to_files_with_the_schema(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "quantities.jsonl").write_text("")
    path = convert_table(tmp_path / "quantities.jsonl", "parquet", Quantity)
    assert pq.read_table(path).num_rows == 0 and pq.read_table(path).column_names == Quantity.field_names()


def test_unknown_format_fails_before_any_work():
    with pytest.raises(ValueError):
        check_formats(["xlsx"])


def test_column_kinds_follow_the_type_hints():
    kinds = column_kinds(Provision)
    assert kinds["section_path"] == "list" and kinds["page"] == "int" and kinds["text"] == "str"
    assert column_kinds(Article)["normative"] == "bool" and column_kinds(Quantity)["low"] == "float"


def test_sqlite_tables_have_record_columns_and_primary_keys(tmp_path):
    write_tables(tmp_path)
    db = write_db(tmp_path, tmp_path / "out.sqlite")
    con = sqlite3.connect(db)
    for name, record_type in ALL_TABLES.items():
        info = con.execute(f'pragma table_info("{name}")').fetchall()  # (cid, name, type, notnull, dflt, pk)
        assert [row[1] for row in info] == record_type.field_names()
        assert [row[1] for row in info if row[5]] == ([PRIMARY_KEYS[name]] if name in PRIMARY_KEYS else [])
        assert con.execute(f'select count(*) from "{name}"').fetchone()[0] == len(RECORDS[name])
    row = con.execute("select section_path, page from provisions order by provision_id").fetchone()
    assert json.loads(row[0]) == ["工作目标"] and row[1] is None
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("insert into quantities (quantity_id) values (?)", (QUANTITY.quantity_id,))


def test_pandas_reads_a_table_in_one_line(tmp_path):
    pd = pytest.importorskip("pandas")
    write_tables(tmp_path)
    write_db(tmp_path, tmp_path / "out.sqlite")
    df = pd.read_sql("select * from quantities", sqlite3.connect(tmp_path / "out.sqlite"))
    assert list(df.columns) == Quantity.field_names() and df.loc[0, "value"] == 95.0


def test_a_failed_database_build_keeps_the_old_database(tmp_path):
    write_tables(tmp_path)
    db = write_db(tmp_path, tmp_path / "out.sqlite")
    before = db.read_bytes()
    with open(tmp_path / "provisions.jsonl", "a", encoding="utf-8") as f:
        f.write(encode_records(PROVISIONS[:1]))  # a duplicate primary key
    with pytest.raises(sqlite3.IntegrityError):
        write_db(tmp_path, db)
    assert db.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.sqlite")]


def test_duckdb_tables_match_the_sqlite_ones(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    write_tables(tmp_path)
    write_db(tmp_path, tmp_path / "out.sqlite")
    write_db(tmp_path, tmp_path / "out.duckdb")
    con = duckdb.connect(str(tmp_path / "out.duckdb"), read_only=True)
    for name, record_type in ALL_TABLES.items():
        assert [d[0] for d in con.execute(f'select * from "{name}"').description] == record_type.field_names()
    assert con.execute("select section_path from provisions order by provision_id").fetchone()[0] == ["工作目标"]
    keys = con.execute("select table_name, constraint_column_names from duckdb_constraints() "
                       "where constraint_type = 'PRIMARY KEY'").fetchall()
    assert {t: cols[0] for t, cols in keys} == PRIMARY_KEYS
