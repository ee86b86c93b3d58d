"""hytecli.json_text writes the same text as json.dumps, refusing the same values."""

from __future__ import annotations

import json
import math

import pytest

from hytecli import json_text
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


#: Where pydantic_core's text differs from json.dumps's unless rewritten: small floats, DEL
#: with ensure_ascii, texts that look like numbers on a line, lone surrogates, deep nesting.
DIFFERING = [
    [1e-05, -5.97e-05, 1e-07, 9.391491627785105e-07, 0.0001, 1e-300, 5e-324],
    {"a": {"b": {"c": [1, {"d": 1e-09, "e": "x\x7fy"}]}}, "1e-7": "1e-7", "k\x7f": "0.00001"},
    {"text": 'x": 1e-7', "list": ["1e-7", '"\\": 0.00001', 2e-8]},
    {"items": [{"x": 1e-5}, [[1e-6]], [], {}], "n": 1e16, "m": 2.5e300},
    {"lone": "\ud800"},
]


@pytest.mark.parametrize("data", DIFFERING)
@pytest.mark.parametrize("ascii_only", [False, True])
def test_same_text_where_the_fast_serializer_differs(data: object, ascii_only: bool) -> None:
    expected = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False) + "\n"
    assert indented_json(data, ensure_ascii=ascii_only) == expected


def test_numbers_that_are_not_finite_are_refused_deep_inside() -> None:
    with pytest.raises(ValueError):
        indented_json({"a": {"b": {"c": [{"d": math.nan}]}}})


def test_parts_join_to_the_same_text_and_stay_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text, "PART_SIZE", 64)
    data = {
        "items": [
            {"id": f"item-{i}", "title": "Ääkkönen ✓ \u202e", "value": i / 3} for i in range(50)
        ],
        "none": [],
    }
    for ascii_only in (False, True):
        parts = json_text.indented_json_parts(data, ensure_ascii=ascii_only)
        assert len(parts) > 10
        assert "".join(parts) == json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n"
        assert max(len(p.encode()) for p in parts) < 64 + 200  # a part: the size and one piece
    assert json_text.indented_json_parts({}) == ["{}\n"]
    with pytest.raises(ValueError):
        json_text.indented_json_parts({"a": [float("nan")]})


def test_texts_that_only_look_like_small_numbers_are_left_alone() -> None:
    # ids such as "area-7" have "e-" and a digit; a number needs a digit before the "e-"
    data = {"items": [{"id": "painopiste-7", "x": "2e-7 in text", "y": 3e-7}, "alue-1e-5"]}
    assert indented_json(data) == json.dumps(data, indent=2) + "\n"


def _converted(item: int) -> object:
    """A JSON-ready value per item, some needing the slow path (small floats) or a text."""
    return {"id": f"item-{item}", "value": item / 7, "small": 1e-5 * item, "text": "Åbo\nx"}


@pytest.mark.parametrize("count", [0, 1, 2, 5, 41])
@pytest.mark.parametrize("fork", [False, True])
def test_a_mapped_list_writes_the_text_of_its_converted_items(
    monkeypatch: pytest.MonkeyPatch, count: int, fork: bool
) -> None:
    # Long lists are made half in a forked process: the text is the same either way, also
    # when made in parts (chunks of elements) smaller than one element.
    monkeypatch.setattr(json_text, "PARALLEL_ELEMENTS", 1 if fork else 10**9)
    monkeypatch.setattr(json_text, "PART_SIZE", 100)
    items = list(range(count))
    data = {"a": 1, "items": json_text.MappedList(items, _converted), "z": [1e-7]}
    plain = {"a": 1, "items": [_converted(i) for i in items], "z": [1e-7]}
    for ascii_only in (False, True):
        expected = json.dumps(plain, ensure_ascii=ascii_only, indent=2) + "\n"
        assert indented_json(data, ensure_ascii=ascii_only) == expected
        parts = json_text.indented_json_parts(data, ensure_ascii=ascii_only)
        assert "".join(parts) == expected


def test_a_mapped_list_refuses_what_json_dumps_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text, "PARALLEL_ELEMENTS", 1)
    # A value that cannot be written, in the second half (made by the child, then here).
    bad = json_text.MappedList(list(range(6)), lambda i: math.nan if i == 5 else i)
    with pytest.raises(ValueError):
        indented_json({"items": bad})
    odd = json_text.MappedList([1, 2, 3], lambda i: object() if i == 3 else i)
    with pytest.raises(TypeError):
        indented_json({"items": odd})
    assert json_text.MappedList([1, 2], str).values() == ["1", "2"]
