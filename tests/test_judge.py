"""The year's truth (issue 8): judging a plan for a day and a year (hytecli.judge).

``hyte report --year Y`` judges year Y as known on the day the report is made; ``hyte status``
judges a day, with the same rules (:func:`hytecli.judge.judge_plan`). Each test here builds a
small plan by hand and checks one rule of ``hytecli.judge``'s docstring on it; the last part
generates many small plans and checks that status and the JSON report agree item by item.

Every plan and value here is a fictional fixture; the plan period is 2024–2026.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_PLAN, write_tree
from hytecli.judge import Clock, judge_plan
from hytecli.judgement import Judgement, Outcome, State
from hytecli.report import ReportOptions, render_report
from hytecli.repository import PlanRepository, load_repository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.status import StatusQuery, StatusReport, YearOutsidePlan, compute_status

Build = Callable[..., Path]
NOW = datetime(2030, 1, 1, tzinfo=UTC)  # never read: every judgement here names its day

TWO_AREAS_PLAN = MINIMAL_PLAN.replace(
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n",
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n  - id: alue-b\n    title: Alue B\n",
)

AREA_A = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: g-2024
    title: Vuoden 2024 tavoite, ei tehty
    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}
    responsible: [Testitaho]
    indicators: [seuranta, yhteinen]
    actions:
      - id: a-kesakuu
        title: Kesäkuun 2024 toimenpide, ei tehty
        deadline: 2024-06
      - id: a-ajoissa
        title: Tehty ajoissa
        deadline: 2024-05
        completed: [{date: 2024-05-10}]
      - id: a-myohassa
        title: Tehty myöhässä
        deadline: 2024-09-30
        completed: [{date: 2025-01-20, note: myöhässä}]
      - id: a-vuosittain
        title: Vuosittainen raportti
        deadline: {recurring: annual}
        completed:
          - {date: 2024-11-01, period: 2024}
          - {date: 2026-03-01, period: 2026}
  - id: g-2025
    title: Vuoden 2025 kesäkuun tavoite, tehty 2025
    deadline: 2025-06
    completed: [{date: 2025-03-01}]
    indicators: [kylla-ei, tilasto]
    actions:
      - id: a-2025
        title: Vuoden 2025 toimenpide, ei tehty
        deadline: 2025
      - id: a-ilman
        title: Ilman määräaikaa
"""

AREA_B = """\
# fictional fixture
id: alue-b
number: 2
title: Alue B
goals:
  - id: g-b
    title: B:n tavoite
    deadline: 2026
    responsible: [Toinen taho]
    indicators: [yhteinen]
"""

INDICATORS = {
    # yes/no, answered "no" before its 2024 deadline
    "kylla-ei": """\
        # fictional fixture
        id: kylla-ei
        name: Verkosto perustettu
        kind: yes_no
        target: {value: true, deadline: 2024}
        values:
          - {period: 2024, value: false, date: 2024-11-15}
        """,
    # a 2024 statistic that arrived on 10 February 2025
    "tilasto": """\
        # fictional fixture
        id: tilasto
        name: Asiakasmäärä
        kind: count
        direction: increase
        target: {value: 100, comparison: at_least, deadline: 2024}
        values:
          - {period: 2024, value: 120, date: 2025-02-10}
          - {period: 2025, value: 140, date: 2025-06-01}
        """,
    # no target: recording values is monitoring; inherits g-2024's deadline
    "seuranta": """\
        # fictional fixture
        id: seuranta
        name: Käyntien määrä
        kind: count
        values:
          - {period: 2024, value: 35}
        """,
    # used by a goal in each area
    "yhteinen": """\
        # fictional fixture
        id: yhteinen
        name: Yhteinen mittari
        kind: yes_no
        target: {value: true, deadline: 2026}
        values: []
        """,
}


