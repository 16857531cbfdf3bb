"""Tables for readers: no row-number index, "not reported" for a gap, whole numbers without ``.0``, dates in
words and full text (never cut). Rendered by pandas' Styler; the plain-text form is the same table.

This is the one path from a table to HTML in the notebooks (and so on the site): every cell and heading is
escaped here (Styler does not escape by default), and ``$`` is written ``&#36;`` in a table MathJax is told
to ignore, so money is never typeset as maths in JupyterLab or nbconvert."""

import html
import math

import pandas as pd

NOT_REPORTED = "not reported"


def _cell(value, missing):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return missing
    if isinstance(value, str):
        return value if value.strip() else missing
    if isinstance(value, pd.Timestamp):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return str(value)


def for_readers(frame, missing=NOT_REPORTED):
    """``frame`` with every cell written as a reader sees it (strings), the index dropped."""
    out = frame.reset_index(drop=True).astype(object)
    cells = out.apply(lambda column: column.map(lambda v: _cell(v, missing)))
    for column in [c for c in out.columns if str(c).lower() == "year"]:  # 2024, not 2,024
        cells[column] = cells[column].str.replace(",", "", regex=False)
    return cells


def html_text(value):
    """Cell or heading text as HTML (an element's text, never an attribute): ``&``, ``<`` and ``>`` escaped,
    ``$`` as ``&#36;``."""
    return html.escape(str(value), quote=False).replace("$", "&#36;")


def prose(text):
    """Markdown prose for a notebook output: ``&``, ``<`` and ``>`` as entities, so text from ``data/`` is never
    HTML (Markdown passes HTML through), and ``$`` escaped so JupyterLab does not typeset it as maths."""
    return html.escape(text, quote=False).replace("$", r"\$")


class ReaderTable:
    """A table shown in a notebook: HTML from pandas' Styler (left-aligned, wrapping, no index) and the
    same cells as plain text. ``uuid`` keeps the HTML byte-identical from run to run."""

    def __init__(self, frame, uuid, missing=NOT_REPORTED):
        self.frame = frame
        self.cells = for_readers(frame, missing)
        self._uuid = uuid

    def _repr_html_(self):
        styler = (
            self.cells.style.hide(axis="index")
            .set_uuid(self._uuid)
            .format(html_text)
            .format_index(html_text, axis=1)
            # styled like every pandas table in Lab and the site; never typeset as maths (MathJax 2 and 3)
            .set_table_attributes('class="dataframe tex2jax_ignore mathjax_ignore"')
            .set_properties(**{"text-align": "left", "vertical-align": "top", "white-space": "pre-wrap"})
            .set_table_styles([{"selector": "th", "props": "text-align: left;"}])
        )
        return styler.to_html()

    def __repr__(self):
        return self.cells.to_string(index=False)
