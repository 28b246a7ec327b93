"""Proper-noun chunks of a sentence that no entity rule knows: which runs of capitalised
words are names, and which capitals are ordinary words, labels or parts of a figure.

`Lexicon.find_entities` matches the known names first and hands the rest to
`unknown_names`; where a known name sits inside a longer one is `propernames`' question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from checker import rx
from checker.currencies import BEFORE_FIGURES, GLUED_TO_FIGURES
from checker.namebounds import after_dash_dateline, coordinated_parts
from checker.nlp import STOPWORDS
from checker.propernames import (
    COMMON_STARTERS,
    INITIALISM_END_RE,
    MONTHS_AND_DAYS,
    OTHER_THING,
    POSSESSIVE,
    SENTENCE_ENDS,
    STARTER_DEMONYMS,
    TITLES,
    EntityMatch,
    char_before,
    mid_sentence_names,
    names_another_thing,
)
from checker.textutil import TUPLE_NEW

# Time zones after a clock time ("0012 GMT", "14:30 UTC"): capitals, not names. The page's
# subject lent to its figures that name no one was "GMT" (a desk probe).
TIME_ZONES: Final = frozenset(
    """
    GMT UTC BST CET CEST EET EEST WET WEST EST EDT CST CDT MST MDT PST PDT AKST HST AEST
    AEDT ACST AWST NZST NZDT JST KST HKT SGT WIB
    """.split()
)
# A paper's statistics before their figures ("HR 1.71", "95% CI 1.12-1.87", "(SD 9.8)"):
# labels there, not names, as a currency code is (desk probe L: the names "HR 1", "CI 1", "SD 9").
STAT_LABELS: Final = frozenset("HR aHR OR aOR RR aRR IRR CI SD SE SEM IQR".split())
# ... as quantity_stats reads them: "HR 1.71", not the bill "HR 1" nor "the IRR, 14.5%"
_STAT_FIGURE_RE: Final = rx.compile(r"(?:\s*[=:]\s*|\s+)\d{1,3}\.\d+(?![\d.]*\d)(?!\s*%)")
# A reporting period's label ("Q3 2025", "H1", "FY2026", "FY26"): a quarter, a half or a
# year of accounts, not a name ("Q3 2025" was a name that the next line took as subject).
_PERIOD_LABEL_RE: Final = rx.compile(r"[QH][1-4]|FY(?:\d{2}|\d{4})?")
_PERIOD_LABEL_FIRST: Final = frozenset("QHF")  # what a label starts with: other words are not tried
# Particles inside a person's name as well ("Mathieu van der Poel", "Ursula von der Leyen",
# "Lula da Silva": each was read as two names, "Mathieu" and "Poel", a desk probe).
_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "al", "bin", "ibn", "von",
                         "van", "der", "den", "da", "das", "dos", "del", "della", "di", "la",
                         "le"})
# "for" joins a name ("Institute for Fiscal Studies", "Habitat for Humanity", "Moms for
# Liberty") unless a person's name follows it: "Sporting CP for Luka Vranjes" is two names
# (a desk probe: one, which then took every "Vranjes" of the page). A person's name here is
# two or three capitalised words, none a word of a body's name, and then no more capitals.
_FOR_HEADS: Final = frozenset("""Institute Centre Center Council Commission Committee Department
    Ministry Minister Secretary Office Agency Foundation Fund Society Association Union
    Alliance Campaign Coalition Federation League Board Authority School College Academy
    Trust Organisation Organization Bureau Service Partnership Network Party Movement Court
    Tribunal Programme Program Initiative Forum Unit Hospital Laboratory Museum Prize Award
    Medal Act Day Conference Corporation Bank Fellowship Commissioner Inspectorate
    Directorate Panel Project Mission Charity Appeal""".split())
_BODY_WORDS: Final = _FOR_HEADS | frozenset("""Rights International Studies Research Development
    Justice Peace Change Progress Democracy Freedom Liberty Humanity Life Animals Children
    Education Health Future Reform Action Now Women Men People Workers Families Science
    Policy Affairs Relations Security Defence Defense Energy Environment Climate Trade
    Industry Business Enterprise Growth Jobs Truth America Britain Europe Africa Asia
    Australia Canada India China""".split())


def _person_after(text: str, words: list[str], starts: list[int],
                  ends: list[int], j: int) -> bool:
    """Whether a person's name (above) starts at word j, after "for"."""
    k = j
    while k < len(words) and words[k][:1].isupper() and words[k] not in _BODY_WORDS \
            and (k == j or text[ends[k - 1]:starts[k]] == " "):
        k += 1
    if not 2 <= k - j <= 3:
        return False
    return k == len(words) or text[ends[k - 1]:starts[k]] != " " \
        or not words[k][:1].isupper()


