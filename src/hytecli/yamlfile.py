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

The loader and the builder of located data are :mod:`hytecli.yaml_strict`'s, the result
:mod:`hytecli.yaml_document`'s; this module reads files and text with them and turns every
problem into a finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node

from hytecli.findings import Finding, Severity
from hytecli.yaml_data import DataBuilder, TooDeep
from hytecli.yaml_document import DataPath, YamlDocument
from hytecli.yaml_strict import (
    MAX_BYTES,
    MAX_DEPTH,
    LoaderError,
    StrictLoader,
    compose_fast,
    position,
)

#: The loader :func:`compose_strict` uses (tests swap in the pure-Python one).
_StrictLoader: Any = StrictLoader
#: libyaml's C composer for text it reads exactly as the strict loader would
#: (:func:`hytecli.yaml_strict.compose_fast`); tests set it to ``None`` to use the loader alone.
_compose_fast: Any = compose_fast


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
                _not_utf8(raw, exc.start),
            )
        )
        return None


def _not_utf8(raw: bytes, start: int) -> str:
    """Y007's message: the bad byte, and the encoding the file is probably in, if known."""
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (
            "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as "
            "UTF-8 (in Notepad: Save as, Encoding UTF-8)"
        )
    return f"byte 0x{raw[start]:02x} is not valid UTF-8: save the file as UTF-8"


def too_large(size: int) -> str:
    """Y010's message: the file's size and the limit in megabytes, and what to do."""
    return (
        f"the file is {size / 2**20:.1f} MB; a plan file must be under {MAX_BYTES / 2**20:.0f} "
        "MB: split it (an indicator per file, a priority area per file), or move old values "
        "to an archive outside plan/ and indicators/"
    )


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
    line, column = position(mark)
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
        and position(opened) != (line, column)
    ):
        # An unclosed quote or bracket: PyYAML notices it where the text ends, but the place to
        # fix is where it was opened.
        open_line, open_column = position(opened)
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
    except LoaderError as exc:
        line, column = position(exc.mark)
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


def _document(path: str, text: str, marks: bool) -> YamlDocument:
    doc = YamlDocument(path=path, text=text)
    if marks:
        doc.set_marks({}, {})  # none, unless the data is built (which records them)
    return doc


def parse_yaml(text: str, path: str, *, marks: bool = False) -> YamlDocument:
    """Read YAML ``text`` strictly into a :class:`YamlDocument` (see the module docstring).

    Args:
        text: The file's contents, already decoded.
        path: The path to show in findings.
        marks: Record every key's and value's position now; without it the document reads
            ``text`` again for them when first asked (:func:`read_marks`), which most never are.

    Returns:
        The document; check ``document.findings`` (never raises for bad input).
    """
    if _compose_fast is not None:
        composed, fast_root = _compose_fast(text)
        if composed and fast_root is not None:
            doc = _document(path, text, marks)
            try:
                doc.data = DataBuilder(doc, marks=marks).build(fast_root, ())
                return doc
            except TooDeep:
                pass  # the strict loader below refuses it, at the place it would
    doc = _document(path, text, marks)
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
    doc.data = DataBuilder(doc, marks=marks).build(root, ())
    return doc


def read_marks(
    text: str, path: str
) -> tuple[dict[DataPath, tuple[int, int]], dict[DataPath, tuple[int, int]]]:
    """Return the (line, column) of every value and key of ``text``, as :func:`parse_yaml` reads it.

    What :class:`YamlDocument` calls when its positions are first asked for.
    """
    located = parse_yaml(text, path, marks=True)
    return located.value_marks, located.key_marks


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
                    too_large(size),
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
                too_large(len(raw)),
            )
        )
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    parsed = parse_yaml(text, path)
    return parsed
