"""Reports escape what they quote: whatever a document, rule or error says, the Markdown,
plain text and GitHub annotations keep their line structure, the HTML and Markdown never
carry live markup, and the JSON and SARIF stay valid JSON that says it back."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.models.report import Report
from checker.reporting import github, html, markdown, sarif, text
from tests.reporting.sample import build_report
from tests.robustness.strategies import nasty_text

BASE = build_report()
LINE_FORMATS = {"md": markdown.render, "text": text.render, "github": github.render}
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _with(value: str) -> Report:
    """The sample report with `value` in every place that quotes the input."""
    findings = []
    for f in BASE.findings:
        claims = [c.model_copy(update={"text": f"{value} {c.text}"}) for c in f.claims]
        findings.append(f.model_copy(update={"message": f"{value} {f.message}",
                                              "claims": claims}))
    errors = [e.model_copy(update={"message": value}) for e in BASE.errors]
    documents = [d.model_copy(update={"title": value}) for d in BASE.documents]
    return BASE.model_copy(update={"findings": findings, "errors": errors,
                                   "documents": documents, "notes": [value]})


PLAIN = _with("plain words")


@settings(max_examples=60)
@given(st.one_of(nasty_text, st.sampled_from([
    "<script>alert(1)</script>", "line\nbreak", "cr\rlf\r\n", "\u2028ls\u2029ps\x85",
    "| pipe | table |", "```fence```", "# heading", "%0A::error::forged", "\x1b[31mred"])))
def test_quoted_text_cannot_change_the_structure(value: str) -> None:
    hostile = _with(value)
    for name, render in LINE_FORMATS.items():
        out = render(hostile)
        assert len(out.splitlines()) == len(render(PLAIN).splitlines()), name
        assert not CONTROL_RE.search(out), f"{name}: control character in {out!r}"
    md = markdown.render(hostile)
    for tag in ("<details>", "</details>", "<summary>", "</summary>"):  # its own markup
        md = md.replace(tag, "")
    assert "<" not in md
    page = html.render(hostile)
    assert "<script>alert" not in page
    # No markup of its own: as many tags as with plain words (the value itself may well be
    # in the page, as "<" is, in the page's own tags).
    assert page.count("<") == html.render(PLAIN).count("<")
    data, plain = json.loads(sarif.render(hostile)), json.loads(sarif.render(PLAIN))
    assert len(data["runs"][0]["results"]) == len(plain["runs"][0]["results"])
