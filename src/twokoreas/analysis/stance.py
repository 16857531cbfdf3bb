"""Where each Korea stood on the war, in three measures that never treat rung numbers as distances.

The signed ladder of ``data/codebook.csv`` is a set of **ordered categories**: + toward Ukraine, − toward
Russia. An :class:`Ordering` ranks them (and may rank single events apart, e.g. a treaty above a vote);
this module only ever compares ranks (``<``, ``==``), never subtracts them.

1. :func:`furthest` — the **furthest step taken so far**: the highest-ranked step done by each date. It can
   only rise; it is not where a state stood.
2. :func:`posture` — the **posture in each period**: the events *known to fall in* the period (their whole
   date interval inside it), grouped by status (done, intended, denied, alleged, withdrawn). A period with
   no such events is empty, not zero.
3. :func:`intentions` — **intentions as dated events**: each announced or considered step holds from the
   day it is known to have been stated (the end of its interval) until the first of: the earliest day of a
   denial, refusal, reaffirmation against or withdrawal by the same actor of a step of the same rank whose
   whole interval follows the intention's, or that the text links to it; the end of its time limit
   (``ends_by``: a pledge for one year); ``window_days`` after it was stated. With ``undated_ends=True`` (a
   sensitivity coding) a denial that *could* follow it (its interval ends after the intention's start, or is
   open) ends it too, at the earliest day after the intention it could have come.

Events are dated as intervals (``date_earliest``, ``date_latest``; latest NaT when nothing bounds it). A
step counts by the day it is *known* to have happened, the end of its interval; events open above cannot
be placed (:func:`undated`). :func:`goldstein` sums the published Goldstein weights of the CAMEO codes per
period, the one interval scale aggregated here.
"""

from dataclasses import dataclass, field

import pandas as pd

from ..data import dates
from ..data.dates import Interval

KOREAS = ("ROK", "DPRK")
INTENT = ("announced", "considered")
ENDS_INTENT = ("denied", "withdrawn")


@dataclass(frozen=True)
class Ordering:
    """A ranking of the ladder's rungs (by size: 0-7) and, optionally, of single events apart from their
    rung. Ranks are any sortable values; only their order is used."""

    name: str
    ranks: dict
    event_ranks: dict = field(default_factory=dict)
    event_rungs: dict = field(default_factory=dict)

    def rank(self, event_id, rung):
        """The rank of an event at ``rung`` (sign ignored: a step toward Russia ranks like one toward Ukraine)."""
        return self.event_ranks.get(event_id, self.ranks[abs(int(rung))])

    def counted(self, event_id, rung):
        """The rung an event coded at ``rung`` is counted at under this ordering, with its sign."""
        rung = int(rung)
        return self.event_rungs.get(event_id, abs(rung)) * (-1 if rung < 0 else 1)


LADDER = Ordering("codebook ladder", {r: (r, 0) for r in range(8)})


def swapped(name, first, second, base=LADDER):
    """``base`` with rungs ``first`` and ``second`` exchanging ranks (a contested order tried the other way)."""
    ranks = dict(base.ranks)
    ranks[first], ranks[second] = base.ranks[second], base.ranks[first]
    return Ordering(name, ranks, dict(base.event_ranks), dict(base.event_rungs))


def ranked_apart(name, event_ids, just_above, base=LADDER):
    """``base`` with ``event_ids`` ranked just above rung ``just_above`` (and below the next rung)."""
    rank = (base.ranks[just_above][0], base.ranks[just_above][1] + 1)
    return Ordering(
        name, dict(base.ranks), {**base.event_ranks, **{e: rank for e in event_ids}}, dict(base.event_rungs)
    )


def ranked_as(name, event_ids, rung, base=LADDER):
    """``base`` with ``event_ids`` ranked and counted as rung ``rung`` (a step coded lower, counted at a higher
    rung): :func:`furthest` then reports them at ``rung``."""
    return Ordering(
        name,
        dict(base.ranks),
        {**base.event_ranks, **{e: base.ranks[rung] for e in event_ids}},
        {**base.event_rungs, **{e: rung for e in event_ids}},
    )


def _confirmations(events):
    """Rows that are a third party's confirmation of another event (category ``confirmation``)."""
    if "category" not in events:
        return pd.Series(False, index=events.index)
    return events.category == "confirmation"


