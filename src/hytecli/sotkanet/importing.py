"""Recording Sotkanet data rows as indicators' values: ``hyte sotkanet import`` (and ``fetch``).

Given data rows (:mod:`.data`) and the ``/regions`` list (:mod:`.regions`), for each indicator
of the plan whose ``data_source.sotkanet_id`` is the rows' indicator:

* rows of its gender (``sotkanet_gender``, default total) and of the plan period's years are
  used; its number is the row's primary value, or the absolute value with ``sotkanet_value:
  absolute``. A row without that number (THL suppresses small numbers) is not recorded and is
  listed as missing;
* the plan's area becomes the indicator's own value, the whole country the series
  :data:`~hytecli.sotkanet.series.COUNTRY_SERIES`, each municipality a value with
  ``municipality``; each new value gets ``date:`` (the retrieval day) and ``source: Sotkanet
  <id>`` (its provenance);
* a value already recorded with the same number is left alone (re-importing unchanged data
  changes no byte); a value imported before (``source: Sotkanet <id>``) whose number THL has
  revised gets the new number, the new retrieval date and a note of the old number; a value
  entered by hand (any other source) with a different number refuses the whole import unless
  ``replace`` is given (then it is replaced the same way, with a note).

All files are edited in memory with the same surgical editor as ``hyte record``
(:mod:`hytecli.editing` through :mod:`hytecli.recording.common`), each edited file is read back
and checked as ``hyte record`` checks its edit, and only then are the files written, each
atomically; if a later write fails, the files already written are put back. Anything refused
raises :class:`~hytecli.recording.common.Refused` or
:class:`~hytecli.sotkanet.regions.SotkanetError`, and nothing is written.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hytecli.editing import TextEdit, insert_list_item, set_fields, unified_diff
from hytecli.models import IndicatorFile, PlanFile
from hytecli.periods import Period, PeriodKind, today_in_zone
from hytecli.recording.common import (
    LOCK_TIMEOUT,
    FileChange,
    Refused,
    as_read,
    check_not_future,
    cross_check,
    edit_text,
    insertion_index,
    line_of,
    read_file,
    refuse_broken,
    render_fields,
    repository_lock,
    verify_edit,
    write_files,
)
from hytecli.repository import IndicatorRecord, PlanRepository, check_repository, load_repository
from hytecli.sotkanet.data import DataRow
from hytecli.sotkanet.regions import PlanRegions, Region, SotkanetError, resolve_regions
from hytecli.sotkanet.series import COUNTRY_SERIES, sotkanet_source

#: (period, municipality code, series): what identifies a recorded value.
Key = tuple[Period, str | None, str | None]
_Make = Callable[[Any], list[TextEdit]]

_REVISION_NOTE = {
    "fi": "THL on korjannut arvoa; aiempi arvo {old}{when}",
    "sv": "THL har reviderat värdet; tidigare värde {old}{when}",
    "en": "revised by THL; previous value {old}{when}",
}
_REPLACED_NOTE = {
    "fi": "korvattu Sotkanetin arvolla; aiempi arvo {old}{when}",
    "sv": "ersatt med värdet i Sotkanet; tidigare värde {old}{when}",
    "en": "replaced by Sotkanet's value; previous value {old}{when}",
}
_WHEN = {"fi": " (haettu {day})", "sv": " (hämtat {day})", "en": " (retrieved {day})"}


@dataclass
class IndicatorImport:
    """What an import did (or, for a dry run, would do) to one indicator's file.

    Attributes:
        path: The indicator file, relative to the repository root.
        indicator_id: The indicator's id.
        sotkanet_id: Its Sotkanet id.
        added: The values added (``2024``, ``2024 national_average``, ``2024 municipality 049``).
        revised: The values changed, ``2024: 41.2 → 41.5``.
        unchanged: How many values were already recorded as the data gives them.
        missing: Values the data has no number for (suppressed by THL).
        diff: Unified diff of the file's change (empty when unchanged).
    """

    path: str
    indicator_id: str
    sotkanet_id: int
    added: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    diff: str = ""

    def describe(self, written: bool) -> str:
        """One line: ``x (Sotkanet 1234): 12 added, 1 revised, 0 unchanged (indicators/x.yaml)``."""
        verb = "" if written else " (dry run, nothing written)"
        parts = [f"{len(self.added)} added", f"{len(self.revised)} revised"]
        parts.append(f"{self.unchanged} unchanged")
        if self.missing:
            parts.append(f"{len(self.missing)} without a value in the data")
        lines = [
            f"{self.indicator_id} (Sotkanet {self.sotkanet_id}): {', '.join(parts)} "
            f"({self.path}){verb}"
        ]
        lines += [f"  revised {item}" for item in self.revised]
        if self.missing:
            lines.append(f"  no value in the data: {', '.join(self.missing)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Wanted:
    value: int | float
    where: str


@dataclass(frozen=True)
class _Planned:
    result: IndicatorImport
    change: FileChange


def label(key: Key) -> str:
    """``2024``, ``2024 national_average`` or ``2024 municipality 049``."""
    period, municipality, series = key
    if municipality is not None:
        return f"{period} municipality {municipality}"
    return f"{period} {series}" if series is not None else str(period)


def _order(key: Key) -> tuple[Any, ...]:
    period, municipality, series = key
    return (period.start, municipality is not None, series is not None, municipality or "")


def _same_number(old: object, new: int | float) -> bool:
    return isinstance(old, int | float) and not isinstance(old, bool) and float(old) == new


def _fit(number: int | float, indicator: IndicatorFile, row: DataRow) -> int | float:
    """The number as the indicator's kind records it; SotkanetError when it does not fit."""
    where = f"{row.where} (year {row.year})"
    if indicator.kind == "count":
        if not float(number).is_integer() or number < 0:
            raise SotkanetError(
                f"{where}: {number} is not a whole number of 0 or more, but '{indicator.id}' is "
                "a count: use sotkanet_value: absolute for the count, or correct the kind"
            )
        return int(number)
    if number < 0 or (indicator.kind == "percentage" and number > 100):
        raise SotkanetError(
            f"{where}: {number} does not fit '{indicator.id}' (kind: {indicator.kind}): check "
            "sotkanet_value (primary or absolute) and the indicator's kind"
        )
    return number


