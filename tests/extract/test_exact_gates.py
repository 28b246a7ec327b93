"""Cheap tests of a clause's text made before a pattern is searched never turn away a text
the pattern matches (each gate is a necessary condition of a match)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.extract import dates, quantities, worthiness
from checker.extract.cues import tokens
from checker.extract.date_patterns import MONTHS as MONTH_NAMES
from checker.extract.date_shift import dateline_end
from checker.extract.quantities import GATES as QUANTITY_GATES
from checker.extract.quantities import RANK_CUES
from checker.extract.quantity_context import ORDINAL_WORDS, RANKED_RE
from checker.extract.quantity_patterns import (
    DURATION_ADJ_RE,
    DURATION_UNITS,
    MEASURE_ADJ_RE,
    MEASURE_ADJ_UNITS,
    NUMBER_WORDS,
    WORD_NUMBER_RE,
    WRITTEN_WORDS,
)
from checker.extract.stance import CORRECTION_RE
from checker.textutil import fold

DIGIT_RE = re.compile(r"\d")

_NOISE = [" ", "  ", "-", "x", ",", "`", "\u2013", "\u017f", "\u212a", "\u0130", "A", "7"]


def _shaped(*slots: list[str]) -> st.SearchStrategy[str]:
    """Texts made of one piece of each slot in turn, noise between them."""
    noise = st.lists(st.sampled_from(_NOISE), max_size=3).map("".join)
    return st.tuples(*(st.tuples(noise, st.sampled_from(slot)) for slot in slots), noise) \
        .map(lambda parts: "".join(a + b for a, b in parts[:-1]) + parts[-1])


_SUPERLATIVES = ["largest", "BIGGEST", "Lowest", "oldest", "deadliest", "most populous",
                 "MOST  valuable", "most\tvaluable", "large\u017ft", "mo\u017ft populous"]
_ORDINALS = [*ORDINAL_WORDS, "THIRD", "Tenth", "3rd", "21ST", "2nd", "11th", "1", "sec"]


def _may_be_ranked(text: str) -> bool:
    """The test extract's claim() makes before RANKED_RE.search(text)."""
    gates = QUANTITY_GATES.mask(fold(text).lower())
    return not text.isascii() or all(gates & need for need in RANK_CUES)


def _rank_holds(text: str) -> None:
    if RANKED_RE.search(text):
        assert _may_be_ranked(text), text


@given(_shaped(_ORDINALS, ["-", " ", "  ", "\u2013"], _SUPERLATIVES))
def test_ranked_gate_keeps_every_match(text: str) -> None:
    _rank_holds(text)


def test_ranked_gate_keeps_each_superlative() -> None:
    for ordinal in _ORDINALS:
        for superlative in _SUPERLATIVES:
            _rank_holds(f"It is the world's {ordinal}-{superlative} city.")
            _rank_holds(f"{ordinal} {superlative}")


def test_ranked_gate_turns_away_plain_text() -> None:
    assert not _may_be_ranked("Prices rose 5% on the year, the third rise.")
    assert not _may_be_ranked("It is the largest city.")
    assert _may_be_ranked("It is the third-largest city.")
    assert _may_be_ranked("the third-large\u017ft")


_WRITTEN_PARTS = ["a", "A", "one", "One", "two", "twenty", "Forty", "-", " ", "  ", "\t",
                  "hundred", "thousand", "dozen", "million", "billion", "trillion", "and",
                  "at", "by", "point", "points", "clear", "percentage", "person", "died",
                  "was", "killed", ".", ",", "x", "7", "eleven", "\u017fix", "\u017f"]


@given(st.lists(st.sampled_from(_WRITTEN_PARTS), max_size=10).map(" ".join),
       st.lists(st.sampled_from(_WRITTEN_PARTS), max_size=10).map("".join))
def test_written_number_gate_keeps_every_match(spaced: str, joined: str) -> None:
    # find_quantities searches WORD_NUMBER_RE in an ASCII text holding a token of
    # WRITTEN_WORDS, in other text one holding any of NUMBER_WORDS (as before).
    for text in (spaced, joined, spaced + ".", "By " + spaced + " people"):
        if WORD_NUMBER_RE.search(text):
            toks = tokens(text)
            assert not WRITTEN_WORDS.isdisjoint(toks) or not text.isascii(), text


def test_written_words_are_the_number_words_but_scales() -> None:
    assert {"one", "dozen", "hundred", "thousand", "ninety"} <= WRITTEN_WORDS
    assert NUMBER_WORDS - {"million", "billion"} == WRITTEN_WORDS
    assert WORD_NUMBER_RE.search("one million people")
    assert not WORD_NUMBER_RE.search("5 million people, a million more")
    # Not ASCII: "\u017fix" is "six" to IGNORECASE, and no token of WRITTEN_WORDS.
    assert WORD_NUMBER_RE.search("\u017fix million people")
    assert WRITTEN_WORDS.isdisjoint(tokens("\u017fix million people"))


