"""When a completion or a recorded value may be dated: rules shared by validation and recording.

``hyte validate`` reports a date that breaks them (D005, a warning; I007, an error), and
``hyte record`` and ``hyte complete`` refuse to write one, so both judge dates by the same
functions. Each returns a text that completes a sentence whose subject is the date ("--date
2023-05-01 is before the plan period began (2024-01-01)").
"""

from __future__ import annotations

from datetime import date

from hytecli.models import PlanFile
from hytecli.periods import Period


def one_year_after(day: date) -> date:
    """Return the same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def completion_date_problem(day: date, plan: PlanFile, year: int | None = None) -> str | None:
    """Say what is implausible about a completion dated ``day``, or return ``None``.

    The rule (D005, a warning; ``hyte complete`` refuses such a date): a goal or action of the
    plan is done within the plan period, or at the latest a year after it ended (reported in the
    last annual report); a recurring item's completion for ``year`` is not done before that year
    began. The text completes a sentence whose subject is the date.
    """
    start, end = plan.period.start, plan.period.end
    if day < start:
        return f"is before the plan period began ({start.isoformat()})"
    if day > one_year_after(end):
        return f"is more than a year after the plan period ended ({end.isoformat()})"
    if year is not None and day < date(year, 1, 1):
        return f"is before {year}, the year it covers, began"
    return None


def value_date_problem(day: date, period: Period, plan: PlanFile | None) -> tuple[str, str] | None:
    """Say what is wrong with an indicator value's ``date``: ``(code, text)``, or ``None``.

    I007 (an error): the date is before the value's period began, as no value is achieved or
    recorded before the period it measures starts. D005 (a warning): the date is before the plan
    period began (possible only for a period that starts before the plan). The text completes a
    sentence whose subject is the date.
    """
    if day < period.start:
        return "I007", f"is before its period {period} began ({period.start.isoformat()})"
    if plan is not None and day < plan.period.start:
        return "D005", f"is before the plan period began ({plan.period.start.isoformat()})"
    return None
