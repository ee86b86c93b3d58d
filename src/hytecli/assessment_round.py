"""The annual assessment round: which year is due for assessment on a day, and since when.

After a plan year ends, each goal and action still pursued gets its assessment of that year
(:mod:`hytecli.assessments`). The year to assess is the last plan-period year that has ended on
the day judged; the round for it opens on ``plan.yaml`` ``assessment_round.opens`` of the next
year (``02-01`` by default). Before that day ``hyte status`` lists the goals and actions not
yet assessed; from it on, it says the round is due and counts them as needing attention.
:func:`hytecli.judge.judge_plan` uses these rules for every item, and ``hyte status`` shows
:func:`assessment_round` once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from hytecli.assessments import Assessment, assessment_for
from hytecli.judgement import AssessmentRound

if TYPE_CHECKING:
    from hytecli.resolved import ResolvedPlan


def last_ended_year(day: date, first_year: int, last_year: int) -> int | None:
    """The last plan-period year ended on ``day``; ``None`` before the first one has."""
    year = min(day.year - 1, last_year)
    return year if year >= first_year else None


def assessment_round(resolved: ResolvedPlan, day: date) -> AssessmentRound | None:
    """The annual assessment round on ``day``.

    Returns:
        The last plan year ended on ``day``, the day its round opens and whether it has;
        ``None`` before the plan's first year has ended.
    """
    year = last_ended_year(day, resolved.first_year, resolved.last_year)
    if year is None:
        return None
    opens = resolved.plan.assessment_round.opens_in(year + 1)
    return AssessmentRound(year, opens, opens <= day)


def unassessed_year(
    assessments: Sequence[Assessment],
    day: date,
    first_year: int,
    last_year: int,
    closing: Assessment | None,
) -> int | None:
    """The last plan year ended on ``day``, if an item still pursued has no assessment for it.

    Args:
        assessments: The item's assessments known on ``day``.
        day: The day judged.
        first_year: The plan period's first year.
        last_year: The plan period's last year.
        closing: The assessment that cancelled or merged the item, if any: an item closed
            before the year is not assessed for it.
    """
    year = last_ended_year(day, first_year, last_year)
    if year is None or (closing is not None and closing.year < year):
        return None
    if assessment_for(assessments, year) is not None:
        return None
    return year
