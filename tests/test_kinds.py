"""Notebooks choose rows by what a figure counts (claims.figure_kind), never by words of its fact_key."""

import re

import nbformat
import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.data.loaders import validate_all
from twokoreas.data import kinds, vocab
from twokoreas import paths
from twokoreas.paths import notebook_paths


@pytest.mark.parametrize("kind", ["killed or wounded", "increment", "part of another figure"])
def test_a_casualty_count_or_an_increment_is_never_drawn_as_a_total(kind):
    assert kind not in kinds.TROOPS_DRAWN and kinds.not_drawn(kind)


def test_every_kind_of_troop_figure_is_drawn_or_listed_with_its_reason():
    for kind in vocab.FIGURE_KINDS:
        assert kind in kinds.TROOPS_DRAWN or kinds.not_drawn(kind)


def test_every_drawn_troop_kind_has_its_colour_beside_the_vocabulary():
    assert set(kinds.TROOPS_COLORS) == set(kinds.TROOPS_DRAWN)
    assert len({tk.charts.color(name) for name in kinds.TROOPS_COLORS.values()}) == len(kinds.TROOPS_COLORS)


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_no_notebook_chooses_rows_by_words_of_fact_key_or_quantity_of(path):
    cells = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    for cell in cells:
        assert not re.search(r"(fact_key|quantity_of)\.(str\.|map\(lambda)", cell), f"{path.name}: {cell}"


def test_a_theme_or_kind_no_notebook_reads_is_named():
    claims = pd.DataFrame(
        {
            "claim_id": ["a", "b", "c"],
            "theme": ["volunteers", "troops", "aid"],
            "figure_kind": ["in place", "in place", "share"],
        }
    )
    assert kinds.unread(claims) == [
        "claims.csv: notebook 02_aid does not read kind 'share' (claims c): counted in 01's inventory only",
        "claims.csv: no notebook reads theme 'volunteers' (claims a): counted in 01's inventory only",
    ]


def test_the_claims_of_one_fact_count_one_kind_of_figure(data_copy):
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[claims.claim_id == "004-02", "figure_kind"] = "total sent"  # the NIS's 1,500, reported four times
    claims.to_csv(data_copy / "claims.csv", index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert any("figure_kind: the claims of one fact_key count one kind of figure" in p for p in problems), problems


def test_every_curated_claim_says_what_it_counts():
    assert set(tk.load_claims().figure_kind) <= set(vocab.FIGURE_KINDS)
    assert paths.DATA.joinpath("claims.csv").read_text().splitlines()[0].count("figure_kind") == 1
