"""Ordinary words for filler sentences, and the misspelling list derived from them.

The same list feeds the term rules, the codespell dictionary and the typos config, so
the three tools look for exactly the same wrong spellings.
"""

from __future__ import annotations

import random

NOUNS = """
agreement analysis approach authority balance budget business capacity challenge change
committee community company competition conference contract cooperation corridor council
country customer decision delegation demand department development difference director
economy election electricity employment energy engineer environment equipment estimate
evidence exchange experience export facility finance framework funding government growth
harbour industry inflation information infrastructure initiative interest investment
investor journalist language leadership machinery management manufacturer market meeting
minister ministry network official operation opportunity organisation partnership payment
pipeline platform policy population pressure production programme progress project
proposal province question railway recovery region regulator relationship report research
resource revenue satellite scientist security shipment society software statement station
strategy student supplier support system technology telescope territory transport treaty
university vehicle village weather workforce
""".split()
ADJECTIVES = """
ambitious annual bilateral careful central commercial critical current digital domestic
economic effective essential external federal financial foreign global gradual historic
important industrial initial international legal limited local major massive modern
national natural necessary official ongoing overall political practical previous private
public recent regional regular remarkable renewable scientific serious significant
similar special stable strategic strong successful sudden technical temporary
""".split()
VERBS = """
accelerate address affect approve attract boost complete confirm consider continue deliver
develop discuss encourage enhance expand finance improve increase maintain manage monitor
promote protect provide receive reduce reflect replace require review strengthen support
sustain transform
""".split()
VOCABULARY = sorted(set(NOUNS) | set(ADJECTIVES) | set(VERBS))


def _variants(word: str) -> list[str]:
    """Plausible typing errors: adjacent letters swapped, a letter dropped or doubled."""
    out = []
    for i in range(1, len(word) - 2):
        out.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    for i in range(2, len(word) - 1):
        out.append(word[:i] + word[i + 1:])
        out.append(word[:i] + word[i] + word[i:])
    return [v for v in out if v != word]


def misspellings(count: int, seed: int = 8) -> list[tuple[str, str]]:
    """`count` (wrong, right) pairs, deterministic, none of them a vocabulary word."""
    rng = random.Random(seed)
    real = set(VOCABULARY)
    pool: dict[str, str] = {}
    for w in VOCABULARY:
        for v in _variants(w):
            if v not in real and v not in pool:
                pool[v] = w
    pairs = sorted(pool.items())
    rng.shuffle(pairs)
    # Round-robin over words so that a small list still covers many words.
    by_word: dict[str, list[tuple[str, str]]] = {}
    for wrong, right in pairs:
        by_word.setdefault(right, []).append((wrong, right))
    out: list[tuple[str, str]] = []
    while len(out) < count and any(by_word.values()):
        for right in sorted(by_word):
            if by_word[right] and len(out) < count:
                out.append(by_word[right].pop())
    if len(out) < count:
        raise ValueError(f"only {len(out)} misspellings available")
    return out
