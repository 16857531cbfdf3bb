"""Loaders for the raw corpus and the curated tables.

Every loader validates what it reads with the schemas in :mod:`twokoreas.schemas`
and raises :class:`twokoreas.DataError` (file, row, field) on the first problem,
never returning a partial table. :func:`validate_all` returns every problem at once,
for ``python -m twokoreas check``.
"""

import hashlib
from pathlib import Path

import pandas as pd

from . import paths, schemas
from .errors import DataError
from .numbers import worded

FLOAT_COLUMNS = ("value", "value_low", "value_high")
SPAN_TABLES = {
    "boilerplate.csv": (schemas.boilerplate_schema, schemas.boilerplate_text_schema),
    "claims.csv": (schemas.claims_schema, schemas.claims_text_schema),
    "not_quantities.csv": (schemas.not_quantities_schema, schemas.spans_text_schema),
}


def _display(path):
    path = Path(path)
    try:
        return str(path.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def _read_csv(path):
    """A CSV as strings (empty cells stay ''), or a DataError naming the file."""
    if not path.exists():
        raise DataError(_display(path), "file not found")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise DataError(_display(path), f"cannot read as CSV: {err}") from None
    for column in FLOAT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].replace("", None)
    return frame


def _validated(frame, path, *schemas_in_order):
    """Run schemas in order, stopping at the first that fails; return (frame or None, problems)."""
    for schema in schemas_in_order:
        frame, problems = schemas.failures(frame, schema, _display(path))
        if problems:
            return None, problems
    return frame, []


def _read_article_texts(frame, data_dir, csv):
    """Article texts by id, checked against their recorded SHA-256; problems for missing or changed files."""
    texts, problems = {}, []
    for line, row in enumerate(frame.itertuples(), start=2):
        file = data_dir / row.file
        if not file.exists():
            problems.append(DataError(csv, f"article file {row.file} not found", row=line, field="file"))
            continue
        raw = file.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row.sha256:
            problems.append(DataError(csv, f"{row.file} has changed: its SHA-256 is not the one recorded",
                                      row=line, field="sha256"))
            continue
        try:
            texts[row.article_id] = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(DataError(csv, f"{row.file} is not UTF-8 text", row=line, field="file"))
    return texts, problems


def _check_articles(data_dir):
    path = data_dir / "articles.csv"
    frame, problems = _validated(_read_csv(path), path, schemas.articles_schema())
    if problems:
        return None, {}, problems
    texts, problems = _read_article_texts(frame, data_dir, _display(path))
    if problems:
        return None, {}, problems
    frame, problems = _validated(frame, path, schemas.articles_text_schema(texts))
    return frame, texts, problems


def _check_span_table(data_dir, name, article_ids, texts, column_schema, text_schema):
    path = data_dir / name
    return _validated(_read_csv(path), path, column_schema(article_ids), text_schema(texts))


def _data_dir(data_dir):
    return Path(data_dir) if data_dir is not None else paths.DATA


def _loaded(frame, problems):
    """The validated table, or the first problem raised (never a partial table)."""
    if problems:
        _raise_first(problems)
    return frame.reset_index(drop=True)


def _raise_first(problems):
    first = problems[0]
    if len(problems) > 1:
        first.args = (f"{first.args[0]} (and {len(problems) - 1} more; run `python -m twokoreas check`)",)
    raise first


def _articles_and_texts(data_dir):
    frame, texts, problems = _check_articles(_data_dir(data_dir))
    if problems:
        _raise_first(problems)
    return frame, texts


def _articles(data_dir):
    """The articles with their derived columns, and their texts by id (validated once)."""
    frame, texts = _articles_and_texts(data_dir)
    frame = frame.copy()
    frame["text"] = frame.article_id.map(texts)
    frame["body"] = [t[s:e] for t, s, e in zip(frame.text, frame.body_start, frame.body_end)]
    frame["body_words"] = frame.body.str.split().str.len()
    frame["published"] = pd.to_datetime(frame.published, format="%Y-%m-%d")
    frame["published_label"] = [
        f"{d:%Y-%m}" if p == "month" else f"{d:%Y}" if p == "year" else f"{d:%Y-%m-%d}"
        for d, p in zip(frame.published, frame.published_precision)]
    return frame.reset_index(drop=True), texts


