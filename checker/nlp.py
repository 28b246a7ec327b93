"""Small language helpers: match tokens, stems, stop words. No models, no downloads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import snowballstemmer

from checker import rx
from checker.textutil import Token, fold

# Match tokens split on hyphens and slashes, so "Chang'e-6" and "Chang'e 6" give the same
# tokens; apostrophes inside words stay ("Chang'e").
MATCH_TOKEN_RE: Final = rx.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc][^\W_]+)*|&")
# The same tokens in ASCII text, where [^\W_] is [A-Za-z0-9] and the only apostrophe is "'":
# ranges test a character without Unicode category look-ups, and the possessive loop (the
# pattern ends after it, so giving back never helped) needs no backtracking state.
ASCII_MATCH_TOKEN_RE: Final = rx.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*+|&")
# Both as split() patterns: the tokens are the odd parts (tests/test_nlp.py).
TOKEN_SPLIT_RE: Final = rx.compile(f"({MATCH_TOKEN_RE.pattern})")
ASCII_TOKEN_SPLIT_RE: Final = rx.compile(f"({ASCII_MATCH_TOKEN_RE.pattern})")
# And in ASCII text without an apostrophe or "&" (most sentences), where the tokens are the
# runs of letters and digits: a pattern that starts with a class (no alternatives) lets the
# engine skip from one run to the next by itself, a third of the cost.
ASCII_RUN_SPLIT_RE: Final = rx.compile(r"([A-Za-z0-9][A-Za-z0-9]*+)")


# Every byte but an ASCII letter or digit as a space: the runs of ASCII_RUN_SPLIT_RE are the
# words str.split() finds in such a text, and the parts split(" ") finds (ascii_runs).
_RUN_GAPS: Final = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))


def ascii_words(text: str) -> list[str]:
    """The runs of letters and digits of an ASCII text: the odd parts of
    ASCII_RUN_SPLIT_RE.split(text), by a byte translation and str.split() in C."""
    return text.encode().translate(_RUN_GAPS).decode().split()


# ... and each ASCII capital as its lower case: the same runs, lower-cased (ascii_lower_words).
_LOWER_RUN_GAPS: Final = bytes(c + 32 if 65 <= c <= 90 else g for c, g in enumerate(_RUN_GAPS))


def ascii_lower_words(text: str) -> list[str]:
    """ascii_words(text) lower-cased, by the same one translation: not a str.lower()
    called for each word."""
    return text.encode().translate(_LOWER_RUN_GAPS).decode().split()


def ascii_runs(text: str, start: int = 0) -> tuple[list[str], list[int], list[int]]:
    """The runs of letters and digits of an ASCII text, with where each starts and ends
    (offset by `start`): the odd parts of ASCII_RUN_SPLIT_RE.split(text) and their spans.
    ASCII only: the spans count the text's UTF-8 bytes, which are its characters there.

    Its gaps turned to spaces, each one space: split at each space, the parts are the runs
    and the empty strings between two gap characters in a row, and each part starts one
    character after the last one ended (a regex split paid an allocation of the engine's
    stack for each word, a str.find for each run a search: tests/test_speed54_names.py)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = start
    for part in text.encode().translate(_RUN_GAPS).decode().split(" "):
        size = len(part)
        if size:
            words.append(part)
            starts.append(pos)
            ends.append(pos + size)
        pos += size + 1
    return words, starts, ends


# Every byte but an ASCII letter, digit, "'" or "&" as a space (ascii_tokens).
_TOKEN_GAPS: Final = bytes(c if c in b"'&" else g for c, g in enumerate(_RUN_GAPS))


def ascii_tokens(text: str, start: int = 0) -> tuple[list[str], list[int], list[int]]:
    """The match tokens of an ASCII text, with where each starts and ends (offset by
    `start`): the odd parts of ASCII_TOKEN_SPLIT_RE.split(text) and their spans.

    No token holds a character other than a letter, a digit, "'" or "&", so the tokens are
    those of each run of these (ascii_runs' way); only a run with "'" or "&" is read by
    ASCII_MATCH_TOKEN_RE, not the whole text (tests/test_speed54_names.py)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = start
    for part in text.encode().translate(_TOKEN_GAPS).decode().split(" "):
        size = len(part)
        if size and ("'" in part or "&" in part):
            for m in ASCII_MATCH_TOKEN_RE.finditer(part):
                words.append(m.group())
                starts.append(pos + m.start())
                ends.append(pos + m.end())
        elif size:
            words.append(part)
            starts.append(pos)
            ends.append(pos + size)
        pos += size + 1
    return words, starts, ends


def token_split_re(text: str) -> re.Pattern[str]:
    """The cheapest of the split() patterns above that finds the match tokens of text."""
    if not text.isascii():
        return TOKEN_SPLIT_RE
    return ASCII_TOKEN_SPLIT_RE if "'" in text or "&" in text else ASCII_RUN_SPLIT_RE

STOPWORDS: Final = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say according per cent percent also however thus
    yet still already well even much many may might must shall one ones its it's s
    """.split()
)
# Words that carry no predicate meaning: dropped before matching predicate phrases.
AUXILIARIES: Final = frozenset(
    """
    is are was were be been being am has have had having do does did a an the one also never
    not no longer n't currently still already formally officially ever now once yet just
    indeed reportedly actually really truly
    """.split()
)

