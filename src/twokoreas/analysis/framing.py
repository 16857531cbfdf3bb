"""How a text frames the war: which Korea each sentence is about, and lexical markers in its own voice and in quotes."""

import re

import pandas as pd

from ..text.sentences import own_voice, quoted, sentences

KOREA_NAMES = {
    "DPRK": [
        r"\bNorth Korea",
        r"\bNorth and South Korea",
        r"\bDPRK\b",
        r"\bPyongyang\b",
        r"\bKim Jong[- ]un\b",
        r"\bKim\b(?! Keon-hee| Eun-hye)",
        r"\b[Tt]he North(?:'s|’s)?\b",
        r"\bDemocratic People(?:'|’)s Republic of Korea\b",
    ],
    "ROK": [
        r"\bSouth Korea",
        r"\bRO[Kk]\b",
        r"\bSeoul\b",
        r"\bYoon\b",
        r"\bYun\b",
        r"\bPark Jin\b",
        r"\bChang Ho-jin\b",
        r"(?<!People's )(?<!People’s )\bRepublic of Korea\b",
        r"\bNational Intelligence Service\b",
        r"\bNIS\b",
        r"\bDemocratic Party of Korea\b",
        r"\bGallup Korea\b",
    ],
}
_KOREA_RES = {korea: re.compile("|".join(names)) for korea, names in KOREA_NAMES.items()}


def koreas_in(sentence):
    """Which Koreas a sentence names, by country names, capitals, leaders and institutions: a sorted tuple."""
    return tuple(k for k in sorted(_KOREA_RES) if _KOREA_RES[k].search(sentence))


def about(sentence):
    """``DPRK``, ``ROK``, ``both`` or ``neither``: which Korea a sentence is about."""
    found = koreas_in(sentence)
    return {(): "neither", ("DPRK",): "DPRK", ("ROK",): "ROK"}.get(found, "both")


_PRONOUN_START = re.compile(r"^(?:it|its|he|his|she|her|they|their|the country|the government)\b", re.IGNORECASE)


def sentence_focus(text):
    """``(sentence, about)`` for each sentence of ``text``; a sentence that names no Korea but opens with a
    pronoun ("So far it has given...", "He added...", also after an opening quotation mark) takes the Korea of
    the sentence before it."""
    found, previous = [], "neither"
    for sentence in sentences(text):
        korea = about(sentence)
        opening = re.sub(r"^[\"“‘']*(?:(?:So far|But|And|However|Still),?\s+)?", "", sentence)  # quote marks too
        if korea == "neither" and _PRONOUN_START.search(opening):
            korea = previous
        found.append((sentence, korea))
        previous = korea
    return found


def marker_counts(text, markers):
    """Occurrences of each marker (rows with ``marker`` and ``pattern``) in ``text``."""
    return pd.Series({m.marker: len(re.findall(m.pattern, text)) for m in markers.itertuples()}, dtype="int64")


def marker_counts_by_voice(text, markers):
    """Marker counts in ``text`` split by voice: a frame with columns ``own voice`` and ``in quotes``."""
    return pd.DataFrame(
        {"own voice": marker_counts(own_voice(text), markers), "in quotes": marker_counts(quoted(text), markers)}
    )


def agreement(labelled, detected):
    """How far the detector agrees with hand labels: ``(share agreeing, Cohen's kappa)``. Kappa discounts the
    agreement two raters would reach by chance with the same label frequencies (1 is perfect, 0 is chance)."""
    labelled, detected = pd.Series(list(labelled)), pd.Series(list(detected))
    observed = float((labelled == detected).mean())
    chance = float(
        sum(
            labelled.value_counts(normalize=True).get(k, 0) * share
            for k, share in detected.value_counts(normalize=True).items()
        )
    )
    return observed, (observed - chance) / (1 - chance) if chance < 1 else 1.0


OVERTAKING = ("revises", "refines")  # relations whose other fact a later text need not repeat


def overtaken(relations):
    """Facts that a later or more precise fact replaces (the ``other_fact_key`` of a ``revises`` or ``refines``
    row of ``data/fact_relations.csv``): a text that gives the newer figure has not left the older one out."""
    return set(relations[relations.relation.isin(OVERTAKING)].other_fact_key)


def corroborated_facts(claims, skip=()):
    """Facts a text could fairly be said to leave out: reported by at least two texts or recorded as
    corroborated (``corroborated_by``), less those in ``skip`` (see :func:`overtaken`). A match with a compiled
    record such as the Kiel tracker is not corroboration: it mostly restates the same government's word."""
    texts = claims.groupby("fact_key").article_id.nunique()
    return sorted((set(texts[texts >= 2].index) | set(claims[claims.corroborated_by != ""].fact_key)) - set(skip))


def coverage(claims, articles, facts):
    """For each fact in ``facts`` (rows) and each text (columns, by ``label``): the figure the text reports;
    "left out" when it reports none although a text that reports the fact was certainly out before it (its
    latest date on or before this text's earliest); "after the text" when every text that reports the fact
    came out after this one's latest date; otherwise "uncertain by the dates" (their date intervals overlap,
    or this text has no latest date)."""
    chosen = claims[claims.fact_key.isin(facts)]
    dated = articles.set_index("article_id")
    known_by = chosen.article_id.map(dated.published_latest).groupby(chosen.fact_key).min()  # NaT when all open
    first_possible = chosen.article_id.map(dated.published_earliest).groupby(chosen.fact_key).min()
    rows = {}
    for fact in facts:
        row = {}
        for article in articles.itertuples():
            said = chosen[(chosen.fact_key == fact) & (chosen.article_id == article.article_id)].figure
            if len(said):
                row[article.label] = " / ".join(said)
            elif pd.notna(known_by[fact]) and known_by[fact] <= article.published_earliest:
                row[article.label] = "left out"
            elif pd.notna(article.published_latest) and first_possible[fact] > article.published_latest:
                row[article.label] = "after the text"
            else:
                row[article.label] = "uncertain by the dates"
        rows[fact] = row
    return pd.DataFrame.from_dict(rows, orient="index")[list(articles.label)]
