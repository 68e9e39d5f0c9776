"""Builds fixtures/corpus/: reports written in the shapes real 政府信息公开工作年度报告 take (report
years 2008–2025, every issuer level, published as text, Markdown, web pages, Word and PDF), each
with a gold file (NAME.gold.toml) saying what was built into it and which findings a correct
checker gives on it.

Every report is made from one template and a few parameters (issuer, year, form, shape, defects),
so the corpus is reproducible; reports of 2008–2018 (SPECS_2007) from a template of their own, the
2007 text's items under the outlines offices used (build_2007). The numbers of tables 三 and 四 are chosen so that every identity of
the unified format holds; a defect then moves numbers on purpose, and the expected arithmetic
findings are worked out here from the final numbers with the same identities the format states.

usage: python3 tests/tools/make_corpus.py
needs: python-docx (pip install python-docx) for the Word files, and LibreOffice with a CJK font
(apt-get install -y libreoffice-writer-nogui fonts-noto-cjk) for the PDFs, printed from the Word
files with `soffice --headless --convert-to pdf`. Without soffice the PDFs already in the
directory are kept and the script says so. Every file comes out byte-identical on every run (the
Word files' dates and the PDFs' creation dates and identifiers are fixed).
"""
import datetime
import html
import io
import pathlib
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field

import docx
from docx.shared import Pt

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "fixtures/corpus"

# ---------------------------------------------------------------------------------------------
# Table 三: rows and their identities.

COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
NOTE3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (parent group, label, leaf key) in the order of the format; leaf key None = label row only.
OUTCOMES_2021 = [
    ("（一）予以公开", []),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", []),
    ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                  "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                  "7.属于行政执法案卷", "8.属于行政查询事项"]),
    ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息"]),
    ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
]
# The 2019 trial layout: (六)其他处理 is one row with no sub-items.
OUTCOMES_TRIAL = OUTCOMES_2021[:5] + [("（六）其他处理", [])]

NEW = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
HANDLED = "三、本年度办理结果"
TOTAL = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"


def outcome_leaves(trial):
    """(group, item) of every row that holds numbers under 三、本年度办理结果."""
    leaves = []
    for group, items in OUTCOMES_TRIAL if trial else OUTCOMES_2021:
        if items:
            leaves += [(group, item) for item in items]
        else:
            leaves.append((group, None))
    return leaves


class Table3:
    """The numbers of table 三 by row key: NEW, CARRIED_IN, (group, item), TOTAL, CARRIED_OUT."""

    def __init__(self, rng, trial, size):
        self.trial = trial
        self.leaves = outcome_leaves(trial)
        self.values = {}
        weights = {("（一）予以公开", None): 6, ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None): 2,
                   ("（四）无法提供", "1.本机关不掌握相关政府信息"): 3, ("（三）不予公开", "1.属于国家秘密"): 1,
                   ("（五）不予处理", "2.重复申请"): 1, ("（六）其他处理", "3.其他"): 1, ("（六）其他处理", None): 1}
        for leaf in self.leaves:
            w = weights.get(leaf, 0)
            self.values[leaf] = [rng.randint(0, size * w) if w and c < 2 else 0 for c in range(6)]
        self.values[CARRIED_OUT] = [rng.randint(0, 2), 0, 0, 0, 0, 0]
        self.values[CARRIED_IN] = [rng.randint(0, 2), 0, 0, 0, 0, 0]
        handled = [sum(self.values[leaf][c] for leaf in self.leaves) for c in range(6)]
        self.values[TOTAL] = handled
        new = [handled[c] + self.values[CARRIED_OUT][c] - self.values[CARRIED_IN][c] for c in range(6)]
        if min(new) < 0:
            self.values[CARRIED_IN] = [0] * 6
            new = [handled[c] + self.values[CARRIED_OUT][c] for c in range(6)]
        self.values[NEW] = new
        for key, row in self.values.items():
            self.values[key] = row + [sum(row)]

    def rows(self):
        return [NEW, CARRIED_IN] + self.leaves + [TOTAL, CARRIED_OUT]

    def broken(self):
        """The findings the format's identities give on these numbers: (rule, span text)."""
        v = self.values
        found = []
        for c in range(7):
            if v[NEW][c] + v[CARRIED_IN][c] != v[TOTAL][c] + v[CARRIED_OUT][c]:
                found.append(("table/balance", str(v[NEW][c])))
        for key in self.rows():
            if sum(v[key][:6]) != v[key][6]:
                found.append(("table/row-total", str(v[key][6])))
        for c in range(7):
            if sum(v[leaf][c] for leaf in self.leaves) != v[TOTAL][c]:
                found.append(("table/subtotal", str(v[TOTAL][c])))
        return found


REVIEW_BLOCKS = ["行政复议", "未经复议直接起诉", "复议后起诉"]


class Table4:
    def __init__(self, rng, size):
        self.values = []
        for _ in REVIEW_BLOCKS:
            outcomes = [rng.randint(0, size), rng.randint(0, 1), 0, rng.randint(0, 1)] if size else [0] * 4
            self.values += outcomes + [sum(outcomes)]

    def broken(self):
        return [("table/review-total", str(self.values[b * 5 + 4]))
                for b in range(3) if sum(self.values[b * 5:b * 5 + 4]) != self.values[b * 5 + 4]]


# ---------------------------------------------------------------------------------------------
# Tables as grids of cells with HTML semantics: each row a list of Cell; a merged cell is written
# once, in its first row and column.

@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def grid_table2(trial, rng):
    rows = []
    def block(item, header, body):
        width = 4
        rows.append([Cell(f"第二十条第（{item}）项", colspan=width)])
        rows.append([Cell("信息内容")] + [Cell(h, colspan=width - len(header) if i == len(header) - 1 else 1)
                                          for i, h in enumerate(header)])
        for label, values in body:
            rows.append([Cell(label)] + [Cell(str(v), colspan=width - len(values) if i == len(values) - 1 else 1)
                                         for i, v in enumerate(values)])
    n = lambda hi: rng.randint(0, hi)
    if trial:
        block("一", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
              [("规章", [0, 0, 0]), ("规范性文件", [k := n(5), k, k + n(30)])])
        block("五", ["上一年项目数量", "本年增/减", "处理决定数量"],
              [("行政许可", [n(80), n(5), n(400)]), ("其他对外管理服务事项", [n(10), 0, n(50)])])
        block("六", ["上一年项目数量", "本年增/减", "处理决定数量"],
              [("行政处罚", [n(60), 0, n(300)]), ("行政强制", [n(10), 0, n(20)])])
        block("八", ["上一年项目数量", "本年增/减"], [("行政事业性收费", [n(5), 0])])
        block("九", ["采购项目数量", "采购总金额"], [("政府集中采购", [n(20), f"{n(900)}.{n(9)}"])])
    else:
        block("一", ["本年制发件数", "本年废止件数", "现行有效件数"],
              [("规章", [0, 0, 0]), ("行政规范性文件", [n(6), n(2), 6 + n(30)])])
        block("五", ["本年处理决定数量"], [("行政许可", [n(900)])])
        block("六", ["本年处理决定数量"], [("行政处罚", [n(500)]), ("行政强制", [n(30)])])
        block("八", ["本年收费金额（单位：万元）"], [("行政事业性收费", [f"{n(90)}.{n(99):02d}" if n(1) else 0])])
    return rows


def grid_table3(t3, variant="standard"):
    """Table 三 as a Word-made web page draws it. Variants (seen in pages exported from Word):
    `short-span`: the merged 三、本年度办理结果 cell ends rows before its items do;
    `split-span`: that cell is two merged cells, the second empty;
    `parent-row`: the group labels (（三）不予公开 …) are not merged over their items, so the
    later items' rows have one cell fewer."""
    v = t3.values
    numbers = lambda key: [Cell(str(x)) for x in v[key]]
    rows = [
        [Cell(NOTE3, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(c) for c in COLUMNS[1:6]],
        [Cell(NEW, colspan=3)] + numbers(NEW),
        [Cell(CARRIED_IN, colspan=3)] + numbers(CARRIED_IN),
    ]
    handled_rows = []
    groups = OUTCOMES_TRIAL if t3.trial else OUTCOMES_2021
    for group, items in groups:
        if not items:
            handled_rows.append([Cell(group, colspan=2)] + numbers((group, None)))
            continue
        for i, item in enumerate(items):
            row = [Cell(item)] + numbers((group, item))
            if i == 0:
                row.insert(0, Cell(group, rowspan=1 if variant == "parent-row" else len(items)))
            handled_rows.append(row)
    handled_rows.append([Cell(TOTAL, colspan=2)] + numbers(TOTAL))
    span = len(handled_rows)
    if variant == "short-span":
        handled_rows[0].insert(0, Cell(HANDLED, rowspan=span - 6))
    elif variant == "split-span":
        half = span // 2
        handled_rows[0].insert(0, Cell(HANDLED, rowspan=half))
        handled_rows[half].insert(0, Cell("", rowspan=span - half))
    else:
        handled_rows[0].insert(0, Cell(HANDLED, rowspan=span))
    rows += handled_rows
    rows.append([Cell(CARRIED_OUT, colspan=3)] + numbers(CARRIED_OUT))
    return rows


def grid_table4(t4):
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [Cell(o, rowspan=2) for o in outcomes] + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        [Cell(o) for o in outcomes * 2],
        [Cell(str(x)) for x in t4.values],
    ]


# ---------------------------------------------------------------------------------------------
# A report: its parameters, its blocks, and its gold.

SECTIONS = [
    ("overview", "一", "总体情况", "required/overview"),
    ("active", "二", "主动公开政府信息情况", "required/active-disclosure"),
    ("requests", "三", "收到和处理政府信息公开申请情况", "required/requests"),
    ("review", "四", "政府信息公开行政复议、行政诉讼情况", "required/review-litigation"),
    ("problems", "五", "存在的主要问题及改进情况", "required/problems"),
    ("other", "六", "其他需要报告的事项", "required/other-matters"),
]
NUMERALS = "一二三四五六七八九十"

PERIODS = {
    # key: the sentence, {y} the year the period names
    "standard": "本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "plain": "本报告所列数据统计期限为{y}年1月1日至{y}年12月31日。",
    "covers": "本报告内容涵盖{y}年1月1日至12月31日期间本机关政府信息公开工作情况。",
    "from-to": "本报告统计数据从{y}年1月1日至{y}年12月31日止。",
    "cycle": "本报告统计周期为{y}年1月1日—{y}年12月31日。",
    "range": "报告中所列数据的时间范围为{y}年1月1日至{y}年12月31日。",
    "spaced": "本报告中所列数据的统计期限为{y} 年 1 月 1 日至 {y} 年 12 月 31 日。",
    "dash": "本报告统计时间段为{y}年1月1日至12月31日。",
    "limit": "本报告所列数据统计时限为{y}年1月1日起至{y}年12月31日止。",
    "term": "本报告所列数据的时间期限为{y}年1月1日至{y}年12月31日。",
    "nokey": "本报告所列数据为{y}年1月1日至{y}年12月31日。",
    "comma": "本报告所列统计数据的期限自{y}年1月1日起，至{y}年12月31日止。",
}


