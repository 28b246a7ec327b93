"""Defaults that command-line options show, kept apart from the code that uses them, so
that parsing a command's options imports no more than this (the command line starts
before extraction, comparison or the models are loaded: see `checker.cli`)."""

from __future__ import annotations

from pathlib import Path

# A drafted claim is written when its check-worthiness score reaches this.
DEFAULT_THRESHOLD = 0.5
# Extracted and normalised claims, verdicts and findings of earlier runs (safe to delete).
CACHE_DIR = ".claimcheck-cache"
# Review decisions that `check` honours and `review` writes.
DECISIONS_PATH = Path("reviews") / "decisions.yaml"
