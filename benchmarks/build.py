"""How long `make` takes: a full build's notebook execution, and a `make` with nothing changed.

Peer, in the same run: the previous way, one kernel per notebook (started, executed, shut down
gracefully, as `runner.execute` did). Both execute copies of the notebooks, with figures sent to
temporary folders, interleaved over ROUNDS rounds; the script prints the min and median of each and the
median of the per-round ratios, and checks that both produce byte-identical notebooks and figures.

The no-change time is the wall time of `make` in a temporary copy of the project (its own notebooks,
figures, site and build record; the same .venv) after one full build there, run NOCHANGE times.
Targets: full build <= 12 s of notebook execution, no-change `make` <= 3 s.
Nothing in the project is written.

Run: make bench   (or: .venv/bin/python benchmarks/build.py)
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from twokoreas import paths
from twokoreas.build import runner
from twokoreas.build.kernel import KERNELSPEC
from twokoreas.build.kernel import shared_kernel

ROUNDS = 3
NOCHANGE = 5


def one_kernel_per_notebook(notebooks):
    """The peer: a kernel per notebook, graceful shutdown (the runner before the one-kernel build)."""
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=600,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        with client.setup_kernel(stderr=subprocess.DEVNULL):
            info = client.wait_for_reply(client.kc.kernel_info())["content"]["language_info"]
            nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": info}
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
        nbformat.write(nb, path)


def one_kernel(notebooks):
    """The build's way: one kernel for all, reset between notebooks, killed at the end."""
    with shared_kernel(notebooks[0].parent, dict(os.environ)) as kernel:
        for path in notebooks:
            nbformat.write(kernel.execute(nbformat.read(path, as_version=4), path.name), path)


def fresh_copy(folder):
    """Copies of the notebooks in ``folder``/notebooks, and an empty ``folder``/figures."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "notebooks").mkdir(parents=True)
    (folder / "figures").mkdir()
    return [Path(shutil.copyfile(p, folder / "notebooks" / p.name)) for p in runner.notebook_paths()]


def timed(strategy, folder):
    notebooks = fresh_copy(folder)
    os.environ[paths.FIGURES_VARIABLE] = str(folder / "figures")
    started = time.perf_counter()
    strategy(notebooks)
    return time.perf_counter() - started


def same_outputs(a, b):
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        (a / f).read_bytes() == (b / f).read_bytes() for f in files
    )


def project_copy(tmp):
    """A copy of the project that `make` builds with the project's .venv (and its own code and build record)."""
    copy = tmp / "project"
    for name in ("src", "data", "notebooks", "figures"):
        shutil.copytree(paths.ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(paths.ROOT / name, copy / name)
    (copy / ".venv").symlink_to(paths.ROOT / ".venv")
    env = {k: v for k, v in os.environ.items() if k not in (paths.FIGURES_VARIABLE, "MAKEFLAGS", "MAKELEVEL")}
    return copy, {**env, "PYTHONPATH": str(copy / "src")}


def make(copy, env, *targets):
    started = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", *targets], cwd=copy, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"make {' '.join(targets)} failed in the copy:\n{done.stdout}{done.stderr}")
    return seconds, done.stdout


def main():
    peer, ours, ratios = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one_kernel(fresh_copy(tmp / "warm-up")[:1])
        for _ in range(ROUNDS):
            peer.append(timed(one_kernel_per_notebook, tmp / "peer"))
            ours.append(timed(one_kernel, tmp / "ours"))
            ratios.append(peer[-1] / ours[-1])
        identical = same_outputs(tmp / "peer", tmp / "ours")
        os.environ.pop(paths.FIGURES_VARIABLE)
        copy, env = project_copy(tmp)
        full, _ = make(copy, env, "rebuild")
        nochange = []
        for _ in range(NOCHANGE):
            seconds, out = make(copy, env)
            assert "nothing to do" in out, out
            nochange.append(seconds)
    count = len(runner.notebook_paths())
    print(f"{count} notebooks, {ROUNDS} rounds, notebook execution only (min / median):")
    print(f"  one kernel per notebook (previous): {min(peer):.1f} / {statistics.median(peer):.1f} s")
    print(f"  one kernel for all (make):          {min(ours):.1f} / {statistics.median(ours):.1f} s  (target <= 12 s)")
    print(f"  ratio (median of per-round ratios): {statistics.median(ratios):.2f}x faster")
    print(f"  notebooks and figures byte-identical between the two: {'yes' if identical else 'NO'}")
    print(f"make rebuild (whole command: execution, site, save): {full:.1f} s")
    print(
        f"make with nothing changed ({NOCHANGE} runs, min / median): {min(nochange):.2f} / "
        f"{statistics.median(nochange):.2f} s  (target <= 3 s)"
    )


if __name__ == "__main__":
    main()
