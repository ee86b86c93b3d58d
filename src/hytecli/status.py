"""Where the plan stands on a given day: done, overdue, due soon, open or without a deadline.

:func:`compute_status` judges every goal, action and indicator of a loaded plan against one day
(``as_of``, or today in the plan's time zone) and returns a :class:`StatusReport` of plain values;
:mod:`hytecli.status_render` turns it into a table, Markdown or JSON. Nothing here prints or reads
the clock except through :func:`hytecli.periods.today_in_zone` when no day is given.

Rules (documented for users in ``docs/status.md``):

* A deadline includes its last day: due 2024-12-31 is *due* (in 0 days) on 2024-12-31 and
  *overdue by 1 day* on 2025-01-01.
* A goal or action is *done* when it has a ``completed`` entry dated on or before the day judged
  (for a recurring deadline: an entry for the year judged). It is done on time when the
  entry's date is not after the due date, else late.
* A recurring (annual) deadline is judged for one year: ``StatusQuery.year`` when given (the
  annual report judges its reporting year), else the current year, kept within the plan period
  (before the period the first year counts, after it the last). The item is done when that
  year's entry exists, else judged against that year's due date on the day judged. Earlier
  plan-period years without an entry are listed as missing; ``fails(report, "overdue")`` treats
  them as overdue.
* An indicator's deadline is its target's deadline. An indicator without one that is measured by
  exactly one goal or action that has a deadline inherits that deadline
  (:func:`hytecli.repository.indicator_deadline`, which progress uses too).
* Indicator values count from their ``date``, or when they have none, from their period's last
  day, and that day is their done date (:func:`hytecli.judging.known_from`). Values not yet known
  on the day judged are ignored, as are completions dated later, so ``--as-of`` is reproducible.
* Whether a value meets the target is :func:`hytecli.judging.meets_target`, which progress uses
  too, so an indicator's outcome and its progress status never contradict each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from hytecli.deadlines import DeadlineForm, ResolvedDeadline
from hytecli.judging import base_value, has_target, known_from, meets_target, series_values
from hytecli.models import Completion, Deadline, IndicatorFile, IndicatorValue, PlanFile, Text
from hytecli.periods import today_in_zone
from hytecli.progress import ProgressAssessment, assess_progress
from hytecli.repository import IndicatorRecord, PlanItem, PlanRepository, indicator_deadline

ItemKind = Literal["goal", "action", "indicator"]


class State(StrEnum):
    """The state of one goal, action or indicator on the day judged."""

    DONE = "done"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OPEN = "open"
    NO_DEADLINE = "no_deadline"


#: The order states are counted and shown in.
STATES: tuple[State, ...] = tuple(State)


class Outcome(StrEnum):
    """What an indicator's recorded values say about its target."""

    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_RECORDED = "not_recorded"
    RECORDED = "recorded"  # values recorded, but there is no target to judge them against


