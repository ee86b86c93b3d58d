"""``hyte assess``: write a goal's or action's assessment of a year into its area file.

An assessment (:class:`hytecli.assessments.Assessment`) is one entry of the item's
``assessments`` list, one per year, kept in year order::

    assessments:
      - year: 2024
        status: in_progress
        text: |
          Koulutus käynnistyi syksyllä.

          Toinen kappale.
        resources:
          euros: 12000
        by: Hyte-koordinaattori
        date: 2025-02-10

The edit is made as ``hyte record`` and ``hyte complete`` make theirs (:mod:`.common`: under the
repository's lock, read back and checked before an atomic write), so only the new entry's lines
change. ``replace`` replaces a year's entry as a whole, except that texts (``text``,
``resources.text``) in languages other than the one given are kept: a Swedish translation can be
added without losing the Finnish text.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from hytecli.assessments import AssessmentStatus, parse_status
from hytecli.editing import insert_list_item, replace_list_item, unified_diff
from hytecli.models import AreaFile, PlanFile
from hytecli.periods import today_in_zone
from hytecli.recording.assessment_texts import (
    insert_before_key,
    kept_languages,
    merged_text,
    render_entry_field,
)
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
    refuse_option,
)
from hytecli.recording.completions import find_item
from hytecli.repository import PlanItem, check_repository
from hytecli.values import ValueProblem, format_number, parse_number
from hytecli.yaml_document import DataPath
from hytecli.yaml_nodes import EditProblem

#: Languages a text may be given in (``--lang``).
TEXT_LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class AssessmentResult:
    """What ``hyte assess`` did (or, for a dry run, would do).

    Attributes:
        path: The area file, relative to the repository root.
        item_id: The goal's or action's id.
        kind: ``goal`` or ``action``.
        year: The year assessed.
        status: The status written.
        day: The assessment's date.
        replaced: The status of the entry ``replace`` replaced, else ``None``.
        kept: Languages of texts a replaced entry kept (``sv``), as ``text sv`` or
            ``resources text sv``.
        dropped: Fields of a replaced entry that were not given again and so are gone
            (``resources``, ``by``, ...).
        dated_today: ``day`` is today's date because no date was given.
        written: ``False`` for a dry run.
        diff: Unified diff of the change.
    """

    path: str
    item_id: str
    kind: Literal["goal", "action"]
    year: int
    status: AssessmentStatus
    day: date
    replaced: AssessmentStatus | None
    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    dated_today: bool
    written: bool
    diff: str

    def describe(self) -> str:
        """One line: ``assessed action x for 2024: in_progress, dated 2025-02-10 (plan/a.yaml)``."""
        if self.replaced is not None:
            verb = "replaced" if self.written else "would replace"
            what = f"{verb} the {self.year} assessment of {self.kind} {self.item_id}: "
            what += f"{self.replaced.value} → {self.status.value}"
        else:
            verb = "assessed" if self.written else "would assess"
            what = f"{verb} {self.kind} {self.item_id} for {self.year}: {self.status.value}"
        today = " (today, as no --date was given)" if self.dated_today else ""
        kept = f"; kept its {', '.join(self.kept)}" if self.kept else ""
        if self.dropped:
            kept += f"; dropped its {', '.join(self.dropped)} (not given again)"
        return f"{what}, dated {self.day.isoformat()}{today} ({self.path}){kept}"


def _status(word: str, language: str) -> AssessmentStatus:
    """The status ``word`` names, or Refused listing the names in ``language``."""
    found = parse_status(word)
    if found is not None:
        return found
    from hytecli.i18n import Localizer
    from hytecli.labels import ASSESSMENT_CONTEXT, ASSESSMENT_LABELS

    localizer = Localizer(language if language in TEXT_LANGUAGES else "en")
    names = ", ".join(
        localizer.pgettext(ASSESSMENT_CONTEXT, ASSESSMENT_LABELS[status])
        for status in AssessmentStatus
    )
    raise Refused(
        f"'{word}' is not an assessment status: use one of {names} (or the same in Finnish, "
        "Swedish or English, or the value written in the file, e.g. in_progress)"
    )


def check_amount(number: int | float, option: str, text: str | None = None) -> int | float:
    """Return an assessment's amount (``--euros``, ``--person-days``) when it can be one.

    Args:
        number: The amount.
        option: The option it was given as (its field names the form's column in messages).
        text: The amount as typed, for the message (default: the number).

    Raises:
        Refused: the amount is negative.
    """
    if number < 0:
        shown = text if text is not None else format_number(number)
        raise refuse_option(option, f"{shown!r} is negative: give the amount used, 0 or more")
    return number


def _amount(text: str | None, option: str) -> int | float | None:
    if text is None:
        return None
    try:
        number = parse_number(text, subject="an amount")
    except ValueProblem as exc:
        raise refuse_option(option, f"{text!r}: {exc}") from None
    return check_amount(number, option, text)


def _check_request(
    plan: PlanFile,
    item: PlanItem,
    known: set[str],
    year: int,
    day: date,
    merged_into: str | None,
    status: AssessmentStatus,
) -> None:
    first, last = plan.period.start.year, plan.period.end.year
    if not first <= year <= last:
        raise refuse_option("--year", f"{year} is outside the plan period ({first}–{last})")
    if day < date(year, 1, 1):
        raise refuse_option(
            "--date",
            f"{day.isoformat()} is before {year} began: an assessment of {year} is made in "
            f"{year} or later",
            " (give --date, or assess an earlier year)",
        )
    if status is AssessmentStatus.MERGED:
        if merged_into is None:
            raise Refused(
                f"status merged needs --merged-into ID: the goal or action '{item.id}' was "
                "merged into",
                field="merged_into",
            )
        if merged_into == item.id:
            raise Refused(f"--merged-into {merged_into}: an item cannot be merged into itself")
        if merged_into not in known:
            raise Refused(
                f"--merged-into {merged_into}: no goal or action '{merged_into}' in plan/"
            )
    elif merged_into is not None:
        raise Refused(
            f"--merged-into is only for status merged (this one is {status.value}): leave it out"
        )


def assess_item(
    root: Path,
    item_id: str,
    *,
    year: int,
    status: str,
    now: datetime,
    text: str | None = None,
    language: str | None = None,
    merged_into: str | None = None,
    euros: str | None = None,
    person_days: str | None = None,
    resources: str | None = None,
    by: str | None = None,
    on_date: date | None = None,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> AssessmentResult:
    """Write a goal's or action's assessment of ``year`` into its ``assessments`` list.

    Args:
        root: The plan repository.
        item_id: The goal's or action's id.
        year: The year assessed, a year of the plan period.
        status: The status: its value (``in_progress``) or its name in Finnish, Swedish or
            English (``kesken``, ``pågår``, ``in progress``).
        now: The current instant (an aware datetime): the default date is today in the plan's
            time zone, and a date in the future is refused.
        text: What was done and how it went (paragraphs separated by a blank line).
        language: The language of ``text`` and ``resources`` (default: the plan's); also the
            language an unknown status word is answered in.
        merged_into: For status ``merged``: the goal or action it was merged into.
        euros: Money used, in euros, as typed (``12 000``, ``12,5``).
        person_days: Staff time used, in person-days, as typed.
        resources: Other resources, in words.
        by: Who assessed.
        on_date: When it was assessed (default: today), not before ``year`` began.
        replace: Replace the year's existing assessment (all of it, except texts in other
            languages than ``language``) instead of refusing.
        dry_run: Compute and return the change without writing it.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Raises:
        Refused: the request does not fit the plan (the message says why); nothing was written.
        RepositoryNotFound: ``root`` is not a plan repository.
    """
    root = check_repository(root)

    def edit(session: EditSession) -> AssessmentResult:
        return assess_item_in(
            session,
            item_id,
            year=year,
            status=status,
            today=today_in_zone(session.plan.time_zone, now),
            text=text,
            language=language,
            merged_into=merged_into,
            euros=euros,
            person_days=person_days,
            resources=resources,
            by=by,
            on_date=on_date,
            replace=replace,
        )

    result = edit_and_write(root, edit, dry_run=dry_run, lock_timeout=lock_timeout)
    return dataclasses.replace(result, written=not dry_run)


def assess_item_in(
    session: EditSession,
    item_id: str,
    *,
    year: int,
    status: str,
    today: date,
    text: str | None = None,
    language: str | None = None,
    merged_into: str | None = None,
    euros: str | None = None,
    person_days: str | None = None,
    resources: str | None = None,
    by: str | None = None,
    on_date: date | None = None,
    replace: bool = False,
) -> AssessmentResult:
    """Assess a goal or action in memory: edit its area file's text in ``session`` and check it.

    The in-memory step of :func:`assess_item`, with the same checks and refusals (its
    arguments mean the same); the edit is kept in ``session`` (:meth:`EditSession.keep`), so a
    later edit of the same file sees it, and is written only when the caller writes
    ``session.changes()``.

    Args:
        session: The edits so far (the repository as they leave it).
        item_id: The goal's or action's id.
        year: The year assessed.
        status: The status, as a value or a name in Finnish, Swedish or English.
        today: Today in the plan's time zone (the default date; later dates are refused).
        text: What was done and how it went.
        language: The language of ``text`` and ``resources`` (default: the plan's).
        merged_into: For status ``merged``: the goal or action it was merged into.
        euros: Money used, as typed.
        person_days: Staff time used, as typed.
        resources: Other resources, in words.
        by: Who assessed.
        on_date: When it was assessed (default: ``today``).
        replace: Replace the year's existing assessment instead of refusing.

    Returns:
        An :class:`AssessmentResult` with ``written`` ``False`` and the diff of this edit alone.

    Raises:
        Refused: the request does not fit the plan (the message says why); the session is
            unchanged.
    """
    repository, plan = session.repository, session.plan
    language = language or plan.language
    found = _status(status, language)
    item = find_item(repository, item_id)
    if on_date is not None:
        check_not_future(on_date, today, "--date")
    day = on_date if on_date is not None else today
    known = {other.id for other in repository.items()}
    _check_request(plan, item, known, year, day, merged_into, found)
    new_text = clean_text(text, "--text")
    amounts = [
        ("euros", _amount(euros, "--euros")),
        ("person_days", _amount(person_days, "--person-days")),
    ]
    resources_text = clean_text(resources, "--resources")
    by = clean_text(by, "--by")

    document = item.area.document
    expected = copy.deepcopy(document.data)
    target = expected
    for part in item.data_path:
        target = target[part]
    entries = target.get("assessments") or []
    same = [i for i, entry in enumerate(item.node.assessments) if entry.year == year]
    list_path: DataPath = (*item.data_path, "assessments")
    old: dict[str, Any] = {}
    if same:
        if not replace:
            line = line_of(document, (*list_path, same[-1]))
            raise Refused(
                f"{item.kind} '{item_id}' already has an assessment for {year} "
                f"({item.area.path} line {line}); give --replace to replace it"
            )
        old = entries[same[-1]]
    old_resources: dict[str, Any] = old.get("resources") or {}
    fields: list[tuple[str, Any]] = [("year", year), ("status", found.value)]
    fields.append(("text", merged_text(old.get("text"), new_text, language, plan.language)))
    fields.append(("merged_into", merged_into))
    resource_fields = [
        *amounts,
        (
            "text",
            merged_text(old_resources.get("text"), resources_text, language, plan.language),
        ),
    ]
    given = {name: data for name, data in resource_fields if data is not None}
    fields.extend([("resources", given or None), ("by", by), ("date", day)])
    data = {name: value for name, value in fields if value is not None}
    kept = [f"text {lang}" for lang in kept_languages(old.get("text"), language, plan.language)]
    kept += [
        f"resources text {lang}"
        for lang in kept_languages(old_resources.get("text"), language, plan.language)
    ]
    text_now = session.text(item.area.path)
    try:
        rendered = [(name, render_entry_field(value)) for name, value in data.items()]
    except EditProblem as exc:
        raise Refused(f"{item.area.path}: {exc}") from None
    if same:
        index = same[-1]
        new_file = edit_text(
            text_now,
            lambda node: replace_list_item(text_now, node, list_path, index, rendered),
            item.area.path,
        )
        entries[index] = {name: as_read(value) for name, value in data.items()}
    else:
        index = insertion_index([entry.year for entry in item.node.assessments], year)
        new_file = edit_text(
            text_now,
            lambda node: insert_list_item(
                text_now,
                node,
                item.data_path,
                "assessments",
                rendered,
                index,
                before_key=insert_before_key(target),
            ),
            item.area.path,
        )
        target.setdefault("assessments", []).insert(
            index, {name: as_read(value) for name, value in data.items()}
        )
    session.keep(item.area.path, new_file, expected, AreaFile)
    return AssessmentResult(
        path=item.area.path,
        item_id=item.id,
        kind=item.kind,
        year=year,
        status=found,
        day=day,
        replaced=parse_status(str(old["status"])) if same else None,
        kept=tuple(kept),
        dropped=tuple(name for name in old if name not in data and name != "date"),
        dated_today=on_date is None,
        written=False,
        diff=unified_diff(text_now, new_file, item.area.path),
    )
