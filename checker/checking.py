"""The middle of a check: the corpus's claims normalised, compared across documents and
checked document by document, into sorted findings (`pipeline.check_corpus`, unless the
cache serves the findings whole).

With `--jobs`, two lines of work run at once. On a first run the comparison is the long
one and runs here, with the documents' own checks beside it. On a re-run with a verdict
store, the comparison mostly reads verdicts back: it runs beside, in a process of its own
that then runs the term and consistency rules, while this one runs the checks of the
claims, reads the corroborations kept across runs and builds ahead the claims findings may
cite (`claimindex.ClaimIndex` builds a document's claims on first use: an edited re-run at
10,000 documents cites those of 4,217). Either way the findings are the same
(tests/compare/test_incremental.py, tests/test_claimindex.py, tests/compare/test_compmap.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from checker.aside import Ahead, beside, by_reference
from checker.builders import ClaimIndex, corroboration_finding, pair_finding, stale_finding
from checker.cache import CITED, VERDICTS, ClaimCache, code_fingerprint, verdict_file
from checker.claimindex import cited
from checker.compare import CompareResult, Corroboration
from checker.compare.components import Reuse
from checker.compare.independence import declared_origins, one_per_origin
from checker.compare.store import VerdictFile, comparison_files
from checker.compare.timing import (
    at_different_times,
    one_story,
    own_release,
    page_names,
    publication_days,
    publisher_ids,
    topic_only,
)
from checker.corpus import Corpus
from checker.corpusnorm import claim_index, normalised
from checker.cpus import resolve_jobs
from checker.document_checks import claim_findings, document_findings, text_findings
from checker.errors import ClaimcheckError
from checker.findings import sort_key
from checker.findmemo import Named
from checker.groupmemo import CORROBORATIONS, GroupMemo
from checker.heap import outlive
from checker.memofile import MemoFile
from checker.models.report import Finding
from checker.normclaim import NormClaim
from checker.pairmemo import CONFLICTS, PairMemo
from checker.parallel import compare_claims
from checker.readahead import forget as forget_ahead
from checker.readahead import read_ahead
from checker.reporting.json_report import RenderedFindings
from checker.rules import RuleSet
from checker.sealedfile import seal_holds

if TYPE_CHECKING:
    from checker.pipeline import Progress, Stopwatch

T = TypeVar("T")
# How long to wait on the conflicts at a time, when nothing is left to build meanwhile.
_POLL = 0.005


def checked(corpus: Corpus, ruleset: RuleSet, progress: Progress, watch: Stopwatch,
            cache: ClaimCache | None, jobs: int, keys: list[str] | None = None,
            named: Named | None = None, idle: Callable[[], object] | None = None,
            done: Callable[[list[Finding]], object] | None = None) -> list[Finding]:
    """Every finding of the corpus, sorted (`keys`: the documents' normalisation keys;
    `named`: what names the inputs, for the corroborations kept across runs; `idle`: work
    of the caller's, run while this process would wait for a comparison beside it; `done`:
    given the findings before this function lets its data go)."""
    if cache is not None:
        # The memos only for a process beside: with one process they would be held
        # through the comparison, where a run's memory peaks.
        _read_ahead(cache, named is not None and resolve_jobs(jobs) > 1)
        # The findings the memos give are keyed for the sort below as they are read.
        cache.rendered.keyed_by(sort_key)
    with watch.stage("normalise"):
        norm, per_doc = normalised(corpus, ruleset, cache, jobs, keys)
    progress("normalise", len(norm), len(norm))
    findings: list[Finding] = [stale_finding(dc) for dc in corpus.docs if dc.stale]
    memory = verdict_file(cache, ruleset) if cache is not None else None
    processes = resolve_jobs(jobs)
    # The conflicts' findings kept across runs, by what each reads.
    pairs = PairMemo.of(cache.root, code_fingerprint(), named.digests, cache.rendered) \
        if cache is not None and named is not None else None
    kept: _Kept | None = None
    reuse: Reuse | None = None
    if memory is not None:
        memory.jobs = processes  # the store written beside the reduce and the findings
        if cache is not None and named is not None:
            # The names alone now; the findings are read while the comparison runs.
            token, names = GroupMemo.head(cache.root)
            memory.token = named.key
            reuse = Reuse(names, named.digests, token)
            kept = _Kept(cache.root, token,
                         partial(_comparison, corpus, norm, ruleset, memory, jobs, None),
                         cache.rendered)
    compare = partial(_comparison, corpus, norm, ruleset, memory, jobs, reuse)
    # Read once: what the last run's conflicts cited before, this run's written after.
    cited_memo = MemoFile(cache.root / CITED, code_fingerprint()) if cache is not None else None
    if memory is not None and processes > 1 and memory.path.is_file():
        first = _cited_before(cited_memo) if cited_memo is not None else []
        scored, found, errors = _beside_the_comparison(corpus, norm, per_doc, ruleset, cache,
                                                       compare, processes, watch, findings,
                                                       kept, idle, first, pairs)
    else:
        scored, found, errors = _beside_the_checks(corpus, norm, per_doc, ruleset, cache,
                                                   compare, processes, watch, findings, kept,
                                                   pairs)
    if cache is not None:
        # Written while this process goes on to the report; the run waits at its end.
        if memory is not None:
            cache.pending(memory.wait)
        if kept is not None:
            cache.aside(kept.save, processes, held=True)
        if pairs is not None:
            cache.aside(pairs.save, processes, held=True)
    progress("compare", scored, scored)
    findings += found
    corpus.errors.extend(errors)
    progress("rules", 1, 1)
    out = sorted(_unique(findings).values(),
                 key=cache.rendered.key_of if cache is not None else sort_key)
    if cited_memo is not None:
        # What the next run builds first (`claimindex.cited`): a small file, written now.
        cited_memo.put("documents", cited(out))
        cited_memo.save()
    if done is not None:
        # Before the return lets this run's claims go: freeing the normalised claims of
        # 10,000 documents takes a quarter of a second, time a write beside can use.
        done(out)
    if cache is not None:
        # The two lines are over: a core is free for the writes held, started together.
        cache.release()
    # Or not at all, when the command ends without freeing them (0.23 s at 10,000; and
    # 0.023 s more on this return for the memo of conflicts read, the names reused, the
    # lists of findings with the duplicates `_unique` left out).
    outlive(norm, per_doc, kept, compare, memory, pairs, reuse, findings, found, errors,
            cited_memo)
    return out


def _read_ahead(cache: ClaimCache, memos: bool) -> None:
    """The cache files of the comparison (and with `memos`, this process's memos of its
    findings) read while the claims are normalised, on the core that has nothing else to
    do then (`checker.readahead`); none before a store is written."""
    if (cache.root / VERDICTS).is_file():
        read_ahead(_comparison_files(cache) + (_memo_files(cache) if memos else []),
                   seal_holds)


def _comparison_files(cache: ClaimCache) -> list[Path]:
    """The cache files the comparison reads (`store.comparison_files`)."""
    return comparison_files(cache.root / VERDICTS)


def _memo_files(cache: ClaimCache) -> list[Path]:
    """The memos of the findings this process reads while the comparison runs."""
    return [cache.root / CORROBORATIONS, cache.root / CONFLICTS]


def _beside_the_checks(corpus: Corpus, norm: Sequence[NormClaim],
                       per_doc: Sequence[Sequence[NormClaim]], ruleset: RuleSet,
                       cache: ClaimCache | None, compare: Callable[[], CompareResult],
                       processes: int, watch: Stopwatch, findings: list[Finding],
                       kept: _Kept | None, pairs: PairMemo | None = None
                       ) -> tuple[int, list[Finding], list[ClaimcheckError]]:
    """The comparison here (over `processes`), the documents' own checks beside it: they
    read no verdict, and take the core the comparison's serial steps leave idle."""
    with watch.stage("normalise"):
        index = claim_index(corpus, per_doc)
        if processes > 1:
            # Every claim, before the checks' process forks: both use them, built once.
            index.build_while(lambda: True)
    own = partial(document_findings, corpus, norm, index, ruleset, cache)
    with beside(own, processes, until=cache.pending if cache is not None else None) as checks:
        with watch.stage("compare"):
            scored = _findings_of(compare(), corpus, index, findings, kept, pairs=pairs)
        with watch.stage("rules"):
            found, errors = checks()
    return scored, found, errors