@dataclass(frozen=True)
class StatusQuery:
    """What ``hyte status`` is asked.

    Attributes:
        as_of: The day to judge; ``None`` for today in the plan's time zone.
        areas: Only these priority-area ids (empty: all).
        responsible: Only items whose responsible party contains this text (case-insensitive).
        due_within: "Due soon" means due within this many days (inclusive).
        year: Judge recurring (annual) deadlines for this year: due on its day (31 December
            unless the plan says otherwise), done when this year's entry exists, else open, due
            soon or overdue by that due date on the day judged; earlier plan-period years
            without an entry are missing. ``None`` (the default): the as-of day's year, kept
            within the plan period. Must be a year of the plan period. The annual report for
            year Y passes Y, whatever day it is made on.

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
class ItemRef:
    """A reference to a goal or action (where an indicator is used, or inherits from)."""

    kind: Literal["goal", "action"]
    id: str
    area: str
    goal: str


@dataclass(frozen=True)
class DeadlineStatus:
    """An item's deadline as judged.

    Attributes:
        form: ``date``, ``month``, ``year``, ``term_end`` or ``annual``.
        written: As written in the file (``2025-05``, ``2022-2025`` for a council term,
            ``annual``).
        due: The last day on time that the item is judged against (for a recurring deadline,
            the year judged); ``None`` when it cannot be resolved (an unknown council term).
        wording: The plan's own words for the deadline, if recorded.
        inherited_from: For an indicator, the goal or action whose deadline it inherits.

    """

    form: DeadlineForm
    written: str
    due: date | None
    wording: Text | None = None
    inherited_from: ItemRef | None = None


@dataclass(frozen=True)
class DoneInfo:
    """When an item was done and whether that was on time.

    Attributes:
        date: The completion date (for an indicator: the day the value that met the target
            became known, :func:`hytecli.judging.known_from`: its ``date``, else its period's
            last day).
        on_time: ``date`` ≤ the due date; ``None`` when there is no due date.
        days_late: Days after the due date (0 when on time); ``None`` without a due date.

    """

    date: date
    on_time: bool | None
    days_late: int | None


@dataclass(frozen=True)
class RecurringStatus:
    """A recurring (annual) item's year judged.

    Attributes:
        year: The year judged (``StatusQuery.year``, else the as-of day's year kept within
            the plan period).
        due: That year's due date.
        entry_exists: Whether an entry (completion, or indicator value) for that year exists.
        missing_years: Earlier plan-period years that have no entry.

    """

    year: int
    due: date
    entry_exists: bool
    missing_years: tuple[int, ...]


@dataclass(frozen=True)
class TargetInfo:
    """An indicator's target, as written."""

    value: bool | int | float | str | None
    comparison: str | None
    reference: str | None
    label: Text | None
    wording: Text | None


@dataclass(frozen=True)
class ValueInfo:
    """One recorded indicator value."""

    period: str
    value: bool | int | float | str
    date: date | None


@dataclass(frozen=True)
class IndicatorStatus:
    """The indicator-specific part of a :class:`StatusItem`.

    Attributes:
        indicator_kind: ``yes_no``, ``count``, ``percentage``, ``rate`` or ``text``.
        unit: The unit, if written.
        target: The target, or ``None`` when the plan sets none.
        latest: The latest whole-county value counted on the day judged, or ``None``.
        reference_value: For a reference target, the reference series' value for the same
            period as ``latest``, or ``None``.
        outcome: What the values judged say about the target.
        used_by: The goals and actions that list this indicator, in plan order.
        progress: For count, percentage and rate indicators, the progress assessment
            (:func:`hytecli.progress.assess_progress`, Statistics Canada's compound-growth
            method as used by Open SDG); ``None`` for yes/no and text indicators.

    """

    indicator_kind: str
    unit: Text | None
    target: TargetInfo | None
    latest: ValueInfo | None
    reference_value: ValueInfo | None
    outcome: Outcome
    used_by: tuple[ItemRef, ...]
    progress: ProgressAssessment | None = None


