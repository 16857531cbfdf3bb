"""Cleaners for news-style number expressions.

``parse_quantity("about 15-hundred")`` returns a :class:`Quantity` with the value,
the bounds the words commit to, the qualifier and (where the expression itself
says so) the unit. The regular expressions here are shared with the extractor,
so what it finds is exactly what this module can parse.

Bounds follow the words: ``more than 10,000`` has a lower bound and no upper
(NaN); ``nearly three`` an upper bound only; a range both and no point value;
a vague magnitude (``tens of millions``) both, from :data:`VAGUE_BOUNDS`.
"""

import math
import re
from typing import NamedTuple

UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
WORD_VALUES = {w: i for i, w in enumerate(UNITS_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(TENS_WORDS)}

#: Qualifier for each hedge or comparator, as written before a number.
HEDGES = {
    "approximately": "approximately", "about": "approximately", "around": "approximately",
    "roughly": "approximately", "some": "approximately", "an estimated": "approximately",
    "estimated at": "approximately", "circa": "approximately",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "just over": "more_than",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
}
QUALIFIERS = ("exact", "approximately", "nearly", "at_least", "more_than", "up_to", "less_than", "range", "vague")
UNITS = ("USD", "EUR", "GBP", "KRW", "percent", "count", "year", "month", "week", "day")

#: Vague magnitudes as intervals: a plural of a unit is at least two of it and
#: less than the next magnitude a writer would name ("thousands" is 2,000 to 10,000).
VAGUE_BOUNDS = {
    "dozens": (24, 100), "scores": (40, 100), "hundreds": (200, 1e3), "thousands": (2e3, 1e4),
    "millions": (2e6, 1e7), "billions": (2e9, 1e10), "trillions": (2e12, 1e13),
}
VAGUE_MULTIPLIERS = {"tens": 10, "hundreds": 100}  # "tens of millions": 20 to 100 million

_words = lambda ws: "|".join(sorted(ws, key=len, reverse=True))  # noqa: E731
_SP = r"[ \u00a0\u202f]"
WORD_NUMBER = rf"(?:(?:{_words(TENS_WORDS)})(?:[- ](?:{_words(UNITS_WORDS[1:10])}))?|{_words(UNITS_WORDS)})"
SCALE = rf"(?:{_words(SCALES)})"
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d.,])(?!\s?[A-Za-z]{{1,3}}\b)(?![A-Za-z])"
    r"|\d+(?:\.\d+)?)"
)
NUMBER = (
    rf"(?:(?:{DIGITS}|\b{WORD_NUMBER}\b)(?:[- ]{SCALE}\b)*"
    rf"|\ban?\s+{SCALE}\b(?:[- ]{SCALE}\b)*)"
)
CURRENCY_PREFIX = r"(?:US\$|U\.S\.\s?\$|\$|USD\s?|€|EUR\s?|£|₩|KRW\s?)"
CURRENCY_WORD = r"(?:\s+(?:of\s+)?(?:US\s+|U\.S\.\s+)?dollars|\s+euros?|\s+pounds|\s+won)"
PERCENT = r"(?:\s?%|\s+per\s?cent\b)"
HEDGE = rf"(?:\b(?:{_words(HEDGES)})\s+)"
VAGUE = (
    r"(?:\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|\bscores(?=\s+of\b|$)|\b(?:dozens|hundreds|thousands|millions|billions|trillions))\b"
)
AMOUNT = (
    rf"(?:{CURRENCY_PREFIX}{DIGITS}\s?(?:{_words(SCALE_ABBREVIATIONS)})\b"
    rf"|{CURRENCY_PREFIX}?{NUMBER})(?:{PERCENT}|{CURRENCY_WORD})?"
)
RANGE = rf"(?:(?:\bbetween\s+{AMOUNT}\s+and\s+{AMOUNT})|(?:\bfrom\s+)?{AMOUNT}\s*(?:to|-|–|—)\s*{AMOUNT})"
QUANTITY = rf"(?:{HEDGE}?(?:{VAGUE}{CURRENCY_WORD}?|{RANGE}|{AMOUNT}))"
# The lookahead lets the engine skip, cheaply, every position that cannot start a quantity (mid-word, spaces).
QUANTITY_RE = re.compile(r"(?=[\d$€£₩]|\b[A-Za-z])" + QUANTITY, re.IGNORECASE)


class Quantity(NamedTuple):
    """A parsed number expression. ``unit`` is None when the words do not name one."""

    value: float
    low: float
    high: float
    qualifier: str
    unit: str | None


