"""Yearly assessments (issue 9): the model, its status vocabulary, and how the judgement uses them.

Every plan, text and figure here is a fictional fixture; the plan period is 2024–2026.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from hytecli.assessments import Assessment, AssessmentStatus, parse_status, status_words
from hytecli.judge import judge_plan
from hytecli.judgement import Judgement, State
from hytecli.models import Action
from hytecli.repository import load_repository
from hytecli.resolved import resolve_plan
from hytecli.wording import Wording

Build = Callable[..., Path]

AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: g
    title: Tavoite
    responsible: [Testitaho]
    assessments:
      - year: 2024
        status: on_track
        text: {fi: Eteni suunnitellusti., sv: Framskred enligt plan.}
    actions:
      - id: a-valmis
        title: Valmis arvion mukaan, ei määräaikaa
        assessments:
          - {year: 2024, status: in_progress, text: Aloitettiin.}
          - {year: 2025, status: completed, text: Valmis., date: 2026-02-01}
      - id: a-paivatty
        title: Valmis arvion päivänä
        deadline: 2025-06
        assessments:
          - {year: 2025, status: completed, date: 2025-05-20}
      - id: a-myohassa
        title: Valmis vuotta myöhemmin kuin piti
        deadline: 2024
        assessments:
          - {year: 2025, status: completed}
      - id: a-toteutunut-ei
        title: Ei toteutunut
        assessments:
          - {year: 2025, status: not_achieved, text: Rahoitus puuttui.}
      - id: a-viivastynyt
        title: Viivästynyt
        deadline: 2026
        assessments:
          - {year: 2025, status: delayed}
      - id: a-luovuttu
        title: Luovuttu vuonna 2024
        deadline: 2025
        assessments:
          - {year: 2024, status: cancelled, text: Tarpeeton.}
      - id: a-yhdistetty
        title: Yhdistetty toiseen
        assessments:
          - {year: 2025, status: merged, merged_into: a-valmis}
      - id: a-pvm-ja-arvio
        title: Valmistumispäivä voittaa arvion
        deadline: 2025-03
        completed: [{date: 2025-04-15}]
        assessments:
          - {year: 2025, status: completed}
"""


def _judge(build_plan: Build, day: date, year: int | None = None) -> dict[str, Judgement]:
    root = build_plan({"plan/alue-a.yaml": AREA})
    resolved = resolve_plan(load_repository(root))
    return {j.id: j for j in judge_plan(resolved, day=day, year=year)}


