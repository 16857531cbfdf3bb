"""The notebook kit: ``nb = tk.notebook("02_aid")`` gives a notebook its claims, texts, prose helpers and
savers, so no notebook repeats a setup or a sources cell.

Prose states a figure by its readable ``fact_key`` (``nb.cite("rok_humanitarian_aid_2022")``): the kit picks
one claim of that fact by a fixed rule, checks its span and values against the article text, and adds whom it
rests on where a reader must be told. Shown figures keep the hedge as the text words it ("some 8 million"), the
number in the house style ("around 1,500"). ``nb.say`` names each source once per sentence and records, in the
output's metadata (``{"twokoreas": {"cites": [{"id": "001-01", "figure": "around 1,500"}, ...]}}``), which claims
its bold figures state, so the site links each one to its sentence.
"""

import pandas as pd
from IPython.display import Markdown

from . import charts
from ..analysis import phrases
from ..analysis.statement import load_sourced_claims, stated, verified
from ..data import dates
from ..data.loaders import load_articles
from ..text.sentences import short_quote
from .tables import NOT_REPORTED, ReaderTable, prose


class FactNotFound(KeyError):
    """No claim states the fact (or none from the source asked for)."""


class Notebook:
    """One notebook's data and savers. ``name`` is the notebook's file name without ``.ipynb``."""

    def __init__(self, name):
        charts.use_style()
        self.name = name
        self.articles = load_articles()
        self.texts = dict(zip(self.articles.article_id, self.articles.text))
        claims = load_sourced_claims()
        self.claims = claims.assign(figure=claims.mention)  # the hedge as the text words it
        self._shown = 0  # tables shown so far: each gets its own HTML id
        self._cited, self._named = [], []  # figures stated and sources named since the last ``say``

    def theme(self, theme):
        """The claims of one theme, in the order of when they held (then by claim id)."""
        chosen = self.claims[self.claims.theme == theme]
        return dates.sort_by_interval(chosen, then=["claim_id"]).reset_index(drop=True)

    def fact(self, fact_key, source=None):
        """The claim that states ``fact_key``, verified against its text. With several, the rule is fixed: the
        most narrowly dated, then one credited to a named source over the outlet's own voice, then the first
        id. ``source`` keeps only claims whose credit or outlet contains it (case-insensitive)."""
        rows = self.claims[self.claims.fact_key == fact_key]
        if source is not None:
            wanted = source.lower()
            rows = rows[
                rows.credit.str.lower().str.contains(wanted, regex=False)
                | rows.source_label.str.lower().str.contains(wanted, regex=False)
            ]
        if rows.empty:
            raise FactNotFound(f"no claim states {fact_key!r}" + (f" from {source!r}" if source else ""))
        ranked = rows.assign(_width=dates.widths(rows), _own=rows.voice == "own")
        ranked = ranked.sort_values(["_width", "_own", "claim_id"])
        return verified(ranked.iloc[0].drop(["_width", "_own"]), self.texts)

    def cite(self, fact_key, source=None):
        """A fact's figure as the text words it, in bold, followed by whom it rests on when a reader must be
        told (a single source that is a party to the war, or state media)."""
        return self.state(self.fact(fact_key, source))

    def who(self, fact_key, source=None):
        """Who a fact's figure rests on, in words ("South Korea's spy agency, the NIS"), for a sentence that
        names its source as the subject; a figure cited later in that sentence then does not repeat it."""
        claim = self.fact(fact_key, source)
        self._named.append((phrases.source(claim), phrases.short_name(claim)))
        return phrases.source(claim)

    def period(self, rows, what="figures", also=""):
        """**Period covered**, computed from the data: when ``rows`` (claims or events) held, as their texts date
        them, and when those texts were published; with ``rows`` None, the texts alone. ``also`` is appended."""
        return self.say(period_covered(rows, self.articles, what) + (f" {also}" if also else ""))

    def said_on(self, fact_key, source=None):
        """The day the credited source said a fact, in words ("21 October 2024"), from ``stated_date``; fails
        when the text gives no such day."""
        claim = self.fact(fact_key, source)
        if pd.isna(claim.stated_date):
            raise FactNotFound(f"claim {claim.claim_id} gives no day on which {fact_key!r} was said")
        return dates.Interval(claim.stated_date, claim.stated_date).label()

    def state(self, claim):
        """One claim's figure as the text words it, verified against its text, in bold, with whom it rests on
        when a reader must be told (as :meth:`cite` does for a fact)."""
        figure = phrases.house_figure(claim.figure)
        self._cited.append({"id": claim.claim_id, "figure": figure})
        self._named.append((phrases.source(claim), phrases.short_name(claim)))
        return stated(verified(claim, self.texts), figure)

    def newest_report(self, claims):
        """The rows of ``claims`` from the most recent text (the one that can have been published latest, by
        its earliest possible date), one per fact: what the newest report says, whichever text that is."""
        published = claims.article_id.map(self.articles.set_index("article_id").published_earliest)
        return claims[published == published.max()].drop_duplicates("fact_key")

    def newest_label(self, rows):
        """The text ``rows`` (from :meth:`newest_report`) come from, in words ("The Washington Times of 1 December
        2024"), naming any text whose open-ended date means it may be later still."""
        articles = self.articles.set_index("article_id")
        newest = articles.loc[rows.article_id.iloc[0]]
        later = articles[
            (articles.index != newest.name)
            & (articles.published_latest.isna() | (articles.published_latest > newest.published_earliest))
        ]
        names = [names_of(a) for _, a in later.iterrows()]
        label = f"{names_of(newest)} of {newest.published_label}"
        if not names:
            return label
        return (
            label
            + f" (only {' and '.join(names)} may be later: {'its date is' if len(names) == 1 else 'their dates are'} open-ended)"
        )

    def sentence(self, article, words):
        """A short quotation of ``words`` of article ``article`` (its three-digit id): with a few more words of their
        sentence around them, or their first words when they are many (:func:`twokoreas.text.sentences.short_quote`); fails
        when the text does not hold them, so a quoted passage cannot drift from its source."""
        article_id = next(a for a in self.texts if a.startswith(article))
        start = self.texts[article_id].find(words)
        if start < 0:
            raise FactNotFound(f"article {article} does not contain {words!r}")
        return short_quote(self.texts[article_id], start, start + len(words))

    def quote(self, claim):
        """A claim's figure with a few words of its sentence around it (:func:`twokoreas.text.sentences.short_quote`)."""
        return short_quote(self.texts[claim.article_id], claim.start, claim.end)

    @staticmethod
    def spelled(count):
        """A small count in words, as prose writes it ("two"); larger ones in figures."""
        return spelled(count)

    def say(self, text):
        """Prose for the notebook: each source named once per sentence, markup from data and dollar signs escaped
        (:func:`twokoreas.notebook.tables.prose`), and the claims its bold figures state recorded in the output's metadata."""
        text = phrases.once_per_sentence(text, self._named)
        cites = [c for c in self._cited if f"**{c['figure']}**" in text]
        self._cited, self._named = [], []
        return Markdown(prose(text), metadata={"twokoreas": {"cites": cites}} if cites else None)

    def save_figure(self, fig, slug, data, claim_ids=(), event_ids=(), description=""):
        """Save a chart (title from its first axes, alt text = title + ``description``) after the layout check."""
        titles = [ax.get_title("left") or ax.get_title() for ax in fig.axes]
        title = next(filter(None, titles), slug)
        return charts.save_figure(
            fig, self.name, slug, title, data, list(claim_ids), list(event_ids), description=description
        )

    def table(self, frame, slug=None, title="", claim_ids=(), event_ids=(), missing=NOT_REPORTED):
        """A table for readers; saved as ``figures/NN_slug.csv`` and indexed when ``slug`` is given."""
        if slug is not None:
            charts.save_table(frame, self.name, slug, title, list(claim_ids), list(event_ids))
        self._shown += 1
        return ReaderTable(frame, f"{self.name}_{self._shown}", missing)

    def sources(self, claims, slug="sources"):
        """The closing sources table: each claim's figure beside the words around it in its text, its article,
        outlet, date, whom it credits and in what voice; each span verified. Saved and returned for display."""
        rows = [verified(c, self.texts) for _, c in claims.sort_values("claim_id").iterrows()]
        frame = (
            self.claims.set_index("claim_id")
            .loc[[c.claim_id for c in rows]]
            .reset_index()
            .assign(quote=[self.quote(c) for c in rows])[
                ["claim_id", "figure", "quote", "source_label", "published_label", "attributed_to", "voice"]
            ]
            .rename(
                columns={
                    "claim_id": "claim",
                    "source_label": "outlet",
                    "published_label": "published",
                    "attributed_to": "attributed to",
                }
            )
        )
        return self.table(frame, slug, "Sources of the figures in this notebook", frame.claim)


