"""Plain text: `path:line:col: severity rule message`, one line a finding."""

from __future__ import annotations

import re

from checker.models.report import Report
from checker.reporting import text

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>error|warning|info) (?P<rule>\S+) (?P<msg>.+)$")


def test_problem_matcher_lines(report: Report) -> None:
    lines = text.render(report).splitlines()
    *found, summary = lines
    assert len(found) == 5  # one input error, four unsuppressed findings
    for line in found:
        assert LINE.match(line), line
    assert summary == ("4 findings (2 errors, 1 warning, 1 info), 1 suppressed, "
                       "1 input error; 2 documents, 5 claims")


def test_a_file_without_a_line_or_column_is_read_at_1_1(report: Report) -> None:
    # A problem matcher's `file:line:col` skipped a line without them (a whole-file error).
    whole = report.errors[0].model_copy(update={"path": "claims/x.yaml", "line": None,
                                                "column": None})
    ref = report.findings[0].claims[0].model_copy(update={"column": None})
    first = report.findings[0].model_copy(update={"claims": [ref]})
    lines = text.render(report.model_copy(update={"errors": [whole],
                                                  "findings": [first]})).splitlines()
    assert lines[0].startswith("claims/x.yaml:1:1: error ")
    assert lines[1].startswith(f"{ref.path}:{ref.line}:1: ")
    assert all(LINE.match(line) for line in lines[:2])


def test_document_location_and_claim(report: Report) -> None:
    lines = text.render(report).splitlines()
    assert lines[1].startswith("seeds/doc-a.txt:2:1: error conflict Launch year differs")
    assert lines[1].endswith(" [claim c-a2 in claims/doc-a.yaml:12]")
    assert lines[3] == ("seeds/doc-a.txt:4:1: warning change-spelling "
                        "Misspelt mission name: write “Chang’e”, not “Chiang'e”.")


def test_flattened_and_suppressed_skipped(report: Report) -> None:
    out = text.render(report)
    assert "2025 <script>alert(1)</script> see `notes` | 100% :: done" in out
    assert "f5suppressed" not in out and "c-b1" not in out
    assert out.endswith("\n") and "\n\n" not in out


def test_empty_report(report: Report) -> None:
    empty = report.model_copy(update={"findings": [], "errors": []})
    assert text.render(empty).splitlines() == [
        "0 findings (0 errors, 0 warnings, 0 info), 0 suppressed, 0 input errors; "
        "2 documents, 5 claims"]


def test_a_file_name_cannot_start_a_line(report: Report) -> None:
    evil = "evil\n::error file=x.txt::forged\r.txt"
    ref = report.findings[0].claims[0].model_copy(update={"path": evil, "claim_file": evil})
    first = report.findings[0].model_copy(update={"claims": [ref]})
    errors = [report.errors[0].model_copy(update={"path": evil})]
    bad = report.model_copy(update={"findings": [first, *report.findings[1:]],
                                    "errors": errors})
    lines = text.render(bad).splitlines()
    assert len(lines) == len(text.render(report).splitlines())
    assert not any(line.startswith("::") for line in lines)
    assert sum("evil\\n::error file=x.txt::forged\\r.txt" in line for line in lines) == 2


def test_error_locations_escape_control_characters() -> None:
    from checker.errors import InputError, Location

    error = InputError("cannot read", Location("a\n::warning::b.txt", 3, 1))
    assert str(error) == "a\\n::warning::b.txt:3:1: cannot read"
