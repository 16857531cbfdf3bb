"""Runs inside the build's kernel: remember the state of a fresh kernel, and return to it between notebooks.

:func:`snapshot` is called once, right after the kernel starts; :func:`restore` before each notebook.
Together they make one kernel execute notebook after notebook as a fresh kernel would: an empty
namespace, execution counts from 1, matplotlib's settings, unit converters and open figures, pandas'
options, the working directory, the environment, ``sys.path`` and the warning filters (with the
"shown once" registries forgotten). Imported modules stay loaded: that is what saves the time.
nbval still executes every notebook in a kernel of its own, so any state this misses fails the tests.
"""

import os
import sys
import warnings

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.units
import pandas as pd
from IPython import get_ipython

_fresh = {}


def snapshot():
    """Remember the kernel's state as it is now (call it before any notebook runs)."""
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
