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
from tests.screen import WORDS_LEFT

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


# The editor's probe: two editors, unsaved notes, telling findings apart, the keyboard,
# and a corpus changed under the page. Each over the hand-built sample (no check run).

B_NOTE = "B: quoted to refute it; checked with the reporter"


def _sample_app(path: Path, editor: str, items: list[Any] | None = None,
                inputs: tuple[Path, ...] = ()) -> ReviewApp:
    from .sample import TEXTS, report

    watched = {"inputs": inputs} if inputs else {}
    return ReviewApp(report(items), TEXTS, path, "reviews/decisions.yaml", editor,
                     fixed_clock, **watched)


@pytest.fixture()
def two_desks(tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """Desk A's and Desk B's review apps on one decisions file."""
    _require_browser()
    path = tmp_path / "reviews" / "decisions.yaml"
    a, ta = _serve(_sample_app(path, "Desk A"))
    b, tb = _serve(_sample_app(path, "Desk B"))
    yield a.url, b.url, path
    for server, thread in ((a, ta), (b, tb)):
        server.shutdown()
        server.server_close()
        thread.join(5)


def _post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url + "api/decisions", method="POST",
                                     headers={"Content-Type": "application/json"},
                                     data=json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(json.load(response))


def test_a_decision_another_editor_saved_meanwhile_is_shown_not_overwritten(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    from playwright.sync_api import expect

    url_a, url_b, path = two_desks
    fid = "aaaa000000000000000a"
    errors: list[str] = []
    page = _open(browser, f"{url_a}#{fid}", errors)
    assert page.locator("#current-decision").inner_text() == "Undecided."
    _post(url_b, {"finding": fid, "decision": "false-alarm", "note": B_NOTE})
    page.keyboard.press("c")
    _saved(page, f"Not saved: changed by Desk B: false-alarm — {B_NOTE}. Shown now; "
                 "decide again to change it.")
    expect(page.locator("#current-decision")).to_contain_text("false alarm by Desk B")
    assert page.locator("#note").input_value() == B_NOTE
    assert "false alarm" in page.locator(f"#q-{fid} .badge.decided").inner_text()
    saved = load_decisions(path)[0].decisions[fid]
    assert (saved.decision, saved.note, saved.author) == ("false-alarm", B_NOTE, "Desk B")
    # Now that A has seen it, A's decision goes through.
    page.keyboard.press("c")
    _saved(page, "Saved: confirmed.")
    assert load_decisions(path)[0].decisions[fid].author == "Desk A"
    page.context.close()
    assert all("409" in e for e in errors), errors  # the refused save, logged


def test_decisions_are_read_again_when_the_window_regains_focus(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    from playwright.sync_api import expect

    url_a, url_b, _ = two_desks
    fid = "bbbb000000000000000b"
    errors: list[str] = []
    page = _open(browser, f"{url_a}#{fid}", errors)
    assert page.locator("#current-decision").inner_text() == "Undecided."
    _post(url_b, {"finding": fid, "decision": "needs-source", "note": B_NOTE})
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(page.locator("#current-decision")).to_contain_text("needs source by Desk B")
    expect(page.locator(f"#q-{fid}")).to_have_attribute("data-state", "decided")
    assert page.locator("#note").input_value() == B_NOTE
    page.context.close()
    assert errors == []


def test_a_typed_note_is_kept_and_leaving_it_unsaved_is_warned(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    from playwright.sync_api import expect

    url_a, _, path = two_desks
    errors: list[str] = []
    page = _open(browser, url_a, errors)
    first = page.locator("#finding").get_attribute("data-id")
    note = "Call the ministry press office before publishing"
    page.keyboard.press("n")
    page.keyboard.type(note)
    # Ctrl+Enter on an undecided finding: told to decide first (a review: "changed by
    # another editor", with no other editor)
    page.keyboard.press("Control+Enter")
    expect(page.locator("#save-status")).to_contain_text("decide first")
    assert "another editor" not in page.locator("#save-status").inner_text()
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # warned, not moved
    assert page.locator("#finding").get_attribute("data-id") == first
    expect(page.locator("#save-status")).to_contain_text("Unsaved note on this finding")
    assert page.locator("#save-note").is_disabled()  # undecided: the note goes with a decision
    page.keyboard.press("j")  # asked twice: leave it, kept as a draft
    assert page.locator("#finding").get_attribute("data-id") != first
    assert page.locator(f"#q-{first} .badge.draft").inner_text() == "unsaved note"
    page.keyboard.press("k")
    assert page.locator("#finding").get_attribute("data-id") == first
    assert page.locator("#note").input_value() == note
    page.keyboard.press("s")
    _saved(page, "Saved: needs source.")
    assert page.locator(f"#q-{first} .badge.draft").count() == 0
    assert load_decisions(path)[0].decisions[str(first)].note == note
    # A note changed on a decided finding is saved alone, the decision kept.
    page.fill("#note", "The press office confirmed the figure")
    assert page.locator("#note-status").inner_text().startswith("Unsaved note")
    page.focus("#note")
    page.keyboard.press("Control+Enter")
    _saved(page, "Note saved.")
    saved = load_decisions(path)[0].decisions[str(first)]
    assert (saved.decision, saved.note) == ("needs-source",
                                            "The press office confirmed the figure")
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # nothing unsaved: moves at once
    assert page.locator("#finding").get_attribute("data-id") != first
    page.context.close()
    assert errors == []


def test_queue_rows_tell_identical_findings_apart_and_the_place_is_dated(
        tmp_path: Path, browser: Any) -> None:
    from .sample import CORRECTION, ISS, findings

    _require_browser()
    items = findings()
    twin = finding("ffff000000000000000f", "rule-violation", "error", 0.8333333,
                   [ref("doc-a", CORRECTION)], rule_id="china-not-iss-member")
    twin = twin.model_copy(update={"message": items[0].message})
    server, thread = _serve(_sample_app(tmp_path / "d.yaml", "Desk A", [items[0], twin]))
    try:
        errors: list[str] = []
        page = _open(browser, server.url, errors)
        rows = page.locator("#queue .item")
        assert rows.count() == 2
        assert rows.nth(0).locator(".msg").inner_text() == rows.nth(1).locator(".msg").inner_text()
        locs = [rows.nth(i).locator(".loc").inner_text() for i in range(2)]
        assert locs[0].startswith("doc-a:2") and ISS[:40] in locs[0]
        assert locs[1].startswith("doc-a:4") and CORRECTION in locs[1]
        where = page.locator("#detail .statement .where").inner_text()
        assert "Daily Orbit" in where and "published 2025-03-01" in where
        assert "confidence 0.95" in page.locator("#detail .meta").inner_text()
        page.keyboard.press("j")
        assert "confidence 0.83 " in page.locator("#detail .meta").inner_text()
        page.context.close()
        assert errors == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_queue_items_are_focusable_and_follow_j_and_k(two_desks: tuple[str, str, Path],
                                                     browser: Any) -> None:
    url_a, _, _ = two_desks
    errors: list[str] = []
    page = _open(browser, url_a, errors)
    assert page.locator("#queue").get_attribute("role") == "listbox"
    tabindex = page.eval_on_selector_all("#queue .item", "els => els.map(e => e.tabIndex)")
    assert tabindex[0] == 0 and set(tabindex[1:]) == {-1}  # one tab stop: the current item
    page.focus("#queue .item >> nth=0")
    page.keyboard.press("j")
    active = page.evaluate("[document.activeElement.dataset.id,"
                           " document.activeElement.getAttribute('aria-selected')]")
    second = page.locator("#finding").get_attribute("data-id")
    assert active == [second, "true"]
    assert page.locator("#queue .item[aria-selected=true]").count() == 1
    page.keyboard.press("ArrowDown")
    third = page.locator("#finding").get_attribute("data-id")
    assert third != second and page.evaluate("document.activeElement.dataset.id") == third
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.dataset.id") == second
    # Enter on a focused item opens it (Tab from the current item leaves the queue).
    page.focus(f"#q-{third}")
    page.keyboard.press("Enter")
    assert page.locator("#finding").get_attribute("data-id") == third
    assert page.locator(f"#q-{third}").get_attribute("tabindex") == "0"
    page.context.close()
    assert errors == []


def test_a_corpus_changed_under_the_page_says_to_restart(tmp_path: Path,
                                                        browser: Any) -> None:
    from playwright.sync_api import expect

    _require_browser()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "doc-a.txt").write_text("one\n", encoding="utf-8")
    app = _sample_app(tmp_path / "reviews" / "decisions.yaml", "Desk A", inputs=(seeds,))
    server, thread = _serve(app)
    try:
        errors: list[str] = []
        page = _open(browser, server.url, errors)
        assert page.locator("#stale").is_hidden()
        (seeds / "doc-a.txt").write_text("one, reworded\n", encoding="utf-8")
        page.keyboard.press("c")
        expect(page.locator("#save-status")).to_contain_text("Not saved: the documents")
        expect(page.locator("#stale")).to_contain_text("restart `claimcheck review`")
        page.reload()
        expect(page.locator("#loading")).to_contain_text("restart `claimcheck review`")
        assert page.locator("#queue .item").count() == 0  # no old sentences
        assert page.locator("#stale").is_visible()
        page.context.close()
        assert not (tmp_path / "reviews" / "decisions.yaml").exists()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_note_typed_while_a_save_is_on_its_way_is_kept_and_fires_no_keys(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    import fcntl
    import threading
    import time

    from playwright.sync_api import expect

    url_a, _, path = two_desks
    path.parent.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    page = _open(browser, url_a, errors)
    first = str(page.locator("#finding").get_attribute("data-id"))
    # Another writer holds the decisions file for a second: the save waits (an editor
    # probe: the redraw emptied the note box and "fine" saved a false alarm).
    held = threading.Event()

    def hold() -> None:
        with open(path.with_name(f".{path.name}.lock"), "a+") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            held.set()
            time.sleep(1.0)
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    page.keyboard.press("c")
    page.keyboard.press("n")
    page.keyboard.type("checked: fine", delay=40)
    holder.join(5)
    _saved(page, "Saved: confirmed.")
    page.keyboard.type(" by phone", delay=20)
    expect(page.locator("#note")).to_have_value("checked: fine by phone")
    saved = load_decisions(path)[0].decisions[first]
    assert saved.decision == "confirmed"
    assert page.locator(f"#q-{first} .badge.draft").inner_text() == "unsaved note"
    page.context.close()
    assert errors == []


def test_a_decision_button_used_with_the_keyboard_keeps_the_focus(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    """Tab to a decision button and press Enter: after the save the focus is on that button
    (not on the page, where the next key would be a shortcut), and the next Tab goes on."""
    url_a, _, path = two_desks
    errors: list[str] = []
    page = _open(browser, url_a, errors)
    first = str(page.locator("#finding").get_attribute("data-id"))
    page.focus("#note")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.decision") == "needs-source":
            break
    assert page.evaluate("document.activeElement.dataset.decision") == "needs-source"
    page.keyboard.press("Enter")
    _saved(page, "Saved: needs source.")
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.dataset."
                         "decision, document.activeElement.getAttribute('aria-pressed')]"
                         ) == ["BUTTON", "needs-source", "true"]
    assert load_decisions(path)[0].decisions[first].decision == "needs-source"
    # Tab goes on from the button (Clear is next), and Enter there clears the decision.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.decision") == ""
    page.keyboard.press("Enter")
    _saved(page, "Decision cleared.")
    assert page.evaluate("document.activeElement.dataset.decision") == ""
    assert first not in load_decisions(path)[0].decisions
    # Space works like Enter on a button.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    _saved(page, "Saved: needs source.")
    assert page.evaluate("document.activeElement.dataset.decision") == "needs-source"
    assert page.locator("#finding").get_attribute("data-id") == first
    page.context.close()
    assert errors == []


def test_a_bidi_override_in_metadata_does_not_reverse_the_fields_after_it(
        browser: Any, tmp_path: Path) -> None:
    """An editor probe: `publisher: "Evil Press\\u202e"` (an unterminated RLO) made the
    statement line read "... Evil Press18159ec866c mialc · 5202 dehsilbup". Each field is
    isolated: the others read left to right, in their order."""
    _require_browser()
    text = "The minister said so.\n"
    texts = {"evil2": text}
    rlo = "\u202e"
    items = [finding("aaaa000000000000000a", "conflict", "error", 0.9,
                     [ref("evil2", "The minister said so.", texts=texts)])]
    report = Report.model_validate({
        "tool": {"version": "test"}, "findings": items,
        "documents": [DocumentOut(id="evil2", path="seeds/evil2.txt",
                                  title=f"Evil title{rlo}", publisher=f"Evil Press{rlo}",
                                  published="2025")],
        "summary": {"documents": 1, "claims": 1, "conflicts": 1, "corroborations": 0}})
    app = ReviewApp(report, texts, tmp_path / "decisions.yaml", "decisions.yaml",
                    f"Desk{rlo} A", fixed_clock)
    server, thread = _serve(app)
    try:
        errors: list[str] = []
        page = _open(browser, server.url, errors)
        where = page.evaluate(WORDS_LEFT, ["#detail .statement .where", [
            "statement", "evil2", "seeds/evil2.txt", "Evil Press", "published", "2025",
            "claim", "c-evil2-1"]])
        assert None not in where and where == sorted(where), where
        who = page.evaluate(WORDS_LEFT, ["#who", ["deciding as", "Desk", "saved to",
                                                  "decisions.yaml"]])
        assert None not in who and who == sorted(who), who
        page.keyboard.press("c")
        _saved(page, "Saved: confirmed.")
        decided = page.evaluate(WORDS_LEFT, ["#current-decision", ["Decision", "confirmed",
                                                                   "by", "Desk", "at", "2025"]])
        assert None not in decided and decided == sorted(decided), decided
        page.context.close()
        assert errors == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# How much of an element the window shows after scrolling the page to it, in px.
SHOWN_HEIGHT = """(selector) => {
  const node = document.querySelector(selector);
  node.scrollIntoView({ block: "start" });
  const box = node.getBoundingClientRect();
  return Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
}"""


@pytest.mark.parametrize("size", [(640, 360), (1280, 360), (320, 256)])
def test_a_short_or_narrow_window_leaves_the_finding_room(
        two_desks: tuple[str, str, Path], browser: Any, size: tuple[int, int]) -> None:
    """An editor probe at 200% zoom (640 x 360): header, footer and queue left 95 px for the
    finding and the page did not scroll. It reflows (WCAG 1.4.10): the page scrolls, the
    queue above the finding, and the finding with its decision buttons gets the window."""
    url_a, _, path = two_desks
    width, height = size
    errors: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url_a)
    page.wait_for_selector("body[data-ready=true]")
    assert page.evaluate(SHOWN_HEIGHT, "#finding") >= 0.9 * height
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    if width < 800:  # the queue above the finding, in reading order
        assert page.evaluate("document.querySelector('.queue-pane').getBoundingClientRect()"
                             ".bottom <= document.getElementById('detail')"
                             ".getBoundingClientRect().top")
    first = str(page.locator("#finding").get_attribute("data-id"))
    # The decision buttons are reached with Tab and shown whole, not clipped by a pane.
    page.focus("#note")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.decision") == "needs-source"
    hit = page.evaluate("(() => { const b = document.activeElement.getBoundingClientRect();"
                        " const at = document.elementFromPoint(b.left + b.width / 2,"
                        " b.top + b.height / 2); return b.top >= 0 && b.bottom <="
                        " window.innerHeight && !!at && !!at.closest('[data-decision]'); })()")
    assert hit
    page.keyboard.press("Enter")
    _saved(page, "Saved: needs source.")
    assert load_decisions(path)[0].decisions[first].decision == "needs-source"
    # j from the finding shows the next one without scrolling the page back to the queue.
    page.evaluate(SHOWN_HEIGHT, "#decision-form")
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("j")
    assert page.locator("#finding").get_attribute("data-id") != first
    assert page.evaluate("window.scrollY") == min(scrolled, page.evaluate(
        "document.documentElement.scrollHeight - window.innerHeight"))
    context.close()
    assert errors == []


def test_a_decision_button_whose_finding_leaves_the_queue_hands_the_focus_on(
        two_desks: tuple[str, str, Path], browser: Any) -> None:
    """With "undecided only" on, the finding decided leaves the queue and its buttons with
    it: the focus goes to the next finding's heading, not to the top of the page. A save
    refused because another editor decided meanwhile keeps it on the button."""
    url_a, url_b, _ = two_desks
    errors: list[str] = []
    page = _open(browser, url_a, errors)
    first = str(page.locator("#finding").get_attribute("data-id"))
    page.keyboard.press("u")
    page.focus("#decision-form button[data-decision=confirmed]")
    page.keyboard.press("Enter")
    _saved(page, "Saved: confirmed.")
    second = str(page.locator("#finding").get_attribute("data-id"))
    assert second != first
    assert page.evaluate("[document.activeElement.tagName,"
                         " document.activeElement.closest('#finding').dataset.id]"
                         ) == ["H2", second]
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#finding')")
    # Another editor decides this one meanwhile: the refused save keeps the focus.
    _post(url_b, {"finding": second, "decision": "fixed", "note": B_NOTE})
    page.focus("#decision-form button[data-decision=false-alarm]")
    page.keyboard.press("Enter")
    from playwright.sync_api import expect
    expect(page.locator("#save-status")).to_contain_text("Not saved: changed by Desk B")
    assert page.evaluate("document.activeElement.dataset.decision") == "false-alarm"
    page.context.close()
    assert all("409" in e for e in errors), errors  # the refused save, logged
