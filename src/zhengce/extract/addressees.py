"""A notice's addressees as actors (SPEC: Responsibilities): the line naming them before the body
(各市(州)民政局,贵安新区社会事务局:) and the instruction of the notice (请结合实际认真贯彻执行) make one `execute`
record per comma group of the line, its duty the instruction. The words are in data/zh/addressees.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..rules import load_yaml, trie_regex
from .actor_scan import find_mentions
from .responsibilities import ResponsibilityMatch

_KEYS = frozenset({"instruction_verbs", "instruction_reach", "line_max_len", "group_coverage", "every", "all_addressees",
                   "instruction_reach_to_all"})
_GROUP = re.compile(r"[^,;:]+")
_LEVELLED = re.compile(r"各?[^、]{0,6}?(?:乡镇|街道|县|市|区|镇|乡|村|社区)")  # a name with a level of its own
_OPENING = 3  # provisions of an article the addressee line may be among (after a preamble line or two)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = load_yaml("addressees", _KEYS)
    verbs = trie_regex(data["instruction_verbs"])
    # 请, a few words that are no actor's name (a comma among them: 请结合实际,认真抓好贯彻落实), the verb, to the
    # clause's end
    data["instruction"] = re.compile(f"请(?P<duty>[^;。!?]{{0,{int(data['instruction_reach'])}}}?(?:{verbs})[^,;。!?]*)")
    # 请各单位对照本通报要求,举一反三,认真抓好整改落实: all the addressees, by a word for all of them
    data["instruction_to_all"] = re.compile(
        f"请(?:{trie_regex(data['all_addressees'])})(?P<duty>[^;。!?]{{0,{int(data['instruction_reach_to_all'])}}}?"
        f"(?:{verbs})[^,;。!?]*)")
    return data


def addressee_groups(text: str) -> list[tuple[int, int]]:
    """Spans of the comma groups of an addressee line (各县(市、区)民政局,市直有关单位:), or [] if `text` is none:
    a line ending in a colon, its first group mostly an actor's name, every other one naming an actor or
    all of a kind (市政府各局委办, 街道各科室、各站所)."""
    rules, body = _rules(), text.rstrip()
    if not body.endswith(":") or len(body) > rules["line_max_len"]:
        return []
    mentions = find_mentions(body)
    groups = [m.span() for m in _GROUP.finditer(body, 0, len(body) - 1) if m.group().strip()]
    for k, (s, e) in enumerate(groups):
        named = sum(min(m.end, e) - max(m.start, s) for m in mentions if m.start < e and m.end > s)
        if k == 0 and named < rules["group_coverage"] * (e - s) and not any(m.end == e for m in mentions):
            return []  # (a group closed by an actor's name counts: 漳州高新区、漳州开发区有关部门)
        if k and not named and rules["every"] not in body[s:e]:
            return []
    return groups


def instruction(text: str) -> Optional[str]:
    """The duty a notice's instruction to its addressees gives (结合实际认真贯彻执行), if `text` holds one
    that names no other actor."""
    m = _rules()["instruction"].search(text)
    if not m or find_mentions(m.group("duty")):
        m = _rules()["instruction_to_all"].search(text)  # (请各单位…: every addressee)
        if not m or find_mentions(m.group("duty")):
            return None  # (请各乡镇认真落实 addresses 各乡镇: the clause extractor reads it)
    return m.group("duty").strip(" ,")


def addressee_records(doc: Document) -> dict[tuple[int, int], list[ResponsibilityMatch]]:
    """{(article, provision): records} for the addressee lines of each article that its instruction follows."""
    out = {}
    for a, provisions in enumerate(doc.layers["provisions"]):
        # the line opens the article's text, before any heading (a 县民政局: line of a duty list is no addressee)
        for p, prov in enumerate(provisions[:_OPENING]):
            text = doc.norm[prov.start:prov.end]
            if prov.heading is not None or ":" not in text or not (groups := addressee_groups(text)):
                continue
            later = (doc.norm[q.start:q.end] for q in provisions[p + 1:])
            duty = next((d for t in later if "请" in t and (d := instruction(t))), None)
            if duty:
                out[(a, p)] = [ResponsibilityMatch(s, e, text[s:e].strip(), "execute", duty, None)
                               for group in groups for s, e in _units(text, *group)]
    return out


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans one comma group of the line addresses: each unit of a 、 list of whole names (各乡镇人民政府、
    街道办事处: two), else the group (各设区市委组织部、民政局: the level is shared, the group is one addressee)."""
    if "、" not in text[start:end]:
        return [(start, end)]
    parts, pos = [], start
    for piece in text[start:end].split("、"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        names = find_mentions(piece.strip())
        if len(names) != 1 or names[0].text != piece.strip() or names[0].kind not in ("organ", "body", "post"):
            return [(start, end)]
        if parts and not _LEVELLED.match(piece.strip()):
            return [(start, end)]  # (民政局 after 各设区市委组织部 borrows its level)
        parts.append((s, e))
    return parts
