"""Comparison: candidate pairs from the block index, a verdict for each, then findings
grouped (corroborations by connected claims). Map (pairs) and reduce (groups) are pure
functions of their inputs, so blocks can be judged anywhere and merged.

The comparison (`checker.compare.pairs`) is imported on first use of its names here, so
that importing one of its light modules (`checker.compare.blocking` for the options of a
check) does not import all of it: a command that never compares does not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.compare.pairs import CompareResult as CompareResult
    from checker.compare.pairs import Corroboration as Corroboration
    from checker.compare.pairs import CountedPairs as CountedPairs
    from checker.compare.pairs import PairResult as PairResult
    from checker.compare.pairs import compare as compare
    from checker.compare.pairs import judge_pairs as judge_pairs
    from checker.compare.pairs import kept as kept
    from checker.compare.pairs import kept_verdicts as kept_verdicts
    from checker.compare.pairs import reduce_pairs as reduce_pairs
    from checker.compare.pairs import worth_judging as worth_judging

_FROM_PAIRS = frozenset({
    "CompareResult", "Corroboration", "CountedPairs", "PairResult", "compare", "judge_pairs",
    "kept", "kept_verdicts", "reduce_pairs", "worth_judging",
})


def __getattr__(name: str) -> Any:
    """The comparison's names, importing it on first use (PEP 562)."""
    if name in _FROM_PAIRS:
        return getattr(importlib.import_module("checker.compare.pairs"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
