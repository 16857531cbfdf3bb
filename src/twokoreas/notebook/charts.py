"""One chart style for every figure, and the one helper that saves figures and tables.

:func:`save_figure` writes ``figures/NN_slug.png``, ``.svg`` and ``.csv`` (exactly the
data drawn) and records the figure in ``figures/index.csv`` with the claim ids it
draws; :func:`save_table` does the same for a table. Saved files are byte-identical
from run to run: fixed SVG hash salt, no dates in metadata.
"""

import math
import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.text import Text
import pandas as pd
import seaborn as sns

from ..data import dates
from .. import paths
from ..atomic import atomic_path, write_csv
from .layout import check_layout

PALETTE = {
    "DPRK": "#c0392b",
    "ROK": "#1f5fa8",
    "Russia": "#7b3f00",
    "Ukraine": "#e0a100",
    "USA": "#5b6770",
    "Poland": "#8e44ad",
    "other": "#9aa0a6",
}
INDEX_COLUMNS = ["figure", "notebook", "title", "alt", "claim_ids", "event_ids"]
WIDTH_INCHES, DPI = 8, 200  # 1,600 px wide: sharp in print


def use_style():
    """Apply the project's theme: seaborn whitegrid, fixed fonts, deterministic SVG, tables without maths."""
    sns.set_theme(style="whitegrid", context="notebook")
    pd.set_option("display.html.use_mathjax", False)  # "$40 million ... $50 million" is money, not maths
    mpl.rcParams.update(
        {
            "figure.figsize": (WIDTH_INCHES, 4.5),
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "svg.hashsalt": "twokoreas",
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
        }
    )


def color(actor):
    """The palette colour for an actor (grey for anyone not in the palette)."""
    return PALETTE.get(actor, PALETTE["other"])


def draw_value(ax, row, at, color, value_axis="x", open_end=None):
    """Draw one claim along the value axis at position ``at`` on the other axis, marked by its qualifier.

    A point for exact and approximate figures (hollow when hedged); a bar between the bounds for a
    range; a wide pale band for a bounded vague magnitude ("tens of millions"), a dotted arrow from a bar at its
    floor for a bare plural ("millions"); an arrow from the bound toward ``open_end`` (or
    toward zero) for an open-ended one (``more than``, ``at least``, ``nearly``, ``up to``).
    """

    def xy(values, position):
        return (values, position) if value_axis == "x" else (position, values)

    if row.qualifier == "vague" and math.isnan(row.value_high):  # a floor only: an arrow away from it
        ax.plot(*xy([row.value_low], [at]), "|" if value_axis == "x" else "_", ms=14, color=color, mew=2.5, zorder=3)
        end = open_end if open_end is not None else row.value_low * 1.6
        ax.annotate(
            "",
            xy=xy(end, at),
            xytext=xy(row.value_low, at),
            arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5, "linestyle": ":"},
        )
        return
    if row.qualifier in ("range", "vague"):
        width = 9 if row.qualifier == "vague" else 3
        ax.plot(
            *xy([row.value_low, row.value_high], [at, at]),
            color=color,
            lw=width,
            alpha=0.35 if row.qualifier == "vague" else 0.9,
            solid_capstyle="butt",
        )
        return
    filled = row.qualifier == "exact"
    ax.plot(*xy([row.value], [at]), "o", ms=8, color=color, mfc=color if filled else "white", mew=2, zorder=3)
    if row.qualifier in ("at_least", "more_than", "nearly", "up_to", "less_than"):
        upward = row.qualifier in ("at_least", "more_than")
        end = open_end if upward and open_end is not None else row.value * (1.6 if upward else 0.7)
        ax.annotate(
            "", xy=xy(end, at), xytext=xy(row.value, at), arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5}
        )


def draw_interval(ax, interval, y, color, marker="o", filled=True, alpha=1.0, zorder=3):
    """Draw a date interval at height ``y``: a point for a known day, a span between its bounds otherwise (the
    point's mark at each end, so a hedge shows), and, when nothing bounds it above, a marker at its earliest date with an arrow pointing later
    (``or later``). Never a point guessed from one bound."""
    face = color if filled else "white"
    if interval.is_day:
        ax.plot(interval.earliest, y, marker, ms=8, color=color, mfc=face, mew=2, alpha=alpha, zorder=zorder)
        return
    if interval.bounded:
        ax.plot(
            [interval.earliest, interval.latest],
            [y, y],
            color=color,
            lw=5,
            alpha=0.45 * alpha,
            solid_capstyle="butt",
            zorder=zorder - 1,
        )
        ax.plot(  # each end carries the figure's mark: hollow when hedged, as a point would be
            [interval.earliest, interval.latest],
            [y, y],
            marker,
            ls="",
            ms=6,
            color=color,
            mfc=face,
            mew=1.5,
            alpha=alpha,
            zorder=zorder,
        )
        return
    ax.plot(interval.earliest, y, ">", ms=7, color=color, mfc=face, mew=1.5, alpha=alpha, zorder=zorder)
    ax.annotate(
        "",
        xy=(interval.earliest + pd.Timedelta(days=45), y),
        xytext=(interval.earliest, y),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.2, "alpha": alpha, "linestyle": ":"},
    )


