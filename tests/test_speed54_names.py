"""Words, fuzzy names, past forms and triples read with less work give what they gave: the
code each rewrite replaced is kept here as it was (functions named _old_*) and compared with
the new on a table of cases and hypothesis strings."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lexicon as lexicon_module
from checker import namechunks, predicatespans
from checker.extract import triples, verb_forms
from checker.lexicon import Lexicon
from checker.nlp import (
    ASCII_RUN_SPLIT_RE,
    ASCII_TOKEN_SPLIT_RE,
    AUXILIARIES,
    ascii_lower_words,
    ascii_runs,
    ascii_tokens,
    ascii_words,
    match_tokens,
    stem,
    token_key,
)
from checker.propernames import EntityMatch
from checker.rules import RuleSet

# -- the code as it was ----------------------------------------------------------------


def _old_ascii_runs(text: str, start: int = 0) -> tuple[list[str], list[int], list[int]]:
    """nlp.ascii_runs as it was: each run found (str.find) after the last one."""
    words = ascii_words(text)
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for word in words:
        at = text.find(word, pos)
        pos = at + len(word)
        starts.append(start + at)
        ends.append(start + pos)
    return words, starts, ends


_OLD_BITS = [bin(n).count("1") for n in range(256)]


def _old_reachable(lexicon: Lexicon, query: str) -> list[str]:
    """Lexicon._reachable as it was: four reads of a table of 256 counts for each choice."""
    size = len(query)
    slack = 1 - lexicon.fuzzy_threshold
    rows = [(c, lexicon._choice_bits[c], int(slack * (len(c) + size) + 1))
            for c in lexicon._near_choices(size)]
    bits = lexicon_module._char_bits(query)
    out: list[str] = []
    for choice, held, most in rows:
        diff = bits ^ held
        if _OLD_BITS[diff & 255] + _OLD_BITS[diff >> 8 & 255] + _OLD_BITS[diff >> 16 & 255] \
                + _OLD_BITS[diff >> 24] <= most:
            out.append(choice)
    return out


def _old_longest(lexicon: Lexicon, lower: list[str], cased: list[str],
                 i: int) -> tuple[int, tuple[str, str]] | None:
    """Lexicon._longest as it was: every key a slice made a tuple."""
    room = len(lower) - i
    for length in lexicon._starts.get(lower[i], ()):
        if length > room:
            continue
        hit = lexicon._ci.get(tuple(lower[i:i + length])) or lexicon._cs.get(
            tuple(cased[i:i + length]))
        if hit:
            return length, hit
    return None


def _old_told_past(toks: frozenset[str]) -> bool:
    """verb_forms.told_past as it was: any() over map()."""
    return not verb_forms.IRREGULAR_PAST.isdisjoint(toks) or any(
        map(verb_forms._is_past_form, toks))


def _old_rest(folded: str, verb_end: int) -> str:
    """read_triple's words after its verb as they were: a split of the rest."""
    return triples._CLAUSE_END_RE.split(folded[verb_end:], maxsplit=1)[0].strip(" .\"'")


def _old_own_subject(text: str, name: EntityMatch, ps: int) -> bool:
    """triples._own_subject as it was: every gap searched for a relative pronoun."""
    if triples._PREPOSITION_BEFORE_RE.search(text, max(0, name.start - 12), name.start) and \
            not name.text.endswith(("'s", "\u2019s")) and \
            not text.startswith(("'s", "\u2019s"), name.end):
        return False
    gap = triples._gap(text, name.end, ps)
    if ";" in gap or gap.rstrip().endswith((" and", " but", " or")):
        return False
    relative = triples._RELATIVE_RE.search(gap)
    if relative is not None:
        return gap[:relative.start()].strip(" ,") == "" and \
            not triples._full_verb(gap[relative.end():])
    return not triples._full_verb(gap)


def _old_name_gap(text: str, lo: int, hi: int) -> bool:
    """unknown_names' gap test as it was: a single space, else _NAME_GAP_RE."""
    return text[lo:hi] == " " or namechunks._NAME_GAP_RE.fullmatch(text, lo, hi) is not None


