"""HTML: escaped everywhere, self-contained, script pinned by CSP, statements highlighted."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from checker.models.report import ClaimRef, Finding, Report
from checker.reporting import html
from checker.reporting.htmlview import build_view

from .sample import HOSTILE

ALLOWED_ATTRIBUTES = {"id", "class", "lang", "charset", "content", "name", "http-equiv", "href",
                      "rel", "title", "type", "hidden", "role", "aria-label", "aria-labelledby",
                      "aria-live", "open", "scope", "value", "dir"}


class _Tags(HTMLParser):
    """Collects start tags with their attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    return tags


def test_hostile_text_escaped(report: Report, texts: dict[str, str]) -> None:
    for page in (html.render(report), html.render_with_sources(report, texts),
                 html.render_with_sources(report, texts, lazy=True)):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script>alert" not in page and HOSTILE not in page
        assert "<b>not</b>" not in page and "&lt;b&gt;not&lt;/b&gt;" in page
        assert "<i>note</i>" not in page
        parsed = _parse(page)
        assert [t for t, _ in parsed.tags].count("script") == 1
        names = {k for _, a in parsed.tags for k in a if not k.startswith("data-")}
        assert names <= ALLOWED_ATTRIBUTES, names - ALLOWED_ATTRIBUTES
        assert not any(k.startswith("on") for _, a in parsed.tags for k in a)


def test_only_web_links(report: Report) -> None:
    parsed = _parse(html.render(report))
    hrefs = [a["href"] for t, a in parsed.tags if t == "a"]
    external = [h for h in hrefs if h and not h.startswith("#")]
    assert external == ["https://example.org/moon?a=1&b=<2>", "https://example.org/a?x=1&y=2"]
    assert "javascript:" not in "".join(h or "" for h in hrefs)


def test_self_contained(report: Report) -> None:
    page = html.render(report)
    parsed = _parse(page)
    assert not any(t in ("link", "img", "iframe", "object", "embed") for t, _ in parsed.tags)
    assert not any("src" in a for _, a in parsed.tags)
    assert "@import" not in page and "url(" not in page and "@font-face" not in page


