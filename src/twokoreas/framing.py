"""How a text frames the war: which Korea each sentence is about, and lexical markers per 1,000 words."""

import re

import pandas as pd

from .cite import sentence_bounds

KOREA_NAMES = {
    "DPRK": [r"\bNorth Korea", r"\bDPRK\b", r"\bPyongyang\b", r"\bKim Jong[- ]un\b", r"\bKim\b(?! Keon-hee| Eun-hye)",
             r"\b[Tt]he North(?:'s|’s)?\b", r"\bDemocratic People(?:'|’)s Republic of Korea\b"],
    "ROK": [r"\bSouth Korea", r"\bRO[Kk]\b", r"\bSeoul\b", r"\bYoon\b", r"\bYun\b", r"\bPark Jin\b",
            r"\bChang Ho-jin\b", r"(?<!People's )(?<!People’s )\bRepublic of Korea\b",
            r"\bNational Intelligence Service\b", r"\bNIS\b", r"\bDemocratic Party of Korea\b", r"\bGallup Korea\b"],
}
_KOREA_RES = {korea: re.compile("|".join(names)) for korea, names in KOREA_NAMES.items()}


def koreas_in(sentence):
    """Which Koreas a sentence names, by country names, capitals, leaders and institutions: a sorted tuple."""
    return tuple(k for k in sorted(_KOREA_RES) if _KOREA_RES[k].search(sentence))


def about(sentence):
    """``DPRK``, ``ROK``, ``both`` or ``neither``: which Korea a sentence is about."""
    found = koreas_in(sentence)
    return {(): "neither", ("DPRK",): "DPRK", ("ROK",): "ROK"}.get(found, "both")


def sentences(text):
    """The sentences (or lines) of ``text``, without empty ones."""
    cuts = sentence_bounds(text)
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def marker_counts(text, markers):
    """Occurrences of each marker (rows with ``marker`` and ``pattern``) in ``text``."""
    return pd.Series({m.marker: len(re.findall(m.pattern, text)) for m in markers.itertuples()}, dtype="int64")
