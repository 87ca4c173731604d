"""Load the human-edited rule files in zhengce/data/zh with a key allow-list."""
from __future__ import annotations

import heapq
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
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
                              "article_break_patterns", "caption_max_len", "credit_line", "link_list_header"}),
    "headings": frozenset({"styles", "max_unnumbered_len", "runin_max_len", "runin_followers",
                           "bare_runin_max_len", "runin_pair_part_max_len", "runin_pair_min_paragraphs",
                           "field_line", "interview_question", "interview_answer", "interview_min_answers",
                           "rule_in_title", "runin_pair_aims", "caption_states_rule", "note_opening",
                           "article_citation"}),
    "articles": frozenset({"doc_types", "normative_types", "non_normative_types", "issuer_patterns",
                           "date_patterns", "publish_cues", "full_text_cues", "anonymised", "title_notes",
                           "issuer_place", "title_place", "issuing_notice", "promulgation", "promulgated_revision", "report_with_plan"}),
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


def load_json_model(path, keys: frozenset[str]) -> dict[str, Any] | None:
    """A learned model shipped as JSON (models/*.json): None when the file is absent; a key outside `keys` is an
    error (a model written by another version of its training script)."""
    p = Path(path)
    if not p.exists():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    if unknown := set(model) - keys:
        raise RuleError(f"{p.name}: unknown keys {sorted(unknown)}")
    return model


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


def pair_test(pattern: str, groups: int = 8) -> str:
    """A lookahead passing where a match of `pattern` may start, told by its first two characters ("" when the
    parse cannot tell them): `re` tries a big alternation at every position its first character admits, and
    the second rules most of those out. First characters are grouped with the union of the second characters
    they take (at most `groups` pairs of charsets), so the test is a few charset lookups."""
    tree = parse_pattern(pattern)
    heads = set() if tree.state.flags & re.IGNORECASE else _heads(list(tree.data))
    if not heads or () in heads or any(h[0] is None for h in heads):
        return ""
    # where a match may be one character long or go on with any character, the first decides alone
    single = {h[0] for h in heads if len(h) == 1 or h[1] is None}
    seconds: dict[str, set[str]] = {}
    for first, second in (h for h in heads if h[0] not in single):
        seconds.setdefault(first, set()).add(second)
    alts = ([_charset(single)] if single else []) + [_charset(g) + _charset(s) for g, s in _grouped(seconds, groups)]
    return f"(?={'|'.join(alts)})"


_UNKNOWN = frozenset({(), (None,), (None, None)})  # what an item the parse cannot read may start with


def _heads(items: list) -> set[tuple]:
    """The first two characters (None: any) of a parsed sequence's matches, fewer where a match ends sooner."""
    out: set[tuple] = {()}
    for op, av in items:
        if all(len(h) == 2 for h in out):
            break
        out = _then(out, _heads_of(op, av))
    return out


def _then(before: set, after) -> set:
    out, firsts = {h for h in before if len(h) == 2}, None
    for h in before:
        if not h:
            out |= after
        elif len(h) == 1:
            firsts = firsts or {a[:1] for a in after}  # (only the first character of what follows counts)
            out.update(h + a for a in firsts)
    return out


def _heads_of(op, av) -> set[tuple]:
    if op is sre_c.LITERAL:
        return {(chr(av),)}
    if op is sre_c.IN:
        chars = _class_chars(av)
        return {(None,)} if chars is None else {(c,) for c in chars}
    if op is sre_c.SUBPATTERN:
        return set(_UNKNOWN) if av[1] & re.IGNORECASE else _heads(list(av[3]))
    if op is sre_c.BRANCH:
        return set().union(*(_heads(list(alt)) for alt in av[1]))
    if op is sre_c.GROUPREF_EXISTS:
        return _heads(list(av[1])) | (_heads(list(av[2])) if av[2] else {()})
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        return _repeated(av[0], av[1], list(av[2]))
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
        return {()}  # zero width (a superset is all the test needs)
    return set(_UNKNOWN)


def _class_chars(av) -> set[str] | None:
    """The characters of a class; None for any (a negated class, a category, a wide range)."""
    chars = set()
    for op, arg in av:
        if op is sre_c.LITERAL:
            chars.add(chr(arg))
        elif op is sre_c.RANGE and arg[1] - arg[0] < 256:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return chars


def _repeated(lo: int, hi: int, items: list) -> set[tuple]:
    one, out, run, seen, n = _heads(items), ({()} if lo == 0 else set()), {()}, set(), 0
    while n < hi:
        run, n = _then(run, one), n + 1
        if n >= lo:
            if (key := frozenset(run)) in seen:
                break  # the runs repeat from here on: every head is read
            seen.add(key)
            out |= run
    return out


def _grouped(seconds: dict[str, set[str]], n: int) -> list[tuple[set[str], set[str]]]:
    """First characters that take the same second characters grouped, then groups merged, the merge that admits
    the fewest new pairs first, until `n` are left (second characters as bits of an int: a union is an `|`)."""
    chars = sorted(set().union(*seconds.values()))
    bit = {c: 1 << i for i, c in enumerate(chars)}
    same: dict[int, set[str]] = {}
    for first in sorted(seconds):  # (sorted: the same groups in every process)
        same.setdefault(sum(bit[c] for c in seconds[first]), set()).add(first)
    # a group: (first characters, second characters as bits, the pairs it admits)
    groups = {i: (g, mask, len(g) * mask.bit_count()) for i, (mask, g) in enumerate(same.items())}
    heap = [((len(gi) + len(gj)) * (mi | mj).bit_count() - pi - pj, i, j)
            for i, (gi, mi, pi) in groups.items() for j, (gj, mj, pj) in groups.items() if i < j]
    heapq.heapify(heap)
    new_id = len(groups)
    while len(groups) > n:
        _, i, j = heapq.heappop(heap)
        if i in groups and j in groups:
            (g1, m1, _), (g2, m2, _) = groups.pop(i), groups.pop(j)
            g, m = g1 | g2, m1 | m2
            p = len(g) * m.bit_count()
            for k, (gk, mk, pk) in groups.items():
                heapq.heappush(heap, ((len(g) + len(gk)) * (m | mk).bit_count() - p - pk, k, new_id))
            groups[new_id], new_id = (g, m, p), new_id + 1
    return [(g, {c for c in chars if mask & bit[c]}) for g, mask, _ in groups.values()]


def _charset(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
