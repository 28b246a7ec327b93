"""Corroborating pairs into groups: statements and the statements that confirm them directly,
never a chain of near-misses (checker/compare/grouping.py)."""

from __future__ import annotations

import random
from dataclasses import replace

from checker.compare import PairResult, reduce_pairs
from checker.compare.grouping import statement_groups
from checker.compare.verdict import Verdict
from checker.normclaim import NormClaim


def _claim(doc: str, text: str, start: int = 0) -> NormClaim:
    return NormClaim(doc=doc, claim_id=f"c{start}", text=text, span=(start, start + len(text)),
                     entities=frozenset({"china"}), mentions=(),
                     tokens=frozenset(text.lower().split()), frame=tuple(text.lower().split()),
                     predicates=(), quantities=(), dates=(), polarity="positive",
                     modality="asserted", correction=False)


def _keys(groups: list[list[NormClaim]]) -> list[list[str]]:
    return [sorted(c.key for c in g) for g in groups]


CHAIN = [f"analysts expect the {a} to grow as the {b} improves"
         for a, b in [("harbour", "payment"), ("harbour", "railway"), ("council", "railway"),
                      ("council", "region"), ("pipeline", "region"), ("pipeline", "estimate")]]


def test_a_chain_of_different_statements_is_not_one_group() -> None:
    claims = [_claim(f"d{i}", t) for i, t in enumerate(CHAIN)]
    pairs = list(zip(claims, claims[1:], strict=False))  # each confirms the next only
    groups = statement_groups(pairs)
    assert sorted(len(g) for g in groups) == [1, 2, 3]  # stars, not a chain of six
    judged = {frozenset((a.key, b.key)) for a, b in pairs}
    for g in groups:  # each a star: one claim judged to corroborate every other
        assert any(all(frozenset((c.key, o.key)) in judged for o in g if o is not c)
                   for c in g)


def test_copies_of_one_statement_are_one_group_whatever_pairs_were_judged() -> None:
    # Forty documents state it; blocking judged only neighbouring copies.
    copies = [_claim(f"d{i:02}", "china launched 12 satellites in 2024") for i in range(40)]
    variant = _claim("v", "china launched 12 satelites in 2024")
    pairs = list(zip(copies, copies[1:], strict=False)) + [(variant, copies[7])]
    groups = statement_groups(pairs)
    assert _keys(groups) == [sorted(c.key for c in [*copies, variant])]


def test_a_statement_with_its_variants_and_the_centre_most_connected() -> None:
    main = [_claim(f"m{i}", "chang'e 6 returned lunar samples") for i in range(3)]
    spelt = [_claim(f"s{i}", "chang'e six returned lunar samples") for i in range(2)]
    other = _claim("o", "chang'e 6 returned moon samples")
    far = _claim("f", "chang'e 7 returned moon samples")  # confirms `other` only
    pairs = [(main[0], main[1]), (main[1], main[2]), (spelt[0], main[0]),
             (spelt[1], spelt[0]), (other, main[2]), (far, other)]
    groups = _keys(statement_groups(pairs))
    assert groups[0] == sorted(c.key for c in [*main, *spelt, other])
    assert groups[1:] == [[far.key]]  # the chain's end is left on its own


def test_groups_do_not_depend_on_the_order_of_pairs() -> None:
    rng = random.Random(3)
    texts = CHAIN + ["china launched 12 satellites in 2024"]
    claims = [_claim(f"d{i}", rng.choice(texts), i) for i in range(30)]
    pairs = [(a, b) for a, b in (rng.sample(claims, 2) for _ in range(60))]
    expected = _keys(statement_groups(pairs))
    for _ in range(10):
        shuffled = [(b, a) if rng.random() < 0.5 else (a, b) for a, b in pairs]
        rng.shuffle(shuffled)
        assert _keys(statement_groups(shuffled)) == expected


def test_same_text_with_other_slots_is_another_statement() -> None:
    # "last year" in documents of different years: one wording, two facts.
    a = _claim("a", "china launched 12 satellites last year")
    b = replace(_claim("b", "china launched 12 satellites last year"), months=((5, "May"),))
    c, d = _claim("c", "china put 12 satellites in orbit"), _claim("d", "china sent 12 up")
    assert _keys(statement_groups([(a, c), (b, d)])) == [[a.key, c.key], [b.key, d.key]]
    same = replace(b, months=())  # the same content as `a`: one statement, one group
    assert len(statement_groups([(a, c), (same, d)])) == 1


def test_reduce_reports_no_corroboration_chained_through_different_statements() -> None:
    claims = [_claim(f"d{i}", t) for i, t in enumerate(CHAIN)]
    agree = Verdict("corroboration", "agree", 0.8, 0.8, {"coverage": 0.8})
    results = [PairResult(a, b, agree) for a, b in zip(claims, claims[1:], strict=False)]
    result = reduce_pairs(results, {c.doc: None for c in claims})
    assert sorted(len(c.claims) for c in result.corroborations) == [2, 3]
    assert all(c.confidence == 0.8 and c.documents == len(c.claims) for c in result.corroborations)


def test_reduce_is_the_same_whatever_order_the_pairs_arrive_in() -> None:
    """The reduce step of a distributed run receives pairs in any order."""
    rng = random.Random(8)
    texts = [*CHAIN, "china launched 12 satellites in 2024", "china launched 12 satelites in 2024"]
    claims = [_claim(f"d{i:02}", rng.choice(texts), i) for i in range(24)]
    results = []
    for n in range(40):
        a, b = sorted(rng.sample(claims, 2), key=lambda c: c.key)
        conf = rng.choice([0.7, 0.8, 0.9])
        results.append(PairResult(a, b, Verdict("corroboration", "agree", conf, conf,
                                                {"pair": n, "coverage": conf})))
    origins = {c.doc: None for c in claims}

    def reduced(rs: list[PairResult]) -> list[tuple[object, ...]]:
        return [(tuple(c.key for c in g.claims), g.documents, g.origins, g.confidence,
                 sorted(g.details.items())) for g in reduce_pairs(rs, origins).corroborations]

    expected = reduced(results)
    assert expected
    for _ in range(8):
        rng.shuffle(results)
        assert reduced(results) == expected
