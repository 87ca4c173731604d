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
    p = sub.add_parser(
        "extract", help="extract records from files and folders into JSONL tables",
        description="Read .txt (UTF-8/GB18030/Big5/UTF-16), .html, .pdf and .docx files (folders recursively) "
                    "and write documents, sections, provisions, quantities and responsibilities tables "
                    "(one JSON object a line) plus errors.jsonl to OUT. Files that fail are reported and "
                    "the batch goes on.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to read")
    p.add_argument("-o", "--out", required=True, type=Path, metavar="OUT", help="output folder (created)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {default_workers()})")
    p.add_argument("--format", action="append", choices=["jsonl", "csv", "parquet"], default=None,
                   help="also write tables in this format (repeatable); JSONL is always written")
    p.add_argument("--resume", action="store_true",
                   help="skip files whose content and settings are unchanged since the last run into OUT")
    p.add_argument("--no-join-lines", action="store_true", help="do not re-join lines broken inside sentences")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=_cmd_extract)


def _cmd_extract(args) -> int:
    options = default_options().with_(join_lines=not args.no_join_lines)
    workers = args.jobs if args.jobs is not None else (options.workers or default_workers())
    formats = tuple(dict.fromkeys(["jsonl", *(args.format or [])]))
    show = None if args.quiet or not sys.stderr.isatty() else progress_printer()
    summary = run_batch(args.paths, args.out, options, workers=max(1, workers), resume=args.resume,
                        formats=formats, progress=show)
    if not args.quiet:
        _print_summary(summary, args.out)
    return summary.exit_code


def _print_summary(summary, out: Path) -> None:
    c = summary.counts
    rate = summary.chars / summary.seconds / 1e6 if summary.seconds else 0.0
    err = sys.stderr
    print(f"zhengce: {summary.files} files ({summary.skipped} unchanged, skipped) in {summary.seconds:.1f}s, "
          f"{rate:.2f} M chars/s -> {out}", file=err)
    print(f"  articles {c.get('documents', 0)}  sections {c.get('sections', 0)}  provisions "
          f"{c.get('provisions', 0)}  quantities {c.get('quantities', 0)}  responsibilities "
          f"{c.get('responsibilities', 0)}", file=err)
    if summary.errors:
        print(f"  {len(summary.errors)} file(s) failed (see {out / 'errors.jsonl'}):", file=err)
        for e in summary.errors[:20]:
            print(f"    {e.source}: {e.message} [{e.code}]", file=err)
        if len(summary.errors) > 20:
            print(f"    … and {len(summary.errors) - 20} more", file=err)


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
