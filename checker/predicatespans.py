"""Predicate phrases in a text, with their character spans ("rose", "signed a deal with",
"is a member of"): the lexicon's phrases (PredicateInfo, indexed by their first stems) over
a sentence's stems, and the changes a sentence tells without a verb of the lexicon ("were
down 12%", "shares sank 17%", "(+4.9%"). `Lexicon.predicate_spans` and
`Lexicon.find_predicates` read them here."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from checker import rx
from checker.nlp import AUXILIARIES, stem
from checker.textutil import matches

if TYPE_CHECKING:
    from checker.lexicon import Lexicon


@dataclass(frozen=True)
class PredicateInfo:
    """A predicate id with its phrases (stemmed, auxiliaries removed)."""

    id: str
    phrases: tuple[tuple[str, ...], ...]
    antonyms: tuple[str, ...] = ()
    single_valued: bool = False

    def __reduce__(self) -> tuple[Callable[..., PredicateInfo], tuple[object, ...]]:
        """Pickled as its fields, rebuilt by __init__ (a compiled frozen class cannot be set
        attribute by attribute: checker.native)."""
        return PredicateInfo, (self.id, self.phrases, self.antonyms, self.single_valued)


# A phrase index: first stem -> (phrase, predicate id), longest phrase first.
PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def index_phrases(index: PhraseIndex, phrases: Sequence[tuple[str, ...]], pid: str) -> None:
    """Add a predicate's phrases to the index, each bucket kept longest first."""
    for phrase in phrases:
        index.setdefault(phrase[0], []).append((phrase, pid))
    for bucket in index.values():
        bucket.sort(key=lambda item: -len(item[0]))


def phrases_in(index: PhraseIndex, stems: list[str]) -> list[tuple[str, int, int]]:
    """The indexed phrases that occur in stems (auxiliaries removed): (id, i, j), the
    longest at each place, the next one after it."""
    out: list[tuple[str, int, int]] = []
    # Only the words a phrase starts with are tried (one in twenty), each looked up once in
    # a compiled loop (a set.isdisjoint call and a list of the hits were two passes); a
    # phrase found takes its words, and the next one starts after it.
    free = 0
    for i in range(len(stems)):
        if i < free:
            continue
        bucket = index.get(stems[i])
        if bucket is None:
            continue
        for phrase, pid in bucket:
            if _holds(stems, i, phrase):
                out.append((pid, i, i + len(phrase)))
                free = i + len(phrase)
                break
    return out


