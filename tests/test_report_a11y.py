"""The HTML report in real headless Chromium with axe-core: no WCAG 2.1 A or AA violations.

Needs Debian's Chromium (``apt-get install -y chromium``; launched through the Python
``playwright`` package, without ``playwright install``) and axe-core (``npm ci`` in
``tests/a11y/``). ``.ci/run`` installs both, so in CI the test fails, never skips, when they
are missing. Set ``HYTE_A11Y=skip`` to skip it explicitly on a machine without them.

One browser serves the whole test session. The page is opened from a file with every network
request blocked, which also proves the report loads nothing from the network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hytecli.report import ReportOptions, Revision, render_report
from hytecli.repository import load_repository
from report_support import FIXTURE_NOW, ROOT, copy_fixture

AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.skipif(
    os.environ.get("HYTE_A11Y") == "skip", reason="HYTE_A11Y=skip: accessibility test skipped"
)


def _chromium() -> str:
    for candidate in (
        os.environ.get("HYTE_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("Chromium not found: apt-get install -y chromium (or set HYTE_A11Y=skip)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not AXE.is_file():
        pytest.fail(f"axe-core not installed: run npm ci in {AXE.parents[2]} (or HYTE_A11Y=skip)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail('playwright not installed: pip install -e ".[test]" (or HYTE_A11Y=skip)')
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def run_axe(browser: Any, path: Path) -> dict[str, Any]:
    """Open ``path`` with the network blocked; return axe's results and the blocked requests."""
    page = browser.new_page()
    blocked: list[str] = []

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith("file:"), block)
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results: dict[str, Any] = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
    finally:
        page.close()
    results["blocked"] = blocked
    return results


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)


def _check(browser: Any, path: Path) -> None:
    results = run_axe(browser, path)
    assert results["blocked"] == [], "the report made network requests"
    assert len(results["passes"]) >= 15, "axe ran too few rules: is it working?"
    assert results["violations"] == [], _describe(results["violations"])


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_real_plan_report_has_no_violations(browser: Any, tmp_path: Path, lang: str) -> None:
    html = render_report(
        load_repository(ROOT),
        ReportOptions(year=2025, language=lang),
        "html",
        revision=Revision("clean", "0" * 40),
    )
    path = tmp_path / f"report-{lang}.html"
    path.write_text(html, encoding="utf-8")
    _check(browser, path)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_fixture_report_with_values_and_charts_has_no_violations(
    browser: Any, tmp_path: Path, lang: str
) -> None:
    repository = load_repository(copy_fixture(tmp_path / "fixture"))
    html = render_report(
        repository,
        ReportOptions(year=2025, language=lang),
        "html",
        now=FIXTURE_NOW,
        revision=Revision("modified", "1" * 40),
    )
    assert html.count("<svg") >= 5
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    _check(browser, path)


def test_axe_finds_a_known_violation(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><main>"
        '<img src="data:,"><p style="color:#bbb;background:#fff">low</p>'
        "</main></body></html>",
        encoding="utf-8",
    )
    found = {v["id"] for v in run_axe(browser, path)["violations"]}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found


_OVERFLOWING = """() => [...document.querySelectorAll('div.table-scroll')]
    .filter(e => e.scrollWidth > e.clientWidth)
    .map(e => [e.getAttribute('aria-labelledby'), e.tabIndex])"""
_PAGE_WIDTHS = """() => [document.documentElement.scrollWidth,
    document.documentElement.clientWidth]"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_tables_fit_at_1280_and_400_pixels_and_scroll_in_their_own_box_below(
    browser: Any, tmp_path: Path, lang: str
) -> None:
    html = render_report(
        load_repository(ROOT),
        ReportOptions(year=2025, language=lang),
        "html",
        revision=Revision("clean", "0" * 40),
    )
    path = tmp_path / f"report-{lang}.html"
    path.write_text(html, encoding="utf-8")
    found = {}
    for width in (1280, 400, 320):  # 320: WCAG 1.4.10 reflow
        page = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page.goto(path.as_uri(), wait_until="load")
            found[width] = (page.evaluate(_OVERFLOWING), page.evaluate(_PAGE_WIDTHS))
            if width == 320:
                page.emulate_media(media="print")
                found["print"] = page.evaluate(
                    "() => [...document.querySelectorAll('div.table-scroll')]"
                    ".map(e => getComputedStyle(e).overflowX)"
                )
        finally:
            page.close()
    assert found[1280][0] == [], "a table scrolls sideways at 1280 px"
    summary = {"summary-states-caption", "summary-progress-caption"}
    assert not summary & {name for name, _ in found[400][0]}, "a summary table scrolls at 400 px"
    for width in (400, 320):  # on a phone the goals table is read item by item, not scrolled
        goals = [name for name, _ in found[width][0] if name.endswith("-goals-caption")]
        assert goals == [], f"a goals table scrolls sideways at {width} px: {goals}"
    for width in (1280, 400, 320):
        overflowing, (scroll_width, client_width) = found[width]
        assert scroll_width <= client_width, f"the page itself scrolls sideways at {width} px"
        # a table wider than the screen scrolls in its own box, which the keyboard can scroll
        assert all(tab_index == 0 for _, tab_index in overflowing)
    assert set(found["print"]) == {"visible"}  # printed whole, not cut at the box's edge


@pytest.mark.parametrize(("year", "lang"), [(2024, "sv"), (2025, "fi"), (2025, "sv")])
def test_year_texts_and_assessments_have_no_violations(
    browser: Any, tmp_path: Path, year: int, lang: str
) -> None:
    # fictional fixture: the year's summary, highlights and assessments (tests/data/year-fixture)
    repository = load_repository(ROOT / "tests" / "data" / "year-fixture")
    html = render_report(
        repository,
        ReportOptions(year=year, language=lang),
        "html",
        now=FIXTURE_NOW,
        revision=Revision("clean", "2" * 40),
    )
    assert 'id="year-summary"' in html and "assessment-" in html
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    _check(browser, path)
