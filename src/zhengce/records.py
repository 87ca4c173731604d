"""Typed records zhengce produces; field names are exactly those of SPEC.md.

Every record is a frozen, slotted dataclass with `to_dict()`, and
`Record(**r.to_dict()) == r` holds. Offsets (`start`, `end`) are indices into
the source text before any normalization (see SPEC, Offsets).
"""
from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any, Optional


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (JSON-ready)."""
        return asdict(self)

    @classmethod
    def field_names(cls) -> list[str]:
        """Column order used by the table writers."""
        return [f.name for f in fields(cls)]


def _fast_init(cls: type) -> type:
    """Give a frozen slotted dataclass an __init__ that stores through the slot descriptors.

    The generated frozen __init__ calls object.__setattr__ per field, which costs ~3 us a record;
    the batch builds one record per provision, quantity and responsibility, so the cheaper setter
    (same signature, same defaults, instances still frozen) matters on large corpora.
    """
    params, body, namespace = [], [], {}
    for i, f in enumerate(fields(cls)):
        namespace[f"_set{i}"] = cls.__dict__[f.name].__set__
        if f.default is not MISSING:
            namespace[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        else:
            params.append(f.name)
        body.append(f"    _set{i}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(compile(source, f"<zhengce record init {cls.__name__}>", "exec"), namespace)
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]
    return cls


@_fast_init
@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One article (a file may hold several); a line of documents.jsonl."""

    doc_id: str
    source: str
    start: int
    end: int
    title: Optional[str]
    issuer: Optional[str]
    jurisdiction: Optional[str]
    date: Optional[str]  # ISO YYYY-MM-DD, YYYY-MM or YYYY
    doc_type: Optional[str]
    normative: bool
    page: Optional[int] = None  # first page, for PDFs


@_fast_init
@dataclass(frozen=True, slots=True)
class Section(_Record):
    """A heading of the section tree; start/end cover the heading line only."""

    section_id: str
    doc_id: str
    source: str
    start: int
    end: int
    label: str  # number as written: "一、", "(三)", "11."; "" when unnumbered
    level: int  # rank of the numbering style among those the article uses
    title: str
    parent_id: Optional[str] = None
    page: Optional[int] = None


@_fast_init
@dataclass(frozen=True, slots=True)
class Provision(_Record):
    """A sentence-level unit of a section."""

    provision_id: str
    doc_id: str
    source: str
    start: int
    end: int
    text: str  # normalized, simplified
    kind: str  # requirement | statistic | other
    section_id: Optional[str] = None
    section_path: tuple[str, ...] = ()
    page: Optional[int] = None


@_fast_init
@dataclass(frozen=True, slots=True)
class Quantity(_Record):
    """A quantity expression, parsed (SPEC, Quantities)."""

    quantity_id: str
    doc_id: str
    provision_id: str
    source: str
    start: int
    end: int
    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    comparator: str  # >= <= > < = range ~
    per: Optional[str]
    subject: Optional[str]
    time: Optional[str]
    kind: str  # requirement | statistic
    page: Optional[int] = None


@_fast_init
@dataclass(frozen=True, slots=True)
class Responsibility(_Record):
    """An actor-role-duty assignment (SPEC, Responsibilities)."""

    responsibility_id: str
    doc_id: str
    provision_id: str
    source: str
    start: int
    end: int
    actor: str
    role: str  # lead | support | oversee | fund | execute
    duty: str
    deadline: Optional[str] = None
    page: Optional[int] = None


@_fast_init
@dataclass(frozen=True, slots=True)
class ErrorRecord(_Record):
    """A file (or stage) that failed; a line of errors.jsonl."""

    source: str
    stage: str
    code: str
    message: str


TABLES: dict[str, type] = {
    "documents": Article,
    "sections": Section,
    "provisions": Provision,
    "quantities": Quantity,
    "responsibilities": Responsibility,
}
