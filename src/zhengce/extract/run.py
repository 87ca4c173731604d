"""Run the clause extractors over a document's provisions (normalized coordinates)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Callable

from ..document import Document

Key = tuple[int, int]  # (article index, provision index)
Find = Callable[[str, str], list[Any]]


@dataclass(frozen=True)
class HeadingSubject:
    """How a heading that names its actors (1.街道党建办 / 负责…;会同…) becomes the subject of the provisions
    under it that name none: `names_actor(title)`, `subjectless(text)`, `read(text, subject)`; `listed(text,
    subject)` reads an item listed under an actor's lead-in or name where `read` finds no marker."""

    names_actor: Callable[[str], bool]
    subjectless: Callable[[str], bool]
    read: Find
    listed: Find = lambda text, subject: []  # an item the list makes the subject's duty though `read` finds none


def _each_provision(doc: Document, find: Find, labelled: Callable[[str], bool] = lambda text: False,
                    heading_subject: HeadingSubject | None = None,
                    listed: Callable[[Document, int], dict[int, tuple[str, bool, str]]] | None = None) -> dict[Key, list[Any]]:
    """Call `find(text, context)` on every provision; context = its paragraph up to it, or the paragraph
    before it for a `labelled` paragraph. With `heading_subject`, a subjectless provision in a subjectless
    paragraph under a heading that names an actor is read with that actor as its subject, and so is an
    item `listed(doc, article)` finds under a lead-in naming its actor (X履行下列职责:): {provision: (actor,
    whether the list is of that actor's duties, the role of an item the list alone makes the actor's)}."""
    out: dict[Key, list[Any]] = {}
    for a, provisions in enumerate(doc.layers["provisions"]):
        headings = doc.layers["headings"][a] if "headings" in doc.layers else []
        items = listed(doc, a) if listed and heading_subject else {}
        for p, prov in enumerate(provisions):
            if p in items:
                text, (actor, duties, listed_role) = doc.norm[prov.start:prov.end], items[p]
                if duties:  # (a list of the actor's duties: each item is one, marked or not)
                    found = heading_subject.read(text, actor) or heading_subject.listed(text, actor)
                    # (X负责: / (一)制定…: the lead-in's 负责 is the item's marker where it has none stronger)
                    if listed_role != "execute":
                        found = [replace(r, role=listed_role) if r.role == "execute" else r for r in found]
                else:  # (provisions under a heading naming it: only those that leave their subject out)
                    found = heading_subject.read(text, actor) if heading_subject.subjectless(text) else []
                if found:
                    out[(a, p)] = found
                continue
            text = doc.norm[prov.start:prov.end]
            context = doc.norm[prov.paragraph_start:prov.start]
            if not context and p and labelled(text):  # a line of its own: 牵头单位:X;配合单位:Y under its task
                head = headings[prov.heading] if prov.heading is not None else None
                if head is not None and provisions[p - 1].end <= head.start:
                    context = head.title  # (1.村级重大事项决策 / 实施主体:村党组织: the first line under its item)
                else:
                    context = doc.norm[provisions[p - 1].paragraph_start:provisions[p - 1].end]
            hs, head = heading_subject, headings[prov.heading] if prov.heading is not None else None
            if hs and head and hs.names_actor(head.title) and hs.subjectless(text) \
                    and hs.subjectless(doc.norm[max(prov.paragraph_start, head.body_start):prov.end]):
                found = hs.read(text, head.title)  # (the paragraph starts after a run-in heading: 1.街道党建办。负责…)
            else:
                found = find(text, context)
            if found:
                out[(a, p)] = found
    return out


def quantities_of(doc: Document) -> dict[Key, list[Any]]:
    """QuantityMatch lists per provision: the clause grammar's, and the bare numbers of table cells whose
    header names the unit."""
    from .quantities import find_quantities
    from .table_cells import table_quantities

    found = _each_provision(doc, find_quantities)
    _row_deadlines(doc, found)
    _targets_after_date(doc, found)
    for key, cells in table_quantities(doc).items():
        have = found.get(key, [])
        new = [c for c in cells if not any(h.number_start < c.number_end and c.number_start < h.number_end for h in have)]
        if new:
            found[key] = sorted(have + new, key=lambda q: q.start)
    return found


def _row_deadlines(doc: Document, found: dict[Key, list[Any]]) -> None:
    """A task-table row's numbers are due by its deadline cell (完成时限: 2025年11月底前) where they name no time."""
    from .resp_tables import row_deadline

    for (a, p), matches in found.items():
        prov = doc.layers["provisions"][a][p]
        text = doc.norm[prov.start:prov.end]
        if (cell := row_deadline(text)) is None:
            continue
        due = text[cell[0]:cell[1]]
        found[(a, p)] = [replace(q, time=due) if q.time is None and not cell[0] <= q.number_start < cell[1] else q
                         for q in matches]


_YEAR = re.compile(r"(?:19|20)\d\d(?=年)")
_OWN_YEAR_PART = re.compile(r"上半年|下半年|前三季度|今年|本年度|第?[一二三四]季度")
_SCOPE = re.compile(r"全[省市州县区乡镇]$")  # 实现全县30个乡镇全覆盖: the count of the whole scope is a fact


