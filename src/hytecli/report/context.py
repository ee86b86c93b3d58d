"""Building the annual report's data: plain values that templates show, nothing that renders.

:func:`build_context` reads a loaded plan, takes its judgement for the reporting year from
:func:`hytecli.status.compute_status` on the report's day (``as_of``), and returns a
:class:`ReportContext`: every text already in the report's language (:class:`PlanText` for the
plan's own words, plain ``str`` for labels), every date and number already formatted for the
report's locale, and the charts drawn. Templates only arrange it. ``docs/report.md`` documents
each field for template authors.

Which values a report counts, and how each item is judged, is the judgement's
(:mod:`hytecli.judge`): a value counts when its period starts no later than the end of the
reporting year and it was known on the report's day, so a report can be made again, identically,
later with ``--as-of``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hytecli.i18n import LANGUAGES, N_, Localizer
from hytecli.judge import Clock, counted_values
from hytecli.judgement import STATES, DeadlineStatus, Judgement, State
from hytecli.labels import PROGRESS_LABELS, PROGRESS_SYMBOLS, STATE_LABELS, STATE_SYMBOLS
from hytecli.models import IndicatorFile, IndicatorValue, PlanFile, Text
from hytecli.periods import today_in_zone
from hytecli.progress import ProgressAssessment
from hytecli.report.charts import (
    PALETTE,
    BarSeries,
    Chart,
    LineSeries,
    stacked_bar_chart,
    trend_chart,
)
from hytecli.report.model import (
    ActionRow,
    AreaSection,
    Baseline,
    Completion,
    Count,
    DataSource,
    DeadlineInfo,
    Fallback,
    Footnote,
    GoalSection,
    IndicatorSection,
    ItemLink,
    Label,
    LegalReference,
    LocalDate,
    OverdueEntry,
    PlanInfo,
    ProgressInfo,
    ReportContext,
    SourceEntry,
    StateInfo,
    Summary,
    SummaryRow,
    TargetView,
    ValueRow,
)
from hytecli.report.revision import Revision, detect_revision
from hytecli.report.texts import PlanText, plan_text
from hytecli.repository import AreaRecord, IndicatorRecord, PlanRepository
from hytecli.resolved import ResolvedPlan, resolve_plan
from hytecli.status import AreaSummary, StatusQuery, StatusReport, compute_status
from hytecli.wording import Wording

#: An indicator's progress statuses, in the order they are shown. The first four,
#: ``not_enough_data`` and ``no_target_or_direction`` are
#: :class:`hytecli.progress.ProgressStatus` (count, percentage and rate indicators);
#: ``not_achieved`` is a yes/no indicator whose latest answer is not the target's;
#: ``not_assessed`` is a text indicator, which has no progress to measure.
PROGRESS_STATUSES: tuple[str, ...] = (
    "target_achieved",
    "on_track",
    "progress_too_slow",
    "deterioration",
    "not_achieved",
    "not_enough_data",
    "no_target_or_direction",
    "not_assessed",
)
# The names (msgids, translated here) and symbols of states and progress statuses are
# hytecli.labels', shared with hyte status.
_STATE_LABELS = STATE_LABELS
_STATE_SYMBOLS = STATE_SYMBOLS
_STATE_LOOK = {  # chart colour and hatch: never colour alone
    State.DONE: (PALETTE["green"], ""),
    State.DONE_LATE: (PALETTE["green"], ".."),
    State.NOT_ACHIEVED: (PALETTE["purple"], "\\\\"),
    State.OVERDUE: (PALETTE["vermillion"], "xx"),
    State.DUE_SOON: (PALETTE["orange"], "--"),
    State.OPEN: (PALETTE["sky"], "//"),
    State.NO_DEADLINE: ("#FFFFFF", ""),
    State.MONITORED: (PALETTE["grey"], ""),
}
_PROGRESS_LABELS = PROGRESS_LABELS
_PROGRESS_SYMBOLS = PROGRESS_SYMBOLS
_PROGRESS_LOOK = {
    "target_achieved": (PALETTE["green"], ""),
    "on_track": (PALETTE["sky"], "//"),
    "progress_too_slow": (PALETTE["orange"], "--"),
    "deterioration": (PALETTE["vermillion"], "xx"),
    "not_achieved": (PALETTE["purple"], "\\\\"),
    "not_enough_data": ("#FFFFFF", ""),
    "no_target_or_direction": ("#FFFFFF", ".."),
    "not_assessed": (PALETTE["grey"], ""),
}
_KIND_LABELS = {
    "goal": N_("goal"),
    "action": N_("action"),
    "indicator": N_("indicator"),
}
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
_PERIOD_KINDS = {
    "year": N_("yearly"),
    "half_year": N_("half-yearly"),
    "quarter": N_("quarterly"),
    "month": N_("monthly"),
}
_COMPARISONS = {
    "at_least": N_("at least"),
    "at_most": N_("at most"),
    "equal": N_("exactly"),
}
_SPARKS = "▁▂▃▄▅▆▇█"
#: Above this many priority areas the summary has its tables only: a bar chart of hundreds of
#: areas says nothing that the table does not say better.
MAX_CHART_AREAS = 40
_NUMERIC_KINDS = ("count", "percentage", "rate")


class ReportRequestError(ValueError):
    """The report cannot be made as asked (a year outside the plan, an unknown language)."""


@dataclass(frozen=True)
class ReportOptions:
    """What ``hyte report`` is asked.

    Attributes:
        year: The reporting year (within the plan period).
        language: ``fi``, ``sv`` or ``en``; ``None`` for the plan's main language (English if the
            plan's language has no catalogue).
        as_of: The day the year is judged on: what was recorded up to it counts, and deadlines
            up to it have passed. ``None`` for today in the plan's time zone.
        due_within: "Due soon" means due within this many days of ``as_of``.
    """

    year: int
    language: str | None = None
    as_of: date | None = None
    due_within: int = 60


# --- building -------------------------------------------------------------------------------------


def default_language(plan: PlanFile) -> str:
    """The plan's main language when the report has a catalogue for it, else English."""
    return plan.language if plan.language in LANGUAGES else "en"


