"""Vocabulary of quantities: scales, currencies, measure units, number words, vague amounts;
the kind and unit a written unit and currency name (`kind_unit`)."""

from __future__ import annotations

import re
import string
from typing import Final

from checker import rx
from checker.currencies import ISO_CODES
from checker.textutil import ignorecase_key

SCALES: Final = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "crore": 1e7, "lakh": 1e5, "hundred": 1e2,
    # Indian figures: "Rs 2.4 lakh crore" is 2.4 x 10^12 rupees.
    "lakh crore": 1e12, "thousand crore": 1e10,
}
CURRENCIES: Final = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "\u00a3": "GBP", "gbp": "GBP", "\u20ac": "EUR",
    "eur": "EUR", "\u00a5": "JPY", "\u20b9": "INR", "inr": "INR", "rs": "PKR", "rs.": "PKR",
    "pkr": "PKR", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "dollars": "USD",
    "rupees": "PKR", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "jpy": "JPY",
    # Bangladeshi taka: "Tk 150 crore", "Tk. 5 lakh", "Taka 20 billion", "500 crore taka".
    "tk": "BDT", "taka": "BDT",
    # Ghana's cedi by its sign (desk probe O: "GH\u00a21.2 million" a count, "GH" a name)
    "gh\u00a2": "GHS", "gh\u20b5": "GHS", "\u20b5": "GHS",
    # The rupee in the singular: "face value Re 1", "Re 0.50" (desk probe N: a name "Re 1").
    "re": "PKR", "re.": "PKR",
}
# Currencies written as a word after the figure ("1.2 billion rand", "500 million naira"):
# without them the figure was a count of "rand" (desk probe B: a court's award). Words that
# name several currencies ("pesos", "francs", "shillings") or another thing ("won") are left
# out: a wrong currency would set two equal sums apart.
WORD_CURRENCIES: Final = {
    "dollars": "USD", "rupees": "PKR", "euros": "EUR", "pounds": "GBP", "yuan": "CNY",
    "yen": "JPY", "taka": "BDT", "rand": "ZAR", "naira": "NGN", "kwacha": "ZMW",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "ringgit": "MYR", "baht": "THB",
    "rupiah": "IDR", "dirhams": "AED", "riyals": "SAR", "cedis": "GHS",
    # a desk probe: "4.1 billion Norwegian crowns" was a count of crowns
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "danish crowns": "DKK", "danish kroner": "DKK",
    "swiss francs": "CHF",
}
CURRENCIES.update(WORD_CURRENCIES)
CURRENCIES.update({code.lower(): code for code in ISO_CODES})
# Units that make a figure money in a currency's hundredth: "12 pence", "310p", "65.4 US
# cents" (a desk probe: a count of cents, and "US" a mention of the United States). Plain
# "cents" is left a count: an Australian page's cents are not a US page's.
HUNDREDTHS: Final = {"pence": "GBP", "p": "GBP", "us cents": "USD", "euro cents": "EUR"}
# "1080p" is a picture's height, not pence.
NOT_PENCE = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
FOOT: Final = 0.3048  # metres
# unit -> (canonical unit, factor to it)
MEASURES: Final = {
    "km": ("m", 1e3), "kilometres": ("m", 1e3), "kilometers": ("m", 1e3),
    "kilometre": ("m", 1e3), "kilometer": ("m", 1e3), "metres": ("m", 1.0),
    "meters": ("m", 1.0), "miles": ("m", 1609.344), "mile": ("m", 1609.344),
    "kg": ("kg", 1.0), "kilograms": ("kg", 1.0), "tonnes": ("kg", 1e3), "tons": ("kg", 1e3),
    "tonne": ("kg", 1e3), "mw": ("W", 1e6), "gw": ("W", 1e9), "kw": ("W", 1e3),
    "kwh": ("Wh", 1e3), "mwh": ("Wh", 1e6), "gwh": ("Wh", 1e9),
    "twh": ("Wh", 1e12), "hectares": ("m2", 1e4),
    "acres": ("m2", 4046.86), "years": ("year", 1.0), "year": ("year", 1.0),
    "millennia": ("year", 1e3),  # "seven millennia old" (desk probe W: a count of 7)
    "months": ("month", 1.0), "days": ("day", 1.0), "hours": ("hour", 1.0),
    "km/h": ("m/s", 1 / 3.6), "mph": ("m/s", 0.44704), "gb": ("byte", 1e9),
    "feet": ("m", FOOT), "foot": ("m", FOOT),  # a desk probe: "23,000 feet" a count
    "inches": ("m", 0.0254), "inch": ("m", 0.0254),  # desk probe Y: "4.7 inches" a count
    # An aircraft's height and speed (desk probe N: "descended from 35,000ft" no figure,
    # "6,800 feet per minute" a length, "335 knots" a count of knots)
    "ft": ("m", FOOT), "feet per minute": ("m/s", 0.00508),
    "feet a minute": ("m/s", 0.00508), "knots": ("m/s", 1852 / 3600),
    "nautical miles": ("m", 1852.0),
    # a speed in words (a desk probe: "3 km an hour" was a distance)
    "km an hour": ("m/s", 1 / 3.6), "km per hour": ("m/s", 1 / 3.6),
    "kilometres an hour": ("m/s", 1 / 3.6), "kilometres per hour": ("m/s", 1 / 3.6),
    "kilometers an hour": ("m/s", 1 / 3.6), "kilometers per hour": ("m/s", 1 / 3.6),
    "miles an hour": ("m/s", 0.44704), "miles per hour": ("m/s", 0.44704),
    "tb": ("byte", 1e12), "mb": ("byte", 1e6),
    # A battery's charge and a camera's resolution (desk probe Z: "5,000mAh" was no figure,
    # its "m" a million and "Ah" a name's suffix, and "4,500 mAh" a count of "mah")
    "mah": ("Ah", 1e-3), "megapixels": ("px", 1e6), "megapixel": ("px", 1e6),
    # ... and its storage spelt out ("256 gigabytes" was a count of "gigabyt", no "256GB")
    "gigabytes": ("byte", 1e9), "gigabyte": ("byte", 1e9), "terabytes": ("byte", 1e12),
    "terabyte": ("byte", 1e12), "megabytes": ("byte", 1e6), "megabyte": ("byte", 1e6),
    "metre": ("m", 1.0), "meter": ("m", 1.0), "mm": ("m", 1e-3), "millimetres": ("m", 1e-3),
    "millimeters": ("m", 1e-3), "cm": ("m", 1e-2), "centimetres": ("m", 1e-2),
    "centimeters": ("m", 1e-2), "light-years": ("m", 9.4607e15),
    "light years": ("m", 9.4607e15), "parsecs": ("m", 3.0857e16),
    "square kilometres": ("m2", 1e6), "square kilometers": ("m2", 1e6), "sq km": ("m2", 1e6),
    "km2": ("m2", 1e6), "km\u00b2": ("m2", 1e6), "square miles": ("m2", 2.58999e6),
    "litres": ("m3", 1e-3), "liters": ("m3", 1e-3), "litre": ("m3", 1e-3),
    "liter": ("m3", 1e-3), "kilolitres": ("m3", 1.0), "kilolitre": ("m3", 1.0),
    "kiloliters": ("m3", 1.0),  # desk probe N: "3 lakh kilolitres" a count
    "gt": ("kg", 1e12), "gigatonnes": ("kg", 1e12),
    "megatonnes": ("kg", 1e9), "ppm": ("ppm", 1.0), "ppb": ("ppm", 1e-3),
    # (desk probe L: "431.2 parts per million" was a count of parts, and "conflicted" with
    # "up 3.6 ppm")
    "parts per million": ("ppm", 1.0), "parts per billion": ("ppm", 1e-3),
    # A rate of a year: "sea levels rose by 4.7 mm a year" (desk probe L: 4.7 mm, its year
    # lost, so "2.1 mm a year between 1993 and 2002" read as a length too)
    "mm a year": ("m/yr", 1e-3), "mm per year": ("m/yr", 1e-3),
    "millimetres a year": ("m/yr", 1e-3), "millimetres per year": ("m/yr", 1e-3),
    "millimeters a year": ("m/yr", 1e-3), "millimeters per year": ("m/yr", 1e-3),
    "cm a year": ("m/yr", 1e-2), "cm per year": ("m/yr", 1e-2),
    "centimetres a year": ("m/yr", 1e-2), "centimetres per year": ("m/yr", 1e-2),
    "centimeters a year": ("m/yr", 1e-2), "centimeters per year": ("m/yr", 1e-2),
    # ... in inches ("about 0.18 inches a year" was a length, against "4.6mm a year": desk
    # probe Q4, a restatement never compared)
    "inches a year": ("m/yr", 0.0254), "inches per year": ("m/yr", 0.0254),
    "inch a year": ("m/yr", 0.0254), "inch per year": ("m/yr", 0.0254),
    "\u00b0c": ("degC", 1.0), "\u00b0f": ("degF", 1.0), "degrees celsius": ("degC", 1.0),
    "degrees fahrenheit": ("degF", 1.0), "hour": ("hour", 1.0), "minutes": ("minute", 1.0),
    "minute": ("minute", 1.0), "seconds": ("second", 1.0), "weeks": ("week", 1.0),
    # a result's time against its number (desk probe M: "7.02sec" was no figure)
    "sec": ("second", 1.0), "secs": ("second", 1.0),
    # ... and its hours and minutes ("in 5hr 12min 36sec", "leads by 1min 42sec": only the
    # seconds were read, and "42sec" met a lead of "102 seconds"; desk probe V)
    "min": ("minute", 1.0), "mins": ("minute", 1.0), "hr": ("hour", 1.0),
    "hrs": ("hour", 1.0),
    "week": ("week", 1.0), "day": ("day", 1.0), "month": ("month", 1.0),
    "cubic metres": ("m3", 1.0), "cubic meters": ("m3", 1.0), "cubic metre": ("m3", 1.0),
    "cubic meter": ("m3", 1.0), "m3": ("m3", 1.0), "m\u00b3": ("m3", 1.0),
    "cubic kilometres": ("m3", 1e9), "cubic kilometers": ("m3", 1e9),
    "cubic feet": ("m3", 0.028316846592), "bcm": ("m3", 1e9),
    # Doses and small masses and volumes ("a daily 75 mg dose", "75mg of aspirin": a desk
    # probe read a count of doses, and no figure at all). A bare "g" is left out: "5G" is a
    # network, not five grams.
    "mg": ("kg", 1e-6), "milligrams": ("kg", 1e-6), "milligram": ("kg", 1e-6),
    "grams": ("kg", 1e-3), "gram": ("kg", 1e-3), "micrograms": ("kg", 1e-9),
    "microgram": ("kg", 1e-9), "mcg": ("kg", 1e-9), "\u00b5g": ("kg", 1e-9),
    "ml": ("m3", 1e-6), "millilitres": ("m3", 1e-6), "milliliters": ("m3", 1e-6),
    "millilitre": ("m3", 1e-6), "milliliter": ("m3", 1e-6),
    # A mine's metal, ore and grade (desk probe O: "410,000oz", "1.1-1.2Moz", "44.8Mt" no
    # figure, "2.4 grams per tonne" a mass, "4.1 million ounces" a count): troy ounces,
    # megatonnes (a capital M: "mt" is also a metric tonne) and grams of metal a tonne.
    # A bare ounce is troy only beside metal (`ounce_factor`).
    "oz": ("kg", 0.0311034768), "ounces": ("kg", 0.0311034768),
    "ounce": ("kg", 0.0311034768), "troy ounces": ("kg", 0.0311034768),
    "koz": ("kg", 31.1034768), "moz": ("kg", 31103.4768), "mt": ("kg", 1e9),
    "mtpa": ("kg/yr", 1e9), "g/t": ("g/t", 1.0), "grams per tonne": ("g/t", 1.0),
    "grams a tonne": ("g/t", 1.0),
    # Power spelt out (desk probe O: "9.6 gigawatts" a count, beside "722GW" in watts)
    "gigawatts": ("W", 1e9), "gigawatt": ("W", 1e9), "megawatts": ("W", 1e6),
    "megawatt": ("W", 1e6), "kilowatts": ("W", 1e3), "terawatt-hours": ("Wh", 1e12),
    "gigawatt-hours": ("Wh", 1e9), "megawatt-hours": ("Wh", 1e6),
}
# Units read in lower case only: "300,000 MG vehicles" are cars, "2 ML players" no volume
# (a review).
CASED_UNITS: Final = frozenset({"mg", "ml", "Mt", "Mtpa", "ft"})  # not the "FT" of a newspaper
_CASED_KEYS: Final = frozenset(u.lower() for u in CASED_UNITS)
WORD_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}
# The parts a written-out number is built of: "one hundred and twenty-three".
UNIT_WORDS: Final = "one|two|three|four|five|six|seven|eight|nine"
TEEN_WORDS: Final = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                     "nineteen")
TENS_WORDS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_PARTS_RE: Final = rx.compile(r"[\s-]+")


