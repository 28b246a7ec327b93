"""Desk probe Q2's pages (a drug trial, a takeover, a rail crash, public finances) among the
117 pages of the desk corpus: what comparison got wrong."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import norm

# Claims naming the UK, so that the country is no specific name, as among the 125 pages.
_UK = ["The UK economy grew 0.2% in March.", "UK inflation was 3.1% in April.",
       "The UK unemployment rate was 4.4% in May.", "UK retail sales rose 0.5% in June."]


def _among_uk_claims(ruleset: RuleSet, a: str, b: str, pa: str, pb: str) -> str:
    """The verdict of a and b judged over an index holding `_UK` too."""
    na, nb = norm(ruleset, a, "a", pa), norm(ruleset, b, "b", pb)
    rest = [norm(ruleset, t, f"uk{i}", "2026-06-30") for i, t in enumerate(_UK)]
    return judge(na, nb, BlockIndex([na, nb, *rest]), ruleset.lexicon).label


@pytest.mark.parametrize(("a", "b", "pa", "pb"), [
    # a yearly toll of a cause against another cause's: the fate ("die" / "kills") and the
    # people anchored the figures (two error-level conflicts among the 125 pages)
    ("Around 38,000 people die from stroke in the UK each year.",
     "Cardiovascular disease kills about 170,000 people in the UK each year.",
     "2026-11-12", "2026-05-20"),
    ("Around 38,000 people die from stroke in the UK each year.",
     "In all, 1,552 people were killed on Britain's roads in 2025, according to figures "
     "published by the Department for Transport.", "2026-11-12", "2026-09-25"),
])
def test_probe_q2_yearly_tolls(ruleset: RuleSet, a: str, b: str, pa: str, pb: str) -> None:
    assert _among_uk_claims(ruleset, a, b, pa, pb) != "conflict"
    assert _among_uk_claims(ruleset, b, a, pb, pa) != "conflict"


def test_two_tolls_of_one_event_still_conflict(ruleset: RuleSet) -> None:
    assert _among_uk_claims(ruleset, "Six people were killed when a train derailed in the UK.",
                            "Seven people were killed when a train derailed in the UK.",
                            "2026-03-14", "2026-03-14") == "conflict"
