"""Every table under ``data/``, declared once: file, role, columns, key and the tables it points at.

The pandera schemas (:mod:`twokoreas.data.schemas`), the loaders' derived columns, the README's data
dictionary, ``data/datapackage.json`` and the site's downloads all come from :data:`TABLES`, so adding
a column to a table is one edit here (and the data).
"""

from dataclasses import dataclass, field, replace

from . import vocab

ID = r"^[A-Za-z0-9_.-]+$"
SHA256 = r"^[0-9a-f]{64}$"
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
ISO3 = r"^[A-Z]{2,3}$"
URL = r"^https?://\S+$"  # a web address: never javascript:, data: or a file path


@dataclass(frozen=True)
class Column:
    """One column: its type (``string``, ``integer``, ``number``, ``date``, ``year-month``, ``ids``: a
    ``;``-separated list), a one-line description, and its constraints."""

    name: str
    type: str
    description: str
    vocab: tuple = None
    required: bool = True
    unique: bool = False
    pattern: str = None
    minimum: float = None
    maximum: float = None
    verbatim: bool = False  # a whole sentence of a text: the public site's download leaves it out (see public)


@dataclass(frozen=True)
class Reference:
    """``column`` of this table holds values of ``other_column`` in table ``table`` (checked first); ``error``
    is the problem a value not there is reported as."""

    column: str
    table: str
    other_column: str
    error: str = None

    @property
    def problem(self):
        return self.error or f"unknown {self.column}"


@dataclass(frozen=True)
class Table:
    """One file under ``data/``: what it holds, its columns and key, the columns loaders add."""

    name: str
    file: str
    role: str
    description: str
    columns: tuple
    key: tuple = ()
    references: tuple = ()
    derived: dict = field(default_factory=dict)
    strict: bool = True  # False for a third party's file: other columns are allowed, read by name

    @property
    def reviewed(self):
        """True when the table's rows carry a ``review`` state (drafts from ``twokoreas add``)."""
        return "review" in self.column_names

    def column(self, name):
        """The declared column called ``name``."""
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self):
        return [c.name for c in self.columns]


def _span(what):
    return (
        Column("start", "integer", f"offset of the first character of the {what} (Python string index)", minimum=0),
        Column("end", "integer", f"offset just past the last character of the {what}", minimum=1),
    )


def _dates(what):
    return (
        Column("date_earliest", "date", f"earliest date {what} can hold, ISO"),
        Column(
            "date_latest",
            "date",
            f"latest date {what} can hold, ISO; empty when nothing bounds it above",
            required=False,
        ),
        Column(
            "date_basis",
            "string",
            "how the interval is known: `printed` (the text prints it), `inferred` "
            "(reasoned from the calendar, another text or the public record), `bounded by article` (undated: "
            "the article's own dates and context bound it)",
            vocab=vocab.DATE_BASES,
        ),
        Column("date_evidence", "string", "the words or reasoning that fix each bound"),
    )


def _review():
    return Column(
        "review",
        "string",
        "`draft` when `twokoreas add` wrote the row and no person has checked it yet; "
        "`reviewed` once one has. Drafts are never loaded, and `check` fails while any remain",
        vocab=vocab.REVIEW_STATES,
    )


def _sources(what):
    return (
        Column("attributed_to", "string", f"whom the article credits for the {what}; `own reporting` in its own voice"),
        Column(
            "voice",
            "string",
            "`own` (the outlet's voice), `quoted` (in quotation marks), `paraphrased` (reported speech)",
            vocab=vocab.VOICES,
        ),
        Column(
            "source_kind",
            "string",
            "what kind of source the figure rests on; `media` for the outlet itself",
            vocab=vocab.SOURCE_KINDS,
        ),
        Column(
            "corroborated_by",
            "ids",
            "claims or events from an independent source stating the same fact "
            "(`;`-separated claim or event ids); empty = single-source",
            required=False,
        ),
    )