def confirmations(events):
    """Third parties' confirmations of an act: each corroborates the act it confirms (listed in that event's
    ``corroborated_by``) and is never a step of its own, on a ladder or in a sum (codebook rule 5)."""
    chosen = events[_confirmations(events)]
    confirms = {c: e for e, ids in zip(events.event_id, events.corroborated_by) for c in _ids(ids)}
    return chosen.assign(corroborates=chosen.event_id.map(confirms).fillna(""))


def _ids(value):
    return [v for v in str(value).split(";") if v] if isinstance(value, str) else []


def coded(events, alleged_counts=False, third_party_alleged=False, overrides=None):
    """The events with ``status_used`` (after the options) and ``counts_as``: ``done``, ``intent``,
    ``ends intent`` or None (alleged and not counted).

    ``alleged_counts`` counts an alleged event as what it alleges (``claimed_status``, else done);
    ``third_party_alleged`` treats every event whose source is not the actor itself (``source_actor``) as
    alleged; ``overrides`` recodes rungs (``{event_id: rung}``).
    """
    frame = events[~_confirmations(events)].copy()  # a third party's confirmation is never an act on a ladder
    if overrides:
        frame["rung"] = [overrides.get(e, r) for e, r in zip(frame.event_id, frame.rung)]
    claimed = frame.claimed_status if "claimed_status" in frame else pd.Series("", index=frame.index)
    claimed = claimed.fillna("").replace("", "done")
    status = frame.status.copy()
    if third_party_alleged and "source_actor" in frame:
        third = (frame.source_actor != frame.actor) & (status != "alleged")
        claimed = claimed.where(~third, status)
        status = status.where(~third, "alleged")
    status = status.where(~((status == "alleged") & alleged_counts), claimed)
    frame["status_used"] = status
    frame["counts_as"] = [
        ("done" if s == "done" else "intent" if s in INTENT else "ends intent" if s in ENDS_INTENT else None)
        for s in status
    ]
    frame["date"] = frame.date_latest  # the day by which the event is known to have happened
    return frame.sort_values(["date", "event_id"], na_position="last").reset_index(drop=True)


GOVERNMENTS = ("DPRK", "ROK", "Russia", "Ukraine", "USA", "Poland", "Iran")  # states among the actors
STEPS = ("done", "announced", "considered")


def _listed_votes(votes):
    """``{(resolution, Korea)}`` for each Korea's vote that a UN record read lists."""
    if votes is None:
        return set()
    read = votes[votes.un_record_read == "yes"]
    return {
        (r, k) for k in KOREAS for r, basis in zip(read.resolution, read[f"{k.lower()}_basis"]) if basis == "listed"
    }


def corroboration(events, chronology=None, votes=None):
    """The codebook's rule 5, applied to every event that claims a step, whichever Korea it concerns: a third
    party's claim is ``alleged`` unless the actor confirms it (its own word in a text, an event listed in
    ``corroborated_by``, a record in ``record_ids`` from the actor's own channel, or its own UN vote as a UN record
    read lists it in ``votes``) or at least two governments state it. A third party's confirmation
    (:func:`confirmations`) is not a step and gets no row. One row per event claiming a step: ``claimed`` step,
    ``confirmed_by`` (``own word``, ``the actor``, ``two governments``, or ``unconfirmed``), the ``sources``
    counted and the ``rule_status``."""
    by_id = events.set_index("event_id").source_actor
    records = {} if chronology is None else dict(zip(chronology.record_id, chronology.source_actor))
    listed = _listed_votes(votes)
    rows = []
    for event in events[~_confirmations(events)].itertuples():
        claimed = event.claimed_status if event.status == "alleged" else event.status
        if claimed not in STEPS:
            continue
        others = [by_id[e] for e in _ids(event.corroborated_by)]
        for record in _ids(event.record_ids):
            if record.startswith("A/RES/"):
                others.append(event.actor if (record, event.actor) in listed else "none")
            else:
                others.append(records.get(record, "none"))
        sources = {event.source_actor, *others}
        governments = sorted(sources & set(GOVERNMENTS))
        if event.source_actor == event.actor:
            confirmed = "own word"
        elif event.actor in others:
            confirmed = "the actor"
        elif len(governments) >= 2:
            confirmed = "two governments"
        else:
            confirmed = "unconfirmed"
        rows.append(
            {
                "event_id": event.event_id,
                "actor": event.actor,
                "claimed": claimed,
                "confirmed_by": confirmed,
                "sources": "; ".join(sorted(sources)),
                "rule_status": "alleged" if confirmed == "unconfirmed" else claimed,
            }
        )
    return pd.DataFrame(rows, columns=["event_id", "actor", "claimed", "confirmed_by", "sources", "rule_status"])


