"""An indicator's line in the report's indicator tables: latest value, comparison, municipalities.

Functions of the report's :class:`~hytecli.report.builder.Builder` used by
:func:`hytecli.report.indicators.indicator_section`. They pick values out of the values counted
(:func:`hytecli.judge.counted_values`, already applied to the repository the builder reads) and
word them; judging stays :mod:`hytecli.judge`'s (state, progress) and wording
:mod:`hytecli.wording`'s (the change from the base value to the latest).

* **Latest value:** the indicator's own (whole area) value of the latest period.
* **Comparison:** the reference series' value of the same period (the target's reference, else
  the whole country, ``national_average``, which ``hyte sotkanet import`` records); when the
  series has no value for that period, its latest value, with its own period.
* **Municipalities** (a "kuntakortti" view): each municipality's latest value.
* **How often:** one-off for a yes/no indicator whose deadline does not recur
  (``kertaluonteinen, määräaika 31.12.2024``), else its reporting period (``yearly``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hytecli.i18n import N_
from hytecli.judgement import Judgement
from hytecli.models import IndicatorFile
from hytecli.report.model_indicators import IndicatorSection, SotkanetCitation, ValueRow
from hytecli.sotkanet.series import COUNTRY_SERIES, is_sotkanet_source

if TYPE_CHECKING:
    from hytecli.report.builder import Builder

_PERIOD_KINDS = {
    "year": N_("yearly"),
    "half_year": N_("half-yearly"),
    "quarter": N_("quarterly"),
    "month": N_("monthly"),
}


def reference_series(indicator: IndicatorFile) -> str | None:
    """The series to compare with: the target's reference, else the whole country if recorded."""
    if indicator.target is not None and indicator.target.reference is not None:
        return indicator.target.reference
    if any(v.series == COUNTRY_SERIES for v in indicator.values):
        return COUNTRY_SERIES
    return None


def latest_and_reference(
    rows: Sequence[ValueRow], indicator: IndicatorFile
) -> tuple[ValueRow | None, ValueRow | None]:
    """The latest own value and the reference series' value to compare it with (or ``None``).

    ``rows`` are the indicator's value rows, oldest first.
    """
    own = [r for r in rows if r.municipality is None and r.series is None]
    latest = own[-1] if own else None
    series = reference_series(indicator)
    reference = [r for r in rows if series is not None and r.series == series]
    if not reference:
        return latest, None
    if latest is not None:
        same = [r for r in reference if r.period == latest.period]
        if same:
            return latest, same[-1]
    return latest, reference[-1]


def municipal_rows(rows: Sequence[ValueRow]) -> list[ValueRow]:
    """Each municipality's latest value (its row), in the order first recorded."""
    latest: dict[str, ValueRow] = {}
    for row in rows:  # oldest first: the last one of a municipality is its latest
        if row.municipality is not None and row.series is None:
            latest[row.municipality] = row
    return list(latest.values())


def frequency(b: Builder, indicator: IndicatorFile, item: Judgement | None) -> str:
    """How often the indicator is reported, in words (see the module's description)."""
    _ = b.loc.gettext
    deadline = item.deadline if item is not None else None
    recurring = deadline is not None and deadline.form == "annual"
    if indicator.kind == "yes_no" and not recurring:
        if deadline is not None and deadline.due is not None:
            return _("one-off, deadline %(date)s", date=b.loc.date(deadline.due))
        return _("one-off")
    return _(_PERIOD_KINDS[indicator.reporting_period.value])


def sotkanet_citations(sections: Sequence[IndicatorSection]) -> list[SotkanetCitation]:
    """The indicators whose counted values were retrieved from Sotkanet, for the sources."""
    cited = []
    for section in sections:
        source = section.data_source
        if source is None or source.sotkanet_id is None:
            continue
        days = {
            v.date.iso: v.date
            for v in section.values
            if v.date is not None and v.source is not None and is_sotkanet_source(v.source.text)
        }
        if days:
            retrieved = [days[k] for k in sorted(days)]
            cited.append(
                SotkanetCitation(
                    source.sotkanet_id, section.name, section.anchor, retrieved, section.goal
                )
            )
    return cited
