"""Find the quantities in news text, and say why every other number is not one.

Generic rules only: dates, years, ages, calibres, model names, ordinals, reference
numbers, footnote markers, clock and reading times are set aside by their shape; a bare
number word counts only where it is not a pronoun (``one of``) or a referring
expression (``the two states``).

A mention that is a figure but whose value cannot be read with confidence (an unknown
currency sign, ``1,5 million``, ``6.8m`` that may be metres, a range whose bounds are on
different scales) is kept with a ``needs_review`` reason and no value: a missing value
is better than a wrong one.

The work is linear in the length of the text: number tokens are found by one scan
(google-re2 when installed, Python ``re`` otherwise, with identical spans), every other
pattern runs only in windows around them, and overlaps are tested against sorted,
disjoint spans with ``bisect``. Its fixed costs are kept small, as it is called once per
paragraph: one re2 set pass per window picks the few shape patterns worth trying there,
the case-blind patterns run case-sensitively over the lower-cased text, and no DataFrame
is built per text.
"""

import gc
import re
import unicodedata
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd

from .numbers import (
    CASE_FOLD_TRAPS,
    CURRENCY_CODES,
    FRACTIONS,
    HEDGES,
    MEGA_CODES,
    MULTIPLIER_WORDS,
    QUANTITY_RE,
    SCALE,
    SCALES,
    TENS_WORDS,
    UNITS_WORDS,
    VULGAR_FRACTIONS,
    WORD_NUMBER,
    ZERO_WORDS,
    has_scale,
    lower_pattern,
    parse_match,
    parse_quantity,
    proportion_parts,
    range_parts,
    unit_of,
)
from ..files import wide_encoding

try:  # an optional DFA engine for the one scan over the whole text; Python re gives the same spans
    import re2
except ImportError:  # pragma: no cover - exercised where google-re2 is not installed
    re2 = None

