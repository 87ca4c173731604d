"""Recogniser for the responsibility extractor: actors, and the duty words around them.

Actors are composed from data/zh/actors.yaml (levels x organs x posts, bodies, generic
addressees) and compiled once into a single regex built from tries, so a scan runs at C speed.
A mention may name several actors (街道、社区党组织 -> 街道党组织 + 社区党组织); `find_mentions`
expands them, `group_mentions` joins mentions coordinated by 、/和 (市委市政府, 组织部、民政局).
`duty_grammar` compiles data/zh/duties.yaml (markers, modals, frame words) the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..rules import RuleError, load_yaml, trie_regex

ACTOR_KEYS = frozenset({
    "levels", "level_modifiers", "level_chars", "bracket_chars", "group_counts", "committee_levels",
    "prefixes", "organs", "level_organs", "department_stems", "bare_stems", "department_suffixes",
    "sub_organs", "named_bodies", "posts", "level_posts", "standalone_posts", "bodies", "generic", "finance_heads",
})
_STRING_KEYS = frozenset({"level_chars", "bracket_chars", "group_counts"})
# Kinds of mention, most specific first; `level` (a bare 街道) and `generic` (各部门) are weak actors.
KINDS = ("organ", "post", "body", "level", "generic")
_COORD = r"(?:、|和|与|及|以及|及其|或)"
_SPLIT_LEVELS = re.compile(r"(?:、|和|与|及|或)(?![^()]*\))")
_PARTY = ("党委", "党(工)委", "党工委")
_TIME = r"每[一二两三四五六七八九十\d]*个?(?:年|季度|季|月|周|半年|天|日)度?"  # 每年, 每两年, 每季度
RESPONSIBILITY = re.compile("责任|职责")
_CONTINUE = frozenset("政人党纪和及与、")  # what may follow an organ that a bare organ continues
_LV_BRANCHES = (("lstemlist", "stemlist"), ("comm", "comm"), ("named", "named"), ("lhead", "levelhead"),
                ("lpost", "levelpost"))


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor phrase in the text and the actors it names."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    kind: str  # one of KINDS
    finance: bool  # a finance organ (市财政): its duties default to `fund`


@dataclass(frozen=True, slots=True)
class Group:
    """Mentions coordinated by 、/和/与 or juxtaposed (市委市政府): they share one frame."""

    start: int
    end: int
    mentions: tuple[Mention, ...]
    kind: str  # the most specific kind among the members


def _group(members: list[Mention]) -> Group:
    return Group(members[0].start, members[-1].end, tuple(members),
                 min((m.kind for m in members), key=KINDS.index))


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """data/zh/actors.yaml, checked: known keys only, lists of strings or strings."""
    data = load_yaml("actors", ACTOR_KEYS)
    for key, value in data.items():
        if key in _STRING_KEYS:
            ok = isinstance(value, str) and value
        else:
            ok = isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
        if not ok:
            kind = "string" if key in _STRING_KEYS else "list of strings"
            raise RuleError(f"actors.yaml: {key} must be a non-empty {kind}")
    return data


def _departments(lex: dict) -> list[str]:
    """Every stem x suffix (民政局, 组织部门, 政法委)."""
    return [s + x for s in lex["department_stems"] for x in lex["department_suffixes"]]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The compiled actor grammar (see the module docstring)."""
    lex = lexicon()
    counts = f"[{re.escape(lex['group_counts'])}]级"
    unit = (f"{trie_regex(lex['levels'] + lex['level_modifiers'])}"
            f"(?:\\([{re.escape(lex['bracket_chars'])}]{{1,8}}\\))?")
    lvg = (f"(?:[{re.escape(lex['level_chars'])}]{{2,5}}{counts}"
           f"|(?:{unit}){{1,2}}(?:{_COORD}(?:{unit}){{1,2}})*(?:{counts})?)")
    depts = _departments(lex)
    head = trie_regex(lex["organs"] + lex["bodies"] + depts)
    bound = trie_regex(lex["level_organs"] + lex["bare_stems"])
    sub = trie_regex(lex["sub_organs"] + depts)
    post = trie_regex(lex["posts"])
    named = (f"(?:(?!成立|设立|组建|建立|下设|调整|牵头|负责)[\u4e00-\u9fff]){{0,6}}?"
             f"{trie_regex(lex['named_bodies'])}")
    stems = trie_regex(lex["department_stems"])
    # 党委(党组), 党组织书记(主任): a bracketed variant after an organ or post
    tail = f"(?:{sub})?(?:\\((?:{head}|{post})\\))?(?:{post})?(?:\\((?:{post})\\))?"
    # One attempt per position: heads that start like a level (市场监管局) first, then a level group
    # with what may follow it; the level group is matched once. Named bodies after 的 are separate.
    # 公安、司法行政、信访等部门: after a known stem, a short unknown item may stand in a list closed by 等
    stemlist = f"{stems}(?:(?:、{stems})+等?|(?:、(?:{stems}|[\u4e00-\u9fff]{{2,4}}))+等)(?:部门|单位)"
    committee = "".join(re.escape(c) for c in lex["committee_levels"])
    branches = {
        "generic": trie_regex(lex["generic"]),
        "head": f"{head}{tail}",
        # a stand-alone post starts a word: 总书记 is not 书记, but 一名领导干部 is 领导干部
        "post": f"(?:(?<![\u4e00-\u9fff])|(?<=[名位个的]))" + trie_regex(lex["standalone_posts"]),
        "stemlist": stemlist,
        "lv": (f"{lvg}(?:(?P<lstemlist>{stemlist})|(?P<comm>(?<=[{committee})])委{tail})|(?P<named>{named})"
               f"|(?P<lhead>(?:{head}|{bound}){tail})|(?P<lpost>{trie_regex(lex['posts'] + lex['level_posts'])}))"),
        "level": lvg,  # a level alone, tried after every way to read a head after it (上级机关)
    }
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in branches.items())
    first = "".join(sorted({w[0] for k in ("prefixes", "levels", "level_modifiers", "generic", "department_stems",
                                           "organs", "bodies", "standalone_posts")
                            for w in lex[k]} | set(lex["level_chars"]) | {d[0] for d in depts}))
    actor = f"(?=[{re.escape(first)}])(?P<pre>{trie_regex(lex['prefixes'])})?(?:{body})(?!员)"
    return {
        "actor": re.compile(actor),
        "named": re.compile(f"(?<=的){named}"),
        "lvg": re.compile(lvg),
        "unit_only": re.compile(f"(?:{trie_regex(lex['level_modifiers'])})+"),
        "continuation": re.compile(f"{_COORD}?(?P<h>政府|人民政府|人大|政协|党委|纪委)"),
    }


