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

The statuses and assessments are :mod:`hytecli.progress_model`'s, the two methods
:mod:`hytecli.progress_methods`'s, and the helpers for value series and growth
:mod:`hytecli.progress_series`'s; this module holds the entry points.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Literal

from hytecli.judging import EQUAL_TOLERANCE, as_number, meets_target, wanted_answer
from hytecli.models import IndicatorFile, PlanFile
from hytecli.progress_methods import (
    TargetGoal,
    TargetVerdict,
    assess_direction,
    assess_target,
    judge_target,
)
from hytecli.progress_model import (
    DIRECTION_THRESHOLDS,
    LIMIT_EXPONENT,
    TARGET_THRESHOLDS,
    ZERO_SUBSTITUTE,
    ProgressAssessment,
    ProgressLevel,
    ProgressStatus,
    Thresholds,
    YesNoAssessment,
    YesNoStatus,
)
from hytecli.progress_series import (
    Draft,
    Growth,
    desired_direction,
    fmt,
    growth_rate,
    series_by_period,
)
from hytecli.repository import IndicatorDeadline, IndicatorRecord, indicator_deadline

#: The library's entry points, and the vocabulary they take and return (docs/progress.md), which
#: lives in :mod:`hytecli.progress_model` (``EQUAL_TOLERANCE`` in :mod:`hytecli.judging`).
__all__ = [
    "DIRECTION_THRESHOLDS",
    "EQUAL_TOLERANCE",
    "LIMIT_EXPONENT",
    "TARGET_THRESHOLDS",
    "ZERO_SUBSTITUTE",
    "ProgressAssessment",
    "ProgressLevel",
    "ProgressStatus",
    "Thresholds",
    "YesNoAssessment",
    "YesNoStatus",
    "as_indicator_file",
    "assess_indicator",
    "assess_progress",
    "assess_yes_no",
    "growth_rate",
]


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
    if indicator.target is None and desired_direction(indicator) is None:
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
    draft = Draft(indicator.id)
    values = series_by_period(indicator, as_of)
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
    judged: TargetVerdict | TargetGoal | None = None
    with_target = draft
    if indicator.target is not None:
        with_target = Draft(indicator.id, dict(draft.numbers), list(draft.warnings))
        judged = judge_target(indicator, with_target, as_of, target_year, plan, deadline)
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
            f"the base value {fmt(y0)} and the latest value {fmt(yt)} have opposite signs, so "
            "growth between them is undefined"
        )
    if too_short is not None:
        if isinstance(judged, TargetVerdict) and judged.level is ProgressLevel.TARGET_ACHIEVED:
            return with_target.finish(judged.level, judged.reason)
        return draft.finish(ProgressLevel.NOT_AVAILABLE, too_short)
    draft = with_target
    draft.numbers["years_elapsed"] = t - t0
    base = y0
    if base == 0:
        base = math.copysign(ZERO_SUBSTITUTE, yt) if yt != 0 else ZERO_SUBSTITUTE
        draft.warnings.append(
            f"the base value is 0, so growth from it is undefined: {fmt(base)} was used instead "
            "(as Open SDG does); the growth rates then show the direction, not the size"
        )
    observed = growth_rate(yt, base, t - t0)
    draft.numbers["observed_cagr"] = observed
    growth = Growth(base=base, sign=-1 if base < 0 else 1, observed=observed, t0=t0, t=t)
    if isinstance(judged, TargetVerdict):
        return draft.finish(judged.level, judged.reason)
    if isinstance(judged, TargetGoal):
        return assess_target(indicator, draft, growth, judged, thresholds)
    direction = desired_direction(indicator)
    if direction is None:  # assess_progress gives this its own status
        return draft.finish(ProgressLevel.NOT_AVAILABLE, _NO_BASIS)
    return assess_direction(indicator, draft, growth, direction, thresholds, limit)


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
    answers = {
        p: v for p, v in series_by_period(indicator, as_of).items() if isinstance(v.value, bool)
    }
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
