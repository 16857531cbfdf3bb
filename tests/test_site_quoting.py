"""The public site quotes the texts and never republishes them: across every page and download, the share of each
text's words that the site reproduces in runs of eight words or more stays under the cap ``data/LICENSES.md``
states; the downloads carry spans, never whole sentences."""

import csv
import json

import pytest

from sitecopy import build_site_copy
from twokoreas import paths
from twokoreas.data import registry
from twokoreas.site.quoting import MAX_SHARE, RUN, published_runs, reproduced_share


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    return build_site_copy(tmp_path_factory.mktemp("public-site"), TWOKOREAS_FULLTEXT="")


@pytest.fixture(scope="module")
def articles():
    from twokoreas.data.loaders import load_articles

    return load_articles()


def test_the_measure_counts_copied_runs_and_never_short_phrases(tmp_path):
    text = "North Korea sent about 1,500 troops to Russia in October, the spy agency said on Friday."
    (tmp_path / "phrases.csv").write_text("North Korea sent about\nthe spy agency said on Friday\n", encoding="utf-8")
    assert reproduced_share(text, published_runs(tmp_path)) == 0  # short phrases, however many
    (tmp_path / "copy.html").write_text("<p>North Korea <b>sent</b> about 1,500 troops to Russia in October,</p>")
    assert reproduced_share(text, published_runs(tmp_path)) == pytest.approx(11 / 17)  # "1,500" is two words
    (tmp_path / "whole.ipynb").write_text(json.dumps({"cells": [{"source": [text]}]}), encoding="utf-8")
    assert reproduced_share(text, published_runs(tmp_path)) == 1.0


def test_no_text_is_reproduced_beyond_the_cap_across_the_public_site(public_site, articles):
    published = published_runs(public_site)
    shares = {row.article_id: reproduced_share(row.text, published) for row in articles.itertuples()}
    print("\n".join(f"{a}: {s:.1%} of its words in runs of {RUN}+ words" for a, s in shares.items()))
    over = {a: f"{s:.1%}" for a, s in shares.items() if s > MAX_SHARE}
    assert not over, f"over the {MAX_SHARE:.0%} cap: {over}"


def test_the_downloads_carry_spans_never_whole_sentences(public_site, articles):
    texts = dict(zip(articles.article_id, articles.text))
    package = json.loads((public_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    for table in registry.TABLES.values():
        with open(public_site / "data" / table.file.split("/")[-1], encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        assert rows[0] == fields[table.file], table.file  # the download is as its data package says
        assert not {c.name for c in table.columns if c.verbatim} & set(rows[0]), table.file
    with open(public_site / "data" / "actor_sample.csv", encoding="utf-8", newline="") as file:
        sample = list(csv.DictReader(file))
    with open(paths.DATA / "actor_sample.csv", encoding="utf-8", newline="") as file:
        sentences = [row["sentence"] for row in csv.DictReader(file)]
    assert len(sample) == len(sentences) > 0
    assert [texts[r["article_id"]][int(r["start"]) : int(r["end"])] for r in sample] == sentences
