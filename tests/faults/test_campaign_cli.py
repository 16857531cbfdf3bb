"""The reliability campaign's command-line, environment, notebook and runner faults, replayed with
``python -m twokoreas`` on a copy of the project (campaign ids in each test's name or docstring).

Every fault must end in a clear message and an exit status, never a traceback, and leave the tree as it
was. Runner faults use a copy holding only the notebook the case needs, so no case runs the whole build.
Faults that need no real process to show run the command in this process (:func:`here`); a real process is
started for what only one shows: exit statuses from signals and a closed pipe, the console's encoding, the
locale, a Dask cluster or scheduler, kernels, and the guard around code the copy itself holds.
"""

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import inprocess
from faultlib import (
    ARTICLE_001,
    INTERNAL,
    KIEL,
    Table,
    assert_clear,
    default_sigint,
    environment,
    lines_of,
    make_project,
    reregister,
    snapshot,
    twokoreas,
)

DATA_EXPLORER = f"{KIEL}/data_explorer.csv"
ARTICLES = sorted((Path(__file__).resolve().parents[2] / "data/raw/articles").glob("*.txt"))


def here(project, *args, **options):
    """``twokoreas ARGS`` on ``project``, run in this process; the CompletedProcess a real one would give."""
    options.pop("timeout", None)
    return inprocess.twokoreas(*args, root=project, **options)


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


def test_a_table_replaced_by_a_folder_is_one_line(project):
    """Campaign S-dir."""
    (project / "data/claims.csv").unlink()
    (project / "data/claims.csv").mkdir()
    before = snapshot(project)
    result = here(project, "check")
    assert result.returncode == 1
    assert_clear(lines_of(result), "data/claims.csv")
    assert one_line(result.stderr + result.stdout).startswith("data/claims.csv: ")
    assert snapshot(project) == before


