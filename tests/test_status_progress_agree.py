"""Status, progress and the report agree about every indicator on every day.

``hyte status`` judges an indicator's state and outcome, :mod:`hytecli.progress` its progress,
and ``hyte report`` shows both side by side. They share one rule for each question
(:mod:`hytecli.judging`: which values count on a day and whether a value meets the target;
:func:`hytecli.repository.indicator_deadline`: the deadline), so for every indicator of the
fixtures below and every day judged they must never contradict each other: never "target
achieved" next to an open, due or overdue state, never "not achieved" next to "done" (on time or
late), "not achieved" as a state only when the values say so, "monitored" only for an indicator
without a target, and never a done date after the day judged. The plan and every value are
fictional fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from hytecli.judgement import Judgement, Outcome, State
from hytecli.progress import (
    ProgressAssessment,
    ProgressStatus,
    YesNoAssessment,
    YesNoStatus,
    assess_yes_no,
)
from hytecli.report import ReportOptions, Revision, build_context, render_report
from hytecli.repository import PlanRepository, load_repository
from hytecli.status import StatusQuery, compute_status

Build = Callable[..., Path]
ROOT = Path(__file__).resolve().parents[1]
NO_GIT = Revision("not_a_repository")

AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: tavoite-2024
    title: Tavoite, valmis 2024
    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}
    indicators: [kylla-ei-peritty, maara-peritty, suunta-peritty]
    actions:
      - id: vuosittain
        title: Joka vuosi
        deadline: {recurring: annual}
        indicators: [vuosittainen]
  - id: tavoite-2025
    title: Tavoite, valmis kesäkuussa 2025
    deadline: 2025-06
    indicators: [kylla, ei, vahintaan, enintaan, tasan, viite, viite-suunnaton, puolivuosi]
"""


def _indicator(ident: str, kind: str, body: str) -> str:
    return f"# fictional fixture\nid: {ident}\nname: Mittari {ident}\nkind: {kind}\n{body}"


