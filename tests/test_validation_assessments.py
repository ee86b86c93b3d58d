"""The assessment rules of `hyte validate` (A001-A006), one small fictional fixture each.

Built on the minimal plan of tests/conftest.py (plan period 2024-2026; goal tavoite-1 lists the
yes/no indicator mittari-1, whose target is yes; action toimenpide-1). Each test asserts the
exact findings: code, severity, file, line, column and message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR
from hytecli.cli import app
from hytecli.findings import Finding, Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository
from test_validation import AREA, at

E = Severity.ERROR
W = Severity.WARNING
Build = Callable[..., Path]


def area(goal_assessments: str = "", action_assessments: str = "", goal_extra: str = "") -> str:
    """The minimal area (fictional fixture) with assessments on the goal and on the action."""
    text = MINIMAL_AREA.replace(
        "    indicators: [mittari-1]\n",
        "    indicators: [mittari-1]\n" + goal_extra + goal_assessments,
    )
    return text + action_assessments


def check(build_plan: Build, files: dict[str, str | None]) -> list[Finding]:
    return [
        f for f in validate_repository(load_repository(build_plan(files))) if f.code.startswith("A")
    ]


def found(
    text: str, needle: str, severity: Severity, code: str, message: str, nth: int = 1
) -> Finding:
    line, column = at(text, needle, nth)
    return Finding(AREA, line, column, severity, code, message)


GOAL_2024 = """\
    assessments:
      - year: 2024
        status: in_progress