@dataclass
class Spec:
    name: str
    form: str                 # txt, md, html, docx, pdf
    issuer: str
    kind: str                 # government | department
    level: str                # province, city, county, district, township, department
    year: int
    published: tuple          # (y, m, d)
    shape: str = "pipes"      # how tables and headings come out; see render_* below
    period: str | None = "standard"
    period_year: int | None = None
    contact: bool = True
    missing: tuple = ()       # section keys left out on purpose
    trial: bool | None = None  # table layout; default: the report year's
    t3_size: int = 3
    t3_defect: str | None = None
    t4_defect: bool = False
    t3_variant: str = "standard"
    seed: int = 0
    traditional: bool = False
    fullwidth: bool = False
    note: str = ""
    expect: list = field(default_factory=list)    # extra expected findings: (rule, severity)
    allow: list = field(default_factory=list)     # findings a correct checker may or may not give
    five_sections: bool = False                   # 五 and 六 merged under one heading
    demote_review: bool = False                   # 四 written as （四） under 三, 五 and 六 renumbered
    extra_section: bool = False
    captions: str | None = None                   # "section" (表二/三/四) or "own" (表一/二/三)
    date_style: str = "signature"                 # signature | meta; 2007 also meta-time | dotted | chinese | none
    contact_style: str = "preamble"               # preamble | end | lines; 2007 also local | ask | address
    wording: dict = field(default_factory=dict)   # section key → the heading's words, a variant
    tables_missing: bool = False                  # tables published as images: headings only
    slash_cells: bool = False                     # `/` for "none" in table 二's empty cells
    preamble_in_one: bool = False                 # the preamble stands under 一、总体情况
    traps: bool = False                           # text a checker must not misread (see build)
    meta_table: bool = False                      # web page: a 索引号/发布机构/发布日期 table atop the article
    title_in_body: bool = True                    # web page: the title inside the article, or
                                                  # only in the page's heading outside it
    # 2007-text reports (report years 2008–2018) only; see build_2007
    outline: str = "standard"                     # how the 2007 items are headed (OUTLINES_2007)
    title_style: str = "standard"                 # standard | two-lines | no-issuer | summary
    requests_table: bool = False                  # a free-form 申请情况 table under 依申请公开
    appendix: bool = False                        # a 附表 of statistics at the end
    list_parts: bool = False                      # the preamble lists all seven parts, present or not
    requests_count: int = 0                       # requests received (0: a sentence saying none)
    sentence_style: int | None = None             # which 收费 and 复议 sentences (default: by seed)


def deadline(spec):
    return (spec.year + 1, 1, 31) if spec.kind == "department" else (spec.year + 1, 3, 31)


def build(spec):
    rng = random.Random(spec.seed)
    trial = spec.trial if spec.trial is not None else spec.year <= 2020
    t3 = Table3(rng, trial, spec.t3_size)
    t4 = Table4(rng, 1 if spec.seed % 3 == 0 else 0)
    t2 = grid_table2(trial, rng)
    defect_t3(spec, t3)
    if spec.t4_defect:
        t4.values[4] += 1
    t3_grid = grid_table3(t3, spec.t3_variant)
    if spec.slash_cells:
        # `/` for "none": in table 二 (no finding: the blank-cells note is for tables 三 and 四)
        # and in one all-zero row of table 三 (one note for the table)
        for row in t2 + t3_grid:
            if row[0].text in ("规章", "8.属于行政查询事项"):
                for cell in row[1:]:
                    cell.text = "/"
    y = spec.year
    we = "我局" if spec.kind == "department" else ("我镇" if spec.level == "township" else
                                                  "我区" if spec.level == "district" else
                                                  "我县" if spec.level == "county" else
                                                  "我省" if spec.level == "province" else "我市")
    office = spec.issuer + ("办公室" if spec.kind == "department" else "政务公开办公室")
    title = f"{spec.issuer}{y}年政府信息公开工作年度报告"
    blocks = [("title", title)]
    py, pm, pd = spec.published
    if spec.date_style == "meta":
        blocks.append(("meta", f"发布日期：{py}-{pm:02d}-{pd:02d}"))
    intro = ("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作"
             "年度报告格式》要求编制")
    if spec.seed % 2 == 0:
        # some reports list their parts in the intro (only the parts they have)
        listed = [s[2] for s in SECTIONS if s[0] not in spec.missing and not (spec.five_sections and s[0] == "other")]
        intro += "，全文包括" + "、".join(listed)
    intro += "。"
    if spec.period:
        intro += PERIODS[spec.period].format(y=spec.period_year or y)
    intro += f"本报告电子版可在{spec.issuer}门户网站下载。"
    phone = f"0{rng.randint(310, 998)}-{rng.randint(2000000, 8999999)}"
    address = f"{spec.issuer[:3]}人民路{rng.randint(1, 300)}号"
    contact_lines = []
    if spec.contact and spec.contact_style == "preamble":
        intro += f"如对本报告有疑问，请与{office}联系（地址：{address}，电话：{phone}）。"
    else:
        intro += f"如对本报告有疑问，请与{office}联系。"
        if spec.contact and spec.contact_style == "lines":
            contact_lines = [("para", f"地址：{address}；"), ("para", f"邮编：{rng.randint(100000, 899999)}；"),
                             ("para", f"电话：{phone}；"), ("para", "电子邮箱：gongkai@example.gov.cn")]
    preamble = [("para", intro)] + contact_lines
    if not spec.preamble_in_one:
        blocks += preamble
    requests_total = t3.values[NEW][6]
    bodies = {
        "overview": [
            ("sub", "（一）主动公开"),
            ("para", f"{y}年，{we}围绕中心工作，通过门户网站主动公开政府信息{rng.randint(120, 2400)}条，"
                     f"及时发布政策文件、工作动态和重点领域信息。"),
            ("sub", "（二）依申请公开"),
            ("para", f"{y}年{we}共收到政府信息公开申请{requests_total}件，均在法定期限内答复。"),
            ("sub", "（三）政府信息管理"),
            ("para", "严格落实公开前保密审查，动态调整主动公开基本目录，及时清理过期信息。"),
            ("sub", "（四）平台建设"),
            ("para", "优化政府信息公开专栏，做好政务新媒体与门户网站的信息同步发布。"),
            ("sub", "（五）监督保障"),
            ("para", "将政务公开工作纳入年度考核，组织业务培训两次，全年未发生责任追究情况。"),
        ] + ([
            # a second span that is not the period, last year's year in prose, and a sub-point
            # carrying section 四's words: none of them is a defect
            ("sub", "（六）因政府信息公开申请的行政复议、行政诉讼情况"),
            ("para", f"{y}年1月1日起至{y}年12月31日止，{we}政府信息公开工作未被申请行政复议。"
                     f"截至{y - 1}年底，{we}已完成主动公开基本目录编制。"),
        ] if spec.traps else []),
        "active": [("table", "二", t2)],
        "requests": [("table", "三", t3_grid)],
        "review": [("table", "四", grid_table4(t4))],
        "problems": [
            ("para", f"{y}年，{we}政府信息公开工作取得了一定成效，但仍存在一些不足：一是政策解读形式较为单一；"
                     "二是基层公开标准目录更新不够及时。"),
            ("para", "下一步，我们将从以下方面改进：一是丰富图解、视频等解读形式；二是加强业务培训，"
                     "按季度检查更新公开目录。"),
        ],
        "other": [
            ("para", f"{y}年，{we}未收取政府信息公开信息处理费。"),
            ("para", f"{y}年度政务公开工作要点各项任务均已落实。"),
        ],
    }
    captions = {"own": {"二": "表一：主动公开政府信息情况", "三": "表二：收到和处理政府信息公开申请情况",
                        "四": "表三：政府信息公开行政复议、行政诉讼情况"},
                "section": {"二": "表二：主动公开政府信息情况", "三": "表三：收到和处理政府信息公开申请情况",
                            "四": "表四：政府信息公开行政复议、行政诉讼情况"}}
    number = 0
    present = [s for s in SECTIONS if s[0] not in spec.missing]
    for key, numeral, heading, _rule in present:
        if spec.five_sections and key == "other":
            continue
        if spec.demote_review and key == "review":
            blocks.append(("sub", f"（四）{heading}"))
            blocks += bodies[key]
            continue
        number += 1
        words = spec.wording.get(key, heading)
        if spec.five_sections and key == "problems":
            words = "存在的主要问题、改进情况及其他需要报告的事项"
        blocks.append(("heading", f"{NUMERALS[number - 1]}、{words}"))
        if key == "overview" and spec.preamble_in_one:
            blocks += preamble
        for block in bodies[key]:
            if block[0] == "table" and spec.tables_missing:
                continue
            if block[0] == "table" and spec.captions:
                blocks.append(("caption", captions[spec.captions][block[1]]))
            blocks.append(block)
        if spec.five_sections and key == "problems":
            blocks += bodies["other"]
    if spec.extra_section:
        number += 1
        blocks.append(("heading", f"{NUMERALS[number - 1]}、政务公开工作要点落实情况"))
        blocks.append(("para", f"{we}逐项落实年度政务公开工作要点，按期报送落实情况。"))
    if spec.contact and spec.contact_style == "end":
        blocks.append(("para", f"联系电话：{phone.replace('-', '—')}"))
    blocks.append(("sign", spec.issuer))
    if spec.date_style == "signature":
        blocks.append(("sign", f"{py}年{pm}月{pd}日"))
    return blocks, t3, t4


