"""`hyte diff` on temporary git repositories with real commits: each kind of change in all three
formats (text, markdown, json), and the renames and reorderings that must not show as changes.

Each case commits the base plan (tests/gitplan.py) on main, then the case's edits on a branch, and
runs `hyte diff` with its defaults (the merge base with main → the working tree).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from gitplan import commit, edited, git, git_env, init_repo  # noqa: F401
from hytecli.cli import app

FORMATS = ("text", "markdown", "json")


def run_diff(repo: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, ["diff", "--repo", str(repo), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _matches(actual: Any, expected: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _matches(actual[key], value) for key, value in expected.items()
        )
    return bool(actual == expected)


@dataclass
class Case:
    """One kind of change: the head's edits and what each format must show."""

    id: str
    head: dict[str, str | None]
    changes: list[dict[str, Any]]
    text: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    renames: list[tuple[str, str]] = field(default_factory=list)


NEW_GOAL = """\
  - id: tavoite-4
    title: Uusi tavoite
    deadline: {due: 2026, wording: vuoteen 2026 mennessä}
    responsible: [Uusi taho]
"""

CASES = [
    Case(
        "goal added",
        edited(
            "plan/alue-b.yaml",
            ("        title: Toimenpide kolme\n", "        title: Toimenpide kolme\n" + NEW_GOAL),
        ),
        [
            {
                "entity": "goal",
                "id": "tavoite-4",
                "change": "added",
                "area": "alue-b",
                "value_type": "entity",
                "attention": False,
                "new": {"title": {"fi": "Uusi tavoite"}, "deadline": {"due": "2026-12-31"}},
            }
        ],
        text=[
            "Plan changes from merge base of HEAD and main (",
            "1 change (1 added)",
            "Priority area 2. Alue B (alue-b)",
            "  + goal tavoite-4: Uusi tavoite (deadline 2026 “vuoteen 2026 mennessä” "
            "(due 2026-12-31); responsible Uusi taho)",
        ],
        markdown=[
            "## Plan changes\n",
            "### Priority area 2. Alue B (alue-b)",
            "- **Added** goal `tavoite-4`: Uusi tavoite — deadline 2026",
        ],
    ),
    Case(
        "goal removed",
        edited(
            "plan/alue-a.yaml",
            (
                """  - id: tavoite-2
    title: Tavoite kaksi
    responsible: [Toinen taho]
    indicators: [mittari-2]
""",
                "",
            ),
        ),
        [
            {
                "entity": "goal",
                "id": "tavoite-2",
                "change": "removed",
                "area": "alue-a",
                "attention": True,
                "old": {"responsible": [{"fi": "Toinen taho"}]},
            }
        ],
        text=["! - goal tavoite-2: Tavoite kaksi (responsible Toinen taho)", "1 needs attention"],
        markdown=[
            "## Plan changes — ⚠️ 1 needs attention",
            "- ⚠️ **Removed** goal `tavoite-2`: <del>Tavoite kaksi</del>",
        ],
    ),
    Case(
        "action added and action removed",
        edited(
            "plan/alue-a.yaml",
            (
                """      - id: toimenpide-2
        title: Toimenpide kaksi
""",
                """      - id: toimenpide-5
        title: Toimenpide viisi
""",
            ),
        ),
        [
            {
                "entity": "action",
                "id": "toimenpide-5",
                "change": "added",
                "goal": "tavoite-1",
                "area": "alue-a",
            },
            {
                "entity": "action",
                "id": "toimenpide-2",
                "change": "removed",
                "goal": "tavoite-1",
                "attention": True,
            },
        ],
        text=[
            "  + action toimenpide-5: Toimenpide viisi",
            "! - action toimenpide-2: Toimenpide kaksi",
        ],
        markdown=[
            "- **Added** action `toimenpide-5`: Toimenpide viisi",
            "- ⚠️ **Removed** action `toimenpide-2`: <del>Toimenpide kaksi</del>",
        ],
    ),
    Case(
        "goal moved to another area",
        {
            **edited(
                "plan/alue-a.yaml",
                (
                    """  - id: tavoite-2
    title: Tavoite kaksi
    responsible: [Toinen taho]
    indicators: [mittari-2]
""",
                    "",
                ),
            ),
            **edited(
                "plan/alue-b.yaml",
                (
                    "goals:\n",
                    """goals:
  - id: tavoite-2
    title: Tavoite kaksi
    responsible: [Toinen taho]
    indicators: [mittari-2]
""",
                ),
            ),
        },
        [
            {
                "entity": "goal",
                "id": "tavoite-2",
                "change": "moved",
                "value_type": "parent",
                "old": {"area": "alue-a"},
                "new": {"area": "alue-b"},
                "area": "alue-b",
                "attention": False,
            }
        ],
        text=["  > goal tavoite-2: moved from area alue-a to area alue-b"],
        markdown=["- **Moved** goal `tavoite-2` from area alue-a to area alue-b"],
    ),
    Case(
        "action moved to another goal",
        edited(
            "plan/alue-a.yaml",
            (
                """      - id: toimenpide-2
        title: Toimenpide kaksi
""",
                "",
            ),
            (
                """    indicators: [mittari-2]
""",
                """    indicators: [mittari-2]
    actions:
      - id: toimenpide-2
        title: Toimenpide kaksi
""",
            ),
        ),
        [
            {
                "entity": "action",
                "id": "toimenpide-2",
                "change": "moved",
                "goal": "tavoite-2",
                "old": {"area": "alue-a", "goal": "tavoite-1"},
                "new": {"area": "alue-a", "goal": "tavoite-2"},
            }
        ],
        text=[
            "  > action toimenpide-2: moved from goal tavoite-1 (area alue-a) to goal tavoite-2 "
            "(area alue-a)"
        ],
        markdown=["- **Moved** action `toimenpide-2` from goal tavoite-1 (area alue-a) to goal"],
    ),
    Case(
        "area added",
        {
            **edited(
                "plan/plan.yaml",
                (
                    "  - id: alue-b\n    title: Alue B\n",
                    "  - id: alue-b\n    title: Alue B\n  - id: alue-c\n    title: Alue C\n",
                ),
            ),
            "plan/alue-c.yaml": "id: alue-c\nnumber: 3\ntitle: Alue C\ngoals:\n" + NEW_GOAL,
        },
        [
            {
                "entity": "plan",
                "change": "added",
                "field": "priority_areas",
                "key": "alue-c",
                "value_type": "item",
                "new": {"id": "alue-c", "title": {"fi": "Alue C"}},
            },
            {"entity": "area", "id": "alue-c", "change": "added", "area": "alue-c"},
            {"entity": "goal", "id": "tavoite-4", "change": "added", "area": "alue-c"},
        ],
        text=[
            "  + plan: priority_areas[alue-c] added: title Alue C",
            "Priority area 3. Alue C (alue-c)",
            "  + area alue-c: Alue C",
        ],
        markdown=["### Priority area 3. Alue C (alue-c)", "- **Added** area `alue-c`: Alue C"],
    ),
    Case(
        "area removed",
        {
            **edited("plan/plan.yaml", ("  - id: alue-b\n    title: Alue B\n", "")),
            "plan/alue-b.yaml": None,
        },
        [
            {
                "entity": "plan",
                "change": "removed",
                "field": "priority_areas",
                "key": "alue-b",
                "attention": True,
            },
            {"entity": "area", "id": "alue-b", "change": "removed", "attention": True},
            {"entity": "goal", "id": "tavoite-3", "change": "removed", "area": "alue-b"},
            {"entity": "action", "id": "toimenpide-3", "change": "removed", "goal": "tavoite-3"},
        ],
        text=[
            "! - area alue-b: Alue B",
            "! - goal tavoite-3: Tavoite kolme",
            "! - action toimenpide-3: Toimenpide kolme",
        ],
        markdown=[
            "- ⚠️ **Removed** area `alue-b`: <del>Alue B</del>",
            "- ⚠️ **Removed** plan priority\\_areas\\[alue-b\\] (was: title Alue B)",
        ],
    ),
    Case(
        "deadline moved later, with the plan's wording and normalised dates",
        edited(
            "plan/alue-a.yaml",
            (
                "deadline: {due: 2025, wording: vuoden 2025 loppuun mennessä}",
                "deadline: {due: 2026-06, wording: kesäkuuhun 2026 mennessä}",
            ),
        ),
        [
            {
                "entity": "goal",
                "id": "tavoite-1",
                "change": "changed",
                "field": "deadline",
                "value_type": "deadline",
                "lowered": True,
                "attention": True,
                "old": {
                    "form": "year",
                    "written": "2025",
                    "due": "2025-12-31",
                    "wording": {"fi": "vuoden 2025 loppuun mennessä"},
                },
                "new": {
                    "form": "month",
                    "written": "2026-06",
                    "due": "2026-06-30",
                    "wording": {"fi": "kesäkuuhun 2026 mennessä"},
                },
            }
        ],
        text=[
            "! ~ goal tavoite-1: deadline: 2025 “vuoden 2025 loppuun mennessä” (due 2025-12-31) "
            "→ 2026-06 “kesäkuuhun 2026 mennessä” (due 2026-06-30)  [later]"
        ],
        markdown=[
            "- ⚠️ **Later** goal `tavoite-1` deadline: 2025 “vuoden 2025 loppuun mennessä” "
            "(due 2025-12-31) → 2026-06 “kesäkuuhun 2026 mennessä” (due 2026-06-30)"
        ],
    ),
    Case(
        "deadline moved earlier, and a deadline added as the end of a council term",
        edited(
            "plan/alue-a.yaml",
            ("deadline: 2024-06", "deadline: 2024-03"),
            (
                "    responsible: [Toinen taho]\n",
                "    responsible: [Toinen taho]\n"
                '    deadline: {term_end: "2022-2025", '
                "wording: valtuustokauden loppuun mennessä}\n",
            ),
        ),
        [
            {
                "entity": "action",
                "id": "toimenpide-1",
                "field": "deadline",
                "change": "changed",
                "lowered": False,
                "attention": False,
                "old": {"due": "2024-06-30"},
                "new": {"due": "2024-03-31"},
            },
            {
                "entity": "goal",
                "id": "tavoite-2",
                "field": "deadline",
                "change": "added",
                "new": {"form": "term_end", "council_term": "2022-2025", "due": "2025-05-31"},
            },
        ],
        text=[
            "  ~ action toimenpide-1: deadline: 2024-06 (due 2024-06-30) → 2024-03 "
            "(due 2024-03-31)",
            "  + goal tavoite-2: deadline added: end of council term 2022-2025 “valtuustokauden "
            "loppuun mennessä” (due 2025-05-31)",
        ],
        markdown=[
            "- **Changed** action `toimenpide-1` deadline: 2024-06 (due 2024-06-30) → 2024-03",
            "- **Added** goal `tavoite-2` deadline: end of council term 2022-2025",
        ],
    ),
    Case(
        "target lowered: at_least decreased, at_most increased; a raised target is not lowered",
        {
            **edited("indicators/mittari-2.yaml", ("  value: 100\n", "  value: 80\n")),
            **edited("indicators/mittari-3.yaml", ("value: 14", "value: 21")),
            **edited("indicators/mittari-1.yaml", ("deadline: 2024", "deadline: 2024-06")),
        },
        [
            {
                "entity": "indicator",
                "id": "mittari-2",
                "field": "target.value",
                "old": 100,
                "new": 80,
                "lowered": True,
                "attention": True,
            },
            {
                "entity": "indicator",
                "id": "mittari-3",
                "field": "target.value",
                "old": 14,
                "new": 21,
                "lowered": True,
            },
            {
                "entity": "indicator",
                "id": "mittari-1",
                "field": "target.deadline",
                "lowered": False,
            },
        ],
        text=[
            "Indicators",
            "! ~ indicator mittari-2: target.value: 100 → 80  [lowered]",
            "! ~ indicator mittari-3: target.value: 14 → 21  [lowered]",
        ],
        markdown=["### Indicators", "- ⚠️ **Lowered** indicator `mittari-2` target.value: 100 → 80"],
    ),
    Case(
        "target raised, target deadline later, baseline, direction, kind and unit changed",
        {
            **edited(
                "indicators/mittari-2.yaml",
                ("  value: 100\n", "  value: 120\n"),
                ("{due: 2026, wording: vuoteen 2026 mennessä}", "2027"),
                ("value: 40}", "value: 45}"),
                ("direction: increase", "direction: none"),
                ("kind: count\nunit: kpl\n", "kind: percentage\n"),
            ),
        },
        [
            {"field": "target.value", "old": 100, "new": 120, "lowered": False},
            {"field": "target.deadline", "lowered": True, "new": {"due": "2027-12-31"}},
            {"field": "baseline.value", "old": 40, "new": 45},
            {"field": "direction", "old": "increase", "new": "none"},
            {"field": "kind", "old": "count", "new": "percentage"},
            {"field": "unit", "change": "removed", "language": "fi", "old": "kpl"},
        ],
        text=[
            "  ~ indicator mittari-2: target.value: 100 → 120",
            "  ~ indicator mittari-2: direction: increase → none",
            "  ~ indicator mittari-2: kind: count → percentage",
            "  ~ indicator mittari-2: baseline.value: 40 → 45",
        ],
        markdown=[
            "- **Changed** indicator `mittari-2` kind: count → percentage",
            "- ⚠️ **Later** indicator `mittari-2` target.deadline:",
        ],
    ),
    Case(
        "responsible party changed",
        edited(
            "plan/alue-a.yaml", ("responsible: [Testitaho]", "responsible: [Testitaho, Kunnat]")
        ),
        [
            {
                "entity": "goal",
                "id": "tavoite-1",
                "field": "responsible",
                "value_type": "set",
                "old": [{"fi": "Testitaho"}],
                "new": [{"fi": "Testitaho"}, {"fi": "Kunnat"}],
            }
        ],
        text=["  ~ goal tavoite-1: responsible: Testitaho → Testitaho; Kunnat"],
        markdown=["- **Changed** goal `tavoite-1` responsible: Testitaho → Testitaho; Kunnat"],
    ),
    Case(
        "text edited word by word",
        edited("plan/alue-a.yaml", ("yhdessä kuntien kanssa", "yhdessä järjestöjen kanssa")),
        [
            {
                "entity": "action",
                "id": "toimenpide-1",
                "field": "title",
                "language": "fi",
                "value_type": "text",
                "old": "Toimenpide yksi tehdään yhdessä kuntien kanssa",
                "new": "Toimenpide yksi tehdään yhdessä järjestöjen kanssa",
                "words": [
                    {"op": "equal", "text": "Toimenpide yksi tehdään yhdessä "},
                    {"op": "delete", "text": "kuntien"},
                    {"op": "insert", "text": "järjestöjen"},
                    {"op": "equal", "text": " kanssa"},
                ],
            }
        ],
        text=[
            "  ~ action toimenpide-1: title: Toimenpide yksi tehdään yhdessä "
            "[-kuntien-]{+järjestöjen+} kanssa"
        ],
        markdown=[
            "- **Changed** action `toimenpide-1` title: Toimenpide yksi tehdään yhdessä "
            "<del>kuntien</del><ins>järjestöjen</ins> kanssa"
        ],
    ),
    Case(
        "indicator values recorded, replaced and removed",
        edited(
            "indicators/mittari-2.yaml",
            (
                """  - period: 2023
    value: 40
  - period: 2024
    value: 50
""",
                """  - period: 2024
    value: 55
    note: korjattu
  - period: 2025
    value: 60
  - period: 2025
    municipality: "049"
    value: 20
""",
            ),
        ),
        [
            {
                "field": "values",
                "key": "2023",
                "change": "removed",
                "attention": True,
                "old": {"period": "2023", "value": 40},
            },
            {"field": "values.value", "key": "2024", "change": "changed", "old": 50, "new": 55},
            {"field": "values.note", "key": "2024", "change": "added", "new": "korjattu"},
            {"field": "values", "key": "2025", "change": "added", "new": {"value": 60}},
            {
                "field": "values",
                "key": "2025 · 049",
                "change": "added",
                "new": {"municipality": "049", "value": 20},
            },
        ],
        text=[
            "  ~ indicator mittari-2: value 2024 replaced: 50 → 55",
            "  + indicator mittari-2: value 2025 recorded: 60",
            "  + indicator mittari-2: value 2025 · 049 recorded: 20",
            "! - indicator mittari-2: value 2023 removed (was: 40)",
        ],
        markdown=[
            "- **Replaced** indicator `mittari-2` value 2024: 50 → 55",
            "- **Recorded** indicator `mittari-2` value 2025: 60",
            "- ⚠️ **Removed** indicator `mittari-2` value 2023 (was: 40)",
        ],
    ),
    Case(
        "plan metadata: period, council terms, municipalities, priority area titles",
        edited(
            "plan/plan.yaml",
            ("end: 2026-12-31}", "end: 2027-12-31}"),
            (
                "            end: 2029-05-31\n".replace("            ", "    "),
                '    end: 2029-05-31\n  - id: "2029-2033"\n    start: 2029-06-01\n'
                "    end: 2033-05-31\n",
            ),
            ('  - code: "078"\n    name: {fi: Hanko, sv: Hangö}\n', ""),
            ("    title: Alue A\n", "    title: Alue A ja sen hyvinvointi\n"),
            ("short_name: TEST", "short_name: TESTI"),
        ),
        [
            {
                "entity": "plan",
                "id": "testisuunnitelma",
                "field": "period.end",
                "old": "2026-12-31",
                "new": "2027-12-31",
            },
            {
                "field": "council_terms",
                "key": "2029-2033",
                "change": "added",
                "new": {"start": "2029-06-01", "end": "2033-05-31"},
            },
            {"field": "municipalities", "key": "078", "change": "removed", "attention": True},
            {
                "field": "priority_areas.title",
                "key": "alue-a",
                "value_type": "text",
                "words": [
                    {"op": "equal", "text": "Alue A"},
                    {"op": "insert", "text": " ja sen hyvinvointi"},
                ],
            },
            {"field": "organisation.short_name", "old": "TEST", "new": "TESTI"},
        ],
        text=[
            "Plan: Testisuunnitelma 2024–2026",
            "  ~ plan: period.end: 2026-12-31 → 2027-12-31",
            "  + plan: council_terms[2029-2033] added: start 2029-06-01, end 2033-05-31",
            "! - plan: municipalities[078] removed (was: name Hanko)",
            "  ~ plan: priority_areas[alue-a].title: Alue A{+ ja sen hyvinvointi+}",
        ],
        markdown=[
            "### Plan: Testisuunnitelma 2024–2026",
            "- **Changed** plan priority\\_areas\\[alue-a\\].title: Alue A "
            "<ins>ja sen hyvinvointi</ins>",
            "- ⚠️ **Removed** plan municipalities\\[078\\] (was: name Hanko)",
        ],
    ),
    Case(
        "indicator added and indicator removed",
        {
            "indicators/mittari-3.yaml": None,
            "indicators/mittari-4.yaml": "id: mittari-4\nname: Uusi mittari\nkind: count\n"
            "target: {value: 5, comparison: at_least, deadline: 2026}\n",
        },
        [
            {
                "entity": "indicator",
                "id": "mittari-4",
                "change": "added",
                "new": {"kind": "count", "target": {"value": 5, "deadline": {"due": "2026-12-31"}}},
            },
            {"entity": "indicator", "id": "mittari-3", "change": "removed", "attention": True},
        ],
        text=[
            "  + indicator mittari-4: Uusi mittari (kind count; target value 5, comparison "
            "at_least, deadline 2026 (due 2026-12-31))",
            "! - indicator mittari-3: Odotusaika päivinä",
        ],
        markdown=[
            "- **Added** indicator `mittari-4`: Uusi mittari",
            "- ⚠️ **Removed** indicator `mittari-3`: <del>Odotusaika päivinä</del>",
        ],
    ),
]


