"""Writing one party's collect workbook with openpyxl, in the layout of :mod:`.layout`.

A real person fills the workbook in, so it is made to be read and printed: the instructions
first, in the form's language; the columns to fill in white, the others grey and locked (the
sheet is protected without a password: guidance, not security); drop-downs and number and date
validations with messages in the form's language; wrapped text in rows as tall as their text,
column widths chosen so that a printed page stays readable, the header row frozen and repeated on
every printed page, A4 landscape one page wide (:mod:`hytecli.workbook_style`). What the plan
already records for the year is shown in its own locked column.

openpyxl is used because it writes ``.xlsx`` with data validation, sheet protection, print
setup and very hidden sheets, with no spreadsheet program installed (pure Python, MIT).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from hytecli.collect import layout
from hytecli.collect.instructions import FormWords, write_instructions
from hytecli.collect.layout import ActionColumn, IndicatorColumn, MetaKey, Sheet
from hytecli.collect.parties import CollectionRound, IndicatorRow, ItemRow, PartyRound
from hytecli.labels import NC_
from hytecli.workbook_style import (
    fit_row_heights,
    print_setup,
    protect,
    put_cell,
    style_cell,
    style_header,
    use_default_font,
)

#: An indicator kind's name on the indicators sheet (msgids in context ``collect``).
INDICATOR_KINDS = {
    "yes_no": NC_("collect", "yes/no"),
    "count": NC_("collect", "count"),
    "percentage": NC_("collect", "percentage"),
    "rate": NC_("collect", "rate"),
    "text": NC_("collect", "text"),
}
_DATE_FORMAT = "yyyy-mm-dd"
_EXCEL_EPOCH = date(1899, 12, 30)

# Column widths in characters. Printed one page wide on A4 landscape, a sheet is shrunk to fit:
# the widths add up to at most about 180 characters so that the 10 pt text prints at about 8 pt
# or larger. The id columns are narrow (ids wrap after their hyphens); the titles and the
# texts to write are the widest.
_ACTION_WIDTHS = {
    ActionColumn.KIND: 11,
    ActionColumn.ID: 13,
    ActionColumn.TITLE: 22,
    ActionColumn.GOAL: 15,
    ActionColumn.DEADLINE: 11,
    ActionColumn.RECORDED: 13,
    ActionColumn.STATUS: 14,
    ActionColumn.TEXT: 24,
    ActionColumn.EUROS: 8,
    ActionColumn.PERSON_DAYS: 15,
    ActionColumn.RESOURCES: 13,
    ActionColumn.BY: 11,
    ActionColumn.COMPLETED_ON: 16,  # "Valmistumispäivä" on one line
}
_INDICATOR_WIDTHS = {
    IndicatorColumn.ID: 13,
    IndicatorColumn.NAME: 30,
    IndicatorColumn.KIND: 10,
    IndicatorColumn.UNIT: 9,
    IndicatorColumn.PERIOD: 9,
    IndicatorColumn.TARGET: 16,
    IndicatorColumn.RECORDED: 16,
    IndicatorColumn.VALUE: 14,
    IndicatorColumn.NOTE: 28,
    IndicatorColumn.SOURCE: 18,
    IndicatorColumn.DATE: 13,
}


def _serial(day: date) -> int:
    """A date as a spreadsheet's day number (for a validation's formula)."""
    return (day - _EXCEL_EPOCH).days


def _header(
    sheet: Worksheet,
    form: FormWords,
    headers: dict[Any, str],
    inputs: Sequence[Any],
    widths: dict[Any, int],
) -> None:
    note = form.pgettext(layout.CONTEXT, layout.LOCKED_NOTE)
    for column, msgid in headers.items():
        number = layout.column_number(column)
        text = (
            form.pgettext(layout.CONTEXT, msgid)
            if column in inputs
            else f"{form.pgettext(layout.CONTEXT, msgid)}\n({note})"
        )
        style_header(put_cell(sheet, layout.HEADER_ROW, number, text), to_fill=column in inputs)
        sheet.column_dimensions[layout.column_letter(column)].width = widths[column]
    sheet.freeze_panes = sheet.cell(row=layout.FIRST_DATA_ROW, column=1).coordinate


def _style_row(sheet: Worksheet, row: int, columns: Sequence[Any], inputs: Sequence[Any]) -> None:
    for column in columns:
        style_cell(
            sheet.cell(row=row, column=layout.column_number(column)), to_fill=column in inputs
        )


def _validation(
    sheet: Worksheet, column: Any, rows: Sequence[int], form: FormWords, message: str, **kwargs: Any
) -> None:
    if not rows:
        return
    validation = DataValidation(allow_blank=True, showErrorMessage=True, **kwargs)
    validation.errorTitle = form.pgettext("collect", "Check the value")
    validation.error = message
    letter = layout.column_letter(column)
    for row in rows:
        validation.add(f"{letter}{row}")
    sheet.add_data_validation(validation)


def _list_formula(words: Sequence[str]) -> str:
    return '"' + ",".join(word.replace('"', "") for word in words) + '"'


def _recorded_assessment(form: FormWords, row: ItemRow) -> str:
    assessment = row.recorded
    if assessment is None:
        return ""
    text = form.wording.assessment_status(assessment.status)
    if assessment.text is not None:
        text += f": {form.wording.text(assessment.text)}"
    extra = [form.wording.amounts(assessment.resources)]
    if assessment.resources is not None and assessment.resources.text is not None:
        extra.append(form.wording.text(assessment.resources.text))
    extra += [assessment.by or "", form.loc.date(assessment.date) if assessment.date else ""]
    shown = "; ".join(part for part in extra if part)
    return f"{text} ({shown})" if shown else text


def _written_digests(sheet: Worksheet, row: int, columns: Sequence[Any]) -> str:
    """The digests of the grey cells of ``row`` as written (:func:`layout.locked_digests`)."""
    texts = []
    for column in columns:
        value = sheet.cell(row=row, column=layout.column_number(column)).value
        texts.append("" if value is None else str(value))
    return layout.locked_digests(texts)


def _actions(
    sheet: Worksheet, form: FormWords, party: PartyRound, year: int, start: date
) -> tuple[list[str], list[str]]:
    """Write the goals and actions sheet; return the rows' keys and grey-cell digests.

    ``start`` is the plan period's first day, the earliest completion date the form takes.
    """
    _header(sheet, form, layout.ACTION_HEADERS, layout.ACTION_INPUTS, _ACTION_WIDTHS)
    keys: list[str] = []
    digests: list[str] = []
    for row_number, row in enumerate(party.items, start=layout.FIRST_DATA_ROW):
        item = row.item
        values: dict[ActionColumn, str] = {
            ActionColumn.KIND: form.wording.kind(item.kind),
            ActionColumn.ID: item.id,
            ActionColumn.TITLE: form.wording.text(item.node.title),
            ActionColumn.GOAL: form.wording.text(item.goal.title) if item.action else "",
            ActionColumn.DEADLINE: form.wording.due(row.judgement.deadline),
            ActionColumn.RECORDED: _recorded_assessment(form, row),
        }
        for column, value in values.items():
            put_cell(sheet, row_number, layout.column_number(column), value)
        _style_row(sheet, row_number, list(ActionColumn), layout.ACTION_INPUTS)
        sheet.cell(
            row=row_number, column=layout.column_number(ActionColumn.COMPLETED_ON)
        ).number_format = _DATE_FORMAT
        keys.append(item.id)
        digests.append(_written_digests(sheet, row_number, layout.ACTION_LOCKED))
    rows = range(layout.FIRST_DATA_ROW, layout.FIRST_DATA_ROW + len(party.items))
    _validation(
        sheet,
        ActionColumn.STATUS,
        rows,
        form,
        form.pgettext("collect", "Choose a status from the list."),
        type="list",
        formula1=_list_formula(form.statuses()),
        showInputMessage=True,
        promptTitle=form.pgettext(layout.CONTEXT, layout.ACTION_HEADERS[ActionColumn.STATUS]),
        prompt=form.completed_note(),
    )
    for column in (ActionColumn.EUROS, ActionColumn.PERSON_DAYS):
        _validation(
            sheet,
            column,
            rows,
            form,
            form.pgettext("collect", "Write a number, 0 or more."),
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
        )
    _date_validation(sheet, ActionColumn.COMPLETED_ON, rows, form, year, start)
    return keys, digests


def _date_validation(
    sheet: Worksheet, column: Any, rows: Sequence[int], form: FormWords, year: int, first: date
) -> None:
    """A date column's validation: a date from ``first`` on, explained with an example."""
    _validation(
        sheet,
        column,
        rows,
        form,
        form.pgettext(
            "collect", "Write a date as YYYY-MM-DD, e.g. %(example)s.", example=f"{year + 1}-01-31"
        ),
        type="date",
        operator="greaterThanOrEqual",
        formula1=str(_serial(first)),
    )


