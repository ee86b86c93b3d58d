"""Indicators that share a name are told apart by the goal they serve, wherever they are listed.

Plans name many yes/no indicators alike ("Toteutui/ei toteutunut"); the report shows the goal
each serves (Judgement.goal, its first user's) beside such a name, in the per-area indicator
tables and lists, the overdue table and the appendices, in every language. On a tmp copy of the
fictional report fixture, three yes/no indicators are renamed alike (fictional names):

* ``kampanja-toteutui`` (answer "no" for 2025) serves the goal "Istuminen vähenee";
* ``verkosto-perustettu`` (answer "yes" for 2025) serves "Asukkaat liikkuvat enemmän vuoteen
  2026 mennessä" (through the action that lists it);
* ``testaus-kaytossa`` (no values) serves "Palvelut ovat saavutettavia", in another area, and
  is written with another space and case ("toteutui/ ei toteutunut"), which reads the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hytecli.report import ReportOptions, Revision, render_report
from hytecli.repository import PlanRepository, load_repository
from report_support import FIXTURE_NOW, copy_fixture

CLEAN = Revision("clean", "0123456789abcdef0123456789abcdef01234567")
SAME = "{fi: Toteutui/ei toteutunut, sv: Genomfördes/genomfördes inte}"
RENAMED = {
    "kampanja-toteutui": ("name: Kampanja toteutui/ei toteutunut", f"name: {SAME}"),
    "verkosto-perustettu": ("name: Verkosto perustettu", f"name: {SAME}"),
    "testaus-kaytossa": (
        "name: Testaus käytössä",
        "name: {fi: toteutui/ ei toteutunut, sv: Genomfördes/ genomfördes inte}",
    ),
}
SITTING = "Istuminen vähenee"
MOVING = "Asukkaat liikkuvat enemmän vuoteen 2026 mennessä"
ACCESSIBLE = "Palvelut ovat saavutettavia"


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> PlanRepository:
    root = copy_fixture(tmp_path_factory.mktemp("alike") / "plan")
    for ident, (old, new) in RENAMED.items():
        path = root / "indicators" / f"{ident}.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return load_repository(root)


def _report(repository: PlanRepository, fmt: str, lang: str) -> str:
    options = ReportOptions(year=2025, language=lang)
    return render_report(repository, options, fmt, now=FIXTURE_NOW, revision=CLEAN)


def _row(text: str, start: str) -> str:
    rows = [line for line in text.splitlines() if line.startswith(start)]
    assert len(rows) == 1, (start, rows)
    return rows[0]


def _section(md: str, heading: str) -> str:
    start = md.index(f"\n{heading}\n")
    rest = md[start + len(heading) + 2 :]
    end = re.search(r"\n## ", rest)
    return rest[: end.start()] if end else rest


# The goals' titles are in Finnish only: the Swedish report marks them "(fi)".
@pytest.mark.parametrize(
    ("lang", "name", "goal_word", "mark", "yes", "no"),
    [
        ("fi", "Toteutui/ei toteutunut", "tavoite", "", "kyllä", "ei"),
        ("sv", "Genomfördes/genomfördes inte", "mål", " (fi)", "ja", "nej"),
    ],
)
def test_markdown_tables_show_each_alike_named_indicator_s_goal_in_its_row(
    repository: PlanRepository, lang: str, name: str, goal_word: str, mark: str, yes: str, no: str
) -> None:
    md = _report(repository, "markdown", lang)
    indicators = _section(md, "## " + ("Mittarit" if lang == "fi" else "Indikatorer"))
    # the per-area table: each row its own goal, with its own answer
    campaign = _row(indicators, f"| {name} ({goal_word}: {SITTING}{mark}) (")
    network = _row(indicators, f"| {name} ({goal_word}: {MOVING}{mark}) (")
    assert f"| {no} (2025) |" in campaign and f"| {yes} (2025) |" in network
    # another area's list of indicators without values: written with other spaces, still alike
    spaced = {"fi": "toteutui/ ei toteutunut", "sv": "Genomfördes/ genomfördes inte"}[lang]
    _row(indicators, f"- {spaced} ({goal_word}: {ACCESSIBLE}{mark}) (")
    # the appendix of values: each value's row names its indicator's goal
    values = [line for line in md.splitlines() if line.startswith(f"| {name} (")]
    assert any(f"({goal_word}: {SITTING}{mark}) | 2025 |" in v and f"| {no} |" in v for v in values)
    assert any(f"({goal_word}: {MOVING}{mark}) | 2025 |" in v and f"| {yes} |" in v for v in values)
    # a name of its own is shown alone (the year's highlights show every indicator's goal)
    assert "| Riittävästi liikkuvien osuus (" in indicators
    assert f"Riittävästi liikkuvien osuus ({goal_word}:" not in indicators


@pytest.mark.parametrize(("lang", "goal_word"), [("fi", "tavoite"), ("sv", "mål")])
def test_html_rows_link_the_goal_each_alike_named_indicator_serves(
    repository: PlanRepository, lang: str, goal_word: str
) -> None:
    html = _report(repository, "html", lang)

    def row(anchor: str) -> str:
        match = re.search(rf'<(tr|li) id="{anchor}"[^>]*>.*?</\1>', html, re.S)
        assert match is not None, anchor
        return match.group(0)

    for anchor, goal in (
        ("indicator-kampanja-toteutui", "goal-vahemman-istumista"),
        ("indicator-verkosto-perustettu", "goal-liikkuvat-asukkaat"),
        ("indicator-testaus-kaytossa", "goal-saavutettavuus"),
    ):
        shown = row(anchor)
        assert f'<span class="measures">({goal_word}: <a href="#{goal}">' in shown
        assert shown.count('class="measures"') == 1
    assert 'class="measures"' not in row("indicator-liikkuvien-osuus")


def test_the_overdue_table_names_the_goal_of_an_alike_named_indicator(
    repository: PlanRepository,
) -> None:
    md = _report(repository, "markdown", "fi")
    overdue = _section(
        md,
        "## Vuonna 2025 suunnitellusti toteutumatta jääneet, myöhässä olevat ja saavuttamatta "
        "jääneet",
    )
    assert f"| mittari: Toteutui/ei toteutunut (tavoite: {SITTING}) |" in overdue


def test_a_plan_without_alike_names_shows_no_goal_beside_indicators(tmp_path: Path) -> None:
    repository = load_repository(copy_fixture(tmp_path / "plan"))
    md = _report(repository, "markdown", "fi")
    indicators = _section(md, "## Mittarit")
    assert "(tavoite:" not in indicators