def word_value(phrase: str) -> float:
    """The value of a written-out number: "Twenty-three" -> 23, "a hundred and five" -> 105,
    "two hundred" -> 200, "a dozen" -> 12 (the words of WORD_NUMBERS, compounded)."""
    phrase = " ".join(ignorecase_key(phrase).split())  # "f\u0131ve" as IGNORECASE read it
    if phrase in WORD_NUMBERS:
        return float(WORD_NUMBERS[phrase])
    value = 0.0
    for part in _PARTS_RE.split(phrase):
        if part == "hundred":
            value = (value or 1.0) * 100  # "a hundred", "two hundred"
        elif part not in ("a", "and"):
            value += WORD_NUMBERS[part]
    return value


# A bare ounce is the troy ounce of a mine or a vault ("410,000oz of gold", "Reserves rose
# to 4.1 million ounces"); anywhere else it is the avoirdupois ounce (desk probe Z: "The
# phone weighs 7 ounces" read as 218 g, an error-level conflict with "weighs 198 grams").
_OUNCES: Final = frozenset({"oz", "ounce", "ounces"})
_AVOIRDUPOIS: Final = 0.028349523125  # kg
_METAL_RE: Final = rx.compile(r"\b(?:gold|silver|platinum|palladium|bullion|metals?|mines?|mining|"
                              r"miners?|ore|reserves?|resources?|deposits?)\b")


