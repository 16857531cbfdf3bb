"""Score the extractor on the development set: real news excerpts (not the project's five articles).

``benchmarks/devset/excerpts.csv`` holds 45 short excerpts of public news pages on the war and the two
Koreas (2020-2025), each with its address; ``figures.csv`` labels every figure in them by the conventions
of ``data/claims.csv``: span, value, bounds, qualifier and unit. Printed:

- recall: labelled figures that some extracted row overlaps;
- precision: extracted rows that overlap a labelled figure;
- wrong-number rows: rows on a labelled figure whose value or bounds differ from every label they overlap
  (a row that says ``needs_review`` has no value, so it is never a wrong number);
- exact: rows whose span, value, bounds, qualifier and unit all equal a label's;
- every missed figure, stray row, wrong number and wrong unit, so a regression can be read at once.

Targets: recall >= 0.95, precision >= 0.95, no wrong-number row. Run: ``python benchmarks/devset.py``.
"""

import math
from pathlib import Path

import pandas as pd

from twokoreas.text.extract import find_quantities

HERE = Path(__file__).parent / "devset"


def _same(a, b):
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return not (isinstance(b, float) and math.isnan(b)) and math.isclose(a, b, rel_tol=1e-9)


def _numbers_agree(row, label):
    return all(_same(getattr(row, c), getattr(label, c)) for c in ("value", "value_low", "value_high"))


def score():
    """Counts and the rows behind them, as a dict."""
    excerpts = pd.read_csv(HERE / "excerpts.csv", dtype=str, keep_default_na=False)
    labels = pd.read_csv(HERE / "figures.csv", dtype={"excerpt_id": str, "mention": str, "qualifier": str, "unit": str})
    found, rows, on_figure, exact, review = set(), 0, 0, 0, 0
    wrong, wrong_unit, stray = [], [], []
    for excerpt in excerpts.itertuples():
        gold = labels[labels.excerpt_id == excerpt.excerpt_id]
        for row in find_quantities(excerpt.text).itertuples():
            rows += 1
            review += bool(row.needs_review)
            overlap = gold[(gold.start < row.end) & (gold.end > row.start)]
            if overlap.empty:
                stray.append((excerpt.excerpt_id, row.mention))
                continue
            on_figure += 1
            found.update(overlap.index)
            if row.needs_review:
                continue
            agree = [label for label in overlap.itertuples() if _numbers_agree(row, label)]
            if not agree:
                wrong.append(
                    (excerpt.excerpt_id, row.mention, row.value, row.value_low, row.value_high, list(overlap.mention))
                )
                continue
            if all(label.unit != row.unit for label in agree):
                wrong_unit.append((excerpt.excerpt_id, row.mention, row.unit, agree[0].unit))
            exact += any(
                label.start == row.start
                and label.end == row.end
                and label.qualifier == row.qualifier
                and label.unit == row.unit
                for label in agree
            )
    missed = [(r.excerpt_id, r.mention) for r in labels.drop(index=list(found)).itertuples()]
    return {
        "excerpts": len(excerpts),
        "labels": len(labels),
        "rows": rows,
        "recall": len(found) / len(labels),
        "precision": on_figure / rows if rows else 0.0,
        "exact": exact,
        "needs_review": review,
        "wrong": wrong,
        "wrong_unit": wrong_unit,
        "missed": missed,
        "stray": stray,
    }


def main():
    s = score()
    print(f"development set: {s['excerpts']} excerpts, {s['labels']} labelled figures; extractor: {s['rows']} rows")
    print(
        f"recall {s['recall']:.3f} (target >= 0.95)   precision {s['precision']:.3f} (target >= 0.95)   "
        f"wrong-number rows {len(s['wrong'])} (target 0)"
    )
    print(
        f"exact rows (span, value, bounds, qualifier, unit) {s['exact']} of {s['labels']}; "
        f"needs_review rows {s['needs_review']}; wrong unit {len(s['wrong_unit'])}"
    )
    for title, items in (
        ("missed", s["missed"]),
        ("stray rows", s["stray"]),
        ("wrong numbers", s["wrong"]),
        ("wrong units", s["wrong_unit"]),
    ):
        for item in items:
            print(f"  {title}: {item}")


if __name__ == "__main__":
    main()