COLUMNS = ["start", "end", "mention", "value", "value_low", "value_high", "qualifier", "unit", "needs_review"]
DTYPES = {
    "start": "int64",
    "end": "int64",
    "mention": "str",
    "value": "float64",
    "value_low": "float64",
    "value_high": "float64",
    "qualifier": "str",
    "unit": "str",
    "needs_review": "str",
}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
LIST_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"  # a further day in "March 3 and 4", "24-27 February"
AND_DAY = rf"(?:\s*(?:,|and|&|to|-|–|—)\s*{LIST_DAY})"
YEAR = r"(?:1[89]\d\d|20\d\d)"
NOT_NUMBER_AFTER = r"(?![,.]?\d)"
REFERENCE_LABELS = (
    "Article|Section|Chapter|Clause|Paragraph|Resolution|Release|Source|Figure|Fig\\.|Table|No\\.|"
    "Number|Vol\\.|Volume|Page|Item|Rule|Decree|Episode|Part|Phase|"
    # units and places named by a number: "Bureau 121", "Room 39", "highway 35", "exit 436"
    "Room|Bureau|Unit|Brigade|Division|Regiment|Battalion|Squadron|Camp|Gate|Building|Terminal|Flight|"
    "Highway|highway|Route|route|Exit|exit|"
    "Ref|ref"  # a reference code in a caption: "ref 20230412"
)
#: "40K", "$8m", "50km", "200lbs", "8min", "1.2b" are figures, not model names.
GLUED_SCALES = (
    r"(?:k|m|mn|mln|mil|b|bn|bln|tn|tr|trn|trln|tln|km|kg|lbs?|ml|t|kph|kmph|mph|rad|mins?|hrs?|cm|ha"
    r"|kw|mw|gw|kwh|mwh|gwh|usd|eur|gbp|krw|rub|uah|jpy|cny|aud|cad)"
)
#: A war, a treaty or a division "70-year-old" is a duration, not an age.
EVENT_NOUNS = (
    r"war|conflict|alliance|treaty|armistice|ceasefire|truce|agreement|pact|dispute|policy|ban|law|regime"
    r"|division|standoff|stalemate|blockade|sanctions?|programme|program|feud|rivalry|border|dynasty"
    r"|partition|occupation|invasion|crisis|confrontation|system|order|institution|organi[sz]ation"
)
#: Shapes that are numbers but not quantities, in the order they are tried.
NOT_QUANTITY_PATTERNS = [
    ("reading time", re.compile(r"reading time:?\s*\d+\s*min\.?", re.IGNORECASE)),
    ("footnote", re.compile(r"\[\d{1,3}\]")),
    (
        "age",
        re.compile(
            # a hedged age is a duration: "the nearly three-year-old conflict". Every alternative opens a word, and
            # the engine skips the other positions on that test alone.
            rf"\b(?=\w)(?:(?<!nearly )(?<!almost )(?<!about )(?<!around )(?<!over )(?<!roughly )"
            rf"\b(?:\d+|{WORD_NUMBER})[- ](?:year|month|week)s?[- ]olds?\b(?!\s+(?:[a-z]+\s+)?(?:{EVENT_NOUNS})\b)"
            r"|\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d+"
            r"|\baged\s+(?:between\s+)?\d+(?:\s*(?:to|-|–|and|or)\s*(?:\d+|above|over|older|under|younger|more))?"
            r"|\bages\s+(?:of\s+)?\d+(?:\s*(?:to|-|–|and)\s*\d+)?)",
            re.IGNORECASE,
        ),
    ),
    (
        "date",
        re.compile(  # every alternative opens with a month's capital or a digit: the lookahead skips the rest
            rf"(?=[ADFJMNOS]|\d)(?:\b{MONTH}\s+{DAY}\b{AND_DAY}*{NOT_NUMBER_AFTER}(?:,?\s+{YEAR}\b)?"
            rf"|\b{DAY}{AND_DAY}*\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?"
            rf"|\b{MONTH},?\s+{YEAR}\b)"
        ),
    ),
    ("date", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}|\b\d{4}-\d{2}-\d{2}\b")),
    # an offset from universal time is a time zone, not a count: "GMT+10", "UTC -5", "UTC+05:30"
    ("time zone", re.compile(r"\b(?:GMT|UTC)\s?[+\-−±]\s?\d{1,2}(?::?\d{2})?\b", re.IGNORECASE)),
    ("clock time", re.compile(r"\b\d{1,2}:\d{2}\b(?:\s?[ap]\.?m\.?)?", re.IGNORECASE)),
    ("reference number", re.compile(rf"\b(?:{REFERENCE_LABELS})\s+\d+\b")),
    (
        "calibre",
        re.compile(
            r"\b\d+(?:\.\d+)?(?:\s?mm\b|-mm\b|[- ]millimet(?:er|re)s?\b|-inch\b|-in\.|-cal(?:ibre|iber)?\b)",
            re.IGNORECASE,
        ),
    ),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b")),
    ("decade", re.compile(rf"\b{YEAR}s\b")),
    (
        "model or name",
        re.compile(
            rf"\b(?=[A-Za-z]+-?\d)(?!(?i:{SCALE}|point)-)"
            rf"(?!(?i:m?(?:{'|'.join(CURRENCY_CODES)}))\$?\d)(?!W\d[\d.,]*(?:tr|bn)\b)"  # "USD115", "W1.4tr" are money
            r"[A-Za-z]+-?\d+[A-Za-z\d]*(?:/\d+[A-Za-z\d]*)*\b"
            r"|\b[A-Z]+\.\d+\b|\b[A-Z]{1,3}/\d+\b"
            rf"|\b\d+(?!(?i:{GLUED_SCALES})\b)[A-Za-z]+\d*\b|\bWorld\s+War\s+(?:One|Two|Three|I{{1,3}}|\d)\b(?!\.\d)"
            r"|\bGroup\s+of\s+(?:Seven|Eight|Twenty|\d+)\b"
        ),
    ),
    # after a count, "Capitalised-word number" is a designation: "18 Leopard 2 tanks", "14 PzH 2000 howitzers"
    ("model or name", re.compile(r"(?<=\d )(?P<span>[A-Z][A-Za-z]*\s\d+)\b")),
    (
        "period",
        re.compile(
            r"\b(?:first|second|third|fourth|last|latter|former|final|other)\s+(?:half|quarter)\b", re.IGNORECASE
        ),
    ),
    ("year", re.compile(rf"(?=[©12])(?:©\s*)?(?<![$€£₩₽₴])(?<![$€£₩₽₴] )\b{YEAR}\b{NOT_NUMBER_AFTER}")),
]
#: Words a shape cannot match without (lower case): a window that holds none of them skips the pattern.
SHAPE_LITERALS = {
    "reading time": ("reading",),
    "footnote": ("[",),
    "time zone": ("gmt", "utc"),
    "clock time": (":",),
    "calibre": ("mm", "millimet", "inch", "-in.", "-cal"),
    "decade": ("0s",),
    "period": ("half", "quarter"),
    # a label and the space after it: "unit " but not "united", "ref " but not "refugees"
    "reference number": tuple(label.lower() + " " for label in REFERENCE_LABELS.replace("\\", "").split("|")),
}
#: For the other shapes, what their match cannot do without, as a pattern (one per pattern where a reason has two).
#: The "digit space" before a designation is always in its window: every digit has a window around it.
SHAPE_NEEDS = {
    # "-old", " olds" or the word "age", "aged", "ages" before a space ("\\W": re2's "\\s" is ASCII only)
    "age": r"(?i:[- ]olds?\b|\bage[ds]?\W)",
    "date": ("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", r"\d[-/]\d"),
    "ordinal": r"\d(?:st|nd|rd|th)",
    "model or name": (r"[A-Za-z][-./]?\d|\d[A-Za-z]|World|Group of", r"\d [A-Z]"),
    "year": r"(?:1[89]|20)\d\d",
}


def _gate(reason, nth):
    """The pattern a window must hold for the ``nth`` pattern of ``reason`` to be tried in it."""
    if reason in SHAPE_LITERALS:  # case-blind, as the words are looked for in the lower-cased window
        return "(?i)(?:" + "|".join(map(re.escape, SHAPE_LITERALS[reason])) + ")"
    needs = SHAPE_NEEDS[reason]
    return needs if isinstance(needs, str) else needs[nth]


