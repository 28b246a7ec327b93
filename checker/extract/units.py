"""Claim units: a long sentence carrying several facts is split into clauses, each one
checkable on its own; each keeps the sentence it came from as its quote."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Final

from checker import rx
from checker.extract.stance import is_future, polarity
from checker.textutil import fold, matches

_SPLIT_RE: Final = rx.compile(
    r";\s+|,\s+(?:and|but|while|whereas),?\s+|\s+(?:while|whereas)\s+")
# _SPLIT_RE without its "while"/"whereas" branch, for a sentence with no "wh": the same
# matches, found twice as fast (a pattern opening with a class or whitespace is tried at
# every blank; this one only where a ";" or a "," is).
_PUNCT_SPLIT_RE: Final = rx.compile(r";\s+|,\s+(?:and|but|while|whereas),?\s+")
# A right-hand part that starts with a verb shares the left subject ("ITCN Asia is one of the
# largest expos, and is being used ..."): splitting would leave it without one.
# Irregular past forms: ", while no state or territory lost population" is a clause of its
# own (a desk probe: no verb, so its "no" made the whole sentence negative); ", and won the
# most votes" starts with one and shares the subject.
_IRREGULAR_PAST: Final = (r"lost|won|took|gave|saw|paid|sold|bought|left|led|held|kept|met|spent|"
                          r"built|began|became|went|came|got|found|told|brought|fought")
_SUBJECTLESS_RE: Final = rx.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|also|then|"
    rf"{_IRREGULAR_PAST})\b", re.IGNORECASE)
_VERB_RE: Final = rx.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|made|rose|fell|"
    rf"grew|said|says|{_IRREGULAR_PAST}|\w{{3,}}ed|\w{{3,}}s)\b",
    re.IGNORECASE,
)
# A right-hand part that starts with an amount continues a list ("..., some 200 LY-80s, and
# about 890 FN-6 missiles"): its plural noun is not a verb ...
_LIST_ITEM_RE: Final = rx.compile(
    r"(?:about|around|some|nearly|almost|roughly|more\s+than|over|up\s+to|at\s+least|"
    r"\d|\$|us\$|\u00a3|\u20ac)", re.IGNORECASE)
# ... unless a verb that is no plural follows: "..., and 14 workers died in the fire" is a
# fact of its own, outside the first clause's "never" (a desk probe: the whole sentence was
# read negative and "conflicted" with "Fourteen workers died in the fire").
# A past form right after the amount qualifies it ("200 armoured cars", "5 confirmed
# cases"); after a word, it is the verb ("300 people attended").
_ITEM_VERB_RE: Final = rx.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|died|rose|fell|grew|"
    r"remain(?:ed)?)\b|(?<=[a-z] )\w{3,}ed\b", re.IGNORECASE)
# "respectively" ties the clauses together; so does a list "between A, B, and C" (but not a
# closed "between 2019 and 2024, and ...").
# _LIST_BETWEEN_RE documents what _list_between finds; searched as such, each "between" scans
# to the next ";" and a sentence of thousands of them was quadratic (21 s for 140 KB).
_LIST_BETWEEN_RE: Final = rx.compile(r"\bbetween\s[^,;]*?,(?:[^,;]*,)*\s*and\b", re.IGNORECASE)
_BETWEEN_RE: Final = rx.compile(r"\bbetween\s", re.IGNORECASE)
_COMMA_AND_RE: Final = rx.compile(r",\s*and\b", re.IGNORECASE)
_CLOSED_BETWEEN_RE: Final = rx.compile(r"\bbetween\s[^,;]*?\band\b", re.IGNORECASE)
MIN_WORDS: Final = 5
# A plan joined to a stated fact by "and" shares its subject but not its modality:
# "Harrowgate opened 12 new stores in the quarter and plans to open about 40 more by the end
# of 2027" states the 12 stores (a desk probe: the whole sentence was read as planned, and
# "opened 14 new stores" conflicted with nothing). The plan is a unit of its own, planned,
# with its own figure and date; the fact keeps its subject. Split only where the left-hand
# part plans nothing itself.
# So is a plan told after the fact: "Erdogan declared a three-month state of emergency and
# said he would visit the region on Wednesday" declared it (a desk probe: read as planned,
# it was not compared with "declared a six-month state of emergency").
_PLANNED_AND_RE: Final = rx.compile(
    r",?\s+and\s+(?=(?:(?:plans?|planning|aims?|intends?|hopes?)\s+to|expects?|will|shall|"
    r"(?:is|are)\s+(?:set|due|expected|planning|preparing|going)\s+to|"
    r"(?:said|says|added|announced)\s+(?:that\s+)?(?:he|she|it|they|we)\s+"
    r"(?:would|will|plans?\s+to|intends?\s+to))\b)", re.IGNORECASE)


def claim_units(text: str, start: int, end: int,
                is_folded: bool = False) -> list[tuple[int, int]]:
    """Spans of the independent clauses of the sentence text[start:end]; `is_folded`: text
    is folded already (a folded document's sentences are not folded again)."""
    folded = text[start:end] if is_folded else fold(text[start:end])
    if '"' in folded or _tied(folded):
        return [(start, end)]
    cuts: list[tuple[int, int]] = []
    for m in _splits(folded):
        left = folded[cuts[-1][1] if cuts else 0:m.start()]
        right = folded[m.end():m.end() + 400]  # a clause is short; bounds pathological input
        if (_clause(left) and (_clause(_first_clause(right)) or _short_contrast(m, right))
                and not _SUBJECTLESS_RE.match(right) and not _list_item(right)):
            cuts.append((m.start(), m.end()))
    if ": " in folded:
        cuts = _colon_cuts(folded, cuts)
    if " and " in folded or ",and " in folded:
        cuts = _planned_cuts(folded, cuts)
    if not cuts:
        return [(start, end)]
    spans, begin = [], 0
    for a, b in cuts:
        spans.append((begin, a))
        begin = b
    spans.append((begin, len(folded)))
    return [(start + a, start + b) for a, b in spans]


def _splits(folded: str) -> Iterable[re.Match[str]]:
    """The matches of _SPLIT_RE in the sentence, in order."""
    # Every _SPLIT_RE match holds a ";", a "," or the "wh" of while/whereas (the pattern is
    # case-sensitive): a sentence with none of them (three in five in the bench corpus) is
    # not scanned, and one with no "wh" only where its punctuation is.
    if "wh" in folded:
        return matches(_SPLIT_RE, folded)
    return matches(_PUNCT_SPLIT_RE, folded) if ";" in folded or "," in folded else ()


# A clause a colon explains with another, in lower case: "Rents were not falling: average
# private rents rose 6.3% in the 12 months to February" (desk probe N: the whole claim was
# negative, and met "Private rents climbed 6.3%" as a polarity conflict). Not a label
# ("Results: ...") nor a telling ("He said: ...").
_COLON_RE: Final = rx.compile(r":\s+(?=[a-z])")
_COLON_LEFT_WORDS: Final = 3
# A verb of the right-hand clause, in lower case: "a 34-year-old man from Leeds" has none
# (a review: "Leeds" was the verb of `_VERB_RE`).
_LOWER_VERB_RE: Final = rx.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|made|rose|fell|grew|"
    rf"said|says|{_IRREGULAR_PAST}|[a-z]{{3,}}ed|[a-z]{{3,}}s)\b")


