"""Loaders for the raw corpus and the curated and reference tables declared in :mod:`twokoreas.data.registry`.

Every loader validates what it reads and raises :class:`twokoreas.DataError` (file, row, field) on
the first problem, never returning a partial table. The columns a loader adds are the ones the
registry declares as derived. :func:`validate_all` returns every problem at once, for
``python -m twokoreas check``.
"""

import io
from pathlib import Path

import pandas as pd

from . import dates, registry, schemas
from .vocab import ROK_ISO
from .. import paths
from ..errors import DataError
from ..text.extract import number_tokens
from .integrity import checked_bytes
from ..files import decode, field_count_problems, read_csv_text, row_lines

FLOAT_TYPES = ("number",)


def _data_dir(data_dir):
    return Path(data_dir) if data_dir is not None else paths.DATA


def _read_csv(path, table):
    """(a CSV as strings (empty cells stay ''; optional numbers None), []), or (None, problems naming the file
    and line): a missing or unreadable file, a bad byte, rows of the wrong width."""
    name = paths.shown(path)
    if not path.exists():
        return None, [DataError(name, "file not found")]
    try:
        text = read_csv_text(path, name)  # strict UTF-8: a bad byte is named by line and column
    except DataError as err:
        return None, [err]
    problems = field_count_problems(text, name)
    if problems:
        return None, problems
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        return None, [DataError(name, f"cannot read as CSV: {str(err).splitlines()[0]}")]
    frame.attrs["lines"] = row_lines(text)
    for column in table.columns:
        if column.type in FLOAT_TYPES and not column.required and column.name in frame:
            frame[column.name] = frame[column.name].replace("", None)
    if table.reviewed and "review" in frame:
        frame = frame[frame.review != "draft"]  # drafts are listed by `check` and `review`, never loaded
    return frame, []


def published_rows(table, data_dir=None):
    """``(rows, file name, line of row)`` of a registry table as the loaders read it: strings, drafts left out.
    What the site offers for download; raises the first DataError for a table that cannot be read."""
    path = _data_dir(data_dir) / table.file
    frame, problems = _read_csv(path, table)
    if problems:
        _raise_first(problems)
    return frame, paths.shown(path), lambda index: _line(frame, index)


def _check(data_dir, name, *text_schemas, **schema_options):
    """(validated frame or None, problems) for table ``name``: columns first, then ``text_schemas``."""
    table = registry.table(name)
    path = data_dir / table.file
    frame, problems = _read_csv(path, table)
    if problems:
        return None, problems
    if frame.empty:
        return None, [DataError(paths.shown(path), "no rows: the table is empty (a header alone is not data)")]
    lines = frame.attrs.get("lines")
    for schema in (schemas.schema(name, **schema_options), *text_schemas):
        frame, problems = schemas.failures(frame, schema, paths.shown(path), lines)
        if problems:
            return None, problems
        frame.attrs["lines"] = lines
    return frame, []


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


def _read_article_texts(frame, data_dir, csv):
    """Article texts by id, each checked against its recorded SHA-256; problems for missing or changed files."""
    texts, problems = {}, []
    for line, row in enumerate(frame.itertuples(), start=2):
        try:
            raw = checked_bytes(data_dir, row.file, row.sha256, csv, line, what="article file")
            # CRLF, a byte-order mark or a stray byte is named as the cause, not as shifted spans
            texts[row.article_id] = decode(raw, paths.shown(data_dir / row.file), spans=True)
        except DataError as err:
            problems.append(err)
    return texts, problems


def _check_articles(data_dir):
    frame, problems = _check(data_dir, "articles")
    if problems:
        return None, {}, problems
    texts, problems = _read_article_texts(frame, data_dir, paths.shown(data_dir / registry.ARTICLES.file))
    if problems:
        return None, {}, problems
    frame, problems = schemas.failures(
        frame,
        schemas.articles_text_schema(texts),
        paths.shown(data_dir / registry.ARTICLES.file),
        frame.attrs.get("lines"),
    )
    return frame, texts, problems


def _articles_and_texts(data_dir):
    frame, texts, problems = _check_articles(_data_dir(data_dir))
    if problems:
        _raise_first(problems)
    return frame, texts


