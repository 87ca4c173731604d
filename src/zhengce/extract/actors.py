"""Recogniser for the responsibility extractor: actors, and the duty words around them.

Actors are composed from data/zh/actors.yaml (levels x organs x posts, bodies, generic
addressees) and compiled once into a single regex built from tries, so a scan runs at C speed.
A mention may name several actors (街道、社区党组织 -> 街道党组织 + 社区党组织); actor_scan.py finds
and expands them and joins mentions coordinated by 、/和 (市委市政府, 组织部、民政局).
`duty_grammar` compiles data/zh/duties.yaml (markers, modals, frame words) the same way; `DutyWords`
reads a provision word by word with it (task tables, 牵头单位:X;责任单位:Y, are read in resp_tables.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..rules import RuleError, first_chars, load_yaml, pair_test, parse_pattern, trie_regex

ACTOR_KEYS = frozenset({
    "levels", "level_modifiers", "level_chars", "bracket_chars", "group_counts", "committee_levels",
    "prefixes", "organs", "level_organs", "department_stems", "bare_stems", "department_suffixes",
    "sub_organs", "named_bodies", "posts", "level_posts", "standalone_posts", "bodies", "generic", "finance_heads",
    "work_group_suffixes", "work_group_not_in_name", "work_group_not_next", "not_after", "listed_unit_ends",
    "not_actor_compounds", "open_agent_suffixes", "open_agent_not_in_name", "open_agent_not_first", "named_body_offices",
    "level_offices", "level_office_not_after", "level_office_not_next", "open_agent_duty_nouns",
    "open_agent_markers", "named_body_posts", "open_agent_name_words", "branch_offices", "bureau_sections", "level_not_before",
    "networked_heads", "network_branch_ends", "open_agent_duty_tails", "place_agent_levels", "place_agent_not_before",
})
_STRING_KEYS = frozenset({"level_chars", "bracket_chars", "group_counts", "not_after", "work_group_not_in_name",
                          "work_group_not_next", "open_agent_not_in_name", "level_office_not_after",
                          "level_office_not_next", "place_agent_levels", "place_agent_not_before"})
# Kinds of mention, most specific first; `level` (a bare 街道) and `generic` (各部门) are weak actors.
KINDS = ("organ", "post", "body", "level", "generic")
# How a list of department stems closes (民政、教育等部门; 等行业主管部门; 等部门(单位))
STEM_LIST_END = r"(?:行业主管|行业|主管)?(?:部门|单位)(?:\((?:单位|部门)\))?"
_COORD_WORDS = ("、", "和", "与", "及", "以及", "及其", "或者", "或")
_COORD = f"(?:{'|'.join(_COORD_WORDS)})"
_TIME = (r"(?:每|连续)[一二两三四五六七八九十\d]*个?(?:工作日|年|季度|季|半月|月|周|半年|天|日|学期|人|小时|旬)度?"  # 每年, 每两年, 每人
         r"|[一二两三四五六七八九十\d]+年内"  # 连续三年, 三年内: time words before a verb
         r"|[一二两三四五六七八九十\d]+个?(?:工作日|日|天|小时|个月|周)(?:内|以内)")  # (X10个工作日内完成…)
_TIME_FIRST = "每连一二两三四五六七八九十"  # what _TIME starts with (or a digit)
_DATED_FIRST = "于在到至今明当每自"  # what a dated adverb starts with (or a digit)
RESPONSIBILITY = re.compile("责任|职责")
# verbs that set a body up or charge it, and prepositions (区财政对服务站点…): never in its name
_NOT_NAMED = "(?!成立|设立|组建|建立|下设|调整|牵头|负责|协助|配合|参与|会同|指导|督促|应(?!急)|[要须都均将对给从按依是由经向被把并])"  # (应急: a name)
_LV_BRANCHES = (("lstemlist", "stemlist"), ("comm", "comm"), ("named", "named"), ("lhead", "levelhead"),
                ("lpost", "levelpost"), ("loffice", "levelhead"))


@dataclass(slots=True, unsafe_hash=True)  # (not frozen, as Group: one is built per match; never changed once made)
class Mention:
    """An actor phrase in the text and the actors it names."""

    start: int
    end: int
    text: str
    actors: tuple[str, ...]
    kind: str  # one of KINDS
    finance: bool  # a finance organ (市财政): its duties default to `fund`


@dataclass(slots=True)  # (not frozen: a frozen dataclass is built at twice the cost, and one is built per group)
class Group:
    """Mentions coordinated by 、/和/与 or juxtaposed (市委市政府): they share one frame (never changed once made)."""

    start: int
    end: int
    mentions: tuple[Mention, ...]
    kind: str  # the most specific kind among the members


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """data/zh/actors.yaml, checked: known keys only, lists of strings or strings."""
    data = load_yaml("actors", ACTOR_KEYS)
    for key, value in data.items():
        text = key in _STRING_KEYS
        ok = isinstance(value, str) if text else isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not ok or not value or not all(value):
            raise RuleError(f"actors.yaml: {key} must be a non-empty {'string' if text else 'list of strings'}")
    return data


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """The compiled actor grammar (see the module docstring)."""
    lex = lexicon()
    counts = f"[{re.escape(lex['group_counts'])}]级"
    unit = (f"{trie_regex(lex['levels'] + lex['level_modifiers'])}"
            f"(?:[(〔][{re.escape(lex['bracket_chars'])}]{{1,8}}[)〕])?")  # 县(市、区), 县〔市、区〕
    lvg = (f"(?:[{re.escape(lex['level_chars'])}]{{2,5}}{counts}"
           f"|(?:{unit}){{1,2}}(?:{_COORD}(?:{unit}){{1,2}})*(?:{counts})?)")
    depts = [s + x for s in lex["department_stems"] for x in lex["department_suffixes"]]  # 民政局, 组织部门, 政法委
    head = _with_departments(lex["organs"] + lex["bodies"])
    bound = trie_regex(lex["level_organs"] + lex["bare_stems"])
    sub = _with_departments(lex["sub_organs"])
    post = trie_regex(lex["posts"])
    named = (f"(?:{_NOT_NAMED}(?!的)(?:[\u4e00-\u9fff]|“[\u4e00-\u9fff]{{2,6}}”)){{0,6}}?"  # (市“一网统管”工作领导小组)
             f"{trie_regex(lex['named_bodies'])}(?:{trie_regex(lex['named_body_offices'])})?"  # 市领导小组办公室
             f"(?:{trie_regex(lex['named_body_posts'])})?")  # 区防汛指挥部指挥长, 区防汛指挥部成员单位
    stems = trie_regex(lex["department_stems"])
    # a level's office the lexicon does not name (镇规划建设办, 镇综合文化站): a short name and an office's ending
    office = (f"(?:{_NOT_NAMED}(?![{re.escape(lex['work_group_not_in_name'])}])[\u4e00-\u9fff]){{1,6}}?"
              f"(?<![{re.escape(lex['level_office_not_after'])}]){trie_regex(lex['level_offices'])}"
              f"(?![{re.escape(lex['level_office_not_next'])}])")
    # a bureau's branch named by its place (市生态环境局临澧分局, 县公安局城关派出所)
    not_in = re.escape(lex["work_group_not_in_name"])
    branch = (f"(?:(?<=局)[\u4e00-\u9fff]{{2,3}}?{trie_regex(lex['branch_offices'])}"
              # …or its section (县教体局计划财务股, 市民政局养老服务科): a short name with a section's ending
              f"|(?<=[局委厅])(?!{trie_regex(lex['posts'])})"
              f"(?:{_NOT_NAMED}(?!兼任|担任|进行)(?![{not_in}])[\u4e00-\u9fff]){{2,6}}?"
              f"(?<![{re.escape(lex['level_office_not_after'])}]){trie_regex(lex['bureau_sections'])}"
              f"(?![{re.escape(lex['level_office_not_next'])}]))?")
    tail = f"{branch}(?:{sub})?(?:\\((?:{head}|{post})\\))?(?:{post})?(?:\\((?:{post})\\))?"  # 党委(党组), 书记(主任)
    # One attempt per position: heads that start like a level (市场监管局) first, then a level group
    # with what may follow it; the level group is matched once. Named bodies after 的 are separate.
    # 公安、司法行政、信访等部门: after a known stem, a short unknown item may stand in a list closed by 等
    stemlist = (f"{stems}(?:(?:、{stems})+等?|(?:、(?:{stems}|[\u4e00-\u9fff]{{2,6}}))+等)"
                f"{STEM_LIST_END}")  # (…等行业部门, …等部门(单位): each a 部门 still)
    committee = "".join(re.escape(c) for c in lex["committee_levels"])
    # a network's branch named by its place (人民银行常德市分行, 金融监管总局鹤壁监管分局, 国网湖南省电力有限公司)
    network = (f"{trie_regex(lex['networked_heads'])}"
               f"(?:(?:{_NOT_NAMED}(?![{not_in}])[\u4e00-\u9fff]){{2,6}}?{trie_regex(lex['network_branch_ends'])})?")
    branches = {
        "network": network,
        "generic": trie_regex(lex["generic"]),
        "head": f"{head}{tail}",
        # a stand-alone post starts a word or follows a prefix: 总书记 is not 书记, but 一名领导干部 (由领导干部, 向网格长报告, 新任代办员) is
        # (其主要负责人: the subject's own post; not 及其工作人员, "and its staff", which continues a list)
        "post": f"(?(pre)|(?:(?<![\u4e00-\u9fff])|(?<=[名位个的由向])|(?<=[^及与和]其)|(?<=\\A其)))"
                + trie_regex(lex["standalone_posts"]),
        "stemlist": stemlist,
        "lv": (f"{lvg}(?:(?P<lstemlist>{stemlist})|(?P<comm>(?<=[{committee})])委{tail})|NAMED"
               f"|(?P<lhead>(?:{head}|{bound}){tail})|(?P<lpost>{trie_regex(lex['posts'] + lex['level_posts'] + lex['standalone_posts'])})"
               f"|(?P<loffice>{office}))"),
        # a level alone, tried after every way to read a head after it (上级机关); 村民 is people, and
        # 村(社区)公示栏 a place to post notices in, not the village
        "level": f"{lvg}(?!民|{trie_regex(lex['level_not_before'])})",
    }
    first = "".join(sorted({w[0] for k in ("prefixes", "levels", "level_modifiers", "generic", "department_stems",
                                           "organs", "bodies", "standalone_posts", "networked_heads")
                            for w in lex[k]} | set(lex["level_chars"]) | {d[0] for d in depts}))
    body = "|".join(f"(?P<{name}>{pat})" for name, pat in branches.items()).replace("NAMED", f"(?P<named>{named})")
    # (市直各有关单位, 县直相关部门: the units of a level's own administration, addressed as a whole)
    pre = f"(?:{trie_regex(lex['level_modifiers'])}(?=各|有关|相关))?{trie_regex(lex['prefixes'])}"
    actor = (f"(?P<pre>{pre})?(?:{body})(?!员)(?!(?<=办)理)"  # 备案机关办理: 办 is no sub-organ there
             f"{_compound_guards(lex)}")
    # one charset test rejects most positions, a test of the first two characters most of the rest (`re` would
    # try the whole alternation there); read off the grammar with named bodies, so `plain` may use it too
    actor = f"(?=[{re.escape(first)}])(?<![{re.escape(lex['not_after'])}]){pair_test(actor)}{actor}"
    compiled = {  # the lazy named-body branch costs a third of the scan: left out of texts that name no body
        "actor": re.compile(actor),
        "plain": re.compile(actor.replace(f"|(?P<named>{named})", "")),
        "named": re.compile(f"(?<=的){named}"),
        "named_any": re.compile(_any_of(lex["named_bodies"])),
        # (a suffix as a work group ends: most 组 are 组织, 组成 and need no scan)
        "work_group_any": re.compile(f"{_any_of(lex['work_group_suffixes'])}(?![{re.escape(lex['work_group_not_next'])}])"),
        "work_group": re.compile(f"(?:(?<![\u4e00-\u9fff])|(?<=由))(?:{_NOT_NAMED}(?![{re.escape(lex['work_group_not_in_name'])}])"
                                 f"[\u4e00-\u9fff]){{2,6}}?{trie_regex(lex['work_group_suffixes'])}"
                                 f"(?![{re.escape(lex['work_group_not_next'])}])"),
        "open_agent": _open_agent(lex),
        "open_agent_gate": re.compile(_any_of(duty_rules()["modals"] + lex["open_agent_duty_nouns"]
                                              + lex["open_agent_markers"] + lex["open_agent_duty_tails"]
                                              + ["至少", "不少于"])),
        "lvg": re.compile(lvg),
        # 市、县两级, 中央、省、市、县各级: a group of levels named as one (SPEC: `N级` groups stay one actor)
        "counted_levels": re.compile(f"[{re.escape(lex['group_counts'])}各]级$"),
        "prefix": re.compile(trie_regex(lex["prefixes"])),
        "unit_only": re.compile(f"(?:{trie_regex(lex['level_modifiers'])})+"),
        "continuation": re.compile(f"{_COORD}?(?P<h>政府|人民政府|人大|政协|党委|纪委)"),
    }
    # the (group, branch) pairs of the level branch each scan has (`plain` has no `named`)
    for scan in ("actor", "plain"):
        compiled["lv_" + scan] = tuple((n, b) for n, b in _LV_BRANCHES if n in compiled[scan].groupindex)
    return compiled


def _open_agent(lex: dict) -> re.Pattern:
    """A subject the lexicon does not know: at a clause start, a short name with an agent's ending, right before
    a modal that is not the start of a longer word (应急, 要求 stay words), or named a duty holder (机构举办者是安全
    工作第一责任人)."""
    rules = duty_rules()
    guards = [w for w in rules["word_guards"] if w.startswith(tuple(rules["modals"]))]
    not_in = re.escape(lex["open_agent_not_in_name"])
    # a place by its name (桃林乡, 东山区要…): two or three characters and a level, not a compound of it (小区, 城市)
    place = (f"(?:(?![{not_in}])[\u4e00-\u9fff]){{2,3}}(?<![{re.escape(lex['place_agent_not_before'])}])"
             f"[{re.escape(lex['place_agent_levels'])}](?![\u4e00-\u9fff]{{0,2}}(?:政府|委|局|办))")
    name = (f"(?!{trie_regex(lex['open_agent_not_first'])})"
            f"(?:(?:{trie_regex(lex['open_agent_name_words'])}|\\([\u4e00-\u9fff、]{{1,8}}\\)|(?![{not_in}])[\u4e00-\u9fff“”]){{0,8}}?"
            f"{trie_regex(lex['open_agent_suffixes'])}|{place})")
    # (建设单位、施工单位应当…; 镇中心小学和西城中学要…: a list of such names before the modal, each one an agent)
    listed = f"(?:(?:、|和|及){name}){{0,3}}"
    return re.compile(f"(?<![^\\s,;。:!?)．.、和及])(?=[\u4e00-\u9fff()“”]{{2}}){name}"
                      f"(?:(?={listed}{trie_regex(rules['modals'])})(?!{trie_regex(guards)})"
                      f"|(?=[是为][^,;。]{{0,20}}?{trie_regex(lex['open_agent_duty_nouns'])})"
                      f"|(?=对[^,;。]{{1,30}}?{trie_regex(lex['open_agent_duty_tails'])})"
                      f"|(?=每(?:年|半年|季度|月|周|天|日)(?:至少|不少于|{trie_regex(rules['modals'])}|[^,;。]{{1,10}}?(?:至少|不少于)))"
                      # (a duty list's line: 湖沟供电所:负责排查…)
                      f"|(?=:?{trie_regex(lex['open_agent_markers'])})(?!:?{trie_regex(rules['not_markers'])}))")


def _any_of(words: list[str]) -> str:
    """A regex only searched for (is any of `words` in a text): a flat alternation of literals lets `re` skip
    ahead to their first characters, twice as fast as a trie behind its lookahead test."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words))) + ")"


