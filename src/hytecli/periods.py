"""Calendar facts the plan is judged by: ISO dates, month and year ends, reporting periods.

Only the standard library is used: :mod:`datetime` and :func:`calendar.monthrange` already give
correct month lengths and leap years (2024-02 has 29 days, 2025-02 has 28), and
:mod:`zoneinfo` with the ``tzdata`` package gives the plan's time zone on any machine.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

_MONTH_NAMES_EN = [calendar.month_name[m] for m in range(13)]

#: The first and last year a plan file or an option may name (in a date, a deadline or a
#: period). A wellbeing plan covers a few years around the present, so a year outside is a typo
#: (``0202``, ``1025``), and :class:`datetime.date` cannot even hold year 0. The JSON Schema
#: (:mod:`hytecli.models`) states the same range from these constants.
MIN_YEAR = 1900
MAX_YEAR = 2200


class DateProblem(ValueError):
    """A text that should be a date, month, year or period is not one; the message says why."""


def check_year(year: int, written: object) -> int:
    """Return ``year`` if it lies in :data:`MIN_YEAR` – :data:`MAX_YEAR`.

    Args:
        year: The year read from ``written``.
        written: The value as written, for the message.

    Returns:
        ``year``.

    Raises:
        DateProblem: the year is outside the range.
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateProblem(
            f"{written} has the year {year}, outside the years hyte accepts "
            f"({MIN_YEAR}–{MAX_YEAR}): check the year (a typo?)"
        )
    return year


