"""The public Python API: what `import zhengce` offers and what it costs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import zhengce

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_public_names_are_few_and_all_resolve() -> None:
    assert len(zhengce.__all__) <= 12
    for name in zhengce.__all__:
        assert getattr(zhengce, name) is not None, name


def test_import_does_not_load_the_comparison_stack() -> None:
    code = "import sys, zhengce; print('sklearn' in sys.modules, 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        zhengce.no_such_thing  # noqa: B018


def test_diff_and_check_from_the_top_level(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("关于加强社区工作的意见\n一、队伍建设\n社区工作者每年培训不少于40学时。\n", encoding="utf-8")
    b.write_text("关于社区治理的实施方案\n一、队伍建设\n社区工作者每年培训不少于56学时。\n", encoding="utf-8")
    result = zhengce.diff(a, b)
    assert result.pairs and result.pairs[0].comparisons
    precedents = tmp_path / "precedents"
    precedents.mkdir()
    (precedents / "b.txt").write_text(b.read_text(encoding="utf-8"), encoding="utf-8")
    checked = zhengce.check(a, precedents)
    assert checked is not None
