"""What a quantity measures (SPEC: `subject`): the head noun phrase its number is said of.

Read in order: the noun a counter governs (配备不少于8名|社区工作者), the object of a 按…标准
phrase (按每村3万元的标准给予|一次性提升改造补助), the noun before the comparator with actors,
times, adverbs and verbs stripped (上浮比例|不超过20%), the noun after the number, an earlier
number of the same unit, the topic of the previous clause. Lexicons: quantity_subject.yaml.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Hashable

from ..text import numerals

if TYPE_CHECKING:  # pragma: no cover
    from .qty_types import Cand, QuantityMatch

COUNTERS = ("person", "count", "class", "quota", "noun", "frequency")
_CN = numerals.CN_CHARS
_POST_STOP = re.compile(rf"[,;:。!?、《》\s\d的]|[{_CN}]+[次遍回项个名]|到|在|被|担任|进行|实行|用于|为|是|达到|和|及|与|等|参加|参与|赴|分赴|中")
# 55个村被评定为五星级村, 90分以上为五星级: what the number rates is the subject
RATED = re.compile(r"[^,;。]{1,4}?(?:被评定为|被评为|被命名为|评定为|被确定为)|为(?!宜|主|准|限|重点|单位|标准)")
_VERB_PHRASE = re.compile(r"(?:实行|实施|开展|完成|建立|达到)了?“[^”]{1,8}”")
# times are no part of the phrase: 2025年底前|扩展至, 较2021年|提高, 由2015年的|18.2平方米; a time word
# (目前, 今年) ends a lead-in before the phrase
_WORD_TIME = re.compile(r"^.*?(?:目前|今年|开始|以来|之日起)")
_FREQ_TIME = re.compile(rf"每[\d{_CN}半]*个?(?:年度|年|季度|月|周|天|日)")
# 由/在 after a noun: the noun is the topic (设施面积|由2015年的…, 评议结果|在公开栏公示); not 在职, 在岗, nor the 在 of
# a word (所在村, 存在问题, 现在, 正在)
_TOPIC_CUT = re.compile(r"(?<=[^,;\s]{2})(?:由|(?<![所存现正实内外潜])在(?![职岗册编校读任建用线]))")
_PERIOD_ACTIVITY = re.compile(rf"([^,;。\d{_CN}]{{0,12}}?)[\d{_CN}]+[次遍回]([^,;。]*)")
# units that measure the same dimension (a later number of the same kind continues the earlier one)
_SAME_DIMENSION = {"个百分点": "%", "百分点": "%"}
_MAX = 14
_CACHE_SIZE = 8192  # entries of each _by_lexicons memo
_CONJ_CHARS = ("且", "并", "或", "而")
_NUMERAL = re.compile(rf"[\d{_CN}]")
# the 每+classifier that opens a basis (每个驿站 -> 驿站)
_SINGLE = re.compile(r"单[个处项笔次间座]?")
_PER_HEAD = re.compile(r"^(?:平均)?每[个名位处条家所座间件]?")


def compile_lexicons(d: dict, gated_alt, search_alt, year: str) -> dict:
    """The regexes of quantity_subject.yaml (called once by quantity_rules.grammar); `year` is the
    grammar's year pattern; `search_alt` builds the word lists searched on their own (no gate)."""
    alt = lambda key: gated_alt(d[key], key)  # noqa: E731 (one-line helper)
    words = lambda key: search_alt(d[key], key)  # noqa: E731
    return {
        "year": re.compile(rf"(?:到|至|截至|截止到|较|比|从|自|于)?{year}年(?:底|末|初)?(?:前|以前|之前|起|以来)?的?"),
        "link": re.compile(words("link_verbs")),
        "lead": re.compile(f"(?:(?!{alt('lead_guards')})(?:{alt('lead_words')}|{alt('change_bases')}))+"),
        "tail": re.compile(f"(?:{alt('tail_words')}|{alt('change_bases')})+$"),
        "change": re.compile(words("change_bases")),
        "object_lead": re.compile(f"(?:{alt('object_verbs')})+"),
        "standard_object": re.compile(f"(?:{alt('standard_words')})?(?:{alt('object_verbs')})+"),
        "conjunction": re.compile(words("conjunctions")),
        "actor": re.compile(rf"^(?:[^,;。]{{0,12}}?(?:{alt('actor_heads')})、?)+"),
        "temporal": re.compile(f"(?:{alt('temporal_tails')})$"),
        "post_stop": re.compile(words("post_stops")),
        "topic_stop": re.compile(words("topic_stops")),
        "amount": re.compile(f"的?(?!用于|用作|用来|作为)([^,;。、的]{{0,10}}?(?:{alt('amount_nouns')}))"),
        "verb_only": frozenset(d["verb_only"]),
    }


