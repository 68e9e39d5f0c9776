"""Builds fixtures/docx/: seed reports saved as Word documents with python-docx.

Each line of the report becomes a paragraph; `|`-separated table rows become a Word table; the
page header and footer carry text that must not be read as the report.

usage: pip install python-docx && python3 make_docx.py
"""
import pathlib

import docx

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "fixtures/docx"
out_dir.mkdir(parents=True, exist_ok=True)

for name in ["002_8ea8eed0dcff065f", "004_062f0ed1955165dd"]:
    report = (root / f"fixtures/{name}.txt").read_text(encoding="utf-8")
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉:某市人民政府办公室 政府信息公开专栏"
    section.footer.paragraphs[0].text = "第 1 页 共 3 页 联系我们"
    rows = []

    def flush():
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                table.cell(i, j).text = text
        rows.clear()

    for line in report.split("\n"):
        if line.count("|") >= 2:
            cells = [c.strip() for c in line.split("|")]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append(cells)
            continue
        flush()
        if line.strip():
            document.add_paragraph(line.strip())
    flush()
    document.save(out_dir / f"{name}.docx")
print("written to", out_dir)
