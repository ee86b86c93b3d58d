"""Indicator progress: is a numeric indicator on track to reach its target?

The method is Statistics Canada's compound-growth progress measure as implemented by Open SDG
(open-sdg/sdg-build ``sdg/ProgressMeasure.py``, Open SDG 2.4.0 and later; methodology in
open-sdg ``docs/progress-methodology.md``). Summary (docs/progress.md has the full account and
every decision hyte adds):

* base value y0 at time t0 (the indicator's ``baseline``, else its first recorded value), latest
  value yt at time t, target value T at time tT; desired direction d = +1 (higher is better) or
  −1 (lower is better); s = −1 when the base value is negative, else +1;
* observed growth ``CAGR_o = (yt / y0) ** (1 / (t − t0)) − 1``;
* with a target: achieved when yt meets T (:func:`hytecli.judging.meets_target`, the rule
  ``hyte status`` uses for "done", decided first, so even a single value can achieve it); else
  required growth ``CAGR_r = (T / y0) ** (1 / (tT − t0)) − 1`` and ratio
  ``R = s · d · CAGR_o / |CAGR_r|``, compared with :data:`TARGET_THRESHOLDS`;
* without a target: ``P = s · d · CAGR_o``, compared with :data:`DIRECTION_THRESHOLDS`;
* with neither a target nor a desired direction there is nothing to judge against: the status is
  ``no_target_or_direction`` (Open SDG's level ``not_available``), whatever the values.

Times are fractional years (:attr:`hytecli.periods.Period.years`, the middle of the period:
2024 → 2024.5, 2024-H1 → 2024.25), so half-years, quarters and months work, and growth is
always per year. Only whole-area values of the indicator's own series (no ``municipality``, no
``series``) known on ``as_of`` (:func:`hytecli.judging.series_values`) form the main series;
reference targets such as ``national_average`` are read from the values with
``series: <reference>``. The target is due by the indicator's effective deadline
(:func:`hytecli.repository.indicator_deadline`, passed in as ``deadline``).

Nothing here reads the clock: ``as_of`` is passed in.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from hytecli.judging import EQUAL_TOLERANCE as EQUAL_TOLERANCE  # public here before judging
from hytecli.judging import (
    as_number,
    meets_target,
    series_values,
    target_comparison,
    wanted_answer,
)
from hytecli.models import IndicatorFile, IndicatorValue, PlanFile
from hytecli.periods import Period
from hytecli.repository import IndicatorDeadline, IndicatorRecord, indicator_deadline


class ProgressStatus(StrEnum):
    """hyte's progress status of a numeric indicator (what reports show)."""

    TARGET_ACHIEVED = "target_achieved"
    ON_TRACK = "on_track"  # Open SDG: substantial progress
    PROGRESS_TOO_SLOW = "progress_too_slow"  # Open SDG: moderate or limited progress
    DETERIORATION = "deterioration"
    NOT_ENOUGH_DATA = "not_enough_data"  # fewer than two values to compare, or no reference
    NO_TARGET_OR_DIRECTION = "no_target_or_direction"  # nothing to judge the values against


