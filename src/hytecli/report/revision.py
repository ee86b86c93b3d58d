"""Which revision of the plan data a report was made from: the git commit, and local changes.

A report names the commit (``git rev-parse HEAD`` in the plan repository) and says which of the
plan's folders (``plan/``, ``indicators/``, ``templates/``) had changes not yet committed, so that a
reader can tell exactly which data and templates it was made from. Without git, or outside a git
repository, it says so.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hytecli.gitrun import GitProblem, run_git

#: Folders whose uncommitted changes make a report differ from its commit (``reports/`` holds
#: the coordinator's texts of each year, :mod:`hytecli.year_texts`).
DATA_PATHS = ("plan", "indicators", "reports", "templates")

RevisionState = Literal["clean", "modified", "no_commit", "not_a_repository", "no_git"]


@dataclass(frozen=True)
class Revision:
    """The data revision a report was made from.

    Attributes:
        state: ``clean`` (the files are as committed), ``modified`` (uncommitted changes in
            ``plan/``, ``indicators/``, ``reports/`` or ``templates/``), ``no_commit`` (a git
            repository without commits), ``not_a_repository`` or ``no_git`` (git is not installed).
        commit: The full commit id, when there is one.
        changed: For ``modified``: the folders of :data:`DATA_PATHS` with uncommitted changes,
            in that order (empty when git could not tell which).
    """

    state: RevisionState
    commit: str | None = None
    changed: tuple[str, ...] = ()

    @property
    def short(self) -> str | None:
        """The first 12 characters of the commit id."""
        return self.commit[:12] if self.commit else None

    @property
    def modified(self) -> bool:
        """True when the plan files or templates have uncommitted changes."""
        return self.state == "modified"

    @property
    def plan_changed(self) -> tuple[str, ...]:
        """The plan's data folders (``plan``, ``indicators``, ``reports``) not committed."""
        return tuple(path for path in self.changed if path != "templates")

    @property
    def templates_changed(self) -> bool:
        """True when the report templates (``templates/``) have uncommitted changes."""
        return "templates" in self.changed


@dataclass(frozen=True)
class _Output:
    returncode: int
    stdout: str


def _git(root: Path, *args: str) -> _Output | None:
    """Run git in ``root`` as :func:`hytecli.gitrun.run_git` does; ``None`` if it cannot run."""
    try:
        result = run_git(root, *args)
    except GitProblem:  # cannot run, or too slow: the report then says it cannot tell
        return None
    return _Output(result.returncode, result.stdout.decode("utf-8", "replace"))


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
    changed = []
    for path in DATA_PATHS:  # one folder at a time: porcelain paths are relative to git's root
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", path)
        if status is None or status.returncode != 0:
            return Revision("modified", commit)  # cannot tell: do not claim the files are clean
        if status.stdout.strip():
            changed.append(path)
    return Revision("modified" if changed else "clean", commit, tuple(changed))