@pytest.mark.usefixtures("git_env")
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_kind_of_change_in_all_formats(tmp_path: Path, case: Case) -> None:
    repo = init_repo(tmp_path / "plan")
    git(repo, "checkout", "--quiet", "-b", "feature")
    for old, new in case.renames:
        git(repo, "mv", old, new)
    commit(repo, case.head)
    results = {fmt: run_diff(repo, "--format", fmt) for fmt in FORMATS}
    for result in results.values():
        assert result.exit_code == 0, result.output
    data = json.loads(results["json"].stdout)
    changes = data["changes"]
    for expected in case.changes:
        assert any(_matches(change, expected) for change in changes), (expected, changes)
    assert data["summary"]["total"] == len(changes) == len(case.changes), changes
    for snippet in case.text:
        assert snippet in results["text"].stdout, results["text"].stdout
    for snippet in case.markdown:
        assert snippet in results["markdown"].stdout, results["markdown"].stdout


RENAMED_AND_REORDERED = {
    # goals, actions and keys reordered, flow style written as block style, comments added
    "plan/a-alue.yaml": """\
        # fictional fixture, renamed from alue-a.yaml
        title: Alue A
        number: 1
        id: alue-a
        goals:
          - id: tavoite-2   # now first
            indicators: [mittari-2]
            responsible: [Toinen taho]
            title: Tavoite kaksi
          - id: tavoite-1
            title: Tavoite yksi
            deadline:
              wording: vuoden 2025 loppuun mennessä
              due: 2025
            responsible:
              - Testitaho
            indicators: [mittari-1]
            actions:
              - id: toimenpide-2
                title: Toimenpide kaksi
              - id: toimenpide-1
                title: Toimenpide yksi tehdään yhdessä kuntien kanssa
                deadline: 2024-06
        """,
    "plan/plan.yaml": """\
        # fictional fixture, lists reordered
        id: testisuunnitelma
        title: Testisuunnitelma 2024–2026
        organisation:
          short_name: TEST
          name: {sv: Testets välfärdsområde, fi: Testin hyvinvointialue}
        period: {end: 2026-12-31, start: 2024-01-01}
        council_terms:
          - id: "2025-2029"
            start: 2025-06-01
            end: 2029-05-31
          - id: "2022-2025"
            start: 2022-03-01
            end: 2025-05-31
        priority_areas:
          - id: alue-b
            title: Alue B
          - id: alue-a
            title: Alue A
        municipalities:
          - code: "078"
            name: {fi: Hanko, sv: Hangö}
          - code: "049"
            name: {fi: Espoo, sv: Esbo}
        """,
    "indicators/osallistujat.yml": """\
        # fictional fixture, renamed from mittari-2.yaml, values reordered
        id: mittari-2
        name: Osallistujien määrä
        kind: count
        unit: kpl
        direction: increase
        target:
          comparison: at_least
          value: 100.0
          deadline: {wording: vuoteen 2026 mennessä, due: 2026}
        baseline: {period: 2023, value: 40}
        values:
          - period: 2024
            value: 50
          - period: 2023
            value: 40
        """,
}


