"""Splicing YAML text at node marks: new list items, replaced scalars, quoting (fictional texts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hytecli.editing import (
    TextEdit,
    apply_edits,
    insert_list_item,
    same_data,
    set_fields,
    unified_diff,
)
from hytecli.periods import Period
from hytecli.yaml_nodes import (
    EditProblem,
    ListStyle,
    compose,
    detect_list_style,
    newline_of,
    split_bom,
)
from hytecli.yaml_scalars import yaml_scalar, yaml_string
from hytecli.yaml_strict import control_character
from hytecli.yamlfile import parse_yaml

NEW = [("period", "2025"), ("value", "7")]


def insert(text: str, index: int, key: str = "values", path: tuple = (), **kw: object) -> str:
    root = compose(text)
    return apply_edits(text, insert_list_item(text, root, path, key, NEW, index, **kw))


# --- scalars ------------------------------------------------------------------------------------

TRICKY = [
    "yes",
    "no",
    "y",
    "n",
    "on",
    "off",
    "true",
    "null",
    "~",
    "",
    "012",
    "1e3",
    "1_000",
    "1:30",
    "0x1F",
    ".inf",
    "12",
    "1.5",
    "2024-05-31",
    "a: b",
    "#x",
    "x #y",
    "'q'",
    '"dq"',
    "*star",
    "&anchor",
    "!tag",
    "- item",
    "? q",
    "[x]",
    "{x}",
    "|",
    "> x",
    "@at",
    "`bt",
    "%pct",
    " lead",
    "trail ",
    "line\nbreak",
    "tab\there",
    "\u2028",
    "\ufeff",
    "ä ö å Å",
    "😀",
    "Toteutui: kyllä # 100 %",
]


@pytest.mark.parametrize("text", TRICKY)
def test_yaml_string_reads_back_exactly(text: str) -> None:
    rendered = yaml_string(text)
    assert "\n" not in rendered and "\r" not in rendered
    document = parse_yaml(f"k: {rendered}\n", "t.yaml")
    assert document.findings == []
    assert document.data == {"k": text}
    assert type(document.data["k"]) is str


def test_yaml_string_keeps_plain_text_plain() -> None:
    assert yaml_string("Verkosto perustettu") == "Verkosto perustettu"
    assert yaml_string("ä ö å") == "ä ö å"  # not escaped
    assert yaml_string("yes") == "'yes'"
    assert yaml_string("y") == '"y"'  # PyYAML would leave it plain; hyte's reader refuses that


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_yaml_string_round_trips_any_text(text: str) -> None:
    if control_character(text) is not None:  # refused: the reader would refuse it (Y001)
        with pytest.raises(EditProblem, match="has the control character"):
            yaml_string(text)
        return
    document = parse_yaml(f"k: {yaml_string(text)}\n", "t.yaml")
    assert document.findings == []
    assert document.data == {"k": text}


@pytest.mark.parametrize("text", ["\x85", "\x00", "a\x1b[2Jb", "\r", "\x7f", "\x9b"])
def test_yaml_string_refuses_control_characters_b6(text: str) -> None:
    with pytest.raises(EditProblem, match=r"has the control character \\x[0-9a-f]{2}, which plan"):
        yaml_string(text)


def test_yaml_scalar_forms() -> None:
    assert yaml_scalar(True) == "true"
    assert yaml_scalar(False) == "false"
    assert yaml_scalar(1234) == "1234"
    assert yaml_scalar(12.5) == "12.5"
    assert yaml_scalar(1e-5) == "0.00001"
    assert yaml_scalar(Period.parse("2024-H1")) == "2024-H1"
    assert yaml_scalar(Period.parse(2024)) == "2024"
    from datetime import date

    assert yaml_scalar(date(2024, 11, 28)) == "2024-11-28"
    with pytest.raises(EditProblem):
        yaml_scalar(float("nan"))
    assert yaml_scalar(999_999_999_999_999) == "999999999999999"
    for too_large in (10**15, -(10**15), 10**5000, 1e300):  # str() of 10**5000 would raise
        with pytest.raises(EditProblem, match="too large to record"):
            yaml_scalar(too_large)


# --- inserting list items -----------------------------------------------------------------------


def test_append_after_last_item_with_comment() -> None:
    text = (
        "# fictional fixture\n"
        "values:\n"
        "  - period: 2024\n"
        "    value: 120   # lähde: oma kirjaus\n"
        "notes: x\n"
    )
    assert insert(text, 1) == (
        "# fictional fixture\n"
        "values:\n"
        "  - period: 2024\n"
        "    value: 120   # lähde: oma kirjaus\n"
        "  - period: 2025\n"
        "    value: 7\n"
        "notes: x\n"
    )


def test_append_keeps_deeper_comments_with_the_last_item() -> None:
    text = "values:\n  - period: 2024\n    value: 1\n    # tarkistettu\n# about notes\nnotes: x\n"
    assert insert(text, 1) == (
        "values:\n  - period: 2024\n    value: 1\n    # tarkistettu\n"
        "  - period: 2025\n    value: 7\n# about notes\nnotes: x\n"
    )


def test_insert_before_an_item_goes_above_its_comment() -> None:
    text = (
        "values:\n"
        "  # comments about the list stay on top\n"
        "  - period: 2023\n"
        "    value: 1\n"
        "  # this comment is about 2026\n"
        "  - period: 2026\n"
        "    value: 2\n"
    )
    assert insert(text, 1) == (
        "values:\n"
        "  # comments about the list stay on top\n"
        "  - period: 2023\n"
        "    value: 1\n"
        "  - period: 2025\n"
        "    value: 7\n"
        "  # this comment is about 2026\n"
        "  - period: 2026\n"
        "    value: 2\n"
    )
    assert insert(text, 0).startswith(
        "values:\n"
        "  # comments about the list stay on top\n"
        "  - period: 2025\n"
        "    value: 7\n"
        "  - period: 2023\n"
    )


def test_copies_the_lists_own_indentation() -> None:
    indentless = "values:\n- period: 2024\n  value: 1\nnotes: x\n"
    assert insert(indentless, 1) == (
        "values:\n- period: 2024\n  value: 1\n- period: 2025\n  value: 7\nnotes: x\n"
    )
    wide = "values:\n    -   period: 2024\n        value: 1\n"
    assert insert(wide, 1) == wide + "    -   period: 2025\n        value: 7\n"


def test_empty_flow_list_becomes_a_block_list_keeping_its_comment() -> None:
    text = "id: x\nvalues: []   # ei vielä arvoja\nnotes: y\n"
    assert insert(text, 0) == (
        "id: x\nvalues:   # ei vielä arvoja\n  - period: 2025\n    value: 7\nnotes: y\n"
    )
    assert insert("id: x\nvalues: []\n", 0) == "id: x\nvalues:\n  - period: 2025\n    value: 7\n"


def test_new_list_follows_the_files_list_style() -> None:
    text = "responsible:\n- LUVN\nvalues: []\n"
    assert insert(text, 0) == "responsible:\n- LUVN\nvalues:\n- period: 2025\n  value: 7\n"
    assert detect_list_style(text, compose(text)) == ListStyle(0, 2)
    nested = "a:\n    b: 1\n"
    assert detect_list_style(nested, compose(nested)) == ListStyle(4, 2)
    assert detect_list_style("a: 1\n", compose("a: 1\n")) == ListStyle(2, 2)


def test_missing_key_is_added_at_the_end_of_its_mapping() -> None:
    text = "id: x\nkind: count  # määrä\n"
    assert (
        insert(text, 0) == "id: x\nkind: count  # määrä\nvalues:\n  - period: 2025\n    value: 7\n"
    )
    no_final_newline = "id: x\nkind: count"
    assert insert(no_final_newline, 0) == (
        "id: x\nkind: count\nvalues:\n  - period: 2025\n    value: 7\n"
    )


def test_missing_key_can_go_before_another_key() -> None:
    text = (
        "goals:\n"
        "  - id: g\n"
        "    title: T\n"
        "    # the actions\n"
        "    actions:\n"
        "      - id: a\n"
        "        title: A\n"
    )
    goal = apply_edits(
        text,
        insert_list_item(
            text,
            compose(text),
            ("goals", 0),
            "completed",
            [("date", "2024-01-02")],
            0,
            before_key="actions",
        ),
    )
    assert goal == (
        "goals:\n"
        "  - id: g\n"
        "    title: T\n"
        "    completed:\n"
        "      - date: 2024-01-02\n"
        "    # the actions\n"
        "    actions:\n"
        "      - id: a\n"
        "        title: A\n"
    )
    action = apply_edits(
        text,
        insert_list_item(
            text,
            compose(text),
            ("goals", 0, "actions", 0),
            "completed",
            [("date", "2024-01-02")],
            0,
            before_key="actions",
        ),
    )
    assert action == text + "        completed:\n          - date: 2024-01-02\n"


def test_crlf_is_kept() -> None:
    text = "id: x\r\nvalues:\r\n  - period: 2024\r\n    value: 1\r\n"
    assert newline_of(text) == "\r\n"
    assert insert(text, 1) == text + "  - period: 2025\r\n    value: 7\r\n"
    flow = "id: x\r\nvalues: []\r\n"
    assert insert(flow, 0) == "id: x\r\nvalues:\r\n  - period: 2025\r\n    value: 7\r\n"


def test_block_text_before_the_insertion_point_is_kept() -> None:
    text = "values:\n  - period: 2024\n    note: |\n      rivi 1\n      rivi 2\n\n\nnotes: x\n"
    result = insert(text, 1)
    assert result == (
        "values:\n  - period: 2024\n    note: |\n      rivi 1\n      rivi 2\n"
        "  - period: 2025\n    value: 7\n\n\nnotes: x\n"
    )
    assert parse_yaml(result, "t").data["values"][0]["note"] == "rivi 1\nrivi 2\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("values: [{period: 2024, value: 1}]\n", "flow list"),
        ("values: 3\n", "is not a list"),
        ("values:\n  -\n    period: 2024\n", "not written as '- key: value' on one line"),
    ],
)
def test_layouts_that_are_not_edited(text: str, message: str) -> None:
    with pytest.raises(EditProblem, match=message):
        insert(text, 1)


def test_flow_mapping_is_not_edited() -> None:
    text = "goals:\n  - {id: g, title: T}\n"
    with pytest.raises(EditProblem, match="flow style"):
        insert(text, 0, key="completed", path=("goals", 0))


# --- replacing fields ---------------------------------------------------------------------------


def test_set_fields_replaces_in_place_and_adds_missing() -> None:
    text = (
        "values:\n"
        "  - period: 2024\n"
        "    value: 120   # lähde: oma kirjaus\n"
        "    note: 'vanha'\n"
        "notes: x\n"
    )
    edits = set_fields(
        text, compose(text), ("values", 0), [("value", "130"), ("note", "uusi"), ("source", "THL")]
    )
    assert apply_edits(text, edits) == (
        "values:\n"
        "  - period: 2024\n"
        "    value: 130   # lähde: oma kirjaus\n"
        "    note: uusi\n"
        "    source: THL\n"
        "notes: x\n"
    )


def test_set_fields_on_empty_and_block_values() -> None:
    text = "a:\n  x:\n  y: |\n    vanha\n    teksti\n\n  z: 1\n"
    edits = set_fields(text, compose(text), ("a",), [("x", "1"), ("y", "uusi")])
    result = apply_edits(text, edits)
    assert result == "a:\n  x: 1\n  y: uusi\n\n  z: 1\n"
    kept = "a:\n  y: |+\n    vanha\n\n"
    with pytest.raises(EditProblem, match=r"\|\+"):
        set_fields(kept, compose(kept), ("a",), [("y", "uusi")])
    nested = "a:\n  y: [1]\n"
    with pytest.raises(EditProblem, match="not a single value"):
        set_fields(nested, compose(nested), ("a",), [("y", "2")])


# --- helpers ------------------------------------------------------------------------------------


def test_apply_edits_refuses_overlaps() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [TextEdit(0, 3, "x"), TextEdit(2, 4, "y")])
    assert apply_edits("abcdef", [TextEdit(4, 4, "-"), TextEdit(0, 1, "A")]) == "Abcd-ef"


def test_split_bom() -> None:
    assert split_bom(b"\xef\xbb\xbfid: x\n") == (b"\xef\xbb\xbf", "id: x\n")
    assert split_bom(b"id: x\n") == (b"", "id: x\n")
    with pytest.raises(EditProblem, match="UTF-8"):
        split_bom(b"id: \xff\n")


def test_compose_refuses_bad_yaml() -> None:
    for bad in ("a: [\n", "a: *x\n", ""):
        with pytest.raises(EditProblem):
            compose(bad)


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("a\nb", "a\nb\nc\n", "f.yaml")
    assert diff.startswith("--- a/f.yaml\n+++ b/f.yaml\n")
    assert "\\ No newline at end of file" in diff


def test_same_data_compares_types() -> None:
    assert same_data({"a": [1, "x"]}, {"a": [1, "x"]})
    assert not same_data({"a": 1}, {"a": 1.0})
    assert not same_data({"a": 1}, {"a": True})
    assert not same_data([1], [1, 2])
    assert not same_data({"a": 1}, {"b": 1})
