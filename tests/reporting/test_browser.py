"""The HTML report in headless Chromium: renders the seeds, filters work, planted markup is inert.

Skipped when Chromium or Playwright is missing, except under CI (`CI=true`), where a missing
browser is a failure: CI installs Debian's chromium and must run this test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.models.report import ClaimRef, Finding, Report, Suppressed
from checker.pipeline import CheckOptions, run_check
from checker.reporting import html

from .sample import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = REPO / "tests" / "artefacts" / "report.png"
PLANTED = "<script>window.__pwned = 1</script>"


def _require_browser() -> None:
    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "the playwright package is not installed"
    if problem is None and not CHROMIUM.exists():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}; CI=true, so the browser test must run")
        pytest.skip(problem)


def _planted(report: Report) -> Report:
    """The seeds' report plus two findings whose text tries to run script."""
    doc = report.documents[-1]
    ref = ClaimRef(claim_id="planted", document=doc.id, path=doc.path, line=1, column=1,
                   end_line=1, end_column=11, span=(0, 10), text=PLANTED)
    live = Finding(id="planted-live", kind="conflict", severity="error",
                   message='Planted <img src="x" onerror="window.__pwned = 2">',
                   confidence=0.99, claims=[ref])
    hidden = live.model_copy(update={
        "id": "planted-suppressed", "kind": "consistency", "severity": "info",
        "suppressed": Suppressed(by="decision", reason=PLANTED)})
    return report.model_copy(update={"findings": [*report.findings, live, hidden]})


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds' HTML report (with document texts and planted markup) as a file URL."""
    _require_browser()
    result = run_check(CheckOptions(root=REPO, seeds=REPO / "seeds", claims=REPO / "claims",
                                    rules=REPO / "rules"))
    texts = {dc.doc.id: dc.doc.text for dc in result.corpus.docs}
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html.render_with_sources(_planted(result.report), texts), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, report_url: str) -> Iterator[Any]:
    """A fresh page on the report; fails the test on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(report_url)
    yield page
    context.close()
    assert errors == []


def _visible_kinds(page: Any) -> list[str]:
    kinds: list[str] = page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.kind)")
    return kinds


def test_renders_the_seeds(page: Any) -> None:
    assert page.title() == "claimcheck report"
    finding = page.locator('li.finding[data-kind="rule-violation"]').first
    assert finding.is_visible()
    assert finding.locator("code.rule").inner_text() == "china-not-iss-member"
    assert "International Space Station" in finding.inner_text()
    mark = page.locator("mark.hl", has_text="China is a member of the International Space")
    assert mark.first.is_visible()
    total = page.locator("li.finding").count()
    # Every finding but the planted suppressed one is shown by default.
    assert page.locator("#filter-count").inner_text() == f"{total - 1} of {total} findings shown"
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_kind_and_severity_filters(page: Any) -> None:
    page.select_option("#filter-kind", "rule-violation")
    assert set(_visible_kinds(page)) == {"rule-violation"}
    assert page.locator('li.finding[data-kind="corroboration"]').first.is_hidden()
    cards = set(page.eval_on_selector_all(
        ".card[data-finding]", "els => els.filter(e => !e.hidden).map(e => e.dataset.finding)"))
    items = set(page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.finding)"))
    assert cards and cards <= items  # cards beside the text follow the list
    page.select_option("#filter-kind", "")
    page.select_option("#filter-severity", "warning")
    assert "term" in _visible_kinds(page)  # the seeds' misspelt "Chiang'e"
    shown: list[str] = page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.severity)")
    assert set(shown) == {"warning"}
    total = page.locator("li.finding").count()
    assert page.locator("#filter-count").inner_text() == f"{len(shown)} of {total} findings shown"


def test_document_filter(page: Any) -> None:
    value = page.eval_on_selector(
        "#filter-document", "s => [...s.options].find(o => o.text.startsWith('002_')).value")
    page.select_option("#filter-document", value)
    shown = page.eval_on_selector_all(
        "section.document", "els => els.filter(e => !e.hidden).map(e => e.dataset.document)")
    assert shown == [value]
    docs = page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.documents)")
    assert docs and all(value in d.split(" ") for d in docs)


def test_suppressed_toggle(page: Any) -> None:
    item = page.locator('li.finding[data-suppressed="true"]')
    assert item.count() == 1 and item.is_hidden()
    page.check("#filter-suppressed")
    assert item.is_visible()
    total = page.locator("li.finding").count()
    assert page.locator("#filter-count").inner_text() == f"{total} of {total} findings shown"


def test_planted_script_does_not_run(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    planted = page.locator("li.finding", has_text="window.__pwned = 1").first
    assert planted.is_visible()  # shown as text, not run
    assert PLANTED in planted.inner_text()
    assert page.locator("img").count() == 0
    page.check("#filter-suppressed")
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _require_browser()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        _require_browser()