def source_line(fig, sources):
    """Write 'Source: outlet, description (dates); ...' under the figure, from rows with ``source_label`` (the
    outlet and what it is, e.g. Russian state media) and ``published_label``, or a citation given as text.
    Call it last, once the axes and their labels are drawn."""
    if isinstance(sources, str):
        text = sources
    else:
        text = "; ".join(dict.fromkeys(f"{r.source_label} ({r.published_label})" for r in sources.itertuples()))
    renderer = fig.canvas.get_renderer()
    bottom = min(ax.get_tightbbox(renderer).transformed(fig.transFigure.inverted()).y0 for ax in fig.axes)
    right = max(ax.get_position().x1 for ax in fig.axes)
    note = fig.text(0.01, bottom - 0.02, "", fontsize=8, color="#5f6368", ha="left", va="top")
    note.set_text(_wrapped("Source: " + text, note, (right - 0.01) * fig.bbox.width, renderer))


def _wrapped(text, artist, width_px, renderer):
    """``text`` broken into lines no wider than ``width_px`` as ``artist`` draws them, between words."""
    lines = [""]
    for word in text.split():
        candidate = f"{lines[-1]} {word}".strip()
        artist.set_text(candidate)
        if lines[-1] and artist.get_window_extent(renderer).width > width_px:
            lines.append(word)
        else:
            lines[-1] = candidate
    return "\n".join(lines)


def _figure_name(notebook, slug):
    return f"{notebook[:2]}_{slug}"


def _record(name, notebook, title, claim_ids, event_ids, alt=""):
    index = paths.figures_dir() / "index.csv"
    rows = (
        pd.read_csv(index, dtype=str, keep_default_na=False) if index.exists() else pd.DataFrame(columns=INDEX_COLUMNS)
    )
    rows = rows.reindex(columns=INDEX_COLUMNS, fill_value="")
    rows = rows[rows.figure != name]
    ids = [";".join(sorted(set(filter(None, claim_ids)))), ";".join(sorted(set(filter(None, event_ids))))]
    new = pd.DataFrame([[name, notebook, title, alt, *ids]], columns=INDEX_COLUMNS)
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


def alt_text(title, description=""):
    """A figure's alt text: its title and a one-sentence description of what it shows."""
    title = title.rstrip(".")
    return f"{title}. {description.strip()}" if description.strip() else f"{title}."


