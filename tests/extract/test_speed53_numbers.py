"""Rewrites made for speed in the readers of numbers and dates find what the plain code finds:
each reference below is the code or the pattern as it was before the change."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_context as qc
from checker.extract import quantity_patterns as qp

# quantity_patterns.NOUN_WORDS_RE, which noun_after ran findall with.
_NOUN_WORDS_PLAIN = re.compile(r"\d+-year-olds\b|[A-Za-z][\w'-]*|[,.;:()\-]")


def _noun_after_plain(folded: str, end: int) -> str | None:
    """quantity_context.noun_after as it was, every word of its window listed."""
    window = folded[end:end + 60]
    brk = window.find("\n")
    if brk >= 0 and not window[brk + 1:].lstrip(" \t")[:1].islower():
        window = window[:brk]
    words = _NOUN_WORDS_PLAIN.findall(window)
    if words[:1] in (["of"], ["in"]) and len(words) > 1:
        if words[0] == "in" and (words[1][:1].isupper()
                                 or words[1].lower().startswith(("mid-", "early", "late"))
                                 or words[1].lower() in qc.ORDINAL_WORDS):
            return None
        named = words[1].lower() if words[0] == "of" and words[1][:1].isupper() \
            and folded.endswith(("%", "cent"), 0, end) else None
        words = words[1:]
        if len(words) > 1 and words[0].lower() in qc._PARTITIVE_PRONOUNS \
                and window.lstrip().lower().startswith("of "):
            words = words[1:]
        noun = qc._noun_of(words)
        return None if noun is not None and noun == named else noun
    return qc._noun_of(words)


# What follows numbers: each branch of noun_after, the sixth word read (after "of them"),
# age groups, marks, words running on past 60 characters, lines and non-ASCII letters.
NOUN_CASES = [
    "600 VT-4 battle tanks were sold",
    "15 of them lorries, the rest cars",
    "73 of those Canadian Armed Forces personnel were sent",
    "12 of these Royal Navy air defence systems",
    "4 of them Pakistani students study here",
    "81 per cent of imports",
    "12% of Brightwell",
    "4% of Italian exports",
    "$2.1 billion in sales",
    "$462.3 million in September",
    "710 in mid-March",
    "4.2% in early trading",
    "$41.3m in second place",
    "271,590 UK 18-year-olds applied, 118-year-olds none",
    "5 2018-year-olds 7-year-old-ish (children), men; women: 3",
    "6 nautical miles north of Naxos",
    "one crew member suffered burns",
    "11 seats short of a majority",
    "10\nContainers stranded: 38,000",
    "10\n  containers stranded",
    "3 caf\u00e9s and \u00e9clairs, \u017fhips ſ K\u212a _x 9 x9 it's Chang'e",
    "7 of",
    "7 in",
    "",
    "9 " + "word " * 20 + "ships",
    "20 of them of them of them of them of them",
]


@pytest.mark.parametrize("sentence", NOUN_CASES)
def test_noun_after_six_words_as_plain(sentence: str) -> None:
    text = "Before: " + sentence
    for end in range(8, len(text) + 1):
        assert qc.noun_after(text, end) == _noun_after_plain(text, end)


def test_noun_cases_read_the_sixth_word() -> None:
    """A case whose noun is its sixth word: a pattern of five words would be seen."""
    text = "12 of them Canadian Armed Forces personnel arrived"
    assert _noun_after_plain(text, 2) == "personnel"
    assert len(_NOUN_WORDS_PLAIN.findall(text[2:])) > 6


_NOUN_TEXT = st.text(alphabet="aZ1 8-year-olds\t\n,.;:()'\u00e9_\u017f%", max_size=70)


@given(_NOUN_TEXT)
def test_first_noun_words_as_findall_any_text(text: str) -> None:
    first = qp.FIRST_NOUN_WORDS_RE.match(text)
    assert first is not None
    assert [w for w in first.groups() if w is not None] == _NOUN_WORDS_PLAIN.findall(text)[:6]


@given(_NOUN_TEXT)
def test_noun_after_as_plain_any_text(text: str) -> None:
    for end in range(min(len(text), 4) + 1):
        assert qc.noun_after(text, end) == _noun_after_plain(text, end)