def files() -> dict[str, str]:
    tree = {"plan/plan.yaml": TWO_AREAS_PLAN, "plan/alue-a.yaml": AREA_A, "plan/b.yaml": AREA_B}
    return tree | {f"indicators/{ident}.yaml": text for ident, text in INDICATORS.items()}


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> ResolvedPlan:
    repository = load_repository(write_tree(tmp_path_factory.mktemp("judge"), files()))
    assert repository.findings == []
    return resolve_plan(repository)


def judged(resolved: ResolvedPlan, day: date, year: int | None = None) -> dict[str, Judgement]:
    return {item.id: item for item in judge_plan(resolved, day=day, year=year)}


def status(resolved: ResolvedPlan, day: date, year: int | None = None) -> StatusReport:
    return compute_status(resolved, StatusQuery(as_of=day, year=year))


# --- the year's truth -----------------------------------------------------------------------------


def test_an_ended_year_shows_what_was_due_in_it_as_overdue_and_missed(
    resolved: ResolvedPlan,
) -> None:
    items = judged(resolved, date(2026, 12, 4), year=2024)
    for item in items.values():
        assert item.state is not State.DUE_SOON, f"{item.id}: due soon in 2024's report"
    due_2024 = [
        item
        for item in items.values()
        if item.deadline is not None
        and item.deadline.due is not None
        and item.deadline.due <= date(2024, 12, 31)
    ]
    not_done = [i for i in due_2024 if i.state not in (State.DONE, State.DONE_LATE)]
    assert {i.id for i in not_done} == {"g-2024", "a-kesakuu", "kylla-ei", "seuranta"}
    for item in not_done:
        if item.state is not State.NOT_ACHIEVED and item.state is not State.MONITORED:
            assert item.state is State.OVERDUE, item.id
        if item.state is not State.MONITORED:
            assert item.missed, item.id
    g = items["g-2024"]
    assert (g.state, g.days, g.missed) == (State.OVERDUE, 703, True)
    assert (items["a-kesakuu"].state, items["a-kesakuu"].missed) == (State.OVERDUE, True)
    assert (items["a-ajoissa"].state, items["a-ajoissa"].missed) == (State.DONE, False)


def test_the_last_day_of_the_year_an_item_due_that_day_is_due_soon(
    resolved: ResolvedPlan,
) -> None:
    items = judged(resolved, date(2024, 12, 31), year=2024)
    g = items["g-2024"]
    assert (g.state, g.days, g.missed) == (State.DUE_SOON, 0, False)
    # the day after, in the same year's report, it is overdue and missed
    after = judged(resolved, date(2025, 1, 1), year=2024)["g-2024"]
    assert (after.state, after.days, after.missed) == (State.OVERDUE, 1, True)
    # and in 2025's own status it is overdue but was not missed in 2025
    in_2025 = judged(resolved, date(2025, 1, 1))["g-2024"]
    assert (in_2025.state, in_2025.missed) == (State.OVERDUE, False)


def test_done_after_its_deadline_is_done_late_and_missed(resolved: ResolvedPlan) -> None:
    late = judged(resolved, date(2026, 12, 4), year=2024)["a-myohassa"]
    assert late.state is State.DONE_LATE and late.missed and late.days is None
    assert late.done is not None
    assert (late.done.date, late.done.on_time, late.done.days_late) == (
        date(2025, 1, 20),
        False,
        112,
    )
    # before the completion was recorded, it was overdue (and already missed)
    before = judged(resolved, date(2025, 1, 19), year=2024)["a-myohassa"]
    assert (before.state, before.days, before.missed) == (State.OVERDUE, 111, True)
    assert before.done is None
    # on time is done and not missed
    on_time = judged(resolved, date(2026, 12, 4), year=2024)["a-ajoissa"]
    assert on_time.state is State.DONE and not on_time.missed
    assert on_time.done is not None and on_time.done.on_time


