"""A provision's kind (requirement | statistic | other), by the test SPEC gives quantities."""
from __future__ import annotations

from typing import Callable, Sequence

from .kind import cues


def provision_kind(text: str, quantity_kinds: Sequence[str], normative: bool) -> str:
    """Majority kind of its quantities (their model decides); else modality cues weighed against
    what the article is: in a document that prescribes, a sentence is a rule unless it reports.

    Only sentences that hold a number go through the learned model: running it on every
    provision would cost more than the rest of the pipeline together.
    """
    return provision_kinds(normative)(text, quantity_kinds)


def provision_kinds(normative: bool) -> Callable[[str, Sequence[str]], str]:
    """`provision_kind` for the provisions of one article, its cue patterns bound once: it runs on
    every sentence of the corpus."""
    c = cues()
    statistic, requirement = c["statistic_re"].findall, c["requirement_re"]

    def kind(text: str, quantity_kinds: Sequence[str]) -> str:
        if quantity_kinds:
            return max(sorted(set(quantity_kinds)), key=quantity_kinds.count)
        reported = len(statistic(text))
        if not reported:  # most sentences report nothing: no need to count what they require (speed)
            return "requirement" if normative or requirement.search(text) else "other"
        required = len(requirement.findall(text))
        if normative:
            return "statistic" if reported > required else "requirement"
        return "requirement" if required > reported else "statistic"

    return kind