ARTICLES = Table(
    "articles",
    "articles.csv",
    "raw",
    "One row per article of the corpus: the file and its SHA-256, outlet, source type, and the publication "
    "date as an interval with its evidence.",
    (
        Column("article_id", "string", "the file stem", unique=True, pattern=ID),
        Column("file", "string", "path under `data/`", pattern=r"^raw/articles/[^/]+\.txt$"),
        Column("sha256", "string", "SHA-256 of the file's bytes; a changed file is refused", pattern=SHA256),
        Column("outlet", "string", "the publisher named in the text, or `unknown`"),
        Column("outlet_evidence", "string", "the words that name it (empty when unknown)", required=False),
        Column("title", "string", "the headline in the text, or `unknown`"),
        Column("kind", "string", "the kind of text", vocab=vocab.ARTICLE_KINDS),
        Column("source_type", "string", "what kind of outlet published it", vocab=vocab.SOURCE_TYPES),
        Column(
            "outlet_description",
            "string",
            "the outlet in a phrase for source lines and prose, e.g. `Russian state media`",
        ),
        Column("reliability_note", "string", "what is known of who wrote it and how far its own voice can be trusted"),
        Column("published_earliest", "date", "earliest date the text (in the version held) can be from"),
        Column("published_latest", "date", "latest date it can be from; empty when nothing bounds it", required=False),
        Column(
            "published_basis",
            "string",
            "`printed` (a publication date), `updated` (an update date printed), `inferred`",
            vocab=vocab.PUBLISHED_BASES,
        ),
        Column("published_earliest_evidence", "string", "the span of the text that fixes the earliest date"),
        Column(
            "published_latest_evidence",
            "string",
            "the span that fixes the latest date (empty when unbounded)",
            required=False,
        ),
        Column("published_note", "string", "the reasoning, with any outside record used"),
        Column("body_start", "integer", "offset where the article body starts", minimum=0),
        Column("body_end", "integer", "offset just past the body", minimum=1),
        Column(
            "url",
            "string",
            "where the text was published, when known (`http(s)://`, no spaces)",
            required=False,
            pattern=URL,
        ),
        _review(),
    ),
    key=("article_id",),
    derived={
        "text": "the article's text, read from `file` after its SHA-256 is checked",
        "body": "the text from `body_start` to `body_end`",
        "body_words": "words in the body",
        "label": "short id and outlet, e.g. `000 · Sputnik`",
        "published_label": "the publication interval in words, e.g. `12 Oct – 31 Dec 2022` or `24 Oct 2024 or later`",
        "source_label": "outlet and its description for source lines, e.g. `Sputnik, Russian state media`",
    },
)

BOILERPLATE = Table(
    "boilerplate",
    "boilerplate.csv",
    "curated",
    "Non-content ranges of the articles (datelines, footers, prompts), marked rather than deleted.",
    (
        Column("article_id", "string", "the article"),
        *_span("range"),
        Column("part", "string", "what the range is (dateline, copyright footer, newsletter prompt, ...)"),
        Column("text", "string", "the range's text, checked against the article"),
    ),
    key=("article_id", "start"),
    references=(Reference("article_id", "articles", "article_id"),),
)

CLAIMS = Table(
    "claims",
    "claims.csv",
    "curated",
    "One row per quantitative mention in the articles, with its span, value, bounds, source and date interval.",
    (
        Column("claim_id", "string", "`NNN-MM`: article number and running number", unique=True, pattern=ID),
        Column("article_id", "string", "the article"),
        *_span("mention"),
        Column("mention", "string", "hedge + number + scale + currency or percent, as printed"),
        Column("value", "number", "the point value; empty for ranges and vague magnitudes", required=False),
        Column("value_low", "number", "the lower bound the words commit to; empty = unbounded", required=False),
        Column("value_high", "number", "the upper bound the words commit to; empty = unbounded", required=False),
        Column("qualifier", "string", "the hedge", vocab=vocab.QUALIFIERS),
        Column("unit", "string", "what the number counts in", vocab=vocab.UNITS),
        Column(
            "read_by",
            "string",
            "who read the value from the mention: `cleaner` (checked against the "
            "cleaner's parse) or `reviewer` (a mention the cleaner cannot read, such as `6.8m euros`; the note "
            "says how it was read)",
            vocab=vocab.READERS,
        ),
        Column("theme", "string", "the notebook theme", vocab=vocab.THEMES),
        Column("quantity_of", "string", "what is counted, in a phrase"),
        Column(
            "figure_kind",
            "string",
            "what the figure counts, which notebooks choose rows by: `in place`, `total "
            'sent`, `planned or pledged`, `increment` ("an additional ..."), `killed or wounded`, `part of '
            "another figure`, `share`, `duration`, `other`",
            vocab=vocab.FIGURE_KINDS,
        ),
        Column("actor", "string", "whose figure it is", vocab=vocab.ACTORS),
        Column("recipient", "string", "to whom, where it is a flow", vocab=vocab.ACTORS, required=False),
        *_sources("figure"),
        *_dates("the figure"),
        Column("stated_date", "date", "when the credited source said it, where the text says", required=False),
        Column(
            "fact_key",
            "string",
            "the same fact wherever reported; a revised estimate is a new fact",
            pattern=r"^[a-z0-9_]+$",
        ),
        Column(
            "aid_status",
            "string",
            "for an aid figure (and only for one): what the text says happened to the money",
            vocab=vocab.AID_STATUSES,
            required=False,
        ),
        Column(
            "aid_status_words",
            "string",
            "the words of the figure's sentence that say so ('has sent', 'pledged')",
            required=False,
        ),
        Column("note", "string", "anything a reader should know", required=False),
        _review(),
    ),
    key=("claim_id",),
    references=(Reference("article_id", "articles", "article_id"),),
    derived={
        "article": "the article's three-digit number",
        "outlet": "the article's outlet",
        "source_label": "the article's outlet and source type",
        "published_label": "the article's publication interval in words",
        "figure": "the value as the article words it (`about 1,500`, `an estimated 10,000 to 13,000`)",
        "credit": "whom the article credits, or the outlet in its own voice",
        "date_label": "the figure's date interval in words",
        "needs_attribution": "single-source figure from a party to the war or from state media: prose must "
        "name its source",
        "attribution": "`according to ...`: the source and its type, which prose carries when needed",
    },
)

