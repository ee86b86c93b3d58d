"""The plan as it was at a git revision, and the difference between two revisions (``hyte diff``).

git is run through :func:`hytecli.gitrun.run_git` (never through a shell, with a time limit,
without the variables that point git at another repository). A revision's plan
files are listed with ``git ls-tree``, read with one ``git cat-file --batch`` and loaded from
memory with :func:`hytecli.repository.load_repository_files`, so a revision is read exactly as
the working tree is; :func:`diff_revisions` compares two of them with
:func:`hytecli.plandiff.diff_plans`. Problems become :class:`GitProblem` exceptions whose message
says what to do (fetch the missing history, name another revision, ...).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from hytecli.diff_changes import PlanDiff, Version
from hytecli.findings import Finding, Severity
from hytecli.gitrun import GitProblem, run_git
from hytecli.plan_paths import OUTSIDE, not_a_file_finding
from hytecli.plandiff import diff_plans
from hytecli.repository import (
    INDICATOR_DIR,
    PLAN_DIR,
    PLAN_FILE,
    YAML_SUFFIXES,
    PlanHasErrors,
    PlanRepository,
    load_repository,
    load_repository_files,
    require_usable_plan,
)
from hytecli.yaml_strict import MAX_BYTES
from hytecli.yamlfile import too_large
from hytecli.year_texts import REPORTS_DIR

#: How many findings a "the plan at this revision is broken" message shows.
SHOWN_FINDINGS = 5
_FETCH_HINT = (
    "in GitHub Actions, check out with 'fetch-depth: 0' (actions/checkout) so that the base "
    "branch and its history are there"
)


NO_COMMITS = (
    "there are no commits yet, so there is nothing to compare with: commit the plan first "
    "(git add -A && git commit -m 'Start the plan'); hyte diff then shows the changes made since "
    "(or name a base revision: hyte diff BASE)"
)


@dataclass(frozen=True)
class Revision:
    """A revision resolved to a commit.

    Attributes:
        spec: The revision as given (``origin/main``, ``HEAD~2``, a commit id).
        commit: The full commit id.
        label: How to show it: ``origin/main (1a2b3c4)``.

    """

    spec: str
    commit: str
    label: str


class GitRepository:
    """The git repository that holds a plan repository (the plan may be in a sub-folder of it)."""

    def __init__(self, plan_root: Path) -> None:
        """Find the git repository around ``plan_root``.

        Raises:
            GitProblem: git is not installed, or ``plan_root`` is not in a git working tree.

        """
        self.plan_root = plan_root.resolve()
        result = self._run_in(
            self.plan_root, "rev-parse", "--show-toplevel", "--show-prefix", check=False
        )
        if result.returncode != 0:
            said = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitProblem(
                f"{self.plan_root} is not in a git repository: hyte diff compares git revisions "
                "of the plan; make the plan repository a git repository first (git init, "
                "git add -A, git commit)" + (f" (git says: {said[0]})" if said else "")
            )
        lines = result.stdout.decode("utf-8", "replace").splitlines()
        self.top = Path(lines[0])
        self.prefix = lines[1] if len(lines) > 1 else ""

    @staticmethod
    def _run_in(
        folder: Path, *args: str, check: bool = True, stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        result = run_git(folder, *args, stdin=stdin)
        if check and result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip()
            raise GitProblem(f"git {args[0]} failed: {message}")
        return result

    def git(self, *args: str, check: bool = True, stdin: bytes | None = None) -> str:
        """Run ``git ARGS`` at the top of the repository and return its standard output."""
        result = self._run_in(self.top, *args, check=check, stdin=stdin)
        return result.stdout.decode("utf-8", "replace").strip()

    def _commit_of(self, spec: str) -> str | None:
        result = self._run_in(
            self.top,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{spec}^{{commit}}",
            check=False,
        )
        return result.stdout.decode().strip() if result.returncode == 0 else None

    def is_shallow(self) -> bool:
        """Tell whether this is a shallow clone (history cut off, e.g. by ``--depth 1``)."""
        return self.git("rev-parse", "--is-shallow-repository", check=False) == "true"

    def resolve(self, spec: str) -> Revision:
        """Resolve a revision to a commit.

        Raises:
            GitProblem: no such revision here, with how to fetch it.

        """
        if spec.startswith("-"):
            raise GitProblem(f"{spec!r} is not a revision")
        commit = self._commit_of(spec)
        if commit is None:
            raise GitProblem(self._missing_message(f"revision {spec!r} is not in this repository"))
        short = self.short(commit)
        label = short if commit.startswith(spec.lower()) else f"{spec} ({short})"
        return Revision(spec, commit, label)

    def short(self, commit: str) -> str:
        """Return the commit's abbreviated id, as ``git rev-parse --short`` gives it."""
        return self.git("rev-parse", "--short", commit, check=False) or commit[:7]

    def has_commits(self) -> bool:
        """Tell whether ``HEAD`` is a commit (a new repository has none until the first)."""
        return self._commit_of("HEAD") is not None

    def _missing_message(self, what: str) -> str:
        if not self.has_commits():
            return (
                f"{what}: this repository has no commits yet. Commit the plan first (git add -A, "
                "git commit), or fetch the revision from a remote (e.g. 'git fetch origin main' "
                "and name it origin/main)"
            )
        if self.is_shallow():
            return (
                f"{what}: this is a shallow clone, so older commits and other branches are "
                "missing. Fetch them with 'git fetch --unshallow' (and 'git fetch origin main' "
                f"for the base branch); {_FETCH_HINT}"
            )
        return (
            f"{what}. If it is a branch of the remote, fetch it first (e.g. 'git fetch origin "
            f"main' and name it origin/main); {_FETCH_HINT}"
        )

    def default_branch(self) -> str:
        """Return the default branch: ``origin/HEAD``'s target, else main, else master.

        Raises:
            GitProblem: none of them exists.

        """
        target = self.git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD", check=False)
        if target.startswith("refs/remotes/") and self._commit_of(target):
            return target.removeprefix("refs/remotes/")
        for name in ("main", "master"):
            for ref in (f"refs/heads/{name}", f"refs/remotes/origin/{name}"):
                if self._commit_of(ref):
                    return name if ref.startswith("refs/heads/") else f"origin/{name}"
        raise GitProblem(
            self._missing_message(
                "cannot find the default branch (origin/HEAD, main or master) to compare with; "
                "name the base revision (hyte diff BASE)"
            )
        )

    def merge_base(self, branch: str) -> Revision:
        """Return the merge base of ``HEAD`` and ``branch`` (where the current branch forked).

        Raises:
            GitProblem: there are no commits yet, or no common history (e.g. a shallow clone).

        """
        head = self._commit_of("HEAD")
        if head is None:
            raise GitProblem(NO_COMMITS)
        base = self.git("merge-base", head, branch, check=False)
        if not base:
            raise GitProblem(
                self._missing_message(f"HEAD and {branch} have no common history here")
            )
        return Revision(branch, base, f"merge base of HEAD and {branch} ({self.short(base)})")

    def default_base(self) -> Revision:
        """Return where the current branch forked from the default branch (``hyte diff``'s base).

        Raises:
            GitProblem: there are no commits yet, no default branch, or no common history.

        """
        if not self.has_commits():
            raise GitProblem(NO_COMMITS)
        return self.merge_base(self.default_branch())

    def plan_files(self, revision: Revision) -> tuple[dict[str, bytes], dict[str, Finding]]:
        """Return the plan's files at ``revision``, and the entries that cannot be read as files.

        The YAML files under ``plan/``, ``indicators/`` and ``reports/`` (the year texts) are
        returned as the working-tree loader (:func:`hytecli.repository.load_repository`) reads
        them: a symbolic link is followed to the file it points to in the same revision
        (anywhere in the repository).
        An entry named like a plan file that is no file there is a located error, as in the
        working tree: a link out of the repository (``Y013``), a dangling link, a loop, a link
        to a folder, a folder or a submodule (``Y012``).

        Returns:
            ``(files, problems)``: path relative to the plan root → contents, and path → the
            finding to report for it (see :func:`hytecli.repository.load_repository_files`).

        Raises:
            GitProblem: a file is larger than plan files may be (``usage=False``).

        """
        listing = self._run_in(
            self.top,
            "ls-tree",
            "-r",
            "-t",
            "-z",
            "--long",
            "--full-tree",
            revision.commit,
            "--",
            f"{self.prefix}{PLAN_DIR}",
            f"{self.prefix}{INDICATOR_DIR}",
            f"{self.prefix}{REPORTS_DIR}",
        ).stdout.decode("utf-8", "surrogateescape")
        wanted: list[tuple[str, str]] = []  # (path in the plan, what to ask cat-file for)
        problems: dict[str, Finding] = {}
        for entry in filter(None, listing.split("\0")):
            meta, _tab, path = entry.partition("\t")
            mode, kind, obj, size = meta.split()
            if PurePosixPath(path).suffix not in YAML_SUFFIXES:
                continue
            plan_path = path.removeprefix(self.prefix)
            if kind != "blob":
                what = "a folder" if kind == "tree" else "a submodule"
                problems[plan_path] = not_a_file_finding(
                    plan_path, f"this is {what} at {revision.label}"
                )
                continue
            if mode == "120000":  # a symbolic link: cat-file follows it within the revision
                if "\n" in path:
                    problems[plan_path] = not_a_file_finding(
                        plan_path,
                        f"this is a symbolic link with a line break in its name at "
                        f"{revision.label}, which hyte cannot follow: rename it",
                    )
                    continue
                wanted.append((plan_path, f"{revision.commit}:{path}"))
                continue
            self._check_size(path, int(size), revision)
            wanted.append((plan_path, obj))
        if not wanted:
            return {}, problems
        request = "".join(f"{name}\n" for _path, name in wanted).encode("utf-8", "surrogateescape")
        output = self._run_in(
            self.top, "cat-file", "--batch", "--follow-symlinks", stdin=request
        ).stdout
        files: dict[str, bytes] = {}
        position = 0
        for path, _name in wanted:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].decode("utf-8", "surrogateescape").split(" ")
            position = header_end + 1
            if header[-1] == "missing":  # not expected: ls-tree has just listed it
                continue
            # "<oid> <type> <size>", or "symlink|dangling|loop|notdir <size>" for a link
            length = int(header[-1])
            body = output[position : position + length]
            position += length + 1
            if header[0] == "symlink":
                target = body.decode("utf-8", "replace")
                problems[path] = Finding(
                    path,
                    0,
                    0,
                    Severity.ERROR,
                    OUTSIDE,
                    f"this is a symbolic link to {target} at {revision.label}, outside the git "
                    "repository, so git does not have the file it points to: keep plan files "
                    "inside the repository (a link to another place inside it is fine)",
                )
                continue
            if len(header) != 3 or header[1] != "blob":
                what = {
                    "dangling": "a dangling link (to a file that does not exist)",
                    "loop": "a loop of symbolic links",
                    "notdir": "a symbolic link through something that is not a folder",
                    "tree": "a symbolic link to a folder",
                }.get(header[0] if len(header) != 3 else header[1], "not a regular file")
                problems[path] = not_a_file_finding(path, f"this is {what} at {revision.label}")
                continue
            self._check_size(f"{self.prefix}{path}", length, revision)
            files[path] = body
        return files, problems

    @staticmethod
    def _check_size(path: str, size: int, revision: Revision) -> None:
        if size > MAX_BYTES:
            raise GitProblem(f"{path} at {revision.label}: {too_large(size)}", usage=False)


