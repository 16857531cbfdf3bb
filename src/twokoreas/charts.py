"""One chart style for every figure, and the one helper that saves figures and tables.

:func:`save_figure` writes ``figures/NN_slug.png``, ``.svg`` and ``.csv`` (exactly the
data drawn) and records the figure in ``figures/index.csv`` with the claim ids it
draws; :func:`save_table` does the same for a table. Saved files are byte-identical
from run to run: fixed SVG hash salt, no dates in metadata.
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from . import paths
from .atomic import atomic_path, write_csv

PALETTE = {
    "DPRK": "#c0392b", "ROK": "#1f5fa8", "Russia": "#7b3f00", "Ukraine": "#e0a100",
    "USA": "#5b6770", "Poland": "#8e44ad", "other": "#9aa0a6",
}
INDEX_COLUMNS = ["figure", "notebook", "title", "claim_ids", "event_ids"]
WIDTH_INCHES, DPI = 8, 100  # 800 px wide


def use_style():
    """Apply the project's theme: seaborn whitegrid, fixed fonts, deterministic SVG, tables without maths."""
    sns.set_theme(style="whitegrid", context="notebook")
    pd.set_option("display.html.use_mathjax", False)  # "$40 million ... $50 million" is money, not maths
    mpl.rcParams.update({
        "figure.figsize": (WIDTH_INCHES, 4.5), "figure.dpi": DPI, "savefig.dpi": DPI,
        "svg.hashsalt": "twokoreas", "svg.fonttype": "path", "font.family": "DejaVu Sans",
        "axes.titlesize": 13, "axes.titleweight": "bold", "axes.titlelocation": "left",
    })


def color(actor):
    """The palette colour for an actor (grey for anyone not in the palette)."""
    return PALETTE.get(actor, PALETTE["other"])


def draw_value(ax, row, at, color, value_axis="x", open_end=None):
    """Draw one claim along the value axis at position ``at`` on the other axis, marked by its qualifier.

    A point for exact and approximate figures (hollow when hedged); a bar between the bounds for a
    range; a wide pale band for a vague magnitude; an arrow from the bound toward ``open_end`` (or
    toward zero) for an open-ended one (``more than``, ``at least``, ``nearly``, ``up to``).
    """
    def xy(values, position):
        return (values, position) if value_axis == "x" else (position, values)

    if row.qualifier in ("range", "vague"):
        width = 9 if row.qualifier == "vague" else 3
        ax.plot(*xy([row.value_low, row.value_high], [at, at]), color=color, lw=width,
                alpha=0.35 if row.qualifier == "vague" else 0.9, solid_capstyle="butt")
        return
    filled = row.qualifier == "exact"
    ax.plot(*xy([row.value], [at]), "o", ms=8, color=color, mfc=color if filled else "white", mew=2, zorder=3)
    if row.qualifier in ("at_least", "more_than", "nearly", "up_to", "less_than"):
        upward = row.qualifier in ("at_least", "more_than")
        end = open_end if upward and open_end is not None else row.value * (1.6 if upward else 0.7)
        ax.annotate("", xy=xy(end, at), xytext=xy(row.value, at),
                    arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5})


def source_line(fig, sources):
    """Write 'Source: outlet (date); ...' under the figure, from rows with ``outlet`` and ``published_label``,
    or a citation given as text. Call it last, once the axes and their labels are drawn."""
    if isinstance(sources, str):
        text = sources
    else:
        text = "; ".join(dict.fromkeys(f"{r.outlet} ({r.published_label})" for r in sources.itertuples()))
    renderer = fig.canvas.get_renderer()
    bottom = min(ax.get_tightbbox(renderer).transformed(fig.transFigure.inverted()).y0 for ax in fig.axes)
    fig.text(0.01, bottom - 0.02, "Source: " + text, fontsize=8, color="#5f6368", ha="left", va="top",
             wrap=True)  # below the axes and every label; the tight bounding box keeps it in the saved file


def _figure_name(notebook, slug):
    return f"{notebook[:2]}_{slug}"


def _record(name, notebook, title, claim_ids, event_ids):
    index = paths.figures_dir() / "index.csv"
    rows = pd.read_csv(index, dtype=str, keep_default_na=False) if index.exists() else pd.DataFrame(columns=INDEX_COLUMNS)
    rows = rows.reindex(columns=INDEX_COLUMNS, fill_value="")
    rows = rows[rows.figure != name]
    new = pd.DataFrame([[name, notebook, title, ";".join(sorted(set(claim_ids))), ";".join(sorted(set(event_ids)))]],
                       columns=INDEX_COLUMNS)
    write_csv(pd.concat([rows, new]).sort_values("figure"), index)


class SavedFigure:
    """What :func:`save_figure` returns: shown in a notebook as the saved PNG, listed as its files."""

    def __init__(self, files, png):
        self.files, self._png = files, png

    def __iter__(self):
        return iter(self.files)

    def __repr__(self):
        return ", ".join(self.files)

    def _repr_png_(self):
        return self._png


def save_figure(fig, notebook, slug, title, data, claim_ids, event_ids=()):
    """Save ``fig`` as PNG and SVG with ``data`` as CSV beside it; index it with the claim and event ids it
    draws; close it. Returns a :class:`SavedFigure`, which a notebook shows as the saved PNG (drawn once)."""
    name = _figure_name(notebook, slug)
    folder = paths.figures_dir()
    for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
        with atomic_path(folder / f"{name}.{ext}") as tmp:
            fig.savefig(tmp, format=ext, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    write_csv(data, folder / f"{name}.csv")
    _record(name, notebook, title, claim_ids, event_ids)
    plt.close(fig)
    return SavedFigure([f"figures/{name}.{ext}" for ext in ("png", "svg", "csv")], (folder / f"{name}.png").read_bytes())


def save_table(table, notebook, slug, title, claim_ids, event_ids=()):
    """Save a table shown in a notebook as ``figures/NN_slug.csv`` and index it. Returns the file name."""
    name = _figure_name(notebook, slug)
    write_csv(table, paths.figures_dir() / f"{name}.csv")
    _record(name, notebook, title, claim_ids, event_ids)
    return f"figures/{name}.csv"
