"""Registry of the sub-commands that live outside cli.py."""
from __future__ import annotations

from . import show
from .compare import cli_commands as compare_commands

REGISTER: list = [show.register, *compare_commands.REGISTER]
