"""The language of real news figures, one test per phenomenon, on sentences written for these tests.

Each case gives the rows the extractor must return: (mention, value, low, high, qualifier, unit), in order.
NaN stands for "no value"; a row with a ``needs_review`` reason has no value at all.
"""

import math

import pytest

from twokoreas.text.extract import find_quantities

NAN = math.nan


def rows(text):
    frame = find_quantities(text)
    return [(r.mention, r.value, r.value_low, r.value_high, r.qualifier, r.unit) for r in frame.itertuples()]


def same(actual, expected):
    assert len(actual) == len(expected), actual
    for got, want in zip(actual, expected):
        assert got[0] == want[0] and got[4:] == want[4:], (got, want)
        for a, b in zip(got[1:4], want[1:4]):
            assert (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12), (got, want)


def case(text, *expected):
    return pytest.param(text, list(expected), id=text[:48])


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Half of the drones launched overnight were jammed.", ("Half", 0.5, 0.5, 0.5, "exact", "fraction")),
        case(
            "Two-thirds of those polled in Busan opposed the plan.",
            ("Two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact", "fraction"),
        ),
        case("A fifth of the budget goes to air defence.", ("A fifth", 0.2, 0.2, 0.2, "exact", "fraction")),
        case(
            "Seoul set aside half a billion dollars for reconstruction.",
            ("half a billion dollars", 5e8, 5e8, 5e8, "exact", "USD"),
        ),
        case(
            "A quarter of a million shells left the port.",
            ("A quarter of a million", 2.5e5, 2.5e5, 2.5e5, "exact", "count"),
        ),
        case("Six in 10 respondents backed sanctions.", ("Six in 10", 0.6, 0.6, 0.6, "exact", "fraction")),
        case(
            "Roughly 2 out of 3 drones were shot down.",
            ("Roughly 2 out of 3", 2 / 3, 2 / 3, 2 / 3, "approximately", "fraction"),
        ),
        case("More than half of the aid has not arrived.", ("More than half", 0.5, 0.5, NAN, "more_than", "fraction")),
        case("The first half of 2023 saw 12 strikes.", ("12", 12, 12, 12, "exact", "count")),
    ],
)
def test_fractions_and_proportions(text, expected):
    same(rows(text), expected)


