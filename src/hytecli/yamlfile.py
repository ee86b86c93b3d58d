r"""A strict, located YAML reader for plan files.

PyYAML is used (it is the project's YAML library) but not its default resolution rules: plan files
are written by hand, and YAML 1.1's implicit conversions silently corrupt them (``no`` becomes
``False``, ``010`` becomes 8, ``1:30`` becomes 90, ``2024-05-31`` becomes a date object, a date
that does not exist raises a bare ``ValueError``). This reader:

* composes PyYAML's node tree once and builds plain Python data from it itself, remembering the
  line and column of every key and value so that later checks can point at them;
* resolves only YAML 1.2 core scalars (``true``/``false``, ``null``/``~``, decimal integers and
  floats); every YAML 1.1-only form (``yes``/``no``/``on``/``off``/``y``/``n``, leading-zero,
  base-60, hexadecimal/binary/octal and underscored numbers, ``.inf``/``.nan``) is an error that
  asks for quotes; dates stay text, checked by the model where a date is expected;
* refuses numbers of :data:`MAX_NUMBER` or more in size and numbers too large to hold at all
  (``1e999``, which Python reads as infinity), so that whole numbers are exact and every export
  is valid JSON;
* refuses control characters other than tab and line break in keys and values, including those
  written as escapes in double quotes (``"\e[2J"``), which PyYAML's check of the raw text
  cannot see: shown on a terminal, they could rewrite what it displays;
* refuses anchors and aliases (so an alias bomb fails at the first alias, in microseconds),
  non-standard tags, duplicate keys (naming both lines), non-text keys, tabs used for
  indentation, nesting deeper than :data:`MAX_DEPTH`, invalid UTF-8 and empty files.

The result is a :class:`YamlDocument`; problems are :class:`~hytecli.findings.Finding` values, all
collected, never exceptions escaping to the user.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hytecli.findings import Finding, Severity

#: Deepest nesting of mappings and sequences accepted (plan files need about 8).
MAX_DEPTH = 64
#: Largest file accepted, in bytes (the whole LUVN plan is about 60 kB).
MAX_BYTES = 20 * 1024 * 1024
#: Numbers must be smaller than this in size (10^15, a thousand million million). Every whole
#: number below it, and every decimal number of at most 15 significant digits, is held exactly by
#: a float (an IEEE 754 double), so values compare, chart and export without rounding; no
#: wellbeing indicator comes near it. Shared with :func:`hytecli.values.parse_number`.
MAX_NUMBER = 10**15

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_YAML11_BOOL = "tag:hyte,2024:yaml11-bool"
_YAML11_NUMBER = "tag:hyte,2024:yaml11-number"
_ALLOWED_EXPLICIT_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _SEQ, _MAP, "!"}

#: A path to a value inside a document: mapping keys and sequence indexes, outermost first.
DataPath = tuple[str | int, ...]


class _StrictResolver(yaml.resolver.Resolver):
    """YAML 1.2 core scalars, plus markers for the YAML 1.1 forms that must be quoted."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}


_NULL_FORM = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_FORM = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT_FORM = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_FORM = re.compile(
    r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"
)
#: The only forms accepted for each core tag, also when the tag is written explicitly
#: (``!!bool "yes"`` must not become ``False``, nor ``!!int 1_000`` become 1000).
_CORE_FORMS = {_NULL: _NULL_FORM, _BOOL: _BOOL_FORM, _INT: _INT_FORM, _FLOAT: _FLOAT_FORM}

