"""The repository's own plan is the LUVN 2024–2026 plan, transcribed in full and verbatim.

The source text (tests/data/luvn-2024-2026-source.txt) is the plan as extracted from its PDF,
a copy of the project's seed. Texts are compared with all whitespace removed, because the PDF
extraction breaks lines (and words at hyphens) anywhere.

The repository's plan is live: values and completions are recorded in it as the plan goes on, so
the tests here check only what recording leaves as it is (the texts, the structure). That nothing
was recorded when the plan was transcribed is checked on the frozen copy, tests/data/luvn-frozen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hytecli.export import export_plan
from hytecli.repository import load_repository

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "tests" / "data" / "luvn-frozen"
SOURCE = (ROOT / "tests" / "data" / "luvn-2024-2026-source.txt").read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


SOURCE_SQUEEZED = squeeze(SOURCE)


@pytest.fixture(scope="module")
def repository():  # type: ignore[no-untyped-def]
    repo = load_repository(ROOT)
    assert repo.findings == []
    return repo


@pytest.fixture(scope="module")
def exported(repository):  # type: ignore[no-untyped-def]
    return export_plan(repository)


def test_every_priority_area_of_the_introduction_in_order(exported) -> None:  # type: ignore[no-untyped-def]
    listed = [area["listed_title"]["fi"] for area in exported["priority_areas"]]
    assert listed == [
        "Mielen hyvinvoinnin vahvistaminen",
        "Terveiden elintapojen tukeminen",
        "Hyvinvointi- ja terveyserojen kaventaminen",
        "Digitaalisten hyte-palvelujen kehittäminen",
        "Tiedolla johtamisen kehittäminen",
        "Turvallisuuden edistäminen",
        "Esteettömyyden ja saavutettavuuden edistäminen",
    ]
    sections = [
        (a["number"], a["title"]["fi"]) for a in exported["priority_areas"] if a["has_section"]
    ]
    assert sections == [
        (2, "Mielen hyvinvoinnin vahvistaminen"),
        (3, "Terveiden elintapojen edistäminen"),
        (4, "Hyvinvointi- ja terveyserojen kaventaminen"),
        (5, "Tiedolla johtamisen kehittäminen"),
        (6, "Turvallisuuden edistäminen"),
        (7, "Esteettömyyden ja saavutettavuuden parantaminen"),
    ]
    digital = exported["priority_areas"][3]
    assert (digital["has_section"], digital["goals"]) == (False, [])


def test_counts_of_goals_actions_and_indicators(exported) -> None:  # type: ignore[no-untyped-def]
    goals_per_area = [len(a["goals"]) for a in exported["priority_areas"]]
    assert goals_per_area == [2, 2, 6, 0, 4, 3, 2]
    actions = [len(g["actions"]) for a in exported["priority_areas"] for g in a["goals"]]
    assert actions == [1, 4, 2, 1, 1, 2, 1, 3, 3, 1, 3, 2, 2, 2, 1, 1, 1, 3, 3]
    assert len(exported["indicators"]) == 33
    assert all(ind["referenced_by"] for ind in exported["indicators"])


def test_the_plan_as_transcribed_recorded_nothing() -> None:
    exported = export_plan(load_repository(FROZEN))
    assert len(exported["indicators"]) == 33
    assert all(ind["values"] == [] for ind in exported["indicators"])
    assert all(ind["baseline"] is None for ind in exported["indicators"])
    items = [
        item
        for area in exported["priority_areas"]
        for goal in area["goals"]
        for item in (goal, *goal["actions"])
    ]
    assert len(items) == 19 + 37
    assert all(not item["completed"] for item in items)


def _texts(exported):  # type: ignore[no-untyped-def]
    for area in exported["priority_areas"]:
        if area["has_section"]:
            yield "area title", area["title"]["fi"]
            yield "area introduction", area["introduction"]["fi"]
            for note in area["footnotes"]:
                yield "footnote", note["text"]["fi"]
        for goal in area["goals"]:
            yield "goal", goal["title"]["fi"]
            for party in goal["responsible"]:
                yield "responsible", party["fi"]
            if goal["deadline"] and goal["deadline"]["wording"]:
                yield "goal deadline", goal["deadline"]["wording"]["fi"]
            for action in goal["actions"]:
                yield "action", action["title"]["fi"]
                if action["deadline"] and action["deadline"]["wording"]:
                    yield "action deadline", action["deadline"]["wording"]["fi"]
    for indicator in exported["indicators"]:
        wording = indicator["wording"] or indicator["name"]
        yield "indicator", wording["fi"]
        target = indicator["target"]
        if target and target["wording"]:
            yield "target", target["wording"]["fi"]
        if target and target["deadline"] and target["deadline"]["wording"]:
            yield "target deadline", target["deadline"]["wording"]["fi"]


def test_every_text_is_verbatim_from_the_plan(exported) -> None:  # type: ignore[no-untyped-def]
    missing = [
        (kind, text) for kind, text in _texts(exported) if squeeze(text) not in SOURCE_SQUEEZED
    ]
    assert missing == []


def test_sources_and_footnotes(exported) -> None:  # type: ignore[no-untyped-def]
    sources = exported["plan"]["sources"]
    assert [s["cited_as"] for s in sources] == ["THL 2023", "THL 2022", "STM 2020"]
    for source in sources:
        assert squeeze(source["citation"]["fi"]) in SOURCE_SQUEEZED
        assert squeeze(source["url"]) in SOURCE_SQUEEZED
    footnotes = [n["term"]["fi"] for a in exported["priority_areas"] for n in a["footnotes"]]
    assert footnotes == ["Kohtaamispaikkatoiminta", "Monimuotoisuuslupaus"]


def test_municipalities_and_council_terms(exported) -> None:  # type: ignore[no-untyped-def]
    plan = exported["plan"]
    assert [m["code"] for m in plan["municipalities"]] == [
        "049",
        "078",
        "149",
        "224",
        "235",
        "257",
        "444",
        "710",
        "755",
        "927",
    ]
    assert [(t["id"], t["start"], t["end"]) for t in plan["council_terms"]] == [
        ("2022-2025", "2022-03-01", "2025-05-31"),
        ("2025-2029", "2025-06-01", "2029-05-31"),
    ]


def test_deadlines_keep_the_plan_wording_beside_the_date(exported) -> None:  # type: ignore[no-untyped-def]
    deadlines = {
        action["id"]: action["deadline"]
        for area in exported["priority_areas"]
        for goal in area["goals"]
        for action in goal["actions"]
        if action["deadline"]
    }
    start_of_2025 = deadlines["liikuntaneuvonnan-kumppanuussopimus"]
    assert (start_of_2025["due"], start_of_2025["wording"]["fi"]) == (
        "2024-12-31",
        "vuoden 2025 alkuun mennessä",
    )
    yearly = deadlines["tietoiskut-ja-vaestoviestinta"]
    assert (yearly["form"], yearly["due"], yearly["annual_day"]) == ("annual", None, "12-31")


def test_export_is_deterministic_json(repository) -> None:  # type: ignore[no-untyped-def]
    from hytecli.export import export_json

    first = export_json(repository)
    assert first == export_json(load_repository(ROOT))
    assert json.loads(first)["format_version"] == 1


# --- the plan as transcribed, before anything was recorded (the frozen copy) ----------------------

#: Items due by 31.12.2024 (read from the plan files by hand; see test_status_real_plan.py), and
#: the yearly recurring action and its two indicators, whose 2024 entries are due on that day.
DUE_BY_2024 = {
    "hyte-maaritelma",
    "vakivaltatyon-verkostot",
    "liikuntaneuvonnan-verkosto",
    "liikuntaneuvonnan-kumppanuussopimus",
    "monimuotoisuuslupaus-kesarekrytoinnissa",
    "vammaisten-hyte-tiedon-kokoaminen",
    "liikuntaneuvonnan-verkosto-perustettu",
    "monimuotoisuuslupaus-nakyy-kesarekrytoinnissa",
    "vakivaltatyon-verkostojen-selvitys-valmis",
    "hyte-maaritelma-toteutui",
    "tietoiskut-ja-vaestoviestinta",
    "vaestoviestinnan-osallistujamaarat",
    "vaestoviestinnan-palautekyselyt",
}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_reports_on_the_plan_as_transcribed_say_no_values_are_recorded_yet(year: int) -> None:
    from hytecli.report import ReportOptions, render_report

    repository = load_repository(FROZEN)
    expected = {
        "fi": ("Arvoja ei ole kirjattu", "Millekään mittarille ei ole vielä kirjattu arvoja."),
        "sv": ("Inga värden registrerade före", "Inga värden har ännu registrerats för någon"),
        "en": ("No values recorded by", "No values recorded yet for any indicator."),
    }
    for lang, (listed, appendix) in expected.items():
        md = render_report(repository, ReportOptions(year=year, language=lang), revision=None)
        # each area's indicators in one compact list, not a block each: 33 indicators in all
        lists = [part.split("\n\n")[1] for part in md.split(listed)[1:]]
        assert sum(len(items.splitlines()) for items in lists) == 33, lang
        assert appendix in md
        html = render_report(
            repository, ReportOptions(year=year, language=lang), "html", revision=None
        )
        quiet = html.split('<section id="indicators"')[1].split("</section>\n\n<section")[0]
        assert quiet.count('<li id="indicator-') == 33, lang


def test_the_2024_report_made_today_on_a_fresh_clone() -> None:
    # Issue 8's first "done when": with nothing recorded, every item due by 31.12.2024 is overdue
    # and missed in the 2024 report, and nothing is "due soon" in a year that has ended.
    import subprocess
    import sys

    command = [sys.executable, "-m", "hytecli", "report", "--repo", str(FROZEN), "--year", "2024"]
    result = subprocess.run(
        [*command, "--format", "json"], capture_output=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    data = json.loads(result.stdout)
    assert data["year"] == 2024 and data["year_over"] is True
    states = {item["id"]: (item["state"], item["missed"]) for item in data["items"]}
    assert len(states) == 89
    assert {i for i, (state, missed) in states.items() if missed} == DUE_BY_2024
    assert {i for i, (state, _m) in states.items() if state == "overdue"} == DUE_BY_2024
    assert not any(state == "due_soon" for state, _m in states.values())
    assert {state for state, _m in states.values()} == {"overdue", "open", "no_deadline"}
