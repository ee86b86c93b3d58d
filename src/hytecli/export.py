"""The whole normalised plan as one JSON document (``hyte export --format json``).

For dashboards and scripts: priority areas in the plan's order → goals → actions, and the
indicators with their targets and recorded values. Texts are always mappings of language codes
(a plain text in a file becomes ``{"fi": "..."}`` for a Finnish plan); every deadline carries both
the form it was written in and its normalised last day. The shape is documented in
``docs/export.md`` and versioned by ``format_version``.
"""

from __future__ import annotations

import json
from typing import Any

from hytecli.deadlines import ResolvedDeadline
from hytecli.models import Action, Deadline, Goal, IndicatorFile
from hytecli.repository import PlanRepository

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


def _item(repository: PlanRepository, node: Goal | Action) -> dict[str, Any]:
    data = {
        "id": node.id,
        "title": node.title.values,
        "description": node.description.values
        if isinstance(node, Goal) and node.description
        else None,
        "deadline": deadline_dict(repository.resolve(node.deadline), node.deadline),
        "responsible": [party.values for party in node.responsible],
        "indicators": list(node.indicators),
        "completed": [_dump(entry) for entry in node.completed],
        "notes": node.notes.values if node.notes else None,
    }
    if isinstance(node, Goal):
        data["actions"] = [_item(repository, action) for action in node.actions]
    else:
        del data["description"]
    return data


def _indicator(
    repository: PlanRepository, path: str, indicator: IndicatorFile, referenced_by: list[str]
) -> dict[str, Any]:
    data = _dump(indicator)
    data["file"] = path
    if indicator.target is not None:
        deadline = indicator.target.deadline
        data["target"]["deadline"] = deadline_dict(repository.resolve(deadline), deadline)
    data["referenced_by"] = referenced_by
    return {"id": data.pop("id"), "file": data.pop("file"), **data}


def export_plan(repository: PlanRepository) -> dict[str, Any]:
    """Return the normalised plan as JSON-ready data (see ``docs/export.md``).

    Args:
        repository: A loaded repository whose ``plan/plan.yaml`` loaded (``plan`` not ``None``).

    Raises:
        ValueError: ``plan/plan.yaml`` did not load.
    """
    plan = repository.plan
    if plan is None:
        raise ValueError("plan/plan.yaml did not load; run hyte validate")
    plan_data = _dump(plan)
    listed = {entry.id: entry for entry in plan.priority_areas}
    areas: list[dict[str, Any]] = []
    seen: set[str] = set()
    for entry in plan.priority_areas:
        record = repository.area(entry.id)
        seen.add(entry.id)
        areas.append(_area(repository, entry.id, entry.title.values, record))
    for record in repository.ordered_areas():
        if record.area.id not in seen:
            seen.add(record.area.id)
            areas.append(_area(repository, record.area.id, None, record))

    references: dict[str, list[str]] = {}
    for item in repository.items():
        for indicator_id in item.node.indicators:
            references.setdefault(indicator_id, []).append(item.id)
    indicators = [
        _indicator(
            repository, record.path, record.indicator, references.get(record.indicator.id, [])
        )
        for record in sorted(repository.indicators, key=lambda r: r.indicator.id)
    ]
    del plan_data["priority_areas"]
    return {
        "format": "hyte-plan-export",
        "format_version": FORMAT_VERSION,
        "plan": {**plan_data, "file": repository.plan_document.path, "listed_areas": list(listed)},
        "priority_areas": areas,
        "indicators": indicators,
    }


def _area(
    repository: PlanRepository, area_id: str, listed_title: dict[str, str] | None, record: Any
) -> dict[str, Any]:
    if record is None:
        return {
            "id": area_id,
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
    area = record.area
    return {
        "id": area.id,
        "listed_title": listed_title,
        "has_section": True,
        "file": record.path,
        "number": area.number,
        "title": area.title.values,
        "introduction": area.introduction.values if area.introduction else None,
        "sources": list(area.sources),
        "footnotes": [_dump(note) for note in area.footnotes],
        "notes": area.notes.values if area.notes else None,
        "goals": [_item(repository, goal) for goal in area.goals],
    }


def export_json(repository: PlanRepository) -> str:
    """Return :func:`export_plan` as indented UTF-8 JSON text ending in a newline.

    The output is deterministic: the same files give byte-identical output. It is strict JSON:
    the strict reader refuses numbers too large for a float, so no ``Infinity`` or ``NaN`` can
    reach it, and if one ever did, it would raise instead of writing invalid JSON.

    Raises:
        ValueError: ``plan/plan.yaml`` did not load, or a number is not finite.
    """
    data = export_plan(repository)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
