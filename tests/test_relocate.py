"""Stale claim files: claims found again by their text in the changed document."""

from __future__ import annotations

import shutil
from pathlib import Path

from checker.claimfiles import load_claim_file, render_claim_file
from checker.extract import extract_document
from checker.ingest import document_from_text
from checker.models.claims import Claim
from checker.pipeline import CheckOptions, run_check
from checker.relocate import relocate
from checker.rules import RuleSet

REPO = Path(__file__).resolve().parents[1]
TEXT = ("Exports rose 5% in March, according to SIPRI, to $2.1 billion.\n"
        "Lin said China launched Chang'e 6 in May 2024.\n"
        "The ISS has 16 partner nations.\n")


def _misplaced(claims: list[Claim], text: str) -> list[str]:
    """Claims or slots whose span does not cut their own text out of the document."""
    wrong = [c.id for c in claims if text[c.span[0]:c.span[1]] != c.text]
    for c in claims:
        slots = [*c.entities, *c.quantities, *c.dates] + \
            ([c.attribution] if c.attribution else [])
        wrong += [f"{c.id}: {s.text}" for s in slots if text[s.span[0]:s.span[1]] != s.text]
    return wrong


def test_claims_move_with_their_text(ruleset: RuleSet) -> None:
    claims = extract_document(document_from_text("d", TEXT), ruleset.lexicon).claims
    assert len(claims) == 3
    edited = document_from_text("d", "A new opening line.\n\n" + TEXT.replace(
        "The ISS has 16 partner nations.", "The ISS has 15 partner nations."))
    placed, gone = relocate(claims, edited)
    assert gone == [claims[2].id]  # its sentence now says something else
    assert [c.id for c in placed] == [c.id for c in claims[:2]]
    assert [c.line for c in placed] == [3, 4]
    assert _misplaced(placed, edited.text) == []


def test_unchanged_place_is_kept_as_is(ruleset: RuleSet) -> None:
    claims = extract_document(document_from_text("d", TEXT), ruleset.lexicon).claims
    edited = document_from_text("d", TEXT + "A line added at the end.\n")
    placed, gone = relocate(claims, edited)
    assert not gone and all(a is b for a, b in zip(placed, claims, strict=True))


def test_an_editors_wording_is_found_near_its_sentence(ruleset: RuleSet) -> None:
    claims = extract_document(document_from_text("d", TEXT), ruleset.lexicon).claims
    fixed = claims[1].model_copy(update={"text": claims[1].text.replace("Lin", "Lin Wei")})
    edited = document_from_text("d", "Top.\n" + TEXT)
    placed, gone = relocate([fixed], edited)
    assert not gone and placed[0].span[0] == claims[1].span[0] + 5 and placed[0].line == 3


def test_check_on_a_stale_file_reports_at_the_new_lines(tmp_path: Path) -> None:
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, tmp_path / name)
    doc = next((tmp_path / "seeds").glob("002_*.txt"))
    doc.write_bytes(b"Added line one.\nAdded line two.\nAdded line three.\n" + doc.read_bytes())
    options = CheckOptions(root=tmp_path, seeds=tmp_path / "seeds",
                           claims=tmp_path / "claims", rules=tmp_path / "rules")
    report = run_check(options).report
    kinds = {f.kind: f for f in report.findings if f.claims and f.claims[0].document ==
             doc.stem}
    assert "stale-claims" in kinds
    violation = next(f for f in report.findings if f.rule_id == "china-not-iss-member"
                     and f.kind == "rule-violation")
    ref = violation.claims[0]
    assert ref.line == 26 and doc.read_text("utf-8").splitlines()[25].startswith(ref.text)
    contradiction = kinds["self-contradiction"]
    assert "line 26 and line 32" in contradiction.message, contradiction.message
    loaded, _ = load_claim_file(tmp_path / "claims" / f"{doc.stem}.yaml", "x.yaml")
    assert loaded is not None and render_claim_file(loaded.model, tmp_path)  # untouched file


def test_a_sentence_changed_in_case_only_is_drafted_again_and_checked(tmp_path: Path) -> None:
    # An editor probe: "a member" -> "a Member" left the claim out as gone, and its new
    # text was taken for a sentence the editor had deleted: the false statement passed.
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, tmp_path / name)
    doc = next((tmp_path / "seeds").glob("002_*.txt"))
    text = doc.read_text("utf-8")
    assert "China is a member of the International Space Station and" in text
    doc.write_text(text.replace("China is a member of the International Space Station and",
                                "China is a Member of the International Space Station and"),
                   encoding="utf-8")
    options = CheckOptions(root=tmp_path, seeds=tmp_path / "seeds",
                           claims=tmp_path / "claims", rules=tmp_path / "rules")
    result = run_check(options)
    violation = [f for f in result.report.findings if f.rule_id == "china-not-iss-member"
                 and f.kind == "rule-violation"]
    assert violation and violation[0].claims[0].text.startswith("China is a Member")
    assert any("extracted on the fly" in n for n in result.corpus.notes)


