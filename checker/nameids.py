"""The id of a name no rule knows: its words without what is no part of the name (a
person's title, a company's legal form, an acronym's plural)."""

from __future__ import annotations

from checker import rx
from checker.propernames import BODY_HEADS
from checker.textutil import normalise_key, slug

# A company's legal form after its name: "Harrowgate Retail plc" and "Harrowgate Retail" are
# one company (a desk probe: two entities, so their figures were never compared).
_CORPORATE_RE = rx.compile(r"(?<=\w) (?:plc|ltd|limited|inc|incorporated|llc|gmbh|ag|nv|corp)"
                           r"\.?$")

# A person's title before the name: "Prime Minister Petr Fiala" on one page and "Petr Fiala"
# on another are one person (a desk probe: two entities), and so are "Chief Executive Maria
# Lindqvist" and "Maria Lindqvist". Only a title that ends in one of
# the heads is dropped ("Finance Ministry", "General Motors" and "Federal Reserve" keep
# their words).
TITLE_LEAD = frozenset("""prime deputy vice foreign finance health interior defence defense
    home chief former acting state financial operating technology head assistant""".split())
# ... and a player's position or a team's role: "Guard Jalen Brooks" is "Jalen Brooks"
# (desk probe T: "Brooks" on the other page met no "guard-jalen-brooks").
TITLE_HEADS = frozenset("""president minister mr mrs ms dr prof senator governor mayor
    chancellor premier executive officer spokesperson spokesman spokeswoman chairman
    chairwoman ceo cfo coach guard forward striker midfielder defender goalkeeper captain
    winger manager quarterback pitcher""".split())


# An acronym's plural: "MPs", "NGOs". Its id is the acronym's ("name:mp"): as "mps" it was
# the initials of "Max Planck Society" (a 55-page probe run) or "Metropolitan Police Service".
ACRONYM_PLURAL_RE = rx.compile(r"([A-Z]{2,})s")


def _singular_acronym(name: str) -> str:
    """The acronym of a plural one ("MPs": "MP"); any other name as it is."""
    found = ACRONYM_PLURAL_RE.fullmatch(name)
    return found.group(1) if found else name


def _untitled(key: str) -> str:
    """A name's key without the person's title before it (when a person's name is left)."""
    words = key.split(" ")
    head = 0
    for i, word in enumerate(words[:-1]):
        if word in TITLE_HEADS:
            head = i + 1
        elif word not in TITLE_LEAD:
            break
    # What ends in a body's head is the body's name, no person's: "Premier League" is no
    # "League" of a premier (a probe: every club's league table was "name:league").
    return key if head == len(words) - 1 and words[-1] in BODY_HEADS else " ".join(words[head:])


# Initials with points are the initials without: "U.S. Steel" is "US Steel" (desk probe Z).
_INITIALS_RE = rx.compile(r"\b(?:[A-Z]\.){2,}")


def unknown_slug(name: str) -> str:
    """The slug an unknown name's id ends in: "Prime Minister Petr Fiala" -> "petr-fiala",
    "Harrowgate Retail plc" -> "harrowgate-retail", "MPs" -> "mp"."""
    if "." in name:
        name = _INITIALS_RE.sub(lambda m: m.group().replace(".", ""), name)
    return slug(_untitled(_CORPORATE_RE.sub("", normalise_key(_singular_acronym(name)))))
