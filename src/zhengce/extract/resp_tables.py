"""Task tables (牵头单位:X;责任单位:Y), asides ((X、Y按职责分工负责)) and deadlines, for the responsibility
extractor: the parts of a provision (and of the paragraph before it) that name tasks rather than actors."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..text.normalize import is_table_row
from .actor_scan import names_one_actor
from .actors import Group, Mention, duty_grammar, duty_rules, lexicon
from .resp_subject import last_clause
from .table_cells import names_its_unit

_LIST = re.compile(r"(?:[^();。]|\([^()]*\))*")  # a label's list runs to ; or to the bracket it stands in
_TAG = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)")
_SENTENCE = re.compile("[^。;!?]+")
RANKED = "ranked"  # a label list whose first unit leads and the others support
# a list or article number opening a line: (一), 一、, 1., 第五条
LIST_NUMBER = re.compile(r"^\s*(?:\(?[一二三四五六七八九十百零\d]+[)、.]|第[一二三四五六七八九十百零\d]+[条章节])\s*")


_DUTY_LIST = re.compile(r"([^,;:。]{2,24}?):")  # 县民政局:负责…;牵头…: a paragraph of one unit's duties


def duty_list_unit(text: str) -> Optional[tuple[str, int]]:
    """(the unit, where its duties start) when `text` opens a paragraph of one unit's duties (县民政局:负责…;
    区委宣传部(区政府新闻办):负责…), else None."""
    number = LIST_NUMBER.match(text)
    start = number.end() if number else 0
    if (m := _DUTY_LIST.match(text, start)) and names_one_actor(m.group(1)):
        return m.group(1), m.end()
    return None


def context_subject(context: str) -> str:
    """The subject a provision that leaves it out takes from its paragraph so far: the unit a duty-list
    paragraph opens with (县民政局:负责…;牵头建立…;会同…), else the paragraph's last clause."""
    if unit := duty_list_unit(context):
        return unit[0]
    return LIST_NUMBER.sub("", last_clause(context))


def label_roles(text: str, context: str, groups: list[Group]) -> dict[int, tuple[int, str]]:
    """{group start: (label start, role)} of the groups a task-table label lists (see duties.yaml); a lone
    责任单位 list is RANKED: its first unit leads, the others support (after a 、 or a comma: 责任单位:县食安办,各乡镇人民政府)."""
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
            role = RANKED  # 责任单位:A、B,C ranks its units (排在第一位的为牵头单位,其余为配合单位)
        out.update((x.start, (m.start(), "support" if role == RANKED and k else role if not tags
                              else "lead" if x.start in tags else "support")) for k, x in enumerate(members))
    return out


# One unit in a label list or an aside (区委社治委, 各镇(街道), 区级相关部门): a short name, brackets allowed.
_UNIT = re.compile(r"(?:[\u4e00-\u9fff]|\([\u4e00-\u9fff、]{1,8}\)){2,20}")
_ASIDE = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
# …and the same standing as a sentence of its own after its task (由社会事业办公室牵头,劳动保障所、各社区配合。)
_BARE_ASIDE = re.compile(r"(由[^(),;。]{2,30}牵头,[^(),;。]{2,60}(?:配合|协助|参与))。?")
_PART = re.compile("[^,;]+")


