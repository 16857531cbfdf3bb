"""Quote and state figures from the claims table, asserting each against the article text.

A notebook that states a figure goes through :func:`state`, so an edit of the data that
breaks the link to the text (span, value, qualifier) fails the cell, and nbval with it.
"""

import math
import re

import pandas as pd

from .charts import hedged
from .numbers import parse_quantity

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


def sentence_around(text, start, end):
    """The sentence (or line) of ``text`` holding the span ``start:end``."""
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    left = max(b for b in bounds if b <= start)
    right = min((b for b in bounds if b >= end), default=len(text))
    return text[left:right].strip()


def verified(claim, texts):
    """``claim`` (a claims row) after asserting its span and values against its article text."""
    text = texts[claim.article_id]
    assert text[claim.start:claim.end] == claim.mention, (
        f"claim {claim.claim_id}: span {claim.start}:{claim.end} reads {text[claim.start:claim.end]!r}, "
        f"not {claim.mention!r}")
    parsed = parse_quantity(claim.mention)
    for field, stored in (("value", claim.value), ("value_low", claim.value_low), ("value_high", claim.value_high)):
        got = getattr(parsed, {"value": "value", "value_low": "low", "value_high": "high"}[field])
        assert (math.isnan(got) and math.isnan(stored)) or got == stored, (
            f"claim {claim.claim_id}: {field} {stored} disagrees with the text's {claim.mention!r}")
    return claim


def state(claims, claim_id, texts):
    """A claim's figure as worded in the article (``about 1,500``), verified against the text."""
    claim = verified(claims.set_index("claim_id", drop=False).loc[claim_id], texts)
    return hedged(claim)


def sources_table(claims, articles):
    """The closing sources table: claim, article, outlet, published, attributed_to and the quoted sentence."""
    texts = dict(zip(articles.article_id, articles.text))
    merged = claims.drop(columns=["outlet", "published_label"], errors="ignore").merge(
        articles[["article_id", "outlet", "published_label"]], on="article_id")
    rows = []
    for claim in merged.itertuples():
        verified(claim, texts)
        rows.append({"claim": claim.claim_id, "article": claim.article_id[:3], "outlet": claim.outlet,
                     "published": claim.published_label, "attributed_to": claim.attributed_to,
                     "quote": sentence_around(texts[claim.article_id], claim.start, claim.end)})
    return pd.DataFrame(rows)
