"""Which rupee "Rs" is: the country a document names most (checker.currencies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.currencies import DEFAULT_RUPEE, document_rupee
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import load_rules

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.mark.parametrize(("text", "rupee"), [
    ("Reliance said in Mumbai that India's demand rose.", "INR"),
    ("The State Bank of Pakistan in Karachi cut rates.", "PKR"),
    ("Colombo said Sri Lanka's debt was restructured.", "LKR"),
    ("Kathmandu said Nepal's budget grew.", "NPR"),
    ("The firm said revenue rose.", DEFAULT_RUPEE),  # no country: the tables' reading
    ("India and Pakistan agreed.", DEFAULT_RUPEE),  # a tie decides nothing
])
def test_document_rupee(text: str, rupee: str) -> None:
    assert document_rupee(text.lower()) == rupee


def test_rs_in_a_page_about_india_is_indian_rupees() -> None:
    ruleset, _ = load_rules([RULES])
    text = ("Reliance Industries reported revenue of Rs 2.4 lakh crore, the company said in "
            "Mumbai.\n\nIt also paid PKR 5 billion to a Pakistani partner, the company said.\n\n"
            "Indian regulators fined it \u20b9500 crore in New Delhi on Monday.\n")
    claims = extract_text(text, "india-page", ruleset.lexicon,
                          DocumentMeta(published="2025-03-12", title="t"), 0.0).claims
    units = {q.text: q.unit for c in claims for q in c.quantities}
    assert units == {"Rs 2.4 lakh crore": "INR", "PKR 5 billion": "PKR",
                     "\u20b9500 crore": "INR"}
