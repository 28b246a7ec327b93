"""The patterns of quantities: numbers with what is written around them, number words,
vague amounts, ranks, and what is not a quantity (dates, times, model names)."""

from __future__ import annotations

import re
from typing import Final

from checker import rx
from checker.currencies import ISO_CODES
from checker.extract.gates import Gates
from checker.extract.quantity_shares import CUES as SHARE_CUES
from checker.extract.quantity_words import (
    APPROX,
    CUR,
    LOWER,
    NUM,
    NUM_TAIL,
    RATIOS,
    SCALE,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT,
    UNIT_WORDS,
    UPPER,
    WORD_NUMBERS,
    by_first_char,
    first_chars,
)

# The number comes first in every pattern: the engine skips quickly to the next digit. The
# currency and the modifier written before it are read backwards from there (quantity_hits.Hit).
# A leading (?=[...]) lookahead (the possible first characters) changes no match: it lets the
# engine reject most positions at once, where IGNORECASE alone makes it try every branch;
# a leading class does better still (NUMBER_RE).
# No scale or unit starts with whitespace: the whitespace before one is taken whole (\s*+),
# where a scale or unit that failed after it was tried again before each space given back.
_AFTER_NUMBER: Final = (rf"(?:\s?-\s?(?P<cur2>{CUR})?(?P<num2>{NUM}))?"
                        rf"(?:\s*+(?P<scale>{SCALE})\b)?"
                        rf"(?:\s*+(?P<unit>{UNIT})(?!\w))?")
NUMBER_PLAIN: Final = rf"(?=\d)(?P<num>{NUM}){_AFTER_NUMBER}"
# NUMBER_PLAIN with the first digit outside NUM's branches: the pattern starts with a class
# (no hint), and the engine skips from digit to digit in C rather than trying the hint at
# each position (a third less time; the same matches, tests/extract/test_regex_rewrites.py).
NUMBER_RE: Final = rx.compile(rf"(?P<num>\d(?:{NUM_TAIL})){_AFTER_NUMBER}", re.IGNORECASE)
# ... for an ASCII window: \d is [0-9] there, which the engine tests by a range, where \d
# looks each character up in Unicode's tables (quantities.find_quantities; the same matches
# in ASCII text, tests/extract/test_speed56_numbers.py).
NUMBER_ASCII_RE: Final = rx.compile(NUMBER_RE.pattern.replace(r"[\d", "[0-9")
                                    .replace(r"\d", "[0-9]"), re.IGNORECASE)
CUR_BEFORE_RE: Final = rx.compile(rf"(?:{CUR})\Z", re.IGNORECASE)
# ... its dollars alone: in an ASCII window whose last character (but one whitespace) is "$",
# no other branch can end there (quantity_hits.currency_before).
DOLLAR_BEFORE_RE: Final = rx.compile(
    r"(?:US\$|U\.S\.\s?\$|A\$|C\$|HK\$|S\$|NZ\$|\$)\s?\Z", re.IGNORECASE)
# ... and the words of its other branches, lower-cased: in an ASCII window a match ends in
# one of them (then a full stop, a whitespace, or both).
CUR_WORDS: Final = frozenset(("rs", "re", "tk", "taka", "pkr", "usd", "eur", "gbp", "inr",
                              "rmb", "cny", "jpy", *(code.lower() for code in ISO_CODES)))
# A second figure after "to" whose unit is written once, after it: "1.0 billion to 1.05
# billion pounds", "from 5 to 7 per cent" (the first figure's unit is the same).
TO_FIGURE_RE: Final = rx.compile(r"\s+to\s+" + NUMBER_PLAIN, re.IGNORECASE)
MOD_BEFORE_RE: Final = rx.compile(rf"(?=[{first_chars(f'{APPROX}|{LOWER}|{UPPER}')}])\b"
                                  rf"(?:{APPROX}|{LOWER}|{UPPER})\s+\Z", re.IGNORECASE)