@lru_cache(maxsize=4096)
def _parts(branch: str, pre: str, body: str) -> tuple[tuple[str, ...], str, bool]:
    """(actors, kind, finance) of a matched actor phrase."""
    actors = _expand(branch, pre, body)
    return actors, _kind(branch, pre, body, lexicon()), _is_finance(actors)


def _kind(branch: str, pre: str, body: str, lex: dict) -> str:
    if branch == "generic":
        return "generic"
    if branch == "level":
        return "organ" if pre.startswith("各") else "level"  # 各乡镇 addresses every township
    if branch in ("post", "levelpost") or body.endswith(tuple(lex["posts"])):
        return "post"
    if branch == "named" or body.endswith(tuple(lex["bodies"])):
        return "body"
    return "organ"


def _expand(branch: str, pre: str, body: str) -> tuple[str, ...]:
    """The actors a mention names: level lists distribute over the head, stem lists over 部门."""
    if branch == "stemlist":
        m = _patterns()["lvg"].match(body)
        level = m.group() if m and not body.startswith(tuple(lexicon()["department_stems"])) else ""
        listed = re.fullmatch(r"(?P<stems>.+?)等?(?P<suffix>部门|单位)", body[len(level):])
        return tuple(pre + level + s + listed["suffix"] for s in listed["stems"].split("、"))
    if branch not in ("levelhead", "levelpost", "level"):
        return (pre + body,)
    m = _patterns()["lvg"].match(body)
    levels_text, head = body[: m.end()], body[m.end():]
    if branch != "level" and not head:  # the level group swallowed the head: keep as written
        return (pre + body,)
    if re.search(r"级$", levels_text) or not _SPLIT_LEVELS.search(levels_text):
        return (pre + body,)
    return tuple(pre + _join(level, head) for level in _SPLIT_LEVELS.split(levels_text))


