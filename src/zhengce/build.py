"""Turn an analysed Document into the SPEC records, with offsets mapped to the source."""
from __future__ import annotations


from .document import Document
from .extract.kind_of import provision_kind
from .process import FileResult
from .records import Article, Provision, Quantity, Responsibility, Section
from .segment.provisions import ProvisionSpan


def build_records(doc: Document) -> FileResult:
    """All records of one document."""
    result = FileResult(doc.source)
    quantities = doc.layers.get("quantities", {})
    responsibilities = doc.layers.get("responsibilities", {})
    for a, span in enumerate(doc.layers["articles"]):
        doc_id = f"{doc.source}#{a + 1}"
        sections = _sections(doc, doc_id, doc.layers["headings"][a])
        paths = _section_paths(sections)
        provs = doc.layers["provisions"][a]
        normative = doc.layers["meta"][a].normative
        for p, prov in enumerate(provs):
            q_matches = quantities.get((a, p), [])
            kind = provision_kind(doc.norm[prov.start:prov.end], [m.kind for m in q_matches], normative)
            provision = _provision(doc, doc_id, p, prov, sections, paths, kind)
            result.quantities.extend(_quantity(doc, provision, prov, n, m) for n, m in enumerate(q_matches))
            result.responsibilities.extend(
                _responsibility(doc, provision, prov, n, m) for n, m in enumerate(responsibilities.get((a, p), []))
            )
            result.provisions.append(provision)
        result.sections.extend(sections)
        result.articles.append(_article(doc, doc_id, a, span, provs))
    return result


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


def _provision(doc: Document, doc_id: str, p: int, prov: ProvisionSpan, sections: list[Section],
               paths: dict[str, tuple[str, ...]], kind: str) -> Provision:
    start, end = doc.to_source(prov.start, prov.end)
    text = doc.norm[prov.start:prov.end]
    page = doc.page_of(prov.start) if doc.extracted.pages else None
    if prov.heading is None:
        return Provision(f"{doc_id}/p{p + 1}", doc_id, doc.source, start, end, text, kind, None, (), page)
    section_id = sections[prov.heading].section_id
    return Provision(f"{doc_id}/p{p + 1}", doc_id, doc.source, start, end, text, kind, section_id,
                     paths[section_id], page)


def _section_paths(sections: list[Section]) -> dict[str, tuple[str, ...]]:
    """Titles from the root down to each section."""
    paths: dict[str, tuple[str, ...]] = {}
    for s in sections:  # parents come before their children
        paths[s.section_id] = (paths[s.parent_id] if s.parent_id else ()) + (s.title,)
    return paths


def _quantity(doc: Document, provision: Provision, prov: ProvisionSpan, n: int, m) -> Quantity:
    start, end = doc.to_source(prov.start + m.start, prov.start + m.end)
    text = doc.norm[prov.start + m.start:prov.start + m.end]
    return Quantity(f"{provision.provision_id}/q{n + 1}", provision.doc_id, provision.provision_id, doc.source,
                    start, end, text, m.value, m.low, m.high, m.unit, m.comparator, m.per, m.subject, m.time,
                    m.kind, provision.page)


def _responsibility(doc: Document, provision: Provision, prov: ProvisionSpan, n: int, m) -> Responsibility:
    start, end = doc.to_source(prov.start + m.start, prov.start + m.end)
    return Responsibility(f"{provision.provision_id}/r{n + 1}", provision.doc_id, provision.provision_id,
                          doc.source, start, end, m.actor, m.role, m.duty, getattr(m, "deadline", None),
                          provision.page)
