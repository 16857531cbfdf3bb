"""End to end, as ``make`` builds it (X01, X02, X03, S02, and every other place text from ``data/`` reaches a
page): in a copy of the project, hostile text goes into every free-text column of every table that ``check``
lets it into (:mod:`hostile`), a formula into a reliability note, and a draft article is added and left
unreviewed. The full build must pass, and then no page holds an element, attribute or script URL that came
from the data, no download holds a formula cell or a draft row.
"""

import csv
import subprocess
import sys

import nbformat
import pytest

import hostile
from test_runner import project
from twokoreas.data import registry
from twokoreas.cli.add import add_article
from twokoreas.data.downloads import is_formula
from twokoreas.paths import notebook_paths

FORMULA = '=HYPERLINK("http://evil.example/","click")'
DRAFT = "A made-up report\nSeoul sent 7 trucks of aid on 3 March 2024, officials said.\n"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("hostile")
    root, env = project(tmp_path, [p.name for p in notebook_paths()])
    data = root / "data"
    kept = hostile.inject(data)
    note = (data / "articles.csv").read_text(encoding="utf-8")
    (data / "articles.csv").write_text(
        note.replace(
            "Sputnik is Russian state media.", FORMULA.replace('"', '""') + " Sputnik is Russian state media.", 1
        ),
        encoding="utf-8",
    )
    source = tmp_path / "draft.txt"
    source.write_text(DRAFT, encoding="utf-8")
    draft_id, _ = add_article(source, data_dir=data)
    done = subprocess.run(
        [sys.executable, "-m", "twokoreas", "run", "--rebuild"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return root, kept, draft_id


def test_hostile_text_in_every_text_column_is_never_live_on_any_page(hostile_build):
    root, kept, _ = hostile_build
    assert sum(map(len, kept.values())) >= 30, kept  # the payloads reached most text columns
    assert {"outlet_description", "reliability_note"} <= set(kept["articles.csv"])  # X01, X02
    pages = sorted((root / "site").rglob("*.html"))
    assert sum(p.read_text(encoding="utf-8").count(hostile.MARK) for p in pages) > 100, "the payloads are shown"
    live = {
        p.relative_to(root).as_posix(): found
        for p in pages
        if (found := hostile.live_markup(p.read_text(encoding="utf-8")))
    }
    assert live == {}


def test_hostile_text_is_never_live_in_a_notebook_output(hostile_build):
    root, _, _ = hostile_build
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                for kind in ("text/html", "text/markdown"):
                    markup = output.get("data", {}).get(kind, "")
                    assert not hostile.live_markup(markup) and f"<i {hostile.MARK}>" not in markup, (path.name, kind)


def test_downloads_hold_no_formula_and_no_draft(hostile_build):
    root, _, draft_id = hostile_build
    downloads, cells = root / "site" / "data", {}
    for table in registry.TABLES.values():
        with open(downloads / table.file.split("/")[-1], encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        assert not [c for row in rows for c in row if is_formula(c)], table.file
        assert not [row for row in rows if draft_id in row or "draft" in row], table.file
        cells[table.name] = [c for row in rows for c in row]
    assert [c for c in cells["articles"] if c.startswith(f"'{FORMULA} Sputnik")], "shown as text, not dropped"
    assert (root / "data" / "raw" / "articles" / f"{draft_id}.txt").exists(), "the draft stays on the machine"
    assert not (root / "site" / "articles" / f"{draft_id}.html").exists()
