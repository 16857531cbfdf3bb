"""Tables for readers: no row-number index, "not reported" for a gap, whole numbers without ``.0``, dates in
words and full text (never cut). Rendered by pandas' Styler; the plain-text form is the same table."""

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


class ReaderTable:
    """A table shown in a notebook: HTML from pandas' Styler (left-aligned, wrapping, no index) and the
    same cells as plain text. ``uuid`` keeps the HTML byte-identical from run to run."""

    def __init__(self, frame, uuid, missing=NOT_REPORTED):
        self.frame = frame
        self.cells = for_readers(frame, missing)
        self._uuid = uuid

    def _repr_html_(self):
        styler = (self.cells.style.hide(axis="index").set_uuid(self._uuid)
                  .set_table_attributes('class="dataframe"')  # styled like every pandas table in Lab and the site
                  .set_properties(**{"text-align": "left", "vertical-align": "top", "white-space": "pre-wrap"})
                  .set_table_styles([{"selector": "th", "props": "text-align: left;"}]))
        return styler.to_html()

    def __repr__(self):
        return self.cells.to_string(index=False)
