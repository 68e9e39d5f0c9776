"""Builds tests/malformed/damaged-*.pdf: our own PDF fixtures damaged the ways real files are
damaged without the PDF parser noticing, for the reader's tests (tests/pdf.rs). Each file holds
one damage; everything else is as in the fixture it comes from.

From fixtures/pdf/002_8ea8eed0dcff065f.pdf (three pages, reportlab, ASCII85 + Flate content):
- damaged-cut-stream.pdf: page 2's compressed content cut in half (its deflate data ends early).
- damaged-garbled-stream.pdf: bytes that are no content syntax in the middle of page 3's content.
- damaged-not-a-stream.pdf: page 2's /Contents points at a font dictionary, not a stream.
- damaged-dropped-page.pdf: page 3's page object is not in the file.
- damaged-short-tree.pdf: the page tree's /Count says four pages; it holds three.
- damaged-no-font.pdf: the font all text is shown in is not in the file.

From fixtures/pdf/office/clean.pdf (four pages, LibreOffice), with the embedded font programs
left out (the text layer does not need them; the file stays small):
- damaged-tounicode.pdf: the ToUnicode map of the bold face (headings) is cut short.

usage: python3 make_damaged_pdf.py
"""
import base64
import pathlib
import re
import zlib

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "tests/malformed"


class Pdf:
    """A PDF with a classic cross-reference table, as objects by number."""

    def __init__(self, path):
        data = (root / path).read_bytes()
        self.header = data[: data.index(b"\n") + 1]
        xref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
        count = int(re.match(rb"xref\s+0 (\d+)\s+", data[xref:]).group(1))
        entries = re.findall(rb"(\d{10}) (\d{5}) ([nf])", data[xref:])[:count]
        offsets = {number: int(offset) for number, (offset, _, kind) in enumerate(entries) if kind == b"n"}
        ends = sorted(offsets.values()) + [xref]
        self.objects = {}
        for number, offset in offsets.items():
            end = ends[ends.index(offset) + 1]
            body = data[offset:end]
            body = body[body.index(b"obj") + 3 : body.rindex(b"endobj")].strip()
            self.objects[number] = body
        trailer = data[data.index(b"trailer", xref) + 7 :]
        self.trailer = trailer[: trailer.index(b"startxref")].strip()

    def stream(self, number):
        """An object's dictionary and stream data."""
        body = self.objects[number]
        start = body.index(b"stream") + len(b"stream")
        start += 2 if body[start : start + 2] == b"\r\n" else 1
        return body[: body.index(b"stream")].strip(), body[start : body.rindex(b"endstream")]

    def set_stream(self, number, dictionary, data):
        # The length written in the dictionary itself (LibreOffice writes it as another object).
        dictionary = re.sub(rb"/Length \d+( 0 R)?", b"/Length %d" % len(data), dictionary)
        self.objects[number] = dictionary + b"\nstream\n" + data + b"\nendstream"

    def write(self, name):
        out = self.header + b"%\xe2\xe3\xcf\xd3\n"
        size = max(self.objects) + 1
        offsets = {}
        for number in sorted(self.objects):
            offsets[number] = len(out)
            out += b"%d 0 obj\n" % number + self.objects[number] + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n" % size
        for number in range(size):
            if number in offsets:
                out += b"%010d 00000 n \n" % offsets[number]
            else:
                out += b"0000000000 65535 f \n"
        trailer = re.sub(rb"/Size \d+", b"/Size %d" % size, self.trailer)
        out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        (out_dir / name).write_bytes(out)
        print(f"{name}: {len(out)} bytes")


REPORT = "fixtures/pdf/002_8ea8eed0dcff065f.pdf"
# The report's objects: pages 4, 5, 6 with content streams 10, 11, 12; fonts 2 (Helvetica,
# shows nothing) and 3 (STSong-Light, all the text); the page tree 9.


def ascii85(data):
    return base64.a85encode(data, adobe=True)[2:]


def content_of(pdf, number):
    _, data = pdf.stream(number)
    return zlib.decompress(base64.a85decode(data.strip(), adobe=True, ignorechars=b" \t\n\r"))


pdf = Pdf(REPORT)
dictionary, data = pdf.stream(11)
deflated = base64.a85decode(data.strip(), adobe=True, ignorechars=b" \t\n\r")
pdf.set_stream(11, dictionary, ascii85(deflated[: len(deflated) // 2]))
pdf.write("damaged-cut-stream.pdf")

pdf = Pdf(REPORT)
content = content_of(pdf, 12)
lines = content.split(b"\n")
middle = len(lines) // 2
garbled = b"\n".join(lines[:middle] + [b"\x80\x81\xfe} ]] \x00\x9c"] + lines[middle:])
pdf.set_stream(12, b"<< /Filter /FlateDecode /Length 0 >>", zlib.compress(garbled, 9))
pdf.write("damaged-garbled-stream.pdf")

pdf = Pdf(REPORT)
pdf.objects[5] = pdf.objects[5].replace(b"/Contents 11 0 R", b"/Contents 2 0 R")
del pdf.objects[11]
pdf.write("damaged-not-a-stream.pdf")

pdf = Pdf(REPORT)
del pdf.objects[6]
del pdf.objects[12]
pdf.write("damaged-dropped-page.pdf")

pdf = Pdf(REPORT)
pdf.objects[9] = pdf.objects[9].replace(b"/Count 3", b"/Count 4")
pdf.write("damaged-short-tree.pdf")

pdf = Pdf(REPORT)
del pdf.objects[3]
pdf.write("damaged-no-font.pdf")

pdf = Pdf("fixtures/pdf/office/clean.pdf")
for number, body in list(pdf.objects.items()):
    for program in re.findall(rb"/FontFile[23]? (\d+) 0 R", body):
        del pdf.objects[int(program)]
    pdf.objects[number] = re.sub(rb"/FontFile[23]? \d+ 0 R", b"", body)
bold = next(
    number
    for number, body in pdf.objects.items()
    if b"/FontDescriptor" in body and b"Bold" in body and b"/ToUnicode" in body
)
to_unicode = int(re.search(rb"/ToUnicode (\d+) 0 R", pdf.objects[bold]).group(1))
dictionary, data = pdf.stream(to_unicode)
pdf.set_stream(to_unicode, dictionary, data[: len(data) // 2])
pdf.write("damaged-tounicode.pdf")
