"""Who did what to whom. Two claims naming the same two parties around one one-way verb in
opposite roles disagree ("Argentina beat France" / "France beat Argentina"; "Vodafone
bought Three" / "Three acquired Vodafone"); they are not one fact told twice.

A closed list of one-way relations, each with its verb forms: a verb that goes both ways
("met", "signed a deal with", "traded with") reads the same with its parties swapped, and
is not on the list. The parties are the nearest strong entity mentions before and after
the verb, within a few words and no clause break; a passive ("was bought by") or a
converse ("lost to") swaps them.
"""

from __future__ import annotations

from typing import NamedTuple

from checker import rx
from checker.normclaim import WEAK_ROLES, NormClaim

_RELATIONS = {
    "beat": "beat beats beating defeat defeats defeated defeating thrashed routed overcame "
            "outscored eliminated edged trounced",
    "acquire": "acquire acquires acquired acquiring buy buys bought buying",
    "invade": "invade invades invaded invading",
    "attack": "attack attacks attacked attacking",
    "sue": "sue sues sued suing",
    "overtake": "overtake overtakes overtook overtaking overtaken",
    "oust": "oust ousts ousted unseated",
}
# Forms in the passive take their agent after "by": "was beaten by", "were acquired by".
_PASSIVE = {"beat": "beaten defeated thrashed routed outscored eliminated edged trounced",
            "acquire": "acquired bought", "invade": "invaded", "attack": "attacked",
            "sue": "sued", "overtake": "overtaken", "oust": "ousted unseated"}
# A converse names the patient first: "France lost to Argentina" is Argentina beat France.
_CONVERSE = {"beat": "lost to|loses to|lose to|losing to"}

_FORM_OF = {form: rel for rel, forms in _RELATIONS.items() for form in forms.split()}
_PASSIVE_FORMS = {form: rel for rel, forms in _PASSIVE.items() for form in forms.split()}
_CONVERSE_OF = {form: rel for rel, forms in _CONVERSE.items() for form in forms.split("|")}

_VERB_RE = rx.compile(
    r"\b(?:(?P<aux>(?:was|were|be|been|being|is|are)\s+)(?P<passive>"
    + "|".join(sorted(_PASSIVE_FORMS, key=len, reverse=True)) + r")\s+by"
    + r"|(?P<converse>" + "|".join(_CONVERSE_OF).replace(" ", r"\s+") + r")"
    + r"|(?P<active>" + "|".join(sorted(_FORM_OF, key=len, reverse=True)) + r"))\b")
# Between a party and its verb: a few words, no clause break ("Argentina, who lost in 2014,
# beat France" names no agent next to the verb).
_GAP_RE = rx.compile(r"[^,;:()\"\u201c\u201d]{0,40}")
_MAX_GAP_WORDS = 3


class Roles(NamedTuple):
    """A one-way relation and its two parties: canonical entity ids, and the words that
    name them (for messages)."""

    relation: str
    agent: str
    patient: str
    agent_text: str = ""
    patient_text: str = ""


# A journey told "from" one place "to" another: one trip has one way ("The vessel was
# sailing from Patras to Sami" / "from Sami to Patras", desk probe Q5: a corroboration).
# Only after a word of travel: "exports from China to the US" and "from the US to China"
# are two flows, "flights from London to Paris" and back two services.
_JOURNEY_RE = rx.compile(
    r"\b(?:sail(?:s|ed|ing)?|travel(?:s|led|ed|ling|ing)?|head(?:s|ed|ing)|bound|"
    r"en\s+route|on\s+(?:its|their|his|her)\s+way|voyage|journey|flew|flying)\s+"
    r"(?P<from>from\s+)")
_TO_RE = rx.compile(r"\s+to\s+")


def roles_of(c: NormClaim) -> Roles | None:
    """The relation, agent and patient of a claim's first one-way verb with a party next to
    it on each side, or of a journey from one place to another (relation "to", the start
    and the end); None when it has none."""
    text = c.text.lower()
    m = _VERB_RE.search(text)
    if m is None:
        return _journey(c, text)
    offset = c.span[0]
    strong = [x for x in c.mentions if x.role not in WEAK_ROLES]
    before = [x for x in strong if x.end - offset <= m.start()]
    after = [x for x in strong if x.start - offset >= m.end()]
    if not before or not after:
        return None
    first, second = before[-1], after[0]
    if first.id == second.id or not (_near(text, first.end - offset, m.start())
                                     and _near(text, m.end(), second.start - offset)):
        return None
    one = (first.id, c.text[first.start - offset:first.end - offset])
    two = (second.id, c.text[second.start - offset:second.end - offset])
    if m.group("active"):
        relation, (agent, patient) = _FORM_OF[m.group("active")], (one, two)
    elif m.group("passive"):
        relation, (agent, patient) = _PASSIVE_FORMS[m.group("passive")], (two, one)
    else:
        relation = _CONVERSE_OF[" ".join(m.group("converse").split())]
        agent, patient = two, one
    return Roles(relation, agent[0], patient[0], agent[1], patient[1])


def _journey(c: NormClaim, text: str) -> Roles | None:
    """"sailing from Patras to Sami": the start and the end of the trip, each a strong
    mention right after its "from" and its "to"; None when the claim tells no such trip."""
    m = _JOURNEY_RE.search(text)
    if m is None:
        return None
    offset = c.span[0]
    at = {x.start - offset: x for x in c.mentions if x.role not in WEAK_ROLES}
    start = at.get(m.end())
    if start is None:
        return None
    to = _TO_RE.match(text, start.end - offset)
    end = at.get(to.end()) if to is not None else None
    if end is None or end.id == start.id:
        return None
    return Roles("to", start.id, end.id, c.text[start.start - offset:start.end - offset],
                 c.text[end.start - offset:end.end - offset])


def _near(text: str, start: int, end: int) -> bool:
    """A few words and no clause break between start and end."""
    gap = text[start:end]
    return _GAP_RE.fullmatch(gap) is not None and len(gap.split()) <= _MAX_GAP_WORDS


def reversed_roles(ra: Roles | None, rb: Roles | None) -> list[str] | None:
    """When both claims state one relation between the same two parties in opposite roles,
    each claim's reading ("Argentina beat France"); else None."""
    if ra is None or rb is None or ra.relation != rb.relation \
            or ra.agent != rb.patient or ra.patient != rb.agent:
        return None
    return [f"{r.agent_text} {r.relation} {r.patient_text}" for r in (ra, rb)]
