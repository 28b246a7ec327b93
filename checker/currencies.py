"""Currency codes written before a figure: read as money by quantities, and never as part of
a name by the entity finder ("NOK 45 billion" is no entity "NOK 45")."""

from __future__ import annotations

# ISO 4217 codes, beside those quantity_words.CURRENCIES knows by other spellings. Read in
# capitals only, since several are words ("TRY 5" is lira, "try 5 times" is not).
ISO_CODES = (
    "AED AUD BDT BRL CAD CHF CLP COP CZK DKK EGP HKD HUF IDR ILS KES KRW KZT LKR MXN MYR "
    "NGN NOK NPR NZD PLN QAR RUB SAR SEK SGD THB TRY TWD UAH VND ZAR").split()
# Every code or abbreviation that stands before a figure as its currency.
BEFORE_FIGURES = frozenset(
    ISO_CODES + "USD EUR GBP INR PKR RMB CNY JPY Rs Re Tk Taka".split())
# Abbreviations written against the figure as well ("Rs250 crore", "Tk150 crore"); a code is
# not read so, since "COP29" and "SAR2" name things.
GLUED_TO_FIGURES = frozenset({"Rs", "Tk"})

# "Rs" and "rupees" name the rupee of the country a document is about; each country's
# words, as they appear in lower-case text.
_RUPEE_CUES = {
    "INR": ("india", "\u20b9", "inr", "delhi", "mumbai", "bengaluru", "kolkata", "chennai"),
    "PKR": ("pakistan", "pkr", "karachi", "lahore", "islamabad", "rawalpindi", "peshawar"),
    "LKR": ("sri lanka", "lkr", "colombo"),
    "NPR": ("nepal", "npr", "kathmandu"),
}
# With no country's words, or a tie: the tables' reading (quantity_words.CURRENCIES).
DEFAULT_RUPEE = "PKR"


def document_rupee(lower: str) -> str:
    """The rupee "Rs" means in a document, from its lower-case text: the country named most."""
    counts = {code: sum(lower.count(cue) for cue in cues) for code, cues in _RUPEE_CUES.items()}
    best = max(counts.values())
    leaders = [code for code, n in counts.items() if n == best]
    return leaders[0] if best and len(leaders) == 1 else DEFAULT_RUPEE
