"""Claims related by a guessed first word alone ("Schools ..."), on pages of one story or of
two: the page's topic tells which (`compare.stories.two_stories`)."""

from __future__ import annotations

import pytest

from checker.rules import RuleSet
from tests.compare.pairs import on_page, page_verdict

_MEASLES = ("Schools will not be closed, the authority said. Measles cases in Harrowgate "
            "rose to 41 this week. Doctors in Harrowgate said the outbreak was slowing.")
_QUAKE = ("Schools in the region will remain closed until February 16, the education "
          "ministry said. The earthquake in Malatya killed 40 people. Rescuers in Malatya "
          "searched the rubble on Tuesday.")
_QUAKE_OTHER = ("Schools will not be closed, the ministry said. The earthquake in Malatya "
                "killed 40 people, officials said. Aid reached Malatya on Tuesday.")
_STORM = "Schools in Cumbria will stay closed on Thursday, the council said."


def test_the_guess_is_lent_its_page_topic(ruleset: RuleSet) -> None:
    # the measles page's "Schools" sentence names nothing but the guess: it is given the
    # page's topic, though it gives no figure or date
    claim = on_page(ruleset, _MEASLES, "a", "2026-02-10")
    assert "name:schools" in claim.entities
    assert "name:harrowgate" in claim.entities


@pytest.mark.parametrize("other", [_QUAKE, _STORM])
def test_pages_of_two_stories(ruleset: RuleSet, other: str) -> None:
    # an error-level polarity conflict in the 61 pages, each time
    assert page_verdict(ruleset, _MEASLES, other, "2026-02-10", "2026-02-10")[0] \
        != "conflict"


def test_pages_of_one_story(ruleset: RuleSet) -> None:
    assert page_verdict(ruleset, _QUAKE_OTHER, _QUAKE, "2026-02-10", "2026-02-10") == \
        ("conflict", "polarity")
