"""``twokoreas add FILE``: bring a new article into the corpus as drafts, and ``twokoreas review``: list and
accept them.

``add`` copies the text unchanged into ``data/raw/articles/``, registers its SHA-256 and drafts its
``articles.csv`` row, a claims or not-a-quantity row for every number token (each field read from the figure's
sentence by :mod:`twokoreas.cli.drafting`, its evidence in ``data/drafts/<article_id>.csv``), a cross-check row for
every figure that is or may be South Korean aid, and its ``data/LICENSES.md`` row. Every drafted row is marked
``review`` = ``draft``: drafts are never loaded, so no notebook publishes them, and ``check`` fails until a
person has confirmed and accepted them. What cannot be read from the text is left empty or ``unknown``, never
guessed. ``review`` runs the very checks ``review --accept`` runs, changing nothing, and lists every problem.
"""

import hashlib
import re
from pathlib import Path

import pandas as pd

from . import add_inputs
from .. import paths
from ..data import registry, vocab
from ..atomic import write_csv
from ..errors import DataError
from .drafting import draft_claims, not_a_quantity
from ..text.extract import decode_article, find_non_quantities, find_quantities

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
PRINTED_DATE = re.compile(
    rf"(?P<updated>Updated:?\s*)?(?:(?P<mdy>\d{{1,2}}/\d{{1,2}}/\d{{4}})|(?P<month>{MONTHS})\.? (?P<day>\d{{1,2}}),? "
    rf"(?P<year>\d{{4}})|(?P<day2>\d{{1,2}}) (?P<month2>{MONTHS}) (?P<year2>\d{{4}}))"
)
OUTLET_CUES = (
    re.compile(r"told (?P<outlet>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)"),
    re.compile(r"(?:©|Copyright) (?:\d{4} )?(?P<outlet>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)"),
    re.compile(r"- (?P<outlet>The [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*) -"),
    # a credit line of its own just above a dated line ("Voice of America\n28 Feb 2025, 03:04")
    re.compile(r"^(?P<outlet>[A-Z][\w.]*(?: (?:of|the|and|[A-Z][\w.]*)){1,5})\n[^\n]*\b\d{4}\b", re.M),
)
HEAD = 400  # characters at the top of a text where a dateline or credit line is looked for
MONEY = ("USD", "EUR", "GBP", "KRW")


def _read(csv):
    return pd.read_csv(csv, dtype=str, keep_default_na=False, encoding="utf-8")


def _printed_date(text):
    """``(date, basis, evidence)`` of a date printed near the top of ``text``, or None."""
    match = PRINTED_DATE.search(text[:HEAD])
    if not match:
        return None
    try:
        if match["mdy"]:
            date = pd.to_datetime(match["mdy"], format="%m/%d/%Y")
        else:
            month, day, year = (
                (match["month"], match["day"], match["year"])
                if match["month"]
                else (match["month2"], match["day2"], match["year2"])
            )
            date = pd.to_datetime(f"{day} {month[:3]} {year}", format="%d %b %Y")
    except ValueError:
        return None
    return date.strftime("%Y-%m-%d"), "updated" if match["updated"] else "printed", match.group(0).strip()


def _outlet(text, given):
    """``(outlet, evidence)``: the ``--outlet`` given (evidence empty unless the text names it), the outlet a
    credit line names, or ``unknown``."""
    if given:
        return given, given if given in text else ""
    for cue in OUTLET_CUES:
        match = cue.search(text[:HEAD] if cue.flags & re.M else text)
        if match:
            return match["outlet"], match.group(0)
    return "unknown", ""


def _title(text):
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    return first if first and len(first) <= 150 and not first.endswith(".") else "unknown"


