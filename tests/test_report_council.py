"""The annual report as the council reads it (issue 10; issue 12 item 5): structure and content.

The fictional fixture tests/data/year-fixture has assessments and the year's texts in Finnish
and Swedish, indicator values, an indicator with the county's, the whole country's and two
municipalities' values as if from Sotkanet (fictional numbers), a one-off yes/no indicator and
plan text in Finnish only. tests/data/luvn-frozen is the real plan as it was before anything was
recorded, for the "nothing recorded" sentence (the live plan must not be frozen in that state).
Reports are made "on" 15.1.2026 (report_support.FIXTURE_NOW).
"""

from __future__ import annotations

import json
import re
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from hytecli.report import ReportOptions, Revision, build_context, render_report
from hytecli.report.texts import PlanText
from hytecli.report.year import brief_text
from hytecli.repository import PlanRepository, load_repository
from report_support import FIXTURE_NOW, ROOT

YEAR_FIXTURE = ROOT / "tests" / "data" / "year-fixture"
FROZEN = ROOT / "tests" / "data" / "luvn-frozen"
CLEAN = Revision("clean", "0" * 40)
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def repository() -> PlanRepository:
    return load_repository(YEAR_FIXTURE)


def report(repository: PlanRepository, fmt: str = "markdown", lang: str = "fi") -> str:
    options = ReportOptions(year=2025, language=lang)
    return render_report(repository, options, fmt, now=FIXTURE_NOW, revision=CLEAN)  # type: ignore[arg-type]


def _section(md: str, heading: str) -> str:
    return md.split(f"\n{heading}\n")[1].split("\n## ")[0]


def _rows(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


# --- the indicators: one table per area --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "sotkanet_row", "one_off"),
    [
        (
            "fi",
            "## Mittarit",
            f"| Terveystarkastusten osuus (vuosittain) | 40,5{NBSP}% (2025) | vähintään koko maan "
            f"taso viimeistään 31.12.2026; suurempi on parempi | ↗ edistyy tavoitteen mukaisesti: "
            f"38{NBSP}% (2023) → 40,5{NBSP}% (2025) | koko maan taso: 42{NBSP}% (2025) | THL, "
            "Sotkanet 9001, haettu 5.1.2026 |",
            "| Liikuntapaikkojen kartoitus tehty (kertaluonteinen, määräaika 31.12.2024) | kyllä "
            "(2024) |",
        ),
        (
            "sv",
            "## Indikatorer",
            f"| Andelen hälsokontroller (årsvis) | 40,5{NBSP}% (2025) | minst hela landets nivå "
            f"senast 31.12.2026; högre är bättre | ↗ framskrider enligt målet: 38{NBSP}% (2023) → "
            f"40,5{NBSP}% (2025) | hela landets nivå: 42{NBSP}% (2025) | THL, Sotkanet 9001, "
            "hämtad 5.1.2026 |",
            "| Liikuntapaikkojen kartoitus tehty (fi) (en gång, tidsfrist 31.12.2024) | ja "
            "(2024) |",
        ),
    ],
)
def test_indicator_table_has_latest_value_target_progress_comparison_and_source(
    repository: PlanRepository, lang: str, heading: str, sotkanet_row: str, one_off: str
) -> None:
    md = report(repository, lang=lang)
    indicators = _section(md, heading)
    rows = _rows(indicators, "| ")
    assert sotkanet_row in rows
    # a yes/no indicator with a deadline that does not recur is one-off, not "yearly"
    assert any(row.startswith(one_off) for row in rows)
    assert "vuosittain) | kyllä" not in md and "årsvis) | ja" not in md
    # every indicator with a value has one row in the area's table; a chart's data and the
    # municipalities follow in their own tables
    assert len(_rows(indicators, "| Riittävästi") + _rows(indicators, "| Andelen som rör")) == 1


def test_municipalities_and_the_whole_country_from_sotkanet(repository: PlanRepository) -> None:
    md = report(repository, lang="fi")
    indicators = _section(md, "## Mittarit")
    # the "kuntakortti" view: each municipality's latest value and its period
    card = indicators.split("**Kunnittain: Terveystarkastusten osuus**")[1]
    assert _rows(card, "| ")[2:4] == [
        f"| Kuvala | 44{NBSP}% | 2025 |",
        f"| Metsälä | 35{NBSP}% | 2025 |",
    ]
    # the chart's data: the county against the whole country, period by period
    trend = indicators.split("**Kehitys: Terveystarkastusten osuus**")[1].split("**")[0]
    assert "(tavoitetaso: vähintään koko maan taso)" in trend
    assert f"| kirjattu arvo |  | 39,5{NBSP}% | 40,5{NBSP}% |" in trend
    assert f"| koko maan taso |  | 41,5{NBSP}% | 42{NBSP}% |" in trend
    # the source cited with its licence and the retrieval date
    sources = _section(md, "## Lähteet")
    assert "THL:n tilastoja Sotkanetista (sotkanet.fi), lisenssillä CC BY 4.0" in sources
    assert "- THL, Sotkanet 9001: Terveystarkastusten osuus; haettu 5.1.2026" in sources
    sv = report(repository, lang="sv")
    assert "| Kuvby | 44" in sv and "| Metsälä (fi)" not in sv  # a name is not marked in Markdown