def defect_t3(spec, t3):
    v = t3.values
    if spec.t3_defect == "balance":
        # one more new request for natural persons, counted in the row total too
        v[NEW][0] += 1
        v[NEW][6] += 1
    elif spec.t3_defect == "row-total":
        # a request moved from 予以公开 to 部分公开 in the natural-person column only: the
        # columns still add up, the two rows' totals no longer do
        v[("（一）予以公开", None)][0] -= 1
        v[("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None)][0] += 1
    elif spec.t3_defect == "subtotal":
        # an outcome written twice: 予以公开 is 2 more than the total counts
        v[("（一）予以公开", None)][0] += 2
        v[("（一）予以公开", None)][6] += 2
    elif spec.t3_defect == "total-wrong":
        # （七）总计 written 2 too high in the total column only
        v[TOTAL][6] += 2
    elif spec.t3_defect == "outcomes-27":
        # the outcomes add to 27 in the total column against a （七）总计 of 21
        key = ("（一）予以公开", None)
        handled = sum(v[leaf][6] for leaf in t3.leaves)
        extra = 27 - handled
        total = 21
        v[key][0] += extra
        v[key][6] += extra
        shift = v[TOTAL][6] - total
        v[TOTAL][0] -= shift
        v[TOTAL][6] = total
        v[NEW][0] -= shift
        v[NEW][6] -= shift


def expected(spec, t3, t4):
    """The findings a correct checker gives: (rule, severity, span text or None)."""
    found = [(s[3], "error", None) for s in SECTIONS if s[0] in spec.missing]
    if spec.period is None:
        found.append(("period/missing", "warning", None))
    elif spec.period_year and spec.period_year != spec.year:
        found.append(("period/mismatch", "error", None))
    if not spec.contact:
        found.append(("contact/missing", "warning", None))
    if spec.published > deadline(spec):
        # Art. 49 sets no deadline below the county: a township's late date is a warning
        late = ("deadline/late-local", "warning") if gold_kind(spec) == "township" else ("deadline/late", "error")
        found.append((*late, None))
    trial = spec.trial if spec.trial is not None else spec.year <= 2020
    if trial and spec.year >= 2021:
        found.append(("table/layout", "warning", None))
    if spec.tables_missing:
        # one finding for the missing tables, and each of the three sections is empty
        found += [("table/layout", "warning", None)] + [("section/empty", "warning", None)] * 3
    else:
        found += [(rule, "error", text) for rule, text in t3.broken() + t4.broken()]
    if spec.slash_cells:
        found.append(("table/blank-cells", "info", None))
    found += [(rule, severity, None) for rule, severity in spec.expect]
    return found


# ---------------------------------------------------------------------------------------------
# Renderers

def cells_of(grid):
    return [[c.text for c in row] for row in grid]


def dense(grid):
    """The grid with every position filled: a merged cell's text in its first position, "" in
    the others (as converters write Markdown tables)."""
    width = sum(c.colspan for c in grid[0])
    out, pending = [], {}
    for row in grid:
        line, cells, col = [], list(row), 0
        while col < width or cells:
            if pending.get(col):
                pending[col] -= 1
                line.append("")
                col += 1
                continue
            if not cells:
                break
            c = cells.pop(0)
            for k in range(c.colspan):
                line.append(c.text if k == 0 else "")
                if c.rowspan > 1:
                    pending[col + k] = c.rowspan - 1
            col += c.colspan
        out.append(line)
    return out


GROUP_LABELS = {HANDLED} | {group for group, items in OUTCOMES_2021 if items}


def text_lines(spec, blocks):
    """Plain text as copied from a page or saved by a converter. Shapes: `pipes` (table rows
    `|`-separated, merged cells once), `pipes-parent-alone` (a merged group label on a row of its
    own above its items), `cells` (one cell per line), `cells-bar` (one cell per line, each
    followed by ` |`), `cells-split-parent` (one cell per line, group labels broken after their
    number: `（三）` ⏎ `不予公开`)."""
    lines = []
    for block in blocks:
        kind = block[0]
        if kind == "table":
            grid = block[2]
            if spec.shape.startswith("cells"):
                for row in cells_of(grid):
                    for cell in row:
                        if spec.shape == "cells-bar":
                            lines.append(cell + " |")
                        elif spec.shape == "cells-split-parent" and cell in GROUP_LABELS and cell.startswith("（"):
                            lines += [cell[:3], cell[3:]]
                        else:
                            lines.append(cell)
            elif spec.shape == "pipes-parent-alone":
                width = sum(c.colspan for c in grid[0])
                for row in cells_of(grid):
                    while row and row[0] in GROUP_LABELS:
                        lines.append(row.pop(0) + " |")
                    lines.append(" | ".join(row) + " |" * max(0, width - len(row)))
            elif spec.shape in ("spaces", "wrapped"):
                lines += aligned(grid)
            else:
                # a merged cell once, each row padded at its end to the table's width
                # (`行政许可 | 356 | |`), as a page's table comes out when copied
                width = sum(c.colspan for c in grid[0])
                for row in grid:
                    cells = [c.text for c in row]
                    pad = width - len(cells)
                    lines.append(" | ".join(cells) + (" |" + "|" * (pad - 1) if pad > 0 else ""))
            lines.append("")
        elif kind in ("heading",):
            lines += ["", block[1]]
        elif kind == "title" and (spec.shape in ("spaces", "wrapped") or spec.title_style == "two-lines"):
            # the title over two lines: the issuer, then the rest
            lines += [spec.issuer, block[1][len(spec.issuer):], ""]
        elif kind == "para" and spec.shape == "wrapped":
            lines += wrap("　　" + block[1])
        else:
            lines.append(block[1])
    if spec.shape == "wrapped":
        # page footers every PAGE lines, as text out of a PDF has them
        paged = []
        for i in range(0, len(lines), PAGE):
            paged += lines[i:i + PAGE] + ["", f"- {i // PAGE + 1} -", ""]
        lines = paged
    return "\n".join(lines) + "\n"


WRAP, PAGE = 68, 44


def display_width(text):
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def wrap(text):
    """A paragraph filled to WRAP columns (a Chinese character two, a digit one), as printed."""
    lines, line = [], ""
    for ch in text:
        # closing punctuation never starts a printed line: it overhangs the margin instead
        if display_width(line + ch) > WRAP and ch not in "，。；：、）》”":
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def aligned(grid):
    """A table as text out of a PDF (`pdftotext -layout`): each row on a line, columns aligned by
    spaces, a merged cell's text once, in its first column."""
    rows = dense(grid)
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    widths = [min(24, max(display_width(r[c]) for r in rows)) for c in range(width)]
    out = []
    for r in rows:
        line = ""
        for c, cell in enumerate(r):
            line += cell + " " * max(2, widths[c] - display_width(cell) + 2)
        out.append(line.rstrip())
    return out


def flat_text(spec, blocks):
    """Text saved by a crawler with no line breaks at all: headings inline, table cells run
    together with no separators."""
    parts = []
    for block in blocks:
        if block[0] == "table":
            parts.append("".join("".join(row) for row in cells_of(block[2])))
        elif block[0] == "title":
            parts.append(block[1] + " ")
        else:
            parts.append(block[1])
    return "".join(parts) + "\n"


def markdown(spec, blocks):
    """Markdown as common converters write it. Shapes: `md` (## sections, ### subsections),
    `md-mixed` (section headings at ##, ### and ####, 一是/二是 points as #### headings),
    `md-bold` (section headings as bold lines), `md-split` (each table split in pieces of a few rows, each piece repeating the column-name
    row as its header, as converters do at page breaks)."""
    lines = []
    level_cycle = ["##", "###", "##", "####", "###", "##", "##"]
    section = 0
    for block in blocks:
        kind = block[0]
        if kind == "title":
            lines += [f"# {block[1]}", ""]
        elif kind == "heading" and spec.shape == "md-bold":
            lines += [f"**{block[1]}**", ""]
        elif kind == "heading":
            mark = level_cycle[section] if spec.shape == "md-mixed" else "##"
            section += 1
            lines += [f"{mark} {block[1]}", ""]
        elif kind == "sub":
            mark = "####" if spec.shape == "md-mixed" else "###"
            lines += [f"{mark} {block[1]}", ""]
        elif kind == "table":
            rows = dense(block[2])
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            pieces = [rows]
            if spec.shape == "md-split" and len(rows) > 8:
                # the header row a converter repeats: the last header row of the table
                header = rows[2] if block[1] == "三" else rows[0]
                pieces = [rows[:9]] + [[header] + rows[i:i + 8] for i in range(9, len(rows), 8)]
            for piece in pieces:
                lines.append("| " + " | ".join(piece[0]) + " |")
                lines.append("|" + "---|" * width)
                for r in piece[1:]:
                    lines.append("| " + " | ".join(r) + " |")
                lines.append("")
        elif kind == "para" and spec.shape == "md-mixed" and "一是" in block[1]:
            head, _, rest = block[1].partition("一是")
            points = ("一是" + rest).replace("；二是", "。\n\n#### 二是")
            lines += [head, "", "#### " + points, ""]
        elif kind == "caption":
            lines += [f"**{block[1]}**", ""]
        else:
            lines += [block[1], ""]
    return "\n".join(lines)


PAGE_HEAD = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}</title>
<link rel="stylesheet" href="/css/main.css"></head>
<body>
<div class="header"><a href="/">{site}</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a> <a href="/bsfw/">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="content">
{h1}
<div class="art-info">{meta}<span>来源：{issuer}</span> <span>字号：大 中 小</span></div>
<div class="TRS_Editor" id="zoom">
"""
PAGE_TAIL = """</div>
<div class="art-tools">【打印本页】【关闭窗口】</div>
<div class="art-near"><p>上一篇：{issuer}{prev}年政府信息公开工作年度报告</p><p>下一篇：无</p></div>
</div>
<div class="footer"><p>主办：{site} 网站标识码：0000000000</p><p>地址：{issuer}政务服务中心 电话（网站）：0000-0000000</p></div>
</body></html>
"""


def html_page(spec, blocks):
    """A web page as a government site publishes it, the report pasted from Word: paragraphs
    with inline styles, tables with merged cells, navigation and footer around it."""
    title = blocks[0][1]
    meta = ""
    body = []
    for block in blocks[1:]:
        kind = block[0]
        if kind == "meta":
            meta = f"<span>{html.escape(block[1])}</span> "
        elif kind == "table":
            body.append('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">')
            for row in block[2]:
                tds = []
                for c in row:
                    attrs = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + \
                            (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                    tds.append(f'<td{attrs} valign="center"><p class="MsoNormal" align="center">'
                               f'<span style="font-family:宋体;font-size:9pt">{html.escape(c.text, quote=False)}</span></p></td>')
                body.append("<tr>" + "".join(tds) + "</tr>")
            body.append("</table>")
        elif kind == "heading":
            body.append(f'<p class="MsoNormal" style="text-indent:32pt"><b><span style="font-family:黑体">'
                        f'{html.escape(block[1], quote=False)}</span></b></p>')
        elif kind == "sign":
            body.append(f'<p class="MsoNormal" align="right" style="text-align:right">{html.escape(block[1], quote=False)}</p>')
        else:
            body.append(f'<p class="MsoNormal" style="text-indent:32pt"><span style="font-family:仿宋_GB2312">'
                        f'{html.escape(block[1], quote=False)}</span></p>')
    site = spec.issuer + "门户网站" if spec.kind == "government" else spec.issuer[:3] + "人民政府门户网站"
    if spec.meta_table:
        py, pm, pd = spec.published
        body.insert(0, '<table class="xxgk-meta" border="1"><tr><td>索引号</td><td>'
                       f'00000000-0/{spec.published[0]}-0012</td><td>发布机构</td><td>{html.escape(spec.issuer)}</td></tr>'
                       f'<tr><td>发布日期</td><td>{py}-{pm:02d}-{pd:02d}</td><td>有效性</td><td>有效</td></tr></table>')
    if spec.title_in_body:
        body.insert(0, f'<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22pt">'
                       f'{html.escape(title, quote=False)}</span></b></p>')
        h1 = ""
    else:
        h1 = f'<h1 class="art-title">{html.escape(title, quote=False)}</h1>'
    return (PAGE_HEAD.format(title=html.escape(title), site=site, meta=meta, issuer=spec.issuer, h1=h1)
            + "\n".join(body) + "\n" + PAGE_TAIL.format(issuer=spec.issuer, prev=spec.year - 1, site=site))


def word_document(spec, blocks, path):
    """A Word document as an office writes it: real Word tables with merged cells, the title
    centred, the page footer with a page number."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(docx.oxml.ns.qn("w:eastAsia"), "Noto Serif CJK SC")
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    for block in blocks:
        kind = block[0]
        if kind == "table":
            grid = block[2]
            positions = []  # (row, col, cell)
            width = sum(c.colspan for c in grid[0])
            taken = set()
            for r, row in enumerate(grid):
                col = 0
                for c in row:
                    while (r, col) in taken:
                        col += 1
                    positions.append((r, col, c))
                    for dr in range(c.rowspan):
                        for dc in range(c.colspan):
                            taken.add((r + dr, col + dc))
                    col += c.colspan
            table = document.add_table(rows=len(grid), cols=width)
            table.style = "Table Grid"
            for r, col, c in positions:
                cell = table.cell(r, col)
                if c.rowspan > 1 or c.colspan > 1:
                    end_r = min(r + c.rowspan - 1, len(grid) - 1)
                    end_c = min(col + c.colspan - 1, width - 1)
                    cell = cell.merge(table.cell(end_r, end_c))
                cell.text = c.text
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(7)
        elif kind == "title":
            p = document.add_paragraph()
            p.alignment = 1
            run = p.add_run(block[1])
            run.bold = True
            run.font.size = Pt(15)
        elif kind == "heading":
            p = document.add_paragraph()
            p.add_run(block[1]).bold = True
        elif kind == "sign":
            p = document.add_paragraph(block[1])
            p.alignment = 2
        else:
            document.add_paragraph(block[1])
    # fixed dates inside and on the zip entries, so a rebuilt file is byte-identical
    stamp = datetime.datetime(spec.published[0], spec.published[1], spec.published[2])
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.core_properties.last_printed = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))


