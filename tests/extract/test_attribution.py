"""Attribution with the verbs news pages use (estimates, forecasts, suggests, cautioned,
claimed that ...) at a sentence's start and closing it, and the look-alikes that are not
attribution ("claimed the lives of", "the estimates were revised"), table-driven.

Imported through checker.extract.stance, where these names lived first (and still are)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import extract_text
from checker.extract.attribution_cues import (
    GATES,
    PATTERN_CUES,
    PATTERN_NEEDS,
    PRONOUN_BIT,
    PRONOUNS,
    TITLE_BIT,
    TITLE_WORDS,
)
from checker.extract.cues import tokens
from checker.extract.stance import ATTRIBUTION_RES, attribution, modality
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

# (sentence, source, attribution text, modality of the claim)
FOUND: list[tuple[str, str, str, str]] = [
    # An editor's probe of unseen news pages: all five had no attribution.
    ("Inflation rose to 3.4% in February, the statistics office estimates.",
     "statistics office", "the statistics office estimates", "reported"),
    ("The central bank forecasts growth of 1.2% in 2026.", "central bank",
     "The central bank forecasts", "planned"),
    ("The study suggests that 40% of patients did not respond to the drug.", "study",
     "The study suggests", "hedged"),
    ("The company cautioned that profits could fall by 15% this year.", "company",
     "The company cautioned", "hedged"),
    ("The opposition claimed that 300 people were arrested in Lahore.", "opposition",
     "The opposition claimed", "reported"),
    # The same verbs at the start, with a that-clause or the source's own figure.
    ("The IMF estimates that growth will slow to 2.1% in 2026.", "IMF", "The IMF estimates",
     "planned"),
    ("Analysts predicted that growth would slow to 2% in 2025.", "Analysts",
     "Analysts predicted", "reported"),
    ("The ministry reported that exports fell by 3% in March.", "ministry",
     "The ministry reported", "reported"),
    ("The ministry announced that 300 jobs were cut in 2024.", "ministry",
     "The ministry announced", "reported"),
    ("Police alleged that the men stole $3 million in 2023.", "Police", "Police alleged",
     "reported"),
    ("The central bank warned that inflation reached 9% in January.", "central bank",
     "The central bank warned", "reported"),
    ("The IMF forecast growth of 2.1% in 2026.", "IMF", "The IMF forecast", "planned"),
    ("The ministry estimated the damage at $3 billion in 2024.", "ministry",
     "The ministry estimated", "hedged"),
    ("The ministry said on Monday that 40 people had died in the floods.", "ministry",
     "The ministry said", "reported"),
    ("The report said exports fell by 3% in 2024.", "report", "The report said", "reported"),
    ("Officials in China said exports rose 4% in 2024.", "Officials in China",
     "Officials in China said", "reported"),
    ("A spokesman for the ministry said 40 people died in 2024.", "spokesman for the ministry",
     "A spokesman for the ministry said", "reported"),
    ("Most economists predict that growth will slow to 2%.", "Most economists",
     "Most economists predict", "planned"),
    ("In its report, the IMF estimated that growth slowed to 2%.", "IMF", "the IMF estimated",
     "hedged"),
    # After a dateline.
    ("LAHORE, March 3 (Reuters) - The opposition claimed that 300 people were arrested.",
     "opposition", "The opposition claimed", "reported"),
    ("LAHORE, March 3 (Reuters) - Police said 300 people were arrested in Lahore.", "Police",
     "Police said", "reported"),
    # The same verbs closing the sentence after a comma.
    ("Growth will slow to 2.1% in 2026, the IMF estimates.", "IMF", "the IMF estimates",
     "planned"),
    ("Growth will slow to 2.1% in 2026, analysts forecast.", "analysts", "analysts forecast",
     "planned"),
    ("Exports fell by 3% in March, the BBC reported.", "BBC", "the BBC reported", "reported"),
    ("Exports fell by 3% in March, economists warned on Monday.", "economists",
     "economists warned", "reported"),
    ("Rainfall fell 40% in August, researchers said.", "researchers", "researchers said",
     "reported"),
    ("Prices rose 3% in 2024, analysts at Goldman Sachs estimated.",
     "analysts at Goldman Sachs", "analysts at Goldman Sachs estimated", "hedged"),
    # "added" tells only as speech; a body's name may hold "for", "of" or "and".
    ("Netflix added 7.66 million subscribers in the fourth quarter, beating forecasts of "
     "4.57 million, the company said on Thursday.", "company", "the company said", "reported"),
    ("Lin added that the talks had failed in 2024.", "Lin", "Lin added", "reported"),
    ('"It is over," Lin added.', "Lin", "Lin added", "reported"),
    ('A spokesperson for the Department for Transport said the government was "not '
     'involved" in the talks.', "spokesperson for the Department for Transport",
     "A spokesperson for the Department for Transport said", "reported"),
    ("A spokesman for the Ministry of Health said 40 people had died.",
     "spokesman for the Ministry of Health", "A spokesman for the Ministry of Health said",
     "reported"),
    ("The council had earlier said 400 homes were at risk in Brechin.", "council",
     "The council had earlier said", "reported"),
    ("Police Scotland had previously said six people died in 2023.", "Police Scotland",
     "Police Scotland had previously said", "reported"),
    ("Civil protection commander André Fernandes said no one had been killed in 2026.",
     "André Fernandes", "André Fernandes said", "reported"),
    ("Police chief Maria Lopez said two people were arrested in 2025.", "Maria Lopez",
     "Maria Lopez said", "reported"),
    # "claimed" the attack is taken, not told: the ministry tells the fact.
    ("Al-Qaeda claimed the attack in Yemen that killed 12 soldiers, the ministry said.",
     "ministry", "the ministry said", "reported"),
    # Right before: kept.
    ("Police said the factory was never inspected in 2024.", "Police", "Police said",
     "reported"),
    ("The U.S. Department of Energy said it would spend $3 billion on the grid.",
     "U.S. Department of Energy", "The U.S. Department of Energy said", "planned"),
    ("Imports fell by 12% in 2024, according to the customs office.", "customs office",
     "according to the customs office", "reported"),
    ("Sales rose by 8% in 2024, the company said.", "company", "the company said",
     "reported"),
    ("Sales rose by 8% in 2024, the survey found.", "survey", "the survey found", "reported"),
    ("Beijing is a partner of the station, the article claimed.", "article",
     "the article claimed", "reported"),
]


@pytest.mark.parametrize(("text", "source", "quoted", "held"), FOUND,
                         ids=[r[0][:40] for r in FOUND])
def test_attribution_of_news_verbs(text: str, source: str, quoted: str, held: str) -> None:
    found = attribution(text, 0, len(text))
    assert found is not None
    assert (found.source, found.text) == (source, quoted)
    assert text[found.start:found.end] == quoted
    assert modality(text, attributed=True) == held


# Look-alikes: a verb that takes a thing, a noun spelt like the verb, a comparison.
NOT_FOUND: list[str] = [
    "Hurricane Helene claimed the lives of 40 people.",  # was "Hurricane Helene claimed"
    "The floods claimed the lives of 40 people.",
    "The company claimed a record profit of $3 billion in 2024.",
    "Lin suggested a meeting in March.",
    "The group claimed responsibility for the attack in 2024.",
    "The team claimed the title in 2023.",
    "The president claimed the election was rigged.",  # "claimed" without "that": unknown
    "Chinese projects in Pakistan were delayed by two years.",
    "CPEC projects worth $62 billion were announced in 2015.",
    "The fund's estimates were revised in April.",
    "The forecast growth of 2% did not materialise.",
    "The opposition's claims that 300 people were arrested were rejected.",
    "Estimates suggest that 40% of patients did not respond.",
    "The forecasts of growth were revised to 1.2%.",
    "The estimates were revised in March.",
    "IMF forecasts show growth of 2% in 2026.",
    "Government estimates put the toll at 300.",
    "The IMF's forecast of 2% growth was revised in April.",
    "The IMF estimates that were published in March showed growth.",
    "The rise in bank lending suggests that demand is strong.",
    "The bank forecasts, however, were wrong by 2%.",
    "The estimated cost was $3 billion.",  # was source "The"
    "An estimated 300 people died in the floods.",  # was source "An"
    "The claimed savings were never realised.",  # was source "The"
    "The show is hosted by comedian Jeong Hyeong-don.",  # was source "The" ("The show")
    "Sales rose 3%, more than analysts estimated.",  # was "more than analysts"
    "Sales rose 3%, as analysts had forecast.",
    "The company added 500 jobs in 2024.",  # was "The company added"
    "Netflix added 7.66 million subscribers in the fourth quarter.",  # was "Netflix added"
]


@pytest.mark.parametrize("text", NOT_FOUND, ids=[t[:40] for t in NOT_FOUND])
def test_no_attribution_in_look_alikes(text: str) -> None:
    assert attribution(text, 0, len(text)) is None


def test_claims_of_the_probe_page(ruleset: RuleSet) -> None:
    # The editor's probe, through extraction: each claim's modality and source.
    text = "\n\n".join(row[0] for row in FOUND[:5] + FOUND[-6:-1])
    claims = extract_text(text, "probe", ruleset.lexicon,
                          DocumentMeta(published="2025-03-12", title="t"), 0.0).claims
    got = [(c.text, c.modality, c.attribution.source if c.attribution else None)
           for c in claims]
    assert got == [(row[0], row[3], row[1]) for row in FOUND[:5] + FOUND[-6:-1]]


# Sources, verbs and the shapes they come in: every sentence built from them is checked
# against the cue gates below.
_SOURCES = ["The statistics office", "the central bank", "The study", "Analysts", "The IMF",
            "the opposition", "Officials in China", "The company's lawyers", "economists",
            "The U.S. Department of Energy", "An estimated", "The", "Hurricane Helene",
            "A spokesman for the ministry", "analysts at Goldman Sachs", "Most economists",
            "Finance Minister Ishaq Dar", "England head coach Ann Lee", "Ahead Chairs"]
_VERBS = ["said", "estimates", "estimated", "forecast", "forecasts", "predicted", "projects",
          "cautioned", "claimed", "claims", "alleged", "suggests", "suggested", "reported",
          "reports", "announced", "warned", "warns", "concluded", "found", "admitted",
          "believes", "told", "noted", "states", "adds", "say", "predict", "find"]
_SHAPES = ["{s} {v} that growth was 2%.", "{s} {v} growth of 2%.", "Growth was 2%, {s} {v}.",
           "Growth was 2%, {s} {v} on Monday.", "{s} has {v} that 2% grew.",
           "Growth, {s} {v} in a statement, was 2%.", "{s} {v} the lives of 40 people.",
           "Prices rose and {s} {v} that growth was 2%.", "LAHORE (Reuters) - {s} {v} 2%."]
_BUILT = [shape.format(s=s, v=v) for shape, s, v in itertools.product(_SHAPES, _SOURCES, _VERBS)]


def _gates_pass(text: str) -> None:
    """Every pattern that matches the text is tried on it: the gates (its cue groups and
    the stems of bit 0) never turn away a sentence a pattern matches."""
    mask = GATES.mask(text.lower()) | PRONOUN_BIT  # the pronoun's bit: below
    for (pattern, _), need, groups in zip(ATTRIBUTION_RES, PATTERN_NEEDS, PATTERN_CUES,
                                          strict=True):
        for m in pattern.finditer(text):
            assert mask & 1, (pattern.pattern[:60], text)
            assert mask & need == need, (pattern.pattern[:60], text)
            if need & PRONOUN_BIT and text.isascii() and "'" not in text:
                assert not PRONOUNS.isdisjoint(tokens(text)), (pattern.pattern[:60], text)
            for cues in groups:
                assert any(cue in m.group().lower() for cue in cues), (pattern.pattern, text)
            if need & TITLE_BIT and text.isascii():
                assert not TITLE_WORDS.isdisjoint(tokens(text)), (pattern.pattern[:60], text)


def test_gates_never_skip_a_match() -> None:
    for text in _BUILT + [row[0] for row in FOUND] + NOT_FOUND:
        _gates_pass(text)


@given(st.lists(st.sampled_from(_SOURCES + _VERBS + [" ", ", ", ". ", " that", " growth",
                                                       " of", " on Monday", '"', "x", " - "]),
                max_size=10))
def test_gates_never_skip_a_match_in_any_text(parts: list[str]) -> None:
    _gates_pass(" ".join(parts))


_PRONOUN_PARTS = ["he", "She", "THEY", "the", "o'", "'", "_", "x", "2", " ", "  ", "\t", ",",
                  '"', "said", "Told", "added", "noted", "says", "\u017fhe", "it", "\u0130"]


@given(st.lists(st.sampled_from(_PRONOUN_PARTS), max_size=8).map("".join),
       st.lists(st.sampled_from(_PRONOUN_PARTS), max_size=8).map(" ".join))
def test_pronoun_gate_keeps_every_match(joined: str, spaced: str) -> None:
    _gates_pass(joined)
    _gates_pass(spaced)


def test_pronoun_gate() -> None:
    # "o'he" is one token of cues.tokens, yet \b stands before its "he": a sentence with an
    # apostrophe is tried whatever its tokens.
    pattern = ATTRIBUTION_RES[10][0]
    assert pattern.search("Growth was 2%, o'he said.")
    assert PRONOUNS.isdisjoint(tokens("Growth was 2%, o'he said."))
    assert attribution("Growth was 2%, o'he said.", 0, 26) is not None
    assert attribution("Growth was 2%, she said.", 0, 24) is not None
    assert attribution("Growth was 2%, the ministers said.", 0, 34) is not None
    for sentence in ("Prices rose 2%, the ministry said.", "Shed said it rose."):
        assert not pattern.search(sentence) and PRONOUNS.isdisjoint(tokens(sentence))


def _title_strings() -> list[str]:
    """Every title attribution_patterns._TITLE_WORDS matches, its \\s+ read as one space."""
    from re import _parser  # type: ignore[attr-defined]

    from checker.extract.attribution_patterns import _TITLE_WORDS

    def expand(items: list[tuple[object, object]]) -> list[str]:
        out = [""]
        for op, arg in items:
            name = str(op)
            if name == "LITERAL":
                alts = [chr(arg)]  # type: ignore[arg-type]
            elif name == "IN":
                alts = [chr(a) for o, a in arg if str(o) == "LITERAL"]  # type: ignore[attr-defined]
                if any(str(o) == "CATEGORY" for o, _ in arg):  # type: ignore[attr-defined]
                    alts = [" "]  # \s
            elif name == "BRANCH":
                alts = [s for branch in arg[1] for s in expand(list(branch))]  # type: ignore[index]
            elif name == "SUBPATTERN":
                alts = expand(list(arg[3]))  # type: ignore[index]
            elif name == "MAX_REPEAT":
                low, high, sub = arg  # type: ignore[misc]
                alts = [s * n for s in expand(list(sub)) for n in range(low, min(high, 1) + 1)]
            else:
                raise AssertionError(name)
            out = [a + b for a in out for b in alts]
        return out

    return expand(list(_parser.parse(_TITLE_WORDS)))


def test_title_words_hold_every_title() -> None:
    # The gate of the title patterns (attribution_cues.TITLE_WORDS): every word of every
    # title they match is one of its words.
    titles = _title_strings()
    assert {"chief executive", "spokeswoman", "chair", "chairman", "advisor"} <= set(titles)
    for title in titles:
        assert set(title.split()) <= TITLE_WORDS, title



@pytest.mark.parametrize("text", [
    "Finance Minister Ishaq Dar said the deficit fell.",
    "'Chief executive Ken Murphy said: sales rose 4%.'",
    '"Sales rose," said Mercia chief economist Priya Sandhu.',
    "Prices rose ahead of the vote, Head coach Ann Lee said.",
    "The chairs rose ahead of time, Ann Lee said.",
])
def test_title_gate_keeps_every_match(text: str) -> None:
    # A title pattern matches an ASCII sentence only where a word of it is a title word.
    _gates_pass(text)
    attributed = attribution(text, 0, len(text))
    assert (attributed is not None) == ("Lee" in text or "Dar" in text or "Sandhu" in text
                                        or "Murphy" in text)