def _person_of_body(words: list[str], chunk: list[int], i: int) -> bool:
    """Whether a person's name (two or three capitalised words, none a body's word) stands
    before "of the" and a body's name ("Daniel Pryce of the Harbour Party", "Imogen Varley of
    the Civic Alliance": two names, where one name made the person's every claim share the
    party's; desk probes Q6 and Q7). "Democratic Republic of the Congo", "Bank of England"
    and "Friends of the Earth" are no such pair."""
    if not 2 <= len(chunk) <= 3 or any(words[k] in _BODY_WORDS or words[k].isupper()
                                       for k in chunk):
        return False
    if i + 2 >= len(words) or words[i + 1] != "the":
        return False
    k = i + 2
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return k > i + 2 and words[k - 1] in _FOR_HEADS


_NOT_NAME_STARTS: Final = STOPWORDS | COMMON_STARTERS
# A hyphen joins a name only unspaced ("Chang-e", "JF-17"): a spaced dash ends one, as the
# dash of a dateline does ("LUSAKA - A cholera case": a desk probe drafted "LUSAKA - A").
_NAME_GAP_RE: Final = rx.compile(r"[ \t&/]*|[&/]*-[&/]*")
_ROMAN_RE: Final = rx.compile(r"[IVX]+")
# Acronyms of a company's accounts, no names: "EBITDA margin expanded" (desk probe N: the
# page's subject "EBITDA", which a later "The company" then stood for).
_ACCOUNTS_TERMS: Final = frozenset("""EBITDA EBIT EBT EPS PAT PBT NPA NPAs AUM NAV ROE ROCE ROI CAGR
    YOY QOQ CAPEX OPEX TTM""".split())
# A sign after letters makes them a currency: "US$5 billion", "GH\u00a21.2 million".
_CURRENCY_SIGNS: Final = ("$", "\u00a2", "\u20b5")
_NUMBER_MODIFIERS: Final = frozenset("""about around approximately roughly nearly almost some over
    under only just exactly estimated circa barely fully""".split())
# A score or a range after a name ("Harbour City 2-1"): no part of the name.
_SCORE_RE: Final = rx.compile(r"\d+\s?[-\u2013/]\s?\d")
# Two names, each with its comma, right before a chunk: the chunk closes a list of names
# ("Andalusia, Extremadura, Castilla-La Mancha and Madrid"; namebounds.coordinated_parts).
# One name before is not list enough: split after one, the FEVER dev set's names changed and
# so did the calibration fitted on it (tests/compare/test_calibration.py).
_LISTED_RE: Final = rx.compile(r"[A-Z][\w'\u2019.-]*,[ \t]+[A-Z][\w'\u2019.-]*,[ \t]+\Z")
# A number that is a percentage or an amount: no model number of the name before it ("the
# BoE's 2% target" made "BoE's 2" a name; a desk probe; "The walkout cost Skylark 38 million
# pounds" made "Skylark 38", and the claim lost its name and its figure: desk probe Q4).
_PERCENT_NUMBER_RE = rx.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s*cent\b|percent\b|"
                                r"(?:million|billion|trillion|thousand|bn)\b)", re.IGNORECASE)
