"""Registry of the sub-commands that live outside cli.py."""
from __future__ import annotations

REGISTER: list = []
