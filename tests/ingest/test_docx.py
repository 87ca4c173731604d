"""read_docx on DOCX files built at test time with real Word numbering (see make_docs.py)."""
from __future__ import annotations

import re
import zipfile

import docx
import pytest
from docx.oxml import parse_xml

from make_docs import (
    W_NS, add_abstract, add_num, add_style, build_corpus_docx, corpus_paragraphs, lvl_xml, numbered, squeeze,
)
from zhengce.errors import ZhengceError
from zhengce.ingest.docx import read_docx, render_counter

PARAGRAPHS = corpus_paragraphs()
LABEL = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.")


@pytest.fixture(scope="module")
def corpus_docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "corpus.docx"
    expected = build_corpus_docx(path, PARAGRAPHS)
    return read_docx(path), expected


def test_corpus_round_trips(corpus_docx):
    got, expected = corpus_docx
    assert got.kind == "docx" and got.derived and got.pages == [] and got.warnings == []
    assert got.text.split("\n") == expected
    assert squeeze(got.text) == squeeze("".join(expected))


def test_corpus_labels_come_from_numbering(corpus_docx):
    lines = corpus_docx[0].text.split("\n")
    labels = [m.group() for m in map(LABEL.match, lines) if m]
    assert labels[:5] == ["一、", "二、", "(一)", "1.", "2."]
    # 1. runs on across (二)…(五) (lvlRestart 1) up to 21.
    assert labels[labels.index("(二)") + 1] == "6."
    assert [x for x in labels if x[0].isdigit()] == [f"{n}." for n in range(1, 22)]
    # (一) restarts after 三、: the default restart after a higher level is used.
    assert labels[-5:] == ["三、", "(一)", "(二)", "(三)", "(四)"]


def test_table_rows_follow_the_body(corpus_docx):
    lines = corpus_docx[0].text.split("\n")
    assert lines[len(PARAGRAPHS)] == "市纪委\t负责推进城市基层党风廉政建设和反腐败工作"
    assert all(ln.count("\t") == 1 for ln in lines[len(PARAGRAPHS) :])


@pytest.mark.parametrize(
    "fmt, values, expected",
    [
        ("chineseCounting", [1, 10, 11, 20, 99, 100, 105], ["一", "十", "十一", "二十", "九十九", "一〇〇", "一〇五"]),
        ("chineseCountingThousand", [10, 15, 101, 110, 1001, 10010, 123456],
         ["十", "十五", "一百零一", "一百一十", "一千零一", "一万零一十", "十二万三千四百五十六"]),
        ("chineseLegalSimplified", [3, 10, 12], ["叁", "壹拾", "壹拾贰"]),
        ("ideographDigital", [7, 2018], ["七", "二〇一八"]),
        ("decimalEnclosedCircle", [1, 20, 21], ["①", "⑳", "21"]),
        ("decimalEnclosedParen", [3], ["⑶"]),
        ("decimalEnclosedFullstop", [3], ["⒊"]),
        ("ideographEnclosedCircle", [1, 10, 11], ["㈠", "㈩", "11"]),
        ("ideographTraditional", [1, 10, 11], ["甲", "癸", "11"]),
        ("ideographZodiac", [1, 12], ["子", "亥"]),
        ("decimalFullWidth", [12], ["１２"]),
        ("decimal", [7], ["7"]),
        ("decimalZero", [7, 12], ["07", "12"]),
        ("upperRoman", [4, 1999], ["IV", "MCMXCIX"]),
        ("lowerLetter", [1, 26, 27], ["a", "z", "aa"]),
        ("none", [3], [""]),
        ("cardinalText", [3], ["3"]),  # spelled-out English: decimal
    ],
)
def test_render_counter(fmt, values, expected):
    assert [render_counter(v, fmt) for v in values] == expected


def _read(doc, tmp_path) -> list[str]:
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return read_docx(path).text.split("\n")


def test_label_forms_and_suffixes(tmp_path):
    doc = docx.Document()
    add_abstract(doc, 80, [
        lvl_xml(0, "chineseCountingThousand", "第%1条", extra='<w:suff w:val="space"/>'),
        lvl_xml(1, "chineseCounting", "（%2）"),
        lvl_xml(2, "decimalEnclosedCircle", "%3"),
        lvl_xml(3, "decimal", "%1.%4", extra="<w:isLgl/>"),
        lvl_xml(4, "decimal", "%5"),
        lvl_xml(5, "decimal", "%6", extra='<w:suff w:val="nothing"/>'),
    ])
    add_num(doc, 81, 80)
    items = [(0, "总则"), (1, "目标"), (2, "安全"), (2, "稳定"), (3, "法规"), (4, "附则"), (5, "说明"), (0, "责任")]
    for ilvl, text in items:
        numbered(doc, text, num_id=81, ilvl=ilvl)
    # suff space: always a space; tab (the default): a space only after a digit,
    # letter or ideograph; nothing: never.
    assert _read(doc, tmp_path) == [
        "第一条 总则", "（一）目标", "①安全", "②稳定", "1.1 法规", "1 附则", "1说明", "第二条 责任",
    ]


def test_instances_share_the_abstract_count_unless_restarted(tmp_path):
    doc = docx.Document()
    add_abstract(doc, 70, [lvl_xml(0, "decimal", "%1.")])
    add_num(doc, 71, 70)
    add_num(doc, 72, 70)  # same list, continues
    add_num(doc, 73, 70, start_overrides={0: 1})  # "restart numbering" in Word
    for num_id, text in [(71, "甲"), (71, "乙"), (72, "丙"), (73, "丁"), (73, "戊"), (71, "己")]:
        numbered(doc, text, num_id=num_id, ilvl=0)
    assert _read(doc, tmp_path) == ["1.甲", "2.乙", "3.丙", "1.丁", "2.戊", "3.己"]


