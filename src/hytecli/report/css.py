"""Text put into the report's CSS: the print stylesheet's running header and page numbers.

The HTML report's ``<style media="print">`` block gets translated words and the plan's own
texts (the organisation's name) in ``content:`` declarations of ``@page`` margin boxes. They are
written as CSS strings here, escaped so that no text can end the string, the declaration or the
``<style>`` element (a ``</style>`` in an organisation's name stays text).
"""

from __future__ import annotations

import re

from markupsafe import Markup

#: The placeholders a page label's message uses for the page number and the page count.
PAGE, PAGES = "{page}", "{pages}"
_COUNTERS = {PAGE: "counter(page)", PAGES: "counter(pages)"}


def css_string(value: object) -> Markup:
    r"""``value`` as one quoted CSS string: ``"Länsi-Uusimaa \"A\""``.

    Backslashes, quotes, line breaks and ``<``, ``>``, ``&`` are written as CSS escapes
    (``\3c``), so the result is safe inside an HTML ``<style>`` element.
    """
    text = "" if value is None else str(value)
    out = []
    for char in text:
        if char in '\\"<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return Markup('"' + "".join(out) + '"')


def css_page_content(message: object) -> Markup:
    """A translated page label as a CSS ``content`` value, with the page counters in it.

    ``"sivu {page} / {pages}"`` becomes ``"sivu " counter(page) " / " counter(pages)``: the
    message is translated with :data:`PAGE` and :data:`PAGES` in place of its ``%(page)s`` and
    ``%(pages)s`` placeholders.
    """
    parts = re.split(r"(\{page\}|\{pages\})", "" if message is None else str(message))
    values = [_COUNTERS[part] if part in _COUNTERS else css_string(part) for part in parts if part]
    return Markup(" ".join(values) if values else '""')