def _compound_guards(lex: dict) -> str:
    """Lookaheads keeping an actor's match from stopping inside a compound that names no actor (物业|管理)."""
    names = {w for k in ("bodies", "organs", "standalone_posts", "generic", "posts") for w in lex[k]}
    rests: dict[str, list[str]] = {}
    for word in lex["not_actor_compounds"]:
        head = max((n for n in names if word.startswith(n) and n != word), key=len, default=None)
        if head is None:
            raise RuleError(f"actors.yaml: not_actor_compounds: {word} opens with no actor's name")
        rests.setdefault(head, []).append(word[len(head):])
    return "".join(f"(?!(?<={re.escape(h)}){trie_regex(r)})" for h, r in sorted(rests.items()))


def _with_departments(others: list[str]) -> str:
    """A regex for the departments (stems x suffixes) or `others` that tries words longest first, as a trie of
    them all would, but written as stems then suffixes: the actor regex is a fifth the size and compiles five
    times faster. The trie itself if the product would try some text's words in another order (a data edit
    may do that)."""
    stems, suffixes = set(lexicon()["department_stems"]), set(lexicon()["department_suffixes"])
    words = {s + x for s in stems for x in suffixes} | set(others)
    for w in words:  # the words a text starting with w offers, in the product's order (then `others`)
        tried = [w[:i + j] for i in range(len(w), 0, -1) if w[:i] in stems
                 for j in range(len(w) - i, 0, -1) if w[i:i + j] in suffixes]
        tried += [w[:i] for i in range(len(w), 0, -1) if w[:i] in words]
        if [len(v) for v in dict.fromkeys(tried)] != sorted({len(v) for v in tried}, reverse=True):
            return trie_regex(words)
    return f"(?:{trie_regex(stems)}{trie_regex(suffixes)}|{trie_regex(others)})"


