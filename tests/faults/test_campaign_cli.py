"""The reliability campaign's command-line, environment, notebook and runner faults, replayed with
``python -m twokoreas`` on a copy of the project (campaign ids in each test's name or docstring).

Every fault must end in a clear message and an exit status, never a traceback, and leave the tree as it
was. Runner faults use a copy holding only the notebook the case needs, so no case runs the whole build.
"""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from faultlib import ARTICLE_001, INTERNAL, Table, assert_clear, environment, lines_of, make_project, snapshot, \
    twokoreas

ARTICLES = sorted((Path(__file__).resolve().parents[2] / "data/raw/articles").glob("*.txt"))


def assert_no_traceback(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


def one_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert not INTERNAL.search(lines[0]), lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def only_notebooks(project, *names, inject=None):
    """Give the copy a notebooks/ folder holding just ``names`` (and figures/ to write into)."""
    source = Path(__file__).resolve().parents[2]
    (project / "notebooks").mkdir()
    for name in names:
        (project / "notebooks" / name).write_bytes((source / "notebooks" / name).read_bytes())
    if not (project / "figures").exists():
        shutil.copytree(source / "figures", project / "figures")
    if inject:
        name, position, code = inject
        path = project / "notebooks" / name
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(position, nbformat.v4.new_code_cell(code))
        nbformat.write(nb, path)


def synthetic_notebook(project, name, *cells):
    (project / "notebooks").mkdir(exist_ok=True)
    (project / "figures").mkdir(exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbformat.write(nb, project / "notebooks" / name)


# ---- check: paths, encodings, environment (S-dir, E05, E06, E09, W06) ----

def test_S_dir_a_table_replaced_by_a_folder_is_one_line(project):
    (project / "data/claims.csv").unlink()
    (project / "data/claims.csv").mkdir()
    before = snapshot(project)
    result = twokoreas(project, "check")
    assert result.returncode == 1
    assert_clear(lines_of(result), "data/claims.csv")
    assert one_line(result.stderr + result.stdout).startswith("data/claims.csv: ")
    assert snapshot(project) == before


def test_E09_an_ascii_console_gets_the_problem_with_the_character_escaped(project):
    Table(project / "data/claims.csv").set(3, "unit", "€").write()
    result = twokoreas(project, "check", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert_no_traceback(result)
    line = one_line(result.stdout + result.stderr)
    assert line.startswith("data/claims.csv:4: unit: ") and "\\u20ac" in line


@pytest.mark.parametrize("variable, value", [("LC_ALL", "C"), ("HOME", "/nonexistent")], ids=["E05", "E06"])
def test_E05_E06_check_is_indifferent_to_locale_and_home(project, variable, value):
    result = twokoreas(project, "check", env={variable: value, "LANG": "C"} if variable == "LC_ALL" else {variable: value})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_W06_check_from_another_working_directory(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = twokoreas(project, "check", cwd=elsewhere)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not any(elsewhere.iterdir())


# ---- the guard itself: a bug is one line; TWOKOREAS_DEBUG shows where ----

def _plant_bug(project):
    """Make the copy's check raise an exception nothing expects (a redefinition at the end of loaders.py)."""
    with open(project / "src/twokoreas/loaders.py", "a", encoding="utf-8") as loaders:
        loaders.write('\n\ndef validate_all(data_dir=None):\n    raise KeyError("planted")\n')


def test_an_unexpected_exception_is_one_line_naming_the_command_and_the_debug_switch(project):
    _plant_bug(project)
    result = twokoreas(project, "check")
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("twokoreas check: internal error (KeyError)") and "TWOKOREAS_DEBUG=1" in line
    assert "planted" not in result.stderr


def test_TWOKOREAS_DEBUG_prints_the_traceback_before_the_line(project):
    _plant_bug(project)
    result = twokoreas(project, "check", env={"TWOKOREAS_DEBUG": "1"})
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback") and "KeyError: 'planted'" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("twokoreas check: internal error (KeyError)")


# ---- extract, one file at a time (X01-X14, Y28) ----

def _extract(project, *args, **kw):
    return twokoreas(project, "extract", *args, **kw)


@pytest.mark.parametrize("case, content, expected", [
    ("X01", None, "nosuch.txt: not found"),
    ("X02", "folder", "adir: is a folder, not a file"),
    ("X03", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.png: binary file (contains NUL bytes)"),
    ("X04", b"", "empty.txt: empty file"),
    ("X05", "Seoul sent 40 tanks.\nCaf\u00e9 \u2019quote\u2019 and 3 guns\n".encode("cp1252"),
     "latin1.txt:2: not UTF-8 text: byte 0xe9 at column 4"),
    ("X06", "Seoul sent 40 tanks.".encode("utf-16"), "utf16.txt: UTF-16 text"),
], ids=["X01", "X02", "X03", "X04", "X05", "X06"])
def test_X_extract_names_an_unreadable_file_in_one_line(project, case, content, expected):
    name = expected.split(":")[0]
    if content == "folder":
        (project / name).mkdir()
    elif content is not None:
        (project / name).write_bytes(content)
    before = snapshot(project)
    result = _extract(project, name)
    assert result.returncode == 1
    assert one_line(result.stderr).startswith(expected)
    assert [line.split(",")[:3] for line in result.stdout.splitlines()] == [["file", "start", "end"]]  # header only
    assert snapshot(project) == before


def test_X07_a_CRLF_file_gives_the_same_figures_with_offsets_counting_the_CRs(project):
    lf = project / "data" / ARTICLE_001
    crlf = project / "crlf.txt"
    crlf.write_bytes(lf.read_bytes().replace(b"\n", b"\r\n"))
    a, b = _extract(project, lf), _extract(project, crlf)
    assert (a.returncode, b.returncode) == (0, 0)
    assert [r.split(",")[3] for r in a.stdout.splitlines()] == [r.split(",")[3] for r in b.stdout.splitlines()]


def test_X08_a_dash_reads_standard_input(project):
    result = _extract(project, "-", stdin="Kyiv got 40 tanks.")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1].startswith("-,9,11,40,40,40,40,exact,count")


@pytest.mark.parametrize("args", [["extract"], ["chek"], ["extract", "--format", "json", "x.txt"],
                                  ["extract", "--corpus", "data/raw/articles"],
                                  ["extract", "x.txt", "--corpus", "data/raw/articles", "--out", "c.parquet"]],
                         ids=["X09", "X12", "X14", "Y15", "Y27"])
def test_X09_X12_X14_Y15_Y27_usage_mistakes_get_argparse_usage_and_exit_2(project, args):
    result = twokoreas(project, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: twokoreas") and "error:" in result.stderr.splitlines()[-1]
    assert_no_traceback(result)


def test_X10_X13_a_bad_file_among_good_ones(project):
    (project / "binary.png").write_bytes(b"\x00\x01")
    good = project / "data" / ARTICLE_001
    result = _extract(project, good, "nosuch.txt")
    assert result.returncode == 1 and one_line(result.stderr) == "nosuch.txt: not found"
    assert len(result.stdout.splitlines()) > 1
    explain = _extract(project, "--explain", "binary.png")
    assert explain.returncode == 1 and one_line(explain.stderr) == "binary.png: binary file (contains NUL bytes)"


def test_Y28_a_reader_that_stops_early_ends_extract_quietly(project):
    files = [str(p) for p in ARTICLES] * 20  # far more than a pipe's buffer
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "extract", *files], cwd=project,
                               env=environment(project), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().startswith(b"file,start,end")
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert stderr == ""


def _wait_for(predicate, timeout=120):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_ctrl_c_during_extract_exits_130_with_one_line(project, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes((project / "data" / ARTICLE_001).read_bytes() * 400)
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "extract", str(big)], cwd=project,
                               env=environment(project, PYTHONUNBUFFERED="1"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("file,")  # past start-up, into the work
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr) == "twokoreas extract: interrupted"


# ---- extract --corpus: an unusable --out is one line (Y21, Y22, Y23) ----

@pytest.mark.parametrize("case, out, expected", [
    ("Y21", "out/isdir", "out/isdir"),
    ("Y22", "/sys/c.parquet", "/sys/"),
    ("Y23", "/proc/nope/c.parquet", "/proc/nope"),
], ids=["Y21", "Y22", "Y23"])
def test_Y21_Y22_Y23_an_unusable_out_path_is_one_line(project, case, out, expected):
    (project / "out/isdir").mkdir(parents=True)
    before = snapshot(project)
    result = twokoreas(project, "extract", "--corpus", "data/raw/articles", "--out", out)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith(expected) and "internal error" not in line
    assert snapshot(project) == before



# ---- notebooks: unreadable files are named before anything runs (N04, N05, N07) ----

def _truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


@pytest.mark.parametrize("command", ["run", "site"], ids=["N04", "N05"])
def test_N04_N05_a_truncated_notebook_is_named_with_its_line_before_anything_runs(tmp_path, command):
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    _truncate(project / "notebooks/04_troops.ipynb")
    before = snapshot(project)
    result = twokoreas(project, command)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert_clear([one_line(result.stderr)], "notebooks/04_troops.ipynb")
    assert result.stderr.startswith("notebooks/04_troops.ipynb:") and "not valid JSON" in result.stderr
    assert result.stdout == ""  # refused before executing or rendering anything
    assert snapshot(project) == before


def test_N07_a_stray_empty_notebook_is_named_before_anything_runs(tmp_path):
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    (project / "notebooks/99_notes.ipynb").write_bytes(b"")
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert one_line(result.stderr) == "notebooks/99_notes.ipynb: empty file"
    assert result.stdout == ""
    assert snapshot(project) == before


# ---- the runner, on a copy holding only the notebook a case needs (N01, N03, N06, R01, R02, E03, E04) ----

@pytest.mark.parametrize("case, code, error", [
    ("N01", 'raise RuntimeError("injected fault")', "RuntimeError: injected fault"),
    ("N03", "def broken(:", "SyntaxError"),
    ("N06", "import sys; sys.exit(3)", "SystemExit"),
], ids=["N01", "N03", "N06"])
def test_N01_N03_N06_a_failing_cell_is_named_and_the_notebook_left_as_committed(project, case, code, error):
    only_notebooks(project, "04_troops.ipynb", inject=("04_troops.ipynb", 5, code))
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "04_troops.ipynb" in result.stderr and "cell 6 " in result.stderr and error in result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("case", ["R01", "R12"])
def test_R01_R12_bad_data_stops_the_run_at_the_first_notebook_with_the_located_problem(project, case):
    only_notebooks(project, "00_corpus.ipynb")
    if case == "R01":
        raw = bytearray((project / "data" / ARTICLE_001).read_bytes())
        raw[500:501] = b"X"
        (project / "data" / ARTICLE_001).write_bytes(bytes(raw))
        where = "data/articles.csv:3: sha256:"
    else:
        Table(project / "data/claims.csv").set(3, "unit", "dollars").set(4, "qualifier", "roughly").write()
        where = "data/claims.csv:4: unit:"
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "00_corpus.ipynb" in result.stderr and where in result.stderr
    assert snapshot(project) == before


def test_E04_an_ascii_console_does_not_break_the_run(project):
    only_notebooks(project, "00_corpus.ipynb")
    Table(project / "data/claims.csv").set(3, "unit", "dollars").write()
    before = snapshot(project)
    result = twokoreas(project, "run", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "data/claims.csv:4: unit:" in result.stderr
    assert snapshot(project) == before


def test_E03_a_figures_folder_that_cannot_be_created_fails_the_run_by_name(project):
    only_notebooks(project, "00_corpus.ipynb")
    before = snapshot(project)
    result = twokoreas(project, "run", env={"TWOKOREAS_FIGURES": "/proc/nope"})
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "/proc/nope" in result.stderr
    assert snapshot(project) == before



# ---- site (D01) ----



def test_D01_site_renders_byte_identical_pages_twice(tmp_path):
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    first = twokoreas(project, "site")
    assert first.returncode == 0, first.stderr
    pages = {k: v for k, v in snapshot(project).items() if k.startswith("site")}
    second = twokoreas(project, "site")
    assert second.returncode == 0, second.stderr
    assert {k: v for k, v in snapshot(project).items() if k.startswith("site")} == pages

