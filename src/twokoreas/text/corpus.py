"""Extract candidate figures from a whole corpus: streaming in-process, or on Dask, with identical results.

A corpus is a folder of ``.txt`` articles (article id = file stem) or a Parquet file with ``article_id``
and ``text`` columns. Articles are partitioned by article (a folder's files in name order, a Parquet
file's row groups in file order); every mode writes the same rows in the same order. A broken article
(unreadable, empty, binary, not UTF-8, no id) is reported and skipped; the rest completes.

Each partition becomes an Arrow table where it is extracted (in a Dask worker, when there are workers),
so the driver only appends finished tables to the output: its work per article is a small fraction of a
worker's, and more workers keep paying off. The output appears whole when the run succeeds and not at
all otherwise; an existing output stays as it was until then.

Bad input raises :class:`~twokoreas.errors.DataError` with one line that says what and where.
"""

import logging
import os
import sys
from contextlib import suppress
from pathlib import Path

from .sentences import sentence_bounds, sentence_span
from ..errors import DataError
from .extract import COLUMNS as QUANTITY_COLUMNS
from .extract import decode_article, quantity_rows

COLUMNS = ["article_id", *QUANTITY_COLUMNS, "sentence"]
PARTITION = 1000  # articles per task: fewer, larger tasks keep the driver's share of the work small
TIMEOUT = 30  # seconds to start a local cluster or reach a scheduler
WORKERS_PER_CORE = 4  # more local workers than this only queue for the cores (and grow memory)


