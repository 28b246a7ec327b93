"""Quantity parsing, table-driven: the examples of issue 3 and the known failure modes of
generic parsers (quantulum3 issues #9, #20, #45, #153 among them)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.extract import quantity_patterns as qp
from checker.extract.dates import find_dates
from checker.extract.quantities import Quantity, find_quantities
from checker.extract.quantity_hits import _may_end_modifier, modifier_before
from checker.extract.quantity_values import precision


def quantities(text: str) -> list[Quantity]:
    """What extraction sees: dates are found first and left out of the quantities."""
    dates = find_dates(text)
    return find_quantities(text, skip=[(d.start, d.end) for d in dates])


# (sentence, the expected quantity's surface text, expected fields)
ROWS: list[tuple[str, str, dict[str, Any]]] = [
    # issue 3
    ("SMIC recorded $2.17119 billion in sales.", "$2.17119 billion",
     {"kind": "money", "unit": "USD", "value": 2_171_190_000, "low": 2_171_185_000,
      "high": 2_171_195_000, "bound": "exact", "approximate": False, "noun": "sales"}),
    ("Chinese arms made up 81 per cent of imports.", "81 per cent",
     {"kind": "percent", "unit": "%", "value": 81, "low": 80.5, "high": 81.5, "noun": "imports"}),
    ("It signed a deal worth US$5 billion.", "US$5 billion",
     {"kind": "money", "unit": "USD", "value": 5e9, "approximate": False}),
    ("A deal worth around US$5 billion was signed.", "around US$5 billion",
     {"kind": "money", "unit": "USD", "value": 5e9, "approximate": True, "low": 4.5e9,
      "high": 5.5e9}),
    ("Its young population of 240 million is online.", "240 million",
     {"kind": "count", "value": 240e6, "low": 235e6, "high": 245e6, "bound": "exact"}),
    ("Tens of thousands of Pakistani students study there.", "Tens of thousands",
     {"kind": "count", "value": None, "low": 20_000, "high": 99_999, "bound": "range",
      "approximate": True, "noun": "students"}),
    ("Orders include more than 600 VT-4 battle tanks.", "more than 600",
     {"kind": "count", "value": 600, "low": 600, "high": None, "bound": "lower",
      "approximate": False, "noun": "tanks"}),
    ("It has a system with about 70 missiles.", "about 70",
     {"kind": "count", "value": 70, "low": 63, "high": 77, "approximate": True,
      "noun": "missiles"}),
    # a hedged percentage widens by two points at most, a small one by a tenth of it
    ("Vaccination coverage is about 78%, the ministry said.", "about 78%",
     {"kind": "percent", "value": 78, "low": 76, "high": 80, "approximate": True}),
    ("Inflation is about 5%.", "about 5%", {"kind": "percent", "low": 4.5, "high": 5.5}),
    # "as many as" is a ceiling, "as few as" a floor
    ("The outbreak may have infected as many as 900 people.", "as many as 900",
     {"kind": "count", "value": 900, "low": None, "high": 900, "bound": "upper",
      "noun": "people"}),
    ("Prices fell to as little as $3 a kilo.", "as little as $3",
     {"kind": "money", "value": 3, "low": 3, "high": None, "bound": "lower"}),
    # what is counted is not an adverb, a verb or a time (a desk review's cases)
    ("Cases have risen to 340 so far.", "340", {"kind": "count", "noun": None}),
    ("Service on all 42 routes remains suspended.", "42", {"noun": "routes"}),
    ("Cases peaked at 710 in mid-March.", "710", {"noun": None}),
    ("Shares rose 4.2% in early trading.", "4.2%", {"noun": None}),
    # a number word closing a clause is a level ("stands at four."), not "one of four."
    ("The death toll stands at four.", "four", {"kind": "count", "value": 4, "noun": None}),
    ("The toll rose to seven, officials said.", "seven", {"value": 7}),
    ("Voters there numbered two million.", "two million", {"value": 2e6}),
    # "over" a span of time says how long, not "more than" (unless it lasted over it)
    ("Drivers accepted a 4.5% pay rise over two years.", "two years",
     {"value": 2, "low": 2, "high": 2, "bound": "exact"}),
    ("The strike lasted over three hours.", "over three hours", {"low": 3, "high": None,
                                                                   "bound": "lower"}),
    # a number word takes the unit after it as digits do (a probe: "seven years" was a count)
    ("Kestrel-1 is designed to operate for seven years.", "seven years",
     {"kind": "measure", "unit": "year", "value": 7, "low": 7, "high": 7, "noun": None}),
    ("The launch was delayed by two years.", "two years",
     {"kind": "measure", "unit": "year", "value": 2}),
    ("It will take about five years of work.", "about five years",
     {"kind": "measure", "unit": "year", "value": 5, "approximate": True, "noun": "work"}),
    ("The road is five km long.", "five km", {"kind": "measure", "unit": "m", "value": 5000}),
    ("It cost two million dollars.", "two million dollars",
     {"kind": "money", "unit": "USD", "value": 2e6}),
    ("Broadband users nearly doubled in five years.", "nearly doubled",
     {"kind": "ratio", "unit": "x", "value": 2.0, "low": 1.7, "high": 2.0, "approximate": True}),
    ("Mobile users tripled.", "tripled", {"kind": "ratio", "value": 3.0, "approximate": False}),
    ("Sales more than doubled.", "more than doubled",
     {"kind": "ratio", "value": 2.0, "low": 2.0, "high": None, "bound": "lower"}),
    # generic parsers' failure modes
    ("It spent \u00a32bn on it.", "\u00a32bn", {"kind": "money", "unit": "GBP", "value": 2e9}),
    ("Some 1.2m people voted.", "Some 1.2m",
     {"kind": "count", "value": 1.2e6, "approximate": True, "noun": "people"}),
    ("The census counted 1\u2009234\u2009567 people.", "1\u2009234\u2009567",
     {"kind": "count", "value": 1_234_567, "low": 1_234_566.5, "high": 1_234_567.5}),
    ("The census counted 1\u202f234\u202f567 people.", "1\u202f234\u202f567",
     {"kind": "count", "value": 1_234_567}),
    ("Exports reached 816 000 tonnes.", "816 000 tonnes",  # quantulum3 #45
     {"kind": "measure", "unit": "kg", "value": 816e6}),
    ("Pakistan approves Rs. 3.3 Billion centre.", "Rs. 3.3 Billion",
     {"kind": "money", "unit": "PKR", "value": 3.3e9}),
    ("The budget is Rs 250 crore.", "Rs 250 crore", {"kind": "money", "unit": "PKR",
                                                     "value": 2.5e9}),
    ("It raised $6.5B last year.", "$6.5B", {"kind": "money", "unit": "USD", "value": 6.5e9}),
    ("It drove 1k miles.", "1k miles",  # quantulum3 #20: k is thousand, not kelvin
     {"kind": "measure", "unit": "m", "value": 1_609_344}),
    ("The wall is 1.2m tall.", "1.2m", {"kind": "measure", "unit": "m", "value": 1.2}),
    ("Net profit was $148.80 million.", "$148.80 million",
     {"value": 148.8e6, "low": 148.795e6, "high": 148.805e6}),
    ("That was up 7 percentage points.", "7 percentage points",
     {"kind": "points", "unit": "pp", "value": 7}),
    ("Rates rose 50 basis points.", "50 basis points", {"kind": "points", "value": 0.5}),
    ("Sales fell by a 7.4% decrease.", "7.4%", {"kind": "percent", "value": 7.4,
                                              "noun": "decrease"}),
    ("Support is between 5 and 10 per cent.", "5 and 10 per cent",
     {"kind": "percent", "value": 7.5, "low": 5, "high": 10, "bound": "range"}),
    ("Growth was 5-10% a year.", "5-10%", {"kind": "percent", "low": 5, "high": 10,
                                          "bound": "range"}),
    ("Turnout was under 5% of voters.", "under 5%",
     {"kind": "percent", "low": None, "high": 5, "bound": "upper"}),
    ("Over 300 officials attended.", "Over 300", {"bound": "lower", "value": 300}),
    ("About 2000 troops were sent.", "About 2000",  # a year-like number that counts
     {"kind": "count", "value": 2000, "approximate": True, "noun": "troops"}),
    ("Ten per cent of it is gone.", "Ten per cent", {"kind": "percent", "unit": "%",
                                                     "value": 10}),
    ("It took five million people.", "five million", {"value": 5e6, "noun": "people"}),
    ("It hired a dozen people.", "a dozen", {"value": 12}),
    ("China has invested billions of dollars there.", "billions",
     {"kind": "money", "unit": "USD", "low": 2e9, "value": None, "bound": "range"}),
    ("It is 3 km long.", "3 km", {"kind": "measure", "unit": "m", "value": 3000}),
    ("It ranked at No 4 and No. 10.", "No 4", {"kind": "rank", "value": 4}),
    ("It ranked No. 1 in Asia.", "No. 1", {"kind": "rank", "value": 1}),
    ("They were ranked at 13th, 16th and 20th.", "13th", {"kind": "rank", "value": 13}),
    # what a rank ranks, from a closed list; other nouns are not read ("50th goal")
    ("He scored in the 87th minute.", "87th", {"kind": "rank", "value": 87, "noun": "minute"}),
    ("She finished in 3rd place.", "3rd", {"kind": "rank", "value": 3, "noun": "place"}),
    ("It was his 50th goal.", "50th", {"kind": "rank", "value": 50, "noun": None}),
    ("He was the No 4 seed.", "No 4", {"kind": "rank", "value": 4, "noun": None}),
    ("It employs 1,000 people.", "1,000", {"value": 1000, "noun": "people"}),
    # units of science and weather pages, and the UK/Pakistani "pc"
    ("Rainfall was 120 mm in a day.", "120 mm", {"kind": "measure", "unit": "m", "value": 0.12}),
    ("It hit 45\u00b0C in Jacobabad.", "45\u00b0C", {"kind": "measure", "unit": "degC"}),
    ("CO2 peaked at 419.3 ppm.", "419.3 ppm", {"kind": "measure", "unit": "ppm", "value": 419.3}),
    ("Emissions reached 37.4 Gt last year.", "37.4 Gt", {"unit": "kg", "value": 37.4e12}),
    ("A bottle of 2.5 litres was sold.", "2.5 litres", {"unit": "m3", "value": 0.0025}),
    ("The star is 4.2 light-years away.", "4.2 light-years",
     {"unit": "m", "value": 4.2 * 9.4607e15}),
    ("It covers 796,095 square kilometres.", "796,095 square kilometres",
     {"kind": "measure", "unit": "m2", "value": 796_095e6}),
    ("Inflation was 5.2pc in March.", "5.2pc", {"kind": "percent", "unit": "%", "value": 5.2}),
    ("The flight took 1 hour.", "1 hour", {"kind": "measure", "unit": "hour", "value": 1}),
    # money of unseen news pages (a desk probe): Indian scales, ISO codes, pence, a spaced
    # symbol
    ("Revenue was Rs 2.4 lakh crore in the quarter.", "Rs 2.4 lakh crore",
     {"kind": "money", "value": 2.4e12, "low": 2.35e12, "high": 2.45e12}),
    ("It raised Rs 5,000 crore.", "Rs 5,000 crore", {"kind": "money", "value": 5e10}),
    ("Equinor paid NOK 45 billion in taxes.", "NOK 45 billion",
     {"kind": "money", "unit": "NOK", "value": 45e9, "noun": "taxes"}),
    ("Nestle earned CHF 11.2 billion and Volvo SEK 30 billion.", "SEK 30 billion",
     {"kind": "money", "unit": "SEK", "value": 30e9}),
    ("The lira fell to TRY 32 per dollar.", "TRY 32", {"kind": "money", "unit": "TRY"}),
    ("It secured US$ 16.2 million in funding.", "US$ 16.2 million",
     {"kind": "money", "unit": "USD", "value": 16.2e6, "noun": "funding"}),
    ("Tickets cost \u20ac 5 each.", "\u20ac 5", {"kind": "money", "unit": "EUR", "value": 5}),
    ("Shares rose 12 pence to 310p on Tuesday.", "12 pence",
     {"kind": "money", "unit": "GBP", "value": 0.12}),
    ("Shares rose 12 pence to 310p on Tuesday.", "310p",
     {"kind": "money", "unit": "GBP", "value": 3.10, "low": 3.05, "high": 3.15}),
    ("The stock closed at 87.5p.", "87.5p", {"kind": "money", "unit": "GBP", "value": 0.875}),
    # volumes, decimal commas, multiples
    ("The reservoir holds 2.3 billion cubic metres of water.", "2.3 billion cubic metres",
     {"kind": "measure", "unit": "m3", "value": 2.3e9, "noun": "water"}),
    ("Russia sent 15 bcm of gas.", "15 bcm", {"kind": "measure", "unit": "m3", "value": 15e9}),
    ("Inflation rose to 3,4% in February.", "3,4%",
     {"kind": "percent", "value": 3.4, "low": 3.35, "high": 3.45}),
    ("Unemployment was 12,75 per cent.", "12,75 per cent", {"kind": "percent", "value": 12.75}),
    ("Exports were 2.3 times higher than in 2019.", "2.3 times",
     {"kind": "ratio", "unit": "x", "value": 2.3, "low": 2.25, "high": 2.35, "noun": None}),
    ("Cases rose 2.5-fold in a week.", "2.5-fold", {"kind": "ratio", "value": 2.5}),
    ("Sales rose about 3 times as fast.", "about 3 times",
     {"kind": "ratio", "value": 3, "approximate": True}),
    ("Its output grew tenfold.", "tenfold", {"kind": "ratio", "value": 10}),
    # a multiple written as a word is the ratio its digits are, exact as a word is (a desk
    # probe: a count of "times", so it never met "4 times more frequent")
    ("Heatwaves will become three times more frequent by 2050.", "three times",
     {"kind": "ratio", "unit": "x", "value": 3, "low": 3, "high": 3, "noun": None}),
    ("Workers are up to four times more likely to fall ill.", "up to four times",
     {"kind": "ratio", "value": 4, "low": None, "high": 4, "bound": "upper"}),
    # a dose, a small mass or volume (a desk probe: a count of doses; "75mg" no figure)
    ("A daily 75 mg dose of aspirin did not help.", "75 mg",
     {"kind": "measure", "unit": "kg", "value": 75e-6, "noun": "dose"}),
    ("Patients took 75mg of aspirin.", "75mg", {"kind": "measure", "unit": "kg", "value": 75e-6}),
    ("Each bottle holds 500 ml of water.", "500 ml",
     {"kind": "measure", "unit": "m3", "value": 500e-6, "noun": "water"}),
    ("It has 20 grams of sugar and 400 micrograms of folate.", "400 micrograms",
     {"kind": "measure", "unit": "kg", "value": 400e-9}),
    # "within" a distance or a time is at most it (a desk probe: an exact 1,500-2,500 m)
    ("Most lived within 2 km of a hospital.", "within 2 km",
     {"kind": "measure", "unit": "m", "value": 2000, "low": None, "high": 2000,
      "bound": "upper"}),
    # a number word after a figure is no noun of it (a desk probe: 2.6% of "three")
    ("Inflation was 2.6% three months ago.", "2.6%", {"kind": "percent", "noun": None}),
    # US cents are money in dollars (a desk probe: a count of cents, "US" a mention)
    ("The Australian dollar rose to 65.4 US cents.", "65.4 US cents",
     {"kind": "money", "unit": "USD", "value": 0.654, "low": 0.6535, "high": 0.6545}),
    ("A stamp costs 85 euro cents.", "85 euro cents", {"kind": "money", "unit": "EUR",
                                                      "value": 0.85}),
    # an earthquake's magnitude is what the figure measures (a desk probe: 6.8 counted
    # "tarsa", 7.4 "earthquake", and the two magnitudes corroborated)
    ("A magnitude 6.8 earthquake struck Tarsa province.", "6.8",
     {"kind": "count", "value": 6.8, "noun": "magnitude"}),
    ("A 7.4-magnitude quake hit Tarsa.", "7.4-magnitude",
     {"kind": "count", "value": 7.4, "noun": "magnitude"}),
    ("A magnitude-7.4 quake hit Tarsa.", "7.4",
     {"kind": "count", "value": 7.4, "noun": "magnitude"}),
    ("Magnitude-7.4 quake hit Tarsa.", "7.4", {"kind": "count", "noun": "magnitude"}),
    # an ISO code spaced from its figure is money; glued to it, a name ("COP29")
    ("Colombia raised COP 45 billion in bonds.", "COP 45 billion",
     {"kind": "money", "unit": "COP", "value": 45e9}),
    # a part of a total counts the total's noun; the total counts nothing of its own (a desk
    # probe: "won 142 of the 300 seats" was "300 seats" against another outlet's 142)
    ("The party won 142 of the 300 seats.", "142", {"value": 142, "noun": "seats"}),
    ("The party won 142 of the 300 seats.", "300", {"value": 300, "noun": None}),
    ("It won 142 out of 300 seats.", "142", {"noun": "seats"}),
    # ... and after a possessive (desk probe Q6: "winning 31 of its 57 seats" was "57 seats",
    # an error-level conflict with "with 31 of the 57 seats")
    ("The Alliance won 31 of its 57 seats.", "31", {"value": 31, "noun": "seats"}),
    ("The Alliance won 31 of its 57 seats.", "57", {"value": 57, "noun": None}),
    ("They kept 12 of their 40 stores.", "12", {"noun": "stores"}),
    # Indian digit grouping is one number (a desk probe: "1,01,566" was "1" and "01,566",
    # an error-level conflict with "101,566")
    ("A crowd of 1,01,566 watched the final.", "1,01,566",
     {"kind": "count", "value": 101_566, "low": 101_565.5, "high": 101_566.5}),
    ("It raised Rs 12,34,56,789 in all.", "Rs 12,34,56,789",
     {"kind": "money", "value": 123_456_789}),
    ("It sold 1,01,566.5 tonnes.", "1,01,566.5 tonnes", {"unit": "kg", "value": 101_566_500}),
    # Bangladeshi taka (a desk probe: "Tk 150 crore" was a count of nothing)
    ("Bangladesh has allocated Tk 150 crore for dengue control.", "Tk 150 crore",
     {"kind": "money", "unit": "BDT", "value": 1.5e9}),
    ("It allocated Tk150 crore.", "Tk150 crore", {"kind": "money", "unit": "BDT"}),
    ("The state paid Taka 20 billion.", "Taka 20 billion",
     {"kind": "money", "unit": "BDT", "value": 20e9}),
    ("Relief cost 500 crore taka.", "500 crore taka",
     {"kind": "money", "unit": "BDT", "value": 5e9}),
    # currencies written as a word after the figure (desk probe B: "1.2 billion rand" was a
    # count of "rand")
    ("The court ordered Vantrex to pay 1.2 billion rand.", "1.2 billion rand",
     {"kind": "money", "unit": "ZAR", "value": 1.2e9}),
    ("The budget is 500 million naira.", "500 million naira",
     {"kind": "money", "unit": "NGN", "value": 5e8}),
    ("Fines reached 40,000 kwacha.", "40,000 kwacha", {"kind": "money", "unit": "ZMW"}),
    ("It cost 3 billion roubles.", "3 billion roubles", {"kind": "money", "unit": "RUB"}),
    ("They ran 10 randomised trials.", "10", {"kind": "count", "unit": None}),
    # a unit written once, after the second of two figures, is the first's too (a desk
    # probe: "1.0 billion to 1.05 billion pounds" read the lower figure as a count), and
    # "X to Y" is one range like "between X and Y" (a desk probe: "$12.5 billion to $13
    # billion" was two figures, and two different forecasts corroborated)
    ("It forecast 1.0 billion to 1.05 billion pounds.", "1.0 billion to 1.05 billion pounds",
     {"kind": "money", "unit": "GBP", "value": 1.025e9, "low": 1e9, "high": 1.05e9,
      "bound": "range"}),
    ("Profit will be 1.10 billion to 1.15 billion pounds.",
     "1.10 billion to 1.15 billion pounds",
     {"kind": "money", "unit": "GBP", "low": 1.1e9, "high": 1.15e9, "bound": "range"}),
    ("Kestrel forecast full-year revenue of $12.5 billion to $13 billion.",
     "$12.5 billion to $13 billion",
     {"kind": "money", "unit": "USD", "value": 12.75e9, "low": 12.5e9, "high": 13e9,
      "bound": "range", "approximate": False}),
    ("It expects sales of $16.5 billion to $16.8 billion.", "$16.5 billion to $16.8 billion",
     {"low": 16.5e9, "high": 16.8e9, "bound": "range"}),
    ("About 10 to 12 people died.", "About 10 to 12",
     {"kind": "count", "low": 9, "high": 12, "bound": "range", "approximate": True,
      "noun": "people"}),
    ("Children aged 5 to 11 years may enrol.", "5 to 11 years",
     {"kind": "measure", "unit": "year", "low": 5, "high": 11, "bound": "range"}),
    ("Unemployment fell from 5 to 4.5 per cent.", "5",
     {"kind": "percent", "unit": "%", "value": 5}),
    ("It costs 500 to 1.2 million pounds.", "500", {"kind": "count", "unit": None}),  # 500 what?
    ("Shares rose 12 pence to 310p on Tuesday.", "12 pence", {"value": 0.12}),
    # a figure after a party's or team's name that closes a list item counts (a desk probe:
    # "the Pirates 18" was part of a name, and no figure)
    ("Together won 52 seats, the Pirates 18 and the Motorists 13.", "18",
     {"kind": "count", "value": 18}),
    ("Together won 52 seats, the Pirates 18 and the Motorists 13.", "13", {"value": 13}),
    ("The Mayors and Independents 24, the Pirates 18.", "24", {"value": 24}),
    # a number written out is read whole (a desk probe: "Twenty-three people" was 3 people,
    # "forty-five percent" 5 %, and each an error-level conflict with its figure in digits)
    ("Twenty-three people were killed, police said.", "Twenty-three",
     {"kind": "count", "value": 23, "low": 23, "high": 23, "noun": "people"}),
    ("Coverage is forty-five percent, the WHO said.", "forty-five percent",
     {"kind": "percent", "unit": "%", "value": 45}),
    ("KITWE - Forty-eight people have died of cholera.", "Forty-eight",
     {"value": 48, "noun": "people"}),
    ("It hired twenty one engineers.", "twenty one", {"value": 21, "noun": "engineers"}),
    ("Ninety-nine flights were cancelled.", "Ninety-nine", {"value": 99}),
    ("It sent one hundred and twenty troops.", "one hundred and twenty",
     {"value": 120, "noun": "troops"}),
    ("A hundred and five people came.", "A hundred and five", {"value": 105}),
    ("Two hundred people came.", "Two hundred", {"value": 200, "noun": "people"}),
    ("Three thousand troops came.", "Three thousand", {"value": 3000}),
    ("Two hundred and fifty thousand people came.", "Two hundred and fifty thousand",
     {"value": 250_000}),
    ("One million people came.", "One million", {"value": 1e6}),
    # an age in commas after a name counts nothing (a desk probe: "Babiš, 72," was a
    # count); it is the person's age (desk probe D: "Pryce, 52" and "Pryce, 53" were no
    # figures at all)
    ("Babi\u0161, 72, said talks would begin.", "72",
     {"kind": "measure", "unit": "year", "noun": "age", "value": 72}),
    ("The leader, Andrej Babi\u0161, 72, won.", "72", {"kind": "measure", "noun": "age"}),
    # a change told of a forecast that is a range ("up from a previous forecast of"): the
    # old forecast is one range (desk probe C: read as two figures, 780 and 820 million)
    ("Profit of 810 million to 840 million pounds, up from a previous forecast of 780 "
     "million to 820 million pounds.", "780 million to 820 million pounds",
     {"kind": "money", "bound": "range", "low": 780e6, "high": 820e6}),
    ("Sales fell from an earlier estimate of $2 billion to $3 billion.",
     "$2 billion to $3 billion", {"bound": "range"}),
    ("Gareth Pryce, 52, of Ystrad Mynach, took the money.", "52",
     {"kind": "measure", "unit": "year", "noun": "age", "low": 51.5, "high": 52.5}),
    # a temperature written against its number, as news copy does ("44.6C (112.3F)"): a
    # measure like "44.6 degrees Celsius" (a desk probe: 44.6C and 46.4C of one day in one
    # city were no figures, and their pages a corroboration)
    ("Temperatures hit 44.6C (112.3F) in Cordoba.", "44.6C",
     {"kind": "measure", "unit": "degC", "value": 44.6, "low": 44.55, "high": 44.65}),
    ("Temperatures hit 44.6C (112.3F) in Cordoba.", "112.3F",
     {"kind": "measure", "unit": "degF", "value": 112.3}),
    ("Cordoba recorded 112F on Sunday.", "112F", {"unit": "degF", "value": 112}),
    ("Nights did not fall below 28C, AEMET said.", "below 28C", {"unit": "degC", "value": 28}),
    # desk probe L: "parts per million" is ppm, a rate of a year keeps its year, and the noun
    # is the plural head of four words, never a word of time after the figure
    ("CO2 averaged 431.2 parts per million in May.", "431.2 parts per million",
     {"kind": "measure", "unit": "ppm", "value": 431.2}),
    ("Sea levels rose by 4.7 mm a year between 2015 and 2025.", "4.7 mm a year",
     {"kind": "measure", "unit": "m/yr", "value": 0.0047}),
    ("The rate was 2.1 mm per year.", "2.1 mm per year", {"unit": "m/yr", "value": 0.0021}),
    ("Ukraine said it shot down 18 Russian air defence systems.", "18",
     {"kind": "count", "noun": "systems"}),
    ("Exposure was assessed every three years thereafter.", "three years",
     {"unit": "year", "noun": None}),
    ("The plane landed more than four hours later.", "more than four hours",
     {"unit": "hour", "noun": None}),
    # one of a toll is a figure (desk probe L: "one civilian was killed" had none), its noun
    # the person, not the verb
    ("The governor said one civilian was killed and two were injured.", "one",
     {"kind": "count", "value": 1, "noun": "civilian"}),
    ("One person died in the fire.", "One", {"kind": "count", "value": 1, "noun": "person"}),
    # one of a margin is a figure too ("three points clear" corroborated "one point clear",
    # which had none: a review), its noun the point, told as a margin (desk probe Y: a
    # margin is no tally, "11 seats short" / "won 21 seats")
    ("Arsenal are one point clear at the top.", "one",
     {"kind": "count", "value": 1, "noun": "ahead point"}),
    ("The bill passed by one vote.", "one", {"kind": "count", "value": 1, "noun": "vote"}),
    ("Inflation rose by one percentage point.", "one percentage point",
     {"kind": "points", "unit": "pp", "value": 1}),
    # desk probe M: a race's or a jump's "m" is metres, not a million; a result's "sec"
    ("Okonkwo jumped 8.41m to win the long jump.", "8.41m",
     {"kind": "measure", "unit": "m", "value": 8.41}),
    ("She won the 60m hurdles in 7.82sec.", "60m", {"kind": "measure", "unit": "m",
                                                   "value": 60, "noun": "hurdles"}),
    ("She won the 60m hurdles in 7.82sec.", "7.82sec", {"kind": "measure", "unit": "second",
                                                       "value": 7.82}),
    ("The 4x400m relay team won gold.", "400m", {"kind": "measure", "unit": "m"}),
    ("She won the heat in 7.02s.", "7.02s", {"kind": "measure", "unit": "second",
                                             "value": 7.02}),
    ("He won the men's 1500m in 3:34.19.", "1500m", {"kind": "measure", "unit": "m"}),
    ("Smith cleared 4.80m in the pole vault.", "4.80m", {"unit": "m", "value": 4.8}),
    ("The 1.2m residents were told to leave.", "1.2m", {"kind": "count", "value": 1.2e6}),
    ("Highs of 24-27C are expected on Thursday.", "24-27C",
     {"kind": "measure", "unit": "degC", "low": 24, "high": 27, "bound": "range"}),
    ("Temperatures of 24 to 27C are forecast.", "24 to 27C",
     {"unit": "degC", "low": 24, "high": 27}),
    ("MPs approved Section 4(2) of the bill by 312 votes to 204.", "312",
     {"kind": "count", "noun": "votes"}),
    # a tally's second count counts the first's noun (desk probe M: no noun, never compared)
    ("MPs approved Section 4(2) of the bill by 312 votes to 204.", "204",
     {"kind": "count", "noun": "votes against"}),
    ("The chain grew from 40 stores to 52 in a year.", "52", {"noun": "stores"}),
    # a range of temperatures written against their numbers (desk probe L: two figures)
    ("The mean is likely to be between 1.4C and 1.9C above pre-industrial levels.",
     "1.4C and 1.9C", {"kind": "measure", "unit": "degC", "low": 1.4, "high": 1.9,
                       "bound": "range"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), ROWS, ids=[r[1] for r in ROWS])
def test_quantity(text: str, surface: str, expected: dict[str, Any]) -> None:
    found = {q.text: q for q in quantities(text)}
    assert surface in found, f"{surface!r} not among {list(found)}"
    q = found[surface]
    assert text[q.start:q.end] == surface
    for name, value in expected.items():
        got = getattr(q, name)
        if isinstance(value, float | int) and not isinstance(value, bool) and got is not None:
            assert got == pytest.approx(value), name
        else:
            assert got == value, name


# Text that holds no quantity at all (or only the listed ones).
NOT_QUANTITIES: list[tuple[str, list[str]]] = [
    ("He was one of four.", []),
    ("One of the soldiers was hurt.", []),
    ("One person is allowed per household.", []),
    # a telephone number, a provision's number (desk probe M)
    ("Call 0800 046 7712 for a refund.", []),
    ("In Ireland call 1800 903 215 free.", []),
    ("Call (01632) 960 455 or +44 20 7946 0958 today.", []),
    ("New clause 9 was rejected.", []),
    ("Under Article 6 of the treaty, members must report.", []),
    ("One man was the driver of the car.", []),
    ("One student was chosen to speak.", []),
    ("She is one person who was asked.", []),
    ("The company has two.", []),
    ("The 2012\u201313 budget was passed.", []),  # a fiscal year, not 2012 to 13
    ("The 2012-13 budget was passed.", []),
    ("exports rose from $1943 million in 2012\u201313.", ["$1943 million"]),  # quantulum3 #45
    # times are no counts, amounts nor measures (test_clock_times reads them as times)
    ("It launched at 2.15pm on Monday.", []),
    ("It opens at 10:30 and closes at 9 a.m.", []),
    ("The J-10CE and JF-17 fighters flew.", []),
    ("A long-range HQ-9 system was sold.", []),
    ("China\u2019s Chang\u2019e 6 mission landed.", []),
    ("Chang'e 8 will carry a rover.", []),
    ("The American F-35 or Russian Su-57 jets.", []),
    ("Some 200 medium-range LY-80s were sold.", ["Some 200"]),
    ("The Block III version is new.", []),
    ("A five-year plan and a 4.5-generation jet.", []),
    ("A 24/7 service on 3/4/2024.", []),
    ("In April 2015 production was paused.", []),  # quantulum3 #45: not 2015 of anything
    ("The date 2025-02-30 does not exist.", []),  # an impossible date is not 2025 or 30
    ("It is a mix of both.", []),  # quantulum3 #153: "mix" is not a mile
    ("The COVID-19 pandemic and the G20 summit.", []),
    ("iPhone 15 buyers and Windows 10 users.", []),
    ("Tech7 STZ and Sky47 are operators.", []),
    ("The two countries and both sides agreed.", []),  # anaphora, not new figures
    ("Mrs 5 said so.", []),  # "rs" inside a word is not rupees
    ("The planet GJ 486b orbits a red dwarf.", []),  # a name, not 486 billion
    ("Kepler-452b and Article 6b were cited.", []),
    # kelvin after a space: 3,400, not 3.4 million
    ("Its surface is roughly 3 400 K.", ["roughly 3 400"]),
    ("About 1.2m people and 10k runners came; it cost $5b.", ["About 1.2m", "10k", "$5b"]),
    ("It cost 5b dollars.", ["5b dollars"]),  # money: the b is billions
    ("The 5 PC games sold well.", ["5"]),  # "PC" is not per cent; "5.2pc" is
    # what the new money and multiples must not take
    ("It streams in 1080p and 720p.", []),  # a picture's height, not pence
    ("Doors open at 5 p.m. sharp.", []),
    ("We had to try 5 times.", ["5"]),  # "try" is no lira, "5 times" no multiple
    ("We tried three times.", ["three"]),  # a count of tries, as "5 times" is, no multiple
    ("The 5G network reached 40 cities.", ["40"]),  # a network, not five grams
    ("She visited 5 times in May.", ["5"]),
    ("It sold 1,250 cars.", ["1,250"]),  # a thousands comma stays one
    ("Rates were 1,5 and 2.", ["1", "5", "2"]),  # a comma before no percentage is no decimal
    ("The BMW M3 and a 5 m3 tank.", ["5 m3"]),
    # thousands and lists stay as they were beside Indian grouping
    ("Rates were 1, 2, 3 and 1,234,567.", ["1", "2", "3", "1,234,567"]),
    # model and mission numbers after a name stay names, plural-looking ones too
    ("NASA flew Artemis 2, then Atlas 5.", []),
    ("Chang'e 6 landed, then Tianwen 1.", []),
    ("The toll was 15, officials said.", ["15"]),
    ("Leaders met at COP29 in Baku.", []),  # the summit, not 29 Colombian pesos
    ("Saudi forces bought SAR2 radars.", []),
    ("In March, 15 people died.", ["15"]),
    # a change, a tally or two kinds are two figures, not a range
    ("Unemployment rose from 5% to 7%.", ["5%", "7%"]),
    ("It cut its forecast of 5% to 4%, the bank said.", ["5%", "4%"]),
    ("Revenue was up from $12.5 billion to $13 billion.", ["$12.5 billion", "$13 billion"]),
    ("Shares rose 12 pence to 310p.", ["12 pence", "310p"]),
    ("The Senate voted 48 to 52 on the bill.", ["48", "52"]),
    ("Sales rose 5% to $13 billion.", ["5%", "$13 billion"]),
    ("Output fell 7% to 5%.", ["7%", "5%"]),  # the first above the second
    # written-out compounds are adjectives before a hyphen, and a bare "one" is no figure
    ("A twenty-three-year-old man and a five-year plan.", []),
    ("One of the twenty-three victims was named.", []),
    ("At one point the queue grew.", []),  # a moment, no margin
    ("She was one of the goal scorers.", []),
    # a capital letter against a number is a temperature only where one can be: not a
    # name's part, a grade, a seat, a floor or a sum in cents
    ("He sat in Row 12F by Gate 5C.", []),
    ("Pupils in class 6C and the 1,200F fund.", []),
    ("A 5c coin and the 5CF model.", []),
    ("The C-130 flew 300C missions.", []),
]


@pytest.mark.parametrize(("text", "allowed"), NOT_QUANTITIES, ids=[r[0] for r in NOT_QUANTITIES])
def test_not_a_quantity(text: str, allowed: list[str]) -> None:
    assert [q.text for q in quantities(text) if q.kind not in ("rank", "time")] == allowed


@pytest.mark.parametrize(
    ("digits", "scale", "factor", "half_unit"),
    [("240", 1e6, 1.0, 5e6), ("1.62", 1.0, 1.0, 0.005), ("10", 1.0, 1.0, 0.5),
     ("2.17119", 1e9, 1.0, 5000), ("3", 1.0, 1.0, 0.5), ("12", 1.0, 1.0, 0.5),
     ("5", 1.0, 1e3, 500),  # 5 km: half a kilometre, in metres
     # rounding to a scale word (or six zeros): at most a tenth of the value; to zeros, 5%
     # of it (desk probe J: "fined £90,000" corroborated "fined £85,000")
     ("2", 1e9, 1.0, 0.2e9), ("1,000", 1.0, 1.0, 50), ("200", 1.0, 1.0, 10),
     ("90,000", 1.0, 1.0, 4500), ("240", 1.0, 1.0, 5), ("2,000,000", 1.0, 1.0, 200_000),
     ("2,000", 1e6, 1.0, 200e6), ("41", 1e6, 1.0, 0.5e6)],
)
def test_precision_is_half_the_last_written_digit(digits: str, scale: float, factor: float,
                                                  half_unit: float) -> None:
    assert precision(digits, scale, factor) == pytest.approx(half_unit)


def test_spans_are_offsets_into_the_original_text() -> None:
    text = "Prefix. It cost \u00a32bn and 81\u00a0per cent of 1\u2009234 voters."
    for q in quantities(text):
        assert text[q.start:q.end] == q.text
    assert [q.text for q in quantities(text)] == ["\u00a32bn", "81\u00a0per cent", "1\u2009234"]


def test_a_window_of_the_text_only() -> None:
    text = "It cost $5 billion. It cost $7 billion."
    assert [q.value for q in find_quantities(text, 20, len(text))] == [7e9]


GATE_PARTS = ["No", "No.", " ", "1", "23", "st", "nd", "th", "rd", "-", "/", ":", "between",
              "Between", " and ", "5", "0", "x", "."]


@given(st.lists(st.sampled_from(GATE_PARTS), max_size=14))
def test_quantity_gates_hold_every_match(parts: list[str]) -> None:
    # find_quantities runs these patterns only when qp.GATES finds one of their substrings.
    text = "".join(parts)
    lower = text.lower()
    for bit, pattern in ((1, qp.ORDINAL_RE), (2, qp.NOT_QUANTITY_RE), (4, qp.BETWEEN_RE)):
        if pattern.search(text):
            assert qp.GATES.mask(lower) & bit, (pattern.pattern, text)


MODIFIER_PARTS = ["about", "more", " than", "at", " least", "up", " to", "approx.", "~", " ",
                  "\t", "  ", "x", "Over", "OF", "in excess of", "some", "A", ".", "\u00a0"]


@given(st.lists(st.sampled_from(MODIFIER_PARTS), max_size=8))
def test_modifier_gate_holds_every_match(parts: list[str]) -> None:
    window = "".join(parts)
    if qp.MOD_BEFORE_RE.search(window):
        assert _may_end_modifier(window), window


_MOD_PARTS = ["more", "MORE", " than", " ", "  ", "about", "About", "up to", "nearly", "x",
              "over", "as many as", "approx.", "~", "at least", "\u00e9", "_", "less than"]


@given(st.lists(st.sampled_from(_MOD_PARTS), max_size=8).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_modifier_before_is_the_regex_search(text: str, lo: int, head: int) -> None:
    head, lo = min(head, len(text)), min(lo, head, len(text))
    match = qp.MOD_BEFORE_RE.search(text, lo, head)
    assert modifier_before(text, lo, head) == (match.span() if match else None)
