"""A YAML file read into plain data, with the line and column of every key and value.

:class:`YamlDocument` is what :mod:`hytecli.yamlfile` returns for a plan file; a
:data:`DataPath` names a value inside it (mapping keys and sequence indexes).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hytecli.findings import Finding, Severity

#: A path to a value inside a document: mapping keys and sequence indexes, outermost first.
DataPath = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A YAML file read into plain Python data, with the position of every key and value.

    The positions are worked out when first asked for (:attr:`value_marks`, :attr:`key_marks`,
    :meth:`locate`, :meth:`finding`), by reading ``text`` again: most files of a plan never need
    them (only a finding does), and a plan of the whole country has millions of them.

    Attributes:
        path: The display path of the file (relative to the repository root where possible).
        data: The document as ``dict``/``list``/``str``/``int``/``float``/``bool``/``None``;
            ``None`` when the file could not be read.
        text: The decoded text (without a byte-order mark).
        findings: Problems met while reading; empty when the file is good YAML.
    """

    path: str
    data: Any = None
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    _marks: tuple[dict[DataPath, tuple[int, int]], dict[DataPath, tuple[int, int]]] | None = field(
        default=None, repr=False, compare=False
    )

    def set_marks(
        self,
        value_marks: dict[DataPath, tuple[int, int]],
        key_marks: dict[DataPath, tuple[int, int]],
    ) -> None:
        """Set the positions of the values and keys (the reader does, when it has them)."""
        self._marks = (value_marks, key_marks)

    def _located(
        self,
    ) -> tuple[dict[DataPath, tuple[int, int]], dict[DataPath, tuple[int, int]]]:
        if self._marks is None:
            if not self.text:
                self._marks = ({}, {})
            else:
                from hytecli.yamlfile import read_marks  # reads; imports this module

                self._marks = read_marks(self.text, self.path)
        return self._marks

    @property
    def value_marks(self) -> dict[DataPath, tuple[int, int]]:
        """``DataPath`` → (line, column), 1-based, of each value."""
        return self._located()[0]

    @property
    def key_marks(self) -> dict[DataPath, tuple[int, int]]:
        """``DataPath`` → (line, column), 1-based, of each mapping key."""
        return self._located()[1]

    @property
    def ok(self) -> bool:
        """True when the file was read without errors."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def has(self, data_path: DataPath) -> bool:
        """Whether the data holds a value at ``data_path`` (as ``data_path in value_marks``)."""
        value = self.data
        for step in data_path:
            in_mapping = isinstance(value, dict) and isinstance(step, str) and step in value
            in_list = isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value)
            if not (in_mapping or in_list):
                return False
            value = value[step]
        return True

    def locate(self, data_path: DataPath, *, prefer_key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) best describing ``data_path``.

        The deepest known prefix of the path is used, so a missing field points at the mapping
        that should hold it. With ``prefer_key`` the key's position is returned when known (used
        for "unknown field" findings).
        """
        path = tuple(data_path)
        value_marks, key_marks = self._located()
        if prefer_key and path in key_marks:
            return key_marks[path]
        while True:
            if path in value_marks:
                return value_marks[path]
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


def iter_paths(data: Any, path: DataPath = ()) -> Iterator[DataPath]:
    """Yield the path of every value in ``data``, depth first (a helper for tests and rules)."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_paths(value, (*path, index))
