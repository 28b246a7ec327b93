"""A level and a change of it: "A newly qualified nurse is paid £29,970 a year" and "a 3.6
per cent rise would be worth around £1,300 a year" are sums of one kind and noun, and no
answers to one question (desk probe U: an error-level conflict). What a change is worth,
told as such, is the change's size; two changes' worths still conflict. So are a figure told
as a change ("up 40 percent", "opened 14 new stores") and one told as a level, in a claim
of no change ("79 per cent of children have had both doses", "has 820 stores": desk probe
X, four error-level conflicts)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from checker import rx
from checker.normclaim import NormClaim

# A change, then up to eight words, then "worth" (and a hedge) right before the figure:
# "a 3.6 per cent rise would be worth around", "the increase, worth", "a pay offer worth".
_WORTH_OF_CHANGE_RE = rx.compile(
    r"\b(?:rise|rises|increase|increases|raise|raises|cut|cuts|hike|uplift|award|offer|"
    r"boost|bonus)\b(?:[ \t,]+[\w'\u2019-]+){0,8}?[ \t,]+worth[ \t]+(?:about[ \t]+|around"
    r"[ \t]+|roughly[ \t]+|some[ \t]+|up[ \t]+to[ \t]+|an[ \t]+(?:extra|additional)[ \t]+)?\Z",
    re.IGNORECASE)


def _changes(c: NormClaim) -> set[str]:
    """The texts of the claim's sums told as what a change is worth (most claims: none)."""
    if "worth" not in c.text:
        return set()
    out = set()
    for q in c.quantities:
        at = c.text.find(q.text)
        if q.kind == "money" and at > 0 and _WORTH_OF_CHANGE_RE.search(
                c.text, max(0, at - 100), at):
            out.add(q.text)
    return out


def level_and_change(a: NormClaim, b: NormClaim, pairs: Sequence[tuple[str, str]]) -> bool:
    """A disagreeing pair of sums of which one is what a change is worth and the other not,
    or of shares or counts of which one is a change and the other a level."""
    ca, cb = _changes(a), _changes(b)
    if (ca or cb) and any((x in ca) != (y in cb) for x, y in pairs):
        return True
    return any((_changed_by(a, x) and _level(b, y)) or (_changed_by(b, y) and _level(a, x))
               for x, y in pairs)


# The verbs and adverbs of a change right before its size ("rose 3.1 per cent", "up 40
# percent", "increased by about 5%", "opened 14", "closed six"): not "rose to 11.8%", a level.
_CHANGE_BEFORE_RE = rx.compile(
    r"\b(?:up|down|rose|risen|rises|fell|fallen|falls|increased|decreased|grew|grown|jumped|"
    r"climbed|dropped|declined|gained|slipped|surged|soared|plunged|slumped|tumbled|dipped|"
    r"opened|closed|shut|added|created|cut|shed|axed|hired|recruited)"
    r"(?:[ \t]+(?:by|about|around|roughly|nearly|almost|some|over|more[ \t]+than))*[ \t]+\Z",
    re.IGNORECASE)
# ... or the change's noun or "new" right after it ("a 40% rise", "14 new stores").
_CHANGE_AFTER_RE = rx.compile(
    r"[ \t]*(?:rise|increase|fall|drop|decline|jump|gain|growth|cut|new|more|fewer|higher|"
    r"lower)\b", re.IGNORECASE)
# Any word of a change: a claim with one tells no level.
_ANY_CHANGE_RE = rx.compile(
    r"\b(?:up|down|ris\w*|rose|fell|fall\w*|increas\w*|decreas\w*|gr[eo]w\w*|growth|"
    r"jump\w*|climb\w*|drop\w*|declin\w*|gain\w*|slip\w*|surg\w*|soar\w*|plung\w*|"
    r"slump\w*|tumbl\w*|dip\w*|open\w*|clos\w*|shut|add\w*|creat\w*|cut\w*|shed|"
    r"ax\w*|hir\w*|recruit\w*|new|more|fewer|higher|lower|inflation|since|change\w*)\b",
    re.IGNORECASE)
_CHANGED_KINDS = frozenset({"percent", "count"})


def _changed_by(c: NormClaim, text: str) -> bool:
    """Whether the claim's share or count of this text is told as the size of a change."""
    return _changed_kind(c, text) is not None and _changed_at(c.text, text)


# Asked once a pair of disagreeing figures, of a claim in many pairs: remembered by its
# text and the figure's (a pure function of the two).
@lru_cache(maxsize=1 << 14)
def _changed_at(claim: str, text: str) -> bool:
    at = claim.find(text)
    return at >= 0 and (_CHANGE_BEFORE_RE.search(claim, max(0, at - 40), at) is not None
                        or _CHANGE_AFTER_RE.match(claim, at + len(text)) is not None)


# A level told as such: a share of a group after it ("79 per cent of children"), a state
# before it ("was 11.8 per cent", "stood at"), or what is held ("has ... 820 stores").
_SHARE_OF_RE = rx.compile(r"[ \t]+of[ \t]+[a-z]", re.IGNORECASE)
_STATE_BEFORE_RE = rx.compile(
    r"\b(?:was|is|are|were|stood[ \t]+at|stands[ \t]+at)[ \t]+(?:about[ \t]+|around[ \t]+|"
    r"roughly[ \t]+|nearly[ \t]+|almost[ \t]+|just[ \t]+|only[ \t]+)?\Z", re.IGNORECASE)
_HELD_BEFORE_RE = rx.compile(
    r"\b(?:has|have|had|employs|employed|operates|operated|runs|owns|owned)\b[^.;:]*\Z",
    re.IGNORECASE)


def _level(c: NormClaim, text: str) -> bool:
    """Whether the claim's share or count of this text is told as a level, in a claim that
    tells no change of anything ("will eliminate 1,500 positions" is a change all the same)."""
    kind = _changed_kind(c, text)
    return kind is not None and _level_at(c.text, text, kind)


def _changed_kind(c: NormClaim, text: str) -> str | None:
    """The kind of the claim's figure of this text, when a change or a level may size it
    (a share or a count)."""
    q = next((q for q in c.quantities if q.text == text), None)
    return q.kind if q is not None and q.kind in _CHANGED_KINDS else None


@lru_cache(maxsize=1 << 14)
def _level_at(claim: str, text: str, kind: str) -> bool:
    at = claim.find(text)
    if at < 0 or _ANY_CHANGE_RE.search(claim):
        return False
    if kind == "percent":
        return _SHARE_OF_RE.match(claim, at + len(text)) is not None \
            or _STATE_BEFORE_RE.search(claim, max(0, at - 30), at) is not None
    return _HELD_BEFORE_RE.search(claim, max(0, at - 40), at) is not None
