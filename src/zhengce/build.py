"""Turn an analysed Document into the SPEC records, with offsets mapped to the source."""
from __future__ import annotations


from .document import Document
from .extract.kind_of import provision_kinds
from .process import FileResult
from .records import Article, Provision, Quantity, Responsibility, Section
from .segment.provisions import ProvisionSpan
from .text.normalize import holds_page_marker


def build_records(doc: Document) -> FileResult:
    """All records of one document."""
    result = FileResult(doc.source)
    for a, span in enumerate(doc.layers["articles"]):
        doc_id = f"{doc.source}#{a + 1}"
        sections = _sections(doc, doc_id, doc.layers["headings"][a])
        provs = doc.layers["provisions"][a]
        _provisions(doc, result, a, doc_id, provs, sections)
        result.sections.extend(sections)
        result.articles.append(_article(doc, doc_id, a, span, provs))
    return result


def _provisions(doc: Document, result: FileResult, a: int, doc_id: str, provs: list[ProvisionSpan],
                sections: list[Section]) -> None:
    """The provisions of article `a` with their quantities and responsibilities, into `result`."""
    # The loop runs once per sentence of the corpus: lookups are bound to locals once per article.
    quantities = _of_article(doc.layers.get("quantities", {}), a)
    responsibilities = _of_article(doc.layers.get("responsibilities", {}), a)
    kind_of = provision_kinds(doc.layers["meta"][a].normative)
    paths = _section_paths(sections)
    heads = [(s.section_id, paths[s.section_id]) for s in sections]  # by heading index: id, path
    norm, source, to_source = doc.norm, doc.source, doc.offsets.span_to_source
    page_of = doc.page_of if doc.extracted.pages else None
    append = result.provisions.append
    prefix = f"{doc_id}/p"
    for p, prov in enumerate(provs, 1):
        start, end = prov.start, prov.end
        q_matches = quantities.get(p)
        r_matches = responsibilities.get(p)
        src_start, src_end = to_source(start, end)
        section_id, path = (None, ()) if prov.heading is None else heads[prov.heading]
        # (most provisions: no page number inside, one piece; the test costs two subtractions)
        cuts = _page_cuts(doc, start, end, q_matches) if src_end - src_start - (end - start) > 2 else ()
        bounds = [start, *cuts, end]
        for k in range(len(bounds) - 1):
            lo, hi = bounds[k], bounds[k + 1]
            in_piece = (lambda m: lo <= start + m.start < hi) if cuts else None
            qs = [m for m in q_matches if in_piece(m)] if cuts and q_matches else q_matches
            rs = [m for m in r_matches if in_piece(m)] if cuts and r_matches else r_matches
            text = norm[lo:hi]
            kind = kind_of(text, [m.kind for m in qs] if qs else ())
            ps, pe = to_source(lo, hi) if cuts else (src_start, src_end)
            pid = f"{prefix}{p}" if k == 0 else f"{prefix}{p}-{k + 1}"
            provision = Provision(pid, doc_id, source, ps, pe, text, kind, section_id, path,
                                  page_of(lo) if page_of else None)
            append(provision)
            if qs:
                _quantities(doc, provision, start, qs, result.quantities)
            if rs:
                _responsibilities(doc, provision, start, rs, result.responsibilities)


def _page_cuts(doc: Document, start: int, end: int, q_matches: list | None) -> list[int]:
    """Where a sentence broken across a page resumes after the page number dropped from it: the provision
    is recorded in pieces, so no record's span takes in the page furniture (a quantity is never cut)."""
    src = doc.source_text
    return [n for n, s, e in doc.offsets.deletions_within(start, end)
            if holds_page_marker(src[s:e])
            and not any(start + m.start < n < start + m.end for m in q_matches or ())]


def _of_article(matches: dict, a: int) -> dict:
    """Matches of article `a` by 1-based provision number: looked up once per provision, by an int
    instead of a new (article, provision) tuple."""
    return {p + 1: found for (art, p), found in matches.items() if art == a}


def _article(doc: Document, doc_id: str, a: int, span, provs: list[ProvisionSpan]) -> Article:
    meta = doc.layers["meta"][a]
    first = doc.lines[span.first]
    last_end = provs[-1].end if provs else doc.lines[span.stop - 1].end
    start, end = doc.to_source(first.start, last_end)
    return Article(doc_id, doc.source, start, end, meta.title, meta.issuer, meta.jurisdiction, meta.date,
                   meta.doc_type, meta.normative, doc.page_of(first.start))


def _sections(doc: Document, doc_id: str, headings) -> list[Section]:
    out: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, section_id) of open ancestors
    for j, h in enumerate(headings):
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        sid = f"{doc_id}/s{j + 1}"
        start, end = doc.to_source(h.start, h.end)
        out.append(Section(sid, doc_id, doc.source, start, end, h.label, h.level, h.title,
                           stack[-1][1] if stack else None, doc.page_of(h.start)))
        stack.append((h.level, sid))
    return out


def _section_paths(sections: list[Section]) -> dict[str, tuple[str, ...]]:
    """Titles from the root down to each section."""
    paths: dict[str, tuple[str, ...]] = {}
    for s in sections:  # parents come before their children
        paths[s.section_id] = (paths[s.parent_id] if s.parent_id else ()) + (s.title,)
    return paths


# The records of one provision's matches (`base` is the provision's normalized start): spans mapped to
# the source, numbered q1, q2… / r1, r2… under the provision. One loop per record type, the fields
# written out: these run once per quantity and responsibility of the corpus.
def _quantities(doc: Document, p: Provision, base: int, matches: list, out: list) -> None:
    to_source, norm, pid, doc_id, source, page = doc.offsets.span_to_source, doc.norm, p.provision_id, p.doc_id, \
        p.source, p.page
    for n, m in enumerate(matches, 1):
        s, e = base + m.start, base + m.end
        start, end = to_source(s, e)
        out.append(Quantity(f"{pid}/q{n}", doc_id, pid, source, start, end, norm[s:e], m.value, m.low, m.high,
                            m.unit, m.comparator, m.per, m.subject, m.time, m.kind, page))


def _responsibilities(doc: Document, p: Provision, base: int, matches: list, out: list) -> None:
    to_source, pid, doc_id, source, page = doc.offsets.span_to_source, p.provision_id, p.doc_id, p.source, p.page
    for n, m in enumerate(matches, 1):
        start, end = to_source(base + m.start, base + m.end)
        out.append(Responsibility(f"{pid}/r{n}", doc_id, pid, source, start, end, m.actor, m.role, m.duty,
                                  getattr(m, "deadline", None), page))