def _as_dates(frame, *columns):
    for column in columns:
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    return frame


def _articles(data_dir):
    """The articles with their derived columns, and their texts by id (validated once)."""
    return _with_derived_columns(*_articles_and_texts(data_dir))


def _with_derived_columns(frame, texts):
    frame = _as_dates(frame.copy(), "published_earliest", "published_latest")
    frame["text"] = frame.article_id.map(texts)
    frame["body"] = [t[s:e] for t, s, e in zip(frame.text, frame.body_start, frame.body_end)]
    frame["body_words"] = frame.body.str.split().str.len()
    frame["label"] = frame.article_id.str[:3] + " · " + frame.outlet.replace("unknown", "unnamed outlet")
    frame["published_label"] = dates.labels(frame, "published")
    frame["source_label"] = (
        frame.outlet.where(frame.outlet != "unknown", "article " + frame.article_id.str[:3])
        + ", "
        + frame.outlet_description
    )
    return frame.reset_index(drop=True), texts


def load_articles(data_dir=None):
    """One row per article: metadata, the publication interval (``published_earliest``/``_latest`` as dates,
    ``published_label`` in words), ``text``, ``body``, ``body_words``, ``label`` and ``source_label``.

    Verifies every file's SHA-256 against ``data/articles.csv``.
    """
    return _articles(data_dir)[0]


def _article_ids(articles):
    return (set(articles.article_id), "unknown article_id")


def _raw_article_dates(articles):
    """The articles' dates as the strings in the file, for the text checks."""
    out = articles[["article_id"]].copy()
    out["published_latest"] = [d.strftime("%Y-%m-%d") if not pd.isna(d) else "" for d in articles.published_latest]
    return out


def _check_span_table(data_dir, name, articles, texts):
    known = {"article_id": _article_ids(articles)}
    if name == "claims":
        text_schema = schemas.claims_text_schema(texts, _raw_article_dates(articles))
    elif name == "boilerplate":
        text_schema = schemas.spans_text_schema(texts, "text")
    else:
        text_schema = schemas.spans_text_schema(texts)
    return _check(data_dir, name, text_schema, known=known)


def load_boilerplate(data_dir=None):
    """Marked non-content ranges of the articles (datelines, footers, newsletter prompts)."""
    articles, texts = _articles(data_dir)
    return _loaded(*_check_span_table(_data_dir(data_dir), "boilerplate", articles, texts))


def _claims(data_dir, articles_and_texts=None):
    articles, texts = articles_and_texts or _articles(data_dir)
    frame = _loaded(*_check_span_table(_data_dir(data_dir), "claims", articles, texts))
    return _as_dates(frame, "date_earliest", "date_latest", "stated_date")


def load_claims(data_dir=None, articles=None):
    """The curated claims: one row per quantitative mention, with its span, value, bounds, source and date
    interval (``date_earliest``, ``date_latest`` as dates; ``date_latest`` NaT when unbounded). Pass
    ``articles`` (from :func:`load_articles`) to check the spans against texts already read."""
    texts = None if articles is None else (articles, dict(zip(articles.article_id, articles.text)))
    return _claims(data_dir, texts)


def load_not_quantities(data_dir=None):
    """Every other number in the texts, with its span and the reason it is not a quantity."""
    articles, texts = _articles(data_dir)
    return _loaded(*_check_span_table(_data_dir(data_dir), "not_quantities", articles, texts))


def _check_fact_relations(data_dir, claims):
    known = (set(claims.fact_key), "unknown fact_key (not in claims.csv)")
    return _check(data_dir, "fact_relations", known={"fact_key": known, "other_fact_key": known})


def load_fact_relations(data_dir=None):
    """Curated links between facts: which estimate revises, refines, agrees or conflicts with which, and why."""
    return _loaded(*_check_fact_relations(_data_dir(data_dir), load_claims(data_dir)))