# -- the duty words (data/zh/duties.yaml) the extractor reads around actors ----------------------

ROLES = ("lead", "support", "oversee", "fund", "execute")
_AT_KINDS = ("modals", "word_guards", "permission", "passive", "prepositions", "verbs", "head_verbs", "cooperation",
             "light_verbs", "noun_suffixes", "nominal_links", "disposal_stops", "object_markers", "measure_verbs",
             "procedure_nouns")
_END_KINDS = ("agent_before", "approval_before", "cooperation", "object_verbs", "pivot_verbs", "budget_verbs")
DUTY_KEYS = frozenset(_AT_KINDS + _END_KINDS + (
    "markers", "labels", "secondary_labels", "not_markers", "far_post_verbs", "hearing_verbs", "hearing_objects",
    "post_verbs", "post_titles", "strip_modals", "opinion_before", "opinion_after", "manner_prepositions", "adverbs",
    "nominal_tails", "evaluative", "establish_verbs", "deadline_patterns", "composition_tails",
    "grant_verbs", "grant_objects", "light_oversee", "shortcomings", "speech_tails", "report_after", "penalty_patterns", "into_check", "seat_verbs",
    "benefit_verbs", "benefit_objects", "dated_adverbs", "report_verbs", "money_subjects", "temporal_tails",
    "petition_before", "report_to", "submit_verbs", "held_verbs", "meeting_names", "not_approval", "lead_in_patterns",
    "alias_definition", "alias_prefixes", "attendance_markers", "attendance_objects", "clause_time_end", "member_titles", "rate_nouns",
    "holder_nouns", "lead_in_lead_patterns", "heading_nouns", "definition_patterns", "post_title_prefixes",
    "post_title_ranks", "roster_headers", "receipt_verbs", "receipt_hearing_verbs", "receipt_hearing_bodies",
    "receipt_application_verbs", "receipt_object_stops", "receipt_fillers"))


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
    if bad := [k for k, v in data.items() if k not in ("markers", "labels")
               and not (isinstance(v, list) and all(isinstance(w, str) for w in v))]:
        raise RuleError(f"duties.yaml: {bad[0]} must be a list of strings")
    return data


