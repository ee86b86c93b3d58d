"""``hyte report --format json``: the judged year as data, for dashboards and scripts.

The same judgement as the Markdown and HTML reports (:func:`hytecli.report.context.judge_year`),
each item in the shape of ``hyte status --format json``'s items (:func:`hytecli.status_json.
item_json`), under a header that says which year was judged on which day. The shape is documented
in ``docs/report.md`` ("JSON") and versioned by ``version``.
"""

from __future__ import annotations

import json
from typing import Any

from hytecli.assessments import Assessment
from hytecli.hidden_text import json_safe
from hytecli.highlights import YearHighlights
from hytecli.judgement import Judgement, count_states
from hytecli.models import Text
from hytecli.report.context import JudgedYear
from hytecli.status_json import item_json
from hytecli.wording import Wording
from hytecli.year_texts import YearTexts, year_texts_path

#: The version of the JSON shape; raised when a field changes meaning or is removed.
JSON_VERSION = 1


def year_to_json(judged: JudgedYear) -> dict[str, Any]:
    """The judged year as JSON-ready data.

    Returns:
        ``{"version", "year", "judged_on", "judged_on_rule", "year_over", "language", "plan",
        "texts", "highlights", "totals", "items"}``; ``items`` has every goal, action and
        indicator in plan order, each with ``id``, ``kind``, ``area``, ``state``, ``deadline``,
        ``missed``, for goals and actions the year's ``assessment`` and, for indicators, the
        values counted and the progress status; ``texts`` the coordinator's texts of the year
        and ``highlights`` what was completed and missed, which indicators improved or worsened.
    """
    status = judged.status
    w = Wording.for_language(judged.language, status.language)
    items = []
    for item in status.items:
        data = item_json(item, w)
        if item.kind != "indicator":
            data["assessment"] = _assessment(item.assessment, w)
        items.append(data)
    counts = {str(state): n for state, n in count_states(status.items).items() if n}
    return {
        "version": JSON_VERSION,
        "year": status.year,
        "judged_on": judged.as_of.isoformat(),
        "judged_on_rule": judged.rule,
        "year_over": judged.year_over,
        "language": judged.language,
        "time_zone": status.time_zone,
        "plan": {"id": status.plan_id, "title": w.text(status.plan_title)},
        "texts": _texts(judged.texts, status.year, w),
        "highlights": _highlights(judged.highlights, w),
        "totals": {
            "items": len(items),
            "states": counts,
            "missed": sum(1 for item in status.items if item.missed),
        },
        "items": items,
    }


def _text(text: Text | None, w: Wording) -> dict[str, Any] | None:
    """A plan text in the report's language: ``{"text", "lang", "fallback"}``, or None."""
    if text is None:
        return None
    value, lang = text.get(w.language, w.plan_language)
    return {"text": value, "lang": lang, "fallback": lang != w.language}


def _assessment(assessment: Assessment | None, w: Wording) -> dict[str, Any] | None:
    if assessment is None:
        return None
    resources = assessment.resources
    return {
        "year": assessment.year,
        "status": str(assessment.status),
        "status_name": w.assessment_status(assessment.status),
        "text": _text(assessment.text, w),
        "merged_into": assessment.merged_into,
        "resources": None
        if resources is None
        else {
            "euros": resources.euros,
            "person_days": resources.person_days,
            "text": _text(resources.text, w),
        },
        "by": assessment.by,
        "date": assessment.date.isoformat() if assessment.date is not None else None,
    }


def _texts(texts: YearTexts | None, year: int, w: Wording) -> dict[str, Any]:
    path = year_texts_path(year)
    if texts is None:
        return {"path": path, "written": False, "summary": None, "conclusions": None,
                "next_year": None, "authors": [], "council": []}  # fmt: skip
    return {
        "path": path,
        "written": True,
        "summary": _text(texts.summary, w),
        "conclusions": _text(texts.conclusions, w),
        "next_year": _text(texts.next_year, w),
        "authors": [_text(author, w) for author in texts.authors],
        "council": [
            {
                "body": _text(c.body, w),
                "date": c.date.isoformat(),
                "section": c.section,
                "url": c.url,
            }
            for c in texts.council
        ],
    }


def _highlights(highlights: YearHighlights, w: Wording) -> dict[str, Any]:
    def entry(item: Judgement, change: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": item.kind, "id": item.id, "title": w.text(item.title)}
        if change and item.indicator is not None:
            data["progress_status"] = item.indicator.progress_key
            data["change"] = w.change(item.indicator)
        else:
            data["state"] = str(item.state)
            data["detail"] = w.detail(item)
        return data

    return {
        "completed": [entry(i) for i in highlights.completed],
        "missed": [entry(i) for i in highlights.missed],
        "improved": [entry(i, change=True) for i in highlights.improved],
        "worsened": [entry(i, change=True) for i in highlights.worsened],
    }


def render_year_json(judged: JudgedYear) -> str:
    """The judged year as JSON text, with a final newline."""
    return (
        json_safe(json.dumps(year_to_json(judged), ensure_ascii=False, indent=2, allow_nan=False))
        + "\n"
    )
