"""Pandera schemas built from the table registry, and their failures as located problems.

Each table is checked in two passes: its own columns (types, vocabularies, uniqueness, the
table's row rules), then, once those hold, against the article texts (spans read back their
mention, the cleaner agrees with the stored value, dates lie within the article's). A row-level
check's name is ``field: problem`` so a failure names its field.
"""

import re

import pandas as pd
import pandera.pandas as pa

from . import registry
from ..errors import DataError
from ..text.sentences import sentence_around
from ..text.verify import claim_disagreement, cleaner_reads

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _one_of(values):
    return pa.Check.isin(values, error=f"must be one of: {', '.join(values)}")


def _is_date(s):
    return pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna() | (s == "")


def _column(column, extra=()):
    """A pandera column from a registry column (plus any cross-table ``extra`` checks)."""
    checks = list(extra)
    if column.type in ("integer", "number"):
        if column.minimum is not None:
            checks.append(pa.Check.ge(column.minimum))
        if column.maximum is not None:
            checks.append(pa.Check.le(column.maximum))
        dtype = "int64" if column.type == "integer" else "float64"
        return pa.Column(dtype, checks, nullable=not column.required, coerce=True, unique=column.unique)
    if column.required:
        checks.append(pa.Check.str_length(min_value=1, error="missing value"))
    if column.vocab:
        values = column.vocab + (() if column.required else ("",))
        checks.append(_one_of(values))
    if column.pattern:
        checks.append(pa.Check.str_matches(column.pattern if column.required else f"{column.pattern}|^$"))
    if column.type == "date":
        checks.append(pa.Check(_is_date, error="not a valid YYYY-MM-DD date"))
    if column.type == "year-month":
        checks.append(pa.Check.str_matches(registry.YEAR_MONTH + "|^$"))
    return pa.Column(str, checks, unique=column.unique)


def _row_check(field, problem, predicate):
    """A check over whole rows, reported as ``field: problem``."""
    return pa.Check(lambda df: df.apply(predicate, axis=1).astype(bool), name=f"{field}: {problem}")


def _span_order():
    return _row_check("end", "end must be after start", lambda r: r.start < r.end)


def _interval_order(prefix="date"):
    first, last = f"{prefix}_earliest", f"{prefix}_latest"
    return _row_check(
        last, f"{last} is before {first}", lambda r: getattr(r, last) == "" or getattr(r, first) <= getattr(r, last)
    )


def _voice_rule():
    return _row_check(
        "voice",
        "the own voice is `own reporting` or `unattributed ...`, and only it",
        lambda r: (
            (r.voice == "own") == (r.attributed_to == "own reporting" or r.attributed_to.startswith("unattributed"))
        ),
    )


ROW_RULES = {
    "articles": [
        _row_check("body_end", "body_end must be after body_start", lambda r: r.body_start < r.body_end),
        _interval_order("published"),
        _row_check(
            "published_latest",
            "a printed or updated date has equal bounds",
            lambda r: r.published_basis == "inferred" or r.published_earliest == r.published_latest,
        ),
        _row_check(
            "published_latest_evidence",
            "a latest date needs its evidence",
            lambda r: (r.published_latest == "") == (r.published_latest_evidence == ""),
        ),
    ],
    "boilerplate": [],
    "claims": [
        _row_check(
            "value_low", "bounds out of order (value_low > value_high)", lambda r: not (r.value_low > r.value_high)
        ),
        _row_check(
            "value", "value outside its bounds", lambda r: not (r.value < r.value_low or r.value > r.value_high)
        ),
        _span_order(),
        _interval_order(),
        _voice_rule(),
        _row_check(
            "note",
            "a value read by the reviewer says in the note how it was read",
            lambda r: r.read_by != "reviewer" or r.note.strip() != "",
        ),
        _row_check(
            "aid_status",
            "missing: an aid figure (theme aid) says what happened to the money",
            lambda r: r.theme != "aid" or r.aid_status != "",
        ),
        _row_check(
            "aid_status",
            "must be empty: only an aid figure (theme aid) has one",
            lambda r: r.theme == "aid" or r.aid_status == "",
        ),
        pa.Check(
            lambda df: df.groupby("fact_key").figure_kind.transform("nunique") == 1,
            name="figure_kind: the claims of one fact_key count one kind of figure; make them agree",
        ),
        _row_check(
            "aid_status_words",
            "a status needs the words that say it, and only a status does",
            lambda r: (r.aid_status == "") == (r.aid_status_words == ""),
        ),
    ],
    "not_quantities": [_span_order()],
    "events": [
        _span_order(),
        _interval_order(),
        _voice_rule(),
        _row_check(
            "claimed_status",
            "an alleged event says what is alleged, and only it",
            lambda r: (r.status == "alleged") == (r.claimed_status != ""),
        ),
    ],
    "chronology": [_interval_order()],
    "un_votes": [_row_check("date_latest", "not after date", lambda r: r.date_latest == "" or r.date < r.date_latest)],
    "cross_check": [
        _row_check(
            "first_month",
            "months are required for a measure and must be empty for none",
            lambda r: (r.measure == "none") == (r.first_month == "" and r.last_month == ""),
        ),
        _row_check("last_month", "last_month before first_month", lambda r: r.first_month <= r.last_month),
        _row_check(
            "last_month_latest",
            "empty, or a month after last_month",
            lambda r: r.last_month_latest == "" or r.last_month_latest > r.last_month,
        ),
    ],
    "codebook": [
        _row_check(
            "code",
            "a rung's code must be a whole number from 0 to 7",
            lambda r: r.kind != "rung" or (r.code.isdigit() and int(r.code) <= 7),
        )
    ],
    "markers": [],
}


