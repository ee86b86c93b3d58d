"""Listing and reading a plan repository's files: every one checked, large plans on every core.

:func:`yaml_files` lists the entries named like plan files under a folder; :func:`read_plan_files`
reads them into :class:`~hytecli.yaml_document.YamlDocument` values, refusing an entry that is
not an ordinary file inside the repository (:func:`hytecli.plan_paths.entry_problem`, Y012 and
Y013) exactly as before, but without following every path's links: a regular file (not a link)
in a folder whose real path is inside the repository is inside it, so only a link, or an entry
of a folder that leads out, takes the full check.

A plan of more than :data:`PARALLEL_FILES` files is read by worker processes as well as this one
(``concurrent.futures``): reading YAML is CPU-bound Python, so only processes use more than one
core. Each worker reads a contiguous slice of the paths and returns its documents, which are put
back in the paths' order: the result is the same, document for document, as reading them one by
one (the tests check it). Without a second core, or when processes cannot be started, the files
are read here.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from hytecli.plan_paths import entry_finding
from hytecli.yaml_document import YamlDocument
from hytecli.yamlfile import read_yaml_file

#: The file name endings of plan files.
YAML_SUFFIXES = (".yaml", ".yml")
#: Plans with more files than this are read by several processes (below it, starting them
#: costs more than it saves: about 10 ms each with ``fork``, a third of a second with ``spawn``).
PARALLEL_FILES = 600
#: At most this many processes read (this one included).
MAX_PROCESSES = 4


def yaml_files(root: Path, folder: str) -> list[str]:
    """Every entry named like a plan file under ``root / folder``: files, links, folders, FIFOs.

    Entries that are not regular files inside the repository are not skipped: reading them
    gives a located error (:func:`hytecli.plan_paths.entry_problem`). Sub-folders are searched,
    but not through a link to a folder (as :meth:`pathlib.Path.rglob`); one that cannot be read
    is passed over.

    Returns:
        Paths relative to ``root`` with ``/`` (``plan/x.yaml``), in the order of their parts
        (as sorted :class:`~pathlib.Path` values: ``plan/a/x.yaml`` before ``plan/a-b/x.yaml``).
    """
    found: list[str] = []
    pending = [(os.path.join(root, folder), folder)]
    while pending:
        real, shown = pending.pop()
        try:
            with os.scandir(real) as entries:
                for entry in entries:
                    path = f"{shown}/{entry.name}"
                    if os.path.splitext(entry.name)[1] in YAML_SUFFIXES:
                        found.append(path)
                    with contextlib.suppress(OSError):
                        if entry.is_dir() and not entry.is_symlink():
                            pending.append((entry.path, path))
        except OSError:  # not a folder, gone, or not readable
            continue
    return sorted(found, key=lambda path: path.split("/"))


class _Boundary:
    """Tells cheaply which entries are surely ordinary files inside ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.prefix = os.path.realpath(root).rstrip(os.sep) + os.sep
        self.folders: dict[str, bool] = {}

    def _folder_inside(self, folder: str) -> bool:
        inside = self.folders.get(folder)
        if inside is None:
            real = os.path.realpath(folder) + os.sep
            inside = self.folders[folder] = real.startswith(self.prefix)
        return inside

    def ordinary(self, file: str) -> bool:
        """Whether ``file`` is a regular file, not a link, in a folder inside the repository."""
        try:
            mode = os.lstat(file).st_mode
        except OSError:
            return False
        return stat.S_ISREG(mode) and self._folder_inside(os.path.dirname(file))


def _read_slice(root: Path, paths: Sequence[str]) -> list[YamlDocument]:
    """Read ``paths`` (relative to ``root``), each refused if not an ordinary file inside."""
    boundary = _Boundary(root)
    documents = []
    for path in paths:
        file = root / path
        if not boundary.ordinary(str(file)):
            problem = entry_finding(root, file, path)
            if problem is not None:
                documents.append(YamlDocument(path=path, findings=[problem]))
                continue
        documents.append(read_yaml_file(file, path))
    return documents


def _processes(count: int) -> int:
    if count <= PARALLEL_FILES:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_PROCESSES, count // (PARALLEL_FILES // 2)))


def read_plan_files(root: Path, paths: Sequence[str]) -> list[YamlDocument]:
    """Read the plan files ``paths`` of ``root`` in order, in parallel when there are many.

    Args:
        root: The plan repository.
        paths: Paths relative to ``root`` (``plan/x.yaml``), each named like a plan file.

    Returns:
        One document per path, in the same order; an entry that is not an ordinary file
        inside the repository gives a document with its Y012 or Y013 finding instead.
    """
    processes = _processes(len(paths))
    if processes == 1:
        return _read_slice(root, paths)
    step = -(-len(paths) // processes)
    slices = [paths[i : i + step] for i in range(0, len(paths), step)]
    try:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(max_workers=len(slices) - 1)
    except (ImportError, OSError, NotImplementedError):  # no processes here (e.g. a sandbox)
        return _read_slice(root, paths)
    with pool:
        try:
            futures = [pool.submit(_read_slice, root, part) for part in slices[1:]]
        except (OSError, RuntimeError):
            return _read_slice(root, paths)
        documents = _read_slice(root, slices[0])
        for part, future in zip(slices[1:], futures, strict=True):
            try:
                documents.extend(future.result())
            except BrokenProcessPool:  # a worker died (killed, out of memory): read it here
                documents.extend(_read_slice(root, part))
    return documents
