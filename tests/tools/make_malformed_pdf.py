"""Builds tests/malformed/ (outside fixtures/, which the tests check as a whole): small
hand-written PDFs that are broken the ways real files break, for the reader's safety tests.

- missing-page.pdf: two pages; the second page's content stream is not in the file (a file cut
  off or damaged), so only page 1 can be read.
- cycle.pdf: a form XObject that draws itself.
- cyclic-pages.pdf: a page tree that contains itself, and no page.
- bomb.pdf: a content stream of 20 MB of spaces compressed to a few kilobytes.

usage: python3 make_malformed_pdf.py
"""
import pathlib
import zlib

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "tests/malformed"
out_dir.mkdir(parents=True, exist_ok=True)


def pdf(objects):
    """A PDF file of `objects` (numbered from 1, the first the catalog) with a correct xref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(body, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
# Adobe's predefined CJK font and CMap, as reportlab writes them: the codes are UCS-2.
FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>] >>")


def shown(text, y):
    return b"BT /F1 12 Tf 50 %d Td <%s> Tj ET\n" % (y, text.encode("utf-16-be").hex().encode())


first_page = shown("某市交通运输局2023年政府信息公开工作年度报告", 800) + shown(
    "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", 770)
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 6 0 R >> >> >>"
(out_dir / "missing-page.pdf").write_bytes(pdf([
    CATALOG,
    b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    page % 5,
    page % 9,  # object 9 is not in the file
    stream(first_page),
    FONT,
]))

form = stream(b"/X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 4 0 R >> >>")
(out_dir / "cycle.pdf").write_bytes(pdf([
    CATALOG,
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /XObject << /X1 4 0 R >> /Font << /F1 6 0 R >> >> >>",
    form,
    stream(shown("某市2023年政府信息公开工作年度报告", 800) + b"/X1 Do"),
    FONT,
]))

(out_dir / "cyclic-pages.pdf").write_bytes(pdf([
    CATALOG,
    b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
]))

(out_dir / "bomb.pdf").write_bytes(pdf([
    CATALOG,
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    stream(zlib.compress(b" " * (20 << 20), 9), b"/Filter /FlateDecode"),
]))
print("written to", out_dir)
