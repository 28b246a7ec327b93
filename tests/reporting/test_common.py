"""Helpers the reporters share: the editor order and the shapes of run notes, each against
the plain way of computing it."""

from __future__ import annotations

import random

from checker import rx
from checker.findings import KIND_ORDER
from checker.models.report import Finding, Report
from checker.reporting import markdown
from checker.reporting.common import (
    _NOTE_NUMBER,
    _NOTE_PATH,
    SEVERITY_RANK,
    editor_order,
    group_notes,
    note_shape,
    severity,
)


def _plain_editor_order(findings: list[Finding]) -> list[Finding]:
    """The editor order as one sort of (finding, index) pairs by the whole key."""
    indexed = list(enumerate(findings))
    indexed.sort(key=lambda p: (p[1].suppressed is not None,
                                -SEVERITY_RANK.get(severity(p[1]), 0),
                                KIND_ORDER.get(p[1].kind, len(KIND_ORDER)), -p[1].confidence,
                                p[0]))
    return [f for _, f in indexed]


def _mixed(report: Report, n: int, seed: int) -> list[Finding]:
    """`n` findings copied from the sample's, with kinds, severities, confidences (ties
    often) and suppressions drawn at random."""
    rng = random.Random(seed)
    kinds = [*KIND_ORDER, "unknown-kind"]
    suppressed = next(f.suppressed for f in report.findings if f.suppressed is not None)
    out = []
    for k in range(n):
        base = rng.choice(report.findings)
        out.append(base.model_copy(update={
            "id": f"f{k}", "kind": rng.choice(kinds),
            "severity": rng.choice(["error", "warning", "info"]),
            "confidence": rng.choice([0.5, 0.8, 0.8, 1.0]),
            "suppressed": rng.choice([None, None, suppressed])}))
    return out


def test_the_editor_order_is_the_plain_sort(report: Report) -> None:
    assert any(f.suppressed is not None for f in report.findings)
    for seed in range(20):
        findings = _mixed(report, 60, seed)
        assert [f.id for f in editor_order(findings)] == \
            [f.id for f in _plain_editor_order(findings)]
    assert editor_order([]) == []


def test_markdown_sections_list_findings_in_the_editor_order(report: Report) -> None:
    """Sorted section by section, the report lists each section's findings as the editor
    order of all of them does."""
    findings = _mixed(report, 120, 7)
    assert any(f.suppressed is not None and f.kind == "corroboration" for f in findings)
    out = markdown.render(report.model_copy(update={"findings": findings}), budget=10**7)
    order = {f.id: k for k, f in enumerate(_plain_editor_order(findings))}
    sections = rx.compile(r"\n## |<summary>").split(out)
    assert len(sections) >= 5
    by_id = {f.id: f for f in findings}
    for section in sections:
        shown = rx.compile(r"id `(f\d+)`").findall(section)
        assert [order[i] for i in shown] == sorted(order[i] for i in shown)
        # And each in its own section: suppressed ones apart whatever their kind, then
        # corroborations, then the others by severity.
        title = section.split(" (", 1)[0]
        for i in shown:
            f = by_id[i]
            assert title == ("Suppressed" if f.suppressed is not None
                             else "Corroborations" if f.kind == "corroboration"
                             else {"error": "Errors", "warning": "Warnings",
                                   "info": "Notes"}[severity(f)]), (i, title)


def test_a_notes_shape_replaces_paths_then_numbers() -> None:
    alphabet = "ab1 2/.:;(),'\"“x9\t_-"
    rng = random.Random(3)
    for _ in range(20_000):
        note = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert note_shape(note) == _NOTE_NUMBER.sub("…", _NOTE_PATH.sub("…", note)), note
    assert note_shape("seeds/a1.txt: no claim file (claims/a1.yaml); 3 claims") == \
        "…: no claim file (…); … claims"


def test_notes_grouped_again_are_the_same_groups_and_other_notes_their_own() -> None:
    many = [f"seeds/{i}.txt: no claim file (claims/{i}.yaml)" for i in range(5)]
    first = group_notes(many)
    again = group_notes(list(many))
    assert again == first
    again.clear()  # the caller's own list
    assert group_notes(many) == first
    other = group_notes(["seeds/a.txt: empty page", *many[:2]])
    assert [g.notes for g in other] == [["seeds/a.txt: empty page"], many[:1], many[1:2]]
    assert group_notes(many) == first
