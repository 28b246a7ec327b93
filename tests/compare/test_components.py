"""Components of corroborating pairs: grouped one by one they give the groups of all, and
each is named by everything its groups and their findings read."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from pathlib import Path

import pytest

from checker.compare import PairResult
from checker.compare.components import Reuse, component_name, components, split
from checker.compare.pairs import Corroboration, _groups, reduce_pairs
from checker.compare.verdict import Verdict
from checker.corpus import load_corpus
from checker.corpusnorm import normalise_corpus
from checker.normclaim import NormClaim
from checker.parallel import compare_claims
from checker.rules import RuleSet
from tests.bench.corpora import write


def _claim(doc: str, cid: str, text: str) -> NormClaim:
    return NormClaim(doc, cid, text, (0, len(text)), frozenset({"x"}), (), frozenset({"y"}),
                     (), (), (), (), "positive", "asserted", False)


def _pair(a: NormClaim, b: NormClaim, copy: bool = False) -> PairResult:
    return PairResult(a, b, Verdict("corroboration", "agree", 0.9, 0.9, {}), copy)


A1, A2 = _claim("d1", "a", "Alpha rose."), _claim("d2", "a", "Alpha rose.")
B1, C1 = _claim("d1", "b", "Beta fell."), _claim("d3", "c", "Gamma rose.")
D1, D2 = _claim("d4", "d", "Delta rose."), _claim("d5", "d", "Delta grew.")


def test_pairs_join_through_claims_and_texts() -> None:
    # A1-B1 and A2-C1 share no claim, but A1 and A2 have one text (one statement).
    pairs = [_pair(A1, B1), _pair(D1, D2), _pair(A2, C1)]
    assert components(pairs) == [[0, 2], [1]]
    assert components([]) == []


def _generated(tmp_path: Path, ruleset: RuleSet) -> list[PairResult]:
    root = write(tmp_path / "corpus", 60)
    corpus = load_corpus(root, root / "seeds", root / "claims", ruleset.lexicon, 0.5)
    norm, _ = normalise_corpus(corpus, ruleset)
    origins = {dc.doc.id: dc.doc.meta.origin for dc in corpus.docs}
    found = compare_claims(norm, ruleset.lexicon, origins)
    return [PairResult(c.claims[0], c.claims[1], Verdict("corroboration", "agree",
                                                          c.confidence, 0.9, c.details))
            for c in found.corroborations]


def _as_set(groups: Sequence[Corroboration]) -> set[tuple[object, ...]]:
    return {(tuple(c.key for c in g.claims), g.documents, g.origins, g.confidence)
            for g in groups}


def test_grouped_by_component_as_all_at_once(tmp_path: Path, ruleset: RuleSet) -> None:
    pairs = _generated(tmp_path, ruleset)
    # Chains between groups: each group's second claim paired with the next's first.
    pairs += [PairResult(x.b, y.a, x.verdict) for x, y in zip(pairs, pairs[3:], strict=False)
              if x.b.doc != y.a.doc][::7]
    origins = {d: d for r in pairs for d in (r.a.doc, r.b.doc)}
    whole = _groups(pairs, origins)
    parts = [g for members in components(pairs)
             for g in _groups([pairs[k] for k in members], origins)]
    assert len(components(pairs)) > 10
    assert _as_set(parts) == _as_set(whole) and len(parts) == len(whole)


def test_a_name_follows_pairs_documents_and_origins() -> None:
    pairs = [_pair(A1, B1), _pair(A2, C1)]
    digests = {"d1": "s1", "d2": "s2", "d3": "s3"}
    origins = {"d1": "d1", "d2": "d2", "d3": "d3"}
    name = component_name(pairs, digests, origins)
    assert name is not None and name == component_name(list(pairs), dict(digests), origins)
    others = [
        component_name(pairs[:1], digests, origins),  # a pair less
        component_name(pairs[::-1], digests, origins),  # another order
        component_name([_pair(A1, B1, copy=True), pairs[1]], digests, origins),
        component_name(pairs, {**digests, "d3": "s3'"}, origins),  # a document edited
        component_name(pairs, digests, {**origins, "d2": "d1"}),  # d2 copies d1
    ]
    assert name not in others and len(set(others)) == len(others)
    assert component_name(pairs, {"d1": "s1", "d2": "s2"}, origins) is None


def _reuse(pairs: list[PairResult], unsettled: frozenset[str] | None,
           known: frozenset[str] | None = None) -> Reuse:
    digests = {d: d for r in pairs for d in (r.a.doc, r.b.doc)}
    names = {component_name([p], digests, {}) for p in pairs}
    return Reuse(frozenset(n for n in names if n) if known is None else known, digests,
                 "run", unsettled)


def test_known_components_no_unsettled_claim_reaches_are_reused() -> None:
    pairs = [_pair(A1, B1), _pair(D1, D2)]
    reuse = _reuse(pairs, frozenset())
    first, second = (component_name([p], reuse.digests, {}) for p in pairs)
    whole = split(pairs, {}, reuse)
    # Names in their own order, whatever the components' (and whichever were carried).
    assert whole.reused == whole.names == sorted([first, second]) and whole.fresh == []
    touched = split(pairs, {}, _reuse(pairs, frozenset({D2.key})))
    assert touched.reused == [first] and touched.fresh == pairs[1:]
    assert touched.name_of == {D1.key: second, D2.key: second}
    assert sorted(touched.names) == touched.names == whole.names
    # Unsettled claims not named: the comparison was not around the claims, nothing reused.
    assert split(pairs, {}, _reuse(pairs, None)).fresh == pairs
    assert split(pairs, {}, _reuse(pairs, frozenset(), frozenset())).fresh == pairs


def test_another_store_s_memo_is_not_known() -> None:
    reuse = Reuse(frozenset({"n"}), {}, "run-1")
    assert reuse.settled([], "run-1").known == {"n"}
    assert reuse.settled([], "run-2").known == frozenset()
    assert Reuse(frozenset({"n"}), {}, None).settled([], None).known == frozenset()
    assert reuse.settled(["d1#a"], "run-1").unsettled == {"d1#a"}


@pytest.mark.parametrize("reused", [False, True])
def test_reduce_names_every_component(reused: bool) -> None:
    pairs = [_pair(A1, C1), _pair(D1, D2)]
    reuse = _reuse(pairs, frozenset() if reused else None)
    result = reduce_pairs(pairs, {d: None for d in ("d1", "d2", "d3", "d4", "d5")}, 2, reuse)
    assert len(result.components) == 2
    assert result.reused == (result.components if reused else [])
    assert all(c.component in result.components for c in result.corroborations)
    assert len(result.corroborations) == (0 if reused else 2)


def test_a_pair_result_made_through_its_dict_is_the_pair_result() -> None:
    from checker.compare.pairs import pair_result

    verdict = Verdict("corroboration", "agree", 0.9, 0.9, {})
    for copy in (False, True):
        made, plain = pair_result(A1, B1, verdict, copy), PairResult(A1, B1, verdict, copy)
        assert type(made) is PairResult and made == plain and repr(made) == repr(plain)
        assert list(made.__dict__.items()) == list(plain.__dict__.items())
        assert pickle.dumps(made) == pickle.dumps(plain)
