"""Charts for the HTML report: inline SVG written directly, deterministic and accessible.

A chart is a few dozen SVG elements (axes, ticks, bars or lines with their points, a legend),
so it is written here as text, without a plotting library: a national report has thousands of
charts, and drawing each with a general plotting library cost about 60 ms of CPU (minutes for a
whole country); writing one here costs well under a millisecond. Labels are placed with DejaVu
Sans' advance widths (:mod:`hytecli.report.text_width`). The result:

* is the same bytes for the same data (coordinates rounded to two decimals, no dates or ids
  from a counter);
* has ids only for its ``<title>``, ``<desc>`` and hatch patterns, each prefixed with the
  chart's id, so that many charts share one HTML page;
* keeps text as text, in DejaVu Sans falling back to the metrically similar Verdana and then
  any sans-serif font, at the sizes of before (10 pt, the legend and counts 9 pt);
* has ``role="img"`` and ``aria-labelledby`` pointing at its ``<title>`` and ``<desc>`` (the
  text alternative); the report places the chart's data as a table next to it.

Charts never rely on colour alone: bars carry hatch patterns and their counts, lines carry
different markers and line styles, and every series is named in the legend. Value axes start at
zero (unless a value is negative) and their ticks are round numbers.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from hytecli.report.svg_draw import FONT_SIZE as _SIZE
from hytecli.report.svg_draw import GRID as _GRID
from hytecli.report.svg_draw import PAD as _PAD
from hytecli.report.svg_draw import SMALL_SIZE as _SMALL
from hytecli.report.svg_draw import TICK as _TICK
from hytecli.report.svg_draw import LegendEntry as _Entry
from hytecli.report.svg_draw import coord as _n
from hytecli.report.svg_draw import finish_svg as _finish
from hytecli.report.svg_draw import legend as _legend
from hytecli.report.svg_draw import nice_ticks
from hytecli.report.svg_draw import svg_start as _svg
from hytecli.report.svg_draw import text_element as _text
from hytecli.report.text_width import text_width

#: Okabe & Ito's palette, distinguishable with the common kinds of colour blindness.
PALETTE = {
    "green": "#009E73",
    "vermillion": "#D55E00",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "blue": "#0072B2",
    "purple": "#CC79A7",
    "grey": "#BBBBBB",
    "black": "#000000",
}


@dataclass(frozen=True)
class Chart:
    """A chart ready for the HTML report.

    Attributes:
        id: The chart's element id (also the prefix of every id inside its SVG).
        title: Its short title (the SVG ``<title>``).
        description: Its text alternative (the SVG ``<desc>``): what it shows, in words.
        svg: The inline ``<svg>`` element.
    """

    id: str
    title: str
    description: str
    svg: Markup


@dataclass(frozen=True)
class BarSeries:
    r"""One segment kind of a stacked bar chart (e.g. "done"), with its look.

    ``hatch`` is a pattern's character: ``/``, ``\``, ``x``, ``-``, ``+``, ``.``, ``o``
    (doubled for a denser pattern), or ``""`` for none.
    """

    label: str
    counts: Sequence[int]
    color: str
    hatch: str


@dataclass(frozen=True)
class LineSeries:
    """One line of a trend chart: a value per period (``None`` where there is none).

    ``marker`` is ``o`` (circle), ``s`` (square) or ``D`` (diamond); ``linestyle`` is ``-``
    (solid), ``--`` (dashed) or ``none`` (the points only).
    """

    label: str
    values: Sequence[float | None]
    color: str
    marker: str
    linestyle: str = "-"


def _marker(kind: str, x: float, y: float, color: str) -> str:
    if kind == "s":
        return (
            f'<rect x="{_n(x - 3)}" y="{_n(y - 3)}" width="6" height="6" fill="{color}" '
            f'stroke="{color}"/>'
        )
    if kind == "D":
        points = f"{_n(x)},{_n(y - 4)} {_n(x + 4)},{_n(y)} {_n(x)},{_n(y + 4)} {_n(x - 4)},{_n(y)}"
        return f'<polygon points="{points}" fill="{color}" stroke="{color}"/>'
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5" fill="{color}" stroke="{color}"/>'


def _dashes(linestyle: str) -> str:
    return ' stroke-dasharray="7.4,3.2"' if linestyle == "--" else ""


def trend_chart(
    chart_id: str,
    title: str,
    description: str,
    periods: Sequence[str],
    lines: Sequence[LineSeries],
    target: tuple[float, str] | None,
    value_label: str,
    number: Callable[[float], str],
) -> Chart:
    """Draw an indicator's values over its periods, with its target as a dashed line.

    The value axis starts at zero unless a value is negative. When the periods' labels do not
    fit side by side, every second (third...) one is written, always the latest.

    Args:
        chart_id: The element id (unique in the report).
        title: The chart's title.
        description: Its text alternative.
        periods: The x-axis periods, oldest first (``2024``, ``2024-H1``...).
        lines: The series (the indicator's own values; a reference series).
        target: ``(value, label)`` of a numeric target, drawn as a horizontal line.
        value_label: The label of the value axis (the unit).
        number: Formats an axis number in the report's locale.

    Returns:
        The chart, about 440 × 230 pt.
    """
    width = 440.0
    drawn = [y for line in lines for y in line.values if y is not None]
    drawn += [target[0]] if target is not None else []
    low, high = min(drawn, default=0.0), max(drawn, default=1.0)
    margin = 0.04 * ((high - min(low, 0.0)) or 1.0)
    low = 0.0 if low >= 0 else low - margin
    ticks = nice_ticks(low, high + margin)
    tick_labels = [number(t) for t in ticks]
    left = 4 + _SIZE + 6 + max(text_width(t, _SIZE) for t in tick_labels) + _TICK + _PAD
    right, top, plot_height = width - 8, 8.0, 150.0
    bottom = top + plot_height
    slot = (right - left) / max(1, len(periods))

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    def y_of(value: float) -> float:
        return bottom - (value - ticks[0]) / (ticks[-1] - ticks[0]) * plot_height

    parts = []
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = y_of(tick)
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" '
            f'stroke="{_GRID}" stroke-width="0.6"/>'
        )
        parts.append(
            f'<line x1="{_n(left - _TICK)}" y1="{_n(y)}" x2="{_n(left)}" y2="{_n(y)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        parts.append(_text(left - _TICK - _PAD, y + 3.5, label, _SIZE, "end"))
    widest = max((text_width(p, _SIZE) for p in periods), default=0.0)
    every = max(1, math.ceil((widest + 6) / slot))
    for index, period in enumerate(periods):
        x = x_of(index)
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(bottom)}" x2="{_n(x)}" y2="{_n(bottom + _TICK)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        if (len(periods) - 1 - index) % every == 0:
            parts.append(_text(x, bottom + _TICK + _PAD + 8, period, _SIZE))
    parts.append(
        _text(
            4 + _SIZE * 0.8,
            top + plot_height / 2,
            value_label,
            _SIZE,
            extra=f' transform="rotate(-90 {_n(4 + _SIZE * 0.8)} {_n(top + plot_height / 2)})"',
        )
    )
    parts.append(
        f'<path d="M{_n(left)} {_n(top)}V{_n(bottom)}H{_n(right)}" fill="none" '
        'stroke="#000000" stroke-width="0.8"/>'
    )
    entries = []
    if target is not None:
        y = y_of(target[0])
        target_line = 'stroke="#000000" stroke-width="1.5" stroke-dasharray="9,4.5" fill="none"'
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{_n(right)}" y2="{_n(y)}" {target_line}/>'
        )
    for line in lines:
        points = [(x_of(i), y_of(v)) for i, v in enumerate(line.values) if v is not None]
        if not points:
            continue
        if line.linestyle != "none" and len(points) > 1:
            path = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points)
            parts.append(
                f'<path d="{path}" fill="none" stroke="{line.color}" stroke-width="2"'
                f"{_dashes(line.linestyle)}/>"
            )
        parts.extend(_marker(line.marker, x, y, line.color) for x, y in points)
        entries.append(_Entry(line.label, _line_key(line)))
    if target is not None:
        entries.append(
            _Entry(
                target[1],
                lambda x, y: (
                    f'<line x1="{_n(x - 10)}" y1="{_n(y)}" x2="{_n(x + 10)}" y2="{_n(y)}" '
                    'stroke="#000000" stroke-width="1.5" stroke-dasharray="6,3"/>'
                ),
            )
        )
    legend, legend_height, legend_right = _legend(entries, width, bottom + _TICK + _PAD + 18)
    height = bottom + _TICK + _PAD + 18 + legend_height + 6
    width = max(width, legend_right + 4)
    svg = _finish(_svg(chart_id, title, description, width, height), [], parts + legend)
    return Chart(chart_id, title, description, svg)


def _line_key(line: LineSeries) -> Callable[[float, float], str]:
    def key(x: float, y: float) -> str:
        stroke = ""
        if line.linestyle != "none":
            stroke = (
                f'<line x1="{_n(x - 10)}" y1="{_n(y)}" x2="{_n(x + 10)}" y2="{_n(y)}" '
                f'stroke="{line.color}" stroke-width="2"{_dashes(line.linestyle)}/>'
            )
        return stroke + _marker(line.marker, x, y, line.color)

    return key


def _hatch(pattern_id: str, hatch: str) -> str:
    """A ``<pattern>`` of black strokes for a hatch (``//``, ``xx``, ``..``...)."""
    size = 12 / len(hatch)
    s, h = _n(size), _n(size / 2)
    shapes = {
        "/": f"M0 {s}L{s} 0M-1 1L1 -1M{_n(size - 1)} {_n(size + 1)}L{_n(size + 1)} {_n(size - 1)}",
        "\\": f"M0 0L{s} {s}M-1 {_n(size - 1)}L1 {_n(size + 1)}M{_n(size - 1)} -1L{_n(size + 1)} 1",
        "-": f"M0 {h}H{s}",
        "|": f"M{h} 0V{s}",
    }
    shapes["x"] = shapes["/"] + shapes["\\"]
    shapes["+"] = shapes["-"] + shapes["|"]
    kind = hatch[0]
    if kind == ".":
        body = f'<circle cx="{h}" cy="{h}" r="0.9" fill="#000000"/>'
    elif kind == "o":
        body = (
            f'<circle cx="{h}" cy="{h}" r="{_n(size / 3.5)}" fill="none" stroke="#000000" '
            'stroke-width="0.8"/>'
        )
    else:
        body = f'<path d="{shapes.get(kind, shapes["/"])}" stroke="#000000" stroke-width="0.8"/>'
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="{s}" height="{s}">'
        f"{body}</pattern>"
    )


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True) or [text]


