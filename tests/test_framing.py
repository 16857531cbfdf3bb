"""Actor detection and lexical markers, on sentences of their own."""

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.analysis import framing


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Pyongyang sent more shells to Moscow.", "DPRK"),
        ("Kim Jong-un met the Russian defence minister.", "DPRK"),
        ("Mr. Kim hosted Belousov over the weekend.", "DPRK"),
        ("The Democratic People's Republic of Korea voted no.", "DPRK"),
        ("The North's troops crossed the border.", "DPRK"),
        ("Seoul pledged a loan to Kyiv.", "ROK"),
        ("President Yoon flew to Warsaw with his wife, Kim Keon-hee.", "ROK"),
        ("The Republic of Korea will supply helmets.", "ROK"),
        ("The NIS said the count had doubled.", "ROK"),
        ("South Korea protested after North Korea fired missiles.", "both"),
        ("North and South Korea have been divided since the Cold War.", "both"),
        ("Russia and Ukraine traded strikes overnight.", "neither"),
    ],
)
def test_which_korea_a_sentence_is_about(sentence, expected):
    assert framing.about(sentence) == expected


def test_sentences_keep_abbreviations_and_drop_subheadings():
    text = (
        "Boots on the Ground\nThe U.S. Pentagon has yet to confirm it. Mr. Kim met Mr. Putin on Nov. 29.\n\nIt ended?"
    )
    assert framing.sentences(text) == [
        "The U.S. Pentagon has yet to confirm it.",
        "Mr. Kim met Mr. Putin on Nov. 29.",
        "It ended?",
    ]


def test_a_sentence_opening_with_a_pronoun_takes_the_korea_before_it():
    text = "Seoul sent helmets. So far it has given $40 million in aid. Russia and Ukraine traded strikes."
    assert [k for _, k in framing.sentence_focus(text)] == ["ROK", "ROK", "neither"]


def test_markers_in_quotes_are_counted_apart_from_the_outlets_own_voice():
    markers = pd.DataFrame({"marker": ["Kiev"], "pattern": [r"\bKiev\b"]})
    text = 'Kiev said so. "The Kiev regime," he said, \u201cKiev again.\u201d'
    counts = framing.marker_counts_by_voice(text, markers)
    assert counts.loc["Kiev"].to_dict() == {"own voice": 1, "in quotes": 2}


def test_markers_count_each_usage():
    markers = tk.load_markers()
    counts = framing.marker_counts(
        "The Kiev regime, says Moscow, in its special military operation; Kyiv denies. "
        "An invasion, not an NWO. The Kim regime.",
        markers,
    )
    assert counts["Kiev"] == 1 and counts["Kyiv"] == 1
    assert counts["regime (of Kyiv)"] == 1 and counts["regime (of Pyongyang)"] == 1
    assert counts["special (military) operation / NWO"] == 2 and counts["invasion"] == 1
    assert counts["neo-Nazi"] == 0


def test_a_marker_that_is_not_a_regular_expression_is_named(data_copy):
    path = data_copy / "markers.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "pattern"] = "(unclosed"
    frame.to_csv(path, index=False)
    with pytest.raises(tk.DataError, match=r"markers.csv:2: pattern: not a valid regular expression"):
        tk.load_markers(data_copy)


def test_agreement_reports_the_share_and_cohens_kappa():
    share, kappa = framing.agreement(["ROK", "ROK", "DPRK", "DPRK"], ["ROK", "DPRK", "DPRK", "DPRK"])
    assert share == 0.75 and kappa == pytest.approx(0.5)
    assert framing.agreement(["ROK", "DPRK"], ["ROK", "DPRK"]) == (1.0, 1.0)


def test_an_omission_needs_a_corroborated_fact_first_reported_in_the_texts_time():
    claims = pd.DataFrame(
        {
            "fact_key": ["two_texts", "two_texts", "one_text"],
            "article_id": ["a", "b", "b"],
            "figure": ["1", "one", "9"],
            "corroborated_by": ["", "", ""],
        }
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "label": ["A", "B", "C", "D"],
            "published_earliest": pd.to_datetime(["2024-01-01", "2024-02-01", "2023-01-01", "2024-06-01"]),
            "published_latest": pd.to_datetime(["2024-01-01", "2024-02-01", "2023-01-31", None]),
        }
    )
    facts = framing.corroborated_facts(claims)
    assert facts == ["two_texts"]
    table = framing.coverage(claims, articles, facts)
    assert table.loc["two_texts"].to_dict() == {"A": "1", "B": "one", "C": "after the text", "D": "left out"}


def test_an_omission_is_uncertain_when_the_dates_overlap_or_the_text_is_open():
    claims = pd.DataFrame(
        {"fact_key": ["f", "f"], "article_id": ["a", "b"], "figure": ["1", "one"], "corroborated_by": ["", ""]}
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "label": ["A", "B", "C", "D"],
            "published_earliest": pd.to_datetime(["2024-01-01", "2024-02-01", "2023-12-01", "2023-06-01"]),
            "published_latest": pd.to_datetime(["2024-03-01", "2024-02-01", "2024-01-15", None]),
        }
    )
    table = framing.coverage(claims, articles, ["f"])
    # C may have come out before or after A; D's open interval starts before either text reporting the fact
    assert table.loc["f"].to_dict() == {
        "A": "1",
        "B": "one",
        "C": "uncertain by the dates",
        "D": "uncertain by the dates",
    }


def test_a_quoted_figure_gets_its_whole_sentence_as_the_splitter_cuts_it():
    from twokoreas.text.sentences import sentence_around

    text = "Sub-heading\nUkraine received $100 million, the prime minister said on Nov. 29. Seoul agreed.\n"
    start = text.index("$100 million")
    assert (
        sentence_around(text, start, start + 12) == "Ukraine received $100 million, the prime minister said on Nov. 29."
    )
    assert sentence_around(text, 0, 3) == "Sub-heading"
    assert sentence_around(text, text.index("Seoul"), text.index("Seoul") + 5) == "Seoul agreed."


def test_a_fact_a_later_or_finer_one_replaces_is_no_omission():
    """Editorial finding 18: a text giving the newer count has not left out the count it replaced."""
    claims = pd.DataFrame(
        {
            "fact_key": ["old", "old", "new", "new"],
            "article_id": ["a", "b", "b", "c"],
            "figure": ["1,500", "1,500", "3,000", "3,000"],
            "corroborated_by": ["", "", "", ""],
        }
    )
    relations = pd.DataFrame({"fact_key": ["new"], "relation": ["revises"], "other_fact_key": ["old"]})
    assert framing.overtaken(relations) == {"old"}
    assert framing.corroborated_facts(claims, framing.overtaken(relations)) == ["new"]
    assert framing.corroborated_facts(claims) == ["new", "old"]


def test_a_quoted_sentence_opening_with_a_pronoun_takes_the_korea_before_it():
    """Recheck finding 14: '"So far it has given $40 million...' follows a sentence about South Korea."""
    focus = framing.sentence_focus('South Korea has sent aid. "So far it has given $40 million," he said.')
    assert [k for _, k in focus] == ["ROK", "ROK"]