def undated(events):
    """The events that no date bounds above, which no timeline can place."""
    return events[events.date_latest.isna()]


def _furthest_row(rows, ordering):
    """The row of ``rows`` with the highest rank (the earliest known among equals), or None."""
    if rows.empty:
        return None
    ranks = [ordering.rank(e, r) for e, r in zip(rows.event_id, rows.rung)]
    return rows.iloc[max(range(len(ranks)), key=lambda i: (ranks[i], -i))]


def furthest(events, actor, ordering=LADDER, **options):
    """The furthest step ``actor`` had taken so far, each time it went further: one row per new furthest step,
    on the day it is known to have happened, at the rung ``ordering`` counts it at."""
    frame = coded(events, **options)
    done = frame[(frame.actor == actor) & (frame.counts_as == "done") & frame.date.notna()]
    rows, best = [], None
    for event in done.itertuples():
        rank = ordering.rank(event.event_id, event.rung)
        if best is None or rank > best:
            best = rank
            rows.append(
                {
                    "date": event.date,
                    "event_id": event.event_id,
                    "rung": ordering.counted(event.event_id, event.rung),
                    "action": event.action,
                }
            )
    return pd.DataFrame(rows, columns=["date", "event_id", "rung", "action"])


def furthest_by(events, actor, when, ordering=LADDER, **options):
    """The furthest step ``actor`` is known to have taken by ``when``: its row, or None."""
    steps = furthest(events, actor, ordering, **options)
    steps = steps[steps.date <= pd.Timestamp(when)]
    return None if steps.empty else steps.iloc[-1]


def periods(first_year, last_year, months=6, start=None):
    """Consecutive periods of ``months`` (6: half-years ``2022 H1``; 3: quarters ``2022 Q1``) covering the years,
    each with its first and last day; ``start`` moves the first period's first day later (e.g. the invasion)."""
    rows = []
    for year in range(first_year, last_year + 1):
        for index, first_month in enumerate(range(1, 13, months), start=1):
            first = pd.Timestamp(year, first_month, 1)
            last = first + pd.DateOffset(months=months) - pd.Timedelta(days=1)
            name = f"{year} {'H' if months == 6 else 'Q'}{index}" if months in (3, 6) else f"{first:%Y-%m}"
            rows.append({"period": name, "start": first, "end": last})
    frame = pd.DataFrame(rows)
    if start is not None:
        frame = frame[frame.end >= pd.Timestamp(start)].reset_index(drop=True)
        frame.loc[0, "start"] = max(frame.start[0], pd.Timestamp(start))
    return frame


def _within(frame, start, end):
    return pd.Series([Interval.of(r).within(start, end) for r in frame.itertuples()], index=frame.index, dtype=bool)


def _listed(rows):
    return "; ".join(f"{e} ({r:+d})" for e, r in zip(rows.event_id, rows.rung))


def posture(events, spans, ordering=LADDER, **options):
    """One row per period of ``spans`` (from :func:`periods`) and Korea: the furthest step done in the period
    (``done``: rung, or <NA> when it did nothing the texts date inside it; ``done_step``: its event; ``done_ids``:
    all), the furthest step intended (announced or considered: ``intent``, ``intent_step``, ``intent_ids``), and the ids of denials, withdrawals and
    uncounted allegations known to fall in it. Counts only events whose whole interval lies in the period."""
    frame = coded(events, **options)
    frame = frame[frame.date.notna()]
    rows = []
    for span in spans.itertuples():
        inside = frame[_within(frame, span.start, span.end)]
        for actor in KOREAS:
            mine = inside[inside.actor == actor]
            row = {"period": span.period, "start": span.start, "end": span.end, "actor": actor}
            for kind in ("done", "intent"):
                top = _furthest_row(mine[mine.counts_as == kind], ordering)
                row[kind] = pd.NA if top is None else int(top.rung)
                row[f"{kind}_step"] = "" if top is None else top.event_id
                row[f"{kind}_ids"] = _listed(mine[mine.counts_as == kind])
            for status in ("denied", "withdrawn", "alleged"):
                row[f"{status}_ids"] = _listed(mine[mine.status_used == status])
            rows.append(row)
    table = pd.DataFrame(rows)
    return table.astype({"done": "Int64", "intent": "Int64"})


