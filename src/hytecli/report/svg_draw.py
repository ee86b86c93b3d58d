"""Drawing pieces of the report's SVG charts: coordinates, text, ticks, the legend.

:mod:`hytecli.report.charts` draws the charts from these: every number written the same way
(two decimals at most), text in DejaVu Sans placed with
:func:`hytecli.report.text_width.text_width`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from hytecli.report.text_width import text_width

FONTS = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"
FONT_SIZE = 10.0  # tick labels and axis labels, pt
SMALL_SIZE = 9.0  # legend and counts, pt
TICK = 3.5  # tick length, pt
PAD = 3.5  # between a tick and its label, pt
GRID = "#dddddd"


def coord(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros (the same text for the same value)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def text_element(
    x: float, y: float, text: str, size: float, anchor: str = "middle", extra: str = ""
) -> str:
    """A ``<text>`` at ``(x, y)`` (its baseline), escaped; ``anchor``: start, middle or end."""
    position = f'x="{coord(x)}" y="{coord(y)}" font-size="{coord(size)}"'
    return f'<text {position} text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def nice_ticks(low: float, high: float, integer: bool = False) -> list[float]:
    """Round-number ticks from at most ``low`` to at least ``high``: at most eight of them.

    The step is 1, 2, 2.5 or 5 times a power of ten (1, 2 or 5 times, never below 1, for
    ``integer``): the smallest such step that needs at most seven intervals. A range narrower
    than 1e-9 is drawn as one unit wide.
    """
    if high - low < 1e-9:  # no range, or one too small for a float's powers of ten (5e-324)
        high = low + 1
    exponent = math.floor(math.log10(high - low)) - 1
    steps = (1, 2, 5) if integer else (1, 2, 2.5, 5)
    while True:
        for factor in steps:
            step = factor * 10.0**exponent
            if integer and step < 1:
                continue
            first = math.floor(low / step + 1e-9)
            last = math.ceil(high / step - 1e-9)
            if last - first <= 7:
                # rounded to the step's decimals (2.5 has one more): 0.3, not 0.30000000000000004
                return [round(i * step, 1 - exponent) for i in range(first, last + 1)]
        exponent += 1


def svg_start(chart_id: str, title: str, description: str, width: float, height: float) -> str:
    """The ``<svg>`` root (``role="img"``, sized in pt), its title and description, a ``<g>``."""
    return (
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg" width="{coord(width)}pt" height="{coord(height)}pt" '
        f'viewBox="0 0 {coord(width)} {coord(height)}" version="1.1">\n'
        f' <title id="{chart_id}-title">{escape(title)}</title>\n'
        f' <desc id="{chart_id}-desc">{escape(description)}</desc>\n'
        f' <g font-family="{FONTS}" fill="#000000">\n'
    )


@dataclass(frozen=True)
class LegendEntry:
    """One series in the legend: its label and a function drawing its key at a point."""

    label: str
    handle: Callable[[float, float], str]  # draws the 20 pt wide key centred at (x, y)


def legend(
    entries: Sequence[LegendEntry], width: float, top: float
) -> tuple[list[str], float, float]:
    """Lay out the legend below a plot in up to three columns, centred.

    Returns:
        Its elements, its height and its right edge (beyond ``width`` when one label is
        longer than the chart is wide: the chart is then made wider, never cut).
    """
    if not entries:
        return [], 0.0, 0.0
    widths = [26 + text_width(e.label, SMALL_SIZE) for e in entries]
    columns = min(3, len(entries))
    while True:
        cells = [max(widths[c::columns]) for c in range(columns)]
        if columns == 1 or sum(cells) + 12 * (columns - 1) <= width - 8:
            break
        columns -= 1
    total = sum(cells) + 12 * (columns - 1)
    left = max(4.0, (width - total) / 2)
    parts = []
    for index, entry in enumerate(entries):
        row, column = divmod(index, columns)
        x = left + sum(cells[:column]) + 12 * column
        y = top + 7 + row * 14
        parts.append(entry.handle(x + 10, y))
        parts.append(text_element(x + 26, y + 3.2, entry.label, SMALL_SIZE, "start"))
    rows = -(-len(entries) // columns)
    return parts, rows * 14, left + total


def finish_svg(head: str, defs: Sequence[str], parts: Sequence[str]) -> Markup:
    """The whole ``<svg>``: :func:`svg_start`'s ``head``, the ``<defs>`` (if any), the parts."""
    inner = ""
    if defs:
        inner += "  <defs>\n" + "".join(f"   {d}\n" for d in defs) + "  </defs>\n"
    inner += "".join(f"  {p}\n" for p in parts)
    return Markup(head + inner + " </g>\n</svg>\n")
