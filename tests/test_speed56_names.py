"""Capitals mid-sentence, datelines and fuzzy names read with less work give what they gave:
the code each rewrite replaced is kept here as it was (functions named _..._before) and
compared with the new on a table of cases and hypothesis strings."""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lexicon as lexicon_module
from checker import namebounds, nlp, propernames
from checker.extract import triples
from checker.lexicon import Lexicon
from checker.propernames import mid_capitals, mid_sentence_names
from checker.rules import RuleSet

# -- the code as it was ----------------------------------------------------------------

_SPACED_MID_NAME_RE = re.compile(r" ([A-Z](?<=[a-z0-9,;] [A-Z])[\w'\u2019-]*)")


def _mid_capitals_before(text: str) -> dict[str, int]:
    """What mid_capitals counts, as mid_sentence_names counted it: the pattern's findall."""
    return Counter(_SPACED_MID_NAME_RE.findall(text))


def _mid_sentence_names_before(text: str) -> frozenset[str]:
    """propernames.mid_sentence_names as it was: a Counter of the findall, and isascii()
    asked of each word."""
    found: Counter[str] = Counter(_SPACED_MID_NAME_RE.findall(text))
    for word in propernames._STAMPED_WORD_RE.findall(text) if propernames.has_clock(text) \
            else ():
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    lower: Counter[str] | None = None
    names = []
    for word, n in found.items():
        low = word.lower()
        if low.isascii():
            seen = propernames.lower_word_count(text, low, n)
        else:
            if lower is None:
                lower = Counter(propernames._LOWER_WORD_RE.findall(text))
            seen = lower.get(low, 0)
        if seen < n:
            names.append(word)
    return frozenset(names)


def _after_dash_dateline_before(text: str, start: int, pos: int) -> bool:
    """namebounds.after_dash_dateline as it was: the pattern tried on every sentence."""
    return namebounds._DASH_DATELINE_RE.fullmatch(text, start, pos) is not None


def _char_bits_before(text: str) -> int:
    """lexicon._char_bits as it was: ord() of each character."""
    bits = 0
    for ch in text:
        bits |= 1 << (ord(ch) & 31)
    return bits


def _reachable_before(lexicon: Lexicon, query: str) -> list[str]:
    """Lexicon._reachable as it was: rows of (choice, bits, most) tuples, as built for each
    (length, threshold)."""
    size = len(query)
    slack = 1 - lexicon.fuzzy_threshold
    rows = [(c, lexicon._choice_bits[c], int(slack * (len(c) + size) + 1))
            for c in lexicon._near_choices(size)]
    bits = _char_bits_before(query)
    out: list[str] = []
    for choice, held, most in rows:
        diff = bits ^ held
        if lexicon_module._BITS[diff & 65535] + lexicon_module._BITS[diff >> 16] <= most:
            out.append(choice)
    return out


# -- capitals mid-sentence ------------------------------------------------------------

# What the pattern and the shapes read: the letters before a space ([a-z0-9,;]), capitals,
# a name's marks, "?" (which the encoding's "replace" also makes), letters and marks
# outside ASCII (a word's and not), blanks, and a lone surrogate.
_MID_ALPHABET = ("aZB 0,;.'\u2019-_?\n\t\xa0\u00c9\u00e9\u00a9\u201c\u017f\u0131\u0130\u212a"
                 "\ud800x9:1")
_MID_TEXT = st.text(alphabet=_MID_ALPHABET, max_size=40)
_MID_WORDS = ["Lin", "lin", "Will", "will", "the", "said", ",", ";", ".", "'s", "\u2019s",
              "Ngo\u00e9", "ngo\u00e9", "Wu-Lin", "Who?", "\u00a9Reuters", "Kremlin\u2019s",
              "a", "B", "b", "x9", "10:42", "\n", "\u201cLin\u201d", "O'Brien", "_X"]


def test_mid_capitals_cases() -> None:
    for text, found in [
            ("the Lin, met; Will and 9 Xi. No Wu-Lin's x  Yy  a Bb",
             {"Lin": 1, "Will": 1, "Xi": 1, "Wu-Lin's": 1, "Bb": 1}),
            ("a Bc Def Ghi", {"Bc": 1, "Def": 1, "Ghi": 1}), ("aBC Def", {}),
            ("by the Kremlin\u2019s men, Who? said", {"Kremlin\u2019s": 1, "Who": 1}),
            ("x \u00c9mile y Ngo\u00e9 z Ab\u00a9d", {"Ngo\u00e9": 1, "Ab": 1}),
            ("a A", {"A": 1}), (" A", {}), ("", {}), ("a A a A", {"A": 2}),
            ("s \u017f A? a B", {"B": 1}), ("x O'Brien_2-x", {"O'Brien_2-x": 1})]:
        assert mid_capitals(text) == _mid_capitals_before(text) == found, text


