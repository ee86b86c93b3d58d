"""The resolved plan: one model of the whole plan, built once when it is loaded.

The file models (:mod:`hytecli.models`) describe what each YAML file holds, for the schema and
for ``hyte validate``. Everything that *uses* the plan (status, the report, export, diff)
reads this model instead, so that none of them builds its own indexes or resolves a deadline
again:

* the plan → priority areas (in the plan's order, with a note for an area listed without a
  section or a section not listed) → goals → actions, as :class:`~hytecli.repository.PlanItem`
  objects whose deadline is resolved once;
* each indicator (:class:`ResolvedIndicator`) with the goals and actions that use it, the
  priority areas it counts in (an indicator shared by two areas counts in both) and its
  effective deadline (its own, or the one it inherits: :func:`~hytecli.repository.
  indicator_deadline`), and the rules that depend on its kind;
* the plan period's years, and which year a day's recurring deadlines are judged for.

Lookups by id are dictionaries built once, so using the model is linear in the plan's size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from hytecli.judging import has_target, wanted_answer
from hytecli.models import IndicatorFile, PlanFile, Text
from hytecli.repository import (
    AreaRecord,
    IndicatorDeadline,
    IndicatorRecord,
    PlanItem,
    PlanRepository,
    indicator_deadline,
    require_usable_plan,
)

#: Indicator kinds whose progress is measured with the compound-growth method.
NUMERIC_KINDS = frozenset({"count", "percentage", "rate"})


@dataclass(frozen=True, eq=False)
class ResolvedIndicator:
    """An indicator with everything the plan says about it.

    Attributes:
        record: The indicator file (path, located document, model).
        users: The goals and actions that list it, in plan order, each once.
        deadline: Its effective deadline: the target's own, else the one it inherits from the
            one goal or action with a deadline that lists it (docs/status.md, "Deadline").
        area_ids: The priority areas of its users, in plan order, each once (empty when no
            goal or action uses it).
    """

    record: IndicatorRecord
    users: tuple[PlanItem, ...]
    deadline: IndicatorDeadline
    area_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.record.indicator.id

    @property
    def model(self) -> IndicatorFile:
        """The indicator file's model."""
        return self.record.indicator

    @property
    def path(self) -> str:
        """Its file, relative to the repository root."""
        return self.record.path

    @property
    def kind(self) -> str:
        """``yes_no``, ``count``, ``percentage``, ``rate`` or ``text``."""
        return self.record.indicator.kind

    @property
    def numeric(self) -> bool:
        """Whether progress is measured by compound growth (count, percentage, rate)."""
        return self.kind in NUMERIC_KINDS

    @property
    def has_target(self) -> bool:
        """Whether its values have something to meet (a target; every yes/no indicator)."""
        return has_target(self.record.indicator)

    @property
    def wanted_answer(self) -> bool | None:
        """For a yes/no indicator, the answer it wants (yes unless its target says no)."""
        return wanted_answer(self.record.indicator) if self.kind == "yes_no" else None

    @property
    def first_user(self) -> PlanItem | None:
        """The first goal or action that lists it (where it is shown in plan order)."""
        return self.users[0] if self.users else None

    @property
    def responsible(self) -> tuple[Text, ...]:
        """The responsible parties of the goals and actions that use it, each once."""
        seen: dict[Text, None] = {}
        for user in self.users:
            for party in user.responsible:
                seen.setdefault(party, None)
        return tuple(seen)


@dataclass(frozen=True, eq=False)
class ResolvedArea:
    """A priority area: its section (if the plan has one) and what it holds.

    Attributes:
        id: The area's id.
        title: Its section's heading, else its wording in ``plan.yaml``'s ``priority_areas``.
        number: The section's number, if written.
        record: The area file, or ``None`` for an area listed in ``plan.yaml`` without a section.
        note: ``"no section in the plan"``, ``"not listed in plan/plan.yaml priority_areas"``,
            or ``None``.
        items: Its goals, each followed by its actions, in plan order.
        indicators: The indicators its goals and actions use, in order of first use.
    """

    id: str
    title: Text | None
    number: int | None
    record: AreaRecord | None
    note: str | None
    items: tuple[PlanItem, ...]
    indicators: tuple[ResolvedIndicator, ...] = ()

    @property
    def has_section(self) -> bool:
        """Whether the plan has a file for this area."""
        return self.record is not None


