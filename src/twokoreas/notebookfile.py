"""Read notebook files strictly: a truncated, empty or stray ``.ipynb`` is one located problem.

nbformat's own errors name neither the file nor the line; :func:`read_notebook` does, and
:func:`notebook_problems` lets a command refuse before it executes or renders anything.
"""

import json

import nbformat

from .errors import DataError
from .faults import shown
from .textfile import read_text


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
