"""The reliability campaign's data faults (corpus, curated CSV, Kiel reference), replayed through ``twokoreas
check`` (in this process: :func:`faultlib.check`) on a copy of the project's data.

Each case is named by what it breaks (its campaign id is beside the name, for traceability) and asserts the
exit status, that every printed line is a located ``file[:line]: field: problem`` message without internal
text, that one names the expected file, line and field, and that the command left the tree exactly as it found
it. Cases that need more than one located line (meaning, one line per fault) are in
``test_campaign_meaning.py`` and ``test_campaign_text.py``.
"""

import hashlib
import shutil
from dataclasses import dataclass, field
from typing import Callable

import pytest

from twokoreas import paths

from faultlib import ARTICLE_001, KIEL, TABLES, Table, assert_clear, check, data_project, lines_of, reregister, snapshot

DATA_EXPLORER = f"{KIEL}/data_explorer.csv"


@dataclass
class Case:
    #: What the case breaks (the test id), and the campaign's id for it (for traceability).
    name: str
    campaign: str
    mutate: Callable
    #: None: the fault is legitimate input, check passes silently. Otherwise the (file, line, field)
    #: locations the lines must name (line or field None: any), all of them or, with ``any_of``, one.
    expect: list = field(default=None)
    any_of: bool = False


def table(data, name):
    return Table(data / (name if name.endswith(".csv") else f"{name}.csv"))


def edit(path, old, new):
    text = path.read_bytes()
    assert old in text, f"{old!r} not in {path}"
    path.write_bytes(text.replace(old, new, 1))


def resha_article(data, relative):
    """Record an article's current SHA-256 in articles.csv (as if the file had been re-saved on purpose)."""
    digest = hashlib.sha256((data / relative).read_bytes()).hexdigest()
    articles = table(data, "articles")
    articles.set(articles.find("file", relative), "sha256", digest).write()


def appended_line(name):
    """The line a row appended to ``data/name`` lands on."""
    return len((paths.DATA / name).read_bytes().splitlines()) + 1


def at(name, line=None, column=None):
    return [(f"data/{name}", line, column)]


ARTICLE_ROW = at("articles.csv", 3, "file") + [(f"data/{ARTICLE_001}", None, None)]


def _byte_changed(data):
    raw = bytearray((data / ARTICLE_001).read_bytes())
    raw[500:501] = b"X"
    (data / ARTICLE_001).write_bytes(bytes(raw))


def _reencoded(encoding, resha):
    def mutate(data):
        path = data / ARTICLE_001
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
        if resha:
            resha_article(data, ARTICLE_001)

    return mutate


def _emptied(resha):
    def mutate(data):
        (data / ARTICLE_001).write_bytes(b"")
        if resha:
            resha_article(data, ARTICLE_001)

    return mutate


def _png_article(data):
    (data / ARTICLE_001).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    resha_article(data, ARTICLE_001)


def _large_article(data):
    """The campaign used 50 MB (2,500 copies); 5 MB keeps CI fast: check then takes ~50 s for 50 MB."""
    path = data / ARTICLE_001
    path.write_bytes(path.read_bytes() * 250)
    resha_article(data, ARTICLE_001)


def _crlf_sha_left(data):
    path = data / ARTICLE_001
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _blank_and_bom(name):
    def mutate(data):
        path = data / f"{name}.csv"
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes() + b"\n\n\n")

    return mutate


def _emptied_table(name):
    return lambda data: (data / f"{name}.csv").write_bytes(b"")


# A column each table must have (the campaign's choice), and a plain column whose loss raises no other check.
MISSING_COLUMN = {
    "articles": "file",
    "boilerplate": "start",
    "claims": "article_id",
    "codebook": "code",
    "cross_check": "measure",
    "donor_regions": "country",
    "events": "date_earliest",
    "exchange_rates": "usd_per_eur",
    "fact_relations": "relation",
    "markers": "pattern",
    "not_quantities": "article_id",
    "reference_files": "sha256",
}


def _extra_and_missing(name):
    return lambda data: table(data, name).addcol("extra", "x").dropcol(MISSING_COLUMN[name]).write()


def _set(name, row, **values):
    def mutate(data):
        t = table(data, name)
        for column, value in values.items():
            t.set(row, column, value)
        t.write()

    return mutate


def _kiel(mutation):
    def mutate(data):
        mutation(table(data, DATA_EXPLORER)).write()
        reregister(data.parent, DATA_EXPLORER)

    return mutate


def _swap(t, a, b):
    i, j = t.header.index(a), t.header.index(b)
    for r in t.rows:
        r[i], r[j] = r[j], r[i]
    return t


