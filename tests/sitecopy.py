"""The site rendered from the committed notebooks, figures and data (without executing anything) in a copy of
the project: its own build/ and site/, which no other test running at the same time can touch."""

import os
import shutil
import subprocess
import sys

from twokoreas import paths


def build_site_copy(root, **env):
    """Copy the project's sources to ``root``, run ``python -m twokoreas site`` there (with ``env`` added to the
    environment) and return the site folder; the build must succeed without warnings."""
    for name in ("src", "data", "notebooks", "figures"):
        shutil.copytree(
            paths.ROOT / name, root / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    shutil.copyfile(paths.ROOT / "CITATION.cff", root / "CITATION.cff")
    result = subprocess.run(
        [sys.executable, "-m", "twokoreas", "site"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src"), **env},
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    return root / "site"
