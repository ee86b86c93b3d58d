"""Which revision of the plan data a report was made from: the git commit, and local changes.

A report names the commit (``git rev-parse HEAD`` in the plan repository) and says whether the
plan's files (``plan/``, ``indicators/``, ``templates/``) had changes not yet committed, so that a
reader can tell exactly which data it shows. Without git, or outside a git repository, it says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: Folders whose uncommitted changes make a report differ from its commit.
DATA_PATHS = ("plan", "indicators", "templates")

RevisionState = Literal["clean", "modified", "no_commit", "not_a_repository", "no_git"]


@dataclass(frozen=True)
class Revision:
    """The data revision a report was made from.

    Attributes:
        state: ``clean`` (the files are as committed), ``modified`` (uncommitted changes in
            ``plan/``, ``indicators/`` or ``templates/``), ``no_commit`` (a git repository without
            commits), ``not_a_repository`` or ``no_git`` (git is not installed).
        commit: The full commit id, when there is one.
    """

    state: RevisionState
    commit: str | None = None

    @property
    def short(self) -> str | None:
        """The first 12 characters of the commit id."""
        return self.commit[:12] if self.commit else None

    @property
    def modified(self) -> bool:
        """True when the plan files have uncommitted changes."""
        return self.state == "modified"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    try:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def detect_revision(root: Path) -> Revision:
    """Find the commit of the plan repository at ``root`` and whether its data is modified."""
    if shutil.which("git") is None:
        return Revision("no_git")
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != "true":
        return Revision("not_a_repository")
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if head is None or head.returncode != 0 or not head.stdout.strip():
        return Revision("no_commit")
    commit = head.stdout.strip()
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *DATA_PATHS)
    if status is None or status.returncode != 0:
        return Revision("modified", commit)  # cannot tell: do not claim the files are clean
    return Revision("modified" if status.stdout.strip() else "clean", commit)
