"""Corpus extraction: in-process and on a real local Dask cluster of 2 workers give exactly the same rows.

The command runs in this process (``inprocess``), but where a real process is the point: a scheduler that
cannot be reached (the Dask client's own threads), and a run killed half-way."""

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from twokoreas.text import corpus
from twokoreas import paths

from inprocess import twokoreas


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The five articles under several ids (more than one partition), plus three broken files."""
    target = tmp_path_factory.mktemp("corpus")
    for copy in range(3):
        for article in sorted((paths.DATA / "raw" / "articles").glob("*.txt")):
            shutil.copyfile(article, target / f"c{copy}_{article.name}")
    (target / "x_empty.txt").write_bytes(b"")
    (target / "x_binary.txt").write_bytes(b"\x00\x01PNG")
    (target / "x_latin1.txt").write_bytes("Caf\xe9 sold 3 guns".encode("latin-1"))
    return target


@pytest.fixture(autouse=True)
def small_partitions(monkeypatch):
    monkeypatch.setattr(corpus, "PARTITION", 4)


def test_broken_articles_are_reported_and_the_rest_completes(folder, tmp_path):
    written, problems = corpus.extract_corpus(folder, tmp_path / "out.parquet", progress=False)
    assert dict(problems) == {
        "x_binary": "binary file (contains NUL bytes)",
        "x_empty": "empty file",
        "x_latin1": "not UTF-8 text (byte 3)",
    }
    rows = pd.read_parquet(tmp_path / "out.parquet")
    assert written == len(rows) == 3 * 42
    assert rows.article_id.nunique() == 15
    first = rows.iloc[0]
    assert first.mention in first.sentence


def test_dask_on_two_local_workers_gives_the_in_process_result(folder, tmp_path):
    corpus.extract_corpus(folder, tmp_path / "local.parquet", progress=False)
    written, problems = corpus.extract_corpus(folder, tmp_path / "dask.parquet", workers=2, progress=False)
    local, dask = pd.read_parquet(tmp_path / "local.parquet"), pd.read_parquet(tmp_path / "dask.parquet")
    assert len(problems) == 3 and written == len(dask)
    pd.testing.assert_frame_equal(local, dask)


def test_parquet_corpus_gives_the_folder_result(folder, tmp_path):
    files = sorted(folder.glob("c*.txt"))
    table = pa.table({"article_id": [f.stem for f in files], "text": [f.read_text(encoding="utf-8") for f in files]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=4)
    corpus.extract_corpus(tmp_path / "in.parquet", tmp_path / "from_parquet.parquet", progress=False)
    corpus.extract_corpus(folder, tmp_path / "from_folder.parquet", progress=False)
    from_folder = pd.read_parquet(tmp_path / "from_folder.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "from_parquet.parquet"), from_folder)


def test_corpus_command_names_broken_articles_and_exits_non_zero(folder, tmp_path):
    result = twokoreas("extract", "--corpus", folder, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1
    assert f"{folder}: x_empty: empty file" in result.stderr
    assert "126 candidate figures written" in result.stderr and "3 articles skipped" in result.stderr
    assert len(pd.read_parquet(tmp_path / "c.parquet")) == 126


def test_corpus_command_needs_out(folder):
    result = twokoreas("extract", "--corpus", folder)
    assert result.returncode == 2 and "needs --out" in result.stderr


def run_corpus(*args):
    return twokoreas("extract", "--corpus", *args)


def run_corpus_process(*args):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "twokoreas", "extract", "--corpus", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line(result, status=1):
    """The run's only stderr line, after checking the exit status and that no traceback was printed."""
    lines = result.stderr.splitlines()
    assert result.returncode == status, result.stderr
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture
def small_parquet(tmp_path):
    path = tmp_path / "in.parquet"
    pq.write_table(pa.table({"article_id": ["a", "b"], "text": ["about 15-hundred troops", "$40 million"]}), path)
    return path


def test_out_equal_to_the_input_is_refused_and_the_input_kept(small_parquet):
    before = small_parquet.read_bytes()
    line = one_line(run_corpus(small_parquet, "--out", small_parquet))
    assert line == f"{small_parquet}: --out must not be the --corpus input or lie inside it"
    assert small_parquet.read_bytes() == before


def test_out_inside_the_input_folder_is_refused(folder):
    line = one_line(run_corpus(folder, "--out", folder / "sub" / "c.parquet"))
    assert line.endswith("--out must not be the --corpus input or lie inside it")
    assert not (folder / "sub").exists()


def test_out_that_is_a_folder_is_refused(small_parquet, tmp_path):
    (tmp_path / "adir").mkdir()
    line = one_line(run_corpus(small_parquet, "--out", tmp_path / "adir"))
    assert line == f"{tmp_path / 'adir'}: is a folder; --out names the Parquet file to write"


