"""`hyte export` (hytecli.export) on a small fictional plan: shape, determinism, --output, refusals.

The real plan's export is checked against the plan's text in tests/test_real_plan.py; here every
field of docs/export.md is asserted on a fixture small enough to read (tests/conftest.py, with a
second area listed but without a file, deadlines of every form and a few recorded values).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL_PLAN, REPO_ROOT
from hytecli.cli import app
from hytecli.export import FORMAT_VERSION, deadline_dict, export_json, export_plan
from hytecli.models import Deadline, IndicatorValue
from hytecli.repository import load_repository

Build = Callable[..., Path]

PLAN = MINIMAL_PLAN.replace(
    "  - id: alue-a\n    title: Alue A\n",
    "  - id: alue-a\n    title: Alue A\n  - id: alue-b\n    title: {fi: Alue B, sv: Område B}\n",
)
AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
sources: []
goals:
  - id: tavoite-1
    title: Tavoite yksi
    description: Kuvaus
    deadline: {term_end: "2022-2025", wording: valtuustokauden loppuun mennessä}
    responsible: [Testitaho, {fi: Kunnat, sv: Kommunerna}]
    indicators: [mittari-1]
    completed:
      - date: 2025-05-02
        note: Valmis
    actions:
      - id: toimenpide-1
        title: Toimenpide yksi
        deadline: {recurring: annual, day: 03-31}
        indicators: [maara]
        completed:
          - {date: 2024-03-15, period: 2024}
      - id: toimenpide-2
        title: Toimenpide kaksi
        deadline: 2025-05
"""
INDICATOR = """\
# fictional fixture
id: mittari-1
name: Mittari yksi
kind: yes_no
target:
  value: true
  deadline: 2024
values:
  - {period: 2024, value: true, date: 2024-11-30, note: Toteutui}
"""
MAARA = """\
# fictional fixture
id: maara
name: {fi: Määrä, sv: Antal}
kind: count
unit: henkilöä
direction: increase
target: {value: 150, comparison: at_least, deadline: 2026-12-31}
baseline: {period: 2023, value: 100}
data_source: {description: Kuvitteellinen rekisteri, sotkanet_id: 9999}
values:
  - {period: 2024, value: 120}
  - {period: 2024, municipality: "049", value: 40, source: Oma kirjaus}
"""
FILES = {
    "plan/plan.yaml": PLAN,
    "plan/alue-a.yaml": AREA,
    "indicators/mittari-1.yaml": INDICATOR,
    "indicators/maara.yaml": MAARA,
}


@pytest.fixture
def root(build_plan: Build) -> Path:
    return build_plan(FILES)


def run(*args: str):  # noqa: ANN201
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def test_shape(root: Path) -> None:
    data = json.loads(export_json(load_repository(root)))
    assert list(data) == [
        "format",
        "format_version",
        "plan",
        "priority_areas",
        "indicators",
        "years",
    ]
    assert (data["format"], data["format_version"]) == ("hyte-plan-export", FORMAT_VERSION)

    plan = data["plan"]
    assert plan["file"] == "plan/plan.yaml"
    assert plan["listed_areas"] == ["alue-a", "alue-b"]
    assert "priority_areas" not in plan
    assert plan["organisation"]["name"] == {
        "fi": "Testin hyvinvointialue",
        "sv": "Testets välfärdsområde",
    }
    assert plan["period"] == {"start": "2024-01-01", "end": "2026-12-31"}
    assert plan["municipalities"][0] == {"code": "049", "name": {"fi": "Espoo", "sv": "Esbo"}}
    assert plan["notes"] is None

    area, listed_only = data["priority_areas"]
    assert area["id"] == "alue-a" and area["has_section"] and area["file"] == "plan/alue-a.yaml"
    assert (area["number"], area["title"], area["listed_title"]) == (
        1,
        {"fi": "Alue A"},
        {"fi": "Alue A"},
    )
    assert listed_only == {
        "id": "alue-b",
        "listed_title": {"fi": "Alue B", "sv": "Område B"},
        "has_section": False,
        "file": None,
        "number": None,
        "title": None,
        "introduction": None,
        "sources": [],
        "footnotes": [],
        "notes": None,
        "goals": [],
    }

    (goal,) = area["goals"]
    assert list(goal) == [
        "id", "title", "description", "deadline", "responsible", "indicators", "completed",
        "assessments", "notes", "actions",
    ]  # fmt: skip
    assert goal["assessments"] == []
    assert goal["description"] == {"fi": "Kuvaus"}
    assert goal["responsible"] == [{"fi": "Testitaho"}, {"fi": "Kunnat", "sv": "Kommunerna"}]
    assert goal["deadline"] == {
        "form": "term_end",
        "written": "2022-2025",
        "due": "2025-05-31",
        "wording": {"fi": "valtuustokauden loppuun mennessä"},
        "council_term": "2022-2025",
        "annual_day": None,
    }
    assert goal["completed"] == [{"date": "2025-05-02", "period": None, "note": {"fi": "Valmis"}}]
    yearly, monthly = goal["actions"]
    assert "description" not in yearly and "actions" not in yearly
    assert yearly["deadline"] == {
        "form": "annual",
        "written": "annual",
        "due": None,
        "wording": None,
        "council_term": None,
        "annual_day": "03-31",
    }
    assert yearly["completed"] == [{"date": "2024-03-15", "period": "2024", "note": None}]
    assert monthly["deadline"]["form"] == "month" and monthly["deadline"]["due"] == "2025-05-31"

    maara, mittari = data["indicators"]  # sorted by id
    assert (maara["id"], maara["file"], mittari["id"]) == (
        "maara",
        "indicators/maara.yaml",
        "mittari-1",
    )
    assert list(maara)[:2] == ["id", "file"]
    assert maara["referenced_by"] == ["toimenpide-1"] and mittari["referenced_by"] == ["tavoite-1"]
    assert maara["target"]["deadline"]["form"] == "date"
    assert maara["baseline"] == {"period": "2023", "value": 100.0, "source": None, "note": None}
    assert maara["data_source"]["sotkanet_id"] == 9999
    assert maara["values"][1] == {
        "period": "2024",
        "value": 40,
        "municipality": "049",
        "series": None,
        "date": None,
        "note": None,
        "source": {"fi": "Oma kirjaus"},
    }
    assert mittari["target"]["deadline"] == {
        "form": "year",
        "written": "2024",
        "due": "2024-12-31",
        "wording": None,
        "council_term": None,
        "annual_day": None,
    }


