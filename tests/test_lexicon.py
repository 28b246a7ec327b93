"""Entity and predicate matching through the alias rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.lexicon import Lexicon
from checker.nlp import cased_key, match_tokens
from checker.rules import RuleSet, load_rules


def ids(ruleset: RuleSet, text: str) -> list[str | None]:
    return [m.id for m in ruleset.lexicon.find_entities(text)]


def test_aliases_and_both_suparco_spellings(ruleset: RuleSet) -> None:
    assert ids(ruleset, "the Space & Upper Atmosphere Research Commission") == ["suparco"]
    assert ids(ruleset, "the Space and Upper Atmosphere Research Commission") == ["suparco"]
    assert ids(ruleset, "China’s Chang’e 8 mission") == ["china", "change-8"]


def test_demonyms_metonyms_and_roles(ruleset: RuleSet) -> None:
    found = ruleset.lexicon.find_entities("Beijing said a Pakistani astronaut will fly.")
    assert [(m.id, m.role) for m in found] == [("china", "metonym"), ("pakistan", "demonym")]


def test_acronyms_match_case_sensitively(ruleset: RuleSet) -> None:
    assert ids(ruleset, "The US ranked third.") == ["united-states"]
    assert "united-states" not in ids(ruleset, "Let us see what happens next.")


def test_currency_code_is_not_a_country(ruleset: RuleSet) -> None:
    assert "united-states" not in ids(ruleset, "a deal worth US$5 billion")


def test_negating_prefix(ruleset: RuleSet) -> None:
    assert "china" not in ids(ruleset, "the first non-Chinese person")


def test_fuzzy_variant_resolves_but_not_across_numbers(ruleset: RuleSet) -> None:
    lex = ruleset.lexicon
    assert lex.resolve("Chiang’e 6") == "change-6"
    assert lex.resolve("Chang'e 7") is None


def test_unknown_names_kept_as_is(ruleset: RuleSet) -> None:
    found = ruleset.lexicon.find_entities("He met Shanghai Jiao Tong University officials.")
    assert [(m.text, m.id) for m in found] == [("Shanghai Jiao Tong University", None)]


def test_sentence_initial_capitals_are_not_names(ruleset: RuleSet) -> None:
    assert ruleset.lexicon.find_entities("Operating profit was high.") == []


def test_a_word_the_page_writes_in_lower_case_is_no_name_at_a_sentence_start() -> None:
    from checker.propernames import mid_sentence_names

    page = "Voter Turnout Falls\nTurnout was 62%.\nOfficials said turnout fell.\n"
    assert "Turnout" not in mid_sentence_names(page)
    # A name written capitalised more often than not stays one ("Will" and "will").
    page = "They met Will Hart. Then Will said it. Later said Will Hart: it will rain.\n"
    assert "Will" in mid_sentence_names(page)


def test_a_sentence_after_a_dateline_starts_again(ruleset: RuleSet) -> None:
    from checker.extract import extract_document
    from checker.ingest import document_from_text

    page = ("DHAKA, Aug 10 - Dengue cases in Dhaka rose to 4,100 this week, the National "
            "Dengue Control Programme said.\nSince July, dengue deaths in the city reached "
            "41.\n")
    claims = extract_document(document_from_text("d", page), ruleset.lexicon).claims
    names = [e.text for c in claims for e in c.entities]
    assert "Dengue" not in names and "Dhaka" in names
    assert "National Dengue Control Programme" in names


def test_predicates_through_paraphrase(ruleset: RuleSet) -> None:
    lex = ruleset.lexicon
    spans = lex.predicate_spans("China has never been part of the ISS programme.")
    assert [p for p, _, _ in spans] == ["member-of"]
    assert [p for p, _, _ in lex.predicate_spans("Sales fell 7.4%.")] == ["decrease"]


def test_parents(ruleset: RuleSet) -> None:
    assert ruleset.lexicon.ancestors("suparco") == ["pakistan"]



def test_name_look_back_reads_past_a_long_gap() -> None:
    # "Michael Jordan" is one name mid-sentence; "Jordan" after a sentence end is the country,
    # however much white space and how many quotes lie between (read back in chunks).
    from checker.nlp import match_tokens
    from checker.propernames import char_before, inside_longer_name

    for gap in ("", " " * 10, " " * 200, ' "' * 100):
        mid = "He met officials and" + gap + " Michael Jordan yesterday."
        toks = list(match_tokens(mid))
        i = next(k for k, t in enumerate(toks) if t.text == "Jordan")
        assert inside_longer_name(mid, [t.text for t in toks], [t.start for t in toks],
                                  [t.end for t in toks], i, (1, ("jordan", "name")))
        start = "It ended." + gap + " Michael Jordan yesterday."
        assert char_before(start, 0, start.index("Michael"), " \"'(") == "."
        assert char_before(gap, 0, len(gap), " \"'(") == ""


def test_tokens_shared_only_for_the_same_text_and_span(ruleset: RuleSet) -> None:
    lex = ruleset.lexicon
    a = "China signed the deal with Pakistan."
    b = "Japan signed the deal with Pakistan."
    assert [m.text for m in lex.find_entities(a, 0, len(a))][0] == "China"
    assert [m.text for m in lex.find_entities(b, 0, len(b))][0] == "Japan"
    assert lex.predicate_spans(a, 0, len(a)) == lex.predicate_spans(a)


def test_a_hyphenated_single_letter_stays_in_the_name(ruleset: RuleSet) -> None:
    # "Chang-e 8" (a misspelling of Chang'e) is one name with its number: not "Chang", which
    # would make Chang-e 6 and Chang-e 8 one mission with two launch dates.
    texts = [m.text for m in ruleset.lexicon.find_entities(
        "China plans to send Chang-e 8 to the Moon in 2028.")]
    assert "Chang-e 8" in texts and "Chang" not in texts
    # A word after a hyphen is a modifier, not part of the name.
    found = ruleset.lexicon.find_entities("A Beijing-based firm won the contract.")
    assert [(m.text, m.id) for m in found] == [("Beijing", "china")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Washington Post reported it.", [("Washington Post", None)]),
    ("Denzel Washington said the film earned $50 million.", [("Denzel Washington", None)]),
    ("China Daily said exports rose 5%.", [("China Daily", None)]),
    ("The Indian Ocean is warming.", [("Indian Ocean", None)]),
    ("Pakistan International Airlines flew 40 jets.",
     [("Pakistan International Airlines", None)]),
    # an institution of a country still names the country
    ("Pakistan Air Force pilots trained in China.",
     [("Pakistan", "pakistan"), ("Air Force", None), ("China", "china")]),
    ("Washington imposed sanctions on Beijing.",
     [("Washington", "united-states"), ("Beijing", "china")]),
    # a demonym that starts another thing's name is part of it (a desk probe: "Academy of
    # Sciences" and "Water" alone matched any country's academy or water utility)
    ("The Chinese Academy of Sciences said the probe landed.",
     [("Chinese Academy of Sciences", None)]),
    ("The reservoir is run by Scottish Water, the regulator said.", [("Scottish Water", None)]),
    ("Chinese officials said the probe landed.", [("Chinese", "china")]),
    # a score after a name is no part of it, nor a sized figure a name (a desk probe: the
    # teams "Harbour City 2-1" and "Riverton FC 2-1" were never the same two teams)
    ("Riverton FC beat Harbour City 2-1 in the final.",
     [("Riverton FC", None), ("Harbour City", None)]),
    ("Nearly 61 people came, and Around 2 left.", []),
    ("Tianwen 1 reached Mars.", [("Tianwen 1", None), ("Mars", None)]),
    # an owner's name is not part of what it owns (a desk probe: "Veridia's National
    # Renewal Party" never met "the National Renewal Party", and a conflict was missed)
    ("Then Veridia\u2019s National Renewal Party won.",
     [("Veridia", None), ("National Renewal Party", None)]),
    # a party's or team's figure closing a list item is no part of its name (a desk probe:
    # "Pirates 18 and the Motorists 13" was one name); a model number is
    ("Together won 52 seats, the Mayors and Independents 24, the Pirates 18 and the "
     "Motorists 13.", [("Mayors and Independents", None), ("Pirates", None),
                       ("Motorists", None)]),
    ("The Lakers 102, the Celtics 99.", [("Lakers", None), ("Celtics", None)]),
    ("NASA flew Artemis 2, then Atlas 5.",
     [("NASA", "nasa"), ("Artemis 2", None), ("Atlas 5", None)]),
    ("He bought Windows 10 licences.", [("Windows 10", None)]),
    # a day with its possessive is no name (a desk probe drafted "Saturday's")
    ("Voters went to the polls in Saturday's election.", []),
    ("Voters went to the polls in Saturday\u2019s election.", []),
])
def test_a_known_name_inside_another_things_name(ruleset: RuleSet, text: str,
                                                 expected: list[tuple[str, str | None]]) -> None:
    assert [(m.text, m.id) for m in ruleset.lexicon.find_entities(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a plural demonym after a name word ends a team's name, and a demonym before a league
    # word starts one (a desk probe with no rules directory: "Mumbai Indians won the final"
    # was India's win, a conflict with "India won the final by four wickets")
    ("Mumbai Indians won the final by six wickets.", [("Mumbai Indians", None)]),
    ("He played for the Cleveland Indians in 1990.", [("Cleveland Indians", None)]),
    ("American Indians live there.", [("American Indians", None)]),
    ("The Indian Premier League final was played in Ahmedabad.",
     [("Indian Premier League", None), ("Ahmedabad", None)]),
    # the people are still the country's
    ("India won the final by four wickets.", [("India", "india")]),
    ("Many Indians work abroad.", [("Indians", "india")]),
    ("In March Indians voted.", [("Indians", "india")]),
    ("He said Indians voted.", [("Indians", "india")]),
    ("Two Indians were injured.", [("Indians", "india")]),
    ("Young Indians leave for the Gulf.", [("Indians", "india"), ("Gulf", None)]),
    ("Then Britain\u2019s Indians voted.",
     [("Britain\u2019s", "united-kingdom"), ("Indians", "india")]),
])
def test_a_team_named_with_a_demonym(text: str, expected: list[tuple[str, str | None]]) -> None:
    builtin, errors = load_rules([])
    assert not errors
    assert [(m.text, m.id) for m in builtin.lexicon.find_entities(text)] == expected


TOKEN_PARTS = ["China", "Chang'e", "Chang\u2019e", "don't", "x'", "'s", "_", "a_b", "&", "6",
               "-", " ", ".", "\u00e9t\u00e9", "\u0130stanbul", "\u00a0", "\u02bc", "'", "ab12"]


@given(st.lists(st.sampled_from(TOKEN_PARTS), max_size=14), st.integers(0, 30),
       st.one_of(st.none(), st.integers(0, 60)))
def test_tokens_are_match_tokens(parts: list[str], start: int, end: int | None) -> None:
    # Lexicon.tokens splits ASCII and other text with their own patterns: the same tokens,
    # spans and keys as match_tokens over the same span, anywhere in a text.
    text = "".join(parts)
    toks, cased, lower = Lexicon().tokens(text, start, end)
    expected = list(match_tokens(text, start, end))
    assert toks == expected
    assert cased == [cased_key(t.text) for t in expected]
    assert lower == [c.lower() for c in cased]


def test_currency_codes_before_figures_start_no_name(ruleset: RuleSet) -> None:
    found = ruleset.lexicon.find_entities(
        "Then Nestle earned CHF 11.2 billion and Volvo SEK 30 billion, and Rs 2.4 lakh crore.")
    assert [e.text for e in found] == ["Nestle", "Volvo"]


def test_taka_before_figures_starts_no_name(ruleset: RuleSet) -> None:
    # a desk probe: "Tk 150" was an entity
    found = ruleset.lexicon.find_entities(
        "Then Dhaka allocated Tk 150 crore, Taka 20 billion, Tk150 crore and Rs250 crore.")
    assert [e.text for e in found] == ["Dhaka"]
    # a code against a figure is a name ("COP29" is a summit, not Colombian pesos)
    found = ruleset.lexicon.find_entities("The COP29 summit was held in Baku.")
    assert [e.text for e in found] == ["COP29", "Baku"]


def test_an_initialism_keeps_its_last_point(ruleset: RuleSet) -> None:
    found = ruleset.lexicon.find_entities("The U.S. Department of Energy sold jets to the U.K.")
    assert [(m.text, m.id) for m in found] == [
        ("U.S.", "united-states"), ("Department of Energy", None), ("U.K.", "united-kingdom")]


@pytest.mark.parametrize(("name", "same"), [
    ("Harrowgate Retail plc", "Harrowgate Retail"),  # a desk probe: two entities
    ("Norvex Dynamics Inc.", "Norvex Dynamics"),
    ("Keller Logistik GmbH", "Keller Logistik"),
])
def test_a_companys_legal_form_is_no_part_of_its_name(ruleset: RuleSet, name: str,
                                                      same: str) -> None:
    assert ruleset.lexicon.entity_id(name) == ruleset.lexicon.entity_id(same)
    assert ruleset.lexicon.entity_id("Limited") == "name:limited"  # a name of its own


def test_a_magnitude_is_no_name(ruleset: RuleSet) -> None:
    text = "Magnitude-7.4 quake hit the island, killing 12 people."
    assert ruleset.lexicon.find_entities(text, 0, len(text), frozenset()) == []
    # A one-letter part after a hyphen still joins a name ("Chang-e 8").
    assert [m.text for m in ruleset.lexicon.find_entities("They said Chang-e 8 flew.")] \
        == ["Chang-e 8"]


def test_a_correction_label_is_no_name(ruleset: RuleSet) -> None:
    text = "Correction: China is NOT a member of the International Space Station."
    assert [m.id for m in ruleset.lexicon.find_entities(text, 0, len(text), frozenset(
        {"Correction"}))] == ["china", "iss"]


@pytest.mark.parametrize(("text", "names"), [
    # a body of a place is no mention of the place (desk probe K: "Bank of England" was a
    # "Bank" and England), and "and the" starts another name
    ("The Bank of England cut rates.", ["Bank of England"]),
    ("The Bank of England and the European Central Bank held rates.",
     ["Bank of England", "European Central Bank"]),
    ("The Mayor of London and the Port of Karachi signed.", ["Mayor of London", "Port of Karachi"]),
    ("Trinidad and Tobago and the United States signed.", ["Trinidad and Tobago", "United States"]),
])
def test_a_body_of_a_place_is_one_name(ruleset: RuleSet, text: str, names: list[str]) -> None:
    assert [m.text for m in ruleset.lexicon.find_entities(text)] == names


@pytest.mark.parametrize(("text", "names"), [
    # a word that often opens a sentence opens a name mid-sentence (desk probe K: "Launch
    # Complex 40", "Accountability Office", "Museum")
    ("It lifted off from Space Launch Complex 40 at Cape Canaveral.",
     ["Space Launch Complex 40", "Cape Canaveral"]),
    ("A report by the Government Accountability Office found flaws.",
     ["Government Accountability Office"]),
    ("The study was led by Science Museum curators.", ["Science Museum"]),
    # at a sentence's start it is an ordinary word, unless the page capitalises it
    # mid-sentence ("Space" in the second page)
    ("Space Launch Complex 40 was damaged.", ["Launch Complex 40"]),
    ("Space Launch Complex 40 was damaged. It flew from Space Launch Complex 40 again.",
     ["Space Launch Complex 40", "Space Launch Complex 40"]),
    ("Officials Smith and Jones met.", ["Smith", "Jones"]),
    # a public body named after its country is the body (desk probe M)
    ("An alert was issued by the UK Health Security Agency on Monday.",
     ["UK Health Security Agency"]),
    ("The US Energy Information Administration said stocks fell.",
     ["US Energy Information Administration"]),
])
def test_a_sentence_starter_opens_a_name_mid_sentence(ruleset: RuleSet, text: str,
                                                      names: list[str]) -> None:
    assert [m.text for m in ruleset.lexicon.find_entities(text)] == names


@pytest.mark.parametrize(("text", "expected"), [
    ("Flights to the Turks and Caicos Islands were cancelled.",
     [("Turks and Caicos Islands", "turks-and-caicos-islands")]),
    ("The British Virgin Islands and the US Virgin Islands were hit.",
     [("British Virgin Islands", "british-virgin-islands"),
      ("US Virgin Islands", "us-virgin-islands")]),
    ("Two Turks were injured.", [("Turks", "turkey")]),
])
def test_a_territory_named_with_a_demonym_is_no_country(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    # a desk probe: "Turks and Caicos Islands" gave Turkey
    builtin, errors = load_rules([])
    assert not errors
    assert [(m.text, m.id) for m in builtin.lexicon.find_entities(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person's name keeps its particles (each was two names: "Mathieu" and "Poel")
    ("He said Mathieu van der Poel won.", [("Mathieu van der Poel", None)]),
    ("He said Ursula von der Leyen spoke.", [("Ursula von der Leyen", None)]),
    ("He said Luiz Inacio Lula da Silva won.", [("Luiz Inacio Lula da Silva", None)]),
    ("They met in the Place de la Concorde.", [("Place de la Concorde", None)]),
    # a particle at a name's end is none of it
    ("He thanked Maria da.", [("Maria", None)]),
    # a nationality told as a noun is the country, and the name after it a name of its own
    # (desk probe V: "Frenchman Lucas Bernard" was one name)
    ("Frenchman Lucas Bernard was third.", [("Frenchman", "france"), ("Lucas Bernard", None)]),
    ("Welshwoman Elinor Barker won gold.", [("Welshwoman", "wales"), ("Elinor Barker", None)]),
])
def test_names_with_particles_and_nationals(ruleset: RuleSet, text: str,
                                            expected: list[tuple[str, str | None]]) -> None:
    assert [(m.text, m.id) for m in ruleset.lexicon.find_entities(text)] == expected


def test_a_pickled_lexicon_finds_what_it_found_without_the_last_text(ruleset: RuleSet) -> None:
    # Workers on a platform without fork get the lexicon pickled; a compiled Lexicon
    # (checker.native) has no __dict__ to pickle.
    import pickle

    text = "Beijing said a Pakistani astronaut will fly to the ISS in 2026."
    before = ruleset.lexicon.find_entities(text)
    copy = pickle.loads(pickle.dumps(ruleset.lexicon))
    assert copy._last is None and ruleset.lexicon._last is not None
    assert copy.find_entities(text) == before
    assert copy.entities == ruleset.lexicon.entities
    assert copy.predicates == ruleset.lexicon.predicates
    whole = pickle.loads(pickle.dumps(ruleset))  # what a spawned worker is given
    assert whole.lexicon.find_entities(text) == before


@pytest.mark.parametrize("text", ["Lin and and Xu met the press in Beijing.",
                                  "Lin and and Xu met.", "Kitwe and and Ndola and Lusaka."])
def test_two_ands_in_a_row_read_as_one_chunk_not_a_crash(ruleset: RuleSet, text: str) -> None:
    # An empty part between the two "and"s raised IndexError (namebounds.coordinated_parts).
    found = ruleset.lexicon.find_entities(text)
    assert found and found[0].start == 0
