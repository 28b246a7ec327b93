"""What a sentence is about, as normalisation reads it: a leading "It" or "The company" is
the page's last subject (not a dateline's city, not who told a figure, not a demonym
qualifying a name), a measure opening a sentence is the page subject's, a dateline's place
is where the report was filed, a description after a name and "plans to" are no words of
the fact; and the desk-probe verdicts that depend on those readings."""

from __future__ import annotations

from pathlib import Path

from checker.corpusnorm import normalise_document
from checker.extract import extract_text
from checker.models.document import DocumentMeta
from checker.normclaim import QUALIFIER, NormClaim
from checker.pipeline import CheckOptions, run_check
from checker.rules import RuleSet
from tests.compare.pairs import verdict

REPO = Path(__file__).resolve().parents[1]


def _claims(ruleset: RuleSet, text: str) -> list[NormClaim]:
    cf = extract_text(text, "p", ruleset.lexicon, meta=DocumentMeta(published="2025-10-23"),
                      threshold=0.0)
    return normalise_document("p", cf.claims, ruleset.lexicon)


def _coref(claim: NormClaim) -> str | None:
    return next((m.id for m in claim.mentions if m.role == "coref"), None)


def _last(ruleset: RuleSet, text: str) -> NormClaim:
    return _claims(ruleset, text)[-1]


def test_the_company_is_not_the_dateline_city(ruleset: RuleSet) -> None:
    last = _last(ruleset, "AMSTERDAM, October 23 - Norvale Systems said revenue rose 15% to "
                          "$3.9 billion.\nThe group will cut 1,200 jobs, a spokesperson said.")
    assert _coref(last) == "name:norvale-systems"


def test_the_company_is_not_who_told_the_last_figure(ruleset: RuleSet) -> None:
    text = ("Norvale Systems reported revenue of $4.2 billion on Thursday.\n"
            "Analysts had expected revenue of $4.05 billion, according to LSEG data.\n"
            "The company said it would cut 1,200 jobs.")
    assert _coref(_last(ruleset, text)) == "name:norvale-systems"


def test_a_demonym_qualifying_a_name_is_not_the_subject(ruleset: RuleSet) -> None:
    text = ("Dutch technology group Norvale Systems said revenue rose 15% to $3.9 billion.\n"
            "The company will cut 1,200 jobs.")
    assert _coref(_last(ruleset, text)) == "name:norvale-systems"


def test_a_demonym_may_qualify_the_company(ruleset: RuleSet) -> None:
    last = _last(ruleset, "Norvale Systems reported revenue of $4.2 billion.\n"
                          "The Dutch group plans to cut 1,500 jobs, mostly in hardware.")
    assert _coref(last) == "name:norvale-systems"
    # The demonym says what the group is, not where the cuts are: no scope of the claim.
    assert [m.role for m in last.mentions if m.id == "netherlands"] == [QUALIFIER]


def test_another_adjective_is_not_the_subject(ruleset: RuleSet) -> None:
    # "The new company" may be another company (a joint venture, a spin-off).
    last = _last(ruleset, "Norvale Systems reported revenue of $4.2 billion.\n"
                          "The new company will employ 300 people in Lahore.")
    assert _coref(last) is None


def test_a_sentence_naming_its_subject_first_keeps_it(ruleset: RuleSet) -> None:
    last = _last(ruleset, "Norvale Systems reported revenue of $4.2 billion.\n"
                          "It said Brightwater Foods would buy 1,200 of its servers.")
    # "It" stands for Norvale; Brightwater is named after it.
    assert _coref(last) == "name:norvale-systems"
    assert "name:brightwater-foods" in last.entities


def test_cut_jobs_conflict_beside_a_long_sentence(ruleset: RuleSet) -> None:
    # One thing counted and done: one fact, however much else the long sentence says.
    a = ("Norvale Systems said it would cut 1,200 jobs, about 4% of its workforce, mainly "
         "in its hardware division in Eindhoven.")
    b = "Norvale Systems plans to cut 1,500 jobs, mostly in hardware."
    assert verdict(ruleset, a, b) == ("conflict", "number")


def test_counts_of_one_thing_done_differently_are_two_facts(ruleset: RuleSet) -> None:
    a = "Norvale Systems will cut 1,200 jobs."
    b = "Norvale Systems added 1,500 jobs last year."
    assert verdict(ruleset, a, b, pa="2025-10-23", pb="2025-10-23")[0] != "conflict"


