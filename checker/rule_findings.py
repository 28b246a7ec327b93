"""Findings of the correction rules over a corpus: facts on normalised claims, terms and
consistency on the prose of each document (content and heading lines only)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from checker.builders import consistency_hit_findings, fact_finding, term_finding
from checker.claimindex import ClaimIndex
from checker.corpus import Corpus, DocClaims
from checker.extract.clean import classify_lines
from checker.memofile import MemoFile, content_key, remembered
from checker.models.common import partial_date_bounds
from checker.models.report import Finding
from checker.models.rules import ConsistencyRule, TermRule
from checker.normclaim import NormClaim
from checker.rules import RuleSet
from checker.rules.consistency import Occurrence, check, find_forms
from checker.rules.facts import match_fact
from checker.rules.terms import TermHit, TermMatcher


def _published(dc: DocClaims) -> tuple[date, date] | None:
    if not dc.doc.meta.published:
        return None
    first, last, _ = partial_date_bounds(dc.doc.meta.published)
    return first, last


def fact_findings(norm: Sequence[NormClaim], index: ClaimIndex,
                  ruleset: RuleSet) -> list[Finding]:
    """Violations and support of the fact rules, through each claim's predicates."""
    by_predicate = defaultdict(list)
    for rule in ruleset.facts:
        by_predicate[rule.predicate].append(rule)
    out: list[Finding] = []
    for n in norm:
        dc = index.document(n.key)  # its claims built only for a hit
        for pid in {p for p, _, _ in n.predicates}:
            for rule in by_predicate.get(pid, ()):
                hit = match_fact(rule, n, ruleset.lexicon, _published(dc))
                if hit:
                    out.append(fact_finding(hit, index, ruleset.lexicon, None))
    return out


def text_regions(dc: DocClaims) -> list[tuple[int, int]]:
    """(start, end) of a document's content and heading lines (the prose rules read)."""
    return [(b.start, b.end) for b in classify_lines(dc.doc.text, dc.doc.body_start)
            if b.kind in ("content", "heading")]


def _regions(_: None, dc: DocClaims) -> list[tuple[int, int]]:
    return text_regions(dc)


def regions_of(docs: Sequence[DocClaims], memo: MemoFile | None = None,
               jobs: int = 1) -> list[list[tuple[int, int]]]:
    """`text_regions` of each document (over `jobs` processes); with a memo, looked up by
    the document's hash."""
    from checker.parallel import map_items

    # Line classes read the text (its bytes' hash) and where the body starts, only.
    keys = [f"{dc.doc.sha256}:{dc.doc.body_start}" if memo is not None else None
            for dc in docs]
    return remembered(memo, keys, _decoded_regions,
                      lambda todo: map_items(_regions, None, [docs[i] for i in todo], jobs))


def _decoded_regions(_: int, stored: Any) -> list[tuple[int, int]] | None:
    try:
        return [(int(start), int(end)) for start, end in stored]
    except (TypeError, ValueError):
        return None


def _uncovered_regions(dc: DocClaims, blocks: Sequence[tuple[int, int]]) -> list[
        tuple[int, int]]:
    """Parts of the content and heading lines `blocks` outside every claim's span."""
    spans = sorted(c.span for c in dc.claims)
    regions = []
    for block_start, block_end in blocks:
        pos = block_start
        for s, e in spans:
            if e <= pos or s >= block_end:
                continue
            if s > pos:
                regions.append((pos, s))
            pos = max(pos, e)
        if pos < block_end:
            regions.append((pos, block_end))
    return regions


def term_findings(corpus: Corpus, ruleset: RuleSet,
                  regions: Sequence[list[tuple[int, int]]],
                  memo: MemoFile | None = None, jobs: int = 1,
                  drafts: Mapping[str, str] | None = None) -> list[Finding]:
    """Spelling variants in claim texts, and in the prose no claim covers (searched over
    `jobs` processes); with a memo (for these rules), a document's hits are looked up by
    its text and its claims, and the findings of a document drafted through the cache by
    its extraction key (`drafts`: which its claims are a function of: they need not be
    built)."""
    from checker.parallel import map_items

    sources = {rid: src.at("patterns") for rid, src in ruleset.sources.items()}
    matcher = TermMatcher(ruleset.terms, sources)
    corpus.errors.extend(matcher.errors)
    rules = {r.id: r for r in ruleset.terms}
    docs = corpus.docs
    drafts = drafts or {}
    drafted = [dc.drafted_under(drafts) if memo is not None else None for dc in docs]
    # A drafted document's findings themselves are kept (their JSON texts), by what they
    # read: its claims need not be built, nor its text read (an edited re-run at 10,000
    # documents built 767 documents' claims for 787 findings, 0.2 s). Another's hits are.
    keys = [None if memo is None else _terms_key(dc) if draft is None
            else _findings_key(dc, draft) for dc, draft in zip(docs, drafted, strict=True)]

    def decode(i: int, stored: Any) -> list[Finding] | None:
        return _from_stored(stored, rules, docs[i]) if drafted[i] is None \
            else _stored_findings(stored)

    def compute(todo: list[int]) -> list[Any]:
        hits = map_items(_hits_in, matcher, [(docs[i], regions[i]) for i in todo], jobs)
        return [found if drafted[i] is None else _findings_json(found, rules, docs[i])
                for i, found in zip(todo, hits, strict=True)]

    found = remembered(memo, keys, decode, compute)
    return [f for per_doc in found for f in per_doc]


