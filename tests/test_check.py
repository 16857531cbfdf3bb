"""`python -m twokoreas check`: silent and 0 when all holds; one `file:line: field: problem` line per problem."""

import subprocess
import sys

import pandas as pd
import pytest

from twokoreas.loaders import validate_all

from conftest import edit_csv


def run_check():
    return subprocess.run([sys.executable, "-m", "twokoreas", "check"], capture_output=True, text=True)


def test_check_passes_silently_on_the_curated_data():
    result = run_check()
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("old, new, expected", [
    ("382,386,four", "383,386,four", "claims.csv:2: mention: span does not read the mention in the article"),
    (",four,4,4,4,", ",four,5,5,5,", "claims.csv:2: value: the cleaner's parse of the mention disagrees"),
    (",exact,count,other,", ",exact,tonnes,other,", "claims.csv:2: unit: must be one of: USD"),
    ("000-01,000_808c9a3eda23d770", "000-01,555_unknown", "claims.csv:2: article_id: unknown article_id"),
    ("20000000,100000000,vague", "200000000,100000000,vague", "claims.csv:3: value_low: bounds out of order"),
])
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
