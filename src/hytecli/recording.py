"""Recording values and completions in the plan files: ``hyte record`` and ``hyte complete``.

Each operation runs under a lock on the repository, so that two commands run at the same time
both land: load the repository (refusing if it has load errors), check the request against the
plan, compute a minimal text edit (:mod:`hytecli.editing`), re-read the edited text with the
strict reader and the file's model and check that its data is exactly the old data plus the
change and that ``hyte validate``'s cross-file checks find no new error in the file, and only
then replace the file atomically (:func:`hytecli.fileio.write_bytes_atomic`).
Anything refused raises :class:`Refused` and writes nothing.

The lock is a :mod:`filelock` lock (``flock`` on POSIX, ``LockFileEx`` on Windows; released by
the operating system if the process dies, so it never goes stale). Its file is
``.git/hyte.lock`` when the repository is the top of a git work tree (git never tracks files in
``.git``, so no untracked file appears), else a file named after the repository's path in the
temporary folder.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import hashlib
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from hytecli.editing import (
    EditProblem,
    TextEdit,
    apply_edits,
    compose,
    insert_list_item,
    period_data,
    same_data,
    set_fields,
    split_bom,
    unified_diff,
    yaml_scalar,
)
from hytecli.errors import HyteError
from hytecli.fileio import write_bytes_atomic
from hytecli.findings import Finding, Severity
from hytecli.models import AreaFile, IndicatorFile, PlanFile
from hytecli.periods import DateProblem, Period, today_in_zone
from hytecli.plausibility import completion_date_problem, value_date_problem
from hytecli.repository import (
    AreaRecord,
    IndicatorRecord,
    PlanHasErrors,
    PlanItem,
    PlanRepository,
    check_repository,
    load_repository,
    require_usable_plan,
    validate_model,
)
from hytecli.values import RecordedValue, ValueProblem, format_value, parse_value
from hytecli.yamlfile import DataPath, YamlDocument, control_character, parse_yaml

_FileModel = TypeVar("_FileModel", IndicatorFile, AreaFile)

#: Seconds to wait for another hyte command writing to the same plan before giving up.
LOCK_TIMEOUT = 60.0
LOCK_NAME = "hyte.lock"


class Refused(HyteError):
    """The record or completion was refused and nothing was written; the message says why."""


# --- locking --------------------------------------------------------------------------------------


def lock_path(root: Path) -> Path:
    """Return the lock file used for writes to the plan repository at ``root``."""
    git = root / ".git"
    if git.is_dir():
        return git / LOCK_NAME
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:20]
    owner = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    folder = Path(tempfile.gettempdir()) / f"hyte-locks{owner}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{digest}.lock"


@contextmanager
def repository_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the repository's write lock for the duration of a ``with`` block.

    Raises:
        Refused: another process held the lock for ``timeout`` seconds.
    """
    from filelock import FileLock, Timeout

    path = lock_path(root)
    lock = FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise Refused(
            f"another hyte command has been writing to this plan for over {timeout:.0f} s "
            f"(lock {path}); wait for it to finish and run again"
        ) from None
    try:
        yield
    finally:
        lock.release()


# --- shared checks --------------------------------------------------------------------------------


def _refuse_broken(repository: PlanRepository) -> PlanFile:
    try:
        return require_usable_plan(repository)
    except PlanHasErrors as exc:
        raise Refused(
            "the plan files have errors, so nothing was written; fix them first "
            f"(hyte validate lists them all):\n{exc.listing}"
        ) from None