# The last words of MOD_BEFORE_RE's modifiers ("than" of "more than"): a match ends in one of
# them and the whitespace up to the number, so an ASCII window whose last word is none of
# them cannot match (in ASCII text IGNORECASE is lower()).
MOD_LAST_WORDS: Final = tuple(sorted({re.split(r"\\s\+", alt)[-1].replace("\\.", ".")
                                      for alt in f"{APPROX}|{LOWER}|{UPPER}".split("|")}))
# ... read word by word: the modifiers of one word ("about", "~"), and for each last word of
# the longer ones the words before it ("than": "more", "less", ...). A match in a lower-case
# ASCII window ends in a word that ends with one of the first, or in a last word of the
# longer ones after a word that ends with one before it (quantity_hits.modifier_before).
_MOD_WORDS: Final = [[w.replace("\\.", ".") for w in re.split(r"\\s\+", alt)]
                     for alt in f"{APPROX}|{LOWER}|{UPPER}".split("|")]
MOD_ONE_WORDS: Final = tuple(sorted({words[0] for words in _MOD_WORDS if len(words) == 1}))
MOD_WORDS_BEFORE: Final = {last: tuple(sorted({words[-2] for words in _MOD_WORDS
                                               if len(words) > 1 and words[-1] == last}))
                           for last in {words[-1] for words in _MOD_WORDS if len(words) > 1}}
# "between 5 and 10 per cent": one range, its unit written once, on either side.
# (A temperature written against its numbers is a range too: "between 1.4C and 1.9C above
# pre-industrial levels" was two figures in desk probe L.)
BETWEEN_RE: Final = rx.compile(
    rf"(?=b)\bbetween\s+(?P<cur>{CUR})?(?P<num>{NUM})(?:\s*(?P<scale>{SCALE})\b)?"
    rf"(?:(?P<deg>(?-i:[CF]))(?!\w)|\s*(?P<unit>{UNIT})(?!\w))?\s+and\s+(?P<cur2>{CUR})?"
    rf"(?P<num2>{NUM})(?:\s*(?P<scale2>{SCALE})\b)?"
    rf"(?:(?P<deg2>(?-i:[CF]))(?!\w)|\s*(?P<unit2>{UNIT})(?!\w))?",
    re.IGNORECASE,
)
# by_first_char: the words grouped by first letter (the same matches, fewer branches tried).
VAGUE_RE: Final = rx.compile(
    r"(?=[thdmb])\b(?P<vague>" + by_first_char(
               r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
               r"hundreds\s+of\s+millions|tens\s+of\s+billions|hundreds\s+of\s+billions|"
               "dozens|hundreds|thousands|millions|billions|" r"tens(?=\s+of\b)")
    + r")\b(?=\s+of\b|\s+\w)",
    re.IGNORECASE)
RATIO_RE: Final = rx.compile(
    r"(?=[dtqhf])\b(?P<ratio>" + by_first_char("|".join(RATIOS)) + r")\b", re.IGNORECASE)
# A multiple: "2.3 times higher", "three times as many", "2.5-fold" (not "visited 5 times").
TIMES_AFTER_RE: Final = rx.compile(
    r"-?fold\b|\s+times(?=\s+(?:higher|more|larger|bigger|greater|lower|smaller|faster|"
    r"slower|longer|as|the|that|what|its|their)\b)", re.IGNORECASE)
# An earthquake's size: "magnitude 6.8", "a 6.8-magnitude quake", "magnitude-7.4".
# ... and "had a magnitude of 6.3" (a desk probe: a count of nothing, so 6.3 never met the
# 6.8 of "magnitude 6.8").
MAGNITUDE_BEFORE_RE: Final = rx.compile(r"\bmagnitude[\s-]\Z|\ba\s+magnitude\s+of\s+\Z",
                                        re.IGNORECASE)  # not "the magnitude of 300,000 job losses"
MAGNITUDE_AFTER_RE: Final = rx.compile(r"-magnitude\b", re.IGNORECASE)
# ... and a bare figure a quake "measured" or "registered" ("The strongest aftershock
# measured 5.1": desk probe Z, a count of nothing, so it never met "measured 5.7").
MEASURED_BEFORE_RE: Final = rx.compile(r"\b(?:measur|register)(?:ed|ing)\s+(?:a\s+)?\Z",
                                       re.IGNORECASE)
