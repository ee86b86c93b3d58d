"""How hyte's workbooks look on screen and on paper: fonts, locked cells, row heights, printing.

Shared by every workbook hyte writes for people to fill in: the collect round's forms
(:mod:`hytecli.collect.workbook`) and the translators' workbook
(:mod:`hytecli.translation.workbook`), so that both read and print alike.

Cells a person writes in are white and unlocked (their header pale yellow); every other cell is
grey and locked, and the sheet is protected without a password (:func:`protect`), only so that
they are not changed by mistake. Text is always written as text (:func:`put_cell`).

Spreadsheet files do not store how tall a wrapped row must be: Excel and LibreOffice Calc keep
the default height of a row that was written by a program, so a long title wrapped in its cell
would be hidden behind, or drawn over, the rows below. hyte therefore estimates every row's
height itself: each cell's text is wrapped word by word into its column's width with the
character widths of Arial (:data:`FONT_NAME`), and the row gets the height of its tallest cell.

Arial is used, not the default Calibri, because its widths are the same everywhere: Excel on
Windows and macOS has Arial, and LibreOffice on Linux draws it with Liberation Sans, which has
exactly Arial's widths, whereas Calibri is replaced by a wider font where it is missing, which
would make text overflow the estimated heights. It is also the workbook's default font
(:func:`use_default_font`): a column's width is counted in digits of the default font, and
LibreOffice, unlike Excel, would otherwise make every column a third wider with a stand-in for
Calibri, and the printed page a third smaller.

Pages print on A4, one page wide and as many pages tall as needed, with the header row repeated,
gridlines and a footer (:func:`print_setup`). A data sheet's column widths should add up to at
most about 180 characters, so that printed one page wide on A4 landscape its 10 pt text prints at
about 8 pt or larger.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

#: The font of every cell hyte writes (see the module's docstring for why Arial).
FONT_NAME = "Arial"
#: The font size of the data sheets and the instructions, in points.
FONT_SIZE = 10
#: Text cells.
PLAIN = Font(name=FONT_NAME, size=FONT_SIZE)
#: Headers and the instructions' key lines.
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
#: The instructions' title.
TITLE = Font(name=FONT_NAME, size=14, bold=True)
#: Every text cell: wrapped, from the top.
WRAP = Alignment(wrap_text=True, vertical="top")
#: The tallest row a spreadsheet allows, in points.
MAX_ROW_HEIGHT = 409.0
#: A column's width when the sheet does not set it (Excel's default), in characters.
DEFAULT_WIDTH = 8.43
#: The most characters a cell holds.
MAX_CELL = 32_767
#: Cells not to be changed (locked by the sheet's protection) and their headers.
LOCKED_FILL = PatternFill("solid", fgColor="D9D9D9")
#: The header of a column to fill in (its cells are white).
INPUT_HEADER_FILL = PatternFill("solid", fgColor="FFF2CC")
_UNLOCKED = Protection(locked=False)


def put_cell(sheet: Worksheet, row: int, column: int, value: str | float | date | None) -> Any:
    """Write a value into a cell and return the cell.

    Text is always stored as text, never read as a formula (a title may start with ``=``, a
    text may look like a number), and cut to :data:`MAX_CELL` characters, the most a cell holds.
    """
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "…"
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def style_header(cell: Any, *, to_fill: bool) -> None:
    """Make ``cell`` a column's header: bold, wrapped; pale yellow over a column to fill in."""
    cell.font = BOLD
    cell.alignment = WRAP
    cell.fill = INPUT_HEADER_FILL if to_fill else LOCKED_FILL


def style_cell(cell: Any, *, to_fill: bool) -> None:
    """Make ``cell`` a data cell: wrapped text, unlocked and white to fill in, else grey."""
    cell.font = PLAIN
    cell.alignment = WRAP
    if to_fill:
        cell.protection = _UNLOCKED
    else:
        cell.fill = LOCKED_FILL


