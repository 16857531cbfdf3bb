"""Pandera schemas for every curated table, and their failures as located problems.

Each table is checked in two passes: its own columns (types, vocabularies,
uniqueness), then, once those hold, against the article texts (spans read
back their mention, the cleaner agrees with the stored value). A row-level
check's name is ``field: problem`` so a failure names its field.
"""

import math
import re

import pandas as pd
import pandera.pandas as pa

from .errors import DataError
from .extract import NOT_QUANTITY_PATTERNS
from .numbers import QUALIFIERS, UNITS, parse_quantity

ARTICLE_KINDS = ("news report", "interview-opinion", "compiled reference page")
DATE_PRECISIONS = ("day", "month", "year", "before")
THEMES = ("aid", "munitions", "troops", "arms_trade", "opinion_constraints", "other")
ACTORS = ("DPRK", "ROK", "Russia", "Ukraine", "USA", "Poland", "Iran", "NATO", "UN")
NOT_QUANTITY_REASONS = tuple(r for r, _ in NOT_QUANTITY_PATTERNS) + (
    "pronoun or determiner", "referring expression", "not a quantity")
FACT_RELATIONS = ("revises", "refines", "differs_from", "context_for")


def _one_of(values):
    return pa.Check.isin(values, error=f"must be one of: {', '.join(values)}")


def _text(nullable=False, **kw):
    return pa.Column(str, nullable=nullable, **kw)


def _iso_date(nullable=False):
    checks = [pa.Check(lambda s: pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna() | (s == ""),
                       error="not a valid YYYY-MM-DD date")]
    if not nullable:
        checks.append(pa.Check.str_length(min_value=1, error="missing date"))
    return pa.Column(str, checks)


def _span_columns():
    return {
        "start": pa.Column("int64", pa.Check.ge(0), coerce=True),
        "end": pa.Column("int64", pa.Check.ge(1), coerce=True),
        "mention": _text(checks=pa.Check.str_length(min_value=1)),
    }


def _row_check(field, problem, predicate):
    """A check over whole rows, reported as ``field: problem``."""
    return pa.Check(lambda df: df.apply(predicate, axis=1).astype(bool), name=f"{field}: {problem}")


def articles_schema():
    """Columns of ``data/articles.csv``."""
    return pa.DataFrameSchema({
        "article_id": _text(unique=True, checks=pa.Check.str_matches(r"^[A-Za-z0-9_.-]+$")),
        "file": _text(checks=pa.Check.str_matches(r"^raw/articles/[^/]+\.txt$")),
        "sha256": _text(checks=pa.Check.str_matches(r"^[0-9a-f]{64}$")),
        "outlet": _text(checks=pa.Check.str_length(min_value=1)),
        "outlet_evidence": _text(),
        "title": _text(checks=pa.Check.str_length(min_value=1)),
        "kind": _text(checks=_one_of(ARTICLE_KINDS)),
        "published": _iso_date(),
        "published_precision": _text(checks=_one_of(DATE_PRECISIONS)),
        "published_basis": _text(checks=_one_of(("printed", "inferred"))),
        "published_evidence": _text(checks=pa.Check.str_length(min_value=1)),
        "published_note": _text(),
        "body_start": pa.Column("int64", pa.Check.ge(0), coerce=True),
        "body_end": pa.Column("int64", pa.Check.ge(1), coerce=True),
    }, checks=[_row_check("body_end", "body_end must be after body_start", lambda r: r.body_start < r.body_end)],
        strict=True, ordered=True)


def articles_text_schema(texts):
    """Each article's evidence, title and body span against its text."""
    def inside(r, value):
        return value == "" or value == "unknown" or value in texts[r.article_id]
    return pa.DataFrameSchema(checks=[
        _row_check("published_evidence", "not found in the article text", lambda r: inside(r, r.published_evidence)),
        _row_check("outlet_evidence", "not found in the article text", lambda r: inside(r, r.outlet_evidence)),
        _row_check("title", "not found in the article text", lambda r: inside(r, r.title)),
        _row_check("body_end", "past the end of the article text", lambda r: r.body_end <= len(texts[r.article_id])),
    ])