def test_an_unknown_council_term_is_exported_without_a_due_date() -> None:
    written = Deadline(term_end="2030-2034", wording="kauden lopussa")  # type: ignore[arg-type]
    assert deadline_dict(None, written) == {
        "form": "term_end",
        "written": "2030-2034",
        "due": None,
        "wording": {"fi": "kauden lopussa"},
        "council_term": "2030-2034",
        "annual_day": None,
    }
    assert deadline_dict(None, None) is None


def test_output_is_deterministic_and_the_cli_prints_it(root: Path) -> None:
    first = export_json(load_repository(root))
    assert first == export_json(load_repository(root))
    assert first.endswith("}\n") and "\n  " in first  # indented
    assert "Määrä" in first  # UTF-8, not \u escapes
    result = run("export", "--repo", str(root))
    assert result.exit_code == 0
    assert result.stdout == first
    assert run("export", "--format", "json", "--repo", str(root)).stdout == first


def test_output_option_writes_the_file(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.json"
    target.parent.mkdir()
    result = run("export", "--output", str(target), "--repo", str(root))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == export_json(load_repository(root))
    again = run("export", "-o", str(target), "--repo", str(root))  # replaced, not appended
    assert again.exit_code == 0
    assert target.read_text(encoding="utf-8") == export_json(load_repository(root))


def test_a_plan_with_a_load_error_is_refused(build_plan: Build, tmp_path: Path) -> None:
    root = build_plan(
        {**FILES, "indicators/maara.yaml": MAARA.replace("kind: count", "kind: lots")}
    )
    target = tmp_path / "plan.json"
    result = run("export", "--output", str(target), "--repo", str(root))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "indicators/maara.yaml:4:7: error S003 'lots' is not allowed" in result.stderr
    assert not target.exists()
    broken_plan = build_plan({**FILES, "plan/plan.yaml": PLAN.replace("id: test", "id: [test")})
    assert run("export", "--repo", str(broken_plan)).exit_code == 1


def test_a_number_that_is_not_finite_raises_instead_of_writing_infinity_b1(root: Path) -> None:
    # The strict reader refuses 1e999 (tests/test_yamlfile.py); a model built another way must
    # still never give "Infinity", which is not JSON.
    repository = load_repository(root)
    record = repository.indicator("maara")
    assert record is not None
    infinite = record.indicator.model_copy(
        update={"values": [IndicatorValue.model_construct(period=2024, value=float("inf"))]}
    )
    changed = dataclasses.replace(
        repository,
        indicators=[
            dataclasses.replace(r, indicator=infinite) if r is record else r
            for r in repository.indicators
        ],
    )
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        export_json(changed)
    assert export_plan(changed)["indicators"][0]["values"][0]["value"] == float("inf")


def test_the_years_texts_are_exported_by_year(tmp_path: Path) -> None:
    """reports/<year>.yaml, the coordinator's texts of each year, are part of the plan's data."""
    import shutil

    root = tmp_path / "year-fixture"
    shutil.copytree(REPO_ROOT / "tests" / "data" / "year-fixture", root)
    data = export_plan(load_repository(root))
    years = data["years"]
    assert [(y["year"], y["file"]) for y in years] == [
        (2024, "reports/2024.yaml"),
        (2025, "reports/2025.yaml"),
    ]
    first = years[0]
    assert list(first) == [
        "year",
        "file",
        "summary",
        "conclusions",
        "next_year",
        "authors",
        "council",
    ]
    assert first["summary"]["sv"].startswith("År 2024 var planens första år.")
    assert first["council"][0] == {
        "body": {"fi": "Aluehallitus", "sv": "Regionstyrelsen"},
        "date": "2025-04-14",
        "section": "§ 45",
        "url": None,
    }
    json.loads(export_json(load_repository(root)))  # and it is written as JSON
    shutil.rmtree(root / "reports")
    assert export_plan(load_repository(root))["years"] == []
