"""hytecli.usable.with_valid_plan: checking while judging gives what checking first does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL_AREA
from hytecli.repository import PlanHasErrors, load_repository
from hytecli.resolved import ResolvedPlan
from hytecli.usable import require_valid_plan, with_valid_plan

Build = Callable[..., Path]
BOTH = pytest.mark.parametrize("parallel", [False, True])


def _ids(resolved: ResolvedPlan) -> list[str]:
    return list(resolved.area_ids)


@BOTH
def test_a_valid_plan_gives_the_work_s_result(build_plan: Build, parallel: bool) -> None:
    repository = load_repository(build_plan())
    expected = _ids(require_valid_plan(repository))
    assert with_valid_plan(repository, _ids, parallel=parallel) == expected


@BOTH
def test_a_plan_with_errors_is_refused_even_when_the_work_fails(
    build_plan: Build, parallel: bool
) -> None:
    area = MINIMAL_AREA.replace("indicators: [mittari-1]", "indicators: [mittari-x]", 1)
    repository = load_repository(build_plan({"plan/alue-a.yaml": area}))
    with pytest.raises(PlanHasErrors) as expected:
        require_valid_plan(repository)

    def fails(resolved: ResolvedPlan) -> None:
        raise KeyError("a broken plan broke the work")

    for work in (_ids, fails):
        with pytest.raises(PlanHasErrors) as refused:
            with_valid_plan(repository, work, parallel=parallel)
        assert str(refused.value) == str(expected.value)
        assert "mittari-x" in str(refused.value)


@BOTH
def test_the_work_s_error_on_a_valid_plan_is_raised(build_plan: Build, parallel: bool) -> None:
    def fails(resolved: ResolvedPlan) -> None:
        raise ValueError("no such area")

    with pytest.raises(ValueError, match="no such area"):
        with_valid_plan(load_repository(build_plan()), fails, parallel=parallel)
