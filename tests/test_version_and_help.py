"""`twokoreas --version` names the release and the commit (and a dirty tree); every command's --help is plain text
with an example; `run --only NN` executes that notebook alone. Commands run in this process (``inprocess``) but
for one real start, which must not need pandas."""

import re
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from twokoreas import __version__, cli, paths
from twokoreas.version import version_info

from inprocess import twokoreas

COMMANDS = ["extract", "check", "add", "review", "describe", "run", "site"]


def git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_version_names_release_and_commit():
    result = twokoreas("--version")
    assert result.returncode == 0 and result.stderr == ""
    commit = subprocess.run(["git", "-C", str(paths.ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    assert result.stdout.startswith(f"twokoreas {__version__} (commit {commit.stdout[:12]}")


def test_version_info_marks_uncommitted_changes_and_works_outside_git(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    outside = version_info()
    assert outside.commit is None and outside.dirty is None and str(outside) == __version__
    git(tmp_path, "init", "-q")
    (tmp_path / "a.csv").write_text("x\n1\n")
    git(tmp_path, "add", "a.csv")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a")
    clean = version_info()
    assert re.fullmatch(r"[0-9a-f]{40}", clean.commit) and clean.dirty is False
    assert str(clean) == f"{__version__} (commit {clean.commit[:12]})"
    (tmp_path / "a.csv").write_text("x\n2\n")
    dirty = version_info()
    assert dirty.commit == clean.commit and dirty.dirty is True
    assert str(dirty).endswith(", with uncommitted changes)")


def test_every_command_is_in_this_list():
    listed = re.findall(r"^    ([a-z]+) ", twokoreas("--help").stdout, flags=re.M)
    assert listed == COMMANDS


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_plain_text_with_an_example(command):
    result = twokoreas(*([command] if command else []), "--help")
    assert result.returncode == 0
    assert "example" in result.stdout and "\n  twokoreas " in result.stdout
    assert "``" not in result.stdout and ":func:" not in result.stdout


def test_run_only_executes_that_notebook_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    for name, folder in [("BUILD", "build"), ("SITE", "site")]:  # never the project's own: other tests read them
        monkeypatch.setattr(paths, name, tmp_path / folder)
    monkeypatch.setenv(paths.FIGURES_VARIABLE, str(tmp_path / "figures"))
    for name in ("00_first.ipynb", "01_second.ipynb"):
        nbformat.write(new_notebook(cells=[new_code_cell("6 * 7")]), tmp_path / name)
    untouched = (tmp_path / "00_first.ipynb").read_bytes()
    assert cli.main(["run", "--only", "1"]) == 0
    assert "[1/1] 01_second" in capsys.readouterr().out
    assert nbformat.read(tmp_path / "01_second.ipynb", as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "42"
    assert (tmp_path / "00_first.ipynb").read_bytes() == untouched


def test_a_real_process_answers_help_and_version_without_importing_pandas():
    """What only a process shows: the exit status of ``--help`` and ``--version``, and what starting them imports
    (pandas and pandera take seconds; they are imported by the commands that need them)."""
    shown = (
        "import sys, runpy; sys.argv = ['twokoreas', *sys.argv[1:]]\ntry:\n    runpy.run_module('twokoreas', "
        "run_name='__main__')\nfinally:\n    print(sorted({'pandas', 'pandera', 'numpy'} & set(sys.modules)), "
        "file=sys.stderr)"
    )
    for option, expected in [("--help", "usage: twokoreas"), ("--version", f"twokoreas {__version__}")]:
        result = subprocess.run([sys.executable, "-c", shown, option], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and result.stdout.startswith(expected), result
        assert result.stderr == "[]\n", result.stderr


def test_run_only_an_unknown_number_says_so():
    result = twokoreas("run", "--only", "99")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "twokoreas run: error: --only 99: there is no notebooks/99_*.ipynb"
