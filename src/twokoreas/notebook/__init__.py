"""What a notebook uses: the kit (``tk.notebook``), charts with their layout check, and tables for readers. May
import the root modules, ``text``, ``data`` and ``analysis``."""