def protect(sheet: Worksheet) -> None:
    """Protect the sheet without a password; columns and rows may still be resized."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def use_default_font(workbook: Workbook) -> None:
    """Make :data:`PLAIN` the workbook's default font (its ``Normal`` style's).

    openpyxl has no public setter for the ``Normal`` style, so its named style is changed; it is
    re-bound to the workbook, which records the font.
    """
    workbook._named_styles["Normal"].font = PLAIN  # type: ignore[attr-defined]


# Arial's (Helvetica's) advance widths in thousandths of an em; other characters count as
# ``_WIDE`` (a capital's width), so that an estimate errs on the side of a taller row.
_WIDTHS: dict[str, int] = {
    **dict.fromkeys("ijl'|", 222),
    **dict.fromkeys(" ftI.,:;!/[]\\", 278),
    **dict.fromkeys("r-()`", 333),
    '"': 355,
    **dict.fromkeys("cksvxyzJ*", 500),
    **dict.fromkeys("abdeghnopqu0123456789?$_#~+=<>^", 556),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("wCDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    "%": 889,
    "W": 944,
    "@": 1015,
}
_WIDE = 722
# Bold Arial is at most about 8 % wider; every estimate adds 3 % to be safe.
_BOLD_FACTOR = 1.08
_SAFETY = 1.03
# A column of width w (in characters of the workbook's default font, 7 pixels each) is about
# 7 * w pixels wide between its borders (in LibreOffice 7.4 * w); a cell's text keeps 2 or 3
# pixels from each border.
_PIXELS_PER_CHARACTER = 7
_CELL_PADDING = 5
# Line height as a multiple of the font size, and the room above and below a row's text.
_LINE_HEIGHT = 1.275
_ROW_PADDING = 3.0
# What a line may break after: a space (dropped) or a hyphen or slash (kept).
_BREAK = re.compile(r"[^ \-/]*[\-/]|[^ \-/]+| ")


def _em_width(text: str) -> int:
    """The width of ``text`` in thousandths of an em."""
    return sum(_WIDTHS.get(_base_letter(char), _WIDE) for char in text)


def _base_letter(char: str) -> str:
    """``ä`` → ``a``, ``Ö`` → ``O``: an accented Latin letter is as wide as its base letter."""
    if char.isascii():
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if decomposed[0].isascii() else char


def _text_pixels(text: str, size: float, bold: bool) -> float:
    pixels = _em_width(text) / 1000 * size * 96 / 72
    return pixels * _SAFETY * (_BOLD_FACTOR if bold else 1.0)


def wrapped_lines(text: str, width: float, *, size: float = FONT_SIZE, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` characters wide.

    Lines break at spaces and after hyphens and slashes, as Excel and LibreOffice break them;
    a word longer than the column is broken between letters; a line break starts a new line.

    Args:
        text: The cell's text.
        width: The column's width, in characters (openpyxl's ``column_dimensions[].width``).
        size: The font size in points.
        bold: Whether the font is bold.

    Returns:
        The number of lines, at least 1.
    """
    room = max(width * _PIXELS_PER_CHARACTER - _CELL_PADDING, 1.0)
    space = _text_pixels(" ", size, bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0  # width of the current line's text so far
        gap = False  # a space waits before the next piece
        for piece in _BREAK.findall(paragraph):
            if piece == " ":
                gap = used > 0
                continue
            pixels = _text_pixels(piece, size, bold)
            wanted = used + (space if gap else 0.0) + pixels
            if used > 0 and wanted > room:
                lines += 1
                used, wanted = 0.0, pixels
            if wanted > room:  # a word wider than the column: broken between letters
                extra = math.ceil(wanted / room) - 1
                lines += extra
                wanted -= extra * room
            used, gap = wanted, False
    return max(lines, 1)


def row_height(lines: int, *, size: float = FONT_SIZE) -> float:
    """The height in points of a row of ``lines`` lines in a font of ``size`` points."""
    return min(round(lines * size * _LINE_HEIGHT + _ROW_PADDING, 2), MAX_ROW_HEIGHT)


def _column_widths(sheet: Worksheet) -> dict[int, float]:
    """Each column's width (1-based), with the default for a column not set."""
    widths: dict[int, float] = {}
    for column in range(1, sheet.max_column + 1):
        dimension = sheet.column_dimensions.get(get_column_letter(column))
        width = dimension.width if dimension is not None and dimension.width else None
        widths[column] = float(width) if width else DEFAULT_WIDTH
    return widths


def fit_row_heights(sheet: Worksheet, rows: Iterable[int] | None = None) -> None:
    """Set each row's height to fit its tallest wrapped text.

    A cell merged over several columns (in one row) wraps in their summed width; the other
    cells of a merge are skipped. Rows with no text keep the default height.

    Args:
        sheet: The sheet, its column widths and its cells' fonts already set.
        rows: The rows to fit (1-based); all rows of the sheet by default.
    """
    widths = _column_widths(sheet)
    merged = {
        (cells.min_row, cells.min_col): sum(
            widths.get(c, DEFAULT_WIDTH) for c in range(cells.min_col, cells.max_col + 1)
        )
        for cells in sheet.merged_cells.ranges
    }
    for row in rows if rows is not None else range(1, sheet.max_row + 1):
        height = 0.0
        for column, width in widths.items():
            cell = sheet.cell(row=row, column=column)
            if not isinstance(cell.value, str) or not cell.value:
                continue
            font = cell.font
            size = float(font.sz) if font is not None and font.sz else float(FONT_SIZE)
            bold = bool(font is not None and font.b)
            room = merged.get((row, column), width)
            lines = wrapped_lines(cell.value, room, size=size, bold=bold)
            height = max(height, row_height(lines, size=size))
        if height:
            sheet.row_dimensions[row].height = height


def _footer_text(text: str, limit: int = 80) -> str:
    """``text`` for a page footer: ``&`` doubled (a footer's codes start with it), shortened."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("&", "&&")


def print_setup(
    sheet: Worksheet,
    *,
    landscape: bool,
    footer: tuple[str, str, str],
    title_rows: str | None = None,
    gridlines: bool = True,
) -> None:
    """Make the sheet print on A4 one page wide, as many pages tall as needed.

    Args:
        sheet: The sheet, its columns' widths set.
        landscape: Landscape (the data sheets) or portrait (the instructions).
        footer: The footer's left and centre texts (the collect forms: the party and the
            year's title) (plain text: ``&`` is escaped) and its right
            text as a footer code (``&P`` is the page number, ``&N`` the number of pages).
        title_rows: Rows repeated at the top of every printed page (``"1:1"``), if any.
        gridlines: Print the cells' gridlines.
    """
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(
        left=0.25, right=0.25, top=0.4, bottom=0.6, header=0.2, footer=0.25
    )
    sheet.print_options.gridLines = gridlines
    if title_rows is not None:
        sheet.print_title_rows = title_rows
    left, centre, right = footer
    page_footer = sheet.oddFooter
    assert page_footer is not None  # a new sheet has its footer
    for part, text in (
        (page_footer.left, _footer_text(left)),
        (page_footer.center, _footer_text(centre)),
        (page_footer.right, right),
    ):
        part.text = text
        part.size = 8
        part.font = f"{FONT_NAME},Regular"
