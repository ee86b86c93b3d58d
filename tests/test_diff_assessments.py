"""Assessments in `hyte diff` and `hyte export` (fictional fixtures: the plan of tests/gitplan.py).

An assessment is matched by its year: one added, removed or changed (status in words, text word
by word per language, resources, who assessed and when) is one change each, in text, Markdown
and JSON; `hyte export` carries every assessment with its goal or action.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import write_tree
from gitplan import BASE_FILES, edited
from hytecli.diff_render import render_json, render_markdown, render_text
from hytecli.export import export_plan
from hytecli.plandiff import diff_plans
from hytecli.repository import PlanRepository, load_repository

AREA = "plan/alue-a.yaml"
AT = "        title: Toimenpide kaksi\n"

BEFORE = AT + textwrap.indent(
    """\
assessments:
  - year: 2024
    status: in_progress
    text:
      fi: Koulutus käynnistyi syksyllä kahdessa kunnassa.
      sv: Utbildningen inleddes på hösten.
    resources: {euros: 12000}
    by: Koordinaattori
  - year: 2025
    status: not_started
""",
    " " * 8,
)
AFTER = AT + textwrap.indent(
    """\
assessments:
  - year: 2025
    status: on_track
    date: 2026-02-10
  - year: 2024
    status: completed
    text:
      fi: Koulutus käynnistyi syksyllä kolmessa kunnassa.
      sv: Utbildningen inleddes på hösten.
    resources: {euros: 15000, person_days: 30}
    by: Hyte-koordinaattori
  - year: 2026
    status: merged
    merged_into: tavoite-1
""",
    " " * 8,
)


def load(root: Path, changes: dict[str, str]) -> PlanRepository:
    write_tree(root, {**BASE_FILES, **changes})
    repository = load_repository(root)
    assert repository.findings == []
    return repository


def test_assessments_matched_by_year_in_text_markdown_and_json(tmp_path: Path) -> None:
    before = load(tmp_path / "a", edited(AREA, (AT, BEFORE)))
    after = load(tmp_path / "b", edited(AREA, (AT, AFTER)))
    diff = diff_plans(before, after)
    text = render_text(diff)
    lines = [line for line in text.splitlines() if "assessment" in line]
    # reordering the list is no change; each field is one line, the status in words
    assert lines == [
        "  ~ action toimenpide-2: assessment 2025 status: not started → on track as planned",
        "  + action toimenpide-2: assessment 2025 date added: 2026-02-10",
        "  ~ action toimenpide-2: assessment 2024 status: in progress → completed",
        "  ~ action toimenpide-2: assessment 2024 text: Koulutus käynnistyi syksyllä "
        "[-kahdessa-]{+kolmessa+} kunnassa.",
        "  ~ action toimenpide-2: assessment 2024 resources.euros: 12000 → 15000",
        "  + action toimenpide-2: assessment 2024 resources.person_days added: 30",
        "  ~ action toimenpide-2: assessment 2024 by: Koordinaattori → Hyte-koordinaattori",
        "  + action toimenpide-2: assessment 2026 added: merged; merged_into tavoite-1",
    ]
    markdown = render_markdown(diff)
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 status: in progress → completed"
        in markdown
    )
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 text: Koulutus käynnistyi "
        "syksyllä <del>kahdessa</del><ins>kolmessa</ins> kunnassa." in markdown
    )
    data = json.loads(render_json(diff))
    status = next(c for c in data["changes"] if c["field"] == "assessments.status")
    assert (status["key"], status["old"], status["new"]) == ("2025", "not_started", "on_track")
    texts = [c for c in data["changes"] if c["field"] == "assessments.text"]
    assert [(c["key"], c["language"]) for c in texts] == [("2024", "fi")]
    assert {"op": "insert", "text": "kolmessa"} in texts[0]["words"]


def test_a_removed_assessment_needs_attention(tmp_path: Path) -> None:
    before = load(tmp_path / "a", edited(AREA, (AT, BEFORE)))
    after = load(tmp_path / "b", {})
    diff = diff_plans(before, after)
    removed = [c for c in diff.changes if c.field == "assessments"]
    assert [(c.change, c.key, c.attention) for c in removed] == [
        ("removed", "2024", True),
        ("removed", "2025", True),
    ]
    text = render_text(diff)
    assert (
        "! - action toimenpide-2: assessment 2025 removed (was: not started)" in text.splitlines()
    )
    assert (
        "! - action toimenpide-2: assessment 2024 removed (was: in progress; text Koulutus "
        "käynnistyi syksyllä kahdessa kunnassa., resources euros 12000, by Koordinaattori)"
    ) in text.splitlines()


def test_export_carries_assessments_with_their_item(tmp_path: Path) -> None:
    repository = load(tmp_path / "a", edited(AREA, (AT, AFTER)))
    data = export_plan(repository)
    goal = data["priority_areas"][0]["goals"][0]
    assert goal["assessments"] == []
    action = goal["actions"][1]
    assert action["id"] == "toimenpide-2"
    assert action["assessments"] == [
        {
            "year": 2025,
            "status": "on_track",
            "text": None,
            "merged_into": None,
            "resources": None,
            "by": None,
            "date": "2026-02-10",
        },
        {
            "year": 2024,
            "status": "completed",
            "text": {
                "fi": "Koulutus käynnistyi syksyllä kolmessa kunnassa.",
                "sv": "Utbildningen inleddes på hösten.",
            },
            "merged_into": None,
            "resources": {"euros": 15000.0, "person_days": 30.0, "text": None},
            "by": "Hyte-koordinaattori",
            "date": None,
        },
        {
            "year": 2026,
            "status": "merged",
            "text": None,
            "merged_into": "tavoite-1",
            "resources": None,
            "by": None,
            "date": None,
        },
    ]
    assert list(action)[list(action).index("completed") + 1] == "assessments"
    assert data["plan"]["assessment_round"] == {"opens": "02-01"}