def _join(level: str, head: str) -> str:
    """Level + head, writing a committee level's party committee as 市委 (市、乡镇党委书记)."""
    if level in lexicon()["committee_levels"]:
        for party in _PARTY:
            if head.startswith(party):
                return level + "委" + head[len(party):]
    return level + head


def _is_finance(actors: tuple[str, ...]) -> bool:
    heads = tuple(lexicon()["finance_heads"])
    return all(a.endswith(heads) for a in actors)


@lru_cache(maxsize=4096)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every actor mention in `text`, left to right."""
    pats, lex = _patterns(), lexicon()
    out: list[Mention] = []
    for m in _matches(text):
        branch, body = _branch(m)
        pre = m.group("pre") or ""
        if branch == "level" and (not body or pats["unit_only"].fullmatch(body)):
            continue
        if branch == "post" and _quoted(text, m.start(), m.end()):
            continue  # “书记抓书记、一级抓一级”: a slogan, not an actor
        actors, kind, finance = _parts(branch, pre, body)
        mention = Mention(m.start(), m.end(), m.group(), actors, kind, finance)
        out.extend(_continued(text, mention) if text[m.end():m.end() + 1] in _CONTINUE else (mention,))
    return tuple(out)


def _matches(text: str) -> list[re.Match]:
    """Actor matches left to right; named bodies after 的 (…的城乡基层治理委员会) only where named."""
    pats = _patterns()
    found = list(pats["actor"].finditer(text))
    if any(w in text for w in lexicon()["named_bodies"]):
        taken = [m.span() for m in found]
        extra = [m for m in pats["named"].finditer(text)
                 if not any(s < m.end() and m.start() < e for s, e in taken)]
        found = sorted(found + extra, key=lambda m: m.start())
    return found


def _branch(m: re.Match) -> tuple[str, str]:
    """(branch name, matched text without prefix) of an actor match."""
    pre = m.group("pre") if m.re is _patterns()["actor"] else None
    body = m.group()[len(pre or ""):]
    if m.re is not _patterns()["actor"]:
        return "named", body
    if m.lastgroup == "lv":
        return next(branch for name, branch in _LV_BRANCHES if m.start(name) >= 0), body
    return m.lastgroup, body


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether [start, end) stands inside a “…” quote."""
    opened = text.rfind("“", 0, start)
    return opened >= 0 and text.rfind("”", opened, start) < 0 and text.find("”", end) >= 0


def _continued(text: str, mention: Mention) -> list[Mention]:
    """A bare organ after a levelled one: juxtaposed it is a second actor with the same level
    (同级地方党委政府 -> 同级地方党委 + 同级地方政府); after 和 the pair is one actor (各级党委和政府)."""
    m = _patterns()["continuation"].match(text, mention.end)
    lv = _patterns()["lvg"].match(mention.text)
    if not m or mention.kind != "organ" or not lv or len(mention.actors) != 1:
        return [mention]
    if m.start("h") > m.start():
        joined = mention.text + m.group()
        return [Mention(mention.start, m.end(), joined, (mention.actors[0] + m.group(),), "organ", False)]
    actor = lv.group() + m.group("h")
    return [mention, Mention(m.start("h"), m.end(), m.group("h"), (actor,), "organ", _is_finance((actor,)))]


