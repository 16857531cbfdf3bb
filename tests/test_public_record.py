"""The public record (UN votes, chronology) and the Goldstein table: registered, checked, and linked from events."""

import hashlib

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.data.loaders import load_goldstein
from twokoreas import DataError
from twokoreas.data.loaders import validate_all

from conftest import edit_csv

VOTES = "reference/public-record/un_votes.csv"


def reregister(data_copy, file):
    """Record the new SHA-256 of ``file`` after an edit, as a new transcription would."""
    register = data_copy / "reference_files.csv"
    rows = pd.read_csv(register, dtype=str, keep_default_na=False)
    rows.loc[rows.file == file, "sha256"] = hashlib.sha256((data_copy / file).read_bytes()).hexdigest()
    rows.to_csv(register, index=False)


UN_RECORD = r"^https://(press\.un\.org|digitallibrary\.un\.org|unric\.org|documents\.un\.org)/"


def test_every_vote_row_cites_its_un_record_or_says_none_was_found():
    votes = tk.load_un_votes()
    assert votes.transcribed_from.str.startswith("http").all()
    for row in votes.itertuples():
        if row.un_record_url:
            assert pd.Series([row.un_record_url]).str.match(UN_RECORD).all(), row.resolution
        if row.un_record_read == "yes":
            assert row.transcribed_from == row.un_record_url, row.resolution  # read from the UN record itself
        else:
            assert row.note.startswith("Unconfirmed") and "Not drawn" in row.note, row.resolution
    assert (votes.yes.fillna(0) + votes.no.fillna(0) + votes.abstain.fillna(0) + votes.absent.fillna(0) <= 193).all()


def test_a_koreas_vote_is_filled_only_where_a_un_record_read_lists_it():
    votes = tk.load_un_votes()
    for korea in ("rok", "dprk"):
        filled = votes[votes[f"{korea}_vote"] != ""]
        assert (filled.un_record_read == "yes").all() and (filled[f"{korea}_basis"] == "listed").all()
        unread = votes[votes.un_record_read == "no"]
        assert (unread[f"{korea}_basis"] == "unconfirmed").all()


def test_the_record_covers_the_regular_sessions_and_both_sessions_years():
    votes = tk.load_un_votes()
    assert {2022, 2023, 2024, 2025} <= set(votes.date.dt.year)
    regular = votes[~votes.session.str.startswith("eleventh")]
    assert {"A/RES/78/316", "A/RES/79/184", "A/RES/77/229"} <= set(regular.resolution)


def test_chronology_rows_are_dated_and_sourced():
    chronology = tk.load_chronology()
    assert (chronology.date_earliest <= chronology.date_latest).all()
    assert chronology.source_url.str.startswith("http").all()


def test_a_changed_transcription_is_caught(data_copy):
    path = data_copy / VOTES
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(DataError, match=r"reference_files.csv:\d+: sha256: .*un_votes.csv has changed"):
        tk.load_un_votes(data_copy)


def test_a_vote_off_the_vocabulary_is_named(data_copy):
    edit_csv(data_copy / VOTES, ",not named against,no,listed,", ",not named against,nay,listed,")
    reregister(data_copy, VOTES)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("un_votes.csv:2: dprk_vote" in p for p in problems), problems


def test_an_event_linked_to_an_unknown_record_is_named(data_copy):
    edit_csv(data_copy / "events.csv", ",R03,054,", ",R99,054,")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("events.csv:5: record_ids: 'R99' is not in the public record" in p for p in problems), problems
    with pytest.raises(DataError, match="record_ids"):
        tk.load_events(data_copy)


def test_an_alleged_event_must_say_what_is_alleged(data_copy):
    edit_csv(data_copy / "events.csv", ",none,done,,,072,Russia", ",none,,,,072,Russia")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("events.csv:7: claimed_status" in p for p in problems), problems


def test_every_event_carries_a_goldstein_weight_from_the_published_table():
    events = tk.load_events()
    weights = load_goldstein().set_index("cameo_code").goldstein
    assert events.goldstein.notna().all()
    assert weights["163"] == -8.0 and weights["073"] == 7.4  # sanctions; humanitarian aid


def test_every_un_vote_is_drawn_once_and_named_even_on_the_same_day():
    votes = tk.load_un_votes()
    assert "A/RES/78/221" in set(votes.resolution)
    fig = tk.charts.vote_strip(votes, "2024-12-31", "test")
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts]
    assert sorted(names) == sorted(r.replace("A/RES/", "") for r in votes.resolution)  # every vote labelled once
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    pairs = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
    overlaps = [(names[i], names[j]) for i, j in pairs if boxes[i].overlaps(boxes[j])]
    assert not overlaps  # no label over another
    unread = votes[votes.un_record_read != "yes"]
    ticks = [
        p
        for line in ax.get_lines()
        if line.get_marker() == "1"
        for p in zip(line.get_xdata(orig=False), line.get_ydata(orig=False))
    ]
    assert len(ticks) == len(unread) and len(set(ticks)) == len(ticks)  # two votes of one day: two ticks
    tk.charts.plt.close(fig)


def test_a_vote_whose_day_no_page_gives_is_drawn_over_the_days_the_pages_allow():
    votes = tk.load_un_votes().set_index("resolution")
    crimea = votes.loc["A/RES/78/221"]
    assert (crimea.date, crimea.date_latest) == (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-23"))
    assert pd.isna(votes.date_latest["A/RES/ES-11/1"])
    fig = tk.charts.vote_strip(votes.reset_index(), "2024-12-31", "test")
    ax = fig.axes[0]
    days = tk.charts.mpl.dates.date2num
    ticks = {round(x, 3) for line in ax.get_lines() if line.get_marker() == "1" for x in line.get_xdata(orig=False)}
    assert round(days(pd.Timestamp("2023-12-23")), 3) in ticks  # the tick on the last day the pages allow
    assert round(days(pd.Timestamp("2023-12-19")), 3) not in ticks  # never a day no page gives
    bars = [line for line in ax.get_lines() if line.get_marker() in ("None", None, "") and line.get_linewidth() == 4]
    assert [tuple(line.get_xdata(orig=False)) for line in bars] == [
        (days(pd.Timestamp("2023-01-01")), days(pd.Timestamp("2023-12-23")))
    ]
    tk.charts.plt.close(fig)