def label_mentions(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with every unit a task-table label lists (牵头单位:区委社治委;配合单位:区委党校、团区委) or an
    aside names ((区委社治委牵头,区级相关部门配合)) read as one actor: the list's position makes it one even where
    the actor lexicon knows the name only in part (区委 of 区委社治委) or not at all."""
    bare = _BARE_ASIDE.fullmatch(text) if text.startswith("由") else None
    if ":" not in text and "(" not in text and not bare:
        return mentions  # (most provisions: no label, no aside)
    labels = list(duty_grammar()["scan"]["labels"].finditer(text)) if ":" in text else []
    spans = []
    for m, nxt in zip(labels, labels[1:] + [None]):
        stop = min(_LIST.match(text, m.end()).end(), nxt.start() if nxt else len(text))
        # (a label lists its units by 、 or by commas: 配合单位:镇综合行政执法队,石板桥村、桃花溪村)
        spans.extend(_units(text, m.end(), len(text[:stop].rstrip(",;: ")), _CELL_SEPARATORS))
    for m in [*(_ASIDE.finditer(text) if "(" in text else ()), *([bare] if bare else [])]:
        for part in _PART.finditer(m.group(1)):
            body, start = part.group().rstrip(), m.start(1) + part.start()
            if body.endswith(markers := _aside_markers()):  # (one C call rules out most parts)
                marker = next(w for w in markers if body.endswith(w))
                label = duty_grammar()["scan"]["labels"].match(body)  # (责任科室:养老服务科牵头,规划财务科配合)
                skip = label.end() if label else body.startswith("由")
                spans.extend(_units(text, start + skip, start + len(body) - len(marker)))
    if not spans:
        return mentions
    kept = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
    heads = tuple(lexicon()["finance_heads"])
    added = [Mention(s, e, text[s:e], (text[s:e],), "organ", text[s:e].endswith(heads)) for s, e in spans]
    return tuple(sorted(kept + added, key=lambda m: m.start))


_PERSON_POST = re.compile(r"(?:[\u4e00-\u9fff]{2,4}|[×xX*○]{2,3})\(((?:[\u4e00-\u9fff]|、){2,16})\)")
_CELL_SEPARATORS = re.compile(r"[、,](?![^()]*\))")  # (not inside a bracket: 各县(市、区)人民政府 is one unit)


def _units(text: str, start: int, end: int, separators: re.Pattern = re.compile(r"、(?![^()]*\))")) -> list[tuple[int, int]]:
    """Spans of the 、-separated units in text[start:end] (a closing 等 dropped), or none if one is not a name."""
    out, pos = [], start
    for item in separators.split(text[start:end]):
        s, e = pos, pos + len(item)
        pos = e + 1
        while e > s and text[e - 1] in "等 ":
            e -= 1
        if text[e - 1:e] == ")" and (tag := _TAG.search(text, s, e)) and tag.end() == e \
                and tag.group(1) in duty_grammar()["roles"]:
            e = tag.start()  # 区民政局(牵头): the tag says its role (label_roles), the unit is the name
        if (person := _PERSON_POST.fullmatch(text, s, e)) and person.group(1).endswith(_post_ends()):
            out.append((s, e))  # ×××(县长), 陈晓东(副县长): a person named with the post they hold
            continue
        if not _UNIT.fullmatch(text, s, e) or not re.sub(r"\([^()]*\)$", "", text[s:e]).endswith(_unit_ends()):
            return []
        out.append((s, e))
    return out


@lru_cache(maxsize=1)
def _aside_markers() -> tuple[str, ...]:
    """The lead and support marker words an aside's unit list ends with (牵头, 配合…), longest first."""
    markers = duty_rules()["markers"]
    words = {w for role in ("lead", "support") for w in markers[role].get("adjacent", [])}
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _unit_ends() -> tuple[str, ...]:
    """What a listed unit's name ends with: a suffix, organ, level, body or post of the actor lexicon."""
    lex = lexicon()
    keys = ("department_suffixes", "organs", "level_organs", "levels", "named_bodies", "posts", "standalone_posts",
            "generic", "bodies", "listed_unit_ends")
    return tuple(sorted({w for k in keys for w in lex[k]}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _post_ends() -> tuple[str, ...]:
    """What the post in a person's brackets ends with (×××(县长), 周立华(石门镇镇长), 县政协副主席)."""
    return tuple(sorted(set(_unit_ends()) | set(lexicon()["level_posts"]), key=len, reverse=True))


_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a pasted table row: words parted by single spaces
_FIGURE = re.compile(r"\d+(?:\.\d+)?%?")  # a cell that is a bare figure (a task table's only one is its number)
_HAS_HAN = re.compile("[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")  # a cell with figures: a target, the task is the cell of words
_PHONE = re.compile(r"(?:0\d{2,3}-)?\d{7,8}|1[3-9]\d{9}")  # a contact list's telephone cell
Row = list[tuple[str, str, str, Optional[str]]]  # (actor, role, task, deadline) per unit


_COVERED_PLACE = re.compile(r"(?![各全])[\u4e00-\u9fff]{1,8}(?:村|社区|片区|小区)")


_PLACE_CELL = re.compile(r"(?![各全])[\u4e00-\u9fff]{1,8}(?:村|社区|片区|小区|镇|乡|街道)")  # (towns too: 石门镇)


def _only_places(text: str, units: list[tuple[int, int]], place: re.Pattern = _COVERED_PLACE) -> bool:
    """Whether every unit of a cell is a named place (湖沟社区、湖沟村; with `_PLACE_CELL` also 石门镇)."""
    return all(place.fullmatch(text, s, e) for s, e in units)


def _covered_places(text: str, units: list[tuple[int, int]]) -> bool:
    """Whether a cell lists named villages or communities only (湖沟社区、湖沟村、胡桥村): the area a row's post or
    unit covers, beside the cell naming it, not actors of their own."""
    return len(units) >= 2 and _only_places(text, units)


@lru_cache(maxsize=1)
def _roster_headers() -> frozenset[str]:
    return frozenset(duty_rules()["roster_headers"])


def row_cells(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a table row pasted as text."""
    return [(m.start(), m.end()) for m in _CELL.finditer(text)]


def row_assignments(text: str) -> Optional[Row]:
    """A task-table row pasted as text (序号, 工作任务, 牵头单位, 配合单位, 完成时限 parted by tabs or spaces), read
    by column: the longest cell of words before the units is the task, the first cell listing units after it leads
    (its first unit alone when it lists several and no second such cell follows: 责任单位 ranks them), later ones
    support. A cell parts its units by 、 or by commas (市商务局,市城市管理局,市供销社).
    None when `text` is no such row; [] for a header row."""
    if not is_table_row(text):
        return None
    cells = row_cells(text)
    g = duty_grammar()
    if any(text[s:e] in g["labels"] or text[s:e] in _roster_headers() for s, e in cells):
        return []  # the header row
    if sum(1 for s, e in cells[1:] if _FIGURE.fullmatch(text, s, e)) >= 2:
        return None  # a row of figures (420 912 四级): a data table, whose names are no units
    if sum(1 for s, e in cells if names_its_unit(text[s:e])) >= 2:
        return []  # a form's header (排查企业(户) | 追回工资(万元)): columns of figures, no units given tasks
    if any(_PHONE.fullmatch(text, s, e) for s, e in cells):
        return None  # a contact list (汽车路街道  刘建平  党工委委员  0737-4221036): posts, no tasks
    first = next((i for i, (s, e) in enumerate(cells) if _HAS_HAN.search(text, s, e)), len(cells))
    unit_cells = [(i, u) for i, (s, e) in enumerate(cells) if i > first and (u := _units(text, s, e, _CELL_SEPARATORS))]
    if len(unit_cells) > 1:  # (东片区 | 王立军 | 镇党委书记 | 湖沟社区、湖沟村、胡桥村: the villages are the post's area)
        unit_cells = [(i, u) for i, u in unit_cells if not _covered_places(text, u)] or unit_cells
    if any(_PERSON_POST.fullmatch(text, s, e) for _, u in unit_cells for s, e in u):
        # (龙潭水库 | 石门镇 | 陈晓东(副县长) | 县水利局; 蔺河镇 | ×××(县长) | 蔺河村、茶农村: beside people named
        # with their posts, a cell of place names only is where they serve)
        unit_cells = [(i, u) for i, u in unit_cells if not _only_places(text, u, _PLACE_CELL)]
    stop = unit_cells[0][0] if unit_cells else len(cells)
    # the task: the longest cell of words before the first list of units (依法履职 | 人民调解和矛盾纠纷排查化解 | 区司法局),
    # one without figures first (水质检测 | 每季度检测不少于1次,达标率不低于95%: the task, then its target)
    task = max((i for i in range(first, stop) if _HAS_HAN.search(text, *cells[i])),
               key=lambda i: (not _DIGIT.search(text, *cells[i]), cells[i][1] - cells[i][0]), default=None)
    units = [u for _, u in unit_cells]
    if len(cells) < 3 or not units:
        return None
    deadline = text[slice(*due)] if (due := _deadline_cell(text, cells)) else None
    duty = text[slice(*cells[task])]
    if len(units) == 1:
        roles = [["lead"] + ["support"] * (len(units[0]) - 1)]
    else:
        roles = [["lead"] * len(units[0])] + [["support"] * len(u) for u in units[1:]]
    return [(text[s:e], role, duty, deadline) for u, rs in zip(units, roles) for (s, e), role in zip(u, rs)]


def row_deadline(text: str) -> Optional[tuple[int, int]]:
    """The span of a task-table row's deadline cell (2025年11月底前), or None: its numbers are due by then."""
    if not is_table_row(text):
        return None
    return _deadline_cell(text, row_cells(text))


def _deadline_cell(text: str, cells: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The first of a row's cells that is a deadline (2025年11月底前), or None."""
    deadline = duty_grammar()["scan"]["deadline"]
    return next(((s, e) for s, e in cells if deadline.fullmatch(text, s, e)), None)


def task_of(text: str, context: str, pos: int) -> str:
    """The task a label list or aside at pos belongs to: the words before its bracket, else the
    paragraph's first sentence without its number."""
    opened = text.rfind("(", 0, pos)
    before = text[:opened if opened >= 0 else pos]
    if first := duty_grammar()["scan"]["labels"].search(before):
        before = before[:first.start()]  # 牵头单位:X;配合单位:Y — Y's task is X's, not X's label
    return opening_sentence(before if re.search("[\u4e00-\u9fff]", before) else context)


def opening_sentence(text: str) -> str:
    """The first sentence of `text` without its number (牵头单位:… takes it as its task)."""
    number = LIST_NUMBER.match(text)
    m = _SENTENCE.match(text, number.end() if number else 0)
    return m.group().strip(" ,;:(") if m else ""


def under_task(text: str) -> bool:
    """Whether a provision is a task-table label (牵头单位:…) or an aside ((X牵头,Y配合)) standing on its own,
    so it belongs to the task before it."""
    body = text.strip(" 。")
    return bool(duty_grammar()["scan"]["labels"].match(body.lstrip("( ")) or _ASIDE.fullmatch(body)
                or body.startswith("由") and _BARE_ASIDE.fullmatch(body))


def lead_labelled(context: str) -> bool:
    """Whether a lead label (牵头单位:) stands in `context` (then a secondary one, 责任单位:, supports)."""
    g = duty_grammar()
    return any(g["labels"][m.group()[:-1]] == "lead" and m.group()[:-1] not in g["secondary"]
               for m in g["scan"]["labels"].finditer(context))


def deadline_in(text: str, start: int, end: int) -> Optional[str]:
    """A deadline inside [start, end), else the last one before it in the text."""
    pat = duty_grammar()["scan"]["deadline"]
    return (m := pat.search(text, start, end) or ([None] + list(pat.finditer(text, 0, start)))[-1]) and m.group()
