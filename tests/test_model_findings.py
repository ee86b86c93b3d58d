"""Shape errors in plain words: no value converted between kinds, unknown fields placed right.

Fictional fixtures on the minimal plan of tests/conftest.py; each changes one value and asserts the
located finding (hytecli.model_findings).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR, MINIMAL_PLAN
from hytecli.cli import app
from hytecli.findings import Finding
from hytecli.model_findings import unknown_field_message
from hytecli.models import AreaFile, Goal
from hytecli.repository import load_repository

Build = Callable[..., Path]
AREA = "plan/alue-a.yaml"
IND = "indicators/mittari-1.yaml"
PLAN = "plan/plan.yaml"


def load_findings(build_plan: Build, files: dict[str, str]) -> list[Finding]:
    return sorted(load_repository(build_plan(files)).findings, key=Finding.sort_key)


def at(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# --- no coercion between kinds --------------------------------------------------------------------

COUNT = MINIMAL_INDICATOR.replace("kind: yes_no", "kind: count").replace(
    "  value: true\n", "  value: 10\n  comparison: at_least\n"
)


@pytest.mark.parametrize(
    ("path", "text", "needle", "message"),
    [
        (
            AREA,
            MINIMAL_AREA.replace("number: 1", 'number: "1"'),
            '"1"',
            "'number' must be a whole number, found \"1\" (text in quotes): write the number "
            "without quotes (e.g. number: 12)",
        ),
        (
            AREA,
            MINIMAL_AREA.replace("number: 1", "number: true"),
            "true",
            "'number' must be a whole number, found true: write a whole number (e.g. number: 12)",
        ),
        (
            AREA,
            MINIMAL_AREA.replace("number: 1", "number: 1.5"),
            "1.5",
            "'number' must be a whole number, found 1.5",
        ),
        (
            IND,
            COUNT + "per: '1000'\n",
            "'1000'",
            "'per' must be a whole number, found \"1000\" (text in quotes): write the number "
            "without quotes (e.g. per: 12)",
        ),
        (
            IND,
            COUNT + "baseline: {period: 2023, value: '12.5'}\n",
            "'12.5'",
            "a baseline value must be true/false (a yes/no indicator) or a number, found "
            '"12.5" (text in quotes): write it without quotes (e.g. value: 12.5, or value: true)',
        ),
        (
            IND,
            COUNT + "data_source: {sotkanet_id: false}\n",
            "false",
            "'sotkanet_id' must be a whole number, found false: write a whole number "
            "(e.g. sotkanet_id: 12)",
        ),
        (
            AREA,
            MINIMAL_AREA.replace("responsible: [Testitaho]", "responsible: Testitaho"),
            "Testitaho",
            "'responsible' must be a list, found \"Testitaho\" (text in quotes): write it as a "
            "list, e.g. responsible: [Testitaho], or one '- ' line per item",
        ),
        (
            AREA,
            MINIMAL_AREA.replace("indicators: [mittari-1]", "indicators: mittari-1"),
            "mittari-1",
            "'indicators' must be a list, found \"mittari-1\" (text in quotes): write it as a "
            "list, e.g. indicators: [mittari-1], or one '- ' line per item",
        ),
        (
            PLAN,
            MINIMAL_PLAN.replace("id: testi", "schema_version: true\nid: testi", 1),
            "true",
            "schema_version must be the number 1, not true or false",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_a_located_error(
    build_plan: Build, path: str, text: str, needle: str, message: str
) -> None:
    findings = load_findings(build_plan, {path: text})
    line, column = at(text, needle)
    assert [(f.path, f.line, f.column, f.code, f.message) for f in findings] == [
        (path, line, column, "S003", message)
    ]


def test_minimal_plan_still_names_its_plan_id() -> None:
    # The schema_version case above relies on this line of the fixture.
    assert "\nid: testi" in "\n" + MINIMAL_PLAN


YES_NO_BASELINE = MINIMAL_INDICATOR + "baseline: {period: 2023, value: true}\n"


def test_a_yes_no_baseline_stays_true_in_the_model(build_plan: Build) -> None:
    repository = load_repository(build_plan({IND: YES_NO_BASELINE}))
    assert repository.findings == []
    baseline = repository.indicators[0].indicator.baseline
    assert baseline is not None and baseline.value is True


def test_a_number_baseline_is_still_a_number(build_plan: Build) -> None:
    repository = load_repository(build_plan({IND: COUNT + "baseline: {period: 2023, value: 7}\n"}))
    baseline = repository.indicators[0].indicator.baseline
    assert baseline is not None and baseline.value == 7 and not isinstance(baseline.value, bool)


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_yes_no_baseline_is_true_in_the_export(build_plan: Build) -> None:
    root = build_plan({IND: YES_NO_BASELINE})
    exported = json.loads(_run("export", "--repo", str(root)))
    assert exported["indicators"][0]["baseline"]["value"] is True


def test_a_yes_no_baseline_reads_as_yes_in_the_report(build_plan: Build) -> None:
    root = build_plan({IND: YES_NO_BASELINE})
    report = _run("report", "--repo", str(root), "--year", "2024", "--lang", "en")
    assert any(
        line.startswith("- ") and "baseline: yes (2023)" in line for line in report.splitlines()
    )


# --- unknown fields ----------------------------------------------------------------------------


def test_a_key_at_the_wrong_level_says_where_it_belongs(build_plan: Build) -> None:
    # 'actions' indented under an action instead of its goal
    area = MINIMAL_AREA.replace(
        "        deadline: 2024-06\n",
        "        deadline: 2024-06\n        actions: []\n",
    )
    findings = load_findings(build_plan, {AREA: area})
    line, column = at(area, "        actions: []")
    assert [(f.line, f.column, f.code, f.message) for f in findings] == [
        (
            line,
            column + 8,
            "S002",
            "unknown field 'actions' in an action (actions of a goal): 'actions' belongs under "
            "a goal; move it there (check its indentation) or remove it",
        )
    ]
    assert "did you mean 'actions'" not in findings[0].message


def test_a_top_level_key_that_belongs_in_a_goal(build_plan: Build) -> None:
    findings = load_findings(build_plan, {AREA: MINIMAL_AREA + "actions: []\n"})
    assert [f.message for f in findings] == [
        "unknown field 'actions' in the top of a priority-area file (plan/<area>.yaml): 'actions' "
        "belongs under a goal; move it there (check its indentation) or remove it"
    ]


@pytest.mark.parametrize(
    ("name", "here", "expected"),
    [
        ("deadlin", Goal, "unknown field 'deadlin' in a goal: did you mean 'deadline'?"),
        ("indicator", Goal, "unknown field 'indicator' in a goal: did you mean 'indicators'?"),
        ("colour", AreaFile, "unknown field 'colour' in the top of a priority-area file "),
        ("zzzz", None, "unknown field 'zzzz': remove it or check its spelling"),
    ],
)
def test_suggestions_are_other_names(name: str, here: type | None, expected: str) -> None:
    message = unknown_field_message(name, here)
    assert message.startswith(expected)
    assert f"did you mean '{name}'" not in message
