"""Speed rewrites of the clean-up and cue readers, each against the code it replaced (kept
here as the reference): the same answers on the cases that matter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import cues
from checker.extract.attribution import _named_matches
from checker.extract.attribution_patterns import ATTRIBUTION_RES, NAMED_INDEX
from checker.extract.clean_lines import MENU_MARKS, menu_marks

# cues.tokens before the byte translation: a regex's runs of [a-z0-9] (or, with an
# apostrophe, its words with their "n't").
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_RUN_RE = re.compile(r"[a-z0-9][a-z0-9]*+")


def _tokens_before(text: str) -> frozenset[str]:
    lower = text.lower()
    return frozenset((_TOKEN_RE if "'" in lower else _RUN_RE).findall(lower))


_TOKEN_CASES = [
    "", " ", "The company said revenue rose 12% to $4.5 billion, beating estimates.",
    "U.S. GDP grew 2.1% in Q3 (annualised); exports_fell by 3.4bn.",
    "tab\tnew\nline\rret\x0bvt\x0cff\x1cfs\x1dgs\x1ers\x1fus\x85nel end",
    "under_score a-b a.b a/b a@b #tag 100,000 3.25 2026-03-01 x1y2",
    "ALL CAPS HEADLINE: CHINA SIGNS PACT", "weren't they", "it's 5 o'clock",
    "Caf\u00e9 M\u00fcnchen \u00e9t\u00e9 \u0130stanbul \u212a\u212b stra\u00dfe \u0131\u017f",
    "\u00bd \u00b2 \u0663\u0664 \u00e0-la-carte \u2014 dash \u2019quote\u2019 \u00a0nbsp",
    "\x00\x01\x7f~`^{}[]|\\<>=+*&^%$#@!?", "abcdefghijklmnopqrstuvwxyz0123456789",
]


@pytest.mark.parametrize("text", _TOKEN_CASES)
def test_tokens_as_before(text: str) -> None:
    assert cues.tokens(text) == _tokens_before(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x17f), max_size=60))
def test_tokens_as_before_any_text(text: str) -> None:
    assert cues.tokens(text) == _tokens_before(text)


@pytest.mark.parametrize("body", [
    "", "e-Paper | Subscribe | Sign in", "Menu \u00b7 Newsletter \u00b7 Donate",
    "Home \u00bb News \u203a World \u2022 Asia", "||||", "a|b", "\u00b7\u00b7 \u2022\u2022",
    "The company said revenue rose 12%.", "| Team | Wins |", "\u203a\u203a\u203a \u00bb",
])
def test_menu_marks_as_before(body: str) -> None:
    assert menu_marks(body) == sum(map(body.count, MENU_MARKS))


# attribution._named_matches against the pattern it reads in two (ATTRIBUTION_RES[3]).
_NAMED_CASES = [
    "STZA said the launch would go ahead.", '"Police alleged that he fled," a witness said.',
    "'Analysts forecast growth of 2% next year.", "Analysts forecast growth of 2%.",
    "LAHORE, March 3 (Reuters) - Police said the suspect was arrested.",
    "The strike ended, and Unite said it had won. But Acme Corp has also said so.",
    "Sales rose, while Bank of England economists estimated that inflation would ease.",
    "A husband Police said was not there; the band Officials noted were late.",
    "Inflation fell. The ONS said it was the lowest since 2021, and Reuters reported it.",
    ", Acme said that, and Beta (BT) said.", "and Acme said", "but Acme said", "while Acme said",
    '" Acme said it', "- Acme said", ". Acme said", "Acme said, Beta said, Gamma said.",
    "Acme Inc. said, and the World Meteorological Organization (WMO) estimated that it rose.",
    "The IMF estimates that were revised, and the company said that was wrong.",
    "\u00c9lise Dupont said, and \u00c9DF estimated that prices rose, \u0130stanbul said.",
    "It said nothing", "The estimated cost", "", "said", "Acme", "band Acme said",
]
_NAMED_WORDS = """Acme said says told added noted and but while The IMF Bank of England
    the Police estimated forecast growth that was has had also earlier (WMO) Inc. U.S. it
    officials Reuters reported warned shows found""".split()
_NAMED_TEXT = st.builds(
    lambda ws, seps: "".join(w + s for w, s in zip(ws, seps, strict=False)),
    st.lists(st.sampled_from(_NAMED_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", ", ", ". ", '"', " - ", "  ", "'", "-", ","]), min_size=12,
             max_size=12))


def _named_key(m: re.Match[str]) -> tuple[object, ...]:
    return m.span(), m.span("source"), m.group("source")


def _assert_named_as_before(text: str) -> None:
    pattern = ATTRIBUTION_RES[NAMED_INDEX][0]
    assert [_named_key(m) for m in _named_matches(text)] == \
        [_named_key(m) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", _NAMED_CASES)
def test_named_matches_as_before(text: str) -> None:
    _assert_named_as_before(text)
    _assert_named_as_before(text[1:])


@settings(max_examples=400)
@given(_NAMED_TEXT)
def test_named_matches_as_before_any_text(text: str) -> None:
    _assert_named_as_before(text)


def test_named_matches_find_some() -> None:
    # The table holds sentences with matches at the start and after it.
    found = [m.start() for text in _NAMED_CASES for m in _named_matches(text)]
    assert 0 in found and len([s for s in found if s > 0]) > 5