class _Anchors:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, kind: str, ident: str) -> str:
        base = f"{kind}-{ident}"
        anchor, n = base, 1
        while anchor in self.used:
            n += 1
            anchor = f"{base}-{n}"
        self.used.add(anchor)
        return anchor


def _restrict(repository: PlanRepository, clock: Clock) -> PlanRepository:
    """A copy of ``repository`` whose indicators hold only the values the report counts.

    The rule is the judgement's (:func:`hytecli.judge.counted_values`).
    """
    indicators = [
        dataclasses.replace(
            record,
            indicator=record.indicator.model_copy(
                update={"values": counted_values(record.indicator, clock)}
            ),
        )
        for record in repository.indicators
    ]
    return dataclasses.replace(repository, indicators=indicators)


class _Builder:
    def __init__(
        self,
        repository: PlanRepository,
        plan: PlanFile,
        status: StatusReport,
        loc: Localizer,
        year: int,
        as_of: date,
        draw_charts: bool,
    ) -> None:
        self.repository = repository
        self.plan = plan
        self.status = status
        self.loc = loc
        self.lang = loc.language
        self.year = year
        self.as_of = as_of
        self.words = Wording(loc, plan.language)
        self.draw_charts = draw_charts
        self.anchors = _Anchors()
        self.markers = {code: code for code in self._languages()}
        self.fallback_languages: set[str] = set()
        self.items: dict[tuple[str, str], Judgement] = {}
        for item in status.items:
            self.items.setdefault((item.kind, item.id), item)
        self.item_anchors: dict[tuple[str, str], str] = {}
        self.indicator_sections: dict[str, IndicatorSection] = {}
        self.indicator_area: dict[str, str | None] = {}
        self.source_anchors: dict[str, str] = {}
        self.municipalities = {m.code: m.name for m in plan.municipalities}
        self._progress_by_area: dict[str | None, list[str]] | None = None
        self.records: dict[str, IndicatorRecord] = {}
        for indicator_record in repository.indicators:  # the first of a duplicated id, as
            self.records.setdefault(indicator_record.indicator.id, indicator_record)  # elsewhere

    def _languages(self) -> set[str]:
        found = {"fi", "sv", "en", self.plan.language, *self.plan.languages}
        return found

    # -- small pieces -----------------------------------------------------------------------------

    def t(self, text: Text | None) -> PlanText | None:
        if text is not None:
            for code in text.values:
                self.markers.setdefault(code, code)
        result = plan_text(text, self.lang, self.markers, fallback=self.plan.language)
        if result is not None and result.fallback and result.lang is not None:
            self.fallback_languages.add(result.lang)
        return result

    def t_req(self, text: Text) -> PlanText:
        result = self.t(text)
        assert result is not None
        return result

    def neutral(self, text: str) -> PlanText:
        return PlanText(text, None, False, "", self.lang)

    def in_plan_language(self, text: str) -> PlanText:
        return self.t_req(Text({self.plan.language: text}))

    def day(self, value: date) -> LocalDate:
        return LocalDate(value.isoformat(), self.loc.date(value))

    def state_label(self, state: State) -> Label:
        return Label(state.value, self.loc.gettext(_STATE_LABELS[state]), _STATE_SYMBOLS[state])

    def progress_label(self, key: str) -> Label:
        return Label(key, self.loc.gettext(_PROGRESS_LABELS[key]), _PROGRESS_SYMBOLS[key])

    def kind_label(self, kind: str) -> str:
        return self.loc.gettext(_KIND_LABELS[kind])

    def number(self, value: float) -> str:
        return self.loc.number(round(value, 6))

    # -- deadlines and states ---------------------------------------------------------------------

    def deadline(self, status: DeadlineStatus | None) -> DeadlineInfo | None:
        if status is None:
            return None
        due = self.day(status.due) if status.due is not None else None
        normalised = self.words.due(status)
        inherited = None
        if status.inherited_from is not None:
            ref = status.inherited_from
            inherited = f"{self.kind_label(ref.kind)} {ref.id}"
        return DeadlineInfo(
            form=status.form,
            written=status.written,
            wording=self.t(status.wording),
            due=due,
            normalised=normalised,
            inherited_from=inherited,
        )

    def state(self, item: Judgement | None) -> StateInfo:
        if item is None:
            return StateInfo(self.state_label(State.NO_DEADLINE), "")
        words = self.words
        detail = words.detail(item)
        missed = words.missed(item, self.year)
        if missed:
            detail = f"{detail}; {missed}" if detail else missed
        return StateInfo(self.state_label(item.state), detail, words.recurring(item) or None)

    def completions(self, entries: Iterable[Any]) -> list[Completion]:
        return [
            Completion(
                self.day(c.date), str(c.period) if c.period is not None else None, self.t(c.note)
            )
            for c in entries
            if c.date <= self.as_of
        ]

    # -- values -----------------------------------------------------------------------------------

    def value_text(self, indicator: IndicatorFile, value: bool | int | float | str) -> PlanText:
        _ = self.loc.gettext
        if isinstance(value, bool):
            return self.neutral(_("yes") if value else _("no"))
        if isinstance(value, str):
            return self.in_plan_language(value)
        if indicator.kind == "percentage":
            return self.neutral(self.loc.percent(value))
        text = self.loc.number(value)
        if indicator.unit is not None:
            unit = self.t_req(indicator.unit)
            text = f"{text} {unit.text}"
        if indicator.kind == "rate" and indicator.per:
            text = _(
                "%(value)s per %(per)s inhabitants", value=text, per=self.loc.number(indicator.per)
            )
        return self.neutral(text)

    def scope(self, indicator: IndicatorFile, value: IndicatorValue) -> PlanText:
        if value.municipality is not None:
            name = self.municipalities.get(value.municipality)
            if name is not None:
                return self.t_req(name)
            return self.neutral(self.loc.gettext("municipality %(code)s", code=value.municipality))
        if value.series is not None:
            target = indicator.target
            if target is not None and target.reference == value.series and target.label:
                return self.t_req(target.label)
            return self.neutral(value.series)
        return self.neutral(self.loc.gettext("whole area"))

    def value_rows(self, indicator: IndicatorFile, anchor: str, name: PlanText) -> list[ValueRow]:
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
                scope=self.scope(indicator, v),
                value=self.value_text(indicator, v.value),
                date=self.day(v.date) if v.date is not None else None,
                note=self.t(v.note),
                source=self.t(v.source),
            )
            for v in ordered
        ]

    # -- indicators -------------------------------------------------------------------------------

    def target(self, indicator: IndicatorFile) -> TargetView | None:
        target = indicator.target
        if target is None:
            return None
        comparison = (
            self.loc.gettext(_COMPARISONS[target.comparison]) if target.comparison else None
        )
        value = None
        reference = None
        if target.reference is not None:
            reference = self.t(target.label) if target.label else self.neutral(target.reference)
            body = str(reference)
        else:
            assert target.value is not None
            value = self.value_text(indicator, target.value).text
            body = value
        summary = f"{comparison} {body}" if comparison else body
        return TargetView(
            comparison=comparison,
            value=value,
            reference=reference,
            wording=self.t(target.wording),
            deadline=self.deadline(self._target_deadline(indicator)),
            summary=summary,
        )

    def _target_deadline(self, indicator: IndicatorFile) -> DeadlineStatus | None:
        """The target's own deadline as status judged it (an inherited one is not the target's)."""
        item = self.items.get(("indicator", indicator.id))
        if item is None or item.deadline is None or item.deadline.inherited_from is not None:
            return None
        return item.deadline

    def progress(self, indicator: IndicatorFile) -> ProgressInfo:
        item = self.items.get(("indicator", indicator.id))
        info = item.indicator if item is not None else None
        if info is None:
            return ProgressInfo(self.progress_label("not_assessed"), False, [])
        numeric = info.numeric_progress
        details = self.progress_details(numeric, indicator) if numeric is not None else []
        return ProgressInfo(
            self.progress_label(info.progress_key), info.progress is not None, details
        )

    def progress_details(
        self, assessment: ProgressAssessment, indicator: IndicatorFile
    ) -> list[tuple[str, str]]:
        """The numbers behind a progress status, in words (those the assessment has)."""
        _ = self.loc.gettext
        details: list[tuple[str, str]] = []

        def shown(value: float) -> str:
            return self.value_text(indicator, round(value, 6)).text

        for label, period, value in (
            (N_("base value"), assessment.base_period, assessment.base_value),
            (N_("latest value"), assessment.latest_period, assessment.latest_value),
        ):
            if value is not None:
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
                details.append((_(label), self.loc.fraction_percent(rate, signed=True)))
        if assessment.ratio is not None:
            details.append((_("observed / needed"), self.loc.number(round(assessment.ratio, 2))))
        return details

    def indicator_section(self, record: IndicatorRecord, users: list[ItemLink]) -> IndicatorSection:
        indicator = record.indicator
        loc = self.loc
        anchor = self.item_anchors[("indicator", indicator.id)]
        name = self.t_req(indicator.name)
        item = self.items.get(("indicator", indicator.id))
        values = self.value_rows(indicator, anchor, name)
        baseline = None
        if indicator.baseline is not None:
            b = indicator.baseline
            baseline = Baseline(
                str(b.period),
                self.value_text(indicator, b.value).text,
                self.t(b.source),
                self.t(b.note),
            )
        data_source = None
        if indicator.data_source is not None:
            d = indicator.data_source
            data_source = DataSource(self.t(d.description), d.sotkanet_id, d.url)
        target = self.target(indicator)
        chart, trend = self.trend(indicator, anchor, name, target)
        return IndicatorSection(
            id=indicator.id,
            anchor=anchor,
            name=name,
            wording=self.t(indicator.wording),
            kind=indicator.kind,
            kind_label=loc.gettext(_INDICATOR_KINDS[indicator.kind]),
            unit=self.t(indicator.unit),
            direction=(
                loc.gettext(_DIRECTIONS[indicator.direction]) if indicator.direction else None
            ),
            reporting_period=loc.gettext(_PERIOD_KINDS[indicator.reporting_period.value]),
            target=target,
            baseline=baseline,
            data_source=data_source,
            values=values,
            state=self.state(item),
            deadline=self.deadline(item.deadline if item is not None else None),
            progress=self.progress(indicator),
            chart=chart,
            trend=trend,
            used_by=users,
            notes=self.t(indicator.notes),
        )

    def trend(
        self, indicator: IndicatorFile, anchor: str, name: PlanText, target: TargetView | None
    ) -> tuple[Chart | None, str]:
        if indicator.kind not in _NUMERIC_KINDS:
            return None, ""
        _ = self.loc.gettext

        def numeric(v: IndicatorValue) -> bool:
            return isinstance(v.value, int | float) and not isinstance(v.value, bool)

        own = [
            v
            for v in indicator.values
            if v.municipality is None and v.series is None and numeric(v)
        ]
        reference_id = indicator.target.reference if indicator.target else None
        reference = [
            v
            for v in indicator.values
            if reference_id is not None
            and v.series == reference_id
            and v.municipality is None
            and numeric(v)
        ]
        if not own and not reference:
            return None, ""
        baseline = indicator.baseline
        base_periods = {baseline.period} if baseline is not None else set()
        periods = sorted({v.period for v in (*own, *reference)} | base_periods)
        labels = [str(p) for p in periods]

        def series(values: Sequence[IndicatorValue]) -> list[float | None]:
            by_period = {v.period: float(v.value) for v in values}  # the last one of a period
            return [by_period.get(p) for p in periods]

        own_series = series(own)
        spark = _sparkline([v for v in own_series if v is not None])
        if not self.draw_charts:
            return None, spark
        lines = [LineSeries(_("recorded value"), own_series, PALETTE["blue"], "o")]
        if baseline is not None:
            lines.insert(
                0,
                LineSeries(
                    _("baseline"),
                    [float(baseline.value) if p == baseline.period else None for p in periods],
                    PALETTE["black"],
                    "D",
                    "none",
                ),
            )
        described = [
            f"{period} {self.value_text(indicator, v).text}"
            for period, v in zip(labels, own_series, strict=True)
            if v is not None
        ]
        description = _(
            "Line chart of the values of the indicator %(name)s by period: %(values)s.",
            name=name.text,
            values="; ".join(described) or "–",
        )
        if baseline is not None:
            description += " " + _(
                "Baseline %(period)s: %(value)s.",
                period=str(baseline.period),
                value=self.value_text(indicator, baseline.value).text,
            )
        if reference:
            label = target.reference.text if target and target.reference else str(reference_id)
            lines.append(LineSeries(label, series(reference), PALETTE["vermillion"], "s", "--"))
            ref_described = [
                f"{period} {self.value_text(indicator, v).text}"
                for period, v in zip(labels, series(reference), strict=True)
                if v is not None
            ]
            description += " " + _(
                "Reference %(label)s: %(values)s.", label=label, values="; ".join(ref_described)
            )
        target_line = None
        if (
            indicator.target is not None
            and indicator.target.value is not None
            and isinstance(indicator.target.value, int | float)
            and not isinstance(indicator.target.value, bool)
            and target is not None
        ):
            target_line = (
                float(indicator.target.value),
                _("target: %(target)s", target=target.summary),
            )
            description += " " + _(
                "The dashed line is the target, %(target)s.", target=target.summary
            )
        unit = (
            "%"
            if indicator.kind == "percentage"
            else self.t_req(indicator.unit).text
            if indicator.unit is not None
            else _("value")
        )
        chart = trend_chart(
            f"chart-{anchor}",
            _("Trend: %(name)s", name=name.text),
            description,
            labels,
            lines,
            target_line,
            unit,
            self.number,
        )
        return chart, spark

    # -- goals and areas --------------------------------------------------------------------------

    def link(self, kind: str, ident: str, title: Text | None) -> ItemLink:
        return ItemLink(
            kind, self.kind_label(kind), ident, self.item_anchors.get((kind, ident)), self.t(title)
        )

    def goal_section(self, record: AreaRecord, goal_index: int) -> GoalSection:
        goal = record.area.goals[goal_index]
        users: dict[str, list[ItemLink]] = {}
        order: list[str] = []
        for indicator_id in goal.indicators:
            users.setdefault(indicator_id, []).append(self.link("goal", goal.id, goal.title))
            order.append(indicator_id)
        actions = []
        for action in goal.actions:
            for indicator_id in action.indicators:
                users.setdefault(indicator_id, []).append(
                    self.link("action", action.id, action.title)
                )
                order.append(indicator_id)
            own = bool(action.responsible)
            parties = action.responsible if own else goal.responsible
            actions.append(
                ActionRow(
                    id=action.id,
                    anchor=self.item_anchors[("action", action.id)],
                    title=self.t_req(action.title),
                    state=self.state(self.items.get(("action", action.id))),
                    deadline=self.deadline(self._item_deadline("action", action.id)),
                    responsible=[self.t_req(p) for p in parties],
                    responsible_from_goal=not own and bool(parties),
                    indicators=[self.indicator_link(i) for i in dict.fromkeys(action.indicators)],
                    completed=self.completions(action.completed),
                    notes=self.t(action.notes),
                )
            )
        shown: list[IndicatorSection] = []
        links: list[ItemLink] = []
        for indicator_id in dict.fromkeys(order):
            record_ = self.records.get(indicator_id)
            if record_ is None or indicator_id in self.indicator_sections:
                links.append(self.indicator_link(indicator_id))
            else:
                section = self.indicator_section(record_, users[indicator_id])
                self.indicator_sections[indicator_id] = section
                self.indicator_area[indicator_id] = record.area.id
                shown.append(section)
        return GoalSection(
            id=goal.id,
            anchor=self.item_anchors[("goal", goal.id)],
            title=self.t_req(goal.title),
            description=self.t(goal.description),
            state=self.state(self.items.get(("goal", goal.id))),
            deadline=self.deadline(self._item_deadline("goal", goal.id)),
            responsible=[self.t_req(p) for p in goal.responsible],
            actions=actions,
            indicators=shown,
            indicator_links=links,
            completed=self.completions(goal.completed),
            notes=self.t(goal.notes),
        )

    def indicator_link(self, indicator_id: str) -> ItemLink:
        record = self.records.get(indicator_id)
        return self.link("indicator", indicator_id, record.indicator.name if record else None)

    def _item_deadline(self, kind: str, ident: str) -> DeadlineStatus | None:
        item = self.items.get((kind, ident))
        return item.deadline if item is not None else None

    def allocate_anchors(self) -> None:
        for record in self.repository.ordered_areas():
            for goal in record.area.goals:
                self.item_anchors.setdefault(("goal", goal.id), self.anchors.make("goal", goal.id))
                for action in goal.actions:
                    self.item_anchors.setdefault(
                        ("action", action.id), self.anchors.make("action", action.id)
                    )
        for indicator_record in self.repository.indicators:
            key = ("indicator", indicator_record.indicator.id)
            self.item_anchors.setdefault(key, self.anchors.make("indicator", key[1]))
        for source in self.plan.sources:
            self.source_anchors.setdefault(source.id, self.anchors.make("source", source.id))

    def sources(self) -> list[SourceEntry]:
        return [
            SourceEntry(s.id, self.source_anchors[s.id], self.t_req(s.citation), s.url, s.cited_as)
            for s in self.plan.sources
        ]

    def summary_row(self, summary: AreaSummary, anchor: str | None) -> SummaryRow:
        states = [Count(self.state_label(s), summary.counts.get(s, 0)) for s in STATES]
        if self._progress_by_area is None:
            self._progress_by_area = {}
            for indicator_id, section in self.indicator_sections.items():
                area = self.indicator_area.get(indicator_id)
                self._progress_by_area.setdefault(area, []).append(section.progress.key)
        keys = self._progress_by_area.get(summary.id, [])
        progress = [Count(self.progress_label(k), keys.count(k)) for k in PROGRESS_STATUSES]
        return SummaryRow(
            id=summary.id,
            anchor=anchor,
            title=self.t(summary.title),
            number=summary.number,
            has_section=summary.has_section,
            states=states,
            total=summary.total,
            progress=progress,
            indicators=len(keys),
            bar=_text_bar([(c.label.symbol, c.count) for c in states]),
        )


