"""How wide a line of text is in DejaVu Sans, for laying out the report's SVG charts.

The charts (:mod:`hytecli.report.charts`) place their labels without a font library: the advance
widths of DejaVu Sans (the charts' first font; Verdana and Bitstream Vera Sans, their fallbacks,
have nearly the same metrics) are listed here in thousandths of an em, read once from
``DejaVuSans.ttf`` (version 2.37) with fontTools. A character not listed counts as a wide one, so
that a label is never given less room than it needs.
"""

from __future__ import annotations

# Printable ASCII, U+0020 to U+007E.
_ASCII = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip
# Latin-1 Supplement, U+00A0 to U+00FF (Finnish and Swedish letters among them).
_LATIN1 = (
    318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500,
    500, 838, 401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531,
    684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295,
    775, 748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630,
    613, 613, 613, 613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278,
    612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
)  # fmt: skip
# Spaces, dashes, quotes and the symbols of states and progress statuses (hytecli.labels).
_OTHER = {
    "\u2007": 636, "\u2009": 200, "\u202f": 200, "–": 500, "—": 1000, "‘": 318, "’": 318,
    "“": 518, "”": 518, "…": 1000, "€": 636, "−": 838, "✓": 838, "✗": 838, "○": 873,
    "⊘": 838, "⇢": 838, "↗": 838, "→": 838, "↘": 838, "≥": 838, "≤": 838,
}  # fmt: skip
_UNKNOWN = 1000


def char_width(char: str) -> int:
    """The advance width of one character, in thousandths of an em."""
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return _ASCII[code - 0x20]
    if 0xA0 <= code <= 0xFF:
        return _LATIN1[code - 0xA0]
    return _OTHER.get(char, _UNKNOWN)


def text_width(text: str, size: float) -> float:
    """The width of ``text`` on one line at font size ``size``, in the size's unit."""
    return sum(char_width(c) for c in text) * size / 1000
