"""What the words around a figure say of it: a person's age ("the 26-year-old", "aged 65"),
one term of years and months, a part of a total ("142 of the 300 seats"), a named ratio, a
stage label ("phase 3"), a bound after it ("40% or less"), what a population or a price
counts ("the population was", "$82.40 a barrel"), the noun a figure counts ("600 VT-4 battle
tanks": `noun_after`). Patterns and small readings that quantities.py and its readers apply
(split out of it; each was a desk probe's finding)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, TypeGuard

from checker import rx
from checker.extract import quantity_patterns as qp
from checker.extract.cues import any_in
from checker.extract.date_patterns import from_before
from checker.textutil import ignorecase_key

if TYPE_CHECKING:
    from checker.extract.quantity_type import Quantity


# A place in a ranking told in words: "was fourth with $9.2 million", "finished fifth",
# "came in third", "in second place" (desk probe R: no figure, so two outlets' ranks of
# one film never met); not "was first elected", "the fourth time", "second-largest".
ORDINAL_WORDS: Final = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                         "eighth", "ninth", "tenth")
# A place something is moved to: "The win lifts Wales to second in Group D", "took them up
# to 3rd" (desk probe Q4: "to second" / "to first" were no places, and the pair corroborated).
_MOVED_BY: Final = (r"(?:lift(?:s|ed|ing)?|t(?:akes?|ook|aking)|sen[dt]s?|sending|put(?:s|ting)?|"
                    r"push(?:es|ed|ing)?|mov(?:es|ed|ing))\s+(?!to\b)[\w'-]+(?:\s+(?!to\b)[\w'-]+)?"
                    r"\s+(?:up\s+|down\s+)?to")
# The places moved between: "fell one place to third", "rose three places to fifth", and
# a place held: "held on to sixth place" (desk probe Q8: no place, so "fell one place to
# third" / "to fifth" went unjudged).
_PLACES_MOVED = (r"(?:up\s+|down\s+)?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"\d{1,3})\s+places?")
_PLACE_RE: Final = rx.compile(
    r"\b(?:(?P<verb>finish(?:ed|es)?|(?:came|comes)(?:\s+in)?|plac(?:ed|es)|rank(?:ed|s)|"
    r"(?:slipped|fell|dropped|rose|climbed|moved|jumped)(?:\s+" + _PLACES_MOVED + r")?\s+to|"
    r"h(?:eld|olds?|olding)\s+on\s+to|" + _MOVED_BY + r"|"
    r"debut(?:ed|s)\s+in|"
    r"(?:was|is)(?=\s+\w+(?:\s*[,.;]|\s+(?:with|on|in\s+the|behind|ahead)\b)))\s+|"
    r"in\s+(?=\w+\s+place\b))(?P<n>" + "|".join(ORDINAL_WORDS) + r")(?:\s+place)?\b(?![-\w])",
    re.IGNORECASE)
# A place among the largest, the biggest, ... ("the world's third-largest smartphone maker",
# "its second biggest market"): no figure of the claim (comparison reads it as a standing),
# but a figure to check-worthiness, as "finished fourth" is (desk probe Z: "Norvik is the
# world's third-largest smartphone maker by shipments." scored 0.45 and was lost, and with
# it a planted conflict with "fourth-largest").
RANKED_RE: Final = rx.compile(
    r"\b(?:" + "|".join(ORDINAL_WORDS[1:]) + r"|\d{1,2}(?:st|nd|rd|th))[- ]"
    r"(?:largest|biggest|greatest|highest|lowest|smallest|busiest|richest|poorest|oldest|"
    r"longest|fastest|deadliest|hottest|coldest|warmest|coolest|wettest|driest|costliest|"
    r"strongest|worst|most\s+populous|most\s+valuable)\b", re.IGNORECASE)

# Each superlative of RANKED_RE holds one of these (quantities.RANK_CUES): "worst" is the
# one without "est".
SUPERLATIVE_CUES: Final = ("est", "most", "worst")

# "opened at No. 1", "fell to No. 2": a chart's place.
PLACE_BEFORE_RE: Final = rx.compile(r"\b(?:at|to)\s+\Z", re.IGNORECASE)


# A standing in a table, not the place of one event: "is fourth in the drivers' standings",
# "is second in the world rankings".
_TABLE_AFTER_RE = rx.compile(r"\s+in\s+the\s+(?:[\w'-]+\s+){0,2}(?:standings|rankings?|table|"
                             r"championship|chart|league)\b", re.IGNORECASE)
# A place reached by a move: a later reading than an opening place ("fell to No. 3").
_MOVED_TO: Final = (
    r"\b(?:slip(?:ped|ping|s)?|f[ae]ll(?:s|ing|en)?|drop(?:ped|ping|s)?|r[io]se(?:s|n)?|rising|"
    r"climb(?:ed|ing|s)?|mov(?:ed|ing|es)|jump(?:ed|ing|s)?|slid(?:es|ing)?|tumbl(?:ed|ing|es)|"
    r"sank|sinking|sinks)\s+to\s+|" + _MOVED_BY + r"\s+")
MOVED_BEFORE_RE: Final = rx.compile(_MOVED_TO + r"(?:No\.\s*)?\Z", re.IGNORECASE)
# A place reached told in digits: "dropping to 53rd", "fell to 57th", "finished 3rd"
# (desk probe T: two outlets' places of one university, no noun, never compared).
REACHED_BEFORE_RE: Final = rx.compile(
    r"(?:\b(?:finish(?:ed|es|ing)?|(?:came|comes|coming)(?:\s+in)?|plac(?:ed|es|ing)|"
    r"rank(?:ed|s|ing))\s+|" + _MOVED_TO + r")\Z", re.IGNORECASE)


def place_noun(folded: str, s: int, e: int) -> str:
    """What a place counts: a standing in a table, a new place moved to, or an event's place."""
    if _TABLE_AFTER_RE.match(folded, e):
        return "standing"
    if MOVED_BEFORE_RE.search(folded, max(0, s - 48), s):  # "pushing Stanford down to"
        return "new place"
    return "place"


