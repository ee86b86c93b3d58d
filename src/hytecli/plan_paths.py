"""Paths inside a plan repository: every file hyte reads there must be an ordinary file inside it.

A plan file, an indicator file or a report template that is a symbolic link to a place outside
the repository is refused (templates come from pull requests and run in CI, so following such a
link would put a file of the CI machine into the report; writing through it would change a file
elsewhere). An entry named like a plan file that is not a regular file (a dangling link, a
folder, a FIFO, a device) is refused too, instead of being skipped so that its goals silently
vanish. Links to other places inside the repository are fine.

Problems are :class:`~hytecli.findings.Finding` values with the code ``Y012`` (not a regular
file) or ``Y013`` (outside the repository); leftovers of interrupted writes are ``Y014``
warnings (see :func:`leftover_temporary_files`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hytecli.fileio import TEMP_MARKER
from hytecli.findings import Finding, Severity

NOT_REGULAR = "Y012"
OUTSIDE = "Y013"
LEFTOVER = "Y014"


def is_inside(root: Path, path: Path) -> bool:
    """Tell whether ``path``, with every symbolic link followed, lies inside ``root``.

    Args:
        root: The repository (or another folder that must contain the path).
        path: The path to check; it need not exist.
    """
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something else"


def entry_problem(root: Path, file: Path) -> tuple[str, str] | None:
    """Say why the entry ``file`` cannot be read as a plan file of ``root``, or return ``None``.

    Args:
        root: The plan repository.
        file: An entry under it named like a plan file (``*.yaml``).

    Returns:
        ``(code, message)``: ``Y013`` for a path (a link, or a linked folder) that leads out of
        the repository, ``Y012`` for a dangling link, a folder, a FIFO or a device; else
        ``None``.
    """
    if not is_inside(root, file):
        target = os.path.realpath(file)
        return (
            OUTSIDE,
            f"this is a symbolic link to {target}, outside the plan repository: hyte reads and "
            "writes plan files only inside the repository; copy the file into the repository "
            "(a link to another place inside it is fine)",
        )
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        return (
            NOT_REGULAR,
            f"this is a symbolic link to {os.readlink(file)}, which does not exist (a dangling "
            "link): restore the file it points to, or delete the link",
        )
    except OSError as exc:
        if file.is_symlink():
            return (
                NOT_REGULAR,
                f"this symbolic link cannot be followed ({exc.strerror}): replace it with the "
                "file, or delete it",
            )
        return None  # unreadable for another reason: reading it reports Y011
    if not stat.S_ISREG(mode):
        return (
            NOT_REGULAR,
            f"this is {_kind(mode)}, not an ordinary file, but named like a plan file: plan files "
            "must be ordinary files; rename or remove it",
        )
    return None


def entry_finding(root: Path, file: Path, display_path: str) -> Finding | None:
    """Return :func:`entry_problem` as an error finding about the whole file, or ``None``."""
    problem = entry_problem(root, file)
    if problem is None:
        return None
    return Finding(display_path, 0, 0, Severity.ERROR, *problem)


def template_findings(root: Path, folder: str = "templates") -> list[Finding]:
    """Find report templates that lead out of the repository (``Y013`` errors).

    ``hyte report`` refuses such a template when it would use it; ``hyte validate`` reports
    every one, so that CI stops a pull request that adds one before any report is made.

    Args:
        root: The plan repository.
        folder: The templates' folder, relative to ``root``.
    """
    base = root / folder
    if not base.is_dir() and not base.is_symlink():
        return []
    if not is_inside(root, base):
        return [Finding(folder, 0, 0, Severity.ERROR, OUTSIDE, _outside_template(base))]
    findings = []
    for entry in sorted(base.rglob("*")):
        if entry.is_symlink() and not is_inside(root, entry):
            shown = entry.relative_to(root).as_posix()
            findings.append(Finding(shown, 0, 0, Severity.ERROR, OUTSIDE, _outside_template(entry)))
    return findings


def _outside_template(path: Path) -> str:
    return (
        f"this is a symbolic link to {os.path.realpath(path)}, outside the plan repository: "
        "report templates are read only from inside the repository (they come from pull "
        "requests and run in CI); copy the template into templates/ instead"
    )


def not_a_file_finding(path: str, what: str) -> Finding:
    """Return the ``Y012`` error for an entry ``path`` that is no file; ``what`` says what it is.

    Used for a git revision's entries (:meth:`hytecli.gitrepo.GitRepository.plan_files`), e.g.
    ``what="this is a folder at main (1a2b3c4)"``.
    """
    return Finding(
        path,
        0,
        0,
        Severity.ERROR,
        NOT_REGULAR,
        f"{what}, not an ordinary file, but named like a plan file: plan files must be ordinary "
        "files; restore the file, or rename or remove the entry",
    )


def leftover_temporary_files(root: Path, folders: tuple[str, ...]) -> list[Finding]:
    """Find temporary files that an interrupted write of hyte left behind (``Y014`` warnings).

    hyte writes a file by writing ``.<name>.hyte-tmp-XXXXXXXX`` next to it and renaming that
    over it (:mod:`hytecli.fileio`); a write killed in between leaves the temporary file. The
    next write to the same file removes it.

    Args:
        root: The plan repository.
        folders: Folders under ``root`` to look in (relative, e.g. ``plan``); the root itself is
            always looked in.
    """
    findings = []
    for relative in ("", *folders):
        folder = root / relative if relative else root
        if not folder.is_dir() or not is_inside(root, folder):
            continue
        for entry in sorted(
            folder.rglob(f".*{TEMP_MARKER}*") if relative else folder.glob(f".*{TEMP_MARKER}*")
        ):
            shown = entry.relative_to(root).as_posix()
            findings.append(
                Finding(
                    shown,
                    0,
                    0,
                    Severity.WARNING,
                    LEFTOVER,
                    f"{shown} is a temporary file left by an interrupted hyte write: delete it "
                    "(the next write to the same file also removes it); do not commit it",
                )
            )
    return findings
