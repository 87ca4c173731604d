"""`--format html`: one self-contained page, the two texts side by side.

Matched clauses are links to their counterparts (and back), numbers are highlighted, the
comparisons are listed on top. Every piece of document text goes through html.escape; the
page loads nothing (inline CSS, no script).
"""
from __future__ import annotations

import html
import re
from collections import defaultdict

from ..text.normalize import fold
from .align import Side
from .diff import DiffResult

_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
_CSS = """
body{font:15px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{padding:12px 20px;background:#f4f4f4;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 6px} h2{font-size:15px;margin:8px 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:0}
.col{padding:10px 20px;border-right:1px solid #eee;overflow-wrap:anywhere}
.col h2{position:sticky;top:0;background:#fff;padding:4px 0}
p{margin:0 0 8px}
a.m{background:#e6f0ff;color:inherit;text-decoration:none;border-bottom:1px solid #7aa7e0}
a.m:target,a.m:hover{background:#ffe9a8}
span.o{color:#666}
mark{background:#ffd6d6;padding:0 1px}
table{border-collapse:collapse;font-size:14px} td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
.a_stricter{color:#a40000}.b_stricter{color:#00569e}.same{color:#555}
"""


def render_diff(result: DiffResult, a_name: str, b_name: str) -> str:
    """The whole HTML page of a DiffResult."""
    links_a, links_b = defaultdict(list), defaultdict(list)
    for n, pair in enumerate(result.pairs):
        for k in pair.a_units:
            links_a[k].append(("b", pair.b_units[0], n))
        for k in pair.b_units:
            links_b[k].append(("a", pair.a_units[0], n))
    head = _summary(result)
    left = _column(result.a, "a", links_a, a_name)
    right = _column(result.b, "b", links_b, b_name)
    e = html.escape
    return ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<title>zhengce diff: {e(a_name)} / {e(b_name)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>{e(a_name)} ↔ {e(b_name)}</h1>{head}</header>"
            f"<div class=\"cols\">{left}{right}</div></body></html>\n")


def _summary(result: DiffResult) -> str:
    e = html.escape
    counts = (f"<p>{len(result.pairs)} matched pairs · {len(result.only_a)} only in A · "
              f"{len(result.only_b)} only in B</p>")
    rows = []
    for pair in result.pairs:
        for c in pair.comparisons:
            rows.append(f"<tr><td><a href=\"#a{pair.a_units[0]}\">{e(c.a.quantity.text)}</a></td>"
                        f"<td><a href=\"#b{pair.b_units[0]}\">{e(c.b.quantity.text)}</a></td>"
                        f"<td class=\"{e(c.relation)}\">{e(c.relation.replace('_', ' '))}</td>"
                        f"<td>{e(pair.a.text[:40])}</td></tr>")
    if not rows:
        return counts
    return (counts + "<h2>Numbers compared</h2><table><tr><th>A</th><th>B</th><th>relation</th><th>provision</th>"
            "</tr>" + "".join(rows) + "</table>")


def _column(side: Side, tag: str, links: dict[int, list], name: str) -> str:
    """One side: provisions in order, each clause a link when matched."""
    e = html.escape
    other = "b" if tag == "a" else "a"
    parts = [f"<div class=\"col\"><h2>{tag.upper()}: {e(name)}</h2>"]
    current = None
    for k, unit in enumerate(side.units):
        if unit.provision_id != current:
            parts.append("</p><p>" if current is not None else "<p>")
            current = unit.provision_id
        body = _highlight(unit.text, [side.quantities[q].quantity.text for q in side.by_unit.get(k, [])])
        if k in links:
            _, target, n = links[k][0]
            title = e(f"pair {n + 1}; also: " + ", ".join(f"{other}{t}" for _, t, _ in links[k][1:])
                      if len(links[k]) > 1 else f"pair {n + 1}")
            parts.append(f"<a class=\"m\" id=\"{tag}{k}\" href=\"#{other}{target}\" title=\"{title}\">{body}</a>")
        else:
            parts.append(f"<span class=\"o\" id=\"{tag}{k}\">{body}</span>")
    parts.append("</p></div>" if current is not None else "</div>")
    return "".join(parts)


def _highlight(text: str, quantities: list[str]) -> str:
    """Escaped text with quantity expressions (or, failing that, bare numbers) in <mark>."""
    spans = []
    for q in quantities:
        k = text.find(fold(q))
        if k >= 0:
            spans.append((k, k + len(q)))
    if not spans:
        spans = [m.span() for m in _NUMBER.finditer(text)]
    out, pos = [], 0
    for s, t in sorted(spans):
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:t])}</mark>")
        pos = t
    out.append(html.escape(text[pos:]))
    return "".join(out)
