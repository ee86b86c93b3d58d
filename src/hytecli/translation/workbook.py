"""Plan texts as an Excel workbook (openpyxl), for translators who work in a spreadsheet.

The first sheet, ``texts``, has one row per text under a header row: the key, the item's id, the
field, the source's fingerprint and the source text (grey and locked: the sheet is protected
without a password, only so that they are not changed by mistake), then the translation column
(white, unlocked, wrapped). The second sheet, ``instructions``, says what to do in the target
language and holds the two languages in named cells that the import reads back. Column
positions, not header words, are read back, so the headers can be in the translator's language.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hytecli.i18n import LOCALES, Localizer
from hytecli.labels import N_
from hytecli.translation.exchange import Exchange, ExchangeEntry, TranslationError, language_part
from hytecli.translation.texts import TextEntry

TEXTS_SHEET = "texts"
INSTRUCTIONS_SHEET = "instructions"
#: Columns of the texts sheet, in order; the translation is the last.
COLUMNS = ("key", "id", "field", "fingerprint", "source", "translation")
#: The instructions sheet's cells holding the languages (column B; read back by the import).
SOURCE_CELL = "B9"
TARGET_CELL = "B10"
_WIDTHS = (34, 24, 12, 14, 70, 70)
_HEADERS = (
    N_("Place in the plan (do not change)"),
    N_("Item"),
    N_("Field"),
    N_("Fingerprint"),
    N_("Source text (%(language)s)"),
    N_("Translation (%(language)s)"),
)
_INSTRUCTIONS = (
    N_("Translating the wellbeing plan's texts"),
    N_("Write the translation of each text in the last column of the sheet texts."),
    N_("Leave a translation empty if you do not translate that text yet: it is skipped."),
    N_("Do not change the other columns; the import finds each text by its place in the plan."),
    N_("Keep paragraph breaks: a blank line inside a cell (Alt+Enter twice) starts a paragraph."),
    N_("Save the workbook as .xlsx and return it; it is read with hyte translate import."),
)


def write_workbook(
    entries: Sequence[TextEntry], source_language: str, target_language: str, *, translations: bool
) -> bytes:
    """The entries as an xlsx workbook.

    Args:
        entries: The texts to translate.
        source_language: The plan's language.
        target_language: The language translated into.
        translations: Fill in the existing translations (``--all``).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    words = Localizer(target_language if target_language in LOCALES else "en")
    book = Workbook()
    sheet: Any = book.active
    sheet.title = TEXTS_SHEET
    grey = PatternFill("solid", start_color="E7E6E6", end_color="E7E6E6")
    wrap = Alignment(wrap_text=True, vertical="top")
    languages = (source_language, target_language)
    for column, header in enumerate(_HEADERS, start=1):
        language = languages[column - 5] if column >= 5 else ""
        cell = sheet.cell(1, column, words.gettext(header, language=language))
        cell.font = Font(bold=True)
        cell.fill = grey
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[column - 1]
    for row, entry in enumerate(entries, start=2):
        translation = (entry.translation(target_language) or "") if translations else ""
        values = (entry.key, entry.item_id, entry.field, entry.fingerprint, entry.source)
        for column, value in enumerate((*values, translation), start=1):
            cell = sheet.cell(row, column)
            cell.value = value
            cell.data_type = "s"  # always text: "1.0" or "=x" stay as written
            cell.alignment = wrap
            if column < len(COLUMNS):
                cell.fill = grey
            else:
                cell.protection = Protection(locked=False)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatCells = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False

    notes = book.create_sheet(INSTRUCTIONS_SHEET)
    notes.column_dimensions["A"].width = 30
    notes.column_dimensions["B"].width = 90
    for row, line in enumerate(_INSTRUCTIONS, start=1):
        notes.cell(row, 1 if row == 1 else 2, words.gettext(line)).alignment = wrap
    notes["A1"].font = Font(bold=True, size=14)
    notes["A9"] = words.gettext(N_("Source language"))
    notes[SOURCE_CELL] = source_language
    notes["A10"] = words.gettext(N_("Target language"))
    notes[TARGET_CELL] = target_language
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_workbook(file: Path) -> Exchange:
    """Read a workbook written by :func:`write_workbook` and filled in by a translator.

    Opened and read with :mod:`hytecli.workbooks` (a returned file is checked before openpyxl
    reads it; a formula is refused); every problem is listed together.

    Raises:
        WorkbookProblem: the file is not a readable .xlsx workbook.
        WorkbookProblems: cells that cannot be read (formulas), named by sheet and cell.
        TranslationError: a sheet is missing, or a translation is on a row without a text.
    """
    from hytecli.workbooks import (
        WorkbookProblem,
        WorkbookProblems,
        cell_place,
        cell_text,
        open_workbook,
        read_cell,
    )

    book = open_workbook(file)
    for sheet_name in (TEXTS_SHEET, INSTRUCTIONS_SHEET):
        if sheet_name not in book.sheetnames:
            raise TranslationError(
                f"{cell_place(file, sheet_name)} is missing: translate the workbook hyte "
                "translate export wrote, without renaming or deleting its sheets"
            )
    problems: list[str] = []

    def text(sheet: Any, row: int, column: int) -> str:
        try:
            cell = read_cell(file, sheet, row, column)
        except WorkbookProblem as exc:
            problems.append(str(exc))
            return ""
        return cell_text(cell) if cell is not None else ""

    notes = book[INSTRUCTIONS_SHEET]
    target, source = (text(notes, int(c[1:]), 2) for c in (TARGET_CELL, SOURCE_CELL))
    exchange = Exchange(language_part(target), language_part(source))
    sheet = book[TEXTS_SHEET]
    for row in range(2, sheet.max_row + 1):
        key, item_id, _field, fingerprint, source_text, translation = (
            text(sheet, row, column) for column in range(1, len(COLUMNS) + 1)
        )
        if not key:
            if translation:
                problems.append(
                    f"{cell_place(file, TEXTS_SHEET, f'F{row}')}: a translation without its "
                    "text's place in the plan (column A): write translations only on the rows "
                    "of the exported texts"
                )
            continue
        exchange.entries.append(
            ExchangeEntry(
                key=key,
                source=source_text,
                translation=translation,
                where=cell_place(file, TEXTS_SHEET, f"F{row}"),
                fingerprint=fingerprint or None,
                item_id=item_id or None,
            )
        )
    if problems:
        raise WorkbookProblems(problems)
    return exchange