def _unit_of(text):
    if re.search(PERCENT, text, re.IGNORECASE):
        return "percent"
    if re.search(r"\$|dollars|\bUSD\b", text, re.IGNORECASE):
        return "USD"
    if re.search(r"€|\beuros?\b|\bEUR\b", text, re.IGNORECASE):
        return "EUR"
    if re.search(r"£|\bpounds\b", text, re.IGNORECASE):
        return "GBP"
    if re.search(r"₩|\bwon\b|\bKRW\b", text, re.IGNORECASE):
        return "KRW"
    return None


def _amount_value(text):
    """Value of one amount (no hedge, no range): digits or words, scale words and abbreviations."""
    core = re.sub(rf"^{CURRENCY_PREFIX}|{PERCENT}$|{CURRENCY_WORD}$", "", text.strip(), flags=re.IGNORECASE)
    core = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", core.strip())
    total, current = 0.0, 0.0
    for token in re.findall(r"\d+(?:\.\d+)?|[A-Za-z]+", core.lower()):
        if token[0].isdigit():
            current = float(token)
        elif token in ("a", "an"):
            current = 1.0
        elif token in WORD_VALUES:
            current += WORD_VALUES[token]
        elif token == "hundred":
            current *= 100
        else:
            total += current * (SCALES.get(token) or SCALE_ABBREVIATIONS[token])
            current = 0.0
    return total + current


def _vague_bounds(text):
    words = re.sub(CURRENCY_WORD + "$", "", text.strip(), flags=re.IGNORECASE).lower().split()
    if len(words) == 3:  # "tens of millions": two to ten tens of a million
        magnitude = VAGUE_MULTIPLIERS[words[0]] * SCALES[words[-1].rstrip("s")]
        return 2 * magnitude, 10 * magnitude
    return VAGUE_BOUNDS[words[0]]


def parse_quantity(expression):
    """Parse one news-style quantity expression; raise ValueError when it is not one."""
    text = " ".join(expression.split())
    if not re.fullmatch(QUANTITY, text, re.IGNORECASE):
        raise ValueError(f"not a quantity expression: {expression!r}")
    qualifier = "exact"
    hedge = re.match(HEDGE, text, re.IGNORECASE)
    if hedge:
        qualifier = HEDGES[" ".join(hedge.group(0).lower().split())]
        text = text[hedge.end():]
    unit = _unit_of(text)
    if re.fullmatch(rf"{VAGUE}{CURRENCY_WORD}?", text, re.IGNORECASE):
        low, high = _vague_bounds(text)
        return Quantity(math.nan, low, high, "vague", unit)
    range_match = re.fullmatch(
        rf"(?:between\s+(?P<a>{AMOUNT})\s+and\s+(?P<b>{AMOUNT}))|(?:from\s+)?(?P<c>{AMOUNT})\s*(?:to|-|–|—)\s*(?P<d>{AMOUNT})",
        text, re.IGNORECASE,
    )
    if range_match and not re.fullmatch(AMOUNT, text, re.IGNORECASE):
        first, second = (range_match.group("a"), range_match.group("b")) if range_match.group("a") else (
            range_match.group("c"), range_match.group("d"))
        low, high = _amount_value(first), _amount_value(second)
        second_scale = re.search(rf"{SCALE}\s*$", second.strip(), re.IGNORECASE)
        if second_scale and not re.search(SCALE, first, re.IGNORECASE) and low < high / SCALES[second_scale.group(0).strip().lower()]:
            low *= SCALES[second_scale.group(0).strip().lower()]  # "1 to 2 million"
        return Quantity(math.nan, low, high, "range", unit)
    value = _amount_value(text)
    low = value if qualifier in ("exact", "approximately", "at_least", "more_than") else math.nan
    high = value if qualifier in ("exact", "approximately", "nearly", "up_to", "less_than") else math.nan
    return Quantity(value, low, high, qualifier, unit)


WORDED_HEDGES = {
    "exact": "", "approximately": "about ", "nearly": "nearly ", "at_least": "at least ",
    "more_than": "more than ", "up_to": "up to ", "less_than": "less than ",
}


def format_number(value):
    """Format a number as a news text would: ``1,500``, ``2.5``, ``40 million``, ``1.5 billion``."""
    for name in ("billion", "million"):
        scaled = value / SCALES[name]
        if scaled >= 1 and float(scaled * 10).is_integer():
            return f"{scaled:g} {name}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def worded(row):
    """A claim's figure as the article words it, hedge normalised: ``about 1,500``, ``10,000–13,000``, ``four``."""
    if row.qualifier == "vague" or re.fullmatch(r"[A-Za-z -]+", row.mention):
        return row.mention  # words stay words: "four", "nearly three", "tens of millions"
    if row.qualifier == "range":
        return f"{format_number(row.value_low)}–{format_number(row.value_high)}"
    prefix = "$" if row.unit == "USD" else ""
    suffix = "%" if row.unit == "percent" else ""
    return f"{WORDED_HEDGES[row.qualifier]}{prefix}{format_number(row.value)}{suffix}"
