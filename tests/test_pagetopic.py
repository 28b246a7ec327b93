"""A page's topic lent to the claims that name nothing (checker/pagetopic.py): every desk
probe found conflicts and restatements never compared because one side named no one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.similarity import similarity, weighted_similarity
from checker.compare.verdict import judge
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import TOPIC, Mention, NormClaim
from checker.pagetopic import lend_topic, names_nothing, page_topic
from checker.pipeline import CheckOptions, run_check
from checker.rules import RuleSet


def _page(ruleset: RuleSet, text: str, doc: str = "p") -> list[NormClaim]:
    claims = extract_text(text, doc, ruleset.lexicon, DocumentMeta(published="2026-02-05"),
                          threshold=0.0).claims
    return normalise_document(doc, claims, ruleset.lexicon, text)


PAGE = ("Veltra Paints reported a net profit of 412 million euros for the quarter on "
        "Thursday.\nVeltra Paints said sales of decorative paints grew 9% in Chile.\n"
        "The board declared an interim dividend of 4.50 euros per share.\n")


def _claim(claims: list[NormClaim], words: str) -> NormClaim:
    return next(c for c in claims if words in c.text)


def test_the_topic_is_the_names_repeated_most(ruleset: RuleSet) -> None:
    claims = _page(ruleset, PAGE)
    # Chile is named once: a passing mention, no topic
    assert page_topic(claims) == ("name:veltra-paints",)


def test_a_claim_that_names_nothing_is_lent_the_topic_as_context(ruleset: RuleSet) -> None:
    claims = _page(ruleset, PAGE)
    dividend = _claim(claims, "dividend")
    assert names_nothing(replace(dividend, mentions=()))
    assert [(m.id, m.role) for m in dividend.mentions] == [("name:veltra-paints", TOPIC)]
    assert "name:veltra-paints" in dividend.entities
    # ... but no index key of its own: a guess forms no block and covers nothing
    assert "e:name:veltra-paints" not in dividend.keys
    # a claim naming the page's subject keeps its own mentions only
    profit = _claim(claims, "net profit")
    assert all(m.role != TOPIC for m in profit.mentions)


def test_a_lent_name_brings_no_ancestors(ruleset: RuleSet) -> None:
    # "England" is in the United Kingdom: lent, the UK would be a key of the claim and
    # relate it to every claim about the UK (a desk probe's false conflicts)
    page = ("England's water companies must cut leaks by 2030, the minister said.\n"
            "England's rivers failed the chemical test in 2025, the agency said.\n"
            "The public bill committee met 11 times between 20 January and 19 February.\n")
    met = _claim(_page(ruleset, page), "met 11")
    assert "england" in met.entities and "united-kingdom" not in met.entities
    assert not any(k.startswith("e:") for k in met.keys)


def test_no_topic_no_change(ruleset: RuleSet) -> None:
    claims = _page(ruleset, "The board declared an interim dividend of 4.50 euros per share.")
    assert lend_topic(claims) == claims
    assert not any(m.role == TOPIC for c in claims for m in c.mentions)


def test_similarity_with_a_lent_entity_is_the_generic_one(ruleset: RuleSet) -> None:
    # The weighted path summed a lent entity's weight with the keys' (not one of them):
    # similarities above 1 (2.295 for a head-to-head record)
    a = _claim(_page(ruleset, PAGE, "a"), "dividend")
    b = _claim(_page(ruleset, PAGE.replace("4.50", "4.5"), "b"), "net profit")
    index = BlockIndex([a, b])
    weights = index.weights
    fast = weighted_similarity(a, b, weights, weights.totals(a), weights.totals(b))
    assert fast == similarity(a, b, weights)
    assert 0.0 <= fast.combined <= 1.0


def _lent(claim: NormClaim, eid: str) -> NormClaim:
    """The claim with its mention of eid made a lent one (no words, context)."""
    at = claim.span[0]
    return replace(claim, mentions=tuple(Mention(eid, TOPIC, at, at) if m.id == eid else m
                                         for m in claim.mentions))


def test_a_lent_name_alone_relates_only_claims_saying_much_the_same(ruleset: RuleSet) -> None:
    # desk probe P: "said he would decide on Tuesday" corroborated "Zverev ... in the
    # deciding set" through Zverev, lent, and one word
    page_a = ("Alexander Zverev beat Carlos Alcaraz in the Madrid Open final.\n"
              "Alexander Zverev said he would decide on Tuesday.\n")
    page_b = "Alexander Zverev hit 14 aces and saved a break point in the deciding set.\n"
    a = _claim(_page(ruleset, page_a, "a"), "decide")
    b = _claim(_page(ruleset, page_b, "b"), "aces")
    lent = _lent(a, "name:alexander-zverev")
    assert "e:name:alexander-zverev" not in lent.keys
    assert judge(lent, b, BlockIndex([lent, b]), ruleset.lexicon).label == "unrelated"


def _check(tmp_path: Path, pages: dict[str, str]) -> list[tuple[str, str | None, list[str]]]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in pages.items():
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        (seeds / f"{name}.meta.yaml").write_text(f"title: {name}\npublished: 2026-02-05\n",
                                                  encoding="utf-8")
    (tmp_path / "claims").mkdir()
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=Path("rules"))).report
    return [(f.kind, f.reason, sorted(c.text for c in f.claims)) for f in report.findings]


VELTRA_A = """Veltra Paints posts higher quarterly profit

