"""The footer of every page: version and commit of the build, the sources the figures come from, the terms the
third-party material is kept under (as ``data/LICENSES.md`` states them) and how to cite the collection (from
``CITATION.cff``)."""

import html

import pandas as pd
import yaml

from .. import paths
from ..version import version_info


def _sources():
    """Whom the figures come from: the articles, plus each reference table's citation."""
    cited = ["the news texts on the article pages"]
    references = paths.DATA / "reference_files.csv"
    if references.exists():
        cited += list(dict.fromkeys(pd.read_csv(references, dtype=str).cite_as.dropna()))
    rates = paths.DATA / "exchange_rates.csv"
    if rates.exists():  # one line per source named before the colon: "ECB ..., US dollar: mean of ..."
        frame = pd.read_csv(rates, dtype=str).dropna(subset=["source"])
        for name, years in frame.groupby(frame.source.str.split(":").str[0], sort=False).year:
            span = years.min() if years.min() == years.max() else f"{years.min()}–{years.max()}"
            partial = frame.year[frame.source.str.contains("is not over") & frame.year.isin(years)]
            cited.append(f"{name}, yearly means of the daily rates, {span}"
                         + "".join(f" ({y}: part of the year)" for y in partial))
    return cited


def build_label():
    """``0.1.0, commit 0123456789ab`` (``+changes`` when the tree had uncommitted changes), or the bare version."""
    info = version_info()
    if info.commit is None:
        return info.version
    return f"{info.version}, commit {info.commit[:12]}{'+changes' if info.dirty else ''}"


TERMS = ("Terms: the project's code, tables, notebooks and figures are MIT-licensed. The news texts belong to their "
         "owners and are not published here: the site quotes each figure and event in 8 words at most, with whose "
         "words they are, and the text's SHA-256; notes, headlines and date evidence quote a phrase or a sentence where a "
         "judgment rests on it; no text has a quarter of its words on the site; downloads give character spans, "
         "never whole sentences. The Kiel Institute's Ukraine Support Tracker files are redistributed "
         "unchanged under the Kiel Institute's own terms, cited by their release; GDELT's CAMEO Goldstein weights "
         "are used under the GDELT Project's terms, which allow reuse and redistribution with a citation of, and a "
         "link to, the GDELT Project (https://www.gdeltproject.org/). Details: data/LICENSES.md.")


def citation():
    """CITATION.cff as a dict (empty when the file is missing)."""
    path = paths.ROOT / "CITATION.cff"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def authors(cff=None):
    """The authors CITATION.cff names, in one line ("two-koreas-ukraine maintainers")."""
    people = (cff if cff is not None else citation()).get("authors", [])
    return ", ".join(a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names"))))
                     for a in people)


def cite_this(cff=None):
    """The "Cite this" line: authors, title, version, licence, as CITATION.cff gives them."""
    cff = cff if cff is not None else citation()
    if not cff:
        return ""
    where = cff.get("repository-code") or cff.get("url")
    return (f"{authors(cff)}. {cff.get('title', '')}. Version {cff.get('version', '')}"
            + (f", {where}" if where else "") + f". Licence: {cff.get('license', '')}. "
            "Give the commit too (twokoreas --version); cite each figure by its source article.")


def footer_html():
    cite = cite_this()
    return (f'<p class="tk-footer">twokoreas {html.escape(build_label())}. '
            f"Sources: {html.escape('; '.join(_sources()))}.</p>"
            f'<p class="tk-footer tk-terms">{html.escape(TERMS)}</p>'
            + (f'<p class="tk-footer tk-cite"><strong>Cite this:</strong> {html.escape(cite)}</p>' if cite else ""))