def names_of(article):
    """An article's outlet, or "article 004" when the outlet is not named (``article`` indexed by article id)."""
    return article.outlet if article.outlet != "unknown" else f"article {article.name[:3]}"


SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def spelled(count):
    """A count as prose writes it: words up to ten ("none" for zero at the start of a clause is the caller's)."""
    return SMALL_NUMBERS[count] if 0 <= count < len(SMALL_NUMBERS) else f"{count:,}"


def _day(date):
    return dates.Interval(date, date).label()


def _span(earliest, latest):
    """``from X to Y`` over intervals, or ``from X on`` when one of them has no latest date."""
    if latest.isna().any():
        bounded = latest.dropna()
        return (
            f"from {_day(earliest.min())} on ("
            + (f"the latest bounded date is {_day(bounded.max())}; " if len(bounded) else "")
            + "some dates are open-ended)"
        )
    return f"from {_day(earliest.min())} to {_day(latest.max())}"


def period_covered(rows, articles, what="figures"):
    """The sentence a notebook opens with: the period its data covers, from the date intervals of ``rows``
    (claims or events; None for the texts alone) and of the texts they come from."""
    texts = articles if rows is None else articles[articles.article_id.isin(rows.article_id)]
    published = f"{spelled(len(texts))} text{'s' * (len(texts) != 1)} published " + _span(
        texts.published_earliest, texts.published_latest
    )
    if rows is None:
        return f"**Period covered:** {published}."
    held = _span(rows.date_earliest, rows.date_latest)
    if "(" in held and published.endswith(held[held.index(" (") :]):  # the same bounds: said once
        published = published[: -len(held) + held.index(" (")] + ", with the same latest bounded date (some open-ended)"
    return (
        f"**Period covered:** the {len(rows)} {what} here held {held}, "
        f"as their texts date them; they come from {published}."
    )


def notebook(name):
    """Open a notebook: its claims, texts and savers (see :class:`Notebook`)."""
    return Notebook(name)
