"""The quantity grammar's lexicons, loaded from data/zh and compiled once.

Files: units.tsv, comparators.yaml, quantity_grammar.yaml, quantity_time.yaml,
quantity_per.yaml, quantity_subject.yaml. Every file has an allow-list of keys (or columns); a misspelt
key is an error at load time, never a silently ignored rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from ..rules import RuleError, alternation, data_path, first_chars, load_yaml, opens_with_class, parse_pattern
from ..text import numerals
from .quantity_subject import compile_lexicons

COMPARATORS = (">=", "<=", ">", "<", "=", "~")
UNIT_COLUMNS = ("surface", "canonical", "scale", "category", "numerals", "not_before")
UNIT_CATEGORIES = frozenset({
    "person", "count", "class", "frequency", "score", "time", "age", "money", "percent",
    "multiple", "area", "length", "weight", "volume", "power", "measure", "quota", "noun"})
SCHEMAS: dict[str, frozenset[str]] = {
    "comparators": frozenset({"prefix", "suffix", "infix", "only_cap", "only_report", "range_sep",
                              "prefix_window", "neutral", "far_prefix", "weak_neutral", "over_half", "cap_nouns",
                              "not_comparators"}),
    "quantity_grammar": frozenset({"idioms", "ordinal_before", "ordinal_after", "list_count_after",
                                   "programme_after", "name_after", "slogan", "slogan_item", "quote_max",
                                   "money_context", "one_alloc_verbs", "vague_before", "date_like",
                                   "class_label_before", "power_units", "frequency_after", "vague_lead",
                                   "ratio_before", "rank_before", "rank_units", "article_one_before",
                                   "condition_end", "noun_units", "days_before_event", "context_units"}),
    "quantity_time": frozenset({"absolute", "year_list", "relative", "frequency", "frame", "enumerator",
                                "comparison", "document_dating"}),
    "quantity_per": frozenset({"per_start", "per_words", "time_bases", "base_nouns", "slash_bases",
                               "recipient_verbs", "base_markers", "stretch_stops", "unit_dimensions",
                               "conditional", "share_totals", "counted_basis", "measure_window", "window_not_per"}),
    "quantity_subject": frozenset({"lead_words", "tail_words", "object_verbs", "standard_words", "conjunctions",
                                   "actor_heads", "temporal_tails", "post_stops", "topic_stops", "amount_nouns",
                                   "link_verbs", "lead_guards", "change_bases", "verb_only"}),
}
CN = numerals.CN_CHARS
YEAR = r"(?:(?:19|20)\d\d|20\d\*|201\*|[二〇一九零]{4})"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of units.tsv."""

    surface: str
    canonical: str
    scale: float
    category: str
    arabic_only: bool


def gated_alt(words, what: str) -> str:
    """Escaped alternation, longest first (so 不低于 wins over 低于), behind a first-character gate.

    The gate lets the regex engine reject most positions with one set test (speed).
    """
    words = sorted(words, key=len, reverse=True)
    firsts = "".join(sorted({re.escape(w[0]) for w in words if w}))
    return f"(?=[{firsts}])" + alternation([re.escape(w) for w in words], what)


def search_alt(words, what: str) -> str:
    """Escaped alternation, longest first, for a pattern of its own that search()/finditer() run over a
    span: with no gate in front, the engine itself skips in C to where a word's first character
    stands (a lookahead gate would make it try the whole pattern at every position: speed)."""
    return alternation([re.escape(w) for w in sorted(words, key=len, reverse=True)], what)


class FirstCharScan:
    """A compiled pattern whose finditer first searches the characters a match can start with.

    Python's regex engine skips ahead in C only for patterns that open with a literal or a single
    character class; the others (optional prefix words, alternations, a lookahead gate) are tried at
    every position. Searching their first-character class, then matching there, gives the same matches
    as finditer several times faster on Chinese prose (speed). `starts` also asserts (looking back over
    the start character) that the pattern matches there, so the positions where it fails are skipped in
    C, not one Python step each. Other methods go to the pattern.
    """

    __slots__ = ("pattern", "starts", "match")

    def __init__(self, pattern: re.Pattern, starts: re.Pattern):
        self.pattern, self.starts = pattern, starts
        self.match = pattern.match  # asked per sentence (inherited_time): no __getattr__ detour (speed)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """The matches re.finditer gives (the pattern never matches empty, so none are skipped)."""
        end = len(text) if endpos is None else endpos
        search, match = self.starts.search, self.pattern.match
        while h := search(text, pos, end):
            if m := match(text, h.start(), end):
                yield m
                pos = m.end()
            else:
                pos = h.start() + 1