QUAKE_RE: Final = rx.compile(r"\b(?:earthquakes?|quakes?|aftershocks?|tremors?|temblors?|"
                             r"foreshocks?)\b", re.IGNORECASE)
# A temperature written against the figure, a capital C or F as news copy writes it:
# "44.6C (112.3F)", "below 28C" (not "5c", a cent; not "5CF", a model). The highest value
# each scale can take on Earth keeps sums and counts out ("300C missions").
TEMPERATURE_AFTER_RE: Final = rx.compile(r"[CF](?![\w'\u2019]|[.-]\w)")
TEMPERATURE_LIMITS: Final = {"C": 60.0, "F": 140.0}
# Words after which a number and a capital letter label a thing: "class 6C", "row 12F".
LABEL_BEFORE_RE: Final = rx.compile(
    r"\b(?:class|form|grade|year|row|seat|gate|flat|floor|room|platform|unit|block|"
    r"section|level|bay|stand|terminal|apartment|suite|route|bus|vitamin|no\.?)\s+\Z",
    re.IGNORECASE)
# Pence written against the figure: "310p", "12.5p." (not "5 p.m.", "1080p").
PENCE_AFTER_RE: Final = rx.compile(r"p(?![\w'\u2019]|\.m\b|\.\w)")
# A number written out, compounds whole (a desk probe: "Twenty-three people" was 3,
# "forty-five percent" 5 %): tens and units hyphenated or spaced ("twenty-one", "ninety
# nine"), hundreds ("a hundred", "one hundred and twenty"). A bare "one" is no figure ("one
# of them"); before a scale word it is ("one million").
_TOLL_ONES = (r"person|civilian|man|woman|child|boy|girl|baby|soldier|officer|policeman|"
              r"worker|passenger|patient|resident|student|journalist|migrant|pilot|firefighter|"
              r"climber|tourist|hostage|prisoner|miner|fisherman|driver|pedestrian|cyclist|"
              r"crew\s+member|crewman|employee|nurse|doctor|guard|spectator|protester|"
              r"teenager|pensioner|motorist|sailor|diver|hiker|rider")
# ... what befell it ("One person is allowed per household", "One man was the driver" count
# nothing: a review)
_TOLL_FATES = (r"(?:died|drowned|(?:was|is|has\s+been|had\s+been)\s+(?:(?:later|also|reported|"
               r"confirmed)\s+)?(?:killed|injured|wounded|hurt|arrested|detained|rescued|shot|"
               r"stabbed|missing|hospitali[sz]ed|taken\s+to\s+hospital|treated|evacuated|"
               r"charged|jailed|kidnapped|abducted|dead|still\s+missing|in\s+hospital)|"
               r"remains?\s+(?:missing|in\s+hospital)|has\s+died|"
               # "one crew member suffered burns to his hands" (desk probe S: no figure)
               r"suffered\s+(?:minor\s+|serious\s+|severe\s+|head\s+)?(?:burns|injuries|"
               r"wounds|cuts|a\s+broken))\b")
_SMALL_WORDS: Final = rf"(?:(?:{TENS_WORDS})(?:[-\s](?:{UNIT_WORDS}))?|{TEEN_WORDS}|{UNIT_WORDS})"
_WRITTEN = (rf"a\s+dozen|(?:a|{UNIT_WORDS})\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS})?|"
            rf"a\s+thousand|one(?=\s+(?:thousand|million|billion|trillion)\b)|"
            # ... and so is one of a toll ("one civilian was killed": desk probe L, no figure,
            # so "two were injured" was the only one)
            rf"one(?=\s+(?:{_TOLL_ONES})\s+{_TOLL_FATES})|"
            # ... and so is one of a margin or a lead ("one point clear", "won by one
            # goal", "by one percentage point": "three points clear" corroborated "one
            # point clear" in a review, the one no figure), not "at one point"
            rf"(?<![Aa]t\s)one(?=\s+(?:percentage\s+)?points?\s+(?:clear|ahead|behind|adrift|short|"
            rf"higher|lower|above|below)\b)|one(?=\s+percentage\s+point)|"
            rf"(?<=\bby\s)one(?=\s+(?:point|goal|vote|seat|run|wicket|stroke|shot|length)\b)|"
            rf"(?!one\b){_SMALL_WORDS}")
