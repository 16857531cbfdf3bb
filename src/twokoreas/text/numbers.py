"""Cleaners for news-style number expressions.

``parse_quantity("about 15-hundred")`` returns a :class:`Quantity` with the value,
the bounds the words commit to, the qualifier and (where the expression itself
says so) the unit. The regular expressions here are shared with the extractor,
so what it finds is exactly what this module can parse.

Bounds follow the words: ``more than 10,000`` has a lower bound and no upper
(NaN); ``nearly three`` an upper bound only; a range both and no point value;
a vague magnitude (``tens of millions``) both, from :data:`VAGUE_BOUNDS`.

>>> parse_quantity("about 15-hundred")
Quantity(value=1500.0, low=1500.0, high=1500.0, qualifier='approximately', unit=None)
>>> parse_quantity("more than 10,000")
Quantity(value=10000.0, low=10000.0, high=nan, qualifier='more_than', unit=None)
>>> parse_quantity("tens of millions")
Quantity(value=nan, low=20000000.0, high=100000000.0, qualifier='vague', unit=None)
"""

import functools
import math
import re
import unicodedata
from typing import NamedTuple

UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
ZERO_WORDS = ("nought", "naught")  # British zero: "nine point nought four"
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Abbreviated scales; ``m``, ``mm`` and ``tr`` only after a currency sign (a bare ``8m`` may be metres), ``b``
#: only glued to the digits ("1.2b").
SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "tr": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "tln": 1e12,
}
WORD_VALUES = (
    {w: i for i, w in enumerate(UNITS_WORDS)}
    | {w: 20 + 10 * i for i, w in enumerate(TENS_WORDS)}
    | dict.fromkeys(ZERO_WORDS, 0)
)
#: Denominators of the fraction words: "two-thirds", "a fifth", "one-fourth", "half".
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
#: Unicode fraction characters and the digit fractions read as such ("3/4", "10 1/2"): only those a text
#: writes for a part of one, so "9/11" or "24/7" stay apart.
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
DIGIT_FRACTION = r"(?:(?=\d\d?/)(?<![\d/.])(?:1/2|[12]/3|[13]/4|[1-4]/5|[1357]/8|(?:1[0-5]|[1-9])/16)(?![\d/]))"
#: Words that multiply: "doubled", "triple its contribution", "twice as many".
MULTIPLIER_WORDS = {
    "double": 2.0,
    "doubled": 2.0,
    "twice": 2.0,
    "triple": 3.0,
    "tripled": 3.0,
    "treble": 3.0,
    "trebled": 3.0,
    "thrice": 3.0,
    "quadruple": 4.0,
    "quadrupled": 4.0,
    "halved": 0.5,
}

#: Qualifier for each hedge or comparator, as written before a number.
HEDGES = {
    "approximately": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated at": "approximately",
    "circa": "approximately",
    "approx.": "approximately",
    "estimated at more than": "more_than",
    "estimated at over": "more_than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "nearing": "nearly",
    "approaching": "nearly",
    "just shy of": "nearly",
    "a little under": "nearly",
    "just below": "nearly",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "a little over": "more_than",
    "above": "more_than",
    "well above": "more_than",
    "just above": "more_than",
    "slightly more than": "more_than",
    "up to": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
    "at most": "up_to",
    "no more than": "up_to",
    "not more than": "up_to",
    "a maximum of": "up_to",
    "within": "up_to",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "well below": "less_than",
    "well under": "less_than",
}
QUALIFIERS = ("exact", "approximately", "nearly", "at_least", "more_than", "up_to", "less_than", "range", "vague")
UNITS = (
    "USD",
    "EUR",
    "GBP",
    "KRW",
    "RUB",
    "UAH",
    "JPY",
    "CNY",
    "AUD",
    "CAD",
    "percent",
    "percentage_point",
    "fraction",
    "times",
    "count",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "km",
    "km2",
    "mile",
    "tonne",
)