NOT_QUANTITIES = Table(
    "not_quantities",
    "not_quantities.csv",
    "curated",
    "Every other number the coverage check finds in the texts (digit runs and cardinal number words; ordinals "
    'such as "first" and words such as "several" are not listed), with the reason it is not a quantity.',
    (
        Column("token_id", "string", "`NNN-nMM`", unique=True, pattern=ID),
        Column("article_id", "string", "the article"),
        *_span("token"),
        Column("mention", "string", "the token as printed"),
        Column("reason", "string", "why it is not a quantity", vocab=vocab.NOT_QUANTITY_REASONS),
        Column("note", "string", "anything a reader should know", required=False),
        _review(),
    ),
    key=("token_id",),
    references=(Reference("article_id", "articles", "article_id"),),
)

FACT_RELATIONS = Table(
    "fact_relations",
    "fact_relations.csv",
    "curated",
    "How facts relate across and within texts: revisions, refinements, agreements and conflicts.",
    (
        Column("fact_key", "string", "a fact in claims.csv"),
        Column("relation", "string", "how it relates to the other", vocab=vocab.FACT_RELATIONS),
        Column("other_fact_key", "string", "the other fact"),
        Column("explanation", "string", "why, with the texts' words"),
    ),
    key=("fact_key", "other_fact_key"),
    references=tuple(
        Reference(column, "claims", "fact_key", "unknown fact_key (not in claims.csv)")
        for column in ("fact_key", "other_fact_key")
    ),
)

CROSS_CHECK = Table(
    "cross_check",
    "cross_check.csv",
    "curated",
    "For each South Korean aid claim, the Kiel tracker measure and months it is held against, or why none.",
    (
        Column("claim_id", "string", "the claim", unique=True),
        Column("measure", "string", "the tracker measure", vocab=vocab.CROSS_CHECK_MEASURES),
        Column("first_month", "year-month", "first tracker month held against (empty for none)", required=False),
        Column("last_month", "year-month", "last tracker month held against (empty for none)", required=False),
        Column(
            "last_month_latest",
            "year-month",
            "where the claim's date allows a later end: the latest month the "
            "window can end, so the tracker's figure is a range (empty when the end is known)",
            required=False,
        ),
        Column("reason", "string", "why that period, or why no match"),
        _review(),
    ),
    key=("claim_id",),
    references=(Reference("claim_id", "claims", "claim_id", "unknown claim_id (not in claims.csv)"),),
)

EXCHANGE_RATES = Table(
    "exchange_rates",
    "exchange_rates.csv",
    "reference",
    "ECB yearly average US dollars per euro, the mean of the ECB's daily reference rates (`make rates`), for every "
    "year of the tracker release.",
    (
        Column("year", "integer", "calendar year", unique=True, minimum=1999, maximum=2100),
        Column(
            "usd_per_eur",
            "number",
            "US dollars per euro, yearly average (for a year not over: the months the source names)",
            minimum=0.5,
            maximum=2.0,
        ),
        Column("source", "string", "the days averaged, and the file: package version and SHA-256"),
    ),
    key=("year",),
)