# snowballstemmer hands out PyStemmer's C build of the same Snowball algorithm when it is
# installed (a dependency): 20x faster on the words a cache has not seen, same stems
# (tests/test_nlp.py compares it with the pure-Python stemmer).
_STEMMER: Final = snowballstemmer.stemmer("english")


# stem's answers: a dict a compiled caller reads (a direct call and a look-up), not an
# lru_cache called through Python's call protocol for each word; emptied at 200,000 words.
_STEMS: Final[dict[str, str]] = {}


def stem(word: str) -> str:
    """Snowball stem of a lower-case word (remembered: a corpus repeats its vocabulary)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= 200_000:
            _STEMS.clear()
        found = _STEMS[word] = str(_STEMMER.stemWord(word))
    return found


def match_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Tokens for matching names and phrases, with absolute spans."""
    stop = len(text) if end is None else end
    pattern = ASCII_MATCH_TOKEN_RE if text.isascii() else MATCH_TOKEN_RE
    for m in pattern.finditer(text, start, stop):
        yield Token(m.group(), m.start(), m.end())


def token_key(word: str, keep_case: bool = False) -> str:
    """Folded token, possessive dropped; lower-cased unless keep_case."""
    folded = fold(word)
    if folded.endswith(("'s", "'S")) and len(folded) > 2:
        folded = folded[:-2]
    if folded == "&":
        return "and"
    return folded if keep_case else folded.lower()