def load_plan_at(git: GitRepository, revision: Revision) -> PlanRepository | None:
    """Load the plan as it was at ``revision``.

    Returns:
        The loaded repository (check its findings), or ``None`` when the revision has no
        ``plan/plan.yaml``.

    """
    files, problems = git.plan_files(revision)
    if PLAN_FILE.as_posix() not in files and PLAN_FILE.as_posix() not in problems:
        return None
    return load_repository_files(git.plan_root, files, problems)


def refuse_broken(repository: PlanRepository, where: str) -> None:
    """Raise when the plan has YAML or schema errors, naming the first ones.

    Args:
        repository: The loaded plan.
        where: Where it was read from, for the message (``at revision main (1a2b3c4)``).

    Raises:
        GitProblem: (``usage=False``) the plan files have errors.

    """
    try:
        require_usable_plan(repository, limit=SHOWN_FINDINGS)
    except PlanHasErrors as exc:
        raise GitProblem(
            f"the plan {where} has errors, so it cannot be compared (fix them, or compare other "
            f"revisions):\n{exc.listing}",
            usage=False,
        ) from None


def diff_revisions(plan_root: Path, base: str | None = None, head: str | None = None) -> PlanDiff:
    """Compare the plan at two revisions of the git repository holding ``plan_root``.

    Args:
        plan_root: The plan repository (the folder with ``plan/plan.yaml``).
        base: The revision to compare from; default: the merge base of ``HEAD`` and the default
            branch (where the current branch forked from it).
        head: The revision to compare to; default: the working tree (the files as they are now).

    Returns:
        The :class:`~hytecli.diff_changes.PlanDiff`.

    Raises:
        GitProblem: not a git repository, an unknown revision or missing history (``usage``), or
            the plan at one of the revisions has YAML or schema errors (not ``usage``).

    """
    git = GitRepository(plan_root)
    base_revision = git.resolve(base) if base is not None else git.default_base()
    base_plan = load_plan_at(git, base_revision)
    if base_plan is not None:
        refuse_broken(base_plan, f"at revision {base_revision.label}")
    if head is None:
        head_version = Version("working tree")
        head_plan: PlanRepository | None = load_repository(git.plan_root)
        where = "in the working tree"
    else:
        head_revision = git.resolve(head)
        head_version = Version(head_revision.label, head_revision.spec, head_revision.commit)
        head_plan = load_plan_at(git, head_revision)
        where = f"at revision {head_revision.label}"
    if head_plan is not None:
        refuse_broken(head_plan, where)
    base_version = Version(base_revision.label, base_revision.spec, base_revision.commit)
    return diff_plans(base_plan, head_plan, base_version=base_version, head_version=head_version)
