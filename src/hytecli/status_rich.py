"""Showing a :class:`~hytecli.status.StatusReport` as Rich tables, for a terminal.

The same views as :mod:`hytecli.status_render` (the coordinator's, and ``--all``), with colours
plus a symbol and a word for each state (never colour alone). :func:`render_rich` returns the
text with its escape codes; the command line prints it. Plan text is always passed to Rich as
:class:`rich.text.Text`, so square brackets in it are printed as written and never read as
markup. Nothing is cut off: a text too long for its cell wraps at spaces (only a very long word
of plan prose is folded), and a table that cannot fit whole becomes blocks of lines.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from typing import IO, Any

from hytecli.judgement import Judgement, State
from hytecli.labels import STATE_ASCII_SYMBOLS, STATE_SYMBOLS
from hytecli.rich_layout import TITLE_WIDTH, Column, fitted_table
from hytecli.status import StatusReport
from hytecli.status_render import (
    StatusView,
    any_state_attention,
    area_heading,
    area_note,
    footer_line,
    header_lines,
    item_details,
    item_line,
    nothing_matches,
    unassessed_by_area,
)

STYLES: dict[State, str] = {
    State.DONE: "green",
    State.DONE_LATE: "green",
    State.NOT_ACHIEVED: "bold magenta",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "yellow",
    State.OPEN: "cyan",
    State.NO_DEADLINE: "dim",
    State.MONITORED: "dim",
    State.CANCELLED: "dim strike",
    State.MERGED: "dim",
}
#: Below this terminal width, items are shown as blocks of lines instead of a table.
NARROW_WIDTH = 100


def render_rich(
    report: StatusReport,
    view: StatusView,
    *,
    width: int = 100,
    color: bool = True,
    ascii_only: bool = False,
) -> str:
    """Return ``report`` as Rich tables: the text with its escape codes.

    The summary is a table when it fits ``width`` with every id and header word whole, else a
    block of lines per area. Each area's items are a table when ``width`` is at least
    :data:`NARROW_WIDTH` and that table fits the same way, else blocks of lines.

    Args:
        report: The computed status.
        view: The language and whether every item is shown.
        width: The terminal's width in cells.
        color: Colours and styles (``False``: the same layout without escape codes).
        ascii_only: ASCII boxes and symbols, for a terminal that is not UTF-8.
    """
    from rich.console import Console
    from rich.text import Text as RichText

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        legacy_windows=False,
        safe_box=ascii_only,
        markup=False,
        emoji=False,
        highlight=False,
    )
    w = view.wording
    symbols = STATE_ASCII_SYMBOLS if ascii_only else STATE_SYMBOLS

    def state_cell(state: State) -> RichText:
        return RichText(f"{symbols[state]} {w.state(state)}", style=STYLES[state])

    for line in header_lines(report, w):
        console.print(RichText(line), overflow="fold")
    empty = nothing_matches(report, w)
    if empty is None or not (report.query.responsible or "").strip():
        _print_rich_summary(report, view, console, symbols, ascii_only)
    if empty is not None:
        console.print(RichText(empty), overflow="fold")
    if not view.show_all and any_state_attention(report):
        console.print()
        console.print(RichText(w.localizer.gettext("Needs attention"), style="bold underline"))
    for summary in report.areas:
        items = view.items(report, summary.id)
        if not items:
            continue
        heading = RichText(area_heading(summary, w), style="bold")
        table = None
        if console.width >= NARROW_WIDTH or not view.show_all:
            table = _items_table(console, heading, items, report, view, state_cell, ascii_only)
        if table is None:
            _print_rich_blocks(console, heading, items, report, view, state_cell)
        else:
            console.print()
            console.print(table)
    _print_rich_unassessed(console, report, view)
    footer = footer_line(report, view)
    if footer:
        console.print()
        console.print(RichText(footer, style="italic"), overflow="fold")
    return buffer.getvalue()


def _print_rich_unassessed(console: Any, report: StatusReport, view: StatusView) -> None:
    """Print the goals and actions not yet assessed for the round's year: their ids by area."""
    from rich.padding import Padding
    from rich.text import Text as RichText

    if not report.unassessed or report.assessment_round is None:
        return
    w = view.wording
    console.print()
    heading = w.unassessed_heading(report.assessment_round.year)
    console.print(RichText(heading, style="bold yellow" if report.round_due else "bold"))
    for area, ids in unassessed_by_area(report):
        line = RichText(f"{area}: ")
        line.append(", ".join(ids), style="bold")
        console.print(Padding(line, (0, 0, 0, 2)), overflow="fold")


