"""What the site shows from ``data/`` and ``figures/``, loaded once per build, and the links between pages."""

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd
from docutils import nodes

from .. import paths
from ..data import registry
from ..analysis.statement import load_sourced_claims
from ..data.loaders import load_articles, load_boilerplate, load_events, load_not_quantities


def article_page(article_id):
    """The article's page, relative to the site root."""
    return f"articles/{article_id}.html"


def claim_anchor(claim_id):
    return f"claim-{claim_id}"


def event_anchor(event_id):
    return f"event-{event_id}"


def figure_anchor(figure):
    """``fig-02-aid-figures``: docutils' id for the figure's name, as the page carries it."""
    return nodes.make_id(f"fig-{figure}")


@dataclass(frozen=True)
class SiteData:
    articles: pd.DataFrame
    claims: pd.DataFrame
    not_quantities: pd.DataFrame
    boilerplate: pd.DataFrame
    events: pd.DataFrame
    figures: pd.DataFrame

    @cached_property
    def texts(self):
        return dict(zip(self.articles.article_id, self.articles.text))

    @cached_property
    def claim_rows(self):
        """Each claim's row by its id."""
        return {row.claim_id: row for row in self.claims.itertuples()}

    @cached_property
    def published_files(self):
        """``data/…`` and ``figures/…`` paths the site publishes for download."""
        figures = paths.figures_dir()
        names = {f"figures/{p.name}" for p in figures.glob("*") if figures.exists() and not p.name.startswith(".")}
        return names | {f"data/{Path(t.file).name}" for t in registry.TABLES.values()}

    @cached_property
    def figure_rows(self):
        """Each saved figure's figures/index.csv row by its name."""
        return {row.figure: row for row in self.figures.itertuples()}

    @cached_property
    def event_quotes(self):
        """Each event's quoted span by its id."""
        return dict(zip(self.events.event_id, self.events.quote))

    @cached_property
    def event_rows(self):
        """Each event's row by its id."""
        return {row.event_id: row for row in self.events.itertuples()}

    @cached_property
    def article_ids(self):
        """Article ids by themselves and by their three-digit prefix (``001``)."""
        return {key: a for a in self.articles.article_id for key in (a, a[:3])}

    @cached_property
    def _event_articles(self):
        return dict(zip(self.events.event_id, self.events.article_id))

    def claim_href(self, claim_id, prefix=""):
        """Link (from a page ``prefix`` away from the root) to a claim's highlighted span."""
        return f"{prefix}{article_page(self.claim_rows[claim_id].article_id)}#{claim_anchor(claim_id)}"

    def event_href(self, event_id, prefix=""):
        return f"{prefix}{article_page(self._event_articles[event_id])}#{event_anchor(event_id)}"

    def figure_alt(self, row):
        """A figure's alt text: ``alt`` from figures/index.csv when recorded, else its title."""
        return getattr(row, "alt", "") or row.title


def _figures_index():
    index = paths.figures_dir() / "index.csv"
    columns = ["figure", "notebook", "title", "claim_ids", "event_ids"]
    if not index.exists():
        return pd.DataFrame(columns=columns)
    frame = pd.read_csv(index, dtype=str, keep_default_na=False)
    return frame.assign(**{c: "" for c in columns if c not in frame.columns})


@lru_cache(maxsize=1)
def load_site_data():
    """Every table the site needs, validated by the project's loaders."""
    return SiteData(articles=load_articles(), claims=load_sourced_claims(), not_quantities=load_not_quantities(),
                    boilerplate=load_boilerplate(), events=load_events(), figures=_figures_index())
