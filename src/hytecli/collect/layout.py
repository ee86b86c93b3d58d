"""The collect workbook's layout: the contract between ``hyte collect`` and ``hyte collect import``.

``hyte collect --year Y`` writes one workbook (``.xlsx``) per responsible party (vastuutaho);
the party fills it in and emails it back, and ``hyte collect import`` reads it. Both sides use
only the constants and helpers here, so that neither hard-codes a sheet name, a column letter or
a metadata key.

The workbook:

1. The instructions sheet (:attr:`Sheet.INSTRUCTIONS`), first and active: what to fill in.
2. The goals and actions sheet (:attr:`Sheet.ACTIONS`): one row per goal or action of the
   party, columns :class:`ActionColumn`.
3. The indicators sheet (:attr:`Sheet.INDICATORS`): one row per indicator period due in the
   year, columns :class:`IndicatorColumn`.
4. A ``veryHidden`` sheet named :data:`META_SHEET` (``hyte``) with the metadata as key/value
   rows: column A the key (:class:`MetaKey`), column B the value, always written as text.

Sheet names are in the form's language (:data:`SHEET_NAMES`); the metadata names the two data
sheets too (:attr:`MetaKey.ACTIONS_SHEET`, :attr:`MetaKey.INDICATORS_SHEET`), and import should
find them by those names. Each data sheet has its header in row :data:`HEADER_ROW` (frozen) and
data from row :data:`FIRST_DATA_ROW` on. The metadata's row keys
(:attr:`MetaKey.ACTIONS_ROWS`, :attr:`MetaKey.INDICATORS_ROWS`) list the rows' keys in the order
written, joined by a line break, so that import can tell a deleted, added, changed or moved row:
an action row's key is the goal's or action's id (column :attr:`ActionColumn.ID`), an indicator
row's key is ``indicator_id|period`` (:func:`indicator_row_key`, columns
:attr:`IndicatorColumn.ID` and :attr:`IndicatorColumn.PERIOD`).

Cells as written (what import can expect, besides whatever a person types):

* Locked columns (not in :data:`ACTION_INPUTS` / :data:`INDICATOR_INPUTS`) have a grey fill and
  the header says not to edit them; the sheets are protected *without* a password.
* :attr:`ActionColumn.KIND` shows the words for goal/action in the form language
  (:meth:`hytecli.wording.Wording.kind`); import should go by the id, not by this word.
* :attr:`ActionColumn.STATUS` takes an assessment status's name in the form language (a
  drop-down of :data:`STATUS_CHOICES` worded by :meth:`hytecli.wording.Wording.assessment_status`);
  :func:`hytecli.assessments.parse_status` reads it (and the names in the other languages).
* :attr:`ActionColumn.EUROS` and :attr:`ActionColumn.PERSON_DAYS` are decimal validations
  (0 or more); a person may still paste text, so import should read text with
  :func:`hytecli.values.parse_number`.
* :attr:`IndicatorColumn.VALUE`: a yes/no indicator has a drop-down of the first yes and no
  words of :data:`hytecli.values.YES_WORDS` / :data:`hytecli.values.NO_WORDS` in the form
  language; a number kind a decimal (count: whole number) validation of the range
  :func:`hytecli.values.check_range` implies; a text kind no validation. Import reads a number
  cell as the number and a text cell with :func:`hytecli.values.parse_value`.
* :attr:`IndicatorColumn.DATE`, :attr:`ActionColumn.COMPLETED_ON` and the metadata's
  ``generated`` are dates: the cell is a date (number format ``yyyy-mm-dd``) or text
  ``YYYY-MM-DD``. :attr:`ActionColumn.COMPLETED_ON`, the last column, is the day a goal or
  action assessed *completed* was done; workbooks written before it was added lack it (their
  rows read as without a date).
* Only values for the whole area are collected: a row stands for the indicator's value without
  ``municipality`` or ``series``.

After LibreOffice Calc has saved the workbook (tests/test_collect_form.py checks it), the
metadata sheet is ``hidden`` rather than ``veryHidden`` (Calc has no very hidden sheets), an
empty metadata value reads as ``None``, a date typed in :attr:`IndicatorColumn.DATE` reads as a
``datetime``, a list validation has the operator ``between``, and the frozen pane is gone; the
metadata's values, the validations' cells and formulas, the unlocked input cells and the sheet
protection are kept.

Nothing here imports openpyxl; the helpers are pure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from enum import StrEnum

from hytecli.assessments import AssessmentStatus
from hytecli.labels import NC_

#: The value of :attr:`MetaKey.FORMAT`.
FORMAT = "hyte-collect"
#: The value of :attr:`MetaKey.FORMAT_VERSION` (written as the text ``1``). Import refuses others.
FORMAT_VERSION = 1
#: The name of the ``veryHidden`` metadata sheet (the same in every language).
META_SHEET = "hyte"
#: The languages a form can be written in.
FORM_LANGUAGES = ("fi", "sv", "en")
#: The header row of both data sheets (frozen), and the first row of data.
HEADER_ROW = 1
FIRST_DATA_ROW = 2
#: What joins the row keys in :attr:`MetaKey.ACTIONS_ROWS` and :attr:`MetaKey.INDICATORS_ROWS`.
ROW_KEY_SEPARATOR = "\n"
#: What joins an indicator's id and period in an indicator row's key.
PERIOD_SEPARATOR = "|"


class MetaKey(StrEnum):
    """The metadata sheet's keys (column A), in the order written.

    The values (column B) are all text: ``format`` is :data:`FORMAT`, ``format_version`` is
    ``"1"``, ``year`` e.g. ``"2024"``, ``responsible`` the party's name exactly as the plan
    writes it in the plan's language, ``language`` the form's language (``fi``/``sv``/``en``),
    ``generated`` the ISO date the workbook was made, ``due`` the ISO date to return it by or
    empty, ``actions_sheet`` / ``indicators_sheet`` the data sheets' names, ``actions_rows`` /
    ``indicators_rows`` the rows' keys joined by :data:`ROW_KEY_SEPARATOR` (empty when the
    sheet has no rows), ``actions_locked`` / ``indicators_locked`` one line per row (joined the
    same way) of the digests of the row's grey cells as written (:func:`locked_digests`), so
    that import can tell a grey cell that was edited.
    """

    FORMAT = "format"
    FORMAT_VERSION = "format_version"
    PLAN_ID = "plan_id"
    YEAR = "year"
    RESPONSIBLE = "responsible"
    LANGUAGE = "language"
    GENERATED = "generated"
    DUE = "due"
    ACTIONS_SHEET = "actions_sheet"
    INDICATORS_SHEET = "indicators_sheet"
    ACTIONS_ROWS = "actions_rows"
    INDICATORS_ROWS = "indicators_rows"
    ACTIONS_LOCKED = "actions_locked"
    INDICATORS_LOCKED = "indicators_locked"


#: Metadata keys a workbook may lack: ``due`` may be empty, and workbooks written before the
#: grey cells' digests were kept have no ``actions_locked`` / ``indicators_locked`` (their grey
#: cells are then not checked).
OPTIONAL_KEYS = (MetaKey.DUE, MetaKey.ACTIONS_LOCKED, MetaKey.INDICATORS_LOCKED)


class Sheet(StrEnum):
    """The workbook's visible sheets, in order (see :data:`SHEET_NAMES` for their names)."""

    INSTRUCTIONS = "instructions"
    ACTIONS = "actions"
    INDICATORS = "indicators"


