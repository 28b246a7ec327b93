"""A fact box's rows without list marks (desk probe Q6: a US page's "Key figures" rows,
each read as a title and lost)."""

from __future__ import annotations

from checker.extract import extract_text
from checker.extract.clean import classify_lines, content_blocks
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

BOX = ("The U.S. Food and Drug Administration approved the drug in October.\n"
       "Key figures\n"
       "Available from: Feb. 1\n"
       "Dose: one tablet twice daily\n"
       "Review time: 210 days\n"
       "Patients given the drug: 4,206\n"
       "Reduction in heart failure deaths: 14 percent\n"
       "Brenmoor shares: up 9 percent in New York\n")


def test_rows_of_a_box_without_marks_are_content() -> None:
    kinds = [(b.kind, BOX[b.start:b.end]) for b in classify_lines(BOX)]
    rows = [t for k, t in kinds if k == "content"]
    assert "Review time: 210 days" in rows and "Patients given the drug: 4,206" in rows
    assert "Available from: Feb. 1" in rows and "Brenmoor shares: up 9 percent in New York" in rows
    assert "Dose: one tablet twice daily" not in rows  # no figure: still a title


def test_rows_of_a_box_are_claims(ruleset: RuleSet) -> None:
    claims = extract_text(BOX, "box", ruleset.lexicon, DocumentMeta(published="2026-11-24")).claims
    texts = [c.text for c in claims]
    assert {"Review time: 210 days", "Patients given the drug: 4,206",
            "Reduction in heart failure deaths: 14 percent"} <= set(texts)


def test_one_label_line_is_no_box() -> None:
    # a lone "Label: figure" title, or two such lines a blank apart, stay titles
    for text in ("Budget 2025: 12 things you need to know\n\nThe Chancellor spoke.\n",
                 "Updated: 10.45 GMT\n\nLive: 3 things to watch\n"):
        assert not any(b.reason == "row" for b in classify_lines(text))


def test_rows_are_not_joined() -> None:
    # "... in New York" over "Review time: 210 days" looked like a name split by a wrap
    text = "Key figures\nBrenmoor shares: up 9 percent in New York\nReview time: 210 days\n"
    assert [text[b.start:b.end] for b in content_blocks(text)] == [
        "Brenmoor shares: up 9 percent in New York", "Review time: 210 days"]
