"""Execute the notebooks in numeric order, in place, from one process; then render the site.

Saved notebooks are deterministic: kernel ``python3``, no timing metadata, no
widget state. A failing notebook is reported by name, cell and error, and the
committed file is left untouched (each notebook is written to a temporary file
and moved into place only when every cell ran).
"""

import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from . import paths
from .atomic import atomic_path
from .kernel import KERNELSPEC  # the kernel `make` installs, so JupyterLab finds nothing to change

CELL_TIMEOUT = 600


class NotebookFailed(Exception):
    """A cell raised: names the notebook, the cell and the error."""


def notebook_paths():
    """The numbered notebooks, in execution order."""
    return sorted(p for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _clean(nb):
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": nb.metadata["language_info"]}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
    return nb


def execute(path):
    """Execute one notebook in place (atomically); raise NotebookFailed on the first failing cell."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel(stderr=subprocess.DEVNULL):  # the kernel's own start-up chatter
        reply = client.wait_for_reply(client.kc.kernel_info())
        nb.metadata["language_info"] = reply["content"]["language_info"]
        for index, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as err:
                raise NotebookFailed(
                    f"{path.name}: cell {index + 1} of {len(nb.cells)} failed: {err.ename}: {err.evalue}") from None
    with atomic_path(path) as tmp:
        nbformat.write(_clean(nb), tmp)


def run_all():
    """Execute every notebook, printing one line each and a summary; then render the site. Exit status."""
    notebooks = notebook_paths()
    started = time.perf_counter()
    for number, path in enumerate(notebooks, start=1):
        print(f"[{number}/{len(notebooks)}] {path.stem} … ", end="", flush=True)
        began = time.perf_counter()
        try:
            execute(path)
        except NotebookFailed as err:
            print("FAILED")
            print(f"error: {err}", file=sys.stderr)
            print(f"{number - 1} of {len(notebooks)} notebooks executed; {path.name} left as committed.", file=sys.stderr)
            return 1
        print(f"{time.perf_counter() - began:.1f} s")
    print(f"{len(notebooks)} notebooks executed in {time.perf_counter() - started:.1f} s")
    from .site import build_site

    build_site()
    return 0