def save_figure(fig, notebook, slug, title, data, claim_ids, event_ids=(), description=""):
    """Save ``fig`` as PNG and SVG with ``data`` as CSV beside it; index it with its alt text (``title`` and a
    one-sentence ``description``) and the claim and event ids it draws; close it. Refuses (LayoutError, nothing
    written) a figure whose text is cut by its frame or overlaps other text. Returns a :class:`SavedFigure`,
    which a notebook shows as the saved PNG (drawn once)."""
    name = _figure_name(notebook, slug)
    try:
        check_layout(fig, name)
    except Exception:
        plt.close(fig)
        raise
    folder = paths.figures_dir()
    for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
        with atomic_path(folder / f"{name}.{ext}") as tmp:
            fig.savefig(tmp, format=ext, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    write_csv(data, folder / f"{name}.csv")
    _record(name, notebook, title, claim_ids, event_ids, alt_text(title, description))
    plt.close(fig)
    return SavedFigure(
        [f"figures/{name}.{ext}" for ext in ("png", "svg", "csv")], (folder / f"{name}.png").read_bytes()
    )


def save_table(table, notebook, slug, title, claim_ids, event_ids=()):
    """Save a table shown in a notebook as ``figures/NN_slug.csv`` and index it. Returns the file name."""
    name = _figure_name(notebook, slug)
    write_csv(table, paths.figures_dir() / f"{name}.csv")
    _record(name, notebook, title, claim_ids, event_ids)
    return f"figures/{name}.csv"


def one_row_per_fact(claims):
    """One claim per ``fact_key``: the one dated most narrowly (then the first id), with ``reports``, how many
    claims state that fact."""
    ranked = claims.assign(_width=dates.widths(claims)).sort_values(["_width", "claim_id"])
    chosen = ranked.drop_duplicates("fact_key").drop(columns="_width")
    return chosen.assign(reports=chosen.fact_key.map(claims.fact_key.value_counts()))


def estimates_over_time(ax, facts, colors):
    """Estimates on a date axis, each at its value: a dot on a known day, a span over a date interval, an arrow
    for "or later"; hollow when hedged, a square for a plan, a shaded band for a range of values, a caret for
    "more than". ``colors`` maps a fact's ``kind`` to a colour. Returns the legend handles."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    for r in facts.itertuples():
        interval = dates.Interval(r.date_earliest, r.date_latest)
        color = colors[r.kind]
        y = r.value if r.value == r.value else r.value_low
        if r.qualifier == "range" and interval.is_day:
            ax.plot(
                [interval.earliest] * 2,
                [r.value_low, r.value_high],
                color=color,
                lw=7,
                alpha=0.25,
                solid_capstyle="butt",
            )
        elif r.qualifier == "range":
            end = interval.latest if interval.bounded else interval.earliest + pd.Timedelta(days=45)
            ax.fill_between([interval.earliest, end], r.value_low, r.value_high, color=color, alpha=0.2, lw=0)
        if r.qualifier == "range" and interval.bounded:
            continue  # the band is the mark: no point would stand for a range of values
        floor = r.qualifier in ("more_than", "at_least")
        marker = "^" if floor else "s" if r.kind == "planned" else "o"
        draw_interval(ax, interval, y, color, marker=marker, filled=r.qualifier == "exact" or floor)
    grey = "#5f6368"
    intervals = dates.intervals(facts)
    used = {
        "exact": (facts.qualifier == "exact").any(),
        "hedged": (~facts.qualifier.isin(["exact", "range", "more_than", "at_least"])).any(),
        "span": any(i.bounded and not i.is_day for i in intervals),
        "open": any(not i.bounded for i in intervals),
        "more": facts.qualifier.isin(["more_than", "at_least"]).any(),
        "range": (facts.qualifier == "range").any(),
    }
    legend = {
        "exact": Line2D([], [], marker="o", ls="", color=grey, ms=7, label="exact figure"),
        "hedged": Line2D(
            [],
            [],
            marker="o",
            ls="",
            color=grey,
            mfc="white",
            mew=2,
            ms=7,
            label='hedged ("about", "around", "nearly")',
        ),
        "span": Line2D(
            [],
            [],
            color=grey,
            lw=5,
            alpha=0.45,
            marker="o",
            mfc=grey,
            mec=grey,
            ms=6,
            label="date known only within a span: a mark at each end",
        ),
        "open": Line2D([], [], marker=">", ls=":", color=grey, ms=6, label="date known only as a lower bound"),
        "more": Line2D([], [], marker="^", ls="", color=grey, ms=7, label='"more than", "over": the figure is a floor'),
        "range": Patch(color=grey, alpha=0.2, label="range of values"),
    }
    return [handle for key, handle in legend.items() if used[key]] + [
        Line2D([], [], marker="s" if kind == "planned" else "o", ls="", color=color, ms=7, label=kind)
        for kind, color in colors.items()
    ]


def estimates_chart(facts, colors, ylabel, title, label):
    """A whole estimates-over-time chart: one mark per fact (see :func:`estimates_over_time`), each labelled
    ``label(row)`` beside its mark, labels spread apart vertically so none overlaps another, and the legend
    of every encoding inside the image. Returns the figure."""
    import matplotlib.dates as mdates

    fig, ax = plt.subplots(figsize=(9, 5.4))
    handles = estimates_over_time(ax, facts, colors)
    top = facts[["value", "value_high"]].max().max() * 1.35
    ax.set_ylim(0, top)

    def anchor(r):  # a range is labelled at its top, clear of the marks inside its band
        return r.value if r.value == r.value else r.value_high

    placed, labels = [], []
    for r in sorted(facts.itertuples(), key=anchor):
        y = anchor(r)
        text_y = max([y] + [p + top * 0.055 for p in placed])
        placed.append(text_y)
        line = {"arrowstyle": "-", "color": "#9aa0a6", "lw": 0.6} if text_y != y else None
        labels.append(
            ax.annotate(
                label(r),
                (r.date_earliest, y),
                xytext=(r.date_earliest, text_y),
                textcoords="data",
                fontsize=7.5,
                ha="right",
                va="center",
                arrowprops=line,
            )
        )
    _fit_labels_left(fig, ax, labels, facts)
    ax.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}")
    months = (ax.get_xlim()[1] - ax.get_xlim()[0]) / 30.44
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, math.ceil(months / 7))))  # at most ~7 ticks
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_ylabel(ylabel)
    from matplotlib.legend_handler import HandlerLine2D

    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=7.5,
        frameon=False,
        title="How to read the marks",
        title_fontsize=8,
        handler_map={
            h: HandlerLine2D(numpoints=2) for h in handles if h.get_label().startswith("date known only within")
        },
    )
    ax.set_title(title)
    return fig


def _fit_labels_left(fig, ax, labels, facts):
    """Set the date axis so that every label, right-aligned just left of its mark, fits inside the axes: the
    left margin is sized from the labels' widths and the data's span, never a fixed number of days."""
    import matplotlib.dates as mdates

    first = mdates.date2num(facts.date_earliest.min())
    ends = facts.date_latest.fillna(facts.date_earliest + pd.Timedelta(days=45))  # "or later" arrows run 45 days
    span = max(mdates.date2num(ends.max()) - first, 1.0)
    right = first + span * 1.08
    renderer = fig.canvas.get_renderer()
    width = ax.get_window_extent(renderer).width
    gap = 6 * fig.dpi / 72  # pixels between a label and its mark, and a label and the frame
    left = first - span * 0.03
    for ann in labels:
        need = Text.get_window_extent(ann, renderer).width + 2 * gap
        x = mdates.date2num(ann.xy[0])
        left = min(left, (x * width - need * right) / (width - need))
    ax.set_xlim(left, right)
    per_pixel = (right - left) / width
    for ann in labels:
        ann.xyann = (mdates.date2num(ann.xy[0]) - gap * per_pixel, ann.xyann[1])


def stacked_monthly_bars(monthly, colors, ylabel, title, cutoff=None, cutoff_label=""):
    """Bars by month, one colour per column of ``monthly`` (index: month starts), stacked; months after
    ``cutoff`` shaded and named by ``cutoff_label``. The legend names every colour and the shading."""
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    fig, ax = plt.subplots(figsize=(8, 4.2))
    bottom = pd.Series(0.0, index=monthly.index)
    for column in monthly.columns:
        ax.bar(monthly.index, monthly[column], bottom=bottom, width=25, color=colors[column], label=column)
        bottom += monthly[column]
    ax.set_ylim(0, bottom.max() * 1.25)
    handles = [Patch(color=colors[c], label=c) for c in monthly.columns]
    if cutoff is not None:
        ax.axvspan(pd.Timestamp(cutoff), monthly.index.max() + pd.Timedelta(days=40), color="#9aa0a6", alpha=0.15, lw=0)
        handles.append(Patch(color="#9aa0a6", alpha=0.15, label=cutoff_label))
    ax.set_ylabel(ylabel)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(handles=handles, fontsize=8, loc="upper right")
    ax.set_title(title)
    return fig


def claims_against_reference(rows, label, reference_label, title, value_format):
    """One row per fact: the text's figure (see :func:`draw_value`: filled when exact, hollow when hedged, a
    pale band for "tens of millions", an arrow to the chart's edge for a floor such as "millions") and the
    reference figure for the same measure and months (×; two joined by a line when the text's date leaves the
    window's end open), on a log axis. ``label(row)`` names each row. The legend explains every mark used."""
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(8, 0.55 * len(rows) + 2.2))
    color = PALETTE["ROK"]
    right = rows[["value_low", "value_high", "tracker_usd"]].max().max() * 4
    for i, r in enumerate(rows.itertuples()):
        draw_value(ax, r, i, color, open_end=right)  # a floor's arrow runs to the edge of the chart
        ax.plot(r.tracker_usd, i, "x", ms=11, mew=2, color="#222222", zorder=2)  # under the text's mark
        latest = getattr(r, "tracker_usd_latest", r.tracker_usd)
        if latest != r.tracker_usd:  # the window's end depends on the text's date
            ax.plot([r.tracker_usd, latest], [i, i], color="#222222", lw=2, zorder=2)
            ax.plot(latest, i, "x", ms=11, mew=2, color="#222222", zorder=2)
    ax.set_yticks(range(len(rows)), [label(r) for r in rows.itertuples()], fontsize=8)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xscale("log")
    ax.set_xlim(rows[["value_low", "tracker_usd"]].min().min() / 3, right)
    ax.xaxis.set_major_formatter(lambda x, _: value_format(x))
    vague = rows.qualifier == "vague"
    floors = vague & rows.value_high.isna()
    handles = [
        handle
        for used, handle in (
            (
                (rows.qualifier == "exact").any(),
                Line2D([], [], marker="o", ls="", color=color, ms=7, label="the text's figure, exact"),
            ),
            (
                (rows.qualifier == "approximately").any(),
                Line2D(
                    [], [], marker="o", ls="", color=color, mfc="white", mew=2, ms=7, label='hedged ("estimated at")'
                ),
            ),
            (
                floors.any(),
                Line2D(
                    [],
                    [],
                    marker="|",
                    ls=":",
                    color=color,
                    ms=12,
                    mew=2.5,
                    label='a floor only, no upper bound ("millions")',
                ),
            ),
            (
                (vague & ~floors).any(),
                Line2D([], [], color=color, lw=9, alpha=0.35, label='an order of magnitude ("tens of millions")'),
            ),
            (True, Line2D([], [], marker="x", ls="", color="#222222", mew=2.5, ms=8, label=reference_label)),
        )
        if used
    ]
    if "tracker_usd_latest" in rows and (rows.tracker_usd_latest != rows.tracker_usd).any():
        handles.append(
            Line2D(
                [],
                [],
                marker="x",
                ls="-",
                lw=2,
                color="#222222",
                mew=2.5,
                ms=8,
                label="the same, to the earliest and the latest month the text's date allows",
            )
        )
    ax.legend(handles=handles, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)
    ax.set_title(title)
    return fig


def ranked_bars(values, highlight, xlabel, title, value_format):
    """Horizontal bars, smallest at the bottom; the ``highlight`` label in the South Korea colour, the rest
    grey, each bar's value written at its end."""
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(values) + 1.6))
    ordered = values.sort_values()
    colors = [PALETTE["ROK"] if name == highlight else PALETTE["other"] for name in ordered.index]
    ax.barh(ordered.index, ordered.values, color=colors)
    for name, value in ordered.items():
        ax.annotate(
            value_format(value), (value, name), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8
        )
    ax.set_xlim(0, ordered.max() * 1.2)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return fig


