"""``hyte report --format json``: the judged year as data, for dashboards and scripts.

The same judgement as the Markdown and HTML reports (:func:`hytecli.report.context.judge_year`),
each item in the shape of ``hyte status --format json``'s items (:func:`hytecli.status_json.
item_json`), under a header that says which year was judged on which day. The shape is documented
in ``docs/report.md`` ("JSON") and versioned by ``version``.
"""

from __future__ import annotations

import json
from typing import Any

from hytecli.judgement import count_states
from hytecli.report.context import JudgedYear
from hytecli.status_json import item_json
from hytecli.wording import Wording

#: The version of the JSON shape; raised when a field changes meaning or is removed.
JSON_VERSION = 1


def year_to_json(judged: JudgedYear) -> dict[str, Any]:
    """The judged year as JSON-ready data.

    Returns:
        ``{"version", "year", "judged_on", "judged_on_rule", "year_over", "language", "plan",
        "totals", "items"}``; ``items`` has every goal, action and indicator in plan order, each
        with ``id``, ``kind``, ``area``, ``state``, ``deadline``, ``missed`` and, for indicators,
        the values counted and the progress status.
    """
    status = judged.status
    w = Wording.for_language(judged.language, status.language)
    items = [item_json(item, w) for item in status.items]
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
        "totals": {
            "items": len(items),
            "states": counts,
            "missed": sum(1 for item in status.items if item.missed),
        },
        "items": items,
    }


def render_year_json(judged: JudgedYear) -> str:
    """The judged year as JSON text, with a final newline."""
    return json.dumps(year_to_json(judged), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
