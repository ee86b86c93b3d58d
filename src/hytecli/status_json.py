"""``hyte status --format json``: a :class:`~hytecli.status.StatusReport` as data.

Every item, whatever the view, in the shape documented in ``docs/status.md``
(:data:`JSON_VERSION`); :func:`item_json` is also the shape of the report's JSON items
(:mod:`hytecli.report.data`). Texts are in the view's language (:class:`~hytecli.wording.Wording`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hytecli.hidden_text import json_safe
from hytecli.json_text import MappedList, indented_json_parts
from hytecli.judgement import STATES, Judgement, ValueInfo
from hytecli.status import StatusReport
from hytecli.status_render import StatusView, round_notice
from hytecli.wording import Wording

JSON_VERSION = 3


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _value_json(value: ValueInfo | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"period": value.period, "value": value.value, "date": _iso(value.date)}


def item_json(item: Judgement, w: Wording) -> dict[str, Any]:
    """One judged item as JSON-ready data (the ``items`` of ``docs/status.md``)."""
    deadline = item.deadline
    info = item.indicator
    return {
        "kind": item.kind,
        "id": item.id,
        "area": item.area,
        "areas": list(item.areas),
        "goal": item.goal,
        "title": w.text(item.title),
        "responsible": [w.text(party) for party in item.responsible],
        "state": str(item.state),
        "state_text": w.summary(item),
        "days": item.days,
        "missed": item.missed,
        "deadline": None
        if deadline is None
        else {
            "due": _iso(deadline.due),
            "form": deadline.form,
            "written": deadline.written,
            "wording": w.text(deadline.wording) or None,
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
            "unit": w.text(info.unit) or None,
            "target": None
            if info.target is None
            else {
                "value": info.target.value,
                "comparison": info.target.comparison,
                "reference": info.target.reference,
                "label": w.text(info.target.label) or None,
                "wording": w.text(info.target.wording) or None,
            },
            "values": [_value_json(v) for v in info.values],
            "latest": _value_json(info.latest),
            "reference_value": _value_json(info.reference_value),
            "outcome": str(info.outcome),
            "progress_status": info.progress_key,
            "progress": info.numeric_progress.as_dict() if info.numeric_progress else None,
            "used_by": [{"kind": ref.kind, "id": ref.id} for ref in info.used_by],
        },
        "file": item.path,
    }


def _counts_json(counts: Any) -> dict[str, int]:
    return {str(state): counts[state] for state in STATES}


def status_to_json(report: StatusReport, w: Wording) -> dict[str, Any]:
    """Return the report as the JSON-ready mapping documented in ``docs/status.md``."""
    data = _status_data(report, w)
    data["items"] = data["items"].values()
    return data


def _status_data(report: StatusReport, w: Wording) -> dict[str, Any]:
    """:func:`status_to_json`, its items made as they are written (:class:`MappedList`)."""
    totals = report.totals
    return {
        "version": JSON_VERSION,
        "as_of": report.as_of.isoformat(),
        "year": report.year,
        "time_zone": report.time_zone,
        "language": w.language,
        "plan": {"id": report.plan_id, "title": w.text(report.plan_title)},
        "due_within_days": report.due_within,
        "filters": {
            "areas": list(report.query.areas),
            "responsible": report.query.responsible,
        },
        "summary": [
            {
                "area": summary.id,
                "title": w.text(summary.title) or None,
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
            "missed": sum(item.missed for item in report.items),
            "needs_attention": len(report.attention),
            "unassessed": len(report.unassessed),
        },
        "assessment_round": _round_json(report, w),
        "items": MappedList(report.items, lambda item: item_json(item, w)),
    }


def _round_json(report: StatusReport, w: Wording) -> dict[str, Any] | None:
    """The annual assessment round: its year, when it opens, and what is not assessed."""
    found = report.assessment_round
    if found is None:
        return None
    return {
        "year": found.year,
        "opens": found.opens.isoformat(),
        "open": found.due,
        "due": report.round_due,
        "notice": round_notice(report, w),
        "unassessed": [
            {"kind": item.kind, "id": item.id, "area": item.area, "title": w.text(item.title)}
            for item in report.unassessed
        ],
    }


def render_json(report: StatusReport, view: StatusView, ascii_only: bool = False) -> str:
    """Return the report as JSON text (with a final newline); ``ascii_only`` escapes non-ASCII."""
    return "".join(render_json_parts(report, view, ascii_only))


def render_json_parts(
    report: StatusReport, view: StatusView, ascii_only: bool = False
) -> list[str]:
    """Return :func:`render_json`'s text in parts (:func:`hytecli.json_text.indented_json_parts`).

    For writing a long text without holding it twice.
    """
    data = _status_data(report, view.wording)
    return [json_safe(part) for part in indented_json_parts(data, ensure_ascii=ascii_only)]