_GATES = [
    _gate(reason, sum(r == reason for r, _ in NOT_QUANTITY_PATTERNS[:i]))
    for i, (reason, _) in enumerate(NOT_QUANTITY_PATTERNS)
]
_SHAPES = [
    (reason, pattern, "span" if "span" in pattern.groupindex else 0) for reason, pattern in NOT_QUANTITY_PATTERNS
]
NUMBER_WORDS = (
    UNITS_WORDS
    + list(ZERO_WORDS)
    + TENS_WORDS
    + list(SCALES)
    + ["dozen", "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "trillions"]
)
#: Words that can carry a figure without being a cardinal: fractions and multipliers ("half", "tripled").
FIGURE_WORDS = NUMBER_WORDS + list(FRACTIONS) + list(MULTIPLIER_WORDS)


def _cases(words):
    # Case variants spelled out: a case-sensitive pattern scans about twice as fast.
    return "|".join(sorted({v for w in words for v in (w, w.capitalize(), w.upper())}, key=len, reverse=True))


NUMBER_TOKEN_RE = re.compile(rf"\d+|\b(?:{_cases(NUMBER_WORDS)})\b")
_FIGURE_TOKEN = rf"\b(?:{_cases(FIGURE_WORDS)})\b|\b[A-Za-z]+(?:fold|FOLD)\b"
FIGURE_TOKEN_RE = re.compile(rf"\d+|[{VULGAR_FRACTIONS}]|{_FIGURE_TOKEN}")
#: The scan over the whole text: google-re2 (a DFA, about 6x Python re here) when installed.
WINDOW_SCAN = re2.compile(rf"\p{{Nd}}+|[{VULGAR_FRACTIONS}]|{_FIGURE_TOKEN}") if re2 else FIGURE_TOKEN_RE
NON_ASCII = re.compile(r"[^\x00-\x7f]")
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|our|his|her|both|all|my|your|whose)\s+$", re.IGNORECASE)
EMPHASIS_BEFORE = re.compile(r"\b(?:even|only|just|exactly)\s+$", re.IGNORECASE)
#: The unit a count is of, read from the words after it (a list "430 and 690 kilometers" shares it).
UNIT_AFTER = re.compile(
    r"(?:\s+(?:and|or|to)\s+\d[\d.,]*)*[\s-]*(?:(?P<km2>sq(?:uare)?\.?\s+(?:km|kilomet(?:er|re)s)|km2|km²)"
    r"|(?P<km>km|kilomet(?:er|re)s?)|(?P<mile>miles?)|(?P<tonne>(?:metric\s+)?(?:tonnes?|tons?))"
    r"|(?P<duration>year|month|week|day|hour|minute)s?|(?P<minute>mins?))\b",
    re.IGNORECASE,
)
PLAIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
#: "over" is a preposition, not "more than", before a place ("over four regions") or a stretch of time
#: ("fired over two months"), unless the time is how long something lasted ("for over three weeks").
OVER_HEDGE = re.compile(r"over\s+", re.IGNORECASE)
PLACE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:regions?|oblasts?|provinces?|cities|towns|villages|districts|areas"
    r"|countries|territor(?:y|ies)|fronts?|sectors?|directions?)\b",
    re.IGNORECASE,
)
TIME_AFTER = re.compile(r"[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)\b", re.IGNORECASE)
LASTING_BEFORE = re.compile(
    r"\b(?:for|lasted|lasting|lasts|last|took|takes|taking|after|of|in|spent|spend|spanning"
    r"|than|be|been|is|was|are|were)\s+$",
    re.IGNORECASE,
)
#: "X to Y" is not an interval after a verb of change ("fell from 150,000 to 30,000") or in a vote ("passed 141-7").
CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|increased?|increases|increasing|decreased?"
    r"|decreases|decreasing|grew|grown|grow|growing|dropped|drops?|dropping|declined?|declines|declining|jumped"
    r"|jumps?|climbed|climbs?|cut|cuts|reduced?|reduces|reducing|raised?|raises|raising|slashed|boosted|expanded"
    r"|shrank|shrunk|soared|plunged|surged|swelled|revised|lowered|lifted|hiked|trimmed|went|up|down|changed?)\b"
    r"(?:\s+[\w%$.,]+){0,3}?\s+$",
    re.IGNORECASE,
)
VOTE_BEFORE = re.compile(
    r"\b(?:vote[sd]?|voting|passed|adopted|approved|rejected|tally|margin|ballot)\b[^.;]{0,40}$", re.IGNORECASE
)
ODD_GROUPING = re.compile(r"[.,]\d")
DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")
WINDOW = 30  # characters of context around a number token: more than any shape or hedge reaches
LOOKBACK = 40  # characters a quantity can start before its first number token ("slightly more than U.S. $")
#: Whatever can open a quantity before its number: a hedge (the whole phrase, so "in" alone or "at" alone does not
#: cost a try), a range word, a currency code, "a"/"an" before a word that can follow it in a quantity.
PREFIX_WORDS = (
    {c.lower() for c in CURRENCY_CODES}
    | set(MEGA_CODES)
    | {"between", "from", "several", "u", "us", "c", "ca", "au", "minus", "negative", "w"}
)
_A_BEFORE = "|".join(["few", "dozen", *SCALES, *FRACTIONS])
_PREFIX_WORDS = "|".join(
    [re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True)]
    + sorted(PREFIX_WORDS, key=len, reverse=True)
    + [rf"an?\s+(?:{_A_BEFORE})"]
)
#: A currency sign, a minus sign or decimal point before a digit, or a whole word (letters, case-blind) of
#: PREFIX_WORDS: where a quantity may start.
PREFIX_WORD = re.compile(rf"[$€£₩₽₴]|(?<![\w.,)\]])[-−.](?=\d)|(?<!\w)(?ai:{_PREFIX_WORDS})(?![A-Za-z])")
#: The same two patterns for lower-cased text, without IGNORECASE.
PREFIX_LOWER_RE = re.compile(rf"[$€£₩₽₴]|(?<![\w.,)\]])[-−.](?=\d)|(?<!\w)(?:{_PREFIX_WORDS})(?![a-z])")
QUANTITY_LOWER_RE = re.compile(lower_pattern(QUANTITY_RE.pattern))

