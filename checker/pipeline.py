"""The check pipeline: load -> normalise -> compare -> rules -> findings -> report.

Pure core: returns a CheckResult and never prints, writes or exits. The CLI decides what
to write and which exit code to use.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from checker.baseline import apply_baseline
from checker.cache import (
    CLAIM_FILES,
    DOCUMENTS,
    PARTS,
    SIDECARS,
    ClaimCache,
    code_fingerprint,
)
from checker.claimmemo import ClaimFileMemo
from checker.compare.blocking import BlockingConfig
from checker.corpus import Corpus, LazyDraft, load_corpus
from checker.corpusnorm import normalisation_keys
from checker.cpus import jobs_for, resolve_jobs
from checker.docmemo import DocumentMemo
from checker.errors import ClaimcheckError, ConsistencyError, Location
from checker.extract import claim_file_of
from checker.findings import entity_id_errors, suppression_errors
from checker.findmemo import FindingsMemo, Named, corpus_key, document_digests
from checker.heap import paused_gc
from checker.ingest import Document, display_path
from checker.memofile import MemoFile
from checker.models.claims import ClaimFile
from checker.models.report import (
    Finding,
    Report,
)
from checker.normpack import PACK
from checker.readahead import forget as forget_ahead
from checker.readahead import read_ahead
from checker.reporting.build import CorpusParts, build_report, corpus_parts
from checker.reporting.json_report import RenderedFindings
from checker.rules import RuleSet, kind_selected, load_rules
from checker.sealedfile import seal_holds
from checker.sidecars import SidecarMemo

# The comparison, the drafting and the findings built of them are imported by the stage
# that runs them: a command that only validates, or a check served whole from the cache
# (`findings.json`), never loads them (a third of a second of imports).

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CheckOptions:
    """What to check and how."""

    root: Path
    seeds: Path
    claims: Path
    rules: Path
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    threshold: float = 0.5
    fuzzy_threshold: float = 0.9
    blocking: BlockingConfig = field(default_factory=BlockingConfig)
    baseline: Path | None = None
    decisions: Path | None = None
    jobs: int | None = 1  # None: as many as the corpus gains from (`cpus.auto_jobs`)
    cache_dir: Path | None = None
    # Whether `rules` was named (on the command line or in the configuration): missing, it
    # is an error; missing by default, the built-in rules alone apply (a note says so).
    rules_required: bool = True


@dataclass
class CheckResult:
    """The report plus the errors met (the exit code: `reporting.outcome.exit_code`)."""

    report: Report
    errors: list[ClaimcheckError]
    corpus: Corpus
    ruleset: RuleSet
    timings: dict[str, float] = field(default_factory=dict)
    # The cache's writes still going on beside the run (`run_check(settle=False)`).
    pending: Callable[[], list[str]] = field(default=list, repr=False, compare=False)
    # The cache's writes that failed (`ClaimCache.settle`): warnings, not errors of the run.
    unwritten: list[str] = field(default_factory=list)
    # Findings whose bytes in report.json the cache gave (the JSON report splices them).
    rendered: RenderedFindings | None = field(default=None, repr=False, compare=False)

    def settle(self) -> list[str]:
        """Wait for the cache's writes the run left going on beside it (none unless
        `run_check` was told not to wait): the next run reads them. Returns `unwritten`."""
        pending, self.pending = self.pending, list
        self.unwritten += pending()
        return self.unwritten


def _noop(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class Stopwatch:
    """Wall time per stage, for benchmarks (never part of the report: it is not stable)."""

    clock: Callable[[], float] = time.perf_counter
    times: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the enclosed block, adding to the stage's total."""
        start = self.clock()
        try:
            yield
        finally:
            self.times[name] = self.times.get(name, 0.0) + self.clock() - start


@dataclass
class Inputs:
    """What a check reads: the rules, the corpus, and the input errors met loading them."""

    ruleset: RuleSet
    corpus: Corpus
    errors: list[ClaimcheckError]
    cache: ClaimCache | None


