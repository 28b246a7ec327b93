"""An interview's answers are the interviewee's words (checker/extract/interview.py): desk
probe O's answers were attributed to no one."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.rules import RuleSet

INTRO = ("'We will not blink': Energy Secretary Hanna Lindqvist on bills and pylons\n\n"
         "Interview by Tom Ashworth, Political Editor\n\n"
         "Hanna Lindqvist became energy secretary in September 2025 after the Treasury row.\n")
TURNS = ("Q: The grid connection queue is now more than 700 gigawatts. Is the system broken?\n"
         "A: It was 722GW at the end of last year. We removed 280GW of projects in March.\n"
         "Q: Gas was still 31% of generation in 2025.\n"
         "A: Gas will stay as backup. No new gas plants were approved in 2025.\n\n"
         "Hanna Lindqvist was first elected to Parliament in 2017.\n")


TITLE = "'We will not blink': Energy Secretary Hanna Lindqvist on bills and pylons"


def _sources(ruleset: RuleSet, text: str, title: str | None = TITLE) -> dict[str, str | None]:
    cf = extract_text(text, "iv", ruleset.lexicon,
                      DocumentMeta(published="2026-04-14", title=title))
    return {c.text: c.attribution.source if c.attribution else None for c in cf.claims}


def test_answers_are_the_interviewees_and_questions_nobodys(ruleset: RuleSet) -> None:
    found = _sources(ruleset, INTRO + TURNS)
    assert found["It was 722GW at the end of last year."] == "Hanna Lindqvist"
    assert found["No new gas plants were approved in 2025."] == "Hanna Lindqvist"
    assert found["Gas was still 31% of generation in 2025."] is None  # the interviewer's
    # after the last answer and a blank line, the page speaks again
    assert found["Hanna Lindqvist was first elected to Parliament in 2017."] is None


def test_a_claim_of_an_answer_is_reported(ruleset: RuleSet) -> None:
    cf = extract_text(INTRO + TURNS, "iv", ruleset.lexicon,
                      DocumentMeta(published="2026-04-14", title=TITLE))
    claim = next(c for c in cf.claims if c.text.startswith("It was 722GW"))
    assert claim.modality == "reported"
    assert claim.attribution is not None
    start, end = claim.attribution.span
    assert (INTRO + TURNS)[start:end] == "Hanna Lindqvist"  # where the page names her


def test_no_interviewee_no_attribution(ruleset: RuleSet) -> None:
    # named once only, or two names as often: whose answers they are is not said
    once = "Interview with Hanna Lindqvist\n\n" + TURNS.split("\n\n")[0] + "\n"
    assert set(_sources(ruleset, once).values()) == {None}
    two = ("Hanna Lindqvist and Tom Ashworth spoke in March.\n"
           "Hanna Lindqvist met Tom Ashworth in May.\n" + TURNS)
    assert _sources(ruleset, two)["It was 722GW at the end of last year."] is None


def test_one_answer_is_no_interview(ruleset: RuleSet) -> None:
    text = INTRO + "Q: Is the queue 700 gigawatts?\nA: It was 722GW at the end of last year.\n"
    assert _sources(ruleset, text)["It was 722GW at the end of last year."] is None


CALL = ("Halcyon reported revenue of $3.87 billion for the quarter on Wednesday.\n\n"
        "Operator: Our next question comes from Mark Feld with Bernstein.\n"
        "Mark Feld, Bernstein: Thanks. Can you talk about memory costs?\n"
        "Chief Financial Officer Dana Ruiz: Sure. We expect gross margin of 37% to 38% in "
        "the June quarter.\n"
        "Chief Financial Officer Dana Ruiz: Memory was about 190 basis points of headwind "
        "year on year.\n"
        "Chief Executive Sam Okafor: More than 300,000 people signed up in the first six "
        "hours.\n")


def test_a_transcripts_turns_are_their_speakers(ruleset: RuleSet) -> None:
    # desk probe P's earnings call: the label was the claim's subject, nobody said it
    cf = extract_text(CALL, "call", ruleset.lexicon, DocumentMeta(published="2026-04-29"))
    found = {c.text: (c.attribution.source if c.attribution else None,
                      [e.text for e in c.entities]) for c in cf.claims}
    assert found["We expect gross margin of 37% to 38% in the June quarter."] == \
        ("Dana Ruiz", [])
    assert found["Memory was about 190 basis points of headwind year on year."] == \
        ("Dana Ruiz", [])
    assert found["More than 300,000 people signed up in the first six hours."][0] == \
        "Sam Okafor"
    assert not any(":" in text for text in found)
    claim = next(c for c in cf.claims if c.text.startswith("Memory"))
    assert claim.attribution is not None
    start, end = claim.attribution.span
    assert CALL[start:end] == "Chief Financial Officer Dana Ruiz"


def test_headings_and_one_label_are_no_transcript(ruleset: RuleSet) -> None:
    page = ("Editor's Note: This story was updated on 12 May 2026 with new figures.\n"
            "Key Figures: Revenue rose 11% to $3.87 billion in the quarter.\n"
            "WASHINGTON DC: The Senate passed the bill by 51 votes to 49 on Tuesday.\n"
            "Chief Executive Sam Okafor: More than 300,000 people signed up in six hours.\n")
    cf = extract_text(page, "p", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    assert all(c.attribution is None for c in cf.claims)


def test_an_explainers_questions_are_no_interview(ruleset: RuleSet) -> None:
    # a review: an FAQ naming the convicted man twice gave him its answers
    page = ("Axel Rudakubana, 18, was sentenced on Thursday.\n"
            "Axel Rudakubana pleaded guilty to all 16 charges in January.\n"
            "Q: What happened?\nA: Three girls were killed in the attack in July 2024.\n"
            "Q: What was the sentence?\nA: He was jailed for life with a minimum term of 52 "
            "years.\n")
    assert set(_sources(ruleset, page).values()) == {None}


def test_the_interviewee_is_the_name_in_the_headline(ruleset: RuleSet) -> None:
    # a review: the predecessor, named twice, took the answers of the interviewee, named
    # once and then "she"
    page = ("Hanna Lindqvist: 'Bills will fall'\n\n"
            "Hanna Lindqvist became energy secretary in September 2025. She replaced Tom "
            "Ashworth, who was sacked. Tom Ashworth had held the job since 2022. We spoke to "
            "her in Whitehall.\n" + TURNS)
    assert _sources(ruleset, page, "Hanna Lindqvist: 'Bills will fall'")[
        "It was 722GW at the end of last year."] == "Hanna Lindqvist"
    # a page without a title says nobody's answers they are
    assert _sources(ruleset, page, None)["It was 722GW at the end of last year."] is None


@pytest.mark.parametrize("page", [
    # a review: lists of names, each with its colon, are no transcript
    ("Tony Blair: Labour, in office from 1997 to 2007, won three general elections.\n"
     "Gordon Brown: Labour, in office from 2007 to 2010, won no general election.\n"),
    ("Johnson Matthey: Shares fell 12% after it cut its profit forecast on Monday.\n"
     "Rolls Royce: Shares rose 5% after it raised its profit forecast on Monday.\n"),
])
def test_a_list_of_names_is_no_transcript(ruleset: RuleSet, page: str) -> None:
    cf = extract_text(page, "p", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    assert all(c.attribution is None for c in cf.claims)
    assert all(c.entities and c.text.split(":")[0] == c.entities[0].text for c in cf.claims)


BROADCAST = ("CNN Transcripts: The Situation Room, aired 12 May 2026\n\n"
             "WOLF BLITZER, CNN ANCHOR: Officials say 4,500 rescue workers are now in the "
             "area.\n"
             "DANA RUIZ, FEMA ADMINISTRATOR: We have sent 3,200 workers since Tuesday.\n"
             "BLITZER: More than 40 people were rescued overnight, according to the agency.\n"
             "RUIZ: Power was restored to 80% of homes by Wednesday morning.\n")


def test_a_transcripts_speakers_in_capitals(ruleset: RuleSet) -> None:
    # a broadcast's labels in capitals, the second time by surname alone
    cf = extract_text(BROADCAST, "cnn", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    found = {c.text: c.attribution.source if c.attribution else None for c in cf.claims}
    assert found["Officials say 4,500 rescue workers are now in the area."] == "Officials"
    assert found["We have sent 3,200 workers since Tuesday."] == "Dana Ruiz"
    assert found["Power was restored to 80% of homes by Wednesday morning."] == "Dana Ruiz"
    assert found["More than 40 people were rescued overnight, according to the agency."] \
        == "agency"  # the sentence's own source first
    assert not any(":" in text for text in found)


def test_capitals_without_a_transcripts_cue_are_no_speakers(ruleset: RuleSet) -> None:
    # no cue: a dateline and a box's label in capitals, each twice, are nobody's turns
    page = BROADCAST.replace("CNN Transcripts: ", "").replace("aired", "on")
    cf = extract_text(page, "p", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    assert all(c.attribution is None or c.attribution.source in ("Officials", "agency")
               for c in cf.claims)
    boxes = ("Transcript of the briefing below.\n"
             "UPDATE: The Senate passed the bill by 51 votes to 49 on Tuesday.\n"
             "UPDATE: The House will vote on the bill on Thursday, aides said.\n")
    cf = extract_text(boxes, "b", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    assert all(c.attribution is None or c.attribution.source == "aides" for c in cf.claims)


CALL_LINES = ("Halcyon Q1 2026 earnings call transcript\n\n"
              "Operator\n\n"
              "Good day, and welcome to the Halcyon first-quarter 2026 earnings call.\n\n"
              "Dana Ruiz -- Chief Financial Officer\n\n"
              "Thanks. Revenue rose 12% to $4.1 billion in the quarter.\n\n"
              "Mark Feld -- Bernstein -- Analyst\n\n"
              "Can you talk about memory costs in the June quarter?\n\n"
              "Dana Ruiz -- Chief Financial Officer\n\n"
              "Memory was about 190 basis points of headwind year on year.\n")


def test_a_transcripts_speakers_on_lines_of_their_own(ruleset: RuleSet) -> None:
    # a call transcript's speaker heads the lines of the turn: the label is no claim, and
    # the turn is the speaker's
    cf = extract_text(CALL_LINES, "call", ruleset.lexicon, DocumentMeta(published="2026-04-29"))
    found = {c.text: c.attribution.source if c.attribution else None for c in cf.claims}
    assert found["Revenue rose 12% to $4.1 billion in the quarter."] == "Dana Ruiz"
    assert found["Memory was about 190 basis points of headwind year on year."] == "Dana Ruiz"
    assert not any("Chief Financial Officer" in text for text in found)
    # no transcript's cue: lines of a name and a role are nobody's turns
    plain = CALL_LINES.replace(" earnings call transcript", "").replace("Operator\n\n", "") \
        .replace("earnings call", "meeting")
    cf = extract_text(plain, "p", ruleset.lexicon, DocumentMeta(published="2026-04-29"))
    assert all(c.attribution is None for c in cf.claims)


@pytest.mark.parametrize("page", [
    # a review: a page mentioning transcripts, with a dateline or a box label twice
    ("Court transcripts released on Monday show the minister knew of the outage.\n"
     "KINGSTON: Power was restored to 60% of homes by Thursday, the utility said.\n"
     "KINGSTON: Schools will reopen on Monday, officials said.\n"),
    ("Debate transcripts show the claims were repeated.\n"
     "FACT CHECK: Norland's inflation rate of 2.9% in March was the third-highest in the G7.\n"
     "FACT CHECK: Norland's debt was 61% of GDP in 2025, not 80%.\n"),
])
def test_labels_in_capitals_without_a_broadcasts_roles(ruleset: RuleSet, page: str) -> None:
    cf = extract_text(page, "p", ruleset.lexicon, DocumentMeta(published="2026-05-12"))
    assert not any(c.attribution and c.attribution.source in ("Kingston", "Fact Check")
                   for c in cf.claims)


@pytest.mark.parametrize("page", [
    "Plain news.\nNo cue here.", "OPERATOR: Welcome.", "  Operator: Hello", "the Transcript",
    "Q3 EARNINGS   CALL today", "a conference\ncall", "tranſcript", "TRANSCRİPT", "earnıngs call",
    "an operator:", "conferences call", "\u212aELVIN transcripts", "earnings calls",
])
def test_transcript_cue_gate_finds_what_the_pattern_finds(page: str) -> None:
    from checker.extract.interview import _TRANSCRIPT_CUE_RE, _transcript_cue

    assert _transcript_cue(page) == (_TRANSCRIPT_CUE_RE.search(page) is not None)
