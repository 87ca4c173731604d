"""A provision's kind (requirement | statistic | other), by the test SPEC gives quantities."""
from __future__ import annotations

from .kind import cues


def provision_kind(text: str, quantity_kinds: list[str], normative: bool) -> str:
    """Majority kind of its quantities (their model decides); else modality cues weighed against
    what the article is: in a document that prescribes, a sentence is a rule unless it reports.

    Only sentences that hold a number go through the learned model: running it on every
    provision would cost more than the rest of the pipeline together.
    """
    if quantity_kinds:
        return max(sorted(set(quantity_kinds)), key=quantity_kinds.count)
    c = cues()
    reported = len(c["statistic_re"].findall(text))
    if not reported:  # most sentences report nothing: no need to count what they require (speed)
        return "requirement" if normative or c["requirement_re"].search(text) else "other"
    required = len(c["requirement_re"].findall(text))
    if normative:
        return "statistic" if reported > required else "requirement"
    return "requirement" if required > reported else "statistic"