def ounce_factor(unit_word: str, folded: str, factor: float) -> float:
    """`factor` of the unit, but the avoirdupois ounce for a bare ounce told of no metal."""
    if unit_word.lower().strip() in _OUNCES and not _METAL_RE.search(folded.lower()):
        return _AVOIRDUPOIS
    return factor


def kind_unit(unit_word: str, cur: str, folded: str = "") -> tuple[str, str | None, float]:
    """(kind, unit, factor to base unit) from the written unit and currency; `folded`, the
    sentence, tells a bare ounce's kind (`ounce_factor`)."""
    if not unit_word and not cur:
        return "count", None, 1.0  # (most figures: no table holds "")
    unit_word = " ".join(unit_word.lower().split())
    kind, unit, factor = "count", None, 1.0
    if unit_word in ("%", "per cent", "percent", "pct", "pc", "percentcent"):
        kind, unit = "percent", "%"
    elif unit_word.startswith("percentage point") or unit_word == "pp":
        kind, unit = "points", "pp"
    elif unit_word in ("basis points", "bps"):
        kind, unit, factor = "points", "pp", 0.01
    elif unit_word in WORD_CURRENCIES:
        kind, unit = "money", WORD_CURRENCIES[unit_word]
    elif unit_word in HUNDREDTHS:
        kind, unit, factor = "money", HUNDREDTHS[unit_word], 0.01
    elif unit_word in MEASURES:
        kind, (unit, factor) = "measure", MEASURES[unit_word]
        factor = ounce_factor(unit_word, folded, factor)
    cur = cur.strip().lower().replace(" ", "")
    if cur:
        kind, unit = "money", CURRENCIES.get(cur.rstrip("."), CURRENCIES.get(cur, "USD"))
    return kind, unit, factor


