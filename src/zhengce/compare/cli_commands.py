"""Sub-commands `diff`, `check`, `compare` and `index` (registered through zhengce.commands)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

_FORMATS = ("text", "json", "html")


def _add_output(p: argparse.ArgumentParser, html: bool = True) -> None:
    p.add_argument("--format", choices=_FORMATS if html else _FORMATS[:2], default="text",
                   help="text: readable terminal view (default); json: machine-readable"
                        + ("; html: one self-contained page (needs -o)" if html else ""))
    p.add_argument("-o", "--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")


def _parser(sub, name: str, func, help: str, description: str) -> argparse.ArgumentParser:
    """A sub-parser whose command runs `func`."""
    p = sub.add_parser(name, help=help, description=description)
    p.set_defaults(func=func)
    return p


def _add_jobs(p: argparse.ArgumentParser, what: str = "worker processes for extraction") -> None:
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help=f"{what} (default 1)")


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        out.write_text(text, encoding="utf-8")
        print(f"zhengce: wrote {out}", file=sys.stderr)


def register_diff(sub) -> None:
    """`zhengce diff A B`."""
    p = _parser(
        sub, "diff", _cmd_diff, help="align the provisions of two documents (or folders) and compare their numbers",
        description="For each clause of A, the clauses of B that state the same measure (or none), and where both "
                    "set a number for the same subject on the same basis, which side is stricter (for >= "
                    "requirements the larger number, for <= the smaller). --format json prints exactly the "
                    "record of SPEC (pairs, only_a, only_b).")
    p.add_argument("a", type=Path, metavar="A", help="a document or a folder of documents")
    p.add_argument("b", type=Path, metavar="B", help="a document or a folder of documents")
    _add_output(p)
    p.add_argument("--explain", action="store_true", help="json: add the shared terms and numbers to each pair")


def _cmd_diff(args) -> int:
    from .diff import diff

    result = diff(args.a, args.b)
    if args.format == "json":
        _emit(json.dumps(result.to_dict(explain=args.explain), ensure_ascii=False, indent=1), args.out)
    elif args.format == "html":
        from .report import render_diff

        if args.out is None:
            print("zhengce diff: --format html needs -o FILE", file=sys.stderr)
            return 2
        _emit(render_diff(result, args.a.name, args.b.name), args.out)
    else:
        _emit(_diff_text(result), args.out)
    return 0


def _diff_text(result) -> str:
    lines = [f"{len(result.pairs)} matched pairs, {len(result.only_a)} only in A, {len(result.only_b)} only in B", ""]
    for p in result.pairs:
        lines.append(f"A {p.a.source}:{p.a.start}-{p.a.end}  {p.a.text}")
        lines.append(f"B {p.b.source}:{p.b.start}-{p.b.end}  {p.b.text}")
        why = f"score {p.score:.2f}" + (f"; shared: {', '.join(p.shared)}" if p.shared else "")
        lines.append(f"  = {why}")
        for c in p.comparisons:
            verdict = {"a_stricter": "A is stricter", "b_stricter": "B is stricter", "same": "same"}[c.relation]
            lines.append(f"  # {c.a.quantity.text}  vs  {c.b.quantity.text}: {verdict}")
        lines.append("")
    for tag, spans in (("A", result.only_a), ("B", result.only_b)):
        if spans:
            lines.append(f"Only in {tag}:")
            lines.extend(f"  {s.source}:{s.start}-{s.end}  {s.text}" for s in spans)
            lines.append("")
    return "\n".join(lines)


def register_check(sub) -> None:
    """`zhengce check DRAFT --against FOLDER`."""
    p = _parser(
        sub, "check", _cmd_check, help="check a draft against precedents: closest provisions, numbers out of range, missing measures",
        description="For each provision of DRAFT: the closest precedent clauses and their jurisdictions. Then the "
                    "draft numbers outside the range the precedents set for the same measure, and the measures "
                    "most precedent documents state that the draft lacks. --against takes a folder (indexed in "
                    "memory) or an index built by `zhengce index` (fast for large folders).")
    p.add_argument("draft", type=Path, metavar="DRAFT", help="the draft document")
    p.add_argument("--against", required=True, type=Path, metavar="FOLDER_OR_INDEX",
                   help="folder of precedent documents, or an index folder from `zhengce index`")
    p.add_argument("--top", type=int, default=3, metavar="N", help="precedents shown per provision (default 3)")
    p.add_argument("--min-share", type=float, default=0.5, metavar="X",
                   help="a measure is 'common' when at least this share of precedent documents state it (0.5)")
    _add_jobs(p, "worker processes when indexing a folder")
    _add_output(p, html=False)


def _cmd_check(args) -> int:
    from .check import check

    result = check(args.draft, args.against, top=args.top, min_share=args.min_share, workers=args.jobs)
    if args.format == "json":
        _emit(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), args.out)
    else:
        _emit(_check_text(result), args.out)
    return 0


def _check_text(result) -> str:
    lines = [f"Draft {result.draft}", ""]
    for span, precedents in result.provisions:
        if not precedents:
            continue
        lines.append(f"{span.start}-{span.end}  {span.text}")
        for p in precedents:
            lines.append(f"    {p.score:.2f}  [{p.jurisdiction or '?'}] {p.span.source}:{p.span.start}  {p.span.text}")
    lines.append(f"\nNumbers outside the precedents' range: {len(result.out_of_range)}")
    for o in result.out_of_range:
        places = sorted({p.jurisdiction or p.span.source for p in o.precedents})
        lines.append(f"  {o.quantity.quantity.text}: precedents {o.low:g}..{o.high:g} ({', '.join(places)})")
    lines.append(f"\nMeasures most precedents have and the draft lacks: {len(result.missing)}")
    for m in result.missing:
        lines.append(f"  {m.share:.0%} of documents ({', '.join(m.jurisdictions[:5])}): {m.example.text}")
    return "\n".join(lines)


def register_compare(sub) -> None:
    """`zhengce compare FOLDER -o table.csv`."""
    p = _parser(
        sub, "compare", _cmd_compare, help="table of quantified measures across documents: one row per measure, one column per place",
        description="Cluster the requirement numbers of every document in FOLDER into measures (same unit, same "
                    "basis, similar subject) and write one row per measure with one column per jurisdiction; "
                    "cells hold comparator, value, unit and basis. The extension of -o picks the format: .csv, "
                    ".parquet (pyarrow) or .xlsx (openpyxl).")
    p.add_argument("folder", type=Path, metavar="FOLDER", help="folder of documents (or one file)")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="TABLE", help="table.csv | .parquet | .xlsx")
    p.add_argument("--min-docs", type=int, default=2, metavar="N",
                   help="keep measures set by at least N documents (default 2)")
    _add_jobs(p)


def _cmd_compare(args) -> int:
    from .table import compare, write_table

    columns, rows = compare(args.folder, min_docs=args.min_docs, workers=args.jobs)
    write_table(columns, rows, args.out)
    print(f"zhengce: {len(rows)} measures x {len(columns)} jurisdictions -> {args.out}", file=sys.stderr)
    return 0


def register_index(sub) -> None:
    """`zhengce index FOLDER -o DIR`."""
    p = _parser(
        sub, "index", _cmd_index, help="extract and vectorize a folder once, for fast `check --against DIR`",
        description="Extract every document in FOLDER, fit the similarity model and save provisions, quantities, "
                    "vectors and measure clusters to DIR (JSON + npz, no pickle). `zhengce check DRAFT --against "
                    "DIR` then needs no re-extraction.")
    p.add_argument("folder", type=Path, metavar="FOLDER", help="folder of precedent documents")
    p.add_argument("-o", "--out", type=Path, required=True, metavar="DIR", help="index folder (created)")
    _add_jobs(p)


def _cmd_index(args) -> int:
    from .index import build_index, save_index

    index = build_index([args.folder], workers=max(1, args.jobs))
    save_index(index, args.out)
    docs = len({u.doc_id for u in index.side.units})
    print(f"zhengce: indexed {docs} articles, {len(index.side.units)} clauses, "
          f"{len(index.side.quantities)} quantities -> {args.out}", file=sys.stderr)
    return 0


REGISTER = [register_diff, register_check, register_compare, register_index]