def _suggest(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return ""


def _clean_text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    if not stripped:
        raise Refused(f"{option} is empty: write the text or leave the option out")
    char = control_character(stripped)
    if char is not None:
        raise Refused(
            f"{option} has the control character {char}: plan files allow no control characters "
            "but tab and line break (hyte validate refuses them, Y001); remove it"
        )
    return stripped


def _check_not_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise Refused(
            f"{what} {day.isoformat()} is in the future (today is {today.isoformat()} in the "
            "plan's time zone): give the day it happened"
        )


def _read(file: Path) -> tuple[bytes, str]:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise Refused(f"cannot read {file}: {exc.strerror}") from None
    try:
        return split_bom(raw)
    except EditProblem as exc:
        raise Refused(f"{file}: {exc}") from None


def _edit(text: str, make: Any, path: str) -> str:
    try:
        root = compose(text)
        edits: list[TextEdit] = make(root)
        return apply_edits(text, edits)
    except EditProblem as exc:
        raise Refused(f"{path}: {exc}") from None


def _render(fields: Sequence[tuple[str, Any]], path: str) -> list[tuple[str, str]]:
    """Write each field's value as YAML (:func:`_render_field`), refusing one that cannot be."""
    try:
        return [(name, _render_field(name, data)) for name, data in fields]
    except EditProblem as exc:
        raise Refused(f"{path}: {exc}") from None


def _verify(
    new_text: str,
    expected: Any,
    model: type[_FileModel],
    path: str,
    language: str,
) -> tuple[YamlDocument, _FileModel]:
    """Re-read the edited text strictly and check it against the model and the expected data."""
    document = parse_yaml(new_text, path)
    problems = [str(f) for f in document.findings if f.severity is Severity.ERROR]
    instance = None
    if not problems:
        instance, findings = validate_model(document, model, language)
        problems = [str(f) for f in findings]
    if instance is None or problems or not same_data(document.data, expected):
        detail = "\n".join(problems[:5]) or "the edited file does not read back as intended"
        raise Refused(
            f"{path}: the change could not be written safely, so nothing was written "
            f"(please report this as a bug in hyte):\n{detail}"
        )
    return document, instance


def _cross_check(
    repository: PlanRepository, path: str, document: YamlDocument, model: IndicatorFile | AreaFile
) -> None:
    """Refuse a change after which ``hyte validate`` would report a new error in the file."""
    from hytecli.validation import validate_repository

    def errors(repo: PlanRepository) -> list[Finding]:
        return [
            f for f in validate_repository(repo) if f.path == path and f.severity is Severity.ERROR
        ]

    if isinstance(model, IndicatorFile):
        changed = dataclasses.replace(
            repository,
            indicators=[
                IndicatorRecord(path, document, model) if r.path == path else r
                for r in repository.indicators
            ],
        )
    else:
        changed = dataclasses.replace(
            repository,
            areas=[
                AreaRecord(path, document, model) if r.path == path else r for r in repository.areas
            ],
        )
    before = Counter(f.code for f in errors(repository))
    after = errors(changed)
    counts = Counter(f.code for f in after)
    new = [f for f in after if counts[f.code] > before[f.code]]
    if new:
        raise Refused(
            "nothing was written: after this change hyte validate would report:\n"
            + "\n".join(str(f) for f in new[:5])
        )


def _write(file: Path, bom: bytes, text: str) -> None:
    try:
        write_bytes_atomic(file, bom + text.encode("utf-8"))
    except OSError as exc:
        raise Refused(f"cannot write {file}: {exc.strerror}; the file was left as it was") from None


def _line_of(record_document: Any, path: DataPath) -> int:
    return int(record_document.locate(path)[0])


# --- hyte record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordResult:
    """What ``hyte record`` did (or, for a dry run, would do).

    Attributes:
        path: The indicator file, relative to the repository root.
        indicator_id: The indicator's id.
        period: The period recorded.
        municipality: The municipality code, or ``None`` for the whole area.
        series: The reference series, or ``None`` for the indicator's own values.
        value: The value written.
        replaced: The old value when ``replace`` replaced one, else ``None``.
        kept: Fields of a replaced entry that were kept as they were (``note``, ``source``, ...).
        written: ``False`` for a dry run.
        diff: Unified diff of the change.
        dated_today: True when no date was given and the period had not ended, so the entry was
            dated today (an undated value counts only from its period's last day).
    """

    path: str
    indicator_id: str
    period: Period
    municipality: str | None
    series: str | None
    value: RecordedValue
    replaced: RecordedValue | None
    kept: tuple[str, ...]
    written: bool
    diff: str
    dated_today: bool = False

    def describe(self) -> str:
        """Return a one-line summary: ``recorded x 2025 = 130 (indicators/x.yaml)``."""
        where = "".join(
            f" {label} {value}"
            for label, value in (("municipality", self.municipality), ("series", self.series))
            if value is not None
        )
        verb = "would record" if not self.written else "recorded"
        if self.replaced is not None:
            verb = "would replace" if not self.written else "replaced"
            change = f"{format_value(self.replaced)} → {format_value(self.value)}"
        else:
            change = format_value(self.value)
        kept = f"; kept its {', '.join(self.kept)}" if self.kept else ""
        dated = (
            f"; dated today, as {self.period} has not ended (give --date to change it)"
            if self.dated_today
            else ""
        )
        return (
            f"{verb} {self.indicator_id} {self.period}{where}: {change} ({self.path}){kept}{dated}"
        )


def _find_indicator(repository: PlanRepository, indicator_id: str) -> IndicatorRecord:
    record = repository.indicator(indicator_id)
    if record is None:
        known = sorted(r.indicator.id for r in repository.indicators)
        hint = _suggest(indicator_id, known)
        raise Refused(f"no indicator '{indicator_id}' in indicators/{hint}")
    return record


def _check_period(text: str, indicator: IndicatorFile, plan: PlanFile, today: date) -> Period:
    try:
        period = Period.parse(text)
    except DateProblem as exc:
        raise Refused(str(exc)) from None
    kind = indicator.reporting_period
    if period.kind is not kind:
        raise Refused(
            f"period {period} is a {period.kind.noun}, but '{indicator.id}' is reported per "
            f"{kind.noun} (reporting_period: {kind}): give a period like "
            f"{kind.examples(period.year)}"
        )
    if period.end < plan.period.start or period.start > plan.period.end:
        raise Refused(
            f"period {period} is outside the plan period {plan.period.start.isoformat()} – "
            f"{plan.period.end.isoformat()}: values are recorded for the plan's own period (a "
            "starting level before it goes into the indicator's baseline)"
        )
    if period.start > today:
        raise Refused(
            f"period {period} has not begun yet: it begins on {period.start.isoformat()}, and "
            f"today is {today.isoformat()} in the plan's time zone; record its value once the "
            "period has begun (check the period: a typo in the year?)"
        )
    return period


def _check_municipality(given: str | None, plan: PlanFile) -> str | None:
    if given is None:
        return None
    wanted = given.strip()
    for municipality in plan.municipalities:
        if municipality.code == wanted:
            return municipality.code
    for municipality in plan.municipalities:
        names = {name.casefold() for name in municipality.name.values.values()}
        if wanted.casefold() in names:
            return municipality.code
    if not plan.municipalities:
        raise Refused(
            f"unknown municipality '{wanted}': plan/plan.yaml lists no municipalities; add them "
            'there (municipalities: - code: "049" ...) to record values per municipality'
        )
    known = ", ".join(f"{m.code} {m.name}" for m in plan.municipalities)
    raise Refused(
        f"unknown municipality '{wanted}': give one of the municipality codes in plan/plan.yaml "
        f"({known})"
    )


def _check_series(given: str | None, indicator: IndicatorFile) -> str | None:
    if given is None:
        return None
    name = given.strip()
    reference = indicator.target.reference if indicator.target is not None else None
    if name == reference:
        return name
    if reference is None:
        raise Refused(
            f"unknown series '{name}': '{indicator.id}' has no reference series (a series holds "
            "the values of the target's reference, target.reference, e.g. national_average); "
            "leave out --series to record the indicator's own value"
        )
    if difflib.get_close_matches(name, [reference], n=1, cutoff=0.6):
        raise Refused(
            f"unknown series '{name}' for '{indicator.id}': did you mean '{reference}'? That is "
            "its only series (its target's reference)"
        )
    raise Refused(
        f"unknown series '{name}' for '{indicator.id}': its only series is its target's "
        f"reference, '{reference}'"
    )


def _check_value_date(day: date, period: Period, plan: PlanFile) -> None:
    """Refuse a value's date before its period began, or before the plan period began."""
    problem = value_date_problem(day, period, plan)
    if problem is not None:
        _code, text = problem
        raise Refused(
            f"--date {day.isoformat()} {text}: a value is dated the day it was achieved or "
            "recorded, which is not before its period (and the plan) began; give that day, or "
            "leave out --date"
        )


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
            "date, D005)"
        )


