"""Staleness in `hyte status`: goals and actions without an assessment for the last plan year.

A fictional fixture: the minimal plan of tests/conftest.py (period 2024-2026) with a goal
assessed for 2024 and two actions that are not, one of them cancelled in 2024 (so no longer
asked for 2025). The round for a year opens on 1 February of the next (or on plan.yaml's
``assessment_round.opens``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_PLAN
from hytecli.cli import app
from hytecli.repository import load_repository
from hytecli.status import StatusQuery, StatusReport, compute_status, fail_reason
from hytecli.status_json import render_json
from hytecli.status_render import StatusView, render_markdown, render_plain
from hytecli.status_rich import render_rich
from hytecli.validation import validate_repository

Build = Callable[..., Path]

AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: tavoite-1
    title: Tavoite yksi
    responsible: [Testitaho]
    indicators: [mittari-1]
    assessments:
      - {year: 2024, status: in_progress}
    actions:
      - id: toimenpide-1
        title: Toimenpide yksi
      - id: toimenpide-2
        title: Toimenpide kaksi
        assessments:
          - {year: 2024, status: cancelled}
"""


def report(build_plan: Build, day: date, plan: str = MINIMAL_PLAN) -> StatusReport:
    root = build_plan({"plan/alue-a.yaml": AREA, "plan/plan.yaml": plan})
    repository = load_repository(root)
    assert validate_repository(repository) == []
    return compute_status(repository, StatusQuery(as_of=day))


def view(found: StatusReport, language: str = "en", show_all: bool = False) -> StatusView:
    return StatusView.of(found, language, show_all)


def test_nothing_is_asked_before_the_first_plan_year_has_ended(build_plan: Build) -> None:
    found = report(build_plan, date(2024, 12, 31))
    assert found.assessment_round is None and found.unassessed == ()
    assert "Not assessed" not in render_plain(found, view(found))
    assert json.loads(render_json(found, view(found)))["assessment_round"] is None


def test_january_lists_the_unassessed_without_a_notice(build_plan: Build) -> None:
    found = report(build_plan, date(2025, 1, 31))
    assert found.assessment_round is not None
    assert (found.assessment_round.year, found.assessment_round.opens) == (2024, date(2025, 2, 1))
    assert not found.round_due
    # 2024: the goal is assessed; toimenpide-2 was cancelled in 2024 (its own assessment)
    assert [item.id for item in found.unassessed] == ["toimenpide-1"]
    assert not any(item.needs_attention for item in found.items if item.kind != "indicator")
    text = render_plain(found, view(found))
    assert "assessment round" not in text
    assert "\nNot assessed for 2024\n  alue-a: toimenpide-1\n" in text
    assert fail_reason(found, "unassessed") is None


def test_from_the_day_the_round_opens_it_nags_in_every_format(build_plan: Build) -> None:
    found = report(build_plan, date(2025, 2, 1))
    assert found.round_due
    item = next(item for item in found.items if item.id == "toimenpide-1")
    assert item.assessment_due and item.needs_attention and not item.state_needs_attention
    notice = (
        "The annual assessment round for 2024 is due (from 1 Feb 2025): 1 goal or action is "
        "not assessed yet."
    )
    plain = render_plain(found, view(found))
    assert plain.splitlines()[2] == notice
    # needs attention only for its assessment: listed once, under the unassessed (the
    # indicator, due 2024, is overdue)
    attention = plain.split("Needs attention\n")[1].split("Not assessed")[0]
    assert "mittari-1" in attention and "toimenpide-1" not in attention
    assert plain.endswith(
        "Not assessed for 2024\n  alue-a: toimenpide-1\n\n"
        "2 of 4 items need attention; 'hyte status --all' shows every item.\n"
    )
    markdown = render_markdown(found, view(found, "fi"))
    assert (
        "Vuoden 2024 arviointikierros on ajankohtainen (1.2.2025 alkaen): 1 tavoite tai "
        "toimenpide on vielä arvioimatta." in markdown
    )
    assert "\n### Vuoden 2024 arviointi puuttuu\n\n- `alue-a`: `toimenpide-1`\n" in markdown
    rich = render_rich(found, view(found, "sv"), width=100, color=False)
    rich = "\n".join(line.rstrip() for line in rich.splitlines())
    assert "Den årliga bedömningsomgången för 2024 är aktuell (från 1.2.2025)" in rich
    assert "Bedömning saknas för 2024\n  alue-a: toimenpide-1\n" in rich
    data = json.loads(render_json(found, view(found)))
    assert data["version"] == 3
    assert data["assessment_round"] == {
        "year": 2024,
        "opens": "2025-02-01",
        "open": True,
        "due": True,
        "notice": notice,
        "unassessed": [
            {"kind": "action", "id": "toimenpide-1", "area": "alue-a", "title": "Toimenpide yksi"}
        ],
    }
    assert (data["totals"]["unassessed"], data["totals"]["needs_attention"]) == (1, 2)
    assert fail_reason(found, "unassessed") == "1 item not assessed for 2024"


def test_the_opening_day_is_configurable(build_plan: Build) -> None:
    plan = MINIMAL_PLAN + "assessment_round: {opens: 03-15}\n"
    before = report(build_plan, date(2025, 3, 14), plan)
    assert before.assessment_round is not None and not before.round_due
    after = report(build_plan, date(2025, 3, 15), plan)
    assert after.assessment_round is not None and after.assessment_round.opens == date(2025, 3, 15)
    assert after.round_due


def test_after_the_plan_period_the_last_year_is_asked(build_plan: Build) -> None:
    found = report(build_plan, date(2028, 6, 1))
    assert found.assessment_round is not None and found.assessment_round.year == 2026
    assert [item.id for item in found.unassessed] == ["tavoite-1", "toimenpide-1"]


@pytest.mark.parametrize("opens", ["02-29", "2-1", "13-01", "1. helmikuuta"])
def test_a_bad_opening_day_is_a_located_error(build_plan: Build, opens: str) -> None:
    plan = MINIMAL_PLAN + f'assessment_round: {{opens: "{opens}"}}\n'
    root = build_plan({"plan/plan.yaml": plan})
    findings = validate_repository(load_repository(root))
    assert [(f.code, f.path, f.line) for f in findings] == [
        ("S003", "plan/plan.yaml", plan.count("\n"))
    ]
    assert "write MM-DD, e.g. 02-01" in findings[0].message


def test_fail_on_unassessed_in_the_cli(build_plan: Build) -> None:
    root = build_plan({"plan/alue-a.yaml": AREA})
    runner = CliRunner()
    args = ["status", "--repo", str(root), "--fail-on", "unassessed", "--lang", "en"]
    january = runner.invoke(app, [*args, "--as-of", "2025-01-31"])
    assert january.exit_code == 0, january.output
    february = runner.invoke(app, [*args, "--as-of", "2025-02-01"])
    assert february.exit_code == 1
    assert "Not assessed for 2024" in february.stdout
    assert february.stderr == "hyte: 1 item not assessed for 2024 (--fail-on unassessed)\n"