@lru_cache(maxsize=1)
def duty_grammar() -> dict:
    """The duty words compiled: `at` tries match at a position, `ends` at the end of a clause's
    left part, `scan` ones search a span."""
    r = duty_rules()
    roles = {w: (role, place) for role, places in r["markers"].items() for place, ws in places.items() for w in ws}
    labels = {w: role for role, ws in r["labels"].items() for w in ws}
    nots, nouns = r["not_markers"], [w for w in roles if RESPONSIBILITY.search(w)]
    words = {k: r[k] for k in _AT_KINDS}
    # `unassigned`: any of three kinds at a position (none has a guarded 1-char word): one match, not three
    words.update(phrase=r["prepositions"] + r["manner_prepositions"], marker=list(roles) + nots,
                 unassigned=r["permission"] + r["passive"] + r["measure_verbs"])
    at = {k: re.compile(trie_regex(ws)) for k, ws in words.items()}
    first = {k: frozenset(w[0] for w in ws) for k, ws in words.items()}  # `at` tests these before the regex
    first["adverb"] = frozenset(w[0] for w in r["adverbs"]) | set(_TIME_FIRST + _DATED_FIRST)  # (or a digit)
    first["post"] = frozenset(w[0] for w in r["post_verbs"] + r["far_post_verbs"])  # `post` or `far_post` there
    dated = f"(?=[{_DATED_FIRST}\\d])(?:" + "|".join(r["dated_adverbs"]) + ")"  # (a cheap first test)
    # (每季度末, 每月底, 每年年底前: a period's end, and a deadline by it, after any of them)
    at.update(adverb=re.compile("(?:" + "|".join([dated, trie_regex(r["adverbs"]), _TIME]) + ")(?:(?<=[月度年季])[末底初])?(?:(?<=[末底初])[以之]?前)?"),
              post=re.compile(trie_regex(r["post_verbs"]) + f"(?:{trie_regex(r['post_title_prefixes'])})?"
                              f"(?:{trie_regex(r['post_title_ranks'])})?" + trie_regex(r["post_titles"])),
              rate=re.compile(f"[\u4e00-\u9fff]{{0,4}}?{trie_regex(r['rate_nouns'])}"),
              member=re.compile(trie_regex(r["post_verbs"]) + trie_regex(r["member_titles"]) + "(?![\u4e00-\u9fff])"),
              opinion=re.compile(f"的?{trie_regex(r['opinion_after'])}"),
              report=re.compile(trie_regex(r["report_after"])))
    # words a clause's left part may end with, by length, longest first (a few set lookups a call)
    ends = {k: [(n, frozenset(w for w in ws if len(w) == n)) for n in sorted({len(w) for w in ws}, reverse=True)]
            for k, ws in [(k, r[k]) for k in _END_KINDS + ("opinion_before", "post_titles")] + [("labels", list(labels))]}
    scan = {"anywhere": [w for w, (_, p) in roles.items() if p == "anywhere"] + nots, "any": list(roles) + nots,
            "fund": [w for w, (role, p) in roles.items() if (role, p) == ("fund", "anywhere")] + nots,
            "nouns": nouns, "act": list(roles) + r["verbs"], "modals": r["modals"],
            "permission": r["permission"], "establish": r["establish_verbs"], "disposal": r["disposal_stops"],
            "petition": r["petition_before"], "reported": r["report_after"]}
    scan = {k: re.compile(trie_regex(v)) for k, v in scan.items()}
    oversee = [w for w, (role, _) in roles.items() if role == "oversee"]
    scan.update(evaluative=re.compile(f"(?:{trie_regex(r['evaluative'])})$"),
                composition=re.compile(f"(?:{trie_regex(r['composition_tails'])})$"),
                grant=re.compile(f"{trie_regex(r['grant_verbs'])}[^,;。]{{0,16}}?{trie_regex(r['grant_objects'])}"),
                noun_end=re.compile(f"(?:{trie_regex(nouns)})$"),
                oversee_end=re.compile(f"(?:{trie_regex(oversee)})(?:等)?(?:工作|活动)?$"),
                light_end=re.compile(f"(?:{trie_regex(oversee + r['light_oversee'])})(?:等)?(?:工作|活动)?$"),
                light=re.compile(trie_regex(r["light_verbs"] + r["head_verbs"])),
                holder_end=re.compile(f"(?:{trie_regex(r['holder_nouns'])})$"),
                money_after=re.compile(f"[^,;。]{{0,3}}?{trie_regex(r['money_subjects'])}"),
                shortcoming=re.compile(f"{trie_regex(r['shortcomings'])}(?![的地者])"),
                speech=re.compile(f"^[^,;。]{{0,10}}?(?:{trie_regex(r['speech_tails'])})$"),
                labels=re.compile(f"{trie_regex(list(labels))}:"),
                preps=re.compile(trie_regex(r["prepositions"])),
                closing=re.compile(f"{trie_regex(r['verbs'])}|{at['post'].pattern}"),
                tails=re.compile(f"(?:{trie_regex(r['nominal_tails'])})$"),
                # (…的监督检查, 日常指导和考核, 组织初评: a supervision noun ending the duty as its head)
                oversee_tail=re.compile(f"(?:{trie_regex(r['markers']['oversee']['anywhere'])}|(?:(?:进行|开展|实施)[^,;。]{{0,4}}?"
                                        f"|(?<=[的和与及、])|组织)"
                                        f"{trie_regex(r['markers']['oversee']['adjacent'] + r['light_oversee'])})"
                                        "(?:等)?(?:工作|职责|事项)?$"),
                far_post=re.compile(f"{trie_regex(r['far_post_verbs'])}[^,;、。]{{0,12}}?{trie_regex(r['post_titles'])}"),
                hearing=re.compile(f"{trie_regex(r['hearing_verbs'])}[^,;。]{{,16}}?{trie_regex(r['hearing_objects'])}"),
                deadline=re.compile(first_test("|".join(f"(?:{p})" for p in r["deadline_patterns"]))))
    last = {k: {w[-1] for _, ws in v for w in ws} for k, v in ends.items()}
    # last characters of the words that may frame a bare level before it (由街道, 以街道为单位, 明确街道)
    tails = set().union(*(last[k] for k in ("agent_before", "approval_before", "cooperation", "opinion_before",
                                             "pivot_verbs", "labels"))) | set("以在:")
    return {"at": at, "first": first, "ends": ends, "last": last, "frame_tails": frozenset(tails), "scan": scan, "roles": roles,
            "labels": labels, "strip": set(r["strip_modals"]), "secondary": set(r["secondary_labels"]),
            "report_to": tuple(r["report_to"]), "submit": re.compile(trie_regex(r["submit_verbs"])), "not_approval": tuple(r["not_approval"]), "far_post": frozenset(r["far_post_verbs"]),
            "light_words": tuple(r["light_verbs"]),
            "held": frozenset(r["held_verbs"]), "meetings": tuple(r["meeting_names"]),
            # last characters of the frame words responsibilities.special_frame reads (以X为单位, 在X领导下, 向X报告,
            # 报告X); a left part ending otherwise skips it (speed)
            "special_tails": frozenset("以在向") | {w[-1] for w in r["report_to"]}}


