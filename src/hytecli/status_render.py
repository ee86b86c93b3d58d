"""Showing a :class:`~hytecli.status.StatusReport`: a Rich table, plain text, Markdown or JSON.

``render_*`` functions return text; :func:`print_status` is the only function that writes.

* ``table`` on a terminal: Rich tables, colours plus a symbol and a word for each state (never
  colour alone). Plan text is always passed to Rich as :class:`rich.text.Text`, so square
  brackets in it are printed as written and never read as markup.
* ``table`` when the output is not a terminal, or ``NO_COLOR`` is set, or ``TERM=dumb``: plain
  text without escape codes, one block per item, every text in full (nothing is cut to fit a
  width; long texts simply run on, and texts with line breaks keep them, indented).
* ``markdown``: tables for issues and chat; ``|``, line breaks and Markdown punctuation in cells
  are escaped so the rendered text is exactly the plan's, and an ``@name`` or ``#123`` in it
  notifies or links nobody on GitHub (:mod:`hytecli.markdown`).
* ``json``: the shape documented in ``docs/status.md`` (``"version": 1``).

Output never fails on a terminal that cannot encode a character: JSON falls back to ASCII
escapes, other formats to ``?`` (and Rich to ASCII boxes and symbols).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from hytecli import markdown
from hytecli.labels import PROGRESS_LABELS, STATE_ASCII_SYMBOLS, STATE_LABELS, STATE_SYMBOLS
from hytecli.models import Text
from hytecli.progress import ProgressAssessment
from hytecli.status import (
    STATES,
    AreaSummary,
    DeadlineStatus,
    IndicatorStatus,
    Outcome,
    State,
    StatusItem,
    StatusReport,
    TargetInfo,
    ValueInfo,
)

JSON_VERSION = 1

#: The states' and progress statuses' names and symbols: hytecli.labels' (the report translates
#: the same names), shown here in English.
LABELS = STATE_LABELS
SYMBOLS = STATE_SYMBOLS
ASCII_SYMBOLS = STATE_ASCII_SYMBOLS
STYLES: dict[State, str] = {
    State.DONE: "green",
    State.OVERDUE: "bold red",
    State.DUE_SOON: "yellow",
    State.OPEN: "cyan",
    State.NO_DEADLINE: "dim",
}

OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.ACHIEVED: "achieved",
    Outcome.NOT_ACHIEVED: "not achieved",
    Outcome.NOT_RECORDED: "not recorded",
    Outcome.RECORDED: "recorded (no target to judge against)",
}
_COMPARISONS = {"at_least": "at least", "at_most": "at most", "equal": "exactly"}
UNUSED_TITLE = "Indicators that no goal or action uses"
#: Below this terminal width, Rich output shows items as blocks instead of a table.
NARROW_WIDTH = 100


# --- descriptions shared by the text formats ------------------------------------------------------


def _text(text: Text | None, language: str) -> str:
    return "" if text is None else text.get(language)[0]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _value(value: bool | int | float | str | None) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def describe_days(item: StatusItem) -> str:
    """``overdue by 3 days``, ``due today``, ``due in 12 days``, ``done 2024-11-28, on time``..."""
    if item.state is State.OVERDUE and item.days is not None:
        return f"overdue by {_plural(item.days, 'day')}"
    if item.state in (State.DUE_SOON, State.OPEN) and item.days is not None:
        return "due today" if item.days == 0 else f"due in {_plural(item.days, 'day')}"
    if item.state is State.DONE and item.done is not None:
        done = item.done
        if done.on_time is None:
            return f"done {done.date.isoformat()}"
        if done.on_time:
            return f"done {done.date.isoformat()}, on time"
        return f"done {done.date.isoformat()}, {_plural(done.days_late or 0, 'day')} late"
    return "no deadline"


def describe_deadline(deadline: DeadlineStatus | None, language: str) -> str:
    """Describe a deadline: its normalised date and the plan's words (``2024-12-31 (2024)``)."""
    if deadline is None:
        return "none"
    due = deadline.due.isoformat() if deadline.due is not None else "cannot be resolved"
    parts = []
    if deadline.form == "term_end":
        parts.append(f"end of council term {deadline.written}")
    elif deadline.form == "annual":
        parts.append("every year")
    elif deadline.written != due:
        parts.append(deadline.written)
    if deadline.wording is not None:
        parts.append(f'"{_text(deadline.wording, language)}"')
    if deadline.inherited_from is not None:
        ref = deadline.inherited_from
        parts.append(f"from {ref.kind} {ref.id}")
    return f"{due} ({'; '.join(parts)})" if parts else due