"""


def test_well_formed_assessments_are_clean(build_plan: Build) -> None:
    text = area(
        GOAL_2024 + "      - {year: 2025, status: completed, text: {fi: Valmis., sv: Klar.}}\n",
        "        assessments:\n          - {year: 2024, status: cancelled}\n"
        "          - {year: 2025, status: cancelled, by: Koordinaattori}\n",
    )
    assert check(build_plan, {AREA: text}) == []


def test_a001_year_outside_the_plan_period(build_plan: Build) -> None:
    text = area("    assessments:\n      - year: 2023\n        status: in_progress\n")
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "2023",
            E,
            "A001",
            "the goal 'tavoite-1' is assessed for 2023, outside the plan period (2024–2026): "
            "correct the year (a typo?), or remove the assessment",
        )
    ]


def test_a002_two_assessments_for_one_year_at_the_second(build_plan: Build) -> None:
    text = area(GOAL_2024 + "      - year: 2024\n        status: completed\n")
    first_line = at(text, "- year: 2024")[0]
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "2024",
            E,
            "A002",
            f"the goal 'tavoite-1' has two assessments for 2024 (the other at "
            f"{AREA}:{first_line}): one per year; keep one (edit it to correct it: git keeps "
            "the old text), or correct the year",
            nth=4,  # the deadline line has two, the first assessment one, then the second
        )
    ]


def test_a003_merged_into_an_unknown_id_suggests_close_ids(build_plan: Build) -> None:
    text = area(
        "",
        "        assessments:\n          - year: 2024\n            status: merged\n"
        "            merged_into: tavoite-2\n",
    )
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "tavoite-2",
            E,
            "A003",
            "merged_into 'tavoite-2' is not a goal or action of the plan: did you mean "
            "'tavoite-1'? correct the id",
        )
    ]


def test_a003_merged_into_itself(build_plan: Build) -> None:
    text = area(
        "",
        "        assessments:\n          - {year: 2024, status: merged, "
        "merged_into: toimenpide-1}\n",
    )
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "toimenpide-1}",
            E,
            "A003",
            "the action 'toimenpide-1' cannot be merged into itself: name the goal or action "
            "it was merged into",
        )
    ]


def test_a003_merged_into_another_item_is_clean(build_plan: Build) -> None:
    text = area(
        "",
        "        assessments:\n          - {year: 2024, status: merged, merged_into: tavoite-1}\n"
        "          - {year: 2025, status: merged, merged_into: tavoite-1}\n",
    )
    assert check(build_plan, {AREA: text}) == []


def test_a004_a_later_year_that_says_something_else(build_plan: Build) -> None:
    text = area(
        "",
        "        assessments:\n"
        "          - {year: 2024, status: cancelled}\n"
        "          - {year: 2025, status: in_progress}\n",
    )
    line = at(text, "- {year: 2024")[0]
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "in_progress",
            W,
            "A004",
            f"the action 'toimenpide-1' was cancelled in 2024 ({AREA}:{line}), but its 2025 "
            "assessment says in_progress: it stays cancelled from 2024 on; if the work went "
            "on, correct the 2024 status (postponed?), otherwise correct or remove this one",
        )
    ]


def test_a004_merged_then_merged_elsewhere_and_earlier_years_are_fine(build_plan: Build) -> None:
    text = area(
        "",
        "        assessments:\n"
        "          - {year: 2024, status: in_progress}\n"
        "          - {year: 2025, status: merged, merged_into: tavoite-1}\n"
        "          - {year: 2026, status: cancelled}\n",
    )
    line = at(text, "- {year: 2025")[0]
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "cancelled",
            W,
            "A004",
            f"the action 'toimenpide-1' was merged into 'tavoite-1' in 2025 ({AREA}:{line}), "
            "but its 2026 assessment says cancelled: it stays merged from 2025 on; if the work "
            "went on, correct the 2025 status (postponed?), otherwise correct or remove this one",
        )
    ]


def indicator_with(values: str) -> str:
    return MINIMAL_INDICATOR.replace("values: []\n", "values:\n" + values)


def test_a005_completed_while_the_yes_no_indicator_says_no(build_plan: Build) -> None:
    ind = indicator_with("  - {period: 2024, value: true}\n  - {period: 2025, value: false}\n")
    text = area(
        "    assessments:\n      - {year: 2024, status: completed}\n"
        "      - {year: 2025, status: completed}\n"
    )
    line = at(ind, "value: false")[0]
    assert check(build_plan, {AREA: text, "indicators/mittari-1.yaml": ind}) == [
        found(
            text,
            "completed",
            W,
            "A005",
            "the goal 'tavoite-1' is assessed completed for 2025, but its yes/no indicator "
            f"'mittari-1' answers no for 2025 (indicators/mittari-1.yaml:{line}; the target is "
            "yes): check which is right and correct the other",
            nth=2,
        )
    ]


def test_a005_a_completion_while_the_yes_no_indicator_says_no(build_plan: Build) -> None:
    # A goal marked done (completed:) in 2025 while its own yes/no indicator answers no for 2025.
    ind = indicator_with("  - {period: 2025, value: false}\n")
    text = area(goal_extra="    completed: [{date: 2025-06-01}]\n")
    line = at(ind, "value: false")[0]
    assert check(build_plan, {AREA: text, "indicators/mittari-1.yaml": ind}) == [
        found(
            text,
            "2025-06-01",
            W,
            "A005",
            "the goal 'tavoite-1' is marked done on 2025-06-01, but its yes/no indicator "
            f"'mittari-1' answers no for 2025 (indicators/mittari-1.yaml:{line}; the target is "
            "yes): check which is right and correct the other",
        )
    ]
    agrees = indicator_with("  - {period: 2025, value: true}\n")
    assert check(build_plan, {AREA: text, "indicators/mittari-1.yaml": agrees}) == []


def test_a005_a_municipality_answer_does_not_count(build_plan: Build) -> None:
    ind = indicator_with('  - {period: 2024, value: false, municipality: "049"}\n')
    text = area("    assessments:\n      - {year: 2024, status: completed}\n")
    assert check(build_plan, {AREA: text, "indicators/mittari-1.yaml": ind}) == []


def test_a006_completed_for_a_year_before_the_completion_date(build_plan: Build) -> None:
    text = area(
        "",
        "        completed:\n          - date: 2025-03-01\n"
        "        assessments:\n          - {year: 2024, status: completed}\n"
        "          - {year: 2025, status: completed}\n",
    )
    assert check(build_plan, {AREA: text}) == [
        found(
            text,
            "completed}",
            W,
            "A006",
            "the action 'toimenpide-1' is assessed completed for 2024, but its completion is "
            "dated 2025-03-01: it counts as done on 2025-03-01; correct the status "
            "(in_progress?) or the completion date",
        )
    ]


def test_validate_cli_reports_a_codes_located_and_fails(build_plan: Build) -> None:
    text = area("    assessments:\n      - {year: 2031, status: kesken}\n")
    root = build_plan({AREA: text})
    result = CliRunner().invoke(app, ["validate", "--format", "json", "--repo", str(root)])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("S003", at(text, "kesken")[0])]
    assert "write the status as in_progress" in findings[0]["message"]
    text = area("    assessments:\n      - {year: 2031, status: in_progress}\n")
    root = build_plan({AREA: text})
    result = CliRunner().invoke(app, ["validate", "--repo", str(root)])
    assert result.exit_code == 1, result.output
    line, column = at(text, "2031")
    assert f"{AREA}:{line}:{column}: error A001" in result.stdout