@settings(max_examples=1500)
@given(_MID_TEXT)
def test_mid_capitals_as_before(text: str) -> None:
    assert mid_capitals(text) == _mid_capitals_before(text), text


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_MID_WORDS), max_size=30).map(" ".join))
def test_mid_capitals_of_words_as_before(text: str) -> None:
    assert mid_capitals(text) == _mid_capitals_before(text), text
    assert mid_sentence_names(text) == _mid_sentence_names_before(text), text


@settings(max_examples=500)
@given(_MID_TEXT)
def test_mid_sentence_names_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _mid_sentence_names_before(text), text


# -- dash datelines -------------------------------------------------------------------

_DATELINE_ALPHABET = "LUSAKa ,.-\u2013\u2014\t\n()Rr'_x\u00a0"


def test_after_dash_dateline_cases() -> None:
    for text, yes in [("LUSAKA - A case", True), ("KITWE, Zambia (Reuters) \u2014 A", True),
                      ("LUSAKA -A", False), ("LUSAKA\t-\t A", True), ("Lusaka said A", False),
                      ("- A", False), ("LUSAKA \u2013 ", True), ("x - A", False)]:
        pos = text.rfind(" A") + 1 or len(text)  # (before the name, if any)
        assert namebounds.after_dash_dateline(text, 0, pos) == yes, text
        assert _after_dash_dateline_before(text, 0, pos) == yes, text


@settings(max_examples=1500)
@given(st.text(alphabet=_DATELINE_ALPHABET, max_size=30), st.integers(0, 32),
       st.integers(0, 32))
def test_after_dash_dateline_as_before(text: str, start: int, pos: int) -> None:
    assert namebounds.after_dash_dateline(text, start, pos) == \
        _after_dash_dateline_before(text, start, pos), (text, start, pos)


# -- fuzzy names ----------------------------------------------------------------------


@given(st.text(alphabet="abcehinorsu \u00e90A_~\u0100\u017f\u212a'", max_size=24))
def test_char_bits_as_before(text: str) -> None:
    assert lexicon_module._char_bits(text) == _char_bits_before(text)


def test_reachable_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    lexicon._fuzzy(("warm", "up"))  # (the choices built)
    names = list(lexicon._choice_keys)
    queries = [q for n in names for q in (n, n + "s", n[1:], "x" + n, n[::-1], n.upper(),
                                          n.replace("a", "\u00e9"), n + " 2")]
    try:
        for threshold in (0.9, 0.8, 0.5, 0.9):  # (the rows of one threshold not kept)
            lexicon.fuzzy_threshold = threshold
            found = 0
            for query in queries:
                near = lexicon._reachable(query)
                assert near == _reachable_before(lexicon, query), (query, threshold)
                found += len(near)
            assert found >= len(queries)
    finally:
        lexicon.fuzzy_threshold = 0.9


@settings(max_examples=300)
@given(st.text(alphabet="abcehinorsu \u00e90A_~\u0100", min_size=1, max_size=24))
def test_reachable_as_before_any_text(ruleset: RuleSet, query: str) -> None:
    ruleset.lexicon._fuzzy(("warm", "up"))
    assert ruleset.lexicon._reachable(query) == _reachable_before(ruleset.lexicon, query)


# -- verbs ----------------------------------------------------------------------------


def _verb_at_before(folded: str) -> tuple[int, int] | None:
    """triples.verb_at as it was: in ASCII, _VERB_AFTER searched in " " + the lower case."""
    if not folded.isascii():
        return triples.verb_at(folded)  # (that way is unchanged)
    spaced = " " + folded.lower()
    pos = 0
    while True:
        m = triples._VERB_AFTER.search(spaced, pos)
        if m is None:
            return None
        start, end = m.span()
        end -= 1
        if not (triples._describes_a_count(folded, start, end)
                or triples.names_word(folded, start)):
            return start, end
        pos = end


