"""Date patterns, most specific first: each name has a builder in date_rules."""

from __future__ import annotations

import re
from typing import Final

from checker import rx

_MONTH_NAMES: Final = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                       r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# The months' and weekdays' names, in order: patterns here read them in lower case, others
# (a dateline, a place after "said in") capitalised.
MONTHS: Final = ("january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december")
_MONTH_FULL: Final = "|".join(MONTHS)
_MONTH_ABBR: Final = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
# Only an abbreviation takes a period ("Jan. 17"); "in January." keeps its full stop.
# Not the Long March rockets: "the Long March 10 rocket" is no 10 March (a desk probe: a
# date conflict between two pages that named the rocket).
_MON: Final = rf"(?<!long\s)(?P<mon>(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBR})(?:\.|\b))"
_YEAR: Final = r"(?P<year>1[89]\d\d|20\d\d|2100)"
_REL: Final = r"(?P<rel>last|this|next)\s+year"
# A quarter by its number, or by the month it ends ("the June quarter", as Australian and
# Indian reports write it: a desk probe's 2.1% had no date).
_Q: Final = (r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
             r"|(?P<qm>march|june|september|december)\s+quarter)")
# "the first half of the year": the year of publication, as "this year".
_THE_YEAR: Final = (r"the\s+year(?!\s+(?:\d|(?:before|after|earlier|later|ago|prior|to|of|in|"
                    r"ending|ended|when|that|which)\b))")
_SEASONS: Final = "spring|summer|autumn|fall|winter"
_NO_YEAR_AFTER: Final = r"(?!\s*,?\s*\d{4})(?![.,]\d)"
_ORD: Final = r"(?:st|nd|rd|th)?"
_I: Final = re.IGNORECASE
# A capitalised word after a weekday that makes it a name: "the Sunday Herald", "The Sunday
# Times", "Monday Night Football" (desk probe S: "by the Sunday Herald three days ago" was
# the Sunday before publication). Case-sensitive inside case-insensitive patterns.
_TITLE_AFTER: Final = (r"(?-i:\s+(?:Herald|Times|Telegraph|Post|Mirror|Express|Mail|Star|Sun|"
                       r"Independent|Tribune|Observer|Journal|Age|World|Sport|People|Record|"
                       r"Business|Review|Magazine|Night|Morning|Edition|Politics|Brunch|Best)\b)")
WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                   "saturday": 5, "sunday": 6}
# The words between "not" and the bound it denies ("did not expect production to return to
# second-quarter levels until ..."): up to seven, none that starts another clause or a
# question ("whether ... until"). Read by stance (no negation) and dates (the other bound).
DENIED_WORDS: Final = r"(?:(?!whether\b|if\b|and\b|but\b|or\b)[a-z'-]+\s+){0,7}?"
# The quarter a month ends.
QUARTER_ENDING: Final = {"march": 1, "june": 2, "september": 3, "december": 4}
ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                   "4th": 4}
PARTS: Final = {"early": (1, 5), "mid": (4, 9), "late": (8, 12)}  # overlapping on purpose: vague
_FROM_BEFORE_RE: Final = rx.compile(r"\bfrom\s+\Z", re.IGNORECASE)


def from_before(text: str, at: int) -> bool:
    """Whether "from" ends right before `at`: the start of a change or a span ("from 40
    stores to 52", "from 1 July", "from March to June")."""
    return _FROM_BEFORE_RE.search(text, max(0, at - 6), at) is not None


# A 4-digit number that counts something is not a year: "about 2000 troops".
_COUNT_WORDS: Final = (r"about|around|over|more\s+than|less\s+than|some|nearly|almost|up\s+to|"
                       r"at\s+least|approximately|roughly|exactly|only|just|than|\$|#")