WORD_NUMBER_RE: Final = rx.compile(
    rf"(?=[atfseno])\b(?P<word>{_WRITTEN})\b(?!-)"
    # Followed by a word, or closing a clause ("the toll stands at four."): quantity_spelled
    # keeps a closing one only after a verb of level (`LEVEL_BEFORE_RE`).
    rf"(?:\s(?P<wscale>{SCALE})\b)?(?=\s+\w|[.,;](?:\s|$))",
    re.IGNORECASE,
)
# A duration written as a compound adjective before what lasts it: "a five-year contract",
# "a 24-hour strike", "a three-month state of emergency" (a desk probe: "five-year" and
# "four-year" contracts of one signing, compound adjectives, were no figures). Only before
# the nouns of things that run for a term: "a 10-year bond", "a 52-week high", "the first
# five-year plan" and "the 24-year-old" name things or ages, not how long they last.
DURATION_UNITS: Final = ("hour", "day", "week", "month", "year")
DURATION_NOUNS: Final = (
    "contract|deal|agreement|extension|lease|loan|term|sentence|ban|suspension|strike|"
    "walkout|stoppage|shutdown|lockdown|curfew|ceasefire|truce|moratorium|freeze|state|"
    "closure|halt|pause|mission|tour|trial|delay|window")
DURATION_ADJ_RE: Final = rx.compile(
    rf"\b(?P<num>\d{{1,3}}|{_SMALL_WORDS})-(?P<unit>{'|'.join(DURATION_UNITS)})(?:-long)?"
    rf"[ \t]+(?:[a-z]+[ \t]+)?(?P<noun>{DURATION_NOUNS})\b", re.IGNORECASE)
# ... and the seconds or minutes of a race, a penalty or a walk: "a five-second penalty", "a
# 12.6-second lead", "a 10-minute delay" (desk probe P: no figure, so a five-second and a
# ten-second penalty corroborated).
SHORT_DURATION_ADJ_RE: Final = rx.compile(
    rf"\b(?P<num>\d{{1,3}}(?:\.\d+)?|{_SMALL_WORDS})-(?P<unit>second|minute)[ \t]+"
    r"(?P<noun>[a-z][a-z-]+)\b", re.IGNORECASE)
# ... and a length, a mass or an area written so before what it measures: "the 2,794-metre
# runway", "a 40-foot section", "a 3.5-tonne truck" (desk probe Q: no figure, so the
# runway's sentence scored under the threshold); and a screen's or a camera's: "a 6.7-inch
# screen", "a 200-megapixel sensor" (desk probe Z: no figure, so "a 17cm screen" met none).
MEASURE_ADJ_UNITS: Final = ("metre", "meter", "kilometre", "kilometer", "km", "mile", "foot", "ft",
                            "tonne", "ton", "kilogram", "kg", "litre", "liter", "hectare", "acre",
                            "cm", "mm", "inch", "megapixel", "gram")
MEASURE_ADJ_RE: Final = rx.compile(
    rf"\b(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_SMALL_WORDS})-"
    rf"(?P<unit>{'|'.join(MEASURE_ADJ_UNITS)})[ \t]+(?P<noun>[a-z][a-z-]+)\b", re.IGNORECASE)
