"""The layout check every saved chart passes: no text cut by the frame of its chart, no text over other text.

Text is every visible label a reader sees: titles, axis labels, tick labels in view, annotations, legend
entries, figure notes. Boxes are measured by matplotlib's renderer, in pixels at the figure's dpi.
"""

from matplotlib.text import Text

TOLERANCE_PX = 1.0  # boxes that share less than a pixel's width or height only touch


class LayoutError(ValueError):
    """A chart's text is cut by its frame or overlaps other text; the message names the chart and the labels."""


def _ticks_in_view(axis):
    low, high = sorted(axis.get_view_interval())
    span = (high - low) * 1e-9
    return [
        label
        for loc, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
        if low - span <= loc <= high + span
    ]


def _axes_texts(ax):
    texts = [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
    texts += _ticks_in_view(ax.xaxis) + _ticks_in_view(ax.yaxis)
    legend = ax.get_legend()
    if legend is not None and legend.get_visible():
        texts += [legend.get_title(), *legend.get_texts()]
    return texts


def visible_texts(fig):
    """``(text artist, axes or None)`` for every visible, non-empty text of ``fig``."""
    found = [(t, ax) for ax in fig.axes if ax.get_visible() for t in _axes_texts(ax)]
    for legend in fig.legends:
        found += [(t, None) for t in (legend.get_title(), *legend.get_texts())]
    found += [(t, None) for t in fig.texts]
    return [(t, ax) for t, ax in found if isinstance(t, Text) and t.get_visible() and t.get_text().strip()]


def _overlap(a, b):
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width > TOLERANCE_PX and height > TOLERANCE_PX


def _crosses(box, frame):
    """True when ``box`` lies partly inside and partly outside ``frame``."""
    inside = (
        box.x0 >= frame.x0 - TOLERANCE_PX
        and box.x1 <= frame.x1 + TOLERANCE_PX
        and box.y0 >= frame.y0 - TOLERANCE_PX
        and box.y1 <= frame.y1 + TOLERANCE_PX
    )
    return not inside and _overlap(box, frame)


def _name(text):
    return repr(" ".join(text.get_text().split()))


def layout_problems(fig, chart):
    """Every layout problem of ``fig`` as a sentence naming ``chart`` and the labels, in drawing order."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = visible_texts(fig)
    boxes = [Text.get_window_extent(t, renderer) for t, _ in texts]  # the words only, not an annotation's arrow
    problems = []
    for (text, ax), box in zip(texts, boxes):
        if ax is not None and text in ax.texts and _crosses(box, ax.get_window_extent(renderer)):
            problems.append(f"chart {chart}: label {_name(text)} is cut by the frame of its axes")
    for i, (first, a) in enumerate(zip(texts, boxes)):
        for second, b in zip(texts[i + 1 :], boxes[i + 1 :]):
            if first[0] is not second[0] and _overlap(a, b):
                problems.append(f"chart {chart}: label {_name(first[0])} overlaps label {_name(second[0])}")
    return problems


def check_layout(fig, chart):
    """Raise :class:`LayoutError` naming ``chart`` and the labels when any text is cut or overlaps other text."""
    problems = layout_problems(fig, chart)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise LayoutError(problems[0] + more)
