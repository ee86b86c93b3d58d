"""The words of ``hyte collect import``: each workbook's summary and where each refusal is.

A refusal names the file, sheet and cell of the field at fault and the column's name as the
form shows it (:func:`hytecli.collect.layout.column_name`), never a command-line option; a
status is named as the form's drop-down names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hytecli.assessments import AssessmentStatus
from hytecli.collect.instructions import FormWords
from hytecli.collect.layout import (
    ACTION_FIELDS,
    INDICATOR_FIELDS,
    ActionColumn,
    IndicatorColumn,
    column_name,
    column_number,
)
from hytecli.collect.returned import ActionInput, Returned
from hytecli.recording import Refused
from hytecli.reporters import plural
from hytecli.workbooks import Cell, cell_place, cell_text


@dataclass
class WorkbookSummary:
    """What one returned workbook gave.

    Attributes:
        file: The workbook.
        responsible: Its party.
        year: The year it reports on.
        values: Indicator values recorded (new or replaced).
        assessments: Assessments recorded (new or replaced).
        replaced: How many of those replaced a recorded one (``replace``).
        skipped: Values, assessments and completions equal to what is already recorded (or
            to another workbook's), so not written again.
        empty: The rows the party left empty: ids, and ``id|period`` for indicators.
        closes: The goals and actions the workbook assesses as completed, which closes them
            (the model's rule: a completed assessment marks the item done), each with its
            completion date when the row gives one.
        completions: Completions recorded (new or replaced) from the rows' completion dates.
    """

    file: Path
    responsible: str
    year: int
    values: int = 0
    assessments: int = 0
    replaced: int = 0
    skipped: int = 0
    empty: list[str] = field(default_factory=list)
    closes: list[tuple[str, date | None]] = field(default_factory=list)
    completions: int = 0

    def describe(self, written: bool) -> str:
        """A few lines: the party, what was (or would be) recorded, skipped, and left empty."""
        verb = "recorded" if written else "would record"
        parts = [plural(self.values, "value"), plural(self.assessments, "assessment")]
        if self.completions:
            parts = [", ".join(parts), plural(self.completions, "completion")]
        line = f"{self.file}: {self.responsible} {self.year}: {verb} {' and '.join(parts)}"
        if self.replaced:
            line += f" ({self.replaced} replacing what was recorded)"
        if self.skipped:
            line += f"; {self.skipped} already recorded"
        if self.closes:
            closes = (
                f"{item} (completed on {day.isoformat()})" if day else f"{item} (completed)"
                for item, day in self.closes
            )
            line += f"\n  closes: {', '.join(closes)}"
        if self.empty:
            line += f"\n  left empty: {', '.join(self.empty)}"
        return line


def status_name(book: Returned, plan_language: str, status: AssessmentStatus) -> str:
    """A status's name as the form's drop-down shows it (``kesken``, ``pågår``)."""
    return FormWords(book.language, plan_language).wording.assessment_status(status)


def bad_status(
    book: Returned,
    plan_language: str,
    row: ActionInput,
    cell: Cell,
    status: AssessmentStatus | None,
) -> str:
    """Why a status cell is refused: not a status of the form's list, or *merged*."""
    where = f"{cell.where} ({column_name(ActionColumn.STATUS, book.language)})"
    if status is AssessmentStatus.MERGED:
        return (
            f"{where}: a merger is not recorded with the form: record a merger with "
            f"`hyte assess {row.item_id} --status merged --merged-into ID` (ask the "
            "coordinator), and leave this status empty"
        )
    words = FormWords(book.language, plan_language).statuses()
    return (
        f"{where}: {cell_text(cell)!r} is not a status of the form: choose one of "
        f"{', '.join(words)} from the list"
    )


def field_refusal(
    book: Returned,
    sheet: str,
    row: int,
    exc: Refused,
    where: str,
    *,
    fields: Mapping[str, ActionColumn | IndicatorColumn] | None = None,
) -> str:
    """A refusal of ``hyte record`` / ``hyte assess`` / ``hyte complete`` placed at its cell.

    A field with a column of the form is named by its cell and the column's name as the
    form shows it; an assessment's date (the day of the import) and year have no cell and
    are said in words, never as a command-line option. ``fields`` maps the refused step's
    field names to columns (default: ``hyte assess``'s or ``hyte record``'s, by ``sheet``;
    :data:`~hytecli.collect.layout.COMPLETION_FIELDS` for ``hyte complete``).
    """
    if fields is None:
        fields = ACTION_FIELDS if sheet == book.actions_sheet else INDICATOR_FIELDS
    column = fields.get(exc.field) if exc.field is not None else None
    if column is not None:
        name = column_name(column, book.language)
        return f"{place(book, sheet, column, row)} ({name}): {exc.problem}"
    if exc.field == "date":
        return f"{where}: the assessment is dated the day of the import, {exc.problem}"
    if exc.field == "year":
        return f"{where}: the workbook's year {exc.problem}"
    return f"{where}: {exc.problem}"


def place(book: Returned, sheet: str, column: ActionColumn | IndicatorColumn, row: int) -> str:
    """The place of ``column``'s cell in ``row`` of ``sheet``: ``FILE, sheet "S", cell J2``."""
    letter = chr(ord("A") + column_number(column) - 1)
    return cell_place(book.file, sheet, f"{letter}{row}")


def filled(book: Returned, cells: dict[ActionColumn, Cell] | dict[IndicatorColumn, Cell]) -> str:
    """``"Euroa", "Huomautus" are``: the filled columns' names as the form shows them."""
    names = [f'"{column_name(column, book.language)}"' for column in cells]
    return f"{', '.join(names)} {'is' if len(names) == 1 else 'are'}"


def gone(what: str, item_id: str) -> str:
    """Why a row's goal, action or indicator cannot be recorded: the plan no longer has it."""
    return (
        f"the plan has no {what} '{item_id}' any more (the workbook was made from an older "
        "plan): make new workbooks with hyte collect, or report it to the coordinator"
    )
