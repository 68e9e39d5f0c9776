"""Builds fixtures/pdf/: seed reports printed to PDF with reportlab (a real PDF writer), in the
STSong-Light CID font with the UniGB-UCS2-H encoding (text, not images), plus a "scanned" PDF
whose page carries no text layer.

usage: pip install reportlab && python3 make_pdf.py
"""
import pathlib

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from printing import fill

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "fixtures/pdf"
out_dir.mkdir(parents=True, exist_ok=True)
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

WIDTH = 82  # columns per printed line: a Chinese character takes two, a Latin letter or digit one

def wrap(line):
    """The printed lines of a paragraph, filled to WIDTH columns."""
    # A table row is one printed line (a real table is a grid, not wrapped text).
    if "|" in line:
        return [line]
    return fill(line, WIDTH)

for name in ["002_8ea8eed0dcff065f", "004_062f0ed1955165dd"]:
    report = (root / f"fixtures/{name}.txt").read_text(encoding="utf-8")
    pdf = canvas.Canvas(str(out_dir / f"{name}.pdf"), pagesize=A4)
    pdf.setFont("STSong-Light", 11)
    y = 800
    for paragraph in report.split("\n"):
        for line in wrap(paragraph.strip()):
            if y < 60:
                pdf.showPage()
                pdf.setFont("STSong-Light", 11)
                y = 800
            pdf.drawString(50, y, line)
            y -= 16
    pdf.save()

scan = canvas.Canvas(str(out_dir / "scanned.pdf"), pagesize=A4)
scan.rect(50, 50, 500, 700, fill=1)  # a page that is all picture, no text
scan.save()
print("written to", out_dir)