def word_places(folded: str, lower: str, start: int, stop: int, cued: bool | None = None
                ) -> Iterator[tuple[int, int, float]]:
    """(start, end, place) of each place in a ranking told in words in folded[start:stop]
    (`lower` is that span in lower case; `cued` whether it holds one of ORDINAL_WORDS, when
    the caller read it)."""
    if " out the top " in lower:
        for m in _ROUNDS_OUT_RE.finditer(folded, start, stop):
            yield m.start("n"), m.end("n"), float(_TOP_WORDS.index(ignorecase_key(m["n"])) + 3)
    if not (any_in(lower, ORDINAL_WORDS) if cued is None else cued):
        return
    for m in _PLACE_RE.finditer(folded, start, stop):
        yield m.start("n"), m.end(), float(ORDINAL_WORDS.index(ignorecase_key(m["n"])) + 1)


# The last place of a list's top: "rounding out the top five" is fifth (desk probe R).
_TOP_WORDS: Final = ("three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ROUNDS_OUT_RE: Final = rx.compile(r"\bround(?:ing|ed|s)?\s+out\s+the\s+top\s+(?P<n>"
                                   + "|".join(_TOP_WORDS) + r")\b(?![-\w])", re.IGNORECASE)


# An age band named by its ages: "15 to 24-year-olds", "15- to 24-year-olds", "15-24 year
# olds", "18-to-24-year-olds" (desk probe Q: a count of 15, which met any other 15; the last
# no figure at all), as "aged 15 to 24" reads.
_AGE_BAND_RE: Final = rx.compile(r"(?<![\d,.])\b(?P<lo>\d{1,3})(?:-?\s*to\s*-?|\s*-\s*)"
                                 r"(?P<hi>\d{1,3})[-\s]years?[-\s]olds?\b", re.IGNORECASE)


def age_bands(folded: str, start: int, stop: int) -> Iterator[tuple[int, int, float, float]]:
    """(start, end, youngest, oldest) of each age band written "N to M-year-olds" in
    folded[start:stop]."""
    for m in _AGE_BAND_RE.finditer(folded, start, stop):
        lo, hi = float(m.group("lo")), float(m.group("hi"))
        if lo < hi:
            yield m.start(), m.end(), lo, hi


def people_ages(folded: str, start: int, stop: int) -> Iterator[tuple[int, int, float]]:
    """(start, end, years) of each person's age written "N-year-old" or "N years old" in
    folded[start:stop]."""
    for m in _YEAR_OLD_RE.finditer(folded, start, stop):
        after = m.group("next")
        if after and after.lower() in _THING_AFTER_AGE or qp.MOD_BEFORE_RE.search(
                folded, max(0, m.start() - 20), m.start()):
            continue  # "a 40-year-old record", "under 5 years old"
        yield m.start(), m.end("age"), float(m.group("num"))


_AND_RE: Final = rx.compile(r"\s+and\s+", re.IGNORECASE)


def terms_joined(folded: str, text: str, found: list[Quantity]) -> list[Quantity]:
    """Years and months of one term as one term, in years: "jailed for five years and eight
    months" is 5 2/3 years (a desk probe: five years, which corroborated "five years");
    not "six years and 18 months respectively", two terms (a review)."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        if last is not None and last.unit == "year" and last.noun is None \
                and q.unit == "month" and q.noun is None and last.value is not None \
                and q.value is not None and q.value < 12 \
                and _AND_RE.fullmatch(folded, last.end, q.start) \
                and "respectively" not in folded[q.end:q.end + 40]:
            # In years, as "six years" is: the two terms of one sentence then disagree.
            value = last.value + q.value / 12
            low: float | None = value - 1 / 24  # a term is told to the month
            high: float | None = value + 1 / 24
            if last.approximate or q.approximate or last.bound != "exact":
                low = None if last.low is None or q.low is None else last.low + q.low / 12
                high = None if last.high is None or q.high is None else \
                    last.high + q.high / 12
            out[-1] = last._replace(text=text[last.start:q.end], end=q.end, value=value, low=low,
                                    high=high, noun=None,
                                    approximate=last.approximate or q.approximate)
        else:
            out.append(q)
    return out


# Seconds in each unit of a term told in hours, minutes and seconds, and what may join them.
_CLOCK_UNITS: Final = {"hour": 3600.0, "minute": 60.0, "second": 1.0}
_TERM_GAP_RE: Final = rx.compile(r"\s*,?\s*(?:and\s+)?", re.IGNORECASE)


def durations_joined(folded: str, text: str, found: list[Quantity]) -> list[Quantity]:
    """Hours, minutes and seconds of one term as one duration in seconds, as a race time
    is: "a course record of two hours, four minutes and 37 seconds" is 2:04:37 (desk probe
    K: three figures, of which "37 seconds" conflicted with a margin of "41 seconds")."""
    out: list[Quantity] = []
    run: list[Quantity] = []
    for q in [*found, None]:
        if _clock_part(q) and run and _CLOCK_UNITS[q.unit or ""] < _CLOCK_UNITS[
                run[-1].unit or ""] and _TERM_GAP_RE.fullmatch(folded, run[-1].end, q.start):
            run.append(q)
            continue
        out.extend(run if len(run) < 2 else [_term(text, run)])
        run = [q] if _clock_part(q) else []
        if q is not None and not run:
            out.append(q)
    return out


def _clock_part(q: Quantity | None) -> TypeGuard[Quantity]:
    """Whether q may be a part of a term of hours, minutes and seconds."""
    return q is not None and q.unit in _CLOCK_UNITS and q.bound == "exact" \
        and q.value is not None


def _term(text: str, run: list[Quantity]) -> Quantity:
    def total(values: list[float | None]) -> float:
        return sum((v or 0.0) * _CLOCK_UNITS[q.unit or ""] for v, q in zip(values, run,
                                                                             strict=True))

    seconds = total([q.value for q in run])
    first, last = run[0], run[-1]
    approximate = any(q.approximate for q in run)
    if approximate:  # "about 8 minutes and 30 seconds": each part's hedge
        low, high = total([q.low for q in run]), total([q.high for q in run])
    else:  # told to its last unit: "2 hours 4 minutes" is to the minute
        half = ((last.high or 0.0) - (last.low or 0.0)) / 2 * _CLOCK_UNITS[last.unit or ""]
        low, high = seconds - half, seconds + half
    return first._replace(text=text[first.start:last.end], end=last.end, value=seconds,
                          low=low, high=high, unit="s", noun="duration",
                          approximate=approximate)


# The adverbs of a margin after its count: "one point clear", "one stroke behind".
_MARGINS: Final = frozenset("clear ahead behind adrift short higher lower above below".split())
# The side a margin puts its subject on, by the adverb after a plural count ("seats short",
# "points clear"); a move's "higher" or "lower" is no margin.
_MARGIN_SIDES: Final = {"short": "short", "shy": "short", "behind": "short", "adrift": "short",
                        "clear": "ahead", "ahead": "ahead"}
# Words after a distance that say which way, not what it measures. (Not "higher", "below",
# "more": a move's direction, which keeps "closed 4.6% higher" from meeting "18% of its
# shares", and "4.6% higher" / "6.4% higher" a conflict.)
_BEARINGS: Final = frozenset("""north south east west northeast northwest southeast southwest
    north-east north-west south-east south-west offshore inland""".split())


_PARTITIVE_PRONOUNS: Final = frozenset({"them", "those", "these"})


def noun_after(folded: str, end: int) -> str | None:
    """What is counted: the noun phrase right after the number ("600 VT-4 battle tanks"),
    on its line: the next line is another's unless it goes on in lower case (desk probe Q6:
    "Days on strike: 10" over "Containers stranded: 38,000" counted containers)."""
    window = folded[end:end + 60]
    brk = window.find("\n")
    if brk >= 0 and not window[brk + 1:].lstrip(" \t")[:1].islower():
        window = window[:brk]
    # (Six words at most: two read before the noun, four by _noun_of.)
    words = first_noun_words(window)
    if len(words) > 1 and words[0] in ("of", "in"):
        if words[0] == "in" and (words[1][:1].isupper()
                                 or words[1].lower().startswith(("mid-", "early", "late"))
                                 or words[1].lower() in ORDINAL_WORDS):
            # "$462.3 million in September", "in China", "710 in mid-March", "4.2% in early
            # trading", "$41.3m in second place": when or where, not what
            return None
        named = words[1].lower() if words[0] == "of" and words[1][:1].isupper() \
            and folded.endswith(("%", "cent"), 0, end) else None
        words = words[1:]  # "81 per cent of imports", "$2.1 billion in sales"
        if len(words) > 1 and words[0].lower() in _PARTITIVE_PRONOUNS \
                and window.lstrip().lower().startswith("of "):
            # "73 vehicles on its car deck, 15 of them lorries": the lorries (desk probe S:
            # a count of nothing, so 12 lorries / 15 lorries were corroborated on the 73)
            words = words[1:]
        noun = _noun_of(words)
        # "12% of Brightwell": a share of a whole named, not a count of it (desk probe R:
        # met no "12% of its shares"); "4% of Italian exports" counts exports, "41 million
        # tonnes of CO2" is of CO2.
        return None if noun is not None and noun == named else noun
    return _noun_of(words)


def first_noun_words(window: str) -> list[str]:
    """The first six words findall(qp.NOUN_WORD, window) finds: FIRST_NOUN_WORDS_RE's groups."""
    if not window.isascii():
        first = qp.FIRST_NOUN_WORDS_RE.match(window)
        return [w for w in first.groups() if w is not None] if first is not None else []
    # In ASCII text, read by code points: \w is [A-Za-z0-9_] there, and the pattern cost
    # ~10,000 instructions a window (tests/extract/test_speed55_numbers.py compares them).
    words: list[str] = []
    n = len(window)
    i = 0
    while i < n and len(words) < 6:
        c = ord(window[i])
        if c == 32:
            i += 1
        elif 97 <= c | 32 <= 122:  # a letter: the word goes on over [\w'-]
            j = i + 1
            while j < n and _word_goes_on(ord(window[j])):
                j += 1
            words.append(window[i:j])
            i = j
        elif 48 <= c <= 57:
            # An age group ("18-year-olds"), else no digit of the run opens a word: each
            # would need "-year-olds" right after the run.
            j = i + 1
            while j < n and 48 <= ord(window[j]) <= 57:
                j += 1
            k = j + 10
            if window.startswith("-year-olds", j) and (k == n or not _is_word(ord(window[k]))):
                words.append(window[i:k])
                j = k
            i = j
        else:
            if window[i] in ",.;:()-":
                words.append(window[i])
            i += 1
    return words


