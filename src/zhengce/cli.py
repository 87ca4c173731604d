"""Command line: `zhengce extract|quantities|who|diff|check|compare|index`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .batch import default_workers, progress_printer, run_batch
from .options import default_options

_DESCRIPTION = """zhengce (政策): turn Chinese government policy documents into structured,
comparable records — articles, section trees, provisions, quantitative requirements
and responsibility assignments, every one pointing at the exact characters of its source."""


def _add_extract(sub) -> None:
    from .engines import ENGINES

    p = sub.add_parser(
        "extract", help="extract records from files and folders into JSONL tables",
        description="Read .txt (UTF-8/GB18030/Big5/UTF-16), .html, .pdf and .docx files (folders recursively) "
                    "and write documents, sections, provisions, quantities and responsibilities tables "
                    "(one JSON object a line) plus errors.jsonl to OUT. Files that fail are reported and "
                    "the batch goes on. Output is the same, byte for byte, whatever -j or --engine.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    p.add_argument("-o", "--out", required=True, type=Path, metavar="OUT", help="output folder (created)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {default_workers()}; "
                        "with --engine dask and no --scheduler: LocalCluster workers, default 2)")
    p.add_argument("--format", action="append", choices=["jsonl", "csv", "parquet"], default=None,
                   help="also write tables in this format (repeatable); JSONL is always written")
    p.add_argument("--db", type=Path, metavar="FILE",
                   help="also write every table into a database: FILE.sqlite (SQLite) or FILE.duckdb "
                        "(needs the duckdb package); one table per record type, keyed by its id")
    p.add_argument("--resume", action="store_true",
                   help="skip files whose content and settings are unchanged since the last run into OUT")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: this machine (default); dask: a dask.distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster)")
    p.add_argument("--progress", action="store_true",
                   help="draw the progress bar even when stderr is not a terminal")
    p.add_argument("--no-join-lines", action="store_true", help="do not re-join lines broken inside sentences")
    p.add_argument("--grammar-roles", action="store_true",
                   help="give each responsibility the role the duties grammar reads off its marker word, without "
                        "the learned role model (models/role.json; README, Quality)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=_cmd_extract)


def _cmd_extract(args) -> int:
    options = default_options().with_(join_lines=not args.no_join_lines,
                                      learned_roles=False if args.grammar_roles else None)
    if args.engine == "dask" and not args.scheduler:
        workers = args.jobs or 2
    else:
        workers = args.jobs if args.jobs is not None else (options.workers or default_workers())
    formats = tuple(dict.fromkeys(["jsonl", *(args.format or [])]))
    show = progress_printer() if args.progress or (not args.quiet and sys.stderr.isatty()) else None
    try:
        summary = run_batch(args.paths, args.out, options, workers=max(1, workers), resume=args.resume,
                            formats=formats, db=args.db, engine=args.engine, scheduler=args.scheduler,
                            progress=show)
    except (RuntimeError, ValueError) as e:  # a missing optional library or a bad flag combination
        print(f"zhengce: {e}", file=sys.stderr)
        return 2
    if not args.quiet:
        _print_summary(summary, args.out, args.db)
    return summary.exit_code


def _print_summary(summary, out: Path, db: Path | None = None) -> None:
    c = summary.counts
    rate = summary.chars / summary.seconds / 1e6 if summary.seconds else 0.0
    err = sys.stderr
    print(f"zhengce: {summary.files} files ({summary.skipped} unchanged, skipped) in {summary.seconds:.1f}s, "
          f"{rate:.2f} M chars/s -> {out}" + (f" and {db}" if db else ""), file=err)
    print(f"  articles {c.get('documents', 0)}  sections {c.get('sections', 0)}  provisions "
          f"{c.get('provisions', 0)}  quantities {c.get('quantities', 0)}  responsibilities "
          f"{c.get('responsibilities', 0)}", file=err)
    if summary.failed:
        print(f"  {summary.failed} file(s) failed (see {out / 'errors.jsonl'}):", file=err)
        for e in summary.errors[:20]:
            print(f"    {e.source}: {e.message} [{e.code}]", file=err)
        if summary.failed > 20:
            print(f"    … and {summary.failed - 20} more", file=err)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="zhengce", description=_DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"zhengce {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub)
    for register in _extra_commands():
        register(sub)
    return parser


def _extra_commands():
    """Sub-commands living in their own modules (quantities, who, diff, check, compare, index)."""
    from . import commands

    return commands.REGISTER


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `zhengce` script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("zhengce: interrupted; outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
