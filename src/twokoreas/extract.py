"""Find the quantities in news text, and say why every other number is not one.

Generic rules only: dates, years, calibres, model names, ordinals, reference
numbers, clock and reading times are set aside by their shape; a bare number
word counts only where it is not a pronoun (``one of``) or a referring
expression (``the two states``).
"""

import re

import pandas as pd

from .numbers import QUANTITY_RE, SCALES, TENS_WORDS, UNITS_WORDS, parse_quantity

COLUMNS = ["start", "end", "mention", "value", "value_low", "value_high", "qualifier", "unit"]
DTYPES = {"start": "int64", "end": "int64", "mention": "str", "value": "float64", "value_low": "float64",
          "value_high": "float64", "qualifier": "str", "unit": "str"}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
NOT_NUMBER_AFTER = r"(?![,.]?\d)"
REFERENCE_LABELS = (
    "Article|Section|Chapter|Clause|Paragraph|Resolution|Release|Source|Figure|Fig\\.|Table|No\\.|"
    "Number|Vol\\.|Volume|Page|Item|Rule|Decree|Episode|Part|Phase"
)
#: Shapes that are numbers but not quantities, in the order they are tried.
NOT_QUANTITY_PATTERNS = [
    ("reading time", re.compile(r"reading time:?\s*\d+\s*min\.?", re.IGNORECASE)),
    ("date", re.compile(
        rf"\b{MONTH}\s+{DAY}\b{NOT_NUMBER_AFTER}(?:,?\s+{YEAR}\b)?"
        rf"|\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?"
        rf"|\b{MONTH},?\s+{YEAR}\b"
        r"|\b\d{1,2}/\d{1,2}/\d{2,4}|\b\d{4}-\d{2}-\d{2}\b")),
    ("clock time", re.compile(r"\b\d{1,2}:\d{2}\b(?:\s?[ap]\.?m\.?)?", re.IGNORECASE)),
    ("reference number", re.compile(rf"\b(?:{REFERENCE_LABELS})\s+\d+\b")),
    ("calibre", re.compile(r"\b\d+(?:\.\d+)?\s?mm\b")),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b")),
    ("decade", re.compile(rf"\b{YEAR}s\b")),
    ("model or name", re.compile(r"\b[A-Za-z]+-?\d+[A-Za-z\d]*\b|\b[A-Z]+\.\d+\b|\b\d+[A-Za-z]+\d*\b")),
    # after a count, "Capitalised-word number" is a designation: "18 Leopard 2 tanks", "14 PzH 2000 howitzers"
    ("model or name", re.compile(r"(?<=\d )(?P<span>[A-Z][A-Za-z]*\s\d+)\b")),
    ("year", re.compile(rf"(?:©\s*)?\b{YEAR}\b{NOT_NUMBER_AFTER}")),
]
NUMBER_WORDS = UNITS_WORDS + TENS_WORDS + list(SCALES) + [
    "dozen", "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "trillions"]
# Case variants spelled out: a case-sensitive pattern scans about twice as fast.
_NUMBER_WORD_CASES = sorted({v for w in NUMBER_WORDS for v in (w, w.capitalize(), w.upper())}, key=len, reverse=True)
NUMBER_TOKEN_RE = re.compile(rf"\d+|\b(?:{'|'.join(_NUMBER_WORD_CASES)})\b")
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|our|his|her|both|all|my|your|whose)\s+$", re.IGNORECASE)
EMPHASIS_BEFORE = re.compile(r"\b(?:even|only|just|exactly)\s+$", re.IGNORECASE)
DURATION_AFTER = re.compile(r"[\s-]*(year|month|week|day)s?\b", re.IGNORECASE)
PLAIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
WINDOW = 40  # characters of context around a number token: longer than any quantity expression


def decode_article(raw):
    """An article's text from its bytes, or ``(None, why)`` when it cannot be read as one."""
    if not raw.strip():
        return None, "empty file"
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes)"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text (byte {err.start})"