def test_a_yes_no_answered_no_is_not_achieved_not_overdue(resolved: ResolvedPlan) -> None:
    item = judged(resolved, date(2026, 12, 4), year=2024)["kylla-ei"]
    assert (item.state, item.days, item.missed, item.done) == (
        State.NOT_ACHIEVED,
        None,
        True,
        None,
    )
    assert item.indicator is not None and item.indicator.outcome is Outcome.NOT_ACHIEVED
    assert item.indicator.latest is not None and item.indicator.latest.value is False
    # before its deadline the "no" is on record, but there is still time: due soon
    early = judged(resolved, date(2024, 12, 1), year=2024)["kylla-ei"]
    assert (early.state, early.days, early.missed) == (State.DUE_SOON, 30, False)
    # 2025's status: still not achieved, but its deadline was not in 2025
    in_2025 = judged(resolved, date(2025, 3, 1))["kylla-ei"]
    assert (in_2025.state, in_2025.missed) == (State.NOT_ACHIEVED, False)


def test_a_value_for_the_year_counts_when_it_arrives_after_the_year(
    resolved: ResolvedPlan,
) -> None:
    # the 2024 value is dated 2025-02-10: the 2024 report made on 2025-03-01 counts it ...
    made_march = judged(resolved, date(2025, 3, 1), year=2024)["tilasto"]
    assert made_march.indicator is not None
    assert [(v.period, v.value) for v in made_march.indicator.values] == [("2024", 120)]
    assert made_march.indicator.outcome is Outcome.ACHIEVED
    # met, but known only after its 31.12.2024 deadline: done late, missed in 2024
    assert made_march.state is State.DONE_LATE and made_march.missed
    assert made_march.done is not None and made_march.done.date == date(2025, 2, 10)
    # ... the one made on 2025-02-01 does not (it did not exist yet)
    made_feb = judged(resolved, date(2025, 2, 1), year=2024)["tilasto"]
    assert made_feb.indicator is not None and made_feb.indicator.values == ()
    assert made_feb.indicator.outcome is Outcome.NOT_RECORDED
    assert (made_feb.state, made_feb.days, made_feb.missed) == (State.OVERDUE, 32, True)
    # a 2025 value never counts in the 2024 report, whenever it is made
    later = judged(resolved, date(2026, 12, 4), year=2024)["tilasto"]
    assert later.indicator is not None
    assert [v.period for v in later.indicator.values] == ["2024"]
    # the 2024 value counts in 2025's report too (an earlier period)
    in_2025 = judged(resolved, date(2025, 12, 31), year=2025)["tilasto"]
    assert in_2025.indicator is not None
    assert [v.period for v in in_2025.indicator.values] == ["2024", "2025"]


def test_values_without_a_target_are_monitored_not_done(resolved: ResolvedPlan) -> None:
    item = judged(resolved, date(2025, 3, 1), year=2024)["seuranta"]
    assert (item.state, item.done, item.missed, item.days) == (State.MONITORED, None, False, None)
    assert item.indicator is not None and item.indicator.target is None
    assert item.indicator.outcome is Outcome.RECORDED
    # it inherits its goal's deadline, but values never make it "done"
    assert item.deadline is not None and item.deadline.inherited_from is not None
    assert item.deadline.inherited_from.id == "g-2024"
    # before the undated 2024 value is known (31.12.2024) it is judged by that deadline
    before = judged(resolved, date(2024, 12, 30), year=2024)["seuranta"]
    assert (before.state, before.days) == (State.DUE_SOON, 1)


