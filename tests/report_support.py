"""Helpers shared by the report tests: the fictional fixture plan and golden-file comparison."""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "report-fixture"
GOLDEN = ROOT / "tests" / "golden" / "report"
#: The fixture reports are made "on" this instant, so the default as-of day is 2025-12-31.
FIXTURE_NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

_DRAWING = re.compile(r'(<desc id="[^"]+">.*?</desc>\n).*?(</svg>)', re.S)


def copy_fixture(target: Path) -> Path:
    """Copy the fictional fixture plan to ``target`` (outside git, so its revision is stable)."""
    shutil.copytree(FIXTURE, target)
    return target


def normalise_charts(html: str) -> str:
    """Replace each chart's drawing (its axes, bars, lines and legend) with a placeholder.

    The chart's ``<svg>`` element, its ``role``, ``<title>`` and ``<desc>`` stay; the drawing's
    coordinates are checked by the chart tests instead, so that a change of layout is reviewed
    there and not in every golden file.
    """
    return _DRAWING.sub(r"\1 <!-- chart drawing -->\n\2", html)


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/report/<name>`` (rewrite it: HYTE_UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if os.environ.get("HYTE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), (
        f"{path} is missing: run HYTE_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py"
    )
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"golden/{name}",
                "rendered",
                n=2,
            )
        )
        raise AssertionError(
            f"the report differs from tests/golden/report/{name} (if the change is intended, "
            f"regenerate with HYTE_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py):\n"
            f"{diff[:6000]}"
        )