def _wanted(
    record: IndicatorRecord, rows: Sequence[DataRow], places: PlanRegions, plan: PlanFile
) -> tuple[dict[Key, _Wanted], list[str]]:
    """The values the rows give for ``record``'s indicator, and those the data has no number for."""
    indicator = record.indicator
    source = indicator.data_source
    assert source is not None and source.sotkanet_id is not None
    if indicator.kind not in ("count", "percentage", "rate"):
        raise SotkanetError(
            f"{record.path}: '{indicator.id}' is a {indicator.kind} indicator, but Sotkanet "
            "gives numbers: only count, percentage and rate indicators can take its data"
        )
    if indicator.reporting_period is not PeriodKind.YEAR:
        raise SotkanetError(
            f"{record.path}: '{indicator.id}' is reported per {indicator.reporting_period.noun}, "
            "but Sotkanet's data is yearly: set reporting_period: year"
        )
    gender = source.sotkanet_gender or "total"
    absolute = source.sotkanet_value == "absolute"
    wanted: dict[Key, _Wanted] = {}
    missing: list[str] = []
    of_gender = [row for row in rows if row.gender == gender]
    if not of_gender:
        raise SotkanetError(
            f"the data of Sotkanet indicator {source.sotkanet_id} has no rows of gender "
            f"{gender} ('{indicator.id}' uses sotkanet_gender: {gender}): fetch it with "
            f"genders={gender}"
        )
    for row in of_gender:
        scope = places.scope_of(row.region)
        if scope is None:
            continue
        period = Period.parse(row.year)
        if period.end < plan.period.start or period.start > plan.period.end:
            continue  # values are recorded for the plan period (a baseline is set by hand)
        kind, code = scope
        key: Key = (period, code, COUNTRY_SERIES if kind == "country" else None)
        number = row.abs_value if absolute else row.value
        if number is None:
            missing.append(label(key))
            continue
        value = _fit(number, indicator, row)
        earlier = wanted.get(key)
        if earlier is not None and not _same_number(earlier.value, value):
            raise SotkanetError(
                f"{row.where}: a second value for {label(key)} ({value}; the first, "
                f"{earlier.value}, at {earlier.where}): give each indicator's data once"
            )
        wanted[key] = _Wanted(value, row.where)
    if not wanted and not missing:
        years = sorted({row.year for row in of_gender})
        raise SotkanetError(
            f"the data of Sotkanet indicator {source.sotkanet_id} has no values for this plan's "
            f"regions in the plan period {plan.period.start.year}–{plan.period.end.year} (years "
            f"in the data: {', '.join(map(str, years))}): fetch the plan period's years"
        )
    return wanted, sorted(missing)


def _setting(text: str, index: int, rendered: list[tuple[str, str]]) -> _Make:
    """Edits that set fields of the value at ``index``."""

    def make(node: Any) -> list[TextEdit]:
        return set_fields(text, node, ("values", index), rendered)

    return make


def _inserting(text: str, index: int, rendered: list[tuple[str, str]]) -> _Make:
    """Edits that insert a value at ``index`` of ``values``."""

    def make(node: Any) -> list[TextEdit]:
        return insert_list_item(text, node, (), "values", rendered, index)

    return make


