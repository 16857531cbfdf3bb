"""The public record (UN votes, chronology) and the Goldstein table: registered, checked, and linked from events."""

import hashlib

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas import DataError
from twokoreas.loaders import validate_all

from conftest import edit_csv

VOTES = "reference/public-record/un_votes.csv"


def reregister(data_copy, file):
    """Record the new SHA-256 of ``file`` after an edit, as a new transcription would."""
    register = data_copy / "reference_files.csv"
    rows = pd.read_csv(register, dtype=str, keep_default_na=False)
    rows.loc[rows.file == file, "sha256"] = hashlib.sha256((data_copy / file).read_bytes()).hexdigest()
    rows.to_csv(register, index=False)


def test_every_vote_row_has_a_source_and_unconfirmed_votes_are_empty_and_explained():
    votes = tk.load_un_votes()
    assert votes.transcribed_from.str.startswith("http").all()
    for row in votes.itertuples():
        if not row.rok_vote or not row.dprk_vote or pd.isna(row.absent):
            assert "not confirmed" in row.note or "not found" in row.note, row.resolution
    assert (votes.yes + votes.no + votes.abstain + votes.absent.fillna(0) <= 193).all()


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
    edit_csv(data_copy / VOTES, ",12,yes,no,", ",12,yes,nay,")
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
    weights = tk.loaders.load_goldstein().set_index("cameo_code").goldstein
    assert events.goldstein.notna().all()
    assert weights["163"] == -8.0 and weights["073"] == 7.4  # sanctions; humanitarian aid
