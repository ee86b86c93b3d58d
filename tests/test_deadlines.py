"""Resolving written deadlines against the plan: council-term ends and recurring items."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hytecli.deadlines import UnknownCouncilTerm, resolve_deadline
from hytecli.models import Deadline
from hytecli.repository import IndicatorDeadline, indicator_deadline, load_repository


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


# --- an indicator's effective deadline (repository.indicator_deadline) ----------------------------

USERS_AREA = """\
# fictional fixture
id: alue-a
number: 1
title: Alue A
goals:
  - id: tavoite-1
    title: Tavoite yksi
    deadline: {due: 2024, wording: vuoden 2024 loppuun mennessä}
    indicators: [oma, peritty, kaksi]
    actions:
      - id: toimenpide-1
        title: Toimenpide yksi
        deadline: 2025-06
        indicators: [kaksi, tehtavaton]
      - id: toimenpide-2
        title: Toimenpide kaksi
        indicators: [tehtavaton]
"""


def _indicator(ident: str, target: str = "") -> str:
    return f"# fictional fixture\nid: {ident}\nname: {ident}\nkind: count\n{target}values: []\n"


def test_an_indicator_inherits_the_deadline_of_its_only_user_with_one(build_plan) -> None:  # type: ignore[no-untyped-def]
    files = {
        "plan/alue-a.yaml": USERS_AREA,
        "indicators/mittari-1.yaml": None,
        "indicators/oma.yaml": _indicator(
            "oma", "target: {value: 5, comparison: at_least, deadline: {term_end: '2022-2025'}}\n"
        ),
        "indicators/peritty.yaml": _indicator(
            "peritty", "target: {value: 5, comparison: at_least}\n"
        ),
        "indicators/kaksi.yaml": _indicator("kaksi"),
        "indicators/tehtavaton.yaml": _indicator("tehtavaton"),
        "indicators/irrallinen.yaml": _indicator("irrallinen"),
    }
    repository = load_repository(build_plan(files))
    own = repository.indicator_deadline("oma")
    assert own.inherited_from is None and own.resolved is not None
    assert own.resolved.due == date(2025, 5, 31)
    inherited = repository.indicator_deadline("peritty")
    assert inherited.inherited_from is not None and inherited.inherited_from.id == "tavoite-1"
    assert inherited.resolved is not None and inherited.resolved.due == date(2024, 12, 31)
    assert inherited.written is not None and inherited.written.wording is not None
    # two users with deadlines of their own: none is inherited
    assert repository.indicator_deadline("kaksi") == IndicatorDeadline(None, None)
    # one user with a deadline (the action); its goal's is not passed on through the other
    only = repository.indicator_deadline("tehtavaton")
    assert only.inherited_from is not None and only.inherited_from.id == "toimenpide-1"
    assert repository.indicator_deadline("irrallinen") == IndicatorDeadline(None, None)
    with pytest.raises(LookupError, match="no indicator 'puuttuu'"):
        repository.indicator_deadline("puuttuu")


def test_an_unresolvable_own_deadline_says_why(plan) -> None:  # type: ignore[no-untyped-def]
    from hytecli.models import IndicatorFile

    model = IndicatorFile.model_validate(
        {
            "id": "m",
            "name": "m",
            "kind": "count",
            "target": {"value": 1, "comparison": "at_least", "deadline": {"term_end": "2021-2025"}},
        }
    )
    unknown = indicator_deadline(model, plan)
    assert unknown.resolved is None and unknown.problem is not None
    assert "'2021-2025' is not defined" in unknown.problem
    without_plan = indicator_deadline(model, None)
    assert without_plan.problem is not None and "no plan was given" in without_plan.problem
