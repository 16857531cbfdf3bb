"""Sources graded: every claim and event says its voice and source kind, and single-source figures from a party
to the war or from state media carry their source wherever the project states them."""

import json
import re

import pytest

import twokoreas as tk
from twokoreas.analysis import statement, phrases
from twokoreas import paths
from twokoreas.data import vocab

CLAIMS = statement.load_sourced_claims()
ARTICLES = tk.load_articles()
TEXTS = dict(zip(ARTICLES.article_id, ARTICLES.text))


@pytest.mark.parametrize("loader", [tk.load_claims, tk.load_events])
def test_every_row_is_graded(loader):
    frame = loader()
    assert frame.voice.isin(vocab.VOICES).all()
    assert frame.source_kind.isin(vocab.SOURCE_KINDS).all()
    assert "corroborated_by" in frame


def test_state_media_and_party_sources_need_attribution():
    sputnik = CLAIMS[CLAIMS.source_type == "state media of a party to the war"]
    assert not sputnik.empty and sputnik.needs_attribution.all()
    nis = CLAIMS[(CLAIMS.source_kind == "intelligence service of a party") & (CLAIMS.corroborated_by == "")]
    assert not nis.empty and nis.needs_attribution.all()
    assert not CLAIMS[CLAIMS.source_kind == "poll"].needs_attribution.any()
    own_page = CLAIMS[(CLAIMS.voice == "own") & (CLAIMS.source_type == "compiled reference page")]
    assert own_page[own_page.corroborated_by == ""].needs_attribution.all()
    assert not own_page[own_page.corroborated_by != ""].needs_attribution.any()  # 001-15, corroborated by 003


def test_attribution_names_the_source_and_its_type():
    row = CLAIMS.set_index("claim_id").loc["000-05"]
    assert row.attribution == "according to Sputnik, Russian state media"
    row = CLAIMS.set_index("claim_id").loc["000-03"]
    assert row.attribution == "according to Dermot Hudson, KFA UK chairman, quoted by Sputnik, Russian state media"
    assert phrases.source(CLAIMS.set_index("claim_id").loc["001-01"]) == "South Korea's spy agency, the NIS"
    assert "(" not in "".join(CLAIMS.attribution)


def test_state_carries_the_attribution_where_needed():
    for claim in CLAIMS.itertuples():
        stated = statement.state(CLAIMS, claim.claim_id, TEXTS)
        assert (claim.attribution in stated) == claim.needs_attribution, (claim.claim_id, stated)


def _prose_outputs():
    """Every markdown output the notebooks generate, by notebook."""
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            for output in cell.get("outputs", []):
                text = "".join(output.get("data", {}).get("text/markdown", []))
                if text:
                    yield notebook.name, text.replace("\\$", "$")


def _sources(rows):
    """The short names by which a sentence names a claim's source ("NIS", "Sputnik", "Dermot Hudson")."""
    return {phrases.short_name(row) for row in rows.itertuples()}


def test_generated_prose_attributes_every_single_source_party_figure():
    """Walk the notebooks' generated prose: every bold figure that only single-source party or state-media claims
    state sits in a sentence that names its source."""
    shown = CLAIMS.assign(shown=CLAIMS.mention.map(phrases.house_figure))
    must = shown.groupby("shown").needs_attribution.all()
    checked = 0
    for name, text in _prose_outputs():
        for sentence in phrases.sentences(text):
            for figure in re.findall(r"\*\*(.+?)\*\*", sentence):
                if must.get(figure, False):
                    checked += 1
                    names = _sources(shown[shown.shown == figure])
                    assert any(n in sentence for n in names), (name, figure, sentence)
    assert checked >= len(must[must]) // 2  # the prose states many of them; none unattributed


def test_generated_prose_has_no_nested_parentheses_and_names_a_source_once_per_sentence():
    names = sorted(_sources(CLAIMS), key=len, reverse=True)
    nested = re.compile(r"\([^()]*\(")
    for name, text in _prose_outputs():
        assert not nested.search(text), (name, nested.search(text).group(0))
        for sentence in phrases.sentences(text):
            assert phrases.named_twice(sentence, names) is None, (name, sentence)


def test_a_cited_source_is_not_repeated_in_its_sentence():
    named = [("Sputnik, Russian state media", "Sputnik"), ("South Korea's spy agency, the NIS", "NIS")]
    text = (
        "Sputnik, Russian state media, said **four**, according to Sputnik, Russian state media, members. "
        "Then **x**, according to Sputnik, Russian state media,.\n\nThe NIS said **y**, according to South "
        "Korea's spy agency, the NIS,; **z**, according to South Korea's spy agency, the NIS,."
    )
    assert phrases.once_per_sentence(text, named) == (
        "Sputnik, Russian state media, said **four** members. Then **x**, according to Sputnik, Russian state "
        "media.\n\nThe NIS said **y**; **z**."
    )
    assert phrases.named_twice("Sputnik's interviewee, quoted by Sputnik", ["Sputnik"]) == "Sputnik"


@pytest.mark.parametrize(
    "mention, house",
    [
        ("around 15-hundred", "around 1,500"),
        ("500 000", "500,000"),
        ("estimated at $100 million", "estimated at $100 million"),
        ("four", "four"),
        ("10,000", "10,000"),
    ],
)
def test_figures_take_the_house_number_style_and_keep_their_hedge(mention, house):
    assert phrases.house_figure(mention) == house
