"""The JSON Schemas for editors: generated from the models, checked in, and true to the data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from hytecli.schema import json_schema, schema_json
from hytecli.yamlfile import read_yaml_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("kind", ["plan", "area", "indicator", "year"])
def test_checked_in_schemas_are_current(kind: str) -> None:
    checked_in = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert checked_in == schema_json(kind), f"run: hyte schema {kind} -o schemas/{kind}.schema.json"


def _files(kind: str) -> list[Path]:
    if kind == "plan":
        return [ROOT / "plan" / "plan.yaml"]
    if kind == "area":
        return sorted(p for p in (ROOT / "plan").glob("*.yaml") if p.name != "plan.yaml")
    return sorted((ROOT / "indicators").glob("*.yaml"))


@pytest.mark.parametrize("kind", ["plan", "area", "indicator"])
def test_real_plan_files_satisfy_the_schemas(kind: str) -> None:
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    for file in _files(kind):
        document = read_yaml_file(file)
        errors = [
            f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document.data)
        ]
        assert errors == [], file.name


def test_schema_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema("indicator"))
    bad = {"id": "x", "name": "X", "kind": "yes_no", "colour": "red"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"id": "X Y", "name": "X", "kind": "yes_no"})
    assert not validator.is_valid({"id": "x", "name": "X", "kind": "boolean"})


def test_every_file_names_its_schema_for_yaml_language_server() -> None:
    for kind in ("plan", "area", "indicator"):
        for file in _files(kind):
            first = file.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json", file


def test_schema_command_output_is_json(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hytecli.cli import app

    result = CliRunner().invoke(app, ["schema", "indicator"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "IndicatorFile"
    result = CliRunner().invoke(app, ["schema", "nonsense"])
    assert result.exit_code == 2
