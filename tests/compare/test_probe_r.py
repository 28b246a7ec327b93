"""Desk probe R's pairs (a takeover, a data breach, a weekend's box office, migration
figures; each page with a second outlet's): what comparison read wrong, each case as the
pages write it."""

from __future__ import annotations

import pytest

from checker.compare.blocking import BlockIndex
from checker.compare.slots import compare_quantities
from checker.compare.verdict import judge
from checker.rules import RuleSet
from tests.compare.pairs import norm, on_page, page_verdict

_norm = on_page


def _verdict(ruleset: RuleSet, a: str, b: str, pa: str = "2026-07-14",
             pb: str = "2026-07-15") -> tuple[str, str | None]:
    return page_verdict(ruleset, a, b, pa, pb)


def test_a_refusal_is_no_opposite_of_a_denial(ruleset: RuleSet) -> None:
    # an error-level polarity conflict
    assert _verdict(ruleset, "Telvio said it had not paid and would not pay any ransom.",
                    "The ShadowQuay gang, which claimed the attack, asked for a $5 million "
                    "ransom, which Telvio has refused to pay.")[0] != "conflict"
    # a denial of a payment made still is one
    assert _verdict(ruleset, "Telvio said it had not paid any ransom to the ShadowQuay gang.",
                    "Telvio said it had paid a ransom to the ShadowQuay gang.") == \
        ("conflict", "polarity")


@pytest.mark.parametrize("other", [
    "Bangladeshis made up the largest national group, ahead of Syrians.",
    "Tremors were felt as far away as Damascus in Syria and in Iraq.",
])
def test_a_denial_left_with_a_name_alone_denies_nothing_else(ruleset: RuleSet,
                                                             other: str) -> None:
    # "No deaths" is a figure and "reported ... according to" the telling: the claim's
    # frame is empty, and every claim naming Syria was its opposite (three error-level
    # conflicts and a self-contradiction in the 61 pages)
    assert _verdict(ruleset, "No deaths were reported in Syria, according to the country's "
                    "civil defence.", other)[0] != "conflict"


def test_a_move_in_early_trading_and_at_the_close(ruleset: RuleSet) -> None:
    # "closed 30% higher": the close, a figure between the verb and its direction (an
    # error-level conflict with the morning's 31%)
    assert _verdict(ruleset, "Shares in Brightwell jumped 31% to 489p in early trading in "
                    "London on Monday.", "Brightwell shares closed 30% higher at 485p on "
                    "Monday.", "2026-07-13", "2026-07-14")[0] != "conflict"
    assert _verdict(ruleset, "Brightwell shares closed 31% higher at 489p on Monday.",
                    "Brightwell shares closed 30% higher at 485p on Monday.", "2026-07-13",
                    "2026-07-14") == ("conflict", "number")


def test_two_floors_of_one_toll_are_two_figures(ruleset: RuleSet) -> None:
    # a planted conflict, reported as a corroboration (it is no conflict either: two floors
    # far apart, "at least 58" killed and "more than 50,000", are two tolls)
    a = ("At least 742 people died or went missing trying to cross the central "
         "Mediterranean in the first half of the year, according to the IOM.")
    b = ("The IOM said at least 810 people had died or went missing trying to cross the "
         "central Mediterranean in the first half of the year.")
    assert _verdict(ruleset, a, b)[0] != "corroboration"
    assert _verdict(ruleset, a, b.replace("810", "742"))[0] == "corroboration"
    # a floor and a figure near it still confirm each other
    assert _verdict(ruleset, a, b.replace("at least 810", "760"))[0] == "corroboration"


def test_a_share_of_a_company_and_of_its_shares(ruleset: RuleSet) -> None:
    # "12% of Brightwell" counted "brightwell", and met no "18% of Brightwell's shares"
    assert _verdict(ruleset, "Investors holding about 18% of Brightwell's shares, including "
                    "Halden Capital, have given irrevocable undertakings to back the deal.",
                    "Shareholders owning around 12% of Brightwell, among them Halden Capital, "
                    "have signed irrevocable undertakings in support of the bid.") == \
        ("conflict", "number")


