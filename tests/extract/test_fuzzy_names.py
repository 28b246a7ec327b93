"""Fuzzy matching of unknown names: the length filter changes no answer of extractOne."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from checker.rules import RuleSet


def test_fuzzy_matching_reads_only_choices_of_a_near_length(ruleset: RuleSet) -> None:
    # _near_choices drops the choices too long or short to reach the cutoff: the answer is
    # extractOne's over all of them, for names near known ones and far from them.
    lexicon = ruleset.lexicon
    lexicon._fuzzy(("warm", "up"))
    names = list(lexicon._choice_keys)
    queries = [q for n in names for q in (n, n + "s", n[:-1], n[1:], n + " x", "x" + n, n * 2)]
    try:
        for threshold in (0.9, 0.8, 0.5):
            lexicon.fuzzy_threshold = threshold
            for query in queries:
                every = process.extractOne(query, names, scorer=fuzz.ratio,
                                           score_cutoff=threshold * 100)
                near = process.extractOne(query, lexicon._near_choices(len(query)),
                                          scorer=fuzz.ratio, score_cutoff=threshold * 100)
                assert (near and near[:2]) == (every and every[:2]), query
    finally:
        lexicon.fuzzy_threshold = 0.9
