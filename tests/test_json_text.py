"""hytecli.json_text writes the same text as json.dumps, refusing the same values."""

from __future__ import annotations

import json
import math

import pytest

from hytecli.json_text import indented_json

CASES = [
    {},
    [],
    {"a": [1, 2.5, -0.0, 1e-05, 10**14, True, None, 'ä – ö "x"\n'], "b": {}, "c": []},
    [{"nested": [[{}]]}, "\u202e", 12345678901234.5],
    "text",
]


@pytest.mark.parametrize("data", CASES)
@pytest.mark.parametrize("ascii_only", [False, True])
def test_same_text_as_json_dumps(data: object, ascii_only: bool) -> None:
    expected = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"
    assert indented_json(data, ensure_ascii=ascii_only) == expected


@pytest.mark.parametrize("bad", [math.nan, math.inf, {"x": [-math.inf]}])
def test_numbers_that_are_not_finite_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        indented_json(bad)


def test_values_json_cannot_hold_are_refused() -> None:
    with pytest.raises(TypeError):
        indented_json({"x": object()})
