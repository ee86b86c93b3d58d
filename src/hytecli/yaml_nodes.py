"""Reading a hand-written YAML text for editing: its node tree, lines, offsets and list style.

:func:`compose` gives the node tree with the strict loader (the marks are character offsets into
the text); :func:`find_node` finds a value by its path; the line helpers find where an entry,
its comments and its deeper lines start and end; :func:`detect_list_style` reads how the file
indents its lists. :mod:`hytecli.editing` computes the edits with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.yaml_document import DataPath
from hytecli.yamlfile import YamlProblem, compose_strict

#: Characters YAML (and PyYAML, whose marks we use) treats as line breaks.
LINE_BREAKS = "\n\r\x85\u2028\u2029"
BOM = b"\xef\xbb\xbf"

_DASH_PREFIX = re.compile(r"( *)-( +)")


class EditProblem(Exception):
    """The file cannot be edited safely as it is written; the message says why and what to do."""


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


def start_of_line(text: str, index: int) -> int:
    """Return the offset where the line holding ``index`` starts."""
    while index > 0 and text[index - 1] not in LINE_BREAKS:
        index -= 1
    return index


def start_of_next_line(text: str, index: int) -> int:
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
    end = start_of_next_line(text, start)
    return text[start:end].rstrip(LINE_BREAKS)


def _is_comment_line(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_plain(node: ScalarNode) -> bool:
    """Tell whether a scalar is written plain (no quotes, no block style)."""
    return node.style in (None, "")


def is_block(node: Node) -> bool:
    """Tell whether a mapping or list is written in block style (not flow)."""
    return not getattr(node, "flow_style", False)


def content_end(text: str, node: Node) -> int:
    """Return the index after the last character of ``node``'s own text (no blank lines).

    Block collections' end marks point at the next token (after comments and blank lines), so
    the end is taken from the last scalar or flow collection inside them.
    """
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            header_end = start_of_next_line(text, node.start_mark.index)
            header = text[node.start_mark.index : header_end]
            end = node.end_mark.index
            if "+" in header:  # "keep" chomping: trailing blank lines are part of the value
                return end
            while end > header_end and text[end - 1] in LINE_BREAKS + " ":
                end -= 1
            return max(end, header_end)
        return node.end_mark.index
    if not is_block(node) or not node.value:
        return node.end_mark.index
    if isinstance(node, MappingNode):
        last_key, last_value = node.value[-1]
        return max(content_end(text, last_key), content_end(text, last_value))
    return content_end(text, node.value[-1])


def end_after(text: str, node: Node, deeper_than: int) -> int:
    """Return the start of the line after ``node``'s last line.

    Comment lines right after it that are indented more than ``deeper_than`` columns belong to
    the node and are passed over.
    """
    end = content_end(text, node)
    position = end if end > 0 and text[end - 1] in LINE_BREAKS else start_of_next_line(text, end)
    while position < len(text):
        line = _line_at(text, position)
        if not (_is_comment_line(line) and _indent(line) > deeper_than):
            break
        position = start_of_next_line(text, position)
    return position


def _previous_line_start(text: str, line_start: int) -> int:
    end = line_start - 1
    if end > 0 and text[end] == "\n" and text[end - 1] == "\r":
        end -= 1
    return start_of_line(text, end)


def above_comments(text: str, line_start: int, column: int) -> int:
    """Move up from ``line_start`` over the comment lines directly above it at ``column``."""
    position = line_start
    while position > 0:
        previous = _previous_line_start(text, position)
        line = _line_at(text, previous)
        if not (_is_comment_line(line) and _indent(line) == column):
            break
        position = previous
    return position


def dash_of_item(text: str, item: Node) -> tuple[int, int, int]:
    """Return (line start, dash column, content column) of a block list item.

    Raises:
        EditProblem: the item does not start on its dash's line (an unusual layout).
    """
    line_start = start_of_line(text, item.start_mark.index)
    prefix = text[line_start : item.start_mark.index]
    match = _DASH_PREFIX.fullmatch(prefix)
    if match is None:
        raise EditProblem(
            f"the list item on line {item.start_mark.line + 1} is not written as '- key: value' "
            "on one line; write it so and run again"
        )
    dash = len(match.group(1))
    return line_start, dash, dash + 1 + len(match.group(2))


def first_key_column(mapping: MappingNode) -> int:
    """Return the 0-based column of the mapping's first key."""
    return int(mapping.value[0][0].start_mark.column) if mapping.value else 0


def detect_list_style(text: str, root: Node) -> ListStyle:
    """Find how the file indents block lists (the first block list of items found).

    Falls back to the indentation of nested mappings, then to 2 spaces and ``- ``.
    """
    nested_offset: int | None = None
    stack = [root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, MappingNode) and is_block(node):
            for key_node, value_node in node.value:
                if (
                    isinstance(value_node, SequenceNode)
                    and is_block(value_node)
                    and value_node.value
                ):
                    try:
                        _, dash, content = dash_of_item(text, value_node.value[0])
                    except EditProblem:
                        continue
                    offset = dash - int(key_node.start_mark.column)
                    if offset >= 0:
                        return ListStyle(offset, content - dash)
                if (
                    nested_offset is None
                    and isinstance(value_node, MappingNode)
                    and is_block(value_node)
                    and value_node.value
                ):
                    nested_offset = first_key_column(value_node) - int(key_node.start_mark.column)
                stack.append(value_node)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    if nested_offset is not None and nested_offset > 0:
        return ListStyle(nested_offset, 2)
    return ListStyle()