INDICATORS = {
    # yes/no, target true: no in 2024 (dated), yes in 2025 (undated: known at the year's end)
    "kylla": _indicator(
        "kylla",
        "yes_no",
        "target: {value: true, deadline: 2025}\nvalues:\n"
        "  - {period: 2024, value: false, date: 2024-11-01}\n"
        "  - {period: 2025, value: true}\n",
    ),
    # yes/no, target false (review B2): no in 2024, yes in 2025 (dated), no again in 2026
    "ei": _indicator(
        "ei",
        "yes_no",
        "target: {value: false}\nvalues:\n"
        "  - {period: 2024, value: false}\n"
        "  - {period: 2025, value: true, date: 2025-06-01}\n"
        "  - {period: 2026, value: false}\n",
    ),
    # yes/no without a target (wants yes), inheriting the goal's 2024 deadline
    "kylla-ei-peritty": _indicator(
        "kylla-ei-peritty",
        "yes_no",
        "values:\n  - {period: 2024, value: false}\n  - {period: 2025, value: true}\n",
    ),
    "vahintaan": _indicator(
        "vahintaan",
        "count",
        "direction: increase\ntarget: {value: 100, comparison: at_least, deadline: 2026}\n"
        "values:\n"
        "  - {period: 2024, value: 80}\n"
        "  - {period: 2025, value: 100, date: 2025-09-01}\n"
        "  - {period: 2026, value: 95}\n",
    ),
    "enintaan": _indicator(
        "enintaan",
        "rate",
        "direction: decrease\nper: 1000\ntarget: {value: 5, comparison: at_most}\n"
        "values:\n  - {period: 2024, value: 7.5}\n  - {period: 2025, value: 4.5}\n",
    ),
    "tasan": _indicator(
        "tasan",
        "percentage",
        "target: {value: 50, comparison: equal, deadline: 2026}\n"
        "baseline: {period: 2023, value: 40}\n"
        "values:\n"
        "  - {period: 2024, value: 45}\n"
        "  - {period: 2025, value: 50.00000000001}\n"
        "  - {period: 2026, value: 60}\n",
    ),
    # review B3: no deadline of its own, inherits the goal's 2024
    "maara-peritty": _indicator(
        "maara-peritty",
        "count",
        "direction: increase\ntarget: {value: 100, comparison: at_least}\n"
        "values:\n"
        "  - {period: 2024, value: 50}\n"
        "  - {period: 2025, value: 75}\n"
        "  - {period: 2026, value: 120, date: 2026-05-01}\n",
    ),
    # no target, a direction, an inherited deadline: monitored when recorded, never "done"
    "suunta-peritty": _indicator(
        "suunta-peritty",
        "count",
        "direction: increase\nvalues:\n  - {period: 2024, value: 10}\n"
        "  - {period: 2025, value: 8}\n",
    ),
    # inherits a recurring deadline: each year's value is that year's entry
    "vuosittainen": _indicator(
        "vuosittainen",
        "count",
        "direction: increase\ntarget: {value: 10, comparison: at_least}\n"
        "values:\n  - {period: 2024, value: 12}\n"
        "  - {period: 2025, value: 8, date: 2025-03-01}\n",
    ),
    "viite": _indicator(
        "viite",
        "percentage",
        "direction: increase\n"
        "target: {reference: national_average, comparison: at_least, deadline: 2026}\n"
        "values:\n"
        "  - {period: 2024, value: 40}\n"
        "  - {period: 2024, value: 42, series: national_average}\n"
        "  - {period: 2025, value: 44}\n"
        "  - {period: 2025, value: 43, series: national_average, date: 2026-03-01}\n",
    ),
    # a reference target without a comparison or a direction: the way from the base decides
    "viite-suunnaton": _indicator(
        "viite-suunnaton",
        "percentage",
        "target: {reference: national_average}\n"
        "values:\n"
        "  - {period: 2024, value: 60}\n"
        "  - {period: 2024, value: 50, series: national_average}\n"
        "  - {period: 2025, value: 48}\n"
        "  - {period: 2025, value: 50, series: national_average}\n",
    ),
    "puolivuosi": _indicator(
        "puolivuosi",
        "count",
        "reporting_period: half_year\ndirection: increase\n"
        "target: {value: 30, comparison: at_least, deadline: 2026}\n"
        "values:\n"
        "  - {period: 2024-H1, value: 10}\n"
        "  - {period: 2024-H2, value: 20}\n"
        "  - {period: 2025-H1, value: 31}\n"
        "  - {period: 2025-H2, value: 29, date: 2025-10-15}\n",
    ),
}


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory: pytest.TempPathFactory) -> PlanRepository:
    from conftest import MINIMAL_PLAN, write_tree

    files = {"plan/plan.yaml": MINIMAL_PLAN, "plan/alue-a.yaml": AREA}
    files |= {f"indicators/{ident}.yaml": text for ident, text in INDICATORS.items()}
    repository = load_repository(write_tree(tmp_path_factory.mktemp("agree"), files))
    assert [f for f in repository.findings if f.severity.value == "error"] == []
    return repository


def _days(first: date, last: date, step: int = 9) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=step)
    # and every period's last day and the day after, where undated values become known
    for year in range(first.year, last.year + 1):
        for month, day_ in ((6, 30), (7, 1), (12, 31)):
            yield date(year, month, day_)
        yield date(year + 1, 1, 1)


def _progress(repository: PlanRepository, item: Judgement, day: date) -> str | None:
    """The indicator's progress status: a ProgressStatus or, for yes/no, its YesNoStatus.

    A yes/no answer is assessed here on its own (:func:`assess_yes_no` on the whole file), and
    must be what the judgement carries.
    """
    assert item.indicator is not None
    progress = item.indicator.progress
    if item.indicator.indicator_kind == "yes_no":
        record = repository.indicator(item.id)
        assert record is not None
        alone = assess_yes_no(record, as_of=day)
        assert isinstance(progress, YesNoAssessment), item.id
        assert progress.status is alone.status, f"{item.id} on {day}"
        return alone.status.value
    assert item.indicator.numeric_progress is progress
    return progress.status.value if progress else None


ACHIEVED = {ProgressStatus.TARGET_ACHIEVED.value, YesNoStatus.ACHIEVED.value}
NOT_ACHIEVED = YesNoStatus.NOT_ACHIEVED.value
DONE = {State.DONE, State.DONE_LATE}