def _print_rich_summary(
    report: StatusReport, view: StatusView, console: Any, symbols: dict[str, str], ascii_only: bool
) -> None:
    """Print the counts per area: a table if it fits whole, else two lines per area."""
    from rich import box
    from rich.text import Text as RichText

    w = view.wording
    _ = w.localizer.gettext
    names: list[RichText] = []
    rows: list[list[int]] = []
    for summary in report.areas:
        name = RichText(area_heading(summary, w))
        note = area_note(summary, w)
        if note:
            name.append(f"\n{note}", style="italic dim")
        names.append(name)
        rows.append([summary.counts[s] for s in report.states_shown] + [summary.total])
    totals = report.totals
    names.append(RichText(_("Total"), style="bold"))
    rows.append([totals[s] for s in report.states_shown] + [sum(totals.values())])

    headers = [f"{symbols[state]}\n{w.state(state)}" for state in report.states_shown] + [
        _("Total")
    ]
    columns = [
        Column(
            _("Area"),
            tuple(name.plain for name in names),
            whole=tuple(f"({s.id})" for s in report.areas if s.id is not None),
            floor=12,
        ),
        *(
            # the counts get room first, so that their headers stay on one line if they can
            Column(header, tuple(str(row[i]) for row in rows), weight=1000)
            for i, header in enumerate(headers)
        ),
    ]
    table = fitted_table(
        console,
        columns,
        title=RichText(_("Summary")),
        title_justify="left",
        box=box.ASCII if ascii_only else box.SIMPLE_HEAVY,
        show_edge=False,
        pad_edge=False,
    )
    if table is None:
        _print_rich_summary_blocks(console, w, names, rows, symbols, report.states_shown)
        return
    table.columns[0].header = _("Area")
    for index, state in enumerate(report.states_shown):
        column = table.columns[index + 1]
        column.header = RichText(headers[index], style=STYLES[state])
        column.justify = "right"
    table.columns[-1].header = _("Total")
    table.columns[-1].justify = "right"
    for index, (name, row) in enumerate(zip(names, rows, strict=True)):
        total_row = index == len(rows) - 1
        if total_row:
            table.add_section()
        cells = [
            RichText(str(count), style="bold" if total_row else STYLES[s] if count else "dim")
            for s, count in zip(report.states_shown, row[:-1], strict=True)
        ]
        table.add_row(name, *cells, RichText(str(row[-1]), style="bold" if total_row else ""))
    console.print(table)


def _print_rich_summary_blocks(
    console: Any,
    w: Any,
    names: Sequence[Any],
    rows: Sequence[list[int]],
    symbols: dict[str, str],
    states: Sequence[State],
) -> None:
    """Print the summary for consoles too narrow for its table: each area, then its counts."""
    from rich.padding import Padding
    from rich.text import Text as RichText

    console.print(RichText(w.localizer.gettext("Summary")))
    for name, row in zip(names, rows, strict=True):
        counts = RichText()
        for index, state in enumerate(states):
            if index:
                counts.append(", ")
            counts.append(
                f"{symbols[state]} {w.state(state)} {row[index]}",
                style=STYLES[state] if row[index] else "dim",
            )
        counts.append(f"; {w.localizer.gettext('total')} {row[-1]}", style="bold")
        console.print(Padding(name, (0, 0, 0, 2)), overflow="fold")
        console.print(Padding(counts, (0, 0, 0, 4)), overflow="fold")


