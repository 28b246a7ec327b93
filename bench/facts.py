"""Facts of the generated world: each has true slot values, paraphrase templates, and
optionally a planted conflicting version (another number, another date, the opposite)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench import templates as t
from bench.templates import Sentence, Slot

CHANGE_VARIANTS = ("Chiang'e", "Chang-e", "Chang'E", "Chan'ge", "Chiang\u2019e")
CHANGE_LAUNCH = {n: 2024 + n // 2 for n in range(5, 10)}  # one launch year per mission


@dataclass
class Fact:
    """A statement several documents may make; `alt` is the planted conflicting version."""

    id: str
    kind: str
    templates: list[str]
    slots: dict[str, Slot]
    alt_templates: list[str] = field(default_factory=list)
    alt_slots: dict[str, Slot] = field(default_factory=dict)
    conflict: str | None = None  # number | date | polarity
    negative: bool = False
    planned: bool = False

    @property
    def key(self) -> tuple[str, ...]:
        """What the fact is about: two facts with one key would contradict each other."""
        about = KEYS.get(self.kind, ())
        return (self.kind, *(self.slots[k].text for k in about))

    def statement(self, rng: random.Random, alt: bool = False) -> Sentence:
        """One document's wording of the fact (true or the conflicting version)."""
        use_alt = alt and self.conflict is not None
        pool = self.alt_templates if use_alt and self.alt_templates else self.templates
        values = {**self.slots, **(self.alt_slots if use_alt else {})}
        sentence = t.render(rng.choice(pool), values)
        sentence.fact = self.id
        sentence.variant = "alt" if use_alt else "true"
        negative = self.negative != (use_alt and self.conflict == "polarity")
        sentence.negative = negative
        sentence.planned = self.planned
        return sentence


@dataclass
class World:
    """The entities facts are drawn from; sizes grow with the corpus."""

    companies: list[str]
    organisations: list[str]
    satellites: list[str]
    people: list[str]
    countries: list[str]
    cities: list[str]


def _other(rng: random.Random, value: float, low: float, high: float) -> float:
    """A clearly different value: 25-60 % off, up or down."""
    factor = rng.uniform(1.25, 1.6) if rng.random() < 0.5 else rng.uniform(0.4, 0.75)
    return min(high, max(low, value * factor))


def _china_or(rng: random.Random, world: World, p_china: float) -> Slot:
    if rng.random() < p_china:
        return t.entity("China", "china")
    name = rng.choice(world.countries)
    return t.entity(name, name.lower())


def revenue(fid: str, rng: random.Random, w: World) -> Fact:
    """A company's annual revenue (half of them earned in China): number conflicts."""
    m = round(rng.uniform(5, 900), 1)
    slots = {"C": t.entity(rng.choice(w.companies)), "X": t.money_millions(m),
             "Y": t.year(rng.randint(2019, 2024)), "K": t.entity("China", "china")}
    alt = {"X": t.money_millions(round(_other(rng, m, 1, 2000), 1))}
    templates = [
        "{C} reported annual revenue of {X} in {Y}.",
        "{C} said its revenue for {Y} was {X}.",
        "In {Y}, {C} posted revenue of {X}, according to its annual report.",
    ]
    if rng.random() < 0.5:
        templates = [
            "{C} reported annual revenue of {X} in {Y}, most of it from sales in {K}.",
            "{C} said its revenue for {Y}, mostly earned in {K}, was {X}.",
            "In {Y}, {C} posted revenue of {X}, largely from its business in {K}.",
        ]
    return Fact(fid, "revenue", templates, slots, alt_slots=alt, conflict="number")


def contract(fid: str, rng: random.Random, w: World) -> Fact:
    """A contract with a partner (China most often): number or date conflicts."""
    m = round(rng.uniform(10, 2000), 1)
    y, mo = rng.randint(2019, 2024), rng.randint(1, 12)
    slots = {"C": t.entity(rng.choice(w.companies)), "X": t.money_millions(m),
             "P": _china_or(rng, w, 0.8), "D": t.month(y, mo)}
    if rng.random() < 0.5:
        alt, kind = {"X": t.money_millions(round(_other(rng, m, 1, 5000), 1))}, "number"
    else:
        alt, kind = {"D": t.month(y + rng.choice((-2, -1, 1, 2)), mo)}, "date"
    return Fact(fid, "contract", [
        "{C} signed a {X} contract with {P} in {D}.",
        "In {D}, {C} agreed a {X} deal with {P}.",
        "{P} awarded {C} a contract worth {X} in {D}.",
    ], slots, alt_slots=alt, conflict=kind)


def launch(fid: str, rng: random.Random, w: World) -> Fact:
    """A satellite launch year: date conflicts."""
    y = rng.randint(2025, 2030)
    agency = rng.choice([t.entity("SUPARCO", "suparco"), t.entity("CNSA", "cnsa")])
    slots = {"S": t.entity(rng.choice(w.satellites)), "Y": t.year(y), "A": agency}
    alt = {"Y": t.year(y + rng.choice((-2, -1, 1, 2)))}
    return Fact(fid, "launch", [
        "The {S} satellite will launch in {Y}, {A} said.",
        "{A} plans to launch the {S} satellite in {Y}.",
        "The {S} satellite is scheduled to launch in {Y}, according to {A}.",
    ], slots, alt_slots=alt, conflict="date", planned=True)


