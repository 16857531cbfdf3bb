"""The cleaner: a broad table of news-style expressions, and round-trip properties."""

import math

import pytest
from hypothesis import given, strategies as st

from twokoreas.text.numbers import format_number, parse_quantity

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


# The categories of the peer review (tests/peer), each in the project's own news-style words.
PEER_CATEGORIES = [
    # whole number and a fraction
    ("seven and a quarter", 7.25),
    ("2 million and a half", 2.5e6),
    ("eighty and two thirds", 80 + 2 / 3),
    ("one hundred and three quarters", 100.75),
    ("four and a fourth", 4.25),
    ("one billion and a half million", 1.0005e9),
    # a fraction of a scale
    ("half million", 5e5),
    ("quarter million", 2.5e5),
    ("three quarters of a billion", 7.5e8),
    # digit and Unicode fractions
    ("2/3", 2 / 3),
    ("7 1/2", 7.5),
    ("¼", 0.25),
    ("3½", 3.5),
    # negatives, zero, decimals without a leading zero
    ("-12", -12),
    ("−3.5%", -3.5),
    ("minus eight", -8),
    ("negative 4 percent", -4),
    ("nought", 0),
    ("naught point two", 0.2),
    (".45", 0.45),
    # abbreviated scales, codes with scales or an M prefix, glued codes
    ("4.7b", 4.7e9),
    ("3mil", 3e6),
    ("12 tln", 1.2e13),
    ("6.1k", 6100),
    ("40 EUR million", 4e7),
    ("250 MEUR", 2.5e8),
    ("MUSD 12", 1.2e7),
    ("EUR90", 90),
    ("640GBP", 640),
    ("W2.5tr", 2.5e12),
    # dollars and cents
    ("8 dollars 25 cents", 8.25),
    ("twelve dollars and sixty cents", 12.6),
    # dozens, words after a scale, spelled decimals
    ("4 dozens", 48),
    ("six dozen", 72),
    ("five hundred and three dozens", 536),
    ("nine thousand and six hundred", 9600),
    ("7 hundred and 14", 714),
    ("6 thousand 2 hundred", 6200),
    ("sixty - one", 61),
    ("three hundred point zero five", 300.05),
    ("one point seventy-five", 1.75),
    ("four-point-25", 4.25),
    # feet and inches
    ("6 feet 1 inch", 6 + 1 / 12),
    ("5 ft 6 in", 5.5),
]


@pytest.mark.parametrize("expression, value", PEER_CATEGORIES)
def test_peer_categories_parse_to_their_value(expression, value):
    assert parse_quantity(expression).value == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize(
    "expression, unit",
    [
        ("250 MEUR", "EUR"),
        ("EUR90", "EUR"),
        ("640GBP", "GBP"),
        ("W2.5tr", "KRW"),
        ("8 dollars 25 cents", "USD"),
        ("negative 4 percent", "percent"),
    ],
)
def test_peer_categories_keep_their_unit(expression, unit):
    assert parse_quantity(expression).unit == unit


def test_two_currencies_in_one_amount_are_refused_rather_than_added():
    with pytest.raises(ValueError, match="two currencies"):
        parse_quantity("RMB 10 USD 20")


@pytest.mark.parametrize("text, value", [("$8.2bn", 8.2e9), ("4.35 trillion won", 4.35e12), ("US$1.1 billion", 1.1e9)])
def test_a_scaled_decimal_is_the_printed_number_not_its_float_artefact(text, value):
    parsed = parse_quantity(text)
    assert parsed.value == parsed.low == parsed.high == value
    assert repr(parsed.value) == repr(value)
