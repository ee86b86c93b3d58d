"""The assessment rules of ``hyte validate``: yearly assessments against the plan and each other.

One file's shape (a status from the vocabulary, ``merged_into`` with ``merged`` only) is checked
when the file is read (S codes, :mod:`hytecli.assessments`). These rules need more: the plan
period, the other assessments of the item, the plan's ids, the item's completions and the
answers of its yes/no indicators.

* A001 (error) an assessment's year outside the plan period;
* A002 (error) a second assessment for the same year of one item (at the second);
* A003 (error) ``merged_into`` naming no goal or action of the plan, or the item itself;
* A004 (warning) an assessment after the item was cancelled or merged that says otherwise;
* A005 (warning) ``completed`` (an assessment, or a completion in ``completed:``) while a yes/no
  indicator the item lists answers against its target for that year;
* A006 (warning) ``completed`` for a year before the item's (first) completion date.

A004-A006 are contradictions with the computed state (:mod:`hytecli.judge`): the judgement keeps
an item closed from its first cancelled or merged year on, and dates a completed item by its
completion date before its assessment.
"""

from __future__ import annotations

from collections.abc import Iterator

from hytecli.assessments import CLOSED_STATUSES, Assessment, AssessmentStatus
from hytecli.findings import Finding
from hytecli.judging import meets_target, wanted_answer
from hytecli.models import IndicatorFile
from hytecli.repository import PlanItem
from hytecli.validation_common import WARNING, CheckContext, place_of, suggest


def _answer_in(indicator: IndicatorFile, year: int) -> tuple[int, bool] | None:
    """The last whole-area answer of a yes/no indicator for a period within ``year``.

    Returns:
        Its index in ``values`` and the answer, or ``None`` when the year has none.
    """
    found: tuple[int, bool] | None = None
    latest = None
    for v, entry in enumerate(indicator.values):
        if entry.municipality is not None or entry.series is not None:
            continue
        if entry.period.year != year or not isinstance(entry.value, bool):
            continue
        if latest is None or entry.period.end >= latest:
            latest = entry.period.end
            found = (v, entry.value)
    return found