class ProgressLevel(StrEnum):
    """Open SDG's finer progress level, kept alongside :class:`ProgressStatus`."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


_STATUS_OF_LEVEL = {
    ProgressLevel.TARGET_ACHIEVED: ProgressStatus.TARGET_ACHIEVED,
    ProgressLevel.SUBSTANTIAL: ProgressStatus.ON_TRACK,
    ProgressLevel.MODERATE: ProgressStatus.PROGRESS_TOO_SLOW,
    ProgressLevel.LIMITED: ProgressStatus.PROGRESS_TOO_SLOW,
    ProgressLevel.DETERIORATION: ProgressStatus.DETERIORATION,
    ProgressLevel.NOT_AVAILABLE: ProgressStatus.NOT_ENOUGH_DATA,
}


@dataclass(frozen=True)
class Thresholds:
    """Lower bounds of the progress levels, for the number compared (ratio or growth).

    A value ≥ ``high`` is substantial progress, ≥ ``medium`` moderate, ≥ ``low`` limited and
    below ``low`` deterioration.
    """

    high: float
    medium: float
    low: float

    def level(self, value: float) -> ProgressLevel:
        """Return the progress level of ``value``."""
        if value >= self.high:
            return ProgressLevel.SUBSTANTIAL
        if value >= self.medium:
            return ProgressLevel.MODERATE
        if value >= self.low:
            return ProgressLevel.LIMITED
        return ProgressLevel.DETERIORATION

    def scaled(self, coefficient: float) -> Thresholds:
        """Return the thresholds multiplied by ``coefficient`` (near a natural limit)."""
        return Thresholds(
            self.high * coefficient, self.medium * coefficient, self.low * coefficient
        )


#: Thresholds for the ratio of observed to required growth when there is a target: Open SDG's
#: defaults for its "method 2" (``{'high': 0.95, 'med': 0.6, 'low': 0}`` in
#: ``SeriesProgress.get_progress_thresholds``), from Statistics Canada's progress measure.
TARGET_THRESHOLDS = Thresholds(high=0.95, medium=0.6, low=0.0)

#: Thresholds for the observed yearly growth in the desired direction when there is no target:
#: Open SDG's defaults for its "method 1" (``{'high': 0.015, 'med': 0.005, 'low': 0}``), i.e.
#: 1.5 % and 0.5 % a year.
DIRECTION_THRESHOLDS = Thresholds(high=0.015, medium=0.005, low=0.0)

#: The value Open SDG substitutes for a base or target value of exactly 0 (with a warning), since
#: growth from zero is undefined; hyte does the same and records the warning.
ZERO_SUBSTITUTE = 0.001

#: Exponent of Open SDG's threshold reduction near a natural limit (``a = 4.44`` in
#: ``get_progress_thresholds``): ``coefficient = 1 − (base / limit) ** a`` below the limit.
LIMIT_EXPONENT = 4.44


@dataclass(frozen=True)
class ProgressAssessment:
    """How a numeric indicator stands, with the numbers behind the verdict.

    Attributes:
        indicator_id: The indicator's id.
        status: hyte's status (:class:`ProgressStatus`).
        level: Open SDG's finer level (:class:`ProgressLevel`).
        reason: One sentence saying why, with the numbers.
        method: ``target`` (growth needed to reach a target), ``direction`` (growth in the
            desired direction, no target), or ``None`` when not assessed.
        base_period: The base period (t0), if any.
        base_value: The base value (y0), as recorded (before any zero substitution).
        base_from: ``baseline`` (the indicator's baseline) or ``values`` (its first value).
        latest_period: The latest period with a whole-area value (t), if any.
        latest_value: That value (yt).
        target_value: The target (T); for a reference target, the reference series' value for
            the latest period.
        target_reference: The reference series (e.g. ``national_average``), if the target is one.
        comparison: ``at_least``, ``at_most`` or ``equal`` as written (``None`` if not written).
        target_due: The target's deadline (last day), if known.
        target_time: The fractional year the target is due (tT): the middle of the last
            reporting period that ends on or before ``target_due``.
        direction: +1 when higher is better, −1 when lower is better.
        years_elapsed: t − t0 in years.
        observed_cagr: Observed compound yearly growth CAGR_o (0.05 = 5 % a year).
        required_cagr: Yearly growth CAGR_r needed to reach the target by tT.
        ratio: s · d · CAGR_o / |CAGR_r| (target method).
        progress_value: The number compared with the thresholds (``ratio``, or s · d · CAGR_o
            for the direction method).
        thresholds: The thresholds used (after any reduction near a natural limit).
        warnings: Things the reader should know (zero substituted, deadline passed, ...).
    """

    indicator_id: str
    status: ProgressStatus
    level: ProgressLevel
    reason: str
    method: Literal["target", "direction"] | None = None
    base_period: Period | None = None
    base_value: float | None = None
    base_from: Literal["baseline", "values"] | None = None
    latest_period: Period | None = None
    latest_value: float | None = None
    target_value: float | None = None
    target_reference: str | None = None
    comparison: str | None = None
    target_due: date | None = None
    target_time: float | None = None
    direction: int | None = None
    years_elapsed: float | None = None
    observed_cagr: float | None = None
    required_cagr: float | None = None
    ratio: float | None = None
    progress_value: float | None = None
    thresholds: Thresholds | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """Return the assessment as JSON-ready data (periods and dates as text).

        The keys are the attribute names; ``thresholds`` is ``{"high", "medium", "low"}``.
        """
        data: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, Period):
                value = str(value)
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, Thresholds):
                value = {"high": value.high, "medium": value.medium, "low": value.low}
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, StrEnum):
                value = str(value)
            data[name] = value
        return data


class YesNoStatus(StrEnum):
    """How a yes/no indicator stands."""

    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class YesNoAssessment:
    """The latest whole-area answer of a yes/no indicator.

    Attributes:
        indicator_id: The indicator's id.
        status: achieved, not achieved, or not recorded.
        period: The latest period with an answer, if any.
        value: That answer.
        reason: One sentence saying why.
    """

    indicator_id: str
    status: YesNoStatus
    period: Period | None
    value: bool | None
    reason: str


# --- helpers --------------------------------------------------------------------------------------


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


def _series(
    indicator: IndicatorFile, as_of: date, series: str | None = None
) -> dict[Period, IndicatorValue]:
    """:func:`hytecli.judging.series_values` by period (the values counted on ``as_of``)."""
    return {entry.period: entry for entry in series_values(indicator, as_of, series)}


def _target_due(
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


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate * 100:+.1f} % a year"


def _fmt(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:g}"


def _limit_coefficient(base: float, limit: float) -> float:
    """Open SDG's reduction of the no-target thresholds near a natural limit."""
    base, limit = abs(base), abs(limit)
    if base >= 2 * limit:
        return 1.0
    if base <= limit:
        return float(1 - (base / limit) ** LIMIT_EXPONENT)
    return float(1 - ((2 * limit - base) / limit) ** LIMIT_EXPONENT)


# --- the assessment -------------------------------------------------------------------------------


@dataclass
class _Draft:
    """The numbers gathered so far, and the warnings; finished into a ProgressAssessment."""

    indicator_id: str
    numbers: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def finish(
        self, level: ProgressLevel, reason: str, status: ProgressStatus | None = None
    ) -> ProgressAssessment:
        return ProgressAssessment(
            indicator_id=self.indicator_id,
            status=status or _STATUS_OF_LEVEL[level],
            level=level,
            reason=reason,
            warnings=tuple(self.warnings),
            **self.numbers,
        )


def as_indicator_file(indicator: IndicatorFile | IndicatorRecord) -> IndicatorFile:
    """Return the indicator's model, given it or the repository's record of it.

    ``repository.indicators[i]`` and ``repository.indicator(id)`` are
    :class:`~hytecli.repository.IndicatorRecord` objects (path, document, model); the model, an
    :class:`~hytecli.models.IndicatorFile`, is their ``.indicator``. The ``assess_*`` functions
    take either.

    Raises:
        TypeError: ``indicator`` is neither.
    """
    if isinstance(indicator, IndicatorFile):
        return indicator
    inner = getattr(indicator, "indicator", None)
    if isinstance(inner, IndicatorFile):
        return inner
    raise TypeError(
        "expected an indicator: an IndicatorFile (repository.indicators[i].indicator) or an "
        f"IndicatorRecord (repository.indicators[i]), not {type(indicator).__name__}"
    )


def assess_progress(
    indicator: IndicatorFile | IndicatorRecord,
    *,
    as_of: date,
    target_year: int | None = None,
    plan: PlanFile | None = None,
    deadline: IndicatorDeadline | None = None,
    thresholds: Thresholds | None = None,
    limit: float | None = None,
) -> ProgressAssessment:
    """Assess a count, percentage or rate indicator's progress (see the module docstring).

    Args:
        indicator: The indicator (kind ``count``, ``percentage`` or ``rate``): its model,
            ``repository.indicators[i].indicator``, or its record, ``repository.indicators[i]``.
        as_of: Only the values known on this day count (:func:`hytecli.judging.known_on`: a
            value's ``date``, else its period's last day, is not after it).
        target_year: Judge the target as due at the end of this year instead of its deadline.
        plan: The plan, for ``term_end`` deadlines and, when the target has no deadline (or a
            recurring one), the plan period's end.
        deadline: The indicator's effective deadline,
            ``repository.indicator_deadline(indicator_id)``, which may be inherited from the
            goal or action that lists it (as ``hyte status`` judges it). Default: the target's
            own deadline only (an indicator model alone does not know who lists it).
        thresholds: Override the thresholds (default :data:`TARGET_THRESHOLDS` with a target,
            :data:`DIRECTION_THRESHOLDS` without).
        limit: A natural limit for the no-target method (default 100 for percentages that
            should increase); the thresholds are reduced near it as Open SDG does.

    Returns:
        The :class:`ProgressAssessment`. An indicator with neither a target nor a desired
        ``direction`` (increase or decrease) is ``no_target_or_direction`` whatever its values
        (the numbers that could be computed are kept).

    Raises:
        ValueError: the indicator is a yes/no or text indicator (see :func:`assess_yes_no`).
        TypeError: ``indicator`` is not an indicator.
    """
    indicator = as_indicator_file(indicator)
    if indicator.kind in ("yes_no", "text"):
        raise ValueError(
            f"{indicator.id} is a {indicator.kind} indicator: progress is measured for count, "
            "percentage and rate indicators (use assess_yes_no for yes/no ones)"
        )
    if deadline is None:
        deadline = indicator_deadline(indicator, plan)
    assessment = _assess_numeric(indicator, as_of, target_year, plan, deadline, thresholds, limit)
    if indicator.target is None and _desired_direction(indicator) is None:
        return dataclasses.replace(
            assessment,
            status=ProgressStatus.NO_TARGET_OR_DIRECTION,
            level=ProgressLevel.NOT_AVAILABLE,
            reason=_NO_BASIS,
        )
    return assessment


#: Why an indicator with neither a target nor a direction has no progress status.
_NO_BASIS = (
    "the indicator has no target and no desired direction (direction: increase or decrease), so "
    "its progress cannot be judged"
)


def _assess_numeric(
    indicator: IndicatorFile,
    as_of: date,
    target_year: int | None,
    plan: PlanFile | None,
    deadline: IndicatorDeadline,
    thresholds: Thresholds | None,
    limit: float | None,
) -> ProgressAssessment:
    draft = _Draft(indicator.id)
    values = _series(indicator, as_of)
    main = {p: n for p, v in values.items() if (n := as_number(v.value)) is not None}
    ignored = [str(p) for p, v in values.items() if as_number(v.value) is None]
    if ignored:
        draft.warnings.append("values that are not numbers were left out: " + ", ".join(ignored))
    if not main:
        return draft.finish(ProgressLevel.NOT_AVAILABLE, "no values recorded yet")
    latest_period, yt = list(main.items())[-1]
    base_from: Literal["baseline", "values"]
    if indicator.baseline is not None:
        base_period, y0 = indicator.baseline.period, float(indicator.baseline.value)
        base_from = "baseline"
    else:
        base_period, y0 = next(iter(main.items()))
        base_from = "values"
    draft.numbers.update(
        base_period=base_period,
        base_value=y0,
        base_from=base_from,
        latest_period=latest_period,
        latest_value=yt,
    )
    # Whether the target is met is settled first (on a copy of the numbers, kept once growth can
    # be measured): one value that meets it is "target achieved", however short the series.
    judged: _Verdict | _Goal | None = None
    with_target = draft
    if indicator.target is not None:
        with_target = _Draft(indicator.id, dict(draft.numbers), list(draft.warnings))
        judged = _judge_target(indicator, with_target, as_of, target_year, plan, deadline)
    t0, t = base_period.years, latest_period.years
    too_short = None
    if t < t0:
        too_short = (
            f"the base period {base_period} is later than the latest value's period {latest_period}"
        )
    elif t == t0:
        too_short = (
            f"only one period ({latest_period}) has a value: progress needs a base value and a "
            "later value"
        )
    elif (y0 > 0 > yt) or (y0 < 0 < yt):
        too_short = (
            f"the base value {_fmt(y0)} and the latest value {_fmt(yt)} have opposite signs, so "
            "growth between them is undefined"
        )
    if too_short is not None:
        if isinstance(judged, _Verdict) and judged.level is ProgressLevel.TARGET_ACHIEVED:
            return with_target.finish(judged.level, judged.reason)
        return draft.finish(ProgressLevel.NOT_AVAILABLE, too_short)
    draft = with_target
    draft.numbers["years_elapsed"] = t - t0
    base = y0
    if base == 0:
        base = math.copysign(ZERO_SUBSTITUTE, yt) if yt != 0 else ZERO_SUBSTITUTE
        draft.warnings.append(
            f"the base value is 0, so growth from it is undefined: {_fmt(base)} was used instead "
            "(as Open SDG does); the growth rates then show the direction, not the size"
        )
    observed = growth_rate(yt, base, t - t0)
    draft.numbers["observed_cagr"] = observed
    growth = _Growth(base=base, sign=-1 if base < 0 else 1, observed=observed, t0=t0, t=t)
    if isinstance(judged, _Verdict):
        return draft.finish(judged.level, judged.reason)
    if isinstance(judged, _Goal):
        return _assess_target(indicator, draft, growth, judged, thresholds)
    direction = _desired_direction(indicator)
    if direction is None:  # assess_progress gives this its own status
        return draft.finish(ProgressLevel.NOT_AVAILABLE, _NO_BASIS)
    return _assess_direction(indicator, draft, growth, direction, thresholds, limit)


@dataclass(frozen=True)
class _Growth:
    base: float  # y0, after any zero substitution
    sign: int  # s: -1 when the base is negative
    observed: float  # CAGR_o
    t0: float
    t: float


def _desired_direction(indicator: IndicatorFile) -> int | None:
    if indicator.direction == "increase":
        return 1
    if indicator.direction == "decrease":
        return -1
    return None


def _assess_direction(
    indicator: IndicatorFile,
    draft: _Draft,
    growth: _Growth,
    direction: int,
    thresholds: Thresholds | None,
    limit: float | None,
) -> ProgressAssessment:
    used = thresholds or DIRECTION_THRESHOLDS
    if limit is None and indicator.kind == "percentage" and direction > 0:
        limit = 100.0
    if limit:
        coefficient = _limit_coefficient(growth.base, limit)
        if coefficient != 1.0:
            used = used.scaled(coefficient)
            draft.warnings.append(
                f"the base value {_fmt(growth.base)} is near the natural limit {_fmt(limit)}: "
                f"the thresholds were multiplied by {coefficient:.3f} (as Open SDG does)"
            )
    value = growth.sign * direction * growth.observed
    draft.numbers.update(
        method="direction", direction=direction, progress_value=value, thresholds=used
    )
    wanted = "increase" if direction > 0 else "decrease"
    numbers = draft.numbers
    reason = (
        f"no target; the indicator should {wanted}: it changed {_percent(growth.observed)} "
        f"from {numbers['base_period']} to {numbers['latest_period']} "
        f"({_fmt(numbers['base_value'])} → {_fmt(numbers['latest_value'])}); substantial "
        f"progress is {used.high * 100:.2f} % a year or more in the desired direction, "
        f"moderate {used.medium * 100:.2f} %"
    )
    return draft.finish(used.level(value), reason)


@dataclass(frozen=True)
class _Goal:
    """A target not met yet: what the growth is measured against."""

    value: float  # T
    direction: int  # d
    due: date | None
    time: float | None  # tT
    text: str  # "at least 70", for the reason


@dataclass(frozen=True)
class _Verdict:
    """A target judged without growth: achieved, or not assessable (no reference value)."""

    level: ProgressLevel
    reason: str


def _judge_target(
    indicator: IndicatorFile,
    draft: _Draft,
    as_of: date,
    target_year: int | None,
    plan: PlanFile | None,
    deadline: IndicatorDeadline,
) -> _Verdict | _Goal:
    """Judge the latest value against the target, recording the target's numbers in ``draft``.

    Whether the target is met is decided by :func:`hytecli.judging.meets_target`, as ``hyte
    status`` decides it. Returns the verdict when that settles it (achieved, or no target value
    to judge by), else the goal the growth is measured against.
    """
    target = indicator.target
    assert target is not None
    numbers = draft.numbers
    latest_period: Period = numbers["latest_period"]
    yt: float = numbers["latest_value"]
    y0: float = numbers["base_value"]
    numbers.update(method="target", comparison=target.comparison)
    due, notes = _target_due(deadline, plan, target_year)
    draft.warnings.extend(notes)
    target_time = Period.last_ended_by(due, indicator.reporting_period).years if due else None
    numbers.update(target_due=due, target_time=target_time)
    if target.reference is not None:
        numbers["target_reference"] = target.reference
        entry = _series(indicator, as_of, target.reference).get(latest_period)
        goal = as_number(entry.value) if entry is not None else None
        if goal is None:
            return _Verdict(
                ProgressLevel.NOT_AVAILABLE,
                f"the target is the {target.reference} series, which has no value for "
                f"{latest_period} (record it with --series {target.reference})",
            )
    else:
        goal = as_number(target.value)
        if goal is None:
            return _Verdict(
                ProgressLevel.NOT_AVAILABLE, f"the target {target.value!r} is not a number"
            )
    numbers["target_value"] = goal

    stated = _desired_direction(indicator)
    if target.comparison == "at_least":
        direction = 1
    elif target.comparison == "at_most":
        direction = -1
    elif stated is not None:
        direction = stated
    elif goal != y0:
        direction = 1 if goal > y0 else -1
    else:
        direction = 1 if yt < goal else -1  # back toward the target the value has left
    if stated is not None and stated != direction:
        draft.warnings.append(
            f"direction: {indicator.direction} disagrees with comparison: {target.comparison}; "
            "the comparison was used"
        )
    numbers["direction"] = direction

    words = {"at_least": "at least", "at_most": "at most", "equal": "exactly"}
    goal_text = f"{words[target_comparison(indicator, goal, y0)]} {_fmt(goal)}"
    if target.reference is not None:
        goal_text += f" ({target.reference} {latest_period})"
    if meets_target(indicator, yt, reference=goal, base=y0):
        return _Verdict(
            ProgressLevel.TARGET_ACHIEVED,
            f"the latest value {_fmt(yt)} ({latest_period}) meets the target {goal_text}",
        )
    return _Goal(goal, direction, due, target_time, goal_text)


def _assess_target(
    indicator: IndicatorFile,
    draft: _Draft,
    growth: _Growth,
    target: _Goal,
    thresholds: Thresholds | None,
) -> ProgressAssessment:
    numbers = draft.numbers
    latest_period: Period = numbers["latest_period"]
    yt: float = numbers["latest_value"]
    y0: float = numbers["base_value"]
    goal, direction, due, target_time = target.value, target.direction, target.due, target.time
    goal_text = target.text
    if target_time is None:
        draft.warnings.append("the target has no known deadline: judged by direction only")
        return _assess_direction(indicator, draft, growth, direction, thresholds, None)

    moving = growth.sign * direction * growth.observed
    calc_goal = goal
    if goal == 0:
        calc_goal = math.copysign(ZERO_SUBSTITUTE, growth.base)
        draft.warnings.append(
            f"the target is 0: {_fmt(calc_goal)} was used instead to compute the growth needed "
            "(as Open SDG does)"
        )
    if target_time <= growth.t0 or calc_goal / growth.base < 0:
        why = (
            f"was due by {due}, not after the base period {numbers['base_period']}"
            if target_time <= growth.t0
            else f"and the base value {_fmt(y0)} have opposite signs"
        )
        level = ProgressLevel.DETERIORATION if moving < 0 else ProgressLevel.LIMITED
        return draft.finish(
            level,
            f"the target {goal_text} {why}, so no growth rate can reach it; the latest value "
            f"{_fmt(yt)} ({latest_period}) does not meet it",
        )
    required = growth_rate(calc_goal, growth.base, target_time - growth.t0)
    used = thresholds or TARGET_THRESHOLDS
    numbers.update(required_cagr=required, thresholds=used)
    if required == 0:
        return draft.finish(
            ProgressLevel.DETERIORATION,
            f"the base value already met the target {goal_text}, and the latest value "
            f"{_fmt(yt)} ({latest_period}) has fallen behind it",
        )
    ratio = moving / abs(required)
    numbers.update(ratio=ratio, progress_value=ratio)
    level = used.level(ratio)
    if ratio < 0:
        pace = "it is moving away from the target"
    else:
        pace = f"that is {ratio * 100:.0f} % of the growth needed"
    reason = (
        f"observed growth {_percent(growth.observed)} against {_percent(required)} needed to "
        f"reach {goal_text} by {due}: {pace} (on track needs at least {used.high * 100:g} % "
        "of the required yearly growth)"
    )
    if growth.t >= target_time:
        draft.warnings.append(f"the deadline {due} has passed and the target is not met")
        if level is ProgressLevel.SUBSTANTIAL:
            return draft.finish(
                level,
                reason + "; the deadline has passed, so it is not on track",
                ProgressStatus.PROGRESS_TOO_SLOW,
            )
    return draft.finish(level, reason)


def assess_yes_no(indicator: IndicatorFile | IndicatorRecord, *, as_of: date) -> YesNoAssessment:
    """Assess a yes/no indicator by its latest whole-area answer known on ``as_of``.

    The wanted answer is the target's value, ``true`` or ``false`` (``true`` when there is no
    target): :func:`hytecli.judging.meets_target`, as ``hyte status`` judges it. ``indicator`` is
    its model or its record, as for :func:`assess_progress`.

    Raises:
        ValueError: the indicator is not a yes/no indicator.
        TypeError: ``indicator`` is not an indicator.
    """
    indicator = as_indicator_file(indicator)
    if indicator.kind != "yes_no":
        raise ValueError(f"{indicator.id} is a {indicator.kind} indicator, not yes/no")
    answers = {p: v for p, v in _series(indicator, as_of).items() if isinstance(v.value, bool)}
    if not answers:
        return YesNoAssessment(
            indicator.id, YesNoStatus.NOT_RECORDED, None, None, "no answer recorded yet"
        )
    period, entry = list(answers.items())[-1]
    wanted = wanted_answer(indicator)
    value = bool(entry.value)
    word = "yes" if value else "no"
    if meets_target(indicator, value):
        return YesNoAssessment(
            indicator.id, YesNoStatus.ACHIEVED, period, value, f"{period}: {word}, as targeted"
        )
    return YesNoAssessment(
        indicator.id,
        YesNoStatus.NOT_ACHIEVED,
        period,
        value,
        f"{period}: {word}; the target is {'yes' if wanted else 'no'}",
    )


def assess_indicator(
    indicator: IndicatorFile | IndicatorRecord,
    *,
    as_of: date,
    plan: PlanFile | None = None,
    deadline: IndicatorDeadline | None = None,
) -> ProgressAssessment | YesNoAssessment | None:
    """Assess any indicator: yes/no ones by their answer, numeric ones by their progress.

    ``indicator`` is its model or its record, and ``plan`` and ``deadline`` are as for
    :func:`assess_progress`. Returns ``None`` for text indicators, which have no progress to
    measure.
    """
    indicator = as_indicator_file(indicator)
    if indicator.kind == "text":
        return None
    if indicator.kind == "yes_no":
        return assess_yes_no(indicator, as_of=as_of)
    return assess_progress(indicator, as_of=as_of, plan=plan, deadline=deadline)
