"""Imported by the local engine's fork server: runs the pipeline once on a short text, so that the
rules and lexicons every stage loads lazily are in memory before workers are forked from it (each
worker then starts warm and shares those pages copy-on-write instead of loading its own)."""
from __future__ import annotations

_SAMPLE = ("关于加强基层治理的实施意见\n一、工作目标\n到2025年,全市社区综合服务设施覆盖率达到100%。\n"
           "(一)市民政局牵头,各区县(市)人民政府负责落实,市财政局配合做好经费保障。\n")


def warm() -> None:
    """Run the whole pipeline once; any failure is left for the workers to report per file."""
    try:
        from zhengce.api import extract

        extract(_SAMPLE)
    except Exception:  # noqa: BLE001 - must never take the fork server down; workers load lazily instead
        pass


warm()