def _check_reference_files(data_dir):
    """The reference-file register, and a problem for any file missing or changed since it was recorded."""
    frame, problems = _check(data_dir, "reference_files")
    if problems:
        return None, problems
    csv = paths.shown(data_dir / registry.REFERENCE_FILES.file)
    for line, row in enumerate(frame.itertuples(), start=2):
        try:
            checked_bytes(data_dir, row.file, row.sha256, csv, line, what="reference file")
        except DataError as err:
            problems.append(err)
    if problems:  # a registered file not found is most likely the unregistered one renamed: one fault, one line
        return frame, problems
    registered = set(frame.file)
    for path in sorted((data_dir / "reference").rglob("*")):
        file = str(path.relative_to(data_dir))
        if path.is_file() and file not in registered:
            problems.append(
                DataError(csv, f"{file} is under data/reference/ but not registered with its SHA-256", field="file")
            )
    return frame, problems


def _check_kiel(data_dir):
    references, problems = _check_reference_files(data_dir)
    if problems:
        return None, problems
    tracker, problems = _check(data_dir, "kiel_tracker")
    release, release_problems = _check(data_dir, "kiel_release")
    problems += release_problems
    if problems:
        return None, problems
    lines = tracker.attrs["lines"]
    tracker = tracker[registry.KIEL_TRACKER.column_names].copy()
    tracker.attrs["lines"] = lines
    tracker["release"] = release.release.iloc[0]
    tracker["cite_as"] = references.set_index("file").cite_as.get(registry.KIEL_FILE, release.label.iloc[0])
    tracker["month_start"] = pd.to_datetime(dict(year=tracker.year, month=tracker.month, day=1))
    return tracker, []


def load_kiel_tracker(data_dir=None):
    """The Kiel Ukraine Support Tracker: one row per donor and month, € billion by category, with its release
    and how to cite it (``cite_as``, from ``data/reference_files.csv``).

    Reads columns by name and raises a DataError naming any column a new release dropped.
    """
    return _loaded(*_check_kiel(_data_dir(data_dir)))


def _check_reference(data_dir, name):
    """A reference table registered in ``data/reference_files.csv``: its file's SHA-256 checked, then its columns."""
    references, problems = _check_reference_files(data_dir)
    if problems:
        return None, problems
    file = registry.table(name).file
    if file not in set(references.file):
        csv = paths.shown(data_dir / registry.REFERENCE_FILES.file)
        return None, [DataError(csv, f"{file} is not registered", field="file")]
    return _check(data_dir, name)


def load_un_votes(data_dir=None):
    """The UN General Assembly's recorded Ukraine votes: totals (whole numbers, <NA> where no UN record read gives
    them), each Korea's vote (empty = not confirmed) and how it is known, the UN record; ``date`` and
    ``date_latest`` (NaT when ``date`` is the day) as dates."""
    frame = _loaded(*_check_reference(_data_dir(data_dir), "un_votes"))
    frame = frame.astype({c: "Int64" for c in ("yes", "no", "abstain", "absent")})
    return _as_dates(frame, "date", "date_latest")


def load_chronology(data_dir=None):
    """The public record's dated state actions, each with its source URL; dates as dates."""
    frame = _loaded(*_check_reference(_data_dir(data_dir), "chronology"))
    return _as_dates(frame, "date_earliest", "date_latest")


def load_goldstein(data_dir=None):
    """CAMEO event codes and their Goldstein weights (GDELT's published table)."""
    return _loaded(*_check_reference(_data_dir(data_dir), "goldstein"))


def load_exchange_rates(data_dir=None):
    """Yearly average US dollars per euro, with their named source (kept in data/, never fetched)."""
    return _loaded(*_check(_data_dir(data_dir), "exchange_rates"))


def load_donor_regions(data_dir=None):
    """The tracker's donors with their region."""
    return _loaded(*_check(_data_dir(data_dir), "donor_regions"))


def _check_cross_check(data_dir, claims):
    return _check(
        data_dir, "cross_check", known={"claim_id": (set(claims.claim_id), "unknown claim_id (not in claims.csv)")}
    )


def load_cross_check(data_dir=None):
    """For each ROK aid claim: the tracker measure and months it is held against, or why there is none.

    Raises a DataError when the tracker cannot answer it: South Korea missing from the release, a donor
    without a region, a year without a US dollar rate (see :func:`_tracker_coverage`)."""
    data_dir = _data_dir(data_dir)
    mapping, problems = _check_cross_check(data_dir, load_claims(data_dir))
    if not problems:
        tracker, problems = _check_kiel(data_dir)
    if not problems:
        problems = _tracker_coverage(
            data_dir, tracker, load_donor_regions(data_dir), load_exchange_rates(data_dir), mapping
        )
    return _loaded(mapping, problems)


