"""The year's highlights: what was completed and missed, which indicators improved or worsened.

Computed once from the judgement of a year (:func:`hytecli.judge.judge_plan`), for every format
of the annual report (Markdown, HTML, JSON), which only word and arrange them:

* **completed** in the year: goals, actions and indicators done (``done`` or ``done_late``)
  whose completion falls in the year: dated in it, done by the year's ``completed`` assessment,
  or, for a yearly recurring item, the year's own entry; an indicator when the value that met its
  target became known in the year;
* **missed** in the year: :attr:`hytecli.judgement.Judgement.missed` (its deadline in the year
  passed unmet, or the year's assessment says ``not_achieved`` or, once the year is over,
  ``delayed``);
* **improved**: count, percentage and rate indicators whose values moved towards their target
  (or, without one, in the desired direction) from the base value to the latest value counted:
  the progress measure's number is above zero (:attr:`hytecli.progress_model.
  ProgressAssessment.progress_value`);
* **worsened**: those whose progress status is ``deterioration``.

Improvement is measured from the base value (the baseline, else the first value) to the latest
value counted for the report, so the periods compared are shown with each indicator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hytecli.judgement import Judgement, State
from hytecli.progress_model import ProgressStatus


@dataclass(frozen=True)
class YearHighlights:
    """The highlights of one year, each list in plan order (see the module's description)."""

    year: int
    completed: tuple[Judgement, ...]
    missed: tuple[Judgement, ...]
    improved: tuple[Judgement, ...]
    worsened: tuple[Judgement, ...]


def _completed_in(item: Judgement, year: int) -> bool:
    if item.state not in (State.DONE, State.DONE_LATE) or item.done is None:
        return False
    if item.recurring is not None:
        return item.recurring.year == year  # the year's own entry
    if item.done.assessed_year is not None:
        return item.done.assessed_year == year
    return item.done.date.year == year


def _progress_value(item: Judgement) -> tuple[ProgressStatus | None, float | None]:
    progress = item.indicator.numeric_progress if item.indicator is not None else None
    if progress is None:
        return None, None
    return progress.status, progress.progress_value


def year_highlights(items: Iterable[Judgement], year: int) -> YearHighlights:
    """The highlights of ``year`` from the judgement of that year.

    Args:
        items: Every item judged for ``year`` (:attr:`hytecli.status.StatusReport.items`).
        year: The year judged.
    """
    judged = tuple(items)
    improved, worsened = [], []
    for item in judged:
        status, value = _progress_value(item)
        if status is ProgressStatus.DETERIORATION:
            worsened.append(item)
        elif value is not None and value > 0:
            improved.append(item)
    return YearHighlights(
        year=year,
        completed=tuple(item for item in judged if _completed_in(item, year)),
        missed=tuple(item for item in judged if item.missed),
        improved=tuple(improved),
        worsened=tuple(worsened),
    )


def anything_recorded(items: Iterable[Judgement]) -> bool:
    """Whether any goal, action or indicator has a completion, an assessment or a yearly entry.

    As judged (:mod:`hytecli.judge`): ``done`` is set for an item done by the day judged, and
    ``assessment`` is the year's when it counts on that day.
    """
    return any(
        item.done is not None
        or item.assessment is not None
        or item.closed_by is not None
        or (item.recurring is not None and item.recurring.entry_exists)
        for item in items
    )
