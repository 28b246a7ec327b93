"""Sentence segmentation, table-driven: abbreviations, initials, quotes, ellipses, bullets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import candidate_spans
from checker.extract.segment import _WORD_BEFORE_RE, ends_sentence, split_sentences, word_before
from checker.ingest import document_from_text


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


ROWS: list[tuple[str, list[str]]] = [
    ("Only two broke into the top 10 \u2013 the Max Planck Society at No 4 and the CNRS at "
     "No 10. The top three US institutions were ranked lower.",
     ["Only two broke into the top 10 \u2013 the Max Planck Society at No 4 and the CNRS at "
      "No 10.", "The top three US institutions were ranked lower."]),
    ("It ranked No. 4 in the world. It fell.", ["It ranked No. 4 in the world.", "It fell."]),
    ("It ended at No 4. Then it rose.", ["It ended at No 4.", "Then it rose."]),
    ("Despite U.S. sanctions, sales in the U.S., Asia, and Europe declined.",
     ["Despite U.S. sanctions, sales in the U.S., Asia, and Europe declined."]),
    ("Demand fell in the U.S. The company said so.",
     ["Demand fell in the U.S.", "The company said so."]),
    ("U.S. President Trump spoke.", ["U.S. President Trump spoke."]),
    # currency abbreviations before a figure (a desk probe: "Tk." ended a sentence)
    ("It allocated Tk. 150 crore for dengue control. Officials said so.",
     ["It allocated Tk. 150 crore for dengue control.", "Officials said so."]),
    ("It paid Rs. 2,500 crore last year. It was late.",
     ["It paid Rs. 2,500 crore last year.", "It was late."]),
    ("The exhibition begins Jan. 17 at the Lahore Expo Center. It lasts three days.",
     ["The exhibition begins Jan. 17 at the Lahore Expo Center.", "It lasts three days."]),
    ("SMIC announced on Nov. 8 that it recorded $2.17119 billion in sales.",
     ["SMIC announced on Nov. 8 that it recorded $2.17119 billion in sales."]),
    ("Prime Minister\u2019s Adviser Dr. Tauqir Shah attended. So did others.",
     ["Prime Minister\u2019s Adviser Dr. Tauqir Shah attended.", "So did others."]),
    ("By Thomas G. Tsao is co-founder of Gobi Partners.",
     ["By Thomas G. Tsao is co-founder of Gobi Partners."]),
    ("Mr. Smith met Gen. Asim Munir in St. Louis. They talked.",
     ["Mr. Smith met Gen. Asim Munir in St. Louis.", "They talked."]),
    ("\u201cWe are glad to see the signing,\u201d he said. \u201cWe hope it will be a "
     "success.\u201d",
     ["\u201cWe are glad to see the signing,\u201d he said.",
      "\u201cWe hope it will be a success.\u201d"]),
    ("\"Its applications can be exported. In other words, it is mass-market AI.\"",
     ["\"Its applications can be exported.", "In other words, it is mass-market AI.\""]),
    ("\u201cWhy now?\u201d he asked. Nobody knew.",
     ["\u201cWhy now?\u201d he asked.", "Nobody knew."]),
    ("Pakistan faces serious challenges...In spite of these issues, work goes on.",
     ["Pakistan faces serious challenges...", "In spite of these issues, work goes on."]),
    ("He paused... and then went on.", ["He paused... and then went on."]),
    ("It waited\u2026 Then it rose.", ["It waited\u2026", "Then it rose."]),
    ("Sales were $2.17 billion, up 3.5%. Profit rose 94.4%.",
     ["Sales were $2.17 billion, up 3.5%.", "Profit rose 94.4%."]),
    ("It is e.g. the best. It is i.e. the only one.",
     ["It is e.g. the best.", "It is i.e. the only one."]),
    ("Reach out at aadil.s[at] now.", ["Reach out at aadil.s[at] now."]),
    ("Did it rise? Yes! It did.", ["Did it rise?", "Yes!", "It did."]),
    ("It met at 10 a.m. on Monday.", ["It met at 10 a.m. on Monday."]),
    ("The quarter (July to September). The next one.",
     ["The quarter (July to September).", "The next one."]),
    ("  Leading and trailing spaces.  ", ["Leading and trailing spaces."]),
    # a dash after a point goes on: a dateline (desk probe K: "- A SpaceX ..." was a claim)
    ("CAPE CANAVERAL, Fla. - A rocket lifted off. It flew.",
     ["CAPE CANAVERAL, Fla. - A rocket lifted off.", "It flew."]),
    # a list's ranks run into its line (desk probe M: cut into claims at each rank)
    ("Results, 60m final: 1. Yanis Mbeki (FRA) 7.41; 2. Tomasz Wierzba (POL) 7.52. Next.",
     ["Results, 60m final: 1. Yanis Mbeki (FRA) 7.41; 2. Tomasz Wierzba (POL) 7.52.",
      "Next."]),
    ("He finished in place 2. Then he left.", ["He finished in place 2.", "Then he left."]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_offsets_into_a_window() -> None:
    text = "Skip me. First one. Second one."
    spans = split_sentences(text, 9, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_bullet_lists_are_one_sentence_per_item() -> None:
    text = (
        "Intro sentence of the article that runs on for a while.\n"
        "  \u2022 Correction: China is NOT a member of the International Space Station. "
        "U.S regulations specifically prohibit NASA cooperation with China in space.\n"
        "- The first point of the list ends here.\n"
        "- The second point of the list ends here too.\n"
    )
    doc = document_from_text("d", text)
    got = [text[s:e] for _, _, s, e in candidate_spans(doc)]
    assert got == [
        "Intro sentence of the article that runs on for a while.",
        "Correction: China is NOT a member of the International Space Station.",
        "U.S regulations specifically prohibit NASA cooperation with China in space.",
        "The first point of the list ends here.",
        "The second point of the list ends here too.",
    ]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("The quick brown fox jumped over the\nlazy dog in 2024. It then\n"
            "went home.\n\nNext paragraph here.\n")
    doc = document_from_text("d", text)
    got = [text[s:e] for _, _, s, e in candidate_spans(doc)]
    assert got == ["The quick brown fox jumped over the\nlazy dog in 2024.",
                   "It then\nwent home.", "Next paragraph here."]


def test_long_text_is_linear() -> None:
    # A quadratic scan (re-slicing the rest of the text per period) would take minutes.
    text = "Dr. Smith met Mr. Jones at No. 4 in the U.S. on Jan. 17. " * 20_000
    assert len(split_sentences(text)) == 20_000


@given(st.text(alphabet="ab.1_ \n\u00e9-", max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_word_before_is_the_regex_search(text: str, lo: int, hi: int) -> None:
    found = _WORD_BEFORE_RE.search(text, lo, hi)
    assert word_before(text, lo, hi) == (found.group() if found else "")


@pytest.mark.parametrize(("before", "after", "ends"), [
    ("... the storm made landfall at 5:15 p.m.", "The minister said", True),
    ("... according to the U.S.", "Geological Survey.", False),
    ("Lindqvist, who joined from Volvo, said the figure was No.", "2 in Europe", False),
    ("... breaking the record set by Dr.", "Kiprono in 2021.", False),
    ("He left.", "She stayed.", True),
    ('"We won," he said.', "The crowd cheered.", True),
    ("... sales rose 12%, up from", "10% a year earlier", False),  # no punctuation at all
])
def test_ends_sentence_where_two_lines_meet(before: str, after: str, ends: bool) -> None:
    assert ends_sentence(before, after) is ends
