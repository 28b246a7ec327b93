"""The readable side of bench.json: how each figure is measured, targets met or not, and
the tables `make bench` prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.cpus import auto_jobs

METHOD = {
    "wall_time": "time.perf_counter around the stage; stages as the pipeline's Stopwatch "
                 "records them (ingest shown without the extraction it contains)",
    "peak_memory": "resource.getrusage(RUSAGE_SELF).ru_maxrss of the measuring process "
                   "(whole process: interpreter, input and working data); each measurement "
                   "runs in a fresh process",
    "pipeline": "run_check on a generated corpus without claim files: every document is "
                "extracted on the fly; one process, no cache",
    "compare_scale": "claims built straight from the generator (no extraction), held in "
                     "memory; check_corpus (normalise, compare, rules) + build_report timed; "
                     "with --jobs the rules (the documents' own checks) run beside the "
                     "comparison since the eighth session, and the rules stage is the wait "
                     "for them",
    "compare_repeats": "the largest size (one process, and with --jobs) runs --repeats "
                       "times, each in a fresh process; the run of median total time is "
                       "reported and checked, every run's total is in runs_total_s",
    "exponent": "log(t2/t1) / log(n2/n1) of total time between consecutive sizes",
    "extraction": "checker.parallel.extract_documents (the product's path) over the first N "
                  "documents of the largest corpus, one process, after one warm-up "
                  "document, with the collector paused and the claims frozen at the end "
                  "as `claimcheck extract` and `check` run it; the median of three passes, "
                  "each in a fresh process (since the 51st session; before, three passes "
                  "in one process, whose later passes found the lines they classify "
                  "remembered: that figure is still reported, 'in one process'); the "
                  "floor is split_sentences alone over the same texts; the jobs figure is "
                  "the same call with --jobs",
    "terms_in_process": "TermMatcher.find over each document's full text, files read "
                        "beforehand; rule compilation timed separately",
    "terms_cli": "each tool started as a command with subprocess, wall clock from start to "
                 "exit, nothing subtracted (start-up, dictionary loading, reading, matching); "
                 "same .txt files, same misspelling list (codespell -D file; typos "
                 "[default.extend-words], which adds to typos' built-in dictionary)",
    "startup": "the CLI on the repository's seeds project (5 documents and their claim "
               "files), each command a subprocess (`python -m checker`), wall clock from "
               "start to exit, 5 rounds in turn, the median reported; the package "
               "byte-compiled first, as an installed package is",
    "html_load": "the largest corpus checked with --jobs (no cache), its HTML report "
                 "rendered with the documents (checker.reporting.html.render_with_sources), "
                 "written and opened in headless Chromium from a file: seconds to DOM "
                 "interactive and to the end of the load event (Navigation Timing)",
    "incremental": "run_check with the cache and --jobs, each run in a fresh process "
                   "(bench/integrate.py): full runs (no cache) in one process and with "
                   "--jobs, cold cache, warm cache, one document edited, the full runs again; "
                   "ratio = edited-run time / mean of the two full runs with the same --jobs "
                   "that bracket it (the one-process ratio beside it); then the command "
                   "itself (python -m checker check, reports written, its exit) without "
                   "cache and after another edit, wall times, as incremental_command",
    "accuracy": "findings mapped back to the generated sentences by document and span: "
                "conflicts as document pairs stating one fact in two versions, "
                "corroborations as one fact in one version across documents (a finding "
                "counts only when all its statements are of that fact and version), "
                "misspellings by place",
}


def _get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def checks(result: dict[str, Any]) -> dict[str, Any]:
    """Each target with the measured value and whether it is met."""
    t = result["targets"]
    out: dict[str, Any] = {}
    big = max(result["compare_scale"], key=lambda r: r["claims"], default=None)
    if big:
        out["compare_time"] = _check(big["total_s"], t["compare_200k_s"], f"{big['claims']:,} "
                                     "claims compared and reported (s)")
        out["compare_memory"] = _check(max(big.get("runs_peak_rss_mb", [big["peak_rss_mb"]])),
                                       t["peak_rss_mb"], "peak RSS, the largest of every run (MB)")
    par = result.get("compare_scale_jobs")
    if par:
        jobs = par["jobs"]
        # What a run with --jobs left unset uses on this machine (`checker.cpus.auto_jobs`):
        # when it is this --jobs, the figure is the product's default run.
        auto = auto_jobs(par["documents"])
        default = "; as with --jobs left unset here" if auto == jobs else ""
        out["compare_time_jobs"] = _check(par["total_s"], t["compare_200k_s"],
                                          f"{par['claims']:,} claims compared and reported "
                                          f"with --jobs {jobs} (s){default}")
        out["compare_memory_jobs"] = _check(
            max(par.get("runs_peak_rss_mb", [max(par["peak_rss_mb"],
                                                 par["peak_rss_workers_mb"])])),
            t["peak_rss_mb"],
            f"peak RSS of the parent or any worker with --jobs {jobs}, every run (MB)")
        out["compare_jobs_identical"] = {
            "met": big is not None and par["report_sha256"] == big["report_sha256"]
            and par.get("runs_identical", True) and big.get("runs_identical", True),
            "what": f"--jobs {jobs} gives the one-process report (every run of it)"}
    if result["compare_growth"]:
        k = result["compare_growth"][-1]["exponent_claims"]
        out["compare_exponent"] = _check(k, t["compare_exponent"], "growth exponent")
    ext = result.get("extraction", {}).get("extract_mb_per_s_per_core")
    if ext is not None:
        out["extraction"] = _check(ext, t["extract_mb_per_s_per_core"], "MB/s per core",
                                   higher=True)
    out.update(_term_checks(result, t["typos_factor"]))
    inc = result.get("incremental")
    if inc:
        ratio = inc["one_changed"]["total_s"] / full_time(inc, "full_jobs")
        out["incremental"] = _check(round(ratio, 3), t["incremental_ratio"],
                                    f"edited-run / full-run time, both with --jobs "
                                    f"{inc.get('jobs', '')} (full: mean of the runs before "
                                    f"and after)")
        one = inc["one_changed"]["total_s"] / full_time(inc, "full")
        out["incremental_one_process"] = _check(
            round(one, 3), t["incremental_ratio"],
            "the same edited run / a full run in one process (the ratio benchmarks reported "
            "before the nineteenth session)")
        command = inc.get("command")
        if command:
            out["incremental_command"] = _check(
                command["ratio"], t["incremental_ratio"],
                "the same as `claimcheck check` itself: an edited run / a run without "
                "cache, each with its start, imports, reports written and exit")
        hashes = {inc[k]["report_sha256"] for k in
                  ("cold", "warm", "full", "full_after", "full_jobs", "full_jobs_after")}
        edited = inc.get("one_changed_reports", [inc["one_changed"]["report_sha256"]])
        out["incremental_identical"] = {
            "met": len(hashes) == 1 and len(edited) == 1,
            "what": "cold-cache --jobs run, warm-cache run and the plain runs (one process "
                    "and --jobs) give one report; the edited runs give one report"}
    return out


def full_time(inc: dict[str, Any], key: str = "full_jobs") -> float:
    """A full run's time: the mean of the two that bracket the cached runs (`key`: "full"
    for one process, "full_jobs" for the cached runs' --jobs)."""
    return float((inc[key]["total_s"] + inc[f"{key}_after"]["total_s"]) / 2)


