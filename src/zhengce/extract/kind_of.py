"""A provision's kind (requirement | statistic | other), by the test SPEC gives quantities."""
from __future__ import annotations

from .kind import cues


def provision_kind(text: str, quantity_kinds: list[str]) -> str:
    """Majority kind of its quantities (their model decides); else the modality cues; else 'other'.

    Only sentences that hold a number go through the learned model: running it on every
    provision would cost more than the rest of the pipeline together.
    """
    if quantity_kinds:
        return max(sorted(set(quantity_kinds)), key=quantity_kinds.count)
    c = cues()
    required = len(c["requirement_re"].findall(text))
    reported = len(c["statistic_re"].findall(text))
    if not required and not reported:
        return "other"
    return "requirement" if required >= reported else "statistic"
