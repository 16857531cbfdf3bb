"""twokoreas: loaders, cleaners and charts for the two Koreas and the Russia-Ukraine war.

The root holds what the notebooks use (``tk.notebook``, the loaders, ``DataError``); modules are reached as
``tk.charts`` or ``from twokoreas import charts``. Each is imported on first use, so that the command line
(``twokoreas --help``) starts without pandas.
"""

import importlib
import importlib.util
import sys
import types

from .errors import DataError
from .version import __version__

#: The loaders the notebooks call as ``tk.load_*``.
_LOADERS = [
    f"load_{name}"
    for name in (
        "actor_sample",
        "articles",
        "boilerplate",
        "chronology",
        "claims",
        "codebook",
        "cross_check",
        "donor_regions",
        "events",
        "exchange_rates",
        "fact_relations",
        "kiel_tracker",
        "markers",
        "not_quantities",
        "un_votes",
    )
]

__all__ = ["DataError", "__version__", "notebook", *_LOADERS]


class _Root(types.ModuleType):
    """The package, with ``notebook`` the kit's function even after its module is imported (which binds the
    module to the same name)."""

    @property
    def notebook(self):
        """``tk.notebook("02_aid")``: :func:`twokoreas.notebook.notebook`."""
        return importlib.import_module(".notebook", __name__).notebook

    @notebook.setter
    def notebook(self, module):
        pass


def __getattr__(name):
    """A loader or a module of the package (``tk.charts``), imported on first use."""
    if name in _LOADERS:
        value = getattr(importlib.import_module(".loaders", __name__), name)
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted({*globals(), *__all__})


sys.modules[__name__].__class__ = _Root
