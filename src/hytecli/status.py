"""``hyte status``: the plan's judgement for a day, filtered and summed up per priority area.

:func:`compute_status` resolves the plan (:func:`hytecli.resolved.resolve_plan`), judges every
item once (:func:`hytecli.judge.judge_plan`; the states and their rules are in
:mod:`hytecli.judgement` and :mod:`hytecli.judge`), keeps the items the query asks for and counts
them per priority area. :mod:`hytecli.status_render` turns the result into a table, Markdown or
JSON; ``hyte report`` judges through the same function, so the two agree item by item. Nothing
here prints, or reads the clock except through :func:`hytecli.periods.today_in_zone` when no day
is given.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from hytecli.assessment_round import assessment_round
from hytecli.errors import HyteError
from hytecli.judge import judge_plan
from hytecli.judgement import AssessmentRound, Judgement, State, count_states, shown_states
from hytecli.models import Text
from hytecli.periods import today_in_zone
from hytecli.repository import PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan


class UnknownArea(HyteError):
    """``--area`` names a priority area the plan does not have (a usage error, exit 2)."""

    exit_code = 2


class YearOutsidePlan(HyteError):
    """A year asked for is not a year of the plan period (a usage error, exit 2)."""

    exit_code = 2


@dataclass(frozen=True)
class StatusQuery:
    """What ``hyte status`` is asked.

    Attributes:
        as_of: The day to judge; ``None`` for today in the plan's time zone.
        areas: Only these priority-area ids (empty: all).
        responsible: Only items whose responsible party contains this text (case-insensitive).
        due_within: "Due soon" means due within this many days (inclusive).
        year: The year judged (recurring deadlines, what was missed); ``None``: the as-of day's
            year, kept within the plan period. Must be a year of the plan period. The annual
            report for year Y passes Y, whatever day it is made on.
    """

    as_of: date | None = None
    areas: tuple[str, ...] = ()
    responsible: str | None = None
    due_within: int = 60
    year: int | None = None

    def __post_init__(self) -> None:
        if self.due_within < 0:
            raise ValueError("due_within must be 0 or more days")


@dataclass(frozen=True)
class AreaSummary:
    """Counts by state for one priority area (after filtering).

    Attributes:
        id: The area id; ``None`` for the group of indicators no goal or action uses.
        title: The area's title (its section heading, else its wording in ``plan.yaml``).
        number: The section number, if written.
        has_section: Whether the plan has a file for this area.
        note: A remark such as "no section in the plan", or ``None``.
        counts: Items per state (every state present, zeros included).
        missing_entries: Recurring items that lack an earlier year's entry.

    """

    id: str | None
    title: Text | None
    number: int | None
    has_section: bool
    note: str | None
    counts: Mapping[State, int]
    missing_entries: int = 0

    @property
    def total(self) -> int:
        """All items counted for the area."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class StatusReport:
    """The result of :func:`compute_status`.

    Attributes:
        as_of: The day judged.
        year: The year judged (recurring deadlines, what was missed).
        time_zone: The plan's time zone.
        language: The plan's main language (for showing texts).
        plan_id: The plan's id.
        plan_title: The plan's title.
        query: The query, as given.
        areas: One summary per priority area, in plan order (only the areas asked for).
        items: The items that pass the filters, grouped by area in plan order.
        assessment_round: The annual assessment round on the day judged
            (:func:`hytecli.assessment_round.assessment_round`); ``None`` before the plan's
            first year has ended.

    """

    as_of: date
    year: int
    time_zone: str
    language: str
    plan_id: str
    plan_title: Text
    query: StatusQuery
    areas: tuple[AreaSummary, ...]
    items: tuple[Judgement, ...] = field(default=())
    assessment_round: AssessmentRound | None = None

    @property
    def due_within(self) -> int:
        """Days within which an item counts as due soon."""
        return self.query.due_within

    @functools.cached_property
    def totals(self) -> dict[State, int]:
        """Items per state over all areas shown (counted once; callers only read it)."""
        return count_states(self.items)

    @functools.cached_property
    def states_shown(self) -> tuple[State, ...]:
        """The states the summary tables show (:func:`hytecli.judgement.shown_states`)."""
        return shown_states(self.totals)

    @functools.cached_property
    def _items_by_area(self) -> dict[str | None, list[Judgement]]:
        by_area: dict[str | None, list[Judgement]] = {}
        for item in self.items:
            for area_id in dict.fromkeys(item.areas) or (None,):
                by_area.setdefault(area_id, []).append(item)
        return by_area

    def items_in(self, area_id: str | None) -> list[Judgement]:
        """Return the items of one area (an indicator in every area it counts in).

        ``None``: the indicators that no goal or action uses. The items are indexed by area
        once, so asking for every area is linear in the plan.
        """
        return list(self._items_by_area.get(area_id, ()))

    @property
    def unassessed(self) -> tuple[Judgement, ...]:
        """The goals and actions still pursued without an assessment for the round's year."""
        return tuple(item for item in self.items if item.unassessed_year is not None)

    @property
    def round_due(self) -> bool:
        """Whether the annual assessment round is due and some item shown is not assessed."""
        return (
            self.assessment_round is not None
            and self.assessment_round.due
            and bool(self.unassessed)
        )

    @property
    def attention(self) -> tuple[Judgement, ...]:
        """The items that need attention (:attr:`~hytecli.judgement.Judgement.needs_attention`)."""
        return tuple(item for item in self.items if item.needs_attention)


#: What ``hyte status --fail-on`` can fail on.
FAIL_ON = ("overdue", "due", "unassessed")