def _plan_indicator(
    root: Path,
    repository: PlanRepository,
    record: IndicatorRecord,
    rows: Sequence[DataRow],
    places: PlanRegions,
    day: date,
    replace: bool,
    conflicts: list[str],
) -> _Planned:
    plan = repository.plan
    assert plan is not None
    indicator = record.indicator
    assert indicator.data_source is not None and indicator.data_source.sotkanet_id is not None
    sotkanet_id = indicator.data_source.sotkanet_id
    wanted, missing = _wanted(record, rows, places, plan)
    result = IndicatorImport(record.path, indicator.id, sotkanet_id, missing=missing)
    file = root / record.path
    bom, old_text = read_file(file)
    text = old_text
    expected = copy.deepcopy(record.document.data)
    keys: list[Key] = [(v.period, v.municipality, v.series) for v in indicator.values]
    source = sotkanet_source(sotkanet_id)
    notes = _REVISION_NOTE.get(plan.language, _REVISION_NOTE["en"])
    replaced_notes = _REPLACED_NOTE.get(plan.language, _REPLACED_NOTE["en"])
    for key in sorted(wanted, key=_order):
        new = wanted[key].value
        if key in keys:
            index = len(keys) - 1 - keys[::-1].index(key)
            old = indicator.values[index]
            if _same_number(old.value, new):
                result.unchanged += 1
                continue
            written = record.document.data["values"][index].get("source")
            by_hand = written != source  # as written in the file (a text, not a translation)
            if by_hand and not replace:
                conflicts.append(
                    f"{record.path}:{line_of(record.document, ('values', index))}: "
                    f"{indicator.id} {label(key)} is {old.value} (entered by hand), Sotkanet "
                    f"gives {new}"
                )
                continue
            when = _WHEN.get(plan.language, _WHEN["en"]).format(day=old.date) if old.date else ""
            note = (replaced_notes if by_hand else notes).format(old=old.value, when=when)
            fields: list[tuple[str, Any]] = [("value", new), ("date", day), ("note", note)]
            if by_hand:
                fields.append(("source", source))
            rendered = render_fields(fields, record.path)
            text = edit_text(text, _setting(text, index, rendered), record.path)
            for name, data in fields:
                expected["values"][index][name] = as_read(data)
            result.revised.append(f"{label(key)}: {old.value} → {new}")
        else:
            period, municipality, series = key
            fields = [("period", period), ("value", new)]
            if municipality is not None:
                fields.append(("municipality", municipality))
            if series is not None:
                fields.append(("series", series))
            fields += [("date", day), ("source", source)]
            rendered = render_fields(fields, record.path)
            at = insertion_index([k[0] for k in keys], period)
            text = edit_text(text, _inserting(text, at, rendered), record.path)
            if not isinstance(expected.get("values"), list):
                expected["values"] = []
            expected["values"].insert(at, {name: as_read(data) for name, data in fields})
            keys.insert(at, key)
            result.added.append(label(key))
    if text != old_text:
        document, model = verify_edit(text, expected, IndicatorFile, record.path, plan.language)
        cross_check(repository, record.path, document, model)
        result.diff = unified_diff(old_text, text, record.path)
    return _Planned(result, FileChange(file, bom, old_text, text))


def import_rows(
    root: Path,
    rows: Sequence[DataRow],
    regions: list[Region],
    *,
    now: datetime,
    retrieved: date | None = None,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float = LOCK_TIMEOUT,
) -> list[IndicatorImport]:
    """Record Sotkanet data rows in the plan's indicator files (see the module docstring).

    Args:
        root: The plan repository.
        rows: Data rows, of one or more Sotkanet indicators.
        regions: Sotkanet's ``/regions`` list.
        now: The current instant (aware); "today" is judged in the plan's time zone.
        retrieved: The day the data was retrieved from Sotkanet (default: today).
        replace: Replace values entered by hand that differ from the data.
        dry_run: Compute the changes (with their diffs) without writing.
        lock_timeout: Seconds to wait for another hyte command writing to the plan.

    Returns:
        One :class:`IndicatorImport` per indicator of the plan the rows are for.

    Raises:
        SotkanetError: the data or the regions do not fit the plan (nothing was written).
        Refused: the plan has errors, a value entered by hand differs (without ``replace``), or
            a file could not be edited or written (nothing was written).
    """
    root = check_repository(root)
    with repository_lock(root, lock_timeout):
        repository = load_repository(root)
        plan = refuse_broken(repository)
        today = today_in_zone(plan.time_zone, now)
        day = retrieved or today
        check_not_future(day, today, "the retrieval date")
        if not rows:
            raise SotkanetError("the data has no rows: nothing to import")
        places = resolve_regions(regions, plan)
        by_id: dict[int, list[DataRow]] = {}
        for row in rows:
            by_id.setdefault(row.indicator, []).append(row)
        planned: list[_Planned] = []
        conflicts: list[str] = []
        for sotkanet_id, its_rows in sorted(by_id.items()):
            records = [
                r
                for r in repository.indicators
                if r.indicator.data_source is not None
                and r.indicator.data_source.sotkanet_id == sotkanet_id
            ]
            if not records:
                raise SotkanetError(
                    f"the data is for Sotkanet indicator {sotkanet_id} ({its_rows[0].where}), "
                    "which no indicator of this plan names: add data_source: {sotkanet_id: "
                    f"{sotkanet_id}}} to the indicator it measures"
                )
            for record in records:
                planned.append(
                    _plan_indicator(
                        root, repository, record, its_rows, places, day, replace, conflicts
                    )
                )
        if conflicts:
            raise Refused(
                "values entered by hand differ from Sotkanet's, so nothing was written; check "
                "them, and give --replace to replace them with Sotkanet's (the old value is kept "
                "in a note):\n" + "\n".join(conflicts)
            )
        if not dry_run:
            write_files([item.change for item in planned])
        return [item.result for item in planned]
