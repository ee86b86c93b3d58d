"""``hyte record``: record an indicator's value for a period in its file."""

from __future__ import annotations

import copy
import dataclasses
import difflib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hytecli.editing import insert_list_item, set_fields, unified_diff
from hytecli.models import IndicatorFile, PlanFile
from hytecli.periods import DateProblem, Period, today_in_zone
from hytecli.plausibility import value_date_problem
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
    render_fields,
    suggest,
)
from hytecli.repository import IndicatorRecord, PlanRepository, check_repository
from hytecli.sotkanet.series import allowed_series
from hytecli.values import RecordedValue, ValueProblem, format_value, parse_value


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
        hint = suggest(indicator_id, known)
        raise Refused(f"no indicator '{indicator_id}' in indicators/{hint}")
    return record


def _check_period(text: str, indicator: IndicatorFile, plan: PlanFile, today: date) -> Period:
    try:
        period = Period.parse(text)
    except DateProblem as exc:
        raise Refused(str(exc), field="period") from None
    kind = indicator.reporting_period
    if period.kind is not kind:
        raise Refused(
            f"period {period} is a {period.kind.noun}, but '{indicator.id}' is reported per "
            f"{kind.noun} (reporting_period: {kind}): give a period like "
            f"{kind.examples(period.year)}",
            field="period",
        )
    if period.end < plan.period.start or period.start > plan.period.end:
        raise Refused(
            f"period {period} is outside the plan period {plan.period.start.isoformat()} – "
            f"{plan.period.end.isoformat()}: values are recorded for the plan's own period (a "
            "starting level before it goes into the indicator's baseline)",
            field="period",
        )
    if period.start > today:
        raise Refused(
            f"period {period} has not begun yet: it begins on {period.start.isoformat()}, and "
            f"today is {today.isoformat()} in the plan's time zone; record its value once the "
            "period has begun (check the period: a typo in the year?)",
            field="period",
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
    if name == reference or name in allowed_series(indicator):
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
        raise refuse_option(
            "--date",
            f"{day.isoformat()} {text}: a value is dated the day it was achieved or recorded, "
            "which is not before its period (and the plan) began; give that day",
            ", or leave out --date",
        )


def _parse_value(raw: str, indicator: IndicatorFile) -> RecordedValue:
    try:
        return parse_value(raw, indicator.kind)
    except ValueProblem as exc:
        raise Refused(
            f"cannot record {raw.strip()!r} for '{indicator.id}' (kind: {indicator.kind}): {exc}",
            field="value",
        ) from None


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

    Under the repository's lock: load it, make the edit in memory (:func:`record_value_in`)
    and write the file.

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

    def edit(session: EditSession) -> RecordResult:
        return record_value_in(
            session,
            indicator_id,
            raw_value,
            period=period,
            today=today_in_zone(session.plan.time_zone, now),
            municipality=municipality,
            series=series,
            note=note,
            source=source,
            on_date=on_date,
            replace=replace,
        )

    result = edit_and_write(root, edit, dry_run=dry_run, lock_timeout=lock_timeout)
    return dataclasses.replace(result, written=not dry_run)


def record_value_in(
    session: EditSession,
    indicator_id: str,
    raw_value: str,
    *,
    period: str,
    today: date,
    municipality: str | None = None,
    series: str | None = None,
    note: str | None = None,
    source: str | None = None,
    on_date: date | None = None,
    replace: bool = False,
) -> RecordResult:
    """Record a value in memory: edit the indicator file's text in ``session`` and check it.

    The in-memory step of :func:`record_value`, with the same checks and refusals (its
    arguments mean the same); the edit is kept in ``session`` (:meth:`EditSession.keep`), so a
    later edit of the same file sees it, and is written only when the caller writes
    ``session.changes()``.

    Args:
        session: The edits so far (the repository as they leave it).
        indicator_id: The indicator's id.
        raw_value: The value as typed.
        period: The period, e.g. ``2025`` or ``2025-H1``.
        today: Today in the plan's time zone.
        municipality: A municipality code or name, or ``None``.
        series: A reference series, or ``None``.
        note: A note to store with the value.
        source: Where the value comes from.
        on_date: The day the value was achieved or recorded.
        replace: Replace an existing value instead of refusing.

    Returns:
        A :class:`RecordResult` with ``written`` ``False`` and the diff of this edit alone.

    Raises:
        Refused: the request does not fit the plan (the message says why); the session is
            unchanged.
    """
    repository, plan = session.repository, session.plan
    record = _find_indicator(repository, indicator_id)
    indicator = record.indicator
    the_period = _check_period(period, indicator, plan, today)
    code = _check_municipality(municipality, plan)
    the_series = _check_series(series, indicator)
    value = _parse_value(raw_value, indicator)
    note = clean_text(note, "--note")
    source = clean_text(source, "--source")
    if on_date is not None:
        check_not_future(on_date, today, "--date")
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
    text = session.text(record.path)
    expected = copy.deepcopy(record.document.data)
    replaced: RecordedValue | None = None
    kept: tuple[str, ...] = ()
    if existing is not None:
        old = indicator.values[existing]
        if not replace:
            line = line_of(record.document, ("values", existing))
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
        rendered = render_fields(fields, record.path)
        new_text = edit_text(
            text,
            lambda node: set_fields(text, node, ("values", existing), rendered),
            record.path,
        )
        entry_data = expected["values"][existing]
        for name, data in fields:
            entry_data[name] = as_read(data)
    else:
        fields = [("period", the_period), ("value", value)]
        if code is not None:
            fields.append(("municipality", code))
        if the_series is not None:
            fields.append(("series", the_series))
        fields.extend(optional)
        rendered = render_fields(fields, record.path)
        index = insertion_index([v.period for v in indicator.values], the_period)
        new_text = edit_text(
            text,
            lambda node: insert_list_item(text, node, (), "values", rendered, index),
            record.path,
        )
        expected.setdefault("values", [])
        expected["values"].insert(index, {name: as_read(data) for name, data in fields})
    session.keep(record.path, new_text, expected, IndicatorFile)
    return RecordResult(
        path=record.path,
        indicator_id=indicator.id,
        period=the_period,
        municipality=code,
        series=the_series,
        value=value,
        replaced=replaced,
        kept=kept,
        written=False,
        diff=unified_diff(text, new_text, record.path),
        dated_today=dated_today,
    )
