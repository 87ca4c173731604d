"""zhengce (政策): structured, comparable records from Chinese policy documents."""
from __future__ import annotations

import logging

__version__ = "0.1.0"

from .api import extract, extract_path  # noqa: E402
from .records import Article, Provision, Quantity, Responsibility, Section  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["extract", "extract_path", "Article", "Section", "Provision", "Quantity", "Responsibility",
           "__version__"]