def _is_word(c: int) -> bool:
    """Whether the ASCII character of code point c is \\w: a letter, a digit or "_"."""
    return 97 <= c | 32 <= 122 or 48 <= c <= 57 or c == 95


def _word_goes_on(c: int) -> bool:
    """Whether the ASCII character of code point c goes on a word of NOUN_WORD ([\\w'-])."""
    return _is_word(c) or c == 39 or c == 45


# What quantity_patterns.LETTER_RE matches a word's first character with (a set: "" is none).
_ASCII_LETTERS: Final = frozenset(string.ascii_letters)


def _noun_of(words: list[str]) -> str | None:
    """The head noun of the words after a number."""
    phrase: list[str] = []
    for w in words[:4]:
        if w[:1] not in _ASCII_LETTERS and not w[:1].isdigit() or w.lower() in qp.NOUN_STOP:
            break  # (a word opening in a digit is an age group: NOUN_WORD)
        if phrase and len(w) > 4 and w[:1].islower() and w.endswith("ed"):
            break  # a verb after the noun: "one crew member suffered burns" counts no burns
        phrase.append(w)
    lower = next((k for k, w in enumerate(phrase) if w[:1].islower()), 0)
    if lower and all(w[:1].isupper() for w in phrase[:lower]):
        # A name qualifying what is counted: "200 Canadian Armed Forces personnel" counts
        # personnel (desk probe U: "canadian", never met "150 military personnel").
        phrase = phrase[lower:]
    if phrase and phrase[0].lower() in _BEARINGS:
        # "6 nautical miles north of Naxos" measures no "north" (desk probe S)
        phrase = phrase[1:]
    if not phrase:
        return None
    # The head noun is the last plural in the phrase ("Pakistani students study" -> students),
    # a fourth word only when it is the first plural ("18 Russian air defence systems": desk
    # probe L's noun was "defence").
    plurals = [w for w in phrase if w.lower() in qp.IRREGULAR_PLURALS
               or (w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3)]
    if plurals and plurals[-1] is phrase[-1] and len(phrase) == 4 and len(plurals) > 1:
        plurals.pop()  # "..., the three largest states' cities" keeps its first plural
    if plurals:
        noun = plurals[-1].lower().strip("'")
        after = phrase.index(plurals[-1]) + 1
        # "11 seats short of a majority", "two points clear": a margin, no tally of seats
        # or points ("won 21 seats": desk probe Y, a margin and a tally conflicted)
        margin = _MARGIN_SIDES.get(phrase[after].lower()) if after < len(phrase) else None
        return f"{margin} {noun}" if margin else noun  # the noun last: it is stemmed
    head = phrase[:3]
    margin = None
    while len(head) > 1 and (head[-1].lower().endswith("ed") or head[-1].lower() in _MARGINS):
        # "one person died", "one man arrested": the person, not the verb; "one point
        # clear": the point, a margin (as "two points clear" is)
        margin = _MARGIN_SIDES.get(head.pop().lower()) or margin
    noun = head[-1].lower().strip("'")
    return f"{margin} {noun}" if margin else noun


