"""Article metadata: title, issuer, jurisdiction, date, doc_type, normative (SPEC, Articles)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..document import Document, Line
from ..rules import load_rules
from ..text.numerals import parse_chinese
from .boilerplate import ORGAN_SUFFIXES, is_date_line
from .places import gazetteer

if TYPE_CHECKING:  # articles.py reads doc_type_of from here to find titles set on several lines
    from .articles import ArticleSpan

_OWN_DATE = re.compile(r"(?:制发|成文|印发|发文|签发)日期\s*:?")
_ADOPTED = re.compile(r"^\(.{0,40}(?:通过|印发|发布|公布|施行|修订|修正)[^)]{0,20}\)$")
# a header line of the issuer and the date alone (崇阳县人民政府办公室　　2024年5月17日; 2024年5月 on a plan's cover)
_HEADER_DATE = re.compile(r"^(?:(?P<name>[^\s,。:;]{2,30})\s+)?(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?$")
# a line under the title that opens with the date: (2024年3月26日), ——2024年12月24日在…会议上
_DATED_LINE = re.compile(r"^(?:\(|——|—)\s*(?:(?:19|20)\d\d|[〇零○Ｏ一二]{2}[〇零○Ｏ一二三四五六七八九]{2})\s*年")
_ISSUER_LEVEL = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county"}
# an issuer named by its level alone (市委, 县政府, 市民政局, 区人大常委会办公室): the place is the document's context
_LEVEL_ONLY = re.compile(r"^(?:中共)?(?:省|市|县|区|州|自治区)(?:委|政府|人民政府|[\u4e00-\u9fff]{1,12}?(?:局|厅|委|办|部|中心|办公室|督查室))")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What an article says about itself."""

    title: str
    issuer: Optional[str]
    jurisdiction: Optional[str]
    date: Optional[str]
    doc_type: Optional[str]
    normative: bool


@lru_cache(maxsize=1)
def _rules():
    r = load_rules("articles")
    types = sorted(r["doc_types"].items(), key=lambda kv: -len(kv[0]))
    return {
        "types": types,
        "type_words": tuple(word for word, _ in types),
        "normative": frozenset(r["normative_types"]),
        "non_normative": frozenset(r["non_normative_types"]),
        "issuer": {k: re.compile(v) for k, v in r["issuer_patterns"].items()},
        "issuer_needs": {k: required_text(re.compile(v)) for k, v in r["issuer_patterns"].items()},
        "dates": [re.compile(p) for p in r["date_patterns"]],
        "publish": tuple(r["publish_cues"]),
        "full_text": re.compile("|".join(r["full_text_cues"])),
        "anonymised": re.compile(r["anonymised"]),
        "title_notes": re.compile(r["title_notes"]),
        "issuer_place": re.compile(r["issuer_place"]),
        "title_place": re.compile(r["title_place"]),
        "issuing_notice": re.compile(r["issuing_notice"]),
        "promulgation": re.compile(r["promulgation"]),
        "promulgated_revision": re.compile(r["promulgated_revision"]),
        "report_with_plan": re.compile(r["report_with_plan"]),
    }


def is_byline(text: str) -> bool:
    """A speaker's byline under a report's title (霍山县人民政府代县长 陈卫东)."""
    return bool(_rules()["issuer"]["byline"].match(text))


def required_text(pattern: re.Pattern) -> str:
    """The longest run of literal characters every match of `pattern` holds ('' when none is known).

    Read off the pattern's own parse (the stdlib's, top level only): a plain `in` test on it then skips
    the texts the pattern cannot match in, before a search that backtracks at every position.
    """
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        from re import _parser
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut, the search still decides
        return ""
    best = run = ""
    for op, arg in items:
        run = run + chr(arg) if op is _parser.LITERAL else ""
        best = max(best, run, key=len)
    return best


_CN_DATE = re.compile(r"[〇零○ＯO?一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?")
_ZERO_VARIANTS = str.maketrans("○ＯO?", "〇〇〇〇")  # zero as typed in signatures (or garbled: 二?二四年)


def _arabic_date(m: re.Match) -> str:
    """二〇二一年三月十五日 -> 2021年3月15日 (official documents sign dates in Chinese numerals)."""
    def number(s: str) -> str:
        value = parse_chinese(s.translate(_ZERO_VARIANTS))
        return str(int(value)) if value is not None else s
    parts = re.split(r"\s*[年月日]\s*", m.group())
    y, mo = number(parts[0]), number(parts[1])
    d = number(parts[2]) if len(parts) > 2 and parts[2] else ""
    return f"{y}年{mo}月" + (f"{d}日" if d else "")