def _kor_negative(t):
    return t.set(next(n for n, r in enumerate(t.rows) if r[1] == "KOR" and r[2] == "2023"), "military", "-5.0")


def _utf16_kiel(data):
    path = data / DATA_EXPLORER
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    reregister(data.parent, DATA_EXPLORER)


def _second_release(data):
    with open(data / f"{KIEL}/release_info.csv", "a", encoding="utf-8") as handle:
        handle.write('"30","05/2026","2026-09-01","Release 30"\n')
    reregister(data.parent, f"{KIEL}/release_info.csv")


def _unquoted_comma(data):
    """Claim row 4's quantity_of written without the quotes that protect its comma."""
    claims = table(data, "claims")
    value = claims.get(4, "quantity_of")
    assert "," in value
    claims.set(4, "quantity_of", "@@").write()
    edit(data / "claims.csv", b"@@", value.encode())


def _markers_deleted(data):
    (data / "markers.csv").unlink()


CASES = [
    Case("nothing-changed", "C00", lambda data: None),
    Case("article-byte-changed", "C01", _byte_changed, at("articles.csv", 3, "sha256")),
    Case("article-deleted", "C02", lambda data: (data / ARTICLE_001).unlink(), ARTICLE_ROW, any_of=True),
    Case(
        "unlisted-article-copy-added",
        "C03",
        lambda data: shutil.copyfile(data / ARTICLE_001, data / "raw/articles/005_extra.txt"),
    ),
    Case(
        "article-renamed",
        "C04",
        lambda data: (data / ARTICLE_001).rename(data / "raw/articles/001_renamed.txt"),
        ARTICLE_ROW,
        any_of=True,
    ),
    Case("article-emptied", "C05", _emptied(resha=False), at("articles.csv", 3, "sha256")),
    Case(
        "article-emptied-and-its-sha-updated",
        "C06",
        _emptied(resha=True),
        at("articles.csv", 3) + [(f"data/{ARTICLE_001}", None, None)],
        any_of=True,
    ),
    Case("article-in-cp1252-and-its-sha-updated", "C07", _reencoded("cp1252", resha=True), ARTICLE_ROW, any_of=True),
    Case("article-in-cp1252", "C07b", _reencoded("cp1252", resha=False), at("articles.csv", 3, "sha256")),
    Case("article-in-utf16-and-its-sha-updated", "C08", _reencoded("utf-16", resha=True), ARTICLE_ROW, any_of=True),
    Case("article-replaced-by-a-png", "C09", _png_article, ARTICLE_ROW, any_of=True),
    Case("article-given-crlf", "C10", _crlf_sha_left, at("articles.csv", 3, "sha256")),
    Case(
        "article-repeated-to-5-mb", "C12", _large_article, at("not_quantities.csv", None, "start")
    ),  # the copies add uncovered numbers
    Case(
        "every-table-given-a-bom-and-blank-lines",
        "G-*-blank+bom",
        lambda data: [_blank_and_bom(name)(data) for name in TABLES],
    ),
    *[Case(f"{name}-file-emptied", f"G-{name}-empty", _emptied_table(name), at(f"{name}.csv")) for name in TABLES],
    *[
        Case(
            f"{name}-column-added-and-one-dropped",
            f"G-{name}-extra+miss",
            _extra_and_missing(name),
            at(f"{name}.csv", None, "extra") + at(f"{name}.csv", None, MISSING_COLUMN[name]),
        )
        for name in TABLES
    ],
    Case(
        "tracker-byte-changed",
        "K01",
        lambda data: edit(data / DATA_EXPLORER, b"2022,2,0.002645,", b"2022,2,0.002646,"),
        at("reference_files.csv", 2, "sha256"),
    ),
    Case("tracker-column-dropped", "K02", _kiel(lambda t: t.dropcol("military")), at(DATA_EXPLORER, None, "military")),
    Case(
        "tracker-column-renamed",
        "K03",
        _kiel(lambda t: t.renamecol("total", "Total")),
        at(DATA_EXPLORER, None, "total"),
    ),
    Case("tracker-columns-swapped", "K04", _kiel(lambda t: _swap(_swap(t, "total", "gdp"), "iso", "country"))),
    Case(
        "tracker-row-duplicated", "K06", _kiel(lambda t: t.duprow(1)), at(DATA_EXPLORER, appended_line(DATA_EXPLORER))
    ),
    Case(
        "tracker-value-not-a-number",
        "K07",
        _kiel(lambda t: t.set(3, "military", "n/a")),
        at(DATA_EXPLORER, 4, "military"),
    ),
    Case("tracker-total-empty", "K08", _kiel(lambda t: t.set(3, "total", "")), at(DATA_EXPLORER, 4, "total")),
    Case("tracker-month-13", "K09", _kiel(lambda t: t.set(3, "month", "13")), at(DATA_EXPLORER, 4, "month")),
    Case(
        "tracker-file-deleted",
        "K11",
        lambda data: (data / DATA_EXPLORER).unlink(),
        at("reference_files.csv", 2, "file"),
    ),
    Case("tracker-second-release", "K12", _second_release, at(f"{KIEL}/release_info.csv")),
    Case("tracker-negative-military-aid", "K14", _kiel(_kor_negative)),
    Case("tracker-in-utf16", "K15", _utf16_kiel, at(DATA_EXPLORER)),
    Case(
        "article-body-end-before-start",
        "S-ar-body",
        _set("articles", 2, body_end="10"),
        at("articles.csv", 3, "body_end"),
    ),
    Case(
        "article-body-end-past-the-text",
        "S-ar-bodyout",
        _set("articles", 1, body_end="999999"),
        at("articles.csv", 2, "body_end"),
    ),
    Case(
        "article-date-not-iso",
        "S-ar-date",
        _set("articles", 1, published_earliest="12/10/2022"),
        at("articles.csv", 2, "published_earliest"),
    ),
    Case(
        "article-id-duplicated",
        "S-ar-dup",
        lambda data: table(data, "articles").dupid(1, 2).write(),
        at("articles.csv", 3, "article_id"),
    ),
    Case("article-kind-off-vocabulary", "S-ar-kind", _set("articles", 1, kind="blog"), at("articles.csv", 2, "kind")),
    Case(
        "article-sha-upper-case",
        "S-ar-shaup",
        lambda data: (lambda t: t.set(1, "sha256", t.get(1, "sha256").upper()).write())(table(data, "articles")),
        at("articles.csv", 2, "sha256"),
    ),
    Case(
        "boilerplate-unknown-article",
        "S-bp-art",
        _set("boilerplate", 3, article_id="999_x"),
        at("boilerplate.csv", 10, "article_id"),
    ),
    Case(
        "codebook-status-row-deleted",
        "S-cb-delstatus",
        lambda data: table(data, "codebook").delrow(14).write(),
        at("events.csv", 7, "status"),
    ),
    Case("codebook-code-duplicated", "S-cb-dup", _set("codebook", 2, code="0"), at("codebook.csv", 3)),
    Case("codebook-rung-out-of-range", "S-cb-rung", _set("codebook", 1, code="8"), at("codebook.csv", 2, "code")),
    Case(
        "cross-check-claim-duplicated",
        "S-cc-dup",
        lambda data: table(data, "cross_check").dupid(1, 2).write(),
        at("cross_check.csv", 3, "claim_id"),
    ),
    Case(
        "cross-check-measure-off-vocabulary",
        "S-cc-measure",
        _set("cross_check", 1, measure="grants"),
        at("cross_check.csv", 2, "measure"),
    ),
    Case(
        "cross-check-month-13",
        "S-cc-month",
        _set("cross_check", 1, first_month="2022-13"),
        at("cross_check.csv", 2, "first_month"),
    ),
    Case(
        "cross-check-month-not-iso",
        "S-cc-month2",
        _set("cross_check", 1, first_month="10/2022"),
        at("cross_check.csv", 2, "first_month"),
    ),
    Case(
        "cross-check-months-out-of-order",
        "S-cc-order",
        _set("cross_check", 1, last_month="2021-01"),
        at("cross_check.csv", 2, "last_month"),
    ),
    Case(
        "cross-check-unknown-claim",
        "S-cc-unk",
        _set("cross_check", 1, claim_id="999-99"),
        at("cross_check.csv", 2, "claim_id"),
    ),
    Case(
        "claim-unknown-article", "S-cl-art", _set("claims", 2, article_id="999_nope"), at("claims.csv", 3, "article_id")
    ),
    Case("claim-comma-unquoted", "S-cl-comma", _unquoted_comma, at("claims.csv", 5) + at("claims.csv"), any_of=True),
    Case(
        "claims-given-crlf",
        "S-cl-crlf",
        lambda data: (data / "claims.csv").write_bytes((data / "claims.csv").read_bytes().replace(b"\n", b"\r\n")),
    ),
    Case(
        "claim-date-with-slashes",
        "S-cl-date1",
        _set("claims", 1, date_earliest="2022/10/12"),
        at("claims.csv", 2, "date_earliest"),
    ),
    Case(
        "claim-date-day-first",
        "S-cl-date2",
        _set("claims", 2, date_earliest="12-10-2022"),
        at("claims.csv", 3, "date_earliest"),
    ),
    Case(
        "claim-date-february-30",
        "S-cl-date3",
        _set("claims", 3, date_earliest="2022-02-30"),
        at("claims.csv", 4, "date_earliest"),
    ),
    Case(
        "claim-stated-date-in-words",
        "S-cl-date4",
        _set("claims", 4, stated_date="October 2022"),
        at("claims.csv", 5, "stated_date"),
    ),
    Case(
        "claim-id-duplicated",
        "S-cl-dupid",
        lambda data: table(data, "claims").dupid(1, 5).write(),
        at("claims.csv", 6, "claim_id"),
    ),
    Case(
        "claim-row-duplicated",
        "S-cl-duprow",
        lambda data: table(data, "claims").duprow(3).write(),
        at("claims.csv", appended_line("claims.csv"), "claim_id"),
    ),
    Case("claim-id-empty", "S-cl-emptyid", _set("claims", 2, claim_id=""), at("claims.csv", 3, "claim_id")),
    Case("claim-span-end-before-start", "S-cl-endlt", _set("claims", 3, end="2000"), at("claims.csv", 4, "end")),
    Case("claim-value-high-infinite", "S-cl-inf", _set("claims", 5, value_high="inf"), at("claims.csv", 6)),
    Case("claim-value-nan", "S-cl-nan", _set("claims", 3, value="NaN"), at("claims.csv", 4)),
    Case("claim-open-upper-bound-written-nan", "S-cl-nanb", _set("claims", 5, value_high="NaN")),
    Case("claim-span-start-negative", "S-cl-neg", _set("claims", 1, start="-5"), at("claims.csv", 2, "start")),
    Case(
        "claim-value-negative",
        "S-cl-negval",
        _set("claims", 1, value="-4", value_low="-4", value_high="-4"),
        at("claims.csv", 2),
    ),
    Case(
        "claim-qualifier-off-vocabulary",
        "S-cl-qual",
        _set("claims", 1, qualifier="roughly"),
        at("claims.csv", 2, "qualifier"),
    ),
    Case(
        "claim-qualifier-disagrees-with-mention",
        "S-cl-qual2",
        _set("claims", 3, qualifier="approximately"),
        at("claims.csv", 4),
    ),
    Case("claim-note-with-quotes-and-commas", "S-cl-quoted", _set("claims", 1, note='a, b, "c"')),
    Case(
        "claim-span-past-the-text",
        "S-cl-spanout",
        _set("claims", 3, start="100000", end="100011"),
        at("claims.csv", 4, "mention"),
    ),
    Case(
        "claim-span-shifted",
        "S-cl-spanshift",
        _set("claims", 3, start="2060", end="2071"),
        at("claims.csv", 4, "mention"),
    ),
    Case("claim-unit-off-vocabulary", "S-cl-unit", _set("claims", 3, unit="dollars"), at("claims.csv", 4, "unit")),
    Case("claim-value-disagrees-with-mention", "S-cl-value", _set("claims", 3, value="45000000"), at("claims.csv", 4)),
    Case(
        "claim-value-and-bounds-disagree-with-mention",
        "S-cl-value2",
        _set("claims", 3, value="45000000", value_low="45000000", value_high="45000000"),
        at("claims.csv", 4),
    ),
    Case(
        "donor-region-duplicated",
        "S-dr-dup",
        lambda data: table(data, "donor_regions").dupid(1, 2).write(),
        at("donor_regions.csv", 3, "iso"),
    ),
    Case(
        "donor-region-off-vocabulary",
        "S-dr-region",
        _set("donor_regions", 1, region="Oceania"),
        at("donor_regions.csv", 2, "region"),
    ),
    Case(
        "event-category-off-vocabulary",
        "S-ev-cat",
        _set("events", 2, category="cyber"),
        at("events.csv", 3, "category"),
    ),
    Case(
        "event-date-in-words",
        "S-ev-date",
        _set("events", 2, date_earliest="March 2022"),
        at("events.csv", 3, "date_earliest"),
    ),
    Case(
        "event-id-duplicated",
        "S-ev-dup",
        lambda data: table(data, "events").dupid(1, 3).write(),
        at("events.csv", 4, "event_id"),
    ),
    Case("event-span-negative", "S-ev-neg", _set("events", 2, start="-10", end="-1"), at("events.csv", 3, "start")),
    Case("event-span-moved", "S-ev-quote", _set("events", 1, start="12016"), at("events.csv", 2, "quote")),
    Case("event-rung-off-codebook", "S-ev-rung", _set("events", 1, rung="9"), at("events.csv", 2, "rung")),
    Case(
        "event-span-past-the-text",
        "S-ev-spanout",
        _set("events", 1, start="900000", end="900138"),
        at("events.csv", 2, "quote"),
    ),
    Case(
        "event-status-off-codebook", "S-ev-status", _set("events", 1, status="rumoured"), at("events.csv", 2, "status")
    ),
    Case(
        "fact-relation-duplicated",
        "S-fr-dup",
        lambda data: table(data, "fact_relations").duprow(1).write(),
        at("fact_relations.csv", appended_line("fact_relations.csv")),
    ),
    Case(
        "fact-relation-unknown-key",
        "S-fr-key",
        _set("fact_relations", 1, fact_key="no_such_fact"),
        at("fact_relations.csv", 2, "fact_key"),
    ),
    Case(
        "fact-relation-off-vocabulary",
        "S-fr-rel",
        _set("fact_relations", 1, relation="contradicts"),
        at("fact_relations.csv", 2, "relation"),
    ),
    Case(
        "exchange-rate-year-duplicated",
        "S-fx-dup",
        _set("exchange_rates", 3, year="2023"),
        at("exchange_rates.csv", 4, "year"),
    ),
    Case("exchange-rate-inverted", "S-fx-inv", _set("exchange_rates", 2, usd_per_eur="0.9248")),
    Case(
        "exchange-rate-nan",
        "S-fx-nan",
        _set("exchange_rates", 2, usd_per_eur="NaN"),
        at("exchange_rates.csv", 3, "usd_per_eur"),
    ),
    Case(
        "exchange-rate-negative",
        "S-fx-neg",
        _set("exchange_rates", 2, usd_per_eur="-1.0813"),
        at("exchange_rates.csv", 3, "usd_per_eur"),
    ),
    Case("markers-file-deleted", "S-missing", _markers_deleted, at("markers.csv")),
    Case(
        "marker-duplicated",
        "S-mk-dup",
        lambda data: table(data, "markers").dupid(1, 2).write(),
        at("markers.csv", 3, "marker"),
    ),
    Case(
        "marker-framing-off-vocabulary",
        "S-mk-framing",
        _set("markers", 1, framing="neutral"),
        at("markers.csv", 2, "framing"),
    ),
    Case("marker-pattern-invalid", "S-mk-regex", _set("markers", 1, pattern="(Kiev"), at("markers.csv", 2, "pattern")),
    Case(
        "not-quantity-id-duplicated",
        "S-nq-dup",
        lambda data: table(data, "not_quantities").dupid(2, 4).write(),
        at("not_quantities.csv", 5, "token_id"),
    ),
    Case(
        "not-quantity-reason-off-vocabulary",
        "S-nq-reason",
        _set("not_quantities", 2, reason="page number"),
        at("not_quantities.csv", 3, "reason"),
    ),
    Case(
        "not-quantity-span-past-the-text",
        "S-nq-span",
        _set("not_quantities", 2, start="99999", end="100002"),
        at("not_quantities.csv", 3, "mention"),
    ),
    Case(
        "reference-file-path-missing",
        "S-rf-path",
        _set("reference_files", 1, file=f"{KIEL}/missing.csv"),
        at("reference_files.csv", 2, "file"),
    ),
    Case(
        "reference-file-sha-wrong",
        "S-rf-sha",
        _set("reference_files", 1, sha256="0" * 64),
        at("reference_files.csv", 2, "sha256"),
    ),
    Case(
        "reference-file-sha-upper-case",
        "S-rf-upper",
        lambda data: (lambda t: t.set(1, "sha256", t.get(1, "sha256").upper()).write())(table(data, "reference_files")),
        at("reference_files.csv", 2, "sha256"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_names_the_fault_or_accepts_legitimate_input(tmp_path, case):
    """One campaign case (``case.campaign``), replayed on a copy of data/ with ``check`` run in this process."""
    project = data_project(tmp_path)
    case.mutate(project / "data")
    before = snapshot(project)
    result = check(project)
    if case.expect is None:
        assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), lines_of(result)
    else:
        assert result.returncode == 1, lines_of(result)
        failures = []
        for file, line, column in case.expect:
            try:
                assert_clear(lines_of(result), file, line, column)
            except AssertionError as err:
                failures.append(err)
        assert len(failures) < len(case.expect) if case.any_of else not failures, failures
    assert snapshot(project) == before, "check changed the tree"