def _article_row(article_id, file, sha, text, outlet, published, url):
    name, outlet_evidence = _outlet(text, outlet)
    row = {c: "" for c in registry.ARTICLES.column_names}
    title = _title(text)
    body_start = text.index(title) + len(title) if title != "unknown" else 0  # the body follows the headline
    body_start += len(text[body_start:]) - len(text[body_start:].lstrip())
    row.update(
        article_id=article_id,
        file=file,
        sha256=sha,
        outlet=name,
        outlet_evidence=outlet_evidence,
        title=title,
        kind="",
        source_type="unknown outlet" if name == "unknown" else "",
        body_start=str(body_start),
        body_end=str(len(text.rstrip())),
        url=url or "",
        review="draft",
    )
    printed = _printed_date(text)
    if printed:
        date, basis, evidence = printed
        row.update(
            published_earliest=date,
            published_latest=date,
            published_basis=basis,
            published_earliest_evidence=evidence,
            published_latest_evidence=evidence,
            published_note=f"Drafted from the date printed near the top ('{evidence}'): check it.",
        )
    elif published:
        row.update(
            published_earliest=published,
            published_latest=published,
            published_note="Given with --published; the text prints no date: give the evidence for each "
            "bound, or make the interval wider and the basis inferred.",
        )
    return row


def _number(value):
    """A value as a CSV cell that reads back as the same float (``2/3`` too): 15 digits when they round-trip,
    else Python's shortest exact form."""
    if pd.isna(value):
        return ""
    short = f"{value:.15g}"
    return short if float(short) == value else repr(float(value))


def _figures(text):
    """The extractor's figures of ``text``, and the tokens among them whose surroundings say they are not
    quantities (``03:04 GMT+10``), each with its reason."""
    found = find_quantities(text)
    reasons = [not_a_quantity(text, q.start, q.end) for q in found.itertuples()]
    moved = found[[r is not None for r in reasons]].assign(reason=[r for r in reasons if r is not None])
    return found[[r is None for r in reasons]].reset_index(drop=True), moved


def _claim_rows(number, article_id, text, existing=None, published=None):
    """Drafted claims rows, and ``[(claim_id, Draft)]``: each field drafted from the text, with its evidence."""
    rows, evidence = [], []
    figures, _ = _figures(text)
    existing = existing if existing is not None else pd.DataFrame(columns=registry.CLAIMS.column_names)
    drafted = draft_claims(text, figures, existing[existing.review == "reviewed"], *(published or (None, "")))
    for i, (q, fields) in enumerate(zip(figures.itertuples(), drafted), start=1):
        row = {c: "" for c in registry.CLAIMS.column_names}
        reason = getattr(q, "needs_review", "") or ""
        values = (
            {}
            if reason
            else {
                k: _number(v) for k, v in (("value", q.value), ("value_low", q.value_low), ("value_high", q.value_high))
            }
        )
        row.update({field: draft.value for field, draft in fields.items()})
        row.update(
            claim_id=f"{number}-{i:02d}",
            article_id=article_id,
            start=str(q.start),
            end=str(q.end),
            mention=q.mention,
            qualifier=q.qualifier or "",
            unit=q.unit or "",
            review="draft",
            read_by="reviewer" if reason else "cleaner",
            note=f"needs_review: {reason}" if reason else "",
            **values,
        )
        rows.append(row)
        evidence += [(row["claim_id"], draft) for draft in fields.values()]
    return rows, evidence


def _not_quantity_rows(number, article_id, text):
    rows = []
    _, moved = _figures(text)
    tokens = pd.concat([find_non_quantities(text), moved[["start", "end", "mention", "reason"]]]).sort_values("start")
    for i, t in enumerate(tokens.itertuples(), start=1):
        row = {c: "" for c in registry.NOT_QUANTITIES.column_names}
        row.update(
            token_id=f"{number}-n{i:02d}",
            article_id=article_id,
            start=str(t.start),
            end=str(t.end),
            mention=t.mention,
            reason=t.reason,
            review="draft",
        )
        rows.append(row)
    return rows