def find_date(text: str) -> Optional[str]:
    """ISO date (YYYY-MM-DD or YYYY-MM) of the first full date expression in text."""
    text = _CN_DATE.sub(_arabic_date, text)
    for pat in _rules()["dates"]:
        m = pat.search(text)
        if m:
            y, mo = int(m.group("y")), int(m.group("m"))
            d = m.groupdict().get("d")
            if not 1 <= mo <= 12 or (d and not 1 <= int(d) <= 31):
                continue
            return f"{y:04d}-{mo:02d}-{int(d):02d}" if d else f"{y:04d}-{mo:02d}"
    return None


_TITLE_TAIL = re.compile(r"(?:[》\s\"“”]|\([^()]{1,14}\))+$")


def doc_type_of(*texts: str) -> Optional[str]:
    """What the document calls itself, read off the end of its title (or a subtitle)."""
    r = _rules()
    types, words = r["types"], r["type_words"]
    for text in texts:
        # (a note after the name is not the name: 培养计划(2024—2026年), 管理办法(试行), 意见(征求意见稿))
        stripped = _TITLE_TAIL.sub("", text)
        head = stripped.lstrip("—-– ")[:4]  # ——解读《…》
        # (one startswith/endswith over all the words first: most texts hold none, and the loops
        # that name the first in order then run only for those that do)
        if head.startswith(words):
            for word, kind in types:
                if head.startswith(word):  # 解读《…》, 答记者问 subtitles name a describing type
                    return kind
        if r["report_with_plan"].search(stripped):
            return "工作总结"
        if stripped.endswith(words):
            for word, kind in types:
                if stripped.endswith(word):
                    return kind
    return None


def without_title_notes(title: str) -> str:
    """The title without an editorial note a page appends to it (某某条例(节选) -> 某某条例)."""
    return _rules()["title_notes"].sub("", title)


def _split_printed_title(title: str) -> tuple[str, Optional[str]]:
    """'X印发《Y》' -> (Y, X): a news headline announcing a document names the document; so does a notice
    issuing it ('…关于印发《Y》的通知' -> (Y, None))."""
    m = _rules()["issuer"]["printed"].match(title)
    if m and title.endswith("》"):
        return title[m.end():-1], m.group("issuer")
    if m := _rules()["issuing_notice"].match(title):
        return m.group("name"), None  # 关于印发《X实施方案》的通知: the notice issues X
    return title, None


def _meta_lines(doc: Document, span: ArticleSpan, page_header: list[Line]) -> list[Line]:
    """The page header and the article's own header lines (before its first paragraph)."""
    own = []
    for line in doc.lines[span.first:span.stop]:
        if line.role == "body" and line.text[-1] in "。!?;":
            break
        if line.role in ("furniture", "title"):
            own.append(line)
    return page_header + own


def _pick_date(meta: list[Line], tail: list[Line], opening: list[str], page_header: list[Line]) -> Optional[str]:
    for line in tail:  # a signature date is the document's own date
        if not any(c in line.text for c in ":") and (d := find_date(line.text)):
            return d
    for text in opening:  # "(2021年3月5日XX市人大常委会第X次会议通过)", "(2024年3月26日)" under the title
        if (_ADOPTED.match(text) or _DATED_LINE.match(text) or _HEADER_DATE.match(text)) and (d := find_date(text)):
            return d
    for line in meta:  # the document's own date, when a meta line states it
        if (m := _OWN_DATE.search(line.text)) and (d := find_date(line.text[m.end():])):
            return d
    # the article's own lines (来源:… 2019-09-04 in a digest) before the page's (发布时间 of the whole page);
    # _meta_lines puts the page header first
    for line in meta[len(page_header):] + page_header:
        if d := find_date(line.text):
            return d
    return None


