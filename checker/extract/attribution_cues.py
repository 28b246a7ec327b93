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
# The patterns told by a verb after whitespace, and what stands right before that whitespace:
# the end of a source (a letter or digit, "_'.&)-": "the ministry said", "Acme Inc. said",
# "the WMO (WMO) said", "the bank has also said") or a comma ("Jamie Holt, managing
# director of Holt & Vance, said"). The verb is a whole word (\b or whitespace after it),
# lower case in the patterns without IGNORECASE. Per pattern of ATTRIBUTION_RES (its index):
# its verbs, and whether a comma stands before them (else the end of a source).
_TOLD_WORDS = frozenset("""said says told added noted stated announced wrote confirmed warned
    insisted argued explained reported""".split())
_SAY_WORDS = _TOLD_WORDS | frozenset("""claimed estimated show shows showed found tweeted posted
    denied denies""".split())
_THAT_WORDS = frozenset("""said says stated states noted notes added adds reported reports
    announced announces confirmed confirms claimed claims alleged alleges estimated estimates
    forecast forecasts predicted predicts projected projects cautioned cautions warned warns
    suggested suggests found finds showed shows concluded concludes argued argues insisted
    insists acknowledged acknowledges admitted admits""".split())
_OBJECT_WORDS = frozenset("forecast forecasts predicted predicts projected estimated estimates "
                          "estimate".split())
_CLOSING_WORDS = frozenset("""estimates estimated forecast forecasts predicted predicts projected
    projects cautioned cautions warned warns alleged alleges suggested suggests reported reports
    announced claimed claims concluded believes""".split())
_PLURAL_WORDS = frozenset("""say state note report announce confirm claim allege estimate predict
    project caution warn suggest find show conclude argue insist acknowledge admit""".split())
_TELLS_WORDS = frozenset("said says say told stated noted denied denies added".split()) \
    | _THAT_WORDS | _PLURAL_WORDS | _OBJECT_WORDS
TOLD_AFTER: Final[tuple[tuple[int, frozenset[str], bool], ...]] = (
    (2, _SAY_WORDS, True),
    (3, _SAY_WORDS | _THAT_WORDS | _OBJECT_WORDS, False),
    (4, frozenset("said says stated show shows noted found estimated added claimed".split())
     | _CLOSING_WORDS, False),
    (5, frozenset("said says told noted stated added".split()) | _CLOSING_WORDS | _THAT_WORDS,
     False),
    (6, _SAY_WORDS, True),
    (13, _TELLS_WORDS, False),
    (14, _TELLS_WORDS | _CLOSING_WORDS, False),
    (17, _TOLD_WORDS, True),
)
# Every verb of TOLD_AFTER.
TOLD_VERBS: Final = frozenset().union(*(verbs for _, verbs, _ in TOLD_AFTER))
# A bit above LEAD_BIT for each pattern of TOLD_AFTER (no substring sets it): attribution()
# sets it where one of its verbs stands as the pattern needs in an ASCII sentence; like
# LEAD_BIT, only in TRIED_NEEDS.
TOLD_BITS: Final = {i: LEAD_BIT << (k + 1) for k, (i, _, _) in enumerate(TOLD_AFTER)}
TRIED_NEEDS: Final = tuple(need | (LEAD_BIT if i in LEAD_INDEXES else 0) | TOLD_BITS.get(i, 0)
                           for i, need in enumerate(PATTERN_NEEDS))
# Per verb of TOLD_AFTER, the bits of its patterns told after the end of a source and of
# those told after a comma (a verb's bits found in a sentence are set in one look-up each).
TOLD_BITS_AFTER_SOURCE: Final = {verb: sum(TOLD_BITS[i] for i, verbs, comma in TOLD_AFTER
                                           if verb in verbs and not comma)
                                 for verb in TOLD_VERBS}
TOLD_BITS_AFTER_COMMA: Final = {verb: sum(TOLD_BITS[i] for i, verbs, comma in TOLD_AFTER
                                          if verb in verbs and comma)
                                for verb in TOLD_VERBS}
