"""hyte status: judging goals, actions and indicators on a day (hytecli.status).

Every plan here is a fictional fixture built with ``build_plan``; the minimal plan runs
2024-01-01..2026-12-31 in Europe/Helsinki with council terms 2022-2025 (ends 2025-05-31) and
2025-2029.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN
from hytecli.judgement import STATES, Judgement, Outcome, State, count_states
from hytecli.models import Text
from hytecli.repository import load_repository
from hytecli.status import (
    StatusQuery,
    StatusReport,
    UnknownArea,
    YearOutsidePlan,
    compute_status,
    fails,
)

Build = Callable[..., Path]

AREA_HEAD = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
"""


def area(goals: str, head: str = AREA_HEAD) -> str:
    """An area file: the fixture head followed by ``goals`` (YAML list items, unindented)."""
    return head + goals


def one_goal(deadline: str | None = None, extra: str = "", responsible: str = "[Testitaho]") -> str:
    """A single goal ``g`` (fictional fixture) with an optional deadline and extra YAML lines."""
    lines = ["- id: g", "  title: Tavoite (fictional fixture)", f"  responsible: {responsible}"]
    if deadline is not None:
        lines.append(f"  deadline: {deadline}")
    text = "\n".join(lines) + "\n"
    return area(text + extra)


def report_for(
    build_plan: Build,
    files: dict[str, str | None],
    as_of: date | None = None,
    now: datetime | None = None,
    **query: object,
) -> StatusReport:
    repository = load_repository(build_plan(files))
    assert repository.findings == []
    return compute_status(repository, StatusQuery(as_of=as_of, **query), now=now)  # type: ignore[arg-type]


def by_id(report: StatusReport) -> dict[str, Judgement]:
    return {item.id: item for item in report.items}


def goal_state(build_plan: Build, deadline: str, as_of: date, **kw: object) -> Judgement:
    report = report_for(build_plan, {"plan/alue-a.yaml": one_goal(deadline)}, as_of, **kw)
    return by_id(report)["g"]


# --- states of goals and actions ------------------------------------------------------------------


def test_every_state_of_goals_and_actions(build_plan: Build) -> None:
    goals = """\
- id: g-done
  title: Valmis (fictional fixture)
  deadline: 2024-06
  completed: [{date: 2024-05-02}]
  actions:
    - id: a-overdue
      title: Myöhässä
      deadline: 2024-05-31
    - id: a-due-soon
      title: Pian
      deadline: 2024-07-15
    - id: a-open
      title: Avoin
      deadline: 2025
    - id: a-none
      title: Ei määräaikaa
"""
    report = report_for(build_plan, {"plan/alue-a.yaml": area(goals)}, date(2024, 6, 10))
    items = by_id(report)
    assert items["g-done"].state is State.DONE
    assert items["g-done"].done is not None
    assert (items["g-done"].done.date, items["g-done"].done.on_time) == (date(2024, 5, 2), True)
    assert items["g-done"].days is None
    assert (items["a-overdue"].state, items["a-overdue"].days) == (State.OVERDUE, 10)
    assert (items["a-due-soon"].state, items["a-due-soon"].days) == (State.DUE_SOON, 35)
    assert (items["a-open"].state, items["a-open"].days) == (State.OPEN, 569)
    assert (items["a-none"].state, items["a-none"].days) == (State.NO_DEADLINE, None)
    assert items["a-none"].deadline is None
    assert items["a-overdue"].kind == "action" and items["a-overdue"].goal == "g-done"
    assert items["a-overdue"].area == "alue-a"
    assert items["a-overdue"].path == "plan/alue-a.yaml"
    assert [s.value for s in STATES] == [
        "done",
        "done_late",
        "not_achieved",
        "overdue",
        "due_soon",
        "open",
        "no_deadline",
        "monitored",
        "cancelled",
        "merged",
    ]
    # a-overdue was due in the year judged (2024) and has passed: missed; the rest are not
    assert [i.id for i in report.items if i.missed] == ["a-overdue"]


def test_deadline_keeps_written_form_and_wording(build_plan: Build) -> None:
    item = goal_state(
        build_plan, "{due: 2024, wording: vuoden 2024 loppuun mennessä}", date(2024, 1, 1)
    )
    assert item.deadline is not None
    assert (item.deadline.form, item.deadline.written) == ("year", "2024")
    assert item.deadline.due == date(2024, 12, 31)
    assert item.deadline.wording == Text({"fi": "vuoden 2024 loppuun mennessä"})
    assert item.title == Text({"fi": "Tavoite (fictional fixture)"})
    assert item.responsible == (Text({"fi": "Testitaho"}),)


