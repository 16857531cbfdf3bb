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

    Raises DataError when the variable is set but empty, names a file, or points inside a folder of the
    project that is not for figures (``notebooks/``, ``data/``, ``site/``, ...) or at the root itself.
    """
    value = os.environ.get(FIGURES_VARIABLE)
    if value is None:
        return ROOT / "figures"
    if not value.strip():
        raise DataError(FIGURES_VARIABLE, "is set but empty: unset it to use figures/, or name a folder")
    folder = (ROOT / Path(value).expanduser()).resolve()  # relative to the root, not the working directory
    if folder.exists() and not folder.is_dir():
        raise DataError(FIGURES_VARIABLE, f"{folder} is not a folder")
    if folder == ROOT or any(folder.is_relative_to(ROOT / name) for name in _NOT_FOR_FIGURES):
        raise DataError(FIGURES_VARIABLE, f"{folder} is inside the project's {_top(folder)}: figures go to "
                                          "figures/ or a folder outside the project")
    return folder


def _top(folder):
    parts = folder.relative_to(ROOT).parts
    return f"{parts[0]}/" if parts else "root folder"
