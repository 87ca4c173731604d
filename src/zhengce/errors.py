"""Error codes and the exception every stage raises for bad input."""
from __future__ import annotations

# One code per reason a file can fail; the message names the reason for a human.
CODES: dict[str, str] = {
    "ZC-E101": "file not found",
    "ZC-E102": "file is empty",
    "ZC-E103": "binary file, not text",
    "ZC-E104": "cannot decode text",
    "ZC-E105": "no Chinese text",
    "ZC-E106": "unsupported file type",
    "ZC-E107": "cannot read file",
    "ZC-E108": "no article text (only page furniture)",
    "ZC-E201": "PDF is encrypted",
    "ZC-E202": "PDF has no text layer (scanned?)",
    "ZC-E203": "PDF is corrupt",
    "ZC-E204": "DOCX is corrupt",
    "ZC-E301": "internal error in a pipeline stage",
}


class ZhengceError(Exception):
    """Bad input or a failed stage: carries a code from CODES and a one-line reason."""

    def __init__(self, code: str, message: str | None = None):
        if code not in CODES:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.message = message or CODES[code]
        super().__init__(f"{code}: {self.message}")
