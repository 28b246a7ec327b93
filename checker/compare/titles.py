"""Who holds a title only one can hold: "Libya remained the main departure point" /
"Tunisia overtook Libya as the main departure point" (desk probe R: a planted conflict,
never compared) are two answers to one question. A title is a superlative ("main",
"largest", "leading") with the words it ranks and where ("the largest group among
arrivals"); its holder is the name right before the verb that gives it ("Tunisia
overtook", "Nationals of Bangladesh were")."""

from __future__ import annotations

import re
from typing import NamedTuple

from checker import rx
from checker.nlp import word_stem
from checker.normclaim import NormClaim

# Words after the title's noun that end what it ranks (a clause, a time, a figure).
_STOP = ("since|on|in|of|for|ever|to|at|by|and|or|with|after|before|this|last|as|than|"
         "behind|ahead|among|from|into|over|under|within|across|during|is|was|are|were|"
         "has|had|have|will|would|which|that|who|followed|accounting|ahead")
_TITLE_RE = rx.compile(
    r"\b(?P<verb>is|was|are|were|remains|remained|became|becomes|has\s+become|stays|stayed|"
    r"(?:overtook|overtakes|has\s+overtaken|replaced|replaces|displaced|surpassed)\s+"
    r"(?:[A-Z][\w'-]*\s+){1,3}as)\s+(?:again\s+|still\s+|now\s+|once\s+again\s+)?the\s+"
    r"(?P<sup>main|largest|biggest|leading|top|primary|chief|busiest)\s+"
    rf"(?P<ranked>[a-z][\w-]*(?:\s+(?!(?:{_STOP})\b)[a-z][\w-]*){{0,2}})"
    r"(?P<scope>\s+(?:in|of|among|for|on|by|at)\s+(?:the\s+)?[A-Za-z][\w'-]*"
    rf"(?:\s+(?!(?:{_STOP}|but|while)\b)[a-z][\w'-]*)?"
    # ... and the name it ends on: "for boats reaching Italy" / "... reaching Spain"
    r"(?:\s+(?:the\s+)?[A-Z][\w'-]*)?)?")
# A name listed after another: "Tunisia and Libya", "Tunisia, Libya".
_LISTED_RE = rx.compile(r"(?:\band|\bor|,|&)\s*\Z")
# Words of one title.
_SAME = {"biggest": "largest", "leading": "main", "top": "main", "primary": "main",
         "chief": "main"}
# How far before the verb the holder's name may end (", the IOM said," no more).
_REACH = 2


class Title(NamedTuple):
    """Who holds a title (an entity id), where (stems; "" when not said), as written."""

    holder: str
    where: str
    told: str


def titles(c: NormClaim) -> dict[tuple[str, str], Title]:
    """The titles the claim gives by superlative and what it ranks: {("main", "departur
    point"): Title("tunisia", "", "Tunisia ... the main departure point")}. None for most
    claims (a cheap test first)."""
    text = c.text
    if "the " not in text or not _CUE_RE.search(text):
        return {}
    out: dict[tuple[str, str], Title] = {}
    offset = c.span[0]
    for m in _TITLE_RE.finditer(text):
        verb_at = offset + m.start("verb")
        before = [x for x in c.mentions if x.end <= verb_at and verb_at - x.end <= _REACH]
        holder = before[0] if len(before) == 1 else None
        if holder is None or _LISTED_RE.search(text, 0, holder.start - offset):
            continue  # no name right before the verb, or one of several ("Tunisia and
            # Libya were the main departure points")
        sup = m.group("sup").lower()
        told = f"{text[holder.start - offset:holder.end - offset]}: the {m.group('sup')} " \
            f"{m.group('ranked')}"
        out.setdefault((_SAME.get(sup, sup), _stems(m.group("ranked"))),
                       Title(holder.id, _stems(m.group("scope") or ""), told))
    return out


def holders_clash(ta: dict[tuple[str, str], Title],
                  tb: dict[tuple[str, str], Title]) -> str | None:
    """A title two claims give to two holders, where both say alike (or one says nothing
    of where), as the finding tells it ("Tunisia: the main departure point / Libya: the
    main departure point")."""
    if not ta or not tb:
        return None
    for key in sorted(ta.keys() & tb.keys()):
        x, y = ta[key], tb[key]
        if x.holder != y.holder and (x.where == y.where or not x.where or not y.where):
            return f"{x.told} / {y.told}"
    return None


def _stems(words: str) -> str:
    return " ".join(word_stem(w) for w in words.lower().split())


_CUE_RE = rx.compile(r"\b(?:main|largest|biggest|leading|top|primary|chief|busiest)\b",
                     re.IGNORECASE)
