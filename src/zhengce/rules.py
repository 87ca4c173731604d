"""Load the human-edited rule files in zhengce/data/zh with a key allow-list."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

try:  # the regex parser, only to tell what a pattern's matches start with (see first_chars)
    from re import _constants as sre_c, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Allowed top-level keys per rule file; a misspelt key is an error, never a silently ignored rule.
SCHEMAS: dict[str, frozenset[str]] = {
    "normalize": frozenset({"sentence_end", "continuation_start", "open_end", "block_start", "meta_line", "title_end",
                            "page_markers", "table_cell_gap", "figure_row_numbers", "figure_row_cell_len",
                            "cell_line_header"}),
    "boilerplate": frozenset({"line_patterns", "prefix_patterns", "tail_max_len", "head_max_len",
                              "article_break_patterns", "caption_max_len", "credit_line"}),
    "headings": frozenset({"styles", "max_unnumbered_len", "runin_max_len", "runin_followers",
                           "bare_runin_max_len", "runin_pair_part_max_len", "runin_pair_min_paragraphs",
                           "field_line", "interview_question", "interview_answer", "interview_min_answers",
                           "rule_in_title", "runin_pair_aims", "caption_states_rule"}),
    "articles": frozenset({"doc_types", "normative_types", "non_normative_types", "issuer_patterns",
                           "date_patterns", "publish_cues", "full_text_cues", "anonymised", "title_notes",
                           "issuer_place", "issuing_notice"}),
}


class RuleError(ValueError):
    """A rule file is malformed."""


def data_path(name: str):
    """A Traversable for zhengce/data/zh/<name> (works from a wheel too)."""
    return resources.files("zhengce").joinpath("data", "zh", name)


@lru_cache(maxsize=None)
def load_yaml(name: str, allowed: frozenset[str] | None = None) -> dict[str, Any]:
    """Load data/zh/<name>.yaml; reject keys outside `allowed`."""
    text = data_path(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise RuleError(f"{name}.yaml: top level must be a mapping")
    if allowed is not None:
        unknown = set(data) - allowed
        if unknown:
            raise RuleError(f"{name}.yaml: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
        missing = allowed - set(data)
        if missing:
            raise RuleError(f"{name}.yaml: missing keys {sorted(missing)}")
    return data


def load_rules(name: str) -> dict[str, Any]:
    """Load one of the schema-checked rule files named in SCHEMAS."""
    if name not in SCHEMAS:
        raise RuleError(f"no schema for rule file {name!r}")
    return load_yaml(name, SCHEMAS[name])


def alternation(tokens: list[str] | tuple[str, ...], what: str) -> str:
    """Join regex alternatives; an empty or duplicated group is an error (it would match everything)."""
    if not tokens:
        raise RuleError(f"{what}: empty alternation")
    if len(set(tokens)) != len(tokens):
        dup = sorted({t for t in tokens if list(tokens).count(t) > 1})
        raise RuleError(f"{what}: duplicate entries {dup}")
    return "(?:" + "|".join(tokens) + ")"


def trie_regex(words) -> str:
    """A regex matching any of `words`, longest first, factored as a trie (fast in `re`)."""
    words = sorted(set(words))
    if not words or "" in words:
        raise RuleError("trie_regex: empty word list or empty word")
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    chars = sorted(ch for ch in node if ch)
    alts = [re.escape(ch) + _trie_node(node[ch]) for ch in chars]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if len(alts) > 4:  # one charset test rejects a position before `re` tries every branch
        body = f"(?=[{''.join(re.escape(c) for c in chars)}]){body}"
    return f"(?:{body})?" if "" in node else body


def parse_pattern(pattern: str, flags: int = 0):
    """The parse tree of a regex (for first_chars and for telling what a pattern opens with)."""
    return sre_parse.parse(pattern, flags)


def opens_with_class(tree) -> bool:
    """Whether a parsed pattern opens with a literal or a character class (the engine skips ahead to it)."""
    return bool(tree.data) and tree.data[0][0] in (sre_c.LITERAL, sre_c.IN)


def first_chars(tree) -> set[str] | None:
    """The character-class fragments every match of a parsed pattern starts with; None when they cannot be
    told (a negated class, `.`, another category, case folding) or the pattern may match empty."""
    if tree.state.flags & re.IGNORECASE:
        return None
    first, nullable = _first_chars(list(tree.data))
    return None if first is None or nullable else first


def _first_chars(items: list) -> tuple[set[str] | None, bool]:
    """(class fragments a match of this sequence can start with, whether it can match empty)."""
    frags: set[str] = set()
    for op, av in items:
        f, nullable = _first_of(op, av)
        if f is None:
            return None, False
        frags |= f
        if not nullable:
            return frags, False
    return frags, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is sre_c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre_c.IN:
        frags = set()
        for iop, iav in av:
            if iop is sre_c.LITERAL:
                frags.add(re.escape(chr(iav)))
            elif iop is sre_c.RANGE:
                frags.add(re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])))
            elif iop is sre_c.CATEGORY and iav is sre_c.CATEGORY_DIGIT:
                frags.add(r"\d")
            else:
                return None, False  # a negated class or another category: give up
        return frags, False
    if op is sre_c.SUBPATTERN:
        return _first_chars(list(av[3]))
    if op is sre_c.BRANCH:
        frags, nullable = set(), False
        for alt in av[1]:
            f, n = _first_chars(list(alt))
            if f is None:
                return None, False
            frags, nullable = frags | f, nullable or n
        return frags, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        f, n = _first_chars(list(av[2]))
        return f, n or av[0] == 0
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return set(), True  # zero width: the next item decides
    return None, False

