"""The build: all or nothing, one kernel that behaves like a fresh one per notebook, and a skip cache.

Whole builds run in a temporary copy of the project (its own code, data, notebooks and figures, the
project's .venv) with a subset of the real notebooks, so that they stay short.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from twokoreas import DataError, paths
from twokoreas.build import cache, runner, staging


def project(tmp_path, notebooks):
    """A copy of the project holding only ``notebooks``; returns (root, environment for its commands)."""
    root = tmp_path / "project"
    for name in ("src", "data", "figures"):
        shutil.copytree(paths.ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (root / "notebooks").mkdir()
    for name in notebooks:
        shutil.copyfile(paths.NOTEBOOKS / name, root / "notebooks" / name)
    env = {k: v for k, v in os.environ.items() if k != paths.FIGURES_VARIABLE}
    return root, {**env, "PYTHONPATH": str(root / "src")}


def run(root, env, *args):
    return subprocess.run(
        [sys.executable, "-m", "twokoreas", "run", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def tree(root):
    """Every file of notebooks/, figures/ and site/ with its bytes and modification time."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for folder in ("notebooks", "figures", "site")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def children(pid):
    """Process ids whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def running(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def add_cell(path, source, at=None):
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(len(nb.cells) if at is None else at, new_code_cell(source))
    nbformat.write(nb, path)
    return len(nb.cells) if at is None else at + 1, len(nb.cells)


def change_exchange_rate(root):
    """A valid data change that alters notebook 08's figures (so a half-saved build would show)."""
    rates = root / "data" / "exchange_rates.csv"
    text = rates.read_text(encoding="utf-8")
    assert "\n2023,1.0813," in text
    rates.write_text(text.replace("\n2023,1.0813,", "\n2023,1.2000,"), encoding="utf-8")


def test_a_failing_notebook_changes_nothing_and_is_named_with_its_cell(tmp_path):
    root, env = project(tmp_path, ["00_corpus.ipynb", "08_cross_check.ipynb"])
    change_exchange_rate(root)
    cell, cells = add_cell(root / "notebooks" / "08_cross_check.ipynb", "raise RuntimeError('injected fault')")
    before = tree(root)
    done = run(root, env)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"notebooks/08_cross_check.ipynb: cell {cell} of {cells}: RuntimeError: injected fault; nothing was changed"
    ]
    assert "[1/2] 00_corpus: " in done.stdout and "[2/2] 08_cross_check: FAILED" in done.stdout
    assert tree(root) == before, "notebooks/, figures/ and site/ must be exactly as they were"
    assert not list((root / "build").glob("stage-*"))