def load_markers(data_dir=None):
    """The documented lexical markers of framing ("Kiev"/"Kyiv", "special military operation"/"invasion"...)."""
    articles, texts = _articles(data_dir)
    return _loaded(*_check(_data_dir(data_dir), "markers", schemas.markers_text_schema(texts)))


def load_actor_sample(data_dir=None):
    """The hand-labelled sample of sentences (which Korea each is about), each checked to be in its article's body."""
    articles, _ = _articles(data_dir)
    return _loaded(*_check_actor_sample(_data_dir(data_dir), articles))


def _check_actor_sample(data_dir, articles):
    frame, problems = _check(data_dir, "actor_sample", known={"article_id": _article_ids(articles)})
    if problems:
        return frame, problems
    bodies = articles.set_index("article_id").body
    file = paths.shown(data_dir / registry.table("actor_sample").file)
    missing = [
        DataError(file, "not a sentence of the article's body", row=_line(frame, i), field="sentence")
        for i, row in frame.iterrows()
        if row.sentence not in bodies[row.article_id]
    ]
    return (None, missing) if missing else (frame, [])


def load_codebook(data_dir=None):
    """The codebook: rungs of the support ladder (0-7) and statuses, with definitions and examples."""
    return _loaded(*_check(_data_dir(data_dir), "codebook"))


def _check_events(data_dir, articles, texts, codebook):
    rungs = {int(c) for c in codebook[codebook.kind == "rung"].code}
    statuses = set(codebook[codebook.kind == "status"].code)
    return _check(
        data_dir,
        "events",
        schemas.events_text_schema(texts, _raw_article_dates(articles)),
        known={"article_id": _article_ids(articles)},
        rungs=rungs,
        statuses=statuses,
    )


def load_events(data_dir=None):
    """Stance events: date interval (``date_earliest``, ``date_latest`` as dates, ``date_label`` in words),
    actor, action, signed rung, status, source, the supporting span, the CAMEO code and its Goldstein weight."""
    articles, texts = _articles(data_dir)
    frame = _loaded(*_check_events(_data_dir(data_dir), articles, texts, load_codebook(data_dir)))
    links = _unresolved_event_links(_data_dir(data_dir), frame)
    if links:
        _raise_first(links)
    frame = _as_dates(frame, "date_earliest", "date_latest", "ends_by")
    frame["date_label"] = dates.labels(frame)
    weights = load_goldstein(data_dir).set_index("cameo_code").goldstein
    frame["goldstein"] = frame.cameo_code.map(weights)
    return frame


def _line(frame, index):
    """The real line in its file of row ``index`` of a table read by :func:`_read_csv` (after multi-line cells)."""
    lines = frame.attrs.get("lines")
    return lines[index] if lines is not None and index < len(lines) else index + 2


def _unresolved_event_links(data_dir, events):
    """Problems for event links that name nothing: ``responds_to`` (other events), ``record_ids`` (the public
    record), ``cameo_code`` (the Goldstein table)."""
    file = paths.shown(data_dir / registry.EVENTS.file)
    known = {"responds_to": (set(events.event_id), "is not another event id")}
    record, record_problems = _check_reference(data_dir, "chronology")
    votes, vote_problems = _check_reference(data_dir, "un_votes")
    codes, code_problems = _check_reference(data_dir, "goldstein")
    if record_problems or vote_problems or code_problems:
        return record_problems + vote_problems + code_problems
    known["record_ids"] = (
        set(record.record_id) | set(votes.resolution),
        "is not in the public record (chronology record_id or UN vote resolution)",
    )
    problems = []
    for index, row in events.iterrows():
        for column, (values, message) in known.items():
            for other in filter(None, row[column].split(";")):
                if other not in values or other == row.event_id:
                    problems.append(DataError(file, f"{other!r} {message}", row=_line(events, index), field=column))
        if row.cameo_code not in set(codes.cameo_code):
            problems.append(
                DataError(
                    file,
                    f"{row.cameo_code!r} is not a CAMEO code of the Goldstein table",
                    row=_line(events, index),
                    field="cameo_code",
                )
            )
    return problems