def test_style_numbering_inheritance_and_removal(tmp_path):
    doc = docx.Document()
    add_abstract(doc, 60, [
        lvl_xml(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="ZcH1"/>'),
        lvl_xml(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="ZcH2"/>'),
        lvl_xml(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>'),
    ])
    add_num(doc, 61, 60)
    add_style(doc, "ZcH1", num_id=61)  # level found through the lvl's pStyle
    add_style(doc, "ZcH2", num_id=61, ilvl=1)
    doc.styles.element.append(parse_xml(  # a style that only inherits ZcH1's numbering
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="ZcH1b">'
        f'<w:name w:val="ZcH1b"/><w:basedOn w:val="ZcH1"/></w:style>'))
    numbered(doc, "工作目标", style="ZcH1")
    numbered(doc, "主要任务", style="ZcH2")
    numbered(doc, "优化职能", num_id=61, ilvl=2)
    numbered(doc, "保障措施", style="ZcH1b")
    numbered(doc, "不编号的标题", num_id=0, style="ZcH1")  # numId 0 removes the style's number
    numbered(doc, "强化领导", style="ZcH2")
    numbered(doc, "整合资金", num_id=61, ilvl=2)  # lvlRestart 0: never restarts
    assert _read(doc, tmp_path) == [
        "一、工作目标", "（一）主要任务", "1.优化职能", "二、保障措施", "不编号的标题", "（一）强化领导", "2.整合资金",
    ]


def test_num_style_link(tmp_path):
    # A list style: abstract 30 only links to style ZcList, whose numId 31 names the
    # definition that holds the levels (abstract 32).
    doc = docx.Document()
    add_abstract(doc, 32, [lvl_xml(0, "chineseCounting", "%1、")])
    add_abstract(doc, 30, [])
    doc.part.numbering_part.element.find(f"{{{W_NS}}}abstractNum[@{{{W_NS}}}abstractNumId='30']").append(
        parse_xml(f'<w:numStyleLink xmlns:w="{W_NS}" w:val="ZcList"/>'))
    add_num(doc, 31, 32)
    add_num(doc, 33, 30)
    add_style(doc, "ZcList", num_id=31)
    numbered(doc, "工作目标", num_id=33, ilvl=0)
    numbered(doc, "主要任务", num_id=33, ilvl=0)
    assert _read(doc, tmp_path) == ["一、工作目标", "二、主要任务"]


def test_bullets_add_no_label(tmp_path):
    doc = docx.Document()
    add_abstract(doc, 50, ['<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'])
    add_num(doc, 51, 50)
    numbered(doc, "加强流动党员管理。", num_id=51, ilvl=0)
    assert _read(doc, tmp_path) == ["加强流动党员管理。"]


def test_body_order_runs_and_wrappers(tmp_path):
    doc = docx.Document()
    add_abstract(doc, 40, [lvl_xml(0, "decimal", "%1.")])
    add_num(doc, 41, 40)
    doc.add_paragraph("第一段")
    table = doc.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "单位"
    numbered(table.cell(0, 1), "牵头", num_id=41, ilvl=0)  # a cell adds paragraphs as a doc does
    table.cell(0, 2).text = "配合"
    p = doc.add_paragraph("甲")
    p.add_run().add_break()
    p.add_run("乙\t丙")
    body = doc.element.body
    sect = body[-1]  # keep sectPr last
    sect.addprevious(parse_xml(
        f'<w:sdt xmlns:w="{W_NS}"><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    sect.addprevious(parse_xml(
        f'<w:p xmlns:w="{W_NS}"><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a">'
        f'<w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">'
        f'<w:r><w:t>插入</w:t></w:r></w:ins><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>'))
    numbered(doc, "", num_id=41, ilvl=0)  # empty numbered paragraph: counted, label shown
    numbered(doc, "后续", num_id=41, ilvl=0)
    # The cell's numbered paragraph counts first: Word numbers in document order.
    assert _read(doc, tmp_path) == [
        "第一段", "单位\t1.牵头\t配合", "甲", "乙\t丙", "控件内", "保留插入链接", "2.", "3.后续",
    ]


def _docx_bytes(tmp_path) -> bytes:
    doc = docx.Document()
    doc.add_paragraph("为深入学习贯彻党的十九大精神")
    doc.save(str(tmp_path / "ok.docx"))
    return (tmp_path / "ok.docx").read_bytes()


@pytest.mark.parametrize("kind", ["garbage", "truncated", "ole", "zip-without-document"])
def test_corrupt_docx(tmp_path, kind):
    path = tmp_path / "bad.docx"
    if kind == "garbage":
        path.write_bytes(b"this is not a zip file")
    elif kind == "truncated":
        path.write_bytes(_docx_bytes(tmp_path)[:2000])
    elif kind == "ole":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    else:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "你好")
    with pytest.raises(ZhengceError) as err:
        read_docx(path)
    assert err.value.code == "ZC-E204"
    if kind == "ole":
        assert "legacy .doc" in err.value.message


def test_missing_and_empty(tmp_path):
    with pytest.raises(ZhengceError) as err:
        read_docx(tmp_path / "nope.docx")
    assert err.value.code == "ZC-E101"
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(ZhengceError) as err:
        read_docx(tmp_path / "empty.docx")
    assert err.value.code == "ZC-E102"


def test_empty_body_warns(tmp_path):
    doc = docx.Document()
    got = read_docx(_save(doc, tmp_path))
    assert got.text == "" and got.warnings == ["DOCX body has no text"]


def _save(doc, tmp_path):
    path = tmp_path / "e.docx"
    doc.save(str(path))
    return path
