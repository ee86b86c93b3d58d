r"""Indented JSON text for hyte's JSON outputs, as ``json.dumps`` writes it, made in Rust.

``json.dumps(data, indent=2)`` runs the standard library's encoder in Python (its C encoder
cannot indent): over a second for the export of a whole country's plans. :func:`indented_json`
gives the same text, byte for byte, from ``pydantic_core.to_json`` (the serializer pydantic
already brings), which writes every value as ``json.dumps`` does but:

* floats below 0.0001: pydantic_core writes ``0.00001`` or ``5.97e-5`` where the standard
  library writes ``1e-05`` and ``5.97e-05``. Such a number is rewritten with Python's own
  ``repr`` (both write the shortest digits that read back as the same float, so reading the
  number and writing it again gives exactly the standard library's text). A number can only
  be a whole line of the indented text, or follow a key on it, so a text value that merely
  looks like one is never touched.
* DEL (U+007F), which it leaves as it is also with ``ensure_ascii``: written as ``\u007f``.
* numbers that are not finite, which pydantic_core writes as ``Infinity`` and ``NaN``, and
  texts with lone surrogates, which it refuses: the standard library's encoder then makes the
  text, and raises as ``json.dumps`` does for the numbers.

(pydantic_core also writes a set as a list and a date as ISO text where ``json.dumps`` raises,
and a mapping key ``None`` as ``"None"`` where it writes ``"null"``; hyte's outputs hold no sets
or dates, and only text keys.)
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hytecli.beside import run_beside

#: Where a number may need rewriting (cheap to look for in the whole text).
_CANDIDATE = re.compile(rb"[0-9]e-[0-9]|0\.0000|Infinity|NaN")
#: Every text :data:`_CANDIDATE` finds something in has one of these or :data:`_EXPONENT`.
_MARKERS = (b"0.0000", b"Infinity", b"NaN")
_EXPONENT = re.compile(rb"e-[0-9]")
_DIGITS = frozenset(b"0123456789")


def _has_exponent(text: bytes) -> bool:
    """Whether ``text`` has a digit, ``e-`` and a digit (ids such as ``area-7`` are common)."""
    return any(
        match.start() and text[match.start() - 1] in _DIGITS for match in _EXPONENT.finditer(text)
    )


#: A line of the indented text that is a number, alone or after a key.
_NUMBER_LINE = re.compile(
    rb' *(?:"(?:[^"\\]|\\.)*": )?(-?(?:[0-9.]+(?:e[-+]?[0-9]+)?|Infinity|NaN)),?'
)


#: The size of the parts of :func:`indented_json_parts` (about a megabyte).
PART_SIZE = 1 << 20
#: A :class:`MappedList` longer than this is made half in a second process (a national plan's
#: status has 12,000 items; a county's, a few hundred, for which a process costs more than it
#: saves).
PARALLEL_ELEMENTS = 2000


@dataclass(frozen=True)
class MappedList:
    """A JSON list whose elements are made as it is written: ``convert(item)`` for each item.

    For a long list of judged items: :func:`indented_json_parts` makes the second half of the
    elements (converting and writing them) in a second process while this one makes the first
    (:func:`hytecli.beside.run_beside`), and the text is the same as for the list of converted
    items.

    Attributes:
        items: The items, in the list's order.
        convert: Makes an item's JSON-ready value; it must not print or write files.
    """

    items: Sequence[Any]
    convert: Callable[[Any], Any]

    def values(self) -> list[Any]:
        """The converted items, as a plain list."""
        return [self.convert(item) for item in self.items]


def indented_json(data: Any, *, ensure_ascii: bool = False) -> str:
    """Return ``json.dumps(data, ensure_ascii=..., indent=2, allow_nan=False)`` and a newline.

    Raises:
        ValueError: a number is not finite (``NaN``, ``Infinity``), as ``json.dumps`` would.
        TypeError: a value that JSON cannot hold, as ``json.dumps`` would.
    """
    return "".join(indented_json_parts(data, ensure_ascii=ensure_ascii))


def indented_json_parts(data: Any, *, ensure_ascii: bool = False) -> list[str]:
    """Return :func:`indented_json`'s text in parts of about :data:`PART_SIZE` characters.

    A command writes the parts one after the other: the whole text is never held twice (as
    bytes and as text, or as text and encoded for the stream), which for a national plan's
    status or export is 26 MB each. The parts are made before anything is written, so a value
    that cannot be written raises before the first part is out.

    Raises:
        ValueError: a number is not finite (``NaN``, ``Infinity``), as ``json.dumps`` would.
        TypeError: a value that JSON cannot hold, as ``json.dumps`` would.
    """
    out = _Parts()
    if not _write(out, data, b"", ensure_ascii):
        return [_standard(data, ensure_ascii=ensure_ascii)]  # or raises as json.dumps does
    out.write(b"\n")
    return out.finish()


class _Parts:
    """Bytes written in pieces, kept as UTF-8 text parts of about :data:`PART_SIZE`.

    Each piece written is whole JSON text (a value, a key or punctuation), so a part never ends
    inside a character.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.buffer = io.BytesIO()

    def write(self, piece: bytes) -> None:
        self.buffer.write(piece)
        if self.buffer.tell() >= PART_SIZE:
            self._flush()

    def _flush(self) -> None:
        with self.buffer.getbuffer() as written:
            self.parts.append(str(written, "utf-8"))
        self.buffer = io.BytesIO()

    def finish(self) -> list[str]:
        if self.buffer.tell() or not self.parts:
            self._flush()
        return self.parts


