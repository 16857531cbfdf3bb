"""The extractor against quantulum3, called the same way, in one interleaved run; and its scaling with text size.

Text: the five articles (``data/raw/articles``). Engines, each run for at least ``SECONDS`` per round, in
``ROUNDS`` interleaved rounds (A, B, C, D, E, A, B, ...):

- twokoreas per paragraph: ``quantity_rows`` on every non-empty line, one DataFrame for the whole batch;
- twokoreas per article: the same, one call per article;
- twokoreas per article with the token scan in Python ``re`` instead of google-re2 (what re2 gains);
- quantulum3 ``parser.parse`` per paragraph and per article.

The parse cache is cleared before every pass, so a pass gains only from repeats within itself. Printed:
words/s (min and median over rounds) and the median of the per-round ratios twokoreas / quantulum3 at
the same granularity. Then words/s of ``quantity_rows`` over the same 1M words (the articles repeated) cut into
texts of 1k, 100k and 1M words, so that only the length of a text changes (median and slowest of ``SIZE_RUNS``
runs, wall and CPU time, and the load average): flat words/s means the time grows linearly, and the 1M row is
one text of 1M words.

Targets: at least 100x quantulum3 per paragraph; flat words/s from 1k to 1M words; 1M words in at most
1.5 s. Run: ``make bench`` (installs quantulum3), or ``python benchmarks/extractor.py``.
"""

import os
import statistics
import time
import warnings

import twokoreas as tk
from twokoreas.text import extract
from twokoreas.text.extract import quantity_rows, rows_frame
from twokoreas.text.numbers import parse_match, parse_quantity

ROUNDS = 3
SECONDS = 3.0
SIZES = (1_000, 100_000, 1_000_000)
SIZE_RUNS = 7


def _clear_caches():
    parse_quantity.cache_clear()
    parse_match.cache_clear()


def _twokoreas(texts):
    _clear_caches()
    rows_frame([row for text in texts for row in quantity_rows(text)])


def _python_re_scan(texts):
    scan, extract.scan_tokens = extract.scan_tokens, extract._re_scan
    try:
        _twokoreas(texts)
    finally:
        extract.scan_tokens = scan


def _rate(fn, texts, words):
    """Words per second of ``fn(texts)``, repeated for at least SECONDS."""
    passes, started = 0, time.perf_counter()
    while True:
        fn(texts)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= SECONDS:
            return passes * words / elapsed


def main():
    from quantulum3 import parser

    warnings.filterwarnings("ignore")
    articles = list(tk.load_articles().text)
    paragraphs = [line for text in articles for line in text.splitlines() if line.strip()]
    words = sum(len(t.split()) for t in articles)
    quantulum = lambda texts: [parser.parse(t) for t in texts]  # noqa: E731
    engines = {
        "twokoreas, per paragraph": (_twokoreas, paragraphs),
        "twokoreas, per article": (_twokoreas, articles),
        "twokoreas, per article, Python re scan": (_python_re_scan, articles),
        "quantulum3, per paragraph": (quantulum, paragraphs),
        "quantulum3, per article": (quantulum, articles),
    }
    for fn, texts in engines.values():  # warm-up: imports, compiled patterns, quantulum3's models
        fn(texts)
    rates = {name: [] for name in engines}
    for _ in range(ROUNDS):
        for name, (fn, texts) in engines.items():
            rates[name].append(_rate(fn, texts, words))
    print(
        f"text: {len(articles)} articles, {len(paragraphs)} paragraphs, {words:,} words; "
        f"{ROUNDS} interleaved rounds of >= {SECONDS:g} s per engine"
    )
    print(f"{'engine':<40} {'words/s min':>12} {'median':>12}")
    for name, values in rates.items():
        print(f"{name:<40} {min(values):>12,.0f} {statistics.median(values):>12,.0f}")
    for grain in ("paragraph", "article"):
        ratio = statistics.median(
            t / q for t, q in zip(rates[f"twokoreas, per {grain}"], rates[f"quantulum3, per {grain}"])
        )
        print(
            f"ratio twokoreas / quantulum3, per {grain}: {ratio:.0f}x"
            + (" (target >= 100x)" if grain == "paragraph" else "")
        )
    gain = statistics.median(
        a / b for a, b in zip(rates["twokoreas, per article"], rates["twokoreas, per article, Python re scan"])
    )
    print(f"google-re2 token scan vs Python re: {gain:.2f}x the words/s per article")

    pool = " ".join(articles).split()
    words_pool = (pool * (max(SIZES) // len(pool) + 1))[: max(SIZES)]
    print(
        f"{max(SIZES):,} words (the articles repeated) cut into texts of each size; {SIZE_RUNS} runs per size, "
        f"the parse cache cleared before each (load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores)"
    )
    print(
        f"{'words per text':>15} {'texts':>6} {'median s':>9} {'slowest s':>9} {'words/s':>12} {'CPU s':>7} "
        f"{'words/CPU s':>12}"
    )
    for n in SIZES:
        texts = [" ".join(words_pool[i : i + n]) for i in range(0, len(words_pool), n)]
        walls, cpus = [], []
        for _ in range(SIZE_RUNS):
            _clear_caches()
            started, cpu = time.perf_counter(), time.process_time()
            for text in texts:
                quantity_rows(text)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        wall, cpu, words = statistics.median(walls), statistics.median(cpus), len(words_pool)
        print(
            f"{n:>15,} {len(texts):>6,} {wall:>9.3f} {max(walls):>9.3f} {words / wall:>12,.0f} {cpu:>7.3f} "
            f"{words / cpu:>12,.0f}"
        )
    print(
        "targets: flat words/s from 1k to 1M words; 1M words in <= 1.5 s "
        "(CPU seconds show what a busy shared machine hides in the wall time)"
    )


if __name__ == "__main__":
    main()