def _sparkline(values: Sequence[float]) -> str:
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)


def _text_bar(parts: Sequence[tuple[str, int]], width: int = 40) -> str:
    total = sum(count for _, count in parts)
    if total == 0:
        return ""
    scale = 1.0 if total <= width else width / total
    out = []
    for symbol, count in parts:
        if count:
            out.append(symbol * max(1, round(count * scale)))
    return " ".join(out)


@dataclass(frozen=True)
class JudgedYear:
    """The reporting year, judged once; what every format of the report shows.

    Attributes:
        status: The judgement of every item for the year (``hyte status --year`` shows the same).
        language: The report's language.
        as_of: The day judged.
        rule: ``today`` (the default: the day the report was made) or ``given`` (``--as-of``).
        today: Today in the plan's time zone.
    """

    status: StatusReport
    language: str
    as_of: date
    rule: str
    today: date


def judge_year(
    resolved: ResolvedPlan, options: ReportOptions, now: datetime | None = None
) -> JudgedYear:
    """Judge the reporting year ``options.year`` on ``options.as_of`` or today.

    Raises:
        ReportRequestError: the year is outside the plan period, the language has no
            catalogue, ``options.as_of`` is before the reporting year begins, or (without
            ``options.as_of``) the reporting year has not begun.
    """
    plan = resolved.plan
    years = list(resolved.years)
    if options.year not in years:
        raise ReportRequestError(
            f"the plan runs {years[0]}–{years[-1]}: --year must be one of "
            f"{', '.join(str(y) for y in years)}, not {options.year}"
        )
    language = options.language or default_language(plan)
    if language not in LANGUAGES:
        raise ReportRequestError(
            f"no report language {language!r}: use one of {', '.join(LANGUAGES)}"
        )
    today = today_in_zone(plan.time_zone, now)
    first_day = date(options.year, 1, 1)
    if options.as_of is not None:
        as_of, rule = options.as_of, "given"
        if as_of < first_day:
            raise ReportRequestError(
                f"--as-of {as_of.isoformat()} is before the reporting year {options.year} "
                f"begins: give a day from {first_day.isoformat()} on"
            )
    else:
        as_of, rule = today, "today"
        if as_of < first_day:
            raise ReportRequestError(
                f"the reporting year {options.year} has not begun (today is "
                f"{today.isoformat()} in {plan.time_zone}): report on an earlier --year, or "
                f"give --as-of with a day from {first_day.isoformat()} on to preview it"
            )
    query = StatusQuery(as_of=as_of, due_within=options.due_within, year=options.year)
    return JudgedYear(compute_status(resolved, query), language, as_of, rule, today)