def test_an_item_due_after_the_year_is_open_in_that_years_report(
    resolved: ResolvedPlan,
) -> None:
    items = judged(resolved, date(2026, 12, 4), year=2024)
    # due 2025-12-31, not done: judged as it stood at the end of 2024, open with no count of
    # days ("due in 365 days" from the year's end read as a year left, trial finding)
    a = items["a-2025"]
    assert (a.state, a.days, a.missed) == (State.OPEN, None, False)
    # due 2025-06-30, completed 2025-03-01: the 2025 completion does not count in 2024's report
    g = items["g-2025"]
    assert (g.state, g.days, g.done, g.missed) == (State.OPEN, None, None, False)
    # the year not over yet: the days are counted
    assert judged(resolved, date(2024, 12, 4), year=2024)["a-2025"].days == 392
    # 2025's report made the same day: a-2025 overdue and missed, g-2025 done
    in_2025 = judged(resolved, date(2026, 12, 4), year=2025)
    assert (in_2025["a-2025"].state, in_2025["a-2025"].missed) == (State.OVERDUE, True)
    assert (in_2025["g-2025"].state, in_2025["g-2025"].missed) == (State.DONE, False)
    # no deadline: no deadline, whatever the year
    assert items["a-ilman"].state is State.NO_DEADLINE and not items["a-ilman"].missed


def test_an_item_due_after_the_year_within_the_window_is_due_soon(tmp_path: Path) -> None:
    area = AREA_A.replace("deadline: 2025-06\n", "deadline: 2025-01-31\n")
    root = write_tree(tmp_path, files() | {"plan/alue-a.yaml": area})
    resolved = resolve_plan(load_repository(root))
    # 2024 judged on 2024-12-20: due 2025-01-31 is 42 days away, not yet done
    g = judged(resolved, date(2024, 12, 20), year=2024)["g-2025"]
    assert (g.state, g.days) == (State.DUE_SOON, 42)
    # once 2024 is over, its report shows it open as of the year's end, never due soon
    after = judged(resolved, date(2025, 1, 10), year=2024)["g-2025"]
    assert (after.state, after.days, after.missed) == (State.OPEN, None, False)


def test_recurring_items_are_judged_per_year(resolved: ResolvedPlan) -> None:
    day = date(2026, 12, 4)
    y2024 = judged(resolved, day, year=2024)["a-vuosittain"]
    assert (y2024.state, y2024.missed) == (State.DONE, False)
    assert y2024.recurring is not None and y2024.recurring.year == 2024
    assert y2024.recurring.entry_exists and y2024.recurring.missing_years == ()
    assert y2024.done is not None and y2024.done.date == date(2024, 11, 1)
    y2025 = judged(resolved, day, year=2025)["a-vuosittain"]
    assert (y2025.state, y2025.days, y2025.missed) == (State.OVERDUE, 338, True)
    assert y2025.recurring is not None and not y2025.recurring.entry_exists
    assert y2025.recurring.missing_years == ()  # only earlier years are "missing"
    assert y2025.deadline is not None and y2025.deadline.due == date(2025, 12, 31)
    y2026 = judged(resolved, day, year=2026)["a-vuosittain"]
    assert (y2026.state, y2026.missed) == (State.DONE, False)
    assert y2026.recurring is not None and y2026.recurring.missing_years == (2025,)
    assert y2026.needs_attention  # a missing earlier entry needs attention
    # before 2024's entry was made (2024-11-01), the year's due date was 61 days away
    early = judged(resolved, date(2024, 10, 31), year=2024)["a-vuosittain"]
    assert (early.state, early.days, early.done) == (State.OPEN, 61, None)


