"""Stating a figure: the one module that says a claim's figure and whom it rests on, checked against its text.

- :func:`load_sourced_claims`: the claims with their article's outlet and labels, the figure as worded, and
  ``needs_attribution`` with the ``attribution`` prose must carry.
- :func:`needs_attribution`: a figure resting on a single source that is a party to the war (its government or
  intelligence service; the two Koreas count as parties to the question measured here) or on state media is
  never stated in the project's own voice: it is written "according to Sputnik, Russian state media". Nor is a
  single-source figure in the own voice of an outlet nobody can hold to account: a compiled reference page or an
  unnamed outlet.
- :func:`state`, :func:`stated`, :func:`verified`: a figure in bold, asserted against the article text through
  :func:`twokoreas.text.verify.claim_disagreement` (the same check ``twokoreas check`` runs), so an edit of the
  data that breaks the link to the text (span, value, bounds) fails the cell, and nbval with it.

Imports no IPython: the corpus workers and the command line use it as the notebooks do.
"""

from ..data import dates, loaders
from ..data.vocab import PARTY_SOURCE_KINDS
from ..text.numbers import worded
from ..text.verify import claim_disagreement
from .phrases import STATE_MEDIA, according_to

UNACCOUNTABLE = ("compiled reference page", "unknown outlet")


def needs_attribution(row):
    """True when ``row`` (a sourced claim or event) is single-source and rests on a party, on state media, or
    on the own voice of a compiled page or an unnamed outlet."""
    single = not row.corroborated_by
    unaccountable = row.voice == "own" and row.source_type in UNACCOUNTABLE
    return single and (row.source_kind in PARTY_SOURCE_KINDS or row.source_type == STATE_MEDIA or unaccountable)


def attribution(row):
    """``according to ...``: the source in words, the state-media outlet that carried it folded in
    (see :func:`twokoreas.analysis.phrases.source`)."""
    return according_to(row)


def load_sourced_claims(data_dir=None):
    """Claims with the derived columns the registry declares: their article's ``outlet``, ``source_label``
    and ``published_label``, the short ``article`` id, ``figure`` (the value as the article words it),
    ``credit``, ``date_label``, and ``needs_attribution`` with the ``attribution`` prose must carry."""
    articles = loaders.load_articles(data_dir)
    claims = loaders.load_claims(data_dir, articles).merge(
        articles[["article_id", "outlet", "source_type", "outlet_description", "source_label", "published_label"]],
        on="article_id",
        how="left",
        validate="many_to_one",
    )
    claims["article"] = claims.article_id.str[:3]
    claims["figure"] = [worded(row) for row in claims.itertuples()]
    claims["credit"] = claims.attributed_to.where(claims.attributed_to != "own reporting", claims.outlet)
    claims["date_label"] = dates.labels(claims)
    claims["needs_attribution"] = [needs_attribution(row) for row in claims.itertuples()]
    claims["attribution"] = [attribution(row) for row in claims.itertuples()]
    return claims


def verified(claim, texts):
    """``claim`` (a claims row) after asserting its span and values against its article text."""
    problem = claim_disagreement(claim, texts[claim.article_id])
    assert problem is None, f"claim {claim.claim_id}: {problem}"
    return claim


def state(claims, claim_id, texts):
    """A claim's figure as worded in the article, in bold (``**about 1,500**``), verified against the text; for
    a single-source figure from a party to the war or from state media, followed by whom it rests on as a
    clause (``**about 1,500**, according to South Korea's spy agency, the NIS,``; prose passes the sentence
    through :func:`twokoreas.analysis.phrases.once_per_sentence`). ``claims`` come from
    :func:`load_sourced_claims`."""
    return stated(verified(claims.set_index("claim_id", drop=False).loc[claim_id], texts))


def stated(claim, figure=None):
    """A sourced claim's ``figure`` (default: its worded value) in bold, followed by whom it rests on when a
    reader must be told (see :func:`needs_attribution`)."""
    figure = f"**{worded(claim) if figure is None else figure}**"
    return f"{figure}, {claim.attribution}," if claim.needs_attribution else figure
