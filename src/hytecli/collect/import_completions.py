"""``hyte collect import``'s completion dates: the column "Completed on" of a completed row.

A goal's or action's row with the status *completed* and a date in
:attr:`~hytecli.collect.layout.ActionColumn.COMPLETED_ON` records, besides the assessment, the
completion on that day with ``hyte complete``'s rules
(:func:`hytecli.recording.completions.complete_item_in`; for an item with a recurring deadline
the completion covers the workbook's year). A date with another status is refused at its cell.
A completion already recorded on the same day is skipped ("already recorded"); one on another
day is a conflict unless ``replace`` is given, as a value is.
"""

from __future__ import annotations

from datetime import date

from hytecli.assessments import AssessmentStatus
from hytecli.collect.import_texts import WorkbookSummary, field_refusal, status_name
from hytecli.collect.layout import COMPLETION_FIELDS, ActionColumn, column_name
from hytecli.collect.returned import ActionInput, Returned
from hytecli.recording import EditSession, Refused, complete_item_in
from hytecli.recording.completions import recorded_completion
from hytecli.workbooks import WorkbookProblem, cell_date


def completion_day(book: Returned, row: ActionInput, problems: list[str]) -> date | None:
    """The row's completion date (``None`` if the cell is empty), or ``None`` with its problem.

    Args:
        book: The workbook.
        row: The goal's or action's row.
        problems: Where a cell that is not a date is said (naming the cell and column).
    """
    cell = row.cells.get(ActionColumn.COMPLETED_ON)
    if cell is None:
        return None
    try:
        return cell_date(cell, column_name(ActionColumn.COMPLETED_ON, book.language))
    except WorkbookProblem as exc:
        problems.append(str(exc))
        return None


def date_without_completed(
    book: Returned, plan_language: str, row: ActionInput, status: AssessmentStatus
) -> str:
    """Why a completion date is refused with a status other than *completed*."""
    cell = row.cells[ActionColumn.COMPLETED_ON]
    name = column_name(ActionColumn.COMPLETED_ON, book.language)
    completed = status_name(book, plan_language, AssessmentStatus.COMPLETED)
    return (
        f"{cell.where} ({name}): a completion date goes only with the status {completed!r} "
        f"(this row's is {status_name(book, plan_language, status)!r}): choose {completed!r} "
        "if it was done, or clear the date"
    )


def record_completion(
    session: EditSession,
    book: Returned,
    row: ActionInput,
    day: date,
    *,
    today: date,
    replace: bool,
    summary: WorkbookSummary,
    problems: list[str],
    conflicts: list[str],
) -> bool:
    """Record that the row's goal or action was done on ``day`` (or say why not).

    Args:
        session: The import's edits so far (the row's assessment among them).
        book: The workbook.
        row: The row, with the status *completed* and ``day`` in its date cell.
        day: The completion date.
        today: Today in the plan's time zone (a later date is refused).
        replace: Replace a completion recorded on another day instead of a conflict.
        summary: The workbook's summary: counts the completion (or the skip).
        problems: Where a refusal is said, at the cell of its field.
        conflicts: Where a completion recorded on another day is said (without ``replace``).

    Returns:
        ``True`` when the completion is recorded now (``False`` when it was already recorded
        on ``day``, or is refused or in conflict).
    """
    cell = row.cells[ActionColumn.COMPLETED_ON]
    item = session.repository.item(row.item_id)
    if item is None:  # the assessment said it
        return False
    period = book.year if item.deadline is not None and item.deadline.recurring else None
    found = recorded_completion(item, period)
    if found is not None:
        old = found[1].date
        if old == day:
            summary.skipped += 1
            return False
        if not replace:
            covers = f" {period}" if period is not None else ""
            conflicts.append(
                f"{cell.where}: {row.item_id}{covers}: completed on {old.isoformat()} "
                f"({item.area.path}) → {day.isoformat()}"
            )
            return False
    try:
        complete_item_in(
            session,
            row.item_id,
            today=today,
            on_date=day,
            period=period,
            replace=found is not None,
        )
    except Refused as exc:
        problems.append(
            field_refusal(
                book, book.actions_sheet, row.row, exc, cell.where, fields=COMPLETION_FIELDS
            )
        )
        return False
    summary.completions += 1
    summary.replaced += found is not None
    return True
