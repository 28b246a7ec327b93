"""Speed rewrites of the clean-up and cue readers, each against the code it replaced (kept
here as the reference): the same answers on the cases that matter."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import clean_words as cw
from checker.extract import cues
from checker.extract.attribution import _titled_name
from checker.extract.attribution_patterns import (
    ATTRIBUTION_RES,
    NAMED_AFTER,
    NAMED_AT_START,
    NAMED_INDEX,
)
from checker.extract.clean_lines import MENU_MARKS, has_sentence_end, is_contact, menu_marks
from checker.extract.clean_lists import _QUOTE_HEADLINE_RE, BlockKind, list_note
from checker.extract.date_patterns import PHONE_RE, may_hold_phone
from checker.textutil import matches

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


def _named_matches(sentence: str) -> Iterator[re.Match[str]]:
    """attribution._named_matches as it was (attribution() reads the same matches in its loop
    now, round 56): ATTRIBUTION_RES[NAMED_INDEX].finditer(sentence) by its two patterns."""
    first = NAMED_AT_START.match(sentence)
    if first is not None:
        yield first
    yield from matches(NAMED_AFTER, sentence, 0 if first is None else first.end())


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


# clean_lines.is_contact before may_tell_contact, and clean_lists' prose test before its
# ":" gate and its split of eight words at most.
def _is_contact_before(body: str) -> bool:
    return may_hold_phone(body) and any(c.isdigit() for c in body) \
        and PHONE_RE.search(body) is not None and cw.CONTACT_VERB_RE.search(body) is not None


_CONTACT_LINES = [
    "Customers can call the recall line free on 0800 046 7712.",
    "For the latest warnings, visit the site or call the council on 01632 960 455",
    "Phone +44 20 7946 0000 for details", "Ring 0800 123 4567 now", "TEXT 07700 900123",
    "Contact the office on (020) 7946 0958.", "It should be reported to 0300 123 4567.",
    "CALL 0800 046 7712", "Recall: 0800 046 7712", "During 0800 046 7712", "Texts 0800 046 7712",
    "The office is at 0800 046 7712 street", "Revenue rose to 0800 046 7712 units",
    "Ca\u0131l 0800 046 7712", "\u0130 call 0800 046 7712", "Call 0800 046 7712 (\u00e9t\u00e9)",
    "Ring\u017f 0800 046 7712", "phone", "", "call 1800 903 215", "+1 555 0100 call",
]


@pytest.mark.parametrize("body", _CONTACT_LINES)
def test_is_contact_as_before(body: str) -> None:
    assert is_contact(body) == _is_contact_before(body)
    assert is_contact(body.lower()) == _is_contact_before(body.lower())


def test_is_contact_reads_both_answers() -> None:
    assert {is_contact(body) for body in _CONTACT_LINES} == {True, False}


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["call", "Phone", "RING", "text", "contact", "reported", "to",
                                 "0800", "046", "7712", "+44", "recall", "string", "the",
                                 "\u0130", "\u017f", "(0)", "-", "on"]), max_size=10))
def test_is_contact_as_before_any_words(words: list[str]) -> None:
    body = " ".join(words)
    assert is_contact(body) == _is_contact_before(body)


def _list_note_before(line: str, kind: str) -> tuple[bool, ...]:
    body = line.strip().lower().rstrip(" :")
    stripped = line.strip()
    prose = kind == "content" and (
        has_sentence_end(stripped) and len(stripped.split()) >= 8) \
        and not body.endswith("?") and not _QUOTE_HEADLINE_RE.match(line.strip())
    return (prose, *list_note(line, kind)[1:])


@pytest.mark.parametrize("line", [
    "Alcaraz: 'My wrist is fine, I just didn't play well at all today'",
    "Alcaraz: \"My wrist is fine, I just didn't play well at all today.\"",
    "The company said revenue rose 12% to $4.5 billion in the third quarter.",
    "Revenue rose 12% to $4.5 billion in the quarter, it said: \"a record one.\"",
    "  one two three four five six seven eight.  ", "one two three four five six seven.",
    "one  two\tthree four five six seven eight nine ten.", "Is this a question of eight words?",
    "A: 'b c d e f g h'", "", "   ", "Read more:", "About Thornbury Instruments",
])
@pytest.mark.parametrize("kind", ["content", "heading", "boilerplate"])
def test_list_note_as_before(line: str, kind: BlockKind) -> None:
    assert list_note(line, kind) == _list_note_before(line, kind)


# attribution._titled_name: where it is False, neither title pattern matches.
_TITLE_PATTERNS = [pattern for pattern, _ in ATTRIBUTION_RES if "superintendent" in pattern.pattern]
_TITLED = [
    "Finance Minister Ishaq Dar said the budget would pass.",
    "Chief executive Ken Murphy said: 'We are pleased.'", "chief executive  Ken Murphy said",
    "Albion Airways chief operating officer Sarah Quinn said the fleet grew.",
    "England captain\tHarry Brook said it was a fair result.",
    '"It was a good year," said Mercia chief economist Priya Sandhu.',
    "The head of the bank said rates would rise.", "Rates are ahead, the head Economist said.",
    "The minister said the plan was sound.", "Ministers Jane Doe said", "minister  said Jane",
    "The chairs of the committees, Ann Lee and Bo Wu, said so.", "The prime minister Said so",
    "A spokesperson said the company was reviewing it.", "President Trump said it again.",
    "Vice-president Kamala Harris said", "the chief's aide Tom said", "'Coach Bob Hale said'",
    "Its advisor, Jan Lo, said", "Its adviser Jan Lo noted", "chair Amy Wu wrote",
    "chairman\nAmy Wu said", "", "chief", "editor X", "said chief executive Ken Murphy.",
]
_TITLE_TEXT = st.builds(
    lambda ws, seps: "".join(w + s for w, s in zip(ws, seps, strict=False)),
    st.lists(st.sampled_from(["chief", "executive", "Chief", "Minister", "minister", "head",
                              "ahead", "said", "Said", "Ken", "Murphy", "the", "The", "of",
                              "noted", "wrote", "adviser", "advisor", "chairman", "\"", "K"]),
             max_size=10),
    st.lists(st.sampled_from([" ", ", ", ". ", '"', "  ", "\t", "-", "'"]), min_size=10,
             max_size=10))


def _assert_titles_gated(text: str) -> None:
    if not _titled_name(text, text.lower()):
        for pattern in _TITLE_PATTERNS:
            assert pattern.search(text) is None, (pattern.pattern[:40], text)


@pytest.mark.parametrize("text", _TITLED)
def test_titled_name_gates_the_title_patterns(text: str) -> None:
    _assert_titles_gated(text)


@settings(max_examples=500)
@given(_TITLE_TEXT)
def test_titled_name_gates_any_text(text: str) -> None:
    _assert_titles_gated(text)


def test_titled_name_reads_both() -> None:
    assert len(_TITLE_PATTERNS) == 2
    matched = [t for t in _TITLED if any(p.search(t) for p in _TITLE_PATTERNS)]
    assert len(matched) >= 6 and any(not _titled_name(t, t.lower()) for t in _TITLED)
