"""The deadline and completion rules of ``hyte validate``.

R004 council terms, D001/D002 deadlines against the plan period and against the indicators an
action uses, D004/D005 completion records.
"""

from __future__ import annotations

from collections.abc import Iterator

from hytecli.deadlines import ResolvedDeadline, UnknownCouncilTerm, resolve_deadline
from hytecli.findings import Finding
from hytecli.models import PlanFile
from hytecli.periods import PeriodKind
from hytecli.plausibility import completion_date_problem
from hytecli.repository import IndicatorRecord
from hytecli.validation_common import (
    WARNING,
    CheckContext,
    deadline_value_path,
    place_of,
    suggest,
)


class DeadlineChecks(CheckContext):
    """The rules about deadlines and completion records."""

    # -- R004, D001, D002 ----------------------------------------------------------------------

    def deadlines(self) -> Iterator[Finding]:
        """R004 unknown council term; D001 outside the plan period; D002 action vs indicator."""
        if self.plan is None:
            return
        plan = self.plan
        start, end = plan.period.start, plan.period.end
        terms = [term.id for term in plan.council_terms]
        for at in self.all_deadlines():
            value_path = deadline_value_path(at.document, at.data_path)
            try:
                resolved = resolve_deadline(at.deadline, plan)
            except UnknownCouncilTerm:
                term = at.deadline.term_end or ""
                yield at.document.finding(
                    value_path,
                    "R004",
                    f"council term '{term}' is not defined in plan/plan.yaml council_terms "
                    f"(defined: {', '.join(terms) or 'none'}): {suggest(term, terms)}correct "
                    "the id, or add the term to plan.yaml",
                )
                continue
            if resolved.due is None:  # recurring: due every year of the period
                continue
            if resolved.due < start or resolved.due > end:
                side = "before the start" if resolved.due < start else "after the end"
                yield at.document.finding(
                    value_path,
                    "D001",
                    f"the {at.owner} deadline {self.describe(resolved)} is {side} of the plan "
                    f"period ({start.isoformat()} – {end.isoformat()}): check the date; if the "
                    "plan really says so, keep it",
                    WARNING,
                )
        yield from self._action_vs_indicator_deadlines(plan)

    def _action_vs_indicator_deadlines(self, plan: PlanFile) -> Iterator[Finding]:
        for item in self.items:
            action = item.action
            if action is None or item.deadline is None or item.deadline.due is None:
                continue
            for ref in dict.fromkeys(action.indicators):
                record = self.repo.indicator(ref)
                ind_deadline = _target_deadline(record, plan)
                if record is None or ind_deadline is None or ind_deadline.due is None:
                    continue
                if ind_deadline.due == item.deadline.due:
                    continue
                where = place_of(record.document, ("target", "deadline"))
                yield item.area.document.finding(
                    deadline_value_path(item.area.document, (*item.data_path, "deadline")),
                    "D002",
                    f"the action's deadline {self.describe(item.deadline)} differs from the "
                    f"deadline of its indicator '{ref}' {self.describe(ind_deadline)} "
                    f"({where}): if the plan says both, keep them; otherwise make them agree",
                    WARNING,
                )

    # -- D004, D005 ----------------------------------------------------------------------------

    def completions(self) -> Iterator[Finding]:
        """D004 completion period missing or wrong; D005 (warning) implausible completion date.

        D004: a completion's period is required for recurring items and wrong otherwise. D005: a
        completion dated outside the plan period and its year of grace (see
        :func:`completion_date_problem`).
        """
        for item in self.items:
            node = item.node
            document = item.area.document
            recurring = node.deadline is not None and node.deadline.recurring is not None
            for c, completion in enumerate(node.completed):
                path = (*item.data_path, "completed", c)
                year = (
                    completion.period.year if recurring and completion.period is not None else None
                )
                problem = (
                    completion_date_problem(completion.date, self.plan, year)
                    if self.plan is not None
                    else None
                )
                if problem is not None:
                    yield document.finding(
                        (*path, "date"),
                        "D005",
                        f"the completion date {completion.date.isoformat()} of {item.kind} "
                        f"'{item.id}' {problem}: check the date (a typo in the year?); if it "
                        "really was done then, keep it",
                        WARNING,
                    )
                if recurring and completion.period is None:
                    yield document.finding(
                        path,
                        "D004",
                        f"the {item.kind} '{item.id}' recurs every year, so each completion "
                        "must say which year it covers: add period: YYYY",
                    )
                elif recurring and completion.period is not None:
                    if completion.period.kind is not PeriodKind.YEAR:
                        yield document.finding(
                            (*path, "period"),
                            "D004",
                            f"the {item.kind} '{item.id}' recurs every year, so a completion "
                            f"covers a year, not {completion.period}: write "
                            f"period: {completion.period.year}",
                        )
                elif completion.period is not None:
                    yield document.finding(
                        (*path, "period"),
                        "D004",
                        f"the {item.kind} '{item.id}' has no recurring deadline, so a completion "
                        "has no period: remove period (date says when it was done)",
                    )


def _target_deadline(record: IndicatorRecord | None, plan: PlanFile) -> ResolvedDeadline | None:
    if record is None or record.indicator.target is None:
        return None
    deadline = record.indicator.target.deadline
    if deadline is None:
        return None
    try:
        return resolve_deadline(deadline, plan)
    except UnknownCouncilTerm:
        return None  # reported as R004 at the indicator
