"""`zhengce quantities FILE` and `zhengce who PATH`: readable tables of one kind of record."""
from __future__ import annotations

import csv
import io
import json
import sys

from typing import Iterable

from .batch import collect_inputs
from .options import default_options
from .process import process_path

_WHO_COLUMNS = ("actor", "role", "duty", "deadline", "source", "start", "end")
_QTY_COLUMNS = ("text", "value", "low", "high", "unit", "comparator", "per", "subject", "time", "kind", "start", "end")
_ROLE_NAMES = {"lead": "牵头/负责", "support": "配合", "oversee": "监督/指导", "fund": "经费保障", "execute": "执行"}


def _records(paths: Iterable[str], table: str) -> tuple[list[dict], list[str]]:
    files, missing = collect_inputs(paths)
    rows, errors = [], [f"{e.source}: {e.message}" for e in missing]
    for f in files:
        result = process_path(f.path, f.source, default_options())
        if result.error:
            errors.append(f"{f.source}: {result.error.message}")
            continue
        rows.extend(r.to_dict() for r in result.tables()[table])
    return rows, errors


def render(rows: list[dict], columns: tuple[str, ...], fmt: str) -> str:
    """Rows as csv, json (one array), md (a Markdown table) or text (aligned columns)."""
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    if fmt == "md":
        head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
        return head + "".join("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |\n" for row in cells)
    widths = [min(40, max([_width(c)] + [_width(row[i]) for row in cells])) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths))]
    lines += ["  ".join(_pad(_clip(v, w), w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines) + "\n"


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _clip(s: str, width: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = 2 if ord(ch) > 0x2E80 else 1
        if w + cw > width - 1 and _width(s) > width:
            return out + "…"
        out, w = out + ch, w + cw
    return out


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _run(args, table: str, columns: tuple[str, ...]) -> int:
    rows, errors = _records(args.paths, table)
    for e in errors:
        print(f"zhengce: {e}", file=sys.stderr)
    if table == "responsibilities" and args.format in ("text", "md"):
        rows = [dict(r, role=f"{r['role']} {_ROLE_NAMES.get(r['role'], '')}".strip()) for r in rows]
    sys.stdout.write(render(rows, columns, args.format))
    return 0 if not errors else (2 if not rows else 1)


def register(sub) -> None:
    """Add the `quantities` and `who` sub-commands."""
    q = sub.add_parser("quantities", help="print the quantities of files as a readable table",
                       description="Extract and print every quantity expression (value or range, unit, "
                                   "comparator, basis, time, subject, requirement/statistic).")
    q.add_argument("paths", nargs="+", metavar="PATH", type=str, help="files or folders")
    q.add_argument("--format", choices=["text", "csv", "json", "md"], default="text")
    q.set_defaults(func=lambda a: _run(a, "quantities", ("source",) + _QTY_COLUMNS))
    w = sub.add_parser("who", help="print the task-division table (责任分工表): actor, role, duty, deadline",
                       description="Who must do what: every explicit assignment of a duty to a named actor, "
                                   "with its role (lead, support, oversee, fund, execute), the duty, the "
                                   "deadline where the text gives one, and where it came from.")
    w.add_argument("paths", nargs="+", metavar="PATH", type=str, help="files or folders")
    w.add_argument("--format", choices=["text", "csv", "json", "md"], default="text")
    w.set_defaults(func=lambda a: _run(a, "responsibilities", _WHO_COLUMNS))


__all__ = ["register", "render"]