def _compiles(pattern):
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def schema(name, known=None, rungs=None, statuses=None):
    """The column schema of table ``name``. ``known`` maps a column to ``(values, error)``: the values it must
    take from another table; ``rungs`` and ``statuses`` are the codebook's, for events."""
    table = registry.table(name)
    known = known or {}
    columns = {}
    for column in table.columns:
        extra = []
        if column.name in known:
            values, message = known[column.name]
            extra.append(pa.Check.isin(values, error=message))
        columns[column.name] = _column(column, extra)
    if name == "markers":
        columns["pattern"] = pa.Column(
            str, pa.Check(lambda s: s.map(_compiles), error="not a valid regular expression")
        )
    if rungs is not None:
        columns["rung"] = pa.Column(
            "int64", pa.Check(lambda s: s.abs().isin(rungs), error="|rung| is not a codebook rung"), coerce=True
        )
    if statuses is not None:
        columns["status"] = pa.Column(str, pa.Check.isin(statuses, error="status is not in the codebook"))
    unique = list(table.key) if len(table.key) > 1 else None
    checks = list(ROW_RULES.get(name, []))
    if name == "kiel_release":
        checks.append(pa.Check(lambda df: len(df) == 1, error="exactly one release row"))
    return pa.DataFrameSchema(columns, checks=checks, unique=unique, strict=table.strict, ordered=table.strict)


def _span_reads(texts, column="mention"):
    """The span lies within its article (slicing would stop quietly at the end) and reads ``column``."""
    return [
        _row_check("end", "past the end of the article text", lambda r: r.end <= len(texts[r.article_id])),
        _row_check(
            column,
            f"span does not read the {column} in the article",
            lambda r: texts[r.article_id][r.start : r.end] == getattr(r, column),
        ),
    ]


def articles_text_schema(texts):
    """Each article's evidence, title and body span against its text."""

    def inside(r, value):
        return value in ("", "unknown") or value in texts[r.article_id]

    return pa.DataFrameSchema(
        checks=[
            _row_check(
                "published_earliest_evidence",
                "not found in the article text",
                lambda r: inside(r, r.published_earliest_evidence),
            ),
            _row_check(
                "published_latest_evidence",
                "not found in the article text",
                lambda r: inside(r, r.published_latest_evidence),
            ),
            _row_check("outlet_evidence", "not found in the article text", lambda r: inside(r, r.outlet_evidence)),
            _row_check("title", "not found in the article text", lambda r: inside(r, r.title)),
            _row_check(
                "body_end", "past the end of the article text", lambda r: r.body_end <= len(texts[r.article_id])
            ),
        ]
    )


def _within_article(articles):
    """Row checks: a date interval lies within what its article's own dates allow."""
    latest = dict(zip(articles.article_id, articles.published_latest))

    def not_after(r):
        bound = latest[r.article_id]
        if bound == "":
            return True
        return r.date_earliest <= bound and r.date_latest != "" and r.date_latest <= bound

    return [
        _row_check(
            "date_latest",
            "later than the article's latest possible date (or open where the article is bounded)",
            not_after,
        ),
        _row_check(
            "date_latest",
            "a date bounded by article must end at the article's latest date",
            lambda r: r.date_basis != "bounded by article" or r.date_latest == latest[r.article_id],
        ),
    ]