def _term_checks(result: dict[str, Any], factor: float) -> dict[str, Any]:
    cli = result.get("terms_cli")
    if not cli:
        return {}
    row = cli["1000"]
    ours = row["claimcheck"]["seconds"]
    out: dict[str, Any] = {}
    if "codespell" in row:
        out["terms_vs_codespell"] = _check(ours, row["codespell"]["seconds"],
                                           "claimcheck s vs codespell s (1,000 rules)")
    if "typos_1_thread" in row:
        limit = factor * row["typos_1_thread"]["seconds"]
        out["terms_vs_typos"] = _check(ours, round(limit, 3),
                                       "claimcheck s vs 2 x typos s (1,000 rules, 1 thread)")
    return out


def _check(value: float | None, limit: float, what: str, higher: bool = False
           ) -> dict[str, Any]:
    met = value is not None and (value >= limit if higher else value <= limit)
    return {"value": value, "limit": limit, "met": met, "what": what}


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table, right-aligned numbers."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True))
    body = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, "-" * len(line), *body])


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _stage(row: dict[str, Any], name: str) -> float | None:
    value: float | None = row["stages_s"].get(name)
    return value


def _pipeline(result: dict[str, Any]) -> str:
    stages = ["rules-load", "ingest", "extract", "normalise", "compare", "rules", "report"]
    rows = [[r["size"], r["claims"], round(r["bytes"] / 2**20, 2),
             *[_stage(r, s) for s in stages], r["total_s"], r["cpu_s"], r["claims_per_s"],
             r["peak_rss_mb"], r["load_average"]] for r in result["pipeline"]]
    head = table(["docs", "claims", "MB", *stages, "total s", "cpu s", "claims/s", "peak MB",
                  "load"], rows)
    grow = table(["from", "to", "k wall/claims", "k wall/docs", "k cpu/claims"],
                 [[g["from"], g["to"], g["exponent_claims"], g["exponent_documents"],
                   g["exponent_cpu_claims"]] for g in result["pipeline_growth"]])
    return f"Pipeline (run_check, extraction on the fly), seconds per stage\n{head}\n\n" \
           f"Growth exponent of total time\n{grow}"


