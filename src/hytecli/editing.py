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
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.periods import Period, PeriodKind
from hytecli.values import format_number
from hytecli.yaml_document import DataPath
from hytecli.yaml_strict import MAX_NUMBER, control_character
from hytecli.yamlfile import YamlProblem, compose_strict, parse_yaml

#: Characters YAML (and PyYAML, whose marks we use) treats as line breaks.
LINE_BREAKS = "\n\r\x85\u2028\u2029"
BOM = b"\xef\xbb\xbf"

_DASH_PREFIX = re.compile(r"( *)-( +)")


class EditProblem(Exception):
    """The file cannot be edited safely as it is written; the message says why and what to do."""


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``new`` (``start == end`` inserts)."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class ListStyle:
    r"""How block lists are indented in a file.

    Attributes:
        sequence_offset: Columns from a key to the ``-`` of its list items (0 for the
            "indentless" style ``key:\n- item``).
        item_offset: Columns from the ``-`` to the item's content (2 for ``- key: value``).
    """

    sequence_offset: int = 2
    item_offset: int = 2


# --- reading text and nodes -----------------------------------------------------------------------


def split_bom(raw: bytes) -> tuple[bytes, str]:
    """Split a file's bytes into its byte-order mark (``b""`` if none) and its decoded text.

    Raises:
        EditProblem: the file is not UTF-8.
    """
    bom = BOM if raw.startswith(BOM) else b""
    try:
        return bom, raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise EditProblem("the file is not valid UTF-8: run hyte validate") from None


def compose(text: str) -> Node:
    """Compose ``text`` into PyYAML's node tree (:func:`hytecli.yamlfile.compose_strict`).

    Raises:
        EditProblem: the text is not valid plan YAML (it should have been validated first).
    """
    try:
        node = compose_strict(text, "<file>")
    except YamlProblem as exc:
        raise EditProblem(f"the file cannot be read as YAML ({exc}): run hyte validate") from None
    if node is None:
        raise EditProblem("the file is empty: run hyte validate")
    return node


