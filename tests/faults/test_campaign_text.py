"""Campaign cases on strict text reading and real line numbers (`twokoreas.textfile` wired into the loaders)."""

import pytest

from faultlib import ARTICLE_001, check_fails_clearly, make_project
from test_campaign_check import resha_article, table


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def test_S_bp_line_a_row_after_a_multi_line_cell_is_named_at_its_real_line(project):
    t = table(project / "data", "boilerplate")
    t.set(7, "start", "1")
    t.write()
    check_fails_clearly(project, ("data/boilerplate.csv", 14, "text"), lines=1)


def test_S_cl_invutf8_a_stray_byte_is_named_by_line_and_column(project):
    path = project / "data/claims.csv"
    lines = path.read_bytes().splitlines(True)
    lines[40] = lines[40].rstrip(b"\n") + b"caf\xe9\n"
    path.write_bytes(b"".join(lines))
    printed = check_fails_clearly(project, ("data/claims.csv", 41, None), lines=1)
    assert "column" in printed[0] and "0xe9" in printed[0]


@pytest.mark.parametrize("case, mutate, cause", [
    ("C11", lambda raw: raw.replace(b"\n", b"\r\n"), "CRLF"),
    ("C13", lambda raw: b"\xef\xbb\xbf" + raw, "byte-order mark"),
], ids=["C11", "C13"])
def test_C11_C13_crlf_or_bom_in_an_article_is_named_as_the_cause(project, case, mutate, cause):
    data = project / "data"
    (data / ARTICLE_001).write_bytes(mutate((data / ARTICLE_001).read_bytes()))
    resha_article(data, ARTICLE_001)
    printed = check_fails_clearly(project, (f"data/{ARTICLE_001}",), ("data/articles.csv", 3), lines=1)
    assert cause in printed[0]
