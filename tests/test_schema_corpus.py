"""The JSON Schemas say what hyte validate says: a third-party validator on a corpus of files.

Every file in tests/schema_corpus/<kind>/ (fictional fixtures, most broken in one way) is checked
by the ``jsonschema`` package against ``hyte schema <kind>`` and by ``hyte validate`` in a small
plan repository (tests/conftest.py) where it takes the place of that kind's file. The verdicts
must agree, except for the documented differences below: rules JSON Schema cannot express
(docs/validate.md, "What the JSON Schemas check").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from hytecli.findings import Severity
from hytecli.repository import load_repository
from hytecli.schema import json_schema
from hytecli.validation import validate_repository
from hytecli.yamlfile import read_yaml_file

CORPUS = Path(__file__).resolve().parent / "schema_corpus"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "validate.md"
PLACE = {
    "plan": "plan/plan.yaml",
    "area": "plan/alue-a.yaml",
    "indicator": "indicators/mittari-1.yaml",
}
#: Files the schema accepts and validate refuses, with the reason (listed in docs/validate.md).
KNOWN_DIFFERENCES = {
    "area/deadline-impossible-day": "a day that does not exist in its month",
    "indicator/count-value-fraction": "values, targets and baselines that do not fit the kind",
    "indicator/yes-no-baseline-number": "values, targets and baselines that do not fit the kind",
    "indicator/percentage-over-100": "values, targets and baselines that do not fit the kind",
    "plan/unknown-time-zone": "a time zone that does not exist",
    "plan/period-ends-before-it-starts": "a period or council term that ends before it starts",
    "plan/assessment-round-february-29": "an assessment round that opens on 02-29",
}
CASES = sorted(
    f"{kind.name}/{file.stem}" for kind in CORPUS.iterdir() for file in kind.glob("*.yaml")
)

Build = Callable[..., Path]


def schema_accepts(case: str) -> list[str]:
    kind, _name = case.split("/")
    document = read_yaml_file(CORPUS / f"{case}.yaml")
    assert document.ok, document.findings  # the corpus is about shapes, not YAML syntax
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    return [e.message for e in validator.iter_errors(document.data)]


def validate_errors(build_plan: Build, case: str) -> list[str]:
    kind, _name = case.split("/")
    text = (CORPUS / f"{case}.yaml").read_text("utf-8")
    root = build_plan({PLACE[kind]: text})
    return [
        str(f)
        for f in validate_repository(load_repository(root))
        if f.severity is Severity.ERROR and f.path == PLACE[kind]
    ]


def test_the_corpus_has_each_kind_and_valid_files() -> None:
    assert {case.split("/")[0] for case in CASES} == set(PLACE)
    assert {f"{kind}/valid" for kind in PLACE} <= set(CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_jsonschema_and_validate_agree(build_plan: Build, case: str) -> None:
    schema_errors = schema_accepts(case)
    errors = validate_errors(build_plan, case)
    if case in KNOWN_DIFFERENCES:
        assert schema_errors == [] and errors != [], (schema_errors, errors)
    elif Path(case).name.startswith("valid"):
        assert schema_errors == [] and errors == [], (schema_errors, errors)
    else:
        assert schema_errors != [], f"the schema accepts what validate refuses: {errors}"
        assert errors != [], f"validate accepts what the schema refuses: {schema_errors}"


def test_the_known_differences_are_documented() -> None:
    docs = DOCS.read_text("utf-8")
    for reason in set(KNOWN_DIFFERENCES.values()):
        assert reason in docs, reason
