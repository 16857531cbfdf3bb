"""The three stance measures, the orderings and the Goldstein sums, on small event sets of their own."""

import pandas as pd
import pytest

import twokoreas as tk
from twokoreas.analysis import stance

COLUMNS = [
    "event_id",
    "date",
    "precision",
    "actor",
    "rung",
    "status",
    "action",
    "source_actor",
    "claimed_status",
    "responds_to",
    "cameo_target",
    "goldstein",
]


def events(*rows):
    """Events dated as intervals: a day, a whole month (``month``), a year from the invasion (``2022``), or
    open-ended (``or later``)."""
    frame = pd.DataFrame([row + ("",) * (len(COLUMNS) - len(row)) for row in rows], columns=COLUMNS)
    frame["date_earliest"] = pd.to_datetime(frame.date)
    frame["date_latest"] = frame.date_earliest.where(
        frame.precision == "day", frame.date_earliest + pd.offsets.MonthEnd(0)
    )
    frame.loc[frame.precision == "2022", "date_latest"] = pd.Timestamp("2022-12-31")
    frame.loc[frame.precision == "or later", "date_latest"] = pd.NaT
    frame["source_actor"] = frame.source_actor.where(frame.source_actor != "", frame.actor)
    frame["goldstein"] = pd.to_numeric(frame.goldstein.replace("", None))
    return frame.drop(columns=["date", "precision"])


# South Korea goes up to indirect lethal support in early 2023, then de-escalates: in the second half of 2023
# it does only diplomacy and says no to lethal aid; the North escalates in 2024.
DEESCALATION = events(
    ("A1", "2022-03-01", "day", "ROK", 3, "done", "aid", "", "", "", "Ukraine", "7.4"),
    ("A2", "2022-11-01", "month", "ROK", 6, "announced", "lethal aid announced"),
    ("A3", "2022-11-01", "or later", "ROK", 6, "withdrawn", "backs off", "", "", "A2"),
    ("A4", "2023-03-01", "month", "ROK", 5, "done", "shells lent", "", "", "", "Ukraine", "8.3"),
    ("A5", "2023-04-10", "day", "ROK", 6, "considered", "arms if atrocities"),
    ("A6", "2023-05-10", "day", "ROK", 6, "denied", "position unchanged: no lethal aid"),
    ("A7", "2023-09-01", "day", "ROK", 1, "done", "statement", "", "", "", "Russia", "-2.0"),
    ("A8", "2022-06-01", "2022", "ROK", 7, "alleged", "volunteers fight", "Russia"),
    ("A9", "2022-02-24", "or later", "ROK", 2, "done", "sanctions, undated", "", "", "", "Russia", "-8.0"),
    ("B1", "2022-10-12", "day", "DPRK", -1, "done", "UN vote", "", "", "", "Russia", "3.5"),
    ("B2", "2024-06-19", "day", "DPRK", -1, "done", "treaty", "", "", "", "Russia", "8.0"),
    ("B3", "2024-10-08", "day", "DPRK", -7, "done", "troops", "ROK", "", "", "Russia", "8.5"),
    ("B4", "2024-10-20", "day", "DPRK", -6, "alleged", "shells", "USA", "done", "", "Russia", "8.3"),
    ("A10", "2024-06-20", "day", "ROK", 6, "considered", "review arms", "", "", "B2"),
    ("A11", "2024-10-20", "day", "ROK", 6, "considered", "weapons considered"),
)
HALVES = stance.periods(2022, 2024, months=6, start="2022-02-24")


def posture_of(actor, **options):
    table = stance.posture(DEESCALATION, HALVES, **options)
    return table[table.actor == actor].set_index("period")


def test_furthest_step_so_far_only_rises_and_leaves_out_what_cannot_be_placed():
    steps = stance.furthest(DEESCALATION, "ROK")
    assert list(steps.event_id) == ["A1", "A4"]  # A7 (rung 1) is later but not further; A9 is open-ended
    assert steps.date.iloc[-1] == pd.Timestamp("2023-03-31")  # known by the end of March
    assert list(stance.undated(DEESCALATION).event_id) == ["A3", "A9"]


