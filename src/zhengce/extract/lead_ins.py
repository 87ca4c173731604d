"""Lead-ins to a list of one actor's duties (第五条 村民选举委员会履行下列职责:, 班子成员联系社区的主要职责:,
专职网格员…履行以下六个方面职责:): the items listed under them name no subject of their own, the lead-in's actor
is theirs (SPEC: an explicit assignment; the list is how the document assigns it)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..document import Document
from .actor_scan import find_mentions, names_one_actor
from .actors import duty_rules
from .resp_tables import LIST_NUMBER

_STRONG = ("organ", "post", "body")  # a bare level (社区) or a generic word (各部门) leads in no list


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern:
    """How a lead-in ends (duties.yaml lead_in_patterns: …履行下列职责:)."""
    return re.compile("|".join(f"(?:{p})" for p in duty_rules()["lead_in_patterns"]))


def lead_in_actor(text: str) -> Optional[str]:
    """The actor a lead-in opens with, if `text` is one."""
    body = LIST_NUMBER.sub("", text).strip()
    if not _lead_in().search(body):
        return None
    mentions = find_mentions(body)
    first = mentions[0] if mentions else None
    return first.text if first and first.start == 0 and first.kind in _STRONG and len(first.actors) == 1 else None


def own_subject(text: str) -> bool:
    """Whether a list item opens with an actor of its own (乡镇人民政府应当督促…)."""
    body = LIST_NUMBER.sub("", text)
    mentions = find_mentions(body)
    return bool(mentions) and mentions[0].start <= len(body) - len(body.lstrip(" ①②③④⑤⑥⑦⑧⑨⑩"))


def _parents(headings) -> list[Optional[int]]:
    """The index of each heading's parent: the nearest heading before it at a higher level."""
    out, stack = [], []
    for k, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        out.append(stack[-1] if stack else None)
        stack.append(k)
    return out


def _under(parents: list[Optional[int]], k: Optional[int], ancestor: Optional[int]) -> bool:
    """Whether heading k is `ancestor` or below it (None: the article's text before any heading)."""
    while k is not None and k != ancestor:
        k = parents[k]
    return k == ancestor


def _title_actor(title: str) -> Optional[str]:
    """The actor a heading's title names and nothing else (县应急管理局, (一)镇党政办:)."""
    return find_mentions(title.strip(" :"))[0].text if names_one_actor(title) else None


def lead_in_subjects(doc: Document, article: int) -> dict[int, str]:
    """{provision index: the actor of the lead-in it is listed under} for one article: provisions under a
    heading whose title is a lead-in or an actor's name (or under its sub-headings: 县应急管理局 / 1.负责…), and
    those after a lead-in provision under the same heading or its sub-headings. A provision right under a
    heading named by an actor is left to run.py, which reads it with that actor only if it names none."""
    headings = doc.layers["headings"][article] if "headings" in doc.layers else []
    parents = _parents(headings)
    named: dict[int, Optional[str]] = {}  # the actor each heading's title names, asked only where it could matter

    def title_actor(k: int) -> Optional[str]:
        if k not in named:
            named[k] = None if lead_in_actor(headings[k].title) else _title_actor(headings[k].title)
        return named[k]

    owner: list[Optional[str]] = []  # the actor each heading's items are listed under
    for k, h in enumerate(headings):
        inherited = owner[parents[k]] if parents[k] is not None else None
        owner.append(lead_in_actor(h.title) or title_actor(k) or inherited)
    out: dict[int, str] = {}
    pending: Optional[tuple[Optional[int], str]] = None  # (the heading of a lead-in provision, its actor)
    for p, prov in enumerate(doc.layers["provisions"][article]):
        text = doc.norm[prov.start:prov.end].rstrip()
        if pending and not _under(parents, prov.heading, pending[0]):
            pending = None
        if text.endswith(":") and (actor := lead_in_actor(text[:-1])):
            pending = (prov.heading, actor)
            continue
        subject = pending[1] if pending else owner[prov.heading] if prov.heading is not None else None
        if subject and prov.heading is not None and title_actor(prov.heading):
            subject = None  # (run.py reads it with its heading's actor)
        if subject and not own_subject(text):
            out[p] = subject
    return out
