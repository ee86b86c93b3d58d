"""Writing files so that a crash or kill mid-write never leaves a half-written file.

The new contents go to a temporary file in the same folder and are flushed to disk
(:func:`os.fsync`); the temporary file then replaces the old file in one atomic rename
(:func:`os.replace`, atomic on POSIX and Windows), and on POSIX the folder is flushed too, so
that the rename itself survives a power cut. A plan file that is a symbolic link stays a link:
the file it points to is the one replaced.

The temporary file is named ``.<name>.hyte-tmp-XXXXXXXX`` (:data:`TEMP_MARKER`), so that a
leftover of a write killed between the two steps is recognisable: the next write to the same
file removes it, ``hyte validate`` reports it (Y014), and the ``.gitignore`` of ``hyte init``
ignores it. :func:`write_output` is ``--output``: it writes only to a regular file.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from pathlib import Path

from hytecli.errors import HyteError

#: What the names of hyte's temporary files contain: ``.<name>.hyte-tmp-XXXXXXXX``.
TEMP_MARKER = ".hyte-tmp-"


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; best effort, POSIX only.

    Windows cannot open a folder as a file, and some file systems refuse to flush one; the
    rename has then already happened, so such an error is not reported.
    """
    if os.name != "posix":  # pragma: no cover - the tests run on POSIX
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_leftovers(path: Path) -> list[Path]:
    """Remove the temporary files an interrupted write to ``path`` left next to it.

    Only regular files named ``.<name>.hyte-tmp-*`` are removed; they are hyte's own.

    Returns:
        The files removed.
    """
    removed = []
    pattern = os.path.join(
        glob.escape(str(path.parent)), f".{glob.escape(path.name)}{TEMP_MARKER}*"
    )
    for name in glob.glob(pattern, include_hidden=True):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(name).st_mode):
                os.unlink(name)
                removed.append(Path(name))
    return removed


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the old file's permission bits.

    When ``path`` is a symbolic link (or lies in a linked folder), the file it finally points to
    is replaced and the link is kept. A file that did not exist yet gets mode ``0o644``
    (readable by all, as plan files are meant to be).

    Raises:
        OSError: the folder is not writable or the disk is full (the old file is left as it was,
            and no temporary file is left behind).
    """
    path = Path(os.path.realpath(path))
    folder = path.parent
    remove_leftovers(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}{TEMP_MARKER}", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temp_name, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` as UTF-8, atomically (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode("utf-8"))


class OutputRefused(HyteError):
    """``--output`` names something hyte does not write to: a folder, a device, a FIFO, ...."""

    exit_code = 2


#: The folders of a plan repository whose files are the plan itself: ``--output`` never
#: writes into them (a mistyped path would replace a plan file with a report).
PLAN_FOLDERS = ("plan", "indicators", "templates", "reports")


def plan_folder_of(path: Path | str, repository: Path) -> str | None:
    """The plan folder (:data:`PLAN_FOLDERS`) of ``repository`` that ``path`` is in, or ``None``.

    Links are followed on both sides, so a link into ``plan/`` counts as ``plan/``.
    """
    real = Path(os.path.realpath(path))
    root = Path(os.path.realpath(repository))
    for folder in PLAN_FOLDERS:
        if real.is_relative_to(root / folder):
            return folder
    return None


def write_output(path: Path | str, text: str | bytes, repository: Path | None = None) -> None:
    """Write ``text`` to the file ``path`` atomically (``--output``), only ever a regular file.

    ``text`` is written as UTF-8; ``bytes`` (a PDF) are written as they are.

    A new file is created; an existing regular file (or a link to one) is replaced. Anything else
    (a folder, a FIFO, a device such as ``/dev/null``, a socket) is refused rather than replaced
    by a regular file, as is a file in a folder that does not exist, a path written as a folder
    (ending in ``/``), and a file in the plan's own folders (:data:`PLAN_FOLDERS`) of
    ``repository``.

    Args:
        path: As the user gave it (a text keeps a trailing ``/``).
        text: The output (text is written as UTF-8).
        repository: The plan repository's root, whose plan files are protected; ``None`` for a
            command that reads no repository.

    Raises:
        OutputRefused: ``path`` is not a regular file or cannot be one (exit code 2).
        OSError: the file cannot be written (the old one is then left as it was).
    """
    written = str(path)
    example = "output.json" if isinstance(text, str) and text.lstrip().startswith("{") else "report"
    if written.endswith(("/", os.sep)):
        raise OutputRefused(
            f"--output {written} names a folder: give a file name, e.g. "
            f"{written.rstrip('/' + os.sep)}/{example}"
        )
    path = Path(written)
    real = Path(os.path.realpath(path))
    if repository is not None and (plan_folder := plan_folder_of(path, repository)):
        raise OutputRefused(
            f"--output {written} is inside the plan's folder {plan_folder}/, whose files "
            "are the plan itself: write the output somewhere else (e.g. a file in the "
            "repository's root, or in an output/ folder)"
        )
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        what = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "not a regular file (a device, a FIFO or a socket), which hyte does not replace"
        )
        discard = (
            ""
            if stat.S_ISDIR(mode)
            else "; to discard the output, leave out --output and add > /dev/null"
        )
        raise OutputRefused(
            f"--output {path} is {what}: give a file name (the file is created, or replaced if "
            f"it exists){discard}"
        )
    folder = real.parent
    if not folder.is_dir():
        from shlex import quote

        shown = path.parent
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputRefused(
            f"--output {path}: the folder {shown} {what}: create the folder first "
            f"(mkdir -p {quote(str(shown))}), or write the file somewhere else"
        )
    write_bytes_atomic(real, text.encode("utf-8") if isinstance(text, str) else text)
