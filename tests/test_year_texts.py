"""The year's own texts (reports/<year>.yaml) and the report's use of assessments (issue 9, item 4).

The fictional fixture tests/data/year-fixture has assessments in Finnish and Swedish for 2024 and
2025 and the coordinator's texts of both years (2025's in Finnish only); one indicator improves,
one worsens. Reports are made "on" 15.1.2026 (report_support.FIXTURE_NOW).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hytecli.cli import app
from hytecli.highlights import year_highlights
from hytecli.judge import judge_plan
from hytecli.report import ReportOptions, Revision, render_report
from hytecli.repository import load_repository
from hytecli.resolved import resolve_plan
from hytecli.validation import validate_repository
from report_support import FIXTURE_NOW, ROOT, check_golden

YEAR_FIXTURE = ROOT / "tests" / "data" / "year-fixture"
CLEAN = Revision("clean", "0123456789abcdef0123456789abcdef01234567")


@pytest.fixture()
def repo_copy(tmp_path: Path) -> Path:
    target = tmp_path / "year-fixture"
    shutil.copytree(YEAR_FIXTURE, target)
    return target


def _findings(repo):  # type: ignore[no-untyped-def]
    """The findings but L001: the fixture's texts are partly Finnish only on purpose (the Swedish
    report marks them), so it lacks Swedish, which it declares."""
    return [f for f in validate_repository(repo) if f.code != "L001"]


@pytest.fixture(scope="module")
def repository():  # type: ignore[no-untyped-def]
    repo = load_repository(YEAR_FIXTURE)
    assert _findings(repo) == []
    return repo


def report(repository, year: int, fmt: str = "markdown", lang: str = "fi") -> str:  # type: ignore[no-untyped-def]
    options = ReportOptions(year=year, language=lang)
    return render_report(repository, options, fmt, now=FIXTURE_NOW, revision=CLEAN)  # type: ignore[arg-type]


def section(md: str, heading: str) -> str:
    """The Markdown text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = md.index(f"\n{heading}\n")
    rest = md[start + len(heading) + 2 :]
    end = re.search(rf"\n#{{1,{len(level)}}} ", rest)
    return rest[: end.start()] if end else rest


# --- the file ----------------------------------------------------------------------------------


def test_the_year_texts_load_as_written(repository) -> None:  # type: ignore[no-untyped-def]
    texts = {record.texts.year: record.texts for record in repository.year_texts}
    assert sorted(texts) == [2024, 2025]
    assert (
        texts[2024].summary is not None and "planens första år" in texts[2024].summary.values["sv"]
    )
    assert texts[2025].summary is not None and list(texts[2025].summary.values) == ["fi"]
    assert [str(c.body) for c in texts[2024].council] == ["Aluehallitus", "Aluevaltuusto"]
    assert texts[2024].council[0].section == "§ 45"
    assert texts[2025].conclusions is None and texts[2025].council == []


BROKEN = """\
# fictional fixture, broken on purpose
year: 2025
summary: 12
colour: red
council:
  - body: Aluehallitus
    date: 2025-02-30
    section: "§ 45"
"""