def _sections_under(parents: list[int | None], heads: set[int]) -> set[int]:
    """The headings at or under one of `heads` (`parents`: each heading's parent index)."""
    out = set()
    for k in range(len(parents)):
        up: int | None = k
        while up is not None and up not in heads:
            up = parents[up]
        if up is not None:
            out.add(k)
    return out


def _year_sections(doc: Document, article: int, year: int) -> tuple[set[int], set[int]]:
    """The headings at or under a section planning the article's year or a later one (三、2025年工作计划 in a report
    of January 2025), and those under a section reporting on a year not after it (一、2024年工作总结). An article
    whose title plans its year (市政府公布2025年十大民生实事项目) plans under every heading."""
    from ..segment.sections import heading_parents
    from .kind import cues

    headings = doc.layers["headings"][article] if "headings" in doc.layers else []
    c, plans, reports = cues(), set(), set()
    title = doc.layers["meta"][article].title or ""
    if c["plan_title_re"].search(title) and not c["plan_heading_not_re"].search(title) \
            and any(int(y) >= year for y in _YEAR.findall(title)):
        return set(range(len(headings))), set()  # (the article's own lead paragraph, under no heading, may report)
    for k, h in enumerate(headings):
        # (一、上半年工作完成情况 / 三、下半年工作安排: a part of the article's own year, named without it)
        named = [int(y) for y in _YEAR.findall(h.title)] or ([year] if _OWN_YEAR_PART.search(h.title) else [])
        if not named:
            continue
        if c["plan_heading_re"].search(h.title) and not c["plan_heading_not_re"].search(h.title):
            if any(y >= year for y in named):
                plans.add(k)
        elif c["report_heading_re"].search(h.title) and all(y <= year for y in named):
            reports.add(k)
    if not plans and not reports:
        return set(), set()
    parents = heading_parents(headings)
    return _sections_under(parents, plans), _sections_under(parents, reports)


def _requirement_cue(text: str, q: Any) -> bool:
    """Whether the clause holding a quantity (offsets into `text`, its provision) says what must be (应, 要, 不少于…)."""
    from .kind import cues
    from .quantity_context import clause

    start, end = clause(text, q.number_start)
    return bool(cues()["requirement_re"].search(text, start, end))


def _targets_after_date(doc: Document, found: dict[Key, list[Any]]) -> None:
    """A number set for a year after the article's own date is a target, not a report (到2027年累计改造…312个 in
    a plan signed in 2025), and so is one in a section planning the article's year or a later one (三、2025年工作计划
    in a report of January 2025): the sentence alone, without a modal, reads like a statistic to the kind model.
    Under a section reporting on a past year (一、2024年工作总结) a number with no requirement cue is a report."""
    years = {a: int(m.date[:4]) for a, m in enumerate(doc.layers["meta"]) if m.date and m.date[:4].isdigit()}
    sections: dict[int, tuple[set[int], set[int]]] = {}
    for (a, p), matches in found.items():
        if (year := years.get(a)) is None:
            continue
        text, prov = None, doc.layers["provisions"][a][p]
        if a not in sections:
            sections[a] = _year_sections(doc, a, year)
        plans, reports = sections[a]
        planned = prov.heading is not None and prov.heading in plans
        reported = prov.heading is not None and prov.heading in reports
        for i, q in enumerate(matches):
            if q.kind == "statistic" and (planned or q.time and any(int(y) > year for y in _YEAR.findall(q.time))):
                text = text or doc.norm[prov.start:prov.end]
                if not _SCOPE.search(text, max(0, q.number_start - 2), q.number_start):
                    matches[i] = replace(q, kind="requirement")
            elif q.kind == "requirement" and reported \
                    and not _requirement_cue(text := text or doc.norm[prov.start:prov.end], q):
                matches[i] = replace(q, kind="statistic")


def responsibilities_of(doc: Document, learned_roles: bool = True) -> dict[Key, list[Any]]:
    """ResponsibilityMatch lists per provision, with the records of a notice's addressee line; the short names
    the document gives its actors count as actors. With `learned_roles`, the role model (role_model.py) has
    the last word on each record's role; without, the grammar's role stands (what the model is trained on)."""
    from .actor_scan import names_actors
    from .aliases import aliases_in_force, document_aliases
    from .addressees import addressee_records
    from .lead_ins import lead_in_subjects, listed_duty, read_duty_lists
    from .resp_subject import subjectless
    from .resp_tables import under_task
    from .responsibilities import with_subject

    with aliases_in_force(document_aliases(doc.norm)):
        found = _each_provision(doc, read_duty_lists, under_task,
                                HeadingSubject(names_actors, subjectless, with_subject, listed_duty), lead_in_subjects)
        for key, records in addressee_records(doc).items():
            found.setdefault(key, records)  # (a line the clause reader already assigned keeps its records)
    if learned_roles:
        from .role_model import refine_roles

        provisions = doc.layers["provisions"]
        for (a, p), records in found.items():
            prov = provisions[a][p]
            found[(a, p)] = refine_roles(records, doc.norm[prov.start:prov.end])
    return found
