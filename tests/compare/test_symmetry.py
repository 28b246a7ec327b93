"""A verdict does not depend on which claim comes first: corpus order is file-name order,
and renaming a page must not change what is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.verdict import judge
from checker.evaluate import _normed, read_pairs
from checker.rules import RuleSet
from tests.compare.pairs import norm

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def _both_ways(ruleset: RuleSet, a: str, b: str) -> tuple[str, str]:
    na, nb = norm(ruleset, a, "a", "2026-11-18"), norm(ruleset, b, "b", "2026-11-18")
    stats = BlockIndex([na, nb])
    return judge(na, nb, stats, ruleset.lexicon).label, judge(nb, na, stats, ruleset.lexicon).label


def test_one_figure_against_two_is_judged_alike_both_ways(ruleset: RuleSet) -> None:
    # Desk probe C (K18): 3.5% has two figures it could be, so it is compared with neither,
    # whichever claim comes first (it was a conflict one way round only).
    one = "Health NZ has offered nurses 3.5%, the union said."
    two = "Health NZ has offered a 2.5% pay rise, while the union wants 7%."
    forth, back = _both_ways(ruleset, one, two)
    assert forth == back


@pytest.mark.parametrize("name", ["news_pairs", "review_pairs"])
def test_labelled_pairs_are_judged_alike_both_ways(ruleset: RuleSet, name: str) -> None:
    pairs = read_pairs(DATA / f"{name}.jsonl")
    normed = [_normed(p, i, ruleset.lexicon) for i, p in enumerate(pairs)]
    stats = BlockIndex([n for two in normed for n in two if n is not None])
    differ = []
    for pair, (a, b) in zip(pairs, normed, strict=True):
        if a is None or b is None:
            continue
        x, y = judge(a, b, stats, ruleset.lexicon), judge(b, a, stats, ruleset.lexicon)
        if (x.label, x.reason) != (y.label, y.reason):
            differ.append(pair.pid)
    assert differ == []