@lru_cache(maxsize=1 << 17)
def cased_key(word: str) -> str:
    """`token_key(word, keep_case=True)`, remembered: a corpus repeats a small vocabulary."""
    return token_key(word, True)


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of text, in order."""
    out = []
    for tok in MATCH_TOKEN_RE.findall(fold(text)):
        key = token_key(tok)
        if key and key not in STOPWORDS and not key.isdigit():
            out.append(stem(key))
    return out


@cache
def _synonyms() -> dict[str, str]:
    """Stem -> the stem of its group's first word (checker/data/synonyms.txt)."""
    text = resources.files("checker.data").joinpath("synonyms.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        words = [] if line.lstrip().startswith("#") else line.lower().split()
        for word in words:
            out.setdefault(stem(word), stem(words[0]))
    return out


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    """The stem a claim's frame holds for a (lower-case) word: its stem in American
    spelling, read as its synonym group's first ("passed" and "approved" give one stem,
    and so do "hospitalised" and "hospitalized": news copy uses them alike)."""
    found = stem(american(_IRREGULAR.get(word, word)))
    return _synonyms().get(found, found)


# Past forms of irregular verbs, as their base form: a denial is written with the base ("did
# not win any seats") and the claim it denies with the past ("won four seats"), which Snowball
# stems apart (a desk probe: no shared word, so no conflict). Only forms that are rarely
# anything but the verb: not "left", "found", "saw", "led", "lay", "fed" or "lent".
_IRREGULAR: Final = {
    past: base
    for base, forms in (
        ("win", "won"), ("hold", "held"), ("pay", "paid"), ("rise", "rose risen"),
        ("fall", "fell fallen"), ("grow", "grew grown"), ("sell", "sold"), ("buy", "bought"),
        ("build", "built"), ("bring", "brought"), ("take", "took taken"),
        ("give", "gave given"), ("make", "made"), ("spend", "spent"), ("lose", "lost"),
        ("strike", "struck"), ("begin", "began begun"), ("send", "sent"), ("keep", "kept"),
        ("meet", "met"), ("fly", "flew flown"), ("drive", "drove driven"),
        ("choose", "chose chosen"), ("throw", "threw thrown"), ("shrink", "shrank shrunk"),
        ("sink", "sank sunk"), ("swim", "swam"), ("steal", "stole stolen"),
        ("speak", "spoke spoken"), ("write", "wrote written"), ("break", "broke broken"),
        ("freeze", "froze frozen"), ("forgive", "forgave forgiven"),
        ("catch", "caught"), ("seek", "sought"), ("fight", "fought"), ("think", "thought"),
        ("bear", "bore borne"), ("wear", "wore worn"), ("tear", "tore torn"),
        ("swear", "swore sworn"), ("undertake", "undertook undertaken"),
        ("withdraw", "withdrew withdrawn"), ("overtake", "overtook overtaken"),
        ("sing", "sang sung"), ("ring", "rang rung"), ("drink", "drank drunk"),
        ("arise", "arose arisen"), ("forbid", "forbade forbidden"), ("hide", "hid hidden"),
        ("ride", "rode ridden"), ("shake", "shook shaken"), ("slay", "slew slain"),
        ("flee", "fled"), ("bleed", "bled"),
        ("sweep", "swept"), ("weep", "wept"), ("sleep", "slept"), ("creep", "crept"),
        ("dig", "dug"), ("spin", "spun"), ("stick", "stuck"),
        ("swing", "swung"), ("hang", "hung"), ("understand", "understood"),
        ("withstand", "withstood"), ("uphold", "upheld"), ("overcome", "overcame"),
        ("become", "became"), ("come", "came"), ("go", "went gone"),
    )
    for past in forms.split()
}


# British spellings whose stems differ from the American ones (Snowball stems
# "organisation" to "organis" but "organization" to "organiz"): wire copy and local papers
# of one story write both.
_ISE_RE: Final = rx.compile(r"(?<=[a-z]{4})is(e|es|ed|ing|ation|ations|er|ers)\Z")
# Words ending in -ise that are no -ize verb, as their -ise form: every inflection of one
# ("promise", "promises", "promised") keeps its spelling.
_NOT_ISE: Final = frozenset("""
    advertise anise chastise chemise circumcise comprise compromise concise demise despise
    devise disguise enterprise excise exercise expertise franchise improvise incise
    merchandise mortise otherwise paradise porpoise precise premise promise reprise revise
    supervise surmise surprise televise tortoise treatise turquoise valise""".split())
_BRITISH: Final = {
    "labour": "labor", "colour": "color", "favour": "favor", "honour": "honor",
    "neighbour": "neighbor", "behaviour": "behavior", "rumour": "rumor", "harbour": "harbor",
    "vigour": "vigor", "endeavour": "endeavor", "flavour": "flavor", "humour": "humor",
    "armour": "armor", "saviour": "savior", "centre": "center", "theatre": "theater",
    "metre": "meter", "litre": "liter", "fibre": "fiber", "kilometre": "kilometer",
    "defence": "defense", "offence": "offense", "licence": "license", "programme": "program",
    "catalogue": "catalog", "dialogue": "dialog", "analyse": "analyze", "paralyse": "paralyze",
    "tonne": "ton", "grey": "gray", "tyre": "tire", "aluminium": "aluminum",
    "cheque": "check", "jewellery": "jewelry", "enrol": "enroll", "fulfil": "fulfill",
}
_BRITISH_ENDINGS: Final = ("s", "ed", "ing", "al", "er", "ers")
# The words that end compounds in either spelling ("-centre", "-metre", "-colour").
_COMPOUNDED: Final = ("centre", "theatre", "metre", "litre", "fibre", "colour", "labour", "harbour")


def american(word: str) -> str:
    """A lower-case word in American spelling: "organisation" -> "organization", "labour"
    -> "labor", "centres" -> "centers"; other words as they are."""
    if word in _BRITISH:
        return _BRITISH[word]
    for ending in _BRITISH_ENDINGS:
        base = word[:-len(ending)]
        if word.endswith(ending) and base in _BRITISH:
            return _BRITISH[base] + ending
    for british in _COMPOUNDED:
        at = word.rfind(british)
        if at > 0 and (at + len(british) == len(word) or word[at + len(british):] in
                       _BRITISH_ENDINGS):
            # a compound of one: "epicentre", "millimetres", "amphitheatre" (desk probe Z:
            # "epicentre" and "epicenter" were two stems, and no word in common)
            return word[:at] + _BRITISH[british] + word[at + len(british):]
    m = _ISE_RE.search(word) if "is" in word else None
    if m is None or word[:m.start()] + "ise" in _NOT_ISE:
        return word
    return word[:m.start()] + "iz" + m.group(1)