def _beside_the_comparison(corpus: Corpus, norm: Sequence[NormClaim],
                           per_doc: Sequence[Sequence[NormClaim]], ruleset: RuleSet,
                           cache: ClaimCache | None,
                           compare: Callable[[Callable[[CompareResult], None]], CompareResult],
                           processes: int, watch: Stopwatch, findings: list[Finding],
                           kept: _Kept | None, idle: Callable[[], object] | None,
                           first: Sequence[str] = (), pairs: PairMemo | None = None
                           ) -> tuple[int, list[Finding], list[ClaimcheckError]]:
    """The comparison of a re-run beside, its pairs sent back naming the claims by
    position, then the documents' term and consistency rules there; here meanwhile the
    claim index, the documents' checks of their claims, `idle`, the claims findings may
    cite built ahead while the comparison runs (those of the documents `first`, the last
    run's conflicts cited, before the others), and the findings of its conflicts, sent
    ahead while it groups the corroborations."""
    ahead: Ahead[CompareResult] = Ahead()

    def there(_: int) -> tuple[CompareResult, tuple[list[Finding], list[ClaimcheckError]]]:
        if cache is not None:
            forget_ahead(_memo_files(cache))  # read ahead for the other process
        # Once compared, the term and consistency rules: at 10,000 documents the process
        # beside is done 0.5 s before this one, which had all the documents' own checks.
        return compare(ahead.send), text_findings(corpus, ruleset, cache)

    # Its store's and map's writes, done once its value is sent, keep it alive for 0.3 s
    # after its value has come at 10,000 documents: waited for at the run's end.
    with beside(there, processes, by_reference(norm), ahead,
                until=cache.pending if cache is not None else None) as compared:
        if cache is not None:
            # Read ahead for the comparison, which took its copy with it (68 MB at 10,000
            # documents).
            forget_ahead(_comparison_files(cache))
        with watch.stage("normalise"):
            index = claim_index(corpus, per_doc)
        with watch.stage("rules"):
            found, errors = claim_findings(corpus, norm, index, ruleset, cache)
        with watch.stage("compare"):
            if kept is not None:
                kept.memo.read_all()  # while the comparison runs: most will be reused
            if pairs is not None:
                pairs.load()
        if idle is not None:
            with watch.stage("report"):
                idle()
        with watch.stage("normalise"):
            # The claims the findings may cite, until the conflicts come: what is left is
            # built when a finding cites it.
            def going() -> bool:
                return not (ahead.ready() or compared.ready())

            index.build_first(first, going)
            index.build_while(going)
            published = _published(corpus)  # for both calls below, made while waiting
        with watch.stage("compare"):
            while not (ahead.ready(_POLL) or compared.ready()):
                pass  # nothing left to build: wait for whichever comes first
            # Sent ahead, the conflicts are in the pipe by the time the value has come.
            part = ahead.get() if ahead.ready() else None
            early = _pair_findings(part, corpus, index, published, pairs) \
                if part is not None else None
            # Then the corroborations: those not kept cite the claims they need, built
            # then. (Building more meanwhile would slow down the thread receiving them: it
            # needs this one's lock for every read of the pipe.)
            result, (text_found, text_errors) = compared()
            scored = _findings_of(result, corpus, index, findings, kept, early, published,
                                  pairs)
    return scored, found + text_found, errors + text_errors