def build_context(
    repository: PlanRepository,
    options: ReportOptions,
    *,
    now: datetime | None = None,
    revision: Revision | None = None,
    draw_charts: bool = True,
    resolved: ResolvedPlan | None = None,
) -> ReportContext:
    """Build the data of the annual report for ``options.year``.

    The year is judged once (:func:`judge_year`, through :func:`hytecli.status.compute_status`,
    the judgement ``hyte status --year`` shows too), on ``options.as_of`` or today: what was
    recorded up to that day counts, including values for the year that arrived after it ended.

    Args:
        repository: A loaded plan whose files loaded without errors.
        options: The year, language and day.
        now: The current instant, for the default ``as_of`` and for saying whether ``as_of``
            is in the future. ``None`` reads the machine's clock, for library users; the CLI
            reads the clock once and passes it in.
        revision: The data revision; default: asked from git in the repository's folder.
        draw_charts: Draw the SVG charts (the HTML report); the Markdown report does without.
        resolved: The plan already resolved from ``repository`` (default: resolved here).

    Raises:
        ReportRequestError: as :func:`judge_year`.
        hytecli.repository.PlanHasErrors: a plan file did not load.
    """
    if resolved is None:
        resolved = resolve_plan(repository)
    plan = resolved.plan
    years = list(resolved.years)
    judged = judge_year(resolved, options, now)
    status, language, as_of, rule, today = (
        judged.status,
        judged.language,
        judged.as_of,
        judged.rule,
        judged.today,
    )
    restricted = _restrict(repository, Clock(as_of, options.year, options.due_within))

    loc = Localizer(language)
    b = _Builder(restricted, plan, status, loc, options.year, as_of, draw_charts)
    b.allocate_anchors()

    area_anchors: dict[str | None, str] = {}
    for summary in status.areas:
        if summary.id is not None:
            area_anchors[summary.id] = b.anchors.make("area", summary.id)
    unlinked_anchor = b.anchors.make("area", "unlinked-indicators")

    listed = {listing.id: listing for listing in plan.priority_areas}
    area_records: dict[str, AreaRecord] = {}
    for area_record in restricted.areas:
        area_records.setdefault(area_record.area.id, area_record)
    areas: list[AreaSection] = []
    for summary in status.areas:
        if summary.id is None:
            continue
        record = area_records.get(summary.id)
        listing = listed.get(summary.id)
        if record is None:
            title = b.t(listing.title) if listing else b.neutral(summary.id)
            assert title is not None
            areas.append(
                AreaSection(
                    id=summary.id,
                    anchor=area_anchors[summary.id],
                    number=None,
                    title=title,
                    listed_title=None,
                    has_section=False,
                    introduction=None,
                    goals=[],
                    footnotes=[],
                    sources=[],
                    summary=None,
                    notes=None,
                )
            )
            continue
        area = record.area
        goals = [b.goal_section(record, index) for index in range(len(area.goals))]
        listed_title = None
        if listing is not None and listing.title != area.title:
            listed_title = b.t(listing.title)
        cited = [s for s in b.sources() if s.id in area.sources]
        areas.append(
            AreaSection(
                id=area.id,
                anchor=area_anchors[summary.id],
                number=area.number,
                title=b.t_req(area.title),
                listed_title=listed_title,
                has_section=True,
                introduction=b.t(area.introduction),
                goals=goals,
                footnotes=[
                    Footnote(f.marker, b.t(f.term), b.t_req(f.text)) for f in area.footnotes
                ],
                sources=cited,
                summary=None,
                notes=b.t(area.notes),
            )
        )

    unlinked: list[IndicatorSection] = []
    for record_ in restricted.indicators:
        indicator_id = record_.indicator.id
        if indicator_id not in b.indicator_sections:
            section = b.indicator_section(record_, [])
            b.indicator_sections[indicator_id] = section
            b.indicator_area[indicator_id] = None
            unlinked.append(section)

    rows = [
        b.summary_row(summary, area_anchors.get(summary.id) if summary.id else unlinked_anchor)
        for summary in status.areas
    ]
    by_id = {row.id: row for row in rows}
    areas = [dataclasses.replace(a, summary=by_id.get(a.id)) for a in areas]

    summary_ = _summary(b, rows, draw_charts)
    overdue = _overdue(b, status)
    values = [row for section in _all_sections(areas, unlinked) for row in section.values]
    if revision is None:
        revision = detect_revision(repository.root)
    return ReportContext(
        lang=language,
        locale=loc.locale,
        year=options.year,
        as_of=b.day(as_of),
        as_of_rule=rule,
        as_of_future=as_of > today,
        year_over=as_of > date(options.year, 12, 31),
        period_years=years,
        plan=_plan_info(b, plan),
        revision=revision,
        uncommitted=_uncommitted(loc, revision),
        due_within=options.due_within,
        summary=summary_,
        areas=areas,
        unlinked_indicators=unlinked,
        overdue=overdue,
        values=values,
        sources=b.sources(),
        states=[b.state_label(s) for s in STATES],
        progress_statuses=[b.progress_label(k) for k in PROGRESS_STATUSES],
        unlinked_anchor=unlinked_anchor,
        in_language=loc.in_language(language),
        fallbacks=[
            Fallback(code, b.markers.get(code, code), loc.in_language(code))
            for code in sorted(b.fallback_languages)
        ],
    )


