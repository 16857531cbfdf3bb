"""Loading and checking the tables declared in :mod:`twokoreas.data.registry`, driven by the registry.

:func:`load` reads one table, checks it against its registry columns after the tables its ``references`` point
at, then against its rules (:mod:`twokoreas.data.rules`), and adds the columns the registry declares as derived;
it raises :class:`twokoreas.DataError` (file, row, field) on the first problem, never returning a partial
table. :func:`validate_all` returns every problem of every table at once, for ``python -m twokoreas check``.
There is a ``load_<table>`` for every registry table (the notebooks call them as ``tk.load_claims()``), each
:func:`load` of that table.
"""

import hashlib
import io
from pathlib import Path

import pandas as pd

from . import registry, rules, schemas
from .. import paths
from ..errors import DataError
from ..files import field_count_problems, read_csv_text, row_lines

FLOAT_TYPES = ("number",)


def _data_dir(data_dir):
    return Path(data_dir) if data_dir is not None else paths.DATA


def _line_index(text, rows):
    """Each row's real line in its file (after multi-line cells), as the frame's index: a problem found in row
    ``i`` names line ``frame.index[i]``. Kept out of ``frame.attrs``, which pandas deep-copies on every operation."""
    lines = row_lines(text)
    return pd.Index([lines[i] if i < len(lines) else i + 2 for i in range(rows)])


def _read_csv(path, table, drafts=False):
    """(a CSV as strings (empty cells stay ''; optional numbers None), []), or (None, problems naming the file
    and line): a missing or unreadable file, a bad byte, rows of the wrong width. Draft rows are left out, or
    with ``drafts`` are all it keeps."""
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
    frame.index = _line_index(text, len(frame))
    for column in table.columns:
        if column.type in FLOAT_TYPES and not column.required and column.name in frame:
            frame[column.name] = frame[column.name].replace("", None)
    if table.reviewed and "review" in frame:
        frame = frame[(frame.review == "draft") == drafts]  # drafts are listed by `check` and `review`, never loaded
    elif drafts:
        return None, []
    return frame, []


def published_rows(table, data_dir=None):
    """``(rows, file name, line of row)`` of a registry table as the loaders read it: strings, drafts left out.
    What the site offers for download; raises the first DataError for a table that cannot be read."""
    path = _data_dir(data_dir) / table.file
    frame, problems = _read_csv(path, table)
    if problems:
        _raise_first(problems)
    return frame, paths.shown(path), lambda index: index


def _raise_first(problems):
    first = problems[0]
    if len(problems) > 1:
        first.args = (f"{first.args[0]} (and {len(problems) - 1} more; run `python -m twokoreas check`)",)
    raise first


#: Frames that passed a schema, by what they were checked from: the table, its file's SHA-256 and every input of
#: the schema. The tests and a notebook's kernel check the same unchanged tables again and again; only a pass
#: that found nothing is kept (a problem names its file, which differs between copies of data/).
_PASSED = {}


def _frozen(value):
    """``value`` (dicts, sets, tuples of strings and numbers) as a hashable key."""
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    return tuple(map(_frozen, value)) if isinstance(value, tuple) else value


def _validated(frame, schema, run, key):
    """(the frame checked against ``schema()``, problems), from :data:`_PASSED` when ``key`` passed before (no
    key when an input is not known by its content, such as articles passed in)."""
    if None not in key and key in _PASSED:
        return _PASSED[key].copy(deep=False), []
    frame, problems = schemas.failures(frame, schema(), run.shown(key[0]))
    if not problems and None not in key:
        if len(_PASSED) >= 256:
            _PASSED.clear()
        _PASSED[key] = frame.copy(deep=False)
    return frame, problems