def _cited_before(memo: MemoFile) -> list[str]:
    """The documents the last run's conflicts cited, as the memo keeps them under
    "documents" (none when unknown): a hint of what to build first, whatever it holds the
    findings are the same."""
    found = memo.peek("documents")
    return [d for d in found if isinstance(d, str)] if isinstance(found, list) else []


def _comparison(corpus: Corpus, norm: Sequence[NormClaim], ruleset: RuleSet,
                memory: VerdictFile | None, jobs: int, reuse: Reuse | None,
                ahead: Callable[[CompareResult], None] | None = None) -> CompareResult:
    """Every pair worth a finding (`parallel.compare_claims`; `ahead`: given the conflicts
    as soon as they are known, and the result returned without them)."""
    origins = declared_origins((dc.doc.id, dc.doc.meta.publisher, dc.doc.meta.origin)
                               for dc in corpus.docs)
    return compare_claims(norm, ruleset.lexicon, origins, jobs=jobs, memory=memory,
                          reuse=reuse, ahead=ahead)


class _Kept:
    """The corroborations kept across runs (`checker.groupmemo`): their names read before
    comparing, their findings when first needed (with `--jobs`, while the comparison
    runs), the components' findings gathered as they are built, written for the next run."""

    def __init__(self, root: Path, token: str | None,
                 afresh: Callable[[], CompareResult],
                 rendered: RenderedFindings | None = None) -> None:
        self._root = root
        self._rendered = rendered  # told each finding read with its bytes
        self._token = token  # the store's name in the header the reuse was decided by
        self._memo: GroupMemo | None = None
        self.afresh = afresh  # the comparison again, every component grouped
        self.token: str | None = None
        self.components: list[str] = []
        self.built: dict[str, list[Finding]] = {}

    @property
    def memo(self) -> GroupMemo:
        """The memo, read on first use. One that another run has written since its header
        was read (another store's name) is taken as empty: nothing of it is reused."""
        if self._memo is None:
            memo = GroupMemo.read(self._root, self._rendered)
            self._memo = memo if memo.token == self._token \
                else GroupMemo(memo.path, rendered=self._rendered)
        return self._memo

    def reused(self, result: CompareResult) -> tuple[CompareResult, list[Finding]]:
        """The result, and the findings of its reused components; when the memo does not
        read as findings, the comparison again with none reused."""
        found = self.memo.findings(result.reused) if result.reused else []
        if found is None:
            result = self.afresh()
            found = []
        self.token, self.components = result.store_token, result.components
        fresh = set(result.components).difference(result.reused)
        self.built = {name: [] for name in result.components if name in fresh}
        return result, found

    def save(self) -> None:
        """Keep this run's components for the next."""
        self.memo.save(self.token, self.components, self.built)


