"""The review app in headless Chromium: decide on a finding, and later checks honour it.

Skipped when Chromium or Playwright is missing, except under CI (`CI=true`), where a missing
browser is a failure: CI installs Debian's chromium and must run this test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checker.decisions import apply_decisions_file, load_decisions
from checker.models.report import DocumentOut, Report
from checker.pipeline import CheckOptions, CheckResult, run_check
from checker.review.server import ReviewApp, ReviewServer

from .sample import REPO, finding, fixed_clock, ref

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = REPO / "tests" / "artefacts" / "review-queue.png"
NOTE = "The page prints its own correction; the claim is quoted, not asserted."


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


@dataclass
class Served:
    """A running review app and the project it reviews."""

    root: Path
    url: str
    result: CheckResult


def _serve(app: ReviewApp) -> tuple[ReviewServer, threading.Thread]:
    server = ReviewServer(app, 0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return server, thread


def _options(root: Path) -> CheckOptions:
    return CheckOptions(root=root, seeds=root / "seeds", claims=root / "claims",
                        rules=root / "rules")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app over a copy of the repository's seeds, claims and rules."""
    _require_browser()
    root = tmp_path_factory.mktemp("project")
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, root / name)
    result = run_check(_options(root))
    texts = {dc.doc.id: dc.doc.text for dc in result.corpus.docs}
    app = ReviewApp(result.report, texts, root / "reviews" / "decisions.yaml",
                    "reviews/decisions.yaml", "E2E Editor", fixed_clock)
    server, thread = _serve(app)
    yield Served(root, server.url, result)
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _saved(page: Any, text: str) -> None:
    """Wait for the save status (the page's CSP forbids eval, so no wait_for_function)."""
    from playwright.sync_api import expect

    expect(page.locator("#save-status")).to_have_text(text)


def _open(browser: Any, url: str, errors: list[str]) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    return page


def test_false_alarm_with_a_note_is_saved_and_then_suppressed(served: Served,
                                                              browser: Any) -> None:
    errors: list[str] = []
    page = _open(browser, served.url, errors)
    items = page.locator("#queue .item")
    assert items.count() == len(served.result.report.findings)
    # The queue is ordered by severity, most severe first (read from the page).
    ranks = {"error": 3, "warning": 2, "info": 1}
    shown = page.eval_on_selector_all("#queue .item", "els => els.map(e => e.dataset.severity)")
    assert [ranks[s] for s in shown] == sorted((ranks[s] for s in shown), reverse=True)
    target = items.first
    fid = target.get_attribute("data-id")
    target.click()
    assert page.locator("#finding").get_attribute("data-id") == fid
    statement = next(f for f in served.result.report.findings if f.id == fid).claims[0]
    doc_text = served.result.corpus.by_id()[statement.document].doc.text
    mark = page.locator("#detail .statement mark.hl")
    assert mark.inner_text() == doc_text[statement.span[0]:statement.span[1]]
    page.fill("#note", NOTE)
    page.click("#decision-form button[data-decision=false-alarm]")
    _saved(page, "Saved: false alarm.")
    assert "false alarm" in page.locator(f"#q-{fid} .badge.decided").inner_text()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    page.context.close()
    assert errors == []

    path = served.root / "reviews" / "decisions.yaml"
    model, problems = load_decisions(path)
    assert problems == []
    saved = model.decisions[fid]
    assert (saved.decision, saved.note, saved.author) == ("false-alarm", NOTE, "E2E Editor")
    assert "false-alarm" in path.read_text(encoding="utf-8")

    # The next check, with the decisions applied, reports the finding suppressed.
    again = run_check(_options(served.root))
    applied, _, problems = apply_decisions_file(again.report.findings, path,
                                                "reviews/decisions.yaml")
    assert problems == []
    suppressed = next(f for f in applied if f.id == fid).suppressed
    assert suppressed is not None
    assert (suppressed.by, suppressed.reason, suppressed.author) == (
        "decision", NOTE, "E2E Editor")


def test_check_command_honours_the_decision(served: Served) -> None:
    claimcheck = Path(sys.executable).with_name("claimcheck")
    helptext = subprocess.run([str(claimcheck), "check", "--help"], capture_output=True,
                              text=True, check=False).stdout
    if "--decisions" not in helptext:
        pytest.skip("`claimcheck check --decisions` is not wired into the CLI yet")
    fid = served.result.report.findings[-1].id
    request = urllib.request.Request(
        served.url + "api/decisions", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"finding": fid, "decision": "false-alarm", "note": "CLI"}).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    subprocess.run([str(claimcheck), "check", "--format", "json", "--out", "out",
                    "--fail-on", "never", "--decisions", "reviews/decisions.yaml"],
                   cwd=served.root, check=True, capture_output=True)
    report = json.loads((served.root / "out" / "report.json").read_text(encoding="utf-8"))
    by_id = {f["id"]: f for f in report["findings"]}
    assert by_id[fid]["suppressed"] == {"by": "decision", "reason": "CLI",
                                        "author": "E2E Editor"}


