"""Who a figure rests on, in words: the attribution that prose and source lines must carry.

A figure resting on a single source that is a party to the war (its government or intelligence
service; the two Koreas count as parties to the question measured here) or on state media is
never stated in the project's own voice: it is written "according to Sputnik, Russian state media".
Nor is a single-source figure in the own voice of an outlet nobody can hold to account: a compiled
reference page or an unnamed outlet.
"""

from .phrases import STATE_MEDIA, according_to
from .vocab import PARTY_SOURCE_KINDS

UNACCOUNTABLE = ("compiled reference page", "unknown outlet")


def needs_attribution(row):
    """True when ``row`` (a sourced claim or event) is single-source and rests on a party, on state media, or
    on the own voice of a compiled page or an unnamed outlet."""
    single = not row.corroborated_by
    unaccountable = row.voice == "own" and row.source_type in UNACCOUNTABLE
    return single and (row.source_kind in PARTY_SOURCE_KINDS or row.source_type == STATE_MEDIA or unaccountable)


def attribution(row):
    """``according to ...``: the source in words, the state-media outlet that carried it folded in
    (see :func:`twokoreas.phrases.source`)."""
    return according_to(row)
