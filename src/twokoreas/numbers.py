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
from typing import NamedTuple

UNITS_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Abbreviated scales; ``m`` only after a currency sign (a bare ``8m`` may be metres).
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
                       "trln": 1e12}
WORD_VALUES = {w: i for i, w in enumerate(UNITS_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(TENS_WORDS)}
#: Denominators of the fraction words: "two-thirds", "a fifth", "half".
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
             "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
             "ninths": 9, "tenth": 10, "tenths": 10}
#: Words that multiply: "doubled", "triple its contribution", "twice as many".
MULTIPLIER_WORDS = {"double": 2.0, "doubled": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0, "treble": 3.0,
                    "trebled": 3.0, "thrice": 3.0, "quadruple": 4.0, "quadrupled": 4.0, "halved": 0.5}

#: Qualifier for each hedge or comparator, as written before a number.
HEDGES = {
    "approximately": "approximately", "about": "approximately", "around": "approximately",
    "roughly": "approximately", "some": "approximately", "an estimated": "approximately",
    "estimated at": "approximately", "circa": "approximately", "approx.": "approximately",
    "estimated at more than": "more_than", "estimated at over": "more_than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "nearing": "nearly",
    "approaching": "nearly", "just shy of": "nearly", "a little under": "nearly", "just below": "nearly",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "in excess of": "more_than", "just over": "more_than", "well over": "more_than", "a little over": "more_than",
    "above": "more_than", "well above": "more_than", "just above": "more_than", "slightly more than": "more_than",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "at most": "up_to", "no more than": "up_to",
    "not more than": "up_to", "a maximum of": "up_to", "within": "up_to",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "well below": "less_than", "well under": "less_than",
}
QUALIFIERS = ("exact", "approximately", "nearly", "at_least", "more_than", "up_to", "less_than", "range", "vague")
UNITS = ("USD", "EUR", "GBP", "KRW", "RUB", "UAH", "JPY", "CNY", "AUD", "CAD", "percent", "percentage_point",
         "fraction", "times", "count", "year", "month", "week", "day", "hour", "minute", "km", "km2", "mile",
         "tonne")

#: Vague magnitudes: a bare plural of a unit is at least two of it and sets no upper bound (news says
#: "millions of dollars" of 3 million and of 300 million alike), so its high is empty.
VAGUE_BOUNDS = {
    "dozens": (24, math.nan), "scores": (40, math.nan), "hundreds": (200, math.nan), "thousands": (2e3, math.nan),
    "millions": (2e6, math.nan), "billions": (2e9, math.nan), "trillions": (2e12, math.nan),
}
#: An order of magnitude does bound it: "tens of millions" is 20 to 100 million (a larger sum would be
#: "hundreds of millions").
VAGUE_MULTIPLIERS = {"tens": 10, "hundreds": 100}
#: "several thousand" is 3,000 to 10,000; "a few hundred" 200 to 1,000.
VAGUE_COUNTS = {"several": (3, 10), "few": (2, 10)}

_words = lambda ws: "|".join(sorted(ws, key=len, reverse=True))  # noqa: E731
_phrases = lambda ws: "|".join(  # noqa: E731
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))
_SP = r"[ \u00a0\u202f]"
WORD_NUMBER = rf"(?:(?:{_words(TENS_WORDS)})(?:[- ](?:{_words(UNITS_WORDS[1:10])}))?|{_words(UNITS_WORDS)})"
SCALE_WORDS = {**SCALES, "dozen": 12}
SCALE = rf"(?:{_words(SCALE_WORDS)})"
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d|[.,]\d)(?!\s?[A-Za-z]{{1,3}}\b)(?![A-Za-z])"
    r"|\d+(?:\.\d+)?)"
)
DIGIT_WORDS = _words(UNITS_WORDS[:10])
SPELLED_DECIMAL = rf"(?:[- ]point(?:[- ](?:{DIGIT_WORDS}|\d))+\b)"  # "two-point-four", "14-point-eight"
AND_A_HALF = r"(?:[- ]and[- ]a[- ]half\b)"
UNIT_NUMBER = rf"(?:(?:{DIGITS}|\b{WORD_NUMBER}\b){SPELLED_DECIMAL}?{AND_A_HALF}?)"
# After a scale word, a smaller number may follow: "three-thousand-200", "three thousand two hundred",
# "two hundred and fifty". A space-separated word must lead to another scale, so "3 million two weeks" stays apart.
AFTER_SCALE = (
    rf"(?:-(?:and-)?(?:\d{{1,3}}\b(?![.,]\d)|{WORD_NUMBER}\b)"
    rf"|(?<=hundred)\s+and\s+{WORD_NUMBER}\b|\s+{WORD_NUMBER}(?=[- ]{SCALE}\b))"
)
FRACTION = (
    rf"(?:\b(?:an?|one|two|three|four|five|six|seven|eight|nine|\d)[- ](?:{_words(FRACTIONS)})\b|\bhalf\b)"
)
NUMBER = (
    rf"(?:{UNIT_NUMBER}(?:(?:[- ]{SCALE}\b)+{AFTER_SCALE}?)*{AND_A_HALF}?"
    rf"|\b{FRACTION}\s+(?:of\s+)?an?\s+{SCALE}\b(?:[- ]{SCALE}\b)*"
    rf"|\ban?\s+{SCALE}\b(?:[- ]{SCALE}\b)*{AND_A_HALF}?)"
)
CURRENCY_CODES = {"USD": "USD", "EUR": "EUR", "GBP": "GBP", "KRW": "KRW", "RUB": "RUB", "UAH": "UAH", "JPY": "JPY",
                  "CNY": "CNY", "RMB": "CNY", "AUD": "AUD", "CAD": "CAD"}
