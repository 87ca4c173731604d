"""Lead-ins to a list of one actor's duties (第五条 村民选举委员会履行下列职责:, 班子成员联系社区的主要职责:,
专职网格员…履行以下六个方面职责:): the items listed under them name no subject of their own, the lead-in's actor
is theirs (SPEC: an explicit assignment; the list is how the document assigns it)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, Optional

from ..document import Document
from ..segment.sections import NAME_LINE, heading_parents
from .actor_scan import find_mentions, names_one_actor
from .actors import duty_rules
from .resp_tables import LIST_NUMBER, deadline_in, duty_list_unit
from .responsibilities import ResponsibilityMatch, find_responsibilities, with_subject

_STRONG = ("organ", "post", "body")
# numbered list items (1. / (1) / ①): under a heading that is an actor's name alone, they list that actor's duties
_ITEM_STYLES = ("num_dot", "num_paren", "circled")  # a bare level (社区) or a generic word (各部门) leads in no list


@lru_cache(maxsize=1)
def _lead_ins() -> tuple[re.Pattern, re.Pattern]:
    """How a lead-in ends (duties.yaml lead_in_patterns: …履行下列职责:), and a 负责 lead-in (X负责:)."""
    r = duty_rules()
    return tuple(re.compile("|".join(f"(?:{p})" for p in r[k])) for k in ("lead_in_patterns", "lead_in_lead_patterns"))


def lead_in_actor(text: str) -> Optional[str]:
    """The actor a lead-in opens with, if `text` is one."""
    found = lead_in(text)
    return found.actor if found else None


def lead_in(text: str) -> Optional[Owner]:
    """The owner of the list a lead-in opens (its actor; `lead` for the items of X负责:), if `text` is one."""
    body = LIST_NUMBER.sub("", text).strip()
    if ";" in body:
        return None  # a 条 titled whole (…具备下列条件:…;身体健康,能够正常履行职责): a rule, not a lead-in
    duties, leads = _lead_ins()
    role = "execute" if duties.search(body) else "lead" if leads.search(body) else None
    if role is None:
        return None
    mentions = find_mentions(body)
    first = mentions[0] if mentions else None
    if first and first.start == 0 and first.kind in _STRONG and len(first.actors) == 1:
        return Owner(first.text, True, role)
    return None


def own_subject(text: str) -> bool:
    """Whether a list item opens with an actor of its own (乡镇人民政府应当督促…)."""
    body = LIST_NUMBER.sub("", text)
    mentions = find_mentions(body)
    return bool(mentions) and mentions[0].start <= len(body) - len(body.lstrip(" ①②③④⑤⑥⑦⑧⑨⑩"))


def _under(parents: list[Optional[int]], k: Optional[int], ancestor: Optional[int]) -> bool:
    """Whether heading k is `ancestor` or below it (None: the article's text before any heading)."""
    while k is not None and k != ancestor:
        k = parents[k]
    return k == ancestor


def _title_actor(title: str) -> Optional[str]:
    """The actor a heading's title names and nothing else (县应急管理局, (一)镇党政办:)."""
    return find_mentions(title.strip(" :"))[0].text if names_one_actor(title) else None


class Owner(NamedTuple):
    """Whose items a heading's provisions are: `actor`, and whether they are a list of that actor's duties
    (`duties`: under a lead-in, or under a unit's name line over its numbered list) rather than provisions
    under a heading that merely names it (第三章 联席会议)."""

    actor: str
    duties: bool
    listed_role: str = "execute"  # an unmarked item's role (X负责: lists what X leads)


def lead_in_subjects(doc: Document, article: int) -> dict[int, Owner]:
    """{provision index: the owner of the list it stands in} for one article: provisions under a heading whose
    title is a lead-in or an actor's name (or under its sub-headings: 县应急管理局 / 1.负责…), and those after a
    lead-in provision under the same heading or its sub-headings. A provision right under a heading named by an
    actor is left to run.py, which reads it with that actor only if it names none."""
    headings = doc.layers["headings"][article] if "headings" in doc.layers else []
    parents = heading_parents(headings)
    named: dict[int, Optional[str]] = {}  # the actor each heading's title names, asked only where it could matter

    def title_actor(k: int) -> Optional[str]:
        if k not in named:
            named[k] = None if lead_in_actor(headings[k].title) else _title_actor(headings[k].title)
        return named[k]

    owner: list[Optional[Owner]] = []  # whose items each heading's provisions are
    for k, h in enumerate(headings):
        if found := lead_in(h.title):
            owner.append(found)
        elif actor := title_actor(k):
            owner.append(Owner(actor, h.style.startswith(NAME_LINE)))
        elif (up := parents[k]) is not None and (above := owner[up]) and not above.duties \
                and h.style in _ITEM_STYLES and title_actor(up):
            owner.append(above._replace(duties=True))  # (二)县住建局 / 1.… / 2.…: numbered items of its duties
        else:
            owner.append(owner[parents[k]] if parents[k] is not None else None)
    out: dict[int, Owner] = {}
    pending: Optional[tuple[Optional[int], Owner]] = None  # (the heading of a lead-in provision, its owner)
    for p, prov in enumerate(doc.layers["provisions"][article]):
        text = doc.norm[prov.start:prov.end].rstrip()
        if pending and not _under(parents, prov.heading, pending[0]):
            pending = None
        if text.endswith(":") and (found := lead_in(text[:-1])):
            pending = (prov.heading, found)
            continue
        subject = pending[1] if pending else owner[prov.heading] if prov.heading is not None else None
        if subject and prov.heading is not None and title_actor(prov.heading):
            subject = None  # (run.py reads it with its heading's actor)
        if subject and not own_subject(text):
            out[p] = subject
    return out


_ITEM_END = " 。;,:"
_SHORTEST_DUTY = 6


def listed_duty(text: str, actor: str) -> list[ResponsibilityMatch]:
    """An item listed under an actor's lead-in or name that the clause reader finds no marker in (每月巡河不少于2次,
    如实填写巡河记录。): the list makes it that actor's duty all the same (execute). None for an item naming an
    actor of its own."""
    if own_subject(text):
        return []
    number = LIST_NUMBER.match(text)
    start, end = number.end() if number else 0, len(text.rstrip(_ITEM_END))
    if end - start < _SHORTEST_DUTY:
        return []  # (信息采集: a sub-heading's title, not a duty)
    return [ResponsibilityMatch(start, end, actor, "execute", text[start:end], deadline_in(text, start, end))]


_HEAD_REACH = 32  # a duty-list paragraph's unit and colon stand within its first characters


def read_duty_lists(text: str, context: str) -> list[ResponsibilityMatch]:
    """`find_responsibilities`, and where it finds nothing in a paragraph of one unit's duties (区应急管理局:负责…;
    承担…;依法打击…), the unit's duty all the same: read with the unit as subject, else listed (execute). The
    paragraph's first clause too, when a second name in brackets keeps the reader from the unit (区委宣传部(区政府
    新闻办):负责…)."""
    found = find_responsibilities(text, context)
    if found or (":" not in context[:_HEAD_REACH] and ":" not in text[:_HEAD_REACH]):
        return found
    if context and (unit := duty_list_unit(context)):
        return [] if own_subject(text) else with_subject(text, unit[0]) or listed_duty(text, unit[0])
    if (unit := duty_list_unit(text)) and "(" in unit[0]:
        name, pos = unit
        rest = text[pos:]
        return [replace(r, start=r.start + pos, end=r.end + pos)
                for r in with_subject(rest, name) or listed_duty(rest, name)]
    return []