def number_tokens(text):
    """Every digit run and cardinal number word in ``text`` as ``(start, end)`` spans."""
    return [m.span() for m in NUMBER_TOKEN_RE.finditer(text)]


def _windows(text):
    """Stretches of ``text`` around its number tokens, widened to spaces, merged where they meet.

    Every quantity and every shape set aside holds a number token, so matching only inside
    these stretches finds the same things as matching the whole text, faster.
    """
    windows = []
    for match in NUMBER_TOKEN_RE.finditer(text):
        start = text.rfind(" ", 0, max(0, match.start() - WINDOW)) + 1
        end = text.find(" ", match.end() + WINDOW)
        end = len(text) if end == -1 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _shape_reasons(text, windows):
    """Spans of ``text`` whose shape marks them as not quantities, with the reason."""
    spans = []
    for reason, pattern in NOT_QUANTITY_PATTERNS:
        for match in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            start, end = match.span("span") if "span" in pattern.groupindex else match.span()
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, reason))
    return sorted(spans)


def _word_reason(text, start, mention):
    """Why a bare number word is not a quantity, or None when it is one."""
    before = text[max(0, start - 40):start]
    if mention.lower() in ("one", "a", "an"):
        return None if EMPHASIS_BEFORE.search(before) else "pronoun or determiner"
    if DETERMINER_BEFORE.search(before):
        return "referring expression"
    return None


def _classify(text):
    """Quantity matches kept, and number tokens set aside with their reasons."""
    windows = _windows(text)
    shapes = _shape_reasons(text, windows)
    kept, rejected = [], list(shapes)
    for match in (m for start, end in windows for m in QUANTITY_RE.finditer(text, start, end)):
        start, end, mention = match.start(), match.end(), match.group(0)
        tokens = [(s + start, e + start) for s, e in number_tokens(mention)]
        if not tokens or any(s < te and ts < e for s, e, _ in shapes for ts, te in tokens):
            continue
        reason = _word_reason(text, start, mention) if PLAIN_WORD.fullmatch(mention) else None
        if reason:
            rejected.append((start, end, reason))
        else:
            kept.append(match)
    return kept, sorted(rejected)


def _row(text, match):
    quantity = parse_quantity(match.group(0))
    unit = quantity.unit
    if unit is None:
        duration = DURATION_AFTER.match(text, match.end())
        unit = duration.group(1).lower() if duration else "count"
    return [match.start(), match.end(), match.group(0), quantity.value, quantity.low, quantity.high,
            quantity.qualifier, unit]


def quantity_rows(text):
    """The rows of :func:`find_quantities` as plain tuples (no DataFrame), for high-volume callers."""
    kept, _ = _classify(text)
    return [_row(text, m) for m in kept]


def find_quantities(text: str) -> pd.DataFrame:
    """One row per quantity in ``text``: span (Python string offsets), mention, value, bounds, qualifier, unit."""
    columns = list(zip(*quantity_rows(text))) or [()] * len(COLUMNS)
    return pd.DataFrame({name: pd.Series(values, dtype=DTYPES[name]) for name, values in zip(COLUMNS, columns)})


def find_non_quantities(text: str) -> pd.DataFrame:
    """Number tokens that are not quantities: ``start, end, mention, reason`` (dates, years, names...)."""
    kept, rejected = _classify(text)
    inside = [(m.start(), m.end()) for m in kept]
    rows = [(s, e, text[s:e], reason) for s, e, reason in rejected if NUMBER_TOKEN_RE.search(text[s:e])]
    covered = inside + [(s, e) for s, e, _, _ in rows]
    for s, e in number_tokens(text):
        if not any(cs <= s and e <= ce for cs, ce in covered):
            rows.append((s, e, text[s:e], "not a quantity"))
    return pd.DataFrame(sorted(rows), columns=["start", "end", "mention", "reason"])
