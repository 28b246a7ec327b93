"""HTML: escaped everywhere, self-contained, script pinned by CSP, statements highlighted."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from checker.models.report import Report
from checker.reporting import html
from checker.reporting.htmlview import build_view

from .sample import HOSTILE

ALLOWED_ATTRIBUTES = {"id", "class", "lang", "charset", "content", "name", "http-equiv", "href",
                      "rel", "title", "type", "hidden", "role", "aria-label", "aria-labelledby",
                      "aria-live", "open", "scope", "value"}


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
    for page in (html.render(report), html.render_with_sources(report, texts)):
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
    # Conflicts first, then by confidence; suppressed last.
    assert [a["data-kind"] for a in items] == ["conflict", "term", "rule-violation",
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
    assert "seeds/doc-a.txt:2:1</a> · published 2025-03-01 · claim" in out
    # one document's finding needs no date
    term = out[out.index('data-kind="term"'):]
    assert "published" not in term[:term.index("</li>\n</ul>")]
