"""The annual report's indicator sections: values, target, progress and the trend chart.

Functions of the report's :class:`~hytecli.report.builder.Builder`, which holds the report's
language, the judgement and the anchors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hytecli.i18n import N_
from hytecli.judgement import DeadlineStatus, Judgement
from hytecli.model_types import Text
from hytecli.models import IndicatorFile, IndicatorValue
from hytecli.progress_model import ProgressAssessment
from hytecli.report.charts import PALETTE, Chart, LineSeries, trend_chart
from hytecli.report.indicator_rows import (
    frequency,
    latest_and_reference,
    municipal_rows,
    reference_series,
)
from hytecli.report.model_indicators import (
    Baseline,
    ChartTable,
    ChartTableRow,
    DataSource,
    IndicatorSection,
    ProgressInfo,
    TargetView,
    ValueRow,
)
from hytecli.report.model_values import ItemLink
from hytecli.report.texts import PlanText
from hytecli.repository import IndicatorRecord
from hytecli.sotkanet.series import COUNTRY_SERIES, is_sotkanet_source

if TYPE_CHECKING:
    from hytecli.report.builder import Builder

_INDICATOR_KINDS = {
    "yes_no": N_("yes/no"),
    "count": N_("count"),
    "percentage": N_("percentage"),
    "rate": N_("rate"),
    "text": N_("text"),
}
_DIRECTIONS = {
    "increase": N_("higher is better"),
    "decrease": N_("lower is better"),
    "none": N_("no preferred direction"),
}
_COMPARISONS = {
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "equal": N_("exactly"),
}
_SPARKS = "▁▂▃▄▅▆▇█"
_NUMERIC_KINDS = ("count", "percentage", "rate")


# --- values ---------------------------------------------------------------------------------------


def value_text(b: Builder, indicator: IndicatorFile, value: bool | int | float | str) -> PlanText:
    """A value of ``indicator`` in the report's words: yes/no, a percentage, a number with unit."""
    _ = b.loc.gettext
    if isinstance(value, bool):
        return b.neutral(_("yes") if value else _("no"))
    if isinstance(value, str):
        return b.in_plan_language(value)
    unit = b.t_req(indicator.unit).text if indicator.unit is not None else ""
    return b.neutral(b.words.amount(indicator.kind, value, unit, indicator.per))


def _scope(b: Builder, indicator: IndicatorFile, value: IndicatorValue) -> PlanText:
    if value.municipality is not None:
        name = b.municipalities.get(value.municipality)
        if name is not None:
            return b.t_req(name)
        return b.neutral(b.loc.gettext("municipality %(code)s", code=value.municipality))
    if value.series is not None:
        target = indicator.target
        if target is not None and target.reference == value.series and target.label:
            return b.t_req(target.label)
        if value.series == COUNTRY_SERIES:
            return b.neutral(b.loc.gettext("whole country"))
        return b.neutral(value.series)
    return b.neutral(b.loc.gettext("whole area"))


def _value_rows(
    b: Builder, indicator: IndicatorFile, anchor: str, name: PlanText, goal: ItemLink | None
) -> list[ValueRow]:
    ordered = sorted(
        indicator.values,
        key=lambda v: (v.period.start, v.period.end, v.series or "", v.municipality or ""),
    )
    return [
        ValueRow(
            indicator_id=indicator.id,
            indicator_anchor=anchor,
            indicator_name=name,
            period=str(v.period),
            scope=_scope(b, indicator, v),
            value=value_text(b, indicator, v.value),
            date=b.day(v.date) if v.date is not None else None,
            note=b.t(v.note),
            source=_source(b, v.source),
            series=v.series,
            municipality=v.municipality,
            indicator_goal=goal,
        )
        for v in ordered
    ]


def _source(b: Builder, source: Text | None) -> PlanText | None:
    """A value's source: Sotkanet's provenance (``Sotkanet 289``) is in no language."""
    if source is not None and len(source.values) == 1:
        (only,) = source.values.values()
        if is_sotkanet_source(only):
            return b.neutral(only)
    return b.t(source)


# --- indicators -----------------------------------------------------------------------------------


def _target(b: Builder, indicator: IndicatorFile) -> TargetView | None:
    target = indicator.target
    if target is None:
        return None
    comparison = b.loc.gettext(_COMPARISONS[target.comparison]) if target.comparison else None
    value = None
    reference = None
    if target.reference is not None:
        reference = b.t(target.label) if target.label else b.neutral(target.reference)
        body = str(reference)
    else:
        assert target.value is not None
        value = value_text(b, indicator, target.value).text
        body = value
    summary = f"{comparison} {body}" if comparison else body
    return TargetView(
        comparison=comparison,
        value=value,
        reference=reference,
        wording=b.t(target.wording),
        deadline=b.deadline(_target_deadline(b, indicator)),
        summary=summary,
    )


