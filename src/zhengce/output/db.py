"""SQLite and DuckDB copies of the output tables, for SQL and `pandas.read_sql`.

One table per record type, named like the JSONL files (documents, sections, provisions, quantities,
responsibilities, errors), with the record fields as columns and a primary key on the stable id.
`section_path` is a JSON array in SQLite (TEXT) and a VARCHAR[] in DuckDB; booleans are 0/1 in
SQLite. The database is built from the committed JSONL tables into a temporary file beside the
target and moved into place with os.replace, so a reader never opens a half-built database.
Note that `end` is an SQL keyword: quote it (`select start, "end" from quantities`).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .writers import ALL_TABLES, atomic_path, batches, column_kinds, iter_jsonl

PRIMARY_KEYS = {
    "documents": "doc_id",
    "sections": "section_id",
    "provisions": "provision_id",
    "quantities": "quantity_id",
    "responsibilities": "responsibility_id",
}
# Columns researchers join and filter on; each gets an index where it is not the primary key.
INDEXED = ("doc_id", "provision_id", "source")
DUCKDB_SUFFIXES = (".duckdb", ".ddb")
_SQLITE_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER", "list": "TEXT"}
_DUCKDB_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "list": "VARCHAR[]"}


def db_kind(path: Path) -> str:
    """'duckdb' for a .duckdb/.ddb path, else 'sqlite'."""
    return "duckdb" if Path(path).suffix.lower() in DUCKDB_SUFFIXES else "sqlite"


def check_db(path: Path) -> None:
    """Fail before any work when the database kind needs a library that is missing."""
    if db_kind(path) == "duckdb":
        try:
            import duckdb  # noqa: F401
        except ImportError:
            raise RuntimeError("--db *.duckdb needs duckdb: pip install 'zhengce[duckdb]'") from None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: str, record_type: type, types: dict[str, str]) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of one table."""
    kinds = column_kinds(record_type)
    key = PRIMARY_KEYS.get(table)
    cols = [f"{_quote(c)} {types[k]}{' PRIMARY KEY' if c == key else ''}" for c, k in kinds.items()]
    out = [f"CREATE TABLE {_quote(table)} ({', '.join(cols)})"]
    for col in INDEXED:
        if col in kinds and col != key:
            out.append(f"CREATE INDEX {_quote(f'{table}_{col}')} ON {_quote(table)} ({_quote(col)})")
    return out


def write_db(tables_dir: Path, db_path: Path) -> Path:
    """Build the database at `db_path` from the JSONL tables in `tables_dir` (atomically)."""
    check_db(db_path)
    writer = _write_duckdb if db_kind(db_path) == "duckdb" else _write_sqlite
    with atomic_path(Path(db_path)) as tmp:
        tmp.unlink()  # the engines want to create the file themselves
        writer(Path(tables_dir), tmp)
    return Path(db_path)


def _sqlite_row(row: dict, kinds: dict[str, str]) -> tuple:
    out = []
    for col, kind in kinds.items():
        v = row.get(col)
        if kind == "list" and v is not None:
            v = json.dumps(v, ensure_ascii=False)
        elif kind == "bool" and v is not None:
            v = int(v)
        out.append(v)
    return tuple(out)


def _write_sqlite(tables_dir: Path, tmp: Path) -> None:
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")  # a temporary file: nothing to roll back to
        con.execute("PRAGMA synchronous=OFF")
        for table, record_type in ALL_TABLES.items():
            kinds = column_kinds(record_type)
            # Indexes after the rows: building them once is faster than updating them per insert.
            create, *indexes = create_sql(table, record_type, _SQLITE_TYPES)
            con.execute(create)
            insert = f"INSERT INTO {_quote(table)} VALUES ({', '.join('?' * len(kinds))})"
            source = tables_dir / f"{table}.jsonl"
            if source.exists():
                for chunk in batches(iter_jsonl(source)):
                    con.executemany(insert, [_sqlite_row(r, kinds) for r in chunk])
            for statement in indexes:
                con.execute(statement)
            con.commit()
    finally:
        con.close()


def _write_duckdb(tables_dir: Path, tmp: Path) -> None:
    import duckdb

    con = duckdb.connect(str(tmp))
    try:
        for table, record_type in ALL_TABLES.items():
            kinds = column_kinds(record_type)
            create, *indexes = create_sql(table, record_type, _DUCKDB_TYPES)
            con.execute(create)
            source = tables_dir / f"{table}.jsonl"
            if source.exists():
                columns = {c: _DUCKDB_TYPES[k] for c, k in kinds.items()}
                cols = ", ".join(_quote(c) for c in kinds)
                # DuckDB's own JSON reader streams the file; explicit columns fix the types.
                con.execute(f"INSERT INTO {_quote(table)} SELECT {cols} FROM read_json(?, "
                            f"format='newline_delimited', columns={columns!r})", [str(source)])
            for statement in indexes:
                con.execute(statement)
        con.execute("CHECKPOINT")
    finally:
        con.close()
