"""The ``twokoreas`` command: its commands (commands) and adding an article (add, add_inputs, drafting). The top
layer: may import everything."""

from .commands import main

__all__ = ["main"]
