"""`twokoreas add` drafts a new article's rows; drafts are never loaded, `check` names each until it is reviewed."""

import subprocess
import sys

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas import DataError
from twokoreas.cli.add import _number, accept, add_article, drafted_fields, review_problems
from twokoreas.data.loaders import validate_all
from twokoreas.text.numbers import parse_quantity

TEXT = """Seoul weighs shell sales as the North's troops reach the front
Updated 11/20/2024
South Korea is weighing the sale of artillery shells to European allies, officials said, after North Korea sent \
about 11,000 troops to Russia's Kursk region. Seoul has pledged $100 million in humanitarian aid for 2025, the \
foreign ministry said on 18 November.
"""


@pytest.fixture
def added(data_copy, tmp_path):
    source = tmp_path / "new.txt"
    source.write_text(TEXT, encoding="utf-8")
    article_id, counts = add_article(source, data_dir=data_copy)
    return data_copy, article_id, counts, source


def _fill(data_copy, article_id):
    """What a reviewer writes after reading the text."""
    path = data_copy / "articles.csv"
    articles = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = articles.article_id == article_id
    articles.loc[mine, ["kind", "outlet_description", "reliability_note"]] = [
        "news report",
        "an unnamed outlet",
        "No outlet or byline; a made-up text for the test.",
    ]
    articles.to_csv(path, index=False)
    path = data_copy / "claims.csv"
    claims = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = claims.article_id == article_id
    claims.loc[
        mine, ["attributed_to", "voice", "source_kind", "date_earliest", "date_latest", "date_basis", "date_evidence"]
    ] = ["own reporting", "own", "media", "2024-11-20", "2024-11-20", "bounded by article", "As of the update."]
    claims.loc[mine, "theme"] = ["troops", "aid"]
    claims.loc[mine, "actor"] = ["DPRK", "ROK"]
    claims.loc[mine, "quantity_of"] = ["North Korean troops in Kursk", "ROK humanitarian aid pledged for 2025"]
    claims.loc[mine, "fact_key"] = ["dprk_troops_kursk_11000", "rok_aid_pledge_2025"]
    claims.loc[mine, ["aid_status", "aid_status_words"]] = [["", ""], ["pledged or forecast", "has pledged"]]
    claims.to_csv(path, index=False)
    path = data_copy / "cross_check.csv"
    cross = pd.read_csv(path, dtype=str, keep_default_na=False)
    cross.loc[cross.review == "draft", ["measure", "reason"]] = ["none", "A pledge for 2025: nothing to hold."]
    cross.to_csv(path, index=False)


def test_add_copies_the_text_unchanged_and_drafts_every_number(added):
    data_copy, article_id, counts, source = added
    assert (data_copy / "raw" / "articles" / f"{article_id}.txt").read_bytes() == source.read_bytes()
    assert article_id.startswith("005_") and counts == {
        "articles": 1,
        "claims": 2,
        "not_quantities": 3,
        "cross_check": 1,
    }
    row = pd.read_csv(data_copy / "articles.csv", dtype=str, keep_default_na=False).iloc[-1]
    assert TEXT[int(row.body_start) :].startswith("Updated 11/20/2024")  # the body follows the headline
    assert (row.published_earliest, row.published_basis, row.outlet) == ("2024-11-20", "updated", "unknown")
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    assert list(claims[claims.article_id == article_id].mention) == ["about 11,000", "$100 million"]


def test_drafts_are_never_loaded_and_check_names_each_one(added):
    data_copy, article_id, counts, _ = added
    assert article_id not in set(tk.load_articles(data_copy).article_id)
    assert len(tk.load_claims(data_copy)) == len(tk.load_claims())
    problems = [str(p) for p in validate_all(data_copy)]
    assert len(problems) == sum(counts.values())
    assert any(
        p.endswith("claims.csv:44: review: draft, not yet reviewed: complete: check it against the text")
        for p in problems
    ), problems  # add drafted every field of it


def test_accept_refuses_incomplete_drafts_and_changes_nothing(added):
    data_copy, article_id, _, _ = added
    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    count, problems = accept(article_id[:3], data_copy)
    assert count == 0 and problems
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before


def test_reviewed_drafts_are_published(added):
    data_copy, article_id, counts, _ = added
    _fill(data_copy, article_id)
    count, problems = accept(article_id[:3], data_copy)
    assert problems == [] and count == sum(counts.values())
    assert validate_all(data_copy) == []
    claims = tk.load_claims(data_copy)
    assert set(claims[claims.article_id == article_id].fact_key) == {"dprk_troops_kursk_11000", "rok_aid_pledge_2025"}


@pytest.mark.parametrize(
    "content, kwargs, message",
    [
        (TEXT.replace("\n", "\r\n"), {}, "Windows line endings"),
        (TEXT, {"published": "20/11/2024"}, "not a YYYY-MM-DD date"),
        ("", {}, "empty file"),
    ],
)
def test_add_refuses_bad_input_in_one_line_and_writes_nothing(data_copy, tmp_path, content, kwargs, message):
    source = tmp_path / "bad.txt"
    source.write_bytes(content.encode("utf-8"))
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    with pytest.raises(DataError, match=message):
        add_article(source, data_dir=data_copy, **kwargs)
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before


