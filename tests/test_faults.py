"""The command-line guard: expected faults as one line, Ctrl-C as 130, bugs named without their text."""

import errno

import pytest

from twokoreas import faults, paths
from twokoreas.errors import DataError


@pytest.mark.parametrize(
    "err, line",
    [
        (
            DataError("data/claims.csv", "must be one of: USD", row=4, field="unit"),
            "data/claims.csv:4: unit: must be one of: USD",
        ),
        (FileNotFoundError(errno.ENOENT, "No such file or directory", "nosuch.txt"), "nosuch.txt: not found"),
        (
            IsADirectoryError(errno.EISDIR, "Is a directory", str(paths.DATA / "claims.csv")),
            "data/claims.csv: is a folder, not a file",
        ),
        (PermissionError(errno.EACCES, "Permission denied", "/srv/x.csv"), "/srv/x.csv: permission denied"),
        (
            OSError(errno.EROFS, "Read-only file system", str(paths.SITE / ".00_corpus.html.k2j4_x9a.tmp")),
            "site/00_corpus.html: cannot write: read-only file system",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/ro/.c.parquet.abcdefgh.tmp"),
            "/ro/c.parquet: cannot write: permission denied",
        ),
        (
            IsADirectoryError(errno.EISDIR, "Is a directory", "/o/.c.parquet.abcdefgh.tmp", None, "out/isdir"),
            "out/isdir: cannot write: is a folder, not a file",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device", "figures/a.png"),
            "figures/a.png: cannot write: no space left on the device",
        ),
        (OSError(errno.EIO, "Input/output error", "data/x.csv"), "data/x.csv: input/output error"),
    ],
)
def test_expected_faults_are_one_line_without_exception_text(err, line):
    assert faults.describe(err) == line


@pytest.mark.parametrize("err", [KeyError("x"), TypeError("Invalid comparison"), OSError(errno.ENOENT, "gone")])
def test_faults_that_name_no_file_are_unexpected(err):
    assert faults.describe(err) is None


def test_the_guard_returns_the_command_status_or_1_with_one_line(capsys):
    assert faults.guarded("check", lambda: 0) == 0

    def bad():
        raise DataError("data/markers.csv", "file not found")

    assert faults.guarded("check", bad) == 1
    assert capsys.readouterr().err == "data/markers.csv: file not found\n"


def test_ctrl_c_is_130_with_one_line(capsys):
    def interrupted():
        raise KeyboardInterrupt

    assert faults.guarded("run", interrupted) == 130
    assert capsys.readouterr().err == "twokoreas run: interrupted\n"


def test_a_bug_is_named_by_command_and_kind_only(capsys, monkeypatch):
    monkeypatch.delenv("TWOKOREAS_DEBUG", raising=False)

    def buggy():
        raise ValueError("secret internals")

    assert faults.guarded("site", buggy) == 1
    err = capsys.readouterr().err
    assert err == (
        "twokoreas site: internal error (ValueError); this is a bug: run it again with TWOKOREAS_DEBUG=1 to see where\n"
    )


def test_debug_prints_the_traceback_then_the_line(capsys, monkeypatch):
    monkeypatch.setenv("TWOKOREAS_DEBUG", "1")

    def buggy():
        raise ValueError("secret internals")

    assert faults.guarded("site", buggy) == 1
    err = capsys.readouterr().err
    assert err.startswith("Traceback") and "ValueError: secret internals" in err
    assert err.splitlines()[-1].startswith("twokoreas site: internal error (ValueError)")


def test_paths_inside_the_project_are_shown_from_its_root():
    assert faults.shown(paths.DATA / "claims.csv") == "data/claims.csv"
    assert faults.shown("relative/as/given.txt") == "relative/as/given.txt"
    assert faults.shown("/elsewhere/x.txt") == "/elsewhere/x.txt"