def load_inputs(options: CheckOptions, progress: Progress = _noop,
                watch: Stopwatch | None = None, drafts: bool = True) -> Inputs:
    """Rules, documents and claim files as `check` reads them, with every input error
    (`validate` reports the same ones). Documents without a claim file are extracted, or
    with `drafts` false left without claims (validation needs no drafts)."""
    watch = watch or Stopwatch()
    root = options.root
    with watch.stage("rules-load"):
        ruleset, errors = load_rules([options.rules], {}, options.select, options.ignore,
                                     options.fuzzy_threshold)
    errors = [_relocate(e, root) for e in errors]
    if not options.rules.exists() and options.rules_required:
        errors.append(ConsistencyError(
            "rules directory not found (create it, or leave out --rules: the built-in rules "
            "alone apply)", Location(display_path(options.rules, root))))
    progress("load", 0, 1)
    cache = ClaimCache(options.cache_dir) if options.cache_dir is not None else None
    if cache is not None:
        # Beside the run unless --jobs is 1 (not given: as with one process per CPU): what
        # is stale is mostly an older version's, and 20,000 files take longer to remove
        # than a warm run takes.
        cache.tidy(resolve_jobs(options.jobs if options.jobs is not None else 0))

    def extract_missing(docs: Sequence[Document]) -> list[ClaimFile | LazyDraft]:
        if not drafts or not docs:
            return [claim_file_of(d, options.threshold, []) for d in docs]
        from checker.parallel import draft_documents

        with watch.stage("extract"):
            return draft_documents(docs, ruleset, options.threshold,
                                   jobs_for(options.jobs, len(docs)), cache)

    sidecars = SidecarMemo(cache.root / SIDECARS, code_fingerprint()) if cache else None
    claim_memo = ClaimFileMemo(cache.root / CLAIM_FILES, code_fingerprint()) if cache else None
    known = DocumentMemo(cache.root / DOCUMENTS, code_fingerprint(), sidecars) if cache else None
    with watch.stage("ingest"):
        corpus = load_corpus(root, options.seeds, options.claims, ruleset.lexicon,
                             options.threshold, extract=extract_missing, sidecars=sidecars,
                             claim_memo=claim_memo, known=known)
        if known is not None and cache is not None and cache.extracted_head:
            # The keys the drafts were held under, for the next run to take (a served
            # document's is not hashed, nor its draft looked for: `docmemo.kept_key`).
            known.note_keys(cache.extracted_head, cache.extracted, cache.extracted_kept)
        memos = [m for m in (sidecars, claim_memo, known) if m is not None and m.file.changed()]
        if cache is not None and memos:
            # Beside with --jobs (`settle` waits for it): an edited re-run of 10,000
            # documents rewrote 5 MB of the documents memo here before comparing. Held until
            # the checks' two lines are over: niced, it still slowed both by 0.2 s.
            cache.aside(functools.partial(_save, memos), jobs_for(options.jobs, len(corpus.docs)),
                        held=True)
    errors.extend(corpus.errors)
    if not options.rules.exists() and not options.rules_required:
        # A new desk's corpus (README, use 2) has no rules of its own yet: not bad input.
        corpus.notes.append(f"{display_path(options.rules, root)}/ not found: the built-in "
                            f"rules alone apply (entity aliases and fact rules of your own go "
                            f"there)")
    try:
        errors.extend(suppression_errors(corpus, ruleset))
        errors.extend(entity_id_errors(corpus, ruleset))
    except BaseException:
        if cache is not None:
            cache.settle()  # the writes held above: no caller will settle this cache
        raise
    return Inputs(ruleset, corpus, errors, cache)


def _save(memos: Sequence[SidecarMemo | ClaimFileMemo | DocumentMemo]) -> None:
    """Write the input memos back."""
    for memo in memos:
        memo.save()


def run_check(options: CheckOptions, progress: Progress = _noop,
              watch: Stopwatch | None = None, settle: bool = True) -> CheckResult:
    """Run the whole check on the corpus the options name. With `settle` false it may
    return while the cache's writes go on beside it, for the caller to wait for with
    `CheckResult.settle` (`claimcheck check` writes its reports meanwhile)."""
    watch = watch or Stopwatch()
    inputs = load_inputs(options, progress, watch)
    cache = inputs.cache
    try:
        # One pause from comparison to the report: a pause that ends in between makes the
        # next allocation walk every claim and verdict made so far (checker.heap).
        with paused_gc():
            result = _finish(options, inputs.corpus, inputs.ruleset, inputs.errors, progress,
                             watch, cache)
    except BaseException:
        if cache is not None:
            cache.settle()  # the cache writes the run left going on beside it
        raise
    if cache is not None:
        result.pending = cache.settle
        if settle:
            result.settle()
    return result


def _finish(options: CheckOptions, corpus: Corpus, ruleset: RuleSet,
            errors: list[ClaimcheckError], progress: Progress, watch: Stopwatch,
            cache: ClaimCache | None) -> CheckResult:
    root = options.root
    findings, parts = _findings_and_parts(corpus, ruleset, progress, watch, cache,
                                          jobs_for(options.jobs, len(corpus.docs)))
    if options.decisions is not None and options.decisions.exists():
        # A missing file has no decision (`load_decisions`): the module and its models are
        # imported only for a file to apply.
        from checker.decisions import apply_decisions_file

        # Before the baseline: a decided finding stays decided whether or not it is new.
        # Before --select/--ignore: a decision on a finding left out is not "resolved".
        findings, decision_notes, decision_errors = apply_decisions_file(
            findings, options.decisions, display_path(options.decisions, root),
            ruleset.left_out)
        corpus.notes.extend(decision_notes)
        errors.extend(decision_errors)
    if options.select or options.ignore:  # else every finding passes (`kind_selected`)
        keys = {r.id: frozenset({r.id, *r.tags}) for r in ruleset.rules}
        findings = [f for f in findings if kind_selected(f.kind, options.select, options.ignore,
                                                         keys.get(f.rule_id or "", frozenset()))]
    if options.baseline is not None:
        findings, baseline_errors = apply_baseline(findings, options.baseline, root)
        errors.extend(baseline_errors)
    with watch.stage("report"):
        report = build_report(corpus, ruleset, findings, errors, parts)
    return CheckResult(report, errors, corpus, ruleset, dict(watch.times),
                       rendered=cache.rendered if cache is not None else None)