REFERENCE_FILES = Table(
    "reference_files",
    "reference_files.csv",
    "reference",
    "Every file under `data/reference/`, with its SHA-256, publisher, release and citation.",
    (
        Column("file", "string", "path under `data/`", unique=True, pattern=r"^reference/[^.]+.*$"),
        Column("sha256", "string", "SHA-256 of the file's bytes", pattern=SHA256),
        Column("publisher", "string", "who publishes it"),
        Column("release", "string", "which release"),
        Column("cite_as", "string", "how to cite it"),
    ),
    key=("file",),
)

DONOR_REGIONS = Table(
    "donor_regions",
    "donor_regions.csv",
    "reference",
    "The Kiel tracker's donors with their region.",
    (
        Column("iso", "string", "ISO 3166 alpha-3 code (or the tracker's code)", unique=True, pattern=ISO3),
        Column("country", "string", "the donor"),
        Column("region", "string", "its region", vocab=vocab.REGIONS),
    ),
    key=("iso",),
)

CODEBOOK = Table(
    "codebook",
    "codebook.csv",
    "curated",
    "The support ladder's rungs (0-7) and the statuses, with definitions and examples.",
    (
        Column("kind", "string", "`rung` or `status`", vocab=vocab.CODEBOOK_KINDS),
        Column("code", "string", "the rung number or status name"),
        Column("label", "string", "short label"),
        Column("definition", "string", "what it covers"),
        Column("examples", "string", "examples from the articles", required=False),
    ),
    key=("kind", "code"),
)

EVENTS = Table(
    "events",
    "events.csv",
    "curated",
    "Stance-relevant actions and statements, coded on the codebook, each with its supporting span and date interval.",
    (
        Column("event_id", "string", "`E` and a number", unique=True, pattern=ID),
        *_dates("the event"),
        Column("actor", "string", "who acted", vocab=vocab.ACTORS),
        Column("action", "string", "what was done, in a phrase"),
        Column("category", "string", "kind of action", vocab=vocab.EVENT_CATEGORIES),
        Column("rung", "integer", "signed rung: + toward Ukraine, − toward Russia"),
        Column("status", "string", "done, announced, considered, denied, alleged or withdrawn (codebook)"),
        Column("article_id", "string", "the article"),
        *_span("quote"),
        Column("quote", "string", "the supporting sentence, checked against the text", verbatim=True),
        *_sources("event"),
        Column("note", "string", "anything a reader should know", required=False),
        Column(
            "source_actor",
            "string",
            "whose word the event rests on: the state or body whose government, "
            "official, agency or state media says it, or `none` (media in their own voice, activists, "
            "interviewees, unnamed governments); the corroboration rule of the codebook reads it",
            vocab=vocab.SOURCE_ACTORS,
        ),
        Column(
            "claimed_status",
            "string",
            "for an `alleged` event, what is alleged (done, announced or considered); empty otherwise",
            vocab=vocab.CLAIMED_STATUSES,
            required=False,
        ),
        Column(
            "responds_to",
            "ids",
            "events the text itself presents this one as a response to (`;`-separated); "
            "empty = the text makes no such link",
            required=False,
        ),
        Column(
            "record_ids",
            "ids",
            "rows of the public record that record the same act: a chronology "
            "`record_id` or a UN vote's `resolution` (`;`-separated)",
            required=False,
        ),
        Column(
            "cameo_code", "string", "CAMEO event code (the codebook's crosswalk from the ladder)", pattern=r"^\d{2,4}$"
        ),
        Column("cameo_target", "string", "CAMEO target actor: whom the act is aimed at", vocab=vocab.ACTORS),
        Column(
            "ends_by",
            "date",
            "for an intention whose object has a time limit (aid pledged for one year), the "
            "last day of that limit, when the intention ends at the latest; empty otherwise",
            required=False,
        ),
    ),
    key=("event_id",),
    references=(Reference("article_id", "articles", "article_id"),),
    derived={
        "outlet": "the article's outlet",
        "published_label": "the article's publication interval",
        "date_label": "the event's date interval in words",
        "goldstein": "the Goldstein weight of `cameo_code` (data/reference/cameo/goldstein_scale.csv)",
    },
)

