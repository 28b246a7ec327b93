"""A written figure's value and interval: exact decimal arithmetic, the precision its digits
imply, and the bounds its modifier ("about", "more than", "as many as") gives."""

from __future__ import annotations

from decimal import Decimal

from checker import rx
from checker.extract import quantity_words as qw

# Only a decimal comma leaves one or two digits after a comma (quantity_words.NUM).
_DECIMAL_COMMA_RE = rx.compile(r"\d+,\d{1,2}")


def plain_digits(text: str) -> str:
    """A written figure as a decimal: "1,250" -> "1250", "3 400" -> "3400", "3,4" -> "3.4"."""
    if _DECIMAL_COMMA_RE.fullmatch(text):
        return text.replace(",", ".")
    return text.replace(",", "").replace(" ", "")


def number(text: str, factor: float = 1.0) -> float:
    """Exact decimal arithmetic, so "$2.135 billion" is 2135000000, not 2134999999.99."""
    return float(Decimal(plain_digits(text)) * Decimal(repr(factor)))


def precision(num_text: str, scale: float, factor: float = 1.0) -> float:
    """Half a unit of the last written digit ("240" -> 5, "1.62" -> 0.005), times the scale
    word's `scale` ("million") and the unit's `factor`.

    Trailing zeros count as rounding only from three digits on: "240" may be rounded to
    the ten, but "10 per cent" is ten, not "somewhere from 5 to 15". Rounding to zeros or
    to a scale word is at most a tenth of the value, so that a round figure does not agree
    with a different one: "200 people" is not "240 people", nor "$2 billion" "$2.4
    billion" (a hedge, "about 200", widens it again); "3 per cent" keeps 2.5 to 3.5.
    """
    digits = plain_digits(num_text)
    if "." in digits:
        return 0.5 * scale * factor / 10.0 ** len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped and len(digits) >= 3 else 0
    half_unit = 0.5 * scale * 10.0**zeros
    if stripped and (zeros or scale > 1):
        half_unit = min(half_unit, 0.1 * float(digits) * scale)
    return half_unit * factor


def bounds(value: float, prec: float, mod: str, unit: str | None = None
            ) -> tuple[float | None, float | None, str, bool]:
    """Low, high, bound kind and approximate flag for a value (in `unit`) and its modifier."""
    m = " ".join(mod.lower().split())
    if not m:
        return value - prec, value + prec, "exact", False
    if qw.LOWER_RE.fullmatch(m):
        return value, None, "lower", False
    if qw.UPPER_RE.fullmatch(m):
        return None, value, "upper", False
    # A hedge widens a figure by a tenth of it, a percentage by two points at most: "about
    # 78%" may be 76 or 80, not 71 ("about 5%" keeps 4.5 to 5.5).
    slack = max(prec, min(abs(value) * 0.1, 2.0) if unit == "%" else abs(value) * 0.1)
    if m in ("nearly", "almost", "close to"):
        return value - slack, value, "exact", True
    return value - slack, value + slack, "exact", True
