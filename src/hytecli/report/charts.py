"""Charts for the HTML report: inline SVG drawn by matplotlib, deterministic and accessible.

matplotlib (imported only here, and only when a chart is drawn, so ``hyte --help`` stays fast) is
the long-established, well-kept plotting library of the Python world; its SVG backend needs no
browser or system library. Its output is made reproducible and fit for inlining:

* ``svg.hashsalt`` is fixed and the date and creator metadata are dropped, so the same data gives
  byte-identical SVG;
* every element id is prefixed with the chart's id, so several charts can share one HTML page
  (matplotlib numbers ids per figure: ``figure_1``, glyph ids ``DejaVuSans-41``...);
* text stays text (``svg.fonttype: none``, a tenth of the size of glyph outlines), in DejaVu Sans
  (matplotlib's own font, which it measures the layout with) falling back to the metrically
  similar Verdana and then any sans-serif font; the XML prolog, doctype, comments and metadata
  are removed;
* the root ``<svg>`` gets ``role="img"`` and ``aria-labelledby`` pointing at its ``<title>`` and
  ``<desc>`` (the text alternative); the report places the chart's data as a table next to it.

Charts never rely on colour alone: bars carry hatch patterns and their counts, lines carry
different markers and line styles, and every series is named in the legend.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

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

_RC: dict[str, Any] = {
    "svg.hashsalt": "hyte",
    "svg.fonttype": "none",
    "svg.image_inline": True,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
    "path.simplify": False,
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
    """One segment kind of a stacked bar chart (e.g. "done"), with its look."""

    label: str
    counts: Sequence[int]
    color: str
    hatch: str


@dataclass(frozen=True)
class LineSeries:
    """One line of a trend chart: a value per period (``None`` where there is none)."""

    label: str
    values: Sequence[float | None]
    color: str
    marker: str
    linestyle: str = "-"


def _mpl_text(text: str) -> str:
    """Keep matplotlib from reading ``$...$`` in plan text as mathematics."""
    return text.replace("$", r"\$")


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=True)) or text


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_REMOVE = re.compile(r"<metadata>.*?</metadata>\s*|<!--.*?-->\s*|<style[^>]*>.*?</style>\s*", re.S)
_EMPTY_DEFS = re.compile(r"<defs>\s*</defs>\s*")
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'((?:xlink:)?href="#|url\(#)([^")]+)')
_FONT = "font-family: 'DejaVu Sans'"
_FONTS = "font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif"


def finish_svg(raw: str, chart_id: str, title: str, description: str) -> Markup:
    """Make matplotlib's SVG fit for inlining (see the module's description)."""
    svg = _PROLOG.sub("", raw, count=1)
    svg = _REMOVE.sub("", svg)
    svg = _EMPTY_DEFS.sub("", svg)
    svg = _ID.sub(lambda m: f'id="{chart_id}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{chart_id}-{m.group(2)}", svg)
    svg = svg.replace(_FONT, _FONTS)
    root_end = svg.index(">") + 1
    root = svg[:root_end].replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" ',
        1,
    )
    accessible = (
        f'\n <title id="{chart_id}-title">{escape(title)}</title>'
        f'\n <desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return Markup(root + accessible + svg[root_end:].rstrip() + "\n")


def _save(figure: object, chart_id: str, title: str, description: str) -> Markup:
    buffer = io.StringIO()
    figure.savefig(  # type: ignore[attr-defined]
        buffer,
        format="svg",
        metadata={"Date": None, "Creator": None},
        bbox_inches="tight",
        pad_inches=0.1,
    )
    return finish_svg(buffer.getvalue(), chart_id, title, description)


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
    """
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    labels = [_mpl_text(_wrap(label, 34)) for label in categories]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = 0.9 + 0.24 * lines + 0.18 * len(labels)
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=(7.5, height))
        axes = figure.add_subplot()
        positions = list(range(len(labels)))
        left = [0] * len(labels)
        for entry in series:
            bars = axes.barh(
                positions,
                list(entry.counts),
                left=left,
                color=entry.color,
                hatch=entry.hatch,
                edgecolor="#000000",
                linewidth=0.6,
                label=_mpl_text(entry.label),
                height=0.7,
            )
            axes.bar_label(
                bars,
                labels=[number(c) if c else "" for c in entry.counts],
                label_type="center",
                fontsize=9,
                color="#000000",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "#ffffff", "edgecolor": "none"},
            )
            left = [a + b for a, b in zip(left, entry.counts, strict=True)]
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()
        axes.set_xlabel(_mpl_text(count_label))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value)))
        axes.set_xlim(0, max([*left, 1]) * 1.02)
        axes.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.9 / height - 0.02),
            ncols=3,
            frameon=False,
            fontsize=9,
        )
        svg = _save(figure, chart_id, title, description)
    return Chart(chart_id, title, description, svg)


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

    The value axis starts at zero unless a value is negative.

    Args:
        chart_id: The element id (unique in the report).
        title: The chart's title.
        description: Its text alternative.
        periods: The x-axis periods, oldest first (``2024``, ``2024-H1``...).
        lines: The series (the indicator's own values; a reference series).
        target: ``(value, label)`` of a numeric target, drawn as a horizontal line.
        value_label: The label of the value axis (the unit).
        number: Formats an axis number in the report's locale.
    """
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=(6.4, 3.0))
        axes = figure.add_subplot()
        positions = list(range(len(periods)))
        for line in lines:
            points = [(x, y) for x, y in zip(positions, line.values, strict=True) if y is not None]
            if not points:
                continue
            axes.plot(
                [x for x, _ in points],
                [y for _, y in points],
                color=line.color,
                marker=line.marker,
                linestyle=line.linestyle,
                linewidth=2,
                markersize=7,
                label=_mpl_text(line.label),
            )
        if target is not None:
            axes.axhline(
                target[0],
                color="#000000",
                linestyle=(0, (6, 3)),
                linewidth=1.5,
                label=_mpl_text(target[1]),
            )
        axes.set_xticks(positions, [_mpl_text(p) for p in periods])
        axes.set_xlim(-0.5, len(periods) - 0.5)
        # The value axis starts at zero (counts, percentages and rates), so that a small change
        # does not look large; the description says so.
        lowest = min(
            [y for line in lines for y in line.values if y is not None]
            + ([target[0]] if target is not None else []),
            default=0.0,
        )
        if lowest >= 0:
            axes.set_ylim(bottom=0, top=axes.get_ylim()[1] * 1.05)
        axes.set_ylabel(_mpl_text(value_label))
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value)))
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        axes.set_axisbelow(True)
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=3, frameon=False, fontsize=9
        )
        svg = _save(figure, chart_id, title, description)
    return Chart(chart_id, title, description, svg)