def test_the_same_count_done_corroborates_beside_a_long_sentence(ruleset: RuleSet) -> None:
    a = ("Norvale Systems said it would cut 1,200 jobs, about 4% of its workforce, mainly "
         "in its hardware division in Eindhoven.")
    b = "Norvale Systems will cut 1,200 jobs, a spokesperson confirmed."
    assert verdict(ruleset, a, b) == ("corroboration", "agree")


def test_the_satellite_stands_for_the_last_subject(ruleset: RuleSet) -> None:
    last = _last(ruleset, "Kestrel-1 blasted off from French Guiana on Wednesday.\n"
                          "The satellite reached its planned orbit an hour after launch.")
    assert _coref(last) == "name:kestrel-1"


def test_two_groups_counted_in_people_are_two_facts(ruleset: RuleSet) -> None:
    # Counted alike needs the same word before both counts: a trial's size and a count of
    # diagnoses are two figures, though both count people.
    from checker.compare.figures import counted_alike, counts_done
    from tests.compare.pairs import norm

    a = norm(ruleset, "Vitamin D cut the dementia risk by 40% in a trial of 8,412 people.", "a")
    b = norm(ruleset, "In the vitamin D group, 124 people were diagnosed with dementia.", "b")
    assert not counted_alike(counts_done(a), counts_done(b))
    c = norm(ruleset, "The vitamin D trial enrolled 4,812 people in Norway.", "c")
    d = norm(ruleset, "The vitamin D trial enrolled 8,412 adults in Norway.", "d")
    assert counted_alike(counts_done(c), counts_done(d))


def test_a_datelines_place_is_where_the_report_was_filed(ruleset: RuleSet) -> None:
    # Two outlets filing from two cities report one quake: not two places, one fact.
    a = "LIMA, Oct 18 (Reuters) - A magnitude 7.1 earthquake struck southern Peru on Saturday."
    b = ("AREQUIPA, Oct 18 (Reuters) - A magnitude 7.4 earthquake struck southern Peru on "
         "Saturday.")
    assert verdict(ruleset, a, b, pa="2026-10-18", pb="2026-10-18") == ("conflict", "number")


def test_a_dash_dateline_is_a_dateline(ruleset: RuleSet) -> None:
    from checker.normclaim import DATELINE
    from tests.compare.pairs import norm

    c = norm(ruleset, "KITWE (Reuters) - Schools in Ndola will reopen on March 16.", "a")
    assert [m.role for m in c.mentions if m.start == 0] == [DATELINE]


def test_a_denial_in_the_base_form_denies_the_past(ruleset: RuleSet) -> None:
    a = "The National Alliance did not win seats in parliament."
    b = "The National Alliance won seats in parliament."
    assert verdict(ruleset, a, b) == ("conflict", "polarity")


def test_a_description_after_a_name_is_no_word_of_the_frame(ruleset: RuleSet) -> None:
    # A desk probe: "capital" kept the denial from covering the claim it denies.
    a = "The ministry said no cholera cases had been confirmed in Lusaka, the capital."
    b = "A cholera case was confirmed in Lusaka, the hospital said."
    assert verdict(ruleset, a, b) == ("conflict", "polarity")


def test_a_measure_opening_a_sentence_is_the_pages_subjects(ruleset: RuleSet) -> None:
    last = _last(ruleset, "Kestrel Motors' second-quarter revenue was US$3,200 million.\n"
                          "Second-quarter net profit fell to $380 million.")
    assert _coref(last) == "name:kestrel-motors"
    # Not when someone else opens the sentence: the analysts' forecast is theirs.
    other = _last(ruleset, "Kestrel Motors reported revenue of $3.2 billion.\n"
                           "Analysts had expected revenue of $3.05 billion.")
    assert _coref(other) is None


def test_one_named_measure_is_one_fact_however_common_the_name(ruleset: RuleSet) -> None:
    from checker.compare.measures import measure_words, measured_alike
    from tests.compare.pairs import norm

    def alike(x: str, y: str) -> bool:
        a, b = norm(ruleset, x, "a"), norm(ruleset, y, "b")
        return measured_alike(measure_words(a.text, a.tokens), measure_words(b.text, b.tokens))

    assert alike("Norvale's net profit rose to $610 million in the quarter.",
                 "Norvale's net profit came in at $580 million for the third quarter.")
    assert not alike("Nigeria's oil revenue fell 40% in 2023.",
                     "Nigeria's tax revenue rose 15% in 2023.")
    assert not alike("Rwanda's coffee exports earned $80 million in 2023.",
                     "Rwanda's tea exports earned $104 million in 2023.")


