"""Desk probe C (an earthquake, a trading statement, a transfer, a nurses' strike), the
comparison side: a sum named by what it is anchors its figures."""

from __future__ import annotations

from checker.compare.blocking import BlockIndex
from checker.compare.figures import sums_named
from checker.compare.slots import compare_quantities
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from tests.compare.pairs import norm

# Brentford in every claim, as on the probe's pages: the name anchors nothing.
STORY = ("Brentford have signed a new goalkeeper this week.\n"
         "Brentford finished ninth in the Premier League last season.\n"
         "Brentford play their first home game in August.\n"
         "Brentford confirmed the deal on their website.\n")


def _page(ruleset: RuleSet, doc: str, text: str) -> list[NormClaim]:
    cf = extract_text(text, doc, ruleset.lexicon, meta=DocumentMeta(published="2026-07-28"),
                      threshold=0.0)
    return normalise_document(doc, cf.claims, ruleset.lexicon, text)


def _judged(ruleset: RuleSet, a: str, b: str) -> str:
    ca, cb = _page(ruleset, "a", STORY + a), _page(ruleset, "b", STORY + b)
    return judge(ca[-1], cb[-1], BlockIndex(ca + cb), ruleset.lexicon).label


def test_one_fee_told_two_ways_conflicts(ruleset: RuleSet) -> None:
    a = "Brentford have agreed a fee of around £38m with Red Bull Salzburg for Lukas Brenner.\n"
    b = ("Brentford have completed the signing of Lukas Brenner from Red Bull Salzburg for a "
         "fee of £33m.\n")
    assert _judged(ruleset, a, b) == "conflict"


def test_what_a_sum_is_of(ruleset: RuleSet) -> None:
    def named(text: str) -> set[tuple[str, str]]:
        return set(sums_named(norm(ruleset, text, "a", "2026-07-28")))

    assert named("Brentford agreed a fee of around £38m for Brenner.") == {("fee", "of")}
    assert named("The regulator imposed a fine of €2m on the bank.") == {("fine", "of")}
    assert named("The quake struck at a depth of 10 km, AFAD said.") == {("depth", "of")}
    assert named("Inflation hit a rate of 5% in May.") == set()  # a share: of what?
    # what any sum may be, or no noun at all, names nothing
    assert named("The club spent a total of £120m on players.") == set()
    assert named("Brentford paid £38m for Brenner.") == set()


LEDE = ("LONDON, Oct 22 (Reuters) - Marlow Grocers raised its full-year profit forecast on "
        "Thursday after third-quarter revenue rose 6.9% to 4.82 billion pounds.")


def test_each_figure_is_of_the_measure_named_before_it(ruleset: RuleSet) -> None:
    from checker.compare.measures import figure_measures, measure_tokens

    def of(text: str) -> list[set[str] | None]:
        c = norm(ruleset, text, "a", "2026-10-22")
        return [set(m) if m else None
                for m in figure_measures(c.text, measure_tokens(c), c.quantities)]

    assert of(LEDE) == [{"revenu"}, {"revenu"}]
    # a compound: exports and what they earn
    assert of("Nigeria's oil export earnings rose to $4.1 billion.") == [{"export", "profit"}]
    assert of("Marlow Grocers employs 40,000 people.") == [None]
    # a measure only qualifying the one before it, and a share's whole after it
    assert of("Turnout in the vote was 63.9%.") == [{"turnout"}]
    assert of("ANO won 78 seats in the election, with 33.4% of the vote.")[-1] == {"vote"}
    # a part of a measure is a measure of its own: like-for-like sales are no revenue
    assert of("Like-for-like sales rose 4.2% in the quarter.") == [{"revenu:like-for-like"}]
    assert of("Brazil's core inflation was 3.1% in June.") == [{"price:core"}]


def test_a_profit_figure_is_no_revenue_figure(ruleset: RuleSet) -> None:
    # In a mixed corpus where Marlow was rare enough to anchor, "Adjusted operating profit
    # £212m, up 11%" conflicted with the lede's revenue and its growth.
    row = norm(ruleset, "Marlow Grocers said adjusted operating profit was £212m, up 11%.", "a",
               "2026-10-22")
    lede = norm(ruleset, LEDE, "b", "2026-10-22")
    assert compare_quantities(row, lede) == ([], [])
    same = norm(ruleset, "Marlow Grocers said operating profit rose 11% to 221 million pounds.",
                "c", "2026-10-22")
    assert compare_quantities(row, same)[1] == [("£212m", "221 million pounds")]
