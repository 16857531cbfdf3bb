"""The rules beyond a table's own columns, registered per table in :data:`TABLES`; the checks across tables that
only a whole check runs, in :data:`WHOLE`.

A table's :class:`Rules` name the tables it needs first, the texts its spans are read against, the named checks
that run once its columns hold, and the columns the loaders add. A rule is ``rule(run, frame) -> [DataError]``:
``run`` (:class:`twokoreas.data.loaders.Run`) gives the other tables as checked (``run.checked(name)``: frame
and problems) or loaded (``run.loaded(name)``), the article texts (``run.texts``) and a table's file as shown
(``run.shown(name)``). A frame's index is each row's line in its file.
"""

from dataclasses import dataclass, replace
from typing import Callable

import pandas as pd

from . import dates, registry, schemas
from .integrity import checked_bytes
from .vocab import ROK_ISO
from .. import paths
from ..errors import DataError
from ..files import decode
from ..text.extract import number_tokens


@dataclass(frozen=True)
class Rules:
    """What a table needs beyond its registry columns (and the tables its ``references`` name, checked first)."""

    needs: tuple = ()  # tables whose problems stop this one before it is read
    requires: tuple = ()  # rule(run, table) -> problems, before the file is read
    options: Callable = None  # run -> schema options (``rungs``, ``statuses``)
    text: Callable = None  # run -> a pandera schema of the rows against the article texts
    checks: tuple = ()  # rule(run, frame) -> problems, once the schemas hold
    derive: Callable = None  # (run, frame) -> frame with the registry's derived columns


@dataclass(frozen=True)
class Whole:
    """A check across tables run by ``validate_all`` once every table it ``needs`` holds."""

    rule: Callable  # rule(run) -> problems
    needs: tuple


# --- articles -------------------------------------------------------------------------------------------------


def article_texts(run, frame):
    """Every article's file against its recorded SHA-256 (read once, kept as ``run.texts``), then its evidence,
    title and body span against its text."""
    csv = run.shown("articles")
    texts, problems = {}, []
    for line, row in enumerate(frame.itertuples(), start=2):
        try:
            raw = checked_bytes(run.data_dir, row.file, row.sha256, csv, line, what="article file")
            # CRLF, a byte-order mark or a stray byte is named as the cause, not as shifted spans
            texts[row.article_id] = decode(raw, paths.shown(run.data_dir / row.file), spans=True)
        except DataError as err:
            problems.append(err)
    if problems:
        return problems
    run.texts = texts
    return schemas.failures(frame, schemas.articles_text_schema(texts), csv)[1]


def as_dates(frame, *columns):
    """``columns`` (ISO strings, '' for none) as dates, NaT for none."""
    for column in columns:
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    return frame


def article_columns(run, frame):
    """The publication interval as dates and in words, the text, body, word count and labels."""
    frame = as_dates(frame, "published_earliest", "published_latest")
    frame["text"] = frame.article_id.map(run.texts)
    frame["body"] = [t[s:e] for t, s, e in zip(frame.text, frame.body_start, frame.body_end)]
    frame["body_words"] = frame.body.str.split().str.len()
    frame["label"] = frame.article_id.str[:3] + " · " + frame.outlet.replace("unknown", "unnamed outlet")
    frame["published_label"] = dates.labels(frame, "published")
    frame["source_label"] = (
        frame.outlet.where(frame.outlet != "unknown", "article " + frame.article_id.str[:3])
        + ", "
        + frame.outlet_description
    )
    return frame


# --- spans against the texts ----------------------------------------------------------------------------------


def _article_dates(run):
    """The articles' latest dates as the strings in the file, for the date checks."""
    articles = run.loaded("articles")
    out = articles[["article_id"]].copy()
    out["published_latest"] = [d.strftime("%Y-%m-%d") if not pd.isna(d) else "" for d in articles.published_latest]
    return out


def spans_read(column):
    """A span table's rows read ``column`` in their article."""
    return lambda run: schemas.spans_text_schema(run.texts, column)


def claims_text(run):
    return schemas.claims_text_schema(run.texts, _article_dates(run))


def events_text(run):
    return schemas.events_text_schema(run.texts, _article_dates(run))


def markers_text(run):
    return schemas.markers_text_schema(run.texts)


def dated(*columns):
    """A derive step: ``columns`` as dates."""

    def derive(run, frame):
        return as_dates(frame, *columns)

    derive.__doc__ = f"{', '.join(columns)} as dates (NaT where empty)."
    return derive


def sentences_in_body(run, frame):
    """Each sampled sentence is a sentence of its article's body."""
    bodies = run.loaded("articles").set_index("article_id").body
    return [
        DataError(run.shown("actor_sample"), "not a sentence of the article's body", row=i, field="sentence")
        for i, row in frame.iterrows()
        if row.sentence not in bodies[row.article_id]
    ]