def _write(out: _Parts, value: Any, indent: bytes, ensure_ascii: bool, depth: int = 0) -> bool:
    """Write ``value``'s indented text, made in parts; ``False`` when the fast way cannot.

    The outer two levels of mappings and lists are written here, each value in them by
    :func:`_fast` on its own, indented further: indented JSON has no line break inside a
    value, so a nested value's text is its own text with each line break followed by the
    indentation. Making it in parts keeps the serializer's buffers small (a part, not the
    whole text of a country's plans, about 25 MB).
    """
    inner = indent + b"  "
    if depth < 2 and isinstance(value, dict) and value and all(type(k) is str for k in value):
        out.write(b"{")
        for i, (key, item) in enumerate(value.items()):
            text = _fast(key, ensure_ascii)
            if text is None:
                return False
            out.write(b"%s\n%s%s: " % (b"," if i else b"", inner, text))
            if not _write(out, item, inner, ensure_ascii, depth + 1):
                return False
        out.write(b"\n%s}" % indent)
        return True
    if isinstance(value, MappedList):
        if not value.items:
            out.write(b"[]")
            return True
        chunks = _mapped_chunks(value, inner, ensure_ascii)
        if chunks is None:
            return False
        out.write(b"[\n%s" % inner)
        for i, chunk in enumerate(chunks):
            if i:
                out.write(b",\n%s" % inner)
            out.write(chunk)
        out.write(b"\n%s]" % indent)
        return True
    if depth < 2 and isinstance(value, list | tuple) and value:
        out.write(b"[")
        for i, item in enumerate(value):
            out.write(b"%s\n%s" % (b"," if i else b"", inner))
            if not _write(out, item, inner, ensure_ascii, depth + 1):
                return False
        out.write(b"\n%s]" % indent)
        return True
    text = _fast(value, ensure_ascii)
    if text is None:
        return False
    out.write(text.replace(b"\n", b"\n" + indent) if indent else text)
    return True


def _mapped_chunks(value: MappedList, inner: bytes, ensure_ascii: bool) -> list[bytes] | None:
    """The elements of ``value`` written at ``inner``, in chunks of about :data:`PART_SIZE`.

    Returns:
        The chunks, each of whole elements separated by ``,`` and a line break; they are to be
        written with the same between them. ``None`` when an element cannot be written fast
        (:func:`_fast`).

    A long list's second half is made in a forked process (:func:`hytecli.beside.run_beside`:
    the same result, made here instead when there is no second core or the child fails).
    """
    separator = b",\n" + inner

    def chunks(start: int, stop: int) -> list[bytes] | None:
        made: list[bytes] = []
        pieces: list[bytes] = []
        size = 0
        for item in value.items[start:stop]:
            text = _fast(value.convert(item), ensure_ascii)
            if text is None:
                return None
            text = text.replace(b"\n", b"\n" + inner)
            pieces.append(text)
            size += len(text)
            if size >= PART_SIZE:
                made.append(separator.join(pieces))
                pieces, size = [], 0
        if pieces:
            made.append(separator.join(pieces))
        return made

    count = len(value.items)
    half = count // 2
    second, first = run_beside(
        lambda: chunks(half, count), lambda: chunks(0, half), fork=count > PARALLEL_ELEMENTS
    )
    if first is None or second is None:
        return None
    return [*first, *second]


def _fast(value: Any, ensure_ascii: bool) -> bytes | None:
    """``value``'s indented text from pydantic_core, as the standard library writes it, or None."""
    from pydantic_core import PydanticSerializationError, to_json

    try:
        text = to_json(value, indent=2, ensure_ascii=ensure_ascii, serialize_unknown=False)
    except (PydanticSerializationError, ValueError, TypeError):
        return None
    if ensure_ascii and b"\x7f" in text:
        text = text.replace(b"\x7f", b"\\u007f")  # only in a text; the standard library escapes it
    if not (_has_exponent(text) or any(marker in text for marker in _MARKERS)):
        return text  # nothing to rewrite (searching for literals is faster than the pattern)
    pieces: list[bytes] = []
    copied = 0  # text[:copied] is in pieces
    looked = 0  # lines before it are looked at
    for candidate in _CANDIDATE.finditer(text):
        start = text.rfind(b"\n", 0, candidate.start()) + 1
        if start < looked:
            continue  # another candidate on a line already looked at
        end = text.find(b"\n", candidate.end())
        looked = end = len(text) if end < 0 else end
        line = _NUMBER_LINE.fullmatch(text, start, end)
        if line is None:
            continue  # inside a text value
        number = line.group(1)
        if number.endswith((b"Infinity", b"NaN")):
            return None  # the standard library raises ValueError
        pieces += (text[copied : line.start(1)], repr(float(number)).encode())
        copied = line.end(1)
    if pieces:
        pieces.append(text[copied:])
        return b"".join(pieces)
    return text


def _mapped_values(value: object) -> list[Any]:
    """The standard library encoder's ``default``: a :class:`MappedList` as its list."""
    if isinstance(value, MappedList):
        return value.values()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _standard(data: Any, *, ensure_ascii: bool) -> str:
    """The standard library's text, written piece by piece into one buffer."""
    encoder = json.JSONEncoder(
        ensure_ascii=ensure_ascii, indent=2, allow_nan=False, default=_mapped_values
    )
    buffer = io.StringIO()
    write = buffer.write
    for piece in encoder.iterencode(data):
        write(piece)
    write("\n")
    return buffer.getvalue()
