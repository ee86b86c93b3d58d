"""`hyte init`: a new plan repository that validates at once, from options or prompts.

All names and codes here are fictional.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from gitplan import commit, git, git_env  # noqa: F401
from hytecli.cli import app
from hytecli.repository import load_repository
from hytecli.scaffold import PlanSettings, ScaffoldProblem, render_files
from hytecli.yaml_scalars import yaml_string

# The pre-commit of the environment running the tests (the test extras install it).
PRE_COMMIT = str(Path(sys.executable).with_name("pre-commit"))

REPO_ROOT = Path(__file__).resolve().parent.parent
COUNTY = [
    "--name", "Testin hyvinvointialue", "--type", "wellbeing_services_county",
    "--start", "2024-01-01", "--end", "2026-12-31",
]  # fmt: skip


def run(*args: str, input: str | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_init_writes_a_plan_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "uusi"
    result = run("init", str(target), *COUNTY, "--no-git")
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert written == [
        ".gitattributes", ".github/workflows/hyte.yml", ".gitignore", ".pre-commit-config.yaml",
        "README.md",
        "indicators/README.md", "plan/painopiste-1.yaml", "plan/plan.yaml",
        "reports/README.md",
        "schemas/area.schema.json", "schemas/indicator.schema.json", "schemas/plan.schema.json",
        "schemas/year.schema.json",
        "templates/README.md",
    ]  # fmt: skip
    assert "wrote " in result.stdout and "0 errors, 1 warning" in result.stdout
    assert "warning P003 priority area 'painopiste-1' has no goals" in result.stdout
    assert not (target / ".git").exists()
    validate = run("validate", "--repo", str(target))
    assert validate.exit_code == 0, validate.output
    assert "0 errors" in validate.stdout
    plan_text = (target / "plan/plan.yaml").read_text("utf-8")
    assert plan_text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    area_text = (target / "plan/painopiste-1.yaml").read_text("utf-8")
    assert area_text.startswith("# yaml-language-server: $schema=../schemas/area.schema.json\n")
    assert (
        "$schema=../schemas/indicator.schema.json" in (target / "indicators/README.md").read_text()
    )
    assert "*.yaml text eol=lf" in (target / ".gitattributes").read_text()
    assert (
        "overrides the\npackaged default with the same name"
        in (target / "templates/README.md").read_text()
    )
    schema = json.loads((target / "schemas/plan.schema.json").read_text())
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_county_council_terms_are_prefilled_for_the_plan_period(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "a"), *COUNTY, "--no-git").exit_code == 0
    plan = load_repository(tmp_path / "a").plan
    assert plan is not None
    assert [(t.id, str(t.start), str(t.end)) for t in plan.council_terms] == [
        ("2022-2025", "2022-03-01", "2025-05-31"),
        ("2025-2029", "2025-06-01", "2029-05-31"),
    ]
    assert plan.organisation.type == "wellbeing_services_county"
    assert plan.id == "testin-hyvinvointialue-hyvinvointisuunnitelma-2024-2026"
    assert str(plan.title) == "Alueellinen hyvinvointisuunnitelma 2024–2026"
    assert [b.statute for b in plan.legal_basis] == ["612/2021"]
    later = [*COUNTY[:4], "--start", "2030-01-01", "--end", "2033-12-31"]
    assert run("init", str(tmp_path / "b"), *later, "--no-git").exit_code == 0
    assert load_repository(tmp_path / "b").plan.council_terms == []  # type: ignore[union-attr]


def test_municipality_council_terms_are_left_empty_with_a_comment(tmp_path: Path) -> None:
    result = run(
        "init", str(tmp_path / "kunta"), "--name", "Testikunta", "--type", "municipality",
        "--start", "2025-06-01", "--end", "2029-05-31", "--code", "999", "--no-git",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (tmp_path / "kunta/plan/plan.yaml").read_text("utf-8")
    assert "council_terms: []" in text
    assert "# Council terms (valtuustokausi) are not filled in" in text
    assert "2025-06-01\n    end:" not in text
    plan = load_repository(tmp_path / "kunta").plan
    assert plan is not None and plan.council_terms == [] and plan.legal_basis == []
    assert str(plan.title) == "Hyvinvointisuunnitelma 2025–2029"
    assert plan.organisation.code == "999"


def test_values_are_quoted_so_that_they_read_back_as_given(tmp_path: Path) -> None:
    result = run(
        "init", str(tmp_path / "q"), *COUNTY, "--no-git",
        "--name", 'Kunta: "Testi" # ei kommentti',
        "--name-sv", "yes", "--short-name", "no", "--code", "04",
        "--title", "2024-01-01", "--area", "Alue: [ensimmäinen] & *paras*", "--id", "x-1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    repository = load_repository(tmp_path / "q")
    assert repository.findings == []
    plan = repository.plan
    assert plan is not None
    assert plan.organisation.name.values == {"fi": 'Kunta: "Testi" # ei kommentti', "sv": "yes"}
    assert (plan.organisation.short_name, plan.organisation.code) == ("no", "04")
    assert (plan.id, str(plan.title)) == ("x-1", "2024-01-01")
    assert str(plan.priority_areas[0].title) == "Alue: [ensimmäinen] & *paras*"
    assert repository.areas[0].area.id == "alue-ensimmainen-paras"
    # The skeleton writes settings with hyte record's writer, in a form that also fits in [...]
    values = ["049", "no", "1:30", "0x1F", "null", "a: b", "- x", "ä", "#", "010", "1_0", "a, b"]
    for value in values:
        written = yaml_string(value, flow=True)
        assert yaml.safe_load(f"v: {written}") == {"v": value}
        assert yaml.safe_load(f"v: [{written}]") == {"v": [value]}
    assert yaml_string("a, [b]", flow=True) == "'a, [b]'" and yaml_string("a, [b]") == "a, [b]"


def test_a_setting_with_a_control_character_is_refused(tmp_path: Path) -> None:
    settings = PlanSettings(
        name="Kunta\x1b[2J",
        organisation_type="municipality",
        start=date(2025, 1, 1),
        end=date(2026, 12, 31),
    )
    with pytest.raises(ScaffoldProblem, match="control character"):
        render_files(settings.resolved())
    result = run("init", str(tmp_path / "c"), *COUNTY, "--no-git", "--name", "Kunta\x07")
    assert result.exit_code == 2 and "control character" in result.stderr
    assert not (tmp_path / "c").exists()


def test_missing_options_without_a_terminal_are_a_usage_error(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "x"), "--name", "Testi")
    assert result.exit_code == 2
    assert "missing --type, --start, --end" in result.stderr
    assert "run hyte init in a terminal" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2024-13-01"], "is not a date"),
        (["--end", "2023-12-31"], "--end 2023-12-31 is before --start 2024-01-01"),
        (["--language", "suomi"], "--language 'suomi' is not a language code"),
        (["--time-zone", "Mars/Olympus"], "--time-zone"),
        (["--id", "Iso Kirjain"], "--id 'Iso Kirjain' is not a valid id"),
        (
            ["--code", "49a"],
            "--code '49a' does not fit --type wellbeing_services_county: a wellbeing services "
            "county's code is two digits",
        ),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("init", str(tmp_path / "x"), *COUNTY, "--no-git", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "x" / "plan").exists()


def test_prompts_ask_for_what_is_missing(tmp_path: Path) -> None:
    answers = "Promptin kunta\nPK\nkunta\nmunicipality\n2025-13-01\n2025-06-01\n2029-05-31\n"
    result = run("init", str(tmp_path / "p"), "--interactive", "--no-git", input=answers)
    assert result.exit_code == 0, result.output
    assert "'kunta' is not one of" in result.output
    assert "is not a date" in result.output
    plan = load_repository(tmp_path / "p").plan
    assert plan is not None
    assert (str(plan.organisation.name), plan.organisation.short_name) == ("Promptin kunta", "PK")
    assert plan.organisation.type == "municipality"
    assert (str(plan.period.start), str(plan.period.end)) == ("2025-06-01", "2029-05-31")
    assert plan.id == "pk-hyvinvointisuunnitelma-2025-2029"


def test_refuses_to_overwrite_an_existing_plan(tmp_path: Path) -> None:
    target = tmp_path / "olemassa"
    assert run("init", str(target), *COUNTY, "--no-git").exit_code == 0
    before = (target / "plan/plan.yaml").read_bytes()
    result = run("init", str(target), *COUNTY, "--no-git", "--name", "Toinen")
    assert result.exit_code == 2
    assert "already holds a plan (plan/painopiste-1.yaml, plan/plan.yaml)" in result.stderr
    assert "does not overwrite" in result.stderr
    assert (target / "plan/plan.yaml").read_bytes() == before


@pytest.mark.parametrize("present", ["README.md", ".hidden", "notes/x.txt"])
def test_refuses_a_folder_that_is_not_empty_without_force(tmp_path: Path, present: str) -> None:
    target = tmp_path / "repo"
    (target / present).parent.mkdir(parents=True, exist_ok=True)
    (target / present).write_text("oma\n", "utf-8")
    before = sorted(p.relative_to(target).as_posix() for p in target.rglob("*"))
    result = run("init", str(target), *COUNTY, "--no-git")
    assert result.exit_code == 2
    assert f"{target} is not empty ({present.split('/')[0]}): hyte init starts" in result.stderr
    assert "pass --force" in result.stderr
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == before


def test_a_folder_holding_only_git_is_empty_enough(tmp_path: Path) -> None:
    target = tmp_path / "klooni"
    (target / ".git").mkdir(parents=True)
    result = run("init", str(target), *COUNTY, "--no-git")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_never_writes_into_the_root_of_the_file_system(force: list[str]) -> None:
    root = Path(Path.cwd().anchor)
    result = run("init", str(root), *COUNTY, "--no-git", *force)
    assert result.exit_code == 2
    assert f"{root} is the root of the file system: hyte init never writes there" in result.stderr
    assert not (root / "plan" / "plan.yaml").exists()


def test_the_gitignore_ignores_hyte_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "uusi"
    assert run("init", str(target), *COUNTY, "--no-git").exit_code == 0
    leftover = target / "plan" / ".plan.yaml.hyte-tmp-abc123"
    leftover.write_text("half", "utf-8")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    subprocess.run(["git", "init", "-q", str(target)], check=True, env=env)
    ignored = subprocess.run(
        ["git", "-C", str(target), "check-ignore", "plan/.plan.yaml.hyte-tmp-abc123"],
        capture_output=True,
        check=False,
        env=env,
    )
    assert ignored.returncode == 0, ignored.stderr
    listed = subprocess.run(
        ["git", "-C", str(target), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert "hyte-tmp" not in listed and "plan/plan.yaml" in listed


def test_keeps_other_existing_files(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "README.md").write_text("# Oma README\n", "utf-8")
    result = run("init", str(target), *COUNTY, "--no-git", "--force")
    assert result.exit_code == 0, result.output
    assert f"kept {target / 'README.md'} as it was" in result.stdout
    assert (target / "README.md").read_text("utf-8") == "# Oma README\n"


@pytest.mark.usefixtures("git_env")
def test_git_init_and_not_inside_another_repository(tmp_path: Path) -> None:
    target = tmp_path / "g"
    result = run("init", str(target), *COUNTY)
    assert result.exit_code == 0, result.output
    assert git(target, "symbolic-ref", "--short", "HEAD") == "main"
    inner = target / "sub"
    result = run("init", str(inner), *COUNTY)
    assert result.exit_code == 0
    assert "is already in a git repository: git init not run" in result.stdout
    assert not (inner / ".git").exists()


@pytest.mark.usefixtures("git_env")
def test_git_init_ignores_another_repositorys_git_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run from a hook of another repository (GIT_DIR set), hyte init must still make the new
    # folder a repository of its own, not re-initialise that one.
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "--quiet")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    target = tmp_path / "uusi"
    result = run("init", str(target), *COUNTY)
    assert result.exit_code == 0, result.output
    assert f"initialised a git repository in {target}" in result.stdout
    assert (target / ".git").is_dir()


@pytest.mark.usefixtures("git_env")
def test_init_commit_edit_then_diff_shows_the_change(tmp_path: Path) -> None:
    target = tmp_path / "uusi"
    assert run("init", str(target), *COUNTY).exit_code == 0
    commit(target, {}, "Start the plan")
    area = target / "plan/painopiste-1.yaml"
    area.write_text(
        area.read_text("utf-8").replace(
            "goals: []\n",
            "goals:\n  - id: tavoite-1\n    title: Ensimmäinen tavoite\n"
            "    deadline: {due: 2025, wording: vuoden 2025 loppuun mennessä}\n",
        ),
        "utf-8",
    )
    result = run("diff", "--repo", str(target))
    assert result.exit_code == 0, result.output
    assert "1 change (1 added)" in result.stdout
    assert "  + goal tavoite-1: Ensimmäinen tavoite (deadline 2025" in result.stdout
    assert run("validate", "--repo", str(target)).exit_code == 0


def test_docs_show_the_workflow_and_pre_commit_config_that_init_writes() -> None:
    files = render_files(
        PlanSettings(
            name="x",
            organisation_type="municipality",
            start=date(2025, 1, 1),
            end=date(2025, 12, 31),
        ).resolved()
    )
    ci_doc = (REPO_ROOT / "docs/ci.md").read_text("utf-8")
    assert files[".github/workflows/hyte.yml"] in ci_doc
    assert files[".pre-commit-config.yaml"] in ci_doc
    workflow = yaml.safe_load(files[".github/workflows/hyte.yml"])
    steps = workflow["jobs"]["plan"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = [step.get("run", "") for step in steps]
    assert "hyte validate --format github" in runs
    assert any(
        "hyte diff --format markdown" in r and '>> "$GITHUB_STEP_SUMMARY"' in r for r in runs
    )


def test_pre_commit_hook_manifest() -> None:
    [hook] = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "hyte-validate"
    assert (hook["language"], hook["pass_filenames"], hook["always_run"]) == (
        "python",
        False,
        False,
    )
    assert hook["entry"] == "hyte validate"
    files = re.compile(hook["files"])
    for path in ["plan/plan.yaml", "plan/alue.yml", "indicators/m.yaml"]:
        assert files.search(path), path
    for path in ["README.md", "templates/plan.yaml", "plan/notes.txt", "x/plan/a.yaml"]:
        assert not files.search(path), path


@pytest.mark.skipif(
    not Path(PRE_COMMIT).exists(),
    reason="pre-commit is not installed (pip install -e '.[test]')",
)
def test_pre_commit_validates_the_manifest_and_the_config_init_writes(tmp_path: Path) -> None:
    pre_commit = PRE_COMMIT
    assert run("init", str(tmp_path / "p"), *COUNTY, "--no-git").exit_code == 0
    for command, path in [
        ("validate-manifest", REPO_ROOT / ".pre-commit-hooks.yaml"),
        ("validate-config", tmp_path / "p/.pre-commit-config.yaml"),
    ]:
        result = subprocess.run([pre_commit, command, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("organisation_type", "code", "rule"),
    [
        ("municipality", "49", "a municipality code is three digits, such as 049"),
        ("municipality", "0490", "a municipality code is three digits"),
        ("wellbeing_services_county", "049", "a wellbeing services county's code is two digits"),
        ("wellbeing_services_county", "4", "a wellbeing services county's code is two digits"),
        ("other", "4", "an official code is two or three digits"),
    ],
)
def test_a_code_must_fit_the_type_of_organisation(
    tmp_path: Path, organisation_type: str, code: str, rule: str
) -> None:
    result = run(
        "init", str(tmp_path / "x"), "--name", "Testi", "--type", organisation_type,
        "--start", "2025-01-01", "--end", "2026-12-31", "--code", code, "--no-git",
    )  # fmt: skip
    assert result.exit_code == 2
    assert f"--code '{code}' does not fit --type {organisation_type}: {rule}" in result.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("organisation_type", "code"),
    [("municipality", "049"), ("wellbeing_services_county", "15"), ("other", "90")],
)
def test_codes_of_the_right_form_are_written(
    tmp_path: Path, organisation_type: str, code: str
) -> None:
    result = run(
        "init", str(tmp_path / "x"), "--name", "Testi", "--type", organisation_type,
        "--start", "2025-01-01", "--end", "2026-12-31", "--code", code, "--no-git",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    plan = load_repository(tmp_path / "x").plan
    assert plan is not None and plan.organisation.code == code


def test_init_warns_that_the_default_requirement_is_not_on_pypi(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "a"), *COUNTY, "--no-git")
    assert result.exit_code == 0, result.output
    warning = result.stderr
    assert warning.startswith("hyte: warning: hytecli is not published on PyPI yet")
    assert "'hytecli==0.1.0'" in warning
    assert ".github/workflows/hyte.yml" in warning and ".pre-commit-config.yaml" in warning
    assert "--hyte-requirement 'hytecli @ git+<url-of-the-hyte-repository>@<tag>'" in warning
    assert "PyPI" not in result.stdout  # on standard error only
    # the files the warning names are written, to be edited
    assert (tmp_path / "a/.github/workflows/hyte.yml").exists()
    requirement = "hytecli @ git+https://git.example.invalid/hyte.git@v0.1.0"  # fictional
    given = run("init", str(tmp_path / "b"), *COUNTY, "--no-git", "--hyte-requirement", requirement)
    assert given.exit_code == 0, given.output
    assert given.stderr == ""
    assert requirement in (tmp_path / "b/.pre-commit-config.yaml").read_text("utf-8")


def test_docs_say_hyte_is_not_on_pypi_with_a_marked_placeholder() -> None:
    for page in ("docs/init.md", "docs/ci.md"):
        text = (REPO_ROOT / page).read_text("utf-8")
        assert "not published on PyPI yet" in text, page
        assert "hytecli @ git+<url-of-the-hyte-repository>@<tag>" in text, page
        assert "example.org" not in text, page


@pytest.mark.usefixtures("git_env")
def test_init_repository_returns_what_it_did(tmp_path: Path) -> None:
    from hytecli.scaffold import REQUIREMENT_PLACEHOLDER, init_repository

    settings = PlanSettings(
        name="Testin hyvinvointialue",
        organisation_type="wellbeing_services_county",
        start=date(2024, 1, 1),
        end=date(2026, 12, 31),
    )
    target = tmp_path / "uusi kansio"
    result = init_repository(target, settings)
    assert "plan/plan.yaml" in result.written and result.kept == []
    assert (result.git, result.git_problem, result.failed) == ("initialised", None, False)
    # the new plan validates; the empty first area is a reminder, not an error
    assert [(f.code, f.severity.value) for f in result.findings] == [("P003", "warning")]
    assert result.settings.hyte_requirement == "hytecli==0.1.0"
    [warning] = result.warnings  # the default requirement is not on PyPI yet
    assert REQUIREMENT_PLACEHOLDER in warning
    assert f"cd '{target}' && hyte validate" in result.next_step
    inner = init_repository(
        target / "sisempi", dataclasses.replace(settings, hyte_requirement="hytecli==9")
    )
    assert (inner.git, inner.warnings) == ("already_in_git", [])
    assert init_repository(tmp_path / "ilman", settings, git=False).git == "not_asked"


def test_init_repository_reports_a_failed_git_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hytecli import scaffold
    from hytecli.gitrun import GitProblem

    def fail(folder: Path) -> None:
        raise GitProblem("git init failed: no space left")

    monkeypatch.setattr(scaffold, "inside_work_tree", lambda folder: False)
    monkeypatch.setattr(scaffold, "git_init", fail)
    result = run("init", str(tmp_path / "p"), *COUNTY)
    assert result.exit_code == 1
    assert "wrote " in result.stdout and "git init failed: no space left" in result.stderr
    assert (tmp_path / "p/plan/plan.yaml").exists()  # the files stay; git init can be rerun