def subject(text: str, c: "Cand", per: str | None, prev_end: int, earlier: list["QuantityMatch"],
            post_from: int, group: tuple[int, int], dims: dict, S: dict) -> str | None:
    """What is measured, short: see the module docstring for the order the places are read in."""
    cs, ce = c.cl
    if "\t" in text and (item := _row_item(text, c)):
        return item
    post = post_noun(text, post_from, ce, S)
    if post in S["verb_only"]:
        post = ""  # 29项|精简至: an action, not a noun
    if obj := _standard_object(text, c, ce, S):
        return obj
    if c.category == "money" and (m := S["amount"].match(text, post_from, ce)):
        return m.group(1)  # 2万元的|一次性入职奖励, 给予5万元|奖补
    if (c.category in COUNTERS or RATED.match(text, post_from)) and len(post) >= 2:
        return post
    lo = max(cs, prev_end)
    if per and 0 <= (k := text.rfind(per, cs, c.nstart)) < lo <= k + len(per):
        # 社区工作者按照每300—500户配备1名: the number before belongs to this one's basis
        lo = max([cs] + [q.end for q in earlier if q.end <= k])
    raw = text[lo:c.start] + text[c.cmp_end:c.nstart]
    prev_subject = earlier[-1].subject if earlier else None
    if raw.lstrip("、和及与或分别").startswith("占") and prev_subject:
        return prev_subject + "占比"
    pre = head_phrase(raw, per, S)
    if len(pre) < 2 and prev_subject and S["change"].search(raw):
        return prev_subject  # 完成财政总收入1.37亿元,同比增长5.2%: the change of that amount
    if c.unit == "岁" and "年龄" not in pre and len(noun := post if len(post) >= 2 else pre) >= 2:
        return noun.rstrip("中") + "年龄"  # 60周岁以上|老年人 -> 老年人年龄 (whose age)
    if pre in dims.values() and per and (base := _PER_HEAD.sub("", per)):
        return base + pre  # 每个驿站|面积 -> 驿站面积
    if _SINGLE.fullmatch(pre) and (dim := dims.get(c.unit or "")):
        return pre + dim  # 单处|不少于300平方米 -> 单处面积
    if len(pre) >= 2 and pre not in S["verb_only"]:
        return pre
    if c.category == "time" and text[c.nstart - 1:c.nstart] == "每" and (act := _activity(text, c.end, ce, S)):
        return act + "周期"  # 每两年|开展一次优秀社区工作者评选表彰: the period of that activity
    if len(post) >= 2:
        return post
    paired = "分别" in text[cs:c.nstart] and group[1] > 1
    if paired and (t := _topic(text, cs, group, S)):
        return t
    if group[0] > 0 and prev_subject:
        return prev_subject  # 89%、84%和100%: a list continues its first item's subject
    unit = _SAME_DIMENSION.get(c.unit or "", c.unit)
    same = next((q.subject for q in reversed(earlier)
                 if _SAME_DIMENSION.get(q.unit or "", q.unit) == unit and q.subject), None)
    return same or _topic(text, cs, (0, 1), S) or prev_subject or dims.get(c.unit or "") or pre or None


_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")


def _row_item(text: str, c: "Cand") -> str | None:
    """A number alone in its cell of a table row pasted as text (巩固拓展脱贫攻坚成果 | 15分 | …): the row's item, the
    last cell of words before it, is what it measures."""
    tab = text.rfind("\t", 0, c.nstart)
    if tab < 0:
        return None
    nxt = text.find("\t", c.end)
    cell_end = nxt if nxt >= 0 else len(text)
    if _HAN.search(text, tab + 1, c.start) or _HAN.search(text, c.end, cell_end):
        return None  # (the number's own cell has words: they speak of it)
    item = next((x for x in map(str.strip, reversed(text[:tab].split("\t"))) if _HAN.search(x) and not _DIGIT.search(x)),
                None)
    return item[:_MAX] if item else None


