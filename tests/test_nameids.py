"""checker.nameids: the slug of a name no rule knows."""

import pytest

from checker.nameids import unknown_slug


@pytest.mark.parametrize(("name", "expected"), [
    ("Prime Minister Petr Fiala", "petr-fiala"),  # a person's title is no part of the name
    ("Harrowgate Retail plc", "harrowgate-retail"),  # nor a company's legal form
    ("Norwell Inc.", "norwell"),
    ("MPs", "mp"),  # an acronym's plural is the acronym
    ("ONS", "ons"),
    ("Finance Ministry", "finance-ministry"),  # no title head: kept whole
    ("Premier League", "premier-league"),  # a body's head after the title: the body
    ("Premier Li", "li"),
    # a player's position, a team's role (desk probe T)
    ("Guard Jalen Brooks", "jalen-brooks"),
    ("Head Coach Dana Kessler", "dana-kessler"),
    ("Coast Guard", "coast-guard"),
    ("Forward Party", "forward-party"),
])
def test_unknown_slug(name: str, expected: str) -> None:
    assert unknown_slug(name) == expected
