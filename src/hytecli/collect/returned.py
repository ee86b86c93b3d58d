"""Reading a returned collect workbook into what its party filled in (before any check on the plan).

:func:`read_returned` opens a workbook (:func:`hytecli.workbooks.open_workbook`), reads its
metadata sheet (:mod:`hytecli.collect.layout`), finds the two data sheets by the names the
metadata gives (so a reordered sheet order still reads; a renamed or deleted sheet is refused by
name), checks that every row is where it was written (the id column, and the period column of
the indicators, against the metadata's row keys: a deleted, added, changed or moved row is
refused naming its cell), and reads each row's input cells. Every problem is collected, not only
the first; :mod:`hytecli.collect.importing` then checks the inputs against the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hytecli.collect import layout
from hytecli.collect.layout import ActionColumn, IndicatorColumn, MetaKey
from hytecli.workbooks import Cell, WorkbookProblem, cell_place, cell_text, open_workbook, read_cell

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

_Column = TypeVar("_Column", ActionColumn, IndicatorColumn)

#: How many added rows or cells are named before the rest are summed up.
_SHOWN = 5


@dataclass(frozen=True)
class ActionInput:
    """A goal's or action's row with something filled in.

    Attributes:
        row: The sheet row.
        item_id: The goal's or action's id.
        cells: The filled input cells by column (:class:`~hytecli.collect.layout.ActionColumn`).
    """

    row: int
    item_id: str
    cells: dict[ActionColumn, Cell]


@dataclass(frozen=True)
class IndicatorInput:
    """An indicator period's row with something filled in.

    Attributes:
        row: The sheet row.
        indicator_id: The indicator's id.
        period: The period, as written (``2024``, ``2024-H1``).
        cells: The filled input cells by column (``value``, ``note``, ``source``, ``date``).
    """

    row: int
    indicator_id: str
    period: str
    cells: dict[IndicatorColumn, Cell]


@dataclass
class Returned:
    """What one returned workbook holds.

    Attributes:
        file: The workbook's path as given.
        plan_id: The metadata's ``plan_id``.
        year: The year it reports on.
        responsible: The party, as the plan writes it.
        language: The form's language.
        actions_sheet: The goals and actions sheet's name.
        indicators_sheet: The indicators sheet's name.
        actions: The goal and action rows with something filled in.
        indicators: The indicator rows with something filled in.
        empty: The keys of the rows left empty (ids; ``id|period`` for indicators).
    """

    file: Path
    plan_id: str
    year: int
    responsible: str
    language: str
    actions_sheet: str
    indicators_sheet: str
    actions: list[ActionInput] = field(default_factory=list)
    indicators: list[IndicatorInput] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


def _metadata(file: Path, book: Workbook) -> dict[str, str]:
    if layout.META_SHEET not in book.sheetnames:
        raise WorkbookProblem(
            f"{file} is not a workbook written by hyte collect (its hidden sheet "
            f'"{layout.META_SHEET}" is missing; was the data copied into another workbook?): fill '
            "in and return the workbook hyte collect wrote"
        )
    sheet = book[layout.META_SHEET]
    meta: dict[str, str] = {}
    for key_cell, value_cell in sheet.iter_rows(min_col=1, max_col=2):
        if key_cell.value is not None:
            meta[str(key_cell.value).strip()] = (
                "" if value_cell.value is None else str(value_cell.value)
            )
    found = meta.get(MetaKey.FORMAT, "")
    version = meta.get(MetaKey.FORMAT_VERSION, "").strip()
    if found != layout.FORMAT or version not in (str(layout.FORMAT_VERSION), "1.0"):
        raise WorkbookProblem(
            f'{file}: its hidden sheet "{layout.META_SHEET}" does not describe a hyte collect '
            f"workbook of format version {layout.FORMAT_VERSION} (format {found!r}, version "
            f"{version!r}): make new workbooks with hyte collect"
        )
    missing = [key.value for key in MetaKey if key not in layout.OPTIONAL_KEYS and key not in meta]
    if missing:
        raise WorkbookProblem(
            f'{file}: its hidden sheet "{layout.META_SHEET}" lacks {", ".join(missing)}: it was '
            "changed; fill in a fresh copy of the workbook hyte collect wrote"
        )
    return meta


def _sheet(file: Path, book: Workbook, name: str, what: str) -> Worksheet:
    if name not in book.sheetnames:
        shown = ", ".join(f'"{n}"' for n in book.sheetnames if n != layout.META_SHEET)
        raise WorkbookProblem(
            f'{file}: the sheet "{name}" ({what}) is missing: it was renamed or deleted (the '
            f'workbook has {shown}); name it "{name}" again, or fill in a fresh copy'
        )
    sheet: Worksheet = book[name]
    return sheet


def _key_text(file: Path, sheet: Worksheet, row: int, column: int) -> str:
    cell = read_cell(file, sheet, row, column)
    return "" if cell is None else cell_text(cell)


def _row_key(file: Path, sheet: Worksheet, row: int, key_columns: list[int]) -> str:
    """The key a row holds now (``id``, or ``id|period``), read from its key columns."""
    return layout.PERIOD_SEPARATOR.join(
        _key_text(file, sheet, row, column) for column in key_columns
    )


def _check_rows(
    file: Path,
    sheet: Worksheet,
    keys: list[str],
    key_columns: list[int],
    input_columns: list[int],
    problems: list[str],
) -> bool:
    """Check each row's key cells against ``keys``; say which rows moved, changed or were added.

    Only the first row out of place is reported: once a row is deleted or moved, every row
    after it is out of place too, and one message says what to do.
    """
    ok = True
    for offset, key in enumerate(keys):
        row = layout.FIRST_DATA_ROW + offset
        try:
            found = _row_key(file, sheet, row, key_columns)
        except WorkbookProblem as exc:
            problems.append(str(exc))
            ok = False
            continue
        if found == key:
            continue
        parts = key.split(layout.PERIOD_SEPARATOR)
        column = next(
            (
                c
                for c, part, now in zip(
                    key_columns, parts, found.split(layout.PERIOD_SEPARATOR), strict=False
                )
                if part != now
            ),
            key_columns[0],
        )
        where = cell_place(file, sheet.title, sheet.cell(row, column).coordinate)
        if found.strip(layout.PERIOD_SEPARATOR) == "" or found in keys:
            problems.append(
                f"{where}: row {row} ({key}) was deleted or moved (the row now holds "
                f"{found.strip(layout.PERIOD_SEPARATOR) or 'nothing'}); use a fresh form, or put "
                "the row back where it was"
            )
        else:
            problems.append(
                f"{where}: should hold {key.replace(layout.PERIOD_SEPARATOR, ' ')!r} (as written "
                f"by hyte collect) but holds {found.replace(layout.PERIOD_SEPARATOR, ' ')!r}: a "
                "grey cell was changed; put back what it held (or fill in a fresh copy)"
            )
        return False
    added: list[str] = []
    for row in range(layout.FIRST_DATA_ROW + len(keys), sheet.max_row + 1):
        for column in (*key_columns, *input_columns):
            if sheet.cell(row, column).value not in (None, ""):
                added.append(sheet.cell(row, column).coordinate)
                break
    if added:
        shown = ", ".join(added[:_SHOWN]) + (
            f" and {len(added) - _SHOWN} more" if len(added) > _SHOWN else ""
        )
        problems.append(
            f"{cell_place(file, sheet.title)}: rows were added below the form's rows ({shown}): "
            "hyte reads only the rows it wrote; delete them (write about anything new to the "
            "coordinator)"
        )
        ok = False
    return ok


def _locked_text(sheet: Worksheet, row: int, column: int) -> str:
    """A grey cell's text as the writer wrote it (a formula-looking title is text too)."""
    value = sheet.cell(row=row, column=column).value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float | datetime | date | time):
        return cell_text(Cell("", value))
    return str(value)


