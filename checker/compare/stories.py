"""Which story a claim is of: the topic its page lent it (`pagetopic`), and whether two
claims related by a guessed first word alone ("Schools ...") are of two stories."""

from __future__ import annotations

from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.normclaim import INITIAL, TOPIC, WEAK_ROLES, NormClaim, given_only, has_lent


def lent_topic(c: NormClaim) -> frozenset[str]:
    """The entities a claim was lent as its page's topic and does not name (`pagetopic`)."""
    if not has_lent(c):
        return frozenset()  # most claims: every entity a key, none lent
    return frozenset(given_only(c.mentions, _TOPIC_ONLY))


_TOPIC_ONLY = frozenset({TOPIC})


def two_stories(a: NormClaim, b: NormClaim, shared: tuple[str, ...]) -> bool:
    """Related by a guessed first word alone, on pages of two stories: one claim was lent
    its page's topic, and neither names the other's topic (or, not lent one, the names it
    says): "Schools in the region will remain closed until February 16" on a page about an
    earthquake in Turkey and "Schools in Cumbria will stay closed" each against "Schools
    will not be closed" on one about a measles outbreak, two error-level conflicts in the
    61 pages."""
    if not all(_guessed(a, x) and _guessed(b, x) for x in shared):
        return False
    # A page's story is its topic: a claim of a page that has none (a single sentence, as
    # the eval pairs' are) is no story of its own, and its names are what it says.
    topic_a, topic_b = lent_topic(a), lent_topic(b)
    if not topic_a and not topic_b:
        return False
    story_a = topic_a or _named(a)
    story_b = topic_b or _named(b)
    return bool(story_a) and bool(story_b) and story_a.isdisjoint(b.entities) \
        and story_b.isdisjoint(a.entities)


_WIDE = frozenset({"country", "continent", "region"})


def narrow_topic(shared: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether a name both claims were lent is narrower than a country."""
    for eid in shared:
        info = lexicon.entities.get(eid)
        if info is None or info.type not in _WIDE:
            return True
    return False


def _named(c: NormClaim) -> frozenset[str]:
    """The names a claim says of what it is about (not a source, a dateline or a guess)."""
    return frozenset(m.id for m in c.mentions if m.role not in WEAK_ROLES)


def guesses_only(shared: tuple[str, ...]) -> bool:
    """Whether every shared entity may be a guess (an unknown name): a cheap test first."""
    return bool(shared) and all(x.startswith(UNKNOWN_PREFIX) for x in shared)


def _guessed(c: NormClaim, eid: str) -> bool:
    """Whether the claim names eid, and only as a guessed first word."""
    roles = [m.role for m in c.mentions if m.id == eid]
    return bool(roles) and all(r == INITIAL for r in roles)