def _quantity_mask(text: str) -> int:
    """The quantity gates find_quantities reads a sentence with (forced on in other text)."""
    mask = QUANTITY_GATES.mask(fold(text).lower())
    return mask if text.isascii() else mask | quantities._ASCII_ONLY


_ADJ_NUMBERS = ["5", "24", "2,794", "13.4", "five", "Twenty-one", "twenty one", "a", "12"]
_ADJ_UNITS = [*DURATION_UNITS, *MEASURE_ADJ_UNITS, "YEAR", "Metre", "KM", "years", "hours",
              "tonnes", "inches", "M\u0130LE", "\u0131nch", "ki\u0142o"]
_ADJ_NOUNS = ["contract", "deal", "strike", "runway", "section", "long contract", "truck",
              "state of emergency", "Contract"]


@given(_shaped(_ADJ_NUMBERS, ["-", "\u2013", " - ", "--"], _ADJ_UNITS,
               [" ", "-long ", "\t", "  "], _ADJ_NOUNS))
def test_adjective_gates_keep_every_match(text: str) -> None:
    mask = _quantity_mask(text)
    if DURATION_ADJ_RE.search(fold(text)):
        assert mask & quantities._DURATION, text
    if MEASURE_ADJ_RE.search(fold(text)):
        assert mask & quantities._MEASURE, text


def test_adjective_gates_keep_each_unit() -> None:
    for unit in _ADJ_UNITS:
        for number in _ADJ_NUMBERS:
            for text in (f"a {number}-{unit} contract", f"the {number}-{unit}-long strike",
                         f"the {number}\u2013{unit} runway"):
                mask = _quantity_mask(text)
                if DURATION_ADJ_RE.search(fold(text)):
                    assert mask & quantities._DURATION, text
                if MEASURE_ADJ_RE.search(fold(text)):
                    assert mask & quantities._MEASURE, text
    # Not ASCII: IGNORECASE reads "\u0131" as "i", which lower() keeps.
    assert MEASURE_ADJ_RE.search("a 5-\u0131nch screen")
    assert not QUANTITY_GATES.mask("a 5-\u0131nch screen") & quantities._MEASURE


def test_adjective_gates_turn_away_plain_text() -> None:
    mask = _quantity_mask("Prices rose 5% in the year to March, a long-term high.")
    assert not mask & (quantities._DURATION | quantities._MEASURE)
    assert _quantity_mask("a five-year contract") & quantities._DURATION
    assert _quantity_mask("the 2,794-metre runway") & quantities._MEASURE


_BASE_PARTS = ["%", "per", "Per", "PER", "cent", "CENT", "Cent", "\u0441ent", " ", "  ", "\t",
               "pc", "PC", "pp", "percentage", "points", "point",
               "on", "from", "over", "against", "versus", "vs.", "VS", "compared", "with",
               "to", "x", "5", "\u017f", "\u0130", "\u212a"]


@given(st.lists(st.sampled_from(_BASE_PARTS), max_size=10).map("".join),
       st.lists(st.sampled_from(_BASE_PARTS), max_size=10).map(" ".join))
def test_comparison_base_gate_keeps_every_match(joined: str, spaced: str) -> None:
    # find_dates asks a date whether it names a change's base only in a clause holding "%",
    # "cent", "pc" or "pp" in lower case: each match of both patterns holds one.
    for text in (joined, spaced, spaced + " "):
        if dates._CHANGE_BASE_RE.search(text) or dates._NAMED_BASE_RE.search(text):
            assert any(c in text.lower() for c in dates.CHANGE_CUES), text


def test_comparison_base_gate() -> None:
    text = "Sales rose 9.6 PER CENT on last year."
    d = dates.find_dates(text, 0, len(text))
    assert not d  # the base, no date of the fact
    text = "Sales rose on last year's figure in 2024."
    assert dates.find_dates(text, 0, len(text))


_CITIES = ["PARIS", "Paris", "New Delhi", "KOUROU, French Guiana", "Thiruvananthapuram",
           "In Paris", "WILMINGTON, Delaware", "O'Hare"]
_DAYS = ["March 3", "Aug 10", "10 August", "Sept 18", "Sep. 5", "3 May", "Jan 1, 2025",
         "5 Mar", "DEC 4", "march 3"]