# A CI probe's paragraph: fifteen more sentences on the ISS, most of them naming China.
_ISS_PARAGRAPH = "".join([
    'Japan is a member of the International Space Station programme.',
    ' Canada is a member of the International Space Station partnership through its space agency.',
    ' Russia remains a member of the International Space Station despite tensions with China.',
    ' Analysts in China said the International Space Station will retire in 2030.',
    ' China built Tiangong after it was kept out of the International Space Station.',
    ' China invited Pakistan to fly on Tiangong rather than the International Space Station.',
    ' The International Space Station has hosted astronauts from 21 countries, none from China.',
    ' China has launched 15 astronauts since 2003, none to the International Space Station.',
    ' India is not a member of the International Space Station either, officials said.',
    ' The European Space Agency is a member of the International Space Station and'
    ' works with China on some science.',
    ' China plans to overtake the International Space Station in research hours by 2030.',
    ' Brazil was once a member of the International Space Station project before it withdrew.',
    " China's Tiangong is about a fifth the mass of the International Space Station.",
    ' China offered experiments to other nations that cannot use the International Space Station.',
    ' China criticised the International Space Station rules in 2011 after the US law passed.',
])


def test_a_self_contradiction_survives_more_sentences_on_its_subject(tmp_path: Path) -> None:
    # With them "china" and "iss" were too common to anchor a fact, and the statement and
    # its correction note were judged unrelated; after "Correction:" was taken for a name,
    # "Russia remains a member ... despite tensions with China" contradicted the note.
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, tmp_path / name)
    doc = next((tmp_path / "seeds").glob("002_*.txt"))
    doc.write_text(doc.read_text("utf-8") + "\n\n" + _ISS_PARAGRAPH + "\n", encoding="utf-8")
    options = CheckOptions(root=tmp_path, seeds=tmp_path / "seeds",
                           claims=tmp_path / "claims", rules=tmp_path / "rules")
    found = [f for f in run_check(options).report.findings if f.kind == "self-contradiction"]
    assert [[c.line for c in f.claims] for f in found] == [[23, 29]]


def test_a_repeated_sentence_gives_each_claim_its_own_copy(ruleset: RuleSet) -> None:
    text = "Acme shares fell 5% on Monday.\nAcme shares fell 5% on Monday.\n"
    claims = extract_document(document_from_text("d", text), ruleset.lexicon).claims
    assert [c.id[-2:] == "-2" for c in claims] == [False, True]
    edited = document_from_text("d", "A line added above them.\n" + text)
    placed, gone = relocate(claims, edited)
    assert not gone and [c.line for c in placed] == [2, 3]
    assert _misplaced(placed, edited.text) == []
    reworded = document_from_text("d", text.replace("fell 5% on Monday.\n", "fell 7%.\n", 1)
                                  .replace("5%", "7%"))
    placed, gone = relocate(claims, reworded)  # both sentences changed: both claims gone
    assert placed == [] and gone == [c.id for c in claims]


def test_an_editors_claim_whose_figure_changed_is_gone(ruleset: RuleSet) -> None:
    claims = extract_document(document_from_text("d", TEXT), ruleset.lexicon).claims
    iss = claims[2].model_copy(update={"text": "The ISS now has 16 partner nations."})
    edited = document_from_text("d", TEXT.replace("16 partner", "15 partner"))
    assert relocate([iss], edited) == ([], [iss.id])


def test_a_trimmed_claim_keeps_its_slots_on_their_words(ruleset: RuleSet) -> None:
    text = "Officials said on Monday that exports rose 5% in March to $2.1 billion.\n"
    claim = extract_document(document_from_text("d", text), ruleset.lexicon).claims[0]
    trimmed = claim.model_copy(update={"text": claim.text[len("Officials said on Monday that "):]})
    edited = document_from_text("d", text + "A line added after it.\n")
    placed, gone = relocate([trimmed], edited)
    assert not gone and _misplaced(placed, edited.text) == []


def test_a_split_claims_sentence_moves_with_it_or_is_dropped(ruleset: RuleSet) -> None:
    text = "Sales rose 5% in Asia in 2024; profits fell 3% in Europe in 2024.\n"
    claims = extract_document(document_from_text("d", text), ruleset.lexicon).claims
    assert [c.quote is not None for c in claims] == [True, True]
    moved = document_from_text("d", "Top line.\n" + text)
    placed, _ = relocate(claims, moved)
    assert all(c.quote is not None and moved.text[c.quote[0]:c.quote[1]] == text.strip()
               for c in placed)
    changed = document_from_text("d", "Top.\nSales rose 5% in Asia in 2024.\n")
    placed, gone = relocate(claims, changed)
    assert [c.text for c in placed] == ["Sales rose 5% in Asia in 2024"]
    assert placed[0].quote is None and len(gone) == 1