def _target_deadline(b: Builder, indicator: IndicatorFile) -> DeadlineStatus | None:
    """The target's own deadline as status judged it (an inherited one is not the target's)."""
    item = b.items.get(("indicator", indicator.id))
    if item is None or item.deadline is None or item.deadline.inherited_from is not None:
        return None
    return item.deadline


def _progress(b: Builder, indicator: IndicatorFile) -> ProgressInfo:
    item = b.items.get(("indicator", indicator.id))
    info = item.indicator if item is not None else None
    if info is None:
        return ProgressInfo(b.progress_label("not_assessed"), False, [])
    numeric = info.numeric_progress
    details = _progress_details(b, numeric, indicator) if numeric is not None else []
    # A text indicator has no progress to assess: its status says "not assessed", which is the
    # whole truth (not a limit of this version).
    return ProgressInfo(b.progress_label(info.progress_key), True, details)


def _progress_details(
    b: Builder, assessment: ProgressAssessment, indicator: IndicatorFile
) -> list[tuple[str, str]]:
    """The numbers behind a progress status, in words (those the assessment has)."""
    _ = b.loc.gettext
    details: list[tuple[str, str]] = []

    def shown(value: float) -> str:
        return value_text(b, indicator, round(value, 6)).text

    # With one value only, the base value is the latest value: said once, as the latest.
    only_one = (assessment.base_period, assessment.base_value) == (
        assessment.latest_period,
        assessment.latest_value,
    )
    for label, period, value in (
        (N_("base value"), assessment.base_period, assessment.base_value),
        (N_("latest value"), assessment.latest_period, assessment.latest_value),
    ):
        if value is not None and not (only_one and label == "base value"):
            details.append(
                (_(label), f"{shown(value)} ({period})" if period is not None else shown(value))
            )
    if assessment.target_value is not None and assessment.target_reference:
        details.append((_("reference value"), shown(assessment.target_value)))
    # Compound yearly growth is relative (a share of the value), never percentage points:
    # from 40 % to 45.5 % in a year is +13.75 %.
    for label, rate in (
        (N_("observed relative change per year"), assessment.observed_cagr),
        (N_("relative change per year needed for the target"), assessment.required_cagr),
    ):
        if rate is not None:
            details.append((_(label), b.loc.fraction_percent(rate, signed=True)))
    if assessment.ratio is not None:
        details.append((_("observed / needed"), b.loc.number(round(assessment.ratio, 2))))
    return details


def indicator_section(
    b: Builder, record: IndicatorRecord, users: list[ItemLink]
) -> IndicatorSection:
    """An indicator's section: its definition, values, target, state, progress and trend."""
    indicator = record.indicator
    loc = b.loc
    anchor = b.item_anchors[("indicator", indicator.id)]
    name = b.t_req(indicator.name)
    item = b.items.get(("indicator", indicator.id))
    goal = b.identifying_goal(indicator.id)
    values = _value_rows(b, indicator, anchor, name, goal)
    baseline = None
    if indicator.baseline is not None:
        base = indicator.baseline
        baseline = Baseline(
            str(base.period),
            value_text(b, indicator, base.value).text,
            b.t(base.source),
            b.t(base.note),
        )
    data_source = None
    if indicator.data_source is not None:
        d = indicator.data_source
        data_source = DataSource(b.t(d.description), d.sotkanet_id, d.url)
    target = _target(b, indicator)
    chart, chart_table, trend = _trend(b, indicator, anchor, _told_apart(name, goal), target)
    latest, reference = latest_and_reference(values, indicator)
    return IndicatorSection(
        id=indicator.id,
        anchor=anchor,
        name=name,
        wording=b.t(indicator.wording),
        kind=indicator.kind,
        kind_label=loc.gettext(_INDICATOR_KINDS[indicator.kind]),
        unit=b.t(indicator.unit),
        direction=(loc.gettext(_DIRECTIONS[indicator.direction]) if indicator.direction else None),
        reporting_period=frequency(b, indicator, item),
        target=target,
        baseline=baseline,
        data_source=data_source,
        values=values,
        state=b.state(item),
        deadline=b.deadline(item.deadline if item is not None else None),
        progress=_progress(b, indicator),
        chart=chart,
        trend=trend,
        used_by=users,
        notes=b.t(indicator.notes),
        latest=latest,
        reference=reference,
        change=_change(b, item),
        municipal=municipal_rows(values),
        chart_table=chart_table,
        goal=goal,
    )


def _change(b: Builder, item: Judgement | None) -> str:
    """The values progress compared, in words; empty when there is only one value to compare."""
    info = item.indicator if item is not None else None
    progress = info.numeric_progress if info is not None else None
    if info is None or progress is None or progress.base_period == progress.latest_period:
        return ""
    return b.words.change(info)


def _numeric(v: IndicatorValue) -> bool:
    return isinstance(v.value, int | float) and not isinstance(v.value, bool)