def test_a_broken_year_file_gives_located_errors_and_the_report_refuses(repo_copy: Path) -> None:
    (repo_copy / "reports" / "2024.yaml").write_text(BROKEN, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["validate", "--repo", str(repo_copy)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "reports/2024.yaml:2:7: error T001 reports/2024.yaml holds year 2025: write year: 2024, "
        "or rename the file to reports/2025.yaml" in lines
    )
    assert (
        "reports/2024.yaml:3:10: error S003 expected text but found 12: put the text in quotes"
        in lines
    )
    assert any(
        line.startswith("reports/2024.yaml:4:1: error S002 unknown field 'colour'")
        for line in lines
    )
    assert (
        "reports/2024.yaml:7:11: error S003 2025-02-30 is not a date: February 2025 has 28 days"
        in lines
    )
    refused = runner.invoke(app, ["report", "--repo", str(repo_copy), "--year", "2024"])
    assert refused.exit_code == 1
    assert "reports/2024.yaml:3:10: error S003" in refused.stderr
    assert "Traceback" not in refused.output


def test_a_year_outside_the_plan_and_a_file_not_named_by_its_year_are_errors(
    repo_copy: Path,
) -> None:
    (repo_copy / "reports" / "2027.yaml").write_text("year: 2027\n", encoding="utf-8")
    (repo_copy / "reports" / "vuosi.yaml").write_text("year: 2026\n", encoding="utf-8")
    findings = [str(f) for f in _findings(load_repository(repo_copy))]
    assert findings == [
        "reports/2027.yaml:1:7: error T002 2027 is not a year of the plan period 2024–2026: the "
        "annual report is made for one of the plan's years",
        "reports/vuosi.yaml:1:7: error T001 a year's texts are written in reports/2026.yaml: "
        "rename reports/vuosi.yaml to that",
    ]


def test_year_as_text_is_refused_with_a_hint(repo_copy: Path) -> None:
    (repo_copy / "reports" / "2025.yaml").write_text('year: "2025"\n', encoding="utf-8")
    findings = [str(f) for f in _findings(load_repository(repo_copy))]
    assert findings == [
        "reports/2025.yaml:1:7: error S003 the year is a number without quotes, e.g. year: 2024"
    ]


# --- the highlights ---------------------------------------------------------------------------


def test_highlights_are_computed_from_the_judgement(repository) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    resolved = resolve_plan(repository)
    h25 = year_highlights(judge_plan(resolved, day=date(2026, 1, 15), year=2025), 2025)
    assert [i.id for i in h25.completed] == ["liikuntaneuvonta"]
    assert [i.id for i in h25.missed] == ["liikkuva-arki", "kampanja"]  # delayed; not achieved
    assert [i.id for i in h25.improved] == ["liikkuvien-osuus", "tarkastusten-osuus"]
    assert [i.id for i in h25.worsened] == ["istumisen-osuus"]  # a rise where less is better
    h24 = year_highlights(judge_plan(resolved, day=date(2025, 3, 1), year=2024), 2024)
    assert [i.id for i in h24.completed] == ["kartoitus-tehty"] and h24.missed == ()


# --- the report, in every format and language -------------------------------------------------


def _row(md: str, start: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(start))


def test_markdown_puts_the_summary_first_then_highlights_then_the_areas(repository) -> None:  # type: ignore[no-untyped-def]
    md = report(repository, 2025, lang="fi")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Tiivistelmä vuodesta 2025",
        "## Vuosi 2025 lyhyesti",
        "## Yhteenveto",
        "## 1. Liikkumisen lisääminen",
        "## Mittarit",
        "## Vuonna 2025 suunnitellusti toteutumatta jääneet, myöhässä olevat ja saavuttamatta "
        "jääneet",
        "## Johtopäätökset",
        "## Liite: arvioinnit kokonaisuudessaan",
        "## Liite: edistyminen lukuina",
        "## Liite: kaikki kirjatut arvot",
        "## Lähteet",
        "## Tietoa raportista",
    ]
    summary = section(md, "## Tiivistelmä vuodesta 2025")
    assert summary.strip().split("\n\n") == [
        "Vuonna 2025 liikuntaneuvonta vakiintui, mutta kampanja jäi toteutumatta.",
        "Istumisen osuus kasvoi.",
    ]
    assert "ei ole kirjattu yhtään" not in md  # assessments and values are recorded
    glance = section(md, "## Vuosi 2025 lyhyesti")
    # the state's detail once, not its name and then its detail ("valmis (valmis ...)")
    assert section(glance, "### Toteutui vuonna 2025").strip() == (
        "- toimenpide: Liikuntaneuvonta vakiintuu – ✓ valmis 20.5.2025, ajallaan"
    )
    assert section(glance, "### Ei toteutunut suunnitellusti vuonna 2025").strip().splitlines() == [
        "- tavoite: Arkiliikunta lisääntyy – ! viivästynyt",
        "- toimenpide: Liikuntakampanja – ✗ ei toteutunut",
    ]
    assert section(glance, "### Parantuneet mittarit").strip().splitlines()[0] == (
        "- mittari: Riittävästi liikkuvien osuus (tavoite: Arkiliikunta lisääntyy) – "
        "→ edistyy liian hitaasti (40\u00a0% (2023) → 45\u00a0% (2025))"
    )
    worsened = section(glance, "### Heikentyneet mittarit")
    assert "Paljon istuvien osuus (tavoite: Arkiliikunta lisääntyy) – ↘ heikentynyt" in worsened


