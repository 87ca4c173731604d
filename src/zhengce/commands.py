"""Registry of the sub-commands that live outside cli.py."""
from __future__ import annotations

from . import show

REGISTER: list = [show.register]
