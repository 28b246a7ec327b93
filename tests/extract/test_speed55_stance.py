"""Speed rewrites of attribution and stance, each against the code it replaced (kept here as
the reference): the same answers on the cases that matter and on hypothesis strings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import attribution as at
from checker.extract import verb_forms
from checker.extract.attribution_cues import (
    GATES,
    LEAD_BIT,
    PATTERN_NEEDS,
    SOURCE_BIT,
    TRIED_NEEDS,
)
from checker.extract.attribution_patterns import (
    _HEADS,
    ATTRIBUTION_RES,
    HEAD_WORDS,
    LEAD_INDEXES,
    LEAD_WORDS_RE,
    NAMED_AFTER,
    NAMED_AT_START,
    NAMED_INDEX,
)
from checker.extract.cues import tokens
from checker.textutil import fold, matches


def _named_matches(sentence: str) -> Iterator[re.Match[str]]:
    """attribution._named_matches as it was (attribution() reads the same matches in its loop
    now, round 56): ATTRIBUTION_RES[NAMED_INDEX].finditer(sentence) by its two patterns."""
    first = NAMED_AT_START.match(sentence)
    if first is not None:
        yield first
    yield from matches(NAMED_AFTER, sentence, 0 if first is None else first.end())


@lru_cache(maxsize=64)
def _tries_before(gates: int) -> tuple[tuple[re.Pattern[str], bool, re.Pattern[str] | None,
                                             bool], ...]:
    return tuple((pattern, from_source, twin if gates != -1 else None, i == NAMED_INDEX)
                 for i, ((pattern, from_source), need, twin) in enumerate(zip(
                     ATTRIBUTION_RES, PATTERN_NEEDS, at._ATTRIBUTION_TWINS, strict=True))
                 if gates & need == need)


def _attribution_before(text: str, start: int, end: int) -> at.Attrib | None:
    """attribution() before the heads' gates (SOURCE_BIT, LEAD_BIT): each pattern of a
    source's head tried wherever one of its substrings occurs."""
    sentence = fold(text)[start:end]
    lower = sentence.lower()
    gates = GATES.mask(lower)
    if not gates & 1:
        return None
    if not sentence.isascii():
        gates = -1
    else:
        if gates & at._TITLE_BIT and not at._titled_name(sentence, lower):
            gates &= ~at._TITLE_BIT
        if gates & at._PRONOUN_CUES == at._PRONOUN_CUES and (
                "'" in sentence or not at._PRONOUNS.isdisjoint(tokens(sentence))):
            gates |= at._PRONOUN_BIT
    best: at.Attrib | None = None
    closing: at.Attrib | None = None
    for pattern, from_source, twin, named in _tries_before(gates):
        for m in matches(twin, lower) if twin is not None else \
                _named_matches(sentence) if named else matches(pattern, sentence):
            source = m.group("source").strip()
            if len(source) >= 2 and source.lower() not in at._NOT_SOURCES \
                    and not source.endswith(("'s", "\u2019s")):
                break
        else:
            continue
        begin = m.start("source") if from_source else m.start()
        lead = sentence[begin:m.end()]
        begin += len(lead) - len(lead.lstrip(' ,."\''))
        clean = LEAD_WORDS_RE.sub("", source)
        offset = len(source) - len(clean)
        src_start = start + m.start("source") + offset
        stop = at._told_where(sentence, m.end())
        cand = at._attrib(text[start + begin:start + stop],
                          at._unstopped(text[src_start:src_start + len(clean)].strip()),
                          start + begin, start + stop)
        if best is None or cand.start < best.start:
            best = cand
        if closing is None and begin > 0 and at._closes(sentence, stop) \
                and not cand.text.lower().startswith("according"):
            closing = cand
    return closing if closing is not None and sentence[closing.start - start - 2:
                                                      closing.start - start].strip() == "," \
        else best


def _heads_read_back() -> set[str]:
    """The words _HEADS is an alternation of, read back from the pattern: every string of
    its paths (a letter, then the group of the word's rests; "general\\s+staff")."""
    words: set[str] = set()
    for branch in re.findall(r"([a-z])(?:\(\?:([^()]*)\)|([a-z]+))", _HEADS.split("|general")[0]):
        letter, group, single = branch
        for rest in (group.split("|") if group else [single]):
            words.add(letter + rest)
    return words


def test_head_words_are_the_heads() -> None:
    # A head added to the pattern and not to HEAD_WORDS fails here.
    assert _heads_read_back() | {"staff", "data", "database"} == HEAD_WORDS
    assert r"general\s+staff" in _HEADS


def test_source_bit_is_the_head_patterns_only() -> None:
    heads = {i for i, (pattern, _) in enumerate(ATTRIBUTION_RES) if _HEADS in pattern.pattern}
    assert heads == {i for i, need in enumerate(PATTERN_NEEDS) if need & SOURCE_BIT}
    assert {i for i, need in enumerate(TRIED_NEEDS) if need & LEAD_BIT} == set(LEAD_INDEXES)
    for i in LEAD_INDEXES:
        assert ATTRIBUTION_RES[i][0].pattern.startswith("^[\\\"']?(?P<source>(?:(?:the|an?|")
    assert LEAD_BIT.bit_length() > len(GATES.groups)  # no substring sets it