def claims_text_schema(texts, articles):
    """Each claim against its article: the span reads the mention, the cleaner agrees with the values, its
    dates lie within the article's."""
    return pa.DataFrameSchema(
        checks=[
            *_span_reads(texts),
            _row_check(
                "value",
                "the cleaner's parse of the mention disagrees with value, bounds, qualifier or unit",
                lambda r: (
                    (r.read_by == "reviewer" and cleaner_reads(r.mention))  # named by read_by
                    or claim_disagreement(r, texts[r.article_id]) is None
                ),
            ),
            _row_check(
                "read_by",
                "the cleaner reads this mention, so read_by must be cleaner and its parse is checked",
                lambda r: r.read_by != "reviewer" or not cleaner_reads(r.mention),
            ),
            *_within_article(articles),
            _row_check(
                "aid_status_words",
                "not found in the figure's sentence",
                lambda r: r.aid_status_words in sentence_around(texts[r.article_id], r.start, r.end),
            ),
        ]
    )


def events_text_schema(texts, articles):
    """Each event's span reads its quote in the article, and its dates lie within the article's."""
    return pa.DataFrameSchema(checks=[*_span_reads(texts, "quote"), *_within_article(articles)])


def markers_text_schema(texts):
    """Each marker's pattern must not match the empty string and must match somewhere in the corpus."""
    corpus = "\n".join(texts.values())
    return pa.DataFrameSchema(
        checks=[
            _row_check("pattern", "matches the empty string", lambda r: re.fullmatch(r.pattern, "") is None),
            _row_check(
                "pattern", "matches nothing in the articles", lambda r: re.search(r.pattern, corpus) is not None
            ),
        ]
    )


def spans_text_schema(texts, column="mention"):
    """A span table's rows against the article texts."""
    return pa.DataFrameSchema(checks=_span_reads(texts, column))


STRUCTURE = {
    "column_in_dataframe": "missing column",
    "column_in_schema": "unexpected column",
    "column_ordered": "column out of order",
}
TYPE_NAMES = {"int64": "not a whole number", "float64": "not a number"}


def _type_problem(check):
    """``not a whole number`` for pandera's ``coerce_dtype('int64')`` or ``dtype('int64')``; None for other checks."""
    for prefix in ("coerce_dtype('", "dtype('"):
        if check.startswith(prefix):
            dtype = check[len(prefix) :].rstrip("')")
            return TYPE_NAMES.get(dtype, f"not of type {dtype}")
    return None


def _first_kind(cases):
    """The failures that say what is wrong, and no more: a missing or unexpected column first (then every
    other check is about columns that are not there), then cells of the wrong type (then the other checks ran
    on text, and their failures are internal exception text), then everything else."""
    checks = cases.check.astype(str)
    structure = checks.isin(STRUCTURE)
    if structure.any():
        return cases[structure]
    typed = checks.map(lambda c: _type_problem(c) is not None)
    return cases[typed] if typed.any() else cases


def failures(frame, schema, file):
    """Validate ``frame``; return (coerced frame or None, problems as DataErrors, one per row and check).

    A row's index is its real line in the file (the loaders read a table so)."""
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as err:
        cases = _first_kind(err.failure_cases)
    problems, seen = [], set()
    for case in cases.itertuples():
        check = str(case.check)
        if case.schema_context == "DataFrameSchema" and ": " in check:
            field, _, problem = check.partition(": ")  # a row check, named "field: problem"
        else:
            field, problem = case.column, check
        if check in STRUCTURE:
            field, problem = case.failure_case, STRUCTURE[check]
        elif _type_problem(check):
            problem = f"{_type_problem(check)} (got {case.failure_case!r})"
        elif problem == check and case.schema_context == "Column":
            problem = f"{check} (got {case.failure_case!r})"
        row = None if pd.isna(case.index) else int(case.index)
        key = (row, field, problem)
        if key not in seen:
            seen.add(key)
            problems.append(DataError(file, problem, row=row, field=None if pd.isna(field) else field))
    return None, sorted(problems, key=lambda p: (p.row or 0, str(p.field)))
