"""Whether two claims are about one thing: each naming someone or somewhere the other does
not makes two facts, whose figures, dates and polarity are never compared."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from checker import rx
from checker.lexicon import UNKNOWN_PREFIX, Lexicon
from checker.normclaim import WEAK_ROLES, NormClaim
from checker.pagetopic import national

SAME_NAME_RATIO = 80  # partial ratio (0-100) above which two unknown names may be one


@lru_cache(maxsize=1 << 16)
def _maybe_same_name(x: str, y: str) -> bool:
    """Two unknown names that may be one: one inside the other ("Hereditary Kingdom of
    Norway"), or a spelling variant ("Faroe Islands", "Faeroes"); "Steiboum Robotics" and
    "Treideiteil Robotics" share a word but not a name."""
    if not (x.startswith(UNKNOWN_PREFIX) and y.startswith(UNKNOWN_PREFIX)):
        return False
    tx, ty = (n[len(UNKNOWN_PREFIX):].split("-") for n in (x, y))
    if [t for t in tx if t.isdigit()] != [t for t in ty if t.isdigit()]:
        return False  # "Chang'e 9" and "Chiang'e 5": near in spelling, two missions
    rest_x = " ".join(t for t in tx if t not in ty)
    rest_y = " ".join(t for t in ty if t not in tx)
    if not rest_x or not rest_y:
        return True
    return rest_x[0] == rest_y[0] and fuzz.partial_ratio(rest_x, rest_y) >= SAME_NAME_RATIO


def different_scopes(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """Each claim names someone or somewhere the other does not: "X employs 3,700 in Dhaka"
    and "X employs 3,100 in Islamabad" are two facts, not one fact told two ways. Who told
    it ("the Red Cross said") and a guessed first-word name ("Police said ...") are no
    scope: two sources giving two figures for one fact is the conflict to report."""
    # Normalisation adds each entity's parents (CNSA -> China), so an agency and its
    # country, or a city and its country, are not two scopes.
    own_a = a.entities - b.entities
    own_b = b.entities - a.entities
    if not own_a or not own_b:  # most pairs: one names nothing the other does not
        return False
    # Only claims with a source or a guessed first-word name have entities beyond scope.
    if any(m.role in WEAK_ROLES for m in a.mentions):
        own_a &= _about(a, lexicon)
    if any(m.role in WEAK_ROLES for m in b.mentions):
        own_b &= _about(b, lexicon)
    return _distinct(own_a, own_b)


def scope_of(c: NormClaim, lexicon: Lexicon) -> frozenset[str] | None:
    """What `different_scopes` keeps of a claim's own entities: those it is about, when it
    has a source or a guessed name; None when every entity counts."""
    if any(m.role in WEAK_ROLES for m in c.mentions):
        return frozenset(_about(c, lexicon))
    return None


def scopes_differ(a: NormClaim, b: NormClaim, scope_a: frozenset[str] | None,
                  scope_b: frozenset[str] | None) -> bool:
    """`different_scopes` given both claims' `scope_of` (a judge works each out once a
    claim, not once a pair)."""
    own_a = a.entities - b.entities
    own_b = b.entities - a.entities
    if not own_a or not own_b:
        return False
    if scope_a is not None:
        own_a &= scope_a
    if scope_b is not None:
        own_b &= scope_b
    return _distinct(own_a, own_b)


def _distinct(own_a: set[str] | frozenset[str], own_b: set[str] | frozenset[str]) -> bool:
    """Some own entity on each side that is no spelling of one on the other side."""
    if not own_a or not own_b:
        return False
    if len(own_a) == 1 and len(own_b) == 1:  # most pairs: one own entity each
        (x,), (y,) = own_a, own_b
        return not _maybe_same_name(x, y)
    # Only two unknown names may be one spelling of a name: with none on a side, every
    # entity of the other is kept, and so is each of that side's.
    if not any(x.startswith(UNKNOWN_PREFIX) for x in own_a) \
            or not any(y.startswith(UNKNOWN_PREFIX) for y in own_b):
        return True
    kept_a = [x for x in own_a if not any(_maybe_same_name(x, y) for y in own_b)]
    return bool(kept_a) and any(not any(_maybe_same_name(x, y) for x in kept_a) for y in own_b)


def _about(c: NormClaim, lexicon: Lexicon) -> set[str]:
    """The entities a claim is about: named other than as its source or a guessed name."""
    ids = {m.id for m in c.mentions if m.role not in WEAK_ROLES}
    return ids | {p for x in ids for p in lexicon.ancestors(x)}


def narrower_denial(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """Of two claims of opposite polarity, the negative one denies for a place the
    positive one does not name: "will not cut any jobs at its plant in Dunmore" denies a
    part, which "will cut 1,100 jobs" does not claim. (The other way round, "will cut 400
    jobs at Dunmore" against "will not cut any jobs", the denial covers the claim.)"""
    negative, positive = (a, b) if a.polarity == "negative" else (b, a)
    text, offset = negative.text, negative.span[0]
    denied = _NEGATOR_RE.search(text)
    if denied is None:
        return False
    return any(
        m.role not in WEAK_ROLES and m.start - offset >= denied.end()
        and _PLACE_BEFORE_RE.search(text, max(0, m.start - offset - 12), m.start - offset)
        and m.id not in positive.entities
        and not any(_maybe_same_name(m.id, y) for y in positive.entities)
        for m in negative.mentions)


def denied_of_another(a: NormClaim, b: NormClaim) -> bool:
    """Of two claims of opposite polarity, the negative one denies of someone it names
    before its negation whom the positive one does not name: "Pakistan is not a member of
    the International Lunar Research Station" says nothing of "The ILRS programme now has 17
    member countries" (desk probe Q3: an error-level polarity conflict between two pages and
    a self-contradiction on one). Who told the denial ("Police said ...") is no subject."""
    negative, positive = (a, b) if a.polarity == "negative" else (b, a)
    text, offset = negative.text, negative.span[0]
    denied = _NEGATOR_RE.search(text)
    if denied is None:
        return False
    subjects = {m.id for m in negative.mentions
                if m.role not in WEAK_ROLES and m.end - offset <= denied.start()}
    return bool(subjects) and subjects.isdisjoint(positive.entities) and not any(
        _maybe_same_name(x, y) for x in subjects for y in positive.entities)


_NEGATOR_RE = rx.compile(r"\b(?:not|no|never|none)\b|n't\b", re.IGNORECASE)
# A name after "in" or "at": where the denial holds ("at its plant in Dunmore").
_PLACE_BEFORE_RE = rx.compile(r"\b(?:in|at)\s+(?:the\s+)?\Z", re.IGNORECASE)


def places_apart(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """One claim names a place inside a place the other names, and the other does not name
    it: a part and the whole ("Scotland has 11 universities in the top 500" / "The UK has
    48 universities in the top 500"; desk probe T: an error)."""
    ea, eb = set(a.entities), set(b.entities)
    for own, other in ((ea - eb, eb), (eb - ea, ea)):
        for place in own:
            if other & set(lexicon.ancestors(place)):
                return True
    return False


def national_against_local(a: NormClaim, b: NormClaim, lexicon: Lexicon) -> bool:
    """One claim tells its figure "nationally" and the other names somewhere or someone of
    its own that is no country: the country's figure and a part's ("Rents in new tenancies
    rose by 5.1% nationally" / "Rents in Dublin rose by 6.8 per cent": desk probe V, an
    error-level conflict)."""
    na, nb = _national(a, lexicon), _national(b, lexicon)
    if na == nb:
        return False
    whole, part = (a, b) if na else (b, a)
    for m in part.mentions:
        if m.role in WEAK_ROLES or m.id in whole.entities:
            continue
        info = lexicon.entities.get(m.id)
        if info is None or info.type != "country":
            return True
    return False


# A country named as the scope of the whole claim: "Across England there have been 1,480
# cases", "throughout France" (desk probe X: England's count against the West Midlands'
# 214 cases, an error-level conflict).
_ACROSS = r"\b(?:across|throughout|all[ \t]+over)"
_ACROSS_RE = rx.compile(_ACROSS + r"[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)
_ACROSS_ANY_RE = rx.compile(_ACROSS + r"\b", re.IGNORECASE)  # the cheap test first


# Asked once a pair with disagreeing figures, of a claim in many pairs: remembered by text,
# both tests (told nationally; an "across" to look for a country after), not one a pair.
@lru_cache(maxsize=1 << 14)
def _told_nationally(text: str) -> tuple[bool, bool]:
    return national(text), _ACROSS_ANY_RE.search(text) is not None


def _national(c: NormClaim, lexicon: Lexicon) -> bool:
    """Whether the claim tells its scope as a whole country, in words or by its name."""
    told, across = _told_nationally(c.text)
    if told:
        return True
    if not across:
        return False  # most claims: no "across", no mention to look at
    for m in c.mentions:
        info = lexicon.entities.get(m.id)
        at = m.start - c.span[0]
        if info is not None and info.type == "country" and at > 0 \
                and _ACROSS_RE.search(c.text, max(0, at - 20), at):
            return True
    return False
