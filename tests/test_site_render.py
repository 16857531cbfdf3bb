"""The site's pieces without a browser: marked article text, links added at render time, file modes."""

import os
import re
import stat
from types import SimpleNamespace

import nbformat
from docutils import nodes

from twokoreas import paths
from twokoreas.atomic import write_text
from twokoreas.site.article import Mark, date_interval, marked_paragraphs, span
from twokoreas.site.data import load_site_data
from twokoreas.site.notebooks import cited, link_prose, link_table, read_notebook, split_at_figures


def test_atomic_writes_get_the_mode_of_a_plain_open(tmp_path):
    previous = os.umask(0o022)
    try:
        write_text(tmp_path / "page.html", "<p>hi</p>")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == 0o644


def _spans(paragraph):
    return [n for n in paragraph.findall(span)]


def test_nested_and_crossing_spans_keep_the_text_and_put_each_anchor_once():
    text = "one two three four\nfive"
    event = Mark(0, 13, "event", "event-E1", label="E1")
    claim = Mark(4, 7, "claim", "claim-000-01", tip="000-01: 2")
    crossing = Mark(8, 18, "number", tip="not a quantity: ordinal")
    paragraphs = marked_paragraphs(text, sorted([crossing, claim, event], key=Mark.order))
    assert len(paragraphs) == 2
    first = paragraphs[0]
    text_only = "".join(t.astext() for t in first.findall(nodes.Text) if "tk-tip" not in t.parent.get("classes", []))
    assert text_only == "one two three four"
    by_class = {}
    for node in _spans(first):
        by_class.setdefault(node["classes"][0], []).append(node)
    (event_node,), (claim_node,) = by_class["tk-event"], by_class["tk-claim"]
    assert event_node["ids"] == ["event-E1"] and claim_node["ids"] == ["claim-000-01"]
    assert claim_node.parent is event_node
    pieces = by_class["tk-number"]
    assert len(pieces) == 2 and pieces[0].parent is event_node and pieces[1].parent is first
    assert [p["tip"] for p in pieces] == ["not a quantity: ordinal", ""]
    assert claim_node["attrs"]["tabindex"] == "0"
    assert [t.astext() for t in claim_node.findall(span) if "tk-tip" in t["classes"]] == ["000-01: 2"]


def test_date_interval_uses_the_interval_columns_when_present():
    new = SimpleNamespace(published_earliest="2022-10-12", published_latest="", published_basis="inferred")
    assert date_interval(new) == "2022-10-12 or later; basis: inferred"
    both = SimpleNamespace(published_earliest="2024-10-21", published_latest="2024-12-31", published_basis="text")
    assert date_interval(both) == "between 2024-10-21 and 2024-12-31; basis: text"
    old = SimpleNamespace(published_label="2022-10-12", published_precision="day", published_basis="inferred")
    assert date_interval(old) == "2022-10-12 (precision: day); basis: inferred"


def _sources_table(quote):
    return (
        '<table class="dataframe"><thead><tr><th></th><th>claim</th><th>article</th><th>quote</th></tr></thead>'
        f"<tbody><tr><th>0</th><td>000-03</td><td>000</td><td>{quote}</td></tr></tbody></table>"
    )


def test_sources_table_gains_the_figure_marked_in_its_short_quotation_and_links():
    from twokoreas.text.sentences import short_quote

    data = load_site_data()
    claim = data.claim_rows["000-03"]
    quote = short_quote(data.texts[claim.article_id], claim.start, claim.end)
    html = link_table(_sources_table(quote), data)
    href = data.claim_href("000-03")
    assert href == "articles/000_808c9a3eda23d770.html#claim-000-03"
    assert f'<a class="tk-ref" href="{href}">000-03</a>' in html
    assert "<th>figure</th>" in html and f'<a class="tk-ref tk-figure" href="{href}">$40 million</a>' in html
    assert '<a href="articles/000_808c9a3eda23d770.html">000</a>' in html
    assert "<mark>$40 million</mark>" in html and "under the guise of" not in html  # never the whole sentence


def test_an_event_quote_in_a_table_is_cut_to_its_short_quotation():
    from twokoreas.text.sentences import QUOTE_WORDS
    from twokoreas.site.notebooks import short_quotes

    data = load_site_data()
    event = data.event_rows["E01"]
    table = (
        "<table><thead><tr><th>event id</th><th>quote</th></tr></thead>"
        f"<tbody><tr><td>E01</td><td>{event.quote}</td></tr></tbody></table>"
    )
    for html in (short_quotes(table, data), link_table(table, data)):
        shown = re.search(r"<td[^>]*>([^<]*…)</td>", html).group(1)
        assert event.quote not in html and len(shown.split()) <= QUOTE_WORDS and event.quote.startswith(shown[:-1])