def fails(report: StatusReport, fail_on: str) -> bool:
    """Whether ``hyte status --fail-on`` should exit 1.

    Args:
        report: The computed status.
        fail_on: ``overdue`` (anything overdue, including a recurring item's missing entry for
            an earlier year), ``due`` (that, or anything due soon) or ``unassessed`` (a goal or
            action without an assessment for the last plan year ended, once its round is due).

    Raises:
        ValueError: another ``fail_on``.

    """
    return fail_reason(report, fail_on) is not None


def fail_reason(report: StatusReport, fail_on: str) -> str | None:
    """Say why ``hyte status --fail-on`` fails, or return ``None`` when it does not.

    Args:
        report: The computed status.
        fail_on: ``overdue`` (anything overdue, including a recurring item's missing entry for
            an earlier year), ``due`` (that, or anything due soon) or ``unassessed`` (a goal or
            action without an assessment for the last plan year ended, once the round for it
            is due: :attr:`StatusReport.round_due`).

    Returns:
        ``"10 items overdue and 2 recurring entries missing"``: what matched, counted (each
        earlier plan-period year a recurring item has no entry for is one missing entry);
        ``"3 items not assessed for 2025"`` for ``unassessed``.

    Raises:
        ValueError: another ``fail_on``.

    """
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if fail_on == "unassessed":
        if not report.round_due or report.assessment_round is None:
            return None
        year = report.assessment_round.year
        return f"{_items(len(report.unassessed))} not assessed for {year}"
    counts = count_states(report.items)
    missing = sum(len(item.recurring.missing_years) for item in report.items if item.recurring)
    parts = []
    if counts[State.OVERDUE]:
        parts.append(f"{_items(counts[State.OVERDUE])} overdue")
    if fail_on == "due" and counts[State.DUE_SOON]:
        parts.append(f"{_items(counts[State.DUE_SOON])} due soon")
    if missing:
        parts.append(f"{missing} recurring {'entry' if missing == 1 else 'entries'} missing")
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _items(count: int) -> str:
    return f"{count} item{'' if count == 1 else 's'}"


def _check_areas(wanted: Sequence[str], known: Sequence[str]) -> None:
    unknown = [area for area in wanted if area not in known]
    if unknown:
        names = ", ".join(repr(a) for a in unknown)
        noun = "priority area" if len(unknown) == 1 else "priority areas"
        raise UnknownArea(f"unknown {noun} {names}: valid ids are {', '.join(known)}")


def _matches_responsible(item: Judgement, needle: str) -> bool:
    return any(
        needle in text.casefold() for party in item.responsible for text in party.values.values()
    )


def _summaries(
    resolved: ResolvedPlan, items: Sequence[Judgement], wanted: Sequence[str]
) -> list[AreaSummary]:
    summaries = []
    by_area: dict[str, list[Judgement]] = {}
    for item in items:
        for area_id in dict.fromkeys(item.areas):
            by_area.setdefault(area_id, []).append(item)
    for area in resolved.areas:
        if wanted and area.id not in wanted:
            continue
        mine = by_area.get(area.id, [])
        summaries.append(
            AreaSummary(
                id=area.id,
                title=area.title,
                number=area.number,
                has_section=area.has_section,
                note=area.note,
                counts=count_states(mine),
                missing_entries=sum(item.missing_entries for item in mine),
            )
        )
    unused = [item for item in items if not item.areas]
    if unused:
        summaries.append(
            AreaSummary(
                id=None,
                title=None,
                number=None,
                has_section=False,
                note="indicators that no goal or action uses",
                counts=count_states(unused),
                missing_entries=sum(item.missing_entries for item in unused),
            )
        )
    return summaries


def compute_status(
    plan: PlanRepository | ResolvedPlan, query: StatusQuery, now: datetime | None = None
) -> StatusReport:
    """Judge every goal, action and indicator of the plan for one day and keep those asked for.

    Args:
        plan: A loaded repository, or the plan already resolved from it.
        query: The day, year, filters and "due soon" window.
        now: The current instant, used only when ``query.as_of`` is ``None``: today is its date
            in the plan's time zone. ``None`` reads the machine's clock, for library users;
            the CLI reads the clock once and passes it in.

    Returns:
        The :class:`StatusReport`; items in plan order (each goal, then its indicators, then each
        action followed by its indicators; indicators that no goal or action uses last).

    Raises:
        hytecli.repository.PlanHasErrors: a plan file did not load.
        UnknownArea: ``query.areas`` names an area the plan does not have (the message lists
            the valid ids).
        YearOutsidePlan: ``query.year`` is not a year of the plan period.
    """
    resolved = plan if isinstance(plan, ResolvedPlan) else resolve_plan(plan)
    _check_areas(query.areas, resolved.area_ids)
    if query.year is not None and query.year not in resolved.years:
        raise YearOutsidePlan(
            f"{query.year} is not a year of the plan period "
            f"{resolved.first_year}–{resolved.last_year}"
        )
    meta = resolved.plan
    today = query.as_of if query.as_of is not None else today_in_zone(meta.time_zone, now)
    items = judge_plan(resolved, day=today, year=query.year, due_within=query.due_within)
    if query.areas:
        items = tuple(i for i in items if any(a in query.areas for a in i.areas))
    needle = (query.responsible or "").strip().casefold()
    if needle:
        items = tuple(i for i in items if _matches_responsible(i, needle))
    return StatusReport(
        as_of=today,
        year=query.year if query.year is not None else resolved.year_of(today),
        time_zone=meta.time_zone,
        language=meta.language,
        plan_id=meta.id,
        plan_title=meta.title,
        query=query,
        areas=tuple(_summaries(resolved, items, query.areas)),
        items=items,
        assessment_round=assessment_round(resolved, today),
    )
