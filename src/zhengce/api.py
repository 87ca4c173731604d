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
    if isinstance(path_or_text, Path) or (len(path_or_text) < 1024 and "\n" not in path_or_text
                                          and Path(path_or_text).is_file()):
        return extract_path(path_or_text, options=options)
    from .build import build_records

    return build_records(analyse("<text>", read_text(str(path_or_text)), options))


def extract_path(path: str | Path, *, options: Options | None = None) -> FileResult:
    """Records of one file; raises ZhengceError with the reason when the file cannot be read."""
    path = Path(path)
    result = process_path(path, path.name, options or default_options())
    if result.error:
        raise ZhengceError(result.error.code, f"{path}: {result.error.message}")
    return result