def spanning(events, spans):
    """Events bounded in time but whose interval crosses a period boundary, so that no single period holds them."""
    frame = events[events.date_latest.notna()]
    holds = pd.concat([_within(frame, s.start, s.end) for s in spans.itertuples()], axis=1).any(axis=1)
    return frame[~holds]


def _text_links(events):
    """``{event_id: set of event ids the text presents it as responding to}`` (column ``responds_to``)."""
    if "responds_to" not in events:
        return {}
    return {e: set(_ids(v)) for e, v in zip(events.event_id, events.responds_to)}


def _day(date):
    return f"{date.day} {date:%B %Y}"


def intentions(events, window_days=180, ordering=LADDER, end=None, undated_ends=False, **options):
    """Every announced or considered step of a Korea, as a dated event: known from the end of its interval
    (``from``) and current until ``until`` (exclusive), the first of:

    - the earliest day of a denial, refusal, reaffirmation against or withdrawal by the same actor of a step of
      the same rank, that the text links to it (``responds_to``) or whose whole interval follows its own;
      with ``undated_ends``, also of one that could follow it (its interval ends after ``from`` or is open), at
      the earliest day after ``from`` it could have come;
    - the day after its time limit (``ends_by``, e.g. 31 December for a pledge for one year);
    - ``window_days`` after ``from`` (None: no window).

    ``lapse`` says which; ``current_at_end`` whether it still held on ``end``."""
    frame = coded(events, **options)
    links = _text_links(frame)
    enders = frame[frame.counts_as == "ends intent"]
    limits = frame.set_index("event_id").ends_by if "ends_by" in frame else pd.Series(dtype="datetime64[ns]")
    rows = []
    for event in frame[(frame.counts_as == "intent") & frame.actor.isin(KOREAS) & frame.date.notna()].itertuples():
        rank, interval = ordering.rank(event.event_id, event.rung), Interval.of(event)
        candidates = []
        for other in enders[enders.actor == event.actor].itertuples():
            if ordering.rank(other.event_id, other.rung) != rank:  # a refusal of arms says nothing of aid
                continue
            if event.event_id in links.get(other.event_id, set()) or Interval.of(other).follows(interval):
                candidates.append((other.date_earliest, f"{other.status_used} ({other.event_id})"))
            elif undated_ends and (pd.isna(other.date_latest) or other.date_latest > event.date):
                candidates.append(
                    (
                        max(other.date_earliest, event.date + pd.Timedelta(days=1)),
                        f"{other.status_used} ({other.event_id}), undated: could follow it",
                    )
                )
        limit = limits.get(event.event_id, pd.NaT)
        if pd.notna(limit):
            candidates.append((limit + pd.Timedelta(days=1), f"time limit ({_day(limit)})"))
        if window_days is not None:
            candidates.append((event.date + pd.Timedelta(days=window_days), f"window of {window_days} days"))
        until, lapse = min(candidates) if candidates else (pd.NaT, "none")
        rows.append(
            {
                "event_id": event.event_id,
                "actor": event.actor,
                "rung": event.rung,
                "status": event.status_used,
                "action": event.action,
                "from": event.date,
                "until": until,
                "lapse": lapse,
                "current_at_end": end is not None and (pd.isna(until) or until > pd.Timestamp(end)),
            }
        )
    return pd.DataFrame(
        rows, columns=["event_id", "actor", "rung", "status", "action", "from", "until", "lapse", "current_at_end"]
    )


def current_intentions(events, when, window_days=180, ordering=LADDER, **options):
    """The intentions (from :func:`intentions`) known to hold on ``when``."""
    table = intentions(events, window_days, ordering, **options)
    when = pd.Timestamp(when)
    return table[(table["from"] <= when) & (table.until.isna() | (table.until > when))]


def compare(first, second, ordering=LADDER):
    """Which of two steps ``(event_id, rung)`` is further under ``ordering``: ``first``, ``second``, ``same
    rank``, or, when a side took no step, ``only first``, ``only second``, ``neither``."""
    if first is None or second is None:
        return {(True, True): "neither", (False, True): "only first", (True, False): "only second"}[
            (first is None, second is None)
        ]
    a, b = ordering.rank(*first), ordering.rank(*second)
    return "first" if a > b else "second" if b > a else "same rank"


def _step(row):
    return None if row is None else (row["event_id"], row["rung"])


