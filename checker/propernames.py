"""Names in a sentence: the word lists that say which capitalised words are ordinary
words, the words a page capitalises mid-sentence, and when a known name is part of a
longer one ("Washington Post", "Michael Jordan", "Mumbai Indians").

`Lexicon.find_entities` matches the known names with these guards and hands the rest to
`checker.namechunks` (proper-noun chunks no entity rule knows).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final, NamedTuple

from checker import rx
from checker.nlp import STOPWORDS
from checker.textutil import fold

MONTHS_AND_DAYS: Final = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday
    """.split()
)
# Capitalised at the start of a sentence, these are ordinary words, not names.
COMMON_STARTERS: Final = frozenset(
    """
    analysts another although because before both but despite during each either every
    experts for furthermore here however if in it last many meanwhile moreover most much
    neither next officials on only other others over perhaps recently since so some such
    that the their then there these they this those thousands tens hundreds millions though
    to today under unlike until we weeks what when where whether which while who with yet
    yesterday space science government chinese pakistani conversely supporters critics
    overall separately similarly additionally earlier later sources reports data researchers
    net gross annual quarterly revenue revenues sales profit profits earnings shares cases
    deaths exports imports prices inflation unemployment output police drivers workers
    residents investors voters consumers customers shareholders employees staff doctors
    patients students teachers farmers correction corrections clarification update
    around approximately roughly nearly almost estimated circa barely fully exactly
    average typical median across abroad domestically
    rival rivals operator substitute striker midfielder defender goalkeeper winger
    """.split()
)
# ... and words that open a sentence, which a name may start with too ("People for the
# Ethical Treatment of Animals", "Wind Energy Ireland", "Passengers Association", "Older
# People's Commissioner": a review): no guessed name when alone at a sentence's start
# (desk probe Q), but kept at the head of a longer name.
GROUP_STARTERS: Final = frozenset(
    """
    people men women children adults participants passengers investigators traders use
    less following compared older younger long-term short-term wind rain demand supply
    audiences arrivals departures applications migrants refugees
    overseas elsewhere independent private public state
    crews season motorway international national regional local global european
    rescuers avalanches
    """.split()
)
TITLES: Final = frozenset(
    """
    President Prime Minister Federal Chief Senator Chairman Chairperson Secretary Member Dr
    Mr Mrs Ms Prof General Gen Ambassador Adviser Advisor Governor Spokesperson Madam Vice
    King Queen Prince Sheikh Foreign Deputy Director Commissioner Judge Justice Mayor
    """.split()
)
TITLE_WORDS: Final = frozenset(t.lower() for t in TITLES)


_NEGATING_PREFIXES: Final = frozenset({"non", "anti", "ex", "pre", "post", "pro", "pan"})
POSSESSIVE: Final = ("'s", "\u2019s")
# A line break ends one too, a lone "\r" (old Mac files) as much as "\n" or "\r\n".
SENTENCE_ENDS: Final = ".!?:\n\r"