def mapping_get(node: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    """Return the (key node, value node) pair for ``key`` in a mapping node, or ``None``."""
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def find_node(root: Node, path: DataPath) -> Node | None:
    """Follow ``path`` (mapping keys and list indexes) from ``root``; ``None`` if it is absent."""
    node: Node = root
    for part in path:
        if isinstance(part, str) and isinstance(node, MappingNode):
            pair = mapping_get(node, part)
            if pair is None:
                return None
            node = pair[1]
        elif isinstance(part, int) and isinstance(node, SequenceNode):
            if not 0 <= part < len(node.value):
                return None
            node = node.value[part]
        else:
            return None
    return node


def newline_of(text: str) -> str:
    r"""Return the file's line ending: its first line's (``\r\n`` or ``\n``), else ``\n``."""
    match = re.search(r"\r\n|\r|\n", text)
    return match.group(0) if match else "\n"


def _line_start(text: str, index: int) -> int:
    while index > 0 and text[index - 1] not in LINE_BREAKS:
        index -= 1
    return index


def _next_line_start(text: str, index: int) -> int:
    """Return the index after the line break ending the line that holds ``index``."""
    length = len(text)
    while index < length and text[index] not in LINE_BREAKS:
        index += 1
    if index >= length:
        return length
    if text.startswith("\r\n", index):
        return index + 2
    return index + 1


def _line_at(text: str, start: int) -> str:
    end = _next_line_start(text, start)
    return text[start:end].rstrip(LINE_BREAKS)


def _is_comment_line(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_plain(node: ScalarNode) -> bool:
    return node.style in (None, "")


def _is_block(node: Node) -> bool:
    return not getattr(node, "flow_style", False)


def _content_end(text: str, node: Node) -> int:
    """Return the index after the last character of ``node``'s own text (no blank lines).

    Block collections' end marks point at the next token (after comments and blank lines), so
    the end is taken from the last scalar or flow collection inside them.
    """
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            header_end = _next_line_start(text, node.start_mark.index)
            header = text[node.start_mark.index : header_end]
            end = node.end_mark.index
            if "+" in header:  # "keep" chomping: trailing blank lines are part of the value
                return end
            while end > header_end and text[end - 1] in LINE_BREAKS + " ":
                end -= 1
            return max(end, header_end)
        return node.end_mark.index
    if not _is_block(node) or not node.value:
        return node.end_mark.index
    if isinstance(node, MappingNode):
        last_key, last_value = node.value[-1]
        return max(_content_end(text, last_key), _content_end(text, last_value))
    return _content_end(text, node.value[-1])


def _after(text: str, node: Node, deeper_than: int) -> int:
    """Return the start of the line after ``node``'s last line.

    Comment lines right after it that are indented more than ``deeper_than`` columns belong to
    the node and are passed over.
    """
    end = _content_end(text, node)
    position = end if end > 0 and text[end - 1] in LINE_BREAKS else _next_line_start(text, end)
    while position < len(text):
        line = _line_at(text, position)
        if not (_is_comment_line(line) and _indent(line) > deeper_than):
            break
        position = _next_line_start(text, position)
    return position


def _previous_line_start(text: str, line_start: int) -> int:
    end = line_start - 1
    if end > 0 and text[end] == "\n" and text[end - 1] == "\r":
        end -= 1
    return _line_start(text, end)


def _above_comments(text: str, line_start: int, column: int) -> int:
    """Move up from ``line_start`` over the comment lines directly above it at ``column``."""
    position = line_start
    while position > 0:
        previous = _previous_line_start(text, position)
        line = _line_at(text, previous)
        if not (_is_comment_line(line) and _indent(line) == column):
            break
        position = previous
    return position


def _item_dash(text: str, item: Node) -> tuple[int, int, int]:
    """Return (line start, dash column, content column) of a block list item.

    Raises:
        EditProblem: the item does not start on its dash's line (an unusual layout).
    """
    line_start = _line_start(text, item.start_mark.index)
    prefix = text[line_start : item.start_mark.index]
    match = _DASH_PREFIX.fullmatch(prefix)
    if match is None:
        raise EditProblem(
            f"the list item on line {item.start_mark.line + 1} is not written as '- key: value' "
            "on one line; write it so and run again"
        )
    dash = len(match.group(1))
    return line_start, dash, dash + 1 + len(match.group(2))


def _first_key_column(mapping: MappingNode) -> int:
    return int(mapping.value[0][0].start_mark.column) if mapping.value else 0


def detect_list_style(text: str, root: Node) -> ListStyle:
    """Find how the file indents block lists (the first block list of items found).

    Falls back to the indentation of nested mappings, then to 2 spaces and ``- ``.
    """
    nested_offset: int | None = None
    stack = [root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, MappingNode) and _is_block(node):
            for key_node, value_node in node.value:
                if (
                    isinstance(value_node, SequenceNode)
                    and _is_block(value_node)
                    and value_node.value
                ):
                    try:
                        _, dash, content = _item_dash(text, value_node.value[0])
                    except EditProblem:
                        continue
                    offset = dash - int(key_node.start_mark.column)
                    if offset >= 0:
                        return ListStyle(offset, content - dash)
                if (
                    nested_offset is None
                    and isinstance(value_node, MappingNode)
                    and _is_block(value_node)
                    and value_node.value
                ):
                    nested_offset = _first_key_column(value_node) - int(key_node.start_mark.column)
                stack.append(value_node)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    if nested_offset is not None and nested_offset > 0:
        return ListStyle(nested_offset, 2)
    return ListStyle()


# --- writing scalars ------------------------------------------------------------------------------


def _reads_back(rendered: str, value: Any, flow: bool = False) -> bool:
    if any(ch in LINE_BREAKS for ch in rendered):
        return False
    contexts = [(f"k: {rendered}\n", value)]
    if flow:
        contexts.append((f"k: [{rendered}]\n", [value]))
    for text, expected in contexts:
        document = parse_yaml(text, "<scalar>")
        if not document.ok or not isinstance(document.data, dict):
            return False
        result = document.data.get("k")
        if type(result) is not type(expected) or result != expected:
            return False
    return True


def _dump(text: str, flow: bool, style: str | None) -> str:
    """PyYAML's emitter's one-line form of ``text``, in a block mapping or a flow sequence."""
    if flow:
        listed = yaml.safe_dump(
            [text], default_flow_style=True, allow_unicode=True, width=math.inf, default_style=style
        )
        return listed.strip()[1:-1]
    dumped = yaml.safe_dump(
        {"k": text}, allow_unicode=True, width=math.inf, sort_keys=False, default_style=style
    )
    return dumped[len('"k": ' if style == '"' else "k: ") :].rstrip("\n")


def yaml_string(text: str, *, flow: bool = False) -> str:
    """Write ``text`` as a one-line YAML scalar that hyte's strict reader reads back exactly.

    Plain when that is safe, else quoted the way PyYAML's emitter chooses (single quotes, or
    double quotes with escapes for line breaks and control characters); every choice is read
    back with the strict reader before it is used, so ``yes``, ``y``, ``012``, ``1e3``, ``: ``,
    ``#``, quotes and leading ``*``/``&``/``-`` all come back as the same text. ``hyte record``
    and ``hyte complete`` write their texts with it, and ``hyte init`` its settings (the
    skeleton's ``yaml`` filter).

    Args:
        text: The text to write.
        flow: The scalar may also go inside a flow collection (``[fi, sv]``), where ``,``,
            ``[``, ``]``, ``{`` and ``}`` end a plain scalar: text with them is quoted.

    Raises:
        EditProblem: ``text`` holds a control character other than tab and line break, which
            the strict reader refuses (:func:`hytecli.yaml_strict.control_character`).
    """
    char = control_character(text)
    if char is not None:
        raise EditProblem(
            f"the text {text!r} has the control character {char}, which plan files do not allow"
        )
    for style in (None, '"'):
        candidate = _dump(text, flow, style)
        if _reads_back(candidate, text, flow):
            return candidate
    raise EditProblem(f"cannot write {text!r} as YAML text")  # pragma: no cover - defensive


def yaml_scalar(value: bool | int | float | str | date | Period) -> str:
    """Write a value as a one-line YAML scalar in the form plan files use.

    ``true``/``false``; integers and decimals in plain decimal (no exponent); dates as
    ``YYYY-MM-DD`` and periods as written (``2024``, ``2024-H1``), unquoted; texts via
    :func:`yaml_string`.

    Raises:
        EditProblem: a number that is not finite or not smaller than
            :data:`~hytecli.yaml_strict.MAX_NUMBER`, or a text :func:`yaml_string` refuses.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise EditProblem(f"{value} is not a number that can be recorded")
        if abs(value) >= MAX_NUMBER:
            raise EditProblem(
                "the number is too large to record: plan files hold numbers smaller than "
                "1 000 000 000 000 000 (10^15)"
            )
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Period):
        return str(value)
    return yaml_string(value)


def period_data(period: Period) -> int | str:
    """Return the value the strict reader gives for a period written by :func:`yaml_scalar`."""
    return period.year if period.kind is PeriodKind.YEAR else str(period)


# --- computing edits ------------------------------------------------------------------------------


def _item_lines(
    fields: Sequence[tuple[str, str]], dash_column: int, content_column: int, newline: str
) -> str:
    lines = []
    for i, (name, rendered) in enumerate(fields):
        if i == 0:
            lead = " " * dash_column + "-" + " " * (content_column - dash_column - 1)
        else:
            lead = " " * content_column
        lines.append(f"{lead}{name}: {rendered}{newline}")
    return "".join(lines)


def _block_mapping(root: Node, path: DataPath) -> MappingNode:
    node = find_node(root, path)
    if not isinstance(node, MappingNode):
        raise EditProblem(f"no mapping at {'.'.join(map(str, path)) or 'the top'} of the file")
    if not _is_block(node):
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
        key_column = _first_key_column(mapping)
        dash = key_column + style.sequence_offset
        block = f"{' ' * key_column}{key}:{newline}" + _item_lines(
            fields, dash, dash + style.item_offset, newline
        )
        anchor = mapping_get(mapping, before_key) if before_key else None
        if anchor is not None and anchor[0] is not mapping.value[0][0]:
            line_start = _line_start(text, anchor[0].start_mark.index)
            if text[line_start : anchor[0].start_mark.index].strip(" ") == "":
                position = _above_comments(text, line_start, key_column)
                return [TextEdit(position, position, block)]
        position = _after(text, mapping, key_column)
        return [_insert_at(text, position, block, newline)]

    key_node, value_node = pair
    if isinstance(value_node, SequenceNode) and not _is_block(value_node):
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
        position = _next_line_start(text, value_node.end_mark.index)
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
    _, dash, content = _item_dash(text, items[0])
    block = _item_lines(fields, dash, content, newline)
    if index < len(items):
        line_start, item_dash, _ = _item_dash(text, items[index])
        position = line_start if index == 0 else _above_comments(text, line_start, item_dash)
        return [TextEdit(position, position, block)]
    position = _after(text, items[-1], dash)
    return [_insert_at(text, position, block, newline)]


def _replace_scalar(text: str, key_node: ScalarNode, value_node: Node, rendered: str) -> TextEdit:
    if not isinstance(value_node, ScalarNode):
        raise EditProblem(
            f"'{key_node.value}' on line {key_node.start_mark.line + 1} is not a single value: "
            "edit it by hand"
        )
    start, end = value_node.start_mark.index, value_node.end_mark.index
    if _is_plain(value_node) and value_node.value == "" and start == end:
        colon = text.find(":", key_node.end_mark.index)
        if colon < 0:  # pragma: no cover - a key is always followed by ':'
            raise EditProblem(f"cannot find the ':' after '{key_node.value}'")
        return TextEdit(colon + 1, colon + 1, f" {rendered}")
    if value_node.style in ("|", ">"):
        if "+" in text[start : _next_line_start(text, start)]:
            raise EditProblem(
                f"'{key_node.value}' on line {key_node.start_mark.line + 1} is a block text "
                "that keeps its trailing blank lines (|+): edit it by hand"
            )
        end = _content_end(text, value_node)
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
    column = _first_key_column(mapping)
    edits: list[TextEdit] = []
    added: list[str] = []
    for name, rendered in fields:
        pair = mapping_get(mapping, name)
        if pair is None:
            added.append(f"{' ' * column}{name}: {rendered}{newline}")
        else:
            edits.append(_replace_scalar(text, pair[0], pair[1], rendered))
    if added:
        position = _after(text, mapping, column)
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
