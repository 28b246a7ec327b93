"""Word-level knowledge for verdicts: opposite words and mutually exclusive kinds of things.

Both are data files in checker/data (antonyms.txt, types.yaml), read once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ruamel.yaml import YAML

from checker.nlp import stem, word_stem

Pair = tuple[frozenset[str], frozenset[str]]


def _stems(words: str) -> frozenset[str]:
    return frozenset(word_stem(w.lower()) for w in words.replace("-", " ").split())


@cache
def antonyms() -> tuple[Pair, ...]:
    """Opposite word groups, stemmed."""
    text = resources.files("checker.data").joinpath("antonyms.txt").read_text("utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#") and "|" in line:
            left, right = line.split("|", 1)
            pairs.append((_stems(left), _stems(right)))
    return tuple(pairs)


@cache
def _groups_of() -> dict[str, tuple[int, ...]]:
    """Stem -> indexes of the antonym pairs it takes part in (either side)."""
    out: dict[str, list[int]] = {}
    for index, (left, right) in enumerate(antonyms()):
        for word in left | right:
            out.setdefault(word, []).append(index)
    return {word: tuple(found) for word, found in out.items()}


@cache
def _antonym_words() -> frozenset[str]:
    """Every stem of an antonym pair."""
    return frozenset(_groups_of())


def opposable(words: frozenset[str]) -> bool:
    """Whether some word is in an antonym pair: `opposite_words` finds nothing unless both
    sides' words are (a test made once a claim, not a set difference a pair)."""
    return not words.isdisjoint(_antonym_words())


def opposite_words(a: frozenset[str], b: frozenset[str]) -> tuple[str, str] | None:
    """A word of a whose opposite is in b (and neither side uses both): ("best", "worst")."""
    only_a, only_b = a - b, b - a
    if not only_a or not only_b:
        return None
    groups_of = _groups_of()
    # Only pairs with a word of only_a can match; visiting them in file order keeps the
    # first match the one a scan of every pair finds.
    candidates = sorted({i for w in only_a for i in groups_of.get(w, ())})
    pairs = antonyms()
    for left, right in (pairs[i] for i in candidates):
        for x, y in ((left, right), (right, left)):
            hit_a, hit_b = only_a & x, only_b & y
            if hit_a and hit_b and not (a & y) and not (b & x):
                return min(hit_a), min(hit_b)
    return None


@cache
def kinds() -> dict[str, tuple[str, int]]:
    """Head noun stem -> (class, group): same class, other group = a different kind."""
    text = resources.files("checker.data").joinpath("types.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    out: dict[str, tuple[str, int]] = {}
    for cls, groups in sorted(data.items()):
        for index, group in enumerate(groups):
            for noun in group:
                out[stem(str(noun).lower())] = (cls, index)
    return out


def different_kinds(head_a: str, head_b: str) -> bool:
    """"film" vs "series", "actress" vs "dog": both known, not of one group."""
    ka, kb = kinds().get(head_a), kinds().get(head_b)
    return bool(ka and kb and ka != kb)


def same_kind(head_a: str, head_b: str) -> bool:
    """Same head, or heads of one group ("film" and "movie")."""
    return head_a == head_b or kinds().get(head_a, ("", -1)) == kinds().get(head_b, ("", -2))