def test_completion_on_time_and_late(build_plan: Build) -> None:
    goals = """\
- id: ajoissa
  title: Ajoissa (fictional fixture)
  deadline: 2024-12-31
  completed: [{date: 2024-12-31}]
- id: myohassa
  title: Myöhässä (fictional fixture)
  deadline: 2024-12-31
  completed: [{date: 2025-01-15, note: myöhässä}]
- id: ilman
  title: Ilman määräaikaa (fictional fixture)
  completed: [{date: 2024-03-01}]
"""
    items = by_id(report_for(build_plan, {"plan/alue-a.yaml": area(goals)}, date(2025, 2, 1)))
    on_time = items["ajoissa"].done
    late = items["myohassa"].done
    undated = items["ilman"].done
    assert items["ajoissa"].state is State.DONE
    assert items["myohassa"].state is State.DONE_LATE
    assert on_time is not None and (on_time.on_time, on_time.days_late) == (True, 0)
    assert late is not None and (late.date, late.on_time, late.days_late) == (
        date(2025, 1, 15),
        False,
        15,
    )
    assert items["ilman"].state is State.DONE
    assert undated is not None and (undated.on_time, undated.days_late) == (None, None)


def test_completion_after_as_of_is_not_yet_done(build_plan: Build) -> None:
    files = {"plan/alue-a.yaml": one_goal("2024", "  completed: [{date: 2024-11-28}]\n")}
    before = by_id(report_for(build_plan, files, date(2024, 11, 27)))["g"]
    on_the_day = by_id(report_for(build_plan, files, date(2024, 11, 28)))["g"]
    assert (before.state, before.days) == (State.DUE_SOON, 34)
    assert on_the_day.state is State.DONE


# --- the deadline includes its last day; month and year ends (case c07) ---------------------------


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("2024-02", date(2024, 2, 29)),  # leap year
        ("2025-02", date(2025, 2, 28)),
        ("2024", date(2024, 12, 31)),
        ("2024-12", date(2024, 12, 31)),
        ("2024-04", date(2024, 4, 30)),
        ('{term_end: "2022-2025", wording: valtuustokauden loppuun mennessä}', date(2025, 5, 31)),
    ],
)
def test_deadline_includes_its_last_day(build_plan: Build, written: str, due: date) -> None:
    files = {"plan/alue-a.yaml": one_goal(written)}
    last_day = by_id(report_for(build_plan, files, due))["g"]
    day_after = by_id(report_for(build_plan, files, date.fromordinal(due.toordinal() + 1)))["g"]
    assert last_day.deadline is not None and last_day.deadline.due == due
    assert (last_day.state, last_day.days) == (State.DUE_SOON, 0)
    assert (day_after.state, day_after.days) == (State.OVERDUE, 1)


def test_term_end_deadline_form(build_plan: Build) -> None:
    item = goal_state(build_plan, '{term_end: "2022-2025"}', date(2025, 6, 1))
    assert item.deadline is not None
    assert (item.deadline.form, item.deadline.written) == ("term_end", "2022-2025")


def test_year_end_turn(build_plan: Build) -> None:
    assert goal_state(build_plan, "2024", date(2024, 12, 30)).days == 1
    late = goal_state(build_plan, "2024", date(2025, 12, 31))
    assert (late.state, late.days) == (State.OVERDUE, 365)


# --- "due soon" window ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("within", "as_of", "state", "days"),
    [
        (60, date(2024, 11, 1), State.DUE_SOON, 60),  # exactly 60 days before 2024-12-31
        (60, date(2024, 10, 31), State.OPEN, 61),
        (0, date(2024, 12, 31), State.DUE_SOON, 0),
        (0, date(2024, 12, 30), State.OPEN, 1),
        (7, date(2024, 12, 24), State.DUE_SOON, 7),
        (7, date(2024, 12, 23), State.OPEN, 8),
    ],
)
def test_due_within_edges(
    build_plan: Build, within: int, as_of: date, state: State, days: int
) -> None:
    item = goal_state(build_plan, "2024", as_of, due_within=within)
    assert (item.state, item.days) == (state, days)


def test_negative_due_within_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or more"):
        StatusQuery(as_of=None, due_within=-1)


# --- today in the plan's time zone ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "as_of", "state", "days"),
    [
        # winter: Helsinki is UTC+2
        (datetime(2024, 12, 31, 21, 59, 59, tzinfo=UTC), date(2024, 12, 31), State.DUE_SOON, 0),
        (datetime(2024, 12, 31, 22, 0, 0, tzinfo=UTC), date(2025, 1, 1), State.OVERDUE, 1),
        # a naive datetime is taken as UTC
        (datetime(2024, 12, 31, 22, 0, 0), date(2025, 1, 1), State.OVERDUE, 1),
    ],
)
def test_today_is_judged_in_the_plan_time_zone(
    build_plan: Build, now: datetime, as_of: date, state: State, days: int
) -> None:
    report = report_for(build_plan, {"plan/alue-a.yaml": one_goal("2024")}, now=now)
    assert report.as_of == as_of
    assert (by_id(report)["g"].state, by_id(report)["g"].days) == (state, days)


@pytest.mark.parametrize(
    ("now", "as_of", "state"),
    [
        # summer: Helsinki is UTC+3
        (datetime(2024, 6, 30, 20, 59, 59, tzinfo=UTC), date(2024, 6, 30), State.DUE_SOON),
        (datetime(2024, 6, 30, 21, 0, 0, tzinfo=UTC), date(2024, 7, 1), State.OVERDUE),
    ],
)
def test_summer_time_boundary(build_plan: Build, now: datetime, as_of: date, state: State) -> None:
    report = report_for(build_plan, {"plan/alue-a.yaml": one_goal("2024-06")}, now=now)
    assert report.as_of == as_of
    assert by_id(report)["g"].state is state