def boilerplate_schema(article_ids):
    """Columns of ``data/boilerplate.csv``: marked non-content ranges."""
    return pa.DataFrameSchema({
        "article_id": _text(checks=pa.Check.isin(article_ids, error="unknown article_id")),
        "start": pa.Column("int64", pa.Check.ge(0), coerce=True),
        "end": pa.Column("int64", pa.Check.ge(1), coerce=True),
        "part": _text(checks=pa.Check.str_length(min_value=1)),
        "text": _text(checks=pa.Check.str_length(min_value=1)),
    }, strict=True, ordered=True)


def _optional_float():
    return pa.Column("float64", nullable=True, coerce=True)


def _parse_agrees(row):
    try:
        parsed = parse_quantity(row.mention)
    except ValueError:
        return False
    same = lambda a, b: (math.isnan(a) and math.isnan(b)) or a == b  # noqa: E731
    return (same(parsed.value, row.value) and same(parsed.low, row.value_low) and same(parsed.high, row.value_high)
            and parsed.qualifier == row.qualifier and parsed.unit in (None, row.unit))


def claims_schema(article_ids):
    """Columns of ``data/claims.csv``: one row per quantitative mention."""
    return pa.DataFrameSchema({
        "claim_id": _text(unique=True, checks=pa.Check.str_matches(r"^[A-Za-z0-9_.-]+$")),
        "article_id": _text(checks=pa.Check.isin(article_ids, error="unknown article_id")),
        **_span_columns(),
        "value": _optional_float(),
        "value_low": _optional_float(),
        "value_high": _optional_float(),
        "qualifier": _text(checks=_one_of(QUALIFIERS)),
        "unit": _text(checks=_one_of(UNITS)),
        "theme": _text(checks=_one_of(THEMES)),
        "quantity_of": _text(checks=pa.Check.str_length(min_value=1)),
        "actor": _text(checks=_one_of(ACTORS)),
        "recipient": _text(checks=_one_of(ACTORS + ("",))),
        "attributed_to": _text(checks=pa.Check.str_length(min_value=1)),
        "event_date": _iso_date(),
        "event_date_precision": _text(checks=_one_of(DATE_PRECISIONS)),
        "stated_date": _iso_date(nullable=True),
        "fact_key": _text(checks=pa.Check.str_matches(r"^[a-z0-9_]+$")),
        "note": _text(),
    }, checks=[
        _row_check("value_low", "bounds out of order (value_low > value_high)",
                   lambda r: not (r.value_low > r.value_high)),
        _row_check("value", "value outside its bounds",
                   lambda r: not (r.value < r.value_low or r.value > r.value_high)),
        _row_check("end", "end must be after start", lambda r: r.start < r.end),
    ], strict=True, ordered=True)


def _span_reads(texts, column="mention"):
    return _row_check(column, f"span does not read the {column} in the article",
                      lambda r: texts[r.article_id][r.start:r.end] == getattr(r, column))


def claims_text_schema(texts):
    """Each claim against its article: the span reads the mention, the cleaner agrees with the values."""
    return pa.DataFrameSchema(checks=[
        _span_reads(texts),
        _row_check("value", "the cleaner's parse of the mention disagrees with value, bounds, qualifier or unit",
                   _parse_agrees),
    ])


def not_quantities_schema(article_ids):
    """Columns of ``data/not_quantities.csv``: numbers in the texts that are not quantities."""
    return pa.DataFrameSchema({
        "token_id": _text(unique=True, checks=pa.Check.str_matches(r"^[A-Za-z0-9_.-]+$")),
        "article_id": _text(checks=pa.Check.isin(article_ids, error="unknown article_id")),
        **_span_columns(),
        "reason": _text(checks=_one_of(NOT_QUANTITY_REASONS)),
        "note": _text(),
    }, checks=[_row_check("end", "end must be after start", lambda r: r.start < r.end)], strict=True, ordered=True)


def boilerplate_text_schema(texts):
    """Each marked range against its article."""
    return pa.DataFrameSchema(checks=[_span_reads(texts, "text")])


def spans_text_schema(texts):
    """A span table's rows against the article texts."""
    return pa.DataFrameSchema(checks=[_span_reads(texts)])


