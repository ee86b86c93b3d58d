"""``hyte collect import``: record what the responsible parties returned, all of it or nothing.

Each returned workbook is read (:func:`hytecli.collect.returned.read_returned`: metadata, sheets
by name, rows where they were written, input cells), then, under the repository's lock, every
filled row becomes one in-memory edit with exactly the rules of ``hyte record`` and ``hyte
assess`` (:func:`hytecli.recording.record_value_in`, :func:`hytecli.recording.assess_item_in`)
in one :class:`~hytecli.recording.EditSession`, so several edits of one file build on each
other and each is checked against the plan as the edits before it leave it. Only when nothing
at all is wrong are the files written, together (:func:`hytecli.recording.write_files`).

* A workbook of another plan (``plan_id``), or of another year than ``year`` (or than the other
  workbooks), is refused.
* A value or assessment equal to the one already recorded is skipped ("already recorded"); one
  that differs is a *conflict*: listed (file, cell, old → new) and nothing is written, unless
  ``replace`` is given. The same indicator period or goal/action filled in differently in two
  workbooks is always refused (which one is right is for the coordinator to decide).
* An assessment's ``by`` is the workbook's party when the row does not say; its date is the
  day of the import; its text is in the form's language.
* A completed row's date in the column "Completed on" records the completion too, with ``hyte
  complete``'s rules (:mod:`hytecli.collect.import_completions`).
* Every problem of every workbook is reported together (:class:`WorkbookProblems`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hytecli.assessments import AssessmentStatus, assessment_for, parse_status
from hytecli.collect.import_completions import (
    completion_day,
    date_without_completed,
    record_completion,
)
from hytecli.collect.import_texts import (
    WorkbookSummary,
    bad_status,
    field_refusal,
    filled,
    gone,
    place,
    status_name,
)
from hytecli.collect.layout import (
    ActionColumn,
    IndicatorColumn,
    column_name,
)
from hytecli.collect.returned import (
    ActionInput,
    IndicatorInput,
    Returned,
    check_workbooks,
    read_returned,
)
from hytecli.editing import unified_diff
from hytecli.models import IndicatorFile
from hytecli.periods import DateProblem, Period, today_in_zone
from hytecli.recording import (
    EditSession,
    Refused,
    assess_item_in,
    record_value_in,
    repository_lock,
    write_files,
)
from hytecli.recording.assessments import check_amount
from hytecli.recording.common import LOCK_TIMEOUT
from hytecli.reporters import plural, plural_noun
from hytecli.repository import PlanItem, check_repository
from hytecli.values import RecordedValue, format_number, format_value
from hytecli.workbooks import (
    WorkbookProblem,
    WorkbookProblems,
    cell_date,
    cell_number,
    cell_text,
    cell_value,
)

#: An assessment as compared with another: status, text, euros, person-days, resources text.
_Signature = tuple[AssessmentStatus, str | None, float | None, float | None, str | None]


@dataclass(frozen=True)
class ImportResult:
    """What ``hyte collect import`` did (or, for a dry run, would do).

    Attributes:
        workbooks: One summary per workbook, in the order given.
        diff: The unified diff of every changed file.
        written: ``False`` for a dry run (and when there was nothing to write).
        changed: The changed files, relative to the repository root.
    """

    workbooks: list[WorkbookSummary]
    diff: str
    written: bool
    changed: list[str]

    @property
    def nothing(self) -> bool:
        """Nothing new was returned: no value or assessment to record."""
        return not self.changed


def _same_value(a: RecordedValue, b: RecordedValue) -> bool:
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return float(a) == float(b)


def _typed(value: RecordedValue) -> str:
    """A checked value as text that :func:`hytecli.values.parse_value` reads back as it is."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return format_number(value)
    return value


