"""Sniff a file's type and text encoding from its bytes (never the extension alone)."""
from __future__ import annotations

import re
from itertools import islice

from ..errors import ZhengceError

_CJK = re.compile(r"[\u4e00-\u9fff]")


def sniff_kind(data: bytes, suffix: str) -> str:
    """txt | html | pdf | docx, from magic bytes first and the extension second."""
    head = data[:2048]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        raise ZhengceError("ZC-E106", "zip archive that is not a .docx")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ZhengceError("ZC-E106", "legacy Word/OLE file (.doc): save it as .docx")
    lowered = head.lower()
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or re.search(rb"<!doctype html|<html[\s>]|<body[\s>]", lowered):
        return "html"
    return "txt"


_SAMPLE = 4000  # CJK characters a codec's plausibility is judged on


def _cjk_chars(text: str) -> list[str]:
    # Only the first _SAMPLE are read: stop there rather than list every one of a long file.
    return [m.group() for m in islice(_CJK.finditer(text), _SAMPLE)]


def _common_share(chars: list[str], codec: str, lo: int, hi: int) -> float:
    """Share of chars whose lead byte in `codec` lies in its frequent-character block."""
    if not chars:
        return 0.0
    # Both codecs write a CJK character as two bytes: one encode of the sample (characters the
    # codec lacks dropped) gives every lead byte, counted in C rather than per character.
    leads = "".join(chars[:_SAMPLE]).encode(codec, "ignore")[::2]
    hits = len(leads.translate(None, bytes(b for b in range(256) if not lo <= b <= hi)))
    return hits / min(len(chars), _SAMPLE)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a text file: BOM, then UTF-8, then GB18030 vs Big5 by plausibility."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ZhengceError("ZC-E103", "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("gb18030", "big5"):
        try:
            candidates.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ZhengceError("ZC-E104", "not UTF-8, GB18030 or Big5")
    if len(candidates) == 1:
        return candidates[0][1], candidates[0][0]
    # GB2312 level-1 (common simplified) sits at lead bytes B0-D7; Big5 common characters at A4-C6.
    gb, big5 = candidates[0][1], candidates[1][1]
    gb_score = _common_share(_cjk_chars(gb), "gb2312", 0xB0, 0xD7)
    big5_score = _common_share(_cjk_chars(big5), "big5", 0xA4, 0xC6)
    return (big5, "big5") if big5_score > gb_score else (gb, "gb18030")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise ZhengceError("ZC-E104", f"invalid {codec} at byte {e.start}") from None


def has_chinese(text: str, minimum: int = 2) -> bool:
    """Whether the text holds at least `minimum` CJK characters."""
    # Stop at the `minimum`-th hit: listing every CJK character of a long file costs more than the
    # rest of reading it.
    found = 0
    for _ in _CJK.finditer(text, 0, 200000):
        found += 1
        if found >= minimum:
            return True
    return False
