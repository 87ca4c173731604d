"""Table writers: JSONL (always), CSV, Parquet; every output is written atomically.

Records are encoded to JSON lines by `encode_records` (in the worker that made them, so the main
process only copies strings) and streamed into per-table temporary files by `TableSink`; `commit()`
moves them into place with `os.replace`, so a reader never sees a half-written table and an
interrupted run leaves the previous outputs untouched. CSV and Parquet are converted from the
committed JSONL in bounded batches, so memory does not grow with the corpus.
"""
from __future__ import annotations

import csv
import dataclasses
import json
import math
import os
import tempfile
import typing
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from pathlib import Path
from json.encoder import encode_basestring
from typing import IO, Any, Callable, Iterable, Iterator

from ..records import TABLES, ErrorRecord

FORMATS = ("jsonl", "csv", "parquet")
BATCH_ROWS = 10_000  # rows held in memory at once when converting a table
ALL_TABLES: dict[str, type] = {**TABLES, "errors": ErrorRecord}
# One encoder for every record: json.dumps(..., ensure_ascii=False) would build a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


@lru_cache(maxsize=1)
def _file_mode() -> int:
    # mkstemp creates 0600 files; outputs should get the usual umask-derived mode instead.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, moved onto it with os.replace when the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to path via a temporary file and os.replace (never a half-written file)."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _float(v: float) -> str:
    if v != v:
        return "NaN"
    if v in (math.inf, -math.inf):
        return "Infinity" if v > 0 else "-Infinity"
    return float.__repr__(v)


def _value(v: Any) -> str:
    """JSON of one value, exactly as json.dumps(v, ensure_ascii=False) writes it."""
    fn = _VALUE.get(type(v))
    return fn(v) if fn else _ENCODER.encode(v)


def _seq(v: Iterable[Any]) -> str:
    return "[" + ", ".join([_value(x) for x in v]) + "]"


_VALUE = {str: encode_basestring, int: int.__repr__, float: _float, bool: lambda v: "true" if v else "false",
          type(None): lambda v: "null", tuple: _seq, list: _seq}


def _seq_fast(v: Any) -> str:
    # section_path: a tuple of str (a non-str item makes encode_basestring raise: general path)
    if v.__class__ is tuple or v.__class__ is list:
        try:
            return "[" + ", ".join(map(encode_basestring, v)) + "]"
        except TypeError:
            pass
    return _value(v)


# Declared column kind -> expression writing the value `{x}` exactly as _value would; each tests
# the exact class first (a bool is an int, an int may sit in a float column), else falls back.
_KIND_EXPR = {
    "str": "_s({x}) if {x}.__class__ is str else _v({x})",
    "int": "{x} if {x}.__class__ is int else _v({x})",  # an f-string writes an exact int as its repr
    "float": "{x} if {x}.__class__ is float and {x} - {x} == 0.0 else _v({x})",  # NaN, inf: _v
    "bool": "_true if {x} is True else _false if {x} is False else _v({x})",
    "list": "_l({x})",
}
# Columns other than the first (a record's own id) that repeat along a table: a document's id and
# source name on every line, a provision's id on each of its quantities. Their JSON is looked up in
# a memo kept for one encode_records call instead of escaped again on every line.
_REPEATING = frozenset({"doc_id", "source", "section_id", "provision_id", "parent_id"})


@lru_cache(maxsize=None)
def _line_encoder(record_type: type) -> Callable[[Any], str]:
    """A function writing one record of `record_type` as a JSON line.

    Generated once per type (as dataclasses generates __init__): the fields are read by plain
    attribute loads (which the interpreter specializes for slots: cheaper than one attrgetter call
    building a tuple) and the line is assembled by one f-string (one allocation, ints and floats
    formatted in C), instead of building a dict for json.dumps or a chain of + that copies the
    growing line once per field; encoding runs for every record of the corpus. The output is
    byte-identical to json.dumps(to_dict(), ensure_ascii=False) with tuples as lists
    (tests/output/test_writers.py checks it).
    """
    kinds = column_kinds(record_type)
    names = list(kinds)
    values = []
    for i, name in enumerate(names):
        expr = _KIND_EXPR.get(kinds[name], "_v({x})").format(x=f"x{i}")
        if i and name in _REPEATING and kinds[name] == "str":
            expr = f"(_m[x{i}] if x{i} in _m else _memo(_m, x{i})) if x{i}.__class__ is str else _v(x{i})"
        elif kinds[name] == "list":  # the provisions of a section share one path tuple: written once
            expr = f"(_m[x{i}] if x{i} in _m else _memo_seq(_m, x{i})) if x{i}.__class__ is tuple else _l(x{i})"
        # A None check first where None is a declared (hence frequent) value; _v writes any other.
        values.append(f"(_null if x{i} is None else {expr})" if _nullable(record_type, name) else f"({expr})")
    # Keys are JSON-quoted identifiers: no quote, backslash or brace for the f-string to trip on.
    keys = [("{{" if i == 0 else ", ") + encode_basestring(n) + ": " for i, n in enumerate(names)]
    parts = "".join(f"{k}{{{v}}}" for k, v in zip(keys, values))
    reads = "".join(f"    x{i} = r.{name}\n" for i, name in enumerate(names))
    source = f"def line(r, _m):\n{reads}    return f'{parts}}}}}\\n'\n"
    namespace = {"_s": encode_basestring, "_v": _value, "_l": _seq_fast, "_memo": _memo, "_memo_seq": _memo_seq,
                 "_null": "null", "_true": "true", "_false": "false"}
    exec(compile(source, f"<zhengce line encoder {record_type.__name__}>", "exec"), namespace)
    return namespace["line"]