#: Vague magnitudes: a bare plural of a unit is at least two of it and sets no upper bound (news says
#: "millions of dollars" of 3 million and of 300 million alike), so its high is empty.
VAGUE_BOUNDS = {
    "dozens": (24, math.nan),
    "scores": (40, math.nan),
    "hundreds": (200, math.nan),
    "thousands": (2e3, math.nan),
    "millions": (2e6, math.nan),
    "billions": (2e9, math.nan),
    "trillions": (2e12, math.nan),
}
#: An order of magnitude does bound it: "tens of millions" is 20 to 100 million (a larger sum would be
#: "hundreds of millions").
VAGUE_MULTIPLIERS = {"tens": 10, "hundreds": 100}
#: "several thousand" is 3,000 to 10,000; "a few hundred" 200 to 1,000.
VAGUE_COUNTS = {"several": (3, 10), "few": (2, 10)}

_words = lambda ws: "|".join(sorted(ws, key=len, reverse=True))  # noqa: E731
_phrases = lambda ws: "|".join(  # noqa: E731
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True)
)
_SP = r"[ \u00a0\u202f]"
# "fifty-two", "fifty two", "fifty - two"
WORD_NUMBER = (
    rf"(?:(?:{_words(TENS_WORDS)})(?:(?:\s*-\s*|\s+)(?:{_words(UNITS_WORDS[1:10])})\b)?"
    rf"|{_words(UNITS_WORDS + list(ZERO_WORDS))})"
)
#: "dozen(s)" multiplies a number before it ("3 dozens"); bare "dozens" is vague (VAGUE_BOUNDS).
DOZENS = ("dozen", "dozens", "dzs", "dozs")
SCALE_WORDS = {**SCALES, **dict.fromkeys(DOZENS, 12)}
SCALE = rf"(?:{_words(SCALE_WORDS)})"
DIGITS = (
    r"(?:(?<![\w.,])\.\d+"  # ".08"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f]\d{3})+\.\d+"  # "1 234 567.89" with narrow spaces
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d|[.,]\d)(?!\s?[A-Za-z]{{1,3}}\b)(?![A-Za-z])"
    r"|\d+(?:\.\d+)?)"
)
DIGIT_WORDS = _words(UNITS_WORDS[:10] + list(ZERO_WORDS))
# "two-point-four", "14-point-eight", "two-point-45", "two hundred point seventy-one"
SPELLED_DECIMAL = (
    rf"(?:[- ]point(?:[- ](?:(?:{_words(TENS_WORDS)})(?:-(?:{DIGIT_WORDS}))?|{DIGIT_WORDS}|\d+))"
    rf"(?:[- ](?:{DIGIT_WORDS}|\d+))*\b)"
)
FRACTION_WORD = rf"(?:{_words(FRACTIONS)})"
# A whole number and a fraction: "five and a half", "3 million and a quarter", "one and one fourth" (not "200
# and two thirds of the village", where the fraction is of something else).
AND_A_FRACTION = (
    r"(?:[- ]and[- ](?:an?|one|two|three|four|five|six|seven|eight|nine)[- ]"
    rf"{FRACTION_WORD}\b(?!\s+of\b))"
)
SIGN = r"(?:(?<![\w.,/)\]\-−])[-−](?=[\d.]\d*)|(?<!plus or )(?<!plus/)\b(?:minus|negative)\s+)"  # not a margin
UNIT_NUMBER = (
    rf"(?:(?:{DIGIT_FRACTION}|[{VULGAR_FRACTIONS}]|{DIGITS}(?:\s+{DIGIT_FRACTION}|\s?[{VULGAR_FRACTIONS}])?"
    rf"|\b{WORD_NUMBER}\b)"
    rf"{SPELLED_DECIMAL}?{AND_A_FRACTION}?)"
)
# After a scale word, a smaller number may follow: "three-thousand-200", "three thousand two hundred",
# "two hundred and fifty". A space-separated word must lead to another scale, so "3 million two weeks" stays apart.
AFTER_SCALE = (
    rf"(?:-(?:and-)?(?:\d{{1,3}}\b(?![.,]\d)|{WORD_NUMBER}\b)"
    rf"|(?<=hundred)\s+and\s+(?:{WORD_NUMBER}\b(?!\s+{FRACTION_WORD})|[1-9]\d?\b(?![.,]\d)(?!\s+{SCALE}))"
    rf"|(?:\s+and)?\s+{WORD_NUMBER}(?=(?:-|\s+){SCALE}\b)"  # "two thousand and two hundred"
    r"|\s+\d{1,3}(?=\s+hundred\b))"  # "4 thousand 3 hundred"
)
FRACTION = rf"(?:\b(?:an?|one|two|three|four|five|six|seven|eight|nine|\d)(?:\s*-\s*|\s+){FRACTION_WORD}\b|\bhalf\b)"
BIG_SCALE = r"(?:thousand|million|billion|trillion|dozen)"
NUMBER = (
    rf"(?:(?=[a-z])(?:{FRACTION}|\bquarter)\s+(?:(?:of\s+)?an?\s+)?{BIG_SCALE}\b(?:[- ]{SCALE}\b)*"
    rf"|{UNIT_NUMBER}(?:(?:(?:-|\s+){SCALE}\b)+{AFTER_SCALE}?)*"
    rf"(?:(?<=hundred){SPELLED_DECIMAL}|{AND_A_FRACTION}(?:\s+{BIG_SCALE}\b)?)?"
    rf"|\ban?\s+{SCALE}\b(?:[- ]{SCALE}\b)*{AND_A_FRACTION}?)"
)
CURRENCY_CODES = {
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "KRW": "KRW",
    "RUB": "RUB",
    "UAH": "UAH",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "AUD": "AUD",
    "CAD": "CAD",
}
#: A code with an M prefix is millions of it, in Nordic business style: "30 MUSD", "MEUR 120".
MEGA_CODES = {"m" + code.lower(): code for code in CURRENCY_CODES}
_CODES = _words(CURRENCY_CODES)
CURRENCY_PREFIX = (
    rf"(?:(?:USD?|AUD|CAD)\$\s?|US\$|U\.S\.\s?\$|AU?\$|CA?\$|\$|€|£|₩|₽|₴|M?(?:{_CODES})\s?"
    r"|W(?=\d[\d.,]*\s?(?:tr|bn|trn)\b))"  # Korean won as some outlets write it: "W1.4tr"
)
CURRENCY_WORD = (
    r"(?:\s+(?:of\s+)?(?:US\s+|U\.S\.\s+|American\s+)?dollars?\b|\s+euros?\b|\s+pounds\b|\s+won\b"
    r"|\s+r[o]?ubles?\b|\s+hryvnias?\b|\s+yen\b|\s+yuan\b"
    rf"|(?:\s+|(?<=\d))M?(?:{_CODES})\b)"
)
#: Dollars and cents: "3 dollars 50 cents", "thirteen dollars and forty-five cents", and the cents without their
#: word where the clause ends: "15 dollars and 50."
CENTS = (
    rf"(?:(?:(?<=dollar)|(?<=dollars)|(?<=\busd))(?:\s+and)?\s+(?:\d{{1,2}}|{WORD_NUMBER})"
    r"(?:\s+cents?\b|(?=\s*[.!?;]|\s*$)))"
)
FEET_INCHES = r"(?:\d+\s?(?:feet|foot|ft)\.?(?:\s+and)?\s+\d{1,2}(?:\.\d+)?\s?(?:inches|inch|in)\b)"
PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)"
HEDGE = rf"(?:\b(?:{_phrases(HEDGES)})\s+)"
VAGUE = (
    r"(?:\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    rf"|\b(?:several|a\s+few)\s+{SCALE}(?:\s+(?:thousand|million|billion))?"
    r"|\bscores(?=\s+of\b|$)|\b(?:dozens|hundreds|thousands|millions|billions|trillions))\b"
)
ABBREVIATED = (
    rf"(?:(?:(?!\d){CURRENCY_PREFIX})?{DIGITS}(?:\s?(?:trln|tln|trn|mln|bln|mil|mn|bn|tn)|k|\sk(?!-\w)|b)\b"
    rf"|{CURRENCY_PREFIX}{DIGITS}\s?(?:mm|m|tr)\b)"
)
AMOUNT = (
    rf"(?:(?:(?!\d){SIGN})?(?:(?=\d+\s?f){FEET_INCHES}|{ABBREVIATED}|(?:(?!\d){CURRENCY_PREFIX})?{NUMBER})"
    rf"(?:{PERCENT}|{CURRENCY_WORD}(?:\s+(?:million|billion)\b|{CENTS})?)?)"
)
# A repeated unit belongs to a range: "between 300 km and 500 km".
MEASURE = r"(?:\s?(?:km|kilomet(?:er|re)s|miles|tonnes|tons)\b)"
RANGE_TAIL = rf"(?:{MEASURE}?\s*(?:to|through|-|–|—)\s*{AMOUNT}{MEASURE}?)"
RANGE = rf"(?:\bbetween\s+{AMOUNT}{MEASURE}?\s+and\s+{AMOUNT}{MEASURE}?|\bfrom\s+{AMOUNT}{RANGE_TAIL})"
#: An amount, or a range that starts with it (one pattern, so the amount is not matched twice).
AMOUNT_OR_RANGE = rf"(?:{AMOUNT}{RANGE_TAIL}?)"
DENOMINATOR = r"(?:1,?000|100|10|[2-9]|ten|two|three|four|five|six|seven|eight|nine|an?\s+hundred|one\s+hundred)"
NOT_TIME_AFTER = r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|km|kilomet|miles?|percent|per\s?cent))"
#: "six in 10", "2 out of 3", "one in four": a proportion, not two numbers.
PROPORTION_OF = rf"(?:(?:\d{{1,3}}|\b{WORD_NUMBER})\s+(?:in|out\s+of)\s+{DENOMINATOR}\b(?![.,]?\d|%){NOT_TIME_AFTER})"
#: "half of the drones", "two-thirds of those polled", "a fifth of its budget".
QUARTERS_AS_PERIODS = (  # "the past two quarters", "two quarters of growth", "the first two quarters of 2024"
    r"(?<!past )(?<!last )(?<!next )(?<!first )(?<!previous )(?<!consecutive )(?<!straight )(?<!coming )"
    r"(?<!recent )(?<!final )(?![a-z]+(?:\s*-\s*|\s+)quarters\s+(?:of\s+)?(?:growth|decline|contraction|expansion"
    r"|negative|positive|losses|profits?|the\s+(?:fiscal\s+)?year|this\s+year|last\s+year|\d{4})\b)"
)
#: "half of the drones", "two-thirds of those polled", "a fifth of its budget"; hyphenated, a fraction anywhere
#: ("less than one-fifth"); "cut by half".
FRACTION_OF = (
    rf"(?:(?=[a-z]){QUARTERS_AS_PERIODS}(?:{FRACTION}(?=\s+(?:of|the|its|their|his|her|all|those|these|that)\b|$)"
    rf"|\b(?:an?|one|two|three|four|five|six|seven|eight|nine)\s*-\s*{FRACTION_WORD}\b|(?<=\bby )half\b)"
    rf"(?!\s+(?:(?:of\s+)?an?\s+)?{BIG_SCALE}\b))"
)
MULTIPLIER = (
    rf"(?:(?:\b{WORD_NUMBER}|\d+(?:\.\d+)?)[- ]?fold\b"
    rf"|(?:\b{WORD_NUMBER}|\b\d+(?:\.\d+)?)\s+times(?=\s+(?:more|less|fewer|as|larger|higher|bigger|greater|smaller"
    r"|lower|faster|the|that|what|its|their|his|her|over)\b|$)"
    r"|\b(?:doubled|tripled|trebled|quadrupled|halved)\b"
    r"|\b(?:twice|thrice)(?=\s+(?:as|the|that|what|its|their|his|her|this|a|an|over|more|in|since|before|after"
    r"|during|already|last|each|per|so|and|or|but)\b|\s*[.,;:!?)]|$)"
    r"|\b(?:double|triple|treble|quadruple)(?=\s+(?:the|its|their|his|her|that|what|this|in|as)\b|\s*[:;,.]|$))"
)
QUANTITY = (
    # (?=[a-z]) skips, in one test, the alternatives that open with a word wherever the text opens with a digit
    rf"(?:(?:(?=[a-z]){HEDGE})?(?:{PROPORTION_OF}|{MULTIPLIER}"
    rf"|(?=[a-z])(?:{VAGUE}{CURRENCY_WORD}?|{RANGE}|{FRACTION_OF})"
    rf"|{AMOUNT_OR_RANGE}))"
)
# The lookahead lets the engine skip, cheaply, every position that cannot start a quantity (mid-word, spaces).
QUANTITY_RE = re.compile(rf"(?=[\d$€£₩₽₴.\-−{VULGAR_FRACTIONS}]|\b[A-Za-z])" + QUANTITY, re.IGNORECASE)

