"""The whole-plan rules of `hyte validate` (hytecli.validation), one small fixture each.

Every fixture is a fictional fixture built on the minimal plan of tests/conftest.py, which is
clean; each test changes one thing and asserts the exact findings: code, severity, file, line,
column and message. ``at(text, needle)`` gives the 1-based line and column where ``needle``
first occurs in a fixture's text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR, MINIMAL_PLAN
from hytecli.cli import app
from hytecli.findings import Finding, Severity
from hytecli.repository import load_repository
from hytecli.validation import validate_repository

E = Severity.ERROR
W = Severity.WARNING
AREA = "plan/alue-a.yaml"
PLAN = "plan/plan.yaml"
IND = "indicators/mittari-1.yaml"
CASE_COPIES = Path(__file__).resolve().parent / "cases"

Build = Callable[..., Path]


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Return the 1-based (line, column) of the ``nth`` occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def finding(
    path: str, text: str, needle: str, severity: Severity, code: str, message: str, nth: int = 1
) -> Finding:
    line, column = at(text, needle, nth)
    return Finding(path, line, column, severity, code, message)


def check(build_plan: Build, files: dict[str, str | None] | None = None) -> list[Finding]:
    return validate_repository(load_repository(build_plan(files)))


def indicator(body: str, *, head: str = "id: mittari-1\nname: Mittari yksi\n") -> str:
    """An indicator file (fictional fixture) with ``body`` after its id and name."""
    return "# fictional fixture\n" + head + body


PLAN_TWO_AREAS = MINIMAL_PLAN.replace(
    "  - id: alue-a\n    title: Alue A\n",
    "  - id: alue-a\n    title: Alue A\n  - id: alue-b\n    title: Alue B\n",
)
AREA_B = """\
# fictional fixture
id: alue-b
title: Alue B
goals:
  - id: tavoite-b
    title: Tavoite B
    indicators: [mittari-1]
