"""Rendering findings for people and machines: ``hyte validate --format text|json|github``.

Each reporter takes the findings (any order; they are sorted here) and returns the whole output
as one string ending in a newline; printing is left to the CLI. The shapes are stable and
documented in ``docs/validate.md``:

* ``text``: one ``path:line:col: severity CODE message`` line per finding, then a summary line
  (``2 errors, 3 warnings in 2 files``); only ``no problems found`` when there are none.
* ``json``: ``{"version": 1, "findings": [...], "summary": {"errors": n, "warnings": n}}``, each
  finding as :meth:`~hytecli.findings.Finding.as_dict`.
* ``github``: GitHub Actions workflow commands (``::error file=...,line=...,col=...,title=CODE::
  message``) that show as annotations on the changed lines, then the text summary line.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable

from hytecli.findings import Finding, Severity, sort_findings

#: The version of the JSON shape; raised only when the shape changes incompatibly.
JSON_VERSION = 1
FORMATS = ("text", "json", "github")


def render_findings(findings: Iterable[Finding], fmt: str, *, strict: bool = False) -> str:
    """Render ``findings`` in the format named ``fmt``.

    Args:
        findings: The findings to show (sorted and de-duplicated here).
        fmt: ``text``, ``json`` or ``github``.
        strict: Whether warnings fail the run (``--strict``): GitHub annotations then show
            warnings as errors, and the text summary says that warnings fail.

    Returns:
        The output, ending in a newline.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.

    """
    renderers: dict[str, Callable[[list[Finding], bool], str]] = {
        "text": _text,
        "json": _json,
        "github": _github,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderers[fmt](sort_findings(list(findings)), strict)


def _counts(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return errors, len(findings) - errors


def plural_noun(n: int, word: str, words: str | None = None) -> str:
    """The English noun that goes with the count ``n``: ``word`` for 1, else ``words``.

    Args:
        n: The count.
        word: The noun for one (``error``).
        words: The noun for other counts; ``word`` + ``s`` by default.
    """
    if n == 1:
        return word
    return words if words is not None else f"{word}s"


def plural(n: int, word: str, words: str | None = None) -> str:
    """A count with its English noun: ``1 error``, ``2 errors``, ``0 errors``.

    Args:
        n: The count.
        word: The noun for one.
        words: The noun for other counts; ``word`` + ``s`` by default.
    """
    return f"{n} {plural_noun(n, word, words)}"


def summary_line(findings: list[Finding], *, strict: bool = False) -> str:
    """Return the one-line summary: ``1 error, 2 warnings in 2 files`` or ``no problems found``."""
    if not findings:
        return "no problems found"
    errors, warnings = _counts(findings)
    files = len({f.path for f in findings})
    line = f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
    if strict and warnings:
        line += " (--strict: warnings fail)"
    return line


#: The text format shows at most this many findings of one code in one file, then one line that
#: says how many more there are (the JSON and GitHub formats list every finding).
MAX_SHOWN_PER_CODE = 20


def _text(findings: list[Finding], strict: bool) -> str:
    lines = []
    shown: Counter[tuple[str, str]] = Counter()
    hidden: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        key = (finding.path, finding.code)
        if shown[key] < MAX_SHOWN_PER_CODE:
            shown[key] += 1
            lines.append(str(finding))
        else:
            hidden[key] += 1
    for (path, code), more in sorted(hidden.items()):
        lines.append(
            f"{path}: ... and {plural(more, 'more ' + code + ' finding')} like the ones above "
            "(hyte validate --format json lists every one)"
        )
    lines.append(summary_line(findings, strict=strict))
    return "\n".join(lines) + "\n"


def _json(findings: list[Finding], strict: bool) -> str:
    errors, warnings = _counts(findings)
    document = {
        "version": JSON_VERSION,
        "findings": [f.as_dict() for f in findings],
        "summary": {"errors": errors, "warnings": warnings},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _escape_data(text: str) -> str:
    """Escape a workflow command's message as GitHub's runner expects (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow command's property value: the message escapes plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(findings: list[Finding], strict: bool) -> str:
    lines = []
    for f in findings:
        command = "error" if f.severity is Severity.ERROR or strict else "warning"
        properties = [f"file={_escape_property(f.path)}"]
        if f.line > 0:  # 0: the finding is about the whole file
            properties.append(f"line={f.line}")
            if f.column > 0:
                properties.append(f"col={f.column}")
        properties.append(f"title={_escape_property(f.code)}")
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(f.message)}")
    lines.append(summary_line(findings, strict=strict))
    return "\n".join(lines) + "\n"