def _uncommitted(loc: Localizer, revision: Revision) -> str | None:
    """What has uncommitted changes, in words, or ``None`` when nothing has."""
    if not revision.modified:
        return None
    folders = ", ".join(f"{path}/" for path in revision.plan_changed)
    if folders and revision.templates_changed:
        return loc.gettext(
            "with uncommitted changes to the plan files (%(folders)s) and the report templates "
            "(templates/)",
            folders=folders,
        )
    if folders:
        return loc.gettext(
            "with uncommitted changes to the plan files (%(folders)s)", folders=folders
        )
    if revision.templates_changed:
        return loc.gettext("with uncommitted changes to the report templates (templates/)")
    return loc.gettext("with uncommitted changes")  # git could not tell which


def _all_sections(
    areas: Sequence[AreaSection], unlinked: Sequence[IndicatorSection]
) -> list[IndicatorSection]:
    sections = [i for area in areas for goal in area.goals for i in goal.indicators]
    return [*sections, *unlinked]


def _contains(outer: PlanText | None, inner: PlanText | None) -> bool:
    """True when ``inner`` is part of ``outer`` word for word (runs of whitespace count as one)."""
    if outer is None or inner is None:
        return False
    words = " ".join(inner.text.split())
    return bool(words) and words in " ".join(outer.text.split())


