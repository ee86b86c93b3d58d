"""Test helpers: plan repositories in temporary git repositories with real commits.

Every value in these fixtures is fictional (marked "fictional fixture").
"""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

#: A plan with two areas, goals, actions and three indicators; fictional fixture.
BASE_FILES: dict[str, str] = {
    "plan/plan.yaml": """\
        # fictional fixture
        id: testisuunnitelma
        title: Testisuunnitelma 2024–2026
        organisation:
          name: {fi: Testin hyvinvointialue, sv: Testets välfärdsområde}
          short_name: TEST
        period: {start: 2024-01-01, end: 2026-12-31}
        council_terms:
          - id: "2022-2025"
            start: 2022-03-01
            end: 2025-05-31
          - id: "2025-2029"
            start: 2025-06-01
            end: 2029-05-31
        priority_areas:
          - id: alue-a
            title: Alue A
          - id: alue-b
            title: Alue B
        municipalities:
          - code: "049"
            name: {fi: Espoo, sv: Esbo}
          - code: "078"
            name: {fi: Hanko, sv: Hangö}
        """,
    "plan/alue-a.yaml": """\
        # fictional fixture
        id: alue-a
        number: 1
        title: Alue A
        goals:
          - id: tavoite-1
            title: Tavoite yksi
            deadline: {due: 2025, wording: vuoden 2025 loppuun mennessä}
            responsible: [Testitaho]
            indicators: [mittari-1]
            actions:
              - id: toimenpide-1
                title: Toimenpide yksi tehdään yhdessä kuntien kanssa
                deadline: 2024-06
              - id: toimenpide-2
                title: Toimenpide kaksi
          - id: tavoite-2
            title: Tavoite kaksi
            responsible: [Toinen taho]
            indicators: [mittari-2]
        """,
    "plan/alue-b.yaml": """\
        # fictional fixture
        id: alue-b
        number: 2
        title: Alue B
        goals:
          - id: tavoite-3
            title: Tavoite kolme
            indicators: [mittari-3]
            actions:
              - id: toimenpide-3
                title: Toimenpide kolme
        """,
    "indicators/mittari-1.yaml": """\
        # fictional fixture
        id: mittari-1
        name: Verkosto perustettu
        kind: yes_no
        target:
          value: true
          deadline: 2024
        values: []
        """,
    "indicators/mittari-2.yaml": """\
        # fictional fixture
        id: mittari-2
        name: Osallistujien määrä
        kind: count
        unit: kpl
        direction: increase
        target:
          value: 100
          comparison: at_least
          deadline: {due: 2026, wording: vuoteen 2026 mennessä}
        baseline: {period: 2023, value: 40}
        values:
          - period: 2023
            value: 40
          - period: 2024
            value: 50
        """,
    "indicators/mittari-3.yaml": """\
        # fictional fixture
        id: mittari-3
        name: Odotusaika päivinä
        kind: count
        direction: decrease
        target: {value: 14, comparison: at_most, deadline: 2026}
        values: []
        """,
}

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Isolate git from the user's configuration and give commits an author."""
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return its output (fails the test when git fails)."""
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.strip()


def write_files(root: Path, files: dict[str, str | None]) -> None:
    """Write ``{path: text}`` under ``root`` (texts dedented); ``None`` deletes the file."""
    for relative, text in files.items():
        path = root / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def commit(repo: Path, files: dict[str, str | None], message: str = "change") -> str:
    """Write ``files``, commit everything and return the new commit id."""
    write_files(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def init_repo(repo: Path, files: dict[str, str | None] | None = None, branch: str = "main") -> Path:
    """Make ``repo`` a git repository whose first commit holds ``files`` (or the base plan)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "--quiet", f"--initial-branch={branch}")
    commit(repo, dict(BASE_FILES) if files is None else files, "base")
    return repo


def edited(path: str, *replacements: tuple[str, str]) -> dict[str, str]:
    """Return ``{path: text}``: the base plan's file with each ``(old, new)`` replaced (once)."""
    text = textwrap.dedent(BASE_FILES[path])
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} is not once in {path}"
        text = text.replace(old, new)
    return {path: text}
