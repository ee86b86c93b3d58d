"""The report's charts: deterministic inline SVG with unique ids and a text alternative."""

from __future__ import annotations

import re

from hytecli.report.charts import BarSeries, LineSeries, finish_svg, stacked_bar_chart, trend_chart


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
    assert "Matplotlib v" not in svg and "<!--" not in svg
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


def test_finish_svg_prefixes_references() -> None:
    raw = (
        '<?xml version="1.0"?>\n<svg width="1pt" viewBox="0 0 1 1"><defs><clipPath id="p1">'
        '<rect/></clipPath></defs><g clip-path="url(#p1)"><use xlink:href="#p1"/></g></svg>'
    )
    svg = str(finish_svg(raw, "c", "T", "D"))
    assert 'id="c-p1"' in svg and "url(#c-p1)" in svg and 'xlink:href="#c-p1"' in svg
