"""The heading tree: numbered labels, unnumbered heading lines and run-in lead-ins."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Line
from ..rules import load_rules
from ..text.normalize import is_table_row
from ..text.numerals import parse_chinese
from .articles import ArticleSpan

_FINAL = "。!?;:"
NAME_LINE = "above:"  # style prefix of an unnumbered line heading a numbered list of its own (县应急管理局 / 1.…)


@dataclass(slots=True)
class Heading:
    """A heading found in the normalized text."""

    line: int  # index into doc.lines
    start: int  # normalized span of label + title
    end: int
    label: str
    style: str  # numbering style name, or 'standalone' / 'runin' for unnumbered
    title: str
    body_start: int  # where the line's body text (after the heading) starts
    title_start: int = -1  # where the title text starts (after the label)
    level: int = 0
    by_colon: bool = False  # the title ends at a colon (工作目标:…), not at a sentence end

    @property
    def sentence(self) -> bool:
        """True when the title is a whole sentence closed by 。 (then it is a provision too)."""
        return self.body_start > self.end and not self.by_colon


@lru_cache(maxsize=1)
def _styles() -> tuple[list[tuple[str, re.Pattern]], dict]:
    r = load_rules("headings")
    styles = [(s["name"], re.compile(s["label"])) for s in r["styles"]]
    return styles, r


@lru_cache(maxsize=1)
def _any_label() -> re.Pattern:
    """Any style's label, group s<i> for style i: one test rejects the many lines that open with none
    (most body lines) and names the first style that matches (the label patterns have no groups)."""
    return re.compile("|".join(f"(?P<s{i}>{pat.pattern})" for i, (_, pat) in enumerate(_styles()[0])))


_TITLE_END = re.compile(r"[。;!?]")
_ARTICLE_TITLE_END = re.compile(r"[。!?]")
_SPEAKER = re.compile(r"[^,。:;\s]{1,6}:")  # 答:, 周海涛: opening a transcript's turn
_TITLE_COLON = re.compile(r"[^,。;:(]{2,20}(?<!\d):")  # 工作目标:到2025年… (a short title, then its text; not 监督(牵头部门:…), nor the ratio in 按5:5比例)


def _title_end(text: str, offset: int, style: str = "") -> int:
    """End of a heading title: a colon closing a short title that text follows, else the first 。
    (or ;) after `offset`, else the line end. An article's (第X条) runs on past ; to its 。: a 条 is one sentence
    of clauses (…应当当场办理;不能当场办理的,应当在…), and annotators title it whole (a 条 with no 。 on its line,
    its items below, still stops at ;)."""
    c = _TITLE_COLON.match(text, offset)
    if c and c.end() < len(text):
        return c.end() - 1
    m = style == "article" and _ARTICLE_TITLE_END.search(text, offset) or _TITLE_END.search(text, offset)
    return m.start() if m else len(text)


def numbered_heading(line: Line) -> Heading | None:
    """A heading that starts with a numbering label."""
    first = _any_label().match(line.text)
    if not first:
        return None
    styles, _ = _styles()
    for name, pat in styles[int(first.lastgroup[1:]):]:  # the styles before it do not match
        m = pat.match(line.text)
        if not m or m.end() >= len(line.text):
            continue
        end = _title_end(line.text, m.end(), name)
        if end == m.end():
            continue
        if _not_a_heading(line.text, m.end(), name):
            return None
        label = line.text[: m.end()].rstrip()
        title = line.text[m.end():end].strip().rstrip(":")  # 应当具备下列条件: -> its title
        body = end + 1 if end < len(line.text) else end
        return Heading(line.index, line.start, line.start + end, label, name, title, line.start + body,
                       line.start + m.end(), by_colon=end < len(line.text) and line.text[end] == ":")
    return None


def _not_a_heading(text: str, label_end: int, style: str) -> bool:
    """A labelled line that is a row of a table pasted as text (一、本年新收申请数量  13  1  14: the label
    numbers the row) or a citation of a clause (第二十条第(一)项 over the table it introduces)."""
    rest = text[label_end:]
    if style == "article" and _line_patterns()["article_citation"].match(rest):
        return True
    return is_table_row(rest) and sum(1 for cell in rest.split() if cell.isdecimal()) >= 2


def runin_heading(line: Line, *, followed: bool = True) -> Heading | None:
    """An unnumbered lead-in sentence heading a digest paragraph ("…建强组织。一是…").

    With `followed`, the paragraph must go on with an enumerator (一是…); without, the lead-in must
    be a short phrase (no comma, no number) and the caller requires several such paragraphs.
    """
    _, r = _styles()
    end = line.text.find("。")
    if end <= 1 or end > r["runin_max_len"] or end + 1 >= len(line.text):
        return None
    rest, title = line.text[end + 1:].lstrip(), line.text[:end]
    if followed and not any(rest.startswith(f) for f in r["runin_followers"]):
        return None
    if _SPEAKER.match(title):
        return None  # 答:…提出了四个方面的举措。一是…, 周海涛:下一步…: a speaker's answer, not a heading
    if not followed and (_ENUMERATOR.match(title) or not (_bare_phrase(title, r) or _phrase_pair(title, r))):
        return None
    return Heading(line.index, line.start, line.start + end, "", "runin", title, line.start + end + 1, line.start)


def _bare_phrase(title: str, r: dict) -> bool:
    """强化组织保障: one short phrase, no comma or number."""
    return len(title) <= r["bare_runin_max_len"] and not re.search(r"[,:;\d]", title)


def _phrase_pair(title: str, r: dict) -> bool:
    """健全组织体系,把党的组织建进小区: two short parallel phrases, the news-report lead-in."""
    parts = title.split(",")
    if len(parts) != 2 or re.search(r"[:;\d]", title) or not 2 <= len(parts[0]) <= r["runin_pair_part_max_len"]:
        return False
    return 2 <= len(parts[1]) <= r["runin_pair_part_max_len"] or parts[1].startswith(tuple(r["runin_pair_aims"]))


_ENUMERATOR = re.compile(r"[一二三四五六七八九十]+(?:是|要|、)|首先|其次|再次|最后|第[一二三四五六七八九十]|同时|此外|另外")


def runin_headings(lines: list[Line], numbered: dict) -> dict[int, Heading]:
    """Run-in lead-ins: those followed by 一是…, or short bare ones when two or more paragraphs open so."""
    followed = {l.index: h for l in lines if l.index not in numbered and (h := runin_heading(l))}
    bare = {l.index: h for l in lines if l.index not in numbered and (h := runin_heading(l, followed=False))}
    if followed:
        if sum(1 for h in followed.values() if "," in h.title) >= 2:  # a run of phrase pairs, some not
            followed |= {i: h for i, h in bare.items() if "," in h.title and i not in followed}  # followed by 一是
        return dict(sorted(followed.items()))
    pairs = sum(1 for h in bare.values() if "," in h.title)
    # A phrase pair also opens ordinary sentences (会议强调,要…): only a run of them is a heading pattern.
    needed = 2 if pairs == 0 else _styles()[1]["runin_pair_min_paragraphs"]
    return bare if len(bare) >= needed else {}


_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)} | {chr(0x3220 + i): i + 1 for i in range(10)}


def label_number(label: str) -> int | None:
    """The number a label counts (三 -> 3, (十二) -> 12, 7. -> 7, ② -> 2)."""
    core = re.sub(r"[^0-9一二三四五六七八九十零①-⑳㈠-㈩]", "", label)
    if not core:
        return None
    if core.isdecimal():
        return int(core)
    if core[0] in _CIRCLED:
        return _CIRCLED[core[0]]
    value = parse_chinese(core)
    return int(value) if value is not None else None


def inline_headings(doc: Document, lines: list[Line], heads: list[Heading]) -> list[Heading]:
    """Labels a scrape ran into the previous paragraph ("…稳定。(二)提高…"): the next number of a
    style the article already uses, right after a sentence end."""
    styles, _ = _styles()
    used = [(name, pat) for name, pat in styles if any(h.style == name for h in heads)]
    if not used:
        return []
    after_stop = re.compile("[。;!?](?=" + "|".join(f"(?:{pat.pattern})" for _, pat in used) + ")")
    found: list[Heading] = []
    for line in lines:
        for m in after_stop.finditer(line.text):
            pos = m.end()
            name, lm = next((n, lm) for n, p in used if (lm := p.match(line.text, pos)))
            prev = [h for h in heads + found if h.style == name and h.start < line.start + pos]
            if prev and label_number(line.text[pos:lm.end()]) == (label_number(prev[-1].label) or -9) + 1:
                found.append(_heading_at(line, pos, lm.end(), name))
    return found


def _heading_at(line: Line, pos: int, label_end: int, style: str) -> Heading:
    end = _title_end(line.text, label_end, style)
    body = end + 1 if end < len(line.text) else end
    return Heading(line.index, line.start + pos, line.start + end, line.text[pos:label_end].rstrip(), style,
                   line.text[label_end:end].strip(), line.start + body, line.start + label_end)


def _standalone(line: Line) -> bool:
    _, r = _styles()
    return line.role == "body" and len(line.text) <= r["max_unnumbered_len"] and line.text[-1] not in _FINAL \
        and not _line_patterns()["field_line"].match(line.text) and not is_table_row(line.text)


@lru_cache(maxsize=1)
def _line_patterns() -> dict[str, re.Pattern]:
    """headings.yaml's whole-line patterns (labelled field, interview question and answer, note opening,
    caption stating a rule), compiled once."""
    r = _styles()[1]
    patterns = {k: re.compile(r[k]) for k in ("field_line", "interview_question", "interview_answer", "note_opening",
                                               "article_citation")}
    patterns["caption_states_rule"] = re.compile("|".join(f"(?:{p})" for p in r["caption_states_rule"]))
    return patterns


def heading_parents(headings: list[Heading]) -> list[int | None]:
    """The index of each heading's parent: the nearest heading before it at a higher level."""
    out, stack = [], []
    for k, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        out.append(stack[-1] if stack else None)
        stack.append(k)
    return out


