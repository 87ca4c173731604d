"""zhengce (政策): structured, comparable records from Chinese policy documents."""
from __future__ import annotations

import logging

__version__ = "0.1.0"

# Import the `extract` subpackage before binding the `extract` function: importing a subpackage
# sets it as an attribute of its parent, which would otherwise shadow the function later.
from . import extract as _extract_stages  # noqa: E402,F401
from .api import extract, extract_path, parse_quantity  # noqa: E402
from .records import Article, Provision, Quantity, Responsibility, Section  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

# diff/check pull in scikit-learn and SciPy (~1 s): loaded on first use, not on import. (The
# researcher's table is zhengce.compare.table.compare: a top-level `compare` would be shadowed by
# the zhengce.compare subpackage.)
_COMPARE = {"diff": "zhengce.compare.diff", "check": "zhengce.compare.check"}


def __getattr__(name: str):
    if name in _COMPARE:
        from importlib import import_module

        return getattr(import_module(_COMPARE[name]), name)
    raise AttributeError(f"module 'zhengce' has no attribute {name!r}")


__all__ = ["extract", "extract_path", "parse_quantity", "diff", "check", "Article", "Section", "Provision",
           "Quantity", "Responsibility", "__version__"]
