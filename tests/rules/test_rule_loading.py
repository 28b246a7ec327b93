"""Loading rules: located errors, duplicates, references, selection; consistency scopes."""

from __future__ import annotations

from pathlib import Path

from checker.models.rules import ConsistencyRule
from checker.rules import load_rules
from checker.rules.consistency import check, find_forms
from checker.rules.selftest import run_selftests


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_unknown_predicate_and_entity(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n  - id: f\n    kind: fact\n'
                 '    subject: mars\n    predicate: orbits\n    object: sun\n')
    _, errors = load_rules([root])
    messages = [str(e) for e in errors]
    # At the key that names it, with its column and place in the file.
    assert any(m.endswith(":6:5: rules[0].predicate: unknown predicate 'orbits' (define it "
                          "with a `kind: predicate` rule)") for m in messages), messages
    assert any(":5:5: rules[0].subject: unknown entity 'mars'" in m for m in messages)


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    rule = "  - id: t\n    kind: term\n    canonical: a\n    variants: [b]\n"
    root = write(tmp_path, 'schema_version: "1"\nrules:\n' + rule + rule)
    ruleset, errors = load_rules([root])
    # The second `id:` (line 7), with its column and place in the file ...
    assert any(str(e).endswith(":7:5: rules[1].id: rule id 't' is already defined at "
                               f"{(root / 'r.yaml').as_posix()}:3") for e in errors), errors
    # ... and the first, and neither runs: which one sorts first is no reason to win (a
    # review: a new file's rule replaced the fact rule, whose violation left the report)
    assert any(str(e).endswith(":3:5: rules[0].id: rule id 't' is also defined at "
                               f"{(root / 'r.yaml').as_posix()}:7") for e in errors), errors
    assert ruleset.get("t") is None


def test_select_and_ignore_by_tag(repo: Path) -> None:
    only, errors = load_rules([repo / "rules"], select=["spelling"])
    assert not errors
    assert {r.id for r in only.terms} == {"change-spelling"} and not only.facts
    without, _ = load_rules([repo / "rules"], ignore=["iss"])
    assert "china-not-iss-member" not in {r.id for r in without.facts}
    assert without.lexicon.entities  # entity rules always load


def test_shipped_rules_pass_their_self_tests(repo: Path) -> None:
    ruleset, errors = load_rules([repo / "rules"])
    checked, failures = run_selftests(ruleset)
    assert not errors and not failures and checked > 50


def test_consistency_document_and_corpus_scope() -> None:
    forms = ["e-mail", "email"]
    doc_rule = ConsistencyRule(id="c", kind="consistency", forms=forms, scope="document")
    corpus_rule = doc_rule.model_copy(update={"scope": "corpus"})
    texts = {"a": "Send an email or an e-mail.", "b": "Send an email.", "c": "An e-mail."}
    occ = {d: find_forms(doc_rule, d, t, [(0, len(t))]) for d, t in texts.items()}
    doc_hits = check(doc_rule, occ)
    assert [h.scope for h in doc_hits] == ["a"]
    corpus_hits = check(corpus_rule, occ)
    # Two uses each: a tie goes to the form the rule lists first.
    assert len(corpus_hits) == 1 and corpus_hits[0].dominant == "e-mail"
    assert {o.doc for o in corpus_hits[0].minority} == {"a", "b"}


def test_message_placeholders_are_checked_when_loaded(tmp_path: Path) -> None:
    template = """schema_version: "1"
rules:
  - id: tiangong
    kind: term
    canonical: Tiangong
    variants: [Tian Gong]
    message: "{message}"
"""
    for message, problem in (("Write {canonical}, not {found.upper}", "{found.upper}"),
                             ("Write {canon}", "{canon}"), ("Write {canonical", "braces"),
                             ("Write {found!r}", "without a format or conversion"),
                             ("{canonical:>12}", "without a format or conversion")):
        path = tmp_path / f"r{len(problem)}.yaml"
        path.write_text(template.replace("{message}", message), encoding="utf-8")
        _, errors = load_rules([path])
        assert len(errors) == 1 and problem in str(errors[0]), errors
        assert str(errors[0]).startswith(f"{path.as_posix()}:")


