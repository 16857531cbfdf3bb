"""The footer of every page: version and commit of the build, and the sources the figures come from."""

import html
import subprocess
from importlib import metadata

import pandas as pd

from .. import paths


def _git(*args):
    try:
        return subprocess.run(["git", *args], cwd=paths.ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def version_info():
    """``(version, commit)``: the installed package's version and the short commit, ``+changes`` when the
    tree has uncommitted changes (a local stand-in until the package offers ``twokoreas.version_info``)."""
    try:
        version = metadata.version("twokoreas")
    except metadata.PackageNotFoundError:
        version = "unknown"
    commit = _git("rev-parse", "--short=12", "HEAD") or "unknown"
    if commit != "unknown" and _git("status", "--porcelain", "--untracked-files=no"):
        commit += "+changes"
    return version, commit


def _sources():
    """Whom the figures come from: the articles, plus each reference table's citation."""
    cited = ["five news texts (see the article pages)"]
    references = paths.DATA / "reference_files.csv"
    if references.exists():
        cited += list(dict.fromkeys(pd.read_csv(references, dtype=str).cite_as.dropna()))
    rates = paths.DATA / "exchange_rates.csv"
    if rates.exists():
        cited += [s.split(";")[0] for s in dict.fromkeys(pd.read_csv(rates, dtype=str).source.dropna())]
    return cited


def footer_html():
    version, commit = version_info()
    return (f'<p class="tk-footer">twokoreas {html.escape(version)}, commit <code>{html.escape(commit)}</code>. '
            f"Sources: {html.escape('; '.join(_sources()))}.</p>")
