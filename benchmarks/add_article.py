"""Times each step of adding the real article of tests/fixtures/ as README "Adding an article" says, in a
temporary copy of the project: add, review, the cells review names typed, review --accept, then the build.
Prints one line per step and the cells typed; README records what it printed."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_whole_path import REAL, TYPED  # noqa: E402  the same article and cells as the whole-path test


def step(root, name, *args):
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "twokoreas", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**{k: v for k, v in os.environ.items() if k != "TWOKOREAS_FIGURES"}, "PYTHONPATH": str(root / "src")},
    )
    print(f"{name}: {time.perf_counter() - started:.1f} s (exit {done.returncode})")
    return done.stdout


def main():
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("src", "data", "figures", "notebooks"):
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        article_id = step(root, "add", "add", str(REAL)).split()[1].rstrip(":")
        step(root, "review", "review")
        articles = pd.read_csv(root / "data" / "articles.csv", dtype=str, keep_default_na=False)
        for (_, field), value in TYPED.items():
            articles.loc[articles.article_id == article_id, field] = value
        articles.to_csv(root / "data" / "articles.csv", index=False)
        print(f"cells typed: {len(TYPED)}")
        step(root, "review --accept", "review", "--accept", article_id[:3])
        step(root, "run (make)", "run")


if __name__ == "__main__":
    main()