def table_words(written: str) -> str:
    """A scale or unit as the tables spell it: "lakh  Crore" -> "lakh crore"."""
    if not written:
        return ""  # (most figures have no scale)
    return " ".join(ignorecase_key(written).split())


# Vague amounts: (low, high)
VAGUE: Final = {
    "tens": (20, 99), "dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 9.99e8),
    "tens of millions": (2e7, 9.99e7), "hundreds of millions": (2e8, 9.99e8),
    "tens of billions": (2e10, 9.99e10), "hundreds of billions": (2e11, 9.99e11),
    "billions": (2e9, 9.99e11),
}
RATIOS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5,
          "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0, "fivefold": 5.0, "tenfold": 10.0}

APPROX: Final = (r"about|around|approximately|approx\.|roughly|nearly|almost|some|close\s+to|"
                 r"an\s+estimated|estimated|circa|~|just\s+below|just\s+above|just\s+short\s+of|"
                 r"slightly\s+under|slightly\s+below|slightly\s+over|slightly\s+above|"
                 r"slightly\s+more\s+than|just\s+more\s+than|a\s+little\s+under|"
                 r"a\s+little\s+below|a\s+little\s+over|a\s+little\s+above|in\s+the\s+region\s+of|"
                 r"the\s+best\s+part\s+of")
