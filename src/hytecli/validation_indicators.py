"""The indicator rules of ``hyte validate``: targets, baselines and recorded values.

I001 targets and baselines against the indicator's kind, I002-I006 recorded values (kind,
periods, dates, repetitions), R005 the municipalities values are recorded for.
"""

from __future__ import annotations

from collections.abc import Iterator

from hytecli.findings import Finding, Severity
from hytecli.periods import Period
from hytecli.plausibility import value_date_problem
from hytecli.repository import IndicatorRecord
from hytecli.sotkanet.series import COUNTRY_SERIES, allowed_series, has_sotkanet_source
from hytecli.validation_common import (
    WARNING,
    CheckContext,
    get_raw,
    kind_problem,
)
from hytecli.yaml_document import DataPath


class IndicatorChecks(CheckContext):
    """The rules about indicators' targets, baselines and recorded values."""

    # -- I001 ----------------------------------------------------------------------------------

    def targets_and_baselines(self) -> Iterator[Finding]:
        """I001: a target or baseline that does not fit the indicator's kind."""
        for record in self.repo.indicators:
            yield from self._target(record)
            yield from self._baseline(record)

    def _target(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        document = record.document
        target = ind.target
        if target is None:
            return
        numeric = ind.kind in ("count", "percentage", "rate")
        if target.value is not None:
            if ind.kind == "text" and not isinstance(target.value, str):
                problem: str | None = (
                    "a text indicator has no numeric target: write the target in words, or "
                    "change kind"
                )
            else:
                problem = kind_problem(ind.kind, target.value, "target value")
            if problem is not None:
                yield document.finding(("target", "value"), "I001", problem)
            if numeric and target.comparison is None:
                yield document.finding(
                    ("target",),
                    "I001",
                    f"the target {target.value!r} needs a comparison: add comparison: at_least, "
                    "at_most or equal (what counts as reaching it)",
                    prefer_key=True,
                )
        if target.reference is not None and not numeric:
            yield document.finding(
                ("target", "reference"),
                "I001",
                f"a {ind.kind} indicator cannot have a reference series as its target: only "
                "count, percentage and rate indicators can; write value: instead",
            )
        if target.comparison is not None and not numeric:
            yield document.finding(
                ("target", "comparison"),
                "I001",
                f"a {ind.kind} indicator's target has no comparison: remove comparison",
            )

    def _baseline(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        if ind.baseline is None:
            return
        if ind.kind == "text":
            yield record.document.finding(
                ("baseline",),
                "I001",
                "a text indicator has no numeric baseline: remove baseline (describe the "
                "starting point in notes), or change kind",
                prefer_key=True,
            )
            return
        raw = get_raw(record.document.data, "baseline", "value")  # the model reads it as a float
        problem = kind_problem(ind.kind, raw, "baseline value")
        if problem is not None:
            yield record.document.finding(("baseline", "value"), "I001", problem)

    # -- I002 - I006, R005 ---------------------------------------------------------------------

    def values(self) -> Iterator[Finding]:
        """I002-I006 and R005: the recorded values of each indicator."""
        for record in self.repo.indicators:
            yield from self._values(record)

    def _values(self, record: IndicatorRecord) -> Iterator[Finding]:
        ind = record.indicator
        document = record.document
        plan = self.plan
        municipalities = {m.code: self.text(m.name) for m in plan.municipalities} if plan else {}
        reference = ind.target.reference if ind.target is not None else None
        seen: dict[tuple[Period, str | None, str | None], int] = {}
        for i, entry in enumerate(ind.values):
            base: DataPath = ("values", i)
            period = entry.period
            if period.kind is not ind.reporting_period:
                yield document.finding(
                    (*base, "period"),
                    "I002",
                    f"period {period} is a {period.kind.noun} but this indicator is "
                    f"reported per {ind.reporting_period.noun} "
                    f"(reporting_period: {ind.reporting_period}): write the period like "
                    f"{ind.reporting_period.examples(period.year)}, or change reporting_period",
                )
            key = (period, entry.municipality, entry.series)
            if key in seen:
                first_line = document.locate(("values", seen[key]))[0]
                this_line = document.locate(base)[0]
                extra = "".join(
                    f", {name} {value}"
                    for name, value in zip(("municipality", "series"), key[1:], strict=True)
                    if value is not None
                )
                yield document.finding(
                    (*base, "period"),
                    "I003",
                    f"the value for period {period}{extra} is recorded twice: first on line "
                    f"{first_line}, again on line {this_line}; keep one of them (or correct the "
                    "period)",
                )
            else:
                seen[key] = i
            problem = kind_problem(ind.kind, entry.value, "value")
            if problem is not None:
                yield document.finding((*base, "value"), "I004", problem)
            dated = value_date_problem(entry.date, period, plan) if entry.date else None
            if dated is not None:
                code, text = dated
                assert entry.date is not None
                yield document.finding(
                    (*base, "date"),
                    code,
                    f"the date {entry.date.isoformat()} of the value for {period} {text}: "
                    + (
                        "a value is achieved or recorded once its period has begun; correct "
                        "the date or the period"
                        if code == "I007"
                        else "check the date; if the value really is from then, keep it"
                    ),
                    Severity.ERROR if code == "I007" else WARNING,
                )
            if plan is not None and (
                period.end < plan.period.start or period.start > plan.period.end
            ):
                yield document.finding(
                    (*base, "period"),
                    "I005",
                    f"period {period} is outside the plan period ({plan.period.start.isoformat()}"
                    f" – {plan.period.end.isoformat()}): check the period",
                    WARNING,
                )
            if entry.series is not None and entry.series not in allowed_series(ind):
                has = (
                    f"its target's reference series is '{reference}'"
                    if reference is not None
                    else "its target has no reference series"
                )
                if not has_sotkanet_source(ind) and reference != COUNTRY_SERIES:
                    has += (
                        f"; '{COUNTRY_SERIES}' is allowed when data_source names its Sotkanet "
                        "indicator"
                    )
                yield document.finding(
                    (*base, "series"),
                    "I006",
                    f"series '{entry.series}' is not this indicator's reference series ({has}): "
                    "correct the series, or remove it if this is the indicator's own value",
                )
            if municipalities and entry.municipality not in (None, *municipalities):
                listed = ", ".join(f"{code} {name}" for code, name in municipalities.items())
                yield document.finding(
                    (*base, "municipality"),
                    "R005",
                    f"municipality code '{entry.municipality}' is not one of the plan's "
                    f"municipalities ({listed}): correct the code, or add the municipality "
                    "to plan/plan.yaml",
                )
