#!/usr/bin/env python3
"""The audit page (`ogilint check --format html`) in a real browser: headless Chromium from the
system's packages, driven by Playwright (no browser is downloaded).

Usage: tests/browser/audit.py OGILINT [--screenshot docs/audit.png]

Checks the seeds' page: the summary numbers equal the JSON output's, filtering by a rule hides the
reports without it, a highlighted span shows the finding's text, a page with `<script>` in a
report runs no script, and no script error occurs. Skips (exit 0, with a message) when Chromium or
Playwright is missing, unless CI=true.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").glob("00[0-4]_*.txt"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def skip(reason):
    if os.environ.get("CI") == "true":
        sys.exit(f"browser test cannot run in CI: {reason}")
    print(f"SKIPPED browser test: {reason}")
    sys.exit(0)


def run(ogilint, *args):
    return subprocess.run([ogilint, "check", *args], cwd=ROOT, capture_output=True, check=False)


def main():
    ogilint = str(Path(sys.argv[1]).resolve())
    screenshot = None
    if "--screenshot" in sys.argv:
        screenshot = ROOT / sys.argv[sys.argv.index("--screenshot") + 1]
    if not Path(CHROMIUM).exists():
        skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip("python playwright is absent (pip install playwright)")

    work = Path(tempfile.mkdtemp(prefix="ogilint-audit-"))
    page_file = work / "audit.html"
    assert run(ogilint, *SEEDS, "--format", "html", "-o", str(page_file)).returncode == 1
    expected = json.loads(run(ogilint, *SEEDS, "--format", "json").stdout)
    documents = expected["documents"]
    findings = expected["findings"]

    hostile = work / "hostile"
    hostile.mkdir()
    (hostile / "report.txt").write_text(
        "某县<script>window.pwned=1</script>局2020年政府信息公开工作年度报告\n\n"
        "一、总体情况\n<img src=x onerror=\"window.pwned=2\">本年度公开信息。\n",
        encoding="utf-8")
    hostile_page = work / "hostile.html"
    run(ogilint, str(hostile / "report.txt"), "--format", "html", "-o", str(hostile_page))

    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        # Nothing may be fetched: a self-contained page makes no request but its own.
        page.on("request", lambda request: request.url.startswith("file:") or
                errors.append(f"request: {request.url}"))
        page.goto(page_file.as_uri())

        # Summary numbers.
        reports = len(documents)
        assert page.inner_text("#count-reports") == str(reports), page.inner_text("#count-reports")
        assert page.inner_text("#count-files") == str(len(SEEDS))
        with_errors = sum(1 for d in documents if any(
            f["file"] == d["file"] and f["document"] == d["index"] and f["severity"] == "error"
            for f in findings))
        assert page.inner_text("#count-with-errors") == str(with_errors)
        late = {(f["file"], f["document"]) for f in findings if f["rule"] == "deadline/late"}
        assert page.inner_text("#count-late") == str(len(late))
        # The summary is shown above the table although it is written after it.
        assert page.locator("#summary").bounding_box()["y"] < page.locator("#report-table").bounding_box()["y"]
        assert page.locator("#top-rules svg g.bar").count() > 0
        assert page.locator("tbody.report:not([hidden])").count() == reports

        # Filtering by a rule hides the reports without it.
        rule = "title/not-annual-report"
        having = {(f["file"], f["document"]) for f in findings if f["rule"] == rule}
        assert 0 < len(having) < reports
        page.select_option("#filter-rule", rule)
        visible = page.locator("tbody.report:not([hidden])")
        assert visible.count() == len(having), (visible.count(), len(having))
        for index in range(visible.count()):
            assert rule in visible.nth(index).get_attribute("data-rules").split()

        # A highlighted span shows the finding's text.
        finding = next(f for f in findings if f["rule"] == rule)
        body = visible.first
        body.locator("details summary").click()
        mark = body.locator(f"li.finding[data-rule='{rule}'] pre.excerpt mark").first
        # The details open on the click's event: wait for it rather than race it on a busy machine.
        mark.wait_for(state="visible", timeout=10000)
        assert mark.is_visible()
        assert mark.inner_text() == finding["text"], (mark.inner_text(), finding["text"])

        # Filtering by severity, then clearing.
        page.select_option("#filter-rule", "")
        page.select_option("#filter-severity", "error")
        assert page.locator("tbody.report:not([hidden])").count() == with_errors
        page.select_option("#filter-severity", "")
        page.fill("#filter-issuer", documents[0]["issuer"])
        assert page.locator("tbody.report:not([hidden])").count() >= 1
        page.fill("#filter-issuer", "")

        # Sorting by errors, most first.
        page.click("th[data-key=errors]")
        page.click("th[data-key=errors]")
        first = int(page.locator("tbody.report").first.get_attribute("data-errors"))
        assert first == max(int(b.get_attribute("data-errors")) for b in page.locator("tbody.report").all())

        if screenshot:
            page.click("th[data-key=errors]")
            page.click("th[data-key=errors]")
            page.locator("tbody.report").first.locator("details summary").click()
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=False)

        # A report's markup is shown as text, never run.
        hostile_view = browser.new_page()
        hostile_view.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        hostile_view.goto(hostile_page.as_uri())
        hostile_view.locator("details summary").first.click()
        hostile_view.locator("li.finding").first.wait_for()
        assert hostile_view.evaluate("window.pwned") is None
        assert hostile_view.locator("main script, main img").count() == 0
        assert "<script>" in hostile_view.locator("#report-table").text_content()
        browser.close()

    assert not errors, errors
    print(f"browser test passed: {reports} reports, {len(findings)} findings")


if __name__ == "__main__":
    main()