MARKERS = Table(
    "markers",
    "markers.csv",
    "curated",
    'Lexical framing markers ("Kiev"/"Kyiv", "special military operation"/"invasion"), each a regular expression.',
    (
        Column("marker", "string", "the marker's name", unique=True),
        Column("pattern", "string", "a Python regular expression"),
        Column("framing", "string", "whose usage it marks", vocab=vocab.MARKER_FRAMINGS),
        Column("note", "string", "why it marks that framing"),
    ),
    key=("marker",),
)

ACTOR_SAMPLE = Table(
    "actor_sample",
    "actor_sample.csv",
    "curated",
    "A hand-labelled sample of the texts' sentences (every fifth, from the third): which Korea each is about, "
    "to check the actor detector against.",
    (
        Column("article_id", "string", "the article"),
        Column("sentence", "string", "the sentence, as the splitter gives it", verbatim=True),
        Column(
            "about",
            "string",
            "the Korea whose actions or positions the sentence reports (a Korean source "
            "cited only as a source does not count)",
            vocab=vocab.SENTENCE_FOCUS,
        ),
        Column("note", "string", "why, where the sentence does not name it", required=False),
    ),
    key=("article_id", "sentence"),
    references=(Reference("article_id", "articles", "article_id"),),
)

KIEL_FILE = "reference/kiel-ukraine-support-tracker/data_explorer.csv"
KIEL_MEASURES = ("total", "financial", "humanitarian", "military", "commitments", "to_be_allocated")

KIEL_TRACKER = Table(
    "kiel_tracker",
    KIEL_FILE,
    "reference",
    "The Kiel Institute's Ukraine Support Tracker (Release 29), unchanged: allocations in € billion by donor "
    "and month.",
    (
        Column("country", "string", "donor"),
        Column("iso", "string", "donor code", pattern=ISO3),
        Column("year", "integer", "year", minimum=2022, maximum=2100),
        Column("month", "integer", "month", minimum=1, maximum=12),
        *(Column(m, "number", f"{m.replace('_', ' ')}, € billion") for m in KIEL_MEASURES),
        Column("gdp", "number", "donor GDP, € billion (the tracker's)"),
        Column("pct_gdp", "number", "total as a share of GDP, percent"),
    ),
    key=("iso", "year", "month"),
    strict=False,
    derived={"release": "the tracker release", "cite_as": "how to cite it", "month_start": "first day of the month"},
)

KIEL_RELEASE = Table(
    "kiel_release",
    "reference/kiel-ukraine-support-tracker/release_info.csv",
    "reference",
    "The tracker release: one row.",
    (
        Column("release", "string", "release number"),
        Column("period", "string", "last month covered, MM/YYYY"),
        Column("date", "date", "release date"),
        Column("label", "string", "how the tracker names the release"),
    ),
    strict=False,
)

UN_VOTES = Table(
    "un_votes",
    "reference/public-record/un_votes.csv",
    "reference",
    "The UN General Assembly's recorded votes on Ukraine resolutions, 2022-2025 (the eleventh emergency special "
    "session and the regular sessions): totals and each Korea's vote as a UN record gives them, each row citing "
    "its UN record; a row no UN record confirms is marked unconfirmed.",
    (
        Column(
            "resolution",
            "string",
            "the resolution's symbol, e.g. `A/RES/ES-11/1`",
            unique=True,
            pattern=r"^A/RES/[A-Z0-9/-]+$",
        ),
        Column("date", "date", "day of the vote; the first day it can be dated to when `date_latest` is filled"),
        Column(
            "date_latest",
            "date",
            "the last day the vote can be dated to, when no page read gives its day; empty when `date` is the day",
            required=False,
        ),
        Column("title", "string", "the resolution's title"),
        Column("session", "string", "the Assembly session that voted"),
        *(
            Column(
                c,
                "number",
                f"{label}, as the UN record read gives them; empty when none does",
                required=False,
                minimum=0,
                maximum=193,
            )
            for c, label in (
                ("yes", "votes in favour"),
                ("no", "votes against"),
                ("abstain", "abstentions"),
                ("absent", "members recorded as not voting"),
            )
        ),
        *(
            column
            for k, name in (("rok", "South Korea"), ("dprk", "North Korea"))
            for column in (
                Column(
                    f"{k}_vote",
                    "string",
                    f"{name}'s vote as the UN record read lists it; empty when it does not",
                    vocab=vocab.VOTES,
                    required=False,
                ),
                Column(
                    f"{k}_basis",
                    "string",
                    f"how {name}'s vote is known: `listed` by the UN record read, `not named "
                    "against` (the record names those against; the rest of its lists could not be read) or "
                    "`unconfirmed`",
                    vocab=vocab.VOTE_BASES,
                ),
            )
        ),
        Column(
            "un_record_url",
            "string",
            "the UN record of the vote (meetings coverage, Digital Library voting "
            "record, verbatim record or UN information centre); empty when none was found",
            required=False,
            pattern=r"^https://(press\.un\.org|digitallibrary\.un\.org|unric\.org|documents\.un\.org)/\S+$",
        ),
        Column(
            "un_record_read",
            "string",
            "`yes` when the values come from that UN record as read; `no` marks the "
            "row unconfirmed: never drawn as a vote",
            vocab=("yes", "no"),
        ),
        Column(
            "transcribed_from",
            "string",
            "the pages the values were read from (` ; `-separated URLs)",
            pattern=r"^https?://\S+( ; https?://\S+)*$",
        ),
        Column("note", "string", "what each page gave, and what could not be confirmed"),
    ),
    key=("resolution",),
)

