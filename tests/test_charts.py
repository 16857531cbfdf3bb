"""The chart functions notebooks call: each draws one layout, passes the layout check, and explains its marks."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from twokoreas.notebook import charts, layout  # noqa: E402


@pytest.fixture(autouse=True)
def style():
    charts.use_style()
    yield
    plt.close("all")


def legend_labels(fig):
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


def test_estimates_chart_marks_each_fact_once_and_its_legend_lists_only_the_marks_drawn():
    facts = pd.DataFrame(
        {
            "date_earliest": pd.to_datetime(["2024-10-08", "2024-10-14", "2024-12-01"]),
            "date_latest": pd.to_datetime(["2024-10-08", "2024-10-20", "2024-12-01"]),
            "value": [1500.0, 3000.0, math.nan],
            "value_low": [1500.0, 3000.0, 10000.0],
            "value_high": [1500.0, 3000.0, 13000.0],
            "qualifier": ["exact", "approximately", "range"],
            "kind": ["in Russia"] * 3,
            "figure": ["1,500", "around 3,000", "10,000 to 13,000"],
        }
    )
    fig = charts.estimates_chart(facts, {"in Russia": "red"}, "troops", "Troops", lambda r: r.figure)
    assert [t.get_text() for t in fig.axes[0].texts] == ["1,500", "around 3,000", "10,000 to 13,000"]
    labels = legend_labels(fig)
    assert "date known only within a span: a mark at each end" in labels and "range of values" in labels
    assert "date known only as a lower bound" not in labels  # nothing open-ended is drawn
    assert layout.layout_problems(fig, "test") == []


@pytest.mark.parametrize("span_days", [20, 120, 900])
def test_estimates_chart_fits_every_label_whatever_the_time_axis_spans(span_days):
    start = pd.Timestamp("2024-10-08")
    facts = pd.DataFrame(
        {
            "date_earliest": [start, start + pd.Timedelta(days=span_days)],
            "date_latest": [start, start + pd.Timedelta(days=span_days)],
            "value": [1500.0, 1600.0],
            "value_low": [1500.0, 1600.0],
            "value_high": [1500.0, 1600.0],
            "qualifier": ["exact", "exact"],
            "kind": ["in Russia"] * 2,
            "figure": ["around 15-hundred · NIS (4 reports), a long label", "1,600 · a second, later source"],
        }
    )
    fig = charts.estimates_chart(facts, {"in Russia": "red"}, "troops", "Troops", lambda r: r.figure)
    assert layout.layout_problems(fig, "test") == []


def test_stacked_monthly_bars_shade_the_months_after_a_cutoff_and_name_the_shading():
    monthly = pd.DataFrame(
        {"a": [1.0, 2.0, 3.0], "b": [0.5, 0.0, 1.0]}, index=pd.to_datetime(["2024-01-01", "2024-06-01", "2025-02-01"])
    )
    fig = charts.stacked_monthly_bars(
        monthly, {"a": "blue", "b": "grey"}, "€M", "Bars", cutoff="2025-01-01", cutoff_label="after the articles"
    )
    assert legend_labels(fig) == ["a", "b", "after the articles"]
    assert fig.axes[0].get_ylim()[1] > 4.0  # the tallest stack stays inside the frame
    assert layout.layout_problems(fig, "test") == []


def test_claims_against_reference_draws_a_bare_plural_as_a_floor_and_an_order_of_magnitude_as_a_band():
    rows = pd.DataFrame(
        {
            "qualifier": ["vague", "vague", "exact"],
            "value": [math.nan, math.nan, 1e8],
            "value_low": [2e6, 2e7, 1e8],
            "value_high": [math.nan, 1e8, 1e8],
            "tracker_usd": [3e8, 9e7, 1.05e8],
            "figure": ["millions", "tens of millions", "$100 million"],
        }
    )
    fig = charts.claims_against_reference(rows, lambda r: r.figure, "tracker", "Claims", lambda x: f"{x:.0e}")
    ax = fig.axes[0]
    arrows = [t for t in ax.texts if t.arrow_patch is not None]
    assert len(arrows) == 1 and arrows[0].xy == (pytest.approx(ax.get_xlim()[1]), 0)  # "millions": to the edge
    band = [line for line in ax.lines if line.get_linewidth() == 9]
    assert len(band) == 1 and list(band[0].get_xdata()) == [2e7, 1e8] and list(band[0].get_ydata()) == [1, 1]
    assert {
        'a floor only, no upper bound ("millions")',
        'an order of magnitude ("tens of millions")',
        "the text's figure, exact",
    } <= set(legend_labels(fig))
    assert 'hedged ("estimated at")' not in legend_labels(fig)  # no mark of that kind drawn
    assert layout.layout_problems(fig, "test") == []


def test_ranked_bars_highlight_one_bar_and_write_each_value():
    fig = charts.ranked_bars(
        pd.Series({"A": 0.5, "South Korea": 0.1, "C": 0.3}), "South Korea", "%", "Bars", lambda x: f"{x:.1f}%"
    )
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["0.1%", "0.3%", "0.5%"]
    assert ax.patches[0].get_facecolor()[:3] == pytest.approx(matplotlib.colors.to_rgb(charts.PALETTE["ROK"]))


def test_stacked_shares_write_counts_where_they_fit_and_totals_in_the_labels():
    counts = pd.DataFrame({"DPRK": [10, 1], "ROK": [10, 30]}, index=["x", "y"])
    fig = charts.stacked_shares(counts, {"DPRK": "red", "ROK": "blue"}, "Shares", "sentences")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x (20 sentences)", "y (31 sentences)"]
    inside = {(t.get_text(), t.get_position()[1]) for t in ax.texts}
    # 1 of 31 is too narrow to hold its count: it is written just above its bar (y 1, drawn downward)
    assert inside == {("10", 0), ("10", 0), ("30", 1), ("1", 1 - 0.41)}
    assert layout.layout_problems(fig, "test") == []
