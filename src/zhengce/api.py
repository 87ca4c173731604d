"""The Python API: typed records for notebooks and scripts."""
from __future__ import annotations

from pathlib import Path

from .errors import ZhengceError
from .ingest import read_text
from .options import Options, default_options
from .process import FileResult, analyse, process_path


def extract(path_or_text: str | Path, *, options: Options | None = None) -> FileResult:
    """Records of one file (a path) or of text given directly; raises ZhengceError on bad input."""
    options = options or default_options()
    if isinstance(path_or_text, Path) or _names_a_file(path_or_text):
        return extract_path(path_or_text, options=options)
    from .build import build_records

    return build_records(analyse("<text>", read_text(str(path_or_text)), options))


def _names_a_file(text: str) -> bool:
    if len(text) > 4096 or "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte: it is text
        return False


def parse_quantity(expr: str):
    """Parse one quantity expression ('不少于56个学时'); None when it states no quantity."""
    from .extract.quantities import parse_quantity as parse

    return parse(expr)


def extract_path(path: str | Path, *, options: Options | None = None) -> FileResult:
    """Records of one file; raises ZhengceError with the reason when the file cannot be read."""
    path = Path(path)
    result = process_path(path, path.name, options or default_options())
    if result.error:
        raise ZhengceError(result.error.code, f"{path}: {result.error.message}")
    return result
