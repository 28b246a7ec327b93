"""Titles of works in quotation marks are one name, and no figures or dates
(`extract.worktitles`)."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.extract.worktitles import quoted_titles
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from checker.textutil import fold


@pytest.mark.parametrize(("sentence", "titles"), [
    ('The comedy "Two Tickets to Lisbon" earned $6.1 million.', ["Two Tickets to Lisbon"]),
    ("The sequel \u201cThe Hollow Night 2\u201d came in third.", ["The Hollow Night 2"]),
    ('The report, "Net Zero by 2050", was published in 2021.', ["Net Zero by 2050"]),
    # a quoted sentence, a word, a phrase in lower case: no title
    ('"We Will Win," she said on Tuesday.', []),
    ('He called it "historic" on Monday.', []),
    ('She said the deal was "a great day for the town".', []),
    ('It was "The End of the".', []),
])
def test_quoted_titles(sentence: str, titles: list[str]) -> None:
    folded = fold(sentence)
    assert [sentence[s:e] for s, e in quoted_titles(folded, 0, len(folded))] == titles


def test_a_title_is_one_name_and_no_figure(ruleset: RuleSet) -> None:
    # desk probe R: a count of two tickets, and two names ("Two Tickets", Lisbon)
    claim = extract_text('Page\n\n"Two Tickets to Lisbon" was fourth with $6.1m on its '
                         'third weekend.\n', "page", ruleset.lexicon,
                         DocumentMeta(published="2026-07-14"), threshold=0.0).claims[0]
    assert [e.text for e in claim.entities] == ["Two Tickets to Lisbon"]
    assert [q.text for q in claim.quantities] == ["fourth", "$6.1m"]
    report = extract_text('Page\n\nThe report, "Net Zero by 2050", was published in 2021.\n',
                          "page", ruleset.lexicon, DocumentMeta(published="2026-07-14"),
                          threshold=0.0).claims[0]
    assert [d.text for d in report.dates] == ["2021"]
