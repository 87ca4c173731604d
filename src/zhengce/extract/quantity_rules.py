"""The quantity grammar's lexicons, loaded from data/zh and compiled once.

Files: units.tsv, comparators.yaml, quantity_grammar.yaml, quantity_time.yaml,
quantity_per.yaml. Every file has an allow-list of keys (or columns); a misspelt
key is an error at load time, never a silently ignored rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import RuleError, alternation, data_path, load_yaml
from ..text import numerals

COMPARATORS = (">=", "<=", ">", "<", "=", "~")
UNIT_COLUMNS = ("surface", "canonical", "scale", "category", "numerals", "not_before")
UNIT_CATEGORIES = frozenset({
    "person", "count", "class", "frequency", "score", "time", "age", "money", "percent",
    "multiple", "area", "length", "weight", "volume", "power", "quota", "noun"})
SCHEMAS: dict[str, frozenset[str]] = {
    "comparators": frozenset({"prefix", "suffix", "infix", "only_cap", "only_report", "range_sep",
                              "prefix_window", "neutral"}),
    "quantity_grammar": frozenset({"idioms", "ordinal_before", "ordinal_after", "list_count_after",
                                   "programme_after", "name_after", "slogan", "slogan_item", "quote_max",
                                   "money_context", "one_alloc_verbs", "vague_before", "date_like",
                                   "class_label_before"}),
    "quantity_time": frozenset({"absolute", "year_list", "relative", "frequency", "frame", "enumerator"}),
    "quantity_per": frozenset({"per_start", "per_words", "time_bases", "base_nouns",
                               "recipient_verbs", "base_markers", "stretch_stops", "unit_dimensions"}),
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
    """Units longest first, each guarded by its not_before words (年级, 名单, 部门 are words)."""
    parts = []
    for cells in sorted(_unit_rows(), key=lambda c: len(c[0]), reverse=True):
        guard = "|".join(re.escape(w) for w in cells[5].split("|") if w)
        parts.append(re.escape(cells[0]) + (f"(?!{guard})" if guard else ""))
    return alternation(parts, "units")


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
    prefix: dict
    prefix_re: re.Pattern
    suffix: dict
    infix: dict
    prefix_window: int
    g: dict  # quantity_grammar.yaml, with compiled regexes under *_re keys
    time: dict
    per: dict


def _scanner(cmp: dict) -> re.Pattern:
    num = numerals.NUMBER
    inf = gated_alt(_comparator_table(cmp["infix"], "infix"), "infix")
    sep = gated_alt(cmp["range_sep"], "range_sep")
    unit = _unit_alternation()
    suffix = gated_alt(_comparator_table(cmp["suffix"], "suffix"), "suffix")
    ratio = r"(?P<ratio>\d+(?:\.\d+)?(?:[:∶]\d+(?:\.\d+)?)+)(?![\d:∶])"
    scale = "[十百千万亿]+"
    # a range may repeat its unit (1500户至3000户); a single number has at most one unit
    # 百分之八十, 三分之二, 千分之五: a fraction, read as a percentage
    frac = rf"(?:[{numerals.CN_CHARS}]+|\d+)分之"
    qty = (rf"(?P<pct>{frac})?(?P<n1>{num})(?P<inf1>{inf})?(?P<sc1>{scale})?"
           rf"(?:(?P<u1>{unit})?(?P<sep>{sep})(?P<pct2>{frac})?(?P<n2>{num})(?P<inf2>{inf})?(?P<sc2>{scale})?"
           rf"(?P<unit>{unit})?|(?P<u0>{unit}))?(?P<suffix>{suffix})?")
    # Cheap gate checked at every position (it makes scanning ~3x faster): an Arabic digit, or
    # Chinese numerals followed by what can start a unit, a range or a list count (四大).
    firsts = {row[0][0] for row in _unit_rows()} | {w[0] for w in cmp["range_sep"]} | {"大"}
    first_cls = "".join(sorted(re.escape(ch) for ch in firsts))
    gate = rf"(?=\d|[{numerals.CN_CHARS}]+分之|[{numerals.CN_CHARS}半]+[余多几来]?[{first_cls}])"
    return re.compile(rf"{gate}(?:{ratio}|{qty})")


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
    for key in ("ordinal_before", "ordinal_after", "list_count_after", "programme_after", "name_after",
                "slogan", "slogan_item", "vague_before", "date_like", "class_label_before"):
        g[key + "_re"] = re.compile(_expand(g[key]))
    g["idioms_re"] = re.compile(gated_alt(g["idioms"], "idioms"))
    g["money_re"] = re.compile(gated_alt(g["money_context"], "money_context"))
    g["alloc_re"] = re.compile(gated_alt(g["one_alloc_verbs"], "one_alloc_verbs") + r"[各再只]?$")
    t["absolute_re"] = re.compile("|".join(_expand(x) for x in t["absolute"]))
    t["year_list_re"] = re.compile(_expand(t["year_list"]))
    t["relative_re"] = re.compile(gated_alt(t["relative"], "relative"))
    t["frequency_re"] = re.compile(_expand(t["frequency"]))
    t["frame_re"] = re.compile(_expand(t["frame"]))
    t["enumerator_re"] = re.compile(t["enumerator"])
    p["start_re"] = re.compile(gated_alt(p["per_start"], "per_start"))
    p["words_re"] = re.compile(gated_alt(p["per_words"], "per_words"))
    p["time_re"] = re.compile(gated_alt(p["time_bases"], "time_bases"))
    p["base_re"] = re.compile(gated_alt(p["base_nouns"], "base_nouns"))
    p["stop_re"] = re.compile(gated_alt(p["stretch_stops"], "stretch_stops"))
    p["recipient_re"] = re.compile(r"对([^,;。:对]{2,16}?)(?:" + gated_alt(p["recipient_verbs"], "recipient") + ")")
    p["marker_re"] = re.compile(gated_alt(p["base_markers"], "base_markers"))
    return Grammar(
        units=load_units(), scanner=_scanner(cmp), prefix=prefix,
        prefix_re=re.compile(gated_alt(prefix, "prefix")), suffix=_comparator_table(cmp["suffix"], "suffix"),
        infix=_comparator_table(cmp["infix"], "infix"), prefix_window=int(cmp["prefix_window"]),
        g=g, time=t, per=p)
