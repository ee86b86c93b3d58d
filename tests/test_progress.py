"""Indicator progress (Statistics Canada / Open SDG compound-growth method).

Every series here is fictional (a fictional fixture), and each expected number is worked out by
hand in the test from the formulas in docs/progress.md:

    CAGR_o = (yt / y0) ** (1 / (t - t0)) - 1
    CAGR_r = (T / y0) ** (1 / (tT - t0)) - 1
    ratio  = s * d * CAGR_o / |CAGR_r|           (target)
    P      = s * d * CAGR_o                      (no target)

Times are period middles: 2024 -> 2024.5, 2024-H1 -> 2024.25, 2024-H2 -> 2024.75.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

from conftest import MINIMAL_PLAN
from hytecli.models import IndicatorFile, PlanFile
from hytecli.periods import Period
from hytecli.progress import (
    DIRECTION_THRESHOLDS,
    LIMIT_EXPONENT,
    TARGET_THRESHOLDS,
    ZERO_SUBSTITUTE,
    ProgressLevel,
    ProgressStatus,
    Thresholds,
    YesNoStatus,
    assess_indicator,
    assess_progress,
    assess_yes_no,
    growth_rate,
)
from hytecli.yamlfile import parse_yaml

AS_OF = date(2026, 12, 31)
PLAN = PlanFile.model_validate(parse_yaml(MINIMAL_PLAN, "plan.yaml").data)


def indicator(
    values: list[tuple[Any, ...]] | None = None,
    *,
    kind: str = "count",
    target: dict[str, Any] | None = None,
    baseline: dict[str, Any] | None = None,
    direction: str | None = None,
    reporting_period: str = "year",
) -> IndicatorFile:
    """A fictional indicator; values are (period, value) or (period, value, {extra fields})."""
    data: dict[str, Any] = {
        "id": "mittari",
        "name": "Mittari (fictional fixture)",
        "kind": kind,
        "reporting_period": reporting_period,
        "values": [
            {"period": v[0], "value": v[1], **(v[2] if len(v) > 2 else {})} for v in values or []
        ],
    }
    if target is not None:
        data["target"] = target
    if baseline is not None:
        data["baseline"] = baseline
    if direction is not None:
        data["direction"] = direction
    return IndicatorFile.model_validate(data)


def assess(ind: IndicatorFile, **kw: Any):  # noqa: ANN201
    kw.setdefault("as_of", AS_OF)
    return assess_progress(ind, **kw)


AT_LEAST_70_BY_2026 = {"value": 70, "comparison": "at_least", "deadline": 2026}


# --- growth ---------------------------------------------------------------------------------------


def test_growth_rate() -> None:
    assert growth_rate(60, 50, 1) == pytest.approx(0.2)
    assert growth_rate(4, 3, 0.5) == pytest.approx((4 / 3) ** 2 - 1)  # half a year
    assert growth_rate(0, 5, 2) == -1
    for bad in ((1, 0, 1), (1, 1, 0), (-1, 1, 1)):
        with pytest.raises(ValueError):
            growth_rate(*bad)


def test_thresholds_are_open_sdgs_defaults() -> None:
    assert Thresholds(0.95, 0.6, 0.0) == TARGET_THRESHOLDS
    assert Thresholds(0.015, 0.005, 0.0) == DIRECTION_THRESHOLDS
    assert ZERO_SUBSTITUTE == 0.001
    assert TARGET_THRESHOLDS.level(0.95) is ProgressLevel.SUBSTANTIAL
    assert TARGET_THRESHOLDS.level(0.6) is ProgressLevel.MODERATE
    assert TARGET_THRESHOLDS.level(0.0) is ProgressLevel.LIMITED
    assert TARGET_THRESHOLDS.level(-0.0001) is ProgressLevel.DETERIORATION


# --- with a numeric target ------------------------------------------------------------------------


def test_target_achieved() -> None:
    result = assess(indicator([(2024, 50), (2025, 72)], target=AT_LEAST_70_BY_2026))
    assert result.status is ProgressStatus.TARGET_ACHIEVED
    assert result.level is ProgressLevel.TARGET_ACHIEVED
    assert result.reason == "the latest value 72 (2025) meets the target at least 70"
    assert result.target_value == 70 and result.latest_value == 72


@pytest.mark.parametrize(
    ("latest", "status", "level"),
    [
        # CAGR_r = (70/50)^(1/2) - 1 = 0.183216 (t0 = 2024.5, tT = 2026.5)
        (60, ProgressStatus.ON_TRACK, ProgressLevel.SUBSTANTIAL),  # 0.2 / 0.183216 = 1.0916
        (56, ProgressStatus.PROGRESS_TOO_SLOW, ProgressLevel.MODERATE),  # 0.12 / .183216 = 0.6550
        (54, ProgressStatus.PROGRESS_TOO_SLOW, ProgressLevel.LIMITED),  # 0.08 / .183216 = 0.4366
        (48, ProgressStatus.DETERIORATION, ProgressLevel.DETERIORATION),  # -0.04 / ... = -0.2183
    ],
)
def test_every_status_with_a_target(
    latest: float, status: ProgressStatus, level: ProgressLevel
) -> None:
    result = assess(indicator([(2024, 50), (2025, latest)], target=AT_LEAST_70_BY_2026))
    required = math.sqrt(70 / 50) - 1
    observed = latest / 50 - 1
    assert result.status is status and result.level is level
    assert result.method == "target"
    assert result.base_period == Period.parse(2024) and result.base_from == "values"
    assert result.years_elapsed == 1
    assert result.target_time == 2026.5 and result.target_due == date(2026, 12, 31)
    assert result.observed_cagr == pytest.approx(observed)
    assert result.required_cagr == pytest.approx(required)
    assert result.ratio == pytest.approx(observed / required)
    assert result.progress_value == result.ratio
    assert result.thresholds == TARGET_THRESHOLDS
    assert result.direction == 1


def test_reason_gives_the_numbers() -> None:
    result = assess(indicator([(2024, 50), (2025, 60)], target=AT_LEAST_70_BY_2026))
    assert result.reason == (
        "observed growth +20.0 % a year against +18.3 % a year needed to reach at least 70 by "
        "2026-12-31: that is 109 % of the growth needed (on track needs at least 95 % of the "
        "required yearly growth)"
    )


def test_reason_is_plain_words_and_the_numbers_stay_in_the_data() -> None:
    slow = assess(indicator([(2024, 50), (2025, 56)], target=AT_LEAST_70_BY_2026))
    worse = assess(indicator([(2024, 50), (2025, 45)], target=AT_LEAST_70_BY_2026))
    assert "that is 65 % of the growth needed" in slow.reason
    assert worse.status is ProgressStatus.DETERIORATION
    assert "it is moving away from the target" in worse.reason
    for result in (slow, worse):
        # no jargon: neither the bare ratio nor the threshold list of the old wording
        assert "ratio" not in result.reason and "worse is deterioration" not in result.reason
        assert "on track needs at least 95 % of the required yearly growth" in result.reason
        data = result.as_dict()
        assert data["ratio"] == pytest.approx(result.ratio)
        assert data["thresholds"] == {"high": 0.95, "medium": 0.6, "low": 0.0}


def test_an_indicator_record_is_accepted_as_well_as_its_model(build_plan: Any) -> None:
    from hytecli.repository import load_repository

    repository = load_repository(
        build_plan(
            {
                "indicators/mittari-1.yaml": (
                    "# fictional fixture\nid: mittari-1\nname: Mittari\nkind: count\n"
                    "target: {value: 70, comparison: at_least, deadline: 2026}\n"
                    "values:\n  - {period: 2024, value: 50}\n  - {period: 2025, value: 60}\n"
                )
            }
        )
    )
    record = repository.indicators[0]
    from_record = assess_progress(record, as_of=AS_OF, plan=repository.plan)  # type: ignore[arg-type]
    from_model = assess_progress(record.indicator, as_of=AS_OF, plan=repository.plan)
    assert from_record == from_model and from_model.status is ProgressStatus.ON_TRACK
    assert assess_indicator(record, as_of=AS_OF) == assess_indicator(record.indicator, as_of=AS_OF)
    with pytest.raises(TypeError, match=r"repository\.indicators\[i\]\.indicator"):
        assess_progress("mittari-1", as_of=AS_OF)  # type: ignore[arg-type]


def test_decrease_at_most_just_below_on_track() -> None:
    # base 100 (2024), latest 90 (2025), at most 80 by 2026:
    # CAGR_o = -0.1; CAGR_r = sqrt(0.8) - 1 = -0.105573; ratio = (-1)(-0.1)/0.105573 = 0.94721
    result = assess(
        indicator(
            [(2024, 100), (2025, 90)],
            target={"value": 80, "comparison": "at_most", "deadline": 2026},
        )
    )
    assert result.direction == -1
    assert result.ratio == pytest.approx(0.1 / (1 - math.sqrt(0.8)))
    assert result.ratio == pytest.approx(0.94721, abs=1e-5)
    assert result.level is ProgressLevel.MODERATE
    assert result.status is ProgressStatus.PROGRESS_TOO_SLOW


def test_equal_target_direction_implied_by_the_target() -> None:
    equal_20 = {"value": 20, "comparison": "equal", "deadline": 2026}
    met = assess(indicator([(2024, 10), (2025, 20.0)], target=equal_20))
    assert met.status is ProgressStatus.TARGET_ACHIEVED
    # Passed an exact target: not achieved; d = +1 (20 > 10): ratio = 1.1 / (2^(1/2) - 1) = 2.6556
    passed = assess(indicator([(2024, 10), (2025, 21)], target=equal_20))
    assert passed.status is ProgressStatus.ON_TRACK
    assert passed.ratio == pytest.approx(1.1 / (math.sqrt(2) - 1))
    # Target below the base: d = -1. CAGR_o = 25/30 - 1 = -1/6; CAGR_r = sqrt(20/30) - 1
    down = assess(
        indicator(
            [(2024, 30), (2025, 25)], target={"value": 20, "comparison": "equal", "deadline": 2026}
        )
    )
    assert down.direction == -1
    assert down.ratio == pytest.approx((1 / 6) / (1 - math.sqrt(2 / 3)))  # 0.9083
    assert down.level is ProgressLevel.MODERATE


def test_missing_comparison_uses_the_direction() -> None:
    target = {"value": 80, "deadline": 2026}
    result = assess(indicator([(2024, 100), (2025, 79)], target=target, direction="decrease"))
    assert result.status is ProgressStatus.TARGET_ACHIEVED
    implied = assess(indicator([(2024, 100), (2025, 90)], target=target))  # 80 < 100: decrease
    assert implied.direction == -1


def test_direction_disagreeing_with_comparison_is_warned() -> None:
    result = assess(
        indicator([(2024, 50), (2025, 60)], target=AT_LEAST_70_BY_2026, direction="decrease")
    )
    assert result.direction == 1
    assert any("disagrees with comparison" in w for w in result.warnings)


def test_base_already_at_target_then_fell() -> None:
    result = assess(
        indicator(
            [(2024, 50), (2025, 45)],
            target={"value": 50, "comparison": "at_least", "deadline": 2026},
        )
    )
    assert result.required_cagr == 0
    assert result.status is ProgressStatus.DETERIORATION
    assert "already met the target" in result.reason


def test_deadline_passed_is_never_on_track() -> None:
    # due 2025 (tT = 2025.5 = t): ratio = (69.9/50 - 1) / (70/50 - 1) = 0.398 / 0.4 = 0.995
    result = assess(
        indicator(
            [(2024, 50), (2025, 69.9)],
            target={"value": 70, "comparison": "at_least", "deadline": 2025},
        )
    )
    assert result.ratio == pytest.approx(0.995)
    assert result.level is ProgressLevel.SUBSTANTIAL
    assert result.status is ProgressStatus.PROGRESS_TOO_SLOW
    assert "the deadline has passed" in result.reason
    assert any("2025-12-31 has passed" in w for w in result.warnings)


def test_target_due_before_any_growth_is_possible() -> None:
    ind = indicator(
        [(2025, 60)],
        target={"value": 70, "comparison": "at_least", "deadline": 2024},
        baseline={"period": 2024, "value": 50},
    )
    result = assess(ind)
    assert result.target_time == 2024.5 == result.base_period.years  # type: ignore[union-attr]
    assert result.status is ProgressStatus.PROGRESS_TOO_SLOW  # moving the right way, too late
    assert result.level is ProgressLevel.LIMITED
    assert "no growth rate can reach it" in result.reason


def test_a_single_value_that_meets_the_target_is_target_achieved() -> None:
    # Whether the target is met is decided first, as hyte status decides it: one value is
    # enough to say so, though not enough to measure growth.
    met = assess(indicator([(2024, 80)], target=AT_LEAST_70_BY_2026), plan=PLAN)
    assert met.status is ProgressStatus.TARGET_ACHIEVED
    assert (met.target_value, met.target_due, met.observed_cagr) == (70, date(2026, 12, 31), None)
    short = assess(indicator([(2024, 60)], target=AT_LEAST_70_BY_2026), plan=PLAN)
    assert short.status is ProgressStatus.NOT_ENOUGH_DATA
    assert "only one period" in short.reason


def test_an_inherited_deadline_is_passed_in(build_plan) -> None:  # type: ignore[no-untyped-def]
    from hytecli.repository import load_repository

    body = (
        "# fictional fixture\nid: mittari-1\nname: Mittari\nkind: count\n"
        "target: {value: 100, comparison: at_least}\n"
        "values:\n  - {period: 2024, value: 50}\n  - {period: 2025, value: 75}\n"
    )
    repository = load_repository(build_plan({"indicators/mittari-1.yaml": body}))
    record = repository.indicator("mittari-1")
    deadline = repository.indicator_deadline("mittari-1")  # its goal's, due 2024-12-31
    assert deadline.inherited_from is not None and deadline.inherited_from.id == "tavoite-1"
    inherited = assess_progress(record, as_of=AS_OF, plan=repository.plan, deadline=deadline)
    assert inherited.target_due == date(2024, 12, 31)
    assert inherited.status is ProgressStatus.PROGRESS_TOO_SLOW  # due before growth could help
    # without it, the model alone knows only its own deadline: none, so the plan's end
    alone = assess_progress(record, as_of=AS_OF, plan=repository.plan)
    assert alone.target_due == date(2026, 12, 31)


def test_target_year_and_term_end() -> None:
    ind = indicator([(2024, 50), (2025, 60)], target={"value": 70, "comparison": "at_least"})
    # no deadline: the plan's end (2026-12-31) when a plan is given
    with_plan = assess(ind, plan=PLAN)
    assert with_plan.target_due == date(2026, 12, 31) and with_plan.target_time == 2026.5
    # target_year overrides: due 2025 -> tT = 2025.5 = t: ratio = 0.2 / 0.4 = 0.5
    overridden = assess(ind, target_year=2025)
    assert overridden.ratio == pytest.approx(0.5)
    # term_end: the council term 2022-2025 ends 2025-05-31; the last year ending by then is 2024
    term = indicator(
        [(2024, 50), (2025, 60)],
        target={"value": 70, "comparison": "at_least", "deadline": {"term_end": "2022-2025"}},
    )
    result = assess(term, plan=PLAN)
    assert result.target_due == date(2025, 5, 31) and result.target_time == 2024.5
    unresolved = assess(term)  # no plan: no deadline, judged by direction only
    assert unresolved.method == "direction"
    assert any("judged by direction only" in w for w in unresolved.warnings)


# --- without a target -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "direction", "level"),
    [
        (102, "increase", ProgressLevel.SUBSTANTIAL),  # P = 0.02 >= 0.015
        (101, "increase", ProgressLevel.MODERATE),  # P = 0.01
        (100.2, "increase", ProgressLevel.LIMITED),  # P = 0.002
        (99, "increase", ProgressLevel.DETERIORATION),  # P = -0.01
        (98, "decrease", ProgressLevel.SUBSTANTIAL),  # P = (-1)(-0.02) = 0.02
        (102, "decrease", ProgressLevel.DETERIORATION),  # P = -0.02
    ],
)
def test_direction_only(latest: float, direction: str, level: ProgressLevel) -> None:
    result = assess(indicator([(2024, 100), (2025, latest)], direction=direction))
    sign = 1 if direction == "increase" else -1
    assert result.method == "direction"
    assert result.progress_value == pytest.approx(sign * (latest / 100 - 1))
    assert result.ratio is None and result.required_cagr is None
    assert result.level is level
    assert result.thresholds == DIRECTION_THRESHOLDS


def test_no_target_and_no_direction() -> None:
    # Two values, but nothing to judge them against: its own status, not "not enough data".
    result = assess(indicator([(2024, 100), (2025, 120)]))
    assert result.status is ProgressStatus.NO_TARGET_OR_DIRECTION
    assert result.level is ProgressLevel.NOT_AVAILABLE
    assert "no target and no desired direction" in result.reason
    assert (result.base_value, result.latest_value) == (100, 120)  # the numbers are kept
    assert result.observed_cagr == pytest.approx(0.2)
    assert result.as_dict()["status"] == "no_target_or_direction"
    # Whatever the values: more data would not help.
    for values in ([], [(2025, 5)]):
        few = assess(indicator(values, direction="none"))
        assert few.status is ProgressStatus.NO_TARGET_OR_DIRECTION, values


def test_percentage_near_its_natural_limit() -> None:
    # base 98 %, latest 99 %: P = 99/98 - 1 = 0.010204 (moderate with plain thresholds);
    # coefficient = 1 - (98/100)^4.44 = 0.0858, so high = 0.015 * 0.0858 = 0.00129: substantial
    result = assess(indicator([(2024, 98), (2025, 99)], kind="percentage", direction="increase"))
    coefficient = 1 - (98 / 100) ** LIMIT_EXPONENT
    assert coefficient == pytest.approx(0.0858, abs=1e-4)
    assert result.thresholds == Thresholds(0.015 * coefficient, 0.005 * coefficient, 0.0)
    assert result.level is ProgressLevel.SUBSTANTIAL
    assert any("natural limit 100" in w for w in result.warnings)
    far = assess(indicator([(2024, 10), (2025, 10.1)], kind="percentage", direction="increase"))
    assert far.thresholds.high == pytest.approx(0.015 * (1 - 0.1**LIMIT_EXPONENT))  # type: ignore[union-attr]


# --- periods, baselines and series ----------------------------------------------------------------


def test_half_year_series() -> None:
    # "6 kpl/6kk": base 2024-H1 (2024.25) = 3, latest 2024-H2 (2024.75) = 4, target >= 6, no
    # deadline -> the plan's end, last half-year by it 2026-H2 (2026.75).
    # CAGR_o = (4/3)^(1/0.5) - 1 = 0.777778; CAGR_r = 2^(1/2.5) - 1 = 0.319508; ratio = 2.4343
    ind = indicator(
        [("2024-H1", 3), ("2024-H2", 4)],
        target={"value": 6, "comparison": "at_least", "wording": "6 kpl/6kk"},
        reporting_period="half_year",
    )
    result = assess(ind, plan=PLAN)
    assert result.years_elapsed == 0.5
    assert result.target_time == 2026.75
    assert result.observed_cagr == pytest.approx(7 / 9)
    assert result.required_cagr == pytest.approx(2**0.4 - 1)
    assert result.ratio == pytest.approx((7 / 9) / (2**0.4 - 1))
    assert result.status is ProgressStatus.ON_TRACK
    quarter = indicator(
        [("2024-Q1", 10), ("2024-Q2", 11)], direction="increase", reporting_period="quarter"
    )
    q = assess(quarter)
    assert q.years_elapsed == 0.25
    assert q.observed_cagr == pytest.approx(1.1**4 - 1)
    month = indicator(
        [("2024-01", 10), ("2024-12", 11)], direction="increase", reporting_period="month"
    )
    assert assess(month).years_elapsed == pytest.approx(11 / 12)


def test_rate_per_population() -> None:
    # a rate per 1000 inhabitants, at most 2.0 by 2026: base 3.0, latest 2.7.
    # CAGR_o = -0.1; CAGR_r = sqrt(2/3) - 1 = -0.183503; ratio = 0.1 / 0.183503 = 0.54495
    ind = indicator(
        [(2024, 3.0), (2025, 2.7)],
        kind="rate",
        direction="decrease",
        target={"value": 2.0, "comparison": "at_most", "deadline": 2026},
    )
    result = assess(ind)
    assert result.ratio == pytest.approx(0.1 / (1 - math.sqrt(2 / 3)))
    assert result.level is ProgressLevel.LIMITED


def test_baseline_is_the_base() -> None:
    # baseline 2023 = 40, latest 2025 = 48.4: CAGR_o = (48.4/40)^(1/2) - 1 = 0.1
    ind = indicator(
        [(2024, 44), (2025, 48.4)], baseline={"period": 2023, "value": 40}, direction="increase"
    )
    result = assess(ind)
    assert result.base_from == "baseline" and result.base_value == 40
    assert result.years_elapsed == 2
    assert result.observed_cagr == pytest.approx(0.1)
    assert result.status is ProgressStatus.ON_TRACK


def test_municipal_and_series_values_are_not_the_main_series() -> None:
    values = [
        (2024, 100),
        (2025, 102),
        (2025, 5000, {"municipality": "049"}),
        (2026, 1, {"municipality": "078"}),
        (2026, 1, {"series": "national_average"}),
    ]
    result = assess(indicator(values, direction="increase"))
    assert result.latest_period == Period.parse(2025) and result.latest_value == 102
    assert result.progress_value == pytest.approx(0.02)


def test_as_of_leaves_out_later_values() -> None:
    ind = indicator(
        [(2024, 100), (2025, 102), (2026, 50, {"date": "2026-03-01"})], direction="increase"
    )
    assert assess(ind, as_of=date(2025, 12, 31)).latest_value == 102  # 2026 has not started
    assert assess(ind, as_of=date(2026, 2, 1)).latest_value == 102  # recorded later
    assert assess(ind, as_of=date(2026, 3, 1)).latest_value == 50


# --- reference targets ----------------------------------------------------------------------------

REFERENCE = {"reference": "national_average", "comparison": "at_least", "deadline": 2026}


def test_reference_target() -> None:
    # main 40 -> 44; national average 2025 = 50 is the target value.
    # CAGR_o = 0.1; CAGR_r = sqrt(50/40) - 1 = 0.118034; ratio = 0.84721
    values = [
        (2024, 40),
        (2025, 44),
        (2024, 48, {"series": "national_average"}),
        (2025, 50, {"series": "national_average"}),
    ]
    result = assess(indicator(values, kind="percentage", target=REFERENCE))
    assert result.target_reference == "national_average"
    assert result.target_value == 50
    assert result.ratio == pytest.approx(0.1 / (math.sqrt(1.25) - 1))
    assert result.level is ProgressLevel.MODERATE
    met = [(2024, 40), (2025, 44), (2025, 43, {"series": "national_average"})]
    achieved = assess(indicator(met, kind="percentage", target=REFERENCE))
    assert achieved.status is ProgressStatus.TARGET_ACHIEVED
    assert achieved.reason.endswith("meets the target at least 43 (national_average 2025)")


def test_reference_target_without_reference_value() -> None:
    values = [(2024, 40), (2025, 44), (2024, 48, {"series": "national_average"})]
    result = assess(indicator(values, kind="percentage", target=REFERENCE))
    assert result.status is ProgressStatus.NOT_ENOUGH_DATA
    assert result.reason == (
        "the target is the national_average series, which has no value for 2025 (record it with "
        "--series national_average)"
    )


# --- not enough data and edge values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("ind", "reason"),
    [
        (indicator([], direction="increase"), "no values recorded yet"),
        (indicator([(2025, 5)], direction="increase"), "only one period (2025) has a value"),
        (
            indicator([(2024, 5)], baseline={"period": 2024, "value": 4}, direction="increase"),
            "only one period (2024) has a value",
        ),
        (
            indicator([(2025, 5)], baseline={"period": 2026, "value": 4}, direction="increase"),
            "the base period 2026 is later than the latest value's period 2025",
        ),
        (
            indicator([(2024, -5), (2025, 5)], kind="rate", direction="increase"),
            "the base value -5 and the latest value 5 have opposite signs",
        ),
    ],
)
def test_not_enough_data(ind: IndicatorFile, reason: str) -> None:
    result = assess(ind)
    assert result.status is ProgressStatus.NOT_ENOUGH_DATA
    assert result.level is ProgressLevel.NOT_AVAILABLE
    assert reason in result.reason


def test_zero_base_is_replaced_as_open_sdg_does() -> None:
    # base 0 -> 0.001: CAGR_o = 4/0.001 - 1 = 3999; CAGR_r = sqrt(6/0.001) - 1 = 76.4597
    ind = indicator(
        [(2024, 0), (2025, 4)], target={"value": 6, "comparison": "at_least", "deadline": 2026}
    )
    result = assess(ind)
    assert result.base_value == 0
    assert result.observed_cagr == pytest.approx(3999)
    assert result.required_cagr == pytest.approx(math.sqrt(6000) - 1)
    assert result.status is ProgressStatus.ON_TRACK
    assert any("base value is 0" in w for w in result.warnings)


def test_zero_target_is_replaced_as_open_sdg_does() -> None:
    # at most 0 by 2026: base 10, latest 5: CAGR_o = -0.5; CAGR_r = sqrt(0.001/10) - 1 = -0.99
    ind = indicator(
        [(2024, 10), (2025, 5)], target={"value": 0, "comparison": "at_most", "deadline": 2026}
    )
    result = assess(ind)
    assert result.required_cagr == pytest.approx(-0.99)
    assert result.ratio == pytest.approx(0.5 / 0.99)
    assert result.level is ProgressLevel.LIMITED
    assert any("the target is 0" in w for w in result.warnings)


def test_negative_values_use_the_sign() -> None:
    # base -10, latest -5, should increase: s = -1, CAGR_o = 0.5 - 1 = -0.5, P = (-1)(1)(-0.5) = 0.5
    result = assess(indicator([(2024, -10), (2025, -5)], kind="rate", direction="increase"))
    assert result.progress_value == pytest.approx(0.5)
    assert result.status is ProgressStatus.ON_TRACK


def test_custom_thresholds() -> None:
    ind = indicator([(2024, 50), (2025, 56)], target=AT_LEAST_70_BY_2026)  # ratio 0.655
    strict = Thresholds(high=1.0, medium=0.8, low=0.0)
    assert assess(ind, thresholds=strict).level is ProgressLevel.LIMITED


# --- yes/no and dispatch --------------------------------------------------------------------------


def test_yes_no() -> None:
    yes_no = {"kind": "yes_no", "target": {"value": True}}
    assert assess_yes_no(indicator([], **yes_no), as_of=AS_OF).status is YesNoStatus.NOT_RECORDED
    done = assess_yes_no(indicator([(2024, False), (2025, True)], **yes_no), as_of=AS_OF)
    assert done.status is YesNoStatus.ACHIEVED and done.period == Period.parse(2025)
    not_yet = assess_yes_no(indicator([(2024, True), (2025, False)], **yes_no), as_of=AS_OF)
    assert (
        not_yet.status is YesNoStatus.NOT_ACHIEVED
        and not_yet.reason == "2025: no; the target is yes"
    )
    early = assess_yes_no(
        indicator([(2024, False), (2025, True)], **yes_no), as_of=date(2025, 6, 1)
    )
    assert early.status is YesNoStatus.NOT_ACHIEVED  # 2025's answer is known at its end
    before = assess_yes_no(
        indicator([(2024, False), (2025, True)], **yes_no), as_of=date(2024, 6, 1)
    )
    assert before.status is YesNoStatus.NOT_RECORDED  # an undated 2024 answer: from 2024-12-31
    municipal = indicator([(2025, True, {"municipality": "049"})], **yes_no)
    assert assess_yes_no(municipal, as_of=AS_OF).status is YesNoStatus.NOT_RECORDED
    wants_no = indicator([(2025, False)], kind="yes_no", target={"value": False})
    assert assess_yes_no(wants_no, as_of=AS_OF).status is YesNoStatus.ACHIEVED


def test_assess_indicator_dispatches_by_kind() -> None:
    assert assess_indicator(indicator([], kind="text"), as_of=AS_OF) is None
    assert (
        assess_indicator(indicator([], kind="yes_no"), as_of=AS_OF).status
        is YesNoStatus.NOT_RECORDED
    )  # type: ignore[union-attr]
    numeric = assess_indicator(indicator([(2024, 1), (2025, 2)], direction="increase"), as_of=AS_OF)
    assert numeric.status is ProgressStatus.ON_TRACK  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="use assess_yes_no"):
        assess_progress(indicator([], kind="yes_no"), as_of=AS_OF)
    with pytest.raises(ValueError, match="not yes/no"):
        assess_yes_no(indicator([], kind="count"), as_of=AS_OF)