def test_table_cells_holding_event_ids_link_to_the_events():
    data = load_site_data()
    html = link_table(
        "<table><thead><tr><th>preceded_by</th></tr></thead><tbody><tr><td>E02; E04</td></tr>"
        "<tr><td>E999</td></tr></tbody></table>",
        load_site_data(),
    )
    assert data.event_href("E02") in html and data.event_href("E04") in html and "<td>E999</td>" in html


def test_bold_figures_link_by_the_claims_the_kit_recorded_in_order():
    data = load_site_data()
    cites = [{"id": "000-03", "figure": "$40 million"}, {"id": "000-04", "figure": "$50 million"}]
    linked = link_prose(r"at **\$40 million**, with **\$50 million** more; \$40 million again", cites, data)
    assert linked.startswith(f'at **<a class="tk-ref tk-prose" href="{data.claim_href("000-03")}">$40 million</a>**')
    assert f'**<a class="tk-ref tk-prose" href="{data.claim_href("000-04")}">$50 million</a>**' in linked
    assert linked.endswith(r"more; \$40 million again")
    assert link_prose("said **one**", [{"id": "999-99", "figure": "one"}], data) == "said **one**"


def test_every_bold_figure_of_the_real_aid_notebook_links_to_its_claim():
    """The executed 02_aid, read as the site reads it: the kit's metadata, not the cell's code, links each
    bold figure its prose states."""
    nb = read_notebook((paths.NOTEBOOKS / "02_aid.ipynb").read_text(encoding="utf-8"))
    data = load_site_data()
    prose = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "text/markdown" in o.get("data", {}) and cited(o)
    ]
    linked = 0
    for output in prose:
        for cite in cited(output):
            assert f'href="{data.claim_href(cite["id"])}">{cite["figure"]}</a>' in output["data"]["text/markdown"]
            linked += 1
    assert linked >= 5
    bold = [b for o in prose for b in re.findall(r"\*\*(.+?)\*\*", o["data"]["text/markdown"])]
    assert len(bold) == linked and all(b.startswith('<a class="tk-ref tk-prose"') for b in bold), bold


def test_each_saved_chart_gets_its_own_cell_with_alt_text_anchor_and_linked_caption():
    data = load_site_data()
    row = data.figure_rows["04_troop_estimates"]
    cell = nbformat.v4.new_code_cell("fig = ...", id="04-06")
    cell.outputs = [
        nbformat.v4.new_output("display_data", {"text/html": "<table></table>"}),
        nbformat.v4.new_output(
            "execute_result",
            {
                "image/png": "iVBOR",
                "text/plain": (
                    "figures/04_troop_estimates.png, figures/04_troop_estimates.svg, figures/04_troop_estimates.csv"
                ),
            },
        ),
        nbformat.v4.new_output("stream", name="stdout", text="done\n"),
    ]
    first, chart, rest = split_at_figures(cell, data)
    assert first.source == "fig = ..." and len(first.outputs) == 1 and "remove-input" not in first.metadata["tags"]
    assert chart.source.startswith("#") and "remove-input" in chart.metadata["tags"]
    assert chart.metadata["mystnb"]["image"]["alt"] == (getattr(row, "alt", "") or row.title)
    assert chart.metadata["mystnb"]["figure"]["name"] == "fig-04-troop-estimates"
    drawn = row.claim_ids.split(";")[0]
    assert data.claim_href(drawn) in chart.metadata["mystnb"]["figure"]["caption"]
    assert rest.outputs[0]["text"] == "done\n"