@pytest.mark.parametrize(
    "signum, status, line",
    [
        (signal.SIGTERM, 143, "interrupted (SIGTERM): nothing was changed"),
        (signal.SIGINT, 130, "interrupted (Ctrl-C): nothing was changed"),
        (signal.SIGKILL, -9, None),
    ],
)
def test_a_run_killed_while_a_notebook_runs_changes_nothing(tmp_path, signum, status, line):
    root, env = project(tmp_path, ["08_cross_check.ipynb"])
    change_exchange_rate(root)
    started = tmp_path / "started"  # the last cell says when it runs: every figure of 08 is written by then
    add_cell(
        root / "notebooks" / "08_cross_check.ipynb",
        f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(120)",
    )
    before = tree(root)
    build = subprocess.Popen(
        [sys.executable, "-m", "twokoreas", "run"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not started.exists():
            assert build.poll() is None and time.monotonic() < deadline, build.communicate()
            time.sleep(0.1)
        kernels = children(build.pid)
        assert kernels, "the kernel runs as a child of the build"
        build.send_signal(signum)
        _, err = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode == status
    if line:
        assert err.splitlines() == [line]
    assert tree(root) == before
    deadline = time.monotonic() + 20
    while any(running(pid) for pid in kernels) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(running(pid) for pid in kernels), "no kernel is left running"
    if signum == signal.SIGKILL:  # the next build removes what the killed one left in build/
        (root / "notebooks" / "08_cross_check.ipynb").unlink()
        assert run(root, env).returncode == 0
    assert not list((root / "build").glob("stage-*"))


def test_unchanged_notebooks_are_skipped_and_partial_builds_equal_full_ones(tmp_path):
    root, env = project(tmp_path, ["00_corpus.ipynb", "02_aid.ipynb"])
    first = run(root, env)
    assert first.returncode == 0, first.stderr
    assert "2 of 2 notebooks executed" in first.stdout
    built = tree(root)

    again = run(root, env)
    assert again.returncode == 0 and again.stderr == ""
    assert "[1/2] 00_corpus: unchanged, skipped" in again.stdout
    assert "[2/2] 02_aid: unchanged, skipped" in again.stdout
    assert tree(root) == built, "a build with nothing to do touches nothing"

    add_cell(root / "notebooks" / "02_aid.ipynb", "checked = True")  # a notebook's code changed
    partial = run(root, env)
    assert "[1/2] 00_corpus: unchanged, skipped" in partial.stdout
    assert "[2/2] 02_aid: unchanged" not in partial.stdout and "1 of 2 notebooks executed" in partial.stdout
    after_partial = {name: data for name, (data, _) in tree(root).items()}

    rebuilt = run(root, env, "--rebuild")
    assert rebuilt.returncode == 0 and "2 of 2 notebooks executed" in rebuilt.stdout
    assert {name: data for name, (data, _) in tree(root).items()} == after_partial, (
        "a partial build gives the bytes of a full one"
    )

    output = sorted((root / "figures").glob("00_*"))[0]
    output.unlink()  # an output of notebook 00 gone: it runs again
    redone = run(root, env)
    assert "[1/2] 00_corpus: unchanged" not in redone.stdout and "[2/2] 02_aid: unchanged, skipped" in redone.stdout
    assert output.read_bytes() == after_partial[f"figures/{output.name}"]


def test_every_notebook_depends_on_the_data_and_the_package_code(tmp_path, monkeypatch):
    package, data = tmp_path / "twokoreas", tmp_path / "data"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(paths.DATA, data)
    monkeypatch.setattr(cache, "PACKAGE", package)
    monkeypatch.setattr(paths, "DATA", data)
    notebook = json.loads((paths.NOTEBOOKS / "02_aid.ipynb").read_text(encoding="utf-8"))
    keys = [cache.notebook_inputs(cache.common_inputs(), notebook)]
    with open(package / "charts.py", "a", encoding="utf-8") as code:
        code.write("\n# the package's code changed\n")
    keys.append(cache.notebook_inputs(cache.common_inputs(), notebook))
    change_exchange_rate(tmp_path)
    keys.append(cache.notebook_inputs(cache.common_inputs(), notebook))
    notebook["cells"][0]["outputs"] = ["outputs are not inputs"]
    keys.append(cache.notebook_inputs(cache.common_inputs(), notebook))
    assert len(set(keys[:3])) == 3 and keys[3] == keys[2]


def write(folder, name, *sources):
    nb = new_notebook(cells=[new_markdown_cell("# t")] + [new_code_cell(s) for s in sources])
    path = folder / name
    nbformat.write(nb, path)
    return path


@pytest.fixture
def small_project(tmp_path, monkeypatch):
    """notebooks/, build/, site/ and figures in a temporary folder, for builds of made-up notebooks."""
    for name in ("notebooks", "site", "build"):
        monkeypatch.setattr(paths, name.upper(), tmp_path / name)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv(paths.FIGURES_VARIABLE, str(tmp_path / "figures"))
    monkeypatch.setattr("twokoreas.site.build_site", lambda site, notebooks, figures: site.mkdir())
    return tmp_path / "notebooks"


def test_one_kernel_runs_each_notebook_as_a_fresh_kernel_would(small_project, capsys):
    leaky = (
        "import os, matplotlib, pandas as pd\nx = 1\nos.environ['LEAK'] = '1'\nos.chdir('/')\n"
        "matplotlib.rcParams['lines.linewidth'] = 9\npd.set_option('display.max_rows', 3)"
    )
    check = (
        "import os, matplotlib, pandas as pd\n"
        "print('x' in dir(), 'LEAK' in os.environ, os.getcwd() == '/', "
        "matplotlib.rcParams['lines.linewidth'], pd.get_option('display.max_rows'))"
    )
    write(small_project, "00_leaky.ipynb", leaky, "y = 2")
    fresh_path = write(small_project, "01_check.ipynb", check, "1 + 1")
    assert runner.run_all() == 0
    capsys.readouterr()
    shared = nbformat.read(fresh_path, as_version=4)
    assert [c.get("execution_count") for c in shared.cells] == [None, 1, 2]
    assert shared.cells[1].outputs[0]["text"] == "False False False 1.5 60\n"
    assert shared.cells[2].outputs[0]["data"]["text/plain"] == "2"
    assert shared.metadata.kernelspec.name == "python3" and "execution" not in shared.cells[1].metadata


def saves_table(notebook, slug):
    return (
        f"import pandas as pd, twokoreas as tk\n"
        f"tk.charts.save_table(pd.DataFrame({{'a': [1]}}), {notebook!r}, {slug!r}, {slug!r}, [])"
    )


def test_a_figure_no_notebook_writes_any_more_is_removed_with_its_index_row(small_project, capsys):
    figures = small_project.parent / "figures"
    write(small_project, "00_renamed.ipynb", saves_table("00_renamed", "old"))
    write(small_project, "01_skipped.ipynb", saves_table("01_skipped", "kept"))
    assert runner.run_all() == 0
    assert sorted(p.name for p in figures.iterdir()) == ["00_old.csv", "01_kept.csv", "index.csv"]
    (figures / "02_by_hand.csv").write_text("no notebook writes this\n")
    write(small_project, "00_renamed.ipynb", saves_table("00_renamed", "new"))  # the table renamed
    assert runner.run_all() == 0
    out = capsys.readouterr().out
    assert "00_renamed: unchanged" not in out and "[2/2] 01_skipped: unchanged, skipped" in out
    assert out.count("02_by_hand.csv: not written by any notebook: left as it is") == 1
    assert (figures / "02_by_hand.csv").read_text() == "no notebook writes this\n", "a person's file is theirs"
    (figures / "02_by_hand.csv").unlink()
    built = {p.name: p.read_bytes() for p in figures.iterdir()}
    assert sorted(built) == ["00_new.csv", "01_kept.csv", "index.csv"]
    assert list(pd.read_csv(figures / "index.csv").figure) == ["00_new", "01_kept"]
    shutil.rmtree(figures)
    assert runner.run_all(rebuild=True) == 0
    assert {p.name: p.read_bytes() for p in figures.iterdir()} == built, "the bytes of a build from nothing"
    renamed = write(small_project, "00_renamed.ipynb", saves_table("00_renamed", "third"))
    assert runner.run_all(only=renamed) == 0  # --only: what that notebook stopped writing goes, nothing else
    assert sorted(p.name for p in figures.iterdir()) == ["00_third.csv", "01_kept.csv", "index.csv"]


def test_a_dead_kernel_and_an_unreadable_notebook_give_one_line(small_project, capsys):
    write(small_project, "00_dies.ipynb", "1", "import os\nos._exit(1)")
    before = (small_project / "00_dies.ipynb").read_bytes()
    assert runner.run_all() == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].endswith(
        "notebooks/00_dies.ipynb: cell 3 of 3: the kernel died (it crashed, ran out of memory or was killed); "
        "nothing was changed"
    )
    assert (small_project / "00_dies.ipynb").read_bytes() == before

    (small_project / "00_dies.ipynb").write_bytes(before[: len(before) // 2])  # truncated
    (small_project / "01_empty.ipynb").write_bytes(b"")
    assert runner.run_all() == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "00_dies.ipynb: not a notebook: invalid JSON (line " in lines[0]


def test_figures_folder_from_the_environment_is_resolved_against_the_root_and_checked(monkeypatch):
    monkeypatch.delenv(paths.FIGURES_VARIABLE, raising=False)
    assert paths.figures_dir() == paths.ROOT / "figures"
    monkeypatch.setenv(paths.FIGURES_VARIABLE, "figs")
    monkeypatch.chdir(paths.ROOT / "notebooks")  # a kernel's working directory: never where figures go
    assert paths.figures_dir() == paths.ROOT / "figs"
    for value, problem in [
        ("", "is set but empty"),
        ("notebooks", "inside the project's notebooks/"),
        ("data/raw", "inside the project's data/"),
        ("..", "holds the whole project"),
        ("README.md", "is not a folder"),
    ]:
        monkeypatch.setenv(paths.FIGURES_VARIABLE, value)
        with pytest.raises(DataError, match=problem) as caught:
            paths.figures_dir()
        assert str(caught.value).startswith("TWOKOREAS_FIGURES: ")


def test_a_commit_killed_half_way_is_completed_by_the_next_run(tmp_path):
    staged, target, build = tmp_path / "staged", tmp_path / "target", tmp_path / "build"
    for folder in (staged, target, build):
        folder.mkdir()
    (staged / "a.txt").write_text("new a")
    (staged / "b.txt").write_text("same")
    (target / "a.txt").write_text("old a")
    (target / "b.txt").write_text("same")
    assert staging.changed_files(staged, target) == [(staged / "a.txt", target / "a.txt")]
    tmp = target / f".a.txt{staging.TMP_SUFFIX}"  # as if killed after the journal was written
    tmp.write_text("new a")
    (target / "stale.txt").write_text("a file the build no longer writes")
    (build / staging.JOURNAL).write_text(
        json.dumps([[str(tmp), str(target / "a.txt")], [None, str(target / "stale.txt")]])
    )
    (build / "stage-x").mkdir()
    assert staging.recover([target], build)
    assert (target / "a.txt").read_text() == "new a" and not tmp.exists() and not (target / "stale.txt").exists()
    assert not (build / staging.JOURNAL).exists() and not (build / "stage-x").exists()
    (target / f".b.txt{staging.TMP_SUFFIX}").write_text("debris of a copy killed before the journal")
    assert not staging.recover([target], build)
    assert sorted(p.name for p in target.iterdir()) == ["a.txt", "b.txt"]
