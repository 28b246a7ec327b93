"""Whether a name may be a person's: what a leading "she" or "his" may stand for. "Her
majority at the last general election was 4,312" after "A YouGov survey ... found" is the
MP's, named before the survey (desk probe S: both pages' majorities were YouGov's)."""

from __future__ import annotations

import re

from checker import rx
from checker.lexicon import Lexicon
from checker.names import ORGANISATION_HEADS

_PERSONAL_RE = rx.compile(r"^\W*(?:he|she|his|her|him)\b", re.IGNORECASE)
# Words of a body's name, never a person's.
_BODY_WORDS = ORGANISATION_HEADS | frozenset("""
    authority council ministry department university college school hospital agency
    commission committee party union court police office bureau board institute foundation
    trust survey poll association federation league club news times post herald service
    services fund parliament assembly government society organisation organization
    charity network alliance coalition centre center church army navy force forces guard
    coastguard lines airport port inc ltd plc llc""".split())
_CAMEL_RE = rx.compile(r"[a-z][A-Z]")
_ACRONYM_RE = rx.compile(r"[A-Z]{2,}s?")  # "IPSA", "MPs"


def personal_pronoun(text: str) -> bool:
    """Whether the text opens with a pronoun that stands for a person ("She", "His")."""
    return _PERSONAL_RE.match(text) is not None


def not_a_person(name: str, eid: str, lexicon: Lexicon) -> bool:
    """Whether the name is surely no person's: a name the lexicon knows (countries, agencies,
    companies), an acronym ("IPSA"), a name written in camel case ("YouGov"), or a body's
    name ("Mercia Building Society")."""
    if lexicon.entities.get(eid) is not None:
        return True
    words = name.split()
    return any(_ACRONYM_RE.fullmatch(w) for w in words) or _CAMEL_RE.search(name) is not None \
        or any(w.lower() in _BODY_WORDS for w in words)


def person_name(name: str, eid: str, lexicon: Lexicon) -> bool:
    """Whether the name reads as a person's full name: two to four capitalised words, none
    a body's ("Rachel Denholm", "Alan Brookes")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not not_a_person(name, eid, lexicon)