COUNT_BEFORE_RE: Final = rx.compile(rf"(?:{_COUNT_WORDS})\s*$", _I)
# The last words of COUNT_BEFORE_RE's alternatives ("than" of "more than"): a match ends in
# one and whitespace. Read off the alternatives, as quantity_patterns.MOD_LAST_WORDS is.
_COUNT_LAST_WORDS: Final = tuple(sorted({re.split(r"\\s\+", alt)[-1].replace("\\", "")
                                         for alt in _COUNT_WORDS.split("|")}))


def count_before(folded: str, start: int, end: int) -> bool:
    """Whether COUNT_BEFORE_RE.search(folded, start, end) matches; an ASCII window whose
    last word ends no alternative is answered without the search (IGNORECASE is lower())."""
    window = folded[start:end]
    if window.isascii() and not window.rstrip().lower().endswith(_COUNT_LAST_WORDS):
        return False
    return COUNT_BEFORE_RE.search(folded, start, end) is not None


# A telephone number counts nothing (desk probe M: "0800 046 7712" was three counts, "1800
# 903 215" the year 1800 and two counts): grouped digits after a trunk zero, a country
# code, or a free-phone prefix.
# ", when" after a date: what follows tells what was so then ("up 11.3% on September 2025,
# when 14,570 people were ..."), so a change's base named there dates its own figure
# (`dates._comparison_base` keeps it; `compare.dateslots.base_then` reads it so).
COMMA_WHEN_RE: Final = rx.compile(r"\s*,\s*when\b", re.IGNORECASE)
PHONE_RE: Final = rx.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?\d{1,5}(?:[\s-]\d{2,5}){1,3}|"
    r"\(?0\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}|1[3589]00[\s-]\d{3}[\s-]\d{3,4})(?![\w,]|\.\d)")


def may_hold_phone(sentence: str) -> bool:
    """A cheap necessary condition of PHONE_RE."""
    return "+" in sentence or "0" in sentence and (" 0" in sentence or "(0" in sentence
                                                   or sentence[:1] == "0") \
        or "00 " in sentence


# A year after a hedge or a comparison, where nothing counted follows, is the year: "launch
# Chang'e-8 around 2028", "warmer than 2024" (desk probe L: counts of 2028 and 2024). Not
# a round number ("about 2000." may count), nor "more than 2024 ..." of a noun.
_YEAR_ALONE_AFTER_RE: Final = rx.compile(
    r"\s*(?:[,.;:)]|\Z)|\s+(?:in|on|at|and|or|when|as|with|for|to|by|after|before|than|"
    r"while|but|according|levels?|figures?|records?|average)\b", _I)


# ... but a level reached is a count ("the toll rose to about 2013", "fell to roughly 1963
# in March": a review), and "more than" or "fewer than" compares counts.
_COUNTED_BEFORE_RE: Final = rx.compile(
    r"(?:\b(?:to|at|of|by|from|reached|totall?ed|numbered|hit|was|were|is|are)\s+\S+|"
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller)\s+than)\s*\Z", _I)


def counted_year(folded: str, start: int, end: int) -> bool:
    """Whether the year-like number folded[start:end] counts something ("about 2000 troops",
    "nearly 1850 people") rather than naming its year ("around 2028", "warmer than 2024")."""
    if COUNT_AFTER_RE.match(folded, end):
        return True
    if not count_before(folded, max(0, start - 20), start):
        return False
    return int(folded[start:end]) % 50 == 0 or not _YEAR_ALONE_AFTER_RE.match(folded, end) \
        or _COUNTED_BEFORE_RE.search(folded, max(0, start - 30), start) is not None


COUNT_AFTER_RE: Final = rx.compile(
    r"\s+(?:people|persons|troops|soldiers|students|employees|workers|units|jobs|cases|"
    r"deaths|tonnes|tons|km|kilometres|miles|metres|feet|hectares|acres|more|additional|"
    r"new|other|of\s+(?:the|them|these|those))\b", _I)

