"""Year texts (`reports/<year>.yaml`) in `hyte diff`, read from real git revisions.

The coordinator's summary, conclusions, next year's focus, authors and council handling are what
councillors read first: a change to them is reported like a plan text's (word by word, per
language), a year file added or removed like an entity, in text, Markdown and JSON. All
repositories are temporary with real commits (tests/gitplan.py); every text is fictional.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from gitplan import BASE_FILES, commit, git_env, init_repo, write_files  # noqa: F401
from hytecli.cli import app

pytestmark = pytest.mark.usefixtures("git_env")

YEAR_2025 = """\
    # fictional fixture
    year: 2025
    summary:
      fi: |
        FIKTIIVINEN Asunnottomien määrä kasvoi kolmessa kunnassa.

        Toinen kappale: työ jatkuu.
    conclusions: Yhteistyö tiivistyi.
    authors: [Hyte-koordinaattori]
    council:
      - body: {fi: Aluehallitus, sv: Regionstyrelsen}
        date: 2026-04-14
        section: "§ 45"
    """
PATH = "reports/2025.yaml"


def run_diff(repo: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(app, ["diff", "--repo", str(repo), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.output
    return result


def year_lines(repo: Path, *args: str) -> list[str]:
    """The text output's lines after the ``Year texts`` heading, up to the next blank line."""
    lines = run_diff(repo, *args).stdout.splitlines()
    start = lines.index("Year texts (reports/)") + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def json_changes(repo: Path, *args: str) -> list[dict[str, Any]]:
    data = json.loads(run_diff(repo, "--format", "json", *args).stdout)
    return [c for c in data["changes"] if c["entity"] == "year"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return init_repo(tmp_path / "plan", {**BASE_FILES, PATH: YEAR_2025})


def edit(repo: Path, old: str, new: str) -> None:
    path = repo / PATH
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), "utf-8")


def test_a_reversed_summary_is_shown_word_by_word_in_every_format(repo: Path) -> None:
    edit(repo, "kasvoi", "laski")
    text = run_diff(repo).stdout
    assert "No plan changes" not in text
    assert (
        "Year texts (reports/)\n"
        "  ~ year 2025: summary: FIKTIIVINEN Asunnottomien määrä [-kasvoi-]{+laski+} kolmessa "
        "kunnassa.\n"
        "\n"
        "    Toinen kappale: työ jatkuu.\n"
    ) in text
    markdown = run_diff(repo, "--format", "markdown").stdout
    assert "### Year texts (reports/)" in markdown
    assert (
        "- **Changed** year `2025` summary: FIKTIIVINEN Asunnottomien määrä "
        "<del>kasvoi</del><ins>laski</ins> kolmessa kunnassa.\n\n  Toinen kappale: työ jatkuu.\n"
    ) in markdown
    data = json.loads(run_diff(repo, "--format", "json").stdout)
    assert data["sections"] == [
        {"kind": "years", "id": None, "title": None, "number": None, "changes": 1}
    ]
    [change] = data["changes"]
    assert (change["entity"], change["id"], change["change"], change["field"]) == (
        "year",
        "2025",
        "changed",
        "summary",
    )
    assert (change["language"], change["languages"], change["title"]) == ("fi", [], PATH)
    assert {"op": "delete", "text": "kasvoi"} in change["words"]
    assert {"op": "insert", "text": "laski"} in change["words"]
    assert change["new"].startswith("FIKTIIVINEN Asunnottomien määrä laski")
    # --exit-code: a change of the year texts is a change
    run_diff(repo, "--exit-code", code=1)


def test_a_swedish_text_added_says_added_in_sv(repo: Path) -> None:
    edit(
        repo,
        "conclusions: Yhteistyö tiivistyi.",
        "conclusions:\n  fi: Yhteistyö tiivistyi.\n  sv: FIKTIV Samarbetet fördjupades.",
    )
    assert year_lines(repo) == [
        "  + year 2025: conclusions added in sv: FIKTIV Samarbetet fördjupades."
    ]
    markdown = run_diff(repo, "--format", "markdown").stdout
    assert "- **Added** year `2025` conclusions in sv: FIKTIV Samarbetet fördjupades." in markdown
    [change] = json_changes(repo)
    assert (change["change"], change["field"], change["language"], change["languages"]) == (
        "added",
        "conclusions",
        "sv",
        ["sv"],
    )


def test_other_fields_authors_council_and_next_year(repo: Path) -> None:
    edit(repo, "[Hyte-koordinaattori]", "[Hyte-koordinaattori, Hyvinvointityöryhmä]")
    edit(repo, '"§ 45"', '"§ 46"\n    url: https://example.invalid/poytakirja')
    edit(repo, "conclusions:", "next_year: Painopisteenä nuoret.\nconclusions:")
    assert year_lines(repo) == [
        "  + year 2025: next_year added: Painopisteenä nuoret.",
        "  ~ year 2025: authors: Hyte-koordinaattori → Hyte-koordinaattori; Hyvinvointityöryhmä",
        "  ~ year 2025: council 2026-04-14 section: § 45 → § 46",
        "  + year 2025: council 2026-04-14 url added: https://example.invalid/poytakirja",
    ]
    fields = [(c["field"], c["key"], c["value_type"]) for c in json_changes(repo)]
    assert fields == [
        ("next_year", None, "text"),
        ("authors", None, "set"),
        ("council.section", "2026-04-14", "value"),
        ("council.url", "2026-04-14", "value"),
    ]


