"""The strict PyYAML loader behind :mod:`hytecli.yamlfile`: composing with refusals, and limits.

:class:`StrictComposer` composes PyYAML's node tree with refusals (anchors and aliases,
non-standard tags, deep nesting); :class:`StrictResolver` resolves only YAML 1.2 core scalars and
marks YAML 1.1-only forms; :data:`StrictLoader` is libyaml's parser under them when PyYAML has it,
else :class:`PureStrictLoader`; :func:`compose_fast` uses libyaml's own composer where that reads
the text the same. :class:`hytecli.yaml_data.DataBuilder` turns the node tree into plain data.
The limits (:data:`MAX_DEPTH`, :data:`MAX_BYTES`, :data:`MAX_NUMBER`) and the refusal of control
characters (:func:`control_character`) are shared with the editing and recording code.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import Node, ScalarNode

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


class StrictResolver(yaml.resolver.Resolver):
    """YAML 1.2 core scalars, plus markers for the YAML 1.1 forms that must be quoted.

    A plain scalar's tag depends only on its text, so short texts' tags are remembered
    (:data:`_RESOLVED`): plan files repeat the same keys, years and numbers thousands of times.
    """

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:  # noqa: D102
        if kind is ScalarNode and implicit[0]:
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(value) <= _RESOLVED_LENGTH and len(_RESOLVED) < _RESOLVED_COUNT:
                    _RESOLVED[value] = tag
            return tag
        resolved: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return resolved


#: Plain scalars' tags by text (:meth:`StrictResolver.resolve`), for texts of at most
#: :data:`_RESOLVED_LENGTH` characters and at most :data:`_RESOLVED_COUNT` of them.
_RESOLVED: dict[str, str] = {}
_RESOLVED_LENGTH = 40
_RESOLVED_COUNT = 100_000


_NULL_FORM = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL_FORM = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT_FORM = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT_FORM = re.compile(
    r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$"
)
#: The only forms accepted for each core tag, also when the tag is written explicitly
#: (``!!bool "yes"`` must not become ``False``, nor ``!!int 1_000`` become 1000).
_CORE_FORMS = {_NULL: _NULL_FORM, _BOOL: _BOOL_FORM, _INT: _INT_FORM, _FLOAT: _FLOAT_FORM}

StrictResolver.add_implicit_resolver(_NULL, _NULL_FORM, ["~", "n", "N", ""])
StrictResolver.add_implicit_resolver(_BOOL, _BOOL_FORM, list("tTfF"))
StrictResolver.add_implicit_resolver(
    _YAML11_BOOL,
    re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"),
    list("yYnNoO"),
)
StrictResolver.add_implicit_resolver(_INT, _INT_FORM, list("-+0123456789"))
StrictResolver.add_implicit_resolver(_FLOAT, _FLOAT_FORM, list("-+0123456789."))
StrictResolver.add_implicit_resolver(
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


class LoaderError(Exception):
    """Raised inside the composer for a problem that stops reading the file."""

    def __init__(self, code: str, message: str, mark: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.mark = mark


class StrictComposer(yaml.composer.Composer):
    """PyYAML's composer with refusals: aliases, anchors, unknown tags, deep nesting."""

    _depth = 0
    peek_event: Any  # provided by the parser half of the loader (pure or libyaml)

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # noqa: D102
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise LoaderError(
                "Y005",
                f"alias '*{event.anchor}' is not allowed in plan files: write the value out in "
                "full (anchors and aliases are refused so that no file can expand without limit)",
                event.start_mark,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise LoaderError(
                "Y005",
                f"anchor '&{anchor}' is not allowed in plan files: remove it and write values out "
                "in full",
                event.start_mark,
            )
        tag = getattr(event, "tag", None)
        explicit = isinstance(event, ScalarEvent | CollectionStartEvent) and tag is not None
        if explicit and tag not in _ALLOWED_EXPLICIT_TAGS:
            raise LoaderError(
                "Y006",
                f"tag '{tag}' is not allowed in plan files: remove it (only YAML's standard "
                "tags such as !!str are accepted)",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise LoaderError(
                    "Y009",
                    f"nesting deeper than {MAX_DEPTH} levels: plan files are never this deep",
                    event.start_mark,
                )
            node: Node | None = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        assert node is not None  # the composer returns None only at the end of a stream
        return node


class PureStrictLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    StrictComposer,
    StrictResolver,
):
    """PyYAML's pure-Python reader, scanner and parser, the strict composer and resolver.

    No constructor: Python objects are built by :class:`DataBuilder` from the node tree, so no tag
    can create a Python object.
    """

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        StrictResolver.__init__(self)


StrictLoader: Any = PureStrictLoader
#: libyaml's C composer with the strict resolver (:func:`compose_fast`), or ``None``.
FastComposer: Any = None
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - depends on the PyYAML build
    from yaml._yaml import CParser

    class FastStrictLoader(StrictComposer, CParser, StrictResolver):
        """libyaml's scanner and parser (C, about 10× faster) under the same strict composer.

        The composer's methods come first in the MRO, so libyaml only produces events; node
        building, refusals and resolution are the same Python code as the pure loader's.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            StrictResolver.__init__(self)

    class CComposer(CParser, StrictResolver):
        """libyaml's own composer (C): the node tree without a Python call per event.

        It knows none of :class:`StrictComposer`'s refusals, so :func:`compose_fast` uses it only
        for text that cannot hold an anchor, an alias or a tag, and
        :class:`~hytecli.yaml_data.DataBuilder` checks the depth (libyaml itself stops at 1000
        levels).
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            StrictResolver.__init__(self)

    StrictLoader = FastStrictLoader
    FastComposer = CComposer


#: Where an anchor (``&x``), an alias (``*x``) or a tag (``!x``) could start: at the start of a
#: line, after a space or a flow indicator, followed by a name. Text without any of them composes
#: the same with or without :class:`StrictComposer`'s refusals; plain text such as ``A & B``,
#: ``Hei!`` or ``5*3`` does not match.
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[!&*][^\s,\[\]{}]", re.M)


def compose_fast(text: str) -> tuple[bool, Node | None]:
    """Compose ``text`` with libyaml's C composer when that gives the strict loader's tree.

    Returns:
        ``(True, root)`` (``root`` ``None`` for a text without a document), or ``(False,
        None)`` when the strict loader must read the text: PyYAML has no libyaml, the text
        could hold an anchor, alias or tag, or it is not valid YAML (the strict loader then
        words the error exactly as without this shortcut).
    """
    if FastComposer is None or _NODE_PROPERTY.search(text):
        return False, None
    try:
        loader = FastComposer(text)
    except yaml.YAMLError:
        return False, None
    try:
        root: Node | None = loader.get_single_node()
    except yaml.YAMLError:
        return False, None
    finally:
        loader.dispose()
    return True, root


def position(mark: yaml.Mark | None) -> tuple[int, int]:
    """Return a PyYAML mark as a 1-based (line, column); (1, 1) without one."""
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)
