"""Cross-checking claims against the tracker: conversion, sums over months, verdicts, unmatched claims."""

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from twokoreas.analysis import kiel

TRACKER = pd.DataFrame(
    {
        "iso": ["KOR", "KOR", "KOR", "JPN"],
        "year": [2022, 2022, 2023, 2022],
        "month": [3, 11, 1, 3],
        "total": [0.1, 0.2, 0.5, 9.0],
        "financial": [0.0, 0.2, 0.0, 9.0],
        "humanitarian": [0.1, 0.0, 0.5, 0.0],
        "military": [0.0, 0.0, 0.0, 0.0],
        "commitments": [0.1, 0.2, 0.5, 9.0],
    }
)
TRACKER["month_start"] = pd.to_datetime(dict(year=TRACKER.year, month=TRACKER.month, day=1))
RATES = pd.DataFrame({"year": [2022], "usd_per_eur": [1.1], "source": ["test"]})


def test_in_usd_uses_each_years_rate_and_leaves_unknown_years_empty():
    usd = kiel.in_usd(TRACKER, RATES)
    assert usd.total.iloc[0] == pytest.approx(0.1e9 * 1.1)
    assert math.isnan(usd.total.iloc[2])


def test_tracker_sum_takes_one_donor_measure_and_month_span():
    usd = kiel.in_usd(TRACKER, RATES)
    assert kiel.tracker_sum(usd, "KOR", "total", "2022-01", "2022-12") == pytest.approx(0.3e9 * 1.1)
    assert kiel.tracker_sum(usd, "KOR", "financial", "2022-04", "2022-12") == pytest.approx(0.2e9 * 1.1)


def claim(qualifier, value, low, high):
    return SimpleNamespace(qualifier=qualifier, value=value, value_low=low, value_high=high)


@pytest.mark.parametrize(
    "c, tracker, expected",
    [
        (claim("exact", 100.0, 100.0, 100.0), 103.0, "within 5% of the claim"),
        (claim("exact", 100.0, 100.0, 100.0), 120.0, "tracker higher"),
        (claim("approximately", 100.0, 100.0, 100.0), 80.0, "tracker lower"),
        (claim("vague", math.nan, 20.0, 100.0), 93.0, "within the claim's bounds"),  # "tens of millions"
        (claim("vague", math.nan, 20.0, 100.0), 102.0, "tracker higher"),
        (claim("vague", math.nan, 2.0, math.nan), 500.0, "consistent (the words set no upper bound)"),  # "millions"
        (claim("vague", math.nan, 2.0, math.nan), 1.0, "tracker lower"),
        (claim("more_than", 10.0, 10.0, math.nan), 500.0, "within the claim's bounds"),
    ],
)
def test_verdict(c, tracker, expected):
    assert kiel.verdict(c, tracker) == expected


def test_compare_keeps_unmatched_claims_with_their_reason():
    claims = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "figure": ["$1", "$2"],
            "quantity_of": ["x", "y"],
            "outlet": ["o", "o"],
            "credit": ["c", "c"],
            "qualifier": ["exact", "exact"],
            "value": [0.33e9, 5.0],
            "value_low": [0.33e9, 5.0],
            "value_high": [0.33e9, 5.0],
        }
    )
    mapping = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "measure": ["total", "none"],
            "first_month": ["2022-01", ""],
            "last_month": ["2022-12", ""],
            "last_month_latest": ["", ""],
            "reason": ["year", "a pledge"],
        }
    )
    table = kiel.compare(claims, mapping, kiel.in_usd(TRACKER, RATES)).set_index("claim_id")
    assert table.verdict.to_dict() == {"a": "within 5% of the claim", "b": "no tracker match"}
    assert table.gap_usd["a"] == pytest.approx(0.0, abs=1) and math.isnan(table.tracker_usd["b"])
    assert table.reason["b"] == "a pledge"


def test_a_window_whose_end_the_texts_date_leaves_open_gives_a_range_and_both_verdicts():
    claims = pd.DataFrame(
        {
            "claim_id": ["a"],
            "figure": ["$110 million"],
            "quantity_of": ["x"],
            "outlet": ["o"],
            "credit": ["c"],
            "qualifier": ["exact"],
            "value": [0.11e9 * 1.1],
            "value_low": [0.11e9 * 1.1],
            "value_high": [0.11e9 * 1.1],
        }
    )
    mapping = pd.DataFrame(
        {
            "claim_id": ["a"],
            "measure": ["total"],
            "first_month": ["2022-01"],
            "last_month": ["2022-10"],
            "last_month_latest": ["2022-12"],
            "reason": ["so far"],
        }
    )
    row = kiel.compare(claims, mapping, kiel.in_usd(TRACKER, RATES)).iloc[0]
    assert (row.tracker_usd, row.tracker_usd_latest) == (pytest.approx(0.1e9 * 1.1), pytest.approx(0.3e9 * 1.1))
    assert row.verdict == "tracker lower or tracker higher, by the text's date"
    assert row.months == "2022-01 to 2022-10 (or to 2022-12: the text's date allows either)"


def test_a_missing_exchange_rate_is_an_error_naming_the_year_never_a_zero():
    import twokoreas as tk
    from twokoreas import DataError

    tracker = tk.load_kiel_tracker()
    rates = tk.load_exchange_rates()
    without_2023 = kiel.in_usd(tracker, rates[rates.year != 2023])
    with pytest.raises(DataError, match=r"exchange_rates.csv: year: no US dollar rate for 2023: needed to convert"):
        kiel.tracker_sum(without_2023, "KOR", "humanitarian", "2023-01", "2023-12")
    assert kiel.tracker_sum(kiel.in_usd(tracker, rates), "KOR", "humanitarian", "2023-01", "2023-12") > 0


def test_comparison_per_fact_joins_claims_of_one_fact_held_against_the_same_months():
    claims = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "fact_key": ["f", "f"],
            "figure": ["US$1", "$1"],
            "quantity_of": ["x", "x"],
            "outlet": ["o", "o"],
            "credit": ["o", "Yoon"],
            "qualifier": ["exact", "exact"],
            "value": [0.11e9] * 2,
            "value_low": [0.11e9] * 2,
            "value_high": [0.11e9] * 2,
        }
    )
    mapping = pd.DataFrame(
        {
            "claim_id": ["a", "b"],
            "measure": ["total"] * 2,
            "first_month": ["2022-01"] * 2,
            "last_month": ["2022-03"] * 2,
            "last_month_latest": [""] * 2,
            "reason": ["r", "r"],
        }
    )
    table = kiel.comparison_per_fact(kiel.compare(claims, mapping, kiel.in_usd(TRACKER, RATES)))
    assert table[["claim_id", "figure", "credit"]].to_dict("records") == [
        {"claim_id": "a; b", "figure": "US$1 / $1", "credit": "o / Yoon"}
    ]


def test_candidate_months_lists_every_month_near_the_figure_up_to_a_date():
    usd = kiel.in_usd(TRACKER, RATES)
    months = kiel.candidate_months(usd, "KOR", "total", 0.2e9 * 1.1, pd.Timestamp("2022-12-31"), tolerance=0.6)
    assert list(months.month) == ["March 2022", "November 2022"]


def test_undrawn_balance_is_the_running_sum_of_to_be_allocated():
    tracker = TRACKER.assign(to_be_allocated=[0.5, -0.1, -0.2, 0.0])
    assert kiel.undrawn_balance(tracker, "KOR") == pytest.approx(0.2)
    assert kiel.undrawn_balance(tracker, "KOR", "2022-12") == pytest.approx(0.4)
