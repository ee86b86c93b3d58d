"""Characters that hide themselves: invisible and bidirectional controls in plan texts.

A title with a right-to-left override (U+202E) or a zero-width space shows differently from what
it is: a reviewer reading the pull request sees one text, the report prints another, and two ids
or titles that look the same are not ("Trojan Source", CVE-2021-42574). Such characters are
allowed in YAML and are sometimes legitimate (a Persian or Arabic name), so ``hyte validate``
reports them as warnings (``Y015``) at their line and column, naming each one, instead of
refusing them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from hytecli.findings import Finding, Severity
from hytecli.yaml_document import DataPath, YamlDocument

HIDDEN = "Y015"

#: Invisible characters and bidirectional controls: the soft hyphen, the Arabic letter mark,
#: the Mongolian vowel separator, zero-width space/non-joiner/joiner, left-to-right and
#: right-to-left marks, the embeddings and overrides (U+202A–U+202E), the word joiner and
#: invisible operators (U+2060–U+2064), the isolates (U+2066–U+2069), and U+FEFF anywhere but
#: at the very start of a file (where it is a byte-order mark, accepted and removed).
HIDDEN_CHARACTERS = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


#: The hidden characters :func:`reveal` shows: all but the soft hyphen, which only says where a
#: long word may be broken at a line's end.
_REVEALED = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def reveal(text: str) -> str:
    """Return ``text`` with each hidden character shown as ``[U+202E]``, so that it cannot hide.

    Every output of plan texts (status, the report) shows them this way: a right-to-left
    override in a title would otherwise reverse the rest of the line in a council document
    (``hyte validate`` warns about each, Y015). Text without them is returned as it is.
    """
    if not _REVEALED.search(text):
        return text
    return _REVEALED.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def json_safe(document: str) -> str:
    r"""Return a JSON ``document`` with each hidden character written as an escape (``\u202e``).

    The data stay the same (a JSON reader gets the same strings back), but the file shows no
    reordered or invisible text when opened in an editor or printed to a terminal.
    """
    if not HIDDEN_CHARACTERS.search(document):
        return document
    return HIDDEN_CHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def describe(char: str) -> str:
    """Name a hidden character for a message: ``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def _message(char: str, how: str) -> str:
    return (
        f"invisible character {describe(char)}{how}: it makes the text show differently from "
        "what it is (hidden or reordered letters); delete it, unless the text really needs it"
    )


def _strings(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str, bool]]:
    """Yield ``(path, text, is_key)`` for every key and text value in ``data``."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key), key, True
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def hidden_character_findings(document: YamlDocument) -> list[Finding]:
    r"""Find invisible and bidirectional control characters in a document (``Y015`` warnings).

    Each character written as such in the file is reported at its own line and column (in
    values, keys and comments alike); one written as an escape in double quotes (``"\u202e"``)
    is reported at the value that holds it.

    Args:
        document: A file as read by :mod:`hytecli.yamlfile` (its ``text`` and ``data``).

    Returns:
        The warnings, in the order of the text.
    """
    text = document.text
    if text and "\\" not in text and HIDDEN_CHARACTERS.search(text) is None:
        return []  # none written as such, and no escape that could write one
    findings = []
    lines_with_hidden: set[int] = set()
    for number, text_line in enumerate(document.text.split("\n"), start=1):
        for match in HIDDEN_CHARACTERS.finditer(text_line):
            lines_with_hidden.add(number)
            findings.append(
                Finding(
                    document.path,
                    number,
                    match.start() + 1,
                    Severity.WARNING,
                    HIDDEN,
                    _message(match.group(), ""),
                )
            )
    for path, text, is_key in _strings(document.data):
        found = HIDDEN_CHARACTERS.search(text)
        if found is None:
            continue
        line, _column = document.locate(path, prefer_key=is_key)
        if line in lines_with_hidden:
            continue  # written as such, already reported where it is
        findings.append(
            document.finding(
                path,
                HIDDEN,
                _message(found.group(), ", written as an escape in double quotes"),
                Severity.WARNING,
                prefer_key=is_key,
            )
        )
    return findings