def test_keyboard_moves_decides_and_filters(served: Served, browser: Any) -> None:
    errors: list[str] = []
    page = _open(browser, served.url, errors)
    first = page.locator("#finding").get_attribute("data-id")
    page.keyboard.press("j")
    second = page.locator("#finding").get_attribute("data-id")
    assert second != first
    page.keyboard.press("k")
    assert page.locator("#finding").get_attribute("data-id") == first
    page.keyboard.press("j")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type("checked with the agency; c and f typed here are not shortcuts")
    page.keyboard.press("Escape")
    page.keyboard.press("c")
    _saved(page, "Saved: confirmed.")
    model, _ = load_decisions(served.root / "reviews" / "decisions.yaml")
    saved = model.decisions[str(second)]
    assert saved.decision == "confirmed" and "agency" in (saved.note or "")
    page.keyboard.press("u")  # undecided only: the decided findings leave the queue
    ids = page.eval_on_selector_all("#queue .item", "els => els.map(e => e.dataset.id)")
    assert second not in ids and len(ids) < len(served.result.report.findings)
    assert all(s == "undecided" for s in page.eval_on_selector_all(
        "#queue .item", "els => els.map(e => e.dataset.state)"))
    page.context.close()
    assert errors == []


def test_filters_by_kind_severity_and_document(served: Served, browser: Any) -> None:
    errors: list[str] = []
    page = _open(browser, served.url, errors)
    kinds = page.eval_on_selector_all("#filter-kind option", "os => os.map(o => o.value)")
    kind = kinds[1]
    page.select_option("#filter-kind", kind)
    assert set(page.eval_on_selector_all("#queue .item", "els => els.map(e => e.dataset.kind)")
               ) == {kind}
    page.select_option("#filter-kind", "")
    page.select_option("#filter-severity", "info")
    assert set(page.eval_on_selector_all(
        "#queue .item", "els => els.map(e => e.dataset.severity)")) == {"info"}
    page.select_option("#filter-severity", "")
    doc = page.eval_on_selector_all("#filter-document option", "os => os.map(o => o.value)")[1]
    page.select_option("#filter-document", doc)
    docs = page.eval_on_selector_all("#queue .item", "els => els.map(e => e.dataset.documents)")
    assert docs and all(doc in d.split(" ") for d in docs)
    total = len(served.result.report.findings)
    assert page.locator("#counts").inner_text().startswith(f"{len(docs)} of {total} findings")
    page.context.close()
    assert errors == []


def test_an_address_naming_a_finding_opens_it_and_a_malformed_one_opens_the_first(
        served: Served, browser: Any) -> None:
    errors: list[str] = []
    last = served.result.report.findings[-1].id
    page = _open(browser, f"{served.url}#{last}", errors)
    assert page.locator("#finding").get_attribute("data-id") == last
    page.context.close()
    page = _open(browser, f"{served.url}#%", errors)  # not a valid escape
    assert page.locator("#finding").get_attribute("data-id")
    page.context.close()
    assert errors == []


HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'
LONG_LINE = "Z" * 20_000


def test_hostile_document_text_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    _require_browser()
    text = (f"Title {HOSTILE_SCRIPT}\n"
            f"China is a member of the ISS {HOSTILE_IMG} says the page.\n"
            f"{LONG_LINE}\nThe end.\n")
    texts = {"evil": text}
    line2 = text.splitlines()[1]
    items = [
        finding("aaaa000000000000000a", "conflict", "error", 0.9,
                [ref("evil", line2, texts=texts), ref("evil", HOSTILE_SCRIPT, "evidence",
                                                     texts=texts)],
                details={"found": HOSTILE_SCRIPT}, reference=HOSTILE_IMG),
        finding("bbbb000000000000000b", "term", "warning", 0.8,
                [ref("evil", LONG_LINE, "match", texts=texts)]),
    ]
    items[0] = items[0].model_copy(update={"message": f"Planted {HOSTILE_IMG}"})
    report = Report.model_validate({
        "tool": {"version": "test"}, "findings": items,
        "documents": [DocumentOut(id="evil", path="seeds/evil.txt", title=HOSTILE_SCRIPT)],
        "summary": {"documents": 1, "claims": 1, "conflicts": 1, "corroborations": 0}})
    app = ReviewApp(report, texts, tmp_path / "decisions.yaml", "decisions.yaml", HOSTILE_IMG,
                    fixed_clock)
    server, thread = _serve(app)
    try:
        errors: list[str] = []
        page = _open(browser, server.url, errors)
        detail = page.locator("#detail")
        assert HOSTILE_IMG in detail.inner_text() and HOSTILE_SCRIPT in detail.inner_text()
        assert page.locator("#filter-document option", has_text=HOSTILE_SCRIPT).count() == 1
        page.keyboard.press("j")
        mark = page.locator("#detail .statement mark.hl")
        assert mark.inner_text() == LONG_LINE
        # The 20,000-character line wraps: nothing is wider than the window.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.evaluate("(() => { const d = document.getElementById('detail');"
                             " return d.scrollWidth <= d.clientWidth; })()")
        page.keyboard.press("k")
        page.keyboard.press("f")
        _saved(page, "Saved: false alarm.")
        assert HOSTILE_IMG in page.locator("#current-decision").inner_text()  # the author
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("img").count() == 0 and page.locator("body script").count() == 0
        page.context.close()
        assert errors == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(f"{__name__}.CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _require_browser()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        _require_browser()
