"""Running git for hyte: one safe way to call it, ``git init`` and "is this a working tree?".

git is run as a subprocess with its arguments as a list (never through a shell), always through
:func:`run_git`: in the folder given, with a time limit, and without the variables that point git
at another repository (see :data:`OTHER_REPOSITORY_VARIABLES`). Problems become
:class:`GitProblem` exceptions whose message says what to do. Reading a plan at a revision is
:mod:`hytecli.gitrepo`'s.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: Seconds one git command may take before hyte gives up on it (a hung credential helper, a
#: network file system): the plan's commands are all local and take milliseconds.
GIT_TIMEOUT = 30
#: Variables that make git use another repository than the one in the folder it is run in: git's
#: own list of repository-local variables (``git rev-parse --local-env-vars``). git sets
#: ``GIT_DIR`` and ``GIT_INDEX_FILE`` for its hooks, so hyte run from a hook of another repository
#: (or the tests run from one) would otherwise read that repository. ``GIT_CONFIG_PARAMETERS`` and
#: ``GIT_CONFIG_COUNT`` (``git -c``) are kept, as git itself keeps them for a submodule
#: (``prepare_other_repo_env`` in git's run-command.c).
OTHER_REPOSITORY_VARIABLES = (
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
)


class GitProblem(Exception):
    """git cannot give what was asked; the message says why and what to do.

    Attributes:
        usage: True when the problem is with what the user asked for or their setup (not a git
            repository, unknown revision), False when the plan itself is broken.

    """

    def __init__(self, message: str, *, usage: bool = True) -> None:
        super().__init__(message)
        self.usage = usage


def git_environment() -> dict[str, str]:
    """Return the environment git is run in: this one, without :data:`OTHER_REPOSITORY_VARIABLES`.

    ``LC_ALL=C`` keeps git's messages (quoted in hyte's) in English, as hyte's are, and
    ``GIT_OPTIONAL_LOCKS=0`` keeps read-only commands such as ``git status`` from writing the
    index, so that hyte never competes with the user's own git commands for its lock.
    """
    env = {k: v for k, v in os.environ.items() if k not in OTHER_REPOSITORY_VARIABLES}
    env.update(LC_ALL="C", GIT_OPTIONAL_LOCKS="0")
    return env


def run_git(
    folder: Path, *args: str, stdin: bytes | None = None, missing_hint: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git ARGS`` in ``folder`` (see :func:`git_environment`) and return what it did.

    Args:
        folder: The folder git is run in (``git -C``); it finds its repository from there.
        args: git's arguments (never through a shell).
        stdin: Bytes for git's standard input.
        missing_hint: Added to the message when git is not installed (``, or use --no-git``).

    Returns:
        The finished process, whatever its exit status (check ``returncode``).

    Raises:
        GitProblem: git is not installed, cannot be run, or took longer than
            :data:`GIT_TIMEOUT` seconds.
    """
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            input=stdin,
            capture_output=True,
            env=git_environment(),
            check=False,
            timeout=GIT_TIMEOUT,
        )
    except FileNotFoundError:
        raise GitProblem(
            f"git is not installed (or not on PATH): install git first{missing_hint}"
        ) from None
    except subprocess.TimeoutExpired:
        command = " ".join(["git", *args[:1]])
        raise GitProblem(
            f"{command} did not finish within {GIT_TIMEOUT} seconds in {folder}"
        ) from None
    except OSError as exc:
        raise GitProblem(f"cannot run git: {exc}") from None


def inside_work_tree(folder: Path) -> bool:
    """Tell whether ``folder`` is already inside a git working tree (False without git)."""
    try:
        result = run_git(folder, "rev-parse", "--is-inside-work-tree")
    except GitProblem:
        return False
    return result.returncode == 0 and result.stdout.strip() == b"true"


def git_init(folder: Path) -> None:
    """Run ``git init`` in ``folder`` with ``main`` as the first branch.

    Raises:
        GitProblem: git is missing or failed.

    """
    result = run_git(
        folder, "init", "--quiet", "--initial-branch=main", missing_hint=", or use --no-git"
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise GitProblem(f"git init failed: {message}")