CURRENCY_PREFIX = (
    rf"(?:US\$|U\.S\.\s?\$|AU?\$|CA?\$|\$|€|£|₩|₽|₴|(?:{_words(CURRENCY_CODES)})\s?)"
)
CURRENCY_WORD = (
    r"(?:\s+(?:of\s+)?(?:US\s+|U\.S\.\s+|American\s+)?dollars\b|\s+euros?\b|\s+pounds\b|\s+won\b"
    r"|\s+r[o]?ubles?\b|\s+hryvnias?\b|\s+yen\b|\s+yuan\b"
    rf"|\s+(?:{_words(CURRENCY_CODES)})\b)"
)
PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)"
HEDGE = rf"(?:\b(?:{_phrases(HEDGES)})\s+)"
VAGUE = (
    r"(?:\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    rf"|\b(?:several|a\s+few)\s+{SCALE}(?:\s+(?:thousand|million|billion))?"
    r"|\bscores(?=\s+of\b|$)|\b(?:dozens|hundreds|thousands|millions|billions|trillions))\b"
)
ABBREVIATED = (
    rf"(?:{CURRENCY_PREFIX}?{DIGITS}(?:\s?(?:trln|trn|mln|bln|mn|bn|tn)|k)\b"
    rf"|{CURRENCY_PREFIX}{DIGITS}\s?m\b)"
)
AMOUNT = rf"(?:{ABBREVIATED}|{CURRENCY_PREFIX}?{NUMBER})(?:{PERCENT}|{CURRENCY_WORD})?"
# A repeated unit belongs to a range: "between 300 km and 500 km".
MEASURE = r"(?:\s?(?:km|kilomet(?:er|re)s|miles|tonnes|tons)\b)"
RANGE_TAIL = rf"(?:{MEASURE}?\s*(?:to|-|–|—)\s*{AMOUNT}{MEASURE}?)"
RANGE = (
    rf"(?:\bbetween\s+{AMOUNT}{MEASURE}?\s+and\s+{AMOUNT}{MEASURE}?|\bfrom\s+{AMOUNT}{RANGE_TAIL})"
)
#: An amount, or a range that starts with it (one pattern, so the amount is not matched twice).
AMOUNT_OR_RANGE = rf"(?:{AMOUNT}{RANGE_TAIL}?)"
DENOMINATOR = r"(?:1,?000|100|10|[2-9]|ten|two|three|four|five|six|seven|eight|nine|an?\s+hundred|one\s+hundred)"
NOT_TIME_AFTER = r"(?!\s+(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|km|kilomet|miles?|percent|per\s?cent))"
#: "six in 10", "2 out of 3", "one in four": a proportion, not two numbers.
PROPORTION_OF = (
    rf"(?:(?:\d{{1,3}}|\b{WORD_NUMBER})\s+(?:in|out\s+of)\s+{DENOMINATOR}\b(?![.,]?\d|%){NOT_TIME_AFTER})"
)
#: "half of the drones", "two-thirds of those polled", "a fifth of its budget".
FRACTION_OF = (
    rf"(?:{FRACTION}(?!\s+(?:of\s+)?an?\s+{SCALE}\b)"
    r"(?=\s+(?:of|the|its|their|his|her|all|those|these|that)\b|$))"
)
MULTIPLIER = (
    rf"(?:(?:\b{WORD_NUMBER}|\d+(?:\.\d+)?)[- ]?fold\b"
    rf"|(?:\b{WORD_NUMBER}|\b\d+(?:\.\d+)?)\s+times(?=\s+(?:more|less|fewer|as|larger|higher|bigger|greater|smaller"
    r"|lower|faster|the|that|what|its|their|his|her|over)\b|$)"
    r"|\b(?:doubled|tripled|trebled|quadrupled|halved)\b"
    r"|\b(?:twice|thrice)(?=\s+(?:as|the|that|what|its|their|his|her|this|a|an|over|more)\b|$)"
    r"|\b(?:double|triple|treble|quadruple)(?=\s+(?:the|its|their|his|her|that|what|this|in|as)\b|\s*[:;,.]|$))"
)
QUANTITY = (
    rf"(?:{HEDGE}?(?:{PROPORTION_OF}|{MULTIPLIER}|{VAGUE}{CURRENCY_WORD}?|{RANGE}|{FRACTION_OF}|{AMOUNT_OR_RANGE}))"
)
# The lookahead lets the engine skip, cheaply, every position that cannot start a quantity (mid-word, spaces).
QUANTITY_RE = re.compile(r"(?=[\d$€£₩₽₴]|\b[A-Za-z])" + QUANTITY, re.IGNORECASE)

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
        if len(lower) == len(text) and not CASE_FOLD_TRAPS.search(text):
            return self.lower.fullmatch(lower)
        return self.blind.fullmatch(text)