def _colon_cuts(folded: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts with those at a colon between two clauses added."""
    found = list(cuts)
    for m in _COLON_RE.finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in found):
            continue
        begin = max((b for a, b in found if b <= m.start()), default=0)
        words = folded[begin:m.start()].split()
        right = _first_clause(folded[m.end():m.end() + 400])
        if len(words) >= _COLON_LEFT_WORDS and _VERB_RE.search(" ".join(words[1:])) \
                and _clause(right) and _LOWER_VERB_RE.search(right):
            found.append((m.start(), m.end()))
    return sorted(found)


# What a party says or does next, joined to a denial by "and": "Castellan Labs did not admit
# wrongdoing and said it would appeal the verdict" denies the wrongdoing only; read whole it
# was negative, and "corroborated" "Castellan Labs will not appeal the verdict" (a desk
# probe). The telling is a unit of its own.
_TOLD_AND_RE: Final = rx.compile(
    r",?\s+and\s+(?=(?:said|says|added|announced|vowed|pledged|promised|insisted)\b)",
    re.IGNORECASE)


def _planned_cuts(folded: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cuts with those before a plan joined by "and" (_PLANNED_AND_RE) added, and
    before a telling joined to a denial (_TOLD_AND_RE)."""
    found = list(cuts)
    _add_and_cuts(_PLANNED_AND_RE, folded, found, lambda left: not is_future(left))
    _add_and_cuts(_TOLD_AND_RE, folded, found, lambda left: polarity(left) == "negative")
    return sorted(found)


def _add_and_cuts(pattern: re.Pattern[str], folded: str, found: list[tuple[int, int]],
                  left_ok: Callable[[str], bool]) -> None:
    """Cuts at the matches of pattern into found, where the clause left of the match is one
    (and left_ok) and at least three words follow."""
    for m in pattern.finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in found):
            continue  # a cut there already
        begin = max((b for a, b in found if b <= m.start()), default=0)
        left = folded[begin:m.start()]
        if _clause(left) and left_ok(left) and len(folded[m.end():].split()) >= 3:
            found.append((m.start(), m.end()))