# A vote's tally, a hyphen between its sides, where a vote is named: "voted by a majority of
# 6-3", "split 6-3", "The vote was 6-3", "a 5-4 vote" (a desk probe: no figures, so a
# committee's split told two ways went unseen). Not a score ("won 2-1"), nor "4-3-3".
_TALLY: Final = r"(?P<{0}>\d{{1,3}})\s?[-\u2013]\s?(?P<{1}>\d{{1,3}})(?![-\u2013]?\d)"
TALLY_RE: Final = rx.compile(
    r"\b(?:(?:voted|votes?|voting|split)(?:\s+by(?:\s+a\s+majority\s+of)?)?|majority\s+of|"
    r"(?:vote|decision|ruling)\s+(?:was|is))\s+" + _TALLY.format("a", "b")
    + r"|\b(?<![-\u2013\d])" + _TALLY.format("a2", "b2")
    + r"\s+(?:vote|majority|decision|ruling|split)\b", re.IGNORECASE)
# A word each match of TALLY_RE holds, lower-cased ("vot" of "voted", "votes", "vote"): in
# ASCII text IGNORECASE reads no other letters as theirs (quantities.GATES, bit 16).
TALLY_CUES: Final = ("vot", "split", "majority", "decision", "ruling")
# The unit after a number word, read as after digits: "seven years" is a measure like
# "7 years", "five per cent" a percentage (a probe: "seven years" was a count of nothing).
WORD_UNIT_AFTER_RE: Final = rx.compile(rf"\s(?P<unit>{UNIT})(?!\w)", re.IGNORECASE)
# "six and a half years": a half more than the word says (desk probe Q2: a count of six,
# which never met "6.5 years").
AND_A_HALF_RE: Final = rx.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
# "stands at four.", "rose to seven,", "reached nine.": a level, not "one of four."
LEVEL_BEFORE_RE: Final = rx.compile(
    r"\b(?:stands?|stood|rose|risen|climbed|reached|fell|fallen|dropped|jumped|increased|"
    r"decreased|is\s+now|was\s+now)(?:\s+(?:at|to))?\s+\Z", re.IGNORECASE)
VAGUE_STEMS: Final = ("dozens", "hundreds", "thousands", "millions", "billions", "tens of")
RATIO_STEMS: Final = tuple(RATIOS)
NUMBER_WORDS: Final = frozenset(w.split()[-1] for w in WORD_NUMBERS)
# The words WORD_NUMBER_RE's number opens with or holds ("a dozen", "one", "forty"): a match
# in an ASCII text holds one as a token; "million" and "billion" follow only "one".
WRITTEN_WORDS: Final = NUMBER_WORDS - {"million", "billion"}
ORDINAL_RE = rx.compile(r"(?=[N\d])\b(?:No\.?\s?(?P<no>\d+)\b|(?P<ord>\d+)(?:st|nd|rd|th)\b)")
# An ordinal of an era: "20th-century art", "the 19th century" (desk probe S: a rank).
CENTURY_AFTER_RE: Final = rx.compile(r"[-\s]+centur(?:y|ies)\b", re.IGNORECASE)
# What an ordinal ranks, from a closed list: "the 87th minute" and "the 78th minute" of one
# goal disagree, while "his 50th goal" and "the 20th anniversary" name different things
# (a rank with no noun is never compared: `compare.figures.aligned`).
RANK_NOUN_RE: Final = rx.compile(r"[ \t]+(minute|place|position|spot|seed|lap|hole)s?\b",
                                 re.IGNORECASE)
# Numbers that belong to dates and times, never quantities: "2025-02-30", "3/4/2024", "10:30".
NOT_QUANTITY_RE: Final = rx.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"
)
# A provision's number counts nothing either: "Section 4(2)", "new clause 9", "Article 6"
# (desk probe M: counts of 2 and 9).
PROVISION_RE: Final = rx.compile(
    r"(?=[acps])\b(?:section|clause|article|schedule|paragraph|subsection|amendment|chapter|part)"
    r"\s+\d+[a-z]?(?:\s?\(\d+[a-z]?\))*", re.IGNORECASE)
PROVISION_WORDS: Final = ("section", "clause", "article", "schedule", "paragraph", "amendment",
                          "chapter", "part")