def _holds(stems: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether stems[i:] opens with phrase: tuple(stems[i:i + len(phrase)]) == phrase,
    word by word, no slice nor tuple made."""
    size = len(phrase)
    if i + size > len(stems):
        return False
    return all(stems[i + k] == phrase[k] for k in range(size))  # (an inlined loop, compiled)


def predicate_spans(lexicon: Lexicon, text: str, start: int = 0,
                    end: int | None = None) -> list[tuple[str, int, int]]:
    """Predicate phrases in text[start:end] with character spans."""
    words, starts, ends, _, keys = lexicon.words(text, start, end)
    # The stems of the words that are no auxiliary, and their places: a compiled loop calls
    # the compiled stem (a dict look-up) directly, where map() called it through Python's
    # call protocol for each word.
    stems: list[str] = []
    at: list[int] = []
    # ... and whether a word is "up" or "down" (_moved_by's), "sank" or "rallied"
    # (_moved_to's), asked in the same loop: not a scan of the list for each ("up" in keys).
    moved_by = moved_to = False
    for i, key in enumerate(keys):
        if key not in AUXILIARIES:
            stems.append(stem(key))
            at.append(i)
        if key == "up" or key == "down":
            moved_by = True
        elif key == "sank" or key == "rallied":
            moved_to = True
    phrases = lexicon.find_predicates(stems)
    found: list[tuple[str, int, int]] = []
    if phrases:
        found = [(pid, starts[at[i]], ends[at[j - 1]])
                 for pid, i, j in phrases if not _no_verb(text, words, starts, ends, at[i])]
    if not found and moved_by:
        found = _moved_by(lexicon, text, starts, ends, keys)
    stop = len(text) if end is None else end
    # (_moved_to finds nothing without a word "sank" or "rallied": the text is searched
    # for them in lower case only when one is there.)
    if not found and moved_to and (text.find("sank", start, stop) >= 0
                                   or text.find("rallied", start, stop) >= 0):
        found = _moved_to(lexicon, keys, starts, ends)
    if not found and text.find(" from ", start, stop) >= 0:
        found = _to_from(lexicon, text, start, stop)
    if text.find("+", start, stop) >= 0 or text.find("(-", start, stop) >= 0 \
            or text.find(", -", start, stop) >= 0 or text.find("\u2212", start, stop) >= 0:
        found += _signed(lexicon, text, start, stop)
    return found

def _signed(lexicon: Lexicon, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """"Scotland (+4.9%, £218,450)", "London (-1.1%)": a change told by its sign, as
    "rose" or "fell" tells it (desk probe N: "(+4.9%" corroborated "fell 4.9%")."""
    found = []
    for m in matches(_SIGNED_CHANGE_RE, text, start, end):
        found += _change(lexicon, m.group(1) == "+", m.start(1), m.end(1))
    return found


def _change(lexicon: Lexicon, rose: bool, start: int, end: int) -> list[tuple[str, int, int]]:
    """The predicate of a rise or a fall told without a verb, at text[start:end]."""
    return [(pid, start, end)
            for pid, _, _ in lexicon.find_predicates([stem("rose" if rose else "fell")])[:1]]

def _to_from(lexicon: Lexicon, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """"cut their stake to 18.1% from 19.6%", "raised it to $4.50 from $4": a change told by
    its two figures, when no verb of the lexicon tells it (desk probe N: "cut ... to 18.1% from
    19.6%" corroborated "raised ... to 19.6% from 18.1%"). Figures of one unit and scale only."""
    for m in matches(_TO_FROM_RE, text, start, end):
        if not (m.group("sign") or m.group("unit")):
            continue  # "returned to 1 from 2 in the rankings": a rank rises as it falls
        new, old = (float(g.replace(",", "")) for g in m.group("new", "old"))
        if new != old:
            return _change(lexicon, new > old, m.start(), m.end())
    return []


def _moved_to(lexicon: Lexicon, keys: list[str], starts: list[int],
              ends: list[int]) -> list[tuple[str, int, int]]:
    """"Shares sank 17%", "oil rallied to $82": a change only before its figure ("the
    ferry sank off Bali", "farmers rallied in Brussels" change nothing: a review)."""
    for j, key in enumerate(keys[:-1]):
        if key not in _MOVED_WORDS:
            continue
        nxt = keys[j + 1]
        if not (nxt[:1].isdigit() or nxt in ("to", "by") and j + 2 < len(keys)
                and keys[j + 2][:1].isdigit()):
            continue
        found = _change(lexicon, _MOVED_WORDS[key] == "rose", starts[j], ends[j])
        if found:
            return found
    return []

def _moved_by(lexicon: Lexicon, text: str, starts: list[int], ends: list[int],
              keys: list[str]) -> list[tuple[str, int, int]]:
    """"Cases were down 12%", "sales, up 12% on the year": a figure's change told by
    "up" or "down" before it, read as the phrase "up from" or "down from" is (a desk
    probe: "down 12%" and "up 12%" corroborated). Only after a form of "be", a word of a
    market's session or a comma: "set up 12 plants" sets them up."""
    for j in range(len(keys) - 1):
        if keys[j] not in ("up", "down") or not keys[j + 1][:1].isdigit():
            continue
        if j and keys[j - 1] not in _BE and keys[j - 1] not in _SESSION_WORDS \
                and "," not in text[ends[j - 1]:starts[j]]:
            continue
        if _CHANGE_FIGURE_RE.match(text, ends[j]) is None:
            continue  # "were down 7 at half-time" is a score (a review)
        for pid, _, _ in lexicon.find_predicates([stem(keys[j]), stem("from")]):
            return [(pid, starts[j], ends[j])]
    return []


_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# ... or after a market's session: "closed up 1.2%", "ended down 0.5%", "opened up 3 points"
# (desk probe K: "closed up 1.2%" and "closed down 1.2%" corroborated).
_SESSION_WORDS: Final = frozenset({"closed", "ended", "finished", "opened", "traded", "trading",
                                  "stood", "settled", "last"})
_MOVED_WORDS: Final = {"sank": "fell", "rallied": "rose"}
# A figure with what a change is measured in: "12%", "3.2 per cent", "5 points", "$2 billion".
_CHANGE_FIGURE_RE: Final = rx.compile(
    r"\s+[$\u00a3\u20ac]?\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b|"
    r"points?\b|pts\b|bps\b|basis\s+points\b|million\b|billion\b|bn\b|m\b)", re.IGNORECASE)


# "to 18.1% from 19.6%", "to $4.50 from $4 a share": both figures with one currency sign and
# one unit or scale word (the second group must repeat the first's).
_TO_FROM_RE: Final = rx.compile(
    r"\bto\s+(?P<sign>[$\u00a3\u20ac\u20b9]?)(?P<new>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<unit>%|per\s*cent\b|percentage\s+points?\b|points?\b|million\b|billion\b|bn\b|"
    r"crore\b|lakh\b|)\s*from\s+(?P=sign)(?P<old>\d[\d,]*(?:\.\d+)?)\s*(?P=unit)"
    r"(?![\w.,]*\d)", re.IGNORECASE)


# A signed change in brackets or after a comma: "(+4.9%", ", -1.1%"; not a range "3-4%"
# nor a hyphen of a compound.
_SIGNED_CHANGE_RE: Final = rx.compile(
    r"(?:(?<=\()|(?<=,\s))([+\u2212-])\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b|"
    r"percentage\s+points?\b|points?\b|pp\b)", re.IGNORECASE)


# Words that start a noun phrase: the noun "contract" after one ("signed a contract", "a
# four-year contract") is an agreement, not the verb "contracted" (a decrease). Nouns that
# name the predicate's own event ("a rise of 5%", "a sharp fall") keep it: only nouns of
# another sense are listed.
_DETERMINERS: Final = frozenset("a an the this that these those its his her their our my your "
                                "every each no new".split())
_OTHER_SENSE_NOUNS: Final = frozenset({"contract", "contracts"})
# Surface forms of another verb that stem like a predicate's: "were found in the runway" is
# "find", not "founded in" (a desk probe gave one page's claim a predicate its twin lacked).
_HOMOGRAPHS: Final = frozenset({"found"})


def _no_verb(text: str, words: list[str], starts: list[int], ends: list[int],
             i: int) -> bool:
    """Whether the phrase word words[i] is no verb here: a homograph of another verb, or a
    noun of another sense after a determiner (across a hyphenated modifier: "a four-year
    contract")."""
    word = words[i].lower()
    if word in _HOMOGRAPHS:
        return True
    if word not in _OTHER_SENSE_NOUNS:
        return False
    j = i - 1
    while j > 0 and text[ends[j - 1]:starts[j]] == "-":
        j -= 2 if j > 1 else 1  # "four-year": both words of the modifier
    return j >= 0 and words[j].lower() in _DETERMINERS