REVIEW_CURRENCY = "currency sign not recognised"
REVIEW_GROUPING = "digits grouped neither as thousands nor as decimals"
REVIEW_METRES = "'m' after the number may be million or metres"
REVIEW_SCALE = "the scale is written only on the other number"
REVIEW_FRACTION = "a fraction with an ordinal the cleaner does not read"
REVIEW_SIGN = "a spaced dash before the number may be a minus sign"
REVIEW_GIGA = "'G' after the number may be billions (giga) or a unit"
REVIEW_CENTS = "a bare number after an amount of money may be its cents or another figure"
REVIEW_WORDS = "number words joined by 'and' may be one number or two"
#: A number word before a fraction word is a fraction the cleaner could not place ("above one quarter and ..."),
#: never a count of one.
FRACTION_WORD_AFTER = re.compile(rf"\s+(?:{'|'.join(FRACTIONS)})\b", re.IGNORECASE)
#: ... but "the past two quarters", "two quarters in a row" count periods.
QUARTERS_COUNTED = re.compile(
    r"(?:\b(?:past|last|next|previous|consecutive|straight|first|recent|coming|final)\s+"
    r"\w+\s+quarters\b|\w+\s+(?:consecutive\s+|straight\s+)?quarters\s+(?:in\s+a\s+row"
    r"|running|straight)\b)",
    re.IGNORECASE,
)
#: "- 20 degrees" at a line's start or before a temperature: a minus sign or a dash, the text cannot say.
SPACED_MINUS_BEFORE = re.compile(r"(?:^|\n)\s*[-−]\s+$|[-−]\s+$")
DEGREES_AFTER = re.compile(r"\s*(?:°|degrees?\b|deg\b)", re.IGNORECASE)

#: After a number word, a unit makes it a measure even after a determiner or as "one": "the six-mile trip",
#: "one penny", "a three-ton satellite", "its one-yen bid".
UNIT_WORD_AFTER = re.compile(
    r"(?:\s*-\s*|\s+)(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|foot|inch(?:es)?|pounds?|tons?|tonnes?"
    r"|gallons?|lit(?:er|re)s?|ounces?|acres?|yards?|dollars?|euros?|penny|pence|cents?|yen|won|yuan|r[o]?ubles?"
    r"|hryvnias?|drachmas?|degrees?|percent|per\s+cent)\b",
    re.IGNORECASE,
)
#: "in one day", "for one week": a count of one, where "one day" alone may mean "some day".
ONE_TIME_AFTER = re.compile(r"\s+(?:day|night|week|month|year|hour|minute)\b", re.IGNORECASE)
ONE_TIME_BEFORE = re.compile(r"\b(?:in|within|for|than|over|just|only|after|lasting)\s+$", re.IGNORECASE)
#: A number word joined to an ordinal: "one-thirtieth" (a fraction) or "forty-fifth" (an ordinal).
ORDINAL_JOINED = re.compile(r"-(?:[a-z]+-)?[a-z]*(?:th|first|second|third)(?P<plural>s)?\b", re.IGNORECASE)
#: An unclosed quote before a capitalised number word that follows a capitalised word: a name ("'Team Two'").
NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
#: A count word in apposition to the names a sentence opens with points back at them: "Russia and North Korea,
#: two states under sanctions, ..." (not "In Seoul and Tokyo, two ...").
NAMED_LIST_BEFORE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+$"
)
IDIOM_BEFORE = re.compile(r"\b(?:to|for)\s+$", re.IGNORECASE)  # "came to naught"
#: Two one-sided bounds joined by "and" are one range: "above 1000 and below 1500".
LOWER_BOUNDS, UPPER_BOUNDS = {"more_than", "at_least"}, {"less_than", "up_to"}
BOUND_JOIN = re.compile(r"\s+and\s+")
CURRENCIES = frozenset(CURRENCY_CODES.values())
TENS = frozenset(TENS_WORDS)
CURRENCY_BEFORE = re.compile(r"[$€£₩₽₴]\s*$")
#: After an amount of money, a bare number with nothing of its own after it: "one dollar and two.", "15 USD 50
#: more", "$100 and fifty" (cents, or a second figure: the text cannot say).
CENTS_AFTER = re.compile(
    rf"(?:\s+and)?\s+(?:\d{{1,2}}|{WORD_NUMBER})\b(?!-)(?=\s*(?:$|[.,;:!?)]|(?:and|or|but|more|less)\b))",
    re.IGNORECASE,
)
#: A number, a currency sign, then cents: "10 $ 30 cent" (which number the sign belongs to is unclear).
SIGN_THEN_CENTS = re.compile(r"\s?[$€£]\s?\d{1,2}\s+cents?\b", re.IGNORECASE)
#: A tens word "and" a units word: "twenty and three" (23, in the old style, or a list).
UNITS_AFTER_AND = re.compile(rf"\s+and\s+(?:{'|'.join(UNITS_WORDS[1:10])})\b", re.IGNORECASE)
#: One to three digits, then a space and three digits the grouping did not join: "40 000 is".
SPACED_GROUP_AFTER = re.compile(r"(?:[ \u00a0\u202f]\d{3}(?!\d)(?![.,]\d))+")


