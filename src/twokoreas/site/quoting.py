"""How much of each text a built site reproduces: the share of a text's words that lie in a run of at least
``RUN`` words found, word for word, in some file of the site (pages, downloads, notebooks, search index).

Quotation quotes a few words; republication copies runs. A word counts as reproduced when it lies in any
``RUN``-word run of the text that also occurs in one published file, so short shared phrases ("South Korea's
National Intelligence Service") never count, and a sentence copied whole counts entirely. ``data/LICENSES.md``
states the cap the site is held to (``MAX_SHARE``) and why.

``python -m twokoreas.site.quoting [SITE] [ARTICLES...]`` prints each text's share for a built site.
"""

import html
import json
import re
import sys
from pathlib import Path

RUN = 8  # words: longer than a name or a stock phrase, shorter than any sentence worth copying
MAX_SHARE = 0.25  # data/LICENSES.md says why
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")
READ = {".html", ".csv", ".json", ".js", ".ipynb", ".txt", ".md", ".svg", ".xml"}


def words(text):
    """The words of ``text``, lower-cased, punctuation and markup entities dropped."""
    return WORD.findall(html.unescape(text).lower())


def _strings(value):
    """Every string inside a parsed JSON value (a notebook's cells and outputs, a data package)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def file_words(path):
    """The words a reader or a download gets from ``path``: tags dropped from pages, strings from JSON."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".json", ".ipynb"):
        try:
            raw = "\n".join(_strings(json.loads(raw)))
        except json.JSONDecodeError:
            pass
    return words(TAG.sub(" ", raw) if path.suffix in (".html", ".svg", ".ipynb", ".xml") else raw)


def runs(tokens, n=RUN):
    """Every run of ``n`` consecutive words of ``tokens``."""
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def published_runs(site, n=RUN):
    """Every ``n``-word run of every text-bearing file under ``site``."""
    found = set()
    for path in sorted(Path(site).rglob("*")):
        if path.is_file() and path.suffix in READ:
            found |= runs(file_words(path), n)
    return found


def reproduced_share(text, published, n=RUN):
    """The share of ``text``'s words that lie in an ``n``-word run found in ``published`` (from
    :func:`published_runs`)."""
    tokens = words(text)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i:i + n]) in published:
            covered[i:i + n] = [True] * n
    return sum(covered) / len(tokens) if tokens else 0.0


def main(argv=None):
    from .. import paths
    from ..loaders import load_articles

    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0]) if argv else paths.SITE
    published = published_runs(site)
    for row in load_articles().itertuples():
        if not argv[1:] or row.article_id[:3] in argv[1:]:
            print(f"{row.article_id}: {reproduced_share(row.text, published):.1%} of its words in {RUN}-word runs "
                  f"on the site")


if __name__ == "__main__":
    main()
