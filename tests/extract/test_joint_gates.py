"""The cue gates read in one scan (extract.SENTENCE_GATES) give each part's own mask."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import SENTENCE_GATES
from checker.extract.attribution_cues import GATES as ATTRIBUTION_GATES
from checker.extract.dates import GATES as DATE_GATES
from checker.extract.gates import Gates, JointGates, gate_text
from checker.extract.quantities import GATES as QUANTITY_GATES
from checker.extract.worthiness import CUE_GATES, text_features
from checker.textutil import fold

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_joint_masks_are_the_parts_masks() -> None:
    parts = (DATE_GATES, QUANTITY_GATES, ATTRIBUTION_GATES, CUE_GATES)
    lines = [line.lower() for path in sorted(SEEDS.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines()]
    lines += ["", "between 5 and 10 per cent, officials said on 3rd may",
              "according to the ministry, 2024-05-01 12:30 dozens"]
    for line in lines:
        assert SENTENCE_GATES.masks(line) == tuple(g.mask(line) for g in parts), line


def test_quantity_gates_are_substring_tests() -> None:
    # find_quantities reads its cue words' presence off these bits (any_in before).
    lines = [line.lower() for path in sorted(SEEDS.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines()]
    lines += ["the third time in a row, section 5 of the first part", "a crowd of 4,000",
              "for the last five years running", "the majority"]
    for line in lines:
        mask = QUANTITY_GATES.mask(line)
        for bit, group in enumerate(QUANTITY_GATES.groups):
            assert bool(mask >> bit & 1) == any(n in line for n in group), (line, group)


def test_empty_groups_always_pass_in_their_part() -> None:
    a, b, c, d = Gates([("x",), ()]), Gates([(), ("y",), ("x",)]), Gates([]), Gates([()])
    joint = JointGates(a, b, c, d)
    for text in ("", "x", "y", "xy"):
        # (c and d hold no needle: no automaton of their own can be made to read them.)
        assert joint.masks(text) == (a.mask(text), b.mask(text), 0, 1)


def test_text_features_read_the_cue_needles_off_the_clause_mask() -> None:
    # claim() hands text_features the CUE_GATES part of the clause's mask: the same features.
    lines = [line for path in sorted(SEEDS.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines()]
    lines += ["  In my view, the strategic partnership is a win-win for shared development. ",
              "It is time to look more closely at this.", "We need more time.",
              "This does not necessarily mean a loss.", "The mutual confidence was honoured."]
    for line in lines:
        for flags in ((False, False), (True, True)):
            kw = {"has_number": flags[0], "has_date": flags[1], "attributed": flags[0],
                  "future": flags[1], "correction": False}
            gates = SENTENCE_GATES.masks(fold(line).lower())[3]
            assert text_features(line, cue_gates=gates, **kw) == text_features(line, **kw), line


@pytest.mark.parametrize("text", [
    "12 march next\nyear", "12 march next  year", "no later\nthan 2027", "no later \t than 2027",
    "the fifth year in\na row", "tens  of thousands", "based\non ons figures",
])
def test_cues_of_several_words_are_found_across_any_whitespace(text: str) -> None:
    """A cue is written with single spaces; its pattern takes any whitespace there (a
    hard-wrapped line, a double space): the gate reads each run as one space."""
    single = " ".join(text.split())
    for gates in (DATE_GATES, QUANTITY_GATES, ATTRIBUTION_GATES, CUE_GATES):
        assert gates.mask(text) == gates.mask(single), text
    assert SENTENCE_GATES.masks(text) == SENTENCE_GATES.masks(single)
    assert gate_text(text) == single