def describe_recurring(item: StatusItem) -> str | None:
    """``2025 entry: not recorded; missing for 2024`` for recurring items, else ``None``."""
    rec = item.recurring
    if rec is None:
        return None
    text = f"{rec.year} entry: {'recorded' if rec.entry_exists else 'not recorded'}"
    if rec.missing_years:
        text += f"; missing for {', '.join(str(y) for y in rec.missing_years)}"
    return text


def describe_target(target: TargetInfo | None, info: IndicatorStatus, language: str) -> str:
    """``yes``, ``at least 10 kpl``, ``at least maan keskiarvo``, or ``none set``."""
    if target is None:
        return "none set"
    if target.reference is not None:
        label = _text(target.label, language) or target.reference
        text = f"{_COMPARISONS.get(target.comparison or '', 'compared with')} {label}"
    elif isinstance(target.value, bool):
        text = _value(target.value)
    else:
        comparison = _COMPARISONS.get(target.comparison or "", "")
        unit = _text(info.unit, language)
        if info.indicator_kind == "percentage" and not unit:
            unit = "%"
        text = " ".join(p for p in (comparison, _value(target.value), unit) if p)
    if target.wording is not None:
        text += f' ("{_text(target.wording, language)}")'
    return text


def describe_latest(info: IndicatorStatus, language: str | None = None) -> str:
    """``not recorded`` or ``12.5 % (2024)``, with the reference value when there is one.

    A number is followed by its unit as in the target's line (:func:`describe_target`): the
    indicator's ``unit`` (in ``language``; ``None``: its first written language), or ``%`` for a
    percentage indicator without one. Yes/no and text values have no unit.
    """
    if info.latest is None:
        return "not recorded"
    unit = _text(info.unit, language or "")
    if info.indicator_kind == "percentage" and not unit:
        unit = "%"

    def with_unit(value: bool | int | float | str | None) -> str:
        shown = _value(value)
        if unit and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{shown} {unit}"
        return shown

    text = f"{with_unit(info.latest.value)} ({info.latest.period})"
    if info.reference_value is not None:
        text += f"; reference {with_unit(info.reference_value.value)}"
    return text


def describe_progress(progress: ProgressAssessment) -> str:
    """``on track: <reason>``: the progress status and the sentence with the numbers behind it."""
    return f"{PROGRESS_LABELS[progress.status]}: {progress.reason}"


def indicator_lines(item: StatusItem, language: str) -> list[tuple[str, str]]:
    """``(label, text)`` lines describing an indicator item (empty for goals and actions)."""
    info = item.indicator
    if info is None:
        return []
    outcome = OUTCOME_LABELS[info.outcome]
    if info.outcome is Outcome.NOT_ACHIEVED and item.state is not State.OVERDUE:
        outcome = "not achieved yet"  # its deadline has not passed (or it has none)
    lines = [
        ("target", describe_target(info.target, info, language)),
        ("latest value", describe_latest(info, language)),
        ("outcome", outcome),
    ]
    if item.recurring is not None:  # the outcome is that of the year judged
        lines[-1] = ("outcome", f"{lines[-1][1]} for {item.recurring.year}")
    if info.progress is not None:
        lines.append(("progress", describe_progress(info.progress)))
    users = ", ".join(f"{ref.kind} {ref.id}" for ref in info.used_by) or "no goal or action"
    lines.append(("used by", users))
    return lines