# A plural name word: a party's or a team's ("Pirates", "Independents", "Indians"), not
# "Artemis", "Atlas", "Santos", "Sirius" or "Express".
_GROUP_WORD_RE: Final = rx.compile(r"[A-Z][\w'\u2019-]*[^\W_aiosu]s")
# What closes an item of a list or a sentence after a figure: ", 18,", "18 and", "13.".
_ITEM_END_RE: Final = rx.compile(r"[ \t]*(?:[,;:.!?)]|(?:and|or)\b|$)")


# Makers of aircraft, whose name opens an aircraft's after an operator's: "Albion Airways
# Airbus A321neo" is an airline and an aircraft (desk probe N: one name), as is "Air India
# Boeing 787". Not after a connector: "Airbus and Boeing" are read as any two names are.
AIRCRAFT_MAKERS: Final = frozenset("""Airbus Boeing Embraer Bombardier ATR Comac COMAC Cessna
    Antonov Sukhoi Tupolev Ilyushin""".split())


def _is_label(word: str) -> bool:
    """A capitalised word that labels a time rather than names something: a time zone or
    a reporting period."""
    return word in TIME_ZONES or word[:1] in _PERIOD_LABEL_FIRST \
        and _PERIOD_LABEL_RE.fullmatch(word) is not None


def _capital_word(word: str) -> bool:
    """Whether a word by itself may be a name's: capitalised, and no month or day ("Saturday's
    election": nor with its possessive) nor a label of a time. A pure function of the word,
    which unknown_names remembers in _CAPITALS: a page repeats its capitalised words, and a
    corpus its vocabulary."""
    # _is_label asked only of the words it can hold true of.
    return word[:1].isupper() and word.lower().removesuffix("'s").removesuffix(
        "\u2019s") not in MONTHS_AND_DAYS \
        and not ((word in TIME_ZONES or word[:1] in _PERIOD_LABEL_FIRST) and _is_label(word))


# _capital_word's answers, read by the compiled loop of unknown_names as a dict, not through
# an lru_cache's call (a Python call for each word); emptied when it holds 65,536 words.
_CAPITALS: Final[dict[str, bool]] = {}


def counted_after_group(word: str, text: str, end: int) -> bool:
    """Whether the figure ending at `end`, written after the name word `word`, counts for a
    party or a team rather than numbering a model: in "the Pirates 18 and the Motorists 13."
    a plural name word is followed by a figure that closes a list item (the seats of each
    party, elided; a desk probe made them names, "Pirates 18"), while a model or mission
    number follows a singular word ("Chang'e 6", "Tianwen 1", "iPhone 15") or is followed
    by what it names ("Windows 10 users"). A tally after the figure counts whatever the
    word: "the Social Democratic Alliance 11 seats short of a majority"."""
    return (_GROUP_WORD_RE.fullmatch(word) is not None
            and _ITEM_END_RE.match(text, end) is not None) \
        or _TALLY_AFTER_RE.match(text, end) is not None


# A tally a party or a team keeps, right after the figure: "the Social Democratic Alliance
# 11 seats short of a majority" (desk probe Y: the name took the 11, the claim no figure).
_TALLY_AFTER_RE: Final = rx.compile(r"[ \t]+(?:seats?|votes?|points?|goals?|MPs|members|"
                                    r"councillors|councilors|delegates|lawmakers|medals)\b")




_DEGREE_SCALES: Final = frozenset({"Celsius", "Fahrenheit", "Kelvin", "centigrade", "Centigrade"})


def _is_degree_scale(words: list[str], i: int) -> bool:
    """"Celsius" of "44.6 degrees Celsius": the unit of a figure, no name (a desk probe: a
    name the page's other temperature claims lacked)."""
    return words[i] in _DEGREE_SCALES and i > 0 and \
        words[i - 1].lower() in ("degree", "degrees")