_AFTER = [" - ", " (Reuters) - ", " (PTI) The", " \u2013 ", " -- ", ": ", "(AFP) -\t"]


@given(_shaped(_CITIES, [", ", ",  ", ",\t", " , "], _DAYS, _AFTER))
def test_dateline_gate_keeps_every_match(text: str) -> None:
    # claim() reads a dateline only in a clause with digits and a month's first letters.
    folded = fold(text)
    if dateline_end(folded, 0, len(folded)) is not None:
        assert DIGIT_RE.search(folded), text
        assert dates.GATES.mask(folded.lower()) & dates.MONTH_BIT, text


def test_dateline_gate_keeps_each_month() -> None:
    for month in [*MONTH_NAMES, "Sept"]:
        for text in (f"PARIS, {month.capitalize()} 3 - Prices rose.",
                     f"Delhi, 10 {month.capitalize()} (PTI) Prices rose."):
            assert dateline_end(text, 0, len(text)) is not None, text
            assert dates.GATES.mask(text.lower()) & dates.MONTH_BIT, text


@given(st.text(alphabet="0123456789, .\u0663", max_size=12))
def test_plain_digits_as_before(text: str) -> None:
    # Only a text with a comma can be a decimal comma's (the pattern holds one).
    from checker.extract.quantity_values import _DECIMAL_COMMA_RE, plain_digits

    before = text.replace(",", ".") if _DECIMAL_COMMA_RE.fullmatch(text) \
        else text.replace(",", "").replace(" ", "")
    assert plain_digits(text) == before


@given(st.text(alphabet="IVXivx1A\u2160", min_size=1, max_size=6))
def test_roman_gate_keeps_every_numeral(word: str) -> None:
    # unknown_names tries [IVX]+ only on a word opening with one of its letters.
    from checker.namechunks import _ROMAN_RE

    if _ROMAN_RE.fullmatch(word):
        assert word[0] in "IVX"


_NOTE_OPEN = ["", "\"", "** ", "(", "Correction", "CLARIFICATION", "Update", "Editor's note",
              "editors  note", "Erratum", "correct\u0131on", "Clar\u0130fication", "Note"]
_NOTE_BODY = ["this article was corrected", "This Story has been UPDATED",
              "an earlier version of this article", "The original versions of this page",
              "a previous version of this report", "this piece was amended", "prices rose",
              "\u017fome text", "the prior ver\u017fion of this story"]


def _notes_hold(text: str) -> None:
    # The cue gates' bits for a correction's note (any text) and a superseded version's
    # (ASCII text, read by the lower-case twin).
    mask = worthiness.CUE_GATES.mask(fold(text).lower())
    if CORRECTION_RE.match(fold(text)):
        assert mask & worthiness.CORRECTION_BIT, text
    if text.isascii() and worthiness._SUPERSEDED_TWIN.match(text.lower()):
        assert mask & worthiness._SUPERSEDED_BIT, text


@given(_shaped(_NOTE_OPEN, [":", " :", ": ", "-", " - ", ":\t", ""], _NOTE_BODY))
def test_note_gates_keep_every_match(text: str) -> None:
    _notes_hold(text)


def test_note_gates_keep_each_note() -> None:
    for opening in _NOTE_OPEN:
        for body in _NOTE_BODY:
            _notes_hold(f"{opening}: {body}")
            _notes_hold(f"{opening} - {body}")
    assert CORRECTION_RE.match("Correct\u0131on: prices rose")  # "\u0131" read as "i"


@given(_shaped(["the", "The", "THE"], [" ", "  ", "\t"], _ORDINALS, [" "],
               ["minister", "Super League coach", "country", "one"], [" to "],
               ["leave", "resign", "be held"]))
def test_sequence_gate_keeps_every_match(text: str) -> None:
    # find_quantities reads a place in a sequence in an ASCII clause with an ordinal's cue.
    from checker.extract.streaks import _SEQUENCE_RE

    if _SEQUENCE_RE.search(fold(text)) and text.isascii():
        assert _quantity_mask(text) & RANK_CUES[0], text


@given(_shaped(["", "Q", "A", "Operator", "Results", "main  outcomes and\tmeasures",
                "Conclusions and relevance", "CONTEXT", "x"], [":", " :", ": ", ":\t", ""],
               ["During follow-up, 3,104 died.", "When will bills fall?", "\"We won\""]))
def test_block_prefix_gate_keeps_every_match(text: str) -> None:
    # candidate_spans reads a turn's label or a section's heading only in a block with ":".
    from checker.extract.candidates import _SECTION_PREFIX_RE, _SPEAKER_PREFIX_RE

    for begin in range(min(3, len(text) + 1)):
        if _SPEAKER_PREFIX_RE.match(text, begin) or _SECTION_PREFIX_RE.match(text, begin):
            assert text.find(":", begin) >= 0, text