class AssessmentChecks(CheckContext):
    """The rules about goals' and actions' yearly assessments (A codes)."""

    def assessments(self) -> Iterator[Finding]:
        """A001-A006 for every goal and action (see the module's list)."""
        ids = {item.id for item in self.items}
        for item in self.items:
            yield from self._years(item)
            yield from self._merges(item, ids)
            yield from self._after_closing(item)
            yield from self._completed_against_indicators(item)
            yield from self._completed_before_completion(item)

    def _path(self, item: PlanItem, a: int, *keys: str) -> tuple[str | int, ...]:
        return (*item.data_path, "assessments", a, *keys)

    # -- A001, A002 ----------------------------------------------------------------------------

    def _years(self, item: PlanItem) -> Iterator[Finding]:
        document = item.area.document
        first: dict[int, int] = {}
        for a, assessment in enumerate(item.node.assessments):
            year = assessment.year
            if self.plan is not None:
                start, end = self.plan.period.start.year, self.plan.period.end.year
                if not start <= year <= end:
                    yield document.finding(
                        self._path(item, a, "year"),
                        "A001",
                        f"the {item.kind} '{item.id}' is assessed for {year}, outside the plan "
                        f"period ({start}–{end}): correct the year (a typo?), or remove the "
                        "assessment",
                    )
            if year in first:
                where = place_of(document, self._path(item, first[year]))
                yield document.finding(
                    self._path(item, a, "year"),
                    "A002",
                    f"the {item.kind} '{item.id}' has two assessments for {year} (the other at "
                    f"{where}): one per year; keep one (edit it to correct it: git keeps the "
                    "old text), or correct the year",
                )
            else:
                first[year] = a

    # -- A003 ----------------------------------------------------------------------------------

    def _merges(self, item: PlanItem, ids: set[str]) -> Iterator[Finding]:
        document = item.area.document
        for a, assessment in enumerate(item.node.assessments):
            target = assessment.merged_into
            if target is None:
                continue
            path = self._path(item, a, "merged_into")
            if target == item.id:
                yield document.finding(
                    path,
                    "A003",
                    f"the {item.kind} '{item.id}' cannot be merged into itself: name the goal or "
                    "action it was merged into",
                )
            elif target not in ids and not self.repo.broken_areas:
                others = ids - {item.id}
                yield document.finding(
                    path,
                    "A003",
                    f"merged_into '{target}' is not a goal or action of the plan: "
                    f"{suggest(target, others)}correct the id",
                )

    # -- A004 ----------------------------------------------------------------------------------

    def _after_closing(self, item: PlanItem) -> Iterator[Finding]:
        document = item.area.document
        listed = list(enumerate(item.node.assessments))
        closing = min(
            ((a, x) for a, x in listed if x.status in CLOSED_STATUSES),
            key=lambda pair: pair[1].year,
            default=None,
        )
        if closing is None:
            return
        c, closed = closing
        for a, assessment in listed:
            if assessment.year <= closed.year or _same_closing(assessment, closed):
                continue
            where = place_of(document, self._path(item, c))
            yield document.finding(
                self._path(item, a, "status"),
                "A004",
                f"the {item.kind} '{item.id}' was {_closed_words(closed)} in {closed.year} "
                f"({where}), but its {assessment.year} assessment says {assessment.status}: "
                f"it stays {closed.status} from {closed.year} on; if the work went on, correct "
                f"the {closed.year} status (postponed?), otherwise correct or remove this one",
                WARNING,
            )

    # -- A005 ----------------------------------------------------------------------------------

    def _completed_against_indicators(self, item: PlanItem) -> Iterator[Finding]:
        """A005 for the item's ``completed`` assessments and its completions (``completed:``)."""
        said_done: list[tuple[tuple[str | int, ...], int, str]] = [
            (
                self._path(item, a, "status"),
                assessment.year,
                f"is assessed completed for {assessment.year}",
            )
            for a, assessment in enumerate(item.node.assessments)
            if assessment.status is AssessmentStatus.COMPLETED
        ]
        for c, entry in enumerate(item.node.completed):
            year = entry.period.year if entry.period is not None else entry.date.year
            said_done.append(
                (
                    (*item.data_path, "completed", c, "date"),
                    year,
                    f"is marked done on {entry.date}",
                )
            )
        for path, year, how in said_done:
            for ref in dict.fromkeys(item.node.indicators):
                record = self.repo.indicator(ref)
                if record is None or record.indicator.kind != "yes_no":
                    continue
                answer = _answer_in(record.indicator, year)
                if answer is None or meets_target(record.indicator, answer[1]):
                    continue
                said = "yes" if answer[1] else "no"
                wanted = "yes" if wanted_answer(record.indicator) else "no"
                where = place_of(record.document, ("values", answer[0], "value"))
                yield item.area.document.finding(
                    path,
                    "A005",
                    f"the {item.kind} '{item.id}' {how}, but its yes/no indicator '{ref}' "
                    f"answers {said} for {year} ({where}; the target is {wanted}): check which "
                    "is right and correct the other",
                    WARNING,
                )

    # -- A006 ----------------------------------------------------------------------------------

    def _completed_before_completion(self, item: PlanItem) -> Iterator[Finding]:
        node = item.node
        if not node.completed or (node.deadline is not None and node.deadline.recurring):
            return  # a recurring item's completions cover a year each (D004)
        first = min(c.date for c in node.completed)
        document = item.area.document
        for a, assessment in enumerate(node.assessments):
            if assessment.status is not AssessmentStatus.COMPLETED:
                continue
            if assessment.year >= first.year:
                continue
            yield document.finding(
                self._path(item, a, "status"),
                "A006",
                f"the {item.kind} '{item.id}' is assessed completed for {assessment.year}, but "
                f"its completion is dated {first.isoformat()}: it counts as done on "
                f"{first.isoformat()}; correct the status (in_progress?) or the completion date",
                WARNING,
            )


def _same_closing(later: Assessment, closed: Assessment) -> bool:
    """A later year's assessment that says the same: cancelled again, or merged into the same."""
    return later.status is closed.status and later.merged_into == closed.merged_into


def _closed_words(closed: Assessment) -> str:
    if closed.status is AssessmentStatus.MERGED:
        return f"merged into '{closed.merged_into}'"
    return "cancelled"
