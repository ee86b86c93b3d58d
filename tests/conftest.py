"""Shared test helpers: small plan repositories built from a dict of paths to texts.

Every value in these fixtures is fictional (marked "fictional fixture"); the real plan is the
repository's own `plan/` and `indicators/`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES = REPO_ROOT.parent / "shared" / "cases"  # read-only reference inputs, when present

MINIMAL_PLAN = """\
# fictional fixture
id: testisuunnitelma
title: Testisuunnitelma 2024–2026 (fictional fixture)
organisation:
  name: {fi: Testin hyvinvointialue, sv: Testets välfärdsområde}
  short_name: TEST
period: {start: 2024-01-01, end: 2026-12-31}
time_zone: Europe/Helsinki
council_terms:
  - id: "2022-2025"
    start: 2022-03-01
    end: 2025-05-31
  - id: "2025-2029"
    start: 2025-06-01
    end: 2029-05-31
priority_areas:
  - id: alue-a
    title: Alue A
municipalities:
  - code: "049"
    name: {fi: Espoo, sv: Esbo}
  - code: "078"
    name: {fi: Hanko, sv: Hangö}
"""

#: The minimal plan published in Finnish and Swedish (``languages: [fi, sv]``), as a plan must
#: declare a language before ``hyte translate`` translates into it.
BILINGUAL_PLAN = MINIMAL_PLAN.replace("time_zone:", "languages: [fi, sv]\ntime_zone:")

MINIMAL_AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: tavoite-1
    title: Tavoite yksi
    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}
    responsible: [Testitaho]
    indicators: [mittari-1]
    actions:
      - id: toimenpide-1
        title: Toimenpide yksi
        deadline: 2024-06
"""

MINIMAL_INDICATOR = """\
# fictional fixture
id: mittari-1
name: Mittari yksi
kind: yes_no
target:
  value: true
  deadline: 2024
values: []
"""


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``{relative path: text}`` under ``root`` (texts are dedented) and return ``root``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def build_plan(tmp_path: Path) -> Callable[..., Path]:
    """Return ``build(files=None, **overrides)`` making a small valid plan repository.

    ``files`` maps paths to texts that replace or add to the minimal plan; a text of ``None``
    deletes that file from the minimal plan.
    """

    def build(files: dict[str, str | None] | None = None) -> Path:
        tree: dict[str, str | None] = {
            "plan/plan.yaml": MINIMAL_PLAN,
            "plan/alue-a.yaml": MINIMAL_AREA,
            "indicators/mittari-1.yaml": MINIMAL_INDICATOR,
        }
        tree.update(files or {})
        root = tmp_path / "repo"
        write_tree(root, {k: v for k, v in tree.items() if v is not None})
        return root

    return build


def hyte(*args: str, code: int = 0) -> str:
    """Run ``hyte ARGS`` in this process; check the exit code and that no traceback leaked.

    Returns:
        The command's output (standard output and error together, as CliRunner gives them).
    """
    from typer.testing import CliRunner

    from hytecli.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output