def _initials_gap(text: str, words: list[str], starts: list[int],
                  ends: list[int], i: int) -> bool:
    """Whether words[i] goes on a name opened by an initialism with points, across them: the
    "S" of "U.S." and "Geological" after it in "U.S. Geological Survey", as "US Geological
    Survey" is one name (desk probe Z: the United States and a "Geological Survey"). Only
    into a thing's name (`names_another_thing`): not "D.C. Mayor Muriel Bowser"."""
    gap = text[ends[i - 1]:starts[i]]
    if gap == "." and len(words[i - 1]) == 1:
        k = i  # the letters go on to the word after the initialism's last point
        while k < len(words) and len(words[k]) == 1 and words[k].isupper() \
                and text[ends[k - 1]:starts[k]] == ".":
            k += 1
        return k > i and k < len(words) and text[ends[k - 1]:starts[k]] == ". " \
            and words[i - 1].isupper() and names_another_thing(text, words, starts, ends, k)
    return gap == ". " and INITIALISM_END_RE.search(text, 0, ends[i - 1]) is not None \
        and names_another_thing(text, words, starts, ends, i)


def _name_gap(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi], the gap between two words, goes inside a name: one space (most
    gaps) without asking _NAME_GAP_RE, and only a gap that opens with one of its characters
    asked (", " and ". " are not: tests/test_speed54_names.py)."""
    gap = text[lo:hi]
    return gap == " " or (lo == hi or text[lo] in " \t&/-") \
        and _NAME_GAP_RE.fullmatch(text, lo, hi) is not None


def unknown_names(
    text: str, words: list[str], starts: list[int], ends: list[int],
    taken: list[bool], start: int, names_vocab: frozenset[str] | None,
    resolve: Callable[[str], str | None],
) -> list[EntityMatch]:
    """Proper-noun chunks of a sentence's words (with where each starts and ends) that no
    known name took (`taken`), each with the id `resolve` gives it (a fuzzy variant of a
    known name) or None. The words are Lexicon.words' (none empty)."""
    out: list[EntityMatch] = []
    chunk: list[int] = []
    vocab = names_vocab if names_vocab is not None else mid_sentence_names(text)
    count = len(words)
    # _flush() only when a chunk is open: most words are lower-case ones outside names.
    for i in range(count):
        word = words[i]
        # Outside a name only a capital can start one: in ASCII a letter from "A" to "Z",
        # asked of the first character's code (read in place: no string made, no generic
        # comparison), else isupper(). (A word is never empty.)
        if not chunk and not (65 <= (first := ord(word[0])) <= 90
                              or first > 127 and word[0].isupper()):
            continue
        # A single space (most gaps) is a name gap without asking the regex.
        if chunk and not (_name_gap(text, ends[i - 1], starts[i])
                          or _initials_gap(text, words, starts, ends, i)):
            _flush(text, words, starts, ends, chunk, start, vocab, resolve, out)
        # _is_degree_scale asked only of the words it can hold true of.
        known = _CAPITALS.get(word)
        if known is None:
            if len(_CAPITALS) >= 1 << 16:
                _CAPITALS.clear()
            known = _CAPITALS[word] = _capital_word(word)
        capital = known \
            and not (word in _DEGREE_SCALES and _is_degree_scale(words, i)) \
            and not (word == "Quarter" and i + 1 < count and words[i + 1].isdigit())
        if taken[i] or (i + 1 < count and (
                text[ends[i]:ends[i] + 1] in _CURRENCY_SIGNS
                or (word in BEFORE_FIGURES and words[i + 1][:1].isdigit())
                or (word in STAT_LABELS and _STAT_FIGURE_RE.match(text, ends[i])))) \
                or (word[-1].isdigit() and word.rstrip("0123456789") in GLUED_TO_FIGURES):
            if chunk:
                # a known name, or a currency code ("US$5 billion", "NOK 45", "Tk150")
                _flush(text, words, starts, ends, chunk, start, vocab, resolve, out)
        elif capital and chunk and word in TITLES and words[chunk[-1]].lower() == "and":
            chunk.pop()  # "... Cheema and Federal Minister ...": a new name starts
            _flush(text, words, starts, ends, chunk, start, vocab, resolve, out)
            chunk.append(i)
        elif capital and chunk and word in AIRCRAFT_MAKERS \
                and words[chunk[-1]].lower() not in _CONNECTORS:
            # "Albion Airways Airbus A321neo": the airline, then the aircraft; a name even
            # opening the sentence ("Emirates Airbus A380 ...": a review lost the airline)
            _flush(text, words, starts, ends, chunk, start, vocab, resolve, out, named=True)
            chunk.append(i)
        elif capital:
            chunk.append(i)
            if word.endswith(POSSESSIVE) and i + 1 < count \
                    and words[i + 1][:1].isupper() and text[ends[i]:starts[i + 1]] == " ":
                # "Veridia's National Renewal Party": the owner, then the owned
                _flush(text, words, starts, ends, chunk, start, vocab, resolve, out, 2)
        elif chunk and (word.isdigit() or word[0] in "IVX" and _ROMAN_RE.fullmatch(word)) \
                and words[i - 1].lower() != "magnitude" \
                and not (words[i - 1].endswith(POSSESSIVE)
                         and not (i + 1 < count and words[i + 1][:1].isupper())) \
                and not (word.isdigit() and words[i - 1].lower() in _CONNECTORS) \
                and not _SCORE_RE.match(text, starts[i]) \
                and not _PERCENT_NUMBER_RE.match(text, starts[i]) \
                and not counted_after_group(words[i - 1], text, ends[i]):
            # "Chiang'e 6", "Hangor II", "JF-17"; not "the Pirates 18," nor, after a
            # connector, "Brentford for 45 million euros" (a desk probe's name), nor an
            # owner's figure, "Joe Root's 71" (desk probe O: a name "Joe Root's 71"), though
            # an owner's model is ("Boeing's 737 Max": a review)
            chunk.append(i)
        elif chunk and len(word) == 1 and word.isalpha() \
                and text[ends[i - 1]:starts[i]] == "-":
            chunk.append(i)  # "Chang-e 8": one letter is no "-based" modifier
        elif chunk and word.lower() in _CONNECTORS and (
                word != "for" or any(words[k] in _FOR_HEADS for k in chunk)
                or not _person_after(text, words, starts, ends, i + 1)) \
                and not (word == "of" and _person_of_body(words, chunk, i)):
            chunk.append(i)
        elif chunk:
            _flush(text, words, starts, ends, chunk, start, vocab, resolve, out)
    if chunk:  # (_flush() of no chunk does nothing: most clauses end outside a name)
        _flush(text, words, starts, ends, chunk, start, vocab, resolve, out)
    return out


