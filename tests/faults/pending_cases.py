"""Campaign cases that still FAIL on this branch: each test states the behaviour the issue asks for.

Not collected by default (the name does not start with ``test_``). Run it explicitly to see which now
pass, then move a passing test into the matching ``test_*.py`` of this folder:

    .venv/bin/python -m pytest -q tests/faults/pending_cases.py -k integrator   # or issue15, issue18

Test names say who is expected to make them pass: ``integrator`` (the table registry: meaning checks,
real line numbers, strict text reading with :mod:`twokoreas.textfile`), ``issue15`` (all-or-nothing
runs, environment paths, kernel death), ``issue18`` (``extract --corpus``, bounded extraction).
"""

import signal
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faultlib import ARTICLE_001, INTERNAL, LOCATED, Table, check_fails_clearly, environment, make_project, \
    reregister, snapshot, twokoreas
from test_campaign_check import DATA_EXPLORER, resha_article, table
from test_campaign_cli import ARTICLES, _wait_for, one_line, only_notebooks, synthetic_notebook

@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


# ---------------------------------------------------------------- integrator: meaning, not just shape

def test_integrator_S_fx_del_a_missing_exchange_rate_year_is_an_error_naming_the_year(project):
    table(project / "data", "exchange_rates").delrow(2).write()
    printed = check_fails_clearly(project, ("data/exchange_rates.csv",))
    assert any("2023" in line for line in printed), printed


def test_integrator_S_dr_del_a_tracker_donor_without_a_region_is_an_error(project):
    data = project / "data"
    regions = table(data, "donor_regions")
    regions.delrow(regions.find("iso", "KOR")).write()
    check_fails_clearly(project, ("data/donor_regions.csv",), (f"data/{DATA_EXPLORER}",))


def test_integrator_K05_a_new_donor_in_the_tracker_without_a_region_is_an_error(project):
    with open(project / "data" / DATA_EXPLORER, "a", encoding="utf-8") as handle:
        handle.write("Atlantis,XYZ,2022,3,5.0,1.0,1.0,3.0,5.0,0,10,1\nAtlantis,XYZ,2022,4,5.0,1.0,1.0,3.0,5.0,0,10,1\n")
    reregister(project, DATA_EXPLORER)
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}", 1081), ("data/donor_regions.csv",))


def test_integrator_K16_a_release_without_south_korea_is_an_error_in_check(project):
    path = project / "data" / DATA_EXPLORER
    path.write_bytes(b"".join(line for line in path.read_bytes().splitlines(True) if b'"KOR"' not in line))
    reregister(project, DATA_EXPLORER)
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}",), ("data/cross_check.csv",))


def test_integrator_G_reference_files_hdr_an_empty_register_says_so_once(project):
    table(project / "data", "reference_files").headeronly().write()
    check_fails_clearly(project, ("data/reference_files.csv", None, None), lines=1)  # today: 7 identical lines


# ---------------------------------------------------------------- integrator: one clean line, real lines

@pytest.mark.parametrize("case, name, row, values, location", [
    ("S-cl-type", "claims", 2, {"start": "abc"}, ("data/claims.csv", 3, "start")),
    ("S-cl-float", "claims", 2, {"start": "1192.0"}, ("data/claims.csv", 3, "start")),
    ("S-ev-rungtxt", "events", 1, {"rung": "three"}, ("data/events.csv", 2, "rung")),
    ("S-fx-comma", "exchange_rates", 2, {"usd_per_eur": "1,0813"}, ("data/exchange_rates.csv", 3, "usd_per_eur")),
    ("span-past-end", "boilerplate", 1, {"end": "20516"}, ("data/boilerplate.csv", 2, "end")),
], ids=["S-cl-type", "S-cl-float", "S-ev-rungtxt", "S-fx-comma", "span-past-end"])
def test_integrator_a_bad_cell_is_one_clean_line_at_its_real_line(project, case, name, row, values, location):
    t = table(project / "data", name)
    for column, value in values.items():
        t.set(row, column, value)
    t.write()
    check_fails_clearly(project, location, lines=1)