def test_out_that_cannot_be_created_gives_one_line(small_parquet):
    line = one_line(run_corpus(small_parquet, "--out", "/proc/nope/c.parquet"))
    assert line.startswith("/proc/nope") and "cannot write" in line


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "no such file or folder"),
        (b"PAR1 this is not really parquet", "not a Parquet file (corrupt, truncated or another format)"),
        (b"# README\nplain text\n", "not a Parquet file (corrupt, truncated or another format)"),
        ({"article_id": ["a"]}, "text: missing column"),
        ({"text": ["x"]}, "article_id: missing column"),
        ({"article_id": ["a"], "text": [3]}, "text: must be text, not int64"),
    ],
)
def test_a_bad_corpus_gives_one_line_and_leaves_an_existing_out_intact(tmp_path, small_parquet, content, problem):
    source = tmp_path / "bad.parquet"
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif isinstance(content, dict):
        pq.write_table(pa.table(content), source)
    out = tmp_path / "keep.parquet"
    out.write_bytes(small_parquet.read_bytes())
    line = one_line(run_corpus(source, "--out", out))
    assert line == f"{source}: {problem}"
    assert out.read_bytes() == small_parquet.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.parquet", "keep.parquet"] + (["bad.parquet"] if content else [])
    )


def test_a_truncated_parquet_file_gives_one_line(tmp_path, small_parquet):
    source = tmp_path / "cut.parquet"
    source.write_bytes(small_parquet.read_bytes()[:-20])
    assert (
        one_line(run_corpus(source, "--out", tmp_path / "c.parquet"))
        == f"{source}: not a Parquet file (corrupt, truncated or another format)"
    )


def test_a_row_without_an_article_id_is_reported_and_skipped(tmp_path):
    source = tmp_path / "nullid.parquet"
    pq.write_table(pa.table({"article_id": ["a", None], "text": ["40 tanks", "$3 million"]}), source)
    result = run_corpus(source, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1
    assert f"{source}: row 2: article_id: missing" in result.stderr
    assert list(pd.read_parquet(tmp_path / "c.parquet").article_id) == ["a"]


def test_unreadable_entries_in_a_folder_are_skipped(tmp_path):
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "good.txt").write_text("Kyiv got 40 tanks.", encoding="utf-8")
    (source / "sub.txt").mkdir()
    (source / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run_corpus(source, "--out", tmp_path / "c.parquet")
    assert result.returncode == 1, result.stderr
    assert f"{source}: sub: cannot read: Is a directory" in result.stderr
    assert f"{source}: broken: cannot read: No such file or directory" in result.stderr
    assert list(pd.read_parquet(tmp_path / "c.parquet").mention) == ["40"]


@pytest.mark.parametrize("workers", ["-1", "-5"])
def test_a_negative_worker_count_gives_one_line_at_once(small_parquet, tmp_path, workers):
    line = one_line(run_corpus(small_parquet, "--out", tmp_path / "c.parquet", "--workers", workers))
    assert line == f"--workers: must be 0 (in-process) or more, not {workers}"
    assert not (tmp_path / "c.parquet").exists()


@pytest.mark.parametrize(
    "address, problem",
    [
        ("not-an-address", "not an address"),
        ("tcp://127.0.0.1:9", "cannot be reached"),
    ],
)
def test_a_bad_or_unreachable_scheduler_gives_one_line_within_the_timeout(small_parquet, tmp_path, address, problem):
    import time

    started = time.monotonic()
    line = one_line(
        run_corpus_process(small_parquet, "--out", tmp_path / "c.parquet", "--scheduler", address, "--timeout", "2")
    )
    assert line == f"--scheduler {address}: {problem} (waited up to 2.0 s)"
    assert time.monotonic() - started < 60
    assert not (tmp_path / "c.parquet").exists()


def test_a_killed_run_leaves_no_temporary_file_and_the_old_out_intact(folder, tmp_path, small_parquet):
    import subprocess
    import sys

    out = tmp_path / "c.parquet"
    out.write_bytes(small_parquet.read_bytes())
    script = (
        "import os, signal\n"
        "from twokoreas.text import corpus\n"
        "corpus.PARTITION = 2\n"
        "real, calls = corpus.extract_partition, []\n"
        "def dying(path, part):\n"
        "    calls.append(part)\n"
        "    if len(calls) == 3:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(path, part)\n"
        "corpus.extract_partition = dying\n"
        f"corpus.extract_corpus({str(folder)!r}, {str(out)!r}, progress=False)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == -9, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.parquet", "in.parquet"]
    assert out.read_bytes() == small_parquet.read_bytes()


def test_the_corpus_parquet_carries_needs_review_with_no_value(tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"article_id": ["a"], "text": ["Output fell to 1,5 million rounds; 40 tanks."]}), source)
    written, problems = corpus.extract_corpus(source, tmp_path / "c.parquet", progress=False)
    rows = pd.read_parquet(tmp_path / "c.parquet")
    assert (written, problems) == (2, [])
    assert list(rows.needs_review) == ["digits grouped neither as thousands nor as decimals", ""]
    assert rows.value.isna().tolist() == [True, False]
