"""Build: execute the notebooks in numeric order in one kernel, render the site, and save all of it or nothing.

Everything is written into a staging folder under ``build/``: the notebooks, a copy of the figures
folder that the notebooks update, and the site. Only when every notebook has run and the site is
rendered are ``notebooks/``, the figures folder and ``site/`` updated together
(:mod:`twokoreas.build.staging`). A failing cell, a dead kernel, an unreadable notebook, Ctrl-C or SIGTERM
print one line and leave the tree as it was. Notebooks whose inputs have not changed since the last
successful build are skipped (:mod:`twokoreas.build.cache`); ``rebuild=True`` runs them all.
Saved notebooks are deterministic: kernel ``python3``, no timing metadata, execution counts from 1.
"""

import fcntl
import hashlib
import importlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

from . import cache, staging
from .. import paths
from ..errors import DataError
from ..files import sha256_of


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so that the kernel and the staging folder are cleaned up."""


def _terminate(signum, frame):
    raise Terminated()


def _read_notebook(path):
    """The notebook's text, parsed JSON and SHA-256 (of the very bytes read); DataError naming the file if it
    is not a notebook."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        notebook = json.loads(text)
    except OSError as err:
        raise DataError(paths.shown(path), f"cannot read: {err.strerror}") from None
    except UnicodeDecodeError as err:
        raise DataError(paths.shown(path), f"not UTF-8 text (byte {err.start})") from None
    except json.JSONDecodeError as err:
        what = "empty file" if not text.strip() else f"line {err.lineno} column {err.colno}: {err.msg}"
        raise DataError(paths.shown(path), f"not a notebook: invalid JSON ({what})") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise DataError(paths.shown(path), "not a notebook: it has no list of cells")
    return text, notebook, hashlib.sha256(raw).hexdigest()


def _writable(folder):
    """A DataError if ``folder`` (or, when it does not exist yet, the folder it would be made in) is read-only."""
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        raise DataError(paths.shown(existing), "cannot write here (read-only?)")


