"""False errors left among the desk probes' 101 pages (probes R-W, the unseen pages, the
seeds) at the forty-seventh session's end, and what was right beside them."""

from __future__ import annotations

import pytest

from checker.compare.anchors import measured_name
from checker.compare.dateslots import base_then
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet
from tests.compare.pairs import norm, verdict

DAY = "2026-08-13"
UCAS = ("International student applications to UK universities fell 9% in the year to June, "
        "according to Ucas.")


@pytest.mark.parametrize(("sentence", "noun"), [
    # an age group is what is counted (was "uk")
    ("Ucas said 271,590 UK 18-year-olds had been placed at university.", "18-year-olds"),
    # a past tense with no -ed ends what is counted (was "places")
    ("Last year a record 29,500 students found places through clearing.", "students"),
])
def test_what_is_counted(ruleset: RuleSet, sentence: str, noun: str) -> None:
    claims = extract_text(sentence, "page", ruleset.lexicon, DocumentMeta(published=DAY),
                          threshold=0.0).claims
    assert [q.noun for c in claims for q in c.quantities if q.kind == "count"] == [noun]


@pytest.mark.parametrize(("a", "found"), [
    # a change of the 18-year-olds placed, against one of applications: two facts
    ("Ucas said 271,590 UK 18-year-olds had been placed at university on results day, down "
     "1.4% from a year ago.", ("unrelated", None)),
    # a change of applications against a change of applications still conflicts
    ("Ucas said 610,000 applications had been made by the deadline, down 1.4% from a year "
     "ago.", ("conflict", "number")),
])
def test_changes_of_two_things(ruleset: RuleSet, a: str, found: tuple[str, str | None]) -> None:
    assert verdict(ruleset, a, UCAS, DAY, DAY) == found


@pytest.mark.parametrize(("sentence", "name", "measured"), [
    # what the tonnes are of: a substance, no anchor of whose figure
    ("Power sector emissions fell to 41 million tonnes of CO2, down 14% year on year.",
     "CO2", True),
    ("Global greenhouse gas emissions rose 0.8% in 2025 to a record 53.2 billion tonnes of "
     "CO2 equivalent.", "CO2", True),
    # named for itself as well, or only
    ("CO2 emissions fell to 41 million tonnes of CO2 last year.", "CO2", False),
    ("Emissions at Shell fell to 41 million tonnes last year.", "Shell", False),
])
def test_a_measured_name(ruleset: RuleSet, sentence: str, name: str, measured: bool) -> None:
    c = norm(ruleset, sentence, "a", DAY)
    (eid,) = {m.id for m in c.mentions
              if c.text[m.start - c.span[0]:m.end - c.span[0]] == name}
    assert measured_name(c, eid) is measured



@pytest.mark.parametrize(("sentence", "base"), [
    # a base whose own figure follows dates that figure, not the change (desk probe V: a
    # date conflict with "rose again in September", this year's)
    ("The figure is up 11.3% on September 2025, when 14,570 people were in emergency "
     "accommodation.", True),
    # a base alone is no date of the claim's (extraction drops it), and an event's date is one
    ("Dublin's homeless figure rose in September 2025, when 14,570 people were in emergency "
     "accommodation.", False),
])
def test_a_base_dating_its_own_figure(ruleset: RuleSet, sentence: str, base: bool) -> None:
    c = norm(ruleset, sentence, "a", "2026-10-30")
    (d,) = c.dates
    assert base_then(c, d) is base
