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

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "fixtures/pdf"
out_dir.mkdir(parents=True, exist_ok=True)
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

WIDTH = 38  # characters per printed line

def wrap(line):
    return [line[i:i + WIDTH] for i in range(0, len(line), WIDTH)] or [""]

for name in ["004_062f0ed1955165dd"]:
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
