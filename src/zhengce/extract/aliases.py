"""Short names a document gives its actors (绵阳市住房公积金管理中心(以下简称管理中心), 领导小组办公室(以下简称
市营商办)): within that document the short name is that actor wherever it stands, though the actor lexicon does
not know it (管理中心 alone names nothing in general).

`document_aliases(text)` finds them; `aliases_in_force(aliases)` makes the actor scan honour them while one
document's records are read (a context variable, so threads and the memo stay apart: results are keyed by them).
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Iterator

from .actors import Mention, duty_rules

Aliases = tuple[tuple[str, str, bool], ...]  # (short name, the actor's kind, finance organ?), longest first

_IN_FORCE: ContextVar[Aliases] = ContextVar("zhengce_aliases", default=())
_BEFORE = 40  # how far before the bracket the named actor may start
# a unit's full name, however long, by how it ends (…工作领导小组办公室, …应急管理委员会)
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff]{4,}(?:领导小组办公室|办公室|领导小组|委员会|指挥部|中心|管理局|局|委|办)$")


@lru_cache(maxsize=1)
def _definition() -> re.Pattern:
    """(以下简称X): duties.yaml alias_definition, with the short name in group `alias`."""
    return re.compile("|".join(f"(?:{p})" for p in duty_rules()["alias_definition"]))


def document_aliases(text: str) -> Aliases:
    """The short names `text` defines for actors: the bracket follows an actor's name directly, and the short
    name is none the lexicon knows already."""
    if "简称" not in text and "下称" not in text:  # (most documents: one scan)
        return ()
    from .actor_scan import scan_mentions

    found: dict[str, tuple[str, bool]] = {}
    for m in _definition().finditer(text):
        alias, before = m.group("alias"), text[max(0, m.start() - _BEFORE):m.start()]
        named = scan_mentions(before)
        if alias in found:
            continue
        if named and named[-1].end == len(before):
            kind, finance = named[-1].kind, named[-1].finance
        elif _UNIT_NAME.search(before):  # (县目标责任考核工作领导小组办公室: a name longer than the lexicon reads)
            kind, finance = "organ", False
        else:
            continue
        own = scan_mentions(alias)
        if own and own[0].start == 0 and own[0].end == len(alias):
            continue  # (区住建局: the lexicon reads it anyway)
        found[alias] = (kind, finance)
    return tuple(sorted(((a, k, f) for a, (k, f) in found.items()), key=lambda a: -len(a[0])))


@contextmanager
def aliases_in_force(aliases: Aliases) -> Iterator[None]:
    """Within the block, the actor scan reads `aliases` as actors."""
    token = _IN_FORCE.set(aliases)
    try:
        yield
    finally:
        _IN_FORCE.reset(token)


def current() -> Aliases:
    """The aliases in force (usually none)."""
    return _IN_FORCE.get()


@lru_cache(maxsize=64)
def _alias_pattern(aliases: Aliases) -> re.Pattern:
    prefixes = "|".join(map(re.escape, duty_rules()["alias_prefixes"]))
    return re.compile(f"(?:{prefixes})?(?:{'|'.join(re.escape(a[0]) for a in aliases)})")


def with_aliases(text: str, mentions: tuple[Mention, ...], aliases: Aliases) -> tuple[Mention, ...]:
    """`mentions` plus the aliases' occurrences in `text` that no mention covers."""
    if not any(a in text for a, _, _ in aliases):
        return mentions
    extra, covered = [], set()
    for m in _alias_pattern(aliases).finditer(text):
        inside = [x for x in mentions if x.start < m.end() and m.start() < x.end]
        if any(x.start < m.start() or x.end > m.end() for x in inside):
            continue  # (a longer name holds it)
        covered.update(id(x) for x in inside)  # (县 of 县考核办: the short name is the whole actor)
        _, kind, finance = next(a for a in aliases if m.group().endswith(a[0]))
        extra.append(Mention(m.start(), m.end(), m.group(), (m.group(),), kind, finance))
    if not extra:
        return mentions
    kept = tuple(x for x in mentions if id(x) not in covered)
    return tuple(sorted(kept + tuple(extra), key=lambda x: x.start))

