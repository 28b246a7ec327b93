"""Scores, verdicts and the verdict store do not depend on the process's string-hash seed
(set iteration order): a verdict stored by one run is the verdict the next run would give."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = """
import hashlib
from bench.claims import checker_corpus
from checker.corpusnorm import normalise_corpus
from checker.compare.blocking import BlockIndex
from checker.compare.similarity import coverage, similarity
from checker.compare.verdict import judge
import json
from checker.rules import load_rules
from tests.bench.corpora import RULES, generated

ruleset, _ = load_rules([RULES])
corpus = checker_corpus(generated(60))
norm, _ = normalise_corpus(corpus, ruleset)
index = BlockIndex(norm)
digest = hashlib.sha256()
for i, j in index.pairs():
    s = similarity(norm[i], norm[j], index.idf)
    c = coverage(norm[i], norm[j], index.idf)
    digest.update(f"{s.entities.hex()} {s.frame.hex()} {s.combined.hex()} {c.hex()}".encode())
    v = judge(norm[i], norm[j], index, ruleset.lexicon)
    digest.update(json.dumps([v.label, v.reason, v.confidence.hex(), v.similarity.hex(),
                              v.details], sort_keys=True).encode())
# The verdict store a run writes is the same file too.
import pathlib, tempfile
from checker.compare import compare
from checker.compare.store import VerdictFile
store = pathlib.Path(tempfile.mkdtemp()) / "verdicts.json"
states = {dc.doc.id: dc.doc.sha256 for dc in corpus.docs}
compare(norm, ruleset.lexicon, {d: None for d in states}, memory=VerdictFile(store, "fp", states))
digest.update(store.read_bytes())
print(digest.hexdigest())
"""


def _scores(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=REPO, env=env,
                          capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def test_scores_are_the_same_bits_under_any_hash_seed() -> None:
    first = _scores("1")
    assert len(first) == 64
    assert all(_scores(seed) == first for seed in ("2", "3", "12345"))
