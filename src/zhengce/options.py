"""Options: the one object every stage receives; defaults live in data/defaults.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one run (frozen: stages read it, never change it)."""

    join_lines: bool = True
    pdf_engine: str = "auto"
    workers: int = 0
    extract_quantities: bool = True
    extract_responsibilities: bool = True
    learned_roles: bool = True

    def with_(self, **changes: Any) -> "Options":
        """A copy with some settings changed; unknown names are an error."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def fingerprint(self) -> str:
        """A stable string of the settings that change records (for --resume)."""
        return ";".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self) if f.name != "workers")


@lru_cache(maxsize=1)
def default_options() -> Options:
    """Options from data/defaults.toml."""
    raw = resources.files("zhengce").joinpath("data", "defaults.toml").read_text(encoding="utf-8")
    return Options().with_(**tomllib.loads(raw))