def test_posture_shows_a_de_escalation_that_the_furthest_step_hides():
    rok = posture_of("ROK")
    assert rok.done["2023 H1"] == 5 and rok.done["2023 H2"] == 1 and rok.done_step["2023 H1"] == "A4"
    assert stance.furthest_by(DEESCALATION, "ROK", "2023-12-31").rung == 5
    assert pd.isna(rok.done["2024 H1"])  # nothing done in the period is empty, not zero
    assert rok.denied_ids["2023 H1"] == "A6 (+6)"


def test_posture_counts_only_events_whose_whole_interval_lies_in_the_period():
    rok = posture_of("ROK")
    assert rok.done["2022 H1"] == 3  # A1, a known day
    assert "A8" not in rok.alleged_ids["2022 H1"] + rok.alleged_ids["2022 H2"]  # dated only to 2022
    assert list(stance.spanning(DEESCALATION, HALVES).event_id) == ["A8"]
    assert HALVES.start[0] == pd.Timestamp("2022-02-24")


def test_intentions_lapse_when_withdrawn_denied_or_after_the_window():
    table = stance.intentions(DEESCALATION, window_days=180, end="2024-12-31").set_index("event_id")
    assert table.lapse["A2"] == "withdrawn (A3)"  # linked by the text, though A3's date is open
    assert table.until["A2"] == pd.Timestamp("2022-11-01")  # the earliest day the withdrawal could have come
    assert table.lapse["A5"] == "denied (A6)"
    assert table.lapse["A10"] == "window of 180 days"
    assert not table.current_at_end["A10"] and table.current_at_end["A11"]
    assert list(stance.current_intentions(DEESCALATION, "2023-04-30").event_id) == ["A5"]
    assert stance.current_intentions(DEESCALATION, "2023-06-30").empty


def test_without_a_window_only_a_denial_or_withdrawal_ends_an_intention():
    table = stance.intentions(DEESCALATION, window_days=None, end="2024-12-31").set_index("event_id")
    assert table.current_at_end["A10"] and table.lapse["A10"] == "none"
    short = stance.intentions(DEESCALATION, window_days=20, end="2024-12-31").set_index("event_id")
    assert short.lapse["A5"] == "window of 20 days"  # the window comes before the denial


def test_a_denial_of_a_smaller_step_does_not_end_a_larger_intention():
    smaller = DEESCALATION.assign(rung=DEESCALATION.rung.where(DEESCALATION.event_id != "A6", 4))
    assert stance.intentions(smaller, window_days=None).set_index("event_id").lapse["A5"] == "none"


def test_alleged_events_count_as_what_they_allege_only_when_asked():
    assert stance.furthest(DEESCALATION, "DPRK").event_id.iloc[-1] == "B3"
    dprk = posture_of("DPRK", alleged_counts=True)
    assert "B4 (-6)" in dprk.done_ids["2024 H2"]
    rok = stance.furthest(DEESCALATION, "ROK", alleged_counts=True)
    assert list(rok.event_id) == ["A1", "A8"]  # A8's interval (2022) places it only by the year's end
    assert rok.date.iloc[-1] == pd.Timestamp("2022-12-31")


def test_every_third_party_claim_alleged_turns_the_norths_troops_into_an_allegation():
    strict = stance.furthest(DEESCALATION, "DPRK", third_party_alleged=True)
    assert list(strict.event_id) == ["B1"]
    assert stance.furthest(DEESCALATION, "ROK", third_party_alleged=True).event_id.iloc[-1] == "A4"


def test_orderings_rank_categories_and_comparisons_can_flip():
    low_loan = events(
        ("C1", "2023-01-10", "day", "ROK", 2, "done", "loan"), ("D1", "2023-01-12", "day", "DPRK", -3, "done", "aid")
    )
    spans = stance.periods(2023, 2023, months=6)
    swapped = stance.swapped("loan above aid", 2, 3)
    table = stance.posture_compared(low_loan, spans, [stance.LADDER, swapped]).set_index("period")
    assert table.loc["2023 H1", "codebook ladder"] == "DPRK"
    assert table.loc["2023 H1", "loan above aid"] == "ROK"
    assert table.loc["2023 H2", "codebook ladder"] == "neither"