def fact_relations_schema(fact_keys):
    """Columns of ``data/fact_relations.csv``: how facts revise, refine or differ from each other."""
    known = pa.Check.isin(fact_keys, error="unknown fact_key (not in claims.csv)")
    return pa.DataFrameSchema({
        "fact_key": _text(checks=known),
        "relation": _text(checks=_one_of(FACT_RELATIONS)),
        "other_fact_key": _text(checks=known),
        "explanation": _text(checks=pa.Check.str_length(min_value=1)),
    }, unique=["fact_key", "other_fact_key"], strict=True, ordered=True)


KIEL_FLOATS = ("total", "financial", "humanitarian", "military", "commitments", "to_be_allocated", "gdp", "pct_gdp")
KIEL_MEASURES = ("total", "financial", "humanitarian", "military")
REGIONS = ("Europe", "EU institutions", "Asia-Pacific", "North America")
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


def kiel_schema():
    """Columns the project reads from the Kiel tracker's ``data_explorer.csv`` (others are ignored)."""
    return pa.DataFrameSchema({
        "country": _text(checks=pa.Check.str_length(min_value=1)),
        "iso": _text(checks=pa.Check.str_matches(r"^[A-Z]{2,3}$")),
        "year": pa.Column("int64", pa.Check.in_range(2022, 2100), coerce=True),
        "month": pa.Column("int64", pa.Check.in_range(1, 12), coerce=True),
        **{name: pa.Column("float64", coerce=True) for name in KIEL_FLOATS},
    }, unique=["iso", "year", "month"])


def release_info_schema():
    """The tracker's ``release_info.csv``: one row naming the release."""
    return pa.DataFrameSchema({"release": _text(checks=pa.Check.str_length(min_value=1)), "label": _text()},
                              checks=[pa.Check(lambda df: len(df) == 1, error="exactly one release row")])


def reference_files_schema():
    """Columns of ``data/reference_files.csv``: each reference file with its SHA-256 and citation."""
    return pa.DataFrameSchema({
        "file": _text(unique=True, checks=pa.Check.str_matches(r"^reference/[^.]+.*$")),
        "sha256": _text(checks=pa.Check.str_matches(r"^[0-9a-f]{64}$")),
        "publisher": _text(checks=pa.Check.str_length(min_value=1)),
        "release": _text(checks=pa.Check.str_length(min_value=1)),
        "cite_as": _text(checks=pa.Check.str_length(min_value=1)),
    }, strict=True, ordered=True)


def exchange_rates_schema():
    """Columns of ``data/exchange_rates.csv``: yearly average US dollars per euro, with their source."""
    return pa.DataFrameSchema({
        "year": pa.Column("int64", pa.Check.in_range(1999, 2100), coerce=True, unique=True),
        "usd_per_eur": pa.Column("float64", pa.Check.in_range(0.5, 2.0), coerce=True),
        "source": _text(checks=pa.Check.str_length(min_value=1)),
    }, strict=True, ordered=True)


def donor_regions_schema():
    """Columns of ``data/donor_regions.csv``: the tracker's donors by region."""
    return pa.DataFrameSchema({
        "iso": _text(unique=True, checks=pa.Check.str_matches(r"^[A-Z]{2,3}$")),
        "country": _text(checks=pa.Check.str_length(min_value=1)),
        "region": _text(checks=_one_of(REGIONS)),
    }, strict=True, ordered=True)


def cross_check_schema(claim_ids):
    """Columns of ``data/cross_check.csv``: for each ROK aid claim, the tracker measure and months it is held
    against, or ``none`` and why."""
    return pa.DataFrameSchema({
        "claim_id": _text(unique=True, checks=pa.Check.isin(claim_ids, error="unknown claim_id (not in claims.csv)")),
        "measure": _text(checks=_one_of(KIEL_MEASURES + ("none",))),
        "first_month": _text(checks=pa.Check.str_matches(YEAR_MONTH + "|^$")),
        "last_month": _text(checks=pa.Check.str_matches(YEAR_MONTH + "|^$")),
        "reason": _text(checks=pa.Check.str_length(min_value=1)),
    }, checks=[
        _row_check("first_month", "months are required for a measure and must be empty for none",
                   lambda r: (r.measure == "none") == (r.first_month == "" and r.last_month == "")),
        _row_check("last_month", "last_month before first_month", lambda r: r.first_month <= r.last_month),
    ], strict=True, ordered=True)


