"""What a quantity is tied to: its basis (`per`), its time and its subject (SPEC: Quantities).

Works on the candidates `quantities.find_quantities` kept; rules come from
quantity_per.yaml and quantity_time.yaml (see quantity_rules.Grammar).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from . import kind as kind_mod
from . import quantity_subject as qs
from .quantity_rules import grammar
from .qty_types import QuantityMatch

if TYPE_CHECKING:  # pragma: no cover
    from .quantity_rules import Grammar
    from .qty_types import Cand

CLAUSE_END = ",;:。!?\n"
_CLAUSE_RE = re.compile(f"[{CLAUSE_END}]")
# what may stand between two items of one tight list (70%、85%和100%)
TIGHT_GAP = ("、", "和", "及", "与", "或", "、和")
_GROUP_GAP = TIGHT_GAP + ("",)  # 15类28项 reads as one list
# a period written right before 一次/N次 is its basis: 季度一次初评, 半年一次复评, 全年一次定评
_PERIOD_BEFORE = re.compile(r"(?<![\d*])(?:每|全|半|一)?个?(?:季度|年度|年|月|周|星期|天|日)$")
# a number governed directly by 每 is itself inside the basis (每两年, 每增300—400户)
_NUM_START = re.compile(r"[\d一二两三四五六七八九十百千万半]")
_PERIOD_CATEGORIES = ("time", "frequency")
_NUMBERED_BASE = re.compile(r"\d")  # words after a base marker holding a number are a list's other item
_CLASSIFIERS = ("个", "名", "位", "处", "条", "家", "所", "座", "间", "件", "台", "辆", "套", "支", "张", "栋", "篇", "起", "例", "份", "宗", "批")
_RECIPIENT_RATED = re.compile(r"^(?:经|被)?(?:评定为|评为|认定为|命名为|确定为)")
_QUALIFIED = re.compile(r"\d.*的")
_SUBJECT_LEAD = re.compile(
    r"^(?:全[市县区省镇乡州盟旗年]|其中|并且|并|且|同时|确保|力争|争取|按照|按|对|由|在|将|把|使|经|凡|以|从|为|即|如|原则上|一般|全面|"
    r"累计|共|共有|先后|分别|进一步|逐步|切实|要|应|须|必须|可|拟|计划|实现)+")
# inherited_time reads no more of the context than this (the sentence right before the provision)
CONTEXT_CHARS = 300


def annotate(text: str, cands: list["Cand"], G: "Grammar") -> tuple[tuple["QuantityMatch", ...], frozenset[int]]:
    """Freeze candidates into QuantityMatch records with per, time, subject and kind; with them, the
    indices of the records that take the time of the context (`inherited_time`) when it has one."""
    times = find_times(text, G)
    inherit = []
    groups = _tight_groups(text, cands)
    out: list = []
    dims = G.per["unit_dimensions"]
    for i, c in enumerate(cands):
        k, n = groups[i]
        post_from = cands[i + n - 1 - k].end  # a tight list shares the noun after its last item
        per, slash_time = _slash_per(text, c, cands, G) if c.per else (_per(text, c, cands, G), None)
        if c.prefix_cmp and text.endswith(kind_mod.cues()["norm_bounds"], 0, c.cmp_end):
            kind = "requirement"  # 不少于2平方米: a norm's bound, whatever the sentence reports
        else:
            kind = kind_mod.classify(text, c.cl, c.nstart, c.comparator, per, c.unit,
                                     c.value if c.value is not None else c.low)
        time = _time(text, c, times, groups[i], kind, G.time["document_dating_re"]) or slash_time
        if time is None and not _qualifier(text, c):
            inherit.append(i)
        subject = qs.subject(text, c, per, cands[i - 1].end if i else 0, out, post_from, groups[i], dims,
                             G.subj)
        if subject and subject[-1] in _LIST_TAIL:
            subject = subject.rstrip(_LIST_TAIL) or None  # 19个行政村(社区)、|8.7万亩…: the list's separator
        # positional, in field order (start end number_start number_end value low high unit comparator
        # per subject time kind): thirteen keywords cost more to pass than the record to build (speed)
        out.append(QuantityMatch(c.start, c.end, c.nstart, c.nend, c.value, c.low, c.high, c.unit,
                                 c.comparator, per, subject, time, kind))
    return tuple(out), frozenset(inherit)


@lru_cache(maxsize=16)
def frames(text: str) -> tuple[tuple[int, int, str], ...]:
    """The time frames of `text` (近两年来, 上半年) as (start, end, text); cached: the candidate filter
    blocks them and find_times reads them, once per sentence."""
    if "年" not in text and "月" not in text:
        return ()
    return tuple((m.start(), m.end(), m.group()) for m in grammar().time["frame_re"].finditer(text))


@lru_cache(maxsize=16)
def _breaks(text: str) -> list[int]:
    """Positions of the clause-ending punctuation of `text` (cached: asked once per candidate)."""
    return [m.start() for m in _CLAUSE_RE.finditer(text)]


def clause(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the comma-delimited clause holding `pos`."""
    br = _breaks(text)
    i = bisect_right(br, pos - 1)
    start = br[i - 1] + 1 if i > 0 else 0
    return start, (br[i] if i < len(br) else len(text))


