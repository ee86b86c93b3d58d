"""Indicator files naming their Sotkanet source (docs/format.md "Values from Sotkanet").

Every fixture is fictional (built on tests/conftest.py's minimal plan); Sotkanet ids such as
9001 are made up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from hytecli.findings import Finding, Severity
from hytecli.repository import load_repository
from hytecli.schema import json_schema
from hytecli.validation import validate_repository

Build = Callable[..., Path]
IND = "indicators/mittari-1.yaml"
HEAD = "# fictional fixture\nid: mittari-1\nname: Mittari yksi\nkind: percentage\n"


def check(build_plan: Build, text: str) -> list[Finding]:
    repository = load_repository(build_plan({IND: text}))
    return [f for f in validate_repository(repository) if f.severity is Severity.ERROR]


def test_a_full_sotkanet_source_is_valid(build_plan: Build) -> None:
    text = HEAD + (
        "data_source:\n  sotkanet_id: 9001\n  sotkanet_gender: female\n  sotkanet_value: absolute\n"
    )
    assert check(build_plan, text) == []
    model = load_repository(build_plan({IND: text})).indicator("mittari-1")
    assert model is not None and model.indicator.data_source is not None
    assert model.indicator.data_source.sotkanet_gender == "female"
    assert model.indicator.data_source.sotkanet_value == "absolute"


def test_an_unknown_gender_is_a_located_error(build_plan: Build) -> None:
    text = HEAD + "data_source:\n  sotkanet_id: 9001\n  sotkanet_gender: women\n"
    [error] = check(build_plan, text)
    assert (error.path, error.line, error.column, error.code) == (IND, 7, 20, "S003")
    assert error.message == (
        "'women' is not allowed for 'sotkanet_gender': expected 'total', 'male' or 'female'"
    )


def test_an_unknown_value_kind_is_a_located_error(build_plan: Build) -> None:
    text = HEAD + "data_source:\n  sotkanet_id: 9001\n  sotkanet_value: relative\n"
    [error] = check(build_plan, text)
    assert (error.line, error.column, error.code) == (7, 19, "S003")
    assert "expected 'primary' or 'absolute'" in error.message


def test_details_without_an_id_are_an_error_at_the_data_source(build_plan: Build) -> None:
    text = HEAD + "data_source:\n  description: THL\n  sotkanet_value: absolute\n"
    [error] = check(build_plan, text)
    assert (error.line, error.code) == (6, "S003")
    assert error.message == (
        "sotkanet_gender and sotkanet_value describe a Sotkanet indicator: add its id "
        "(sotkanet_id: 1234), or remove them"
    )


def test_country_series_is_allowed_with_a_sotkanet_source(build_plan: Build) -> None:
    values = "values:\n  - {period: 2024, value: 30.5, series: national_average}\n"
    with_source = HEAD + "data_source: {sotkanet_id: 9001}\n" + values
    assert check(build_plan, with_source) == []
    [error] = check(build_plan, HEAD + values)
    assert error.code == "I006"
    assert "'national_average' is allowed when data_source names its Sotkanet" in error.message


def test_other_series_stay_errors_with_a_sotkanet_source(build_plan: Build) -> None:
    text = (
        HEAD + "data_source: {sotkanet_id: 9001}\n"
        "values:\n  - {period: 2024, value: 30.5, series: uusimaa_average}\n"
    )
    [error] = check(build_plan, text)
    assert error.code == "I006"


@pytest.mark.parametrize(
    ("data_source", "valid"),
    [
        ({"sotkanet_id": 9001, "sotkanet_gender": "male"}, True),
        ({"sotkanet_gender": "male"}, False),
        ({"sotkanet_value": "absolute"}, False),
        ({"sotkanet_id": 9001, "sotkanet_value": "relative"}, False),
    ],
)
def test_the_json_schema_agrees(data_source: dict[str, object], valid: bool) -> None:
    validator = jsonschema.Draft202012Validator(json_schema("indicator"))
    document = {"id": "x", "name": "X", "kind": "count", "data_source": data_source}
    assert validator.is_valid(document) is valid
