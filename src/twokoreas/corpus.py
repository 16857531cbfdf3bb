"""Extract candidate figures from a whole corpus: streaming in-process, or on Dask, with identical results.

A corpus is a folder of ``.txt`` articles (article id = file stem) or a Parquet file with ``article_id``
and ``text`` columns. Articles are partitioned by article (a folder's files in name order, a Parquet
file's row groups in file order); every mode writes the same rows in the same order. A broken article
(empty, binary, not UTF-8) is reported and skipped; the rest completes.
"""

import sys
from pathlib import Path

from .cite import sentence_bounds, sentence_span
from .extract import decode_article, quantity_rows

COLUMNS = ["article_id", "start", "end", "mention", "value", "value_low", "value_high", "qualifier", "unit",
           "sentence"]
PARTITION = 200  # articles per task for a folder of files


def partitions(path):
    """The corpus split by article: lists of file stems for a folder (in name order), row-group numbers
    for a Parquet file (in file order)."""
    path = Path(path)
    if path.is_dir():
        ids = sorted(p.stem for p in path.glob("*.txt"))
        return [ids[i:i + PARTITION] for i in range(0, len(ids), PARTITION)]
    import pyarrow.parquet as pq

    return list(range(pq.ParquetFile(path).num_row_groups))


def _read(path, part):
    """``(article_id, raw bytes)`` for one partition."""
    path = Path(path)
    if path.is_dir():
        return [(a, (path / f"{a}.txt").read_bytes()) for a in part]
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path).read_row_group(part, columns=["article_id", "text"])
    return [(a, t.encode("utf-8") if isinstance(t, str) else (t or b""))
            for a, t in zip(table.column("article_id").to_pylist(), table.column("text").to_pylist())]


def extract_partition(path, part):
    """Candidate rows and problems for one partition of articles (a task for any engine)."""
    rows, problems = [], []
    for article_id, raw in _read(path, part):
        text, problem = decode_article(raw)
        if problem:
            problems.append((article_id, problem))
            continue
        bounds = sentence_bounds(text)
        for start, end, *rest in quantity_rows(text):
            left, right = sentence_span(text, start, end, bounds)
            rows.append((article_id, start, end, *rest, text[left:right]))
    return rows, problems


def _in_process(path, parts):
    for part in parts:
        yield extract_partition(path, part)


def _on_dask(path, parts, client):
    """Results of the partitions in order, with a bounded number in flight so memory stays flat."""
    from distributed import wait

    pending, in_flight = list(parts), []
    limit = 4 * max(1, len(client.scheduler_info()["workers"]))
    while pending or in_flight:
        while pending and len(in_flight) < limit:
            in_flight.append(client.submit(extract_partition, str(path), pending.pop(0), pure=False))
        wait(in_flight[0])
        yield in_flight.pop(0).result()


def _schema():
    import pyarrow as pa

    return pa.schema([("article_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                      ("mention", pa.string()), ("value", pa.float64()), ("value_low", pa.float64()),
                      ("value_high", pa.float64()), ("qualifier", pa.string()), ("unit", pa.string()),
                      ("sentence", pa.string())])


def extract_corpus(path, out, workers=None, scheduler=None, progress=None):
    """Write ``out`` (Parquet) with one row per candidate figure; return ``(rows written, problems)``.

    ``workers`` runs a local Dask cluster of that many single-threaded worker processes; ``scheduler``
    sends the work to an existing cluster. ``progress`` shows a bar (default: when stderr is a terminal).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .atomic import atomic_path

    parts = partitions(path)
    show = sys.stderr.isatty() if progress is None else progress
    cluster = client = None
    if workers or scheduler:
        from distributed import Client, LocalCluster

        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        results = _on_dask(Path(path).resolve(), parts, client)
    else:
        results = _in_process(path, parts)
    written, problems, schema = 0, [], _schema()
    try:
        if show:
            from tqdm import tqdm

            results = tqdm(results, total=len(parts), unit="partition", desc="extract")
        with atomic_path(out) as tmp, pq.ParquetWriter(tmp, schema) as writer:
            for rows, batch_problems in results:
                problems += batch_problems
                if rows:
                    writer.write_table(pa.Table.from_pylist([dict(zip(COLUMNS, r)) for r in rows], schema=schema))
                    written += len(rows)
            if not written:
                writer.write_table(schema.empty_table())
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return written, problems
