"""Split a file into articles and find each one's title block."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, Line
from .boilerplate import ORGAN_SUFFIXES, is_article_break, is_date_line
from .metadata import doc_type_of, is_byline, without_title_notes
from .places import gazetteer

_FINAL = "。!?;"
_SUBTITLE = re.compile(r"^(?:——|--|—|解读|\(|《|关于)|》$")
_HEADLINE_MAX = 60
_NOT_TITLE_CONTINUATION = re.compile(r"^(?:——|--|—|\(|《|解读)")
_DASHED_SUBTITLE = re.compile(r"^(?:——|--|—|解读《)")
_ORGAN_END = re.compile(rf"(?:{ORGAN_SUFFIXES}|中心|督查室|领导小组|指挥部)$")  # (…管理中心 / 关于印发…的通知: one title)
_ISSUES = re.compile(r"印发|转发|颁布|发布")  # a notice issuing the text below it
# a red-head document's number under its masthead (常卫通〔2024〕14号): its title comes next
_RULE = re.compile(r"[—\-_=─━*·.]{3,}")  # a line drawn across the page between two items
_DOC_NUMBER = re.compile(r"^\S{0,16}[〔\[(]\d{4}[〕\])]\s*\d+\s*号$")
_MASTHEAD_LINE_MAX = 40
_LONG_TITLE_MAX = 120
_META = re.compile(r"(?:发布|发文|成文|更新)?(?:日期|时间)\s*:|(?:信息|文章)?来源\s*:|\d{4}-\d{1,2}-\d{1,2}")


@dataclass(slots=True)
class ArticleSpan:
    """Lines [first, stop) of one article; `title_lines` index its title block."""

    first: int
    stop: int
    title_lines: list[int] = field(default_factory=list)
    headline_place: str | None = None
    title_parts: int = 1  # leading title_lines that together form the title (a title set on 2-3 lines)


def _is_headline_shape(line: Line) -> bool:
    return line.role == "body" and 4 <= len(line.text) <= _HEADLINE_MAX and line.text[-1] not in _FINAL


def _next_body(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):  # (by index: a slice would copy the rest of the page per call)
        if lines[j].role == "body":
            return lines[j]
    return None


def place_headline(lines: list[Line], i: int) -> str | None:
    """The place a digest headline leads with, when the paragraph below names it too."""
    line = lines[i]
    if not _is_headline_shape(line) or is_byline(line.text):
        return None  # (a speaker's byline names the place too: 霍山县人民政府代县长 陈卫东)
    chain = gazetteer().chain_at(line.text, 0)
    if not chain:
        return None
    nxt = _next_body(lines, i)
    if nxt is None or len(nxt.text) < 40:
        return None
    last = gazetteer().find(chain)[-1][2].name
    return chain if last in nxt.text[:60] else None


def _wrapped_title(lines: list[Line], first: int, stop: int) -> int:
    """How many lines the title is set on. An official title is often broken over two or three
    lines (遂川县人民政府办公室 / 关于推进…建设 / 提升…水平的通知): the lines form one title when
    the first alone does not say what the document is and the lines together end doing so."""
    if doc_type_of(lines[first].text):
        return 1
    text = lines[first].text
    for j in range(first + 1, min(stop, first + 4)):
        line = lines[j]
        if not _is_headline_shape(line) or (_NOT_TITLE_CONTINUATION.match(line.text)
                                            and not _ISSUES.search(text[-2:])):
            break  # (…关于印发 / 《X办法》的通知 is one title)
        if line.text.startswith("关于") and not _ORGAN_END.search(text):
            break  # a 关于… line under a headline is its subtitle, not its second half
        text += line.text
        if doc_type_of(text):
            return j - first + 1
    return 1


def _is_long_title(line: Line) -> bool:
    """A title too long for a headline: one line naming its issuers and what they issue
    (中共X街道工作委员会 X街道办事处关于印发《…细则(试行)》的通知), with no sentence in it."""
    text = line.text
    return line.role == "body" and len(text) <= _LONG_TITLE_MAX and "关于" in text \
        and not any(c in text for c in _FINAL + ",") and doc_type_of(text) is not None


def _title_block(lines: list[Line], first: int, stop: int) -> tuple[list[int], int]:
    """The title lines, their duplicates and subtitles (none when the text opens with a
    paragraph), and how many leading lines form the title itself."""
    if not (_is_headline_shape(lines[first]) or _is_long_title(lines[first])):
        return [], 1
    parts = _wrapped_title(lines, first, stop)
    block = list(range(first, first + parts))
    title = "".join(lines[j].text for j in block)
    for j in range(first + parts, min(stop, first + parts + 3)):
        line = lines[j]
        if line.role != "body":
            continue
        if line.text == title or (_is_headline_shape(line) and (_SUBTITLE.search(line.text) or is_byline(line.text))):
            block.append(j)
            continue
        break
    return block, parts


def find_articles(doc: Document) -> list[ArticleSpan]:
    """Article spans: a new article at a digest headline or after a 扩展阅读 break."""
    lines = doc.lines
    body = [i for i, l in enumerate(lines) if l.role == "body"]
    if not body:
        return []
    starts: list[tuple[int, str | None]] = []
    first = _anchor_title(lines, body)
    body = [i for i in body if i >= first]
    for i in body:
        place = place_headline(lines, i)
        if not starts:
            starts.append((i, place))
        elif place and place != starts[-1][1] and not _no_paragraph_yet(lines, starts[-1][0], i) \
                and not _named_before(lines, starts[-1][0], i, place):
            starts.append((i, place))
        elif place and starts[-1][1] is None and _no_paragraph_yet(lines, starts[-1][0], i):
            starts[-1] = (i, place)  # the first line was the page's collection title
        elif not place and _dated_below(lines, i) and _opens_article(lines, i) \
                and not _no_paragraph_yet(lines, starts[-1][0], i):
            starts.append((i, None))  # a headline over a dateline of its own (来源:… 发布时间:…), a paragraph on
    for i, line in enumerate(lines):
        if line.role == "furniture" and is_article_break(line):
            # (the next headline may have been taken for a photo caption of the article before)
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].role in ("body", "caption")), None)
            if nxt is not None and all(s != nxt for s, _ in starts) and _opens_article(lines, nxt):
                lines[nxt].role = "body"
                starts.append((nxt, place_headline(lines, nxt)))
    for i in body:  # a second rule filed under the first (村规民约 … 第十三条 / 红白理事会章程 / 第一条): its own article
        if i > starts[-1][0] and all(s != i for s, _ in starts) and _restarts_articles(lines, starts, i):
            starts.append((i, None))
    for i, line in enumerate(lines):  # (a title under a signature may have been taken for a caption)
        if line.role in ("body", "caption") and i > starts[0][0] and all(s != i for s, _ in starts) \
                and _titled_after_sign_off(lines, starts, i):
            line.role = "body"
            starts.append((i, None))
    starts.sort()
    spans = []
    for k, (first, place) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        block, parts = _title_block(lines, first, stop)
        spans.append(ArticleSpan(first, stop, block, place, parts))
    for span in spans:
        for j in span.title_lines:
            lines[j].role = "title"
    return spans


def _titled_after_sign_off(lines: list[Line], starts: list[tuple[int, str | None]], i: int) -> bool:
    """Line `i` opens a second document filed on the same page: it follows the signed date of the
    article begun before it (公告 … 居委会 / 2024年6月5日; page furniture may stand between), names its own
    document type (…会议纪要) and a paragraph follows. The text an issuing notice carries (关于印发《X》的通知 … 落款,
    then X; a 公告 citing 《X》) stays with it."""
    before = i - 1
    while before > 0 and (lines[before].role == "furniture" or _RULE.fullmatch(lines[before].text.strip())):
        before -= 1  # (the page's 分享到 / 扫一扫 furniture under the first article, a ———— rule)
    if lines[before].role != "tail" or not is_date_line(lines[before].text) \
            or not (doc_type_of(lines[i].text) or _dated_below(lines, i)) or not _opens_article(lines, i):
        return False
    begun = max(s for s, _ in starts if s < i)
    title = without_title_notes(lines[i].text)  # (the text a 公告 cites may be printed 节选)
    opening, cited = lines[begun].text, f"《{title}》"
    # (a 公告 promulgating a regulation names it: 《X条例》已由…通过,现予公布, then X条例's text)
    return not (_ISSUES.search(opening) or title in opening
                or any(cited in line.text for line in lines[begun + 1:i]))


_FIRST_ARTICLE = re.compile(r"^第[一1]条")
_ARTICLE_LABEL = re.compile(r"^第[一二三四五六七八九十百零\d]+条")
_ATTACHMENT = re.compile(r"^附\s*件")


def _restarts_articles(lines: list[Line], starts: list[tuple[int, str | None]], i: int) -> bool:
    """Line `i` titles a second rule filed after the first one's articles: a headline naming a document type
    (…章程, …办法), the next line its 第一条, while the article begun before it already numbered its own 条 (an
    attachment's rule, under 附件, stays with the text it is attached to)."""
    line = lines[i]
    if not _is_headline_shape(line) or not doc_type_of(line.text) or _ARTICLE_LABEL.match(line.text):
        return False
    nxt = _next_body(lines, i)
    if nxt is None or not _FIRST_ARTICLE.match(nxt.text):
        return False
    begun = max(s for s, _ in starts if s < i)
    before = [l for l in lines[begun:i] if l.text.strip()]
    return any(_ARTICLE_LABEL.match(l.text) for l in before if l.role == "body") \
        and not any(_ATTACHMENT.match(l.text.strip()) for l in before[-3:])


def _dated_below(lines: list[Line], i: int) -> bool:
    """Whether the line under line `i` is a page's dateline (发布时间:2024-11-15 来源:…): `i` is a headline of its own
    (白岩镇开展2024年森林防火应急演练 under the 制度 signed before it), whatever its wording."""
    nxt = next((line for line in lines[i + 1:i + 3] if line.text.strip()), None)
    return nxt is not None and len(_META.findall(nxt.text)) >= 2


def _opens_article(lines: list[Line], i: int) -> bool:
    """A headline-shaped line (body, or taken for a caption) with a paragraph below it."""
    nxt, line = _next_body(lines, i), lines[i]
    return 4 <= len(line.text) <= _HEADLINE_MAX and line.text[-1] not in _FINAL and nxt is not None \
        and (nxt.text[-1] in _FINAL + ":" or len(nxt.text) > 60)  # (a paragraph, or a notice's addressees)


def _anchor_title(lines: list[Line], body: list[int]) -> int:
    """The first article's title line: where a date/source meta line sits within the first lines of the page,
    the headline just above it (site names and menus above that are page furniture)."""
    for line in lines[:12]:
        if line.role == "furniture" and _META.match(line.text):
            above = [j for j in body if j < line.index]
            if above and _is_headline_shape(lines[above[-1]]):
                k = len(above) - 1
                while k and (_DASHED_SUBTITLE.match(text := lines[above[k]].text) or is_byline(text)) \
                        and _is_headline_shape(lines[above[k - 1]]):
                    k -= 1  # 强基固本 让…“主心骨” / ——解读《…》 / a byline: the headline is above them
                for j in above[:k]:
                    lines[j].role = "furniture"
                return above[k]
            break
    return _under_masthead(lines, body) or body[0]


def _under_masthead(lines: list[Line], body: list[int]) -> int | None:
    """The title line of a red-head document: the first line under its document number (常卫通〔2024〕14号)
    when only the masthead stands above that number (organ names, 文件; joint issuers one per line)."""
    for line in lines[:15]:
        if line.role == "furniture" and _DOC_NUMBER.match(line.text):
            above = [j for j in body if j < line.index]
            below = next((j for j in body if j > line.index), None)
            if not above or below is None or any(len(text := lines[j].text) > _MASTHEAD_LINE_MAX
                                                 or text[-1] in _FINAL or "关于" in text or doc_type_of(text)
                                                 for j in above):
                return None  # (a web page prints the number under the title: that title stays)
            if lines[below].text[-1] == ":" or not (_is_headline_shape(lines[below]) or _is_long_title(lines[below])):
                return None  # (the addressees under the number: no title there)
            for j in above:
                lines[j].role = "furniture"
            return below
    return None


def _named_before(lines: list[Line], first: int, i: int, place: str) -> bool:
    """Whether the article begun at `first` already names the place (then a headline leading with it
    is a sub-heading of that article, not a second article)."""
    name = gazetteer().find(place)[-1][2].name
    return any(name in l.text for l in lines[first:i])


def _no_paragraph_yet(lines: list[Line], first: int, i: int) -> bool:
    """True when the article begun at `first` has no paragraph before line `i` (still its header)."""
    return not any(l.role == "body" and l.text[-1] in _FINAL for l in lines[first + 1:i])