def schema():
    """The Arrow schema of the output."""
    import pyarrow as pa

    types = {
        "start": pa.int64(),
        "end": pa.int64(),
        "value": pa.float64(),
        "value_low": pa.float64(),
        "value_high": pa.float64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _parquet(path):
    """The Parquet file at ``path``, checked to hold text ``article_id`` and ``text`` columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(path)
    except (pa.ArrowException, OSError):
        raise DataError(path, "not a Parquet file (corrupt, truncated or another format)") from None
    fields = {field.name: field.type for field in file.schema_arrow}
    for name in ("article_id", "text"):
        if name not in fields:
            raise DataError(path, "missing column", field=name)
        if not (
            pa.types.is_string(fields[name])
            or pa.types.is_large_string(fields[name])
            or name == "text"
            and pa.types.is_binary(fields[name])
        ):
            raise DataError(path, f"must be text, not {fields[name]}", field=name)
    return file


def partitions(path):
    """The corpus split into tasks of about PARTITION articles: lists of file stems for a folder (in name
    order), lists of consecutive row-group numbers for a Parquet file (in file order)."""
    path = Path(path)
    if path.is_dir():
        ids = sorted(p.stem for p in path.glob("*.txt"))
        return [ids[i : i + PARTITION] for i in range(0, len(ids), PARTITION)]
    if not path.exists():
        raise DataError(path, "no such file or folder")
    metadata, parts, rows = _parquet(path).metadata, [], 0
    for group in range(metadata.num_row_groups):
        if not parts or rows >= PARTITION:
            parts.append([])
            rows = 0
        parts[-1].append(group)
        rows += metadata.row_group(group).num_rows
    return parts


def _read_file(path):
    try:
        return path.read_bytes(), None
    except OSError as err:
        return None, f"cannot read: {err.strerror}"


def _read(path, part):
    """``(article_id, raw bytes or None, problem)`` for one partition."""
    path = Path(path)
    if path.is_dir():
        return [(a, *_read_file(path / f"{a}.txt")) for a in part]
    file = _parquet(path)
    table = file.read_row_groups(part, columns=["article_id", "text"])
    first = sum(file.metadata.row_group(g).num_rows for g in range(part[0])) + 1
    articles = []
    for number, (article_id, text) in enumerate(
        zip(table.column("article_id").to_pylist(), table.column("text").to_pylist()), first
    ):
        if article_id is None:
            articles.append((f"row {number}", None, "article_id: missing"))
        else:
            articles.append((article_id, text.encode("utf-8") if isinstance(text, str) else (text or b""), None))
    return articles


def extract_partition(path, part):
    """One partition of articles as ``(Arrow table of candidate rows, problems)``: a task for any engine."""
    import pyarrow as pa

    rows, problems = [], []
    for article_id, raw, problem in _read(path, part):
        text = None
        if not problem:
            text, problem = decode_article(raw)
        if problem:
            problems.append((article_id, problem))
            continue
        bounds = sentence_bounds(text)
        for row in quantity_rows(text):
            left, right = sentence_span(text, row[0], row[1], bounds)
            rows.append((article_id, *row, text[left:right]))
    columns = list(zip(*rows)) if rows else [()] * len(COLUMNS)
    table = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema())], schema=schema())
    return table, problems


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


def check_paths(path, out):
    """Refuse an output that would overwrite the corpus or land inside it, or that is a folder."""
    source, target = Path(path).resolve(), Path(out).resolve()
    if target == source or source in target.parents:
        raise DataError(out, "--out must not be the --corpus input or lie inside it")
    if target.is_dir():
        raise DataError(out, "is a folder; --out names the Parquet file to write")


def max_workers():
    """The most local workers this machine is given: its cores times WORKERS_PER_CORE."""
    return (os.cpu_count() or 1) * WORKERS_PER_CORE


def check_options(workers=None, timeout=TIMEOUT):
    """Refuse a worker count below 0 or above :func:`max_workers`, and a timeout that is not above 0."""
    if workers is not None and workers < 0:
        raise DataError("--workers", f"must be 0 (in-process) or more, not {workers}")
    if workers is not None and workers > max_workers():
        raise DataError(
            "--workers",
            f"at most {max_workers()} on this machine ({os.cpu_count() or 1} cores × "
            f"{WORKERS_PER_CORE}), not {workers}",
        )
    if not timeout > 0:
        raise DataError("--timeout", f"must be more than 0 seconds, not {timeout:g}")


def connect(workers=None, scheduler=None, timeout=TIMEOUT):
    """A Dask client (and the local cluster it owns, or None), or ``(None, None)`` to run in-process."""
    check_options(workers, timeout)
    if not workers and not scheduler:
        return None, None
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=timeout), None
        except (OSError, ValueError, TypeError) as err:
            problem = "not an address" if isinstance(err, (ValueError, TypeError)) else "cannot be reached"
            raise DataError(f"--scheduler {scheduler}", f"{problem} (waited up to {timeout} s)") from None
    cluster = None
    try:
        # no dashboard, and the scheduler's HTTP server on a free port of this machine: never 8787, never a warning
        cluster = LocalCluster(
            n_workers=0,
            threads_per_worker=1,
            processes=True,
            dashboard_address="127.0.0.1:0",
            scheduler_kwargs={"dashboard": False},
            timeout=timeout,
            silence_logs=logging.CRITICAL,
        )  # its chatter is not ours to print
        client = Client(cluster, timeout=timeout)
        cluster.scale(workers)
        client.wait_for_workers(workers, timeout=timeout)  # --timeout bounds the start of every worker
        return client, cluster
    except (OSError, TimeoutError) as err:  # TimeoutError is an OSError: never "cannot write" (K25)
        if cluster is not None:
            with suppress(OSError, TimeoutError):  # workers still starting are stopped with the process
                cluster.close(timeout=timeout)
        timed_out = isinstance(err, TimeoutError) or "timed out" in str(err).lower()
        reason = f"not within --timeout {timeout:g} s" if timed_out else str(err)
        raise DataError("--workers", f"a local cluster of {workers} did not start: {reason}") from None


def extract_corpus(path, out, workers=None, scheduler=None, progress=None, timeout=TIMEOUT):
    """Write ``out`` (Parquet) with one row per candidate figure; return ``(rows written, problems)``.

    ``workers`` runs a local Dask cluster of that many single-threaded worker processes; ``scheduler``
    sends the work to an existing cluster. ``progress`` shows a bar (default: when stderr is a terminal).
    """
    import pyarrow.parquet as pq

    from ..atomic import atomic_file

    check_options(workers, timeout)
    check_paths(path, out)
    parts = partitions(path)
    client, cluster = connect(workers, scheduler, timeout)
    results = _on_dask(Path(path).resolve(), parts, client) if client else _in_process(path, parts)
    written, problems = 0, []
    try:
        if sys.stderr.isatty() if progress is None else progress:
            from tqdm import tqdm

            results = tqdm(results, total=len(parts), unit="partition", desc="extract")
        with atomic_file(out) as file, pq.ParquetWriter(file, schema()) as writer:
            for table, batch_problems in results:
                problems += batch_problems
                if table.num_rows:
                    writer.write_table(table)
                    written += table.num_rows
            if not written:
                writer.write_table(schema().empty_table())
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return written, problems