def _value_validation(form: FormWords, kind: str) -> tuple[str, dict[str, Any]] | None:
    if kind == "yes_no":
        return form.pgettext("collect", "Choose %(yes)s or %(no)s.", yes=form.yes, no=form.no), {
            "type": "list",
            "formula1": _list_formula([form.yes, form.no]),
        }
    if kind == "count":
        return form.pgettext("collect", "Write a whole number, 0 or more."), {
            "type": "whole",
            "operator": "greaterThanOrEqual",
            "formula1": "0",
        }
    if kind == "percentage":
        return form.pgettext("collect", "Write a number between 0 and 100."), {
            "type": "decimal",
            "operator": "between",
            "formula1": "0",
            "formula2": "100",
        }
    if kind == "rate":
        return form.pgettext("collect", "Write a number, 0 or more."), {
            "type": "decimal",
            "operator": "greaterThanOrEqual",
            "formula1": "0",
        }
    return None


def _recorded_value(form: FormWords, row: IndicatorRow) -> str:
    value = row.recorded
    status = row.judgement.indicator
    if value is None or status is None:
        return ""
    text = form.wording.value(status, value.value)
    return f"{text} ({form.loc.date(value.date)})" if value.date is not None else text


def _indicators(
    sheet: Worksheet, form: FormWords, party: PartyRound, year: int
) -> tuple[list[str], list[str]]:
    _header(sheet, form, layout.INDICATOR_HEADERS, layout.INDICATOR_INPUTS, _INDICATOR_WIDTHS)
    keys: list[str] = []
    digests: list[str] = []
    by_kind: dict[str, list[int]] = {}
    for row_number, row in enumerate(party.indicators, start=layout.FIRST_DATA_ROW):
        model = row.indicator.model
        status = row.judgement.indicator
        values: dict[IndicatorColumn, str] = {
            IndicatorColumn.ID: model.id,
            IndicatorColumn.NAME: form.wording.text(model.name),
            IndicatorColumn.KIND: form.pgettext(layout.CONTEXT, INDICATOR_KINDS[model.kind]),
            IndicatorColumn.UNIT: form.wording.text(model.unit),
            IndicatorColumn.PERIOD: str(row.period),
            IndicatorColumn.TARGET: form.wording.target(status) if status is not None else "",
            IndicatorColumn.RECORDED: _recorded_value(form, row),
        }
        for column, value in values.items():
            put_cell(sheet, row_number, layout.column_number(column), value)
        _style_row(sheet, row_number, list(IndicatorColumn), layout.INDICATOR_INPUTS)
        sheet.cell(
            row=row_number, column=layout.column_number(IndicatorColumn.DATE)
        ).number_format = _DATE_FORMAT
        by_kind.setdefault(model.kind, []).append(row_number)
        keys.append(layout.indicator_row_key(model.id, str(row.period)))
        digests.append(_written_digests(sheet, row_number, layout.INDICATOR_LOCKED))
    for kind, rows in by_kind.items():
        found = _value_validation(form, kind)
        if found is not None:
            message, options = found
            _validation(sheet, IndicatorColumn.VALUE, rows, form, message, **options)
    all_rows = range(layout.FIRST_DATA_ROW, layout.FIRST_DATA_ROW + len(party.indicators))
    _date_validation(sheet, IndicatorColumn.DATE, all_rows, form, year, date(year, 1, 1))
    return keys, digests


