"""End to end on the repository's own plan: record, complete, then status, report and diff agree.

The live ``plan/`` and ``indicators/`` are copied, as they are today, into a new git repository;
``hyte record`` and ``hyte complete`` write a few values and completions there, as a coordinator
would; then ``hyte status`` (table, Markdown, JSON), ``hyte report`` (Markdown, HTML, JSON) and
``hyte diff`` are run on that same repository and must all show them and agree item by item.

**Every value and completion recorded here is fictional** (made up for this test, each with the
note "fictional test value"); they are written only into the temporary copy, never into the
repository's plan. Because the copy starts from the live plan, whatever has been recorded there
since is kept: the records here are written with ``--replace``, so they are what the live plan
says of these few entries in the copy, whatever it said before; the diff is checked for the
records that are new to the live plan.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LIVE = Path(__file__).resolve().parents[1]
NOTE = "fictional test value"
AS_OF = "2025-03-01"  # judged on 1.3.2025, as a coordinator making the 2024 report would be

#: ``(indicator, value as typed, period, day recorded)``: a client count for an indicator with no
#: target (monitored), a "no" for a yes/no indicator due in 2024 (not achieved), a "yes" that
#: arrived after its 2024 deadline (done late), and a 2024 statistic that arrived in February.
RECORDS = [
    ("talousneuvolan-asiakasmaarat", "1 234", "2024", "2025-02-10"),
    ("vakivaltatyon-verkostojen-selvitys-valmis", "ei", "2024", "2025-01-20"),
    ("liikuntaneuvonnan-verkosto-perustettu", "kyllä", "2024", "2025-02-15"),
]
#: ``(action, day done)``: one due 31.12.2024 done in February (late); one due at the end of the
#: council term 31.5.2025, done in April (on time, but after the year 2024).
COMPLETIONS = [
    ("liikuntaneuvonnan-verkosto", "2025-02-15"),
    ("ennakkoarvioinnin-malli", "2025-04-10"),
]
#: What the 2024 report made on 1.3.2025 (and status judged for that day and year) says of them.
EXPECTED_2024 = {
    "liikuntaneuvonnan-verkosto": ("done_late", True),
    "liikuntaneuvonnan-verkosto-perustettu": ("done_late", True),
    "vakivaltatyon-verkostojen-selvitys-valmis": ("not_achieved", True),
    "talousneuvolan-asiakasmaarat": ("monitored", False),
    # done on 10.4.2025, after the day judged: not yet done, and due in 2025, not missed in 2024
    "ennakkoarvioinnin-malli": ("open", False),
}


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=hyte test", "-c", "user.email=test@example.invalid", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def hyte(root: Path, *args: str, code: int = 0) -> str:
    """Run ``python -m hytecli`` on the copy (as a user would, through a pipe); its output."""
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "hytecli", *args],
        cwd=root,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr
    assert result.returncode == code, (args, stderr)
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def fresh() -> set[str]:
    """The records and completions the live plan does not have yet: the diff shows them added."""
    from hytecli.repository import load_repository

    live = load_repository(LIVE)
    recorded = {
        (record.indicator.id, str(value.period))
        for record in live.indicators
        for value in record.indicator.values
    }
    done = {item.id for item in live.items() if getattr(item.node, "completed", None)}
    return {i for i, _v, period, _d in RECORDS if (i, period) not in recorded} | {
        action for action, _day in COMPLETIONS if action not in done
    }


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the live plan (committed), then the fictional records on top."""
    root = tmp_path_factory.mktemp("live-plan")
    for folder in ("plan", "indicators"):
        shutil.copytree(LIVE / folder, root / folder)
    _git(root, "init", "-q")
    _git(root, "add", "plan", "indicators")
    _git(root, "commit", "-q", "-m", "The plan as it is today")
    for indicator, value, period, day in RECORDS:
        said = hyte(
            root,
            "record",
            indicator,
            value,
            "--period",
            period,
            "--date",
            day,
            "--note",
            NOTE,
            "--replace",
        )
        assert re.search(rf"^(recorded|replaced) {indicator} {period}: ", said), said
    for action, day in COMPLETIONS:
        said = hyte(root, "complete", action, "--date", day, "--note", NOTE, "--replace")
        assert re.search(rf"^(marked|changed the completion of) action {action}\b", said), said
    return root


