"""The cleaner: a broad table of news-style expressions, and round-trip properties."""

import math

import pytest
from hypothesis import given, strategies as st

from twokoreas.numbers import format_number, parse_quantity

NAN = math.nan
CASES = [
    # expression, value, low, high, qualifier, unit
    ("1,500", 1500, 1500, 1500, "exact", None),
    ("500 000", 500_000, 500_000, 500_000, "exact", None),
    ("12 000 000", 12e6, 12e6, 12e6, "exact", None),
    ("2.5", 2.5, 2.5, 2.5, "exact", None),
    ("$40 million", 40e6, 40e6, 40e6, "exact", "USD"),
    ("US$150 million", 150e6, 150e6, 150e6, "exact", "USD"),
    ("$3 billion", 3e9, 3e9, 3e9, "exact", "USD"),
    ("$1.5bn", 1.5e9, 1.5e9, 1.5e9, "exact", "USD"),
    ("€2 billion", 2e9, 2e9, 2e9, "exact", "EUR"),
    ("1 million", 1e6, 1e6, 1e6, "exact", None),
    ("15-hundred", 1500, 1500, 1500, "exact", None),
    ("a thousand", 1000, 1000, 1000, "exact", None),
    ("ten-thousand", 10_000, 10_000, 10_000, "exact", None),
    ("four", 4, 4, 4, "exact", None),
    ("twenty-five", 25, 25, 25, "exact", None),
    ("two million", 2e6, 2e6, 2e6, "exact", None),
    ("one hundred thousand", 1e5, 1e5, 1e5, "exact", None),
    ("tens of millions of US dollars", NAN, 2e7, 1e8, "vague", "USD"),
    ("millions of dollars", NAN, 2e6, NAN, "vague", "USD"),  # a bare plural sets no upper bound
    ("hundreds of thousands", NAN, 2e5, 1e6, "vague", None),
    ("thousands", NAN, 2000, NAN, "vague", None),
    ("scores", NAN, 40, NAN, "vague", None),
    ("dozens", NAN, 24, NAN, "vague", None),
    ("10,000 to 13,000", NAN, 10_000, 13_000, "range", None),
    ("between 1 and 2 million", NAN, 1e6, 2e6, "range", None),
    ("from 5 to 10", NAN, 5, 10, "range", None),
    ("an estimated 10,000 to 13,000", NAN, 10_000, 13_000, "range", None),
    ("approximately 1,500", 1500, 1500, 1500, "approximately", None),
    ("about 15-hundred", 1500, 1500, 1500, "approximately", None),
    ("around 3,000", 3000, 3000, 3000, "approximately", None),
    ("some 8 million", 8e6, 8e6, 8e6, "approximately", None),
    ("roughly 200", 200, 200, 200, "approximately", None),
    ("an estimated 40,000", 40_000, 40_000, 40_000, "approximately", None),
    ("estimated at $100 million", 1e8, 1e8, 1e8, "approximately", "USD"),
    ("nearly three", 3, NAN, 3, "nearly", None),
    ("almost 17", 17, NAN, 17, "nearly", None),
    ("up to 12,000", 12_000, NAN, 12_000, "up_to", None),
    ("as many as 300", 300, NAN, 300, "up_to", None),
    ("at least 240", 240, 240, NAN, "at_least", None),
    ("more than 10,000", 10_000, 10_000, NAN, "more_than", None),
    ("over 10,000", 10_000, 10_000, NAN, "more_than", None),
    ("more than two million", 2e6, 2e6, NAN, "more_than", None),
    ("fewer than 50", 50, NAN, 50, "less_than", None),
    ("82%", 82, 82, 82, "exact", "percent"),
    ("12.5 per cent", 12.5, 12.5, 12.5, "exact", "percent"),
]


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("expression, value, low, high, qualifier, unit", CASES)
def test_parse_quantity(expression, value, low, high, qualifier, unit):
    parsed = parse_quantity(expression)
    assert same(parsed.value, value) and same(parsed.low, low) and same(parsed.high, high), parsed
    assert (parsed.qualifier, parsed.unit) == (qualifier, unit)


@pytest.mark.parametrize("text", ["T-72", "155mm", "October 12", "the", "", "K2"])
def test_not_a_quantity_expression_is_refused(text):
    with pytest.raises(ValueError, match="not a quantity expression"):
        parse_quantity(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_integer_parses_back(n):
    assert parse_quantity(format_number(n)).value == n


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["", "about ", "more than ", "up to "]))
def test_space_separated_thousands_and_hedges_parse_back(n, hedge):
    assert parse_quantity(hedge + f"{n:,}".replace(",", " ")).value == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "billion"]))
def test_currency_with_scale_parses_back(n, scale):
    parsed = parse_quantity(f"US${n} {scale}")
    assert parsed.value == n * {"million": 1e6, "billion": 1e9}[scale] and parsed.unit == "USD"


@given(st.integers(min_value=0, max_value=99))
def test_number_words_parse_back(n):
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    word = units[n] if n < 20 else tens[n // 10 - 2] + (f"-{units[n % 10]}" if n % 10 else "")
    assert parse_quantity(word).value == n


def test_a_hedge_spelled_with_a_look_alike_letter_is_not_a_quantity_rather_than_a_crash():
    with pytest.raises(ValueError, match="hedge not recognised"):
        parse_quantity("ſome 40")  # long s: IGNORECASE reads it as "some", the hedge table does not
    assert parse_quantity("SOME 40").qualifier == "approximately"
