"""Names and triples read with less work give what the code they replaced gave: each test
holds the replaced code as it was and compares on the cases that matter."""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, compress

from hypothesis import given
from hypothesis import strategies as st

from checker import predicatespans, propernames
from checker.extract import triples
from checker.extract.triples import verb_at
from checker.lexicon import Lexicon
from checker.namechunks import unknown_names
from checker.nlp import (
    ASCII_RUN_SPLIT_RE,
    AUXILIARIES,
    MATCH_TOKEN_RE,
    ascii_runs,
    cased_key,
    stem,
    token_key,
    token_split_re,
)
from checker.predicatespans import predicate_spans
from checker.propernames import (
    EntityMatch,
    has_clock,
    inside_longer_name,
    lower_word_count,
    mid_sentence_names,
    negated_prefix,
)
from checker.rules import RuleSet
from checker.textutil import Token, fold

# The lower-case words mid_sentence_names counted, as it found them.
_LOWER_WORD_PLAIN = r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*"


def _old_mid_sentence_names(text: str) -> frozenset[str]:
    """mid_sentence_names as it was before each name's lower-case twin was counted alone."""
    found = Counter(propernames._MID_NAME_RE.findall(text))
    for word in propernames._STAMPED_WORD_RE.findall(text) if ":" in text else ():
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    for word in found:
        if word.lower() in text:
            break
    else:
        return frozenset(found)
    lower = Counter(re.findall(_LOWER_WORD_PLAIN, text))
    return frozenset(w for w, n in found.items() if lower.get(w.lower(), 0) < n)