# ... and a figure passed: "production exceeded 1Moz" (desk probe O: an exact 1Moz, which
# agreed with 1.12Moz and hid its conflict with 1.02Moz)
LOWER = (r"more\s+than|over|at\s+least|above|exceeding|exceeded|exceeds|surpassed|surpassing|"
         r"topped|upwards\s+of|in\s+excess\s+of|"
         r"just\s+over|as\s+few\s+as|as\s+little\s+as|as\s+low\s+as")
# "As many as 900" is "up to 900" said loudly: a ceiling, not a point near 900.
# "Within 2 km" is at most 2 km (a desk probe: 1,500 to 2,500 m, an exact figure).
UPPER: Final = (r"less\s+than|fewer\s+than|under|below|up\s+to|at\s+most|no\s+more\s+than|"
                r"just\s+under|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|within")
LOWER_RE: Final = rx.compile(LOWER.replace(r"\s+", " "))
UPPER_RE: Final = rx.compile(UPPER.replace(r"\s+", " "))

# A decimal comma is read before a percentage only ("3,4%"), where a thousands comma cannot
# be: groups of thousands have three digits. Indian grouping (lakh and crore) puts the last
# three digits apart and pairs before them: "1,01,566" is 101566, "12,34,56,789" 123456789.
_DECIMAL_COMMA: Final = r"(?=\s*(?:%|per\s*cent\b|percent\b))"
NUM: Final = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?|"
              r"\d{1,3}(?: \d{3})+(?![\d.,])|"
              rf"\d{{1,3}},\d{{1,2}}{_DECIMAL_COMMA}|\d+(?:\.\d+)?")
# NUM after its first digit (every branch starts with one): r"\d(?:{NUM_TAIL})" is NUM,
# trying the same branches in the same order, but a pattern starting with the digit lets the
# engine skip to the digits by itself (tests/extract/test_regex_rewrites.py).
# Its first four branches read at most two more digits, then "," or " ": where the digits
# run on, or end in anything else, none can match, and the lookahead says so at once (the
# four were tried and failed after most numbers: NUMBER_RE's scan of 300 docs 28.6 -> 24.0 M
# instructions; tests/extract/test_speed55_numbers.py).
NUM_TAIL: Final = (r"(?=\d{0,2}[, ])(?:"
                   r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d?(?:,\d\d)+,\d{3}(?!\d)(?:\.\d+)?|"
                   r"\d{0,2}(?: \d{3})+(?![\d.,])|"
                   rf"\d{{0,2}},\d{{1,2}}{_DECIMAL_COMMA})|\d*(?:\.\d+)?")
