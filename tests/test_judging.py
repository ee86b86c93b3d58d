"""The rules status, progress and the report share (hytecli.judging): which values count on a
day, their done date, and whether a value meets the target. Every indicator is fictional.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hytecli.judging import (
    EQUAL_TOLERANCE,
    base_value,
    has_target,
    known_from,
    known_on,
    meets_target,
    series_values,
    target_comparison,
    wanted_answer,
)
from hytecli.models import IndicatorFile, IndicatorValue


def indicator(kind: str = "count", values: list[dict[str, Any]] | None = None, **extra: Any):  # type: ignore[no-untyped-def]
    data: dict[str, Any] = {
        "id": "mittari",
        "name": "Mittari (fictional fixture)",
        "kind": kind,
        "values": values or [],
        **extra,
    }
    return IndicatorFile.model_validate(data)


def value(period: str, number: object, **extra: Any) -> IndicatorValue:
    return IndicatorValue.model_validate({"period": period, "value": number, **extra})


# --- which values count on a day ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "first_day"),
    [
        (value("2024", 5), date(2024, 12, 31)),  # a yearly value: once the year is over
        (value("2024-H1", 5), date(2024, 6, 30)),
        (value("2024-Q3", 5), date(2024, 9, 30)),
        (value("2024-02", 5), date(2024, 2, 29)),
        (value("2024", 5, date="2024-03-15"), date(2024, 3, 15)),  # dated: from its date
        (value("2024", 5, date="2025-04-01"), date(2025, 4, 1)),  # published the next spring
    ],
)
def test_a_value_counts_from_its_date_else_its_period_end(
    entry: IndicatorValue, first_day: date
) -> None:
    assert known_from(entry) == first_day
    assert known_on(entry, first_day)
    assert not known_on(entry, date.fromordinal(first_day.toordinal() - 1))


def test_series_values_are_whole_area_known_one_per_period_in_order() -> None:
    ind = indicator(
        values=[
            {"period": "2025", "value": 3},
            {"period": "2024", "value": 1},
            {"period": "2024", "value": 2},  # a duplicate period: the last one written
            {"period": "2024", "value": 9, "municipality": "049"},
            {"period": "2024", "value": 8, "series": "national_average"},
            {"period": "2026", "value": 4, "date": "2026-02-01"},
        ]
    )
    assert [(str(v.period), v.value) for v in series_values(ind, date(2025, 6, 1))] == [("2024", 2)]
    assert [v.value for v in series_values(ind, date(2026, 2, 1))] == [2, 3, 4]
    assert [v.value for v in series_values(ind, date(2026, 2, 1), "national_average")] == [8]


# --- whether a value meets the target -------------------------------------------------------------


def test_yes_no_wants_the_targets_answer() -> None:
    wants_yes = indicator("yes_no", target={"value": True})
    wants_no = indicator("yes_no", target={"value": False})
    no_target = indicator("yes_no")
    assert (wanted_answer(wants_yes), wanted_answer(wants_no), wanted_answer(no_target)) == (
        True,
        False,
        True,
    )
    assert meets_target(wants_yes, True) is True
    assert meets_target(wants_yes, False) is False
    assert meets_target(wants_no, False) is True  # review B2: false meets a target of false
    assert meets_target(wants_no, True) is False
    assert meets_target(no_target, True) is True
    assert meets_target(no_target, False) is False
    assert meets_target(wants_yes, 1) is False  # a number is not an answer
    assert has_target(no_target) and not has_target(indicator("count"))


@pytest.mark.parametrize(
    ("comparison", "recorded", "met"),
    [
        ("at_least", 100, True),
        ("at_least", 99.99, False),
        ("at_least", 150, True),
        ("at_most", 100, True),
        ("at_most", 100.01, False),
        ("at_most", 0, True),
        ("equal", 100, True),
        ("equal", 100 + 100 * EQUAL_TOLERANCE / 2, True),  # rounding, not a different value
        ("equal", 100.001, False),
        ("equal", 99, False),
    ],
)
def test_number_targets(comparison: str, recorded: float, met: bool) -> None:
    ind = indicator(target={"value": 100, "comparison": comparison})
    assert meets_target(ind, recorded) is met


def test_equal_tolerates_floating_point_rounding() -> None:
    ind = indicator("rate", target={"value": 0.3, "comparison": "equal"})
    assert 0.1 + 0.2 != 0.3
    assert meets_target(ind, 0.1 + 0.2) is True


def test_without_a_comparison_the_direction_then_the_way_from_the_base_decides() -> None:
    rising = indicator(target={"reference": "national_average"}, direction="increase")
    assert target_comparison(rising, 50, base=80) == "at_least"  # direction wins over the base
    falling = indicator(target={"reference": "national_average"}, direction="decrease")
    assert target_comparison(falling, 50, base=20) == "at_most"
    neither = indicator(target={"reference": "national_average"})
    assert target_comparison(neither, 50, base=20) == "at_least"  # up from 20 to 50
    assert target_comparison(neither, 50, base=80) == "at_most"
    assert target_comparison(neither, 50, base=50) == "equal"
    assert target_comparison(neither, 50) == "equal"
    assert meets_target(neither, 60, reference=50, base=20) is True
    assert meets_target(neither, 60, reference=50, base=80) is False


def test_reference_targets_compare_with_the_same_periods_reference() -> None:
    ind = indicator(
        "percentage", target={"reference": "national_average", "comparison": "at_least"}
    )
    assert meets_target(ind, 41, reference=40) is True
    assert meets_target(ind, 39, reference=40) is False
    assert meets_target(ind, 41) is None  # no reference value: nothing to judge by


def test_text_and_missing_targets() -> None:
    assert meets_target(indicator("text", target={"value": "valmis"}), "valmis") is True
    assert meets_target(indicator("text", target={"value": "valmis"}), "kesken") is False
    assert meets_target(indicator("count"), 5) is None


def test_base_value_is_the_baseline_else_the_first_number() -> None:
    with_baseline = indicator(baseline={"period": "2023", "value": 7})
    assert base_value(with_baseline, [value("2024", 9)]) == 7
    assert base_value(indicator(), [value("2024", "n/a"), value("2025", 9)]) == 9
    assert base_value(indicator(), []) is None