@given(st.text(alphabet="aZ0 '&\u2019\u2018\u02bc\u00e9-`", max_size=20))
def test_run_splitter_text_has_no_keyed_characters(text: str) -> None:
    # Lexicon.tokens takes the words as their cased keys where token_split_re chose the
    # runs' splitter, without searching the text for an apostrophe or "&" again.
    from checker.lexicon import _KEYED_CHARS_RE
    from checker.nlp import ASCII_RUN_SPLIT_RE, token_split_re

    if token_split_re(text) is ASCII_RUN_SPLIT_RE:
        assert not _KEYED_CHARS_RE.search(text), text


@given(st.lists(st.sampled_from([" ", "  ", "\t", ",", ", ", "Which", "who", "WHO", "wh\u0131ch",
                                 "x", "Turkey", "\u00a0"]), max_size=6).map("".join))
def test_trailing_relative_needs_a_comma(text: str) -> None:
    # read_triple strips a subject's relative pronoun ("Turkey, which") only from a subject
    # with a comma: the pattern's match holds one.
    from checker.extract.triples import _TRAILING_RELATIVE_RE

    if _TRAILING_RELATIVE_RE.search(text):
        assert "," in text


@given(st.text(alphabet="aZ09-,.\u00e9\u0130\u212a'", max_size=4))
def test_noun_letter_set_as_pattern(word: str) -> None:
    # _noun_of reads LETTER_RE's match of a word's first character off a set.
    from checker.extract.quantity_context import _ASCII_LETTERS
    from checker.extract.quantity_patterns import LETTER_RE

    assert (word[:1] in _ASCII_LETTERS) == (LETTER_RE.match(word) is not None)


@given(st.lists(st.sampled_from(["10", "4", ":", "42", " ", "\t", "\n", "Temperatures",
                                 "x"]), max_size=8).map("".join))
def test_stamped_words_need_a_colon(text: str) -> None:
    from checker.propernames import _STAMPED_WORD_RE

    if _STAMPED_WORD_RE.search(text):
        assert ":" in text


@given(st.integers(0, 9), st.integers(0, 9),
       st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=4))
def test_within_as_any(start: int, end: int, spans: list[tuple[int, int]]) -> None:
    from checker.extract.spans import within

    assert within(start, end, spans) == any(s <= start and end <= e for s, e in spans)


@given(st.text(alphabet="aZ n't\u2019\u201c\"`\u2013-.,", max_size=30))
def test_readers_given_the_folded_clause_as_before(raw: str) -> None:
    # claim() hands polarity, modality and text_features the folded clause it holds.
    from checker.extract.stance import modality, polarity
    from checker.extract.worthiness import text_features

    clause = fold(raw)
    assert polarity(raw, clause) == polarity(raw)
    assert modality(clause, False, None, clause) == modality(clause, False)
    kw = {"has_number": False, "has_date": False, "attributed": False, "future": False,
          "correction": False}
    assert text_features(raw, folded=clause, **kw) == text_features(raw, **kw)


@given(st.text(alphabet="aZ .!?\u2019\u201c\"`\u2013-,;\n", max_size=40))
def test_splitters_given_the_folded_text_as_before(text: str) -> None:
    # candidate_spans hands split_sentences and claim_units the folded document.
    from checker.extract.segment import split_sentences
    from checker.extract.units import claim_units

    folded = fold(text)
    assert split_sentences(folded, 0, len(folded), is_folded=True) == split_sentences(text)
    assert claim_units(folded, 0, len(folded), is_folded=True) == \
        claim_units(text, 0, len(text))


def _line_spans_before(text: str, start: int) -> list[tuple[int, int]]:
    """textutil.line_spans of a text without "\r" as it read one line at a time."""
    out = []
    pos = start
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append((pos, len(text)))
            return out
        out.append((pos, nl))
        pos = nl + 1


@given(st.text(alphabet="a\n ", max_size=12), st.integers(-3, 14))
def test_line_spans_as_before(text: str, start: int) -> None:
    from checker.textutil import line_spans

    assert list(line_spans(text, start)) == _line_spans_before(text, start)


@given(st.text(alphabet="aZ0_\u00e9\u00c9\u0130\u01c5\u2160\u00aa ", max_size=3))
def test_capital_test_as_isupper(word: str) -> None:
    # unknown_names asks whether a word opens with a capital by comparisons in ASCII.
    first = word[:1]
    assert ("A" <= first <= "Z" or first > "\x7f" and first.isupper()) == first.isupper()
