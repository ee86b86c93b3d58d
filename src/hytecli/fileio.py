"""Writing files so that a crash or kill mid-write never leaves a half-written file.

The new contents go to a temporary file in the same folder and are flushed to disk
(:func:`os.fsync`); the temporary file then replaces the old file in one atomic rename
(:func:`os.replace`, atomic on POSIX and Windows), and on POSIX the folder is flushed too, so
that the rename itself survives a power cut. A plan file that is a symbolic link stays a link:
the file it points to is the one replaced.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


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
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