def stacked_bar_chart(
    chart_id: str,
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[BarSeries],
    count_label: str,
    number: Callable[[float], str],
) -> Chart:
    """Draw horizontal stacked bars, one per category (top to bottom in the given order).

    Args:
        chart_id: The element id (unique in the report).
        title: The chart's title.
        description: Its text alternative.
        categories: One label per bar (long labels are wrapped).
        series: The segments of every bar; ``counts[i]`` belongs to ``categories[i]``.
        count_label: The label of the value axis.
        number: Formats an axis number in the report's locale.

    Returns:
        The chart, 540 pt wide.
    """
    width = 540.0
    labels = [_wrap(label, 34) for label in categories]
    label_width = max(text_width(line, _SIZE) for label in labels for line in label)
    left, right, top = 6 + label_width + _TICK + _PAD, width - 14, 6.0
    rows = [max(26.0, 12.0 * len(label) + 10) for label in labels]
    bottom = top + sum(rows)
    totals = [sum(s.counts[i] for s in series) for i in range(len(labels))]
    ticks = nice_ticks(0, max([*totals, 1]), integer=True)

    def x_of(value: float) -> float:
        return left + value / ticks[-1] * (right - left)

    defs, parts = [], []
    for tick in ticks:
        x = x_of(tick)
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(bottom)}" x2="{_n(x)}" y2="{_n(bottom + _TICK)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        parts.append(_text(x, bottom + _TICK + _PAD + 8, number(tick), _SIZE))
    parts.append(_text((left + right) / 2, bottom + 34, count_label, _SIZE))
    fills = []
    for index, entry in enumerate(series):
        pattern = ""
        if entry.hatch:
            pattern = f"{chart_id}-hatch-{index}"
            defs.append(_hatch(pattern, entry.hatch))
        fills.append(pattern)
    counts_text = []
    y = top
    for row, (label, row_height) in enumerate(zip(labels, rows, strict=True)):
        middle = y + row_height / 2
        parts.append(
            f'<line x1="{_n(left - _TICK)}" y1="{_n(middle)}" x2="{_n(left)}" y2="{_n(middle)}" '
            'stroke="#000000" stroke-width="0.8"/>'
        )
        first = middle - (len(label) - 1) * 6 + 3.5
        for number_, line in enumerate(label):
            parts.append(_text(left - _TICK - _PAD, first + 12 * number_, line, _SIZE, "end"))
        start = 0
        for entry, pattern in zip(series, fills, strict=True):
            count = entry.counts[row]
            if count <= 0:
                continue
            x0, x1 = x_of(start), x_of(start + count)
            box = f'x="{_n(x0)}" y="{_n(middle - 9)}" width="{_n(x1 - x0)}" height="18"'
            parts.append(f'<rect {box} fill="{entry.color}" stroke="none"/>')
            if pattern:
                parts.append(f'<rect {box} fill="url(#{pattern})" stroke="none"/>')
            parts.append(f'<rect {box} fill="none" stroke="#000000" stroke-width="0.6"/>')
            text = number(count)
            half = text_width(text, _SMALL) / 2 + 1.5
            counts_text.append(
                f'<rect x="{_n((x0 + x1) / 2 - half)}" y="{_n(middle - 6)}" '
                f'width="{_n(2 * half)}" height="12" rx="2" fill="#ffffff"/>'
            )
            counts_text.append(_text((x0 + x1) / 2, middle + 3.2, text, _SMALL))
            start += count
        y += row_height
    parts.extend(counts_text)
    parts.append(
        f'<path d="M{_n(left)} {_n(top)}V{_n(bottom)}H{_n(right)}" fill="none" '
        'stroke="#000000" stroke-width="0.8"/>'
    )
    entries = [
        _Entry(entry.label, _bar_key(entry, pattern))
        for entry, pattern in zip(series, fills, strict=True)
    ]
    legend, legend_height, legend_right = _legend(entries, width, bottom + 44)
    height = bottom + 44 + legend_height + 6
    width = max(width, legend_right + 4)
    svg = _finish(_svg(chart_id, title, description, width, height), defs, parts + legend)
    return Chart(chart_id, title, description, svg)


def _bar_key(entry: BarSeries, pattern: str) -> Callable[[float, float], str]:
    def key(x: float, y: float) -> str:
        box = f'x="{_n(x - 10)}" y="{_n(y - 4.5)}" width="20" height="9"'
        hatch = f'<rect {box} fill="url(#{pattern})" stroke="none"/>' if pattern else ""
        return (
            f'<rect {box} fill="{entry.color}" stroke="none"/>{hatch}'
            f'<rect {box} fill="none" stroke="#000000" stroke-width="0.6"/>'
        )

    return key
