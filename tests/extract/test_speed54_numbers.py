"""Rewrites made for speed in the readers of numbers find what the code before them found:
each reference below is the pattern or the code as it was (b693d7d), checked against its
text where it is rebuilt."""

from __future__ import annotations

import hashlib
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_patterns as qp
from checker.extract import quantity_words as qw
from checker.extract.quantity_digits import _time_after


def _by_first_char_plain(alternation: str) -> str:
    """quantity_words.by_first_char as it was: each group behind a lookahead."""
    groups: dict[str, list[str]] = {}
    for branch in alternation.split("|"):
        groups.setdefault(qw._first_char(branch).lower(), []).append(branch)
    return "|".join(f"(?={re.escape(c)})(?:{'|'.join(bs)})" for c, bs in groups.items())


def _first_words_plain(n: int) -> str:
    """quantity_patterns._first_words as it was: greedy words, greedily optional."""
    word = r"\d+-year-olds\b|[A-Za-z][\w'-]*|[,.;:()\-]"
    inner = ""
    for _ in range(n):
        inner = rf"(?:{qp._NO_NOUN_WORD}({word}){inner})?"
    return inner


_UNIT_WORDS = (
    r"%|per\s*cent|percent|pct|(?-i:pc)|percentage\s+points?|pp|basis\s+points|bps|"
    + "|".join(sorted((re.escape(u) for u in qw.MEASURES if u not in qw._CASED_KEYS), key=len,
                      reverse=True))
    + "|" + "|".join(f"(?-i:{u})" for u in sorted(qw.CASED_UNITS))
    + "|" + "|".join(sorted((u.replace(" ", r"\s+") for u in qw.WORD_CURRENCIES), key=len,
                            reverse=True))
    + r"|pence|us\s+cents|euro\s+cents")
_VAGUE_WORDS = (r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
                r"hundreds\s+of\s+millions|tens\s+of\s+billions|hundreds\s+of\s+billions|"
                "dozens|hundreds|thousands|millions|billions|" r"tens(?=\s+of\b)")
_SCALE_PLAIN = (r"trillion|billion|million|thousand\s+crore|thousand|lakh\s+crore|crore|lakh|"
                r"bn|mn|mln|bln|tn|[mkb](?![\w'])")