def build_workbook(
    round_: CollectionRound,
    party: PartyRound,
    language: str,
    *,
    generated: date,
    due: date | None = None,
) -> Workbook:
    """Make one party's workbook (see :mod:`hytecli.collect.layout` for what it holds).

    Args:
        round_: The collection round of the year.
        party: The party the workbook is for.
        language: The form's language (``fi``, ``sv`` or ``en``); plan texts missing in it
            are shown in the plan's language.
        generated: The day it is made (the metadata's ``generated``).
        due: The day to return it by, if the coordinator gave one.

    Returns:
        The openpyxl workbook, not yet saved.

    Raises:
        ValueError: ``language`` is not one of :data:`~hytecli.collect.layout.FORM_LANGUAGES`.
    """
    if language not in layout.FORM_LANGUAGES:
        raise ValueError(f"no form language {language!r}: use fi, sv or en")
    form = FormWords(language, round_.language)
    names = layout.SHEET_NAMES[language]
    workbook = Workbook()
    use_default_font(workbook)
    instructions = workbook.active
    assert instructions is not None  # a new workbook has its one sheet
    instructions.title = names[Sheet.INSTRUCTIONS]
    write_instructions(instructions, form, round_, party, due)
    actions = workbook.create_sheet(names[Sheet.ACTIONS])
    indicators = workbook.create_sheet(names[Sheet.INDICATORS])
    action_keys, action_digests = _actions(
        actions, form, party, round_.year, round_.resolved.plan.period.start
    )
    indicator_keys, indicator_digests = _indicators(indicators, form, party, round_.year)
    title = form.pgettext("collect", "Wellbeing plan: report for %(year)s", year=round_.year)
    footer = (
        form.wording.text(party.party),  # the form's language where the plan gives it
        title,
        form.loc.gettext("page %(page)s of %(pages)s", page="&P", pages="&N"),
    )
    print_setup(instructions, landscape=False, footer=footer, gridlines=False)
    for sheet in (actions, indicators):
        fit_row_heights(sheet)
        print_setup(
            sheet,
            landscape=True,
            footer=footer,
            title_rows=f"{layout.HEADER_ROW}:{layout.HEADER_ROW}",
        )
        protect(sheet)
    meta: list[tuple[MetaKey, str]] = [
        (MetaKey.FORMAT, layout.FORMAT),
        (MetaKey.FORMAT_VERSION, str(layout.FORMAT_VERSION)),
        (MetaKey.PLAN_ID, round_.resolved.plan.id),
        (MetaKey.YEAR, str(round_.year)),
        (MetaKey.RESPONSIBLE, party.name),
        (MetaKey.LANGUAGE, language),
        (MetaKey.GENERATED, generated.isoformat()),
        (MetaKey.DUE, due.isoformat() if due is not None else ""),
        (MetaKey.ACTIONS_SHEET, names[Sheet.ACTIONS]),
        (MetaKey.INDICATORS_SHEET, names[Sheet.INDICATORS]),
        (MetaKey.ACTIONS_ROWS, layout.join_row_keys(action_keys)),
        (MetaKey.INDICATORS_ROWS, layout.join_row_keys(indicator_keys)),
        (MetaKey.ACTIONS_LOCKED, layout.join_row_keys(action_digests)),
        (MetaKey.INDICATORS_LOCKED, layout.join_row_keys(indicator_digests)),
    ]
    hidden = workbook.create_sheet(layout.META_SHEET)
    for row, (key, value) in enumerate(meta, start=1):
        put_cell(hidden, row, 1, key.value)
        put_cell(hidden, row, 2, value)
    hidden.sheet_state = "veryHidden"
    workbook.active = 0
    workbook.properties.creator = "hyte"
    workbook.properties.title = title
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook saved as ``.xlsx`` bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