Veltra Paints reported a net profit of 412 million euros for the October-December quarter.
Veltra Paints said sales of decorative paints grew 9% in the quarter.
The board declared an interim dividend of 4.50 euros per share, with February 13 as record date.
"""
VELTRA_B = """Veltra Paints profit rises in December quarter

Veltra Paints earned 412 million euros in net profit in the October-December quarter.
Veltra Paints grew its sales of decorative paints by 9% in the quarter.
An interim dividend of {} euros a share was declared by the board; February 13 is record date.
"""


def test_two_pages_dividends_are_compared(tmp_path: Path) -> None:
    # desk probe N: "The board declared an interim dividend of Rs 4.50 per share" named no
    # one and was never compared with the other page's
    found = _check(tmp_path, {"a": VELTRA_A, "b": VELTRA_B.format("4.50")})
    assert any(kind == "corroboration" and any("interim dividend of 4.50 euros per" in t
                                               for t in texts)
               for kind, _, texts in found)


def test_a_lent_name_alone_makes_no_conflict(tmp_path: Path) -> None:
    # a review: "Police said 30 people were arrested" / "... 300 people were arrested", two
    # stories from one country, conflicted through the name both pages were lent
    found = _check(tmp_path, {"a": VELTRA_A, "b": VELTRA_B.format("5.40")})
    assert not any(kind == "conflict" and any("5.40 euros" in t for t in texts)
                   for kind, _, texts in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Foreign portfolio investors cut their stake to 18.1% from 19.6% in the quarter.",
     ["decrease"]),
    ("Foreign portfolio investors raised their stake to 19.6% from 18.1% in the quarter.",
     ["increase"]),
    ("The board lifted the payout to \u20ac4.50 from \u20ac4 a share.", ["increase"]),
    # figures of two scales, a date after "from", the same figure, a rank: no change told
    ("It lifted the target to 3 billion from 900 million.", []),
    ("Jannik Sinner returned to 1 from 2 in the ATP rankings on Monday.", []),
    ("The rate moved to 12% from Tuesday.", []),
    ("The rate was held to 2% from 2% before.", []),
])
def test_a_change_told_by_its_two_figures(ruleset: RuleSet, text: str,
                                          expected: list[str]) -> None:
    # The FPI pair of desk probe N, compared once the page's topic was lent to both:
    # corroborated, though one cut the stake and the other raised it
    assert [p for p, _, _ in ruleset.lexicon.predicate_spans(text)] == expected


def test_a_stake_cut_and_a_stake_raised_do_not_corroborate(ruleset: RuleSet) -> None:
    page = "Veltra Paints shares rose 4%.\nVeltra Paints raised its prices.\n{}\n"
    a = _claim(_page(ruleset, page.format(
        "Foreign portfolio investors cut their stake to 18.1% from 19.6% in the quarter."),
        "a"), "stake")
    b = _claim(_page(ruleset, page.format(
        "Foreign portfolio investors raised their stake to 19.6% from 18.1% in the quarter."),
        "b"), "stake")
    assert judge(a, b, BlockIndex([a, b]), ruleset.lexicon).label != "corroboration"


def test_a_lent_name_is_no_second_name_in_common(ruleset: RuleSet) -> None:
    # a 55-page probe run: "only 61% said they were certain to vote", given the page's last
    # subject (the Conservatives) and lent its topic (Reform UK), corroborated "The
    # Conservatives and Reform UK voted against the bill" through two names in common
    (turnout,) = _page(ruleset, "Only 61% said they were certain to vote in the election.\n")
    (vote,) = _page(ruleset, "Tories and Reformers voted against the bill at third reading.\n")
    cons, reform = "name:conservatives", "name:reform-uk"
    at = turnout.span[0]

    def given(c: NormClaim, second_role: str) -> NormClaim:
        return replace(c, mentions=(Mention(cons, "coref", at, at),
                                    Mention(reform, second_role, at, at)),
                       entities=frozenset({cons, reform}))

    vote = replace(vote, mentions=(Mention(cons, "name", vote.span[0], vote.span[0] + 6),
                                   Mention(reform, "name", vote.span[0] + 11,
                                           vote.span[0] + 20)),
                   entities=frozenset({cons, reform}))
    named, lent = given(turnout, "name"), given(turnout, TOPIC)
    # two names in common, one specific, a word: related enough to corroborate ...
    assert judge(named, vote, BlockIndex([named, vote]), ruleset.lexicon).label == \
        "corroboration"
    # ... but not when one of the two is only lent
    assert judge(lent, vote, BlockIndex([lent, vote]), ruleset.lexicon).label == "unrelated"


def test_words_alone_are_not_lent_the_topic(ruleset: RuleSet) -> None:
    # lent to claims of words alone, the topic made pairs to judge by the hundred thousand
    # at 200,000 claims, and filler sentences corroborated one another
    page = PAGE + "Officials said the new plant would require more workers across the region.\n"
    plant = _claim(_page(ruleset, page), "Officials")
    assert not any(m.role == TOPIC for m in plant.mentions)
    assert _claim(_page(ruleset, page), "dividend").mentions[0].role == TOPIC


# Four names first named in one claim, each named again once: a tie of counts and of
# first claims, broken by where in that claim each is first named (desk probe Q6: the
# string-hash seed chose among "Britain's Medicines and Healthcare products Regulatory
# Agency approved orlimastat ..."'s names, so a planted conflict was found or not from one
# run to the next).
_TIED_PAGE = ("Kestrel Mining and Avalon Foods bought Pellworth Farms from Dunmore Capital "
              "for 40 million euros on Monday.\nKestrel Mining, Avalon Foods, Pellworth Farms "
              "and Dunmore Capital will cut 300 jobs.\nThe deal closes in March.\n")
_TOPIC_SCRIPT = f"""
from pathlib import Path
from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.pagetopic import page_topic
from checker.rules import load_rules
ruleset, _ = load_rules([Path("rules")])
text = {_TIED_PAGE!r}
claims = extract_text(text, "p", ruleset.lexicon, DocumentMeta(published="2026-02-05"),
                      threshold=0.0).claims
print(" ".join(page_topic(normalise_document("p", claims, ruleset.lexicon, text))))
"""


def test_ties_are_broken_by_where_a_name_comes_first_under_any_hash_seed() -> None:
    import os
    import subprocess
    import sys
    repo = Path(__file__).resolve().parents[1]
    found = {subprocess.run([sys.executable, "-c", _TOPIC_SCRIPT], cwd=repo, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                            text=True).stdout.strip() for seed in ("0", "1", "2", "3", "4", "5")}
    assert found == {"name:kestrel-mining name:avalon-foods name:pellworth-farms"}
