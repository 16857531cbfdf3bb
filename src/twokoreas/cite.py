"""Quote and state figures from the claims table, asserting each against the article text.

A notebook that states a figure goes through :func:`state`, so an edit of the data that
breaks the link to the text (span, value, bounds) fails the cell, and nbval with it.
"""

import re
from bisect import bisect_left, bisect_right

from IPython.display import Markdown

from .numbers import worded
from .sentences import sentence_bounds
from .tables import prose
from .verify import claim_disagreement


def markdown(text):
    """Prose for a notebook: markup from data escaped, dollar signs too (see :func:`twokoreas.tables.prose`)."""
    return Markdown(prose(text))


def sentence_span(text, start, end, bounds=None):
    """``(start, end)`` of the sentence (or line) of ``text`` holding the span ``start:end``, trimmed.

    Pass ``bounds`` from :func:`sentence_bounds` to look up many spans of one text cheaply."""
    bounds = sentence_bounds(text) if bounds is None else bounds
    left, right = bounds[bisect_right(bounds, start) - 1], bounds[min(bisect_left(bounds, end), len(bounds) - 1)]
    while right > left and text[right - 1].isspace():
        right -= 1
    while left < right and text[left].isspace():
        left += 1
    return left, right


def sentence_around(text, start, end):
    """The sentence (or line) of ``text`` holding the span ``start:end``."""
    left, right = sentence_span(text, start, end)
    return text[left:right]


QUOTE_WORDS = 8  # at most, in any quotation the site or a table shows: see data/LICENSES.md
QUOTE_CONTEXT = 3  # words of its sentence on either side of a short span
ELLIPSIS = "…"


def quote_span(text, start, end, words=QUOTE_WORDS, context=QUOTE_CONTEXT):
    """``(start, end)`` of a short quotation of the span ``start:end``: its words with up to ``context`` more of
    its sentence on either side, ``words`` words at most in all (a longer span keeps its first ``words``).

    >>> text = "He said on Monday that the North had sent about 1,500 troops to Russia in all."
    >>> a, b = quote_span(text, text.index("1,500"), text.index("1,500") + 5)
    >>> text[a:b]
    'had sent about 1,500 troops to Russia'
    """
    left, right = sentence_span(text, start, end)
    tokens = [(left + m.start(), left + m.end()) for m in re.finditer(r"\S+", text[left:right])]
    inside = [i for i, (a, b) in enumerate(tokens) if a < end and b > start]
    if not inside:
        return start, end
    low, high = inside[0], min(inside[-1], inside[0] + words - 1)
    for _ in range(context):
        if high - low + 1 < words and high < len(tokens) - 1:
            high += 1
        if high - low + 1 < words and low > 0 and inside[0] - low < context:
            low -= 1
    return tokens[low][0], tokens[high][1]


def short_quote(text, start, end, words=QUOTE_WORDS):
    """The quotation of :func:`quote_span`, with an ellipsis wherever it cuts its sentence."""
    left, right = sentence_span(text, start, end)
    a, b = quote_span(text, start, end, words)
    return f"{ELLIPSIS if a > left else ''}{text[a:b]}{ELLIPSIS if b < right else ''}"


def verified(claim, texts):
    """``claim`` (a claims row) after asserting its span and values against its article text."""
    problem = claim_disagreement(claim, texts[claim.article_id])
    assert problem is None, f"claim {claim.claim_id}: {problem}"
    return claim


def state(claims, claim_id, texts):
    """A claim's figure as worded in the article, in bold (``**about 1,500**``), verified against the text; for
    a single-source figure from a party to the war or from state media, followed by whom it rests on as a
    clause (``**about 1,500**, according to South Korea's spy agency, the NIS,``; prose passes the sentence
    through :func:`twokoreas.phrases.once_per_sentence`). ``claims`` come from
    :func:`twokoreas.loaders.load_sourced_claims`."""
    return stated(verified(claims.set_index("claim_id", drop=False).loc[claim_id], texts))


def stated(claim, figure=None):
    """A sourced claim's ``figure`` (default: its worded value) in bold, followed by whom it rests on when a
    reader must be told (see :mod:`twokoreas.attribution`)."""
    figure = f"**{worded(claim) if figure is None else figure}**"
    return f"{figure}, {claim.attribution}," if claim.needs_attribution else figure
