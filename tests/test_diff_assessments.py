"""Assessments in `hyte diff` and `hyte export` (fictional fixtures: the plan of tests/gitplan.py).

An assessment is matched by its year: one added, removed or changed (status in words, text word
by word per language, resources, who assessed and when) is one change each, in text, Markdown
and JSON; `hyte export` carries every assessment with its goal or action.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import write_tree
from gitplan import BASE_FILES, edited, git_env  # noqa: F401
from hytecli.diff_render import render_json, render_markdown, render_text
from hytecli.export import export_plan
from hytecli.plandiff import diff_plans
from hytecli.repository import PlanRepository, load_repository

AREA = "plan/alue-a.yaml"
AT = "        title: Toimenpide kaksi\n"

BEFORE = AT + textwrap.indent(
    """\
assessments:
  - year: 2024
    status: in_progress
    text:
      fi: Koulutus käynnistyi syksyllä kahdessa kunnassa.
      sv: Utbildningen inleddes på hösten.
    resources: {euros: 12000}
    by: Koordinaattori
  - year: 2025
    status: not_started
""",
    " " * 8,
)
AFTER = AT + textwrap.indent(
    """\
assessments:
  - year: 2025
    status: on_track
    date: 2026-02-10
  - year: 2024
    status: completed
    text:
      fi: Koulutus käynnistyi syksyllä kolmessa kunnassa.
      sv: Utbildningen inleddes på hösten.
    resources: {euros: 15000, person_days: 30}
    by: Hyte-koordinaattori
  - year: 2026
    status: merged
    merged_into: tavoite-1