def test_add_refuses_a_text_already_in_the_corpus(data_copy):
    existing = next((data_copy / "raw" / "articles").glob("003_*.txt"))
    with pytest.raises(DataError, match="already in the corpus as 003_"):
        add_article(existing, data_dir=data_copy)


def test_review_lists_no_drafts_on_the_curated_data():
    result = subprocess.run([sys.executable, "-m", "twokoreas", "review"], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "no drafts: every row is reviewed\n")


def test_a_figure_the_cleaner_cannot_read_is_published_once_a_reviewer_reads_it(data_copy, tmp_path):
    source = tmp_path / "unread.txt"
    source.write_text("Seoul sends aid\nSouth Korea said it would send 6.8m euros of aid to Kyiv.\n", encoding="utf-8")
    article_id, _ = add_article(source, data_dir=data_copy)
    path = data_copy / "claims.csv"
    claims = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = claims.article_id == article_id
    draft = claims[mine].iloc[0]
    assert (draft.mention, draft.value, draft.read_by) == ("6.8m", "", "reviewer")
    assert draft.note.startswith("needs_review:")
    articles = pd.read_csv(data_copy / "articles.csv", dtype=str, keep_default_na=False)
    articles.loc[
        articles.article_id == article_id,
        [
            "kind",
            "outlet_description",
            "reliability_note",
            "published_earliest",
            "published_basis",
            "published_earliest_evidence",
            "published_note",
        ],
    ] = [
        "news report",
        "an unnamed outlet",
        "A made-up text for the test.",
        "2022-02-24",
        "inferred",
        "unknown",
        "Undated: no earlier than the invasion it reports on.",
    ]
    articles.to_csv(data_copy / "articles.csv", index=False)
    end = str(int(draft.start) + len("6.8m euros"))
    claims.loc[
        mine,
        [
            "end",
            "mention",
            "value",
            "value_low",
            "value_high",
            "qualifier",
            "unit",
            "theme",
            "quantity_of",
            "actor",
            "recipient",
            "attributed_to",
            "voice",
            "source_kind",
            "date_earliest",
            "date_basis",
            "date_evidence",
            "fact_key",
            "aid_status",
            "aid_status_words",
            "note",
        ],
    ] = [
        end,
        "6.8m euros",
        "6800000",
        "6800000",
        "6800000",
        "exact",
        "EUR",
        "aid",
        "aid Seoul said it would send",
        "ROK",
        "Ukraine",
        "own reporting",
        "own",
        "media",
        "2022-02-24",
        "bounded by article",
        "Undated.",
        "rok_aid_6_8m_eur",
        "pledged or forecast",
        "would send",
        "Read by the reviewer: 'm' is million here.",
    ]
    claims.to_csv(path, index=False)
    cross = pd.read_csv(data_copy / "cross_check.csv", dtype=str, keep_default_na=False)
    cross.loc[cross.review == "draft", ["measure", "reason"]] = ["none", "A pledge: nothing to hold."]
    cross.to_csv(data_copy / "cross_check.csv", index=False)
    count, problems = accept(article_id[:3], data_copy)
    assert problems == [] and count > 0
    published = tk.load_claims(data_copy).set_index("fact_key").loc["rok_aid_6_8m_eur"]
    assert (published.value, published.read_by) == (6800000, "reviewer")


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"read_by": "reviewer"}, "claims.csv:2: read_by: the cleaner reads this mention, so read_by must be cleaner"),
        ({"read_by": "reviewer", "note": ""}, "claims.csv:2: note: a value read by the reviewer says in the note how"),
    ],
)
def test_a_reviewer_may_not_override_a_mention_the_cleaner_reads(data_copy, change, problem):
    path = data_copy / "claims.csv"
    claims = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column, value in change.items():
        claims.loc[0, column] = value
    claims.to_csv(path, index=False)
    problems = [str(p) for p in validate_all(data_copy)]
    assert len(problems) == 1 and problem in problems[0], problems


def _drafts(data_copy, article_id):
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    return claims[claims.article_id == article_id].set_index("mention")


