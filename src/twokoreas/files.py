"""Read files strictly (text, CSV, notebooks) and hash them: each way a file can fail is one located problem.

Problems are raised as :class:`~twokoreas.errors.DataError`, reading ``file[:line]: problem``:

- a byte that is not UTF-8 is named with its line and column (not pandas' "position 78" of a chunk);
- an empty file, a binary file (NUL bytes) and a UTF-16/UTF-32 file are named as such;
- for files addressed by character spans (the articles), a UTF-8 byte-order mark and Windows (CRLF)
  line endings are named as the cause, instead of surfacing later as dozens of shifted spans.

:func:`row_lines` maps a CSV's data rows (as pandas numbers them) to the physical lines they start on,
correct for quoted cells that hold line breaks; :func:`field_count_problems` names rows with too many or
too few fields by those lines. :func:`read_notebook` names a truncated, empty or stray ``.ipynb`` by file and
line, which nbformat's own errors do not; :func:`sha256_of` is the one file hash.
"""

import codecs
import csv
import hashlib
import io
import json
import re
from pathlib import Path

from .errors import DataError
from .faults import os_problem
from .paths import shown

BOM = "\ufeff"
# UTF-32 first: its little-endian mark starts with UTF-16's.
_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def wide_encoding(raw):
    """``"UTF-16"`` or ``"UTF-32"`` when ``raw`` starts with that encoding's byte-order mark, else None."""
    return next((encoding for mark, encoding in _WIDE_MARKS if raw.startswith(mark)), None)