def test_markdown_shows_each_goal_and_action_with_its_assessment(repository) -> None:  # type: ignore[no-untyped-def]
    md = report(repository, 2025, lang="fi")
    area = section(md, "## 1. Liikkumisen lisääminen")
    # one table: the goal's row, then its actions with something to say for the year
    rows = [line for line in area.splitlines() if line.startswith("| ")]
    assert rows[0] == (
        "| Tavoite tai toimenpide | Vastuutaho | Määräaika | Tila | Arviointi 2025 |"
    )
    assert rows[2] == (
        "| **Tavoite: Arkiliikunta lisääntyy** | KUVA | – | – ei määräaikaa (ei toteutunut "
        "suunnitellusti vuonna 2025) | ! viivästynyt: Kampanjan toinen vaihe viivästyi "
        "henkilöstövajeen vuoksi. (kokonaisuudessaan liitteessä) (12\u00a0000 euroa; 30 "
        "henkilötyöpäivää) |"
    )
    assert rows[3] == (
        "| Toimenpide: Liikuntaneuvonta vakiintuu | KUVA | 30.6.2025 | ✓ valmis 20.5.2025, "
        "ajallaan | ✓ toteutunut: Neuvonta on vakiintunut kaikissa kunnissa. |"
    )
    assert "| ⊘ luovuttu vuonna 2025 | ⊘ luovuttu: Kartoitus tehdään kunnissa. |" in rows[5]
    # an action with nothing to say for the year is listed compactly, not given a row
    assert "Ei määräaikaa eikä arviointia vuodelta 2025:\n\n- Toimenpide: Uimakoulujen" in area
    assert not any("Uimakoulujen" in row for row in rows)
    # the assessments in full in an appendix: every paragraph, resources, who and when
    full = section(md, "## Liite: arvioinnit kokonaisuudessaan")
    goal = full[full.index("- Tavoite: **Arkiliikunta lisääntyy** – ! viivästynyt") :]
    assert "\n\n  Kampanjan toinen vaihe viivästyi henkilöstövajeen vuoksi.\n\n" in goal
    assert "\n\n  Työ jatkuu vuonna 2026.\n" in goal  # the second paragraph
    assert "  Resurssit: 12\u00a0000 euroa; 30 henkilötyöpäivää; Hankerahoitus" in goal
    assert "  Arvioija: Hyte-koordinaattori, 12.1.2026" in goal
    assert "- Toimenpide: **Pyöräilyreittien kartoitus** – ⊘ luovuttu" in full
    # a title ending in "." is not followed by ":" (no "vakiintuu.:")
    assert ".:" not in md and ".**:" not in md
    # 2024's assessments in 2024's report, not 2025's
    md24 = report(repository, 2024, lang="fi")
    assert "| ↗ etenee suunnitellusti: Arkiliikunnan kampanja käynnistyi keväällä. |" in md24
    assert "| ◐ kesken: Neuvontaa kokeiltiin kahdessa kunnassa. |" in md24
    assert "viivästynyt" not in md24