def stacked_shares(counts, colors, title, unit):
    """One 100% bar per row of ``counts`` (columns are the parts, in order), each part's count written inside
    it where it fits (just above it where it does not), each row's total in its label ("(27 sentences)"), and a legend of the parts."""
    shares = counts.div(counts.sum(axis=1), axis=0) * 100
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(counts) + 1.9))
    left = pd.Series(0.0, index=counts.index)
    labels = [f"{name} ({total} {unit})" for name, total in counts.sum(axis=1).items()]
    for part in counts.columns:
        ax.barh(labels, shares[part], left=left.values, color=colors[part], label=part)
        for y, (name, share) in enumerate(shares[part].items()):
            if share >= 7:
                ax.text(
                    left[name] + share / 2,
                    y,
                    f"{counts.loc[name, part]}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if part != "neither" else "#222222",
                )
            elif counts.loc[name, part]:  # too narrow to hold its number: written just above the bar
                ax.text(
                    left[name] + share / 2,
                    y - 0.41,
                    f"{counts.loc[name, part]}",
                    ha="center",
                    va="bottom",
                    fontsize=6.5,
                    color="#222222",
                )
        left += shares[part]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}%")
    ax.legend(
        ncol=len(counts.columns),
        fontsize=8,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        frameon=False,
        title=f"numbers in or above the bars: {unit}",
        title_fontsize=8,
    )
    ax.set_title(title)
    return fig


