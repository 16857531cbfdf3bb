"""Where things live, anchored at the project root rather than the working directory."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
REFERENCE = DATA / "reference"
NOTEBOOKS = ROOT / "notebooks"
SITE = ROOT / "site"


def figures_dir():
    """Where saved figures go: ``figures/``, or ``$TWOKOREAS_FIGURES`` (tests point it elsewhere)."""
    return Path(os.environ.get("TWOKOREAS_FIGURES", ROOT / "figures"))
