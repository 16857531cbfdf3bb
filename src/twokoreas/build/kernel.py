"""The project's Jupyter kernel: its name and launch command, and one kernel that runs notebook after notebook.

- **The kernel spec** (:data:`KERNELSPEC`, :func:`install`): `make` installs it into .venv and the runner names
  it in every saved notebook, so a notebook opened in JupyterLab already names the kernel Lab starts for it. It
  is IPython's, except that its language_info leaves out the exact Python version, so a notebook is the same
  bytes whichever supported Python ran it.
- **One shared kernel** (:func:`shared_kernel`): starting, importing into and shutting down a kernel per
  notebook was three quarters of the build's time. :meth:`SharedKernel.execute` returns the kernel to a fresh
  kernel's state before each notebook, so execution counts and outputs are those of a fresh kernel; the
  kernel is killed, not shut down politely, when the block ends.
- **Inside the kernel** (:func:`snapshot`, :func:`restore`): an empty namespace, execution counts from 1,
  matplotlib's settings, unit converters and open figures, pandas' options, the working directory, the
  environment, ``sys.path`` and the warning filters (with the "shown once" registries forgotten). Imported
  modules stay loaded: that is what saves the time. nbval still executes every notebook in a kernel of its
  own, so any state this misses fails the tests.

Run as ``python -m twokoreas.build.kernel`` to install the kernel.
"""

import json
import logging
import os
import subprocess
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

CELL_TIMEOUT = 600
_fresh = {}

NAME = "python3"
DISPLAY_NAME = "Python 3 (twokoreas)"
KERNELSPEC = {"name": NAME, "display_name": DISPLAY_NAME, "language": "python"}
# What `python -m ipykernel_launcher` does, with "version" dropped from the kernel's language_info first.
LAUNCH = (
    "import sys; sys.path[0] == '' and sys.path.pop(0); from ipykernel import kernelapp; "
    "from ipykernel.ipkernel import IPythonKernel as K; "
    "K.language_info = {k: v for k, v in K.language_info.items() if k != 'version'}; "
    "kernelapp.launch_new_instance()"
)


def install():
    """Install the kernel into the running environment (``sys.prefix``), under NAME and DISPLAY_NAME."""
    from ipykernel.kernelspec import install as install_kernelspec

    spec = Path(install_kernelspec(kernel_name=NAME, display_name=DISPLAY_NAME, prefix=sys.prefix)) / "kernel.json"
    kernel = json.loads(spec.read_text())
    at = kernel["argv"].index("ipykernel_launcher")
    kernel["argv"][at - 1 : at + 1] = ["-c", LAUNCH]
    spec.write_text(json.dumps(kernel, indent=1) + "\n")


def snapshot():
    """Remember the kernel's state as it is now (call it before any notebook runs). pyplot and pandas are
    imported first, as every notebook imports them: pyplot registers matplotlib's own unit converters (for
    categories), which a fresh kernel has and :func:`restore` must keep."""
    import matplotlib
    import matplotlib.pyplot  # noqa: F401 (registers the category converters)
    import matplotlib.units
    import pandas  # noqa: F401

    _fresh.update(
        cwd=os.getcwd(),
        environ=dict(os.environ),
        path=list(sys.path),
        argv=list(sys.argv),
        warnings=list(warnings.filters),
        rc=dict(matplotlib.rcParams),
        units=dict(matplotlib.units.registry),
    )


def restore():
    """Put the kernel back in the state :func:`snapshot` saw, with an empty namespace and count 1."""
    import matplotlib
    import matplotlib.pyplot as plt
    import matplotlib.units
    import pandas as pd
    from IPython import get_ipython

    shell = get_ipython()
    shell.reset(new_session=False)  # what %reset -f does: the namespace, In, Out, _, __, ___
    shell.execution_count = 1
    plt.close("all")
    dict.update(matplotlib.rcParams, _fresh["rc"])  # raw: the values were valid when saved
    matplotlib.units.registry.clear()
    matplotlib.units.registry.update(_fresh["units"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.reset_option("all")
    os.chdir(_fresh["cwd"])
    os.environ.clear()
    os.environ.update(_fresh["environ"])
    sys.path[:] = _fresh["path"]
    sys.argv[:] = _fresh["argv"]
    warnings.filters[:] = _fresh["warnings"]
    warnings._filters_mutated()  # forget which warnings were already shown once
_SNAPSHOT = "import twokoreas.build.kernel as _kernel\n_kernel.snapshot()\ndel _kernel"
_RESTORE = "import twokoreas.build.kernel as _kernel\n_kernel.restore()"


class NotebookFailed(Exception):
    """A notebook could not be executed; ``str(err)`` names it, the cell and the error in one line."""


def one_line(text):
    """``text`` with its lines joined, for a message that must stay on one line."""
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


class SharedKernel:
    """A started kernel and its client; see :func:`shared_kernel`."""

    def __init__(self, client, language_info):
        self._client, self._language_info = client, language_info

    def _silently(self, code, name):
        client = self._client
        reply = client.wait_for_reply(client.kc.execute(code, silent=True, store_history=False))
        if reply is None or reply["content"]["status"] != "ok":
            error = reply["content"] if reply else {"ename": "TimeoutError", "evalue": "no reply"}
            raise NotebookFailed(
                f"{name}: the kernel could not be reset: {error['ename']}: {one_line(error['evalue'])}"
            )

    def execute(self, nb, name):
        """Execute the notebook node ``nb`` (``name`` names it in errors) and return it, cleaned.

        Raises NotebookFailed for a failing cell, a cell that times out, or a kernel that dies.
        """
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

        client, where = self._client, name
        try:
            self._silently(_RESTORE, name)
            client.nb = nb
            client.reset_execution_trackers()
            nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": self._language_info}
            for index, cell in enumerate(nb.cells):
                where = f"{name}: cell {index + 1} of {len(nb.cells)}"
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as err:
                    raise NotebookFailed(f"{where}: {err.ename}: {one_line(err.evalue)}") from None
                except CellTimeoutError:
                    raise NotebookFailed(f"{where}: still running after {CELL_TIMEOUT} s, stopped") from None
        except DeadKernelError:
            raise NotebookFailed(f"{where}: the kernel died (it crashed, ran out of memory or was killed)") from None
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
            cell.metadata.pop("collapsed", None)
        return nb


@contextmanager
def shared_kernel(cwd, env):
    """Start one ``python3`` kernel in folder ``cwd`` with environment ``env``; kill it when the block ends."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_notebook

    client = NotebookClient(
        new_notebook(),
        kernel_name=KERNELSPEC["name"],
        timeout=CELL_TIMEOUT,
        record_timing=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(cwd)}},
    )
    try:
        with client.setup_kernel(stderr=subprocess.DEVNULL, env=env):  # the kernel's own start-up chatter
            language_info = client.wait_for_reply(client.kc.kernel_info())["content"]["language_info"]
            kernel = SharedKernel(client, language_info)
            kernel._silently(_SNAPSHOT, "kernel start")
            yield kernel
    except KeyboardInterrupt:
        # The cell Ctrl-C interrupted is an asyncio task that ends in DeadKernelError once the kernel is killed;
        # asyncio would log it as "Task exception was never retrieved" when it is collected, as the program exits.
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        raise


if __name__ == "__main__":
    install()