def group_mentions(text: str, mentions: tuple[Mention, ...]) -> list[Group]:
    """Join mentions separated only by 、/和/与/及/或 (or nothing) into coordinated groups."""
    groups: list[list[Mention]] = []
    for m in mentions:
        prev = groups[-1][-1] if groups else None
        if prev and text[prev.end:m.start] == "等" and len(groups[-1]) > 1:
            groups[-1][-1] = replace(prev, end=m.end)  # 团县委、县妇联等群团组织: 群团组织 sums the list up
            continue
        # juxtaposed mentions are coordinated only when both are organs (市委市政府)
        if prev and (m.start > prev.end or prev.kind == m.kind == "organ") and _coordinated(text[prev.end: m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [_group(g) for g in groups]


@lru_cache(maxsize=256)
def _coordinated(gap: str) -> bool:
    return re.fullmatch(f"{_COORD}?", gap) is not None


# -- the duty words (data/zh/duties.yaml) the extractor reads around actors ----------------------

ROLES = ("lead", "support", "oversee", "fund", "execute")
_AT_KINDS = ("modals", "word_guards", "permission", "passive", "prepositions", "verbs", "cooperation", "light_verbs",
             "nominal_links", "disposal_stops", "object_markers", "measure_verbs")
_END_KINDS = ("agent_before", "approval_before", "cooperation", "object_verbs", "pivot_verbs")
DUTY_KEYS = frozenset(_AT_KINDS + _END_KINDS + (
    "markers", "labels", "not_markers", "post_verbs", "post_titles", "strip_modals", "opinion_before",
    "opinion_after", "manner_prepositions", "adverbs", "nominal_tails", "evaluative", "establish_verbs",
    "deadline_patterns"))


@lru_cache(maxsize=1)
def duty_rules() -> dict:
    """data/zh/duties.yaml, checked: known keys, roles and marker places only."""
    data = load_yaml("duties", DUTY_KEYS)
    for role, places in data["markers"].items():
        if role not in ROLES or not isinstance(places, dict) or set(places) - {"adjacent", "anywhere"} \
                or not all(isinstance(ws, list) for ws in places.values()):
            raise RuleError(f"duties.yaml: markers.{role}: unknown role or place, or not a list")
    if not isinstance(data["labels"], dict) or set(data["labels"]) - set(ROLES):
        raise RuleError("duties.yaml: labels: unknown role")
    for key, value in data.items():
        strings = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if key not in ("markers", "labels") and not strings:
            raise RuleError(f"duties.yaml: {key} must be a list of strings")
    return data


@lru_cache(maxsize=1)
def duty_grammar() -> dict:
    """The duty words compiled: `at` tries match at a position, `ends` at the end of a clause's
    left part, `scan` ones search a span."""
    r = duty_rules()
    roles = {w: (role, place) for role, places in r["markers"].items() for place, ws in places.items() for w in ws}
    labels = {w: role for role, ws in r["labels"].items() for w in ws}
    nots, nouns = r["not_markers"], [w for w in roles if RESPONSIBILITY.search(w)]
    at = {k: re.compile(trie_regex(r[k])) for k in _AT_KINDS}
    at.update(phrase=re.compile(trie_regex(r["prepositions"] + r["manner_prepositions"])),
              adverb=re.compile(f"{trie_regex(r['adverbs'])}|{_TIME}"),
              marker=re.compile(trie_regex(list(roles) + nots)),
              post=re.compile(trie_regex(r["post_verbs"]) + trie_regex(r["post_titles"])),
              opinion=re.compile(f"的?{trie_regex(r['opinion_after'])}"))
    # words a clause's left part may end with, by length, longest first (a few set lookups a call)
    ends = {k: _by_length(r[k]) for k in _END_KINDS + ("opinion_before",)} | {"labels": _by_length(list(labels))}
    scan = {"anywhere": [w for w, (_, p) in roles.items() if p == "anywhere"] + nots, "any": list(roles) + nots,
            "fund": [w for w, (role, p) in roles.items() if (role, p) == ("fund", "anywhere")] + nots,
            "nouns": nouns, "act": list(roles) + r["verbs"], "modals": r["modals"],
            "permission": r["permission"], "establish": r["establish_verbs"], "disposal": r["disposal_stops"]}
    scan = {k: re.compile(trie_regex(v)) for k, v in scan.items()}
    scan.update(evaluative=re.compile(f"(?:{trie_regex(r['evaluative'])})$"),
                labels=re.compile(f"{trie_regex(list(labels))}:"),
                preps=re.compile(trie_regex(r["prepositions"])),
                closing=re.compile(f"{trie_regex(r['verbs'])}|{at['post'].pattern}"),
                tails=re.compile(f"(?:{trie_regex(r['nominal_tails'])})$"),
                deadline=re.compile("|".join(f"(?:{p})" for p in r["deadline_patterns"])))
    return {"at": at, "ends": ends, "scan": scan, "roles": roles, "labels": labels, "strip": set(r["strip_modals"])}


def _by_length(words: list[str]) -> list[tuple[int, frozenset[str]]]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return [(n, frozenset(w for w in words if len(w) == n)) for n in lengths]