def test_swedish_report_uses_swedish_texts_and_marks_the_finnish_ones(repository) -> None:  # type: ignore[no-untyped-def]
    md24 = report(repository, 2024, lang="sv")
    assert section(md24, "## Sammandrag av år 2024").strip().split("\n\n") == [
        "År 2024 var planens första år.",
        "Arbetet för att öka motionen framskred enligt plan.",
    ]
    conclusions = section(md24, "## Slutsatser")
    assert conclusions.strip().startswith("Arbetet har börjat väl.")
    assert "### Fokus för nästa år\n\nKampanjens andra fas." in conclusions
    assert "- **Författare:** Hyte-koordinaattori; Välfärdsarbetsgruppen" in conclusions
    assert (
        "- **Behandling:** Regionstyrelsen 14.4.2025 § 45; Regionfullmäktige 5.5.2025 § 12 "
        "<https://example.org/poytakirja-2025-05-05>" in conclusions
    )
    assert "| ↗ framskrider enligt plan: Kampanjen för vardagsmotion inleddes på våren. |" in md24
    # Finnish-only titles are marked "(fi)" under one notice at the top
    md = report(repository, 2025, lang="sv")
    assert md.count("Planens texter som inte finns på svenska visas på finska") == 1
    assert "| Åtgärd: Pyöräilyreittien kartoitus (fi) |" in md

    html = report(repository, 2025, "html", lang="sv")
    summary = html[
        html.index('<section id="year-summary"') : html.index('<section id="highlights"')
    ]
    # the marker reads as a word, "(fi)", not as a boxed code
    assert (
        '<p lang="fi">Istumisen osuus kasvoi. <span class="fallback" lang="sv">(fi)</span></p>'
        in summary
    )
    assert "<sup" not in html
    assert html.split("</header>")[0].count("Planens texter som inte finns på svenska") == 1
    assert (
        '<span class="badge assessment-delayed"><span aria-hidden="true">!</span> försenad</span>'
        in html
    )
    assert "<p>Kampanjens andra fas försenades på grund av personalbrist.</p>" in html


def test_html_has_the_same_parts_in_order(repository) -> None:  # type: ignore[no-untyped-def]
    html = report(repository, 2025, "html", lang="fi")
    order = [
        'id="year-summary"',
        'id="highlights"',
        'id="summary"',
        'id="area-liikkuminen"',
        'id="indicators"',
        'id="overdue"',
        'id="conclusions"',
        'id="assessments"',
        'id="progress-numbers"',
        'id="values"',
        'id="sources"',
        'id="about"',
    ]
    positions = [
        html.index(f"<section {marker}") if f"<section {marker}" in html else html.index(marker)
        for marker in order
    ]
    assert positions == sorted(positions)
    highlights = html[html.index('<section id="highlights"') : html.index('<section id="summary"')]
    assert highlights.count("<li>") == 6  # completed 1, missed 2, improved 2, worsened 1
    assert '<a href="#action-liikuntaneuvonta">Liikuntaneuvonta vakiintuu</a>' in highlights
    start = html.index('<table class="goals">')
    goals = html[start : html.index("</table>", start)]
    assert goals.count('<tr class="goal-row"') == 1 and goals.count('<tr class="action-row"') == 3
    assert 'title="tunniste suunnitelman tiedostoissa: liikuntaneuvonta"' in goals
    assert ">liikuntaneuvonta<" not in html  # ids only where a reader looks them up
    assert '<li id="action-uimakoulut"' in html  # listed compactly, still linkable


