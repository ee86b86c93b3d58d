"""Many records and assessments in one EditSession: chained edits of one file, all or nothing.

Every plan, indicator, value and text here is fictional (marked "fictional fixture").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from hytecli.models import AreaFile, IndicatorFile
from hytecli.recording import (
    EditSession,
    Refused,
    assess_item,
    assess_item_in,
    record_value,
    record_value_in,
    write_files,
)
from hytecli.repository import load_repository
from hytecli.yamlfile import parse_yaml

TODAY = date(2025, 3, 1)
COUNT = "# fictional fixture\nid: maara\nname: Määrä\nkind: count\nvalues: []\n"


@pytest.fixture
def repo(build_plan: Callable[..., Path]) -> Path:
    return build_plan({"indicators/maara.yaml": COUNT})


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_chained_edits_of_one_file_see_each_other(repo: Path) -> None:
    before = snapshot(repo)
    session = EditSession.open(repo)
    first = record_value_in(session, "maara", "12", period="2024", today=TODAY, note="eka")
    second = record_value_in(session, "maara", "1 300", period="2025", today=TODAY)
    assert not first.written and "+    value: 12" in first.diff
    # The second diff is against the text the first edit left: its entry is context, not new.
    assert "+    value: 1300" in second.diff and "\n     value: 12\n" in second.diff
    a1 = assess_item_in(session, "tavoite-1", year=2024, status="kesken", today=TODAY, text="A")
    a2 = assess_item_in(
        session, "toimenpide-1", year=2024, status="toteutunut", today=TODAY, text="B (fictional)"
    )
    assert a1.path == a2.path == "plan/alue-a.yaml"
    # The second edit of a value for the same period sees the first: refused as a repeat.
    with pytest.raises(Refused, match="already has a value for 2024"):
        record_value_in(session, "maara", "13", period="2024", today=TODAY)
    assert snapshot(repo) == before  # nothing written yet
    changes = session.changes()
    assert [c.file.relative_to(repo).as_posix() for c in changes] == [
        "indicators/maara.yaml",
        "plan/alue-a.yaml",
    ]
    write_files(changes)
    indicator = IndicatorFile.model_validate(
        parse_yaml((repo / "indicators/maara.yaml").read_text(), "x").data
    )
    assert [(str(v.period), v.value) for v in indicator.values] == [("2024", 12), ("2025", 1300)]
    area = AreaFile.model_validate(parse_yaml((repo / "plan/alue-a.yaml").read_text(), "x").data)
    goal = area.goals[0]
    assert [a.status.value for a in goal.assessments] == ["in_progress"]
    assert [a.status.value for a in goal.actions[0].assessments] == ["completed"]
    assert load_repository(repo).findings == []


def test_a_refused_edit_leaves_the_session_as_it_was(repo: Path) -> None:
    session = EditSession.open(repo)
    record_value_in(session, "maara", "12", period="2024", today=TODAY)
    kept = [(c.file, c.new) for c in session.changes()]
    with pytest.raises(Refused, match="cannot record"):
        record_value_in(session, "maara", "12x", period="2025", today=TODAY)
    with pytest.raises(Refused, match="not an assessment status"):
        assess_item_in(session, "tavoite-1", year=2024, status="kesk", today=TODAY)
    assert [(c.file, c.new) for c in session.changes()] == kept


def test_wrappers_write_what_the_session_step_makes(repo: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 3, 1, 9, tzinfo=UTC)
    session = EditSession.open(repo)
    planned = record_value_in(session, "maara", "7", period="2024", today=TODAY)
    planned_assessment = assess_item_in(
        session, "tavoite-1", year=2024, status="completed", today=TODAY
    )
    dry = record_value(repo, "maara", "7", period="2024", now=now, dry_run=True)
    assert dry.diff == planned.diff and not dry.written
    done = assess_item(repo, "tavoite-1", year=2024, status="completed", now=now)
    assert done.written and done.diff == planned_assessment.diff