def undated_by(events, actor, when, above=None, ordering=LADDER, **options):
    """``actor``'s steps done that may have happened by ``when`` but that the texts do not date by then (their
    interval starts on or before ``when`` and ends after it, or is open), ranked above the step ``above``
    (``(event_id, rung)``; None: any): what a comparison "by ``when``" cannot count."""
    frame = coded(events, **options)
    when = pd.Timestamp(when)
    mine = frame[
        (frame.actor == actor)
        & (frame.counts_as == "done")
        & (frame.date_earliest <= when)
        & (frame.date.isna() | (frame.date > when))
    ]
    if above is not None:
        floor = ordering.rank(*above)
        mine = mine[
            pd.Series(
                [ordering.rank(e, r) > floor for e, r in zip(mine.event_id, mine.rung)], index=mine.index, dtype=bool
            )
        ]
    return list(mine.event_id)


def _on_record(events, ids, when, chronology):
    """`` (E32: the public record has it by 13 October 2023, R18)`` for each event of ``ids`` linked to a
    record row (``record_ids``) dated no later than ``when``; empty without a ``chronology``."""
    if chronology is None:
        return ""
    linked = dict(zip(events.event_id, events.record_ids))
    dated = dict(zip(chronology.record_id, chronology.date_latest))
    found = [(e, r) for e in ids for r in _ids(linked.get(e)) if r in dated and dated[r] <= when]
    return "".join(f" ({e}: the public record has it by {_day(dated[r])}, {r})" for e, r in found)


def furthest_compared(events, spans, orderings, chronology=None, **options):
    """At the end of each period, which Korea had gone further so far, under each ordering: one row per period,
    one column per ordering, reading ``ROK``, ``DPRK``, ``same rank``, ``only ROK``, ``only DPRK`` or
    ``neither``; followed, when the other Korea has steps that may already have happened but that the texts do
    not date by then and that rank further, by ``; DPRK steps undated by then: E32, E35``, and, where a row of
    ``chronology`` linked to one is dated by then, by `` (E32: the public record has it by 13 October 2023, R18)``."""
    names = {"first": "ROK", "second": "DPRK", "only first": "only ROK", "only second": "only DPRK"}
    rows = []
    for span in spans.itertuples():
        row = {"period": span.period}
        for ordering in orderings:
            rok, dprk = (_step(furthest_by(events, k, span.end, ordering, **options)) for k in KOREAS)
            verdict = names.get(compare(rok, dprk, ordering), compare(rok, dprk, ordering))
            behind = {
                "ROK": ("DPRK", rok),
                "only ROK": ("DPRK", rok),
                "DPRK": ("ROK", dprk),
                "only DPRK": ("ROK", dprk),
            }.get(verdict)
            if behind is not None:
                hidden = undated_by(events, behind[0], span.end, behind[1], ordering, **options)
                if hidden:
                    verdict += f"; {behind[0]} steps undated by then: {', '.join(hidden)}" + _on_record(
                        events, hidden, span.end, chronology
                    )
            row[ordering.name] = verdict
        rows.append(row)
    return pd.DataFrame(rows)


def posture_compared(events, spans, orderings, **options):
    """For each period, which Korea's furthest step done *in that period* was further, under each ordering
    (same readings as :func:`furthest_compared`)."""
    names = {"first": "ROK", "second": "DPRK", "only first": "only ROK", "only second": "only DPRK"}
    frame = coded(events, **options)
    frame = frame[(frame.counts_as == "done") & frame.date.notna()]
    rows = []
    for span in spans.itertuples():
        inside = frame[_within(frame, span.start, span.end)]
        row = {"period": span.period}
        for ordering in orderings:
            rok, dprk = (_step(_furthest_row(inside[inside.actor == k], ordering)) for k in KOREAS)
            verdict = compare(rok, dprk, ordering)
            row[ordering.name] = names.get(verdict, verdict)
        rows.append(row)
    return pd.DataFrame(rows)


GOLDSTEIN_COLUMNS = (
    "cooperation toward Ukraine",
    "conflict with Ukraine",
    "cooperation toward Russia",
    "conflict with Russia",
)


