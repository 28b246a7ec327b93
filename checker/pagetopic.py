"""A page's topic, lent to its claims that name nothing they are about.

"The final lasted two hours and 48 minutes", "Group production was 1.02 million ounces",
"A crowd of 98,000 watched": a story's claims often name no one, because the page named
its subject in the sentences before. Without an entity such claims were never compared
(the first gate of `compare.verdict.judge` wants one shared), and every desk probe found
conflicts lost that way ("390" / "392 prisoners" escaped from one jail). The names a page
repeats most are what its story is about; a claim that names nothing is given them as
context: shared with another page's claims about the same story, but no index key, no
scope and no coverage of their own (`normclaim.TOPIC`: a guess must not make two pages'
one fact two facts), and relating only claims that say much the same (`compare.verdict`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from checker import rx
from checker.normclaim import INITIAL, TOPIC, WEAK_ROLES, Mention, NormClaim

# How many of the page's most named entities make its topic, and in how many of its claims
# each must be named (once is no topic: a page's passing mention).
TOPIC_SIZE = 3
MIN_CLAIMS = 2
# A demonym ("the German") says whose, not who; a name stood for by a pronoun is named.
_NOT_TOPIC = WEAK_ROLES | {"demonym"}


def page_topic(claims: Sequence[NormClaim]) -> tuple[str, ...]:
    """The ids the page's claims name most (each in MIN_CLAIMS claims at least), the most
    named first, ties by first appearance: the first claim naming each, then where in it
    (not the order of a set of ids, which the string-hash seed decides: desk probe Q6's
    "Britain's Medicines and Healthcare products Regulatory Agency approved ..." gave its
    page one topic or another from one run to the next)."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for n, c in enumerate(claims):
        named = {m.id for m in c.mentions if m.role not in _NOT_TOPIC}
        counts.update(named)
        for m in c.mentions:
            if m.id in named:
                first.setdefault(m.id, (n, m.start))
    ranked = sorted((eid for eid, k in counts.items() if k >= MIN_CLAIMS),
                    key=lambda eid: (-counts[eid], first[eid]))
    return tuple(ranked[:TOPIC_SIZE])


def names_nothing(claim: NormClaim) -> bool:
    """Whether every mention of the claim is a weak one (a source, a dateline, a guess), a
    demonym ("The German, the world No 3, saved a break point": whose, not who), or the
    page's last subject given to a measure opening it ("A crowd of 98,000 attended": a
    mention of no words, `normalize._page_subject`; desk probe P's two pages gave it
    Verstappen and Red Bull)."""
    return all(m.role in _NOT_TOPIC or m.start == m.end for m in claim.mentions)


def lent_to(claim: NormClaim) -> bool:
    """Whether the claim is given the page's topic: it names nothing, and gives a figure or a
    date to compare (what the probes found never compared: "390" / "392 prisoners", "2h48" /
    "2h38"). Words alone are not lent it: related only by a guessed name and their words,
    they made pairs to judge by the hundred thousand at 200,000 claims (the comparison
    half as slow again) for no finding the probes missed. A claim whose one name is a
    guessed first word is lent it too: the guess relates it to other pages already, and
    the topic tells whose story it is (`compare.stories`)."""
    return names_nothing(claim) and (bool(claim.quantities or claim.dates or claim.months)
                                     or guessed(claim)) \
        and not national(claim.text)


# A claim that tells its own scope as the whole country ("Rents in new tenancies rose by
# 5.1% nationally"): the page's most named place may be one of its parts (desk probe V: an
# Irish page lent Dublin, and 5.1% conflicted with "Rents in Dublin rose by 6.8 per cent").
_NATIONAL_RE = rx.compile(r"\b(?:nationally|nationwide|across\s+the\s+country|"
                          r"countrywide|country-wide)\b", re.IGNORECASE)


def national(text: str) -> bool:
    """Whether the claim tells its scope as the whole country: no page's name is its own."""
    return _NATIONAL_RE.search(text) is not None


def guessed(claim: NormClaim) -> bool:
    """Whether the claim names a capitalised first word, guessed to be a name ("Schools
    will not be closed"): it relates pages already, and which page's story it belongs to
    is what the topic tells (`compare.stories.two_stories`)."""
    return any(m.role == INITIAL for m in claim.mentions)


def lend_topic(claims: list[NormClaim]) -> list[NormClaim]:
    """The page's claims, those that name nothing given the page's topic as context."""
    lendable = [lent_to(c) for c in claims]
    topic = page_topic(claims) if any(lendable) else ()
    if not topic:
        return claims
    out = []
    for c, lend in zip(claims, lendable, strict=True):
        if lend:
            have = {m.id for m in c.mentions}
            lent = [eid for eid in topic if eid not in have]
            if lent:
                at = c.span[0]
                # Without the ancestors a named entity brings ("England": the UK): they
                # would be keys (`normclaim.keys_of` drops only the lent ids), and a page
                # about England would relate every claim about the UK.
                c = replace(c, mentions=(*[Mention(eid, TOPIC, at, at) for eid in lent],
                                         *c.mentions),
                            entities=c.entities.union(lent))
        out.append(c)
    return out
