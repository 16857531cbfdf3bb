"""The notebook kit: facts by key (a fixed choice, verified, attributed), reader tables, sources."""

import math

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.notebook import tables
from twokoreas.notebook.kit import FactNotFound
from twokoreas.text.sentences import QUOTE_WORDS


@pytest.fixture(scope="module")
def nb():
    return tk.notebook("99_test")


def test_a_fact_is_stated_as_the_text_words_it_with_its_attribution(nb):
    assert nb.cite("dprk_shells_to_russia") == "**some 8 million**, according to South Korean intelligence,"


def test_the_choice_among_claims_of_a_fact_is_fixed_narrowest_date_then_a_named_source(nb):
    assert nb.fact("dprk_troops_nis_1500").claim_id == "001-01"  # dated to one day
    assert nb.fact("rok_humanitarian_aid_2023").claim_id == "001-12"  # Yoon's, over the page's own voice
    assert nb.fact("dprk_troops_nis_1500", source="Yoon").claim_id == "001-02"


def test_an_unknown_fact_or_source_fails(nb):
    with pytest.raises(FactNotFound):
        nb.cite("no_such_fact")
    with pytest.raises(FactNotFound):
        nb.fact("dprk_troops_nis_1500", source="Sputnik")


def test_a_fact_whose_span_no_longer_reads_its_figure_fails(nb, monkeypatch):
    broken = nb.claims.copy()
    broken.loc[broken.fact_key == "dprk_shells_to_russia", "start"] += 1
    monkeypatch.setattr(nb, "claims", broken)
    with pytest.raises(AssertionError, match="003-08"):
        nb.cite("dprk_shells_to_russia")


def test_a_quotation_is_short_and_must_be_in_the_text(nb):
    """At most QUOTE_WORDS words of the sentence around the words asked for, cut with an ellipsis."""
    quoted = nb.sentence("003", "South Korean law forbids")
    assert "South Korean law forbids" in quoted and quoted.startswith("…") and quoted.endswith("…")
    assert len(quoted.strip("…").split()) <= QUOTE_WORDS
    with pytest.raises(FactNotFound):
        nb.sentence("003", "words not in the text")


def test_reader_tables_have_no_index_no_nan_and_whole_numbers_without_decimals():
    frame = pd.DataFrame(
        {"year": [2024, 2025], "amount": [3.0, math.nan], "share": [0.125, 1.5], "quote": ["x" * 300, None]}
    )
    shown = tables.ReaderTable(frame, "t")
    assert shown.cells.to_dict("list") == {
        "year": ["2024", "2025"],
        "amount": ["3", "not reported"],
        "share": ["0.125", "1.5"],
        "quote": ["x" * 300, "not reported"],
    }
    html = shown._repr_html_()
    assert "x" * 300 in html and "nan" not in html.lower() and '<th class="blank' not in html
    assert 'class="dataframe ' in html
    assert html == tables.ReaderTable(frame, "t")._repr_html_(), "the HTML is the same from run to run"


def test_sources_put_each_figure_beside_a_short_quotation_of_its_sentence(nb):
    shown = nb.sources(nb.theme("munitions"), slug=None).frame
    assert list(shown.columns[:3]) == ["claim", "figure", "quote"]
    row = shown.set_index("claim").loc["003-08"]
    assert row.figure == "some 8 million" and row.figure in row.quote
    assert len(row.quote.strip("…").split()) <= QUOTE_WORDS


def test_the_period_covered_is_computed_from_the_rows_and_their_texts_never_from_one_bound():
    import pandas as pd

    from twokoreas.notebook.kit import period_covered

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "published_earliest": pd.to_datetime(["2022-10-12", "2024-12-01", "2024-10-24"]),
            "published_latest": pd.to_datetime(["2022-12-31", "2024-12-01", None]),
        }
    )
    rows = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "date_earliest": pd.to_datetime(["2022-02-24", "2024-11-29"]),
            "date_latest": pd.to_datetime(["2022-12-31", "2024-11-29"]),
        }
    )
    assert period_covered(rows, articles) == (
        "**Period covered:** the 2 figures here held from 24 February 2022 to 29 November 2024, as their texts "
        "date them; they come from two texts published from 12 October 2022 to 1 December 2024."
    )
    assert period_covered(None, articles) == (
        "**Period covered:** three texts published from 12 October 2022 on (the latest bounded date is "
        "1 December 2024; some dates are open-ended)."
    )
    rows = pd.DataFrame(
        {
            "article_id": ["b", "c"],
            "date_earliest": pd.to_datetime(["2024-10-08", "2024-10-08"]),
            "date_latest": pd.to_datetime(["2024-12-01", None]),
        }
    )
    assert period_covered(rows, articles).endswith(  # the same bounds are said once
        "(the latest bounded date is 1 December 2024; some dates are open-ended), as their texts date them; they "
        "come from two texts published from 24 October 2024 on, with the same latest bounded date (some open-ended)."
    )
