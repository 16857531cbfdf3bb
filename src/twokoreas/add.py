"""``twokoreas add FILE``: bring a new article into the corpus as drafts, and ``twokoreas review``: list and
accept them.

``add`` copies the text unchanged into ``data/raw/articles/``, registers its SHA-256 and drafts its
``articles.csv`` row, a claims or not-a-quantity row for every number token, and a cross-check row for
every money figure. Every drafted row is marked ``review`` = ``draft``: drafts are never loaded, so no
notebook publishes them, and ``check`` fails until a person has filled and accepted them. What cannot be
read from the text is left empty or ``unknown``, never guessed.
"""

import hashlib
import re
from pathlib import Path

import pandas as pd

from . import add_inputs, paths, registry
from .atomic import write_csv
from .errors import DataError
from .extract import decode_article, find_non_quantities, find_quantities

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
PRINTED_DATE = re.compile(
    rf"(?P<updated>Updated:?\s*)?(?:(?P<mdy>\d{{1,2}}/\d{{1,2}}/\d{{4}})|(?P<month>{MONTHS})\.? (?P<day>\d{{1,2}}),? "
    rf"(?P<year>\d{{4}})|(?P<day2>\d{{1,2}}) (?P<month2>{MONTHS}) (?P<year2>\d{{4}}))")
OUTLET_CUES = (re.compile(r"told (?P<outlet>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)"),
               re.compile(r"(?:©|Copyright) (?:\d{4} )?(?P<outlet>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)"),
               re.compile(r"- (?P<outlet>The [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*) -"))
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
            month, day, year = ((match["month"], match["day"], match["year"]) if match["month"]
                                else (match["month2"], match["day2"], match["year2"]))
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
        match = cue.search(text)
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
    row.update(article_id=article_id, file=file, sha256=sha, outlet=name, outlet_evidence=outlet_evidence,
               title=title, kind="", source_type="unknown outlet" if name == "unknown" else "",
               body_start=str(body_start), body_end=str(len(text.rstrip())), url=url or "", review="draft")
    printed = _printed_date(text)
    if printed:
        date, basis, evidence = printed
        row.update(published_earliest=date, published_latest=date, published_basis=basis,
                   published_earliest_evidence=evidence, published_latest_evidence=evidence,
                   published_note=f"Drafted from the date printed near the top ('{evidence}'): check it.")
    elif published:
        row.update(published_earliest=published, published_latest=published,
                   published_note="Given with --published; the text prints no date: give the evidence for each "
                                  "bound, or make the interval wider and the basis inferred.")
    return row


def _claim_rows(number, article_id, text):
    rows = []
    for i, q in enumerate(find_quantities(text).itertuples(), start=1):
        row = {c: "" for c in registry.CLAIMS.column_names}
        reason = getattr(q, "needs_review", "") or ""
        values = {} if reason else {k: "" if pd.isna(v) else f"{v:.15g}" for k, v in
                                    (("value", q.value), ("value_low", q.value_low), ("value_high", q.value_high))}
        row.update(claim_id=f"{number}-{i:02d}", article_id=article_id, start=str(q.start), end=str(q.end),
                   mention=q.mention, qualifier=q.qualifier or "", unit=q.unit or "", review="draft",
                   read_by="reviewer" if reason else "cleaner",
                   note=f"needs_review: {reason}" if reason else "", **values)
        rows.append(row)
    return rows


def _not_quantity_rows(number, article_id, text):
    rows = []
    for i, t in enumerate(find_non_quantities(text).itertuples(), start=1):
        row = {c: "" for c in registry.NOT_QUANTITIES.column_names}
        row.update(token_id=f"{number}-n{i:02d}", article_id=article_id, start=str(t.start), end=str(t.end),
                   mention=t.mention, reason=t.reason, review="draft")
        rows.append(row)
    return rows


def _cross_check_rows(claims):
    rows = []
    for claim in claims:
        if claim["unit"] in MONEY or claim["read_by"] == "reviewer":  # a figure not yet read may be money
            row = {c: "" for c in registry.CROSS_CHECK.column_names}
            row.update(claim_id=claim["claim_id"], review="draft",
                       reason="Drafted for a money figure (or one not yet read): keep it for a South Korean aid figure (give the tracker "
                              "measure and months, or none and why); delete it otherwise.")
            rows.append(row)
    return rows