# Words around a name and its twin: marks that join a word ("_", "'", "\u2019", "-"),
# digits, letters outside ASCII, a dotted "I" whose lower case is two characters, and
# stamps of a live blog.
_WORDS = ["Lin", "lin", "lin's", "lin\u2019s", "_lin", "lin_", "-lin", "lin-", "2lin",
          "lin2", "xlin", "linx", "Wu-Lin", "wu-lin", "Will", "will", "WILL", "wills",
          "\u00e9lin", "lin\u00e9", "Ngo\u00e9", "ngo\u00e9", "\u0130stanbul", "i\u0307stanbul",
          "istanbul", "the", "said", "of", "and", ",", ";", ".", "(", ")", "\"", "'", "10:42",
          "\n", "\n10:42", "a", "B", "b", "x9", "Lin_Lin", "lin_lin", "linlin"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_mid_sentence_names_as_before(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.lists(st.sampled_from(_WORDS), max_size=40).map("".join))
def test_mid_sentence_names_as_before_glued(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.text(alphabet="Lin lin,;.'-_\u2019\n:10\u00e9\u0130", max_size=80))
def test_mid_sentence_names_as_before_any_text(text: str) -> None:
    assert mid_sentence_names(text) == _old_mid_sentence_names(text)


@given(st.text(alphabet="lin l,;.'-_\u2019\n2\u00e9x", max_size=60),
       st.sampled_from(["lin", "l", "li", "lin-lin", "lin'l", "l2"]), st.integers(1, 4))
def test_lower_word_count_as_findall(text: str, low: str, most: int) -> None:
    assert lower_word_count(text, low, most) == min(
        most, Counter(re.findall(_LOWER_WORD_PLAIN, text))[low])


def test_mid_sentence_names_cases() -> None:
    text = "He met Lin and Will, then Lin. lin said, and will: x-lin lin_x, Wu-Lin wu-lin's."
    assert mid_sentence_names(text) == _old_mid_sentence_names(text) == frozenset(
        {"Lin", "Wu-Lin"})


def _old_verb_at(folded: str) -> tuple[int, int] | None:
    """verb_at as it was, searching _VERB_TWIN in the lower-case text."""
    lower = folded.lower() if folded.isascii() else None
    pos = 0
    while True:
        m = triples._VERB_TWIN.search(lower, pos) if lower is not None \
            else triples._VERB_RE.search(folded, pos)
        if m is None or not (triples._describes_a_count(folded, m.start(), m.end())
                             or triples.names_word(folded, m.start())):
            return m.span() if m else None
        pos = m.end()


# Every word of _VERB_RE, words that only start or end like one, participles after a figure
# and capitalised ones, marks and digits around them.
_VERB_WORDS = [*"is are was were has been have been had been has have had will be will would "
               "signed launched announced said says reported rose fell grew increased "
               "decreased declined reached recorded became joined delivered developed carried "
               "put made agreed approved held met dominates dominate included includes "
               "accounts accounted amounted ranked supplied invested".split(),
               "has been", "will be", "have been", "Has", "United", "planned", "injured",
               "4,000", "200", "people", "in", "the", "Some", "gathered", "isn't", "it's",
               "bed", "red", "_ed", "x_ed", "12ed", "ised", "hasbeen", "wills", "mets", "foo_ed",
               "_iled", "12_ed", "was_", "_was",
               "re-signed", "pre-agreed", "co-led", "said:", "(said)", "\"rose\"", ",", ".",
               "-", "\n", "\t", "\u00e9ed", "caf\u00e9d"]


@given(st.lists(st.sampled_from(_VERB_WORDS), max_size=14).map(" ".join))
def test_verb_at_as_before(text: str) -> None:
    assert verb_at(text) == _old_verb_at(text)


@given(st.lists(st.sampled_from(_VERB_WORDS), max_size=14).map("".join))
def test_verb_at_as_before_glued(text: str) -> None:
    assert verb_at(text) == _old_verb_at(text)


@given(st.text(alphabet="isawhed ,.-_'2\n\t", max_size=40))
def test_verb_after_as_twin(text: str) -> None:
    """(On what verb_at searches: lower-case ASCII text.)"""
    for pos in range(len(text) + 1):
        old = triples._VERB_TWIN.search(text, pos)
        new = triples._VERB_AFTER.search(" " + text, pos)
        assert (new.start(), new.end() - 1) == old.span() if old else new is None


def test_verb_at_cases() -> None:
    for text, span in [("China has been a member", (6, 14)), ("Signed in 2020", (0, 6)),
                       ("4,000 planned surgeries were cancelled", (24, 28)),
                       ("Dundee United played", (14, 20)), ("x re-signed him", (5, 11))]:
        assert verb_at(text) == _old_verb_at(text) == span
    for word in _VERB_WORDS:
        assert verb_at(f"He {word} it") == _old_verb_at(f"He {word} it")


def _old_tokens(text: str, start: int = 0,
                end: int | None = None) -> tuple[list[Token], list[str], list[str]]:
    """Lexicon.tokens as it was: every text's words by a regex split."""
    part = text if start == 0 and end is None else text[start:end]
    splitter = token_split_re(part)
    parts = splitter.split(part)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=start))
    toks = [Token(w, s, e) for w, s, e in zip(words, bounds[1:-1:2], bounds[2::2], strict=True)]
    cased = words if splitter is ASCII_RUN_SPLIT_RE or not re.search(
        "['\u2019\u2018\u02bc&]", part) else [cased_key(w) for w in words]
    return toks, cased, [w.lower() for w in cased]


# ASCII text with every kind of gap (spaces, tabs, line breaks, marks, "_"), and the texts
# the other splitters read ("'", "&", letters outside ASCII).
_TOKEN_TEXT = st.text(alphabet="aZ09 \t\n,.-_()$%\"/", max_size=50)


@given(_TOKEN_TEXT, st.integers(0, 9))
def test_ascii_runs_as_split(text: str, start: int) -> None:
    parts = ASCII_RUN_SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, parts), initial=start))
    assert ascii_runs(text, start) == (parts[1::2], bounds[1:-1:2], bounds[2::2])


@given(st.text(alphabet="aZ09 \t\n,.-_()'&\u2019\u00e9", max_size=50), st.integers(0, 5),
       st.integers(0, 50))
def test_tokens_as_before(text: str, start: int, stop: int) -> None:
    for end in (None, max(start, stop)):
        assert Lexicon().tokens(text, start, end) == _old_tokens(text, start, end)


def test_tokens_cases() -> None:
    for text in ["Turkey joined BRICS in 2024.", "  US$5 bn, (12%) - x_y\tz\n9", "", " ",
                 "China's GDP", "AT&T rose", "Ngo\u00e9 said"]:
        assert Lexicon().tokens(text) == _old_tokens(text)
        assert Lexicon().tokens(text, 2, len(text) - 1) == _old_tokens(text, 2, len(text) - 1)
    assert ascii_runs("a, bc9 _d", 3) == (["a", "bc9", "d"], [3, 6, 11], [4, 9, 12])


