"""Term rules: one automaton for all literal variants, RE2 patterns, fuzzy variants."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import Location
from checker.models.rules import TermRule
from checker.rules import load_rules
from checker.rules.terms import TermMatcher


def rule(**kw: object) -> TermRule:
    base: dict[str, object] = {"id": "t", "kind": "term", "canonical": "Chang'e"}
    base.update(kw)
    return TermRule.model_validate(base)


def test_curly_and_straight_apostrophes_are_one_letter() -> None:
    m = TermMatcher([rule(variants=["Chiang'e"])])
    hits = m.find("Chiang’e 6 and Chiang'e 7")
    assert [(h.found, h.replacement) for h in hits] == [("Chiang’e", "Chang’e"),
                                                       ("Chiang'e", "Chang'e")]


def test_word_boundaries_and_case() -> None:
    m = TermMatcher([rule(canonical="colour", variants=["color"])])
    assert [h.found for h in m.find("Color and colors and color.")] == ["Color", "color"]
    cs = TermMatcher([rule(canonical="SUPARCO", variants=["Suparco"], case_sensitive=True)])
    assert [h.found for h in cs.find("Suparco and SUPARCO")] == ["Suparco"]


def test_pattern_with_term_group() -> None:
    m = TermMatcher([rule(patterns=[r"\b(?P<term>Change)[- ]?[1-9]\b"], case_sensitive=True)])
    hits = m.find("The Change 6 probe; climate change 6 times.")
    assert [(h.found, h.start) for h in hits] == [("Change", 4)]


def test_fuzzy_variants() -> None:
    m = TermMatcher([rule(canonical="Tiangong", variants=["Tiangon"], fuzzy=0.8,
                          ignore=["Tianjin"])])
    assert {h.found for h in m.find("Tiangog and Tianjin and Tiangong")} == {"Tiangog"}


def test_bad_pattern_is_a_rule_error() -> None:
    where = Location("rules/x.yaml", 6, 5, "rules[0].patterns")
    m = TermMatcher([rule(patterns=[r"(a)\1"])], {"t": where})
    assert m.errors and str(m.errors[0]).startswith("rules/x.yaml:6:5: rules[0].patterns: ")


def test_pathological_pattern_finishes() -> None:
    # Catastrophic for a backtracking engine; linear for RE2.
    m = TermMatcher([rule(patterns=[r"(a+)+b"])])
    start = time.perf_counter()
    assert m.find("a" * 50_000 + "c") == []
    assert time.perf_counter() - start < 5  # a hang would take hours; this guards, not benches


def test_thousand_rules_in_one_pass() -> None:
    rules = [rule(id=f"r{i}", canonical=f"word{i}", variants=[f"wrd{i}"]) for i in range(1000)]
    m = TermMatcher(rules)
    hits = m.find("wrd1 then wrd999 and wrd1000x")
    assert [h.rule.id for h in hits] == ["r1", "r999"]


def test_offsets_stay_aligned_after_a_letter_whose_lower_case_is_longer() -> None:
    # "İ".lower() is two characters: lower-casing the whole text moved every offset after it.
    from checker.models.rules import ConsistencyRule
    from checker.rules.consistency import find_forms

    m = TermMatcher([rule(canonical="Tiangong", variants=["Tiangung"])])
    for text in ("Officials in İzmir said the Tiangung station", "İİİ Tiangung"):
        hits = m.find(text)
        assert [(h.found, h.start) for h in hits] == [("Tiangung", text.index("Tiangung"))]
    c = ConsistencyRule(id="c", kind="consistency", forms=["e-mail", "email"])
    text = "İstanbul sent an email and an E-mail."
    assert [(text[o.start:o.end], o.form) for o in find_forms(c, "d", text, [(0, len(text))])] \
        == [("email", "email"), ("E-mail", "e-mail")]


# Any text, with the letters whose lower case is longer (only "İ" today) drawn often.
# (st.text over a one_of alphabet draws them next to never: a list of characters does.)
_TEXT = st.lists(st.one_of(st.sampled_from(
    [chr(i) for i in range(0x110000) if len(chr(i).lower()) != 1] or ["İ"]),
    st.characters())).map("".join)


@given(_TEXT, _TEXT)
@settings(max_examples=300, deadline=None)
def test_case_insensitive_matches_keep_their_offsets_for_any_text(before: str,
                                                                   after: str) -> None:
    from checker.models.rules import ConsistencyRule
    from checker.rules.consistency import find_forms
    from checker.rules.text import lower_in_place

    for s in (before, after):
        low = lower_in_place(s)
        assert len(low) == len(s)
        assert all(a == b or a.lower() == b for a, b in zip(s, low, strict=True))
    text = f"{before} Tiangung {after}"
    at = len(before) + 1
    m = TermMatcher([rule(canonical="Tiangong", variants=["Tiangung"])])
    assert any(h.start == at and h.found == "Tiangung" for h in m.find(text))
    c = ConsistencyRule(id="c", kind="consistency", forms=["Tiangung", "Tiangong"])
    found = find_forms(c, "d", text, [(0, len(text))])
    assert any(o.start == at and text[o.start:o.end] == "Tiangung" for o in found)
    assert all(fold_lower(text[o.start:o.end]) == o.form.lower() for o in found)


def fold_lower(s: str) -> str:
    from checker.rules.text import match_key

    return match_key(s, False)


def test_a_possessive_of_the_right_spelling_is_right() -> None:
    m = TermMatcher([rule(canonical="Tiangong", fuzzy=0.85)])
    assert m.find("Tiangong's crew and the 'Tiangong' name; Tiangong’s module") == []
    hits = m.find("Tiangung's crew")
    assert [(h.found, h.replacement) for h in hits] == [("Tiangung", "Tiangong")]
    mc = TermMatcher([rule(canonical="McDonald's", fuzzy=0.8)])
    assert mc.find("McDonald's opened") == []
    assert [h.found for h in mc.find("McDonalds's opened")] == ["McDonalds's"]


def test_patterns_and_ignored_words_are_folded_like_the_text() -> None:
    m = TermMatcher([rule(patterns=["Chiang’e"])])
    assert [h.found for h in m.find("Chiang’e 6 and Chiang'e 7")] == ["Chiang’e", "Chiang'e"]
    f = TermMatcher([rule(canonical="Tiangong", fuzzy=0.7, ignore=["Tianjin’s"])])
    assert f.find("Tianjin’s port") == []
    where = Location("rules/x.yaml", 6, 5, "rules[0].patterns")
    bad = TermMatcher([rule(patterns=[r"Chiang\x{2019}e"])], {"t": where})
    assert len(bad.errors) == 1 and "never matches: the text is folded first" in \
        str(bad.errors[0])


def test_a_variant_that_is_the_canonical_form_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: change-spelling\n    kind: term\n'
        '    canonical: "Chang\'e"\n    variants: ["Chiang\'e", "Chang’E"]\n'
        '  - id: cs\n    kind: term\n    canonical: SUPARCO\n    variants: [Suparco]\n'
        '    case_sensitive: true\n', encoding="utf-8")
    _, errors = load_rules([tmp_path])
    assert len(errors) == 1, errors
    assert str(errors[0]).endswith(
        ":6:28: rules[0].variants[1]: variant 'Chang’E' is the canonical form \"Chang'e\" "
        "(the rule ignores case): it would flag the right spelling; remove it, or make the "
        "rule case_sensitive if only the case is wrong")


def test_a_consistency_form_listed_twice_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: cpec\n    kind: consistency\n'
        '    forms: [CPEC, China-Pakistan Economic Corridor, cpec]\n', encoding="utf-8")
    _, errors = load_rules([tmp_path])
    assert [str(e).split(":", 1)[1] for e in errors] == [
        "5:53: rules[0].forms[2]: form 'cpec' is forms[0] 'CPEC' again (the rule ignores "
        "case); list each form once"]


def test_look_alike_letters_of_another_script_are_errors(tmp_path: Path) -> None:
    # A CI probe: a canonical form typed with a Cyrillic `а` was accepted, and flagged the
    # right spelling `Tiangong` as its variant.
    (tmp_path / "r.yaml").write_text(
        'schema_version: "1"\nrules:\n  - id: tiangong\n    kind: term\n'
        '    canonical: "Ti\u0430ngong"\n    variants: ["Tiangong"]\n'
        '  - id: roscosmos\n    kind: term\n    canonical: "Роскосмос"\n'
        '    variants: ["Роскосмоса"]\n'
        '  - id: cpec\n    kind: consistency\n    forms: [CPEC, "\u0421PEC", Коридор]\n',
        encoding="utf-8")
    ruleset, errors = load_rules([tmp_path])
    assert [str(e).split(":", 1)[1] for e in errors] == [
        "5:5: rules[0].canonical: canonical 'Tiаngong': the word 'Tiаngong' mixes Latin and "
        "Cyrillic letters ('а' U+0430 CYRILLIC SMALL LETTER A); it matches no text typed in "
        "one script: retype it",
        "6:16: rules[0].variants[0]: variant 'Tiangong' looks like the canonical form "
        "'Tiаngong': they differ only in look-alike Latin, Cyrillic or Greek letters, so it "
        "would flag the right spelling; retype them in one script",
        "13:19: rules[2].forms[1]: form 'СPEC': the word 'СPEC' mixes Cyrillic and Latin "
        "letters ('С' U+0421 CYRILLIC CAPITAL LETTER ES); it matches no text typed in one "
        "script: retype it",
        "13:19: rules[2].forms[1]: form 'СPEC' looks like forms[0] 'CPEC': they differ only "
        "in look-alike Latin, Cyrillic or Greek letters, so one form would count as two; "
        "retype them in one script"]
    # A name wholly in Cyrillic is fine; the rules with errors do not run.
    assert [r.id for r in ruleset.terms if r.id in ("tiangong", "roscosmos")] == ["roscosmos"]
