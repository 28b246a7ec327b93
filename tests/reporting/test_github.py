"""GitHub workflow commands: escaping, levels, locations, suppressed findings left out."""

from __future__ import annotations

import re

from checker.models.report import Report
from checker.reporting import github

COMMAND = re.compile(r"^::(error|warning|notice)( [^:]+)?::(.*)$")


def test_escape_data() -> None:
    assert github.escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert github.escape_data("a::b,c") == "a::b,c"


def test_escape_property() -> None:
    assert github.escape_property("seeds/odd, name:2.md") == "seeds/odd%2C name%3A2.md"
    assert github.escape_property("50%\n:,") == "50%25%0A%3A%2C"


def test_command_skips_missing_properties() -> None:
    line = github.command("notice", {"file": None, "line": None, "title": "t"}, "m")
    assert line == "::notice title=t::m"
    assert github.command("error", {}, "m") == "::error::m"


def test_one_command_per_line(report: Report) -> None:
    lines = github.render(report).splitlines()
    # the input error and the four unsuppressed findings, the conflict on each side
    assert len(lines) == 1 + 4 + 1
    for line in lines:
        m = COMMAND.match(line)
        assert m, line
        props = m.group(2) or ""
        for prop in props.strip().split(","):
            key, _, value = prop.partition("=")
            assert key in {"file", "line", "col", "endLine", "endColumn", "title"}
            assert ":" not in value and "\n" not in value


def test_levels_and_order(report: Report) -> None:
    levels = [line.split(" ", 1)[0] for line in github.render(report).splitlines()]
    assert levels == ["::error", "::error", "::error", "::error", "::warning", "::notice"]


def test_locations(report: Report) -> None:
    lines = github.render(report).splitlines()
    # Statements with a claim file are annotated on the claim file line.
    assert lines[1].startswith("::error file=claims/doc-a.yaml,line=12,title=claimcheck conflict::")
    # Without one, on the statement itself, columns inclusive as GitHub reads them.
    # A conflict on each of its statements: the side a pull request adds is in its diff,
    # and each annotation lists the other side (a CI probe).
    assert lines[2].startswith("::error file=claims/odd%2C name%3A2.yaml,line=5,title=claimcheck "
                               "conflict::")
    assert lines[2].endswith("%0Astatement: seeds/doc-a.txt:2: The probe launched in 2024 from "
                             "pad | 39A, officials said.")
    assert lines[4].startswith("::warning file=seeds/doc-a.txt,line=4,endLine=4,col=1,"
                               "endColumn=8,title=claimcheck change-spelling::")
    assert lines[5].startswith("::notice file=claims/odd%2C name%3A2.yaml,line=5,")


def test_message_escaped(report: Report) -> None:
    out = github.render(report)
    assert "100%25 :: done" in out and "%0Asee `notes`" in out
    assert "f5suppressed" not in out and "# Beta" not in out  # suppressed: not annotated


def test_bidirectional_overrides_never_reach_a_terminal_or_an_annotation() -> None:
    from checker.reporting.common import no_controls

    # U+202E would show "gnp.txt" as "txt.png" in a pull request annotation.
    assert no_controls("seeds/\u202egnp.txt says 18") == "seeds/ gnp.txt says 18"
    for mark in "\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u061c":
        assert no_controls(f"a{mark}b") == "a b"
