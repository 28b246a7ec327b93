"""What a sentence is about: the subject a following "It" or "The company" stands for, the
pronoun or definite description that stands for it, a dateline opening the sentence, and an
attribution that only says who told it. Read by normalisation (`checker.normalize`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker import rx
from checker.lexicon import Lexicon
from checker.models.claims import Claim, EntitySlot
from checker.nlp import STOPWORDS
from checker.normclaim import Mention
from checker.persons import not_a_person, person_name, personal_pronoun
from checker.propernames import COMMON_STARTERS, MONTHS_AND_DAYS

# The nouns a definite description may stand on ("The company", "The drug").
_NOUNS = (
    "company firm group film album band city country agency station mission island book show "
    "series team club party government organisation organization programme program project "
    "state university institute movie song player singer actor actress writer author bank "
    "lender insurer airline carmaker automaker retailer manufacturer chipmaker conglomerate "
    "startup start-up operator broadcaster supplier satellite spacecraft rocket probe "
    "telescope vessel ship aircraft plane drug vaccine trial study outbreak epidemic "
    "earthquake quake election referendum wildfire fire storm cyclone hurricane typhoon flood "
    "floods attack crash explosion blast merger takeover deal").split()
# Events a description may name, and the last words of bodies no event is.
_EVENTS = frozenset("""election referendum earthquake quake wildfire fire storm cyclone
    hurricane typhoon flood floods attack crash explosion blast""".split())
_BODIES = frozenset("""party movement alliance front league union council congress coalition
    ministry agency group company corporation bank airways airlines""".split())
# Nouns that stand for a name only where the page has tied the two ("the GDL union" ...
# "The union has a strike fund ..."): the page's last subject is rarely a union or a court.
DESCRIBED_ONLY = frozenset("union court regulator ministry council hospital tribunal".split())
# The (?=...) hint: a sentence that starts with no h, s, i or t fails at once, not after
# trying each word (under IGNORECASE the class matches what the words' first letters match).
# A demonym may qualify the noun ("The Dutch group plans to cut 1,500 jobs"): its word is
# the `adjective` group, which only a demonym mention may fill (`coreferent`).
PRONOUN_RE = rx.compile(
    r"^\W*(?=[hsit])(?:he|she|it|they|his|her|its|their|the\s+(?:(?P<adjective>[\w-]+)\s+)??"
    r"(?P<noun>" + "|".join(_NOUNS + sorted(DESCRIBED_ONLY)) + r"))\b",
    re.IGNORECASE,
)
_DESCRIBED_RE = rx.compile(r"\b(?:" + "|".join(sorted(DESCRIBED_ONLY)) + r")\b")
# A describing noun right after a name ("the GDL union") or right before it ("the union
# GDL", "regulator Ofcom"); never an owner's ("Germany's union").
_NOUN_AFTER_RE = rx.compile(r"[ \t]+([a-z][a-z-]+)\b")
_NOUN_BEFORE_RE = rx.compile(r"(?<![\w'\u2019])([a-z][a-z-]+)[ \t]+\Z")


def subject_of(claim: Claim, lexicon: Lexicon) -> str | None:
    """The claim's first-named subject: the antecedent for a following "It"/"The company".

    Not the place of a dateline ("AMSTERDAM, October 23 -"), nor who told the claim
    ("..., according to LSEG data"), nor a demonym qualifying a name ("Dutch technology group
    Norvale Systems"): a desk probe's "The company said it would cut 1,200 jobs" stood for
    LSEG and for Amsterdam. (An owner stays: "His" after "Baz Luhrmann's film Australia" is
    Luhrmann, though "The film" would be Australia.)"""
    first = _subject_entity(claim, lexicon)
    if first is None:
        return None
    return first.id or lexicon.entity_id(first.text)  # entity_id(), written out


def _subject_entity(claim: Claim, lexicon: Lexicon) -> EntitySlot | None:
    """The entity slot `subject_of` names."""
    if not claim.entities:
        return None
    start = claim.span[0]
    line = DATELINE_RE.match(claim.text) or _WHERE_RE.match(claim.text)
    placed = PLACED_PRONOUN_RE.match(claim.text) if line is None else None
    # (a pronoun after a place names no one: the page's subject stays)
    after = start + (line.end() if line else placed.start("pronoun") if placed else 0)
    told = claim.attribution.span if claim.attribution and told_by(claim) else (0, 0)
    named = [e for e in claim.entities if e.span[0] >= after
             and not (told[0] <= e.span[0] and e.span[1] <= told[1])]
    return next((e for e in named if role(e.text, lexicon) != "demonym"), None) \
        or (named[0] if named else None)


# A place opening the sentence before a comma ("In Northern Ireland, 45,000 homes lost
# power", "In neighboring Britain, Storm Orla left ..."): where, not what the sentence is
# about; "The storm" after it is no Northern Ireland (desk probe Y: a landfall time's
# conflict lost between two places).
_WHERE_RE = rx.compile(r"\W*(?:In|Across|Throughout|Outside|Inside|Near|Around)\s+"
                       r"(?:the\s+)?(?:[a-z]+\s+)?[A-Z][^,\n]{0,40},\s+")


# A pronoun after a place that opens the sentence ("In the UK it will cost £1,149", "In
# Japan, it sold 2 million"): the pronoun is the subject, the place only where (desk probe
# Z: "it" stood for nothing, the claim named only the UK, and its price met another
# phone's "£799 in the UK" as an error-level conflict).
PLACED_PRONOUN_RE = rx.compile(
    r"\W*(?:In|Across|Throughout|Outside|Inside)\s+(?:the\s+)?[A-Z][\w.'-]*"
    r"(?:\s+[A-Z][\w.'-]*){0,3},?\s+(?P<pronoun>he|she|it|they)\b")


def placed_pronoun(text: str, mentions: tuple[Mention, ...], offset: int) -> tuple[int, int] | None:
    """The span (in the page) of a pronoun after a leading place (`PLACED_PRONOUN_RE`) when
    the place is the only name before it, else None."""
    found = PLACED_PRONOUN_RE.match(text)
    if found is None:
        return None
    start, end = offset + found.start("pronoun"), offset + found.end("pronoun")
    before = [m for m in mentions if m.start < start]
    return (start, end) if len(before) == 1 else None


def coreferent(pronoun: re.Match[str], offset: int, mentions: tuple[Mention, ...]) -> bool:
    """Whether a leading pronoun or "the company" names what the sentence is about: no name
    comes before its end but the demonym qualifying it ("The Dutch group"), which an
    `adjective` must be."""
    end = offset + pronoun.end()
    adjective = pronoun.start("adjective")
    before = [m for m in mentions if m.start < end]
    if adjective < 0:
        return not before
    return len(before) == 1 and before[0].role == "demonym" \
        and before[0].start == offset + adjective and before[0].end == offset + pronoun.end(
            "adjective")


# At most this many characters after an attribution that closes its sentence ("..., the
# fire service said on Tuesday.").
_CLOSING = 30


def told_by(claim: Claim) -> bool:
    """Whether the claim's attribution names only who told it: "according to ..." anywhere,
    or a "... said" that closes the sentence (not one that opens it, after a dateline or
    not: "Norvale Systems reported revenue of $4.2 billion." is the subject reporting
    itself)."""
    told = claim.attribution
    if told is None:
        return False
    if told.text.lower().startswith("according to"):
        return True
    if claim.span[1] - told.span[1] > _CLOSING:
        return False
    line = DATELINE_RE.match(claim.text)
    return told.span[0] > claim.span[0] + (line.end() if line else 0)


# A wire dateline opening the claim: "LUSAKA, Jan. 17 (Reuters) - ", "PARIS, March 3 -".
# Or a place in capitals and a dash alone: "LUSAKA - ", "SAO PAULO (AP) -". Or a day and
# its agency with no place, as Reuters heads copy filed from several places: "March 11
# (Reuters) - " (the agency is required there: "March 11 - " may open a fact's date).
DATELINE_RE = rx.compile(
    r"(?:(?:[A-Z][A-Z'\u2019. -]{1,40},\s+[^\n()\u2013\u2014-]{3,30}?"
    r"|[A-Z][A-Z'\u2019.]+(?:\s[A-Z][A-Z'\u2019.]+){0,3})(?:\s*\([^()\n]{2,40}\))?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"\s*\([^()\n]{2,40}\))"
    r"\s+[\u2013\u2014-]+\s")


# A sentence opening with a measure of whoever the page is about, qualified by its period
# or kind at most: "Net profit rose ...", "Second-quarter revenue was ...", "Its operating
# margin widened ...", "Turnout was ...".
# (Desk probes N and O: "EBITDA margin expanded", "Group production last year was 1.02
# million ounces", "A crowd of 37,400 watched" named nothing and were never compared.)
MEASURE_FIRST_RE = rx.compile(
    r"\W*(?:(?:the|its|their|a)\s+)?(?:(?:first|second|third|fourth)-(?:quarter|half)|"
    r"quarterly|annual|full-year|half-year|net|operating|gross|pre-?tax|core|underlying|"
    r"total|overall|adjusted|group|ebitda|ebit)?\s*(?:net\s+|operating\s+|gross\s+)?"
    r"(?:revenue|revenues|sales|turnover|profit|profits|earnings|income|loss|losses|margin|"
    r"turnout|output|exports|imports|dividend|production|reserves|attendance|crowd)\b",
    re.IGNORECASE)


def role(text: str, lexicon: Lexicon) -> str:
    hit = lexicon.lookup(text)
    return hit[1] if hit else "name"


# "The government", "the country", "the state": a country, whatever the page named last.
_NATIONAL_RE = rx.compile(r"\W*the\s+(?:government|country|nation|state)\b", re.IGNORECASE)


def country_of(claim: Claim, lexicon: Lexicon) -> str | None:
    """The last country a claim names (by the lexicon's entity types), or None."""
    for e in reversed(claim.entities):
        found = e.id or lexicon.entity_id(e.text)
        info = lexicon.entities.get(found)
        if info is not None and info.type == "country":
            return found
    return None


def antecedent_for(claim: Claim, subject: str | None, country: str | None,
                   described: Mapping[str, str] | None = None, personal: bool = True,
                   person: str | None = None, owned: str | None = None) -> str | None:
    """What a leading pronoun of the claim may stand for: the page's last subject, but for
    "The government" its last country (a desk probe: "The government said it had not
    requested international aid" stood for "Peru's Geophysical Institute"), and for "The
    union" (or "The court", `DESCRIBED_ONLY`) the name the page called a union
    (`descriptions`): desk probe B's "The union has a strike fund of 50 million euros"
    stood for Germany on one page and for the GDL on another, and was compared with
    nothing."""
    if country is not None and _NATIONAL_RE.match(claim.text):
        return country
    if not personal and personal_pronoun(claim.text):
        # "Her majority" after "A YouGov survey ...": the last person named, if any
        # (`personal`: whether the last subject may be a person; `checker.persons`).
        return person
    lead = PRONOUN_RE.match(claim.text)
    noun = lead.group("noun").lower() if lead and lead.group("noun") else None
    if noun in _EVENTS and subject is not None \
            and subject.rsplit("-", 1)[-1] in _BODIES:
        # "The election" after "The Centre Party won nine seats": an event is no party nor
        # any body (desk probe Y: the month an election was called in stood for two
        # parties); "The fire" after "The Cascade Creek wildfire" is the fire.
        return None
    if described is not None and noun in DESCRIBED_ONLY:
        # Only these: "The company" after "Hua Hong Semiconductor, another foundry, ..."
        # is Hua Hong, though the page called SMIC a company earlier (a seed).
        return described.get(noun)
    if noun is not None and owned is not None:
        # "The party" after "Iceland's Social Democratic Alliance won ...": what the owner
        # owns, as "The film" after "Baz Luhrmann's film Australia" (desk probe Y: the
        # party's vote share stood for Iceland)
        return owned
    return subject


class PageSubjects:
    """What a page's claims, read in text order, leave a leading "It", "The company" or
    "The union" to stand for: the last subject (named in a claim, or in a prose sentence
    of the page's `text` between claims), the last country, the names it described."""

    def __init__(self, lexicon: Lexicon, text: str | None = None) -> None:
        self.lexicon = lexicon
        self.text = text
        self.subject: str | None = None
        self.country: str | None = None
        self.described: dict[str, str] = {}
        self.personal = True  # whether the last subject may be a person
        self.person: str | None = None  # the last person named in full
        self.owned: str | None = None  # the name the last subject owns ("Iceland's X")
        self.surnames: dict[str, str] = {}  # the people named in full, by their last word
        self.after = 0  # where the last claim read ended

    def antecedent(self, claim: Claim) -> str | None:
        """What the next claim's pronoun or description may stand for."""
        if self.text is not None and claim.span[0] > self.after and needs_antecedent(claim):
            gap = gap_subject(self.text, self.after, claim.span[0], self.lexicon,
                              self.surnames)
            if gap is not None:
                self.subject, self.personal, self.owned = gap, True, None
        self.after = max(self.after, claim.span[1])
        return antecedent_for(claim, self.subject, self.country, self.described,
                              self.personal, self.person, self.owned)

    def read(self, claim: Claim) -> None:
        """Take the claim's subject, country and descriptions for the claims after it."""
        lead = _LEAD_WORD_RE.match(claim.text)
        if lead is not None and lead.group(1) in self.surnames:
            # "Denholm's own business costs ...": a person named in full before, opening
            # the sentence (where extraction drafts no name)
            self.subject = self.person = self.surnames[lead.group(1)]
            self.personal = True
            self.owned = first = None
        else:
            first = _subject_entity(claim, self.lexicon)
        if first is not None:
            # What the subject owns lasts as long as the subject does, past claims naming
            # no one: "Six people died ... on Austria's Tauern Railway" then "There were
            # 312 passengers on board." left "The crash happened at 7:42 p.m." Austria's
            # (desk probe Q2: the other page's "The crash" was the railway's, no conflict).
            self.owned = _owned(claim, first, self.lexicon)
            eid = first.id or self.lexicon.entity_id(first.text)
            self.subject = eid
            self.personal = not not_a_person(first.text, eid, self.lexicon)
            if person_name(first.text, eid, self.lexicon):
                self.person = eid
                self.surnames[first.text.split()[-1]] = eid
            elif first.text in self.surnames:
                self.person = eid  # "Denholm" after "Rachel Denholm"
        for e in claim.entities:
            # Everyone named in full, subject or not: "head coach Dario Kessler" makes a
            # later "Kessler did not comment ..." his (desk probe T: "He is the third
            # coach to lose his job" stood for the club, named before).
            if e is not first and " " in e.text:
                eid = e.id or self.lexicon.entity_id(e.text)
                if person_name(e.text, eid, self.lexicon):
                    self.surnames.setdefault(e.text.split()[-1], eid)
        self.country = country_of(claim, self.lexicon) or self.country
        self.described.update(descriptions(claim, self.lexicon))


def _owned(claim: Claim, owner: EntitySlot | None, lexicon: Lexicon) -> str | None:
    """The name right after the subject when the subject owns it ("Iceland's Social
    Democratic Alliance"), or None."""
    if owner is None:
        return None
    start = claim.span[0]
    at = owner.span[1] - start
    if owner.text.endswith(("'s", "\u2019s")):
        at -= 2  # the slot holds its "'s"
    if claim.text[at:at + 3] not in ("'s ", "\u2019s "):
        return None
    after = next((e for e in claim.entities if e.span[0] - start == at + 3), None)
    return None if after is None else after.id or lexicon.entity_id(after.text)


# A sentence's first word, a possessive's owner alone ("Denholm's").
_LEAD_WORD_RE = rx.compile(r"\W*([A-Z][\w-]*?)(?:['\u2019]s)?\b")


def descriptions(claim: Claim, lexicon: Lexicon) -> dict[str, str]:
    """The nouns the claim ties to a name, each with the name's id: "the GDL union" and "the
    union GDL" make a later "The union" the GDL. Demonyms describe nothing ("the German
    union"), nor does an owner ("Alzheimer's drug")."""
    out: dict[str, str] = {}
    text, start = claim.text, claim.span[0]
    if not claim.entities or _DESCRIBED_RE.search(text) is None:
        return out  # most claims: no union, court or ministry to tie to a name
    for e in claim.entities:
        if e.text.endswith(("'s", "\u2019s", "'", "\u2019")) or role(e.text, lexicon) == "demonym":
            continue
        lo, hi = e.span[0] - start, e.span[1] - start
        after = _NOUN_AFTER_RE.match(text, hi)
        before = _NOUN_BEFORE_RE.search(text, max(0, lo - 30), lo)
        for found in (after, before):
            if found is not None and found.group(1) in DESCRIBED_ONLY:
                out[found.group(1)] = e.id or lexicon.entity_id(e.text)
    return out


# A prose sentence between two claims that opens with a name: "Hua Hong Semiconductor,
# another leading foundry in China alongside SMIC, also showed significant improvement."
_SENTENCE_RE = rx.compile(r"[^.!?\n]+[.!?]")
_LEADING_NAME_RE = rx.compile(
    r"\s*((?:[A-Z][\w&\u2019'.-]*)(?:\s+(?:(?:of|and|de|van|von|&)\s+)?[A-Z][\w&\u2019'.-]*){0,5})")
# Fewer words than this, or no full stop: a heading, a menu or a caption, not prose.
_PROSE_WORDS = 6


def gap_subject(text: str, start: int, end: int, lexicon: Lexicon,
                surnames: Mapping[str, str] | None = None) -> str | None:
    """The name the last prose sentence in text[start:end] opens with, or None: the page's
    subject moved on in sentences that are no claims (a seed: after "Hua Hong
    Semiconductor ... also showed significant improvement", "The company's third-quarter
    sales were $526.30 million" stood for SMIC, named before, and conflicted with SMIC's
    sales). Two capitalised words, an acronym, a name the lexicon knows or the surname of
    one of `surnames` (a person the page named in full); never a demonym, a month or a
    sentence opener ("However", "The")."""
    found: str | None = None
    for m in _SENTENCE_RE.finditer(text, start, end):
        if len(m.group().split()) < _PROSE_WORDS:
            continue
        lead = _LEADING_NAME_RE.match(m.group())
        name = lead.group(1).removesuffix("'s").removesuffix("\u2019s").rstrip(".") \
            if lead else ""
        first = name.split()[0] if name else ""
        if not first or first in COMMON_STARTERS or first in MONTHS_AND_DAYS \
                or first.lower() in STOPWORDS:
            continue
        known = lexicon.lookup(name)
        if known is not None and known[1] == "demonym":
            continue
        if surnames and name in surnames:
            found = surnames[name]  # "Denholm will remain an MP" after "Rachel Denholm"
        elif known is not None or len(name.split()) >= 2 \
                or (first.isupper() and len(first) > 1):
            found = known[0] if known is not None else lexicon.entity_id(name)
    return found


def needs_antecedent(claim: Claim) -> bool:
    """Whether the claim may stand on the page's subject: it opens with a pronoun or a
    description, opens with a measure, or names nothing."""
    return not claim.entities or PRONOUN_RE.match(claim.text) is not None \
        or MEASURE_FIRST_RE.match(claim.text) is not None
