"""Normalising a corpus: each document's claims normalised for comparison (served from the
cache when its key was seen before, the others over `--jobs`), then indexed by claim key."""

from __future__ import annotations

from collections.abc import Sequence

from checker.cache import (
    ClaimCache,
    code_fingerprint,
    digest,
    drafted_normalisation_key,
    normalisation_key,
    rules_fingerprint,
)
from checker.claimindex import ClaimIndex
from checker.corpus import Corpus, DocClaims
from checker.cpus import resolve_jobs
from checker.lexicon import Lexicon
from checker.marketdays import dated_moves
from checker.models.claims import Claim
from checker.normclaim import NormClaim
from checker.normpack import NormPack
from checker.rules import RuleSet


def normalise_document(doc_id: str, claims: Sequence[Claim], lexicon: Lexicon,
                       text: str | None = None, published: str | None = None
                       ) -> list[NormClaim]:
    """A document's claims normalised in text order: pronouns resolve to the previous
    subject (named in a claim, or in a sentence of the document's `text` between claims),
    duplicate ids keep the first, short and long forms of a name unify, and a market's move
    that gives no day is told on the day the page was `published` (`marketdays`)."""
    from checker.names import unify_long_names, unify_short_names
    from checker.normalize import normalise
    from checker.pagetopic import lend_topic
    from checker.subjects import PageSubjects

    page = PageSubjects(lexicon, text)
    seen: set[str] = set()
    out: list[NormClaim] = []
    for claim in sorted(claims, key=lambda c: c.span[0]):
        n = normalise(claim, doc_id, lexicon, page.antecedent(claim))
        page.read(claim)
        if n.claim_id in seen:
            continue
        seen.add(n.claim_id)
        out.append(n)
    # The topic is read once the page's names are unified ("Sinner" is "Jannik Sinner").
    return dated_moves(lend_topic(unify_long_names(unify_short_names(out))), published)


def normalisation_keys(corpus: Corpus, ruleset: RuleSet, cache: ClaimCache) -> list[str]:
    """The key of each document's normalised claims in the cache, in corpus order."""
    rules_fp = rules_fingerprint(ruleset)
    return [_normalisation_key(dc, cache, rules_fp) for dc in corpus.docs]


def normalise_corpus(corpus: Corpus, ruleset: RuleSet, cache: ClaimCache | None = None,
                     jobs: int = 1, keys: list[str] | None = None
                     ) -> tuple[list[NormClaim], ClaimIndex]:
    """Drop-in for `pipeline._normalise_corpus`: every claim normalised and indexed by key;
    documents whose claims are cached are not normalised again, the others over `jobs`.
    `keys` are the documents' `normalisation_keys`, when the caller has them already."""
    norm, per_doc = normalised(corpus, ruleset, cache, jobs, keys)
    return norm, claim_index(corpus, per_doc)


def normalised(corpus: Corpus, ruleset: RuleSet, cache: ClaimCache | None = None,
               jobs: int = 1, keys: list[str] | None = None
               ) -> tuple[list[NormClaim], list[list[NormClaim]]]:
    """`normalise_corpus` without the index: the claims in corpus order, and each
    document's. Comparison reads only these; the index builds every document's claims."""
    from checker.names import rename_entities, surname_mappings, unknown_names
    from checker.parallel import normalise_documents

    if keys is None:
        keys = normalisation_keys(corpus, ruleset, cache) if cache is not None \
            else [""] * len(corpus.docs)
    # The last run's entries in one file: one read, not one per document.
    pack = NormPack.read(cache.root, code_fingerprint()) if cache is not None else None
    found = [cache.get_normalised_named(k, pack) if cache is not None else None for k in keys]
    if cache is not None:
        cache.documents = {dc.doc.id: k for dc, k in zip(corpus.docs, keys, strict=True)}
    todo = [i for i, hit in enumerate(found) if hit is None]
    fresh = normalise_documents([(corpus.docs[i].doc.id, corpus.docs[i].claims,
                                  corpus.docs[i].doc.text, corpus.docs[i].doc.meta.published)
                                 for i in todo],
                                ruleset.lexicon, jobs)
    for i, claims in zip(todo, fresh, strict=True):
        found[i] = claims, tuple(unknown_names(claims))
        if cache is not None:
            cache.put_normalised(keys[i], claims, pack)
    if cache is not None and pack is not None and pack.changed():
        # Written once the checks' two lines are over, beside this process (a process
        # forked for it now, with every claim in the heap, cost this one more in pages
        # copied than the write does; written here at the run's end it took 0.09 s).
        cache.aside(pack.save, resolve_jobs(jobs), held=True)
    claims_of = [hit[0] if hit is not None else [] for hit in found]
    mappings = surname_mappings(claims_of, [hit[1] if hit is not None else () for hit in found])
    per_doc = [rename_entities(claims, mapping)
               for claims, mapping in zip(claims_of, mappings, strict=True)]
    if cache is not None:
        # A document's state is its claims as compared: those of its key, renamed as the
        # corpus names them (`names.unify_surnames`), which an edit of another document
        # can change. The verdict store and the kept block index trust a state they know.
        for dc, mapping in zip(corpus.docs, mappings, strict=True):
            if mapping:
                cache.documents[dc.doc.id] += "+" + digest(sorted(mapping.items()))
    return _in_corpus_order(per_doc), per_doc


def _normalisation_key(dc: DocClaims, cache: ClaimCache, rules_fp: str) -> str:
    drafted = dc.drafted_under(cache.extracted)
    if drafted is not None:
        return drafted_normalisation_key(drafted)
    return normalisation_key(dc.doc.id, dc.claims, rules_fp, dc.doc.sha256,
                             dc.doc.meta.published)


def _in_corpus_order(per_doc: Sequence[Sequence[NormClaim]]) -> list[NormClaim]:
    """The claims in corpus order, each key once (the first)."""
    seen: set[str] = set()
    norm: list[NormClaim] = []
    for claims in per_doc:
        for n in claims:
            if n.key not in seen:
                seen.add(n.key)
                norm.append(n)
    return norm


def claim_index(corpus: Corpus, per_doc: Sequence[Sequence[NormClaim]]) -> ClaimIndex:
    """The (document, claim) each normalised claim's key stands for (the first of a key),
    a document's claims built when one of them is first looked up."""
    return ClaimIndex(corpus.docs, per_doc)