def test_an_event_ranked_apart_sits_between_two_rungs():
    treaty = stance.ranked_apart("treaty above a vote", ["B2"], just_above=1)
    assert treaty.rank("B2", -1) > treaty.rank("B1", -1) and treaty.rank("B2", -1) < treaty.rank("X", 2)
    dprk = stance.furthest(DEESCALATION, "DPRK", treaty)
    assert list(dprk.event_id) == ["B1", "B2", "B3"]
    assert list(stance.furthest(DEESCALATION, "DPRK").event_id) == ["B1", "B3"]


def test_furthest_compared_reads_who_had_gone_further_by_each_period_end():
    table = stance.furthest_compared(DEESCALATION, HALVES, [stance.LADDER]).set_index("period")["codebook ladder"]
    assert table["2022 H1"] == "only ROK" and table["2023 H2"] == "ROK" and table["2024 H2"] == "DPRK"


def test_goldstein_sums_split_by_target_and_sign():
    sums = stance.goldstein(DEESCALATION, HALVES)
    rok = sums[sums.actor == "ROK"].set_index("period")
    assert rok.loc["2023 H2", "conflict with Russia"] == -2.0
    assert rok.loc["2023 H1", "cooperation toward Ukraine"] == 8.3
    assert rok.loc["2024 H1", "events"] == 0
    dprk = sums[sums.actor == "DPRK"].set_index("period")
    assert dprk.loc["2024 H2", "cooperation toward Russia"] == 8.5  # the alleged shells are left out


def test_text_links_are_listed_as_given():
    assert stance.responses(DEESCALATION).values.tolist() == [["A3", "A2"], ["A10", "B2"]]


@pytest.mark.parametrize("months, first", [(6, "2022 H1"), (3, "2022 Q1")])
def test_periods_are_named_and_contiguous(months, first):
    spans = stance.periods(2022, 2023, months=months)
    assert spans.period[0] == first
    assert ((spans.start.shift(-1) - spans.end).dropna() == pd.Timedelta(days=1)).all()


def claims(*rows):
    """Events for the corroboration rule: id, actor, status, claimed, source_actor, corroborated_by, record_ids."""
    columns = ["event_id", "actor", "status", "claimed_status", "source_actor", "corroborated_by", "record_ids"]
    return pd.DataFrame(rows, columns=columns)


RECORD = pd.DataFrame({"record_id": ["R1", "R2"], "source_actor": ["DPRK", "USA"]})


def votes(resolution, read, rok_basis, dprk_basis):
    """One row of the UN votes table, as the corroboration rule reads it."""
    return pd.DataFrame(
        [{"resolution": resolution, "un_record_read": read, "rok_basis": rok_basis, "dprk_basis": dprk_basis}]
    )


@pytest.mark.parametrize("korea, other", [("ROK", "DPRK"), ("DPRK", "ROK")])
def test_the_corroboration_rule_applies_to_both_koreas_alike(korea, other):
    table = stance.corroboration(
        claims(
            ("C1", korea, "done", "", korea, "", ""),  # its own word
            ("C2", korea, "alleged", "done", other, "", ""),  # one government, the other Korea's
            ("C3", korea, "alleged", "done", other, "C4", ""),  # two governments
            ("C4", korea, "alleged", "done", "USA", "C3", ""),
            ("C5", korea, "alleged", "announced", "none", "C1", ""),  # the actor confirms it in a text
            ("C6", korea, "denied", "", "none", "", ""),  # not a step: the rule does not apply
            ("C7", korea, "alleged", "done", "none", "", "A/RES/ES-11/4"),  # its own recorded vote
        ),
        RECORD,
        votes("A/RES/ES-11/4", "yes", "listed", "listed"),
    ).set_index("event_id")
    assert table.confirmed_by.to_dict() == {
        "C1": "own word",
        "C2": "unconfirmed",
        "C3": "two governments",
        "C4": "two governments",
        "C5": "the actor",
        "C7": "the actor",
    }
    assert table.rule_status["C2"] == "alleged" and table.rule_status["C5"] == "announced"


def test_a_record_counts_for_the_actor_only_when_it_comes_from_the_actor():
    table = stance.corroboration(
        claims(
            ("C1", "DPRK", "alleged", "done", "none", "", "R1"),
            ("C2", "ROK", "alleged", "done", "none", "", "R1"),
            ("C3", "ROK", "alleged", "done", "ROK", "", "R2"),
        ),
        RECORD,
    )
    assert list(table.rule_status) == ["done", "alleged", "done"]


