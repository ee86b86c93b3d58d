"""`hyte validate` from the command line: outputs, --strict, exit codes 0/1/2, never a traceback.

Most tests use Typer's CliRunner on small fictional fixtures (tests/conftest.py); two run the real
entry point (`python -m hytecli`) in a subprocess, as the user's case c11 does with `echo $?`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import MINIMAL_AREA, MINIMAL_INDICATOR, MINIMAL_PLAN
from hytecli.cli import app

Build = Callable[..., Path]

#: One warning (R007: an unused indicator); fictional fixture.
UNUSED = {"indicators/mittari-2.yaml": "id: mittari-2\nname: Mittari kaksi\nkind: yes_no\n"}
#: One error (I004) and one warning (R007); fictional fixture.
BROKEN = {
    **UNUSED,
    "indicators/mittari-1.yaml": MINIMAL_INDICATOR.replace(
        "values: []", "values:\n  - {period: 2024, value: 3}"
    ),
}
I004 = (
    "indicators/mittari-1.yaml:9:27: error I004 a yes/no indicator's value must be true or "
    "false, not 3"
)
R007 = (
    "indicators/mittari-2.yaml:1:5: warning R007 indicator 'mittari-2' is not used by any goal or "
    "action: list it under the indicators of the goal or action it measures, or delete the file"
)


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, ["validate", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def test_clean_plan_exits_0(build_plan: Build) -> None:
    result = run("--repo", str(build_plan()))
    assert result.exit_code == 0
    assert result.stdout == "no problems found\n"


def test_warnings_exit_0_and_fail_under_strict(build_plan: Build) -> None:
    root = str(build_plan(UNUSED))
    result = run("--repo", root)
    assert result.exit_code == 0
    assert result.stdout == f"{R007}\n0 errors, 1 warning in 1 file\n"
    strict = run("--repo", root, "--strict")
    assert strict.exit_code == 1
    assert strict.stdout == f"{R007}\n0 errors, 1 warning in 1 file (--strict: warnings fail)\n"


def test_errors_exit_1_with_text_output(build_plan: Build) -> None:
    result = run("--repo", str(build_plan(BROKEN)))
    assert result.exit_code == 1
    assert result.stdout == f"{I004}\n{R007}\n1 error, 1 warning in 2 files\n"


def test_json_output(build_plan: Build) -> None:
    result = run("--repo", str(build_plan(BROKEN)), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert data["summary"] == {"errors": 1, "warnings": 1}
    keys = ("path", "line", "column", "severity", "code")
    assert [tuple(f[k] for k in keys) for f in data["findings"]] == [
        ("indicators/mittari-1.yaml", 9, 27, "error", "I004"),
        ("indicators/mittari-2.yaml", 1, 5, "warning", "R007"),
    ]


def test_json_output_when_clean(build_plan: Build) -> None:
    result = run("--repo", str(build_plan()), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "version": 1,
        "findings": [],
        "summary": {"errors": 0, "warnings": 0},
    }


def test_github_output(build_plan: Build) -> None:
    root = str(build_plan(BROKEN))
    result = run("--repo", root, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=indicators/mittari-1.yaml,line=9,col=27,title=I004::a yes/no indicator's "
        "value must be true or false, not 3"
    )
    assert lines[1].startswith("::warning file=indicators/mittari-2.yaml,line=1,col=5,title=R007::")
    assert lines[2] == "1 error, 1 warning in 2 files"
    strict = run("--repo", root, "--format", "github", "--strict")
    assert strict.stdout.splitlines()[1].startswith(
        "::error file=indicators/mittari-2.yaml,line=1,col=5,title=R007::"
    )


def test_finds_the_repository_from_a_subfolder(
    build_plan: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_plan(BROKEN)
    monkeypatch.chdir(root / "indicators")
    result = run()
    assert result.exit_code == 1
    assert result.stdout.startswith(I004 + "\n")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"plan/plan.yaml": "id: x\n\ttitle: y\n"}, "plan/plan.yaml:2:1: error Y002 "),
        ({"plan/plan.yaml": ""}, "plan/plan.yaml:1:1: error Y008 "),
        ({"plan/plan.yaml": "- a\n"}, "plan/plan.yaml:1:1: error S003 "),
        (
            {"plan/plan.yaml": MINIMAL_PLAN + "priority_areas: []\n"},
            "error Y003 duplicate key 'priority_areas'",
        ),
        ({"plan/alue-a.yaml": MINIMAL_AREA.replace("title: Alue A", "title: yes")}, "Y004"),
    ],
    ids=["tab", "empty", "list", "duplicate-key", "yaml11"],
)
def test_broken_plan_exits_1_never_0(
    build_plan: Build, files: dict[str, str], expected: str
) -> None:
    result = run("--repo", str(build_plan(files)))
    assert result.exit_code == 1
    assert expected in result.stdout


def test_unknown_format_is_a_usage_error(build_plan: Build) -> None:
    result = run("--repo", str(build_plan()), "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_repo_without_plan_yaml_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--repo", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"hyte: error: {tmp_path.resolve()} is not a plan repository: plan/plan.yaml is missing "
        "there (create one with 'hyte init DIR')\n"
    )
    assert result.stdout == ""


def test_no_repository_above_the_current_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"hyte: error: no plan repository found in {tmp_path.resolve()}"
    )


def _hyte(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hytecli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_c11_exit_codes_of_the_real_command(build_plan: Build, tmp_path: Path) -> None:
    # c11: `hyte validate` on a broken plan, then `echo $?`: 1; 2 for a usage error.
    root = build_plan(BROKEN)
    broken = _hyte("validate", cwd=root)
    assert (broken.returncode, broken.stdout.splitlines()[0]) == (1, I004)
    usage = _hyte("validate", "--repo", str(tmp_path / "nowhere"), cwd=root)
    assert usage.returncode == 2
    assert usage.stderr.startswith("hyte: error: ")
    for process in (broken, usage):
        assert "Traceback" not in process.stdout + process.stderr