""",
    " " * 8,
)


def load(root: Path, changes: dict[str, str]) -> PlanRepository:
    write_tree(root, {**BASE_FILES, **changes})
    repository = load_repository(root)
    assert repository.findings == []
    return repository


def test_assessments_matched_by_year_in_text_markdown_and_json(tmp_path: Path) -> None:
    before = load(tmp_path / "a", edited(AREA, (AT, BEFORE)))
    after = load(tmp_path / "b", edited(AREA, (AT, AFTER)))
    diff = diff_plans(before, after)
    text = render_text(diff)
    lines = [line for line in text.splitlines() if "assessment" in line]
    # reordering the list is no change; each field is one line, the status in words
    assert lines == [
        "  ~ action toimenpide-2: assessment 2025 status: not started → on track as planned",
        "  + action toimenpide-2: assessment 2025 date added: 2026-02-10",
        "  ~ action toimenpide-2: assessment 2024 status: in progress → completed",
        "  ~ action toimenpide-2: assessment 2024 text: Koulutus käynnistyi syksyllä "
        "[-kahdessa-]{+kolmessa+} kunnassa.",
        "  ~ action toimenpide-2: assessment 2024 resources.euros: 12000 → 15000",
        "  + action toimenpide-2: assessment 2024 resources.person_days added: 30",
        "  ~ action toimenpide-2: assessment 2024 by: Koordinaattori → Hyte-koordinaattori",
        "  + action toimenpide-2: assessment 2026 added: merged; merged_into tavoite-1",
    ]
    markdown = render_markdown(diff)
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 status: in progress → completed"
        in markdown
    )
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 text: Koulutus käynnistyi "
        "syksyllä <del>kahdessa</del><ins>kolmessa</ins> kunnassa." in markdown
    )
    data = json.loads(render_json(diff))
    status = next(c for c in data["changes"] if c["field"] == "assessments.status")
    assert (status["key"], status["old"], status["new"]) == ("2025", "not_started", "on_track")
    texts = [c for c in data["changes"] if c["field"] == "assessments.text"]
    assert [(c["key"], c["language"]) for c in texts] == [("2024", "fi")]
    assert {"op": "insert", "text": "kolmessa"} in texts[0]["words"]


def test_a_removed_assessment_needs_attention(tmp_path: Path) -> None:
    before = load(tmp_path / "a", edited(AREA, (AT, BEFORE)))
    after = load(tmp_path / "b", {})
    diff = diff_plans(before, after)
    removed = [c for c in diff.changes if c.field == "assessments"]
    assert [(c.change, c.key, c.attention) for c in removed] == [
        ("removed", "2024", True),
        ("removed", "2025", True),
    ]
    text = render_text(diff)
    assert (
        "! - action toimenpide-2: assessment 2025 removed (was: not started)" in text.splitlines()
    )
    assert (
        "! - action toimenpide-2: assessment 2024 removed (was: in progress; text Koulutus "
        "käynnistyi syksyllä kahdessa kunnassa., resources euros 12000, by Koordinaattori)"
    ) in text.splitlines()


def test_export_carries_assessments_with_their_item(tmp_path: Path) -> None:
    repository = load(tmp_path / "a", edited(AREA, (AT, AFTER)))
    data = export_plan(repository)
    goal = data["priority_areas"][0]["goals"][0]
    assert goal["assessments"] == []
    action = goal["actions"][1]
    assert action["id"] == "toimenpide-2"
    assert action["assessments"] == [
        {
            "year": 2025,
            "status": "on_track",
            "text": None,
            "merged_into": None,
            "resources": None,
            "by": None,
            "date": "2026-02-10",
        },
        {
            "year": 2024,
            "status": "completed",
            "text": {
                "fi": "Koulutus käynnistyi syksyllä kolmessa kunnassa.",
                "sv": "Utbildningen inleddes på hösten.",
            },
            "merged_into": None,
            "resources": {"euros": 15000.0, "person_days": 30.0, "text": None},
            "by": "Hyte-koordinaattori",
            "date": None,
        },
        {
            "year": 2026,
            "status": "merged",
            "text": None,
            "merged_into": "tavoite-1",
            "resources": None,
            "by": None,
            "date": None,
        },
    ]
    assert list(action)[list(action).index("completed") + 1] == "assessments"
    assert data["plan"]["assessment_round"] == {"opens": "02-01"}


def _cli(*args: str) -> str:
    from typer.testing import CliRunner

    from hytecli.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.usefixtures("git_env")
def test_a_text_changed_only_in_swedish_says_so_in_every_format(tmp_path: Path) -> None:
    # the plan is Finnish; `hyte assess --lang sv --replace` adds, then changes, the Swedish text
    from gitplan import git, init_repo

    repo = init_repo(tmp_path / "plan")
    assess = ("assess", "toimenpide-2", "--repo", str(repo), "--year", "2024")
    _cli(*assess, "--status", "kesken", "--text", "Koulutus alkoi.", "--date", "2025-01-10")
    git(repo, "commit", "--quiet", "-am", "fi")
    sv = ("--status", "kesken", "--lang", "sv", "--replace", "--date", "2025-01-10")
    _cli(*assess, *sv, "--text", "FIKTIV Utbildningen började.")
    diff = ("diff", "--repo", str(repo), "HEAD")
    [line] = [line for line in _cli(*diff).splitlines() if "assessment" in line]
    assert line == (
        "  + action toimenpide-2: assessment 2024 text added in sv: FIKTIV Utbildningen började."
    )
    git(repo, "commit", "--quiet", "-am", "sv")
    _cli(*assess, *sv, "--text", "FIKTIV Utbildningen började i år.")
    [line] = [line for line in _cli(*diff).splitlines() if "assessment" in line]
    assert line == (
        "  ~ action toimenpide-2: assessment 2024 text changed in sv: FIKTIV Utbildningen "
        "började{+ i år+}."
    )
    markdown = _cli(*diff, "--format", "markdown")
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 text in sv: FIKTIV Utbildningen "
        "började <ins>i år</ins>." in markdown
    )
    [change] = json.loads(_cli(*diff, "--format", "json"))["changes"]
    assert (change["field"], change["language"], change["languages"]) == (
        "assessments.text",
        "sv",
        ["sv"],
    )
    assert change["new"] == "FIKTIV Utbildningen började i år."


TWO_PARAGRAPHS = AT + textwrap.indent(
    """\