# --- events ---------------------------------------------------------------------------------------------------


def codebook_codes(run):
    """The codebook's rungs and statuses, which events must take."""
    codebook = run.checked("codebook")[0]
    return {
        "rungs": {int(c) for c in codebook[codebook.kind == "rung"].code},
        "statuses": set(codebook[codebook.kind == "status"].code),
    }


def event_links(run, events):
    """Problems for event links that name nothing: ``responds_to`` (other events), ``record_ids`` (the public
    record), ``cameo_code`` (the Goldstein table)."""
    checked = [run.checked(name) for name in ("chronology", "un_votes", "goldstein")]
    if any(problems for _, problems in checked):
        return [problem for _, problems in checked for problem in problems]
    (record, _), (votes, _), (codes, _) = checked
    file = run.shown("events")
    known = {
        "responds_to": (set(events.event_id), "is not another event id"),
        "record_ids": (
            set(record.record_id) | set(votes.resolution),
            "is not in the public record (chronology record_id or UN vote resolution)",
        ),
    }
    problems = []
    for index, row in events.iterrows():
        for column, (values, message) in known.items():
            for other in filter(None, row[column].split(";")):
                if other not in values or other == row.event_id:
                    problems.append(DataError(file, f"{other!r} {message}", row=index, field=column))
        if row.cameo_code not in set(codes.cameo_code):
            problems.append(
                DataError(
                    file,
                    f"{row.cameo_code!r} is not a CAMEO code of the Goldstein table",
                    row=index,
                    field="cameo_code",
                )
            )
    return problems


def event_columns(run, frame):
    """The date interval as dates and in words, and the Goldstein weight of the CAMEO code."""
    frame = as_dates(frame, "date_earliest", "date_latest", "ends_by")
    frame["date_label"] = dates.labels(frame)
    frame["goldstein"] = frame.cameo_code.map(run.loaded("goldstein").set_index("cameo_code").goldstein)
    return frame


# --- reference files and the tracker --------------------------------------------------------------------------


def reference_files_hold(run, frame):
    """A problem for any registered file missing or changed since it was recorded, or any file under
    data/reference/ not registered."""
    csv = run.shown("reference_files")
    problems = []
    for line, row in enumerate(frame.itertuples(), start=2):
        try:
            checked_bytes(run.data_dir, row.file, row.sha256, csv, line, what="reference file")
        except DataError as err:
            problems.append(err)
    if problems:  # a registered file not found is most likely the unregistered one renamed: one fault, one line
        return problems
    registered = set(frame.file)
    for path in sorted((run.data_dir / "reference").rglob("*")):
        file = str(path.relative_to(run.data_dir))
        if path.is_file() and file not in registered:
            problems.append(
                DataError(csv, f"{file} is under data/reference/ but not registered with its SHA-256", field="file")
            )
    return problems


def registered(run, table):
    """The table's file is in the reference-file register (whose own check has passed)."""
    if table.file in set(run.checked("reference_files")[0].file):
        return []
    return [DataError(run.shown("reference_files"), f"{table.file} is not registered", field="file")]


def tracker_columns(run, tracker):
    """The declared columns alone, with the release and how to cite it, and each month's first day."""
    release, references = run.checked("kiel_release")[0], run.checked("reference_files")[0]
    tracker = tracker[registry.KIEL_TRACKER.column_names].copy()
    tracker["release"] = release.release.iloc[0]
    tracker["cite_as"] = references.set_index("file").cite_as.get(registry.KIEL_FILE, release.label.iloc[0])
    tracker["month_start"] = pd.to_datetime(dict(year=tracker.year, month=tracker.month, day=1))
    return tracker


def un_vote_columns(run, frame):
    """Vote totals as whole numbers (<NA> where none is known); ``date`` and ``date_latest`` (NaT when ``date`` is
    the day) as dates."""
    return as_dates(frame.astype({c: "Int64" for c in ("yes", "no", "abstain", "absent")}), "date", "date_latest")


