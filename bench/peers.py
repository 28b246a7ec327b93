"""Term rules beside codespell and typos: the same files, the same misspelling list.

Each tool runs as a command (subprocess), timed with a wall clock from start to exit;
nothing is subtracted (interpreter start, dictionary loading, file reading all count).
Each runs ROUNDS times, the tools taking turns, and its median run is reported.
claimcheck's matcher runs the same way through `python -m bench.termscan`.

- codespell gets a dictionary file (`-D words.txt`, which replaces its built-in lists);
- typos gets a config (`[default.extend-words]`); typos cannot switch its built-in
  dictionary off, so it checks more words than the others (its hit count shows it).
  It runs with `--threads 1` (one core, like the others) and with its default threads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.measure import REPO
from bench.wordlist import codespell_dictionary, term_rules, typos_config

ROUNDS = 3  # runs of each command; the median is reported


def _tool(name: str) -> str | None:
    """The tool installed beside this Python, else on PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    seconds = time.perf_counter() - start
    lines = proc.stdout.splitlines()
    return {"seconds": round(seconds, 3), "exit": proc.returncode, "output_lines": len(lines),
            "first_line": lines[0][:200] if lines else "", "stderr": proc.stderr.strip()[-300:]}


def _rounds(commands: dict[str, tuple[list[str], dict[str, str] | None]], cwd: Path
            ) -> dict[str, dict[str, Any]]:
    """Each command ROUNDS times, the tools taking turns in each round (the machine's speed
    drifts: one run each compared 1.73 s with 1.31 s one day and 1.10 s with 1.17 s the
    other, the code unchanged); each tool's median run, with every time."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in commands}
    for _ in range(ROUNDS):
        for name, (cmd, env) in commands.items():
            runs[name].append(_run(cmd, cwd, env))
    out = {}
    for name, results in runs.items():
        ordered = sorted(results, key=lambda r: r["seconds"])
        out[name] = {**ordered[len(ordered) // 2],
                     "runs_seconds": [r["seconds"] for r in results]}
    return out


def write_term_rules(path: Path, count: int) -> Path:
    """A rule file of `count` term rules (`bench.wordlist.term_rules`), for termscan to read
    as `claimcheck check` reads its rules; JSON, which is YAML too."""
    rules = [r.model_dump(mode="json", by_alias=True, exclude_defaults=True)
             for r in term_rules(count)]
    path.write_text(json.dumps({"schema_version": "1", "rules": rules}, ensure_ascii=False,
                               indent=1), encoding="utf-8")
    return path


def run_peers(corpus: Path, counts: list[int], work: Path) -> dict[str, Any]:
    """Time claimcheck (termscan), codespell and typos for each rule count."""
    seeds = corpus / "seeds"
    files = sorted(p.name for p in seeds.glob("*.txt"))
    nbytes = sum((seeds / f).stat().st_size for f in files)
    work.mkdir(parents=True, exist_ok=True)
    file_list = work / "files.txt"
    file_list.write_text("\n".join(files) + "\n", encoding="utf-8")
    codespell, typos = _tool("codespell"), _tool("typos")
    out: dict[str, Any] = {"files": len(files), "bytes": nbytes,
                           "codespell": codespell is not None, "typos": typos is not None}
    for n in counts:
        rules = write_term_rules(work / f"terms-{n}.yaml", n)
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "claimcheck": ([sys.executable, "-m", "bench.termscan", str(rules),
                            str(file_list)], _repo_env())}
        if codespell:
            words = work / f"codespell-{n}.txt"
            words.write_text(codespell_dictionary(n), encoding="utf-8")
            commands["codespell"] = ([codespell, "-D", str(words), *files], None)
        if typos:
            config = work / f"typos-{n}.toml"
            config.write_text(typos_config(n), encoding="utf-8")
            base = [typos, "--config", str(config), "--isolated", "--format", "brief",
                    "--no-check-filenames", "--file-list", str(file_list)]
            commands["typos_1_thread"] = ([*base, "--threads", "1"], None)
            commands["typos"] = (base, None)
        row = _rounds(commands, seeds)
        for name, result in row.items():
            result["mb_per_s"] = round(nbytes / 2**20 / result["seconds"], 3)
            # termscan prints its hit count; the others print one line per hit.
            result["hits"] = int(result["first_line"] or 0) if name == "claimcheck" \
                else result["output_lines"]
        out[str(n)] = row
    return out


def _repo_env() -> dict[str, str]:
    """termscan imports `bench` from the repository, whatever the working directory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    return env