def test_an_ascii_console_gets_the_problem_with_the_character_escaped(project):
    """Campaign E09."""
    Table(project / "data/claims.csv").set(3, "unit", "€").write()
    result = twokoreas(project, "check", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert_no_traceback(result)
    line = one_line(result.stdout + result.stderr)
    assert line.startswith("data/claims.csv:4: unit: ") and "\\u20ac" in line


@pytest.mark.parametrize(
    "variable, value", [("LC_ALL", "C"), ("HOME", "/nonexistent")], ids=["locale-C", "home-missing"]
)
def test_check_is_indifferent_to_locale_and_home(project, variable, value):
    """Campaign E05, E06."""
    result = twokoreas(
        project, "check", env={variable: value, "LANG": "C"} if variable == "LC_ALL" else {variable: value}
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_from_another_working_directory(project, tmp_path):
    """Campaign W06."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = twokoreas(project, "check", cwd=elsewhere)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not any(elsewhere.iterdir())


# ---- the guard itself: a bug is one line; TWOKOREAS_DEBUG shows where ----


def _plant_bug(project):
    """Make the copy's check raise an exception nothing expects (a redefinition at the end of loaders.py)."""
    with open(project / "src/twokoreas/data/loaders.py", "a", encoding="utf-8") as loaders:
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
    return here(project, "extract", *args, **kw)


@pytest.mark.parametrize(
    "case, content, expected",
    [
        ("X01", None, "nosuch.txt: not found"),
        ("X02", "folder", "adir: is a folder, not a file"),
        ("X03", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.png: binary file (contains NUL bytes)"),
        ("X04", b"", "empty.txt: empty file"),
        (
            "X05",
            "Seoul sent 40 tanks.\nCaf\u00e9 \u2019quote\u2019 and 3 guns\n".encode("cp1252"),
            "latin1.txt:2: not UTF-8 text: byte 0xe9 at column 4",
        ),
        ("X06", "Seoul sent 40 tanks.".encode("utf-16"), "utf16.txt: UTF-16 text"),
    ],
    ids=["missing", "a-folder", "binary", "empty", "cp1252", "utf16"],
)
def test_extract_names_an_unreadable_file_in_one_line(project, case, content, expected):
    """Campaign X01-X06."""
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


def test_a_CRLF_file_gives_the_same_figures_with_offsets_counting_the_CRs(project):
    """Campaign X07."""
    lf = project / "data" / ARTICLE_001
    crlf = project / "crlf.txt"
    crlf.write_bytes(lf.read_bytes().replace(b"\n", b"\r\n"))
    a, b = _extract(project, lf), _extract(project, crlf)
    assert (a.returncode, b.returncode) == (0, 0)
    assert [r.split(",")[3] for r in a.stdout.splitlines()] == [r.split(",")[3] for r in b.stdout.splitlines()]


def test_a_dash_reads_standard_input(project):
    """Campaign X08."""
    result = _extract(project, "-", stdin="Kyiv got 40 tanks.")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1].startswith("-,9,11,40,40,40,40,exact,count")


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["chek"],
        ["extract", "--format", "json", "x.txt"],
        ["extract", "--corpus", "data/raw/articles"],
        ["extract", "x.txt", "--corpus", "data/raw/articles", "--out", "c.parquet"],
    ],
    ids=["no-file", "unknown-command", "unknown-format", "corpus-without-out", "files-and-corpus"],
)
def test_usage_mistakes_get_argparse_usage_and_exit_2(project, args):
    """Campaign X09, X12, X14, Y15, Y27."""
    result = here(project, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: twokoreas") and "error:" in result.stderr.splitlines()[-1]
    assert_no_traceback(result)


def test_a_bad_file_among_good_ones(project):
    """Campaign X10, X13."""
    (project / "binary.png").write_bytes(b"\x00\x01")
    good = project / "data" / ARTICLE_001
    result = _extract(project, good, "nosuch.txt")
    assert result.returncode == 1 and one_line(result.stderr) == "nosuch.txt: not found"
    assert len(result.stdout.splitlines()) > 1
    explain = _extract(project, "--explain", "binary.png")
    assert explain.returncode == 1 and one_line(explain.stderr) == "binary.png: binary file (contains NUL bytes)"


def test_a_reader_that_stops_early_ends_extract_quietly(project):
    """Campaign Y28."""
    files = [str(p) for p in ARTICLES] * 20  # far more than a pipe's buffer
    process = subprocess.Popen(
        [sys.executable, "-m", "twokoreas", "extract", *files],
        cwd=project,
        env=environment(project),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
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
    process = subprocess.Popen(
        [sys.executable, "-m", "twokoreas", "extract", str(big)],
        cwd=project,
        env=environment(project, PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )
    assert process.stdout.readline().startswith("file,")  # past start-up, into the work
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr) == "twokoreas extract: interrupted"


# ---- extract --corpus: an unusable --out is one line (Y21, Y22, Y23) ----


@pytest.mark.parametrize(
    "case, out, expected",
    [
        ("Y21", "out/isdir", "out/isdir"),
        ("Y22", "/sys/c.parquet", "/sys/"),
        ("Y23", "/proc/nope/c.parquet", "/proc/nope"),
    ],
    ids=["out-a-folder", "out-in-sys", "out-in-proc"],
)
def test_an_unusable_out_path_is_one_line(project, case, out, expected):
    """Campaign Y21, Y22, Y23."""
    (project / "out/isdir").mkdir(parents=True)
    before = snapshot(project)
    result = here(project, "extract", "--corpus", "data/raw/articles", "--out", out)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith(expected) and "internal error" not in line
    assert snapshot(project) == before


# ---- extract --corpus: bad input is one line naming it (Y02-Y08, Y10, Y13, Y14, Y17-Y19, Y24, Y25) ----


def _parquet(path, **columns):
    pq.write_table(pa.table(columns), path)
    return path


def _corpus_fails_clearly(project, corpus, out, *extra, name=None, run=here):
    result = run(project, "extract", "--corpus", corpus, "--out", out, *extra, timeout=120)
    assert result.returncode == 1, result.stderr
    line = one_line(result.stderr)
    assert line.startswith(f"{name or corpus}") and "internal error" not in line, line
    return line


def _written(path, raw):
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    "case",
    ["Y02", "Y03", "Y04", "Y05", "Y06", "Y07", "Y08", "Y19"],
    ids=[
        "corpus-missing",
        "corpus-a-text-file",
        "parquet-without-text",
        "parquet-without-id",
        "parquet-truncated",
        "parquet-garbage",
        "text-not-text",
        "scheduler-not-an-address",
    ],
)
def test_a_bad_corpus_or_scheduler_is_one_line_naming_it(project, tmp_path, case):
    """Campaign Y02-Y08, Y19."""
    article = (project / "data" / ARTICLE_001).read_text(encoding="utf-8")
    corpus = {
        "Y02": lambda: tmp_path / "nosuch",
        "Y03": lambda: project / "data" / ARTICLE_001,
        "Y04": lambda: _parquet(tmp_path / "notext.parquet", article_id=["a"]),
        "Y05": lambda: _parquet(tmp_path / "noid.parquet", text=[article]),
        "Y06": lambda: _written(
            tmp_path / "corrupt.parquet",
            _parquet(tmp_path / "good.parquet", article_id=["a"], text=[article]).read_bytes()[:-20],
        ),
        "Y07": lambda: _written(tmp_path / "garbage.parquet", b"not a parquet file at all..."),
        "Y08": lambda: _parquet(tmp_path / "inttext.parquet", article_id=["a"], text=[1]),
        "Y19": lambda: project / "data/raw/articles",
    }[case]()
    extra = ["--scheduler", "not-an-address"] if case == "Y19" else []
    _corpus_fails_clearly(
        project,
        corpus,
        tmp_path / "out.parquet",
        *extra,
        name="--scheduler" if case == "Y19" else None,
        run=twokoreas if case == "Y19" else here,
    )
    assert not (tmp_path / "out.parquet").exists()


def test_an_unreachable_scheduler_is_one_line_after_the_timeout(project, tmp_path):
    """Campaign Y18."""
    line = _corpus_fails_clearly(
        project,
        project / "data/raw/articles",
        tmp_path / "c.parquet",
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--timeout",
        "3",
        name="--scheduler",
        run=twokoreas,
    )
    assert "cannot be reached" in line and "3" in line


@pytest.mark.parametrize("case", ["Y13", "Y14"], ids=["a-sub-folder", "a-broken-link"])
def test_a_broken_entry_in_a_corpus_folder_is_skipped_not_fatal(project, tmp_path, case):
    """Campaign Y13, Y14."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in ARTICLES:
        (corpus / article.name).write_bytes(article.read_bytes())
    if case == "Y13":
        (corpus / "sub.txt").mkdir()
    else:
        (corpus / "broken.txt").symlink_to(tmp_path / "nowhere")
    result = here(project, "extract", "--corpus", corpus, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"{corpus}: {'sub' if case == 'Y13' else 'broken'}: " in result.stderr
    assert pq.read_table(tmp_path / "c.parquet").num_rows > 0


def test_a_null_article_id_is_reported_not_written(project, tmp_path):
    """Campaign Y10."""
    corpus = _parquet(tmp_path / "nullid.parquet", article_id=[None], text=["about 1,500 troops"])
    result = here(project, "extract", "--corpus", corpus, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1
    assert "article_id" in result.stderr
    assert (
        not (tmp_path / "c.parquet").exists()
        or pq.read_table(tmp_path / "c.parquet").column("article_id").null_count == 0
    )


def test_a_negative_worker_count_is_refused_at_once(project, tmp_path):
    """Campaign Y17."""
    result = twokoreas(
        project,
        "extract",
        "--corpus",
        project / "data/raw/articles",
        "--out",
        tmp_path / "c.parquet",
        "--workers",
        "-1",
        timeout=60,
    )
    assert result.returncode in (1, 2) and "--workers" in result.stderr
    assert_no_traceback(result)
    assert list(tmp_path.iterdir()) == [project]


def test_out_equal_to_the_corpus_is_refused_and_the_corpus_kept(project, tmp_path):
    """Campaign Y24."""
    corpus = _parquet(tmp_path / "in.parquet", article_id=["a"], text=["about 15-hundred troops"])
    digest = corpus.read_bytes()
    result = here(project, "extract", "--corpus", corpus, "--out", corpus)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert corpus.read_bytes() == digest


def test_a_failed_extraction_names_the_input_and_keeps_the_old_out(project, tmp_path):
    """Campaign Y25."""
    out = _parquet(tmp_path / "keep.parquet", article_id=["a"], text=["x"])
    kept = out.read_bytes()
    (tmp_path / "corrupt.parquet").write_bytes(b"PAR1 truncated")
    _corpus_fails_clearly(project, tmp_path / "corrupt.parquet", out)
    assert out.read_bytes() == kept


# ---- extract --corpus stopped half-way: nothing is left behind (Y29, Y30, Y31, Y33, Y35) ----


def _stalled_corpus(tmp_path):
    """A corpus whose extraction stalls half-way: a first partition of small articles (written to the output
    before the second is read), then a FIFO the second partition blocks on until :func:`_stalled` lets it go."""
    from twokoreas.text.corpus import PARTITION

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    for n in range(PARTITION):
        (corpus / f"{n:05d}.txt").write_text(f"Seoul sent {n} tanks and about 1,500 troops in 2023.\n")
    os.mkfifo(corpus / "zz_stalled.txt")
    return corpus, out


@contextmanager
def _stalled(process, corpus):
    """Wait until ``process`` (or one of its workers) is blocked reading the corpus's FIFO; release it on exit."""
    deadline = time.monotonic() + 120
    while True:
        try:
            writer = os.open(corpus / "zz_stalled.txt", os.O_WRONLY | os.O_NONBLOCK)  # fails until a reader waits
            break
        except OSError as err:
            assert err.errno == errno.ENXIO and process.poll() is None and time.monotonic() < deadline, (
                process.communicate()
            )
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(writer)


def _corpus_extraction(project, corpus, out, workers):
    args = [sys.executable, "-m", "twokoreas", "extract", "--corpus", str(corpus), "--out", str(out / "c.parquet")]
    return subprocess.Popen(
        args + (["--workers", workers] if workers else []),
        cwd=project,
        env=environment(project),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,
    )


@pytest.mark.parametrize(
    "sig, workers",
    [(signal.SIGKILL, None), (signal.SIGTERM, "2"), (signal.SIGKILL, "2")],
    ids=["SIGKILL-in-process", "SIGTERM-on-workers", "SIGKILL-on-workers"],
)
def test_a_killed_corpus_extraction_leaves_no_temporary_file(project, tmp_path, sig, workers):
    """Campaign Y29, Y31, Y33."""
    corpus, out = _stalled_corpus(tmp_path)
    process = _corpus_extraction(project, corpus, out, workers)
    with _stalled(process, corpus):
        process.send_signal(sig)
        process.wait(timeout=120)
    process.communicate(timeout=120)
    assert process.returncode == -sig
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("workers", [None, "2"], ids=["in-process", "on-workers"])
def test_ctrl_c_during_corpus_extraction_exits_130_with_one_line_and_no_temporary_file(project, tmp_path, workers):
    """Campaign Y30, Y35."""
    corpus, out = _stalled_corpus(tmp_path)
    process = _corpus_extraction(project, corpus, out, workers)
    with _stalled(process, corpus):
        process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr) == "twokoreas extract: interrupted"
    assert list(out.iterdir()) == []


