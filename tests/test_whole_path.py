"""The whole path of a new article, as a person takes it, in a temporary copy of the project: ``twokoreas add``
a made-up sixth article (``tests/fixtures/sixth_article.txt``), fill in its drafts as the README's "Adding an
article" says, ``twokoreas review --accept``; then a real one (``tests/fixtures/voa_2025-02-28_more_troops.txt``),
typing only what ``review`` names. One full build and nbval strict over its notebooks follow, for both articles
at once; each article's figures must then reach the figures inventory, a table, a chart's data and the generated
prose, with no notebook or test edited. (nbval strict over the committed notebooks runs in ``make test``.)

That a failing notebook leaves the tree unchanged is
``test_runner.py::test_a_failing_notebook_changes_nothing_and_is_named_with_its_cell``.
"""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from test_runner import project
from twokoreas import paths
from twokoreas.paths import notebook_paths

ARTICLE = Path(__file__).parent / "fixtures" / "sixth_article.txt"
TROOPS, AID = "about 11,000", "$104 million"  # the article's two figures, as printed

# What a reviewer writes after reading the text: the article row's fields, then each figure's by its mention.
ARTICLE_FIELDS = {
    "kind": "news report",
    "source_type": "newspaper",
    "outlet_description": "a South Korean daily",
    "reliability_note": "A made-up daily for the tests; dated and bylined; its figures are credited to the South "
    "Korean government and its spy agency.",
}
BRIEFING = {
    "date_earliest": "2024-12-18",
    "date_latest": "2024-12-18",
    "date_basis": "inferred",
    "date_evidence": "'on Wednesday', in a text printed on Thursday 19 December 2024",
    "stated_date": "2024-12-18",
}
CLAIM_FIELDS = {
    TROOPS: {
        "theme": "troops",
        "figure_kind": "in place",
        "quantity_of": "North Korean troops in Russia, most in the Kursk region",
        "actor": "DPRK",
        "recipient": "Russia",
        "attributed_to": "NIS",
        "voice": "paraphrased",
        "source_kind": "intelligence service of a party",
        "fact_key": "dprk_troops_nis_11000",
        **BRIEFING,
    },
    AID: {
        "theme": "aid",
        "figure_kind": "total sent",
        "quantity_of": "South Korean humanitarian aid to Ukraine in 2024",
        "actor": "ROK",
        "recipient": "Ukraine",
        "aid_status": "given in the year",
        "aid_status_words": "had provided",
        "attributed_to": "ROK foreign ministry",
        "voice": "paraphrased",
        "source_kind": "government of a party",
        "fact_key": "rok_humanitarian_aid_2024",
        "date_earliest": "2024-01-01",
        "date_latest": "2024-12-19",
        "date_basis": "printed",
        "date_evidence": "'in 2024', said in a text printed on 19 December 2024",
    },
}
CROSS_CHECK_FIELDS = {
    "measure": "humanitarian",
    "first_month": "2024-01",
    "last_month": "2024-12",
    "reason": "Humanitarian aid provided in 2024: the year's humanitarian allocations.",
}


def edit_rows(csv, key, changes):
    """Set ``{column: value}`` on the one row of ``csv`` whose ``key`` column is each key of ``changes``."""
    table = pd.read_csv(csv, dtype=str, keep_default_na=False)
    for value, fields in changes.items():
        row = table[key] == value
        assert row.sum() == 1, f"{csv.name}: {key} {value!r} is on {row.sum()} rows"
        for column, new in fields.items():
            table.loc[row, column] = new
    table.to_csv(csv, index=False)


def review(data, article_id):
    """Fill in what ``twokoreas review`` says the drafts of ``article_id`` still need."""
    edit_rows(data / "articles.csv", "article_id", {article_id: ARTICLE_FIELDS})
    edit_rows(data / "claims.csv", "mention", CLAIM_FIELDS)
    claims = pd.read_csv(data / "claims.csv", dtype=str, keep_default_na=False).set_index("mention").claim_id
    edit_rows(data / "cross_check.csv", "claim_id", {claims[AID]: CROSS_CHECK_FIELDS})