CHRONOLOGY = Table(
    "chronology",
    "reference/public-record/chronology.csv",
    "reference",
    "Key state actions on the public record (official statements and agency reports), each dated, with its source URL.",
    (
        Column("record_id", "string", "`R` and a number", unique=True, pattern=r"^R\d{2}$"),
        Column("date_earliest", "date", "first day the action can be dated to"),
        Column("date_latest", "date", "last day (equal to the first for a known day)"),
        Column("actor", "string", "who acted", vocab=vocab.ACTORS),
        Column("action", "string", "what was done, in a phrase"),
        Column("source", "string", "who reports it, and whom they cite"),
        Column(
            "source_actor",
            "string",
            "whose word it rests on (as in events.csv): the state or body whose "
            "government, official, agency or state media says it, or `none`",
            vocab=vocab.SOURCE_ACTORS,
        ),
        Column("source_url", "string", "the page transcribed", pattern=URL),
        Column("note", "string", "the words that date it, and any disagreement between sources", required=False),
    ),
    key=("record_id",),
)

GOLDSTEIN = Table(
    "goldstein",
    "reference/cameo/goldstein_scale.csv",
    "reference",
    "CAMEO event codes with their Goldstein conflict-cooperation weights, as GDELT publishes them.",
    (
        Column(
            "cameo_code", "string", "CAMEO event code (text: leading zeros matter)", unique=True, pattern=r"^\d{2,4}$"
        ),
        Column(
            "goldstein",
            "number",
            "weight from −10 (most conflictual) to +10 (most cooperative)",
            minimum=-10,
            maximum=10,
        ),
    ),
    key=("cameo_code",),
)

TABLES = {
    t.name: t
    for t in (
        ARTICLES,
        BOILERPLATE,
        CLAIMS,
        NOT_QUANTITIES,
        FACT_RELATIONS,
        CROSS_CHECK,
        EXCHANGE_RATES,
        REFERENCE_FILES,
        DONOR_REGIONS,
        CODEBOOK,
        EVENTS,
        MARKERS,
        ACTOR_SAMPLE,
        KIEL_TRACKER,
        KIEL_RELEASE,
        UN_VOTES,
        CHRONOLOGY,
        GOLDSTEIN,
    )
}


def public(table):
    """``table`` as the public site offers it: without its verbatim columns (whole sentences of the texts),
    with the character span of the sentence in their place where the table records none (``data/LICENSES.md``)."""
    verbatim = [c.name for c in table.columns if c.verbatim]
    if not verbatim:
        return table
    columns = [c for c in table.columns if not c.verbatim]
    if "start" not in table.column_names:
        at = table.column_names.index(verbatim[0])
        columns[at:at] = _span(verbatim[0])
    key = tuple(k for k in table.key if k not in verbatim) + (("start",) if set(verbatim) & set(table.key) else ())
    return replace(table, columns=tuple(columns), key=key)


def table(name):
    """The declared table called ``name``."""
    return TABLES[name]