_FULL = _CaseBlind(QUANTITY)
_HEDGE = re.compile(HEDGE, re.IGNORECASE)
_PROPORTION = re.compile(rf"(?P<n>\d+|{WORD_NUMBER})\s+(?:in|out\s+of)\s+(?P<d>{DENOMINATOR})", re.IGNORECASE)
_MULTIPLIER = re.compile(MULTIPLIER, re.IGNORECASE)
_VAGUE = re.compile(rf"{VAGUE}{CURRENCY_WORD}?", re.IGNORECASE)
_RANGE = _CaseBlind(
    rf"(?:between\s+(?P<a>{AMOUNT})(?:{MEASURE})?\s+and\s+(?P<b>{AMOUNT})(?:{MEASURE})?)"
    rf"|(?:from\s+)?(?P<c>{AMOUNT})(?:{MEASURE})?\s*(?:to|-|–|—)\s*(?P<d>{AMOUNT})(?:{MEASURE})?")
_AMOUNT = _CaseBlind(AMOUNT)
_FRACTION = re.compile(FRACTION, re.IGNORECASE)
_SCALE_AT_END = re.compile(rf"({SCALE})\s*$", re.IGNORECASE)
_HAS_SCALE = re.compile(rf"\b{SCALE}\b|\d\s?(?:trln|trn|mln|bln|mn|bn|tn|k|m)\b", re.IGNORECASE)
_STRIP = re.compile(rf"^{CURRENCY_PREFIX}|{PERCENT}$|{CURRENCY_WORD}$", re.IGNORECASE)
_GROUPING = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
_AND_A_HALF = re.compile(r"\band[- ]a[- ]half\b", re.IGNORECASE)
_CURRENCY_WORD_AT_END = re.compile(CURRENCY_WORD + "$", re.IGNORECASE)
_TIMES_AT_END = re.compile(r"[- ]?fold$|\s+times$", re.IGNORECASE)
_TOKENS = re.compile(r"\d+(?:\.\d+)?|[A-Za-z]+")
_UNIT_PATTERNS = [(re.compile(p, re.IGNORECASE), unit) for p, unit in (
    (r"percentage\s+points?", "percentage_point"), (PERCENT, "percent"),
    (r"AU?\$|\bAUD\b", "AUD"), (r"CA?\$|\bCAD\b", "CAD"),
    (r"\$|dollars|\bUSD\b", "USD"), (r"€|\beuros?\b|\bEUR\b", "EUR"), (r"£|\bpounds\b|\bGBP\b", "GBP"),
    (r"₩|\bwon\b|\bKRW\b", "KRW"), (r"₽|\br[o]?ubles?\b|\bRUB\b", "RUB"), (r"₴|\bhryvnias?\b|\bUAH\b", "UAH"),
    (r"\byen\b|\bJPY\b", "JPY"), (r"\byuan\b|\bCNY\b|\bRMB\b", "CNY"),
    (r"\bkm\b|\bkilomet", "km"), (r"\bmiles\b", "mile"), (r"\btonnes\b|\btons\b", "tonne"))]


class Quantity(NamedTuple):
    """A parsed number expression. ``unit`` is None when the words do not name one."""

    value: float
    low: float
    high: float
    qualifier: str
    unit: str | None