@pytest.mark.parametrize("read, basis", [("no", "listed"), ("yes", "not named against"), ("yes", "unconfirmed")])
def test_a_un_vote_confirms_the_actor_only_where_a_un_record_read_lists_it(read, basis):
    table = stance.corroboration(
        claims(("C1", "DPRK", "alleged", "done", "none", "", "A/RES/ES-11/4")),
        RECORD,
        votes("A/RES/ES-11/4", read, basis, basis),
    )
    assert table.rule_status.tolist() == ["alleged"]


def test_every_curated_event_is_coded_as_the_corroboration_rule_says():
    events = tk.load_events()
    table = stance.corroboration(events, tk.load_chronology(), tk.load_un_votes()).merge(events[["event_id", "status"]])
    wrong = table[table.status != table.rule_status]
    assert wrong.empty, wrong[["event_id", "confirmed_by", "sources", "status"]].to_string()


def test_volunteers_are_outside_the_state_ladders():
    events = tk.load_events().set_index("event_id")
    assert events.actor["E10"] == "ROK nationals"
    assert "E10" not in set(
        stance.coded(events.reset_index(), alleged_counts=True).query("actor in @stance.KOREAS").event_id
    )


def test_curated_events_validate_and_span_their_quotes():
    articles = tk.load_articles().set_index("article_id")
    for event in tk.load_events().itertuples():
        assert articles.text[event.article_id][event.start : event.end] == event.quote


def test_the_shell_loan_is_done_because_unnamed_south_korean_officials_confirm_it():
    events = tk.load_events()
    loan = events.set_index("event_id").loc["E13"]
    assert (loan.status, loan.source_actor, loan.source_kind) == ("done", "ROK", "anonymous official")
    assert "anonymous government sources" in loan.quote
    rule = stance.corroboration(events, tk.load_chronology(), tk.load_un_votes()).set_index("event_id")
    assert rule.confirmed_by["E13"] == "own word"
    assert stance.furthest_by(events, "ROK", "2024-12-31").event_id == "E13"


def test_a_third_party_confirmation_corroborates_and_is_never_a_second_act():
    confirmation = (
        DEESCALATION.assign(category="")
        .iloc[[11]]
        .assign(event_id="B9", actor="USA", rung=0, status="done", category="confirmation", goldstein=0.0)
    )
    with_it = pd.concat(
        [DEESCALATION.assign(category="", corroborated_by=""), confirmation.assign(corroborated_by="")],
        ignore_index=True,
    )
    with_it.loc[with_it.event_id == "B3", "corroborated_by"] = "B9"
    assert "B9" not in set(stance.coded(with_it).event_id)
    assert stance.confirmations(with_it).set_index("event_id").corroborates["B9"] == "B3"
    assert stance.goldstein(with_it, HALVES).equals(stance.goldstein(DEESCALATION, HALVES))
    curated = tk.load_events()
    assert "E40" not in set(stance.coded(curated).event_id)
    assert "E40" not in set(stance.corroboration(curated, tk.load_chronology(), tk.load_un_votes()).event_id)
    assert list(stance.confirmations(curated).corroborates) == ["E01", "E09", "E26"]


def test_a_pledge_for_one_year_ends_with_that_year():
    pledge = events(("P1", "2023-07-15", "day", "ROK", 3, "announced", "aid pledged for 2023")).assign(
        ends_by=pd.Timestamp("2023-12-31")
    )
    table = stance.intentions(pledge, window_days=None, end="2024-12-31").set_index("event_id")
    assert table.until["P1"] == pd.Timestamp("2024-01-01") and table.lapse["P1"] == "time limit (31 December 2023)"
    assert not table.current_at_end["P1"]
    assert stance.current_intentions(pledge, "2023-12-31", window_days=None).event_id.tolist() == ["P1"]
    curated = stance.intentions(tk.load_events(), 180, end="2024-12-31").set_index("event_id")
    assert curated.until["E17"] == pd.Timestamp("2024-01-01")


def test_a_refusal_of_arms_does_not_end_a_pledge_of_aid():
    mixed = events(
        ("P1", "2023-07-15", "day", "ROK", 3, "announced", "aid"),
        ("P2", "2023-08-01", "day", "ROK", 6, "denied", "no arms"),
    )
    assert stance.intentions(mixed, window_days=None).lapse.tolist() == ["none"]


