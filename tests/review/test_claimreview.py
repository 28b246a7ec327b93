"""ClaimReview export: confirmed findings as schema.org JSON-LD; golden file, structure, CLI.

After an intended change, regenerate with `UPDATE_GOLDEN=1 pytest tests/review` and read the
diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from checker.decisions import make_decision, save_decisions
from checker.export.claimreview import (
    RATINGS,
    claim_reviews,
    render,
    structural_problems,
)
from checker.export.cli import export_command
from checker.pipeline import CheckOptions, run_check

from .sample import GOLDEN, findings, fixed_clock, report, reworded


def _decisions() -> dict:  # type: ignore[type-arg]
    a, b, c, d, e = findings()
    changed = a.model_copy(update={"claims": [a.claims[0].model_copy(update={"text": "Other"})]})
    return {
        a.id: make_decision(a, "confirmed", "The 1998 agreement lists no China.", "Ann",
                            fixed_clock),
        b.id: make_decision(b, "confirmed", None, "Ben", fixed_clock),
        c.id: make_decision(c, "confirmed", None, "Ann", fixed_clock),  # a term: no rating
        d.id: make_decision(d, "false-alarm", None, "Ann", fixed_clock),  # not confirmed
        e.id: make_decision(changed, "confirmed", None, "Ann", fixed_clock),  # text changed
    }


def test_matches_golden() -> None:
    reviews, skipped = claim_reviews(report(), _decisions(), "Orbit Fact Check",
                                     "https://factcheck.example/reviews/")
    rendered = render(reviews).encode("utf-8")
    path = GOLDEN / "claimreview.jsonld"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(rendered)
    assert rendered == path.read_bytes(), "claimreview.jsonld differs from its golden file"
    a, b, c, _, e = findings()
    assert [s.split(":")[0] for s in skipped] == [b.id, c.id, e.id]
    assert f"the same statement as {a.id}" in skipped[0] and "re-opened" in skipped[2]


def test_one_review_a_statement_rated_by_its_worst_finding_without_private_notes() -> None:
    reviews, _ = claim_reviews(report(), _decisions(), "Orbit Fact Check", None)
    a, b = findings()[:2]
    assert a.claims[0].text == b.claims[0].text  # a rule violation and a self-contradiction
    assert [r["identifier"] for r in reviews] == [a.id]
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    assert reviews[0]["reviewBody"] == "China is not an ISS partner."  # not Ann's note
    assert all("Ann" not in json.dumps(r) for r in reviews)


def test_reviews_are_structurally_valid_json_ld() -> None:
    reviews, _ = claim_reviews(report(), _decisions(), None, None)
    parsed = json.loads(render(reviews))
    assert len(parsed) == 1
    for review in parsed:
        assert structural_problems(review) == []
    first = parsed[0]
    assert first["claimReviewed"].startswith("China is a member of the International")
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5,
                                     "worstRating": 1, "alternateName": "False"}
    assert first["author"] == {"@type": "Person", "name": "Ann"}  # no organisation named
    item = first["itemReviewed"]
    assert item["datePublished"] == "2025-03-01"
    assert item["author"] == {"@type": "Organization", "name": "Daily Orbit"}
    assert item["appearance"]["url"] == "https://news.example/space"
    assert first["datePublished"] == "2025-05-01T12:00:00Z"
    assert "url" not in first
    b = findings()[1]  # the self-contradiction alone: Disputed, with what the page says
    alone, _ = claim_reviews(report(), {b.id: _decisions()[b.id]}, None, None)
    assert alone[0]["reviewRating"]["alternateName"] == "Disputed"
    assert alone[0]["reviewBody"].startswith("The same page says otherwise: “")


def test_structural_check_catches_what_is_missing() -> None:
    assert structural_problems([]) == ["review: not an object"]
    broken = {"@context": "https://schema.org", "@type": "ClaimReview",
              "claimReviewed": "x", "datePublished": "2025",
              "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork"}},
              "reviewRating": {"@type": "Rating", "ratingValue": 9, "bestRating": 5,
                               "worstRating": 1},
              "author": {"@type": "Thing"}, "url": "ftp://x"}
    problems = structural_problems(broken)
    for expected in ("appearance: neither url nor identifier", "alternateName: missing",
                     "ratingValue: outside worst..best", "author: not a named",
                     "url: not an http(s) URL"):
        assert any(expected in p for p in problems), (expected, problems)


def test_every_rated_kind_is_on_the_documented_scale() -> None:
    doc = (Path(__file__).resolve().parents[2] / "checker" / "export" / "claimreview.py")
    text = doc.read_text(encoding="utf-8")
    for kind, (value, name) in RATINGS.items():
        assert 1 <= value <= 5 and f"{value}  {name}" in text and kind in text


def test_cli_exports_confirmed_findings_of_the_seeds(project: Path) -> None:
    result = run_check(CheckOptions(root=project, seeds=project / "seeds",
                                    claims=project / "claims", rules=project / "rules"))
    rated = [f for f in result.report.findings if f.kind in RATINGS]
    assert rated, "the seeds yield findings that rate a claim"
    save_decisions(project / "reviews" / "decisions.yaml", {
        f.id: make_decision(f, "confirmed", "checked", "Ann", fixed_clock) for f in rated})
    out = CliRunner().invoke(export_command, [
        "claimreview", "--organization", "Desk", "--url-base", "https://x.example/r"])
    assert out.exit_code == 0, out.output
    parsed = json.loads((project / "reports" / "claimreview.jsonld").read_text("utf-8"))
    statements = {(f.claims[0].document, " ".join(f.claims[0].text.split())) for f in rated}
    assert len(parsed) == len(statements) and len({r["claimReviewed"] for r in parsed}) == \
        len({s for _, s in statements})
    assert all(structural_problems(r) == [] for r in parsed)
    assert all(r["reviewBody"] != "checked" for r in parsed)  # the note stays in the desk
    assert parsed[0]["url"] == f"https://x.example/r/{parsed[0]['identifier']}"
    again = CliRunner().invoke(export_command, ["claimreview", "--organization", "Desk",
                                                "--url-base", "https://x.example/r", "--out", "-"])
    assert again.stdout == (project / "reports" / "claimreview.jsonld").read_text("utf-8")
    bad = CliRunner().invoke(export_command, ["claimreview", "--url-base", "x.example"])
    assert bad.exit_code == 2 and "http(s)" in bad.output
    # An export decides nothing: no --editor (a review: it was taken and did nothing).
    unused = CliRunner().invoke(export_command, ["claimreview", "--editor", "Bob"])
    assert unused.exit_code == 2 and "No such option '--editor'" in unused.output
    # Its own export it replaces; another file only with --force.
    assert CliRunner().invoke(export_command, ["claimreview"]).exit_code == 0
    facts = (project / "rules" / "facts.yaml").read_text("utf-8")
    refused = CliRunner().invoke(export_command, ["claimreview", "--out", "rules/facts.yaml"])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert (project / "rules" / "facts.yaml").read_text("utf-8") == facts


def test_a_re_opened_decision_on_a_reworded_statement_is_said_to_be_skipped() -> None:
    a, *rest = findings()
    decisions = {a.id: make_decision(a, "confirmed", None, "Ann", fixed_clock)}
    assert [r["identifier"] for r in claim_reviews(report(), decisions)[0]] == [a.id]
    new = reworded(a)  # the decision follows it, re-opened: nothing to export, and why
    reviews, skipped = claim_reviews(report([new, *rest]), decisions)
    assert reviews == []
    assert skipped == [f"{new.id}: re-opened (its statements changed since it was decided "
                       f"(2025-05-01, as {a.id})); decide it again to export it"]
    # A confirmed decision whose finding is gone altogether is said so too.
    _, skipped = claim_reviews(report(rest), decisions)
    assert skipped == [f"{a.id}: its finding no longer occurs (resolved)"]
    # Other decisions on gone findings (not confirmed) have nothing to export: no line.
    gone = {a.id: make_decision(a, "false-alarm", None, "Ann", fixed_clock)}
    assert claim_reviews(report(rest), gone) == ([], [])


def test_cli_says_why_a_reworded_confirmed_statement_is_no_longer_exported(
        project: Path) -> None:
    options = CheckOptions(root=project, seeds=project / "seeds", claims=project / "claims",
                           rules=project / "rules")
    result = run_check(options)
    iss = next(f for f in result.report.findings if f.rule_id == "china-not-iss-member")
    save_decisions(project / "reviews" / "decisions.yaml",
                   {iss.id: make_decision(iss, "confirmed", "false", "Ann", fixed_clock)})
    first = CliRunner().invoke(export_command, ["claimreview", "--out", "-"])
    assert first.exit_code == 0 and len(json.loads(first.stdout)) == 1
    doc = project / iss.claims[0].path
    doc.write_text(doc.read_text("utf-8").replace(
        "has a wide network of global satellites", "has a vast network of satellites"), "utf-8")
    again = CliRunner().invoke(export_command, ["claimreview", "--out", "-"])
    assert again.exit_code == 0 and json.loads(again.stdout) == []
    assert f": re-opened (its statements changed since it was decided (2025-05-01, as " \
           f"{iss.id}))" in again.stderr


def test_the_export_is_safe_inside_a_script_element() -> None:
    import json

    from checker.export.claimreview import render

    hostile = "Second</script><script>alert('LD')</script> & <!-- \u2028"
    text = render([{"headline": hostile, "itemReviewed": {"name": "a<b>c"}}])
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == [{"headline": hostile, "itemReviewed": {"name": "a<b>c"}}]


def test_a_confirmed_conflict_rates_both_statements(tmp_path: Path) -> None:
    """A first-time-user probe: only the statement listed first was rated, though the
    editor confirming a conflict has not said which source is wrong."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("SMIC's third-quarter sales were $2.7 billion, according to "
                                 "the company.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("SMIC's third-quarter sales were $2.17 billion, according to "
                                 "the company.\n", encoding="utf-8")
    rules = Path(__file__).resolve().parents[2] / "rules"
    result = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=rules))
    (conflict,) = [f for f in result.report.findings if f.kind == "conflict"]
    decisions = {conflict.id: make_decision(conflict, "confirmed", None, "Ann", fixed_clock)}
    reviews, skipped = claim_reviews(result.report, decisions, "Desk", "https://x.example/r")
    assert skipped == []
    assert [r["identifier"] for r in reviews] == [conflict.id, f"{conflict.id}.2"]
    assert {r["claimReviewed"] for r in reviews} == {c.text for c in conflict.claims}
    assert all(r["reviewRating"]["alternateName"] == "Disputed" for r in reviews)
    assert reviews[1]["reviewBody"].endswith(f"“{conflict.claims[0].text}”")
    assert reviews[1]["url"] == f"https://x.example/r/{conflict.id}.2"
    assert all(structural_problems(r) == [] for r in reviews)