def _old_resolve(lexicon: Lexicon, name: str) -> str | None:
    """Lexicon._resolve as it was: every name's words by MATCH_TOKEN_RE and token_key."""
    words = MATCH_TOKEN_RE.findall(fold(name))
    key = tuple(map(token_key, words))
    hit = lexicon._ci.get(key) or lexicon._cs.get(tuple(map(cased_key, words)))
    return hit[0] if hit else lexicon._fuzzy(key)


def test_resolve_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    names = [info.name for info in lexicon.entities.values()]
    names += [" ".join(k) for k in list(lexicon._ci)[:300]] + [
        " ".join(k) for k in list(lexicon._cs)[:300]]
    variants = []
    for name in names[:400]:
        variants += [name, name.upper(), name.lower(), name + "s", name[:-1], name + " 2",
                     name.replace(" ", "-"), name + "'s", name.replace(" ", "  ")]
    variants += ["U.S.", "US", "u.s", "Chang'e 6", "Chang'e-8", "AT&T", "S&P 500", "Ngo\u00e9",
                 "Beijing`s", "", " ", "_", "X_Y", "China 2", "Chinaa", "Pakistann", "UK"]
    for name in variants:
        assert Lexicon(**{f: getattr(lexicon, f) for f in ("entities", "_ci", "_cs")}
                       )._resolve(name) == _old_resolve(lexicon, name), name


def _old_find_entities(lexicon: Lexicon, text: str, start: int = 0, end: int | None = None,
                       names_vocab: frozenset[str] | None = None,
                       body: int | None = None) -> list[EntityMatch]:
    """Lexicon.find_entities as it was: the alias starts picked by compress() and map().
    Only that pick is the old code's: the helpers it calls (inside_longer_name,
    unknown_names, _team_name_follows) are the package's own (those rewritten since are
    compared with their old selves in tests/test_speed53_names.py)."""
    words, starts, ends, cased, lower = lexicon.words(text, start, end)
    taken = [False] * len(words)
    found: list[EntityMatch] = []
    free = 0
    for i in compress(range(len(lower)), map(lexicon._starts.__contains__, lower)):
        if i < free:
            continue
        hit = lexicon._longest(lower, cased, i)
        end_char = ends[i + hit[0] - 1] if hit else 0
        if hit and not negated_prefix(text, words, starts, i) \
                and text[end_char:end_char + 1] not in ("$", "+") \
                and not inside_longer_name(text, words, starts, ends, i, hit) \
                and not lexicon._team_name_follows(text, words, starts, ends, i + hit[0]):
            length, (eid, role) = hit
            s, e = starts[i], ends[i + length - 1]
            if length > 1 and text[e:e + 1] == "." and re.fullmatch(
                    r"(?:[A-Z]\.)+[A-Z]", text[s:e]):
                e += 1
            found.append(EntityMatch(text[s:e], s, e, eid, role))
            for k in range(i, i + length):
                taken[k] = True
            free = i + length
    found.extend(unknown_names(text, words, starts, ends, taken,
                               start if body is None else body, names_vocab, lexicon.resolve))
    found.sort(key=lambda m: m.start)
    return found


_ENTITY_TEXTS = [
    "China and Pakistan signed a deal with the United States on Monday.",
    "The U.S. Geological Survey said non-Chinese firms in South China Morning Post tests.",
    "Michael Jordan met Mumbai Indians and American Indians; US$5 billion went to OPEC+.",
    "Washington Post reporters in New Zealand and Health New Zealand met the U.K. team.",
    "DHAKA, Aug 10 - Dengue cases rose in Bangladesh, India and Nepal, the WHO said.",
    "Lin and Will said China's and Russia's envoys, Kitwe and Ndola, met the EU.",
]


def test_find_entities_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    for text in _ENTITY_TEXTS:
        vocab = mid_sentence_names(text)
        for start, end, body in [(0, None, None), (3, len(text) - 2, None), (0, None, 8)]:
            new = lexicon.find_entities(text, start, end, vocab, body)
            assert new == _old_find_entities(lexicon, text, start, end, vocab, body)
    assert any(lexicon.find_entities(text) for text in _ENTITY_TEXTS)


