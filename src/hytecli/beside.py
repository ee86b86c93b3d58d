"""Run two pieces of work at once on a large plan: one in a forked process, one in this one.

Reading a national-size plan already uses two cores (:mod:`hytecli.plan_files`); after it, the
second core sat idle while the cross-file rules ran. :func:`run_beside` runs one callable in a
child process made by ``fork`` (it sees the loaded plan as it is, nothing is sent to it) and
another here at the same time, then returns both results. The child sends its result back
pickled, so it should be small (findings, not models).

The result is the same as running the two one after the other: when there is no second core,
no ``fork`` (not on Linux or macOS), the process cannot be made, or the child fails in any way
(an exception, killed, out of memory), the child's work is run here instead, so its errors are
raised here as they would have been.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


def second_core() -> bool:
    """Whether this process may run on more than one core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return cores > 1 and hasattr(os, "fork")


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _child(work: Callable[[], A], fd: int) -> None:  # pragma: no cover - runs in the child
    code = 1
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        code = 0
    except BaseException:  # noqa: BLE001, S110 - any failure: the parent runs the work itself
        pass
    finally:
        os._exit(code)


def run_beside(beside: Callable[[], A], here: Callable[[], B], *, fork: bool = True) -> tuple[A, B]:
    """Run ``beside`` in a forked child process while ``here`` runs in this one.

    Args:
        beside: Work whose result can be pickled (and is small: it is sent back through a pipe).
            It must not write files or print: the child's output would be lost or doubled.
        here: Work run in this process meanwhile.
        fork: ``False`` runs both here, one after the other (a small plan: making a process
            costs more than it saves).

    Returns:
        ``(beside(), here())``, the same as running them one after the other.

    Raises:
        Exception: whatever ``here`` raises, or ``beside`` when run here after the child failed.
    """
    if not fork or not second_core():
        return beside(), here()
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return beside(), here()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return beside(), here()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        _child(beside, write_fd)
    os.close(write_fd)
    try:
        mine = here()
    finally:
        # Read before waiting: a child blocked on a full pipe would never end.
        data = _read_all(read_fd)
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        return beside(), mine
    result: A = pickle.loads(data)  # noqa: S301 - our own child's bytes, through our own pipe
    return result, mine