def _plan_info(b: _Builder, plan: PlanFile) -> PlanInfo:
    introduction = b.t(plan.introduction)
    cross_cutting = b.t(plan.cross_cutting)
    return PlanInfo(
        id=plan.id,
        title=b.t_req(plan.title),
        organisation=b.t_req(plan.organisation.name),
        short_name=plan.organisation.short_name,
        language=plan.language,
        languages=list(plan.languages),
        period_start=b.day(plan.period.start),
        period_end=b.day(plan.period.end),
        introduction=introduction,
        cross_cutting=cross_cutting,
        cross_cutting_in_introduction=_contains(introduction, cross_cutting),
        legal_basis=[
            LegalReference(
                item.statute,
                item.section,
                b.t(item.title),
                item.url,
                _legal_citation(b.loc, item.statute, item.section),
            )
            for item in plan.legal_basis
        ],
        annexes=[b.t_req(annex.title) for annex in plan.annexes],
        municipalities=[b.t_req(m.name) for m in plan.municipalities],
    )


_SECTION_NUMBER = re.compile(r"^(?:§\s*)?(\d+(?:\s?[a-z])?)(?:\s*§)?$")


def _legal_citation(loc: Localizer, statute: str, section: str | None) -> str:
    """A statute and section in the report's words: ``612/2021 7 §``, ``section 7 of Act ...``.

    A section written as a number with a section sign (``7 §``, ``§ 7``, ``7 a §``) follows the
    language's form; any other wording is shown as written after the statute.
    """
    if section is None:
        return statute
    number = _SECTION_NUMBER.match(section.strip())
    if number is None:
        return f"{statute} {section}"
    return loc.gettext(
        "section %(number)s of Act %(statute)s", number=number.group(1), statute=statute
    )


