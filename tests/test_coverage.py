"""Every digit run and cardinal number word in every article lies inside exactly one curated row."""

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.text.extract import number_tokens

ARTICLES = tk.load_articles()
ROWS = pd.concat(
    [
        tk.load_claims()[["article_id", "start", "end", "mention"]].assign(table="claims"),
        tk.load_not_quantities()[["article_id", "start", "end", "mention"]].assign(table="not_quantities"),
    ]
)


@pytest.mark.parametrize("article_id", ARTICLES.article_id)
def test_every_number_token_is_in_exactly_one_row(article_id):
    text = ARTICLES.set_index("article_id").text[article_id]
    rows = ROWS[ROWS.article_id == article_id]
    tokens = number_tokens(text)
    assert tokens, "an article with no numbers would make this test vacuous"
    for start, end in tokens:
        holders = rows[(rows.start <= start) & (rows.end >= end)]
        assert len(holders) == 1, (
            f"{text[start:end]!r} at {start} is in {len(holders)} rows: {holders.to_dict('records')}"
        )


def test_no_curated_row_holds_no_number():
    for row in ROWS.itertuples():
        assert number_tokens(row.mention), row