def _old_predicate_spans(lexicon: Lexicon, text: str, start: int = 0,
                         end: int | None = None) -> list[tuple[str, int, int]]:
    """predicatespans.predicate_spans as it was: the kept tokens listed for every text.
    Only that listing is the old code's: _no_verb, _moved_by, _moved_to, _to_from and
    _signed are the package's own (those rewritten since are compared with their old
    selves in tests/test_speed53_names.py)."""
    ps = predicatespans
    words, starts, ends, _, keys = lexicon.words(text, start, end)
    content = [key not in AUXILIARIES for key in keys]
    kept_starts = list(compress(starts, content))
    kept_ends = list(compress(ends, content))
    at = list(compress(range(len(words)), content))
    stems = list(map(stem, compress(keys, content)))
    found = [(pid, kept_starts[i], kept_ends[j - 1])
             for pid, i, j in lexicon.find_predicates(stems)
             if not ps._no_verb(text, words, starts, ends, at[i])]
    if ("up" in keys or "down" in keys) and not found:
        found = ps._moved_by(lexicon, text, starts, ends, keys)
    stop = len(text) if end is None else end
    if not found and (text.find("sank", start, stop) >= 0
                      or text.find("rallied", start, stop) >= 0):
        found = ps._moved_to(lexicon, keys, starts, ends)
    if not found and text.find(" from ", start, stop) >= 0:
        found = ps._to_from(lexicon, text, start, stop)
    if text.find("+", start, stop) >= 0 or text.find("(-", start, stop) >= 0 \
            or text.find(", -", start, stop) >= 0 or text.find("\u2212", start, stop) >= 0:
        found += ps._signed(lexicon, text, start, stop)
    return found


_PREDICATE_TEXTS = [
    "Turkey joined the group and signed a contract; exports rose 5% and then fell.",
    "Egypt is a member of BRICS, and cases were down 12% as shares sank 17%.",
    "India signed a four-year contract; the ferry sank off Bali; oil rallied to $82.",
    "They were found in the runway, cut their stake to 18.1% from 19.6% (+4.9%, -1.1%).",
    "Sales, up 12% on the year, set up 12 plants; Scotland (+4.9%) and London (-1.1%).",
    "Nothing happened here at all.",
]


def test_predicate_spans_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    for text in _PREDICATE_TEXTS:
        for start, end in [(0, None), (4, len(text) - 3)]:
            assert predicate_spans(lexicon, text, start, end) == _old_predicate_spans(
                lexicon, text, start, end)
    assert sum(len(predicate_spans(lexicon, text)) for text in _PREDICATE_TEXTS) >= 5


@given(st.text(alphabet="1:0 a\n\u0664\u00b2", max_size=20))
def test_has_clock_as_search(text: str) -> None:
    assert has_clock(text) == (re.search(r"\d:\d\d", text) is not None)


_MID_TEXT = st.text(alphabet="aZB 0,;.'\u2019-_\n\u00c9\u00e9", max_size=40)
# The pattern mid_sentence_names searched then (propernames.mid_capitals finds its words
# by str.find since: tests/test_speed56_names.py).
_SPACED_MID_NAME_RE = re.compile(r" ([A-Z](?<=[a-z0-9,;] [A-Z])[\w'\u2019-]*)")


@given(_MID_TEXT)
def test_spaced_mid_names_as_mid_names(text: str) -> None:
    assert _SPACED_MID_NAME_RE.findall(text) == re.findall(
        propernames.MID_NAME_PLAIN, text)


def test_clock_and_mid_name_cases() -> None:
    for text in ["10:42 Lin said", "at 9:05\tWill", "ratio 3:1 Lin", ":42", "1:4", "x:42"]:
        assert has_clock(text) == (re.search(r"\d:\d\d", text) is not None)
    text = "the Lin, met; Will and 9 Xi. No Wu-Lin's x  Yy  a Bb"
    assert _SPACED_MID_NAME_RE.findall(text) == re.findall(
        propernames.MID_NAME_PLAIN, text) == ["Lin", "Will", "Xi", "Wu-Lin's", "Bb"]
