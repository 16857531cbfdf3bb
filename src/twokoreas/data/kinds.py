"""Which kinds of figure (``claims.figure_kind``) each theme's notebook reads, and what it does with the others.

Notebooks choose rows by ``figure_kind``, never by words of ``fact_key`` or ``quantity_of``. A theme or kind
no notebook reads is named by ``make`` (:func:`unread`) rather than dropped in silence.
"""

import pandas as pd

from .. import paths
from . import registry, vocab

# Troops (notebook 04): the kinds drawn on the chart, by their label there, and the kinds listed in its table
# only, with the reason they are not drawn.
TROOPS_DRAWN = {"in place": "in Russia", "total sent": "sent in all", "planned or pledged": "planned"}
# The colour of each drawn kind, by its palette name in twokoreas.notebook.charts (who holds the troops).
TROOPS_COLORS = {"in place": "DPRK", "total sent": "Russia", "planned or pledged": "other"}
TROOPS_NOT_DRAWN = {
    "killed or wounded": "casualties, not a count of troops in Russia",
    "increment": "an addition to an earlier count, not a total",
    "part of another figure": "divides another figure (the brigades of a plan)",
}

# Every theme's notebook, and the kinds it reads (draws, or labels in its tables).
READ_BY = {
    "aid": ("02_aid", ("total sent", "planned or pledged")),
    "munitions": ("03_munitions", ("total sent", "planned or pledged")),
    "troops": ("04_troops", tuple(TROOPS_DRAWN) + tuple(TROOPS_NOT_DRAWN)),
    "arms_trade": ("05_arms_trade", ("total sent", "planned or pledged")),
    "opinion_constraints": ("06_opinion_constraints", ("share", "other")),
    "other": ("07_context", vocab.FIGURE_KINDS),
}

# How notebooks 03 and 05 word the two kinds they read.
FLOW_LABELS = {"total sent": "delivered or given", "planned or pledged": "ordered, planned or pledged"}


def not_drawn(kind):
    """Why notebook 04 does not draw a troop figure of ``kind`` (empty when it does).

    >>> not_drawn("in place"), not_drawn("increment")
    ('', 'an addition to an earlier count, not a total')
    """
    if kind in TROOPS_DRAWN:
        return ""
    return TROOPS_NOT_DRAWN.get(kind, f"a kind ({kind}) the chart does not know")


def unread(claims):
    """One line per theme and kind of ``claims`` that no notebook reads, with the claim ids.

    >>> claims = pd.DataFrame({"claim_id": ["000-01", "000-02", "001-01"], "theme": ["aid", "aid", "volunteers"],
    ...                        "figure_kind": ["total sent", "share", "other"]})
    >>> for line in unread(claims):
    ...     print(line)
    claims.csv: notebook 02_aid does not read kind 'share' (claims 000-02): counted in 01's inventory only
    claims.csv: no notebook reads theme 'volunteers' (claims 001-01): counted in 01's inventory only
    """
    lines = []
    for (theme, kind), rows in claims.groupby(["theme", "figure_kind"], sort=True):
        notebook, kinds = READ_BY.get(theme, (None, ()))
        if kind in kinds:
            continue
        why = (
            f"no notebook reads theme {theme!r}"
            if notebook is None
            else f"notebook {notebook} does not read kind {kind!r}"
        )
        lines.append(f"claims.csv: {why} (claims {', '.join(rows.claim_id)}): counted in 01's inventory only")
    return lines


def unread_in_data(data_dir=None):
    """:func:`unread` for the reviewed rows of ``data/claims.csv`` (nothing when it cannot be read: ``check``
    reports that)."""
    try:
        claims = pd.read_csv((data_dir or paths.DATA) / registry.CLAIMS.file, dtype=str, keep_default_na=False)
        return unread(claims[claims.review == "reviewed"])
    except (OSError, ValueError, KeyError, pd.errors.ParserError):
        return []
