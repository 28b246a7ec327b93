"""report.json with findings spliced in: the bytes of rendering the whole report, whichever
findings' bytes are known (`json_report.RenderedFindings`)."""

from __future__ import annotations

import json

import pytest

from checker.models.report import Finding, Report
from checker.reporting import FORMATS, json_report
from checker.reporting.json_report import (
    RenderedFindings,
    array_items,
    finding_bytes,
    findings_array,
)


def _read_back(findings: list[Finding]) -> tuple[list[Finding], RenderedFindings]:
    """The findings as a cache gives them: parsed from their bytes, which are known."""
    array = findings_array([finding_bytes(f) for f in findings])
    items = array_items(array)
    read = [Finding.model_validate_json(bytes(item)) for item in items]
    known = RenderedFindings()
    known.add(read, items)
    return read, known


def _with(report: Report, findings: list[Finding]) -> Report:
    return report.model_copy(update={"findings": findings})


def _many(report: Report, copies: int = 4) -> list[Finding]:
    """The sample's findings, several times over with other ids and floats of every kind
    `jsontext` tells apart (in confidence and in details)."""
    out = []
    floats = [0.5, 1e-05, 1.5e-07, 0.0, 1.0, 1 / 3]
    for k in range(copies):
        for n, f in enumerate(report.findings):
            out.append(f.model_copy(update={
                "id": f"{f.id}-{k}", "confidence": floats[(k + n) % len(floats)],
                "details": {**f.details, "x": [floats[(k * n) % len(floats)], {"y": k}]}}))
    return out


def test_the_sample_round_trips_through_its_bytes(report: Report) -> None:
    found = _many(report)
    read, known = _read_back(found)
    assert read == found
    assert [bytes(known.get(f) or b"") for f in read] == [finding_bytes(f) for f in found]


@pytest.mark.parametrize("share", [0.0, 0.3, 1.0])
def test_spliced_is_the_whole_report_rendered(report: Report, share: float) -> None:
    read, known = _read_back(_many(report))
    spliced = _with(report, read)
    # Some known, in the report's order or not; the others rendered.
    chosen = read[::2][: int(len(read) * share)]
    partial = RenderedFindings()
    partial.add(chosen, [known.get(f) or b"" for f in chosen])
    whole = json_report.render_bytes(spliced)
    assert json_report.render_bytes(spliced, partial) == whole
    assert json_report.render_bytes(spliced, known) == whole
    assert whole.decode("utf-8") == json_report.render(spliced)
    json.loads(whole)


def test_a_copy_of_a_known_finding_is_rendered_as_itself(report: Report) -> None:
    read, known = _read_back(list(report.findings))
    changed = [f.model_copy(update={"message": "changed"}) for f in read]
    assert all(known.get(f) is None for f in changed)
    bumped = _with(report, [*changed, *read])
    assert json_report.render_bytes(bumped, known) == json_report.render_bytes(bumped)
    assert b'"message": "changed"' in json_report.render_bytes(bumped, known)


def test_no_finding_and_an_empty_array(report: Report) -> None:
    empty = _with(report, [])
    known = _read_back(list(report.findings))[1]
    assert json_report.render_bytes(empty, known) == json_report.render_bytes(empty)
    assert findings_array([]) == b"[]" and array_items(b"[]") == []
    one = [finding_bytes(report.findings[0])]
    assert array_items(findings_array(one)) == one


def test_a_nan_in_details_is_written_as_in_the_whole_report(report: Report) -> None:
    # Where pydantic-core and json.dumps differ, the report is written by the standard
    # library (`jsontext`): a finding rendered alone is too.
    odd = report.findings[0].model_copy(update={"details": {"v": float("nan")}})
    read, known = _read_back(list(report.findings))
    mixed = _with(report, [odd, *read])
    assert json_report.render_bytes(mixed, known) == json_report.render_bytes(mixed)