def test_an_undated_denial_ends_an_intention_only_in_the_sensitivity_coding():
    table = stance.intentions(DEESCALATION, window_days=None, end="2024-12-31").set_index("event_id")
    undated = DEESCALATION.assign(
        date_latest=DEESCALATION.date_latest.where(DEESCALATION.event_id != "A6"),
        date_earliest=DEESCALATION.date_earliest.where(DEESCALATION.event_id != "A6", pd.Timestamp("2022-05-01")),
    )
    base = stance.intentions(undated, window_days=None, end="2024-12-31").set_index("event_id")
    assert base.lapse["A11"] == "none" and table.lapse["A11"] == "none"
    strict = stance.intentions(undated, window_days=None, end="2024-12-31", undated_ends=True).set_index("event_id")
    assert strict.lapse["A11"].startswith("denied (A6), undated") and not strict.current_at_end["A11"]
    assert strict.until["A11"] == pd.Timestamp("2024-10-21")  # the earliest day after it the denial could have come


def test_a_goldstein_change_within_the_tolerance_gets_no_direction():
    close = events(
        ("G1", "2023-03-01", "day", "ROK", 1, "done", "visit", "", "", "", "Ukraine", "1.9"),
        ("G2", "2023-09-01", "day", "ROK", 1, "done", "statement", "", "", "", "Russia", "-2.0"),
        ("G3", "2024-03-01", "day", "ROK", 3, "done", "aid", "", "", "", "Ukraine", "7.4"),
    )
    _, changes = stance.ladder_against_goldstein(close, stance.periods(2023, 2024, months=6))
    assert changes["Goldstein lean"].tolist() == [
        "no change beyond the tolerance (+1.9 to +2.0)",
        "higher (+2.0 to +7.4)",
    ]
    assert pd.isna(changes.agree[0]) and changes.agree[1]
    _, strict = stance.ladder_against_goldstein(close, stance.periods(2023, 2024, months=6), tolerance=0.0)
    assert strict["Goldstein lean"][0].startswith("higher")


def test_who_had_gone_further_names_the_other_koreas_undated_steps():
    undated = pd.concat(
        [DEESCALATION, events(("B5", "2022-02-24", "day", "DPRK", -6, "done", "shells, undated"))], ignore_index=True
    )
    undated.loc[undated.event_id == "B5", "date_latest"] = pd.Timestamp("2024-10-23")
    table = stance.furthest_compared(undated, HALVES, [stance.LADDER]).set_index("period")["codebook ladder"]
    assert table["2023 H2"] == "ROK; DPRK steps undated by then: B5"
    assert table["2024 H2"] == "DPRK"


def test_open_ended_events_get_no_status_mark():
    marks = tk.charts.timeline_marks(DEESCALATION, "2025-01-31").set_index("event_id")
    assert marks.open["A3"] and pd.isna(marks.mark["A3"]) and marks.x0["A3"] == pd.Timestamp("2022-11-01")
    assert marks.mark["A4"] == pd.Timestamp("2023-03-31") and not marks.open["A4"]
    plans = stance.intentions(DEESCALATION, end="2024-12-31").set_index("event_id")
    record = {k: pd.DataFrame(columns=["record_id", "date_earliest", "date_latest"]) for k in stance.KOREAS}
    shaded = {k: HALVES.iloc[:0] for k in stance.KOREAS}
    labels = {r: f"rung {r}" for r in range(8)}
    frame = DEESCALATION.assign(date_label="")
    fig, drawn = tk.charts.ladder_timeline(
        frame, record, plans, shaded, labels, pd.Timestamp("2022-01-01"), pd.Timestamp("2025-01-31"), "test"
    )
    opened = {"A3", "A9"}
    assert set(drawn[drawn["drawn as"] == "arrow, no mark"].event_id) == opened
    marked = {
        (round(x, 3), round(y, 3))
        for ax in fig.axes
        for line in ax.get_lines()
        if line.get_marker() not in ("None", None, "")
        for x, y in zip(line.get_xdata(orig=False), line.get_ydata(orig=False))
    }
    starts = {float(tk.charts.mpl.dates.date2num(d)) for d in frame[frame.event_id.isin(opened)].date_earliest}
    assert not {x for x, _ in marked} & {round(s, 3) for s in starts}
    tk.charts.plt.close(fig)