# A capital after a lower-case word: r"(?<=[a-z0-9,;] )[A-Z][\w'\u2019-]*" with the capital
# read first, so the engine skips to the capitals by itself (a pattern that starts with a
# look-behind is tried at every position of the document: twice the cost).
# tests/extract/test_regex_rewrites.py checks both find the same names.
MID_NAME_PLAIN: Final = r"(?<=[a-z0-9,;] )[A-Z][\w'\u2019-]*"
_MID_NAME_RE: Final = rx.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[\w'\u2019-]*")


_LOWER_WORD_RE: Final = rx.compile(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*")
# The first word of a live blog's entry after its time stamp ("10:42 Temperatures reached"):
# it starts a sentence though a digit and a space come before it (a desk probe).
_STAMPED_WORD_RE = rx.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]+([A-Z][\w'\u2019-]*)", re.MULTILINE)


def mid_sentence_names(text: str) -> frozenset[str]:
    """Capitalised words that appear after a lower-case word: names, not sentence starts.
    A word the page writes in lower case as often is an ordinary one that a headline or
    a programme's name capitalised ("Voter Turnout Falls" over "turnout fell")."""
    found = mid_capitals(text)
    for word in _STAMPED_WORD_RE.findall(text) if has_clock(text) else ():  # "10:42 ..."
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    # Each word's lower-case twin counted where the page holds it (str.find), not every
    # lower-case word of the page found and counted (_LOWER_WORD_RE): a twin is mostly
    # nowhere (1.8% of extraction's instructions). A twin with a character outside ASCII is
    # counted as before (its characters need not all be word characters).
    lower: Counter[str] | None = None
    names = []
    plain = text.isascii()  # (then so is each word: no isascii() called on each)
    for word, n in found.items():
        low = word.lower()
        if plain or low.isascii():
            seen = lower_word_count(text, low, n)
        else:
            if lower is None:
                lower = Counter(_LOWER_WORD_RE.findall(text))
            seen = lower.get(low, 0)
        if seen < n:
            names.append(word)
    return frozenset(names)


# The bytes of text.encode("latin-1", "replace") (a byte a character: "?" for one past
# Latin-1) as what _MID_NAME_RE reads of them: "a" what may stand before the space
# ([a-z0-9,;]), " " the space, "A" a capital; and as a name's characters ([\w'\u2019-]): "w"
# one, " " none, "?" unsure (a "?" or a character outside ASCII, a letter or not).
_BEFORE_SPACE: Final = b"abcdefghijklmnopqrstuvwxyz0123456789,;"
_MID_SHAPES: Final = b"".join(b"a" if c in _BEFORE_SPACE else b" " if c == 32 else
                              b"A" if 65 <= c <= 90 else b"." for c in range(256))
_WORD_SHAPES: Final = b"".join(b"?" if c == 63 or c > 127 else b"w" if chr(c).isalnum()
                               or c in b"_'-" else b" " for c in range(256))
# A capital's word where _WORD_SHAPES is unsure: as the pattern reads it.
_MID_WORD_RE: Final = rx.compile(r"[A-Z][\w'\u2019-]*")


def mid_capitals(text: str) -> dict[str, int]:
    """How often each of _MID_NAME_RE's words is in text (a capital after a space after
    [a-z0-9,;], and its word): found by str.find in two byte translations of the text, a
    byte a character, not by a regex tried at every space, its findall and a Counter
    (tests/test_speed56_names.py)."""
    # (Latin-1: a string of one byte a character, ASCII or not, is copied as it is.)
    raw = text.encode("latin-1", "replace")
    shapes = raw.translate(_MID_SHAPES).decode()
    found: dict[str, int] = {}
    at = shapes.find("a A")
    if at < 0:
        return found
    ends = raw.translate(_WORD_SHAPES).decode()
    unsure = ends.find("?") >= 0  # (else no word is searched for one)
    size = len(text)
    while at >= 0:
        start = at + 2
        end = ends.find(" ", start)
        if end < 0:
            end = size
        if unsure and ends.find("?", start, end) >= 0:
            word = _MID_WORD_RE.match(text, start)
            end = word.end() if word is not None else end
        name = text[start:end]
        found[name] = found.get(name, 0) + 1
        # The next capital's space comes after the word; the character before it may be
        # the word's last.
        at = shapes.find("a A", end - 1)
    return found


def has_clock(text: str) -> bool:
    """Whether text holds a digit, ":" and two digits ("10:42"), as each of
    _STAMPED_WORD_RE's matches does: a text without is not searched line by line (its
    pattern, opening with ^, is tried at every position; most pages with a ":" have none)."""
    at = text.find(":")
    while at >= 0:
        pair = text[at + 1:at + 3]
        if at and len(pair) == 2 and pair.isdecimal() and text[at - 1].isdecimal():
            return True
        at = text.find(":", at + 1)
    return False


# What _LOWER_WORD_RE's words are made of, besides letters and digits (str.isalnum is \w's).
_WORD_MARKS: Final = "_'\u2019-"


def lower_word_count(text: str, low: str, most: int) -> int:
    """How many of _LOWER_WORD_RE's words in text are `low` (counted up to `most`): an
    ASCII word from a to z, then letters, digits, "_", "'" or "-". Such a word is one where
    `low` stands with no word character nor mark right before or after it."""
    count = 0
    size = len(low)
    stop = len(text)
    at = text.find(low)
    while at >= 0:
        end = at + size
        if (at == 0 or not ((c := text[at - 1]).isalnum() or c in _WORD_MARKS)) \
                and (end == stop or not ((c := text[end]).isalnum() or c in _WORD_MARKS)):
            count += 1
            if count >= most:
                break
            at = text.find(low, end)  # the next word starts after this one
        else:
            at = text.find(low, at + 1)
    return count


class EntityMatch(NamedTuple):
    """A name found in text: its span, and its canonical id (None when unknown).

    A named tuple, as Token is: a few are made for every candidate sentence, and a frozen
    dataclass costs twice as much to build (0.9 us more each)."""

    text: str
    start: int
    end: int
    id: str | None
    role: str  # name | demonym | metonym | unknown


def char_before(text: str, lo: int, pos: int, strip: str) -> str:
    """The last character of fold(text[lo:pos]).rstrip(strip), or "" when nothing is left.

    Read backwards in small chunks: folding all of text[:pos] for every name made entity
    matching quadratic in the length of the document."""
    while pos > lo:
        a = max(lo, pos - 64)
        chunk = fold(text[a:pos]).rstrip(strip)
        if chunk:
            return chunk[-1]
        pos = a
    return ""


# Words that make a known name part of another thing's name: "Washington Post", "China
# Daily", "Indian Ocean", "Pakistan International Airlines", "Chinese Academy of Sciences",
# "Indian Premier League".
OTHER_THING: Final = frozenset("""post daily times herald tribune journal gazette today ocean sea
    gulf airlines airways university college academy institute museum gallery theatre
    theater library street avenue square
    monument memorial hotel stadium water gas steel railways railway airport league
    agency administration authority commission survey open masters championship
    championships cup prix games trophy classic""".split())
# The heads of a body's name, which a title word may open ("Premier League", "Executive
# Council", "Governor's Cup"): no person after a title.
BODY_HEADS: Final = frozenset("""league cup championship trophy council committee party club union
    association federation bank university college school hospital court agency authority
    commission office ministry department board fund foundation trust group company
    corporation institute academy museum society""".split())
# (desk probe P: "Italian Open" and "French Open" were Italy's and France's "Open", which
# the corpus made the Madrid Open; "Bahrain Grand Prix" was Bahrain)
# (A public body named after its country is the body: "UK Health Security Agency", "US
# Energy Information Administration", "US Geological Survey"; desk probe M: the United
# Kingdom and a "Health Security Agency".)
# (desk probe Q6: "the Georgian Gallery" was Georgia and a "Gallery", which the corpus made
# the Regency Gallery: a planted conflict of two galleries corroborated)
# Demonyms among the ordinary sentence starters ("Chinese officials said"): the start of a
# name when the name is another thing's ("The Chinese Academy of Sciences").
STARTER_DEMONYMS: Final = frozenset({"chinese", "pakistani"})


# Words that name a public service or a company before a country's name: "Health New
# Zealand" (the health service; a desk probe read "Health" and the country), "Statistics
# Canada", "Transport Canada", "Sport England", "Air New Zealand".
_AGENCY_WORDS: Final = frozenset("health statistics transport sport air tourism fisheries".split())


def inside_longer_name(text: str, words: list[str], starts: list[int],
                       ends: list[int], i: int, hit: tuple[int, tuple[str, str]]) -> bool:
    """Whether a known name, words[i] on, is part of a longer name: the end of one
    ("Michael Jordan", "Denzel Washington", "Health New Zealand") or the start of another
    thing's ("Washington Post"). The words with their starts and ends: no Token built."""
    length, (_, role) = hit
    if names_another_thing(text, words, starts, ends, i + length) \
            or _institution_of(words, i):
        return True
    if i and role == "name" and words[i - 1].lower() in _AGENCY_WORDS \
            and words[i - 1][:1].isupper() and text[ends[i - 1]:starts[i]] == " ":
        return True
    if length == 1 and role == "demonym":
        return team_name_end(text, words, starts, ends, i)
    if length != 1 or role not in ("name", "metonym") or i == 0:
        return False
    prev = words[i - 1]
    if not prev[:1].isupper() or text[ends[i - 1]:starts[i]] != " ":
        return False
    before = char_before(text, 0, starts[i - 1], " \"'(")
    if before and before not in SENTENCE_ENDS:
        return True
    # Sentence-initial: "Michael Jordan" is a name, "In Jordan" is not.
    low = prev.lower()
    return low not in STOPWORDS and low not in COMMON_STARTERS and low not in TITLE_WORDS


# Heads of names of a body of a place: "Bank of England", "University of Sydney", "Mayor of
# London" (desk probe K: "Bank of England" was a "Bank" of no id and England).
_INSTITUTION_HEADS: Final = frozenset("""bank university college museum church archbishop bishop
    library port duke duchess earl prince princess mayor governor court""".split())
# ... and of bodies named by what they join, a word before the head: "the Maritime Workers
# Union of Nigeria" (desk probe N: a union and Nigeria), not "the Union of India" (the
# country, a review).
_NAMED_BODY_HEADS: Final = frozenset(
    "union federation association congress chamber society confederation".split())


def _institution_of(words: list[str], i: int) -> bool:
    """Whether words[i] comes right after "<Head> of [the]": a body of the place, not the
    place."""
    k = i - 1
    if k > 0 and words[k] == "the":
        k -= 1
    if k < 1 or words[k] != "of":
        return False
    head = words[k - 1]
    low = head.lower()
    if low in _NAMED_BODY_HEADS:
        return head[:1].isupper() and k >= 2 and words[k - 2][:1].isupper()
    return head[:1].isupper() and low in _INSTITUTION_HEADS


# Words that start a sentence about a country's people, not a team's name: "Two Americans
# were killed", "Young Indians leave" (team_name_end).
_PEOPLE_WORDS: Final = frozenset("""two three four five six seven eight nine ten eleven twelve
    twenty thirty fifty hundred hundreds thousand thousands dozens several numerous young
    younger old older elderly rich poor wealthy ordinary average native ethnic black white
    fellow local overseas expatriate working educated stranded missing dead injured wounded
    detained jailed kidnapped angry worried""".split())


def team_name_end(text: str, words: list[str], starts: list[int],
                  ends: list[int], i: int) -> bool:
    """Whether words[i], a demonym, is a plural one right after a capitalised name word: the
    end of a team's name ("Mumbai Indians", "Cleveland Indians"), not the country's people
    (a desk probe: "Mumbai Indians won the final" was India's win). "Many Indians", "In
    March Indians" and "Britain's Indians" are still the people."""
    word = words[i]
    if i == 0 or not word.endswith("s") or word.endswith(("ss", *POSSESSIVE)):
        return False  # not "Swiss"
    prev = words[i - 1]
    low = prev.lower()
    if not prev[:1].isupper() or text[ends[i - 1]:starts[i]] != " " \
            or low in MONTHS_AND_DAYS or low in TITLE_WORDS or prev.endswith(POSSESSIVE):
        return False
    before = char_before(text, 0, starts[i - 1], " \"'(")
    if before and before not in SENTENCE_ENDS:
        return True
    # Sentence-initial: "Two Americans were killed", "Young Indians leave" are people.
    return low not in STOPWORDS and low not in COMMON_STARTERS and low not in _PEOPLE_WORDS


# The end of an initialism written with points, its last point after: "U.S", "U.K".
INITIALISM_END_RE: Final = rx.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]\Z")


def names_another_thing(text: str, words: list[str], starts: list[int],
                        ends: list[int], j: int) -> bool:
    """Capitalised words from words[j] on (up to three, single spaces apart) that end in a
    word naming a newspaper, sea, airline, university and the like."""
    prev_end = ends[j - 1] if j else 0
    for k in range(j, min(j + 3, len(words))):
        word = words[k]
        gap = text[prev_end:starts[k]]
        # (after an initialism, its point: "U.S. Geological Survey" is one name, as "US
        # Geological Survey" is; desk probe Z: the United States and a "Geological Survey")
        if not word[:1].isupper() or (gap != " " and not (
                k == j and gap == ". " and INITIALISM_END_RE.search(text, 0, prev_end))):
            return False
        if word.lower() in OTHER_THING:
            return True
        prev_end = ends[k]
    return False


def negated_prefix(text: str, words: list[str], starts: list[int], i: int) -> bool:
    """`non-Chinese` is not a mention of China."""
    if i == 0 or text[starts[i] - 1:starts[i]] != "-":
        return False
    return words[i - 1].lower() in _NEGATING_PREFIXES