def test_a_successful_run_on_workers_prints_its_summary_and_nothing_else(project, tmp_path):
    """Campaign Y34. The campaign saw, once in ten loaded runs, a distributed heartbeat ERROR and a CommClosedError traceback
    printed by a run that succeeded: the cluster's own logging must stay quiet."""
    result = twokoreas(
        project, "extract", "--corpus", project / "data/raw/articles", "--out", tmp_path / "c.parquet", "--workers", "2"
    )
    assert result.returncode == 0
    assert one_line(result.stderr).endswith(f"candidate figures written to {tmp_path / 'c.parquet'}")


def test_a_50_MB_article_is_handled_or_refused_with_its_size(project, tmp_path):
    """Campaign X11. The campaign's 50 MB article did not finish in 600 s (quadratic work); the extractor is now linear.
    The subprocess timeout is the hang guard; the speed itself is measured by benchmarks/extractor.py."""
    huge = tmp_path / "huge.txt"
    huge.write_bytes((project / "data" / ARTICLE_001).read_bytes() * 2500)
    result = twokoreas(project, "extract", huge, timeout=180)
    assert result.returncode == 0 and result.stderr == "" or result.returncode == 1 and "MB" in one_line(result.stderr)


# ---- notebooks: unreadable files are named before anything runs (N04, N05, N07) ----