def load_articles(data_dir=None):
    """One row per article: metadata, ``published`` as a date and as a label at its precision, ``text``,
    ``body`` and ``body_words``.

    Verifies every file's SHA-256 against ``data/articles.csv``.
    """
    return _articles(data_dir)[0]


def _load_span_table(name, data_dir, articles_and_texts=None):
    articles, texts = articles_and_texts or _articles_and_texts(data_dir)
    return _loaded(*_check_span_table(_data_dir(data_dir), name, set(articles.article_id), texts, *SPAN_TABLES[name]))


def load_boilerplate(data_dir=None):
    """Marked non-content ranges of the articles (datelines, footers, newsletter prompts)."""
    return _load_span_table("boilerplate.csv", data_dir)


def load_claims(data_dir=None):
    """The curated claims: one row per quantitative mention, with its span, value, bounds and context."""
    return _claims(data_dir)


def _claims(data_dir, articles_and_texts=None):
    frame = _load_span_table("claims.csv", data_dir, articles_and_texts)
    for column in ("event_date", "stated_date"):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    return frame


def load_sourced_claims(data_dir=None):
    """Claims with their article's ``outlet``, ``published`` and ``published_label``, the short ``article``
    id, ``figure``: the value as the article words it (``about 1,500``, ``10,000–13,000``), and ``credit``:
    whom the article credits, or the outlet itself where it speaks in its own voice."""
    articles, texts = _articles(data_dir)
    claims = _claims(data_dir, (articles, texts)).merge(
        articles[["article_id", "outlet", "published", "published_label"]], on="article_id", how="left",
        validate="many_to_one")
    claims["article"] = claims.article_id.str[:3]
    claims["figure"] = [worded(row) for row in claims.itertuples()]
    claims["credit"] = claims.attributed_to.where(claims.attributed_to != "own reporting", claims.outlet)
    return claims


def load_not_quantities(data_dir=None):
    """Every other number in the texts, with its span and the reason it is not a quantity."""
    return _load_span_table("not_quantities.csv", data_dir)


KIEL = "reference/kiel-ukraine-support-tracker"


def _check_table(data_dir, name, schema):
    path = data_dir / name
    return _validated(_read_csv(path), path, schema)


def _check_fact_relations(data_dir, claims):
    return _check_table(data_dir, "fact_relations.csv", schemas.fact_relations_schema(set(claims.fact_key)))


def load_fact_relations(data_dir=None):
    """Curated links between facts: which estimate revises, refines or differs from which, and why."""
    return _loaded(*_check_fact_relations(_data_dir(data_dir), load_claims(data_dir)))


def _check_reference_files(data_dir):
    """The reference-file register, and a problem for any file missing or changed since it was recorded."""
    frame, problems = _check_table(data_dir, "reference_files.csv", schemas.reference_files_schema())
    if problems:
        return None, problems
    csv = _display(data_dir / "reference_files.csv")
    for line, row in enumerate(frame.itertuples(), start=2):
        file = data_dir / row.file
        if not file.exists():
            problems.append(DataError(csv, f"reference file {row.file} not found", row=line, field="file"))
        elif hashlib.sha256(file.read_bytes()).hexdigest() != row.sha256:
            problems.append(DataError(csv, f"{row.file} has changed: its SHA-256 is not the one recorded",
                                      row=line, field="sha256"))
    return frame, problems


def _check_kiel(data_dir):
    references, problems = _check_reference_files(data_dir)
    if problems:
        return None, problems
    tracker, problems = _check_table(data_dir, f"{KIEL}/data_explorer.csv", schemas.kiel_schema())
    release, release_problems = _check_table(data_dir, f"{KIEL}/release_info.csv", schemas.release_info_schema())
    problems += release_problems
    if problems:
        return None, problems
    tracker = tracker[list(schemas.kiel_schema().columns)].copy()
    tracker["release"] = release.release.iloc[0]
    tracker["cite_as"] = references.set_index("file").cite_as.get(f"{KIEL}/data_explorer.csv", release.label.iloc[0])
    tracker["month_start"] = pd.to_datetime(dict(year=tracker.year, month=tracker.month, day=1))
    return tracker, []