def find_headings(doc: Document, span: ArticleSpan) -> list[Heading]:
    """Headings of one article with their levels; standalone lines become captions when unneeded."""
    lines = [l for l in doc.lines[span.first:span.stop] if l.role == "body"]
    numbered = {l.index: h for l in lines if (h := numbered_heading(l))}
    numbered |= _questions(lines, first_numbered=min(numbered, default=None))
    for index in _note_items(lines, numbered):
        del numbered[index]
    runin = runin_headings(lines, numbered)
    standalone = [l for l in lines if l.index not in numbered and l.index not in runin and _standalone(l)]
    if runin and not numbered and len(standalone) >= 2 and not any(runin_heading(l) for l in lines if l.index in runin):
        runin = {}  # subheadings on lines of their own (定规则:一本“积分账”管到底) outrank bare lead-in sentences
        standalone = [l for l in lines if l.index not in numbered and _standalone(l)]
    heads = list(numbered.values()) + list(runin.values())
    if numbered or runin:
        inter = _interposed(doc, standalone, numbered)
        inter |= _sibling_subheads(doc, [l for l in standalone if l.index not in inter], numbered)
        inter |= _lost_numbers(standalone, numbered)  # (over the name lines above: the lists are the whole text's)
        heads += inter.values()
        states_rule = _line_patterns()["caption_states_rule"].search
        for l in standalone:
            if l.index not in inter and not states_rule(l.text):
                l.role = "caption"
    else:
        heads += _standalone_headings(doc, standalone)
    heads.sort(key=lambda h: h.start)
    heads += inline_headings(doc, lines, heads)
    heads.sort(key=lambda h: h.start)
    _assign_levels(heads)
    return heads