def test_integrator_K10_a_year_written_as_a_decimal_is_one_clean_line(project):
    t = table(project / "data", DATA_EXPLORER)
    t.set(3, "year", "2022.0").write()
    reregister(project, DATA_EXPLORER)
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}", 4, "year"), lines=1)


@pytest.mark.parametrize("name, column", [("codebook", "code"), ("cross_check", "measure")],
                         ids=["G-codebook-miss", "G-cross_check-miss"])
def test_integrator_a_missing_column_is_one_line(project, name, column):
    table(project / "data", name).dropcol(column).write()
    check_fails_clearly(project, (f"data/{name}.csv", None, column), lines=1)


def test_integrator_a_carriage_return_inside_a_cell_is_a_clean_line(project):
    table(project / "data", "articles").set(1, "sha256", "\r").write()
    check_fails_clearly(project, ("data/articles.csv", 2, "sha256"), lines=1)


def _pinned():
    from twokoreas import loaders

    return {"claims.csv": (loaders.load_claims, ["start", "end", "mention", "value", "value_low", "value_high",
                                                 "qualifier", "unit"]),
            "events.csv": (loaders.load_events, ["start", "end", "quote", "rung", "status", "article_id"]),
            "boilerplate.csv": (loaders.load_boilerplate, ["start", "end", "text", "article_id"]),
            "not_quantities.csv": (loaders.load_not_quantities, ["start", "end", "mention", "article_id"]),
            "exchange_rates.csv": (loaders.load_exchange_rates, ["year"])}


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(case=st.data())
def test_integrator_any_text_in_any_pinned_cell_is_a_clear_error_or_changes_nothing(tmp_path_factory, case):
    """The full property of test_mutated_rows.py: any text (letters in numbers, carriage returns),
    boilerplate included, the unit column included, exchange-rate years included."""
    from twokoreas import loaders
    from twokoreas.textfile import row_lines

    data = make_project(tmp_path_factory.mktemp("p") / "project") / "data"
    pinned = _pinned()
    name = case.draw(st.sampled_from(sorted(pinned)))
    load, columns = pinned[name]
    original = load(data)
    t = Table(data / name)
    row = case.draw(st.integers(1, len(t.rows) - 1))
    column = case.draw(st.sampled_from(columns))
    value = case.draw(st.text(max_size=10).filter(lambda v: v != t.get(row, column)))
    t.set(row, column, value).write()
    line = row_lines((data / name).read_text(encoding="utf-8"))[row - 1]
    problems = [str(p) for p in loaders.validate_all(data)]
    if not problems:
        assert load(data).equals(original), f"data/{name}:{line}: {column}={value!r} accepted, table changed"
    for problem in problems:
        match = LOCATED.match(problem)
        assert match and not INTERNAL.search(problem) and match["line"] == str(line), problems


# ---------------------------------------------------------------- issue 15: runs, environment paths, kernels

def test_issue15_N02_a_dead_kernel_is_named_by_notebook_and_cell(project):
    only_notebooks(project, "04_troops.ipynb", inject=("04_troops.ipynb", 5, "import os; os._exit(1)"))
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert "04_troops.ipynb" in result.stderr and "cell 6" in result.stderr and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert snapshot(project) == before


def test_issue15_K16_a_failing_notebook_leaves_figures_as_they_were(project):
    only_notebooks(project, "08_cross_check.ipynb")
    path = project / "data" / DATA_EXPLORER
    path.write_bytes(b"".join(line for line in path.read_bytes().splitlines(True) if b'"KOR"' not in line))
    reregister(project, DATA_EXPLORER)
    before = snapshot(project)
    result = twokoreas(project, "run")
    assert result.returncode == 1
    assert snapshot(project) == before, "figures/ rewritten by a run that failed"


def test_issue15_R06_a_killed_run_leaves_figures_and_notebook_consistent(project):
    only_notebooks(project, "08_cross_check.ipynb")
    table(project / "data", "exchange_rates").set(2, "usd_per_eur", "1.2000").write()
    before = snapshot(project)
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "run"], cwd=project, env=environment(project),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    progress = b""
    while b"08_cross_check" not in progress:
        progress += process.stdout.read(1) or pytest.fail("run ended early")
    time.sleep(6)
    process.kill()
    process.wait()
    after = snapshot(project)
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert not changed, f"a killed run changed {sorted(changed)}"