def _compare(result: dict[str, Any]) -> str:
    stages = ["normalise", "compare", "rules", "report"]
    rows = [[r["claims"], r["documents"], *[_stage(r, s) for s in stages], r["total_s"],
             r["cpu_s"], r["claims_per_s"], r["rss_before_mb"], r["peak_rss_mb"],
             r["load_average"]] for r in result["compare_scale"]]
    if result.get("compare_scale_jobs"):
        r = result["compare_scale_jobs"]
        rows.append([f"{r['claims']} (--jobs {r['jobs']})", r["documents"],
                     *[_stage(r, s) for s in stages], r["total_s"], r["cpu_s"],
                     r["claims_per_s"], r["rss_before_mb"],
                     f"{r['peak_rss_mb']} (workers {r['peak_rss_workers_mb']})",
                     r["load_average"]])
    head = table(["claims", "docs", *stages, "total s", "cpu s", "claims/s", "RSS before",
                  "peak MB", "load"], rows)
    grow = " ".join(f"{g['from']:,} -> {g['to']:,}: k = {g['exponent_claims']} (wall), "
                    f"{g['exponent_cpu_claims']} (cpu)" for g in result["compare_growth"])
    runs = [r for r in [*result["compare_scale"], result.get("compare_scale_jobs")]
            if r and len(r.get("runs_total_s", [])) > 1]
    repeats = "".join(f"\n{r['claims']:,} claims, --jobs {r['jobs']}: median of "
                      f"{', '.join(map(str, r['runs_total_s']))} s" for r in runs)
    return f"Comparison scale (claims without extraction)\n{head}\nGrowth: {grow}{repeats}"


def _extraction(result: dict[str, Any]) -> str:
    e = result["extraction"]
    runs = f", median of {e['runs']}" if e.get("runs") else ""
    rows = [[f"{e['documents']} generated{runs}", round(e["bytes"] / 2**20, 2),
             e["extract_mb_per_s_per_core"], e.get("extract_mb_per_s_in_one_process", "-"),
             e["splitter_mb_per_s"], e["extract_mb_per_s_jobs"], e["jobs_identical"]]]
    seeds = e.get("seeds")
    if seeds:
        rows.append([f"{seeds['documents']} seed pages (median of {seeds['runs']} cold runs)",
                     round(seeds["bytes"] / 2**20, 3), seeds["extract_mb_per_s_per_core"],
                     "-", seeds["splitter_mb_per_s"], "-", "-"])
    native = f"\nExtraction: {e['native']}" if e.get("native") else ""
    return table(["docs", "MB", "extract MB/s/core", "in one process", "splitter MB/s",
                  f"jobs={e['jobs']} MB/s", "identical"], rows) + native


def _claim_files(result: dict[str, Any]) -> str:
    c = result.get("claim_files")
    if not c:
        return ""
    return "Reading claim files\n" + table(
        ["files", "MB", "fast path files", "fast MB/s", "careful MB/s", "identical"],
        [[c["files"], round(c["bytes"] / 2**20, 2), c["fast_path_files"], c["fast_mb_per_s"],
          c["careful_mb_per_s"], c["identical"]]])