_VERB_TEXT_WORDS = [
    *"""is increased included includes invested are announced agreed approved accounts
    accounted amounted was were will would has have had held signed said says supplied
    launched reported rose reached recorded ranked fell grew decreased declined delivered
    developed dominates dominate became joined carried put made met""".split(),
    "been", "be", "Has", "HAS", "Been", "United", "united", "planned", "injured", "4,000",
    "200", "surgeries", "people", "in", "the", "Some", "300", "gathered", "ed", "red", "bred",
    "shed", "Ed", "isn", "is_", "x9ed", "hased", "wills", "\"", "(", "'", ",", ".", "-", "_",
    "\t", "\n", "  ", "caf\u00e9", "a"]


def test_verb_at_cases() -> None:
    for folded, span in [("It has been sold", (3, 11)), ("It has  been sold", (3, 6)),
                         ("It has\tbeen", (3, 6)), ("It will be", (3, 10)),
                         ("It will bee", (3, 7)), ("4,000 planned surgeries were", (24, 28)),
                         ("Hibs travel to Dundee United", None), ("United is", (0, 6)),
                         ("x_is is", (5, 7)), ("shed", None), ("bred ished", (5, 10)),
                         ("HAS BEEN", (0, 8)), ("so HAS BEEN", None), ("so HAs been", None)]:
        assert triples.verb_at(folded) == _verb_at_before(folded) == span, folded


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_VERB_TEXT_WORDS), max_size=14).map(" ".join))
def test_verb_at_as_before(folded: str) -> None:
    assert triples.verb_at(folded) == _verb_at_before(folded), folded


@settings(max_examples=1000)
@given(st.text(alphabet="hasbeniwlrd_ E0123,.\t'\"(-Aed", max_size=30))
def test_verb_at_as_before_any_text(folded: str) -> None:
    assert triples.verb_at(folded) == _verb_at_before(folded), folded


# -- words ----------------------------------------------------------------------------


def _words_before(text: str, start: int = 0, end: int | None = None
                  ) -> tuple[list[str], list[int], list[int], list[str], list[str]]:
    """Lexicon.words as it was (without its memory of the last span): a sentence outside
    ASCII split by TOKEN_SPLIT_RE whatever its characters."""
    part = text if start == 0 and end is None else text[start:end]
    splitter = nlp.token_split_re(part)
    if splitter is nlp.ASCII_RUN_SPLIT_RE:
        words, starts, ends = nlp.ascii_runs(part, start)
        return words, starts, ends, words, nlp.ascii_lower_words(part)
    if splitter is nlp.ASCII_TOKEN_SPLIT_RE:
        words, starts, ends = nlp.ascii_tokens(part, start)
    else:
        parts = splitter.split(part)
        words = parts[1::2]
        bounds = list(accumulate(map(len, parts), initial=start))
        starts, ends = bounds[1:-1:2], bounds[2::2]
    cased = words if not lexicon_module._KEYED_CHARS_RE.search(part) \
        else list(map(nlp.cased_key, words))
    lower = [word.lower() for word in cased]
    return words, starts, ends, cased, lower


_WORDS_ALPHABET = ("aZ0 '&-_.,\t\n\u2019\u2018\u02bc\u00e9\u00c9\u017f\u0131\u0130\u212a"
                   "\u201c\u201d\u00a9\u2014\u2013\u00a0\u2026\u00ab\u00bb\u00b0\u00ae\u2122"
                   "\u00b2\u0664")


def test_words_cases() -> None:
    for text in ["\u201cWe rose 5%\u201d, he said \u2014 in 2024\u00a0\u00a9 X\u2122",
                 "Kremlin\u2019s \u201cplan\u201d", "caf\u00e9 \u00ab A & B \u00bb",
                 "It\u2019s 5\u00b0C", "a\u2013b", "\u00a9", ""]:
        assert Lexicon().words(text) == _words_before(text), text
        assert Lexicon().words(text, 1, len(text) - 1) == _words_before(
            text, 1, len(text) - 1), text


@settings(max_examples=1500)
@given(st.text(alphabet=_WORDS_ALPHABET, max_size=30), st.integers(0, 5))
def test_words_as_before(text: str, start: int) -> None:
    start = min(start, len(text))
    assert Lexicon().words(text, start) == _words_before(text, start), (text, start)


# -- known names ----------------------------------------------------------------------