def area_heading(summary: AreaSummary, language: str) -> str:
    """``2. Mielen hyvinvoinnin vahvistaminen (mielen-hyvinvointi)``."""
    if summary.id is None:
        return UNUSED_TITLE
    number = f"{summary.number}. " if summary.number is not None else ""
    return f"{number}{_text(summary.title, language)} ({summary.id})"


# --- JSON -----------------------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _value_json(value: ValueInfo | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"period": value.period, "value": value.value, "date": _iso(value.date)}


def _item_json(item: StatusItem, language: str) -> dict[str, Any]:
    deadline = item.deadline
    info = item.indicator
    return {
        "kind": item.kind,
        "id": item.id,
        "area": item.area,
        "goal": item.goal,
        "title": _text(item.title, language),
        "responsible": [_text(party, language) for party in item.responsible],
        "state": str(item.state),
        "days": item.days,
        "deadline": None
        if deadline is None
        else {
            "due": _iso(deadline.due),
            "form": deadline.form,
            "written": deadline.written,
            "wording": _text(deadline.wording, language) or None,
            "inherited_from": None
            if deadline.inherited_from is None
            else {"kind": deadline.inherited_from.kind, "id": deadline.inherited_from.id},
        },
        "done": None
        if item.done is None
        else {
            "date": item.done.date.isoformat(),
            "on_time": item.done.on_time,
            "days_late": item.done.days_late,
        },
        "recurring": None
        if item.recurring is None
        else {
            "year": item.recurring.year,
            "due": item.recurring.due.isoformat(),
            "entry_exists": item.recurring.entry_exists,
            "missing_years": list(item.recurring.missing_years),
        },
        "indicator": None
        if info is None
        else {
            "kind": info.indicator_kind,
            "unit": _text(info.unit, language) or None,
            "target": None
            if info.target is None
            else {
                "value": info.target.value,
                "comparison": info.target.comparison,
                "reference": info.target.reference,
                "label": _text(info.target.label, language) or None,
                "wording": _text(info.target.wording, language) or None,
            },
            "latest": _value_json(info.latest),
            "reference_value": _value_json(info.reference_value),
            "outcome": str(info.outcome),
            "progress": info.progress.as_dict() if info.progress is not None else None,
            "used_by": [{"kind": ref.kind, "id": ref.id} for ref in info.used_by],
        },
        "file": item.path,
    }


def _counts_json(counts: dict[State, int] | Any) -> dict[str, int]:
    return {str(state): counts[state] for state in STATES}


def status_to_json(report: StatusReport) -> dict[str, Any]:
    """Return the report as the JSON-ready mapping documented in ``docs/status.md``."""
    language = report.language
    totals = report.totals
    return {
        "version": JSON_VERSION,
        "as_of": report.as_of.isoformat(),
        "time_zone": report.time_zone,
        "plan": {"id": report.plan_id, "title": _text(report.plan_title, language)},
        "due_within_days": report.due_within,
        "filters": {
            "areas": list(report.query.areas),
            "responsible": report.query.responsible,
        },
        "summary": [
            {
                "area": summary.id,
                "title": _text(summary.title, language) or None,
                "has_section": summary.has_section,
                "note": summary.note,
                "counts": _counts_json(summary.counts),
                "total": summary.total,
                "missing_entries": summary.missing_entries,
            }
            for summary in report.areas
        ],
        "totals": {
            "counts": _counts_json(totals),
            "total": sum(totals.values()),
            "missing_entries": sum(item.missing_entries for item in report.items),
        },
        "items": [_item_json(item, language) for item in report.items],
    }


def render_json(report: StatusReport, ascii_only: bool = False) -> str:
    """Return the report as JSON text (with a final newline); ``ascii_only`` escapes non-ASCII."""
    return (
        json.dumps(status_to_json(report), ensure_ascii=ascii_only, indent=2, allow_nan=False)
        + "\n"
    )


# --- plain text -----------------------------------------------------------------------------------