def test_a_shared_indicator_counts_in_both_areas_but_is_listed_once(
    resolved: ResolvedPlan,
) -> None:
    report = status(resolved, date(2025, 6, 1))
    shared = [item for item in report.items if item.id == "yhteinen"]
    assert len(shared) == 1
    item = shared[0]
    assert item.areas == ("alue-a", "alue-b") and item.area == "alue-a"
    assert item.state is State.OPEN
    assert [(u.area, u.id) for u in item.indicator.used_by] == [  # type: ignore[union-attr]
        ("alue-a", "g-2024"),
        ("alue-b", "g-b"),
    ]
    summaries = {s.id: s for s in report.areas}
    assert summaries["alue-b"].counts[State.OPEN] == 2  # g-b and yhteinen
    assert summaries["alue-b"].total == 2
    assert item in report.items_in("alue-a") and item in report.items_in("alue-b")
    assert sum(s.total for s in report.areas) == len(report.items) + 1  # counted twice
    # filtering on either area keeps it
    only_b = compute_status(resolved, StatusQuery(as_of=date(2025, 6, 1), areas=("alue-b",)))
    assert sorted(i.id for i in only_b.items) == ["g-b", "yhteinen"]
    assert [s.id for s in only_b.areas] == ["alue-b"] and only_b.areas[0].total == 2


def test_status_judges_the_days_year_kept_within_the_plan(resolved: ResolvedPlan) -> None:
    assert status(resolved, date(2023, 6, 1)).year == 2024
    assert status(resolved, date(2025, 6, 1)).year == 2025
    assert status(resolved, date(2028, 6, 1)).year == 2026
    with pytest.raises(YearOutsidePlan, match="2023 is not a year of the plan period"):
        status(resolved, date(2025, 6, 1), year=2023)
    with pytest.raises(ValueError, match="not a year of the plan period"):
        judge_plan(resolved, day=date(2025, 6, 1), year=2027)


def test_clock_rules() -> None:
    clock = Clock(date(2025, 3, 1), 2024, due_within=60)
    assert clock.year_end == date(2024, 12, 31) and clock.year_over
    assert clock.cutoff(date(2024, 6, 30)) == date(2025, 3, 1)  # due within the year: the day
    assert clock.cutoff(date(2025, 6, 30)) == date(2024, 12, 31)  # due after it: the year's end
    assert clock.cutoff(None) == date(2024, 12, 31)
    # never due soon once 2024 is over, and no count of days from its end
    assert clock.countdown(date(2025, 1, 15)) == (State.OPEN, None)
    assert clock.missed(date(2024, 6, 30), State.OVERDUE)
    assert not clock.missed(date(2024, 6, 30), State.DONE)
    assert not clock.missed(date(2025, 1, 15), State.OVERDUE)  # not 2024's deadline
    running = Clock(date(2024, 12, 1), 2024)
    assert not running.year_over
    assert running.countdown(date(2024, 12, 31)) == (State.DUE_SOON, 30)
    assert not running.missed(date(2024, 12, 31), State.OVERDUE)  # not passed yet


# --- status and the JSON report agree, over many generated plans and days ------------------------


@dataclass(frozen=True)
class GenItem:
    """A generated goal or action: its deadline as YAML and completions."""

    deadline: str | None
    completions: tuple[date, ...]
    recurring: bool = False


@dataclass(frozen=True)
class GenIndicator:
    kind: str  # yes_no or count
    target: str | None  # the target's YAML mapping, or None
    values: tuple[tuple[int, bool | int, date | None], ...]


PLAN_DAYS = (date(2024, 1, 1), date(2027, 6, 30))


def _days(first: date, last: date) -> st.SearchStrategy[date]:
    return st.dates(min_value=first, max_value=last)


def _deadline() -> st.SearchStrategy[tuple[str | None, date | None, bool]]:
    """A deadline as written, its due date (None for none/recurring), and whether recurring."""
    day = _days(date(2024, 1, 1), date(2026, 12, 31))
    return st.one_of(
        st.just((None, None, False)),
        st.just(("{recurring: annual}", None, True)),
        day.map(lambda d: (d.isoformat(), d, False)),
        st.integers(2024, 2026).map(lambda y: (str(y), date(y, 12, 31), False)),
        st.tuples(st.integers(2024, 2026), st.sampled_from([2, 6, 9, 11])).map(
            lambda ym: (
                f"{ym[0]}-{ym[1]:02d}",
                date(ym[0], ym[1] + 1, 1) - timedelta(days=1),
                False,
            )
        ),
    )


