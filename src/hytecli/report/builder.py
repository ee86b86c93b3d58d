"""The report's builder: the pieces every section is made of, and the goal sections.

:class:`Builder` turns the plan's words, dates, deadlines and judged states into the report's
language (plain values of :mod:`hytecli.report.model`) and gives every item its anchor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from hytecli.i18n import N_, Localizer
from hytecli.judgement import DeadlineStatus, Judgement, State
from hytecli.labels import PROGRESS_LABELS, PROGRESS_SYMBOLS, STATE_LABELS, STATE_SYMBOLS
from hytecli.models import PlanFile, Text
from hytecli.report.indicators import indicator_section
from hytecli.report.model import ActionRow, Completion, GoalSection, SourceEntry, SummaryRow
from hytecli.report.model_indicators import IndicatorSection
from hytecli.report.model_values import Count, DeadlineInfo, ItemLink, Label, LocalDate, StateInfo
from hytecli.report.texts import PlanText, plan_text
from hytecli.report.year import assessment_view
from hytecli.repository import AreaRecord, IndicatorRecord, PlanRepository
from hytecli.status import AreaSummary, StatusReport
from hytecli.wording import Wording

#: An indicator's progress statuses, in the order they are shown. The first four,
#: ``not_enough_data`` and ``no_target_or_direction`` are
#: :class:`hytecli.progress_model.ProgressStatus` (count, percentage and rate indicators);
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
_PROGRESS_LABELS = PROGRESS_LABELS
_PROGRESS_SYMBOLS = PROGRESS_SYMBOLS
_KIND_LABELS = {
    "goal": N_("goal"),
    "action": N_("action"),
    "indicator": N_("indicator"),
}


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


class Builder:
    """What building the report needs at every step: language, judgement, anchors, small pieces.

    Sections are built by its methods (goals, summary rows) and by the functions of
    :mod:`hytecli.report.indicators` (an indicator's section);
    :func:`hytecli.report.context.build_context` puts them together.
    """

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
        self._named_alike: frozenset[str] | None = None
        self.records: dict[str, IndicatorRecord] = {}
        for indicator_record in repository.indicators:  # the first of a duplicated id, as
            self.records.setdefault(indicator_record.indicator.id, indicator_record)  # elsewhere

    def _languages(self) -> set[str]:
        found = {"fi", "sv", "en", self.plan.language, *self.plan.languages}
        return found

    # -- small pieces -----------------------------------------------------------------------------

    def t(self, text: Text | None) -> PlanText | None:
        """The plan's text in the report's language (or a marked fallback); None for None."""
        if text is not None:
            for code in text.values:
                self.markers.setdefault(code, code)
        result = plan_text(text, self.lang, self.markers, fallback=self.plan.language)
        if result is not None and result.fallback and result.lang is not None:
            self.fallback_languages.add(result.lang)
        return result

    def t_req(self, text: Text) -> PlanText:
        """The plan's text in the report's language, for a text the plan always has."""
        result = self.t(text)
        assert result is not None
        return result

    def neutral(self, text: str) -> PlanText:
        """A text in no particular language (a number, an id), shown as it is."""
        return PlanText(text, None, False, "", self.lang)

    def in_plan_language(self, text: str) -> PlanText:
        """A text written in the plan's main language (e.g. a text value)."""
        return self.t_req(Text({self.plan.language: text}))

    def day(self, value: date) -> LocalDate:
        """A date, in ISO form and in the report's locale."""
        return LocalDate(value.isoformat(), self.loc.date(value))

    def state_label(self, state: State) -> Label:
        """A judged state's key, name in the report's language and symbol."""
        return Label(state.value, self.loc.gettext(_STATE_LABELS[state]), _STATE_SYMBOLS[state])

    def progress_label(self, key: str) -> Label:
        """A progress status's key, name in the report's language and symbol."""
        return Label(key, self.loc.gettext(_PROGRESS_LABELS[key]), _PROGRESS_SYMBOLS[key])

    def kind_label(self, kind: str) -> str:
        """``goal``, ``action`` or ``indicator`` in the report's language."""
        return self.loc.gettext(_KIND_LABELS[kind])

    def number(self, value: float) -> str:
        """A number in the report's locale (rounded to six decimals)."""
        return self.loc.number(round(value, 6))

    # -- deadlines and states ---------------------------------------------------------------------

    def deadline(self, status: DeadlineStatus | None) -> DeadlineInfo | None:
        """A deadline as written and as judged (its due day, where it comes from)."""
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
        """An item's judged state with its details in words ("no deadline" without a judgement)."""
        if item is None:
            label = self.state_label(State.NO_DEADLINE)
            return StateInfo(label, "", summary=label.label)
        words = self.words
        detail = words.detail(item)
        missed = words.missed(item, self.year)
        if missed:
            detail = f"{detail}; {missed}" if detail else missed
        return StateInfo(
            self.state_label(item.state),
            detail,
            words.recurring(item) or None,
            summary=words.summary(item),
            missed=missed,
        )

    def completions(self, entries: Iterable[Any]) -> list[Completion]:
        """The completions recorded up to the day judged."""
        return [
            Completion(
                self.day(c.date), str(c.period) if c.period is not None else None, self.t(c.note)
            )
            for c in entries
            if c.date <= self.as_of
        ]

    # -- goals and areas --------------------------------------------------------------------------

    def link(self, kind: str, ident: str, title: Text | None) -> ItemLink:
        """A link to a goal, action or indicator (no anchor when it has no section)."""
        return ItemLink(
            kind, self.kind_label(kind), ident, self.item_anchors.get((kind, ident)), self.t(title)
        )

    def served_goal(self, item: Judgement | None) -> ItemLink | None:
        """The goal an indicator serves, linked: the judgement's :attr:`Judgement.goal`.

        That is its first user's goal (an action's goal for an action), decided once by
        :func:`hytecli.judge.judge_plan`. ``None`` for a goal or an action, and for an indicator
        that no goal or action uses.
        """
        if item is None or item.kind != "indicator" or item.goal is None:
            return None
        goal = self.items.get(("goal", item.goal))
        return self.link("goal", goal.id, goal.title) if goal is not None else None

    def identifying_goal(self, indicator_id: str) -> ItemLink | None:
        """The goal that tells an indicator apart where it is listed by name, or ``None``.

        The goal it serves (:meth:`served_goal`) when another indicator of the plan has the same
        name in the report's language (ignoring case and spaces: "Toteutui/ei toteutunut" and
        "Toteutui/ ei toteutunut" read the same); ``None`` when its name is its own. The whole
        plan is compared, not one area, because the overdue table and the appendices list the
        indicators of every area together, and one indicator is named alike everywhere.
        """
        if self._named_alike is None:
            by_name: dict[str, list[str]] = {}
            for ident, record in self.records.items():
                name = plan_text(record.indicator.name, self.lang, fallback=self.plan.language)
                key = "".join(name.text.split()).casefold() if name is not None else ""
                by_name.setdefault(key, []).append(ident)
            self._named_alike = frozenset(
                ident for same in by_name.values() if len(same) > 1 for ident in same
            )
        if indicator_id not in self._named_alike:
            return None
        return self.served_goal(self.items.get(("indicator", indicator_id)))

    def goal_section(self, record: AreaRecord, goal_index: int) -> GoalSection:
        """A goal's section: its actions, and the indicators it is the first to use."""
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
                    assessment=assessment_view(self, self.items.get(("action", action.id))),
                )
            )
        shown: list[IndicatorSection] = []
        links: list[ItemLink] = []
        for indicator_id in dict.fromkeys(order):
            record_ = self.records.get(indicator_id)
            if record_ is None or indicator_id in self.indicator_sections:
                links.append(self.indicator_link(indicator_id))
            else:
                section = indicator_section(self, record_, users[indicator_id])
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
            assessment=assessment_view(self, self.items.get(("goal", goal.id))),
        )

    def indicator_link(self, indicator_id: str) -> ItemLink:
        """A link to an indicator's section."""
        record = self.records.get(indicator_id)
        return self.link("indicator", indicator_id, record.indicator.name if record else None)

    def _item_deadline(self, kind: str, ident: str) -> DeadlineStatus | None:
        item = self.items.get((kind, ident))
        return item.deadline if item is not None else None

    def allocate_anchors(self) -> None:
        """Give every goal, action, indicator and source its anchor, in plan order."""
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
        """The plan's sources with their anchors."""
        return [
            SourceEntry(s.id, self.source_anchors[s.id], self.t_req(s.citation), s.url, s.cited_as)
            for s in self.plan.sources
        ]

    def summary_row(self, summary: AreaSummary, anchor: str | None) -> SummaryRow:
        """A priority area's row in the summary: counts of states and of progress statuses."""
        states = [
            Count(self.state_label(s), summary.counts.get(s, 0)) for s in self.status.states_shown
        ]
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