def _check_locked(
    book: Returned,
    sheet: Worksheet,
    digests: str | None,
    columns: Sequence[ActionColumn | IndicatorColumn],
    problems: list[str],
) -> None:
    """Refuse grey cells that differ from what hyte collect wrote (by the metadata's digests).

    The digests are of the texts as written, so a plan edited since the form was written does
    not matter: only a cell edited in the workbook is refused. A workbook without digests
    (written before they were kept) is not checked.
    """
    if not digests:
        return
    for offset, line in enumerate(layout.split_row_keys(digests)):
        row = layout.FIRST_DATA_ROW + offset
        expected = line.split()
        for column, digest in zip(columns, expected, strict=False):
            number = layout.column_number(column)
            if layout.locked_digests([_locked_text(sheet, row, number)]) == digest:
                continue
            where = cell_place(book.file, sheet.title, sheet.cell(row, number).coordinate)
            problems.append(
                f"{where} ({layout.column_name(column, book.language)}): the cell was edited "
                "after hyte collect wrote it, but the grey cells show the plan and must stay as "
                "they are: undo the change (or fill in a fresh copy), and write what should "
                "change in the plan to the coordinator"
            )


def _inputs(
    file: Path, sheet: Worksheet, row: int, columns: tuple[_Column, ...], problems: list[str]
) -> dict[_Column, Cell]:
    cells: dict[_Column, Cell] = {}
    for column in columns:
        try:
            cell = read_cell(file, sheet, row, layout.column_number(column))
        except WorkbookProblem as exc:
            problems.append(str(exc))
            continue
        if cell is not None:
            cells[column] = cell
    return cells


