"""The same document as people really save it gives the same records: another encoding, Windows line
ends, or body paragraphs hard-wrapped as text copied from a page or a PDF (SPEC: offsets point into the
file as given, so spans move; what is extracted does not)."""
from __future__ import annotations

from pathlib import Path

import pytest

import zhengce

WRAP_WIDTH = 37  # characters a line, as text copied out of an A4 page
LONG_LINE = 80  # only whole body paragraphs are wrapped; titles, meta lines and lines already broken stay


def _records(path: Path) -> tuple[list, list, list]:
    result = zhengce.extract(path)
    quantities = [(q.value, q.low, q.high, q.unit, q.comparator, q.per, q.time, q.kind) for q in result.quantities]
    responsibilities = [(r.actor, r.role) for r in result.responsibilities]
    headings = [(s.label, s.level, s.title) for s in result.sections]
    return quantities, responsibilities, headings


def _wrap_body(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if len(line) <= LONG_LINE or not line.rstrip().endswith("。"):
            lines.append(line)
            continue
        cut, col = [], 0
        for ch in line:
            # (never right after a full stop: a line ending a sentence reads as a paragraph's end)
            if col >= WRAP_WIDTH and ch not in ",，。；;：:、）)》”" and cut[-1] not in "。；;!！?？":
                cut.append("\n")
                col = 0
            cut.append(ch)
            col += 1
        lines.append("".join(cut))
    return "\n".join(lines)


VARIANTS = {
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-8 with BOM": lambda text: text.encode("utf-8-sig"),
    "CRLF": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "body hard-wrapped": lambda text: _wrap_body(text).encode("utf-8"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_seed_records_survive_how_the_file_was_saved(seeds, tmp_path: Path, variant: str) -> None:
    for seed in seeds:
        text = seed.read_bytes().decode("utf-8")
        if variant == "gb18030" and seed.name.startswith("004_"):
            continue  # seed 004 is in traditional script: GB18030 holds it, but Big5 is its native codec
        copy = tmp_path / seed.name
        copy.write_bytes(VARIANTS[variant](text))
        assert _records(copy) == _records(seed), f"{seed.name} saved as {variant}"