def _flush(text: str, words: list[str], starts: list[int], ends: list[int],
           chunk: list[int], start: int, vocab: frozenset[str],
           resolve: Callable[[str], str | None], out: list[EntityMatch], trim: int = 0,
           named: bool = False) -> None:
    """The names of an open chunk of words appended to `out` (`trim`: characters off the
    last one's end; `named`: a name even opening the sentence), and the chunk emptied. A
    function of its own, not a closure: mypyc reads a closure's variables from an object."""
    while chunk and words[chunk[-1]].lower() in _CONNECTORS:
        chunk.pop()
    if not chunk:
        return
    last = chunk[-1]
    # No "and" in the chunk's text, no word "and" among its words: one part, unsplit.
    parts = [chunk] if "and" not in text[starts[chunk[0]]:ends[last]] \
        or "and" not in (words[k] for k in chunk) else [
        chunk[lo:hi] for lo, hi in coordinated_parts(
            [words[k] for k in chunk], _not_name_start,
            lambda n: resolve(n) is not None, _LISTED_RE.search(
                text, max(0, starts[chunk[0]] - 40), starts[chunk[0]]) is not None)]
    for part in parts:  # "Kitwe and Ndola": two names
        if is_name_chunk(text, words, starts, part, start, vocab, named or len(parts) > 1):
            s, e = starts[part[0]], ends[part[-1]] - (trim if part[-1] == last else 0)
            if text[e:e + 1] == "+" and not text[e + 1:e + 2].isalnum():
                e += 1  # "OPEC+" is not OPEC (a desk probe: a false conflict)
            name = text[s:e]
            # TUPLE_NEW: built in C, not by EntityMatch's Python __new__ (nor a tuple.__new__
            # looked up on each call).
            out.append(TUPLE_NEW(EntityMatch, (name, s, e, resolve(name), "unknown")))
    chunk.clear()


