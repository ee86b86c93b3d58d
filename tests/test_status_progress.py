"""`hyte status` carries each numeric indicator's progress status and the numbers behind it.

All values here are fictional fixture values.
"""

from __future__ import annotations

import json
from datetime import date

from hytecli.progress_model import ProgressAssessment, YesNoAssessment, YesNoStatus
from hytecli.repository import load_repository
from hytecli.status import StatusQuery, compute_status
from hytecli.status_json import render_json
from hytecli.status_render import StatusView, render_plain

COUNT_INDICATOR = """\
# fictional fixture
id: mittari-1
name: Käyntimäärä (fictional)
kind: count
direction: increase
target:
  value: 200
  comparison: at_least
  deadline: 2026
baseline: {period: 2023, value: 100}
values:
  - {period: 2024, value: 130}
  - {period: 2025, value: 170}
"""


def _indicator_item(report):  # type: ignore[no-untyped-def]
    return next(item for item in report.items if item.id == "mittari-1")


def test_numeric_indicator_progress_in_status(build_plan) -> None:  # type: ignore[no-untyped-def]
    root = build_plan({"indicators/mittari-1.yaml": COUNT_INDICATOR})
    report = compute_status(load_repository(root), StatusQuery(as_of=date(2026, 6, 1)))
    info = _indicator_item(report).indicator
    progress = info.progress
    assert isinstance(progress, ProgressAssessment) and info.numeric_progress is progress
    assert info.progress_key == "on_track"
    # 100 → 170 over 2 years: CAGR_o = 1.7^(1/2) − 1 ≈ 0.3038; needed 100 → 200 over 3 years:
    # CAGR_r = 2^(1/3) − 1 ≈ 0.2599; ratio ≈ 1.169 ≥ 0.95: on track.
    assert progress.status == "on_track"
    assert progress.observed_cagr is not None and abs(progress.observed_cagr - 0.30384) < 1e-4
    assert progress.required_cagr is not None and abs(progress.required_cagr - 0.25992) < 1e-4

    data = json.loads(render_json(report, StatusView.of(report, "en")))
    item = next(i for i in data["items"] if i["id"] == "mittari-1")
    assert item["indicator"]["progress_status"] == "on_track"
    assert item["indicator"]["progress"]["status"] == "on_track"
    assert item["indicator"]["progress"]["base_value"] == 100
    assert item["indicator"]["progress"]["latest_period"] == "2025"
    assert [v["period"] for v in item["indicator"]["values"]] == ["2024", "2025"]
    # the default view shows only what needs attention; --all shows the progress in full
    assert "progress:     on track:" in render_plain(report, StatusView.of(report, "en", True))


def test_yes_no_and_unrecorded_indicators(build_plan) -> None:  # type: ignore[no-untyped-def]
    report = compute_status(load_repository(build_plan()), StatusQuery(as_of=date(2025, 1, 1)))
    info = _indicator_item(report).indicator
    # yes/no: its answer, not a growth assessment
    assert isinstance(info.progress, YesNoAssessment) and info.numeric_progress is None
    assert info.progress.status is YesNoStatus.NOT_RECORDED
    assert info.progress_key == "not_enough_data"
    data = json.loads(render_json(report, StatusView.of(report, "en")))
    item = next(i for i in data["items"] if i["id"] == "mittari-1")
    assert item["indicator"]["progress"] is None  # progress only for numeric indicators
    assert item["indicator"]["progress_status"] == "not_enough_data"
    root = build_plan(
        {
            "indicators/mittari-1.yaml": COUNT_INDICATOR.replace(
                "  - {period: 2024, value: 130}\n  - {period: 2025, value: 170}\n", ""
            )
            .replace("values:\n", "values: []\n")
            .replace("baseline: {period: 2023, value: 100}\n", "")
        }
    )
    report = compute_status(load_repository(root), StatusQuery(as_of=date(2025, 1, 1)))
    progress = _indicator_item(report).indicator.progress
    assert progress is not None and progress.status == "not_enough_data"


def test_indicator_without_target_or_direction_has_its_own_status(build_plan) -> None:  # type: ignore[no-untyped-def]
    text = COUNT_INDICATOR.replace("direction: increase\n", "").split("target:")[0] + (
        "values:\n  - {period: 2024, value: 130}\n  - {period: 2025, value: 170}\n"
    )
    root = build_plan({"indicators/mittari-1.yaml": text})
    report = compute_status(load_repository(root), StatusQuery(as_of=date(2026, 6, 1)))
    data = json.loads(render_json(report, StatusView.of(report, "en")))
    item = next(i for i in data["items"] if i["id"] == "mittari-1")
    assert item["state"] == "monitored"  # values without a target: monitored, not done
    assert item["indicator"]["progress"]["status"] == "no_target_or_direction"
    assert item["indicator"]["progress"]["level"] == "not_available"
    plain = render_plain(report, StatusView.of(report, "en", show_all=True))
    assert "progress:     no target or direction: the indicator has no target" in plain
