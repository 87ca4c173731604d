"""A provision's kind (requirement | statistic | other), by the test SPEC gives quantities."""
from __future__ import annotations

import re

_REQUIREMENT = re.compile(r"应|要|须|必须|不得|严禁|禁止|确保|力争|不少于|不低于|不超过|至少|原则上|鼓励|支持|推动|推进|"
                          r"加强|建立|健全|完善|落实|实行|推行|开展|提高|强化|深化|实施|全面")
_STATISTIC = re.compile(r"了|已|共|先后|累计|目前|现有|达到|占|增加|减少|完成")


def provision_kind(text: str, quantity_kinds: list[str]) -> str:
    """Majority kind of its quantities; else modality cues; else 'other'."""
    if quantity_kinds:
        return max(set(quantity_kinds), key=quantity_kinds.count)
    if _REQUIREMENT.search(text):
        return "requirement"
    if _STATISTIC.search(text):
        return "statistic"
    return "other"
