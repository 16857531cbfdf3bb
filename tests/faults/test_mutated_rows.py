"""Hypothesis mutates one cell of a curated row; the result is either a clear error or an unchanged table.

"Clear" means every problem is one located line without internal text, in the mutated file, at the
mutated row's real line (quoted multi-line cells counted). "Unchanged" means the table loads exactly as
it did before the mutation (``2059`` written ``2059``, ``40000000`` written ``40000000.0``). A mutation
that is accepted and changes what the notebooks read is a silent wrong result, the worst defect.

The cells mutated here are the ones the data must pin down completely: spans, mentions, values and
bounds, qualifiers and units, article ids and hashes, and exchange-rate years. Any text goes into any of
them: letters or decimals in a whole number (campaign S-cl-type, S-cl-float, S-ev-rungtxt), a carriage
return or a NUL inside a cell, a span end past the end of its article. Two cells hold a judgment rather
than a fact of the text, so only what cannot be a judgment is drawn for them: an event's rung gets text
that is not a whole number (another rung is a legitimate recoding), and an exchange-rate year text that
is not another year of the range (a year replaced by another is the missing-year case, S-fx-del, which
``check`` names without a line: there is no row for a missing year).

Every pinned cell is mutated (one test per cell, so both workers share them): the draws of one property over
all cells left 11 of the 27 untouched, ``claims.csv``'s value, start and article id among them.

This file calls the loaders in-process (two small functions below) so that the mutations fit in CI's
time; the command line itself is exercised by the other files of this folder.
"""

import shutil
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twokoreas.data import loaders
from twokoreas import paths
from twokoreas.files import row_lines

from faultlib import INTERNAL, LOCATED, Table

#: table -> (loader, the cells every change of which must be caught or be a no-op)
PINNED = {
    "claims.csv": (
        loaders.load_claims,
        ["start", "end", "mention", "value", "value_low", "value_high", "qualifier", "unit", "article_id"],
    ),
    "events.csv": (loaders.load_events, ["start", "end", "quote", "rung", "article_id"]),
    "not_quantities.csv": (loaders.load_not_quantities, ["start", "end", "mention", "article_id"]),
    "boilerplate.csv": (loaders.load_boilerplate, ["start", "end", "text", "article_id"]),
    "articles.csv": (loaders.load_articles, ["sha256", "file"]),
    "reference_files.csv": (loaders.load_kiel_tracker, ["sha256", "file"]),
    "exchange_rates.csv": (loaders.load_exchange_rates, ["year"]),
}
WHOLE = {"start", "end"}
FLOAT = {"value", "value_low", "value_high"}
SETTINGS = settings(  # per cell: the first, simplest mutation and one more drawn at random (54 in all)
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def problems_in(data):
    """What ``python -m twokoreas check`` prints for ``data``, as strings."""
    return [str(p) for p in loaders.validate_all(data)]


def table_in(data, name):
    return PINNED[name][0](data)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    target = tmp_path_factory.mktemp("mutated") / "data"
    shutil.copytree(paths.DATA, target)
    return target


@pytest.fixture(scope="module")
def originals(data):
    return {name: table_in(data, name) for name in PINNED}


def whole_number_text(original):
    number = int(original)
    return st.one_of(st.integers(-3, 3).map(lambda d: str(number + d)), st.integers(-(10**9), 10**9).map(str))


def float_text(original):
    number = float(original) if original else 0.0
    return st.one_of(
        st.integers(-3, 3).map(lambda d: f"{number + d:.0f}"),
        st.floats(allow_nan=False, allow_infinity=False).map(str),
        st.sampled_from([f"{number:.1f}", f"{number:e}", "", "NaN", "inf", "-inf", "0", "-1"]),
    )


#: Text that has broken the loaders before: a CR or NUL inside a cell, decimals and letters in whole numbers,
#: digits of another script, a decimal comma, a bare sign, white space.
TRICKY = [
    "\r",
    "\x00",
    "1\r",
    "a\x00b",
    "abc",
    "three",
    "1.5",
    "1192.0",
    "1,0813",
    "1e3",
    "\u0663",
    "-",
    "+",
    " ",
    "\t",
    "\n",
    '"',
    "NaN",
    "None",
    "null",
    "∞",
]


def any_text(original):
    alphabet = string.ascii_letters + string.digits + " ,.;:'\"-_/\n\r\t$€é"
    return st.one_of(
        st.sampled_from(TRICKY),
        st.text(max_size=10),  # anything at all: control characters, other scripts
        st.text(alphabet=alphabet, max_size=12),
        st.sampled_from(
            [
                original.upper(),
                original.lower(),
                f" {original}",
                f"{original} ",
                original[:-1],
                original[1:],
                original + original[-1:],
                original.replace(" ", "  "),
                f"{original}\r",
                f"{original}.0",
                f"{original}.5",
                "",
            ]
        ),
    )


def _whole(value):
    try:
        int(value)
    except ValueError:
        return False
    return True


def legitimate(column, value):
    """A value that is a judgment, not a fault: another rung, another exchange-rate year."""
    return column == "rung" and _whole(value) or column == "year" and _whole(value) and 1999 <= int(value) <= 2100


CELLS = [(name, column) for name, (_, columns) in sorted(PINNED.items()) for column in columns]


@st.composite
def mutations(draw, data, name, column):
    table = Table(data / name)
    row = draw(st.integers(1, len(table.rows) - 1))
    original = table.get(row, column)
    strategy = (
        st.one_of(whole_number_text(original), any_text(original))
        if column in WHOLE
        else st.one_of(float_text(original), any_text(original))
        if column in FLOAT
        else any_text(original)
    )
    value = draw(strategy.filter(lambda v: v != original and not legitimate(column, v)))
    return row, value


@pytest.mark.parametrize("name, column", CELLS)
@SETTINGS
@given(mutation=st.data())
def test_a_mutated_cell_is_a_clear_error_or_changes_nothing(data, originals, name, column, mutation):
    row, value = mutation.draw(mutations(data, name, column))
    path = data / name
    saved = path.read_bytes()
    try:
        Table(path).set(row, column, value).write()
        line = row_lines(saved.decode("utf-8"))[row - 1]  # the row starts where it did: its own cell moves nothing
        problems = problems_in(data)
        if problems:
            for problem in problems:
                assert "\n" not in problem and not INTERNAL.search(problem), problem
                match = LOCATED.match(problem)
                assert match and match["file"].endswith(f"data/{name}") and int(match["line"] or 0) == line, (
                    f"{column}={value!r} at data/{name}:{line} gave {problems}"
                )
        else:
            assert table_in(data, name).equals(originals[name]), (
                f"data/{name}:{line}: {column}={value!r} was accepted and changed the table"
            )
    finally:
        path.write_bytes(saved)