class Run:
    """One pass over ``data_dir``: each table read and checked once, whichever table or rule asks for it.
    ``articles`` (from :func:`load_articles`) stands in for reading the articles and their texts again."""

    def __init__(self, data_dir=None, articles=None):
        self.data_dir = _data_dir(data_dir)
        self.texts = None  # the article texts by id, once the articles' files are checked
        self._checked, self._loaded, self.digests = {}, {}, {}  # digests: each table file's SHA-256
        if articles is not None:
            self._checked["articles"], self._loaded["articles"] = (articles, []), articles
            self.texts = dict(zip(articles.article_id, articles.text))

    def shown(self, name):
        """Table ``name``'s file as messages name it."""
        return paths.shown(self.data_dir / registry.table(name).file)

    def checked(self, name):
        """``(frame, [])``, the table as validated with each row's line as its index, or ``(None, problems)``."""
        if name not in self._checked:
            try:
                self._checked[name] = self._check(registry.table(name), rules.TABLES.get(name, rules.Rules()))
            except DataError as err:
                self._checked[name] = None, [err]
        return self._checked[name]

    def _check(self, table, rule):
        """The tables it needs and points at, its own rules before the file is read, its columns, the texts,
        then its rules: the first stage with problems stops the check."""
        for need in (*rule.needs, *(r.table for r in table.references)):
            if self.checked(need)[1]:
                return None, self.checked(need)[1]
        for require in rule.requires:
            if problems := require(self, table):
                return None, problems
        frame, problems = _read_csv(self.data_dir / table.file, table)
        if problems:
            return None, problems
        if frame.empty:
            return None, [DataError(self.shown(table.name), "no rows: the table is empty (a header alone is not data)")]
        known = {r.column: (set(self.checked(r.table)[0][r.other_column]), r.problem) for r in table.references}
        options = rule.options(self) if rule.options else {}
        self.digests[table.name] = hashlib.sha256((self.data_dir / table.file).read_bytes()).hexdigest()
        key = (table.name, id(table), self.digests[table.name], _frozen(known), _frozen(options))
        frame, problems = _validated(frame, lambda: schemas.schema(table.name, known=known, **options), self, key)
        if rule.text and not problems:  # the texts are the articles' files, which articles.csv fixes by SHA-256
            key = (*key, "texts", self.digests.get("articles"))
            frame, problems = _validated(frame, lambda: rule.text(self), self, key)
        if problems:
            return None, problems
        for check in rule.checks:
            if problems := check(self, frame):
                return None, problems
        return frame, []

    def draft_rows(self, name):
        """Table ``name``'s draft rows (``review`` = ``draft``), or None when it has none to read."""
        return _read_csv(self.data_dir / registry.table(name).file, registry.table(name), drafts=True)[0]

    def loaded(self, name):
        """The table checked, indexed from 0, with its derived columns; raises its first problem."""
        if name not in self._loaded:
            frame, problems = self.checked(name)
            if problems:
                _raise_first(problems)
            rule = rules.TABLES.get(name, rules.Rules())
            frame = frame.reset_index(drop=True)
            self._loaded[name] = rule.derive(self, frame) if rule.derive else frame
        return self._loaded[name]


def load(name, data_dir=None):
    """Table ``name`` (a registry table) checked, with every table it needs, and with its derived columns."""
    return Run(data_dir).loaded(name)


def validate_all(data_dir=None):
    """Every problem in every table under data/, as DataErrors (empty when all holds): the articles first (when
    they fail, nothing else can be checked), each table in the registry's order, then the checks across tables
    (:data:`twokoreas.data.rules.WHOLE`, the drafts still to review last)."""
    run = Run(data_dir)
    problems = list(run.checked("articles")[1])
    if problems:
        return problems
    for name in registry.TABLES:
        problems += run.checked(name)[1]
    for whole in rules.WHOLE:
        if not any(run.checked(name)[1] for name in whole.needs):
            problems += whole.rule(run)
    return _once(problems)


def _once(problems):
    """Each problem once: the reference register, say, is checked for every table it registers."""
    unique = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())


def drafts(data_dir=None):
    """One DataError per draft row still to review (:func:`twokoreas.data.rules.drafts`)."""
    return rules.drafts(Run(data_dir))


def _loader(table):
    """``load_<table>(data_dir=None)``: :func:`load` of one table, documented from the registry and its rules."""

    def load_table(data_dir=None):
        return load(table.name, data_dir)

    def said(function):
        return " ".join(function.__doc__.split())

    rule = rules.TABLES.get(table.name, rules.Rules())
    checks = "".join(f" Then: {said(check)}" for check in rule.checks)
    added = f"\n\nAdds: {said(rule.derive)}" if rule.derive else ""
    load_table.__name__ = load_table.__qualname__ = f"load_{table.name}"
    load_table.__doc__ = (
        f"{table.description}\n\nRaises the first problem as a DataError: its registry columns and the tables they "
        f"point at, checked first.{checks}{added}"
    )
    return load_table


for _table in registry.TABLES.values():  # load_articles, load_claims, ... (the notebooks' tk.load_*)
    globals()[f"load_{_table.name}"] = _loader(_table)


def load_claims(data_dir=None, articles=None):
    """The curated claims: one row per quantitative mention, with its span, value, bounds, source and date
    interval (``date_earliest``, ``date_latest`` as dates; ``date_latest`` NaT when unbounded). Pass
    ``articles`` (from :func:`load_articles`) to check the spans against texts already read."""
    return Run(data_dir, articles).loaded("claims")