# A bare year: YEAR_PLAIN, with each branch of _YEAR starting with its digit and the \b
# before it read after it, as "no word character before this digit" (the engine skips to
# the 1s and 2s by itself; a leading \b or hint made it try every position). The same
# matches (tests/extract/test_regex_rewrites.py).
# ... nor a time of a zone: "at 2015 GMT" is 20:15 (a review: the year 2015).
_AFTER_YEAR: Final = (r"\b(?![-.,]?\d)(?!\s*(?:%|per\s*cent|million|billion|bn|m\b|"
                      r"(?:GMT|UTC|BST|CET|CEST|EDT|EST)\b))")
YEAR_PLAIN: Final = rf"(?=[12])\b{_YEAR}{_AFTER_YEAR}"
_YEAR_FIRST: Final = r"(?P<year>1(?<!\w1)[89]\d\d|2(?<!\w2)0\d\d|2(?<!\w2)100)"
# The same for a day of the month: r"(?=\d)\b(?P<day>\d{1,2})" as DAY_PLAIN, starting
# with the digit (the \b read after it), so the engine skips to the digits by itself.
DAY_PLAIN: Final = r"(?=\d)\b(?P<day>\d{1,2})"
_DAY_FIRST: Final = r"(?P<day>\d(?<!\w\d)\d?)"