# "142 of the 300 seats", "142 out of 300 seats", "31 of its 57 seats": the noun is the
# part's, the total frames it.
_OF_TOTAL_RE: Final = rx.compile(r"\s+(?:out\s+)?of\s+(?:(?:the|all|its|their|his|her|our)\s+)?",
                                 re.IGNORECASE)


# "by 312 votes to 204", "from 40 stores to 52": the second count counts the first's noun.
_TO_RE: Final = rx.compile(r"\s+to\s+", re.IGNORECASE)


def tallies_joined(folded: str, found: list[Quantity]) -> list[Quantity]:
    """A count after "<count> <noun> to" without a noun of its own counts the same noun:
    the new level of a change ("from 40 stores to 52"), or the other side of a tally ("by
    312 votes to 204": votes against, so that the two sides are never each other's figure).
    Desk probe M: "rejected by 330 votes to 240" compared its 240 with nothing."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not (a.kind == b.kind == "count" and a.noun and not b.noun):
            continue
        after = a.end + 1 + len(a.noun) if folded.startswith(a.noun, a.end + 1) else a.end
        if _TO_RE.fullmatch(folded, after, b.start):
            change = from_before(folded, a.start)
            out[i] = b._replace(noun=a.noun if change else f"{a.noun} against")
    return out


def parts_of_totals(folded: str, found: list[Quantity]) -> list[Quantity]:
    """A count followed by "of (the) <total> <noun>" counts the noun; the total counts
    nothing of its own (a desk probe: "won 142 of the 300 seats" was "300 seats", an
    error-level conflict with "won 142 seats")."""
    out = list(found)
    for i in range(len(out) - 1):
        part, total = out[i], out[i + 1]
        if part.kind == total.kind == "count" and part.noun is None and total.noun \
                and _OF_TOTAL_RE.fullmatch(folded, part.end, total.start):
            out[i] = part._replace(noun=total.noun)
            out[i + 1] = total._replace(noun=None)
    return out


# A group by age (a desk probe: "aged 65 and over" was a count of 65 of nothing, "aged 18 to
# 24" a count of "fell").
# ... and "at the age of 87" (a desk probe: a count of nothing, which never met "aged 88").
AGED_BEFORE_RE: Final = rx.compile(r"(?=[a])\b(?:aged|ages|at\s+the\s+age\s+of)\s+(?:between\s+)?"
                                    r"(?:\d{1,3}\s*(?:to|and|-)\s*)?\Z", re.IGNORECASE)
# "the 26-year-old", "a 34-year-old man", "Rice, 24 years old": an age too (a desk probe: no
# figure, so "Vranjes, 24" was corroborated), in any of its spellings; not the age of a
# thing ("the 40-year-old record", "a 4,000-year-old tomb": a review), nor after a bound
# ("under 5 years old"), which the figure's own reading keeps.
_YEAR_OLD_RE: Final = rx.compile(r"(?<![\d,.])\b(?P<age>(?P<num>\d{1,3})[-\s]years?[-\s]old)\b(?!-)"
                                 r"(?:\s+(?P<next>[A-Za-z]+))?", re.IGNORECASE)
# The age of a find as a compound adjective, in thousands of years or more: "a 7,000-year-
# old village", "a 3.5 million-year-old skull". Not a shorter age, which describes the thing
# ("the 40-year-old record": a review kept no figure), nor a person's (`people_ages`).
THING_AGE_RE: Final = rx.compile(r"(?<![\d,.])\b(?P<age>(?:(?P<num>\d{1,3}(?:,\d{3})+|\d{4,})|"
                                 r"(?P<snum>\d+(?:\.\d+)?)[\s-](?P<scale>million|billion))"
                                 r"-years?-old)\b(?!-)", re.IGNORECASE)
_THING_AFTER_AGE: Final = frozenset("""record records law laws oak tree trees bridge church tomb
    tradition building company firm business house home car plane aircraft jet ship vessel
    boat bond mystery rule ban treaty agreement deal debate dispute feud rivalry case cases
    machine engine system network mine plant factory reactor pipeline road railway station
    school hospital institution brand franchise song film album book statue painting wine
    whisky fossil skeleton remains artefact artifact structure fleet mark""".split())


NAMED_RATIO_RE: Final = rx.compile(r"\b(hazard|odds|risk|rate)\s+ratio\s+(?:of\s+|was\s+|is\s+)?"
                                    r"(?:about\s+|around\s+)?\Z", re.IGNORECASE)
# The words before a label's number: "phase 3", "stage 4", "level 4" (each a desk probe's).
STAGE_ENDS: Final = tuple(f"{word} " for word in ("phase", "stage", "tier", "category", "grade",
                                                  "level"))
PLURAL_NEXT_RE: Final = rx.compile(r"\s+[a-z]{2,}s\b")
# ... of people: "the wolf population" is no people (a review).
POPULATION_BEFORE_RE: Final = rx.compile(
    r"(?:\b(?:the|its|their|a|total|whole|entire|national|world|global|prison|urban|rural|"
    r"adult|resident)|(?-i:\b[A-Z])[\w'\u2019.-]*|\w+(?:'s|\u2019s))\s+"
    r"population\s+(?:of\s+[\w'\u2019 -]{1,30}?\s+)?(?:was|is|stood\s+at|stands\s+at|"
    r"reached|rose\s+to|fell\s+to|grew\s+to|hit|of|topped|passed)\s+(?:about\s+|around\s+|"
    r"nearly\s+|almost\s+|some\s+|more\s+than\s+|over\s+)?\Z", re.IGNORECASE)
OR_MORE_RE: Final = rx.compile(r"\s+or\s+(?:(?P<more>more|higher|above|over|greater|older)|less|"
                                r"fewer|lower|below|under|younger)\b", re.IGNORECASE)
# ... any after "per" or "each" ("per pupil"), after "a"/"an" one of a closed list (a review:
# "$40 million a source told Reuters" was per source).
PER_THING_RE: Final = rx.compile(
    r"\s+(?:(?:per|each)\s+((?:square\s+|cubic\s+)?[a-z]+)|(?:a|an)\s+((?:square\s+|cubic\s+)?"
    r"(?:barrel|ounce|tonne|ton|share|week|month|year|day|hour|night|head|person|litre|liter|"
    r"gallon|kilo|kilogram|kg|unit|metre|meter|foot|mile|km|kilometre|kilometer|"
    r"megawatt-hour|mwh|kwh|ticket|seat|passenger|visit|game|match|season|episode|dose|pill|"
    r"pack|bottle|tablet|bushel|acre|hectare|pint|dozen|plate|pupil|household|child)))\b"
    r"(?!\s+(?:after|before|later|earlier|ago)\b)", re.IGNORECASE)