EVENT_CATEGORIES = ("diplomatic", "economic", "humanitarian", "military", "warning")


def codebook_schema():
    """Columns of ``data/codebook.csv``: the support-ladder rungs and the statuses."""
    return pa.DataFrameSchema({
        "kind": _text(checks=_one_of(("rung", "status"))),
        "code": _text(checks=pa.Check.str_length(min_value=1)),
        "label": _text(checks=pa.Check.str_length(min_value=1)),
        "definition": _text(checks=pa.Check.str_length(min_value=1)),
        "examples": _text(),
    }, unique=["kind", "code"], checks=[
        _row_check("code", "a rung's code must be a whole number from 0 to 7",
                   lambda r: r.kind != "rung" or (r.code.isdigit() and int(r.code) <= 7)),
    ], strict=True, ordered=True)


def events_schema(article_ids, rungs, statuses):
    """Columns of ``data/events.csv``: stance-relevant actions and statements, coded on the codebook."""
    return pa.DataFrameSchema({
        "event_id": _text(unique=True, checks=pa.Check.str_matches(r"^[A-Za-z0-9_.-]+$")),
        "date": _iso_date(),
        "date_precision": _text(checks=_one_of(DATE_PRECISIONS)),
        "actor": _text(checks=_one_of(ACTORS)),
        "action": _text(checks=pa.Check.str_length(min_value=1)),
        "category": _text(checks=_one_of(EVENT_CATEGORIES)),
        "rung": pa.Column("int64", pa.Check(lambda s: s.abs().isin(rungs), error="|rung| is not a codebook rung"),
                          coerce=True),
        "status": _text(checks=pa.Check.isin(statuses, error="status is not in the codebook")),
        "article_id": _text(checks=pa.Check.isin(article_ids, error="unknown article_id")),
        "start": pa.Column("int64", pa.Check.ge(0), coerce=True),
        "end": pa.Column("int64", pa.Check.ge(1), coerce=True),
        "quote": _text(checks=pa.Check.str_length(min_value=1)),
        "attributed_to": _text(checks=pa.Check.str_length(min_value=1)),
        "note": _text(),
    }, checks=[_row_check("end", "end must be after start", lambda r: r.start < r.end)], strict=True, ordered=True)


def events_text_schema(texts):
    """Each event's span reads its quote in the article."""
    return pa.DataFrameSchema(checks=[_span_reads(texts, "quote")])


MARKER_FRAMINGS = ("Russian usage", "Ukrainian usage", "Western usage", "loaded")


def _compiles(pattern):
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def markers_schema():
    """Columns of ``data/markers.csv``: the lexical framing markers, each a regular expression."""
    return pa.DataFrameSchema({
        "marker": _text(unique=True, checks=pa.Check.str_length(min_value=1)),
        "pattern": _text(checks=pa.Check(lambda s: s.map(_compiles), error="not a valid regular expression")),
        "framing": _text(checks=_one_of(MARKER_FRAMINGS)),
        "note": _text(checks=pa.Check.str_length(min_value=1)),
    }, strict=True, ordered=True)


def failures(frame, schema, file):
    """Validate ``frame``; return (coerced frame or None, problems as DataErrors, one per row and check)."""
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    problems, seen = [], set()
    for case in cases.itertuples():
        check = str(case.check)
        if case.schema_context == "DataFrameSchema" and ": " in check:
            field, _, problem = check.partition(": ")  # a row check, named "field: problem"
        else:
            field, problem = case.column, check
        if case.check == "column_in_dataframe":
            field, problem = case.failure_case, "missing column"
        elif case.check == "column_in_schema":
            field, problem = case.failure_case, "unexpected column"
        elif case.check == "column_ordered":
            field, problem = case.failure_case, "column out of order"
        elif problem == check and case.schema_context == "Column":
            problem = f"{check} (got {case.failure_case!r})"
        row = None if pd.isna(case.index) else int(case.index) + 2  # CSV line: header is line 1
        key = (row, field, problem)
        if key not in seen:
            seen.add(key)
            problems.append(DataError(file, problem, row=row, field=None if pd.isna(field) else field))
    return None, sorted(problems, key=lambda p: (p.row or 0, str(p.field)))