STANCE_MARKS = {  # status: (marker, filled) -- one mark per status, drawn only where a date places the event
    "done": ("o", True),
    "alleged": ("o", False),
    "announced": ("^", False),
    "considered": ("D", False),
    "denied": ("X", True),
    "withdrawn": ("v", True),
}
STANCE_STATUS_WORDS = {
    "done": "done (confirmed)",
    "alleged": "alleged (codebook rule 5)",
    "announced": "announced",
    "considered": "considered",
    "denied": "denied, refused or reaffirmed against",
    "withdrawn": "withdrawn",
}


RECORD_WORDS = {
    "ROK": "South Korea",
    "DPRK": "North Korea",
    "USA": "US",
    "NATO": "NATO",
    "Ukraine": "Ukraine",
    "Russia": "Russia",
    "UN": "UN",
}  # whose act or word a public-record row is, in the stance chart


def timeline_marks(frame, stop):
    """Where each event of ``frame`` is drawn on a timeline ending at ``stop``: ``mark`` is the day by which it is
    known to have happened (the end of its interval), or NaT when nothing bounds it above -- such an event gets
    no status mark, only an arrow from ``x0`` (its earliest date) to ``stop``; ``x1`` is where its drawing ends."""
    out = frame.assign(x0=frame.date_earliest, mark=frame.date_latest)
    out["x1"] = out.mark.fillna(pd.Timestamp(stop))
    out["open"] = out.mark.isna()
    return out


def _lanes(items):
    """Greedy packing: each item (start, stop) gets the first lane whose last item ends before it starts."""
    ends, assigned = [], []
    for first, last in items:
        lane = next((i for i, e in enumerate(ends) if e < first), len(ends))
        ends.append(last) if lane == len(ends) else ends.__setitem__(lane, last)
        assigned.append(lane)
    return assigned


def _bands(rows, key, step=0.42):
    """y positions: one band per category of ``key`` (sorted), as many lanes as its items (left to room) need."""
    positions, ticks, y = {}, [], 0.0
    for value, group in sorted(rows.groupby(key), key=lambda kv: kv[0]):
        group = group.sort_values(["x0", "event_id"])
        assigned = _lanes(zip(group.left, group.room))
        for index, lane in zip(group.index, assigned):
            positions[index] = y + lane * step
        height = (max(assigned) + 1) * step
        ticks.append((value, y + height / 2 - step / 2, y + height - 0.17))
        y += height + 0.35
    return positions, ticks