def _memo(memo: dict, value: str) -> str:
    text = memo[value] = encode_basestring(value)
    return text


def _memo_seq(memo: dict, value: tuple) -> str:
    # Keyed by the tuple itself (never equal to a str key), and only when every item is a str: a
    # tuple equal to it then writes the same JSON, which (1,) and (True,) would not.
    text = _seq_fast(value)
    if all(item.__class__ is str for item in value):
        memo[value] = text
    return text


def _nullable(record_type: type, name: str) -> bool:
    return type(None) in typing.get_args(typing.get_type_hints(record_type)[name])


def encode_records(records: Iterable[Any]) -> str:
    """Records (dataclasses, or dicts) as JSON lines, one per record."""
    out = []
    kind, line, memo = None, None, {}
    for r in records:
        if r.__class__ is not kind:  # a table holds one type: look its encoder up once
            kind = r.__class__
            line = _dict_line if isinstance(r, dict) else _line_encoder(kind)
        out.append(line(r, memo))
    return "".join(out)


def _dict_line(r: dict, memo: dict) -> str:
    return _ENCODER.encode({k: list(v) if isinstance(v, tuple) else v for k, v in r.items()}) + "\n"


class TableSink:
    """Streams JSON lines into per-table temporary files; `commit()` moves them into place."""

    def __init__(self, out_dir: Path, formats: Iterable[str] = ("jsonl",)):
        self.out_dir = Path(out_dir)
        self.formats = tuple(dict.fromkeys(formats))
        check_formats(self.formats)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._tmp: dict[str, tuple[Path, IO[bytes]]] = {}
        self.counts: dict[str, int] = {name: 0 for name in ALL_TABLES}
        for name in ALL_TABLES:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".jsonl.tmp", dir=self.out_dir)
            self._tmp[name] = (Path(tmp), os.fdopen(fd, "wb"))

    def write(self, table: str, records: Iterable[Any]) -> None:
        """Append records (dataclasses or dicts) to a table."""
        text = encode_records(records)
        self.write_lines(table, text.encode("utf-8"), text.count("\n"))

    def write_lines(self, table: str, lines: bytes, n: int) -> None:
        """Append `n` JSON lines, already encoded as UTF-8, to a table."""
        if lines:
            self._tmp[table][1].write(lines)
            self.counts[table] += n

    def error(self, err: ErrorRecord) -> None:
        """Append one record to errors.jsonl."""
        self.write("errors", [err])

    def commit(self) -> dict[str, Path]:
        """Close and atomically move every table into place; convert to the other formats asked for."""
        written = {}
        for name, (tmp, f) in self._tmp.items():
            f.close()
            os.chmod(tmp, _file_mode())
            final = self.out_dir / f"{name}.jsonl"
            os.replace(tmp, final)
            written[name] = final
        for fmt in self.formats:
            if fmt != "jsonl":
                for name, path in written.items():
                    convert_table(path, fmt, ALL_TABLES[name])
        return written

    def abort(self) -> None:
        """Drop the temporary files (an interrupted run leaves earlier outputs untouched)."""
        for tmp, f in self._tmp.values():
            f.close()
            tmp.unlink(missing_ok=True)


def check_formats(formats: Iterable[str]) -> None:
    """Fail before any work when a format is unknown or its library is missing."""
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} ({', '.join(FORMATS)})")
        if fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise RuntimeError("--format parquet needs pyarrow: pip install 'zhengce[parquet]'") from None


def iter_jsonl(path: Path) -> Iterator[dict]:
    """Records of one JSONL table, streamed."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_jsonl(path: Path) -> list[dict]:
    """Records of one JSONL table."""
    return list(iter_jsonl(path))


def batches(rows: Iterable[dict], size: int = BATCH_ROWS) -> Iterator[list[dict]]:
    """Rows in lists of at most `size`."""
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def column_kinds(record_type: type) -> dict[str, str]:
    """Column name -> str | int | float | bool | list, from the record's type hints (None allowed)."""
    hints = typing.get_type_hints(record_type)
    kinds = {}
    for name in record_type.field_names():
        t = hints[name]
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if typing.get_origin(t) is typing.Union and len(args) == 1:
            t = args[0]
        kinds[name] = "list" if typing.get_origin(t) is tuple else t.__name__
    return kinds


def convert_table(path: Path, fmt: str, record_type: type) -> Path:
    """Write a JSONL table as CSV or Parquet beside it (atomically, in bounded batches)."""
    check_formats([fmt])
    target = Path(path).with_suffix(f".{fmt}")
    with atomic_path(target) as tmp:
        if fmt == "csv":
            _write_csv(iter_jsonl(path), record_type, tmp)
        elif fmt == "parquet":
            _write_parquet(iter_jsonl(path), record_type, tmp)
        else:
            raise ValueError(f"{fmt!r} is not a conversion target")
    return target


def _write_csv(rows: Iterable[dict], record_type: type, tmp: Path) -> None:
    # utf-8-sig so that Excel opens Chinese text correctly; lists joined with "|" (section_path).
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=record_type.field_names(), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("|".join(v) if isinstance(v, list) else v) for k, v in r.items()})


def arrow_schema(record_type: type):
    """The Parquet/Arrow schema of a record type (every column nullable)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in column_kinds(record_type).items()])


def _write_parquet(rows: Iterable[dict], record_type: type, tmp: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(record_type)
    with pq.ParquetWriter(tmp, schema) as writer:
        for chunk in batches(rows):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    # An empty table still gets a valid file with the schema: ParquetWriter writes it on close.
