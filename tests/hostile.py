"""Hostile text in every free-text column of every curated table, as a reviewer could accept it: what the
escaping tests write into a copy of ``data/`` before building the site from it.

A payload is appended to each non-empty cell of each string column that has no vocabulary and no pattern
(ids, dates and codes cannot hold markup: ``check`` refuses them). A column whose payload ``check`` refuses
(a quoted span that must match its article, a key another table points at) is restored, so the payloads
left are exactly those ``check`` lets through, which ``make`` would publish.
"""

import hashlib
import re
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup

from twokoreas.data import registry
from twokoreas.data.loaders import validate_all

MARK = "tkx"
# an element with an attribute of its own, and (in longer text) a Markdown link to a script URL
SHORT = f" <i {MARK}>"
LONG = f" <i {MARK}>[x](javascript:{MARK})"
SENTINELS = ("unknown", "none", "own reporting")  # words the code reads as "no value", not text
LOOKED_UP = ("country",)  # names notebooks select rows by ("South Korea"): a payload there changes the analysis


def text_columns(table):
    """The columns of ``table`` that hold free text."""
    return [
        c.name
        for c in table.columns
        if c.type == "string"
        and c.vocab is None
        and c.pattern is None
        and c.name not in table.key
        and c.name not in LOOKED_UP
    ]


def _payload(values):
    return LONG if values.str.len().max() > 60 else SHORT


def inject(data_dir, rounds=30):
    """Append payloads in ``data_dir`` (a copy of data/); return ``{file: [columns]}`` that keep them."""
    originals, kept = {}, {}
    for table in registry.TABLES.values():
        path = data_dir / table.file
        if not path.exists():
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        columns = [c for c in text_columns(table) if c in frame and (frame[c] != "").any()]
        if not columns:
            continue
        originals[table.file] = frame.copy()
        for column in columns:
            filled = ~frame[column].isin(["", *SENTINELS])
            frame.loc[filled, column] = frame.loc[filled, column] + _payload(frame.loc[filled, column])
        frame.to_csv(path, index=False)
        kept[table.file] = columns
    for _ in range(rounds):  # check stops at the first stage that fails: repeat until it passes
        _register(data_dir)
        problems = validate_all(data_dir)
        if not problems:
            return kept
        named = {(Path(p.file).name, p.field) for p in problems}
        restored = [(file, c) for file, columns in kept.items() for c in columns if (Path(file).name, c) in named]
        if not restored:  # a problem named by another field of a table with payloads: its last column goes
            files = {name for name, _ in named}
            restored = [
                next((file, columns[-1]) for file, columns in kept.items() if columns and Path(file).name in files)
            ]
        for file, column in restored:
            _restore(data_dir / file, originals[file], column)
            kept[file].remove(column)
    raise AssertionError(f"payloads left that check refuses: {validate_all(data_dir)[:3]}")


def _register(data_dir):
    """Record the new SHA-256 of each reference file, as a person who edits one must."""
    register = data_dir / "reference_files.csv"
    frame = pd.read_csv(register, dtype=str, keep_default_na=False)
    frame["sha256"] = [hashlib.sha256((data_dir / f).read_bytes()).hexdigest() for f in frame.file]
    frame.to_csv(register, index=False)


def _restore(path, original, column):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame[column] = original[column]
    frame.to_csv(path, index=False)


def live_markup(html_text):
    """Elements or attributes of a page that came from a payload, and links with a script URL."""
    soup = BeautifulSoup(html_text, "html.parser")
    found = []
    for element in soup.find_all(True):
        if MARK in element.attrs:
            found.append(str(element)[:120])
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = re.sub(r"\s", "", str(element.get(name, ""))).lower()
            if value.startswith(("javascript:", "vbscript:", "data:text")):
                found.append(str(element)[:120])
    return found
