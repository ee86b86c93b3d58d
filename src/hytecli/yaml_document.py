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


def iter_paths(data: Any, path: DataPath = ()) -> Iterator[DataPath]:
    """Yield the path of every value in ``data``, depth first (a helper for tests and rules)."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from iter_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from iter_paths(value, (*path, index))