def _items_table(
    console: Any,
    heading: Any,
    items: Sequence[Judgement],
    report: StatusReport,
    view: StatusView,
    state_cell: Callable[[State], Any],
    ascii_only: bool,
) -> Any:
    """Return one area's items as a Rich table that fits the console whole, else ``None``.

    ``--all``: state, kind, id, title with the indicator's details, responsible parties,
    deadline and days; the coordinator's view: state, kind, id, title and what is wrong, one
    line per item (``None`` when a row does not fit on one line).
    """
    from rich import box
    from rich.text import Text as RichText

    w = view.wording
    _ = w.localizer.gettext
    rows = []
    ids: dict[str, set[str]] = {"id": set(), "title": set(), "deadline": set()}
    for item in items:
        ids["id"].add(item.id)
        title = RichText(w.text(item.title))
        detail = RichText(item_line(item, w, report.year), style=STYLES[item.state])
        if not view.show_all:
            rows.append(
                [
                    state_cell(item.state),
                    RichText(w.kind(item.kind)),
                    RichText(item.id),
                    title,
                    detail,
                ]
            )
            continue
        if item.indicator is not None:  # "used by: action <id>" lines
            ids["title"].update(ref.id for ref in item.indicator.used_by)
            for label, text in item_details(item, w)[3:]:
                title.append(f"\n{label}: {text}", style="dim")
        if item.deadline is not None and item.deadline.inherited_from is not None:
            ids["deadline"].add(item.deadline.inherited_from.id)  # "... from goal <id>"
        rows.append(
            [
                state_cell(item.state),
                RichText(w.kind(item.kind)),
                RichText(item.id),
                title,
                RichText(", ".join(w.text(p) for p in item.responsible)),
                _rich_deadline(item, w),
                detail,
            ]
        )
    keys: tuple[str, ...] = ("state", "kind", "id", "title", "detail")
    weights: tuple[int, ...] = (1, 1, 1, 5, 3)
    if view.show_all:
        keys = ("state", "kind", "id", "title", "responsible", "deadline", "detail")
        weights = (1, 1, 1, 5, 2, 2, 2)
    names = {
        "state": _("State"),
        "kind": _("Kind"),
        "id": _("Id"),
        "title": _("Title"),
        "responsible": _("Responsible"),
        "deadline": _("Deadline"),
        "detail": _("Days"),
    }
    columns = [
        Column(
            names[key],
            tuple(row[index].plain for row in rows),
            # the state, the kind and the id are never wrapped; in the coordinator's view no
            # column is: one line per item, or blocks of lines if the rows do not fit
            fixed=index < 3 or not view.show_all,
            weight=weights[index],
            whole=tuple(sorted(ids.get(key, ()))),
            floor=TITLE_WIDTH if key == "title" and view.show_all else 0,
        )
        for index, key in enumerate(keys)
    ]
    table = fitted_table(
        console,
        columns,
        title=heading,
        title_justify="left",
        box=box.ASCII if ascii_only else box.SIMPLE,
    )
    if table is None:
        return None
    for column, key in zip(table.columns, keys, strict=True):
        column.header = names[key]
    for row in rows:
        table.add_row(*row)
    return table


def _rich_deadline(item: Judgement, w: Any) -> Any:
    from rich.text import Text as RichText

    deadline = RichText(w.deadline(item.deadline))
    recurring = w.recurring(item)
    if recurring:
        deadline.append(f"\n{recurring}", style="yellow" if item.missing_entries else "dim")
    return deadline


def _print_rich_blocks(
    console: Any,
    heading: Any,
    items: Sequence[Judgement],
    report: StatusReport,
    view: StatusView,
    state_cell: Callable[[State], Any],
) -> None:
    """Print one area's items as blocks of lines, for consoles too narrow for its table.

    ``--all``: each item's line, then its details; the coordinator's view: the line and the title.
    """
    from rich.padding import Padding
    from rich.text import Text as RichText

    w = view.wording
    console.print()
    console.print(heading, overflow="fold")
    for item in items:
        line = state_cell(item.state)
        line.append(f"  {w.kind(item.kind)} ")
        line.append(item.id, style="bold")
        line.append(f"  {item_line(item, w, report.year)}", style=STYLES[item.state])
        console.print(line, overflow="fold")
        if not view.show_all:  # the coordinator's view: the title only, as in plain text
            console.print(Padding(RichText(w.text(item.title)), (0, 0, 0, 4)), overflow="fold")
            continue
        body = RichText()
        for index, (label, text) in enumerate(item_details(item, w)):
            if index:
                body.append("\n")
            body.append(f"{label}: {text}", style="dim" if index > 2 else "")
        console.print(Padding(body, (0, 0, 0, 4)), overflow="fold")


def use_rich(stream: IO[str], environ: dict[str, str] | None = None) -> bool:
    """Whether the table format goes to a terminal that should get Rich tables and colours.

    Not when the stream is not a terminal, ``NO_COLOR`` is set to anything non-empty, or
    ``TERM`` is ``dumb``.
    """
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False