def add_article(source, outlet=None, published=None, url=None, data_dir=None, force=False):
    """Copy ``source`` into the corpus and draft every row it needs; return ``(article_id, counts)``.

    Raises DataError (one line) for an unreadable or oversized file, a text already in the corpus (or, unless
    ``force``, one that differs from a registered text only in whitespace or a few words), a bad
    ``published`` or ``url`` (see :mod:`twokoreas.add_inputs`). Writes all or nothing."""
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
        raise DataError(str(source), "has Windows line endings or a byte-order mark: save it as plain UTF-8 "
                                     "with \\n line endings first")
    add_inputs.check_published(published)
    add_inputs.check_printed_date(published, _printed_date(text))
    add_inputs.check_url(url)
    sha = hashlib.sha256(raw).hexdigest()
    tables = {name: _read(data_dir / registry.table(name).file)
              for name in ("articles", "claims", "not_quantities", "cross_check")}
    articles = tables["articles"]
    if sha in set(articles.sha256):
        existing = articles[articles.sha256 == sha].article_id.iloc[0]
        raise DataError(str(source), f"already in the corpus as {existing}")
    if not force:
        add_inputs.check_near_duplicate(str(source), text, {
            row.article_id: (data_dir / row.file).read_text(encoding="utf-8", errors="replace")
            for row in articles.itertuples() if (data_dir / row.file).is_file()})
    number = f"{max((int(a[:3]) for a in articles.article_id), default=-1) + 1:03d}"
    article_id = f"{number}_{sha[:16]}"
    file = f"raw/articles/{article_id}.txt"
    claims = _claim_rows(number, article_id, text)
    new = {"articles": [_article_row(article_id, file, sha, text, outlet, published, url)], "claims": claims,
           "not_quantities": _not_quantity_rows(number, article_id, text), "cross_check": _cross_check_rows(claims)}
    target = data_dir / file
    originals = {name: (data_dir / registry.table(name).file).read_bytes() for name in new}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        for name, rows in new.items():
            frame = pd.concat([tables[name], pd.DataFrame(rows, columns=tables[name].columns)], ignore_index=True)
            write_csv(frame, data_dir / registry.table(name).file)
    except BaseException:
        target.unlink(missing_ok=True)
        for name, content in originals.items():
            (data_dir / registry.table(name).file).write_bytes(content)
        raise
    return article_id, {name: len(rows) for name, rows in new.items()}


def accept(article, data_dir=None):
    """Mark every draft of ``article`` (its id or three-digit number) reviewed; return how many rows.

    Refuses, changing nothing, when the accepted rows would not pass ``check``: the problems are returned."""
    from .loaders import validate_all

    data_dir = Path(data_dir) if data_dir else paths.DATA
    names = ("articles", "claims", "not_quantities", "cross_check")
    tables = {name: _read(data_dir / registry.table(name).file) for name in names}
    ids = [a for a in tables["articles"].article_id if a == article or a[:3] == article]
    if not ids:
        raise DataError("articles.csv", f"no article {article!r}")
    article_id = ids[0]
    claim_ids = set(tables["claims"][tables["claims"].article_id == article_id].claim_id)
    originals = {name: (data_dir / registry.table(name).file).read_bytes() for name in names}
    count = 0
    for name, frame in tables.items():
        mine = frame.claim_id.isin(claim_ids) if name == "cross_check" else frame.article_id == article_id
        chosen = mine & (frame.review == "draft")
        count += int(chosen.sum())
        frame.loc[chosen, "review"] = "reviewed"
        write_csv(frame, data_dir / registry.table(name).file)
    problems = [p for p in validate_all(data_dir) if p.field != "review"]  # other articles' drafts aside
    if problems:
        for name, content in originals.items():
            (data_dir / registry.table(name).file).write_bytes(content)
        return 0, problems
    return count, []