def _truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


@pytest.mark.parametrize("command", ["run", "site"], ids=["run", "site"])
def test_a_truncated_notebook_is_named_with_its_line_before_anything_runs(tmp_path, command):
    """Campaign N04, N05."""
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    _truncate(project / "notebooks/04_troops.ipynb")
    before = snapshot(project)
    result = here(project, command)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert_clear([one_line(result.stderr)], "notebooks/04_troops.ipynb")
    assert result.stderr.startswith("notebooks/04_troops.ipynb:") and "not valid JSON" in result.stderr
    assert result.stdout == ""  # refused before executing or rendering anything
    assert snapshot(project) == before


def test_a_stray_empty_notebook_is_named_before_anything_runs(tmp_path):
    """Campaign N07."""
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    (project / "notebooks/99_notes.ipynb").write_bytes(b"")
    before = snapshot(project)
    result = here(project, "run")
    assert result.returncode == 1
    assert one_line(result.stderr) == "notebooks/99_notes.ipynb: empty file"
    assert result.stdout == ""
    assert snapshot(project) == before


# ---- the runner, on a copy holding only the notebook a case needs (N01, N03, N06, R01, R02, E03, E04) ----


@pytest.mark.parametrize(
    "case, code, error",
    [
        ("N01", 'raise RuntimeError("injected fault")', "RuntimeError: injected fault"),
        ("N03", "def broken(:", "SyntaxError"),
        ("N06", "import sys; sys.exit(3)", "SystemExit"),
    ],
    ids=["exception", "syntax-error", "sys-exit"],
)
def test_a_failing_cell_is_named_and_the_notebook_left_as_committed(project, case, code, error):
    """Campaign N01, N03, N06."""
    only_notebooks(project, "04_troops.ipynb", inject=("04_troops.ipynb", 5, code))
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "04_troops.ipynb" in result.stderr and "cell 6 " in result.stderr and error in result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("case", ["R01", "R12"], ids=["article-byte-changed", "claim-unit-and-qualifier-wrong"])
def test_bad_data_stops_the_run_at_the_first_notebook_with_the_located_problem(project, case):
    """Campaign R01, R12."""
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