def _tight_groups(text: str, cands: list["Cand"]) -> list[tuple[int, int]]:
    """For each candidate, (index in its tight list, list length): 70%、85%、100%."""
    runs, cur = [], [0] if cands else []
    for i in range(1, len(cands)):
        if text[cands[i - 1].end:cands[i].start] in _GROUP_GAP:
            cur.append(i)
        else:
            runs.append(cur)
            cur = [i]
    if cur:
        runs.append(cur)
    out = [(0, 1)] * len(cands)
    for run in runs:
        for k, i in enumerate(run):
            out[i] = (k, len(run))
    return out


# ---------------------------------------------------------------- time
def find_times(text: str, G: "Grammar") -> list[tuple[int, int, object, str]]:
    """Time expressions as (start, end, text or list of paired texts, type) sorted by start."""
    t = G.time
    found: list[tuple[int, int, object, str]] = []
    has_year = "年" in text
    if has_year and "、" in text:
        for m in t["year_list_re"].finditer(text):
            years = re.split(r"[、,和及]", m.group("years"))
            found.append((m.start(), m.end(), [f"{m.group('pre')}{y}年{m.group('post')}" for y in years],
                          "list"))
    taken = [(s, e) for s, e, _, _ in found]
    # each pass only where its anchor occurs (speed): years need 年 (or 十四五, 自/从…之日起, 7月底, 一季度), frequencies 每
    has_abs = has_year or "十" in text or "自" in text or "从" in text or "月" in text or "季" in text
    for key, kind, needed in (("comparison_re", "base", "比" in text or "较" in text),
                              ("absolute_re", "abs", has_abs), ("frame", "rel", True),
                              ("relative_re", "rel", True), ("frequency_re", "freq", "每" in text)):
        if not needed:
            continue
        spans = frames(text) if key == "frame" else [(m.start(), m.end(), m.group())
                                                      for m in t[key].finditer(text)]
        for s, e, val in spans:
            if not any(s < te and ts < e for ts, te in taken):
                found.append((s, e, val, kind))
                taken.append((s, e))
    found.sort(key=lambda x: x[0])
    return found


def _time(text: str, c: "Cand", times, group: tuple[int, int], qkind: str, dating: re.Pattern) -> str | None:
    """The nearest time before the number (每… only within its clause; a year list pairs by index).

    A start (从…起, …以来) dates the measures that follow it, not the counts a report gives
    in later clauses, so a statistic takes it only from its own clause.
    """
    cs = c.cl[0]
    best = None
    for s, e, val, kind in times:
        if s <= c.nstart < e and kind in ("freq", "rel"):
            return val  # 每两年 holds the number itself
        if e > c.nstart:
            break
        if kind in ("freq", "base") and s < cs and not (kind == "base" and val.endswith("相比")) or kind == "rel" and e == c.nstart and text[c.nstart:c.end].endswith("次"):
            continue  # (全年一次定评: a period right before a count of times is its per, not its time)
        if kind in ("abs", "list") and _qualifier(text, c) and not (kind == "abs" and _TARGET.match(val)):
            continue
        if kind == "rel" and dating.match(text, e):
            continue  # (按照今年修订的《办法》,…不超过12个月: the time dates the document, not the number)
        if qkind == "statistic" and s < cs and kind == "abs" and val.endswith(("起", "开始", "以来")) \
                and not (s == 0 and text[e:e + 1] == ","):
            continue  # (2021年以来,累计培训…: a start opening the sentence frames all of it)
        best = (val, kind)
    if best is None:
        return None
    val, kind = best
    if kind == "list":
        k, n = group
        return val[k] if n == len(val) else val[-1]
    return val


_TARGET = re.compile(r"(?:力争|争取)?(?:到|至)\d{4}年")


def _qualifier(text: str, c: "Cand") -> bool:
    """人口规模1500人以上的村: a number qualifying a noun states a condition, not a dated target."""
    return text[c.end:c.end + 1] == "的" and c.category not in ("money",)


