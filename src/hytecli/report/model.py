"""The annual report's template context: the data every report template gets.

:func:`hytecli.report.context.build_context` fills these plain, frozen dataclasses; templates get
one :class:`ReportContext` as the variable ``report``. Every text is already in the report's
language (:class:`~hytecli.report.texts.PlanText` for the plan's own words, ``str`` for labels),
every date and number already formatted for the report's locale. ``docs/report.md`` documents
them for template authors.

The small shared values (dates, labels, states, links) are in :mod:`hytecli.report.model_values`
and the indicator sections in :mod:`hytecli.report.model_indicators`; this module holds the goal
and priority area sections, the summary and the report as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hytecli.report.charts import Chart
from hytecli.report.model_indicators import IndicatorSection, SotkanetCitation, ValueRow
from hytecli.report.model_values import (
    Count,
    DeadlineInfo,
    ItemLink,
    Label,
    LocalDate,
    StateInfo,
)
from hytecli.report.model_year import AssessmentView, Highlights, YearTextsView
from hytecli.report.revision import Revision
from hytecli.report.texts import PlanText


@dataclass(frozen=True)
class Completion:
    """A ``completed`` entry of a goal or action."""

    date: LocalDate
    period: str | None
    note: PlanText | None


@dataclass(frozen=True)
class ActionRow:
    """An action of a goal.

    Attributes:
        id, anchor: Its id and its element id in the HTML report.
        title: The plan's text.
        state: Its state on the report's day.
        deadline: Its deadline, or ``None``.
        responsible: Its responsible parties (its own, else its goal's).
        responsible_from_goal: True when they are the goal's.
        indicators: Links to the indicators measuring it.
        completed: Its ``completed`` entries known on the report's day.
        notes: Notes in the plan file, if any.
        assessment: Its assessment of the reporting year, or ``None`` when it has none.
    """

    id: str
    anchor: str
    title: PlanText
    state: StateInfo
    deadline: DeadlineInfo | None
    responsible: list[PlanText]
    responsible_from_goal: bool
    indicators: list[ItemLink]
    completed: list[Completion]
    notes: PlanText | None
    assessment: AssessmentView | None = None

    @property
    def quiet(self) -> bool:
        """Nothing to say for the year: no deadline, no assessment and no completion.

        The report lists such actions compactly instead of giving each a row.
        """
        return _quiet(self.state, self.assessment, self.completed)


def _quiet(state: StateInfo, assessment: AssessmentView | None, done: list[Completion]) -> bool:
    return state.key == "no_deadline" and assessment is None and not done


@dataclass(frozen=True)
class QuietItem:
    """A goal or action with nothing to say for the year, for the compact list of an area.

    Attributes:
        kind: ``goal`` or ``action``.
        anchor: Its element id in the HTML report.
        id: Its id in the plan files.
        title: The plan's text.
    """

    kind: str
    anchor: str
    id: str
    title: PlanText


@dataclass(frozen=True)
class GoalSection:
    """A goal (tavoite) with its actions and indicators.

    Attributes:
        id, anchor: Its id and its element id in the HTML report.
        title, description: The plan's texts.
        state: Its state on the report's day.
        deadline: Its deadline, or ``None``.
        responsible: Its responsible parties (vastuutahot).
        actions: Its actions (toimenpiteet).
        indicators: Indicators shown in full here (the goal's own and its actions', first use).
        indicator_links: Indicators it uses that are shown in full under an earlier goal.
        completed: Its ``completed`` entries known on the report's day.
        notes: Notes in the plan file, if any.
        assessment: Its assessment of the reporting year, or ``None`` when it has none.
    """

    id: str
    anchor: str
    title: PlanText
    description: PlanText | None
    state: StateInfo
    deadline: DeadlineInfo | None
    responsible: list[PlanText]
    actions: list[ActionRow]
    indicators: list[IndicatorSection]
    indicator_links: list[ItemLink]
    completed: list[Completion]
    notes: PlanText | None
    assessment: AssessmentView | None = None

    @property
    def actions_assessed(self) -> bool:
        """Whether any of its actions has an assessment of the reporting year."""
        return any(action.assessment is not None for action in self.actions)

    @property
    def quiet(self) -> bool:
        """Nothing to say for the year about the goal itself (see :attr:`ActionRow.quiet`)."""
        return _quiet(self.state, self.assessment, self.completed)

    @property
    def table_actions(self) -> list[ActionRow]:
        """Its actions with something to say for the year: a row each in the area's table."""
        return [a for a in self.actions if not a.quiet]

    @property
    def in_table(self) -> bool:
        """Whether the goal has a row in its area's table (it or one of its actions has news)."""
        return not self.quiet or bool(self.table_actions)


@dataclass(frozen=True)
class SummaryRow:
    """One priority area's line in the summary.

    Attributes:
        id, anchor: The area's id and element id (``None`` for indicators no goal uses).
        title: Its title (``None`` for indicators no goal uses).
        number: Its section number, if any.
        has_section: False when the plan lists the area but has no section for it.
        states: Goals, actions and indicators per state (every state, zeros included).
        total: All of them.
        progress: Indicators per progress status (every status, zeros included).
        indicators: The number of indicators.
        bar: The states as a text bar of symbols (``✓✓✗○``), for Markdown.
    """

    id: str | None
    anchor: str | None
    title: PlanText | None
    number: int | None
    has_section: bool
    states: list[Count]
    total: int
    progress: list[Count]
    indicators: int
    bar: str


@dataclass(frozen=True)
class Summary:
    """The summary: one row per priority area, totals, and the two charts."""

    rows: list[SummaryRow]
    states: list[Count]
    total: int
    progress: list[Count]
    indicators: int
    state_chart: Chart | None
    progress_chart: Chart | None


@dataclass(frozen=True)
class Footnote:
    """A footnote under an area's goals."""

    marker: str
    term: PlanText | None
    text: PlanText


@dataclass(frozen=True)
class SourceEntry:
    """A source the plan cites (its list of references)."""

    id: str
    anchor: str
    citation: PlanText
    url: str | None
    cited_as: str | None


@dataclass(frozen=True)
class AreaSection:
    """A priority area (painopiste).

    Attributes:
        id, anchor: Its id and element id.
        number: Its section number in the plan, if written.
        title: Its section heading (or, without a section, its title in the plan's list).
        listed_title: Its title in the plan's list when that differs from the heading.
        has_section: False when the plan lists the area but has no section for it: then it has
            no introduction, goals or footnotes.
        introduction: The plan's introduction to the area.
        goals: Its goals.
        footnotes: Footnotes under its table.
        sources: The sources it cites.
        summary: Its summary row.
        notes: Notes in the plan file, if any.
    """

    id: str
    anchor: str
    number: int | None
    title: PlanText
    listed_title: PlanText | None
    has_section: bool
    introduction: PlanText | None
    goals: list[GoalSection]
    footnotes: list[Footnote]
    sources: list[SourceEntry]
    summary: SummaryRow | None
    notes: PlanText | None

    @property
    def table_goals(self) -> list[GoalSection]:
        """The goals that have a row in the area's table of goals and actions."""
        return [g for g in self.goals if g.in_table]

    @property
    def quiet_items(self) -> list[QuietItem]:
        """Goals and actions with nothing to say for the year, in plan order, listed compactly.

        A goal with a row in the table (one of its actions has news) is not listed again.
        """
        items = []
        for goal in self.goals:
            if not goal.in_table:
                items.append(QuietItem("goal", goal.anchor, goal.id, goal.title))
            items.extend(
                QuietItem("action", a.anchor, a.id, a.title) for a in goal.actions if a.quiet
            )
        return items

    @property
    def indicators(self) -> list[IndicatorSection]:
        """The indicators shown under this area (those its goals are the first to use)."""
        return [i for goal in self.goals for i in goal.indicators]

    @property
    def indicators_with_values(self) -> list[IndicatorSection]:
        """Its indicators with a value counted: a row each in the area's indicator table."""
        return [i for i in self.indicators if i.values]

    @property
    def indicators_without_values(self) -> list[IndicatorSection]:
        """Its indicators without any value counted, listed compactly."""
        return [i for i in self.indicators if not i.values]


@dataclass(frozen=True)
class OverdueEntry:
    """A goal, action or indicator that is overdue on the report's day.

    A yearly item is also listed when an earlier year of the plan period has no entry (it may be
    overdue for those years only): then ``missing`` lists those years (``2024, 2025``),
    ``missing_label`` says so in words (``✗ 2024 entry missing``), ``year`` is the year judged
    and ``state`` is that year's state without its ``recurring`` note (the row says what is
    missing). Otherwise all three are ``None``.

    ``goal`` is, for an indicator named like another of the plan, the goal it serves
    (:attr:`hytecli.report.model_indicators.IndicatorSection.goal`), else ``None``.
    """

    item: ItemLink
    area: PlanText | None
    deadline: DeadlineInfo | None
    state: StateInfo
    responsible: list[PlanText]
    missing: str | None
    missing_label: Label | None = None
    year: int | None = None
    goal: ItemLink | None = None


@dataclass(frozen=True)
class LegalReference:
    """A statute the plan rests on.

    Attributes:
        statute, section: As written in the plan (``612/2021``, ``7 §``).
        title: The statute's title, if written.
        url: A link to it, if written.
        citation: The statute and section in the report's language: ``612/2021 7 §`` (fi, sv),
            ``section 7 of Act 612/2021`` (en).
    """

    statute: str
    section: str | None
    title: PlanText | None
    url: str | None
    citation: str = ""


@dataclass(frozen=True)
class PlanInfo:
    """The plan itself.

    ``cross_cutting_in_introduction`` is true when the introduction, as shown, already contains
    the cross-cutting principle word for word (whitespace aside): the templates then print no
    separate "Cross-cutting principle" section.
    """

    id: str
    title: PlanText
    organisation: PlanText
    short_name: str | None
    language: str
    languages: list[str]
    period_start: LocalDate
    period_end: LocalDate
    introduction: PlanText | None
    cross_cutting: PlanText | None
    cross_cutting_in_introduction: bool
    legal_basis: list[LegalReference]
    annexes: list[PlanText]
    municipalities: list[PlanText]


@dataclass(frozen=True)
class Fallback:
    """A language plan text falls back to, for the notice at the top of the report.

    Attributes:
        lang: Its code (``fi``).
        marker: The marker after fallback text in it (``fi``).
        in_language: Its name as in "shown in Finnish" (``suomeksi``, ``på finska``...).
    """

    lang: str
    marker: str
    in_language: str


@dataclass(frozen=True)
class ReportContext:
    """Everything a report template gets, as the variable ``report``.

    Attributes:
        lang: The report's language (``fi``, ``sv``, ``en``); also the HTML ``lang``.
        locale: The Babel locale used for dates and numbers (``fi_FI``, ``sv_FI``, ``en_GB``).
        year: The reporting year.
        as_of: The day the plan is judged on.
        as_of_rule: How it was chosen: ``given`` (``--as-of``), ``year_end`` (the last day of
            the reporting year) or ``today`` (today, the year not being over).
        as_of_future: True when ``as_of`` (given with ``--as-of``) is later than the day the
            report was made, in the plan's time zone.
        year_over: True when ``as_of`` is the last day of the year or later.
        period_years: The plan period's years.
        plan: The plan.
        revision: The data revision (git commit, local changes).
        uncommitted: What has uncommitted changes, in words (``with uncommitted changes to the
            report templates (templates/)``), or ``None`` when the revision is not modified.
        due_within: "Due soon" means due within this many days.
        summary: The summary per priority area, with charts.
        areas: The priority areas in the plan's order, those without a section included.
        unlinked_indicators: Indicators that no goal or action uses.
        overdue: What is overdue on ``as_of``.
        values: Every value recorded so far, for the appendix, indicator by indicator.
        sources: The plan's sources.
        states: Every state, in order (for legends).
        progress_statuses: Every progress status, in order.
        unlinked_anchor: The element id of the section of indicators no goal or action uses.
        in_language: The report's language as in "not available in English" (``suomeksi``,
            ``på svenska``, ``in English``), for the fallback notice.
        fallbacks: The languages plan text is shown in where the report's language is missing
            (usually just the plan's main language), in code order; empty when there is none.
        texts: The coordinator's texts of the reporting year (``reports/<year>.yaml``).
        highlights: What was completed and missed in the year, which indicators improved or
            worsened.
        nothing_recorded: When no completion, assessment, yearly entry or indicator value
            counts for the year, the sentence that says so first (so that states are not read
            as "nothing was done"); else ``None``.
        sotkanet: The indicators whose counted values come from Sotkanet, with the days they
            were retrieved (cited as THL, Sotkanet, CC BY 4.0).
    """

    lang: str
    locale: str
    year: int
    as_of: LocalDate
    as_of_rule: str
    as_of_future: bool
    year_over: bool
    period_years: list[int]
    plan: PlanInfo
    revision: Revision
    uncommitted: str | None
    due_within: int
    summary: Summary
    areas: list[AreaSection]
    unlinked_indicators: list[IndicatorSection]
    overdue: list[OverdueEntry]
    values: list[ValueRow]
    sources: list[SourceEntry]
    states: list[Label]
    progress_statuses: list[Label]
    unlinked_anchor: str
    in_language: str
    fallbacks: list[Fallback]
    texts: YearTextsView
    highlights: Highlights
    nothing_recorded: str | None = None
    sotkanet: list[SotkanetCitation] = field(default_factory=list)