# ---------------------------------------------------------------------------------------------
# Script and digit forms

def simplified_to_traditional():
    """Simplified → Traditional, the inverse of the table ogilint reads Traditional with, kept
    only where the Traditional character reads back as the same Simplified one."""
    table = {}
    for line in (ROOT / "data/opencc/TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        trad, simp = line.split("\t")
        first = simp.split(" ")[0]
        if first != trad and first not in table:
            table[first] = trad
    return table


def to_traditional(text, table):
    return "".join(table.get(ch, ch) for ch in text)


def to_fullwidth_digits(text):
    return "".join(chr(ord(ch) - 0x30 + 0xFF10) if "0" <= ch <= "9" else ch for ch in text)


# ---------------------------------------------------------------------------------------------
# Gold

def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gold_kind(spec):
    """The issuer kind a correct checker reads: townships and streets are their own kind."""
    return "township" if spec.kind == "government" and spec.level == "township" else spec.kind


def issuer_level(spec):
    """The administrative level of the issuer (a department's is its government's)."""
    if spec.level != "department":
        return spec.level
    for mark, level in (("省", "province"), ("市", "city"), ("区", "district"), ("县", "county")):
        if mark in spec.issuer[:4]:
            return level
    return "city"


def gold(spec, blocks, t3, t4, found):
    trial = spec.trial if spec.trial is not None else spec.year <= 2020
    present = [s[0] for s in SECTIONS if s[0] not in spec.missing]
    balance = not any(r == "table/balance" for r, _, _ in found)
    lines = [
        f"# Gold for {spec.name}.{spec.form}: what was built into it (tests/tools/make_corpus.py).",
        f"# {spec.note}" if spec.note else None,
        "",
        "[[document]]",
        f"title = {toml_string(blocks[0][1])}",
        f"issuer-kind = {toml_string(gold_kind(spec))}",
        f"level = {toml_string(issuer_level(spec))}",
        f"report-year = {spec.year}",
        f"form = {toml_string(spec.form)}",
        f"shape = {toml_string(spec.shape)}",
        f"table-layout = {toml_string('2019-trial' if trial else '2021')}",
        "sections = [" + ", ".join(toml_string(s) for s in present) + "]",
        f"period = {'true' if spec.period else 'false'}",
    ]
    if spec.period:
        lines.append(f"period-year = {spec.period_year or spec.year}")
    lines += [
        f"contact = {'true' if spec.contact else 'false'}",
        f'published = "{spec.published[0]}-{spec.published[1]:02d}-{spec.published[2]:02d}"',
        "",
        "[document.tables]",
        f'balance = "{"balanced" if balance else "broken"}"',
        f'row-total = "{"broken" if any(r == "table/row-total" for r, _, _ in found) else "balanced"}"',
        f'subtotal = "{"broken" if any(r == "table/subtotal" for r, _, _ in found) else "balanced"}"',
        f'review-total = "{"broken" if any(r == "table/review-total" for r, _, _ in found) else "balanced"}"',
        "",
    ]
    for rule, severity, text in found:
        lines += ["[[document.expect]]", f"rule = {toml_string(rule)}", f"severity = {toml_string(severity)}"]
        if text is not None:
            lines.append(f"text = {toml_string(text)}")
        lines.append("")
    for rule, severity, why in spec.allow:
        lines += ["[[document.allow]]", f"rule = {toml_string(rule)}", f"severity = {toml_string(severity)}",
                  f"why = {toml_string(why)}", ""]
    return "\n".join(l for l in lines if l is not None)


# ---------------------------------------------------------------------------------------------
# The corpus

D, G = "department", "government"
UNSURE_TABLE = ("table/unreadable", "info", "flattened table cells cannot be told apart: one info finding is right")

SPECS = [
    # plain text, | rows
    Spec("2021-qinghe-shi-gov", "txt", "青河市人民政府", G, "city", 2021, (2022, 3, 28), seed=11,
         note="city government, | table rows, no defect"),
    Spec("2022-lanxi-xian-shuiwu", "txt", "兰溪县水务局", D, "department", 2022, (2023, 1, 18), shape="cells",
         seed=12, note="county department, tables one cell per line (a web page copied), no defect"),
    Spec("2019-yunling-sheng-gov", "txt", "云岭省人民政府", G, "province", 2019, (2020, 3, 20), seed=13,
         note="provincial government, 2019 trial table layout, no defect"),
    Spec("2020-baisha-qu-gov", "txt", "白沙区人民政府", G, "district", 2020, (2021, 3, 15), period="covers",
         seed=14, note="district government, trial layout, period phrased 本报告内容涵盖…期间, no defect"),
    Spec("2023-songxi-xian-gov", "txt", "松溪县人民政府", G, "county", 2023, (2024, 3, 22), period="cycle",
         captions="section", seed=15,
         note="county government, period as 统计周期, table captions numbered like the sections (表二/表三/表四), no defect"),
    Spec("2024-changting-shi-jiaoyu", "txt", "长亭市教育局", D, "department", 2024, (2025, 1, 24), period="range",
         captions="own", seed=16,
         note="city department, period as 所列数据的时间范围, captions 表一–表三 under sections 二–四, no defect"),
    Spec("2022-heping-zhen-gov", "txt", "和平镇人民政府", G, "township", 2022, (2023, 2, 10), period="spaced",
         shape="cells", seed=17, note="township government, spaces inside the period's dates, no defect"),
    Spec("2023-donghu-qu-sifa", "txt", "东湖区司法局", D, "department", 2023, (2024, 1, 26), period="plain",
         period_year=2022, seed=18, note="district department, period names the year before (period/mismatch)"),
    Spec("2021-xishan-xian-gov", "txt", "西山县人民政府", G, "county", 2021, (2022, 3, 30), period=None, seed=19,
         note="county government, no statistics period at all (period/missing)"),
    Spec("2022-nanping-shi-zhujian", "txt", "南屏市住房和城乡建设局", D, "department", 2022, (2023, 1, 30),
         missing=("problems",), seed=20, note="city department, section 五 left out (required/problems)"),
    Spec("2021-fengyang-xian-gov", "txt", "凤阳山县人民政府", G, "county", 2021, (2022, 3, 25), t3_defect="balance",
         t3_size=4, seed=21, note="county government, 表三 one new request too many (table/balance)"),
    Spec("2022-jinshui-shi-gov", "txt", "金水市人民政府", G, "city", 2022, (2023, 3, 29), t3_defect="row-total",
         t3_size=5, seed=22, note="city government, a request moved between two rows in one column only (table/row-total)"),
    Spec("2022-qingshi-zhen-trad", "txt", "青石鎮人民政府", G, "township", 2022, (2023, 3, 2), traditional=True,
         seed=23, note="township government in Traditional script, no defect"),
    Spec("2025-lianhua-zhen-fw", "txt", "莲花镇人民政府", G, "township", 2025, (2026, 1, 15), fullwidth=True,
         seed=24, note="township government, full-width digits throughout, no defect"),
    Spec("2024-taiping-jiedao", "txt", "太平街道办事处", G, "township", 2024, (2025, 4, 8), seed=25,
         note="street office (government), published 8 April (deadline/late)"),
    Spec("2023-beiyuan-qu-gov-extra", "txt", "北苑区人民政府", G, "district", 2023, (2024, 3, 18), extra_section=True,
         seed=26, note="district government with a seventh section after the six, no defect"),
    # text with no line breaks
    Spec("2021-jiangbei-qu-flat", "txt-flat", "江北区人民政府", G, "district", 2021, (2022, 3, 26), shape="flat",
         seed=27, allow=[UNSURE_TABLE], note="district government, text saved with no line breaks: headings inline, tables run together"),
    Spec("2023-shuiyuan-zhen-flat", "txt-flat", "水源镇人民政府", G, "township", 2023, (2024, 2, 5), shape="flat",
         period="plain", seed=28, allow=[UNSURE_TABLE], note="township government, no line breaks, no defect"),
    # Markdown
    Spec("2023-yunling-sheng-fagai", "md", "云岭省发展和改革委员会", D, "department", 2023, (2024, 1, 29),
         shape="md-mixed", seed=29, note="provincial department, Markdown headings at mixed levels, 一是/二是 points as headings, no defect"),
    Spec("2022-qinghe-shi-gov-split", "md", "青河市人民政府", G, "city", 2022, (2023, 3, 24), shape="md-split",
         seed=30, note="city government, tables split by a converter, each piece repeating the column-name row, no defect"),
    Spec("2020-lanxi-xian-minzheng", "md", "兰溪县民政局", D, "department", 2020, (2021, 1, 22), period="from-to",
         seed=31, note="county department, trial layout, period as 统计数据从…至…止, no defect"),
    Spec("2024-heping-shi-gov-cycle", "md", "和平市人民政府", G, "city", 2024, (2025, 3, 27), period="cycle",
         period_year=2023, seed=32, note="city government, 统计周期 names the year before (period/mismatch)"),
    Spec("2024-songxi-xian-caizheng", "md", "松溪县财政局", D, "department", 2024, (2025, 1, 20), shape="md-split",
         t3_defect="subtotal", seed=33, note="county department, split tables, 予以公开 counted twice (table/subtotal)"),
    Spec("2023-donghu-qu-gov-five", "md", "东湖区人民政府", G, "district", 2023, (2024, 3, 26), five_sections=True,
         seed=34, allow=[("format/section-numbering", "warning", "the merged section may be reported as numbering"),
                         ("format/heading-wording", "warning", "the merged heading departs from the format's words")],
         note="district government, five-section template: 五 and 六 merged under one heading, no content missing"),
    Spec("2022-jiangbei-zhen-five", "txt", "江北镇人民政府", G, "township", 2022, (2023, 3, 8), demote_review=True,
         seed=69, allow=[("format/section-numbering", "warning", "the renumbering is reported as numbering"),
                         ("format/heading-wording", "warning", "the renumbered headings may be reported as wording")],
         note="township government, five-section template: 四 written as （四） under 三, 五 and 六 renumbered 四 and 五; nothing missing"),
    Spec("2023-xishan-xian-wenlv", "md", "西山县文化和旅游局", D, "department", 2023, (2024, 1, 12), missing=("other",),
         seed=35, note="county department, section 六 left out (required/other-matters)"),
    Spec("2021-baisha-qu-gov-md", "md", "白沙区人民政府", G, "district", 2021, (2022, 3, 31), shape="md-mixed",
         missing=("overview",), seed=36, note="district government, mixed Markdown levels, section 一 left out (required/overview)"),
    # web pages
    Spec("2024-changting-shi-gov", "html", "长亭市人民政府", G, "city", 2024, (2025, 3, 20), date_style="meta",
         title_in_body=False, seed=37,
         note="city government page with navigation and footer, the title only in the page heading above the article, no defect"),
    Spec("2021-nanping-shi-shangwu", "html", "南屏市商务局", D, "department", 2021, (2022, 1, 25), t3_variant="short-span",
         seed=38, note="city department, Word-made page: the merged 三、本年度办理结果 cell ends before its items, no defect"),
    Spec("2022-fengyang-xian-gongan", "html", "凤阳山县公安局", D, "department", 2022, (2023, 1, 16), t3_variant="split-span",
         seed=39, note="county department, 三、本年度办理结果 split into two merged cells, no defect"),
    Spec("2023-jinshui-shi-ziran", "html", "金水市自然资源局", D, "department", 2023, (2024, 1, 31), t3_variant="parent-row",
         t3_defect="outcomes-27", t3_size=2, seed=40,
         note="city department, group labels share a row with their first item; outcomes add to 27 against a （七）总计 of 21"),
    Spec("2023-qingshi-xian-gov", "html", "青石县人民政府", G, "county", 2023, (2024, 3, 12), t4_defect=True,
         date_style="meta", seed=41, note="county government page, 表四 行政复议 total one too many (table/review-total)"),
    Spec("2019-beiyuan-shi-gov", "html", "北苑市人民政府", G, "city", 2019, (2020, 3, 31), seed=42,
         note="city government, 2019 trial layout, no defect"),
    Spec("2025-jiangbei-qu-weijian", "html", "江北区卫生健康委员会", D, "department", 2025, (2026, 1, 22), trial=True,
         seed=43, allow=[("table/layout", "warning", "the trial layout's columns and rows may be named one by one as well")],
         note="district department, a 2025 report in the 2019 trial layout (table/layout)"),
    # Word
    Spec("2021-shuiyuan-xian-gov", "docx", "水源县人民政府", G, "county", 2021, (2022, 3, 18), seed=44,
         note="county government, Word tables with merged cells, no defect"),
    Spec("2022-yunling-sheng-jiaotong", "docx", "云岭省交通运输厅", D, "department", 2022, (2023, 1, 28),
         contact=False, seed=45, note="provincial department, no phone or e-mail (contact/missing)"),
    Spec("2020-heping-xian-nongye", "docx", "和平县农业农村局", D, "department", 2020, (2021, 2, 10), seed=46,
         note="county department, trial layout, published 10 February (deadline/late)"),
    # PDF printed from Word by LibreOffice
    Spec("2023-qinghe-shi-gov-pdf", "pdf", "青河市人民政府", G, "city", 2023, (2024, 3, 26), seed=47,
         note="city government, PDF printed from Word, no defect"),
    Spec("2024-lanxi-xian-tongji", "pdf", "兰溪县统计局", D, "department", 2024, (2025, 2, 20), seed=48,
         note="county department, PDF, published 20 February (deadline/late)"),
    Spec("2021-baisha-zhen-pdf", "pdf", "白沙镇人民政府", G, "township", 2021, (2022, 3, 10), t3_defect="balance",
         seed=49, note="township government, PDF, table 三 does not balance (table/balance)"),
    Spec("2025-nanping-shi-gov-pdf", "pdf", "南屏市人民政府", G, "city", 2025, (2026, 3, 16), period="dash",
         seed=50, note="city government, PDF, period as 统计时间段, no defect"),
    # shapes from the catalogue of real reports: cells with trailing bars, parent labels alone,
    # split parent labels, periods without 统计期限, contact at the end or one element a line,
    # heading variants, tables published as images, `/` cells, preamble inside 一, and text a
    # checker must not misread
    Spec("2022-changting-xian-shichang", "txt", "长亭县市场监督管理局", D, "department", 2022, (2023, 1, 12),
         shape="cells-bar", period=None, contact=False, seed=51,
         note="county department, cells one per line each with a trailing bar; no period, no contact (both common)"),
    Spec("2023-xinqiao-zhen-gov", "txt", "新桥镇人民政府", G, "township", 2023, (2024, 1, 30), shape="cells-bar",
         period="limit", contact_style="lines", seed=52,
         note="township government, cells with trailing bars, period as 统计时限, contact one element per line"),
    Spec("2021-songxi-xian-renshe", "txt", "松溪县人力资源和社会保障局", D, "department", 2021, (2022, 1, 21),
         shape="pipes-parent-alone", seed=53, note="county department, | rows with each group label alone on its row, no defect"),
    Spec("2024-donghu-qu-gov", "txt", "东湖区人民政府", G, "district", 2024, (2025, 3, 25), shape="pipes-parent-alone",
         t3_defect="total-wrong", period=None, seed=54,
         note="district government, group labels alone on their rows, （七）总计 2 too high in the total column; no period"),
    Spec("2022-dongguan-jiedao", "txt", "东关街道办事处", G, "township", 2022, (2023, 2, 22), shape="cells-split-parent",
         period="term", contact=False, seed=55,
         note="street office, group labels broken after their number (（三） ⏎ 不予公开), period as 时间期限, no contact"),
    Spec("2020-jinshui-shi-huanbao", "txt", "金水市生态环境局", D, "department", 2020, (2021, 1, 28), period="nokey",
         contact_style="end", seed=56,
         note="city department, trial layout, period with no keyword (本报告所列数据为…), phone at the end with an em dash"),
    Spec("2023-qinghe-xian-tuiyi", "txt", "青河县退役军人事务局", D, "department", 2023, (2024, 1, 19), period="comma",
         wording={"active": "行政机关主动公开政府信息情况", "review": "因政府信息公开工作被申请行政复议、提起行政诉讼的情况"},
         allow=[("format/heading-wording", "warning", "a variant of the format's heading words (Article 50's own, or with 的); a gentle note at most")], seed=57,
         note="county department, headings in Article 50's words, period with a comma between its ends, no defect"),
    Spec("2024-shuiyuan-zhen-bold", "md", "水源镇人民政府", G, "township", 2024, (2025, 2, 14), shape="md-bold",
         contact=False, seed=58, note="township government, Markdown with bold section headings, no contact"),
    Spec("2022-baisha-shi-jiaotong", "html", "白沙市交通运输局", D, "department", 2022, (2023, 1, 17), tables_missing=True,
         allow=[("table/layout", "warning", "a table missing may be named block by block")], title_in_body=False, seed=59,
         note="city department, the three tables published as images: headings with nothing under them"),
    Spec("2019-fengyang-xian-tongji", "txt", "凤阳山县统计局", D, "department", 2019, (2020, 1, 20), slash_cells=True,
         period=None, seed=60, note="county department, trial layout, / for none in table 二, no period"),
    Spec("2025-beiyuan-qu-shuiwu", "txt", "北苑区水务局", D, "department", 2025, (2026, 1, 27), preamble_in_one=True,
         traps=True, seed=61,
         note="district department, preamble under 一、总体情况, a span sentence that is not the period, last year in prose, a sub-point with section 四's words: no defect"),
    Spec("2023-lanxi-shi-gov-traps", "html", "兰溪市人民政府", G, "city", 2023, (2024, 3, 29), traps=True,
         wording={"requests": "收到和处理政府信息公开的申请情况"}, allow=[("format/heading-wording", "warning", "a variant of the format's heading words (Article 50's own, or with 的); a gentle note at most")], seed=62,
         note="city government page, heading with 的, the traps of 2025-beiyuan-qu-shuiwu, no defect"),
    Spec("2021-xinqiao-zhen-docx", "docx", "新桥乡人民政府", G, "township", 2021, (2022, 2, 18), period=None,
         contact=False, seed=63, note="township government in Word, no period and no contact"),
    Spec("2022-songxi-xian-gov-pdf", "pdf", "松溪县人民政府", G, "county", 2022, (2023, 3, 30), t3_defect="total-wrong",
         seed=64, note="county government, PDF, （七）总计 2 too high in the total column"),
    Spec("2024-yunling-sheng-shuili-trad", "html", "雲嶺省水利廳", D, "province", 2024, (2025, 1, 23), traditional=True,
         period_year=2023, title_in_body=False, seed=65,
         note="provincial department, page in Traditional script, title only above the article, period names the year before (period/mismatch)"),
    Spec("2021-qingshi-shi-kejiao", "txt", "青石市科学技术局", D, "department", 2021, (2022, 1, 27), shape="spaces",
         seed=67, note="city department, text out of a PDF: title over two lines, tables as columns aligned by spaces, no defect"),
    Spec("2023-changting-zhen-wrapped", "txt", "长亭镇人民政府", G, "township", 2023, (2024, 3, 5), shape="wrapped",
         t3_defect="balance", seed=68,
         note="township government, text out of a PDF hard-wrapped with page footers, columns aligned by spaces; 表三 does not balance"),
    Spec("2024-qingshi-xian-minzheng", "html", "青石县民政局", D, "department", 2024, (2025, 1, 14), t3_variant="short-span",
         t3_defect="outcomes-27", t3_size=2, meta_table=True, date_style="meta", seed=70,
         note="county department page: the merged 三、本年度办理结果 cell ends before （七）总计; outcomes add to 27 against 21; metadata as a table atop the article"),
    Spec("2023-baisha-xiang-gov", "txt", "白沙乡人民政府", G, "township", 2023, (2024, 2, 27), tables_missing=True,
         period=None, contact=False, seed=71,
         allow=[("table/layout", "warning", "a table missing may be named block by block")],
         note="township government, text copied from a page whose tables were images: headings 二–四 with nothing under them; no period, no contact"),
    Spec("2020-heping-zhen-late", "txt", "和平镇人民政府", G, "township", 2020, (2021, 4, 6), shape="cells", seed=66,
         note="township government, trial layout, cells one per line, dated 6 April (deadline/late)"),
]


# ---------------------------------------------------------------------------------------------
# Reports of 2008–2018, under the 2007 text (Art. 31–32): no national outline and no unified
# tables. Six items must be covered (主动公开; 依申请公开和不予公开; 收费及减免; 复议诉讼; 主要问题及改进;
# 其他需要报告的事项), under headings worded each office's way or in sentences; tables, where there
# are any, are free-form (a 申请情况 table of counts, a 附表 of statistics).

ITEMS_2007 = ["overview", "active", "requests", "fees", "review", "problems", "other"]
ITEM_RULES_2007 = {"active": "required/active-disclosure", "requests": "required/requests",
                   "fees": "required/fees", "review": "required/review-litigation",
                   "problems": "required/problems", "other": "required/other-matters"}

# The heading words of each outline: `standard` follows Article 32's own words; the others are
# the wordings offices used.
WORDS_2007 = {
    "standard": {"overview": "概述", "active": "主动公开政府信息的情况",
                 "requests": "依申请公开政府信息和不予公开政府信息的情况", "fees": "政府信息公开的收费及减免情况",
                 "review": "因政府信息公开申请行政复议、提起行政诉讼的情况",
                 "problems": "政府信息公开工作存在的主要问题及改进情况", "other": "其他需要报告的事项"},
    "short": {"overview": "基本概况", "active": "主动公开情况", "requests": "依申请公开情况", "fees": "收费及减免情况",
              "review": "复议、诉讼和申诉情况", "problems": "存在的主要问题和改进措施", "other": "其他需要说明的事项"},
    "office": {"overview": "概述", "active": "政府信息主动公开情况", "requests": "政府信息依申请公开办理情况",
               "fees": "依申请信息公开收费情况", "review": "申请行政复议、提起行政诉讼情况",
               "problems": "存在的主要问题及下步工作措施", "other": "其他事项"},
    "spaced": {"overview": "概 述", "active": "政府信息主动公开情况", "requests": "政府信息依申请公开情况",
               "fees": "政府支出与收费", "review": "复议、诉讼和申诉情况", "problems": "存在的主要问题和改进措施",
               "other": "其他需要报告的事项"},
    "provincial": {"overview": "概述", "active": "主动公开政府信息以及公开平台建设情况", "requests": "公开申请的办理情况",
                   "fees": "政府信息公开收费及减免情况", "review": "因政府信息公开申请提起行政复议、诉讼的情况",
                   "problems": "政府信息公开工作存在的主要问题及改进措施", "other": "需要说明的事项与附表"},
}
# Outlines (how the items are laid out), each with the words it uses:
#   standard, short, office: one numbered heading per item;
#   unnumbered: headings without numbers, on lines of their own;
#   colon: numbered headings ending in a colon (`一、主动公开政府信息的情况：`);
#   three-part: 一 基本情况, 二 政府信息公开情况 with the items inline (`1、主动公开情况：全年…`), 三 问题;
#   sentences: 收费 and 复议 reported in sentences under 依申请公开, without headings of their own;
#   city-template: 依申请公开 with sub-points (申请情况, 申请处理情况, 依申请收费及减免情况), 咨询处理情况;
#   extra: sections of the office's own between the items (组织领导, 保密审查);
#   provincial: a province's template, nine parts, 其他事项 as 需要说明的事项与附表 with the 附表 under it;
#   spaced: a space for the numeral's mark (`一 概 述`), 咨询情况 after 依申请公开, fees as a spending
#   part (`政府支出与收费`) whose sub-points name no fee.
OUTLINE_WORDS = {"unnumbered": "short", "colon": "standard", "three-part": "standard", "sentences": "standard",
                 "city-template": "short", "extra": "office"}

PERIODS_2007 = {
    "standard": "本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "short-end": "数据统计期限为{y}年1月1日至12月31日止。",
    "from-to": "本报告统计数据从{y}年1月1日至{y}年12月31日止。",
    "limit": "报告中所列数据的统计时限为{y}年1月1日起至{y}年12月31日止。",
    "span": "本报告起止时间为{y}年1月1日至12月31日。",
    "covers": "本报告涵盖内容为{y}年1月1日至12月31日期间的政府信息公开工作情况。",
    "bare": "本报告所列数据自{y}年1月1日至{y}年12月31日。",
    "dash": "统计数据时间段：{y}年1月1日-{y}年12月31日。",
    "cutoff": "本报告的数据截止{y}年12月31日。",
    "paren": "（本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。）",
    "to": "本年度报告中所列数据的统计期限从{y}年1月1日到12月31日止。",
}

CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese_date(y, m, d):
    """A date in Chinese numerals, as signatures write it (二〇一二年三月二十日)."""
    def small(n):
        if n < 10:
            return CHINESE_DIGITS[n]
        return ("" if n < 20 else CHINESE_DIGITS[n // 10]) + "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    return "".join(CHINESE_DIGITS[int(c)] for c in str(y)) + f"年{small(m)}月{small(d)}日"


def requests_grid(rng, count):
    """A free-form table of the requests received and answered, as offices drew one."""
    in_person = rng.randint(0, count)
    online = count - in_person
    partly = rng.randint(0, count // 3)
    refused = rng.randint(0, (count - partly) // 4)
    rows = [[Cell("项目"), Cell("数量（件）")],
            [Cell("收到申请总数"), Cell(str(count))],
            [Cell("其中：当面申请"), Cell(str(in_person))],
            [Cell("网上申请"), Cell(str(online))],
            [Cell("答复总数"), Cell(str(count))],
            [Cell("同意公开"), Cell(str(count - partly - refused))],
            [Cell("同意部分公开"), Cell(str(partly))],
            [Cell("不予公开"), Cell(str(refused))]]
    return rows, (count - partly - refused, partly, refused)


def appendix_grid(active, count):
    return [[Cell("指标名称"), Cell("单位"), Cell("数量")],
            [Cell("主动公开政府信息数"), Cell("条"), Cell(str(active))],
            [Cell("其中：全文电子化信息数"), Cell("条"), Cell(str(active))],
            [Cell("收到申请数"), Cell("件"), Cell(str(count))],
            [Cell("对申请的答复数"), Cell("件"), Cell(str(count))],
            [Cell("行政复议数"), Cell("件"), Cell("0")],
            [Cell("行政诉讼数"), Cell("件"), Cell("0")],
            [Cell("依申请公开收取费用"), Cell("元"), Cell("0")]]


def build_2007(spec):
    """The blocks of a 2008–2018 report (see the section's comment)."""
    rng = random.Random(spec.seed)
    y = spec.year
    we = "我局" if spec.kind == "department" else ("我镇" if spec.issuer.endswith(("镇人民政府", "镇", "鎮人民政府")) else
                                                  "我乡" if "乡" in spec.issuer else
                                                  "我街道" if "街道" in spec.issuer else
                                                  "我区" if spec.level == "district" else
                                                  "我县" if spec.level == "county" else
                                                  "我省" if spec.level == "province" else "我市")
    office = spec.issuer + ("办公室" if spec.kind == "department" else "政府信息公开办公室")
    words = WORDS_2007[OUTLINE_WORDS.get(spec.outline, spec.outline)]
    present = [key for key in ITEMS_2007 if key not in spec.missing]
    title = {"standard": f"{spec.issuer}{y}年政府信息公开工作年度报告",
             "two-lines": f"{spec.issuer}{y}年政府信息公开工作年度报告",
             "annual": f"{spec.issuer}{y}年度政府信息公开年度报告",
             "no-issuer": f"{y}年政府信息公开工作年度报告",
             "summary": f"{spec.issuer}{y}年政府信息公开工作总结"}[spec.title_style]
    blocks = [("title", title)]
    py, pm, pd = spec.published
    if spec.date_style == "meta":
        blocks.append(("meta", f"发布日期：{py}-{pm:02d}-{pd:02d}"))
    elif spec.date_style == "meta-time":
        blocks.append(("meta", f"发布时间：{py}-{pm:02d}-{pd:02d} {rng.randint(8, 17)}:{rng.randint(10, 59)}"))
    elif spec.date_style == "dotted":
        blocks.append(("para", f"{py}.{pm:02d}.{pd:02d}"))
    intro = f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，特向社会公布{spec.issuer}{y}年度政府信息公开工作年度报告。"
    if spec.list_parts:
        # the parts as the template names them, whether or not the report then has them all
        intro += "全文包括" + "、".join(WORDS_2007["standard"][key] for key in ITEMS_2007) + "七个部分。"
    if spec.period:
        intro += PERIODS_2007[spec.period].format(y=spec.period_year or y)
    intro += f"本报告电子版可在{spec.issuer[:3]}政府门户网站下载。"
    phone = f"0{rng.randint(310, 998)}-{rng.randint(2000000, 8999999)}"
    local = f"{rng.randint(2000000, 8999999)}"
    address = f"{spec.issuer[:3]}人民路{rng.randint(1, 300)}号"
    postcode = f"{rng.randint(100000, 899999)}"
    contact_end = []
    if spec.contact:
        style = spec.contact_style
        if style == "preamble":
            intro += f"如对本报告有任何疑问，请与{office}联系（地址：{address}；邮编：{postcode}；电话：{phone}）。"
        elif style == "local":
            intro += f"如对本报告有任何疑问，请与{office}联系（电话：{local}）。"
        elif style == "ask":
            intro += f"如对本报告有任何疑问，请联系：{rng.randint(20000000, 89999999)}。"
        elif style == "end":
            contact_end = [("para", f"联系电话：{phone.replace('-', '—')}")]
        elif style == "lines":
            contact_end = [("para", f"地址：{address}"), ("para", f"邮编：{postcode}"), ("para", f"电话：{phone}")]
    elif spec.contact_style == "address":
        # an address and a postcode, no phone or e-mail: a reader cannot ask
        intro += f"如对本报告有任何疑问，请与{office}联系（地址：{address}；邮编：{postcode}）。"
    blocks.append(("para", intro))

    active = rng.randint(20, 900)
    kinds = rng.randint(1, max(1, active // 4))
    count = spec.requests_count
    style = spec.seed % 3 if spec.sentence_style is None else spec.sentence_style
    sentences = {
        "overview": f"{y}年，{we}认真贯彻落实《条例》，调整充实了政府信息公开工作领导小组，完善保密审查和信息发布制度，"
                    f"政府信息公开工作运行正常。",
        "active": f"{y}年，{we}通过门户网站、政务公开栏等渠道主动公开政府信息{active}条，其中规范性文件{kinds}条，"
                  f"工作动态类信息{active - kinds}条。",
        "requests": (f"{y}年，{we}未收到公民、法人或其他组织提出的政府信息公开申请，无不予公开的情况。" if count == 0 else
                     f"{y}年，{we}共受理政府信息公开申请{count}件，均在规定期限内答复。"),
        "fees": [f"{y}年，{we}在办理依申请公开工作中未收取任何费用。", "本年度没有发生政府信息公开收费及减免情况。",
                 "对依申请提供政府信息，未收取检索、复印、邮寄等费用。",
                 "依申请提供的政府信息一律免收费用。"][style],
        "review": [f"{y}年，{we}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
                   "全年收到有关政府信息公开的行政复议申请0件，行政诉讼0件。",
                   f"{y}年度，没有发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼案。",
                   f"全年发生因政府信息公开申请行政复议1件，{we}依法作出答复，复议机关维持原答复。"][style],
        "problems": f"{we}政府信息公开工作还存在一些不足：一是公开内容不够全面；二是信息更新不够及时。下一步，{we}将加强业务培训，"
                    f"规范公开流程，及时更新公开目录。",
        "other": ("本年度无需要说明的事项，统计数据见附表。" if spec.outline == "provincial" else
                  ["无。", "本年度无其他需要报告的事项。"][spec.seed % 2]),
    }
    table_blocks = []
    if spec.requests_table and count:
        grid, (agreed, partly, refused) = requests_grid(rng, count)
        sentences["requests"] += f"其中同意公开{agreed}件，同意部分公开{partly}件，不予公开{refused}件。具体情况见下表："
        table_blocks = [("table", "requests", grid)]
    if spec.outline == "city-template":
        bodies = {"requests": [("sub", "（一）申请情况"), ("para", sentences["requests"])] + table_blocks +
                              ([("sub", "（二）依申请收费及减免情况"), ("para", sentences["fees"])]
                               if "fees" in present else [])}
    else:
        bodies = {"requests": [("para", sentences["requests"])] + table_blocks}
    if spec.outline == "sentences":
        # 收费 and 复议 as sentences under 依申请公开, without headings
        bodies["requests"] += [("para", sentences[key]) for key in ("fees", "review") if key in present]
    headed = [key for key in present if not (spec.outline == "sentences" and key in ("fees", "review"))
              and not (spec.outline == "city-template" and key == "fees")]
    if spec.outline == "three-part":
        inline = [("active", "1、主动公开情况："), ("requests", "2、依申请公开情况："),
                  ("review", "3、申请行政复议、提起行政诉讼的情况："), ("fees", "4、政府信息公开的收费及减免情况：")]
        sections = [("基本情况", [("para", sentences["overview"])])]
        items = [("para", f"{label}{sentences[key]}") for key, label in inline if key in present]
        sections.append(("政府信息公开情况", items + table_blocks))
        if "problems" in present:
            sections.append(("存在的主要问题及改进情况", [("para", sentences["problems"])]))
        if "other" in present:
            sections.append(("其他需要报告的事项", [("para", sentences["other"])]))
    else:
        sections = []
        for key in headed:
            sections.append((words[key], bodies.get(key, [("para", sentences[key])])))
            if spec.outline in ("extra", "provincial") and key == "overview":
                sections.append(("组织领导和制度建设情况", [("para", f"{we}明确办公室为政府信息公开工作机构，配备兼职工作人员两名。")]))
            if spec.outline == "spaced" and key == "fees":
                sections[-1] = (words[key], [("sub", "（一）工作人员情况"), ("para", f"{we}有兼职工作人员两名。"),
                                             ("sub", "（二）经费情况"), ("para", "政府信息公开工作经费列入机关日常预算。")])
            if spec.outline in ("city-template", "spaced") and key == "requests":
                sections.append(("咨询处理情况", [("para", f"全年接待公众咨询{rng.randint(10, 300)}人次。")]))
        if spec.outline in ("extra", "provincial"):
            at = next((i for i, s in enumerate(sections) if s[0] == words["problems"]), len(sections))
            sections.insert(at, ("保密审查及监督检查情况", [("para", "严格执行公开前保密审查，全年未发生泄密事件。")]))
    for number, (heading, body) in enumerate(sections, start=1):
        if spec.outline == "unnumbered":
            blocks.append(("heading", heading))
        elif spec.outline == "spaced":
            blocks.append(("heading", f"{NUMERALS[number - 1]} {heading}"))
        elif spec.outline == "colon":
            blocks.append(("heading", f"{NUMERALS[number - 1]}、{heading}："))
        else:
            blocks.append(("heading", f"{NUMERALS[number - 1]}、{heading}"))
        blocks += body
    if spec.appendix:
        blocks += [("caption", "附表：政府信息公开情况统计表"), ("table", "appendix", appendix_grid(active, count))]
    blocks += contact_end
    if spec.date_style in ("signature", "chinese"):
        blocks.append(("sign", spec.issuer))
        blocks.append(("sign", f"{py}年{pm}月{pd}日" if spec.date_style == "signature" else chinese_date(py, pm, pd)))
    return blocks


def expected_2007(spec):
    """The findings a correct checker gives on a 2008–2018 report: (rule, severity, span text or None)."""
    # A missing item of the 2007 text is a warning: there was no national outline to hold it to
    found = [(ITEM_RULES_2007[key], "warning", None) for key in ITEMS_2007 if key in spec.missing and key != "overview"]
    if spec.period is None:
        found.append(("period/missing", "warning", None))
    elif spec.period_year and spec.period_year != spec.year:
        found.append(("period/mismatch", "error", None))
    if not spec.contact:
        found.append(("contact/missing", "warning", None))
    # Article 31 of the 2007 text: by 31 March, departments and governments alike; a page date
    # two years or more after the report year is the page's, not the report's (see the note)
    if spec.published > (spec.year + 1, 3, 31) and spec.published[0] <= spec.year + 1 and spec.date_style != "none":
        found.append(("deadline/late", "error", None))
    if spec.title_style == "summary":
        found.append(("title/not-annual-report", "warning", None))
    found += [(rule, severity, None) for rule, severity in spec.expect]
    return found


def gold_2007(spec, blocks, found):
    present = [key for key in ITEMS_2007 if key not in spec.missing]
    title = blocks[0][1]
    lines = [
        f"# Gold for {spec.name}.{'txt' if spec.form == 'txt-flat' else spec.form}: what was built into it (tests/tools/make_corpus.py).",
        f"# {spec.note}" if spec.note else None,
        "",
        "[[document]]",
        f"title = {toml_string(title)}",
    ]
    if spec.title_style != "no-issuer":
        lines.append(f"issuer-kind = {toml_string(gold_kind(spec))}")
    lines += [
        f"level = {toml_string(issuer_level(spec))}",
        f"report-year = {spec.year}",
        f"form = {toml_string(spec.form)}",
        f"shape = {toml_string(spec.outline)}",
        'regulation = "2007"',
        "sections = [" + ", ".join(toml_string(s) for s in present) + "]",
        f"period = {'true' if spec.period else 'false'}",
    ]
    if spec.period:
        lines.append(f"period-year = {spec.period_year or spec.year}")
    lines.append(f"contact = {'true' if spec.contact else 'false'}")
    if spec.date_style != "none":
        lines.append(f'published = "{spec.published[0]}-{spec.published[1]:02d}-{spec.published[2]:02d}"')
    lines.append("")
    for rule, severity, text in found:
        lines += ["[[document.expect]]", f"rule = {toml_string(rule)}", f"severity = {toml_string(severity)}"]
        if text is not None:
            lines.append(f"text = {toml_string(text)}")
        lines.append("")
    for rule, severity, why in spec.allow:
        lines += ["[[document.allow]]", f"rule = {toml_string(rule)}", f"severity = {toml_string(severity)}",
                  f"why = {toml_string(why)}", ""]
    return "\n".join(l for l in lines if l is not None)


SPECS_2007 = [
    Spec("2008-lvshui-xian-gov", "txt", "绿水县人民政府", G, "county", 2008, (2009, 3, 20), seed=101,
         note="county government, the items under Article 32's own words, no defect"),
    Spec("2009-qinghe-shi-jiaotong", "html", "青河市交通局", D, "department", 2009, (2010, 2, 26), outline="short",
         period="from-to", date_style="meta-time", requests_count=3, requests_table=True, seed=102,
         note="city department page, short headings, a table of requests; published 26 February (on time: under the 2007 text departments too have until 31 March)"),
    Spec("2009-xinqiao-zhen-trad", "txt", "新橋鎮人民政府", G, "township", 2009, (2010, 3, 5), outline="unnumbered",
         period="short-end", contact=False, missing=("other",), traditional=True, seed=103,
         note="township government in Traditional script, headings without numbers; no 其他需要报告的事项, no contact"),
    Spec("2010-songxi-zhen-gov", "txt", "松溪镇人民政府", G, "township", 2010, (2011, 3, 14), outline="office",
         period="short-end", contact=False, missing=("problems", "other"), date_style="meta-time", seed=104,
         note="township government, office headings, stops after 复议: no 主要问题, no 其他事项, no contact"),
    Spec("2010-heping-xian-shuili", "docx", "和平县水利局", D, "department", 2010, (2011, 3, 18), requests_count=2,
         requests_table=True, seed=105, note="county department in Word, a table of requests, no defect"),
    Spec("2011-baisha-qu-gov", "md", "白沙区人民政府", G, "district", 2011, (2012, 4, 12), outline="extra",
         period="limit", seed=106, note="district government, sections of its own between the items; published 12 April (deadline/late)"),
    Spec("2011-yunling-sheng-gov", "html", "云岭省人民政府", G, "province", 2011, (2012, 3, 30), date_style="meta",
         requests_count=46, appendix=True, list_parts=True, seed=107,
         note="provincial government page, the parts listed in the preamble, a 附表 of statistics, no defect"),
    Spec("2012-lanxi-shi-caizheng", "txt", "兰溪市财政局", D, "department", 2012, (2013, 2, 8), outline="sentences",
         contact_style="end", seed=108,
         note="city department, 收费 and 复议 in sentences under 依申请公开 (没有发生针对本单位有关…事务的行政复议案), phone at the end with an em dash, no defect"),
    Spec("2012-jiangbei-xiang-flat", "txt-flat", "江北乡人民政府", G, "township", 2012, (2013, 3, 11), shape="flat",
         seed=109, note="township government, text saved without line breaks, no defect"),
    Spec("2012-donghu-qu-minzheng-trad", "html", "東湖區民政局", D, "department", 2012, (2013, 3, 6), traditional=True,
         missing=("fees",), list_parts=True, title_in_body=False, date_style="meta", seed=110,
         note="district department page in Traditional script, title only above the article; the preamble names 收费及减免 but the report never covers it (required/fees)"),
    Spec("2013-qingshi-qu-gov", "txt", "青石区人民政府", G, "district", 2013, (2014, 3, 20), outline="three-part",
         period="paren", contact=False, seed=111,
         note="district government, three parts with the items inline (`3、申请行政复议、提起行政诉讼的情况：本年度未发生…`), period in brackets; no contact"),
    Spec("2013-fengyang-xian-wenguang", "txt", "凤阳山县文化广电新闻出版局", D, "department", 2013, (2014, 3, 25),
         outline="colon", title_style="two-lines", period=None, missing=("other",), seed=112,
         note="county department, title over two lines, headings ending in a colon, signature date; no period, no 其他需要报告的事项"),
    Spec("2013-nanping-qu-shuili", "html", "南屏区水利局", D, "department", 2013, (2014, 3, 27), date_style="meta-time",
         missing=("other",), seed=113, note="district department page, six items without 其他需要报告的事项 (required/other-matters)"),
    Spec("2014-changting-jiedao", "txt", "长亭街道办事处", G, "township", 2014, (2015, 1, 20), contact_style="local",
         appendix=True, requests_count=1, seed=114,
         note="street office, a local phone number without area code, a 附表 of statistics, no defect"),
    Spec("2014-jinshui-shi-shenji", "html", "金水市审计局", D, "department", 2014, (2015, 1, 30), date_style="meta-time",
         period=None, outline="short", seed=115, note="city department page, no statistics period (period/missing)"),
    Spec("2015-taiping-jiedao-trad", "txt", "太平街道辦事處", G, "township", 2015, (2016, 2, 3), outline="office",
         period="span", traditional=True, seed=116, note="street office in Traditional script, period as 起止时间, no defect"),
    Spec("2015-beiyuan-xian-shangwu", "txt", "北苑县商务局", D, "department", 2015, (2016, 3, 2), title_style="no-issuer",
         outline="office", period=None, contact=False, contact_style="address", seed=117,
         note="county department, the title without the issuer's name; no period; an address and a postcode but no phone or e-mail"),
    Spec("2016-songxi-qu-gov", "html", "松溪区人民政府", G, "district", 2016, (2017, 1, 12), date_style="meta",
         period="from-to", list_parts=True, requests_count=7, requests_table=True, seed=118,
         note="district government page, parts listed, a table of requests, no defect"),
    Spec("2016-lanxi-xian-minzheng", "docx", "兰溪县民政局", D, "department", 2016, (2017, 2, 9), period="bare",
         contact_style="end", seed=119, note="county department in Word, period with no keyword (所列数据自…至…), no defect"),
    Spec("2016-heping-shi-gov-pdf", "pdf", "和平市人民政府", G, "city", 2016, (2017, 3, 28), requests_count=15,
         requests_table=True, seed=120, note="city government, PDF printed from Word, a table of requests, no defect"),
    Spec("2017-qinghe-qu-weiji", "txt", "青河区卫生和计划生育委员会", D, "department", 2017, (2018, 1, 22),
         outline="city-template", date_style="dotted", contact_style="ask", period=None, missing=("other",), seed=121,
         note="district department in a city's template (依申请收费 as a sub-point, 咨询处理情况, no 其他事项), date as 2018.01.22 under the title, 请联系：number; no period"),
    Spec("2017-xishan-xian-shuiwu", "md", "西山县水务局", D, "department", 2017, (2018, 3, 8), period="dash",
         seed=122, note="county department in Markdown, period as 统计数据时间段 with a hyphen, no defect"),
    Spec("2017-dongguan-jiedao", "txt", "东关街道办事处", G, "township", 2017, (2018, 4, 20), shape="cells",
         requests_count=4, requests_table=True, seed=123,
         note="street office, table one cell a line; published 20 April (deadline/late)"),
    Spec("2018-baisha-xiang-gov", "txt", "白沙乡人民政府", G, "township", 2018, (2019, 1, 18), period="cutoff",
         contact_style="local", seed=124, note="township government, period as a cut-off (数据截止…12月31日), local phone, no defect"),
    Spec("2018-qingshi-zhen-gov", "txt", "青石镇人民政府", G, "township", 2018, (2019, 3, 12), period="standard",
         period_year=2017, outline="sentences", seed=125,
         note="township government, period names the year before (period/mismatch)"),
    Spec("2018-jiangbei-qu-gov", "html", "江北区人民政府", G, "district", 2018, (2020, 12, 18), date_style="meta",
         period="to", seed=126,
         note="district government page re-posted when the site moved: the page's date is two years after the report's; no defect in the report"),
    Spec("2011-dongguan-zhen-summary", "txt", "东关镇人民政府", G, "township", 2011, (2012, 3, 20), title_style="summary",
         date_style="chinese", period="covers", seed=127,
         note="township government, titled 工作总结 (title/not-annual-report), signature date in Chinese numerals, period as 涵盖内容为"),
    Spec("2012-linshui-xian-gov", "txt", "临水县人民政府", G, "county", 2012, (2013, 3, 15), outline="provincial",
         appendix=True, requests_count=5, seed=129,
         note="county government in a province's nine-part template: 其他事项 as 需要说明的事项与附表, the 附表 under it, no defect"),
    Spec("2018-xinqiao-zhen-yearend", "txt", "新桥镇人民政府", G, "township", 2018, (2018, 12, 31), outline="office",
         missing=("overview", "problems", "other"), contact=False, seed=130,
         note="township government that reports four items only and signs on 31 December of the report year (not premature: the year is closing); no 主要问题, no 其他事项, no contact"),
    Spec("2018-huangtang-zhen-spaced", "txt", "黄塘镇人民政府", G, "township", 2018, (2019, 1, 9), outline="spaced",
         contact_style="ask", requests_count=4, missing=("other",), seed=131,
         note="township government, a space for each heading's mark (`一 概 述`), 咨询情况, fees as 政府支出与收费; no 其他需要报告的事项 (the template has none)"),
    Spec("2015-lianhua-shi-guotu", "txt", "莲花市国土资源局", D, "department", 2015, (2016, 3, 10), outline="sentences",
         requests_count=9, sentence_style=3, seed=132,
         note="city department, 收费 and 复议 in sentences only: 一律免收费用, and one review that was decided (复议1件); no defect"),
    Spec("2014-nanping-shi-gov-fw", "txt", "南屏市人民政府", G, "city", 2014, (2015, 3, 26), fullwidth=True,
         requests_count=25, requests_table=True, list_parts=True, seed=128,
         note="city government, full-width digits, a table of requests, no defect"),
]


def without_timestamps(pdf):
    """The PDF with its creation date, checksum and file identifier replaced by fixed values of the same
    length (so every offset in it stays right), so a rebuilt PDF is byte-identical."""
    pdf = re.sub(rb"\(D:[0-9+\-Z']+\)", lambda m: b"(D:" + b"0" * (len(m.group(0)) - 4) + b")", pdf)
    pdf = re.sub(rb"/DocChecksum /([0-9A-F]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), pdf)
    return re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                  lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2))),
                  pdf)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    trad = simplified_to_traditional()
    soffice = shutil.which("soffice")
    pdf_jobs = []
    names = set()
    for spec in SPECS + SPECS_2007:
        assert spec.name not in names, spec.name
        names.add(spec.name)
        if spec.year <= 2018:
            blocks = build_2007(spec)
            found = expected_2007(spec)
        else:
            blocks, t3, t4 = build(spec)
            found = expected(spec, t3, t4)
        if spec.traditional or spec.fullwidth:
            conv = (lambda s: to_traditional(s, trad)) if spec.traditional else to_fullwidth_digits
            blocks = [tuple(conv(x) if isinstance(x, str) else x for x in b) if b[0] != "table"
                      else (b[0], b[1], [[Cell(conv(c.text), c.rowspan, c.colspan) for c in row] for row in b[2]])
                      for b in blocks]
            found = [(r, s, conv(t) if t else t) for r, s, t in found]
        ext = {"txt": "txt", "txt-flat": "txt", "md": "md", "html": "html", "docx": "docx", "pdf": "pdf"}[spec.form]
        path = OUT / f"{spec.name}.{ext}"
        if spec.form == "txt":
            path.write_text(text_lines(spec, blocks), encoding="utf-8")
        elif spec.form == "txt-flat":
            path.write_text(flat_text(spec, blocks), encoding="utf-8")
        elif spec.form == "md":
            path.write_text(markdown(spec, blocks), encoding="utf-8")
        elif spec.form == "html":
            path.write_text(html_page(spec, blocks), encoding="utf-8")
        elif spec.form == "docx":
            word_document(spec, blocks, path)
        elif spec.form == "pdf":
            pdf_jobs.append((spec, blocks, path))
        gold_text = gold_2007(spec, blocks, found) if spec.year <= 2018 else gold(spec, blocks, t3, t4, found)
        (OUT / f"{spec.name}.gold.toml").write_text(gold_text, encoding="utf-8")
    if pdf_jobs and not soffice:
        print("soffice not found: PDFs kept as they are (apt-get install -y libreoffice-writer-nogui fonts-noto-cjk)")
    elif pdf_jobs:
        with tempfile.TemporaryDirectory() as tmp:
            sources = []
            for spec, blocks, path in pdf_jobs:
                source = pathlib.Path(tmp) / f"{spec.name}.docx"
                word_document(spec, blocks, source)
                sources.append(str(source))
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(OUT)] + sources,
                           check=True, stdout=subprocess.DEVNULL, env={"HOME": tmp, "PATH": "/usr/bin:/bin"})
        for _spec, _blocks, path in pdf_jobs:
            path.write_bytes(without_timestamps(path.read_bytes()))
    print(f"{len(SPECS) + len(SPECS_2007)} reports written to {OUT}")


if __name__ == "__main__":
    main()
