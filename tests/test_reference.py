"""The Kiel tracker loader, exchange rates and the cross-check mapping: good input, and clear errors."""

import hashlib

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas import DataError
from twokoreas.data.loaders import validate_all

from conftest import edit_csv

KIEL = "reference/kiel-ukraine-support-tracker/data_explorer.csv"


def test_tracker_loads_typed_with_its_release():
    tracker = tk.load_kiel_tracker()
    assert (tracker.release == "29").all()
    assert pd.api.types.is_float_dtype(tracker.humanitarian) and pd.api.types.is_integer_dtype(tracker.year)
    assert "KOR" in set(tracker.iso)
    assert (tracker.month_start.dt.month == tracker.month).all()


def rewrite_tracker(data_copy, change):
    """Apply ``change`` to the tracker CSV in ``data_copy`` and record its new hash, as a new release would."""
    path = data_copy / KIEL
    frame = change(pd.read_csv(path))
    frame.to_csv(path, index=False)
    register = data_copy / "reference_files.csv"
    rows = pd.read_csv(register, dtype=str)
    rows.loc[rows.file == KIEL, "sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    rows.to_csv(register, index=False)


def test_a_release_without_a_needed_column_names_it(data_copy):
    rewrite_tracker(data_copy, lambda f: f.drop(columns="to_be_allocated"))
    with pytest.raises(DataError, match=r"data_explorer.csv: to_be_allocated: missing column"):
        tk.load_kiel_tracker(data_copy)


def test_a_release_with_extra_or_reordered_columns_still_loads(data_copy):
    rewrite_tracker(data_copy, lambda f: f.assign(new_measure=0.0)[["new_measure", *reversed(f.columns)]])
    assert tk.load_kiel_tracker(data_copy).equals(tk.load_kiel_tracker())


def test_a_non_numeric_value_names_row_and_column(data_copy):
    rewrite_tracker(
        data_copy,
        lambda f: f.astype({"humanitarian": object}).assign(
            humanitarian=lambda d: d.humanitarian.where(d.index != 3, "n/a")
        ),
    )
    with pytest.raises(DataError, match=r"data_explorer.csv:5: humanitarian: not a number \(got .n/a.\)"):
        tk.load_kiel_tracker(data_copy)


def test_a_changed_reference_file_is_caught(data_copy):
    path = data_copy / KIEL
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(DataError, match=r"reference_files.csv:2: sha256: .*data_explorer.csv has changed"):
        tk.load_kiel_tracker(data_copy)


def test_cross_check_covers_every_rok_aid_claim():
    claims = tk.load_claims()
    rok_aid = set(claims[(claims.theme == "aid") & (claims.actor == "ROK")].claim_id)
    assert set(tk.load_cross_check().claim_id) == rok_aid


def test_cross_check_measure_without_months_is_named(data_copy):
    edit_csv(data_copy / "cross_check.csv", "000-04,none,,,", "000-04,total,,,")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("cross_check.csv:4: first_month: months are required" in p for p in problems), problems


def test_exchange_rates_cover_every_year_the_cross_check_uses():
    years = {int(m[:4]) for col in ("first_month", "last_month") for m in tk.load_cross_check()[col] if m}
    assert years <= set(tk.load_exchange_rates().year)


def test_the_cross_check_refuses_a_year_without_a_rate_naming_it(data_copy):
    edit_csv(data_copy / "exchange_rates.csv", "2023,1.0813,", "2031,1.0813,")
    with pytest.raises(
        DataError,
        match=r"exchange_rates.csv: year: no US dollar rate for 2023, needed .*"
        r"cross_check.csv lines \d",
    ):
        tk.load_cross_check(data_copy)


def test_the_cross_check_refuses_a_release_without_south_korea(data_copy):
    rewrite_tracker(data_copy, lambda f: f[f.iso != "KOR"])
    with pytest.raises(DataError, match=r"data_explorer.csv: iso: no rows for KOR"):
        tk.load_cross_check(data_copy)
