"""Findings: what `hyte validate` (and the loader) report about a plan repository.

A finding is a plain, sortable value: the file (relative to the repository root), the 1-based
line and column it points at, a severity, a stable rule code and a message that says what to do.
Reporters turn lists of findings into text, JSON or GitHub workflow annotations
(:mod:`hytecli.reporters`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is. Errors always fail `hyte validate`; warnings fail with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in a plan repository.

    Attributes:
        path: File path relative to the repository root, with forward slashes.
        line: 1-based line number (0 when the finding concerns a whole missing file).
        column: 1-based column number (0 when unknown).
        severity: :class:`Severity`.
        code: Stable rule code such as ``Y003`` (see docs/validate.md for the list).
        message: A sentence that says what is wrong and what to do.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Return the key findings are sorted by: file, line, column, code, message."""
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready mapping (the shape of ``--format json``)."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def __str__(self) -> str:
        """Render as ``path:line:col: severity CODE message``.

        A finding about the whole file (line 0: a link out of the repository, a file too large)
        is ``path: severity CODE message``; a line without a column is ``path:line: ...``.
        """
        where = self.path
        if self.line > 0:
            where += f":{self.line}"
            if self.column > 0:
                where += f":{self.column}"
        return f"{where}: {self.severity} {self.code} {self.message}"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Return the findings sorted by file, position and code, without exact duplicates."""
    return sorted(set(findings), key=Finding.sort_key)


def has_failures(findings: list[Finding], *, strict: bool = False) -> bool:
    """Tell whether the findings should fail a run: any error, or any warning when ``strict``."""
    return any(f.severity is Severity.ERROR or strict for f in findings)
