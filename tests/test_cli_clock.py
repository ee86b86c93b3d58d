"""The CLI reads the clock once per command and passes the instant in (review B9).

`hyte status` and `hyte report` without `--as-of` judge "today in the plan's time zone". The
command reads the clock itself and passes `now` to the library, as `hyte record` and
`hyte complete` do; the library reads the clock only when a library user passes no `now`
(hytecli.periods.today_in_zone). The plan is a fictional fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hytecli.periods
from hytecli.cli import app

Build = Callable[..., Path]


class _NoClock(datetime):
    """A datetime whose clock must not be read."""

    @classmethod
    def now(cls, tz: Any = None) -> Any:  # noqa: ANN401
        raise AssertionError("the library read the clock: the CLI should pass now= in")


@pytest.fixture
def no_library_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hytecli.periods, "datetime", _NoClock)


def _invoke(*args: str | Path) -> Any:  # noqa: ANN401
    return CliRunner().invoke(app, [str(a) for a in args])


def test_status_passes_the_instant_in(
    build_plan: Build, no_library_clock: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hytecli.status

    seen: list[datetime | None] = []
    real = hytecli.status.compute_status

    def spy(repository: Any, query: Any, now: datetime | None = None) -> Any:  # noqa: ANN401
        seen.append(now)
        return real(repository, query, now=now)

    monkeypatch.setattr(hytecli.status, "compute_status", spy)
    before = datetime.now(UTC)
    result = _invoke("status", "--repo", build_plan(), "--format", "json")
    assert result.exit_code == 0, result.output
    [now] = seen
    assert now is not None and now.tzinfo is not None
    assert before <= now <= datetime.now(UTC)


def test_report_passes_the_instant_in(
    build_plan: Build, no_library_clock: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hytecli.report

    seen: list[datetime | None] = []
    real = hytecli.report.render_report

    def spy(*args: Any, now: datetime | None = None, **kwargs: Any) -> str:  # noqa: ANN401
        seen.append(now)
        return real(*args, now=now, **kwargs)

    monkeypatch.setattr(hytecli.report, "render_report", spy)
    result = _invoke("report", "--repo", build_plan(), "--year", "2024", "--lang", "en")
    assert result.exit_code == 0, result.output
    [now] = seen
    assert now is not None and now.tzinfo is not None


def test_library_users_may_still_leave_now_out(build_plan: Build) -> None:
    from hytecli.repository import load_repository
    from hytecli.status import StatusQuery, compute_status

    before = hytecli.periods.today_in_zone("Europe/Helsinki")
    report = compute_status(load_repository(build_plan()), StatusQuery())
    assert before <= report.as_of <= hytecli.periods.today_in_zone("Europe/Helsinki")