def test_html_charts_show_the_county_with_the_country_and_their_data(
    repository: PlanRepository,
) -> None:
    html = report(repository, "html", lang="fi")
    section = html.split('<section id="indicators"')[1].split('<section id="overdue"')[0]
    charts = re.findall(r'<figure class="chart".*?</figure>', section, re.S)
    # three percentages with a baseline and two values; the yes/no indicator has no chart
    assert len(charts) == 3
    sotkanet = next(c for c in charts if "Terveystarkastusten osuus" in c)
    desc = re.search(r"<desc [^>]*>(.*?)</desc>", sotkanet, re.S)
    assert desc is not None
    assert f"Vertailutieto koko maan taso: 2024 41,5{NBSP}%; 2025 42{NBSP}%." in desc.group(1)
    assert "Arvoakseli alkaa nollasta." in desc.group(1)
    assert "koko maan taso" in sotkanet.split("</desc>")[1]  # named in the drawn legend
    # the same data as a table, next to the chart
    table = sotkanet.split('<table class="chart-data">')[1]
    assert "(tavoitetaso: vähintään koko maan taso)" in table
    assert (
        f'<th scope="row">koko maan taso</th><td class="number"></td><td class="number">41,5{NBSP}%'
        in table
    )
    # a target line is drawn and named
    liikkuvat = next(c for c in charts if "Riittävästi liikkuvien osuus" in c)
    assert f"tavoitetaso: vähintään 50{NBSP}%" in liikkuvat
    assert '<table class="municipal">' in section and '<th scope="row">Kuvala</th>' in section


def test_a_chart_only_from_two_numeric_values(repository: PlanRepository) -> None:
    context = build_context(
        repository, ReportOptions(year=2025, language="fi"), now=FIXTURE_NOW, revision=CLEAN
    )
    sections = {i.id: i for area in context.areas for i in area.indicators}
    assert sections["kartoitus-tehty"].chart is None  # yes/no: no trend to draw
    assert sections["tarkastusten-osuus"].chart is not None
    assert sections["tarkastusten-osuus"].chart_table is not None
    assert [row.label for row in sections["tarkastusten-osuus"].chart_table.rows] == [
        "lähtötaso",
        "kirjattu arvo",
        "koko maan taso",
    ]
    # the report of 2024, before the 2025 values: baseline and one value still make two
    context24 = build_context(
        repository, ReportOptions(year=2024, language="fi"), now=FIXTURE_NOW, revision=CLEAN
    )
    s24 = {i.id: i for area in context24.areas for i in area.indicators}
    assert s24["tarkastusten-osuus"].chart_table is not None
    assert s24["tarkastusten-osuus"].chart_table.periods == ["2023", "2024"]


# --- the summary and the languages ------------------------------------------------------------


def test_json_carries_the_sotkanet_values_and_the_reference(repository: PlanRepository) -> None:
    data = json.loads(report(repository, "json", lang="sv"))
    items = {item["id"]: item for item in data["items"]}
    indicator = items["tarkastusten-osuus"]["indicator"]
    assert indicator["latest"] == {"period": "2025", "value": 40.5, "date": "2026-01-05"}
    assert indicator["reference_value"]["value"] == 42.0
    assert indicator["progress_status"] == "on_track"
    assert items["kartoitus-tehty"]["state"] == "done"
    assert [e["id"] for e in data["highlights"]["improved"]] == [
        "liikkuvien-osuus",
        "tarkastusten-osuus",
    ]


def test_finnish_only_texts_are_marked_with_a_word_under_one_notice(
    repository: PlanRepository,
) -> None:
    html = report(repository, "html", lang="sv")
    header, body = html.split("</header>")
    assert header.count('<p class="notice">Planens texter som inte finns på svenska') == 1
    assert "<sup" not in html
    assert (
        '<span lang="fi">Pyöräilyreittien kartoitus</span> <span class="fallback">(fi)</span>'
        in body
    )
    md = report(repository, lang="sv")
    assert "| Åtgärd: Pyöräilyreittien kartoitus (fi) |" in md
    assert "(fi)" not in report(repository, lang="fi")


