"""The two progress methods of Open SDG: against a target, and in the desired direction.

:func:`judge_target` settles whether the latest value meets the target (as ``hyte status``
decides it); :func:`assess_target` compares the observed growth with the growth the target needs
(Open SDG's "method 2"), :func:`assess_direction` the observed growth with fixed yearly rates
when there is no target ("method 1"). :mod:`hytecli.progress` chooses between them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from hytecli.judging import as_number, meets_target, target_comparison
from hytecli.models import IndicatorFile, PlanFile
from hytecli.periods import Period
from hytecli.progress_model import (
    DIRECTION_THRESHOLDS,
    TARGET_THRESHOLDS,
    ZERO_SUBSTITUTE,
    ProgressAssessment,
    ProgressLevel,
    ProgressStatus,
    Thresholds,
)
from hytecli.progress_series import (
    Draft,
    Growth,
    desired_direction,
    fmt,
    growth_rate,
    limit_coefficient,
    percent,
    series_by_period,
    target_due,
)
from hytecli.repository import IndicatorDeadline


def assess_direction(
    indicator: IndicatorFile,
    draft: Draft,
    growth: Growth,
    direction: int,
    thresholds: Thresholds | None,
    limit: float | None,
) -> ProgressAssessment:
    """Assess the observed growth in the desired ``direction`` (no target, or no deadline)."""
    used = thresholds or DIRECTION_THRESHOLDS
    if limit is None and indicator.kind == "percentage" and direction > 0:
        limit = 100.0
    if limit:
        coefficient = limit_coefficient(growth.base, limit)
        if coefficient != 1.0:
            used = used.scaled(coefficient)
            draft.warnings.append(
                f"the base value {fmt(growth.base)} is near the natural limit {fmt(limit)}: "
                f"the thresholds were multiplied by {coefficient:.3f} (as Open SDG does)"
            )
    value = growth.sign * direction * growth.observed
    draft.numbers.update(
        method="direction", direction=direction, progress_value=value, thresholds=used
    )
    wanted = "increase" if direction > 0 else "decrease"
    numbers = draft.numbers
    reason = (
        f"no target; the indicator should {wanted}: it changed {percent(growth.observed)} "
        f"from {numbers['base_period']} to {numbers['latest_period']} "
        f"({fmt(numbers['base_value'])} → {fmt(numbers['latest_value'])}); substantial "
        f"progress is {used.high * 100:.2f} % a year or more in the desired direction, "
        f"moderate {used.medium * 100:.2f} %"
    )
    return draft.finish(used.level(value), reason)


@dataclass(frozen=True)
class TargetGoal:
    """A target not met yet: what the growth is measured against."""

    value: float  # T
    direction: int  # d
    due: date | None
    time: float | None  # tT
    text: str  # "at least 70", for the reason


@dataclass(frozen=True)
class TargetVerdict:
    """A target judged without growth: achieved, or not assessable (no reference value)."""

    level: ProgressLevel
    reason: str


def judge_target(
    indicator: IndicatorFile,
    draft: Draft,
    as_of: date,
    target_year: int | None,
    plan: PlanFile | None,
    deadline: IndicatorDeadline,
) -> TargetVerdict | TargetGoal:
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
    due, notes = target_due(deadline, plan, target_year)
    draft.warnings.extend(notes)
    target_time = Period.last_ended_by(due, indicator.reporting_period).years if due else None
    numbers.update(target_due=due, target_time=target_time)
    if target.reference is not None:
        numbers["target_reference"] = target.reference
        entry = series_by_period(indicator, as_of, target.reference).get(latest_period)
        goal = as_number(entry.value) if entry is not None else None
        if goal is None:
            return TargetVerdict(
                ProgressLevel.NOT_AVAILABLE,
                f"the target is the {target.reference} series, which has no value for "
                f"{latest_period} (record it with --series {target.reference})",
            )
    else:
        goal = as_number(target.value)
        if goal is None:
            return TargetVerdict(
                ProgressLevel.NOT_AVAILABLE, f"the target {target.value!r} is not a number"
            )
    numbers["target_value"] = goal

    stated = desired_direction(indicator)
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
    goal_text = f"{words[target_comparison(indicator, goal, y0)]} {fmt(goal)}"
    if target.reference is not None:
        goal_text += f" ({target.reference} {latest_period})"
    if meets_target(indicator, yt, reference=goal, base=y0):
        return TargetVerdict(
            ProgressLevel.TARGET_ACHIEVED,
            f"the latest value {fmt(yt)} ({latest_period}) meets the target {goal_text}",
        )
    return TargetGoal(goal, direction, due, target_time, goal_text)


def assess_target(
    indicator: IndicatorFile,
    draft: Draft,
    growth: Growth,
    target: TargetGoal,
    thresholds: Thresholds | None,
) -> ProgressAssessment:
    """Assess the observed growth against the growth needed to reach ``target`` by its due day."""
    numbers = draft.numbers
    latest_period: Period = numbers["latest_period"]
    yt: float = numbers["latest_value"]
    y0: float = numbers["base_value"]
    goal, direction, due, target_time = target.value, target.direction, target.due, target.time
    goal_text = target.text
    if target_time is None:
        draft.warnings.append("the target has no known deadline: judged by direction only")
        return assess_direction(indicator, draft, growth, direction, thresholds, None)

    moving = growth.sign * direction * growth.observed
    calc_goal = goal
    if goal == 0:
        calc_goal = math.copysign(ZERO_SUBSTITUTE, growth.base)
        draft.warnings.append(
            f"the target is 0: {fmt(calc_goal)} was used instead to compute the growth needed "
            "(as Open SDG does)"
        )
    if target_time <= growth.t0 or calc_goal / growth.base < 0:
        why = (
            f"was due by {due}, not after the base period {numbers['base_period']}"
            if target_time <= growth.t0
            else f"and the base value {fmt(y0)} have opposite signs"
        )
        level = ProgressLevel.DETERIORATION if moving < 0 else ProgressLevel.LIMITED
        return draft.finish(
            level,
            f"the target {goal_text} {why}, so no growth rate can reach it; the latest value "
            f"{fmt(yt)} ({latest_period}) does not meet it",
        )
    required = growth_rate(calc_goal, growth.base, target_time - growth.t0)
    used = thresholds or TARGET_THRESHOLDS
    numbers.update(required_cagr=required, thresholds=used)
    if required == 0:
        return draft.finish(
            ProgressLevel.DETERIORATION,
            f"the base value already met the target {goal_text}, and the latest value "
            f"{fmt(yt)} ({latest_period}) has fallen behind it",
        )
    ratio = moving / abs(required)
    numbers.update(ratio=ratio, progress_value=ratio)
    level = used.level(ratio)
    if ratio < 0:
        pace = "it is moving away from the target"
    else:
        pace = f"that is {ratio * 100:.0f} % of the growth needed"
    reason = (
        f"observed growth {percent(growth.observed)} against {percent(required)} needed to "
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