def ladder_timeline(events, record, plans, shaded, labels, start, stop, title, label_days=95):
    """The two Koreas' steps on the signed ladder over time, one panel each (South above, North below), each rung
    a category with as many rows as its events need. A bounded event is a band over the dates its text allows
    with its status mark on the day by which it is known to have happened; an event no date bounds above gets
    no mark, only an arrow from its earliest date, its status written in its label; an intention's dotted line
    runs while it holds (``plans``: :func:`twokoreas.analysis.stance.intentions` indexed by event id). ``record``: the
    public record's rows per panel (``{"ROK": rows, "DPRK": rows}``), drawn as diamonds in their own row;
    ``shaded``: ``{Korea: spans}`` to shade. Returns the figure and the rows drawn."""
    import matplotlib.dates as mdates
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    fig, axes = plt.subplots(2, 1, figsize=(WIDTH_INCHES + 1, 15), sharex=True, gridspec_kw={"height_ratios": [1.2, 1]})
    drawn, room, past, spans = [], pd.Timedelta(days=label_days), set(), False
    for ax, actor in zip(axes, ("ROK", "DPRK")):
        mine = timeline_marks(events[events.actor == actor], stop).assign(category=lambda d: d.rung.abs())
        if actor == "DPRK":
            mine["category"] = -mine.category  # further toward Russia is further down
        held = mine.event_id.map(plans.until) if len(plans) else pd.Series(pd.NaT, index=mine.index)
        mine["room"] = [
            max(x1, (x0 if o else x1) + room * (2 if o else 1), min(h, stop) if pd.notna(h) else x1)
            for x0, x1, o, h in zip(mine.x0, mine.x1, mine.open, held)
        ]
        late = mine.open & (mine.x0 > pd.Timestamp(stop) - 3 * room)  # an arrow's label written left of its start
        mine["left"] = mine.x0.where(~late, mine.x0 - 3 * room)
        rows = timeline_marks(record[actor].rename(columns={"record_id": "event_id"}), stop)
        late = rows.mark > pd.Timestamp(stop) - 3 * room  # labelled left of the mark: the lane holds the label
        rows = rows.assign(
            category=99 if actor == "ROK" else -99,
            room=rows.x1.where(late, rows.x1 + room),
            left=rows.x0.where(~late, rows.x0 - 4 * room),
        )
        both = pd.concat([mine, rows], ignore_index=True)
        positions, ticks = _bands(both, "category")
        both["y"] = both.index.map(positions)
        color = PALETTE[actor]
        for span in shaded[actor].itertuples():
            ax.axvspan(span.start, span.end, color="#ececec", zorder=0)
        ax.axvline(dates.invasion(), color="#555555", lw=1, ls="--", zorder=1)
        for row in both.itertuples():
            if abs(row.category) == 99:
                own = row.actor == actor
                ax.plot(
                    row.mark, row.y, "d", ms=7, color="#444444", mfc="#444444" if own else "white", mew=1.4, zorder=4
                )
                if row.mark > row.x0:
                    ax.plot([row.x0, row.mark], [row.y, row.y], color="#444444", lw=3, alpha=0.4)
                    spans = True
                whose = (
                    (f" · per {RECORD_WORDS.get(row.source_actor, 'press')}" if row.source_actor != actor else "")
                    if own
                    else f" · {RECORD_WORDS.get(row.actor, row.actor)}"
                )
                late = row.mark > pd.Timestamp(stop) - 3 * room  # written left of its mark, inside the frame
                ax.annotate(
                    row.event_id + whose,
                    (row.mark, row.y),
                    xytext=(-6 if late else 6, -3),
                    textcoords="offset points",
                    fontsize=8.5,
                    color="#444444",
                    ha="right" if late else "left",
                )
                drawn.append(
                    {
                        "panel": actor,
                        "event_id": "",
                        "record_id": row.event_id,
                        "date_label": dates.Interval(row.x0, row.mark).label(),
                        "rung": None,
                        "status": "",
                        "drawn as": "record diamond: " + ("this Korea's act" if own else "another party's act"),
                        "action": row.action,
                    }
                )
                continue
            if row.open:
                ax.annotate(
                    "",
                    xy=(stop, row.y),
                    xytext=(row.x0, row.y),
                    arrowprops={
                        "arrowstyle": "-|>,head_length=0.5,head_width=0.25",
                        "color": color,
                        "lw": 0.9,
                        "alpha": 0.35,
                    },
                )
                left = row.left < row.x0
                ax.annotate(
                    f"{row.event_id} · {row.status}",
                    (row.x0, row.y),
                    xytext=(-3 if left else 3, 4),
                    textcoords="offset points",
                    fontsize=9,
                    color="#555555",
                    ha="right" if left else "left",
                )
            else:
                if row.mark > row.x0:
                    ax.plot(
                        [row.x0, row.mark],
                        [row.y, row.y],
                        color=color,
                        lw=4,
                        alpha=0.3,
                        solid_capstyle="butt",
                        zorder=2,
                    )
                marker, filled = STANCE_MARKS[row.status]
                ax.plot(
                    row.mark,
                    row.y,
                    marker,
                    ms=9,
                    mew=1.6,
                    color=color,
                    mfc=color if filled else "white",
                    ls="none",
                    zorder=5,
                )
                late = row.mark > pd.Timestamp(stop) - room  # written left of its mark, inside the frame at any width
                ax.annotate(
                    row.event_id,
                    (row.mark, row.y),
                    xytext=(-7 if late else 7, 3),
                    textcoords="offset points",
                    fontsize=9,
                    color="#222222",
                    ha="right" if late else "left",
                )
            if row.event_id in plans.index and not row.open:
                until = plans.until[row.event_id]
                beyond = pd.isna(until) or until > pd.Timestamp(stop)  # still held where the chart ends
                last = pd.Timestamp(stop) - pd.Timedelta(days=20) if beyond else until
                ax.plot([row.mark, last], [row.y - 0.09] * 2, color=color, lw=1.4, ls=":", zorder=3)
                if beyond:  # a chevron inside the frame: the intention runs on past the chart's end
                    ax.plot(last, row.y - 0.09, ">", ms=5.5, mew=1.3, color=color, mfc="white", zorder=3)
                    past.add(actor)
            drawn.append(
                {
                    "panel": actor,
                    "event_id": row.event_id,
                    "record_id": "",
                    "date_label": row.date_label,
                    "rung": row.rung,
                    "status": row.status,
                    "drawn as": "arrow, no mark" if row.open else "mark on its last day",
                    "action": row.action,
                }
            )
        names = [
            "public record" if abs(t[0]) == 99 else f"{t[0]:+d} {labels[abs(t[0])]}" if t[0] else "0 no position"
            for t in ticks
        ]
        ax.set_yticks([t[1] for t in ticks], names, fontsize=10)
        for _, _, top in ticks:
            ax.axhline(top + 0.09, color="#dddddd", lw=0.6, zorder=0)
        if actor == "DPRK":
            ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.set_title(
            "South Korea: toward Ukraine" if actor == "ROK" else "North Korea: toward Russia",
            fontsize=12,
            loc="left",
            color=color,
        )
    axes[1].set_xlim(start, stop)
    axes[1].xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    axes[1].xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    grey = "#333333"
    marked = {d["status"] for d in drawn if d["drawn as"] == "mark on its last day"}
    handles = [
        Line2D(
            [],
            [],
            marker=STANCE_MARKS[s][0],
            ls="none",
            color=grey,
            mew=1.6,
            ms=8,
            mfc=grey if STANCE_MARKS[s][1] else "white",
            label=STANCE_STATUS_WORDS[s],
        )
        for s in STANCE_MARKS
        if s in marked
    ]

    def pair(**style):  # one line per Korea's colour, as drawn
        return tuple(Line2D([], [], color=PALETTE[k], **style) for k in ("ROK", "DPRK"))

    lines = [
        (pair(lw=4, alpha=0.3), "dates the text allows (bar); the mark is on the last"),
        (pair(lw=0.9, alpha=0.5, marker=">", ms=5), "no later date: light arrow from the earliest, no mark"),
        (pair(lw=1.4, ls=":"), "intention held until it lapsed (dotted)"),
    ]
    if past:
        chevron = {"marker": ">", "ms": 5.5, "mew": 1.3, "mfc": "white"}
        lines.append((pair(lw=1.4, ls=":", **chevron), "intention still held at the chart's end (dotted, open ›)"))
    if spans:
        bar = Line2D([], [], color="#444444", lw=3, alpha=0.4, marker="d", ms=7, mfc="#444444")
        lines.append((bar, "record: the days it allows (grey bar), the diamond on the last"))
    handles += [h for h, _ in lines] + [
        Line2D(
            [],
            [],
            marker="d",
            ls="none",
            color="#444444",
            ms=7,
            label="record: this Korea's act (label: whose word, if not its own)",
        ),
        Line2D(
            [],
            [],
            marker="d",
            ls="none",
            color="#444444",
            mfc="white",
            mew=1.4,
            ms=7,
            label="record: another party's act bearing on it (label: whose)",
        ),
        Line2D([], [], color="#555555", lw=1, ls="--", label="invasion, 24 February 2022"),
        Patch(color="#ececec", label="half-year in which no text dates anything of this Korea"),
    ]
    labels = (
        [h.get_label() for h in handles[: len(marked)]]
        + [words for _, words in lines]
        + [h.get_label() for h in handles[len(marked) + len(lines) :]]
    )
    legend = fig.legend(
        handles=handles,
        labels=labels,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.975),
        ncol=2,
        fontsize=9.5,
        frameon=False,
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0)},
    )
    bottom = legend.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted()).y0
    fig.tight_layout(rect=(0, 0, 1, bottom - 0.004))  # the panels start below the legend, however many rows it has
    fig.suptitle(title, y=1.0, x=0.02, ha="left", fontsize=12.5, fontweight="bold")
    return fig, pd.DataFrame(drawn)