@pytest.mark.usefixtures("git_env")
def test_renamed_files_and_reordering_are_not_changes(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    git(repo, "checkout", "--quiet", "-b", "feature")
    git(repo, "mv", "plan/alue-a.yaml", "plan/a-alue.yaml")
    git(repo, "mv", "indicators/mittari-2.yaml", "indicators/osallistujat.yml")
    commit(repo, RENAMED_AND_REORDERED)
    assert git(repo, "diff", "--name-status", "-M", "main", "HEAD")  # git sees changes
    text = run_diff(repo)
    assert text.exit_code == 0
    assert text.stdout.startswith("No plan changes from merge base of HEAD and main (")
    assert text.stdout.endswith(" to working tree.\n")
    markdown = run_diff(repo, "--format", "markdown")
    assert "No plan changes from" in markdown.stdout
    assert "###" not in markdown.stdout
    data = json.loads(run_diff(repo, "--format", "json").stdout)
    assert data["changes"] == [] and data["sections"] == []
    assert data["summary"]["total"] == 0
    assert run_diff(repo, "--exit-code").exit_code == 0


def test_json_is_strict_json_b1(monkeypatch: pytest.MonkeyPatch) -> None:
    # A regression that let an infinite value into a diff must fail loudly rather than print
    # "Infinity", which JSON parsers refuse.
    import hytecli.diff_render as diff_render

    monkeypatch.setattr(diff_render, "diff_dict", lambda diff: {"old": 1, "new": float("inf")})
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        diff_render.render_json(None)  # type: ignore[arg-type]


@pytest.mark.usefixtures("git_env")
def test_markdown_mentions_nobody_on_github(tmp_path: Path) -> None:
    # A diff posted as a pull-request comment must not notify "@luvn-team" or link issue #12,
    # in a word-by-word text edit nor in a whole title (an added goal).
    repo = init_repo(tmp_path / "plan")
    commit(
        repo,
        edited(
            "plan/alue-b.yaml",
            ("title: Tavoite kolme", "title: 'Tavoite kolme @luvn-team #12'"),
            (
                "title: Toimenpide kolme",
                "title: Toimenpide kolme\n  - id: uusi\n    title: Kysy @kunnat GH-3",
            ),
        ),
    )
    markdown = run_diff(repo, "--format", "markdown", "HEAD~1", "HEAD").stdout
    assert "<ins>@<!-- -->luvn-team \\#<!-- -->12</ins>" in markdown
    assert "Kysy @<!-- -->kunnat GH-<!-- -->3" in markdown
    assert not re.search(r"@[a-z]|#[0-9]|GH-[0-9]", markdown)
    # The text format is not Markdown: the plan text is shown as written.
    assert "@luvn-team #12" in run_diff(repo, "HEAD~1", "HEAD").stdout


def test_a_change_only_in_another_language_says_which(tmp_path: Path) -> None:
    # a Swedish wording added to a deadline (as `hyte translate import` writes it) read
    # "X → X" in the plan's language; it says which language changed instead
    repo = init_repo(tmp_path / "plan")
    git(repo, "checkout", "--quiet", "-b", "feature")
    commit(
        repo,
        edited(
            "plan/alue-a.yaml",
            (
                "wording: vuoden 2025 loppuun mennessä}",
                "wording: {fi: vuoden 2025 loppuun mennessä, sv: före utgången av 2025}}",
            ),
        ),
    )
    text = run_diff(repo).stdout
    line = next(line for line in text.splitlines() if "deadline" in line)
    # the Swedish wording is new: shown, with its language
    assert line.endswith("(added in sv: “före utgången av 2025”)") and "→" not in line, line
    markdown = run_diff(repo, "--format", "markdown").stdout
    assert "(added in sv: “före utgången av 2025”)" in markdown
    data = json.loads(run_diff(repo, "--format", "json").stdout)
    [change] = [c for c in data["changes"] if c["field"] == "deadline"]
    assert change["languages"] == ["sv"]
    # changed again in Swedish only: said, not shown
    commit(
        repo,
        edited(
            "plan/alue-a.yaml",
            (
                "wording: vuoden 2025 loppuun mennessä}",
                ("wording: {fi: vuoden 2025 loppuun mennessä, sv: senast i slutet av 2025}}"),
            ),
        ),
    )
    line = next(line for line in run_diff(repo, "HEAD~1").stdout.splitlines() if "deadline" in line)
    assert line.endswith("(due 2025-12-31) (changed in sv)"), line


def test_languages_changed_besides_the_shown_one() -> None:
    from hytecli.diff_languages import LanguageChange, language_changes

    def kinds(old: object, new: object) -> list[tuple[str, str]]:
        return [(c.language, c.kind) for c in language_changes(old, new, "fi")]

    assert kinds("a", {"fi": "a", "sv": "b"}) == [("sv", "added")]
    assert kinds({"x": {"fi": "a"}}, {"x": {"fi": "a", "en": "c"}}) == [("en", "added")]
    assert kinds([{"fi": "a", "sv": "b"}], [{"fi": "a", "sv": "B"}]) == [("sv", "changed")]
    assert kinds({"fi": "a", "sv": "b"}, {"fi": "a"}) == [("sv", "removed")]
    assert kinds({"fi": "a"}, {"fi": "b"}) == []  # shown: "a → b"
    assert kinds(1, 2) == []
    # an item added: its texts in other languages are new, with their text
    assert language_changes(None, {"year": 2024, "text": {"sv": "ny"}}, "fi") == [
        LanguageChange("sv", "added", ("ny",))
    ]
    # some texts added, some changed in one language: changed
    assert kinds([{"sv": "a"}, {"fi": "b"}], [{"sv": "A"}, {"fi": "b", "sv": "B"}]) == [
        ("sv", "changed")
    ]
