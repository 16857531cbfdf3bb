"""Sources graded: every claim and event says its voice and source kind, and single-source figures from a party
to the war or from state media carry their source wherever the project states them."""

import json
import re

import pytest

import twokoreas as tk
from twokoreas import cite, paths, vocab

CLAIMS = tk.loaders.load_sourced_claims()
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
    assert "Dermot Hudson" in row.attribution and "Russian state media" in row.attribution


def test_state_carries_the_attribution_where_needed():
    for claim in CLAIMS.itertuples():
        stated = cite.state(CLAIMS, claim.claim_id, TEXTS)
        assert (claim.attribution in stated) == claim.needs_attribution, (claim.claim_id, stated)


def _prose_outputs():
    """Every markdown output the notebooks generate, by notebook."""
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            for output in cell.get("outputs", []):
                text = "".join(output.get("data", {}).get("text/markdown", []))
                if text:
                    yield notebook.name, text


def test_generated_prose_attributes_every_single_source_party_figure():
    """Walk the notebooks' generated prose: every bold figure that only single-source party or state-media claims
    state is followed by whom it rests on, with the source's type."""
    figures = CLAIMS.groupby("mention").needs_attribution.all()  # prose states figures as the text words them
    must_attribute = set(figures[figures].index)
    kinds = [*vocab.PARTY_SOURCE_KINDS, "state media", "compiled reference page", "unnamed outlet"]
    checked = 0
    for name, text in _prose_outputs():
        for match in re.finditer(r"\*\*(.+?)\*\*( \(according to [^()]*(?:\([^()]*\)[^()]*)*\))?", text.replace("\\$", "$")):
            if match.group(1) in must_attribute:
                checked += 1
                assert match.group(2) and any(k in match.group(2) for k in kinds), (name, match.group(0))
    assert checked >= len(must_attribute) // 2  # the prose states many of them; none unattributed