def goldstein(events, spans, **options):
    """Per period and Korea, the sums of the Goldstein weights (``goldstein``) of the steps done known to fall
    in the period, split by target (``cameo_target``: Ukraine or Russia) and sign (cooperation > 0, conflict
    < 0). Periods without such steps sum to 0 and have ``events`` 0."""
    frame = coded(events, **options)
    frame = frame[(frame.counts_as == "done") & frame.date.notna() & frame.goldstein.notna()]
    rows = []
    for span in spans.itertuples():
        inside = frame[_within(frame, span.start, span.end)]
        for actor in KOREAS:
            mine = inside[inside.actor == actor]
            row = {"period": span.period, "actor": actor, "events": len(mine)}
            for target in ("Ukraine", "Russia"):
                weights = mine[mine.cameo_target == target].goldstein
                row[f"cooperation toward {target}"] = float(weights[weights > 0].sum())
                row[f"conflict with {target}"] = float(weights[weights < 0].sum())
            rows.append(row)
    return pd.DataFrame(rows)


def responses(events):
    """The links the texts themselves make: one row per event and the event it is presented as responding to."""
    rows = [
        {"event_id": e, "responds_to": other} for e, others in _text_links(events).items() for other in sorted(others)
    ]
    return pd.DataFrame(rows, columns=["event_id", "responds_to"])


FAVOURED = {"ROK": ("Ukraine", "Russia"), "DPRK": ("Russia", "Ukraine")}  # the side each Korea's ladder leans to
TOLERANCE = 2.0  # Goldstein points: a change by one visit (+1.9), denial or condemnation (-2.0) alone never exceeds it


def lean(row):
    """A Korea's Goldstein lean in one row of :func:`goldstein`: cooperation with the side it leans to and
    conflict with the other, less the reverse."""
    mine, other = FAVOURED[row["actor"]]
    return (
        row[f"cooperation toward {mine}"]
        - row[f"conflict with {other}"]
        - row[f"cooperation toward {other}"]
        + row[f"conflict with {mine}"]
    )


def _direction(before, after, tolerance):
    if abs(after - before) <= tolerance:
        return "no change beyond the tolerance"
    return "higher" if after > before else "lower"


TARGET_NAMES = {"USA": "the United States", "DPRK": "North Korea", "ROK": "South Korea"}


def _ids_words(ids):
    return ", ".join(ids[:-1]) + f" and {ids[-1]}" if len(ids) > 1 else ids[0]


def left_out(events, actor, first, last, spans, **options):
    """Why a change of ``actor``'s lean between periods ``first`` and ``last`` (names in ``spans``) may not show
    what it did: its steps done that overlap those periods but that no single period holds (dated only across
    periods, or open above), which are in neither sum; and its steps done in either period aimed at neither side
    (``cameo_target`` other than Ukraine or Russia), which no lean counts. A clause starting "though", or ""."""
    frame = coded(events, **options)
    mine = frame[(frame.actor == actor) & (frame.counts_as == "done")]
    periods = spans.set_index("period")
    start, end = periods.start[first], periods.end[last]
    held = pd.concat([_within(mine, s.start, s.end) for s in spans.itertuples()], axis=1).any(axis=1)
    across = mine[~held & (mine.date_earliest <= end) & (mine.date.isna() | (mine.date >= start))]
    inside = _within(mine, periods.start[first], periods.end[first]) | _within(mine, periods.start[last], end)
    aimed = mine[inside & ~mine.cameo_target.isin(["Ukraine", "Russia"])]
    parts = []
    if len(across):
        many = len(across) > 1
        parts.append(
            f"{_ids_words(list(across.event_id))}, {'steps' if many else 'a step'} done that no single half-year "
            f"holds, {'are' if many else 'is'} in neither sum"
        )
    if len(aimed):
        targets = _ids_words(sorted({TARGET_NAMES.get(t, t) for t in aimed.cameo_target}))
        verb = "are" if len(aimed) > 1 else "is"
        parts.append(f"{_ids_words(list(aimed.event_id))}, aimed at {targets}, {verb} in no lean")
    return "though " + ", and ".join(parts) if parts else ""