def parse_iso_date(value: object) -> date:
    """Parse an ISO date ``YYYY-MM-DD`` strictly.

    Args:
        value: The value read from YAML (a ``str``; other types are refused).

    Returns:
        The date.

    Raises:
        DateProblem: not of the form ``YYYY-MM-DD``, no such day (``2025-02-29``), or a year
            outside :data:`MIN_YEAR` – :data:`MAX_YEAR` (also for a ``date`` given as such).
    """
    if isinstance(value, date):
        check_year(value.year, value.isoformat())
        return value
    if not isinstance(value, str) or not (m := _ISO_DATE.match(value.strip())):
        raise DateProblem(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-05-31")
    year, month, day = (int(g) for g in m.groups())
    check_year(year, value)
    if not 1 <= month <= 12:
        raise DateProblem(f"{value} is not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateProblem(f"{value} is not a date: {_MONTH_NAMES_EN[month]} {year} has {last} days")
    return date(year, month, day)


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> Period:
    """:meth:`Period.parse` of a text, remembered.

    A plan writes the same few dozen periods tens of thousands of times, and a period is
    immutable, so one object serves them all.
    """
    return Period._parse(text)


@functools.lru_cache(maxsize=4096)
def month_end(year: int, month: int) -> date:
    """Return the last day of ``month`` of ``year`` (leap years included).

    Remembered: judging a plan asks for the same few hundred months hundreds of thousands of
    times at the national size.

    Raises:
        ValueError: ``month`` is not 1–12, or ``year`` is outside what :class:`datetime.date`
            holds (1–9999); callers check their input first (:func:`check_year`).
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_due(value: object) -> tuple[date, str]:
    """Parse a deadline's ``due`` value into its last day and the form it was written in.

    Accepted forms: ``YYYY-MM-DD`` (that day), ``YYYY-MM`` (the last day of that month),
    ``YYYY`` as text or integer (31 December of that year).

    Returns:
        ``(last_day, form)`` where form is ``"date"``, ``"month"`` or ``"year"``.

    Raises:
        DateProblem: any other value, a month/day that does not exist, or a year outside
            :data:`MIN_YEAR` – :data:`MAX_YEAR`.
    """
    if isinstance(value, bool):
        raise DateProblem(f"{value!r} is not a deadline: write YYYY-MM-DD, YYYY-MM or YYYY")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise DateProblem(f"{value!r} is not a deadline: write YYYY-MM-DD, YYYY-MM or YYYY")
    text = value.strip()
    if _ISO_DATE.match(text):
        return parse_iso_date(text), "date"
    if m := _YEAR_MONTH.match(text):
        year, month = check_year(int(m.group(1)), text), int(m.group(2))
        if not 1 <= month <= 12:
            raise DateProblem(f"{text} is not a month: there is no month {month}")
        return month_end(year, month), "month"
    if m := _YEAR.match(text):
        return date(check_year(int(m.group(1)), text), 12, 31), "year"
    raise DateProblem(
        f"{value!r} is not a deadline: write YYYY-MM-DD, YYYY-MM (end of that month) or YYYY "
        "(end of that year)"
    )


class PeriodKind(StrEnum):
    """How often an indicator is reported (its reporting period)."""

    YEAR = "year"
    HALF_YEAR = "half_year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def parts(self) -> int:
        """How many periods of this kind a year has (1, 2, 4 or 12)."""
        return _PARTS[self]

    @property
    def noun(self) -> str:
        """The kind in words, for messages: ``year``, ``half-year``, ``quarter``, ``month``."""
        return _NOUNS[self]

    def examples(self, year: int) -> str:
        """How periods of this kind in ``year`` are written, for messages.

        ``2025``; ``2025-H1 or 2025-H2``; ``2025-Q1 ... 2025-Q4``; ``2025-01 ... 2025-12``.
        """
        first, last = Period(year, 1, self), Period(year, self.parts, self)
        if self.parts == 1:
            return str(first)
        return f"{first} {'or' if self.parts == 2 else '...'} {last}"


_PARTS = {PeriodKind.YEAR: 1, PeriodKind.HALF_YEAR: 2, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}
_NOUNS = {
    PeriodKind.YEAR: "year",
    PeriodKind.HALF_YEAR: "half-year",
    PeriodKind.QUARTER: "quarter",
    PeriodKind.MONTH: "month",
}


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: a year, a half-year, a quarter or a month.

    Written ``2024``, ``2024-H1``, ``2024-Q3`` or ``2024-05``. Periods are ordered by their
    start date, then by their end date: ``2024-03`` < ``2024-H2``, and ``2024-01`` <
    ``2024-Q1`` < ``2024-H1`` < ``2024``. No two periods have the same start and end, so the
    order agrees with equality.

    Attributes:
        year: The calendar year.
        index: 1-based half/quarter/month number within the year (1 for a year).
        kind: The :class:`PeriodKind`.
    """

    year: int
    index: int
    kind: PeriodKind
    #: The first day of the period.
    start: date = field(init=False, compare=False, repr=False)
    #: The last day of the period (inclusive).
    end: date = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Set once: judging a national-size plan asks for them half a million times.
        months = 12 // _PARTS[self.kind]
        object.__setattr__(self, "start", date(self.year, (self.index - 1) * months + 1, 1))
        object.__setattr__(self, "end", month_end(self.year, self.index * months))

    @classmethod
    def parse(cls, value: object) -> Period:
        """Parse ``2024``, ``"2024"``, ``"2024-H1"``, ``"2024-Q3"`` or ``"2024-05"``.

        Raises:
            DateProblem: any other value, or a year outside :data:`MIN_YEAR` – :data:`MAX_YEAR`.
        """
        if isinstance(value, Period):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and cls is Period:
            return _parse_text(value)
        return cls._parse(value)

    @classmethod
    def _parse(cls, value: object) -> Period:
        if isinstance(value, str):
            text = value.strip()
            if m := _YEAR.match(text):
                return cls(check_year(int(m.group(1)), text), 1, PeriodKind.YEAR)
            if m := _HALF.match(text):
                year = check_year(int(m.group(1)), text)
                return cls(year, int(m.group(2)), PeriodKind.HALF_YEAR)
            if m := _QUARTER.match(text):
                year = check_year(int(m.group(1)), text)
                return cls(year, int(m.group(2)), PeriodKind.QUARTER)
            if m := _YEAR_MONTH.match(text):
                month = int(m.group(2))
                if 1 <= month <= 12:
                    return cls(check_year(int(m.group(1)), text), month, PeriodKind.MONTH)
        raise DateProblem(
            f"{value!r} is not a period: write a year (2024), a half-year (2024-H1), a quarter "
            "(2024-Q3) or a month (2024-05)"
        )

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """Return the period of ``kind`` that ``day`` falls in (2024-05-31, quarter: 2024-Q2)."""
        months = 12 // kind.parts
        return cls(day.year, (day.month - 1) // months + 1, kind)

    def previous(self) -> Period:
        """Return the period of the same kind just before this one (2024-Q1 → 2023-Q4)."""
        if self.index > 1:
            return Period(self.year, self.index - 1, self.kind)
        return Period(self.year - 1, self.kind.parts, self.kind)

    @classmethod
    def last_ended_by(cls, day: date, kind: PeriodKind) -> Period:
        """Return the last period of ``kind`` that ends on or before ``day``.

        2024-06-30 by quarters: 2024-Q2 (it ends that day); 2024-06-29: 2024-Q1.
        """
        period = cls.containing(day, kind)
        return period if period.end <= day else period.previous()

    def __lt__(self, other: object) -> bool:
        """Order by start date, then end date (see the class docstring)."""
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    @property
    def years(self) -> float:
        """The period's midpoint as a fractional year, for growth rates (2024-H1 → 2024.25)."""
        parts = _PARTS[self.kind]
        return self.year + (self.index - 0.5) / parts

    def __str__(self) -> str:
        """Render as written: ``2024``, ``2024-H1``, ``2024-Q3``, ``2024-05``."""
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        if self.kind is PeriodKind.HALF_YEAR:
            return f"{self.year}-H{self.index}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"


def load_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone ``name`` (e.g. ``Europe/Helsinki``).

    Raises:
        DateProblem: unknown zone name.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateProblem(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Helsinki"
        ) from exc


def today_in_zone(zone: str | ZoneInfo, now: datetime | None = None) -> date:
    """Return the calendar date in ``zone`` at the instant ``now`` (default: the current time).

    Deadlines are judged by the plan's wall-clock date, not the machine's: at 23:30 UTC on
    31 December it is already 1 January in Helsinki (UTC+2).

    Args:
        zone: An IANA zone name or :class:`~zoneinfo.ZoneInfo`.
        now: An aware datetime; a naive one is taken as UTC. ``None`` reads the machine's
            clock: for library users only. The CLI reads the clock once per command and passes
            the instant down (``compute_status(now=...)``, ``render_report(now=...)``,
            ``record_value(now=...)``), so nothing deeper reads it.

    Returns:
        The date in ``zone`` at ``now`` (what a wall calendar there shows).

    Raises:
        DateProblem: ``zone`` is a name that is not a known IANA time zone.
    """
    tz = load_zone(zone) if isinstance(zone, str) else zone
    if now is None:
        now = datetime.now(tz)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    return now.astimezone(tz).date()
