"""twokoreas: loaders, cleaners and charts for the two Koreas and the Russia-Ukraine war.

The root holds what the notebooks use: ``tk.notebook`` (the kit), the loaders ``tk.load_*``, ``DataError``, and
the modules they call by short name (``tk.charts``, ``tk.dates``, ...); every other module is reached by its
subpackage (``twokoreas.data.registry``). Each is imported on first use, so that the command line
(``twokoreas --help``) starts without pandas.

Layers, lowest first; a module imports only from its own layer or lower ones (``tests/test_layers.py``):
the root modules (paths, errors, atomic, faults, files, version) < ``text`` < ``data`` < ``analysis`` <
``notebook`` < ``site`` < ``build`` < ``cli``.
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

#: The modules the notebooks call by short name, and where they live.
_MODULES = {
    "charts": "notebook.charts",
    "dates": "data.dates",
    "framing": "analysis.framing",
    "kiel": "analysis.kiel",
    "numbers": "text.numbers",
    "phrases": "analysis.phrases",
    "stance": "analysis.stance",
    "vocab": "data.vocab",
}

__all__ = ["DataError", "__version__", "notebook", *_LOADERS, *_MODULES]


class _Root(types.ModuleType):
    """The package, with ``notebook`` the kit's function even after its module is imported (which binds the
    module to the same name)."""

    @property
    def notebook(self):
        """``tk.notebook("02_aid")``: :func:`twokoreas.notebook.kit.notebook`."""
        return importlib.import_module(".notebook.kit", __name__).notebook

    @notebook.setter
    def notebook(self, module):
        pass


def __getattr__(name):
    """A loader, a module the notebooks call by short name (``tk.charts``) or a subpackage, imported on first use."""
    if name in _LOADERS:
        value = getattr(importlib.import_module(".data.loaders", __name__), name)
    elif name in _MODULES:
        value = importlib.import_module(f".{_MODULES[name]}", __name__)
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted({*globals(), *__all__})


sys.modules[__name__].__class__ = _Root