def _cross_check_rows(claims):
    """A draft for every figure that is, or may be, South Korean aid (in money or not): drafted as ROK aid, or
    with theme or actor not drafted and in money or not yet read. A pledge is held against nothing (the tracker
    counts what was allocated); a figure given over dated months, against the tracker's measure for them."""
    rows = []
    for claim in claims:
        rok_aid = claim["theme"] == "aid" and claim["actor"] == "ROK"
        unread = not claim["theme"] or not claim["actor"]
        maybe = unread and (claim["unit"] in MONEY or claim["read_by"] == "reviewer")
        if not (rok_aid or maybe):
            continue
        row = {c: "" for c in registry.CROSS_CHECK.column_names}
        row.update(
            claim_id=claim["claim_id"],
            review="draft",
            reason="Drafted for a figure that may be South Korean aid: keep it for one (give the tracker "
            "measure and months, or none and why); delete it otherwise.",
        )
        if rok_aid and claim["aid_status"] in ("pledged or forecast", "under discussion"):
            row.update(
                measure="none",
                reason=f"Not yet given ({claim['aid_status']}): the tracker counts what was "
                "allocated, so nothing is held against it.",
            )
        elif rok_aid and claim["date_basis"] == "printed" and claim["date_latest"]:
            words = claim["quantity_of"].lower()
            measure = next((m for m in ("humanitarian", "military", "financial") if m in words), "total")
            row.update(
                measure=measure,
                first_month=claim["date_earliest"][:7],
                last_month=claim["date_latest"][:7],
                reason=f"Given {claim['date_earliest'][:7]} to {claim['date_latest'][:7]}, as its dates say: "
                f"the tracker's {measure} allocations for those months.",
            )
        rows.append(row)
    return rows


def _evidence_rows(article_id, evidence):
    """The drafted fields of an article, each with the words it rests on: ``data/drafts/<article_id>.csv``."""
    return pd.DataFrame(
        [
            {"claim_id": claim_id, "field": d.field, "value": d.value, "evidence": d.evidence}
            for claim_id, d in evidence
        ],
        columns=["claim_id", "field", "value", "evidence"],
    )


LICENSES = "LICENSES.md"
LICENSE_ROW = re.compile(r"^\| `\d{3}_[0-9a-f]{16}\.txt` \|.*$", re.M)


def _licenses_text(data_dir, article):
    """``data/LICENSES.md`` with a drafted row for the new text in its table of news texts (after the last
    one), or None when the file has no such table. The owner is the outlet the text names; the notice is left
    for a person when the text has none the add could see."""
    path = Path(data_dir) / LICENSES
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    rows = list(LICENSE_ROW.finditer(text))
    if not rows:
        return None
    notice = re.search(r"(?:©|Copyright)[^\n]{0,120}", article["text"])
    owner = f"{article['outlet']} (its credit line)" if article["outlet"] != "unknown" else "not named"
    quoted = '"' + notice.group(0).strip() + '"' if notice else "none"
    row = f"| `{Path(article['file']).name}` | {owner} | {quoted} |"
    return text[: rows[-1].end()] + "\n" + row + text[rows[-1].end() :]


def _published(article):
    """``(date, evidence)`` of an article row's drafted publication day, or None."""
    if not article["published_earliest"] or article["published_earliest"] != article["published_latest"]:
        return None
    evidence = article["published_earliest_evidence"] or article["published_earliest"]
    return pd.Timestamp(article["published_earliest"]), f"'{evidence}'"


def _evidence_file(data_dir, article_id):
    return Path(data_dir) / "drafts" / f"{article_id}.csv"


