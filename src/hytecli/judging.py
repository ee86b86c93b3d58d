"""How an indicator's recorded values are judged on a day: the rules status and progress share.

One owner for each rule that :mod:`hytecli.status`, :mod:`hytecli.progress` and
:mod:`hytecli.report.context` all apply, so that ``hyte status`` and ``hyte report`` never say
"done" and "not achieved", or "open" and "target achieved", of the same indicator on the same
day (documented for users in ``docs/status.md``, "Values counted" and "Outcome and done"):

* **Which values count on a day** (:func:`known_from`, :func:`known_on`): a value with a
  ``date`` counts from that day; a value without one counts from its period's last day (a
  yearly statistic for 2024 is not known on 1 January 2024). That same day is the value's date
  when it makes an indicator done, so a done date is never after the day judged.
* **A series** (:func:`series_values`): the whole-area values (no ``municipality``) of one series
  (the indicator's own, or a reference series such as ``national_average``) counted on a day,
  one per period (the last one written, as a duplicate period is a validation error), oldest
  period first.
* **Whether a value meets the target** (:func:`meets_target`), with the comparison it is judged
  by (:func:`target_comparison`) and the tolerance of ``equal`` (:data:`EQUAL_TOLERANCE`).

Nothing here reads the clock: the day is passed in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Literal

from hytecli.models import IndicatorFile, IndicatorValue
from hytecli.periods import Period

Comparison = Literal["at_least", "at_most", "equal"]

#: Relative tolerance for an ``equal`` target to count as met: ``|value − target| ≤ 1e-9 ·
#: max(1, |target|)``, so a value that differs from the target only by floating-point rounding
#: (0.1 + 0.2 against 0.3) meets it.
EQUAL_TOLERANCE = 1e-9


def known_from(value: IndicatorValue) -> date:
    """Return the first day ``value`` counts, which is also its date as a done date.

    Its ``date`` when it has one (``hyte validate`` requires it to be within or after its period:
    I007), else its period's last day: a value without a date is taken as known once the period
    it describes is over.
    """
    return value.date if value.date is not None else value.period.end


def known_on(value: IndicatorValue, day: date) -> bool:
    """Whether ``value`` counts when judging on ``day`` (:func:`known_from` is not after it)."""
    return known_from(value) <= day


def series_values(
    indicator: IndicatorFile, as_of: date, series: str | None = None
) -> list[IndicatorValue]:
    """Return the whole-area values of one series counted on ``as_of``, oldest period first.

    Args:
        indicator: The indicator.
        as_of: The day judged (see :func:`known_on`).
        series: ``None`` for the indicator's own values, else a reference series's name (the
            entries with ``series: <name>``).

    Returns:
        One value per period, the last one written for it.
    """
    found: dict[Period, IndicatorValue] = {}
    for entry in indicator.values:
        if entry.municipality is None and entry.series == series and known_on(entry, as_of):
            found[entry.period] = entry  # a later entry for the period replaces an earlier one
    return sorted(found.values(), key=lambda v: (v.period.start, v.period.end))


def as_number(value: object) -> float | None:
    """Return ``value`` as a float when it is a finite number (not a yes/no answer), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value):
        return None
    return float(value)


def base_value(indicator: IndicatorFile, values: Iterable[IndicatorValue]) -> float | None:
    """Return the base value: the ``baseline``, else the first number of ``values``."""
    if indicator.baseline is not None:
        return float(indicator.baseline.value)
    for entry in values:
        number = as_number(entry.value)
        if number is not None:
            return number
    return None


def has_target(indicator: IndicatorFile) -> bool:
    """Whether the indicator's values have something to meet.

    True when it has a target, and for every yes/no indicator: one without a target wants the
    answer yes (:func:`wanted_answer`).
    """
    return indicator.target is not None or indicator.kind == "yes_no"


def wanted_answer(indicator: IndicatorFile) -> bool:
    """The answer a yes/no indicator wants: its target's value (``true`` or ``false``), else yes."""
    target = indicator.target
    if target is not None and isinstance(target.value, bool):
        return target.value
    return True


def target_comparison(
    indicator: IndicatorFile, goal: float, base: float | None = None
) -> Comparison:
    """Return the comparison a number is judged by against the target value ``goal``.

    The target's ``comparison`` as written. Without one (allowed for a reference target; for a
    target value it is error I001), the indicator's ``direction`` (``increase`` → at least,
    ``decrease`` → at most); without that either, the way from ``base`` to the target, as Open
    SDG does (up: at least, down: at most), and ``equal`` when ``base`` is the target or unknown.
    """
    target = indicator.target
    if target is not None and target.comparison is not None:
        return target.comparison
    if indicator.direction == "increase":
        return "at_least"
    if indicator.direction == "decrease":
        return "at_most"
    if base is None or base == goal:
        return "equal"
    return "at_least" if goal > base else "at_most"


def number_meets(value: float, goal: float, comparison: Comparison) -> bool:
    """Whether the number ``value`` meets ``goal`` by ``comparison``.

    ``equal`` is met within :data:`EQUAL_TOLERANCE`.
    """
    if comparison == "at_least":
        return value >= goal
    if comparison == "at_most":
        return value <= goal
    return abs(value - goal) <= EQUAL_TOLERANCE * max(1.0, abs(goal))


def meets_target(
    indicator: IndicatorFile,
    value: object,
    *,
    reference: object = None,
    base: float | None = None,
) -> bool | None:
    """Whether the recorded ``value`` meets ``indicator``'s target.

    * yes/no: the answer is the :func:`wanted_answer` (the target's ``true`` or ``false``; yes
      without a target);
    * a reference target (``target.reference``): ``value`` against ``reference``, the reference
      series' value of the same period, by :func:`target_comparison`;
    * a number target: by :func:`target_comparison` (``equal`` within :data:`EQUAL_TOLERANCE`);
    * a text target: the same text.

    Args:
        indicator: The indicator.
        value: The recorded value (an :class:`~hytecli.models.IndicatorValue`'s ``value``).
        reference: For a reference target, the reference series' value of ``value``'s period
            (``None`` when not recorded).
        base: The base value (:func:`base_value`), used only by a target without a comparison
            and an indicator without a direction.

    Returns:
        ``True`` or ``False``; ``None`` when there is nothing to judge by: the indicator has no
        target (and is not yes/no), or a reference target's reference value is missing.
    """
    if indicator.kind == "yes_no":
        return isinstance(value, bool) and value is wanted_answer(indicator)
    target = indicator.target
    if target is None:
        return None
    goal = reference if target.reference is not None else target.value
    if goal is None:
        return None
    number, goal_number = as_number(value), as_number(goal)
    if number is not None and goal_number is not None:
        return number_meets(number, goal_number, target_comparison(indicator, goal_number, base))
    if isinstance(value, bool) or isinstance(goal, bool):
        return isinstance(value, bool) and isinstance(goal, bool) and value is goal
    return type(value) is type(goal) and value == goal
