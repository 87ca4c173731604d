"""Table writers: JSONL (default), CSV, Parquet; every output is written atomically."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable

from ..records import TABLES, ErrorRecord


def atomic_write_text(path: Path, text: str) -> None:
    """Write text to path via a temporary file and os.replace (never a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


class TableSink:
    """Streams records into per-table temporary files; `commit()` moves them into place."""

    def __init__(self, out_dir: Path, formats: Iterable[str] = ("jsonl",)):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.formats = tuple(formats)
        self._tmp: dict[str, tuple[Path, IO[str]]] = {}
        self.counts: dict[str, int] = {name: 0 for name in (*TABLES, "errors")}
        for name in (*TABLES, "errors"):
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".jsonl", dir=self.out_dir)
            self._tmp[name] = (Path(tmp), os.fdopen(fd, "w", encoding="utf-8"))

    def write(self, table: str, records: Iterable[Any]) -> None:
        """Append records (dataclasses with to_dict, or dicts) to a table."""
        f = self._tmp[table][1]
        for r in records:
            d = r.to_dict() if hasattr(r, "to_dict") else r
            f.write(json.dumps({k: _jsonable(v) for k, v in d.items()}, ensure_ascii=False) + "\n")
            self.counts[table] += 1

    def error(self, err: ErrorRecord) -> None:
        self.write("errors", [err])

    def commit(self) -> dict[str, Path]:
        """Close and atomically move every table into place; convert to other formats if asked."""
        written = {}
        for name, (tmp, f) in self._tmp.items():
            f.close()
            final = self.out_dir / f"{name}.jsonl"
            os.replace(tmp, final)
            written[name] = final
        for fmt in self.formats:
            if fmt != "jsonl":
                for name, path in written.items():
                    convert_table(path, fmt, TABLES.get(name) or ErrorRecord)
        return written

    def abort(self) -> None:
        """Drop the temporary files (an interrupted run leaves earlier outputs untouched)."""
        for tmp, f in self._tmp.values():
            f.close()
            tmp.unlink(missing_ok=True)


def read_jsonl(path: Path) -> list[dict]:
    """Records of one JSONL table."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def convert_table(path: Path, fmt: str, record_type: type) -> Path:
    """Write a JSONL table as CSV or Parquet beside it (atomically)."""
    rows = read_jsonl(path)
    columns = record_type.field_names()
    target = path.with_suffix(f".{fmt}")
    if fmt == "csv":
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow({k: ("|".join(v) if isinstance(v, list) else v) for k, v in r.items()})
        os.replace(tmp, target)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
        tmp = target.with_name(f".{target.name}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, target)
    else:
        raise ValueError(f"unknown format {fmt!r} (jsonl, csv, parquet)")
    return target
