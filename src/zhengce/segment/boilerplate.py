"""Page furniture: crumbs, meta lines, share/print links, disclaimers, app footers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Line
from ..rules import alternation, load_rules

_FINAL = "。!?;"
_LONGEST_FURNITURE = 160
_DISCLAIMER = re.compile(r"(?:免责声明|版权声明|友情提示|温馨提示|版权所有)")


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """Compiled boilerplate rules."""

    line: re.Pattern
    article_break: re.Pattern
    tail_max_len: int
    head_max_len: int
    caption_max_len: int


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    """Compile data/zh/boilerplate.yaml once."""
    r = load_rules("boilerplate")
    return FurnitureRules(
        line=re.compile(alternation(r["line_patterns"] + r["prefix_patterns"], "boilerplate.line_patterns")),
        article_break=re.compile(alternation(r["article_break_patterns"], "boilerplate.article_break_patterns")),
        tail_max_len=int(r["tail_max_len"]),
        head_max_len=int(r["head_max_len"]),
        caption_max_len=int(r["caption_max_len"]),
    )


def is_furniture(text: str) -> bool:
    """Whether a whole line is page furniture."""
    return bool(furniture_rules().line.match(text))


def mark_furniture(lines: list[Line]) -> None:
    """Set role 'furniture' on furniture lines and on the short-line block closing the page."""
    rules = furniture_rules()
    for line in lines:
        # a page flattened into one long line may start with a crumb: keep its text rather than lose it
        if rules.line.match(line.text) and (len(line.text) <= _LONGEST_FURNITURE or _DISCLAIMER.match(line.text)):
            line.role = "furniture"
    tail = []
    for line in reversed(lines):
        if line.role == "furniture":
            continue
        if len(line.text) > rules.tail_max_len or line.text[-1] in _FINAL:
            break
        tail.append(line)
    if tail and any(l.role == "body" for l in lines[: tail[-1].index]):  # never the whole text
        for line in tail:
            line.role = "tail"  # signature or footer: read for metadata, never a provision


def is_article_break(line: Line) -> bool:
    """A line after which a second article begins (扩展阅读: …)."""
    return bool(furniture_rules().article_break.match(line.text))
