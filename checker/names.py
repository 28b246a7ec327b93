"""Shorter forms of a longer unknown name in the same text: "Thatcher" is "Margaret
Thatcher" (`unify_short_names`), "Harold Macmillan" is "Maurice Harold Macmillan", "Neil
Diamond" is "Neil Leslie Diamond" (`unify_long_names`); and across a corpus, a surname a
page writes alone is the one full name the corpus gives it (`unify_surnames`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from checker.lexicon import UNKNOWN_PREFIX
from checker.nameids import ACRONYM_PLURAL_RE
from checker.normclaim import Description, Mention, NormClaim, entity_ids


def unknown_names(claims: Sequence[NormClaim]) -> list[str]:
    """The ids of unknown names (`name:...`) among the claims' entities, each once.

    The mappings below depend only on which ids occur: one union of the claims' sets, not
    a test of every id of every claim."""
    return [e for e in frozenset().union(*map(entity_ids, claims))
            if e.startswith(UNKNOWN_PREFIX)]


def unify_short_names(claims: list[NormClaim]) -> list[NormClaim]:
    """Within one document, "Thatcher" is "Margaret Thatcher" and "Lin" is "Lin Jian"."""
    unknown = unknown_names(claims)
    long_names: dict[str, set[str]] = {}
    for e in unknown:
        parts = e[len(UNKNOWN_PREFIX):].split("-")
        if len(parts) > 1:
            for part in parts:
                long_names.setdefault(part, set()).add(e)
    mapping = {}
    for e in unknown:
        if "-" not in e:
            owners = long_names.get(e[len(UNKNOWN_PREFIX):], set())
            if len(owners) == 1 and not _BODY_END_RE.search(next(iter(owners))):
                mapping[e] = next(iter(owners))
    if mapping:
        for plural in _plural_acronyms(claims, mapping.keys()):
            del mapping[plural]
    return rename_entities(claims, mapping)


def _plural_acronyms(claims: Sequence[NormClaim], ids: Iterable[str]) -> set[str]:
    """The ids written only as an acronym's plural ("MPs", "CEOs"): a group of those who
    hold a role, not the one the page names in full (desk probe S: "MPs claimed a total
    of £142 million" was the "MP for Eastwick and Hale", and conflicted with her costs)."""
    wanted = set(ids)
    written: dict[str, set[bool]] = {}
    for c in claims:
        for m in c.mentions:
            if m.id in wanted and m.end > m.start:
                text = c.text[m.start - c.span[0]:m.end - c.span[0]]
                written.setdefault(m.id, set()).add(ACRONYM_PLURAL_RE.fullmatch(text) is not None)
    return {eid for eid, plural in written.items() if plural == {True}}



# The last word of the name of a place's court, council, police or market: the word before
# it is the place, not a short form of the body ("Tarkwa" is no "Tarkwa Circuit Court",
# "London" no "London Metal Exchange": desk probe O), as "Lin" is of "Lin Jian". Not a
# university's, an airport's or a bank's: "Yale", "Heathrow" and "Barclays" name them
# alone (the FEVER dev set's "Yale" / "Yale University").
_BODY_END_RE = re.compile(
    r"-(?:court|exchange|council|police|assembly|parliament|tribunal|commission|authority|"
    r"marathon|festival|post|times|news)\Z")


def rename_entities(claims: list[NormClaim], mapping: dict[str, str]) -> list[NormClaim]:
    """Claims with entity ids replaced by mapping (entities, mentions, description)."""
    if not mapping:
        return claims
    out = []
    for c in claims:
        if c.entities & mapping.keys():
            ents = frozenset(mapping.get(e, e) for e in c.entities)
            ments = tuple(Mention(mapping.get(m.id, m.id), m.role, m.start, m.end)
                          for m in c.mentions)
            desc = c.description
            if desc and desc.subject in mapping:
                desc = Description(mapping[desc.subject], desc.head, desc.nationalities,
                                   desc.text)
            c = replace(c, entities=ents, mentions=ments, description=desc)
        out.append(c)
    return out


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """short's words appear in long, in order, and both end on the same word (a surname)."""
    if len(short) < 2 or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def longer_names(claims: list[NormClaim]) -> dict[str, str]:
    """Each multi-word unknown name inside exactly one longer one, mapped to it."""
    # The words of each unknown name of two words or more.
    parts = {e: p for e in unknown_names(claims)
             for p in [tuple(e[len(UNKNOWN_PREFIX):].split("-"))] if len(p) >= 2}
    if len(parts) < 2:
        return {}  # a name is inside another name only
    names = sorted(parts)
    # Only names that end on the same word can hold one another (`_inside`): each is tested
    # against those, in the same (sorted) order, not against every name.
    ending: dict[str, list[str]] = {}
    for e in names:
        ending.setdefault(parts[e][-1], []).append(e)
    mapping: dict[str, str] = {}
    for short in names:
        owners = [long for long in ending[parts[short][-1]] if _inside(parts[short], parts[long])]
        if len(owners) == 1:
            mapping[short] = owners[0]
    return mapping


def unify_long_names(claims: list[NormClaim]) -> list[NormClaim]:
    """Claims with shorter name forms replaced by the one longer name they stand for."""
    return rename_entities(claims, longer_names(claims))


# The last words of organisations' names: their first word alone names them too ("Norvale"
# for "Norvale Systems"), where a person's first name alone names nobody in particular.
ORGANISATION_HEADS = frozenset("""
    systems labs laboratories group holdings technologies technology dynamics industries
    corporation company bank motors airlines airways pharmaceuticals pharma therapeutics
    biosciences biotech energy capital partners media networks solutions enterprises
    electronics semiconductor semiconductors robotics aerospace telecom communications
    software foods brands resources mining petroleum insurance securities investments
    ventures logistics shipping steel chemicals
    """.split())


def _short_forms(parts: list[str]) -> list[str]:
    """The one-word forms a multi-word unknown name goes by alone across a corpus: its
    last word (a surname), an organisation's first word, and its initials ("FDA" for
    "Food and Drug Administration", "LRC" for "Legal Resources Centre")."""
    # Not the place ending an institution's name: "London" is no "Imperial College London"
    # (desk probe S: another page's London became the college), nor who a body is "for":
    # "London" is no "Transport for London" (the desk corpus with probe Q4's pages: a London
    # share of top grades and London's house prices conflicted as its figures). A word after
    # "of" is: "Manchester, which fell to 57th" is the University of Manchester (desk probe T).
    forms = [parts[-1]] if parts[-1] not in _PLACE_TAILS \
        and _PLACE_TAILS.isdisjoint(parts[:-1]) and parts[-2] != "for" else []
    if parts[-1] in ORGANISATION_HEADS and parts[0] not in ORGANISATION_HEADS:
        forms.append(parts[0])
    initials = "".join(p[0] for p in parts if p not in _LINKS)
    if len(initials) >= _MIN_INITIALS and initials.isalpha():
        forms.append(initials)
    return forms


# The last words of names of places and buildings: a word, not a surname, alone ("Road
# closures will remain" is no mention of "Bayview Road": desk probe K). Not those that are
# surnames as often (Park, Hill, Hall, Lane, Church, Court, House, Bay).
_PLACE_TAILS = frozenset("""
    road street avenue drive way boulevard square bridge river station airport stadium arena
    centre center hospital school college academy cathedral museum library port harbour
    harbor beach island islands lake mountain mountains valley county city town village
    district province region state tower market
    """.split())


# Words an organisation's initials skip ("Food and Drug Administration": FDA), and the
# fewest letters read as initials (two letters name too many things: "AP", "UN").
_LINKS = frozenset({"and", "of", "the", "for", "on", "in"})
_MIN_INITIALS = 3


def unify_surnames(per_doc: list[list[NormClaim]]) -> list[list[NormClaim]]:
    """Each document's claims, with an unknown one-word name that is the last word of
    exactly one longer unknown name in the corpus (and of none in its own document) read as
    that name: "Fiala has not conceded defeat" on one page and "Prime Minister Petr Fiala"
    on another are one person (a desk probe: no shared name, so no conflict). A surname two
    full names end in stays as written. An organisation's first word counts as its surname
    does: "Norvale will cut 1,500 jobs" is "Norvale Systems" (another desk probe)."""
    return [rename_entities(claims, mapping)
            for claims, mapping in zip(per_doc, surname_mappings(per_doc), strict=True)]


def surname_mappings(per_doc: list[list[NormClaim]],
                     unknown: Sequence[Sequence[str]] | None = None) -> list[dict[str, str]]:
    """Each document's renaming by `unify_surnames` (old entity id -> new; mostly empty).
    It reads the whole corpus: an edit of one document can rename names in another.
    `unknown`: each document's `unknown_names`, when the caller has them."""
    if unknown is None:
        unknown = [unknown_names(claims) for claims in per_doc]
    owners: dict[str, set[str]] = {}
    # Each name once, not once per page that names it (10,000 pages named names 52,654
    # times: 0.20 -> 0.06 s); owners are sets, so the order they are added in does not
    # matter.
    every = frozenset().union(*unknown)
    for e in every:
        if "-" in e:
            for form in _short_forms(e[len(UNKNOWN_PREFIX):].split("-")):
                owners.setdefault(form, set()).add(e)
    alike = spelled_alike(every)
    if not owners and not alike:
        return [{} for _ in per_doc]
    # The one-word names with a single owner; a page's claims are renamed only when it
    # names one of them.
    single = {UNKNOWN_PREFIX + form: next(iter(found)) for form, found in owners.items()
              if len(found) == 1 and "-" not in form}
    out: list[dict[str, str]] = []
    for names in unknown:
        mapping: dict[str, str] = {}
        for e in names:
            full = single.get(e)
            target = full if full is not None and not _owned_elsewhere(e, full, names) else e
            target = alike.get(target, target)
            if target != e:
                mapping[e] = target
        out.append(mapping)
    return out


def spelled_alike(names: Iterable[str]) -> dict[str, str]:
    """Unknown names written apart on one page and joined on another ("Guang Han 1" /
    "Guanghan-1", "New Port" / "Newport"), each to the first of its spellings in order: one
    name (desk probe Q3: a sample return's two probes' names, never compared)."""
    forms: dict[str, list[str]] = {}
    for e in names:
        forms.setdefault(e.replace("-", ""), []).append(e)
    return {e: first for group in forms.values() if len(group) > 1
            for first in (min(group),) for e in group if e != first}


def _owned_elsewhere(short: str, owner: str, names: Sequence[str]) -> bool:
    """Whether a multi-word name of the document itself, not `owner`, holds the one-word
    name as a word: the page's own name's short form, never another page's ("The Bank" on
    a page naming the Bank of England and the European Central Bank was the ECB, the one
    name the corpus ends in "Bank": desk probe U, error-level conflicts with ECB rates)."""
    word = short[len(UNKNOWN_PREFIX):]
    return any(e != owner and "-" in e and word in e[len(UNKNOWN_PREFIX):].split("-")
               for e in names)
