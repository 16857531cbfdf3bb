"""Hypothesis mutates one cell of a curated row; the result is either a clear error or an unchanged table.

"Clear" means every problem is one located line without internal text, in the mutated file, at the
mutated row's real line (quoted multi-line cells counted). "Unchanged" means the table loads exactly as
it did before the mutation (``2059`` written ``2059``, ``40000000`` written ``40000000.0``). A mutation
that is accepted and changes what the notebooks read is a silent wrong result, the worst defect.

The cells mutated here are the ones the data must pin down completely: spans, mentions, values and
bounds, qualifiers, article ids and hashes. Some mutations still fail and are exercised in
``pending_cases.py`` instead: letters or decimals in a whole-number cell (internal text, campaign
S-cl-type and S-cl-float), a carriage return inside a cell (pandas then misreads the row: internal
text), a span end past the end of its article (accepted, since slicing stops at the end of the text),
and any fault in boilerplate.csv (reported at ``index + 2``, not at its real line,
campaign S-bp-line).

This file calls the loaders in-process (two small functions below) so that a hundred mutations fit in
CI's time; the command line itself is exercised by the other files of this folder.
"""

import shutil
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from twokoreas import loaders, paths
from twokoreas.textfile import row_lines

from faultlib import INTERNAL, LOCATED, Table

#: table -> (loader, the cells every change of which must be caught or be a no-op)
PINNED = {
    "claims.csv": (loaders.load_claims, ["start", "end", "mention", "value", "value_low", "value_high", "qualifier",
                                         "article_id"]),
    "events.csv": (loaders.load_events, ["start", "end", "quote", "article_id"]),
    "not_quantities.csv": (loaders.load_not_quantities, ["start", "end", "mention", "article_id"]),
    "articles.csv": (loaders.load_articles, ["sha256", "file"]),
    "reference_files.csv": (loaders.load_kiel_tracker, ["sha256", "file"]),
}
WHOLE = {"start", "end"}
FLOAT = {"value", "value_low", "value_high"}
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


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
    return st.one_of(st.integers(-3, 3).map(lambda d: str(number + d)), st.integers(-10**9, 10**9).map(str))


def float_text(original):
    number = float(original) if original else 0.0
    return st.one_of(
        st.integers(-3, 3).map(lambda d: f"{number + d:.0f}"),
        st.floats(allow_nan=False, allow_infinity=False).map(str),
        st.sampled_from([f"{number:.1f}", f"{number:e}", "", "NaN", "inf", "-inf", "0", "-1"]),
    )


def any_text(original):
    alphabet = string.ascii_letters + string.digits + " ,.;:'\"-_/\n\t$€é"
    return st.one_of(
        st.text(alphabet=alphabet, max_size=12),
        st.sampled_from([original.upper(), original.lower(), f" {original}", f"{original} ", original[:-1],
                         original[1:], original + original[-1:], original.replace(" ", "  "), ""]),
    )


@st.composite
def mutations(draw, data):
    name = draw(st.sampled_from(sorted(PINNED)))
    table = Table(data / name)
    row = draw(st.integers(1, len(table.rows) - 1))
    column = draw(st.sampled_from(PINNED[name][1]))
    original = table.get(row, column)
    strategy = whole_number_text if column in WHOLE else float_text if column in FLOAT else any_text
    value = draw(strategy(original).filter(lambda v: v != original))
    if column == "end":
        article = data / "raw/articles" / f"{table.get(row, 'article_id')}.txt"
        assume(int(value) <= len(article.read_text(encoding="utf-8")))
    return name, row, column, value


@SETTINGS
@given(mutation=st.data())
def test_a_mutated_cell_is_a_clear_error_or_changes_nothing(data, originals, mutation):
    name, row, column, value = mutation.draw(mutations(data))
    path = data / name
    saved = path.read_bytes()
    try:
        Table(path).set(row, column, value).write()
        line = row_lines(path.read_text(encoding="utf-8"))[row - 1]
        problems = problems_in(data)
        if problems:
            for problem in problems:
                assert "\n" not in problem and not INTERNAL.search(problem), problem
                match = LOCATED.match(problem)
                assert match and match["file"].endswith(f"data/{name}") and int(match["line"] or 0) == line, \
                    f"{column}={value!r} at data/{name}:{line} gave {problems}"
        else:
            assert table_in(data, name).equals(originals[name]), \
                f"data/{name}:{line}: {column}={value!r} was accepted and changed the table"
    finally:
        path.write_bytes(saved)