def _header_lines(report: StatusReport) -> list[str]:
    title = _text(report.plan_title, report.language)
    lines = [
        f"Status of {title} ({report.plan_id})",
        f"As of {report.as_of.isoformat()} in {report.time_zone}; "
        f"due soon = due within {_plural(report.due_within, 'day')}.",
    ]
    filters = []
    areas = report.query.areas
    if areas:
        filters.append(f"{'area' if len(areas) == 1 else 'areas'} {', '.join(areas)}")
    if report.query.responsible:
        filters.append(f'items whose responsible party contains "{report.query.responsible}"')
    if filters:
        lines.append(f"Only {'; '.join(filters)}.")
    return lines


def _nobody_responsible(report: StatusReport) -> bool:
    """Whether ``--responsible`` is what left no item (the summary is then all zeros)."""
    return not report.items and bool((report.query.responsible or "").strip())


def nothing_matches(report: StatusReport) -> str | None:
    """Say why no item is shown (``None`` when some are), naming the filter that matched nothing.

    ``No items match: no item's responsible party contains 'zzz'.`` when ``--responsible`` left
    nothing; the summary's all-zero rows are then left out, as they say nothing more.
    """
    if report.items:
        return None
    needle = (report.query.responsible or "").strip()
    if not needle:
        return "No items match."
    areas = report.query.areas
    where = f" in {'area' if len(areas) == 1 else 'areas'} {', '.join(areas)}" if areas else ""
    return f"No items match: no item's responsible party contains '{needle}'{where}."


def _summary_rows(report: StatusReport) -> list[tuple[str, list[int], str]]:
    rows = []
    for summary in report.areas:
        name = summary.id if summary.id is not None else "(unused indicators)"
        note = _text(summary.title, report.language) if summary.id is not None else UNUSED_TITLE
        if summary.id is not None and summary.note:
            note += f" ({summary.note})"
        counts = [summary.counts[state] for state in STATES] + [summary.total]
        rows.append((name, counts, note))
    totals = report.totals
    rows.append(("total", [totals[state] for state in STATES] + [sum(totals.values())], ""))
    return rows


def _indent_block(label: str, text: str, width: int) -> list[str]:
    pad = " " * (4 + width + 2)
    first, *rest = text.splitlines() or [""]
    return [f"    {label + ':':<{width + 1}} {first}".rstrip(), *(pad + line for line in rest)]


def render_plain(report: StatusReport) -> str:
    """Render the ``table`` format without a terminal: plain text, nothing cut, no escape codes."""
    language = report.language
    out = _header_lines(report)
    empty = nothing_matches(report)
    if empty is not None and _nobody_responsible(report):
        return "\n".join([*out, "", empty]) + "\n"
    out += ["", "Summary"]
    headers = ["area", *(LABELS[s] for s in STATES), "total"]
    rows = _summary_rows(report)
    first_width = max(len(headers[0]), *(len(name) for name, _, _ in rows))
    widths = [len(h) for h in headers[1:]]
    out.append(
        "  "
        + "  ".join(
            [
                headers[0].ljust(first_width),
                *(h.rjust(w) for h, w in zip(headers[1:], widths, strict=True)),
            ]
        )
    )
    for name, counts, note in rows:
        cells = [
            name.ljust(first_width),
            *(str(c).rjust(w) for c, w in zip(counts, widths, strict=True)),
        ]
        out.append(("  " + "  ".join(cells) + ("  " + note if note else "")).rstrip())
    if empty is not None:
        out += ["", empty]
    label_width = len("latest value")
    for summary in report.areas:
        items = report.items_in(summary.id)
        if not items:
            continue
        heading = area_heading(summary, language)
        out += ["", heading, "=" * len(heading)]
        for item in items:
            symbol = LABELS[item.state].upper()
            out.append("")
            out.append(f"  {symbol}: {item.kind} {item.id} - {describe_days(item)}")
            fields: list[tuple[str, str]] = [
                ("title", _text(item.title, language)),
                ("responsible", ", ".join(_text(p, language) for p in item.responsible) or "-"),
                ("deadline", describe_deadline(item.deadline, language)),
            ]
            recurring = describe_recurring(item)
            if recurring:
                fields.append(("this year", recurring))
            fields += indicator_lines(item, language)
            for label, text in fields:
                out += _indent_block(label, text, label_width)
    return "\n".join(out) + "\n"