@pytest.mark.parametrize("value", ["", "figs"], ids=["E01", "E02"])
def test_issue15_E01_E02_figures_never_land_in_notebooks(project, value):
    only_notebooks(project, "00_corpus.ipynb")
    result = twokoreas(project, "run", env={"TWOKOREAS_FIGURES": value})
    stray = [p.name for p in (project / "notebooks").rglob("*") if p.suffix != ".ipynb"]
    assert not stray, stray
    if result.returncode == 0:
        assert (project / (value or "figures") / "00_articles.csv").exists()
        assert (project / "site/figures/00_articles.csv").exists()
    else:
        assert "TWOKOREAS_FIGURES" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- issue 18: extract --corpus, bounded work

def _parquet(path, **columns):
    pq.write_table(pa.table(columns), path)
    return path


def _corpus_fails_clearly(project, corpus, out, *extra, name=None):
    result = twokoreas(project, "extract", "--corpus", corpus, "--out", out, *extra, timeout=120)
    assert result.returncode == 1, result.stderr
    line = one_line(result.stderr)
    assert line.startswith(f"{name or corpus}") and "internal error" not in line, line
    return line


def _written(path, raw):
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("case", ["Y02", "Y03", "Y04", "Y05", "Y06", "Y07", "Y08", "Y19"])
def test_issue18_a_bad_corpus_or_scheduler_is_one_line_naming_it(project, tmp_path, case):
    article = (project / "data" / ARTICLE_001).read_text(encoding="utf-8")
    corpus = {
        "Y02": lambda: tmp_path / "nosuch",
        "Y03": lambda: project / "data" / ARTICLE_001,
        "Y04": lambda: _parquet(tmp_path / "notext.parquet", article_id=["a"]),
        "Y05": lambda: _parquet(tmp_path / "noid.parquet", text=[article]),
        "Y06": lambda: _written(tmp_path / "corrupt.parquet", _parquet(
            tmp_path / "good.parquet", article_id=["a"], text=[article]).read_bytes()[:-20]),
        "Y07": lambda: _written(tmp_path / "garbage.parquet", b"not a parquet file at all..."),
        "Y08": lambda: _parquet(tmp_path / "inttext.parquet", article_id=["a"], text=[1]),
        "Y19": lambda: project / "data/raw/articles",
    }[case]()
    extra = ["--scheduler", "not-an-address"] if case == "Y19" else []
    _corpus_fails_clearly(project, corpus, tmp_path / "out.parquet", *extra,
                          name="--scheduler" if case == "Y19" else None)


