"""The footer and bio cues are true preconditions of their patterns: a line a pattern matches
always holds one of its cues (read in the line's case-insensitive fold), so no footer is
missed because its cue was not seen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import clean_words as cw
from checker.extract.clean import classify_lines
from checker.extract.clean_lines import any_probed, probed
from checker.textutil import ignorecase_fold

_KINDS = [(cw.FOOTER_RE, cw.FOOTER_CUES), (cw.WEAK_FOOTER_RE, cw.WEAK_FOOTER_CUES),
          (cw.BIO_RE, cw.BIO_CUES)]


@pytest.mark.parametrize("line", [
    # A blank other than one space inside a phrase (the cues held "press office", " feed",
    # "your inbox", "media enquiries": these lines were read as claims).
    "Press  office: call 555 0100",
    "Media\tenquiries: call the desk on weekdays",
    "This content is auto-generated from a syndicated\tfeed.",
    "Get the latest market data sent to  your  inbox every Friday",
    # A letter IGNORECASE reads as "i" that casefold() keeps ("\u0131") or makes two ("\u0130").
    "This story has not been ed\u0131ted by NDTV staff.",
    "This story has not been ED\u0130TED by NDTV staff.",
])
def test_a_footer_whatever_its_blanks_and_letters(line: str) -> None:
    [block] = classify_lines(line)
    assert (block.kind, block.reason) == ("boilerplate", "footer")


def test_a_bio_with_a_dotless_i() -> None:
    [block] = classify_lines("Jane Doe wr\u0131tes for the Tribune and covers energy.")
    assert (block.kind, block.reason) == ("boilerplate", "bio")


# The patterns' phrases, each blank written as any blank and each letter as any IGNORECASE
# reads as it ("\u0131", "\u0130", "\u017f", the Kelvin sign).
_PHRASES = ["press office: call", "media enquiries: call", "media inquiries: call",
            "from a syndicated feed", "sent to your inbox", "delivered straight to your inbox",
            "this story has not been edited", "this article was not edited", "writes for the",
            "is a staff writer", "is a freelance journalist", "can be reached at",
            "we use cookies", "cookie settings", "all rights reserved", "is funded by readers.",
            "this concludes today's call", "privacy policy", "terms of use", "contact us"]
_LETTERS = {" ": [" ", "  ", "\t", "\u2003", "\u00a0"], "i": ["i", "I", "\u0131", "\u0130"],
            "s": ["s", "S", "\u017f"], "k": ["k", "K", "\u212a"]}


@st.composite
def _written(draw: st.DrawFn) -> str:
    phrase = draw(st.sampled_from(_PHRASES))
    return "".join(draw(st.sampled_from(_LETTERS.get(c, [c, c.upper()]))) for c in phrase)


@given(_written())
def test_cues_are_true_preconditions(line: str) -> None:
    folded = ignorecase_fold(line)
    for pattern, cues in _KINDS:
        if pattern.search(line) is not None:
            assert any_probed(folded, probed(cues)), (pattern.pattern[:40], line)
