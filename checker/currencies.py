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
    ISO_CODES + "USD EUR GBP INR PKR RMB CNY JPY Rs".split())