def test_an_ordering_that_counts_a_step_higher_reports_it_at_that_rung():
    curated = tk.load_events()
    troops = stance.ranked_as("troops in Russia counted as forces in the war", ["E26"], 7)
    step = stance.furthest_by(curated, "DPRK", "2024-12-31", troops)
    assert (step.event_id, step.rung) == ("E26", -7)  # E26 (8 October) is known before E43, at the same rank
    labels = {r: f"rung {r}" for r in range(8)}
    assert (
        stance.readings(curated, "2024-12-31", labels, ordering=troops)["DPRK furthest step by end of 2024"]
        == "-7 rung 7 (E26)"
    )
    assert stance.furthest_by(curated, "DPRK", "2024-12-31").rung == -7  # the ladder itself: E43
    assert stance.furthest_by(curated, "DPRK", "2024-10-31", troops).rung == -7
    assert stance.furthest_by(curated, "DPRK", "2024-10-31").rung == -6


def test_a_denial_or_withdrawal_sits_on_the_rung_of_the_step_it_answers():
    curated = tk.load_events().set_index("event_id")
    answers = curated[curated.status.isin(["denied", "withdrawn"]) & curated.responds_to.ne("")]
    assert "E41" in answers.index and curated.rung["E41"] == -6
    for event, row in answers.iterrows():
        assert abs(row.rung) == abs(curated.rung[row.responds_to]), event


def test_one_act_reported_twice_is_one_mark_and_counts_once():
    curated = tk.load_events()
    coded = stance.coded(curated)
    assert "E07" not in set(coded.event_id) and "E01" in set(coded.event_id)
    assert "E07" in tk.load_events().set_index("event_id").corroborated_by["E01"]
    record = stance.record_panels(tk.load_chronology(), curated)
    plans = stance.intentions(curated, end="2024-12-31").set_index("event_id")
    shaded = {k: HALVES.iloc[:0] for k in stance.KOREAS}
    fig, drawn = tk.charts.ladder_timeline(
        curated,
        record,
        plans,
        shaded,
        {r: str(r) for r in range(8)},
        pd.Timestamp("2022-01-01"),
        pd.Timestamp("2025-01-31"),
        "test",
    )
    assert "E07" not in set(drawn.event_id) and "E40" not in set(drawn.event_id)
    czech = drawn[(drawn.panel == "ROK") & drawn.action.str.contains("Czech Republic")]
    assert list(czech.event_id) == ["E09"]  # E36 repeats E09's claim in the same article: one mark
    rok_aid = drawn[(drawn.panel == "ROK") & (drawn.rung == 3) & (drawn.status == "done")]
    assert list(rok_aid.event_id) == ["E01"]
    tk.charts.plt.close(fig)


def test_record_rows_sit_in_the_panel_of_the_korea_they_bear_on():
    record = stance.record_panels(tk.load_chronology(), tk.load_events())
    assert {"R08", "R16", "R09", "R10", "R11", "R17", "R18"} <= set(record["DPRK"].record_id)
    assert set(record["ROK"].record_id) == {"R02", "R04", "R19", "R20"}
    assert "R01" not in set(record["ROK"].record_id) | set(record["DPRK"].record_id)


def test_the_record_flags_an_undated_step_it_dates_by_the_period_end():
    chronology = pd.DataFrame({"record_id": ["R90"], "date_latest": [pd.Timestamp("2023-10-13")]})
    undated = pd.concat(
        [DEESCALATION, events(("B5", "2022-02-24", "day", "DPRK", -6, "done", "shells, undated"))], ignore_index=True
    ).assign(record_ids="")
    undated.loc[undated.event_id == "B5", ["date_latest", "record_ids"]] = [pd.Timestamp("2024-10-23"), "R90"]
    table = stance.furthest_compared(undated, HALVES, [stance.LADDER], chronology).set_index("period")
    assert table["codebook ladder"]["2023 H1"] == "ROK; DPRK steps undated by then: B5"
    assert (
        table["codebook ladder"]["2023 H2"]
        == "ROK; DPRK steps undated by then: B5 (B5: the public record has it by 13 October 2023, R90)"
    )


