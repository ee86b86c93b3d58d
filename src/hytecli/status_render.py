"""Showing a :class:`~hytecli.status.StatusReport` as plain text or Markdown.

Every function here returns text; the command line prints it. The words come from
:class:`hytecli.wording.Wording` (fi, sv or en), the judgement from :mod:`hytecli.judge`.
:mod:`hytecli.status_rich` renders the same views as Rich tables for a terminal.
The JSON format is :mod:`hytecli.status_json`'s.

Two views of the same judgement (:class:`StatusView`):

* the coordinator's view (the default): the summary per priority area, then only what needs
  attention (overdue, missed in the year judged, not achieved, due soon, missing yearly
  entries), one line per item;
* ``--all``: every item with its details (title, responsible parties, deadline, indicator's
  target, latest value, outcome and progress).

* ``plain``: text without escape codes, nothing cut to a width;
* ``markdown``: tables for issues and chat; plan text is escaped so the rendered text is exactly
  the plan's, and an ``@name`` or ``#123`` in it notifies or links nobody on GitHub
  (:mod:`hytecli.markdown`);
* ``json``: every item, whatever the view, in the shape documented in ``docs/status.md``
  (:mod:`hytecli.status_json`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hytecli import markdown
from hytecli.judgement import Judgement
from hytecli.status import AreaSummary, StatusReport
from hytecli.wording import Wording


@dataclass(frozen=True)
class StatusView:
    """How a status is shown.

    Attributes:
        wording: The language's words.
        show_all: Every item with its details (``--all``), else only what needs attention.
    """

    wording: Wording
    show_all: bool = False

    @classmethod
    def of(
        cls, report: StatusReport, language: str | None = None, show_all: bool = False
    ) -> StatusView:
        """The view of ``report`` in ``language`` (default: the plan's, else English).

        Raises:
            ValueError: a language without a catalogue.
        """
        from hytecli.i18n import default_language

        chosen = language or default_language(report.language)
        return cls(Wording.for_language(chosen, report.language), show_all)

    def items(self, report: StatusReport, area: str | None) -> list[Judgement]:
        """The items of one area this view shows."""
        items = report.items_in(area)
        if self.show_all:
            return items
        # an item that needs attention only for its assessment is in the "not assessed" list
        return [item for item in items if item.state_needs_attention]


# --- descriptions shared by the text formats ------------------------------------------------------


def area_heading(summary: AreaSummary, w: Wording) -> str:
    """``2. Mielen hyvinvoinnin vahvistaminen (mielen-hyvinvointi)``."""
    if summary.id is None:
        return w.localizer.gettext("Indicators that no goal or action uses")
    number = f"{summary.number}. " if summary.number is not None else ""
    return f"{number}{w.text(summary.title)} ({summary.id})"


def area_note(summary: AreaSummary, w: Wording) -> str:
    """The area's remark in the view's language (no section, not listed), or empty."""
    if summary.note == "no section in the plan":
        return w.localizer.gettext("no section in the plan")
    if summary.note == "not listed in plan/plan.yaml priority_areas":
        return w.localizer.gettext("not in the plan's list of priority areas")
    return ""


def item_line(item: Judgement, w: Wording, year: int) -> str:
    """What one line says of an item: its state's detail and whether it was missed."""
    parts = [
        w.summary(item),
        w.missed(item, year),
        w.recurring(item) if item.missing_entries else "",
    ]
    return "; ".join(part for part in parts if part)


def who(item: Judgement, w: Wording) -> str:
    """``responsible: LUVN: HR, Kunnat`` for the coordinator's view (whom to ask), or empty."""
    if not item.responsible:
        return ""
    names = ", ".join(w.text(party) for party in item.responsible)
    return w.localizer.gettext("responsible: %(names)s", names=names)


def item_details(item: Judgement, w: Wording) -> list[tuple[str, str]]:
    """``(label, text)`` lines that describe an item in full."""
    _ = w.localizer.gettext
    lines = [
        (_("title"), w.text(item.title)),
        (_("responsible"), ", ".join(w.text(p) for p in item.responsible) or "-"),
        (_("deadline"), w.deadline(item.deadline)),
    ]
    recurring = w.recurring(item)
    if recurring:
        lines.append((_("this year"), recurring))
    info = item.indicator
    if info is not None:
        lines += [
            (_("target"), w.target(info)),
            (_("latest value"), w.latest(info)),
            (_("outcome"), w.outcome(item)),
        ]
        if info.progress is not None:
            progress = w.progress(info)
            numeric = info.numeric_progress
            if numeric is not None:
                progress += f": {numeric.reason}"
            lines.append((_("progress"), progress))
        lines.append((_("used by"), w.used_by(info)))
    return lines


def header_lines(report: StatusReport, w: Wording) -> list[str]:
    """The heading: the plan, the day and year judged, and the filters."""
    loc = w.localizer
    lines = [
        loc.gettext(
            "Status of %(plan)s (%(id)s)", plan=w.text(report.plan_title), id=report.plan_id
        ),
        loc.gettext(
            "As of %(date)s in %(zone)s, for the year %(year)s; due soon = due within %(days)s "
            "days.",
            date=w.date(report.as_of),
            zone=report.time_zone,
            year=report.year,
            days=report.due_within,
        ),
    ]
    filters = []
    areas = report.query.areas
    if areas:
        filters.append(
            loc.ngettext("area %(ids)s", "areas %(ids)s", len(areas), ids=", ".join(areas))
        )
    if report.query.responsible:
        filters.append(
            loc.gettext(
                'items whose responsible party contains "%(text)s"', text=report.query.responsible
            )
        )
    if filters:
        lines.append(loc.gettext("Only %(filters)s.", filters="; ".join(filters)))
    notice = round_notice(report, w)
    if notice:
        lines.append(notice)
    return lines


def round_notice(report: StatusReport, w: Wording) -> str | None:
    """The notice that the annual assessment round is due (from its day on), else ``None``."""
    if not report.round_due or report.assessment_round is None:
        return None
    return w.round_notice(report.assessment_round, len(report.unassessed))


def any_state_attention(report: StatusReport) -> bool:
    """Whether some item needs attention for its state (the "Needs attention" lists)."""
    return any(item.state_needs_attention for item in report.items)


def unassessed_by_area(report: StatusReport) -> list[tuple[str, list[str]]]:
    """Each area's id and its goals and actions not yet assessed for the round's year (ids)."""
    found = []
    for summary in report.areas:
        ids = [item.id for item in report.unassessed if item.area == summary.id]
        if summary.id is not None and ids:
            found.append((summary.id, ids))
    return found


def nothing_matches(report: StatusReport, w: Wording) -> str | None:
    """Say why no item is shown (``None`` when some are), naming the filters that matched nothing.

    The filters are ``--area`` and ``--responsible``, alone or together; without either, the plan
    itself has no items yet (a plan just made by ``hyte init``), and the line says so.
    """
    if report.items:
        return None
    loc = w.localizer
    needle = (report.query.responsible or "").strip()
    areas = report.query.areas
    ids = ", ".join(areas)
    if areas and needle:
        return loc.ngettext(
            "No items match: no item in area %(ids)s has a responsible party containing "
            "'%(text)s'.",
            "No items match: no item in areas %(ids)s has a responsible party containing "
            "'%(text)s'.",
            len(areas),
            ids=ids,
            text=needle,
        )
    if areas:
        return loc.ngettext(
            "No items match: no item is in area %(ids)s.",
            "No items match: no item is in areas %(ids)s.",
            len(areas),
            ids=ids,
        )
    if needle:
        return loc.gettext(
            "No items match: no item's responsible party contains '%(text)s'.", text=needle
        )
    return loc.gettext(
        "The plan has no goals, actions or indicators yet: write them in the priority areas' "
        "files in plan/ (see docs/format.md)."
    )


def footer_line(report: StatusReport, view: StatusView) -> str | None:
    """In the coordinator's view: how many items are not shown, and how to see them."""
    if view.show_all or not report.items:
        return None
    loc = view.wording.localizer
    shown = len(report.attention)
    if shown == 0:
        return loc.gettext(
            "Nothing needs attention. 'hyte status --all' shows all %(total)s items.",
            total=loc.number(len(report.items)),
        )
    return loc.gettext(
        "%(shown)s of %(total)s items need attention; 'hyte status --all' shows every item.",
        shown=loc.number(shown),
        total=loc.number(len(report.items)),
    )


def summary_rows(report: StatusReport, w: Wording) -> list[tuple[str, list[int], str]]:
    """``(area, counts per state and total, remark)`` rows, with a total row last."""
    rows = []
    for summary in report.areas:
        name = summary.id if summary.id is not None else "-"
        note = area_heading(summary, w) if summary.id is None else w.text(summary.title)
        remark = area_note(summary, w)
        if remark:
            note += f" ({remark})"
        rows.append(
            (name, [summary.counts[s] for s in report.states_shown] + [summary.total], note)
        )
    totals = report.totals
    rows.append(
        (
            w.localizer.gettext("total"),
            [totals[state] for state in report.states_shown] + [sum(totals.values())],
            "",
        )
    )
    return rows


# --- plain text -----------------------------------------------------------------------------------


def _indent_block(label: str, text: str, width: int) -> list[str]:
    pad = " " * (4 + width + 2)
    first, *rest = text.splitlines() or [""]
    return [f"    {label + ':':<{width + 1}} {first}".rstrip(), *(pad + line for line in rest)]


def render_plain(report: StatusReport, view: StatusView) -> str:
    """Render the table format without a terminal: plain text, nothing cut, no escape codes."""
    w = view.wording
    _ = w.localizer.gettext
    out = header_lines(report, w)
    empty = nothing_matches(report, w)
    if empty is not None and (report.query.responsible or "").strip():
        return "\n".join([*out, "", empty]) + "\n"
    out += ["", _("Summary")]
    headers = [_("area"), *(w.state(s) for s in report.states_shown), _("total")]
    rows = summary_rows(report, w)
    first_width = max(len(headers[0]), *(len(name) for name, _c, _n in rows))
    widths = [len(h) for h in headers[1:]]
    head = [
        headers[0].ljust(first_width),
        *(h.rjust(n) for h, n in zip(headers[1:], widths, strict=True)),
    ]
    out.append("  " + "  ".join(head))
    for name, counts, note in rows:
        cells = [
            name.ljust(first_width),
            *(str(c).rjust(n) for c, n in zip(counts, widths, strict=True)),
        ]
        out.append(("  " + "  ".join(cells) + ("  " + note if note else "")).rstrip())
    if empty is not None:
        out += ["", empty]
    if not view.show_all and any_state_attention(report):
        out += ["", _("Needs attention")]
    label_width = max(
        (len(_(label)) for label in ("title", "responsible", "latest value")), default=12
    )
    for summary in report.areas:
        items = view.items(report, summary.id)
        if not items:
            continue
        heading = area_heading(summary, w)
        out += ["", heading, "=" * len(heading)]
        for item in items:
            line = f"  {w.state(item.state).upper()}: {w.kind(item.kind)} {item.id}"
            detail = item_line(item, w, report.year)
            if view.show_all:
                out += ["", f"{line} - {detail}" if detail else line]
                for label, text in item_details(item, w):
                    out += _indent_block(label, text, label_width)
            else:
                # a title written on several lines keeps them, indented under the item's line
                title = "\n    ".join(w.text(item.title).splitlines())
                responsible = who(item, w)
                out.append(
                    f"{line} - {title} - {detail}" + (f" ({responsible})" if responsible else "")
                )
    if report.unassessed and report.assessment_round is not None:
        out += ["", w.unassessed_heading(report.assessment_round.year)]
        for area, ids in unassessed_by_area(report):
            out.append(f"  {area}: {', '.join(ids)}")
    footer = footer_line(report, view)
    if footer:
        out += ["", footer]
    return "\n".join(out) + "\n"


# --- Markdown -------------------------------------------------------------------------------------

#: Escapes plan text for a Markdown table cell (also used for the headings and lines around the
#: tables): punctuation, ``|``, line breaks as ``<br>``, @-mentions and #-references neutralised.
md_escape = markdown.cell


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: StatusReport, view: StatusView) -> str:
    """Render GitHub-flavoured Markdown: a summary table, then one table per area."""
    w = view.wording
    _ = w.localizer.gettext
    lines = header_lines(report, w)
    out = [f"## {md_escape(lines[0])}", ""]
    out += [md_escape(line) for line in lines[1:]]
    empty = nothing_matches(report, w)
    if empty is not None and (report.query.responsible or "").strip():
        return "\n".join([*out, "", md_escape(empty)]) + "\n"
    out += ["", f"### {_('Summary')}", ""]
    out.append(
        _md_row([_("Area"), *(w.state(s).capitalize() for s in report.states_shown), _("Total")])
    )
    out.append(_md_row(["---", *(["---:"] * (len(report.states_shown) + 1))]))
    for summary in report.areas:
        if summary.id is None:
            name = md_escape(area_heading(summary, w))
        else:
            name = f"{md_escape(w.text(summary.title))} (`{summary.id}`)"
            if summary.note:
                name += f" — _{md_escape(area_note(summary, w))}_"
        counts = [str(summary.counts[s]) for s in report.states_shown] + [str(summary.total)]
        out.append(_md_row([name, *counts]))
    totals = report.totals
    out.append(
        _md_row(
            [
                f"**{_('Total')}**",
                *(str(totals[s]) for s in report.states_shown),
                f"**{sum(totals.values())}**",
            ]
        )
    )
    if empty is not None:
        out += ["", md_escape(empty)]
    headers = [
        _("State"),
        _("Kind"),
        _("Id"),
        _("Title"),
        _("Responsible"),
        _("Deadline"),
        _("Days"),
    ]
    for summary in report.areas:
        items = view.items(report, summary.id)
        if not items:
            continue
        out += ["", f"### {md_escape(area_heading(summary, w))}", ""]
        out.append(_md_row(headers))
        out.append(_md_row(["---"] * len(headers)))
        for item in items:
            state = w.state(item.state)
            if item.needs_attention:
                state = f"**{state}**"
            title_lines = [md_escape(w.text(item.title))]
            if view.show_all and item.indicator is not None:
                title_lines += [
                    f"_{md_escape(label)}:_ {md_escape(text)}"
                    for label, text in item_details(item, w)[3:]
                    if label != _("this year")
                ]
            deadline = md_escape(w.deadline(item.deadline))
            recurring = w.recurring(item)
            if recurring:
                deadline += "<br>" + md_escape(recurring)
            out.append(
                _md_row(
                    [
                        state,
                        w.kind(item.kind),
                        f"`{item.id}`",
                        "<br>".join(title_lines),
                        md_escape(", ".join(w.text(p) for p in item.responsible)),
                        deadline,
                        md_escape(item_line(item, w, report.year)),
                    ]
                )
            )
    if report.unassessed and report.assessment_round is not None:
        out += ["", f"### {md_escape(w.unassessed_heading(report.assessment_round.year))}", ""]
        for area, ids in unassessed_by_area(report):
            listed = ", ".join(f"`{ident}`" for ident in ids)
            out.append(f"- `{area}`: {listed}")
    footer = footer_line(report, view)
    if footer:
        out += ["", md_escape(footer)]
    return "\n".join(out) + "\n"
