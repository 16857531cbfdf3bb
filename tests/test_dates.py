"""Dates as intervals: the library on cases of its own, and the curated data on the editor's findings."""

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.data import dates
from twokoreas.data.dates import Interval
from twokoreas.analysis import statement
from twokoreas.data.loaders import validate_all

from conftest import edit_csv

T = pd.Timestamp


def test_an_interval_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends"):
        Interval("2024-10-20", "2024-10-14")


@pytest.mark.parametrize(
    "a, b, overlap",
    [
        (("2024-10-14", "2024-10-20"), ("2024-10-20", "2024-10-23"), True),
        (("2024-10-14", "2024-10-19"), ("2024-10-20", "2024-10-23"), False),
        (("2024-10-08", None), ("2022-10-12", "2022-12-31"), False),
        (("2024-10-08", None), ("2024-12-01", "2024-12-01"), True),
    ],
)
def test_overlap(a, b, overlap):
    assert Interval(*a).overlaps(Interval(*b)) is overlap
    assert Interval(*b).overlaps(Interval(*a)) is overlap


def test_known_within_a_window_needs_both_bounds_inside():
    window = (T("2024-06-19"), T("2024-10-17"))
    assert Interval("2024-06-20", "2024-06-20").within(*window)
    assert not Interval("2022-02-24", "2024-10-23").within(*window)  # could be long before
    assert not Interval("2024-07-01").within(*window)  # open: could be after the window
    assert Interval("2024-07-01").within(window[0], pd.NaT)


def test_follows_only_when_the_whole_interval_is_after():
    pact = Interval("2024-06-19", "2024-06-19")
    assert Interval("2024-06-20", "2024-06-20").follows(pact)
    assert not Interval("2022-02-24").follows(pact)  # finding 6: old sanctions are no reaction
    assert not Interval("2024-06-19", "2024-06-30").follows(pact)  # same day: order unknown
    assert not pact.follows(Interval("2024-06-01"))  # nothing follows an open interval for sure


def test_sorting_with_uncertainty_puts_narrow_intervals_first_and_open_last():
    frame = pd.DataFrame(
        {
            "id": ["open", "wide", "day"],
            "date_earliest": [T("2024-10-08")] * 3,
            "date_latest": [pd.NaT, T("2024-10-20"), T("2024-10-08")],
        }
    )
    assert list(dates.sort_by_interval(frame).id) == ["day", "wide", "open"]


@pytest.mark.parametrize(
    "said_on, week",
    [
        ("2024-10-23", ("2024-10-14", "2024-10-20")),  # finding 13: a Wednesday; not "no later than the 16th"
        ("2024-10-14", ("2024-10-07", "2024-10-13")),  # a Monday
        ("2024-10-20", ("2024-10-07", "2024-10-13")),  # a Sunday
    ],
)
def test_last_week_is_the_calendar_week_before(said_on, week):
    assert dates.previous_week(said_on) == Interval(*week)


@pytest.mark.parametrize(
    "interval, label",
    [
        (("2022-10-12", "2022-10-12"), "12 October 2022"),
        (("2024-10-14", "2024-10-20"), "14–20 October 2024"),
        (("2024-10-01", "2024-10-31"), "October 2024"),
        (("2023-01-01", "2023-12-31"), "2023"),
        (("2022-02-24", "2022-12-31"), "24 February – 31 December 2022"),
        (("2022-02-24", "2024-10-23"), "24 February 2022 – 23 October 2024"),
        (("2024-10-24", None), "24 October 2024 or later"),
    ],
)
def test_labels_say_the_interval_not_a_guessed_point(interval, label):
    assert Interval(*interval).label() == label


# The curated data, on the cases of the editorial review (../shared/reviews/2026-11-editorial.md).

ARTICLES = tk.load_articles().set_index("article_id")
CLAIMS = tk.load_claims().set_index("claim_id")
EVENTS = tk.load_events().set_index("event_id")


def _interval(frame, key):
    return Interval(frame.date_earliest[key], frame.date_latest[key])


@pytest.mark.parametrize("table", ["claims", "events"])
def test_nothing_is_dated_after_its_article_could_be(table):
    frame = CLAIMS if table == "claims" else EVENTS
    for key, row in frame.iterrows():
        latest = ARTICLES.published_latest[row.article_id]
        if not pd.isna(latest):
            assert not pd.isna(row.date_latest) and row.date_latest <= latest, key


def test_finding_1_more_than_10000_is_not_dated_before_yoons_1500():
    """GlobalSecurity's "more than 10,000" cannot be placed before Yoon's 21 October "about 15-hundred"."""
    assert not ARTICLES.published_earliest[CLAIMS.article_id["001-15"]] < T("2024-10-24")
    yoon = CLAIMS.stated_date["001-02"]
    assert not (_interval(CLAIMS, "001-15").bounded and CLAIMS.date_latest["001-15"] < yoon)
    assert ARTICLES.published_earliest[CLAIMS.article_id["001-15"]] > yoon