def workforce(fid: str, rng: random.Random, w: World) -> Fact:
    """How many people a company employs somewhere: number conflicts."""
    n = rng.randint(3, 200) * 100
    slots = {"C": t.entity(rng.choice(w.companies)), "N": t.count(n, "people"),
             "L": t.entity(rng.choice(w.cities))}
    alt = {"N": t.count(int(_other(rng, n, 100, 40000)) // 100 * 100, "people")}
    return Fact(fid, "workforce", [
        "{C} employs {N} people in {L}.",
        "In {L}, {C} employs {N} people.",
        "{C} now employs {N} people at its {L} site.",
    ], slots, alt_slots=alt, conflict="number")


def membership(fid: str, rng: random.Random, w: World) -> Fact:
    """Whether a country is a member of a body: polarity conflicts."""
    holds = rng.random() < 0.6
    slots = {"K": _china_or(rng, w, 0.5), "O": t.entity(rng.choice(w.organisations))}
    positive = ["{K} is a member of the {O}.", "{K} is one of the members of the {O}."]
    negative = ["{K} is not a member of the {O}.", "{K} has never been a member of the {O}."]
    return Fact(fid, "membership", positive if holds else negative, slots,
                alt_templates=negative if holds else positive, conflict="polarity",
                negative=not holds)


def exports(fid: str, rng: random.Random, w: World) -> Fact:
    """Growth of a company's exports to China: number conflicts."""
    p = round(rng.uniform(2, 40), 1)
    slots = {"C": t.entity(rng.choice(w.companies)), "P": t.percent(p),
             "Y": t.year(rng.randint(2019, 2024)), "K": t.entity("China", "china")}
    alt = {"P": t.percent(round(_other(rng, p, 0.5, 90), 1))}
    return Fact(fid, "exports", [
        "{C}'s exports to {K} rose {P} in {Y}.",
        "Exports of {C} to {K} increased by {P} in {Y}.",
        "In {Y}, {C} saw its exports to {K} grow by {P}.",
    ], slots, alt_slots=alt, conflict="number")


def change(fid: str, rng: random.Random, w: World) -> Fact:
    """A Chang'e mission's launch year: never conflicting; carries misspellings."""
    n = rng.choice(sorted(CHANGE_LAUNCH))
    slots = {"M": t.entity(f"Chang'e {n}"), "Y": t.year(CHANGE_LAUNCH[n]),
             "K": t.entity("China", "china")}
    return Fact(f"change-{n}", "change", [
        "{K}'s {M} lunar probe will launch in {Y}.",
        "The {M} mission is scheduled to launch in {Y}, {K} said.",
        "{K} plans to send {M} to the Moon in {Y}.",
    ], slots, planned=True)


KEYS = {
    "revenue": ("C", "Y"), "contract": ("C", "P"), "launch": ("S",), "workforce": ("C", "L"),
    "membership": ("K", "O"), "exports": ("C", "Y"), "change": ("M",),
}
KINDS = {
    "revenue": (revenue, 0.2), "contract": (contract, 0.22), "launch": (launch, 0.12),
    "workforce": (workforce, 0.14), "membership": (membership, 0.1),
    "exports": (exports, 0.17), "change": (change, 0.05),
}


def make_fact(index: int, rng: random.Random, world: World,
              taken: dict[tuple[str, ...], Fact]) -> Fact:
    """A fact of a kind drawn by the weights in KINDS, about something no other fact is
    about (a company has one revenue per year): the world itself never contradicts."""
    names = list(KINDS)
    kind = rng.choices(names, weights=[KINDS[k][1] for k in names])[0]
    for _ in range(100):
        fact = KINDS[kind][0](f"f{index:07d}", rng, world)
        if fact.key not in taken:
            taken[fact.key] = fact
            return fact
    return taken[fact.key]  # the world is full for this kind: state a known fact again


def misspell(sentence: Sentence, rng: random.Random) -> Sentence:
    """Write the sentence's Chang'e with one of the wrong spellings the rules know."""
    wrong = rng.choice(CHANGE_VARIANTS)
    for i, (slot, a, b) in enumerate(sentence.slots):
        if slot.kind == "entity" and slot.text.startswith("Chang'e"):
            new_text = wrong + slot.text[len("Chang'e"):]
            delta = len(new_text) - len(slot.text)
            sentence.text = sentence.text[:a] + new_text + sentence.text[b:]
            new_slot = Slot(new_text, "entity")
            sentence.slots[i] = (new_slot, a, b + delta)
            sentence.slots = [
                (s, x + delta, y + delta) if x > a else (s, x, y) for s, x, y in sentence.slots
            ]
            sentence.misspelling = (a, a + len(wrong), wrong)
            return sentence
    return sentence