def _interposed(doc: Document, standalone: list[Line], numbered: dict[int, Heading]) -> dict[int, Heading]:
    """Unnumbered lines that head a numbered list of their own inside a section of a higher style (一、综合监管部门 /
    县应急管理局 / 1.负责… / 2.… / 县消防救援大队 / 1.…): the list restarts at 1 right under each, so the line is a
    heading between the two numbered styles, not a caption. It takes two such lines to show the pattern."""
    styles = {name: i for i, (name, _) in enumerate(_styles()[0])}
    out: dict[int, Heading] = {}
    top_level: dict[int, bool] = {}
    for l in standalone:
        nxt = next((m for m in doc.lines[l.index + 1:] if m.role in ("body", "caption")), None)
        child = numbered.get(nxt.index) if nxt is not None else None
        if child is None or child.style not in styles or label_number(child.label) != 1:
            continue
        under = any(h.style in styles and styles[h.style] < styles[child.style] and h.start < l.start
                    for h in numbered.values())
        out[l.index] = Heading(l.index, l.start, l.end, "", NAME_LINE + child.style, l.text, l.end, l.start)
        top_level[l.index] = not under
    # one such line could be an attachment's title over its list; the pattern is a list restarting under each
    # (two such lines inside a higher section; three where they are the text's top level: 区应急管理局 / 1.…)
    counts = Counter(h.style for h in out.values())
    tops = Counter(h.style for i, h in out.items() if top_level[i])
    return {i: h for i, h in out.items() if counts[h.style] >= 2 and (not top_level[i] or tops[h.style] >= 3)}