# --- Markdown -------------------------------------------------------------------------------------

#: Escapes plan text for a Markdown table cell (also used for the headings and lines around the
#: tables): punctuation, ``|``, line breaks as ``<br>``, @-mentions and #-references neutralised.
md_escape = markdown.cell


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: StatusReport) -> str:
    """Render GitHub-flavoured Markdown: a summary table, then one table per area."""
    language = report.language
    title = _text(report.plan_title, language)
    out = [f"## Status: {md_escape(title)}", ""]
    out += [md_escape(line) for line in _header_lines(report)[1:]]
    empty = nothing_matches(report)
    if empty is not None and _nobody_responsible(report):
        return "\n".join([*out, "", md_escape(empty)]) + "\n"
    out += ["", "### Summary", ""]
    out.append(_md_row(["Area", *(LABELS[s].capitalize() for s in STATES), "Total"]))
    out.append(_md_row(["---", *(["---:"] * (len(STATES) + 1))]))
    for summary in report.areas:
        if summary.id is None:
            name = md_escape(UNUSED_TITLE)
        else:
            name = f"{md_escape(_text(summary.title, language))} (`{summary.id}`)"
            if summary.note:
                name += f" — _{md_escape(summary.note)}_"
        counts = [str(summary.counts[s]) for s in STATES] + [str(summary.total)]
        out.append(_md_row([name, *counts]))
    totals = report.totals
    out.append(
        _md_row(["**Total**", *(str(totals[s]) for s in STATES), f"**{sum(totals.values())}**"])
    )
    if empty is not None:
        out += ["", md_escape(empty)]
    for summary in report.areas:
        items = report.items_in(summary.id)
        if not items:
            continue
        out += ["", f"### {md_escape(area_heading(summary, language))}", ""]
        out.append(_md_row(["State", "Kind", "Id", "Title", "Responsible", "Deadline", "Days"]))
        out.append(_md_row(["---"] * 7))
        for item in items:
            state = LABELS[item.state]
            if item.state is State.OVERDUE:
                state = f"**{state}**"
            title_lines = [md_escape(_text(item.title, language))]
            title_lines += [
                f"_{md_escape(label)}:_ {md_escape(text)}"
                for label, text in indicator_lines(item, language)
            ]
            deadline = md_escape(describe_deadline(item.deadline, language))
            recurring = describe_recurring(item)
            if recurring:
                deadline += "<br>" + md_escape(recurring)
            out.append(
                _md_row(
                    [
                        state,
                        item.kind,
                        f"`{item.id}`",
                        "<br>".join(title_lines),
                        md_escape(", ".join(_text(p, language) for p in item.responsible)),
                        deadline,
                        md_escape(describe_days(item)),
                    ]
                )
            )
    return "\n".join(out) + "\n"


# --- Rich -----------------------------------------------------------------------------------------

#: A word of plan prose (a title, a responsible party) longer than this may be folded in a table
#: cell rather than make the whole table fall back to blocks; ids and header words never are.
PROSE_WORD = 16
#: The narrowest Title column worth a table; below it the items are shown as blocks of lines.
TITLE_WIDTH = 30


@dataclass(frozen=True)
class _Column:
    """A table column to lay out: its header and cells as plain text, and how it may wrap.

    A ``fixed`` column is never wrapped: its width is its longest line. Other columns wrap at
    spaces and are never narrower than the longest word of their header, any of their ``whole``
    tokens (ids), ``floor``, or their longest word up to :data:`PROSE_WORD` cells. Spare room
    goes to the columns in proportion to ``weight``, up to each column's longest line.
    """

    header: str
    cells: tuple[str, ...]
    fixed: bool = False
    weight: int = 1
    whole: tuple[str, ...] = ()
    floor: int = 0

    def bounds(self) -> tuple[int, int]:
        """Return the column's least and natural content width, in terminal cells."""
        from rich.cells import cell_len

        texts = (self.header, *self.cells)
        longest = max((cell_len(line) for text in texts for line in text.splitlines()), default=0)
        if self.fixed:
            return longest, longest
        words = [cell_len(word) for text in self.cells for word in text.split()]
        least = max(
            [cell_len(word) for word in self.header.split()]
            + [cell_len(token) for token in self.whole]
            + [min(max(words, default=0), PROSE_WORD), self.floor]
        )
        return least, max(least, longest)