_RAW_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", rx.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # "in the year to March", "the three months to June 2024", "the year ended 31 March
    # 2024": the months ending with that month (a day in it says no more).
    ("year_to", rx.compile(rf"\b(?:(?:in|over|during|for)\s+)?the\s+(?:(?P<n>\w+)\s+months|"
                           rf"(?P<unit>year|quarter))\s+(?:to|ending|ended|through)\s+"
                           rf"(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?(?:\d{{1,2}}{_ORD}\s+(?:of\s+)?)?"
                           rf"{_MON}(?:\s+\d{{1,2}}{_ORD}\b)?(?:,?\s+{_YEAR}\b)?", _I)),
    # Days of one month, as a range or a list: "11-12 November", "11 and 12 November 2025",
    # "11, 12 and 14 November", "November 11-12" (a desk probe: a count of 11 and the day
    # 12 November). The days from the first to the last; a list with gaps is split into its
    # days (date_days.listed_days). At most 13 listed: a long list of numbers is no date.
    ("day_range", rx.compile(rf"{_DAY_FIRST}{_ORD}(?:\s*,\s*\d{{1,2}}{_ORD}){{0,12}}\s*,?\s*"
                             rf"(?:-|to|and|&)\s*(?P<day2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON}"
                             rf"(?!\w)(?:,?\s+{_YEAR}\b)?", _I)),
    ("md_range", rx.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD}"
                            rf"(?:\s*,\s*\d{{1,2}}{_ORD}){{0,12}}\s*,?\s*(?:-|to|and|&|through)\s*(?P<day2>\d{{1,2}}){_ORD}\b"
                            # ... closing its phrase: not "on March 3 and 4 others were hurt"
                            rf"(?:,?\s+{_YEAR}\b|(?=\s*(?:[,.;:)]|\Z|\s+(?:in|at|on|when|"
                            rf"and|to|for|as|after|before|with|by|from|this|last|next)\b)))", _I)),
    ("mdy", rx.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD},?\s+{_YEAR}\b", _I)),
    ("dmy", rx.compile(rf"{_DAY_FIRST}{_ORD}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", _I)),
    ("half", rx.compile(rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+(?:of\s+)?"
                        rf"(?:(?:the\s+year\s+)?{_YEAR}|{_REL}|{_THE_YEAR})\b", _I)),
    ("half_label", rx.compile(rf"\bH(?P<hn>[12])\s+{_YEAR}\b")),
    # "the same period last year", "the same quarter a year earlier", "the same period of
    # 2025" (desk probe R: the whole of 2025): the sentence's period, a year before
    ("same_period", rx.compile(rf"\bthe\s+same\s+(?:period|time|quarter|month|months|half|"
                               rf"week|weekend)\s+(?:(?:of\s+|in\s+)?last\s+year|a\s+year\s+"
                               rf"(?:earlier|before|ago)|(?:of|in)\s+{_YEAR})\b", _I)),
    # "the first six months of 2026", "the first nine months of the year" (desk probe R:
    # the year alone, and "six months" a measure)
    ("first_months", rx.compile(rf"\b(?:the\s+)?first\s+(?P<n>\w+)\s+months\s+of\s+"
                                rf"(?:(?:the\s+year\s+)?{_YEAR}(?![-/\u2013]\d)|{_REL}|"
                                rf"{_THE_YEAR})\b", _I)),  # not "of 2025-26"
    ("between_months", rx.compile(rf"\bbetween\s+{_MON}\s+and\s+(?P<mon2>{_MONTH_NAMES})\b"
                                  rf"(?:\s+{_YEAR})?", _I)),
    # ... written tight too: "the April-December period" (desk probe N: no date, so its
    # nine months' profit met a year's and a quarter's)
    ("month_range", rx.compile(rf"\b{_MON}(?:\s+(?:to|through|until)\s+|\s*[-\u2013]\s*)"
                               rf"(?P<mon2>{_MONTH_NAMES})"
                               # "the July-September quarter of 2024" (a review: its year lost)
                               rf"\b(?:\s+(?:(?:quarter|period)\s+)?(?:of\s+)?{_YEAR}\b)?", _I)),
    ("my", rx.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", _I)),
    # A day "last year" or "next year": "on April 1 last year" (desk probe N: 1 April of the
    # year of publication, and a year beside it).
    ("md_rel", rx.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD}\s+{_REL}\b", _I)),
    ("dm_rel", rx.compile(rf"{_DAY_FIRST}{_ORD}\s+(?:of\s+)?{_MON}\s+{_REL}\b", _I)),
    ("m_rel", rx.compile(rf"\b{_MON}\s+{_REL}\b", _I)),
    ("md", rx.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}){_ORD}\b{_NO_YEAR_AFTER}", _I)),
    ("dm", rx.compile(rf"{_DAY_FIRST}{_ORD}\s+(?:of\s+)?{_MON}(?!\w){_NO_YEAR_AFTER}", _I)),
    ("q_year", rx.compile(rf"\b(?:the\s+)?{_Q}\s+(?:of\s+)?(?:{_YEAR}|{_REL}|{_THE_YEAR})\b",
                          _I)),
    # ... and as a statistics office writes it: "Quarter 1 2026" (desk probe Q: a year and
    # a name "Quarter 1 2026")
    ("qy", rx.compile(rf"\b(?:Q|[Qq]uarter\s+)(?P<qn>[1-4])(?:,?\s+|\s+of\s+|-|/)"
                      rf"(?:{_YEAR})\b")),
    ("q", rx.compile(rf"\b(?:the\s+)?{_Q}\b|\bQ(?P<qn>[1-4])\b", _I)),
    ("fiscal", rx.compile(r"\b(?:FY\s?)?(?P<y1>(?:19|20)\d\d)\s?[-/]\s?(?P<y2>\d\d)\b(?![-/]?\d)")),
    ("fy", rx.compile(r"\b(?:FY|[Ff]iscal(?:\s+[Yy]ear)?)\s?'?(?P<fy>(?:19|20)?\d\d)\b(?![-/]\d)")),
    ("between", rx.compile(r"\b(?:between|from)\s+(?P<y1>1[89]\d\d|20\d\d)\s+(?:and|to|until|-)"
                           r"\s+(?P<y2>1[89]\d\d|20\d\d)\b", _I)),
    ("year_range", rx.compile(r"\b(?P<y1>1[89]\d\d|20\d\d)\s?-\s?(?P<y2>1[89]\d\d|20\d\d)\b")),
    ("decade", rx.compile(r"\b(?P<since>since\s+)?(?:the\s+)?(?P<dec>1[89]\d0|20\d0)s\b", _I)),
    ("prev_period", rx.compile(r"\b(?:the\s+)?previous\s+(?P<n>\w+)-year\s+period\s+to\s+"
                               r"(?P<year>1[89]\d\d|20\d\d)\b", _I)),
    ("next_n", rx.compile(r"\b(?:over\s+|in\s+|for\s+|during\s+|within\s+)?the\s+(?:next|coming)"
                          r"\s+(?:(?P<n>\w+)\s+)?(?P<unit>years|decades?)\b", _I)),
    # "the past 12 months", "over the last two years", "in the past year" (not "the last
    # year of the war"); "the previous year" is a shift (prev_unit).
    ("past_n", rx.compile(r"\b(?:(?:in|over|during|for|within)\s+)?the\s+(?:(?:past|last|previous)"
                          r"\s+(?P<n>\w+)\s+(?P<unit>years|months|weeks|days|decades)|(?:past|last)"
                          r"\s+(?P<unit1>year|month|week|decade))\b(?!\s+of\b)", _I)),
    ("past_decade", rx.compile(r"\b(?:the\s+)?(?:past|last)\s+decade\b", _I)),
    # (?=[...]): the first letters of the words, so most positions are passed by one test.
    ("since", rx.compile(rf"(?=[abnsu])\b(?P<kw>since|until|by|before|after|no\s+"
                         rf"(?:earlier|sooner|later)\s+than)\s+(?:the\s+)?{_YEAR}\b", _I)),
    # A season: "summer 2024", "the spring of 2020", "last winter", "next spring", "in the
    # autumn" (a desk probe: "next spring" had no date). "a fall of 2024" is no season.
    ("season_year", rx.compile(rf"\b(?:the\s+)?(?<!\ba\s)(?P<season>{_SEASONS})\s+(?:of\s+)?"
                               rf"{_YEAR}\b(?!\s*[-/]\s*\d)", _I)),
    ("part", rx.compile(rf"\b(?P<part>early|mid|late)[\s-]+{_YEAR}\b", _I)),
    # "at the end of September" (a desk probe: no date) is the month, as "in September" is
    ("month_rel", rx.compile(rf"(?=[beilmnst])\b(?:in|last|this|next|since|by|early|late|mid|"
                             rf"end\s+of|start\s+of|beginning\s+of)(?:\s+|-){_MON}"
                             r"(?![\w])", _I)),
    ("season_rel", rx.compile(rf"\b(?P<rel>last|this|next|(?:in|during|over|throughout|since|"
                              rf"by|until)(?:\s+the)?)[\s-]+(?P<season>{_SEASONS})\b"
                              # "in the fall of the regime", "in the fall in prices"; not
                              # "this spring in Leeds" (it had no date); "last summer's"
                              # is the season
                              rf"(?!\s+of\b)(?!(?<=fall)\s+in\b)(?!-\w)(?!'(?!s\b)\w)", _I)),
    # A sports season, as "2024-25" is ("scored 31 goals last season": a desk probe's
    # figure had no date, and conflicted with one of 2023-24).
    ("sport_season", rx.compile(r"\b(?P<rel>last|this|next)\s+season\b", _I)),
    ("part_rel", rx.compile(r"\b(?P<part>early|mid|late)[\s-]+(?P<rel>last|this|next)\s+year\b",
                            _I)),
    # "the previous year", "the following month": a shift from another date of the sentence.
    ("prev_unit", rx.compile(r"\bthe\s+(?P<dir>previous|preceding|prior|following|next)\s+"
                             r"(?P<unit>year|month|week|day|decade)\b(?!\s+of\b)", _I)),
    ("rel_year", rx.compile(rf"\b{_REL}\b", _I)),
    ("rel_unit", rx.compile(r"\b(?P<which>last|this|next)\s+(?P<unit>month|week)\b", _I)),
    ("ago", rx.compile(r"\b(?P<n>\w+)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+ago\b",
                       _I)),
    # "a year earlier", "five years before", "the year before", "two years later".
    ("shift", rx.compile(r"\b(?:(?P<n>\w+)\s+)?(?P<unit>years?|months?|weeks?|days?|decades?)\s+"
                         r"(?P<dir>later|earlier|before|after|prior)\b", _I)),
    ("day_rel", rx.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", _I)),
    # The night before publication (date_relative._night says which "overnight" dates).
    ("night", rx.compile(r"\b(?P<word>overnight)\b|\b(?:in|over|during)\s+the\s+(?:past|last)"
                         r"\s+(?:24|twenty-four)\s+hours\b", _I)),
    # Not the weekday of a date written out: "on Saturday 15 November" is the 15th (a desk
    # probe: also the Saturday before publication, which met "Saturday 1 November"); nor a
    # newspaper's or a programme's name ("the Sunday Herald", `_TITLE_AFTER`).
    # "on Sunday World leaders gathered", "On Sunday Age UK warned": a day told with "on",
    # "last" or "next" is a day before any name (a review: dates lost).
    ("weekday", rx.compile(r"\b(?P<lead>on\s+|last\s+|next\s+)?(?P<wd>monday|tuesday|"
                           r"wednesday|thursday|friday|saturday|sunday)\b"
                           rf"(?!,?\s+(?:\d{{1,2}}{_ORD}\s+(?:of\s+)?(?:{_MONTH_NAMES})\b|"
                           rf"(?:{_MONTH_NAMES})\.?\s+\d))(?(lead)|(?!{_TITLE_AFTER}))", _I)),
    ("year", rx.compile(_YEAR_FIRST + _AFTER_YEAR)),
]