def _parse_value(raw: str, indicator: IndicatorFile) -> RecordedValue:
    try:
        return parse_value(raw, indicator.kind)
    except ValueProblem as exc:
        raise Refused(
            f"cannot record {raw.strip()!r} for '{indicator.id}' (kind: {indicator.kind}): {exc}"
        ) from None


def _insertion_index(keys: Sequence[Any], new: Any) -> int:
    """Return the index after the last entry whose key is not later than ``new`` (else 0)."""
    index = 0
    for i, key in enumerate(keys):
        if key <= new:
            index = i + 1
    return index


def record_value(
    root: Path,
    indicator_id: str,
    raw_value: str,
    *,
    period: str,
    now: datetime,
    municipality: str | None = None,
    series: str | None = None,
    note: str | None = None,
    source: str | None = None,
    on_date: date | None = None,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> RecordResult:
    """Record a value of an indicator in its file, keeping every other byte of the file.

    Args:
        root: The plan repository.
        indicator_id: The indicator's id.
        raw_value: The value as typed (see :func:`hytecli.values.parse_value`).
        period: The period, e.g. ``2025`` or ``2025-H1`` (must match ``reporting_period`` and
            lie in the plan period).
        now: The current instant (an aware datetime); dates are judged in the plan's time zone.
        municipality: A municipality code (or name) from ``plan.yaml``; ``None`` for the area.
        series: A reference series such as ``national_average``; ``None`` for the indicator's
            own values.
        note: A note to store with the value.
        source: Where the value comes from.
        on_date: The day the value was achieved or recorded (not in the future).
        replace: Replace an existing value for the same period, municipality and series (its
            other fields are kept unless given again).
        dry_run: Compute and return the change without writing it.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Returns:
        A :class:`RecordResult`.

    Raises:
        Refused: the request does not fit the plan (the message says why); nothing was written.
        RepositoryNotFound: ``root`` is not a plan repository.
    """
    root = check_repository(root)
    with repository_lock(root, lock_timeout):
        repository = load_repository(root)
        plan = _refuse_broken(repository)
        record = _find_indicator(repository, indicator_id)
        indicator = record.indicator
        today = today_in_zone(plan.time_zone, now)
        the_period = _check_period(period, indicator, plan, today)
        code = _check_municipality(municipality, plan)
        the_series = _check_series(series, indicator)
        value = _parse_value(raw_value, indicator)
        note = _clean_text(note, "--note")
        source = _clean_text(source, "--source")
        if on_date is not None:
            _check_not_future(on_date, today, "--date")
            _check_value_date(on_date, the_period, plan)
        dated_today = False
        if on_date is None and today < the_period.end and not replace:
            # A value known before its period has ended would otherwise count only from the
            # period's last day (judging.known_from): date it today so that it counts now.
            on_date, dated_today = today, True

        existing: int | None = None
        for i, entry in enumerate(indicator.values):
            if (entry.period, entry.municipality, entry.series) == (the_period, code, the_series):
                existing = i
        optional: list[tuple[str, Any]] = [
            (name, data)
            for name, data in (
                ("date", on_date),
                ("note", note),
                ("source", source),
            )
            if data is not None
        ]
        file = root / record.path
        bom, text = _read(file)
        expected = copy.deepcopy(record.document.data)
        replaced: RecordedValue | None = None
        kept: tuple[str, ...] = ()
        if existing is not None:
            old = indicator.values[existing]
            if not replace:
                line = _line_of(record.document, ("values", existing))
                raise Refused(
                    f"'{indicator_id}' already has a value for {the_period}"
                    + (f" municipality {code}" if code else "")
                    + (f" series {the_series}" if the_series else "")
                    + f": {format_value(old.value)} ({record.path} line {line}); give --replace "
                    "to replace it"
                )
            replaced = old.value
            fields = [("value", value), *optional]
            given = {name for name, _ in fields}
            kept = tuple(
                name
                for name in ("date", "note", "source")
                if name not in given and getattr(old, name) is not None
            )
            rendered = _render(fields, record.path)
            new_text = _edit(
                text,
                lambda node: set_fields(text, node, ("values", existing), rendered),
                record.path,
            )
            entry_data = expected["values"][existing]
            for name, data in fields:
                entry_data[name] = _as_read(data)
        else:
            fields = [("period", the_period), ("value", value)]
            if code is not None:
                fields.append(("municipality", code))
            if the_series is not None:
                fields.append(("series", the_series))
            fields.extend(optional)
            rendered = _render(fields, record.path)
            index = _insertion_index([v.period for v in indicator.values], the_period)
            new_text = _edit(
                text,
                lambda node: insert_list_item(text, node, (), "values", rendered, index),
                record.path,
            )
            expected.setdefault("values", [])
            expected["values"].insert(index, {name: _as_read(data) for name, data in fields})
        document, model = _verify(new_text, expected, IndicatorFile, record.path, plan.language)
        _cross_check(repository, record.path, document, model)
        diff = unified_diff(text, new_text, record.path)
        if not dry_run:
            _write(file, bom, new_text)
        return RecordResult(
            path=record.path,
            indicator_id=indicator.id,
            period=the_period,
            municipality=code,
            series=the_series,
            value=value,
            replaced=replaced,
            kept=kept,
            written=not dry_run,
            diff=diff,
            dated_today=dated_today,
        )


def _render_field(name: str, data: Any) -> str:
    if name == "municipality":  # always a quoted three-digit code, as docs/format.md shows
        return f'"{data}"'
    return yaml_scalar(data)


def _as_read(data: Any) -> Any:
    """Return the value the strict reader gives for ``data`` written by :func:`yaml_scalar`."""
    if isinstance(data, Period):
        return period_data(data)
    if isinstance(data, date):
        return data.isoformat()
    return data


# --- hyte complete --------------------------------------------------------------------------------


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


def _find_item(repository: PlanRepository, item_id: str) -> PlanItem:
    items = list(repository.items())
    for item in items:
        if item.id == item_id:
            return item
    known = [item.id for item in items]
    indicator = repository.indicator(item_id)
    hint = (
        f": '{item_id}' is an indicator; record its value with hyte record"
        if indicator is not None
        else _suggest(item_id, known)
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
    with repository_lock(root, lock_timeout):
        repository = load_repository(root)
        plan = _refuse_broken(repository)
        item = _find_item(repository, item_id)
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
        today = today_in_zone(plan.time_zone, now)
        if on_date is not None:
            _check_not_future(on_date, today, "--date")
        note = _clean_text(note, "--note")
        day = on_date if on_date is not None else today
        dated_today = on_date is None

        entries = list(node.completed)
        same = [
            i
            for i, entry in enumerate(entries)
            if not recurring or (entry.period is not None and entry.period.year == period)
        ]
        list_path: DataPath = (*item.data_path, "completed")
        document = item.area.document
        file = root / item.area.path
        bom, text = _read(file)
        expected = copy.deepcopy(document.data)
        target = expected
        for part in item.data_path:
            target = target[part]
        replaced: date | None = None
        kept: tuple[str, ...] = ()
        if same:
            existing = same[-1]
            old = entries[existing]
            if not replace:
                line = _line_of(document, (*list_path, existing))
                covers = f" for {period}" if recurring else ""
                raise Refused(
                    f"{item.kind} '{item_id}' is already marked completed{covers} on "
                    f"{old.date.isoformat()} ({item.area.path} line {line}); give "
                    "--replace to change it"
                )
            replaced = old.date
            fields: list[tuple[str, Any]] = [
                (name, data)
                for name, data in (("date", on_date), ("note", note))
                if data is not None
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
            rendered = _render(fields, item.area.path)
            new_text = _edit(
                text,
                lambda root_node: set_fields(text, root_node, (*list_path, existing), rendered),
                item.area.path,
            )
            for name, data in fields:
                target["completed"][existing][name] = _as_read(data)
        else:
            fields = [("date", day)]
            if recurring:
                fields.append(("period", period))
            if note is not None:
                fields.append(("note", note))
            rendered = _render(fields, item.area.path)
            keys = [(e.period.year if e.period is not None else 0, e.date) for e in entries]
            index = _insertion_index(keys, (period or 0, day))
            new_text = _edit(
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
            target["completed"].insert(index, {name: _as_read(data) for name, data in fields})
        # after the "already completed" refusal, which says more when there is an entry; a date
        # kept by --replace was not given now, so it is not judged again
        if "date" not in kept:
            _check_completion_date(day, plan, period if recurring else None, today, dated_today)
        new_document, model = _verify(new_text, expected, AreaFile, item.area.path, plan.language)
        _cross_check(repository, item.area.path, new_document, model)
        diff = unified_diff(text, new_text, item.area.path)
        if not dry_run:
            _write(file, bom, new_text)
        return CompletionResult(
            path=item.area.path,
            item_id=item.id,
            kind=item.kind,
            day=day,
            period=period,
            replaced=replaced,
            written=not dry_run,
            diff=diff,
            dated_today=dated_today,
            kept=kept,
        )
