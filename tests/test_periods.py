"""Deadline forms, periods and the plan's time zone (case c07 among them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytecli.cli import app
from hytecli.periods import (
    MAX_YEAR,
    MIN_YEAR,
    DateProblem,
    Period,
    PeriodKind,
    parse_due,
    parse_iso_date,
    today_in_zone,
)


@pytest.mark.parametrize(
    ("written", "last_day", "form"),
    [
        # c07: month and year deadlines end on the last day, leap years included.
        ("2024-02", date(2024, 2, 29), "month"),
        ("2025-02", date(2025, 2, 28), "month"),
        ("2024", date(2024, 12, 31), "year"),
        (2024, date(2024, 12, 31), "year"),
        ("2100-02", date(2100, 2, 28), "month"),  # not a leap year (divisible by 100)
        ("2000-02", date(2000, 2, 29), "month"),  # a leap year (divisible by 400)
        ("2025-04", date(2025, 4, 30), "month"),
        ("2025-05", date(2025, 5, 31), "month"),
        ("2024-02-29", date(2024, 2, 29), "date"),
    ],
)
def test_due_forms_end_on_their_last_day(written: object, last_day: date, form: str) -> None:
    assert parse_due(written) == (last_day, form)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2025-02-29", "February 2025 has 28 days"),
        ("2024-13", "no month 13"),
        ("2024-00-10", "no month 0"),
        ("2024-04-31", "April 2024 has 30 days"),
        ("31.12.2024", "write YYYY-MM-DD, YYYY-MM"),
        ("end of term", "is not a deadline"),
        (True, "is not a deadline"),
    ],
)
def test_impossible_or_unknown_deadlines_are_refused(written: object, message: str) -> None:
    with pytest.raises(DateProblem, match=message):
        parse_due(written)


def test_iso_dates_are_strict() -> None:
    assert parse_iso_date("2024-02-29") == date(2024, 2, 29)
    for bad in ("2024-2-29", "2024/02/29", 20240229, "2023-02-29"):
        with pytest.raises(DateProblem):
            parse_iso_date(bad)


@pytest.mark.parametrize(
    ("written", "kind", "start", "end", "shown"),
    [
        (2024, PeriodKind.YEAR, date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("2024-H1", PeriodKind.HALF_YEAR, date(2024, 1, 1), date(2024, 6, 30), "2024-H1"),
        ("2024-H2", PeriodKind.HALF_YEAR, date(2024, 7, 1), date(2024, 12, 31), "2024-H2"),
        ("2024-Q1", PeriodKind.QUARTER, date(2024, 1, 1), date(2024, 3, 31), "2024-Q1"),
        ("2025-Q4", PeriodKind.QUARTER, date(2025, 10, 1), date(2025, 12, 31), "2025-Q4"),
        ("2024-02", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
    ],
)
def test_periods(written: object, kind: PeriodKind, start: date, end: date, shown: str) -> None:
    period = Period.parse(written)
    assert (period.kind, period.start, period.end, str(period)) == (kind, start, end, shown)


def test_periods_order_by_time_and_have_fractional_years() -> None:
    assert Period.parse("2024-H1") < Period.parse("2024-H2") < Period.parse("2025-H1")
    assert Period.parse("2024-H1").years == pytest.approx(2024.25)
    assert Period.parse(2024).years == pytest.approx(2024.5)


def test_periods_order_by_start_then_end() -> None:
    assert Period.parse("2024-03") < Period.parse("2024-H2")  # by year, index, kind: the other way
    assert not Period.parse("2024-H2") < Period.parse("2024-03")
    assert Period.parse("2024-H2") > Period.parse("2024-03") >= Period.parse("2024-03")
    written = ["2024", "2024-H2", "2024-Q1", "2024-H1", "2024-04", "2024-Q2", "2024-01", "2023-12"]
    assert [str(p) for p in sorted(Period.parse(w) for w in written)] == [
        "2023-12",
        "2024-01",
        "2024-Q1",
        "2024-H1",
        "2024",
        "2024-04",
        "2024-Q2",
        "2024-H2",
    ]
    with pytest.raises(TypeError):
        assert Period.parse("2024") < "2025"


@pytest.mark.parametrize(
    ("parse", "written"),
    [
        (parse_iso_date, "0000-01-01"),
        (parse_iso_date, "1899-12-31"),
        (parse_iso_date, "2201-01-01"),
        (parse_iso_date, "9999-12-31"),
        (parse_iso_date, date(1, 1, 1)),
        (parse_due, "0000"),
        (parse_due, 1899),
        (parse_due, "0000-05"),
        (parse_due, "0000-05-31"),
        (parse_due, 2201),
        (Period.parse, "0000"),
        (Period.parse, 2201),
        (Period.parse, "0000-H1"),
        (Period.parse, "0000-Q1"),
        (Period.parse, "0000-01"),
        (Period.parse, "9999"),
    ],
)
def test_years_outside_the_range_are_date_problems(parse: object, written: object) -> None:
    with pytest.raises(DateProblem, match=r"outside the years hyte accepts \(1900–2200\)"):
        parse(written)  # type: ignore[operator]


def test_the_range_is_inclusive_and_the_schema_states_it() -> None:
    from hytecli.schema import json_schema

    assert (MIN_YEAR, MAX_YEAR) == (1900, 2200)
    assert parse_iso_date("1900-01-01") == date(1900, 1, 1)
    assert parse_due("2200") == (date(2200, 12, 31), "year")
    assert Period.parse("2200-12").end == date(2200, 12, 31)
    schema = json_schema("indicator")
    years = [
        option
        for definition in schema["$defs"].values()
        for field in definition.get("properties", {}).values()
        for option in field.get("anyOf", [])
        if option.get("type") == "integer" and "maximum" in option
    ]
    assert years and all((y["minimum"], y["maximum"]) == (MIN_YEAR, MAX_YEAR) for y in years)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "0000-01-01"],
        ["status", "--as-of", "1899-12-31"],
        ["complete", "tavoite-1", "--date", "0000-01-01"],
        ["record", "mittari-1", "kyllä", "--period", "2024", "--date", "0000-01-01"],
    ],
)
def test_a_year_out_of_range_on_the_command_line_is_a_usage_error(
    build_plan: Callable[..., Path], args: list[str]
) -> None:
    root = build_plan()
    result = CliRunner().invoke(app, [*args, "--repo", str(root)], env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    assert "outside the years hyte accepts (1900–2200)" in " ".join(result.output.split())
    assert "Traceback" not in result.output and "internal error" not in result.output


@pytest.mark.parametrize("bad", ["2024-H3", "2024-Q5", "2024-13", "24", "2024-W01", 2024.5, None])
def test_bad_periods(bad: object) -> None:
    with pytest.raises(DateProblem, match="is not a period"):
        Period.parse(bad)


@pytest.mark.parametrize(
    ("utc", "helsinki_day"),
    [
        # Winter time, UTC+2: midnight in Helsinki is 22:00 UTC.
        (datetime(2024, 12, 31, 21, 59, 59, tzinfo=UTC), date(2024, 12, 31)),
        (datetime(2024, 12, 31, 22, 0, 0, tzinfo=UTC), date(2025, 1, 1)),
        # Summer time, UTC+3: midnight in Helsinki is 21:00 UTC.
        (datetime(2025, 5, 31, 20, 59, 59, tzinfo=UTC), date(2025, 5, 31)),
        (datetime(2025, 5, 31, 21, 0, 0, tzinfo=UTC), date(2025, 6, 1)),
        # A naive datetime is taken as UTC.
        (datetime(2024, 2, 28, 22, 30), date(2024, 2, 29)),
    ],
)
def test_today_is_judged_in_the_plan_time_zone(utc: datetime, helsinki_day: date) -> None:
    assert today_in_zone("Europe/Helsinki", utc) == helsinki_day


def test_unknown_time_zone() -> None:
    with pytest.raises(DateProblem, match="unknown time zone"):
        today_in_zone("Europe/Turku")


def test_naive_now_and_zone_object() -> None:
    from zoneinfo import ZoneInfo

    assert today_in_zone(ZoneInfo("Europe/Helsinki"), datetime(2024, 12, 31, 22)) == date(
        2025, 1, 1
    )


@pytest.mark.parametrize(
    ("day", "kind", "containing", "previous", "last_ended"),
    [
        (date(2024, 5, 31), PeriodKind.YEAR, "2024", "2023", "2023"),
        (date(2024, 12, 31), PeriodKind.YEAR, "2024", "2023", "2024"),
        (date(2024, 6, 30), PeriodKind.HALF_YEAR, "2024-H1", "2023-H2", "2024-H1"),
        (date(2024, 7, 1), PeriodKind.HALF_YEAR, "2024-H2", "2024-H1", "2024-H1"),
        (date(2024, 5, 31), PeriodKind.QUARTER, "2024-Q2", "2024-Q1", "2024-Q1"),
        (date(2024, 1, 1), PeriodKind.QUARTER, "2024-Q1", "2023-Q4", "2023-Q4"),
        (date(2024, 2, 29), PeriodKind.MONTH, "2024-02", "2024-01", "2024-02"),
        (date(2024, 1, 15), PeriodKind.MONTH, "2024-01", "2023-12", "2023-12"),
    ],
)
def test_containing_previous_and_last_ended_periods(
    day: date, kind: PeriodKind, containing: str, previous: str, last_ended: str
) -> None:
    period = Period.containing(day, kind)
    assert str(period) == containing and period.start <= day <= period.end
    assert str(period.previous()) == previous and period.previous().end < period.start
    assert str(Period.last_ended_by(day, kind)) == last_ended


def test_kinds_in_words() -> None:
    assert [kind.noun for kind in PeriodKind] == ["year", "half-year", "quarter", "month"]
    assert [kind.parts for kind in PeriodKind] == [1, 2, 4, 12]
    assert [kind.examples(2025) for kind in PeriodKind] == [
        "2025",
        "2025-H1 or 2025-H2",
        "2025-Q1 ... 2025-Q4",
        "2025-01 ... 2025-12",
    ]