def load_kiel_tracker(data_dir=None):
    """The Kiel Ukraine Support Tracker: one row per donor and month, € billion by category, with its release
    and how to cite it (``cite_as``, from ``data/reference_files.csv``).

    Reads columns by name and raises a DataError naming any column a new release dropped.
    """
    return _loaded(*_check_kiel(_data_dir(data_dir)))


def load_exchange_rates(data_dir=None):
    """Yearly average US dollars per euro, with their named source (kept in data/, never fetched)."""
    return _loaded(*_check_table(_data_dir(data_dir), "exchange_rates.csv", schemas.exchange_rates_schema()))


def load_donor_regions(data_dir=None):
    """The tracker's donors with their region."""
    return _loaded(*_check_table(_data_dir(data_dir), "donor_regions.csv", schemas.donor_regions_schema()))


def load_cross_check(data_dir=None):
    """For each ROK aid claim: the tracker measure and months it is held against, or why there is none."""
    claims = load_claims(data_dir)
    return _loaded(*_check_table(_data_dir(data_dir), "cross_check.csv",
                                 schemas.cross_check_schema(set(claims.claim_id))))


def load_markers(data_dir=None):
    """The documented lexical markers of framing ("Kiev"/"Kyiv", "special military operation"/"invasion"...)."""
    return _loaded(*_check_table(_data_dir(data_dir), "markers.csv", schemas.markers_schema()))


def load_codebook(data_dir=None):
    """The codebook: rungs of the support ladder (0-7) and statuses, with definitions and examples."""
    return _loaded(*_check_table(_data_dir(data_dir), "codebook.csv", schemas.codebook_schema()))


def _check_events(data_dir, articles, texts, codebook):
    rungs = {int(c) for c in codebook[codebook.kind == "rung"].code}
    statuses = set(codebook[codebook.kind == "status"].code)
    path = data_dir / "events.csv"
    return _validated(_read_csv(path), path, schemas.events_schema(set(articles.article_id), rungs, statuses),
                      schemas.events_text_schema(texts))


def load_events(data_dir=None):
    """Stance events: date (``date`` as a date), actor, action, signed rung, status, and the supporting span."""
    articles, texts = _articles_and_texts(data_dir)
    frame = _loaded(*_check_events(_data_dir(data_dir), articles, texts, load_codebook(data_dir)))
    frame["date"] = pd.to_datetime(frame.date, format="%Y-%m-%d")
    return frame


def validate_all(data_dir=None):
    """Every problem in every curated table, as DataErrors (empty when all holds)."""
    data_dir = _data_dir(data_dir)
    try:
        articles, texts, problems = _check_articles(data_dir)
    except DataError as err:
        return [err]
    if problems:
        return problems
    checked = {}
    for name, (column_schema, text_schema) in SPAN_TABLES.items():
        try:
            checked[name], table_problems = _check_span_table(data_dir, name, set(articles.article_id), texts,
                                                              column_schema, text_schema)
        except DataError as err:
            table_problems = [err]
        problems += table_problems
    claims = checked.get("claims.csv")
    def events():
        codebook, problems = _check_table(data_dir, "codebook.csv", schemas.codebook_schema())
        return (None, problems) if problems else _check_events(data_dir, articles, texts, codebook)

    checks = [events, lambda: _check_kiel(data_dir),
              lambda: _check_table(data_dir, "exchange_rates.csv", schemas.exchange_rates_schema()),
              lambda: _check_table(data_dir, "donor_regions.csv", schemas.donor_regions_schema()),
              lambda: _check_table(data_dir, "markers.csv", schemas.markers_schema())]
    if claims is not None:
        checks += [lambda: _check_fact_relations(data_dir, claims),
                   lambda: _check_table(data_dir, "cross_check.csv", schemas.cross_check_schema(set(claims.claim_id)))]
    for check in checks:
        try:
            problems += check()[1]
        except DataError as err:
            problems.append(err)
    return problems
