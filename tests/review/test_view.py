"""The page data: queue order, statements in context, long lines clipped but kept whole."""

from __future__ import annotations

from checker.decisions import make_decision
from checker.models.report import Suppressed
from checker.review.view import (
    CONTEXT_CHARS,
    MAX_STATEMENT_CHARS,
    context,
    decisions_data,
    page_data,
    queue_order,
)

from .sample import ISS, TEXTS, findings, fixed_clock, ref, report, reworded


def test_queue_is_ordered_by_severity_then_confidence() -> None:
    ordered = queue_order(list(reversed(findings())))
    assert [(f.severity, f.confidence) for f in ordered] == [
        ("error", 0.95), ("error", 0.8), ("warning", 1.0), ("warning", 0.9), ("info", 0.7)]


def test_context_is_whole_lines_around_the_statement() -> None:
    text = "\n".join(f"line {i}" for i in range(10))
    start = text.index("line 5")
    c = context(text, start, start + 6)
    assert c["match"] == "line 5"
    assert c["before"] == "line 3\nline 4\n" and c["after"] == "\nline 6\nline 7"
    assert c["more_before"] and c["more_after"] and not c["match_cut"]
    first = context(text, 0, 6)
    assert first["before"] == "" and not first["more_before"]


def test_context_clips_long_lines_but_not_the_statement() -> None:
    long_line = "x" * 20_000
    text = f"intro\n{long_line} STATEMENT {long_line}\nend"
    start = text.index("STATEMENT")
    c = context(text, start, start + 9)
    assert len(c["before"]) == CONTEXT_CHARS and len(c["after"]) == CONTEXT_CHARS
    assert c["more_before"] and c["more_after"]
    whole = context(text, 6, 6 + len(long_line))
    assert whole["match"] == long_line and whole["before"] == "intro\n"
    huge = "y" * (MAX_STATEMENT_CHARS + 10)
    assert context(huge, 0, len(huge))["match_cut"] is True


def test_page_data_carries_contexts_documents_and_no_stale_decision_detail() -> None:
    items = findings()
    items[0] = items[0].model_copy(update={
        "details": {**items[0].details, "decision": {"decision": "fixed"}},
        "suppressed": Suppressed(by="decision", reason="old")})
    data = page_data(report(items), TEXTS, "Desk A", "reviews/decisions.yaml")
    first = data["findings"][0]
    assert first["id"] == items[0].id and first["position"] == 0
    assert "decision" not in first["details"] and "explanation" in first["details"]
    assert first["suppressed"] is None
    assert first["refs"][0]["context"]["match"] == ISS
    assert first["refs"][0]["context"]["before"] == "Space news\n"
    assert [d["id"] for d in data["documents"]] == ["doc-a", "doc-b"]
    assert data["editor"] == "Desk A"


def test_statement_outside_its_document_falls_back_to_its_sentence() -> None:
    outside = ref("doc-a", ISS).model_copy(update={"span": (10_000, 10_050)})
    item = findings()[0].model_copy(update={"claims": [outside]})
    data = page_data(report([item]), TEXTS, None, "d.yaml")
    assert data["findings"][0]["refs"][0]["context"]["match"] == ISS


def test_decision_states() -> None:
    items = findings()
    a, c = items[0], items[2]
    decisions = {a.id: make_decision(a, "confirmed", None, "A", fixed_clock),
                 c.id: make_decision(c, "fixed", None, "A", fixed_clock),
                 "ffff0000": make_decision(a, "false-alarm", None, "A", fixed_clock)}
    states = decisions_data({f.id: f for f in items}, decisions)
    assert {k: v["state"] for k, v in states.items()} == {
        a.id: "decided", c.id: "reopened", "ffff0000": "resolved"}


def test_a_reworded_findings_decision_shows_on_its_successor_re_opened() -> None:
    items = findings()
    a = items[0]
    decisions = {a.id: make_decision(a, "confirmed", "checked", "Desk A", fixed_clock)}
    # `check` reports the decision re-opened on the reworded finding, and so must the page,
    # not "undecided".
    new = reworded(a)  # a new fingerprint; same kind, documents, message
    current = {f.id: f for f in [new, *items[1:]]}
    states = decisions_data(current, decisions)
    assert states[new.id]["state"] == "reopened"
    assert states[new.id]["decision"] == "confirmed"
    assert states[new.id]["carried_from"] == a.id
    assert f"as {a.id}" in states[new.id]["why"]
    assert states[a.id]["state"] == "carried" and new.id in states[a.id]["why"]
    assert list(states) == sorted(states)
