"""Claim ids: derived from the document and the claim's normalised content, so they survive
re-extraction and edits elsewhere in the document."""

from __future__ import annotations

from pathlib import Path

from checker.extract import claim_id, extract_document, extract_text
from checker.ingest import read_document
from checker.rules import RuleSet
from checker.textutil import fold

TEXT = (
    "China is a member of the International Space Station, the article claimed.\n"
    "SMIC recorded $2.17119 billion in sales in the third quarter of 2024.\n"
    "Chinese arms made up 81 per cent of Pakistan's weapons imports, SIPRI said.\n"
)
INSERTED = "The Pakistan Air Force inducted the JF-17 Block III in 2023.\n"


def _ids(text: str, ruleset: RuleSet, doc_id: str = "doc") -> dict[str, str]:
    return {c.text: c.id for c in extract_text(text, doc_id, ruleset.lexicon).claims}


def test_re_extracting_an_unchanged_document_gives_the_same_ids(repo: Path,
                                                                 ruleset: RuleSet) -> None:
    for path in sorted((repo / "seeds").glob("*.txt")):
        doc = read_document(path, f"seeds/{path.name}")
        first = [c.id for c in extract_document(doc, ruleset.lexicon).claims]
        again = [c.id for c in extract_document(doc, ruleset.lexicon).claims]
        assert first == again and len(set(first)) == len(first), path.name


def test_inserting_a_sentence_elsewhere_keeps_the_other_ids(ruleset: RuleSet) -> None:
    before = _ids(TEXT, ruleset)
    lines = TEXT.splitlines(keepends=True)
    after = _ids(lines[0] + INSERTED + "".join(lines[1:]), ruleset)
    assert len(before) == 3
    for text, cid in before.items():
        assert after[text] == cid
    assert set(after) - set(before) == {INSERTED.strip()}
    assert after[INSERTED.strip()] not in before.values()


def test_inserting_a_sentence_within_a_paragraph_keeps_the_other_ids(ruleset: RuleSet) -> None:
    before = _ids(TEXT.replace("\n", " "), ruleset)
    after = _ids(TEXT.replace("\n", " ").replace("SMIC recorded", INSERTED.strip()
                                                 + " SMIC recorded"), ruleset)
    for text, cid in before.items():
        assert after[text] == cid


def test_moving_a_paragraph_keeps_its_id(ruleset: RuleSet) -> None:
    lines = TEXT.splitlines(keepends=True)
    assert _ids("".join(reversed(lines)), ruleset) == _ids(TEXT, ruleset)


def test_typography_does_not_change_an_id_but_words_and_documents_do() -> None:
    straight = claim_id("d", "Pakistan's rover - on Chang'e 8")
    assert claim_id("d", "Pakistan\u2019s rover \u2013 on Chang\u2019e 8") == straight
    assert claim_id("d", "Pakistan's  rover - on Chang'e 8.") == straight
    assert claim_id("d", "Pakistan's rover - on Chang'e 6") != straight
    assert claim_id("other", "Pakistan's rover - on Chang'e 8") != straight


def test_repeated_sentences_get_distinct_stable_ids(ruleset: RuleSet) -> None:
    text = "SMIC recorded $2 billion in sales in 2024.\n" * 2
    ids = [c.id for c in extract_text(text, "d", ruleset.lexicon).claims]
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"
    assert ids == [c.id for c in extract_text(text, "d", ruleset.lexicon).claims]


def test_claim_id_given_the_folded_lower_case() -> None:
    # extract's claim() hands claim_id its clause's folded lower case (folded[start:end]):
    # fold keeps every character's place, so a slice of the folded page is the slice folded.
    page = "Intro. \u201cPakistan\u2019s rover \u2013 on Chang\u2019e 8,\u201d she said.\u00a0End"
    folded = fold(page)
    for start, end in ((0, len(page)), (7, 48), (8, 40), (3, 20)):
        raw = page[start:end]
        assert folded[start:end] == fold(raw)
        assert claim_id("d", raw, folded[start:end].lower()) == claim_id("d", raw)
