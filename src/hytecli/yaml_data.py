"""Plain data from a composed YAML node tree: :class:`DataBuilder`, with located findings.

The second half of :mod:`hytecli.yamlfile`'s reading (the first is :mod:`hytecli.yaml_strict`'s
composing): scalars resolved to YAML 1.2 core values, YAML 1.1-only forms, too large numbers,
control characters, duplicate and non-text keys refused as located findings, and, when asked,
the line and column of every key and value recorded in the :class:`YamlDocument`.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.findings import Finding, Severity
from hytecli.yaml_document import DataPath, YamlDocument
from hytecli.yaml_strict import (
    _BOOL,
    _CONTROL_CHARACTER,
    _CORE_FORMS,
    _FLOAT,
    _INT,
    _NULL,
    _STR,
    _YAML11_BOOL,
    _YAML11_NUMBER,
    MAX_DEPTH,
    MAX_NUMBER,
    control_character,
    number_problem,
    position,
)


class TooDeep(Exception):
    """Raised by :class:`DataBuilder` for nesting deeper than :data:`MAX_DEPTH`."""


def _scalar_value(node: ScalarNode) -> Any:
    if node.tag == _STR or node.tag == "!":
        return node.value
    form = _CORE_FORMS.get(node.tag)
    if form is None or not form.match(node.value):  # e.g. !!bool "yes", !!int 1_000, !!map x
        raise ValueError(node.value)
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return node.value.lower() == "true"
    if node.tag == _INT:
        if len(node.value.lstrip("+-")) > len(str(MAX_NUMBER)):
            # too large anyway; int() of over 4300 digits would raise ValueError
            return float("inf") if not node.value.startswith("-") else float("-inf")
        return int(node.value)
    if node.tag == _FLOAT:
        return float(node.value)
    raise AssertionError(node.tag)  # pragma: no cover - _CORE_FORMS holds only these tags


def _yaml11_problem(node: ScalarNode) -> str:
    text = node.value
    if node.tag == _YAML11_BOOL:
        return (
            f"unquoted '{text}' is read as true/false by YAML 1.1 tools: write \"{text}\" in "
            "quotes if you mean text, or true/false for a yes/no value"
        )
    return (
        f"unquoted '{text}' is read as a number by YAML 1.1 tools (octal, base 60, hexadecimal "
        f'or similar): write "{text}" in quotes if it is a code or text, or write the number '
        "in plain decimal"
    )


class DataBuilder:
    """Turns a composed node tree into plain data, recording marks and collecting findings."""

    def __init__(self, doc: YamlDocument, *, marks: bool = True) -> None:
        """Build into ``doc``; with ``marks``, record every key's and value's position in it."""
        self.doc = doc
        self.value_marks: dict[DataPath, tuple[int, int]] | None = None
        self.key_marks: dict[DataPath, tuple[int, int]] = {}
        if marks:
            self.value_marks = {}
            doc.set_marks(self.value_marks, self.key_marks)
        # The reader refuses control characters in the text itself and line breaks become
        # "\n", so only an escape in double quotes can put one in a key or value: without a
        # backslash (or a raw CR or NEL, to be safe) no scalar needs the check.
        self.check_controls = not doc.text or any(c in doc.text for c in "\\\r\x85")

    def error(self, node: Node, code: str, message: str) -> None:
        """Record an error finding at ``node``."""
        line, column = position(node.start_mark)
        self.doc.findings.append(
            Finding(self.doc.path, line, column, Severity.ERROR, code, message)
        )

    def control_characters(self, node: ScalarNode, what: str) -> bool:
        """Report a control character in a scalar (Y001); return True if there is one."""
        char = control_character(node.value)
        if char is None:
            return False
        self.error(
            node,
            "Y001",
            f"control character {char} in {what}: plan files allow no control characters but "
            "tab and line break (shown on a terminal, they could change what it displays); "
            "delete it, or the escape that writes it in double quotes (such as \\e or \\x1b)",
        )
        return True

    def build(self, node: Node, path: DataPath) -> Any:
        """Return ``node`` as plain data, recording the marks of its keys and values if asked.

        Raises:
            TooDeep: ``node`` is nested deeper than :data:`MAX_DEPTH` (only a tree composed by
                :func:`compose_fast` can be; :class:`StrictComposer` refuses it first).
        """
        return self._build(node, path if self.value_marks is not None else None, len(path))

    def _build(self, node: Node, path: DataPath | None, depth: int) -> Any:
        """:meth:`build` at ``depth``; ``path`` is ``None`` when no marks are recorded."""
        if path is not None:
            mark = node.start_mark
            self.value_marks[path] = (mark.line + 1, mark.column + 1)  # type: ignore[index]
        if depth >= MAX_DEPTH:
            raise TooDeep(depth)
        if isinstance(node, ScalarNode):
            if node.tag == _STR and (
                not self.check_controls or _CONTROL_CHARACTER.search(node.value) is None
            ):
                return node.value  # the most common case, without the checks of _scalar
            return self._scalar(node)
        depth += 1
        if isinstance(node, SequenceNode):
            if path is None:
                return [self._build(child, None, depth) for child in node.value]
            return [self._build(child, (*path, i), depth) for i, child in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, first_seen)
            if key is None:
                continue
            if path is None:
                result[key] = self._build(value_node, None, depth)
                continue
            child = (*path, key)
            key_mark = key_node.start_mark
            self.key_marks[child] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self._build(value_node, child, depth)
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        """A scalar's value; its text, with an error finding, when it is not a plan value."""
        if self.check_controls and self.control_characters(node, "this value"):
            return node.value
        if node.tag in (_YAML11_BOOL, _YAML11_NUMBER):
            self.error(node, "Y004", _yaml11_problem(node))
            return node.value
        try:
            value = _scalar_value(node)
        except ValueError:
            self.error(
                node,
                "Y006",
                f"'{node.value}' is not a valid {node.tag} value: remove the tag, or write "
                "the value in its plain form (true/false, a decimal number)",
            )
            return node.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            problem = number_problem(value, node.value)
            if problem is not None:
                self.error(
                    node,
                    "Y004",
                    f"{problem}: check the number; if it is a code or a text, put it in quotes",
                )
                return node.value
        return value

    def _key(self, key_node: Node, first_seen: dict[str, Node]) -> str | None:
        """A mapping key's text; ``None``, with an error finding, for a key that cannot be one."""
        if not isinstance(key_node, ScalarNode) or key_node.tag not in (_STR, "!"):
            if not isinstance(key_node, ScalarNode):
                self.error(
                    key_node, "Y004", "a list or mapping is used as a key: keys must be text"
                )
                return None
            hint = (
                _yaml11_problem(key_node)
                if key_node.tag in (_YAML11_BOOL, _YAML11_NUMBER)
                else "keys must be text: put the key in quotes"
            )
            self.error(key_node, "Y004", f"key {key_node.value!r} is not text: {hint}")
            return None
        key: str = key_node.value
        if self.check_controls and self.control_characters(key_node, "this key"):
            return None
        if key in first_seen:
            first_line = first_seen[key].start_mark.line + 1
            self.error(
                key_node,
                "Y003",
                f"duplicate key '{key}': first on line {first_line}, again on line "
                f"{key_node.start_mark.line + 1}; keep one of them",
            )
            return None
        first_seen[key] = key_node
        return key
