"""``hyte complete``: mark a goal or an action completed in its area file."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from hytecli.editing import insert_list_item, set_fields, unified_diff
from hytecli.models import AreaFile, Completion, PlanFile
from hytecli.periods import today_in_zone
from hytecli.plausibility import completion_date_problem
from hytecli.recording.common import (
    LOCK_TIMEOUT,
    EditSession,
    Refused,
    as_read,
    check_not_future,
    clean_text,
    edit_and_write,
    edit_text,
    insertion_index,
    line_of,
    render_fields,
    suggest,
)
from hytecli.repository import PlanItem, PlanRepository, check_repository
from hytecli.yaml_document import DataPath


def _check_completion_date(
    day: date, plan: PlanFile, year: int | None, today: date, defaulted: bool
) -> None:
    """Refuse an implausible completion date (see :mod:`hytecli.plausibility`).

    With no ``--date`` given (``defaulted``, the date is today) a recurring item's completion for
    a year that has ended is refused too: today is then rarely the day it was done.
    """
    if defaulted and year is not None and today > date(year, 12, 31):
        raise Refused(
            f"--period {year} ended on {year}-12-31, and without --date the completion would be "
            f"dated today, {today.isoformat()}: give --date with the day the {year} entry was "
            f"done (--date {today.isoformat()} if that really was today)"
        )
    problem = completion_date_problem(day, plan, year)
    if problem is not None:
        shown = f"today's date {day.isoformat()}" if defaulted else f"--date {day.isoformat()}"
        raise Refused(
            f"{shown} {problem}: give the day it was done with --date (if it really was done "
            "then, write the entry in the area file by hand; hyte validate warns about such a "
            "date, D005)",
            field="date",
            problem=f"{day.isoformat()} {problem}: give the day it was done (if it really was "
            "done then, ask the coordinator to record it by hand)",
        )


@dataclass(frozen=True)
class CompletionResult:
    """What ``hyte complete`` did (or, for a dry run, would do).

    Attributes:
        path: The area file, relative to the repository root.
        item_id: The goal's or action's id.
        kind: ``goal`` or ``action``.
        day: The completion date written.
        period: The year covered, for recurring deadlines.
        replaced: The old date when ``replace`` replaced an entry, else ``None``.
        written: ``False`` for a dry run.
        diff: Unified diff of the change.
        dated_today: ``day`` is today's date because no date was given.
        kept: Fields of a replaced entry that were kept as they were (``date``, ``note``).
    """

    path: str
    item_id: str
    kind: Literal["goal", "action"]
    day: date
    period: int | None
    replaced: date | None
    written: bool
    diff: str
    dated_today: bool = False
    kept: tuple[str, ...] = ()

    def describe(self) -> str:
        """Return a one-line summary of the completion, saying when its date is today's.

        A replaced entry names the fields it kept: ``changed the completion of goal x
        (plan/a.yaml); kept its date 2024-11-28``.
        """
        covers = f" for {self.period}" if self.period is not None else ""
        today = ""
        if self.dated_today:
            change = " (to change it: --replace --date YYYY-MM-DD)" if self.written else ""
            today = f"; dated today, as no --date was given{change}"
        if self.replaced is not None:
            verb = "would change" if not self.written else "changed"
            change = (
                ""
                if "date" in self.kept
                else f": {self.replaced.isoformat()} → {self.day.isoformat()}"
            )
            kept = ", ".join(
                f"date {self.day.isoformat()}" if name == "date" else name for name in self.kept
            )
            return (
                f"{verb} the completion of {self.kind} {self.item_id}{covers}{change} "
                f"({self.path}){f'; kept its {kept}' if kept else ''}{today}"
            )
        verb = "would mark" if not self.written else "marked"
        return (
            f"{verb} {self.kind} {self.item_id} completed on {self.day.isoformat()}{covers} "
            f"({self.path}){today}"
        )


def find_item(repository: PlanRepository, item_id: str) -> PlanItem:
    """The goal or action ``item_id``, or Refused naming the closest ids (or ``hyte record``)."""
    item = repository.item(item_id)
    if item is not None:
        return item
    known = [item.id for item in repository.items()]
    indicator = repository.indicator(item_id)
    hint = (
        f": '{item_id}' is an indicator; record its value with hyte record"
        if indicator is not None
        else suggest(item_id, known)
    )
    raise Refused(f"no goal or action '{item_id}' in plan/{hint}")


def complete_item(
    root: Path,
    item_id: str,
    *,
    now: datetime,
    on_date: date | None = None,
    period: int | None = None,
    note: str | None = None,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> CompletionResult:
    """Mark a goal or an action completed: append to its ``completed`` list in the area file.

    Args:
        root: The plan repository.
        item_id: The goal's or action's id.
        now: The current instant (an aware datetime); the default date is today in the plan's
            time zone, and a date in the future is refused.
        on_date: The day it was done (default: today in the plan's time zone; with ``replace``,
            the date already recorded).
        period: For an item with a recurring (annual) deadline, the year this completion covers
            (required); refused for one-off deadlines.
        note: A note to store with the completion.
        replace: Replace the existing completion (one-off items) or the one for the same year
            (recurring items) instead of refusing. Only the fields given (``on_date``, ``note``)
            change; the others are kept, as ``hyte record --replace`` keeps them, and at least
            one must be given.
        dry_run: Compute and return the change without writing it.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Returns:
        A :class:`CompletionResult`.

    Raises:
        Refused: the request does not fit the plan (the message says why); nothing was written.
        RepositoryNotFound: ``root`` is not a plan repository.
    """
    root = check_repository(root)

    def edit(session: EditSession) -> CompletionResult:
        return complete_item_in(
            session,
            item_id,
            today=today_in_zone(session.plan.time_zone, now),
            on_date=on_date,
            period=period,
            note=note,
            replace=replace,
        )

    result = edit_and_write(root, edit, dry_run=dry_run, lock_timeout=lock_timeout)
    return dataclasses.replace(result, written=not dry_run)


def recorded_completion(item: PlanItem, period: int | None) -> tuple[int, Completion] | None:
    """The completion a new one for ``period`` would replace: its index and entry, or ``None``.

    Args:
        item: The goal or action.
        period: The year covered, for a recurring item (``None`` for a one-off one, whose
            every completion counts).

    Returns:
        The last entry of ``item``'s ``completed`` list that covers ``period`` (any entry when
        ``period`` is ``None``), with its index in the list.
    """
    entries = list(item.node.completed)
    same = [
        i
        for i, entry in enumerate(entries)
        if period is None or (entry.period is not None and entry.period.year == period)
    ]
    return (same[-1], entries[same[-1]]) if same else None


def complete_item_in(
    session: EditSession,
    item_id: str,
    *,
    today: date,
    on_date: date | None,
    period: int | None = None,
    note: str | None = None,
    replace: bool = False,
) -> CompletionResult:
    """Mark a goal or action completed in memory: edit its area file's text in ``session``.

    The in-memory step of :func:`complete_item`, with the same checks and refusals (its
    arguments mean the same); the edit is kept in ``session`` (:meth:`EditSession.keep`), so a
    later edit of the same file sees it, and is written only when the caller writes
    ``session.changes()``.

    Args:
        session: The edits so far (the repository as they leave it).
        item_id: The goal's or action's id.
        today: Today in the plan's time zone (the default date; later dates are refused).
        on_date: The day it was done (``None``: ``today``; with ``replace``, the date already
            recorded).
        period: For a recurring item, the year this completion covers (required).
        note: A note to store with the completion.
        replace: Replace the existing completion (for ``period``) instead of refusing.

    Returns:
        A :class:`CompletionResult` with ``written`` ``False`` and the diff of this edit alone.

    Raises:
        Refused: the request does not fit the plan (the message says why; a refused date has
            the field ``date``); the session is unchanged.
    """
    repository, plan = session.repository, session.plan
    item = find_item(repository, item_id)
    node = item.node
    if node.deadline is not None and item.deadline is None:
        raise Refused(
            f"the deadline of {item.kind} '{item_id}' cannot be resolved (does it name an "
            "unknown council term?): run hyte validate"
        )
    recurring = item.deadline is not None and item.deadline.recurring
    if recurring:
        if period is None:
            raise Refused(
                f"{item.kind} '{item_id}' recurs every year: give --period YEAR, the year this "
                "completion covers"
            )
        first, last = plan.period.start.year, plan.period.end.year
        if not first <= period <= last:
            raise Refused(f"--period {period} is outside the plan period ({first}–{last})")
    elif period is not None:
        raise Refused(
            f"{item.kind} '{item_id}' has a one-off deadline (or none), so a completion has no "
            "period: leave out --period"
        )
    if on_date is not None:
        check_not_future(on_date, today, "--date")
    note = clean_text(note, "--note")
    day = on_date if on_date is not None else today
    dated_today = on_date is None

    entries = list(node.completed)
    found = recorded_completion(item, period if recurring else None)
    list_path: DataPath = (*item.data_path, "completed")
    document = item.area.document
    text = session.text(item.area.path)
    expected = copy.deepcopy(document.data)
    target = expected
    for part in item.data_path:
        target = target[part]
    replaced: date | None = None
    kept: tuple[str, ...] = ()
    if found is not None:
        existing, old = found
        if not replace:
            line = line_of(document, (*list_path, existing))
            covers = f" for {period}" if recurring else ""
            raise Refused(
                f"{item.kind} '{item_id}' is already marked completed{covers} on "
                f"{old.date.isoformat()} ({item.area.path} line {line}); give "
                "--replace to change it"
            )
        replaced = old.date
        fields: list[tuple[str, Any]] = [
            (name, data) for name, data in (("date", on_date), ("note", note)) if data is not None
        ]
        if not fields:
            raise Refused(
                f"nothing to change: with --replace, give the new --date, --note or both "
                f"(fields not given are kept); the completion of {item.kind} '{item_id}' on "
                f"{old.date.isoformat()} was left as it is"
            )
        given = {name for name, _ in fields}
        kept = tuple(
            name
            for name in ("date", "note")
            if name not in given and getattr(old, name) is not None
        )
        day = on_date if on_date is not None else old.date  # the date is kept as written
        dated_today = False
        rendered = render_fields(fields, item.area.path)
        new_text = edit_text(
            text,
            lambda root_node: set_fields(text, root_node, (*list_path, existing), rendered),
            item.area.path,
        )
        for name, data in fields:
            target["completed"][existing][name] = as_read(data)
    else:
        fields = [("date", day)]
        if recurring:
            fields.append(("period", period))
        if note is not None:
            fields.append(("note", note))
        rendered = render_fields(fields, item.area.path)
        keys = [(e.period.year if e.period is not None else 0, e.date) for e in entries]
        index = insertion_index(keys, (period or 0, day))
        new_text = edit_text(
            text,
            lambda root_node: insert_list_item(
                text,
                root_node,
                item.data_path,
                "completed",
                rendered,
                index,
                before_key="actions",
            ),
            item.area.path,
        )
        target.setdefault("completed", [])
        target["completed"].insert(index, {name: as_read(data) for name, data in fields})
    # after the "already completed" refusal, which says more when there is an entry; a date
    # kept by --replace was not given now, so it is not judged again
    if "date" not in kept:
        _check_completion_date(day, plan, period if recurring else None, today, dated_today)
    session.keep(item.area.path, new_text, expected, AreaFile)
    return CompletionResult(
        path=item.area.path,
        item_id=item.id,
        kind=item.kind,
        day=day,
        period=period,
        replaced=replaced,
        written=False,
        diff=unified_diff(text, new_text, item.area.path),
        dated_today=dated_today,
        kept=kept,
    )