def decode_article(raw):
    """An article's text from its bytes, or ``(None, why)`` when it cannot be read as one."""
    if not raw.strip():
        return None, "empty file"
    encoding = wide_encoding(raw)
    if encoding:  # said before "binary": a UTF-16 text is full of NUL bytes
        return None, f"{encoding} text (it starts with a {encoding} byte-order mark): save it as UTF-8"
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text (byte {err.start})"


def number_tokens(text):
    """Every digit run and cardinal number word in ``text`` as ``(start, end)`` spans."""
    return [m.span() for m in NUMBER_TOKEN_RE.finditer(text)]


def _re_scan(text):
    return [match.span() for match in FIGURE_TOKEN_RE.finditer(text)]


def _re2_scan(text):
    """The spans of :data:`WINDOW_SCAN`'s matches. re2 works on UTF-8 bytes, and its Python wrapper maps every
    match back to string offsets at a cost of microseconds; so the text goes in as one byte per character,
    non-ASCII ones as ``?``, and the byte spans are the string spans. The pattern's letters and ``\\b`` are
    ASCII, so to it a non-ASCII character and ``?`` are alike, but for a non-ASCII digit: a text with one goes
    in as it is."""
    if text.isascii():
        data = text.encode("ascii")
    elif any(c.isdecimal() or c in VULGAR_FRACTIONS for c in set(NON_ASCII.findall(text))):
        return [match.span() for match in WINDOW_SCAN.finditer(text)]
    else:
        data = text.encode("ascii", "replace")
    return [match.span() for match in WINDOW_SCAN.finditer(data)]


#: The spans of every digit run and figure word in a text, in order.
scan_tokens = _re2_scan if re2 else _re_scan


def _windows(text):
    """Stretches of ``text`` around its number and figure words, widened to spaces, merged where they meet.

    Every quantity and every shape set aside holds such a token, so matching only inside
    these stretches finds the same things as matching the whole text, faster.
    """
    windows, starts, ends = [], [], []
    for token_start, token_end in scan_tokens(text):
        starts.append(token_start)
        ends.append(token_end)
        start = text.rfind(" ", 0, max(0, token_start - WINDOW)) + 1
        end = text.find(" ", token_end + WINDOW)
        end = len(text) if end == -1 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows, starts, ends


def _quantity_matches(text, windows, token_starts):
    """The spans ``QUANTITY_RE.finditer`` gives in each window, found by trying the pattern only where a
    quantity can start: at a number token, or at a hedge, currency or range word just before one.

    The patterns run without IGNORECASE over the lower-cased text, about twice as fast with the same spans,
    unless lower-casing moves characters or the text holds one that the two treat differently."""
    subject, prefix_words, quantity = text.lower(), PREFIX_LOWER_RE, QUANTITY_LOWER_RE
    if not text.isascii() and (len(subject) != len(text) or CASE_FOLD_TRAPS.search(text)):
        subject, prefix_words, quantity = text, PREFIX_WORD, QUANTITY_RE
    i = 0
    for window_start, window_end in windows:
        pos = window_start
        i = bisect_left(token_starts, pos, i)
        while i < len(token_starts) and token_starts[i] < window_end:
            token = token_starts[i]
            if token < pos:
                i += 1
                continue
            match = None
            # up to a few characters past the token: "a fifth" is a prefix that ends after it
            for word in prefix_words.finditer(subject, max(pos, token - LOOKBACK), token + 12):
                if word.start() >= token:
                    break
                match = quantity.match(subject, word.start(), window_end)
                if match:
                    break
            match = match or quantity.match(subject, token, window_end)
            if match:
                yield match
                pos = match.end()
            else:
                i += 1


class _Spans:
    """Sorted, disjoint ``[start, end)`` spans with a reason each; overlap tests by bisection."""

    def __init__(self):
        self.starts, self.ends, self.reasons = [], [], []

    def overlaps(self, start, end):
        i = bisect_right(self.ends, start)
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start, end, reason):
        """Keep the span unless it overlaps one already kept."""
        i = bisect_right(self.ends, start)
        if i < len(self.starts) and self.starts[i] < end:
            return
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.reasons.insert(i, reason)

    def __iter__(self):
        return zip(self.starts, self.ends, self.reasons)


