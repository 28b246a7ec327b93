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
from tests.screen import WORDS_LEFT

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
def seeds() -> tuple[Report, dict[str, str]]:
    """The seeds' report with planted markup, and the documents' texts."""
    _require_browser()
    result = run_check(CheckOptions(root=REPO, seeds=REPO / "seeds", claims=REPO / "claims",
                                    rules=REPO / "rules"))
    texts = {dc.doc.id: dc.doc.text for dc in result.corpus.docs}
    return _planted(result.report), texts


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory,
               seeds: tuple[Report, dict[str, str]]) -> str:
    """The seeds' HTML report (with document texts and planted markup) as a file URL."""
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html.render_with_sources(*seeds), encoding="utf-8")
    return path.as_uri()


COPIES = 12


@pytest.fixture(scope="module")
def large_url(tmp_path_factory: pytest.TempPathFactory,
              seeds: tuple[Report, dict[str, str]]) -> str:
    """The seeds' findings twelve times over, as a large report's page (built lazily)."""
    report, texts = seeds
    findings = [f.model_copy(update={"id": f"{f.id}-{n}"})
                for f in report.findings for n in range(COPIES)]
    path = tmp_path_factory.mktemp("html") / "large.html"
    path.write_text(html.render_with_sources(report.model_copy(update={"findings": findings}),
                                             texts, lazy=True), encoding="utf-8")
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


def _open(browser: Any, url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    yield page
    context.close()
    assert errors == []


@pytest.fixture()
def page(browser: Any, report_url: str) -> Iterator[Any]:
    """A fresh page on the report; fails the test on any script error."""
    yield from _open(browser, report_url)


@pytest.fixture()
def large(browser: Any, large_url: str) -> Iterator[Any]:
    """A fresh page on the large report; fails the test on any script error."""
    yield from _open(browser, large_url)


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


def _listed(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "li.finding", "els => els.filter(e => !e.hidden).map(e => e.dataset.finding)")
    return ids


def _wait_listed(page: Any, count: int) -> None:
    """Wait (at most 10 s, then fail) until `count` findings are listed."""
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('li.finding'))"
        ".filter(e => !e.hidden).length === n", arg=count, timeout=10_000)


def test_large_report_lists_a_page_at_a_time(large: Any) -> None:
    total = large.locator("li.finding").count()
    active = total - COPIES  # the planted suppressed finding's copies
    assert total > 100
    # Nothing of the documents' text is built before it is asked for, and only the
    # findings listed are.
    assert large.locator(".block").count() == 0
    assert large.locator("details.doc-body[open]").count() == 0
    assert len(_listed(large)) == 100
    assert large.locator("li.finding .head").count() == 100
    # Not list items: hiding a list item makes Chromium renumber every one after it, so
    # filtering 15,000 findings took 80 s of style and layout (10,000 documents).
    assert large.eval_on_selector_all(
        "li.finding:not([hidden])",
        "els => Array.from(new Set(els.map(e => getComputedStyle(e).display)))") == ["block"]
    # Documents are laid out only near the screen (a fifth of the load at 10,000 of them).
    assert large.eval_on_selector_all(
        "section.document",
        "els => Array.from(new Set(els.map(e => getComputedStyle(e).contentVisibility)))"
    ) == ["auto"]
    count = large.locator("#filter-count").inner_text()
    assert count == f"{active} of {total} findings shown (the first 100 listed)"
    first = large.locator("li.finding").first
    assert first.locator(".badge").first.inner_text() == "error"
    # Dispatched on the button, not clicked at its place on the screen: on a loaded machine
    # the page's layout (documents laid out near the screen) can move the button between
    # Playwright's check that it is still and the click, and the click land elsewhere (a CI
    # run listed 100 where 132 came; reproduced 1 in 4 with both cores busy).
    large.locator("#show-more").dispatch_event("click")
    # The click's handler may run after click() returns on a loaded machine (a CI run
    # read 100 listed where 132 came): wait for the list, as a reader would.
    _wait_listed(large, min(200, active))
    assert len(_listed(large)) == min(200, active)
    # A filter lists its matches from the top again, built as they are listed.
    large.select_option("#filter-kind", "term")
    _wait_listed(large, COPIES)
    assert set(_visible_kinds(large)) == {"term"}
    assert len(_listed(large)) == COPIES
    assert large.locator("li.finding:not([hidden]) .kind").all_inner_texts() == ["term"] * COPIES
    assert large.locator("#show-more").is_hidden()