@st.composite
def gen_item(draw: st.DrawFn) -> GenItem:
    written, _due, recurring = draw(_deadline())
    completions = tuple(
        sorted(draw(st.lists(_days(*PLAN_DAYS), max_size=2 if recurring else 1, unique=True)))
    )
    return GenItem(written, completions, recurring)


@st.composite
def gen_indicator(draw: st.DrawFn) -> GenIndicator:
    kind = draw(st.sampled_from(["yes_no", "count"]))
    deadline = draw(
        st.one_of(
            st.none(),
            st.integers(2024, 2026).map(str),
            _days(date(2024, 1, 1), date(2026, 12, 31)).map(date.isoformat),
        )
    )
    has_target = kind == "yes_no" or draw(st.booleans())
    target: str | None = None
    if has_target:
        value = draw(st.booleans()) if kind == "yes_no" else draw(st.sampled_from([10, 50, 100]))
        parts = [f"value: {str(value).lower()}"]
        if kind == "count":
            parts.append(f"comparison: {draw(st.sampled_from(['at_least', 'at_most']))}")
        if deadline is not None:
            parts.append(f"deadline: {deadline}")
        target = "{" + ", ".join(parts) + "}"
    periods = draw(st.lists(st.integers(2024, 2026), max_size=3, unique=True))
    values = []
    for period in sorted(periods):
        value: bool | int = draw(st.booleans()) if kind == "yes_no" else draw(st.integers(0, 150))
        dated = draw(st.one_of(st.none(), _days(date(period, 1, 1), date(period + 1, 6, 30))))
        values.append((period, value, dated))
    return GenIndicator(kind, target, tuple(values))


def _completions_yaml(item: GenItem, indent: str) -> str:
    if not item.completions:
        return ""
    lines = [f"{indent}completed:"]
    for day in item.completions:
        period = f", period: {day.year}" if item.recurring and day.year <= 2026 else ""
        lines.append(f"{indent}  - {{date: {day.isoformat()}{period}}}")
    return "\n".join(lines) + "\n"


def _plan_files(
    goals: list[tuple[GenItem, list[GenItem], list[int]]], indicators: list[GenIndicator]
) -> dict[str, str]:
    out = ["# fictional fixture", "id: alue-a", "number: 1", "title: Alue A", "goals:"]
    for gi, (goal, actions, used) in enumerate(goals):
        out.append(f"  - id: g{gi}\n    title: Tavoite {gi}")
        if goal.deadline:
            out.append(f"    deadline: {goal.deadline}")
        if used:
            out.append(f"    indicators: [{', '.join(f'm{i}' for i in used)}]")
        text = _completions_yaml(goal, "    ")
        if text:
            out.append(text.rstrip("\n"))
        if actions:
            out.append("    actions:")
        for ai, action in enumerate(actions):
            out.append(f"      - id: g{gi}-a{ai}\n        title: Toimenpide {gi}.{ai}")
            if action.deadline:
                out.append(f"        deadline: {action.deadline}")
            text = _completions_yaml(action, "        ")
            if text:
                out.append(text.rstrip("\n"))
    tree = {"plan/plan.yaml": MINIMAL_PLAN, "plan/alue-a.yaml": "\n".join(out) + "\n"}
    for ii, indicator in enumerate(indicators):
        lines = [
            "# fictional fixture",
            f"id: m{ii}",
            f"name: Mittari {ii}",
            f"kind: {indicator.kind}",
        ]
        if indicator.target is not None:
            lines.append(f"target: {indicator.target}")
        lines.append("values:" if indicator.values else "values: []")
        for period, value, dated in indicator.values:
            shown = str(value).lower()
            when = f", date: {dated.isoformat()}" if dated is not None else ""
            lines.append(f"  - {{period: {period}, value: {shown}{when}}}")
        tree[f"indicators/m{ii}.yaml"] = "\n".join(lines) + "\n"
    return tree


