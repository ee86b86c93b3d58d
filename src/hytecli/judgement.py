"""The judgement of a plan: one vocabulary for every goal, action and indicator.

:func:`hytecli.judge.judge_plan` judges every item of a :class:`~hytecli.resolved.ResolvedPlan`
once, for a day and a year; every output (``hyte status`` in each format, ``hyte report`` in
Markdown, HTML and JSON) shows these values and none computes or words them again. The rules are
in :mod:`hytecli.judge` and documented for users in ``docs/status.md``.

The states (:class:`State`), in the order they are counted and shown:

========================  ==========================================================================
``done``                  done by its deadline (or done, when it has none)
``done_late``             done, but after its deadline
``not_achieved``          judged and not met: a yes/no indicator answered against its target,
                          or a numeric one whose deadline passed short of its target
``overdue``               its deadline passed and it is not done
``due_soon``              due within the "due soon" window
``open``                  due later
``no_deadline``           nothing to count down to
``monitored``             an indicator with no target whose values are being recorded (seuranta)
``cancelled``             given up (luovuttu), by its assessment of that year or an earlier one
``merged``                merged into another item, by its assessment of that year or an earlier one
========================  ==========================================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from hytecli.assessments import Assessment
from hytecli.deadlines import DeadlineForm
from hytecli.models import Text
from hytecli.progress_model import ProgressAssessment, YesNoAssessment

ItemKind = Literal["goal", "action", "indicator"]


class State(StrEnum):
    """The state of one goal, action or indicator (see the module's table)."""

    DONE = "done"
    DONE_LATE = "done_late"
    NOT_ACHIEVED = "not_achieved"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OPEN = "open"
    NO_DEADLINE = "no_deadline"
    MONITORED = "monitored"
    CANCELLED = "cancelled"
    MERGED = "merged"


#: The order states are counted and shown in.
STATES: tuple[State, ...] = tuple(State)
#: States that need the coordinator's attention (with any item missed in the year judged).
ATTENTION_STATES = frozenset({State.OVERDUE, State.NOT_ACHIEVED, State.DUE_SOON})
#: States of items no longer pursued: they leave the open work and the attention lists.
CLOSED_STATES = frozenset({State.CANCELLED, State.MERGED})


class Outcome(StrEnum):
    """What an indicator's counted values say about its target."""

    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_RECORDED = "not_recorded"
    RECORDED = "recorded"  # values recorded, but there is no target to judge them against


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A reference to a goal or action (where an indicator is used, or inherits from)."""

    kind: Literal["goal", "action"]
    id: str
    area: str
    goal: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class DoneInfo:
    """When an item was done and whether that was on time.

    Attributes:
        date: The completion date (for an indicator: the day the value that met the target
            became known, :func:`hytecli.judging.known_from`). For an item done by its
            assessment alone (``assessed_year``): the assessment's date when it is in that
            year, else 31 December; the day it was known done, not the day it was done.
        on_time: ``date`` ≤ the due date; ``None`` when there is no due date. Done by an
            assessment (``assessed_year``): due in that year or later counts as on time.
        days_late: Days after the due date (0 when on time); ``None`` without a due date, and
            for an item done by an assessment (``assessed_year``), whose day is not known.
        assessed_year: Set when the item counts as done because its assessment of that year
            says ``completed``, no completion date is recorded and the assessment is not dated
            on or before the due date: only the year it was done in is known.
    """

    date: date
    on_time: bool | None
    days_late: int | None
    assessed_year: int | None = None


@dataclass(frozen=True, slots=True)
class RecurringStatus:
    """A recurring (annual) item's year judged.

    Attributes:
        year: The year judged.
        due: That year's due date.
        entry_exists: Whether an entry (completion, or indicator value) for that year counts.
        missing_years: Earlier plan-period years that have no entry.
    """

    year: int
    due: date
    entry_exists: bool
    missing_years: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TargetInfo:
    """An indicator's target, as written."""

    value: bool | int | float | str | None
    comparison: str | None
    reference: str | None
    label: Text | None
    wording: Text | None


@dataclass(frozen=True, slots=True)
class ValueInfo:
    """One recorded indicator value (whole area, the indicator's own series).

    Attributes:
        period: The period as written (``2024``, ``2024-H1``).
        value: The value (a yes/no answer is a ``bool``).
        date: The day it was recorded as known, if written.
    """

    period: str
    value: bool | int | float | str
    date: date | None


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """The indicator-specific part of a :class:`Judgement`.

    Attributes:
        indicator_kind: ``yes_no``, ``count``, ``percentage``, ``rate`` or ``text``.
        unit: The unit, if written.
        per: A rate's "per how many inhabitants" (``per`` in the file), else ``None``.
        per: A rate's "per how many inhabitants" (``per`` in the file), else ``None``.
        target: The target, or ``None`` when the plan sets none.
        values: The whole-area values of its own series that count, oldest period first.
        latest: The latest of ``values``, or ``None``.
        reference_value: For a reference target, the reference series' value for the same
            period as ``latest``, or ``None``.
        outcome: What the values counted say about the target.
        used_by: The goals and actions that list this indicator, in plan order.
        progress: Count, percentage and rate indicators: the progress assessment
            (:func:`hytecli.progress.assess_progress`, Statistics Canada's compound-growth
            method as used by Open SDG); yes/no indicators: their latest answer
            (:func:`hytecli.progress.assess_yes_no`); text indicators: ``None``.
    """

    indicator_kind: str
    unit: Text | None
    target: TargetInfo | None
    values: tuple[ValueInfo, ...]
    latest: ValueInfo | None
    reference_value: ValueInfo | None
    outcome: Outcome
    used_by: tuple[ItemRef, ...]
    progress: ProgressAssessment | YesNoAssessment | None = None
    per: int | None = None

    @property
    def numeric_progress(self) -> ProgressAssessment | None:
        """The compound-growth assessment of a count, percentage or rate indicator, else None."""
        return self.progress if isinstance(self.progress, ProgressAssessment) else None

    @property
    def progress_key(self) -> str:
        """The progress status's key in :data:`hytecli.labels.PROGRESS_LABELS`.

        A numeric indicator's :class:`~hytecli.progress.ProgressStatus`; for a yes/no indicator
        ``target_achieved``, ``not_achieved`` or ``not_enough_data`` (no answer yet); for a text
        indicator ``not_assessed``.
        """
        progress = self.progress
        if progress is None:
            return "not_assessed"
        if isinstance(progress, YesNoAssessment):
            return {"achieved": "target_achieved", "not_achieved": "not_achieved"}.get(
                progress.status.value, "not_enough_data"
            )
        return progress.status.value


@dataclass(frozen=True, slots=True)
class Judgement:
    """One goal, action or indicator, judged for a day and a year.

    Attributes:
        kind: ``goal``, ``action`` or ``indicator``.
        id: Its id.
        area: The priority area it is shown under: a goal's or action's own, an indicator's
            first user's (``None`` when no goal or action uses it).
        areas: Every priority area it counts in (an indicator shared by two areas: both).
        goal: The goal's id (a goal's own, an action's goal, an indicator's first user's goal).
        title: The plan's text (an indicator's ``name``).
        responsible: Responsible parties (an action without its own inherits its goal's; an
            indicator has those of the goals and actions using it).
        state: The :class:`State`.
        days: Overdue by this many days (``overdue``), or due in this many days (``due_soon``,
            ``open``); ``None`` otherwise.
        deadline: The deadline judged, or ``None``.
        done: When it was done, for ``done`` and ``done_late`` items (and for an indicator that
            met its target).
        missed: Its deadline fell within the year judged, has passed, and was not met: it is
            overdue, was done late or was not achieved.
        recurring: The year judged of a recurring deadline.
        indicator: Indicator details (``kind == "indicator"`` only).
        path: The file it is written in, relative to the repository root.
        assessment: A goal's or action's assessment of the year judged, when it counts on the
            day judged (:meth:`hytecli.assessments.Assessment.known_on`).
        closed_by: For ``cancelled`` and ``merged``: the assessment that closed it.
        unassessed_year: A goal or action still pursued that has no assessment for the last
            plan year ended on the day judged: that year; else None.
        assessment_due: ``unassessed_year`` is set and that year's assessment round has opened
            on the day judged (:class:`AssessmentRound`): the item needs attention.
    """

    kind: ItemKind
    id: str
    area: str | None
    areas: tuple[str, ...]
    goal: str | None
    title: Text
    responsible: tuple[Text, ...]
    state: State
    days: int | None
    deadline: DeadlineStatus | None
    done: DoneInfo | None
    missed: bool
    recurring: RecurringStatus | None
    indicator: IndicatorStatus | None
    path: str
    assessment: Assessment | None = None
    closed_by: Assessment | None = None
    unassessed_year: int | None = None
    assessment_due: bool = False

    @property
    def missing_entries(self) -> bool:
        """True when a recurring item lacks an entry for an earlier plan-period year."""
        return bool(self.recurring and self.recurring.missing_years)

    @property
    def state_needs_attention(self) -> bool:
        """Overdue, not achieved, due soon, missed in the year judged, or missing entries."""
        return self.state in ATTENTION_STATES or self.missed or self.missing_entries

    @property
    def needs_attention(self) -> bool:
        """:attr:`state_needs_attention`, or its assessment is due (:attr:`assessment_due`)."""
        return self.state_needs_attention or self.assessment_due


@dataclass(frozen=True, slots=True)
class AssessmentRound:
    """The annual assessment round on a day: the last plan year ended, and whether it is due.

    Attributes:
        year: The last plan-period year that has ended on the day judged.
        opens: The day the round for it opens (``plan.yaml`` ``assessment_round.opens`` of the
            next year; 1 February by default).
        due: ``opens`` is on or before the day judged: goals and actions not assessed for
            ``year`` need attention.
    """

    year: int
    opens: date
    due: bool


def shown_states(totals: Mapping[State, int]) -> tuple[State, ...]:
    """The states a summary table gives a column, in :data:`STATES` order.

    Every state that goals, actions and indicators are usually in (a zero says "none"), and
    ``cancelled`` and ``merged`` only when some item is, so that a plan whose assessments close
    nothing is not shown two empty columns.

    Args:
        totals: Items per state over the whole summary (:func:`count_states`).
    """
    return tuple(s for s in STATES if s not in CLOSED_STATES or totals.get(s, 0) > 0)


def count_states(items: Iterable[Judgement]) -> dict[State, int]:
    """Count items per state; every state is present (zeros included)."""
    counts = dict.fromkeys(STATES, 0)
    for item in items:
        counts[item.state] += 1
    return counts