@dataclass(frozen=True)
class StatusItem:
    """The state of one goal, action or indicator.

    Attributes:
        kind: ``goal``, ``action`` or ``indicator``.
        id: Its id.
        area: The priority area's id (an indicator's: that of the first goal or action using it;
            ``None`` when none uses it).
        goal: The goal's id (a goal's own, an action's goal, an indicator's first user's goal).
        title: The plan's text (an indicator's ``name``).
        responsible: Responsible parties (an action without its own inherits its goal's; an
            indicator has those of the goals and actions using it).
        state: The :class:`State`.
        days: Overdue by this many days (``overdue``), or due in this many days (``due_soon``,
            ``open``); ``None`` for ``done`` and ``no_deadline``.
        deadline: The deadline judged, or ``None``.
        done: When it was done, for ``done`` items.
        recurring: The year judged of a recurring deadline.
        indicator: Indicator details (``kind == "indicator"`` only).
        path: The file it is written in, relative to the repository root.

    """

    kind: ItemKind
    id: str
    area: str | None
    goal: str | None
    title: Text
    responsible: tuple[Text, ...]
    state: State
    days: int | None
    deadline: DeadlineStatus | None
    done: DoneInfo | None
    recurring: RecurringStatus | None
    indicator: IndicatorStatus | None
    path: str

    @property
    def missing_entries(self) -> bool:
        """True when a recurring item lacks an entry for an earlier plan-period year."""
        return bool(self.recurring and self.recurring.missing_years)


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
        time_zone: The plan's time zone.
        language: The plan's main language (for showing texts).
        plan_id: The plan's id.
        plan_title: The plan's title.
        query: The query, as given.
        areas: One summary per priority area, in plan order (only the areas asked for).
        items: The items that pass the filters, grouped by area in plan order.

    """

    as_of: date
    time_zone: str
    language: str
    plan_id: str
    plan_title: Text
    query: StatusQuery
    areas: tuple[AreaSummary, ...]
    items: tuple[StatusItem, ...] = field(default=())

    @property
    def due_within(self) -> int:
        """Days within which an item counts as due soon."""
        return self.query.due_within

    @property
    def totals(self) -> dict[State, int]:
        """Items per state over all areas shown."""
        return count_states(self.items)

    def items_in(self, area_id: str | None) -> list[StatusItem]:
        """Return the items of one area (``None``: indicators that no goal or action uses)."""
        return [item for item in self.items if item.area == area_id]


def count_states(items: Iterable[StatusItem]) -> dict[State, int]:
    """Count items per state; every state is present."""
    counts = dict.fromkeys(STATES, 0)
    for item in items:
        counts[item.state] += 1
    return counts


def fails(report: StatusReport, fail_on: str) -> bool:
    """Whether ``hyte status --fail-on`` should exit 1.

    Args:
        report: The computed status.
        fail_on: ``overdue`` (anything overdue, including a recurring item's missing entry for
            an earlier year) or ``due`` (that, or anything due soon).

    Raises:
        ValueError: another ``fail_on``.

    """
    return fail_reason(report, fail_on) is not None


def fail_reason(report: StatusReport, fail_on: str) -> str | None:
    """Say why ``hyte status --fail-on`` fails, or return ``None`` when it does not.

    Args:
        report: The computed status.
        fail_on: ``overdue`` (anything overdue, including a recurring item's missing entry for
            an earlier year) or ``due`` (that, or anything due soon).

    Returns:
        ``"10 items overdue and 2 recurring entries missing"``: what matched, counted (each
        earlier plan-period year a recurring item has no entry for is one missing entry).

    Raises:
        ValueError: another ``fail_on``.

    """
    if fail_on not in ("overdue", "due"):
        raise ValueError(f"fail_on must be 'overdue' or 'due', not {fail_on!r}")
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


#: Indicator kinds whose progress is measured with the compound-growth method.
NUMERIC_KINDS = frozenset({"count", "percentage", "rate"})


# --- computing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    today: date
    due_within: int
    first_year: int
    last_year: int
    year: int | None = None

    def judge(self, due: date) -> tuple[State, int]:
        delta = (due - self.today).days
        if delta < 0:
            return State.OVERDUE, -delta
        if delta <= self.due_within:
            return State.DUE_SOON, delta
        return State.OPEN, delta

    def occurrence_year(self) -> int:
        """The year whose occurrence of a recurring deadline is judged."""
        if self.year is not None:
            return self.year
        return min(max(self.today.year, self.first_year), self.last_year)


def _done_info(done_on: date, due: date | None) -> DoneInfo:
    if due is None:
        return DoneInfo(done_on, None, None)
    late = (done_on - due).days
    return DoneInfo(done_on, late <= 0, max(late, 0))


def _ref(item: PlanItem) -> ItemRef:
    return ItemRef(item.kind, item.id, item.area.area.id, item.goal.id)


def _deadline_status(
    written: Deadline | None,
    resolved: ResolvedDeadline | None,
    due: date | None,
    inherited_from: ItemRef | None = None,
) -> DeadlineStatus | None:
    if resolved is not None:
        return DeadlineStatus(
            resolved.form, resolved.written, due, resolved.wording, inherited_from
        )
    if written is None:
        return None
    # Written but not resolvable (a council term plan.yaml does not define).
    if written.term_end is not None:
        return DeadlineStatus("term_end", written.term_end, None, written.wording, inherited_from)
    return DeadlineStatus("date", str(written.due), None, written.wording, inherited_from)


def _completion_year(entry: Completion) -> int:
    return entry.period.year if entry.period is not None else entry.date.year


def _first_completion(entries: Iterable[Completion]) -> Completion | None:
    return min(entries, key=lambda c: c.date, default=None)


def _plan_item_status(item: PlanItem, ctx: _Context) -> StatusItem:
    node = item.node
    entries = [c for c in node.completed if c.date <= ctx.today]
    resolved = item.deadline
    recurring: RecurringStatus | None = None
    done: DoneInfo | None = None
    days: int | None = None
    due: date | None = None
    if resolved is not None and resolved.recurring:
        year = ctx.occurrence_year()
        due = resolved.due_in(year)
        by_year: dict[int, list[Completion]] = {}
        for entry in entries:
            by_year.setdefault(_completion_year(entry), []).append(entry)
        this = _first_completion(by_year.get(year, []))
        missing = tuple(y for y in range(ctx.first_year, year) if y not in by_year)
        recurring = RecurringStatus(year, due, this is not None, missing)
        if this is not None:
            state, done = State.DONE, _done_info(this.date, due)
        else:
            state, days = ctx.judge(due)
    else:
        due = resolved.due if resolved is not None else None
        first = _first_completion(entries)
        if first is not None:
            state, done = State.DONE, _done_info(first.date, due)
        elif due is not None:
            state, days = ctx.judge(due)
        else:
            state = State.NO_DEADLINE
    return StatusItem(
        kind=item.kind,
        id=item.id,
        area=item.area.area.id,
        goal=item.goal.id,
        title=node.title,
        responsible=tuple(item.responsible),
        state=state,
        days=days,
        deadline=_deadline_status(node.deadline, resolved, due),
        done=done,
        recurring=recurring,
        indicator=None,
        path=item.area.path,
    )


# --- indicators -----------------------------------------------------------------------------------


class _Judge:
    """Judges an indicator's values against its target (:func:`hytecli.judging.meets_target`)."""

    def __init__(
        self,
        indicator: IndicatorFile,
        values: Sequence[IndicatorValue],
        references: Sequence[IndicatorValue],
    ) -> None:
        self.indicator = indicator
        self.has_target = has_target(indicator)
        self.base = base_value(indicator, values)
        self.references = {v.period: v for v in references}

    def meets(self, value: IndicatorValue) -> bool | None:
        """Whether ``value`` meets the target (``None``: no reference value to compare with)."""
        if not self.has_target:
            return True  # no target: a recorded value is all there is to do
        reference = self.references.get(value.period)
        return meets_target(
            self.indicator,
            value.value,
            reference=reference.value if reference is not None else None,
            base=self.base,
        )

    def evaluate(self, values: Sequence[IndicatorValue]) -> tuple[Outcome, date | None]:
        """Return the outcome of ``values`` (oldest first) and, when met, the day it was met.

        The date is the day the first value of the latest unbroken run of values that meet
        the target became known (:func:`hytecli.judging.known_from`), so a yearly "true"
        repeated does not move the done date, and it is never after the day judged.
        """
        if not values:
            return Outcome.NOT_RECORDED, None
        met = self.meets(values[-1])
        if met is None:
            return Outcome.NOT_RECORDED, None
        if not met:
            return Outcome.NOT_ACHIEVED, None
        start = len(values) - 1
        while start > 0 and self.meets(values[start - 1]):
            start -= 1
        outcome = Outcome.ACHIEVED if self.has_target else Outcome.RECORDED
        return outcome, known_from(values[start])


