"""Page furniture: crumbs, meta lines, share/print links, disclaimers, app footers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Line
from ..rules import alternation, load_rules
from ..text.normalize import is_table_row

_FINAL = "。!?;"
_DIGIT = re.compile(r"\d")
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
    credit: re.Pattern
    link_list: re.Pattern


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    """Compile data/zh/boilerplate.yaml once."""
    r = load_rules("boilerplate")
    return FurnitureRules(
        line=re.compile(r"(?:[【\[(]\s*)?" + alternation(r["line_patterns"] + r["prefix_patterns"],
                                                       "boilerplate.line_patterns")),
        article_break=re.compile(alternation(r["article_break_patterns"], "boilerplate.article_break_patterns")),
        tail_max_len=int(r["tail_max_len"]),
        head_max_len=int(r["head_max_len"]),
        caption_max_len=int(r["caption_max_len"]),
        credit=re.compile(r["credit_line"]),
        link_list=re.compile(r["link_list_header"]),
    )


def _figures_row(text: str) -> bool:
    """A table row holding figures (one of organs set side by side in a signature holds none)."""
    return is_table_row(text) and bool(_DIGIT.search(text))


def is_furniture(text: str) -> bool:
    """Whether a whole line is page furniture."""
    return bool(furniture_rules().line.match(text))


def mark_furniture(lines: list[Line]) -> None:
    """Set role 'furniture' on furniture lines and on the short-line block closing the page."""
    rules = furniture_rules()
    for line in lines:
        # a page flattened into one long line may start with a crumb: keep its text rather than lose it
        # (length first: body paragraphs are long, and the furniture alternation is slow on them)
        if (len(line.text) <= _LONGEST_FURNITURE or _DISCLAIMER.match(line.text)) and rules.line.match(line.text):
            line.role = "furniture"
    _mark_link_lists(lines, rules)
    _mark_running_headers(lines)
    _mark_signatures(lines)
    for line in lines:
        if line.role == "body" and line.text.endswith(")") and rules.credit.fullmatch(line.text):
            line.role = "tail"  # (…供稿): read for the issuer, never a provision
    tail = []
    for line in reversed(lines):
        if line.role == "furniture":
            continue
        if len(line.text) > rules.tail_max_len or line.text[-1] in _FINAL or _figures_row(line.text):
            break  # (a table of figures closing the page is content, not a signature block)
        tail.append(line)
    if tail and any(l.role == "body" for l in lines[: tail[-1].index]):  # never the whole text
        for line in tail:
            line.role = "tail"  # signature or footer: read for metadata, never a provision


def _mark_link_lists(lines: list[Line], rules: FurnitureRules) -> None:
    """The short lines under a link list's header (相关链接:) name other sites: furniture, up to the first
    line that could be text."""
    for i, line in enumerate(lines):
        if line.role == "furniture" and rules.link_list.match(line.text):
            for nxt in lines[i + 1:]:
                if nxt.role != "body" or len(nxt.text) > rules.tail_max_len or nxt.text[-1] in _FINAL:
                    break
                nxt.role = "furniture"


_LAYOUT_GAP = re.compile(r"\S\s{2,}\S")
_RUNNING_MAX = 60
_LABEL_START = re.compile(r"[(（]?[一二三四五六七八九十\d]+[、.)）]|第[一二三四五六七八九十百\d]+[章节条]")


def _mark_running_headers(lines: list[Line]) -> None:
    """A running header or footer that PDF text repeats on every page (宣城市人民政府公报     2024年第4期):
    the same short line met again, holding a figure, with no sentence end and no list label; set out with a
    layout gap, or met three times or more. (A repeated signature or heading holds no such figure.)"""
    seen: dict[str, list[Line]] = {}
    for line in lines:
        if line.role == "body" and len(line.text) <= _RUNNING_MAX and _DIGIT.search(line.text):
            seen.setdefault(line.text, []).append(line)
    for text, same in seen.items():
        if len(same) < 2 or text[-1] in _FINAL or is_date_line(text) or _LABEL_START.match(text):
            continue
        if len(same) >= 3 or _LAYOUT_GAP.search(text):
            for line in same:
                line.role = "furniture"


_DATE_LINE = re.compile(r"^(?:(?:19|20)\d\d|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
                        r"(?:\s*\((?:此件|本件)[^)]{0,12}\))?$")  # (2024年3月18日(此件公开发布): the note is the imprint's)
# How the name of an issuing organ ends (articles.py reads it too, for titles set under an organ line).
ORGAN_SUFFIXES = "委员会|党委|党组|人民政府|政府|办公室|办公厅|部|局|厅|委|院"
_ORGAN = rf"\S{{2,30}}(?:{ORGAN_SUFFIXES}|会|处|中心|领导小组|指挥部)"
# one organ, or joint issuers set side by side: 中共六安市委组织部    六安市民政局
_ORGAN_LINE = re.compile(rf"^{_ORGAN}(?:\s+{_ORGAN})*$")


def _mark_signatures(lines: list[Line]) -> None:
    """An issuing organ's name over a date line (落款) signs a document, wherever it stands
    (a notice is often followed by the text it issues): never a provision, read for metadata."""
    for i, line in enumerate(lines):
        if line.role == "body" and is_date_line(line.text):
            line.role = "tail"
            j = i - 1
            while j >= 0 and lines[j].role == "body" and _ORGAN_LINE.match(lines[j].text) and i - j <= 3:
                lines[j].role = "tail"
                j -= 1


def is_date_line(text: str) -> bool:
    """A line that is only a date written out (2024年6月5日): a signature's last line."""
    return bool(_DATE_LINE.match(text))


def is_article_break(line: Line) -> bool:
    """A line after which a second article begins (扩展阅读: …)."""
    return bool(furniture_rules().article_break.match(line.text))
