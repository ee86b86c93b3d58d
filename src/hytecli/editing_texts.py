"""Adding a language to a text in a hand-written YAML file, leaving every other byte as it was.

``hyte translate import`` writes a translation with :func:`add_translation`, which computes the
:class:`~hytecli.editing.TextEdit` values for one text (the caller applies them, reads the file
back and checks its data, as ``hyte record`` does):

* a one-line scalar ``title: X`` becomes ``title: {fi: X, sv: Y}`` (the flow style plan files
  already use, e.g. ``organisation.name``) when the line stays within :data:`MAX_LINE` columns,
  otherwise a block mapping with ``fi: X`` and ``sv: Y`` on lines of their own; the source keeps
  its own quoting where it can;
* a block scalar (``introduction: |`` paragraphs) becomes a block mapping whose ``fi: |`` holds
  the original lines (indented one step further) and ``sv: |`` the translation;
* a text inside a flow collection (``responsible: [LUVN]``, ``deadline: {due: 2025,
  wording: ...}``) becomes a flow mapping in place;
* an existing mapping (``{fi: X, en: Z}``, or a block one) gets the new key after its last
  key, or, when it has one, that key's value replaced where it stands.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.editing import TextEdit, set_fields
from hytecli.yaml_document import DataPath
from hytecli.yaml_nodes import (
    EditProblem,
    content_end,
    find_node,
    first_key_column,
    is_block,
    is_plain,
    mapping_get,
    newline_of,
    start_of_line,
    start_of_next_line,
)
from hytecli.yaml_scalars import yaml_string, yaml_text

#: The longest line (in characters) a ``{fi: ..., sv: ...}`` flow mapping is written on.
MAX_LINE = 100
#: Columns a new block mapping is indented by, relative to its key.
STEP = 2


def _indent_rest(rendered: str, column: int, newline: str) -> str:
    """``rendered``'s second and later lines put ``column`` columns in (empty lines stay empty)."""
    first, *rest = rendered.split("\n")
    return first + "".join(newline + (" " * column + line if line else "") for line in rest)


def _flow_source(text: str, node: ScalarNode) -> str:
    """The source scalar as written, when it reads the same inside a flow mapping."""
    if node.start_mark.line == node.end_mark.line:
        written = text[node.start_mark.index : node.end_mark.index]
        if node.style in ("'", '"') or written == yaml_string(node.value, flow=True):
            return written
    return yaml_string(node.value, flow=True)


def _block_source(text: str, node: ScalarNode, column: int, newline: str) -> str:
    """The source scalar as written, after a key at ``column`` (block scalars one step deeper)."""
    start, end = node.start_mark.index, content_end(text, node)
    if node.style in ("|", ">"):
        header_end = start_of_next_line(text, start)
        header = text[start:header_end].rstrip("\r\n")
        if any(ch.isdigit() or ch == "+" for ch in header.split("#")[0]):
            raise EditProblem(
                f"the block text on line {node.start_mark.line + 1} has an indentation or keep "
                "indicator (|2, |+): write it as a plain '|' block and run again"
            )
        lines = text[header_end:end].splitlines()
        body = "".join(newline + (" " * STEP + line if line.strip() else "") for line in lines)
        return header.rstrip() + body
    if node.start_mark.line == node.end_mark.line:
        return text[start:end]
    return _indent_rest(yaml_text(node.value), column, newline)


def _fits(text: str, start: int, end: int, new: str) -> bool:
    line_start = start_of_line(text, start)
    line_end = start_of_next_line(text, end)
    line = text[line_start:start] + new + text[end:line_end].rstrip("\r\n")
    return "\n" not in new and len(line) <= MAX_LINE