def _gates_hold(text: str) -> None:
    """Wherever a pattern of a source's head matches an ASCII text, a head is among its
    tokens; where one opening the sentence does, one of its first six words."""
    if not text.isascii():
        return
    for i, (pattern, _) in enumerate(ATTRIBUTION_RES):
        if not PATTERN_NEEDS[i] & SOURCE_BIT:
            continue
        for _ in pattern.finditer(text):
            assert not HEAD_WORDS.isdisjoint(tokens(text)), (i, text)
            if i in LEAD_INDEXES:
                assert at._head_leads(text.lower()), (i, text)


_CASES = [
    "The study suggests that 40% of patients did not respond to the drug.",
    "The central bank forecasts growth of 1.2% in 2026.",
    "'Officials said the bridge was closed.",
    '"The general staff said 3 were killed.',
    "The army's general staff said 3 were killed.",
    "A senior police official said 3 were killed.",
    "The airline, which operates 46 aircraft, said it would cut 300 jobs.",
    "Growth was 2%, the statistics office estimates.",
    "Growth was 2%, officials in China said on Monday.",
    "Inflation rose, analysts at Goldman Sachs estimated.",
    "Revenue rose 5%, data from the ONS showed.",
    "Revenue rose 5%,the company said.",
    "Students said the report was reported to the board.",
    "LAHORE, March 3 (Reuters) - The opposition claimed that 12 were hurt.",
    "The new regional health ministry (RHM) said 40 people died.",
    "Its big new shiny regional office said 40 people died.",
    "Its big new shiny regional head office said 40 people died.",
    "The World Meteorological Organization (WMO) said 2024 was the hottest year.",
    "The \u212aelvin office said it was cold.",
    "The \u017ftudy \u017fays that 3 died.",
    "The \u0130nstitute said 3 died.",
    "The court, which sat for 3 days, found the company guilty.",
    "Reported cases rose, the researchers found.",
    "The company's officials, who asked not to be named, said 40 jobs go.",
    "x'officials said 3 were hurt, the police said.",
]


@pytest.mark.parametrize("text", _CASES)
def test_attribution_as_before(text: str) -> None:
    _gates_hold(text)
    assert at.attribution(text, 0, len(text)) == _attribution_before(text, 0, len(text))


_PARTS = sorted(HEAD_WORDS)[::3] + [
    "the", "a", "its", "The", "An", "general", "staff", "Staff", "OFFICIALS", "Police",
    "said", "says", "say", "estimates", "forecast", "claimed that", "found", "showed", "told",
    "which", "who", ",", ", ", '"', "'", "-", ";", ":", "(WMO)", "of", "in", "for", "the IMF",
    "that", "growth", "3%", "x", "big", "new", "  ", "\t", "\n", "\x1c", "report", "reported",
    "students", "stud", "\u212a", "\u017f", "\u0130", "\u0131", "'s", "analyst's",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_PARTS), max_size=12).map("".join))
def test_attribution_as_before_any_text(spaced: str, joined: str) -> None:
    for text in (spaced, joined, spaced.capitalize()):
        _gates_hold(text)
        assert at.attribution(text, 0, len(text)) == _attribution_before(text, 0, len(text))


_SOURCES = ["the company", "The Ministry", "a report from the IMF", "A statement by Acme",
            "data from the ONS", "Figures of 2024", "estimates by analysts", "its own study",
            "their data", "the", "the ", "thethe x", "an  aide", "a\tstatement\nby x",
            "Data protection lawyers", "the the x", "\u017ftatistics from x", "\u0130ts x",
            "th\u0131s", "Samuel Trutris", "", " the x"]


@pytest.mark.parametrize("source", _SOURCES)
def test_without_lead_words_as_before(source: str) -> None:
    assert at._without_lead_words(source) == LEAD_WORDS_RE.sub("", source)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["the", "a", "an", "its", "their", "report", "statement",
                                 "survey", "from", "by", "of", "data", "figures", "x", " ",
                                 "  ", "\t", "\u017f", "\u0130", "\u0131", "The", "DATA"]),
                max_size=8).map("".join))
def test_without_lead_words_as_before_any_text(source: str) -> None:
    assert at._without_lead_words(source) == LEAD_WORDS_RE.sub("", source)


@lru_cache(maxsize=1 << 16)
def _is_inflected_before(token: str) -> bool:
    """verb_forms.is_inflected as it was (cached), which text_features mapped over its words."""
    if "'" in token:
        return False
    return (len(token) >= 5 and token.endswith("ed")) or (len(token) >= 4 and token[-1] == "s")


@given(st.lists(st.text(alphabet="abdes'\u2019\u017f", max_size=7), max_size=8))
def test_any_inflected_is_any_of_is_inflected(toks: list[str]) -> None:
    assert verb_forms.any_inflected(toks) == any(map(_is_inflected_before, toks))
    assert verb_forms.any_inflected(frozenset(toks)) == any(map(_is_inflected_before, toks))


@pytest.mark.parametrize("toks", [["rose"], ["increased"], ["bed"], ["Ukraine's"], ["has"],
                                  ["is"], ["reds"], ["ed"], [], ["the", "fed"], ["the", "feeds"],
                                  ["fixed"], ["bids"], ["ids"], ["aided"], ["eased"]])
def test_any_inflected_cases(toks: list[str]) -> None:
    assert verb_forms.any_inflected(toks) == any(map(_is_inflected_before, toks))