def _not_name_start(word: str) -> bool:
    """Whether a word of a chunk is an ordinary one no name opens with."""
    return word.lower() in _NOT_NAME_STARTS


def _starts_name(text: str, words: list[str], starts: list[int], chunk: list[int],
                 start: int, names_vocab: frozenset[str]) -> bool:
    """Whether a word that often opens a sentence ("Space", "Science", "Government") opens
    the name after it: capitalised mid-sentence ("from Space Launch Complex 40"), or at a
    sentence's start where the page capitalises it mid-sentence too (a desk probe: "Launch
    Complex 40"). Never a stopword ("The Block III")."""
    word = words[chunk[0]]
    if word.lower() in STOPWORDS:
        return False
    before = char_before(text, start, starts[chunk[0]], " \"'(-[")
    initial = not before or before in SENTENCE_ENDS \
        or after_dash_dateline(text, start, starts[chunk[0]])
    return not initial or word in names_vocab


def is_name_chunk(
    text: str, words: list[str], starts: list[int], chunk: list[int], start: int,
    names_vocab: frozenset[str], coordinated: bool = False,
) -> bool:
    """Whether a chunk of capitalised tokens is a name (leading ordinary words dropped);
    `coordinated`: one of names joined by "and", a name even at a sentence's start."""
    # Leading ordinary words are not part of a name: "When President Xi", "The Block III".
    while len(chunk) > 1 and words[chunk[0]].lower() in _NOT_NAME_STARTS and not (
            words[chunk[0]].lower() in STARTER_DEMONYMS
            and any(words[k].lower() in OTHER_THING for k in chunk[1:4])
            or _starts_name(text, words, starts, chunk, start, names_vocab)):
        chunk.pop(0)
    first = words[chunk[0]]
    low = first.lower()
    if not first[:1].isupper():
        return False  # "Between 10 and 12": the figures left are no name
    if len(chunk) > 1:
        # A word that sizes a figure and the figure ("Nearly 61", "Around 2") is no name.
        return not (low in _NUMBER_MODIFIERS and all(words[k].isdigit() for k in chunk[1:]))
    if low in STOPWORDS or low in COMMON_STARTERS or len(first) < 2 or first.isdigit():
        return False
    if first.isupper():
        return first not in _ACCOUNTS_TERMS  # an acronym: SMIC, PLA
    before = char_before(text, start, starts[chunk[0]], " \"'(-[")
    sentence_initial = not before or before in SENTENCE_ENDS \
        or after_dash_dateline(text, start, starts[chunk[0]])
    # At a sentence start a capital says nothing: a name must also appear capitalised
    # mid-sentence somewhere in the document ("Lin" yes, "Operating" no).
    # "Moquegua and Tacna were hit": named with another name, as a chunk of two words is.
    return not sentence_initial or first in names_vocab or coordinated