def test_finding_2_and_43_the_undated_nis_figure_is_not_put_on_1_october():
    """002's NIS 1,500 ("disclosed last week") falls after the deployment began on 8 October, and 002 is from
    the week after at the earliest."""
    deployment = CLAIMS.date_earliest["001-01"]
    assert CLAIMS.date_earliest["002-01"] >= deployment
    article = ARTICLES.loc[CLAIMS.article_id["002-01"]]
    assert article.published_earliest == dates.previous_week(deployment).latest + pd.Timedelta(days=8)
    assert article.published_basis == "inferred" and "last week" in article.published_earliest_evidence


def test_finding_4_no_korean_stance_before_the_invasion():
    for event in ("E01", "E02"):
        assert EVENTS.date_earliest[event] == dates.invasion()
    korean = EVENTS[EVENTS.actor.isin(["ROK", "DPRK"])]
    assert (korean.date_earliest >= T("2022-02-21")).all()  # E04: after Russia's own recognition


def test_finding_6_old_sanctions_and_an_undated_refusal_are_no_reaction_to_the_pact():
    pact = _interval(EVENTS, "E20")
    assert not _interval(EVENTS, "E25").follows(pact)
    assert not _interval(EVENTS, "E28").follows(pact)
    assert _interval(EVENTS, "E22").follows(pact)  # "20 June 2024 ... after ... signed": a real sequence


def test_said_last_week_in_a_text_dated_by_its_update_is_bounded_by_that_date_not_a_calendar_week():
    """Editorial finding 9: 004's printed date (23 October 2024) is an update date, so the NIS's 'last week'
    runs to that date, not to the calendar week before it."""
    updated = ARTICLES.published_latest[CLAIMS.article_id["004-01"]]
    interval = _interval(CLAIMS, "004-01")
    assert interval.latest == updated and interval != dates.previous_week(updated)


def test_the_two_nis_counts_are_recorded_as_differing_not_conflicting():
    relations = tk.load_fact_relations()
    keys = {CLAIMS.fact_key["004-01"], CLAIMS.fact_key["001-02"]}
    linked = [r.relation for r in relations.itertuples() if {r.fact_key, r.other_fact_key} == keys]
    assert "differs_from" in linked and "conflicts_with" not in linked


def test_updated_dates_say_so():
    updated = ARTICLES[ARTICLES.published_basis == "updated"]
    assert len(updated) == 1 and updated.published_earliest_evidence.str.startswith("Updated").all()


def test_check_names_an_interval_that_ends_before_it_starts(data_copy):
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[4, "date_latest"] = "2021-01-01"
    claims.to_csv(data_copy / "claims.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("claims.csv:6: date_latest: date_latest is before date_earliest" in p for p in problems), problems


def test_check_names_a_date_after_the_article(data_copy):
    edit_csv(
        data_copy / "claims.csv",
        "2024-10-08,2024-10-23,inferred,\"'said last week",
        "2024-10-08,2024-10-25,inferred,\"'said last week",
    )
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(
        p.endswith("date_latest: later than the article's latest possible date (or open where the article is bounded)")
        for p in problems
    ), problems


def test_check_names_a_published_interval_out_of_order(data_copy):
    edit_csv(data_copy / "articles.csv", "2022-10-12,2022-12-31", "2022-10-12,2022-10-01")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(
        "articles.csv:2: published_latest: published_latest is before published_earliest" in p for p in problems
    ), problems


def test_charts_draw_a_day_as_a_point_an_interval_as_a_span_and_an_open_interval_as_an_arrow():
    import matplotlib.pyplot as plt

    from twokoreas.notebook import charts

    fig, ax = plt.subplots()
    charts.draw_interval(ax, Interval("2024-10-08", "2024-10-08"), 1, "red")
    assert len(ax.lines) == 1 and len(ax.lines[0].get_xdata()) == 1
    charts.draw_interval(ax, Interval("2024-10-14", "2024-10-20"), 2, "red")
    spans = [line for line in ax.lines[1:] if len(line.get_xdata()) == 2]
    assert spans and {pd.Timestamp(x) for x in spans[0].get_xdata()} == {T("2024-10-14"), T("2024-10-20")}
    before = len(ax.texts)
    charts.draw_interval(ax, Interval("2024-10-24"), 3, "red")
    assert len(ax.texts) == before + 1  # the "or later" arrow
    assert ax.lines[-1].get_marker() == ">"
    plt.close(fig)


def test_source_lines_say_what_kind_of_outlet_each_is():
    import matplotlib.pyplot as plt

    from twokoreas.notebook import charts

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    charts.source_line(fig, statement.load_sourced_claims().query("article == '000'"))
    assert "Sputnik, Russian state media" in fig.texts[-1].get_text()
    plt.close(fig)