def _issuer(first_para: str, body: str, title_issuer: Optional[str], tail: list[Line], meta: list[Line],
            closing: list[Line] = (), subtitles: list[str] = (), lines: list[Line] = ()) -> Optional[str]:
    """Who issues the article: its signatories, a printed organ, the government a report's byline speaks for,
    an adopting organ, the organ its first paragraph opens with, the credit closing it (`closing`: its last
    lines), or the page's source line."""
    pats, needs = _rules()["issuer"], _rules()["issuer_needs"]
    if signed := _signatories(tail, pats["signature"]):
        return "、".join(signed)
    if title_issuer:
        return title_issuer
    for line in subtitles:
        if m := pats["byline"].match(line):
            return m.group("issuer")
    for line, after in zip(subtitles, [*subtitles[1:], ""]):
        # a header line of the issuer and the date (崇阳县人民政府办公室　　2024年5月17日), or the issuer's own line
        # above a date alone (a plan's cover: 宣汉县南坝镇人民政府 / 2024年5月)
        if (m := _HEADER_DATE.match(line)) and m["name"] and _SITE_ORGAN.fullmatch(m["name"]):
            return m["name"]
        if _SITE_ORGAN.fullmatch(line.strip()) and _HEADER_DATE.match(after):
            return line.strip()
    head = body[:3000]
    if needs["legislature"] in head and (m := pats["legislature"].search(head)):
        return f"{m.group('place')}人民代表大会{m.group('standing') or ''}"
    if needs["plenum"] in head and (m := pats["plenum"].search(head)):
        return f"{m.group('party')}{m.group('place')}委"
    if needs["decree"] in head and (m := pats["decree"].search(head)):
        return m.group("issuer")
    if m := pats["opening_organ"].match(first_para):
        return m.group("issuer")
    for line in closing:
        if m := pats["contributed"].match(line.text):
            return m.group("issuer")  # (浏阳市委组织部供稿): a digest names each article's source so
    for line in meta:
        if m := pats["issuing_organ"].search(line.text):
            return m.group("issuer")
    for line, after in zip(lines, lines[1:]):
        # an issuing notice signed above the text it issues (关于印发《X》的通知 … 落款 / date, then X): its signers
        if is_date_line(after.text) and (signed := _signatories([line], pats["signature"])):
            return "、".join(signed)
    for line in meta:
        if m := pats["source_line"].search(line.text):
            source = _ORGAN_OF_UNIT.sub(r"\1", m.group("issuer"))
            site = next((t for l in meta if _SITE_ORGAN.fullmatch(t := l.text.strip())), None)
            return site if site and _BARE_UNIT.match(source) else source  # 来源:社区治理处 on 辽宁省民政厅's site
    return None


# 来源:基层政权建设和社区治理处 — a section named without its organ: the organ whose site it is issues the page
_BARE_UNIT = re.compile(rf"^(?![省市县区州])(?!.*(?:{ORGAN_SUFFIXES}|办)).{{2,20}}(?:处|科|股)$")
_SITE_ORGAN = re.compile(rf"\S{{2,20}}(?:{ORGAN_SUFFIXES})")
# 来源:市委组织部组织二科 — a section (科, 处, 股) of an organ: the organ issues the page
_ORGAN_OF_UNIT = re.compile(rf"^(.{{2,20}}?(?:{ORGAN_SUFFIXES}|办))[^部局厅委]{{1,8}}?(?:科|处|股)$")


def _signatories(tail: list[Line], signature: re.Pattern) -> list[str]:
    """The organs signing the article: the first run of tail lines made of organ names only
    (joint issuers stand side by side, or on consecutive lines, above the date)."""
    organs: list[str] = []
    for line in tail:
        names = [signature.match(piece) for piece in line.text.split()]
        if names and all(names):
            organs.extend(m.group("issuer") for m in names)
        elif organs:
            break
    return organs


def _jurisdiction(issuer: Optional[str], title: str, first_para: str, body: str, site: list[str] = ()) -> Optional[str]:
    anon = _rules()["anonymised"]
    gaz = gazetteer()
    for text in (issuer or "", title):
        if anon.search(text):
            return None
        hits = gaz.find(text)
        if hits:
            return gaz.chain_at(text, hits[0][0]) or hits[0][2].name
    if anon.search(first_para[:80]):
        return None
    if m := _rules()["title_place"].match(title):
        return m.group("place")
    if issuer and _LEVEL_ONLY.match(issuer):
        level = _ISSUER_LEVEL.get(issuer.removeprefix("中共")[0], "city")
        counts = Counter(p.name for _, _, p in gaz.find(body, level))
        if counts:
            return counts.most_common(1)[0][0]
        # the body names none (结合我市实际): the site the page stands on (嘉兴市委社会工作部 / 首页 > …) does
        for line in site:
            if hits := gaz.find(line, level):
                return gaz.chain_at(line, hits[0][0]) or hits[0][2].name
        for line in site:  # (a site named by an organ of a place the gazetteer does not list: 澧川市民政局)
            if _SITE_ORGAN.fullmatch(line := line.strip()) and (m := _rules()["issuer_place"].match(line)) \
                    and m.group("place").endswith(issuer.removeprefix("中共")[0]):
                return m.group("place")
    hits = gaz.find(first_para[:60])
    if hits:
        return gaz.chain_at(first_para, hits[0][0]) or hits[0][2].name
    m = _rules()["issuer_place"].match(issuer or "")  # a town the gazetteer does not list
    return m.group("place") if m else None


