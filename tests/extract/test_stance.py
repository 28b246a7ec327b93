"""Polarity, modality, attribution and correction notes, table-driven."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract.attribution_cues import PATTERN_CUES
from checker.extract.stance import (
    _FUTURE_LOWER_RE,
    ATTRIBUTION_RES,
    CORRECTION_RE,
    FUTURE_RE,
    HEDGE_RE,
    NEGATION_RE,
    _hedged,
    attribution,
    is_correction,
    modality,
    negators,
    polarity,
)

POLARITY: list[tuple[str, str]] = [
    ("China is NOT a member of the International Space Station.", "negative"),
    ("China has never been part of the ISS programme.", "negative"),
    ("China is no longer a member.", "negative"),
    ("The tanks weren\u2019t delivered.", "negative"),
    ("Nobody doubts it.", "negative"),
    ("China is a member of the International Space Station.", "positive"),
    ("It is not only cheap but also fast.", "positive"),
    ("There is no doubt it grew.", "positive"),
    ("China\u2019s target is not necessarily frontier AI.", "positive"),
    ("It is not the first to innovate, but the first to make them affordable.", "positive"),
    ("No more than 30 people came.", "positive"),
    # Denying a statement is its source's account that it is not so: compared with "the
    # launch was delayed", a desk must see two accounts that disagree, not a confirmation.
    # Denying a thing, and refusing, negate nothing.
    ("Officials denied the report.", "positive"),
    ("Beijing denied reports that the satellite had failed.", "negative"),
    ("SUPARCO denies that the launch was delayed.", "negative"),
    ("Senator Lucia Paredes denied receiving money from Gorvane Mining.", "negative"),
    ("He was denied entry at the border.", "positive"),
    ("The council denied funding for the new stadium.", "positive"),  # a thing, not a claim
    ("Asylum seekers are denied housing.", "positive"),
    ("The minister, who denied receiving money, resigned on Monday.", "positive"),
    # a negation in another clause reinforces the denial; only one inside it undoes it
    ("The army denied that troops had crossed the border, saying no soldiers were involved.",
     "negative"),
    ("The army denied that troops had crossed the border and said it would not comment.",
     "negative"),
    ("The ministry refused to comment on the deal.", "positive"),
    # ruling a thing out says it is not to be (a desk probe: "ruled out joining" a member)
    ("PASOK leader Nikos Androulakis ruled out joining a government led by Mitsotakis.",
     "negative"),
    # ... only ruling out doing a thing: "ruled out terrorism in the attack that killed 12"
    # still says the attack killed 12 (a review: a false conflict), and "ruled out of the
    # match" is an injury
    ("Police have ruled out foul play in the fire that killed 12 people.", "positive"),
    ("Mbappe has been ruled out of France's match against Ukraine.", "positive"),
    ("The bank ruled out raising rates in December.", "negative"),
    # an aside is cut to its comma, not to the sentence's end (a review)
    ("The UK, although a founding member, is no longer a member of the EU.", "negative"),
    ("Hamas, claiming victory, did not release the 20 hostages.", "negative"),
    # a time bound is no denial; without a time after it, "not ... before" is one
    ("Zelensky did not appear before the UN Security Council in 2024.", "negative"),
    ("The drug has not been tested before in humans.", "negative"),
    ("The plant will not open until mid-2027.", "positive"),
    ("Cuts will not start before the end of June.", "positive"),
    # a concession or a gloss after the fact negates nothing of it (a desk probe)
    ("The budget is about 30 billion yuan, though the government has not published a "
     "figure.", "positive"),
    ("Pell submitted false VAT returns, claiming repayments on vehicles it never bought.",
     "positive"),
    ("Pell did not submit the returns, though he was asked to.", "negative"),
    ("Prices did not fall, although wages never rose.", "negative"),
    ("The court ruled on Monday that the ban was legal.", "positive"),
    ("Pakistan refuses to deny the agreement.", "positive"),
    ("Beijing denied that it had not paid.", "positive"),  # the denial undoes the "not"
    # a report denied with its article is as denied as "reports" (desk probe P7: "denied a
    # report that it plans to sell" read as the plan told, not denied)
    ("Kestrel denied a report that it plans to sell its truck unit.", "negative"),
    ("Kestrel denied a report that it would sell its truck unit.", "negative"),
    ("Kestrel denied a report that it sold its truck unit.", "negative"),
    ("The ministry denied a report that a cholera case had been confirmed.", "negative"),
    ("Kestrel denied a media report that it plans to sell its truck unit.", "negative"),
    ("Kestrel denied an allegation that it paid bribes.", "negative"),
    ("Kestrel denied a report.", "positive"),  # a thing denied, no statement
    # a that-clause without its "that" (desk probe L: the capture read as told)
    ("Ukraine's general staff denied the village had fallen.", "negative"),
    ("The army denied its troops were killed in the strike.", "negative"),
    ("The court denied bail to men who were charged with fraud.", "positive"),
    ("Pakistan bought 36 J-10CE fighters without a tender.", "positive"),
    ("Exports rose 5% in 2023, not 15% as previously reported.", "positive"),
    ("It carried a Pakistani satellite, not an Indian one.", "positive"),
    ("Pakistan never stopped buying Chinese arms.", "positive"),
    ("The company failed to repay $2 billion.", "negative"),
    ("The ministry has yet to deliver the jets.", "negative"),
    ("China is not, and never was, a member.", "negative"),
    ("Yet to many observers, the deal is a success.", "positive"),
    ("In 2023, not a single vaccine was delivered.", "negative"),
    ("The town has been without power for three days.", "negative"),
]


@pytest.mark.parametrize(("text", "expected"), POLARITY, ids=[r[0][:40] for r in POLARITY])
def test_polarity(text: str, expected: str) -> None:
    assert polarity(text) == expected


MODALITY: list[tuple[str, str]] = [
    ("A Pakistani astronaut is scheduled to be the first non-Chinese person to go to "
     "Tiangong.", "planned"),
    ("China\u2019s Chang\u2019e 8 mission in 2028 will carry a Pakistani rover.", "planned"),
    ("The ecosystem is set to flourish.", "planned"),
    ("SMIC expects its sales in the fourth quarter to be similar.", "planned"),
    ("The plan also envisions the joint selection of astronauts.", "planned"),
    ("China might also export its J-35.", "hedged"),
    ("Pakistan was reportedly considering the F-35.", "hedged"),
    ("Pakistan was likely to be considering its options.", "hedged"),
    ("In April last year, China launched the first of eight Hangor II submarines to be "
     "delivered to Pakistan.", "asserted"),  # a relative clause is not the sentence's plan
    ("China\u2019s Chang\u2019e 8 lander carried a Pakistani rover in 2028.", "asserted"),
    ("Carbon dioxide at Mauna Loa peaked at 419.3 ppm in May 2023.", "asserted"),  # the month
    ("Exports were the lowest since May last year.", "asserted"),
    ("Exports may have fallen in May.", "hedged"),
    ("The IMD did NOT forecast a recovery for October.", "asserted"),  # a past act
    ("The IMD forecasts a recovery in October.", "planned"),
    # measured against a forecast, a figure is told of the past (a probe: the quarter of
    # "beating forecasts" became the coming one)
    ("Netflix added 7.66 million subscribers in the fourth quarter, beating forecasts of "
     "4.57 million.", "asserted"),
    ("Profit was better than forecast in the third quarter.", "asserted"),
    ("Sales were in line with forecasts of 3% in March.", "asserted"),
    ("Revenue came in ahead of forecasts in May.", "asserted"),
    ("Output missed forecasts in May.", "asserted"),
    # a plan in reported speech is a plan ("said it would cut" is "will cut" told later)
    ("Halvorsen Foods said it would cut 1,100 jobs.", "planned"),
    ("The mayor said the city would not raise property taxes this year.", "planned"),
    ("The mayor said property taxes would rise by 2 percent this year.", "planned"),
    ("He said he would have won.", "asserted"),  # a past conditional
    ("It would cost $2 billion.", "asserted"),
]


@pytest.mark.parametrize(("text", "expected"), MODALITY, ids=[r[0][:40] for r in MODALITY])
def test_modality(text: str, expected: str) -> None:
    assert modality(text, attributed=False) == expected


def test_attributed_facts_are_reported_unless_planned_or_hedged() -> None:
    assert modality("Chinese arms made up 81 per cent of imports.", attributed=True) == "reported"
    assert modality("The rover will land in 2028.", attributed=True) == "planned"


# (sentence, source, attribution text)
ATTRIBUTION: list[tuple[str, str, str]] = [
    ("Chinese arms made up 81 per cent of imports, according to data from Swedish think "
     "tank SIPRI.", "Swedish think tank SIPRI", "according to data from Swedish think tank SIPRI"),
    ("China also delivered missiles between 2020 and 2024, according to SIPRI.", "SIPRI",
     "according to SIPRI"),
    ("China dominates the top 10, according to the Science Journal Nature.",
     "Science Journal Nature", "according to the Science Journal Nature"),
    ("Chinese researchers dominate AI research, according to Marco Polo which tracks talent.",
     "Marco Polo", "according to Marco Polo"),
    ("\u201cThe willingness shows China\u2019s trust in Pakistan,\u201d said Siemon Wezeman, a "
     "senior arms transfers researcher at SIPRI.", "Siemon Wezeman", "said Siemon Wezeman"),
    ("Song Zhongping, a military commentator and former PLA instructor, said China might "
     "export its J-35.", "Song Zhongping",
     "Song Zhongping, a military commentator and former PLA instructor, said"),
    ("Lin said the agreement was signed.", "Lin", "Lin said"),
    ("Lin told reporters on Monday the mission would succeed.", "Lin", "Lin told"),
    ("Beijing avoids formal alliances but Wezeman said it could be seen as an ally.",
     "Wezeman", "Wezeman said"),
    ("The South China Morning Post reported, \"It is a common view.\"",
     "South China Morning Post", "The South China Morning Post reported"),
    ("STZA said it has notified 32 Special Technology Zones.", "STZA", "STZA said"),
    ("That was up 7 points, the Stockholm International Peace Research Institute database "
     "shows.", "Stockholm International Peace Research Institute database",
     "the Stockholm International Peace Research Institute database shows"),
    ("Pakistan has about 241 million people, the census bureau said.", "census bureau",
     "the census bureau said"),
    ("China has never been part of the ISS, officials in Washington said on Monday.",
     "officials in Washington", "officials in Washington said"),
    ("E-commerce spending rose, based on Datareportal figures.", "Datareportal figures",
     "based on Datareportal figures"),
    ("China is ready to help, its embassy in Islamabad said on Tuesday.",
     "embassy in Islamabad", "its embassy in Islamabad said"),
    ("Beijing denied reports that the satellite had failed.", "Beijing", "Beijing denied"),
    ("SUPARCO denies that the launch was delayed.", "SUPARCO", "SUPARCO denies"),
    ("Rainfall was 40% below normal in August, the IMD said.", "IMD", "the IMD said"),
    ("The talks will resume on Friday, an aide said.", "aide", "an aide said"),
    ("In 2023, the Federal Aviation Administration said it handled 16.4 million flights.",
     "Federal Aviation Administration", "the Federal Aviation Administration said"),
    ("Exports rose 5% in March, official data showed.", "official data", "official data showed"),
    ("Exports rose 5% in March, ministry data showed.", "ministry data", "ministry data showed"),
    ("Italy's prime minister, Giorgia Meloni, said the deal was worth $2 billion.",
     "Giorgia Meloni", "Giorgia Meloni, said"),
    ("Chief executive Ken Murphy said sales rose 4%.", "Ken Murphy", "Ken Murphy said"),
    # a source's abbreviation in brackets (desk probe L: no attribution)
    ("Five countries joined, bringing the total to 17, the China National Space "
     "Administration (CNSA) said.", "China National Space Administration",
     "the China National Space Administration (CNSA) said"),
    ("In a separate report, the World Meteorological Organization (WMO) said there was an 80% "
     "chance.", "World Meteorological Organization",
     "the World Meteorological Organization (WMO) said"),
    ("The European Space Agency (ESA) said it had no plans to join.", "European Space Agency",
     "The European Space Agency (ESA) said"),
    # a military's staff or command, and its denial (desk probe L: no attribution)
    ("Russia lost 1,420 troops in the past 24 hours, Ukraine's general staff said.",
     "Ukraine's general staff", "Ukraine's general staff said"),
    ("Ukraine's general staff denied the village had fallen.", "Ukraine's general staff",
     "Ukraine's general staff denied"),
    ("The eastern command said 40 drones were downed.", "eastern command",
     "The eastern command said"),
    # who knows what they tell, and a telling that closes the sentence tells all of it
    # (desk probe L: "citing budget constraints" was the source)
    ("Turkey will withdraw, two officials familiar with the matter said.",
     "two officials familiar with the matter", "two officials familiar with the matter said"),
    ("The talks stalled, sources close to the negotiations said.",
     "sources close to the negotiations", "sources close to the negotiations said"),
    ("Turkey told CNSA last month that it would withdraw, citing budget constraints, two "
     "officials familiar with the matter said.", "two officials familiar with the matter",
     "two officials familiar with the matter said"),
    ("The paper ran the story, citing Reuters.", "Reuters", "citing Reuters"),
    # ... but "according to" may name the source of one figure only
    ("Norwell reported revenue of $2.17 billion, beating the estimate of $2.05 billion, "
     "according to LSEG data.", "Norwell", "Norwell reported"),
]


@pytest.mark.parametrize(("text", "source", "quoted"), ATTRIBUTION,
                         ids=[r[1] for r in ATTRIBUTION])
def test_attribution(text: str, source: str, quoted: str) -> None:
    found = attribution(text, 0, len(text))
    assert found is not None
    assert (found.source, found.text) == (source, quoted)
    assert text[found.start:found.end] == quoted


@pytest.mark.parametrize("text", [
    "However, production based on legacy processes continues to increase.",
    "China has been Pakistan\u2019s primary arms supplier since the 1990s.",
    "It said nothing.",
    "The firm quit the market, citing high costs and weak demand.",  # a reason, no source
    # a thing refused, a thing found (a review)
    "The court denied bail to 3 men.",
    "The board denied the request for a 5% raise.",
    "At the hospital, staff found a bomb in a bag.",
    "In 2024, people found new ways to save.",
])
def test_no_attribution(text: str) -> None:
    assert attribution(text, 0, len(text)) is None


def test_attribution_spans_are_absolute() -> None:
    text = "First sentence here. It rose 5%, the company said."
    found = attribution(text, 21, len(text))
    assert found is not None and text[found.start:found.end] == "the company said"


@pytest.mark.parametrize(("text", "expected"), [
    ("Correction: China is NOT a member of the International Space Station.", True),
    ("\u2022 Clarification - the figure was 74 per cent.", True),
    ("Editor's note: this story was updated.", True),
    ("The correction was made in 2024.", False),
])
def test_correction(text: str, expected: bool) -> None:
    assert is_correction(text) is expected


# Every negator NEGATION_RE knows, in several cases and places, and words that begin like one.
NEGATOR_WORDS = ["not", "NOT", "never", "Never", "no longer", "don't", "won\u2019t", "can't",
                 "cannot", "neither", "Nor", "none", "nobody", "nothing", "nowhere", "without",
                 "false that", "UNTRUE THAT", "no sons", "No profit", "no doubt", "no more than",
                 "isn't", "aren't", "notable", "nevertheless", "canon", "withhold", "fall",
                 "unto", "China", "economy", "-not-", "n't", "x", "failed to", "Fails  to",
                 "denied that", "denies having", "deny the claims that", "has yet to",
                 "is yet\tto", "no\tsons", "nor.", "nonetheless", "yesterday", "denial",
                 "falsehood", "untrue", "new", "year", "with", "w\u0131thout",
                 "den\u0131es having", "NO LONGER", "Never", "ruled out", "Rules  out",
                 "ruling out", "ruled outright", "rules", "ruler", "refused to"]


@pytest.mark.parametrize("word", NEGATOR_WORDS)
def test_negators_are_negation_re(word: str) -> None:
    for text in (word, f"It was {word} paid.", f"{word}.", f"({word})"):
        assert [m.span() for m in negators(text)] == \
            [m.span() for m in NEGATION_RE.finditer(text)]


@given(st.lists(st.sampled_from(NEGATOR_WORDS + [" ", ",", "a", "fa", "un"]), max_size=12))
def test_negators_are_negation_re_in_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in negators(text)] == [m.span() for m in NEGATION_RE.finditer(text)]


def test_a_clause_about_time_is_not_a_source() -> None:
    text = "The minister resigned, a week after the president said he would."
    assert attribution(text, 0, len(text)) is None


ATTRIBUTION_PARTS = ["According to", "the ministry", " said", " officials", "Finance Minister",
                     " chief executive", "spokeswoman", " study", " the company", " says",
                     "Told", " reporters",
                     ", ", ". ", '"', "Official data", " showed", " shows", "He", " added",
                     "citing", "Based on", " figures", "Reuters", " Prime Minister", " Ali",
                     " a senior analyst", " noted", " wrote", " denied", " STATED", "x", " "]


@given(st.lists(st.sampled_from(ATTRIBUTION_PARTS), max_size=14))
def test_attribution_patterns_hold_their_cues(parts: list[str]) -> None:
    # attribution() tries a pattern only when the sentence holds one of its cues.
    text = "".join(parts)
    for (pattern, _), groups in zip(ATTRIBUTION_RES, PATTERN_CUES, strict=True):
        for m in pattern.finditer(text):
            for cues in groups:
                assert any(cue in m.group().lower() for cue in cues), (pattern.pattern, text)


@pytest.mark.parametrize("note", [
    "Correction: China is not a member.", "Correction, October 9: The Pirates won 18 seats.",
    "Update (9 Oct 2026): The toll rose to 52.", "Clarification, 3 March 2026 - It was 5%.",
])
def test_a_correction_note_dated_or_not(note: str) -> None:
    assert CORRECTION_RE.match(note)


def test_a_heading_with_other_words_is_no_correction() -> None:
    assert not CORRECTION_RE.match("Update on the talks: ministers met on Monday.")


@given(st.lists(st.sampled_from(["Correction", "CLARIFICATION", "update", "Editor's  note",
                                 "editors note", "Erratum", "\u0130", ":", "-", " ", "*", "x",
                                 "c", "u", "e"]), max_size=5))
def test_correction_hint_changes_no_match(parts: list[str]) -> None:
    # CORRECTION_RE's first-letter hint: the same matches as the pattern without it.
    plain = re.compile(CORRECTION_RE.pattern.replace("(?=[cue])", ""), re.IGNORECASE)
    text = "".join(parts)
    found, expected = CORRECTION_RE.match(text), plain.match(text)
    assert (found and found.span()) == (expected and expected.span())


_CUE_WORDS = ["May", "may", "MAY", "might", "Could", "is", "to", "said", "it", "would", "not",
              "cut", "will", "won't", "'ll", "Plans", "expected", "next", "year", "have", "be",
              "fooed", "seems", "thought", "claims", "that", "rumoured", "told", "him", ",",
              "\u00e9", "Reportedly", "appears", "set", "due"]


@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=12),
       st.sampled_from([" ", "  ", "\n", "-"]))
def test_lower_case_searches_find_what_ignorecase_finds(words: list[str], sep: str) -> None:
    text = sep.join(words)
    if not text.isascii():
        return  # the lower-case searches are for ASCII text only
    assert _hedged(text) == (HEDGE_RE.search(text) is not None)
    assert (_FUTURE_LOWER_RE.search(text.lower()) is None) == (FUTURE_RE.search(text) is None)