class _Import:
    """One run's state: the session, the problems and conflicts, what each party gave."""

    def __init__(self, session: EditSession, today: date, replace: bool) -> None:
        self.session = session
        self.today = today
        self.replace = replace
        self.problems: list[str] = []
        self.conflicts: list[str] = []
        self.values: dict[tuple[str, str], tuple[RecordedValue, str]] = {}
        self.assessments: dict[str, tuple[_Signature, date | None, str]] = {}

    def value(self, book: Returned, row: IndicatorInput, summary: WorkbookSummary) -> None:
        """Record one indicator row (or say why not)."""
        cells = row.cells
        value_cell = cells.get(IndicatorColumn.VALUE)
        if value_cell is None:
            where = place(book, book.indicators_sheet, IndicatorColumn.VALUE, row.row)
            self.problems.append(
                f"{where}: no value, but {filled(book, cells)} filled: type the value of "
                f"{row.indicator_id} {row.period} (or clear the row)"
            )
            return
        record = self.session.repository.indicator(row.indicator_id)
        if record is None:
            self.problems.append(f"{value_cell.where}: {gone('indicator', row.indicator_id)}")
            return
        try:
            value = cell_value(
                value_cell,
                record.indicator.kind,
                column_name(IndicatorColumn.VALUE, book.language),
            )
            day = (
                cell_date(
                    cells[IndicatorColumn.DATE], column_name(IndicatorColumn.DATE, book.language)
                )
                if IndicatorColumn.DATE in cells
                else None
            )
        except WorkbookProblem as exc:
            self.problems.append(str(exc))
            return
        key = (row.indicator_id, row.period)
        if key in self.values:
            other, where = self.values[key]
            if _same_value(other, value):
                summary.skipped += 1
            else:
                self.problems.append(
                    f"{value_cell.where}: {row.indicator_id} {row.period} is "
                    f"{format_value(value, book.language)} here but "
                    f"{format_value(other, book.language)} in {where}: make them "
                    "agree (or clear one)"
                )
            return
        self.values[key] = (value, value_cell.where)
        recorded = _recorded(record.indicator, row.period)
        if recorded is not None:
            if _same_value(recorded, value):
                summary.skipped += 1
                return
            if not self.replace:
                self.conflicts.append(
                    f"{value_cell.where}: {row.indicator_id} {row.period}: recorded "
                    f"{format_value(recorded, book.language)} ({record.path}) → "
                    f"{format_value(value, book.language)}"
                )
                return
        note, source = (
            cell_text(cells[column]) if column in cells else None
            for column in (IndicatorColumn.NOTE, IndicatorColumn.SOURCE)
        )
        try:
            record_value_in(
                self.session,
                row.indicator_id,
                _typed(value),
                period=row.period,
                today=self.today,
                note=note,
                source=source,
                on_date=day,
                replace=recorded is not None,
            )
        except Refused as exc:
            self.problems.append(
                field_refusal(book, book.indicators_sheet, row.row, exc, value_cell.where)
            )
            return
        summary.values += 1
        summary.replaced += recorded is not None

    def _amount(self, book: Returned, row: ActionInput, column: ActionColumn) -> int | float | None:
        """An amount cell's number (None if empty), or None with its problem said."""
        cell = row.cells.get(column)
        if cell is None:
            return None
        try:
            number = cell_number(cell, column_name(column, book.language))
            return check_amount(number, f"--{column.value.replace('_', '-')}", cell_text(cell))
        except WorkbookProblem as exc:
            self.problems.append(str(exc))
        except Refused as exc:
            self.problems.append(field_refusal(book, book.actions_sheet, row.row, exc, cell.where))
        return None

    def assessment(self, book: Returned, row: ActionInput, summary: WorkbookSummary) -> None:
        """Record one goal's or action's row (or say why not)."""
        cells = row.cells
        found = len(self.problems)
        status_cell = cells.get(ActionColumn.STATUS)
        if status_cell is None:
            where = place(book, book.actions_sheet, ActionColumn.STATUS, row.row)
            self.problems.append(
                f"{where}: no status, but {filled(book, cells)} filled: choose the status of "
                f"{row.item_id} from the list (or clear the row)"
            )
        euros, person_days = (self._amount(book, row, column) for column in _AMOUNTS)
        day = completion_day(book, row, self.problems)
        if status_cell is None or len(self.problems) > found:
            return  # every problem of the row said (the docs promise all at once)
        item = self.session.repository.item(row.item_id)
        if item is None:
            self.problems.append(f"{status_cell.where}: {gone('goal or action', row.item_id)}")
            return
        language = self.session.plan.language
        status = parse_status(cell_text(status_cell))
        if status is None or status is AssessmentStatus.MERGED:
            self.problems.append(bad_status(book, language, row, status_cell, status))
            return
        if day is not None and status is not AssessmentStatus.COMPLETED:
            self.problems.append(date_without_completed(book, language, row, status))
            return
        text, resources, by = (
            cell_text(cells[column]) if column in cells else None
            for column in (ActionColumn.TEXT, ActionColumn.RESOURCES, ActionColumn.BY)
        )
        recorded = assessment_for(item.node.assessments, book.year)
        mine: _Signature = (status, text, euros, person_days, resources)
        if row.item_id in self.assessments:
            other, other_day, where = self.assessments[row.item_id]
            if (other, other_day) == (mine, day):
                summary.skipped += 1 + (day is not None)
            else:
                self.problems.append(
                    f"{status_cell.where}: {row.item_id} is assessed differently here and in "
                    f"{where}: make them agree (or clear one)"
                )
            return
        self.assessments[row.item_id] = (mine, day, status_cell.where)
        assessed = False
        if recorded is not None and _signature(item, book, book.language) == mine:
            summary.skipped += 1
        elif recorded is not None and not self.replace:
            self.conflicts.append(
                f"{status_cell.where}: {row.item_id} {book.year}: recorded "
                f"{status_name(book, language, recorded.status)} ({item.area.path}) → "
                f"{status_name(book, language, status)}"
                + ("" if recorded.status is not status else " with other texts or amounts")
            )
            return
        else:
            try:
                assess_item_in(
                    self.session,
                    row.item_id,
                    year=book.year,
                    status=status.value,
                    today=self.today,
                    text=text,
                    language=book.language,
                    euros=None if euros is None else format_number(euros),
                    person_days=None if person_days is None else format_number(person_days),
                    resources=resources,
                    by=by or book.responsible,
                    replace=recorded is not None,
                )
            except Refused as exc:
                self.problems.append(
                    field_refusal(book, book.actions_sheet, row.row, exc, status_cell.where)
                )
                return
            summary.assessments += 1
            summary.replaced += recorded is not None
            assessed = True
        if day is not None:
            completed = record_completion(
                self.session,
                book,
                row,
                day,
                today=self.today,
                replace=self.replace,
                summary=summary,
                problems=self.problems,
                conflicts=self.conflicts,
            )
            assessed = assessed or completed
        if assessed and status is AssessmentStatus.COMPLETED:
            summary.closes.append((row.item_id, day))


