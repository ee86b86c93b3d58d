"""Resolving written deadlines against the plan: council-term ends and recurring items."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hytecli.deadlines import UnknownCouncilTerm, resolve_deadline
from hytecli.models import Deadline
from hytecli.repository import load_repository


@pytest.fixture
def plan(build_plan):  # type: ignore[no-untyped-def]
    repository = load_repository(build_plan())
    assert repository.plan is not None
    return repository.plan


def deadline(value: object):  # type: ignore[no-untyped-def]
    return Deadline.model_validate(value, context={"language": "fi"})


def test_council_term_ends(plan) -> None:  # type: ignore[no-untyped-def]
    first = resolve_deadline(deadline({"term_end": "2022-2025"}), plan)
    second = resolve_deadline(deadline({"term_end": "2025-2029"}), plan)
    assert (first.form, first.due) == ("term_end", date(2025, 5, 31))
    assert second.due == date(2029, 5, 31)


def test_unknown_council_term(plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownCouncilTerm, match="'2021-2025' is not defined"):
        resolve_deadline(deadline({"term_end": "2021-2025"}), plan)


def test_shorthand_and_wording_are_kept(plan) -> None:  # type: ignore[no-untyped-def]
    resolved = resolve_deadline(deadline({"due": "2024-02", "wording": "helmikuun loppuun"}), plan)
    assert resolved.due == date(2024, 2, 29)
    assert resolved.written == "2024-02"
    assert resolved.wording is not None and resolved.wording.values == {"fi": "helmikuun loppuun"}
    assert resolve_deadline(deadline(2025), plan).due == date(2025, 12, 31)


def test_recurring_annual(plan) -> None:  # type: ignore[no-untyped-def]
    yearly = resolve_deadline(deadline({"recurring": "annual"}), plan)
    assert yearly.recurring and yearly.due is None
    assert yearly.due_in(2025) == date(2025, 12, 31)
    leap_day = resolve_deadline(deadline({"recurring": "annual", "day": "02-29"}), plan)
    assert leap_day.due_in(2024) == date(2024, 2, 29)
    assert leap_day.due_in(2025) == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"due": 2024, "term_end": "2022-2025"}, "exactly one of due, term_end or recurring"),
        ({"wording": "joskus"}, "exactly one of"),
        ({"recurring": "weekly"}, "Input should be 'annual'"),
        ({"due": 2024, "day": "12-31"}, "day is only used with recurring"),
        ({"recurring": "annual", "day": "02-30"}, "is not a month-day"),
        ({"due": "2025-02-29"}, "February 2025 has 28 days"),
        ({"due": "0000"}, "0000 has the year 0, outside the years hyte accepts"),
        (2201, "2201 has the year 2201, outside the years hyte accepts"),
    ],
)
def test_bad_deadlines(value: object, message: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=message):
        deadline(value)


def test_real_plan_term_end_deadlines_resolve_to_first_term_end() -> None:
    repository = load_repository(Path(__file__).resolve().parents[1])
    term_items = [
        item for item in repository.items() if item.deadline and item.deadline.form == "term_end"
    ]
    assert term_items, "the real plan has 'valtuustokauden loppuun mennessä' deadlines"
    assert {item.deadline.due for item in term_items if item.deadline} == {date(2025, 5, 31)}
