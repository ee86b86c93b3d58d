"""JSON Schemas of the plan files, for editors (yaml-language-server) and other tools.

Generated from the pydantic models in :mod:`hytecli.models`, so they never drift from what
``hyte validate`` checks; the checked-in copies under ``schemas/`` are kept equal by a test.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from hytecli.models import AreaFile, IndicatorFile, PlanFile
from hytecli.year_texts import YearTexts

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "plan": PlanFile,
    "area": AreaFile,
    "indicator": IndicatorFile,
    "year": YearTexts,
}
SCHEMA_BASE_URL = "https://hyte.invalid/schemas/"


def json_schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a plan file kind.

    Args:
        kind: ``plan`` (plan/plan.yaml), ``area`` (plan/<area>.yaml), ``indicator``
            (indicators/<id>.yaml) or ``year`` (reports/<year>.yaml, the year's own texts).

    Raises:
        KeyError: unknown kind.
    """
    model = SCHEMA_MODELS[kind]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE_URL}{kind}.schema.json",
        **schema,
    }


def schema_json(kind: str) -> str:
    """Return :func:`json_schema` as stable, indented JSON text ending in a newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
