"""Desk probe C (an earthquake, a trading statement, a transfer, a nurses' strike): what
extraction read wrong in pages a desk meets, each case written as such pages write it."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

_META = DocumentMeta(published="2026-10-13")


@pytest.mark.parametrize("line", [
    "4:30 PM: The death toll has risen to 58, the agency said.",
    "10:05 AM: Flights to Malatya airport were not suspended, the ministry said.",
    "18:40: Brentford have agreed a fee of around 38 million pounds with Salzburg.",
    "3:15pm - NZNO chief executive Kerri Nuku said members were standing together.",
    "9.15am: About 36,000 nurses have walked off the job across the country.",
])
def test_a_live_blog_time_stamp_is_no_part_of_the_claim(ruleset: RuleSet, line: str) -> None:
    claims = extract_text(f"Live updates\n\n{line}\n", "live", ruleset.lexicon, _META).claims
    assert len(claims) == 1
    claim = claims[0]
    assert claim.text == line.split(": ", 1)[-1].split(" - ", 1)[-1]
    assert not any(e.text in ("PM", "AM") for e in claim.entities)
    assert claim.triple is None or not claim.triple.subject[:1].isdigit()