def _findings_of(result: CompareResult, corpus: Corpus, index: ClaimIndex,
                 findings: list[Finding], kept: _Kept | None = None,
                 early: list[Finding] | None = None,
                 published: Mapping[str, date] | None = None,
                 pairs: PairMemo | None = None) -> int:
    """Conflicts, contradictions and corroborations into `findings` (`early`: those of the
    conflicts sent ahead of the result; `published`: the documents' `_published` days,
    when made already); the number of pairs scored."""
    if kept is not None:
        again, reused = kept.reused(result)
        if again is not result:
            early = None  # compared again here, conflicts and all
        result = again
        findings += reused
    if early is not None:
        findings += early
    findings += _pair_findings(result, corpus, index, published, pairs)
    findings += _drained(result.corroborations,
                         lambda c: _corroboration(c, index, kept.built if kept else None,
                                                  result.origins))
    # The findings hold what the report needs; the verdicts (100k+ at 200k claims) can go.
    return result.pairs_scored


def _published(corpus: Corpus) -> dict[str, date]:
    """Each document's last possible publication day (`timing.publication_days`)."""
    return publication_days((dc.doc.id, dc.doc.meta.published) for dc in corpus.docs)


def _pair_findings(result: CompareResult, corpus: Corpus, index: ClaimIndex,
                   published: Mapping[str, date] | None = None,
                   pairs: PairMemo | None = None) -> list[Finding]:
    """The findings of the result's conflicts (one per origin, told at the same time) and
    contradictions, which it gives up (`published`: `_published`, made once a run;
    `pairs`: the findings kept across runs, by what each reads)."""
    if published is None:
        published = _published(corpus)
    kept = [r for r in result.conflicts if not at_different_times(r, published)]
    tied = [r for r in kept if topic_only(r)]
    if tied:
        # Claims tied by their pages' narrow topic alone: only pages of one story.
        names = page_names((dc.doc.id, dc.claims) for dc in corpus.docs)
        # (or a company's own release and a story on it: `timing.own_release`)
        publishers = publisher_ids((dc.doc.id, dc.doc.meta.publisher) for dc in corpus.docs)
        apart = {id(r) for r in tied if not one_story(names.get(r.a.doc, frozenset()),
                                                      names.get(r.b.doc, frozenset()))
                 and not own_release(r, publishers)}
        kept = [r for r in kept if id(r) not in apart]
    result.conflicts = one_per_origin(kept, result.origins)
    if pairs is not None:
        made = pairs.findings(result.conflicts + result.contradictions, index, pair_finding)
        result.conflicts, result.contradictions = [], []
        return made
    return _drained(result.conflicts, lambda r: pair_finding(r, index)) + \
        _drained(result.contradictions, lambda r: pair_finding(r, index))


def _corroboration(c: Corroboration, index: ClaimIndex,
                   built: dict[str, list[Finding]] | None,
                   origins: Mapping[str, str] | None = None) -> Finding:
    """`corroboration_finding`, gathered under its component when the run keeps them."""
    made = corroboration_finding(c, index, origins)
    if built is not None and c.component is not None:
        built[c.component].append(made)
    return made


def _unique(findings: list[Finding]) -> dict[str, Finding]:
    """One finding per fingerprint; of two that share one, the same whatever their order
    (the first of their JSON), so that no arrival order decides what is reported."""
    unique: dict[str, Finding] = {}
    for f in findings:
        kept = unique.get(f.id)
        if kept is None or f.model_dump_json() < kept.model_dump_json():
            unique[f.id] = f
    return unique


def _drained(items: list[T], make: Callable[[T], Finding]) -> list[Finding]:
    """`make` of each item, in order, emptying the list as it goes: at 200,000 claims the
    verdicts and the findings made of them would otherwise all be alive at once (where
    memory peaks, about 100 MB)."""
    items.reverse()
    out: list[Finding] = []
    while items:
        out.append(make(items.pop()))
    return out