def twokoreas(root, env, *args):
    done = subprocess.run(
        [sys.executable, "-m", "twokoreas", *args], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"twokoreas {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


def prose(notebook):
    """The Markdown a notebook's cells generated (what a reader sees as text), joined."""
    cells = nbformat.read(notebook, as_version=4).cells
    return "\n".join(
        o.get("data", {}).get("text/markdown", "") for c in cells if c.cell_type == "code" for o in c.outputs
    )


def test_a_new_article_reaches_the_inventory_tables_charts_and_prose(both_added):
    root, made_up, _ = both_added
    figures = root / "figures"
    claims = pd.read_csv(root / "data" / "claims.csv", dtype=str).set_index("mention").claim_id
    troops, aid = claims[TROOPS], claims[AID]
    assert made_up in set(pd.read_csv(root / "data" / "articles.csv", dtype=str).article_id)
    inventory = pd.read_csv(figures / "01_inventory.csv", dtype=str)
    assert {troops, aid} <= set(inventory.claim)
    assert TROOPS in set(pd.read_csv(figures / "04_troop_table.csv", dtype=str).figure)
    assert AID in pd.read_csv(figures / "02_aid_table.csv", dtype=str).figures.str.cat(sep=" / ")
    assert troops in set(pd.read_csv(figures / "04_troop_estimates.csv", dtype=str).claim_id)
    assert aid in set(pd.read_csv(figures / "08_claims_vs_tracker.csv", dtype=str).claim_id)
    index = pd.read_csv(figures / "index.csv", dtype=str, keep_default_na=False).set_index("figure")
    assert troops in index.claim_ids["04_troop_estimates"].split(";")
    assert "two are newspaper reports (The Han River Courier, The Washington Times)" in prose(
        root / "notebooks" / "00_corpus.ipynb"
    )
    assert f"**{TROOPS}**" in prose(root / "notebooks" / "04_troops.ipynb")
    assert f"**{AID}**".replace("$", r"\$") in prose(root / "notebooks" / "02_aid.ipynb")


# A real news text no one here wrote (see tests/fixtures/README.md for its source and terms), added as the README
# says: `add`, the drafts accepted as drafted, and only the cells `review` says a person must type.
REAL = Path(__file__).parent / "fixtures" / "voa_2025-02-28_more_troops.txt"
TYPED = {  # what a person types, by the (file, field) that `review` names
    ("articles.csv", "kind"): "news report",
    ("articles.csv", "source_type"): "news agency",
    ("articles.csv", "outlet_description"): "the US government's international broadcaster",
    ("articles.csv", "reliability_note"): "A dated wire report; it credits each figure to its source (South Korea's "
    "spy agency, President Zelenskyy, US estimates, a South Korean daily).",
}
CASUALTIES, INCREMENT, SENT = ("about 300", "2,700", "4,000", "around 1,200"), "1,000 to 3,000", "10,000 to 12,000"


def to_type(review_output):
    """``(file, field)`` of every cell `review` says a person must type before `--accept` passes."""
    found = re.findall(r"^  \S*?([a-z_]+\.csv):\d+: ([a-z_]+): ", review_output, re.M)
    return sorted(set(found))


def test_a_real_article_is_added_with_the_cells_review_names_and_each_figure_is_drawn_as_what_it_counts(
    both_added,
):
    root, _, (article_id, listed, nbval) = both_added
    assert "refuses it for these 4 problems" in listed, listed
    assert to_type(listed) == sorted(TYPED), listed
    print(f"\ncells typed by a person: {len(TYPED)} (drafts accepted as drafted)")
    assert len(TYPED) <= 20
    assert nbval.returncode == 0, nbval.stdout[-3000:]

    figures = root / "figures"
    claims = pd.read_csv(root / "data" / "claims.csv", dtype=str)
    claims = claims[claims.article_id == article_id].set_index("mention")
    assert set(claims.index) == {*CASUALTIES, INCREMENT, SENT}
    assert set(claims.claim_id) <= set(pd.read_csv(figures / "01_inventory.csv", dtype=str).claim)
    table = pd.read_csv(figures / "04_troop_table.csv", dtype=str).set_index("figure")
    for mention in CASUALTIES:
        assert table.loc[mention, "kind"] == "killed or wounded"
        assert table.loc[mention, "on the chart"].startswith("not drawn: casualties")
    assert table.loc[INCREMENT, ["kind", "on the chart"]].tolist() == [
        "increment",
        "not drawn: an addition to an earlier count, not a total",
    ]
    assert table.loc[SENT, ["kind", "on the chart"]].tolist() == ["sent in all", "drawn"]
    drawn = pd.read_csv(figures / "04_troop_estimates.csv", dtype=str).set_index("claim_id")
    assert drawn.loc[claims.claim_id[SENT], "kind"] == "sent in all"
    assert not set(claims.claim_id[[*CASUALTIES, INCREMENT]]) & set(drawn.index)  # never drawn as a total
    index = pd.read_csv(figures / "index.csv", dtype=str, keep_default_na=False).set_index("figure")
    assert claims.claim_id[SENT] in index.claim_ids["04_troop_estimates"].split(";")
    troops = prose(root / "notebooks" / "04_troops.ipynb")
    not_drawn = troops[troops.index("Not drawn below") :].split("\n")[0]
    assert "killed or wounded: **" in not_drawn and f"increment: **{INCREMENT}**" in not_drawn
    assert all(f"**{m}**" in not_drawn for m in CASUALTIES)
    in_russia = troops[troops.index("puts the troops in Russia at") :].split("\n")[0]
    assert not any(f"**{m}**" in in_russia for m in (*CASUALTIES, INCREMENT))
    assert "one is a news agency's report (Voice of America)" in prose(root / "notebooks" / "00_corpus.ipynb")


@pytest.fixture(scope="module")
def both_added(tmp_path_factory):
    """One copy of the project with the made-up article and the real one added, reviewed and accepted as a person
    would (one after the other), then built once and checked by nbval strict. Returns the root, the made-up
    article's id, and the real one's (id, what ``review`` listed for it, the nbval run)."""
    tmp_path = tmp_path_factory.mktemp("whole-path")
    root, env = project(tmp_path, [p.name for p in notebook_paths()])
    added = twokoreas(root, env, "add", str(ARTICLE), "--outlet", "The Han River Courier")
    made_up = added.split()[1].rstrip(":")
    assert "review: draft" in twokoreas(root, env, "review")
    review(root / "data", made_up)
    assert "accepted" in twokoreas(root, env, "review", "--accept", made_up[:3])

    real = twokoreas(root, env, "add", str(REAL)).split()[1].rstrip(":")
    listed = twokoreas(root, env, "review")
    typed = {field: value for (_, field), value in TYPED.items()}
    edit_rows(root / "data" / "articles.csv", "article_id", {real: typed})
    assert "accepted" in twokoreas(root, env, "review", "--accept", real[:3]), listed
    twokoreas(root, env, "check")
    twokoreas(root, env, "run", "--rebuild")
    nbval = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "notebooks",
            "--nbval-sanitize-with",
            str(paths.ROOT / "tests" / "nbval_sanitize.cfg"),
        ],
        cwd=root,
        env={**env, paths.FIGURES_VARIABLE: str(tmp_path / "nbval-figures")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return root, made_up, (real, listed, nbval)
