"""Desk probe Q5's pages (hard-wrapped wire copy and e-mailed releases: a Bank of England
rate cut, a company's results, a ferry sinking, UK labour market figures) among the 141
pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.pairs import pair_result
from checker.compare.slots import figure_dates
from checker.compare.standings import standings
from checker.compare.timing import days_events_apart
from checker.compare.verdict import Verdict, judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.names import unify_surnames
from checker.pipeline import CheckOptions, run_check
from checker.rules import RuleSet
from tests.compare.pairs import case_errors, on_page


def _judged(ruleset: RuleSet, a: str, b: str, day: str, doc_b: str = "b") -> str:
    """The label of a and b, each normalised as a claim of its page published on `day`."""
    na, nb = on_page(ruleset, a, "a", day), on_page(ruleset, b, doc_b, day)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "found"), [
    # one trip told both ways: the planted conflict was a corroboration
    ("The vessel was sailing from Patras to Sami.", "The vessel was sailing from Sami to Patras.",
     "conflict"),
    ("The Aegean Star was on its way from Patras to Sami when it sank.",
     "The Aegean Star was travelling from Sami to Patras when it sank.", "conflict"),
    # the same way still agrees
    ("The vessel was sailing from Patras to Sami.", "The ferry was sailing from Patras to Sami.",
     "corroboration"),
])
def test_a_trip_has_one_way(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-15") == found
    assert _judged(ruleset, b, a, "2026-11-15") == found


@pytest.mark.parametrize(("a", "b"), [
    # two flows of trade, a service each way: no trip, no conflict of roles
    ("Exports from China to the United States rose sharply in March.",
     "Exports from the United States to China rose sharply in March."),
    ("Flights from London to Paris were cancelled on Friday.",
     "Flights from Paris to London were cancelled on Friday."),
])
def test_two_ways_that_are_no_trip(ruleset: RuleSet, a: str, b: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-15") != "conflict"
    assert _judged(ruleset, b, a, "2026-11-15") != "conflict"


def _judged_on(ruleset: RuleSet, a: str, day_a: str, b: str, day_b: str) -> str:
    """The label of a and b, each normalised as a claim of its own page and day."""
    na, nb = on_page(ruleset, a, "a", day_a), on_page(ruleset, b, "b", day_b)
    return judge(na, nb, BlockIndex([na, nb]), ruleset.lexicon).label


FEBRUARY = ("The Bank of England cut Bank Rate by 25 basis points to 3.5% in February and held "
            "it there in March.")


@pytest.mark.parametrize("b", [
    "LONDON, 5 November (Meridian) - The Bank of England cut Bank Rate by a quarter of a "
    "percentage point to 3.75 per cent on Thursday, its third cut this year.",
    "LONDON (CWS) - The Bank of England lowered its benchmark interest rate to 3.75 percent "
    "from 4 percent on Thursday, its second cut this year.",
])
def test_a_figure_is_of_the_innermost_date(ruleset: RuleSet, b: str) -> None:
    # February's rate against Thursday's (5 November): two error-level conflicts among the
    # 141 pages, "this year" dating the figure as much as "on Thursday" did
    assert _judged_on(ruleset, FEBRUARY, "2026-04-08", b, "2026-11-05") != "conflict"
    assert _judged_on(ruleset, b, "2026-11-05", FEBRUARY, "2026-04-08") != "conflict"


@pytest.mark.parametrize(("text", "dated"), [
    ("The Bank of England cut Bank Rate to 3.75 per cent on Thursday, its third cut this year.",
     ["2026-11-05"]),
    ("The Bank of England lowered its rate to 3.75 percent from 4 percent on Thursday, its "
     "second cut this year.", ["2026-11-05", "2026-11-05"]),
    # dates apart are each their figure's, as before
    ("Acme sold 1.8 million cars in 2023, up from 1.5 million in 2022.",
     ["2023-01-01", "2022-01-01"]),
])
def test_figure_dates_inside_one_another(ruleset: RuleSet, text: str, dated: list[str]) -> None:
    c = on_page(ruleset, text, "a", "2026-11-05")
    when = figure_dates(c)
    assert [str(when[i].first) for i in sorted(when)] == dated


def test_the_same_day_s_rates_still_conflict(ruleset: RuleSet) -> None:
    a = ("The Bank of England cut Bank Rate to 3.75 per cent on Thursday, its third cut this "
         "year.")
    b = "The Bank of England cut Bank Rate to 3.5 per cent on Thursday."
    assert _judged_on(ruleset, a, "2026-11-05", b, "2026-11-05") == "conflict"


@pytest.mark.parametrize(("a", "b", "found"), [
    # the group's revenue against a division's: two error-level conflicts among the 141 pages
    ("Thornbury Instruments said revenue rose 8 per cent to £2.4bn.",
     "Revenue at Thornbury Instruments' aerospace unit grew 15 percent to 910 million pounds.",
     "unrelated"),
    ("Thornbury Instruments said revenue rose 8 per cent to £2.4bn.",
     "Sales at the energy division of Thornbury Instruments fell 3 percent to 640 million "
     "pounds.", "unrelated"),
    # one division's figures, and the group's, still conflict
    ("Revenue at Thornbury Instruments' aerospace unit grew 15 percent to 910 million pounds.",
     "Revenue at Thornbury Instruments' aerospace unit grew 12 percent to 880 million pounds.",
     "conflict"),
    ("Thornbury Instruments said revenue rose 8 per cent to £2.4bn.",
     "Thornbury Instruments said revenue rose 9 percent to 2.6 billion pounds.", "conflict"),
    # where the group's figure falls is no part's figure (tests/acceptance/cases/
    # company-coreference)
    ("Norvale Systems plans to cut 1,500 jobs, mostly in hardware.",
     "Norvale Systems said it would cut 1,200 jobs, mainly in its hardware division in "
     "Eindhoven.", "conflict"),
])
def test_a_division_is_no_group(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-17") == found
    assert _judged(ruleset, b, a, "2026-11-17") == found


@pytest.mark.parametrize(("a", "day_a", "b", "day_b", "found"), [
    # one bank's votes at two meetings, months apart (error-level conflicts among the 141)
    ("The Monetary Policy Committee voted 7-2 in favour, with two members preferring to hold "
     "rates.", "2026-05-07",
     "The bank's nine-member Monetary Policy Committee voted 6-3 in favor of the cut.",
     "2026-11-05", "unrelated"),
    ("The Bank left its programme of selling government bonds unchanged at £100bn a year.",
     "2026-09-17",
     "The Bank also left the pace of its bond sales unchanged at £70bn a year.", "2026-11-05",
     "unrelated"),
    # two ships of one name, months apart: neither a conflict nor, by the crew, one fact
    ("The vessel Aegean Star was carrying 386 passengers and 31 crew members.", "2026-08-08",
     "The Aegean Star was carrying 214 passengers and 31 crew.", "2026-11-15", "unrelated"),
    # one meeting's vote told on its day and the day after still conflicts
    ("The Monetary Policy Committee voted 7-2 for the cut.", "2026-11-05",
     "The bank's nine-member Monetary Policy Committee voted 6-3 in favor of the cut.",
     "2026-11-06", "conflict"),
    ("The Aegean Star was carrying 214 passengers and 31 crew.", "2026-11-15",
     "The Aegean Star had 214 passengers and 31 crew members aboard.", "2026-11-15",
     "corroboration"),
])
def test_a_decision_or_a_trip_is_of_its_page_s_days(ruleset: RuleSet, a: str, day_a: str,
                                                    b: str, day_b: str, found: str) -> None:
    assert _judged_on(ruleset, a, day_a, b, day_b) == found
    assert _judged_on(ruleset, b, day_b, a, day_a) == found


@pytest.mark.parametrize(("text", "told"), [
    ("The Monetary Policy Committee voted 7-2 for the cut.", True),
    ("The Aegean Star had 214 passengers and 31 crew members aboard.", True),
    ("Bank Rate was cut by 25 basis points to 3.75 per cent.", True),
    ("The Bank also left the pace of its bond sales unchanged at £70bn a year.", True),
    # no decision, no trip; a date of its own
    ("Revenue rose 8 per cent to £2.4bn.", False),
    ("The Monetary Policy Committee voted 7-2 on Thursday.", False),
])
def test_which_claims_are_told_on_their_page_s_days(ruleset: RuleSet, text: str,
                                                    told: bool) -> None:
    c = on_page(ruleset, text, "a", "2026-11-05")
    assert bool(c.told) is told
    if told:
        assert (str(c.told[0].first), str(c.told[0].last)) == ("2026-11-02", "2026-11-05")


THIRD = ("LONDON, 5 November (Meridian) - The Bank of England cut Bank Rate by a quarter of a "
         "percentage point to 3.75 per cent on Thursday, its third cut this year.")


@pytest.mark.parametrize(("b", "found"), [
    # one decision, its place in the year's cuts told two ways (the planted conflict was a
    # corroboration: the rate and the day agree)
    ("LONDON (CWS) - The Bank of England lowered its benchmark interest rate to 3.75 percent "
     "from 4 percent on Thursday, its second cut this year.", "conflict"),
    ("LONDON (CWS) - The Bank of England lowered its benchmark interest rate to 3.75 percent "
     "from 4 percent on Thursday, its third cut this year.", "corroboration"),
])
def test_a_place_in_a_sequence_of_events(ruleset: RuleSet, b: str, found: str) -> None:
    assert _judged(ruleset, THIRD, b, "2026-11-05") == found
    assert _judged(ruleset, b, THIRD, "2026-11-05") == found


@pytest.mark.parametrize(("text", "ranked"), [
    ("... to 3.75 per cent on Thursday, its third cut this year.",
     {("sequence", "cut"): (3, "this year")}),
    ("It was the Fed's second rise since March.", {("sequence", "increas"): (2, "since march")}),
    # a period or a part is its own fact, no place in a sequence
    ("Revenue in its first quarter this year rose 4%.", {}),
    ("Sales fell in the second half of the year.", {}),
])
def test_sequence_standings(text: str, ranked: dict[tuple[str, str], tuple[int, str]]) -> None:
    found = {k: (v.place, v.span) for k, v in standings(text).items() if k[0] == "sequence"}
    assert found == ranked



MAY = ("The Bank of England cut Bank Rate by 0.25 percentage points to 3.75% at noon, its "
       "second cut this year.")


@pytest.mark.parametrize(("a", "day_a", "b", "day_b", "apart"), [
    # a May decision's place in the year's cuts against November's: two decisions (an
    # error-level conflict among the 141 pages once places in a sequence ranked)
    (MAY, "2026-05-07", THIRD, "2026-11-05", True),
    # told on its day and the day after: one decision
    (THIRD, "2026-11-05", "LONDON (CWS) - The Bank of England lowered its benchmark interest "
     "rate to 3.75 percent from 4 percent on Thursday, its second cut this year.", "2026-11-06",
     False),
    # a date of its own away from its page: not the page's decision
    ("The Bank of England cut Bank Rate to 4 per cent in February, its first cut this year.",
     "2026-05-07", THIRD, "2026-11-05", False),
    # no decision: two pages' revenue, whatever their days
    ("Harrow Foods said revenue rose 6 per cent to £5.2bn.", "2026-05-07",
     "Harrow Foods said revenue rose 7 per cent to £5.3bn.", "2026-11-05", False),
])
def test_facts_of_a_day_on_pages_apart(ruleset: RuleSet, a: str, day_a: str, b: str,
                                       day_b: str, apart: bool) -> None:
    na, nb = on_page(ruleset, a, "a", day_a), on_page(ruleset, b, "b", day_b)
    r = pair_result(na, nb, Verdict("conflict", "number", 0.9, 0.7, {}), False)
    published = {"a": date.fromisoformat(day_a), "b": date.fromisoformat(day_b)}
    assert days_events_apart(r, published) is apart


CASES = Path(__file__).resolve().parent / "data" / "probeQ5"
REPO = Path(__file__).resolve().parents[2]


def test_two_decisions_months_apart(tmp_path: Path) -> None:
    """A guard, among filler pages: May's decision and vote never conflict with November's;
    the two November wires still conflict, on the place in the year's cuts and on the
    vote."""
    errors = {lines for _, _, lines in case_errors(tmp_path, CASES / "decisions.txt")}
    assert not {e for e in errors if "mayrates" in e}, errors
    assert "novrates.txt:5 novus.txt:5" in errors
    assert "novrates.txt:6 novus.txt:6" in errors


@pytest.mark.parametrize(("a", "b", "found"), [
    # two ceilings of one most: the planted conflict was no conflict (intervals overlap)
    ("Winds of up to 70km/h were reported near Kefalonia.",
     "Winds of up to 60 mph were reported near Kefalonia.", "conflict"),
    ("Passengers flying from Athens can claim up to €600 each.",
     "Passengers flying from Athens are entitled to as much as €400.", "conflict"),
    # the same most in two units still agrees; two floors a toll apart still do not clash
    ("Winds of up to 70km/h were reported near Kefalonia.",
     "Winds of up to 43 mph were reported near Kefalonia.", "corroboration"),
    ("At least 58 people were killed in the earthquake in Malatya.",
     "At least 73 people were killed in the earthquake in Malatya.", "unrelated"),
])
def test_two_ceilings(ruleset: RuleSet, a: str, b: str, found: str) -> None:
    assert _judged(ruleset, a, b, "2026-11-15") == found
    assert _judged(ruleset, b, a, "2026-11-15") == found


@pytest.mark.parametrize(("long_name", "other", "kept"), [
    # "X for Y" is not called "Y": every page's London (and the wires' "LONDON" datelines)
    # became Transport for London once one page of the 141 named it
    ("In London, 97 people died on the roads last year, according to Transport for London.",
     "LONDON (CWS) - The Bank of England lowered its benchmark interest rate to 3.75 percent "
     "on Thursday.", "name:london"),
    ("In London, 97 people died on the roads last year, according to Transport for London.",
     "Thornbury's shares rose 6 percent in London trading.", "name:london"),
    # "the University of Manchester" is still "Manchester" (desk probe T's planted conflict)
    ("The University of Manchester fell out of the top 50 for the first time, dropping to "
     "53rd.", "Manchester, which fell to 57th, dropped out of the top 50 for the first time.",
     "name:university-of-manchester"),
])
def test_a_name_for_a_place_is_not_the_place(ruleset: RuleSet, long_name: str, other: str,
                                              kept: str) -> None:
    a = normalise_document("a", extract_text(long_name, "a", ruleset.lexicon,
                                             DocumentMeta(published="2026-11-05"),
                                             threshold=0.0).claims, ruleset.lexicon)
    b = normalise_document("b", extract_text(other, "b", ruleset.lexicon,
                                             DocumentMeta(published="2026-11-05"),
                                             threshold=0.0).claims, ruleset.lexicon)
    _, (b2,) = unify_surnames([a, b])
    assert kept in b2.entities



def _errors_with_publishers(tmp_path: Path, case: Path,
                            publishers: dict[str, str]) -> set[str]:
    """"doc:line doc:line" of a case file's error-level conflicts, each page published by
    `publishers[its name]` (`case_findings` writes no publisher)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for page in re.split(r"^=== ", case.read_text("utf-8"), flags=re.M)[1:]:
        head, body = page.split("\n", 1)
        name, published, *_ = head.split()
        (seeds / f"{name}.txt").write_text(body.strip() + "\n", "utf-8")
        (seeds / f"{name}.meta.yaml").write_text(
            f'published: "{published}"\npublisher: "{publishers[name]}"\n', "utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    return {" ".join(sorted(f"{c.document.split('_')[0]}:{c.line}" for c in f.claims))
            for f in report.findings if f.kind == "conflict" and f.severity == "error"}


@pytest.mark.parametrize(("publisher", "found"), [
    # the company's own results release against a wire story on it: one story, though the
    # two pages share two names (the total dividend, the order book and the AGM's date, three
    # planted conflicts, were dropped as tied by the topic alone, `timing.one_story`)
    ("Thornbury Instruments plc", {"qw2:24 qw2b:15", "qw2:30 qw2b:22", "qw2:35 qw2b:31",
                                   "qw2:55 qw2b:47"}),
    # a page of another publisher ties nothing by its publisher
    ("Meridian Newswire", {"qw2:24 qw2b:15"}),
])
def test_a_company_s_release_and_a_story_on_it(tmp_path: Path, publisher: str,
                                               found: set[str]) -> None:
    publishers = {"qw2_thornbury_results_release": publisher,
                  "qw2b_thornbury_results_keystone": "Keystone Financial Wire"}
    assert _errors_with_publishers(tmp_path, CASES / "results.txt", publishers) == found
