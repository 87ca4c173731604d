"""A provision's kind (requirement | statistic | other), by the test SPEC gives quantities."""
from __future__ import annotations

from .kind import cues, sentence_kind


def provision_kind(text: str, quantity_kinds: list[str]) -> str:
    """Majority kind of its quantities; else the kind model where a modality cue speaks; else 'other'."""
    if quantity_kinds:
        return max(sorted(set(quantity_kinds)), key=quantity_kinds.count)
    c = cues()
    if c["requirement_re"].search(text) or c["statistic_re"].search(text):
        return sentence_kind(text)
    return "other"