_StrictResolver.add_implicit_resolver(_NULL, _NULL_FORM, ["~", "n", "N", ""])
_StrictResolver.add_implicit_resolver(_BOOL, _BOOL_FORM, list("tTfF"))
_StrictResolver.add_implicit_resolver(
    _YAML11_BOOL,
    re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"),
    list("yYnNoO"),
)
_StrictResolver.add_implicit_resolver(_INT, _INT_FORM, list("-+0123456789"))
_StrictResolver.add_implicit_resolver(_FLOAT, _FLOAT_FORM, list("-+0123456789."))
_StrictResolver.add_implicit_resolver(
    _YAML11_NUMBER,
    re.compile(
        r"""^(?:[-+]?0[0-9_]+(?:\.[0-9_]*)?      # leading zero: octal in YAML 1.1
            |[-+]?0[xXoObB][0-9a-fA-F_]+           # hexadecimal, octal, binary
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?   # base 60
            |[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?            # underscores
            |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)


#: Control characters refused in keys and values: C0 other than tab and line feed, DEL, and C1.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_character(text: str) -> str | None:
    r"""Return the first control character plan files refuse in ``text``, written ``\xNN``.

    Refused are the C0 controls other than tab and line feed (so also carriage return, which a
    file's line endings never leave in a value), DEL and the C1 controls (U+0080–U+009F). ESC
    (``\x1b``) starts terminal escape sequences, which can clear the screen, retitle the window
    or hide text when a value is shown.

    Returns:
        ``None`` when ``text`` has none, else e.g. ``\x1b`` (four characters).
    """
    match = _CONTROL_CHARACTER.search(text)
    return None if match is None else f"\\x{ord(match.group()):02x}"


def number_problem(value: int | float, written: str) -> str | None:
    """Say why a number is too large to be a plan value, or return ``None``.

    Args:
        value: The number read.
        written: The number as written, for the message (shortened when long).

    Returns:
        The message (``the number ... is too large (...)``), or ``None`` when it is fine.
    """
    if abs(value) < MAX_NUMBER:  # False for inf and nan alike
        return None
    shown = written if len(written) <= 24 else f"{written[:12]}… ({len(written)} characters)"
    return (
        f"the number {shown} is too large (numbers in plan files must be smaller than "
        "1 000 000 000 000 000, 10^15, in size)"
    )


class _LoaderError(Exception):
    """Raised inside the composer for a problem that stops reading the file."""

    def __init__(self, code: str, message: str, mark: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.mark = mark


class _StrictComposer(yaml.composer.Composer):
    """PyYAML's composer with refusals: aliases, anchors, unknown tags, deep nesting."""

    _depth = 0
    peek_event: Any  # provided by the parser half of the loader (pure or libyaml)

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # noqa: D102
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _LoaderError(
                "Y005",
                f"alias '*{event.anchor}' is not allowed in plan files: write the value out in "
                "full (anchors and aliases are refused so that no file can expand without limit)",
                event.start_mark,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _LoaderError(
                "Y005",
                f"anchor '&{anchor}' is not allowed in plan files: remove it and write values out "
                "in full",
                event.start_mark,
            )
        tag = getattr(event, "tag", None)
        explicit = isinstance(event, ScalarEvent | CollectionStartEvent) and tag is not None
        if explicit and tag not in _ALLOWED_EXPLICIT_TAGS:
            raise _LoaderError(
                "Y006",
                f"tag '{tag}' is not allowed in plan files: remove it (only YAML's standard "
                "tags such as !!str are accepted)",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LoaderError(
                    "Y009",
                    f"nesting deeper than {MAX_DEPTH} levels: plan files are never this deep",
                    event.start_mark,
                )
            node: Node | None = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        assert node is not None  # the composer returns None only at the end of a stream
        return node


class _PureStrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _StrictComposer,
    _StrictResolver,
):
    """PyYAML's pure-Python reader, scanner and parser, the strict composer and resolver.

    No constructor: Python objects are built by :class:`_Builder` from the node tree, so no tag
    can create a Python object.
    """

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _StrictResolver.__init__(self)


_StrictLoader: Any = _PureStrictLoader
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - depends on the PyYAML build
    from yaml._yaml import CParser

    class _FastStrictLoader(_StrictComposer, CParser, _StrictResolver):
        """libyaml's scanner and parser (C, about 10× faster) under the same strict composer.

        The composer's methods come first in the MRO, so libyaml only produces events; node
        building, refusals and resolution are the same Python code as the pure loader's.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            _StrictResolver.__init__(self)

    _StrictLoader = _FastStrictLoader


@dataclass
class YamlDocument:
    """A YAML file read into plain Python data, with the position of every key and value.

    Attributes:
        path: The display path of the file (relative to the repository root where possible).
        data: The document as ``dict``/``list``/``str``/``int``/``float``/``bool``/``None``;
            ``None`` when the file could not be read.
        text: The decoded text (without a byte-order mark).
        value_marks: ``DataPath`` → (line, column), 1-based, of each value.
        key_marks: ``DataPath`` → (line, column), 1-based, of each mapping key.
        findings: Problems met while reading; empty when the file is good YAML.
    """

    path: str
    data: Any = None
    text: str = ""
    value_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file was read without errors."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def locate(self, data_path: DataPath, *, prefer_key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) best describing ``data_path``.

        The deepest known prefix of the path is used, so a missing field points at the mapping
        that should hold it. With ``prefer_key`` the key's position is returned when known (used
        for "unknown field" findings).
        """
        path = tuple(data_path)
        if prefer_key and path in self.key_marks:
            return self.key_marks[path]
        while True:
            if path in self.value_marks:
                return self.value_marks[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def finding(
        self,
        data_path: DataPath,
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        *,
        prefer_key: bool = False,
    ) -> Finding:
        """Build a :class:`Finding` located at ``data_path`` in this document."""
        line, column = self.locate(data_path, prefer_key=prefer_key)
        return Finding(self.path, line, column, severity, code, message)


def _pos(mark: yaml.Mark | None) -> tuple[int, int]:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


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


class _Builder:
    """Turns a composed node tree into plain data, recording marks and collecting findings."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc

    def error(self, node: Node, code: str, message: str) -> None:
        line, column = _pos(node.start_mark)
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
        self.doc.value_marks[path] = _pos(node.start_mark)
        if isinstance(node, ScalarNode):
            if self.control_characters(node, "this value"):
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
        if isinstance(node, SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (_STR, "!"):
                if not isinstance(key_node, ScalarNode):
                    self.error(
                        key_node, "Y004", "a list or mapping is used as a key: keys must be text"
                    )
                    continue
                hint = (
                    _yaml11_problem(key_node)
                    if key_node.tag in (_YAML11_BOOL, _YAML11_NUMBER)
                    else "keys must be text: put the key in quotes"
                )
                self.error(key_node, "Y004", f"key {key_node.value!r} is not text: {hint}")
                continue
            key = key_node.value
            if self.control_characters(key_node, "this key"):
                continue
            if key in first_seen:
                first_line = first_seen[key].start_mark.line + 1
                self.error(
                    key_node,
                    "Y003",
                    f"duplicate key '{key}': first on line {first_line}, again on line "
                    f"{key_node.start_mark.line + 1}; keep one of them",
                )
                continue
            first_seen[key] = key_node
            self.doc.key_marks[(*path, key)] = _pos(key_node.start_mark)
            result[key] = self.build(value_node, (*path, key))
        return result


def _decode(raw: bytes, doc: YamlDocument) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as elsewhere: the line's start before the bad byte is valid.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        doc.findings.append(
            Finding(
                doc.path,
                line,
                column,
                Severity.ERROR,
                "Y007",
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8: save the file as UTF-8",
            )
        )
        return None


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    """The character at a mark's line and column ('' when out of range)."""
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def _yaml_error_finding(doc: YamlDocument, exc: yaml.MarkedYAMLError) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = _pos(mark)
    problem = exc.problem or "invalid YAML"
    if "'\\t'" in problem or _char_at(doc.text, mark) == "\t":
        return Finding(
            doc.path,
            line,
            column,
            Severity.ERROR,
            "Y002",
            "tab character where YAML expects indentation: use spaces, not tabs, to indent",
        )
    if "maximum nesting depth" in problem:  # libyaml's own limit (1000), met scanning ahead
        return Finding(
            doc.path,
            line,
            column,
            Severity.ERROR,
            "Y009",
            f"nesting deeper than {MAX_DEPTH} levels: plan files are never this deep",
        )
    context = f" {exc.context}" if exc.context else ""
    opened = exc.context_mark
    if (
        opened is not None
        and exc.context
        and ("quoted scalar" in exc.context or "flow" in exc.context)
        and _pos(opened) != (line, column)
    ):
        # An unclosed quote or bracket: PyYAML notices it where the text ends, but the place to
        # fix is where it was opened.
        open_line, open_column = _pos(opened)
        return Finding(
            doc.path,
            open_line,
            open_column,
            Severity.ERROR,
            "Y001",
            f"invalid YAML: {problem}{context} that starts here (noticed at line {line}, column "
            f"{column}): close the quote or bracket, or put the whole text in quotes",
        )
    return Finding(
        doc.path,
        line,
        column,
        Severity.ERROR,
        "Y001",
        f"invalid YAML: {problem}{context}; check the indentation and quoting around this place",
    )


def _control_character_finding(
    doc: YamlDocument, text: str, exc: yaml.reader.ReaderError
) -> Finding:
    position = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character  # a code point
    if not isinstance(char, int):  # pragma: no cover - PyYAML always gives one
        shown = repr(char)
    else:
        shown = f"\\x{char:02x}" if char < 0x100 else f"U+{char:04X}"
    return Finding(
        doc.path,
        line,
        column,
        Severity.ERROR,
        "Y001",
        f"control character {shown} is not allowed in plan files: delete it "
        "(it is invisible in most editors; it often comes from copying text from another program)",
    )


class YamlProblem(ValueError):
    """Text that is not plan YAML, found while composing it: ``finding`` says where and why.

    Attributes:
        finding: The located finding (a ``Y`` code), as :func:`parse_yaml` reports it.
    """

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"line {finding.line}, column {finding.column}: {finding.message}")
        self.finding = finding


def compose_strict(text: str, path: str) -> Node | None:
    """Compose ``text`` into PyYAML's node tree with hyte's strict loader, marks included.

    The first step of :func:`parse_yaml`, for code that needs the nodes themselves
    (:mod:`hytecli.editing` splices new text in at their marks). Syntax errors, control
    characters in the text, anchors, aliases, tags and deep nesting are refused here; duplicate
    keys, YAML 1.1-only scalars, too large numbers and escaped control characters only when
    :func:`parse_yaml` builds the data from the nodes.

    Args:
        text: The file's contents, already decoded.
        path: The path to show in the finding.

    Returns:
        The root node, or ``None`` when the text holds no document (an empty file).

    Raises:
        YamlProblem: the text is not valid plan YAML.
    """
    doc = YamlDocument(path=path, text=text)
    try:
        # PyYAML's reader checks the whole text for control characters when it is created.
        loader = _StrictLoader(text)
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_control_character_finding(doc, text, exc)) from None
    try:
        root: Node | None = loader.get_single_node()
    except _LoaderError as exc:
        line, column = _pos(exc.mark)
        raise YamlProblem(
            Finding(path, line, column, Severity.ERROR, exc.code, exc.message)
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_yaml_error_finding(doc, exc)) from None
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_control_character_finding(doc, text, exc)) from None
    finally:
        loader.dispose()
    return root


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Read YAML ``text`` strictly into a :class:`YamlDocument` (see the module docstring).

    Args:
        text: The file's contents, already decoded.
        path: The path to show in findings.

    Returns:
        The document; check ``document.findings`` (never raises for bad input).
    """
    doc = YamlDocument(path=path, text=text)
    try:
        root = compose_strict(text, path)
    except YamlProblem as exc:
        doc.findings.append(exc.finding)
        return doc
    if root is None:
        doc.findings.append(
            Finding(
                path,
                1,
                1,
                Severity.ERROR,
                "Y008",
                "the file is empty: write its contents (see docs/format.md) or delete the file",
            )
        )
        return doc
    doc.data = _Builder(doc).build(root, ())
    return doc


def read_yaml_file(file: Path, display_path: str | None = None) -> YamlDocument:
    """Read a YAML file from disk strictly (UTF-8, with or without a byte-order mark).

    Args:
        file: The file to read.
        display_path: The path to show in findings; defaults to ``str(file)``.

    Returns:
        A :class:`YamlDocument`; unreadable files give a finding instead of an exception.
    """
    shown = display_path if display_path is not None else str(file)
    doc = YamlDocument(path=shown)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            doc.findings.append(
                Finding(
                    shown,
                    1,
                    1,
                    Severity.ERROR,
                    "Y010",
                    f"file is {size} bytes; plan files must be under {MAX_BYTES} bytes",
                )
            )
            return doc
        raw = file.read_bytes()
    except OSError as exc:
        doc.findings.append(
            Finding(shown, 0, 0, Severity.ERROR, "Y011", f"cannot read the file: {exc.strerror}")
        )
        return doc
    return read_yaml_bytes(raw, shown)


def read_yaml_bytes(raw: bytes, path: str) -> YamlDocument:
    """Read a YAML file's bytes strictly (UTF-8, with or without a byte-order mark).

    Args:
        raw: The file's contents (e.g. from ``git cat-file``).
        path: The path to show in findings.

    Returns:
        A :class:`YamlDocument`; invalid UTF-8 gives a located finding instead of an exception.
    """
    doc = YamlDocument(path=path)
    if len(raw) > MAX_BYTES:
        doc.findings.append(
            Finding(
                path,
                1,
                1,
                Severity.ERROR,
                "Y010",
                f"file is {len(raw)} bytes; plan files must be under {MAX_BYTES} bytes",
            )
        )
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    parsed = parse_yaml(text, path)
    return parsed


def iter_paths(data: Any, path: DataPath = ()) -> Iterator[DataPath]:
    """Yield the path of every value in ``data``, depth first (a helper for tests and rules)."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_paths(value, (*path, index))