def _old_predicate_spans(lexicon: Lexicon, text: str, start: int = 0,
                         end: int | None = None) -> list[tuple[str, int, int]]:
    """predicatespans.predicate_spans as it was: the words scanned for "up" and "down"."""
    words, starts, ends, _, keys = lexicon.words(text, start, end)
    stems: list[str] = []
    at: list[int] = []
    for i, key in enumerate(keys):
        if key not in AUXILIARIES:
            stems.append(stem(key))
            at.append(i)
    phrases = lexicon.find_predicates(stems)
    found: list[tuple[str, int, int]] = []
    if phrases:
        found = [(pid, starts[at[i]], ends[at[j - 1]])
                 for pid, i, j in phrases
                 if not predicatespans._no_verb(text, words, starts, ends, at[i])]
    if not found and ("up" in keys or "down" in keys):
        found = predicatespans._moved_by(lexicon, text, starts, ends, keys)
    stop = len(text) if end is None else end
    if not found and (text.find("sank", start, stop) >= 0
                      or text.find("rallied", start, stop) >= 0):
        found = predicatespans._moved_to(lexicon, keys, starts, ends)
    if not found and text.find(" from ", start, stop) >= 0:
        found = predicatespans._to_from(lexicon, text, start, stop)
    if text.find("+", start, stop) >= 0 or text.find("(-", start, stop) >= 0 \
            or text.find(", -", start, stop) >= 0 or text.find("\u2212", start, stop) >= 0:
        found += predicatespans._signed(lexicon, text, start, stop)
    return found


# -- words --------------------------------------------------------------------------------

# ASCII text with every kind of gap (runs of them, at either end), capitals and digits.
_ASCII_TEXT = st.text(alphabet="aZq09 \t\n,.-_()$%\"/'&@[`{", max_size=60)


@given(_ASCII_TEXT, st.integers(0, 9))
def test_ascii_runs_as_before(text: str, start: int) -> None:
    assert ascii_runs(text, start) == _old_ascii_runs(text, start)
    parts = ASCII_RUN_SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, parts), initial=start))
    assert ascii_runs(text, start) == (parts[1::2], bounds[1:-1:2], bounds[2::2])


@given(st.text(alphabet="aZq09 \t\n,.-_()$%\"/'&@[`{", max_size=60), st.integers(0, 9))
def test_ascii_tokens_as_split(text: str, start: int) -> None:
    parts = ASCII_TOKEN_SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, parts), initial=start))
    assert ascii_tokens(text, start) == (parts[1::2], bounds[1:-1:2], bounds[2::2])


def test_ascii_tokens_cases() -> None:
    for text in ["China's GDP", "AT&T rose", "a'&b", "'a'", "x''y&&z", "rock 'n' roll",
                 "O'Neill & Sons' shares", "&", "'", "", " ' ", "it's 5&6'"]:
        parts = ASCII_TOKEN_SPLIT_RE.split(text)
        bounds = list(accumulate(map(len, parts), initial=2))
        assert ascii_tokens(text, 2) == (parts[1::2], bounds[1:-1:2], bounds[2::2]), text


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_lower_words_as_lower(text: str) -> None:
    assert ascii_lower_words(text) == [w.lower() for w in ascii_words(text)]
    assert ascii_lower_words(text) == [w.lower() for w in _old_ascii_runs(text)[0]]


def test_words_cases() -> None:
    for text, start in [("", 0), (" ", 0), ("a", 0), ("  US$5 bn, (12%) - x_y\tz\n9 ", 2),
                        ("Turkey joined BRICS in 2024.", 0), ("@AZ[az`{", 1),
                        (",,a,,bb,,", 3), ("ZZ", 0)]:
        assert ascii_runs(text, start) == _old_ascii_runs(text, start), text
        assert ascii_lower_words(text) == [w.lower() for w in ascii_words(text)], text
    assert ascii_runs("a, bc9 _d", 3) == (["a", "bc9", "d"], [3, 6, 11], [4, 9, 12])
    assert ascii_lower_words("AT@Z[z`A{") == ["at", "z", "z", "a"]


@given(st.text(alphabet="aZ09 \t\n,.-_()'&\u2019\u00e9", max_size=50), st.integers(0, 5),
       st.integers(0, 50))