# A reporting period's months before its fiscal year count nothing: "9M FY26", "the 9MFY26
# results" (desk probe N: a count of 9,000,000).
PERIOD_MONTHS_RE: Final = rx.compile(r"\b(?:3|6|9|12)M(?=\s?FY)")
# The word before a count of the first or last of its things: "his first five overs".
SEQUENCE_WORDS: Final = ("first", "last", "opening", "final", "past", "next")
SEQUENCE_BEFORE_RE: Final = rx.compile(rf"\b({'|'.join(SEQUENCE_WORDS)})\s+\Z", re.IGNORECASE)
# ... as whole words of a lower-case sentence: without one no figure is read so
SEQUENCE_CUES: Final = tuple(f" {w} " for w in SEQUENCE_WORDS)
# A tennis match's sets, two or more ("won 6-4, 3-6, 7-6 (7-4)", "6-3 6-2"): games of each
# set, no ranges (desk probe P: "3-6" a count between 3 and 6).
# Its first digit is matched before the lookbehind (the same test, of the character before
# it): the engine skips from digit to digit, where a lookbehind first was tried at every
# position (tests/extract/test_speed55_numbers.py).
SET_SCORES_RE: Final = rx.compile(
    r"[0-7](?<![\w.-][0-7])-[0-7](?:\s*\(\d{1,2}-\d{1,2}\))?"
    r"(?:,?\s+[0-7]-[0-7](?:\s*\(\d{1,2}-\d{1,2}\))?)+(?![\w-])")
# A flight level is an altitude in hundreds of feet: "cruising at FL350" (desk probe N: a
# name "FL350" and no figure).
FLIGHT_LEVEL_RE: Final = rx.compile(r"\bFL\s?(?P<level>\d{2,3})\b")
FLIGHT_LEVEL_FEET: Final = 100

# A tolerance is no figure of its own: "a margin of error of 3 points", "\u00b13 points",
# "plus or minus 2%" (a desk probe: a count of 3 points, which met a lead of 4 points).
MARGIN_RE: Final = rx.compile(
    r"(?:\u00b1|\+/-|\bplus\s+or\s+minus\s+|\bmargin\s+of\s+error\s+(?:is\s+|was\s+|of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+)?(?:\u00b1|\+/-|plus\s+or\s+minus\s+)?)\s*\d[\d.]*"
    r"(?:\s*(?:%|per\s*cent\b|percentage\s+points?\b|points?\b|pp\b))?", re.IGNORECASE)
DIGIT_RE: Final = rx.compile(r"\d")
# A name and a comma before an age in commas: "Babiš, 72, said" (quantity_digits._is_age),
# or a relative clause telling it: "Pell, who is 63, lives in Harrogate" (desk probe Z: a
# count of nothing, so no restatement of "Pell, 63, lives in Harrogate").
AGE_BEFORE_RE: Final = rx.compile(
    r"\b(?P<name>[A-Z][^\W\d_]*),[ \t](?:who[ \t]+(?:is|was|turned|turns)[ \t]+)?\Z")
# Substrings (of the lower-cased sentence) one of which every match holds, read in one pass:
# bit 0 ORDINAL_RE, 1 NOT_QUANTITY_RE, 2 BETWEEN_RE, 3 VAGUE_RE, 4 RATIO_RE. The first three
# count on \d being [0-9]: they hold for ASCII sentences only.
_DIGITS: Final = "0123456789"
GATES: Final = Gates((
    ("no", *(d + s for d in _DIGITS for s in ("st", "nd", "rd", "th"))),
    tuple(d + c for d in _DIGITS for c in "-/:"),
    ("between",),
    VAGUE_STEMS,
    RATIO_STEMS,
    SHARE_CUES,  # 32: "a third of", "one in five" (quantity_shares)
))
# Forced on in other text: there IGNORECASE lets "\u0131" match "i" ("third", "one in"),
# "\u017f" "s" ("hundreds", "twice": bits 3 and 4 were not, and "Hundred\u017f of people"
# found nothing where "Hundreds of people" found a figure).
ASCII_ONLY_GATES: Final = 0b111111
# A letter right after a number that ends a word: "GJ 486b", "Article 6b", "Kepler-452b".
NAME_SUFFIX_RE: Final = rx.compile(r"[a-z](?![\w'])", re.IGNORECASE)
TIME_AFTER: Final = rx.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.|gmt|utc|hrs)(?!\w)", re.IGNORECASE)
ANAPHORIC_BEFORE: Final = rx.compile(r"\b(?:the|these|those|both|all|its|their|his|her|our)\s+$",
                                      re.IGNORECASE)
