"""Reading workbooks that people return (.xlsx): opened safely, cells read as values, not styles.

A returned workbook has been through Excel or LibreOffice Calc, which rewrite styles, number
formats and types: a number typed in a text cell stays text, a date may be a date cell or text,
a percentage may be stored as a fraction with a ``%`` format. This module reads what was meant
and says exactly where when it cannot:

* :func:`open_workbook` refuses what is not an ``.xlsx`` workbook (by extension and by content:
  ``.xlsm``/``.xls``/``.ods``, a file with macros, random bytes, a truncated zip), a file larger
  than :data:`MAX_WORKBOOK_BYTES`, and a zip that would unpack to more than
  :data:`MAX_UNPACKED_BYTES` (a zip bomb), before openpyxl reads it.
* :func:`read_cell` gives a filled cell's value with its place (``FILE, sheet "Mittarit", cell
  H5``), refusing a formula (type the value itself); an empty or blank cell is ``None``
  (nothing returned).
* :func:`cell_text`, :func:`cell_number`, :func:`cell_value` and :func:`cell_date` read a cell
  as text, a number (:func:`hytecli.values.parse_number`'s rules for text: ``12,5``, ``1 234``),
  an indicator's value (:func:`hytecli.values.parse_value`) or a date (a date cell, or text
  ``2024-03-15`` or ``15.3.2024``).

Every problem is a :class:`WorkbookProblem` naming the file (and sheet and cell); a caller that
reads many cells collects them and raises :class:`WorkbookProblems` with all of them, so that a
person fixes everything at once. openpyxl is used because it is pure Python, well kept, and reads
and writes the data validations and protections the forms need.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hytecli.errors import HyteError
from hytecli.periods import DateProblem, check_year, parse_iso_date
from hytecli.reporters import plural
from hytecli.values import (
    RecordedValue,
    ValueProblem,
    check_range,
    format_number,
    parse_number,
    parse_value,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from hytecli.models import IndicatorKind as ValueKind

#: The largest workbook file read (bytes); a filled-in form is far smaller.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
#: The most a workbook's zip may unpack to (bytes): more is refused as a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: The most entries a workbook's zip may have.
MAX_ZIP_ENTRIES = 2000

_SAVE_AS = "open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx)"
_OTHER_FORMATS = {
    ".xlsm": "is a workbook with macros (.xlsm), which hyte does not open",
    ".xltm": "is a template with macros (.xltm), which hyte does not open",
    ".xlsb": "is a binary Excel workbook (.xlsb)",
    ".xls": "is an old Excel workbook (.xls)",
    ".ods": "is an OpenDocument spreadsheet (.ods)",
}
#: Files that cannot hold the form at all: what they are, and what to return instead.
_NOT_A_FORM = {
    ".csv": "is a CSV file: it holds one sheet's values without the form's other sheets, so it "
    "cannot be imported. Type the values into the workbook (.xlsx) that was sent, and return that",
}
_XLSX_SUFFIXES = (".xlsx", ".xltx")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class WorkbookProblem(HyteError):
    """One problem with a returned workbook; the message names the file (sheet, cell), the fix."""


class WorkbookProblems(HyteError):
    """Every problem found in the returned workbooks, listed together; nothing was written.

    Attributes:
        problems: The messages, one per problem, in the order found.
    """

    def __init__(self, problems: Sequence[str], *, heading: str | None = None) -> None:
        """Make the error from ``problems`` (at least one) under ``heading``."""
        self.problems = list(problems)
        count = len(self.problems)
        first = heading or (
            f"{plural(count, 'problem')} in the returned workbooks, so nothing "
            "was written; fix them and run again:"
        )
        super().__init__("\n".join([first, *(f"  {p}" for p in self.problems)]))


@dataclass(frozen=True)
class Cell:
    """A filled cell of a returned workbook.

    Attributes:
        where: Its place for messages: ``FILE, sheet "NAME", cell H5``.
        value: Its value as openpyxl reads it: stripped text, a number, a bool or a datetime.
        percent: The cell's number format shows a percentage (the value is a fraction).
    """

    where: str
    value: str | int | float | bool | datetime | date | time
    percent: bool = False


def cell_place(file: Path | str, sheet: str, coordinate: str | None = None) -> str:
    """The place of a sheet or cell for messages: ``FILE, sheet "NAME", cell H5``."""
    place = f'{file}, sheet "{sheet}"'
    return f"{place}, cell {coordinate}" if coordinate else place


def open_workbook(
    file: Path,
    *,
    max_bytes: int = MAX_WORKBOOK_BYTES,
    max_unpacked: int = MAX_UNPACKED_BYTES,
) -> Workbook:
    """Open a returned ``.xlsx`` workbook with openpyxl (values and formulas, no macros).

    Args:
        file: The workbook.
        max_bytes: The largest file accepted.
        max_unpacked: The most its zip may unpack to.

    Returns:
        The openpyxl workbook (``read_only=False, data_only=False, keep_vba=False``, so formulas
        are seen as formulas).

    Raises:
        WorkbookProblem: the file is missing, too large, not an .xlsx workbook (another format,
            macros, not a zip, a damaged zip, a zip bomb), or openpyxl cannot read it.
    """
    suffix = file.suffix.lower()
    if suffix in _NOT_A_FORM:
        raise WorkbookProblem(f"{file} {_NOT_A_FORM[suffix]}")
    if suffix in _OTHER_FORMATS:
        raise WorkbookProblem(f"{file} {_OTHER_FORMATS[suffix]}: {_SAVE_AS}")
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise WorkbookProblem(f"cannot read {file}: {exc.strerror}") from None
    if not file.is_file():
        raise WorkbookProblem(f"{file} is not a file: give the returned workbook (.xlsx)")
    if size == 0:
        raise WorkbookProblem(
            f"{file} is empty (0 bytes): it was not saved whole; return the filled-in workbook "
            "again"
        )
    if size > max_bytes:
        raise WorkbookProblem(
            f"{file} is {_mb(size)}, more than the {_mb(max_bytes)} a returned form can be: is "
            "it the right file? Copy the filled-in cells into the workbook hyte collect wrote "
            "and return that"
        )
    _check_package(file, max_unpacked)
    if suffix not in _XLSX_SUFFIXES:
        raise WorkbookProblem(f"{file} is not named .xlsx: {_SAVE_AS}, named .xlsx")
    from openpyxl import load_workbook

    try:
        return load_workbook(file, read_only=False, data_only=False, keep_vba=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise WorkbookProblem(
            f"{file} is not a readable Excel workbook ({type(exc).__name__}: {exc}): {_SAVE_AS}"
        ) from None


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _check_package(file: Path, max_unpacked: int) -> None:
    """Refuse a file that is not an .xlsx zip package (by content), has macros or is a bomb."""
    try:
        with file.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise WorkbookProblem(f"cannot read {file}: {exc.strerror}") from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookProblem(f"{file} is an old Excel workbook (.xls) inside: {_SAVE_AS}")
    if not head.startswith(b"PK"):
        raise WorkbookProblem(f"{file} is not an Excel workbook (.xlsx): {_SAVE_AS}")
    try:
        with zipfile.ZipFile(file) as package:
            entries = package.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > max_unpacked:
                raise WorkbookProblem(
                    f"{file} would unpack to more than {_mb(max_unpacked)} "
                    "(or too many parts), far more than a form: it is refused as unsafe. "
                    f"Is it the right file? {_SAVE_AS}"
                )
            if "mimetype" in names and b"opendocument" in package.read("mimetype"):
                raise WorkbookProblem(f"{file} is an OpenDocument spreadsheet inside: {_SAVE_AS}")
            if "[Content_Types].xml" not in names:
                raise WorkbookProblem(f"{file} is a zip file, not an Excel workbook: {_SAVE_AS}")
            types = package.read("[Content_Types].xml")
    except zipfile.BadZipFile as exc:
        raise WorkbookProblem(
            f"{file} is damaged (not a complete zip: {exc}): {_SAVE_AS}"
        ) from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise WorkbookProblem(f"{file} is damaged ({exc}): {_SAVE_AS}") from None
    if b"macroEnabled" in types or any(name.endswith("vbaProject.bin") for name in names):
        raise WorkbookProblem(
            f"{file} is a workbook with macros, which hyte does not open: {_SAVE_AS} (Excel "
            "asks whether to save without macros: yes)"
        )


def read_cell(file: Path | str, sheet: Worksheet, row: int, column: int) -> Cell | None:
    """The value of a cell, or ``None`` when it is empty or holds only spaces.

    Args:
        file: The workbook's path, for messages.
        sheet: The worksheet.
        row: The 1-based row.
        column: The 1-based column.

    Raises:
        WorkbookProblem: the cell holds a formula (or an error value such as ``#DIV/0!``).
    """
    cell = sheet.cell(row=row, column=column)
    where = cell_place(file, sheet.title, cell.coordinate)
    value: Any = cell.value
    if value is None:
        return None
    if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
        shown = value if isinstance(value, str) else "a formula"
        raise WorkbookProblem(
            f"{where}: holds the formula {shown}; type the value itself (copy the cell and "
            "paste it as values only)"
        )
    if cell.data_type == "e":
        raise WorkbookProblem(f"{where}: holds the error {value}; type the value itself")
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        if not value:
            return None
    elif not isinstance(value, bool | int | float | datetime | date | time):
        raise WorkbookProblem(f"{where}: cannot be read ({type(value).__name__}); type the value")
    return Cell(where, value, percent="%" in str(cell.number_format or ""))


def _plain_number(number: int | float) -> int | float:
    """A number read from a spreadsheet, without binary noise, a whole float as an ``int``."""
    if isinstance(number, float):
        number = float(f"{number:.15g}")
        if number.is_integer():
            return int(number)
    return number


def cell_text(cell: Cell) -> str:
    """A cell's value as text (a number as written in plain decimal, a date as YYYY-MM-DD)."""
    value = cell.value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(_plain_number(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return value


def _at(cell: Cell, column: str | None) -> str:
    """The cell's place for a message, with its column's name when known: ``… cell H4 (Arvo)``."""
    return f"{cell.where} ({column})" if column else cell.where


def cell_number(cell: Cell, what: str) -> int | float:
    """A cell's number: a number cell as it is, text read as an amount (``parse_number``).

    Raises:
        WorkbookProblem: not a number (``what`` names the column in the message).
    """
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _plain_number(value * 100 if cell.percent else value)
    if isinstance(value, str):
        try:
            return parse_number(value, subject="an amount")
        except ValueProblem as exc:
            raise WorkbookProblem(f"{_at(cell, what)}: {exc}") from None
    raise WorkbookProblem(f"{_at(cell, what)}: {cell_text(cell)!r} is not a number; type one")


def cell_value(cell: Cell, kind: ValueKind, column: str | None = None) -> RecordedValue:
    """An indicator's value of ``kind`` in a cell, checked as ``hyte record`` checks it.

    A number cell is taken as the number (a percentage-formatted cell as its percentage), a
    yes/no cell (TRUE/FALSE) as yes/no, text by :func:`hytecli.values.parse_value`.
    ``column`` is the column's name as the form shows it, for the message.

    Raises:
        WorkbookProblem: the value does not fit the kind (the message says why).
    """
    value = cell.value
    try:
        if kind == "yes_no" and isinstance(value, bool):
            return value
        if kind in ("count", "percentage", "rate") and isinstance(value, int | float):
            if isinstance(value, bool):
                raise ValueProblem(f"{cell_text(cell)} is a yes/no value, not a number")
            return check_range(cell_number(cell, "the value"), kind)
        return parse_value(cell_text(cell), kind)
    except ValueProblem as exc:
        raise WorkbookProblem(f"{_at(cell, column)}: {exc}") from None


def cell_date(cell: Cell, column: str | None = None) -> date:
    """A date in a cell: a date cell, or text ``YYYY-MM-DD`` or ``D.M.YYYY``.

    ``column`` is the column's name as the form shows it, for the message.

    Raises:
        WorkbookProblem: not a date (the message shows how to write one).
    """
    value = cell.value
    try:
        if isinstance(value, datetime):
            check_year(value.year, value.isoformat())
            return value.date()
        if isinstance(value, date):
            check_year(value.year, value.isoformat())
            return value
        if isinstance(value, str):
            finnish = _FINNISH_DATE.match(value)
            if finnish:
                day, month, year = finnish.groups()
                value = f"{year}-{int(month):02d}-{int(day):02d}"
            return parse_iso_date(value)
    except DateProblem as exc:
        reason = str(exc).split(": ", 1)[-1] if ": " in str(exc) else str(exc)
        raise WorkbookProblem(
            f"{_at(cell, column)}: {cell_text(cell)!r} is not a date ({reason}): write the day as "
            "YYYY-MM-DD (e.g. 2025-03-15) or D.M.YYYY (15.3.2025)"
        ) from None
    raise WorkbookProblem(
        f"{_at(cell, column)}: {cell_text(cell)!r} is not a date: write the day as YYYY-MM-DD "
        "(e.g. 2025-03-15) or D.M.YYYY (15.3.2025)"
    )
