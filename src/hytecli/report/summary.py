"""The annual report's summary (tables and charts of states and progress) and overdue list."""

from __future__ import annotations

import dataclasses

from hytecli.judgement import State
from hytecli.labels import STATE_SYMBOLS
from hytecli.report.builder import PROGRESS_STATUSES, Builder
from hytecli.report.charts import PALETTE, BarSeries, stacked_bar_chart
from hytecli.report.model import OverdueEntry, Summary, SummaryRow
from hytecli.report.model_values import Count, Label
from hytecli.status import StatusReport

_STATE_LOOK = {  # chart colour and hatch: never colour alone
    State.DONE: (PALETTE["green"], ""),
    State.DONE_LATE: (PALETTE["green"], ".."),
    State.NOT_ACHIEVED: (PALETTE["purple"], "\\\\"),
    State.OVERDUE: (PALETTE["vermillion"], "xx"),
    State.DUE_SOON: (PALETTE["orange"], "--"),
    State.OPEN: (PALETTE["sky"], "//"),
    State.NO_DEADLINE: ("#FFFFFF", ""),
    State.MONITORED: (PALETTE["grey"], ""),
    State.CANCELLED: ("#FFFFFF", "++"),
    State.MERGED: (PALETTE["blue"], "oo"),
}
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
#: Above this many priority areas the summary has its tables only: a bar chart of hundreds of
#: areas says nothing that the table does not say better.
MAX_CHART_AREAS = 40


def build_summary(b: Builder, rows: list[SummaryRow], draw_charts: bool) -> Summary:
    """The summary: totals of the rows, and (HTML, not too many areas) its two bar charts."""
    states = [
        Count(b.state_label(s), sum(r.states[i].count for r in rows))
        for i, s in enumerate(b.status.states_shown)
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
                for i, s in enumerate(b.status.states_shown)
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


def _row_name(b: Builder, row: SummaryRow) -> str:
    if row.id is None:
        return b.loc.gettext("Indicators that no goal or action uses")
    title = row.title.text if row.title is not None else row.id
    name = f"{row.number}. {title}" if row.number is not None else title
    if not row.has_section:
        name += " " + b.loc.gettext("(no section in the plan)")
    return name


def build_overdue(b: Builder, status: StatusReport) -> list[OverdueEntry]:
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
                STATE_SYMBOLS[State.OVERDUE],
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
                goal=b.identifying_goal(item.id) if item.kind == "indicator" else None,
            )
        )
    return entries