def test_a_message_never_fails_a_run() -> None:
    from checker.builders import _format

    values = {"subject": "China", "object": "the ISS"}
    assert _format("{subject} is not in {object}.", values) == "China is not in the ISS."
    # What loading refuses, a finding still survives: the template stays as written.
    assert _format("{subject.foo} {object[0]} {nope} {{x}}", values) == \
        "{subject.foo} {object[0]} {nope} {x}"


def test_a_validity_range_that_ends_before_it_starts_is_an_error(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n  - id: f\n    kind: fact\n'
                 '    subject: china\n    predicate: member-of\n    object: china\n'
                 '    valid_from: "2020"\n    valid_until: "2010-06"\n')
    _, errors = load_rules([root])
    assert len(errors) == 1 and "valid_until 2010-06 is before valid_from 2020" in str(errors[0])
    assert str(errors[0]).startswith(f"{(root / 'r.yaml').as_posix()}:3:")


def test_a_selection_of_finding_kinds_runs_only_the_rules_that_make_them(repo: Path) -> None:
    def enabled(*select: str) -> list[str]:
        ruleset, errors = load_rules([repo / "rules"], select=select)
        assert errors == []
        return sorted(r.kind for r in ruleset.rules if r.kind in ("fact", "term",
                                                                  "consistency"))
    assert enabled("conflict") == [] and enabled("corroboration", "arithmetic") == []
    assert enabled("rule-violation") == ["fact", "fact"]
    assert enabled("claimcheck/term") == ["term"]
    assert enabled("conflict", "change-spelling") == ["term"]


