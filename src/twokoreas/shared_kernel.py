"""One Jupyter kernel that executes notebook after notebook, each as if in a kernel of its own.

Starting, importing into and shutting down a kernel per notebook was three quarters of the build's
time. :func:`shared_kernel` starts one kernel; :meth:`SharedKernel.execute` returns it to a fresh
kernel's state (:mod:`twokoreas.kernel_state`) before each notebook, so execution counts and
outputs are those of a fresh kernel. The kernel is killed, not shut down politely, when the block
ends: every output it writes is already complete by then.
"""

import logging
import subprocess
from contextlib import contextmanager

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat.v4 import new_notebook

from .kernel import KERNELSPEC

CELL_TIMEOUT = 600
_SNAPSHOT = "import twokoreas.kernel_state as _state\n_state.snapshot()\ndel _state"
_RESTORE = "import twokoreas.kernel_state as _state\n_state.restore()"


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