def test_large_report_builds_a_document_when_its_link_is_followed(large: Any) -> None:
    large.select_option("#filter-kind", "rule-violation")
    link = large.locator("li.finding:not([hidden]) .where a").first
    target = link.get_attribute("href")[1:]
    link.click()
    block = large.locator(f"[id='{target}']")
    assert block.is_visible()
    assert block.locator("mark.hl").first.is_visible()
    assert large.evaluate("location.hash") == f"#{target}"
    # Its cards follow the filters, as on a small report.
    cards = large.eval_on_selector_all(
        ".card[data-finding]", "els => els.filter(e => !e.hidden).map(e => e.dataset.finding)")
    matching = large.eval_on_selector_all(
        "li.finding", "els => els.filter(e => e.dataset.kind === 'rule-violation' && "
                      "e.dataset.suppressed === 'false').map(e => e.dataset.finding)")
    assert cards and set(cards) <= set(matching)
    # A card's link back to a finding beyond the listed page lists it.
    large.select_option("#filter-kind", "")
    back = block.locator(".card:not([hidden]) .card-head a").last
    finding = back.get_attribute("href")[1:]
    back.click()
    assert large.locator(f"[id='{finding}']").is_visible()


def test_large_report_builds_a_document_when_opened(large: Any) -> None:
    value = large.eval_on_selector(
        "#filter-document", "s => [...s.options].find(o => o.text.startsWith('002_')).value")
    section = large.locator(f"section.document[data-document='{value}']")
    assert section.locator(".block").count() == 0
    section.locator("summary").click()
    # Built by report.js on the toggle event: waited for, not counted at once (a loaded CI
    # machine counted 0).
    section.locator(".block").nth(5).wait_for(state="attached")
    assert section.locator(".block").count() > 5
    assert section.locator("mark.hl", has_text="International Space Station").first.is_visible()
    other = large.locator("section.document").first
    large.select_option("#filter-document", other.get_attribute("data-document"))
    assert other.locator(".block").first.is_visible()  # the document asked for, opened


def test_large_report_planted_script_does_not_run(large: Any) -> None:
    large.check("#filter-suppressed")
    large.select_option("#filter-kind", "consistency")
    planted = large.locator("li.finding:not([hidden])", has_text="window.__pwned = 1").first
    assert planted.is_visible() and PLANTED in planted.inner_text()
    for section in large.locator("section.document details.doc-body").all():
        section.locator("summary").click()
    assert large.locator("img").count() == 0
    assert large.evaluate("typeof window.__pwned") == "undefined"


RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, left unterminated


def test_a_bidi_override_in_metadata_does_not_reverse_the_fields_after_it(
        browser: Any, tmp_path: Path) -> None:
    """An editor probe: `publisher: "Evil Press\\u202e"` showed "Evil Press5202" in the
    document's metadata line. Each field is isolated: the others read left to right."""
    from checker.models.report import DocumentOut, Summary, ToolInfo

    docs = [DocumentOut(id="evil2", path="seeds/evil2.txt", publisher=f"Evil Press{RLO}",
                        published=f"2025{RLO}", claim_file="claims/evil2.yaml"),
            DocumentOut(id="plain", path="seeds/plain.txt", published="2024")]
    refs = [ClaimRef(claim_id=f"c-{d.id}", document=d.id, path=d.path, line=1, column=1,
                     end_line=1, end_column=10, span=(0, 9), text="Some text") for d in docs]
    report = Report(tool=ToolInfo(version="test"), documents=docs, findings=[Finding(
        id="bidi", kind="conflict", severity="error", message="m", confidence=0.9,
        claims=refs)], summary=Summary(documents=2, claims=2, conflicts=1, corroborations=0))
    path = tmp_path / "report.html"
    path.write_text(html.render(report), encoding="utf-8")
    for page in _open(browser, path.as_uri()):
        meta = page.evaluate(WORDS_LEFT, [".doc-meta", ["seeds/evil2", "Evil", "2025",
                                                        "claims in", "claims/evil2"]])
        assert None not in meta and meta == sorted(meta), meta
        where = page.evaluate(WORDS_LEFT, [".finding .where", ["seeds/evil2", "published",
                                                               "2025", "claim", "c-evil2"]])
        assert None not in where and where == sorted(where), where
