"""What ``twokoreas add`` refuses before it drafts anything, each with one line naming the input and the problem:
a text too large to be one article, a text already in the corpus but for whitespace or nearly so (``--force``
adds it all the same), a ``--published`` date that is not strict ISO or not plausible, or that disagrees with
the date the text prints, and a ``--url`` that is not a web address."""

import datetime
import re

from ..errors import DataError
from ..data.registry import URL

MAX_BYTES = 1_000_000  # the corpus's largest article is about 21 kB: 1 MB is dozens of articles, not one
FIRST_YEAR = 1990
SHINGLE = 5  # words per shingle for the near-duplicate measure
NEAR = 0.9  # shared shingles (Jaccard) from which a text is taken for a copy of another
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_size(name, raw):
    """Refuse a file too large to be one article, naming its size."""
    if len(raw) > MAX_BYTES:
        raise DataError(
            name,
            f"is {len(raw) / 1e6:.1f} MB; an article is at most {MAX_BYTES / 1e6:.0f} MB "
            "(the largest in the corpus is about 21 kB): is it one article?",
        )


def check_published(published, today=None):
    """Refuse a ``--published`` that is not ``YYYY-MM-DD`` or lies outside 1990 .. today + 1 year."""
    if published is None:
        return
    today = today or datetime.date.today()
    try:
        if not ISO_DATE.fullmatch(published):
            raise ValueError
        date = datetime.date.fromisoformat(published)
    except ValueError:
        raise DataError("--published", f"{published!r} is not a YYYY-MM-DD date") from None
    latest = today + datetime.timedelta(days=366)
    if not datetime.date(FIRST_YEAR, 1, 1) <= date <= latest:
        raise DataError(
            "--published",
            f"{published} is not a plausible publication date (from {FIRST_YEAR}-01-01 to {latest:%Y-%m-%d})",
        )


def check_printed_date(published, printed):
    """Refuse a ``--published`` that disagrees with ``printed``, the ``(date, basis, evidence)`` the text prints."""
    if published and printed and printed[0] != published:
        raise DataError(
            "--published",
            f"{published} disagrees with the date the text prints, {printed[0]} "
            f"({printed[2]!r}): leave --published out, or correct the text",
        )


def check_url(url):
    """Refuse a ``--url`` that is not an ``http(s)://`` address without spaces."""
    if url is not None and not re.fullmatch(URL.strip("^$"), url):
        raise DataError("--url", f"{url!r} is not a web address: give http:// or https:// and no spaces")


def _shingles(text):
    words = text.split()
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def near_duplicate(text, registered):
    """The id of a registered article whose text equals ``text`` but for whitespace, or shares at least
    NEAR of its word shingles with it; None if there is none. ``registered``: ``{article_id: text}``."""
    words, shingles = " ".join(text.split()), _shingles(text)
    for article_id, other in registered.items():
        if " ".join(other.split()) == words:
            return article_id
        theirs = _shingles(other)
        if len(shingles & theirs) / len(shingles | theirs) >= NEAR:
            return article_id
    return None


def check_near_duplicate(name, text, registered):
    """Refuse a text that is a registered article but for whitespace, or very close to one."""
    found = near_duplicate(text, registered)
    if found:
        raise DataError(
            name,
            f"is article {found} but for whitespace or a few words: add it with --force if it "
            "really is another article",
        )
