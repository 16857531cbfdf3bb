"""Dates as the texts give them: intervals ``[earliest, latest]``, the latest possibly open (``NaT``).

An undated figure is never a point guessed from one bound. These helpers answer the questions the
notebooks ask of such intervals: could two overlap, does one certainly lie within a window, does one
certainly follow another, how to sort them, and how to say them in words.
"""

from dataclasses import dataclass

import pandas as pd

from .vocab import INVASION

OPEN = pd.NaT


@dataclass(frozen=True)
class Interval:
    """``earliest`` to ``latest`` inclusive, both days; ``latest`` is NaT when nothing bounds it above."""

    earliest: pd.Timestamp
    latest: pd.Timestamp = OPEN

    def __post_init__(self):
        object.__setattr__(self, "earliest", pd.Timestamp(self.earliest))
        object.__setattr__(self, "latest", OPEN if pd.isna(self.latest) else pd.Timestamp(self.latest))
        if self.bounded and self.latest < self.earliest:
            raise ValueError(f"interval ends ({self.latest:%Y-%m-%d}) before it starts ({self.earliest:%Y-%m-%d})")

    @classmethod
    def of(cls, row, prefix="date"):
        """The interval in a row's ``{prefix}_earliest`` and ``{prefix}_latest``."""
        return cls(getattr(row, f"{prefix}_earliest"), getattr(row, f"{prefix}_latest"))

    @property
    def bounded(self):
        """True when the interval has a latest date."""
        return not pd.isna(self.latest)

    @property
    def is_day(self):
        """True when the interval is a single known day."""
        return self.bounded and self.earliest == self.latest

    def overlaps(self, other):
        """True when the two intervals could share a day (an open one could share any day after it starts).

        >>> Interval("2022-03-01", "2022-03-31").overlaps(Interval("2022-03-31")), Interval("2023-01-01").overlaps(
        ...     Interval("2022-01-01", "2022-12-31"))
        (True, False)
        """
        return (not self.bounded or other.earliest <= self.latest) and (
            not other.bounded or self.earliest <= other.latest
        )

    def within(self, start, end):
        """True when the interval is known to lie inside ``[start, end]`` (``end`` NaT = open)."""
        end = pd.Timestamp(end) if not pd.isna(end) else OPEN
        return self.earliest >= pd.Timestamp(start) and (pd.isna(end) or (self.bounded and self.latest <= end))

    def follows(self, other):
        """True when every possible day of this interval is after every possible day of ``other``."""
        return other.bounded and self.earliest > other.latest

    def sort_key(self):
        """Order by earliest date, then the narrower (earlier-ending) first; open intervals last among ties."""
        return (self.earliest, self.latest if self.bounded else pd.Timestamp.max)

    def label(self, short=False):
        """The interval in words: ``12 October 2022``, ``14–20 October 2024``, ``October 2024``, ``2023``,
        ``24 February – 31 December 2022``, ``24 October 2024 or later``; ``short`` abbreviates the months.

        >>> Interval("2024-10-14", "2024-10-20").label(), Interval("2024-10-01", "2024-10-31").label(short=True)
        ('14–20 October 2024', 'Oct 2024')
        >>> Interval("2022-02-24", "2022-12-31").label(), Interval("2024-10-24").label()
        ('24 February – 31 December 2022', '24 October 2024 or later')
        """
        month = "%b" if short else "%B"
        day = lambda d: f"{d.day} {d.strftime(month)} {d.year}"  # noqa: E731
        first = self.earliest
        if not self.bounded:
            return f"{day(first)} or later"
        last = self.latest
        if first == last:
            return day(first)
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
            return f"{first.year}"
        if (
            first.day == 1
            and last == last + pd.offsets.MonthEnd(0)
            and (first.year, first.month) == (last.year, last.month)
        ):
            return f"{first.strftime(month)} {first.year}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{day(last)}"
        if first.year == last.year:
            return f"{first.day} {first.strftime(month)} – {day(last)}"
        return f"{day(first)} – {day(last)}"


def previous_week(date):
    """'Last week' said on ``date``: Monday to Sunday of the calendar week before ``date``'s week.

    >>> previous_week(pd.Timestamp("2024-10-24")).label()  # a Thursday
    '14–20 October 2024'
    """
    date = pd.Timestamp(date)
    monday = date - pd.Timedelta(days=date.weekday())
    return Interval(monday - pd.Timedelta(days=7), monday - pd.Timedelta(days=1))


def invasion():
    """24 February 2022, the earliest day a figure about the full-scale war can hold."""
    return pd.Timestamp(INVASION)


def intervals(frame, prefix="date"):
    """The rows' intervals, in order."""
    return [Interval.of(row, prefix) for row in frame.itertuples()]


def widths(frame, prefix="date"):
    """Days each row's interval spans; an open interval counts as wider than any bounded one."""
    return [(i.latest - i.earliest).days if i.bounded else 10**6 for i in intervals(frame, prefix)]


def labels(frame, prefix="date", short=False):
    """The rows' intervals in words."""
    return [i.label(short) for i in intervals(frame, prefix)]


def sort_by_interval(frame, prefix="date", then=()):
    """``frame`` ordered by :meth:`Interval.sort_key`, then by the columns ``then``."""
    keys = pd.DataFrame(
        [i.sort_key() for i in intervals(frame, prefix)], columns=["_first", "_last"], index=frame.index
    )
    ordered = pd.concat([frame, keys], axis=1).sort_values(["_first", "_last", *then], kind="stable")
    return ordered.drop(columns=["_first", "_last"])


def known_within(frame, start, end, prefix="date"):
    """Mask of rows whose interval is known to lie inside ``[start, end]``."""
    return pd.Series([i.within(start, end) for i in intervals(frame, prefix)], index=frame.index, dtype=bool)
