"""Two claims that name different things in the same place: "launched aboard a Vega-C
rocket" / "launched aboard an Ariane 6 rocket", "in Norway and Finland" / "in Norway and
Sweden". Each names an entity the other does not, after the same word: they answer one
question differently, so they confirm nothing (a desk probe reported them corroborating).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz import fuzz

from checker import rx
from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.normclaim import SOURCE, NormClaim

_WORD_RE = rx.compile(r"[\w'\u2019-]+")
# The telling after the last comma: "..., its office in Geneva said." names where it was
# said, not a place of the fact.
_TOLD_TAIL_RE = rx.compile(r",[^,]*\b(?:said|says|say|told|reported|reports|according|"
                           r"announced|added|welcomed)\b[^,]*$", re.IGNORECASE)
# Names spelt this alike are one name written two ways ("Kyiv" / "Kiev"), not two things.
_ALIKE = 70
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her"})
# How far back the word before a name is looked for (characters).
_LOOK_BACK = 40


def _fillers(c: NormClaim, only: frozenset[str]) -> dict[str, set[str]]:
    """The word before each mention of an entity of `only` (articles skipped), with the
    entities it stands before; who told the claim is no filler."""
    out: dict[str, set[str]] = {}
    told = _TOLD_TAIL_RE.search(c.text)
    end = told.start() if told else len(c.text)
    for m in c.mentions:
        at = m.start - c.span[0]
        if m.id not in only or m.role == SOURCE or at >= end:
            continue
        words = _WORD_RE.findall(c.text[max(0, at - _LOOK_BACK):max(0, at)].lower())
        while words and words[-1] in _ARTICLES:
            words.pop()
        if words:
            out.setdefault(words[-1], set()).add(m.id)
    return out


def names_apart(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """Whether each claim names, after a word both use there, an entity the other does
    not name and that neither contains (Lahore is in Pakistan: no difference)."""
    only_a, only_b = a.entities - b.entities, b.entities - a.entities
    if not only_a or not only_b:
        return False
    fa, fb = _fillers(a, only_a), _fillers(b, only_b)
    for word in fa.keys() & fb.keys():
        for x in fa[word]:
            for y in fb[word]:
                if x not in lexicon.ancestors(y) and y not in lexicon.ancestors(x) \
                        and fuzz.ratio(x.removeprefix(UNKNOWN_PREFIX),
                                       y.removeprefix(UNKNOWN_PREFIX)) < _ALIKE:
                    return True
    return False


# A name's possession: "Sable Ridge's shares", "Kestrel’s output" (a mention may hold its
# "'s" or not).
_OWNED_RE = rx.compile(r"(?:['\u2019]s?)?\s+([a-z][a-z-]+)")


def owners_apart(owned_a: Mapping[str, set[str]], owned_b: Mapping[str, set[str]]) -> bool:
    """Whether two claims (their `owned`) say the same thing of two owners: "Sable Ridge's
    shares rose 6.3%" / "Kestrel's shares rose 4.8%" (the 61 pages: an error-level
    conflict, the two miners' shares one fact through the Sydney both name)."""
    if not owned_a or not owned_b:
        return False  # most claims: no possessive
    return any(owned_a[noun].isdisjoint(owned_b[noun]) for noun in owned_a.keys() & owned_b.keys())


def owned(c: NormClaim) -> dict[str, set[str]]:
    """The nouns the claim's names own, each with its owners (read once a claim,
    `facts.ClaimFacts`)."""
    if "'" not in c.text and "\u2019" not in c.text:
        return {}
    out: dict[str, set[str]] = {}
    for m in c.mentions:
        if m.role == SOURCE:
            continue
        end = m.end - c.span[0]
        found = _OWNED_RE.match(c.text, end)
        if found is not None and (c.text[end - 2:end] in ("'s", "\u2019s")
                                  or found.group(0)[:1] in ("'", "\u2019")):
            out.setdefault(found.group(1), set()).add(m.id)
    return out