def add_article(source, outlet=None, published=None, url=None, data_dir=None, force=False):
    """Copy ``source`` into the corpus and draft every row it needs; return ``(article_id, counts)``.

    Raises DataError (one line) for an unreadable or oversized file, a text already in the corpus (or, unless
    ``force``, one that differs from a registered text only in whitespace or a few words), a bad
    ``published`` or ``url`` (see :mod:`twokoreas.cli.add_inputs`). Writes all or nothing."""
    data_dir = Path(data_dir) if data_dir else paths.DATA
    source = Path(source)
    if not source.is_file():
        raise DataError(str(source), "not a file")
    raw = source.read_bytes()
    add_inputs.check_size(str(source), raw)
    text, problem = decode_article(raw)
    if problem:
        raise DataError(str(source), problem)
    if "\r" in text or text.startswith("\ufeff"):
        raise DataError(
            str(source),
            "has Windows line endings or a byte-order mark: save it as plain UTF-8 with \\n line endings first",
        )
    add_inputs.check_published(published)
    add_inputs.check_printed_date(published, _printed_date(text))
    add_inputs.check_url(url)
    sha = hashlib.sha256(raw).hexdigest()
    tables = {
        name: _read(data_dir / registry.table(name).file)
        for name in ("articles", "claims", "not_quantities", "cross_check")
    }
    articles = tables["articles"]
    if sha in set(articles.sha256):
        existing = articles[articles.sha256 == sha].article_id.iloc[0]
        raise DataError(str(source), f"already in the corpus as {existing}")
    if not force:
        add_inputs.check_near_duplicate(
            str(source),
            text,
            {
                row.article_id: (data_dir / row.file).read_text(encoding="utf-8", errors="replace")
                for row in articles.itertuples()
                if (data_dir / row.file).is_file()
            },
        )
    number = f"{max((int(a[:3]) for a in articles.article_id), default=-1) + 1:03d}"
    article_id = f"{number}_{sha[:16]}"
    file = f"raw/articles/{article_id}.txt"
    article = _article_row(article_id, file, sha, text, outlet, published, url)
    claims, evidence = _claim_rows(number, article_id, text, tables["claims"], _published(article))
    new = {
        "articles": [article],
        "claims": claims,
        "not_quantities": _not_quantity_rows(number, article_id, text),
        "cross_check": _cross_check_rows(claims),
    }
    target = data_dir / file
    originals = {name: (data_dir / registry.table(name).file).read_bytes() for name in new}
    licenses = _licenses_text(data_dir, {**article, "text": text})
    licenses_before = (data_dir / LICENSES).read_bytes() if licenses is not None else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        _evidence_file(data_dir, article_id).parent.mkdir(exist_ok=True)
        write_csv(_evidence_rows(article_id, evidence), _evidence_file(data_dir, article_id))
        if licenses is not None:
            (data_dir / LICENSES).write_text(licenses, encoding="utf-8")
        for name, rows in new.items():
            frame = pd.concat([tables[name], pd.DataFrame(rows, columns=tables[name].columns)], ignore_index=True)
            write_csv(frame, data_dir / registry.table(name).file)
    except BaseException:
        target.unlink(missing_ok=True)
        _evidence_file(data_dir, article_id).unlink(missing_ok=True)
        if licenses_before is not None:
            (data_dir / LICENSES).write_bytes(licenses_before)
        for name, content in originals.items():
            (data_dir / registry.table(name).file).write_bytes(content)
        raise
    return article_id, {name: len(rows) for name, rows in new.items()}


REVIEWED_TABLES = ("articles", "claims", "not_quantities", "cross_check")


def _article_id(tables, article):
    ids = [a for a in tables["articles"].article_id if a == article or a[:3] == article]
    if not ids:
        raise DataError("articles.csv", f"no article {article!r}")
    return ids[0]


def _trial(article, data_dir, keep):
    """Mark every draft of ``article`` reviewed and run ``check``'s every check; keep the change only when
    ``keep`` and nothing fails. Returns ``(article_id, rows marked, problems)``: other articles' drafts aside,
    every problem at once."""
    from ..data.loaders import validate_all

    tables = {name: _read(data_dir / registry.table(name).file) for name in REVIEWED_TABLES}
    article_id = _article_id(tables, article)
    claim_ids = set(tables["claims"][tables["claims"].article_id == article_id].claim_id)
    originals = {name: (data_dir / registry.table(name).file).read_bytes() for name in REVIEWED_TABLES}
    count, problems = 0, None
    try:
        for name, frame in tables.items():
            mine = frame.claim_id.isin(claim_ids) if name == "cross_check" else frame.article_id == article_id
            chosen = mine & (frame.review == "draft")
            count += int(chosen.sum())
            frame.loc[chosen, "review"] = "reviewed"
            write_csv(frame, data_dir / registry.table(name).file)
        problems = [p for p in validate_all(data_dir) if p.field != "review"]
        if problems:  # restored below: placeholders never stay
            problems = _past_the_article(problems, tables["articles"], article_id, data_dir)
        problems = _one_per_cell(problems)
    finally:
        if problems is None or problems or not keep:
            for name, content in originals.items():
                (data_dir / registry.table(name).file).write_bytes(content)
    return article_id, count, problems