VOTE_MARKS = {
    "yes": ("o", True, "listed in favour"),
    "no": ("X", True, "listed against"),
    "abstain": ("s", False, "listed as abstaining"),
    "absent": ("_", True, "listed as not voting"),
    "not named against": ("o", False, "not named among those against"),
}


def _levels(days, within=75, count=2):
    """A level from 0 to ``count`` - 1 per sorted date: the next level when the one before lies within ``within``
    days, else 0, so that close or same-day items step in height instead of overlapping."""
    levels, previous = [], None
    for day in days:
        close = previous is not None and (day - previous).days < within
        levels.append((levels[-1] + 1) % count if close else 0)
        previous = day
    return levels


def _tops(levels):
    """For each level of :func:`_levels`, the highest level of its run (a run starts at level 0), so that labels
    stacked below a run can keep the marks' order: the highest mark gets the highest label."""
    tops, run = [], []
    for level in list(levels) + [0]:
        if level == 0 and run:
            tops += [max(run)] * len(run)
            run = []
        run.append(level)
    return tops


def vote_strip(votes, end, title):
    """Each Korea's votes on a true time axis: one mark per vote a UN record read lists (or names the Korea not
    among those against); a vote the record read does not name is a grey tick, and the votes whose UN record was
    not read sit in a row of their own, never as votes, each labelled beside its tick; one dated only to an
    interval (``date`` to ``date_latest``) is a bar over those days with its tick on the last. A dashed line
    marks ``end``. Returns the figure."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(WIDTH_INCHES, 4.0))
    end = pd.Timestamp(end)
    read = votes[votes.un_record_read == "yes"].sort_values(["date", "resolution"])
    read = read.assign(level=_levels(read.date))  # a vote close to the one before it is drawn a little higher
    read = read.assign(top=_tops(read.level))
    for y, actor in ((1, "ROK"), (0, "DPRK")):
        for row in read.itertuples():
            vote = row._asdict()[f"{actor.lower()}_vote"] or row._asdict()[f"{actor.lower()}_basis"]
            if vote in VOTE_MARKS:
                marker, filled, _ = VOTE_MARKS[vote]
                ax.plot(
                    row.date,
                    y + 0.22 * row.level,
                    marker,
                    ms=8,
                    mew=2,
                    color=PALETTE[actor],
                    mfc=PALETTE[actor] if filled else "white",
                )
            else:
                ax.plot(row.date, y + 0.22 * row.level, "|", ms=14, mew=1.5, color="#9aa0a6")
    for row in read.itertuples():  # labels stacked below in the marks' order: the higher mark, the higher label
        ax.annotate(
            row.resolution.replace("A/RES/", ""),
            (row.date, -0.36 - 0.18 * (row.top - row.level)),
            ha="center",
            va="center",
            fontsize=7.5,
            color="#444444",
        )
    unread = votes[votes.un_record_read != "yes"]
    last = unread.date_latest.fillna(unread.date) if "date_latest" in unread else unread.date
    room = pd.Timedelta(days=110)  # about a label's width
    unread = unread.assign(at=last, left=lambda d: (pd.Timedelta(0) <= end - d["at"]) & (end - d["at"] < room))
    unread = unread.assign(x0=unread.date.where(~unread.left, unread["at"] - room) - room / 3)
    unread = unread.assign(x1=unread["at"].where(unread.left, unread["at"] + room)).sort_values(["x0", "resolution"])
    unread["y"] = [-0.85 - 0.17 * lane for lane in _lanes(zip(unread.x0, unread.x1))]  # no bar or label overlaps
    spans = unread[unread["at"] > unread.date]
    for row in spans.itertuples():  # dated only to an interval: a bar over the days the pages allow
        ax.plot([row.date, row.at], [row.y, row.y], color="#9aa0a6", lw=4, alpha=0.4, solid_capstyle="butt")
    ax.plot(unread["at"], unread.y, "1", ms=9, mew=1.4, color="#9aa0a6", ls="none")
    for row in unread.itertuples():  # written away from the end line when close before it
        ax.annotate(
            row.resolution.replace("A/RES/", ""),
            (row.at, row.y),
            xytext=(-6 if row.left else 6, 0),
            textcoords="offset points",
            ha="right" if row.left else "left",
            va="center",
            fontsize=7,
            color="#6b7075",
        )
    ax.axvline(end, color="#555555", lw=1, ls="--")
    ax.set_yticks([1, 0, -0.85], ["South Korea", "North Korea", "no UN record read"], fontsize=9)
    ax.set_ylim(-1.5, 1.5)
    ax.set_xlim(votes.date.min() - pd.Timedelta(days=60), votes.date.max() + pd.Timedelta(days=60))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="y", visible=False)
    used = {v for k in ("rok", "dprk") for v in list(read[f"{k}_vote"]) + list(read[f"{k}_basis"])}
    handles = [
        Line2D([], [], marker=m, ls="none", ms=9, mew=2, color="#333333", mfc="#333333" if f else "white", label=words)
        for key, (m, f, words) in VOTE_MARKS.items()
        if key in used
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="|",
            ls="none",
            ms=12,
            mew=1.5,
            color="#9aa0a6",
            label="vote not verified (the record read does not name it)",
        ),
        Line2D(
            [],
            [],
            marker="1",
            ls="none",
            ms=9,
            mew=1.4,
            color="#9aa0a6",
            label="a vote whose UN record was not read: no vote drawn",
        ),
        *(
            [Line2D([], [], color="#9aa0a6", lw=4, alpha=0.4, label="its day not found: the days the pages allow")]
            if len(spans)
            else []
        ),
        Line2D([], [], color="#555555", lw=1, ls="--", label=f"end of the texts' period ({end.year})"),
    ]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False)
    ax.set_title(textwrap.fill(title, 72), pad=62, fontsize=10.5)  # a long title (the set of votes named) wraps
    return fig
