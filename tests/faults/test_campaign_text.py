"""Campaign cases on strict text reading, real line numbers and one clean line per fault."""

import pytest

from faultlib import ARTICLE_001, check_fails_clearly, data_project, reregister
from test_campaign_check import DATA_EXPLORER, resha_article, table


@pytest.fixture
def project(tmp_path):
    return data_project(tmp_path / "project")


def test_a_row_after_a_multi_line_cell_is_named_at_its_real_line(project):
    """Campaign S-bp-line."""
    t = table(project / "data", "boilerplate")
    t.set(7, "start", "1")
    t.write()
    check_fails_clearly(project, ("data/boilerplate.csv", 14, "text"), lines=1)


def test_a_stray_byte_is_named_by_line_and_column(project):
    """Campaign S-cl-invutf8."""
    path = project / "data/claims.csv"
    lines = path.read_bytes().splitlines(True)
    lines[40] = lines[40].rstrip(b"\n") + b"caf\xe9\n"
    path.write_bytes(b"".join(lines))
    printed = check_fails_clearly(project, ("data/claims.csv", 41, None), lines=1)
    assert "column" in printed[0] and "0xe9" in printed[0]


@pytest.mark.parametrize(
    "case, mutate, cause",
    [
        ("C11", lambda raw: raw.replace(b"\n", b"\r\n"), "CRLF"),
        ("C13", lambda raw: b"\xef\xbb\xbf" + raw, "byte-order mark"),
    ],
    ids=["crlf", "bom"],
)
def test_crlf_or_bom_in_an_article_is_named_as_the_cause(project, case, mutate, cause):
    """Campaign C11, C13."""
    data = project / "data"
    (data / ARTICLE_001).write_bytes(mutate((data / ARTICLE_001).read_bytes()))
    resha_article(data, ARTICLE_001)
    printed = check_fails_clearly(project, (f"data/{ARTICLE_001}",), ("data/articles.csv", 3), lines=1)
    assert cause in printed[0]


@pytest.mark.parametrize(
    "case, name, row, values, location",
    [
        ("S-cl-type", "claims", 2, {"start": "abc"}, ("data/claims.csv", 3, "start")),
        ("S-cl-float", "claims", 2, {"start": "1192.0"}, ("data/claims.csv", 3, "start")),
        ("S-ev-rungtxt", "events", 1, {"rung": "three"}, ("data/events.csv", 2, "rung")),
        ("S-fx-comma", "exchange_rates", 2, {"usd_per_eur": "1,0813"}, ("data/exchange_rates.csv", 3, "usd_per_eur")),
        ("span-past-end", "boilerplate", 1, {"end": "20516"}, ("data/boilerplate.csv", 2, "end")),
    ],
    ids=[
        "claim-start-letters",
        "claim-start-decimal",
        "event-rung-in-words",
        "exchange-rate-decimal-comma",
        "boilerplate-span-past-the-end",
    ],
)
def test_a_bad_cell_is_one_clean_line_at_its_real_line(project, case, name, row, values, location):
    t = table(project / "data", name)
    for column, value in values.items():
        t.set(row, column, value)
    t.write()
    check_fails_clearly(project, location, lines=1)


def test_a_year_written_as_a_decimal_is_one_clean_line(project):
    """Campaign K10."""
    table(project / "data", DATA_EXPLORER).set(3, "year", "2022.0").write()
    reregister(project, DATA_EXPLORER)
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}", 4, "year"), lines=1)


@pytest.mark.parametrize(
    "name, column", [("codebook", "code"), ("cross_check", "measure")], ids=["codebook-code", "cross-check-measure"]
)
def test_a_missing_column_is_one_line(project, name, column):
    table(project / "data", name).dropcol(column).write()
    check_fails_clearly(project, (f"data/{name}.csv", None, column), lines=1)


@pytest.mark.parametrize("character, what", [("\r", "carriage return"), ("\x00", "NUL")], ids=["CR", "NUL"])
def test_a_control_character_inside_a_cell_is_one_clean_line(project, character, what):
    table(project / "data", "articles").set(1, "sha256", character).write()
    printed = check_fails_clearly(project, ("data/articles.csv", 2, "sha256" if what != "NUL" else None), lines=1)
    assert what in printed[0]
