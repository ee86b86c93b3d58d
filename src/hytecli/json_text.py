"""Indented JSON text for hyte's JSON outputs, written without holding every piece at once.

``json.dumps(data, indent=2)`` collects millions of small strings in a list before joining
them: for the export of a whole country's plans that list takes more memory than the plan
itself. :func:`indented_json` gives the same text, byte for byte, writing the pieces into one
buffer as the standard library's encoder makes them.
"""

from __future__ import annotations

import io
import json
from typing import Any


def indented_json(data: Any, *, ensure_ascii: bool = False) -> str:
    """Return ``json.dumps(data, ensure_ascii=..., indent=2, allow_nan=False)`` and a newline.

    Raises:
        ValueError: a number is not finite (``NaN``, ``Infinity``), as ``json.dumps`` would.
        TypeError: a value that JSON cannot hold, as ``json.dumps`` would.
    """
    encoder = json.JSONEncoder(ensure_ascii=ensure_ascii, indent=2, allow_nan=False)
    buffer = io.StringIO()
    write = buffer.write
    for piece in encoder.iterencode(data):
        write(piece)
    write("\n")
    return buffer.getvalue()
