"""The curated and reference tables of ``data/``: declared once (registry, vocab), validated (schemas, integrity),
loaded (loaders) and described (describe); dates as intervals, figure kinds, exchange rates, downloads. May import
the root modules and ``text``."""
