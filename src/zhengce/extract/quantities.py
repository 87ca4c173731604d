"""Quantity expressions in one provision: numbers, units, ranges, comparators (SPEC: Quantities).

`find_quantities` scans with one compiled regex (numeral + range + unit + suffix
comparator, from units.tsv and comparators.yaml), drops what is not a quantity
(dates, ordinals, slogans, codes: quantity_grammar.yaml), links lists, then hands
over to `quantity_context` for per/time/subject and to `kind` for the kind.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..text import numerals
from . import kind, quantity_context as qc, quantity_lists as lists
from .quantity_rules import Grammar, grammar
from .memo import RuleMemo
from .qty_types import Cand, QuantityMatch

__all__ = ["QuantityMatch", "find_quantities", "parse_quantity"]

# any Arabic digit or Chinese numeral: text without one holds no quantity (fast path)
_QUOTED = re.compile(r"“([^“”]*)”|\"([^\"]*)\"|《[^《》]*》")
# 百分之 is a percentage, 千分之 a per mille; other fractions (三分之一) read as a percentage
_FRACTION_UNIT = {"百": "%", "千": "‰"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_BARE_AMOUNTS = frozenset({"百", "千", "万", "亿", "十万", "百万", "千万"})


def find_quantities(text: str, context: str = "") -> list[QuantityMatch]:
    """All quantity expressions in one provision (a sentence, normalized & simplified).

    Args:
        text: the provision.
        context: the preceding text of the same paragraph/section (time inheritance).
    """
    if not grammar().starts.search(text):
        return []  # no numeral opens a scanner match: no candidate (the same [] as the full analysis)
    return with_context(of_text(text), text, context)


Found = tuple[tuple[QuantityMatch, ...], frozenset[int]]
# By provision text: a result depends on the text alone (the context only fills in inherited times).
_MEMO: RuleMemo[Found] = RuleMemo(lambda: (grammar(), kind.cues(), kind.load_model()))


def of_text(text: str) -> Found:
    """The quantities of `text` and the indices of those that take their time from the context."""
    return _MEMO.get(text, lambda: _analyse(text))


def _analyse(text: str) -> Found:
    G = grammar()
    cands = candidates(text, G)
    return qc.annotate(text, cands, G) if cands else ((), frozenset())


def with_context(found: Found, text: str, context: str) -> list[QuantityMatch]:
    """The records of `found`, a number without a time of its own taking the time that opens the
    sentence before it (in `context`)."""
    quantities, inherit = found
    if not inherit:
        return list(quantities)
    time = qc.inherited_time(text, context, grammar())
    if time is None:
        return list(quantities)
    return [replace(q, time=time) if k in inherit else q for k, q in enumerate(quantities)]


def candidates(text: str, G: Grammar) -> list[Cand]:
    """The candidates of `text` that are quantities, with their comparators (before annotation)."""
    cands = [c for m in _scan(text, G) if (c := _candidate(text, m, G))]
    if not cands:
        return cands
    # the list passes (units, per-one, comparators) need two candidates: most sentences hold one (speed)
    if len(cands) > 1:
        lists.inherit_units(text, cands)
    cands = [c for c in cands if not _excluded(text, c, G)]
    # the blocked spans last, for the candidates the other tests kept: a sentence whose numbers are all
    # dates or ordinals needs no quote, slogan or frame scan (speed; the tests only mark what they drop)
    if cands and (blocked := _blocked_spans(text, G)):
        cands = [c for c in cands if not any(s <= c.nstart < e for s, e in blocked) or lists.counts_its_list(text, c)]
    for c in cands:
        c.cl = qc.clause(text, c.nstart)  # only for the kept ones (speed)
    if len(cands) > 1:
        _drop_windows(text, cands, G)
        _drop_counted_bases(text, cands, G)
        _link_per_one(text, cands, G)
        _drop_inclusive_restatements(text, cands)
    cands = [c for c in cands if not c.drop and not _vague_one(text, c, G)]
    for i, c in enumerate(cands):
        _set_comparator(text, c, G, cands[i - 1].end if i else 0)
    if len(cands) > 1:
        cands = lists.join_bounds(cands)
        lists.propagate_lists(text, cands)
    # 万人以上 is an amount; a bare 百/千/万 without a bound names things (千人计划, 万亩良田); 百分之百 is 100 %
    return [c for c in cands if c.vague or c.comparator != "=" or c.n1 not in _BARE_AMOUNTS
            or c.category == "percent"]


def parse_quantity(expr: str) -> QuantityMatch | None:
    """Parse one expression like '不少于56个学时' (the longest quantity in it)."""
    found = find_quantities(expr)
    if not found:
        return None
    return max(found, key=lambda q: (q.end - q.start, -q.start))


def _scan(text: str, G: Grammar) -> list[re.Match]:
    """The scanner's matches as finditer gives them, tried only where its gate holds (speed: the
    search skips the text in C; the scanner's gate would run at every position)."""
    out, pos = [], 0
    search, match = G.starts.search, G.scanner.match
    while h := search(text, pos):
        if m := match(text, h.start()):
            out.append(m)
            pos = m.end()
        else:
            pos = h.start() + 1
    return out


