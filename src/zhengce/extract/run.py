"""Run the clause extractors over a document's provisions (normalized coordinates)."""
from __future__ import annotations

from typing import Any, Callable

from ..document import Document

Key = tuple[int, int]  # (article index, provision index)


def _each_provision(doc: Document, find: Callable[[str, str], list[Any]],
                    labelled: Callable[[str], bool] = lambda text: False,
                    subject: Callable[[str], bool] = lambda title: False,
                    unsubjected: Callable[[str], bool] = lambda text: False) -> dict[Key, list[Any]]:
    """Call `find(text, context)` on every provision; context = its paragraph up to it, or the paragraph
    before it for a `labelled` paragraph, or the heading's title when that is a `subject` and both the
    paragraph and the provision are `unsubjected` (1.综合协调组 / 负责…;负责…)."""
    out: dict[Key, list[Any]] = {}
    for a, provisions in enumerate(doc.layers["provisions"]):
        headings = doc.layers["headings"][a] if "headings" in doc.layers else []
        for p, prov in enumerate(provisions):
            text = doc.norm[prov.start:prov.end]
            context = doc.norm[prov.paragraph_start:prov.start]
            if not context and p and labelled(text):  # a line of its own: 牵头单位:X;配合单位:Y under its task
                context = doc.norm[provisions[p - 1].paragraph_start:provisions[p - 1].end]
            if prov.heading is not None and subject(title := headings[prov.heading].title) and unsubjected(text) \
                    and unsubjected(doc.norm[prov.paragraph_start:prov.end]):
                context = title
            found = find(text, context)
            if found:
                out[(a, p)] = found
    return out


def quantities_of(doc: Document) -> dict[Key, list[Any]]:
    """QuantityMatch lists per provision."""
    from .quantities import find_quantities

    return _each_provision(doc, find_quantities)


def responsibilities_of(doc: Document) -> dict[Key, list[Any]]:
    """ResponsibilityMatch lists per provision."""
    from .actor_scan import names_one_actor
    from .resp_tables import under_task
    from .responsibilities import find_responsibilities, opens_with_marker

    return _each_provision(doc, find_responsibilities, under_task, names_one_actor, opens_with_marker)