# NUM_TAIL as it was before round 55 gated its first four branches by a lookahead.
_NUM_TAIL_PLAIN = (r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d?(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?|"
                   r"\d{0,2}(?: \d{3})+(?![\d.,])|"
                   rf"\d{{0,2}},\d{{1,2}}{qw._DECIMAL_COMMA}|\d*(?:\.\d+)?")


def _plain(pattern: str) -> str:
    """A pattern of quantity_patterns with the pieces as they were."""
    for new, old in ((qw.NUM_TAIL, _NUM_TAIL_PLAIN),
                     (qw.UNIT, _by_first_char_plain(_UNIT_WORDS)), (qw.SCALE, _SCALE_PLAIN),
                     (qw.by_first_char(_VAGUE_WORDS), _by_first_char_plain(_VAGUE_WORDS)),
                     (qw.by_first_char("|".join(qw.RATIOS)),
                      _by_first_char_plain("|".join(qw.RATIOS))),
                     (r"\s*+(?P<scale>", r"\s*(?P<scale>"), (r"\s*+(?P<unit>", r"\s*(?P<unit>")):
        pattern = pattern.replace(new, old)
    return pattern


# Each pattern rewritten, and the hash of its text at b693d7d: the references are the
# patterns as they were.
REWRITTEN = {
    "NUMBER_RE": "dbf4a77dbbdcf6f7", "TO_FIGURE_RE": "27f96376c2eaffb6",
    "BETWEEN_RE": "d8835f51c724adfd", "VAGUE_RE": "57a0c2cb90d49dd9",
    "RATIO_RE": "a8a526da229e6d6e", "WORD_NUMBER_RE": "471699afcf6780b3",
    "WORD_UNIT_AFTER_RE": "ac1166a41077761a",
}
_PLAIN = {name: re.compile(_plain(getattr(qp, name).pattern), getattr(qp, name).flags)
          for name in REWRITTEN}
_FIRST_WORDS_PLAIN = re.compile(_first_words_plain(6))


def _digest(pattern: str) -> str:
    return hashlib.sha256(pattern.encode()).hexdigest()[:16]


def test_references_are_the_patterns_as_they_were() -> None:
    for name, digest in REWRITTEN.items():
        assert _digest(_PLAIN[name].pattern) == digest, name
        assert _PLAIN[name].pattern != getattr(qp, name).pattern
    assert _digest(_FIRST_WORDS_PLAIN.pattern) == "72a8edc17f509c5f"


def test_case_classes_are_what_ignorecase_matches() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter, chars in qw.CASE_CLASSES.items():
        assert sorted(re.findall(letter, every, re.IGNORECASE)) == sorted(chars), letter


# Figures with scales and units of every group, cased units ("Mt", "pc"), the letters
# IGNORECASE reads as ASCII ones (Kelvin sign, long s, dotted and dotless i), ranges,
# currencies, spaces before a unit that is none, and words like units ("people", "mission").
NUMBER_TEXTS = [
    "5 million people, 2.5bn, 10k runners, 3m tall, 6b, 7 b's, 4 Bn and 3 TN, 9%",
    "1,200 km/h, 5 Mt, 5 mt, 3 Mtpa, 4 pc, 4 PC, 4 Pc, 12 ft, 12 FT, 2 mg, 2 MG, 5 ml",
    "3 \u212am, 4 \u017fq km, 5 \u0130nches, 6 \u0131nch, 7 K, 8 \u017f, 9 \u212a",
    "between 5 and 10 per cent, 5-7 per cent, 1.0 billion to 1.05 billion pounds",
    "$5 - $7 million, \u00a35m, 5 thousand crore, 2 lakh  crore, 3 lakhs, 40 \u00b0C, 5 \u00b5g",
    "12 percentage points, 3 pp, 50 bps, 5 basis points, 7 parsecs, 9 ppm and 9 ppbx",
    "20 pence, 3 us cents, 4 euro  cents, 5 dollars, 6 swiss francs, 7 danish crowns",
    "10   missions, 11 \tpeople, 12\nmillion, 13 mission, 14 mn, 15 mln, 16 bln, 17 tn",
    "twenty million, tens of thousands, hundreds, dozens of, a third, two-thirds, half",
    "seven years, five per cent, 3 hours, 2 hrs, 7 days, 1 month, 9 m3, 5 km\u00b2",
]
_UNIT_TEXT = st.text(alphabet="0123456789 ,.-$%kKmMbBtTpPcCsSiIn\u212a\u017f\u0130\u0131"
                              "\u00b5\u00b0ftlaeroh", max_size=30)


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_unit_and_scale_patterns_as_plain(text: str) -> None:
    for name, plain in _PLAIN.items():
        new = getattr(qp, name)
        for pos in range(len(text) + 1):
            found, old = new.match(text, pos), plain.match(text, pos)
            assert (found and (found.span(), found.groupdict())) == \
                (old and (old.span(), old.groupdict())), (name, pos)


@given(_UNIT_TEXT)
def test_unit_and_scale_patterns_as_plain_any_text(text: str) -> None:
    for name, plain in _PLAIN.items():
        assert [(m.span(), m.groupdict()) for m in getattr(qp, name).finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], name


def test_number_texts_find_units() -> None:
    """The cases reach the rewritten groups: a unit of a case-sensitive branch, of the
    Kelvin sign, and a scale."""
    units = {m.group("unit") for text in NUMBER_TEXTS for m in qp.NUMBER_RE.finditer(text)}
    assert {"Mt", "pc", "\u212am", "\u0130nches", "%"} <= units
    assert "PC" not in units
    scales = {m.group("scale") for text in NUMBER_TEXTS for m in qp.NUMBER_RE.finditer(text)}
    assert {"million", "bn", "k", "b", "Bn", "TN", "thousand crore"} <= scales


def test_by_first_char_refuses_what_it_cannot_split() -> None:
    with pytest.raises(ValueError):
        qw.by_first_char("a|b?c")
    with pytest.raises(ValueError):
        qw.by_first_char("a|(?-i:b(c))")
    with pytest.raises(ValueError):
        qw.by_first_char("a|(?-i:b+)")
    assert qw.by_first_char("a|(?-i:B)|b") == "(?-i:[aA])(?:)|(?-i:[bB])(?:(?-i:(?<=B))|)"


@given(st.text(alphabet="aZ1 8-year-olds\t\n,.;:()'\u00e9_\u017f%", max_size=70))
def test_first_noun_words_as_plain_any_text(text: str) -> None:
    found, old = qp.FIRST_NOUN_WORDS_RE.match(text), _FIRST_WORDS_PLAIN.match(text)
    assert (found and found.groups()) == (old and old.groups())


# After a number: times in every spelling and case, whitespace of other kinds, words that
# open with a time's letter, nothing.
TIME_TEXTS = ["5pm", "5 PM", "5 a.m.", "5\ta.m.", "5\u00a0GMT", "5  pm", "5 hrs", "5 UTC",
              "5 apples", "5 p", "5 utcx", "5", "5 ", "5-pm", "5 \u0130", "5hrs.", "5 Am",
              "5 HRS", "5 Gmt"]


@pytest.mark.parametrize("text", TIME_TEXTS)
def test_time_after_as_plain(text: str) -> None:
    for end in range(len(text) + 1):
        assert _time_after(text, end) == (qp.TIME_AFTER.match(text, end) is not None)


def test_time_texts_find_times() -> None:
    assert sum(_time_after(text, 1) for text in TIME_TEXTS) >= 8


@given(st.text(alphabet="5 \t\u00a0aApPmMgGtTuUcChHrRs.x\u0130", max_size=12))
def test_time_after_as_plain_any_text(text: str) -> None:
    test_time_after_as_plain(text)