PLACEHOLDERS = {"published_basis": "inferred"}  # an open interval from the placeholder date holds; evidence is
# a word of the text


def _past_the_article(problems, articles, article_id, data_dir):
    """``problems``, and, when the article row's own cells stop ``check`` before the other tables, the other
    tables' problems too: found with placeholders in the article's empty cells (never kept)."""
    from ..data.loaders import validate_all

    file = registry.ARTICLES.file
    if any(p.file.endswith(file) for p in problems):
        row = articles.article_id == article_id
        words = (data_dir / articles.loc[row, "file"].iloc[0]).read_text(encoding="utf-8").split()
        placeholders = {**PLACEHOLDERS, "published_earliest_evidence": words[0] if words else ""}
        for column in registry.ARTICLES.columns:
            if column.required and articles.loc[row, column.name].iloc[0] == "":
                articles.loc[row, column.name] = placeholders.get(column.name) or (
                    vocab.INVASION if column.type == "date" else column.vocab[0] if column.vocab else "(to be typed)"
                )
        write_csv(articles, data_dir / file)
        problems += [p for p in validate_all(data_dir) if p.field != "review" and not p.file.endswith(file)]
    return problems


def _one_per_cell(problems):
    """The first problem of each cell ("missing value" rather than also "must be one of")."""
    once = {}
    for problem in problems:
        once.setdefault(
            (problem.file, problem.row, problem.field, problem.problem if problem.row is None else ""), problem
        )
    return list(once.values())


def review_problems(article, data_dir=None):
    """Every problem ``accept`` would refuse ``article`` for, all at once, changing nothing."""
    return _trial(article, Path(data_dir) if data_dir else paths.DATA, keep=False)[2]


def drafted_fields(article_id, data_dir=None):
    """The fields ``add`` drafted for ``article_id`` that no person has confirmed yet (``claim_id``, ``field``,
    ``value``, ``evidence``); empty once accepted."""
    path = _evidence_file(Path(data_dir) if data_dir else paths.DATA, article_id)
    return _read(path) if path.exists() else pd.DataFrame(columns=["claim_id", "field", "value", "evidence"])


def fix(problem):
    """``problem`` (a DataError of a trial accept) with what a person does about it, in words."""
    table = next((t for t in registry.TABLES.values() if problem.file.endswith(t.file)), None)
    column = table.column(problem.field) if table and problem.field in table.column_names else None
    text = str(problem)
    if "has no cross_check.csv row" in text:
        return f"{text}: add its cross_check.csv row (the tracker measure and months, or none and why)"
    if "no US dollar rate for" in text:
        return f"{text}: add the year to data/exchange_rates.csv (`make rates` computes it from the ECB's daily rates)"
    if "is in no claims.csv or not_quantities.csv row" in text:
        return f"{text}: give it a claims.csv row, or a not_quantities.csv row with the reason"
    if column is not None and ("missing value" in text or "must be one of" in text or "not a valid" in text):
        choices = f" (one of: {', '.join(column.vocab)})" if column.vocab and "must be one of" not in text else ""
        return f"{text}: type {column.description}{choices}"
    return text


def accept(article, data_dir=None):
    """Mark every draft of ``article`` (its id or three-digit number) reviewed; return how many rows.

    Refuses, changing nothing, when the accepted rows would not pass ``check``: the problems are returned. Once
    accepted, its drafted fields are confirmed: their evidence file goes."""
    data_dir = Path(data_dir) if data_dir else paths.DATA
    article_id, count, problems = _trial(article, data_dir, keep=True)
    if problems:
        return 0, problems
    _evidence_file(data_dir, article_id).unlink(missing_ok=True)
    return count, []
