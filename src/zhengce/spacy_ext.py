"""spaCy adapter: zhengce's records as spans of a spaCy `Doc`.

zhengce's own character-offset records are the data model; this module only shows them to spaCy
users. `nlp.add_pipe("zhengce")` (registered through the `spacy_factories` entry point, so no
import is needed) runs the zhengce pipeline on `doc.text` and fills

- `doc.spans["zhengce_provisions"]` (label: requirement | statistic | other),
- `doc.spans["zhengce_quantities"]` (label: requirement | statistic),
- `doc.spans["zhengce_responsibilities"]` (label: lead | support | oversee | fund | execute),
- `doc.spans["zhengce_sections"]` (label: the heading's level, "1", "2", …),

each span carrying its record as a plain dict in `span._.zhengce` (plain, so `Doc.to_bytes` still
works; `zhengce.records.Quantity(**span._.zhengce)` gives the typed record back).
Record offsets are characters of `doc.text`; a record whose characters do not fall on token
boundaries is widened to the tokens that cover it (never dropped) — its exact offsets stay in the
dict. Works with any Chinese tokenizer (`spacy.blank("zh")` splits characters; jieba or pkuseg
segmenters give word tokens).
"""
from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .build import build_records
from .ingest import read_text
from .options import Options, default_options
from .process import analyse

EXTENSION = "zhengce"
SPAN_KEYS = {
    "sections": "zhengce_sections",
    "provisions": "zhengce_provisions",
    "quantities": "zhengce_quantities",
    "responsibilities": "zhengce_responsibilities",
}


def install_extensions() -> None:
    """Register `Span._.zhengce` and `Doc._.zhengce` (the documents table) once per process."""
    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


class ZhengceComponent:
    """A pipeline component that annotates a Doc with zhengce records."""

    def __init__(self, options: Options | None = None):
        install_extensions()
        self.options = options or default_options()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text.strip():
            doc._.set(EXTENSION, [])
            for key in SPAN_KEYS.values():
                doc.spans[key] = []
            return doc
        result = build_records(analyse("<spacy>", read_text(doc.text), self.options))
        doc._.set(EXTENSION, [a.to_dict() for a in result.articles])
        doc.spans[SPAN_KEYS["sections"]] = _spans(doc, result.sections, lambda r: str(r.level))
        doc.spans[SPAN_KEYS["provisions"]] = _spans(doc, result.provisions, lambda r: r.kind)
        doc.spans[SPAN_KEYS["quantities"]] = _spans(doc, result.quantities, lambda r: r.kind)
        doc.spans[SPAN_KEYS["responsibilities"]] = _spans(doc, result.responsibilities, lambda r: r.role)
        return doc


def _spans(doc: Doc, records: Iterable[Any], label) -> list[Span]:
    out = []
    for record in records:
        # "expand": a quantity inside a jieba word (56 in 56个学时) still gets a span, the word.
        span = doc.char_span(record.start, record.end, label=label(record), alignment_mode="expand")
        if span is None:  # only for an empty span: records are never empty, so this is a bug
            raise ValueError(f"zhengce record {record} has no characters in the Doc")
        span._.set(EXTENSION, record.to_dict())
        out.append(span)
    return out


@Language.factory("zhengce", default_config={"join_lines": True, "quantities": True, "responsibilities": True})
def make_component(nlp: Language, name: str, join_lines: bool, quantities: bool,
                   responsibilities: bool) -> ZhengceComponent:
    """The `zhengce` pipe; config keys mirror the Options of the same names."""
    options = default_options().with_(join_lines=join_lines, extract_quantities=quantities,
                                        extract_responsibilities=responsibilities)
    return ZhengceComponent(options)