def inherited_time(text: str, context: str, G: "Grammar") -> str | None:
    """201*年,全县…。23个村…: a sentence-opening time carries to the next sentences of its item."""
    t = G.time
    if not context or t["enumerator_re"].match(text):
        return None
    sent = _last_sentence(context[-CONTEXT_CHARS:])  # only the sentence right before: a topic time does not run on
    if sent is None:
        return None
    # the time that opens the sentence; in a part after ; also one opening a later clause of the parts before
    # (坚持…并重,到2025年底前,…;…;…: each part is a provision of its own, under the one frame)
    continued = context.rstrip().endswith(";")
    if found := _opening_time(sent, continued, t):
        return found
    if continued and (head := _last_sentence(context[-CONTEXT_CHARS:].rstrip()[:-len(sent)])) is not None:
        # 到2027年底,城市交通拥堵状况明显改善。中心城区…25公里/小时以上;…;公交站点500米覆盖率达到100%: the parts
        # of the sentence after the one a target year heads take its year as its first part does
        found = _opening_time(head, False, t)
        return found if found and _TARGET.match(found) else None  # (a report's 截至…/一季度 frames its first part only)
    return None


def _opening_time(sent: str, continued: bool, t: dict) -> str | None:
    """The time that opens `sent`; with `continued` (a part after ;), also one opening a later clause."""
    for start in sorted({0} | ({k + 1 for k, ch in enumerate(sent) if ch == ","} if continued else set()), reverse=True):
        for key in ("absolute_re", "relative_re"):
            m = t[key].match(sent, start)
            if m and sent[m.end():m.end() + 1] == "," and not (start and m.group().endswith("以来")):
                return m.group()  # (a report's 2019年以来, mid-sentence, frames its own clause only)
    return None


def _last_sentence(tail: str) -> str | None:
    """The last non-blank piece of `tail` cut after each 。!? (stripped), found from the end (speed:
    the same piece as the last of re.split(r"(?<=[。!?])", tail) without splitting it all)."""
    end = len(tail)
    while end > 0:
        # a piece ending at `end` starts after the last full stop before its own final character
        start = max(tail.rfind("。", 0, end - 1), tail.rfind("!", 0, end - 1), tail.rfind("?", 0, end - 1)) + 1
        piece = tail[start:end].strip()
        if piece:
            return piece
        end = start
    return None


# ---------------------------------------------------------------- per
def _per(text: str, c: "Cand", cands, G: "Grammar") -> str | None:
    """The basis: 每… phrase, 人均, a period before N次, recipients, base of 倍/%, a qualifier clause."""
    cs = c.cl[0]
    before = text[cs:c.nstart]
    if c.category == "frequency" and (m := _PERIOD_BEFORE.search(before)):
        return m.group()
    if c.category in ("multiple", "percent"):
        base = _base_of(before, G)
        if base or c.category == "multiple":
            return base
    if m := counted_basis(text, cs, c.nstart, G):
        return m.group()
    if cs > 1 and text[cs - 1] == "," and "每" not in before and (m := counted_basis(text, clause(text, cs - 2)[0], c.nstart, G)) \
            and m.end() == cs - 1:
        return m.group()  # 每发现1个着火点,扣减…3000元: the act counted closes the clause before (if this one has no 每)
    if c.category != "percent" and (windows := [m for m in G.per["window_re"].finditer(before)
                                                if m.group("measured") not in G.per["window_not_per"]]):
        return windows[-1].group()  # 1小时降雨量达到30毫米: per the hour the rain is measured over
    chain = _per_chain(text, cs, c, cands, G)
    if chain:
        return chain
    if (m := G.per["conditional_re"].search(text, cs, c.nstart)) and m.end() <= c.nstart:
        return m.group()
    words = G.per["words_re"].findall(before)
    if words:
        return words[-1]  # the nearest: 农民人均可支配收入年均增长8% -> 年均
    if c.category == "money" and (m := G.per["recipient_re"].search(before)):
        return _RECIPIENT_RATED.sub("", m.group(1)).rstrip("的") or None  # 对评定为示范点的给予 -> 示范点
    return _qualifierclause(text, cs, G)


_LIST_TAIL = "、,和及与或"
_COUNTED_ANCHORS = ("每", "一次", "缺", "少")  # what every counted basis holds (one C scan each rules out most spans)


def counted_basis(text: str, pos: int, end: int, G: "Grammar") -> re.Match | None:
    """The last 每少1名 / 每参加1次志愿服务 / 缺1学时 phrase in [pos, end) that ends by `end`."""
    if not any(a in text[pos:end] for a in _COUNTED_ANCHORS):
        return None
    last = None
    for m in G.per["counted_re"].finditer(text, pos, min(len(text), end + 16)):  # (its lookahead reads past end)
        if m.end() <= end:
            last = m
    return last


_SLASH_PARTS = re.compile("[/·・•]")