def _re_gates():
    """:func:`shapes_to_try` in Python ``re``: the words looked for in the lower-cased window, the patterns searched."""
    words = [SHAPE_LITERALS.get(reason) for reason, _ in NOT_QUANTITY_PATTERNS]
    gates = [None if words[i] else re.compile(gate) for i, gate in enumerate(_GATES)]

    def shapes(window):
        lower = window.lower()
        return [
            i
            for i, gate in enumerate(gates)
            if (gate.search(window) if gate else any(word in lower for word in words[i]))
        ]

    return shapes


def _re2_gates():
    """:func:`shapes_to_try` as one re2 set: every gate pattern in one pass over the window."""
    gates = re2.Set.SearchSet()
    for gate in _GATES:
        gates.Add(gate.replace(r"\d", r"\p{Nd}"))
    gates.Compile()
    return lambda window: sorted(gates.Match(window) or ())


#: The shape patterns worth trying in a window, by their position in :data:`NOT_QUANTITY_PATTERNS`: one pass of
#: an re2 set over the window when google-re2 is installed, a search per pattern otherwise.
shapes_to_try = _re2_gates() if re2 else _re_gates()


def _shape_spans(text, windows):
    """Spans of ``text`` whose shape marks them as not quantities, with the reason (first pattern wins)."""
    spans = _Spans()
    for start, end in windows:  # shapes never cross windows, so window by window keeps the patterns' order
        for i in shapes_to_try(text[start:end]):
            reason, pattern, group = _SHAPES[i]
            for match in pattern.finditer(text, start, end):
                spans.add(*match.span(group), reason)
    return spans


def _quoted_name(text, start, before):
    """Whether a capitalised number word is inside a quoted name: "the 'Team Two' drills"."""
    if not (text[start].isupper() and NAME_BEFORE.search(before)):
        return False
    opened = before.count("“") > before.count("”") or before.count("‘") > before.count("’")
    return opened or before.count('"') % 2 == 1


def _word_reason(text, start, end, mention):
    """Why a bare number word is not a quantity, or None when it is one."""
    before = text[max(0, start - 40) : start]
    lower = mention.lower()
    if _quoted_name(text, start, before):
        return "name"
    if lower in ZERO_WORDS and IDIOM_BEFORE.search(before):
        return "idiom"
    if UNIT_WORD_AFTER.match(text, end) and lower not in ("a", "an"):
        return None
    if lower in ("one", "a", "an"):
        if lower == "one" and ONE_TIME_AFTER.match(text, end) and ONE_TIME_BEFORE.search(before):
            return None
        return None if EMPHASIS_BEFORE.search(before) else "pronoun or determiner"
    named_list = before[-1:].isspace() and before.rstrip().endswith(",")  # what NAMED_LIST_BEFORE ends with
    if DETERMINER_BEFORE.search(before) or (
        named_list and NAMED_LIST_BEFORE.search(text, 0 if start < 80 else start - 80, start)
    ):
        return "referring expression"
    return None


def _unit_after(text, end):
    match = UNIT_AFTER.match(text, end)
    if not match:
        return "count"
    return match.group("duration").lower() if match.group("duration") else match.lastgroup


def _currency_problem(text, start, mention):
    """Whether a currency sign next to the mention is one the cleaner cannot name (HK$, ¥, ₹)."""
    dollar = mention.find("$")
    before = text[start - 1] if start else ""
    if dollar == 0 and before.isalpha():
        return True
    return bool(before) and unicodedata.category(before) == "Sc" and before not in "$€£₩₽₴"


def _review(start, end, text, reason):
    return [start, end, text[start:end], np.nan, np.nan, np.nan, "", "", reason]


def _row(text, start, end, quantity=None):
    """One output row for ``text[start:end]``, parsed unless ``quantity`` is given."""
    mention = text[start:end]
    try:
        quantity = quantity or parse_quantity(mention)
    except ValueError as err:
        return _review(start, end, text, str(err))
    unit = quantity.unit or _unit_after(text, end)
    return [start, end, mention, quantity.value, quantity.low, quantity.high, quantity.qualifier, unit, ""]


def _rows(text, start, end):
    """Rows for a quantity match: one, or two figures when a range's words are a tally or a change."""
    mention = text[start:end]
    try:
        quantity = parse_match(mention)
    except ValueError as err:
        return [_review(start, end, text, str(err))]
    if quantity.unit == "fraction" and quantity.value > 1 and (parts := proportion_parts(mention)):
        return [_row(text, start + s, start + e) for s, e in parts]  # "12 in six boxes": two counts
    parts = range_parts(mention) if quantity.qualifier == "range" else None
    if not parts:
        return [_row(text, start, end, quantity)]
    (a, b), (c, d) = parts
    first, second = mention[a:b], mention[c:d]
    before = text[max(0, start - 60) : start]
    lower = mention.lower()
    units = unit_of(first), unit_of(second)
    mixed = None not in units and units[0] != units[1]  # "rose 9 per cent to $165 million": two figures
    if (
        not mixed
        and parse_quantity(first).value < parse_quantity(second).value
        and not (VOTE_BEFORE.search(before) and not lower.startswith("between"))
        and not (lower.startswith("from") and CHANGE_BEFORE.search(before))
    ):
        return [_row(text, start, end, quantity)]
    rows = []
    for (s, e), own, other in (((a, b), first, second), ((c, d), second, first)):
        row = _row(text, start + s, start + e)
        if not mixed and has_scale(other) and not has_scale(own) and row[3] < 1000:  # "from 3 to 5 million": 3 what?
            row = _review(start + s, start + e, text, REVIEW_SCALE)
        rows.append(row)
    return rows


