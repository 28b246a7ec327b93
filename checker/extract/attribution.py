"""Attribution: who a sentence says told its fact ("according to SIPRI", "..., the
ministry said", "The study suggests that ..."), with its span. The patterns are
`attribution_patterns`'."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from checker import rx
from checker.extract.attribution_cues import GATES as _ATTRIBUTION_GATES
from checker.extract.attribution_cues import LEAD_BIT as _LEAD_BIT
from checker.extract.attribution_cues import PATTERN_NEEDS as _PATTERN_NEEDS
from checker.extract.attribution_cues import PRONOUN_BIT as _PRONOUN_BIT
from checker.extract.attribution_cues import PRONOUNS as _PRONOUNS
from checker.extract.attribution_cues import SOURCE_BIT as _SOURCE_BIT
from checker.extract.attribution_cues import TITLE_BIT as _TITLE_BIT
from checker.extract.attribution_cues import TITLE_WORDS as _TITLE_WORDS
from checker.extract.attribution_cues import TOLD_BITS_AFTER_COMMA as _TOLD_BITS_AFTER_COMMA
from checker.extract.attribution_cues import TOLD_BITS_AFTER_SOURCE as _TOLD_BITS_AFTER_SOURCE
from checker.extract.attribution_cues import TOLD_VERBS as _TOLD_VERBS
from checker.extract.attribution_cues import TRIED_NEEDS as _TRIED_NEEDS
from checker.extract.attribution_patterns import ATTRIBUTION_RES as ATTRIBUTION_RES
from checker.extract.attribution_patterns import (
    HEAD_WORDS,
    LEAD_WORDS_RE,
    NAMED_AFTER,
    NAMED_AT_START,
    NAMED_INDEX,
)
from checker.extract.cues import lower_twin, tokens
from checker.extract.date_patterns import MONTHS, WEEKDAYS
from checker.nlp import ascii_words
from checker.textutil import TUPLE_NEW, blanks_end, fold

_ATTRIBUTION_TWINS: Final = [lower_twin(pattern) for pattern, _ in ATTRIBUTION_RES]
# The other gates of the pronoun's pattern ("he said"): its verbs.
_PRONOUN_CUES: Final = next(need for need in _PATTERN_NEEDS if need & _PRONOUN_BIT) & ~_PRONOUN_BIT
# "The estimated cost", "An estimated 300 people", "The claimed savings": no source.
_NOT_SOURCES = frozenset({"it", "this", "that", "there", "which", "these", "those", "the", "a",
                          "an"})

# Where and to whom it was told is part of the telling: "..., Health Minister Rafiqul Islam
# told reporters in Dhaka." (a desk probe: "Dhaka" stayed in the claim's content and kept it
# from "Bangladesh has declared a health emergency"), "Modi said in New Delhi on Monday".
# After the verb: whom (after "told" only), then "in"/"at" and a capitalised place (not a
# month or a weekday: "said in March" dates the fact), up to the clause's end, "that" or
# the day it was told.
_TOLD_VERB_RE: Final = rx.compile(r"\b(?:said|says|told|added|stated|noted|announced|confirmed|"
                                  r"warned|explained|insisted|argued)\Z")
# A capitalised word, its periods inside it ("U.S", not the sentence's full stop).
_CAPITAL: Final = r"[A-Z](?:[\w'\u2019&-]|\.(?=\w))*"
_WHOM: Final = (r"(?:\s+(?:reporters|journalists|lawmakers|legislators|parliament|(?:the|a)\s+"
                r"(?:[\w'-]+\s+){0,2}?(?:media|press|news\s+agency|newspaper|broadcaster|agency|"
                r"parliament|senate|assembly|audience|crowd|conference)|"
                rf"{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}))")
_WHEN_WORDS: Final = "(?:" + "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS)) + ")"
_PLACE: Final = (rf"\s+(?:in|at)\s+(?:the\s+)?(?!{_WHEN_WORDS}\b){_CAPITAL}"
                 rf"(?:\s+(?:of\s+)?{_CAPITAL}){{0,3}}")
_TOLD_END: Final = (r"(?=\s*(?:[,.;:!?\"')\u201d\u2019]|$)|\s+(?:on|that|late|early|last|this|"
                    r"during|when|while|after|before)\b)")
_TOLD_WHERE_RE: Final = rx.compile(rf"{_PLACE}{_TOLD_END}")
_TOLD_WHOM_RE: Final = rx.compile(rf"{_WHOM}?{_PLACE}{_TOLD_END}")


# A filing and whom it went to: "said in a regulatory filing to the BSE", "in a statement to
# the London Stock Exchange" (desk probe N: the exchange was the claim's only name, so the
# page's company was not lent to it and its revenue met no other page's).
_FILED_RE: Final = rx.compile(r"\b(?:filing|statement|release|letter|notice|submission)\Z")
_TO_BODY: Final = rf"\s+(?:to|with)\s+(?:the\s+)?{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}"
_FILED_TO_RE: Final = rx.compile(rf"{_TO_BODY}{_TOLD_END}")
_SAID_IN_FILING_RE: Final = rx.compile(
    r"\s+in\s+(?:a|an|its|their|the)\s+(?:[\w'-]+\s+){0,2}?(?:filing|statement|release|"
    rf"letter|notice|submission){_TO_BODY}{_TOLD_END}")


def _told_where(sentence: str, end: int) -> int:
    """Where an attribution ending at `end` with its verb ends once whom and where it was told
    ("told reporters in Dhaka", "said in New Delhi") are read with it, or with its filing,
    whom that went to ("in a regulatory filing to the BSE")."""
    verb = _TOLD_VERB_RE.search(sentence, max(0, end - 12), end)
    if verb is None:
        filed = _FILED_TO_RE.match(sentence, end) \
            if _FILED_RE.search(sentence, max(0, end - 12), end) else None
        return filed.end() if filed else end
    found = (_TOLD_WHOM_RE if verb.group() == "told" else _TOLD_WHERE_RE).match(sentence, end) \
        or _SAID_IN_FILING_RE.match(sentence, end)
    return found.end() if found else end


class Attrib(NamedTuple):
    """An attribution found in a sentence.

    A named tuple (immutable, compared by value, as the frozen dataclass it was), built by
    `_attrib` where it is found: a frozen dataclass's __init__ is interpreted Python that
    sets each field by object.__setattr__ (~6,000 instructions an attribution)."""

    text: str
    source: str
    start: int
    end: int


def _attrib(text: str, source: str, start: int, end: int) -> Attrib:
    """Attrib(text, source, start, end), without its interpreted __new__."""
    return TUPLE_NEW(Attrib, (text, source, start, end))


def attribution(text: str, start: int, end: int, folded: str | None = None,
                gates: int | None = None) -> Attrib | None:
    """The first attribution in text[start:end], with its span; `gates` is GATES.mask of
    its lower-case text, when the caller read it (extract.SENTENCE_GATES)."""
    sentence = (fold(text) if folded is None else folded)[start:end]
    lower = sentence.lower()
    if gates is None:
        gates = _ATTRIBUTION_GATES.mask(lower)
    if not gates & 1:
        return None
    if not sentence.isascii():
        gates = -1  # every pattern is tried (see attribution_cues)
    else:
        if gates & _TITLE_BIT and not _titled_name(sentence, lower):
            gates &= ~_TITLE_BIT  # no title before a name: the title patterns cannot match
        if gates & _PRONOUN_CUES == _PRONOUN_CUES and (
                "'" in sentence or not _PRONOUNS.isdisjoint(tokens(sentence))):
            gates |= _PRONOUN_BIT  # "he said" may be told (attribution_cues.PRONOUNS)
        if gates & _SOURCE_BIT:
            # The four patterns of a source's head were tried wherever a head's substring
            # occurs ("report" of "reported", "stud" of "students"), 20,000-70,000
            # instructions each; a head is a word (HEAD_WORDS), and in the two patterns
            # opening the sentence one of its first words.
            if HEAD_WORDS.isdisjoint(tokens(sentence)):
                gates &= ~_SOURCE_BIT
            elif _head_leads(lower):
                gates |= _LEAD_BIT
        gates |= _told_bits(sentence, lower)
    best: Attrib | None = None
    closing: Attrib | None = None
    for pattern, from_source, twin, named in _tries(gates):
        # In ASCII text the lower-case twin finds the same spans; the source's case is read
        # from the sentence (of the match, only its length and lower case are).
        hay = sentence
        if twin is not None:
            pattern, hay = twin, lower
        if named:
            # ATTRIBUTION_RES[NAMED_INDEX]: its match at the start, then NAMED_AFTER's (which
            # the engine finds faster).
            m = NAMED_AT_START.match(sentence)
            pattern = NAMED_AFTER
            if m is None:
                m = pattern.search(sentence)
        else:
            m = pattern.search(hay)
        # The first match that names a source: not "it" ("It said nothing"), not a bare
        # "The" ("The estimated cost"), not a possessive ("The IMF's forecast"). The matches
        # as finditer's, by a search from where the last one ended (no pattern matches empty
        # text): a first match found once, not again by a finditer set up from it.
        while m is not None:
            source = m.group("source").strip()
            if len(source) >= 2 and source.lower() not in _NOT_SOURCES \
                    and not source.endswith(("'s", "\u2019s")):
                break
            m = pattern.search(hay, m.end())
        if m is None:
            continue
        begin = m.start("source") if from_source else m.start()
        lead = sentence[begin:m.end()]
        begin += len(lead) - len(lead.lstrip(' ,."\''))
        clean = _without_lead_words(source)
        offset = len(source) - len(clean)
        src_start = start + m.start("source") + offset
        stop = _told_where(sentence, m.end())
        cand = _attrib(text[start + begin:start + stop],
                       _unstopped(text[src_start:src_start + len(clean)].strip()),
                       start + begin, start + stop)
        if best is None or cand.start < best.start:
            best = cand
        # (Not "according to", which often names the source of one figure only: "Norwell
        # reported revenue of $2.17 billion, beating the estimate of $2.05 billion, according
        # to LSEG data".)
        if closing is None and begin > 0 and _closes(sentence, stop) \
                and not cand.text.lower().startswith("according"):
            closing = cand
    # A telling that closes the sentence tells all of it: "Turkey told CNSA last month that it
    # would withdraw, two officials familiar with the matter said" is the officials' (desk
    # probe L: Turkey's).
    return closing if closing is not None and sentence[closing.start - start - 2:
                                                      closing.start - start].strip() == "," \
        else best


# In lower-case ASCII text: what \\w matches, and what ends a source before its verb's blanks
# (attribution_cues.TOLD_AFTER); the blanks are those \\s matches (str.isspace's).
_WORD_CHARS: Final = "abcdefghijklmnopqrstuvwxyz0123456789_"
_SOURCE_ENDS: Final = _WORD_CHARS + "'.&)-"
_BLANKS: Final = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _told_bits(sentence: str, lower: str) -> int:
    """The bits of the patterns of attribution_cues.TOLD_AFTER that have one of their verbs
    in the ASCII sentence as a whole word after blanks and the end of a source (or a comma),
    as every match of theirs has: the patterns of a source and its verb were tried in every
    sentence with a verb's substring anywhere ('"...," said Mei Beteis, a spokesperson for
    Kucim Motors' tried "..., the ministry said" at each comma, 78,000 instructions)."""
    # Each such verb is a run of letters of the lower case text (cues.tokens, but for
    # "said's": one token where an apostrophe follows).
    words = frozenset(ascii_words(lower)) if "'" in sentence else tokens(sentence)
    bits = 0
    n = len(lower)
    for verb in _TOLD_VERBS.intersection(words):
        at = lower.find(verb)
        while at >= 0:
            end = at + len(verb)
            if end == n or lower[end] not in _WORD_CHARS:
                j = at - 1
                while j >= 0 and lower[j] in _BLANKS:
                    j -= 1
                if 0 <= j < at - 1:
                    if lower[j] == ",":
                        bits |= _TOLD_BITS_AFTER_COMMA[verb]
                    elif lower[j] in _SOURCE_ENDS:
                        bits |= _TOLD_BITS_AFTER_SOURCE[verb]
            at = lower.find(verb, at + 1)
    return bits