def test_one_measure_qualified_alike_conflicts_however_common_the_name(
        tmp_path: Path) -> None:
    """A desk probe (K11): in a corpus about Kestrel-1 its name anchors nothing, and the
    long clause after each figure kept the pair under the similarity bar."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    common = ("Kestrel-1 launched from French Guiana on Monday.\n"
              "Kestrel-1 will measure methane emissions from space.\n"
              "Kestrel-1 was built in Stevenage by Orbital Dynamics Ltd.\n")
    (seeds / "a.txt").write_text(common + "The mission cost £420 million, including launch "
                                 "and five years of operations.\n", encoding="utf-8")
    (seeds / "b.txt").write_text(common + "The mission cost £520 million, which makes it the "
                                 "most expensive British satellite this decade.\n",
                                 encoding="utf-8")
    report = run_check(CheckOptions(root=tmp_path, seeds=seeds, claims=tmp_path / "claims",
                                    rules=REPO / "rules")).report
    assert [(f.reason, f.details.get("quantities")) for f in report.findings
            if f.kind == "conflict"] == [("number", [["£420 million", "£520 million"]])]


def test_a_denied_report_of_plans_agrees_with_no_plans(ruleset: RuleSet) -> None:
    # A desk probe (C20): "plans to" is the modality, no word of the fact.
    a = "Whitfield said Kestrel Motors had no plans to sell its truck unit."
    b = "Kestrel Motors denied a report that it plans to sell its truck unit."
    assert verdict(ruleset, a, b) == ("corroboration", "agree")


def test_the_outbreak_stands_for_the_last_subject(ruleset: RuleSet) -> None:
    # A desk probe (K2): "The outbreak was declared on March 5" named nothing to compare.
    last = _last(ruleset, "Cholera has killed 42 people in Copperbelt Province.\n"
                          "The outbreak was declared on March 5, the ministry said.")
    assert _coref(last) == "name:copperbelt-province"


def test_a_datelines_agency_is_no_entity_of_the_claim(ruleset: RuleSet) -> None:
    # A desk probe (K14): "(Global Wire)" kept two reports of one quake below the bar.
    from tests.compare.pairs import norm

    c = norm(ruleset, "LIMA, Oct 18 (Global Wire) - A magnitude 7.1 earthquake struck "
                      "southern Peru on Saturday.", "a", "2026-10-18")
    assert "name:global-wire" not in c.entities and "peru" in c.entities
    trial = norm(ruleset, "WILMINGTON, Delaware, Sept 18 (Reuters) - A federal jury in "
                          "Delaware ordered Castellan Labs to pay $312 million.", "b")
    assert "name:wilmington" in trial.entities  # the place stays: the trial was there


def test_the_ministry_is_no_stand_in_for_the_pages_subject(ruleset: RuleSet) -> None:
    # A desk probe (K3): "The ministry" stood for Copperbelt Province, the denial and the
    # confirmation then had two subjects, and their conflict was never found.
    last = _last(ruleset, "Cholera has killed 42 people in Copperbelt Province.\n"
                          "The ministry said no cholera cases had been confirmed in Lusaka.")
    assert _coref(last) is None


def test_the_government_stands_for_the_pages_last_country(ruleset: RuleSet) -> None:
    # A desk probe (K13): it stood for "Peru's Geophysical Institute".
    text = ("A magnitude 7.1 earthquake struck southern Peru on Saturday.\n"
            "The Geophysical Institute said the quake was followed by 80 aftershocks.\n"
            "The government said it had not requested international aid.")
    assert _coref(_last(ruleset, text)) == "peru"
    # Without a country named, the page's last subject as before.
    other = _last(ruleset, "Kestrel Motors reported revenue of $3.2 billion.\n"
                           "The government said it would not bail out the carmaker.")
    assert _coref(other) == "name:kestrel-motors"


STRIKE = ("Deutsche Bahn cancelled 80% of its long-distance trains on Wednesday.\n"
          "The strike was called by the GDL union after talks broke down.\n"
          "Passengers across Germany faced cancelled trains on Wednesday.\n")


def test_the_union_is_the_name_the_page_called_a_union(ruleset: RuleSet) -> None:
    # Desk probe B (K10): "The union" stood for Germany, the last subject.
    last = _last(ruleset, STRIKE + "The union has a strike fund of 50 million euros.")
    assert _coref(last) == "name:gdl"


def test_a_description_before_the_name_ties_it_too(ruleset: RuleSet) -> None:
    last = _last(ruleset, "Germany's rail traffic stopped as the union GDL walked out on "
                          "Wednesday.\nThe union has a strike fund of 50 million euros.")
    assert _coref(last) == "name:gdl"


def test_a_union_the_page_never_named_stands_for_nothing(ruleset: RuleSet) -> None:
    text = STRIKE.replace("the GDL union", "the train drivers")
    last = _last(ruleset, text + "The union has a strike fund of 50 million euros.")
    assert _coref(last) is None and "germany" not in last.entities


def test_a_demonym_or_an_owner_describes_nothing(ruleset: RuleSet) -> None:
    text = STRIKE.replace("the GDL union", "the German union")
    assert _coref(_last(ruleset, text + "The union has a strike fund of 50 million "
                                        "euros.")) is None
    drug = ("Regulators approved Corvane Therapeutics' Alzheimer's drug lunextamab on "
            "Tuesday.\nThe drug slowed cognitive decline by 27% in a trial.")
    assert _coref(_last(ruleset, drug)) != "name:alzheimer"


def test_the_company_is_the_last_company_named_not_one_described_before(
        ruleset: RuleSet) -> None:
    # A seed: "China's semiconductor foundry company SMIC ..." then "Hua Hong Semiconductor,
    # another leading foundry, ..."; "The company's third-quarter sales" are Hua Hong's.
    last = _last(ruleset, "China's chip company SMIC reported sales of $2.17 billion.\n"
                          "Hua Hong Semiconductor, another leading foundry in China, grew "
                          "sales by 5% in the quarter.\n"
                          "The company's third-quarter sales were $526.30 million.")
    assert _coref(last) == "name:hua-hong-semiconductor"


def test_a_subject_named_between_claims_is_the_antecedent(ruleset: RuleSet) -> None:
    # "Rival Hua Hong ..." is no claim (nothing to check), but the page has moved on to it.
    text = ("SMIC reported third-quarter sales of $2.17 billion on Thursday.\n"
            "Hua Hong Semiconductor had a much quieter quarter than its larger rival.\n"
            "The company's third-quarter sales were $526.30 million.")
    cf = extract_text(text, "p", ruleset.lexicon, meta=DocumentMeta(published="2025-10-23"))
    assert [c.text[:8] for c in cf.claims] == ["SMIC rep", "The comp"]
    assert _coref(normalise_document("p", cf.claims, ruleset.lexicon, text)[-1]) \
        == "name:hua-hong-semiconductor"
    # Without the text between them, the last subject named in a claim.
    assert _coref(normalise_document("p", cf.claims, ruleset.lexicon)[-1]) == "smic"


def test_headings_and_openers_between_claims_name_no_subject(ruleset: RuleSet) -> None:
    from checker.subjects import gap_subject

    gap = ("\nRelated Stories\nHowever, analysts were much less sure about the outlook.\n"
           "Chinese officials declined to comment on the figures on Friday.\n")
    assert gap_subject(gap, 0, len(gap), ruleset.lexicon) is None
    assert gap_subject("\nThe IMF said the outlook for the year had darkened.\n", 0, 52,
                       ruleset.lexicon) is None
    assert gap_subject("\nSMIC faces curbs on the equipment it can buy abroad.\n", 0, 54,
                       ruleset.lexicon) == "smic"


def test_a_production_or_a_crowd_opening_a_sentence_is_the_pages(ruleset: RuleSet) -> None:
    # desk probes N and O: "Group production last year was ..." and "EBITDA margin expanded"
    # named nothing, so two pages' figures were never compared
    for line in ("Group production last year was 1.02 million ounces.",
                 "EBITDA margin expanded 140 basis points to 17.8%.",
                 "A crowd of 37,400 watched the final on Sunday."):
        last = _last(ruleset, "Sable Ridge Gold reported revenue of $4.2 billion.\n" + line)
        assert _coref(last) == "name:sable-ridge-gold", line