def _run_on(text, row, next_start):
    """Where a row's number may run on into the next number ("one dollar and two", "40 000 is", "twenty and
    three"), the end of the stretch that should be read as one and why, or None. ``next_start``: where the next
    row starts (three digits apart are a group left out only when they are a row: not "72 155mm")."""
    start, end, mention = row[0], row[1], row[2]
    if row[8] or end >= len(text):
        return None
    if mention.lower() in TENS and (words := UNITS_AFTER_AND.match(text, end)):
        return words.end(), REVIEW_WORDS
    grouped = next_start == end + 1 and mention.isdigit() and len(mention) <= 3
    if grouped and (group := SPACED_GROUP_AFTER.match(text, end)):
        return group.end(), REVIEW_GROUPING
    after = text[end : end + 3]
    if ("$" in after or "€" in after or "£" in after) and (cents := SIGN_THEN_CENTS.match(text, end)):
        return cents.end(), REVIEW_CENTS
    if (
        (row[7] in CURRENCIES or CURRENCY_BEFORE.search(text, max(0, start - 3), start))
        and not has_scale(mention)
        and (cents := CENTS_AFTER.match(text, end))
    ):
        return cents.end(), REVIEW_CENTS
    return None


def _review_run_ons(text, rows):
    """Rows with each number that may run on into the next (:func:`_run_on`) replaced, with the rows it covers,
    by one ``needs_review`` row."""
    kept, until = [], -1
    for i, row in enumerate(rows):
        if row[0] < until:
            last = kept[-1]
            kept[-1] = _review(last[0], max(until, row[1]), text, last[8])
            continue
        run_on = _run_on(text, row, rows[i + 1][0] if i + 1 < len(rows) else -1)
        if run_on is None:
            kept.append(row)
            continue
        until, reason = run_on
        kept.append(_review(row[0], until, text, reason))
    return kept


def _join_bounds(text, rows):
    """Rows with each lower bound and upper bound written "X and Y" joined into one range row."""
    joined = []
    for row in rows:
        last = joined[-1] if joined else None
        if (
            last
            and {last[6], row[6]} <= LOWER_BOUNDS | UPPER_BOUNDS
            and (last[6] in LOWER_BOUNDS) != (row[6] in LOWER_BOUNDS)
            and last[7] == row[7]
            and BOUND_JOIN.fullmatch(text, last[1], row[0])
        ):
            low, high = (last[3], row[3]) if last[6] in LOWER_BOUNDS else (row[3], last[3])
            if low < high:
                joined[-1] = [last[0], row[1], text[last[0] : row[1]], np.nan, low, high, "range", row[7], ""]
                continue
        joined.append(row)
    return joined