# The (?=...) prefixes of some patterns are necessary conditions that only make them faster.
# Cheap gates, read once per sentence: a pattern runs only when the sentence has a digit
# (if the pattern needs one) and one of the pattern's words (lower-cased substrings). These
# are necessary conditions, so the gates change the speed, never the result.
MONTH_STEMS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                      "dec")
_QUARTER_STEMS: Final = ("quarter", "q1", "q2", "q3", "q4")
_REL_YEARS: Final = ("last year", "next year", "this year")
_GATES: Final[dict[str, tuple[bool, tuple[str, ...]]]] = {
    "iso": (True, ("-",)), "mdy": (True, MONTH_STEMS), "dmy": (True, MONTH_STEMS),
    "day_range": (True, MONTH_STEMS), "md_range": (True, MONTH_STEMS),
    "half": (False, ("half",)), "half_label": (True, ("h1", "h2")),
    "first_months": (False, ("first",)), "same_period": (False, ("same",)),
    "between_months": (False, ("between",)),
    "month_range": (False, MONTH_STEMS), "my": (True, MONTH_STEMS),
    "m_rel": (False, MONTH_STEMS), "md": (True, MONTH_STEMS), "dm": (True, MONTH_STEMS),
    "md_rel": (True, _REL_YEARS), "dm_rel": (True, _REL_YEARS),
    "q_year": (False, ("quarter",)), "qy": (True, _QUARTER_STEMS),
    "q": (False, _QUARTER_STEMS), "fiscal": (True, ("-", "/")), "fy": (True, ("fy", "fiscal")),
    "between": (True, ("between", "from")), "year_range": (True, ("-",)),
    "decade": (True, ("0s",)), "prev_period": (True, ("previous",)),
    "next_n": (False, ("next", "coming")), "past_n": (False, ("past", "last", "previous")),
    "past_decade": (False, ("decade",)),
    "since": (True, ("since", "until", "by", "before", "after", " than")),
    "part": (True, ("early", "mid", "late")), "month_rel": (False, MONTH_STEMS),
    "part_rel": (False, ("early", "mid", "late")),
    "prev_unit": (False, ("previous", "preceding", "prior", "following", "next")),
    "year_to": (False, ("year", "month", "quarter")),
    "rel_year": (False, ("year",)), "rel_unit": (False, ("month", "week")),
    "ago": (False, ("ago",)),
    "shift": (False, ("later", "earlier", "before", "after", "prior")),
    "day_rel": (False, ("yesterday", "today", "tomorrow")), "weekday": (False, ("day",)),
    "night": (False, ("overnight", "hours")),
    "season_year": (True, ("spring", "summer", "autumn", "fall", "winter")),
    "season_rel": (False, ("spring", "summer", "autumn", "fall", "winter")),
    "sport_season": (False, ("season",)),
    "year": (True, ()),
}
# Where a month name starts. A leading character class lets the engine skip most positions
# at once; an alternation of 24 names behind \b is tried in full at every position.
MONTH_AT_RE: Final = rx.compile(rf"(?=[adfjmnos])\b{_MON}", _I)


