"""Date rules shared by hyte validate and hyte record/complete (hytecli.plausibility)."""

from __future__ import annotations

from datetime import date

from hytecli.models import PlanFile
from hytecli.periods import Period
from hytecli.plausibility import completion_date_problem, one_year_after, value_date_problem

PLAN = PlanFile.model_validate(
    {
        "id": "testi",
        "title": "Testi",
        "organisation": {"name": {"fi": "Testi"}},
        "period": {"start": "2024-01-01", "end": "2026-12-31"},
        "priority_areas": [{"id": "alue-a", "title": "Alue A"}],
    }
)  # fictional fixture


def test_one_year_after() -> None:
    assert one_year_after(date(2026, 12, 31)) == date(2027, 12, 31)
    assert one_year_after(date(2024, 2, 29)) == date(2025, 2, 28)


def test_completion_dates() -> None:
    assert completion_date_problem(date(2024, 1, 1), PLAN) is None
    assert completion_date_problem(date(2027, 12, 31), PLAN) is None  # the year of grace
    assert completion_date_problem(date(2023, 12, 31), PLAN) == (
        "is before the plan period began (2024-01-01)"
    )
    assert completion_date_problem(date(2028, 1, 1), PLAN) == (
        "is more than a year after the plan period ended (2026-12-31)"
    )
    assert completion_date_problem(date(2024, 6, 1), PLAN, 2025) == (
        "is before 2025, the year it covers, began"
    )


def test_value_dates() -> None:
    assert value_date_problem(date(2025, 7, 1), Period.parse("2025-H2"), PLAN) is None
    assert value_date_problem(date(2025, 6, 30), Period.parse("2025-H2"), PLAN) == (
        "I007",
        "is before its period 2025-H2 began (2025-07-01)",
    )
    assert value_date_problem(date(2023, 6, 1), Period.parse(2023), PLAN) == (
        "D005",
        "is before the plan period began (2024-01-01)",
    )
    assert value_date_problem(date(2023, 6, 1), Period.parse(2023), None) is None