def _titled_name(sentence: str, lower: str) -> bool:
    """Whether a title of _TITLE_WORDS, a word of the ASCII sentence, stands before
    whitespace and a capital letter, as both title patterns need ("Finance Minister Ishaq Dar
    said", "..., said Mercia chief economist Priya Sandhu")."""
    # The title patterns were tried in every sentence holding a title word, and took
    # 130,000 instructions each there; in the bench's none was followed by a name (-1.1%).
    for word in _TITLE_WORDS.intersection(tokens(sentence)):
        at = lower.find(word)
        while at >= 0:
            after = at + len(word)
            name = blanks_end(sentence, after)
            if name > after and name < len(sentence) and "A" <= sentence[name] <= "Z":
                return True
            at = lower.find(word, at + 1)
    return False


def _without_lead_words(source: str) -> str:
    """LEAD_WORDS_RE.sub("", source): the source without its lead words ("the", "data
    from"), by a match at its start (the pattern opens with "^" and matches no empty text, so
    it replaces at most that one), without sub's set-up of a substitution."""
    lead = LEAD_WORDS_RE.match(source)
    return source if lead is None else source[lead.end():]


def _head_leads(lower: str) -> bool:
    """Whether a word of HEAD_WORDS is one of the first six words of the lower-case ASCII
    sentence (split at whitespace, its quotes and commas stripped), as the head of a source's
    noun phrase opening it is (attribution_patterns.LEAD_INDEXES)."""
    for word in lower.split(None, 6)[:6]:  # noqa: SIM110 -- any() would build a generator
        if word.strip("\"',") in HEAD_WORDS:
            return True
    return False