def _month_at_lower() -> str:
    """MONTH_AT_RE for lower-case ASCII text, its names grouped by their first letter and
    each opening on that letter: "m(?<!\\wm)(?<!long\\s.)(?:(?:arch|ay)\\b|(?:ar)(?:\\.|\\b))".
    The lookbehinds read MONTH_AT_RE's \\b and "long " before the name from its second
    letter; names of one letter keep their order, so each start matches as far."""
    abbreviations = _MONTH_ABBR.split("|")
    branches = []
    for first in dict.fromkeys(name[0] for name in (*MONTHS, *abbreviations)):
        full = "|".join(name[1:] for name in MONTHS if name[0] == first)
        short = "|".join(name[1:] for name in abbreviations if name[0] == first)
        ends = ([rf"(?:{full})\b"] if full else []) + ([rf"(?:{short})(?:\.|\b)"] if short else [])
        branches.append(rf"{first}(?<!\w{first})(?<!long\s.)(?:{'|'.join(ends)})")
    return "|".join(branches)


# MONTH_AT_RE for lower-case ASCII text: there IGNORECASE changes no match, and without it
# the engine compares characters directly instead of lower-casing each (2x faster); opening
# on a letter of eight, the engine skips the others by itself, where the lookahead was tried
# at every position (tests/extract/test_speed53_numbers.py).
_MONTH_AT_LOWER_RE: Final = rx.compile(_month_at_lower())