def check_agreement(repository: PlanRepository, day: date) -> int:
    """Assert that status and progress agree on every indicator on ``day``; count the checks."""
    report = compute_status(repository, StatusQuery(as_of=day))
    checked = 0
    for item in report.items:
        if item.kind != "indicator" or item.indicator is None:
            continue
        where = f"{item.id} on {day}"
        checked += 1
        outcome, progress = item.indicator.outcome, _progress(repository, item, day)
        if item.done is not None:
            assert item.done.date <= day, f"{where}: done after the day judged"
        if item.recurring is not None and not item.recurring.entry_exists:
            # The state is about the year's missing entry, whatever earlier years achieved;
            # the row says so ("2025 entry: not recorded").
            assert outcome is Outcome.NOT_RECORDED, where
            assert item.state is not State.DONE, where
            continue
        if progress in ACHIEVED:
            assert outcome is Outcome.ACHIEVED, f"{where}: progress {progress}, {outcome}"
            assert item.state in DONE, f"{where}: target achieved but {item.state}"
        if outcome is Outcome.ACHIEVED and progress is not None:
            assert progress in ACHIEVED, f"{where}: {outcome} but progress {progress}"
        if item.state in DONE:
            assert outcome is Outcome.ACHIEVED, f"{where}: {item.state} but {outcome}"
            assert progress != NOT_ACHIEVED, f"{where}: done but not achieved"
            assert progress is None or progress in ACHIEVED, where
            assert item.done is not None and item.days is None, where
            if item.state is State.DONE_LATE:
                assert item.deadline is not None and item.deadline.due is not None, where
                assert item.done.date > item.deadline.due, where
        if outcome is Outcome.NOT_ACHIEVED:
            assert item.state not in DONE, where
            assert progress not in ACHIEVED, f"{where}: not achieved but progress {progress}"
        if item.state is State.NOT_ACHIEVED:
            assert outcome is Outcome.NOT_ACHIEVED, where
            assert item.days is None and item.done is None, where
        if item.state is State.MONITORED:
            assert item.indicator.target is None and item.indicator.indicator_kind != "yes_no"
            assert outcome is Outcome.RECORDED and item.done is None, where
        if outcome is Outcome.RECORDED:
            assert item.state is State.MONITORED, f"{where}: values without target {item.state}"
        progress_data = item.indicator.progress
        if isinstance(progress_data, ProgressAssessment) and progress_data.method == "target":
            deadline = item.deadline
            if deadline is not None and deadline.form != "annual":
                assert progress_data.target_due == deadline.due, f"{where}: two deadlines"
    return checked


def test_status_and_progress_agree_every_day(fixture_repo: PlanRepository) -> None:
    checked = sum(
        check_agreement(fixture_repo, day) for day in _days(date(2023, 12, 1), date(2027, 3, 1))
    )
    assert checked > 12 * 150


def test_the_real_plan_agrees_too() -> None:
    repository = load_repository(ROOT)
    for day in _days(date(2024, 1, 1), date(2027, 1, 1), step=61):
        assert check_agreement(repository, day) == len(repository.indicators)


_STATE = re.compile(r"\*\*State:\*\* \S+ ([a-z ]+)")
_PROGRESS = re.compile(r"\*\*Progress:\*\* \S+ ([a-z ]+)")


@pytest.mark.parametrize(
    ("year", "as_of"),
    [(2024, date(2024, 7, 1)), (2024, date(2024, 12, 31)), (2025, date(2025, 6, 30))]
    + [(2025, date(2025, 12, 31)), (2025, date(2026, 3, 1)), (2026, date(2026, 12, 31))],
)
def test_the_report_shows_no_contradiction(
    fixture_repo: PlanRepository, year: int, as_of: date
) -> None:
    context = build_context(
        fixture_repo,
        ReportOptions(year=year, language="en", as_of=as_of),
        now=datetime(2027, 6, 1, tzinfo=UTC),
        revision=NO_GIT,
        draw_charts=False,
    )
    sections = [s for area in context.areas for g in area.goals for s in g.indicators]
    assert len(sections) == len(INDICATORS)
    for section in sections:
        state, progress = section.state.label.key, section.progress.label.key
        where = f"{section.id} in the {year} report on {as_of}"
        entry_missing = section.state.recurring is not None and (
            "not recorded" in section.state.recurring
        )
        if progress == "target_achieved" and not entry_missing:
            assert state in ("done", "done_late"), f"{where}: target achieved but {state}"
        if state in ("done", "done_late"):
            assert progress != "not_achieved", f"{where}: done but not achieved"
        if state == "not_achieved":
            assert progress != "target_achieved", f"{where}: not achieved but achieved"
        if as_of > date(year, 12, 31):
            assert state != "due_soon", f"{where}: due soon in an ended year's report"