#: The amount columns of an assessment row, and the ``hyte assess`` option each fills in.
_AMOUNTS = (ActionColumn.EUROS, ActionColumn.PERSON_DAYS)


def _recorded(indicator: IndicatorFile, period: str) -> RecordedValue | None:
    """The whole-area value already recorded for ``period`` (the last one, if several)."""
    try:
        wanted = Period.parse(period)
    except DateProblem:
        return None  # record_value_in refuses the period with its own message
    found = [
        v.value
        for v in indicator.values
        if v.period == wanted and v.municipality is None and v.series is None
    ]
    return found[-1] if found else None


def _signature(item: PlanItem, book: Returned, language: str) -> _Signature | None:
    """The recorded assessment of the year as the workbook's row would give it."""
    recorded = assessment_for(item.node.assessments, book.year)
    if recorded is None:
        return None
    text = recorded.text.values.get(language) if recorded.text is not None else None
    resources = recorded.resources
    resources_text = (
        resources.text.values.get(language)
        if resources is not None and resources.text is not None
        else None
    )
    return (
        recorded.status,
        text.strip() if text is not None else None,
        resources.euros if resources is not None else None,
        resources.person_days if resources is not None else None,
        resources_text.strip() if resources_text is not None else None,
    )


def import_workbooks(
    root: Path,
    files: Sequence[Path],
    *,
    now: datetime,
    year: int | None = None,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> ImportResult:
    """Record the values and assessments of returned collect workbooks, all of them or nothing.

    Args:
        root: The plan repository.
        files: The returned workbooks (``.xlsx``).
        now: The current instant (aware); dates are judged in the plan's time zone, and
            assessments are dated today.
        year: The year the workbooks must report on (default: the first workbook's).
        replace: Replace recorded values and assessments that differ from the workbooks'.
        dry_run: Check everything and compute the diff, but write nothing.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Returns:
        An :class:`ImportResult`; ``nothing`` is true when no workbook had anything new.

    Raises:
        WorkbookProblems: anything at all is wrong (every problem of every workbook is listed,
            conflicts too); nothing was written.
        Refused: the plan has errors, the lock could not be had, or a file could not be written
            (nothing was written).
        RepositoryNotFound: ``root`` is not a plan repository.
    """
    root = check_repository(root)
    problems: list[str] = []
    seen: dict[Path, Path] = {}
    books: list[Returned] = []
    for file in files:
        resolved = file.resolve()
        if resolved in seen:
            problems.append(f"{file}: given twice (also as {seen[resolved]}): give it once")
            continue
        seen[resolved] = file
        book = read_returned(file, problems)
        if book is not None:
            books.append(book)
    with repository_lock(root, lock_timeout):
        session = EditSession.open(root)
        run = _Import(session, today_in_zone(session.plan.time_zone, now), replace)
        run.problems = problems
        summaries = []
        for book in check_workbooks(books, session.plan.id, year, problems):
            summary = WorkbookSummary(book.file, book.responsible, book.year, empty=book.empty)
            for indicator_row in book.indicators:
                run.value(book, indicator_row, summary)
            for action_row in book.actions:
                run.assessment(book, action_row, summary)
            summaries.append(summary)
        if run.conflicts:
            count = len(run.conflicts)
            heading = (
                f"{plural(count, 'value')} or {plural_noun(count, 'assessment')} differ from "
                "what is already recorded (give "
                "--replace to replace what is recorded, or clear those cells in the workbook):"
            )
            if not problems:
                raise WorkbookProblems(run.conflicts, heading=f"nothing was written: {heading}")
            problems.append(heading)
            problems.extend(f"  {conflict}" for conflict in run.conflicts)
        if problems:
            raise WorkbookProblems(problems)
        changes = session.changes()
        paths = [change.file.relative_to(root).as_posix() for change in changes]
        diff = "".join(
            unified_diff(change.old, change.new, path)
            for change, path in zip(changes, paths, strict=True)
        )
        if changes and not dry_run:
            write_files(changes)
        return ImportResult(summaries, diff, bool(changes) and not dry_run, paths)
