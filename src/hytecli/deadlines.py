"""Resolving the deadlines written in plan files into dates.

A deadline's normalised date is the last day on which the item is on time (deadlines are
inclusive). ``YYYY-MM`` means the last day of that month and ``YYYY`` 31 December; ``term_end``
means the last day of the named council term; ``recurring: annual`` is due once in every calendar
year (on ``day``, default 31 December).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from hytecli.models import CouncilTerm, Deadline, PlanFile, Text
from hytecli.periods import month_end, parse_due

DeadlineForm = Literal["date", "month", "year", "term_end", "annual"]


class UnknownCouncilTerm(LookupError):
    """A deadline names a council term that ``plan.yaml`` does not define."""


@dataclass(frozen=True, slots=True)
class ResolvedDeadline:
    """A deadline with its normalised date.

    Attributes:
        form: How it was written: ``date``, ``month``, ``year``, ``term_end`` or ``annual``.
        written: The value as written (``2025-05``, ``2022-2025`` for a term, ``annual``).
        due: The last day on time; ``None`` for recurring deadlines (see :meth:`due_in`).
        wording: The plan's own words, if recorded.
        term: The council term for ``term_end`` deadlines.
        annual_day: ``(month, day)`` for recurring deadlines.
    """

    form: DeadlineForm
    written: str
    due: date | None
    wording: Text | None = None
    term: CouncilTerm | None = None
    annual_day: tuple[int, int] = (12, 31)

    @property
    def recurring(self) -> bool:
        """True for a yearly recurring deadline."""
        return self.form == "annual"

    def due_in(self, year: int) -> date:
        """Return this deadline's due date in ``year``.

        For a recurring deadline, the yearly day (29 February becomes 28 February in a common
        year); for a one-off deadline, its single due date whatever ``year`` is.
        """
        if self.due is not None:
            return self.due
        month, day = self.annual_day
        return date(year, month, min(day, month_end(year, month).day))


def resolve_deadline(deadline: Deadline, plan: PlanFile | None) -> ResolvedDeadline:
    """Resolve a :class:`~hytecli.models.Deadline` against the plan's council terms.

    Args:
        deadline: The deadline as written (already shape-checked by the model).
        plan: The plan, for its council terms; ``None`` resolves every deadline but a
            ``term_end`` one.

    Returns:
        The :class:`ResolvedDeadline`.

    Raises:
        UnknownCouncilTerm: ``term_end`` names a term ``plan.yaml`` does not define, or no plan
            was given to look it up in.
    """
    if deadline.due is not None:
        due, form = parse_due(deadline.due)
        return ResolvedDeadline(form, deadline.due, due, deadline.wording)  # type: ignore[arg-type]
    if deadline.term_end is not None:
        if plan is None:
            raise UnknownCouncilTerm(
                f"the deadline names council term {deadline.term_end!r}, but no plan was given "
                "to look it up in"
            )
        for term in plan.council_terms:
            if term.id == deadline.term_end:
                return ResolvedDeadline("term_end", term.id, term.end, deadline.wording, term)
        known = ", ".join(t.id for t in plan.council_terms) or "none defined"
        raise UnknownCouncilTerm(
            f"council term {deadline.term_end!r} is not defined in plan/plan.yaml "
            f"(council_terms: {known})"
        )
    month, day = (12, 31)
    if deadline.day is not None:
        month, day = (int(part) for part in deadline.day.split("-"))
    return ResolvedDeadline("annual", "annual", None, deadline.wording, annual_day=(month, day))