def _scalar_to_mapping(
    text: str,
    parent: Node,
    key: ScalarNode | None,
    node: ScalarNode,
    pairs: tuple[tuple[str, str], tuple[str, str]],
) -> list[TextEdit]:
    """Edits turning the source scalar ``node`` into a mapping of ``pairs`` (lang, translation)."""
    (source_lang, _), (target_lang, translation) = pairs
    newline = newline_of(text)
    start = node.start_mark.index
    end = content_end(text, node)
    if node.style not in ("|", ">"):
        flow = f"{{{source_lang}: {_flow_source(text, node)}, {target_lang}: "
        flow += f"{yaml_string(translation, flow=True)}}}"
        if not is_block(parent) or _fits(text, start, end, flow):
            return [TextEdit(start, end, flow)]
    if not is_block(parent):  # pragma: no cover - a block scalar cannot be inside a flow one
        raise EditProblem(f"cannot edit the text on line {node.start_mark.line + 1}")
    if key is None:  # a list item: "- X" becomes "- fi: X" and "  sv: Y" below it
        column = int(node.start_mark.column)
        lead = ""
        replace_from = start
    else:
        column = int(key.start_mark.column) + STEP
        lead = newline + " " * column
        replace_from = text.find(":", key.end_mark.index) + 1
        if replace_from <= 0:  # pragma: no cover - a key is always followed by ':'
            raise EditProblem(f"cannot find the ':' after '{key.value}'")
    source = _block_source(text, node, column, newline)
    target = _indent_rest(yaml_text(translation), column, newline)
    new = f"{lead}{source_lang}: {source}{newline}{' ' * column}{target_lang}: {target}"
    return [TextEdit(replace_from, end, new)]


def _flow_mapping_edit(
    text: str, node: MappingNode, target_lang: str, translation: str
) -> list[TextEdit]:
    rendered = yaml_string(translation, flow=True)
    pair = mapping_get(node, target_lang)
    if pair is not None:
        value = pair[1]
        return [TextEdit(value.start_mark.index, value.end_mark.index, rendered)]
    close = node.end_mark.index - 1
    if text[close] != "}":  # pragma: no cover - a flow mapping ends with its brace
        raise EditProblem(f"cannot find the end of the mapping on line {node.start_mark.line + 1}")
    before = close
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return [TextEdit(before, before, f", {target_lang}: {rendered}")]


def add_translation(
    text: str,
    root: Node,
    path: DataPath,
    source_language: str,
    target_language: str,
    translation: str,
) -> list[TextEdit]:
    """Edits that give the text at ``path`` its ``target_language`` version (see module doc).

    Args:
        text: The file's text (without a byte-order mark).
        root: Its composed node tree (:func:`hytecli.yaml_nodes.compose`).
        path: Where the text is (``("goals", 0, "title")``); its value is a scalar (a text in
            the source language) or a mapping language → text.
        source_language: The plan's language, the key the existing scalar is given.
        target_language: The language added (or replaced, when the mapping has it).
        translation: The text in ``target_language``.

    Raises:
        EditProblem: nothing is at ``path``, or it is written in a layout this module does not
            edit (the message says what to do).
    """
    if not path:
        raise ValueError("a text is never the whole file")
    parent = find_node(root, path[:-1])
    node = find_node(root, path)
    if parent is None or node is None:
        raise EditProblem(f"no text at {'.'.join(map(str, path))} in the file")
    key: ScalarNode | None = None
    if isinstance(parent, MappingNode):
        pair = mapping_get(parent, str(path[-1]))
        key = pair[0] if pair is not None else None
    elif not isinstance(parent, SequenceNode):  # pragma: no cover - paths come from the file
        raise EditProblem(f"no text at {'.'.join(map(str, path))} in the file")
    if isinstance(node, ScalarNode):
        if not (is_plain(node) or node.style in ("'", '"', "|", ">")):  # pragma: no cover
            raise EditProblem(f"the text on line {node.start_mark.line + 1} cannot be edited")
        pairs = ((source_language, node.value), (target_language, translation))
        return _scalar_to_mapping(text, parent, key, node, pairs)
    if isinstance(node, MappingNode):
        if not is_block(node):
            return _flow_mapping_edit(text, node, target_language, translation)
        column = first_key_column(node)
        rendered = yaml_text(translation)
        if mapping_get(node, target_language) is not None:
            rendered = _indent_rest(rendered, column, newline_of(text))
        return set_fields(text, root, path, [(target_language, rendered)])
    raise EditProblem(
        f"the text on line {node.start_mark.line + 1} is a list, not a text: run hyte validate"
    )