def test_a_council_handling_added_and_removed(repo: Path) -> None:
    edit(
        repo,
        "  - body: {fi: Aluehallitus",
        "  - body: {fi: Aluevaltuusto, sv: Regionfullmäktige}\n"
        "    date: 2026-06-10\n"
        '    section: "§ 12"\n'
        "  - body: {fi: Aluehallitus",
    )
    assert year_lines(repo) == [
        "  + year 2025: council 2026-06-10 added: body Aluevaltuusto, section § 12 "
        "(added in sv: “Regionfullmäktige”)"
    ]
    commit(repo, {})
    write_files(repo, {PATH: YEAR_2025})
    assert year_lines(repo) == [
        "! - year 2025: council 2026-06-10 removed (was: body Aluevaltuusto, section § 12)"
    ]


def test_a_year_file_added_and_one_removed(repo: Path) -> None:
    write_files(repo, {"reports/2026.yaml": "year: 2026\nsummary: FIKTIIVINEN Uusi vuosi.\n"})
    assert year_lines(repo) == ["  + year 2026: reports/2026.yaml (written: summary)"]
    commit(repo, {}, "2026 written")
    write_files(repo, {PATH: None})
    text = run_diff(repo, "HEAD")
    assert "1 needs attention" in text.stdout
    assert year_lines(repo, "HEAD") == [
        "! - year 2025: reports/2025.yaml (written: summary, conclusions, authors, council)"
    ]
    markdown = run_diff(repo, "HEAD", "--format", "markdown").stdout
    assert "- ⚠️ **Removed** year `2025`: <del>reports/2025.yaml</del>" in markdown
    [change] = json_changes(repo, "HEAD")
    assert (change["change"], change["value_type"], change["attention"]) == (
        "removed",
        "entity",
        True,
    )
    assert change["old"]["summary"]["fi"].startswith("FIKTIIVINEN Asunnottomien")
    assert change["old"]["council"][0]["date"] == "2026-04-14"
    # between two commits (both read through git), the file added is reported too
    [added] = json_changes(repo, "HEAD~1", "HEAD")
    assert (added["id"], added["change"], added["new"]["summary"]) == (
        "2026",
        "added",
        {"fi": "FIKTIIVINEN Uusi vuosi."},
    )


def test_no_plan_changes_only_when_the_year_texts_are_the_same(repo: Path) -> None:
    # the same texts written in another YAML style, keys reordered and the file renamed to .yml
    write_files(
        repo,
        {
            PATH: None,
            "reports/2025.yml": """\
                authors:
                  - Hyte-koordinaattori
                council:
                  - {date: 2026-04-14, section: "§ 45",
                     body: {sv: Regionstyrelsen, fi: Aluehallitus}}
                conclusions: {fi: "Yhteistyö tiivistyi."}
                summary:
                  fi: "FIKTIIVINEN Asunnottomien määrä kasvoi kolmessa kunnassa.\\n\\n\\
                    Toinen kappale: työ jatkuu.\\n"
                year: 2025
                """,
        },
    )
    assert run_diff(repo).stdout.startswith("No plan changes from ")
    assert json.loads(run_diff(repo, "--format", "json").stdout)["changes"] == []
    edit_path = repo / "reports/2025.yml"
    edit_path.write_text(edit_path.read_text("utf-8").replace("§ 45", "§ 44"), "utf-8")
    assert "No plan changes" not in run_diff(repo).stdout


def test_a_broken_year_file_is_refused_like_a_broken_plan_file(repo: Path) -> None:
    base = commit(repo, {PATH: YEAR_2025.replace("year: 2025", "year: 2024")}, "wrong year")
    commit(repo, {PATH: YEAR_2025}, "fixed")
    result = run_diff(repo, "HEAD~1", "HEAD", code=1)
    assert f"the plan at revision HEAD~1 ({base[:7]}) has errors" in result.stderr
    assert "reports/2025.yaml:2:7: error T001 reports/2025.yaml holds year 2024" in result.stderr
    write_files(repo, {PATH: "year: 2025\nsummary: [\n"})
    result = run_diff(repo, "HEAD", code=1)
    assert "the plan in the working tree has errors" in result.stderr
    assert "reports/2025.yaml:" in result.stderr


def test_the_year_texts_come_after_the_plan_and_before_the_areas(repo: Path) -> None:
    edit(repo, "kasvoi", "laski")
    write_files(repo, {"plan/alue-b.yaml": BASE_FILES["plan/alue-b.yaml"].replace("kolme", "3")})
    path = repo / "plan/plan.yaml"
    path.write_text(path.read_text("utf-8").replace("short_name: TEST", "short_name: T"), "utf-8")
    lines = run_diff(repo).stdout.splitlines()
    headings = [line for line in lines if line and not line.startswith((" ", "!"))]
    assert headings[1:] == [
        "Plan: Testisuunnitelma 2024–2026",
        "Year texts (reports/)",
        "Priority area 2. Alue B (alue-b)",
    ]
    kinds = [s["kind"] for s in json.loads(run_diff(repo, "--format", "json").stdout)["sections"]]
    assert kinds == ["plan", "years", "area"]