@st.composite
def gen_plan(draw: st.DrawFn) -> dict[str, str]:
    indicators = draw(st.lists(gen_indicator(), max_size=3))
    goal_count = draw(st.integers(1, 3))
    goals = []
    for _ in range(goal_count):
        goal = draw(gen_item())
        actions = draw(st.lists(gen_item(), max_size=2))
        used = (
            draw(st.lists(st.integers(0, len(indicators) - 1), max_size=2, unique=True))
            if (indicators)
            else []
        )
        goals.append((goal, actions, used))
    return _plan_files(goals, indicators)


@st.composite
def judged_days(draw: st.DrawFn) -> list[tuple[int, date]]:
    """Years judged and the days they are judged on (never before the year begins)."""
    pairs = []
    for _ in range(draw(st.integers(3, 6))):
        year = draw(st.integers(2024, 2026))
        day = draw(
            st.one_of(
                _days(date(year, 1, 1), date(2027, 12, 31)),
                st.sampled_from(
                    [date(year, 12, 31), date(year + 1, 1, 1), date(year, 11, 1), date(2026, 12, 4)]
                ),
            )
        )
        pairs.append((year, day))
    return pairs


DONE = (State.DONE, State.DONE_LATE)


def check_invariants(item: Judgement, year: int, day: date) -> None:
    where = f"{item.kind} {item.id} for {year} on {day}"
    due = item.deadline.due if item.deadline is not None else None
    if day > date(year, 12, 31):
        assert item.state is not State.DUE_SOON, f"{where}: due soon in an ended year"
    if item.missed:
        assert due is not None and due.year == year and due < day, where
        assert item.state in (State.OVERDUE, State.DONE_LATE, State.NOT_ACHIEVED), where
    elif due is not None and due.year == year and due < day:
        assert item.state not in (State.OVERDUE, State.DONE_LATE, State.NOT_ACHIEVED), where
    if item.state is State.DONE_LATE:
        assert item.done is not None and due is not None and item.done.date > due, where
    if item.state is State.DONE:
        assert item.done is not None, where
        assert due is None or item.done.date <= due, where
    if item.state in DONE and item.kind != "indicator":
        assert item.done is not None and item.done.date <= day, where
    if item.state is State.MONITORED:
        assert item.kind == "indicator" and item.indicator is not None, where
        assert item.indicator.target is None, where
        assert item.indicator.indicator_kind != "yes_no", where
        assert item.indicator.values, where
    if item.state is State.OVERDUE:
        assert due is not None and item.days is not None and item.days > 0, where
    if item.state is State.NO_DEADLINE:
        assert due is None, where
    if item.indicator is not None:
        for value in item.indicator.values:
            assert int(value.period[:4]) <= year, f"{where}: a later year's value counted"


