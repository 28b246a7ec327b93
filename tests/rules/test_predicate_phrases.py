"""A predicate phrase belongs to one predicate: a project's predicate takes a phrase from a
built-in one, and two project predicates with one phrase are an error (a first-time-user
probe: `part-of` with "is part of" never triggered, and nothing said why)."""

from __future__ import annotations

from pathlib import Path

from checker.rules import load_rules
from checker.rules.selftest import run_selftests

PART_OF = ('schema_version: "1"\nrules:\n  - id: part-of\n    kind: predicate\n'
           '    phrases: [is part of, belongs to]\n    examples:\n'
           '      trigger: [Lakeport is part of Orin County.]\n'
           '      pass: [Lakeport has 120,000 people.]\n')


def test_a_project_predicate_takes_a_phrase_from_a_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PART_OF, encoding="utf-8")
    ruleset, errors = load_rules([tmp_path])
    assert errors == []
    found = ruleset.lexicon.predicate_spans("Lakeport is part of Orin County.")
    assert [pid for pid, _, _ in found] == ["part-of"]
    # The built-in keeps its other phrases, and says which it gave up.
    member = ruleset.lexicon.predicate_spans("China is a member of the ISS.")
    assert [pid for pid, _, _ in member] == ["member-of"]
    # "belong to" too: phrases are matched on stems, so it is "belongs to" to the lexicon.
    assert ruleset.yielded == {"member-of": ("part of", "belongs to", "belong to")}
    _, failures = run_selftests(ruleset)
    assert failures == []


def test_a_phrase_of_two_project_predicates_is_an_error_naming_both(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PART_OF, encoding="utf-8")
    (tmp_path / "q.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: inside\n    kind: predicate\n'
        '    phrases: [lies in, belong to]\n', encoding="utf-8")
    _, errors = load_rules([tmp_path])
    (error,) = [str(e) for e in errors]
    assert error.startswith(f"{tmp_path.as_posix()}/q.yaml:5:24: rules[0].phrases[1]: phrase "
                            "'belong to' is already a phrase of predicate 'part-of' "
                            f"('belongs to' at {tmp_path.as_posix()}/p.yaml:5)"), error


def test_a_disabled_project_predicate_takes_no_phrase(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PART_OF.replace("kind: predicate",
                                                     "kind: predicate\n    enabled: false"),
                                     encoding="utf-8")
    ruleset, errors = load_rules([tmp_path])
    assert errors == [] and ruleset.yielded == {}
    found = ruleset.lexicon.predicate_spans("Lakeport is part of Orin County.")
    assert [pid for pid, _, _ in found] == ["member-of"]


def test_a_predicate_example_read_as_another_predicate_says_which(tmp_path: Path) -> None:
    # A longer built-in phrase wins over a shorter one inside it.
    (tmp_path / "p.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: partners\n    kind: predicate\n'
        '    phrases: [partners]\n    examples:\n'
        '      trigger: [Japan is one of the partners in the ISS.]\n', encoding="utf-8")
    ruleset, errors = load_rules([tmp_path])
    assert errors == []
    _, failures = run_selftests(ruleset, include_builtin=False)
    assert [f.problem for f in failures] == [
        "did not trigger: its words read as predicate 'member-of'"]