_SUBHEAD_MAX = 16
_PARAGRAPH_MIN = 30


def _sibling_subheads(doc: Document, standalone: list[Line], numbered: dict[int, Heading]) -> dict[int, Heading]:
    """Unnumbered lines heading the paragraphs of one numbered section (一、2024年工作总结 / 重点项目建设 / 全年实施… /
    招商引资 / 坚持…): two or more short lines under the same numbered heading, each right over a paragraph, are its
    sub-headings, not photo captions (a caption stands alone)."""
    starts = sorted(numbered)
    groups: dict[int, list[Line]] = {}
    for l in standalone:
        k = bisect_right(starts, l.index) - 1
        nxt = next((m for m in doc.lines[l.index + 1:] if m.role in ("body", "caption")), None)
        if k < 0 or len(l.text) > _SUBHEAD_MAX or nxt is None or nxt.index in numbered \
                or len(nxt.text) < _PARAGRAPH_MIN or nxt.text[-1] not in _FINAL:
            continue
        groups.setdefault(starts[k], []).append(l)
    return {l.index: Heading(l.index, l.start, l.end, "", "standalone", l.text, l.end, l.start)
            for members in groups.values() if len(members) >= 2 for l in members}


def _lost_numbers(standalone: list[Line], numbered: dict[int, Heading]) -> dict[int, Heading]:
    """Top headings whose numbers Word's list numbering took with it (行动目标 / … / 重点任务 / (一)… (二)… /
    工作要求 / (一)…): short lines between which the numbered list starts again at one, at least twice, with no
    numbered heading before the first of them. They head the parts the lists belong to: the top level. (Three lists
    at least: two titles over numbered lists may be an attachment list and a notes list.)"""
    if len(standalone) < 2 or not numbered or min(numbered) < standalone[0].index:
        return {}
    order = sorted(numbered)
    bounds = [l.index for l in standalone] + [order[-1] + 1]
    firsts = [next((numbered[i] for i in order if lo < i < hi), None) for lo, hi in zip(bounds, bounds[1:])]
    opened = [h for h in firsts if h is not None]
    if len(opened) < 3 or any(label_number(h.label) != 1 or h.style != opened[0].style for h in opened):
        return {}
    return {l.index: Heading(l.index, l.start, l.end, "", "parent", l.text.strip(), l.end, l.start) for l in standalone}