#: Characters that IGNORECASE folds to an ASCII letter but ``str.lower`` does not, or the reverse.
CASE_FOLD_TRAPS = re.compile("[ıſİ\u212a]")


def lower_pattern(pattern):
    """``pattern`` for lower-cased text: its letters lower-cased but for ``(?P``. Only for patterns whose escapes
    are all lower-case (``\\b \\d \\s \\u``) and whose group names are."""
    return pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")


class _CaseBlind:
    """A case-blind pattern that runs case-sensitively over the lower-cased text, about twice as fast with the same
    spans, unless lower-casing would move characters or the text holds a :data:`CASE_FOLD_TRAPS` character."""

    def __init__(self, pattern):
        self.blind = re.compile(pattern, re.IGNORECASE)
        self.lower = re.compile(lower_pattern(pattern))

    def fullmatch(self, text):
        lower = text.lower()
        if text.isascii() or len(lower) == len(text) and not CASE_FOLD_TRAPS.search(text):
            return self.lower.fullmatch(lower)
        return self.blind.fullmatch(text)


_FULL = _CaseBlind(QUANTITY)
_HEDGE = re.compile(HEDGE, re.IGNORECASE)
_PROPORTION = re.compile(rf"(?P<n>\d+|{WORD_NUMBER})\s+(?:in|out\s+of)\s+(?P<d>{DENOMINATOR})", re.IGNORECASE)
_PROPORTION_AT_END = re.compile(rf"{_PROPORTION.pattern}$", re.IGNORECASE)
_MULTIPLIER = re.compile(MULTIPLIER, re.IGNORECASE)
_VAGUE = re.compile(rf"{VAGUE}{CURRENCY_WORD}?", re.IGNORECASE)
_RANGE = _CaseBlind(
    rf"(?:between\s+(?P<a>{AMOUNT})(?:{MEASURE})?\s+and\s+(?P<b>{AMOUNT})(?:{MEASURE})?)"
    rf"|(?:from\s+)?(?P<c>{AMOUNT})(?:{MEASURE})?\s*(?:to|through|-|–|—)\s*(?P<d>{AMOUNT})(?:{MEASURE})?"
)
_AMOUNT = _CaseBlind(AMOUNT)
_FRACTION = re.compile(FRACTION, re.IGNORECASE)
_SCALE_AT_END = re.compile(rf"({SCALE})\s*$", re.IGNORECASE)
_HAS_SCALE = re.compile(
    rf"\b{SCALE}\b|\d\s?(?:trln|tln|trn|mln|bln|mil|mn|bn|tn|tr|k|mm|m|b)\b|\bM(?:{_CODES})\b", re.IGNORECASE
)
_STRIP = re.compile(rf"^{CURRENCY_PREFIX}|{PERCENT}$|{CURRENCY_WORD}$", re.IGNORECASE)
_GROUPING = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
_AND_FRACTION = re.compile(
    rf"\band[- ](an?|one|two|three|four|five|six|seven|eight|nine)[- ]({FRACTION_WORD})\b", re.IGNORECASE
)
_SIGN_AT_START = re.compile(r"(?:[-−]\s*|(?:minus|negative)\s+)", re.IGNORECASE)
_PREFIX_AT_START = re.compile(CURRENCY_PREFIX, re.IGNORECASE)
_MEGA = re.compile(rf"\bM(?:{_CODES})\b", re.IGNORECASE)
_DOLLARS_CENTS = re.compile(
    rf"(?P<d>.+?)\s*(?:\bdollars?\b|\bUSD\b)(?:\s+and)?\s+(?P<c>\d{{1,2}}|{WORD_NUMBER})"
    r"(?:\s+cents?)?",
    re.IGNORECASE,
)
_FEET_INCHES = re.compile(
    r"(?P<f>\d+)\s?(?:feet|foot|ft)\.?(?:\s+and)?\s+(?P<i>\d{1,2}(?:\.\d+)?)"
    r"\s?(?:inches|inch|in)",
    re.IGNORECASE,
)
#: Words an amount may hold that carry no number: currency names and codes between a number and its scale.
_SILENT = {"and", "of", "us", "dollar", "dollars"} | {code.lower() for code in CURRENCY_CODES}
_CURRENCY_WORD_AT_END = re.compile(CURRENCY_WORD + "$", re.IGNORECASE)
_TIMES_AT_END = re.compile(r"[- ]?fold$|\s+times$", re.IGNORECASE)
_TOKENS = re.compile(rf"\d+/\d+|[{VULGAR_FRACTIONS}]|\d*\.\d+|\d+|[A-Za-z]+|&")
_UNIT_PATTERNS = [
    (re.compile(p, re.IGNORECASE), unit)
    for p, unit in (
        (r"percentage\s+points?", "percentage_point"),
        (PERCENT, "percent"),
        (r"AU?\$|(?<![a-z])M?AUD(?![a-z])", "AUD"),
        (r"CA?\$|(?<![a-z])M?CAD(?![a-z])", "CAD"),
        (r"\$|\bdollars?\b|(?<![a-z])M?USD(?![a-z])", "USD"),
        (r"€|\beuros?\b|(?<![a-z])M?EUR(?![a-z])", "EUR"),
        (r"£|\bpounds\b|(?<![a-z])M?GBP(?![a-z])", "GBP"),
        (r"₩|\bwon\b|(?<![a-z])M?KRW(?![a-z])|^W(?=\d)", "KRW"),
        (r"₽|\br[o]?ubles?\b|(?<![a-z])M?RUB(?![a-z])", "RUB"),
        (r"₴|\bhryvnias?\b|(?<![a-z])M?UAH(?![a-z])", "UAH"),
        (r"\byen\b|(?<![a-z])M?JPY(?![a-z])", "JPY"),
        (r"\byuan\b|(?<![a-z])M?CNY(?![a-z])|\bRMB\b", "CNY"),
        (r"\bkm\b|\bkilomet", "km"),
        (r"\bmiles\b", "mile"),
        (r"\btonnes\b|\btons\b", "tonne"),
    )
]