# Letter currencies need a word start: "Mrs 5" is not five rupees. The taka's "Tk" and
# "Taka" are read as written ("tk" and "TAKA" are not).
# A symbol may stand apart from its figure ("US$ 16.2 million", "\u20ac 5").
CUR: Final = (r"(?:US\$|U\.S\.\s?\$|A\$|C\$|HK\$|S\$|NZ\$|\$|\u00a3|\u20ac|\u00a5|\u20b9|"
              r"GH[\u00a2\u20b5]|\u20b5)\s?|"
              # "Re 1" only after a word that takes a sum: "face value Re 1", "of Re 0.50" (not
              # "Swiss Re 1 of the largest": a review)
              r"(?<![A-Za-z])(?:Rs\.?\s?|(?:(?<=value )|(?<=of )|(?<=at )|(?<=to )|(?<=for )|"
              r"(?<=\())(?-i:Re)\.?\s|(?-i:Tk)\.?\s?|(?-i:[Tt]aka)\s?|PKR\s?|USD\s?|EUR\s?|"
              r"GBP\s?|INR\s?|RMB\s?|CNY\s?|JPY\s?|"
              # A code glued to its figure names a thing ("COP29", "SAR2"): spaced only.
              rf"(?-i:{'|'.join(ISO_CODES)})\s)")


def by_first_char(alternation: str) -> str:
    """The same alternation, for a pattern compiled with IGNORECASE, with its branches grouped
    by first character, each group opened by that character: `a1|b1|a2` ->
    `(?-i:[aA])(?:1|2)|(?-i:[bB])(?:1)`.

    Why: under IGNORECASE the engine cannot skip a branch by its first literal (nor by a
    lookahead), so an alternation of 85 units cost 85 branch entries after every number; a
    branch opened by a case-sensitive class it skips by one test. The class holds exactly
    what IGNORECASE matches the letter with (CASE_CLASSES). Branches of different groups
    start with different letters (case aside), so at most one group can match at a position,
    and its branches keep their order: the same match (the scales and units read after the
    2,196 numbers of 300 docs: 24.5 -> 10.6 M instructions, with _AFTER_NUMBER's possessive
    whitespace; tests/extract/test_speed54_numbers.py). A branch written case-sensitive
    ("(?-i:Mt)") checks its first letter's case behind it."""
    groups: dict[str, list[str]] = {}
    for branch in alternation.split("|"):
        groups.setdefault(_first_char(branch).lower(), []).append(branch)
    return "|".join(_group(c, bs) for c, bs in groups.items())


# What IGNORECASE matches each ASCII letter with (the Kelvin sign is a "k", the long s an "s",
# the dotted and dotless i an "i"): tests/extract/test_speed54_numbers.py tries every
# character.
CASE_CLASSES: Final = {**{c: c + c.upper() for c in string.ascii_lowercase},
                       "i": "iI\u0130\u0131", "k": "kK\u212a", "s": "sS\u017f"}


# What may follow a branch's first letter and make it no single letter's.
_QUANTIFIERS: Final = "*+?{"