def test_time_zone_is_the_plans_not_the_machines(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace("time_zone: Europe/Helsinki", "time_zone: America/New_York")
    files = {"plan/plan.yaml": plan, "plan/alue-a.yaml": one_goal("2024")}
    # 2025-01-01 03:00 UTC is still 2024-12-31 in New York (UTC-5)
    report = report_for(build_plan, files, now=datetime(2025, 1, 1, 3, 0, tzinfo=UTC))
    assert report.as_of == date(2024, 12, 31) and report.time_zone == "America/New_York"
    assert by_id(report)["g"].state is State.DUE_SOON


def test_as_of_wins_over_now(build_plan: Build) -> None:
    report = report_for(
        build_plan,
        {"plan/alue-a.yaml": one_goal("2024")},
        as_of=date(2027, 1, 1),
        now=datetime(2024, 1, 1, tzinfo=UTC),
    )
    assert report.as_of == date(2027, 1, 1)
    assert by_id(report)["g"].state is State.OVERDUE


def test_without_as_of_or_now_uses_the_real_clock(build_plan: Build) -> None:
    report = report_for(build_plan, {"plan/alue-a.yaml": one_goal("2024")})
    from hytecli.periods import today_in_zone

    assert report.as_of == today_in_zone("Europe/Helsinki")


# --- recurring annual deadlines -------------------------------------------------------------------

RECURRING = "{recurring: annual, wording: vuosittain}"


def recurring_goal(completed: str = "", day: str = "") -> dict[str, str | None]:
    deadline = RECURRING if not day else f'{{recurring: annual, day: "{day}"}}'
    extra = f"  completed: {completed}\n" if completed else ""
    return {"plan/alue-a.yaml": one_goal(deadline, extra)}


def test_recurring_entry_for_this_year_exists(build_plan: Build) -> None:
    files = recurring_goal("[{date: 2024-11-01, period: 2024}, {date: 2025-03-01, period: 2025}]")
    item = by_id(report_for(build_plan, files, date(2025, 6, 1)))["g"]
    assert item.state is State.DONE
    assert item.recurring is not None
    assert (item.recurring.year, item.recurring.due) == (2025, date(2025, 12, 31))
    assert item.recurring.entry_exists and item.recurring.missing_years == ()
    assert item.done is not None and item.done.date == date(2025, 3, 1) and item.done.on_time
    assert item.deadline is not None and item.deadline.due == date(2025, 12, 31)
    assert item.deadline.form == "annual"


def test_recurring_entry_missing_this_year(build_plan: Build) -> None:
    files = recurring_goal("[{date: 2024-11-01, period: 2024}]")
    early = by_id(report_for(build_plan, files, date(2025, 6, 1)))["g"]
    late = by_id(report_for(build_plan, files, date(2025, 12, 1)))["g"]
    assert (early.state, early.days) == (State.OPEN, 213)
    assert (late.state, late.days) == (State.DUE_SOON, 30)
    assert early.recurring is not None and not early.recurring.entry_exists
    assert early.recurring.missing_years == ()
    assert not early.missing_entries


def test_recurring_earlier_years_missing(build_plan: Build) -> None:
    files = recurring_goal("[{date: 2026-02-01, period: 2026}]")
    report = report_for(build_plan, files, date(2026, 3, 1))
    item = by_id(report)["g"]
    assert item.state is State.DONE  # this year's entry exists
    assert item.recurring is not None and item.recurring.missing_years == (2024, 2025)
    assert item.missing_entries
    assert report.areas[0].missing_entries == 1
    assert fails(report, "overdue")  # a missing earlier entry is overdue


def test_recurring_without_any_entries(build_plan: Build) -> None:
    item = by_id(report_for(build_plan, recurring_goal(), date(2024, 12, 31)))["g"]
    assert (item.state, item.days) == (State.DUE_SOON, 0)
    assert item.recurring is not None and item.recurring.missing_years == ()
    next_year = by_id(report_for(build_plan, recurring_goal(), date(2025, 1, 1)))["g"]
    assert (next_year.state, next_year.days) == (State.OPEN, 364)
    assert next_year.recurring is not None and next_year.recurring.missing_years == (2024,)


def test_recurring_is_kept_within_the_plan_period(build_plan: Build) -> None:
    before = by_id(report_for(build_plan, recurring_goal(), date(2023, 12, 1)))["g"]
    assert before.recurring is not None and before.recurring.year == 2024
    assert (before.state, before.days) == (State.OPEN, 396)
    after = by_id(report_for(build_plan, recurring_goal(), date(2027, 1, 1)))["g"]
    assert after.recurring is not None and after.recurring.year == 2026
    assert (after.state, after.days) == (State.OVERDUE, 1)
    assert after.recurring.missing_years == (2024, 2025)
    done_after = by_id(
        report_for(
            build_plan,
            recurring_goal("[{date: 2026-12-01, period: 2026}]"),
            date(2027, 1, 1),
        )
    )["g"]
    assert done_after.state is State.DONE


def test_recurring_with_own_day(build_plan: Build) -> None:
    files = recurring_goal(day="03-31")
    on_day = by_id(report_for(build_plan, files, date(2025, 3, 31)))["g"]
    after = by_id(report_for(build_plan, files, date(2025, 4, 1)))["g"]
    assert (on_day.state, on_day.days) == (State.DUE_SOON, 0)
    assert (after.state, after.days) == (State.OVERDUE, 1)


def test_recurring_late_entry(build_plan: Build) -> None:
    files = recurring_goal("[{date: 2025-04-10, period: 2025}]", day="03-31")
    item = by_id(report_for(build_plan, files, date(2025, 5, 1)))["g"]
    assert item.state is State.DONE_LATE
    assert item.done is not None and (item.done.on_time, item.done.days_late) == (False, 10)
    assert item.missed  # 2025's entry was due 31.3.2025, in the year judged, and came late


def test_recurring_judged_for_a_given_year(build_plan: Build) -> None:
    # The 2024 report made on 2025-03-15 judges 2024: due 2024-12-31, done by its 2024 entry.
    files = recurring_goal("[{date: 2024-11-20, period: 2024}]")
    done = by_id(report_for(build_plan, files, date(2025, 3, 15), year=2024))["g"]
    assert done.state is State.DONE
    assert done.recurring is not None
    assert (done.recurring.year, done.recurring.due) == (2024, date(2024, 12, 31))
    assert done.recurring.entry_exists and done.recurring.missing_years == ()
    assert done.done is not None and (done.done.date, done.done.on_time) == (
        date(2024, 11, 20),
        True,
    )
    assert done.deadline is not None and done.deadline.due == date(2024, 12, 31)
    # Without the 2024 entry it is overdue for 2024, not open for 2025.
    missing = by_id(report_for(build_plan, recurring_goal(), date(2025, 3, 15), year=2024))["g"]
    assert (missing.state, missing.days) == (State.OVERDUE, 74)
    assert missing.recurring is not None
    assert (missing.recurring.year, missing.recurring.entry_exists) == (2024, False)
    assert missing.recurring.missing_years == ()
    # Before the year's deadline has passed it is open or due soon, as any deadline.
    early = by_id(report_for(build_plan, recurring_goal(), date(2024, 12, 1), year=2024))["g"]
    assert (early.state, early.days) == (State.DUE_SOON, 30)
    # A later year's entry does not make an earlier year done.
    later = recurring_goal("[{date: 2025-02-01, period: 2025}]")
    item = by_id(report_for(build_plan, later, date(2025, 3, 15), year=2024))["g"]
    assert (item.state, item.days) == (State.OVERDUE, 74)
    # Without a year, the as-of day's year is judged, as before.
    default = by_id(report_for(build_plan, recurring_goal(), date(2025, 3, 15)))["g"]
    assert default.recurring is not None and default.recurring.year == 2025
    assert default.recurring.missing_years == (2024,)


def test_recurring_year_must_be_in_the_plan_period(build_plan: Build) -> None:
    with pytest.raises(YearOutsidePlan, match="2027 is not a year of the plan period 2024–2026"):
        report_for(build_plan, recurring_goal(), date(2027, 1, 1), year=2027)


def test_indicator_inheriting_a_recurring_deadline_follows_the_given_year(
    build_plan: Build,
) -> None:
    body = "kind: count\nvalues:\n  - {period: 2024, value: 120, date: 2025-02-01}\n"
    goal = one_goal(RECURRING, "  indicators: [mittari-1]\n")
    files = {"plan/alue-a.yaml": goal, "indicators/mittari-1.yaml": indicator(body)}
    item = by_id(report_for(build_plan, files, date(2025, 3, 15), year=2024))["mittari-1"]
    assert item.recurring is not None and item.recurring.year == 2024
    assert item.recurring.entry_exists
    # no target: the 2024 value (known 2025-02-01) is monitored, not "done"
    assert item.state is State.MONITORED and item.done is None and not item.missed
    assert item.deadline is not None and item.deadline.due == date(2024, 12, 31)
    assert item.indicator is not None and item.indicator.outcome is Outcome.RECORDED
    assert [v.period for v in item.indicator.values] == ["2024"]
    before = by_id(report_for(build_plan, files, date(2025, 1, 15), year=2024))["mittari-1"]
    assert (before.state, before.days) == (State.OVERDUE, 15)
    assert before.indicator is not None and before.indicator.outcome is Outcome.NOT_RECORDED


# --- filters and the summary ----------------------------------------------------------------------

THREE_AREAS_PLAN = MINIMAL_PLAN.replace(
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n",
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n  - id: alue-c\n    title: Alue C\n"
    "  - id: alue-b\n    title: Alue B\n",
)

AREA_A = area(
    """\
- id: a-goal
  title: A:n tavoite (fictional fixture)
  deadline: 2024
  responsible: ["LUVN: Aikuisten sosiaalipalvelut"]
  indicators: [mittari-1]
  actions:
    - id: a-perii
      title: Perii vastuutahon
      deadline: 2024-03
    - id: a-oma
      title: Oma vastuutaho
      responsible: [Järjestöt ja kunnat]
"""
)

AREA_B = """\
# fictional fixture
id: alue-b
number: 3
title: Alue B (osion otsikko)
goals:
  - id: b-goal
    title: B:n tavoite (fictional fixture)
    deadline: 2026
    responsible: [luvn]
"""


def three_areas() -> dict[str, str | None]:
    return {"plan/plan.yaml": THREE_AREAS_PLAN, "plan/alue-a.yaml": AREA_A, "plan/b.yaml": AREA_B}


def test_summary_per_area_in_plan_order(build_plan: Build) -> None:
    report = report_for(build_plan, three_areas(), date(2024, 6, 1))
    assert [s.id for s in report.areas] == ["alue-a", "alue-c", "alue-b"]
    a, c, b = report.areas
    assert a.counts == {
        State.DONE: 0,
        State.DONE_LATE: 0,
        State.NOT_ACHIEVED: 0,
        State.OVERDUE: 1,
        State.DUE_SOON: 0,
        State.OPEN: 2,  # a-goal and mittari-1 (own deadline 2024)
        State.NO_DEADLINE: 1,
        State.MONITORED: 0,
        State.CANCELLED: 0,
        State.MERGED: 0,
    }
    assert (a.total, a.has_section, a.note, a.number) == (4, True, None, 1)
    assert (c.total, c.has_section, c.note) == (0, False, "no section in the plan")
    assert c.title == Text({"fi": "Alue C"})  # the wording of plan.yaml's list
    assert b.title == Text({"fi": "Alue B (osion otsikko)"})  # the section heading
    assert b.counts[State.OPEN] == 1 and b.total == 1
    assert report.totals == count_states(report.items)
    assert sum(report.totals.values()) == 5
    # items are grouped by area in plan order; an indicator follows the item that lists it
    assert [i.id for i in report.items] == ["a-goal", "mittari-1", "a-perii", "a-oma", "b-goal"]


def test_area_filter(build_plan: Build) -> None:
    report = report_for(build_plan, three_areas(), date(2024, 6, 1), areas=("alue-b",))
    assert [i.id for i in report.items] == ["b-goal"]
    assert [s.id for s in report.areas] == ["alue-b"]
    only_c = report_for(build_plan, three_areas(), date(2024, 6, 1), areas=("alue-c",))
    assert only_c.items == () and only_c.areas[0].note == "no section in the plan"
    two = report_for(build_plan, three_areas(), date(2024, 6, 1), areas=("alue-b", "alue-a"))
    assert [s.id for s in two.areas] == ["alue-a", "alue-b"]


def test_unknown_area_is_a_usage_error_listing_valid_ids(build_plan: Build) -> None:
    repository = load_repository(build_plan(three_areas()))
    with pytest.raises(UnknownArea) as caught:
        compute_status(repository, StatusQuery(as_of=date(2024, 1, 1), areas=("alue-x",)))
    assert caught.value.exit_code == 2
    assert not isinstance(caught.value, LookupError)  # not a bug turned into "usage error"
    message = str(caught.value)
    assert "'alue-x'" in message
    assert "valid ids are alue-a, alue-c, alue-b" in message


def test_responsible_filter_is_case_insensitive_and_inherited(build_plan: Build) -> None:
    report = report_for(build_plan, three_areas(), date(2024, 6, 1), responsible="luvn")
    # a-perii inherits its goal's party; a-oma has its own; mittari-1 has its user's
    assert [i.id for i in report.items] == ["a-goal", "mittari-1", "a-perii", "b-goal"]
    assert report.areas[0].total == 3 and report.areas[2].total == 1
    social = report_for(
        build_plan, three_areas(), date(2024, 6, 1), responsible="AIKUISTEN SOSIAALI"
    )
    assert [i.id for i in social.items] == ["a-goal", "mittari-1", "a-perii"]
    kunnat = report_for(build_plan, three_areas(), date(2024, 6, 1), responsible="kunnat")
    assert [i.id for i in kunnat.items] == ["a-oma"]
    both = report_for(
        build_plan, three_areas(), date(2024, 6, 1), responsible="luvn", areas=("alue-b",)
    )
    assert [i.id for i in both.items] == ["b-goal"]


def test_responsible_filter_matches_every_language(build_plan: Build) -> None:
    files = {"plan/alue-a.yaml": one_goal("2024", responsible="[{fi: Vastuutaho, sv: Ansvarig}]")}
    report = report_for(build_plan, files, date(2024, 1, 1), responsible="ansvar")
    assert "g" in by_id(report)


def test_fails(build_plan: Build) -> None:
    files = {"plan/alue-a.yaml": one_goal("2024-06-30"), "indicators/mittari-1.yaml": None}
    open_report = report_for(build_plan, files, date(2024, 1, 1))
    soon = report_for(build_plan, files, date(2024, 6, 1))
    late = report_for(build_plan, files, date(2024, 7, 1))
    assert not fails(open_report, "overdue") and not fails(open_report, "due")
    assert not fails(soon, "overdue") and fails(soon, "due")
    assert fails(late, "overdue") and fails(late, "due")
    with pytest.raises(ValueError):
        fails(late, "open")


# --- indicators -----------------------------------------------------------------------------------


def indicator(body: str, ident: str = "mittari-1") -> str:
    return f"# fictional fixture\nid: {ident}\nname: Mittari {ident} (fictional fixture)\n{body}"


def ind_item(
    build_plan: Build,
    body: str,
    as_of: date,
    goal_deadline: str | None = None,
) -> Judgement:
    goal = one_goal(goal_deadline, "  indicators: [mittari-1]\n")
    files = {"plan/alue-a.yaml": goal, "indicators/mittari-1.yaml": indicator(body)}
    return by_id(report_for(build_plan, files, as_of))["mittari-1"]


YES_NO = "kind: yes_no\ntarget: {value: true, deadline: 2024}\n"


def test_yes_no_indicator_not_recorded(build_plan: Build) -> None:
    item = ind_item(build_plan, YES_NO + "values: []\n", date(2025, 1, 1))
    assert (item.state, item.days) == (State.OVERDUE, 1)
    assert item.indicator is not None
    assert item.indicator.outcome is Outcome.NOT_RECORDED
    assert item.indicator.latest is None
    assert item.indicator.target is not None and item.indicator.target.value is True
    assert item.indicator.indicator_kind == "yes_no"
    assert (item.area, item.goal, item.kind) == ("alue-a", "g", "indicator")
    assert item.title == Text({"fi": "Mittari mittari-1 (fictional fixture)"})
    assert item.path == "indicators/mittari-1.yaml"
    assert [(u.kind, u.id) for u in item.indicator.used_by] == [("goal", "g")]
    assert item.responsible == (Text({"fi": "Testitaho"}),)


def test_yes_no_true_with_date_is_done(build_plan: Build) -> None:
    body = YES_NO + "values:\n  - {period: 2024, value: true, date: 2024-10-15}\n"
    item = ind_item(build_plan, body, date(2025, 1, 1))
    assert item.state is State.DONE
    assert item.done is not None and (item.done.date, item.done.on_time) == (
        date(2024, 10, 15),
        True,
    )
    assert item.indicator is not None and item.indicator.outcome is Outcome.ACHIEVED
    latest = item.indicator.latest
    assert latest is not None and (latest.period, latest.value) == ("2024", True)
    # not yet on the day before the value's date
    before = ind_item(build_plan, body, date(2024, 10, 14))
    assert before.state is State.OPEN and before.indicator is not None
    assert before.indicator.latest is None


def test_yes_no_true_without_date_counts_from_its_period_end(build_plan: Build) -> None:
    body = YES_NO + "values:\n  - {period: 2025, value: true}\n"
    # Before 2025 is over, the undated 2025 answer is not known yet: never "done 2025-12-31"
    # on 2025-03-01 (review B4).
    during = ind_item(build_plan, body, date(2025, 3, 1))
    assert (during.state, during.days, during.done) == (State.OVERDUE, 60, None)
    assert during.indicator is not None and during.indicator.outcome is Outcome.NOT_RECORDED
    assert during.indicator.latest is None
    for day in (date(2025, 12, 31), date(2026, 2, 1)):
        item = ind_item(build_plan, body, day)
        assert item.state is State.DONE_LATE  # due 31.12.2024, answered for 2025
        assert not item.missed  # judged for 2025 or 2026, not for 2024
        assert item.done is not None
        assert (item.done.date, item.done.on_time, item.done.days_late) == (
            date(2025, 12, 31),
            False,
            365,
        )
    # a value for a period that has not started yet does not count
    assert ind_item(build_plan, body, date(2024, 12, 31)).state is State.DUE_SOON


def test_a_done_date_is_never_after_the_day_judged(build_plan: Build) -> None:
    body = (
        "kind: yes_no\ntarget: {value: true, deadline: 2024-06}\n"
        "values:\n  - {period: 2024, value: true}\n"
    )
    for day in (date(2024, 3, 1), date(2024, 6, 30), date(2024, 12, 30)):
        item = ind_item(build_plan, body, day)
        assert item.done is None and item.state is not State.DONE, day
    item = ind_item(build_plan, body, date(2024, 12, 31))
    assert item.done is not None and item.done.date == date(2024, 12, 31)


def test_yes_no_false_after_deadline_is_not_achieved_not_overdue(build_plan: Build) -> None:
    body = YES_NO + "values:\n  - {period: 2024, value: false, date: 2024-12-20}\n"
    item = ind_item(build_plan, body, date(2025, 2, 1))
    assert (item.state, item.days) == (State.NOT_ACHIEVED, None)
    assert item.indicator is not None and item.indicator.outcome is Outcome.NOT_ACHIEVED
    assert not item.missed  # judged for 2025; the deadline fell in 2024
    before = ind_item(build_plan, body, date(2024, 12, 21))
    assert before.state is State.DUE_SOON
    assert before.indicator is not None and before.indicator.outcome is Outcome.NOT_ACHIEVED


def test_yes_no_done_date_is_the_first_true_of_the_latest_run(build_plan: Build) -> None:
    body = YES_NO + (
        "values:\n"
        "  - {period: 2024, value: true, date: 2024-06-01}\n"
        "  - {period: 2025, value: true, date: 2025-06-01}\n"
    )
    item = ind_item(build_plan, body, date(2025, 7, 1))
    assert item.done is not None and item.done.date == date(2024, 6, 1) and item.done.on_time


NUMERIC = "kind: count\nunit: kpl\ntarget: {value: 10, comparison: at_least, deadline: 2025}\n"


def test_numeric_target_met_by_the_latest_value(build_plan: Build) -> None:
    body = NUMERIC + (
        "values:\n"
        "  - {period: 2024, value: 4}\n"
        "  - {period: 2025, value: 12}\n"
        '  - {period: 2025, value: 1, municipality: "049"}\n'
    )
    item = ind_item(build_plan, body, date(2026, 1, 5))
    assert item.state is State.DONE
    assert item.done is not None and item.done.date == date(2025, 12, 31) and item.done.on_time
    assert item.indicator is not None and item.indicator.outcome is Outcome.ACHIEVED
    assert item.indicator.latest is not None and item.indicator.latest.value == 12
    target = item.indicator.target
    assert target is not None and (target.value, target.comparison) == (10, "at_least")


def test_numeric_target_not_met_is_judged_by_deadline(build_plan: Build) -> None:
    body = NUMERIC + "values:\n  - {period: 2024, value: 4}\n"
    open_item = ind_item(build_plan, body, date(2025, 3, 1))
    assert open_item.state is State.OPEN
    assert open_item.indicator is not None and open_item.indicator.outcome is Outcome.NOT_ACHIEVED
    late = ind_item(build_plan, body, date(2026, 1, 1))
    # its deadline passed short of its target: not achieved, which is not "overdue"
    assert (late.state, late.days) == (State.NOT_ACHIEVED, None)
    assert late.indicator is not None and late.indicator.outcome is Outcome.NOT_ACHIEVED


def test_numeric_at_most_target(build_plan: Build) -> None:
    body = (
        "kind: percentage\ntarget: {value: 5.5, comparison: at_most, deadline: 2026}\n"
        "values:\n  - {period: 2024, value: 7.0}\n  - {period: 2025, value: 5.5}\n"
    )
    item = ind_item(build_plan, body, date(2026, 2, 1))
    assert item.state is State.DONE


REFERENCE = (
    "kind: percentage\ndirection: increase\n"
    "target: {reference: national_average, label: maan keskiarvo, comparison: at_least, "
    "deadline: 2026}\n"
)


def test_reference_target_without_values(build_plan: Build) -> None:
    body = REFERENCE + "values: []\n"
    assert ind_item(build_plan, body, date(2026, 12, 31)).state is State.DUE_SOON
    late = ind_item(build_plan, body, date(2027, 1, 1))
    assert (late.state, late.days) == (State.OVERDUE, 1)
    assert late.indicator is not None and late.indicator.outcome is Outcome.NOT_RECORDED
    assert late.indicator.target is not None
    assert late.indicator.target.reference == "national_average"


def test_reference_target_compared_with_the_series(build_plan: Build) -> None:
    body = REFERENCE + (
        "values:\n"
        "  - {period: 2025, value: 40.0}\n"
        "  - {period: 2025, value: 38.5, series: national_average}\n"
    )
    item = ind_item(build_plan, body, date(2026, 3, 1))
    assert item.state is State.DONE
    assert item.indicator is not None and item.indicator.reference_value is not None
    assert item.indicator.reference_value.value == 38.5
    below = REFERENCE + (
        "values:\n"
        "  - {period: 2025, value: 30.0}\n"
        "  - {period: 2025, value: 38.5, series: national_average}\n"
    )
    not_met = ind_item(build_plan, below, date(2026, 3, 1))
    assert not_met.state is State.OPEN
    assert not_met.indicator is not None and not_met.indicator.outcome is Outcome.NOT_ACHIEVED
    no_reference = REFERENCE + "values:\n  - {period: 2025, value: 40.0}\n"
    unknown = ind_item(build_plan, no_reference, date(2026, 3, 1))
    assert unknown.state is State.OPEN
    assert unknown.indicator is not None and unknown.indicator.outcome is Outcome.NOT_RECORDED


def test_indicator_inherits_the_deadline_of_its_only_user_with_one(build_plan: Build) -> None:
    body = "kind: yes_no\ntarget: {value: true}\nvalues: []\n"
    item = ind_item(
        build_plan, body, date(2025, 1, 1), goal_deadline="{due: 2024, wording: vuonna 2024}"
    )
    assert (item.state, item.days) == (State.OVERDUE, 1)
    assert item.deadline is not None and item.deadline.inherited_from is not None
    assert (item.deadline.inherited_from.kind, item.deadline.inherited_from.id) == ("goal", "g")
    assert item.deadline.wording == Text({"fi": "vuonna 2024"})
    own = ind_item(build_plan, YES_NO + "values: []\n", date(2025, 1, 1), goal_deadline="2026")
    assert own.deadline is not None and own.deadline.inherited_from is None
    assert own.deadline.due == date(2024, 12, 31)  # its own deadline wins


def test_indicator_inheritance_rules(build_plan: Build) -> None:
    goals = """\
- id: g1
  title: Tavoite 1 (fictional fixture)
  deadline: 2024
  actions:
    - id: a1
      title: Toimenpide ilman määräaikaa
      indicators: [ilman]
    - id: a2
      title: Toimenpide 2025
      deadline: 2025
      indicators: [kaksi, yksi]
    - id: a3
      title: Toimenpide 2026
      deadline: 2026
      indicators: [kaksi]
    - id: a4
      title: Toimenpide ilman määräaikaa
      indicators: [yksi]
"""
    body = "kind: count\nvalues: []\n"
    files = {
        "plan/alue-a.yaml": area(goals),
        "indicators/mittari-1.yaml": None,
        "indicators/ilman.yaml": indicator(body, "ilman"),
        "indicators/kaksi.yaml": indicator(body, "kaksi"),
        "indicators/yksi.yaml": indicator(body, "yksi"),
    }
    items = by_id(report_for(build_plan, files, date(2025, 6, 1)))
    # an action without a deadline does not pass on its goal's
    assert items["ilman"].state is State.NO_DEADLINE and items["ilman"].deadline is None
    # two users with deadlines: ambiguous, nothing inherited
    assert items["kaksi"].state is State.NO_DEADLINE
    # exactly one of its users has a deadline
    yksi = items["yksi"]
    assert yksi.deadline is not None and yksi.deadline.inherited_from is not None
    assert yksi.deadline.inherited_from.id == "a2" and yksi.deadline.due == date(2025, 12, 31)
    assert yksi.state is State.OPEN
    assert yksi.indicator is not None
    assert [u.id for u in yksi.indicator.used_by] == ["a2", "a4"]
    assert [i.id for i in by_id(report_for(build_plan, files, date(2025, 6, 1))).values()] == [
        "g1",
        "a1",
        "ilman",
        "a2",
        "kaksi",
        "yksi",
        "a3",
        "a4",
    ]


def test_indicator_without_target_inheriting_a_recurring_deadline(build_plan: Build) -> None:
    body = (
        "kind: count\nvalues:\n"
        "  - {period: 2024, value: 120}\n"
        "  - {period: 2026, value: 80, date: 2026-03-01}\n"
    )
    goal = one_goal(RECURRING, "  indicators: [mittari-1]\n")
    files = {"plan/alue-a.yaml": goal, "indicators/mittari-1.yaml": indicator(body)}
    y2025 = by_id(report_for(build_plan, files, date(2025, 6, 1)))["mittari-1"]
    assert y2025.state is State.OPEN
    assert y2025.recurring is not None
    assert (y2025.recurring.year, y2025.recurring.entry_exists) == (2025, False)
    assert y2025.recurring.missing_years == ()
    assert y2025.indicator is not None and y2025.indicator.outcome is Outcome.NOT_RECORDED
    y2026 = by_id(report_for(build_plan, files, date(2026, 6, 1)))["mittari-1"]
    # recording a figure without a target is monitoring, not reaching a goal
    assert y2026.state is State.MONITORED and y2026.done is None
    assert y2026.recurring is not None and y2026.recurring.missing_years == (2025,)
    assert y2026.recurring.entry_exists
    assert y2026.indicator is not None and y2026.indicator.outcome is Outcome.RECORDED


def test_indicator_without_target_or_deadline_is_monitored(build_plan: Build) -> None:
    body = "kind: count\ndirection: decrease\nvalues:\n  - {period: 2024, value: 3}\n"
    item = ind_item(build_plan, body, date(2025, 1, 1))
    assert item.state is State.MONITORED and item.done is None and item.days is None
    nothing = ind_item(build_plan, "kind: count\nvalues: []\n", date(2025, 1, 1))
    assert nothing.state is State.NO_DEADLINE  # monitored only once values are recorded
    assert item.indicator is not None and item.indicator.outcome is Outcome.RECORDED
    assert item.indicator.target is None


def test_yes_no_without_deadline_is_done_when_achieved(build_plan: Build) -> None:
    body = "kind: yes_no\ntarget: {value: true}\nvalues:\n  - {period: 2024, value: true}\n"
    item = ind_item(build_plan, body, date(2025, 1, 1))
    assert item.state is State.DONE
    assert item.done is not None and item.done.on_time is None


def test_indicator_no_goal_uses(build_plan: Build) -> None:
    files = {"plan/alue-a.yaml": one_goal("2024")}  # the goal lists no indicator
    report = report_for(build_plan, files, date(2024, 6, 1))
    item = by_id(report)["mittari-1"]
    assert (item.area, item.goal, item.responsible) == (None, None, ())
    assert item.indicator is not None and item.indicator.used_by == ()
    assert report.areas[-1].id is None and report.areas[-1].total == 1
    assert report.items_in(None) == [item]
    filtered = report_for(build_plan, files, date(2024, 6, 1), areas=("alue-a",))
    assert "mittari-1" not in by_id(filtered)
    assert [s.id for s in filtered.areas] == ["alue-a"]


def test_unknown_council_term_is_shown_unresolved(build_plan: Build) -> None:
    files = {"plan/alue-a.yaml": one_goal('{term_end: "2099-2103"}')}
    item = by_id(report_for(build_plan, files, date(2024, 6, 1)))["g"]
    assert item.state is State.NO_DEADLINE
    assert item.deadline is not None
    assert (item.deadline.form, item.deadline.written, item.deadline.due) == (
        "term_end",
        "2099-2103",
        None,
    )