#: What every unit pattern needs, lower case: one search of the lower-cased text rules out a count with no unit.
_UNIT_HINT = re.compile("[%$€£₩₽₴]|per|aud|cad|dollars|usd|eur|pounds|gbp|won|krw|uble|rub|hryvnia|uah|yen|jpy"
                        "|yuan|cny|rmb|km|kilomet|miles|tonnes|tons")
#: What every range holds ("between ... and", "to", a dash): one search that rules out most amounts.
_RANGE_HINT = re.compile(r"to|and|[-–—]", re.IGNORECASE)


def _unit_of(text):
    if not _UNIT_HINT.search(text.lower()) and not CASE_FOLD_TRAPS.search(text):
        return None
    for pattern, unit in _UNIT_PATTERNS:
        if pattern.search(text):
            return unit
    return None


def _amount_value(text):
    """Value of one amount (no hedge, no range): digits or words, spelled decimals, scales, fractions of a scale."""
    core = _STRIP.sub("", text.strip()).strip()
    core = _GROUPING.sub("", _STRIP.sub("", core).strip())
    core = _AND_A_HALF.sub(" andahalf", core)
    total, current, fraction, decimals, of_whole, last_scale = 0.0, 0.0, None, None, False, 0.0
    for token in _TOKENS.findall(core.lower()):
        if decimals is not None and (token.isdigit() and len(token) == 1 or token in DIGIT_VALUES):
            decimals += str(DIGIT_VALUES.get(token, token))
            continue
        if decimals is not None:
            current, decimals = float(f"{int(current)}.{decimals or 0}"), None
        of_whole = of_whole or (fraction is not None and token not in ("and", "of"))
        if token[0].isdigit():
            current = float(token)
        elif token == "point":
            decimals = ""
        elif token in ("a", "an"):
            current = 1.0
        elif token in ("and", "of"):
            continue
        elif token == "andahalf":
            current, total = (current + 0.5, total) if current else (0.0, total + last_scale / 2)
        elif token in WORD_VALUES:
            current += WORD_VALUES[token]
        elif token in FRACTIONS:
            fraction, current = (current or 1.0) / FRACTIONS[token], 0.0
        elif token in ("hundred", "dozen"):
            current = (current or 1.0) * SCALE_WORDS[token]
        else:
            last_scale = SCALES.get(token) or SCALE_ABBREVIATIONS[token]
            total += (current or 1.0) * last_scale
            current = 0.0
    if decimals is not None:
        current = float(f"{int(current)}.{decimals or 0}")
    if fraction is None:
        return total + current
    return (total + current) * fraction if of_whole else fraction


DIGIT_VALUES = {w: i for i, w in enumerate(UNITS_WORDS[:10])}


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
    """Whether an amount carries a scale word or abbreviation ("million", "bn", "40K")."""
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


def range_bounds(first, second):
    """Low and high of a range written ``first`` to ``second``; the low side takes the high side's scale
    when it has none and is too small to stand alone ("1 to 2 million"). Raise ValueError when the scales
    cannot be told apart ("500 to 2 million")."""
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


def _parse(text):
    qualifier = "exact"
    hedge = _HEDGE.match(text)
    if hedge and _FULL.fullmatch(text[hedge.end():]):
        qualifier = HEDGES.get(" ".join(hedge.group(0).lower().split()))
        if qualifier is None:  # IGNORECASE also matches look-alikes that lower() keeps: "ſome" (long s)
            raise ValueError(f"hedge not recognised: {hedge.group(0).strip()!r}")
        text = text[hedge.end():]
    unit = _unit_of(text)
    if _VAGUE.fullmatch(text):
        low, high = _vague_bounds(text)
        return Quantity(math.nan, low, high, "vague", unit)
    if _PROPORTION.fullmatch(text):
        match = _PROPORTION.fullmatch(text)
        value, unit = _amount_value(match.group("n")) / _amount_value(match.group("d")), "fraction"
    elif _MULTIPLIER.fullmatch(text):
        value, unit = _multiplier_value(text), "times"
    elif parts := range_parts(text):
        (a, b), (c, d) = parts
        low, high = range_bounds(text[a:b], text[c:d])
        return Quantity(math.nan, low, high, "range", unit)
    elif _FRACTION.fullmatch(text):
        value, unit = _amount_value(text), "fraction"
    else:
        value = _amount_value(text)
    low = value if qualifier in ("exact", "approximately", "at_least", "more_than") else math.nan
    high = value if qualifier in ("exact", "approximately", "nearly", "up_to", "less_than") else math.nan
    return Quantity(value, low, high, qualifier, unit)


WORDED_HEDGES = {
    "exact": "", "approximately": "about ", "nearly": "nearly ", "at_least": "at least ",
    "more_than": "more than ", "up_to": "up to ", "less_than": "less than ",
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