def test_lexicon_words_lower_as_before(text: str, start: int, stop: int) -> None:
    """Lexicon.words' lower-case keys are its cased keys lower-cased, as they were; its
    words and spans nlp.match_tokens' and its keys token_key's (review of round 54: the
    wiring of the start, the end and each path)."""
    for end in (None, max(start, stop)):
        words, starts, ends, cased, lower = Lexicon().words(text, start, end)
        assert lower == list(map(str.lower, cased))
        toks = list(match_tokens(text, start, end))
        assert (words, starts, ends) == ([t.text for t in toks], [t.start for t in toks],
                                         [t.end for t in toks])
        assert cased == [token_key(t.text, keep_case=True) for t in toks]
        assert lower == [token_key(t.text) for t in toks]


# -- fuzzy names ------------------------------------------------------------------------


def test_bit_counts() -> None:
    assert len(lexicon_module._BITS) == 1 << 16
    assert all(lexicon_module._BITS[n] == bin(n).count("1") for n in range(1 << 16))


def test_reachable_as_before(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    lexicon._fuzzy(("warm", "up"))  # (the choices built)
    names = list(lexicon._choice_keys)
    queries = [q for n in names for q in (n, n + "s", n[1:], "x" + n, n[::-1], n.upper(),
                                          n.replace("a", "\u00e9"), n + " 2")]
    try:
        for threshold in (0.9, 0.8, 0.5):
            lexicon.fuzzy_threshold = threshold
            found = 0
            for query in queries:
                near = lexicon._reachable(query)
                assert near == _old_reachable(lexicon, query), (query, threshold)
                found += len(near)
            assert found >= len(queries)
    finally:
        lexicon.fuzzy_threshold = 0.9


@settings(max_examples=300)
@given(st.text(alphabet="abcehinorsu \u00e90A_~\u0100", min_size=1, max_size=24))
def test_reachable_as_before_any_text(ruleset: RuleSet, query: str) -> None:
    ruleset.lexicon._fuzzy(("warm", "up"))
    assert ruleset.lexicon._reachable(query) == _old_reachable(ruleset.lexicon, query)


_NAME_WORDS = ["US", "us", "Us", "United", "States", "China", "china", "Polish", "polish",
               "Pole", "pole", "Chinese", "BRICS", "Brics", "New", "York", "of", "the", "x",
               "Bank", "England", "ILRS", "Roscosmos", "Turkey", "turkey", "EU", "UN"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=6))
def test_longest_as_before(ruleset: RuleSet, cased: list[str]) -> None:
    lexicon = ruleset.lexicon
    lower = [w.lower() for w in cased]
    for i in range(len(cased)):
        assert lexicon._longest(lower, cased, i) == _old_longest(lexicon, lower, cased, i)


