"""The controlled vocabularies of the curated tables, each named once.

The table registry (:mod:`twokoreas.data.registry`) points its columns at these; the
pandera schemas, the data dictionary and ``datapackage.json`` all read them from there.
"""

from ..text.extract import NOT_QUANTITY_PATTERNS
from ..text.numbers import QUALIFIERS, UNITS

INVASION = "2022-02-24"  # Russia's full-scale invasion: the earliest date a war-time figure can hold

ARTICLE_KINDS = ("news report", "interview-opinion", "compiled reference page")
SOURCE_TYPES = (
    "state media of a party to the war",
    "news agency",
    "newspaper",
    "compiled reference page",
    "unknown outlet",
)
PUBLISHED_BASES = ("printed", "updated", "inferred")
DATE_BASES = ("printed", "inferred", "bounded by article")
VOICES = ("own", "quoted", "paraphrased")
SOURCE_KINDS = (
    "media",
    "government of a party",
    "intelligence service of a party",
    "other government",
    "anonymous official",
    "politician or party",
    "activist or interviewee",
    "expert or analyst",
    "international organisation",
    "poll",
)
# Parties: the two sides of the war, and the two Koreas whose stances the collection measures (each is an
# interested party about itself and about the other).
PARTIES = ("Russia", "Ukraine", "DPRK", "ROK")
PARTY_SOURCE_KINDS = ("government of a party", "intelligence service of a party")
#: The Kiel tracker's code for South Korea, the donor data/cross_check.csv holds claims against.
ROK_ISO = "KOR"

# What the text says happened to an aid figure's money (claims.aid_status), in the order aid moves.
AID_STATUSES = (
    "under discussion",
    "pledged or forecast",
    "given in the year",
    "given so far",
    "received as part of a loan",
)
READERS = ("cleaner", "reviewer")  # who read a claim's value from its mention (claims.read_by)
# What a claim's figure counts (claims.figure_kind), whatever its theme: troops in Russia or volunteers at the front
# are `in place`; a cumulative or period total delivered, given or supplied is `total sent`; a plan, pledge, order
# or agreement not yet delivered is `planned or pledged`; "an additional N" is an `increment`; casualties are
# `killed or wounded`; a figure that divides another (brigades of the planned troops) is `part of another figure`.
FIGURE_KINDS = (
    "in place",
    "total sent",
    "planned or pledged",
    "increment",
    "killed or wounded",
    "part of another figure",
    "share",
    "duration",
    "other",
)
THEMES = ("aid", "munitions", "troops", "arms_trade", "opinion_constraints", "volunteers", "other")
ACTORS = ("DPRK", "ROK", "Russia", "Ukraine", "USA", "Poland", "Iran", "NATO", "UN", "ROK nationals")
# Whose word an event rests on: a state or body of ACTORS, or `none` (media in their own voice, activists,
# interviewees, unnamed governments).
SOURCE_ACTORS = ACTORS + ("none",)
CLAIMED_STATUSES = ("done", "announced", "considered")
VOTES = ("yes", "no", "abstain", "absent")
# How a Korea's UN vote is known (un_votes.rok_basis, dprk_basis).
VOTE_BASES = ("listed", "not named against", "unconfirmed")
NOT_QUANTITY_REASONS = tuple(r for r, _ in NOT_QUANTITY_PATTERNS) + (
    "pronoun or determiner",
    "referring expression",
    "not a quantity",
)
FACT_RELATIONS = ("revises", "refines", "consistent_with", "conflicts_with", "differs_from", "context_for")
EVENT_CATEGORIES = ("diplomatic", "economic", "humanitarian", "military", "warning", "confirmation")
CODEBOOK_KINDS = ("rung", "status")
KIEL_MEASURES = ("total", "financial", "humanitarian", "military")
CROSS_CHECK_MEASURES = KIEL_MEASURES + ("none",)
REGIONS = ("Europe", "EU institutions", "Asia-Pacific", "North America")
MARKER_FRAMINGS = ("Russian usage", "Ukrainian usage", "Western usage", "loaded")
SENTENCE_FOCUS = ("DPRK", "ROK", "both", "neither")
TABLE_ROLES = ("raw", "curated", "reference")
REVIEW_STATES = ("reviewed", "draft")

__all__ = [name for name in dir() if name.isupper()] + ["QUALIFIERS", "UNITS"]