def ladder_against_goldstein(events, spans, ordering=LADDER, tolerance=TOLERANCE, **options):
    """Per period and Korea, the Goldstein sums and ``lean`` beside the furthest step done in the period; and, for
    each change between consecutive periods in which a Korea did something the texts date, the ladder's
    direction and the lean's, with what the sums leave out (:func:`left_out`). A change of lean counts as a
    direction only when it exceeds ``tolerance``; within it, no verdict is given (``agree`` is None)."""
    weights = goldstein(events, spans, **options)
    weights["lean"] = [lean(row) for _, row in weights.iterrows()]
    steps = posture(events, spans, ordering, **options)
    table = weights.merge(steps[["period", "actor", "done", "done_step", "done_ids"]], on=["period", "actor"])
    changes = []
    for actor, rows in table[table.events > 0].groupby("actor", sort=False):
        rows = rows.reset_index(drop=True)
        for before, after in zip(rows.iloc[:-1].itertuples(), rows.iloc[1:].itertuples()):
            ranks = [None if pd.isna(r.done) else ordering.rank(r.done_step, r.done) for r in (before, after)]
            ladder = (
                "same rung"
                if ranks[0] == ranks[1]
                else "further"
                if ranks[0] is None or (ranks[1] is not None and ranks[1] > ranks[0])
                else "less far"
            )
            moved = _direction(before.lean, after.lean, tolerance)
            agree = (
                None
                if moved.startswith("no change")
                else (ladder, moved) in {("further", "higher"), ("less far", "lower")}
            )
            changes.append(
                {
                    "actor": actor,
                    "from": before.period,
                    "to": after.period,
                    "ladder": ladder,
                    "Goldstein lean": f"{moved} ({before.lean:+.1f} to {after.lean:+.1f})",
                    "agree": agree,
                    "left out": left_out(events, actor, before.period, after.period, spans, **options),
                }
            )
    columns = ["actor", "from", "to", "ladder", "Goldstein lean", "agree", "left out"]
    return table, pd.DataFrame(changes, columns=columns).astype({"agree": object})


def _said(row, labels):
    return "none" if row is None else f"{int(row.rung):+d} {labels[abs(int(row.rung))]} ({row.event_id})"


def readings(events, end, labels, window=180, ordering=LADDER, undated_ends=False, **options):
    """The headline readings under one coding: each Korea's furthest step by ``end`` (in words, from the rung
    ``labels``), which had gone further, and South Korea's lethal-arms intentions held at the end of the year
    before and in the last half-year."""
    end = pd.Timestamp(end)
    rok, dprk = (furthest_by(events, k, end, ordering, **options) for k in KOREAS)
    verdict = compare(_step(rok), _step(dprk), ordering)
    further = {"first": "South Korea", "second": "North Korea", "same rank": "neither (same rank)"}.get(
        verdict, verdict
    )
    plans = intentions(events, window, ordering, end=end, undated_ends=undated_ends, **options)
    lethal = plans[(plans.actor == "ROK") & (plans.rung.abs() >= 6)]
    year_before = pd.Timestamp(end.year - 1, 12, 31)
    last_half = pd.Timestamp(end.year, 7, 1)
    held = lethal[(lethal["from"] <= year_before) & (lethal.until.isna() | (lethal.until > year_before))]
    later = lethal[(lethal["from"] <= end) & (lethal.until.isna() | (lethal.until > last_half))]
    current = plans[plans.current_at_end & (plans.actor == "ROK")]
    return {
        f"ROK furthest step by end of {end.year}": _said(rok, labels),
        f"DPRK furthest step by end of {end.year}": _said(dprk, labels),
        f"further by end of {end.year}": further,
        f"ROK lethal-arms intentions held on 31 Dec {year_before.year}": ", ".join(sorted(held.event_id)) or "none",
        f"ROK lethal-arms intentions held in {end.year} H2": ", ".join(sorted(later.event_id)) or "none",
        f"ROK intentions current at end of {end.year}": ", ".join(current.event_id) or "none",
    }


def sensitivity(events, end, labels, codings):
    """One row of :func:`readings` per coding (``{name: options}``)."""
    return pd.DataFrame(
        [{"coding": name, **readings(events, end, labels, **options)} for name, options in codings.items()]
    )


def fares(table, column, value=None):
    """How the first row's reading of ``column`` (or ``value``) fares across the codings of :func:`sensitivity`."""
    value = table[column].iloc[0] if value is None else value
    other = table[table[column] != value].coding
    holds = len(table) - len(other)
    return f"holds in {holds} of {len(table)} codings" + (f"; not under: {'; '.join(other)}" if len(other) else "")


def coverage(events, claims, articles, spans):
    """Per period: how many events and figures of each Korea the texts date inside it, the texts certainly
    published in it (their whole publication interval inside it) and those that may have been."""
    rows = []
    for span in spans.itertuples():
        row = {"half-year": span.period}
        for actor in KOREAS:
            row[f"{actor} events"] = int(
                (events[dates.known_within(events, span.start, span.end)].actor == actor).sum()
            )
            row[f"{actor} figures"] = int(
                (claims[dates.known_within(claims, span.start, span.end)].actor == actor).sum()
            )
        certain = dates.known_within(articles, span.start, span.end, "published")
        possible = (articles.published_earliest <= span.end) & (
            articles.published_latest.isna() | (articles.published_latest >= span.start)
        )
        row["texts certainly published in it"] = ", ".join(articles[certain].label)
        row["texts that may have been published in it"] = ", ".join(articles[possible & ~certain].label)
        rows.append(row)
    return pd.DataFrame(rows)


