#!/usr/bin/env python3
"""Load time of an audit page (`ogilint check --format html`) in headless Chromium.

usage: bench/audit_load.py PAGE.html [RUNS]

Prints the page's size, the time to the load event (the document parsed and the table's script
run), the browser's peak JS heap, and the time a rule filter takes.
"""
import os
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

page_file = Path(sys.argv[1]).resolve()
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
print(f"{page_file.name}: {page_file.stat().st_size / 1e6:.1f} MB")
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    for run in range(runs):
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        started = time.monotonic()
        page.goto(page_file.as_uri(), wait_until="load", timeout=600_000)
        loaded = time.monotonic() - started
        reports = page.locator("#count-reports").inner_text()
        shown = page.locator("tbody.report:not([hidden])").count()
        rule = page.eval_on_selector("#filter-rule", "s => s.options[1] && s.options[1].value")
        started = time.monotonic()
        if rule:
            page.select_option("#filter-rule", rule)
        filtered = time.monotonic() - started
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
        print(f"run {run + 1}: load {loaded:.2f} s, {reports} reports, {shown} shown, "
              f"filter by {rule} {filtered:.2f} s, JS heap {heap / 1e6:.0f} MB, errors {errors}")
        page.close()
    browser.close()
