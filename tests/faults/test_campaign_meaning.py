"""Faults in the meaning of the curated data (the campaign's silent wrong results), caught by ``check``.

Each case was a silent wrong result in the campaign (check and run exited 0 with wrong figures); each
must now be a clear, located error from ``python -m twokoreas check``, with the tree left as it was.
"""

import pytest

from faultlib import ARTICLE_001, TABLES, check_fails_clearly, data_project, reregister
from test_campaign_check import DATA_EXPLORER, table


@pytest.fixture
def project(tmp_path):
    return data_project(tmp_path / "project")


@pytest.mark.parametrize("name", TABLES)
def test_a_table_with_a_header_and_no_rows_says_so_in_one_line(project, name):
    """Campaign G-*-hdr."""
    table(project / "data", name).headeronly().write()
    printed = check_fails_clearly(project, (f"data/{name}.csv", None, None))
    assert len(printed) == 1, printed  # e.g. articles.csv: not 144 lines about other files


def test_a_reference_file_dropped_from_the_register_is_an_error(project):
    """Campaign K13."""
    data = project / "data"
    path = data / DATA_EXPLORER
    path.write_bytes(path.read_bytes().replace(b"2022,2,0.002645,", b"2022,2,9.002645,", 1))
    table(data, "reference_files").delrow(1).write()
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}",), ("data/reference_files.csv",))


def test_a_unit_that_contradicts_the_mention_is_an_error(project):
    """Campaign S-cl-unit2."""
    table(project / "data", "claims").set(6, "unit", "KRW").write()  # "72" howitzers
    check_fails_clearly(project, ("data/claims.csv", 7, None))


def test_a_marker_that_matches_the_empty_string_is_an_error(project):
    """Campaign S-mk-empty."""
    table(project / "data", "markers").set(1, "pattern", "").write()
    check_fails_clearly(project, ("data/markers.csv", 2, "pattern"))


def test_a_marker_that_matches_nothing_in_the_corpus_is_an_error(project):
    table(project / "data", "markers").set(1, "pattern", r"\bKievvv\b").write()
    check_fails_clearly(project, ("data/markers.csv", 2, "pattern"))


def test_a_number_left_uncovered_is_an_error(project):
    """Campaign S-nq-delrow."""
    table(project / "data", "not_quantities").delrow(2).write()
    check_fails_clearly(
        project,
        ("data/not_quantities.csv",),
        (f"data/{ARTICLE_001}",),
        ("data/raw/articles/000_808c9a3eda23d770.txt",),
        ("data/articles.csv",),
    )


def test_a_rok_aid_claim_without_its_cross_check_row_is_an_error(project):
    """Campaign S-cc-del."""
    table(project / "data", "cross_check").delrow(6).write()
    check_fails_clearly(project, ("data/cross_check.csv",), ("data/claims.csv",))


def test_a_missing_exchange_rate_year_is_an_error_naming_the_year(project):
    """Campaign S-fx-del."""
    table(project / "data", "exchange_rates").delrow(2).write()
    printed = check_fails_clearly(project, ("data/exchange_rates.csv", None, "year"), lines=1)
    assert "2023" in printed[0], printed


def test_a_tracker_donor_without_a_region_is_an_error(project):
    """Campaign S-dr-del."""
    data = project / "data"
    regions = table(data, "donor_regions")
    regions.delrow(regions.find("iso", "KOR")).write()
    printed = check_fails_clearly(project, (f"data/{DATA_EXPLORER}", None, "iso"), lines=1)
    assert "KOR" in printed[0] and "data/donor_regions.csv" in printed[0]


def test_a_new_donor_in_the_tracker_without_a_region_is_an_error_at_its_first_row(project):
    """Campaign K05."""
    with open(project / "data" / DATA_EXPLORER, "a", encoding="utf-8") as handle:
        handle.write("Atlantis,XYZ,2022,3,5.0,1.0,1.0,3.0,5.0,0,10,1\nAtlantis,XYZ,2022,4,5.0,1.0,1.0,3.0,5.0,0,10,1\n")
    reregister(project, DATA_EXPLORER)
    check_fails_clearly(project, (f"data/{DATA_EXPLORER}", 1081, "iso"), lines=1)


def test_a_release_without_south_korea_is_an_error_in_check(project):
    """Campaign K16."""
    path = project / "data" / DATA_EXPLORER
    path.write_bytes(b"".join(line for line in path.read_bytes().splitlines(True) if b'"KOR"' not in line))
    reregister(project, DATA_EXPLORER)
    printed = check_fails_clearly(project, (f"data/{DATA_EXPLORER}", None, "iso"), lines=1)
    assert "KOR" in printed[0]
