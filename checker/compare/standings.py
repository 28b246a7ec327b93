"""Where a claim ranks something among others, told in words: "the world's largest wheat
exporter" is first, "the world's second-largest" second; "for the third consecutive
quarter" is a third. Two claims that rank one thing, among the same others and over the
same span, differently disagree (desk probe Q: "largest" / "second-largest" and "third" /
"second consecutive" rise were corroborations, the shared superlative a specific word in
common). A ranking is the superlative with the noun it ranks and its scope (the owner
before it: "the world's", "Europe's"); "largest reserves" and "second-largest producer",
"Europe's largest" and "the world's second-largest", "the largest since 2019" and "the
second-largest on record" are two rankings (a review)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from checker import rx
from checker.nlp import word_stem
from checker.normclaim import NormClaim

_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)"
# Words after a superlative that end what it ranks: prepositions, conjunctions, adverbs.
_NOT_RANKED = ("since|on|in|of|for|ever|to|at|by|and|or|with|after|before|this|last|as|than|"
               "behind|ahead|among|from|into|over|under|within|across|during|worldwide|"
               "globally|yet|so|but|is|was|are|were|has|had|have|will|would|which|that|who")
# "most" and the word it makes a superlative of: "the most active volcano" / "the second
# most active" (desk probe Q3: no ranking, and the pair corroborated), "most populous".
_SUPERLATIVE = (r"largest|biggest|greatest|highest|lowest|smallest|busiest|richest|poorest|"
                r"oldest|youngest|longest|shortest|fastest|slowest|deadliest|hottest|coldest|"
                r"wettest|driest|warmest|coolest|mildest|sunniest|snowiest|windiest|stormiest|"
                r"costliest|strongest|weakest|worst|best[- ]selling|"
                rf"most\s+(?!(?:{_NOT_RANKED})\b)[a-z][\w-]*")
_WORD = r"[A-Za-z][\w-]*"
# A superlative after a determiner or an owner ("the", "its", "the world's"), with the
# ordinal before it when it is no first ("second-largest", "third biggest"), the words it
# ranks after it (up to three, to a preposition or a clause's end) and the span after them
# ("since 2019", "on record", "ever"); a sequence's place ("the third consecutive quarter").
_STANDING_RE = rx.compile(
    rf"\b(?P<owner>the|its|their|his|her|{_WORD}['\u2019]s)\s+(?:(?P<ord>{_ORDINAL})[- ]?)?"
    rf"(?P<sup>{_SUPERLATIVE})\b(?P<ranked>(?:\s+(?!(?:{_NOT_RANKED})\b)[a-z][\w-]*){{0,3}})"
    rf"(?P<span>\s+(?:since\s+\S+|on\s+record|ever|in\s+(?:history|\S+\s+years?)))?|"
    rf"\b(?P<seq_ord>first|{_ORDINAL})\s+(?:consecutive|straight|successive|back-to-back)"
    rf"(?P<seq_of>(?:\s+[a-z][\w-]*){{0,2}})", re.IGNORECASE)


# A place told after a copula, first included: "Orla was the second named storm of the
# season" ranks Orla among the season's named storms, and "the first" is another place
# (desk probe Y: "first" was no word of the frame, and the pair corroborated). What it
# ranks ends at a preposition, its span is what follows ("of the season"; "to sign": the
# first country to sign is no second one to ratify).
_PLACE_RE = rx.compile(
    rf"\b(?:is|was|are|were|became|becomes|remains|remained)\s+"
    rf"(?P<owner>the|its|their|{_WORD}['\u2019]s)\s+(?P<ord>first|{_ORDINAL})\s+"
    rf"(?P<ranked>(?!(?:{_NOT_RANKED})\b)[a-z][\w-]*(?:\s+(?!(?:{_NOT_RANKED})\b)[a-z][\w-]*)"
    rf"{{0,2}})(?P<span>\s+(?:(?:of|in|since)\s+(?:the\s+|this\s+|its\s+)?|to\s+)[\w'-]+)?",
    re.IGNORECASE)
_PLACE_CUE_RE = rx.compile(rf"\b(?:first|{_ORDINAL})\b", re.IGNORECASE)
# A place in a sequence of one kind of event over a span: "its third cut this year", "the
# bank's second rise since May" (desk probe Q5: "its third cut this year" / "its second cut
# this year" corroborated, the rest of the two sentences agreeing). Not a period or a
# part ("its first quarter", "the second half", "the third day"), each its own fact.
_PERIOD_WORDS = ("quarter|half|day|week|month|year|season|round|leg|stage|game|match|time|"
                 "term|period|phase|wave|set|innings|minute|hour|night|edition")
_SEQUENCE_RE = rx.compile(
    rf"\b(?:the|its|their|his|her|{_WORD}['\u2019]s)\s+(?P<ord>first|{_ORDINAL})\s+"
    rf"(?P<ranked>(?!(?:{_NOT_RANKED}|{_PERIOD_WORDS})s?\b)[a-z][\w-]*)"
    rf"(?P<span>\s+(?:(?:so\s+far\s+)?this\s+(?:year|month|week|season|decade)|"
    rf"since\s+[\w'-]+(?:\s+\d{{4}})?|of\s+the\s+(?:year|season|month)))\b", re.IGNORECASE)


class Standing(NamedTuple):
    """A place in a ranking, the words that tell it, and what ranks it (scope and span)."""

    place: int
    told: str
    scope: str
    span: str
    # What holds the place, when a copula names it right after: "The most common side
    # effect was dizziness" (the stem of its first word; "" when not told).
    holder: str = ""


def _place(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    if word == "first":
        return 1
    return _ORDINALS.get(word) or int(word[:-2])


def _stems(words: str) -> str:
    return " ".join(word_stem(w) for w in words.lower().split())


def standings(text: str) -> dict[tuple[str, str], Standing]:
    """Each ranking by (superlative, what it ranks), or ("consecutive", what is counted):
    {("largest", "wheat export"): Standing(2, "second-largest", "world's", "")}."""
    out: dict[tuple[str, str], Standing] = {}
    for m in _STANDING_RE.finditer(text):
        if m.group("sup"):
            sup = " ".join(m.group("sup").lower().replace("-", " ").split())
            begin = m.start("ord") if m.group("ord") else m.start("sup")
            owner = m.group("owner").lower()
            key = (_SAME.get(sup, sup), _stems(m.group("ranked")))
            held = _HOLDER_RE.match(text, m.end())
            out.setdefault(key, Standing(
                _place(m.group("ord")), text[begin:m.end("sup")],
                "" if owner in ("the", "its", "their", "his", "her") else owner,
                " ".join((m.group("span") or "").lower().split()),
                word_stem(held.group("holder").lower()) if held else ""))
        else:
            key = ("consecutive", _stems(m.group("seq_of")))
            out.setdefault(key, Standing(_place(m.group("seq_ord")),
                                         m.group(0)[:m.start("seq_of") - m.start()], "", ""))
    for m in _PLACE_RE.finditer(text) if _PLACE_CUE_RE.search(text) else ():
        owner = m.group("owner").lower()
        out.setdefault(("place", _stems(m.group("ranked"))), Standing(
            _place(m.group("ord")), m.group("ord"),
            "" if owner in ("the", "its", "their") else owner,
            " ".join((m.group("span") or "").lower().split())))
    for m in _SEQUENCE_RE.finditer(text) if _PLACE_CUE_RE.search(text) else ():
        out.setdefault(("sequence", _stems(m.group("ranked"))), Standing(
            _place(m.group("ord")), m.group("ord"), "",
            " ".join(m.group("span").lower().split())))
    return out


# A copula and the first word of what holds the place: "The most common side effect was
# dizziness", "Its biggest market is China".
_HOLDER_RE = rx.compile(r"\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?(?P<holder>[A-Za-z][\w-]*)",
                        re.IGNORECASE)


# Superlatives news copy uses for one another.
_SAME = {"biggest": "largest"}


def standings_of(text: str) -> dict[tuple[str, str], Standing]:
    """`standings`, after a cheap test (most claims have none; read once a claim,
    `facts.ClaimFacts`, not once a pair)."""
    if text.isascii() and not _maybe_cued(text.lower()):
        return {}
    return standings(text) if _CUE_RE.search(text) or _PLACE_CUE_RE.search(text) else {}


def _maybe_cued(low: str) -> bool:
    """Whether an ASCII text, lower-cased, may hold a cue of `_CUE_RE` or `_PLACE_CUE_RE`:
    their words as substrings, in C (the two case-blind searches tried every alternative at
    every place of every claim, 9 us a claim; `standings` finds nothing without a cue, so a
    text without these words has no standings). An ASCII letter matches its other case
    alone under IGNORECASE, so lower-casing loses no cue."""
    return "est" in low or "most" in low or "consecutive" in low or "straight" in low \
        or "successive" in low or "back-to-back" in low or "first" in low \
        or "second" in low or "third" in low or "fourth" in low or "fifth" in low \
        or "sixth" in low or "seventh" in low or "eighth" in low or "ninth" in low \
        or "tenth" in low or _DIGIT_ORDINAL_RE.search(low) is not None


# The digits of an ordinal ("3rd", "21st"), lower-cased: `_ORDINAL`'s, without its bounds.
_DIGIT_ORDINAL_RE = rx.compile(r"\d(?:st|nd|rd|th)")


def standings_clash(a: str, b: str) -> list[tuple[str, str]]:
    """The places two texts give one ranking differently (`rankings_clash`)."""
    return rankings_clash(standings_of(a), standings_of(b))


def rankings_clash(sa: dict[tuple[str, str], Standing],
                   sb: dict[tuple[str, str], Standing]) -> list[tuple[str, str]]:
    """The places two claims' standings give one ranking differently, as (a's words, b's
    words): the same superlative of the same words, in the same scope (an owner named on
    both sides alike, or on one side only) and over the same span; or one place held by two
    things ("The most common side effect was dizziness" / "... was nausea": desk probe Q6, a
    planted conflict corroborated on the 12 per cent both gave)."""
    if not sa or not sb:
        return []  # most pairs
    out = []
    for key in sorted(sa.keys() & sb.keys()):
        x, y = sa[key], sb[key]
        if x.span == y.span and (x.scope == y.scope or not x.scope or not y.scope) and (
                x.place != y.place or (x.holder and y.holder and x.holder != y.holder)):
            out.append((x.told if x.place != y.place else f"{x.told} {x.holder}",
                        y.told if x.place != y.place else f"{y.told} {y.holder}"))
    return out


# A cheap first test: a superlative's ending, "most", or a sequence word.
_CUE_RE = rx.compile(r"est\b|\bmost\b|consecutive|straight|successive|back-to-back",
                     re.IGNORECASE)


# Sessions of a meeting, each with its own order: "finished 3rd in qualifying" / "finished
# 5th in the race" are two results (a review: an error-level conflict).
_SESSIONS = frozenset(word_stem(w) for w in """qualifying qualifier practice sprint race heat
    heats semi-final semi-finals semifinal quarter-final quarterfinal final prologue
    shootout""".split())
_UP, _DOWN = word_stem("increase"), word_stem("decrease")


def places_read_apart(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """Disagreeing places that are two readings: reached by moves in opposite directions
    ("Chelsea climbed to 2nd" on Saturday / "Chelsea dropped to 3rd" on Sunday: a review,
    an error), or of two sessions ("in qualifying" / "in the race")."""
    ranks_a = {q.text for q in a.quantities if q.kind == "rank"}
    ranks_b = {q.text for q in b.quantities if q.kind == "rank"} if ranks_a else set()
    if not any(x in ranks_a and y in ranks_b for x, y in pairs):
        return False
    up_a, up_b = _UP in a.tokens, _UP in b.tokens
    down_a, down_b = _DOWN in a.tokens, _DOWN in b.tokens
    if (up_a and not down_a and down_b and not up_b) or (down_a and not up_a and up_b
                                                          and not down_b):
        return True
    sa, sb = _SESSIONS & a.tokens, _SESSIONS & b.tokens
    return bool(sa) and bool(sb) and sa.isdisjoint(sb)
