r"""File names for the collect workbooks, from a responsible party's name, safe on every system.

A party's name is free text (``LUVN: HR``, ``Kunta / sivistystoimi``), and the workbook is
emailed and saved on Windows, macOS and Linux, so its file name keeps only what all of them
accept and show the same way:

* letters are folded to ASCII (``ä`` → ``a``, ``ö`` → ``o``, ``å`` → ``a``, ``é`` → ``e``:
  Unicode decomposition without the accents); other characters than ASCII letters, digits,
  ``.``, ``_`` and ``-`` (spaces, ``:/\?*"<>|``, control characters, letters with no ASCII
  form) become ``-``, runs of ``-`` one, and ``-``, ``.`` and ``_`` are stripped from both ends
  (Windows drops a trailing dot or space; a leading dot hides a file);
* a Windows reserved device name (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``,
  ``LPT1``–``LPT9``, also with an extension) gets ``-party`` appended (the year that
  :func:`workbook_names` appends avoids them too);
* the stem is at most :data:`MAX_STEM` characters, and a name with nothing left is ``party``;
* names that fold to the same file name (also differing only in case, since Windows and macOS
  do not tell case apart) get ``-2``, ``-3``… in the order given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: The longest stem a workbook's file name gets (the whole name stays well under 255 bytes).
MAX_STEM = 60
#: What a name with nothing left after folding is called.
EMPTY_STEM = "party"
#: Windows's reserved device names (case-insensitive, with or without an extension).
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_DASHES = re.compile(r"-{2,}")
_STRIP = "-._"


def safe_stem(name: str, max_length: int = MAX_STEM) -> str:
    """Fold ``name`` into a file-name stem safe on every system (see the module's rules).

    Args:
        name: Any text, e.g. a responsible party's name.
        max_length: The longest stem returned (at least 1).

    Returns:
        A non-empty stem of ASCII letters, digits, ``.``, ``_`` and ``-``, neither starting nor
        ending with ``-``, ``.`` or ``_``, and not a Windows reserved name.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stem = _UNSAFE.sub("-", ascii_only)
    stem = _DASHES.sub("-", stem).strip(_STRIP)
    stem = stem[: max(1, max_length)].strip(_STRIP) or EMPTY_STEM
    if stem.split(".")[0].upper() in RESERVED:
        stem = f"{stem[: max(1, max_length - 6)]}-{EMPTY_STEM}"
    return stem


def workbook_names(names: Sequence[str], year: int, suffix: str = ".xlsx") -> list[str]:
    """A unique, safe file name per party name: ``<stem>-<year>.xlsx``.

    Args:
        names: The parties' names, in the order the workbooks are written.
        year: The year reported on.
        suffix: The file name's extension, with its dot.

    Returns:
        One file name per name, in the same order; no two equal when case is ignored.
    """
    taken: set[str] = set()
    files: list[str] = []
    for name in names:
        stem = safe_stem(name)
        candidate = f"{stem}-{year}{suffix}"
        number = 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}-{year}{suffix}"
        taken.add(candidate.casefold())
        files.append(candidate)
    return files
