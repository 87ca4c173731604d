"""The pipeline: named stages with declared inputs and outputs, run per document.

Data flows one way: ingest -> normalize -> segment -> extract. Each stage is a
callable `(Document, Options) -> None` that writes the layers it `assigns`;
`Pipeline` refuses an order in which a stage reads a layer no earlier stage
writes (the spaCy `requires`/`assigns` contract).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .document import Document
from .options import Options
from .segment.articles import find_articles
from .segment.boilerplate import mark_furniture
from .segment.metadata import article_meta
from .segment.provisions import find_provisions
from .segment.sections import find_headings


@dataclass(frozen=True, slots=True)
class Stage:
    """One pipeline step."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Document, Options], None]


def _furniture(doc: Document, options: Options) -> None:
    mark_furniture(doc.lines)
    doc.layers["furniture"] = True


def _articles(doc: Document, options: Options) -> None:
    spans = find_articles(doc)
    header = [l for l in doc.lines[: spans[0].first]] if spans else []
    doc.layers["articles"] = spans
    doc.layers["meta"] = [article_meta(doc, s, header) for s in spans]


def _sections(doc: Document, options: Options) -> None:
    doc.layers["headings"] = [find_headings(doc, s) for s in doc.layers["articles"]]


def _provisions(doc: Document, options: Options) -> None:
    doc.layers["provisions"] = [
        find_provisions(doc, s, h) for s, h in zip(doc.layers["articles"], doc.layers["headings"])
    ]


def _quantities(doc: Document, options: Options) -> None:
    from .extract.run import quantities_of

    doc.layers["quantities"] = quantities_of(doc) if options.extract_quantities else {}


def _responsibilities(doc: Document, options: Options) -> None:
    from .extract.run import responsibilities_of

    doc.layers["responsibilities"] = responsibilities_of(doc, options.learned_roles) \
        if options.extract_responsibilities else {}


STAGES: tuple[Stage, ...] = (
    Stage("furniture", ("lines",), ("furniture",), _furniture),
    Stage("articles", ("furniture",), ("articles", "meta"), _articles),
    Stage("sections", ("articles",), ("headings",), _sections),
    Stage("provisions", ("headings",), ("provisions",), _provisions),
    Stage("quantities", ("provisions",), ("quantities",), _quantities),
    Stage("responsibilities", ("provisions",), ("responsibilities",), _responsibilities),
)


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: tuple[Stage, ...] = STAGES):
        available = {"lines"}
        for stage in stages:
            missing = set(stage.requires) - available
            if missing:
                raise ValueError(f"stage {stage.name!r} reads {sorted(missing)} before any stage writes it")
            available |= set(stage.assigns)
        self.stages = stages

    def __call__(self, doc: Document, options: Options) -> Document:
        for stage in self.stages:
            stage.run(doc, options)
        return doc

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]
