"""``twokoreas ARGS`` run in this process, as a subprocess would see it, without starting a Python (about 4 s each).

What a real process adds and this cannot show (the interpreter's own exit, signals, the console's encoding, a
traceback printed past the guard) is left to the few tests that start one (``e2e``). Everything else is the same
code path: :func:`twokoreas.cli.commands.main`, its guard, its exit status, and every line it prints. Warnings are printed
to stderr as a fresh interpreter would print them (Python's default filters), so a command that warns fails a test
that wants silence here as it would there.
"""

import contextlib
import io
import os
import subprocess
import sys
import warnings
from pathlib import Path

from twokoreas import cli, paths

#: The folders ``paths`` names under the project root (a copy of the project gets its own).
_FOLDERS = {"DATA": "data", "REFERENCE": "data/reference", "NOTEBOOKS": "notebooks", "SITE": "site", "BUILD": "build"}
#: Python's warning filters when started without -W or PYTHONWARNINGS.
_IGNORED_BY_DEFAULT = (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning)


@contextlib.contextmanager
def _project(root):
    """``paths`` pointed at the copy ``root``, as ``PYTHONPATH=<root>/src`` would; restored afterwards."""
    saved = {name: getattr(paths, name) for name in ("ROOT", *_FOLDERS)}
    if root is not None:
        paths.ROOT = Path(root)
        for name, folder in _FOLDERS.items():
            setattr(paths, name, paths.ROOT / folder)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(paths, name, value)


@contextlib.contextmanager
def _environment(env, cwd):
    """No TWOKOREAS_* from outside, ``env`` added, working directory ``cwd``; all restored afterwards."""
    saved, folder = dict(os.environ), os.getcwd()
    for name in [n for n in os.environ if n.startswith("TWOKOREAS_")]:
        del os.environ[name]
    os.environ.update(env or {})
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(saved)


def _stream(data=b""):
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None, write_through=True)


def twokoreas(*args, root=None, env=None, cwd=None, stdin=""):
    """Run ``twokoreas ARGS`` here on the project copy ``root`` (None: this project); a CompletedProcess."""
    args = [str(a) for a in args]
    out, err, inp = _stream(), _stream(), _stream(stdin.encode("utf-8"))
    streams = sys.stdout, sys.stderr, sys.stdin
    with _project(root), _environment(env, cwd or root), warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter("default")
        for category in _IGNORED_BY_DEFAULT:
            warnings.filterwarnings("ignore", category=category)
        warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: err.write(
            warnings.formatwarning(message, category, filename, lineno, line)
        )
        sys.stdout, sys.stderr, sys.stdin = out, err, inp
        try:
            status = cli.main(args)
        except SystemExit as exit:  # argparse: --help, --version, usage errors
            status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        finally:
            sys.stdout, sys.stderr, sys.stdin = streams
    return subprocess.CompletedProcess(["twokoreas", *args], status, _text(out), _text(err))


def _text(stream):
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")
