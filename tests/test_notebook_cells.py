"""The notebooks share no copied cells: setup and sources live in the notebook kit, not in each notebook."""

import itertools
import re

import nbformat
import pytest

from twokoreas import paths

MINE = sorted(path.stem for path in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))  # every notebook, present and future
MAX_CODE_LINES = 150


def code_cells(name):
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [c.source.strip() for c in nb.cells if c.cell_type == "code"]


def statements(cell):
    """A cell's substantive lines: not imports, not brackets or short openers such as ``nb.say(``."""
    return {
        line.strip()
        for line in cell.splitlines()
        if len(line.strip()) >= 15 and not line.startswith(("import ", "from "))
    }


@pytest.mark.parametrize("first, second", list(itertools.combinations(MINE, 2)))
def test_no_two_notebooks_share_a_cell_beyond_opening_the_kit(first, second):
    for a in code_cells(first):
        for b in code_cells(second):
            shared = statements(a) & statements(b) - {"nb.sources(claims)"}
            shared = {s for s in shared if not s.startswith(("nb = tk.notebook(", "nb.period("))}  # the opening
            assert len(shared) < 2, f"{first} and {second} share a cell: {sorted(shared)}"


@pytest.mark.parametrize("name", MINE)
def test_the_first_code_cell_holds_every_import_and_opens_the_kit(name):
    first, *rest = code_cells(name)
    assert f'nb = tk.notebook("{name}")' in first
    for cell in rest:
        assert not re.search(r"^\s*(import|from \S+ import) ", cell, re.MULTILINE), f"{name}: import outside cell 1"


@pytest.mark.parametrize("name", MINE)
def test_prose_names_facts_by_key_not_by_claim_id(name):
    for cell in code_cells(name):
        assert not re.search(r"['\"]\d{3}-\d{2}['\"]", cell), f"{name}: a claim id in code: use its fact_key"


@pytest.mark.parametrize("name", MINE)
def test_no_notebook_loads_the_articles_or_claims_itself(name):
    for cell in code_cells(name):
        assert "load_sourced_claims(" not in cell and "load_articles(" not in cell, name


def test_every_notebook_is_found():
    assert len(MINE) >= 11 and "09_stances_over_time" in MINE


@pytest.mark.parametrize("name", MINE)
def test_no_notebook_exceeds_the_code_budget(name):
    lines = sum(len(cell.splitlines()) for cell in code_cells(name))
    assert lines <= MAX_CODE_LINES, f"{name}: {lines} code lines; move analysis into src/ and charts into charts.py"


def test_the_stances_notebook_defines_no_functions():
    for cell in code_cells("09_stances_over_time"):
        assert not re.search(r"^\s*(def|class)\s", cell, re.MULTILINE), cell[:200]


@pytest.mark.parametrize("name", MINE)
def test_every_code_cell_carries_the_hide_input_tag_so_nbconvert_no_input_gives_a_readers_page(name):
    nb = nbformat.read(paths.NOTEBOOKS / f"{name}.ipynb", as_version=4)
    untagged = [c.id for c in nb.cells if c.cell_type == "code" and "hide-input" not in c.metadata.get("tags", [])]
    assert not untagged, f"{name}: {untagged}"