def test_the_format_writes_the_same_bytes_with_what_is_known(report: Report) -> None:
    read, known = _read_back(list(report.findings))
    spliced = _with(report, read)
    fmt = FORMATS["json"]
    assert fmt.encoded(spliced, known=known) == fmt.encoded(spliced)
    # Written in pieces, each known finding one of them: never joined before the write.
    pieces = fmt.written(spliced, known=known)
    assert isinstance(pieces, list) and b"".join(pieces) == fmt.encoded(spliced)
    assert all(known.get(f) in pieces for f in spliced.findings)
    # Other formats take no bytes of findings.
    assert FORMATS["sarif"].encoded(spliced, known=known) == FORMATS["sarif"].encoded(spliced)


def test_findings_are_read_each_from_its_own_bytes(report: Report) -> None:
    from checker.reporting.json_report import read_findings

    found = [f for f in report.findings if len(f.claims) >= 2][:2] + list(report.findings)
    items = [finding_bytes(f) for f in found]
    made = read_findings(findings_array(items))
    assert made is not None and made[0] == found and made[1] == items
    assert read_findings(b"[]") == ([], [])
    # A file edited and sealed again so that the array still parses, with as many findings,
    # but cut where no finding ends: the first finding's claims split at the findings'
    # depth, the separator after it joined. Spliced, it would make report.json invalid.
    inner = b"},\n        {"
    assert inner in items[0]
    tampered = [items[0].replace(inner, b"},\n    {", 1) + b", " + items[1], *items[2:]]
    array = findings_array(tampered)
    json.loads(array)  # still one valid array
    assert read_findings(array) is None
    for broken in (b"[x]", b"[\n    {}\n  ]", findings_array([items[0] + b", " + items[1]])):
        assert read_findings(broken) is None


def test_the_array_is_made_once_for_the_same_findings_in_the_same_order(
        report: Report) -> None:
    """The JSON report and the findings memo written beside it ask for the same array:
    made once, and made again for other findings, another order or a finding changed."""
    read, known = _read_back(_many(report))
    pieces = known.pieces(read)
    assert b"".join(pieces) == findings_array([finding_bytes(f) for f in read])
    assert known.pieces(list(read)) is pieces  # another list of the same findings
    again = known.pieces(read[::-1])
    assert again is not pieces and b"".join(again) == findings_array(
        [finding_bytes(f) for f in read[::-1]])
    changed = [read[0].model_copy(update={"message": "changed"}), *read[1:]]
    assert b'"message": "changed"' in b"".join(known.pieces(changed))
    assert json_report.render_bytes(_with(report, read), known) == \
        json_report.render_bytes(_with(report, read))


def test_a_known_finding_is_keyed_as_it_is_added(report: Report) -> None:
    """Given a sort key, each finding added is keyed then (not when sorted); a finding not
    added, or a copy of one, is keyed when asked; no key asked for is an error."""
    from checker.findings import sort_key

    findings = list(report.findings)
    items = [json_report.finding_bytes(f) for f in findings]
    known = RenderedFindings()
    with pytest.raises(ValueError, match="no key"):
        known.key_of(findings[0])
    calls: list[Finding] = []

    def counted(finding: Finding) -> tuple[object, ...]:
        calls.append(finding)
        return sort_key(finding)

    known.keyed_by(counted)
    known.add(findings[1:], items[1:])
    assert [id(f) for f in calls] == [id(f) for f in findings[1:]]
    calls.clear()
    assert [known.key_of(f) for f in findings[1:]] == [sort_key(f) for f in findings[1:]]
    assert calls == []  # made when added
    copy = findings[1].model_copy(update={"confidence": 0.01})
    assert known.key_of(findings[0]) == sort_key(findings[0])
    assert known.key_of(copy) == sort_key(copy) != sort_key(findings[1])
    assert [id(f) for f in calls] == [id(findings[0]), id(copy)]
    assert sorted(findings, key=known.key_of) == sorted(findings, key=sort_key)