def first_char_scan(pattern: re.Pattern) -> re.Pattern | FirstCharScan:
    """`pattern` wrapped in a FirstCharScan, or itself when its first characters cannot be told
    (it may match empty, opens with `.` or a negated class) or the engine already skips ahead."""
    tree = parse_pattern(pattern.pattern, pattern.flags)
    if opens_with_class(tree) or (first := first_chars(tree)) is None:
        return pattern
    return FirstCharScan(pattern, matching_starts("[" + "".join(sorted(first)) + "]", pattern))


def matching_starts(first: str, pattern: re.Pattern) -> re.Pattern:
    """A regex found at the positions where a `first` character opens a match of `pattern` (1 char long).

    It opens with a character class, so search() skips ahead in C; the lookahead inside a one-character
    lookbehind runs `pattern` at the start character (the same match the pattern's match() finds there).
    """
    return re.compile(f"{first}(?<=(?=(?:{pattern.pattern}))(?s:.))", pattern.flags)


def _expand(pattern: str) -> str:
    return pattern.replace("{YEAR}", YEAR).replace("{MONTH}", MONTH).replace("{CN}", CN)


def load_units() -> dict[str, Unit]:
    """units.tsv as {surface: Unit}; unknown columns, categories or duplicates are errors."""
    rows = [ln for ln in data_path("units.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    header = tuple(rows[0].split("\t"))
    if header != UNIT_COLUMNS:
        raise RuleError(f"units.tsv: columns must be {UNIT_COLUMNS}, got {header}")
    units: dict[str, Unit] = {}
    for ln in rows[1:]:
        cells = ln.split("\t")
        if len(cells) != len(UNIT_COLUMNS):
            raise RuleError(f"units.tsv: wrong cell count in {ln!r}")
        surface, canonical, scale, category, nums, _ = cells
        if category not in UNIT_CATEGORIES or nums not in ("any", "arabic"):
            raise RuleError(f"units.tsv: bad category or numerals in {ln!r}")
        if surface in units:
            raise RuleError(f"units.tsv: duplicate surface {surface!r}")
        units[surface] = Unit(surface, canonical, float(scale), category, nums == "arabic")
    return units


def _unit_rows() -> list[list[str]]:
    """The data rows of units.tsv as cell lists (load_units validates them)."""
    return [ln.split("\t") for ln in data_path("units.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")][1:]


def _unit_alternation() -> str:
    """Units as a trie (longer units first at each branch), each guarded by its not_before words
    (年级, 名单, 部门 are words). Same matches as a longest-first alternation of ~200 units, but the
    engine tests one branch per first character instead of every unit (speed)."""
    trie: dict = {}
    for cells in _unit_rows():
        node = trie
        for ch in cells[0]:
            node = node.setdefault(ch, {})
        if "" in node:
            raise RuleError(f"units.tsv: duplicate surface {cells[0]!r}")
        node[""] = "|".join(re.escape(w) for w in cells[5].split("|") if w)
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    def depth(n: dict) -> int:
        return max(0 if k == "" else 1 + depth(v) for k, v in n.items())

    keys = sorted((k for k in node if k), key=lambda k: -depth(node[k]))
    alts = [re.escape(k) + _trie_regex(node[k]) for k in keys]
    if "" in node:
        alts.append(f"(?!{node['']})" if node[""] else "")  # the unit ends here (shortest last)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _comparator_table(section: dict, what: str) -> dict[str, str]:
    """{word: comparator} from a {comparator: [words]} mapping; unknown comparators are errors."""
    table: dict[str, str] = {}
    for comp, words in section.items():
        if comp not in COMPARATORS:
            raise RuleError(f"comparators.yaml {what}: unknown comparator {comp!r}")
        for w in words:
            if w in table:
                raise RuleError(f"comparators.yaml {what}: {w!r} listed twice")
            table[w] = comp
    return table


@dataclass(frozen=True)
class Grammar:
    """Everything find_quantities needs, compiled once."""

    units: dict
    scanner: re.Pattern
    starts: re.Pattern  # where a scanner match can begin (its gate holds): searched first (speed)
    prefix: dict
    prefix_re: re.Pattern
    suffix: dict
    suffix_re: re.Pattern  # a suffix comparator where a compound rate unit ends (2500吨/日以下)
    infix: dict
    prefix_window: int
    g: dict  # quantity_grammar.yaml, with compiled regexes under *_re keys
    time: dict
    per: dict
    subj: dict  # quantity_subject.yaml, compiled (quantity_subject.compile_lexicons)
    far_re: re.Pattern  # prefix words that reach past the window (comparators.yaml far_prefix)
    prefix_reach: int  # how far before the window a prefix word may start and still reach into it (不得低于)
    weak_neutral: frozenset  # neutral words a farther far_prefix word still governs (至少有1名)
    over_half: str  # 过半: the 半 after it is more than half
    cap_re: re.Pattern  # a cap named before a bare number in its clause (最高支付限额为40万元): the number is a `<=`


def _scanner(cmp: dict, vague: str, slash_bases: list[str]) -> re.Pattern:
    num = numerals.NUMBER
    inf = gated_alt(_comparator_table(cmp["infix"], "infix"), "infix")
    sep = gated_alt(cmp["range_sep"], "range_sep")
    unit = _unit_alternation()
    suffix = gated_alt(_comparator_table(cmp["suffix"], "suffix"), "suffix")
    ratio = r"(?P<ratio>\d+(?:\.\d+)?(?:[:∶]\d+(?:\.\d+)?)+)(?![\d:∶])"
    scale = rf"(?:(?!{numerals.UNIT_KILO})[十百千万亿])+"  # (120千瓦: 120 千瓦, not 120000 瓦)
    # 百分之八十, 三分之二, 千分之五: a fraction; 几十人, 数百名: a vague lead (more than the scale)
    frac = rf"(?:[{numerals.CN_CHARS}]+|\d+)分之"
    # 5000元/人/年, 795元/人·月: the basis written after a slash
    base = gated_alt(slash_bases, "slash_bases")
    # a range may repeat its unit (1500户至3000户; 1.5万元以上至5万元(含)); a single number has at most one unit.
    # [ \t]: a decoded &nbsp; or a table cell break between number and unit (50 万元, "15\t个");
    # 个 before 多/余 belongs to the unit after them (3个多月)
    qty = (rf"(?P<pct>{frac})?(?P<vague>{vague})?(?P<n1>{num})(?P<ge>个(?=[多余]))?(?P<inf1>{inf})?"
           rf"[ \t]?(?P<sc1>{scale})?"
           rf"(?:(?P<u1>{unit})?(?:以上)?(?:\(不?含\))?(?P<sep>{sep})(?P<pct2>{frac})?(?P<n2>{num})(?P<inf2>{inf})?(?P<sc2>{scale})?"
           rf"(?P<unit>{unit})?(?:\(含\))?|(?P<u0>{unit}))?(?P<suffix>{suffix})?(?P<slash>/{base}(?:[/·・•]{base})?)?")
    # 2/3 of a base (按不超过其实际缴费额的2/3给予补贴): a proper fraction written with a slash, a share in %
    sfrac = r"(?<![\d/.])(?P<sfrac>[1-9]/(?:10|[2-9]))(?![\d/.])"
    return re.compile(rf"{_scanner_gate(cmp, vague)}(?:{ratio}|{sfrac}|{qty})")


def _scanner_gate(cmp: dict, vague: str) -> str:
    """Cheap gate checked at every position (it makes scanning ~3x faster): an Arabic digit, or
    Chinese numerals followed by what can start a unit, a range or a list count (四大)."""
    firsts = {row[0][0] for row in _unit_rows()} | {w[0] for w in cmp["range_sep"]} | {"大"}
    first_cls = "".join(sorted(re.escape(ch) for ch in firsts))
    cn = numerals.CN_CHARS
    return rf"(?=\d|[{cn}]+分之|{vague}|[{cn}半]+(?:点[{cn}]+)?[余多几来]?[{first_cls}])"


def _scan_starts(cmp: dict, vague: str) -> re.Pattern:
    """The positions where the scanner's gate holds, the only ones where it can match: a numeral
    whose gate fails (统一, 进一步) is skipped in C, and a provision with no such position holds no
    quantity, one search deciding it before any other work (speed)."""
    return matching_starts(rf"[\d{CN}半{_lead_chars(vague)}]", re.compile(_scanner_gate(cmp, vague)))


def _lead_chars(vague: str) -> str:
    """The characters vague_lead starts with; it must open with a character class ([几数])."""
    m = re.match(r"\[([^\]\\^-]+)\]", vague)
    if not m:
        raise RuleError("quantity_grammar.yaml vague_lead: must start with a [character class]")
    return m.group(1)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Load and compile every quantity rule file (cached)."""
    cmp = load_yaml("comparators", SCHEMAS["comparators"])
    g = dict(load_yaml("quantity_grammar", SCHEMAS["quantity_grammar"]))
    t = dict(load_yaml("quantity_time", SCHEMAS["quantity_time"]))
    p = dict(load_yaml("quantity_per", SCHEMAS["quantity_per"]))
    prefix = _comparator_table(cmp["prefix"], "prefix")
    for w in cmp["only_cap"]:
        prefix.setdefault(w, "<=")
    for w in list(cmp["only_report"]) + list(cmp["neutral"]):
        prefix[w] = "="
    for w in cmp["not_comparators"]:
        prefix[w] = ""  # matched so its characters are no comparator, then skipped (_prefix_match)
    for key in ("ordinal_before", "ordinal_after", "list_count_after", "programme_after", "name_after",
                "slogan", "slogan_item", "vague_before", "date_like", "class_label_before", "ratio_before",
                "article_one_before", "condition_end", "days_before_event"):
        g[key + "_re"] = re.compile(_expand(g[key]))
    g["idioms_re"] = re.compile(gated_alt(g["idioms"], "idioms"))
    g["money_re"] = re.compile(search_alt(g["money_context"], "money_context"))
    # the noun, then nothing, a copula or a comparator (系数为1.60, 利用系数不低于0.65, 系数年度提高0.002以上)
    g["noun_unit_re"] = re.compile(f"({'|'.join(map(re.escape, g['noun_units']))})"
                                   "(?:为|是|达到|调整为|不低于|不高于|不小于|不大于|提高|提高到|提高至|年度提高|年均提高)?$")
    g["alloc_re"] = re.compile(gated_alt(g["one_alloc_verbs"], "one_alloc_verbs") + r"[各再只]?$")
    g["frequency_after_re"] = re.compile(_expand(g["frequency_after"]))
    g["rank_before_re"] = re.compile(_expand(g["rank_before"]))
    g["power_units_re"] = {u: re.compile(_expand(v)) for u, v in g["power_units"].items()}
    g["context_units_re"] = {u: re.compile(_expand(v)) for u, v in g["context_units"].items()}
    t["absolute_re"] = first_char_scan(re.compile("|".join(_expand(x) for x in t["absolute"])))
    t["year_list_re"] = first_char_scan(re.compile(_expand(t["year_list"])))
    t["relative_re"] = re.compile(search_alt(t["relative"], "relative"))
    t["comparison_re"] = re.compile(_expand(t["comparison"]))
    t["document_dating_re"] = re.compile(search_alt(t["document_dating"], "document_dating"))
    t["frequency_re"] = re.compile(_expand(t["frequency"]))
    t["frame_re"] = first_char_scan(re.compile(_expand(t["frame"])))
    # whole-sentence scans whose first characters are rare (numerals, 到, 在): searched first (speed)
    for key in ("slogan_item_re", "date_like_re"):
        g[key] = first_char_scan(g[key])
    t["enumerator_re"] = re.compile(t["enumerator"])
    p["start_re"] = re.compile(search_alt(p["per_start"], "per_start"))
    p["words_re"] = re.compile(search_alt(p["per_words"], "per_words"))
    p["time_re"] = re.compile(gated_alt(p["time_bases"], "time_bases"))
    p["base_re"] = re.compile(search_alt(p["base_nouns"], "base_nouns"))
    p["stop_re"] = re.compile(search_alt(p["stretch_stops"], "stretch_stops"))
    p["recipient_re"] = re.compile(r"对([^,;。:对]{2,16}?)(?:" + gated_alt(p["recipient_verbs"], "recipient") + ")")
    p["marker_re"] = re.compile(search_alt(p["base_markers"], "base_markers"))
    p["total_re"] = re.compile(f"(?:{gated_alt(p['share_totals'], 'share_totals')})$")
    p["conditional_re"] = re.compile(p["conditional"])
    p["counted_re"] = re.compile(p["counted_basis"])
    p["window_re"] = re.compile(p["measure_window"])
    return Grammar(
        units=load_units(), scanner=_scanner(cmp, g["vague_lead"], p["slash_bases"]),
        starts=_scan_starts(cmp, g["vague_lead"]), prefix=prefix,
        prefix_re=re.compile(search_alt(prefix, "prefix")), suffix=(suffix := _comparator_table(cmp["suffix"], "suffix")),
        suffix_re=re.compile(search_alt(suffix, "suffix")),
        infix=_comparator_table(cmp["infix"], "infix"), prefix_window=int(cmp["prefix_window"]),
        g=g, time=t, per=p,
        subj=compile_lexicons(load_yaml("quantity_subject", SCHEMAS["quantity_subject"]), gated_alt, search_alt,
                              YEAR),
        far_re=re.compile(search_alt(cmp["far_prefix"], "far_prefix")),
        prefix_reach=max(map(len, prefix)) - 1, weak_neutral=frozenset(cmp["weak_neutral"]),
        over_half=cmp["over_half"], cap_re=re.compile(f"(?:{search_alt(cmp['cap_nouns'], 'cap_nouns')})(?!以上)"))