def _items(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {item["id"]: item for item in json.loads(text)["items"]}


def test_the_records_are_valid_and_only_the_records_changed(repo: Path) -> None:
    assert re.search(r"^0 errors", hyte(repo, "validate").splitlines()[-1])
    changed = _git(repo, "status", "--porcelain").split()
    assert sorted(p for p in changed if p != "M") == sorted(
        [f"indicators/{indicator}.yaml" for indicator, *_ in RECORDS]
        + ["plan/terveet-elintavat.yaml", "plan/tiedolla-johtaminen.yaml"]
    )


def test_status_and_report_agree_item_by_item(repo: Path) -> None:
    status = _items(hyte(repo, "status", "--as-of", AS_OF, "--year", "2024", "--format", "json"))
    report = _items(hyte(repo, "report", "--year", "2024", "--as-of", AS_OF, "--format", "json"))
    assert len(status) == len(report) == 89
    assert list(status) == list(report)
    for item_id, item in status.items():
        other = report[item_id]
        for key in ("kind", "state", "missed", "days", "done", "deadline"):
            assert item[key] == other[key], (item_id, key, item[key], other[key])
        if item["indicator"] is not None:
            for key in ("values", "latest", "outcome", "progress_status"):
                assert item["indicator"][key] == other["indicator"][key], (item_id, key)
    for item_id, (state, missed) in EXPECTED_2024.items():
        assert (status[item_id]["state"], status[item_id]["missed"]) == (state, missed), item_id
    late = status["liikuntaneuvonnan-verkosto"]["done"]
    assert late == {"date": "2025-02-15", "on_time": False, "days_late": 46}
    counted = status["talousneuvolan-asiakasmaarat"]["indicator"]["values"]
    assert {"period": "2024", "value": 1234, "date": "2025-02-10"} in counted
    assert status["vakivaltatyon-verkostojen-selvitys-valmis"]["days"] is None  # not "overdue by"


def test_status_on_a_later_day_counts_the_later_completion(repo: Path) -> None:
    items = _items(hyte(repo, "status", "--as-of", "2025-06-01", "--format", "json"))
    assert items["ennakkoarvioinnin-malli"]["state"] == "done"  # 10.4.2025, by 31.5.2025
    assert items["ennakkoarvioinnin-malli"]["done"]["on_time"] is True
    assert items["liikuntaneuvonnan-verkosto"]["state"] == "done_late"
    assert items["liikuntaneuvonnan-verkosto"]["missed"] is False  # missed in 2024, not in 2025
    # a day before anything was done or known: as if nothing had been recorded
    before = _items(hyte(repo, "status", "--as-of", "2025-01-01", "--format", "json"))
    assert before["liikuntaneuvonnan-verkosto"]["state"] == "overdue"
    assert before["talousneuvolan-asiakasmaarat"]["indicator"]["values"] == []


def test_status_in_every_format_shows_the_records(repo: Path) -> None:
    args = ("status", "--as-of", AS_OF, "--year", "2024")
    # the coordinator's view: what was missed in 2024 is there, in the plan's language
    table = hyte(repo, *args)
    assert "VALMIS MYÖHÄSSÄ: toimenpide liikuntaneuvonnan-verkosto" in table
    assert "valmis 15.2.2025, 46 päivää myöhässä; ei toteutunut suunnitellusti vuonna 2024" in table
    assert "EI SAAVUTETTU: mittari vakivaltatyon-verkostojen-selvitys-valmis" in table
    # --all in English: the monitored count and its value too
    full = hyte(repo, *args, "--all", "--lang", "en")
    assert "MONITORED: indicator talousneuvolan-asiakasmaarat - monitored" in full
    assert re.search(r"latest value: +1,234 \(2024\)", full)
    assert "DONE LATE: action liikuntaneuvonnan-verkosto - done 15 Feb 2025, 46 days late" in full
    markdown = hyte(repo, *args, "--all", "--format", "markdown", "--lang", "en")
    assert re.search(
        r"\| \*\*done late\*\* \| action \| `liikuntaneuvonnan-verkosto` \|.*"
        r"\| done 15 Feb 2025, 46 days late; missed in 2024 \|",
        markdown,
    )
    assert "| **not achieved** | indicator | `vakivaltatyon-verkostojen-selvitys-valmis` |" in (
        markdown
    )
    assert "| monitored | indicator | `talousneuvolan-asiakasmaarat` |" in markdown


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_the_report_shows_the_records(repo: Path, output_format: str) -> None:
    args = ("report", "--year", "2024", "--as-of", AS_OF, "--format", output_format)
    finnish = hyte(repo, *args)
    english = hyte(repo, *args, "--lang", "en")
    # the state's detail in its badge, the year it was missed beside it
    assert "valmis 15.2.2025, 46 päivää myöhässä" in finnish
    assert "ei toteutunut suunnitellusti vuonna 2024" in finnish
    assert "done 15 Feb 2025, 46 days late" in english and "missed in 2024" in english
    assert "valmis valmis" not in finnish and "done late done" not in english
    assert "1\u00a0234" in finnish or "1 234" in finnish  # the count, as Finnish writes it
    assert "1,234" in english
    assert NOTE in finnish and NOTE in english
    assert "ei saavutettu" in finnish and "not achieved" in english
    assert "seurannassa" in finnish and "monitored" in english


def test_diff_shows_the_records_before_and_after_they_are_committed(
    repo: Path, fresh: set[str], tmp_path: Path
) -> None:
    text = hyte(repo, "diff", "HEAD")
    data = json.loads(hyte(repo, "diff", "HEAD", "--format", "json"))
    added = {(c["entity"], c["id"], c["field"]) for c in data["changes"] if c["change"] == "added"}
    changed = {c["id"] for c in data["changes"]}
    for action, day in COMPLETIONS:
        assert action in changed
        if action in fresh:
            assert f"+ action {action}: completion {day} added" in text
            assert ("action", action, "completed") in added
    for indicator, _value, period, day in RECORDS:
        assert indicator in changed
        if indicator in fresh:
            assert re.search(
                rf"\+ indicator {indicator}: value {period} recorded: .*\(date {day}", text
            ), indicator
            assert ("indicator", indicator, "values") in added
    if {"talousneuvolan-asiakasmaarat", "vakivaltatyon-verkostojen-selvitys-valmis"} <= fresh:
        assert "value 2024 recorded: 1234" in text and "recorded: false" in text
    # nothing removed, except an entry of the live plan that a record here replaced
    removed = {c["id"] for c in data["changes"] if c["change"] == "removed"}
    assert not removed & fresh
    assert removed <= {i for i, *_ in RECORDS} | {a for a, _ in COMPLETIONS}
    # committed (in a copy, so that the other tests see the same repository), the same changes
    # between the two commits, and none left in the working tree
    committed = tmp_path / "committed"
    shutil.copytree(repo, committed)
    _git(committed, "add", "plan", "indicators")
    _git(committed, "commit", "-q", "-m", "Record fictional test values")
    between = json.loads(hyte(committed, "diff", "HEAD~1", "HEAD", "--format", "json"))
    assert between["changes"] == data["changes"]
    assert json.loads(hyte(committed, "diff", "HEAD", "--format", "json"))["changes"] == []
    # and status reads the committed plan the same way
    items = _items(
        hyte(committed, "status", "--as-of", AS_OF, "--year", "2024", "--format", "json")
    )
    for item_id, (state, missed) in EXPECTED_2024.items():
        assert (items[item_id]["state"], items[item_id]["missed"]) == (state, missed), item_id
