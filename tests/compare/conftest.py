"""Two small policy texts (one in traditional script) for the diff/check/compare tests."""
from __future__ import annotations

from pathlib import Path

import pytest

DOC_A = """关于加强城市社区建设的实施意见

一、加强阵地建设
社区党群服务中心按照每百户居民不低于35平方米标准配建,每个社区不少于350平方米。社区主职干部办公室不得超过15平方米。
二、保障工作经费
每个社区每年党组织服务群众专项经费不低于10万元。实行社区党组织书记、居委会主任“一肩挑”。
三、建立大学生社区社会实践基地
建立大学生社区社会实践基地,每年接收实习学生。
"""

DOC_B = """關於加強村(社區)建設的若干措施

一、綜合服務設施
按照已建成城市社區不低于300平方米,且每百戶村(居)民不低于30平方米的標準,加強黨群服務中心建設。
二、經費保障
落實城市社區黨組織服務群眾專項經費,每個社區每年不低于5萬元。積極推行村(社區)黨組織書記通過法定程序擔任村(居)民委員會主任。
三、應急管理
每年至少組織1次綜合應急預案演練。
"""


@pytest.fixture(scope="session")
def doc_texts() -> tuple[str, str]:
    """The texts of the two documents."""
    return DOC_A, DOC_B


@pytest.fixture(scope="session")
def two_docs(tmp_path_factory) -> tuple[Path, Path]:
    """(a.txt, b.txt) written once per session."""
    d = tmp_path_factory.mktemp("docs")
    a, b = d / "a.txt", d / "b.txt"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B, encoding="utf-8")
    return a, b


@pytest.fixture(scope="session")
def diffed(two_docs):
    """diff(a, b) computed once."""
    from zhengce.compare.diff import diff

    return diff(two_docs[0], two_docs[1])