def test_a_count_out_of_a_total_is_two_counts():
    same(
        rows("Air defences downed 23 out of 29 missiles."),
        [("23", 23, 23, 23, "exact", "count"), ("29", 29, 29, 29, "exact", "count")],
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        case("The depot held three-thousand-200 rockets.", ("three-thousand-200", 3200, 3200, 3200, "exact", "count")),
        case(
            "Exports reached two-point-four million rounds.",
            ("two-point-four million", 2.4e6, 2.4e6, 2.4e6, "exact", "count"),
        ),
        case(
            "The fund is one-point-one trillion won.",
            ("one-point-one trillion won", 1.1e12, 1.1e12, 1.1e12, "exact", "KRW"),
        ),
        case("Pyongyang sent three dozen launchers.", ("three dozen", 36, 36, 36, "exact", "count")),
        case(
            "About two and a half million people left.",
            ("About two and a half million", 2.5e6, 2.5e6, 2.5e6, "approximately", "count"),
        ),
        case(
            "It bought three thousand two hundred trucks.",
            ("three thousand two hundred", 3200, 3200, 3200, "exact", "count"),
        ),
        case(
            "A further 3 million two weeks later.",
            ("3 million", 3e6, 3e6, 3e6, "exact", "count"),
            ("two", 2, 2, 2, "exact", "week"),
        ),
    ],
)
def test_spelled_compounds_and_decimals(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Several thousand volunteers signed up.", ("Several thousand", NAN, 3e3, 1e4, "vague", "count")),
        case("It will cost several billion euros.", ("several billion euros", NAN, 3e9, 1e10, "vague", "EUR")),
        case("A few hundred marines stayed behind.", ("A few hundred", NAN, 200, 1000, "vague", "count")),
        case("Several dozen drones circled the city.", ("Several dozen", NAN, 36, 120, "vague", "count")),
    ],
)
def test_vague_counts(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Production rose threefold in a year.", ("threefold", 3, 3, 3, "exact", "times")),
        case("Seoul doubled its order.", ("doubled", 2, 2, 2, "exact", "times")),
        case("Tokyo pledged to triple its contribution.", ("triple", 3, 3, 3, "exact", "times")),
        case("The army is almost twice as large as in 2021.", ("almost twice", 2, NAN, 2, "nearly", "times")),
        case("The bill is five times the sum spent last year.", ("five times", 5, 5, 5, "exact", "times")),
        case(
            "He called it a double standard.",
        ),
    ],
)
def test_multipliers(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Its range is between 300 km and 500 km.", ("between 300 km and 500 km", NAN, 300, 500, "range", "km")),
        case(
            "Aid of between $2 million and $3 million was promised.",
            ("between $2 million and $3 million", NAN, 2e6, 3e6, "range", "USD"),
        ),
        case(
            "The missiles flew 430 and 690 kilometres.",
            ("430", 430, 430, 430, "exact", "km"),
            ("690", 690, 690, 690, "exact", "km"),
        ),
    ],
)
def test_ranges_with_a_repeated_unit(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Tass said $35 mln was paid.", ("$35 mln", 3.5e7, 3.5e7, 3.5e7, "exact", "USD")),
        case("A 2 bln package followed.", ("2 bln", 2e9, 2e9, 2e9, "exact", "count")),
        case("The deficit is 1.5 tn roubles.", ("1.5 tn roubles", 1.5e12, 1.5e12, 1.5e12, "exact", "RUB")),
        case("Britain added $8m in aid.", ("$8m", 8e6, 8e6, 8e6, "exact", "USD")),
        case("Some 40K troops massed.", ("Some 40K", 4e4, 4e4, 4e4, "approximately", "count")),
        case("Spending hit RUB 10.8 trillion.", ("RUB 10.8 trillion", 1.08e13, 1.08e13, 1.08e13, "exact", "RUB")),
        case("A €1.2bn loan was signed.", ("€1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact", "EUR")),
    ],
)
def test_abbreviated_scales_and_currency_codes(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case("Casualties are nearing 1,000.", ("nearing 1,000", 1000, NAN, 1000, "nearly", "count")),
        case("Upwards of 300 vehicles were lost.", ("Upwards of 300", 300, 300, NAN, "more_than", "count")),
        case("Under 30 launchers remain.", ("Under 30", 30, NAN, 30, "less_than", "count")),
        case("As many as 12,000 troops went.", ("As many as 12,000", 12000, NAN, 12000, "up_to", "count")),
        case("Just over 40 percent agreed.", ("Just over 40 percent", 40, 40, NAN, "more_than", "percent")),
        case("Roughly 7,000 fled.", ("Roughly 7,000", 7000, 7000, 7000, "approximately", "count")),
        case("Targets within 80 km were hit.", ("within 80", 80, NAN, 80, "up_to", "km")),
        case("Losses are approaching 500.", ("approaching 500", 500, NAN, 500, "nearly", "count")),
    ],
)
def test_hedges(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case(
            "The assembly passed the text 120-9, with 40 abstentions.",
            ("120", 120, 120, 120, "exact", "count"),
            ("9", 9, 9, 9, "exact", "count"),
            ("40", 40, 40, 40, "exact", "count"),
        ),
        case(
            "It was adopted 120 to 9 with 40 abstentions.",
            ("120", 120, 120, 120, "exact", "count"),
            ("9", 9, 9, 9, "exact", "count"),
            ("40", 40, 40, 40, "exact", "count"),
        ),
        case(
            "Its strength fell from 150,000 to 30,000.",
            ("150,000", 150000, 150000, 150000, "exact", "count"),
            ("30,000", 30000, 30000, 30000, "exact", "count"),
        ),
        case(
            "Orders rose from 40 to 90 in a month.",
            ("40", 40, 40, 40, "exact", "count"),
            ("90", 90, 90, 90, "exact", "count"),
        ),
        case("From 5 to 10 shells landed each hour.", ("From 5 to 10", NAN, 5, 10, "range", "count")),
    ],
)
def test_vote_tallies_and_changes_are_not_ranges(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        case(
            "Over three weeks, Russia fired 9,000 shells.",
            ("three", 3, 3, 3, "exact", "week"),
            ("9,000", 9000, 9000, 9000, "exact", "count"),
        ),
        case("The siege lasted over three weeks.", ("over three", 3, 3, NAN, "more_than", "week")),
        case("Drones were downed over five regions.", ("five", 5, 5, 5, "exact", "count")),
    ],
)
def test_over_a_duration_or_a_place_is_not_more_than(text, expected):
    same(rows(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Seoul sent 8-inch and 122-millimeter rounds, and 105-mm guns.",
        "The PzH 2000 has an L/52 barrel; the K9 an L/52 too.",
        "A 5-year-old and a 70-year-old were hurt; men aged 20 to 35 were called up.",
        "Strikes came on March 3 and 4 and again on 7-9 May.",
        "Officials confirmed the toll.[3] Others disagreed.[12]",
        "The worst crisis since World War Two.",
        "Production stalled in the second half of 2023.",
        "Shahed-136/131 drones and KN-23/24 missiles were used.",
    ],
)
def test_false_positives_are_refused(text):
    assert rows(text) == []


@pytest.mark.parametrize(
    "text, mention, reason",
    [
        ("Hong Kong gave HK$50 million.", "$50 million", "currency sign not recognised"),
        ("Japan gave ¥5 billion.", "5 billion", "currency sign not recognised"),
        ("Output fell to 1,5 million rounds.", "1,5 million", "digits grouped neither as thousands nor as decimals"),
        ("Some 6.8m people have fled.", "Some 6.8m", "'m' after the number may be million or metres"),
        ("Between 500 and 2 million people moved.", "Between 500 and 2 million", "range bounds on different scales"),
        ("Stocks rose from 3 to 5 million.", "3", "the scale is written only on the other number"),
    ],
)
def test_a_figure_that_cannot_be_read_is_flagged_with_no_value(text, mention, reason):
    frame = find_quantities(text)
    flagged = frame[frame.needs_review != ""]
    assert list(flagged.mention) == [mention]
    assert flagged.needs_review.iloc[0].startswith(reason)
    assert flagged[["value", "value_low", "value_high"]].isna().all(axis=None)


def test_no_row_without_review_lacks_a_value_or_bounds():
    text = "Between 500 and 2 million people moved; HK$5 million; 40 tanks; thousands fled; 1,5 tonnes."
    frame = find_quantities(text)
    readable = frame[frame.needs_review == ""]
    assert not readable.empty and readable[["value_low", "value_high"]].notna().any(axis=1).all()
