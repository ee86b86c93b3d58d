"""Editing hand-written YAML files in place, so that nothing outside the change moves.

Plan files are written and reviewed by people: their comments, key order, quoting, blank lines,
Unicode characters, byte-order mark and line endings must survive a ``hyte record`` untouched, and
``git diff`` must show only the new or changed entry. Like pre-commit's ``autoupdate``, this
module does not dump YAML: it composes the node tree with hyte's strict loader, finds the node to
change by its path, and splices new text in at the nodes' marks (character offsets into the
text). New entries copy the indentation of the list they join (or, for a new list, the file's
own style; 2 spaces by default) and the file's line ending.

The functions here only compute :class:`TextEdit` values and apply them; the caller re-reads the
result with the strict reader and the model before writing it (see :mod:`hytecli.recording`).

Layout rules (also in docs/format.md, "Recording values"):

* A new list entry is inserted *before* the entry it precedes, above the comment lines directly
  above that entry (they describe it), except before the first entry, where such comments
  describe the list and stay above it; an entry appended at the end goes after the last entry's
  last line, including comment lines indented deeper than its dash.
* ``key: []`` becomes ``key:`` followed by a block list; a comment after ``[]`` stays on the
  ``key:`` line. A non-empty flow list (``[{...}]``) is refused: the person is asked to write it
  as a block list.
* A missing list key is added at the end of its mapping (or before a given key, e.g. a goal's
  ``completed`` before its ``actions``), at the mapping's indentation.
* A replaced value keeps its key, its line and any comment after it; only the scalar changes.

Reading the text and its nodes is :mod:`hytecli.yaml_nodes`'s, writing scalars
:mod:`hytecli.yaml_scalars`'s; this module computes and applies the edits.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.yaml_document import DataPath
from hytecli.yaml_nodes import (
    LINE_BREAKS,
    EditProblem,
    above_comments,
    content_end,
    dash_of_item,
    detect_list_style,
    end_after,
    find_node,
    first_key_column,
    is_block,
    is_plain,
    mapping_get,
    newline_of,
    start_of_line,
    start_of_next_line,
)


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``new`` (``start == end`` inserts)."""

    start: int
    end: int
    new: str


# --- computing edits ------------------------------------------------------------------------------


def _field_text(name: str, rendered: str, column: int, newline: str) -> str:
    """``name: rendered`` and its line break; a rendered value's further lines go at ``column``.

    A rendered value of several lines (a ``|`` block text, a nested mapping starting with a line
    break) has its second and later lines indented relative to its key: each is put ``column``
    columns in (the key's column), empty lines stay empty.
    """
    first, *rest = rendered.split("\n")
    head = f"{name}: {first}" if first else f"{name}:"
    tail = "".join(newline + (" " * column + line if line else "") for line in rest)
    return f"{head}{tail}{newline}"


def _item_lines(
    fields: Sequence[tuple[str, str]], dash_column: int, content_column: int, newline: str
) -> str:
    lines = []
    for i, (name, rendered) in enumerate(fields):
        if i == 0:
            lead = " " * dash_column + "-" + " " * (content_column - dash_column - 1)
        else:
            lead = " " * content_column
        lines.append(lead + _field_text(name, rendered, content_column, newline))
    return "".join(lines)


def _block_mapping(root: Node, path: DataPath) -> MappingNode:
    node = find_node(root, path)
    if not isinstance(node, MappingNode):
        raise EditProblem(f"no mapping at {'.'.join(map(str, path)) or 'the top'} of the file")
    if not is_block(node):
        raise EditProblem(
            f"the mapping on line {node.start_mark.line + 1} is written in flow style "
            "({key: value, ...}); write it as one 'key: value' line per field and run again"
        )
    return node


def _insert_at(text: str, position: int, block: str, newline: str) -> TextEdit:
    if position >= len(text) and text and text[-1] not in LINE_BREAKS:
        return TextEdit(len(text), len(text), newline + block)
    return TextEdit(position, position, block)


def insert_list_item(
    text: str,
    root: Node,
    mapping_path: DataPath,
    key: str,
    fields: Sequence[tuple[str, str]],
    index: int,
    *,
    before_key: str | None = None,
) -> list[TextEdit]:
    """Edits that insert a new block-mapping item into the list ``key`` of a mapping.

    Args:
        text: The file's text (without a byte-order mark).
        root: Its composed node tree (:func:`compose`).
        mapping_path: Path of the mapping that holds (or will hold) the list.
        key: The list's key, e.g. ``values`` or ``completed``; created when missing.
        fields: ``(name, rendered YAML scalar)`` pairs of the new item, in order.
        index: Where the item goes in the list (``len(list)`` appends).
        before_key: When ``key`` is missing, add it before this key of the mapping (if present
            and not the mapping's first key) instead of at the mapping's end.

    Raises:
        EditProblem: the mapping or the list is written in a layout this module does not edit.
    """
    if not fields:
        raise ValueError("an item needs at least one field")
    mapping = _block_mapping(root, mapping_path)
    newline = newline_of(text)
    pair = mapping_get(mapping, key)
    if pair is None:
        style = detect_list_style(text, root)
        key_column = first_key_column(mapping)
        dash = key_column + style.sequence_offset
        block = f"{' ' * key_column}{key}:{newline}" + _item_lines(
            fields, dash, dash + style.item_offset, newline
        )
        anchor = mapping_get(mapping, before_key) if before_key else None
        if anchor is not None and anchor[0] is not mapping.value[0][0]:
            line_start = start_of_line(text, anchor[0].start_mark.index)
            if text[line_start : anchor[0].start_mark.index].strip(" ") == "":
                position = above_comments(text, line_start, key_column)
                return [TextEdit(position, position, block)]
        position = end_after(text, mapping, key_column)
        return [_insert_at(text, position, block, newline)]

    key_node, value_node = pair
    if isinstance(value_node, SequenceNode) and not is_block(value_node):
        if value_node.value:
            raise EditProblem(
                f"'{key}' on line {key_node.start_mark.line + 1} is written as a flow list "
                "([...]); write it as a block list (one '- ' line per entry) and run again"
            )
        style = detect_list_style(text, root)
        start = value_node.start_mark.index
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        dash = int(key_node.start_mark.column) + style.sequence_offset
        block = _item_lines(fields, dash, dash + style.item_offset, newline)
        position = start_of_next_line(text, value_node.end_mark.index)
        return [
            TextEdit(start, value_node.end_mark.index, ""),
            _insert_at(text, position, block, newline),
        ]
    if not isinstance(value_node, SequenceNode) or not value_node.value:
        raise EditProblem(
            f"'{key}' on line {key_node.start_mark.line + 1} is not a list: write it as a list "
            f"('{key}: []' when empty) and run again"
        )
    items = value_node.value
    _, dash, content = dash_of_item(text, items[0])
    block = _item_lines(fields, dash, content, newline)
    if index < len(items):
        line_start, item_dash, _ = dash_of_item(text, items[index])
        position = line_start if index == 0 else above_comments(text, line_start, item_dash)
        return [TextEdit(position, position, block)]
    position = end_after(text, items[-1], dash)
    return [_insert_at(text, position, block, newline)]


