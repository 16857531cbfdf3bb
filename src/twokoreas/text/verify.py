"""The one check of a claim against its article text, used by ``check`` and by the notebooks' prose."""

import math

from .numbers import parse_quantity

WORDED_UNITS = ("USD", "EUR", "GBP", "KRW", "percent")  # a mention always carries these in its own words


def same_number(a, b):
    """Equal numbers, where two missing values (NaN or None) count as equal."""
    missing = lambda x: x is None or (isinstance(x, float) and math.isnan(x))  # noqa: E731
    return (missing(a) and missing(b)) or a == b


def cleaner_reads(mention):
    """True when the cleaner can read a value from ``mention`` (so a reviewer must not read it instead)."""
    try:
        parse_quantity(mention)
    except ValueError:
        return False
    return True


def claim_disagreement(claim, text):
    """Why ``claim`` (a claims row) does not read from ``text``, or None when its span reads its mention and
    the cleaner's parse of the mention gives its value, bounds, qualifier and unit."""
    if text[claim.start : claim.end] != claim.mention:
        return f"span {claim.start}:{claim.end} reads {text[claim.start : claim.end]!r}, not {claim.mention!r}"
    try:
        parsed = parse_quantity(claim.mention)
    except ValueError as err:
        if getattr(claim, "read_by", "cleaner") == "reviewer":
            return _reviewed_disagreement(claim)
        return f"the cleaner cannot read {claim.mention!r}: {err}; a reviewer who reads it sets read_by to reviewer"
    if getattr(claim, "read_by", "cleaner") == "reviewer":
        return f"the cleaner reads {claim.mention!r}: read_by must be cleaner, so its parse is checked"
    for field, got, stored in (
        ("value", parsed.value, claim.value),
        ("value_low", parsed.low, claim.value_low),
        ("value_high", parsed.high, claim.value_high),
    ):
        if not same_number(got, stored):
            return f"{field} {stored} disagrees with the text's {claim.mention!r} ({got})"
    if parsed.qualifier != claim.qualifier:
        return f"qualifier {claim.qualifier!r} disagrees with the text's {claim.mention!r} ({parsed.qualifier!r})"
    if parsed.unit not in (None, claim.unit):
        return f"unit {claim.unit!r} disagrees with the text's {claim.mention!r} ({parsed.unit!r})"
    if parsed.unit is None and claim.unit in WORDED_UNITS:
        return f"unit {claim.unit!r} needs its word in the mention ({claim.mention!r} has no currency or percent sign)"
    return None


def _reviewed_disagreement(claim):
    """What is wrong with values a reviewer read from a mention the cleaner cannot read, or None: there is a
    value or a bound, and a point value lies within its bounds."""
    low = -math.inf if same_number(claim.value_low, math.nan) else claim.value_low
    high = math.inf if same_number(claim.value_high, math.nan) else claim.value_high
    if same_number(claim.value, math.nan) and low == -math.inf and high == math.inf:
        return f"a value or a bound is needed for {claim.mention!r}"
    if not same_number(claim.value, math.nan) and not low <= claim.value <= high:
        return f"value {claim.value} lies outside its bounds"
    return None
