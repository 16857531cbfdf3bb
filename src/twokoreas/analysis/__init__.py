"""The analysis: stating a figure and whom it rests on (statement, phrases), stances over time (stance), framing
(framing) and the Kiel cross-check (kiel). May import the root modules, ``text`` and ``data``."""