def test_a_dead_kernel_is_named_by_notebook_and_cell(project):
    """Campaign N02."""
    only_notebooks(project, "04_troops.ipynb", inject=("04_troops.ipynb", 5, "import os; os._exit(1)"))
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    line = one_line(result.stderr)
    assert "04_troops.ipynb: cell 6 " in line and "kernel died" in line and "internal error" not in line
    assert snapshot(project) == before


def test_a_notebook_failing_half_way_leaves_figures_as_they_were(project):
    """Campaign K16. Notebook 08 writes four figures before the cell that needs South Korea; none may stay rewritten.
    (``check`` now refuses this release first: the run is told to skip it with the check's own test.)"""
    only_notebooks(project, "08_cross_check.ipynb")
    path = project / "data" / DATA_EXPLORER
    path.write_bytes(b"".join(line for line in path.read_bytes().splitlines(True) if b'"KOR"' not in line))
    reregister(project, DATA_EXPLORER)
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert snapshot(project) == before, "figures/ rewritten by a run that failed"


def test_ctrl_c_during_a_run_exits_130_with_one_line_and_the_notebook_as_committed(project, tmp_path):
    """Campaign R02. The cell touches a flag file as it starts sleeping: Ctrl-C comes then, not after a timer."""
    started = tmp_path / "started"
    synthetic_notebook(
        project, "00_sleep.ipynb", "import pathlib, time", f"pathlib.Path({str(started)!r}).touch()\ntime.sleep(120)"
    )
    before = snapshot(project)
    process = subprocess.Popen(
        [sys.executable, "-m", "twokoreas", "run"],
        cwd=project,
        env=environment(project),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,
    )
    _wait_for(lambda: started.exists() or process.poll() is not None)  # into the sleeping cell
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr.decode()) == "interrupted (Ctrl-C): nothing was changed"
    assert snapshot(project) == before


