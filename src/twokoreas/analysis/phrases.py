"""Who said a figure, in plain English: the phrase library the notebooks' prose uses.

- :func:`source` names a claim's source with its kind folded in as an appositive ("Dermot Hudson, KFA UK
  chairman, quoted by Sputnik, Russian state media"; "South Korea's spy agency, the NIS"), never in parentheses;
- :func:`once_per_sentence` drops an "according to ..." clause whose source the sentence has already named, and
  tidies the commas the clauses leave;
- :func:`house_figure` writes a figure's number in the house style ("around 1,500", "500,000") and keeps the
  text's hedge; quotes keep the text's own words.
"""

import re

from ..data.vocab import SOURCE_TYPES

STATE_MEDIA = SOURCE_TYPES[0]
# Sources a reader may not know by their short name, as a newsroom would introduce them.
INTRODUCED = {"NIS": "South Korea's spy agency, the NIS"}
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))(\s+)(?=[A-Z0-9“\"*])")


def outlet(row):
    """The outlet of a claim's text with what it is: "Sputnik, Russian state media"; an unnamed outlet is
    named by its article ("article 004, from an unnamed outlet").

    >>> from types import SimpleNamespace as Row
    >>> outlet(Row(outlet="unknown", article_id="004_ab12", outlet_description="a blog"))
    'article 004, from an unnamed outlet'
    """
    if row.outlet == "unknown":
        return f"article {row.article_id[:3]}, from an unnamed outlet"
    return f"{row.outlet}, {row.outlet_description}"


def source(row):
    """Who a claim (or event) rests on, once, in words: the outlet when the text speaks in its own voice, else
    the person or body it credits, with the state-media outlet that carried their words."""
    if row.voice == "own":
        return outlet(row)
    who = INTRODUCED.get(row.attributed_to, row.attributed_to)
    if row.source_type == STATE_MEDIA:
        return f"{who}, {'quoted' if row.voice == 'quoted' else 'as reported'} by {outlet(row)}"
    return who


def short_name(row):
    """The name a sentence uses for a claim's source once introduced: "Sputnik", "NIS", "Dermot Hudson"."""
    if row.voice == "own":
        return row.outlet if row.outlet != "unknown" else f"article {row.article_id[:3]}"
    return row.attributed_to.split(",")[0]


def according_to(row):
    """``according to <source>``: the clause prose adds after a figure that a reader must be told the source of."""
    return f"according to {source(row)}"


def sentences(text):
    """``text`` split into its sentences (after ``.``, ``!`` or ``?`` and a space before a capital or figure).

    >>> sentences("It sent 1.5 million shells. Why? 20 more followed, e.g. in May.")
    ['It sent 1.5 million shells.', 'Why?', '20 more followed, e.g. in May.']
    """
    return [s for s in SENTENCE_END.split(text)[::2] if s.strip()]


def once_per_sentence(text, named):
    """``text`` with each ``, according to PHRASE,`` clause dropped where the same sentence has already named its
    source, for each ``(phrase, short name)`` in ``named``: the clause goes when the short name ("NIS",
    "Sputnik") comes earlier in the sentence. Commas left before a stop, semicolon, colon or bracket go too.

    >>> named = [("Sputnik, Russian state media", "Sputnik")]
    >>> once_per_sentence("Sputnik says 10, according to Sputnik, Russian state media, were sent.", named)
    'Sputnik says 10 were sent.'
    >>> once_per_sentence("10, according to Sputnik, Russian state media, were sent.", named)
    '10, according to Sputnik, Russian state media, were sent.'
    """
    parts = SENTENCE_END.split(text)  # sentences at even places, the spaces between them at odd ones
    for place in range(0, len(parts), 2):
        sentence = parts[place]
        for phrase, short in sorted(set(named), key=lambda n: len(n[0]), reverse=True):
            clause = f", according to {phrase},"
            at = sentence.find(clause)
            while at >= 0:
                if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", sentence[:at]):
                    sentence = sentence[:at] + sentence[at + len(clause) :]
                    at = sentence.find(clause, at)
                else:
                    at = sentence.find(clause, at + len(clause))
        parts[place] = re.sub(r",+(?=[.;:)!?]|$)|,(?=,)", "", sentence)
    return "".join(parts)


def house_figure(mention):
    """A figure as the text words it, its number in the house style: "15-hundred" is 1,500 and a space between
    thousands ("500 000") a comma; hedges and number words stay as the text has them.

    >>> house_figure("about 15-hundred"), house_figure("500 000 troops"), house_figure("nearly three")
    ('about 1,500', '500,000 troops', 'nearly three')
    """
    mention = re.sub(r"\b(\d+)-hundred\b", lambda m: f"{int(m.group(1)) * 100:,}", mention)
    return re.sub(r"\b\d{1,3}(?: \d{3})+\b", lambda m: m.group(0).replace(" ", ","), mention)


def named_twice(sentence, names):
    """The first of ``names`` (short source names: "Sputnik", "Dermot Hudson") that ``sentence`` names more
    than once, or None.

    >>> named_twice("Sputnik says so, Sputnik adds", ["NIS", "Sputnik"]), named_twice("NIS says", ["NIS"])
    ('Sputnik', None)
    """
    return next((n for n in names if len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", sentence)) > 1), None)
