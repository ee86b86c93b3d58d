"""The report's indicator sections: target, baseline, sources, recorded values and progress.

Part of the template context (:mod:`hytecli.report.model`); filled by
:mod:`hytecli.report.indicators` and documented for template authors in ``docs/report.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hytecli.report.charts import Chart
from hytecli.report.model_values import DeadlineInfo, ItemLink, Label, LocalDate, StateInfo
from hytecli.report.texts import PlanText


@dataclass(frozen=True)
class TargetView:
    """An indicator's target.

    Attributes:
        comparison: ``at least``, ``at most``, ``exactly`` (translated), or ``None``.
        value: The target value formatted (``10 sopimusta``, ``70 %``, ``yes``), or ``None``
            for a reference target.
        reference: For a target that is a reference series: its label in the plan
            (``maan keskiarvo``), else ``None``.
        wording: The plan's own words for the target, if recorded.
        deadline: When the target should be reached, or ``None``.
        summary: The whole target in words (``at least 10 sopimusta``), for charts and tables.
    """

    comparison: str | None
    value: str | None
    reference: PlanText | None
    wording: PlanText | None
    deadline: DeadlineInfo | None
    summary: str


@dataclass(frozen=True)
class Baseline:
    """An indicator's baseline (lähtötaso)."""

    period: str
    value: str
    source: PlanText | None
    note: PlanText | None


@dataclass(frozen=True)
class DataSource:
    """Where an indicator's values come from."""

    description: PlanText | None
    sotkanet_id: int | None
    url: str | None


@dataclass(frozen=True)
class ValueRow:
    """One recorded value of an indicator.

    Attributes:
        indicator_id, indicator_anchor, indicator_name: The indicator it belongs to.
        indicator_goal: The goal that tells that indicator apart from others of the same name
            (:attr:`IndicatorSection.goal`), else ``None``.
        period: The period as written (``2024``, ``2024-H1``).
        scope: Whose value: the whole area, a municipality (its name), or a reference series.
        value: The value formatted for the report's locale, with its unit.
        date: The day the value was recorded or published, if given.
        note: Its note, if any.
        source: Its source, if any.
        series: The reference series it belongs to (``national_average``), or ``None``.
        municipality: The municipality's code for a municipality's value, or ``None``.
    """

    indicator_id: str
    indicator_anchor: str
    indicator_name: PlanText
    period: str
    scope: PlanText
    value: PlanText
    date: LocalDate | None
    note: PlanText | None
    source: PlanText | None
    series: str | None = None
    municipality: str | None = None
    indicator_goal: ItemLink | None = None


@dataclass(frozen=True)
class ChartTableRow:
    """One series of a chart's data table: its name and a value per period (empty: none)."""

    label: str
    values: list[str]


@dataclass(frozen=True)
class ChartTable:
    """The data of an indicator's chart as a table: the periods, one row per series, the target.

    ``target`` is the target in words (``at least 50 %``, ``at least the national average``),
    or ``None``.
    """

    periods: list[str]
    rows: list[ChartTableRow]
    target: str | None = None


@dataclass(frozen=True)
class ProgressInfo:
    """An indicator's progress towards its target (see ``hytecli.progress``).

    Attributes:
        label: The status (``key`` one of target_achieved, on_track, progress_too_slow,
            deterioration, not_achieved, not_enough_data, no_target_or_direction,
            not_assessed).
        available: False when the report was built without assessing progress
            (``build_context(assess=None)``, a library option; ``hyte report`` always assesses).
        details: The numbers behind the status, as ``(label, value)`` pairs in words.
    """

    label: Label
    available: bool
    details: list[tuple[str, str]]

    @property
    def key(self) -> str:
        """The status's key."""
        return self.label.key


@dataclass(frozen=True)
class IndicatorSection:
    """An indicator (mittari), shown in full under the first goal that uses it.

    Attributes:
        id, anchor: Its id and its element id in the HTML report.
        name: The plan's name for it.
        wording: The plan's whole wording when ``name`` is shortened, else ``None``.
        kind: ``yes_no``, ``count``, ``percentage``, ``rate`` or ``text``; ``kind_label`` in words.
        unit: Its unit, if written.
        direction: Which way is better, in words, or ``None``.
        reporting_period: How often it is reported, in words: ``yearly``..., or for a yes/no
            indicator whose deadline does not recur ``one-off, deadline 31.12.2024``.
        target: Its target, or ``None`` when the plan sets none.
        baseline: Its baseline, or ``None``.
        data_source: Where its values come from, or ``None``.
        values: Every value recorded so far (see the module's description), oldest first.
        state: Its state on the report's day (by its target's deadline).
        deadline: That deadline, or ``None``.
        progress: Its progress status.
        chart: Its trend chart, drawn when it has at least two numeric values of its own (the
            baseline counts as one), or ``None``.
        chart_table: The chart's data as a table (periods × series), or ``None``.
        trend: A one-line text chart of its own numeric values (``▁▄█``), or empty.
        used_by: The goals and actions that list it.
        notes: Notes in the plan file, if any.
        latest: Its latest own value (whole area), or ``None``.
        reference: The reference series' value to compare ``latest`` with (the target's
            reference, else the whole country): the same period's, else the series' latest;
            ``None`` without such a series.
        change: From the base value to the latest in words (``40 % (2023) → 45 % (2025)``),
            the values its progress compares; empty without them.
        municipal: Each municipality's latest value (a "kuntakortti" view); empty without.
        goal: The goal it serves (its first user's), shown beside its name wherever it is
            listed, when another indicator of the plan has the same name (plans name many
            yes/no indicators "Toteutui/ei toteutunut"); ``None`` when its name is its own or
            no goal or action uses it (see :meth:`hytecli.report.builder.Builder.
            identifying_goal`).
    """

    id: str
    anchor: str
    name: PlanText
    wording: PlanText | None
    kind: str
    kind_label: str
    unit: PlanText | None
    direction: str | None
    reporting_period: str
    target: TargetView | None
    baseline: Baseline | None
    data_source: DataSource | None
    values: list[ValueRow]
    state: StateInfo
    deadline: DeadlineInfo | None
    progress: ProgressInfo
    chart: Chart | None
    trend: str
    used_by: list[ItemLink]
    notes: PlanText | None
    latest: ValueRow | None = None
    reference: ValueRow | None = None
    change: str = ""
    municipal: list[ValueRow] = field(default_factory=list)
    chart_table: ChartTable | None = None
    goal: ItemLink | None = None


@dataclass(frozen=True)
class SotkanetCitation:
    """An indicator whose values come from THL's Sotkanet, for the report's sources.

    Attributes:
        sotkanet_id: The Sotkanet indicator's id.
        indicator: The plan's name of the indicator.
        anchor: The indicator's element id in the HTML report.
        retrieved: The days its values counted were retrieved, oldest first.
        goal: The goal that tells the indicator apart (:attr:`IndicatorSection.goal`), or
            ``None``.
    """

    sotkanet_id: int
    indicator: PlanText
    anchor: str
    retrieved: list[LocalDate]
    goal: ItemLink | None = None