def _slash_per(text: str, c: "Cand", cands, G: "Grammar") -> tuple[str | None, str | None]:
    """(per, time) of a number with a basis of its own: 3500元/月 is 每月 in both (SPEC: 每年 goes to
    both), a 每-phrase of the clause wins (每晋升一级增加100元/月); 5000元/人/年 and 795元/人·月 are 每人每年, 每人每月."""
    if text[c.end - len(c.per) - 1:c.end] != "/" + c.per:
        return c.per, None  # 1个项目1名县级领导: a leading one-count, not a slash
    chain = _per_chain(text, c.cl[0], c, cands, G)
    if not chain and (m := G.per["conditional_re"].search(text, c.cl[0], c.nstart)):
        chain = m.group()
    parts = _SLASH_PARTS.split(c.per)  # 元/人·月: per person and month
    every = "每" + parts[-1] if G.per["time_re"].fullmatch(parts[-1]) else None
    per = "".join("每" + p for p in parts) if len(parts) > 1 else every
    return chain or per or c.per, every


def _base_of(before: str, G: "Grammar") -> str | None:
    """不低于上年度…农民人均纯收入两倍 / 高于市级机关同职级干部20%以上: the compared base."""
    last = None
    for m in G.per["marker_re"].finditer(before):
        last = m
    if not last:
        return None
    base = before[last.end():].rstrip("的")
    if _NUMBERED_BASE.search(base):
        return None  # 分别达到90%、95%以上: the words after the marker are the list's other item, no base
    return base if len(base) >= 2 and not G.per["total_re"].search(base) else None


def _per_chain(text: str, cs: int, c: "Cand", cands, G: "Grammar") -> str | None:
    """The last 每-phrase of the clause before the number: 每人每年, 每个社区每年, 每增300—400户."""
    best, pos = None, cs
    while (m := G.per["start_re"].search(text, pos, c.nstart)):
        end = _chain_end(text, m.start(), c, cands, G)
        if end is None:
            pos = m.end()
            continue
        best, pos = (m.start(), end), max(end, m.end())
    if best and any(best[1] <= d.nstart and d.end <= c.start and "、" in text[d.end:c.start]
                    and text[d.end:c.start] not in TIGHT_GAP for d in cands):
        return None  # 每百户不低于30平方米、单处不少于350平方米: a new list item, a new basis
    return text[best[0]:best[1]] if best else None


def _chain_end(text: str, i: int, c: "Cand", cands, G: "Grammar") -> int | None:
    """End of the 每-chain starting at i, or None when it governs the number itself."""
    p = G.per
    end = None
    while (m := p["start_re"].match(text, i)) and i < c.nstart:
        j = m.end()
        if j == c.nstart or (j < c.nstart and _NUM_START.match(text, j)):
            nxt = next((d for d in cands if d.nstart == j and d is not c), None)
            if nxt is None and (j == c.nstart or m.group() != "每"):
                return end
            if nxt is not None and (m.group() != "每" or nxt.category not in _PERIOD_CATEGORIES):
                end = i = nxt.end  # 每增300—400户, 每300—500户 (a period, 每2年, is a time base below)
                continue
        if _NUM_START.match(text, j) and j + 1 == c.nstart:
            return end
        j += 1 if _NUM_START.match(text, j) else 0
        j += 1 if text[j:j + 1] in _CLASSIFIERS else 0
        if tm := p["time_re"].match(text, j):
            end = i = tm.end()
            continue
        if text[j - 1:j] in _CLASSIFIERS and (j == c.nstart or G.subj["object_lead"].match(text, j)):
            return j  # 每处50万元, 每个给予奖励资金10万元: 每+classifier alone is the basis
        stretch = text[j:min(c.nstart, j + 12)]
        stretch = re.split(r"[\d,;:。!?、每]", stretch)[0]
        if sm := p["stop_re"].search(stretch, 1):
            stretch = stretch[:sm.start()]
        cut = max((bm.end() for bm in p["base_re"].finditer(stretch)), default=0)
        if not cut and text[j - 1:j] in _CLASSIFIERS and text[j - 2:j - 1] == "每":
            # 每台10万元, 每个不超过30万元, 每条公交线路至少配备2辆: a counter names the basis, the words after it
            # (up to a verb or comparator) what is counted, whatever noun it is
            if sm := p["stop_re"].match(stretch):
                stretch = stretch[:sm.start()]
            if not stretch:
                return j
            cut = len(stretch)
        if not cut:
            return end
        end = i = j + cut
    return end


def _qualifierclause(text: str, cs: int, G: "Grammar") -> str | None:
    """人口规模1500人以上的村,运转经费达到10万元以上: the qualifying clause is the basis."""
    if cs < 2:
        return None
    ps, _ = clause(text, cs - 2)
    prev = text[ps:cs - 1]
    m = G.per["base_re"].search(prev, max(0, len(prev) - 4))
    if m and m.end() == len(prev) and prev[m.start() - 1:m.start()] == "的" and _QUALIFIED.search(prev):
        return _SUBJECT_LEAD.sub("", prev)
    return None