def _findings_json(hits: Any, rules: dict[str, TermRule], dc: DocClaims) -> list[str] | None:
    """A document's findings of these hits as the memo keeps them (their JSON texts)."""
    made = _from_stored(hits, rules, dc)
    return [f.model_dump_json() for f in made] if made is not None else None


def _findings_key(dc: DocClaims, draft: str) -> str:
    """What a drafted document's term findings read besides the rules (the memo's
    fingerprint): its claims and text, id, display path, body start and metadata (all in
    the extraction key `draft`, a sha256), and the claim file its findings name."""
    return f"findings:{draft}:{dc.claim_file}"


def _stored_findings(value: Any) -> list[Finding] | None:
    """Findings kept as their JSON texts; None when they are not (a damaged memo)."""
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        return None
    try:
        return [Finding.model_validate_json(x) for x in value]
    except ValidationError:
        return None


def _hits_in(matcher: TermMatcher, item: tuple[DocClaims, Sequence[tuple[int, int]]]) -> list[
        list[Any]]:
    return _term_hits(matcher, item[0], item[1])


def _terms_key(dc: DocClaims) -> str:
    """What a document's term hits read: its text, where its body starts, and its claims'
    texts and spans (a claim file may differ from the text)."""
    claims = json.dumps([[c.text, c.span[0], c.span[1]] for c in dc.claims],
                        ensure_ascii=False)
    return content_key(claims.encode("utf-8"), dc.doc.sha256, dc.doc.body_start)


def _term_hits(matcher: TermMatcher, dc: DocClaims,
               blocks: Sequence[tuple[int, int]]) -> list[list[Any]]:
    """A document's hits as a memo keeps them: the claim each is in (-1: prose no claim
    covers), the rule id, start, end, found, replacement, confidence and which occurrence
    of the found form it is."""
    out: list[list[Any]] = []
    for ci, claim in enumerate(dc.claims):
        # Claim files are what CI checks: a fixed claim text clears its finding.
        seen: Counter[str] = Counter()
        for hit in matcher.find(claim.text):
            seen[hit.found] += 1
            out.append([ci, hit.rule.id, hit.start + claim.span[0], hit.end + claim.span[0],
                        hit.found, hit.replacement, hit.confidence, seen[hit.found]])
    for start, end in _uncovered_regions(dc, blocks):
        seen = Counter()
        for hit in matcher.find(dc.doc.text, start, end):
            seen[hit.found] += 1
            out.append([-1, hit.rule.id, hit.start, hit.end, hit.found, hit.replacement,
                        hit.confidence, seen[hit.found]])
    return out


def _from_stored(hits: Any, rules: dict[str, TermRule], dc: DocClaims) -> list[Finding] | None:
    """The findings of stored hits; None when they do not fit (a damaged memo)."""
    try:
        return [term_finding(TermHit(rules[rid], start, end, found, replacement, confidence),
                             dc, dc.claims[ci] if ci >= 0 else None, n)
                for ci, rid, start, end, found, replacement, confidence, n in hits]
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def consistency_findings(corpus: Corpus, ruleset: RuleSet,
                         regions: Sequence[list[tuple[int, int]]],
                         memo: MemoFile | None = None) -> list[Finding]:
    """Documents (or the corpus) using more than one accepted form of a consistency rule;
    with a memo (for these rules' forms), a document's occurrences are looked up by its
    text and where its body starts, which its prose lines are a function of: a re-run
    reads no text it has not changed (10,000 documents: 0.2 s)."""
    rules = ruleset.consistency
    if not rules:
        return []
    docs = corpus.docs
    keys = [f"{dc.doc.sha256}:{dc.doc.body_start}" if memo is not None else None
            for dc in docs]
    found = remembered(memo, keys, lambda i, stored: _decoded_forms(stored, rules, docs[i]),
                       lambda todo: [_forms_in(rules, docs[i], regions[i]) for i in todo])
    by_id = corpus.by_id()
    out: list[Finding] = []
    for r, rule in enumerate(rules):
        occurrences = {dc.doc.id: per_doc[r] for dc, per_doc in zip(docs, found, strict=True)}
        out += [f for hit in check(rule, occurrences)
                for f in consistency_hit_findings(hit, by_id)]
    return out


def _forms_in(rules: Sequence[ConsistencyRule], dc: DocClaims,
              blocks: Sequence[tuple[int, int]]) -> list[list[int]]:
    """A document's occurrences of each rule's forms, as a memo keeps them: per rule, flat
    (start, end, index of the form) triples."""
    out: list[list[int]] = []
    for rule in rules:
        index = {form: k for k, form in enumerate(rule.forms)}
        out.append([x for o in find_forms(rule, dc.doc.id, dc.doc.text, blocks)
                    for x in (o.start, o.end, index[o.form])])
    return out


def _decoded_forms(stored: Any, rules: Sequence[ConsistencyRule],
                   dc: DocClaims) -> list[list[Occurrence]] | None:
    """Stored occurrences, per rule; None when they do not fit the rules (a damaged memo)."""
    if not isinstance(stored, list) or len(stored) != len(rules):
        return None
    out: list[list[Occurrence]] = []
    doc_id = dc.doc.id
    for rule, flat in zip(rules, stored, strict=True):
        if not isinstance(flat, list) or len(flat) % 3 or \
                not all(type(x) is int for x in flat):
            return None
        found = []
        for k in range(0, len(flat), 3):
            start, end, form = flat[k:k + 3]
            if not (0 <= start < end and 0 <= form < len(rule.forms)):
                return None
            found.append(Occurrence(doc_id, start, end, rule.forms[form]))
        out.append(found)
    return out