def fit_columns(columns: Sequence[_Column], width: int) -> list[int] | None:
    """Return content widths for ``columns`` that add up to at most ``width``, or ``None``.

    ``None`` means the columns cannot fit without breaking an id or a header word (or cutting a
    column off); the caller then shows the rows as blocks of lines instead.
    """
    bounds = [column.bounds() for column in columns]
    widths = [least for least, _most in bounds]
    spare = width - sum(widths)
    if spare < 0:
        return None
    while spare > 0:
        growing = [i for i, (_least, most) in enumerate(bounds) if widths[i] < most]
        if not growing:
            break
        pick = min(growing, key=lambda i: (widths[i] / columns[i].weight, i))
        widths[pick] += 1
        spare -= 1
    return widths


def _frame_width(table: Any, columns: int) -> int:
    """Cells a Rich table of ``columns`` columns spends on its box and cell padding."""
    frame = ((2 if table.show_edge else 0) + columns - 1) if table.box else 0
    _top, right, _bottom, left = table.padding
    frame += (left + right) * columns
    if not table.pad_edge:
        frame -= left + right
    return int(frame)


def _fitted_table(console: Any, columns: Sequence[_Column], **options: Any) -> Any:
    """Return an empty Rich table with ``columns`` sized to fit ``console``, else ``None``."""
    from rich.table import Table

    table = Table(**options)
    widths = fit_columns(columns, console.width - _frame_width(table, len(columns)))
    if widths is None:
        return None
    for column, width in zip(columns, widths, strict=True):
        table.add_column(no_wrap=column.fixed, overflow="fold", width=width)
    return table


def print_rich(report: StatusReport, console: Any) -> None:
    """Print the report with Rich on ``console`` (a :class:`rich.console.Console`).

    The summary is a table when it fits the console with every id and header word whole, else a
    block of lines per area. Each area's items are a table on consoles at least
    :data:`NARROW_WIDTH` wide when that table fits the same way, else blocks of lines. Nothing is
    cut off: a text too long for its cell wraps at spaces (only a very long word of plan prose is
    folded).
    """
    from rich.text import Text as RichText

    language = report.language
    ascii_only = not (console.encoding or "").lower().startswith("utf")
    symbols = ASCII_SYMBOLS if ascii_only else SYMBOLS

    def state_cell(state: State) -> RichText:
        return RichText(f"{symbols[state]} {LABELS[state]}", style=STYLES[state])

    for line in _header_lines(report):
        console.print(RichText(line), overflow="fold")
    empty = nothing_matches(report)
    if empty is None or not _nobody_responsible(report):
        _print_rich_summary(report, console, symbols)
    if empty is not None:
        console.print(RichText(empty), overflow="fold")
    for summary in report.areas:
        items = report.items_in(summary.id)
        if not items:
            continue
        heading = RichText(area_heading(summary, language), style="bold")
        table = None
        if console.width >= NARROW_WIDTH:
            table = _items_table(console, heading, items, language, state_cell)
        if table is None:
            _print_rich_blocks(console, heading, items, language, state_cell)
        else:
            console.print()
            console.print(table)


