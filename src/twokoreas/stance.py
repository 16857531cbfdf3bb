"""Where each Korea stood, event by event, on the signed support ladder of ``data/codebook.csv``.

A state's **done** level at a date is the rung (largest in size, sign kept) of everything it had done
by then. Its **intent** level is the rung of what it had announced or considered and not withdrawn.
Denials never count; alleged events count as done only when a sensitivity check asks
(``include_alleged``), and announced ones likewise (``count_announced``). ``overrides`` recodes
events (``{event_id: rung}``) to test an ambiguous coding.

Events are dated as intervals. A level "at a date" counts an event once it is known to have happened:
each event is placed at the latest day of its interval (``date``). Events with no latest date (nothing
in the text bounds them above) cannot be placed in time and are left out; :func:`undated` lists them.
"""

import pandas as pd

KOREAS = ("ROK", "DPRK")


def coded(events, count_announced=False, include_alleged=False, overrides=None):
    """Events with ``counts_as``: ``done``, ``intent`` or ``None`` (denied, withdrawn, uncounted alleged)."""
    frame = events.copy()
    if overrides:
        frame["rung"] = [overrides.get(e, r) for e, r in zip(frame.event_id, frame.rung)]
    done = {"done"} | ({"announced"} if count_announced else set()) | ({"alleged"} if include_alleged else set())
    intent = {"announced", "considered"} - done
    frame["counts_as"] = [("done" if s in done else "intent" if s in intent else None) for s in frame.status]
    frame["date"] = frame.date_latest  # the day by which the event is known to have happened
    return frame[frame.date.notna()].sort_values(["date", "event_id"]).reset_index(drop=True)


def undated(events):
    """The events that no date bounds above, which no timeline can place."""
    return events[events.date_latest.isna()]


def _level(rungs):
    """The rung largest in size, sign kept; 0 when there is none."""
    rungs = list(rungs)
    return max(rungs, key=abs) if rungs else 0


def _records(events):
    """The coded events as plain tuples, for the many look-ups a timeline makes."""
    return list(events[["event_id", "date", "actor", "rung", "status", "counts_as"]].itertuples(index=False))


def _levels(records, actor, when):
    """``(done, intent)`` levels of ``actor`` on date ``when``; intent counts announced or considered events
    that no later withdrawal (by ``when``) ended."""
    mine = [r for r in records if r.actor == actor and r.date <= when]
    done = [r.rung for r in mine if r.counts_as == "done"]
    withdrawals = [(r.date, r.event_id, r.rung) for r in mine if r.status == "withdrawn"]
    intents = [r.rung for r in mine if r.counts_as == "intent"
               and not any(rung == r.rung and (date, event_id) > (r.date, r.event_id)
                           for date, event_id, rung in withdrawals)]
    return _level(done), _level(intents)


def timeline(events, actor, **options):
    """One row per date on which ``actor`` has an event: its done and intent levels after that date's events."""
    frame = coded(events, **options)
    records = _records(frame)
    dates = sorted(frame[frame.actor == actor].date.unique())
    rows = [(when, *_levels(records, actor, when)) for when in dates]
    return pd.DataFrame(rows, columns=["date", "done", "intent"])


def gap(events, **options):
    """Both Koreas' done levels on every date either acts, and the gap between them (ROK minus DPRK)."""
    frame = coded(events, **options)
    records = _records(frame)
    dates = sorted(frame[frame.actor.isin(KOREAS)].date.unique())
    rows = [(when, _levels(records, "ROK", when)[0], _levels(records, "DPRK", when)[0]) for when in dates]
    table = pd.DataFrame(rows, columns=["date", "ROK", "DPRK"])
    table["gap"] = table.ROK - table.DPRK
    return table


def escalations(events, actor, **options):
    """Each event that raised ``actor``'s done or intent level, with the other Korea's latest precisely dated
    event before it."""
    frame = coded(events, **options)
    records = _records(frame)
    other = "DPRK" if actor == "ROK" else "ROK"
    rows = []
    for event in frame[frame.actor == actor].itertuples():
        index = {"done": 0, "intent": 1}.get(event.counts_as)
        if index is None:
            continue
        before = _levels([r for r in records if r.date < event.date], actor, event.date)[index]
        after = _levels(records, actor, event.date)[index]
        if abs(after) > abs(before) and after == event.rung:
            # the other Korea's latest event dated within a month (a wide interval says nothing of order)
            narrow = (frame.date_latest - frame.date_earliest).dt.days <= 31
            prior = frame[(frame.actor == other) & (frame.date < event.date) & narrow]
            last = prior.iloc[-1] if len(prior) else None
            rows.append({"date": event.date, "event_id": event.event_id, "action": event.action,
                         "kind": event.counts_as, "from": before, "to": after,
                         "preceded_by": None if last is None else last.event_id,
                         "preceding_action": None if last is None else last.action,
                         "preceding_date": None if last is None else last.date})
    return pd.DataFrame(rows)


def quarterly(events, first_year, last_year, **options):
    """Both Koreas' done and intent levels at the end of every quarter from ``first_year`` to ``last_year``."""
    records = _records(coded(events, **options))
    quarters = pd.period_range(f"{first_year}Q1", f"{last_year}Q4", freq="Q")
    rows = []
    for quarter in quarters:
        when = quarter.end_time.normalize()
        (rok_done, rok_intent), (dprk_done, dprk_intent) = (_levels(records, k, when) for k in KOREAS)
        rows.append({"quarter": str(quarter), "ROK done": rok_done, "ROK intent": rok_intent,
                     "DPRK done": dprk_done, "DPRK intent": dprk_intent, "gap": rok_done - dprk_done})
    return pd.DataFrame(rows)