def test_a_name_of_two_entities_is_an_error_at_both_places(tmp_path: Path, repo: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(repo / "rules", rules)
    vendor = ('schema_version: "1"\nrules:\n  - id: iss-facility-services\n    kind: entity\n'
              '    name: ISS Facility Services\n    aliases: [ISS]\n')
    iss_line = next(i for i, line in enumerate(
        (rules / "entities.yaml").read_text("utf-8").splitlines(), 1)
        if line.strip().startswith("aliases: [ISS,"))
    for name, first in (("00-vendors.yaml", True), ("zz-vendors.yaml", False)):
        (rules / name).write_text(vendor, encoding="utf-8")
        _, errors = load_rules([rules])
        (rules / name).unlink()
        assert len(errors) == 1, errors
        message = str(errors[0])
        vendor_at, iss_at = f"{rules.as_posix()}/{name}:6", \
            f"{rules.as_posix()}/entities.yaml:{iss_line}"
        # Reported at the second place read, naming the first; whatever the file order.
        here, there = (iss_at, vendor_at) if first else (vendor_at, iss_at)
        assert message.startswith(here + ":") and f"'ISS' at {there})" in message, message


def test_a_name_shadowed_by_another_case_or_role_is_an_error(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - {id: a, kind: entity, name: Alpha, aliases: [ISS]}\n'
                 '  - {id: b, kind: entity, name: Beta, demonyms: [Iss]}\n'
                 '  - {id: c, kind: entity, name: ALPHA}\n')
    _, errors = load_rules([root])
    messages = sorted(str(e) for e in errors)
    assert len(messages) == 2, messages
    assert ":4:" in messages[0] and "rules[1].demonyms[0]: 'Iss' is already a name of entity 'a'" \
        in messages[0]
    assert ":5:" in messages[1] and "'ALPHA' is already a name of entity 'a' (name 'Alpha'" \
        in messages[1]


def test_unknown_parent_and_antonym_are_errors(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - id: esa\n    kind: entity\n    name: ESA\n    parent: europe-union\n'
                 '  - id: grow\n    kind: predicate\n    phrases: [grew]\n'
                 '    antonyms: [decrease, decreese]\n')
    _, errors = load_rules([root])
    messages = sorted(str(e) for e in errors)
    assert len(messages) == 2, messages
    assert messages[0].endswith(":10:26: rules[1].antonyms[1]: unknown antonym predicate "
                                "'decreese' (define it with a `kind: predicate` rule)")
    assert messages[1].endswith(":6:5: rules[0].parent: unknown parent entity 'europe-union' "
                                "(define it with a `kind: entity` rule)")


def test_without_shared_names_every_name_finds_its_own_entity(repo: Path) -> None:
    # The load-time check reads names as the lexicon does: when it finds no name of two
    # entities, each name (built-in countries included) looks up its own entity.
    from checker.models.rules import EntityRule

    ruleset, errors = load_rules([repo / "rules"])
    assert not errors
    for entity in ruleset.of_kind(EntityRule):
        for name in [entity.name, *entity.aliases, *entity.demonyms, *entity.metonyms]:
            found = ruleset.lexicon.lookup(name)
            assert found is None or found[0] == entity.id, (entity.id, name, found)


def test_every_schema_mistake_of_a_rule_is_listed_at_once(tmp_path: Path) -> None:
    """A CI probe: a rule with several mistakes took one round of `validate` each."""
    root = write(tmp_path, 'schema_version: "1"\nrules:\n  - id: foo-spelling\n'
                 "    kind: term\n    canonical: Foo\n    variants: [Fooo]\n"
                 "    severity: critical\n    tags: [Spelling]\n"
                 '    examples: {trigger: ["Fooo"], pas: ["Foo"]}\n')
    _, errors = load_rules([root])
    where = sorted(e.location.line for e in errors if e.location)
    assert where == [7, 8, 9], [str(e) for e in errors]


def test_an_entity_written_enabled_false_is_out_of_the_lexicon(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - {id: mars, kind: entity, name: Mars, aliases: [Red Planet]}\n'
                 '  - {id: venus, kind: entity, name: Venus, enabled: false}\n')
    ruleset, errors = load_rules([root])
    assert not errors
    assert "mars" in ruleset.lexicon.entities and "venus" not in ruleset.lexicon.entities
    assert "venus" in ruleset.left_out
    # --select and --ignore never take vocabulary away.
    ignored, _ = load_rules([root], ignore=["mars"])
    assert "mars" in ignored.lexicon.entities


def test_a_fact_naming_a_disabled_entity_says_so(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - {id: sun, kind: entity, name: Sun, enabled: false}\n'
                 '  - {id: mars, kind: entity, name: Mars}\n'
                 '  - {id: orbits, kind: predicate, phrases: [orbits]}\n'
                 '  - {id: f, kind: fact, subject: mars, predicate: orbits, object: sun}\n')
    _, errors = load_rules([root])
    messages = [str(e) for e in errors]
    assert len(messages) == 1, messages
    assert messages[0].endswith("rules[3].object: unknown entity 'sun' (it is written "
                                f"`enabled: false` at {(root / 'r.yaml').as_posix()}:3)")


def test_model_checks_are_reported_beside_schema_errors_at_their_fields(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - id: t1\n    kind: term\n    canonical: A\n    variants: [B]\n'
                 '    severity: loud\n'
                 '  - id: t2\n    kind: term\n    canonical: C\n    variants: [D]\n'
                 '    message: "Write {canonical}, not {wrong}."\n'
                 '  - id: t3\n    kind: term\n    canonical: E\n    variants: [F]\n'
                 '    reviewed: "2025-02-30"\n')
    _, errors = load_rules([root])
    messages = sorted(str(e) for e in errors)
    # All three mistakes in one round, each at its own key.
    assert len(messages) == 3, messages
    assert messages[0].endswith(":12:5: rules[1].message: unknown placeholder {wrong}; use "
                                "{canonical}, {found}, {rule}")
    assert ":17:5: rules[2].reviewed: '2025-02-30' is not a calendar date" in messages[1]
    assert ":7:5: rules[0].severity: 'loud' is not one of" in messages[2]


def test_a_model_check_on_a_field_the_schema_refused_is_not_repeated(tmp_path: Path) -> None:
    root = write(tmp_path, 'schema_version: "1"\nrules:\n'
                 '  - id: t1\n    kind: term\n    canonical: A\n    variants: [B]\n'
                 '    reviewed: 2025\n')
    _, errors = load_rules([root])
    assert len(errors) == 1 and "rules[0].reviewed" in str(errors[0]), errors