# Compiled once here rather than per call in the readers of figures.
LETTER_RE: Final = rx.compile(r"[A-Za-z]")
FOUR_DIGITS_RE: Final = rx.compile(r"\d{4}")
# A word of what a number counts, a mark (",", "(") or an age group ("271,590 UK
# 18-year-olds": the noun was "uk"). Its letters are taken possessively: nothing after a
# word in FIRST_NOUN_WORDS_RE can fail.
NOUN_WORD: Final = r"\d+-year-olds\b|[A-Za-z][\w'-]*+|[,.;:()\-]"
# What findall(NOUN_WORD) passes over: characters no word starts with, and digits of no
# age group, as a run of the first (one class: the engine's quick loop), then each digit
# with the run after it. Possessive: a word ends the run where findall would take it.
_NOT_NOUN_START: Final = r"[^\dA-Za-z,.;:()\-]*+"
_NO_NOUN_WORD: Final = rf"{_NOT_NOUN_START}(?:\d(?!\d*-year-olds\b){_NOT_NOUN_START})*+"


def _first_words(n: int) -> str:
    """A pattern matching anywhere whose groups are the first n words findall(NOUN_WORD)
    finds (None past the last)."""
    # Each word possessively optional: what follows one (words, or the end) always matches,
    # so nothing is given back, and the engine keeps no record to give it back by
    # (FIRST_NOUN_WORDS_RE 13,500 -> 9,500 instructions a match; the same groups:
    # tests/extract/test_speed54_numbers.py).
    inner = ""
    for _ in range(n):
        inner = rf"(?:{_NO_NOUN_WORD}({NOUN_WORD}){inner})?+"
    return inner


# The six words noun_after reads at most, in one match: findall cost ~1,000 instructions
# a word of its 60 characters (tests/extract/test_speed53_numbers.py).
FIRST_NOUN_WORDS_RE: Final = rx.compile(_first_words(6))
CAPITAL_BEFORE: Final = rx.compile(r"\b[A-Za-z]*[A-Z][\w']*\s$")
CAPITAL_AFTER_RE: Final = rx.compile(r"[ \t]+[A-Z]")
# Capitalised words that start sentences or modify numbers rather than name products.
NOT_NAMES: Final = frozenset(
    """
    in on at by since from to and the of with about around over some only all nearly almost
    than top between until for just roughly approximately another up under below above
    exactly more less fewer these those its their his her our last first next was were is
    are has had have but as if when while after before during each every including among
    """.split()
)
IRREGULAR_PLURALS: Final = frozenset(
    "people children men women staff police personnel troops cattle data media".split())
NOUN_STOP: Final = frozenset(
    """
    a an the of in on at by for to from with and or but as than that which who is are was
    were be been has have had will would this these those its their his her it its last
    year years month months week weeks day days since between during after before per
    respectively compared same into onto over under across through toward towards among via
    within amid about around against up down out off so far next
    remains remain rises falls stays stands continues says
    thereafter afterwards afterward later earlier ago ahead apart each every not never
    beyond past beneath along
    if unless should whether them combined worldwide domestically
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
    tomorrow overnight
    found made took won lost paid got held kept spent sold told became came went gave began
    ran grew drew fled sent bought brought fought stood
    """.split()  # past tenses no -ed ends: "29,500 students found places" counts students
# ("on-year", "month-on-month" stay nouns: they tell a year's change from a month's, and a
# review found "rose 0.4% month-on-month" / "rose 3.4% year-on-year" a false conflict
# without them.)
) | {w for w in WORD_NUMBERS if " " not in w}  # "2.6% three months ago" counts no "three"
