"""The report's charts: deterministic inline SVG with unique ids and a text alternative."""

from __future__ import annotations

import math
import re
from xml.etree import ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from hytecli.report.charts import (
    BarSeries,
    LineSeries,
    stacked_bar_chart,
    trend_chart,
)
from hytecli.report.svg_draw import nice_ticks
from hytecli.report.text_width import text_width


def _trend(chart_id: str = "chart-a"):  # type: ignore[no-untyped-def]
    return trend_chart(
        chart_id,
        "Trend: Ä <b>",
        "Values 2024: 1; 2025: 2.",
        ["2024", "2025"],
        [LineSeries("value $x$", [1.0, 2.0], "#0072B2", "o")],
        (3.0, "target: at least 3"),
        "%",
        lambda v: f"{v:g}",
    )


def test_chart_svg_is_deterministic_and_accessible() -> None:
    first, second = _trend(), _trend()
    assert first.svg == second.svg
    svg = str(first.svg)
    assert svg.startswith('<svg role="img" aria-labelledby="chart-a-title chart-a-desc"')
    assert '<title id="chart-a-title">Trend: Ä &lt;b&gt;</title>' in svg
    assert '<desc id="chart-a-desc">Values 2024: 1; 2025: 2.</desc>' in svg
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<metadata" not in svg
    assert "<!--" not in svg
    assert "<b>" not in svg
    # the target line and the legend are drawn
    assert "target: at least 3" in svg and "stroke-dasharray" in svg


def test_ids_are_unique_across_charts() -> None:
    a, b = str(_trend("chart-a").svg), str(_trend("chart-b").svg)
    ids_a = set(re.findall(r'\bid="([^"]+)"', a))
    ids_b = set(re.findall(r'\bid="([^"]+)"', b))
    assert ids_a and not ids_a & ids_b
    assert all(i.startswith("chart-a-") for i in ids_a)
    for ref in re.findall(r'(?:href="#|url\(#)([^")]+)', a):
        assert ref in ids_a


def test_stacked_bars_carry_counts_and_hatches() -> None:
    chart = stacked_bar_chart(
        "chart-s",
        "States",
        "Bars.",
        ["Area one", "Area two"],
        [
            BarSeries("✓ done", [2, 0], "#009E73", ""),
            BarSeries("✗ overdue", [1, 3], "#D55E00", "xx"),
        ],
        "items",
        lambda v: f"{v:g}",
    )
    svg = str(chart.svg)
    assert "<pattern" in svg  # the hatch: not colour alone
    assert ">3<" in svg and ">2<" in svg  # counts written on the bars
    assert "Area one" in svg and "✗ overdue" in svg


def _stacked(chart_id: str = "chart-s"):  # type: ignore[no-untyped-def]
    return stacked_bar_chart(
        chart_id,
        "States",
        "Bars.",
        ["Area one", "Area two with a name long enough to be wrapped on two lines"],
        [
            BarSeries("✓ done", [2, 0], "#009E73", ""),
            BarSeries("✗ overdue", [1, 3], "#D55E00", "xx"),
            BarSeries("○ open", [0, 4], "#56B4E9", "//"),
        ],
        "items",
        lambda v: f"{v:g}",
    )


def test_bar_patterns_have_the_charts_prefix_and_resolve() -> None:
    a, b = str(_stacked("chart-a").svg), str(_stacked("chart-b").svg)
    ids_a = set(re.findall(r'\bid="([^"]+)"', a))
    assert {"chart-a-hatch-1", "chart-a-hatch-2"} <= ids_a
    assert not ids_a & set(re.findall(r'\bid="([^"]+)"', b))
    refs = re.findall(r"url\(#([^)]+)\)", a)
    assert refs and set(refs) <= ids_a
    assert a == str(_stacked("chart-a").svg)  # deterministic
    # a zero count draws no segment and no label; the long label is wrapped, every word kept
    assert 'font-size="9" text-anchor="middle">0<' not in a
    assert a.count('stroke-width="0.6"') == 4 + 3  # four segments, three legend keys
    assert ">Area two with a name long enough<" in a and ">to be wrapped on two lines<" in a


def test_ticks_are_round_numbers_from_zero() -> None:
    assert nice_ticks(0, 62.4) == [0, 10, 20, 30, 40, 50, 60, 70]
    assert nice_ticks(0, 1248) == [0, 200, 400, 600, 800, 1000, 1200, 1400]
    assert nice_ticks(0, 1, integer=True) == [0, 1]
    assert nice_ticks(0, 11, integer=True) == [0, 2, 4, 6, 8, 10, 12]
    assert nice_ticks(0, 0.042) == [0, 0.01, 0.02, 0.03, 0.04, 0.05]
    assert nice_ticks(-3.2, 5) == [-4, -2, 0, 2, 4, 6]
    assert nice_ticks(5, 5)[::5] == [5, 6]  # one value: an axis of one unit
    for low, high in [(0, 7.7), (0, 99999), (-0.5, 0.3), (0, 3)]:
        ticks = nice_ticks(low, high)
        assert ticks[0] <= low and ticks[-1] >= high and 3 <= len(ticks) <= 8