def _tied(folded: str) -> bool:
    """Whether the sentence's clauses must stay together."""
    lower = folded.lower()
    if "respectively" in lower:
        return True
    # No "between" in the lower case text, no _BETWEEN_RE match: no character other than
    # the ASCII letters of "between" matches them under IGNORECASE (unlike i, s and k).
    at = _list_between(folded) if "between" in lower else None
    return at is not None and _CLOSED_BETWEEN_RE.match(folded, at) is None


def _list_between(folded: str) -> int | None:
    """Where _LIST_BETWEEN_RE.search(folded) starts, in linear time.

    The pattern matches at a "between" exactly when a ", and" starts after it (and its
    whitespace) before the next ";": all the commas in between can be the list's.
    """
    if "," not in folded:
        return None
    comma_ands: list[int] | None = None
    semicolons: list[int] = []
    for m in _BETWEEN_RE.finditer(folded):
        if comma_ands is None:
            comma_ands = [c.start() for c in _COMMA_AND_RE.finditer(folded)]
            semicolons = [i for i, ch in enumerate(folded) if ch == ";"] if ";" in folded else []
        i = bisect_left(comma_ands, m.end())
        if i == len(comma_ands):
            return None  # later "between"s start later still
        j = bisect_left(semicolons, m.end())
        if j == len(semicolons) or semicolons[j] >= comma_ands[i]:
            return m.start()
    return None


def _list_item(right: str) -> bool:
    """A right-hand part that continues a list of amounts rather than stating a fact."""
    return _LIST_ITEM_RE.match(right) is not None and \
        _ITEM_VERB_RE.search(_first_clause(right)) is None


# A short clause of a name, a verb and a figure: "Cordoba recorded 112F".
_SHORT_FACT_RE: Final = rx.compile(
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*\s+\w{3,}(?:ed|s)\s+\S*\d[^,;]*$")


def _short_contrast(m: re.Match[str], right: str) -> bool:
    """A contrast ("..., while Cordoba recorded 112F.") whose clause is too short for
    `_clause` but names its own subject and figure: a fact of its own (a desk probe: read
    with "Temperatures in Malaga reached 41C", Malaga's figure met Cordoba's on other pages)."""
    return ("while" in m.group() or "whereas" in m.group()) and \
        _SHORT_FACT_RE.match(_first_clause(right).rstrip(" .")) is not None


def _first_clause(text: str) -> str:
    m = _SPLIT_RE.search(text)
    return text[:m.start()] if m else text


def _clause(text: str) -> bool:
    """Enough words and a finite verb after a subject."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    return bool(_VERB_RE.search(" ".join(words[1:8])))
