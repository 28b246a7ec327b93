"""The documents' own checks: arithmetic within each document, and the fact, term and
consistency rules. They read the documents and their normalised claims, never the
comparison, so with `--jobs` a first run has them in a process of their own while the
comparison runs (`aside.beside`): the comparison's serial steps (the block index,
grouping) leave a core idle for as long as these checks take. An edited re-run splits
them: the checks of the claims here, the term and consistency rules in the comparison's
process once it has compared (`checking`).

    findings, errors = document_findings(corpus, norm, index, ruleset, cache, jobs)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from checker.builders import arithmetic_finding
from checker.cache import (
    ARITHMETIC,
    CONSISTENCY,
    REGIONS,
    TERMS,
    ClaimCache,
    code_fingerprint,
    consistency_fingerprint,
    terms_fingerprint,
)
from checker.claimindex import ClaimIndex
from checker.compare.arithmetic_memo import document_issues
from checker.corpus import Corpus
from checker.errors import ClaimcheckError
from checker.memofile import MemoFile
from checker.models.report import Finding
from checker.normclaim import NormClaim
from checker.rule_findings import consistency_findings, fact_findings, regions_of, term_findings
from checker.rules import RuleSet


def document_findings(corpus: Corpus, norm: Sequence[NormClaim], index: ClaimIndex,
                      ruleset: RuleSet, cache: ClaimCache | None,
                      jobs: int = 1) -> tuple[list[Finding], list[ClaimcheckError]]:
    """Findings of every document's own checks (over `jobs` processes), and the input
    errors met (bad term patterns), which the caller adds to the corpus's: in a process of
    its own, this one's corpus is a copy."""
    found, errors = claim_findings(corpus, norm, index, ruleset, cache, jobs)
    more, more_errors = text_findings(corpus, ruleset, cache, jobs)
    return found + more, errors + more_errors


def claim_findings(corpus: Corpus, norm: Sequence[NormClaim], index: ClaimIndex,
                   ruleset: RuleSet, cache: ClaimCache | None,
                   jobs: int = 1) -> tuple[list[Finding], list[ClaimcheckError]]:
    """`document_findings` of the checks that read the claims: arithmetic, fact rules."""
    known_errors = len(corpus.errors)
    findings = _arithmetic_findings(corpus, cache, jobs)
    findings += fact_findings(norm, index, ruleset)
    errors = corpus.errors[known_errors:]
    del corpus.errors[known_errors:]
    return findings, errors


def text_findings(corpus: Corpus, ruleset: RuleSet, cache: ClaimCache | None,
                  jobs: int = 1) -> tuple[list[Finding], list[ClaimcheckError]]:
    """`document_findings` of the checks that read the documents' text: term and
    consistency rules (a re-run's comparison process runs them once it has compared)."""
    known_errors = len(corpus.errors)
    # Line classes once per document: term and every consistency rule read them.
    with _memo(cache, REGIONS, code_fingerprint()) as memo:
        regions = regions_of(corpus.docs, memo, jobs)
    with _memo(cache, TERMS, f"{code_fingerprint()}:{terms_fingerprint(ruleset)}") as terms:
        findings = term_findings(corpus, ruleset, regions, terms, jobs,
                                 cache.extracted if cache is not None else None)
    with _memo(cache, CONSISTENCY,
               f"{code_fingerprint()}:{consistency_fingerprint(ruleset)}") as forms:
        findings += consistency_findings(corpus, ruleset, regions, forms)
    errors = corpus.errors[known_errors:]
    del corpus.errors[known_errors:]
    return findings, errors


def _arithmetic_findings(corpus: Corpus, cache: ClaimCache | None, jobs: int) -> list[Finding]:
    """Sums, shares and ages that do not add up within a document."""
    with _memo(cache, ARITHMETIC, code_fingerprint()) as memo:
        issues_of = document_issues(corpus.docs, cache.documents if cache else {}, memo, jobs)
    out: list[Finding] = []
    for dc, issues in zip(corpus.docs, issues_of, strict=True):
        if issues:
            by_id = {c.id: c for c in dc.claims}
            out += [arithmetic_finding(i, dc, by_id) for i in issues]
    return out


@contextmanager
def _memo(cache: ClaimCache | None, name: str, fingerprint: str) -> Iterator[MemoFile | None]:
    """The cache's memo file `name` (None without a cache), saved when the block is done."""
    memo = MemoFile(cache.root / name, fingerprint) if cache is not None else None
    yield memo
    if memo is not None:
        memo.save()