def _y_labels(svg: str) -> list[str]:
    return re.findall(r'text-anchor="end">([^<]*)</text>', svg)


def test_value_axis_starts_at_zero_and_shows_the_target() -> None:
    svg = str(_trend().svg)
    assert _y_labels(svg)[0] == "0" and _y_labels(svg)[-1] == "3.5"
    assert "value $x$" in svg  # plan text is plain text, no mathematics
    negative = str(
        trend_chart(
            "chart-n",
            "T",
            "D",
            ["2024", "2025"],
            [LineSeries("change", [-2.0, 3.0], "#0072B2", "o")],
            None,
            "%",
            lambda v: f"{v:g}",
        ).svg
    )
    assert float(_y_labels(negative)[0]) < -2


def test_period_labels_that_do_not_fit_are_thinned_keeping_the_latest() -> None:
    periods = [f"{year}-H{half}" for year in range(2010, 2027) for half in (1, 2)]
    values = [float(i) for i in range(len(periods))]
    svg = str(
        trend_chart(
            "chart-t",
            "T",
            "D",
            periods,
            [LineSeries("value", values, "#0072B2", "o")],
            None,
            "n",
            lambda v: f"{v:g}",
        ).svg
    )
    shown = [p for p in periods if f">{p}<" in svg]
    assert shown[-1] == "2026-H2" and 3 < len(shown) < len(periods)
    assert svg.count("<circle") == len(periods) + 1  # every point, and the legend's


def test_text_width_counts_wide_and_unknown_characters() -> None:
    assert text_width("iii", 10) < text_width("MMM", 10)
    assert text_width("ä", 10) == text_width("a", 10)
    assert text_width("漢", 10) == 10  # unknown: a full em, never too little room


_VALUE = st.one_of(
    st.none(),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 0.001, 1.0, 100.0, 1e6]),
)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(_VALUE, min_size=1, max_size=25),
    reference=st.one_of(st.none(), st.lists(_VALUE, min_size=25, max_size=25)),
    target=st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6)),
    # plan text has no control characters (hyte validate refuses them), so XML can hold it
    label=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
)
def test_any_trend_is_well_formed_svg(
    values: list[float | None],
    reference: list[float | None] | None,
    target: float | None,
    label: str,
) -> None:
    periods = [str(2000 + i) for i in range(len(values))]
    lines = [LineSeries(label, values, "#0072B2", "o")]
    if reference is not None:
        lines.append(LineSeries("ref & <b>", reference[: len(values)], "#D55E00", "s", "--"))
    chart = trend_chart(
        "chart-x",
        label,
        label,
        periods,
        lines,
        None if target is None else (target, "target"),
        "%",
        lambda v: f"{v:g}",
    )
    root = ElementTree.fromstring(str(chart.svg))  # well-formed XML, text escaped
    assert root.get("role") == "img"
    numbers = [
        float(v)
        for element in root.iter()
        if element is not root
        for name, v in element.attrib.items()
        if name in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height")
    ]
    assert all(math.isfinite(n) for n in numbers)
    assert 0 < float(root.get("height", "0pt").removesuffix("pt")) < 1000


@settings(max_examples=60, deadline=None)
@given(
    counts=st.lists(
        st.lists(st.integers(min_value=0, max_value=10**6), min_size=3, max_size=3),
        min_size=1,
        max_size=12,
    ),
    name=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=80),
)
def test_any_stacked_bars_are_well_formed_svg(counts: list[list[int]], name: str) -> None:
    series = [
        BarSeries(f"kind {k} <&>", [row[k] for row in counts], "#009E73", hatch)
        for k, hatch in enumerate(["", "xx", "oo"])
    ]
    chart = stacked_bar_chart(
        "chart-y", name, name, [name] * len(counts), series, "items", lambda v: f"{v:g}"
    )
    root = ElementTree.fromstring(str(chart.svg))
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_a_long_legend_label_widens_the_chart_instead_of_being_cut() -> None:
    long = "target: at least 1 000 visits per 1 000 inhabitants " * 3
    chart = trend_chart(
        "chart-l",
        "T",
        "D",
        ["2024", "2025"],
        [LineSeries("value", [1.0, 2.0], "#0072B2", "o")],
        (3.0, long),
        "n",
        lambda v: f"{v:g}",
    )
    root = ElementTree.fromstring(str(chart.svg))
    width = float(root.get("width", "").removesuffix("pt"))
    assert width > 440
    label = next(e for e in root.iter() if e.text == long)
    assert float(label.get("x", "0")) + text_width(long, 9) <= width


def test_ticks_of_a_range_too_small_for_powers_of_ten() -> None:
    # found by hypothesis: a target of 5e-324 (the smallest float) and no values
    from hytecli.report.svg_draw import nice_ticks

    assert nice_ticks(0.0, 5e-324) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