def _note_items(lines: list[Line], numbered: dict[int, Heading]) -> set[int]:
    """注:1.… then 2.…, 3.… on lines of their own: the items of a note under a table, not headings."""
    out, expect, opening = set(), None, _line_patterns()["note_opening"]
    for line in lines:
        if opening.match(line.text):
            expect = 2
        elif expect and (h := numbered.get(line.index)) and label_number(h.label) == expect:
            out.add(line.index)
            expect += 1
        else:
            expect = None
    return out


def _questions(lines: list[Line], first_numbered: int | None) -> dict[int, Heading]:
    """An interview's questions (记者:…? answered by 答:… lines or by the speakers): level-1 headings, the asker
    left out of the title. None where a numbered heading comes first (一、出台背景 / 问:… / 答:…): there the
    numbered parts are the headings and the questions are their text."""
    pats = _line_patterns()
    if first_numbered is not None:
        first_question = next((l.index for l in lines if pats["interview_question"].match(l.text)), None)
        if first_question is None or first_numbered < first_question:
            return {}
    question, answer = pats["interview_question"], pats["interview_answer"]
    least = _styles()[1]["interview_min_answers"]
    if sum(1 for l in lines if answer.match(l.text)) < least \
            and sum(1 for l in lines if l.text.endswith("?") and question.match(l.text)) < least:
        return {}
    return {l.index: Heading(l.index, l.start, l.end, "", "question", l.text[m.end():].strip().rstrip("。"), l.end,
                             l.start + m.end())
            for l in lines if (m := question.match(l.text))}


def _standalone_headings(doc: Document, standalone: list[Line]) -> list[Heading]:
    """Unnumbered heading lines; one directly followed by another heading ranks above it; where none is, one
    set off by more blank lines than the others does (a page spacing its part titles wider than their items)."""
    idx = {l.index for l in standalone}
    gaps = {l.index: _blank_lines_before(doc.norm, l.start) for l in standalone}
    wide = max(gaps.values(), default=0)
    wide = wide if wide >= 2 and any(g < wide - 1 for g in gaps.values()) else None
    followed = set()
    for l in standalone:
        nxt = next((m for m in doc.lines[l.index + 1:] if m.role in ("body", "caption")), None)
        if nxt is not None and nxt.index in idx:
            followed.add(l.index)
    parents = followed or {i for i, g in gaps.items() if g == wide}  # spacing only where nesting shows no parent
    return [Heading(l.index, l.start, l.end, "", "parent" if l.index in parents else "standalone", l.text, l.end,
                    l.start) for l in standalone]


def _blank_lines_before(text: str, start: int) -> int:
    """How many empty (or blank) lines stand right before the line starting at `start`."""
    tail = text[max(0, start - 40):start]
    return max(0, tail[len(tail.rstrip()):].count("\n") - 1)


def _assign_levels(heads: list[Heading]) -> None:
    """Level = rank of the heading's style among the styles the article uses (SPEC)."""
    styles, _ = _styles()
    order = {name: i for i, (name, _) in enumerate(styles)}
    numbered = any(h.style in order for h in heads)
    # A run-in lead-in heads a digest paragraph; inside a numbered article it is the innermost level.
    order.update({"runin": len(order) + 1 if numbered else -1, "parent": -1, "standalone": len(order), "question": -2})
    order.update({s: order[s[len(NAME_LINE):]] - 0.5 for s in {h.style for h in heads} if s.startswith(NAME_LINE)})
    used = sorted({h.style for h in heads}, key=lambda s: order[s])
    rank = {s: i + 1 for i, s in enumerate(used)}
    for h in heads:
        h.level = rank[h.style]