def _print_rich_summary(report: StatusReport, console: Any, symbols: dict[str, str]) -> None:
    """Print the counts per area: a table if it fits whole, else two lines per area."""
    from rich import box
    from rich.text import Text as RichText

    names: list[RichText] = []
    rows: list[list[int]] = []
    for summary in report.areas:
        name = RichText(area_heading(summary, report.language))
        if summary.note and summary.id is not None:
            name.append(f"\n{summary.note}", style="italic dim")
        names.append(name)
        rows.append([summary.counts[s] for s in STATES] + [summary.total])
    totals = report.totals
    names.append(RichText("Total", style="bold"))
    rows.append([totals[s] for s in STATES] + [sum(totals.values())])

    headers = [f"{symbols[state]}\n{LABELS[state]}" for state in STATES] + ["Total"]
    columns = [
        _Column(
            "Area",
            tuple(name.plain for name in names),
            whole=tuple(f"({s.id})" for s in report.areas if s.id is not None),
            floor=12,
        ),
        *(
            # the counts get room first, so that their headers stay on one line if they can
            _Column(header, tuple(str(row[i]) for row in rows), weight=1000)
            for i, header in enumerate(headers)
        ),
    ]
    table = _fitted_table(
        console,
        columns,
        title=RichText("Summary"),
        title_justify="left",
        box=box.SIMPLE_HEAVY,
        show_edge=False,
        pad_edge=False,
    )
    if table is None:
        _print_rich_summary_blocks(console, names, rows, symbols)
        return
    table.columns[0].header = "Area"
    for index, state in enumerate(STATES):
        column = table.columns[index + 1]
        column.header = RichText(headers[index], style=STYLES[state])
        column.justify = "right"
    table.columns[-1].header = "Total"
    table.columns[-1].justify = "right"
    for index, (name, row) in enumerate(zip(names, rows, strict=True)):
        total_row = index == len(rows) - 1
        if total_row:
            table.add_section()
        cells = [
            RichText(str(count), style="bold" if total_row else STYLES[s] if count else "dim")
            for s, count in zip(STATES, row[:-1], strict=True)
        ]
        table.add_row(name, *cells, RichText(str(row[-1]), style="bold" if total_row else ""))
    console.print(table)


def _print_rich_summary_blocks(
    console: Any, names: Sequence[Any], rows: Sequence[list[int]], symbols: dict[str, str]
) -> None:
    """Print the summary for consoles too narrow for its table: each area, then its counts."""
    from rich.padding import Padding
    from rich.text import Text as RichText

    console.print(RichText("Summary"))
    for name, row in zip(names, rows, strict=True):
        counts = RichText()
        for index, state in enumerate(STATES):
            if index:
                counts.append(", ")
            counts.append(
                f"{symbols[state]} {LABELS[state]} {row[index]}",
                style=STYLES[state] if row[index] else "dim",
            )
        counts.append(f"; total {row[-1]}", style="bold")
        console.print(Padding(name, (0, 0, 0, 2)), overflow="fold")
        console.print(Padding(counts, (0, 0, 0, 4)), overflow="fold")


def _items_table(
    console: Any,
    heading: Any,
    items: Sequence[StatusItem],
    language: str,
    state_cell: Callable[[State], Any],
) -> Any:
    """Return one area's items as a Rich table that fits the console whole, else ``None``."""
    from rich import box
    from rich.text import Text as RichText

    rows = []
    ids: dict[str, set[str]] = {"Id": set(), "Title": set(), "Deadline": set()}
    for item in items:
        ids["Id"].add(item.id)
        if item.indicator is not None:  # "used by: action <id>" lines
            ids["Title"].update(ref.id for ref in item.indicator.used_by)
        if item.deadline is not None and item.deadline.inherited_from is not None:
            ids["Deadline"].add(item.deadline.inherited_from.id)  # "... from goal <id>"
        title = RichText(_text(item.title, language))
        for label, text in indicator_lines(item, language):
            title.append(f"\n{label}: {text}", style="dim")
        rows.append(
            [
                state_cell(item.state),
                RichText(item.kind),
                RichText(item.id),
                title,
                RichText(", ".join(_text(p, language) for p in item.responsible)),
                _rich_deadline(item, language),
                RichText(describe_days(item), style=STYLES[item.state]),
            ]
        )
    headers = ("State", "Kind", "Id", "Title", "Responsible", "Deadline", "Days")
    weights = (1, 1, 1, 5, 2, 2, 2)
    columns = [
        _Column(
            header,
            tuple(row[index].plain for row in rows),
            fixed=index < 3,  # the state, the kind and the id are never wrapped
            weight=weights[index],
            whole=tuple(sorted(ids.get(header, ()))),
            floor=TITLE_WIDTH if header == "Title" else 0,
        )
        for index, header in enumerate(headers)
    ]
    table = _fitted_table(console, columns, title=heading, title_justify="left", box=box.SIMPLE)
    if table is None:
        return None
    for column, header in zip(table.columns, headers, strict=True):
        column.header = header
    for row in rows:
        table.add_row(*row)
    return table