def month_starts(folded: str, lower: str, start: int, stop: int) -> list[int]:
    """[m.start() for m in MONTH_AT_RE.finditer(folded, start, stop)], given
    lower = folded[start:stop].lower() (which find_dates has already)."""
    if not lower.isascii():
        return [m.start() for m in MONTH_AT_RE.finditer(folded, start, stop)]
    # Every name opens with one of the twelve stems: the pattern is tried only where one
    # is (str.find skips to it), not at each position as its scan did (~18,000
    # instructions a clause). No name can start inside another (a name starts a word, and
    # each of its characters follows a letter or is its full stop), so the places where it
    # matches are finditer's.
    found: list[int] = []
    for stem in MONTH_STEMS:
        at = lower.find(stem)
        while at >= 0:
            if _MONTH_AT_LOWER_RE.match(lower, at) is not None:
                found.append(start + at)
            at = lower.find(stem, at + 1)
    if len(found) > 1:
        found.sort()
    # The slice hides what stands before it from the pattern's look-behinds, which read
    # up to five characters back: a word it continues ("xmay") or "long " ("the Long
    # March"). A name found that close to the slice's start is read again in folded.
    if found and start > 0 and found[0] < start + _LOOK_BACK:
        found = [at for at in found if at >= start + _LOOK_BACK
                 or MONTH_AT_RE.match(folded, at, stop) is not None]
    return found


# How far before a name MONTH_AT_RE's look-behinds read: "long " and the name's first letter.
_LOOK_BACK: Final = 5


