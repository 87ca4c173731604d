"""Where a provision leaves its subject out: it opens with a role marker, a modal or a light verb (负责…, 要按照…,
履行…直接责任), so its actor is in the paragraph before it or in its heading. Also the clause cut the reader uses."""
from __future__ import annotations

import re

from .actors import DutyWords, duty_grammar

DELIMITERS = ",;!?。→"
# a colon opening a quote (…强调:“各镇要…) also ends a clause: the quoted speech has subjects of its own
# (a short bracket is one piece: 镇防汛抗旱指挥部办公室(以下简称镇防汛办,设在镇应急办)实行24小时值班)
_PART = f"(?:[^{DELIMITERS}:(]+|\\([^()。;]{{1,30}}\\)|\\()"  # (runs first: a character at a time is 3x slower)
CLAUSE = re.compile(f"{_PART}+(?::(?!“){_PART}*)*")


def last_clause(text: str) -> str:
    """The last clause of `text`, as `CLAUSE.findall(text)[-1]` (or ""), but read from the end where no bracket
    may hold a delimiter."""
    text = text.rstrip(DELIMITERS)
    if "(" in text:
        return (CLAUSE.findall(text) or [""])[-1]
    return text[max(map(text.rfind, DELIMITERS)) + 1:]


def opens_with_marker(text: str) -> bool:
    """Whether `text` opens with a role marker and no subject (负责…, 协助…) and names no task-table label:
    its subject is in the context (or a heading)."""
    g, c = duty_grammar(), text[:1]  # (a DutyWords only where a marker or an adverb starts the text: most have neither)
    if c in g["first"]["cooperation"] and g["at"]["cooperation"].match(text):
        return not g["scan"]["labels"].search(text)  # 会同有关部门开展督导: whoever acts with them is the subject
    marked = c in g["first"]["marker"]
    if not marked and c not in g["first"]["adverb"] and not c.isdecimal() or not (first := CLAUSE.match(text)):
        return False
    if not marked and not g["at"]["adverb"].match(text, 0, first.end()):
        return False
    words = DutyWords(text)
    return bool(words.marker(words.skip(*first.span()), first.end())) and not g["scan"]["labels"].search(text)


def subjectless(text: str) -> bool:
    """Whether `text` opens with a marker, a modal or a light verb (after adverbs) and is no label list
    (负责…, 要按照…, 履行…直接责任): its subject is elsewhere."""
    if opens_with_marker(text):
        return True
    if not (first := CLAUSE.match(text)):
        return False
    words = DutyWords(text)  # (a modal or light verb first: anything named after it is its object)
    q = words.skip(*first.span())
    return bool(words.at("modals", q, first.end()) or words.at("light_verbs", q, first.end())) \
        and not words.g["scan"]["labels"].search(text)