@pytest.mark.parametrize("case", ["Y13", "Y14"])
def test_issue18_a_broken_entry_in_a_corpus_folder_is_skipped_not_fatal(project, tmp_path, case):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in ARTICLES:
        (corpus / article.name).write_bytes(article.read_bytes())
    if case == "Y13":
        (corpus / "sub.txt").mkdir()
    else:
        (corpus / "broken.txt").symlink_to(tmp_path / "nowhere")
    result = twokoreas(project, "extract", "--corpus", corpus, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert pq.read_table(tmp_path / "c.parquet").num_rows > 0


def test_issue18_Y10_a_null_article_id_is_reported_not_written(project, tmp_path):
    corpus = _parquet(tmp_path / "nullid.parquet", article_id=[None], text=["about 1,500 troops"])
    result = twokoreas(project, "extract", "--corpus", corpus, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1
    assert not (tmp_path / "c.parquet").exists() or \
        pq.read_table(tmp_path / "c.parquet").column("article_id").null_count == 0


def test_issue18_Y17_a_negative_worker_count_is_refused_at_once(project, tmp_path):
    result = twokoreas(project, "extract", "--corpus", project / "data/raw/articles", "--out", tmp_path / "c.parquet",
                       "--workers", "-1", timeout=60)
    assert result.returncode in (1, 2) and "--workers" in result.stderr
    assert not list(tmp_path.glob(".c.parquet.*.tmp"))


def test_issue18_Y24_out_equal_to_the_corpus_is_refused_and_the_corpus_kept(project, tmp_path):
    corpus = _parquet(tmp_path / "in.parquet", article_id=["a"], text=["about 15-hundred troops"])
    digest = corpus.read_bytes()
    result = twokoreas(project, "extract", "--corpus", corpus, "--out", corpus)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert corpus.read_bytes() == digest


def test_issue18_Y25_a_failed_extraction_names_the_input_and_keeps_the_old_out(project, tmp_path):
    out = _parquet(tmp_path / "keep.parquet", article_id=["a"], text=["x"])
    kept = out.read_bytes()
    (tmp_path / "corrupt.parquet").write_bytes(b"PAR1 truncated")
    _corpus_fails_clearly(project, tmp_path / "corrupt.parquet", out)
    assert out.read_bytes() == kept


@pytest.mark.parametrize("sig, workers", [(signal.SIGKILL, None), (signal.SIGTERM, "2"), (signal.SIGKILL, "2")],
                         ids=["Y29", "Y31", "Y33"])
def test_issue18_a_killed_corpus_extraction_leaves_no_temporary_file(project, tmp_path, sig, workers):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    for n in range(300):
        for article in ARTICLES:
            (corpus / f"{n:04d}_{article.name}").write_bytes(article.read_bytes())
    args = [sys.executable, "-m", "twokoreas", "extract", "--corpus", str(corpus), "--out", str(out / "c.parquet")]
    process = subprocess.Popen(args + (["--workers", workers] if workers else []), cwd=project,
                               env=environment(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(out.iterdir()) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(sig)
    process.wait(timeout=120)
    time.sleep(2)
    assert list(out.iterdir()) == []


def test_issue18_Y35_ctrl_c_with_workers_is_one_line(project, tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    for n in range(300):
        for article in ARTICLES:
            (corpus / f"{n:04d}_{article.name}").write_bytes(article.read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "extract", "--corpus", str(corpus), "--out",
                                str(out / "c.parquet"), "--workers", "2"], cwd=project, env=environment(project),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(out.iterdir()) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr) == "twokoreas extract: interrupted"


def test_issue18_Y18_an_unreachable_scheduler_fails_in_seconds_with_one_line(project, tmp_path):
    started = time.monotonic()
    _corpus_fails_clearly(project, project / "data/raw/articles", tmp_path / "c.parquet",
                          "--scheduler", "tcp://127.0.0.1:9", name="--scheduler")
    assert time.monotonic() - started < 20


def test_issue18_X11_a_50_MB_article_is_handled_in_seconds_or_refused(project, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes((project / "data" / ARTICLE_001).read_bytes() * 2500)
    started = time.monotonic()
    result = twokoreas(project, "extract", huge, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 0 and elapsed < 60 or result.returncode == 1 and "MB" in one_line(result.stderr)


def test_issue18_Y30_ctrl_c_during_corpus_extraction_exits_130_and_leaves_no_temporary_file(project, tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    for n in range(300):
        for article in ARTICLES:
            (corpus / f"{n:04d}_{article.name}").write_bytes(article.read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "extract", "--corpus", str(corpus), "--out",
                                str(out / "c.parquet")], cwd=project, env=environment(project),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: any(out.iterdir()) or process.poll() is not None)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode in (130, -signal.SIGINT)  # exit 130, or ended by the signal itself
    assert "Traceback" not in stderr and len(stderr.splitlines()) <= 1, stderr
    assert list(out.iterdir()) == []

# today: the runner's own line, then an asyncio 'Task exception was never retrieved' DeadKernelError traceback
def test_issue15_R02_ctrl_c_during_a_run_exits_130_with_one_line_and_the_notebook_as_committed(project):
    synthetic_notebook(project, "00_sleep.ipynb", "import time", "time.sleep(120)")
    before = snapshot(project)
    process = subprocess.Popen([sys.executable, "-m", "twokoreas", "run"], cwd=project, env=environment(project),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    progress = b""
    while b"00_sleep" not in progress:  # the progress line, printed as the notebook starts
        progress += process.stdout.read(1) or pytest.fail(f"run ended: {progress!r}")
    time.sleep(3)  # into the kernel's start-up or the sleeping cell
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert one_line(stderr.decode()) == "twokoreas run: interrupted"
    assert snapshot(project) == before