def _placed(issuer: Optional[str], jurisdiction: Optional[str]) -> Optional[str]:
    """An issuer named by its level alone (来源:市政府新闻办, 区委社会工作部) under the place the article is of, at that
    level (扬州市政府新闻办): the organ's own name. Written as it stands otherwise, and where several organs are
    listed (省委、省政府, as the seeds' gold keeps it)."""
    if not issuer or not jurisdiction or not _LEVEL_ONLY.match(issuer) or "、" in issuer \
            or gazetteer().chain_at(issuer, 0):
        return issuer
    party = "中共" if issuer.startswith("中共") else ""
    name = issuer[len(party):]
    level = jurisdiction.rfind(name[0])
    return party + jurisdiction[:level] + name if level > 0 else issuer


def _first_sentence(text: str, longest: int = 60) -> str:
    """A title for an article without a title line: its opening sentence, clipped."""
    return re.split(r"[。!?;]", text, maxsplit=1)[0][:longest]


def article_meta(doc: Document, span: ArticleSpan, page_header: list[Line]) -> ArticleMeta:
    """Metadata of one article from its title block, meta lines, first paragraph and signature."""
    lines = doc.lines[span.first:span.stop]
    texts = [doc.lines[i].text for i in span.title_lines]
    titles = ["".join(texts[:span.title_parts])] + texts[span.title_parts:] if texts else \
        [_first_sentence(doc.lines[span.first].text)]
    title, printed_issuer = _split_printed_title(without_title_notes(titles[0]))
    paras = [l.text for l in lines if l.role == "body"]
    first_para = next((p for p in paras if p[-1] in "。!?;"), "")
    if promulgated := _rules()["promulgation"].match(first_para):
        revised = _rules()["promulgated_revision"].search(first_para, promulgated.end())
        name = (revised or promulgated).group("name")  # (…的决定》…通过,…修正后的《X条例》全文同时公布: X)
        title, titles = name, [name] + titles[1:]
    tail = [l for l in lines if l.role == "tail"]
    meta = _meta_lines(doc, span, page_header)
    body = "\n".join(paras)
    # subtitles too: a regulation's adopted-by line "(…第X次会议通过)" sits under its title
    closing = [l for l in lines if l.text.strip() and l.role != "furniture"][-3:]
    # the lines right under the title (a header line: 崇阳县人民政府办公室　　2024年5月17日)
    below = span.title_lines[-1] + 1 if span.title_lines else span.first + 1
    header = [l.text for l in doc.lines[below:min(span.stop, below + 3)] if l.role in ("caption", "body") and "。" not in l.text]
    issuer = _issuer(first_para, "\n".join(titles[1:] + [body]), printed_issuer, tail, meta, closing, titles[1:] + header,
                     [l for l in lines if l.role == "body" and l.text.strip()])
    doc_type = doc_type_of(*titles[1:], title) if len(titles) > 1 else doc_type_of(title)
    if doc_type is None and span.headline_place:
        doc_type = "经验交流"
    r = _rules()
    full_text = bool(r["full_text"].search(body[:400]))
    normative = (doc_type in r["normative"] or full_text) and doc_type not in r["non_normative"]
    jurisdiction = span.headline_place or _jurisdiction(issuer, title, first_para, body, [l.text for l in page_header])
    return ArticleMeta(
        title=title,
        issuer=_placed(issuer, jurisdiction),
        jurisdiction=jurisdiction,
        date=_pick_date(meta, tail, titles[1:] + paras[:3], page_header),
        doc_type=doc_type,
        normative=bool(normative),
    )