def test_nothing_recorded_is_said_plainly_first() -> None:
    frozen = load_repository(FROZEN)
    for lang, sentence in (
        (
            "fi",
            "Vuodelle 2025 ei ole kirjattu yhtään toteutumista, arviointia eikä mittarin arvoa: "
            "alla olevat tilat kertovat vain, että määräajat ovat kuluneet ilman kirjausta.",
        ),
        (
            "sv",
            "För 2025 har ingenting registrerats, varken ett genomförande, en bedömning eller ett "
            "indikatorvärde",
        ),
    ):
        md = report(frozen, lang=lang)
        summary = md.split("\n## ")[1]  # the summary of the year: the first section
        assert summary.split("\n\n")[1] == f"> {sentence}" or summary.split("\n\n")[1].startswith(
            f"> {sentence}"
        )
        html = report(frozen, "html", lang=lang)
        year_summary = html.split('<section id="year-summary"')[1].split("</section>")[0]
        assert '<p class="notice nothing-recorded">' + sentence[:40] in year_summary
    # in a year not over yet it says "yet" and does not claim that deadlines have passed
    ongoing = render_report(
        frozen, ReportOptions(year=2026, language="fi", as_of=date(2026, 6, 1)), "markdown",
        now=FIXTURE_NOW, revision=CLEAN,
    )  # fmt: skip
    assert "> Vuodelle 2026 ei ole vielä kirjattu yhtään toteutumista" in ongoing
    assert "määräajat ovat kuluneet" not in ongoing
    # with assessments and values recorded there is no such sentence
    assert "ei ole kirjattu yhtään" not in report(load_repository(YEAR_FIXTURE), lang="fi")


def test_the_body_has_no_ids_or_git_words(repository: PlanRepository) -> None:
    for lang in ("fi", "sv"):
        md = report(repository, lang=lang)
        body = md.split("\n## Tietoa raportista\n")[0].split("\n## Om rapporten\n")[0]
        assert "git" not in body.lower() and "commit" not in body.lower()
        assert "liikkuva-arki" not in body and "tarkastusten-osuus" not in body
        assert "kuvitteellinen-vuosisuunnitelma" not in body
    about = report(repository, lang="fi").split("\n## Tietoa raportista\n")[1]
    assert "Tiedot: suunnitelman tietovaraston versio 000000000000." in about
    assert "Suunnitelman tunniste sen tiedostoissa: kuvitteellinen-vuosisuunnitelma." in about


def test_the_assessment_in_a_sentence_or_two() -> None:
    text = PlanText(
        "Kampanja toteutui 31.12.2025 mennessä. Osallistujia oli esim. kunnista 40. Kolmas.\n\n"
        "Toinen kappale.",
        "fi",
    )
    brief, shortened = brief_text(text)
    assert brief is not None and shortened
    assert (
        brief.text == "Kampanja toteutui 31.12.2025 mennessä. Osallistujia oli esim. kunnista 40."
    )
    assert brief_text(PlanText("Yksi lause.", "fi")) == (PlanText("Yksi lause.", "fi"), False)
    long = PlanText("A" * 280 + ". " + "B" * 50 + ".", "en")
    short, cut = brief_text(long)
    assert short is not None and short.text == "A" * 280 + "." and cut


# --- PDF --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_pdf_has_the_same_tables_and_charts(repository: PlanRepository, lang: str) -> None:
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    from hytecli.report.pdf import render_report_pdf

    data = render_report_pdf(
        repository, ReportOptions(year=2025, language=lang), now=FIXTURE_NOW, revision=CLEAN
    )
    reader = PdfReader(BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    words = {
        "fi": [
            "Tavoitteet ja toimenpiteet vuonna 2025",
            "Kunnittain: Terveystarkastusten osuus",
            "kertaluonteinen, määräaika 31.12.2024",
            "koko maan taso",
            "Kuvala",
            "Liite: arvioinnit kokonaisuudessaan",
        ],
        "sv": [
            "Mål och åtgärder år 2025",
            "Per kommun: Andelen hälsokontroller",
            "en gång, tidsfrist 31.12.2024",
            "hela landets nivå",
            "Kuvby",
            "Pyöräilyreittien kartoitus (fi)",
        ],
    }[lang]
    for word in words:
        assert word in text, word
    assert len(reader.pages) <= 7
    assert text.index(words[0]) < text.index(words[1])  # goals before indicators


def test_pdf_page_counts_follow_what_was_recorded_not_the_plans_size(tmp_path: Path) -> None:
    # the frozen real plan (nothing recorded) fits the same bound as the live one
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    from hytecli.report.pdf import render_report_pdf

    data = render_report_pdf(
        load_repository(FROZEN),
        ReportOptions(year=2025, language="fi"),
        now=FIXTURE_NOW,
        revision=CLEAN,
    )
    assert len(PdfReader(BytesIO(data)).pages) <= 12