def test_json_carries_the_texts_highlights_and_assessments(repository) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(report(repository, 2025, "json", lang="sv"))
    texts = data["texts"]
    assert texts["path"] == "reports/2025.yaml" and texts["written"] is True
    assert texts["summary"]["lang"] == "fi" and texts["summary"]["fallback"] is True
    assert texts["conclusions"] is None and texts["council"] == []
    highlights = data["highlights"]
    assert [e["id"] for e in highlights["completed"]] == ["liikuntaneuvonta"]
    assert [e["id"] for e in highlights["missed"]] == ["liikkuva-arki", "kampanja"]
    assert highlights["improved"][0]["change"] == "40\u00a0% (2023) → 45\u00a0% (2025)"
    assert highlights["worsened"][0]["progress_status"] == "deterioration"
    items = {item["id"]: item for item in data["items"]}
    goal = items["liikkuva-arki"]["assessment"]
    assert goal["status"] == "delayed" and goal["status_name"] == "försenad"
    assert goal["text"]["lang"] == "sv" and goal["text"]["text"].startswith("Kampanjens andra fas")
    assert goal["resources"] == {
        "euros": 12000.0,
        "person_days": 30.0,
        "text": {"text": "Projektfinansiering", "lang": "sv", "fallback": False},
    }
    assert items["uimakoulut"]["assessment"] is None
    assert "assessment" not in items["liikkuvien-osuus"]  # indicators have none
    data24 = json.loads(report(repository, 2024, "json", lang="fi"))
    assert data24["texts"]["council"][1] == {
        "body": {"text": "Aluevaltuusto", "lang": "fi", "fallback": False},
        "date": "2025-05-05",
        "section": "§ 12",
        "url": "https://example.org/poytakirja-2025-05-05",
    }


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_missing_year_texts_are_said_plainly(repo_copy: Path, fmt: str) -> None:
    (repo_copy / "reports" / "2025.yaml").unlink()
    text = report(load_repository(repo_copy), 2025, fmt, lang="en")
    if fmt == "json":
        data = json.loads(text)
        assert data["texts"] == {
            "path": "reports/2025.yaml", "written": False, "summary": None,
            "conclusions": None, "next_year": None, "authors": [], "council": [],
        }  # fmt: skip
        return
    assert "The coordinator's summary of 2025 has not been written." in text
    assert "The conclusions and next year's focus of 2025 have not been written." in text
    # the councillor reading the report is not sent to a file of the repository
    assert "reports/2025.yaml" not in text
    if fmt == "markdown":
        # no section is left empty: a heading is followed by text or by a lower heading
        lines = text.splitlines()
        at = [i for i, line in enumerate(lines) if line.startswith("#")]
        for first, second in zip(at, at[1:], strict=False):
            deeper = len(lines[second].split(" ")[0]) > len(lines[first].split(" ")[0])
            assert deeper or any(lines[first + 1 : second]), lines[first]


@pytest.mark.parametrize(
    ("name", "year", "fmt", "lang"), [("year-2025-sv.md", 2025, "markdown", "sv")]
)
def test_year_fixture_golden(repository, name: str, year: int, fmt: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    check_golden(name, report(repository, year, fmt, lang))


def test_the_report_maker_is_told_where_the_missing_texts_go(repo_copy: Path) -> None:
    from typer.testing import CliRunner

    from hytecli.cli import app

    (repo_copy / "reports" / "2025.yaml").unlink()
    args = ["report", "--repo", str(repo_copy), "--year", "2025", "--lang", "en"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "reports/2025.yaml" not in result.stdout
    assert (
        "hyte: note: the coordinator's texts of 2025 are not written yet (summary, conclusions, "
        "next_year): write them in reports/2025.yaml" in result.stderr
    )
    written = CliRunner().invoke(app, [*args[:-4], "--year", "2024", "--lang", "en"])
    assert written.exit_code == 0 and "note:" not in written.stderr  # 2024's texts are written


def test_an_assessment_without_its_author_is_not_shown_as_assessed_by_a_date(
    repo_copy: Path,
) -> None:
    # Trial finding: without --by the appendix printed "Arvioija: 13.2.2026" (assessed by: a date).
    area = repo_copy / "plan" / "liikkuminen.yaml"
    text = area.read_text(encoding="utf-8")
    assert "        by: Hyte-koordinaattori\n        date: 2026-01-12\n" in text
    area.write_text(
        text.replace(
            "        by: Hyte-koordinaattori\n        date: 2026-01-12\n",
            "        date: 2026-01-12\n",
        ),
        encoding="utf-8",
    )
    repository = load_repository(repo_copy)
    for lang, label in (("fi", "Arvioitu"), ("sv", "Bedömd"), ("en", "Assessed on")):
        md = report(repository, 2025, lang=lang)
        assert f"{label}: 12.1.2026" in md or f"{label}: 12 Jan 2026" in md, lang
        html = report(repository, 2025, fmt="html", lang=lang)
        assert f"<dt>{label}</dt>" in html
    assert "Arvioija: 12.1.2026" not in report(repository, 2025)
