"""How long `make` spends executing the notebooks, against the floor of merely starting them.

The floor is the same number of notebooks that only import pandas, matplotlib, seaborn and twokoreas,
executed by the same runner (twokoreas.runner.execute: one kernel per notebook, in one process) in
the same run. Target: the real notebooks take <= 1.5x the floor.

Run: make bench   (or: python benchmarks/build.py)
"""

import os
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from twokoreas import runner

FLOOR_CELL = "import matplotlib.pyplot as plt\nimport pandas as pd\nimport seaborn as sns\n\nimport twokoreas"


def timed(paths):
    started = time.perf_counter()
    for path in paths:
        runner.execute(path)
    return time.perf_counter() - started


def main():
    real = runner.notebook_paths()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TWOKOREAS_FIGURES"] = str(Path(tmp) / "figures")  # leave figures/ as committed
        copies = []
        for path in real:
            copy = Path(tmp) / path.name
            copy.write_bytes(path.read_bytes())
            copies.append(copy)
        floor = []
        for number in range(len(real)):
            path = Path(tmp) / f"floor_{number:02d}.ipynb"
            nbformat.write(new_notebook(cells=[new_code_cell(FLOOR_CELL)]), path)
            floor.append(path)
        floor_seconds = timed(floor)
        real_seconds = timed(copies)
    print(f"{len(real)} notebooks: {real_seconds:.1f} s; floor ({len(real)} import-only notebooks): {floor_seconds:.1f} s")
    print(f"ratio: {real_seconds / floor_seconds:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