def silent(table):
    """``{Korea: [periods]}``: the periods of :func:`coverage` in which no text dates an event or figure of it."""
    return {k: list(table[(table[f"{k} events"] + table[f"{k} figures"]) == 0]["half-year"]) for k in KOREAS}


KOREA_NAMES = {"ROK": "South Korea", "DPRK": "North Korea"}


def silent_words(silent):
    """Which half-years are shaded in which Korea's panel, in words, from :func:`silent`."""
    parts = [
        f"{_ids_words(silent[k])} in {KOREA_NAMES[k]}'s panel" if silent[k] else f"none in {KOREA_NAMES[k]}'s panel"
        for k in KOREAS
    ]
    return f"shaded, the half-years in which no text dates anything of that Korea: {'; '.join(parts)}"


def unpublished_years(articles, first, last):
    """The years from ``first`` to ``last`` in which no text could have been published."""

    def years(row):
        end = (
            pd.Timestamp(last, 12, 31)
            if pd.isna(row.published_latest)
            else min(row.published_latest, pd.Timestamp(last, 12, 31))
        )
        return set(range(row.published_earliest.year, end.year + 1))

    return [y for y in range(first, last + 1) if not any(y in years(a) for a in articles.itertuples())]


def record_panels(chronology, events):
    """``{Korea: rows of chronology}``: the record rows that bear on each Korea, those whose ``actor`` it is or
    that are linked (``record_ids``) to an event it took or that is aimed at it (``cameo_target``). A third
    party's act linked to no event of either Korea (the invasion, Russia's ratification) bears on neither."""
    bears = {}
    for event in events.itertuples():
        for record in _ids(event.record_ids):
            bears.setdefault(record, set()).update({event.actor, event.cameo_target} & set(KOREAS))
    return {
        k: chronology[
            [
                a == k or (a not in KOREAS and k in bears.get(r, ()))
                for a, r in zip(chronology.actor, chronology.record_id)
            ]
        ]
        for k in KOREAS
    }


VOTE_HEADERS = {  # the UN votes table's columns, as a reader's table names them
    "date": "day, or first day",
    "date_latest": "last day, where no day is found",
    "rok_vote": "South Korea",
    "rok_basis": "South Korea: how known",
    "dprk_vote": "North Korea",
    "dprk_basis": "North Korea: how known",
    "un_record_url": "UN record",
    "un_record_read": "UN record read",
}


def record_apart(chronology, events):
    """The record rows :func:`record_panels` places in neither Korea's panel: another party's acts linked to no
    event of either Korea (the invasion, Russia's ratification of the treaty)."""
    placed = set().union(*(set(rows.record_id) for rows in record_panels(chronology, events).values()))
    return chronology[~chronology.record_id.isin(placed)]


def record_check(events, chronology, votes):
    """Every event linked to the public record (``record_ids``): whether the record's date interval overlaps the
    event's. A UN vote counts as a record only where a UN record was read."""
    dated = {r.record_id: (Interval(r.date_earliest, r.date_latest), r.action) for r in chronology.itertuples()}
    last = votes.date_latest.fillna(votes.date) if "date_latest" in votes else votes.date
    dated.update({r.resolution: (Interval(r.date, end), r.title) for r, end in zip(votes.itertuples(), last)})
    read = set(votes[votes.un_record_read == "yes"].resolution) | set(chronology.record_id)
    rows = []
    for event in events[events.record_ids != ""].itertuples():
        for record in _ids(event.record_ids):
            interval, says = dated[record]
            check = (
                "no UN record read confirms it"
                if record not in read
                else "overlaps"
                if interval.overlaps(Interval.of(event))
                else "the text dates it outside the record"
            )
            rows.append(
                {
                    "event": event.event_id,
                    "text dates it": event.date_label,
                    "record": record,
                    "record dates it": interval.label(),
                    "record says": says,
                    "check": check,
                }
            )
    return pd.DataFrame(rows, columns=["event", "text dates it", "record", "record dates it", "record says", "check"])
