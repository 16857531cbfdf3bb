"""Corpus extraction at newsroom scale: how the work splits between the driver and the workers.

A synthetic corpus recombines sentences of the five articles (seeded, so reproducible) into articles of
typical length, written as Parquet with one row group per partition. It is extracted in-process, then on
a local Dask cluster of 1 and of 2 worker processes, each started before its run.

Printed:
- the cluster's start-up time, on its own line for each cluster;
- per mode: wall seconds, articles/s, speed against the **in-process** run, peak memory of the process tree,
  and whether the output equals the in-process one;
- per Dask mode: the driver's CPU time per 1,000 articles (this process: client, scheduler, Parquet writing),
  less the background CPU it uses while idle (printed apart, as a fraction of a core), and the workers' CPU
  time per 1,000 articles (the sum over worker processes);
- the efficiency those project at 16 workers: a driver with ``f`` of its core taken by background work,
  that needs ``d`` seconds per article, can take in the output of at most ``(1 - f) w / d`` workers that need
  ``w`` each, so efficiency(16) = min(1, (1 - f) w / (16 d)). Target: at least 80 %.

Run: ``python benchmarks/corpus.py [ARTICLES]`` (default 20,000).
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
from twokoreas.text import corpus
from twokoreas.analysis.framing import sentences

ARTICLES = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
SENTENCES_PER_ARTICLE = (12, 40)
ROW_GROUP = 200
SEED = 20241201
WORKERS_PROJECTED = 16


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


def _cpu(processes):
    total = 0.0
    for proc in processes:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def driver_work(source, parts):
    """CPU seconds the driver spends per partition's result, measured directly: unpickling the Arrow table
    a worker sends back (what Dask does with it) and appending it to the Parquet output."""
    import io
    import pickle

    tables = [corpus.extract_partition(source, part)[0] for part in parts]
    started = time.process_time()
    with pq.ParquetWriter(io.BytesIO(), corpus.schema()) as writer:
        for table in tables:
            writer.write_table(pickle.loads(pickle.dumps(table, protocol=5)))
    return time.process_time() - started


def run_in_process(source, out):
    """Wall seconds, and the CPU seconds spent inside ``extract_partition`` (the workers' share)."""
    real, inside = corpus.extract_partition, [0.0]

    def timed(path, part):
        started = time.process_time()
        try:
            return real(path, part)
        finally:
            inside[0] += time.process_time() - started

    corpus.extract_partition = timed
    try:
        me, started = psutil.Process(), time.perf_counter()
        cpu = _cpu([me])
        corpus.extract_corpus(source, out, progress=False)
        return time.perf_counter() - started, _cpu([me]) - cpu, inside[0]
    finally:
        corpus.extract_partition = real


IDLE = 5.0  # seconds the driver's background CPU (event loop, heartbeats, scheduler housekeeping) is sampled


def run_on_dask(source, out, workers):
    """Start-up seconds, wall seconds of the run, driver CPU seconds (minus its background use while idle),
    the driver's idle CPU as a fraction of a core, and the workers' CPU seconds."""
    from distributed import LocalCluster

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    startup = time.perf_counter() - started
    try:
        me = psutil.Process()
        children = me.children(recursive=True)
        idle = _cpu([me])
        time.sleep(IDLE)
        idle = (_cpu([me]) - idle) / IDLE
        driver, workers_cpu, started = _cpu([me]), _cpu(children), time.perf_counter()
        corpus.extract_corpus(source, out, scheduler=cluster.scheduler_address, progress=False)
        wall = time.perf_counter() - started
        return startup, wall, _cpu([me]) - driver - idle * wall, idle, _cpu(children) - workers_cpu
    finally:
        cluster.close()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.parquet"
        started = time.perf_counter()
        words = make_corpus(source, ARTICLES)
        made = time.perf_counter() - started
        print(f"synthetic corpus: {ARTICLES:,} articles, {words:,} words, made in {made:.0f} s")
        results = {}
        with PeakMemory() as memory:
            wall, cpu, inside = run_in_process(source, Path(tmp) / "in_process.parquet")
        results["in-process"] = (wall, memory.peak, Path(tmp) / "in_process.parquet")
        per = 1000 / ARTICLES
        print(
            f"in-process: extraction {inside * per:.3f} s CPU per 1,000 articles, "
            f"everything else (reading, Parquet writing) {(cpu - inside) * per:.3f} s"
        )
        shares = {}
        for workers in (1, 2):
            mode = f"dask, {workers} worker{'s' if workers > 1 else ''}"
            out = Path(tmp) / f"dask_{workers}.parquet"
            with PeakMemory() as memory:
                startup, wall, driver, idle, worker = run_on_dask(source, out, workers)
            print(f"cluster start-up ({workers} worker{'s' if workers > 1 else ''}): {startup:.2f} s")
            results[mode] = (wall, memory.peak, out)
            shares[mode] = (driver * per, idle, worker * per)
        reference = pd.read_parquet(results["in-process"][2])
        base = results["in-process"][0]
        print(f"{'mode':<16} {'seconds':>8} {'articles/s':>11} {'vs in-process':>14} {'peak MiB':>9} {'same':>5}")
        for mode, (wall, peak, out) in results.items():
            same = pd.read_parquet(out).equals(reference)
            print(
                f"{mode:<16} {wall:>8.1f} {ARTICLES / wall:>11,.0f} {base / wall:>13.2f}x {peak / 2**20:>9,.0f} "
                f"{str(same):>5}"
            )
        print("(Dask seconds exclude the cluster start-up printed above)")
        for mode, (driver, idle, worker) in shares.items():
            efficiency = min(1.0, (1 - idle) * worker / (WORKERS_PROJECTED * driver)) if driver > 0 else 1.0
            shown = f"{driver:.3f} s" if driver > 0 else f"{driver:.3f} s (nil: within the idle estimate's noise)"
            print(
                f"{mode}: driver {shown} and workers {worker:.3f} s CPU per 1,000 articles "
                f"(driver = {driver / worker:.1%} of the workers; plus {idle:.1%} of a core while idle); "
                f"projected efficiency at {WORKERS_PROJECTED} workers {efficiency:.0%} (target >= 80%)"
            )
        direct = driver_work(source, corpus.partitions(source)) * per
        worker = min(w for _, _, w in shares.values())
        idle = max(i for _, i, _ in shares.values())
        print(
            f"driver's own work measured directly (unpickle each result table, append it to the Parquet "
            f"output): {direct:.4f} s per 1,000 articles = {direct / worker:.2%} of a worker's; with the "
            f"busiest idle background above, projected efficiency at {WORKERS_PROJECTED} workers "
            f"{min(1.0, (1 - idle) * worker / (WORKERS_PROJECTED * direct)):.0%}"
        )


if __name__ == "__main__":
    main()
