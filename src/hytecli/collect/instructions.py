"""The collect workbook's instructions sheet, and what the workbook's sheets share.

The instructions come first in the workbook, in the form's language: a title, who the workbook
is for and when to return it, then numbered steps: what to fill in on each sheet, the status and
yes/no words, how to write numbers and dates, and that the grey columns must stay as they are.
The steps' numbers stand in a narrow column of their own and the texts wrap in one wide column,
every row as tall as its text, so that the sheet reads at 100 % on screen and prints on A4.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from hytecli.assessments import AssessmentStatus
from hytecli.collect import layout
from hytecli.collect.layout import ActionColumn, Sheet
from hytecli.collect.parties import CollectionRound, PartyRound
from hytecli.values import NO_WORDS, YES_WORDS
from hytecli.wording import Wording
from hytecli.workbook_style import BOLD, PLAIN, TITLE, WRAP, fit_row_heights, put_cell

#: The longest text a spreadsheet cell holds.
#: The instructions' columns: the steps' numbers, and the texts (in characters).
NUMBER_WIDTH = 4
TEXT_WIDTH = 90
_NUMBER_ALIGNMENT = Alignment(horizontal="right", vertical="top")
_SPACER_HEIGHT = 6.0


class FormWords:
    """The words of one form language: gettext in context ``collect``, plan texts, values.

    Attributes:
        language: The form's language (``fi``, ``sv``, ``en``).
        wording: Plan texts, statuses, values and dates in that language.
        loc: Its localizer.
    """

    def __init__(self, language: str, plan_language: str) -> None:
        self.language = language
        self.wording = Wording.for_language(language, plan_language)
        self.loc = self.wording.localizer

    def pgettext(self, context: str, message: str, **variables: Any) -> str:
        """Translate ``message`` in ``context`` (written out, for ``pybabel extract``)."""
        return self.loc.pgettext(context, message, **variables)

    @property
    def yes(self) -> str:
        """The yes word of the drop-downs (``kyllä``, ``ja``, ``yes``)."""
        return YES_WORDS[self.language][0]

    @property
    def no(self) -> str:
        """The no word of the drop-downs (``ei``, ``nej``, ``no``)."""
        return NO_WORDS[self.language][0]

    def completed_note(self) -> str:
        """That choosing *completed* marks the goal or action done (the model's rule)."""
        return self.pgettext(
            "collect",
            "Choose %(completed)s only when the goal or action is done: a completed "
            "assessment marks it done in the plan.",
            completed=self.loc.quote(self.wording.assessment_status(AssessmentStatus.COMPLETED)),
        )

    def statuses(self) -> list[str]:
        """The status names of the drop-down, in order (:data:`layout.STATUS_CHOICES`)."""
        return [self.wording.assessment_status(s) for s in layout.STATUS_CHOICES]


def write_instructions(
    sheet: Worksheet, form: FormWords, round_: CollectionRound, party: PartyRound, due: date | None
) -> None:
    """Write the instructions sheet: the party, the return date, what to fill in and how."""
    names = layout.SHEET_NAMES[form.language]
    quote = form.loc.quote
    year = round_.year
    plan_title = form.wording.text(round_.resolved.plan.title)
    grey_note = form.pgettext(layout.CONTEXT, layout.LOCKED_NOTE)
    heading: list[tuple[str, Any]] = [
        (form.pgettext("collect", "Wellbeing plan: report for %(year)s", year=year), TITLE),
        (
            form.pgettext(
                "collect", "Responsible party: %(party)s", party=form.wording.text(party.party)
            ),
            BOLD,
        ),
        (form.pgettext("collect", "Plan: %(plan)s", plan=plan_title), PLAIN),
        (
            form.pgettext(
                "collect", "Please return this workbook by %(date)s.", date=form.loc.date(due)
            )
            if due is not None
            else form.pgettext("collect", "Please return this workbook when it is filled in."),
            BOLD,
        ),
    ]
    # Each step: its paragraphs (the first is numbered, the others follow it unnumbered).
    steps: list[list[str]] = [
        [
            form.pgettext(
                "collect",
                "On the sheet %(sheet)s, tell for each goal and action how it went in %(year)s: "
                "choose a status, write what was done and how it went, and give the resources "
                "used if you know them (euros, person-days, other resources).",
                sheet=quote(names[Sheet.ACTIONS]),
                year=year,
            ),
            form.pgettext("collect", "The statuses: %(words)s.", words=", ".join(form.statuses())),
            form.completed_note(),
            form.pgettext(
                "collect",
                "With the status %(completed)s, write in the column %(column)s the day the goal "
                "or action was done, as YYYY-MM-DD (e.g. %(example)s); leave it empty with the "
                "other statuses.",
                completed=quote(form.wording.assessment_status(AssessmentStatus.COMPLETED)),
                column=quote(
                    form.pgettext(layout.CONTEXT, layout.ACTION_HEADERS[ActionColumn.COMPLETED_ON])
                ),
                example=f"{year}-06-15",
            ),
        ],
        [
            form.pgettext(
                "collect",
                "On the sheet %(sheet)s, give each indicator's value for each period, with a "
                "note, the source and the date the value was reached or measured.",
                sheet=quote(names[Sheet.INDICATORS]),
            ),
            form.pgettext(
                "collect",
                "A yes/no indicator takes %(yes)s or %(no)s. Write numbers with a decimal comma "
                "or point (12,5); a percentage lies between 0 and 100. Write dates as "
                "YYYY-MM-DD, e.g. %(example)s.",
                yes=quote(form.yes),
                no=quote(form.no),
                example=f"{year}-06-15",  # a day of the year reported on, not a future one
            ),
        ],
        [
            form.pgettext(
                "collect",
                "Fill in only the white columns. The grey columns (marked %(note)s) show what the "
                "plan says: do not change them, and do not add, delete or move rows or sheets.",
                note=quote(grey_note),
            )
        ],
        [
            form.pgettext(
                "collect",
                "The column %(column)s shows what is already recorded for %(year)s. Fill in such "
                "a row only to change it; leave a cell empty when you have nothing to report.",
                column=quote(
                    form.pgettext(layout.CONTEXT, layout.ACTION_HEADERS[ActionColumn.RECORDED])
                ),
                year=year,
            )
        ],
        [
            form.pgettext(
                "collect",
                "Save the workbook as it is (.xlsx) and send it back to the one who sent it.",
            )
        ],
    ]
    sheet.column_dimensions["A"].width = NUMBER_WIDTH
    sheet.column_dimensions["B"].width = TEXT_WIDTH
    row = 0
    for row, (text, font) in enumerate(heading, start=1):
        cell = put_cell(sheet, row, 1, text)
        cell.font, cell.alignment = font, WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    row += 1  # an empty row before the steps
    spacers: list[int] = []
    for number, paragraphs in enumerate(steps, start=1):
        for index, text in enumerate(paragraphs):
            row += 1
            if index == 0:
                cell = put_cell(sheet, row, 1, f"{number}.")
                cell.font, cell.alignment = BOLD, _NUMBER_ALIGNMENT
            cell = put_cell(sheet, row, 2, text)
            cell.font, cell.alignment = PLAIN, WRAP
        row += 1
        spacers.append(row)
    fit_row_heights(sheet)
    for spacer in spacers:  # a little room between the steps
        sheet.row_dimensions[spacer].height = _SPACER_HEIGHT
    sheet.protection.sheet = True