def test_a_sentence_added_since_extraction_is_checked(tmp_path: Path) -> None:
    """A stale claim file covers the old text only: a false sentence added since is drafted
    on the fly and checked, so CI does not pass it unread (a CI/review probe); the file is
    left as it is and the warning still asks for a refresh."""
    for name in ("seeds", "claims", "rules"):
        shutil.copytree(REPO / name, tmp_path / name)
    doc = next((tmp_path / "seeds").glob("001_*.txt"))
    lines = doc.read_text("utf-8").splitlines(keepends=True)
    lines.insert(5, "Officials in Beijing said China is a member of the International Space "
                    "Station and has been since 2010.\n")
    doc.write_text("".join(lines), "utf-8")
    claim_file = tmp_path / "claims" / f"{doc.stem}.yaml"
    before = claim_file.read_bytes()
    options = CheckOptions(root=tmp_path, seeds=tmp_path / "seeds",
                           claims=tmp_path / "claims", rules=tmp_path / "rules")
    result = run_check(options)
    flagged = [f for f in result.report.findings if f.rule_id == "china-not-iss-member"
               and f.kind == "rule-violation" and f.claims[0].document == doc.stem]
    assert [f.claims[0].line for f in flagged] == [6]
    # Located in the document only: the claim is not in the claim file.
    assert [(f.claims[0].claim_file, f.claims[0].claim_file_line) for f in flagged] == [
        (None, None)]
    assert any(f.kind == "stale-claims" for f in result.report.findings)
    assert f"{doc.relative_to(tmp_path).as_posix()}: 1 sentence not in " \
           f"claims/{doc.stem}.yaml extracted on the fly and checked" in result.report.notes
    assert claim_file.read_bytes() == before
    # The file's own claims are the ones it has; only the new text is drafted.
    dc = result.corpus.by_id()[doc.stem]
    assert len(dc.drafted) == 1 and dc.claims[-1].id == dc.drafted[0]


def test_a_claim_rewrapped_or_respaced_is_found_again(ruleset: RuleSet) -> None:
    """A CI probe: a paragraph wrapped anew, or a double space, left the curated claim (and
    its suppression) out of the run."""
    claims = extract_document(document_from_text("d", TEXT), ruleset.lexicon).claims
    for edited_text in (TEXT.replace("to $2.1 billion", "to\n$2.1  billion"),
                        TEXT.replace("Lin said China launched", "Lin said China\nlaunched")):
        edited = document_from_text("d", edited_text)
        placed, gone = relocate(claims, edited)
        assert gone == [] and [c.id for c in placed] == [c.id for c in claims]
        for c in placed:
            assert " ".join(edited_text[c.span[0]:c.span[1]].split()) == c.text


def test_errors_on_one_line_are_listed_by_column() -> None:
    from checker.errors import Location, RuleError, located_order

    errors = [RuleError("b: bad pattern", Location("r.yaml", 4, 30)),
              RuleError("a: bad pattern", Location("r.yaml", 4, 20)),
              RuleError("c: other", Location("r.yaml", 3, 40))]
    assert [e.message[0] for e in sorted(errors, key=located_order)] == ["c", "a", "b"]


def test_a_sentence_is_not_found_inside_another_that_denies_it(ruleset: RuleSet) -> None:
    text = "Page.\nChina is a member of the International Space Station.\n"
    claims = extract_document(document_from_text("d", text), ruleset.lexicon).claims
    edited = document_from_text("d", (
        "Page.\nIt is false that China is a member of the International Space Station. "
        "Officials repeated it.\nNew paragraph \U0001F600.\n"
        "China is a member of the International Space Station.\n"))
    placed, gone = relocate(claims, edited)
    # The claim (and an editor's suppression on it) goes with its own sentence, line 4,
    # not onto the end of the denial on line 2 (a location probe).
    assert not gone and [c.line for c in placed] == [4]
    assert _misplaced(placed, edited.text) == []
    # With only the denial left, the sentence is gone: the denial is drafted and checked.
    denial = document_from_text("d", "Page.\nIt is false that China is a member of the "
                                     "International Space Station.\n")
    assert relocate(claims, denial) == ([], [claims[0].id])


def test_of_two_copies_the_one_after_the_same_neighbour_stays(ruleset: RuleSet) -> None:
    copy = "Acme shares fell 5% on Monday."
    text = f"{copy}\nLin said China launched Chang'e 6 in May 2024.\n{copy}\n"
    claims = extract_document(document_from_text("d", text), ruleset.lexicon).claims
    first, lin, second = claims
    assert second.id.endswith("-2")
    # The first copy deleted: the copy left follows Lin's sentence, as the second did.
    edited = document_from_text("d", f"Lin said China launched Chang'e 6 in May 2024.\n{copy}\n")
    placed, gone = relocate(claims, edited)
    assert gone == [first.id] and [c.id for c in placed] == [lin.id, second.id]
    assert _misplaced(placed, edited.text) == []