"""


def test_the_minimal_plan_is_clean(build_plan: Build) -> None:
    assert check(build_plan) == []


# --- R001 duplicate ids -------------------------------------------------------------------------


def test_r001_goal_and_indicator_with_the_same_id(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("id: tavoite-1", "id: mittari-1")
    assert check(build_plan, {AREA: area}) == [
        finding(
            IND,
            MINIMAL_INDICATOR,
            "mittari-1",
            E,
            "R001",
            f"duplicate id 'mittari-1': also used at {AREA}:{at(area, '- id: mittari-1')[0]} "
            "(a goal); ids must be unique across the whole plan: give this indicator another id",
        )
    ]


def test_r001_same_action_id_in_two_area_files(build_plan: Build) -> None:
    area_b = AREA_B + "    actions:\n      - id: toimenpide-1\n        title: Toinen\n"
    findings = check(build_plan, {PLAN: PLAN_TWO_AREAS, "plan/alue-b.yaml": area_b})
    assert findings == [
        finding(
            "plan/alue-b.yaml",
            area_b,
            "toimenpide-1",
            E,
            "R001",
            f"duplicate id 'toimenpide-1': also used at {AREA}:"
            f"{at(MINIMAL_AREA, 'toimenpide-1')[0]} (an action); ids must be unique across the "
            "whole plan: give this action another id",
        )
    ]


def test_r001_source_id_reused_by_a_goal(build_plan: Build) -> None:
    plan = MINIMAL_PLAN + "sources:\n  - id: tavoite-1\n    citation: Lähde (fictional fixture)\n"
    assert check(build_plan, {PLAN: plan}) == [
        finding(
            AREA,
            MINIMAL_AREA,
            "tavoite-1",
            E,
            "R001",
            f"duplicate id 'tavoite-1': also used at {PLAN}:{at(plan, '- id: tavoite-1')[0]} "
            "(a source); ids must be unique across the whole plan: give this goal another id",
        )
    ]


def test_r001_council_term_ids_are_in_the_same_space(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace('id: "2025-2029"', 'id: "2022-2025"')
    assert check(build_plan, {PLAN: plan}) == [
        finding(
            PLAN,
            plan,
            '"2022-2025"',
            E,
            "R001",
            f"duplicate id '2022-2025': also used at {PLAN}:{at(plan, '2022-2025')[0]} (a "
            "council term); ids must be unique across the whole plan: give this council term "
            "another id",
            nth=2,
        )
    ]


def test_r001_priority_area_listed_twice(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace(
        "  - id: alue-a\n    title: Alue A\n", "  - id: alue-a\n    title: Alue A\n" * 2
    )
    assert check(build_plan, {PLAN: plan}) == [
        finding(
            PLAN,
            plan,
            "alue-a",
            E,
            "R001",
            f"priority area 'alue-a' is listed twice in priority_areas: also at "
            f"{PLAN}:{at(plan, 'alue-a')[0]}; remove one of them",
            nth=2,
        )
    ]


# --- R002 unknown indicator -------------------------------------------------------------------


def test_r002_unknown_indicator_with_a_suggestion(build_plan: Build) -> None:
    area = MINIMAL_AREA + "        indicators: [mittari-l]\n"
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "mittari-l",
            E,
            "R002",
            "indicator 'mittari-l' does not exist: no file in indicators/ has this id; did you "
            "mean 'mittari-1'? correct the id, or add indicators/mittari-l.yaml",
        )
    ]


def test_r002_unknown_indicator_without_a_close_id(build_plan: Build) -> None:
    area = MINIMAL_AREA + "        indicators: [tyytyvaisyys]\n"
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "tyytyvaisyys",
            E,
            "R002",
            "indicator 'tyytyvaisyys' does not exist: no file in indicators/ has this id; "
            "correct the id, or add indicators/tyytyvaisyys.yaml",
        )
    ]


def test_r002_not_reported_for_an_indicator_whose_file_has_errors(build_plan: Build) -> None:
    broken = MINIMAL_INDICATOR + "colour: blue\n"
    findings = check(build_plan, {IND: broken})
    assert [(f.path, f.code) for f in findings] == [(IND, "S002")]


# --- R003, P001, P002 priority areas -----------------------------------------------------------


def test_r003_area_file_not_listed_in_the_plan(build_plan: Build) -> None:
    assert check(build_plan, {"plan/alue-b.yaml": AREA_B}) == [
        finding(
            "plan/alue-b.yaml",
            AREA_B,
            "alue-b",
            E,
            "R003",
            "priority area 'alue-b' is not listed in plan/plan.yaml priority_areas: add it there "
            "in the plan's order, or correct the id",
        )
    ]


def test_r003_suggests_a_listed_area_without_a_file(build_plan: Build) -> None:
    area_b = AREA_B.replace("id: alue-b", "id: alue-bb")
    findings = check(build_plan, {PLAN: PLAN_TWO_AREAS, "plan/alue-b.yaml": area_b})
    assert [f.code for f in findings] == ["R003", "R008", "P001"]
    assert findings[0].message == (
        "priority area 'alue-bb' is not listed in plan/plan.yaml priority_areas: did you mean "
        "'alue-b'? add it there in the plan's order, or correct the id"
    )


def test_p001_listed_area_without_a_section(build_plan: Build) -> None:
    assert check(build_plan, {PLAN: PLAN_TWO_AREAS}) == [
        finding(
            PLAN,
            PLAN_TWO_AREAS,
            "alue-b",
            W,
            "P001",
            "priority area 'alue-b' is listed in the plan's introduction but has no section of "
            "its own: no file in plan/ has this id (add plan/alue-b.yaml if the plan has a "
            "section for it)",
        )
    ]


def test_p001_not_reported_when_the_area_file_is_broken(build_plan: Build) -> None:
    findings = check(build_plan, {PLAN: PLAN_TWO_AREAS, "plan/alue-b.yaml": ""})
    assert [(f.path, f.code) for f in findings] == [("plan/alue-b.yaml", "Y008")]


def test_p002_titles_differ(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("title: Alue A", "title: Alueen A kehittäminen")
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "Alueen A kehittäminen",
            W,
            "P002",
            'the title "Alueen A kehittäminen" differs from the plan\'s list of priority areas '
            f'("Alue A", {PLAN}:{at(MINIMAL_PLAN, "title: Alue A")[0]}): if the plan words them '
            "differently, keep both; otherwise make them the same",
        )
    ]


@pytest.mark.parametrize(
    "title",
    ["Alue  A", "{fi: Alue A, sv: Område A}", "{sv: Område A}"],
    ids=["spaces", "more-languages", "no-common-language"],
)
def test_p002_not_reported_for_the_same_title(build_plan: Build, title: str) -> None:
    area = MINIMAL_AREA.replace("title: Alue A", f"title: {title}")
    found = check(build_plan, {AREA: area})
    # a title only in Swedish lacks the plan's own language: L003 says so (not P002)
    assert [f.code for f in found] == (["L003"] if title == "{sv: Område A}" else [])


# --- R004 unknown council term ------------------------------------------------------------------


def test_r004_unknown_council_term(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("deadline: 2024-06", 'deadline: {term_end: "2025-2028"}')
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            '"2025-2028"',
            E,
            "R004",
            "council term '2025-2028' is not defined in plan/plan.yaml council_terms (defined: "
            "2022-2025, 2025-2029): did you mean '2025-2029' or '2022-2025'? correct the id, or "
            "add the term to plan.yaml",
        )
    ]


def test_r004_in_an_indicator_target(build_plan: Build) -> None:
    ind = MINIMAL_INDICATOR.replace("  deadline: 2024", "  deadline: {term_end: kausi-1}")
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "kausi-1",
            E,
            "R004",
            "council term 'kausi-1' is not defined in plan/plan.yaml council_terms (defined: "
            "2022-2025, 2025-2029): correct the id, or add the term to plan.yaml",
        )
    ]


# --- R005 municipality codes ----------------------------------------------------------------------


def test_r005_unknown_municipality(build_plan: Build) -> None:
    ind = indicator('kind: count\nvalues:\n  - {period: 2024, value: 3, municipality: "091"}\n')
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            '"091"',
            E,
            "R005",
            "municipality code '091' is not one of the plan's municipalities (049 Espoo, "
            "078 Hanko): correct the code, or add the municipality to plan/plan.yaml",
        )
    ]


def test_r005_any_code_when_the_plan_lists_no_municipalities(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.split("municipalities:")[0]
    ind = indicator(
        "kind: yes_no\ntarget: {value: true}\n"
        'values:\n  - {period: 2024, value: true, municipality: "091"}\n'
    )
    assert check(build_plan, {PLAN: plan, IND: ind}) == []


# --- R006 sources -------------------------------------------------------------------------------


def test_r006_unknown_source(build_plan: Build) -> None:
    plan = MINIMAL_PLAN + "sources:\n  - id: thl-2023\n    citation: THL 2023 (fictional fixture)\n"
    area = MINIMAL_AREA.replace("title: Alue A\n", "title: Alue A\nsources: [thl-2023, thl-2032]\n")
    assert check(build_plan, {PLAN: plan, AREA: area}) == [
        finding(
            AREA,
            area,
            "thl-2032",
            E,
            "R006",
            "source 'thl-2032' is not in plan/plan.yaml sources: did you mean 'thl-2023'? add it "
            "there, or correct the id",
        )
    ]


# --- R007 unused indicators, R008 file names ----------------------------------------------------


def test_r007_unused_indicator(build_plan: Build) -> None:
    ind = indicator("kind: yes_no\n", head="id: mittari-2\nname: Mittari kaksi\n")
    assert check(build_plan, {"indicators/mittari-2.yaml": ind}) == [
        finding(
            "indicators/mittari-2.yaml",
            ind,
            "mittari-2",
            W,
            "R007",
            "indicator 'mittari-2' is not used by any goal or action: list it under the "
            "indicators of the goal or action it measures, or delete the file",
        )
    ]


def test_r007_not_checked_while_an_area_file_is_broken(build_plan: Build) -> None:
    ind = indicator("kind: yes_no\n", head="id: mittari-2\nname: Mittari kaksi\n")
    findings = check(
        build_plan, {"indicators/mittari-2.yaml": ind, AREA: MINIMAL_AREA + "colour: blue\n"}
    )
    # Neither R007 for mittari-2 nor P001 for the area whose file has the error.
    assert [(f.path, f.code) for f in findings] == [(AREA, "S002")]


def test_r008_indicator_file_name_differs_from_its_id(build_plan: Build) -> None:
    assert check(build_plan, {IND: None, "indicators/vanha-nimi.yaml": MINIMAL_INDICATOR}) == [
        finding(
            "indicators/vanha-nimi.yaml",
            MINIMAL_INDICATOR,
            "mittari-1",
            W,
            "R008",
            "indicators/vanha-nimi.yaml holds id 'mittari-1': rename the file to "
            "indicators/mittari-1.yaml (and keep the id: ids never change once published)",
        )
    ]


def test_r008_area_file_in_a_subfolder(build_plan: Build) -> None:
    findings = check(build_plan, {AREA: None, "plan/osat/alue.yml": MINIMAL_AREA})
    assert [(f.path, f.code, f.message) for f in findings] == [
        (
            "plan/osat/alue.yml",
            "R008",
            "plan/osat/alue.yml holds id 'alue-a': rename the file to plan/osat/alue-a.yml (and "
            "keep the id: ids never change once published)",
        )
    ]


# --- P003, P004 -----------------------------------------------------------------------------------


def test_p003_area_without_goals(build_plan: Build) -> None:
    area_b = "# fictional fixture\nid: alue-b\ntitle: Alue B\ngoals: []\n"
    assert check(build_plan, {PLAN: PLAN_TWO_AREAS, "plan/alue-b.yaml": area_b}) == [
        finding(
            "plan/alue-b.yaml",
            area_b,
            "[]",
            W,
            "P003",
            "priority area 'alue-b' has no goals: add the plan's goals for it under goals:",
        )
    ]


def test_p003_without_a_goals_key_points_at_the_id(build_plan: Build) -> None:
    area_b = "# fictional fixture\nid: alue-b\ntitle: Alue B\n"
    findings = check(build_plan, {PLAN: PLAN_TWO_AREAS, "plan/alue-b.yaml": area_b})
    assert [(f.code, f.line, f.column) for f in findings] == [("P003", 2, 5)]


def test_p004_goal_without_indicators(build_plan: Build) -> None:
    area = MINIMAL_AREA + (
        "  - id: tavoite-2\n    title: Tavoite kaksi\n"
        "    actions:\n      - id: toimenpide-2\n        title: Toimenpide kaksi\n"
    )
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "tavoite-2",
            W,
            "P004",
            "goal 'tavoite-2' has no indicators, neither its own nor on any of its actions: add "
            "the plan's indicators (mittarit) under indicators: so that progress can be followed",
        )
    ]


def test_p004_indicators_on_an_action_are_enough(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("    indicators: [mittari-1]\n", "") + (
        "        indicators: [mittari-1]\n"
    )
    ind = MINIMAL_INDICATOR.replace("  deadline: 2024\n", "")
    assert check(build_plan, {AREA: area, IND: ind}) == []


# --- D001 deadlines outside the plan period ---------------------------------------------------


def test_d001_action_deadline_after_the_plan_period(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("deadline: 2024-06", "deadline: 2027-03")
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "2027-03",
            W,
            "D001",
            "the action 'toimenpide-1' deadline 2027-03 (= 2027-03-31) is after the end of the "
            "plan period (2024-01-01 – 2026-12-31): check the date; if the plan really says so, "
            "keep it",
        )
    ]


def test_d001_indicator_target_deadline_before_the_plan_period(build_plan: Build) -> None:
    ind = MINIMAL_INDICATOR.replace(
        "  deadline: 2024", "  deadline: {due: 2023-12-31, wording: vuoden 2023 loppuun}"
    )
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2023-12-31",
            W,
            "D001",
            "the indicator 'mittari-1' target deadline 2023-12-31 \"vuoden 2023 loppuun\" is "
            "before the start of the plan period (2024-01-01 – 2026-12-31): check the date; if "
            "the plan really says so, keep it",
        )
    ]


def test_d001_council_term_ending_after_the_plan_period(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace(
        "    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}",
        '    deadline: {term_end: "2025-2029", wording: valtuustokauden loppuun mennessä}',
    )
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            '"2025-2029"',
            W,
            "D001",
            "the goal 'tavoite-1' deadline end of council term 2025-2029 (= 2029-05-31) "
            '"valtuustokauden loppuun mennessä" is after the end of the plan period '
            "(2024-01-01 – 2026-12-31): check the date; if the plan really says so, keep it",
        )
    ]


def test_d003_recurring_deadlines_are_never_outside_the_period(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace(
        "deadline: 2024-06", "deadline: {recurring: annual, day: 02-29, wording: vuosittain}"
    )
    assert check(build_plan, {AREA: area}) == []


# --- D002 action vs indicator deadline ------------------------------------------------------------


def test_d002_action_and_its_indicator_have_different_deadlines(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace(
        "        deadline: 2024-06\n",
        "        deadline: {due: 2024-12-31, wording: vuoden 2025 alkuun mennessä}\n"
        "        indicators: [mittari-2]\n",
    )
    ind = indicator(
        "kind: count\ntarget:\n  value: 10\n  comparison: at_least\n"
        "  deadline: {due: 2025, wording: vuoden 2025 loppuun mennessä}\n",
        head="id: mittari-2\nname: Mittari kaksi\n",
    )
    assert check(build_plan, {AREA: area, "indicators/mittari-2.yaml": ind}) == [
        finding(
            AREA,
            area,
            "2024-12-31",
            W,
            "D002",
            'the action\'s deadline 2024-12-31 "vuoden 2025 alkuun mennessä" differs from the '
            "deadline of its indicator 'mittari-2' 2025 (= 2025-12-31) \"vuoden 2025 loppuun "
            'mennessä" (indicators/mittari-2.yaml:8): if the plan says both, keep them; '
            "otherwise make them agree",
        )
    ]


def test_d002_same_date_written_differently_is_not_reported(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("deadline: 2024-06", "deadline: 2024-12-31") + (
        "        indicators: [mittari-1]\n"
    )
    assert check(build_plan, {AREA: area}) == []


def test_d002_not_for_recurring_actions(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("deadline: 2024-06", "deadline: {recurring: annual}") + (
        "        indicators: [mittari-1]\n"
    )
    assert check(build_plan, {AREA: area}) == []


# --- D004 completions ---------------------------------------------------------------------------


RECURRING_AREA = MINIMAL_AREA.replace(
    "deadline: 2024-06", "deadline: {recurring: annual, wording: vuosittain}"
)


def test_d004_recurring_completion_needs_a_period(build_plan: Build) -> None:
    area = RECURRING_AREA + "        completed:\n          - date: 2024-11-28\n"
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "date: 2024-11-28",
            E,
            "D004",
            "the action 'toimenpide-1' recurs every year, so each completion must say which "
            "year it covers: add period: YYYY",
        )
    ]


def test_d004_recurring_completion_covers_a_year(build_plan: Build) -> None:
    area = RECURRING_AREA + "        completed:\n          - {date: 2024-11-28, period: 2024-H2}\n"
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "2024-H2",
            E,
            "D004",
            "the action 'toimenpide-1' recurs every year, so a completion covers a year, not "
            "2024-H2: write period: 2024",
        )
    ]


def test_d004_one_off_completion_has_no_period(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace(
        "    indicators: [mittari-1]\n",
        "    indicators: [mittari-1]\n    completed:\n      - {date: 2024-11-28, period: 2024}\n",
    )
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "2024}",
            E,
            "D004",
            "the goal 'tavoite-1' has no recurring deadline, so a completion has no period: "
            "remove period (date says when it was done)",
        )
    ]


def test_d004_good_completions(build_plan: Build) -> None:
    area = RECURRING_AREA.replace(
        "    indicators: [mittari-1]\n",
        "    indicators: [mittari-1]\n    completed:\n      - {date: 2024-11-28, note: Valmis}\n",
    ) + (
        "        completed:\n          - {date: 2024-11-28, period: 2024}\n"
        "          - {date: 2025-12-01, period: 2025}\n"
    )
    assert check(build_plan, {AREA: area}) == []


# --- D005 implausible dates, I007 a value dated before its period -------------------------------


def test_d005_completion_dates_outside_the_plan_period(build_plan: Build) -> None:
    area = RECURRING_AREA.replace(
        "    indicators: [mittari-1]\n",
        "    indicators: [mittari-1]\n    completed:\n      - {date: 1999-01-01}\n",
    ) + (
        "        completed:\n"
        "          - {date: 2028-01-01, period: 2026}\n"  # more than a year after 2026-12-31
        "          - {date: 2024-12-15, period: 2025}\n"  # before the year it covers
        "          - {date: 2027-12-31, period: 2024}\n"  # a year's grace: fine
    )
    assert check(build_plan, {AREA: area}) == [
        finding(
            AREA,
            area,
            "1999-01-01",
            W,
            "D005",
            "the completion date 1999-01-01 of goal 'tavoite-1' is before the plan period began "
            "(2024-01-01): check the date (a typo in the year?); if it really was done then, "
            "keep it",
        ),
        finding(
            AREA,
            area,
            "2028-01-01",
            W,
            "D005",
            "the completion date 2028-01-01 of action 'toimenpide-1' is more than a year after "
            "the plan period ended (2026-12-31): check the date (a typo in the year?); if it "
            "really was done then, keep it",
        ),
        finding(
            AREA,
            area,
            "2024-12-15",
            W,
            "D005",
            "the completion date 2024-12-15 of action 'toimenpide-1' is before 2025, the year "
            "it covers, began: check the date (a typo in the year?); if it really was done then, "
            "keep it",
        ),
    ]


def test_i007_value_dated_before_its_period(build_plan: Build) -> None:
    ind = MINIMAL_INDICATOR.replace(
        "values: []\n",
        "values:\n"
        "  - {period: 2025, value: true, date: 2024-05-01}\n"
        "  - {period: 2024, value: false, date: 2025-03-01}\n",  # recorded after its year: fine
    )
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2024-05-01",
            E,
            "I007",
            "the date 2024-05-01 of the value for 2025 is before its period 2025 began "
            "(2025-01-01): a value is achieved or recorded once its period has begun; correct "
            "the date or the period",
        )
    ]


@pytest.mark.parametrize(
    ("entry", "needle", "message"),
    [
        (
            '{period: "0000", value: true}',
            '"0000"',
            "0000 has the year 0, outside the years hyte accepts (1900–2200): check the year "
            "(a typo?)",
        ),
        (
            "{period: 0202-H1, value: true}",
            "0202-H1",
            "0202-H1 has the year 202, outside the years hyte accepts (1900–2200): check the "
            "year (a typo?)",
        ),
        (
            "{period: 2024, value: true, date: 0000-01-01}",
            "0000-01-01",
            "0000-01-01 has the year 0, outside the years hyte accepts (1900–2200): check the "
            "year (a typo?)",
        ),
    ],
)
def test_a_year_out_of_range_in_a_file_is_a_located_s003_b1(
    build_plan: Build, entry: str, needle: str, message: str
) -> None:
    ind = MINIMAL_INDICATOR.replace("values: []\n", f"values:\n  - {entry}\n")
    assert check(build_plan, {IND: ind}) == [finding(IND, ind, needle, E, "S003", message)]
    root = build_plan({IND: ind})
    result = CliRunner().invoke(app, ["validate", "--repo", str(root)])
    assert result.exit_code == 1  # not 3, an internal error


def test_kind_checks_refuse_numbers_that_are_not_finite_b1() -> None:
    from hytecli.validation_common import kind_problem

    for kind in ("count", "percentage", "rate"):
        for value in (float("inf"), float("-inf"), float("nan"), 10**400):
            assert kind_problem(kind, value, "value") is not None, (kind, value)
    assert kind_problem("rate", 1e300, "value") is None
    assert kind_problem("count", 10**14, "value") is None


def test_d005_value_dated_before_the_plan_period(build_plan: Build) -> None:
    plan = MINIMAL_PLAN.replace("start: 2024-01-01", "start: 2024-06-01")
    ind = MINIMAL_INDICATOR.replace(
        "values: []\n", "values:\n  - {period: 2024, value: true, date: 2024-02-01}\n"
    )
    assert check(build_plan, {PLAN: plan, IND: ind}) == [
        finding(
            IND,
            ind,
            "2024-02-01",
            W,
            "D005",
            "the date 2024-02-01 of the value for 2024 is before the plan period began "
            "(2024-06-01): check the date; if the value really is from then, keep it",
        )
    ]


# --- I001 targets and baselines -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "needle", "message"),
    [
        (
            "kind: yes_no\ntarget: {value: 1}\n",
            "1}",
            "a yes/no indicator's target value must be true or false, not 1",
        ),
        (
            "kind: yes_no\ntarget: {value: true, comparison: at_least}\n",
            "at_least",
            "a yes_no indicator's target has no comparison: remove comparison",
        ),
        (
            "kind: yes_no\ntarget: {reference: national_average}\n",
            "national_average",
            "a yes_no indicator cannot have a reference series as its target: only count, "
            "percentage and rate indicators can; write value: instead",
        ),
        (
            "kind: count\ntarget: {value: -1, comparison: at_most}\n",
            "-1,",
            "a count's target value must be a whole number, 0 or more, not -1",
        ),
        (
            "kind: count\ntarget: {value: 2.5, comparison: at_least}\n",
            "2.5",
            "a count's target value must be a whole number, 0 or more, not 2.5: counts are whole "
            "numbers, so write 2 or 3, or change kind (e.g. to rate)",
        ),
        (
            'kind: count\ntarget: {value: "10", comparison: at_least}\n',
            '"10"',
            "a count's target value must be a whole number, 0 or more, not '10' "
            "(write the number without quotes, e.g. 1234)",
        ),
        (
            "kind: percentage\ntarget: {value: 120, comparison: at_least}\n",
            "120",
            "a percentage's target value must be a number from 0 to 100, not 120",
        ),
        (
            "kind: rate\ntarget: {value: -0.5, comparison: at_most}\n",
            "-0.5",
            "a rate's target value must be a number, 0 or more, not -0.5",
        ),
        (
            "kind: text\ntarget: {value: 5}\n",
            "5}",
            "a text indicator has no numeric target: write the target in words, or change kind",
        ),
        (
            "kind: text\ntarget: {value: Toimintamalli käytössä, comparison: equal}\n",
            "equal",
            "a text indicator's target has no comparison: remove comparison",
        ),
        (
            "kind: percentage\nbaseline: {period: 2023, value: 101}\n",
            "101",
            "a percentage's baseline value must be a number from 0 to 100, not 101",
        ),
        (
            "kind: count\nbaseline: {period: 2023, value: true}\n",
            "true",
            "a count's baseline value must be a whole number, 0 or more, not True",
        ),
        (
            "kind: yes_no\nbaseline: {period: 2023, value: 1}\n",
            "1}",
            "a yes/no indicator's baseline value must be true or false, not 1",
        ),
    ],
)
def test_i001_target_or_baseline_does_not_fit_the_kind(
    build_plan: Build, body: str, needle: str, message: str
) -> None:
    ind = indicator(body)
    assert check(build_plan, {IND: ind}) == [finding(IND, ind, needle, E, "I001", message)]


def test_i001_numeric_target_needs_a_comparison(build_plan: Build) -> None:
    ind = indicator("kind: count\ntarget:\n  value: 10\n  deadline: 2025\n")
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "target",
            E,
            "I001",
            "the target 10 needs a comparison: add comparison: at_least, at_most or equal (what "
            "counts as reaching it)",
        )
    ]


def test_i001_text_indicator_has_no_baseline(build_plan: Build) -> None:
    ind = indicator("kind: text\nbaseline: {period: 2023, value: 3}\n")
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "baseline",
            E,
            "I001",
            "a text indicator has no numeric baseline: remove baseline (describe the starting "
            "point in notes), or change kind",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        "kind: yes_no\ntarget: {value: true}\nbaseline: {period: 2023, value: false}\n",
        "kind: count\ntarget: {value: 10, comparison: at_least}\n"
        "baseline: {period: 2023, value: 4}\n",
        "kind: percentage\ntarget: {value: 70, comparison: at_least}\n"
        "baseline: {period: 2023, value: 41.5}\n",
        "kind: percentage\ntarget: {reference: national_average, comparison: at_least}\n",
        "kind: rate\nper: 1000\ntarget: {value: 2.5, comparison: at_most}\n",
        "kind: text\ntarget: {value: Toimintamalli käytössä}\n",
    ],
)
def test_i001_targets_that_fit(build_plan: Build, body: str) -> None:
    assert check(build_plan, {IND: indicator(body)}) == []


# --- I002 - I006 recorded values ----------------------------------------------------------------


def test_i002_period_does_not_match_the_reporting_period(build_plan: Build) -> None:
    ind = indicator(
        "kind: count\nreporting_period: year\nvalues:\n  - {period: 2024-H1, value: 3}\n"
    )
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2024-H1",
            E,
            "I002",
            "period 2024-H1 is a half-year but this indicator is reported per year "
            "(reporting_period: year): write the period like 2024, or change reporting_period",
        )
    ]


def test_i002_half_yearly_indicator_with_a_year(build_plan: Build) -> None:
    ind = indicator(
        "kind: count\nreporting_period: half_year\nvalues:\n  - {period: 2025, value: 6}\n"
    )
    findings = check(build_plan, {IND: ind})
    assert [(f.code, f.message) for f in findings] == [
        (
            "I002",
            "period 2025 is a year but this indicator is reported per half-year "
            "(reporting_period: half_year): write the period like 2025-H1 or 2025-H2, or "
            "change reporting_period",
        )
    ]


def test_c02_the_same_period_twice_names_both_lines(build_plan: Build) -> None:
    # The user's case c02 (tests/cases/c02-duplicate-period.yaml) as an indicator's values.
    case = (CASE_COPIES / "c02-duplicate-period.yaml").read_text(encoding="utf-8")
    ind = indicator("kind: count\n" + case)
    first, second = at(ind, "- period: 2024")[0], at(ind, "- period: 2024", 2)[0]
    assert (first, second) == (6, 8)
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2024",
            E,
            "I003",
            "the value for period 2024 is recorded twice: first on line 6, again on line 8; "
            "keep one of them (or correct the period)",
            nth=2,
        )
    ]


def test_i003_duplicates_per_municipality(build_plan: Build) -> None:
    ind = indicator(
        "kind: count\nvalues:\n"
        '  - {period: 2024, value: 1, municipality: "049"}\n'
        '  - {period: 2024, value: 2, municipality: "078"}\n'
        "  - {period: 2024, value: 3}\n"
        '  - {period: 2024, value: 4, municipality: "049"}\n'
    )
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2024",
            E,
            "I003",
            "the value for period 2024, municipality 049 is recorded twice: first on line 6, "
            "again on line 9; keep one of them (or correct the period)",
            nth=4,
        )
    ]


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("yes_no", '"true"', "a yes/no indicator's value must be true or false, not 'true'"),
        ("yes_no", "1", "a yes/no indicator's value must be true or false, not 1"),
        (
            "count",
            "1.5",
            "a count's value must be a whole number, 0 or more, not 1.5: counts are whole "
            "numbers, so write 1 or 2, or change kind (e.g. to rate)",
        ),
        (
            "count",
            "0.25",
            "a count's value must be a whole number, 0 or more, not 0.25: counts are whole "
            "numbers, so write 0 or 1, or change kind (e.g. to rate)",
        ),
        ("count", "-1", "a count's value must be a whole number, 0 or more, not -1"),
        ("count", "true", "a count's value must be a whole number, 0 or more, not True"),
        (
            "count",
            '"1 234"',
            "a count's value must be a whole number, 0 or more, not '1 234' "
            "(write the number without quotes, e.g. 1234)",
        ),
        (
            "percentage",
            '"12,5"',
            "a percentage's value must be a number from 0 to 100, not '12,5' "
            "(write the number without quotes, with a decimal point: 12.5)",
        ),
        (
            "percentage",
            "100.5",
            "a percentage's value must be a number from 0 to 100, not 100.5",
        ),
        ("rate", "-2", "a rate's value must be a number, 0 or more, not -2"),
        ("text", "12", "a text indicator's value must be text, not 12: put it in quotes"),
    ],
)
def test_i004_value_does_not_fit_the_kind(
    build_plan: Build, kind: str, value: str, message: str
) -> None:
    ind = indicator(f"kind: {kind}\nvalues:\n  - period: 2024\n    value: {value}\n")
    line, column = at(ind, f"value: {value}")
    assert check(build_plan, {IND: ind}) == [
        Finding(IND, line, column + len("value: "), E, "I004", message)
    ]


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("yes_no", "false"),
        ("count", "0"),
        ("count", "12.0"),
        ("percentage", "12.5"),
        ("percentage", "100"),
        ("rate", "3.75"),
        ("text", "Käytössä kaikissa kunnissa"),
    ],
)
def test_i004_values_that_fit(build_plan: Build, kind: str, value: str) -> None:
    ind = indicator(f"kind: {kind}\nvalues:\n  - period: 2024\n    value: {value}\n")
    assert check(build_plan, {IND: ind}) == []


def test_i005_value_outside_the_plan_period(build_plan: Build) -> None:
    ind = indicator("kind: count\nvalues:\n  - {period: 2027, value: 3}\n")
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "2027",
            W,
            "I005",
            "period 2027 is outside the plan period (2024-01-01 – 2026-12-31): check the period",
        )
    ]


def test_i006_series_without_a_reference_target(build_plan: Build) -> None:
    ind = indicator("kind: count\nvalues:\n  - {period: 2024, value: 3, series: maan-keskiarvo}\n")
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "maan-keskiarvo",
            E,
            "I006",
            "series 'maan-keskiarvo' is not this indicator's reference series (its target has no "
            "reference series; 'national_average' is allowed when data_source names its "
            "Sotkanet indicator): correct the series, or remove it if this is the indicator's own "
            "value",
        )
    ]


def test_i006_series_other_than_the_reference(build_plan: Build) -> None:
    ind = indicator(
        "kind: percentage\ntarget: {reference: national_average, comparison: at_least}\n"
        "values:\n"
        "  - {period: 2024, value: 30}\n"
        "  - {period: 2024, value: 35, series: national_average}\n"
        "  - {period: 2024, value: 36, series: uusimaa_average}\n"
    )
    assert check(build_plan, {IND: ind}) == [
        finding(
            IND,
            ind,
            "uusimaa_average",
            E,
            "I006",
            "series 'uusimaa_average' is not this indicator's reference series (its target's "
            "reference series is 'national_average'): correct the series, or remove it if this "
            "is the indicator's own value",
        )
    ]


# --- collecting and sorting ---------------------------------------------------------------------


def test_all_findings_are_collected_across_files(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("title: Tavoite yksi", "title: yes")  # a load error (Y004)
    ind = indicator("kind: count\nvalues:\n  - {period: 2024, value: -3}\n")  # a rule error
    ind2 = indicator(
        "kind: count\nvalues:\n  - {period: 2024-05, value: 1}\n",
        head="id: mittari-2\nname: Mittari kaksi\n",
    )
    findings = check(build_plan, {AREA: area, IND: ind, "indicators/mittari-2.yaml": ind2})
    assert [(f.path, f.code, f.severity) for f in findings] == [
        (IND, "I004", E),
        ("indicators/mittari-2.yaml", "I002", E),
        (AREA, "Y004", E),
    ]


def test_findings_are_sorted_by_file_line_and_column(build_plan: Build) -> None:
    ind = indicator(
        "kind: count\nvalues:\n  - {period: 2027, value: -1}\n  - {period: 2024-H1, value: 2.5}\n",
    )
    area = MINIMAL_AREA.replace("deadline: 2024-06", "deadline: 2030") + "  - id: tavoite-2\n"
    area += "    title: Tavoite kaksi\n"
    findings = check(build_plan, {IND: ind, AREA: area})
    assert findings == sorted(findings, key=Finding.sort_key)
    # Files in path order, then by line and column (the period before the value on a line).
    assert [(f.path, f.line, f.code) for f in findings] == [
        (IND, 6, "I005"),
        (IND, 6, "I004"),
        (IND, 7, "I002"),
        (IND, 7, "I004"),
        (AREA, 14, "D001"),
        (AREA, 15, "P004"),
    ]


def test_a_broken_plan_yaml_still_checks_the_other_files(build_plan: Build) -> None:
    plan = MINIMAL_PLAN + "colour: blue\n"
    ind = indicator("kind: count\nvalues:\n  - {period: 2024, value: -3}\n")
    findings = check(build_plan, {PLAN: plan, IND: ind})
    assert [(f.path, f.code) for f in findings] == [(IND, "I004"), (PLAN, "S002")]


# --- errors_only (hyte status and report ask only whether the plan has errors) ----------------


def test_errors_only_finds_the_same_errors_and_skips_only_warnings(build_plan: Build) -> None:
    area = MINIMAL_AREA.replace("title: Tavoite yksi", "title: {fi: Tavoite yksi, se: Ulbmil}")
    area = area.replace("indicators: [mittari-1]", "indicators: [mittari-x]", 1)
    repository = load_repository(
        build_plan({AREA: area, "indicators/mittari-2.yaml": indicator("", head="id: m2\n")})
    )
    everything = validate_repository(repository)
    errors_only = validate_repository(repository, errors_only=True)
    codes = {f.code for f in everything}
    assert {"R002", "S001", "R007", "L002"} <= codes  # errors and warnings of both kinds
    assert [f for f in errors_only if f.severity is E] == [f for f in everything if f.severity is E]
    assert {f.code for f in errors_only} < codes
    assert all(f.severity is W for f in everything if f not in errors_only)


def test_rules_run_in_a_second_process_find_the_same_in_the_same_order(build_plan: Build) -> None:
    # A national-size plan runs some rules in a forked process (hytecli.beside): forced here.
    area = MINIMAL_AREA.replace("title: Tavoite yksi", "title: {fi: Tavoite yksi, se: Ulbmil}")
    area = area.replace("indicators: [mittari-1]", "indicators: [mittari-x]", 1)
    ind = indicator("kind: count\nvalues:\n  - {period: 2027, value: -1}\n")
    repository = load_repository(build_plan({AREA: area, IND: ind}))
    for errors_only in (False, True):
        one_by_one = validate_repository(repository, errors_only=errors_only, parallel=False)
        beside = validate_repository(repository, errors_only=errors_only, parallel=True)
        assert beside == one_by_one
        assert {"I004", "R002"} <= {f.code for f in beside}
