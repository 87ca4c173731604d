"""The actor scan: every actor mention in a text (`find_mentions`), with the actors it names, and the
mentions coordinated by 、/和 or juxtaposed (市委市政府) joined into groups (`group_mentions`).

The grammar itself (data/zh/actors.yaml compiled into one regex) is in actors.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..rules import trie_regex
from .actors import _COORD_WORDS, KINDS, DutyWords, Group, Mention, _patterns, lexicon
from .aliases import current as current_aliases
from .aliases import with_aliases
from .memo import text_cache

_GAPS = frozenset(_COORD_WORDS) | {""}  # what may stand between coordinated mentions
# Levels given their own frequency (村每半月、镇每月、县每季度至少开展1次排查): coordinated, one duty.
_FREQUENCY_GAP = re.compile(r"每(?:半|两|[一二三四])?(?:年|半年|季度?|月|旬|周|天|日)、")
_GAP_MAX = max(max(map(len, _GAPS | {"等"})), 6)
_SPLIT_LEVELS = re.compile(r"(?:、|和|与|及|或)(?![^()〔〕]*[)〕])")
_PARTY = ("党委", "党(工)委", "党工委")
_CONTINUE = frozenset("政人党纪和及与、")  # what may follow an organ that a bare organ continues

_RANK = {kind: i for i, kind in enumerate(KINDS)}


def _group(members: list[Mention]) -> Group:
    first = members[0]
    if len(members) == 1:
        return Group(first.start, first.end, (first,), first.kind)
    return Group(first.start, members[-1].end, tuple(members), min((m.kind for m in members), key=_RANK.__getitem__))


@lru_cache(maxsize=4096)
def _parts(branch: str, pre: str, phrase: str) -> tuple[tuple[str, ...], str, bool, str] | None:
    """(actors, kind, finance, branch) of a matched actor phrase (prefix and body); None for a level modifier
    alone (基层), no actor."""
    body = phrase[len(pre):]
    if branch == "level" and (not body or _patterns()["unit_only"].fullmatch(body)):
        return None
    actors = _expand(branch, pre, body)
    heads = tuple(lexicon()["finance_heads"])
    return actors, _kind(branch, pre, body, lexicon()), all(a.endswith(heads) for a in actors), branch


def _kind(branch: str, pre: str, body: str, lex: dict) -> str:
    if branch == "generic":
        return "generic"
    if branch == "level":
        return "organ" if pre.startswith("各") else "level"  # 各乡镇 addresses every township
    if branch in ("post", "levelpost") or body.endswith(tuple(lex["posts"])):
        return "post"
    if branch in ("named", "agent") or body.endswith(tuple(lex["bodies"])):
        return "body"
    return "organ"


def _expand(branch: str, pre: str, body: str) -> tuple[str, ...]:
    """The actors a mention names: level lists distribute over the head, stem lists over 部门."""
    if branch == "stemlist":
        m = _patterns()["lvg"].match(body)
        level = m.group() if m and not body.startswith(tuple(lexicon()["department_stems"])) else ""
        listed = re.fullmatch(r"(?P<stems>.+?)等?(?:行业主管|行业|主管)?(?P<suffix>部门|单位)(?:\(.*\))?", body[len(level):])
        return tuple(pre + level + s + listed["suffix"] for s in listed["stems"].split("、"))
    if branch not in ("levelhead", "levelpost", "level"):
        return (pre + body,)
    m = _patterns()["lvg"].match(body)
    levels_text, head = body[: m.end()], body[m.end():]
    if branch != "level" and not head:  # the level group swallowed the head: keep as written
        return (pre + body,)
    if _patterns()["counted_levels"].search(levels_text) or not _SPLIT_LEVELS.search(levels_text):
        return (pre + body,)  # 市、县两级财政: one actor (SPEC); 市级、县级财政 lists two
    return tuple(pre + _join(level, head) for level in _SPLIT_LEVELS.split(levels_text))


def _join(level: str, head: str) -> str:
    """Level + head, writing a committee level's party committee as 市委 (市、乡镇党委书记)."""
    if level in lexicon()["committee_levels"]:
        for party in _PARTY:
            if head.startswith(party):
                return level + "委" + head[len(party):]
    return level + head


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every actor mention in `text`, left to right, with the short names the document being read gave its
    actors (aliases.py)."""
    found = scan_mentions(text)
    return with_aliases(text, found, aliases) if (aliases := current_aliases()) else found


@text_cache(4096)
def scan_mentions(text: str) -> tuple[Mention, ...]:
    """Every mention of an actor the lexicon knows in `text`, left to right."""
    pats, out = _patterns(), []
    actor, plain = pats["actor"], pats["plain"]
    for m in _matches(text, pats):
        phrase = m.group()
        if ((r := m.re) is actor or r is plain) and (branch := m.lastgroup) != "lv":  # (most: no branch to search)
            parts = _parts(branch, m.group("pre") or "", phrase)
        else:
            parts = _parts(*_branch(m, pats))
        if parts is None:
            continue
        start, end = m.span()
        if parts[3] == "post" and (o := text.rfind("“", 0, start)) >= 0 and text.rfind("”", o, start) < 0 \
                and text.find("”", end) >= 0:
            continue  # inside a quote (“书记抓书记、一级抓一级”): a slogan, not an actor
        mention = Mention(start, end, phrase, parts[0], parts[1], parts[2])
        if parts[1] == "body" and len(parts[0]) == 1 and (shared := _shared_head(text, mention, out)):
            mention = shared
        if parts[3] == "named" and out and (organ := out[-1]).end == start and organ.kind == "organ" \
                and len(organ.actors) == 1:  # 县委农村工作领导小组办公室: the organ's own body, one actor
            out[-1] = Mention(organ.start, end, organ.text + phrase, (organ.actors[0] + phrase,), "body", False)
        elif text[end:end + 1] in _CONTINUE:
            out.extend(_continued(text, mention))
            if parts[3] == "levelpost" and text[end] == "、" and (level := _level_prefix().match(phrase)) \
                    and (listed := _level_post_after().match(text, end + 1)):
                # 县级总路长、副总路长负责…: the next chief listed is of the same level (县级副总路长)
                out.append(Mention(listed.start(), listed.end(), listed.group(), (level.group() + listed.group(),),
                                   mention.kind, False))
        elif out and (alt := out[-1]).end == start - 1 and text[alt.end] == "(" and text[end:end + 1] == ")" \
                and len(alt.actors) == 1 and len(mention.actors) == 1 and alt.kind not in ("generic", "level") \
                and mention.kind != "level":
            # 各区县(管委会), 镇农业综合服务中心(林业站): the bracket names the same actor another way (the actor
            # keeps its first name, as a known alias in brackets does)
            out[-1] = Mention(alt.start, end + 1, text[alt.start:end + 1], alt.actors, alt.kind, alt.finance)
        else:
            out.append(mention)
    return tuple(out)


def _matches(text: str, pats: dict) -> list[re.Match]:
    """Actor matches left to right; named bodies after 的 (…的城乡基层治理委员会) only where named."""
    named = pats["named_any"].search(text)
    found = list(pats["actor" if named else "plain"].finditer(text))
    work_group = pats["work_group_any"].search(text)
    agent = pats["open_agent_gate"].search(text)  # (an open-class subject stands before a modal)
    others = [m for regex, present in ((pats["named"], named), (pats["work_group"], work_group),
                                       (pats["open_agent"], agent)) if present
              for m in regex.finditer(text)]
    if not others:
        return found  # (most texts)
    open_agent = pats["open_agent"]
    if agent:  # (…、高层次人才子女须…: an open-class agent after 、/和/及 only as the next item of a list of actors)
        ends = {m.end() for m in found if m.lastgroup != "level"} | {m.end() for m in others}
        others = [m for m in others if m.re is not open_agent or text[m.start() - 1:m.start()] not in ("、", "和", "及")
                  or m.start() - 1 in ends and not _agent_suffix().fullmatch(m.group())  # (有关部门和单位)
                  or text[m.start() - 1] == "、" and _listed_head(text, m.start(), m.end())]  # (石化、化工企业)
    taken = [m.span() for m in found]
    extra, covered = [], set()
    for m in others:
        hit = [i for i, (s, e) in enumerate(taken) if s < m.end() and m.start() < e]
        if m.re is open_agent and any(e.start() < m.end() and m.start() < e.end() for e in extra):
            continue  # (交警中队 a work group already)
        if not hit or m.re is open_agent and taken[hit[0]][0] == m.start() and all(
                found[i].lastgroup == "level" and taken[i][1] < m.end() for i in hit) \
                or m.re is open_agent and len(hit) == 1 and found[hit[0]].lastgroup in ("head", "level") \
                and m.start() < taken[hit[0]][0] and taken[hit[0]][1] == m.end() \
                and not _opens_predicate(text, m.start(), taken[hit[0]][0]) \
                or m.re is pats["work_group"] and all(
                m.start() <= taken[i][0] and taken[i][1] <= m.end() and taken[i] != m.span() for i in hit) \
                and not _opens_predicate(text, m.start(), taken[hit[0]][0]):
            # (a work group's fuller name takes the body it ends with: 网格议事会, not 议事会; an open-class
            # agent the level it opens with: 县级农村供水管理公司负责…, not 县级, and the body it ends with:
            # 充电设施运营单位应当…, not 运营单位; a place by its name, 桃林乡要…, not 乡)
            extra.append(m)
            covered.update(hit)
    if not extra:
        return found
    kept = [m for i, m in enumerate(found) if i not in covered]
    return sorted(kept + extra, key=lambda m: m.start())


def _opens_predicate(text: str, start: int, end: int) -> bool:
    """Whether the words before a body the lexicon knows open a predicate (通过|网格议事会, 推动|社区卫生服务中心),
    so they are no part of its name."""
    words = DutyWords(text)
    return any(words.at(kind, start, end) for kind in ("verbs", "phrase", "light_verbs", "head_verbs", "passive")) \
        or words.marker(start, end) is not None


def _branch(m: re.Match, pats: dict) -> tuple[str, str, str]:
    """(branch name, prefix, matched text) of an actor match."""
    if m.re is pats["named"] or m.re is pats["work_group"]:
        return "named", "", m.group()  # (named bodies and work groups take no prefix)
    if m.re is pats["open_agent"]:
        return "agent", "", m.group()
    pre, branch = m.group("pre") or "", m.lastgroup
    if branch == "lv":
        lv = pats["lv_plain" if m.re is pats["plain"] else "lv_actor"]
        for name, branch in lv:  # (the level branch's body: the one of its groups that took part)
            if m.start(name) >= 0:
                break
    return branch, pre, m.group()


def _continued(text: str, mention: Mention) -> list[Mention]:
    """A bare organ after a levelled one: juxtaposed it is a second actor with the same level
    (同级地方党委政府 -> 同级地方党委 + 同级地方政府); after 和 the pair is one actor (各级党委和政府)."""
    m = _patterns()["continuation"].match(text, mention.end)
    if not m or mention.kind != "organ" or len(mention.actors) != 1:
        return [mention]  # (most: a list goes on with another actor)
    pre = _patterns()["prefix"].match(mention.text)  # 各级党委和政府, 各县(市、区)党委和政府
    lv = _patterns()["lvg"].match(mention.text) or pre and _patterns()["lvg"].match(mention.text, pre.end())
    if not lv:
        return [mention]
    if m.start("h") > m.start():
        joined = mention.text + m.group()
        return [Mention(mention.start, m.end(), joined, (mention.actors[0] + m.group(),), "organ", False)]
    actor = mention.text[:lv.end()] + m.group("h")
    finance = actor.endswith(tuple(lexicon()["finance_heads"]))
    return [mention, Mention(m.start("h"), m.end(), m.group("h"), (actor,), "organ", finance)]


def group_mentions(text: str, mentions: tuple[Mention, ...]) -> list[Group]:
    """Join mentions separated only by 、/和/与/及/或 (or nothing) into coordinated groups."""
    if len(mentions) == 1:  # (a common case: one group, no gap to read)
        m = mentions[0]
        return [Group(m.start, m.end, (m,), m.kind)]
    groups: list[Group] = []
    members: list[Mention] = []
    for m in mentions:
        if members:
            prev = members[-1]
            gap = text[prev.end:m.start] if m.start - prev.end <= _GAP_MAX else None  # (a longer one joins none)
            if gap == "等" and len(members) > 1:
                members[-1] = replace(prev, end=m.end)  # 团县委、县妇联等群团组织: 群团组织 sums the list up
                continue
            # juxtaposed mentions are coordinated only when both are organs (市委市政府)
            if gap in _GAPS and (gap or prev.kind == m.kind == "organ") or gap and _FREQUENCY_GAP.fullmatch(gap):
                members.append(m)
                continue
            if gap and (named := _place_named(text, prev, m, gap)):
                members.append(named)  # 街道综合行政执法队、建宁派出所: the list goes on past a place name
                continue
            groups.append(_group(members))
        members = [m]
    if members:
        groups.append(_group(members))
    return groups


def _place_named(text: str, prev: Mention, m: Mention, gap: str) -> Mention | None:
    """The listed organ `m` with the place name before it (、建宁派出所, 、芦淞区市场监管局, 和青崖市…指挥部办公室), when
    the gap after `prev` is 、 (or 和/与/及/或) and a short name that is no predicate; else None."""
    if prev.kind not in ("organ", "body") or m.kind not in ("organ", "body") or len(m.actors) != 1 \
            or not _place_gap().fullmatch(gap) or _opens_predicate(text, m.start - len(gap) + 1, m.start):
        return None
    place = gap[1:]
    return Mention(m.start - len(place), m.end, place + m.text, (place + m.actors[0],), m.kind, m.finance)


@lru_cache(maxsize=1)
def _place_gap() -> re.Pattern:
    """、 (or a conjunction) and two or three characters none of which stands in a name (work_group_not_in_name)."""
    return re.compile(f"[、和与及或][^{re.escape(lexicon()['work_group_not_in_name'])}\\W\\d]{{2,3}}")


# 区委宣传部(区政府新闻办): the same unit's other name (an organ's, not a role tag such as (牵头))
_OTHER_NAME = re.compile(r"\(([^()]{1,14}(?:办|局|委|部|室|厅|中心|会|组|院|队))\)$")


def names_one_actor(title: str) -> bool:
    """Whether a heading's title is one actor's name and nothing else (综合协调组, 市民政局:, 区委宣传部(区政府新闻办))."""
    return _names_one_actor(title, current_aliases())


@lru_cache(maxsize=256)
def _names_one_actor(title: str, aliases: tuple) -> bool:
    """names_one_actor, cached by the aliases in force too (a document's short names are actors in it alone)."""
    title = title.strip(" :")
    if (other := _OTHER_NAME.search(title)) and other.start():
        title = title[:other.start()]
    mentions = find_mentions(title) if title else ()
    return len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(title) \
        and mentions[0].kind in ("organ", "post", "body")


# 县委督查室、县政府督查室 / 县住建局、县水利局等部门: the joins and the summing-up a heading's list of actors has
_LIST_JOIN = re.compile(r"、|和|及|与|以及")
_LIST_END = re.compile(r"等(?:部门|单位)?|")


def names_actors(title: str) -> bool:
    """Whether a heading's title names actors and nothing else: one (names_one_actor) or a list of organs,
    posts or bodies joined by 、/和/及 (县委督查室、县政府督查室:), each then the subject of the provisions under it."""
    return names_one_actor(title) or _names_actors(title, current_aliases())


@lru_cache(maxsize=256)
def _names_actors(title: str, aliases: tuple) -> bool:
    """names_actors for a list, cached by the aliases in force too (asked once per provision under the heading)."""
    title = title.strip(" :")
    mentions = find_mentions(title) if title else ()
    if len(mentions) < 2 or mentions[0].start or any(m.kind not in ("organ", "post", "body") for m in mentions):
        return False
    gaps = (title[a.end:b.start] for a, b in zip(mentions, mentions[1:]))
    return all(_LIST_JOIN.fullmatch(gap) for gap in gaps) and bool(_LIST_END.fullmatch(title, mentions[-1].end))


# 供水、供电、广电等专营单位; 石化、化工企业: modifiers listed before a body name share its head
_LISTING_DENG = re.compile("等(?![级次同])")  # (获评等级的养老机构, 较差等次单位: no 等 of a list)
_MODIFIER_MAX = 4  # (出租汽车企业; longer words before a bare suffix are a name of their own)
_LISTED_MODIFIERS = re.compile(r"(?:^|(?<=[\s,;。:]))((?:[\u4e00-\u9fff]{1,6}、)+)$")


def _shared_head(text: str, mention: Mention, before: list[Mention]) -> Mention | None:
    """The body `mention` with the modifiers listed before it (供水、供电、广电等专营单位: 供水专营单位, 供电专营
    单位, 广电专营单位; 汽车维修等排水户: 汽车维修排水户), one actor each; None when it has none."""
    if not (split := _listed_head(text, mention.start, mention.end, before[-1].end if before else 0)):
        return None
    start, items, head = split
    return Mention(start, mention.end, text[start:mention.end], tuple(i + head for i in items), mention.kind,
                   mention.finance)


def _listed_head(text: str, start: int, end: int, floor: int = 0) -> tuple[int, list[str], str] | None:
    """(list start, modifiers, shared head) of the name text[start:end] and the modifiers listed before it, or
    None: X等Y names its head after 等; without 等 the head is an agent suffix and each modifier short (石化、化工企业)."""
    name = text[start:end]
    if listing := _LISTING_DENG.search(name):
        last, head = name[:listing.start()], name[listing.end():]
    elif suffix := _agent_suffix().search(name):
        last, head = name[:suffix.start()], suffix.group()
    else:
        return None
    if not last or len(head) < 2 or "的" in last or not listing and len(last) > _MODIFIER_MAX:
        return None  # (吞咽困难的特困人员, 举报的部门: a relative clause, no list)
    listed = _LISTED_MODIFIERS.search(text, max(floor, start - 40), start)
    items = listed.group(1).split("、")[:-1] if listed else []
    if not (items or listing) or any(_not_in_name().search(i) or "的" in i or _agent_suffix().search(i)
                                     or not listing and len(i) > _MODIFIER_MAX or _patterns()["plain"].fullmatch(i)
                                     or _opens_predicate(i, 0, len(i)) for i in items):
        # (机关、事业单位、国有企业: each item an actor of its own; 新招聘的教研、授课人员: a relative clause;
        # 人才、高层次人才子女: no modifier list)
        return None
    return listed.start(1) if listed else start, items + [last], head


@lru_cache(maxsize=1)
def _level_prefix() -> re.Pattern:
    """An administrative level written with 级 (县级, 街道级) at a post's start: the lexicon's own levels."""
    lex = lexicon()
    return re.compile(trie_regex([lv for lv in lex["levels"] if lv.endswith("级") and lv[0] in lex["level_chars"]]))


@lru_cache(maxsize=1)
def _level_post_after() -> re.Pattern:
    """A post named after a level only (副总路长, 副田长) with no level of its own, as a whole word."""
    posts = [p for p in lexicon()["level_posts"] if len(p) > 1 and p != "领导"]
    return re.compile(f"(?:{'|'.join(map(re.escape, sorted(posts, key=len, reverse=True)))})(?!助理|办|制)")


@lru_cache(maxsize=1)
def _agent_suffix() -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, sorted(lexicon()["open_agent_suffixes"], key=len, reverse=True))) + ")$")


@lru_cache(maxsize=1)
def _not_in_name() -> re.Pattern:
    return re.compile(f"[{re.escape(lexicon()['open_agent_not_in_name'])}]")