# the scanner groups _candidate reads, in one m.group() call (speed: groupdict() builds a dict of all)
_GROUPS = ("ratio", "pct", "vague", "n1", "ge", "inf1", "sc1", "u1", "pct2", "n2", "inf2", "sc2", "unit", "u0",
           "suffix", "slash", "sfrac")


_BEFORE_DASH = frozenset("0123456789.)-—~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # 3-5, A-1: a dash
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff(]")
_RATE_CATEGORIES = frozenset({"length", "weight", "volume", "area", "power", "measure"})


def _candidate(text: str, m: re.Match, G: Grammar) -> Cand | None:
    """A candidate from one scanner match (None when the numeral does not parse)."""
    ratio, pct, vague, n1, ge, inf1, sc1, u1, pct2, n2, inf2, sc2, unit, u0, suffix, slash, sfrac = m.group(*_GROUPS)
    start, end = m.span()
    if ratio:
        c = Cand(start, end, start, end)
        c.unit, c.category, c.n1 = "ratio", "ratio", ratio
        return c
    if sfrac:
        num, den = map(int, sfrac.split("/"))
        if num >= den:
            return None  # (3/2: no share)
        c = Cand(start, end, start, end)
        c.value, c.unit, c.category, c.n1 = round(num / den * 100, 2), "%", "percent", sfrac
        _suffix_after(text, c, G)  # 1/2以上
        return c
    v1 = _scaled(n1, sc1, pct)
    v2 = _scaled(n2, sc2, pct2 or pct) if n2 else None
    if v1 is None or (n2 and v2 is None):
        return None
    unit_s = unit or u1 or u0
    ns, ne = m.span("n1")
    if u0 and text[ne:m.start("u0")] == "\t" and _CJK_AFTER.match(text, m.end("u0")):
        return None  # 6\t镇(街道)便民服务中心…: a row's number before its task cell (but "15\t个": a unit cell)
    c = Cand(start, end, start if pct else ns, ne)
    if not n2 and not pct and ns and text[ns - 1] == "-" and (ns == 1 or text[ns - 2] not in _BEFORE_DASH):
        v1, c.start, c.nstart = -v1, min(start, ns - 1), ns - 1  # 不高于-18℃, 增长-3.2%: a minus sign, not a dash
    # 百分之八十 is a formal percentage: never a slogan or an article, whatever its numerals
    c.n1, c.chinese = n1, not pct and numerals.is_chinese_numeral(n1)
    c.bare_scale = bool(sc1) or n1[-1] in "万亿"
    if n2:
        c.nend = m.end("n2")
        if v1 < v2 / 10 and n2[-1] in numerals.SCALES and n1[-1] not in numerals.SCALES:
            v1 *= numerals.SCALES[n2[-1]]  # 3-5万人: the scale of the high end applies to both
    c.suffix_cmp = G.suffix.get(suffix) if suffix else None
    c.infix_cmp = G.infix.get(inf1 or "") or G.infix.get(inf2 or "")
    if vague:
        c.start, c.infix_cmp, c.vague = start, ">", True  # 几十人: more than ten
    if pct or pct2:
        unit_s = unit_s or _FRACTION_UNIT.get(pct[:-2] if pct else "", "%")
        if unit_s == "‰":
            v1, v2 = v1 * 10, (v2 * 10 if v2 is not None else None)  # 千分之五 is 5 ‰, not 0.5 %
    if ge:
        # 3个多月: 个 and the unit after 多 make one unit; 3个多功能厅: 个 alone, 多 is not a comparator
        unit_s = "个" + unit_s if unit_s and "个" + unit_s in G.units else unit_s or "个"
        if not (u0 or unit):
            c.infix_cmp, c.suffix_cmp, c.end = None, None, m.end("ge")
    if n2:
        c.low, c.high = v1, v2
    else:
        c.value = v1
    if unit_s:
        _apply_unit(text, c, G.units[unit_s], G)
    if suffix == "内" and c.category != "time":
        c.suffix_cmp, c.end = None, m.start("suffix")  # 四项内容: 内 is part of a word, not 以内
    elif suffix in ("多", "余") and not inf1:
        c.infix_cmp = ">"  # 300余 without a unit: the 余 is part of the number
    if slash and c.category in _RATE_CATEGORIES:
        # 2500吨/日以下, 35蒸吨/小时, 20公里/小时: a physical rate is one unit as written (no per), and the
        # comparator after it is the number's
        c.unit, c.end = c.unit + slash, m.end("slash")
        _suffix_after(text, c, G)
    elif slash:
        c.per = slash[1:]
    while c.end > c.nend and text[c.end - 1] in " \t":
        c.end -= 1  # a space scanned before a unit that did not follow
    if not n2 and c.value is not None and text[c.end:c.end + 1] == "半" and c.unit in _HALF_UNITS \
            and not c.suffix_cmp and text[c.end + 1:c.end + 2] not in _HALF_NOUN:
        c.value, c.end = c.value + 0.5, c.end + 1  # 2周岁半, 1年半, 3天半: and a half
        _suffix_after(text, c, G)
    if n2:
        c.low, c.high = _clean(c.low), _clean(c.high)
    else:
        c.value = _clean(c.value)
    return c


_HALF_UNITS = frozenset({"岁", "年", "天", "小时", "学时", "周"})  # units a trailing 半 adds half of to
_HALF_NOUN = frozenset("年月天日小")  # (1年半年: 半年 is a word of its own, no half to add)


def _suffix_after(text: str, c: Cand, G: Grammar) -> None:
    """A suffix comparator right after where the scanner's match stopped (2500吨/日以下, 1/2以上) is the number's."""
    if after := G.suffix_re.match(text, c.end):
        c.suffix_cmp, c.end = G.suffix[after.group()], after.end()


@lru_cache(maxsize=4096)
def _scaled(num: str | None, scale: str | None, fraction: str | None = None) -> float | None:
    """The number times its scale chars; a fraction (三分之二, 百分之八十) as a percentage."""
    v = numerals.parse_number(num or "")
    if v is None and num in numerals.BIG_UNITS:
        v = float(numerals.BIG_UNITS[num])  # 万人以上: a bare 万 as the whole amount (kept only when bounded)
    if v is None:
        return None
    for ch in scale or "":
        v *= numerals.SCALES[ch]
    if fraction:
        den = numerals.parse_number(fraction[:-2]) or numerals.BIG_UNITS.get(fraction[:-2])  # (万分之五: a bare 万)
        if not den:
            return None
        # 三分之二 -> 66.67 %, as percentages are written; 万分之五 -> 0.05 % (a smaller share keeps its digits)
        return round(v / den * 100, 2 if den < 10000 else 6)
    return v


def _clean(v: float | None) -> float | None:
    """2.3亿 is 230000000, not 229999999.99999997: keep 12 significant digits."""
    return v if v is None or v.is_integer() else float(f"{v:.12g}")


def _apply_unit(text: str, c: Cand, u, G: Grammar) -> None:
    c.unit, c.category, c.unit_surface = u.canonical, u.category, u.surface
    if u.surface in G.g["rank_units"] and G.g["rank_before_re"].search(text, max(0, c.nstart - 2), c.nstart):
        c.unit, c.category = u.surface, "count"  # 排名前5位: places in a ranking
    if u.scale != 1:
        c.value = None if c.value is None else c.value * u.scale
        c.low = None if c.low is None else c.low * u.scale
        c.high = None if c.high is None else c.high * u.scale
    if u.arabic_only and c.chinese:
        c.drop = True
    if u.surface in G.g["power_units_re"]:
        # 翻一番 = 2 倍; 番 elsewhere (一番努力) is no unit
        c.drop = c.drop or not G.g["power_units_re"][u.surface].search(text, max(0, c.start - 2), c.start)
        c.value = None if c.value is None else 2.0 ** c.value
    if (needed := G.g["context_units_re"].get(u.surface)) and not needed.search(text, max(0, c.nstart - 8), c.nstart):
        c.drop = True  # 风力8级: a wind force; 一级医院, 三级响应 name a grade


def _blocked_spans(text: str, G: Grammar) -> list[tuple[int, int]]:
    """Spans where no number is a quantity: short quotes, titles, slogan lists, dates, time frames."""
    spans = []
    qmax = G.g["quote_max"]
    if "“" in text or '"' in text or "《" in text:
        for m in _QUOTED.finditer(text):
            inner = m.group(1) if m.group(1) is not None else m.group(2)
            if inner is None or len(inner) <= qmax or "+" in inner:
                spans.append(m.span())
    # each pass only where its anchor character occurs (speed: most sentences have none); once a pass
    for key, found in (("slogan_item_re", "、" in text), ("date_like_re", "-" in text or ":" in text or "时" in text
                                                                     or "." in text and "年" in text)):
        if found:
            spans.extend(m.span() for m in G.g[key].finditer(text)
                         if not G.g["ratio_before_re"].search(text, max(0, m.start() - 3), m.start()))
    spans.extend((s, e) for s, e, _ in qc.frames(text))
    return spans


_CELL_GAP = re.compile(r"[ \t]+")


def _row_serial(text: str, c: Cand) -> bool:
    """A table row's serial number: digits opening a line of cells, a space or tab after them (8 县自然资源局 牵头负责…);
    not a number a PDF spaces off in a sentence (30 人以上: one gap on the line)."""
    if c.chinese or text[c.nend:c.nend + 1] not in (" ", "\t"):
        return False
    line_start, line_end = text.rfind("\n", 0, c.nstart) + 1, text.find("\n", c.nend)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return not text[line_start:c.nstart].strip() and len(_CELL_GAP.findall(line.strip())) >= 2


def _excluded(text: str, c: Cand, G: Grammar) -> bool:
    """Whether a candidate is not a quantity (date, ordinal, slogan, code, name…); the spans of
    `_blocked_spans` are tested apart."""
    if c.drop:
        return True
    if c.unit is None and not _bare_ok(text, c, G):
        return True
    if c.n1 in numerals.BIG_UNITS and c.category == "money" and c.high is None:
        return True  # 亿元以上项目: a class of projects by size, no amount (the checkset's gold counts 2 of 16)
    if c.unit == "ratio":
        return False
    g, s = G.g, c.nstart
    if g["ordinal_before_re"].search(text, max(0, s - 6), s) or g["ordinal_after_re"].match(text, c.nend):
        return True
    if _is_date(text, c) or _row_serial(text, c):
        return True
    if c.chinese and g["idioms_re"].match(text, s):
        return True
    # a slogan's second numeral lies past this quantity (三会一课; not 三点五个百分点); 每两年…一次
    # states a period (a quantity, SPEC), 半年一次 only the basis of its 一次
    if c.chinese and (sm := g["slogan_re"].match(text, s)) and sm.end() - 2 >= c.end and not (
            c.category == "time" and text[s - 1:s] == "每" and g["frequency_after_re"].match(text, c.end)):
        return True
    if c.unit_surface == "年" and g["programme_after_re"].match(text, c.end):
        return True
    if c.unit is not None and g["name_after_re"].match(text, c.end):
        return True
    if c.chinese and c.category == "class" and g["class_label_before_re"].search(text, max(0, s - 3), s) \
            and "\u4e00" <= text[c.end:c.end + 1] <= "\u9fff":
        return True
    if c.chinese and not c.vague and c.n1[0] in "十百千万" and g["vague_before_re"].search(text, max(0, s - 1), s):
        return True
    # 每百户, 每千户, 每万人口, 每半年: a bare scale after 每 is the basis, not an amount
    return s > 0 and text[s - 1] == "每" and numerals.is_bare_scale(c.n1)


def _bare_ok(text: str, c: Cand, G: Grammar) -> bool:
    """A number without a counter that still is a quantity: 300余万 (money), 四大 after a list, or a number right
    after a noun that is its unit (系数为1.60)."""
    if c.bare_scale and c.value is not None:
        clause = text[qc.clause(text, c.nstart)[0]:c.nstart]
        if G.g["money_re"].search(clause):
            c.unit, c.category = "元", "money"
        return True
    if not c.chinese and (m := G.g["noun_unit_re"].search(text, max(0, c.start - 6), c.start)):
        c.unit, c.category = G.g["noun_units"][m.group(1)], "measure"  # 岗位系数为1.60—2.10
        return True
    if text.startswith("日前", c.nend) and G.g["days_before_event_re"].search(text, max(0, c.nstart - 1), c.nstart):
        _apply_unit(text, c, G.units["日"], G)  # 会议召开15日前: days of notice (日 before 前 is no unit in units.tsv)
        c.end = c.nend + 1
        return True
    if c.chinese and G.g["list_count_after_re"].match(text, c.nend):
        before = text[qc.clause(text, c.nstart)[0]:c.nstart]
        if "、" in before[-20:]:
            c.unit, c.category, c.end = "个", "count", c.nend + 1
            return True
    return False


def _is_date(text: str, c: Cand) -> bool:
    """2018年, 201*年, 二〇二〇年, 9月, 27日 after a month: dates go to `time`, not quantities."""
    if c.unit_surface in ("年", "年度") and (_YEAR.fullmatch(c.n1)
                                           or (c.chinese and len(c.n1) == 4)):
        return True
    if c.unit_surface == "年" and text[c.nend:c.nend + 1] == "*":
        return True
    if c.unit_surface in ("年", "年度") and c.high is not None and 1900 <= c.high <= 2100:
        return True  # (2024年7月—2025年10月, 2024—2025年: a span of dates, not a number of years)
    if c.unit_surface == "月":
        return True
    return c.unit_surface == "日" and c.nstart > 0 and text[c.nstart - 1] in "月"


def _link_per_one(text: str, cands: list[Cand], G: Grammar) -> None:
    """一名领导干部包一个村 / 1个项目1名县级领导: a leading one-count is the basis of what follows."""
    alloc = G.g["alloc_re"]
    for i, c in enumerate(cands[:-1]):
        d = cands[i + 1]
        if c.drop or c.value != 1 or c.category not in ("person", "count") or c.unit == "ratio":
            continue
        gap = text[c.end:d.nstart]
        if not re.fullmatch(r"[\u4e00-\u9fff()]{1,8}", gap) or any(w in gap for w in "、和及是"):
            continue
        vm = alloc.search(gap)
        per = text[c.start:c.end + (vm.start() if vm else len(gap))]
        c.drop = True
        for e in _siblings(text, cands, i + 1):
            e.per = per


def _drop_windows(text: str, cands: list[Cand], G: Grammar) -> None:
    """24小时降雨量达到50毫米: the window the reading is taken over is the next amount's basis, no quantity."""
    for c, d in zip(cands, cands[1:]):
        if d.cl == c.cl and (m := G.per["window_re"].match(text, c.nstart)) and m.end() == c.end:
            c.drop = True


def _drop_counted_bases(text: str, cands: list[Cand], G: Grammar) -> None:
    """每缺1人扣1分, 每参加1次志愿服务积5分: the 1 counts the act the score is per (its `per`), no quantity."""
    for c, d in zip(cands, cands[1:]):
        if (d.cl == c.cl or d.cl[0] == c.cl[1] + 1 and text[c.cl[1]] == ",") \
                and (m := qc.counted_basis(text, max(c.cl[0], c.nstart - 4), d.nstart, G)) \
                and m.start() <= c.nstart < m.end():  # (or the next clause: 每增加1年,每人每月增加15元)
            c.drop = True


def _drop_inclusive_restatements(text: str, cands: list[Cand]) -> None:
    """3000元以下(含3000元), 90分以上(含90分): the bracket says the bound is included, no second quantity."""
    for c, d in zip(cands, cands[1:]):
        if text[c.end:d.start] in ("(含", "(包含", "(包括") and d.value == c.value and d.unit == c.unit:
            d.drop = True


def _siblings(text: str, cands: list[Cand], i: int) -> list[Cand]:
    """cands[i] and the items after it in the same 、-list (no clause break between)."""
    out = [cands[i]]
    for e in cands[i + 1:]:
        gap = text[out[-1].end:e.nstart]
        if "、" not in gap or any(ch in gap for ch in qc.CLAUSE_END) or len(gap) > 12:
            break
        out.append(e)
    return out


def _vague_one(text: str, c: Cand, G: Grammar) -> bool:
    """一个/一项/一支 without a comparator, basis or allocating verb is an article, not a count."""
    if not (c.chinese and c.n1 == "一" and c.category in ("person", "count", "class", "quota", "time", "frequency")):
        return False
    if c.per or c.suffix_cmp or c.infix_cmp:
        return False
    if c.category in ("time", "frequency"):  # 新的一年, 新一届: an article before a period or a term
        return bool(G.g["article_one_before_re"].search(text, max(0, c.nstart - 3), c.nstart)) \
            and text[c.end:c.end + 1] not in "内以"
    before = text[max(0, c.nstart - 6):c.nstart]
    if before.endswith("每"):
        return True  # 每一个 = every
    if G.g["alloc_re"].search(before):
        return False
    pm = _prefix_match(text, c, G)
    return pm is None or G.prefix[pm.group()] == "="


def _prefix_match(text: str, c: Cand, G: Grammar, prev_end: int = 0) -> re.Match | None:
    """The comparator word nearest before the number, within the window (whole clause for 倍/%); a word
    that starts before the window but reaches into it counts (不低于|每人每月820元 is no 低于)."""
    first = max(c.cl[0], prev_end)
    lo = first if c.category in ("multiple", "percent") else max(first, c.nstart - G.prefix_window)
    last = None
    for m in G.prefix_re.finditer(text, max(first, lo - G.prefix_reach), c.nstart):
        if m.end() > lo and G.prefix[m.group()]:
            last = m
    if (last is None or last.group() in G.weak_neutral) and c.category not in ("multiple", "percent"):
        far = None
        for m in G.far_re.finditer(text, first, last.start() if last else lo):
            far = m  # 每季度至少组织集中培训1次, 至少建有1个: 至少 reaches past the verb phrase
        if far is not None and not any(G.prefix[m.group()] not in ("=", "") for m in G.prefix_re.finditer(text, far.end(), c.nstart)):
            last = far  # (a nearer comparator takes the number; a neutral word past the window does not)
    if last is not None and G.g["condition_end_re"].search(text, last.end(), c.nstart + 1):
        return None  # 未达到的扣2分: the comparator is the condition's
    return last


def _set_comparator(text: str, c: Cand, G: Grammar, prev_end: int) -> None:
    """range > suffix (以上 以下 左右) > 余/多 > prefix words > bare '='."""
    pm = _prefix_match(text, c, G, prev_end)
    if pm and G.prefix[pm.group()] != "=":
        c.start, c.cmp_end, c.prefix_cmp = min(c.start, pm.start()), pm.end(), G.prefix[pm.group()]
    if c.unit == "ratio":
        c.comparator = G.prefix[pm.group()] if pm else "="  # 不低于1:4
    elif c.low is not None:
        c.comparator = "range"
    elif c.suffix_cmp in (">=", "<=", "~"):
        c.comparator = c.suffix_cmp
    elif c.infix_cmp or c.suffix_cmp:
        c.comparator = c.infix_cmp or c.suffix_cmp
    elif pm:
        c.comparator = G.prefix[pm.group()]
    if c.comparator == "=" and text.startswith(G.over_half, c.nstart - 1):
        c.comparator, c.start = ">", c.nstart - 1  # 过半数同意: more than half
    elif c.comparator == "=" and c.unit != "ratio" and G.cap_re.search(text, c.cl[0], c.nstart):
        c.comparator = "<="  # 年度最高支付限额为40万元: the cap's number is a maximum
    elif c.comparator == "=" and c.unit != "ratio" and _listed_under_cap(text, c, G):
        c.comparator = "<="


def _listed_under_cap(text: str, c: Cand, G: Grammar) -> bool:
    """Whether the number stands in a list a cap opens with a colon, in the same sentence (公积金贷款最高额度为:
    单方缴存职工50万元,双方缴存职工70万元): each listed number is a maximum."""
    colon = text.rfind(":", 0, c.nstart)
    if colon < 0 or "。" in text[colon:c.nstart] or ";" in text[colon:c.nstart]:
        return False
    return any(text[m.end():colon] in ("", "为", "是") for m in G.cap_re.finditer(text, max(0, colon - 8), colon))
