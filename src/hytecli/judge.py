"""Judging a resolved plan for a day and a year: every item once, by one set of rules.

:func:`judge_plan` returns a :class:`~hytecli.judgement.Judgement` per goal, action and
indicator. ``hyte status`` judges a day (the year is that day's, kept within the plan period);
``hyte report --year Y`` judges year Y as known on the day the report is made. Both call this
one function, so they agree item by item. Rules (documented for users in ``docs/status.md``):

* **What counts.** A completion counts when it is dated on or before the day judged; a value
  when its period starts within or before the year judged and it was known on the day judged
  (:func:`hytecli.judging.known_on`): a 2024 statistic that arrived in February 2025 counts in
  the 2024 report made in March 2025. An item whose deadline is after the year judged is judged
  as it stood at the end of that year (or on the day judged, if earlier): it is not overdue in
  the report of a year before its deadline, and a completion after that year does not count.
* **Deadlines include their last day**: due 31.12.2024 is *due soon* (in 0 days) on that day and
  *overdue* on 1.1.2025. Once the year judged has ended, nothing in its report is *due soon*.
* **Done on time or late.** Done by the due date is ``done``; after it, ``done_late``.
* **Recurring (annual) deadlines** are judged for the year judged: that year's entry, due on the
  yearly day; earlier plan-period years without an entry are listed as missing.
* **Indicators.** An indicator's deadline is its effective deadline (its target's own, or the
  one inherited: :attr:`~hytecli.resolved.ResolvedIndicator.deadline`). Its values are judged
  against its target by :func:`hytecli.judging.meets_target`, the rule progress uses too:
  the latest value meets it → done (dated when the unbroken run of values meeting it began);
  it does not, and the deadline has passed (or a yes/no answer without a deadline) →
  ``not_achieved``, not overdue; nothing recorded → by the deadline. An indicator without a
  target whose values are recorded is ``monitored``: recording a figure is not reaching a goal.
* **Assessments** (:mod:`hytecli.assessments`). A ``completed`` assessment counts as done:
  dated by a completion if any, else by the assessment's date when that is on or before the
  deadline (done by then, on time); otherwise only its year is known (``DoneInfo.assessed_year``:
  on time when due in that year or later), as its date is when it was reported, often a yearly
  round's import day, not when the work was done. ``cancelled`` and ``merged`` close the item
  from their year on; ``not_achieved`` and ``delayed`` for the year judged put it in the missed
  list.
* **The assessment round** (:mod:`hytecli.assessment_round`). The last plan year ended on the day
  judged is the year to assess; a goal or action still pursued without an assessment for it
  is unassessed for it, and from the day the round opens (``plan.yaml``
  ``assessment_round.opens``, default 1 February) its assessment is due.
* **Missed.** An item is missed in a year when its deadline fell within that year, has passed on
  the day judged, and it was not met by then: overdue, done late, or not achieved.

Nothing here reads the clock: the day is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from hytecli.assessment_round import assessment_round, unassessed_year
from hytecli.assessments import (
    MISSED_STATUSES,
    Assessment,
    AssessmentStatus,
    assessment_for,
    latest_closing,
)
from hytecli.deadlines import ResolvedDeadline
from hytecli.judgement import (
    AssessmentRound,
    DeadlineStatus,
    DoneInfo,
    IndicatorStatus,
    ItemRef,
    Judgement,
    Outcome,
    RecurringStatus,
    State,
    TargetInfo,
    ValueInfo,
)
from hytecli.judging import base_value, known_from, known_on, meets_target, series_values
from hytecli.models import Completion, Deadline, IndicatorFile, IndicatorValue
from hytecli.progress import assess_indicator
from hytecli.repository import PlanItem
from hytecli.resolved import ResolvedIndicator, ResolvedPlan


@dataclass(frozen=True, slots=True)
class Clock:
    """The day and year judged, and the "due soon" window.

    Attributes:
        day: The day judged: what was recorded up to it counts.
        year: The year judged (a plan-period year).
        due_within: "Due soon" means due within this many days (inclusive).
    """

    day: date
    year: int
    due_within: int = 60
    round: AssessmentRound | None = None

    @property
    def year_end(self) -> date:
        """31 December of the year judged."""
        return date(self.year, 12, 31)

    @property
    def year_over(self) -> bool:
        """Whether the year judged has ended on the day judged."""
        return self.day > self.year_end

    def cutoff(self, due: date | None) -> date:
        """The last day whose completions count for an item due on ``due``.

        The day judged, except for an item due after the year judged (or without a deadline):
        then the end of that year, if earlier.
        """
        if due is not None and due <= self.year_end:
            return self.day
        return min(self.day, self.year_end)

    def countdown(self, due: date) -> tuple[State, int | None]:
        """The state and days of an item not done, due on ``due``.

        An item due after a year that has ended is open with no count of days: it stands as at
        the year's end, and "due in 365 days" counted from then reads as a year left to a reader
        of that year's report made months later (the report's day is shown beside it).
        """
        today = self.cutoff(due)
        delta = (due - today).days
        if delta < 0:
            return State.OVERDUE, -delta
        if delta <= self.due_within and not self.year_over:
            return State.DUE_SOON, delta
        if self.year_over and due > self.year_end:
            return State.OPEN, None
        return State.OPEN, delta

    def missed(self, due: date | None, state: State) -> bool:
        """Whether an item due on ``due`` in ``state`` was missed in the year judged."""
        if due is None or due.year != self.year or due >= self.day:
            return False
        return state in (State.OVERDUE, State.DONE_LATE, State.NOT_ACHIEVED)


def _done(done_on: date, due: date | None) -> tuple[State, DoneInfo]:
    if due is None:
        return State.DONE, DoneInfo(done_on, None, None)
    late = (done_on - due).days
    return (State.DONE if late <= 0 else State.DONE_LATE), DoneInfo(
        done_on, late <= 0, max(late, 0)
    )


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


def _recurring(
    clock: Clock, resolved: ResolvedDeadline, years: Iterable[int], first_year: int
) -> RecurringStatus:
    present = set(years)
    return RecurringStatus(
        clock.year,
        resolved.due_in(clock.year),
        clock.year in present,
        tuple(y for y in range(first_year, clock.year) if y not in present),
    )


def _assessed_done(
    assessment: Assessment, due: date | None, completed_on: date | None
) -> tuple[State, DoneInfo]:
    """An item done by its ``completed`` assessment (see the module's rules)."""
    if completed_on is not None:
        return _done(completed_on, due)
    dated = assessment.date
    reported = dated if dated is not None and dated.year == assessment.year else None
    if reported is not None and (due is None or reported <= due):
        return _done(reported, due)  # said done by that day: on time, if due
    # After the deadline, the assessment's date is when it was reported (often a yearly round's
    # import day), not when the work was done, which may be months earlier: only its year is
    # known, and the item counts as done by that date (or by the year's end).
    done_on = reported if reported is not None else date(assessment.year, 12, 31)
    if due is None:
        return State.DONE, DoneInfo(done_on, None, None, assessment.year)
    on_time = due.year >= assessment.year
    return (State.DONE if on_time else State.DONE_LATE), DoneInfo(
        done_on, on_time, None, assessment.year
    )


def judge_item(item: PlanItem, clock: Clock, first_year: int, last_year: int) -> Judgement:
    """Judge one goal or action (see the module's rules)."""
    node = item.node
    resolved = item.deadline
    recurring: RecurringStatus | None = None
    done: DoneInfo | None = None
    days: int | None = None
    assessments = [a for a in node.assessments if a.known_on(clock.day)]
    closing = latest_closing(assessments, clock.year)
    this_year = assessment_for(assessments, clock.year)
    if resolved is not None and resolved.recurring:
        due: date | None = resolved.due_in(clock.year)
        entries = [c for c in node.completed if c.date <= clock.cutoff(due)]
        years = {*map(_completion_year, entries)}
        years |= {a.year for a in assessments if a.status is AssessmentStatus.COMPLETED}
        recurring = _recurring(clock, resolved, years, first_year)
        first = min(
            (c for c in entries if _completion_year(c) == clock.year),
            key=lambda c: c.date,
            default=None,
        )
        completed = this_year if _is_completed(this_year) else None
    else:
        due = resolved.due if resolved is not None else None
        entries = [c for c in node.completed if c.date <= clock.cutoff(due)]
        first = min(entries, key=lambda c: c.date, default=None)
        completed = min(
            (a for a in assessments if _is_completed(a) and a.year <= clock.year),
            key=lambda a: a.year,
            default=None,
        )
    if closing is not None:
        state = State.MERGED if closing.status is AssessmentStatus.MERGED else State.CANCELLED
    elif first is not None:
        state, done = _done(first.date, due)
    elif completed is not None:
        state, done = _assessed_done(completed, due, None)
    elif this_year is not None and this_year.status is AssessmentStatus.NOT_ACHIEVED:
        state = State.NOT_ACHIEVED
    elif due is not None:
        state, days = clock.countdown(due)
    else:
        state = State.NO_DEADLINE
    unassessed = unassessed_year(assessments, clock.day, first_year, last_year, closing)
    missed = closing is None and (
        clock.missed(due, state)
        or (this_year is not None and this_year.status in MISSED_STATUSES and clock.year_over)
        or (this_year is not None and this_year.status is AssessmentStatus.NOT_ACHIEVED)
    )
    return Judgement(
        kind=item.kind,
        id=item.id,
        area=item.area.area.id,
        areas=(item.area.area.id,),
        goal=item.goal.id,
        title=node.title,
        responsible=tuple(item.responsible),
        state=state,
        days=days,
        deadline=_deadline_status(node.deadline, resolved, due),
        done=done,
        missed=missed,
        recurring=recurring,
        indicator=None,
        path=item.area.path,
        assessment=this_year,
        closed_by=closing,
        unassessed_year=unassessed,
        assessment_due=unassessed is not None and clock.round is not None and clock.round.due,
    )


def _is_completed(assessment: Assessment | None) -> bool:
    return assessment is not None and assessment.status is AssessmentStatus.COMPLETED


# --- indicators -----------------------------------------------------------------------------------


def counted_values(indicator: IndicatorFile, clock: Clock) -> list[IndicatorValue]:
    """The values of ``indicator`` that count for ``clock`` (every series and municipality).

    A value counts when its period starts no later than the end of the year judged and it was
    known on the day judged.
    """
    end = clock.year_end
    return [v for v in indicator.values if v.period.start <= end and known_on(v, clock.day)]


class _Evaluation:
    """An indicator's own values against its target (:func:`hytecli.judging.meets_target`)."""

    def __init__(
        self,
        indicator: ResolvedIndicator,
        values: Sequence[IndicatorValue],
        references: Sequence[IndicatorValue],
    ) -> None:
        self.model = indicator.model
        self.has_target = indicator.has_target
        self.base = base_value(self.model, values)
        self.references = {v.period: v for v in references}

    def meets(self, value: IndicatorValue) -> bool | None:
        reference = self.references.get(value.period)
        return meets_target(
            self.model,
            value.value,
            reference=reference.value if reference is not None else None,
            base=self.base,
        )

    def outcome(self, values: Sequence[IndicatorValue]) -> tuple[Outcome, date | None]:
        """The outcome of ``values`` (oldest first) and, when met, the day it was met.

        The day is when the first value of the latest unbroken run of values meeting the target
        became known, so a yearly "yes" repeated does not move it.
        """
        if not values:
            return Outcome.NOT_RECORDED, None
        if not self.has_target:
            return Outcome.RECORDED, None
        met = self.meets(values[-1])
        if met is None:
            return Outcome.NOT_RECORDED, None
        if not met:
            return Outcome.NOT_ACHIEVED, None
        start = len(values) - 1
        while start > 0 and self.meets(values[start - 1]):
            start -= 1
        return Outcome.ACHIEVED, known_from(values[start])


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


def _indicator_state(
    indicator: ResolvedIndicator,
    outcome: Outcome,
    met_on: date | None,
    due: date | None,
    clock: Clock,
) -> tuple[State, int | None, DoneInfo | None]:
    if outcome is Outcome.ACHIEVED and met_on is not None:
        state, done = _done(met_on, due)
        return state, None, done
    if outcome is Outcome.RECORDED:
        return State.MONITORED, None, None
    if outcome is Outcome.NOT_ACHIEVED:
        if due is None and indicator.kind == "yes_no":
            return State.NOT_ACHIEVED, None, None
        if due is not None and due < clock.cutoff(due):
            return State.NOT_ACHIEVED, None, None
    if due is None:
        return State.NO_DEADLINE, None, None
    state, days = clock.countdown(due)
    return state, days, None


def judge_indicator(
    indicator: ResolvedIndicator, clock: Clock, resolved: ResolvedPlan
) -> Judgement:
    """Judge one indicator (see the module's rules)."""
    model = indicator.model
    counted = model.model_copy(update={"values": counted_values(model, clock)})
    target = model.target
    deadline = indicator.deadline
    own = series_values(counted, clock.day)
    references: list[IndicatorValue] = []
    if target is not None and target.reference is not None:
        references = series_values(counted, clock.day, target.reference)
    evaluation = _Evaluation(indicator, own, references)

    recurring: RecurringStatus | None = None
    written, resolved_deadline = deadline.written, deadline.resolved
    if resolved_deadline is not None and resolved_deadline.recurring:
        due: date | None = resolved_deadline.due_in(clock.year)
        recurring = _recurring(
            clock, resolved_deadline, (v.period.year for v in own), resolved.first_year
        )
        outcome, met_on = evaluation.outcome([v for v in own if v.period.year == clock.year])
    else:
        due = resolved_deadline.due if resolved_deadline is not None else None
        outcome, met_on = evaluation.outcome(own)
    state, days, done = _indicator_state(indicator, outcome, met_on, due, clock)

    latest = own[-1] if own else None
    reference_value = None
    if latest is not None and evaluation.references:
        reference_value = _value_info(evaluation.references.get(latest.period))
    first = indicator.first_user
    inherited_from = _ref(deadline.inherited_from) if deadline.inherited_from else None
    return Judgement(
        kind="indicator",
        id=indicator.id,
        area=first.area.area.id if first else None,
        areas=indicator.area_ids,
        goal=first.goal.id if first else None,
        title=model.name,
        responsible=indicator.responsible,
        state=state,
        days=days,
        deadline=_deadline_status(written, resolved_deadline, due, inherited_from),
        done=done,
        missed=clock.missed(due, state),
        recurring=recurring,
        indicator=IndicatorStatus(
            indicator_kind=model.kind,
            unit=model.unit,
            per=model.per,
            target=_target_info(model),
            values=tuple(info for v in own if (info := _value_info(v)) is not None),
            latest=_value_info(latest),
            reference_value=reference_value,
            outcome=outcome,
            used_by=tuple(_ref(user) for user in indicator.users),
            progress=assess_indicator(
                counted, as_of=clock.day, plan=resolved.plan, deadline=deadline
            ),
        ),
        path=indicator.path,
    )


def judge_plan(
    resolved: ResolvedPlan, *, day: date, year: int | None = None, due_within: int = 60
) -> tuple[Judgement, ...]:
    """Judge every goal, action and indicator of the plan once.

    Args:
        resolved: The resolved plan.
        day: The day judged (what was recorded up to it counts).
        year: The year judged; ``None`` for ``day``'s year kept within the plan period
            (:meth:`~hytecli.resolved.ResolvedPlan.year_of`).
        due_within: "Due soon" means due within this many days (0 or more).

    Returns:
        One judgement per item, in the order the plan reads
        (:meth:`~hytecli.resolved.ResolvedPlan.in_plan_order`).

    Raises:
        ValueError: ``year`` is not a year of the plan period, or ``due_within`` is negative.
    """
    if year is not None and year not in resolved.years:
        raise ValueError(
            f"{year} is not a year of the plan period {resolved.first_year}–{resolved.last_year}"
        )
    if due_within < 0:
        raise ValueError("due_within must be 0 or more days")
    clock = Clock(
        day,
        year if year is not None else resolved.year_of(day),
        due_within,
        assessment_round(resolved, day),
    )
    judged: list[Judgement] = []
    for item in resolved.in_plan_order():
        if isinstance(item, ResolvedIndicator):
            judged.append(judge_indicator(item, clock, resolved))
        else:
            judged.append(judge_item(item, clock, resolved.first_year, resolved.last_year))
    return tuple(judged)