def test_a_ransom_paid_in_bitcoin(ruleset: RuleSet) -> None:
    assert _verdict(ruleset, "A group calling itself ShadowQuay claimed responsibility and "
                    "demanded a ransom of $5m in bitcoin.", "The ShadowQuay gang claimed the "
                    "attack and asked for a $5 million ransom.")[0] == "corroboration"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Overseas, the film added $120 million from 52 markets.", None),
    ("Across the EU, asylum applications fell 12% in the first half.", None),
    ("First-time applications rose to 61,200 in June.", None),
    ("Year-to-date domestic receipts stand at $4.71 billion.", None),
    ("Arrivals in June alone were 7,850.", None),
    ("Audiences gave the film an A- CinemaScore.", None),
    # desk probe S: "Independent" was the only name of a subgroup's share
    ("Independent schools in England awarded A or A* to 47.5% of entries.", None),
    # desk probe T: a spelled number, and ordinary words
    ("Eighty-seven people died on the roads in June.", None),
    ("Season tickets will go on sale on 15 May.", None),
    ("Crews fought the fire for 14 hours.", None),
    # names stay names
    ("Meteora is home to 6 monasteries.", "name:meteora"),
    ("Middle-earth is the setting of 3 novels.", "name:middle-earth"),
])
def test_an_ordinary_first_word_is_no_name(ruleset: RuleSet, sentence: str,
                                           name: str | None) -> None:
    # "Overseas", "Arrivals", "First-time" were names no other page's claim had, and
    # "Across the EU" took the EU's place on other pages
    first = _norm(ruleset, sentence, "a", "2026-07-14")
    word = sentence.lower().split()[0].strip(",")
    guessed = [e for e in first.entities if e.startswith(f"name:{word}")]
    assert guessed == ([name] if name else [])


def test_places_of_one_film(ruleset: RuleSet) -> None:
    # two figures agree and the places differ: a conflict, though no word is shared
    assert _verdict(ruleset, 'Holdover "Full Throttle Road" was fourth with $9.2 million, '
                    "pushing its domestic total past $200 million.", '"Full Throttle Road" '
                    "finished fifth, with $9.2m, and has now passed $200m at home.") == \
        ("conflict", "number")
    # one place told two ways
    assert _verdict(ruleset, 'Horror sequel "The Hollow Night 2" came in third with $18 '
                    "million from 3,480 locations.", '"The Hollow Night 2" debuted in third '
                    "place with $18m.")[0] == "corroboration"


def test_two_pages_of_one_story(ruleset: RuleSet) -> None:
    # the story's name is in most claims of its pages and specific to none: two words in
    # common and most of what they say anchor the figure (in a corpus of these claims, as
    # a desk's two pages of one takeover)
    claims = [_norm(ruleset, text, doc, day) for text, doc, day in [
        ("Brightwell would pay Corvane a break fee of £42m if it walked away in favour of a "
         "rival bidder, while Corvane would owe £85m if the deal failed on competition "
         "grounds.", "a", "2026-07-14"),
        ("Under the terms of the deal, Brightwell would owe a £52m break fee if it switched "
         "to a rival bidder.", "b", "2026-07-15"),
        ("Brightwell shares rose 31% on Monday.", "a", "2026-07-14"),
        ("Corvane's offer values Brightwell at £1.1bn.", "b", "2026-07-15"),
        ("Brightwell employs 5,400 people.", "b", "2026-07-15"),
        ("The deal values Brightwell at £1.1bn, Corvane said.", "a", "2026-07-14"),
        ("Corvane will pay for the deal in cash.", "b", "2026-07-15"),
        ("Brightwell's board backed the terms of the deal on Monday.", "a", "2026-07-14"),
        ("Brightwell has 46 plants in Europe.", "a", "2026-07-14")]]
    index = BlockIndex(claims)
    v = judge(claims[0], claims[1], index, ruleset.lexicon)
    assert (v.label, v.reason) == ("conflict", "number")