def test_csp_pins_the_script(report: Report) -> None:
    page = html.render(report)
    parsed = _parse(page)
    csp = next(a["content"] for t, a in parsed.tags if a.get("http-equiv") ==
               "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp
    script = parsed.scripts[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_findings_order_and_filters_data(report: Report) -> None:
    parsed = _parse(html.render(report))
    items = [a for t, a in parsed.tags if t == "li" and "data-finding" in a]
    # By severity, conflicts first within one, then by confidence; suppressed last.
    assert [a["data-kind"] for a in items] == ["conflict", "rule-violation", "term",
                                               "corroboration", "rule-violation"]
    assert [a["data-suppressed"] for a in items] == ["false"] * 4 + ["true"]
    assert items[0]["data-documents"] == "d0 d1"
    options = [a["value"] for t, a in parsed.tags if t == "option"]
    assert {"conflict", "term", "error", "warning", "info", "d0", "d1"} <= set(options)


def test_statement_mode_highlights_the_flagged_word(report: Report) -> None:
    page = html.render(report)
    assert re.search(r'<mark class="hl tone-warning" data-findings="f2" title="[^"]*">'
                     r"Chiang&#39;e</mark> 6 flew in May\.", page)
    assert "the document text is not part of this report" in page


def test_sources_mode_shows_every_line(report: Report, texts: dict[str, str]) -> None:
    page = html.render_with_sources(report, texts)
    assert "Alpha &amp; Omega &lt;report&gt;</p>" in page  # an unflagged line
    # A statement over two lines is highlighted on both.
    assert re.search(r'data-findings="f0 f3"[^>]*>The probe launched in 2025</mark>', page)
    assert re.search(r'data-findings="f0 f3"[^>]*>from pad 39A\.</mark>', page)
    assert "the document text is not part of this report" not in page


def test_overlapping_highlights_nest() -> None:
    from checker.models.report import ClaimRef, Finding

    text = "Alpha beta gamma."
    def ref(start: int, end: int) -> ClaimRef:
        return ClaimRef(claim_id="c", document="d", path="d.txt", line=1, column=start + 1,
                        end_line=1, end_column=end + 1, span=(start, end), text=text[start:end])
    wide = Finding(id="w", kind="corroboration", severity="info", message="agree",
                   confidence=0.5, claims=[ref(0, len(text))])
    word = Finding(id="n", kind="term", severity="warning", message="spelling",
                   confidence=1.0, claims=[ref(6, 10)])
    base = Report.model_validate_json(
        '{"tool": {"version": "0"}, "documents": [], "findings": [], "summary": '
        '{"documents": 1, "claims": 1, "conflicts": 0, "corroborations": 1}}')
    view = build_view(base.model_copy(update={"findings": [wide, word]}), {"d": text})
    segments = view.documents[0].blocks[0].segments
    assert [(s.text, s.fids, s.tone) for s in segments] == [
        ("Alpha ", ["f0"], "agree"), ("beta", ["f0", "f1"], "warning"),
        (" gamma.", ["f0"], "agree")]


def test_spans_past_the_text_are_clamped(report: Report) -> None:
    page = html.render_with_sources(report, {"doc-a": "short", "odd, name:2": ""})
    assert "short" in page


def test_empty_report(report: Report) -> None:
    empty = report.model_copy(update={"findings": [], "errors": [], "entities": [],
                                      "notes": []})
    page = html.render(empty)
    assert "Nothing flagged in this document." in page
    assert '<p id="no-match" class="empty">' in page


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_sources_mode_counts_lines_as_the_text_report(report: Report, texts: dict[str, str],
                                                      newline: str) -> None:
    same = html.render_with_sources(report, texts)
    other = html.render_with_sources(report, {k: v.replace("\n", newline)
                                              for k, v in texts.items()})
    # One line break is one character or two, but the lines and their numbers are one.
    lines = re.findall(r'id="[^"]*-l(\d+)"', same)
    assert len(lines) > 2 and re.findall(r'id="[^"]*-l(\d+)"', other) == lines


def test_statements_of_several_documents_show_when_each_was_published(report: Report) -> None:
    """A desk probe: whether a toll grew or an outlet erred is told by the pages' dates."""
    out = html.render(report)
    assert ("seeds/doc-a.txt:2:1</bdi></a> · published <bdi>2025-03-01</bdi> · claim"
            in out)
    # one document's finding needs no date
    term = out[out.index('data-kind="term"'):]
    assert "published" not in term[:term.index("</li>\n</ul>")]


def _finding(kind: str, severity: str, confidence: float, message: str = "m",
             **extra: object) -> Finding:
    ref = ClaimRef(claim_id="c", document="d", path="d.txt", line=1, column=1, end_line=1,
                   end_column=5, span=(0, 4), text="Text")
    return Finding.model_validate({"id": f"{kind}-{confidence}", "kind": kind,
                                   "severity": severity, "message": message,
                                   "confidence": confidence, "claims": [ref], **extra})


def _report(findings: list[Finding], notes: list[str] | None = None) -> Report:
    base = Report.model_validate_json(
        '{"tool": {"version": "0"}, "documents": [], "findings": [], "summary": '
        '{"documents": 1, "claims": 1, "conflicts": 1, "corroborations": 0}}')
    return base.model_copy(update={"findings": findings, "notes": notes or []})


def _kinds_in_order(page: str) -> list[str]:
    return [a["data-kind"] or "" for t, a in _parse(page).tags
            if t == "li" and "data-finding" in a]


def test_findings_are_ordered_by_severity_before_confidence() -> None:
    """An editor's probe: an info consistency finding of confidence 1.00 was listed above an
    error rule violation of 0.95; report.json, report.md and the review queue put errors
    first."""
    findings = [_finding("consistency", "info", 1.0), _finding("term", "warning", 0.99),
                _finding("rule-violation", "error", 0.95),
                _finding("self-contradiction", "error", 0.6)]
    page = html.render(_report(findings))
    assert _kinds_in_order(page) == ["self-contradiction", "rule-violation", "term",
                                     "consistency"]


def test_summary_counts_agree_with_the_table_by_kind() -> None:
    """A self-contradiction is not counted as "1 conflicts" where the table has no conflict
    row; counts of one are singular."""
    page = html.render(_report([_finding("self-contradiction", "error", 0.9),
                                _finding("rule-violation", "error", 0.95)]))
    assert "<b>1</b> conflicts" not in page
    assert '<li class="count tone-error"><b>0</b> conflicts</li>' in page
    assert '<li class="count tone-error"><b>1</b> self-contradiction</li>' in page
    assert '<li class="count tone-error"><b>1</b> rule violation</li>' in page
    assert '<tr><th scope="row">self-contradiction</th><td>1</td>' in page
    assert '<th scope="row">conflict</th>' not in page


def test_a_rule_supports_explanation_is_shown_once() -> None:
    explanation = "Pakistan's ICUBE-Q lunar cubesat was launched with Chang'e 6 in May 2024."
    support = _finding("rule-support", "info", 0.9, rule_id="icube-q",
                       message=f"Agrees with icube-q: {explanation}",
                       details={"explanation": explanation})
    page = html.render(_report([support]))
    item = page[page.index('<li class="finding'):page.index("</li>\n</ol>")]
    assert item.count("ICUBE-Q lunar cubesat") == 1
    card = page[page.index('<div class="card'):]
    assert card[:card.index("</div>")].count("ICUBE-Q lunar cubesat") == 1
    # A violation's explanation says more than its message: still shown.
    violation = _finding("rule-violation", "error", 0.9, rule_id="r", message="Wrong.",
                         details={"explanation": "Because."})
    assert html.render(_report([violation])).count('<p class="explanation" dir="auto">'
                                                   "Because.</p>") == 2


def test_document_text_notes_and_messages_take_their_direction(
        report: Report, texts: dict[str, str]) -> None:
    """Hebrew or Arabic mixed with Latin renders in order only in an element of its own
    direction: dir="auto" on what shows document text, notes and messages."""
    for page in (html.render(report), html.render_with_sources(report, texts)):
        tags = _parse(page).tags
        text_elements = [a for t, a in tags if t == "q" or a.get("class") in (
            "message", "explanation") or (t == "p" and a.get("class") is None and
                                          a.get("dir") is not None)]
        assert len(text_elements) > 10
        assert all(a.get("dir") == "auto" for a in text_elements)
        assert page.count('<p dir="auto">') == sum(1 for t, a in tags if a.get("class") in (
            "block", "block flagged"))
        notes = page[page.index('<ul class="notes">'):]
        assert notes.startswith('<ul class="notes">\n<li dir="auto">')


def test_repeated_run_notes_are_one_line_with_every_note_kept() -> None:
    notes = [f"seeds/{i:03}.txt: no claim file (claims/{i:03}.yaml); claims extracted on the "
             "fly" for i in range(40)] + ["decision resolved: abc (confirmed) gone"]
    page = html.render(_report([], sorted(notes)))
    assert "<b>40</b> notes like: <bdi>seeds/000.txt: no claim file" in page
    assert page.count("claims extracted on the fly</li>") == 40  # all, collapsed
    assert '<li dir="auto">decision resolved: abc (confirmed) gone</li>' in page


def _large(count: int) -> tuple[Report, dict[str, str]]:
    """`count` documents of 10 lines, each with a conflict with the next."""
    texts = {f"d{i}": "".join(f"Line {n} of document {i}.\n" for n in range(10))
             for i in range(count)}
    findings = []
    for i in range(count):
        j = (i + 1) % count
        refs = [ClaimRef(claim_id=None, document=f"d{k}", path=f"d{k}.txt", line=3, column=1,
                         end_line=3, end_column=10,
                         span=(texts[f"d{k}"].index("Line 2"), texts[f"d{k}"].index("Line 3")),
                         text=f"Line 2 of document {k}. {HOSTILE}") for k in (i, j)]
        findings.append(Finding(id=f"x{i}", kind="conflict", severity="error", message="Differ",
                                confidence=0.9, claims=refs))
    return _report(findings), texts


def test_a_large_report_builds_documents_and_findings_when_shown() -> None:
    """500 documents made a page of 94,544 elements, 20 s to load and 2 s a filter change:
    a large report's document bodies and findings wait in <template>s (parsed, escaped,
    not rendered) that report.js puts in place when shown."""
    report, texts = _large(60)
    view = build_view(report, texts)
    assert view.lazy and not build_view(*_large(5)).lazy
    page = html.render_with_sources(report, texts)
    assert page.count('<template class="doc-blocks">') == 60
    assert page.count('<template class="finding-body">') == 60
    assert '<details class="doc-body" open>' not in page
    assert 'data-page="100"' in page and 'id="show-more"' in page
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    small = html.render_with_sources(*_large(5))
    assert '<template class=' not in small and '<details class="doc-body" open>' in small


def test_a_card_quotes_a_few_other_statements_and_links_the_rest() -> None:
    """A corroboration of 27 documents quoted 26 others on each of its 27 cards (2.2 MB
    of a 500-document page); the finding in the list still quotes every statement."""
    refs = [ClaimRef(claim_id=None, document=f"d{i}", path=f"d{i}.txt", line=1, column=1,
                     end_line=1, end_column=5, span=(0, 4), text=f"Text {i}")
            for i in range(8)]
    finding = Finding(id="c", kind="corroboration", severity="info", message="Agree",
                      confidence=0.9, claims=refs)
    page = html.render(_report([finding]))
    cards = page[page.index('<section id="documents"'):]
    assert cards.count('<div class="card') == 8
    assert cards.count('<blockquote class="other">') == 8 * 4
    assert cards.count('<a href="#f0">3 more statements</a> in the finding') == 8
    item = page[page.index('<li class="finding'):page.index("</li>\n</ol>")]
    assert all(f"Text {i}</q>" in item for i in range(8))


def test_a_statement_several_documents_dispute_is_named_in_the_summary(
        disputed_report: Report) -> None:
    page = html.render(disputed_report)
    head = "<h3>Disputed by several documents</h3>"
    assert head in page and page.index(head) < page.index('id="findings"')
    item = page[page.index(head):].split("<li>", 1)[1].split("</li>", 1)[0]
    keys = {d.id: f"d{i}" for i, d in enumerate(disputed_report.documents)}
    assert "54%" in item and f'href="#{keys["d"]}"' in item
    assert all(f'href="#{keys[x]}"><bdi>{x}</bdi></a>' in item for x in "abc")
