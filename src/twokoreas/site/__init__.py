"""Render the executed notebooks and pages generated from ``data/`` into ``site/``: Sphinx with myst-nb and
sphinx-book-theme (the Jupyter Book 1 stack), offline, readable from ``file://``, never executing a notebook.

By default the site is fit to put online: article pages carry the sentences the figures and events come from,
never a whole text. ``TWOKOREAS_FULLTEXT=1`` (``make site FULLTEXT=1``) builds a local site with the full texts
and their ``.txt`` files, for people who hold the texts; never publish that build.

The site is built beside ``site/`` and moved into place only when the build succeeded, with the usual
permissions (files 0644, folders 0755) so any web server can serve it. May import the root modules, ``text``,
``data``, ``analysis`` and ``notebook``; ``build`` calls it.
"""

import io
import os
import shutil
import sys
import time
from pathlib import Path

from .. import paths
from .data import load_site_data
from .pages import write_sources

CONF_DIR = Path(__file__).parent


def fulltext():
    """True when this build carries the full texts (``TWOKOREAS_FULLTEXT=1``): for local use only."""
    return os.environ.get("TWOKOREAS_FULLTEXT", "") not in ("", "0")


class SiteBuildFailed(Exception):
    """Sphinx stopped with an error; ``site/`` is left as it was."""


def _publishable(tree):
    """Give every file 0644 and every folder 0755, whatever the umask or temporary-file modes; drop the theme's
    build-time templates that Sphinx copies into ``_static`` but no page uses."""
    for stray in (tree / "_static").glob("*webpack-macros.html"):
        stray.unlink()
    os.chmod(tree, 0o755)
    for folder, dirs, files in os.walk(tree):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def _remove(path):
    """Remove ``path``, a folder or a file (or a link), if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _replace_tree(new, target):
    """Move the finished tree ``new`` onto ``target`` (a folder, or a file in its way), removing the old one
    after the swap."""
    old = target.with_name(f".{target.name}.old")
    _remove(old)
    if target.exists() or target.is_symlink():
        os.replace(target, old)
    os.replace(new, target)
    _remove(old)


def _sphinx(source, out, doctrees):
    from sphinx.application import Sphinx
    from sphinx.errors import SphinxError

    warnings = io.StringIO()
    try:
        app = Sphinx(str(source), str(CONF_DIR), str(out), str(doctrees), "html", status=None,
                     warning=warnings, freshenv=True, verbosity=0,
                     confoverrides={"html_extra_path": [str(source / "_extra")], "twokoreas_fulltext": fulltext()})
        app.build(force_all=True)
    except SphinxError as err:
        raise SiteBuildFailed(f"sphinx: {err}") from None
    if app.statuscode:
        raise SiteBuildFailed(f"sphinx: build failed: {warnings.getvalue().strip()}")
    return [line for line in warnings.getvalue().splitlines() if line.strip()]


def build_site(site=None, notebooks=None, figures=None):
    """Write ``site/``: a page per notebook and per article, the index, gallery and downloads. Prints a summary
    line with the time taken; raises :class:`twokoreas.DataError` or :class:`SiteBuildFailed`.

    The build (:mod:`twokoreas.build.runner`) passes its staging folders: ``site`` to write, ``notebooks`` and
    ``figures`` to read."""
    started = time.perf_counter()
    data = load_site_data()
    notebooks = paths.notebook_paths(notebooks)
    build = paths.BUILD  # read at call time: a project copy (the tests) builds in its own folder
    source, out, doctrees = build / "site-src", build / "site-new", build / "site-doctrees"
    for folder in (out, doctrees):
        shutil.rmtree(folder, ignore_errors=True)
    write_sources(source, data, notebooks, figures, full=fulltext())
    for warning in _sphinx(source, out, doctrees):
        print(f"warning: {warning}", file=sys.stderr)
    _publishable(out)
    _replace_tree(out, site or paths.SITE)
    print(f"site: {len(notebooks)} notebook pages, {len(data.articles)} article pages"
          f"{' (full texts: a local build, not for publishing)' if fulltext() else ''}, index, gallery and "
          f"downloads in {time.perf_counter() - started:.1f} s")
