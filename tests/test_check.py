"""`python -m twokoreas check`: silent and 0 when all holds; one `file:line: field: problem` line per problem."""

import subprocess
import sys

import pandas as pd
import pytest

from twokoreas.data.loaders import validate_all

from conftest import edit_csv


def run_check():
    return subprocess.run([sys.executable, "-m", "twokoreas", "check"], capture_output=True, text=True)


def test_check_passes_silently_on_the_curated_data():
    result = run_check()
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("382,386,four", "383,386,four", "claims.csv:2: mention: span does not read the mention in the article"),
        (",four,4,4,4,", ",four,5,5,5,", "claims.csv:2: value: the cleaner's parse of the mention disagrees"),
        (",exact,count,cleaner,other,", ",exact,tonnes,cleaner,other,", "claims.csv:2: unit: must be one of: USD"),
        ("000-01,000_808c9a3eda23d770", "000-01,555_unknown", "claims.csv:2: article_id: unknown article_id"),
        ("20000000,100000000,vague", "200000000,100000000,vague", "claims.csv:3: value_low: bounds out of order"),
    ],
)
def test_check_names_each_bad_claim(data_copy, old, new, expected):
    edit_csv(data_copy / "claims.csv", old, new)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(p.endswith(expected) or expected in p for p in problems), problems


def test_check_names_a_bad_not_quantity_reason(data_copy):
    edit_csv(data_copy / "not_quantities.csv", ",date,", ",a date,")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("not_quantities.csv:4: reason: must be one of" in p for p in problems), problems


def test_check_names_an_unknown_fact_key_in_relations(data_copy):
    edit_csv(data_copy / "fact_relations.csv", "dprk_troops_nis_3000,revises", "no_such_fact,revises")
    problems = [str(p) for p in validate_all(data_copy)]
    assert problems == [p for p in problems if "fact_relations.csv:2: fact_key: unknown fact_key" in p] and problems


def test_check_names_an_event_off_the_codebook_or_off_its_span(data_copy):
    edit_csv(data_copy / "events.csv", ",-6,denied,", ",-9,denied,")
    edit_csv(data_copy / "events.csv", ",4,done,", ",4,rumoured,")
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("events.csv:4: rung: |rung| is not a codebook rung" in p for p in problems), problems
    assert any("events.csv:3: status: status is not in the codebook" in p for p in problems), problems


def test_check_names_an_event_whose_span_moved(data_copy):
    events = pd.read_csv(data_copy / "events.csv", dtype=str, keep_default_na=False)
    events.loc[0, "start"] = str(int(events.start[0]) + 1)
    events.to_csv(data_copy / "events.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("events.csv:2: quote: span does not read the quote in the article" in p for p in problems), problems


def _header_only(path):
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "table",
    [
        "events.csv",
        "markers.csv",
        "cross_check.csv",
        "exchange_rates.csv",
        "donor_regions.csv",
        "boilerplate.csv",
        "not_quantities.csv",
        "fact_relations.csv",
        "reference_files.csv",
    ],
)
def test_a_table_with_a_header_and_no_rows_is_refused(data_copy, table):
    _header_only(data_copy / table)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(p.endswith(f"{table}: no rows: the table is empty (a header alone is not data)") for p in problems), (
        problems
    )


def test_an_empty_articles_table_says_so_in_one_line(data_copy):
    _header_only(data_copy / "articles.csv")
    assert [str(p).split("data/")[-1] for p in validate_all(data_copy)] == [
        "articles.csv: no rows: the table is empty (a header alone is not data)"
    ]


def test_a_unit_that_contradicts_its_mention_is_refused(data_copy):
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[claims.claim_id == "000-06", "unit"] = "KRW"  # "72" howitzers
    claims.to_csv(data_copy / "claims.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("claims.csv:7: value: the cleaner's parse" in p for p in problems), problems


@pytest.mark.parametrize(
    "pattern, problem",
    [
        ("", "matches the empty string"),
        ("x?", "matches the empty string"),
        (r"\bZanzibar\b", "matches nothing in the articles"),
    ],
)
def test_a_marker_pattern_must_match_something_and_not_the_empty_string(data_copy, pattern, problem):
    markers = pd.read_csv(data_copy / "markers.csv", dtype=str, keep_default_na=False)
    markers.loc[0, "pattern"] = pattern
    markers.to_csv(data_copy / "markers.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(f"markers.csv:2: pattern: {problem}" in p for p in problems), problems


def test_an_unregistered_reference_file_is_refused(data_copy):
    register = pd.read_csv(data_copy / "reference_files.csv", dtype=str, keep_default_na=False)
    register.iloc[1:].to_csv(data_copy / "reference_files.csv", index=False)  # drop data_explorer.csv's row
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("data_explorer.csv is under data/reference/ but not registered" in p for p in problems), problems


def test_a_number_no_row_holds_is_refused(data_copy):
    others = pd.read_csv(data_copy / "not_quantities.csv", dtype=str, keep_default_na=False)
    others.iloc[1:].to_csv(data_copy / "not_quantities.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(
        "not_quantities.csv: start: 000_808c9a3eda23d770 185:188 'one' is in no claims.csv or "
        "not_quantities.csv row" in p
        for p in problems
    ), problems


def test_an_aid_claim_without_a_cross_check_row_is_refused(data_copy):
    rows = pd.read_csv(data_copy / "cross_check.csv", dtype=str, keep_default_na=False)
    rows.iloc[1:].to_csv(data_copy / "cross_check.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(
        "claims.csv:3: claim_id: South Korean aid claim 000-02 has no cross_check.csv row" in p for p in problems
    ), problems


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            ",given so far,has sent,",
            ",,,",
            "claims.csv:3: aid_status: missing: an aid figure (theme aid) says what happened",
        ),
        (",given so far,has sent,", ",given so far,,", "claims.csv:3: aid_status_words: a status needs the words"),
        (
            ",given so far,has sent,",
            ",given so far,has pledged,",
            "claims.csv:3: aid_status_words: not found in the figure's sentence",
        ),
        (",given so far,has sent,", ",sent,has sent,", "claims.csv:3: aid_status: must be one of"),
        (
            ",un_vote_oct2022_members_against,,,",
            ",un_vote_oct2022_members_against,given so far,four,",
            "claims.csv:2: aid_status: must be empty: only an aid figure (theme aid) has one",
        ),
    ],
)
def test_an_aid_figure_says_what_happened_to_the_money_in_its_sentence_words(data_copy, old, new, expected):
    edit_csv(data_copy / "claims.csv", old, new)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any(expected in p for p in problems), problems


def test_a_cross_table_problem_is_named_at_its_real_line_after_a_multi_line_cell(data_copy):
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[0, "note"] = "line one\nline two"  # row 0 now spans lines 2 and 3
    claims.loc[3, "corroborated_by"] = "999-99"
    claims.to_csv(data_copy / "claims.csv", index=False)
    assert [str(p).split("/data/")[-1] for p in validate_all(data_copy)] == [
        "claims.csv:6: corroborated_by: '999-99' is not another claim or event id"
    ]
