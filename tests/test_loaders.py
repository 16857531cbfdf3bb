"""Loaders: good input loads whole; each kind of bad input raises one DataError naming file, row and field."""

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas import DataError
from twokoreas.data.loaders import validate_all

from conftest import edit_csv


def test_load_articles_returns_every_article_with_text_and_date_interval():
    articles = tk.load_articles()
    assert articles.article_id.is_unique
    assert (articles.text.str.len() > articles.body_words).all()
    assert pd.api.types.is_datetime64_any_dtype(articles.published_earliest)
    assert pd.api.types.is_datetime64_any_dtype(articles.published_latest)
    for row in articles.itertuples():
        assert row.published_earliest_evidence in row.text
        assert row.body == row.text[row.body_start : row.body_end]
        assert pd.isna(row.published_latest) or row.published_earliest <= row.published_latest


def test_open_ended_publication_dates_are_labelled_as_lower_bounds():
    articles = tk.load_articles()
    open_ended = articles[articles.published_latest.isna()]
    assert not open_ended.empty and open_ended.published_label.str.endswith("or later").all()
    printed = articles[articles.published_basis != "inferred"]
    assert (printed.published_earliest == printed.published_latest).all()


def test_curated_tables_are_valid():
    assert validate_all() == []


def test_missing_article_file(data_copy):
    victim = next((data_copy / "raw" / "articles").glob("002_*.txt"))
    victim.unlink()
    with pytest.raises(DataError) as err:
        tk.load_articles(data_copy)
    assert err.value.row == 4 and err.value.field == "file"
    assert f"{victim.name} not found" in str(err.value) and "articles.csv:4: file:" in str(err.value)


def test_changed_article_file(data_copy):
    victim = next((data_copy / "raw" / "articles").glob("003_*.txt"))
    victim.write_text(victim.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(DataError, match=r"articles.csv:5: sha256: .*003_.*has changed"):
        tk.load_articles(data_copy)


def test_duplicated_article_id(data_copy):
    csv = data_copy / "articles.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    first_id = lines[1].split(",")[0]
    second_id = lines[2].split(",")[0]
    csv.write_text("".join(lines).replace(second_id + ",", first_id + ",", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"articles.csv:\d: article_id: .*(unique|duplicate)"):
        tk.load_articles(data_copy)


def test_unknown_article_id_in_claims(data_copy):
    edit_csv(data_copy / "claims.csv", "000-01,000_808c9a3eda23d770", "000-01,999_notanarticle")
    with pytest.raises(DataError, match=r"claims.csv:2: article_id: unknown article_id"):
        tk.load_claims(data_copy)


def test_unparseable_date(data_copy):
    edit_csv(data_copy / "articles.csv", "2024-12-01", "2024-13-45")
    with pytest.raises(DataError, match=r"articles.csv:5: published_earliest: not a valid YYYY-MM-DD date"):
        tk.load_articles(data_copy)


def test_missing_column(data_copy):
    csv = data_copy / "claims.csv"
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False).drop(columns="attributed_to")
    frame.to_csv(csv, index=False)
    with pytest.raises(DataError, match=r"claims.csv: attributed_to: missing column"):
        tk.load_claims(data_copy)


def test_missing_table(data_copy):
    (data_copy / "not_quantities.csv").unlink()
    with pytest.raises(DataError, match=r"not_quantities.csv: file not found"):
        tk.load_not_quantities(data_copy)


def test_error_is_not_a_partial_result_and_counts_further_problems(data_copy):
    edit_csv(data_copy / "claims.csv", ",USD,cleaner,aid,", ",dollars,cleaner,aid,")
    edit_csv(data_copy / "claims.csv", ",percent,", ",pct,")
    with pytest.raises(DataError, match=r"unit: must be one of: .* \(and 1 more"):
        tk.load_claims(data_copy)
