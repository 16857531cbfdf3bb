"""The tables the site offers for download: the rows the loaders read (drafts never leave the machine), on the
public site without the columns that hold whole sentences of the texts (their spans instead), with every cell a
spreadsheet would run as a formula neutralised as the OWASP guidance on CSV injection says.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets. Such a cell is written with a leading ``'``, which those programs show
as text; a plain number (``-5``, ``+1.5``) is no formula and stays as it is.
<https://owasp.org/www-community/attacks/CSV_Injection>
"""

import csv
import re

from . import registry
from ..errors import DataError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def is_formula(cell):
    """Whether a spreadsheet would run ``cell`` (a string) as a formula."""
    return cell.startswith(FORMULA_START) and not NUMBER.match(cell)


def neutralised(cell):
    """``cell`` as a download writes it: a formula gets a leading ``'``, anything else is unchanged."""
    return f"'{cell}" if is_formula(cell) else cell


def public_rows(frame, table, texts):
    """``frame`` (rows of ``table``) as the public site offers them (:func:`twokoreas.data.registry.public`): the
    verbatim columns dropped, their sentences' spans in ``texts`` (by article id) recorded where the table has
    none."""
    shown = registry.public(table)
    if shown is table:
        return frame
    if "start" not in frame.columns:
        sentences = frame[next(c.name for c in table.columns if c.verbatim)]
        starts = [texts[a].find(s) for a, s in zip(frame.article_id, sentences)]
        if -1 in starts:
            raise DataError(table.file, "a sentence is not in its article's text", row=starts.index(-1) + 2)
        frame = frame.assign(start=starts, end=[a + len(s) for a, s in zip(starts, sentences)])
    return frame[shown.column_names]


def write_download(frame, target):
    """Write ``frame`` (strings) as CSV to ``target`` with every formula cell neutralised."""
    with open(target, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")  # RFC 4180; a cell holding \r or \n is then quoted
        writer.writerow([neutralised(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            writer.writerow(["" if v is None else neutralised(str(v)) for v in row])


def looks_like_a_formula(cell):
    """A formula cell that is not a typographic dash (``- The Washington Times -``): likely a mistake or an
    attack, so ``check`` warns about it."""
    return is_formula(cell) and not re.match(r"-\s", cell)


def formula_warnings(data_dir=None):
    """One DataError per cell of a curated table that looks like a spreadsheet formula (``check`` prints them
    as warnings; the downloads neutralise every formula cell whether warned about or not)."""
    from .loaders import published_rows

    found = []
    for table in registry.TABLES.values():
        try:
            frame, name, line = published_rows(table, data_dir)
        except DataError:
            continue  # reported by the table's own check
        for column in frame.columns:
            for index, cell in frame[column].items():
                if isinstance(cell, str) and looks_like_a_formula(cell):
                    found.append(
                        DataError(
                            name,
                            f"begins with {cell[:1]!r}, which a spreadsheet runs as a "
                            "formula; the site's download writes it with a leading '",
                            row=line(index),
                            field=column,
                        )
                    )
    return found