def _summary(b: _Builder, rows: list[SummaryRow], draw_charts: bool) -> Summary:
    states = [
        Count(b.state_label(s), sum(r.states[i].count for r in rows)) for i, s in enumerate(STATES)
    ]
    progress = [
        Count(b.progress_label(k), sum(r.progress[i].count for r in rows))
        for i, k in enumerate(PROGRESS_STATUSES)
    ]
    state_chart = progress_chart = None
    if draw_charts and 0 < len(rows) <= MAX_CHART_AREAS:
        _ = b.loc.gettext
        names = [_row_name(b, row) for row in rows]
        state_chart = stacked_bar_chart(
            "chart-summary-states",
            _("Goals, actions and indicators by state"),
            _(
                "Bar chart: for each priority area, the number of its goals, actions and "
                "indicators in each state on %(date)s. The same numbers are in the table "
                "above it.",
                date=b.loc.date(b.as_of),
            ),
            names,
            [
                BarSeries(str(b.state_label(s)), [r.states[i].count for r in rows], *_STATE_LOOK[s])
                for i, s in enumerate(STATES)
            ],
            _("number of goals, actions and indicators"),
            b.number,
        )
        progress_chart = stacked_bar_chart(
            "chart-summary-progress",
            _("Indicators by progress"),
            _(
                "Bar chart: for each priority area, the number of its indicators in each "
                "progress status. The same numbers are in the table above it."
            ),
            names,
            [
                BarSeries(
                    str(b.progress_label(k)),
                    [r.progress[i].count for r in rows],
                    *_PROGRESS_LOOK[k],
                )
                for i, k in enumerate(PROGRESS_STATUSES)
            ],
            _("number of indicators"),
            b.number,
        )
    return Summary(
        rows=rows,
        states=states,
        total=sum(r.total for r in rows),
        progress=progress,
        indicators=sum(r.indicators for r in rows),
        state_chart=state_chart,
        progress_chart=progress_chart,
    )