def first_test(pattern: str) -> str:
    """`pattern` behind a test of the characters its matches may start with, when the parse tells them
    (an alternation of patterns has no literal start, so `re` tries every one at each position without it)."""
    first = first_chars(parse_pattern(pattern))
    return pattern if first is None else f"(?=[{''.join(sorted(first))}])(?:{pattern})"


_GUARDED = frozenset({"modals", "prepositions", "phrase", "verbs"})  # kinds with 1-char words word_guards may hide


class DutyWords:
    """A provision read word by word with the duty grammar (the primitives of the extractor)."""

    def __init__(self, text: str):
        self.text, self.g, self._skips = text, (g := duty_grammar()), {}
        self._at, self._last, self._ends, self._roles = g["at"], g["last"], g["ends"], g["roles"]
        self._first, self._marker_first, self._adverb_first = g["first"], g["first"]["marker"], g["first"]["adverb"]

    def at(self, kind: str, pos: int, end: int) -> Optional[re.Match]:
        """The longest word of `kind` at pos (a 1-char modal or preposition inside 主要, 对照… is none)."""
        if pos >= end or self.text[pos] not in self._first[kind]:
            return None  # most positions: no word of `kind` starts with that character (one set lookup)
        m = self._at[kind].match(self.text, pos, end)
        return self.guarded(m, kind) if m and m.end() - pos == 1 else m

    def guarded(self, m: Optional[re.Match], kind: str = "modals") -> Optional[re.Match]:  # see `at`
        if m and len(m.group()) == 1 and kind in _GUARDED:
            t, pos, first = self.text, m.start(), self._first["word_guards"]
            for p in (pos - 1, pos) if pos else (pos,):  # (a set lookup rules out most places a guard could start)
                if t[p] in first and (w := self._at["word_guards"].match(t, p)) and w.end() > pos:
                    return None
        return m

    def ending(self, kind: str, left: str) -> Optional[tuple[int, str]]:
        """(start in `left`, word) of the longest word of `kind` that `left` ends with."""
        if not left or left[-1] not in self._last[kind]:
            return None  # most left parts end with no such word: one set lookup
        for n, words in self._ends[kind]:
            if left[-n:] in words:
                return len(left) - n, left[-n:]
        return None

    def marker(self, pos: int, end: int) -> Optional[tuple[str, str, int]]:
        """(role, place, end) of the marker at pos; None if none or a longer non-marker word."""
        if pos >= end or self.text[pos] not in self._marker_first:
            return None  # most positions (one set lookup)
        m = self._at["marker"].match(self.text, pos, end)
        if m is None:
            return None  # most positions
        if (word := m.group()) not in self._roles:
            if not ((v := self.at("verbs", m.end() - 1, end)) and v.end() > m.end()):
                return None
            m = self._at["marker"].match(self.text, pos, m.end() - 1)  # 负责制定 is 负责 + 制定
            if m is None or (word := m.group()) not in self._roles:
                return None
        return (*self._roles[word], m.end())

    def adverb(self, pos: int, end: int) -> Optional[re.Match]:
        """The adverb or time word at pos (one set lookup rules out most positions)."""
        if pos >= end or (c := self.text[pos]) not in self._adverb_first and not c.isdecimal():
            return None  # (`\\d` in a str regex is what isdecimal tells)
        return self._at["adverb"].match(self.text, pos, end)

    def skip(self, pos: int, end: int) -> int:
        """Past adverbs and time words between an actor and its predicate head."""
        if pos >= end or (c := self.text[pos]) not in self._adverb_first and not c.isdecimal():
            return pos  # most positions: no adverb, nothing to skip (`adverb`'s test, inline: a call per actor)
        if (q := self._skips.get((pos, end))) is None:  # (a frame, its object test and predicate ask thrice)
            q, adverb = pos, self._at["adverb"].match
            while q < end and (m := adverb(self.text, q, end)) and not self.marker(q, end) \
                    and not self.at("modals", q, end):
                q = m.end()
            self._skips[pos, end] = q
        return q
