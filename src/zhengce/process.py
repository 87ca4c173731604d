"""One file in, typed records out: the unit of work a batch worker runs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document
from .errors import ZhengceError
from .ingest import ExtractedText, read_file
from .options import Options
from .pipeline import Pipeline
from .records import Article, ErrorRecord, Provision, Quantity, Responsibility, Section
from .text.normalize import normalize

_PIPELINE: Pipeline | None = None


@dataclass(slots=True)
class FileResult:
    """Everything one file produced (or why it failed)."""

    source: str
    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    error: ErrorRecord | None = None
    derived_text: str | None = None  # extracted plain text to save beside the output (html/pdf/docx)
    chars: int = 0

    def tables(self) -> dict[str, list[Any]]:
        """Records per output table."""
        return {"documents": self.articles, "sections": self.sections, "provisions": self.provisions,
                "quantities": self.quantities, "responsibilities": self.responsibilities}


def pipeline() -> Pipeline:
    """The process-wide pipeline (built once per worker)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def analyse(source: str, extracted: ExtractedText, options: Options) -> Document:
    """Normalize and run every stage on already-extracted text."""
    doc = Document.build(source, extracted, normalize(extracted.text, join_lines=options.join_lines))
    return pipeline()(doc, options)


def process_path(path: Path, source: str, options: Options) -> FileResult:
    """Read, analyse and turn one file into records; bad input becomes an ErrorRecord."""
    stage = "ingest"
    try:
        extracted = read_file(path)
        stage = "pipeline"
        doc = analyse(source, extracted, options)
        if not doc.layers["articles"]:
            raise ZhengceError("ZC-E108")
        from .build import build_records

        result = build_records(doc)
    except ZhengceError as e:
        return FileResult(source, error=ErrorRecord(source, stage, e.code, e.message))
    except Exception as e:  # noqa: BLE001 - one file's bug must not stop the batch; it is reported
        msg = f"{type(e).__name__}: {e}"
        return FileResult(source, error=ErrorRecord(source, stage, "ZC-E301", msg[:300]))
    result.chars = len(extracted.text)
    if extracted.derived:
        result.derived_text = extracted.text
    return result