#: Each visible sheet's name per form language (at most 31 characters, no ``[]:*?/\\``).
SHEET_NAMES: dict[str, dict[Sheet, str]] = {
    "fi": {
        Sheet.INSTRUCTIONS: "Ohjeet",
        Sheet.ACTIONS: "Tavoitteet ja toimenpiteet",
        Sheet.INDICATORS: "Mittarit",
    },
    "sv": {
        Sheet.INSTRUCTIONS: "Anvisningar",
        Sheet.ACTIONS: "Mål och åtgärder",
        Sheet.INDICATORS: "Indikatorer",
    },
    "en": {
        Sheet.INSTRUCTIONS: "Instructions",
        Sheet.ACTIONS: "Goals and actions",
        Sheet.INDICATORS: "Indicators",
    },
}


class ActionColumn(StrEnum):
    """The goals and actions sheet's columns, in order (column A is the first member)."""

    KIND = "kind"
    ID = "id"
    TITLE = "title"
    GOAL = "goal"
    DEADLINE = "deadline"
    RECORDED = "recorded"
    STATUS = "status"
    TEXT = "text"
    EUROS = "euros"
    PERSON_DAYS = "person_days"
    RESOURCES = "resources"
    BY = "by"
    COMPLETED_ON = "completed_on"


class IndicatorColumn(StrEnum):
    """The indicators sheet's columns, in order (column A is the first member)."""

    ID = "id"
    NAME = "name"
    KIND = "kind"
    UNIT = "unit"
    PERIOD = "period"
    TARGET = "target"
    RECORDED = "recorded"
    VALUE = "value"
    NOTE = "note"
    SOURCE = "source"
    DATE = "date"