def _row_name(b: _Builder, row: SummaryRow) -> str:
    if row.id is None:
        return b.loc.gettext("Indicators that no goal or action uses")
    title = row.title.text if row.title is not None else row.id
    name = f"{row.number}. {title}" if row.number is not None else title
    if not row.has_section:
        name += " " + b.loc.gettext("(no section in the plan)")
    return name


def _overdue(b: _Builder, status: StatusReport) -> list[OverdueEntry]:
    """What the year missed: items missed in it, overdue, not achieved, missing yearly entries."""
    titles = {s.id: s.title for s in status.areas}
    entries = []
    for item in status.items:
        if not (
            item.missed or item.state in (State.OVERDUE, State.NOT_ACHIEVED) or item.missing_entries
        ):
            continue
        state = b.state(item)
        missing = missing_label = year = None
        if item.recurring is not None and item.recurring.missing_years:
            years = item.recurring.missing_years
            missing = ", ".join(str(y) for y in years)
            missing_label = Label(
                State.OVERDUE.value,
                b.loc.ngettext(
                    "%(years)s entry missing",
                    "%(years)s entries missing",
                    len(years),
                    years=missing,
                ),
                _STATE_SYMBOLS[State.OVERDUE],
            )
            # The row says what is missing; the state is that of the year judged.
            year = item.recurring.year
            state = dataclasses.replace(state, recurring=None)
        entries.append(
            OverdueEntry(
                item=b.link(item.kind, item.id, item.title),
                area=b.t(titles.get(item.area)) if item.area is not None else None,
                deadline=b.deadline(item.deadline),
                state=state,
                responsible=[b.t_req(p) for p in item.responsible],
                missing=missing,
                missing_label=missing_label,
                year=year,
            )
        )
    return entries
