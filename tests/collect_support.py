"""Fixtures shared by the collect tests: a small fictional plan with two parties and helpers.

Every value here is fictional (a "fictional fixture"); the live plan is only read, or copied
into a temporary folder before anything is recorded in it.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from conftest import MINIMAL_PLAN, REPO_ROOT

#: The instant the fictional round is run: 1 March 2025, in the 2024 round.
NOW = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)

PLAN = MINIMAL_PLAN.replace("time_zone:", "languages: [fi, sv]\ntime_zone:")

AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: tavoite-1
    title: {fi: Tavoite yksi, sv: Mål ett}
    deadline: 2025
    responsible: ["Kunta: Sivistys/Opetus"]
    indicators: [mittari-1]
    actions:
      - id: toimenpide-1
        title: {fi: Toimenpide yksi, sv: Åtgärd ett}
        deadline: 2024-06
      - id: toimenpide-2
        title: Toimenpide kaksi
        responsible: [Järjestö ry]
        indicators: [mittari-2]
        assessments:
          - {year: 2024, status: cancelled, text: Luovuttiin (fictional).}
  - id: tavoite-2
    title: Tavoite kaksi
    actions:
      - id: toimenpide-3
        title: =Toimenpide kolme
        responsible: [Järjestö ry]
"""

INDICATOR_2 = """\
# fictional fixture
id: mittari-2
name: {fi: Kävijät, sv: Besökare}
kind: count
unit: kpl
reporting_period: half_year
values: []
"""

FILES: dict[str, str | None] = {
    "plan/plan.yaml": PLAN,
    "plan/alue-a.yaml": AREA,
    "indicators/mittari-2.yaml": INDICATOR_2,
}


def copy_live_plan(target: Path) -> Path:
    """Copy this repository's plan (plan/, indicators/) to ``target`` and return it."""
    for folder in ("plan", "indicators"):
        shutil.copytree(REPO_ROOT / folder, target / folder)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path (to check nothing changed)."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
