"""Corpus extraction at newsroom scale: a synthetic corpus of 100,000 articles, three engines.

The corpus recombines sentences of the five articles (seeded, so reproducible) into articles of
typical length, written as Parquet with one row group per partition. It is extracted in-process,
then on a local Dask cluster of 1 and of 2 workers. Printed per mode: articles per second, words per
second, peak resident memory of the whole process tree (sampled), and whether the output equals the
in-process one. Targets on a 2-core machine: 2 workers >= 1.7x one; peak memory <= 1 GiB in every mode.

Run: make bench   (or: python benchmarks/corpus.py [ARTICLES])
"""

import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pyarrow as pa
import pyarrow.parquet as pq

import twokoreas as tk
from twokoreas import corpus
from twokoreas.framing import sentences

ARTICLES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
SENTENCES_PER_ARTICLE = (12, 40)
ROW_GROUP = 500
SEED = 20241201


def make_corpus(path, n):
    """Write ``n`` synthetic articles to ``path`` (Parquet); return the total word count."""
    pool = [s for body in tk.load_articles().body for s in sentences(body)]
    rng = random.Random(SEED)
    words = 0
    with pq.ParquetWriter(path, pa.schema([("article_id", pa.string()), ("text", pa.string())])) as writer:
        for start in range(0, n, ROW_GROUP):
            ids = [f"synthetic_{i:07d}" for i in range(start, min(start + ROW_GROUP, n))]
            texts = [" ".join(rng.choices(pool, k=rng.randint(*SENTENCES_PER_ARTICLE))) for _ in ids]
            words += sum(len(t.split()) for t in texts)
            writer.write_table(pa.table({"article_id": ids, "text": texts}), row_group_size=ROW_GROUP)
    return words


class PeakMemory:
    """Samples the resident memory of this process and all its children until stopped."""

    def __init__(self):
        self.peak, self._stop = 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.wait(0.05):
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.parquet"
        started = time.perf_counter()
        words = make_corpus(source, ARTICLES)
        print(f"synthetic corpus: {ARTICLES:,} articles, {words:,} words, made in {time.perf_counter() - started:.0f} s")
        results = []
        for mode, options in (("in-process", {}), ("dask, 1 worker", {"workers": 1}), ("dask, 2 workers", {"workers": 2})):
            out = Path(tmp) / f"{mode.replace(' ', '_').replace(',', '')}.parquet"
            with PeakMemory() as memory:
                started = time.perf_counter()
                written, _ = corpus.extract_corpus(source, out, progress=False, **options)
                seconds = time.perf_counter() - started
            results.append([mode, seconds, written, memory.peak, out])
        reference = pd.read_parquet(results[0][4])  # compared only after every mode was measured
        for result in results:
            result[4] = pd.read_parquet(result[4]).equals(reference)
        print(f"{'mode':<16} {'seconds':>8} {'articles/s':>11} {'words/s':>10} {'peak MiB':>9} {'rows':>10} {'same':>5}")
        for mode, seconds, written, peak, same in results:
            print(f"{mode:<16} {seconds:>8.1f} {ARTICLES / seconds:>11,.0f} {words / seconds:>10,.0f} "
                  f"{peak / 2**20:>9,.0f} {written:>10,} {str(same):>5}")
        one, two = results[1][1], results[2][1]
        print(f"2 workers vs 1: {one / two:.2f}x (target >= 1.7x); "
              f"peak memory max {max(r[3] for r in results) / 2**20:,.0f} MiB (target <= 1024 MiB)")


if __name__ == "__main__":
    main()