def test_longest_cases(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    hits = 0
    for text in ["the United States and China", "US and us", "Polish polish Pole pole",
                 "the Bank of England", "BRICS Brics ILRS Roscosmos EU UN", "turkey Turkey"]:
        words, _, _, cased, lower = lexicon.words(text)
        for i in range(len(words)):
            found = lexicon._longest(lower, cased, i)
            assert found == _old_longest(lexicon, lower, cased, i), (text, i)
            hits += found is not None
    assert hits >= 8


# -- past forms and triples ---------------------------------------------------------------

_TOKENS = ["declared", "led", "indeed", "agreed", "united", "it's", "based", "red", "named",
           "cooperated", "hundred", "freed", "talks", "", "ed", "Declared", "walk'ed"]


@given(st.frozensets(st.sampled_from(_TOKENS) | st.text(alphabet="edau'", max_size=7),
                     max_size=6))
def test_told_past_as_before(toks: frozenset[str]) -> None:
    assert verb_forms.told_past(toks) == _old_told_past(toks)


def test_told_past_cases() -> None:
    for toks, past in [(frozenset(), False), (frozenset({"declared"}), True),
                       (frozenset({"led", "x"}), True), (frozenset({"indeed", "united"}), False),
                       (frozenset({"agreed"}), True), (frozenset({"it'ed", "freed"}), False)]:
        assert verb_forms.told_past(toks) == _old_told_past(toks) == past, toks


_CLAUSE_TEXT = st.text(alphabet="ab ,;:-\t\n.\"'", max_size=30)


@given(_CLAUSE_TEXT, st.integers(0, 12))
def test_rest_as_before(folded: str, verb_end: int) -> None:
    verb_end = min(verb_end, len(folded))
    assert triples._clause_rest(folded, verb_end) == _old_rest(folded, verb_end)


def test_rest_cases() -> None:
    for folded, at, rest in [("X joined the group, which", 8, "the group"),
                             ("X joined; then", 8, ""), ("X rose - then", 6, ""),
                             ("X rose -then", 6, "-then"), ("X rose", 6, ""),
                             ("a:, b", 1, ":"), ("a:\tb", 2, "\tb"), ("a - b", 1, ""),
                             ("a, - b", 2, ""), ("sold it.", 4, "it")]:
        assert triples._clause_rest(folded, at) == _old_rest(folded, at) == rest, (folded, at)


_GAP_TEXT = st.lists(st.sampled_from(
    [" ", ",", ", ", "which", "WHICH", "Who", "whom", "that", "ThAt", "th\u0131s", "wh\u0130ch",
     "wh\u0131ch", "w", "h", "at", "joined", "is", "has", "and", ";", "x", "\u00e9"]),
    max_size=8).map("".join)


@settings(max_examples=400)
@given(_GAP_TEXT)
def test_own_subject_as_before(gap: str) -> None:
    text = "Turkey" + gap + " joined"
    name = EntityMatch("Turkey", 0, 6, None, "unknown")
    assert triples._own_subject(text, name, len(text) - 6) == \
        _old_own_subject(text, name, len(text) - 6), text
    low = gap.lower()
    assert "wh" in low or "that" in low or triples._RELATIVE_RE.search(gap) is None


def test_own_subject_cases() -> None:
    for gap, own in [(", which", True), (" WH\u0130CH", True), (", that joined", False),
                     (" and", False), ("", True), (" whose", True), (" who", True)]:
        text = "Turkey" + gap + " joined"
        name = EntityMatch("Turkey", 0, 6, None, "unknown")
        assert triples._own_subject(text, name, len(text) - 6) == \
            _old_own_subject(text, name, len(text) - 6) == own, gap


# -- name gaps and predicate spans --------------------------------------------------------


@given(st.text(alphabet=" \t&/-,._x\u00a0", max_size=6), st.integers(0, 3), st.integers(0, 6))
def test_name_gap_as_before(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    assert namechunks._name_gap(text, lo, hi) == _old_name_gap(text, lo, hi), (text, lo, hi)


def test_name_gap_cases() -> None:
    for gap, inside in [(" ", True), ("", True), (", ", False), (". ", False), (" & ", True),
                        ("-", True), ("/-/", True), (" - ", False), ("\t", True), ("  ", True),
                        ("&-", True), ("-&", True), (",", False), ("--", False)]:
        text = "A" + gap + "B"
        assert namechunks._name_gap(text, 1, 1 + len(gap)) == \
            _old_name_gap(text, 1, 1 + len(gap)) == inside, gap


_MOVE_TEXTS = [
    "Shares were down 12% on Monday.", "Sales, up 12% on the year, rose.", "Set up 12 plants.",
    "Shares sank 17% in Tokyo.", "Shares Sank 17% in Tokyo.", "Oil rallied to $82.",
    "The ferry sank off Bali.", "Oil RALLIED to $82 as sanctions bit.", "Stocks closed up 1.2%.",
    "It cut its stake to 18.1% from 19.6%.", "Scotland (+4.9%, \u00a3218,450) rose.",
    "He sank. 12 then", "down", "up 5%", "Prices were up 3 points and sank 2%.",
    "Exports rallied by 4% after the deal.", "Rallied 4%", "It was sanked 4%",
]


def test_predicate_spans_as_before_cases(ruleset: RuleSet) -> None:
    lexicon = ruleset.lexicon
    found = 0
    for text in _MOVE_TEXTS:
        for start, end in [(0, None), (1, len(text) - 1)]:
            new = predicatespans.predicate_spans(lexicon, text, start, end)
            assert new == _old_predicate_spans(lexicon, text, start, end), text
            found += bool(new)
    assert found >= 10


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["up", "down", "Up", "sank", "Sank", "rallied", "sanka", "to",
                                 "by", "12%", "4", "were", "closed", "shares", ",", "fell",
                                 "from", "(+4%", "5 points", "$82"]), max_size=9)
       .map(" ".join))
def test_predicate_spans_as_before(ruleset: RuleSet, text: str) -> None:
    assert predicatespans.predicate_spans(ruleset.lexicon, text) == \
        _old_predicate_spans(ruleset.lexicon, text)