assessments:
  - year: 2024
    status: in_progress
    text: |-
      Koulutus käynnistyi syksyllä kahdessa kunnassa, ja siihen osallistui
      kolmekymmentä työntekijää.

      Toinen kappale: resurssit riittivät.
""",
    " " * 8,
)


def test_paragraphs_stay_paragraphs_in_text_and_markdown(tmp_path: Path) -> None:
    before = load(tmp_path / "a", edited(AREA, (AT, TWO_PARAGRAPHS)))
    changed = TWO_PARAGRAPHS.replace("kahdessa", "kolmessa").replace(
        "riittivät", "eivät riittäneet"
    )
    after = load(tmp_path / "b", edited(AREA, (AT, changed)))
    text = render_text(diff_plans(before, after))
    assert (
        "  ~ action toimenpide-2: assessment 2024 text: Koulutus käynnistyi syksyllä "
        "[-kahdessa-]{+kolmessa+} kunnassa, ja siihen osallistui kolmekymmentä työntekijää.\n"
        "\n"
        "    Toinen kappale: resurssit [-riittivät-]{+eivät riittäneet+}.\n"
    ) in text
    markdown = render_markdown(diff_plans(before, after))
    assert (
        "- **Changed** action `toimenpide-2` assessment 2024 text: Koulutus käynnistyi syksyllä "
        "<del>kahdessa</del><ins>kolmessa</ins> kunnassa, ja siihen osallistui kolmekymmentä "
        "työntekijää.\n"
        "\n"
        "  Toinen kappale: resurssit <del>riittivät</del><ins>eivät riittäneet</ins>.\n"
    ) in markdown
    # an added text: its paragraphs too; a removed one in "(was: ...)"
    added = render_text(diff_plans(load(tmp_path / "c", {}), after))
    assert "työntekijää.\n\n    Toinen kappale: resurssit eivät riittäneet., by" not in added
    assert "kolmekymmentä työntekijää.\n\n    Toinen kappale: resurssit eivät riittäneet." in added
    # a paragraph starting like a list item is not one in Markdown
    dash = TWO_PARAGRAPHS.replace("Toinen kappale:", "- toinen kappale:")
    dash_after = dash.replace("riittivät", "eivät riittäneet")
    listed = render_markdown(
        diff_plans(
            load(tmp_path / "d", edited(AREA, (AT, dash))),
            load(tmp_path / "e", edited(AREA, (AT, dash_after))),
        )
    )
    assert "\n  \\- toinen kappale: resurssit <del>riittivät</del>" in listed, listed


def test_an_added_assessment_of_several_paragraphs_has_no_stray_separator(
    tmp_path: Path,
) -> None:
    # a YAML `|` block ends in a line break: the other fields used to follow the last
    # paragraph as "kunnat. , resources ..."
    added = AT + textwrap.indent(
        """\
assessments:
  - year: 2024
    status: in_progress
    text: |
      Koulutus käynnistyi, mutta aikataulu venyi.

      Suunnitelma kattaa kaikki kunnat.
    resources: {euros: 12000}
    by: Koordinaattori
""",
        " " * 8,
    )
    diff = diff_plans(load(tmp_path / "a", {}), load(tmp_path / "b", edited(AREA, (AT, added))))
    assert render_text(diff).endswith(
        "  + action toimenpide-2: assessment 2024 added: in progress; resources euros 12000, "
        "by Koordinaattori, text Koulutus käynnistyi, mutta aikataulu venyi.\n"
        "\n"
        "    Suunnitelma kattaa kaikki kunnat.\n"
    )
    assert render_markdown(diff).endswith(
        "- **Added** action `toimenpide-2` assessment 2024: in progress; resources euros 12000, "
        "by Koordinaattori, text Koulutus käynnistyi, mutta aikataulu venyi.\n"
        "\n"
        "  Suunnitelma kattaa kaikki kunnat.\n"
    )
    removed = render_text(
        diff_plans(load(tmp_path / "c", edited(AREA, (AT, added))), load(tmp_path / "d", {}))
    )
    assert " , " not in removed and "kunnat.)\n" in removed