#: The columns a party fills in on the goals and actions sheet (unlocked); the others are locked.
ACTION_INPUTS: tuple[ActionColumn, ...] = (
    ActionColumn.STATUS,
    ActionColumn.TEXT,
    ActionColumn.EUROS,
    ActionColumn.PERSON_DAYS,
    ActionColumn.RESOURCES,
    ActionColumn.BY,
    ActionColumn.COMPLETED_ON,
)
#: The columns a party fills in on the indicators sheet (unlocked); the others are locked.
INDICATOR_INPUTS: tuple[IndicatorColumn, ...] = (
    IndicatorColumn.VALUE,
    IndicatorColumn.NOTE,
    IndicatorColumn.SOURCE,
    IndicatorColumn.DATE,
)

#: The column of each field of ``hyte assess`` a goals and actions row fills in (the names of
#: :attr:`hytecli.recording.Refused.field`), so that a refusal names the cell at fault.
ACTION_FIELDS: dict[str, ActionColumn] = {
    "status": ActionColumn.STATUS,
    "text": ActionColumn.TEXT,
    "euros": ActionColumn.EUROS,
    "person_days": ActionColumn.PERSON_DAYS,
    "resources": ActionColumn.RESOURCES,
    "by": ActionColumn.BY,
}
#: The column of each field of ``hyte complete`` a goals and actions row fills in: a row with
#: the status *completed* and a date records the completion on that date.
COMPLETION_FIELDS: dict[str, ActionColumn] = {"date": ActionColumn.COMPLETED_ON}
#: The column of each field of ``hyte record`` an indicator row fills in (or shows: the period).
INDICATOR_FIELDS: dict[str, IndicatorColumn] = {
    "value": IndicatorColumn.VALUE,
    "note": IndicatorColumn.NOTE,
    "source": IndicatorColumn.SOURCE,
    "date": IndicatorColumn.DATE,
    "period": IndicatorColumn.PERIOD,
}

#: The grey (locked) columns of each sheet, in order: every column not to be filled in.
ACTION_LOCKED: tuple[ActionColumn, ...] = tuple(c for c in ActionColumn if c not in ACTION_INPUTS)
INDICATOR_LOCKED: tuple[IndicatorColumn, ...] = tuple(
    c for c in IndicatorColumn if c not in INDICATOR_INPUTS
)

#: The statuses offered in :attr:`ActionColumn.STATUS`'s drop-down, in this order: every
#: assessment status but ``merged``, which needs ``merged_into`` (the form has no column for it;
#: the coordinator records a merge with ``hyte assess``).
STATUS_CHOICES: tuple[AssessmentStatus, ...] = tuple(
    status for status in AssessmentStatus if status is not AssessmentStatus.MERGED
)

#: The gettext context of the workbook's words (headers, kinds, instructions).
CONTEXT = "collect"

#: The header of each goals and actions column (msgids in :data:`CONTEXT`).
ACTION_HEADERS: dict[ActionColumn, str] = {
    ActionColumn.KIND: NC_("collect", "Goal or action"),
    ActionColumn.ID: NC_("collect", "Id"),
    ActionColumn.TITLE: NC_("collect", "Title"),
    ActionColumn.GOAL: NC_("collect", "Goal"),
    ActionColumn.DEADLINE: NC_("collect", "Deadline"),
    ActionColumn.RECORDED: NC_("collect", "Already recorded"),
    ActionColumn.STATUS: NC_("collect", "Status"),
    ActionColumn.TEXT: NC_("collect", "What was done and how it went"),
    ActionColumn.EUROS: NC_("collect", "Euros"),
    ActionColumn.PERSON_DAYS: NC_("collect", "Person-days"),
    ActionColumn.RESOURCES: NC_("collect", "Other resources"),
    ActionColumn.BY: NC_("collect", "Filled in by"),
    ActionColumn.COMPLETED_ON: NC_("collect", "Completed on"),
}
#: The header of each indicators column (msgids in :data:`CONTEXT`).
INDICATOR_HEADERS: dict[IndicatorColumn, str] = {
    IndicatorColumn.ID: NC_("collect", "Id"),
    IndicatorColumn.NAME: NC_("collect", "Indicator"),
    IndicatorColumn.KIND: NC_("collect", "Kind"),
    IndicatorColumn.UNIT: NC_("collect", "Unit"),
    IndicatorColumn.PERIOD: NC_("collect", "Period"),
    IndicatorColumn.TARGET: NC_("collect", "Target"),
    IndicatorColumn.RECORDED: NC_("collect", "Already recorded"),
    IndicatorColumn.VALUE: NC_("collect", "Value"),
    IndicatorColumn.NOTE: NC_("collect", "Note"),
    IndicatorColumn.SOURCE: NC_("collect", "Source"),
    IndicatorColumn.DATE: NC_("collect", "Date (YYYY-MM-DD)"),
}
#: Added to a locked column's header (msgid in :data:`CONTEXT`).
LOCKED_NOTE = NC_("collect", "do not edit")


