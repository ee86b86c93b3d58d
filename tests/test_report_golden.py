"""Golden files of ``hyte report`` on the fictional fixture plan (tests/data/report-fixture/).

The reports cover every section: the header with the data revision, the summary tables and
charts, what is overdue, each priority area (one without a section) with its goals, actions and
indicators (every progress status, trend charts with a target line, a reference series, a
baseline, half-years, municipal and text values), indicators no goal uses, the appendix of
values, the sources and the notes on method.

Regenerate after an intended change, then review the diff::

    HYTE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py

Charts' drawings (their SVG shapes) are replaced by a placeholder in the HTML golden files
(see ``report_support.normalise_charts``); their wrapper, title, description and data tables are
compared exactly, and tests/test_report_charts.py checks the drawings themselves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hytecli.report import ReportOptions, Revision, render_report
from hytecli.repository import load_repository
from report_support import FIXTURE_NOW, check_golden, copy_fixture, normalise_charts

CASES = [
    ("fixture-2025-fi.md", 2025, "markdown", "fi"),
    ("fixture-2025-sv.md", 2025, "markdown", "sv"),
    ("fixture-2025-en.md", 2025, "markdown", "en"),
    ("fixture-2024-fi.md", 2024, "markdown", "fi"),
    ("fixture-2025-fi.html", 2025, "html", "fi"),
    ("fixture-2025-sv.html", 2025, "html", "sv"),
    ("fixture-2025-en.html", 2025, "html", "en"),
]


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return load_repository(copy_fixture(tmp_path_factory.mktemp("golden") / "fixture"))


@pytest.mark.parametrize(("name", "year", "fmt", "lang"), CASES, ids=[c[0] for c in CASES])
def test_report_matches_its_golden_file(
    repository,
    name: str,
    year: int,
    fmt: str,  # type: ignore[no-untyped-def]
    lang: str,
) -> None:
    text = render_report(
        repository,
        ReportOptions(year=year, language=lang),
        fmt,  # type: ignore[arg-type]
        now=FIXTURE_NOW,
        revision=Revision("clean", "0123456789abcdef0123456789abcdef01234567"),
    )
    if fmt == "html":
        text = normalise_charts(text)
    check_golden(name, text)


def test_golden_files_are_all_used() -> None:
    folder = Path(__file__).parent / "golden" / "report"
    others = ["year-2025-sv.md"]  # of the year-texts fixture: tests/test_year_texts.py
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(c[0] for c in CASES), *others])