def _by_lexicons(fn: Callable[[Hashable, dict], str]) -> Callable[[Hashable, dict], str]:
    """`fn(key, S)` remembered by `key` while S (the grammar's lexicons) stays the same object.

    The stretches around a number are short and repeat across a batch (不少于, 每人每年, 名社区工作者)
    where their sentences do not; bounded: emptied when full, or when the lexicons are replaced.
    """
    store: dict = {}
    made_with: list = [None]

    def get(key: Hashable, S: dict) -> str:
        if made_with[0] is not S or len(store) >= _CACHE_SIZE:
            store.clear()
            made_with[0] = S
        found = store.get(key)
        if found is None:
            found = store[key] = fn(key, S)
        return found
    return get


def head_phrase(pre: str, per: str | None, S: dict) -> str:
    """The measured noun of the stretch before a number: 县财政按照每村 -> '', 上浮比例 -> 上浮比例."""
    return _head_phrase((pre, per), S)


@_by_lexicons
def _head_phrase(key: tuple[str, str | None], S: dict) -> str:
    pre, per = key
    if "\t" in pre:
        pre = pre[pre.rfind("\t") + 1:]  # a table row: only the number's own cell speaks of it
    if per and per in pre:
        cut = pre.rfind(per)
        after, before = pre[cut + len(per):], pre[:cut]
        # 社区工作者按照|每300户|配备: a bare verb after the basis leaves the noun before it
        pre = before if len(_clean(after, S)) < 2 <= len(_clean(before, S)) else \
            after if len(after.strip("的 ")) >= 2 else before
    if "(" in pre and ")" not in pre[(k := pre.rfind("(")):]:
        if not pre[k + 1:].strip():  # the bracket opens on the number: it scores what stands before it
            label = _strip(S["lead"], pre[:k].lstrip(")、和及与或").strip())  # 分为基础设施(20分)、运营管理(35分)
            return label[-_MAX:]
        pre = pre[k + 1:]  # an open bracket: the number is inside it
    pre = _WORD_TIME.sub("", pre.lstrip("、和及与或的").strip())
    if "年" in pre:  # every year pattern ends in 年, every frequency starts with 每 (speed)
        pre = S["year"].sub("", pre)
    if "每" in pre:
        pre = _FREQ_TIME.sub("", pre)
    if m := _TOPIC_CUT.search(pre):
        pre = pre[:m.start()]
    if m := _last(S["link"], pre):
        pre = pre[m.end():]
    if m := _last(S["conjunction"], pre):
        pre = pre[m.end():] if m.end() < len(pre) else ""  # 资格证书或者|社区工作经历; …或者|1年考核…
    if (k := max(pre.rfind("按照"), pre.rfind("按"))) >= 0:
        after = _clean(pre[k + (2 if pre.startswith("按照", k) else 1):], S)
        pre = after if len(after) >= 2 else pre[:k]  # 社区工作者|按照每300户配备
    if (k := pre.rfind("的")) > 0 and S["object_lead"].match(pre, k + 1):
        pre = pre[k + 1:]  # 经评估合格的|给予一次性开办补助
    pre = _clean(pre, S, keep_verb=True)
    if "等" in pre[:-2]:
        pre = pre[pre.rfind("等") + 1:]  # 政治素质、道德品行等资格条件 -> 资格条件
    if len(pre) > _MAX and "、" in pre[-_MAX:]:
        pre = pre[pre.rfind("、") + 1:]
    return pre[-_MAX:]


def _clean(pre: str, S: dict, keep_verb: bool = False) -> str:
    """Strip leading words, a leading actor, trailing predicates and a leading object verb (kept when
    it is all there is and `keep_verb`: 每年评选|10%左右 measures the 评选)."""
    for _ in range(2):  # 县财政|应当|安排 -> the second round strips what the first uncovered
        start = pre
        pre = _strip(S["lead"], pre.strip())
        if (m := S["actor"].match(pre)) and (m.end() == len(pre) or S["lead"].match(pre, m.end())
                                             or S["object_lead"].match(pre, m.end()) or pre[m.end()] == "每"):
            pre = pre[m.end():]
        # the tail words are short: searching the last 16 chars finds the same cut (speed)
        if tm := S["tail"].search(pre, max(0, len(pre) - 16)):
            pre = pre[:tm.start()]
        obj = _strip(S["object_lead"], pre)
        pre = pre if keep_verb and len(obj) < 2 else obj
        if pre == start:
            break  # a round that changed nothing would change nothing again (speed)
    if S["temporal"].search(pre):
        return ""  # 老年人提出需求后: when, not what
    return pre


