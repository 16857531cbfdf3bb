"""Which version of the analysis this is: the release number, and the git commit it was built from."""

import subprocess
from dataclasses import dataclass

from . import paths

__version__ = "0.2.0"  # the one place: pyproject.toml, --version and the site read it; bump with CHANGELOG.md and
# CITATION.cff (tests/test_release.py holds them to it); the scheme is in CHANGELOG.md


@dataclass(frozen=True)
class VersionInfo:
    """``version``; ``commit`` (full hash, or None outside a git checkout); ``dirty`` (uncommitted changes, or None)."""

    version: str
    commit: str | None
    dirty: bool | None

    def __str__(self):
        if self.commit is None:
            return self.version
        return f"{self.version} (commit {self.commit[:12]}{', with uncommitted changes' if self.dirty else ''})"


def _git(*args):
    """git's output in the project root, or None when git or the repository is not there."""
    try:
        result = subprocess.run(["git", "-C", str(paths.ROOT), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def version_info():
    """The version, the commit checked out, and whether the tree differs from it (untracked files count)."""
    commit = _git("rev-parse", "--verify", "HEAD")
    status = _git("status", "--porcelain") if commit else None
    return VersionInfo(__version__, commit.strip() if commit else None, bool(status) if status is not None else None)