def _classify(text):
    """Rows of the quantities kept (sorted by start), the number words set aside, and the shapes.

    The cyclic garbage collector is paused meanwhile: what the call builds holds no reference cycles, so a
    collection it triggers would only walk every long-lived object of the process (pandas, pyarrow: about
    150,000), a full pass of 0.1 s or more that a long text (1M words) otherwise pays at least once."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _classify_text(text)
    finally:
        if collecting:
            gc.enable()


def _classify_text(text):
    windows, token_starts, token_ends = _windows(text)
    if not windows:  # no number: a heading, a byline
        return [], [], _Spans()
    shapes = _shape_spans(text, windows)
    rows, rejected, absorbed_until = [], [], -1
    for match in _quantity_matches(text, windows, token_starts):
        start, end = match.span()
        mention = text[start:end]
        if start < absorbed_until:
            rows[-1] = _review(rows[-1][0], max(end, absorbed_until), text, REVIEW_GROUPING)
            absorbed_until = max(end, absorbed_until)
            continue
        first, last = bisect_left(token_starts, start), bisect_left(token_starts, end)
        if first == last:
            continue
        if shapes.starts and any(map(shapes.overlaps, token_starts[first:last], token_ends[first:last])):
            parts = range_parts(mention)  # "in 2021 to 1.2 million": the year is set aside, not the amount
            if parts and not shapes.overlaps(start + parts[1][0], start + parts[1][1]):
                rows.extend(_rows(text, start + parts[1][0], start + parts[1][1]))
            continue
        plain = PLAIN_WORD.fullmatch(mention)
        if (
            mention[-1].isalpha()
            and FRACTION_WORD_AFTER.match(text, end)
            and not QUARTERS_COUNTED.match(text, text.rfind(" ", 0, max(0, start - 1)) + 1)
            and not QUARTERS_COUNTED.match(text, start)
        ):
            rows.append(_review(start, FRACTION_WORD_AFTER.match(text, end).end(), text, REVIEW_FRACTION))
            continue
        near = text[max(0, start - 4) : start]
        dash = ("-" in near or "−" in near) and SPACED_MINUS_BEFORE.search(text, max(0, start - 4), start)
        line_start = text.rfind("\n", 0, start) + 1 if dash else 0  # the dash opens its line, or a temperature
        if dash and (not text[line_start : dash.end()].strip(" \t-−") or DEGREES_AFTER.match(text, end)):
            rows.append(_review(dash.end() - len(dash.group(0).lstrip()), end, text, REVIEW_SIGN))
            continue
        if plain and (ordinal := ORDINAL_JOINED.match(text, end)):
            fraction = ordinal.group("plural") or text.startswith(" of", ordinal.end())
            if mention.lower() in ("one", "a", "an") or fraction:
                rows.append(_review(start, ordinal.end(), text, REVIEW_FRACTION))
            else:
                rejected.append((start, end, "ordinal"))
            continue
        reason = _word_reason(text, start, end, mention) if plain else None
        if reason:
            rejected.append((start, end, reason))
            continue
        if ODD_GROUPING.match(text, end):
            # the digits run on from the last token, or after the mark when that token is a word ("four,4")
            run_end = (DIGIT_RUN.match(text, token_starts[last - 1]) or DIGIT_RUN.match(text, end + 1)).end()
            rows.append(_review(start, run_end, text, REVIEW_GROUPING))
            absorbed_until = run_end + 1
            continue
        if _currency_problem(text, start, mention):
            rows.append(_review(start, end, text, REVIEW_CURRENCY))
            continue
        if text[end : end + 2] == " G" and not text[end + 2 : end + 3].isalnum() and mention[-1].isdigit():
            rows.append(_review(start, end + 2, text, REVIEW_GIGA))  # "1,674.5 G"
            continue
        metres = 2 if text[end : end + 2] == " M" else 1  # "10m", "10M", "1,674,200.5 M"
        if (
            text[end + metres - 1 : end + metres] in ("m", "M")
            and not text[end + metres : end + metres + 1].isalpha()
            and mention[-1].isdigit()
        ):
            rows.append(_review(start, end + metres, text, REVIEW_METRES))
            continue
        hedge = OVER_HEDGE.match(mention)
        if hedge and (
            PLACE_AFTER.match(text, end)
            or TIME_AFTER.match(text, end)
            and not LASTING_BEFORE.search(text[max(0, start - 20) : start])
        ):
            start += hedge.end()
        rows.extend(_rows(text, start, end))
    return _join_bounds(text, _review_run_ons(text, rows)), rejected, shapes


def quantity_rows(text):
    """The rows of :func:`find_quantities` as plain lists (no DataFrame), for high-volume callers."""
    return _classify(text)[0]


def rows_frame(rows, columns=COLUMNS, dtypes=DTYPES):
    """Rows of :func:`quantity_rows` (optionally with leading extra columns) as one typed DataFrame."""
    values = list(zip(*rows)) if rows else [()] * len(columns)
    data = {}
    for name, column in zip(columns, values):
        dtype = dtypes[name]
        data[name] = pd.array(column, dtype="str") if dtype == "str" else np.array(column, dtype=dtype)
    return pd.DataFrame(data, copy=False)  # the arrays are new and the dict keeps the column order


def find_quantities(text: str) -> pd.DataFrame:
    """One row per quantity in ``text``: span (Python string offsets), mention, value, bounds, qualifier, unit,
    and ``needs_review`` (a reason, and no value, where the value cannot be read with confidence)."""
    return rows_frame(quantity_rows(text))


def find_quantities_in(texts) -> pd.DataFrame:
    """:func:`find_quantities` over many texts at once, with a leading ``text`` column (the text's position):
    the DataFrame is built once for the batch, not once per text."""
    return rows_frame(
        [[i, *row] for i, text in enumerate(texts) for row in quantity_rows(text)],
        ["text", *COLUMNS],
        {"text": "int64", **DTYPES},
    )


def _union(spans):
    """Sorted spans merged where they overlap, as ``(starts, ends)``."""
    starts, ends = [], []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def find_non_quantities(text: str) -> pd.DataFrame:
    """Number tokens that are not quantities: ``start, end, mention, reason`` (dates, years, names...)."""
    kept, words, shapes = _classify(text)
    rejected = sorted(words + list(shapes))
    rows = [(s, e, text[s:e], reason) for s, e, reason in rejected if NUMBER_TOKEN_RE.search(text[s:e])]
    starts, ends = _union([(r[0], r[1]) for r in kept] + [(s, e) for s, e, _, _ in rows])
    for s, e in number_tokens(text):
        i = bisect_right(starts, s) - 1
        if i < 0 or ends[i] < e:
            rows.append((s, e, text[s:e], "not a quantity"))
    return pd.DataFrame(sorted(rows), columns=["start", "end", "mention", "reason"])