def validate_all(data_dir=None):
    """Every problem in every table under data/, as DataErrors (empty when all holds)."""
    data_dir = _data_dir(data_dir)
    try:
        frame, texts, problems = _check_articles(data_dir)
    except DataError as err:
        return [err]
    if problems:
        return problems
    articles, texts = _with_derived_columns(frame, texts)
    checked = {}

    def span(name):
        return lambda: _check_span_table(data_dir, name, articles, texts)

    def events():
        codebook, found = _check(data_dir, "codebook")
        return (None, found) if found else _check_events(data_dir, articles, texts, codebook)

    checks = {
        "boilerplate": span("boilerplate"),
        "claims": span("claims"),
        "not_quantities": span("not_quantities"),
        "events": events,
        "kiel": lambda: _check_kiel(data_dir),
        "exchange_rates": lambda: _check(data_dir, "exchange_rates"),
        "donor_regions": lambda: _check(data_dir, "donor_regions"),
        "markers": lambda: _check(data_dir, "markers", schemas.markers_text_schema(texts)),
        "un_votes": lambda: _check_reference(data_dir, "un_votes"),
        "chronology": lambda: _check_reference(data_dir, "chronology"),
        "goldstein": lambda: _check_reference(data_dir, "goldstein"),
        "actor_sample": lambda: _check_actor_sample(data_dir, articles),
    }
    for name, check in checks.items():
        try:
            checked[name], found = check()
        except DataError as err:
            checked[name], found = None, [err]
        problems += found
    claims = checked.get("claims")
    if claims is not None and checked.get("not_quantities") is not None:
        problems += _uncovered_numbers(data_dir, articles, claims, checked["not_quantities"])
    if claims is not None:
        for name, check in (
            ("fact_relations", lambda: _check_fact_relations(data_dir, claims)),
            ("cross_check", lambda: _check_cross_check(data_dir, claims)),
        ):
            try:
                checked[name], found = check()
            except DataError as err:
                checked[name], found = None, [err]
            problems += found
        problems += _aid_claims_without_cross_check(data_dir, claims)
        problems += _unresolved_corroborations(data_dir, claims, checked.get("events"))
    if checked.get("events") is not None:
        problems += _unresolved_event_links(data_dir, checked["events"])
    needed = [checked.get(name) for name in ("kiel", "donor_regions", "exchange_rates", "cross_check")]
    if all(frame is not None for frame in needed):
        problems += _tracker_coverage(data_dir, *needed)
    return _once(problems + drafts(data_dir))


def _once(problems):
    """Each problem once: the reference register, say, is checked for every table it registers."""
    unique = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())


def drafts(data_dir=None):
    """One DataError per draft row (``review`` = ``draft``), saying what it still needs: the required fields
    still empty, and the extractor's ``needs_review`` reason kept in its note."""
    data_dir = _data_dir(data_dir)
    found = []
    for table in registry.TABLES.values():
        path = data_dir / table.file
        if not table.reviewed or not path.exists():
            continue
        try:
            text = path.read_text(encoding="utf-8")
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
            frame.attrs["lines"] = row_lines(text)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError):
            continue  # reported by the table's own check
        if "review" not in frame:
            continue
        required = [c.name for c in table.columns if c.required and c.name in frame]
        for index, row in frame[frame.review == "draft"].iterrows():
            empty = [name for name in required if row[name] == ""]
            needs = f"still needs {', '.join(empty)}" if empty else "complete: check it against the text"
            if row.get("note", "").startswith("needs_review:"):
                needs += f"; {row['note']}"
            found.append(
                DataError(
                    paths.shown(path), f"draft, not yet reviewed: {needs}", row=_line(frame, index), field="review"
                )
            )
    return found


