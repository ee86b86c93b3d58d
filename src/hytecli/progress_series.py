"""Helpers of the progress method: value series, growth rates, the target's due day, numbers.

:func:`growth_rate` is Open SDG's compound yearly growth; :func:`series_by_period` the values of
one series counted on a day; :class:`Draft` gathers an assessment's numbers and warnings as
:mod:`hytecli.progress` and :mod:`hytecli.progress_methods` work them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hytecli.judging import series_values
from hytecli.models import IndicatorFile, IndicatorValue, PlanFile
from hytecli.periods import Period
from hytecli.progress_model import (
    LIMIT_EXPONENT,
    STATUS_OF_LEVEL,
    ProgressAssessment,
    ProgressLevel,
    ProgressStatus,
)
from hytecli.repository import IndicatorDeadline


def growth_rate(latest: float, base: float, years: float) -> float:
    """Return the compound yearly growth rate from ``base`` to ``latest`` over ``years``.

    ``(latest / base) ** (1 / years) − 1`` (Open SDG's ``growth_calculation``).

    Raises:
        ValueError: ``years`` is not positive, ``base`` is 0, or the values have opposite signs.
    """
    if years <= 0:
        raise ValueError("growth needs a positive number of years")
    if base == 0:
        raise ValueError("growth from 0 is undefined")
    quotient = latest / base
    if quotient < 0:
        raise ValueError("growth between values of opposite signs is undefined")
    return float(quotient ** (1 / years) - 1)


def series_by_period(
    indicator: IndicatorFile, as_of: date, series: str | None = None
) -> dict[Period, IndicatorValue]:
    """:func:`hytecli.judging.series_values` by period (the values counted on ``as_of``)."""
    return {entry.period: entry for entry in series_values(indicator, as_of, series)}


def target_due(
    deadline: IndicatorDeadline, plan: PlanFile | None, target_year: int | None
) -> tuple[date | None, list[str]]:
    """The day the target is due: the effective deadline's, else the plan period's end."""
    notes: list[str] = []
    if target_year is not None:
        return date(target_year, 12, 31), notes
    if deadline.written is not None:
        resolved = deadline.resolved
        if resolved is None:
            notes.append(deadline.problem or "the target's deadline cannot be resolved")
            return None, notes
        if resolved.due is not None:
            return resolved.due, notes
        notes.append("the target recurs every year: it is judged against the plan's last day")
    if plan is not None:
        return plan.period.end, notes
    return None, notes


def percent(rate: float | None) -> str:
    """Return a yearly growth rate as words (``+1.5 % a year``), for reasons."""
    return "n/a" if rate is None else f"{rate * 100:+.1f} % a year"


def fmt(value: float | None) -> str:
    """Return a number as written in reasons and warnings."""
    if value is None:
        return "n/a"
    return f"{value:g}"


def limit_coefficient(base: float, limit: float) -> float:
    """Open SDG's reduction of the no-target thresholds near a natural limit."""
    base, limit = abs(base), abs(limit)
    if base >= 2 * limit:
        return 1.0
    if base <= limit:
        return float(1 - (base / limit) ** LIMIT_EXPONENT)
    return float(1 - ((2 * limit - base) / limit) ** LIMIT_EXPONENT)


@dataclass
class Draft:
    """The numbers gathered so far, and the warnings; finished into a ProgressAssessment."""

    indicator_id: str
    numbers: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def finish(
        self, level: ProgressLevel, reason: str, status: ProgressStatus | None = None
    ) -> ProgressAssessment:
        """Return the assessment with ``level`` (and its status, unless given) and ``reason``."""
        return ProgressAssessment(
            indicator_id=self.indicator_id,
            status=status or STATUS_OF_LEVEL[level],
            level=level,
            reason=reason,
            warnings=tuple(self.warnings),
            **self.numbers,
        )


@dataclass(frozen=True, slots=True)
class Growth:
    """The growth observed from the base value to the latest value."""

    base: float  # y0, after any zero substitution
    sign: int  # s: -1 when the base is negative
    observed: float  # CAGR_o
    t0: float
    t: float


def desired_direction(indicator: IndicatorFile) -> int | None:
    """Return +1 (should increase), -1 (should decrease) or ``None`` (no direction)."""
    if indicator.direction == "increase":
        return 1
    if indicator.direction == "decrease":
        return -1
    return None
