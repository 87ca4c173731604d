"""The duty of a body something is reported to: 接收/听取/受理 + the matter handed in.

A receiver's record (…将整改情况报县民政局; 评估结果向区政府报告; 运营主体每季度向街道报送服务台账) sits on words
that tell the reporter's act; what the receiver is charged with is taking the matter in, so its duty names the
matter: the object after the verb, else the one put before it with 将/把, else the clause's own topic (发现问题及时
向镇纪委报告), else the clause before (执行中遇到的问题,请及时向…反映). The words are in data/zh/duties.yaml
(receipt_*).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ..rules import trie_regex
from .actors import Group, duty_rules
from .resp_tables import LIST_NUMBER


@dataclass(frozen=True)
class _ReceiptWords:
    after: re.Pattern  # the verb after 向X (向街道报送…)
    before: re.Pattern  # the verb just before X (报县民政局)
    not_before: tuple[str, ...]  # words ending in 报 that hand nothing in (通报各乡镇)
    hearing: tuple[str, ...]
    bodies: tuple[str, ...]
    application: tuple[str, ...]
    stop: re.Pattern  # where the matter handed in ends, read back from the verb
    filler: re.Pattern  # words opening a topic that are no part of it (并, 及时, 要, 在2小时内, 由)


@lru_cache(maxsize=1)
def _words() -> _ReceiptWords:
    r = duty_rules()
    verbs = trie_regex(r["receipt_verbs"])
    modals = trie_regex(r["modals"])
    return _ReceiptWords(
        after=re.compile(f"(?:书面|及时|立即|逐级|按时|如实|一并|同时)?({verbs})"),
        before=re.compile(f"({verbs})$"),
        not_before=tuple(w for w in r["not_approval"] if w not in r["receipt_verbs"]),
        hearing=tuple(r["receipt_hearing_verbs"]), bodies=tuple(r["receipt_hearing_bodies"]),
        application=tuple(r["receipt_application_verbs"]),
        stop=re.compile(f"{trie_regex(r['receipt_object_stops'] + r['receipt_fillers'])}|{modals}|向|报(?![告表])"),
        filler=re.compile(f"(?:{trie_regex(r['receipt_fillers'] + r['adverbs'] + r['modals'])}|{_TIME_LIMIT})+"))


# a time limit or a count opening the words before the verb (在2小时内, 于次月5日前, 1次)
_TIME_LIMIT = (r"(?:在|于)?[^,;。向]{0,8}?[\d一二两三四五六七八九十]+个?(?:小时|工作日|日|天|个月|周)(?:内|以内)"
               r"|于[^,;。向]{1,10}?(?:前|后)|\d+次|(?:在|于)?[^,;。向]{1,6}?(?:期内|期间)")


RECEIPT_HEADS = ("接收", "听取", "受理")


def is_receipt(duty: str) -> bool:
    """Whether a duty is one receipt_duty words (接收/听取/受理 + the matter)."""
    return duty.startswith(RECEIPT_HEADS)


def receipt_duty(text: str, clauses: list[tuple[int, int]], ci: int, group: Group, groups: list[Group],
                 skip: Callable[[int, int], int]) -> Optional[str]:
    """接收/听取/受理 + the matter, when `group` (in clause ci) is the body something is reported to; else None."""
    w = _words()
    cs, ce = clauses[ci]
    before = text[cs:group.start]
    rest = text[skip(group.end, ce):ce]
    if before.endswith("向"):
        verb = w.after.match(rest)
        if verb is None:
            return None
        said, matter, verb_at = verb.group(1), _trim(rest[verb.end():]), group.start - 1
    elif (verb := w.before.search(before)) and not before.endswith(w.not_before):
        if rest.strip(" 。;,)"):
            return None  # 报X审核: the check after X is its duty
        said, matter, verb_at = verb.group(1), "", cs + verb.start()
    else:
        return None
    sentence_start = max(text.rfind("。", 0, verb_at), text.rfind(";", 0, verb_at)) + 1
    if not matter:
        put = max(text.rfind("将", sentence_start, verb_at), text.rfind("把", sentence_start, verb_at))
        if put >= 0:
            matter = _cut(text[_lead(text, put + 1, verb_at, groups, skip):verb_at])
    if not matter:
        matter = _topic(text, cs, verb_at, groups, skip)
    if not matter and ci and not any(cs > g.start >= clauses[ci - 1][0] for g in groups) \
            and clauses[ci - 1][0] >= sentence_start:
        matter = _topic(text, clauses[ci - 1][0], clauses[ci - 1][1], groups, skip)
    if not matter:
        reporter = next((g for g in reversed(groups) if sentence_start <= g.start and g.end <= verb_at
                         and g is not group), None)
        matter = text[reporter.start:reporter.end] if reporter else ""
    receiver = text[group.start:group.end]
    if said in w.application:
        return "受理" + matter + ("" if matter.endswith("申请") else "申请")
    if said in w.hearing:
        tail = "" if matter.endswith(("报告", "汇报")) else "报告"
        return ("听取" if receiver.endswith(w.bodies) else "接收") + matter + tail
    return "接收" + (matter or said)


def _trim(words: str) -> str:
    """The object after the verb, to the clause end (past a count: 每月反馈1次办理情况; not a contact line after it)."""
    words = _COUNT.sub("", words.strip(" ,、。;:()等"), count=1)
    return re.split(r"[,;:。]", words, maxsplit=1)[0].strip(" 、()等")


_COUNT = re.compile(r"^[\d一二两三四五六七八九十]+次")


def _cut(words: str) -> str:
    """The matter read back from the verb: up to the first word that ends it (a time, a modal, 向)."""
    words = words.strip(" ,、。;:")
    stop = _words().stop.search(words, 2)
    return (words[:stop.start()] if stop else words).strip(" ,、的")


def _topic(text: str, cs: int, end: int, groups: list[Group], skip: Callable[[int, int], int]) -> str:
    """The clause's own topic before `end`, past its list number, its subject and the adverbs and modals after it."""
    q = _lead(text, cs + (m.end() if (m := LIST_NUMBER.match(text, cs)) else 0), end, groups, skip)
    matter = _cut(text[q:end])
    return matter if len(matter) >= 2 and not matter[0].isdecimal() else ""


def _lead(text: str, q: int, end: int, groups: list[Group], skip: Callable[[int, int], int]) -> int:
    """Past the subject, adverbs, modals and time limits opening the words at q."""
    while q < end:
        q = skip(q, end)
        if f := _words().filler.match(text, q, end):
            q = f.end()
        elif actor := next((g for g in groups if g.start == q), None):
            q = actor.end
        else:
            break
    return q
