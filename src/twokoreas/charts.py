"""One chart style for every figure, and the one helper that saves figures and tables.

:func:`save_figure` writes ``figures/NN_slug.png``, ``.svg`` and ``.csv`` (exactly the
data drawn) and records the figure in ``figures/index.csv`` with the claim ids it
draws; :func:`save_table` does the same for a table. Saved files are byte-identical
from run to run: fixed SVG hash salt, no dates in metadata.
"""

import matplotlib as mpl
import pandas as pd
import seaborn as sns

from . import paths
from .atomic import atomic_path, write_csv

PALETTE = {
    "DPRK": "#c0392b", "ROK": "#1f5fa8", "Russia": "#7b3f00", "Ukraine": "#e0a100",
    "USA": "#5b6770", "Poland": "#8e44ad", "other": "#9aa0a6",
}
INDEX_COLUMNS = ["figure", "notebook", "title", "claim_ids"]
WIDTH_INCHES, DPI = 8, 100  # 800 px wide


def use_style():
    """Apply the project's theme: seaborn whitegrid, fixed fonts, deterministic SVG."""
    sns.set_theme(style="whitegrid", context="notebook")
    mpl.rcParams.update({
        "figure.figsize": (WIDTH_INCHES, 4.5), "figure.dpi": DPI, "savefig.dpi": DPI,
        "svg.hashsalt": "twokoreas", "svg.fonttype": "path", "font.family": "DejaVu Sans",
        "axes.titlesize": 13, "axes.titleweight": "bold", "axes.titlelocation": "left",
    })


def color(actor):
    """The palette colour for an actor (grey for anyone not in the palette)."""
    return PALETTE.get(actor, PALETTE["other"])


def source_line(fig, sources):
    """Write 'Source: outlet (date); ...' under the figure, from rows with ``outlet`` and ``published_label``."""
    seen = dict.fromkeys(f"{r.outlet} ({r.published_label})" for r in sources.itertuples())
    fig.text(0.01, -0.01, "Source: " + "; ".join(seen), fontsize=8, color="#5f6368", ha="left", va="top",
             wrap=True)  # below the axes and their labels; the tight bounding box keeps it in the saved file


def _figure_name(notebook, slug):
    return f"{notebook[:2]}_{slug}"


def _record(name, notebook, title, claim_ids):
    index = paths.figures_dir() / "index.csv"
    rows = pd.read_csv(index, dtype=str, keep_default_na=False) if index.exists() else pd.DataFrame(columns=INDEX_COLUMNS)
    rows = rows[rows.figure != name]
    new = pd.DataFrame([[name, notebook, title, ";".join(sorted(set(claim_ids)))]], columns=INDEX_COLUMNS)
    write_csv(pd.concat([rows, new]).sort_values("figure"), index)


def save_figure(fig, notebook, slug, title, data, claim_ids):
    """Save ``fig`` as PNG and SVG with ``data`` as CSV beside it; index it. Returns the file names."""
    name = _figure_name(notebook, slug)
    folder = paths.figures_dir()
    for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
        with atomic_path(folder / f"{name}.{ext}") as tmp:
            fig.savefig(tmp, format=ext, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    write_csv(data, folder / f"{name}.csv")
    _record(name, notebook, title, claim_ids)
    return [f"figures/{name}.{ext}" for ext in ("png", "svg", "csv")]


def save_table(table, notebook, slug, title, claim_ids):
    """Save a table shown in a notebook as ``figures/NN_slug.csv`` and index it. Returns the file name."""
    name = _figure_name(notebook, slug)
    write_csv(table, paths.figures_dir() / f"{name}.csv")
    _record(name, notebook, title, claim_ids)
    return f"figures/{name}.csv"