def _told_apart(name: PlanText, goal: ItemLink | None) -> str:
    """An indicator's name with the goal that tells it apart, as the tables show it."""
    if goal is None:
        return name.text
    return f"{name.text} ({goal.kind_label}: {goal.title.text if goal.title else goal.id})"


def _trend(
    b: Builder, indicator: IndicatorFile, anchor: str, name: str, target: TargetView | None
) -> tuple[Chart | None, ChartTable | None, str]:
    """The trend chart, its data as a table, and the Markdown sparkline.

    ``name`` is the indicator's name as the chart's title and description say it.

    A chart only where the indicator has at least two numeric values of its own (its baseline
    counts as one): a single point shows no trend. Counts, percentages and rates are drawn from
    zero. The target and the reference series (the target's, else the whole country) are drawn
    and named in the legend, and listed in the table.
    """
    if indicator.kind not in _NUMERIC_KINDS:
        return None, None, ""
    _ = b.loc.gettext
    own = [v for v in indicator.values if v.municipality is None and v.series is None]
    own = [v for v in own if _numeric(v)]
    reference_id = reference_series(indicator)
    reference = [
        v
        for v in indicator.values
        if reference_id is not None
        and v.series == reference_id
        and v.municipality is None
        and _numeric(v)
    ]
    baseline = indicator.baseline
    base_periods = {baseline.period} if baseline is not None else set()
    own_periods = {v.period for v in own}
    spark = _sparkline([float(v.value) for v in sorted(own, key=lambda v: v.period.start)])
    if len(own_periods | base_periods) < 2:
        return None, None, spark
    periods = sorted(own_periods | base_periods | {v.period for v in reference})
    labels = [str(p) for p in periods]

    def series(values: Sequence[IndicatorValue]) -> list[float | None]:
        by_period = {v.period: float(v.value) for v in values}  # the last one of a period
        return [by_period.get(p) for p in periods]

    def shown(values: Sequence[float | None]) -> list[str]:
        return ["" if v is None else value_text(b, indicator, v).text for v in values]

    own_series = series(own)
    own_label = _("recorded value")
    lines = [LineSeries(own_label, own_series, PALETTE["blue"], "o")]
    rows = [ChartTableRow(own_label, shown(own_series))]
    described = [f"{p} {v}" for p, v in zip(labels, shown(own_series), strict=True) if v]
    description = _(
        "Line chart of the values of the indicator %(name)s by period: %(values)s.",
        name=name,
        values="; ".join(described) or "–",
    )
    if baseline is not None:
        base_series = [float(baseline.value) if p == baseline.period else None for p in periods]
        lines.insert(0, LineSeries(_("baseline"), base_series, PALETTE["black"], "D", "none"))
        rows.insert(0, ChartTableRow(_("baseline"), shown(base_series)))
        description += " " + _(
            "Baseline %(period)s: %(value)s.",
            period=str(baseline.period),
            value=value_text(b, indicator, baseline.value).text,
        )
    if reference:
        label = _series_label(b, indicator, reference_id, target)
        ref_series = series(reference)
        lines.append(LineSeries(label, ref_series, PALETTE["vermillion"], "s", "--"))
        rows.append(ChartTableRow(label, shown(ref_series)))
        ref_described = [f"{p} {v}" for p, v in zip(labels, shown(ref_series), strict=True) if v]
        description += " " + _(
            "Reference %(label)s: %(values)s.", label=label, values="; ".join(ref_described)
        )
    target_line = None
    target_text = target.summary if target is not None else None
    goal = indicator.target.value if indicator.target is not None else None
    if isinstance(goal, int | float) and not isinstance(goal, bool) and target is not None:
        target_line = (float(goal), _("target: %(target)s", target=target.summary))
        description += " " + _("The dashed line is the target, %(target)s.", target=target.summary)
    drawn = [v for line in lines for v in line.values if v is not None]
    if min([*drawn, *([target_line[0]] if target_line else [])]) >= 0:
        description += " " + _("The value axis starts at zero.")
    unit = (
        "%"
        if indicator.kind == "percentage"
        else b.t_req(indicator.unit).text
        if indicator.unit is not None
        else _("value")
    )
    if not b.draw_charts:
        return None, ChartTable(labels, rows, target_text), spark
    chart = trend_chart(
        f"chart-{anchor}",
        _("Trend: %(name)s", name=name),
        description,
        labels,
        lines,
        target_line,
        unit,
        b.number,
    )
    return chart, ChartTable(labels, rows, target_text), spark


def _series_label(
    b: Builder, indicator: IndicatorFile, series: str | None, target: TargetView | None
) -> str:
    """A reference series' name: the target's label for it, ``whole country``, or its id."""
    if (
        target is not None
        and target.reference is not None
        and indicator.target is not None
        and indicator.target.reference == series
    ):
        return target.reference.text
    if series == COUNTRY_SERIES:
        return b.loc.gettext("whole country")
    return str(series)


def _sparkline(values: Sequence[float]) -> str:
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
