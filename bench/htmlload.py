"""How long the HTML report of a large corpus takes to open: rendered, then loaded in
headless Chromium (information for the desk's report; no target).

A 10,000-document report is about 100 MB of HTML. Before the sixteenth session it took
154 s to load, 80 of them in style and layout after the filters first ran (findings were
list items; Chromium renumbered every later item for each one hidden).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")


def html_load(corpus: str, jobs: int) -> dict[str, Any]:
    """`claimcheck check` on the corpus (with `jobs`, no cache), the HTML report rendered
    with its documents, then opened in headless Chromium: seconds to interactive and to
    the load event, and the page's size."""
    from bench.measure import RULES, load_average
    from checker.heap import paused_gc
    from checker.pipeline import CheckOptions, run_check
    from checker.reporting.html import render_with_sources

    root = Path(corpus)
    with paused_gc(freeze_on_exit=True):
        result = run_check(CheckOptions(root=root, seeds=root / "seeds",
                                        claims=root / "claims", rules=RULES, jobs=jobs))
    texts = {dc.doc.id: dc.doc.text for dc in result.corpus.docs}
    start = time.perf_counter()
    with paused_gc():  # as `claimcheck check` renders its reports
        page = render_with_sources(result.report, texts)
    render_s = round(time.perf_counter() - start, 2)
    out: dict[str, Any] = {"documents": result.report.summary.documents,
                           "findings": result.report.summary.findings,
                           "bytes": len(page.encode("utf-8")), "render_s": render_s}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page, encoding="utf-8")
        del page, texts, result
        out.update(_open(path))
    out["load_average"] = load_average()
    return out


def _open(path: Path) -> dict[str, Any]:
    """Seconds to DOM interactive and to the end of the load event, or why not measured."""
    if not CHROMIUM.exists():
        return {"skipped": f"no Chromium at {CHROMIUM}"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "the playwright package is not installed"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load", timeout=900_000)
            wall = time.perf_counter() - start
            nav = json.loads(page.evaluate(
                "JSON.stringify(performance.getEntriesByType('navigation')[0].toJSON())"))
        finally:
            browser.close()
    return {"load_s": round(wall, 1), "interactive_s": round(nav["domInteractive"] / 1000, 1),
            "load_event_s": round(nav["loadEventEnd"] / 1000, 1),
            "chromium": os.fspath(CHROMIUM)}
