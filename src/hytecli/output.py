r"""Faithful output to a stream whose encoding cannot show every character.

A terminal or pipe in ASCII or Latin-1 cannot show ``–``, ``→`` or a Sámi letter. Replacing them
with ``?`` loses what was written (two different titles then look the same). Instead:

* output to a file or pipe (read by programs, kept in logs) gets an escape (``\u2013``), which
  says exactly what was there;
* output to a terminal gets the closest character the terminal has (``ä`` as ``a``, ``–`` as
  ``-``), one for one, so that tables keep their width;

and either way hyte says once, at the end, what it did (:func:`escape_note`), so that a reader
knows the plan does not say ``\u2013`` or ``menness a``.

:func:`faithful_text` does it for a text about to be written; the command line also sets the
same error handler (:func:`error_handler`) on standard output and standard error, so that every
other write is treated the same way.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import IO

#: Codec error handlers (``stream.reconfigure(errors=...)``) that remember they were used.
ESCAPE_HANDLER = "hytecli.escape"
APPROXIMATE_HANDLER = "hytecli.approximate"
#: Approximations of common characters that have no decomposition.
_CLOSEST = {"–": "-", "—": "-", "‑": "-", "→": ">", "←": "<", "’": "'", "‘": "'", "“": '"'}
_CLOSEST.update({"”": '"', "…": ".", "•": "*", "·": ".", "€": "E", "\u00a0": " ", "\u202f": " "})

#: The first encoding characters had to be escaped for, and whether the note was given.
_state: dict[str, str | bool | None] = {"encoding": None, "how": None, "noted": False}


def faithful_text(text: str, stream: IO[str]) -> str:
    r"""Return ``text`` so that ``stream`` can write it without losing or replacing a character.

    Characters the stream's encoding cannot hold become Python escapes (``\xe4``, ``\u2013``,
    ``\U0001f600``), or on a terminal their closest character (:func:`error_handler`), and
    :func:`escape_note` then returns the note that says so.

    Args:
        text: What to write.
        stream: Where it will be written (its ``encoding`` is used; UTF-8 when it has none).

    Returns:
        ``text`` itself when the encoding can hold all of it, else the escaped text.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except LookupError:  # an encoding Python does not know: keep to ASCII
        encoding = "ascii"
    except UnicodeEncodeError:
        pass
    return text.encode(encoding, errors=error_handler(stream)).decode(encoding)


def error_handler(stream: IO[str]) -> str:
    """Return the name of the codec error handler for ``stream``: approximate on a terminal."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError, OSError):
        terminal = False
    return APPROXIMATE_HANDLER if terminal else ESCAPE_HANDLER


def escape_note() -> str | None:
    """Return the one-time note that characters were escaped, or ``None`` if none were.

    The note is returned once per process (later calls return ``None``).
    """
    encoding, how = _state["encoding"], _state["how"]
    if encoding is None or _state["noted"]:
        return None
    _state["noted"] = True
    shown = (  # the note itself is ASCII, so that every encoding can show it
        "as escapes such as \\xe4 or \\u2013 (the character's code)"
        if how == ESCAPE_HANDLER
        else "approximately (a letter without its accent, - for a dash)"
    )
    return (
        f"hyte: note: the output's encoding ({encoding}) cannot show some characters, so they "
        f"are shown {shown}; set PYTHONIOENCODING=utf-8 or use a UTF-8 terminal to see them as "
        "they are"
    )


def _remember(error: UnicodeError, how: str) -> UnicodeEncodeError:
    if not isinstance(error, UnicodeEncodeError):  # pragma: no cover - used only to encode
        raise error
    if _state["encoding"] is None:
        _state["encoding"], _state["how"] = error.encoding, how
    return error


def _escape(error: UnicodeError) -> tuple[str, int]:
    escaped, end = codecs.backslashreplace_errors(_remember(error, ESCAPE_HANDLER))
    return str(escaped), end


def _closest(char: str, encoding: str) -> str:
    for candidate in (_CLOSEST.get(char, ""), unicodedata.normalize("NFKD", char)[:1]):
        try:
            if len(candidate) == 1:
                candidate.encode(encoding)
                return candidate
        except UnicodeEncodeError:
            continue
    return "?"


def _approximate(error: UnicodeError) -> tuple[str, int]:
    error = _remember(error, APPROXIMATE_HANDLER)
    assert isinstance(error, UnicodeEncodeError)
    part = error.object[error.start : error.end]
    return "".join(_closest(char, error.encoding) for char in part), error.end


codecs.register_error(ESCAPE_HANDLER, _escape)
codecs.register_error(APPROXIMATE_HANDLER, _approximate)