def test_a_status_value_a_name_and_an_unknown_word() -> None:
    assert parse_status("in_progress") is AssessmentStatus.IN_PROGRESS
    assert parse_status("Kesken") is AssessmentStatus.IN_PROGRESS
    assert parse_status("ei toteutunut") is AssessmentStatus.NOT_ACHIEVED
    assert parse_status("inte genomförd") is AssessmentStatus.NOT_ACHIEVED
    assert parse_status("etenee  suunnitellusti") is AssessmentStatus.ON_TRACK
    assert parse_status("on-track") is AssessmentStatus.ON_TRACK
    assert parse_status("slopad") is AssessmentStatus.CANCELLED
    assert parse_status("valmis") is None
    # every status has its own name in each language (no two share one)
    words = status_words()
    for status in AssessmentStatus:
        assert sum(1 for s in words.values() if s is status) >= 3


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"year": 2024, "status": "kesken"}, "write the status as in_progress"),
        ({"year": 2024, "status": "valmis"}, "'valmis' is not an assessment status"),
        ({"year": "2024", "status": "completed"}, "the year is a number without quotes"),
        ({"year": 2024, "status": "merged"}, "add merged_into"),
        ({"year": 2024, "status": "completed", "merged_into": "a"}, "only for status merged"),
        ({"year": 2024, "status": "completed", "resources": {}}, "resources needs euros"),
        ({"year": 2024, "status": "completed", "resources": {"euros": "12"}}, "without quotes"),
        ({"year": 2024, "status": "completed", "resources": {"euros": -1}}, "greater than"),
        ({"year": 2024, "status": "completed", "extra": 1}, "Extra inputs"),
    ],
)
def test_a_bad_assessment_is_refused_with_what_to_write(entry: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Action.model_validate({"id": "a", "title": "t", "assessments": [entry]})


def test_an_assessment_with_everything() -> None:
    action = Action.model_validate(
        {
            "id": "a",
            "title": "t",
            "assessments": [
                {
                    "year": 2025,
                    "status": "completed",
                    "text": {"fi": "Tehty.\n\nToinen kappale.", "sv": "Gjort."},
                    "resources": {"euros": 12000, "person_days": 12.5, "text": "Hanke"},
                    "by": "Koordinaattori",
                    "date": "2026-01-31",
                }
            ],
        }
    )
    assessment = action.assessments[0]
    assert isinstance(assessment, Assessment)
    assert assessment.resources is not None and assessment.resources.euros == 12000.0
    assert assessment.date == date(2026, 1, 31)
    assert not assessment.known_on(date(2026, 1, 30)) and assessment.known_on(date(2026, 1, 31))


def test_completed_by_its_assessment(build_plan: Build) -> None:
    items = _judge(build_plan, date(2026, 3, 1), 2025)
    done = items["a-valmis"]
    assert done.state is State.DONE
    assert done.done is not None and done.done.assessed_year == 2025 and done.done.on_time is None
    assert done.assessment is not None and done.assessment.year == 2025
    # dated within its year: judged by that day against the deadline
    dated = items["a-paivatty"]
    assert (dated.state, dated.done and dated.done.date) == (State.DONE, date(2025, 5, 20))
    # done a year after the year it was due
    late = items["a-myohassa"]
    assert late.state is State.DONE_LATE and late.done is not None and late.done.on_time is False
    # a completion date wins over the assessment's year
    both = items["a-pvm-ja-arvio"]
    assert both.state is State.DONE_LATE and both.done is not None
    assert both.done.date == date(2025, 4, 15) and both.done.days_late == 15


def test_an_assessment_counts_from_its_date(build_plan: Build) -> None:
    # a-valmis's 2025 assessment is dated 1.2.2026: before then it is not known
    before = _judge(build_plan, date(2026, 1, 15), 2025)["a-valmis"]
    assert before.state is State.NO_DEADLINE and before.assessment is None


def test_not_achieved_and_delayed_are_missed(build_plan: Build) -> None:
    items = _judge(build_plan, date(2026, 3, 1), 2025)
    assert items["a-toteutunut-ei"].state is State.NOT_ACHIEVED
    assert items["a-toteutunut-ei"].missed
    delayed = items["a-viivastynyt"]
    assert delayed.state is State.OPEN and delayed.missed  # due 2026, but its 2025 was delayed
    assert delayed.needs_attention
    # in 2024's report the 2025 assessments say nothing
    items_2024 = _judge(build_plan, date(2026, 3, 1), 2024)
    assert not items_2024["a-toteutunut-ei"].missed
    assert items_2024["a-toteutunut-ei"].state is State.NO_DEADLINE


def test_cancelled_and_merged_leave_the_open_work(build_plan: Build) -> None:
    items = _judge(build_plan, date(2026, 3, 1), 2025)
    cancelled = items["a-luovuttu"]
    assert cancelled.state is State.CANCELLED and not cancelled.missed  # due 2025, not missed
    assert cancelled.closed_by is not None and cancelled.closed_by.year == 2024
    assert not cancelled.needs_attention
    merged = items["a-yhdistetty"]
    assert merged.state is State.MERGED and merged.closed_by is not None
    words = Wording.for_language("fi", "fi")
    assert words.detail(merged) == "yhdistetty kohtaan a-valmis vuonna 2025"
    assert words.detail(cancelled) == "luovuttu vuonna 2024"
    assert Wording.for_language("sv", "fi").state(State.CANCELLED) == "slopad"
    # the year before it was merged, it was still pursued
    assert _judge(build_plan, date(2026, 3, 1), 2024)["a-yhdistetty"].state is State.NO_DEADLINE


def test_the_last_ended_year_without_an_assessment(build_plan: Build) -> None:
    items = _judge(build_plan, date(2025, 2, 1))
    # 2024 has ended: the goal and a-valmis are assessed for it, a-paivatty is not
    assert items["g"].unassessed_year is None
    assert items["a-valmis"].unassessed_year is None
    assert items["a-paivatty"].unassessed_year == 2024
    # cancelled in 2024, so 2024 was assessed; not asked again for 2025
    assert items["a-luovuttu"].unassessed_year is None
    later = _judge(build_plan, date(2026, 6, 1))
    assert later["a-luovuttu"].unassessed_year is None
    assert later["g"].unassessed_year == 2025
    # in the plan's first year, no year has ended yet
    assert _judge(build_plan, date(2024, 6, 1))["g"].unassessed_year is None


def test_assessment_status_names_in_each_language() -> None:
    assert Wording.for_language("fi", "fi").assessment_status(AssessmentStatus.ON_TRACK) == (
        "etenee suunnitellusti"
    )
    assert Wording.for_language("sv", "fi").assessment_status(AssessmentStatus.DELAYED) == (
        "försenad"
    )
    assert Wording.for_language("en", "fi").assessment_status(AssessmentStatus.MERGED) == "merged"
