"""Sentences of an article body, and which parts of it are quoted speech rather than the outlet's own voice.

Splitting uses sentencex (Wikimedia's rule-based segmenter: it knows abbreviations such as "U.S." and "Mr.",
needs no model download, and is actively maintained), one paragraph at a time; a line with no closing
punctuation is a sub-heading, not a sentence.
"""

import re
from bisect import bisect_left, bisect_right

import sentencex

_CLOSING = re.compile(r"[.!?…][\"'”’)]*$")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def sentences(text):
    """The sentences of ``text``, in order: paragraph by paragraph, sub-headings left out."""
    found = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph or not _CLOSING.search(paragraph):
            continue
        found += [s.strip() for s in sentencex.segment("en", paragraph) if s.strip()]
    return found


def sentence_bounds(text):
    """Offsets where the sentences (or lines) of ``text`` start and end, in order, split as :func:`sentences`
    splits them (so "said on Nov. 29." stays one sentence)."""
    bounds, line_start = [0], 0
    for line in text.split("\n"):
        cursor = line_start
        for piece in sentencex.segment("en", line):
            piece = piece.strip()
            if piece:
                start = text.find(piece, cursor)
                cursor = start + len(piece)
                bounds += [start, cursor]
        line_start += len(line) + 1
    return sorted(set(bounds + [len(text)]))


def quoted_spans(text):
    """``(start, end)`` of every passage in double quotation marks (straight or curly)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def own_voice(text):
    """``text`` with every quoted passage blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for start, end in quoted_spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def quoted(text):
    """Only the quoted passages of ``text``, one per line."""
    return "\n".join(text[a:b] for a, b in quoted_spans(text))


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
