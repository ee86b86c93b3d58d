"""hyte collect status: per responsible party, what is recorded for the year and what is missing.

Everything recorded here is fictional and recorded through the library (``assess_item``,
``record_value``) into the small fixture plan of ``collect_support`` or into a copy of the live
plan; the live plan itself is only read, without assuming that nothing is recorded in it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from collect_support import FILES, NOW, copy_live_plan
from conftest import REPO_ROOT
from hytecli.cli import app
from hytecli.collect.parties import collection_round
from hytecli.collect.status import collect_status, status_json, status_text
from hytecli.recording import assess_item
from hytecli.recording.values import record_value
from hytecli.repository import load_repository
from hytecli.usable import require_valid_plan

Build = Callable[..., Path]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def repo(build_plan: Build) -> Path:
    root = build_plan(FILES)
    assess_item(root, "tavoite-1", year=2024, status="kesken", text="Alkoi (fictional).", now=NOW)
    record_value(root, "mittari-2", "14", period="2024-H1", now=NOW)
    return root


def status_of(root: Path, year: int = 2024, day: date = date(2025, 3, 1)):  # noqa: ANN201
    resolved = require_valid_plan(load_repository(root))
    return collect_status(collection_round(resolved, year, day))


def test_recorded_and_missing_per_party(repo: Path) -> None:
    status = status_of(repo)
    parties = {p.name: p for p in status.parties}
    school, club = parties["Kunta: Sivistys/Opetus"], parties["Järjestö ry"]
    assert [r.item.id for r in school.assessed] == ["tavoite-1"]
    assert [r.item.id for r in school.unassessed] == ["toimenpide-1"]
    assert [str(r.period) for r in school.missing] == ["2024"] and not school.recorded
    # toimenpide-2 was cancelled in 2024: its cancellation is its assessment of 2024
    assert [r.item.id for r in club.assessed] == ["toimenpide-2"]
    assert [r.item.id for r in club.unassessed] == ["toimenpide-3"]
    assert [(str(r.period), r.recorded.value) for r in club.recorded] == [("2024-H1", 14)]
    assert [str(r.period) for r in club.missing] == ["2024-H2"]
    assert not school.complete and not club.complete
    assert [r.item.id for r in status.unowned.unassessed] == ["tavoite-2"]


def test_what_is_recorded_after_the_day_judged_does_not_count(repo: Path) -> None:
    status = status_of(repo, day=date(2025, 2, 28))  # the fictional records are dated 2025-03-01
    school = {p.name: p for p in status.parties}["Kunta: Sivistys/Opetus"]
    assert not school.assessed


def test_a_party_with_everything_recorded_is_complete(repo: Path) -> None:
    assess_item(repo, "toimenpide-1", year=2024, status="completed", now=NOW)
    record_value(repo, "mittari-1", "kyllä", period="2024", now=NOW)
    school = {p.name: p for p in status_of(repo).parties}["Kunta: Sivistys/Opetus"]
    assert school.complete
    assert "1 of 2 responsible parties complete" in status_text(status_of(repo))


def test_text_lists_what_is_missing_by_title_and_id(repo: Path) -> None:
    text = status_text(status_of(repo))
    assert text.startswith("Collection round 2024 (as on 1 Mar 2025): 0 of 2")
    assert "Kunta: Sivistys/Opetus — 1/2 goals and actions assessed, 0/1" in text
    assert "    Toimenpide yksi (action toimenpide-1)\n" in text
    assert "    Tavoite yksi (goal tavoite-1): in progress\n" in text
    assert "    Kävijät (2024-H2, mittari-2)\n" in text
    # the name first, the value (which may hold colons) last
    assert "    Kävijät (2024-H1, mittari-2): 14 kpl\n" in text
    assert "    Tavoite kaksi (goal tavoite-2)" in text  # without a responsible party


def test_text_in_the_plans_languages(repo: Path) -> None:
    """The assessment vocabulary and the plan's texts are in the language asked for."""
    finnish = status_text(status_of(repo), language="fi")
    assert "    Tavoite yksi (tavoite tavoite-1): kesken\n" in finnish
    assert "1.3.2025" in finnish
    swedish = status_text(status_of(repo), language="sv")
    assert "    Mål ett (mål tavoite-1): pågår\n" in swedish
    assert "    Besökare (2024-H1, mittari-2): 14 kpl\n" in swedish


def test_json_is_stable(repo: Path) -> None:
    data = json.loads(status_json(status_of(repo)))
    assert list(data) == ["year", "as_of", "parties", "without_responsible"]
    assert data["year"] == 2024 and data["as_of"] == "2025-03-01"
    club = data["parties"][1]
    assert list(club) == [
        "responsible",
        "complete",
        "assessed",
        "not_assessed",
        "recorded",
        "missing",
    ]
    assert club["responsible"] == "Järjestö ry"
    assert club["assessed"] == [
        {"kind": "action", "id": "toimenpide-2", "title": "Toimenpide kaksi", "status": "cancelled"}
    ]
    assert club["recorded"] == [
        {"id": "mittari-2", "period": "2024-H1", "name": "Kävijät", "value": 14}
    ]
    assert club["missing"] == [{"id": "mittari-2", "period": "2024-H2", "name": "Kävijät"}]
    assert data["without_responsible"]["not_assessed"][0]["id"] == "tavoite-2"
    assert status_json(status_of(repo)) == status_json(status_of(repo))


def test_the_command_in_text_and_json(repo: Path) -> None:
    result = run(
        "collect", "status", "--repo", str(repo), "--year", "2024", "--as-of", "2025-03-01"
    )
    assert result.exit_code == 0, result.output
    assert "Tavoite yksi (tavoite tavoite-1): kesken" in result.output  # the plan's language
    result = run(
        "collect",
        "status",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--as-of",
        "2025-03-01",
        "--lang",
        "en",
    )
    assert "Järjestö ry — 1/2 goals and actions assessed, 1/2 indicator periods" in result.output
    result = run(
        "collect",
        "status",
        "--repo",
        str(repo),
        "--year",
        "2024",
        "--format",
        "json",
        "--as-of",
        "2025-03-01",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["year"] == 2024


@pytest.mark.parametrize("year", ["2023", "2027"])
def test_a_year_outside_the_plan_period_is_refused(repo: Path, year: str) -> None:
    result = run("collect", "status", "--repo", str(repo), "--year", year)
    assert result.exit_code == 2 and "outside the plan period" in result.output


def test_the_live_plan_and_a_copy_with_fictional_records(tmp_path: Path) -> None:
    live = status_of(REPO_ROOT)
    assert live.parties  # every party of the plan, whatever is recorded
    for party in live.parties:
        rows = len(party.assessed) + len(party.unassessed)
        assert rows == len(next(p for p in live.round.parties if p.name == party.name).items)
    root = copy_live_plan(tmp_path / "live")
    party = status_of(root).parties[0]
    missing = list(party.unassessed)
    if not missing:
        pytest.skip("the live plan's first party has every assessment of 2024 recorded")
    assess_item(root, missing[0].item.id, year=2024, status="completed", now=NOW)
    after = {p.name: p for p in status_of(root).parties}[party.name]
    assert missing[0].item.id in [r.item.id for r in after.assessed]
    assert len(after.unassessed) == len(party.unassessed) - 1
