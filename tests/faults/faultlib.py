"""Shared tools of the fault-injection suite: a throw-away copy of the project, the command line run on it,
CSV mutations like the reliability campaign's, and what a clear one-line message looks like.

The copy holds ``src/`` (so ``python -m twokoreas`` run with ``PYTHONPATH=<copy>/src`` reads the copy's
``data/``, ``notebooks/`` and ``figures/``, wherever the package is installed) and whichever of those
folders a case needs. Faults that ``check`` catches run it in this process on a copy of ``data/`` alone
(:func:`data_project`, :func:`check`); a real process is started only where a case needs one.
"""

import csv
import hashlib
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from twokoreas import paths

import inprocess

ARTICLE_001 = "raw/articles/001_0cad51775cc05eaf.txt"
KIEL = "reference/kiel-ukraine-support-tracker"
TABLES = (
    "articles",
    "boilerplate",
    "claims",
    "codebook",
    "cross_check",
    "donor_regions",
    "events",
    "exchange_rates",
    "fact_relations",
    "markers",
    "not_quantities",
    "reference_files",
)
# A located message: file, optional line, optional field, problem.
LOCATED = re.compile(
    r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+))?: (?:(?P<field>[A-Za-z_][A-Za-z0-9_]*): )?"
    r"(?P<problem>\S.*)$"
)
# Text that only comes from inside the program: exception reprs, tracebacks, library internals.
INTERNAL = re.compile(r"Traceback|\w+Error\(|\w+Exception\(|Error: \[Errno|\bFile \"|pandera|pyarrow\.lib")


def make_project(root, *folders):
    """A copy of the project at ``root``: ``src/`` and ``folders`` (default ``data``)."""
    root = Path(root)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(paths.ROOT / "src", root / "src", ignore=ignore)
    for folder in folders or ("data",):
        shutil.copytree(paths.ROOT / folder, root / folder, ignore=ignore, symlinks=True)
    return root


def data_project(root):
    """A copy of the project at ``root`` holding ``data/`` alone: what ``check`` reads."""
    root = Path(root)
    shutil.copytree(paths.DATA, root / "data", symlinks=True)
    return root


def check(project):
    """``twokoreas check`` on ``project``, run in this process; the CompletedProcess (text)."""
    return inprocess.twokoreas("check", root=project)


def environment(project, **extra):
    """The environment for a command on ``project``: its own package first, no TWOKOREAS_* from outside."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOKOREAS_")}
    env.update(PYTHONPATH=str(project / "src"), PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def twokoreas(project, *args, env=None, stdin=None, timeout=300, cwd=None):
    """Run ``python -m twokoreas ARGS`` on ``project``; the CompletedProcess (text)."""
    return subprocess.run(
        [sys.executable, "-m", "twokoreas", *map(str, args)],
        cwd=cwd or project,
        env=environment(project, **(env or {})),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def default_sigint():
    """For ``preexec_fn``: Ctrl-C back to its default in the child, even when the tests run with SIGINT ignored
    (a shell starts background jobs so, and Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)


def snapshot(project):
    """Every file and folder under ``project`` (but ``src/`` and ``build/``) with its SHA-256 or link target: equal
    snapshots mean an unchanged tree. Symbolic links are recorded, never followed."""
    entries = {}
    for folder, subfolders, files in os.walk(project):
        folder = Path(folder)
        if folder == project:  # the copy's code, and the runner's scratch folder (build/run.lock)
            subfolders[:] = [f for f in subfolders if f not in ("src", "build")]
        for name in subfolders + files:
            path = folder / name
            relative = str(path.relative_to(project))
            if path.is_symlink():
                entries[relative] = f"-> {os.readlink(path)}"
            elif path.is_file():
                entries[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                entries[relative] = "folder"
    return entries


def lines_of(result):
    """Every non-empty line the command printed, stdout then stderr."""
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def assert_clear(lines, file, line=None, field=None):
    """Every line is a located message without internal text, and one names ``file``, ``line`` and
    ``field`` (``line`` or ``field`` None: any)."""
    assert lines, "nothing printed"
    parsed = []
    for text in lines:
        assert not INTERNAL.search(text), f"internal text in {text!r}"
        match = LOCATED.match(text)
        assert match, f"not a located message: {text!r}"
        parsed.append((match["file"], match["line"] and int(match["line"]), match["field"]))
    assert any(f == file and line in (None, n) and field in (None, c) for f, n, c in parsed), (
        f"no line for {(file, line, field)} in {lines}"
    )


class Table:
    """A CSV file as rows of strings, mutated like the campaign's csvmut.py and written back as CSV.

    Rows are numbered like the campaign's: row 1 is the first data row (physical line 2 when no cell
    holds a line break).
    """

    def __init__(self, path):
        self.path = Path(path)
        with open(self.path, encoding="utf-8", newline="") as handle:
            self.rows = list(csv.reader(handle))

    @property
    def header(self):
        return self.rows[0]

    def get(self, row, column):
        return self.rows[row][self.header.index(column)]

    def set(self, row, column, value):
        self.rows[row][self.header.index(column)] = value
        return self

    def find(self, column, value):
        """The number of the first data row whose ``column`` is ``value``."""
        index = self.header.index(column)
        return next(n for n, r in enumerate(self.rows) if n and r[index] == value)

    def delrow(self, row):
        del self.rows[row]
        return self

    def duprow(self, row):
        self.rows.append(list(self.rows[row]))
        return self

    def dupid(self, source, target):
        """Give data row ``target`` the first column of row ``source``."""
        self.rows[target][0] = self.rows[source][0]
        return self

    def dropcol(self, column):
        index = self.header.index(column)
        for r in self.rows:
            del r[index]
        return self

    def addcol(self, column, value):
        self.rows[0].append(column)
        for r in self.rows[1:]:
            r.append(value)
        return self

    def renamecol(self, old, new):
        self.rows[0][self.header.index(old)] = new
        return self

    def headeronly(self):
        del self.rows[1:]
        return self

    def write(self):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(self.rows)
        self.path.write_text(buffer.getvalue(), encoding="utf-8")


def reregister(project, relative, register="reference_files.csv"):
    """Record the current SHA-256 of ``data/relative`` in its register (a new release, a re-saved article)."""
    digest = hashlib.sha256((project / "data" / relative).read_bytes()).hexdigest()
    table = Table(project / "data" / register)
    table.set(table.find("file", relative), "sha256", digest).write()


def check_fails_clearly(project, *locations, lines=None):
    """``check`` exits 1, every line is located and clean, and one names any of ``locations``."""
    before = snapshot(project)
    result = check(project)
    printed = lines_of(result)
    assert result.returncode == 1, printed
    errors = []
    for location in locations:
        try:
            assert_clear(printed, *location)
            break
        except AssertionError as err:
            errors.append(err)
    else:
        raise AssertionError(errors)
    if lines is not None:
        assert len(printed) == lines, printed
    assert snapshot(project) == before
    return printed
