"""Builds fixtures/pdf/office/: annual reports written as Word documents (python-docx) with the
unified format's three tables, and each printed to PDF by LibreOffice, the way offices make the
PDFs they publish.

The tables are built like real ones: merged header cells (申请人情况, 法人或其他组织, 行政复议 /
行政诉讼), a row label merged down many rows (三、本年度办理结果, (三)不予公开 …), row labels long
enough to wrap in their cell, right-aligned numbers, and 表三 long enough to cross a page break.
Each report is made in variants — as written, and with one defect injected (a broken 表三 column,
a broken 表四 total, a missing section, a missing period) — and each variant at A4 with Word's
default margins and with narrow margins. The .docx files are kept beside the PDFs: the tests
check that every PDF gives the findings its Word source gives.

The report text is made up; only the format's own headings and row labels are the format's.

With `--borderless` the same reports are printed with their tables' borders removed (as many
offices print them), into fixtures/pdf/office/borderless/: the reader must then find the tables'
columns from how their text lines up.

With `--shapes` (borderless too) the clean report and its broken 表三 column are printed in the
other shapes offices' borderless tables take, into the same directory: the label column centred
(`labels-centred-*`), the label column right-aligned (`labels-right-*`), the numbers centred
(`numbers-centred-*`) or left as a cell's text is by default (`numbers-left-*`), labels and
numbers all centred (`all-centred-*`), and the whole report, tables included, in one 16-point
type as offices set their 仿宋 body text (`body-size-*`).

usage: python3 make_office_pdf.py [--borderless | --shapes]
       (installs LibreOffice, a CJK font and python-docx if missing)
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile


def ensure_tools():
    if shutil.which("soffice") is None or not pathlib.Path("/usr/share/fonts/opentype/noto").exists():
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "libreoffice-writer-nogui", "fonts-noto-cjk"], check=True)
    try:
        import docx  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "python-docx"], check=True)


ensure_tools()

import docx  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

SHAPES = "--shapes" in sys.argv[1:]
BORDERLESS = SHAPES or "--borderless" in sys.argv[1:]
root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "fixtures/pdf/office"
if BORDERLESS:
    out_dir = out_dir / "borderless"
out_dir.mkdir(parents=True, exist_ok=True)

# How the report being written sets its tables: the alignment of label and number cells, and the
# type size of the body and of the tables' cells.
# `grid`, when given, is 表三's column widths (otherwise its ten columns share the width evenly).
STYLE = {"labels": None, "numbers": WD_ALIGN_PARAGRAPH.RIGHT, "body": 12, "cells": 9, "grid": None}

ISSUER = "临川市交通运输局"
YEAR = 2023

# 表三: per applicant column (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他),
# the result rows; the totals are computed, so the table as written is consistent.
RESULTS = [
    ("（一）予以公开", None, [21, 3, 0, 1, 0, 0]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, [4, 1, 0, 0, 0, 0]),
    ("（三）不予公开", "1.属于国家秘密", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", [1, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "3.危及“三安全一稳定”", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "6.属于四类过程性信息", [2, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "7.属于行政执法案卷", [0, 0, 0, 0, 0, 0]),
    ("（三）不予公开", "8.属于行政查询事项", [1, 0, 0, 0, 0, 0]),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", [9, 1, 0, 0, 0, 1]),
    ("（四）无法提供", "2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0]),
    ("（四）无法提供", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "1.信访举报投诉类申请", [3, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "2.重复申请", [2, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [2, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
    ("（六）其他处理", "3.其他", [1, 0, 0, 0, 0, 0]),
]
CARRIED_IN = [3, 0, 0, 0, 0, 0]
CARRIED_OUT = [4, 1, 0, 0, 0, 0]
REVIEW = [2, 1, 0, 1]  # 行政复议: 维持, 纠正, 其他, 尚未审结
SUIT_DIRECT = [1, 0, 1, 0]
SUIT_AFTER = [0, 0, 0, 1]

SECTIONS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

FILLER = (
    "本局围绕交通运输重点工作，统筹推进决策、执行、管理、服务、结果公开，"
    "及时发布道路建设、公共交通、行政审批等方面信息，回应群众关切，"
    "全年通过门户网站发布各类信息三百余条，政务新媒体同步转发，公开质量和实效稳步提升。"
)


def with_total(values):
    return values + [sum(values)]


def set_cell(cell, text, align=None):
    cell.text = ""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(STYLE["cells"])
    if align is not None:
        paragraph.alignment = align


def east_asian_font(document, name="Noto Serif CJK SC"):
    style = document.styles["Normal"]
    style.font.name = name
    style.element.rPr.rFonts.set(qn("w:eastAsia"), name)
    style.font.size = Pt(STYLE["body"])


def grid_borders(table):
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if BORDERLESS:
        # The style's borders, overridden on the table itself: no line is drawn anywhere.
        properties = table._tbl.tblPr
        borders = docx.oxml.OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border = docx.oxml.OxmlElement(f"w:{side}")
            border.set(qn("w:val"), "nil")
            borders.append(border)
        properties.append(borders)


def number_cell(cell, value):
    set_cell(cell, str(value), STYLE["numbers"])


def label_cell(cell, text):
    set_cell(cell, text, STYLE["labels"])


def table_two(document):
    table = document.add_table(rows=0, cols=4)
    grid_borders(table)

    def block(title, header, rows):
        cells = table.add_row().cells
        merged = cells[0].merge(cells[3])
        set_cell(merged, title, WD_ALIGN_PARAGRAPH.CENTER)
        cells = table.add_row().cells
        label_cell(cells[0], "信息内容")
        if len(header) == 3:
            for cell, text in zip(cells[1:], header):
                set_cell(cell, text, WD_ALIGN_PARAGRAPH.CENTER)
        else:
            set_cell(cells[1].merge(cells[3]), header[0], WD_ALIGN_PARAGRAPH.CENTER)
        for label, values in rows:
            cells = table.add_row().cells
            label_cell(cells[0], label)
            if len(values) == 3:
                for cell, value in zip(cells[1:], values):
                    number_cell(cell, value)
            else:
                number_cell(cells[1].merge(cells[3]), values[0])

    block("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
          [("规章", [0, 0, 0]), ("行政规范性文件", [3, 1, 12])])
    block("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [1520])])
    block("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [86]), ("行政强制", [4])])
    block("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["12.5"])])


def table_three(document, broken_column):
    results = [(a, b, list(v)) for a, b, v in RESULTS]
    handled = [sum(row[2][i] for row in results) for i in range(6)]
    new = [handled[i] + CARRIED_OUT[i] - CARRIED_IN[i] for i in range(6)]
    rows = 3 + 2 + len(results) + 2
    table = document.add_table(rows=rows, cols=10)
    grid_borders(table)
    set_cell(table.cell(0, 0).merge(table.cell(2, 2)),
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    set_cell(table.cell(0, 3).merge(table.cell(0, 9)), "申请人情况", WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(1, 3).merge(table.cell(2, 3)), "自然人", WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(1, 4).merge(table.cell(1, 8)), "法人或其他组织", WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(1, 9).merge(table.cell(2, 9)), "总计", WD_ALIGN_PARAGRAPH.CENTER)
    for column, text in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4):
        set_cell(table.cell(2, column), text, WD_ALIGN_PARAGRAPH.CENTER)

    def values(row, numbers):
        for column, value in enumerate(numbers, start=3):
            number_cell(table.cell(row, column), value)

    label_cell(table.cell(3, 0).merge(table.cell(3, 2)), "一、本年新收政府信息公开申请数量")
    values(3, with_total(new))
    label_cell(table.cell(4, 0).merge(table.cell(4, 2)), "二、上年结转政府信息公开申请数量")
    values(4, with_total(CARRIED_IN))
    first = 5
    last = first + len(results)  # the (七)总计 row
    label_cell(table.cell(first, 0).merge(table.cell(last, 0)), "三、本年度办理结果")
    row = first
    groups = {}
    for level2, level3, numbers in results:
        if level3 is None:
            label_cell(table.cell(row, 1).merge(table.cell(row, 2)), level2)
        else:
            groups.setdefault(level2, []).append(row)
            label_cell(table.cell(row, 2), level3)
        written = with_total(numbers)
        if broken_column and level3 == "2.重复申请":
            written[6] += 1  # the 总计 column no longer adds up
        values(row, written)
        row += 1
    for level2, members in groups.items():
        label_cell(table.cell(members[0], 1).merge(table.cell(members[-1], 1)), level2)
    label_cell(table.cell(last, 1).merge(table.cell(last, 2)), "（七）总计")
    values(last, with_total(handled))
    label_cell(table.cell(last + 1, 0).merge(table.cell(last + 1, 2)), "四、结转下年度继续办理")
    values(last + 1, with_total(CARRIED_OUT))
    if STYLE["grid"] is not None:
        for column, width in zip(table.columns, STYLE["grid"]):
            column.width = width
    widths = [Cm(1.2), Cm(2.2), Cm(4.4)] + [Cm(1.2)] * 7
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, widths):
            cell.width = width


def table_four(document, broken_total):
    table = document.add_table(rows=4, cols=15)
    grid_borders(table)
    set_cell(table.cell(0, 0).merge(table.cell(0, 4)), "行政复议", WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(0, 5).merge(table.cell(0, 14)), "行政诉讼", WD_ALIGN_PARAGRAPH.CENTER)
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for column, text in enumerate(heads):
        set_cell(table.cell(1, column).merge(table.cell(2, column)), text, WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(1, 5).merge(table.cell(1, 9)), "未经复议直接起诉", WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(table.cell(1, 10).merge(table.cell(1, 14)), "复议后起诉", WD_ALIGN_PARAGRAPH.CENTER)
    for column, text in enumerate(heads * 2, start=5):
        set_cell(table.cell(2, column), text, WD_ALIGN_PARAGRAPH.CENTER)
    review = with_total(REVIEW)
    if broken_total:
        review[4] += 2  # 总计 no longer the sum of its block
    numbers = review + with_total(SUIT_DIRECT) + with_total(SUIT_AFTER)
    for column, value in enumerate(numbers):
        number_cell(table.cell(3, column), value)


def report(name, narrow=False, broken_column=False, broken_total=False, missing_section=False,
           missing_period=False):
    document = docx.Document()
    east_asian_font(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if narrow:
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(1.27))
    section.footer.paragraphs[0].text = "- 1 -"
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def paragraph(text, align=None, size=None, bold=False):
        p = document.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        return p

    # The title over two lines: the issuer, then the year and the document's name.
    paragraph(ISSUER, WD_ALIGN_PARAGRAPH.CENTER, 20, True)
    paragraph(f"{YEAR}年政府信息公开工作年度报告", WD_ALIGN_PARAGRAPH.CENTER, 20, True)
    intro = (f"本报告由{ISSUER}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。"
             "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
             "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。")
    if not missing_period:
        intro += f"本报告所列数据的统计期限自{YEAR}年1月1日起至{YEAR}年12月31日止。"
    intro += "如对本报告有疑问，请与本局办公室联系（电话：0794-8216620）。"
    paragraph(intro)
    for heading in SECTIONS:
        if missing_section and heading.startswith("五、"):
            continue
        paragraph(heading, bold=True)
        if heading.startswith("一、"):
            for _ in range(5):
                paragraph(FILLER)
        elif heading.startswith("二、"):
            table_two(document)
        elif heading.startswith("三、"):
            paragraph("本年度依申请公开工作情况见下表。")
            table_three(document, broken_column)
        elif heading.startswith("四、"):
            table_four(document, broken_total)
        elif heading.startswith("五、"):
            paragraph("一是公开内容的深度和广度有待加强；二是政策解读形式较为单一。"
                      "下一步，本局将完善公开目录，丰富解读形式，提升公开实效。")
        else:
            paragraph(f"本局{YEAR}年未收取信息处理费。无其他需要报告的事项。")
    paragraph(ISSUER, WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph(f"{YEAR + 1}年1月20日", WD_ALIGN_PARAGRAPH.RIGHT)
    path = out_dir / f"{name}.docx"
    document.save(path)
    return path


VARIANTS = {
    "clean": {},
    "broken-table3-column": {"broken_column": True},
    "broken-table4-total": {"broken_total": True},
    "missing-section": {"missing_section": True},
    "missing-period": {"missing_period": True},
}

# The borderless shapes (`--shapes`), each as changes to the default style.
SHAPE_STYLES = {
    "labels-centred": {"labels": WD_ALIGN_PARAGRAPH.CENTER},
    "labels-right": {"labels": WD_ALIGN_PARAGRAPH.RIGHT},
    "numbers-centred": {"numbers": WD_ALIGN_PARAGRAPH.CENTER},
    # Numbers left as a cell's text is by default.
    "numbers-left": {"numbers": None},
    "all-centred": {"labels": WD_ALIGN_PARAGRAPH.CENTER, "numbers": WD_ALIGN_PARAGRAPH.CENTER},
    # Type this large needs the whole width of the page for 表三's ten columns.
    # widths across the page.
    "body-size": {"body": 16, "cells": 16, "narrow": True,
                  "grid": [Cm(1.2), Cm(2.4), Cm(5.0)] + [Cm(1.4)] * 7},
}
DEFAULT_STYLE = dict(STYLE)

sources = []
if SHAPES:
    for shape, changes in SHAPE_STYLES.items():
        STYLE.clear()
        STYLE.update(DEFAULT_STYLE, **changes)
        narrow = STYLE.pop("narrow", False)
        for variant in ("clean", "broken-table3-column"):
            sources.append(report(f"{shape}-{variant}", narrow=narrow, **VARIANTS[variant]))
else:
    for variant, options in VARIANTS.items():
        sources.append(report(f"{variant}", **options))
        sources.append(report(f"{variant}-narrow", narrow=True, **options))

with tempfile.TemporaryDirectory() as profile:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir)] + [str(path) for path in sources],
        check=True, stdout=subprocess.DEVNULL)
print("written to", out_dir)