@pytest.mark.parametrize("value", ["", "figs"], ids=["empty", "a-relative-folder"])
def test_figures_never_land_in_notebooks(project, value):
    """Campaign E01, E02."""
    only_notebooks(project, "00_corpus.ipynb")
    result = twokoreas(project, "run", env={"TWOKOREAS_FIGURES": value})
    stray = [p.name for p in (project / "notebooks").rglob("*") if p.suffix != ".ipynb"]
    assert not stray, stray
    if result.returncode == 0:
        assert (project / (value or "figures") / "00_articles.csv").exists()
        assert (project / "site/figures/00_articles.csv").exists()
    else:
        assert "TWOKOREAS_FIGURES" in result.stderr
        assert_no_traceback(result)


def test_a_site_folder_that_cannot_be_written_is_one_line_and_changes_nothing(project):
    """Campaign W05. The campaign bind-mounted site/ read-only (an OSError traceback after every notebook had run). A link to
    a folder of /sys is the same fault without privileges: refused up front where the folder is seen to be
    read-only, or when the build is saved (as root, which may write there until it tries)."""
    only_notebooks(project, "00_corpus.ipynb")
    (project / "site").symlink_to("/sys/kernel", target_is_directory=True)
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert (
        one_line(result.stderr).startswith("site")
        and result.stderr.rstrip().endswith("nothing was changed")
        or "cannot write" in result.stderr
    )
    assert snapshot(project) == before


def test_an_ascii_console_does_not_break_the_run(project):
    """Campaign E04."""
    only_notebooks(project, "00_corpus.ipynb")
    Table(project / "data/claims.csv").set(3, "unit", "dollars").write()
    before = snapshot(project)
    result = twokoreas(project, "run", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "data/claims.csv:4: unit:" in result.stderr
    assert snapshot(project) == before


def test_a_figures_folder_that_cannot_be_created_fails_the_run_by_name(project):
    """Campaign E03."""
    only_notebooks(project, "00_corpus.ipynb")
    before = snapshot(project)
    result = twokoreas(project, "run", env={"TWOKOREAS_FIGURES": "/proc/nope"})
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "/proc/nope" in result.stderr
    assert snapshot(project) == before


# ---- site (D01) ----


def test_site_renders_byte_identical_pages_twice(tmp_path):
    """Campaign D01."""
    project = make_project(tmp_path / "project", "data", "notebooks", "figures")
    first = twokoreas(project, "site")
    assert first.returncode == 0, first.stderr
    pages = {k: v for k, v in snapshot(project).items() if k.startswith("site")}
    second = twokoreas(project, "site")
    assert second.returncode == 0, second.stderr
    assert {k: v for k, v in snapshot(project).items() if k.startswith("site")} == pages
