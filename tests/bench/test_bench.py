"""The benchmark runner: word lists for the peers, growth exponents, and a tiny full run."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from bench import report, run, startup
from bench.wordlist import codespell_dictionary, term_rules, typos_config, word_pairs
from bench.words import misspellings


def test_misspellings_are_distinct_and_not_words() -> None:
    pairs = misspellings(1000)
    assert len({w for w, _ in pairs}) == 1000
    assert all(w != r for w, r in pairs)


@pytest.mark.parametrize("count", [1, 100, 1000])
def test_one_list_three_encodings(count: int) -> None:
    rules = term_rules(count)
    assert len(rules) == count and len({r.id for r in rules}) == count
    pairs = word_pairs(count)
    lines = codespell_dictionary(count).splitlines()
    assert [tuple(line.split("->")) for line in lines] == pairs
    config = tomllib.loads(typos_config(count))["default"]["extend-words"]
    assert sorted(config.items()) == pairs
    assert len(pairs) == count - 1 + 4  # change-spelling gives its four one-word variants


def test_exponent() -> None:
    assert run.exponent(1.0, 10.0, 1000, 10_000) == 1.0
    assert run.exponent(1.0, 100.0, 1000, 10_000) == 2.0
    assert run.exponent(0.0, 1.0, 1, 2) is None


def test_tiny_run_writes_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = run.main(["--sizes", "8,16", "--claims", "120,240", "--extract-docs", "6",
                       "--corpus-dir", str(tmp_path / "corpus"), "--skip-peers",
                       "--skip-startup", "--repeats", "3", "--out", str(out)])
    data = json.loads(out.read_text())
    assert [p["size"] for p in data["pipeline"]] == [8, 16]
    assert {"ingest", "extract", "normalise", "compare", "rules", "report"} <= \
        set(data["pipeline"][0]["stages_s"])
    assert data["compare_scale"][1]["claims"] > data["compare_scale"][0]["claims"]
    # The largest size three times (the median reported), the others once.
    largest, jobs = data["compare_scale"][1], data["compare_scale_jobs"]
    assert [len(r["runs_total_s"]) for r in (data["compare_scale"][0], largest, jobs)] == \
        [1, 3, 3]
    assert largest["total_s"] == sorted(largest["runs_total_s"])[1]
    assert data["checks"]["compare_memory"]["value"] == max(largest["runs_peak_rss_mb"])
    assert data["checks"]["compare_jobs_identical"]["met"] is True
    assert data["extraction"]["jobs_identical"] is True
    # The figure is the median of three passes each in a fresh process; the three passes in
    # one process are beside it; the run says whether extraction was compiled.
    ext = data["extraction"]
    assert len(ext["extract_runs_s"]) == len(ext["extract_in_one_process_runs_s"]) == 3
    assert abs(ext["seconds"]["extract"] - sorted(ext["extract_runs_s"])[1]) < 1e-3
    assert ext["extract_mb_per_s_per_core"] == round(
        ext["bytes"] / 2**20 / ext["seconds"]["extract"], 3)
    assert ext["native"].startswith(("compiled", "pure Python"))
    assert data["checks"]["extraction"]["value"] == ext["extract_mb_per_s_per_core"]
    assert set(data["terms"]) >= {"1", "100", "1000"}
    assert data["checks"]["incremental_identical"]["met"] is True
    inc = data["incremental"]
    assert {"full", "full_jobs", "cold", "warm", "one_changed", "full_after",
            "full_jobs_after"} <= set(inc)
    # The target's ratio is against full runs with the cached runs' --jobs; the
    # one-process ratio is beside it.
    assert inc["jobs"] == 2
    assert data["checks"]["incremental"]["value"] == round(
        inc["one_changed"]["total_s"] / ((inc["full_jobs"]["total_s"]
                                          + inc["full_jobs_after"]["total_s"]) / 2), 3)
    assert data["checks"]["incremental_one_process"]["value"] == round(
        inc["one_changed"]["total_s"] / ((inc["full"]["total_s"] + inc["full_after"]["total_s"])
                                         / 2), 3)
    assert inc["full_jobs"]["report_sha256"] == inc["full"]["report_sha256"]
    # Three edited runs, each after another edit; the median is the figure, one report.
    assert len(inc["one_changed_runs_s"]) == 3
    assert inc["one_changed"]["total_s"] == sorted(inc["one_changed_runs_s"])[1]
    assert inc["one_changed_reports"] == [inc["one_changed"]["report_sha256"]]
    # The command itself, timed as a user runs it (its start, reports and exit included).
    command = inc["command"]
    assert command["full"]["seconds"] > 0 and command["one_changed"]["seconds"] > 0
    assert command["full"]["report_sha256"] != command["one_changed"]["report_sha256"]
    assert data["checks"]["incremental_command"]["value"] == round(
        command["one_changed"]["seconds"] / command["full"]["seconds"], 3)
    assert command["one_changed"]["seconds"] == sorted(command["one_changed_runs_s"])[1]
    assert "one document edited (the command, median)" in report.render(data)
    assert result["machine"]["nproc"]
    # The HTML report opened in headless Chromium (where there is one: CI installs it).
    html = data["html_load"]
    assert html["documents"] == 16 and html["bytes"] > 0
    assert "skipped" in html or html["load_event_s"] >= html["interactive_s"] >= 0
    assert "HTML report of 16 documents" in report.render(data) or "skipped" in html


def test_make_bench_entry_point_runs() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "bench.run", "--help"], cwd=run.REPO,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("usage:")


def test_the_jobs_figure_says_when_it_is_the_default_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.report import checks
    from checker import cpus

    big = {"claims": 199_625, "total_s": 78.0, "peak_rss_mb": 1700.0, "report_sha256": "x"}
    par = {**big, "total_s": 45.0, "jobs": 2, "documents": 28_541, "peak_rss_workers_mb": 1.0}
    result = {"targets": {"compare_200k_s": 60.0, "peak_rss_mb": 2048.0, "typos_factor": 2.0},
              "compare_scale": [big], "compare_scale_jobs": par, "compare_growth": []}
    monkeypatch.setattr(cpus, "available_cpus", lambda: 2)
    found = checks(result)["compare_time_jobs"]
    assert found["met"] and found["what"].endswith("as with --jobs left unset here")
    monkeypatch.setattr(cpus, "available_cpus", lambda: 4)
    assert "left unset" not in checks(result)["compare_time_jobs"]["what"]


def test_peer_commands_take_turns_and_report_their_median(tmp_path: Path) -> None:
    import sys

    from bench import peers

    slow = [sys.executable, "-c", "import time, sys; time.sleep(0.05); print(sys.argv)"]
    rows = peers._rounds({"a": (slow, None), "b": ([sys.executable, "-c", "print(1)"], None)},
                         tmp_path)
    assert set(rows) == {"a", "b"}
    for row in rows.values():
        assert len(row["runs_seconds"]) == peers.ROUNDS
        assert row["seconds"] == sorted(row["runs_seconds"])[peers.ROUNDS // 2]
    assert rows["b"]["first_line"] == "1" and rows["a"]["seconds"] >= 0.05


def test_commands_on_the_seeds_project_report_their_medians(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "ROUNDS", 3)
    data = startup.run()
    assert data["documents"] == 5 and data["rounds"] == 3
    for name, _ in startup.COMMANDS:
        runs = data[name]["runs_seconds"]
        assert len(runs) == 3 and data[name]["seconds"] == sorted(runs)[1] > 0
        assert data[name]["exit"] == 0  # --fail-on never: the seeds' findings fail nothing
    shown = report._startup({"startup": data})
    assert "claimcheck check (served by the cache)" in shown
    assert report._fmt(data["validate"]["seconds"]) in shown