class Quantity(NamedTuple):
    """A parsed number expression. ``unit`` is None when the words do not name one."""

    value: float
    low: float
    high: float
    qualifier: str
    unit: str | None


#: What every unit pattern needs, lower case: one search of the lower-cased text rules out a count with no unit.
_UNIT_HINT = re.compile(
    "[%$€£₩₽₴]|^w\\d|per|aud|cad|dollar|usd|eur|pounds|gbp|won|krw|uble|rub|hryvnia|uah|yen|jpy"
    "|yuan|cny|rmb|km|kilomet|miles|tonnes|tons"
)
#: What every range holds ("between ... and", "to", a dash): one search that rules out most amounts.
_RANGE_HINT = re.compile(r"to|and|through|[-–—]", re.IGNORECASE)


def unit_of(text):
    """The unit an amount's own words name (``"$3 million"``: USD), or None."""
    if not _UNIT_HINT.search(text.lower()) and (text.isascii() or not CASE_FOLD_TRAPS.search(text)):
        return None
    for pattern, unit in _UNIT_PATTERNS:
        if pattern.search(text):
            return unit
    return None


def _amount_value(text):
    """Value of one amount (no hedge, no range): digits or words, a sign, spelled decimals, scales, fractions
    (of a scale, after a whole number, in digits), dozens, dollars and cents, feet and inches."""
    core = text.strip()
    lower = core.lower()
    sign = lower[:1] in ("-", "−", "m", "n") and _SIGN_AT_START.match(core)
    if sign:
        return -_amount_value(core[sign.end() :])
    mega = 1e6 if "m" in lower and _MEGA.search(core) else 1.0
    if "f" in lower and (parts := _FEET_INCHES.fullmatch(core)):
        return float(parts.group("f")) + float(parts.group("i")) / 12
    if ("dollar" in lower or "usd" in lower) and (parts := _DOLLARS_CENTS.fullmatch(core)):
        if _PREFIX_AT_START.match(parts.group("d")):
            raise ValueError(f"two currencies in one amount: {text!r}")  # "rmb 10 usd 20"
        return _amount_value(parts.group("d")) + _amount_value(parts.group("c")) / 100
    stripped, n = _STRIP.subn("", core)
    if n:  # a second pass only where the first took something: "US$ 5 dollars"
        core = _STRIP.sub("", stripped.strip()).strip()
    core = _GROUPING.sub("", core)
    fractions = []
    core = (
        core
        if "and" not in lower
        else _AND_FRACTION.sub(
            lambda m: fractions.append(WORD_VALUES.get(m.group(1).lower(), 1) / FRACTIONS[m.group(2).lower()]) or " & ",
            core,
        )
    )
    total, current, small, fraction, decimals, of_whole = 0.0, 0.0, 0.0, None, None, False
    last_scale = pending = 0.0
    for token in _TOKENS.findall(core.lower()):
        if decimals is not None and (token.isdigit() or token in DIGIT_VALUES or token in TENS_WORDS):
            decimals += str(WORD_VALUES[token] // 10 if token in TENS_WORDS else DIGIT_VALUES.get(token, token))
            continue
        if decimals is not None:
            current, decimals = float(f"{int(current)}.{decimals or 0}"), None
        of_whole = of_whole or (fraction is not None and token not in ("and", "of"))
        if "/" in token:
            numerator, denominator = token.split("/")
            current += int(numerator) / int(denominator)
        elif token in VULGAR_FRACTIONS:
            current += unicodedata.numeric(token)
        elif token[0].isdigit() or token[0] == ".":
            small = float(token)
            current += small  # "4 thousand 3 hundred and 21"
        elif token == "point":
            decimals = ""
        elif token in ("a", "an"):
            current = small = 1.0
        elif token in _SILENT or token in MEGA_CODES:
            continue
        elif token == "&":
            if current:
                current += fractions.pop(0)
            else:
                pending = fractions.pop(0)
        elif token in WORD_VALUES:
            current += WORD_VALUES[token]
            small += WORD_VALUES[token]
        elif token in FRACTIONS:
            fraction, current = (current or 1.0) / FRACTIONS[token], 0.0
        elif token == "hundred":
            current, small = (current or 1.0) * 100, 0.0
        elif token in DOZENS:  # "three hundred and two dozens": the dozens are of the two
            current = current - small + small * 12 if small else (current or 1.0) * 12
            small = 0.0
        else:
            scale = SCALES.get(token) or SCALE_ABBREVIATIONS[token]
            if pending:  # "one billion and a half million"
                total, pending = total + pending * scale, 0.0
                continue
            last_scale = scale
            total += (current or 1.0) * last_scale
            current = small = 0.0
    if decimals is not None:
        current = float(f"{int(current)}.{decimals or 0}")
    total += pending * last_scale  # "3 million and a quarter"
    if fraction is None:
        return (total + current) * mega
    return (total + current) * fraction * mega if of_whole else fraction


DIGIT_VALUES = {w: i for i, w in enumerate(UNITS_WORDS[:10])} | dict.fromkeys(ZERO_WORDS, 0)


def _vague_bounds(text):
    words = _CURRENCY_WORD_AT_END.sub("", text.strip()).lower().split()
    if words[0] in ("several", "a"):
        low, high = VAGUE_COUNTS[words[0] if words[0] == "several" else "few"]
        magnitude = math.prod(SCALE_WORDS[w] for w in words if w in SCALE_WORDS)
        return low * magnitude, high * magnitude
    if len(words) == 3:  # "tens of millions": two to ten tens of a million
        magnitude = VAGUE_MULTIPLIERS[words[0]] * SCALES[words[-1].rstrip("s")]
        return 2 * magnitude, 10 * magnitude
    return VAGUE_BOUNDS[words[0]]


def _multiplier_value(text):
    word = text.lower().split()[0]
    if word in MULTIPLIER_WORDS:
        return MULTIPLIER_WORDS[word]
    return _amount_value(_TIMES_AT_END.sub("", text))


def has_scale(text):
    """Whether an amount carries a scale word or abbreviation ("million", "bn", "40K").

    >>> has_scale("40K"), has_scale("2.5 bn"), has_scale("40")
    (True, True, False)
    """
    return bool(_HAS_SCALE.search(text))


def range_parts(text):
    """The two amounts of a range expression as ``(start, end)`` spans within ``text``, or None."""
    if not _RANGE_HINT.search(text):
        return None
    match = _RANGE.fullmatch(text)
    if not match or _AMOUNT.fullmatch(text):
        return None
    first, second = ("a", "b") if match.group("a") else ("c", "d")
    return match.span(first), match.span(second)


def proportion_parts(text):
    """The two numbers of a proportion ("one in four", "12 in six") as ``(start, end)`` spans within ``text``,
    or None when ``text`` does not end with one."""
    match = _PROPORTION_AT_END.search(text)
    return (match.span("n"), match.span("d")) if match else None


def range_bounds(first, second):
    """Low and high of a range written ``first`` to ``second``; the low side takes the high side's scale
    when it has none and is too small to stand alone ("1 to 2 million"). Raise ValueError when the scales
    cannot be told apart ("500 to 2 million").

    >>> range_bounds("1", "2 million"), range_bounds("10,000", "13,000")
    ((1000000.0, 2000000.0), (10000.0, 13000.0))
    >>> range_bounds("500", "2 million")
    Traceback (most recent call last):
    ValueError: range bounds on different scales: '500' to '2 million'
    """
    low, high = _amount_value(first), _amount_value(second)
    scale = _SCALE_AT_END.search(second.strip())
    if scale and not has_scale(first):
        factor = SCALE_WORDS[scale.group(1).lower()]
        if low < high / factor:
            return low * factor, high
        raise ValueError(f"range bounds on different scales: {first!r} to {second!r}")
    return low, high


@functools.lru_cache(maxsize=4096)
def parse_quantity(expression):
    """Parse one news-style quantity expression; raise ValueError when it is not one.

    Memoised on the expression: news repeats its figures ("$40 million") across articles."""
    text = " ".join(expression.split())
    if not _FULL.fullmatch(text):
        raise ValueError(f"not a quantity expression: {expression!r}")
    return _parse(text)


@functools.lru_cache(maxsize=4096)
def parse_match(mention):
    """:func:`parse_quantity` for a mention that ``QUANTITY_RE`` matched, so already known to be a quantity."""
    return _parse(" ".join(mention.split()))


def _tidy(x):
    """A scaled amount without the binary artefact of its float product (8.2 * 1e9 is 8199999999.999999): 15
    significant digits, which every printed figure fits in. Numbers below one (fractions) are kept as computed."""
    if type(x) is float and x.is_integer() and abs(x) < 1e15:  # exact already: "18", "40 million"
        return x
    return float(f"{x:.15g}") if math.isfinite(x) and abs(x) >= 1 else x


def _quantity(value, low, high, qualifier, unit):
    return Quantity(_tidy(value), _tidy(low), _tidy(high), qualifier, unit)


#: Digits alone, grouped by commas or not ("18", "1,500"): the commonest mention, read without the patterns.
_PLAIN_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+", re.ASCII)


def _parse(text):
    if _PLAIN_DIGITS.fullmatch(text):
        value = float(text.replace(",", ""))
        return _quantity(value, value, value, "exact", None)
    qualifier = "exact"
    hedge = _HEDGE.match(text)
    if hedge and _FULL.fullmatch(text[hedge.end() :]):
        qualifier = HEDGES.get(" ".join(hedge.group(0).lower().split()))
        if qualifier is None:  # IGNORECASE also matches look-alikes that lower() keeps: "ſome" (long s)
            raise ValueError(f"hedge not recognised: {hedge.group(0).strip()!r}")
        text = text[hedge.end() :]
    unit = unit_of(text)
    if _VAGUE.fullmatch(text):
        low, high = _vague_bounds(text)
        return _quantity(math.nan, low, high, "vague", unit)
    if _PROPORTION.fullmatch(text):
        match = _PROPORTION.fullmatch(text)
        value, unit = _amount_value(match.group("n")) / _amount_value(match.group("d")), "fraction"
    elif _MULTIPLIER.fullmatch(text):
        value, unit = _multiplier_value(text), "times"
    elif parts := range_parts(text):
        (a, b), (c, d) = parts
        low, high = range_bounds(text[a:b], text[c:d])
        return _quantity(math.nan, low, high, "range", unit)
    elif _FRACTION.fullmatch(text):
        value, unit = _amount_value(text), "fraction"
    else:
        value = _amount_value(text)
    low = value if qualifier in ("exact", "approximately", "at_least", "more_than") else math.nan
    high = value if qualifier in ("exact", "approximately", "nearly", "up_to", "less_than") else math.nan
    return _quantity(value, low, high, qualifier, unit)


WORDED_HEDGES = {
    "exact": "",
    "approximately": "about ",
    "nearly": "nearly ",
    "at_least": "at least ",
    "more_than": "more than ",
    "up_to": "up to ",
    "less_than": "less than ",
}


def format_number(value):
    """Format a number as a news text would.

    >>> [format_number(v) for v in (1500, 2.5, 40e6, 1.5e9)]
    ['1,500', '2.5', '40 million', '1.5 billion']
    """
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
