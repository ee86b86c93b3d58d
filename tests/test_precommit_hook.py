"""The `hyte-validate` pre-commit hook, run for real through the pre-commit tool.

Slow (marked ``precommit``; deselect with ``-m "not precommit"``): ``pre-commit try-repo``
installs hyte into its own virtualenv, which needs PyPI for hyte's build backend and dependencies.
It installs from a committed snapshot of this checkout (``src/``, ``pyproject.toml``, ``README.md``,
``.pre-commit-hooks.yaml``), so uncommitted or new files of the checkout are tested as they are.
The plan repository is made by ``hyte init``; its data is fictional.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gitplan import commit, git, git_env  # noqa: F401
from hytecli.cli import app

# The pre-commit of the environment running the tests (the test extras install it).
PRE_COMMIT = str(Path(sys.executable).with_name("pre-commit"))

REPO_ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.precommit,
    pytest.mark.skipif(
        not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed (the test extras)"
    ),
    pytest.mark.usefixtures("git_env"),
]


def hyte_snapshot(folder: Path) -> Path:
    """Copy what pip needs to install hyte into a new git repository and commit it."""
    folder.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO_ROOT / name, folder / name)
    shutil.copytree(
        REPO_ROOT / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    git(folder, "init", "--quiet", "--initial-branch=main")
    commit(folder, {}, "hyte snapshot")
    return folder


def try_repo(plan: Path, hyte: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(hyte), "hyte-validate", "--all-files", "--color", "never"],
        cwd=plan,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_hook_passes_on_a_good_plan_and_fails_with_the_finding_on_a_broken_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    hyte = hyte_snapshot(tmp_path / "hyte")
    plan = tmp_path / "plan"
    init = CliRunner().invoke(
        app,
        ["init", str(plan), "--name", "Testin hyvinvointialue", "--type", "municipality",
         "--start", "2025-06-01", "--end", "2029-05-31"],
    )  # fmt: skip
    assert init.exit_code == 0, init.output
    commit(plan, {}, "Start the plan")

    good = try_repo(plan, hyte)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "hyte validate" in good.stdout and "Passed" in good.stdout

    broken = plan / "indicators" / "mittari.yaml"
    broken.write_text("id: mittari\nname: Mittari\nkind: yes_no\nunit: no\n", "utf-8")
    commit(plan, {}, "Break the plan")
    bad = try_repo(plan, hyte)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "indicators/mittari.yaml:4:7: error Y004 unquoted 'no'" in bad.stdout