def _value_info(value: IndicatorValue | None) -> ValueInfo | None:
    if value is None:
        return None
    return ValueInfo(str(value.period), value.value, value.date)


def _target_info(indicator: IndicatorFile) -> TargetInfo | None:
    target = indicator.target
    if target is None:
        return None
    return TargetInfo(
        target.value, target.comparison, target.reference, target.label, target.wording
    )


def _unique_texts(groups: Iterable[Iterable[Text]]) -> tuple[Text, ...]:
    seen: dict[Text, None] = {}
    for group in groups:
        for text in group:
            seen.setdefault(text, None)
    return tuple(seen)


def _indicator_status(
    record: IndicatorRecord,
    users: Sequence[PlanItem],
    repository: PlanRepository,
    ctx: _Context,
) -> StatusItem:
    indicator = record.indicator
    target = indicator.target
    deadline = indicator_deadline(indicator, repository.plan, users)
    written, resolved = deadline.written, deadline.resolved
    inherited_from = _ref(deadline.inherited_from) if deadline.inherited_from else None

    own = series_values(indicator, ctx.today)
    references: list[IndicatorValue] = []
    if target is not None and target.reference is not None:
        references = series_values(indicator, ctx.today, target.reference)
    judge = _Judge(indicator, own, references)
    latest = own[-1] if own else None

    recurring: RecurringStatus | None = None
    due: date | None = None
    if resolved is not None and resolved.recurring:
        year = ctx.occurrence_year()
        due = resolved.due_in(year)
        years = {v.period.year for v in own}
        recurring = RecurringStatus(
            year,
            due,
            year in years,
            tuple(y for y in range(ctx.first_year, year) if y not in years),
        )
        outcome, met_on = judge.evaluate([v for v in own if v.period.year == year])
    else:
        due = resolved.due if resolved is not None else None
        outcome, met_on = judge.evaluate(own)

    done: DoneInfo | None = None
    days: int | None = None
    if met_on is not None and (judge.has_target or due is not None):
        state, done = State.DONE, _done_info(met_on, due)
    elif due is not None:
        state, days = ctx.judge(due)
    else:
        state = State.NO_DEADLINE

    reference_value = None
    if latest is not None and judge.references:
        reference_value = _value_info(judge.references.get(latest.period))
    first = users[0] if users else None
    return StatusItem(
        kind="indicator",
        id=indicator.id,
        area=first.area.area.id if first else None,
        goal=first.goal.id if first else None,
        title=indicator.name,
        responsible=_unique_texts(user.responsible for user in users),
        state=state,
        days=days,
        deadline=_deadline_status(written, resolved, due, inherited_from),
        done=done,
        recurring=recurring,
        indicator=IndicatorStatus(
            indicator_kind=indicator.kind,
            unit=indicator.unit,
            target=_target_info(indicator),
            latest=_value_info(latest),
            reference_value=reference_value,
            outcome=outcome,
            used_by=tuple(_ref(user) for user in users),
            progress=(
                assess_progress(indicator, as_of=ctx.today, plan=repository.plan, deadline=deadline)
                if indicator.kind in NUMERIC_KINDS
                else None
            ),
        ),
        path=record.path,
    )


