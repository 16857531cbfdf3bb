"""The site's source tree, written afresh at each build: the notebooks, and MyST pages generated from ``data/``
(index with summary, one page per article, figure gallery, data downloads) plus files served as they are."""

import html
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd

from .. import paths
from ..data import registry
from ..atomic import write_text
from ..data.describe import datapackage_json
from ..data.downloads import public_rows, write_download
from ..data.loaders import published_rows
from .data import figure_anchor
from .notebooks import SAVED_FIGURE, public_figure_table, public_notebook

TITLE = "Two Koreas and the war in Ukraine"
MYST_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|$~])")


def escape(text):
    """Text for a MyST page, every markup character escaped (``$`` included: never maths)."""
    return MYST_SPECIAL.sub(r"\\\1", str(text))


def notebook_card(path):
    """Title (first heading) and question (the line starting **Question**) of a notebook."""
    nb = nbformat.read(path, as_version=4)
    first = next(c.source for c in nb.cells if c.cell_type == "markdown")
    lines = first.splitlines()
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("#")), path.stem)
    question = next((line.split(":", 1)[1].strip(" *") for line in lines if line.startswith("**Question")), "")
    return {"name": path.stem, "title": title, "question": question}


def article_title(row):
    """``001 · GlobalSecurity.org: Korea - World War III.2``, or the kind where the title is unknown."""
    name = row.title if row.title and row.title != "unknown" else f"an untitled {row.kind} text"
    outlet = "unknown outlet" if row.outlet == "unknown" else row.outlet
    return f"{row.article_id[:3]} · {outlet}: {name}"


def summary(data, inventory_page):
    """One paragraph on what the collection holds, generated from the data, its counts linked."""
    articles, claims = data.articles, data.claims
    first, last = articles.published_earliest.min(), articles.published_earliest.max()
    named = articles[articles.outlet != "unknown"].sort_values("outlet")
    outlets = ", ".join(f"{r.outlet} ({r.outlet_description})" for r in named.itertuples())
    unknown = (articles.outlet == "unknown").sum()
    incidental = (claims.unit == "count") & (claims.value <= 2)  # "one", "two": as notebook 01 counts them
    facts, counted = claims.fact_key.nunique(), claims[~incidental].fact_key.nunique()
    return (f"[{len(claims)} quantitative figures]({inventory_page}) ({counted} distinct facts, besides "
            f"{facts - counted} incidental counts such as \"two reasons\") "
            f"and {len(data.events)} stance events from [{len(articles)} news texts](articles/index.md) dated from "
            f"{first:%B %Y} to {last:%B %Y} or later ({escape(outlets)}"
            f"{f' and {unknown} from unnamed outlets' if unknown else ''}), each traced to its characters, on how "
            "North Korea, by the accounts of South Korean intelligence, US officials and the texts' own reporting, "
            "armed and manned Russia's war while South Korea sent money and humanitarian aid and, by "
            "one text's account, agreed to lend shells to the United States; some texts say South Korean weapons "
            "reached Ukraine, directly or through third countries, while Seoul said it provided no lethal aid. "
            "Follow any figure or claim id to its highlighted sentence in the article.")


def _toctree(caption, entries):
    return "\n".join(["```{toctree}", ":hidden:", f":caption: {caption}", "", *entries, "```", ""])


def index_page(data, cards, full=False):
    inventory = next((f"{c['name']}.ipynb" for c in cards if c["name"].startswith("01_")), "articles/index.md")
    lines = ["# Overview", "", summary(data, inventory), "", "## The notebooks", ""]
    for card in cards:
        lines.append(f"- [{escape(card['title'])}]({card['name']}.ipynb): {escape(card['question'])}")
    lines += ["", "## Also here", "",
              "- [The articles](articles/index.md): " + ("each full text, with every claim, number and event marked."
                                                         if full else "a short quotation of each figure and event,"
                                                         " marked, with each text's details and fingerprint."),
              "- [Figure gallery](figures.md): every chart, linked to its page and its sources.",
              "- [Data downloads](data.md): the curated tables behind every figure.", "",
              "Code is folded away on every notebook page: use *Show code cell source* to read it, or download the "
              "notebook (`.ipynb`) from the download button at the top of the page.", "",
              _toctree("Notebooks", [c["name"] for c in cards]),
              _toctree("Articles, figures and data", ["articles/index", "figures", "data"])]
    return "\n".join(lines)


def articles_index(data, full=False):
    lines = ["# The articles", "",
             f"The {len(data.articles)} texts the collection is built from, "
             + ("in full (a local build: never publish it). " if full else
                "each shown by short quotations of its figures and events; the texts themselves belong to "
                "their owners and are not published here. ")
             + "Highlighted spans are the curated claims; hover or focus one for its value, qualifier and theme.", ""]
    for row in data.articles.itertuples():
        n_claims = (data.claims.article_id == row.article_id).sum()
        lines.append(f"- [{escape(article_title(row))}]({row.article_id}.md): {escape(row.kind)}, "
                     f"{escape(row.published_label)}, {n_claims} claims")
    lines += ["", _toctree("Articles", list(data.articles.article_id))]
    return "\n".join(lines)


