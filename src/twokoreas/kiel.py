"""Hold claims against the Kiel Ukraine Support Tracker: euros to dollars, and the gap per claim."""

import math

import pandas as pd

from .errors import DataError

MEASURES = ["financial", "humanitarian", "military"]


def in_usd(tracker, rates):
    """The tracker's € billion columns as US dollars, at each row's yearly average rate.

    Rows in years without a rate get NaN, never a guessed rate.
    """
    usd_per_eur = tracker.year.map(rates.set_index("year").usd_per_eur)
    converted = tracker.copy()
    for column in ["total", *MEASURES, "commitments"]:
        converted[column] = tracker[column] * 1e9 * usd_per_eur
    return converted


def tracker_sum(tracker_usd, iso, measure, first_month, last_month):
    """A donor's allocations of one measure over ``first_month``..``last_month`` (``YYYY-MM``), in US dollars."""
    months = tracker_usd.month_start.dt.strftime("%Y-%m")
    rows = tracker_usd[(tracker_usd.iso == iso) & (months >= first_month) & (months <= last_month)]
    missing = sorted(set(rows[rows[measure].isna()].year))
    if missing:  # never a sum that skips what could not be converted
        raise DataError("data/exchange_rates.csv", f"no US dollar rate for {', '.join(map(str, missing))}: needed "
                        f"to convert the tracker's {measure} for {iso}, {first_month} to {last_month}", field="year")
    return float(rows[measure].sum())


def verdict(claim, tracker_value, tolerance=0.05):
    """How the tracker's figure relates to a claim: an exact or "about" figure matches within ``tolerance``;
    a bounded one (range, vague, more than, up to...) matches when the tracker lies within its bounds."""
    if claim.qualifier in ("exact", "approximately"):
        if math.isclose(tracker_value, claim.value, rel_tol=tolerance):
            return f"within {tolerance:.0%} of the claim"
        return "tracker higher" if tracker_value > claim.value else "tracker lower"
    low = claim.value_low if not math.isnan(claim.value_low) else -math.inf
    high = claim.value_high if not math.isnan(claim.value_high) else math.inf
    if low <= tracker_value <= high:
        return "within the claim's bounds"
    return "tracker higher" if tracker_value > high else "tracker lower"


def compare(claims, mapping, tracker_usd, iso="KOR"):
    """One row per mapped claim: the claim, the tracker's figure for its measure and months, gap and verdict.

    A claim mapped to ``none`` keeps its reason and no tracker figure: it is not forced into a match.
    """
    rows = []
    merged = mapping.merge(claims, on="claim_id", how="left", validate="one_to_one")
    for row in merged.itertuples():
        base = {"claim_id": row.claim_id, "figure": row.figure, "quantity_of": row.quantity_of,
                "outlet": row.outlet, "credit": row.credit, "measure": row.measure,
                "months": f"{row.first_month} to {row.last_month}" if row.measure != "none" else "",
                "reason": row.reason}
        if row.measure == "none":
            rows.append({**base, "tracker_usd": math.nan, "gap_usd": math.nan, "gap_pct": math.nan,
                         "verdict": "no tracker match"})
            continue
        value = tracker_sum(tracker_usd, iso, row.measure, row.first_month, row.last_month)
        point = row.value if not math.isnan(row.value) else math.nan
        rows.append({**base, "tracker_usd": value, "gap_usd": value - point,
                     "gap_pct": (value - point) / point * 100 if point == point else math.nan,
                     "verdict": verdict(row, value)})
    return pd.DataFrame(rows)