# --- the review's reproducers ---------------------------------------------------------------------


def _item(repository: PlanRepository, ident: str, day: date) -> Judgement:
    report = compute_status(repository, StatusQuery(as_of=day))
    return next(i for i in report.items if i.id == ident)


def test_b2_a_yes_no_target_of_false_is_met_by_false(fixture_repo: PlanRepository) -> None:
    item = _item(fixture_repo, "ei", date(2025, 3, 1))
    assert item.indicator is not None and item.indicator.outcome is Outcome.ACHIEVED
    assert item.state is State.DONE and item.done is not None
    assert item.done.date == date(2024, 12, 31)
    record = fixture_repo.indicator("ei")
    assert record is not None
    assert assess_yes_no(record, as_of=date(2025, 3, 1)).status is YesNoStatus.ACHIEVED
    # "yes" in 2025 (dated 2025-06-01) does not meet a target of "no"
    later = _item(fixture_repo, "ei", date(2025, 7, 1))  # its goal was due 2025-06-30
    # answered against its target after the deadline: not achieved (and missed), not overdue
    assert (later.state, later.days) == (State.NOT_ACHIEVED, None)
    assert later.missed and later.indicator is not None
    assert later.indicator.outcome is Outcome.NOT_ACHIEVED
    assert assess_yes_no(record, as_of=date(2025, 7, 1)).status is YesNoStatus.NOT_ACHIEVED

    md = render_report(
        fixture_repo,
        ReportOptions(year=2025, language="en", as_of=date(2025, 3, 1)),
        now=datetime(2027, 6, 1, tzinfo=UTC),
        revision=NO_GIT,
    )
    block = next(line for line in md.splitlines() if line.startswith("| Mittari ei "))
    assert ": ✓ done 31 Dec 2024, on time |" in block  # the state, after the target
    assert "| ✓ target achieved |" in block  # the progress
    md_later = render_report(
        fixture_repo,
        ReportOptions(year=2025, language="en", as_of=date(2025, 7, 1)),
        now=datetime(2027, 6, 1, tzinfo=UTC),
        revision=NO_GIT,
    )
    block = next(line for line in md_later.splitlines() if line.startswith("| Mittari ei "))
    assert ": ✗ not achieved (missed in 2025) |" in block
    assert "| ✗ not achieved |" in block
    assert "overdue" not in block


def test_b3_status_and_progress_use_the_inherited_deadline(fixture_repo: PlanRepository) -> None:
    item = _item(fixture_repo, "maara-peritty", date(2025, 12, 31))
    # its (inherited) deadline passed short of the target: not achieved, not overdue
    assert (item.state, item.days) == (State.NOT_ACHIEVED, None)
    assert not item.missed  # judged for 2025; the deadline fell in 2024
    assert item.deadline is not None and item.deadline.inherited_from is not None
    assert (item.deadline.due, item.deadline.inherited_from.id) == (
        date(2024, 12, 31),
        "tavoite-2024",
    )
    assert item.indicator is not None
    progress = item.indicator.numeric_progress
    assert progress is not None
    assert progress.target_due == date(2024, 12, 31)
    assert progress.status is not ProgressStatus.ON_TRACK
    assert "2026-12-31" not in progress.reason

    md = render_report(
        fixture_repo,
        ReportOptions(year=2025, language="en", as_of=date(2025, 12, 31)),
        now=datetime(2027, 6, 1, tzinfo=UTC),
        revision=NO_GIT,
    )
    block = next(line for line in md.splitlines() if line.startswith("| Mittari maara-peritty"))
    assert " by 31 Dec 2024; higher is better: ✗ not achieved |" in block
    assert "on track" not in block and "overdue" not in block
    # the 2024 report made in March 2025: its deadline fell in 2024 and was missed
    in_2024 = compute_status(fixture_repo, StatusQuery(as_of=date(2025, 3, 1), year=2024))
    judged = next(i for i in in_2024.items if i.id == "maara-peritty")
    assert (judged.state, judged.missed) == (State.NOT_ACHIEVED, True)


