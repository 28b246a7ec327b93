"""Cue words of the attribution patterns (attribution_patterns.ATTRIBUTION_RES): a sentence
without one of them has no attribution, and each pattern is tried only where its cues
occur."""

from __future__ import annotations

from typing import Final

from checker.extract.attribution_patterns import LEAD_INDEXES
from checker.extract.gates import Gates

ATTRIBUTION_STEMS: Final = (
    "accord", "said", "says", "told", "added", "noted", "stated", "report", "announc", "wrote",
    "confirm", "claim", "estimat", "show", "found", "explain", "warn", "insist", "argu",
    "tweet", "post", "citing", "quoting", "based on", "denie", "state", "note", "adds",
    "forecast", "predict", "project", "caution", "alleg", "suggest", "finds", "conclud",
    "acknowledg", "admit", "believe", "say", "find",
)
_SAY_CUES = ("said", "says", "told", "added", "noted", "stated", "reported", "announced", "wrote",
             "confirmed", "claimed", "estimated", "show", "found", "explained", "warned",
             "insisted", "argued", "tweeted", "posted", "denied", "denies")
_COMMA: Final = (",",)
# The heads of attribution_patterns._HEADS (each holds one), and "data".
_SOURCE_NOUNS = ("statement", "ministr", "release", "report", "spokes", "embass", "agenc",
                 "compan", "government", "office", "bureau", "official", "department",
                 "authorit", "commission", "police", "army", "military", "source", "data",
                 "article", "paper", "stud", "survey", "analys", "expert", "bank", "opposition",
                 "fund", "institute", "council", "court", "committee", "union", "party",
                 "regulator", "researcher", "scientist", "economist", "group", "firm", "board",
                 "organi", "watchdog", "prosecutor", "investigator", "minister", "president",
                 "governor", "mayor", "administration", "campaigner", "critic", "activist",
                 "lawyer", "doctor", "forecaster", "poll", "review", "audit", "assessment",
                 "team", "service", "association", "federation", "author", "journal", "airline",
                 "insurer", "lender", "operator", "staff", "command", "agent", "broker",
                 "dealer", "organi", "trader", "witness", "diplomat", "rescuer", "figures",
                 "statistic")
# The verbs of attribution_patterns._THAT_VERBS, _OBJECT_VERBS and _CLOSING_VERBS (each holds one).
_VERBS = ("said", "says", "stated", "states", "noted", "notes", "added", "adds", "report",
          "announc", "confirm", "claim", "alleg", "estimat", "forecast", "predict", "project",
          "caution", "warn", "suggest", "found", "finds", "show", "conclud", "argu", "insist",
          "acknowledg", "admit", "believe", "say", "state", "note", "find", "argu", "denie")
_TITLES = ("chief", "minister", "president", "spokes", "director", "chair", "governor", "ceo",
           "analyst", "professor", "commander", "inspector", "superintendent", "secretary",
           "mayor", "senator", "coach", "manager", "officer", "captain", "economist",
           "executive", "founder", "editor", "strategist", "head", "leader", "partner",
           "judge", "prosecutor", "scientist", "researcher", "pilot", "advis", "official",
           "colonel", "commissioner", "chancellor", "ambassador", "skipper")
# Per pattern of ATTRIBUTION_RES, in order: groups of substrings such that every match holds
# one of each group (in lower case), so a pattern is tried only where it can match. For
# ASCII sentences only: under IGNORECASE a few other characters match ("\u017f" is an "s"),
# which lower() keeps.
PATTERN_CUES: Final[tuple[tuple[tuple[str, ...], ...], ...]] = (
    (("according",),),
    ((",", '"'), ("said", "says", "told", "added", "noted", "stated", "wrote")),
    (_COMMA, _SAY_CUES),
    (_SAY_CUES + _VERBS,),
    ((",", '"'), _SOURCE_NOUNS, _VERBS),
    ((",", '"'), ("told",) + _VERBS),
    (_COMMA, _SAY_CUES),
    (_TITLES, _SAY_CUES),
    ((",", '"'), ("people", "persons"), ("said", "say", "told")),
    (("show",),),
    (("said", "says", "told", "added", "noted"),),
    (("citing", "quoting"),),
    (("based",),),
    (_SOURCE_NOUNS, ("told",) + _VERBS),
    ((",", ";", ":", '"', "-"), _SOURCE_NOUNS, ("told",) + _VERBS),
    (("data", "figures", "statistics"), ("show",)),
    (("data", "figures", "statistics"), ("show",)),
    (_COMMA, _SOURCE_NOUNS, _SAY_CUES),
    ((",", '"'), ("said", "says", "added", "noted", "wrote"), _TITLES),
)


def _gate_bits() -> tuple[Gates, tuple[int, ...]]:
    """The Gates of the groups (bit 0: ATTRIBUTION_STEMS) and each pattern's bits."""
    groups: list[tuple[str, ...]] = [ATTRIBUTION_STEMS]
    needs = []
    for cues in PATTERN_CUES:
        need = 0
        for group in cues:
            if group not in groups:
                groups.append(group)
            need |= 1 << groups.index(group)
        needs.append(need)
    return Gates(groups), tuple(needs)


GATES, PATTERN_NEEDS = _gate_bits()
# The words of attribution_patterns' titles (_TITLE_WORDS: "chief executive", "minister",
# "spokeswoman", ...), all of them. A title pattern matches a title between whitespace (or
# the sentence's start, a quote) and whitespace, so in an ASCII sentence one of these is a
# word of cues.tokens wherever one matches: a sentence without one, though a title's
# substring occurs ("head" of "ahead", "chair" of "chairs"), tries neither pattern.
TITLE_WORDS: Final = frozenset("""chief executive economist prime finance minister president
    spokesperson spokesman spokeswoman director chair chairman chairwoman governor ceo analyst
    professor commander inspector superintendent secretary mayor senator coach manager officer
    captain founder editor strategist head leader partner judge prosecutor scientist
    researcher pilot adviser advisor official colonel commissioner chancellor ambassador
    skipper""".split())
# The bit of GATES for the titles' substrings: the title patterns', and only theirs.
TITLE_BIT: Final = 1 << GATES.groups.index(_TITLES)
# The pronouns of the pattern "he said", "they told" (\b before them, whitespace after): in
# an ASCII sentence without an apostrophe (where "o'he" is one token) one is a word of
# cues.tokens wherever it matches. A bit above GATES' (no substring sets it): attribution()
# sets it where a pronoun may be told, and the pattern needs it.
PRONOUNS: Final = frozenset({"he", "she", "they"})
PRONOUN_BIT: Final = 1 << len(GATES.groups)
PATTERN_NEEDS = tuple(need | PRONOUN_BIT if i == 10 else need
                      for i, need in enumerate(PATTERN_NEEDS))
# The bit of GATES for the heads' substrings: the four patterns of a source's head
# (attribution_patterns.HEAD_WORDS), and only theirs.
SOURCE_BIT: Final = 1 << GATES.groups.index(_SOURCE_NOUNS)
# A bit above those (no substring sets it): attribution() sets it where a head is one of
# the sentence's first six words (attribution_patterns.LEAD_INDEXES need it); like the
# pronoun's, it is not in PATTERN_NEEDS (what the substrings gate), only in TRIED_NEEDS.
LEAD_BIT: Final = PRONOUN_BIT << 1
TRIED_NEEDS: Final = tuple(need | LEAD_BIT if i in LEAD_INDEXES else need
                           for i, need in enumerate(PATTERN_NEEDS))