# --- the report -----------------------------------------------------------------------------------


def _area_ids(repository: PlanRepository, plan: PlanFile) -> list[str]:
    ids = [listing.id for listing in plan.priority_areas]
    ids += [r.area.id for r in repository.ordered_areas() if r.area.id not in ids]
    return ids


def _check_areas(wanted: Sequence[str], known: Sequence[str]) -> None:
    unknown = [area for area in wanted if area not in known]
    if unknown:
        names = ", ".join(repr(a) for a in unknown)
        noun = "priority area" if len(unknown) == 1 else "priority areas"
        raise LookupError(f"unknown {noun} {names}: valid ids are {', '.join(known)}")


def _matches_responsible(item: StatusItem, needle: str) -> bool:
    return any(
        needle in text.casefold() for party in item.responsible for text in party.values.values()
    )


def _summaries(
    repository: PlanRepository, plan: PlanFile, items: Sequence[StatusItem], wanted: Sequence[str]
) -> list[AreaSummary]:
    summaries = []
    listed = {listing.id: listing for listing in plan.priority_areas}
    for area_id in _area_ids(repository, plan):
        if wanted and area_id not in wanted:
            continue
        record = repository.area(area_id)
        listing = listed.get(area_id)
        note = None
        if record is None:
            note = "no section in the plan"
        elif listing is None:
            note = "not listed in plan/plan.yaml priority_areas"
        title = record.area.title if record is not None else listing.title if listing else None
        mine = [item for item in items if item.area == area_id]
        summaries.append(
            AreaSummary(
                id=area_id,
                title=title,
                number=record.area.number if record is not None else None,
                has_section=record is not None,
                note=note,
                counts=count_states(mine),
                missing_entries=sum(item.missing_entries for item in mine),
            )
        )
    unused = [item for item in items if item.area is None]
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
    repository: PlanRepository, query: StatusQuery, now: datetime | None = None
) -> StatusReport:
    """Judge every goal, action and indicator of the plan on one day.

    Args:
        repository: A loaded plan (its ``plan`` must have loaded).
        query: The day, filters and "due soon" window.
        now: The current instant, used only when ``query.as_of`` is ``None``: today is its date
            in the plan's time zone. ``None`` reads the machine's clock, for library users;
            the CLI reads the clock once and passes it in.

    Returns:
        The :class:`StatusReport`; items in plan order (each goal, then its indicators, then each
        action followed by its indicators; indicators that no goal or action uses last).

    Raises:
        LookupError: ``query.areas`` names an area the plan does not have (the message lists
            the valid ids).
        ValueError: the plan itself (``plan/plan.yaml``) did not load, or ``query.year`` is
            not a year of the plan period.

    """
    plan = repository.plan
    if plan is None:
        raise ValueError("plan/plan.yaml did not load; run 'hyte validate' to see why")
    known = _area_ids(repository, plan)
    _check_areas(query.areas, known)
    first_year, last_year = plan.period.start.year, plan.period.end.year
    if query.year is not None and not first_year <= query.year <= last_year:
        raise ValueError(f"{query.year} is not a year of the plan period {first_year}–{last_year}")
    today = query.as_of if query.as_of is not None else today_in_zone(plan.time_zone, now)
    ctx = _Context(today, query.due_within, first_year, last_year, query.year)

    plan_items = list(repository.items())
    users: dict[str, list[PlanItem]] = {}
    for plan_item in plan_items:
        for indicator_id in dict.fromkeys(plan_item.node.indicators):
            users.setdefault(indicator_id, []).append(plan_item)

    items: list[StatusItem] = []
    placed: set[str] = set()
    for plan_item in plan_items:
        items.append(_plan_item_status(plan_item, ctx))
        for indicator_id in dict.fromkeys(plan_item.node.indicators):
            record = repository.indicator(indicator_id)
            if record is None or indicator_id in placed:
                continue  # an unknown indicator is hyte validate's to report
            placed.add(indicator_id)
            items.append(_indicator_status(record, users[indicator_id], repository, ctx))
    for record in repository.indicators:
        if record.indicator.id not in placed:
            placed.add(record.indicator.id)
            items.append(_indicator_status(record, [], repository, ctx))

    if query.areas:
        items = [item for item in items if item.area in query.areas]
    needle = (query.responsible or "").strip().casefold()
    if needle:
        items = [item for item in items if _matches_responsible(item, needle)]

    return StatusReport(
        as_of=today,
        time_zone=plan.time_zone,
        language=plan.language,
        plan_id=plan.id,
        plan_title=plan.title,
        query=query,
        areas=tuple(_summaries(repository, plan, items, query.areas)),
        items=tuple(items),
    )
