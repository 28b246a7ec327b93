"""Names in a sentence: proper-noun chunks no entity rule knows, and when a known name is
part of a longer one. The word lists say which capitalised words are ordinary words.

`Lexicon.find_entities` matches the known names first and hands the rest here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from checker import rx
from checker.currencies import BEFORE_FIGURES, GLUED_TO_FIGURES
from checker.namebounds import after_dash_dateline, coordinated_parts
from checker.nlp import STOPWORDS
from checker.textutil import Token, fold

MONTHS_AND_DAYS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday
    """.split()
)
# Capitalised at the start of a sentence, these are ordinary words, not names.
COMMON_STARTERS = frozenset(
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
    """.split()
)
# Time zones after a clock time ("0012 GMT", "14:30 UTC"): capitals, not names. The page's
# subject lent to its figures that name no one was "GMT" (a desk probe).
TIME_ZONES = frozenset(
    """
    GMT UTC BST CET CEST EET EEST WET WEST EST EDT CST CDT MST MDT PST PDT AKST HST AEST
    AEDT ACST AWST NZST NZDT JST KST HKT SGT WIB
    """.split()
)
# A paper's statistics before their figures ("HR 1.71", "95% CI 1.12-1.87", "(SD 9.8)"):
# labels there, not names, as a currency code is (desk probe L: the names "HR 1", "CI 1", "SD 9").
STAT_LABELS = frozenset("HR aHR OR aOR RR aRR IRR CI SD SE SEM IQR".split())
# ... as quantity_stats reads them: "HR 1.71", not the bill "HR 1" nor "the IRR, 14.5%"
_STAT_FIGURE_RE = rx.compile(r"(?:\s*[=:]\s*|\s+)\d{1,3}\.\d+(?![\d.]*\d)(?!\s*%)")
# A reporting period's label ("Q3 2025", "H1", "FY2026", "FY26"): a quarter, a half or a
# year of accounts, not a name ("Q3 2025" was a name that the next line took as subject).
_PERIOD_LABEL_RE = rx.compile(r"[QH][1-4]|FY(?:\d{2}|\d{4})?")
TITLES = frozenset(
    """
    President Prime Minister Federal Chief Senator Chairman Chairperson Secretary Member Dr
    Mr Mrs Ms Prof General Gen Ambassador Adviser Advisor Governor Spokesperson Madam Vice
    King Queen Prince Sheikh Foreign Deputy Director Commissioner Judge Justice Mayor
    """.split()
)
TITLE_WORDS = frozenset(t.lower() for t in TITLES)
_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "al", "bin", "von", "van"})
# "for" joins a name ("Institute for Fiscal Studies", "Habitat for Humanity", "Moms for
# Liberty") unless a person's name follows it: "Sporting CP for Luka Vranjes" is two names
# (a desk probe: one, which then took every "Vranjes" of the page). A person's name here is
# two or three capitalised words, none a word of a body's name, and then no more capitals.
_FOR_HEADS = frozenset("""Institute Centre Center Council Commission Committee Department
    Ministry Minister Secretary Office Agency Foundation Fund Society Association Union
    Alliance Campaign Coalition Federation League Board Authority School College Academy
    Trust Organisation Organization Bureau Service Partnership Network Party Movement Court
    Tribunal Programme Program Initiative Forum Unit Hospital Laboratory Museum Prize Award
    Medal Act Day Conference Corporation Bank Fellowship Commissioner Inspectorate
    Directorate Panel Project Mission Charity Appeal""".split())
_BODY_WORDS = _FOR_HEADS | frozenset("""Rights International Studies Research Development
    Justice Peace Change Progress Democracy Freedom Liberty Humanity Life Animals Children
    Education Health Future Reform Action Now Women Men People Workers Families Science
    Policy Affairs Relations Security Defence Defense Energy Environment Climate Trade
    Industry Business Enterprise Growth Jobs Truth America Britain Europe Africa Asia
    Australia Canada India China""".split())


def _person_after(text: str, toks: Sequence[Token], j: int) -> bool:
    """Whether a person's name (above) starts at token j, after "for"."""
    k = j
    while k < len(toks) and toks[k].text[:1].isupper() and toks[k].text not in _BODY_WORDS \
            and (k == j or text[toks[k - 1].end:toks[k].start] == " "):
        k += 1
    if not 2 <= k - j <= 3:
        return False
    return k == len(toks) or text[toks[k - 1].end:toks[k].start] != " " \
        or not toks[k].text[:1].isupper()


_NEGATING_PREFIXES = frozenset({"non", "anti", "ex", "pre", "post", "pro", "pan"})
_NOT_NAME_STARTS = STOPWORDS | COMMON_STARTERS
# A hyphen joins a name only unspaced ("Chang-e", "JF-17"): a spaced dash ends one, as the
# dash of a dateline does ("LUSAKA - A cholera case": a desk probe drafted "LUSAKA - A").
_NAME_GAP_RE = rx.compile(r"[ \t&/]*|[&/]*-[&/]*")
_ROMAN_RE = rx.compile(r"[IVX]+")
_POSSESSIVE = ("'s", "\u2019s")
_NUMBER_MODIFIERS = frozenset("""about around approximately roughly nearly almost some over
    under only just exactly estimated circa barely fully""".split())
# A score or a range after a name ("Harbour City 2-1"): no part of the name.
_SCORE_RE = rx.compile(r"\d+\s?[-\u2013]\s?\d")
# Two names, each with its comma, right before a chunk: the chunk closes a list of names
# ("Andalusia, Extremadura, Castilla-La Mancha and Madrid"; namebounds.coordinated_parts).
# One name before is not list enough: split after one, the FEVER dev set's names changed and
# so did the calibration fitted on it (tests/compare/test_calibration.py).
_LISTED_RE = rx.compile(r"[A-Z][\w'\u2019.-]*,[ \t]+[A-Z][\w'\u2019.-]*,[ \t]+\Z")
# A number that is a percentage: no model number of the name before it ("the BoE's 2%
# target" made "BoE's 2" a name; a desk probe).
_PERCENT_NUMBER_RE = rx.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
# A line break ends one too, a lone "\r" (old Mac files) as much as "\n" or "\r\n".
_SENTENCE_ENDS = ".!?:\n\r"
# A plural name word: a party's or a team's ("Pirates", "Independents", "Indians"), not
# "Artemis", "Atlas", "Santos", "Sirius" or "Express".
_GROUP_WORD_RE = rx.compile(r"[A-Z][\w'\u2019-]*[^\W_aiosu]s")
# What closes an item of a list or a sentence after a figure: ", 18,", "18 and", "13.".
_ITEM_END_RE = rx.compile(r"[ \t]*(?:[,;:.!?)]|(?:and|or)\b|$)")


def _is_label(word: str) -> bool:
    """A capitalised word that labels a time rather than names something: a time zone or
    a reporting period."""
    return word in TIME_ZONES or _PERIOD_LABEL_RE.fullmatch(word) is not None


def counted_after_group(word: str, text: str, end: int) -> bool:
    """Whether the figure ending at `end`, written after the name word `word`, counts for a
    party or a team rather than numbering a model: in "the Pirates 18 and the Motorists 13."
    a plural name word is followed by a figure that closes a list item (the seats of each
    party, elided; a desk probe made them names, "Pirates 18"), while a model or mission
    number follows a singular word ("Chang'e 6", "Tianwen 1", "iPhone 15") or is followed
    by what it names ("Windows 10 users")."""
    return _GROUP_WORD_RE.fullmatch(word) is not None and \
        _ITEM_END_RE.match(text, end) is not None



# A capital after a lower-case word: r"(?<=[a-z0-9,;] )[A-Z][\w'\u2019-]*" with the capital
# read first, so the engine skips to the capitals by itself (a pattern that starts with a
# look-behind is tried at every position of the document: twice the cost).
# tests/extract/test_regex_rewrites.py checks both find the same names.
MID_NAME_PLAIN = r"(?<=[a-z0-9,;] )[A-Z][\w'\u2019-]*"
_MID_NAME_RE = rx.compile(r"[A-Z](?<=[a-z0-9,;] [A-Z])[\w'\u2019-]*")


_LOWER_WORD_RE = rx.compile(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*")
# The first word of a live blog's entry after its time stamp ("10:42 Temperatures reached"):
# it starts a sentence though a digit and a space come before it (a desk probe).
_STAMPED_WORD_RE = rx.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]+([A-Z][\w'\u2019-]*)", re.MULTILINE)


def mid_sentence_names(text: str) -> frozenset[str]:
    """Capitalised words that appear after a lower-case word: names, not sentence starts.
    A word the page writes in lower case as often is an ordinary one that a headline or
    a programme's name capitalised ("Voter Turnout Falls" over "turnout fell")."""
    found: dict[str, int] = {}
    for word in _MID_NAME_RE.findall(text):
        found[word] = found.get(word, 0) + 1
    for word in _STAMPED_WORD_RE.findall(text):
        if found.get(word, 0) > 1:
            found[word] -= 1
        else:
            found.pop(word, None)
    if not found:
        return frozenset()
    wanted = {w.lower(): w for w in found}
    lower: dict[str, int] = {}
    for word in _LOWER_WORD_RE.findall(text):
        if word in wanted:
            lower[word] = lower.get(word, 0) + 1
    return frozenset(w for w, n in found.items() if lower.get(w.lower(), 0) < n)


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
_OTHER_THING = frozenset("""post daily times herald tribune journal gazette today ocean sea
    gulf airlines airways university college academy institute museum street avenue square
    monument memorial hotel stadium water gas steel railways railway airport league
    agency administration authority commission survey""".split())
# (A public body named after its country is the body: "UK Health Security Agency", "US
# Energy Information Administration", "US Geological Survey"; desk probe M: the United
# Kingdom and a "Health Security Agency".)
# Demonyms among the ordinary sentence starters ("Chinese officials said"): the start of a
# name when the name is another thing's ("The Chinese Academy of Sciences").
_STARTER_DEMONYMS = frozenset({"chinese", "pakistani"})


# Words that name a public service or a company before a country's name: "Health New
# Zealand" (the health service; a desk probe read "Health" and the country), "Statistics
# Canada", "Transport Canada", "Sport England", "Air New Zealand".
_AGENCY_WORDS = frozenset("health statistics transport sport air tourism fisheries".split())


def inside_name(text: str, toks: Sequence[Token], i: int,
                hit: tuple[int, tuple[str, str]]) -> bool:
    """Whether a known name is part of a longer name: the end of one ("Michael Jordan",
    "Denzel Washington", "Health New Zealand") or the start of another thing's
    ("Washington Post")."""
    length, (_, role) = hit
    if _names_another_thing(text, toks, i + length) or _institution_of(text, toks, i):
        return True
    if i and role == "name" and toks[i - 1].text.lower() in _AGENCY_WORDS \
            and toks[i - 1].text[:1].isupper() and text[toks[i - 1].end:toks[i].start] == " ":
        return True
    if length == 1 and role == "demonym":
        return team_name_end(text, toks, i)
    if length != 1 or role not in ("name", "metonym") or i == 0:
        return False
    prev = toks[i - 1]
    if not prev.text[:1].isupper() or text[prev.end:toks[i].start] != " ":
        return False
    before = char_before(text, 0, prev.start, " \"'(")
    if before and before not in _SENTENCE_ENDS:
        return True
    # Sentence-initial: "Michael Jordan" is a name, "In Jordan" is not.
    low = prev.text.lower()
    return low not in STOPWORDS and low not in COMMON_STARTERS and low not in TITLE_WORDS


# Heads of names of a body of a place: "Bank of England", "University of Sydney", "Mayor of
# London" (desk probe K: "Bank of England" was a "Bank" of no id and England).
_INSTITUTION_HEADS = frozenset("""bank university college museum church archbishop bishop
    library port duke duchess earl prince princess mayor governor court""".split())


def _institution_of(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether toks[i] comes right after "<Head> of [the]": a body of the place, not the
    place."""
    k = i - 1
    if k > 0 and toks[k].text == "the":
        k -= 1
    if k < 1 or toks[k].text != "of":
        return False
    head = toks[k - 1].text
    return head[:1].isupper() and head.lower() in _INSTITUTION_HEADS


# Words that start a sentence about a country's people, not a team's name: "Two Americans
# were killed", "Young Indians leave" (team_name_end).
_PEOPLE_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve
    twenty thirty fifty hundred hundreds thousand thousands dozens several numerous young
    younger old older elderly rich poor wealthy ordinary average native ethnic black white
    fellow local overseas expatriate working educated stranded missing dead injured wounded
    detained jailed kidnapped angry worried""".split())


def team_name_end(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether toks[i], a demonym, is a plural one right after a capitalised name word: the
    end of a team's name ("Mumbai Indians", "Cleveland Indians"), not the country's people
    (a desk probe: "Mumbai Indians won the final" was India's win). "Many Indians", "In
    March Indians" and "Britain's Indians" are still the people."""
    word = toks[i].text
    if i == 0 or not word.endswith("s") or word.endswith(("ss", *_POSSESSIVE)):
        return False  # not "Swiss"
    prev = toks[i - 1]
    low = prev.text.lower()
    if not prev.text[:1].isupper() or text[prev.end:toks[i].start] != " " \
            or low in MONTHS_AND_DAYS or low in TITLE_WORDS or prev.text.endswith(_POSSESSIVE):
        return False
    before = char_before(text, 0, prev.start, " \"'(")
    if before and before not in _SENTENCE_ENDS:
        return True
    # Sentence-initial: "Two Americans were killed", "Young Indians leave" are people.
    return low not in STOPWORDS and low not in COMMON_STARTERS and low not in _PEOPLE_WORDS


def _names_another_thing(text: str, toks: Sequence[Token], j: int) -> bool:
    """Capitalised words from toks[j] on (up to three, single spaces apart) that end in a
    word naming a newspaper, sea, airline, university and the like."""
    prev_end = toks[j - 1].end if j else 0
    for k in range(j, min(j + 3, len(toks))):
        tok = toks[k]
        if not tok.text[:1].isupper() or text[prev_end:tok.start] != " ":
            return False
        if tok.text.lower() in _OTHER_THING:
            return True
        prev_end = tok.end
    return False


def negated_prefix(text: str, toks: Sequence[Token], i: int) -> bool:
    """`non-Chinese` is not a mention of China."""
    if i == 0 or text[toks[i].start - 1:toks[i].start] != "-":
        return False
    return toks[i - 1].text.lower() in _NEGATING_PREFIXES


_DEGREE_SCALES = frozenset({"Celsius", "Fahrenheit", "Kelvin", "centigrade", "Centigrade"})


def _is_degree_scale(toks: Sequence[Token], i: int) -> bool:
    """"Celsius" of "44.6 degrees Celsius": the unit of a figure, no name (a desk probe: a
    name the page's other temperature claims lacked)."""
    return toks[i].text in _DEGREE_SCALES and i > 0 and \
        toks[i - 1].text.lower() in ("degree", "degrees")


def unknown_names(
    text: str, toks: Sequence[Token], taken: Sequence[bool], start: int,
    names_vocab: frozenset[str] | None, resolve: Callable[[str], str | None],
) -> list[EntityMatch]:
    """Proper-noun chunks of a sentence's tokens that no known name took (`taken`), each
    with the id `resolve` gives it (a fuzzy variant of a known name) or None."""
    out: list[EntityMatch] = []
    chunk: list[int] = []
    vocab = names_vocab if names_vocab is not None else mid_sentence_names(text)

    def flush(trim: int = 0) -> None:
        while chunk and toks[chunk[-1]].text.lower() in _CONNECTORS:
            chunk.pop()
        if not chunk:
            return
        last = chunk[-1]
        parts = [chunk] if "and" not in (toks[k].text for k in chunk) else [
            chunk[lo:hi] for lo, hi in coordinated_parts(
                [toks[k].text for k in chunk], lambda w: w.lower() in _NOT_NAME_STARTS,
                lambda n: resolve(n) is not None, _LISTED_RE.search(
                    text, max(0, toks[chunk[0]].start - 40), toks[chunk[0]].start) is not None)]
        for part in parts:  # "Kitwe and Ndola": two names
            if is_name_chunk(text, toks, part, start, vocab, len(parts) > 1):
                s, e = toks[part[0]].start, toks[part[-1]].end - (trim if part[-1] == last else 0)
                if text[e:e + 1] == "+" and not text[e + 1:e + 2].isalnum():
                    e += 1  # "OPEC+" is not OPEC (a desk probe: a false conflict)
                out.append(EntityMatch(text[s:e], s, e, resolve(text[s:e]), "unknown"))
        chunk.clear()

    # flush() only when a chunk is open: most tokens are lower-case words outside names.
    for i, tok in enumerate(toks):
        word = tok.text
        if not chunk and not word[:1].isupper():
            continue  # outside a name, only a capital can start one
        # A single space (most gaps) is a name gap without asking the regex.
        if chunk and not (text[toks[i - 1].end:tok.start] == " "
                          or _NAME_GAP_RE.fullmatch(text, toks[i - 1].end, tok.start)):
            flush()
        # "Saturday's election": a day with its possessive is no name either.
        capital = word[:1].isupper() and word.lower().removesuffix("'s").removesuffix(
            "\u2019s") not in MONTHS_AND_DAYS and not _is_label(word) \
            and not _is_degree_scale(toks, i)
        if taken[i] or (i + 1 < len(toks) and (
                text[tok.end:tok.end + 1] == "$"
                or (word in BEFORE_FIGURES and toks[i + 1].text[:1].isdigit())
                or (word in STAT_LABELS and _STAT_FIGURE_RE.match(text, tok.end)))) \
                or (word[-1].isdigit() and word.rstrip("0123456789") in GLUED_TO_FIGURES):
            if chunk:
                flush()  # a known name, or a currency code ("US$5 billion", "NOK 45", "Tk150")
        elif capital and chunk and word in TITLES and toks[chunk[-1]].text.lower() == "and":
            chunk.pop()  # "... Cheema and Federal Minister ...": a new name starts
            flush()
            chunk.append(i)
        elif capital:
            chunk.append(i)
            if word.endswith(_POSSESSIVE) and i + 1 < len(toks) \
                    and toks[i + 1].text[:1].isupper() and text[tok.end:toks[i + 1].start] == " ":
                flush(2)  # "Veridia's National Renewal Party": the owner, then the owned
        elif chunk and (word.isdigit() or _ROMAN_RE.fullmatch(word)) \
                and toks[i - 1].text.lower() != "magnitude" \
                and not (word.isdigit() and toks[i - 1].text.lower() in _CONNECTORS) \
                and not _SCORE_RE.match(text, tok.start) \
                and not _PERCENT_NUMBER_RE.match(text, tok.start) \
                and not counted_after_group(toks[i - 1].text, text, tok.end):
            # "Chiang'e 6", "Hangor II", "JF-17"; not "the Pirates 18," nor, after a
            # connector, "Brentford for 45 million euros" (a desk probe's name)
            chunk.append(i)
        elif chunk and len(word) == 1 and word.isalpha() \
                and text[toks[i - 1].end:tok.start] == "-":
            chunk.append(i)  # "Chang-e 8": one letter is no "-based" modifier
        elif chunk and word.lower() in _CONNECTORS and (
                word != "for" or any(toks[k].text in _FOR_HEADS for k in chunk)
                or not _person_after(text, toks, i + 1)):
            chunk.append(i)
        elif chunk:
            flush()
    flush()
    return out

def _starts_name(text: str, toks: Sequence[Token], chunk: list[int], start: int,
                 names_vocab: frozenset[str]) -> bool:
    """Whether a word that often opens a sentence ("Space", "Science", "Government") opens
    the name after it: capitalised mid-sentence ("from Space Launch Complex 40"), or at a
    sentence's start where the page capitalises it mid-sentence too (a desk probe: "Launch
    Complex 40"). Never a stopword ("The Block III")."""
    word = toks[chunk[0]].text
    if word.lower() in STOPWORDS:
        return False
    before = char_before(text, start, toks[chunk[0]].start, " \"'(-[")
    initial = not before or before in _SENTENCE_ENDS \
        or after_dash_dateline(text, start, toks[chunk[0]].start)
    return not initial or word in names_vocab


def is_name_chunk(
    text: str, toks: Sequence[Token], chunk: list[int], start: int,
    names_vocab: frozenset[str], coordinated: bool = False,
) -> bool:
    """Whether a chunk of capitalised tokens is a name (leading ordinary words dropped);
    `coordinated`: one of names joined by "and", a name even at a sentence's start."""
    # Leading ordinary words are not part of a name: "When President Xi", "The Block III".
    while len(chunk) > 1 and toks[chunk[0]].text.lower() in _NOT_NAME_STARTS and not (
            toks[chunk[0]].text.lower() in _STARTER_DEMONYMS
            and any(toks[k].text.lower() in _OTHER_THING for k in chunk[1:4])
            or _starts_name(text, toks, chunk, start, names_vocab)):
        chunk.pop(0)
    first = toks[chunk[0]].text
    low = first.lower()
    if not first[:1].isupper():
        return False  # "Between 10 and 12": the figures left are no name
    if len(chunk) > 1:
        # A word that sizes a figure and the figure ("Nearly 61", "Around 2") is no name.
        return not (low in _NUMBER_MODIFIERS and all(toks[k].text.isdigit() for k in chunk[1:]))
    if low in STOPWORDS or low in COMMON_STARTERS or len(first) < 2 or first.isdigit():
        return False
    if first.isupper():
        return True  # an acronym: SMIC, PLA
    before = char_before(text, start, toks[chunk[0]].start, " \"'(-[")
    sentence_initial = not before or before in _SENTENCE_ENDS \
        or after_dash_dateline(text, start, toks[chunk[0]].start)
    # At a sentence start a capital says nothing: a name must also appear capitalised
    # mid-sentence somewhere in the document ("Lin" yes, "Operating" no).
    # "Moquegua and Tacna were hit": named with another name, as a chunk of two words is.
    return not sentence_initial or first in names_vocab or coordinated
