"""Shared fixtures: the seed documents, their extraction results, and the re-pinning options.

The seeds live in ../shared/seeds beside the repository (with the hand annotations in
../shared/gold and the scorer in ../shared/eval); `corpus/` in the repository holds copies of
the seeds, so tests that only need the texts run even where ../shared is absent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from zhengce.build import build_records
from zhengce.document import Document
from zhengce.ingest import read_text
from zhengce.options import Options, default_options
from zhengce.process import FileResult, analyse

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CORPUS = REPO / "corpus"
SHARED = TESTS.parents[1] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("zhengce")
    group.addoption("--update-golden", action="store_true", default=False,
                    help="rewrite tests/golden/<seed>/*.jsonl from the current output (review the diff)")
    group.addoption("--update-gate", action="store_true", default=False,
                    help="re-pin tests/gate_baseline.json to the current scores and seeds")
    group.addoption("--allow-regression", action="store_true", default=False,
                    help="with --update-gate: allow a floor to go down")


def seed_files() -> list[Path]:
    """The seed documents: ../shared/seeds when present, else the corpus/ copies."""
    folder = SEEDS if SEEDS.is_dir() else CORPUS
    return sorted(folder.glob("*.txt"))


def spine_options() -> Options:
    """Options for tests of the spine (ingest -> segment): the extractors other stages own are off,
    so a failure here points at segmentation, not at quantities or responsibilities."""
    return default_options().with_(extract_quantities=False, extract_responsibilities=False)


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    """Paths of the seed documents."""
    files = seed_files()
    if not files:
        pytest.skip("no seed documents (neither ../shared/seeds nor corpus/)")
    return files


@pytest.fixture(scope="session")
def seed_results(seeds: list[Path]) -> dict[str, FileResult]:
    """`zhengce.api.extract` run once on each seed (spine options), keyed by file name."""
    from zhengce.api import extract

    return {p.name: extract(p, options=spine_options()) for p in seeds}


@pytest.fixture(scope="session")
def extract_text() -> Callable[[str], FileResult]:
    """Records of a text given directly, through the spine only."""
    def run(text: str) -> FileResult:
        return build_records(analyse("<text>", read_text(text), spine_options()))
    return run


@pytest.fixture(scope="session")
def analyse_text() -> Callable[[str], Document]:
    """The analysed Document of a text (lines with roles, layers), through the spine only."""
    def run(text: str) -> Document:
        return analyse("<text>", read_text(text), spine_options())
    return run


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def gate_flags(request: pytest.FixtureRequest) -> tuple[bool, bool]:
    """(--update-gate, --allow-regression)."""
    return bool(request.config.getoption("--update-gate")), bool(request.config.getoption("--allow-regression"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests taking `seed_name` run once per seed document."""
    if "seed_name" in metafunc.fixturenames:
        metafunc.parametrize("seed_name", [p.name for p in seed_files()])
