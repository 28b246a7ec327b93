"""Reference implementations the optimised code is checked against (tests only)."""

from __future__ import annotations

from pydantic import BaseModel

from checker.corpus import Corpus, DocClaims
from checker.models.claims import Claim
from checker.names import unify_long_names, unify_short_names, unify_surnames
from checker.normalize import normalise
from checker.normclaim import NormClaim
from checker.pagetopic import lend_topic
from checker.rules import RuleSet
from checker.subjects import PageSubjects


def reference_normalise(corpus: Corpus, ruleset: RuleSet) -> tuple[
        list[NormClaim], dict[str, tuple[DocClaims, Claim]]]:
    """Every claim normalised one by one, in document then text order, first id wins;
    then surnames across the corpus."""
    index: dict[str, tuple[DocClaims, Claim]] = {}
    per_doc: list[list[NormClaim]] = []
    for dc in corpus.docs:
        page = PageSubjects(ruleset.lexicon, dc.doc.text)
        doc_norm: list[NormClaim] = []
        for claim in sorted(dc.claims, key=lambda c: c.span[0]):
            n = normalise(claim, dc.doc.id, ruleset.lexicon, page.antecedent(claim))
            page.read(claim)
            if n.key in index:
                continue
            index[n.key] = (dc, claim)
            doc_norm.append(n)
        per_doc.append(lend_topic(unify_long_names(unify_short_names(doc_norm))))
    # Then across the corpus: a surname alone is the one full name the corpus ends in it.
    return [n for claims in unify_surnames(per_doc) for n in claims], index


def assert_built_as_validated(built: BaseModel, validated: BaseModel) -> None:
    """A model built trusted (checker.models.trusted) is the one validation builds: equal,
    the same JSON, fields set, attribute order and value types."""
    assert validated == built and validated.model_dump_json() == built.model_dump_json()
    assert validated.model_fields_set == built.model_fields_set
    assert list(vars(built)) == list(type(built).model_fields)
    assert {k: type(v) for k, v in built} == {k: type(v) for k, v in validated}
