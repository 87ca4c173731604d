"""Fixtures shared by the extractor tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from zhengce.ingest import read_file
from zhengce.options import default_options
from zhengce.process import analyse


@pytest.fixture(scope="session")
def seed_provisions(seeds: list[Path]) -> list[tuple[str, str]]:
    """(text, context) of every seed provision in document order, as extract/run.py hands them over."""
    options = default_options().with_(extract_quantities=False, extract_responsibilities=False)
    pairs = []
    for path in seeds:
        doc = analyse(str(path), read_file(path), options)
        pairs += [(doc.norm[p.start:p.end], doc.norm[p.paragraph_start:p.start])
                  for ps in doc.layers["provisions"] for p in ps]
    return pairs
