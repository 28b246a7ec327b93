"""A fact check's rated claims (checker/extract/verdicts.py) and the claims another makes,
quoted after "claiming that" (checker/reported.py): desk probe O's fact check corroborated
the blog it refuted, and its verdicts were never set against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_text
from checker.extract.verdicts import rated_claims
from checker.models.document import DocumentMeta
from checker.normalize import normalise
from checker.pipeline import CheckOptions, run_check
from checker.reported import reported_quote
from checker.rules import RuleSet

BOX = 'Claim: "Britain has the highest inflation in Europe - 6.1% and rising."\n'


def _rated(text: str) -> list[tuple[str, bool, str]]:
    return [(text[r.start:r.end], r.true, r.label) for r in rated_claims(text, text.lower())]


@pytest.mark.parametrize(("text", "expected"), [
    (BOX + "Verdict: False\n",
     [("Britain has the highest inflation in Europe - 6.1% and rising.", False, "false")]),
    (BOX + "Source of claim: a post on X\nRating: Mostly false\n",
     [("Britain has the highest inflation in Europe - 6.1% and rising.", False,
       "mostly false")]),
    ('Second claim: "Wages have fallen for 15 years in a row." Verdict: False. Pay rose in '
     "2014.\n", [("Wages have fallen for 15 years in a row.", False, "false")]),
    ('The claim: \u201cThe bridge opened in 1932.\u201d\nOur verdict: True.\n',
     [("The bridge opened in 1932.", True, "true")]),
    # a verdict that neither asserts nor denies, none at all, or the next box's
    (BOX + "Verdict: Misleading\n", []),
    (BOX + "The figure is for food prices.\n", []),
    (BOX + 'Claim: "Wages have fallen for 15 years."\nVerdict: False\n',
     [("Wages have fallen for 15 years.", False, "false")]),
    # no verdict word on the page: no box read
    ('Claim: "Britain has the highest inflation."\nThe figure is wrong.\n', []),
    # a box of headings, each part on the line below its own (Full Fact's form)
    ("What was claimed\nBritain has the highest inflation in Europe.\nOur verdict\n"
     "Incorrect. The UK's rate was 3.2% in April.\n",
     [("Britain has the highest inflation in Europe.", False, "incorrect")]),
    ("What was claimed\nWages have fallen for 15 years in a row.\nOur verdict\n"
     "Missing context. Real pay fell in 2022.\n", []),
])
def test_a_box_and_its_verdict(text: str, expected: list[tuple[str, bool, str]]) -> None:
    assert _rated(text) == expected


PAGE = ("No, the UK does not have the highest inflation in Europe\n\n" + BOX
        + "Verdict: False\n\n"
        'Claim: "Real wages are not growing in Britain."\nVerdict: False\n\n'
        'A post claiming that "Britain has the highest inflation in Europe" at "6.1% and '
        'rising" was shared more than 14,000 times on X over the weekend.\n'
        "The ONS said consumer price inflation was 3.2% in the 12 months to April 2026.\n")


def _claims(ruleset: RuleSet, text: str = PAGE) -> dict[str, tuple[str, list[str]]]:
    cf = extract_text(text, "fc", ruleset.lexicon, DocumentMeta(published="2026-05-20"))
    return {c.text: (c.polarity, c.features) for c in cf.claims}


def test_a_claim_rated_false_is_denied_and_one_denied_is_asserted(ruleset: RuleSet) -> None:
    claims = _claims(ruleset)
    polarity, features = claims["Britain has the highest inflation in Europe - 6.1% and rising."]
    assert polarity == "negative" and "rated-false" in features
    assert claims["Real wages are not growing in Britain."][0] == "positive"
    # the prose is read as before; the box's line itself is still no claim of its own
    assert claims["The ONS said consumer price inflation was 3.2% in the 12 months to April "
                  "2026."][0] == "positive"
    assert not any(text.startswith("Claim:") for text in claims)


def test_a_rated_claim_of_what_someone_said_is_no_claim(ruleset: RuleSet) -> None:
    # a review: turned, the claim said the minister said there ARE food banks in Surrey
    page = ('Claim: "Housing minister Matthew Pennycook said there are no food banks in '
            'Surrey."\nVerdict: False\n')
    assert _claims(ruleset, page) == {}


def test_a_claim_rated_true_is_asserted(ruleset: RuleSet) -> None:
    page = 'Claim: "The Severn Bridge opened in 1966."\nVerdict: True\n'
    polarity, features = _claims(ruleset, page)["The Severn Bridge opened in 1966."]
    assert polarity == "positive" and "rated-true" in features


@pytest.mark.parametrize(("text", "quote"), [
    ('A post claiming that "Britain has the highest inflation" at "6.1% and rising" was '
     "shared 14,000 times.", '"Britain has the highest inflation" at "6.1% and rising"'),
    ("Posts claiming that \u201ccrime has doubled\u201d spread.", "\u201ccrime has doubled\u201d"),
    # what someone claimed is theirs to compare, as what they said is (a review)
    ('He claimed that "1,200 nurses were recruited" in a speech.', None),
    # the quote ends at its mark: the page's own figure after it stays (a review)
    ('The mayor, claiming that "crime is falling", was wrong: crime rose 12%, which the '
     'chief called "a worrying trend".', '"crime is falling"'),
    ('The minister said "crime has doubled".', None),
    ("The firm claimed that sales rose 5%.", None),
])
def test_the_quote_of_a_claim_reported(text: str, quote: str | None) -> None:
    found = reported_quote(text)
    assert (text[found[0]:found[1]] if found else None) == quote


def test_a_reported_quote_is_nothing_the_claim_compares(ruleset: RuleSet) -> None:
    text = ('A post claiming that "Britain has the highest inflation in Europe" at "6.1% and '
            'rising" was shared more than 14,000 times on X over the weekend.')
    claim = extract_text(text, "fc", ruleset.lexicon).claims[0]
    n = normalise(claim, "fc", ruleset.lexicon)
    assert "united-kingdom" not in n.entities
    assert [q.text for q in n.quantities] == ["more than 14,000"]
    assert "inflat" not in n.tokens and "share" in n.tokens


def test_a_fact_check_against_the_blog_it_refutes(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    blog = ("Britain has the highest inflation in Europe, and it is getting worse\n\n"
            "Britain has the highest inflation in Europe - 6.1% and rising.\n"
            "Real wages are not growing in Britain.\n")
    for name, text in (("factline", PAGE), ("blog", blog)):
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{name}.meta.yaml").write_text("published: 2026-05-20\n", encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=Path("rules"))).report
    found = {(f.kind, f.reason, tuple(sorted(c.line for c in f.claims if c.document ==
                                             "factline"))) for f in report.findings}
    # both verdicts set against the blog; the post's report of the claim neither confirms
    # the blog nor contradicts the fact check's own verdict
    assert ("conflict", "polarity", (3,)) in found
    assert ("conflict", "polarity", (6,)) in found
    assert not any(kind in ("corroboration", "self-contradiction") for kind, _, _ in found)