_BREACH = [("Telvio said the attack exposed data of about 6.1 million customers.", "a"),
           ("Telvio shares fell 4.6% on Wednesday.", "b"),
           ("Telvio has set up a helpline for customers.", "a"),
           ("Telvio said the breach did not include passwords.", "b"),
           ("Telvio disclosed the attack on 2 June.", "a")]


def test_a_discovery_told_in_other_words(ruleset: RuleSet) -> None:
    # "detected" / "spotted" were two frames: the planted dates never met
    pair = [_norm(ruleset, "Telvio first detected unusual activity on the supplier's systems "
                  "on 19 May, two weeks before it disclosed the attack.", "a", "2026-06-03"),
            _norm(ruleset, "Telvio first spotted suspicious activity on 17 May, according to a "
                  "timeline it published on Wednesday.", "b", "2026-06-04")]
    index = BlockIndex(pair + [_norm(ruleset, t, d, "2026-06-03") for t, d in _BREACH])
    v = judge(pair[0], pair[1], index, ruleset.lexicon)
    assert (v.label, v.reason) == ("conflict", "date")


def test_two_age_groups_are_two_groups(ruleset: RuleSet) -> None:
    # the 61 pages: an error-level conflict of "18 to 24" with "65"
    assert _verdict(ruleset, "Among voters aged 18 to 24 in Britain, the rate rose to 22%, "
                    "up 5 points since October.", "Among people aged 65 and over in Britain, "
                    "the rate was 19.2 per 100,000.")[0] != "conflict"
    assert _verdict(ruleset, "Unemployment among 15 to 24-year-olds in Spain rose to 27%.",
                    "Unemployment among 25 to 34-year-olds in Spain rose to 12%.")[0] != \
        "conflict"
    # a person's age is one age
    assert _verdict(ruleset, "Gareth Pryce, 53, was jailed at Newport Crown Court on "
                    "Thursday.", "Gareth Pryce, 52, was jailed at Newport Crown Court on "
                    "Thursday.") == ("conflict", "number")


def test_one_thing_of_two_owners(ruleset: RuleSet) -> None:
    # the 61 pages: two miners' shares, one fact through the Sydney both name
    assert _verdict(ruleset, "Sable Ridge's shares rose 6.3% to A$4.87 in Sydney, valuing "
                    "the company at about A$6.9bn.", "Kestrel's shares rose 4.8% in Sydney to "
                    "A$6.12, a 52-week high.")[0] == "unrelated"
    # one owner's, told twice
    assert _verdict(ruleset, "Sable Ridge's shares rose 6.3% to A$4.87 in Sydney on "
                    "Monday.", "Sable Ridge's shares rose 4.8% to A$4.87 in Sydney on "
                    "Monday.") == ("conflict", "number")


_STOLEN = ("Dutch telecoms operator Telvio said on Tuesday that hackers had stolen personal "
           "data belonging to about 6.1 million customers.")


@pytest.mark.parametrize(("sentence", "compared"), [
    # a part said to be among the whole: no count of the whole's customers (an error)
    ("Bank account details of about 240,000 customers were among the stolen data, Telvio "
     "said.", []),
    # the whole's own figure, and a part told in a clause of its own: compared
    ("Hackers stole data of 4.2 million customers, and bank details were among the "
     "stolen data.", [("about 6.1 million", "4.2 million")]),
    ("Data of 4.2 million customers was stolen.", [("about 6.1 million", "4.2 million")]),
])
def test_a_part_among_its_whole(ruleset: RuleSet, sentence: str,
                                compared: list[tuple[str, str]]) -> None:
    a = norm(ruleset, _STOLEN, "a", "2026-06-03")
    b = norm(ruleset, sentence, "b", "2026-06-04")
    agreeing, conflicting = compare_quantities(a, b)[:2]
    assert conflicting == compared
    assert not agreeing
