"""What one benchmark process measures. Each function runs in a fresh process
(`python -m bench.worker`), so peak memory is that run's own high-water mark.

Peak memory is `resource.getrusage(RUSAGE_SELF).ru_maxrss` (resident set size, the whole
process: interpreter, input and working data), not tracemalloc, which slows Python down.
"""

from __future__ import annotations

import compileall
import gc
import hashlib
import importlib
import json
import math
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from checker.ingest import Document
    from checker.rules import RuleSet

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
T = TypeVar("T")


def as_installed() -> None:
    """The package as a user's machine has it after `pip install` and a first run: its
    modules byte-compiled (this machine sets PYTHONDONTWRITEBYTECODE, so every process
    would compile the sources again, half a second a command: a cost no user pays, and
    codespell, installed by pip, does not pay either), and the compiled regular
    expressions a first run keeps beside the bytecode (`checker.rx`), written by a process
    that imports every module, as a first run does, where bytecode may be written."""
    compileall.compile_dir(REPO / "checker", quiet=1)
    compileall.compile_dir(REPO / "bench", maxlevels=0, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", _IMPORT_ALL], cwd=REPO, env=env, check=True)


# Every module of the package imported (its patterns compiled), then `rx.save` at exit.
_IMPORT_ALL = """
import importlib, pkgutil, checker
for info in pkgutil.walk_packages(checker.__path__, "checker."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
"""


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_rss_children_mb() -> float:
    """Peak resident set size of the largest finished worker process, in MB (0 if none).

    Forked workers share the parent's pages until they write to them, so this counts
    shared pages again: parent + children overstates the memory the run needed."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def current_rss_mb() -> float | None:
    """Resident set size now, in MB (Linux /proc), or None elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children so far.

    Beside a wall time it shows contention: on a busy machine wall time exceeds CPU time
    even for one process, and a --jobs run's CPU time exceeds its wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load_average() -> float:
    """One-minute load average: other work on the machine skews every figure."""
    return round(os.getloadavg()[0], 2)


@contextmanager
def timed(into: dict[str, float], name: str) -> Iterator[None]:
    """Wall time of the block, in seconds, stored under name."""
    start = time.perf_counter()
    try:
        yield
    finally:
        into[name] = round(time.perf_counter() - start, 4)


def digest(text: str) -> str:
    """Short hash of a report, to show two runs gave the identical report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _stages(timings: dict[str, float]) -> dict[str, float]:
    """Stage times that add up: ingest without the extraction it contains."""
    out = {k: round(v, 4) for k, v in timings.items()}
    if "ingest" in out:
        out["ingest"] = round(out["ingest"] - out.get("extract", 0.0), 4)
    return out


def load_machinery() -> None:
    """Import what a check runs, before it is timed: the command line imports the extractor
    and the comparison when a run needs them (`checker.cli`), where these figures have
    always timed the run with its modules loaded (the `startup` figures time commands
    whole)."""
    for name in ("checker.extract.document", "checker.compare.pairs", "checker.parallel",
                 "checker.checking", "checker.builders", "checker.corpusnorm",
                 "checker.normalize", "checker.document_checks", "checker.aside",
                 "checker.reporting.build"):
        importlib.import_module(name)


def pipeline(corpus: str, jobs: int = 1) -> dict[str, Any]:
    """The whole `run_check` on a generated corpus (claims extracted on the fly), in one
    process or over `jobs`."""
    from checker.heap import keep_to_exit, paused_gc
    from checker.pipeline import CheckOptions, Stopwatch, run_check

    load_machinery()

    root = Path(corpus)
    watch = Stopwatch()
    keep_to_exit()  # as `claimcheck check` runs it: its data is never freed (cli.finish)
    wall: dict[str, float] = {}
    cpu = cpu_seconds()
    with timed(wall, "total"), paused_gc(freeze_on_exit=True):  # as `claimcheck check`
        result = run_check(CheckOptions(root=root, seeds=root / "seeds",
                                        claims=root / "claims", rules=RULES, jobs=jobs),
                           watch=watch)
    report = result.report.model_dump_json(indent=2)
    summary = result.report.summary
    return {
        "documents": summary.documents, "claims": summary.claims,
        "bytes": sum(len(dc.doc.text.encode("utf-8")) for dc in result.corpus.docs),
        "total_s": wall["total"], "stages_s": _stages(watch.times),
        "cpu_s": round(cpu_seconds() - cpu, 2),
        "claims_per_s": round(summary.claims / wall["total"], 1),
        "peak_rss_mb": peak_rss_mb(), "report_sha256": digest(report),
        "findings": summary.findings, "by_kind": summary.by_kind,
        "accuracy": _accuracy(json.loads(report), root / "truth.json"),
        "load_average": load_average(),
    }


def _accuracy(report: dict[str, Any], truth_path: Path) -> dict[str, Any]:
    from bench.truth import evaluate

    return evaluate(report, json.loads(truth_path.read_text("utf-8")))


def claims_per_doc() -> float:
    """Average claims per generated document (measured once on a small corpus)."""
    from bench.generate import generate

    sample = generate(400, seed=1)
    return sum(len(d.spans) for d in sample.docs) / len(sample.docs)


def write_claims_input(claims: int, seed: int, out: str) -> dict[str, Any]:
    """Generate documents for about `claims` claims; write docs.jsonl and truth.json."""
    from bench.claims import write_jsonl
    from bench.generate import generate, truth

    root = Path(out)
    gen = generate(math.ceil(claims / claims_per_doc()), seed)
    written = write_jsonl(gen, root / "docs.jsonl")
    (root / "truth.json").write_text(json.dumps(truth(gen)), encoding="utf-8")
    return {"claims": written, "documents": len(gen.docs)}


def _check(corpus: Any, ruleset: Any, watch: Any, jobs: int) -> Any:
    """check_corpus with `jobs` processes."""
    from checker.pipeline import check_corpus

    return check_corpus(corpus, ruleset, watch=watch, jobs=jobs)


def compare_scale(corpus: str, jobs: int = 1) -> dict[str, Any]:
    """Claims built without extraction (read from docs.jsonl), then normalise, compare,
    rules and report, timed; memory is this process's, input included."""
    from bench.claims import read_jsonl
    from checker.heap import paused_gc
    from checker.pipeline import Stopwatch
    from checker.reporting.build import build_report
    from checker.rules import load_rules

    load_machinery()

    root = Path(corpus)
    t: dict[str, float] = {}
    with timed(t, "load"):
        claims_corpus = read_jsonl(root / "docs.jsonl")
    ruleset, _ = load_rules([RULES])
    rss_before = current_rss_mb()
    watch = Stopwatch()
    cpu = cpu_seconds()
    # As `claimcheck check` runs it: one pause over both, what is alive frozen at the end.
    with timed(t, "total"), paused_gc(freeze_on_exit=True):
        findings = _check(claims_corpus, ruleset, watch, jobs)
        with watch.stage("report"):
            report = build_report(claims_corpus, ruleset, findings, [])
    cpu_used, peak = round(cpu_seconds() - cpu, 2), peak_rss_mb()
    n_claims = report.summary.claims
    text = report.model_dump_json(indent=2)
    return {
        "claims": n_claims, "documents": report.summary.documents, "jobs": jobs,
        "total_s": t["total"], "cpu_s": cpu_used, "input_load_s": t["load"],
        "stages_s": _stages(watch.times),
        "claims_per_s": round(n_claims / t["total"], 1), "rss_before_mb": rss_before,
        "peak_rss_mb": peak, "peak_rss_workers_mb": peak_rss_children_mb(),
        "report_sha256": digest(text), "by_kind": report.summary.by_kind,
        "accuracy": _accuracy(json.loads(text), root / "truth.json"),
        "load_average": load_average(),
    }


def _mb_per_s(nbytes: int, seconds: float) -> float:
    return round(nbytes / 2**20 / seconds, 3) if seconds > 0 else math.inf


def extraction(corpus: str, max_docs: int, jobs: int, runs: int = 3) -> dict[str, Any]:
    """Extraction MB/s on one core (the median of `runs` passes, each in a fresh process),
    the same passes repeated in one process, the sentence splitter alone on the same text,
    and extraction over `jobs` processes (checked identical to one)."""
    from checker.extract.segment import split_sentences
    from checker.parallel import extract_documents

    # Each pass in a process of its own: a pass remembers what it read (the kinds of the
    # lines it classified, the names it resolved), and a second pass over the same pages
    # reads them from memory: ~10% faster than a corpus read once is (speed round 51).
    cold = [in_fresh_process("extraction_pass", corpus=corpus, max_docs=max_docs)["seconds"]
            for _ in range(runs)]
    docs, ruleset = _extraction_inputs(corpus, max_docs)
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    t: dict[str, float] = {}
    times = []
    for _ in range(runs):
        with timed(t, "extract_in_one_process"):
            one = _as_extract_runs(partial(extract_documents, docs, ruleset, 0.5, jobs=1))
        times.append(t["extract_in_one_process"])
    t["extract_in_one_process"] = sorted(times)[runs // 2]
    t["extract"] = sorted(cold)[runs // 2]
    with timed(t, "split"):
        for d in docs:
            split_sentences(d.text)
    with timed(t, "parallel"):
        many = _as_extract_runs(partial(extract_documents, docs, ruleset, 0.5, jobs=jobs))
    return {
        "documents": len(docs), "bytes": nbytes, "seconds": t, "runs": runs,
        "extract_runs_s": [round(x, 4) for x in cold],
        "extract_mb_per_s_per_core": _mb_per_s(nbytes, t["extract"]),
        "extract_in_one_process_runs_s": [round(x, 4) for x in times],
        "extract_mb_per_s_in_one_process": _mb_per_s(nbytes, t["extract_in_one_process"]),
        "splitter_mb_per_s": _mb_per_s(nbytes, t["split"]),
        "jobs": jobs, "extract_mb_per_s_jobs": _mb_per_s(nbytes, t["parallel"]),
        "jobs_identical": [m.model_dump_json() for m in one]
        == [m.model_dump_json() for m in many],
        "native": _native_reason(),
        "load_average": load_average(),
    }


def extraction_pass(corpus: str, max_docs: int) -> dict[str, Any]:
    """One pass of `extraction`'s, in this (fresh) process, after one warm-up document."""
    from checker.parallel import extract_documents

    docs, ruleset = _extraction_inputs(corpus, max_docs)
    t: dict[str, float] = {}
    with timed(t, "extract"):
        _as_extract_runs(partial(extract_documents, docs, ruleset, 0.5, jobs=1))
    return {"seconds": t["extract"]}


def _extraction_inputs(corpus: str, max_docs: int) -> tuple[list[Document], RuleSet]:
    """The first `max_docs` documents of a generated corpus and the rules, the extractor
    warmed on one document (its patterns compiled, the stemmer loaded)."""
    from checker.extract import extract_document
    from checker.ingest import discover, load_documents
    from checker.rules import load_rules

    root = Path(corpus)
    docs, _ = load_documents(discover(root / "seeds")[:max_docs], root)
    ruleset, _ = load_rules([RULES])
    extract_document(docs[0], ruleset.lexicon)
    return docs, ruleset


def _native_reason() -> str:
    """Whether extraction ran compiled (checker.native), as `claimcheck --version` says."""
    from checker.native import status

    return status().reason


def _as_extract_runs(run: Callable[[], T]) -> T:
    """`run()` as `claimcheck extract` and `check` run extraction: the collector paused and
    the claims frozen when it ends (checker.heap), then unfrozen, so that one measurement
    leaves the next a heap like its own."""
    from checker.heap import paused_gc

    try:
        with paused_gc(freeze_on_exit=True):
            return run()
    finally:
        gc.unfreeze()


def seed_extraction(warm_corpus: str) -> dict[str, Any]:
    """The five seed news pages extracted once, with cold caches (a fresh process, warmed
    on one generated document so that regexes and rules are loaded, not names or stems)."""
    from checker.extract.segment import split_sentences
    from checker.ingest import discover, load_documents
    from checker.parallel import extract_documents
    from checker.rules import load_rules

    docs, _ = load_documents(discover(REPO / "seeds"), REPO)
    warm_root = Path(warm_corpus)
    warm, _ = load_documents(discover(warm_root / "seeds")[:1], warm_root)
    ruleset, _ = load_rules([RULES])
    extract_documents(warm, ruleset, 0.5)
    t: dict[str, float] = {}
    with timed(t, "extract"):
        _as_extract_runs(partial(extract_documents, docs, ruleset, 0.5))
    with timed(t, "split"):
        for d in docs:
            split_sentences(d.text)
    return {"documents": len(docs), "bytes": sum(len(d.text.encode("utf-8")) for d in docs),
            "seconds": t}


def seed_extraction_median(warm_corpus: str, runs: int = 5) -> dict[str, Any]:
    """`seed_extraction` in `runs` fresh processes; MB/s from the median time."""
    found = [in_fresh_process("seed_extraction", warm_corpus=warm_corpus) for _ in range(runs)]
    extract = sorted(r["seconds"]["extract"] for r in found)[runs // 2]
    split = sorted(r["seconds"]["split"] for r in found)[runs // 2]
    nbytes = found[0]["bytes"]
    return {"documents": found[0]["documents"], "bytes": nbytes, "runs": runs,
            "extract_mb_per_s_per_core": _mb_per_s(nbytes, extract),
            "splitter_mb_per_s": _mb_per_s(nbytes, split)}


def terms(corpus: str, counts: list[int]) -> dict[str, Any]:
    """Term-rule matching in process: MB/s with 1, 100, 1000 rules over the corpus text."""
    from bench.wordlist import term_rules
    from checker.rules.terms import TermMatcher

    files = sorted((Path(corpus) / "seeds").glob("*.txt"))
    out: dict[str, Any] = {"files": len(files)}
    t: dict[str, float] = {}
    with timed(t, "read"):
        texts = [f.read_text("utf-8") for f in files]
    nbytes = sum(f.stat().st_size for f in files)
    out["bytes"] = nbytes
    for n in counts:
        with timed(t, f"compile_{n}"):
            matcher = TermMatcher(term_rules(n))
        with timed(t, f"match_{n}"):
            hits = sum(len(matcher.find(text)) for text in texts)
        out[str(n)] = {"hits": hits, "match_s": t[f"match_{n}"], "compile_s": t[f"compile_{n}"],
                       "mb_per_s": _mb_per_s(nbytes, t[f"match_{n}"])}
    out["read_s"] = t["read"]
    out["load_average"] = load_average()
    return out


def cached_check(corpus: str, cache_dir: str, jobs: int) -> dict[str, Any]:
    """One `run_check` with the cache and `jobs` (bench/integrate.py)."""
    from bench.integrate import cached_run

    return cached_run(Path(corpus), RULES, Path(cache_dir), jobs)


def in_fresh_process(task: str, **kwargs: Any) -> dict[str, Any]:
    """One of TASKS in a new process (`python -m bench.worker`), as each `claimcheck check`
    runs: no cache, heap or collector state carried over from earlier measurements."""
    proc = subprocess.run([sys.executable, "-m", "bench.worker", task, json.dumps(kwargs)],
                          cwd=REPO, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench worker {task} {kwargs} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def incremental(corpus: str, jobs: int) -> dict[str, Any]:
    """Full runs (no cache) in one process and with `jobs`, cold cache with `jobs`, warm
    cache unchanged, warm cache after editing one document, and the full runs again; each in
    its own process, like each `claimcheck check`. The full runs bracket the cached ones, so
    the ratios are measured side by side even if the machine's speed drifts during the
    benchmark. The target's ratio is against the full run with the same `jobs` (what
    `claimcheck check` without a cache does); the one-process ratio is kept beside it, as
    the benchmarks before the nineteenth session reported it."""
    root = Path(corpus)
    cache_dir = root / ".claimcheck-cache"
    _remove_tree(cache_dir)
    args = {"corpus": corpus, "cache_dir": str(cache_dir), "jobs": jobs}
    runs: dict[str, Any] = {"full": _full_run(corpus), "full_jobs": _full_run(corpus, jobs),
                            "cold": in_fresh_process("cached_check", **args),
                            "warm": in_fresh_process("cached_check", **args)}
    documents = sorted((root / "seeds").glob("*.txt"))
    victim = documents[14 % len(documents)]  # the same document in every bench so far
    original = victim.read_bytes()
    edited = []
    try:
        # Each run after another edit of the same document (a figure no run saw before):
        # one run's time moved by a fifth with the machine's moment, so the median of three.
        for figure in EDITED_FIGURES:
            victim.write_bytes(original + f"Norvex Dynamics employs {figure} people in "
                                          f"Lahore.\n".encode())
            edited.append(in_fresh_process("cached_check", **args))
    finally:
        victim.write_bytes(original)
    runs["one_changed"] = median_run(edited, "total_s")
    runs["one_changed_runs_s"] = [run["total_s"] for run in edited]
    runs["one_changed_reports"] = sorted({run["report_sha256"] for run in edited})
    runs["command"] = _command_runs(root, cache_dir, jobs, victim, original)
    runs["full_after"] = _full_run(corpus)
    runs["full_jobs_after"] = _full_run(corpus, jobs)
    runs["jobs"] = jobs
    runs["changed_document"] = victim.name
    runs["load_average"] = load_average()
    runs["peak_rss_mb"] = peak_rss_children_mb()
    _remove_tree(cache_dir)
    return runs


def _command_runs(root: Path, cache_dir: Path, jobs: int, victim: Path,
                  original: bytes) -> dict[str, Any]:
    """`claimcheck check` itself, as a user runs it: a fresh interpreter, its imports, the
    reports written (json and md) and its exit, which `run_check`'s times leave out. A run
    without cache, then one with the cache after another edit of the same document (a
    figure the last cached run did not see, so it is an edited run); wall times."""
    import tempfile

    def timed_command(*extra: str) -> dict[str, Any]:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "checker", "check", "--rules", str(RULES), "--out", out,
                 "--fail-on", "never", "--jobs", str(jobs), *extra],
                cwd=root, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - start
            report = Path(out, "report.json").read_bytes() if proc.returncode == 0 else b""
        if proc.returncode != 0:
            raise RuntimeError(f"claimcheck check {extra} failed:\n{proc.stderr[-3000:]}")
        return {"seconds": round(seconds, 4),
                "report_sha256": hashlib.sha256(report).hexdigest()[:16]}

    full = timed_command("--no-cache")
    edited = []
    try:
        for figure in COMMAND_FIGURES:
            victim.write_bytes(original + f"Norvex Dynamics employs {figure} people in "
                                          f"Lahore.\n".encode())
            edited.append(timed_command("--cache-dir", str(cache_dir)))
    finally:
        victim.write_bytes(original)
    middle = median_run(edited, "seconds")
    return {"full": full, "one_changed": middle,
            "one_changed_runs_s": [run["seconds"] for run in edited],
            "ratio": round(middle["seconds"] / full["seconds"], 3)}


# The figures the edited runs write into the changed document, one a run: each is new to
# the cache, so every run is an edited run (the command's follow `run_check`'s).
EDITED_FIGURES = ("9,900", "9,902", "9,903")
COMMAND_FIGURES = ("9,901", "9,904", "9,905")


def median_run(runs: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The run whose `key` (its time) is the median of an odd number of runs."""
    return sorted(runs, key=lambda run: run[key])[len(runs) // 2]


def _full_run(corpus: str, jobs: int = 1) -> dict[str, Any]:
    """`pipeline` in a fresh process: its time, stages and report hash."""
    full = in_fresh_process("pipeline", corpus=corpus, jobs=jobs)
    return {k: full[k] for k in ("total_s", "stages_s", "report_sha256", "documents")}


def claim_files(corpus: str, max_docs: int) -> dict[str, Any]:
    """Reading claim files (what a CI check of curated claims reads first): the claims of
    `max_docs` generated documents written as claim files, then read back the fast way
    (C parser, a schema gate) and the careful way (round-trip parser, every position)."""
    import tempfile

    from checker import claimfiles
    from checker.ingest import discover, load_documents
    from checker.parallel import extract_documents
    from checker.rules import load_rules

    root = Path(corpus)
    docs, _ = load_documents(discover(root / "seeds")[:max_docs], root)
    ruleset, _ = load_rules([RULES])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        paths = []
        for model in extract_documents(docs, ruleset, 0.5):
            path = out / f"{model.document.id}.yaml"
            path.write_text(claimfiles.render_claim_file(model, out), encoding="utf-8")
            paths.append(path)
        nbytes = sum(p.stat().st_size for p in paths)
        t: dict[str, float] = {}
        with timed(t, "fast"):
            fast = [claimfiles.load_claim_file(p, p.name)[0] for p in paths]
        took = sum(1 for p in paths if claimfiles._load_fast(p.read_bytes(), p, p.name) is not None)
        fast_path, claimfiles._load_fast = claimfiles._load_fast, lambda *_: None
        try:
            with timed(t, "careful"):
                careful = [claimfiles.load_claim_file(p, p.name)[0] for p in paths]
        finally:
            claimfiles._load_fast = fast_path
    return {"files": len(paths), "bytes": nbytes, "seconds": t, "fast_path_files": took,
            "fast_mb_per_s": _mb_per_s(nbytes, t["fast"]),
            "careful_mb_per_s": _mb_per_s(nbytes, t["careful"]),
            "identical": all(a is not None and b is not None and a.model == b.model
                             and a.lines == b.lines for a, b in zip(fast, careful, strict=True)),
            "load_average": load_average()}


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def html_load(corpus: str, jobs: int) -> dict[str, Any]:
    """The HTML report of the corpus opened in headless Chromium (bench/htmlload.py)."""
    from bench.htmlload import html_load as measure

    return measure(corpus, jobs)


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "pipeline": pipeline, "compare_scale": compare_scale, "extraction": extraction,
    "extraction_pass": extraction_pass,
    "claim_files": claim_files,
    "write_claims_input": write_claims_input,
    "terms": terms, "incremental": incremental, "cached_check": cached_check,
    "seed_extraction": seed_extraction, "seed_extraction_median": seed_extraction_median,
    "html_load": html_load,
}
