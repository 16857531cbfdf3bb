"""Corpus extraction: in-process and on a real local Dask cluster of 2 workers give exactly the same rows."""

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from twokoreas import corpus, paths


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
    assert dict(problems) == {"x_binary": "binary file (contains NUL bytes)", "x_empty": "empty file",
                              "x_latin1": "not UTF-8 text (byte 3)"}
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
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "twokoreas", "extract", "--corpus", str(folder), "--out",
                             str(tmp_path / "c.parquet")], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{folder}: x_empty: empty file" in result.stderr
    assert "126 candidate figures written" in result.stderr and "3 articles skipped" in result.stderr
    assert len(pd.read_parquet(tmp_path / "c.parquet")) == 126


def test_corpus_command_needs_out(folder):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "twokoreas", "extract", "--corpus", str(folder)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "needs --out" in result.stderr