def replace_list_item(
    text: str, root: Node, list_path: DataPath, index: int, fields: Sequence[tuple[str, str]]
) -> list[TextEdit]:
    """Edits that replace a whole item of a block list with a new block-mapping item.

    The item's lines (from its ``- `` line to its last line, with comment lines indented deeper
    than its dash after it) are replaced by the new item, at the same indentation; the lines
    around it stay. An item written in flow style (``- {year: 2024, ...}``) becomes a block one.

    Args:
        text: The file's text (without a byte-order mark).
        root: Its composed node tree.
        list_path: Path of the list.
        index: Which item to replace.
        fields: ``(name, rendered YAML)`` pairs of the new item, in order.

    Raises:
        EditProblem: no block list there, or the item does not start on its ``- `` line.
    """
    node = find_node(root, list_path)
    if not isinstance(node, SequenceNode) or not is_block(node) or index >= len(node.value):
        raise EditProblem(f"no block list item at {'.'.join(map(str, (*list_path, index)))}")
    item = node.value[index]
    line_start, dash, content = dash_of_item(text, item)
    end = end_after(text, item, dash)
    block = _item_lines(fields, dash, content, newline_of(text))
    if end >= len(text) and text and text[-1] not in LINE_BREAKS:
        block = block.rstrip("\r\n")  # the file ended without a line break: so it still does
    return [TextEdit(line_start, end, block)]


def _replace_scalar(text: str, key_node: ScalarNode, value_node: Node, rendered: str) -> TextEdit:
    if not isinstance(value_node, ScalarNode):
        raise EditProblem(
            f"'{key_node.value}' on line {key_node.start_mark.line + 1} is not a single value: "
            "edit it by hand"
        )
    start, end = value_node.start_mark.index, value_node.end_mark.index
    if is_plain(value_node) and value_node.value == "" and start == end:
        colon = text.find(":", key_node.end_mark.index)
        if colon < 0:  # pragma: no cover - a key is always followed by ':'
            raise EditProblem(f"cannot find the ':' after '{key_node.value}'")
        return TextEdit(colon + 1, colon + 1, f" {rendered}")
    if value_node.style in ("|", ">"):
        if "+" in text[start : start_of_next_line(text, start)]:
            raise EditProblem(
                f"'{key_node.value}' on line {key_node.start_mark.line + 1} is a block text "
                "that keeps its trailing blank lines (|+): edit it by hand"
            )
        end = content_end(text, value_node)
    return TextEdit(start, end, rendered)


def set_fields(
    text: str, root: Node, mapping_path: DataPath, fields: Sequence[tuple[str, str]]
) -> list[TextEdit]:
    """Edits that set fields of a mapping: replace existing scalars in place, add missing keys.

    An existing value is replaced where it stands (its key, its line and any comment after it
    stay); missing keys are added, in the given order, after the mapping's last line.

    Raises:
        EditProblem: the mapping is in flow style, or a field to replace is not a scalar.
    """
    mapping = _block_mapping(root, mapping_path)
    newline = newline_of(text)
    column = first_key_column(mapping)
    edits: list[TextEdit] = []
    added: list[str] = []
    for name, rendered in fields:
        pair = mapping_get(mapping, name)
        if pair is None:
            added.append(" " * column + _field_text(name, rendered, column, newline))
        else:
            edits.append(_replace_scalar(text, pair[0], pair[1], rendered))
    if added:
        position = end_after(text, mapping, column)
        edits.append(_insert_at(text, position, "".join(added), newline))
    return edits


def apply_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """Apply non-overlapping edits to ``text`` (in any order) and return the new text.

    Raises:
        ValueError: two edits overlap.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.start < first.end:
            raise ValueError(f"overlapping edits: {first} and {second}")
    result = text
    for edit in reversed(ordered):
        result = result[: edit.start] + edit.new + result[edit.end :]
    return result


def unified_diff(old: str, new: str, path: str) -> str:
    """Return a ``git diff``-like unified diff of a change to the file at ``path``."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def same_data(left: Any, right: Any) -> bool:
    """Deep equality that also compares types (``1``, ``1.0`` and ``True`` are all different)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_data(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(
            same_data(a, b) for a, b in zip(left, right, strict=True)
        )
    return bool(left == right)