def tracker_coverage(run, mapping):
    """What notebook 08 needs of the tracker, or problems saying what is missing: a region for every donor, South
    Korea among the donors, and a US dollar rate for every year a cross-check row holds a claim against (never
    a sum that skips a year it could not convert)."""
    for name in ("kiel_tracker", "donor_regions", "exchange_rates"):
        if run.checked(name)[1]:
            return run.checked(name)[1]
    tracker, regions, rates = (run.checked(name)[0] for name in ("kiel_tracker", "donor_regions", "exchange_rates"))
    tracker_file, regions_file, mapping_file = (run.shown(n) for n in ("kiel_tracker", "donor_regions", "cross_check"))
    problems = [
        DataError(tracker_file, f"{row.iso} ({row.country}) has no region in {regions_file}", row=index, field="iso")
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
            needing.setdefault(year, []).append(str(index))
    for year in sorted(set(needing) - set(rates.year)):
        problems.append(
            DataError(
                run.shown("exchange_rates"),
                f"no US dollar rate for {year}, "
                f"needed to convert the tracker's euros for {mapping_file} lines "
                f"{', '.join(needing[year])}",
                field="year",
            )
        )
    return problems


# --- across tables, checked whole -----------------------------------------------------------------------------


def uncovered_numbers(run):
    """Problems for number tokens of an article that no claim or not-a-quantity row holds, or two rows hold."""
    claims, others = run.checked("claims")[0], run.checked("not_quantities")[0]
    rows = pd.concat([claims[["article_id", "start", "end"]], others[["article_id", "start", "end"]]])
    file = run.shown("not_quantities")
    problems = []
    for article in run.loaded("articles").itertuples():
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


def aid_claims_cross_checked(run):
    """Both ways: every South Korean aid claim has a cross-check row, and every cross-check row is one."""
    claims, mapped = run.checked("claims")[0], run.checked("cross_check")[0]
    aid = claims[(claims.actor == "ROK") & (claims.theme == "aid")]
    problems = [
        DataError(
            run.shown("claims"), f"South Korean aid claim {c} has no cross_check.csv row", row=i, field="claim_id"
        )
        for i, c in zip(aid.index, aid.claim_id)
        if c not in set(mapped.claim_id)
    ]
    stray = mapped[~mapped.claim_id.isin(aid.claim_id)]
    problems += [
        DataError(run.shown("cross_check"), f"{c} is not a South Korean aid claim", row=i, field="claim_id")
        for i, c in zip(stray.index, stray.claim_id)
    ]
    return problems


def corroborations_resolve(run):
    """Problems for ``corroborated_by`` ids that name no claim or event, or the row itself."""
    claims, events = run.checked("claims")[0], run.checked("events")[0]
    known = set(claims.claim_id) | set(events.event_id)
    problems = []
    for name, frame, id_column in (("claims", claims, "claim_id"), ("events", events, "event_id")):
        for index, row in frame.iterrows():
            for other in filter(None, row.corroborated_by.split(";")):
                if other not in known or other == row[id_column]:
                    problems.append(
                        DataError(
                            run.shown(name),
                            f"{other!r} is not another claim or event id",
                            row=index,
                            field="corroborated_by",
                        )
                    )
    return problems


def drafts(run):
    """One DataError per draft row (``review`` = ``draft``), saying what it still needs: the required fields
    still empty, and the extractor's ``needs_review`` reason kept in its note."""
    found = []
    for table in registry.TABLES.values():
        frame = run.draft_rows(table.name) if table.reviewed else None
        if frame is None:
            continue  # no file, no review column, or unreadable: the table's own check says why
        required = [c.name for c in table.columns if c.required and c.name in frame]
        for index, row in frame.iterrows():
            empty = [name for name in required if row[name] == ""]
            needs = f"still needs {', '.join(empty)}" if empty else "complete: check it against the text"
            if row.get("note", "").startswith("needs_review:"):
                needs += f"; {row['note']}"
            found.append(
                DataError(run.shown(table.name), f"draft, not yet reviewed: {needs}", row=index, field="review")
            )
    return found


#: A table under data/reference/: the register holds, and holds its file.
REFERENCE = Rules(needs=("reference_files",), requires=(registered,))

TABLES = {
    "articles": Rules(checks=(article_texts,), derive=article_columns),
    "boilerplate": Rules(text=spans_read("text")),
    "claims": Rules(text=claims_text, derive=dated("date_earliest", "date_latest", "stated_date")),
    "not_quantities": Rules(text=spans_read("mention")),
    "cross_check": Rules(checks=(tracker_coverage,)),
    "reference_files": Rules(checks=(reference_files_hold,)),
    "events": Rules(
        needs=("codebook",), options=codebook_codes, text=events_text, checks=(event_links,), derive=event_columns
    ),
    "markers": Rules(needs=("articles",), text=markers_text),
    "actor_sample": Rules(checks=(sentences_in_body,)),
    "kiel_tracker": Rules(needs=("reference_files", "kiel_release"), derive=tracker_columns),
    "kiel_release": Rules(needs=("reference_files",)),
    "un_votes": replace(REFERENCE, derive=un_vote_columns),
    "chronology": replace(REFERENCE, derive=dated("date_earliest", "date_latest")),
    "goldstein": REFERENCE,
}

WHOLE = (
    Whole(uncovered_numbers, needs=("articles", "claims", "not_quantities")),
    Whole(aid_claims_cross_checked, needs=("claims", "cross_check")),
    Whole(corroborations_resolve, needs=("claims", "events")),
    Whole(drafts, needs=()),
)
