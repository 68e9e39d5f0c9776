"""Checks that reports keep their findings when reshaped the way real files arrive.

Each report (a UTF-8 text file) is checked as it is, then reshaped and checked again; a reshaped
report must give the same findings (rule and document, with counts) and the same titles:

  double-spaced    a blank line after every line (pages copied paragraph by paragraph)
  indented         two ideographic spaces before every line longer than 30 characters
  wrapped          paragraphs filled to a random width of 44 to 120 columns (text out of a PDF)
  paged            wrapped, with a page footer (`- 3 -`) and (for a single report) the title as
                   a running header every 30 printed lines
  web-page         lines as <p>, `|` rows as a <table>, navigation and a footer around them

tests/shapes.rs checks the same shapes on the seeds in `cargo test`; this tool runs them over a
corpus, such as the benchmark's:

  usage: python3 tests/tools/reshape_check.py [--binary target/release/ogilint] FILE_OR_DIR...

It prints every report whose findings change, and a summary per shape; exit status 1 if any did.
"""
import argparse
import collections
import html
import json
import pathlib
import random
import subprocess
import sys
import tempfile

from printing import fill


def wrap(text, width):
    """The text as printed at `width` columns; table rows stay whole."""
    lines = []
    for paragraph in text.split("\n"):
        lines.extend([paragraph] if paragraph.count("|") >= 2 else fill(paragraph, width))
    return "\n".join(lines)


def paged(text, title):
    out = []
    for index, line in enumerate(text.split("\n")):
        out.append(line)
        if index % 30 == 29:
            out.append(f"- {index // 30 + 1} -")
            if title:
                out.append(title)
    return "\n".join(out)


def web_page(text):
    out = ['<html><head><meta charset="utf-8"></head><body>',
           '<div class="nav">首页 &gt; 政府信息公开</div><div class="content">']
    in_table = False
    for line in text.split("\n"):
        if line.count("|") >= 2:
            if not in_table:
                out.append("<table>")
                in_table = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    if in_table:
        out.append("</table>")
    out.append('</div><div class="foot">版权所有:某某人民政府</div></body></html>')
    return "\n".join(out)


def outcome(binary, path):
    run = subprocess.run([binary, "check", str(path), "--format", "json", "--fail-on", "never"],
                         capture_output=True, text=True)
    value = json.loads(run.stdout)
    findings = collections.Counter((f["document"], f["rule"]) for f in value["findings"])
    titles = [document["title"] for document in value["documents"]]
    return findings, titles


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="target/release/ogilint")
    parser.add_argument("--seed", type=int, default=1, help="for the random wrapping widths")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    randomness = random.Random(args.seed)
    files = []
    for path in map(pathlib.Path, args.paths):
        files.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])

    same = collections.Counter()
    total = collections.Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for file in files:
            text = file.read_text(encoding="utf-8")
            expected, titles = outcome(args.binary, file)
            # A collection has no one title to repeat as a running header.
            title = titles[0] if len(titles) == 1 else None
            width = randomness.randint(44, 120)
            shapes = {
                "double-spaced": (".txt", text.replace("\n", "\n\n")),
                "indented": (".txt", "\n".join(
                    "\u3000\u3000" + line if len(line) > 30 else line
                    for line in text.split("\n"))),
                "wrapped": (".txt", wrap(text, width)),
                "paged": (".txt", paged(wrap(text, width), title)),
                "web-page": (".html", web_page(text)),
            }
            for shape, (extension, reshaped) in shapes.items():
                path = pathlib.Path(scratch) / f"{file.stem}-{shape}{extension}"
                path.write_text(reshaped, encoding="utf-8")
                findings, reshaped_titles = outcome(args.binary, path)
                total[shape] += 1
                # A web page collapses runs of spaces.
                if findings == expected and [(t or "").split() for t in reshaped_titles] == [
                        (t or "").split() for t in titles]:
                    same[shape] += 1
                    continue
                print(f"{file} {shape} (width {width}): lost {dict(expected - findings)}, "
                      f"gained {dict(findings - expected)}"
                      + ("" if reshaped_titles == titles else f", titles {reshaped_titles}"))
    for shape in total:
        print(f"{shape:>14}: {same[shape]} / {total[shape]} keep their findings")
    return 0 if same == total else 1


if __name__ == "__main__":
    sys.exit(main())
