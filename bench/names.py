"""Deterministic made-up names: companies, people, organisations, satellites, publishers."""

from __future__ import annotations

import random

ONSETS = "b br c d f g h k l m n p r s st t tr v z".split()
VOWELS = "a e i o u ai ei ou".split()
CODAS = "n r l s x m nd rt".split()
COMPANY_SUFFIXES = (
    "Dynamics Systems Foods Energy Motors Holdings Labs Textiles Pharma Logistics Minerals "
    "Telecom Aerospace Cement Steel Shipping Robotics Solar Chemicals Networks"
).split()
ORG_KINDS = "Trade Council|Space Forum|Energy Compact|Ports Alliance|Grain Accord".split("|")
FIRST_NAMES = (
    "Amir Sana Bilal Hina Omar Ayesha Li Wei Zhang Mei Chen Hui Farah Imran Nadia Tariq "
    "Kamal Rubina Yusuf Lina Daniel Maria Samuel Grace Peter Anna"
).split()
CITIES = (
    "Lahore Karachi Islamabad Peshawar Quetta Gwadar Multan Faisalabad Shanghai Shenzhen "
    "Chengdu Wuhan Xian Kunming Urumqi Tianjin Dubai Colombo Dhaka Nairobi Jakarta Hanoi"
).split()
# Countries mentioned beside China (all in checker/data/countries.yaml).
COUNTRIES = (
    "Pakistan India Iran Turkey Egypt Kenya Nigeria Brazil Indonesia Malaysia Thailand Vietnam "
    "Bangladesh Kazakhstan Uzbekistan Mongolia Nepal Ethiopia Argentina Chile Peru Mexico"
).split()


def word(rng: random.Random, syllables: int = 2) -> str:
    """A pronounceable capitalised made-up word."""
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def unique_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """`count` distinct made-up words not in `taken` (which is extended)."""
    out: list[str] = []
    while len(out) < count:
        w = word(rng, rng.choice((2, 2, 3)))
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


def companies(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Company names such as "Norvex Dynamics"."""
    return [f"{w} {rng.choice(COMPANY_SUFFIXES)}" for w in unique_words(rng, count, taken)]


def organisations(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Multilateral bodies such as "Kelora Trade Council"."""
    return [f"{w} {rng.choice(ORG_KINDS)}" for w in unique_words(rng, count, taken)]


def satellites(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Satellite names such as "Karosat-2"."""
    return [f"{w}sat-{rng.randint(1, 9)}" for w in unique_words(rng, count, taken)]


def people(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """Person names such as "Hina Tarvel"."""
    return [f"{rng.choice(FIRST_NAMES)} {w}" for w in unique_words(rng, count, taken)]