def decode(raw, name, *, spans=False):
    """``raw`` (bytes) as text, or a DataError naming ``name`` and, where it has one, the line.

    With ``spans=True`` (a file other tables point into by character offsets, such as an article), a
    leading UTF-8 byte-order mark or a carriage return is refused with its cause, since either one
    shifts every offset after it. Otherwise the text is returned exactly as decoded (a BOM is kept).
    """
    if not raw.strip():
        raise DataError(name, "empty file")
    encoding = wide_encoding(raw)
    if encoding:
        raise DataError(name, f"{encoding} text (it starts with a {encoding} byte-order mark): save it as UTF-8")
    if b"\x00" in raw:
        raise DataError(name, "binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _line_and_column(raw, err.start)
        raise DataError(
            name, f"not UTF-8 text: byte 0x{raw[err.start]:02x} at column {column} (save the file as UTF-8)", row=line
        ) from None
    if spans:
        _check_span_layout(text, name)
    return text


def _line_and_column(raw, offset):
    """1-based line and character column of byte ``offset`` (everything before it is valid UTF-8)."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _check_span_layout(text, name):
    if text.startswith(BOM):
        raise DataError(
            name,
            "starts with a UTF-8 byte-order mark (BOM), which shifts every character offset "
            "by one: save the file as UTF-8 without a BOM",
            row=1,
        )
    carriage_return = text.find("\r")
    if carriage_return >= 0:
        line = text.count("\n", 0, carriage_return) + 1
        kind = "Windows (CRLF) line endings" if text.startswith("\r\n", carriage_return) else "a carriage return"
        raise DataError(
            name,
            f"{kind}, which shift every character offset after them: convert the file to LF line endings",
            row=line,
        )


def read_bytes(path, name=None):
    """The file's bytes, or a DataError saying why it cannot be read (not found, a folder, permission)."""
    name = shown(path) if name is None else name
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise DataError(name, os_problem(err)) from None


def read_text(path, name=None, *, spans=False):
    """The file's text (strict UTF-8, see :func:`decode`); ``name`` is how messages call the file
    (default: its path relative to the project root)."""
    name = shown(path) if name is None else name
    return decode(read_bytes(path, name), name, spans=spans)


def read_csv_text(path, name=None):
    """A CSV file's text for ``pd.read_csv(io.StringIO(text), ...)``: strict UTF-8, a leading byte-order
    mark dropped (as pandas drops it from a file), CRLF line endings allowed, a NUL byte named by its line."""
    name = shown(path) if name is None else name
    raw = read_bytes(path, name)
    nul = raw.find(b"\x00")
    if nul >= 0 and not raw.startswith(tuple(mark for mark, _ in _WIDE_MARKS)):
        line = raw.count(b"\n", 0, nul) + 1
        raise DataError(name, "a NUL byte (binary data) in a cell: a CSV holds text only", row=line)
    return decode(raw, name).removeprefix(BOM)


def _records(text):
    """``(first physical line, fields)`` for every non-blank CSV record of ``text``, header included."""
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    consumed = 0
    for fields in reader:
        first = consumed + 1
        consumed = reader.line_num
        if fields and (len(fields) > 1 or fields[0].strip()):  # pandas skips blank and whitespace-only lines
            yield first, fields


def row_lines(text):
    """The 1-based physical line each data row of CSV ``text`` starts on.

    ``row_lines(text)[i]`` is the line of the row ``pd.read_csv`` numbers ``i``: the header and blank
    lines are not rows, and a quoted cell holding line breaks counts every one of them (so the row after
    a two-line cell starts two lines further on, not one). Use it instead of ``index + 2``.
    """
    return [line for line, _ in _records(text)][1:]


def _stray_carriage_returns(text, name):
    """A DataError for each carriage return outside quotes and not part of a CRLF, at its line and in its
    column: a CSV reader takes it for a line break, so it splits its row in two."""
    if not re.search("\r(?!\n)", text):
        return []
    header = next(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")), [])
    problems, quoted, field, line, first_record = [], False, 0, 1, True
    for at, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif quoted:
            line += char == "\n"
        elif char == ",":
            field += 1
        elif char == "\r" and not text.startswith("\n", at + 1):
            column = header[field] if not first_record and field < len(header) else None
            problems.append(
                DataError(
                    name,
                    "a carriage return inside a cell splits its row (remove it, or quote the cell)",
                    row=line,
                    field=column,
                )
            )
        elif char == "\n":
            line, field, first_record = line + 1, 0, False
    return problems


def field_count_problems(text, name):
    """A DataError for every data row whose number of fields differs from the header's, at its line; a stray
    carriage return, which splits a row, is named as the cause instead."""
    stray = _stray_carriage_returns(text, name)
    if stray:
        return stray
    records = _records(text)
    header = next(records, None)
    if header is None:
        return []
    width = len(header[1])
    return [
        DataError(
            name,
            f"{len(fields)} fields where the header has {width}"
            + (" (a comma in an unquoted cell?)" if len(fields) > width else ""),
            row=line,
        )
        for line, fields in records
        if len(fields) != width
    ]


def sha256_of(path):
    """The SHA-256 of a file's bytes, as hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_notebook(path):
    """The notebook at ``path`` (nbformat 4), or a DataError: ``file[:line]: not a notebook: why``."""
    name = shown(path)
    text = read_text(path, name)
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(
            name,
            f"not a notebook: not valid JSON at column {err.colno} ({err.msg.lower().removesuffix(' at')}; truncated?)",
            row=err.lineno,
        ) from None
    import nbformat  # only commands that read notebooks pay for it

    try:
        notebook = nbformat.reader.reads(text)
        nbformat.validate(notebook)
    except nbformat.ValidationError as err:
        raise DataError(name, f"not a notebook: {err.message}") from None
    except Exception:  # nbformat fails in many ways on JSON that has no notebook's structure
        raise DataError(name, "not a notebook: its JSON does not have a notebook's structure") from None
    return nbformat.convert(notebook, 4)


def notebook_problems(notebook_paths):
    """A DataError for each of ``notebook_paths`` that cannot be read as a notebook (empty when all can)."""
    problems = []
    for path in notebook_paths:
        try:
            read_notebook(path)
        except DataError as err:
            problems.append(err)
    return problems