def test_add_drafts_each_field_from_the_figures_sentence_with_its_evidence(added):
    data_copy, article_id, _, _ = added
    claims = _drafts(data_copy, article_id)
    troops, aid = claims.loc["about 11,000"], claims.loc["$100 million"]
    assert (troops.theme, troops.figure_kind, troops.actor, troops.recipient) == (
        "troops",
        "total sent",
        "DPRK",
        "Russia",
    )
    assert (troops.attributed_to, troops.voice, troops.source_kind) == (
        "officials",
        "paraphrased",
        "anonymous official",
    )
    assert (aid.theme, aid.figure_kind, aid.actor, aid.aid_status, aid.aid_status_words) == (
        "aid",
        "planned or pledged",
        "ROK",
        "pledged or forecast",
        "pledged",
    )
    assert (aid.quantity_of, aid.stated_date) == ("South Korean humanitarian aid for 2025", "2024-11-18")
    evidence = drafted_fields(article_id, data_copy).set_index(["claim_id", "field"]).evidence
    assert evidence[(aid.claim_id, "aid_status")] == "'pledged'"
    assert "'officials said'" in evidence[(troops.claim_id, "attributed_to")]
    cross = pd.read_csv(data_copy / "cross_check.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    assert cross.loc[aid.claim_id, "measure"] == "none"  # a pledge: the tracker counts allocations


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("In January, the NIS said about 300 North Korean soldiers had died.", "killed or wounded"),
        ("The paper said an additional 1,500 North Korean soldiers were deployed to Kursk.", "increment"),
        ("Pyongyang plans to send 12,000 troops in total, local media said.", "planned or pledged"),
        ("About 3,000 North Korean troops are stationed in Russia, the NIS said.", "in place"),
        ("North Korea sent about 11,000 troops to Russia, officials said.", "total sent"),
    ],
)
def test_what_a_figure_counts_is_drafted_from_its_words(data_copy, tmp_path, sentence, kind):
    source = tmp_path / "one.txt"
    source.write_text(f"North Korean troops\n{sentence}\n", encoding="utf-8")
    article_id, _ = add_article(source, data_dir=data_copy)
    assert _drafts(data_copy, article_id).figure_kind.tolist() == [kind]


def test_a_field_add_cannot_read_is_left_empty_and_review_asks_for_it(data_copy, tmp_path):
    source = tmp_path / "bare.txt"
    source.write_text("A note\nThe count was 12 on the day.\n", encoding="utf-8")
    article_id, _ = add_article(source, data_dir=data_copy)
    claim = _drafts(data_copy, article_id).iloc[0]
    assert (claim.theme, claim.figure_kind, claim.actor, claim.fact_key) == ("", "", "", "")
    problems = [str(p) for p in review_problems(article_id[:3], data_copy)]
    assert any("claims.csv:44: theme: missing value" in p for p in problems), problems


@pytest.mark.parametrize("value", [2 / 3, 0.1, 1 / 3 * 1e9, 1500.0, 40e6])
def test_a_drafted_value_reads_back_as_the_same_number(value):
    assert float(_number(value)) == value


def test_a_drafted_fraction_passes_the_check_accept_runs(data_copy, tmp_path):
    source = tmp_path / "fraction.txt"
    source.write_text(
        "Seoul's aid\nSouth Korea has sent two-thirds of its aid to Ukraine, officials said.\n", encoding="utf-8"
    )
    article_id, _ = add_article(source, data_dir=data_copy)
    claim = _drafts(data_copy, article_id).iloc[0]
    assert float(claim.value) == parse_quantity(claim.name).value == 2 / 3
    problems = [str(p) for p in review_problems(article_id[:3], data_copy)]
    assert not any(": value:" in p for p in problems), problems
    cross = pd.read_csv(data_copy / "cross_check.csv", dtype=str, keep_default_na=False)
    assert claim.claim_id in set(cross.claim_id)  # South Korean aid, though not money: drafted for the tracker


def test_review_lists_every_problem_accept_would_raise_at_once_and_changes_nothing(added):
    data_copy, article_id, _, _ = added
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[claims.article_id == article_id, "source_kind"] = ""  # a claim problem beside the article's own
    claims.to_csv(data_copy / "claims.csv", index=False)
    before = {p.name: p.read_bytes() for p in data_copy.rglob("*.csv")}
    listed = {str(p) for p in review_problems(article_id[:3], data_copy)}
    assert {p.name: p.read_bytes() for p in data_copy.rglob("*.csv")} == before
    fields = {p.split(": ")[1] for p in listed}
    assert {"kind", "outlet_description", "reliability_note", "source_kind"} <= fields, listed
    _fill(data_copy, article_id)  # the article's cells typed: accept raises exactly what review listed
    claims = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[claims.article_id == article_id, "source_kind"] = ""
    claims.to_csv(data_copy / "claims.csv", index=False)
    listed = {str(p) for p in review_problems(article_id[:3], data_copy)}
    count, problems = accept(article_id[:3], data_copy)
    assert count == 0 and {str(p) for p in problems} == listed and listed


def test_the_readme_commands_for_adding_an_article_run_as_written_from_the_project_root():
    readme = (tk.paths.ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Adding an article") :]
    block = section[section.index("```sh\n") + 6 : section.index("```", section.index("```sh\n") + 6)]
    commands = [line.split("#")[0].split() for line in block.splitlines() if line.split("#")[0].strip()]
    assert [c[0] for c in commands] == [".venv/bin/twokoreas"] * 3 + ["make"]
    for command in commands[:3]:
        done = subprocess.run([command[0], command[1], "--help"], cwd=tk.paths.ROOT, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stderr)
