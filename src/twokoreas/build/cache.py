"""What the last successful build was made from and what it wrote, so that `make` can skip unchanged work.

A notebook's inputs are its code and markdown cells, every file under ``data/``, every file of the package
(code, stylesheets, templates, scripts, package data: whatever is there, not a hand-kept list) and the
installed packages (name and version, so a new version of a library that renders is a change). It is skipped when its inputs hash to what the last
successful build recorded *and* the notebook and the figures it wrote are still the bytes that build
wrote (so a checkout, a hand edit or a deleted figure means it runs again). The site is skipped on
the same terms, with the executed notebooks, the figures and the git commit as inputs. The record lives
in ``build/record.json``; ``make rebuild`` ignores it for what to run, though not for which files in the
figures folder builds wrote (:func:`written_figures`): no build replaces or removes any other.
"""

import hashlib
import importlib.metadata
import json
import subprocess
import sys

from .. import paths
from ..atomic import write_text
from ..files import sha256_of

RECORD = "record.json"
PACKAGE = paths.ROOT / "src" / "twokoreas"


def folder_shas(folder):
    """``{relative path: SHA-256}`` of every file under ``folder`` (empty if it does not exist)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): sha256_of(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def figure_shas(folder, owned=None):
    """``{name: SHA-256}`` of the files builds write in the figures folder (see :func:`paths.figure_files`);
    with ``owned``, only the files of those names (see :func:`written_figures`)."""
    return {p.name: sha256_of(p) for p in paths.figure_files(folder) if owned is None or p.name in owned}


def written_figures(record):
    """Names of the files in the figures folder that the recorded builds wrote (and ``index.csv``): the only
    ones a build may replace or remove. Any other file there is a person's, and is left alone."""
    notebooks = record.get("notebooks")
    entries = notebooks.values() if isinstance(notebooks, dict) else []
    return {"index.csv"} | {name for entry in entries if isinstance(entry, dict) for name in entry.get("figures") or {}}


def _digest(*parts):
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def package_files():
    """``{relative path: SHA-256}`` of every file of the package, bytecode caches aside."""
    return {
        name: sha
        for name, sha in folder_shas(PACKAGE).items()
        if "__pycache__" not in name.split("/") and not name.endswith((".pyc", ".pyo"))
    }


def common_inputs():
    """Hash of what every notebook reads besides itself: data/, every file of the package, the installed
    packages."""
    code = package_files()
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return _digest(folder_shas(paths.DATA), code, installed, sys.version)


def notebook_inputs(common, notebook_json):
    """Hash of one notebook's inputs: ``common`` and its cells' types and sources (outputs are not inputs)."""
    cells = [[c.get("cell_type"), "".join(c.get("source", ""))] for c in notebook_json.get("cells", [])]
    return _digest(common, cells)


def _commit():
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=paths.ROOT, capture_output=True, text=True).stdout
    except OSError:
        return ""


def site_inputs(common, notebooks, figures):
    """Hash of the site's inputs: ``common`` (which holds the site's stylesheets and code), the executed
    notebooks and figures, the commit."""
    return _digest(common, notebooks, figures, _commit())


def load(build):
    """The record of the last successful build in folder ``build`` (empty if none, or unreadable)."""
    try:
        record = json.loads((build / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def save(build, record):
    """Write the record of a successful build, atomically."""
    write_text(build / RECORD, json.dumps(record, indent=1, sort_keys=True) + "\n")


def notebook_is_current(record, name, inputs, notebook_sha, figures_dir, figures):
    """Whether the recorded build of notebook ``name`` had these inputs and its outputs are still as written.

    ``figures`` maps the figure folder's current files to their SHA-256.
    """
    entry = record.get("notebooks", {}).get(name)
    if not entry or record.get("figures_dir") != str(figures_dir):
        return False
    if record.get("index_csv") != figures.get("index.csv"):
        return False
    return (
        entry.get("inputs") == inputs
        and entry.get("notebook") == notebook_sha
        and all(figures.get(f) == sha for f, sha in entry.get("figures", {}).items())
    )


def site_is_current(record, inputs, site):
    """Whether the recorded site had these inputs and every file it wrote in folder ``site`` is still as written."""
    entry = record.get("site")
    return (
        bool(entry)
        and entry.get("inputs") == inputs
        and all((site / f).is_file() and sha256_of(site / f) == sha for f, sha in entry.get("files", {}).items())
    )
