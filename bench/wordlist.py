"""One misspelling list, three encodings: term rules, a codespell dictionary, a typos
config. Rule set N is the shipped `change-spelling` rule plus N-1 one-word rules."""

from __future__ import annotations

from functools import cache

from bench.words import misspellings
from checker.models.rules import TermRule

CHANGE_RULE = "change-spelling"


@cache
def change_rule() -> TermRule:
    """The repository's Chang'e spelling rule (literal variants and one RE2 pattern)."""
    from bench.measure import RULES
    from checker.rules import load_rules

    ruleset, _ = load_rules([RULES])
    return next(r for r in ruleset.terms if r.id == CHANGE_RULE)


def term_rules(count: int) -> list[TermRule]:
    """`count` term rules: change-spelling, then one rule per ordinary misspelling."""
    extra = [
        TermRule.model_validate({
            "id": f"typo-{i:04d}", "kind": "term", "canonical": right, "variants": [wrong],
            "examples": {"trigger": [wrong], "pass": [right]},
        })
        for i, (wrong, right) in enumerate(misspellings(count - 1) if count > 1 else [])
    ]
    return [change_rule(), *extra]


def word_pairs(count: int) -> list[tuple[str, str]]:
    """The literal (wrong, right) pairs of rule set `count`: what the peers are given.

    Peers match single words without case rules, so the case-only variant ("Chang'E") and
    the two-word one ("Chang e") of change-spelling cannot be given to them, nor its RE2
    pattern: they get the other literal variants, lower-cased.
    """
    pairs: set[tuple[str, str]] = set()
    for rule in term_rules(count):
        right = rule.canonical.lower()
        pairs |= {(v.lower(), right) for v in rule.variants
                  if v.lower() != right and not any(ch.isspace() for ch in v)}
    return sorted(pairs)


def codespell_dictionary(count: int) -> str:
    """codespell's format: `wrong->right` per line."""
    return "".join(f"{wrong}->{right}\n" for wrong, right in word_pairs(count))


def typos_config(count: int) -> str:
    """typos' format: `[default.extend-words]`, wrong = "right"."""
    lines = ["[default.extend-words]"]
    lines += [f'"{wrong}" = "{right}"' for wrong, right in word_pairs(count)]
    return "\n".join(lines) + "\n"
