"""Render the executed notebooks and an index page into ``site/``: static, offline, no CDN."""

import shutil
import subprocess
from pathlib import Path

import jinja2
import nbformat
import pandas as pd
from nbconvert import HTMLExporter

from . import paths, registry
from .atomic import write_text
from .loaders import load_articles, load_claims
from .runner import notebook_paths

TEMPLATES = Path(__file__).parent / "templates"
TITLE = "Two Koreas and the war in Ukraine"
def _commit():
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=paths.ROOT,
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def notebook_card(path):
    """Title (first heading) and question (the line starting **Question**) of a notebook."""
    nb = nbformat.read(path, as_version=4)
    first = next(c.source for c in nb.cells if c.cell_type == "markdown")
    lines = first.splitlines()
    title = next((line.lstrip("# ").strip() for line in lines if line.startswith("#")), path.stem)
    question = next((line.split(":", 1)[1].strip(" *") for line in lines if line.startswith("**Question")), "")
    return {"title": title, "question": question, "page": f"{path.stem}.html"}


def summary():
    """One paragraph on what the collection holds, generated from the data."""
    articles, claims = load_articles(), load_claims()
    first, last = articles.published_earliest.min(), articles.published_earliest.max()
    named = articles[articles.outlet != "unknown"].sort_values("outlet")
    outlets = ", ".join(f"{r.outlet} ({r.outlet_description})" for r in named.itertuples())
    return (f"{len(claims)} quantitative figures ({claims.fact_key.nunique()} distinct facts) from "
            f"{len(articles)} news texts dated from {first:%B %Y} to {last:%B %Y} or later ({outlets} and "
            f"{(articles.outlet == 'unknown').sum()} of unknown outlet), each traced to its characters, "
            "on how North Korea armed and manned Russia's war while South Korea sent money and humanitarian aid, "
            "and lent or sold shells to the United States, which some outlets say reached Ukraine; Seoul denied this.")


def _render_notebook(path, exporter):
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    write_text(paths.SITE / f"{path.stem}.html", body)


def build_site():
    """Write ``site/``: one page per notebook, the index, the stylesheet, figures and data to download."""
    site = paths.SITE
    site.mkdir(exist_ok=True)
    exporter = HTMLExporter(template_name="twokoreas", extra_template_basedirs=[str(TEMPLATES)])
    notebooks = notebook_paths()
    for path in notebooks:
        _render_notebook(path, exporter)
    shutil.copyfile(TEMPLATES / "style.css", site / "style.css")
    figures_src = paths.figures_dir()
    figures = []
    index_csv = figures_src / "index.csv"
    if index_csv.exists():
        shutil.copytree(figures_src, site / "figures", dirs_exist_ok=True)
        for row in pd.read_csv(index_csv, dtype=str, keep_default_na=False).itertuples():
            if (figures_src / f"{row.figure}.png").exists():
                figures.append({"image": f"figures/{row.figure}.png", "title": row.title,
                                "page": f"{row.notebook}.html"})
    (site / "data").mkdir(exist_ok=True)
    tables = []
    for table in registry.TABLES.values():  # every declared table, with the registry's description
        name = Path(table.file).name
        shutil.copyfile(paths.DATA / table.file, site / "data" / name)
        rows = len(pd.read_csv(paths.DATA / table.file, dtype=str))
        tables.append({"name": name, "href": f"data/{name}", "rows": rows, "about": table.description})
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    page = env.get_template("index.html").render(
        title=TITLE, summary=summary(), notebooks=[notebook_card(p) for p in notebooks],
        figures=figures, tables=tables, commit=_commit())
    write_text(site / "index.html", page)
    print(f"site: {len(notebooks)} notebook pages and index.html in {site.relative_to(paths.ROOT)}/")
