"""Hold claims against the Kiel Ukraine Support Tracker: euros to dollars, and the gap per claim."""

import math

import pandas as pd

from ..errors import DataError
from ..data.vocab import ROK_ISO

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
        raise DataError(
            "data/exchange_rates.csv",
            f"no US dollar rate for {', '.join(map(str, missing))}: needed "
            f"to convert the tracker's {measure} for {iso}, {first_month} to {last_month}",
            field="year",
        )
    return float(rows[measure].sum())


NO_UPPER_BOUND = "consistent (the words set no upper bound)"


def verdict(claim, tracker_value, tolerance=0.05):
    """How the tracker's figure relates to a claim: an exact or "about" figure matches within ``tolerance``;
    a bounded one (range, more than, up to, "tens of millions") matches when the tracker lies within its
    bounds. A bare plural ("millions") sets no upper bound, so a larger tracker figure is consistent with it,
    never "higher"."""
    if claim.qualifier in ("exact", "approximately"):
        if math.isclose(tracker_value, claim.value, rel_tol=tolerance):
            return f"within {tolerance:.0%} of the claim"
        return "tracker higher" if tracker_value > claim.value else "tracker lower"
    if claim.qualifier == "vague" and math.isnan(claim.value_high):
        return NO_UPPER_BOUND if tracker_value >= claim.value_low else "tracker lower"
    low = claim.value_low if not math.isnan(claim.value_low) else -math.inf
    high = claim.value_high if not math.isnan(claim.value_high) else math.inf
    if low <= tracker_value <= high:
        return "within the claim's bounds"
    return "tracker higher" if tracker_value > high else "tracker lower"


def candidate_months(tracker_usd, iso, measure, value, before, tolerance=0.1):
    """Every month, up to ``before`` (a date), whose ``measure`` allocation lies within ``tolerance`` of
    ``value`` (dollars): where a single figure could be booked in more than one month, all of them."""
    rows = tracker_usd[(tracker_usd.iso == iso) & (tracker_usd.month_start <= before)]
    near = rows[(rows[measure] - value).abs() <= tolerance * value]
    return (
        near.assign(month=near.month_start.dt.strftime("%B %Y"))[["month", measure]]
        .rename(columns={measure: "tracker_usd"})
        .reset_index(drop=True)
    )


def undrawn_balance(tracker, iso, last_month=None):
    """A donor's committed but not yet allocated money (€ billion): the running sum of the tracker's
    ``to_be_allocated`` up to ``last_month`` (``YYYY-MM``; all months when None)."""
    rows = tracker[tracker.iso == iso]
    if last_month is not None:
        rows = rows[rows.month_start.dt.strftime("%Y-%m") <= last_month]
    return float(rows.to_be_allocated.sum())


def comparison_per_fact(comparison):
    """The comparison with one row per fact: claims of one ``fact_key`` held against the same measure and
    months become one row, their ids and wordings joined."""
    grouped = comparison.groupby(["fact_key", "measure", "months"], sort=False, dropna=False)
    first = grouped.head(1).set_index(["fact_key", "measure", "months"])
    joined = grouped.agg(
        claim_id=("claim_id", "; ".join),
        figure=("figure", " / ".join),
        credit=("credit", lambda c: " / ".join(dict.fromkeys(c))),
    )
    return first.drop(columns=["claim_id", "figure", "credit"]).join(joined).reset_index()[comparison.columns]


def compare(claims, mapping, tracker_usd, iso=ROK_ISO):
    """One row per mapped claim: the claim, the tracker's figure for its measure and months, gap and verdict.

    A claim mapped to ``none`` keeps its reason and no tracker figure: it is not forced into a match. A vague
    claim has no gap: it has no point value. Where the text's date leaves the window's end open to
    ``last_month_latest``, ``tracker_usd`` is the figure to ``last_month`` and ``tracker_usd_latest`` to the
    later month, and the verdict names both when they differ; gaps are to ``last_month``.
    """
    rows = []
    merged = mapping.merge(claims, on="claim_id", how="left", validate="one_to_one")
    for row in merged.itertuples():
        base = {
            "claim_id": row.claim_id,
            "fact_key": getattr(row, "fact_key", row.claim_id),
            "figure": row.figure,
            "quantity_of": row.quantity_of,
            "outlet": row.outlet,
            "credit": row.credit,
            "measure": row.measure,
            "months": f"{row.first_month} to {row.last_month}" if row.measure != "none" else "",
            "reason": row.reason,
        }
        if row.measure == "none":
            rows.append(
                {
                    **base,
                    "tracker_usd": math.nan,
                    "tracker_usd_latest": math.nan,
                    "gap_usd": math.nan,
                    "gap_pct": math.nan,
                    "verdict": "no tracker match",
                }
            )
            continue
        latest = row.last_month_latest or row.last_month
        value = tracker_sum(tracker_usd, iso, row.measure, row.first_month, row.last_month)
        value_latest = tracker_sum(tracker_usd, iso, row.measure, row.first_month, latest)
        verdicts = list(dict.fromkeys([verdict(row, value), verdict(row, value_latest)]))
        point = row.value
        if latest != row.last_month:
            base["months"] += f" (or to {latest}: the text's date allows either)"
        rows.append(
            {
                **base,
                "tracker_usd": value,
                "tracker_usd_latest": value_latest,
                "gap_usd": value - point,
                "gap_pct": (value - point) / point * 100 if point == point else math.nan,
                "verdict": verdicts[0] if len(verdicts) == 1 else f"{' or '.join(verdicts)}, by the text's date",
            }
        )
    return pd.DataFrame(rows)