def _uncovered_numbers(data_dir, articles, claims, others):
    """Problems for number tokens of an article that no claim or not-a-quantity row holds, or two rows hold."""
    rows = pd.concat([claims[["article_id", "start", "end"]], others[["article_id", "start", "end"]]])
    file = paths.shown(data_dir / registry.NOT_QUANTITIES.file)
    problems = []
    for article in articles.itertuples():
        mine = rows[rows.article_id == article.article_id]
        for start, end in number_tokens(article.text):
            holders = int(((mine.start <= start) & (mine.end >= end)).sum())
            if holders != 1:
                where = "no claims.csv or not_quantities.csv row" if not holders else f"{holders} rows"
                problems.append(
                    DataError(
                        file,
                        f"{article.article_id} {start}:{end} {article.text[start:end]!r} "
                        f"is in {where}: every number must be in exactly one",
                        field="start",
                    )
                )
    return problems


def _aid_claims_without_cross_check(data_dir, claims):
    """Both ways: every South Korean aid claim has a cross-check row, and every cross-check row is one."""
    try:
        mapped, found = _check_cross_check(data_dir, claims)
    except DataError:
        return []  # reported by the table's own check
    if found:
        return []
    aid = claims[(claims.actor == "ROK") & (claims.theme == "aid")]
    problems = [
        DataError(
            paths.shown(data_dir / registry.CLAIMS.file),
            f"South Korean aid claim {c} has no cross_check.csv row",
            row=_line(claims, i),
            field="claim_id",
        )
        for i, c in zip(aid.index, aid.claim_id)
        if c not in set(mapped.claim_id)
    ]
    stray = mapped[~mapped.claim_id.isin(aid.claim_id)]
    problems += [
        DataError(
            paths.shown(data_dir / registry.CROSS_CHECK.file),
            f"{c} is not a South Korean aid claim",
            row=_line(mapped, i),
            field="claim_id",
        )
        for i, c in zip(stray.index, stray.claim_id)
    ]
    return problems


def _unresolved_corroborations(data_dir, claims, events):
    """Problems for ``corroborated_by`` ids that name no claim or event, or the row itself."""
    known = set(claims.claim_id) | (set(events.event_id) if events is not None else set())
    problems = []
    for name, frame, id_column in (("claims", claims, "claim_id"), ("events", events, "event_id")):
        if frame is None:
            continue
        file = paths.shown(data_dir / registry.table(name).file)
        for index, row in frame.iterrows():
            for other in filter(None, row.corroborated_by.split(";")):
                if other not in known or other == row[id_column]:
                    problems.append(
                        DataError(
                            file,
                            f"{other!r} is not another claim or event id",
                            row=_line(frame, index),
                            field="corroborated_by",
                        )
                    )
    return problems


def _tracker_coverage(data_dir, tracker, regions, rates, mapping):
    """What notebook 08 needs of the tracker, or problems saying what is missing: a region for every donor, South
    Korea among the donors, and a US dollar rate for every year a cross-check row holds a claim against (never
    a sum that skips a year it could not convert)."""
    tracker_file = paths.shown(data_dir / registry.KIEL_TRACKER.file)
    regions_file = paths.shown(data_dir / registry.DONOR_REGIONS.file)
    mapping_file = paths.shown(data_dir / registry.CROSS_CHECK.file)
    lines = tracker.attrs["lines"]
    problems = [
        DataError(
            tracker_file, f"{row.iso} ({row.country}) has no region in {regions_file}", row=lines[index], field="iso"
        )
        for index, row in tracker.drop_duplicates("iso").iterrows()
        if row.iso not in set(regions.iso)
    ]
    held = mapping[mapping.measure != "none"]
    if not held.empty and ROK_ISO not in set(tracker.iso):
        problems.append(
            DataError(
                tracker_file,
                f"no rows for {ROK_ISO} (South Korea), the donor {mapping_file} holds aid claims against",
                field="iso",
            )
        )
    needing = {}
    for index, row in held.iterrows():
        for year in range(int(row.first_month[:4]), int(row.last_month[:4]) + 1):
            needing.setdefault(year, []).append(str(mapping.attrs["lines"][index]))
    for year in sorted(set(needing) - set(rates.year)):
        problems.append(
            DataError(
                paths.shown(data_dir / registry.EXCHANGE_RATES.file),
                f"no US dollar rate for {year}, "
                f"needed to convert the tracker's euros for {mapping_file} lines "
                f"{', '.join(needing[year])}",
                field="year",
            )
        )
    return problems