@dataclass(eq=False)
class ResolvedPlan:
    """The whole plan, resolved (see the module's description).

    Build it with :func:`resolve_plan`. Attributes are read-only by convention.

    Attributes:
        repository: The loaded repository it was built from.
        plan: ``plan/plan.yaml``'s model.
        areas: The priority areas in the plan's order (those listed in ``plan.yaml``, then any
            section not listed, by path).
        items: Every goal and action in plan order (each goal, then its actions).
        indicators: Every indicator: those used, in order of first use, then those no goal or
            action uses, by path.
    """

    repository: PlanRepository
    plan: PlanFile
    areas: tuple[ResolvedArea, ...]
    items: tuple[PlanItem, ...]
    indicators: tuple[ResolvedIndicator, ...]
    _items_by_id: dict[str, PlanItem] = field(default_factory=dict, repr=False)
    _indicators_by_id: dict[str, ResolvedIndicator] = field(default_factory=dict, repr=False)
    _areas_by_id: dict[str, ResolvedArea] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for item in self.items:
            self._items_by_id.setdefault(item.id, item)  # the first of a duplicated id
        for indicator in self.indicators:
            self._indicators_by_id.setdefault(indicator.id, indicator)
        for area in self.areas:
            self._areas_by_id.setdefault(area.id, area)

    @property
    def first_year(self) -> int:
        """The plan period's first year."""
        return self.plan.period.start.year

    @property
    def last_year(self) -> int:
        """The plan period's last year."""
        return self.plan.period.end.year

    @property
    def years(self) -> range:
        """The plan period's years (2024–2026 → ``range(2024, 2027)``)."""
        return range(self.first_year, self.last_year + 1)

    def year_of(self, day: date) -> int:
        """The plan-period year a day's recurring deadlines are judged for.

        ``day``'s year, kept within the plan period: before it, the first year; after it,
        the last.
        """
        return min(max(day.year, self.first_year), self.last_year)

    @property
    def area_ids(self) -> tuple[str, ...]:
        """Every priority area's id, in the plan's order."""
        return tuple(area.id for area in self.areas)

    def area(self, area_id: str) -> ResolvedArea | None:
        """The priority area with ``area_id``, or ``None``."""
        return self._areas_by_id.get(area_id)

    def item(self, item_id: str) -> PlanItem | None:
        """The goal or action with ``item_id`` (the first one, if duplicated), or ``None``."""
        return self._items_by_id.get(item_id)

    def indicator(self, indicator_id: str) -> ResolvedIndicator | None:
        """The indicator with ``indicator_id`` (the first one, if duplicated), or ``None``."""
        return self._indicators_by_id.get(indicator_id)

    @property
    def unused_indicators(self) -> tuple[ResolvedIndicator, ...]:
        """Indicators that no goal or action uses, by path."""
        return tuple(indicator for indicator in self.indicators if not indicator.users)

    def in_plan_order(self) -> Iterator[PlanItem | ResolvedIndicator]:
        """Every item once, in the order the plan reads.

        Each goal, then its indicators, then each of its actions followed by its indicators;
        an indicator comes after the first goal or action that lists it. Indicators that no
        goal or action uses come last.
        """
        placed: set[str] = set()
        for item in self.items:
            yield item
            for indicator_id in item.node.indicators:
                indicator = self.indicator(indicator_id)
                if indicator is not None and indicator_id not in placed:
                    placed.add(indicator_id)
                    yield indicator
        for indicator in self.indicators:
            if indicator.id not in placed:
                placed.add(indicator.id)
                yield indicator


def _area_items(repository: PlanRepository, record: AreaRecord) -> list[PlanItem]:
    items: list[PlanItem] = []
    for gi, goal in enumerate(record.area.goals):
        items.append(
            PlanItem("goal", record, goal, None, ("goals", gi), repository.resolve(goal.deadline))
        )
        for ai, action in enumerate(goal.actions):
            items.append(
                PlanItem(
                    "action",
                    record,
                    goal,
                    action,
                    ("goals", gi, "actions", ai),
                    repository.resolve(action.deadline),
                )
            )
    return items


def _unique(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def resolve_plan(repository: PlanRepository) -> ResolvedPlan:
    """Build the :class:`ResolvedPlan` of a loaded repository.

    Args:
        repository: A repository loaded by :func:`hytecli.repository.load_repository`.

    Returns:
        The resolved plan. Cost is linear in the number of goals, actions and indicators.

    Raises:
        hytecli.repository.PlanHasErrors: a file did not load (the message lists why); run
            ``hyte validate`` for every finding.
    """
    plan = require_usable_plan(repository)
    records: dict[str, AreaRecord] = {}
    for record in repository.areas:
        records.setdefault(record.area.id, record)
    listed = {listing.id: listing for listing in plan.priority_areas}
    order = list(listed)
    order += sorted(
        (area_id for area_id in records if area_id not in listed),
        key=lambda area_id: records[area_id].path,
    )

    area_items: dict[str, list[PlanItem]] = {}
    users: dict[str, list[PlanItem]] = {}
    all_items: list[PlanItem] = []
    for area_id in order:
        section = records.get(area_id)
        found = _area_items(repository, section) if section is not None else []
        area_items[area_id] = found
        all_items.extend(found)
        for item in found:
            for indicator_id in _unique(item.node.indicators):
                users.setdefault(indicator_id, []).append(item)

    indicator_records: dict[str, IndicatorRecord] = {}
    for indicator_record in repository.indicators:
        indicator_records.setdefault(indicator_record.indicator.id, indicator_record)
    resolved: dict[str, ResolvedIndicator] = {}
    for indicator_id, indicator_record in indicator_records.items():
        its_users = tuple(users.get(indicator_id, ()))
        resolved[indicator_id] = ResolvedIndicator(
            record=indicator_record,
            users=its_users,
            deadline=indicator_deadline(indicator_record.indicator, plan, its_users),
            area_ids=_unique([user.area.area.id for user in its_users]),
        )
    used_order = [i for i in users if i in resolved]
    unused = sorted((i for i in resolved if i not in users), key=lambda i: resolved[i].record.path)

    areas: list[ResolvedArea] = []
    for area_id in order:
        area_record = records.get(area_id)
        listing = listed.get(area_id)
        note = None
        if area_record is None:
            note = "no section in the plan"
        elif listing is None:
            note = "not listed in plan/plan.yaml priority_areas"
        title = (
            area_record.area.title
            if area_record is not None
            else listing.title
            if listing
            else None
        )
        indicator_ids = _unique(
            [i for item in area_items[area_id] for i in item.node.indicators if i in resolved]
        )
        areas.append(
            ResolvedArea(
                id=area_id,
                title=title,
                number=area_record.area.number if area_record is not None else None,
                record=area_record,
                note=note,
                items=tuple(area_items[area_id]),
                indicators=tuple(resolved[i] for i in indicator_ids),
            )
        )
    return ResolvedPlan(
        repository=repository,
        plan=plan,
        areas=tuple(areas),
        items=tuple(all_items),
        indicators=tuple(resolved[i] for i in [*used_order, *unused]),
    )