def expected_state(due: date | None, done: tuple[date, ...], clock: Clock) -> State:
    """The rules of issue 8 for a goal or action that does not recur, written out again."""
    # completions count up to the day judged for an item due within or before the year judged;
    # for one due later (or without a deadline), only up to the end of that year
    due_by_year_end = due is not None and due <= clock.year_end
    cutoff = clock.day if due_by_year_end else min(clock.day, clock.year_end)
    counted = [d for d in done if d <= cutoff]
    if counted:
        first = min(counted)
        return State.DONE if due is None or first <= due else State.DONE_LATE
    if due is None:
        return State.NO_DEADLINE
    delta = (due - cutoff).days
    if delta < 0:
        return State.OVERDUE
    if delta <= clock.due_within and not clock.year_over:
        return State.DUE_SOON
    return State.OPEN


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=gen_plan(), pairs=judged_days())
def test_status_and_the_json_report_agree_item_by_item(
    plan: dict[str, str], pairs: list[tuple[int, date]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        repository: PlanRepository = load_repository(write_tree(Path(folder), plan))
        errors = [f for f in repository.findings if f.severity.value == "error"]
        assert errors == [], errors
        resolved_plan = resolve_plan(repository)
    for year, day in pairs:
        report = compute_status(resolved_plan, StatusQuery(as_of=day, year=year))
        assert report.year == year and report.as_of == day
        text = render_report(
            repository,
            ReportOptions(year=year, language="en", as_of=day),
            "json",
            now=NOW,
            resolved=resolved_plan,
        )
        data = json.loads(text)
        assert (data["year"], data["judged_on"]) == (year, day.isoformat())
        assert data["year_over"] == (day > date(year, 12, 31))
        from_status = [(i.kind, i.id, str(i.state), i.missed) for i in report.items]
        from_report = [(i["kind"], i["id"], i["state"], i["missed"]) for i in data["items"]]
        assert from_status == from_report, f"{year} on {day}"
        assert data["totals"]["missed"] == sum(i.missed for i in report.items)
        clock = Clock(day, year)
        for item in report.items:
            check_invariants(item, year, day)
            node = resolved_plan.item(item.id)
            if item.kind == "indicator" or node is None:
                continue
            deadline = node.deadline
            if deadline is not None and deadline.recurring:
                continue
            due = deadline.due if deadline is not None else None
            done = tuple(c.date for c in node.node.completed)
            written = node.node.deadline
            assert item.state is expected_state(due, done, clock), (
                f"{item.id} ({written}, done {done}) for {year} on {day}"
            )


ASSESSED = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: g-arvioitu
    title: Arvioitu tavoite
    deadline: 2026
    actions:
      - id: a-edellinen-vuosi
        title: Määräaika vuonna 2025, arvioitu tehdyksi vuoden 2026 kierroksella
        deadline: 2025-12
        assessments: [{year: 2026, status: completed, date: 2026-12-04}]
      - id: a-saman-vuoden-jalkeen
        title: Määräaika kesäkuussa 2026, arvioitu tehdyksi joulukuussa
        deadline: 2026-06
        assessments: [{year: 2026, status: completed, date: 2026-12-04}]
      - id: a-ennen
        title: Arvioitu tehdyksi ennen määräaikaa
        deadline: 2026-06
        assessments: [{year: 2026, status: completed, date: 2026-05-20}]
"""


def test_a_completed_assessment_after_the_deadline_gives_the_year_not_a_day(
    tmp_path: Path,
) -> None:
    """Trial finding: a round imported on 4.12.2026 made the report say "done 4.12.2026, 338 days
    late" of work done months earlier; the assessment's date is when it was reported."""
    root = write_tree(tmp_path, {"plan/plan.yaml": MINIMAL_PLAN, "plan/alue-a.yaml": ASSESSED})
    resolved = resolve_plan(load_repository(root))
    items = judged(resolved, date(2026, 12, 10), year=2026)
    late = items["a-edellinen-vuosi"]
    assert late.state is State.DONE_LATE and late.done is not None
    assert (late.done.assessed_year, late.done.days_late, late.done.on_time) == (2026, None, False)
    within = items["a-saman-vuoden-jalkeen"]
    assert within.state is State.DONE and within.done is not None
    assert (within.done.assessed_year, within.done.days_late) == (2026, None)
    before = items["a-ennen"]  # said done by 20.5., before the deadline: on time, that day
    assert before.state is State.DONE and before.done is not None
    assert (before.done.date, before.done.on_time, before.done.days_late) == (
        date(2026, 5, 20),
        True,
        0,
    )
    assert before.done.assessed_year is None
    markdown = render_report(
        resolved.repository,
        ReportOptions(year=2026, language="en", as_of=date(2026, 12, 10)),
        "markdown",
        now=NOW,
    )
    assert "completed in 2026, after its deadline" in markdown
    assert "days late" not in markdown
    assert "done 20 May 2026, on time" in markdown