def _rich_deadline(item: StatusItem, language: str) -> Any:
    from rich.text import Text as RichText

    deadline = RichText(describe_deadline(item.deadline, language))
    recurring = describe_recurring(item)
    if recurring:
        deadline.append(f"\n{recurring}", style="yellow" if item.missing_entries else "dim")
    return deadline


def _print_rich_blocks(
    console: Any,
    heading: Any,
    items: Sequence[StatusItem],
    language: str,
    state_cell: Callable[[State], Any],
) -> None:
    """Print one area's items as blocks of lines, for consoles too narrow for its table."""
    from rich.padding import Padding
    from rich.text import Text as RichText

    console.print()
    console.print(heading, overflow="fold")
    for item in items:
        line = state_cell(item.state)
        line.append(f"  {item.kind} ")
        line.append(item.id, style="bold")
        line.append(f"  {describe_days(item)}", style=STYLES[item.state])
        console.print(line, overflow="fold")
        body = RichText(_text(item.title, language))
        responsible = ", ".join(_text(p, language) for p in item.responsible)
        body.append(f"\nresponsible: {responsible or '-'}\ndeadline: ")
        body.append_text(_rich_deadline(item, language))
        for label, text in indicator_lines(item, language):
            body.append(f"\n{label}: {text}", style="dim")
        console.print(Padding(body, (0, 0, 0, 4)), overflow="fold")


# --- output ---------------------------------------------------------------------------------------


def _encoding(stream: IO[str]) -> str:
    return (getattr(stream, "encoding", None) or "utf-8").lower()


def _write(stream: IO[str], text: str) -> None:
    """Write ``text``, escaping characters the stream's encoding cannot show (hytecli.output)."""
    from hytecli.output import faithful_text

    stream.write(faithful_text(text, stream))
    stream.flush()


def use_rich(stream: IO[str], environ: dict[str, str] | None = None) -> bool:
    """Whether the ``table`` format goes to a terminal that should get Rich tables and colours.

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


def print_status(
    report: StatusReport,
    output_format: str = "table",
    file: IO[str] | None = None,
    terminal: bool | None = None,
) -> None:
    """Print ``report`` in ``output_format`` (``table``, ``json`` or ``markdown``).

    Args:
        report: The computed status.
        output_format: ``table`` (Rich on a terminal, else plain text), ``json`` or ``markdown``.
        file: Where to write (default: standard output).
        terminal: Force (``True``) or refuse (``False``) Rich tables; ``None`` detects it.

    Raises:
        ValueError: an unknown format.

    """
    stream = file if file is not None else sys.stdout
    if output_format == "json":
        ascii_only = not _encoding(stream).replace("-", "").startswith("utf")
        _write(stream, render_json(report, ascii_only=ascii_only))
    elif output_format == "markdown":
        _write(stream, render_markdown(report))
    elif output_format == "table":
        rich = use_rich(stream) if terminal is None else terminal
        if not rich:
            _write(stream, render_plain(report))
            return
        from rich.console import Console

        console = Console(
            file=stream,
            force_terminal=True if terminal else None,
            markup=False,
            emoji=False,
            highlight=False,
        )
        print_rich(report, console)
    else:
        raise ValueError(f"unknown status format {output_format!r}: use table, json or markdown")