def read_returned(file: Path, problems: list[str]) -> Returned | None:
    """Read what the party filled in, adding every problem found to ``problems``.

    Args:
        file: The returned workbook.
        problems: Where problems are collected (each names the file, sheet and cell).

    Returns:
        The workbook's inputs, or ``None`` when it cannot be read at all (its problem is in
        ``problems``). Rows whose key cells do not match are not read.
    """
    try:
        book = open_workbook(file)
        meta = _metadata(file, book)
        year_text = meta[MetaKey.YEAR].strip()
        if not year_text.removesuffix(".0").isdigit():
            raise WorkbookProblem(f"{file}: the hidden metadata's year {year_text!r} is not a year")
        returned = Returned(
            file=file,
            plan_id=meta[MetaKey.PLAN_ID].strip(),
            year=int(year_text.removesuffix(".0")),
            responsible=meta[MetaKey.RESPONSIBLE].strip(),
            language=meta[MetaKey.LANGUAGE].strip(),
            actions_sheet=meta[MetaKey.ACTIONS_SHEET],
            indicators_sheet=meta[MetaKey.INDICATORS_SHEET],
        )
        actions = _sheet(file, book, returned.actions_sheet, "goals and actions")
        indicators = _sheet(file, book, returned.indicators_sheet, "indicators")
    except WorkbookProblem as exc:
        problems.append(str(exc))
        return None
    action_keys = layout.split_row_keys(meta[MetaKey.ACTIONS_ROWS])
    indicator_keys = layout.split_row_keys(meta[MetaKey.INDICATORS_ROWS])
    action_inputs = [layout.column_number(c) for c in layout.ACTION_INPUTS]
    indicator_inputs = [layout.column_number(c) for c in layout.INDICATOR_INPUTS]
    id_column = layout.column_number(ActionColumn.ID)
    if _check_rows(file, actions, action_keys, [id_column], action_inputs, problems):
        _check_locked(
            returned, actions, meta.get(MetaKey.ACTIONS_LOCKED), layout.ACTION_LOCKED, problems
        )
        for offset, item_id in enumerate(action_keys):
            row = layout.FIRST_DATA_ROW + offset
            cells = _inputs(file, actions, row, layout.ACTION_INPUTS, problems)
            if cells:
                returned.actions.append(ActionInput(row, item_id, cells))
            else:
                returned.empty.append(item_id)
    key_columns = [
        layout.column_number(IndicatorColumn.ID),
        layout.column_number(IndicatorColumn.PERIOD),
    ]
    if _check_rows(file, indicators, indicator_keys, key_columns, indicator_inputs, problems):
        _check_locked(
            returned,
            indicators,
            meta.get(MetaKey.INDICATORS_LOCKED),
            layout.INDICATOR_LOCKED,
            problems,
        )
        for offset, key in enumerate(indicator_keys):
            row = layout.FIRST_DATA_ROW + offset
            indicator_id, period = layout.split_indicator_row_key(key)
            found = _inputs(file, indicators, row, layout.INDICATOR_INPUTS, problems)
            if found:
                returned.indicators.append(IndicatorInput(row, indicator_id, period, found))
            else:
                returned.empty.append(key)
    return returned


def check_workbooks(
    books: list[Returned], plan_id: str, year: int | None, problems: list[str]
) -> list[Returned]:
    """The workbooks of this plan and of one year (``year``, else the first one's).

    Args:
        books: The workbooks read.
        plan_id: The repository's plan id.
        year: The year asked for (``None``: the first workbook's).
        problems: Where a workbook of another plan or year is said (it is left out).

    Returns:
        The workbooks to import, in the order given.
    """
    wanted = year if year is not None else next((b.year for b in books), None)
    usable = []
    for book in books:
        if book.plan_id != plan_id:
            problems.append(
                f"{book.file}: the workbook is for the plan '{book.plan_id}', not this "
                f"repository's '{plan_id}': import it into that plan's repository"
            )
        elif book.year != wanted:
            given = "--year" if year is not None else f"the other workbooks ({books[0].file})"
            problems.append(
                f"{book.file}: the workbook reports on {book.year}, but {given} on {wanted}: "
                "import one year's workbooks at a time"
            )
        else:
            usable.append(book)
    return usable