# Patterns that start with a month name: tried only where MONTH_AT_RE found one, anchored,
# instead of each scanning the sentence.
MONTH_FIRST: Final = frozenset({"mdy", "md_range", "month_range", "my", "m_rel", "md_rel", "md"})
# What each of them needs right after its month name (and full stop): bit 1 whitespace and
# a digit, but not three ASCII digits ("March 3"), 2 whitespace and a digit or "of" ("March
# of 2024"), 4 whitespace and l, t or n ("March last year"), 8 a dash, or whitespace and a
# dash, t or u ("March to May"). IGNORECASE reads no other letter as one of these. A month
# whose bits lack a pattern's is not tried by it (most were tried by all seven, each a match
# of ~5,000 instructions: tests/extract/test_speed53_numbers.py).
MONTH_FIRST_NEEDS: Final = {"mdy": 1, "md_range": 1, "md": 1, "md_rel": 1, "my": 2, "m_rel": 4,
                            "month_range": 8}


def month_follows(folded: str, months: list[int], stop: int) -> list[tuple[int, int]]:
    """Each month name's start in `months`, with the bits of MONTH_FIRST_NEEDS that what
    follows it in folded[:stop] sets."""
    out: list[tuple[int, int]] = []
    for at in months:
        end = at  # past the name's letters (any: IGNORECASE reads "\u017f" as "s") and "."
        while end < stop and (folded[end].isalpha() or folded[end] == "."):
            end += 1
        after = end
        while after < stop and folded[after].isspace():
            after += 1
        first = folded[after].lower() if after < stop else ""
        bits = 0
        if after > end:
            if first.isdigit():
                # A day is one or two digits: three ASCII ones ("March 2024") are a year,
                # after which no pattern of bit 1 can match (three did, ~6,000 each).
                run = after
                while run < after + 3 and run < stop and 48 <= ord(folded[run]) <= 57:
                    run += 1
                bits = 2 if run == after + 3 else 3
            elif folded[after:min(after + 2, stop)].lower() == "of":
                bits = 2
            if first in ("l", "t", "n"):
                bits |= 4
            if first in ("t", "u", "-", "\u2013"):
                bits |= 8
        elif first in ("-", "\u2013"):
            bits = 8
        out.append((at, bits))
    return out


# Patterns whose matches start with a year's first two digits ("18", "19", "20" or "21":
# _YEAR_FIRST's; year_range's own years open on one of the first three): tried only where
# year_starts finds them, anchored.
YEAR_ANCHORED: Final = frozenset({"year", "year_range"})


def year_starts(folded: str, start: int, stop: int) -> list[int]:
    """Where in folded[start:stop] a year's first two digits stand with two characters
    after them: the only places a pattern of YEAR_ANCHORED can start a match."""
    # Each pair found by str.find (a fast search in C), where a scan for the pattern's first
    # digit, a finditer's set-up and a match object per match cost ~3,000 instructions more
    # a clause (and a loop over the characters' codes, ~30 instructions each, 4,000).
    out: list[int] = []
    last = stop - 4  # the last start with two characters after the pair
    for pair in _YEAR_PAIRS:
        at = folded.find(pair, start, stop)
        while 0 <= at <= last:
            out.append(at)
            at = folded.find(pair, at + 1, stop)
    if len(out) > 1:
        out.sort()
    return out


_YEAR_PAIRS: Final = ("18", "19", "20", "21")


# Patterns with a month name somewhere (after a space or a hyphen, so at a word start).
NEEDS_MONTH = MONTH_FIRST | {"day_range", "dmy", "dm_rel", "dm", "month_rel", "between_months",
                             "year_to"}
PATTERNS: Final[list[tuple[str, re.Pattern[str], bool, tuple[str, ...]]]] = [
    (name, pattern, *_GATES[name]) for name, pattern in _RAW_PATTERNS
]
