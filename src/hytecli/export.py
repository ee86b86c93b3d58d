"""The whole normalised plan as one JSON document (``hyte export --format json``).

For dashboards and scripts: priority areas in the plan's order → goals → actions, and the
indicators with their targets and recorded values. Texts are always mappings of language codes
(a plain text in a file becomes ``{"fi": "..."}`` for a Finnish plan); every deadline carries both
the form it was written in and its normalised last day. The shape is documented in
``docs/export.md`` and versioned by ``format_version``.
"""

from __future__ import annotations

from typing import Any

from hytecli.deadlines import ResolvedDeadline
from hytecli.hidden_text import json_safe
from hytecli.json_text import MappedList, indented_json_parts
from hytecli.models import Action, Deadline, Goal
from hytecli.repository import AreaRecord, PlanRepository
from hytecli.resolved import ResolvedArea, ResolvedIndicator, ResolvedPlan, resolve_plan

FORMAT_VERSION = 1


def deadline_dict(
    resolved: ResolvedDeadline | None, written: Deadline | None
) -> dict[str, Any] | None:
    """Return a deadline as exported.

    Shape: ``{"form": "date"|"month"|"year"|"term_end"|"annual", "written": str,
    "due": "YYYY-MM-DD" | None, "wording": {lang: text} | None, "council_term": id | None,
    "annual_day": "MM-DD" | None}``; ``None`` when there is no deadline. A deadline naming an
    unknown council term (a validation error) is exported with ``form: "term_end"`` and
    ``due: None``.
    """
    if written is None:
        return None
    if resolved is None:
        return {
            "form": "term_end",
            "written": written.term_end,
            "due": None,
            "wording": written.wording.values if written.wording else None,
            "council_term": written.term_end,
            "annual_day": None,
        }
    return {
        "form": resolved.form,
        "written": resolved.written,
        "due": resolved.due.isoformat() if resolved.due else None,
        "wording": resolved.wording.values if resolved.wording else None,
        "council_term": resolved.term.id if resolved.term else None,
        "annual_day": (
            f"{resolved.annual_day[0]:02d}-{resolved.annual_day[1]:02d}"
            if resolved.recurring
            else None
        ),
    }


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json") if model is not None else None


def _item(resolved: ResolvedPlan, node: Goal | Action) -> dict[str, Any]:
    item = resolved.item(node.id)
    deadline = item.deadline if item is not None and item.node is node else None
    data = {
        "id": node.id,
        "title": node.title.values,
        "description": node.description.values
        if isinstance(node, Goal) and node.description
        else None,
        "deadline": deadline_dict(deadline, node.deadline),
        "responsible": [party.values for party in node.responsible],
        "indicators": list(node.indicators),
        "completed": [_dump(entry) for entry in node.completed],
        "assessments": [_dump(entry) for entry in node.assessments],
        "notes": node.notes.values if node.notes else None,
    }
    if isinstance(node, Goal):
        data["actions"] = [_item(resolved, action) for action in node.actions]
    else:
        del data["description"]
    return data


def _indicator(resolved: ResolvedPlan, indicator: ResolvedIndicator) -> dict[str, Any]:
    model = indicator.model
    data = _dump(model)
    data["file"] = indicator.path
    if model.target is not None:
        deadline = model.target.deadline
        own = indicator.deadline if indicator.deadline.inherited_from is None else None
        data["target"]["deadline"] = deadline_dict(own.resolved if own else None, deadline)
    data["referenced_by"] = [user.id for user in indicator.users]
    return {"id": data.pop("id"), "file": data.pop("file"), **data}


def export_plan(plan: PlanRepository | ResolvedPlan) -> dict[str, Any]:
    """Return the normalised plan as JSON-ready data (see ``docs/export.md``).

    Args:
        plan: A loaded repository, or the plan already resolved from it
            (:func:`hytecli.resolved.resolve_plan`).

    Raises:
        hytecli.repository.PlanHasErrors: a plan file did not load.
    """
    data = _export_data(plan)
    data["indicators"] = data["indicators"].values()
    return data


def _export_data(plan: PlanRepository | ResolvedPlan) -> dict[str, Any]:
    """:func:`export_plan`, its indicators made as they are written (:class:`MappedList`)."""
    resolved = plan if isinstance(plan, ResolvedPlan) else resolve_plan(plan)
    plan_data = _dump(resolved.plan)
    listed = {entry.id: entry for entry in resolved.plan.priority_areas}
    areas = [_area(resolved, area, listed) for area in resolved.areas]
    indicators = MappedList(
        sorted(resolved.indicators, key=lambda i: i.id),
        lambda indicator: _indicator(resolved, indicator),
    )
    del plan_data["priority_areas"]
    return {
        "format": "hyte-plan-export",
        "format_version": FORMAT_VERSION,
        "plan": {
            **plan_data,
            "file": resolved.repository.plan_document.path,
            "listed_areas": list(listed),
        },
        "priority_areas": areas,
        "indicators": indicators,
        "years": [
            {"year": record.texts.year, "file": record.path, **_year_texts(record.texts)}
            for record in sorted(resolved.repository.year_texts, key=lambda r: r.texts.year)
        ],
    }


def _year_texts(texts: Any) -> dict[str, Any]:
    """A year's texts (``reports/<year>.yaml``) without its year, every field present."""
    data: dict[str, Any] = _dump(texts)
    del data["year"]
    return data


def _area(resolved: ResolvedPlan, area: ResolvedArea, listed: dict[str, Any]) -> dict[str, Any]:
    entry = listed.get(area.id)
    listed_title = entry.title.values if entry is not None else None
    record: AreaRecord | None = area.record
    if record is None:
        return {
            "id": area.id,
            "listed_title": listed_title,
            "has_section": False,
            "file": None,
            "number": None,
            "title": None,
            "introduction": None,
            "sources": [],
            "footnotes": [],
            "notes": None,
            "goals": [],
        }
    model = record.area
    return {
        "id": model.id,
        "listed_title": listed_title,
        "has_section": True,
        "file": record.path,
        "number": model.number,
        "title": model.title.values,
        "introduction": model.introduction.values if model.introduction else None,
        "sources": list(model.sources),
        "footnotes": [_dump(note) for note in model.footnotes],
        "notes": model.notes.values if model.notes else None,
        "goals": [_item(resolved, goal) for goal in model.goals],
    }


def export_json(plan: PlanRepository | ResolvedPlan) -> str:
    """Return :func:`export_plan` as indented UTF-8 JSON text ending in a newline.

    The output is deterministic: the same files give byte-identical output. It is strict JSON:
    the strict reader refuses numbers too large for a float, so no ``Infinity`` or ``NaN`` can
    reach it, and if one ever did, it would raise instead of writing invalid JSON.

    Raises:
        hytecli.repository.PlanHasErrors: a plan file did not load.
        ValueError: a number is not finite.
    """
    return "".join(export_json_parts(plan))


def export_json_parts(plan: PlanRepository | ResolvedPlan) -> list[str]:
    """Return :func:`export_json`'s text in parts, for writing it without holding it twice.

    Raises:
        hytecli.repository.PlanHasErrors: a plan file did not load.
        ValueError: a number is not finite.
    """
    data = _export_data(plan)
    return [json_safe(part) for part in indented_json_parts(data)]