def test_bad_data_stops_the_build_with_one_line_and_leaves_the_site_as_it_was(data_copy, tmp_path, monkeypatch, capsys):
    from conftest import edit_csv
    from twokoreas import cli, paths

    edit_csv(
        data_copy / "claims.csv", "000-01,000_808c9a3eda23d770,382,386,four", "000-01,000_808c9a3eda23d770,382,387,four"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site")
    monkeypatch.setattr(paths, "DATA", data_copy)
    monkeypatch.setattr(paths, "SITE", site)
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")  # never the project's own build folder
    load_site_data.cache_clear()
    try:
        assert cli.main(["site"]) == 1
    finally:
        load_site_data.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "claims.csv" in err[0], err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the published site"


def test_alt_text_is_the_recorded_alt_else_the_title():
    data = load_site_data()
    assert data.figure_alt(SimpleNamespace(alt="Dots for each aid figure", title="Aid")) == "Dots for each aid figure"
    assert data.figure_alt(SimpleNamespace(alt="", title="Aid")) == "Aid"
    assert data.figure_alt(SimpleNamespace(title="Aid")) == "Aid"


def test_file_names_in_prose_link_to_their_downloads_where_published():
    from twokoreas.site.notebooks import link_files

    linked = link_files("**Inputs:** `data/claims.csv`, `data/nope.csv`, `aid`", {"data/claims.csv"})
    assert linked == '**Inputs:** <a href="data/claims.csv"><code>data/claims.csv</code></a>, `data/nope.csv`, `aid`'


def test_tooltips_say_values_in_words_never_nan_or_codes():
    from twokoreas.site.article import claim_tip, value_text, words

    nan = float("nan")
    row = SimpleNamespace(
        claim_id="000-08",
        value=nan,
        value_low=40.0,
        value_high=nan,
        unit="count",
        qualifier="vague",
        theme="arms_trade",
        quantity_of="other heavy weapons",
    )
    assert value_text(row) == "40 or more"
    assert claim_tip(row) == "000-08: 40 or more (vague) · theme: arms trade · other heavy weapons"
    assert value_text(SimpleNamespace(value=3.0, value_low=3.0, value_high=3.0, unit="year")) == "3 years"
    assert value_text(SimpleNamespace(value=nan, value_low=2e6, value_high=nan, unit="USD")) == "$2,000,000 or more"
    assert words("at_least") == "at least" and words("ROK") == "South Korea"


def test_article_quotations_are_a_few_words_around_each_span_merged_when_they_overlap():
    from twokoreas.text.sentences import QUOTE_WORDS
    from twokoreas.site.article import quotations

    long = " ".join(f"w{i}" for i in range(40)) + "."
    text = f"One is here. {long} Two is here."
    spans = [
        (text.index("w20"), text.index("w20") + 3),
        (text.index("w22"), text.index("w22") + 3),
        (text.index("One"), text.index("One") + 3),
    ]
    shown = [text[a:b] for a, b in quotations(text, spans)]
    assert shown[0] == "One is here."
    assert len(shown) == 2 and "w20" in shown[1] and "w22" in shown[1] and "w0 " not in shown[1]
    assert len(shown[1].split()) <= QUOTE_WORDS + 2  # two quotations of 12 words, two words apart, merged


def test_an_article_page_quotation_names_whose_words_it_gives():
    from twokoreas.site.article import speaker

    quoted = SimpleNamespace(voice="quoted", attributed_to="Dermot Hudson, KFA UK chairman")
    assert speaker(quoted, "Sputnik") == "Dermot Hudson, KFA UK chairman, quoted"
    own = SimpleNamespace(voice="own", attributed_to="own reporting")
    assert speaker(own, "Sputnik") == "Sputnik, its own reporting"
    follows = SimpleNamespace(voice="own", attributed_to="unattributed (follows an NIS sentence)")
    assert speaker(follows, "the text") == "the text, unattributed (follows an NIS sentence)"


def test_the_texts_are_copied_to_the_site_only_in_a_full_text_build(tmp_path, monkeypatch):
    from twokoreas.site import fulltext
    from twokoreas.site.pages import write_sources

    data = load_site_data()
    for full in (False, True):
        source = tmp_path / f"full-{full}"
        write_sources(source, data, [], tmp_path / "no-figures", full=full)
        assert len(list((source / "_extra" / "articles").glob("*.txt"))) == (len(data.articles) if full else 0)
        assert ("in full" in (source / "articles" / "index.md").read_text(encoding="utf-8")) == full
    monkeypatch.delenv("TWOKOREAS_FULLTEXT", raising=False)
    assert not fulltext()
    monkeypatch.setenv("TWOKOREAS_FULLTEXT", "1")
    assert fulltext()


def test_the_footer_states_the_terms_and_how_to_cite_from_citation_cff():
    from twokoreas.site.credits import authors, citation, cite_this, footer_html

    footer = footer_html()
    assert "not published here" in footer and "Kiel Institute" in footer and "GDELT Project" in footer
    cff = citation()
    assert "Cite this:" in footer and cff["title"] in cite_this(cff) and str(cff["version"]) in cite_this(cff)
    assert (
        authors({"authors": [{"given-names": "Ada", "family-names": "Lovelace"}, {"name": "Team"}]})
        == "Ada Lovelace, Team"
    )


def test_the_footer_names_each_exchange_rate_source_once_with_its_years():
    from twokoreas.site.credits import _sources

    rates = [s for s in _sources() if s.startswith("ECB")]
    assert rates == [
        "ECB euro foreign exchange reference rates, US dollar, yearly means of the daily rates, "
        "2022–2026 (2026: part of the year)"
    ]
