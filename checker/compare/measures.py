"""What a claim's figures measure: "Zambia's maize harvest" and "Zambia's wheat harvest",
or "revenue" and "operating profit", are two measures of one entity, and their figures are
neither one fact told twice nor two answers to one question."""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.nlp import STOPWORDS, word_stem

# Nouns a news figure measures, as written, by their frame stem ("sales" and "turnover"
# are revenue to the frame, "earnings" profit): a claim's frame says which it names, and
# only those forms are searched for.
_WORDS = (
    "harvest harvests crop crops output revenue revenues sales turnover profit profits "
    "earnings income loss losses export exports import imports deficit deficits surplus "
    "surpluses budget budgets spending debt debts wage wages salary salaries price prices "
    "cost costs population turnout unemployment inflation investment investments dividend "
    "dividends").split()
_FORMS: dict[str, re.Pattern[str]] = {
    stem: re.compile(r"\b(?:" + "|".join(w for w in _WORDS if word_stem(w) == stem) + r")\b",
                     re.IGNORECASE)
    for stem in {word_stem(w) for w in _WORDS}}
_STEMS = frozenset(_FORMS)
_MEASURE_WORDS = frozenset(_WORDS)
# Measures news copy names for one another, read as one: a result and its opposite
# ("profit" / "loss"), and words used alike ("inflation" / "consumer prices", "net income" /
# "net profit", "maize output" / "maize harvest", "defence spending" / "defence budget").
_GROUPS = {word_stem(w): word_stem(g) for w, g in (
    ("loss", "profit"), ("income", "profit"), ("dividend", "profit"), ("surplus", "deficit"),
    ("inflation", "price"), ("cost", "price"), ("crop", "harvest"), ("output", "harvest"),
    ("budget", "spending"), ("salary", "wages"))}
# Words before a measure that leave it the same measure ("record revenue", "its profit").
_PLAIN = frozenset(word_stem(w) for w in (
    "record", "total", "overall", "combined", "latest", "higher", "lower", "strong", "weak",
    "big", "bigger", "biggest", "largest", "high", "low", "rising", "falling", "first",
    "second", "third", "fourth", "full", "year", "fiscal", "calendar"))
# The word before a measure, with nothing but spaces between.
_BEFORE_RE = re.compile(r"([\w'\u2019-]+)[ \t]+\Z")

Measures = Mapping[str, frozenset[str]]


def measures_of(text: str, tokens: frozenset[str]) -> dict[str, frozenset[str]]:
    """The measures a claim names in its frame (`tokens`: a measure word inside a name or
    a figure, as "Inland Revenue", is none), each with the words that qualify it ("maize" in
    "maize harvest"; an empty set for a bare "revenue")."""
    named = _STEMS & tokens
    if not named:  # most claims: no measure, and no search
        return {}
    found: dict[str, set[str]] = {}
    for stem in named:
        mods = found.setdefault(_GROUPS.get(stem, stem), set())
        for m in _FORMS[stem].finditer(text):
            before = _BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            mod = _modifier(before.group(1)) if before else None
            if mod is not None and mod in tokens:  # not in a name or figure ("$1.2 billion")
                mods.add(mod)
    return {head: frozenset(mods) for head, mods in found.items()}


def _modifier(word: str) -> str | None:
    """The stem of a word that makes a measure another one, or None. A hyphenated,
    possessive or capitalised word qualifies no measure ("fourth-quarter revenue" names a
    period, "the company's revenue" its owner, "China exports" an entity of the claim), nor
    does a stopword, a past form ("reported revenue"), a plain word or another measure."""
    if not word.isalpha() or word[0].isupper():
        return None
    lower = word.lower()
    if lower in STOPWORDS or lower.endswith("ed") or lower in _MEASURE_WORDS:
        return None
    stem = word_stem(lower)
    return None if stem in _PLAIN else stem


def measures_differ(ma: Measures, mb: Measures, tokens_a: frozenset[str],
                    tokens_b: frozenset[str]) -> bool:
    """Two claims whose figures measure different things: each names a measure the other
    does not ("revenue" / "operating profit"), or they name one measure qualified apart
    ("maize harvest" / "wheat harvest": each qualifier absent from the other claim)."""
    if not ma or not mb:
        return False
    shared = ma.keys() & mb.keys()
    if not shared:
        return True
    return all(ma[h] and mb[h] and ma[h].isdisjoint(tokens_b) and mb[h].isdisjoint(tokens_a)
               for h in shared)