_Try = tuple[re.Pattern[str], bool, re.Pattern[str] | None, bool]


@lru_cache(maxsize=4096)
def _tries(gates: int) -> tuple[_Try, ...]:
    """(pattern, from_source, lower-case twin or None, whether it is read as _named_matches)
    of the patterns a sentence with these gates can match, in order (-1: a non-ASCII
    sentence, every pattern, none by its twin): listed once a mask, not tested pattern by
    pattern in every sentence."""
    return tuple((pattern, from_source, twin if gates != -1 else None, i == NAMED_INDEX)
                 for i, ((pattern, from_source), need, twin) in enumerate(zip(
                     ATTRIBUTION_RES, _TRIED_NEEDS, _ATTRIBUTION_TWINS, strict=True))
                 if gates & need == need)


_FULL_STOP_RE: Final = rx.compile(r"(?<=\w{4})\.\Z")


def _unstopped(source: str) -> str:
    """The source without the sentence's full stop ("said Chiara Bellini of Sea Rescue
    Network.": desk probe R); an abbreviation's point stays ("Acme Inc.", "U.S.")."""
    # The pattern ends in "\.\Z": a source not ending in "." (most) is returned as it is,
    # without the substitution's scan of every position for its look-behind.
    return _FULL_STOP_RE.sub("", source) if source.endswith(".") else source


def _closes(sentence: str, end: int) -> bool:
    """Whether an attribution ending at `end` closes its sentence (a few words of when or
    where at most, no other clause after it)."""
    rest = sentence[end:]
    return "," not in rest and ";" not in rest and len(rest.split()) <= 4
