"""The vocabulary of indicator progress: statuses, levels, thresholds and assessments.

:class:`ProgressAssessment` is how a count, percentage or rate indicator stands (with the numbers
behind it), :class:`YesNoAssessment` a yes/no indicator's latest answer; :class:`Thresholds` and
the constants are Open SDG's. The method that produces them is :mod:`hytecli.progress`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from hytecli.periods import Period


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


STATUS_OF_LEVEL = {
    ProgressLevel.TARGET_ACHIEVED: ProgressStatus.TARGET_ACHIEVED,
    ProgressLevel.SUBSTANTIAL: ProgressStatus.ON_TRACK,
    ProgressLevel.MODERATE: ProgressStatus.PROGRESS_TOO_SLOW,
    ProgressLevel.LIMITED: ProgressStatus.PROGRESS_TOO_SLOW,
    ProgressLevel.DETERIORATION: ProgressStatus.DETERIORATION,
    ProgressLevel.NOT_AVAILABLE: ProgressStatus.NOT_ENOUGH_DATA,
}


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