def test_a_change_of_lean_names_the_steps_its_sums_leave_out():
    steps = events(
        ("G1", "2022-03-01", "day", "ROK", 3, "done", "aid", "", "", "", "Ukraine", "7.4"),
        ("G2", "2022-02-24", "2022", "ROK", 4, "done", "helmets, in 2022", "", "", "", "Ukraine", "8.3"),
        ("G3", "2023-03-01", "month", "ROK", 5, "done", "shells lent", "", "", "", "USA", "8.3"),
    )
    _, changes = stance.ladder_against_goldstein(steps, stance.periods(2022, 2023, months=6, start="2022-02-24"))
    change = changes.iloc[0]
    assert (change["from"], change.to, change["Goldstein lean"]) == ("2022 H1", "2023 H1", "lower (+7.4 to +0.0)")
    assert change["left out"] == (
        "though G2, a step done that no single half-year holds, is in neither sum, and G3, aimed at the United "
        "States, is in no lean"
    )
    alone = steps[steps.event_id != "G2"].assign(cameo_target="Ukraine")
    _, plain = stance.ladder_against_goldstein(alone, stance.periods(2022, 2023, months=6, start="2022-02-24"))
    assert plain["left out"].tolist() == [""]


def test_yoons_plan_for_larger_military_assistance_in_2023_is_an_intention_ending_with_that_year():
    curated = tk.load_events().set_index("event_id")
    plan = curated.loc["E45"]
    assert (plan.status, plan.rung, plan.record_ids) == ("announced", 4, "R20")
    assert "This year we will provide military assistance on a large scale" in plan.quote
    table = stance.intentions(curated.reset_index(), 180, end="2024-12-31").set_index("event_id")
    assert table.until["E45"] == pd.Timestamp("2024-01-01") and table.lapse["E45"] == "time limit (31 December 2023)"


def test_the_stances_chart_lists_the_record_rows_it_draws_and_names_those_it_does_not():
    curated, chronology = tk.load_events(), tk.load_chronology()
    record = stance.record_panels(chronology, curated)
    plans = stance.intentions(curated, end="2024-12-31").set_index("event_id")
    shaded = {k: HALVES.iloc[:0] for k in stance.KOREAS}
    labels = {r: str(r) for r in range(8)}
    fig, drawn = tk.charts.ladder_timeline(
        curated, record, plans, shaded, labels, pd.Timestamp("2022-01-01"), pd.Timestamp("2025-01-31"), "test"
    )
    tk.charts.plt.close(fig)
    rows = drawn[drawn.record_id != ""]
    assert set(rows.record_id) == set(record["ROK"].record_id) | set(record["DPRK"].record_id)
    assert rows.set_index("record_id")["drawn as"]["R09"] == "record diamond: another party's act"
    assert list(stance.record_apart(chronology, curated).record_id) == ["R01", "R12"]


def test_the_alt_text_says_which_panel_is_shaded_and_when():
    words = stance.silent_words({"ROK": [], "DPRK": ["2022 H1", "2023 H1"]})
    assert words.endswith("none in South Korea's panel; 2022 H1 and 2023 H1 in North Korea's panel")


def test_an_intention_held_past_the_charts_end_stops_inside_the_frame_with_a_chevron():
    plans = stance.intentions(DEESCALATION, end="2024-12-31").set_index("event_id")
    stop = pd.Timestamp("2025-01-31")
    assert plans.until["A11"] > stop  # considered on 20 October 2024, held 180 days
    record = {k: pd.DataFrame(columns=["record_id", "date_earliest", "date_latest"]) for k in stance.KOREAS}
    shaded = {k: HALVES.iloc[:0] for k in stance.KOREAS}
    fig, _ = tk.charts.ladder_timeline(
        DEESCALATION.assign(date_label=""),
        record,
        plans,
        shaded,
        {r: str(r) for r in range(8)},
        pd.Timestamp("2022-01-01"),
        stop,
        "test",
    )
    edge = tk.charts.mpl.dates.date2num(stop)
    dotted = [line for ax in fig.axes for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert dotted and all(max(line.get_xdata(orig=False)) < edge for line in dotted)
    chevrons = [line for ax in fig.axes for line in ax.get_lines() if line.get_marker() == ">"]
    assert len(chevrons) == 1 and chevrons[0].get_xdata(orig=False)[0] < edge
    assert "intention still held at the chart's end (dotted, open ›)" in [
        t.get_text() for t in fig.legends[0].get_texts()
    ]
    tk.charts.plt.close(fig)
