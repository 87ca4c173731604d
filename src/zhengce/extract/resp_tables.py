"""Task tables (牵头单位:X;责任单位:Y), asides ((X、Y按职责分工负责)) and deadlines, for the responsibility
extractor: the parts of a provision (and of the paragraph before it) that name tasks rather than actors."""
from __future__ import annotations

import re
from typing import Optional

from .actors import Group, duty_grammar

_LIST = re.compile(r"(?:[^();。]|\([^()]*\))*")  # a label's list runs to ; or to the bracket it stands in
_TAG = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)")
_SENTENCE = re.compile("[^。;!?]+")
RANKED = "ranked"  # a label list whose first unit leads and the others (after 、) support
_NUMBER = re.compile(r"^\s*(?:\(?[一二三四五六七八九十百零\d]+[)、.]|第[一二三四五六七八九十百零\d]+[条章节])\s*")


def label_roles(text: str, context: str, groups: list[Group]) -> dict[int, tuple[int, str]]:
    """{group start: (label start, role)} of the groups a task-table label lists (see duties.yaml); a lone
    责任单位 list is RANKED: its first unit leads, the units after a 、 support."""
    g, out = duty_grammar(), {}
    found = list(g["scan"]["labels"].finditer(text))
    lead = lead_labelled(context)  # 牵头单位:X; then 责任单位:Y supports
    for m, nxt in zip(found, found[1:] + [None]):
        word, stop = m.group()[:-1], min(_LIST.match(text, m.end()).end(), nxt.start() if nxt else len(text))
        role = ("support" if lead else "lead") if word in g["secondary"] else g["labels"][word]
        lead = lead or role == "lead" and word not in g["secondary"]
        members = [x for x in groups if m.start() < x.start < stop]
        tags = {x.start for x in members  # 责任单位:X(牵头)、Y: X leads, Y supports
                if (t := _TAG.match(text, x.end)) and g["roles"].get(t.group(1), ("",))[0] == "lead"}
        if not tags and role == "lead" and word in g["secondary"]:
            role = RANKED  # 责任单位:A、B、C ranks its units (排在第一位的为牵头单位; a comma starts another list)
        out.update((x.start, (m.start(), role if not tags else "lead" if x.start in tags else "support"))
                   for x in members)
    return out


def task_of(text: str, context: str, pos: int) -> str:
    """The task a label list or aside at pos belongs to: the words before its bracket, else the
    paragraph's first sentence without its number."""
    opened = text.rfind("(", 0, pos)
    before = text[:opened if opened >= 0 else pos]
    return opening_sentence(before if re.search("[\u4e00-\u9fff]", before) else context)


def opening_sentence(text: str) -> str:
    """The first sentence of `text` without its number (牵头单位:… takes it as its task)."""
    number = _NUMBER.match(text)
    m = _SENTENCE.match(text, number.end() if number else 0)
    return m.group().strip(" ,;:(") if m else ""


def lead_labelled(context: str) -> bool:
    """Whether a lead label (牵头单位:) stands in `context` (then a secondary one, 责任单位:, supports)."""
    g = duty_grammar()
    return any(g["labels"][m.group()[:-1]] == "lead" and m.group()[:-1] not in g["secondary"]
               for m in g["scan"]["labels"].finditer(context))


def deadline_in(text: str, start: int, end: int) -> Optional[str]:
    """A deadline inside [start, end), else the last one before it in the text."""
    pat = duty_grammar()["scan"]["deadline"]
    return (m := pat.search(text, start, end) or ([None] + list(pat.finditer(text, 0, start)))[-1]) and m.group()