def _strip(pattern: re.Pattern, s: str) -> str:
    """`s` without the match of `pattern` at its start (the patterns are not anchored: match())."""
    m = pattern.match(s)
    return s[m.end():] if m else s


def _last(pattern: re.Pattern, s: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(s):
        pass
    return last


def _activity(text: str, pos: int, ce: int, S: dict) -> str | None:
    """至少更新一次 -> 更新, 开展一次优秀社区工作者评选表彰 -> 优秀社区工作者评选表彰."""
    m = _PERIOD_ACTIVITY.match(text, pos, ce)
    if not m:
        return None
    obj = _cut(m.group(2), S)
    if len(obj) >= 2:
        return obj[:_MAX]
    verb = _clean(m.group(1), S, keep_verb=True)
    return verb if len(verb) >= 2 else None


def _standard_object(text: str, c: "Cand", ce: int, S: dict) -> str | None:
    """按每村3万元的标准给予|一次性提升改造补助: the number sets the rate of what the verb hands out."""
    cs = c.cl[0]
    if "按" not in text[cs:c.nstart]:
        return None
    m = S["standard_object"].match(text, c.end, ce)
    if not m or _NUMERAL.match(text, m.end()):
        return None  # 按每300户配备|1名…: the verb counts another number
    obj = post_noun(text, m.end(), ce, S)
    return obj if len(obj) >= 2 else None


def post_noun(text: str, pos: int, ce: int, S: dict) -> str:
    """The noun phrase right after the unit: 55名|大学生到村任职, 13个集…为一体的|村级综合服务中心."""
    return _post_noun(text[pos:ce], S)


@_by_lexicons
def _post_noun(rest: str, S: dict) -> str:
    if S["post_stop"].match(rest) or rest[:1] in _CONJ_CHARS or rest[:1] in "(每":
        # 10000人|或者辖区情况复杂, 满2届|且考核优秀: no noun follows; 100元|(原为80元), 80—89周岁|每人每月: an
        # aside or the next number's basis
        return ""
    if m := RATED.match(rest):
        return _cut(rest[m.end():], S)[:10]  # 55个村被评定为五星级村
    if not _POST_STOP.match(rest):
        rest = _strip(S["lead"], rest)  # 可|增配 (在村队中…的|后备干部 is read below)
    obj = _strip(S["object_lead"], rest)
    head = _cut(obj, S)
    if len(head) >= 2:
        rest = obj  # 作出|响应 (配备|1名… keeps its verb)
    elif obj is not rest:
        head = _cut(rest, S)
    head = head[:10]
    de = rest.rfind("的", 0, 40)
    if de > 0 and (len(head) < 2 or rest[len(head):len(head) + 1] == "、" and not re.search(r"\d", rest[:de])):
        # 44名在村队中有威望…的后备干部, 13个集…为一体的村级综合服务中心: the head noun follows 的
        rest = rest[de + 1:]
        head = _cut(rest, S)[:10]
    if len(head) == 1 and (v := _VERB_PHRASE.match(rest, 1)):
        return (head + v.group())[:12]  # 92个村实行了“两推一选”
    return head.rstrip("中")


def _cut(rest: str, S: dict) -> str:
    m = _POST_STOP.search(rest)
    head = rest[:m.start()] if m else rest
    for stop in (S["post_stop"], S["conjunction"]):  # 不称职|或出现…
        if m := stop.search(head, 1):
            head = head[:m.start()]
    return head


def _topic(text: str, cs: int, group: tuple[int, int], S: dict) -> str | None:
    """社区工作经费和…专项经费纳入预算,每个社区每年分别不低于10万元和5万元: the previous clause's
    topic (split between the items of a 分别 list)."""
    if cs < 2:
        return None
    ps = max(text.rfind(ch, 0, cs - 1) for ch in ",;:。!?") + 1
    prev = text[ps:cs - 1]
    if re.search(r"\d", prev):
        return None  # a clause with its own numbers has its own subjects
    if m := S["topic_stop"].search(prev, 2):
        prev = prev[:m.start()]
    prev = _clean(_FREQ_TIME.sub("", S["year"].sub("", _WORD_TIME.sub("", prev))), S)
    if len(head := prev[prev.rfind("的") + 1:]) >= 2:
        prev = head  # 以区委书记任主任…的|城乡基层治理委员会: the head noun
    k, n = group
    if n > 1:
        parts = [p for p in re.split(r"[、和及与]", prev) if p]
        if len(parts) != n:
            return None
        prev = parts[k]
    return prev[-_MAX:] if len(prev) >= 2 else None
