"""Stance timelines on small event sets of their own."""

import pandas as pd

import twokoreas as tk
from twokoreas import stance


def events(*rows):
    """Events dated as intervals: a day, or a whole month (``month``), or open-ended (``or later``)."""
    frame = pd.DataFrame(rows, columns=["event_id", "date", "precision", "actor", "rung", "status", "action"])
    frame["date_earliest"] = pd.to_datetime(frame.date)
    month_end = frame.date_earliest + pd.offsets.MonthEnd(0)
    frame["date_latest"] = frame.date_earliest.where(frame.precision == "day", month_end)
    frame.loc[frame.precision == "or later", "date_latest"] = pd.NaT
    return frame.drop(columns=["date", "precision"])


EVENTS = events(
    ("A1", "2022-03-01", "day", "ROK", 3, "done", "aid"),
    ("A2", "2022-11-01", "day", "ROK", 6, "announced", "lethal aid announced"),
    ("A3", "2022-11-15", "day", "ROK", 6, "withdrawn", "backs off"),
    ("B1", "2022-10-12", "day", "DPRK", -1, "done", "UN vote"),
    ("B2", "2023-01-01", "day", "DPRK", -6, "denied", "denies arms"),
    ("A4", "2023-03-01", "month", "ROK", 5, "done", "shells lent"),
    ("A5", "2023-06-01", "day", "ROK", 7, "alleged", "volunteers"),
    ("B3", "2024-10-08", "day", "DPRK", -7, "done", "troops"),
    ("A6", "2024-10-20", "day", "ROK", 6, "considered", "weapons considered"),
    ("A7", "2022-02-24", "or later", "ROK", 2, "done", "sanctions, undated"),
)


def test_an_event_is_placed_when_it_is_known_to_have_happened_and_undated_ones_are_left_out():
    rok = stance.timeline(EVENTS, "ROK")
    assert pd.Timestamp("2023-03-31") in set(rok.date)  # A4, March 2023: known by the month's end
    assert pd.Timestamp("2023-03-01") not in set(rok.date)
    assert list(stance.undated(EVENTS).event_id) == ["A7"]
    assert 2 not in set(rok.done)


def test_done_level_is_the_largest_rung_done_so_far_and_denials_never_count():
    dprk = stance.timeline(EVENTS, "DPRK").set_index("date").done
    assert list(dprk) == [-1, -1, -7]


def test_withdrawal_ends_an_announcement():
    rok = stance.timeline(EVENTS, "ROK").set_index("date")
    assert rok.intent[pd.Timestamp("2022-11-01")] == 6
    assert rok.intent[pd.Timestamp("2022-11-15")] == 0
    assert rok.intent[pd.Timestamp("2024-10-20")] == 6


def test_alleged_and_announced_count_only_when_asked():
    assert stance.timeline(EVENTS, "ROK").done.max() == 5
    assert stance.timeline(EVENTS, "ROK", include_alleged=True).done.max() == 7
    assert stance.timeline(EVENTS, "ROK", count_announced=True).set_index("date").done[pd.Timestamp("2022-11-01")] == 6


def test_overrides_recode_an_event():
    assert stance.timeline(EVENTS, "ROK", overrides={"A4": 4}).done.max() == 4


def test_gap_and_quarterly():
    gap = stance.gap(EVENTS).set_index("date")
    assert gap.gap[pd.Timestamp("2024-10-08")] == 5 - (-7)
    quarters = stance.quarterly(EVENTS, 2022, 2024).set_index("quarter")
    assert quarters.loc["2022Q4", "ROK done"] == 3 and quarters.loc["2024Q4", "DPRK done"] == -7
    assert quarters.loc["2024Q3", "gap"] == 5 - (-1)


def test_escalations_name_the_other_koreas_latest_precisely_dated_event():
    steps = stance.escalations(EVENTS, "ROK").set_index("event_id")
    assert list(steps.index) == ["A1", "A2", "A4", "A6"]
    assert steps.preceded_by["A4"] == "B2" and steps.preceded_by["A6"] == "B3"
    assert steps.loc["A4", "from"] == 3 and steps.loc["A4", "to"] == 5


def test_curated_events_validate_and_span_their_quotes():
    articles = tk.load_articles().set_index("article_id")
    for event in tk.load_events().itertuples():
        assert articles.text[event.article_id][event.start:event.end] == event.quote