@contextmanager
def _locked(build):
    """Hold ``build/run.lock`` so that two builds of one tree take turns."""
    with open(build / "run.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for another build of this tree to finish", flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _files(folder):
    """Every file under ``folder`` (none if it does not exist)."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _stat(folder):
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size) for p in paths.figure_files(folder)}


class _Build:
    """One build: what to run, the staging folder, and what the record will say."""

    def __init__(self, rebuild, only):
        self.rebuild, self.only = rebuild, only
        self.figures = paths.figures_dir()
        self.build = paths.BUILD
        self.committed = False
        self.step = "planning the build"  # what the build was doing, for a fault with no file name (a full disk)

    def targets(self):
        return [paths.NOTEBOOKS, self.figures, paths.SITE]

    def plan(self):
        """Read every notebook and decide which must run; DataError for one that is not a notebook."""
        previous = cache.load(self.build)  # what earlier builds wrote, even for a rebuild
        self.owned = (
            cache.written_figures(previous) if previous.get("figures_dir") == str(self.figures) else {"index.csv"}
        )
        self.record = {} if self.rebuild else previous
        named = previous.get("not_ours")
        self.record_foreign = [n for n in named if isinstance(n, str)] if isinstance(named, list) else []
        self.common = cache.common_inputs()
        self.figure_shas = cache.figure_shas(self.figures, self.owned)
        self.notebooks, notebook_shas = [], {}
        for path in [self.only] if self.only else paths.notebook_paths():
            text, notebook, sha = _read_notebook(path)  # the bytes run are the bytes checked before saving
            inputs = cache.notebook_inputs(self.common, notebook)
            current = cache.notebook_is_current(
                self.record, path.stem, inputs, sha, self.figures, self.figure_shas
            )
            self.notebooks.append(
                {"path": path, "text": text, "inputs": inputs, "sha": sha, "run": bool(self.only) or not current}
            )
            notebook_shas[path.name] = sha
        self.site_inputs = cache.site_inputs(self.common, notebook_shas, self.figure_shas)
        site_current = self.only or cache.site_is_current(self.record, self.site_inputs, paths.SITE)
        return any(n["run"] for n in self.notebooks) or not site_current

    def execute(self, stage):
        """Execute the notebooks that must run into ``stage``, printing one line per notebook."""
        import nbformat

        from ..data import loaders  # noqa: F401 (with IPython: loaded here, never by two threads at once
        from .kernel import shared_kernel

        # the site's own imports (nbconvert) load while the kernel works; what both need is loaded above
        threading.Thread(target=importlib.import_module, args=("twokoreas.site",), daemon=True).start()
        notebooks, figures = stage / "notebooks", stage / "figures"
        notebooks.mkdir()
        figures.mkdir()
        for path in self.owned_files(self.figures):  # only what builds wrote: never a person's file
            shutil.copyfile(path, figures / path.name)
        for n in self.notebooks:
            shutil.copyfile(n["path"], notebooks / n["path"].name)
        self.produced = {}
        total, started, ran = len(self.notebooks), time.perf_counter(), 0
        env = {**os.environ, paths.FIGURES_VARIABLE: str(figures)}
        needed = any(n["run"] for n in self.notebooks)
        with shared_kernel(notebooks, env) if needed else nullcontext() as kernel:
            for number, n in enumerate(self.notebooks, start=1):
                path = n["path"]
                print(f"[{number}/{total}] {path.stem}: ", end="", flush=True)
                if not n["run"]:
                    print("unchanged, skipped")
                    continue
                began, before = time.perf_counter(), _stat(figures)
                try:
                    nb = kernel.execute(nbformat.reads(n["text"], as_version=4), paths.shown(path))
                except BaseException as err:
                    print("interrupted" if isinstance(err, KeyboardInterrupt) else "FAILED", flush=True)
                    raise
                nbformat.write(nb, notebooks / path.name)
                after = _stat(figures)
                self.produced[path.stem] = sorted(f for f in after if f != "index.csv" and before.get(f) != after[f])
                ran += 1
                print(f"{time.perf_counter() - began:.1f} s")
        skipped = total - ran
        print(
            f"{ran} of {total} notebooks executed in {time.perf_counter() - started:.1f} s"
            + (f"; {skipped} unchanged since the last build, skipped (make rebuild runs them all)" if skipped else "")
        )
        return notebooks, figures

    def owned_files(self, folder):
        """The files of the figures ``folder`` that builds wrote (see :func:`cache.written_figures`)."""
        return [p for p in paths.figure_files(folder) if p.name in self.owned]

    def foreign_files(self):
        """Files in the figures folder with a build's ``NN_`` names that no build wrote, each named once: a
        person's, left as they are and never published."""
        written = self.owned | {f for files in self.produced.values() for f in files}
        named = set(self.record_foreign)
        for path in paths.figure_files(self.figures):
            if path.name not in written and path.name not in named:
                print(f"{paths.shown(path)}: not written by any notebook: left as it is, and not published")
        self.record_foreign = sorted(p.name for p in paths.figure_files(self.figures) if p.name not in written)

    def check_unchanged(self):
        """DataError naming the first notebook whose bytes changed since the build read it (a save in
        JupyterLab during the build): the build must not overwrite it."""
        for n in self.notebooks:
            path = n["path"]
            if not path.is_file() or sha256_of(path) != n["sha"]:
                raise DataError(
                    paths.shown(path),
                    "changed while the build ran (saved in JupyterLab?), so the build did "
                    "not overwrite it: run `make` again to build it as it is now",
                )

    def prune(self, figures):
        """Remove from the staged ``figures`` what an earlier build wrote and no notebook wrote this build (a
        renamed or dropped chart), so the build's files are exactly what the notebooks wrote, with what skipped
        ones wrote before; and drop the removed figures' rows from ``index.csv``. With ``--only``, only what
        that notebook stopped writing. A file no build wrote is never staged, so never touched."""
        old = self.record.get("notebooks", {})
        if self.only:
            name = self.only.stem
            stale = set(old.get(name, {}).get("figures", {})) - set(self.produced.get(name, []))
        else:
            kept = set()
            for n in self.notebooks:
                name = n["path"].stem
                kept.update(self.produced.get(name, []) if n["run"] else old.get(name, {}).get("figures", {}))
            stale = {p.name for p in self.owned_files(figures)} - kept - {"index.csv"}
        for name in stale:
            (figures / name).unlink(missing_ok=True)
        index = figures / "index.csv"
        if stale and index.is_file():
            import pandas as pd

            from ..atomic import write_csv

            rows = pd.read_csv(index, dtype=str, keep_default_na=False)
            drawn = {p.stem for p in paths.figure_files(figures)}
            if not rows.figure.isin(drawn).all():
                write_csv(rows[rows.figure.isin(drawn)], index)

    def save_record(self, stage):
        """Record the inputs and outputs of this build (after the commit: these files are now the tree's)."""
        old = self.record.get("notebooks", {})
        entries = dict(old) if self.only else {}
        for n in self.notebooks:
            name = n["path"].stem
            written = self.produced.get(name) if n["run"] else list(old.get(name, {}).get("figures", {}))
            entries[name] = {
                "inputs": n["inputs"],
                "notebook": sha256_of(n["path"]),
                "figures": written or [],
            }
        figures = cache.figure_shas(self.figures, cache.written_figures({"notebooks": entries}))
        for entry in entries.values():
            entry["figures"] = {f: figures.get(f) for f in entry["figures"]}
        notebook_shas = {n["path"].name: sha256_of(n["path"]) for n in self.notebooks}
        site = {
            "inputs": cache.site_inputs(self.common, notebook_shas, figures),
            "files": cache.folder_shas(stage / "site"),
        }
        cache.save(
            self.build,
            {
                "figures_dir": str(self.figures),
                "index_csv": figures.get("index.csv"),
                "notebooks": entries,
                "not_ours": self.record_foreign,
                "site": self.record.get("site", {}) if self.only else site,
            },
        )


def _build(build):
    try:
        build.figures.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DataError(paths.FIGURES_VARIABLE, f"cannot create {build.figures}: {err.strerror}") from None
    for folder in build.targets():
        _writable(folder)
    try:
        build.build.mkdir(exist_ok=True)
    except OSError as err:
        raise DataError(paths.shown(build.build), f"cannot create: {err.strerror}") from None
    with _locked(build.build):
        if staging.recover(build.targets(), build.build):
            print("completed the save of a build that was killed while saving")
        if not build.plan():
            for number, n in enumerate(build.notebooks, start=1):
                print(f"[{number}/{len(build.notebooks)}] {n['path'].stem}: unchanged, skipped")
            print("nothing to do: no notebook's inputs changed since the last build (make rebuild runs them all)")
            return 0
        build.step = f"creating a staging folder in {paths.shown(build.build)}/"
        stage = Path(tempfile.mkdtemp(prefix="stage-", dir=build.build))
        try:
            build.step = f"executing the notebooks into {paths.shown(stage)}/"
            notebooks, figures = build.execute(stage)
            build.prune(figures)
            remove = staging.stale_files(figures, build.figures, build.owned_files)
            if not build.only:  # --only: one notebook, no site
                from ..site import build_site

                build.step = f"rendering the site into {paths.shown(stage / 'site')}/"
                build_site(site=stage / "site", notebooks=notebooks, figures=figures)
                remove += staging.stale_files(stage / "site", paths.SITE, _files)
            build.check_unchanged()
            build.step = f"saving into notebooks/, {paths.shown(build.figures)}/ and site/"
            replaced = staging.commit(
                [(notebooks, paths.NOTEBOOKS), (figures, build.figures), (stage / "site", paths.SITE)],
                build.build,
                remove,
            )
            build.committed = True
            build.foreign_files()
            build.save_record(stage)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    print(f"saved: {replaced} files changed or removed in notebooks/, {paths.shown(build.figures)}/ and site/")
    return 0


def run_all(rebuild=False, only=None):
    """Build, printing one line per notebook; on failure print one line naming the fault. Exit status.

    ``only``: the path of one notebook to execute, whatever the record says, without rendering the site.

    Exit status 1 for a fault, 130 for Ctrl-C, 143 for SIGTERM; the tree is left as it was unless the
    build had already been saved.
    """
    previous = signal.signal(signal.SIGTERM, _terminate)
    build = None
    try:
        build = _Build(rebuild, only)
        from ..data.kinds import unread_in_data

        for line in unread_in_data():
            print(line)
        return _build(build)
    except KeyboardInterrupt as err:
        name, status = ("SIGTERM", 143) if isinstance(err, Terminated) else ("Ctrl-C", 130)
        print(f"interrupted ({name}): {_outcome(build)}", file=sys.stderr)
        return status
    except (DataError, OSError) as err:
        print(f"{_problem(err, build)}; {_outcome(build)}", file=sys.stderr)
        return 1
    except Exception as err:  # a NotebookFailed, or a fault of the kernel machinery: one line, never a traceback
        from .kernel import NotebookFailed, one_line

        text = str(err) if isinstance(err, NotebookFailed) else f"build failed: {type(err).__name__}: {one_line(err)}"
        print(f"{text}; {_outcome(build)}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)


def _outcome(build):
    return "the build had already been saved" if build and build.committed else "nothing was changed"


def _problem(err, build):
    if isinstance(err, OSError) and err.filename:
        return f"{paths.shown(Path(err.filename))}: {err.strerror}"
    if isinstance(err, OSError) and build is not None:  # a full disk names no file: say where and at what step
        return f"{err.strerror or err} while {build.step}"
    return str(err)
