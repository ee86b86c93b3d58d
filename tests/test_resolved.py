"""The resolved plan model (hytecli.resolved): built once, read by every consumer.

The plan here is a fictional fixture whose file names and ids sort differently on purpose, so
that "in the plan's order", "by path" and "by id" give different answers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN, write_tree
from hytecli import judge, progress, repository
from hytecli.judgement import State
from hytecli.repository import PlanRepository, load_repository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.status import StatusQuery, compute_status

PLAN = MINIMAL_PLAN.replace(
    "priority_areas:\n  - id: alue-a\n    title: Alue A\n",
    "priority_areas:\n"
    "  - id: alue-b\n    title: Alue B (plan.yaml)\n"
    "  - id: alue-c\n    title: Alue C, ei osiota\n"
    "  - id: alue-a\n    title: Alue A (plan.yaml)\n",
)

FILES = {
    "plan/plan.yaml": PLAN,
    # listed third in plan.yaml, first by path
    "plan/alue-a.yaml": """\
        # fictional fixture
        id: alue-a
        number: 3
        title: Alue A (osio)
        goals:
          - id: ga1
            title: A:n tavoite
            deadline: 2024-06
            responsible: [Taho A]
            indicators: [perija]
            actions:
              - id: aa1
                title: A:n toimenpide
                deadline: 2026
                responsible: [Taho A2]
                indicators: [yhteinen]
        """,
    "plan/alue-b.yaml": """\
        # fictional fixture
        id: alue-b
        number: 1
        title: Alue B (osio)
        goals:
          - id: gb1
            title: B:n tavoite
            deadline: 2025
            responsible: [Taho B]
            indicators: [yhteinen, oma-b]
            actions:
              - id: ab1
                title: B:n toimenpide ilman määräaikaa
                indicators: [yhteinen]
        """,
    # two sections plan.yaml does not list: by path, a-ylim.yaml before b-ylim.yaml (their ids
    # sort the other way)
    "plan/b-ylim.yaml": """\
        # fictional fixture
        id: alue-aa
        title: Listaamaton AA
        goals:
          - id: gaa
            title: AA:n tavoite
        """,
    "plan/a-ylim.yaml": """\
        # fictional fixture
        id: alue-zz
        title: Listaamaton ZZ
        goals:
          - id: gzz
            title: ZZ:n tavoite
        """,
    # used by gb1 and ab1 (alue-b) and aa1 (alue-a); two users have deadlines: none inherited
    "indicators/yhteinen.yaml": """\
        # fictional fixture
        id: yhteinen
        name: Yhteinen mittari
        kind: count
        direction: increase
        target: {value: 10, comparison: at_least}
        values: []
        """,
    # its own deadline
    "indicators/oma-b.yaml": """\
        # fictional fixture
        id: oma-b
        name: B:n oma mittari
        kind: percentage
        target: {value: 50, comparison: at_most, deadline: 2026}
        values: []
        """,
    # no deadline of its own: inherits its only user's (ga1, 2024-06)
    "indicators/perija.yaml": """\
        # fictional fixture
        id: perija
        name: Perivä kyllä/ei-mittari
        kind: yes_no
        target: {value: false}
        values: []
        """,
    # used by nothing: last, by path (their ids sort the other way)
    "indicators/a-kayttamaton.yaml": """\
        # fictional fixture
        id: zz-kayttamaton
        name: Käyttämätön ZZ
        kind: text
        values: []
        """,
    "indicators/b-kayttamaton.yaml": """\
        # fictional fixture
        id: aa-kayttamaton
        name: Käyttämätön AA
        kind: count
        values: []
        """,
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> PlanRepository:
    repo = load_repository(write_tree(tmp_path_factory.mktemp("resolved"), FILES))
    assert [f for f in repo.findings if f.severity.value == "error"] == []
    return repo


@pytest.fixture(scope="module")
def resolved(loaded: PlanRepository) -> ResolvedPlan:
    return resolve_plan(loaded)


def test_areas_listed_first_in_plan_order_then_unlisted_by_path(resolved: ResolvedPlan) -> None:
    assert resolved.area_ids == ("alue-b", "alue-c", "alue-a", "alue-zz", "alue-aa")
    b, c, a, zz, aa = resolved.areas
    assert (b.note, a.note) == (None, None)
    assert b.has_section and b.number == 1 and b.record is not None
    assert b.record.path == "plan/alue-b.yaml"
    # the section's own heading wins over plan.yaml's wording
    assert b.title is not None and b.title.values == {"fi": "Alue B (osio)"}
    # listed without a section: a note, plan.yaml's wording, nothing in it
    assert (c.has_section, c.record, c.number, c.items, c.indicators) == (False, None, None, (), ())
    assert c.note == "no section in the plan"
    assert c.title is not None and c.title.values == {"fi": "Alue C, ei osiota"}
    for unlisted in (zz, aa):
        assert unlisted.has_section
        assert unlisted.note == "not listed in plan/plan.yaml priority_areas"
    assert [i.id for i in zz.items] == ["gzz"] and [i.id for i in aa.items] == ["gaa"]


def test_items_in_plan_order_with_resolved_deadlines(resolved: ResolvedPlan) -> None:
    assert [(i.kind, i.id) for i in resolved.items] == [
        ("goal", "gb1"),
        ("action", "ab1"),
        ("goal", "ga1"),
        ("action", "aa1"),
        ("goal", "gzz"),
        ("goal", "gaa"),
    ]
    b = resolved.area("alue-b")
    assert b is not None and [i.id for i in b.items] == ["gb1", "ab1"]
    ga1, aa1, ab1 = resolved.item("ga1"), resolved.item("aa1"), resolved.item("ab1")
    assert ga1 is not None and ga1.deadline is not None
    assert ga1.deadline.due == date(2024, 6, 30)
    assert aa1 is not None and aa1.deadline is not None
    assert aa1.deadline.due == date(2026, 12, 31)
    assert aa1.goal.id == "ga1" and aa1.area.area.id == "alue-a"
    assert ab1 is not None and ab1.deadline is None
    assert [p.values["fi"] for p in ab1.responsible] == ["Taho B"]  # inherited from its goal


def test_a_shared_indicator_knows_its_users_and_areas(resolved: ResolvedPlan) -> None:
    shared = resolved.indicator("yhteinen")
    assert shared is not None
    assert [(u.kind, u.id) for u in shared.users] == [
        ("goal", "gb1"),
        ("action", "ab1"),
        ("action", "aa1"),
    ]
    assert shared.area_ids == ("alue-b", "alue-a")
    assert shared.first_user is shared.users[0]
    assert [p.values["fi"] for p in shared.responsible] == ["Taho B", "Taho A2"]  # each once
    # two of its users have deadlines of their own: it inherits neither
    assert shared.deadline.written is None and shared.deadline.resolved is None
    assert shared.deadline.inherited_from is None
    assert (shared.kind, shared.numeric, shared.has_target, shared.wanted_answer) == (
        "count",
        True,
        True,
        None,
    )
    # both areas list it among their indicators, in order of first use
    b, a = resolved.area("alue-b"), resolved.area("alue-a")
    assert b is not None and a is not None
    assert [i.id for i in b.indicators] == ["yhteinen", "oma-b"]
    assert [i.id for i in a.indicators] == ["perija", "yhteinen"]
    assert b.indicators[0] is a.indicators[1] is shared  # one object, not a copy per area


def test_an_inherited_deadline_is_resolved_with_the_plan(resolved: ResolvedPlan) -> None:
    inheriting = resolved.indicator("perija")
    assert inheriting is not None
    deadline = inheriting.deadline
    assert deadline.inherited_from is not None and deadline.inherited_from.id == "ga1"
    assert deadline.inherited_from is resolved.item("ga1")
    assert deadline.resolved is not None and deadline.resolved.due == date(2024, 6, 30)
    assert (inheriting.kind, inheriting.numeric, inheriting.wanted_answer) == (
        "yes_no",
        False,
        False,
    )
    own = resolved.indicator("oma-b")
    assert own is not None and own.deadline.inherited_from is None
    assert own.deadline.resolved is not None
    assert own.deadline.resolved.due == date(2026, 12, 31)


def test_judging_does_not_resolve_again(
    loaded: PlanRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = repository.indicator_deadline

    def counting(indicator, plan, users=()):  # type: ignore[no-untyped-def]
        calls.append(indicator.id)
        return original(indicator, plan, users)

    monkeypatch.setattr("hytecli.resolved.indicator_deadline", counting)
    plan = resolve_plan(loaded)
    assert sorted(calls) == sorted(i.id for i in plan.indicators)  # each once

    def again(*args: object, **kwargs: object) -> None:
        raise AssertionError("resolved again while judging")

    monkeypatch.setattr(repository, "indicator_deadline", again)
    monkeypatch.setattr(progress, "indicator_deadline", again)
    monkeypatch.setattr(repository.PlanRepository, "resolve", again)
    monkeypatch.setattr(repository.PlanRepository, "indicator_deadline", again)
    judged = judge.judge_plan(plan, day=date(2025, 1, 1))
    assert {i.id: i.state for i in judged}["perija"] is State.OVERDUE  # inherited 2024-06
    report = compute_status(plan, StatusQuery(as_of=date(2025, 1, 1), year=2024))
    assert len(report.items) == len(judged)


def test_unused_indicators_come_last_by_path(resolved: ResolvedPlan) -> None:
    assert [i.id for i in resolved.indicators] == [
        "yhteinen",
        "oma-b",
        "perija",
        "zz-kayttamaton",
        "aa-kayttamaton",
    ]
    unused = resolved.unused_indicators
    assert [i.id for i in unused] == ["zz-kayttamaton", "aa-kayttamaton"]
    for indicator in unused:
        assert (indicator.users, indicator.area_ids, indicator.first_user) == ((), (), None)
        assert indicator.responsible == ()
    text = resolved.indicator("zz-kayttamaton")
    assert text is not None and (text.kind, text.numeric, text.has_target) == ("text", False, False)
    assert text.path == "indicators/a-kayttamaton.yaml"


def test_everything_once_in_the_order_the_plan_reads(resolved: ResolvedPlan) -> None:
    assert [i.id for i in resolved.in_plan_order()] == [
        "gb1",
        "yhteinen",
        "oma-b",
        "ab1",
        "ga1",
        "perija",
        "aa1",
        "gzz",
        "gaa",
        "zz-kayttamaton",
        "aa-kayttamaton",
    ]
    judged = judge.judge_plan(resolved, day=date(2025, 1, 1))
    assert [i.id for i in judged] == [i.id for i in resolved.in_plan_order()]


def test_lookups_and_years(resolved: ResolvedPlan, loaded: PlanRepository) -> None:
    assert resolved.repository is loaded and resolved.plan is loaded.plan
    assert resolved.item("nope") is None and resolved.indicator("nope") is None
    assert resolved.area("nope") is None
    assert resolved.item("yhteinen") is None  # an indicator is not a goal or action
    assert resolved.indicator("ga1") is None
    area_c = resolved.area("alue-c")
    assert area_c is not None and area_c.id == "alue-c"
    for item in resolved.items:
        assert resolved.item(item.id) is item
    for indicator in resolved.indicators:
        assert resolved.indicator(indicator.id) is indicator
    assert (resolved.first_year, resolved.last_year) == (2024, 2026)
    assert resolved.years == range(2024, 2027)
    assert resolved.year_of(date(2023, 12, 31)) == 2024
    assert resolved.year_of(date(2025, 7, 1)) == 2025
    assert resolved.year_of(date(2031, 1, 1)) == 2026


def test_a_plan_that_did_not_load_is_refused(tmp_path: Path) -> None:
    broken = dict(FILES) | {"plan/alue-a.yaml": "id: alue-a\ngoals: [\n"}
    with pytest.raises(repository.PlanHasErrors):
        resolve_plan(load_repository(write_tree(tmp_path, broken)))


def test_repository_lookups_by_id_follow_the_loaded_records() -> None:
    from dataclasses import replace

    repository = load_repository(Path(__file__).resolve().parents[1])
    first = repository.indicators[0]
    assert repository.indicator(first.indicator.id) is first
    assert repository.indicator("no-such-indicator") is None
    assert repository.area(repository.areas[0].area.id) is repository.areas[0]
    # a record added later is found, and the first of a duplicated id is the one returned
    twin = replace(first, path="indicators/twin.yaml")
    repository.indicators.append(twin)
    assert repository.indicator(first.indicator.id) is first
    repository.indicators.remove(first)
    assert repository.indicator(first.indicator.id) is twin


def test_repository_item_lookup_is_the_first_item_of_that_id_in_plan_order() -> None:
    from dataclasses import replace

    repository = load_repository(Path(__file__).resolve().parents[1])
    items = list(repository.items())
    for item in (items[0], items[1], items[-1]):
        found = repository.item(item.id)
        assert found is not None and (found.kind, found.data_path) == (item.kind, item.data_path)
        assert found.area is item.area
    assert repository.item("no-such-item") is None
    assert repository.item(repository.indicators[0].indicator.id) is None  # indicators are not
    # an area added later is found (the index follows the list of areas)
    last = repository.areas[-1]
    goal = last.area.goals[0].model_copy(update={"id": "a-goal-added-later", "actions": []})
    area = last.area.model_copy(update={"id": "added", "goals": [goal]})
    added = replace(last, path="plan/added.yaml", area=area)
    repository.areas.append(added)
    found = repository.item("a-goal-added-later")
    assert found is not None and found.area is added
