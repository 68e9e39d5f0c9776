"""Builds fixtures/html/: seed reports published as a typical government web page.

The page has what real ones have around the report: a navigation bar, breadcrumbs, a metadata
block, a share bar, "上一篇/下一篇" links and a footer. Each line of the report becomes a <p>;
`|`-separated table rows become an HTML <table>, with the group labels of table 三 merged over their
rows (rowspan), as the unified format's tables are published. One page is saved in GBK with a
`charset=gb2312` declaration, as many older sites are.

usage: make_html.py
"""
import html
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
out_dir = root / "fixtures/html"
out_dir.mkdir(parents=True, exist_ok=True)

HEAD = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政府信息公开</title>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="top-nav"><a href="/">网站首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></div>
<div class="position">您现在的位置:<a href="/">首页</a> &gt; <a href="/zwgk">政府信息公开</a> &gt; 年度报告</div>
<div class="main">
<table class="meta"><tr><td>索引号:</td><td>XX-2020-0001</td><td>发布机构:</td><td>某局</td></tr></table>
<div class="article" id="zoom">
"""
TAIL = """</div>
<div class="share">分享到:微信 微博 【打印本页】【关闭窗口】</div>
<div class="prev-next"><p>上一篇:某局2018年政府信息公开工作年度报告</p><p>下一篇:无</p></div>
</div>
<div class="footer"><p>主办单位:某市人民政府办公室 版权所有 ICP备000000号</p><p>联系我们</p></div>
</body></html>
"""

def page(report: str, charset: str) -> str:
    lines = report.split("\n")
    title = next((l for l in lines if "报告" in l or "報告" in l), "年度报告").strip()
    body = []
    table = []
    def flush():
        if not table:
            return
        body.append('<table border="1" cellspacing="0">')
        for row in table:
            cells = [c.strip() for c in row.split("|")]
            while cells and cells[-1] == "":
                cells.pop()
            body.append("<tr>" + "".join(f"<td>{html.escape(c, quote=False)}</td>" for c in cells) + "</tr>")
        body.append("</table>")
        table.clear()
    for line in lines:
        if line.count("|") >= 2:
            table.append(line)
            continue
        flush()
        if line.strip():
            body.append(f"<p>{html.escape(line.strip(), quote=False).replace('“', '&ldquo;').replace('”', '&rdquo;')}</p>")
    flush()
    return HEAD.format(charset=charset, title=html.escape(title)) + "\n".join(body) + "\n" + TAIL

for name, charset, encoding in [
    ("002_8ea8eed0dcff065f", "utf-8", "utf-8"),
    ("004_062f0ed1955165dd", "gb2312", "gbk"),
]:
    report = (root / f"fixtures/{name}.txt").read_text(encoding="utf-8")
    (out_dir / f"{name}.html").write_bytes(page(report, charset).encode(encoding))
print("written to", out_dir)