def article_page(row):
    return f"# {escape(article_title(row))}\n\n```{{twokoreas-article}} {row.article_id}\n```\n"


def shown_figures(notebooks):
    """Names of the saved charts that the notebooks display (some are only saved)."""
    shown = set()
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                if "image/png" in output.get("data", {}):
                    shown.update(SAVED_FIGURE.findall(str(output["data"].get("text/plain", ""))))
    return shown


def gallery_page(data, figures_dir, shown):
    cards = []
    for row in data.figures.itertuples():
        if not (figures_dir / f"{row.figure}.png").exists():
            continue
        alt = html.escape(data.figure_alt(row))
        target = f"{row.notebook}.html" + (f"#{figure_anchor(row.figure)}" if row.figure in shown else "")
        drawn = [f"{len([c for c in row.claim_ids.split(';') if c])} claims" if row.claim_ids else "",
                 f"{len([e for e in row.event_ids.split(';') if e])} events" if row.event_ids else ""]
        drawn = " and ".join(d for d in drawn if d)
        cards.append(f'<figure class="tk-card"><a href="{target}"><img src="figures/{row.figure}.png" alt="{alt}" '
                     f'></a><figcaption><a href="{target}">{html.escape(row.title)}</a>'
                     f'{f" · draws {drawn}" if drawn else ""} · '
                     f'<a href="figures/{row.figure}.svg">SVG</a></figcaption>'
                     "</figure>")
    return "\n".join(["# Figure gallery", "",
                      "Every chart the notebooks draw. Each links to its place on its notebook page, where the claims "
                      "and events it draws are listed and linked to their sentences.", "",
                      '<div class="tk-gallery">', *cards, "</div>", ""])


def data_page(tables, full=False):
    """The downloads, one list item per table: file, rows and the registry's description (Markdown)."""
    items = [f'- <a href="data/{name}">{name}</a> ({rows} rows): {about}' for name, rows, about in tables]
    return "\n".join([
        "# Data downloads", "",
        "The curated tables, as the notebooks read them; "
        '<a href="data/datapackage.json">datapackage.json</a> defines every column (Frictionless Data Package). '
        "Each chart's data is also on the [figure gallery](figures.md) (SVG and CSV beside each PNG). "
        "Only reviewed rows are published"
        + ("" if full else ", and no column that holds a whole sentence of a text (its character span is given "
           "instead)")
        + ". A cell that begins with =, +, - or @ is written with a leading ' so "
        "that a spreadsheet shows it as text and never runs it as a formula.", "",
        *items, ""])


def write_sources(source, data, notebooks, figures_dir=None, full=False):
    """Write the site's source tree to ``source`` (emptied first), with the figures of ``figures_dir``; the
    articles' ``.txt`` files only when ``full`` (a local build with the full texts)."""
    if source.exists():
        shutil.rmtree(source)
    extra = source / "_extra"
    (source / "articles").mkdir(parents=True)
    for path in notebooks:  # the page, and the notebook its download button offers
        if full:
            shutil.copyfile(path, source / path.name)
        else:
            write_text(source / path.name, public_notebook(path.read_text(encoding="utf-8"), data))
    figures_dir = figures_dir or paths.figures_dir()
    if figures_dir.exists():  # what the notebooks saved (listed in index.csv), never a person's other files
        index = figures_dir / "index.csv"
        listed = set(pd.read_csv(index, dtype=str).figure) | {"index"} if index.is_file() else set()
        shutil.copytree(figures_dir, extra / "figures", ignore=lambda folder, names: [
            n for n in names if n.startswith(".") or Path(n).stem not in listed])
        for table in [] if full else sorted((extra / "figures").glob("*.csv")):
            public_figure_table(table, data)
    (extra / "data").mkdir(parents=True)
    tables = []
    for table in registry.TABLES.values():  # every declared table, with the registry's description
        name = Path(table.file).name
        rows = published_rows(table)[0]  # as the loaders read it: reviewed rows only, never a draft
        write_download(rows if full else public_rows(rows, table, data.texts), extra / "data" / name)
        tables.append((name, len(rows), table.description))
    write_text(extra / "data" / "datapackage.json", datapackage_json(paths.DATA, public=not full))
    (extra / "articles").mkdir()
    for row in data.articles.itertuples():
        if full:
            shutil.copyfile(paths.DATA / row.file, extra / "articles" / f"{row.article_id}.txt")
        write_text(source / "articles" / f"{row.article_id}.md", article_page(row))
    write_text(source / "articles" / "index.md", articles_index(data, full))
    write_text(source / "index.md", index_page(data, [notebook_card(p) for p in notebooks], full))
    write_text(source / "figures.md", gallery_page(data, figures_dir, shown_figures(notebooks)))
    write_text(source / "data.md", data_page(tables, full))