def test_b4_an_undated_value_is_not_done_before_its_period_ends(
    fixture_repo: PlanRepository,
) -> None:
    # kylla: "yes" for 2025 without a date; the target is due 2025-12-31
    during = _item(fixture_repo, "kylla", date(2025, 3, 1))
    assert during.state is State.OPEN and during.done is None
    assert during.indicator is not None and during.indicator.latest is not None
    assert during.indicator.latest.period == "2024"  # 2025 is not over, so not known
    done = _item(fixture_repo, "kylla", date(2025, 12, 31))
    assert done.state is State.DONE and done.done is not None
    assert (done.done.date, done.done.on_time) == (date(2025, 12, 31), True)


def test_b4_the_report_counts_an_undated_value_from_its_period_end(
    fixture_repo: PlanRepository,
) -> None:
    def values(as_of: date) -> dict[str, list[str]]:
        context = build_context(
            fixture_repo,
            ReportOptions(year=2025, language="en", as_of=as_of),
            now=datetime(2027, 6, 1, tzinfo=UTC),
            revision=NO_GIT,
            draw_charts=False,
        )
        found: dict[str, list[str]] = {}
        for row in context.values:
            found.setdefault(row.indicator_id, []).append(row.period)
        return found

    mid_year = values(date(2025, 9, 1))
    assert mid_year["kylla"] == ["2024"]  # 2025's undated answer: not before 2025-12-31
    assert mid_year["vahintaan"] == ["2024", "2025"]  # 2025 is dated 2025-09-01
    year_end = values(date(2025, 12, 31))
    assert year_end["kylla"] == ["2024", "2025"]


def test_the_report_assesses_with_progress_and_the_effective_deadline(
    fixture_repo: PlanRepository,
) -> None:
    from hytecli.report import judge_year
    from hytecli.resolved import resolve_plan

    resolved = resolve_plan(fixture_repo)

    def judged(ident: str, as_of: date) -> Judgement:
        year = judge_year(resolved, ReportOptions(year=2025, language="en", as_of=as_of))
        item = next(i for i in year.status.items if i.id == ident)
        assert item.indicator is not None
        return item

    # the report takes progress from the judgement, made with the effective deadline
    progress = judged("maara-peritty", date(2025, 12, 31)).indicator.progress  # type: ignore[union-attr]
    assert isinstance(progress, ProgressAssessment)
    assert progress.target_due == date(2024, 12, 31)  # inherited from its goal, as in status
    answer = judged("ei", date(2025, 3, 1)).indicator.progress  # type: ignore[union-attr]
    assert isinstance(answer, YesNoAssessment) and answer.status is YesNoStatus.ACHIEVED


def test_a_yes_no_indicator_without_a_target_wants_yes(fixture_repo: PlanRepository) -> None:
    # Recording "no" does not make it done, whatever its (inherited) deadline says.
    answered_no = _item(fixture_repo, "kylla-ei-peritty", date(2025, 1, 1))
    assert (answered_no.state, answered_no.days) == (State.NOT_ACHIEVED, None)
    assert answered_no.indicator is not None
    assert answered_no.indicator.outcome is Outcome.NOT_ACHIEVED
    answered_yes = _item(fixture_repo, "kylla-ei-peritty", date(2026, 1, 1))
    assert answered_yes.state is State.DONE_LATE and answered_yes.done is not None
    assert (answered_yes.done.date, answered_yes.done.days_late) == (date(2025, 12, 31), 365)
    assert answered_yes.indicator is not None
    assert answered_yes.indicator.outcome is Outcome.ACHIEVED