def _relocate(error: ClaimcheckError, root: Path) -> ClaimcheckError:
    loc = error.location
    if loc and Path(loc.path).is_absolute():
        error.location = Location(display_path(Path(loc.path), root), loc.line, loc.column,
                                  loc.field)
    return error


def check_corpus(corpus: Corpus, ruleset: RuleSet, progress: Progress = _noop,
                 watch: Stopwatch | None = None, cache: ClaimCache | None = None,
                 jobs: int = 1) -> list[Finding]:
    """All findings of the corpus, sorted; identical for any jobs, with or without cache."""
    try:
        return _findings_and_parts(corpus, ruleset, progress, watch or Stopwatch(), cache,
                                   jobs)[0]
    finally:
        if cache is not None:
            cache.settle()


def _findings_and_parts(corpus: Corpus, ruleset: RuleSet, progress: Progress,
                        watch: Stopwatch, cache: ClaimCache | None, jobs: int
                        ) -> tuple[list[Finding], CorpusParts | None]:
    """`check_corpus`, with the report's corpus parts when the cache has them or keeps
    them (None: `build_report` makes them)."""
    with paused_gc():
        try:
            return _check_corpus(corpus, ruleset, progress, watch, cache, jobs)
        finally:
            # What it read ahead and nobody took, whatever the way out: a later run in
            # this process reads its own.
            forget_ahead()


def _check_corpus(corpus: Corpus, ruleset: RuleSet, progress: Progress, watch: Stopwatch,
                  cache: ClaimCache | None, jobs: int
                  ) -> tuple[list[Finding], CorpusParts | None]:
    if cache is None:
        return _checked(corpus, ruleset, progress, watch, None, jobs), None
    with watch.stage("normalise"):
        # The normalised claims' pack (22 MB at 10,000 documents) read beside the keys.
        read_ahead([cache.root / PACK], seal_holds)
        keys = normalisation_keys(corpus, ruleset, cache)
        digests = document_digests(corpus, keys)
        memo = FindingsMemo(cache.root, corpus_key(corpus, digests, ruleset), cache.rendered)
        kept = memo.get()
    if kept is not None:
        # The last run read exactly these inputs: its findings are this run's, and its
        # report's parts (no claim is built: a drafted document's are built on first use).
        for stage in ("normalise", "compare", "rules"):
            progress(stage, 1, 1)
        return kept.findings, kept.parts
    errors_before = len(corpus.errors)
    # The report's corpus parts, made while this process would wait for a comparison
    # beside it (a re-run with --jobs), else here after the checks.
    parts_of = functools.cache(functools.partial(_corpus_parts, corpus, ruleset, cache))

    def keep(findings: list[Finding]) -> None:
        """The findings memo written beside this process, from the checks' end on."""
        if len(corpus.errors) == errors_before:
            # Input errors met on the way (a bad term pattern) are reported by a full run
            # only.
            with watch.stage("report"):
                parts = parts_of()
            cache.aside(functools.partial(memo.put, findings, parts), resolve_jobs(jobs),
                        held=True)

    findings = _checked(corpus, ruleset, progress, watch, cache, jobs, keys,
                        Named(memo.key, digests), parts_of, keep)
    with watch.stage("report"):
        parts = parts_of()
    return findings, parts


def _corpus_parts(corpus: Corpus, ruleset: RuleSet, cache: ClaimCache) -> CorpusParts:
    """`corpus_parts`, drafted documents' parts kept in the cache (their claims unbuilt)."""
    memo = MemoFile(cache.root / PARTS, code_fingerprint())
    parts = corpus_parts(corpus, ruleset, memo, cache.extracted)
    memo.save()
    return parts.with_documents(corpus)


def _checked(corpus: Corpus, ruleset: RuleSet, progress: Progress, watch: Stopwatch,
             cache: ClaimCache | None, jobs: int, keys: list[str] | None = None,
             named: Named | None = None, idle: Callable[[], object] | None = None,
             done: Callable[[list[Finding]], object] | None = None) -> list[Finding]:
    """`checking.checked`, imported when a run compares: a run the cache serves whole
    never loads the comparison."""
    from checker.checking import checked

    return checked(corpus, ruleset, progress, watch, cache, jobs, keys, named, idle, done)