def _terms(result: dict[str, Any]) -> str:
    t = result["terms"]
    rows = [[n, t[n]["hits"], t[n]["compile_s"], t[n]["match_s"], t[n]["mb_per_s"]]
            for n in ("1", "100", "1000")]
    out = "Term rules in process (TermMatcher)\n" + table(
        ["rules", "hits", "compile s", "match s", "MB/s"], rows)
    cli = result.get("terms_cli")
    if cli:
        tools = [k for k in ("claimcheck", "codespell", "typos_1_thread", "typos")
                 if k in cli["1"]]
        rows = [[n, *[f"{cli[n][k]['seconds']:.2f} s {cli[n][k]['mb_per_s']:.2f} MB/s "
                      f"({cli[n][k]['hits']} hits)" for k in tools]] for n in ("1", "100", "1000")]
        out += f"\n\nTerm rules as commands on {cli['files']:,} files " \
               f"({cli['bytes'] / 2**20:.2f} MB), wall clock\n" + table(["rules", *tools], rows)
    return out


def _accuracy(result: dict[str, Any]) -> str:
    rows = []
    for label, r in [(f"{p['size']:,} docs", p) for p in result["pipeline"]] + \
                    [(f"{c['claims']:,} claims*", c) for c in result["compare_scale"]]:
        a = r["accuracy"]
        rows.append([label, a["conflicts"]["precision"], a["conflicts"]["recall_pairs"],
                     a["conflicts"]["recall_planted"], a["corroborations"]["precision"],
                     a["corroborations"]["recall"], a["misspellings"]["precision"],
                     a["misspellings"]["recall"]])
    return "Accuracy on the planted truth (* claims built without extraction)\n" + table(
        ["run", "conflict P", "conflict R pairs", "R planted", "corrob P", "corrob R",
         "spell P", "spell R"], rows)


def _incremental(result: dict[str, Any]) -> str:
    inc = result.get("incremental")
    if not inc:
        return ""
    rows = []
    jobs = inc.get("jobs", "")
    for key, label in (("full", "full run (no cache, 1 process)"),
                       ("full_jobs", f"full run (no cache, --jobs {jobs})"),
                       ("cold", "cold cache"), ("warm", "warm cache, unchanged"),
                       ("one_changed", "warm cache, one document edited (median)"),
                       ("full_after", "full run again (1 process)"),
                       ("full_jobs_after", f"full run again (--jobs {jobs})")):
        rows.append([label, inc[key]["total_s"], inc[key]["report_sha256"]])
    command = inc.get("command")
    if command:
        rows += [["claimcheck check --no-cache (the command)", command["full"]["seconds"],
                  command["full"]["report_sha256"]],
                 ["claimcheck check, one document edited (the command, median)",
                  command["one_changed"]["seconds"],
                  command["one_changed"]["report_sha256"]]]
    return f"Incremental checks on {inc['full']['documents']:,} documents\n" + table(
        ["run", "total s", "report sha256"], rows)


def _startup(result: dict[str, Any]) -> str:
    s = result.get("startup")
    if not s:
        return ""
    labels = {"version": "claimcheck --version", "help": "claimcheck --help",
              "validate": "claimcheck validate", "check_no_cache": "claimcheck check --no-cache",
              "check_cold_cache": "claimcheck check (no cache yet)",
              "check_warm_cache": "claimcheck check (served by the cache)"}
    rows = [[label, s[key]["seconds"], s[key]["exit"]] for key, label in labels.items()
            if key in s]
    return (f"Commands on the seeds project ({s['documents']} documents), median of "
            f"{s['rounds']}\n" + table(["command", "s", "exit"], rows))


def _html(result: dict[str, Any]) -> str:
    h = result.get("html_load")
    if not h:
        return ""
    if "skipped" in h:
        return f"HTML report: not opened ({h['skipped']})"
    return (f"HTML report of {h['documents']:,} documents ({h['findings']:,} findings, "
            f"{h['bytes'] / 1e6:.0f} MB): rendered in {h['render_s']} s; in headless Chromium "
            f"interactive at {h['interactive_s']} s, loaded at {h['load_event_s']} s")


def _checks(result: dict[str, Any]) -> str:
    rows = [[name, c.get("what", ""), c.get("value", ""), c.get("limit", ""),
             "yes" if c["met"] else "NO"] for name, c in result["checks"].items()]
    return "Targets\n" + table(["check", "what", "value", "limit", "met"], rows)


def render(result: dict[str, Any]) -> str:
    """All tables."""
    m = result["machine"]
    parts = [f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gb']} GB, Python "
             f"{m['python']}, load {m['load_average_at_start']} at start",
             _pipeline(result), _compare(result), "Extraction throughput\n" + _extraction(result),
             _claim_files(result), _terms(result), _accuracy(result), _incremental(result),
             _startup(result), _html(result), _checks(result)]
    return "\n\n".join(p for p in parts if p) + "\n"