def _longest_before(lexicon: Lexicon, lower: list[str], cased: list[str],
                    i: int) -> tuple[int, tuple[str, str]] | None:
    """Lexicon._longest as it was: every longer key that fits looked up."""
    room = len(lower) - i
    for length in lexicon._starts.get(lower[i], ()):
        if length > room:
            continue
        hit = (lexicon._ci1.get(lower[i]) or lexicon._cs1.get(cased[i])) if length == 1 \
            else lexicon._ci.get(tuple(lower[i:i + length])) or lexicon._cs.get(
                tuple(cased[i:i + length]))
        if hit:
            return length, hit
    return None


def test_longest_of_every_alias(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    keys = [k for k in [*lexicon._ci, *lexicon._cs] if len(k) > 1]
    hits = 0
    for key in keys:
        for cased in (list(key), [*key, "x"], [key[0].upper(), *key[1:]], [*key[:-1], "x"],
                      [key[0], key[1].upper(), *key[2:]], [key[0], key[1].title(), *key[2:]],
                      [key[0], "of", *key[1:]]):
            lower = [w.lower() for w in cased]
            found = lexicon._longest(lower, cased, 0)
            assert found == _longest_before(lexicon, lower, cased, 0), cased
            hits += found is not None and found[0] > 1
    assert hits >= len(keys)



_ALIAS_WORDS = ["United", "united", "States", "states", "of", "Of", "America", "Bank",
                "England", "New", "new", "York", "South", "China", "Sea", "Morning", "Post",
                "the", "US", "us", "Kingdom", "Nations", "Arab", "Emirates", "x", "and"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_ALIAS_WORDS), min_size=1, max_size=8))
def test_longest_as_before(ruleset: RuleSet, cased: list[str]) -> None:
    lexicon = ruleset.lexicon
    lower = [w.lower() for w in cased]
    for i in range(len(cased)):
        assert lexicon._longest(lower, cased, i) == _longest_before(lexicon, lower, cased, i)


@settings(max_examples=1000)
@given(st.text(alphabet="aZq0 9'&`-_.,\t\n\x7fA", max_size=30))
def test_resolve_key_as_before(name: str) -> None:
    """Lexicon._resolve's key of an ASCII name: the words' lower case, where it was the
    lower-case translation's words (nlp.ascii_lower_words)."""
    words = nlp.ascii_words(name)
    assert tuple([word.lower() for word in words]) == tuple(nlp.ascii_lower_words(name))


def test_resolve_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    for name in ["United States", "UNITED STATES", "Bank of England", "Untied States",
                 "Roscosmos", "Roscosmoss", "Chang'e 6", "US", "Xq Zz", "New York"]:
        fresh = Lexicon.build([], [])
        fresh.__setstate__(lexicon.__getstate__())
        fresh._looked_up.clear()
        fresh._resolved.clear()
        words = nlp.ascii_words(name)
        key = tuple(nlp.ascii_lower_words(name))
        hit = fresh._lookup(name, words, key, False) if "'" not in name \
            else fresh._lookup(name, nlp.MATCH_TOKEN_RE.findall(name),
                               tuple(map(nlp.token_key, nlp.MATCH_TOKEN_RE.findall(name))))
        fresh._looked_up.clear()
        assert fresh._resolve(name) == (hit[0] if hit else fresh._fuzzy(key)), name


_ENTITY_WORDS = ["Lin", "Will", "China", "United", "States", "met", "and", "the", "Bank", "of",
                 "England", "said", "Acme", "Corp", "in", "Paris", ".", ",", "US", "Mr"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ENTITY_WORDS), max_size=14).map(" ".join))
def test_entities_in_order(ruleset: RuleSet, text: str) -> None:
    """find_entities sorts its known and unknown names by their starts only when they are
    out of order: the list is the one a stable sort of them gave."""
    found = ruleset.lexicon.find_entities(text, names_vocab=frozenset({"Lin", "Acme"}))
    assert found == sorted(found, key=lambda m: m.start), text


def test_entities_in_order_cases(ruleset: RuleSet) -> None:
    text = "Lin Acme met China and the Bank of England in Paris with Will Smith."
    found = ruleset.lexicon.find_entities(text, names_vocab=frozenset({"Lin", "Acme"}))
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert len(found) >= 4 and any(m.id is None for m in found) \
        and any(m.id is not None for m in found)