def _group(char: str, branches: list[str]) -> str:
    """The branches starting with char (lower case), as one branch of by_first_char."""
    if char not in CASE_CLASSES:  # a mark ("%", "\u00b0") or another letter ("\u00b5")
        return f"(?={re.escape(char)})(?:{'|'.join(branches)})"
    rests = []
    for branch in branches:
        if branch.startswith("(?-i:"):
            inner = branch[5:-1]
            if not branch.endswith(")") or "(" in inner or not inner[:1].isalpha() \
                    or inner[1:2] and inner[1:2] in _QUANTIFIERS:
                raise ValueError(f"case-sensitive branch not read: {branch!r}")
            rests.append(f"(?-i:(?<={inner[0]}){inner[1:]})")
        else:
            rest = branch[1:]  # (its first character a letter: _first_char read no escape)
            if rest[:1] and rest[:1] in _QUANTIFIERS:
                raise ValueError(f"branch's first letter is quantified: {branch!r}")
            rests.append(rest)
    return f"(?-i:[{CASE_CLASSES[char]}])(?:{'|'.join(rests)})"


def first_chars(alternation: str) -> str:
    """The first characters of an alternation's branches, lower case, as the body of a class:
    `(?=[...])` before `\b(?:alternation)` lets the engine pass over a position by one test
    (under IGNORECASE the class matches as the branches' letters do)."""
    return re.escape("".join(sorted({_first_char(b).lower() for b in alternation.split("|")})))


def _first_char(branch: str) -> str:
    """The literal character a branch (of UNIT) starts with."""
    if branch.startswith("(?-i:"):
        branch = branch[5:]
    if branch.startswith("\\"):
        branch = branch[1:]
        if branch[:1].isalnum():
            raise ValueError(f"branch starts with a character class: {branch!r}")
    if not branch or branch[0] in "([.|?*+{^$":
        raise ValueError(f"branch does not start with a literal: {branch!r}")
    return branch[0]


# ("[mkb](?![\w'])" written as three branches: by_first_char reads a literal first.)
SCALE: Final = by_first_char(
    r"trillion|billion|million|thousand\s+crore|thousand|lakh\s+crore|crore|lakh|bn|mn|"
    r"mln|bln|tn|m(?![\w'])|k(?![\w'])|b(?![\w'])")
UNIT: Final = by_first_char(
    r"%|per\s*cent|percent|pct|(?-i:pc)|percentage\s+points?|pp|basis\s+points|bps|"
    + "|".join(sorted((re.escape(u) for u in MEASURES if u not in _CASED_KEYS), key=len,
                             reverse=True))
    + "|" + "|".join(f"(?-i:{u})" for u in sorted(CASED_UNITS))
    + "|" + "|".join(sorted((u.replace(" ", r"\s+") for u in WORD_CURRENCIES), key=len,
                                   reverse=True))
    + r"|pence|us\s+cents|euro\s+cents"
)
# "1.2m tall" is metres, not a million; so is a race's or a jump's "m" (desk probe M: "the
# 60m hurdles" was 60 million, "jumped 8.41m" 8.41 million, "the 4x400m relay" 400 million).
METRE_CONTEXT_RE: Final = rx.compile(
    r"\s*(?:tall|high|long|wide|deep|away|in\s+diameter|hurdles|relay|final|finals|race|"
    r"sprint|dash|freestyle|backstroke|butterfly|breaststroke|medley|steeplechase|heats?|"
    r"semi-finals?|semifinals?|title|gold|silver|bronze|champion|world\s+record|"
    r"personal\s+best|season's\s+best|"
    # a height above the sea: "the 1,910m summit" (desk probe V: 1.9 billion summits)
    r"summit|peak|ascent|altitude|elevation|above\s+sea\s+level)\b")
METRE_BEFORE_RE: Final = rx.compile(
    r"(?:\b(?:jumped|leapt|leaped|cleared|threw|vaulted|hurled|soared|"
    r"(?:jump|throw|leap|vault|mark|height|distance|best|pb|sb|effort)\s+of)\s+(?:a\s+)?"
    r"|\dx)\Z", re.IGNORECASE)
# A race's distance after its article or its field: "the 100m", "the men's 1500m".
RACE_DISTANCE_RE: Final = rx.compile(r"(?:60|100|110|200|400|800|1500|3000|5000|10000|10,000)m\b")
RACE_BEFORE_RE: Final = rx.compile(r"\b(?:the|a|men's|women's|mixed|in|over|won)\s+\Z",
                                   re.IGNORECASE)
