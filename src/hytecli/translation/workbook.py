"""Plan texts as an Excel workbook (openpyxl), for translators who work in a spreadsheet.

The first sheet, ``texts``, has one row per text under a header row: the key, the item's id, the
field, the source's fingerprint and the source text (grey and locked: the sheet is protected
without a password, only so that they are not changed by mistake), then the translation column
(white, unlocked). It looks and prints as the collect forms do (:mod:`hytecli.workbook_style`):
Arial, wrapped text in rows as tall as their text, A4 landscape one page wide with the header row
repeated on every page. The second sheet, ``instructions``, says what to do in the target
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
# Column widths in characters: about 180 in all, so that printed one page wide on A4 landscape
# the text stays about 8 pt (see hytecli.workbook_style); the texts are the widest.
_WIDTHS = (28, 18, 11, 14, 55, 55)
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
    """The entries as an xlsx workbook, which looks and prints as the collect forms do.

    Args:
        entries: The texts to translate.
        source_language: The plan's language.
        target_language: The language translated into.
        translations: Fill in the existing translations (``--all``).
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from hytecli import workbook_style as style

    words = Localizer(target_language if target_language in LOCALES else "en")
    book = Workbook()
    style.use_default_font(book)
    sheet: Any = book.active
    sheet.title = TEXTS_SHEET
    languages = (source_language, target_language)
    last = len(COLUMNS)
    for column, header in enumerate(_HEADERS, start=1):
        language = languages[column - 5] if column >= 5 else ""
        cell = style.put_cell(sheet, 1, column, words.gettext(header, language=language))
        style.style_header(cell, to_fill=column == last)
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS[column - 1]
    for row, entry in enumerate(entries, start=2):
        translation = (entry.translation(target_language) or "") if translations else ""
        values = (entry.key, entry.item_id, entry.field, entry.fingerprint, entry.source)
        for column, value in enumerate((*values, translation), start=1):
            # put_cell writes text as text: "1.0" or "=x" stay as written
            style.style_cell(style.put_cell(sheet, row, column, value), to_fill=column == last)
    sheet.freeze_panes = "A2"
    style.protect(sheet)
    style.fit_row_heights(sheet)
    title = words.gettext(_INSTRUCTIONS[0])
    footer = (
        f"{source_language} → {target_language}",
        title,
        words.gettext("page %(page)s of %(pages)s", page="&P", pages="&N"),
    )
    style.print_setup(sheet, landscape=True, footer=footer, title_rows="1:1")

    notes = book.create_sheet(INSTRUCTIONS_SHEET)
    # 100 characters: printed on A4 portrait at full size
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 78
    style.put_cell(notes, 1, 1, title).font = style.TITLE
    notes.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    for row, line in enumerate(_INSTRUCTIONS[1:], start=2):
        style.put_cell(notes, row, 2, words.gettext(line)).font = style.PLAIN
    for row, label, value in (
        (int(SOURCE_CELL[1:]), N_("Source language"), source_language),
        (int(TARGET_CELL[1:]), N_("Target language"), target_language),
    ):
        style.put_cell(notes, row, 1, words.gettext(label)).font = style.BOLD
        style.put_cell(notes, row, 2, value).font = style.PLAIN
    for cells in notes.iter_rows():
        for cell in cells:
            cell.alignment = style.WRAP
    style.fit_row_heights(notes)
    style.print_setup(notes, landscape=False, footer=footer, gridlines=False)
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