def column_name(column: ActionColumn | IndicatorColumn, language: str) -> str:
    """A column's header as the form shows it in ``language`` (without the "do not edit" note).

    Args:
        column: A member of :class:`ActionColumn` or :class:`IndicatorColumn`.
        language: The form's language; one not in :data:`FORM_LANGUAGES` reads as English.
    """
    from hytecli.i18n import Localizer

    msgid = (
        ACTION_HEADERS[column] if isinstance(column, ActionColumn) else INDICATOR_HEADERS[column]
    )
    loc = Localizer(language if language in FORM_LANGUAGES else "en")
    return loc.pgettext(CONTEXT, msgid)


def column_number(column: ActionColumn | IndicatorColumn) -> int:
    """The 1-based column number of ``column`` in its sheet (A is 1).

    Args:
        column: A member of :class:`ActionColumn` or :class:`IndicatorColumn`.

    Returns:
        Its position in its enum, counted from 1.
    """
    members: list[ActionColumn] | list[IndicatorColumn] = (
        list(ActionColumn) if isinstance(column, ActionColumn) else list(IndicatorColumn)
    )
    return members.index(column) + 1  # type: ignore[arg-type]


def column_letter(column: ActionColumn | IndicatorColumn) -> str:
    """The spreadsheet letter of ``column`` (``A``, ``B``…; the sheets have fewer than 27)."""
    return chr(ord("A") + column_number(column) - 1)


def indicator_row_key(indicator_id: str, period: str) -> str:
    """An indicator row's key: ``indicator_id|period`` (e.g. ``vaccination-rate|2024-H1``)."""
    return f"{indicator_id}{PERIOD_SEPARATOR}{period}"


def split_indicator_row_key(key: str) -> tuple[str, str]:
    """The indicator id and period of an indicator row's key.

    Raises:
        ValueError: ``key`` has no :data:`PERIOD_SEPARATOR`.
    """
    indicator_id, separator, period = key.partition(PERIOD_SEPARATOR)
    if not separator:
        raise ValueError(f"{key!r} is not an indicator row key (id|period)")
    return indicator_id, period


def join_row_keys(keys: list[str] | tuple[str, ...]) -> str:
    """The metadata value of a sheet's row keys: joined by :data:`ROW_KEY_SEPARATOR`."""
    return ROW_KEY_SEPARATOR.join(keys)


def split_row_keys(value: str | None) -> list[str]:
    """The row keys of a metadata value (empty or ``None``: no rows).

    Spreadsheet programs may save a line break as CR LF; both that and LF are read.
    """
    if not value:
        return []
    return [key.strip() for key in value.replace("\r\n", "\n").split("\n") if key.strip()]


def normal_cell_text(text: str) -> str:
    """A cell's text as compared: line breaks as LF (a spreadsheet may save CR LF), stripped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def locked_digests(texts: Sequence[str]) -> str:
    """One row's metadata line of grey-cell digests: a short digest of each text, space-joined.

    Args:
        texts: The row's grey cells' texts, in :data:`ACTION_LOCKED` or
            :data:`INDICATOR_LOCKED` order, as written (``""`` for an empty cell).

    Returns:
        The first 8 hex digits of the SHA-256 of each text (after :func:`normal_cell_text`),
        separated by spaces: short enough for a party's hundreds of rows to fit the metadata
        cell, long enough that an edit is missed about once in four billion. Text survives a
        spreadsheet's save as it was, so a digest computed again from the returned cell
        matches unless the cell was edited.
    """
    return " ".join(
        hashlib.sha256(normal_cell_text(text).encode("utf-8")).hexdigest()[:8] for text in texts
    )
