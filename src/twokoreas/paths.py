"""Where things live, anchored at the project root rather than the working directory."""

import os
from pathlib import Path

from .errors import DataError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
REFERENCE = DATA / "reference"
NOTEBOOKS = ROOT / "notebooks"
SITE = ROOT / "site"
BUILD = ROOT / "build"
FIGURES_VARIABLE = "TWOKOREAS_FIGURES"
#: Folders of the project that must never receive figures.
_NOT_FOR_FIGURES = ("notebooks", "data", "src", "site", "tests", "benchmarks", ".git", ".venv")


def figures_dir():
    """Where saved figures go: ``figures/``, or ``$TWOKOREAS_FIGURES`` resolved against the project root.

    Raises DataError when the variable is set but empty, names a file, points inside a folder of the
    project that is not for figures (``notebooks/``, ``data/``, ``site/``, ...), or holds the project.
    """
    value = os.environ.get(FIGURES_VARIABLE)
    if value is None:
        return ROOT / "figures"
    if not value.strip():
        raise DataError(FIGURES_VARIABLE, "is set but empty: unset it to use figures/, or name a folder")
    folder = (ROOT / Path(value).expanduser()).resolve()  # relative to the root, not the working directory
    if folder.exists() and not folder.is_dir():
        raise DataError(FIGURES_VARIABLE, f"{folder} is not a folder")
    if ROOT.is_relative_to(folder):
        raise DataError(
            FIGURES_VARIABLE,
            f"{folder} holds the whole project: figures go to figures/ or a folder outside the project",
        )
    for name in _NOT_FOR_FIGURES:
        if folder.is_relative_to(ROOT / name):
            raise DataError(
                FIGURES_VARIABLE,
                f"{folder} is inside the project's {name}/: figures go to figures/ or a folder outside the project",
            )
    return folder


def shown(path):
    """A path as messages name it: relative to the project root when inside it, otherwise as given.

    >>> shown(ROOT / "data" / "claims.csv"), shown("/elsewhere/claims.csv"), shown("data/claims.csv")
    ('data/claims.csv', '/elsewhere/claims.csv', 'data/claims.csv')
    """
    text = os.fspath(path)
    if os.path.isabs(text):
        relative = os.path.relpath(text, ROOT)
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return relative
    return text


def notebook_paths(folder=None):
    """The numbered notebooks of ``folder`` (``notebooks/``), in execution order."""
    return sorted((folder or NOTEBOOKS).glob("[0-9][0-9]_*.ipynb"))


def figure_files(folder):
    """The files of ``folder`` that builds write: ``NN_*`` figures and tables, and ``index.csv``."""
    if not folder.is_dir():
        return []
    return sorted(p for p in [*folder.glob("[0-9][0-9]_*"), folder / "index.csv"] if p.is_file())
