"""The footer of every page: version and commit of the build, and the sources the figures come from."""

import html

import pandas as pd

from .. import paths
from ..version import version_info


def _sources():
    """Whom the figures come from: the articles, plus each reference table's citation."""
    cited = ["the news texts on the article pages"]
    references = paths.DATA / "reference_files.csv"
    if references.exists():
        cited += list(dict.fromkeys(pd.read_csv(references, dtype=str).cite_as.dropna()))
    rates = paths.DATA / "exchange_rates.csv"
    if rates.exists():
        cited += [s.split(";")[0] for s in dict.fromkeys(pd.read_csv(rates, dtype=str).source.dropna())]
    return cited


def build_label():
    """``0.1.0, commit 0123456789ab`` (``+changes`` when the tree had uncommitted changes), or the bare version."""
    info = version_info()
    if info.commit is None:
        return info.version
    return f"{info.version}, commit {info.commit[:12]}{'+changes' if info.dirty else ''}"


def footer_html():
    return (f'<p class="tk-footer">twokoreas {html.escape(build_label())}. '
            f"Sources: {html.escape('; '.join(_sources()))}.</p>")
